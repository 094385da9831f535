/* log-read.c: `bounce --log FORMAT FILE...`: an MTA's delivery log read as a
 * stream, one record per recipient attempt.
 *
 * Each delivery line is classified at once (bounce_classify_reply: the same
 * classification a bounce's diagnostic gets) and written, joined with what
 * earlier lines said about its queue id: the sender and the Message-ID (Postfix's
 * qmgr and cleanup lines, Exim's "<=" line, Sendmail's "from=" line). Memory is
 * bounded by the rule of how long an unfinished queue id is kept: from its first
 * line until its end line (Postfix "removed", Exim "Completed"), and at most
 * while fewer than LOG_PENDING_MAX other queue ids have been seen since its last
 * line; past that it is dropped, with a warning for Postfix and Exim (a log cut
 * short, or a message kept in the queue that long) and none for Sendmail, which
 * writes no end line. A delivery line of a dropped or unknown queue id is still
 * written, without sender and Message-ID. Lines longer than LOG_LINE_MAX are
 * skipped with a warning.
 *
 * A queue id also keeps its recipients whose last attempt was deferred (up to
 * LOG_DEFERRED_MAX), with that attempt's status, words and host: when the
 * message's time in the queue runs out (Postfix "status=expired", Sendmail
 * "Cannot send message for ..."), each of them gets a failed record with them,
 * as the MTA's bounce reports them; and Exim's "** rcpt: retry timeout exceeded",
 * which names no error, gets the last one's status, host and words (with its
 * own after them, as Exim's bounce writes them). */
#include <errno.h>
#include <string.h>

#include "log.h"

/* the longest line read; syslog daemons write far shorter ones (8 KB by default) */
#define LOG_LINE_MAX 65536
/* lines read to tell the format with --log auto */
#define DETECT_LINES 1000

typedef gboolean (*LineParser) (char *line, LogEvent *ev);

static const struct
{
  const char *name;
  LineParser parse;
  gboolean has_end; /* the format logs the end of a queue id */
} formats[] = {
  { "postfix", log_parse_postfix, TRUE },
  { "exim", log_parse_exim, TRUE },
  { "sendmail", log_parse_sendmail, FALSE },
};

/* a recipient's last deferral */
typedef struct
{
  char *recipient;
  char *status;
  char *diag;
  char *remote_mta;
  char *command;
} Deferral;

typedef struct
{
  GList link; /* in the reader's queue, least recently seen first */
  char *qid;
  char *sender;
  char *message_id;
  GPtrArray *deferred; /* Deferral*, in order of first deferral, or NULL */
  const char *file; /* where it was seen last */
  guint64 line;
} Pending;

struct LogReader
{
  Run *run;
  int format; /* index in formats, -1: tell each input's */
  gboolean all;
  GHashTable *pending; /* qid -> Pending */
  GQueue order;
  GString *buf;
  guint64 lines;
  guint64 bytes;
  guint64 deliveries;
  gint64 last_progress;
  gboolean progress_shown;
};

LogReader *
log_reader_new (Run *run, const char *format, gboolean all)
{
  int f = -1;
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (strcmp (format, formats[i].name) == 0)
      f = (int) i;
  if (f < 0 && strcmp (format, "auto") != 0)
    return NULL;
  LogReader *r = g_new0 (LogReader, 1);
  r->run = run;
  r->format = f;
  r->all = all;
  r->pending = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&r->order);
  r->buf = g_string_sized_new (2048);
  return r;
}

static FILE *
err_out (LogReader *r)
{
  return r->run->err ? r->run->err : stderr;
}

static void
progress_clear (LogReader *r)
{
  if (r->progress_shown)
    {
      fputs ("\r\033[K", err_out (r));
      r->progress_shown = FALSE;
    }
}

static void
progress (LogReader *r)
{
  gint64 now = g_get_monotonic_time ();
  if (now - r->last_progress < G_USEC_PER_SEC / 4)
    return;
  r->last_progress = now;
  double secs = (double) (now - r->run->started) / G_USEC_PER_SEC;
  int s = (int) secs;
  fprintf (err_out (r),
           "\rbounce: %" G_GUINT64_FORMAT " lines, %" G_GUINT64_FORMAT " records, %.1f MB/s, "
           "%d:%02d:%02d\033[K",
           r->lines, r->run->n_records, secs > 0 ? (double) r->bytes / 1e6 / secs : 0.0, s / 3600,
           s / 60 % 60, s % 60);
  fflush (err_out (r));
  r->progress_shown = TRUE;
}

