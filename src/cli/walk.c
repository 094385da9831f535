/* walk.c: the inputs of a run: stdin, files, mbox files, Maildirs (new/ then cur/,
 * tmp/ skipped) and folders of message files, in a stable sorted order. Nothing
 * that goes wrong with one input stops the others.
 *
 * Every message is handed to the pipeline (pipeline.c) in order. Message files
 * are opened here, and a small one is read here too, with one read into the
 * buffer of the slot it takes, which tells an mbox from a single message by its
 * first bytes; a large file goes to a worker open, which maps it.
 * An mbox is split into messages here, on "From " lines, and each message goes to
 * a worker as bytes: at most the pipeline's ring of messages is in memory at once.
 *
 * The entries of a folder are read in sorted order, in batches of at most
 * LIST_BATCH names: each pass over the folder keeps the smallest names after the
 * last one read, so memory does not grow with the size of the folder (about 1 MB
 * at most per folder being read), at the price of one more pass over the folder
 * per batch (some 40 ms for 100 000 entries). --unsorted reads entries in
 * directory order in one pass. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

#define MAX_NESTING 32
#define MBOX_CHUNK (256 * 1024)
#define LIST_BATCH 16384

static void
input_error (Run *run, const char *name, const char *what)
{
  pipeline_error (run->pipeline, name, what, FALSE);
}

/* ---- mbox ---- */

/* A message starts at a "From " line (mbox(5), RFC 4155 § 2): "From ", the
 * envelope sender, then the date, as asctime(3) writes it ("Sun Dec  6 09:00:00
 * 2026", with or without a zone) or in ISO 8601; Thunderbird writes "From - "
 * and the date. A line of a body that starts with "From " but has no such date
 * ("From the desk of ...") does not start a message, whether or not the writer
 * quoted it (">From ").
 *
 * A message with a Content-Length field (mboxcl, mboxcl2, as mutt writes them)
 * keeps the "From " lines of its body when its length is right: when the next
 * "From " line, or the end of the mbox, comes right after that many octets of
 * body (and a blank line). A wrong length is not believed. */

#define FROM_LINE_MAX 1024

static gboolean
month_at (const char *p, const char *end)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (end - p < 3 || (end - p > 3 && g_ascii_isalpha (p[3])))
    return FALSE;
  for (const char *m = months; *m; m += 3)
    if (g_ascii_strncasecmp (p, m, 3) == 0)
      return TRUE;
  return FALSE;
}

/* Is line[0, n) (without its line end) an mbox "From " line? */
static gboolean
is_from_line (const char *line, gsize n)
{
  if (n < 5 || memcmp (line, "From ", 5) != 0)
    return FALSE;
  const char *p = line + 5, *end = line + n;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  const char *sender = p;
  while (p < end && *p != ' ' && *p != '\t')
    p++;
  if (p == sender || p == end)
    return FALSE;
  /* the date: a time of day, and a month name or an ISO 8601 date */
  gboolean time = FALSE, date = FALSE;
  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p) && end - p >= 4 && p[1] == ':' && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]))
        time = TRUE;
      else if (g_ascii_isdigit (*p) && end - p >= 5 && g_ascii_isdigit (p[1]) && p[2] == ':'
               && g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[4]))
        time = TRUE;
      else if ((p[-1] == ' ' || p[-1] == '\t') && month_at (p, end))
        date = TRUE;
      else if (end - p >= 10 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[3]) && p[4] == '-'
               && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && p[7] == '-'
               && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
        date = TRUE;
    }
  return time && date;
}

typedef struct
{
  Run *run;
  const char *name;
  guint position;
  GByteArray *msg; /* the message being read, NULL before the first "From " line */
  gsize msg_size;  /* its size so far, counted on when it is too large to keep */
  gboolean head_read;   /* its header block was read for Content-Length */
  gsize body_end;       /* then: where its body ends by Content-Length; 0: none */
  GArray *held;         /* offsets of "From " lines kept in its body by Content-Length */
  gsize before;         /* octets before the first "From " line that are not white space */
} MboxReader;

static void
mbox_append (MboxReader *m, const char *data, gsize len)
{
  if (!m->msg)
    {
      /* what comes before the first "From " line is not a message */
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace (data[i]))
          m->before++;
      return;
    }
  if (len == 0)
    return;
  gsize max = m->run->opts.max_size;
  m->msg_size += len;
  if (max && m->msg_size > max)
    {
      /* too large: counted on, not kept */
      if (m->msg->len)
        g_byte_array_set_size (m->msg, 0);
      return;
    }
  g_byte_array_append (m->msg, (const guint8 *) data, (guint) len);
}

