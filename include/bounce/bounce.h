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
#include <glib-object.h>

G_BEGIN_DECLS

/* BOUNCE_API marks the public calls: the library is built with hidden visibility,
 * and only what is marked is exported from libbounce.so. */
#ifdef __GI_SCANNER__
#define BOUNCE_API extern
#elif defined(__GNUC__)
#define BOUNCE_API __attribute__ ((visibility ("default"))) extern
#else
#define BOUNCE_API extern
#endif

/**
 * BOUNCE_VERSION:
 *
 * The version of the library, as a string.
 */
#define BOUNCE_VERSION "0.1.0"
/**
 * BOUNCE_SCHEMA_VERSION:
 *
 * The version of the record schema (the field list of #BounceField and its meaning).
 */
#define BOUNCE_SCHEMA_VERSION 2

/**
 * BounceType:
 * @BOUNCE_TYPE_NONE: not a failure: delivered, relayed, feedback report, auto-reply
 * @BOUNCE_TYPE_HARD: the address is permanently unusable: suppress it
 * @BOUNCE_TYPE_SOFT: temporary: retry later
 * @BOUNCE_TYPE_BLOCK: the sending side must change something; keep the address
 *
 * What the sender should do about a recipient.
 */
typedef enum
{
  BOUNCE_TYPE_NONE,  /* not a failure: delivered, relayed, feedback report, auto-reply */
  BOUNCE_TYPE_HARD,  /* the address is permanently unusable: suppress it */
  BOUNCE_TYPE_SOFT,  /* temporary: retry later */
  BOUNCE_TYPE_BLOCK, /* the sending side must change something; keep the address */
} BounceType;

/**
 * BounceClass:
 * @BOUNCE_CLASS_UNKNOWN: no status code
 * @BOUNCE_CLASS_SUCCESS: 2.x.x, 2xx
 * @BOUNCE_CLASS_TRANSIENT: 4.x.x, 4xx
 * @BOUNCE_CLASS_PERMANENT: 5.x.x, 5xx
 *
 * The class digit of a status code.
 */
typedef enum
{
  BOUNCE_CLASS_UNKNOWN,
  BOUNCE_CLASS_SUCCESS,   /* 2.x.x, 2xx */
  BOUNCE_CLASS_TRANSIENT, /* 4.x.x, 4xx */
  BOUNCE_CLASS_PERMANENT, /* 5.x.x, 5xx */
} BounceClass;

