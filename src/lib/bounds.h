/* bounds.h: every bound the parser puts on untrusted input, with its reason. */
#ifndef BOUNCE_BOUNDS_H
#define BOUNCE_BOUNDS_H

/* Recipients kept per message: real DSNs list a few hundred at most; a larger
 * count is a broken or hostile message and would only bloat the output. */
#define MAX_RECIPIENTS 1000

/* Header fields kept per header block (the message's own, a returned message's):
 * bounces carry a few dozen, most of them Received; more is a broken or hostile
 * message. The fields past it are counted, not kept (nor given to GMime). */
#define MAX_HEADERS 512

/* Fields kept per delivery-status or feedback block: one group of a handful of
 * fields per recipient, for MAX_RECIPIENTS recipients, fits well within it. */
#define MAX_FIELDS 8192

/* Bytes of a returned message's header block given to GMime when it is not simple
 * enough to be read by mime.c: GMime's objects and decoded words take some 30
 * times the block; the fields a record uses stand in its first lines. */
#define MAX_GMIME_HEADER_BLOCK (256 * 1024)

/* MIME parts visited per message and nesting depth: bounces have a handful of parts,
 * nested at most three or four deep (a report inside a forwarded message). GMime
 * is given no more of the message than the parts up to this bound (mime.c
 * cuts the input after them), so that neither its objects nor its recursion grow
 * with a hostile tree. */
#define MAX_PARTS 256
#define MAX_DEPTH 16

/* Bytes of decoded text read from one text part: failure notices put the reason near
 * the top; the rest is usually the returned message. */
#define MAX_TEXT_PART (256 * 1024)
/* Bytes of a notice read for its words of giving up ("Message will be deleted
 * from queue"): MTAs write them in the notice's first lines, before the returned
 * message. */
#define NOTICE_GAVE_UP_MAX 8192
/* forwards of an inline forward read, one in the text of another */
#define MAX_INLINE_FORWARDS 3
/* Replies of a session transcript read for the whole reply a diagnostic quotes
 * the last line of (transcript.c); a transcript longer than that is no one
 * notice's, and its later replies keep the diagnostic as it was given. */
#define MAX_TRANSCRIPT_REPLIES 1024

/* Bytes of a delivery-status part read: hundreds of recipients fit in far less. */
#define MAX_DSN_PART (1024 * 1024)

/* Bytes of one address: RFC 5321 allows 64 for the local part and 255 for the
 * domain; a longer run is not read as an address, and the address finders read
 * no further than this from where they start. */
#define MAX_ADDRESS 320

/* Length of one field value kept (a Diagnostic-Code folded over many lines). */
#define MAX_FIELD_VALUE 4096

/* Bytes of diagnostic text the reason phrases are matched against. */
#define REASONS_TEXT_MAX 2048

#endif
