/* wordings.c: finds the rows of the wording table (wording-table.c) in a text.
 * wordings.h explains the rows, their scopes and the folded form. */
#define _GNU_SOURCE /* memmem */
#include "wordings.h"

#include <string.h>

#include "address.h"
#include "ascii.h"
#include "bounds.h"
#include "match.h"
#include "topics.h"

/* ---- folding ------------------------------------------------------------ */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gboolean
is_quote (char c)
{
  return c == '\'' || c == '"' || c == '`';
}

/* "550", "550-5.7.1" or "5.7.1": a reply or status code standing as a word. */
static gboolean
is_code_word (const char *w, gsize n)
{
  if (n >= 3 && g_ascii_isdigit (w[0]) && g_ascii_isdigit (w[1]) && g_ascii_isdigit (w[2])
      && (n == 3 || (w[3] == '-' && (n == 4 || is_code_word (w + 4, n - 4)))))
    return TRUE;
  if (n < 5 || !g_ascii_isdigit (w[0]) || w[1] != '.')
    return FALSE;
  for (gsize i = 2; i < n; i++)
    if (!(g_ascii_isdigit (w[i]) || w[i] == '.'))
      return FALSE;
  return TRUE;
}

/* Punctuation a word may end with that stays after its placeholder. */
static gsize
trailing_punct (const char *w, gsize n)
{
  gsize k = 0;
  while (k < n && (w[n - 1 - k] == ':' || w[n - 1 - k] == ',' || w[n - 1 - k] == ';'
                   || w[n - 1 - k] == '.'))
    k++;
  return k;
}

/* The word without the brackets and quotes around it. */
static void
core_of (const char *w, gsize n, gsize *start, gsize *len)
{
  gsize a = 0, b = n - trailing_punct (w, n);
  while (a < b && strchr ("<([\"'", w[a]))
    a++;
  while (b > a && strchr (">)]\"'", w[b - 1]))
    b--;
  *start = a;
  *len = b - a;
}

/* Spelling variants, each written in one form: "e-mail" as "email",
 * "nonexistent" as "non-existent", "over-quota" and "overquota" as "over quota",
 * "doesnt" as "doesn't",
 * where they start a word (only the variants that start with first, the word's
 * first letter after its opening brackets or quotes, are looked for). Rewrites the lower-case word of n bytes at w (which
 * has room for one byte more per variant) and returns its new length. */
static gsize
fold_spelling (char *w, gsize n, char first)
{
  static const struct
  {
    const char *from, *to;
  } variants[] = {
    { "e-mail", "email" },
    { "doesnt", "doesn't" },
    { "nonexistent", "non-existent" },
    { "over-quota", "over quota" },
    { "overquota", "over quota" },
  };
  for (gsize v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      if (variants[v].from[0] != first)
        continue;
      gsize fn = strlen (variants[v].from), tn = strlen (variants[v].to);
      for (gsize at = 0; at + fn <= n;)
        {
          char *hit = memmem (w + at, n - at, variants[v].from, fn);
          if (!hit)
            break;
          gsize pos = (gsize) (hit - w);
          if (pos > 0 && g_ascii_isalnum (w[pos - 1]))
            {
              at = pos + 1; /* inside a word ("re-mailed") */
              continue;
            }
          memmove (w + pos + tn, w + pos + fn, n - pos - fn);
          memcpy (w + pos, variants[v].to, tn);
          n = n - fn + tn;
          at = pos + tn;
        }
    }
  return n;
}

/* The typographic apostrophes (U+2018, U+2019, as word processors and webmail
 * write "couldn’t") in the n bytes of the folded word w become the ASCII one,
 * which the rows write; returns the word's new length. */
static gsize
fold_apostrophes (char *w, gsize n)
{
  gsize o = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (i + 2 < n && (guchar) w[i] == 0xe2 && (guchar) w[i + 1] == 0x80
          && ((guchar) w[i + 2] == 0x98 || (guchar) w[i + 2] == 0x99))
        {
          w[o++] = '\'';
          i += 2;
        }
      else
        w[o++] = w[i];
    }
  return o;
}

