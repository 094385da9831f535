/* classify.c: turn a record's status, reply code and diagnostic text into its
 * classification (class, subject, description, reason, bounce type), and answer
 * code look-ups for `bounce explain`.
 *
 * The rule: class comes from the code (its first digit); the reason comes from the
 * diagnostic text when a phrase in it gives one away, else from the code's default;
 * the bounce type comes from the reason (reasons.tsv), with "notaccept" hard only
 * when the failure is permanent.
 */
#include "classify.h"

#include <string.h>

#include "codes.h"
#include "reasons.h"
#include "status.h"

static BounceClass
class_of_digit (char c)
{
  switch (c)
    {
    case '2':
      return BOUNCE_CLASS_SUCCESS;
    case '4':
      return BOUNCE_CLASS_TRANSIENT;
    case '5':
      return BOUNCE_CLASS_PERMANENT;
    default:
      return BOUNCE_CLASS_UNKNOWN;
    }
}

static gboolean
is_generic_status (const char *status)
{
  /* X.0.0 carries only the class; the text usually says more. */
  return status == NULL || g_str_has_suffix (status, ".0.0");
}

/* Fills out for an enhanced code already known to be valid. */
static void
lookup_enhanced (const char *code, BounceCode *out)
{
  guint k, s, d;
  status_parse_enhanced (code, strlen (code), &k, &s, &d);
  const CodeRow *row = codes_enhanced_detail (s, d);
  const CodeRow *subj = codes_enhanced_subject_row (s);
  out->form = "enhanced";
  out->klass = class_of_digit (code[0]);
  out->subject = codes_subject_name (s);
  out->description = row ? row->description : subj ? subj->description : NULL;
  out->reason = row ? row->reason : NULL;
  out->note = row ? row->note : (subj ? "detail not in the registry; read by its subject" : NULL);
  if (out->klass == BOUNCE_CLASS_SUCCESS)
    out->reason = "delivered";
}

static BounceType
type_of (const char *reason, BounceClass klass)
{
  if (!reason)
    return klass == BOUNCE_CLASS_SUCCESS ? BOUNCE_TYPE_NONE : BOUNCE_TYPE_SOFT;
  BounceType t = reasons_type (reason);
  if (strcmp (reason, "notaccept") == 0 && klass != BOUNCE_CLASS_PERMANENT)
    return BOUNCE_TYPE_SOFT;
  return t;
}

gboolean
bounce_code_lookup (const char *code, BounceCode *out)
{
  char norm[STATUS_MAX];
  memset (out, 0, sizeof *out);
  if (!status_normalise (code, norm))
    return FALSE;
  if (strchr (norm, '.'))
    {
      const char *canon = g_intern_string (norm);
      out->code = canon;
      lookup_enhanced (canon, out);
    }
  else
    {
      const CodeRow *row = codes_reply (norm);
      const CodeRow *pseudo = codes_pseudo (norm);
      if (row || pseudo)
        {
          const CodeRow *r = row ? row : pseudo;
          out->code = r->code;
          out->form = row ? "reply" : "vendor";
          out->klass = pseudo ? BOUNCE_CLASS_PERMANENT : class_of_digit (norm[0]);
          out->subject = NULL;
          out->description = r->description;
          out->reason = r->reason;
          out->note = r->note;
          if (pseudo)
            {
              out->type = BOUNCE_TYPE_HARD; /* as the tables that use 911 say */
              return TRUE;
            }
        }
      else if (norm[0] == '2' || norm[0] == '4' || norm[0] == '5')
        {
          /* a dotless enhanced code: 511 is 5.1.1 */
          char canon[STATUS_MAX];
          g_snprintf (canon, sizeof canon, "%c.%c.%c", norm[0], norm[1], norm[2]);
          lookup_enhanced (g_intern_string (canon), out);
          out->code = g_intern_string (norm);
          out->form = "vendor";
          char *note = g_strdup_printf ("not an SMTP reply code; read as %s without dots", canon);
          out->note = g_intern_string (note);
          g_free (note);
        }
      else
        return FALSE;
    }
  out->type = type_of (out->reason, out->klass);
  return TRUE;
}

static void
foreach_enhanced_row (const CodeRow *row, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceCode *, gpointer) = (void (*) (const BounceCode *, gpointer)) ctx[0];
  for (const char *k = "245"; *k; k++)
    {
      char code[STATUS_MAX];
      g_snprintf (code, sizeof code, "%c.%s", *k, row->code);
      BounceCode c;
      if (bounce_code_lookup (code, &c))
        fn (&c, ctx[1]);
    }
}

