/* summary.c: tallies for --summary. Records are counted by the worker that parsed
 * them, under one lock taken once per message; the tables are printed sorted by
 * count, then by name, so the output does not depend on the order of the work. */
#include "summary.h"

#include <string.h>

#include "printer.h"

struct Summary
{
  GMutex lock;
  guint top;
  guint64 records;
  guint64 by_type[BOUNCE_TYPE_BLOCK + 1];
  GHashTable *reasons; /* char* -> guint64* */
  GHashTable *hosts;
  GHashTable *domains;
  guint64 messages, not_bounce, errors, too_large, bytes;
  double seconds;
};

Summary *
summary_new (guint top)
{
  Summary *s = g_new0 (Summary, 1);
  g_mutex_init (&s->lock);
  s->top = top;
  s->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return s;
}

void
summary_free (Summary *s)
{
  if (!s)
    return;
  g_hash_table_destroy (s->reasons);
  g_hash_table_destroy (s->hosts);
  g_hash_table_destroy (s->domains);
  g_mutex_clear (&s->lock);
  g_free (s);
}

static void
bump (GHashTable *table, const char *key, gsize len)
{
  char stack[256];
  char *k = len < sizeof stack ? stack : g_malloc (len + 1);
  /* keys are compared without case */
  for (gsize i = 0; i < len; i++)
    k[i] = g_ascii_tolower (key[i]);
  k[len] = '\0';
  guint64 *n = g_hash_table_lookup (table, k);
  if (!n)
    {
      n = g_new0 (guint64, 1);
      g_hash_table_insert (table, g_strdup (k), n);
    }
  (*n)++;
  if (k != stack)
    g_free (k);
}

void
summary_add_report (Summary *s, const BounceReport *report)
{
  guint n = bounce_report_n_records (report);
  if (n == 0)
    return;
  g_mutex_lock (&s->lock);
  for (guint i = 0; i < n; i++)
    {
      const BounceRecord *rec = bounce_report_get_record (report, i);
      s->records++;
      BounceType t = bounce_record_get_type (rec);
      if ((guint) t < G_N_ELEMENTS (s->by_type))
        s->by_type[t]++;
      const char *reason = bounce_record_get (rec, BOUNCE_FIELD_REASON);
      if (!reason)
        reason = "-";
      bump (s->reasons, reason, strlen (reason));
      const char *host = bounce_record_get (rec, BOUNCE_FIELD_REMOTE_MTA);
      if (host)
        bump (s->hosts, host, strlen (host));
      const char *rcpt = bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT);
      const char *at = rcpt ? strrchr (rcpt, '@') : NULL;
      if (at && at[1])
        bump (s->domains, at + 1, strlen (at + 1));
    }
  g_mutex_unlock (&s->lock);
}

void
summary_set_totals (Summary *s, guint64 messages, guint64 not_bounce, guint64 errors,
                    guint64 too_large, guint64 bytes, double seconds)
{
  s->messages = messages;
  s->not_bounce = not_bounce;
  s->errors = errors;
  s->too_large = too_large;
  s->bytes = bytes;
  s->seconds = seconds;
}

static guint64
lookup (GHashTable *t, const char *key)
{
  guint64 *n = g_hash_table_lookup (t, key);
  return n ? *n : 0;
}

guint64
summary_records (Summary *s)
{
  return s->records;
}

guint64
summary_by_type (Summary *s, BounceType type)
{
  return (guint) type < G_N_ELEMENTS (s->by_type) ? s->by_type[type] : 0;
}

guint64
summary_by_reason (Summary *s, const char *reason)
{
  return lookup (s->reasons, reason);
}

guint64
summary_by_domain (Summary *s, const char *domain)
{
  return lookup (s->domains, domain);
}

guint64
summary_by_host (Summary *s, const char *host)
{
  return lookup (s->hosts, host);
}

typedef struct
{
  const char *name;
  guint64 count;
} Entry;

static int
by_count (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->name, y->name);
}

/* The entries of a table, most frequent first; at most limit (0: all). */
static GArray *
sorted (GHashTable *t, guint limit)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (Entry), g_hash_table_size (t));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, t);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      Entry e = { k, *(guint64 *) v };
      g_array_append_val (a, e);
    }
  g_array_sort (a, by_count);
  if (limit && a->len > limit)
    g_array_set_size (a, limit);
  return a;
}

static const BounceType type_order[] = { BOUNCE_TYPE_HARD, BOUNCE_TYPE_SOFT, BOUNCE_TYPE_BLOCK,
                                         BOUNCE_TYPE_NONE };

static void
section (FILE *out, const char *title, const char *what, GArray *rows, guint64 total)
{
  int width = (int) strlen (what);
  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, (int) g_utf8_strlen (g_array_index (rows, Entry, i).name, -1));
  fprintf (out, "\n%s\n", title);
  fprintf (out, "  %-*s  %10s  %6s\n", width, what, "RECORDS", "SHARE");
  for (guint i = 0; i < rows->len; i++)
    {
      const Entry *e = &g_array_index (rows, Entry, i);
      /* pad by characters, not bytes, for non-ASCII names */
      int pad = width - (int) g_utf8_strlen (e->name, -1);
      fprintf (out, "  %s%*s  %10" G_GUINT64_FORMAT "  %5.1f%%\n", e->name, pad, "", e->count,
               total ? 100.0 * (double) e->count / (double) total : 0.0);
    }
}