/**
 * BounceField:
 * @BOUNCE_FIELD_RECIPIENT: the failed address, lower-case domain
 * @BOUNCE_FIELD_ORIGINAL_RECIPIENT: Original-Recipient, as the sender wrote it
 * @BOUNCE_FIELD_ACTION: failed, delayed, delivered, relayed, expanded
 * @BOUNCE_FIELD_STATUS: enhanced status code X.Y.Z
 * @BOUNCE_FIELD_REPLY_CODE: SMTP reply code, three digits
 * @BOUNCE_FIELD_DIAGNOSTIC_TYPE: smtp, x-unix, x-postfix, ...
 * @BOUNCE_FIELD_DIAGNOSTIC: the remote server's or MTA's words, unfolded
 * @BOUNCE_FIELD_REMOTE_MTA: the host that answered
 * @BOUNCE_FIELD_LAST_ATTEMPT: ISO 8601
 * @BOUNCE_FIELD_WILL_RETRY_UNTIL: ISO 8601
 * @BOUNCE_FIELD_REASON: userunknown, mailboxfull, ... (the reasons vocabulary)
 * @BOUNCE_FIELD_BOUNCE: hard, soft, block, none
 * @BOUNCE_FIELD_CLASS: success, transient, permanent
 * @BOUNCE_FIELD_SUBJECT: addressing, mailbox, mail system, ...
 * @BOUNCE_FIELD_DESCRIPTION: what the status code means
 * @BOUNCE_FIELD_SOURCE: which extractor produced the record: dsn, text:exim, ...
 * @BOUNCE_FIELD_FEEDBACK_TYPE: ARF feedback type (abuse, fraud, ...)
 * @BOUNCE_FIELD_REPORTING_MTA: the report's Reporting-MTA
 * @BOUNCE_FIELD_ARRIVAL_DATE: the report's Arrival-Date, ISO 8601
 * @BOUNCE_FIELD_MESSAGE_ID: the bounce's own Message-ID
 * @BOUNCE_FIELD_DATE: the bounce's own Date, ISO 8601
 * @BOUNCE_FIELD_FROM: the bounce's own From
 * @BOUNCE_FIELD_MESSAGE_SUBJECT: the bounce's own Subject
 * @BOUNCE_FIELD_ORIGINAL_MESSAGE_ID: the returned message's Message-ID
 * @BOUNCE_FIELD_ORIGINAL_FROM: the returned message's From
 * @BOUNCE_FIELD_ORIGINAL_TO: the returned message's To
 * @BOUNCE_FIELD_ORIGINAL_SUBJECT: the returned message's Subject
 * @BOUNCE_FIELD_COMMAND: the SMTP command refused: CONN, HELO, EHLO, MAIL, RCPT, DATA, BDAT
 * @BOUNCE_FIELD_LIST_ID: message-level: the returned message's List-Id
 * @BOUNCE_FIELD_VERP_RECIPIENT: message-level: the address the bounce's VERP To encodes
 * @BOUNCE_FIELD_KEY: a stable identifier of (message, recipient, action); see bounce_record_key()
 * @BOUNCE_FIELD_WHY: the rule that decided the reason: the wording row with its scope and source, the status or reply code, the SMTP command, ...
 * @BOUNCE_FIELD_COUNT: the number of fields, not a field
 *
 * The string fields of a record, in output order. Message-level fields (from
 * %BOUNCE_FIELD_REPORTING_MTA to %BOUNCE_FIELD_ORIGINAL_SUBJECT) are the same for
 * every record of a report.
 */
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
  /* schema 2: linking a record to its send (see "Linking records to the send" below) */
  BOUNCE_FIELD_LIST_ID,            /* message-level: the returned message's List-Id */
  BOUNCE_FIELD_VERP_RECIPIENT,     /* message-level: the address the bounce's VERP To encodes */
  BOUNCE_FIELD_KEY,                /* stable identifier of (message, recipient, action) */
  BOUNCE_FIELD_WHY,                /* the rule that decided the reason (wording row and its source, code, ...) */
  BOUNCE_FIELD_COUNT /*< skip >*/
} BounceField;

/**
 * BounceReport:
 *
 * What one message says: message-level facts (reporting MTA, the bounced
 * message's headers) and one #BounceRecord per recipient it reports on.
 * Reference-counted; every string a getter returns is UTF-8 and lives as long as
 * the report.
 */
typedef struct BounceReport BounceReport;
/**
 * BounceRecord:
 *
 * One recipient of a #BounceReport. A record belongs to its report: a reference
 * to the record (bounce_record_ref()) is a reference to the report, which keeps
 * both alive.
 */
typedef struct BounceRecord BounceRecord;

/**
 * BounceOptions:
 * @max_size: refuse messages larger than this many bytes; 0: no limit
 * @no_text: use delivery-status parts only, no free-text detectors
 *
 * Parse options; %NULL means the defaults (all zero). The other fields:
 * @headers, the returned message's fields to copy (NULL-terminated names);
 * @verp_format, the VERP layout of the bounce's own To; @rules, local rules
 * applied before the built-in wording table (bounce_rules_load()).
 */
typedef struct
{
  gsize max_size;   /* refuse messages larger than this many bytes; 0: no limit */
  gboolean no_text; /* use delivery-status parts only, no free-text detectors */
  /* schema 2 (see "Linking records to the send" below) */
  const char *const *headers; /* NULL-terminated names of the returned message's fields
                               * to copy into the report, or NULL */
  const char *verp_format;    /* the VERP layout of the bounce's own To; NULL: "*+%u=%d" */
  const struct BounceRules *rules; /* local rules (bounce_rules_load()), or NULL */
} BounceOptions;

/**
 * BOUNCE_ERROR:
 *
 * The error domain of the library; its codes are #BounceError.
 */
#define BOUNCE_ERROR (bounce_error_quark ())
/**
 * bounce_error_quark:
 *
 * The error domain of the library, %BOUNCE_ERROR.
 *
 * Returns: the quark of the domain
 */
BOUNCE_API GQuark bounce_error_quark (void);

/**
 * BounceError:
 * @BOUNCE_ERROR_IO: the input could not be read
 * @BOUNCE_ERROR_NOT_MESSAGE: the bytes are not an email message
 * @BOUNCE_ERROR_TOO_LARGE: larger than #BounceOptions.max_size
 * @BOUNCE_ERROR_USAGE: an argument is not valid (a VERP layout, a rules file)
 *
 * The error codes of the %BOUNCE_ERROR domain.
 */
