/* replay.c: runs a harness's LLVMFuzzerTestOneInput over files without libFuzzer, so
 * the seed and regression corpora replay as ordinary tests with any compiler.
 *
 *   fuzz-replay-NAME [-x SUFFIX]... [-s] PATH...
 *
 * A PATH that is a folder is walked recursively in sorted order (hidden entries
 * skipped); -x keeps only the files whose names end with one of the suffixes there
 * (files named on the command line always run). -s: exit 77 (skipped) when no PATH
 * exists, for corpora that may be absent. A crash or a broken invariant aborts with
 * the name of the file on stderr. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"

typedef struct
{
  GPtrArray *suffixes;
  guint n_files;
  double slowest;
  char *slowest_name;
} Replay;

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static void
run_file (Replay *r, const char *path)
{
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "replay: %s: %s\n", path, error->message);
      g_error_free (error);
      exit (2);
    }
  /* named before the run, so a crash is attributed */
  fprintf (stderr, "replay: %s\n", path);
  /* an exact-size copy: g_file_get_contents adds a NUL the harness must not rely on */
  uint8_t *copy = g_malloc (len ? len : 1);
  memcpy (copy, data, len);
  g_free (data);
  double t0 = now ();
  LLVMFuzzerTestOneInput (copy, len);
  double dt = now () - t0;
  g_free (copy);
  r->n_files++;
  if (dt > r->slowest)
    {
      r->slowest = dt;
      g_free (r->slowest_name);
      r->slowest_name = g_strdup (path);
    }
}

static gboolean
wanted (Replay *r, const char *name)
{
  if (r->suffixes->len == 0)
    return TRUE;
  for (guint i = 0; i < r->suffixes->len; i++)
    if (g_str_has_suffix (name, g_ptr_array_index (r->suffixes, i)))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
walk (Replay *r, const char *path, gboolean named)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      fprintf (stderr, "replay: %s: not found\n", path);
      exit (2);
    }
  if (!S_ISDIR (st.st_mode))
    {
      if (named || wanted (r, path))
        run_file (r, path);
      return;
    }
  DIR *dir = opendir (path);
  if (!dir)
    {
      fprintf (stderr, "replay: %s: cannot open\n", path);
      exit (2);
    }
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *e;
  while ((e = readdir (dir)))
    if (e->d_name[0] != '.')
      g_ptr_array_add (names, g_strdup (e->d_name));
  closedir (dir);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      walk (r, child, FALSE);
      g_free (child);
    }
  g_ptr_array_free (names, TRUE);
}

int
main (int argc, char **argv)
{
  Replay r = { g_ptr_array_new (), 0, 0.0, NULL };
  GPtrArray *paths = g_ptr_array_new ();
  gboolean skip_missing = FALSE;
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-x") == 0 && i + 1 < argc)
        g_ptr_array_add (r.suffixes, argv[++i]);
      else if (strcmp (argv[i], "-s") == 0)
        skip_missing = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, "usage: %s [-x SUFFIX]... [-s] PATH...\n", argv[0]);
          return 2;
        }
      else
        g_ptr_array_add (paths, argv[i]);
    }
  /* every harness defines it; libFuzzer calls it before the first input too */
  LLVMFuzzerInitialize (&argc, &argv);
  guint present = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *p = g_ptr_array_index (paths, i);
      if (skip_missing && !g_file_test (p, G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, "replay: %s: absent, skipped\n", p);
          continue;
        }
      present++;
      walk (&r, p, TRUE);
    }
  gboolean skipped = paths->len > 0 && present == 0;
  if (!skipped)
    printf ("replayed %u input(s)", r.n_files);
  if (r.slowest_name)
    printf ("; slowest %.3f s: %s", r.slowest, r.slowest_name);
  if (!skipped)
    printf ("\n");
  g_free (r.slowest_name);
  g_ptr_array_free (r.suffixes, TRUE);
  g_ptr_array_free (paths, TRUE);
  return skipped ? 77 : 0;
}
