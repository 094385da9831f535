/* pipeline.c: messages parsed on --jobs threads, written in input order.
 *
 * The walker hands over one message at a time. Each takes the next slot of a ring
 * of slots (8 per job), which is also the queue: a thread claims the oldest slot
 * not yet claimed, reads and parses its message and renders its records into the
 * slot's buffers (stdout bytes, stderr lines), and the walker's thread writes the
 * slots strictly in order, each as soon as it and all before it are done. When
 * the ring is full the walker parses queued messages itself until half of the
 * ring can be written, and sleeps only when every queued message is taken: so
 * --jobs N runs N - 1 worker threads beside the walker's, as many threads as
 * processors with the default, and no thread sleeps or wakes per message. At most
 * that many messages are in memory at once whatever the size of the input, and
 * the output is byte-for-byte the same for any number of jobs.
 *
 * With --jobs 1 there is no worker: each message is parsed on the walker's thread
 * as it is handed over. Records are counted for --summary by the thread that
 * parsed them (summary.c locks); all other counters are kept by the writer, in
 * order. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mbox.h"
#include "run.h"

/* Messages at least this large are mapped rather than read into a buffer. */
#define MAP_FROM (1024 * 1024)
/* A slot's buffers larger than this after use are released, not kept for reuse. */
#define KEEP_MAX (256 * 1024)
#define SLOTS_PER_JOB 8

typedef enum
{
  JOB_FD,    /* a message file, open */
  JOB_READ,  /* a message file, read into the slot's buffer */
  JOB_BYTES, /* a message of an mbox, in memory */
  JOB_ERROR, /* an error to report in its place */
} JobKind;

typedef struct
{
  /* the job */
  JobKind kind;
  char *name;
  guint position;
  int fd;
  char *data;
  gsize len;
  gboolean too_large;
  gboolean mark; /* a message file of a Maildir's new/ to move to cur/ once written */
  /* the result */
  GString *out;         /* rendered records */
  GString *err;         /* lines for stderr */
  BounceReport *report; /* kept when the printer cannot render in a worker */
  gboolean parsed;
  gboolean failed;
  guint n_records;
  gsize bytes;
  /* the read buffer of this slot, reused */
  char *buf;
  gsize buf_size;
  gint done; /* atomic; set by the thread that parsed it, under the pipeline's lock */
} Slot;

struct Pipeline
{
  Run *run;
  FILE *err;
  GThread **threads; /* the workers besides the walker's thread */
  guint n_threads;
  Slot *slots;
  guint n_slots;
  guint64 next_in;  /* sequence number of the next job */
  guint64 next_out; /* sequence number of the next slot to write */
  GMutex lock;
  GCond cond;       /* the writer waits for a slot to be done */
  GCond work;       /* workers wait for a job */
  guint64 queued;   /* jobs handed over, under lock */
  guint64 claimed;  /* jobs taken by a thread, under lock: [claimed, queued) wait */
  guint idle;       /* workers waiting on work, under lock */
  gboolean closing; /* no more jobs: workers end, under lock */
  Slot *waiting;    /* the slot the writer sleeps on, under lock */
  gint64 last_progress;
  gboolean progress_shown;
  GPtrArray *marks;     /* --mark: paths in new/ whose records are written, not flushed yet */
  gboolean mark_failed; /* the output could not be flushed: nothing more is marked */
};

/* Messages whose records are written are marked in batches of this many, each
 * batch after one flush of the output. */
#define MARK_BATCH 256

static void
slot_error (Slot *s, const char *name, const char *what)
{
  g_string_append_printf (s->err, "bounce: %s: %s\n", name, what);
  s->failed = TRUE;
}

/* Reads a regular file of size bytes (or fewer, when it shrank) into the slot's
 * buffer, their number into *got; FALSE with errno set when the read fails. */
