/* walk.c: the inputs of a run: stdin, files, mbox files, Maildirs (cur/ and new/,
 * tmp/ skipped) and folders of message files, in a stable sorted order. Nothing
 * that goes wrong with one input stops the others. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

void
run_error (Run *run, const char *name, const char *what)
{
  fprintf (stderr, "bounce: %s: %s\n", name, what);
  run->n_errors++;
}

void
run_report (Run *run, const char *name, guint position, BounceReport *report)
{
  run->n_messages++;
  guint n = bounce_report_n_records (report);
  if (n == 0)
    {
      run->n_not_bounce++;
      if (run->verbose)
        {
          if (position)
            fprintf (stderr, "bounce: %s:%u: %s\n", name, position, bounce_report_get_verdict (report));
          else
            fprintf (stderr, "bounce: %s: %s\n", name, bounce_report_get_verdict (report));
        }
    }
  if (run->verbose && bounce_report_get_warnings (report))
    fprintf (stderr, "bounce: %s: warning: %s\n", name, bounce_report_get_warnings (report));
  for (guint i = 0; i < n; i++)
    run->printer->record (run->printer, name, position, bounce_report_get_record (report, i));
  run->n_records += n;
}

static gboolean
starts_with_from_line (const char *path)
{
  char head[5];
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  ssize_t n = read (fd, head, sizeof head);
  close (fd);
  return n == 5 && memcmp (head, "From ", 5) == 0;
}

static void
read_mbox (Run *run, const char *path)
{
  GError *error = NULL;
  BounceMbox *mbox = bounce_mbox_open (path, &error);
  if (!mbox)
    {
      run_error (run, path, error->message);
      g_error_free (error);
      return;
    }
  for (;;)
    {
      guint position = 0;
      BounceReport *report = bounce_mbox_next (mbox, &run->opts, &position, &error);
      if (!report && !error)
        break;
      if (!report)
        {
          char *where = g_strdup_printf ("%s:%u", path, position);
          run_error (run, where, error->message);
          g_free (where);
          g_clear_error (&error);
          continue;
        }
      run_report (run, path, position, report);
      bounce_report_free (report);
    }
  bounce_mbox_close (mbox);
}

static void
read_file (Run *run, const char *path)
{
  if (run->force_mbox || starts_with_from_line (path))
    {
      read_mbox (run, path);
      return;
    }
  GError *error = NULL;
  BounceReport *report = bounce_parse_file (path, &run->opts, &error);
  if (!report)
    {
      run_error (run, path, error->message);
      g_error_free (error);
      return;
    }
  run_report (run, path, 0, report);
  bounce_report_free (report);
}

static void
read_stdin (Run *run)
{
  GError *error = NULL;
  BounceReport *report = bounce_parse_fd (0, &run->opts, &error);
  if (!report)
    {
      run_error (run, "-", error->message);
      g_error_free (error);
      return;
    }
  run_report (run, "-", 0, report);
  bounce_report_free (report);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Sorted entry names of a folder, hidden ones skipped; NULL when unreadable. */
static GPtrArray *
list_dir (Run *run, const char *path)
{
  GError *error = NULL;
  GDir *dir = g_dir_open (path, 0, &error);
  if (!dir)
    {
      run_error (run, path, error->message);
      g_error_free (error);
      return NULL;
    }
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
is_dir (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

static void read_dir (Run *run, const char *path, guint depth);

static void
read_entry (Run *run, const char *path, guint depth)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      run_error (run, path, g_strerror (errno));
      return;
    }
  if (S_ISDIR (st.st_mode))
    read_dir (run, path, depth + 1);
  else if (S_ISREG (st.st_mode))
    read_file (run, path);
}

static void
read_dir (Run *run, const char *path, guint depth)
{
  if (depth > 32)
    {
      run_error (run, path, "folders nested too deep; skipped");
      return;
    }
  char *cur = g_build_filename (path, "cur", NULL);
  char *new = g_build_filename (path, "new", NULL);
  gboolean maildir = is_dir (cur) || is_dir (new);
  if (maildir)
    {
      const char *sub[] = { new, cur };
      for (gsize i = 0; i < G_N_ELEMENTS (sub); i++)
        {
          if (!is_dir (sub[i]))
            continue;
          GPtrArray *names = list_dir (run, sub[i]);
          for (guint j = 0; names && j < names->len; j++)
            {
              char *file = g_build_filename (sub[i], g_ptr_array_index (names, j), NULL);
              read_entry (run, file, depth);
              g_free (file);
            }
          if (names)
            g_ptr_array_free (names, TRUE);
        }
    }
  else
    {
      GPtrArray *names = list_dir (run, path);
      for (guint j = 0; names && j < names->len; j++)
        {
          char *file = g_build_filename (path, g_ptr_array_index (names, j), NULL);
          read_entry (run, file, depth);
          g_free (file);
        }
      if (names)
        g_ptr_array_free (names, TRUE);
    }
  g_free (cur);
  g_free (new);
}

void
run_input (Run *run, const char *path)
{
  if (strcmp (path, "-") == 0)
    {
      read_stdin (run);
      return;
    }
  struct stat st;
  if (stat (path, &st) != 0)
    {
      run_error (run, path, g_strerror (errno));
      return;
    }
  if (S_ISDIR (st.st_mode))
    read_dir (run, path, 0);
  else
    read_file (run, path);
}
