/* bounds.h: every bound the parser puts on untrusted input, with its reason. */
#ifndef BOUNCE_BOUNDS_H
#define BOUNCE_BOUNDS_H

/* Recipients kept per message: real DSNs list a few hundred at most; a larger
 * count is a broken or hostile message and would only bloat the output. */
#define MAX_RECIPIENTS 1000

/* MIME parts visited per message and nesting depth: bounces have a handful of parts,
 * nested at most three or four deep (a report inside a forwarded message). */
#define MAX_PARTS 256
#define MAX_DEPTH 16

/* Bytes of decoded text read from one text part: failure notices put the reason near
 * the top; the rest is usually the returned message. */
#define MAX_TEXT_PART (256 * 1024)

/* Bytes of a delivery-status part read: hundreds of recipients fit in far less. */
#define MAX_DSN_PART (1024 * 1024)

/* Length of one field value kept (a Diagnostic-Code folded over many lines). */
#define MAX_FIELD_VALUE 4096

/* Bytes of diagnostic text the reason phrases are matched against. */
#define REASONS_TEXT_MAX 2048

#endif