/* The word w of n bytes in lower case at o: ASCII letters, and the letters
 * written in two bytes of UTF-8 (Latin, Greek, Cyrillic: "Überschritten",
 * "Почтовый") whose lower case is written in two bytes too; other bytes are
 * copied (scripts without case, and text that is no UTF-8). Returns whether the
 * word holds a byte that is not ASCII. */
static gboolean
lower_copy (char *o, const char *w, gsize n)
{
  if (!ascii_lower_copy_seen_high (o, w, n))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) w[i];
      if (c >= 0xc2 && c <= 0xdf && i + 1 < n && ((guchar) w[i + 1] & 0xc0) == 0x80)
        {
          gunichar u = ((gunichar) (c & 0x1f) << 6) | ((guchar) w[i + 1] & 0x3f);
          gunichar l = g_unichar_tolower (u);
          if (l >= 0x80 && l <= 0x7ff && l != u)
            {
              o[i] = (char) (0xc0 | (l >> 6));
              o[i + 1] = (char) (0x80 | (l & 0x3f));
            }
          i++;
        }
    }
  return TRUE;
}

/* In a text written without spaces (Chinese, Japanese) an address is glued to
 * the words around it ("该收件人“a@example.com”的邮件"): the length of the word
 * that ends where the address (with its ASCII quotes or brackets) begins or
 * ends next to a non-ASCII letter, so that the address is a word of its own and
 * the words around it stay wording; n when the word is not such. */
static gsize
glued_address_end (const char *w, gsize n)
{
  const char *at = memchr (w, '@', n);
  if (!at)
    return n;
  gsize a = (gsize) (at - w), b = a + 1;
  while (a > 0 && (g_ascii_isalnum (w[a - 1]) || strchr ("._%+-", w[a - 1])))
    a--;
  while (b < n && (g_ascii_isalnum (w[b]) || w[b] == '.' || w[b] == '-'))
    b++;
  while (a > 0 && strchr ("\"'<([", w[a - 1]))
    a--;
  while (b < n && strchr ("\"'>)]", w[b]))
    b++;
  if (a > 0 && (guchar) w[a - 1] >= 0x80)
    return a;
  if (b < n && (guchar) w[b] >= 0x80)
    return b;
  return n;
}

