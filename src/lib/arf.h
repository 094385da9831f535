/* arf.h: reports that are not delivery failures: ARF feedback reports (RFC 5965)
 * and automatic replies (RFC 3834). */
#ifndef BOUNCE_ARF_H
#define BOUNCE_ARF_H

#include "internal.h"
#include "mime.h"

/* One record per complained-about recipient, reason "feedback". Returns the count. */
guint arf_extract (BounceReport *report, const MimeMessage *msg);
/* Complaints that come without a message/feedback-report part: Outlook.com's
 * (Hotmail's) junk-mail reports, a plain message "complaint about message from
 * <IP>" with the reported message attached, and list-unsubscribe requests sent
 * by a mail client (X-Apple-Unsubscribe). One record, reason "feedback", for the
 * complaining recipient. Returns the count (0 when the message is not one). */
guint arf_plain_complaint (BounceReport *report, const MimeMessage *msg);
/* TRUE when the message is a provider's complaint notification in JSON (Amazon SES
 * "notificationType": "Complaint", also inside an SNS envelope). */
gboolean arf_is_json_complaint (const MimeMessage *msg);
/* What marks a message as an automatic reply. */
typedef enum
{
  ARF_NOT_AUTO_REPLY = 0,
  /* only a field that mail systems put on their delivery notices too
   * (Auto-Submitted: auto-replied, X-Autoreply, X-Autorespond) */
  ARF_AUTO_REPLY_FIELD,
  /* an auto-reply's subject or text, or a field only automatic replies carry */
  ARF_AUTO_REPLY,
} ArfAutoReply;

/* Whether the message is an automatic reply (Auto-Submitted: auto-replied, or the
 * out-of-office conventions of common clients), and by what. */
ArfAutoReply arf_auto_reply_kind (const MimeMessage *msg);
/* TRUE when arf_auto_reply_kind is not ARF_NOT_AUTO_REPLY. */
gboolean arf_is_auto_reply (const MimeMessage *msg);
/* A record for the auto-replying address (the reply's From). Returns the count. */
guint arf_auto_reply (BounceReport *report, const MimeMessage *msg);
/* A message disposition notification (RFC 8098) that says the message was
 * deleted by an automatic action, as a Sieve "reject" reports its refusal: one
 * failed record for its Final-Recipient (or Original-Recipient). Returns the
 * count (0 when the message holds no such notification). */
guint arf_mdn_refusal (BounceReport *report, const MimeMessage *msg);

#endif