static void
deferral_free (gpointer data)
{
  Deferral *d = data;
  g_free (d->recipient);
  g_free (d->status);
  g_free (d->diag);
  g_free (d->remote_mta);
  g_free (d->command);
  g_free (d);
}

static Deferral *
deferral_find (const Pending *p, const char *rcpt, guint *index)
{
  for (guint i = 0; p && p->deferred && rcpt && i < p->deferred->len; i++)
    {
      Deferral *d = g_ptr_array_index (p->deferred, i);
      if (g_ascii_strcasecmp (d->recipient, rcpt) == 0)
        {
          if (index)
            *index = i;
          return d;
        }
    }
  return NULL;
}

/* After a record of rcpt: a deferral is kept (or replaced), anything else ends
 * the recipient's deferral. */
static void
deferral_note (Pending *p, const BounceRecord *rec)
{
  const char *rcpt = bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT);
  const char *action = bounce_record_get (rec, BOUNCE_FIELD_ACTION);
  if (!p || !rcpt || !action)
    return;
  guint at = 0;
  Deferral *d = deferral_find (p, rcpt, &at);
  if (strcmp (action, "delayed") != 0)
    {
      if (d)
        g_ptr_array_remove_index (p->deferred, at);
      return;
    }
  if (!d)
    {
      if (!p->deferred)
        p->deferred = g_ptr_array_new_with_free_func (deferral_free);
      if (p->deferred->len >= LOG_DEFERRED_MAX)
        return;
      d = g_new0 (Deferral, 1);
      d->recipient = g_strdup (rcpt);
      g_ptr_array_add (p->deferred, d);
    }
  g_free (d->status);
  g_free (d->diag);
  g_free (d->remote_mta);
  g_free (d->command);
  d->status = g_strdup (bounce_record_get (rec, BOUNCE_FIELD_STATUS));
  d->diag = g_strdup (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC));
  d->remote_mta = g_strdup (bounce_record_get (rec, BOUNCE_FIELD_REMOTE_MTA));
  d->command = g_strdup (bounce_record_get (rec, BOUNCE_FIELD_COMMAND));
}

static void
pending_free (Pending *p)
{
  if (p->deferred)
    g_ptr_array_free (p->deferred, TRUE);
  g_free (p->qid);
  g_free (p->sender);
  g_free (p->message_id);
  g_free (p);
}

static void
pending_remove (LogReader *r, Pending *p)
{
  g_queue_unlink (&r->order, &p->link);
  g_hash_table_remove (r->pending, p->qid);
  pending_free (p);
}

/* The queue id's entry, seen now (the most recent); created when make. */
static Pending *
pending_touch (LogReader *r, int format, const char *qid, const char *file, guint64 line,
               gboolean make)
{
  Pending *p = g_hash_table_lookup (r->pending, qid);
  if (p)
    g_queue_unlink (&r->order, &p->link);
  else if (make)
    {
      if (g_hash_table_size (r->pending) >= LOG_PENDING_MAX)
        {
          Pending *old = r->order.head->data;
          if (formats[format].has_end)
            {
              progress_clear (r);
              fprintf (err_out (r),
                       "bounce: %s:%" G_GUINT64_FORMAT ": warning: queue id %s dropped: %d "
                       "other queue ids were seen since this line and its end was not; "
                       "its later lines are written without its sender and Message-ID\n",
                       old->file, old->line, old->qid, LOG_PENDING_MAX);
            }
          pending_remove (r, old);
        }
      p = g_new0 (Pending, 1);
      p->link.data = p;
      p->qid = g_strdup (qid);
      g_hash_table_insert (r->pending, p->qid, p);
    }
  else
    return NULL;
  p->file = file;
  p->line = line;
  g_queue_push_tail_link (&r->order, &p->link);
  return p;
}