char *
wordings_fold (const char *text, gsize max)
{
  /* the words, one space between them. The most a word of n bytes writes is a
   * space, a placeholder ("<addr>", 6 bytes) and its trailing punctuation (fewer
   * than n bytes): 7 bytes for "@". Between two words the text has a space, or,
   * where an address glued to CJK text is split off, a word of other bytes (n
   * bytes written as n + 1): "\xe9@" read, 9 bytes written. So at most 4.5 bytes
   * per byte read. */
  gsize n_text = text ? strnlen (text, max) : 0;
  char *out = g_malloc (n_text * 5 + 8);
  gsize o = 0;
  gsize i = 0, words = 0;
  gsize word_end = 0; /* the end of the last word read up to a space */
  gboolean prev_reply = FALSE;
  gboolean glued_reply_seen = FALSE; /* a "550-" prefix glued to a word was read */
  while (text && i < n_text)
    {
      while (i < n_text && is_space (text[i]))
        i++;
      gsize start = i;
      gboolean at_sign = FALSE;
      if (start < word_end)
        {
          /* the rest of a word split below: its end is known (reading up to the
           * space again for each piece would be quadratic on "\xe9@\xe9@...") */
          i = word_end;
          at_sign = memchr (text + start, '@', word_end - start) != NULL;
        }
      else
        {
          while (i < n_text && !is_space (text[i]))
            at_sign |= text[i++] == '@';
          word_end = i;
        }
      gsize n = i - start;
      if (n == 0)
        continue;
      const char *w = text + start;
      if (at_sign && (n = glued_address_end (w, n)) < i - start)
        {
          i = start + n; /* the rest is read as the next word */
          at_sign = memchr (w, '@', n) != NULL;
        }
      /* "553-you", "550-'unknown": a reply prefix glued to the first word of
       * its line. The first one is the reply's code, written as a word of its
       * own; those of the lines after it are dropped */
      if (n > 5 && g_ascii_isdigit (w[0]) && g_ascii_isdigit (w[1]) && g_ascii_isdigit (w[2])
          && w[3] == '-' && (g_ascii_isalpha (w[4]) || is_quote (w[4])))
        {
          words++;
          if (!glued_reply_seen)
            {
              if (o)
                out[o++] = ' ';
              memcpy (out + o, w, 3);
              o += 3;
            }
          glued_reply_seen = TRUE;
          prev_reply = TRUE;
          w += 4, n -= 4;
        }
      gsize core, core_len;
      core_of (w, n, &core, &core_len);
      const char *placeholder = NULL;
      /* an address is a name, not wording, and so is a bracketed local name
       * ("User <jdoe> unknown") */
      if (at_sign || (n > 2 && w[0] == '<' && core + core_len < n && w[core + core_len] == '>'))
        placeholder = core_len == 2 && g_ascii_strncasecmp (w + core, "ip", 2) == 0
                          ? "<ip>" /* a folded text folds to itself */
                          : "<addr>";
      else if (address_ip (w + core, core_len))
        placeholder = "<ip>";
      if (placeholder)
        {
          words++;
          prev_reply = FALSE;
          if (o)
            out[o++] = ' ';
          gsize p = strlen (placeholder), k = trailing_punct (w, n);
          memcpy (out + o, placeholder, p);
          o += p;
          ascii_lower_copy (out + o, w + n - k, k);
          o += k;
          continue;
        }
      /* "550: User unknown": a reply code a notice writes with a colon */
      if (n == 4 && w[3] == ':' && is_code_word (w, 3))
        n--;
      /* the quotes a notice puts around a reply it cites ("returned '550 5.1.1
       * User unknown'") or around a word are not wording: an opening quote
       * before a letter or a digit, and closing quotes after one, before the
       * trailing punctuation ("unknown'", "unknown\"',") */
      if (is_quote (w[0]) && n > 1 && g_ascii_isalnum (w[1]))
        w++, n--, core = 0;
      gsize k = trailing_punct (w, n), quotes = 0;
      while (quotes + k + 1 < n && is_quote (w[n - k - quotes - 1]))
        quotes++;
      if (quotes && !g_ascii_isalnum (w[n - k - quotes - 1]))
        quotes = 0;
      if (k == 0)
        n -= quotes, quotes = 0;
      /* The prefixes of a multi-line reply ("550-5.7.1 ...", "550 5.7.1 ...") inside
       * the text break its phrases apart: after the first words they are dropped. */
      gboolean code = is_code_word (w, n);
      gboolean reply = code && n == 3;
      words++;
      if (code && words > 2
          && (n > 3 || prev_reply
              || (i + 2 < n_text && text[i] == ' ' && g_ascii_isdigit (text[i + 1])
                  && text[i + 2] == '.')))
        {
          prev_reply = reply;
          continue;
        }
      prev_reply = FALSE;
      if (o)
        out[o++] = ' ';
      gboolean high;
      if (quotes)
        {
          high = lower_copy (out + o, w, n - k - quotes);
          ascii_lower_copy (out + o + n - k - quotes, w + n - k, k);
          n -= quotes;
        }
      else
        high = lower_copy (out + o, w, n);
      if (high)
        n = fold_apostrophes (out + o, n);
      /* most words hold no variant: only a word that starts (after its opening
       * brackets or quotes) as one does is rewritten */
      if (n >= 6)
        n = fold_spelling (out + o, n, out[o + core]);
      o += n;
    }
  out[o] = '\0';
  return out;
}