typedef enum
{
  BOUNCE_ERROR_IO,          /* the input could not be read */
  BOUNCE_ERROR_NOT_MESSAGE, /* the bytes are not an email message */
  BOUNCE_ERROR_TOO_LARGE,   /* larger than BounceOptions.max_size */
  BOUNCE_ERROR_USAGE,       /* an argument is not valid (schema 2: a VERP layout) */
} BounceError;

/**
 * bounce_parse_bytes:
 * @data: (array length=len) (element-type guint8) (nullable): the message, as it
 *   was received
 * @len: the number of bytes in @data
 * @opts: (nullable): options, or %NULL for the defaults
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Parses one message. A message that is not a bounce gives a report with no
 * records, and bounce_report_get_verdict() says why.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the bytes
 *   are not a message or are larger than #BounceOptions.max_size
 */
BOUNCE_API BounceReport *bounce_parse_bytes (const char *data, gsize len,
                                             const BounceOptions *opts, GError **error);
/**
 * bounce_parse_fd:
 * @fd: a file descriptor open for reading, read from its current offset to the
 *   end; not closed
 * @opts: (nullable): options, or %NULL for the defaults
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Parses the one message read from @fd.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when @fd cannot be
 *   read or what it gives is not a message
 */
BOUNCE_API BounceReport *bounce_parse_fd (int fd, const BounceOptions *opts, GError **error);
/**
 * bounce_parse_file:
 * @path: (type filename): the message's file
 * @opts: (nullable): options, or %NULL for the defaults
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Parses the one message in the file @path.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when the file
 *   cannot be read or is not a message
 */
BOUNCE_API BounceReport *bounce_parse_file (const char *path, const BounceOptions *opts,
                                            GError **error);
/**
 * bounce_parse_gmime_message:
 * @gmime_message: (type GMime.Message) (transfer none): a message parsed by GMime;
 *   borrowed, not kept
 * @opts: (nullable): options, or %NULL for the defaults
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Parses a message that GMime has already parsed. The parameter is declared as a
 * gpointer to keep GMime out of this header.
 *
 * Returns: (transfer full): the report, or %NULL with @error set when
 *   @gmime_message is not a GMimeMessage
 */
BOUNCE_API BounceReport *bounce_parse_gmime_message (gpointer gmime_message,
                                                     const BounceOptions *opts, GError **error);

/**
 * bounce_read_returned_lazily:
 *
 * Makes GMime read message/rfc822 parts (and message/rfc2822, global and news) as
 * leaf parts, in every GMime parser of the process from then on: bounce then
 * parses a returned message's header block when it meets it, and the rest only
 * where a notice needs it (a bounce forwarded as an attachment), which saves
 * most of GMime's work on the returned message. Reports are the same; warnings
 * about the returned message's own MIME structure are given only when it is
 * parsed. Call it once, before the first message, and only where nothing else in
 * the process uses GMime: other code would get those parts as GMimePart rather
 * than GMimeMessagePart.
 */
BOUNCE_API void bounce_read_returned_lazily (void);

/**
 * bounce_report_ref:
 * @report: a report
 *
 * Takes a reference to @report.
 *
 * Returns: (transfer full): @report
 */
BOUNCE_API BounceReport *bounce_report_ref (BounceReport *report);
/**
 * bounce_report_unref:
 * @report: (transfer full) (nullable): a report
 *
 * Drops a reference to @report; the last one frees it, unless a record of it is
 * still referenced (bounce_record_ref()).
 */
BOUNCE_API void bounce_report_unref (BounceReport *report);
/**
 * bounce_report_free: (skip)
 * @report: (transfer full) (nullable): a report
 *
 * The same as bounce_report_unref(): drops the caller's reference to @report.
 */
BOUNCE_API void bounce_report_free (BounceReport *report);
/**
 * bounce_report_get_type:
 *
 * The #GType of #BounceReport, a boxed type whose copy takes a reference.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_report_get_type (void) G_GNUC_CONST;

/* Reading an mbox file message by message, in bounded memory. */
/**
 * BounceMbox:
 *
 * A reader of an mbox file, message by message, in bounded memory.
 * Reference-counted.
 */
typedef struct BounceMbox BounceMbox;
/**
 * bounce_mbox_open:
 * @path: (type filename): the mbox file
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Opens an mbox file for reading message by message.
 *
 * Returns: (transfer full): a reader, or %NULL with @error set when the file cannot
 *   be opened
 */