static void
mbox_give (MboxReader *m, char *data, gsize len, gsize size)
{
  gsize max = m->run->opts.max_size;
  if (max && size > max)
    {
      char *where = g_strdup_printf ("%s:%u", m->name, m->position);
      char what[160];
      too_large_text (what, sizeof what, size, max);
      pipeline_error (m->run->pipeline, where, what, TRUE);
      g_free (where);
      g_free (data);
    }
  else
    pipeline_bytes (m->run->pipeline, m->name, m->position, data, len);
}

/* The message read so far ends: it goes to the pipeline, split at its held
 * "From " lines when its Content-Length was wrong (split) */
static void
mbox_emit (MboxReader *m, gboolean split)
{
  if (!m->msg)
    return;
  gsize from = 0;
  if (split && m->held && m->held->len && m->msg->len == m->msg_size)
    for (guint i = 0; i < m->held->len; i++)
      {
        gsize at = g_array_index (m->held, gsize, i);
        mbox_give (m, g_memdup2 (m->msg->data + from, at - from), at - from, at - from);
        m->position++;
        from = at;
      }
  gsize len = m->msg->len - from;
  char *data = (char *) g_byte_array_free (m->msg, FALSE);
  if (from)
    memmove (data, data + from, len);
  mbox_give (m, data, len, m->msg_size - from);
  m->msg = NULL;
  m->msg_size = 0;
  m->head_read = FALSE;
  m->body_end = 0;
  if (m->held)
    g_array_set_size (m->held, 0);
}