static void
foreach_reply_row (const CodeRow *row, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceCode *, gpointer) = (void (*) (const BounceCode *, gpointer)) ctx[0];
  BounceCode c;
  if (bounce_code_lookup (row->code, &c))
    fn (&c, ctx[1]);
}

void
bounce_code_foreach (void (*fn) (const BounceCode *code, gpointer data), gpointer data)
{
  gpointer ctx[2] = { (gpointer) fn, data };
  codes_foreach_enhanced (foreach_enhanced_row, ctx);
  codes_foreach_reply (foreach_reply_row, ctx);
}

void
classify_record (BounceRecord *rec, const char *reason_hint)
{
  const char *diag = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
  const char *action = record_peek (rec, BOUNCE_FIELD_ACTION);
  char code[STATUS_MAX];

  /* status: the report's own, unless generic and the text names a precise one */
  const char *status = record_peek (rec, BOUNCE_FIELD_STATUS);
  if (status && !status_normalise (status, code))
    status = NULL;
  if (status && !strchr (code, '.'))
    status = NULL;
  if (status)
    record_set (rec, BOUNCE_FIELD_STATUS, code);
  else
    record_set (rec, BOUNCE_FIELD_STATUS, NULL);
  status = record_peek (rec, BOUNCE_FIELD_STATUS);
  if (is_generic_status (status) && diag && status_find_enhanced (diag, code)
      && (!status || code[0] == status[0]))
    record_set (rec, BOUNCE_FIELD_STATUS, code);
  status = record_peek (rec, BOUNCE_FIELD_STATUS);

  char reply[4];
  if (!record_peek (rec, BOUNCE_FIELD_REPLY_CODE) && diag && status_find_reply (diag, reply))
    record_set (rec, BOUNCE_FIELD_REPLY_CODE, reply);
  const char *reply_code = record_peek (rec, BOUNCE_FIELD_REPLY_CODE);

  BounceCode by_status = { 0 }, by_reply = { 0 };
  gboolean have_status = status && bounce_code_lookup (status, &by_status);
  gboolean have_reply = reply_code && bounce_code_lookup (reply_code, &by_reply);

  BounceClass klass = have_status  ? by_status.klass
                      : have_reply ? by_reply.klass
                                   : BOUNCE_CLASS_UNKNOWN;
  if (klass == BOUNCE_CLASS_UNKNOWN && action)
    {
      if (g_ascii_strcasecmp (action, "failed") == 0)
        klass = BOUNCE_CLASS_PERMANENT;
      else if (g_ascii_strcasecmp (action, "delayed") == 0)
        klass = BOUNCE_CLASS_TRANSIENT;
    }

  const char *reason = NULL;
  gboolean success = action
                     && (g_ascii_strcasecmp (action, "delivered") == 0
                         || g_ascii_strcasecmp (action, "relayed") == 0
                         || g_ascii_strcasecmp (action, "expanded") == 0);
  if (success || klass == BOUNCE_CLASS_SUCCESS)
    reason = "delivered";
  if (!reason && reason_hint)
    reason = reason_hint;
  if (!reason)
    reason = reasons_from_text (diag);
  if (!reason && have_status)
    reason = by_status.reason;
  if (!reason && have_reply)
    reason = by_reply.reason;
  if (!reason && action && g_ascii_strcasecmp (action, "delayed") == 0)
    reason = "expired";
  if (!reason)
    reason = (status || reply_code || diag) ? "onhold" : "undefined";

  rec->klass = klass;
  rec->type = type_of (reason, klass);
  record_set (rec, BOUNCE_FIELD_REASON, reason);
  record_set (rec, BOUNCE_FIELD_BOUNCE, bounce_type_name (rec->type));
  record_set (rec, BOUNCE_FIELD_CLASS, bounce_class_name (klass));
  record_set (rec, BOUNCE_FIELD_SUBJECT, have_status ? by_status.subject : NULL);
  const char *desc = have_status && by_status.description && !is_generic_status (status)
                         ? by_status.description
                     : have_reply  ? by_reply.description
                     : have_status ? by_status.description
                                   : NULL;
  record_set (rec, BOUNCE_FIELD_DESCRIPTION, desc);
}
