/* report.c: the BounceReport and BounceRecord objects, their getters, and the
 * string hygiene every stored value goes through (valid UTF-8, no control bytes).
 */
#include "internal.h"
#include "bounds.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

static const char *const field_names[BOUNCE_FIELD_COUNT] = {
  [BOUNCE_FIELD_RECIPIENT] = "recipient",
  [BOUNCE_FIELD_ORIGINAL_RECIPIENT] = "original_recipient",
  [BOUNCE_FIELD_ACTION] = "action",
  [BOUNCE_FIELD_STATUS] = "status",
  [BOUNCE_FIELD_REPLY_CODE] = "reply_code",
  [BOUNCE_FIELD_DIAGNOSTIC_TYPE] = "diagnostic_type",
  [BOUNCE_FIELD_DIAGNOSTIC] = "diagnostic",
  [BOUNCE_FIELD_REMOTE_MTA] = "remote_mta",
  [BOUNCE_FIELD_LAST_ATTEMPT] = "last_attempt",
  [BOUNCE_FIELD_WILL_RETRY_UNTIL] = "will_retry_until",
  [BOUNCE_FIELD_REASON] = "reason",
  [BOUNCE_FIELD_BOUNCE] = "bounce",
  [BOUNCE_FIELD_CLASS] = "class",
  [BOUNCE_FIELD_SUBJECT] = "subject",
  [BOUNCE_FIELD_DESCRIPTION] = "description",
  [BOUNCE_FIELD_SOURCE] = "source",
  [BOUNCE_FIELD_FEEDBACK_TYPE] = "feedback_type",
  [BOUNCE_FIELD_REPORTING_MTA] = "reporting_mta",
  [BOUNCE_FIELD_ARRIVAL_DATE] = "arrival_date",
  [BOUNCE_FIELD_MESSAGE_ID] = "message_id",
  [BOUNCE_FIELD_DATE] = "date",
  [BOUNCE_FIELD_FROM] = "from",
  [BOUNCE_FIELD_MESSAGE_SUBJECT] = "message_subject",
  [BOUNCE_FIELD_ORIGINAL_MESSAGE_ID] = "original_message_id",
  [BOUNCE_FIELD_ORIGINAL_FROM] = "original_from",
  [BOUNCE_FIELD_ORIGINAL_TO] = "original_to",
  [BOUNCE_FIELD_ORIGINAL_SUBJECT] = "original_subject",
  [BOUNCE_FIELD_COMMAND] = "command",
  [BOUNCE_FIELD_LIST_ID] = "list_id",
  [BOUNCE_FIELD_VERP_RECIPIENT] = "verp_recipient",
  [BOUNCE_FIELD_KEY] = "key",
  [BOUNCE_FIELD_WHY] = "why",
};

GQuark
bounce_error_quark (void)
{
  return g_quark_from_static_string ("bounce-error-quark");
}

const char *
bounce_field_name (BounceField field)
{
  return (guint) field < BOUNCE_FIELD_COUNT ? field_names[field] : NULL;
}

const char *
bounce_type_name (BounceType type)
{
  switch (type)
    {
    case BOUNCE_TYPE_HARD:
      return "hard";
    case BOUNCE_TYPE_SOFT:
      return "soft";
    case BOUNCE_TYPE_BLOCK:
      return "block";
    case BOUNCE_TYPE_NONE:
    default:
      return "none";
    }
}

const char *
bounce_class_name (BounceClass klass)
{
  switch (klass)
    {
    case BOUNCE_CLASS_SUCCESS:
      return "success";
    case BOUNCE_CLASS_TRANSIENT:
      return "transient";
    case BOUNCE_CLASS_PERMANENT:
      return "permanent";
    case BOUNCE_CLASS_UNKNOWN:
    default:
      return NULL;
    }
}

