/* parse.c: the pipeline. Bytes -> MIME (mime.c) -> records from delivery-status
 * parts (dsn.c), feedback reports (arf.c), free text (text.c), auto-replies ->
 * classification of every record (classify.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arf.h"
#include "classify.h"
#include "dsn.h"
#include "mbox.h"
#include "bounds.h"
#include "internal.h"
#include "link.h"
#include "mime.h"
#include "notice.h"
#include "text.h"

static void
set_own_fields (BounceReport *report, const MimeMessage *msg)
{
  report_set (report, BOUNCE_FIELD_MESSAGE_ID, mime_get (msg, "Message-ID"));
  report_set (report, BOUNCE_FIELD_DATE, msg->date);
  report_set (report, BOUNCE_FIELD_FROM, mime_get (msg, "From"));
  report_set (report, BOUNCE_FIELD_MESSAGE_SUBJECT, mime_get (msg, "Subject"));
}

static void
set_message_fields (BounceReport *report, const MimeMessage *msg)
{
  set_own_fields (report, msg);
  report_set (report, BOUNCE_FIELD_ORIGINAL_MESSAGE_ID, mime_original (msg, "Message-ID"));
  report_set (report, BOUNCE_FIELD_ORIGINAL_FROM, mime_original (msg, "From"));
  report_set (report, BOUNCE_FIELD_ORIGINAL_TO, mime_original (msg, "To"));
  report_set (report, BOUNCE_FIELD_ORIGINAL_SUBJECT, mime_original (msg, "Subject"));
}

/* The records of the delivery-status parts; else of delivery-status fields in a
 * text part, where read_text says a text part may hold them; else of a bounce
 * forwarded as an attachment. */
static guint
extract_dsn (BounceReport *report, const MimeMessage *msg, gboolean read_text)
{
  guint n = 0;
  for (guint i = 0; i < msg->dsn->len; i++)
    n += dsn_extract (report, g_ptr_array_index (msg->dsn, i));
  if (n > 0)
    return n;
  /* delivery-status fields in a text part (mislabeled, or pasted into the notice) */
  for (guint i = 0; read_text && i < msg->text->len && n == 0; i++)
    {
      const char *text = g_ptr_array_index (msg->text, i);
      gssize at = dsn_find_block (text);
      if (at >= 0)
        n += dsn_extract (report, text + at);
    }
  /* a bounce forwarded as an attachment */
  const GPtrArray *nested = n == 0 ? mime_dsn_nested (msg) : NULL;
  for (guint i = 0; nested && i < nested->len && n == 0; i++)
    n += dsn_extract (report, g_ptr_array_index (nested, i));
  return n;
}

/* Does a text part hold delivery-status fields (a part mislabeled text/plain,
 * or fields pasted into the notice)? */
static gboolean
text_has_dsn_block (const MimeMessage *msg)
{
  for (guint i = 0; i < msg->text->len; i++)
    if (dsn_find_block (g_ptr_array_index (msg->text, i)) >= 0)
      return TRUE;
  return FALSE;
}

/* The bounds the message met, each a warning of its kind. */
static void
report_cuts (BounceReport *report, const MimeMessage *msg)
{
  if (msg->cuts & (1u << BOUNCE_WARNING_HEADERS_CUT))
    report_warn_kind (report, BOUNCE_WARNING_HEADERS_CUT,
                      "header block cut at %d fields (%u more counted, not kept)", MAX_HEADERS,
                      msg->headers_dropped);
  if (msg->cuts & (1u << BOUNCE_WARNING_PARTS_CUT))
    report_warn_kind (report, BOUNCE_WARNING_PARTS_CUT,
                      "MIME tree cut at %d parts or %d levels", MAX_PARTS, MAX_DEPTH);
  if (msg->cuts & (1u << BOUNCE_WARNING_RETURNED_HEADERS_CUT))
    report_warn_kind (report, BOUNCE_WARNING_RETURNED_HEADERS_CUT,
                      "returned message's header block cut (%d KB or %d fields read)",
                      MAX_GMIME_HEADER_BLOCK / 1024, 2 * MAX_HEADERS);
  if (msg->cuts & (1u << BOUNCE_WARNING_TEXT_PART_CUT))
    report_warn_kind (report, BOUNCE_WARNING_TEXT_PART_CUT, "text part cut at %d KB",
                      MAX_TEXT_PART / 1024);
  if (msg->cuts & (1u << BOUNCE_WARNING_DSN_PART_CUT))
    report_warn_kind (report, BOUNCE_WARNING_DSN_PART_CUT, "delivery-status part cut at %d KB",
                      MAX_DSN_PART / 1024);
}