static gboolean
read_into_slot (Slot *s, int fd, gsize size, gsize *got)
{
  if (s->buf_size < size + 1)
    {
      g_free (s->buf);
      s->buf_size = MAX (size + 1, 16384);
      s->buf = g_malloc (s->buf_size);
    }
  *got = 0;
  while (*got < size)
    {
      ssize_t n = read (fd, s->buf + *got, size - *got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break; /* shrank while being read: take what there is */
      *got += (gsize) n;
    }
  return TRUE;
}

void
too_large_text (char *buf, gsize n, gsize size, gsize max)
{
  g_snprintf (buf, n,
              "message of %" G_GSIZE_FORMAT " bytes is larger than --max-size (%" G_GSIZE_FORMAT
              " bytes); skipped",
              size, max);
}

/* The whole file into the slot's buffer, or mapped; NULL with *what set. */
static const char *
read_fd (Pipeline *p, Slot *s, gsize *len, gboolean *mapped, const char **what, char *what_buf,
         gsize what_size)
{
  struct stat st;
  *mapped = FALSE;
  if (fstat (s->fd, &st) != 0)
    {
      *what = g_strerror (errno);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      *what = "is a directory";
      return NULL;
    }
  gsize max = p->run->opts.max_size;
  if (!S_ISREG (st.st_mode))
    {
      /* a pipe or terminal: read to the end */
      GByteArray *a = g_byte_array_new ();
      char chunk[65536];
      for (;;)
        {
          ssize_t n = read (s->fd, chunk, sizeof chunk);
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              *what = g_strerror (errno);
              g_byte_array_free (a, TRUE);
              return NULL;
            }
          if (n == 0)
            break;
          g_byte_array_append (a, (guint8 *) chunk, (guint) n);
          if (max && a->len > max)
            {
              g_snprintf (what_buf, what_size,
                          "message larger than --max-size (%" G_GSIZE_FORMAT " bytes); skipped",
                          max);
              *what = what_buf;
              s->too_large = TRUE;
              g_byte_array_free (a, TRUE);
              return NULL;
            }
        }
      g_free (s->buf);
      s->buf_size = a->len;
      *len = a->len;
      s->buf = (char *) g_byte_array_free (a, FALSE);
      return s->buf;
    }
  gsize size = (gsize) st.st_size;
  if (max && size > max)
    {
      too_large_text (what_buf, what_size, size, max);
      *what = what_buf;
      s->too_large = TRUE;
      return NULL;
    }
  if (size >= MAP_FROM)
    {
      void *m = mmap (NULL, size, PROT_READ, MAP_PRIVATE, s->fd, 0);
      if (m != MAP_FAILED)
        {
          madvise (m, size, MADV_SEQUENTIAL);
          *mapped = TRUE;
          *len = size;
          return m;
        }
    }
  if (!read_into_slot (s, s->fd, size, len))
    {
      *what = g_strerror (errno);
      return NULL;
    }
  return s->buf;
}

static void
take_report (Pipeline *p, Slot *s, BounceReport *r)
{
  Run *run = p->run;
  s->parsed = TRUE;
  guint n = bounce_report_n_records (r);
  s->n_records = n;
  if (n == 0 && run->verbose)
    {
      if (s->position)
        g_string_append_printf (s->err, "bounce: %s:%u: %s\n", s->name, s->position,
                                bounce_report_get_verdict (r));
      else
        g_string_append_printf (s->err, "bounce: %s: %s\n", s->name,
                                bounce_report_get_verdict (r));
    }
  /* a cut at a bound always says so; other warnings with --verbose */
  for (guint i = 0; i < bounce_report_n_warnings (r); i++)
    {
      const char *text;
      BounceWarning kind = bounce_report_get_warning (r, i, &text);
      gboolean cut = bounce_warning_is_cut (kind);
      if (!cut && !run->verbose)
        continue;
      if (s->position)
        g_string_append_printf (s->err, "bounce: %s:%u: %s%s\n", s->name, s->position,
                                cut ? "" : "warning: ", text ? text : "");
      else
        g_string_append_printf (s->err, "bounce: %s: %s%s\n", s->name, cut ? "" : "warning: ",
                                text ? text : "");
    }
  if (run->summary)
    summary_add_report (run->summary, r);
  if (run->printer->render)
    {
      for (guint i = 0; i < n; i++)
        run->printer->render (s->out, s->name, s->position, bounce_report_get_record (r, i));
      bounce_report_free (r);
    }
  else
    s->report = r;
}