BOUNCE_API BounceMbox *bounce_mbox_open (const char *path, GError **error);
/**
 * bounce_mbox_next:
 * @mbox: a reader
 * @opts: (nullable): options, or %NULL for the defaults
 * @position: (out) (optional): the message's number in the file, from 1
 * @error: return location for a #GError in the %BOUNCE_ERROR domain
 *
 * Parses the next message of the mbox. For a message that is not readable it
 * returns %NULL with @error set, and the next call goes on with the following
 * message.
 *
 * Returns: (transfer full) (nullable): the next message's report; %NULL at the
 *   end (@error unset) or for a message that is not readable (@error set)
 */
BOUNCE_API BounceReport *bounce_mbox_next (BounceMbox *mbox, const BounceOptions *opts,
                                           guint *position, GError **error);
/**
 * bounce_mbox_ref:
 * @mbox: a reader
 *
 * Takes a reference to @mbox.
 *
 * Returns: (transfer full): @mbox
 */
BOUNCE_API BounceMbox *bounce_mbox_ref (BounceMbox *mbox);
/**
 * bounce_mbox_close:
 * @mbox: (transfer full) (nullable): a reader
 *
 * Drops a reference to @mbox; the last one closes the file and frees the reader.
 */
BOUNCE_API void bounce_mbox_close (BounceMbox *mbox);
/**
 * bounce_mbox_get_type:
 *
 * The #GType of #BounceMbox, a boxed type whose copy takes a reference.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_mbox_get_type (void) G_GNUC_CONST;

/**
 * bounce_report_n_records:
 * @report: a report
 *
 * The number of records, one per recipient the message reports on.
 *
 * Returns: the number of records
 */
BOUNCE_API guint bounce_report_n_records (const BounceReport *report);
/**
 * bounce_report_get_record:
 * @report: a report
 * @index: a record's index, from 0
 *
 * The record at @index.
 *
 * Returns: (transfer none) (nullable): the record at @index, owned by @report, or
 *   %NULL when @index is out of range
 */
BOUNCE_API const BounceRecord *bounce_report_get_record (const BounceReport *report,
                                                         guint index);
/**
 * bounce_report_get_verdict:
 * @report: a report
 *
 * Why the message gave no records ("no delivery-status part and no failure text
 * found"), or what kind of report it is ("dsn", "feedback", "auto-reply").
 *
 * Returns: (transfer none) (nullable): the verdict, owned by @report
 */
BOUNCE_API const char *bounce_report_get_verdict (const BounceReport *report);
/**
 * bounce_report_get_warnings:
 * @report: a report
 *
 * Oddities met while parsing (broken boundaries, bad folding...).
 *
 * Returns: (transfer none) (nullable): the warnings, one per line, owned by
 *   @report, or %NULL when there were none
 */
BOUNCE_API const char *bounce_report_get_warnings (const BounceReport *report);
/**
 * bounce_report_get:
 * @report: a report
 * @field: a message-level field (%BOUNCE_FIELD_REPORTING_MTA and after)
 *
 * A message-level field of the report.
 *
 * Returns: (transfer none) (nullable): the value, owned by @report, or %NULL when
 *   absent
 */
BOUNCE_API const char *bounce_report_get (const BounceReport *report, BounceField field);

/**
 * BounceWarning:
 * @BOUNCE_WARNING_MALFORMED: broken MIME structure, read as well as it could be
 * @BOUNCE_WARNING_TEXT_PART_CUT: a text part read up to its first 256 KB
 * @BOUNCE_WARNING_DSN_PART_CUT: a delivery-status or feedback part read up to 1 MB
 * @BOUNCE_WARNING_RECIPIENTS_CUT: more than 1 000 recipients: the rest ignored
 * @BOUNCE_WARNING_HEADERS_CUT: a header block of more than 512 fields: the rest counted, not kept
 * @BOUNCE_WARNING_FIELDS_CUT: a delivery-status block of more than 8 192 fields
 * @BOUNCE_WARNING_PARTS_CUT: a MIME tree of more than 256 parts or 16 levels
 * @BOUNCE_WARNING_RETURNED_HEADERS_CUT: a returned header block over 1 MB, or one GMime
 *   reads over 256 KB or 1 024 fields
 * @BOUNCE_WARNING_COUNT: the number of kinds, not a kind
 *
 * The kinds of warning a report holds: a bound the parser put on the message (the
 * input beyond it was not read: the records may miss what it held), or an oddity
 * of its structure.
 */