/* Does the text give a record by the layout of a mail system a detector knows
 * (a record of source text:<family>, not the generic guard's)? */
static gboolean
known_family_notice (const MimeMessage *msg)
{
  BounceReport *scratch = report_new ();
  gboolean known = FALSE;
  if (text_extract (scratch, msg) > 0)
    for (guint i = 0; i < bounce_report_n_records (scratch) && !known; i++)
      {
        const char *source = record_peek (bounce_report_get_record (scratch, i), BOUNCE_FIELD_SOURCE);
        known = source && g_str_has_prefix (source, "text:") && strcmp (source, "text:generic") != 0;
      }
  bounce_report_free (scratch);
  return known;
}

static BounceReport *
parse_notice (MimeMessage *msg, const BounceOptions *opts)
{
  BounceReport *report = report_new ();
  if (opts && opts->rules)
    report->rules = bounce_rules_ref ((BounceRules *) opts->rules);
  set_message_fields (report, msg);
  if (msg->warnings->len > 0)
    report_warn (report, "%.*s", (int) msg->warnings->len - 1, msg->warnings->str);
  report_cuts (report, msg);

  const char *verdict = NULL;
  Reason hint = REASON_NONE;
  guint n = 0;
  if (msg->feedback->len > 0 || (msg->report_type && strcmp (msg->report_type, "feedback-report") == 0))
    {
      n = arf_extract (report, msg);
      verdict = "feedback report";
      hint = REASON_FEEDBACK;
    }
  if (n == 0 && (n = arf_plain_complaint (report, msg)) > 0)
    {
      /* a complaint without a feedback-report part (Outlook.com, unsubscribe) */
      verdict = "feedback report";
      hint = REASON_FEEDBACK;
    }
  /* delivery-status fields given in a text part are a delivery-status part
   * for what the message is: not an auto-reply or a filter's refusal */
  gboolean text_block = n == 0 && msg->dsn->len == 0 && text_has_dsn_block (msg);
  gboolean dsn_fields = msg->dsn->len > 0 || text_block;
  /* a Sieve "reject": the recipient's own filter refused the message */
  if (n == 0 && !dsn_fields && (n = arf_mdn_refusal (report, msg)) > 0)
    {
      verdict = "refusal by the recipient's filter (disposition notification)";
      hint = REASON_FILTERED;
    }
  /* an auto-reply without a delivery-status part is read as one before its text
   * is searched for failures (an out-of-office note names addresses and dates);
   * one known only by a field that mail systems put on their notices too is
   * none where the text is a notice of a mail system a detector knows */
  ArfAutoReply kind = n == 0 && !dsn_fields ? arf_auto_reply_kind (msg) : ARF_NOT_AUTO_REPLY;
  if (kind == ARF_AUTO_REPLY_FIELD && !(opts && opts->no_text) && known_family_notice (msg))
    kind = ARF_NOT_AUTO_REPLY;
  gboolean auto_reply = kind != ARF_NOT_AUTO_REPLY;
  if (auto_reply && (n = arf_auto_reply (report, msg)) > 0)
    {
      verdict = "auto-reply";
      hint = REASON_VACATION;
    }
  if (n == 0)
    {
      /* the text parts were searched above where there is no delivery-status part */
      n = extract_dsn (report, msg, msg->dsn->len > 0 || text_block);
      verdict = n ? "delivery status notification" : NULL;
      hint = REASON_NONE;
    }
  if (!(opts && opts->no_text) && !(auto_reply && n > 0))
    {
      guint t = text_extract (report, msg);
      if (n == 0 && t > 0)
        {
          gboolean complaint = arf_is_json_complaint (msg);
          verdict = complaint ? "feedback report" : "failure notice";
          hint = complaint ? REASON_FEEDBACK : REASON_NONE;
        }
      n += t;
    }
  /* a delivery-status group with no usable address that no recipient of the
   * notice stood for */
  guint dropped = dsn_drop_unusable (report);
  /* a notice attached to a message sent to the very address it names (a
   * list's probe to a member): that the message arrived shows the address
   * takes mail */
  if (bounce_report_n_records (report) > 0 && notice_attached_for_its_reader (msg, dsn_fields))
    for (guint i = bounce_report_n_records (report); i-- > 0;)
      {
        const BounceRecord *rec = bounce_report_get_record (report, i);
        if (notice_is_to (msg, record_peek (rec, BOUNCE_FIELD_RECIPIENT)))
          {
            report_remove_record (report, i);
            dropped++;
          }
      }
  n = n > dropped ? n - dropped : 0;
  if (n == 0 && !auto_reply && arf_is_auto_reply (msg))
    {
      n = arf_auto_reply (report, msg);
      verdict = "auto-reply";
      hint = n ? REASON_VACATION : REASON_NONE;
    }
  for (guint i = 0; i < bounce_report_n_records (report); i++)
    {
      BounceRecord *rec = (BounceRecord *) bounce_report_get_record (report, i);
      classify_record (rec, hint);
    }
  if (n == 0)
    verdict = msg->dsn->len || mime_dsn_nested (msg)->len
                  ? "delivery-status part without a usable recipient"
                  : "not a bounce: no delivery-status part and no failure text found";
  report_set_verdict (report, verdict);
  link_fill (report, msg, opts);
  return report;
}

