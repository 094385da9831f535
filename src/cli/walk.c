/* walk.c: the inputs of a run: stdin, files, mbox files, Maildirs (new/ then cur/,
 * tmp/ skipped) and folders of message files, in a stable sorted order. Nothing
 * that goes wrong with one input stops the others.
 *
 * Every message is handed to the pipeline (pipeline.c) in order. Message files
 * are opened here, and a small one is read here too, with one read into the
 * buffer of the slot it takes, which tells an mbox from a single message by its
 * first bytes; a large file goes to a worker open, which maps it.
 * An mbox is split into messages here, on its "From " lines (mbox.c), and each
 * message goes to a worker as bytes: at most the pipeline's ring of messages is
 * in memory at once.
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

#include "mbox.h"
#include "run.h"

#define MAX_NESTING 32
#define LIST_BATCH 16384

static void
input_error (Run *run, const char *name, const char *what)
{
  pipeline_error (run->pipeline, name, what, FALSE);
}

/* ---- mbox ---- */

/* Where an mbox's messages go: the run, and the mbox's name */
typedef struct
{
  Run *run;
  const char *name;
} MboxTarget;

static void
mbox_message (gpointer user, guint position, char *data, gsize len, gsize size)
{
  const MboxTarget *t = user;
  Run *run = t->run;
  const char *name = t->name;
  if (data)
    {
      pipeline_bytes (run->pipeline, name, position, data, len);
      return;
    }
  char *where = g_strdup_printf ("%s:%u", name, position);
  char what[160];
  too_large_text (what, sizeof what, size, run->opts.max_size);
  pipeline_error (run->pipeline, where, what, TRUE);
  g_free (where);
}

/* Reads an mbox from fd (taken) and hands its messages over one by one
 * (mbox.c). What comes before the first "From " line (but a byte order mark and
 * white space) is not a message: the run says so. */
static void
read_mbox_fd (Run *run, const char *name, int fd)
{
  MboxTarget target = { run, name };
  MboxReader *m = mbox_reader_new (fd, run->opts.max_size, mbox_message, &target);
  int error;
  while (mbox_reader_step (m, &error))
    ;
  if (error)
    input_error (run, name, g_strerror (error));
  gsize before = mbox_reader_before (m);
  if (before)
    {
      char *what = mbox_reader_count (m)
                       ? g_strdup_printf ("text before the first 'From ' line (%zu bytes) is not "
                                          "a message; skipped",
                                          before)
                       : g_strdup ("not an mbox (no 'From ' line); nothing read");
      input_error (run, name, what);
      g_free (what);
    }
  mbox_reader_free (m);
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
