/* main.c: the `bounce` command: options, `explain`, and exit status.
 * 0: the run completed; 1: some input could not be read; 2: usage error. */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

static const char usage_text[] =
    "Usage: bounce [OPTION]... [FILE|DIR|-]...\n"
    "       bounce explain [--format json|text] CODE...\n"
    "       bounce explain --all [--format json|text]\n"
    "\n"
    "Read email bounces and print one classification record per failed recipient.\n"
    "\n"
    "Inputs: with no input, or '-', one message is read from standard input. A FILE\n"
    "is one message, or an mbox when it starts with a 'From ' line. A DIR is read as\n"
    "a Maildir (new/ and cur/; tmp/ is skipped) when it has one of those folders, else\n"
    "every file below it is read, in sorted order. Hidden files are skipped.\n"
    "Messages are parsed in parallel (--jobs); records are written in input order as\n"
    "they are ready, with a bounded number of messages in memory, so any number of\n"
    "messages can be read. An mbox is split on its 'From ' lines and its messages\n"
    "are parsed in parallel too.\n"
    "\n"
    "Options:\n"
    "  -f, --format=FORMAT   json (JSON Lines, one object per recipient; the default)\n"
    "                        or text (an aligned table)\n"
    "      --mbox            read every FILE as an mbox, whatever its first line\n"
    "      --no-text         use delivery-status parts only, no free-text detectors\n"
    "      --max-size=BYTES  skip messages larger than BYTES (suffixes K, M, G),\n"
    "                        with an error line naming them; default 64M, 0 for no\n"
    "                        limit\n"
    "  -j, --jobs=N          parse on N threads; default: one per processor. The\n"
    "                        output is the same, in the same order, for any N\n"
    "      --unsorted        read folders in directory order instead of sorted by\n"
    "                        name, in one pass (sorted, a folder is read once more\n"
    "                        for every 16384 names past the first)\n"
    "      --summary[=FORMAT]\n"
    "                        at the end, print counts to stderr: messages, records\n"
    "                        by bounce type and by reason, the top remote hosts\n"
    "                        and recipient domains; FORMAT text (an aligned table,\n"
    "                        the default) or json (one object on one line)\n"
    "      --progress        show a progress line on stderr (messages done, rate,\n"
    "                        elapsed time); the default when stderr is a terminal\n"
    "      --no-progress     never show the progress line\n"
    "  -v, --verbose         say on stderr why a message gave no record, and what was\n"
    "                        odd about it\n"
    "  -h, --help            show this help and exit\n"
    "  -V, --version         show the version and exit\n"
    "\n"
    "Each JSON record has: file, position (in an mbox), recipient, original_recipient,\n"
    "action, status, reply_code, diagnostic_type, diagnostic, remote_mta, last_attempt,\n"
    "will_retry_until, reason, bounce (hard|soft|block|none), hard_bounce, class,\n"
    "subject, description, source, feedback_type, reporting_mta, arrival_date,\n"
    "message_id, date, from, message_subject, original_message_id, original_from,\n"
    "original_to, original_subject, command. Absent values are omitted.\n"
    "\n"
    "explain prints the classification of status codes: enhanced (5.7.26), SMTP reply\n"
    "codes (550) and vendor forms (571 for 5.7.1, 911); --all prints the whole table.\n"
    "\n"
    "Errors go to stderr, one line each, naming the input (FILE:POSITION for a\n"
    "message of an mbox), in input order; the run goes on. Standard output carries\n"
    "records only; the progress line and --summary go to stderr.\n"
    "Exit status: 0 when the run completed, 1 when some input could not be read,\n"
    "2 for a usage error.\n";

static void
usage_error (const char *fmt, const char *arg)
{
  fprintf (stderr, "bounce: ");
  fprintf (stderr, fmt, arg);
  fprintf (stderr, "\nTry 'bounce --help' for more information.\n");
  exit (2);
}

static gboolean
parse_size (const char *s, gsize *out)
{
  char *end;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  if (end == s)
    return FALSE;
  guint64 mult = 1;
  switch (g_ascii_toupper (*end))
    {
    case '\0':
      break;
    case 'K':
      mult = 1024;
      end++;
      break;
    case 'M':
      mult = 1024 * 1024;
      end++;
      break;
    case 'G':
      mult = 1024 * 1024 * 1024;
      end++;
      break;
    default:
      return FALSE;
    }
  if (*end && !(g_ascii_toupper (*end) == 'B' && end[1] == '\0'))
    return FALSE;
  *out = (gsize) (v * mult);
  return TRUE;
}

static Printer *
make_printer (const char *format)
{
  if (!format || strcmp (format, "json") == 0)
    return printer_json_new (stdout);
  if (strcmp (format, "text") == 0)
    return printer_text_new (stdout);
  usage_error ("unknown format '%s' (json or text)", format);
  return NULL;
}

