/* table-audit: the wording table against the messages of one or more folders.
 *
 *   table-audit CORPUS [SHARED]
 *
 * For each row: its scope, pattern, reason and source, and how many messages of
 * CORPUS (the project's corpus/) and of SHARED (a measuring corpus, when given
 * and present) have a record whose diagnostic holds the row's wording. Then the
 * rows per source, and the rows that match nothing in CORPUS. Then each topic
 * rule (topics.h) with its source and how many records of each folder it decided
 * (their `why` names it). Exit status 1 when a row has no well-formed source. */
#include <stdio.h>
#include <string.h>

#include <bounce/bounce.h>

#include "bounds.h"
#include "topics.h"
#include "wordings.h"

typedef struct
{
  guint *counts;     /* per row, for the folder being read */
  guint8 *in_message; /* per row: already counted for this message */
  guint *topics;     /* per topic rule: records it decided */
} Tally;

/* The topic rule a record's why names, or -1. */
static gssize
topic_rule_of_why (const char *why)
{
  if (!why || !g_str_has_prefix (why, "topic "))
    return -1;
  for (gsize i = 0; i < topic_rules_size; i++)
    {
      const TopicRule *r = &topic_rules[i];
      char *head = g_strdup_printf ("topic %s %s ", topic_subject_name (r->subject),
                                    topic_state_name (r->state));
      gboolean same = g_str_has_prefix (why, head);
      g_free (head);
      if (same)
        return (gssize) i;
    }
  return -1;
}

static void
count_row (const Wording *row, gpointer data)
{
  Tally *t = data;
  gsize i = (gsize) (row - wording_table);
  if (!t->in_message[i])
    {
      t->in_message[i] = TRUE;
      t->counts[i]++;
    }
}

static void
read_file (const char *path, Tally *t)
{
  BounceReport *report = bounce_parse_file (path, NULL, NULL);
  if (!report)
    return;
  memset (t->in_message, 0, wording_table_size);
  for (guint r = 0; r < bounce_report_n_records (report); r++)
    {
      const BounceRecord *rec = bounce_report_get_record (report, r);
      const char *diag = bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC);
      gssize topic = topic_rule_of_why (bounce_record_get (rec, BOUNCE_FIELD_WHY));
      if (topic >= 0)
        t->topics[topic]++;
      char *folded = diag ? wordings_fold (diag, REASONS_TEXT_MAX) : NULL;
      wordings_each_match (folded, count_row, t);
      g_free (folded);
    }
  bounce_report_free (report);
}

static void
read_tree (const char *dir, Tally *t)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return;
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        read_tree (path, t);
      else if (g_str_has_suffix (name, ".eml") || !strchr (name, '.'))
        read_file (path, t);
      g_free (path);
    }
  g_dir_close (d);
}

static const char *
scope_name (const Wording *w, char *buf, gsize n)
{
  switch (w->scope)
    {
    case SCOPE_ANY:
      return "any";
    case SCOPE_STOCK:
      return "stock";
    case SCOPE_RECEIVER:
      g_snprintf (buf, n, "receiver:%s", w->receiver->name);
      return buf;
    case SCOPE_FAMILY:
      g_snprintf (buf, n, "family:%s", w->family->name);
      return buf;
    }
  return "?";
}

