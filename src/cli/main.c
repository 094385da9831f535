/* main.c: the `bounce` command: options, `explain`, and exit status.
 * 0: the run completed; 1: some input could not be read; 2: usage error. */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "log.h"
#include "run.h"

static const char usage_text[] =
    "Usage: bounce [OPTION]... [FILE|DIR|-]...\n"
    "       bounce --log postfix|exim|sendmail|auto [OPTION]... [LOGFILE|-]...\n"
    "       bounce classify [--remote-mta HOST] [--command CMD] [--rules FILE] [-f json|text]\n"
    "                       [REPLY]...\n"
    "       bounce explain [--format json|text] CODE...\n"
    "       bounce explain --all [--format json|text]\n"
    "       bounce explain --provider [--format json|text] [NAME]...\n"
    "       bounce explain --why\n"
    "       bounce rules --check FILE\n"
    "\n"
    "Read email bounces and print one classification record per failed recipient.\n"
    "\n"
    "Inputs: with no input, or '-', one message is read from standard input. A FILE\n"
    "is one message, or an mbox when it starts with a 'From ' line. A DIR is read as\n"
    "a Maildir (new/ and cur/; tmp/ is skipped) when it has one of those folders, else\n"
    "every file below it is read, in sorted order. Hidden files are skipped.\n"
    "Messages are parsed in parallel (--jobs); records are written in input order as\n"
    "they are ready, with a bounded number of messages in memory, so any number of\n"
    "messages can be read. An mbox is split on its 'From ' lines (with a sender and a\n"
    "date; a message's right Content-Length keeps those of its body) and its\n"
    "messages are parsed in parallel too. A Maildir's .folders are hidden: name\n"
    "them to read them.\n"
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
    "Linking records to the send:\n"
    "      --header=NAME     copy the field NAME of the returned message (or of its\n"
    "                        text/rfc822-headers part) into the record's \"headers\"\n"
    "                        object, under NAME as given (repeatable; a name without\n"
    "                        the colon, such as X-Campaign-Id)\n"
    "      --verp-format=LAYOUT\n"
    "                        how the sender writes the recipient into its envelope\n"
    "                        sender's local part, for verp_recipient: '*' any text,\n"
    "                        '%u' the recipient's local part, '%d' its domain, '%%'\n"
    "                        a percent sign; default '*+%u=%d'\n"
    "                        (bounces+jane=example.com@lists.example.org)\n"
    "\n"
    "Local rules:\n"
    "      --rules=FILE      read the operator's own wordings from FILE (default: the\n"
    "                        file named by the environment variable BOUNCE_RULES):\n"
    "                        one rule per line, SCOPE REASON WORDING, where SCOPE is\n"
    "                        any, receiver:HOST or family:NAME, REASON a failure\n"
    "                        reason of the vocabulary and WORDING the rest of the\n"
    "                        line ('#' for digits, <addr> for an address); lines\n"
    "                        starting with '#' are comments. Rules apply before the\n"
    "                        built-in wordings; a record one decided says 'rule\n"
    "                        FILE:LINE' in why. A line that is not a rule is an\n"
    "                        error naming the file and line, and nothing is read\n"
    "\n"
    "Maildir as a queue:\n"
    "      --new-only        of a Maildir, read new/ alone\n"
    "      --mark            move each message of a Maildir's new/ whose records are\n"
    "                        written to cur/ with the seen flag (NAME:2,S), after the\n"
    "                        output is flushed; a message that could not be read, a\n"
    "                        message of an mbox, and every message once the output\n"
    "                        fails are left in new/. A Maildir that cannot be written\n"
    "                        is read and reported. Needs --format json\n"
    "\n"
    "MTA logs:\n"
    "      --log=FORMAT      read the inputs as an MTA's delivery log (postfix, exim,\n"
    "                        sendmail, or auto: told from the first 1000 lines when\n"
    "                        they are of one MTA only) and write one record per\n"
    "                        recipient attempt: file, line, mta, queue_id, timestamp,\n"
    "                        sender, and the fields of a bounce's record with the\n"
    "                        same classification (failed and delayed attempts; a\n"
    "                        message that expired in the queue gives its recipients'\n"
    "                        failures). An unfinished queue id is kept until its end\n"
    "                        line or until 65536 other queue ids came after it\n"
    "      --all             with --log, delivered attempts too\n"
    "\n"
    "Each JSON record has: file, position (in an mbox), recipient, original_recipient,\n"
    "action, status, reply_code, diagnostic_type, diagnostic, remote_mta, last_attempt,\n"
    "will_retry_until, reason, bounce (hard|soft|block|none), hard_bounce, class,\n"
    "subject, description, source, feedback_type, reporting_mta, arrival_date,\n"
    "message_id, date, from, message_subject, original_message_id, original_from,\n"
    "original_to, original_subject, command, list_id, verp_recipient, key, headers.\n"
    "Absent values are omitted. key is 16 hexadecimal digits identifying (the\n"
    "returned message's Message-ID, else the bounce's; the recipient; the action).\n"
    "The JSON Schema is share/bounce/record.schema.json (record schema 2).\n"
    "\n"
    "classify prints the record of bare SMTP replies, given as arguments or one per\n"
    "line on standard input: status, reply_code, reason, bounce, class, subject,\n"
    "description, the command when the words name it, the recipient when they hold\n"
    "one (not an address the reply asks to write to). A transient reply (4xx) is\n"
    "never hard: the sender retries it. --remote-mta HOST applies HOST's provider's\n"
    "own wordings; --command CONN|HELO|EHLO|MAIL|RCPT|DATA|BDAT says what the reply\n"
    "answered.\n"
    "\n"
    "explain prints the classification of status codes: enhanced (5.7.26), SMTP reply\n"
    "codes (550) and vendor forms (571 for 5.7.1, 911); --all prints the whole table.\n"
    "explain --provider lists the mailbox providers and gateways whose documented\n"
    "replies are read by their own meaning when one of their hosts answered (name,\n"
    "number of rows, reference, host name suffixes); explain --provider NAME lists\n"
    "that provider's rows: the wording or code, its reason and bounce type, and the\n"
    "source it comes from.\n"
    "explain --why prints the order in which a record's reason is decided, the one\n"
    "the record's why field names.\n"
    "\n"
    "rules --check FILE reads a rules file and says how many rules it holds, or the\n"
    "file and line of the first line that is not a rule (exit status 2).\n"
    "\n"
    "Errors go to stderr, one line each, naming the input (FILE:POSITION for a\n"
    "message of an mbox, FILE:LINE for a log), in input order; the run goes on.\n"
    "Standard output carries records only; the progress line and --summary go to\n"
    "stderr.\n"
    "Exit status: 0 when the run completed, 1 when some input could not be read (or\n"
    "a message could not be marked), 2 for a usage error.\n";