char *
text_clean (const char *value, gsize len, gsize max)
{
  if (!value || len == 0)
    return NULL;
  /* valid UTF-8 (without NUL) is read in place; anything else is repaired first */
  char *valid = NULL;
  const char *src = value;
  if (!utf8_valid (value, len))
    {
      valid = g_utf8_make_valid (value, (gssize) len);
      src = valid;
      len = strlen (valid);
    }
  char *out = g_malloc (len + 1);
  gsize n = 0;
  gboolean space = FALSE;
  for (const char *p = src, *end = src + len; p < end && *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      if (c <= 0x20 || c == 0x7f)
        {
          /* folding, stray control bytes and spaces become one space */
          space = n > 0;
          continue;
        }
      if (space)
        out[n++] = ' ';
      space = FALSE;
      out[n++] = (char) c;
    }
  out[n] = '\0';
  g_free (valid);
  if (n > max)
    {
      /* cut on a character boundary */
      const char *cut = g_utf8_find_prev_char (out, out + max + 1);
      n = cut ? (gsize) (cut - out) : 0;
      out[n] = '\0';
    }
  if (n == 0)
    {
      g_free (out);
      return NULL;
    }
  return out;
}

BounceReport *
report_new (void)
{
  BounceReport *r = g_new0 (BounceReport, 1);
  g_atomic_ref_count_init (&r->ref_count);
  r->records = g_ptr_array_new ();
  return r;
}

static void
record_free (BounceRecord *rec)
{
  for (int i = 0; i < BOUNCE_FIELD_COUNT; i++)
    g_free (rec->fields[i]);
  g_free (rec->notice_words);
  g_free (rec);
}

void
bounce_report_free (BounceReport *report)
{
  if (!report || !g_atomic_ref_count_dec (&report->ref_count))
    return;
  for (guint i = 0; i < report->records->len; i++)
    record_free (g_ptr_array_index (report->records, i));
  g_ptr_array_free (report->records, TRUE);
  for (int i = 0; i < BOUNCE_FIELD_COUNT; i++)
    g_free (report->fields[i]);
  g_free (report->verdict);
  if (report->warnings)
    g_string_free (report->warnings, TRUE);
  if (report->headers)
    g_ptr_array_free (report->headers, TRUE);
  bounce_rules_unref (report->rules);
  if (report->warning_kinds)
    g_array_free (report->warning_kinds, TRUE);
  if (report->warning_texts)
    g_ptr_array_free (report->warning_texts, TRUE);
  g_free (report->notice);
  g_free (report);
}

BounceRecord *
report_add_record (BounceReport *report)
{
  if (report->records->len >= MAX_RECIPIENTS)
    {
      if (!report->recipients_cut)
        report_warn_kind (report, BOUNCE_WARNING_RECIPIENTS_CUT,
                          "more than %d recipients: the rest ignored", MAX_RECIPIENTS);
      report->recipients_cut = TRUE;
      return NULL;
    }
  BounceRecord *rec = g_new0 (BounceRecord, 1);
  rec->report = report;
  g_ptr_array_add (report->records, rec);
  return rec;
}

void
report_remove_record (BounceReport *report, guint index)
{
  if (index < report->records->len)
    record_free (g_ptr_array_steal_index (report->records, index));
}

BounceRecord *
report_find_record (BounceReport *report, const char *address)
{
  if (!address)
    return NULL;
  for (guint i = 0; i < report->records->len; i++)
    {
      BounceRecord *rec = g_ptr_array_index (report->records, i);
      const char *r = rec->fields[BOUNCE_FIELD_RECIPIENT];
      if (r && g_ascii_strcasecmp (r, address) == 0)
        return rec;
    }
  return NULL;
}

void
report_take (BounceReport *report, BounceField field, char *value)
{
  g_free (report->fields[field]);
  report->fields[field] = value;
}

void
report_set (BounceReport *report, BounceField field, const char *value)
{
  report_take (report, field,
               value ? text_clean (value, strlen (value), MAX_FIELD_VALUE) : NULL);
}

void
report_set_verdict (BounceReport *report, const char *verdict)
{
  g_free (report->verdict);
  report->verdict = g_strdup (verdict);
}