/* "src postfix 3.7.11 ..." -> "src postfix"; "doc https://host/..." -> "doc host" */
static char *
source_key (const char *source)
{
  if (!wordings_source_well_formed (source))
    return g_strdup ("(none)");
  if (g_str_has_prefix (source, "doc "))
    {
      const char *h = strstr (source, "://");
      h = h ? h + 3 : source + 4;
      return g_strdup_printf ("doc %.*s", (int) strcspn (h, "/ "), h);
    }
  const char *sp = strchr (source + 4, ' ');
  return g_strndup (source, sp ? (gsize) (sp - source) : strlen (source));
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: table-audit CORPUS [SHARED]\n");
      return 2;
    }
  guint *corpus = g_new0 (guint, wording_table_size);
  guint *shared = g_new0 (guint, wording_table_size);
  guint8 *seen = g_new0 (guint8, wording_table_size);
  guint *corpus_topics = g_new0 (guint, topic_rules_size);
  guint *shared_topics = g_new0 (guint, topic_rules_size);
  Tally t = { corpus, seen, corpus_topics };
  read_tree (argv[1], &t);
  gboolean have_shared = argc > 2 && g_file_test (argv[2], G_FILE_TEST_IS_DIR);
  if (have_shared)
    {
      Tally s = { shared, seen, shared_topics };
      read_tree (argv[2], &s);
    }

  GHashTable *per_source = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint unsourced = 0, unmatched = 0;
  printf ("%-5s %-7s %-7s %-24s %-16s %-40s %s\n", "row", "corpus", "shared", "scope", "reason",
          "pattern", "source");
  for (gsize i = 0; i < wording_table_size; i++)
    {
      const Wording *w = &wording_table[i];
      char buf[64];
      printf ("%-5zu %-7u %-7s %-24s %-16s %-40s %s\n", i, corpus[i],
              have_shared ? g_strdup_printf ("%u", shared[i]) : "-", scope_name (w, buf, sizeof buf),
              reason_name (w->reason), w->pattern, w->source);
      char *key = source_key (w->source);
      g_hash_table_replace (per_source, key,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_source, key)) + 1));
      unsourced += !wordings_source_well_formed (w->source);
      unmatched += corpus[i] == 0;
    }
  printf ("\nrows per source:\n");
  GList *keys = g_list_sort (g_hash_table_get_keys (per_source), (GCompareFunc) strcmp);
  for (GList *k = keys; k; k = k->next)
    printf ("  %5u  %s\n", GPOINTER_TO_UINT (g_hash_table_lookup (per_source, k->data)),
            (const char *) k->data);
  g_list_free (keys);
  /* the rows per reason, in the vocabulary's order (NEWS.md lists them) */
  printf ("\nrows per reason:\n");
  for (int r = REASON_NONE + 1; r < REASON_COUNT; r++)
    {
      guint n = 0;
      for (gsize i = 0; i < wording_table_size; i++)
        n += wording_table[i].reason == (Reason) r;
      if (n)
        printf ("  %5u  %s\n", n, reason_name ((Reason) r));
    }
  printf ("\nrows matching nothing in %s:\n", argv[1]);
  for (gsize i = 0; i < wording_table_size; i++)
    if (corpus[i] == 0)
      printf ("  %zu \"%s\"\n", i, wording_table[i].pattern);
  printf ("\nrows: %zu; without a well-formed source: %u; matching nothing in %s: %u\n",
          wording_table_size, unsourced, argv[1], unmatched);
  printf ("\ntopic rules (records decided):\n%-5s %-7s %-7s %-24s %-16s %s\n", "rule", "corpus",
          "shared", "subject state", "reason", "source");
  for (gsize i = 0; i < topic_rules_size; i++)
    {
      const TopicRule *r = &topic_rules[i];
      char pair[64], n[16];
      g_snprintf (pair, sizeof pair, "%s %s", topic_subject_name (r->subject),
                  topic_state_name (r->state));
      g_snprintf (n, sizeof n, "%u", shared_topics[i]);
      printf ("%-5zu %-7u %-7s %-24s %-16s %s\n", i, corpus_topics[i], have_shared ? n : "-", pair,
              reason_name (r->reason), r->source);
    }
  printf ("table-audit: %s\n", unsourced ? "rows without a source" : "every row has a source");
  g_hash_table_destroy (per_source);
  g_free (corpus);
  g_free (shared);
  g_free (seen);
  g_free (corpus_topics);
  g_free (shared_topics);
  return unsourced ? 1 : 0;
}