/* One record per recipient of a delivery line. */
static void
write_delivery (LogReader *r, int format, const LogEvent *ev, Pending *p, const char *file,
                guint64 line)
{
  Run *run = r->run;
  /* Postfix always gives words, Sendmail its stat=, Exim none for a plain "=>" */
  const char *diag = ev->diag && *ev->diag ? ev->diag : ev->status_text;
  /* a failure that names no error of its own ("retry timeout exceeded"): the
   * recipient's last deferral says what it was */
  LogEvent filled;
  char *joined = NULL;
  Deferral *d = NULL;
  if (strcmp (ev->action, "failed") == 0 && !ev->status && !ev->remote_mta
      && (d = deferral_find (p, ev->recipients, NULL)))
    {
      filled = *ev;
      filled.status = d->status;
      filled.remote_mta = d->remote_mta;
      filled.command = d->command;
      if (d->diag)
        diag = joined = diag ? g_strdup_printf ("%s: %s", d->diag, diag) : g_strdup (d->diag);
      ev = &filled;
    }
  r->deliveries++;
  /* Sendmail lists the recipients of one delivery: "<a@x>,<b@y>" */
  char **rcpts = g_strsplit (ev->recipients ? ev->recipients : "", ",", 0);
  for (char **rc = rcpts; *rc; rc++)
    {
      if (!**rc && rc != rcpts)
        continue;
      if (!r->all && strcmp (ev->action, "delivered") == 0)
        {
          /* not written: only its end of a deferral counts */
          guint at;
          if (deferral_find (p, **rc ? *rc : NULL, &at))
            g_ptr_array_remove_index (p->deferred, at);
          continue;
        }
      BounceReplyContext ctx = {
        .remote_mta = ev->remote_mta,
        .command = ev->command,
        .recipient = **rc ? *rc : NULL,
        .action = ev->action,
        .status = ev->status,
        .message_id = p ? p->message_id : NULL,
      };
      BounceReport *rep = bounce_classify_reply (diag, &ctx, NULL);
      if (!rep)
        continue;
      const BounceRecord *rec = bounce_report_get_record (rep, 0);
      deferral_note (p, rec);
      if (run->printer->render)
        {
          /* JSON: the log's own fields first */
          GString *b = r->buf;
          gboolean first = TRUE;
          g_string_truncate (b, 0);
          g_string_append_c (b, '{');
          json_key (b, "file", &first);
          json_string (b, file);
          json_key (b, "line", &first);
          g_string_append_printf (b, "%" G_GUINT64_FORMAT, line);
          json_key (b, "mta", &first);
          json_string (b, formats[format].name);
          json_key (b, "queue_id", &first);
          json_string (b, ev->qid);
          if (ev->timestamp[0])
            {
              json_key (b, "timestamp", &first);
              json_string (b, ev->timestamp);
            }
          if (p && p->sender)
            {
              json_key (b, "sender", &first);
              json_string (b, p->sender);
            }
          json_record_fields (b, rec, &first);
          g_string_append (b, "}\n");
          fwrite (b->str, 1, b->len, run->printer->out);
        }
      else
        run->printer->record (run->printer, file, (guint) MIN (line, G_MAXUINT), rec);
      run->n_records++;
      if (run->summary)
        summary_add_report (run->summary, rep);
      bounce_report_free (rep);
    }
  g_strfreev (rcpts);
  g_free (joined);
}

/* The time in the queue ran out: every recipient still deferred has failed,
 * for the reason of its last deferral. */
static void
write_expired (LogReader *r, int format, const LogEvent *ev, Pending *p, const char *file,
               guint64 line)
{
  if (!p || !p->deferred)
    return;
  GPtrArray *deferred = p->deferred;
  p->deferred = NULL;
  for (guint i = 0; i < deferred->len; i++)
    {
      Deferral *d = g_ptr_array_index (deferred, i);
      LogEvent failed = *ev;
      failed.kind = LOG_DELIVERY;
      failed.recipients = d->recipient;
      failed.action = "failed";
      failed.status = ev->status ? ev->status : d->status;
      failed.remote_mta = d->remote_mta;
      failed.command = d->command;
      failed.diag = d->diag;
      failed.status_text = "expired";
      write_delivery (r, format, &failed, p, file, line);
    }
  g_ptr_array_free (deferred, TRUE);
}

static void
take_line (LogReader *r, int format, char *text, const char *file, guint64 line)
{
  LogEvent ev;
  memset (&ev, 0, sizeof ev);
  if (!formats[format].parse (text, &ev) || ev.kind == LOG_NONE || !ev.qid)
    return;
  switch (ev.kind)
    {
    case LOG_INFO:
      {
        Pending *p = pending_touch (r, format, ev.qid, file, line, TRUE);
        if (ev.sender)
          {
            g_free (p->sender);
            p->sender = g_strdup (ev.sender);
          }
        if (ev.message_id)
          {
            /* as the field has it: Exim logs it without its angle brackets */
            g_free (p->message_id);
            p->message_id = ev.message_id[0] == '<' ? g_strdup (ev.message_id)
                                                    : g_strdup_printf ("<%s>", ev.message_id);
          }
        break;
      }
    case LOG_DELIVERY:
      /* a deferral makes an entry, to be kept until the message's end */
      write_delivery (r, format, &ev,
                      pending_touch (r, format, ev.qid, file, line,
                                     strcmp (ev.action, "delayed") == 0),
                      file, line);
      break;
    case LOG_EXPIRE:
      write_expired (r, format, &ev, pending_touch (r, format, ev.qid, file, line, FALSE), file,
                     line);
      break;
    case LOG_END:
      {
        Pending *p = g_hash_table_lookup (r->pending, ev.qid);
        if (p)
          pending_remove (r, p);
        break;
      }
    case LOG_NONE:
      break;
    }
}