static void
warn_va (BounceReport *report, BounceWarning kind, const char *fmt, va_list ap)
{
  char *msg = g_strdup_vprintf (fmt, ap);
  if (!report->warnings)
    {
      report->warnings = g_string_new (NULL);
      report->warning_kinds = g_array_new (FALSE, FALSE, sizeof (BounceWarning));
      report->warning_texts = g_ptr_array_new_with_free_func (g_free);
    }
  else
    g_string_append_c (report->warnings, '\n');
  char *clean = text_clean (msg, strlen (msg), 512);
  /* one line per warning: several lines of one become several of its kind */
  char **lines = g_strsplit (clean ? clean : "", "\n", -1);
  for (char **l = lines; *l; l++)
    {
      g_array_append_val (report->warning_kinds, kind);
      g_ptr_array_add (report->warning_texts, *l);
    }
  g_free (lines); /* the strings are the array's now */
  g_string_append (report->warnings, clean ? clean : "");
  g_free (clean);
  g_free (msg);
}

void
report_warn (BounceReport *report, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  warn_va (report, BOUNCE_WARNING_MALFORMED, fmt, ap);
  va_end (ap);
}

void
report_warn_kind (BounceReport *report, BounceWarning kind, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  warn_va (report, kind, fmt, ap);
  va_end (ap);
}

void
record_take (BounceRecord *record, BounceField field, char *value)
{
  g_free (record->fields[field]);
  record->fields[field] = value;
}

void
record_set (BounceRecord *record, BounceField field, const char *value)
{
  record_take (record, field,
               value ? text_clean (value, strlen (value), MAX_FIELD_VALUE) : NULL);
}

const char *
record_peek (const BounceRecord *record, BounceField field)
{
  return record->fields[field];
}

guint
bounce_report_n_records (const BounceReport *report)
{
  return report ? report->records->len : 0;
}

const BounceRecord *
bounce_report_get_record (const BounceReport *report, guint index)
{
  if (!report || index >= report->records->len)
    return NULL;
  return g_ptr_array_index (report->records, index);
}

const char *
bounce_report_get_verdict (const BounceReport *report)
{
  return report ? report->verdict : NULL;
}

const char *
bounce_report_get_warnings (const BounceReport *report)
{
  return report && report->warnings ? report->warnings->str : NULL;
}

guint
bounce_report_n_warnings (const BounceReport *report)
{
  return report && report->warning_kinds ? report->warning_kinds->len : 0;
}

BounceWarning
bounce_report_get_warning (const BounceReport *report, guint index, const char **text)
{
  if (text)
    *text = NULL;
  if (index >= bounce_report_n_warnings (report))
    return BOUNCE_WARNING_COUNT;
  if (text)
    *text = g_ptr_array_index (report->warning_texts, index);
  return g_array_index (report->warning_kinds, BounceWarning, index);
}

gboolean
bounce_warning_is_cut (BounceWarning kind)
{
  return kind > BOUNCE_WARNING_MALFORMED && kind < BOUNCE_WARNING_COUNT;
}

const char *
bounce_report_get (const BounceReport *report, BounceField field)
{
  if (!report || (guint) field >= BOUNCE_FIELD_COUNT)
    return NULL;
  return report->fields[field];
}

const char *
bounce_record_get (const BounceRecord *record, BounceField field)
{
  if (!record || (guint) field >= BOUNCE_FIELD_COUNT)
    return NULL;
  if (record->fields[field])
    return record->fields[field];
  return record->report ? record->report->fields[field] : NULL;
}

BounceType
bounce_record_get_type (const BounceRecord *record)
{
  return record ? record->type : BOUNCE_TYPE_NONE;
}

BounceClass
bounce_record_get_class (const BounceRecord *record)
{
  return record ? record->klass : BOUNCE_CLASS_UNKNOWN;
}

gboolean
bounce_record_is_hard (const BounceRecord *record)
{
  return record && record->type == BOUNCE_TYPE_HARD;
}