void
command_usage_error (const char *fmt, const char *arg)
{
  fprintf (stderr, "bounce: ");
  fprintf (stderr, fmt, arg);
  fprintf (stderr, "\nTry 'bounce --help' for more information.\n");
  exit (2);
}

/* A header field name as RFC 5322 3.6.8 has it: printable ASCII but the colon,
 * at least one character. */
static gboolean
header_name_valid (const char *name)
{
  if (!*name)
    return FALSE;
  for (const char *p = name; *p; p++)
    if ((unsigned char) *p <= ' ' || (unsigned char) *p >= 0x7f || *p == ':')
      return FALSE;
  return TRUE;
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

Printer *
command_printer (const char *format)
{
  if (!format || strcmp (format, "json") == 0)
    return printer_json_new (stdout);
  if (strcmp (format, "text") == 0)
    return printer_text_new (stdout);
  command_usage_error ("unknown format '%s' (json or text)", format);
  return NULL;
}

static void
print_code (const BounceCode *code, gpointer data)
{
  Printer *p = data;
  p->code (p, code);
}

static void
print_provider (const BounceProvider *provider, gpointer data)
{
  Printer *p = data;
  p->provider (p, provider);
}

static void
print_provider_row (const BounceProviderRow *row, gpointer data)
{
  Printer *p = data;
  p->provider_row (p, row);
}

static void
count_provider (const BounceProvider *provider, gpointer data)
{
  (void) provider;
  (*(guint *) data)++;
}

/* `explain --provider [NAME]...`: every name is checked before anything is
 * written, so an unknown one leaves standard output empty. */
static int
explain_providers (const char *format, int n, char **names)
{
  guint n_providers = 0;
  bounce_provider_foreach (count_provider, &n_providers);
  for (int i = 0; i < n; i++)
    if (!bounce_provider_foreach_row (names[i], NULL, NULL))
      {
        fprintf (stderr,
                 "bounce: explain --provider: unknown provider '%s' (bounce explain --provider "
                 "lists the %u known)\n",
                 names[i], n_providers);
        return 2;
      }
  Printer *p = command_printer (format);
  if (n == 0)
    bounce_provider_foreach (print_provider, p);
  for (int i = 0; i < n; i++)
    bounce_provider_foreach_row (names[i], print_provider_row, p);
  p->finish (p);
  return 0;
}

/* The order of the classification (classify.c), for `explain --why`. */
static const char why_text[] =
    "A record's reason is decided by the first of these that gives one; its why\n"
    "field names it.\n"
    "\n"
    "  success        action delivered, relayed or expanded, or a 2.x.x status\n"
    "  report kind    a feedback report (feedback) or an auto-reply (vacation)\n"
    "  another recipient's refusal\n"
    "                 a reply that names another recipient of the report: onhold\n"
    "  rule           a local rule (--rules): rule FILE:LINE \"WORDING\"\n"
    "  wording        a row of the wording table, in this order of scopes:\n"
    "                   receiver:NAME  the provider whose host answered documents it\n"
    "                   family:NAME    the MTA or gateway whose notice it is writes it\n"
    "                 then a specific status code (5.1.1, 5.2.2, ...), unless the\n"
    "                 words of an any or stock row outrank it (a code the words call\n"
    "                 a stand-in, X.4.1 in a 5xx reply, and an address or mailbox\n"
    "                 code at the greeting decide nothing); then those rows\n"
    "  topic          a thing and its state named in one clause, where no row holds\n"
    "                 the words: topic SUBJECT STATE \"WORD\" \"WORDS\" (SOURCE);\n"
    "                 under a specific code only with a reason that outranks the\n"
    "                 code's; not under a status of another subject (X.n.0 and\n"
    "                 X.7.1 name none; under X.7.1, no thing said not to exist)\n"
    "  extractor hint the family's usual reason, a PowerMTA category, a delivery to\n"
    "                 a program\n"
    "  giving up      words that say the sender gave up, or X.4.7 in a final notice:\n"
    "                 expired, where nothing above named a cause\n"
    "  listed before data\n"
    "                 a block-list word said of nothing named, answered before DATA:\n"
    "                 blocked: listed before data \"WORD\" at COMMAND\n"
    "  smtp command   MAIL FROM: rejected; greeting, HELO, EHLO: blocked; a permanent\n"
    "                 RCPT TO refusal whose words name the address or nothing:\n"
    "                 userunknown\n"
    "  generic status code, status code, reply code: the code's own reason\n"
    "  no cause stated: onhold; nothing stated: undefined\n"
    "  notice's words where a delivery-status part states no cause (above), the\n"
    "                 notice's own sentence about the recipient: its wording or\n"
    "                 topic, \"notice's words: ...\" in why\n"
    "\n"
    "After it, one adjustment may follow (\"; ...\" in why): a network failure until\n"
    "giving up is expired (not a mail loop, found at once); a domain or host\n"
    "unreachable under a permanent status is hostunknown; a system error at the\n"
    "greeting, by a code, is blocked; too many over a period of time is speeding; an\n"
    "unknown host under a transient status is networkerror; an unknown host in the\n"
    "reporting system's own domain is userunknown; an address or a domain said not\n"
    "to exist in answer to MAIL FROM, or named the sender's, is rejected; named a\n"
    "header's, notcompliantrfc; named a DKIM signature's, authfailure; named a\n"
    "link's, contenterror; a user unknown where the credentials were refused is\n"
    "securityerror; a login asked for in answer to RCPT TO is norelaying. A\n"
    "receiver's row is never adjusted.\n"
    "Every wording row names its source: bounce explain --provider NAME lists a\n"
    "provider's.\n";

static int
explain (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "all", no_argument, NULL, 'a' },
    { "why", no_argument, NULL, 'w' },
    { "provider", no_argument, NULL, 'p' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *format = "text";
  gboolean all = FALSE, providers = FALSE;
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
      case 'p':
        providers = TRUE;
        break;
      case 'w':
        fputs (why_text, stdout);
        return 0;
      case 'h':
        fputs (usage_text, stdout);
        return 0;
      default:
        command_usage_error ("%s", "invalid option for explain");
      }
  if (providers && all)
    command_usage_error ("%s", "explain takes --all or --provider, not both");
  if (providers)
    {
      if (strcmp (format, "json") != 0 && strcmp (format, "text") != 0)
        command_usage_error ("unknown format '%s' (json or text)", format);
      return explain_providers (format, argc - optind, argv + optind);
    }
  if (!all && optind >= argc)
    command_usage_error ("%s", "explain needs a CODE, --all or --provider");
  Printer *p = command_printer (format);
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

/* bounce rules --check FILE */
static int
rules_command (int argc, char **argv)
{
  if (argc != 3 || strcmp (argv[1], "--check") != 0)
    command_usage_error ("%s", "usage: bounce rules --check FILE");
  GError *error = NULL;
  BounceRules *rules = bounce_rules_load (argv[2], &error);
  if (!rules)
    {
      fprintf (stderr, "bounce: %s\n", error->message);
      g_error_free (error);
      return 2;
    }
  printf ("%s: %u rule%s\n", argv[2], bounce_rules_count (rules),
          bounce_rules_count (rules) == 1 ? "" : "s");
  bounce_rules_unref (rules);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc > 1 && strcmp (argv[1], "explain") == 0)
    return explain (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "rules") == 0)
    return rules_command (argc - 1, argv + 1);
  if (argc > 1 && strcmp (argv[1], "classify") == 0)
    return cmd_classify (argc - 1, argv + 1, usage_text);

  enum
  {
    OPT_MBOX = 256,
    OPT_NO_TEXT,
    OPT_MAX_SIZE,
    OPT_UNSORTED,
    OPT_SUMMARY,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_HEADER,
    OPT_VERP_FORMAT,
    OPT_NEW_ONLY,
    OPT_MARK,
    OPT_LOG,
    OPT_ALL,
    OPT_RULES,
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
    { "header", required_argument, NULL, OPT_HEADER },
    { "verp-format", required_argument, NULL, OPT_VERP_FORMAT },
    { "new-only", no_argument, NULL, OPT_NEW_ONLY },
    { "mark", no_argument, NULL, OPT_MARK },
    { "log", required_argument, NULL, OPT_LOG },
    { "all", no_argument, NULL, OPT_ALL },
    { "rules", required_argument, NULL, OPT_RULES },
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
  const char *log_format = NULL;
  const char *rules_path = NULL;
  gboolean all = FALSE;
  GPtrArray *headers = g_ptr_array_new (); /* --header names, NULL-terminated at the end */
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
          command_usage_error ("invalid size '%s'", optarg);
        break;
      case 'j':
        {
          char *end;
          guint64 n = g_ascii_strtoull (optarg, &end, 10);
          if (end == optarg || *end || n < 1 || n > 1024)
            command_usage_error ("invalid number of jobs '%s' (1 to 1024)", optarg);
          run.jobs = (guint) n;
          break;
        }
      case OPT_UNSORTED:
        run.unsorted = TRUE;
        break;
      case OPT_SUMMARY:
        summary = optarg ? optarg : "text";
        if (strcmp (summary, "text") != 0 && strcmp (summary, "json") != 0)
          command_usage_error ("unknown summary format '%s' (text or json)", summary);
        break;
      case OPT_PROGRESS:
        progress = 1;
        break;
      case OPT_HEADER:
        if (!header_name_valid (optarg))
          command_usage_error ("invalid header field name '%s' for --header (a name such as "
                               "X-Campaign-Id, without the colon)",
                               optarg);
        g_ptr_array_add (headers, optarg);
        break;
      case OPT_VERP_FORMAT:
        {
          GError *error = NULL;
          if (!bounce_verp_format_check (optarg, &error))
            {
              command_usage_error ("%s", error->message);
              g_error_free (error);
            }
          run.opts.verp_format = optarg;
          break;
        }
      case OPT_NEW_ONLY:
        run.new_only = TRUE;
        break;
      case OPT_MARK:
        run.mark = TRUE;
        break;
      case OPT_LOG:
        if (strcmp (optarg, "postfix") != 0 && strcmp (optarg, "exim") != 0
            && strcmp (optarg, "sendmail") != 0 && strcmp (optarg, "auto") != 0)
          command_usage_error ("unknown log format '%s' (postfix, exim, sendmail or auto)",
                               optarg);
        log_format = optarg;
        break;
      case OPT_RULES:
        rules_path = optarg;
        break;
      case OPT_ALL:
        all = TRUE;
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
  if (run.mark && strcmp (format, "json") != 0)
    command_usage_error ("%s", "--mark needs --format json (the text table is written only at "
                               "the end of the run)");
  if (all && !log_format)
    command_usage_error ("%s", "--all goes with --log");
  if (log_format && (run.mark || run.new_only || run.force_mbox))
    command_usage_error ("%s", "--log reads logs: --mark, --new-only and --mbox are for messages");
  /* the command is GMime's only user here: returned messages are parsed as far as
   * the reports need them */
  /* local rules: a bad file stops the run before it starts */
  if (!rules_path)
    rules_path = g_getenv ("BOUNCE_RULES");
  BounceRules *rules = NULL;
  if (rules_path && *rules_path)
    {
      GError *error = NULL;
      rules = bounce_rules_load (rules_path, &error);
      if (!rules)
        {
          fprintf (stderr, "bounce: %s\n", error->message);
          g_error_free (error);
          return 2;
        }
      run.opts.rules = rules;
    }
  bounce_read_returned_lazily ();
  /* records leave in 64 KB writes when stdout is a file or a pipe */
  static char out_buffer[1 << 16];
  if (!isatty (1))
    setvbuf (stdout, out_buffer, _IOFBF, sizeof out_buffer);
  if (headers->len > 0)
    {
      g_ptr_array_add (headers, NULL);
      run.opts.headers = (const char *const *) headers->pdata;
    }
  run.printer = command_printer (format);
  run.progress = progress < 0 ? isatty (2) : progress;
  if (summary)
    run.summary = summary_new (10);
  if (log_format)
    {
      run.started = g_get_monotonic_time ();
      LogReader *reader = log_reader_new (&run, log_format, all);
      if (optind >= argc)
        log_reader_input (reader, "-");
      for (int i = optind; i < argc; i++)
        log_reader_input (reader, argv[i]);
      log_reader_free (reader);
      if (run.summary)
        summary_set_totals (run.summary, run.n_messages, 0, run.n_errors, 0, run.n_bytes,
                            (double) (g_get_monotonic_time () - run.started) / G_USEC_PER_SEC);
    }
  else
    {
      run_begin (&run);
      if (optind >= argc)
        run_input (&run, "-");
      for (int i = optind; i < argc; i++)
        run_input (&run, argv[i]);
      run_end (&run);
    }
  run.printer->finish (run.printer);
  if (run.summary)
    {
      if (strcmp (summary, "json") == 0)
        summary_print_json (run.summary, stderr);
      else
        summary_print_text (run.summary, stderr);
      summary_free (run.summary);
    }
  g_ptr_array_free (headers, TRUE);
  bounce_rules_unref (rules);
  return run.n_errors > 0 ? 1 : 0;
}