/* Reads and parses one slot's message: on any thread. */
static void
process (Pipeline *p, Slot *s)
{
  GError *error = NULL;
  BounceReport *r = NULL;
  if (s->kind == JOB_FD)
    {
      gsize len = 0;
      gboolean mapped = FALSE;
      const char *what = NULL;
      char what_buf[160];
      const char *data = read_fd (p, s, &len, &mapped, &what, what_buf, sizeof what_buf);
      close (s->fd);
      s->fd = -1;
      if (!data)
        {
          slot_error (s, s->name, what);
          return;
        }
      s->bytes = len;
      r = bounce_parse_bytes (data, len, &p->run->opts, &error);
      if (mapped)
        munmap ((void *) data, len);
    }
  else if (s->kind == JOB_READ)
    {
      s->bytes = s->len;
      r = bounce_parse_bytes (s->buf, s->len, &p->run->opts, &error);
    }
  else if (s->kind == JOB_BYTES)
    {
      s->bytes = s->len;
      r = bounce_parse_bytes (s->data, s->len, &p->run->opts, &error);
      g_clear_pointer (&s->data, g_free);
    }
  if (!r)
    {
      if (s->position)
        {
          char *where = g_strdup_printf ("%s:%u", s->name, s->position);
          slot_error (s, where, error->message);
          g_free (where);
        }
      else
        slot_error (s, s->name, error->message);
      if (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_TOO_LARGE))
        s->too_large = TRUE;
      g_error_free (error);
      return;
    }
  take_report (p, s, r);
}

/* With the lock held: parses the oldest job not yet taken, if any, unlocking
 * while it runs, and marks it done. */
static gboolean
run_one (Pipeline *p)
{
  if (p->claimed >= p->queued)
    return FALSE;
  Slot *s = &p->slots[p->claimed++ % p->n_slots];
  /* an error is done once claimed: a slot is never done (and then written and
   * reused) before the claims have passed it */
  if (s->kind != JOB_ERROR)
    {
      g_mutex_unlock (&p->lock);
      process (p, s);
      g_mutex_lock (&p->lock);
    }
  g_atomic_int_set (&s->done, 1);
  if (p->waiting == s) /* wake the writer only when it waits for this one */
    g_cond_signal (&p->cond);
  return TRUE;
}

static gpointer
worker (gpointer data)
{
  Pipeline *p = data;
  g_mutex_lock (&p->lock);
  for (;;)
    {
      if (run_one (p))
        continue;
      if (p->closing)
        break;
      p->idle++;
      g_cond_wait (&p->work, &p->lock);
      p->idle--;
    }
  g_mutex_unlock (&p->lock);
  return NULL;
}

static void
progress_clear (Pipeline *p)
{
  if (p->progress_shown)
    {
      fputs ("\r\033[K", p->err);
      fflush (p->err);
      p->progress_shown = FALSE;
    }
}

static void
progress_update (Pipeline *p, gboolean force)
{
  Run *run = p->run;
  gint64 now = g_get_monotonic_time ();
  gint64 elapsed = now - run->started;
  if (!force && (elapsed < G_USEC_PER_SEC || now - p->last_progress < G_USEC_PER_SEC / 4))
    return;
  p->last_progress = now;
  double secs = (double) elapsed / G_USEC_PER_SEC;
  guint64 done = run->n_messages + run->n_errors;
  char total[48] = "";
  if (run->n_listed > done)
    g_snprintf (total, sizeof total, " of %" G_GUINT64_FORMAT, run->n_listed);
  int s = (int) secs;
  fprintf (p->err,
           "\rbounce: %" G_GUINT64_FORMAT "%s messages, %" G_GUINT64_FORMAT
           " records, %.0f/s, %.1f MB/s, %d:%02d:%02d\033[K",
           done, total, run->n_records, secs > 0 ? (double) done / secs : 0.0,
           secs > 0 ? (double) run->n_bytes / 1e6 / secs : 0.0, s / 3600, s / 60 % 60, s % 60);
  fflush (p->err);
  p->progress_shown = TRUE;
}