/* --log auto: the one format that the first lines are of, or -1. */
static int
detect (GPtrArray *lines, const char **why)
{
  guint seen[G_N_ELEMENTS (formats)] = { 0 };
  for (guint i = 0; i < lines->len; i++)
    for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        char *copy = g_strdup (g_ptr_array_index (lines, i));
        LogEvent ev;
        memset (&ev, 0, sizeof ev);
        if (formats[f].parse (copy, &ev))
          seen[f]++;
        g_free (copy);
      }
  int found = -1, n = 0;
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    if (seen[f])
      {
        found = (int) f;
        n++;
      }
  if (n == 1)
    return found;
  *why = n == 0 ? "no line of a Postfix, Exim or Sendmail log in the first lines; name the "
                  "format with --log postfix, exim or sendmail"
                : "lines of more than one MTA in the first lines; name the format with "
                  "--log postfix, exim or sendmail";
  return -1;
}

void
log_reader_input (LogReader *r, const char *path)
{
  Run *run = r->run;
  gboolean is_stdin = strcmp (path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen (path, "r");
  if (!in)
    {
      progress_clear (r);
      fprintf (err_out (r), "bounce: %s: %s\n", path, g_strerror (errno));
      run->n_errors++;
      return;
    }
  int format = r->format;
  GPtrArray *held = format < 0 ? g_ptr_array_new_with_free_func (g_free) : NULL;
  GArray *held_at = format < 0 ? g_array_new (FALSE, FALSE, sizeof (guint64)) : NULL;
  char *buf = g_malloc (LOG_LINE_MAX);
  guint64 line = 0;
  gboolean cut = FALSE;
  for (;;)
    {
      gboolean eof = !fgets (buf, LOG_LINE_MAX, in);
      if (!eof)
        {
          gsize n = strlen (buf);
          r->bytes += n;
          gboolean whole = n > 0 && buf[n - 1] == '\n';
          gboolean continued = cut;
          cut = !whole && !feof (in);
          if (continued)
            continue;
          line++;
          r->lines++;
          if (cut)
            {
              progress_clear (r);
              fprintf (err_out (r),
                       "bounce: %s:%" G_GUINT64_FORMAT ": warning: line longer than %d bytes; "
                       "skipped\n",
                       path, line, LOG_LINE_MAX - 1);
              continue;
            }
          if (whole)
            buf[--n] = '\0';
          if (n > 0 && buf[n - 1] == '\r')
            buf[--n] = '\0';
        }
      if (held)
        {
          /* telling the format: hold the first lines */
          if (!eof)
            {
              g_ptr_array_add (held, g_strdup (buf));
              g_array_append_val (held_at, line);
            }
          if (!eof && held->len < DETECT_LINES)
            continue;
          const char *why = NULL;
          format = detect (held, &why);
          if (format < 0)
            {
              progress_clear (r);
              fprintf (err_out (r), "bounce: %s: cannot tell the log's format: %s\n", path, why);
              run->n_errors++;
              break;
            }
          for (guint i = 0; i < held->len; i++)
            take_line (r, format, g_ptr_array_index (held, i), path,
                       g_array_index (held_at, guint64, i));
          g_ptr_array_free (held, TRUE);
          held = NULL;
          if (eof)
            break;
          continue;
        }
      if (eof)
        break;
      take_line (r, format, buf, path, line);
      if (run->progress && (r->lines & 4095) == 0)
        progress (r);
    }
  if (ferror (in))
    {
      progress_clear (r);
      fprintf (err_out (r), "bounce: %s: %s\n", path, g_strerror (errno));
      run->n_errors++;
    }
  if (held)
    g_ptr_array_free (held, TRUE);
  if (held_at)
    g_array_free (held_at, TRUE);
  g_free (buf);
  if (!is_stdin)
    fclose (in);
  /* the progress line's bytes are the summary's */
  run->n_bytes = r->bytes;
  run->n_messages = r->deliveries;
  if (run->progress)
    progress (r);
}

void
log_reader_free (LogReader *r)
{
  progress_clear (r);
  Pending *p;
  while ((p = g_queue_peek_head (&r->order)))
    pending_remove (r, p);
  g_hash_table_destroy (r->pending);
  g_string_free (r->buf, TRUE);
  g_free (r);
}