void
summary_print_text (Summary *s, FILE *out)
{
  g_mutex_lock (&s->lock);
  fprintf (out, "Summary\n");
  fprintf (out, "  messages read     %12" G_GUINT64_FORMAT "\n", s->messages);
  fprintf (out, "  records           %12" G_GUINT64_FORMAT "\n", s->records);
  fprintf (out, "  not a bounce      %12" G_GUINT64_FORMAT "\n", s->not_bounce);
  fprintf (out, "  unreadable        %12" G_GUINT64_FORMAT "\n", s->errors - s->too_large);
  fprintf (out, "  too large         %12" G_GUINT64_FORMAT "\n", s->too_large);
  fprintf (out, "  bytes read        %12" G_GUINT64_FORMAT "\n", s->bytes);
  if (s->seconds > 0)
    fprintf (out, "  seconds           %12.2f  (%.0f messages/s)\n", s->seconds,
             (double) s->messages / s->seconds);
  GArray *types = g_array_new (FALSE, FALSE, sizeof (Entry));
  for (gsize i = 0; i < G_N_ELEMENTS (type_order); i++)
    {
      Entry e = { bounce_type_name (type_order[i]), s->by_type[type_order[i]] };
      g_array_append_val (types, e);
    }
  section (out, "By bounce type", "BOUNCE", types, s->records);
  g_array_free (types, TRUE);
  GArray *a = sorted (s->reasons, 0);
  section (out, "By reason", "REASON", a, s->records);
  g_array_free (a, TRUE);
  char *title = g_strdup_printf ("Top %u remote hosts", s->top);
  a = sorted (s->hosts, s->top);
  section (out, title, "REMOTE_MTA", a, s->records);
  g_array_free (a, TRUE);
  g_free (title);
  title = g_strdup_printf ("Top %u recipient domains", s->top);
  a = sorted (s->domains, s->top);
  section (out, title, "DOMAIN", a, s->records);
  g_array_free (a, TRUE);
  g_free (title);
  g_mutex_unlock (&s->lock);
  fflush (out);
}

static void
json_counts (GString *b, const char *key, GArray *rows, gboolean as_list)
{
  json_string (b, key);
  g_string_append (b, as_list ? ":[" : ":{");
  for (guint i = 0; i < rows->len; i++)
    {
      const Entry *e = &g_array_index (rows, Entry, i);
      if (i)
        g_string_append_c (b, ',');
      if (as_list)
        {
          g_string_append (b, "{\"name\":");
          json_string (b, e->name);
          g_string_append_printf (b, ",\"records\":%" G_GUINT64_FORMAT "}", e->count);
        }
      else
        {
          json_string (b, e->name);
          g_string_append_printf (b, ":%" G_GUINT64_FORMAT, e->count);
        }
    }
  g_string_append (b, as_list ? "]" : "}");
}

void
summary_print_json (Summary *s, FILE *out)
{
  g_mutex_lock (&s->lock);
  GString *b = g_string_new (NULL);
  g_string_append_printf (b,
                          "{\"messages\":%" G_GUINT64_FORMAT ",\"records\":%" G_GUINT64_FORMAT
                          ",\"not_bounce\":%" G_GUINT64_FORMAT ",\"unreadable\":%" G_GUINT64_FORMAT
                          ",\"too_large\":%" G_GUINT64_FORMAT ",\"bytes\":%" G_GUINT64_FORMAT
                          ",\"seconds\":%.3f,",
                          s->messages, s->records, s->not_bounce, s->errors - s->too_large,
                          s->too_large, s->bytes, s->seconds);
  GArray *types = g_array_new (FALSE, FALSE, sizeof (Entry));
  for (gsize i = 0; i < G_N_ELEMENTS (type_order); i++)
    {
      Entry e = { bounce_type_name (type_order[i]), s->by_type[type_order[i]] };
      g_array_append_val (types, e);
    }
  json_counts (b, "by_bounce", types, FALSE);
  g_array_free (types, TRUE);
  g_string_append_c (b, ',');
  GArray *a = sorted (s->reasons, 0);
  json_counts (b, "by_reason", a, FALSE);
  g_array_free (a, TRUE);
  g_string_append_c (b, ',');
  a = sorted (s->hosts, s->top);
  json_counts (b, "top_remote_mta", a, TRUE);
  g_array_free (a, TRUE);
  g_string_append_c (b, ',');
  a = sorted (s->domains, s->top);
  json_counts (b, "top_recipient_domains", a, TRUE);
  g_array_free (a, TRUE);
  g_string_append (b, "}\n");
  g_mutex_unlock (&s->lock);
  fwrite (b->str, 1, b->len, out);
  g_string_free (b, TRUE);
  fflush (out);
}