static BounceReport *parse_inline_forward (MimeMessage *msg, const BounceOptions *opts,
                                           guint depth);

/* The forwarded message inner read as the message it is, at forward depth depth:
 * itself an inline forward of a notice (*nested), else a notice; NULL where it
 * is an auto-reply (a forwarded out-of-office reply is no automatic answer). */
static BounceReport *
read_forwarded (MimeMessage *inner, const BounceOptions *opts, guint depth, gboolean *nested)
{
  BounceReport *report = parse_inline_forward (inner, opts, depth);
  *nested = report != NULL;
  if (!report)
    report = parse_notice (inner, opts);
  const char *verdict = bounce_report_get_verdict (report);
  if (verdict && strcmp (verdict, "auto-reply") == 0)
    g_clear_pointer (&report, bounce_report_unref);
  return report;
}

/* A person's or a helpdesk's forward of a mail system's notice as an attachment
 * (notice_forwards_notice), or a person's forward ("Fwd:") of any message as one
 * (notice_is_persons_forward): the attached message read as the message it is, by its
 * own From, Subject, envelope, parts and returned message, as it reached the
 * forwarder. The records keep the forward's message fields (its Message-ID, From,
 * Subject; the notice's as the original's). NULL when the message is no such
 * forward, or the notice gives no record or an auto-reply's (a forwarded
 * out-of-office reply is no automatic answer): the message is read as it is. */
static BounceReport *
parse_forward (MimeMessage *msg, const BounceOptions *opts)
{
  if (!msg->attached || !(notice_forwards_notice (msg) || notice_is_persons_forward (msg)))
    return NULL;
  MimeMessage *inner = mime_parse_attached (msg);
  if (!inner)
    return NULL;
  gboolean nested;
  BounceReport *report = read_forwarded (inner, opts, 1, &nested);
  mime_free (inner);
  if (report && bounce_report_n_records (report) == 0)
    g_clear_pointer (&report, bounce_report_unref);
  if (!report)
    return NULL;
  if (nested)
    set_own_fields (report, msg); /* (the notice's as the original's) */
  else
    set_message_fields (report, msg);
  return report;
}

/* A notice forwarded inline, as mail clients forward a message in the text of
 * their own (notice_inline_forward): the text after the forwarded header block
 * read as a message of that block's From, Date, Subject and To, so that the
 * forwarder's note and address are no part of it. Only the notice's words are
 * carried (its delivery-status part and returned message are not). NULL when
 * the message is no such forward, or the notice is an auto-reply's (a forwarded
 * out-of-office reply is no automatic answer). */