typedef enum
{
  BOUNCE_WARNING_MALFORMED,
  BOUNCE_WARNING_TEXT_PART_CUT,
  BOUNCE_WARNING_DSN_PART_CUT,
  BOUNCE_WARNING_RECIPIENTS_CUT,
  BOUNCE_WARNING_HEADERS_CUT,
  BOUNCE_WARNING_FIELDS_CUT,
  BOUNCE_WARNING_PARTS_CUT,
  BOUNCE_WARNING_RETURNED_HEADERS_CUT,
  BOUNCE_WARNING_COUNT /*< skip >*/
} BounceWarning;

/**
 * bounce_report_n_warnings:
 * @report: a report
 *
 * Counts the warnings of a report: cuts at bounds and oddities of the message.
 *
 * Returns: the number of warnings (read them with bounce_report_get_warning())
 */
BOUNCE_API guint bounce_report_n_warnings (const BounceReport *report);
/**
 * bounce_report_get_warning:
 * @report: a report
 * @index: from 0 to bounce_report_n_warnings() - 1
 * @text: (out) (optional) (nullable) (transfer none): the warning's text
 *
 * Reads one warning of a report.
 *
 * Returns: the kind of the warning at @index; %BOUNCE_WARNING_COUNT out of range
 */
BOUNCE_API BounceWarning bounce_report_get_warning (const BounceReport *report, guint index,
                                                    const char **text);
/**
 * bounce_warning_is_cut:
 * @kind: a kind of warning
 *
 * Tells a cut at a bound from an oddity of the message.
 *
 * Returns: %TRUE when @kind is a cut at a bound (the input was not read whole)
 */
BOUNCE_API gboolean bounce_warning_is_cut (BounceWarning kind);
/**
 * bounce_warning_get_type:
 *
 * Returns: the #GType of #BounceWarning
 */
BOUNCE_API GType bounce_warning_get_type (void) G_GNUC_CONST;

/**
 * bounce_record_get:
 * @record: a record
 * @field: any field, message-level ones included
 *
 * A field of the record.
 *
 * Returns: (transfer none) (nullable): the value, UTF-8, owned by the record's
 *   report, or %NULL when absent
 */
BOUNCE_API const char *bounce_record_get (const BounceRecord *record, BounceField field);
/**
 * bounce_record_get_type:
 * @record: a record
 *
 * What the sender should do about the recipient.
 *
 * Returns: the bounce type
 */
BOUNCE_API BounceType bounce_record_get_type (const BounceRecord *record);
/**
 * bounce_record_get_class:
 * @record: a record
 *
 * The class of the record's status code.
 *
 * Returns: the class
 */
BOUNCE_API BounceClass bounce_record_get_class (const BounceRecord *record);
/**
 * bounce_record_is_hard:
 * @record: a record
 *
 * Whether the record is a hard bounce (%BOUNCE_TYPE_HARD).
 *
 * Returns: %TRUE for a hard bounce
 */
BOUNCE_API gboolean bounce_record_is_hard (const BounceRecord *record);
/**
 * bounce_record_ref:
 * @record: a record
 *
 * Takes a reference to @record, which is one to its report: both stay alive until
 * bounce_record_unref(), whatever happens to the caller's reference to the report.
 *
 * Returns: (transfer full): @record
 */
BOUNCE_API BounceRecord *bounce_record_ref (const BounceRecord *record);
/**
 * bounce_record_unref:
 * @record: (transfer full) (nullable): a record
 *
 * Drops a reference taken by bounce_record_ref().
 */
BOUNCE_API void bounce_record_unref (BounceRecord *record);
/**
 * bounce_record_get_gtype:
 *
 * The #GType of #BounceRecord, a boxed type whose copy takes a reference (named
 * so because bounce_record_get_type() gives a record's #BounceType).
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_record_get_gtype (void) G_GNUC_CONST;

/**
 * bounce_field_name:
 * @field: a field
 *
 * The field's name as used in JSON output ("recipient", "reply_code", ...).
 *
 * Returns: (transfer none) (nullable): the name, a static string, or %NULL for a
 *   value that is not a field
 */
BOUNCE_API const char *bounce_field_name (BounceField field);
/**
 * bounce_type_name:
 * @type: a bounce type
 *
 * The type's name as used in JSON output.
 *
 * Returns: (transfer none): "hard", "soft", "block" or "none", a static string
 */
