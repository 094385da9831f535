/* phrases.c: phrase lists searched in lower-case text (see phrases.h). */
#include "phrases.h"

#include <string.h>

#include "ascii.h"
#include "detect/detect.h"
#include "notice-words.h"

static void
add_list_set (GHashTable *sets, const char *const *list)
{
  gsize n = 0;
  while (list && list[n] && *list[n])
    n++;
  /* short lists are as quick with strstr; an empty phrase is left to it too */
  if (n < 3 || list[n] || g_hash_table_contains (sets, list))
    return;
  MatchSet *set = match_set_new ();
  match_set_add_list (set, list, 0);
  match_set_seal (set);
  g_hash_table_insert (sets, (gpointer) list, set);
}

static gpointer
build_list_sets (gpointer data)
{
  (void) data;
  GHashTable *sets = g_hash_table_new (NULL, NULL);
  const char *const *const shared[] = { shared_end,  shared_lead, contact_labels, id_words,
                                        failure_words, delay_words, final_words,
                                        success_words, from_signals, subject_signals };
  for (gsize i = 0; i < G_N_ELEMENTS (shared); i++)
    add_list_set (sets, shared[i]);
  for (gsize i = 0; i < n_detectors; i++)
    {
      const Detector *d = detectors[i];
      const char *const *const lists[] = { d->from,  d->subject, d->body,       d->headers, d->begin,
                                           d->end,   d->lead,    d->diag_begin, d->skip,    d->notes };
      for (gsize k = 0; k < G_N_ELEMENTS (lists); k++)
        add_list_set (sets, lists[k]);
    }
  return sets;
}

/* The phrase lists of the detectors and the shared ones of three phrases or more,
 * each as a set searched in one pass; NULL for any other list. Built once, read
 * by every thread. */
static const MatchSet *
list_set (const char *const *list)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *sets = g_once (&once, build_list_sets, NULL);
  return list ? g_hash_table_lookup (sets, list) : NULL;
}

/* Do the n bytes at lower (lower case, with no NUL among them) hold a phrase of
 * the list? */
gboolean
contains_any_n (const char *lower, gsize n, const char *const *list)
{
  const MatchSet *set = list_set (list);
  if (set)
    {
      guint tag;
      return match_set_first (set, lower, n, NULL, NULL, &tag) >= 0;
    }
  /* a short list: strstr, in a copy when the text goes on after the n bytes */
  char *copy = lower[n] ? g_strndup (lower, n) : NULL;
  const char *text = copy ? copy : lower;
  gboolean found = FALSE;
  for (gsize i = 0; list && list[i] && !found; i++)
    found = strstr (text, list[i]) != NULL;
  g_free (copy);
  return found;
}

gboolean
contains_any (const char *lower, const char *const *list)
{
  return contains_any_n (lower, strlen (lower), list);
}


void
finder_init (Finder *f, const char *const *list, const char *text, gsize len)
{
  f->list = list;
  f->set = list_set (list);
  f->text = text;
  f->len = len;
  f->searched = FALSE;
}

/* The offset of the first phrase at or after from (never less than the last
 * from asked), or len. Only for a list with a set. */
gsize
finder_next (Finder *f, gsize from)
{
  if (!f->searched || f->at < from)
    {
      guint tag;
      gssize at = from < f->len
                      ? match_set_first (f->set, f->text + from, f->len - from, NULL, NULL, &tag)
                      : -1;
      f->at = at < 0 ? f->len : from + (gsize) at;
      f->searched = TRUE;
    }
  return f->at;
}

/* Does text[from, to) hold a phrase of the list? to is the end of a line. */
gboolean
finder_in (Finder *f, gsize from, gsize to)
{
  if (!f->list)
    return FALSE;
  if (!f->set)
    return contains_any (f->text + from, f->list);
  return finder_next (f, from) < to;
}

/* Appends n bytes of s with ASCII capitals folded. */
void
append_ascii_lower (GString *out, const char *s, gsize n)
{
  gsize at = out->len;
  g_string_set_size (out, at + n);
  ascii_lower_copy (out->str + at, s, n);
}

/* Appends s (n bytes, no NUL among them) lower-cased exactly as g_utf8_strdown
 * writes it: ASCII lines are folded directly (an ASCII letter's lower case
 * depends on nothing around it); a line holding other bytes goes through GLib's
 * tables, alone when it is valid UTF-8 and ends with its newline (the context
 * GLib reads ends there too), else with the rest of the text. */
void
append_utf8_lower (GString *out, const char *s, gsize n)
{
  const char *end = s + n;
  while (s < end)
    {
      const char *nl = memchr (s, '\n', end - s);
      const char *le = nl ? nl + 1 : end;
      const char *c = s;
      while (c < le && (guchar) *c < 0x80)
        c++;
      if (c == le)
        append_ascii_lower (out, s, le - s);
      else
        {
          gboolean alone = nl && g_utf8_validate_len (s, le - s, NULL);
          char *lower = g_utf8_strdown (s, alone ? le - s : end - s);
          g_string_append (out, lower);
          g_free (lower);
          if (!alone)
            return;
        }
      s = le;
    }
}

/* g_ascii_strdown (s, len) without a call per byte: the bytes up to len or the
 * first NUL, ASCII capitals folded. */
char *
ascii_strdown (const char *s, gssize len)
{
  gsize n = len < 0 ? strlen (s) : strnlen (s, (gsize) len);
  char *out = g_malloc (n + 1);
  ascii_lower_copy (out, s, n);
  out[n] = '\0';
  return out;
}

/* g_utf8_strdown (s, -1), cheaper on ASCII text. */
char *
utf8_lower (const char *s)
{
  gsize n = strlen (s);
  GString *out = g_string_sized_new (n);
  append_utf8_lower (out, s, n);
  return g_string_free (out, FALSE);
}