/* Reads the Content-Length of the message's header block, once the block is whole */
static void
mbox_read_head (MboxReader *m)
{
  if (m->head_read || m->msg->len != m->msg_size)
    return;
  const char *d = (const char *) m->msg->data, *end = d + m->msg->len;
  const char *line = memchr (d, '\n', m->msg->len); /* after the "From " line */
  gsize length = 0;
  gboolean have = FALSE;
  while (line && ++line < end)
    {
      if (*line == '\n' || (*line == '\r' && line + 1 < end && line[1] == '\n'))
        {
          const char *body = line + (*line == '\r' ? 2 : 1);
          m->head_read = TRUE;
          if (have)
            m->body_end = (gsize) (body - d) + length;
          return;
        }
      if (end - line > 15 && g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        {
          const char *p = line + 15;
          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
          have = p < end && g_ascii_isdigit (*p);
          for (length = 0; p < end && g_ascii_isdigit (*p) && length < G_MAXSIZE / 20; p++)
            length = length * 10 + (gsize) (*p - '0');
        }
      line = memchr (line, '\n', (gsize) (end - line));
    }
}

/* Does the message end at its size so far by its Content-Length (then a blank
 * line, LF or CRLF, may follow)? */
static gboolean
mbox_length_right (MboxReader *m)
{
  return m->body_end && m->msg_size >= m->body_end && m->msg_size <= m->body_end + 2;
}

/* A "From " line comes: it starts the next message, unless it is in the body
 * of the one being read by its Content-Length */
static void
mbox_start (MboxReader *m)
{
  if (m->msg)
    {
      mbox_read_head (m);
      if (m->body_end && m->msg_size < m->body_end)
        {
          if (!m->held)
            m->held = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_array_append_val (m->held, m->msg_size);
          return;
        }
      mbox_emit (m, !mbox_length_right (m));
    }
  m->position++;
  m->msg = g_byte_array_sized_new (16384);
}

/* The offset of the next "From " line at or after from, or -1. at_line_start:
 * buf[0] starts a line. A line that starts with "From " but ends past the buffer
 * is not read yet: *wait is then its offset (else len). */
static gssize
find_from_line (const char *buf, gsize len, gsize from, gboolean at_line_start, gboolean eof,
                gsize *wait)
{
  *wait = len;
  for (;;)
    {
      gsize at;
      if (from == 0 && at_line_start && len >= 5 && memcmp (buf, "From ", 5) == 0)
        at = 0;
      else
        {
          gsize f = from ? from - 1 : 0;
          if (len < f + 6)
            return -1;
          const char *hit = memmem (buf + f, len - f, "\nFrom ", 6);
          if (!hit)
            return -1;
          at = (gsize) (hit - buf) + 1;
        }
      gsize room = MIN (len - at, FROM_LINE_MAX);
      const char *nl = memchr (buf + at, '\n', room);
      if (!nl && !eof && room < FROM_LINE_MAX)
        {
          *wait = at;
          return -1;
        }
      gsize n = nl ? (gsize) (nl - (buf + at)) : room;
      if (n && buf[at + n - 1] == '\r')
        n--;
      if (is_from_line (buf + at, n))
        return (gssize) at;
      from = at + 1;
    }
}

/* Reads an mbox from fd (taken) and hands its messages over one by one. What
 * comes before the first "From " line (but a byte order mark and white space)
 * is not a message: the run says so. */
static void
read_mbox_fd (Run *run, const char *name, int fd)
{
  MboxReader m = { run, name, 0, NULL, 0, FALSE, 0, NULL, 0 };
  char *buf = g_malloc (MBOX_CHUNK);
  gsize len = 0;                 /* bytes in buf not yet given to a message */
  gboolean at_line_start = TRUE; /* buf[0] starts a line */
  gboolean eof = FALSE, first = TRUE;
  while (!eof)
    {
      ssize_t n = read (fd, buf + len, MBOX_CHUNK - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          input_error (run, name, g_strerror (errno));
          break;
        }
      eof = n == 0;
      len += (gsize) n;
      gsize pos = 0; /* buf[0, pos) is given to messages */
      if (first && (len >= 3 || eof))
        {
          /* a UTF-8 byte order mark, as some Windows tools write one */
          first = FALSE;
          if (len >= 3 && memcmp (buf, "\xef\xbb\xbf", 3) == 0)
            {
              memmove (buf, buf + 3, len - 3);
              len -= 3;
            }
        }
      else if (first)
        continue;
      gssize at;
      gsize wait;
      while ((at = find_from_line (buf, len, pos ? pos + 1 : 0, at_line_start, eof, &wait)) >= 0)
        {
          mbox_append (&m, buf + pos, (gsize) at - pos);
          mbox_start (&m);
          pos = (gsize) at;
          if (pos == 0)
            {
              /* the "From " line at the very start: search after it */
              at = find_from_line (buf, len, 1, FALSE, eof, &wait);
              if (at < 0)
                break;
              mbox_append (&m, buf, (gsize) at);
              mbox_start (&m);
              pos = (gsize) at;
            }
        }
      /* a line that starts with "From " and ends in the next read, or a last line
       * too short to tell, stays for the next read */
      gsize keep = len;
      if (!eof)
        {
          const char *nl = memrchr (buf + pos, '\n', len - pos);
          gboolean line_start = nl || pos > 0 || at_line_start;
          gsize start = nl ? (gsize) (nl + 1 - buf) : pos;
          if (line_start && len - start < 5)
            keep = start;
          if (wait > pos && wait < keep)
            keep = wait;
        }
      mbox_append (&m, buf + pos, keep - pos);
      gboolean next_line_start = keep < len ? TRUE : len > 0 ? buf[len - 1] == '\n' : at_line_start;
      memmove (buf, buf + keep, len - keep);
      len -= keep;
      at_line_start = next_line_start;
    }
  /* at the end, a held "From " line stands when the length is right or the
   * message was cut short of its last line end */
  if (m.msg)
    {
      mbox_read_head (&m);
      gboolean right = mbox_length_right (&m) || (m.body_end && m.msg_size + 1 == m.body_end);
      mbox_emit (&m, !right);
    }
  if (m.before)
    {
      char *what = m.position ? g_strdup_printf ("text before the first 'From ' line (%zu bytes) "
                                                 "is not a message; skipped",
                                                 m.before)
                              : g_strdup ("not an mbox (no 'From ' line); nothing read");
      input_error (run, name, what);
      g_free (what);
    }
  if (m.held)
    g_array_free (m.held, TRUE);
  g_free (buf);
  close (fd);
}

/* ---- files ---- */

static void
read_file (Run *run, const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      input_error (run, path, g_strerror (errno));
      return;
    }
  if (run->force_mbox || !pipeline_file (run->pipeline, path, fd))
    read_mbox_fd (run, path, fd);
}

/* ---- folders ---- */

/* A batch of entries: the type byte (d_type) then the name, one allocation
 * each, in a heap with the largest name on top while the folder is read. */
static int
entry_cmp (const char *a, const char *b)
{
  return strcmp (a + 1, b + 1);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  return entry_cmp (*(char *const *) a, *(char *const *) b);
}

static void
heap_sift_down (char **h, guint n, guint i)
{
  for (;;)
    {
      guint big = i, l = 2 * i + 1, r = l + 1;
      if (l < n && entry_cmp (h[l], h[big]) > 0)
        big = l;
      if (r < n && entry_cmp (h[r], h[big]) > 0)
        big = r;
      if (big == i)
        return;
      char *t = h[i];
      h[i] = h[big];
      h[big] = t;
      i = big;
    }
}

