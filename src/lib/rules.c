/* rules.c: local rules, one per line:
 *
 *     # comment
 *     SCOPE  REASON  WORDING
 *
 * SCOPE is `any`, `receiver:HOST` (answers from a host whose name ends with HOST,
 * or to a recipient of that domain) or `family:NAME` (notices of the family a
 * detector recognises, `text:NAME` in the records' source); REASON is a name of
 * the reason vocabulary; WORDING is the rest of the line, matched like the
 * table's wordings (wordings.h: folded, '#' for digits, "<addr>" and "<ip>" for
 * addresses). A line that is not a rule is an error naming the file and the line;
 * no rule of such a file is used. */
#include "rules.h"

#include <string.h>

#include "bounds.h"
#include "match.h"

struct BounceRules
{
  gint refs;
  GArray *rows;        /* Wording; its source is "FILE:LINE", its scope's owner below */
  GPtrArray *strings;  /* owned strings the rows point to */
  GPtrArray *hosts;    /* per row: a receiver host suffix (owned) or NULL */
  MatchSet *set;
};

G_DEFINE_BOXED_TYPE (BounceRules, bounce_rules, bounce_rules_ref, bounce_rules_unref)

static const Detector *
family_named (const char *name)
{
  for (gsize i = 0; i < n_detectors; i++)
    if (strcmp (detectors[i]->name, name) == 0)
      return detectors[i];
  return NULL;
}

static gboolean
rule_error (GError **error, const char *path, guint line, const char *what, const char *arg)
{
  g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_USAGE, "%s:%u: %s '%s'", path, line, what, arg);
  return FALSE;
}

/* Reads one line into rules; FALSE with error set when it is not a rule. */
static gboolean
read_line (BounceRules *rules, const char *path, guint n, char *line, GError **error)
{
  g_strstrip (line);
  if (!*line || *line == '#')
    return TRUE;
  char *scope = line;
  char *p = scope + strcspn (scope, " \t");
  if (!*p)
    return rule_error (error, path, n, "a rule is SCOPE REASON WORDING, not", line);
  *p++ = '\0';
  p += strspn (p, " \t");
  char *reason_word = p;
  p += strcspn (p, " \t");
  if (!*p)
    return rule_error (error, path, n, "a rule needs a wording after its reason", reason_word);
  *p++ = '\0';
  p += strspn (p, " \t");
  Reason reason = reason_from_name (reason_word);
  if (!reason || reason == REASON_DELIVERED || reason == REASON_FEEDBACK
      || reason == REASON_VACATION)
    return rule_error (error, path, n, "not a failure reason of the vocabulary:", reason_word);
  char *folded = wordings_fold (p, REASONS_TEXT_MAX);
  if (!*folded || *folded == '#')
    {
      g_free (folded);
      return rule_error (error, path, n, "a wording must not be empty or start with '#':", p);
    }
  Wording w = { SCOPE_ANY, NULL, NULL, folded, reason, 0, NULL };
  char *host = NULL;
  if (g_str_has_prefix (scope, "receiver:") && scope[9])
    {
      w.scope = SCOPE_RECEIVER;
      host = g_ascii_strdown (scope + 9, -1);
    }
  else if (g_str_has_prefix (scope, "family:"))
    {
      w.scope = SCOPE_FAMILY;
      w.family = family_named (scope + 7);
      if (!w.family)
        {
          g_free (folded);
          return rule_error (error, path, n, "no such family:", scope + 7);
        }
    }
  else if (strcmp (scope, "any") != 0)
    {
      g_free (folded);
      return rule_error (error, path, n, "unknown scope (any, receiver:HOST, family:NAME):", scope);
    }
  char *source = g_strdup_printf ("%s:%u", path, n);
  w.source = source;
  g_ptr_array_add (rules->strings, folded);
  g_ptr_array_add (rules->strings, source);
  g_ptr_array_add (rules->hosts, host);
  g_array_append_val (rules->rows, w);
  return TRUE;
}