/* ---- the rows --------------------------------------------------------------- */

/* One matcher per scope, so that a text is read only for the rows that can
 * apply to it: the rows of scope ANY and STOCK, each receiver's, each family's;
 * and one of every row, for audits. Tags are rows' indexes in the table. */
typedef struct
{
  MatchSet *any;
  MatchSet *any_gave_up; /* the ANY rows that say the sender gave up (expired) */
  MatchSet **receiver; /* by index in receiver_table */
  GHashTable *family;  /* const Detector * -> MatchSet * */
  MatchSet *all;
} Matchers;

static MatchSet *
sealed (MatchSet *set)
{
  match_set_seal (set);
  return set;
}

static gpointer
build_matchers (gpointer data)
{
  (void) data;
  Matchers *m = g_new0 (Matchers, 1);
  m->any = match_set_new ();
  m->any_gave_up = match_set_new ();
  m->all = match_set_new ();
  m->receiver = g_new0 (MatchSet *, receiver_table_size);
  m->family = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (gsize r = 0; r < receiver_table_size; r++)
    m->receiver[r] = match_set_new ();
  for (gsize i = 0; i < wording_table_size; i++)
    {
      const Wording *w = &wording_table[i];
      MatchSet *set = m->any;
      if (w->scope == SCOPE_RECEIVER)
        {
          for (gsize r = 0; r < receiver_table_size; r++)
            if (receiver_table[r] == w->receiver)
              set = m->receiver[r];
        }
      else if (w->scope == SCOPE_FAMILY)
        {
          set = g_hash_table_lookup (m->family, w->family);
          if (!set)
            g_hash_table_insert (m->family, (gpointer) w->family, set = match_set_new ());
        }
      match_set_add (set, w->pattern, (guint) i);
      if (set == m->any && w->reason == REASON_EXPIRED)
        match_set_add (m->any_gave_up, w->pattern, (guint) i);
      match_set_add (m->all, w->pattern, (guint) i);
    }
  sealed (m->any);
  sealed (m->any_gave_up);
  sealed (m->all);
  for (gsize r = 0; r < receiver_table_size; r++)
    sealed (m->receiver[r]);
  GHashTableIter it;
  gpointer set;
  g_hash_table_iter_init (&it, m->family);
  while (g_hash_table_iter_next (&it, NULL, &set))
    sealed (set);
  return m;
}

static const Matchers *
matchers (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_matchers, NULL);
}

gboolean
wordings_host_has_suffix (const char *host, const char *suffix)
{
  gsize hl = strlen (host), sl = strlen (suffix);
  /* (the last byte first: most suffixes are ruled out by it) */
  if (hl < sl || g_ascii_tolower (host[hl - 1]) != suffix[sl - 1]
      || g_ascii_strcasecmp (host + hl - sl, suffix) != 0)
    return FALSE;
  return hl == sl || host[hl - sl - 1] == '.';
}

const Receiver *
wordings_receiver_of_host (const char *host)
{
  for (gsize r = 0; host && r < receiver_table_size; r++)
    for (gsize i = 0; receiver_table[r]->hosts[i]; i++)
      if (wordings_host_has_suffix (host, receiver_table[r]->hosts[i]))
        return receiver_table[r];
  return NULL;
}

/* A row that starts with a letter or a digit starts a word ("spam" is not read
 * in "antispam"); it may end inside one, as a stem ("rate limit" reads "rate
 * limited"). */
static gboolean
starts_word (const char *folded, gsize at)
{
  return at == 0 || !g_ascii_isalnum (folded[at]) || !g_ascii_isalnum (folded[at - 1]);
}

typedef struct
{
  const char *folded;
  const char *host; /* lower-case host name, or NULL */
  const Detector *family;
  gboolean address_status;
  WordingFinds *out;
  gboolean server_reply; /* the words are a server's reply (WORDING_LOCAL_PROGRAM) */
} Search;

