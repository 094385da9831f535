/* bounce.h: parse email bounces into per-recipient classification records.
 *
 * A BounceReport is what one message says: message-level facts (reporting MTA, the
 * bounced message's headers) and one BounceRecord per recipient it reports on.
 * Every string returned by a getter is UTF-8, owned by the report, and valid until
 * bounce_report_free(); absent values are NULL.
 *
 *   GError *err = NULL;
 *   BounceReport *r = bounce_parse_bytes (data, len, NULL, &err);
 *   for (guint i = 0; r && i < bounce_report_n_records (r); i++)
 *     {
 *       const BounceRecord *rec = bounce_report_get_record (r, i);
 *       printf ("%s %s\n", bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT),
 *               bounce_record_get (rec, BOUNCE_FIELD_REASON));
 *     }
 *   bounce_report_free (r);
 */
#ifndef BOUNCE_BOUNCE_H
#define BOUNCE_BOUNCE_H

#include <glib.h>

G_BEGIN_DECLS

#define BOUNCE_VERSION "0.1.0"
/* Version of the record schema (the field list below and its meaning). */
#define BOUNCE_SCHEMA_VERSION 1

/* What the sender should do about a recipient. */
typedef enum
{
  BOUNCE_TYPE_NONE,  /* not a failure: delivered, relayed, feedback report, auto-reply */
  BOUNCE_TYPE_HARD,  /* the address is permanently unusable: suppress it */
  BOUNCE_TYPE_SOFT,  /* temporary: retry later */
  BOUNCE_TYPE_BLOCK, /* the sending side must change something; keep the address */
} BounceType;

/* The class digit of a status code. */
typedef enum
{
  BOUNCE_CLASS_UNKNOWN,
  BOUNCE_CLASS_SUCCESS,   /* 2.x.x, 2xx */
  BOUNCE_CLASS_TRANSIENT, /* 4.x.x, 4xx */
  BOUNCE_CLASS_PERMANENT, /* 5.x.x, 5xx */
} BounceClass;

/* The string fields of a record, in output order. Message-level fields (from
 * BOUNCE_FIELD_REPORTING_MTA to BOUNCE_FIELD_ORIGINAL_SUBJECT) are the same for
 * every record of a report. */
typedef enum
{
  BOUNCE_FIELD_RECIPIENT,          /* the failed address, lower-case domain */
  BOUNCE_FIELD_ORIGINAL_RECIPIENT, /* Original-Recipient, as the sender wrote it */
  BOUNCE_FIELD_ACTION,             /* failed, delayed, delivered, relayed, expanded */
  BOUNCE_FIELD_STATUS,             /* enhanced status code X.Y.Z */
  BOUNCE_FIELD_REPLY_CODE,         /* SMTP reply code, three digits */
  BOUNCE_FIELD_DIAGNOSTIC_TYPE,    /* smtp, x-unix, x-postfix, ... */
  BOUNCE_FIELD_DIAGNOSTIC,         /* the remote server's or MTA's words, unfolded */
  BOUNCE_FIELD_REMOTE_MTA,         /* host that answered */
  BOUNCE_FIELD_LAST_ATTEMPT,       /* ISO 8601 */
  BOUNCE_FIELD_WILL_RETRY_UNTIL,   /* ISO 8601 */
  BOUNCE_FIELD_REASON,             /* userunknown, mailboxfull, ... (reasons vocabulary) */
  BOUNCE_FIELD_BOUNCE,             /* hard, soft, block, none */
  BOUNCE_FIELD_CLASS,              /* success, transient, permanent */
  BOUNCE_FIELD_SUBJECT,            /* addressing, mailbox, mail system, ... */
  BOUNCE_FIELD_DESCRIPTION,        /* what the status code means */
  BOUNCE_FIELD_SOURCE,             /* which extractor produced it: dsn, text:exim, ... */
  BOUNCE_FIELD_FEEDBACK_TYPE,      /* ARF feedback type (abuse, fraud, ...) */
  BOUNCE_FIELD_REPORTING_MTA,
  BOUNCE_FIELD_ARRIVAL_DATE,       /* ISO 8601 */
  BOUNCE_FIELD_MESSAGE_ID,         /* the bounce's own Message-ID */
  BOUNCE_FIELD_DATE,               /* the bounce's own Date, ISO 8601 */
  BOUNCE_FIELD_FROM,               /* the bounce's own From */
  BOUNCE_FIELD_MESSAGE_SUBJECT,    /* the bounce's own Subject */
  BOUNCE_FIELD_ORIGINAL_MESSAGE_ID,
  BOUNCE_FIELD_ORIGINAL_FROM,
  BOUNCE_FIELD_ORIGINAL_TO,
  BOUNCE_FIELD_ORIGINAL_SUBJECT,
  BOUNCE_FIELD_COMMAND,            /* SMTP command refused: CONN, HELO, EHLO, MAIL, RCPT, DATA, BDAT */
  BOUNCE_FIELD_COUNT
} BounceField;

