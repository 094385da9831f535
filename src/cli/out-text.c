/* out-text.c: an aligned, human-readable table (--format text). Rows are kept until
 * the end so the columns can be sized to their content. */
#include <string.h>

#include "printer.h"

/* record rows: 8 columns always shown, then 4 shown when a row has a value */
#define COLS 12
#define RECORD_FIXED 8

/* what the table lists: one kind per run */
typedef enum
{
  TEXT_RECORDS,
  TEXT_CODES,
  TEXT_PROVIDERS,
  TEXT_PROVIDER_ROWS,
} TextKind;

typedef struct
{
  GPtrArray *rows; /* char*[COLS] */
  TextKind kind;
} TextState;

static const char *const heads_of[][COLS] = {
  [TEXT_RECORDS] = { "FILE", "RECIPIENT", "STATUS", "REPLY", "BOUNCE", "REASON", "KEY",
                     "DIAGNOSTIC", "VERP-RECIPIENT", "LIST-ID", "HEADERS", "WHY" },
  [TEXT_CODES] = { "CODE", "CLASS", "SUBJECT", "BOUNCE", "REASON", "DESCRIPTION", "NOTE" },
  [TEXT_PROVIDERS] = { "PROVIDER", "ROWS", "REFERENCE", "HOSTS" },
  [TEXT_PROVIDER_ROWS] = { "PATTERN", "REASON", "BOUNCE", "SOURCE" },
};

static void
add_row (Printer *p, TextKind kind, const char *cells[COLS])
{
  TextState *st = p->state;
  st->kind = kind;
  char **row = g_new0 (char *, COLS + 1); /* NULL-terminated for g_strfreev */
  for (int i = 0; i < COLS; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "-");
  g_ptr_array_add (st->rows, row);
}

static void
text_record (Printer *p, const char *file, guint position, const BounceRecord *rec)
{
  char *name = position ? g_strdup_printf ("%s:%u", file, position) : g_strdup (file);
  const char *diag = bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC);
  char *shortdiag = NULL;
  if (diag && g_utf8_strlen (diag, -1) > 80)
    {
      char *head = g_utf8_substring (diag, 0, 77);
      shortdiag = g_strconcat (head, "...", NULL);
      g_free (head);
    }
  else
    shortdiag = g_strdup (diag);
  /* the copied fields of the returned message, "Name: value; Name: value" */
  GString *headers = NULL;
  for (guint i = 0; i < bounce_record_n_headers (rec); i++)
    {
      const char *hname = NULL;
      const char *value = bounce_record_get_header_at (rec, i, &hname);
      if (!headers)
        headers = g_string_new (NULL);
      else
        g_string_append (headers, "; ");
      g_string_append_printf (headers, "%s: %s", hname, value);
    }
  const char *cells[COLS] = { name,
                              bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT),
                              bounce_record_get (rec, BOUNCE_FIELD_STATUS),
                              bounce_record_get (rec, BOUNCE_FIELD_REPLY_CODE),
                              bounce_record_get (rec, BOUNCE_FIELD_BOUNCE),
                              bounce_record_get (rec, BOUNCE_FIELD_REASON),
                              bounce_record_get (rec, BOUNCE_FIELD_KEY),
                              shortdiag,
                              bounce_record_get (rec, BOUNCE_FIELD_VERP_RECIPIENT),
                              bounce_record_get (rec, BOUNCE_FIELD_LIST_ID),
                              headers ? headers->str : NULL,
                              bounce_record_get (rec, BOUNCE_FIELD_WHY) };
  add_row (p, TEXT_RECORDS, cells);
  g_free (name);
  g_free (shortdiag);
  if (headers)
    g_string_free (headers, TRUE);
}

static void
text_code (Printer *p, const BounceCode *c)
{
  const char *cells[COLS] = { c->code,   bounce_class_name (c->klass), c->subject,
                              bounce_type_name (c->type), c->reason, c->description, c->note,
                              NULL, NULL, NULL, NULL, NULL };
  add_row (p, TEXT_CODES, cells);
}

static void
text_provider (Printer *p, const BounceProvider *pr)
{
  char *rows = g_strdup_printf ("%u", pr->n_rows);
  char *hosts = g_strjoinv (" ", (char **) pr->hosts);
  const char *cells[COLS] = { pr->name, rows, pr->reference, hosts };
  add_row (p, TEXT_PROVIDERS, cells);
  g_free (rows);
  g_free (hosts);
}