static void
heap_push (GPtrArray *heap, char *entry)
{
  g_ptr_array_add (heap, entry);
  char **h = (char **) heap->pdata;
  for (guint i = heap->len - 1; i > 0 && entry_cmp (h[(i - 1) / 2], h[i]) < 0; i = (i - 1) / 2)
    {
      char *t = h[i];
      h[i] = h[(i - 1) / 2];
      h[(i - 1) / 2] = t;
    }
}

static char *
entry_new (const struct dirent *e)
{
  gsize n = strlen (e->d_name);
  char *entry = g_malloc (n + 2);
  entry[0] = (char) e->d_type;
  memcpy (entry + 1, e->d_name, n + 1);
  return entry;
}

static gboolean
is_dir (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

static void read_dir (Run *run, const char *path, guint depth);

static void
read_entry (Run *run, const char *dir, const char *name, unsigned char type, guint depth)
{
  char *path = g_build_filename (dir, name, NULL);
  if (type == DT_UNKNOWN || type == DT_LNK)
    {
      struct stat st;
      if (stat (path, &st) != 0)
        {
          input_error (run, path, g_strerror (errno));
          g_free (path);
          return;
        }
      type = S_ISDIR (st.st_mode) ? DT_DIR : S_ISREG (st.st_mode) ? DT_REG : DT_UNKNOWN;
    }
  if (type == DT_DIR)
    read_dir (run, path, depth + 1);
  else if (type == DT_REG)
    read_file (run, path);
  g_free (path);
}

/* One pass over a sorted folder: it keeps in a heap the batch smallest names after
 * last, and can be taken a few entries at a time. */
typedef struct
{
  DIR *dir;
  GPtrArray *heap;
  guint batch;
  const char *last; /* the largest entry of the batches read before; NULL: none */
  gboolean first;   /* the first pass, which counts the entries */
  gboolean more;    /* names after last were left out of the heap */
  gboolean done;    /* the end of the folder was reached */
  int error;        /* errno of a failed read, reported when the pass is done */
  guint n_seen;     /* entries counted by the first pass */
} ListPass;

/* Reads at most n more entries of the pass. */
static void
list_step (Run *run, ListPass *p, guint n)
{
  for (; n > 0 && !p->done; n--)
    {
      errno = 0;
      struct dirent *e = readdir (p->dir);
      if (!e)
        {
          p->error = errno;
          p->done = TRUE;
          break;
        }
      if (e->d_name[0] == '.')
        continue;
      if (p->first)
        {
          p->n_seen++;
          if (e->d_type != DT_DIR)
            run->n_listed++;
        }
      if (p->last && strcmp (e->d_name, p->last + 1) <= 0)
        continue;
      if (p->heap->len < p->batch)
        heap_push (p->heap, entry_new (e));
      else
        {
          p->more = TRUE;
          char **h = (char **) p->heap->pdata;
          if (strcmp (e->d_name, h[0] + 1) < 0)
            {
              g_free (h[0]);
              h[0] = entry_new (e);
              heap_sift_down (h, p->heap->len, 0);
            }
        }
    }
}

/* Entries of the next pass read per entry handed over from the current batch,
 * once the end of the batch is near enough for the pass to end with it: the next
 * batch is listed while the messages of this one are parsed, not between them. */
#define LIST_STEP 128

static void
hand_over (Run *run, const char *path, char *entry, const char *last, guint depth)
{
  read_entry (run, path, entry + 1, (unsigned char) entry[0], depth);
  if (entry != last)
    g_free (entry);
}

/* Reads every entry of one folder, sorted by name unless --unsorted. */
static void
read_folder (Run *run, const char *path, guint depth)
{
  DIR *dir = opendir (path);
  if (!dir)
    {
      input_error (run, path, g_strerror (errno));
      return;
    }
  if (run->unsorted)
    {
      struct dirent *e;
      while ((errno = 0, e = readdir (dir)))
        if (e->d_name[0] != '.')
          read_entry (run, path, e->d_name, e->d_type, depth);
      if (errno)
        input_error (run, path, g_strerror (errno));
      closedir (dir);
      return;
    }
  guint batch = run->list_batch ? run->list_batch : LIST_BATCH;
  ListPass pass = { .dir = dir, .heap = g_ptr_array_sized_new (batch), .batch = batch,
                    .first = TRUE };
  char *last = NULL; /* the largest entry of the batches read so far */
  for (;;)
    {
      list_step (run, &pass, G_MAXUINT);
      closedir (pass.dir);
      pass.dir = NULL;
      gboolean more = pass.more;
      if (pass.error)
        {
          input_error (run, path, g_strerror (pass.error));
          more = FALSE;
        }
      g_ptr_array_sort (pass.heap, compare_entries);
      guint n = pass.heap->len;
      char **cur = (char **) g_ptr_array_free (pass.heap, FALSE);
      pass.heap = NULL;
      if (n)
        {
          g_free (last);
          last = cur[n - 1];
        }
      /* the next pass, begun before the end of this batch is handed over */
      int open_error = 0;
      if (more && !(pass.dir = opendir (path)))
        open_error = errno;
      pass.last = last;
      pass.first = pass.more = pass.done = FALSE;
      pass.error = 0;
      guint start = n;
      if (pass.dir)
        start = pass.n_seen / LIST_STEP >= n ? 0 : n - pass.n_seen / LIST_STEP;
      for (guint i = 0; i < start; i++)
        hand_over (run, path, cur[i], last, depth);
      if (pass.dir)
        {
          /* the rest of the batch moves to an array of its size, so that the
           * array of the next pass's heap takes the place of this one's */
          guint rest = n - start;
          char **tail = g_new (char *, MAX (rest, 1));
          memcpy (tail, cur + start, rest * sizeof *cur);
          g_free (cur);
          cur = tail;
          pass.heap = g_ptr_array_sized_new (batch);
          for (guint i = 0; i < rest; i++)
            {
              list_step (run, &pass, LIST_STEP);
              hand_over (run, path, cur[i], last, depth);
            }
        }
      g_free (cur);
      if (open_error)
        input_error (run, path, g_strerror (open_error));
      if (!pass.dir)
        break;
    }
  g_free (last);
}

static void
read_dir (Run *run, const char *path, guint depth)
{
  if (depth > MAX_NESTING)
    {
      input_error (run, path, "folders nested too deep; skipped");
      return;
    }
  char *sub[] = { g_build_filename (path, "new", NULL), g_build_filename (path, "cur", NULL) };
  gboolean maildir = is_dir (sub[0]) || is_dir (sub[1]);
  if (maildir)
    {
      /* --mark: new/ and cur/ must take the renames; else the Maildir is read
       * as it is, nothing moved, and the run says so */
      gboolean mark = run->mark && is_dir (sub[0]);
      if (mark && (access (sub[0], W_OK) != 0 || !is_dir (sub[1]) || access (sub[1], W_OK) != 0))
        {
          char *what = g_strdup_printf ("cannot mark messages as seen (%s); they are read and "
                                        "left in new/",
                                        is_dir (sub[1]) ? g_strerror (errno) : "no cur/ folder");
          input_error (run, path, what);
          g_free (what);
          mark = FALSE;
        }
      /* --new-only: the messages not yet seen by a mail reader. Marking moves
       * messages of new/ into cur/: then cur/ is read first, so that a message
       * moved during the run is not read a second time there */
      gsize order[2] = { 0, 1 };
      if (mark && !run->new_only)
        order[0] = 1, order[1] = 0;
      for (gsize k = 0; k < (run->new_only ? 1 : G_N_ELEMENTS (sub)); k++)
        {
          gsize i = order[k];
          if (!is_dir (sub[i]))
            continue;
          run->marking = mark && i == 0;
          read_folder (run, sub[i], depth);
          run->marking = FALSE;
        }
    }
  else
    read_folder (run, path, depth);
  g_free (sub[0]);
  g_free (sub[1]);
}

/* ---- a run ---- */

void
run_begin (Run *run)
{
  run->started = g_get_monotonic_time ();
  run->pipeline = pipeline_new (run);
}

void
run_end (Run *run)
{
  pipeline_free (run->pipeline);
  run->pipeline = NULL;
  if (run->summary)
    summary_set_totals (run->summary, run->n_messages, run->n_not_bounce, run->n_errors,
                        run->n_too_large, run->n_bytes,
                        (double) (g_get_monotonic_time () - run->started) / G_USEC_PER_SEC);
}

void
run_input (Run *run, const char *path)
{
  if (strcmp (path, "-") == 0)
    {
      int fd = dup (0);
      if (fd < 0)
        input_error (run, "-", g_strerror (errno));
      else if (run->force_mbox)
        read_mbox_fd (run, "-", fd);
      else
        pipeline_fd (run->pipeline, "-", fd);
      return;
    }
  struct stat st;
  if (stat (path, &st) != 0)
    {
      input_error (run, path, g_strerror (errno));
      return;
    }
  if (S_ISDIR (st.st_mode))
    read_dir (run, path, 0);
  else
    {
      run->n_listed++;
      read_file (run, path);
    }
}
