/* walk.c: the inputs of a run: stdin, files, mbox files, Maildirs (new/ then cur/,
 * tmp/ skipped) and folders of message files, in a stable sorted order. Nothing
 * that goes wrong with one input stops the others.
 *
 * Every message is handed to the pipeline (pipeline.c) in order. Message files
 * are opened here, so an mbox is told from a single message by its first bytes
 * without a second open; the open descriptor goes to a worker, which reads it.
 * An mbox is split into messages here, on "From " lines, and each message goes to
 * a worker as bytes: at most the pipeline's ring of messages is in memory at once.
 *
 * Folders are listed and sorted one at a time, the names packed in one buffer
 * (about the length of a name plus 5 bytes each: some 6 MB for a Maildir folder of
 * 100 000 messages); --unsorted reads entries in directory order, in memory that
 * does not depend on the size of the folder. */
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

static void
input_error (Run *run, const char *name, const char *what)
{
  pipeline_error (run->pipeline, name, what, FALSE);
}

/* ---- mbox ---- */

typedef struct
{
  Run *run;
  const char *name;
  guint position;
  GByteArray *msg; /* the message being read, NULL before the first "From " line */
  gsize msg_size;  /* its size so far, counted on when it is too large to keep */
} MboxReader;

static void
mbox_append (MboxReader *m, const char *data, gsize len)
{
  if (!m->msg || len == 0)
    return; /* what comes before the first "From " line is not a message */
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
mbox_emit (MboxReader *m)
{
  if (!m->msg)
    return;
  gsize max = m->run->opts.max_size;
  if (max && m->msg_size > max)
    {
      char *where = g_strdup_printf ("%s:%u", m->name, m->position);
      char *what = g_strdup_printf ("message of %" G_GSIZE_FORMAT " bytes is larger than "
                                    "--max-size (%" G_GSIZE_FORMAT " bytes); skipped",
                                    m->msg_size, max);
      pipeline_error (m->run->pipeline, where, what, TRUE);
      g_free (what);
      g_free (where);
      g_byte_array_free (m->msg, TRUE);
    }
  else
    {
      gsize len = m->msg->len;
      pipeline_bytes (m->run->pipeline, m->name, m->position,
                      (char *) g_byte_array_free (m->msg, FALSE), len);
    }
  m->msg = NULL;
  m->msg_size = 0;
}

static void
mbox_start (MboxReader *m)
{
  mbox_emit (m);
  m->position++;
  m->msg = g_byte_array_sized_new (16384);
}

/* The offset of the next line that starts with "From " at or after from, or -1.
 * at_line_start: buf[0] starts a line. */
static gssize
find_from_line (const char *buf, gsize len, gsize from, gboolean at_line_start)
{
  if (from == 0 && at_line_start && len >= 5 && memcmp (buf, "From ", 5) == 0)
    return 0;
  if (len < from + 6)
    return -1;
  const char *hit = memmem (buf + from, len - from, "\nFrom ", 6);
  return hit ? hit - buf + 1 : -1;
}

/* Reads an mbox from fd (taken) and hands its messages over one by one. A message
 * starts at a line beginning with "From " (as GMime and mutt read mboxes); what
 * comes before the first such line is skipped. */
static void
read_mbox_fd (Run *run, const char *name, int fd)
{
  MboxReader m = { run, name, 0, NULL, 0 };
  char *buf = g_malloc (MBOX_CHUNK);
  gsize len = 0;                 /* bytes in buf not yet given to a message */
  gboolean at_line_start = TRUE; /* buf[0] starts a line */
  gboolean eof = FALSE;
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
      gssize at;
      while ((at = find_from_line (buf, len, pos ? pos + 1 : 0, at_line_start)) >= 0)
        {
          mbox_append (&m, buf + pos, (gsize) at - pos);
          mbox_start (&m);
          pos = (gsize) at;
          if (pos == 0)
            {
              /* the "From " line at the very start: search after it */
              at = find_from_line (buf, len, 1, FALSE);
              if (at < 0)
                break;
              mbox_append (&m, buf, (gsize) at);
              mbox_start (&m);
              pos = (gsize) at;
            }
        }
      /* the last line, when shorter than "From ", may be one cut by the chunk:
       * keep it for the next read */
      gsize keep = len;
      if (!eof)
        {
          const char *nl = memrchr (buf + pos, '\n', len - pos);
          gboolean line_start = nl || pos > 0 || at_line_start;
          gsize start = nl ? (gsize) (nl + 1 - buf) : pos;
          if (line_start && len - start < 5)
            keep = start;
        }
      mbox_append (&m, buf + pos, keep - pos);
      gboolean next_line_start = keep < len ? TRUE : len > 0 ? buf[len - 1] == '\n' : at_line_start;
      memmove (buf, buf + keep, len - keep);
      len -= keep;
      at_line_start = next_line_start;
    }
  mbox_emit (&m);
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
  char head[5];
  if (run->force_mbox || (pread (fd, head, sizeof head, 0) == 5 && memcmp (head, "From ", 5) == 0))
    read_mbox_fd (run, path, fd);
  else
    pipeline_fd (run->pipeline, path, fd);
}

/* ---- folders ---- */

/* Entry names of one folder, packed: a type byte (d_type) then the name and a NUL,
 * at offsets kept in a separate array so they can be sorted. */
typedef struct
{
  GByteArray *names;
  GArray *offsets; /* guint32 */
} Listing;

static int
compare_offsets (gconstpointer a, gconstpointer b, gpointer data)
{
  const char *base = data;
  return strcmp (base + *(const guint32 *) a + 1, base + *(const guint32 *) b + 1);
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
  struct dirent *e;
  if (run->unsorted)
    {
      while ((errno = 0, e = readdir (dir)))
        if (e->d_name[0] != '.')
          read_entry (run, path, e->d_name, e->d_type, depth);
      if (errno)
        input_error (run, path, g_strerror (errno));
      closedir (dir);
      return;
    }
  Listing l = { g_byte_array_new (), g_array_new (FALSE, FALSE, sizeof (guint32)) };
  gboolean too_many = FALSE;
  while ((errno = 0, e = readdir (dir)))
    {
      if (e->d_name[0] == '.')
        continue;
      gsize n = strlen (e->d_name);
      if (l.names->len + n + 2 > G_MAXUINT32)
        {
          too_many = TRUE;
          break;
        }
      guint32 off = l.names->len;
      guint8 type = e->d_type;
      g_byte_array_append (l.names, &type, 1);
      g_byte_array_append (l.names, (const guint8 *) e->d_name, (guint) n + 1);
      g_array_append_val (l.offsets, off);
      if (e->d_type != DT_DIR)
        run->n_listed++;
    }
  if (errno)
    input_error (run, path, g_strerror (errno));
  closedir (dir);
  if (too_many)
    input_error (run, path, "too many entries to sort; only the first ones read (try --unsorted)");
  g_array_sort_with_data (l.offsets, compare_offsets, l.names->data);
  for (guint i = 0; i < l.offsets->len; i++)
    {
      const char *entry = (const char *) l.names->data + g_array_index (l.offsets, guint32, i);
      read_entry (run, path, entry + 1, (unsigned char) entry[0], depth);
    }
  g_byte_array_free (l.names, TRUE);
  g_array_free (l.offsets, TRUE);
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
      for (gsize i = 0; i < G_N_ELEMENTS (sub); i++)
        if (is_dir (sub[i]))
          read_folder (run, sub[i], depth);
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
