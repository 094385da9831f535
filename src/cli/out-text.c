/* out-text.c: an aligned, human-readable table (--format text). Rows are kept until
 * the end so the columns can be sized to their content. */
#include <string.h>

#include "printer.h"

#define COLS 7

typedef struct
{
  GPtrArray *rows; /* char*[COLS] */
  gboolean codes;
} TextState;

static const char *const record_heads[COLS] = { "FILE", "RECIPIENT", "STATUS", "REPLY",
                                                "BOUNCE", "REASON", "DIAGNOSTIC" };
static const char *const code_heads[COLS] = { "CODE", "CLASS", "SUBJECT", "BOUNCE", "REASON",
                                              "DESCRIPTION", "NOTE" };

static void
add_row (Printer *p, const char *cells[COLS])
{
  TextState *st = p->state;
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
  char *shortdiag = diag && g_utf8_strlen (diag, -1) > 80
                        ? g_strconcat ((g_utf8_substring (diag, 0, 77)), "...", NULL)
                        : g_strdup (diag);
  const char *cells[COLS] = { name,
                              bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT),
                              bounce_record_get (rec, BOUNCE_FIELD_STATUS),
                              bounce_record_get (rec, BOUNCE_FIELD_REPLY_CODE),
                              bounce_record_get (rec, BOUNCE_FIELD_BOUNCE),
                              bounce_record_get (rec, BOUNCE_FIELD_REASON),
                              shortdiag };
  add_row (p, cells);
  g_free (name);
  g_free (shortdiag);
}

static void
text_code (Printer *p, const BounceCode *c)
{
  ((TextState *) p->state)->codes = TRUE;
  const char *cells[COLS] = { c->code,   bounce_class_name (c->klass), c->subject,
                              bounce_type_name (c->type), c->reason, c->description, c->note };
  add_row (p, cells);
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

static void
text_finish (Printer *p)
{
  TextState *st = p->state;
  if (st->codes && st->rows->len <= CODE_BLOCKS_MAX)
    {
      print_code_blocks (p);
      for (guint r = 0; r < st->rows->len; r++)
        g_strfreev (g_ptr_array_index (st->rows, r));
      g_ptr_array_free (st->rows, TRUE);
      g_free (st);
      fflush (p->out);
      g_free (p);
      return;
    }
  const char *const *heads = st->codes ? code_heads : record_heads;
  glong width[COLS];
  for (int i = 0; i < COLS; i++)
    width[i] = g_utf8_strlen (heads[i], -1);
  for (guint r = 0; r < st->rows->len; r++)
    {
      char **row = g_ptr_array_index (st->rows, r);
      for (int i = 0; i < COLS; i++)
        width[i] = MAX (width[i], g_utf8_strlen (row[i], -1));
    }
  for (guint r = 0; r <= st->rows->len; r++)
    {
      const char *const *row = r == 0 ? heads : (const char *const *) g_ptr_array_index (st->rows, r - 1);
      for (int i = 0; i < COLS; i++)
        {
          fputs (row[i], p->out);
          if (i < COLS - 1)
            for (glong pad = g_utf8_strlen (row[i], -1); pad < width[i] + 2; pad++)
              fputc (' ', p->out);
        }
      fputc ('\n', p->out);
    }
  for (guint r = 0; r < st->rows->len; r++)
    g_strfreev (g_ptr_array_index (st->rows, r));
  g_ptr_array_free (st->rows, TRUE);
  g_free (st);
  fflush (p->out);
  g_free (p);
}

Printer *
printer_text_new (FILE *out)
{
  Printer *p = g_new0 (Printer, 1);
  TextState *st = g_new0 (TextState, 1);
  st->rows = g_ptr_array_new ();
  p->record = text_record;
  p->code = text_code;
  p->finish = text_finish;
  p->out = out;
  p->state = st;
  return p;
}
