/* arf.c: feedback reports and auto-replies. */
#define _GNU_SOURCE /* memmem */
#include "arf.h"

#include <string.h>

#include "address.h"
#include "dsn.h"
#include "fields.h"
#include "bounds.h"

static guint
add_feedback_record (BounceReport *report, const char *address, const char *type,
                     const char *diagnostic)
{
  char *rcpt = address_normalise (address);
  if (!rcpt || report_find_record (report, rcpt))
    {
      g_free (rcpt);
      return 0;
    }
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    {
      g_free (rcpt);
      return 0;
    }
  record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
  record_set (rec, BOUNCE_FIELD_FEEDBACK_TYPE, type);
  record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, diagnostic);
  record_set (rec, BOUNCE_FIELD_SOURCE, "arf");
  return 1;
}

/* The first line of the human-readable part, as the report's own summary. */
static const char *
first_text (const MimeMessage *msg, char **owned)
{
  *owned = NULL;
  if (msg->text->len == 0)
    return NULL;
  const char *t = g_ptr_array_index (msg->text, 0);
  while (*t == '\n' || *t == '\r' || *t == ' ')
    t++;
  const char *nl = strpbrk (t, "\r\n");
  *owned = nl ? g_strndup (t, nl - t) : g_strdup (t);
  return *owned;
}

guint
arf_extract (BounceReport *report, const MimeMessage *msg)
{
  guint n = 0;
  char *summary;
  const char *diag = first_text (msg, &summary);
  for (guint i = 0; i < msg->feedback->len; i++)
    {
      const char *body = g_ptr_array_index (msg->feedback, i);
      FieldBlock *block = fields_parse (body, strlen (body));
      for (guint g = 0; g < block->n_groups; g++)
        {
          const FieldGroup *grp = &block->groups[g];
          const char *type = fields_get (grp, "Feedback-Type");
          const char *mta = fields_get (grp, "Reporting-MTA");
          if (mta && !bounce_report_get (report, BOUNCE_FIELD_REPORTING_MTA))
            {
              char *t, *v;
              dsn_split_typed (mta, &t, &v);
              report_set (report, BOUNCE_FIELD_REPORTING_MTA, v);
              g_free (t);
              g_free (v);
            }
          for (guint f = 0; f < grp->n_fields; f++)
            if (g_ascii_strcasecmp (grp->fields[f].name, "Original-Rcpt-To") == 0
                || g_ascii_strcasecmp (grp->fields[f].name, "Removal-Recipient") == 0)
              n += add_feedback_record (report, grp->fields[f].value, type, diag);
          if (n == 0)
            {
              /* no recipient field: the returned message's To */
              const char *to = mime_original (msg, "To");
              if (to)
                n += add_feedback_record (report, to, type, diag);
            }
        }
      fields_free (block);
    }
  g_free (summary);
  return n;
}

guint
arf_plain_complaint (BounceReport *report, const MimeMessage *msg)
{
  const char *subject = mime_get (msg, "Subject");
  const char *from = mime_get (msg, "From");
  const char *apple = mime_get (msg, "X-Apple-Unsubscribe");
  if (apple && g_ascii_strncasecmp (apple, "true", 4) == 0 && msg->dsn->len == 0)
    {
      /* the client's unsubscribe request: the complaining address is its sender */
      char *summary;
      const char *diag = first_text (msg, &summary);
      guint n = add_feedback_record (report, from, NULL, diag);
      g_free (summary);
      return n;
    }
  if (msg->n_original == 0 || msg->dsn->len > 0 || !subject)
    return 0;
  while (*subject == ' ' || *subject == '\t')
    subject++;
  char *from_lower = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean jmrp = g_ascii_strncasecmp (subject, "complaint about message from", 28) == 0
                  || (from_lower && strstr (from_lower, "staff@hotmail.com")
                      && g_ascii_strncasecmp (subject, "complaint", 9) == 0);
  g_free (from_lower);
  if (!jmrp)
    return 0;
  /* the reported message's recipient: Hotmail's own header for it, else its To */
  const char *rcpt = mime_original (msg, "X-HmXmrOriginalRecipient");
  if (!rcpt || !*rcpt)
    rcpt = mime_original (msg, "To");
  return add_feedback_record (report, rcpt, "abuse", subject);
}