static void
print_code (const BounceCode *code, gpointer data)
{
  Printer *p = data;
  p->code (p, code);
}

static int
explain (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "all", no_argument, NULL, 'a' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *format = "text";
  gboolean all = FALSE;
  int c;
  optind = 1;
  while ((c = getopt_long (argc, argv, "f:ah", longopts, NULL)) != -1)
    switch (c)
      {
      case 'f':
        format = optarg;
        break;
      case 'a':
        all = TRUE;
        break;
      case 'h':
        fputs (usage_text, stdout);
        return 0;
      default:
        usage_error ("%s", "invalid option for explain");
      }
  if (!all && optind >= argc)
    usage_error ("%s", "explain needs a CODE or --all");
  Printer *p = make_printer (format);
  int status = 0;
  if (all)
    bounce_code_foreach (print_code, p);
  for (int i = optind; i < argc; i++)
    {
      BounceCode code;
      if (bounce_code_lookup (argv[i], &code))
        p->code (p, &code);
      else
        {
          fprintf (stderr, "bounce: %s: not a status code (expected X.Y.Z or three digits)\n",
                   argv[i]);
          status = 1;
        }
    }
  p->finish (p);
  return status;
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "explain") == 0)
    return explain (argc - 1, argv + 1);

  enum
  {
    OPT_MBOX = 256,
    OPT_NO_TEXT,
    OPT_MAX_SIZE,
    OPT_UNSORTED,
    OPT_SUMMARY,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
  };
  static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "mbox", no_argument, NULL, OPT_MBOX },
    { "no-text", no_argument, NULL, OPT_NO_TEXT },
    { "max-size", required_argument, NULL, OPT_MAX_SIZE },
    { "jobs", required_argument, NULL, 'j' },
    { "unsorted", no_argument, NULL, OPT_UNSORTED },
    { "summary", optional_argument, NULL, OPT_SUMMARY },
    { "progress", no_argument, NULL, OPT_PROGRESS },
    { "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  Run run = { 0 };
  run.opts.max_size = 64 * 1024 * 1024;
  const char *format = "json";
  const char *summary = NULL;
  int progress = -1; /* -1: when stderr is a terminal */
  int c;
  while ((c = getopt_long (argc, argv, "f:j:vhV", longopts, NULL)) != -1)
    switch (c)
      {
      case 'f':
        format = optarg;
        break;
      case OPT_MBOX:
        run.force_mbox = TRUE;
        break;
      case OPT_NO_TEXT:
        run.opts.no_text = TRUE;
        break;
      case OPT_MAX_SIZE:
        if (!parse_size (optarg, &run.opts.max_size))
          usage_error ("invalid size '%s'", optarg);
        break;
      case 'j':
        {
          char *end;
          guint64 n = g_ascii_strtoull (optarg, &end, 10);
          if (end == optarg || *end || n < 1 || n > 1024)
            usage_error ("invalid number of jobs '%s' (1 to 1024)", optarg);
          run.jobs = (guint) n;
          break;
        }
      case OPT_UNSORTED:
        run.unsorted = TRUE;
        break;
      case OPT_SUMMARY:
        summary = optarg ? optarg : "text";
        if (strcmp (summary, "text") != 0 && strcmp (summary, "json") != 0)
          usage_error ("unknown summary format '%s' (text or json)", summary);
        break;
      case OPT_PROGRESS:
        progress = 1;
        break;
      case OPT_NO_PROGRESS:
        progress = 0;
        break;
      case 'v':
        run.verbose = TRUE;
        break;
      case 'h':
        fputs (usage_text, stdout);
        return 0;
      case 'V':
        printf ("bounce %s (record schema %d)\n", BOUNCE_VERSION, BOUNCE_SCHEMA_VERSION);
        return 0;
      default:
        fprintf (stderr, "Try 'bounce --help' for more information.\n");
        return 2;
      }
  /* the command is GMime's only user here: returned messages are parsed as far as
   * the reports need them */
  bounce_read_returned_lazily ();
  /* records leave in 64 KB writes when stdout is a file or a pipe */
  static char out_buffer[1 << 16];
  if (!isatty (1))
    setvbuf (stdout, out_buffer, _IOFBF, sizeof out_buffer);
  run.printer = make_printer (format);
  run.progress = progress < 0 ? isatty (2) : progress;
  if (summary)
    run.summary = summary_new (10);
  run_begin (&run);
  if (optind >= argc)
    run_input (&run, "-");
  for (int i = optind; i < argc; i++)
    run_input (&run, argv[i]);
  run_end (&run);
  run.printer->finish (run.printer);
  if (run.summary)
    {
      if (strcmp (summary, "json") == 0)
        summary_print_json (run.summary, stderr);
      else
        summary_print_text (run.summary, stderr);
      summary_free (run.summary);
    }
  return run.n_errors > 0 ? 1 : 0;
}