BounceRules *
bounce_rules_load (const char *path, GError **error)
{
  char *text = NULL;
  gsize len = 0;
  GError *read_error = NULL;
  if (!g_file_get_contents (path, &text, &len, &read_error))
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "%s: %s", path, read_error->message);
      g_error_free (read_error);
      return NULL;
    }
  if (!g_utf8_validate (text, (gssize) len, NULL) || memchr (text, '\0', len))
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_USAGE, "%s: not a text file in UTF-8", path);
      g_free (text);
      return NULL;
    }
  BounceRules *rules = g_new0 (BounceRules, 1);
  rules->refs = 1;
  rules->rows = g_array_new (FALSE, FALSE, sizeof (Wording));
  rules->strings = g_ptr_array_new_with_free_func (g_free);
  rules->hosts = g_ptr_array_new_with_free_func (g_free);
  gchar **lines = g_strsplit (text, "\n", -1);
  g_free (text);
  gboolean ok = TRUE;
  for (guint i = 0; ok && lines[i]; i++)
    ok = read_line (rules, path, i + 1, lines[i], error);
  g_strfreev (lines);
  if (!ok)
    {
      bounce_rules_unref (rules);
      return NULL;
    }
  rules->set = match_set_new ();
  for (guint i = 0; i < rules->rows->len; i++)
    match_set_add (rules->set, g_array_index (rules->rows, Wording, i).pattern, i);
  match_set_seal (rules->set);
  return rules;
}

guint
bounce_rules_count (const BounceRules *rules)
{
  return rules ? rules->rows->len : 0;
}

BounceRules *
bounce_rules_ref (BounceRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_atomic_int_inc (&rules->refs);
  return rules;
}

void
bounce_rules_unref (BounceRules *rules)
{
  if (!rules || !g_atomic_int_dec_and_test (&rules->refs))
    return;
  g_array_free (rules->rows, TRUE);
  g_ptr_array_free (rules->strings, TRUE);
  g_ptr_array_free (rules->hosts, TRUE);
  if (rules->set)
    match_set_free (rules->set);
  g_free (rules);
}

typedef struct
{
  const BounceRules *rules;
  const char *host; /* lower-case, or NULL */
  const char *folded;
  const Detector *family;
  guint best;       /* the first rule found that applies, or G_MAXUINT */
} RuleSearch;

static gboolean
rule_found (guint tag, gsize at, gsize n, gpointer data)
{
  (void) at, (void) n;
  RuleSearch *s = data;
  if (tag >= s->best)
    return TRUE;
  const Wording *w = &g_array_index (s->rules->rows, Wording, tag);
  const char *suffix = g_ptr_array_index (s->rules->hosts, tag);
  gboolean applies = w->scope == SCOPE_ANY
                     || (w->scope == SCOPE_FAMILY && s->family
                         && (w->family == s->family || w->family == s->family->same_wordings_as))
                     || (w->scope == SCOPE_RECEIVER
                         && (s->host ? wordings_host_has_suffix (s->host, suffix)
                                     : strstr (s->folded, suffix) != NULL));
  if (applies)
    s->best = tag;
  return TRUE;
}

const Wording *
rules_find (const BounceRules *rules, const char *folded, const char *receiver_host,
            const Detector *family, const char **where)
{
  if (!rules || !folded || rules->rows->len == 0)
    return NULL;
  char *host = NULL;
  if (receiver_host && *receiver_host)
    host = g_ascii_strdown (receiver_host, (gssize) strcspn (receiver_host, " \t([;"));
  RuleSearch s = { rules, host, folded, family, G_MAXUINT };
  match_set_each (rules->set, folded, strlen (folded), rule_found, &s);
  g_free (host);
  if (s.best == G_MAXUINT)
    return NULL;
  const Wording *w = &g_array_index (rules->rows, Wording, s.best);
  if (where)
    *where = w->source;
  return w;
}