BOUNCE_API const char *bounce_type_name (BounceType type);
/**
 * bounce_class_name:
 * @klass: a class
 *
 * The class's name as used in JSON output.
 *
 * Returns: (transfer none) (nullable): "success", "transient" or "permanent", a
 *   static string, or %NULL for %BOUNCE_CLASS_UNKNOWN
 */
BOUNCE_API const char *bounce_class_name (BounceClass klass);

/**
 * bounce_field_get_type:
 *
 * The #GType of #BounceField.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_field_get_type (void) G_GNUC_CONST;
/**
 * bounce_type_get_type:
 *
 * The #GType of #BounceType.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_type_get_type (void) G_GNUC_CONST;
/**
 * bounce_class_get_type:
 *
 * The #GType of #BounceClass.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_class_get_type (void) G_GNUC_CONST;
/**
 * bounce_error_get_type:
 *
 * The #GType of #BounceError.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_error_get_type (void) G_GNUC_CONST;
/**
 * bounce_options_get_type:
 *
 * The #GType of #BounceOptions, a boxed type copied by value.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_options_get_type (void) G_GNUC_CONST;

/**
 * BounceCode:
 * @code: the code, normalised: "5.1.1", "550"
 * @form: "enhanced", "reply" or "vendor"
 * @klass: the code's class
 * @subject: the subject of an X.Y.Z code; %NULL for reply codes outside that scheme
 * @description: what the code means
 * @reason: the reason it gives, in the reasons vocabulary
 * @type: what the sender should do
 * @note: how the code was read, for vendor forms; else %NULL
 *
 * The classification of one status code, as `bounce explain` shows it. Its
 * strings are static.
 */
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

/**
 * bounce_code_get_type:
 *
 * The #GType of #BounceCode, a boxed type copied by value.
 *
 * Returns: the #GType
 */
BOUNCE_API GType bounce_code_get_type (void) G_GNUC_CONST;

/**
 * bounce_code_lookup:
 * @code: a status code: "5.7.26", "550", "4.2.2", or a vendor form such as "571"
 *   (5.7.1 without dots) or "911"
 * @out: (out caller-allocates): the classification of @code
 *
 * Looks a status code up.
 *
 * Returns: %TRUE when @code is a code, %FALSE for something that is not
 */
BOUNCE_API gboolean bounce_code_lookup (const char *code, BounceCode *out);
/**
 * BounceCodeFunc:
 * @code: a code of the table
 * @data: (closure): the data given to bounce_code_foreach()
 *
 * Called by bounce_code_foreach() once per code.
 */
typedef void (*BounceCodeFunc) (const BounceCode *code, gpointer data);
/**
 * bounce_code_foreach:
 * @fn: (scope call) (closure data): called once per code
 * @data: (nullable): passed to @fn
 *
 * Goes through the whole table, as `bounce explain --all` prints it.
 */
BOUNCE_API void bounce_code_foreach (BounceCodeFunc fn, gpointer data);

/* ---- Linking records to the send, and bare replies (record schema 2) ---- */

/**
 * bounce_record_get_header:
 * @record: a record
 * @name: a field name given in #BounceOptions.headers (case-insensitive)
 *
 * The value of that field of the returned message (its header block, or a
 * text/rfc822-headers part), when the parse was asked to copy it.
 *
 * Returns: (transfer none) (nullable): the value as UTF-8, or %NULL
 */
BOUNCE_API const char *bounce_record_get_header (const BounceRecord *record, const char *name);

/**
 * bounce_report_get_header:
 * @report: a report
 * @name: a field name given in #BounceOptions.headers (case-insensitive)
 *
 * The same as bounce_record_get_header(), for the report.
 *
 * Returns: (transfer none) (nullable): the value as UTF-8, or %NULL
 */
BOUNCE_API const char *bounce_report_get_header (const BounceReport *report, const char *name);

/**
 * bounce_record_n_headers:
 * @record: a record
 *
 * Counts the copied fields of the returned message.
 *
 * Returns: the number of copied fields of the returned message (those it has of
 * #BounceOptions.headers, in that order); read them with
 * bounce_record_get_header_at().
 */
BOUNCE_API guint bounce_record_n_headers (const BounceRecord *record);