static gboolean
receiver_here (const Receiver *r, const Search *s)
{
  for (gsize i = 0; r->hosts[i]; i++)
    if (s->host ? wordings_host_has_suffix (s->host, r->hosts[i]) : strstr (s->folded, r->hosts[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The ANY/STOCK row that decides among several: a decisive row first, then the
 * reason's precedence (reasons.c), then the table's order. */
static gboolean
better_any (const Wording *w, const Wording *best)
{
  if (!best)
    return TRUE;
  gboolean dw = (w->flags & WORDING_DECISIVE) != 0, db = (best->flags & WORDING_DECISIVE) != 0;
  if (dw != db)
    return dw;
  if (w->reason != best->reason)
    return reason_beats (w->reason, best->reason);
  return w < best;
}

static gboolean
found_row (guint tag, gsize at, gsize n, gpointer data)
{
  Search *s = data;
  const Wording *w = &wording_table[tag];
  (void) n;
  if (!starts_word (s->folded, at))
    return TRUE;
  if ((w->flags & WORDING_NOT_ADDRESS_STATUS) && s->address_status)
    return TRUE;
  /* a host unknown is the destination's, but for the sending host's ("client
   * host unknown": its name, read by its topic) */
  if (w->reason == REASON_HOSTUNKNOWN && topics_sending_side_before (s->folded, at))
    return TRUE;
  if ((w->flags & WORDING_LOCAL_PROGRAM) && s->server_reply)
    return TRUE;
  if (w->flags & WORDING_STATUS_STAND_IN)
    {
      s->out->status_stand_in = TRUE;
      return TRUE;
    }
  /* (the matcher read is the scope's: every row found applies) giving up is no
   * cause (classify.c): such rows only say the sender gave up */
  if (w->reason == REASON_EXPIRED)
    {
      s->out->gave_up = TRUE;
      return TRUE;
    }
  switch (w->scope)
    {
    case SCOPE_ANY:
    case SCOPE_STOCK:
      if (better_any (w, s->out->any))
        s->out->any = w;
      break;
    case SCOPE_RECEIVER:
      if (!s->out->receiver || w < s->out->receiver)
        s->out->receiver = w;
      break;
    case SCOPE_FAMILY:
      if (!s->out->family || w < s->out->family)
        s->out->family = w;
      break;
    }
  return TRUE;
}

/* The rows of s's scopes found in its text: the ANY rows (only those that say
 * the sender gave up, where that is all that is asked), the receivers' where
 * receivers (those of s's host), the family's. */
static void
find_rows (Search *s, gboolean receivers, gboolean gave_up_only)
{
  const Matchers *m = matchers ();
  gsize len = strlen (s->folded);
  match_set_each (gave_up_only ? m->any_gave_up : m->any, s->folded, len, found_row, s);
  for (gsize r = 0; receivers && r < receiver_table_size; r++)
    if (receiver_here (receiver_table[r], s))
      match_set_each (m->receiver[r], s->folded, len, found_row, s);
  for (const Detector *f = s->family; f; f = f == s->family ? f->same_wordings_as : NULL)
    {
      const MatchSet *set = g_hash_table_lookup (m->family, f);
      if (set)
        match_set_each (set, s->folded, len, found_row, s);
    }
}

void
wordings_find (const char *folded, const char *receiver_host, const Detector *family,
               const char *status, WordingFinds *out)
{
  wordings_find_reply (folded, receiver_host, family, status, FALSE, out);
}

void
wordings_find_reply (const char *folded, const char *receiver_host, const Detector *family,
                     const char *status, gboolean server_reply, WordingFinds *out)
{
  memset (out, 0, sizeof *out);
  if (!folded)
    return;
  char *host = NULL;
  if (receiver_host && *receiver_host)
    {
      /* "mx.example.jp (TCP|...)" or "[192.0.2.1]": the first word, no trailing dot */
      gsize n = strcspn (receiver_host, " \t([;");
      host = g_ascii_strdown (receiver_host, (gssize) n);
      gsize hl = strlen (host);
      while (hl > 0 && host[hl - 1] == '.')
        host[--hl] = '\0';
    }
  Search s = { folded, host, family,
               status && status[0] && g_str_has_prefix (status + 1, ".1."), out, server_reply };
  find_rows (&s, TRUE, FALSE);
  g_free (host);
}

gboolean
wordings_gave_up (const char *folded, const Detector *family)
{
  WordingFinds out = { 0 };
  Search s = { folded, NULL, family, FALSE, &out, FALSE };
  if (folded)
    find_rows (&s, FALSE, TRUE);
  return out.gave_up;
}

Reason
wordings_reason_of_text (const char *text)
{
  if (!text || !*text)
    return REASON_NONE;
  char *folded = wordings_fold (text, REASONS_TEXT_MAX);
  WordingFinds f;
  wordings_find (folded, NULL, NULL, NULL, &f);
  g_free (folded);
  return f.any ? f.any->reason : REASON_NONE;
}

typedef struct
{
  const char *folded;
  guint8 *seen; /* by row */
} EachMatch;

static gboolean
seen_row (guint tag, gsize at, gsize n, gpointer data)
{
  (void) n;
  EachMatch *each = data;
  if (starts_word (each->folded, at))
    each->seen[tag] = 1;
  return TRUE;
}

void
wordings_each_match (const char *folded, void (*fn) (const Wording *row, gpointer data),
                     gpointer data)
{
  if (!folded)
    return;
  EachMatch each = { folded, g_new0 (guint8, wording_table_size) };
  match_set_each (matchers ()->all, folded, strlen (folded), seen_row, &each);
  guint8 *seen = each.seen;
  for (gsize i = 0; i < wording_table_size; i++)
    if (seen[i])
      fn (&wording_table[i], data);
  g_free (seen);
}

/* ---- sources ------------------------------------------------------------- */

static gboolean
is_date (const char *s)
{
  /* YYYY-MM-DD */
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : !g_ascii_isdigit (s[i]))
      return FALSE;
  return s[10] == '\0';
}

gboolean
wordings_source_well_formed (const char *source)
{
  if (!source)
    return FALSE;
  if (g_str_has_prefix (source, "src "))
    {
      /* package, version (or commit), and a file's path */
      gchar **w = g_strsplit (source + 4, " ", 4);
      gboolean ok = g_strv_length (w) >= 3 && w[0][0] && w[1][0]
                    && (strchr (w[2], '/') || strchr (w[2], '.'));
      g_strfreev (w);
      return ok;
    }
  if (g_str_has_prefix (source, "doc "))
    {
      const char *url = source + 4;
      const char *title = strstr (url, " \"");
      const char *section = title ? strstr (title + 2, "\" § ") : NULL;
      const char *read = section ? strstr (section, ", read ") : NULL;
      gsize mark = strlen ("\" § ");
      return (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) && title
             && section && read && read > section + mark && is_date (read + strlen (", read "));
    }
  if (g_str_has_prefix (source, "rfc "))
    {
      const char *p = source + 4;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      return g_str_has_prefix (p, " § ") && p[strlen (" § ")] != '\0';
    }
  return FALSE;
}

/* ---- the receivers, for `bounce explain --provider` --------------------- */

const Receiver *
wordings_receiver_named (const char *name)
{
  for (gsize r = 0; name && r < receiver_table_size; r++)
    if (g_ascii_strcasecmp (receiver_table[r]->name, name) == 0)
      return receiver_table[r];
  return NULL;
}

guint
wordings_foreach_receiver_row (const Receiver *r, void (*fn) (const Wording *w, gpointer data),
                               gpointer data)
{
  guint n = 0;
  for (gsize i = 0; i < wording_table_size; i++)
    if (wording_table[i].scope == SCOPE_RECEIVER && wording_table[i].receiver == r)
      {
        n++;
        if (fn)
          fn (&wording_table[i], data);
      }
  return n;
}