static void
slot_reset (Slot *s)
{
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->data, g_free);
  if (s->out->allocated_len > KEEP_MAX)
    {
      g_string_free (s->out, TRUE);
      s->out = g_string_sized_new (4096);
    }
  else
    g_string_truncate (s->out, 0);
  g_string_truncate (s->err, 0);
  if (s->buf_size > KEEP_MAX)
    {
      g_clear_pointer (&s->buf, g_free);
      s->buf_size = 0;
    }
  s->position = 0;
  s->fd = -1;
  s->len = 0;
  s->too_large = s->parsed = s->failed = s->mark = FALSE;
  s->n_records = 0;
  s->bytes = 0;
  g_atomic_int_set (&s->done, 0);
}

/* Writes one finished slot and frees it for the next job. */
static void
write_slot (Pipeline *p, Slot *s)
{
  Run *run = p->run;
  Printer *printer = run->printer;
  if (s->out->len)
    fwrite (s->out->str, 1, s->out->len, printer->out);
  if (s->report)
    {
      for (guint i = 0; i < s->n_records; i++)
        printer->record (printer, s->name, s->position, bounce_report_get_record (s->report, i));
      g_clear_pointer (&s->report, bounce_report_free);
    }
  if (s->err->len)
    {
      progress_clear (p);
      fwrite (s->err->str, 1, s->err->len, p->err);
    }
  if (s->parsed)
    {
      run->n_messages++;
      run->n_records += s->n_records;
      if (s->n_records == 0)
        run->n_not_bounce++;
    }
  if (s->failed)
    run->n_errors++;
  if (s->mark && s->parsed && !s->failed && !p->mark_failed)
    g_ptr_array_add (p->marks, g_strdup (s->name));
  if (s->too_large)
    run->n_too_large++;
  run->n_bytes += s->bytes;
  slot_reset (s);
  if (run->progress)
    progress_update (p, FALSE);
}

/* --mark: flushes the output, then moves each written message from new/ to cur/
 * with the seen flag (":2,S", or S added to the flags it has), one rename each.
 * When the flush fails (a full disk, a closed pipe) nothing is moved, then or
 * later: a message is marked only once its records are out. */
static void
mark_written (Pipeline *p)
{
  Run *run = p->run;
  if (p->marks->len == 0)
    return;
  if (fflush (run->printer->out) != 0 || ferror (run->printer->out))
    {
      if (!p->mark_failed)
        {
          progress_clear (p);
          fprintf (p->err, "bounce: the records could not be written (%s); no message is marked "
                   "as seen\n", g_strerror (errno));
          run->n_errors++;
        }
      p->mark_failed = TRUE;
      g_ptr_array_set_size (p->marks, 0);
      return;
    }
  for (guint i = 0; i < p->marks->len; i++)
    {
      const char *from = g_ptr_array_index (p->marks, i);
      char *dir = g_path_get_dirname (from);
      char *name = g_path_get_basename (from);
      char *maildir = g_path_get_dirname (dir);
      const char *info = strstr (name, ":2,");
      char *target_name = !info ? g_strconcat (name, ":2,S", NULL)
                          : strchr (info + 3, 'S') ? g_strdup (name)
                                                   : NULL;
      if (!target_name)
        {
          /* the flags stay in ASCII order, as Maildir readers write them */
          GString *t = g_string_new_len (name, info + 3 - name);
          gboolean put = FALSE;
          for (const char *f = info + 3; *f; f++)
            {
              if (!put && *f > 'S')
                {
                  g_string_append_c (t, 'S');
                  put = TRUE;
                }
              g_string_append_c (t, *f);
            }
          if (!put)
            g_string_append_c (t, 'S');
          target_name = g_string_free (t, FALSE);
        }
      char *to = g_build_filename (maildir, "cur", target_name, NULL);
      if (rename (from, to) != 0)
        {
          progress_clear (p);
          fprintf (p->err, "bounce: %s: cannot mark as seen: %s\n", from, g_strerror (errno));
          run->n_errors++;
        }
      g_free (to);
      g_free (target_name);
      g_free (maildir);
      g_free (name);
      g_free (dir);
    }
  g_ptr_array_set_size (p->marks, 0);
}

