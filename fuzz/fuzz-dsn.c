/* fuzz-dsn.c: delivery-status field blocks. The field splitter (fields.c) reads the
 * bytes with their length and no terminator; the extractor (dsn.c) then turns the
 * same text into records on a fresh report, which are classified as the pipeline
 * would and checked. */
#include <string.h>

#include "bounds.h"
#include "check.h"
#include "classify.h"
#include "dsn.h"
#include "fields.h"
#include "internal.h"

static void
check_block (const FieldBlock *block)
{
  CHECK (block != NULL, "fields_parse returned NULL");
  CHECK (block->n_groups == 0 || block->groups != NULL, "groups missing");
  for (guint i = 0; i < block->n_groups; i++)
    {
      const FieldGroup *g = &block->groups[i];
      CHECK (g->n_fields > 0, "empty group %u", i);
      for (guint j = 0; j < g->n_fields; j++)
        {
          const Field *f = &g->fields[j];
          CHECK (f->name && *f->name, "field without a name");
          CHECK (f->value != NULL, "field %s without a value", f->name);
          CHECK (strlen (f->value) <= MAX_FIELD_VALUE, "value of %s is %zu bytes", f->name,
                 strlen (f->value));
          CHECK (!strchr (f->name, ':') && !strchr (f->name, '\n') && !strchr (f->name, '\r'),
                 "bad field name \"%s\"", f->name);
          /* the first field of a name wins */
          const char *first = fields_get (g, f->name);
          CHECK (first != NULL, "fields_get misses %s", f->name);
          for (guint k = 0; k < j; k++)
            if (first == f->value)
              CHECK (g_ascii_strcasecmp (g->fields[k].name, f->name) != 0,
                     "fields_get of %s is not the first", f->name);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* exactly size bytes, no terminator: fields_parse must stay within len */
  char *raw = g_malloc (size ? size : 1);
  if (size)
    memcpy (raw, data, size);
  FieldBlock *block = fields_parse (raw, size);
  check_block (block);
  fields_free (block);
  g_free (raw);

  char *text = fuzz_strndup (data, size);
  BounceReport *report = report_new ();
  guint n = dsn_extract (report, text);
  CHECK (n == bounce_report_n_records (report), "dsn_extract counted %u of %u", n,
         bounce_report_n_records (report));
  n -= dsn_drop_unusable (report);
  CHECK (n == bounce_report_n_records (report), "dsn_drop_unusable counted %u of %u", n,
         bounce_report_n_records (report));
  for (guint i = 0; i < n; i++)
    classify_record ((BounceRecord *) bounce_report_get_record (report, i), REASON_NONE);
  check_report (report);

  gssize at = dsn_find_block (text);
  CHECK (at >= -1 && at <= (gssize) strlen (text), "dsn_find_block out of range");
  if (at >= 0)
    dsn_extract (report, text + at);
  dsn_drop_unusable (report);
  check_report (report);
  bounce_report_free (report);

  char *type, *value;
  dsn_split_typed (text, &type, &value);
  check_text (type, "diagnostic type");
  if (type)
    CHECK (*type && strlen (type) <= 32 && !strchr (type, ';'), "bad type \"%s\"", type);
  g_free (type);
  g_free (value);
  g_free (text);
  return 0;
}
