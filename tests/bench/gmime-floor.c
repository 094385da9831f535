/* gmime-floor.c: the floor of the benchmark. Parses every message file of the
 * folders given (a Maildir's new/ and cur/, or the files of a plain folder) with
 * GMime alone, and walks the MIME tree, without decoding anything: what any
 * GMime-based bounce parser pays before it looks at a single part. Prints the
 * number of messages, parts and bytes read. Single-threaded, like --jobs 1. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static guint64 n_messages, n_parts, n_bytes;

static void
count_part (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  (void) parent;
  (void) data;
  GMimeContentType *ct = g_mime_object_get_content_type (part);
  if (ct && g_mime_content_type_get_media_type (ct))
    n_parts++;
}

static void
parse_file (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return;
    }
  gsize len = (gsize) st.st_size, got = 0;
  guint8 *buf = g_malloc (len + 1);
  while (got < len)
    {
      ssize_t n = read (fd, buf + got, len - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  close (fd);
  /* the stream reads the buffer in place, as libbounce does */
  GByteArray *array = g_byte_array_new_take (buf, got);
  GMimeStream *stream = g_mime_stream_mem_new_with_byte_array (array);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
  if (message)
    {
      n_messages++;
      g_mime_message_foreach (message, count_part, NULL);
      g_object_unref (message);
    }
  g_object_unref (parser);
  g_object_unref (stream);
  g_byte_array_free (array, TRUE);
  n_bytes += got;
}

static int
compare (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
parse_folder (const char *path)
{
  DIR *dir = opendir (path);
  if (!dir)
    return;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *e;
  while ((e = readdir (dir)))
    if (e->d_name[0] != '.')
      g_ptr_array_add (names, g_strdup (e->d_name));
  closedir (dir);
  qsort (names->pdata, names->len, sizeof (gpointer), compare);
  for (guint i = 0; i < names->len; i++)
    {
      char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      struct stat st;
      if (stat (file, &st) == 0 && S_ISDIR (st.st_mode))
        parse_folder (file);
      else
        parse_file (file);
      g_free (file);
    }
  g_ptr_array_free (names, TRUE);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: gmime-floor DIR...\n");
      return 2;
    }
  g_mime_init ();
  for (int i = 1; i < argc; i++)
    {
      char *sub[] = { g_build_filename (argv[i], "new", NULL),
                      g_build_filename (argv[i], "cur", NULL) };
      struct stat st;
      gboolean maildir = FALSE;
      for (int j = 0; j < 2; j++)
        if (stat (sub[j], &st) == 0 && S_ISDIR (st.st_mode))
          {
            maildir = TRUE;
            parse_folder (sub[j]);
          }
      if (!maildir)
        parse_folder (argv[i]);
      g_free (sub[0]);
      g_free (sub[1]);
    }
  printf ("%" G_GUINT64_FORMAT " messages, %" G_GUINT64_FORMAT " parts, %" G_GUINT64_FORMAT
          " bytes\n",
          n_messages, n_parts, n_bytes);
  g_mime_shutdown ();
  return 0;
}