static BounceReport *
parse_inline_forward (MimeMessage *msg, const BounceOptions *opts, guint depth)
{
  guint index;
  const char *text = notice_pick (msg, &index);
  if (depth > MAX_INLINE_FORWARDS || !text || index >= msg->text->len || !notice_from_person (msg))
    return NULL;
  char *notice = notice_prepare (text, strnlen (text, MAX_TEXT_PART));
  gsize at = 0;
  char *head = notice_inline_forward (notice, &at);
  BounceReport *report = NULL;
  if (head)
    {
      char *from = NULL;
      /* (a field's name starts its line: none is in a value) */
      const char *f = g_str_has_prefix (head, "From: ") ? head : strstr (head, "\nFrom: ");
      if (f)
        {
          f += *f == '\n' ? 7 : 6;
          from = g_strndup (f, strcspn (f, "\n"));
        }
      if (notice_forwards_inline (msg, from))
        {
          GString *data = g_string_new (head);
          g_string_append (data, "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                                 "Content-Transfer-Encoding: 8bit\n\n");
          g_string_append (data, notice + at);
          MimeMessage *inner = mime_parse_bytes (data->str, data->len, NULL);
          if (inner)
            {
              /* (a forward of a forward: the notice is in the text of the
               * forwarded message; one that gives no record is none the less
               * no notice of the forwarder's: their note and address are none
               * of its) */
              gboolean nested;
              report = read_forwarded (inner, opts, depth + 1, &nested);
              if (report)
                {
                  /* the forward's own fields, the notice's as the original's
                   * (as for a notice forwarded as an attachment) */
                  set_own_fields (report, msg);
                  if (!nested)
                    {
                      report_set (report, BOUNCE_FIELD_ORIGINAL_MESSAGE_ID, NULL);
                      report_set (report, BOUNCE_FIELD_ORIGINAL_FROM, mime_get (inner, "From"));
                      report_set (report, BOUNCE_FIELD_ORIGINAL_TO, mime_get (inner, "To"));
                      report_set (report, BOUNCE_FIELD_ORIGINAL_SUBJECT,
                                  mime_get (inner, "Subject"));
                    }
                }
              mime_free (inner);
            }
          g_string_free (data, TRUE);
        }
      g_free (from);
      g_free (head);
    }
  g_free (notice);
  return report;
}

static BounceReport *
parse_mime (MimeMessage *msg, const BounceOptions *opts)
{
  BounceReport *report = parse_forward (msg, opts);
  if (!report)
    report = parse_inline_forward (msg, opts, 0);
  return report ? report : parse_notice (msg, opts);
}

void
bounce_read_returned_lazily (void)
{
  mime_read_returned_lazily ();
}

BounceReport *
bounce_parse_bytes (const char *data, gsize len, const BounceOptions *opts, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if (opts && opts->max_size && len > opts->max_size)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_TOO_LARGE,
                   "message of %" G_GSIZE_FORMAT " bytes is larger than the limit of %"
                   G_GSIZE_FORMAT, len, opts->max_size);
      return NULL;
    }
  const char *why = NULL;
  MimeMessage *msg = mime_parse_bytes (data ? data : "", len, &why);
  if (!msg)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE, "%s", why);
      return NULL;
    }
  BounceReport *report = parse_mime (msg, opts);
  mime_free (msg);
  return report;
}

BounceReport *
bounce_parse_gmime_message (gpointer gmime_message, const BounceOptions *opts, GError **error)
{
  MimeMessage *msg = mime_parse_gmime (gmime_message);
  if (!msg)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE, "not a GMimeMessage");
      return NULL;
    }
  BounceReport *report = parse_mime (msg, opts);
  mime_free (msg);
  return report;
}

/* Messages at least this large are mapped rather than read into a buffer. */
#define MAP_FROM (1024 * 1024)

/* A regular file from its current offset: the limit is checked before anything is
 * read, and the bytes are read at once into one buffer of the right size (or
 * mapped, for large files), not in chunks. Returns FALSE (error unset) when fd is
 * not a regular file, to be read as a stream. */
static gboolean
parse_regular_fd (int fd, const BounceOptions *opts, BounceReport **report, GError **error)
{
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  off_t at = lseek (fd, 0, SEEK_CUR);
  if (at < 0 || at > st.st_size)
    return FALSE;
  gsize size = (gsize) (st.st_size - at);
  *report = NULL;
  if (opts && opts->max_size && size > opts->max_size)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_TOO_LARGE,
                   "message of %" G_GSIZE_FORMAT " bytes is larger than the limit of %"
                   G_GSIZE_FORMAT, size, opts->max_size);
      return TRUE;
    }
  if (size >= MAP_FROM && at == 0)
    {
      void *map = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map != MAP_FAILED)
        {
          *report = bounce_parse_bytes (map, size, opts, error);
          munmap (map, size);
          return TRUE;
        }
    }
  char *buf = g_malloc (size + 1);
  gsize got = 0;
  while (got < size)
    {
      ssize_t n = read (fd, buf + got, size - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          g_free (buf);
          g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "read failed: %s", g_strerror (e));
          return TRUE;
        }
      if (n == 0)
        break; /* shrank while being read: take what there is */
      got += (gsize) n;
    }
  *report = bounce_parse_bytes (buf, got, opts, error);
  g_free (buf);
  return TRUE;
}

