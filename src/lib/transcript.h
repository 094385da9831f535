/* transcript.h: a notice's session transcript (see transcript.c). */
#ifndef BOUNCE_TRANSCRIPT_H
#define BOUNCE_TRANSCRIPT_H

#include <glib.h>

#include "status.h"

/* A wording and the SMTP command it names ("in reply to rcpt to command",
 * ">>> RCPT To:"): the rows of the command finders here and in status.c. */
typedef struct
{
  const char *phrase; /* lower-case; matched without regard to case */
  const char *command;
} CommandRow;

/* What a line of a transcript is. */
typedef enum
{
  TRANSCRIPT_TEXT,    /* anything else: a recipient's entry ("550 <addr>... "), prose */
  TRANSCRIPT_COMMAND, /* a command sent: ">>> RCPT To:<...>" */
  TRANSCRIPT_HOST,    /* a host's heading: "... while talking to mx.example.org.:" */
  TRANSCRIPT_REPLY,   /* the remote's reply: "<<< 550 5.1.1 ..." */
  TRANSCRIPT_PROGRAM, /* a program's message: "mail.local: unknown user: ..." */
} TranscriptLine;

/* The kind of the line [line, end) (blanks before it are skipped). */
TranscriptLine transcript_line (const char *line, const char *end);

/* Does a line (lower case) open a transcript ("Transcript of session follows")? */
gboolean transcript_heading (const char *lower_line);

/* The SMTP command ("RCPT", "DATA", "MAIL", "EHLO", "HELO", "BDAT", "CONN" for the
 * greeting) that the failure of address answered in the transcript within the
 * len bytes of text; diag, when given, is the record's diagnostic, matched against
 * the replies' words. With own_only, only a reply that is the address's own counts;
 * else the first failure reply, else the last command sent. "" when the address
 * failed before any session (a local program's entry); NULL when the text holds no
 * transcript. */
const char *transcript_command (const char *text, gsize len, const char *address,
                                const char *diag, gboolean own_only);

/* The replies of a transcript within the len bytes of text, read once (at most
 * MAX_TRANSCRIPT_REPLIES of them), for transcript_whole_reply; NULL where text
 * holds none. */
typedef struct TranscriptReplies TranscriptReplies;
TranscriptReplies *transcript_replies_read (const char *text, gsize len);
void transcript_replies_free (TranscriptReplies *replies);

/* The reply of the transcript whose last line the diagnostic diag quotes
 * (Sendmail's delivery-status part and "(reason: ...)" quote the last line
 * only): the whole reply, its lines joined by spaces, where it has more than one
 * line, else NULL; and into host the host the transcript names for it ("...
 * while talking to host.:"), or "" (host may be NULL). */
char *transcript_whole_reply (const TranscriptReplies *replies, const char *diag,
                              char host[STATUS_HOST_MAX]);

#endif
