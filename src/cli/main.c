/* main.c: the `bounce` command: options, `explain`, and exit status.
 * 0: the run completed; 1: some input could not be read; 2: usage error. */
#include <getopt.h>
#include <stdio.h>
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
    "\n"
    "Options:\n"
    "  -f, --format=FORMAT   json (JSON Lines, one object per recipient; the default)\n"
    "                        or text (an aligned table)\n"
    "      --mbox            read every FILE as an mbox, whatever its first line\n"
    "      --no-text         use delivery-status parts only, no free-text detectors\n"
    "      --max-size=BYTES  skip messages larger than BYTES (suffixes K, M, G);\n"
    "                        default 64M, 0 for no limit\n"
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
    "original_to, original_subject. Absent values are omitted.\n"
    "\n"
    "explain prints the classification of status codes: enhanced (5.7.26), SMTP reply\n"
    "codes (550) and vendor forms (571 for 5.7.1, 911); --all prints the whole table.\n"
    "\n"
    "Errors go to stderr, one line each, naming the input; the run goes on.\n"
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
  };
  static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "mbox", no_argument, NULL, OPT_MBOX },
    { "no-text", no_argument, NULL, OPT_NO_TEXT },
    { "max-size", required_argument, NULL, OPT_MAX_SIZE },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 },
  };
  Run run = { 0 };
  run.opts.max_size = 64 * 1024 * 1024;
  const char *format = "json";
  int c;
  while ((c = getopt_long (argc, argv, "f:vhV", longopts, NULL)) != -1)
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
  run.printer = make_printer (format);
  if (optind >= argc)
    run_input (&run, "-");
  for (int i = optind; i < argc; i++)
    run_input (&run, argv[i]);
  run.printer->finish (run.printer);
  return run.n_errors > 0 ? 1 : 0;
}