/* Parses queued jobs until slot s is done; sleeps when all are taken. */
static void
wait_done (Pipeline *p, Slot *s)
{
  if (g_atomic_int_get (&s->done))
    return;
  g_mutex_lock (&p->lock);
  while (!g_atomic_int_get (&s->done))
    if (!run_one (p))
      {
        p->waiting = s;
        g_cond_wait (&p->cond, &p->lock);
        p->waiting = NULL;
      }
  g_mutex_unlock (&p->lock);
}

/* Writes the finished slots in order, waiting for them until no more than keep
 * jobs are left in flight (keep = G_MAXUINT64: no waiting). It waits first for
 * the newest of the slots that must be written, then for any older one still
 * running. */
static void
drain (Pipeline *p, guint64 keep)
{
  if (p->next_in - p->next_out > keep)
    wait_done (p, &p->slots[(p->next_in - keep - 1) % p->n_slots]);
  while (p->next_out < p->next_in)
    {
      Slot *s = &p->slots[p->next_out % p->n_slots];
      if (!g_atomic_int_get (&s->done))
        {
          if (p->next_in - p->next_out <= keep)
            return;
          wait_done (p, s);
        }
      write_slot (p, s);
      p->next_out++;
    }
  if (p->marks->len >= MARK_BATCH)
    mark_written (p);
}

static Slot *
next_slot (Pipeline *p, JobKind kind, const char *name, guint position)
{
  /* a full ring: parse and write until half of it is free */
  if (p->next_in - p->next_out >= p->n_slots)
    drain (p, p->n_slots / 2);
  Slot *s = &p->slots[p->next_in % p->n_slots];
  s->kind = kind;
  s->name = g_strdup (name);
  s->position = position;
  /* a whole file of new/; an mbox's messages are not marked one by one */
  s->mark = p->run->marking && kind != JOB_BYTES && kind != JOB_ERROR;
  return s;
}

static void
submit (Pipeline *p, Slot *s)
{
  p->next_in++;
  if (p->n_threads == 0)
    {
      if (s->kind != JOB_ERROR)
        process (p, s);
      g_atomic_int_set (&s->done, 1);
    }
  else
    {
      g_mutex_lock (&p->lock);
      p->queued = p->next_in;
      if (p->idle)
        g_cond_signal (&p->work);
      g_mutex_unlock (&p->lock);
    }
  drain (p, G_MAXUINT64);
}

void
pipeline_fd (Pipeline *p, const char *name, int fd)
{
  Slot *s = next_slot (p, JOB_FD, name, 0);
  s->fd = fd;
  submit (p, s);
}

/* Do the first bytes of a file start an mbox: a "From " line (with a sender and a
 * date, mbox.c), after a UTF-8 byte order mark if any? A message whose first
 * line is some other "From " line is one message (mime.c skips that line). */