/**
 * bounce_record_get_header_at:
 * @record: a record
 * @index: from 0 to bounce_record_n_headers() - 1
 * @name: (out) (optional) (transfer none): the field's name as it was asked for
 *
 * Reads one copied field of the returned message by its position.
 *
 * Returns: (transfer none) (nullable): the field's value, or %NULL out of range
 */
BOUNCE_API const char *bounce_record_get_header_at (const BounceRecord *record, guint index,
                                         const char **name);

/**
 * bounce_verp_format_check:
 * @format: a VERP layout of an address's local part: `*` any text, `%u` the
 *   recipient's local part, `%d` its domain, `%%` a percent sign; one `%u` and
 *   one `%d`, no `@` ("*+%u=%d" reads "bounces+user=example.com@lists.example.org")
 * @error: return location for a #GError, set with %BOUNCE_ERROR_USAGE when the layout is not valid
 *
 * Checks a VERP layout before it is used.
 *
 * Returns: %TRUE when @format can be used as #BounceOptions.verp_format
 */
BOUNCE_API gboolean bounce_verp_format_check (const char *format, GError **error);

/**
 * bounce_verp_decode:
 * @address: an address whose local part may carry a recipient (VERP)
 * @format: (nullable): a layout as bounce_verp_format_check() accepts; %NULL
 *   for "*+%u=%d"
 *
 * Reads the recipient that a VERP address encodes.
 *
 * Returns: (transfer full) (nullable): the recipient the address encodes (domain
 * lower-cased; the domain must have a dot), or %NULL
 */
BOUNCE_API char *bounce_verp_decode (const char *address, const char *format);

/**
 * bounce_record_key:
 * @message_id: (nullable): the returned message's Message-ID or, lacking it, the
 *   bounce's own
 * @recipient: (nullable): the recipient
 * @action: (nullable): failed, delayed, delivered, ...
 *
 * The stable key of a record: the first 16 hexadecimal digits of the SHA-256 of
 * the Message-ID (without its angle brackets and blanks), a NUL byte, the
 * recipient (lower-cased), a NUL byte and the action (lower-cased), each empty
 * when absent. Every record carries it as %BOUNCE_FIELD_KEY: the same send,
 * recipient and action give the same key, in a bounce or in an MTA's log.
 *
 * Returns: (transfer full): 16 hexadecimal digits
 */
BOUNCE_API char *bounce_record_key (const char *message_id, const char *recipient, const char *action);

/**
 * BounceReplyContext:
 * @remote_mta: the host that answered, or %NULL: its provider's own wordings apply
 * @command: the SMTP command the reply answered (RCPT, DATA, ...), or %NULL to
 *   read it from the words
 * @recipient: the address the reply is about, or %NULL to take the first address
 *   the words name
 * @action: failed, delayed or delivered, or %NULL (left out of the record)
 * @status: an enhanced status code known apart from the words (a log's dsn=),
 *   or %NULL
 * @message_id: the Message-ID of the message the reply is about (for the
 *   record's key), or %NULL
 * @rules: local rules (bounce_rules_load()) applied before the built-in
 *   wordings, or %NULL
 *
 * What is known about a reply besides its words. All fields are optional; a
 * zeroed struct (or %NULL) means nothing is.
 */
typedef struct
{
  const char *remote_mta;
  const char *command;
  const char *recipient;
  const char *action;
  const char *status;
  const char *message_id;
  const struct BounceRules *rules;
} BounceReplyContext;

/**
 * bounce_classify_reply:
 * @reply: an SMTP reply or an MTA's diagnostic as text ("550 5.1.1 <a@example.com>:
 *   Recipient address rejected: User unknown"); multi-line replies may be joined
 *   with line ends
 * @context: (nullable): what else is known about it
 * @error: return location for a #GError, set with %BOUNCE_ERROR_NOT_MESSAGE when @reply is empty (or
 *   %NULL) and @context gives neither an action nor a status
 *
 * Classifies one reply as a bounce's diagnostic would be: status, reply code,
 * reason, bounce type, class, subject, description, the command when the words
 * name it, the recipient when they hold one, and the key.
 *
 * Returns: (transfer full) (nullable): a report of one record (its verdict
 * "reply"), or %NULL with @error set
 */
BOUNCE_API BounceReport *bounce_classify_reply (const char *reply, const BounceReplyContext *context,
                                     GError **error);

/* ---- Local rules ---- */

/**
 * BounceRules:
 *
 * An operator's own wordings, read from a file by bounce_rules_load() and given
 * to the parse in #BounceOptions.rules: they apply before the built-in wording
 * table, and a record a rule decided says so in %BOUNCE_FIELD_WHY ("rule
 * FILE:LINE"). Reference-counted; read-only once loaded, so any thread may use it.
 */
