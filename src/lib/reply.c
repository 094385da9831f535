/* reply.c: one bare SMTP reply (or an MTA's diagnostic line) classified as a
 * bounce's diagnostic would be, for `bounce classify` and the MTA log reader.
 *
 * The reply becomes the diagnostic of a report's only record; classify.c then
 * reads its status, reply code, command and reason from it exactly as it does
 * for a delivery-status part's Diagnostic-Code. The recipient, when the caller
 * does not know it, is the first address the words hold: MTAs quote the refused
 * address first ("550 5.1.1 <a@example.com>: Recipient address rejected"). */
#include <string.h>

#include "address.h"
#include "bounds.h"
#include "classify.h"
#include "link.h"
#include "notice-words.h"

/* Does the word before at (the start of an address, or its '<') ask the reader
 * to write to it (notice-words.c contact_verbs)? Such an address is the
 * receiver's contact, not the refused recipient. */
static gboolean
contact_before (const char *text, const char *at)
{
  const char *e = at;
  while (e > text && (e[-1] == ' ' || e[-1] == ':' || e[-1] == '<'))
    e--;
  const char *s = e;
  while (s > text && g_ascii_isalpha (s[-1]))
    s--;
  if (s > text && s[-1] == '-' && s - 1 > text && g_ascii_isalpha (s[-2]))
    for (s--; s > text && g_ascii_isalpha (s[-1]);)
      s--; /* "e-mail" */
  for (gsize i = 0; contact_verbs[i]; i++)
    if ((gsize) (e - s) == strlen (contact_verbs[i])
        && g_ascii_strncasecmp (s, contact_verbs[i], (gsize) (e - s)) == 0)
      return TRUE;
  return FALSE;
}

/* The first address in angle brackets, else the first bare word with an '@'
 * that normalises to an address; an address the words give as a contact
 * (contact_before) is none. */
static char *
first_address (const char *text)
{
  for (const char *lt = strchr (text, '<'); lt; lt = strchr (lt + 1, '<'))
    {
      const char *gt = strchr (lt + 1, '>');
      if (!gt)
        break;
      if (gt - lt > 1 && gt - lt < 320 && memchr (lt, '@', (gsize) (gt - lt))
          && !contact_before (text, lt))
        {
          char *inner = g_strndup (lt + 1, (gsize) (gt - lt - 1));
          char *a = address_normalise (inner);
          g_free (inner);
          if (a)
            return a;
        }
    }
  for (const char *at = strchr (text, '@'); at; at = strchr (at + 1, '@'))
    {
      const char *s = at, *e = at + 1;
      while (s > text && address_char (s[-1]) && s[-1] != '<' && s[-1] != '>')
        s--;
      while (*e && address_char (*e) && *e != '<' && *e != '>')
        e++;
      if (e - s > 320 || contact_before (text, s))
        continue;
      char *word = g_strndup (s, (gsize) (e - s));
      char *a = address_normalise (word);
      g_free (word);
      if (a)
        return a;
    }
  return NULL;
}

BounceReport *
bounce_classify_reply (const char *reply, const BounceReplyContext *context, GError **error)
{
  BounceReplyContext none = { 0 };
  if (!context)
    context = &none;
  char *diag = reply ? text_clean (reply, strlen (reply), MAX_FIELD_VALUE) : NULL;
  /* no words: only a logged outcome ("=>" with no confirmation) can stand alone */
  if (!diag && !context->action && !context->status)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE, "empty reply");
      return NULL;
    }
  BounceReport *report = report_new ();
  if (context->rules)
    report->rules = bounce_rules_ref ((BounceRules *) context->rules);
  BounceRecord *rec = report_add_record (report);
  char *rcpt = context->recipient ? address_normalise (context->recipient) : NULL;
  if (!rcpt && !context->recipient && diag)
    rcpt = first_address (diag);
  record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
  record_set (rec, BOUNCE_FIELD_ACTION, context->action);
  record_set (rec, BOUNCE_FIELD_REMOTE_MTA, context->remote_mta);
  if (context->command)
    {
      char *upper = g_ascii_strup (context->command, -1);
      record_set (rec, BOUNCE_FIELD_COMMAND, upper);
      g_free (upper);
    }
  /* checked and normalised by classify.c, against the one the words give */
  record_set (rec, BOUNCE_FIELD_STATUS, context->status);
  if (diag)
    record_set (rec, BOUNCE_FIELD_DIAGNOSTIC_TYPE, "smtp");
  record_take (rec, BOUNCE_FIELD_DIAGNOSTIC, diag);
  classify_record (rec, REASON_NONE);
  report_set (report, BOUNCE_FIELD_ORIGINAL_MESSAGE_ID, context->message_id);
  link_set_key (rec, context->message_id);
  report_set_verdict (report, "reply");
  return report;
}