static void
text_provider_row (Printer *p, const BounceProviderRow *row)
{
  const char *cells[COLS] = { row->pattern, row->reason, bounce_type_name (row->type),
                              row->source && *row->source ? row->source : NULL };
  add_row (p, TEXT_PROVIDER_ROWS, cells);
}

/* A few codes read best one block each, the way code reference pages show them;
 * the whole table reads best as a table. */
#define CODE_BLOCKS_MAX 8

static void
print_code_blocks (Printer *p)
{
  TextState *st = p->state;
  static const char *const labels[COLS] = { NULL, "class", "subject", "bounce", "reason", NULL, "note" };
  for (guint r = 0; r < st->rows->len; r++)
    {
      char **row = g_ptr_array_index (st->rows, r);
      fprintf (p->out, "%s%s  %s\n", r ? "\n" : "", row[0], row[5]);
      gboolean by_text = strcmp (row[4], "-") == 0;
      for (int i = 1; i < COLS; i++)
        {
          if (!labels[i])
            continue;
          if (by_text && i == 3)
            fprintf (p->out, "  %-8s %s\n", labels[i], "as the reason says");
          else if (by_text && i == 4)
            fprintf (p->out, "  %-8s %s\n", labels[i], "decided by the diagnostic text");
          else if (strcmp (row[i], "-") != 0)
            fprintf (p->out, "  %-8s %s\n", labels[i], row[i]);
        }
    }
}

/* The rows kept, the state and the printer freed; the output flushed. */
static void
printer_free (Printer *p)
{
  TextState *st = p->state;
  for (guint r = 0; r < st->rows->len; r++)
    g_strfreev (g_ptr_array_index (st->rows, r));
  g_ptr_array_free (st->rows, TRUE);
  g_free (st);
  fflush (p->out);
  g_free (p);
}

static void
text_finish (Printer *p)
{
  TextState *st = p->state;
  if (st->kind == TEXT_CODES && st->rows->len <= CODE_BLOCKS_MAX)
    {
      print_code_blocks (p);
      printer_free (p);
      return;
    }
  /* a table without rows (no record, or every code rejected) writes nothing */
  const char *const *heads = st->rows->len ? heads_of[st->kind] : NULL;
  glong width[COLS];
  /* the columns shown: every named one of codes; of records the fixed ones and
   * the others some row has a value in */
  gboolean show[COLS];
  int last = 0;
  for (int i = 0; i < COLS; i++)
    {
      show[i] = heads && heads[i] && (st->kind != TEXT_RECORDS || i < RECORD_FIXED);
      width[i] = heads && heads[i] ? g_utf8_strlen (heads[i], -1) : 0;
    }
  for (guint r = 0; r < st->rows->len; r++)
    {
      char **row = g_ptr_array_index (st->rows, r);
      for (int i = 0; i < COLS; i++)
        {
          width[i] = MAX (width[i], g_utf8_strlen (row[i], -1));
          if (heads && heads[i] && strcmp (row[i], "-") != 0)
            show[i] = TRUE;
        }
    }
  for (int i = 0; i < COLS; i++)
    if (show[i])
      last = i;
  for (guint r = 0; heads && r <= st->rows->len; r++)
    {
      const char *const *row = r == 0 ? heads : (const char *const *) g_ptr_array_index (st->rows, r - 1);
      for (int i = 0; i < COLS; i++)
        {
          if (!show[i])
            continue;
          fputs (row[i], p->out);
          if (i < last)
            for (glong pad = g_utf8_strlen (row[i], -1); pad < width[i] + 2; pad++)
              fputc (' ', p->out);
        }
      fputc ('\n', p->out);
    }
  printer_free (p);
}

Printer *
printer_text_new (FILE *out)
{
  Printer *p = g_new0 (Printer, 1);
  TextState *st = g_new0 (TextState, 1);
  st->rows = g_ptr_array_new ();
  p->record = text_record;
  p->code = text_code;
  p->provider = text_provider;
  p->provider_row = text_provider_row;
  p->finish = text_finish;
  p->out = out;
  p->state = st;
  return p;
}