typedef struct BounceRules BounceRules;

/**
 * bounce_rules_load:
 * @path: a rules file: one rule per line, `SCOPE REASON WORDING`, where SCOPE is
 *   `any`, `receiver:HOST` or `family:NAME`, REASON a failure reason of the
 *   vocabulary and WORDING the rest of the line; `#` starts a comment line
 * @error: return location for a #GError: %BOUNCE_ERROR_IO when the file cannot be
 *   read, %BOUNCE_ERROR_USAGE naming the file and line of the first line that is
 *   not a rule
 *
 * Reads local rules from a file. A file with a line that is not a rule gives no
 * rules at all.
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with @error set
 */
BOUNCE_API BounceRules *bounce_rules_load (const char *path, GError **error);

/**
 * bounce_rules_count:
 * @rules: (nullable): rules
 *
 * Counts the rules.
 *
 * Returns: the number of rules
 */
BOUNCE_API guint bounce_rules_count (const BounceRules *rules);

/**
 * bounce_rules_ref:
 * @rules: rules
 *
 * Takes a reference to @rules.
 *
 * Returns: (transfer full): @rules, with one more reference
 */
BOUNCE_API BounceRules *bounce_rules_ref (BounceRules *rules);

/**
 * bounce_rules_unref:
 * @rules: (nullable) (transfer full): rules
 *
 * Drops a reference; the last one frees the rules.
 */
BOUNCE_API void bounce_rules_unref (BounceRules *rules);

/**
 * bounce_rules_get_type:
 *
 * Returns: the #GType of #BounceRules, a boxed type
 */
BOUNCE_API GType bounce_rules_get_type (void) G_GNUC_CONST;

/* ---- Providers: receivers with references of their own ---- */

/**
 * BounceProvider:
 * @name: the provider's name
 * @hosts: (array zero-terminated=1): host name suffixes of its servers
 * @reference: the URL of the reference its rows come from
 * @n_rows: the number of its rows
 *
 * A mailbox provider or mail gateway whose documented replies are read by their
 * own meaning on answers from its hosts, as `bounce explain --provider` shows it.
 */
typedef struct
{
  const char *name;
  const char *const *hosts;
  const char *reference;
  guint n_rows;
} BounceProvider;

/**
 * BounceProviderRow:
 * @provider: the provider's name
 * @pattern: the wording, matched in lower case, words one space apart; `#` stands
 *   for digits, `<addr>` for an address, `<ip>` for an IP address
 * @reason: the reason it gives
 * @type: the bounce type of that reason
 * @source: where the row comes from (`doc <url> "<title>" § <section>, read <date>`)
 *
 * One of a provider's rows: a wording or code of its replies and what it means.
 */
typedef struct
{
  const char *provider;
  const char *pattern;
  const char *reason;
  BounceType type;
  const char *source;
} BounceProviderRow;

/**
 * BounceProviderFunc:
 * @provider: a provider
 * @data: (closure): the caller's data
 *
 * Called by bounce_provider_foreach() for each provider.
 */
typedef void (*BounceProviderFunc) (const BounceProvider *provider, gpointer data);

/**
 * BounceProviderRowFunc:
 * @row: a row
 * @data: (closure): the caller's data
 *
 * Called by bounce_provider_foreach_row() for each of a provider's rows.
 */
typedef void (*BounceProviderRowFunc) (const BounceProviderRow *row, gpointer data);

/**
 * bounce_provider_foreach:
 * @fn: (scope call): called once per provider, in the order their rows are tried
 * @data: (closure fn): passed to @fn
 *
 * Lists the providers whose documented replies the classification reads.
 */
BOUNCE_API void bounce_provider_foreach (BounceProviderFunc fn, gpointer data);

/**
 * bounce_provider_foreach_row:
 * @name: a provider's name (case-insensitive)
 * @fn: (scope call) (nullable): called once per row, in the order they are tried;
 *   %NULL to ask only whether @name is a provider
 * @data: (closure fn): passed to @fn
 *
 * Lists one provider's rows.
 *
 * Returns: %FALSE (and no call) when there is no such provider
 */
BOUNCE_API gboolean bounce_provider_foreach_row (const char *name, BounceProviderRowFunc fn,
                                                 gpointer data);

G_END_DECLS

#endif