typedef struct BounceReport BounceReport;
typedef struct BounceRecord BounceRecord;

/* Parse options; NULL means the defaults (all zero). */
typedef struct
{
  gsize max_size;   /* refuse messages larger than this many bytes; 0: no limit */
  gboolean no_text; /* use delivery-status parts only, no free-text detectors */
} BounceOptions;

#define BOUNCE_ERROR (bounce_error_quark ())
GQuark bounce_error_quark (void);

typedef enum
{
  BOUNCE_ERROR_IO,          /* the input could not be read */
  BOUNCE_ERROR_NOT_MESSAGE, /* the bytes are not an email message */
  BOUNCE_ERROR_TOO_LARGE,   /* larger than BounceOptions.max_size */
} BounceError;

/* Parsing. A message that is not a bounce gives a report with no records, and
 * bounce_report_get_verdict() says why. NULL with *error set only when the input
 * cannot be read or is not a message. Returns: (transfer full). */
BounceReport *bounce_parse_bytes (const char *data, gsize len, const BounceOptions *opts,
                                  GError **error);
BounceReport *bounce_parse_fd (int fd, const BounceOptions *opts, GError **error);
BounceReport *bounce_parse_file (const char *path, const BounceOptions *opts, GError **error);
/* From a GMimeMessage (declared as gpointer to keep GMime out of this header);
 * the message is borrowed, not kept. */
BounceReport *bounce_parse_gmime_message (gpointer gmime_message, const BounceOptions *opts,
                                          GError **error);

/* Makes GMime read message/rfc822 parts (and message/rfc2822, global and news) as
 * leaf parts, in every GMime parser of the process from then on: bounce then
 * parses a returned message's header block when it meets it, and the rest only
 * where a notice needs it (a bounce forwarded as an attachment), which saves
 * most of GMime's work on the returned message. Reports are the same; warnings
 * about the returned message's own MIME structure are given only when it is
 * parsed. Call it once, before the first message, and only where nothing else in
 * the process uses GMime: other code would get those parts as GMimePart rather
 * than GMimeMessagePart. */
void bounce_read_returned_lazily (void);

void bounce_report_free (BounceReport *report);

/* Reading an mbox file message by message, in bounded memory. */
typedef struct BounceMbox BounceMbox;
/* Returns: (transfer full) a reader, or NULL with *error set when the file cannot be
 * opened. */
BounceMbox *bounce_mbox_open (const char *path, GError **error);
/* The next message's report; NULL at the end (error unset) or for a message that is
 * not readable (error set; the next call goes on with the following message).
 * *position is the message's number in the file, from 1. */
BounceReport *bounce_mbox_next (BounceMbox *mbox, const BounceOptions *opts, guint *position,
                                GError **error);
void bounce_mbox_close (BounceMbox *mbox);

guint bounce_report_n_records (const BounceReport *report);
/* Returns: (transfer none) the record at index, or NULL when out of range. */
const BounceRecord *bounce_report_get_record (const BounceReport *report, guint index);
/* Why the message gave no records ("no delivery-status part and no failure text
 * found"), or what kind of report it is ("dsn", "feedback", "auto-reply"). */
const char *bounce_report_get_verdict (const BounceReport *report);
/* Oddities met while parsing (broken boundaries, bad folding...), one per line, or NULL. */
const char *bounce_report_get_warnings (const BounceReport *report);
/* A message-level field (BOUNCE_FIELD_REPORTING_MTA and after). */
const char *bounce_report_get (const BounceReport *report, BounceField field);

/* Any field of a record, message-level ones included. (transfer none) */
const char *bounce_record_get (const BounceRecord *record, BounceField field);
BounceType bounce_record_get_type (const BounceRecord *record);
BounceClass bounce_record_get_class (const BounceRecord *record);
gboolean bounce_record_is_hard (const BounceRecord *record);

/* Field names as used in JSON output ("recipient", "reply_code", ...). */
const char *bounce_field_name (BounceField field);
const char *bounce_type_name (BounceType type);
const char *bounce_class_name (BounceClass klass);

/* The classification of one status code, as `bounce explain` shows it. */
typedef struct
{
  const char *code;        /* normalised: "5.1.1", "550" */
  const char *form;        /* "enhanced", "reply", "vendor" */
  BounceClass klass;
  const char *subject;     /* NULL for reply codes outside the X.Y.Z scheme */
  const char *description;
  const char *reason;
  BounceType type;
  const char *note;        /* how the code was read, for vendor forms; else NULL */
} BounceCode;

/* Look a code up: "5.7.26", "550", "4.2.2", and vendor forms such as "571"
 * (5.7.1 without dots) and "911". Returns FALSE for something that is not a code. */
gboolean bounce_code_lookup (const char *code, BounceCode *out);
/* The whole table, for `bounce explain --all`: calls fn once per code. */
void bounce_code_foreach (void (*fn) (const BounceCode *code, gpointer data), gpointer data);

G_END_DECLS

#endif
