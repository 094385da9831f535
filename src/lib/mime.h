/* mime.h: a parsed message reduced to what the extractors read, as UTF-8 text.
 * mime.c is the only file that includes GMime. */
#ifndef BOUNCE_MIME_H
#define BOUNCE_MIME_H

#include <glib.h>

#include "bounce/bounce.h"

typedef struct
{
  char *name;
  char *value;      /* RFC 2047 decoded, unfolded, UTF-8 */
  gboolean decoded; /* value allocated on its own; else, like name, in the array's block */
} MimeHeader;

typedef struct
{
  /* headers of the message itself */
  MimeHeader *headers;
  guint n_headers;
  char *date; /* ISO 8601 */

  /* the parts extractors read; each string is UTF-8 (GBytes for the raw field blocks) */
  GPtrArray *dsn;             /* char*: message/(global-)delivery-status bodies */
  GPtrArray *dsn_nested;      /* char*: the same, found inside an attached message;
                               * read it with mime_dsn_nested () */
  GPtrArray *feedback;        /* char*: message/feedback-report bodies */
  GPtrArray *mdn;             /* char*: message/(global-)disposition-notification bodies */
  GPtrArray *text;            /* char*: human-readable parts outside the returned message */
  guint text_before_returned; /* how many of them come before the returned message
                               * (G_MAXUINT where there is none) */
  GPtrArray *text_nested;     /* char*: human-readable parts inside an attached message;
                               * read it with mime_text_nested () */
  char *content_type;         /* of the top level, "multipart/report" */
  char *report_type;          /* its report-type parameter, lower-case */

  /* the returned (original) message: its headers, from message/rfc822 or
   * text/rfc822-headers */
  MimeHeader *original;
  guint n_original;
  char *original_raw; /* the header block as text: read it with mime_original_raw () */
  gpointer original_object; /* the GMimeObject it is written from on first use, or NULL */
  /* the attached message those headers are of, to be read as a message of its own
   * (mime_parse_attached): a GMimeMessage, or the GMimePart GMime kept it in as a
   * leaf (mime_read_returned_lazily); NULL for text/rfc822-headers */
  gpointer attached;
  /* returned messages GMime kept as leaf parts, whose bodies are walked on the
   * first call of mime_text_nested or mime_dsn_nested (mime_read_returned_lazily) */
  GPtrArray *returned;
  guint walked_parts;   /* parts walked so far, against MAX_PARTS */
  GByteArray *source_array; /* what GMime read the message from, kept for them */
  char *source_copy;        /* the bytes GMime read when they are a copy (CR line ends
                             * made LF; the Content- fields and body), or NULL */

  GString *warnings;
  guint cuts;            /* 1 << BounceWarning: the bounds the message met */
  guint headers_dropped; /* header fields of the message past MAX_HEADERS, counted */
} MimeMessage;

/* From now on, in every GMime parser of the process, message/rfc822 (rfc2822,
 * global, news) parts are leaves: their header block is read at once, their body
 * only when mime_text_nested or mime_dsn_nested asks for it. Call it before the
 * first message. */
void mime_read_returned_lazily (void);
/* The nested parts, walking the returned messages first when needed. */
const GPtrArray *mime_text_nested (const MimeMessage *msg);
const GPtrArray *mime_dsn_nested (const MimeMessage *msg);

/* Parses a message from memory. Returns NULL (and sets *why to a static string)
 * when the bytes are not a message at all. */
MimeMessage *mime_parse_bytes (const char *data, gsize len, const char **why);
/* From a GMimeMessage passed as gpointer (public API entry). */
MimeMessage *mime_parse_gmime (gpointer gmime_message);
/* The attached message whose headers are msg's original ones (msg->attached),
 * parsed as a message of its own; NULL when there is none. msg must outlive it. */
MimeMessage *mime_parse_attached (const MimeMessage *msg);
void mime_free (MimeMessage *msg);

/* The first header of that name (case-insensitive), or NULL. */
const char *mime_header (const MimeHeader *headers, guint n, const char *name);
#define mime_get(msg, name) mime_header ((msg)->headers, (msg)->n_headers, (name))
#define mime_original(msg, name) mime_header ((msg)->original, (msg)->n_original, (name))

/* The returned message's header block as text (for free-text address search), or
 * NULL: written on the first call, as few consumers need it. */
const char *mime_original_raw (MimeMessage *msg);

/* RFC 5322 date text -> ISO 8601, or NULL. */
char *mime_date_iso (const char *date);

#endif