BounceReport *
bounce_parse_fd (int fd, const BounceOptions *opts, GError **error)
{
  BounceReport *report;
  if (parse_regular_fd (fd, opts, &report, error))
    return report;
  GByteArray *buf = g_byte_array_new ();
  guint8 chunk[65536];
  for (;;)
    {
      ssize_t n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          g_byte_array_free (buf, TRUE);
          g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "read failed: %s", g_strerror (e));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buf, chunk, (guint) n);
      if (opts && opts->max_size && buf->len > opts->max_size)
        {
          g_byte_array_free (buf, TRUE);
          g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_TOO_LARGE,
                       "message is larger than the limit of %" G_GSIZE_FORMAT " bytes",
                       opts->max_size);
          return NULL;
        }
    }
  BounceReport *r = bounce_parse_bytes ((const char *) buf->data, buf->len, opts, error);
  g_byte_array_free (buf, TRUE);
  return r;
}

BounceReport *
bounce_parse_file (const char *path, const BounceOptions *opts, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "%s", g_strerror (e));
      return NULL;
    }
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "is a directory");
      return NULL;
    }
  BounceReport *r = bounce_parse_fd (fd, opts, error);
  close (fd);
  return r;
}

struct BounceMbox
{
  gatomicrefcount ref_count;
  MboxReader *reader;
  GQueue ready;   /* messages split off and not yet parsed (MboxMessage) */
  int error;      /* errno of a failed read, not yet reported */
  gboolean ended; /* the reader gave its last message */
};

typedef struct
{
  guint position;
  char *data;
  gsize len;
} MboxMessage;

static void
mbox_ready (gpointer user, guint position, char *data, gsize len, gsize size)
{
  (void) size; /* no size limit: every message comes with its data */
  BounceMbox *m = user;
  MboxMessage *msg = g_new (MboxMessage, 1);
  msg->position = position;
  msg->data = data;
  msg->len = len;
  g_queue_push_tail (&m->ready, msg);
}

BounceMbox *
bounce_mbox_open (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "%s", g_strerror (e));
      return NULL;
    }
  BounceMbox *m = g_new0 (BounceMbox, 1);
  g_atomic_ref_count_init (&m->ref_count);
  g_queue_init (&m->ready);
  m->reader = mbox_reader_new (fd, 0, mbox_ready, m);
  return m;
}

BounceReport *
bounce_mbox_next (BounceMbox *mbox, const BounceOptions *opts, guint *position, GError **error)
{
  while (g_queue_is_empty (&mbox->ready) && !mbox->ended)
    mbox->ended = !mbox_reader_step (mbox->reader, &mbox->error);
  MboxMessage *msg = g_queue_pop_head (&mbox->ready);
  if (!msg)
    {
      if (mbox->error)
        {
          g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_IO, "%s", g_strerror (mbox->error));
          mbox->error = 0;
        }
      return NULL;
    }
  if (position)
    *position = msg->position;
  GError *e = NULL;
  BounceReport *report = bounce_parse_bytes (msg->data, msg->len, opts, &e);
  if (!report)
    {
      g_set_error (error, BOUNCE_ERROR, e ? e->code : BOUNCE_ERROR_NOT_MESSAGE,
                   "message %u of the mbox could not be read (%s)", msg->position,
                   e ? e->message : "no report");
      g_clear_error (&e);
    }
  g_free (msg->data);
  g_free (msg);
  return report;
}

BounceMbox *
bounce_mbox_ref (BounceMbox *mbox)
{
  g_return_val_if_fail (mbox != NULL, NULL);
  g_atomic_ref_count_inc (&mbox->ref_count);
  return mbox;
}

void
bounce_mbox_close (BounceMbox *mbox)
{
  if (!mbox || !g_atomic_ref_count_dec (&mbox->ref_count))
    return;
  mbox_reader_free (mbox->reader);
  MboxMessage *msg;
  while ((msg = g_queue_pop_head (&mbox->ready)))
    {
      g_free (msg->data);
      g_free (msg);
    }
  g_free (mbox);
}
