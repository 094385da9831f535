/* status.h: recognise and validate status codes in text. */
#ifndef BOUNCE_STATUS_H
#define BOUNCE_STATUS_H

#include <glib.h>

/* Room for the longest code we accept: "5.999.999" and a NUL. */
#define STATUS_MAX 12

/* Parse exactly one enhanced status code (class 2, 4 or 5; subject and detail of
 * one to three digits) at the start of s, ending at a non-code character.
 * Returns the number of bytes it spans, or 0. */
gsize status_parse_enhanced (const char *s, gsize len, guint *klass, guint *subject,
                             guint *detail);
/* Find the first enhanced status code in text that stands as a code (not inside
 * an IP address, a version number or a date); writes it to out. */
gboolean status_find_enhanced (const char *text, char out[STATUS_MAX]);
/* The code the remote server gave: the first enhanced code standing right after an
 * SMTP reply code ("550 5.7.1", "550-'5.2.2"), else the first one in text. */
gboolean status_find_remote_enhanced (const char *text, char out[STATUS_MAX]);
/* Find an SMTP reply code: a 2xx/4xx/5xx number standing as the first token of a
 * reply (start of text or after whitespace, ":", "(", "[", "<" or a quote), followed by a space, "-"
 * or the end. Writes three digits and a NUL to out. */
gboolean status_find_reply (const char *text, char out[4]);
/* The same, only codes of class klass ('2', '4' or '5'; '\0' for any). */
gboolean status_find_reply_class (const char *text, char klass, char out[4]);
/* Normalise what a user typed or a field holds ("5.1.1", "550", "571", " 5.7.26 ")
 * into out. Returns FALSE when it is not a code at all. */
gboolean status_normalise (const char *in, char out[STATUS_MAX]);

/* Room for a host name and its NUL (RFC 1035 § 2.3.4: 255 bytes). */
#define STATUS_HOST_MAX 256

/* The remote host that a diagnostic names as the one that answered, lower case,
 * in the words of the MTAs that write it: Postfix's "host NAME[ADDR] said:",
 * "host NAME[ADDR] refused to talk to me:" and "connect to NAME[ADDR]:", Exim's
 * "host NAME [ADDR]", Sendmail's "... while talking to NAME.:". A name with at
 * least one dot; FALSE when the text names none. */
gboolean status_find_remote_host (const char *text, char out[STATUS_HOST_MAX]);

/* The SMTP command a refusal in text answered, from the wording MTAs use for it
 * ("in reply to RCPT TO command", "after end of data", "does not like recipient",
 * a ">>> DATA" transcript line): "CONN", "HELO", "EHLO", "MAIL", "RCPT", "DATA",
 * "BDAT", or NULL when the text does not say. A static string. */
const char *status_find_command (const char *text);
/* The same for one recipient of a notice: in a session transcript, the command
 * whose exchange names address (NULL: any). wording_only: only the wordings
 * ("in reply to ...", "after ..."), no transcript and no bare capitals, for text
 * that may run on into the returned message. */
const char *status_find_command_for (const char *text, const char *address,
                                     gboolean wording_only);

/* A text asked status_find_command_for's question more than once (for each
 * recipient of a notice): read once, on the first question, and the answers that
 * do not depend on the address kept. text (may be NULL) must outlive it. */
typedef struct
{
  const char *text;
  gsize len;
  char *folded; /* NULL until the first question */
  gsize flen;
  const char *wording; /* the earliest wording's command, or NULL */
  gboolean capitals_read;
  const char *capitals; /* the first capitals' command, or NULL */
  const void *prefix;   /* a StatusCommandText whose text starts this one's, or NULL */
  char small[2048];     /* the folded text when it fits */
} StatusCommandText;
/* on the caller's stack: no allocation unless the folded text is large */
void status_command_text_init (StatusCommandText *t, const char *text);
const char *status_command_text_find (StatusCommandText *t, const char *address,
                                      gboolean wording_only);
/* Only the command of the transcript reply that is address's own (one that names
 * it, or is followed by the client's line naming it, or that diag, the record's
 * diagnostic, quotes): for one recipient of several, whom another's reply or
 * wording must not be lent to. NULL when there is none. */
const char *status_command_text_find_own (StatusCommandText *t, const char *address,
                                          const char *diag);
void status_command_text_clear (StatusCommandText *t);
/* prefix's text is a prefix of t's: when prefix is folded first, t folds only the
 * rest. prefix must outlive t's first question. */
void status_command_text_set_prefix (StatusCommandText *t, const StatusCommandText *prefix);

#endif