static gboolean
starts_mbox (const char *head, gsize len)
{
  if (len >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    head += 3, len -= 3;
  if (len < 5 || memcmp (head, "From ", 5) != 0)
    return FALSE;
  const char *nl = memchr (head, '\n', MIN (len, 1024));
  gsize n = nl ? (gsize) (nl - head) : MIN (len, 1024);
  if (n && head[n - 1] == '\r')
    n--;
  return mbox_is_from_line (head, n);
}

gboolean
pipeline_file (Pipeline *p, const char *name, int fd)
{
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (gsize) st.st_size >= MAP_FROM)
    {
      /* a stream, or a file to map: the first bytes tell an mbox */
      char head[1024];
      ssize_t n = pread (fd, head, sizeof head, 0);
      if (n > 0 && starts_mbox (head, (gsize) n))
        return FALSE;
      pipeline_fd (p, name, fd);
      return TRUE;
    }
  /* one read, here, instead of one for the first bytes and another in the worker;
   * the slot is taken only when the file is not an mbox */
  Slot *s = next_slot (p, JOB_READ, name, 0);
  if (!read_into_slot (s, fd, (gsize) st.st_size, &s->len))
    {
      s->kind = JOB_ERROR;
      slot_error (s, name, g_strerror (errno));
    }
  else if (starts_mbox (s->buf, s->len))
    {
      g_clear_pointer (&s->name, g_free);
      s->len = 0;
      if (lseek (fd, 0, SEEK_SET) == 0)
        return FALSE;
      s->kind = JOB_ERROR;
      slot_error (s, name, g_strerror (errno));
    }
  else
    {
      gsize max = p->run->opts.max_size;
      if (max && s->len > max)
        {
          char what[160];
          too_large_text (what, sizeof what, s->len, max);
          s->kind = JOB_ERROR;
          slot_error (s, name, what);
          s->too_large = TRUE;
        }
    }
  close (fd);
  submit (p, s);
  return TRUE;
}

void
pipeline_bytes (Pipeline *p, const char *name, guint position, char *data, gsize len)
{
  Slot *s = next_slot (p, JOB_BYTES, name, position);
  s->data = data;
  s->len = len;
  submit (p, s);
}

void
pipeline_error (Pipeline *p, const char *name, const char *what, gboolean too_large)
{
  Slot *s = next_slot (p, JOB_ERROR, name, 0);
  slot_error (s, name, what);
  s->too_large = too_large;
  submit (p, s);
}

Pipeline *
pipeline_new (Run *run)
{
  Pipeline *p = g_new0 (Pipeline, 1);
  p->run = run;
  p->err = run->err ? run->err : stderr;
  p->marks = g_ptr_array_new_with_free_func (g_free);
  guint jobs = run->jobs ? run->jobs : g_get_num_processors ();
  p->n_slots = MAX (jobs, 1) * SLOTS_PER_JOB;
  p->slots = g_new0 (Slot, p->n_slots);
  for (guint i = 0; i < p->n_slots; i++)
    {
      p->slots[i].out = g_string_sized_new (4096);
      p->slots[i].err = g_string_new (NULL);
      p->slots[i].fd = -1;
    }
  g_mutex_init (&p->lock);
  g_cond_init (&p->cond);
  g_cond_init (&p->work);
  p->threads = g_new0 (GThread *, jobs);
  for (guint i = 0; i + 1 < jobs; i++)
    {
      GError *error = NULL;
      GThread *t = g_thread_try_new ("bounce-worker", worker, p, &error);
      if (!t)
        {
          /* fewer threads: parse on those there are */
          fprintf (p->err, "bounce: cannot start %u threads (%s); parsing on %u\n", jobs - 1,
                   error->message, p->n_threads + 1);
          g_error_free (error);
          break;
        }
      p->threads[p->n_threads++] = t;
    }
  return p;
}

void
pipeline_free (Pipeline *p)
{
  drain (p, 0);
  mark_written (p);
  g_ptr_array_free (p->marks, TRUE);
  g_mutex_lock (&p->lock);
  p->closing = TRUE;
  g_cond_broadcast (&p->work);
  g_mutex_unlock (&p->lock);
  for (guint i = 0; i < p->n_threads; i++)
    g_thread_join (p->threads[i]);
  g_free (p->threads);
  if (p->run->progress)
    progress_clear (p);
  for (guint i = 0; i < p->n_slots; i++)
    {
      g_string_free (p->slots[i].out, TRUE);
      g_string_free (p->slots[i].err, TRUE);
      g_free (p->slots[i].buf);
      g_free (p->slots[i].name);
    }
  g_free (p->slots);
  g_mutex_clear (&p->lock);
  g_cond_clear (&p->cond);
  g_cond_clear (&p->work);
  fflush (p->run->printer->out);
  fflush (p->err);
  g_free (p);
}
