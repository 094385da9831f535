/* notice.h: the notice of a message and what kind it is (see notice.c). */
#ifndef BOUNCE_NOTICE_H
#define BOUNCE_NOTICE_H

#include <glib.h>

#include "detect/detect.h"
#include "mime.h"

/* The notice: the first readable part outside the returned message (*index is
 * its place in msg->text), else one inside it (a forwarded bounce; *index is then
 * msg->text->len). NULL when the message has no readable text. */
const char *notice_pick (const MimeMessage *msg, guint *index);

/* The notice as the scanner reads it: no carriage returns, and a bounce forwarded
 * inline ("> " on most lines) unquoted once. Newly allocated. */
char *notice_prepare (const char *text, gsize len);

/* Does a message no detector recognised look like a failure notice at all?
 * notice_lower: its notice, ASCII lower case (may be NULL). */
gboolean notice_looks_like_bounce (const MimeMessage *msg, const char *notice_lower);

/* Does subject start (after blanks) with a reply's prefix, in any case: "Re:"
 * (RFC 5322 § 3.6.5) or a localized one ("AW:", "SV:", "Odp:"; reply_prefixes)? */
gboolean notice_subject_is_reply (const char *subject);

/* Is the message a person's reply (its Subject starts with a reply's prefix,
 * notice_subject_is_reply, after any bracketed tags a list or a helpdesk puts
 * first: "[Ticket #123] Re:"), from no mail system (no daemon's or postmaster's
 * From, no null sender)? Such a message may quote a failure notice, and is none. */
gboolean notice_is_persons_reply (const MimeMessage *msg);

/* Does subject start (after blanks) with "Fwd:" or "Fw:", in any case: what mail
 * clients prefix a forwarded message's subject with? */
gboolean notice_subject_is_forward (const char *subject);

/* Is the message a person's forward: its Subject starts "Fwd:" or "Fw:" (what
 * mail clients prefix a forwarded message's subject with), from no mail system
 * (no daemon's or postmaster's From, no null sender)? */
gboolean notice_is_persons_forward (const MimeMessage *msg);

/* Does the message, from no mail system (no null sender, no daemon's or
 * postmaster's From), attach a mail system's notice (the attached message's
 * From is a daemon's, a postmaster's or Exchange's system mailbox)? A person's
 * forward ("Fwd:") or a helpdesk's ticket made of a notice: its own text is
 * the person's note or the ticket's, and the attached notice is the one to
 * read. */
gboolean notice_forwards_notice (const MimeMessage *msg);

/* A forwarded message's header block in a notice's text (notice_prepare's): the
 * line a mail client writes before it ("---------- Forwarded message ---------",
 * "-------- Forwarded Message --------", "-----Original Message-----", "Begin
 * forwarded message:"), then "Name: value" lines naming a From, then a blank
 * line. Its From, Date (or Outlook's Sent), Subject and To as a header block,
 * and in *body_at the offset of the text after it; NULL when the text holds
 * none. */
char *notice_inline_forward (const char *text, gsize *body_at);

/* Is the message a forward of the notice whose header block (as
 * notice_inline_forward gives it) names forwarded_from: a person's forward
 * ("Fwd:"), or a helpdesk's or a person's message that carries a mail system's
 * notice? */
gboolean notice_forwards_inline (const MimeMessage *msg, const char *forwarded_from);

/* Neither the null reverse path nor a mail system's From: a person's message. */
gboolean notice_from_person (const MimeMessage *msg);

/* Does the notice report a delivery that succeeded, and no failure? */
gboolean notice_reports_success (const MimeMessage *msg, const char *notice_lower);

/* Is the notice a delay warning: its Subject or its text up to end_at says so,
 * and nothing says that delivery failed for good? */
gboolean notice_reports_delay (const MimeMessage *msg, const char *notice, gsize end_at);

/* The detector whose signals the message shows (From, Subject, its headers, the
 * notice's first lines head_lower, lower case), or NULL. */
const Detector *notice_pick_family (const MimeMessage *msg, const char *head_lower);

/* The same from the parts given: headers_of may be NULL (no header signals read). */
const Detector *notice_pick_family_of (const char *from, const char *subject,
                                       const MimeMessage *headers_of, const char *head_lower);

/* Does the message, from no mail system (no null sender, no daemon's or
 * postmaster's From), carry a notice only attached (own_fields: its own parts
 * hold delivery-status fields)? A list's probe is such a message: Mailman 3
 * sends it to a member with the bounce that caused it attached (src mailman3
 * 3.3.8-2~deb12u2 mailman/app/bounces.py send_probe). */
gboolean notice_attached_for_its_reader (const MimeMessage *msg, gboolean own_fields);

/* Is the message's To field the one address given (normalised)? */
gboolean notice_is_to (const MimeMessage *msg, const char *address);

#endif