gboolean
arf_is_json_complaint (const MimeMessage *msg)
{
  static const char *const keys[] = { "\"notificationType", "\"eventType" };
  for (guint i = 0; i < msg->text->len; i++)
    {
      const char *t = g_ptr_array_index (msg->text, i);
      gsize len = strnlen (t, 1 << 20);
      for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
        for (const char *hit = memmem (t, len, keys[k], strlen (keys[k])); hit;
             hit = memmem (hit + 1, len - (gsize) (hit + 1 - t), keys[k], strlen (keys[k])))
          {
            /* "notificationType":"Complaint", or \"notificationType\":\"Complaint\" */
            const char *p = hit + strlen (keys[k]);
            while (*p && strchr ("\\\": \t", *p))
              p++;
            if (g_ascii_strncasecmp (p, "Complaint", 9) == 0)
              return TRUE;
          }
    }
  return FALSE;
}

gboolean
arf_is_auto_reply (const MimeMessage *msg)
{
  static const char *const subjects[] = { "auto:", "automatic reply", "auto reply", "autoreply",
                                          "out of office", "out of the office", "away from",
                                          "on vacation", "vacation reply", "abwesenheitsnotiz" };
  /* MTAs mark their bounces auto-replied too (Postfix does): a daemon is no person
   * away from the office */
  const char *from = mime_get (msg, "From");
  char *from_lower = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean daemon = from_lower
                    && (strstr (from_lower, "mailer-daemon") || strstr (from_lower, "postmaster")
                        || strstr (from_lower, "mail delivery"));
  g_free (from_lower);
  if (daemon)
    return FALSE;
  /* nor is a notice whose subject says the delivery failed, or one with a
   * delivery-status part, whoever signs it */
  static const char *const failures[] = { "undeliver", "delivery fail", "delivery status",
                                          "failure notice", "returned mail", "returning message",
                                          "not delivered", "delivery problem", "mail failure" };
  const char *subj_h = mime_get (msg, "Subject");
  char *sl = g_utf8_strdown (subj_h ? subj_h : "", -1);
  gboolean failure = msg->dsn->len > 0;
  for (gsize i = 0; i < G_N_ELEMENTS (failures) && !failure; i++)
    failure = strstr (sl, failures[i]) != NULL;
  g_free (sl);
  if (failure)
    return FALSE;
  const char *as = mime_get (msg, "Auto-Submitted");
  if (as && g_ascii_strncasecmp (as, "auto-replied", 12) == 0)
    return TRUE;
  if (mime_get (msg, "X-Autoreply") || mime_get (msg, "X-Autorespond"))
    return TRUE;
  const char *subject = mime_get (msg, "Subject");
  if (!subject)
    return FALSE;
  char *lower = g_utf8_strdown (subject, -1);
  gboolean hit = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (subjects) && !hit; i++)
    hit = strstr (lower, subjects[i]) != NULL;
  g_free (lower);
  return hit;
}

guint
arf_auto_reply (BounceReport *report, const MimeMessage *msg)
{
  const char *from = mime_get (msg, "From");
  char *rcpt = address_normalise (from);
  if (!rcpt)
    return 0;
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    {
      g_free (rcpt);
      return 0;
    }
  record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
  if (msg->text->len > 0)
    {
      const char *t = g_ptr_array_index (msg->text, 0);
      record_take (rec, BOUNCE_FIELD_DIAGNOSTIC, text_clean (t, MIN (strlen (t), 512), 512));
    }
  record_set (rec, BOUNCE_FIELD_SOURCE, "auto-reply");
  return 1;
}
