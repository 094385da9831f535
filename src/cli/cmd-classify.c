/* cmd-classify.c: `bounce classify`: bare SMTP replies (arguments, or one per line
 * on standard input) classified as a bounce's diagnostic would be. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

/* The longest line read from standard input; longer ones are cut there (a
 * reply's text is at most 512 bytes a line in SMTP, RFC 5321 4.5.3.1.5). */
#define REPLY_LINE_MAX 65536

static gboolean
valid_command (const char *c)
{
  static const char *const known[] = { "CONN", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT" };
  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (c, known[i]) == 0)
      return TRUE;
  return FALSE;
}

/* One reply: the n-th argument (stdin FALSE) or the reply of line n of standard
 * input. */
static gboolean
classify_one (Printer *p, gboolean json, const char *reply, gboolean stdin_line, guint n,
              const BounceReplyContext *ctx)
{
  GError *error = NULL;
  BounceReport *r = bounce_classify_reply (reply, ctx, &error);
  if (!r)
    {
      if (stdin_line)
        fprintf (stderr, "bounce: -:%u: %s\n", n, error->message);
      else
        fprintf (stderr, "bounce: argument %u: %s\n", n, error->message);
      g_error_free (error);
      return FALSE;
    }
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  if (json)
    {
      g_string_truncate (p->buf, 0);
      gboolean first = TRUE;
      g_string_append_c (p->buf, '{');
      if (stdin_line)
        {
          json_key (p->buf, "line", &first);
          g_string_append_printf (p->buf, "%u", n);
        }
      json_record_fields (p->buf, rec, &first);
      g_string_append (p->buf, "}\n");
      fwrite (p->buf->str, 1, p->buf->len, p->out);
    }
  else
    p->record (p, stdin_line ? "-" : "argument", n, rec);
  bounce_report_free (r);
  return TRUE;
}

int
cmd_classify (int argc, char **argv, const char *usage)
{
  enum
  {
    OPT_REMOTE_MTA = 256,
    OPT_COMMAND,
    OPT_RULES,
  };
  static const struct option longopts[] = {
    { "format", required_argument, NULL, 'f' },
    { "remote-mta", required_argument, NULL, OPT_REMOTE_MTA },
    { "command", required_argument, NULL, OPT_COMMAND },
    { "rules", required_argument, NULL, OPT_RULES },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
  };
  const char *format = "json";
  BounceReplyContext ctx = { 0 };
  const char *rules_path = g_getenv ("BOUNCE_RULES");
  int c;
  optind = 1;
  while ((c = getopt_long (argc, argv, "f:h", longopts, NULL)) != -1)
    switch (c)
      {
      case 'f':
        format = optarg;
        break;
      case OPT_REMOTE_MTA:
        if (!*optarg || strpbrk (optarg, " \t\r\n@"))
          command_usage_error ("invalid host name '%s' for --remote-mta", optarg);
        ctx.remote_mta = optarg;
        break;
      case OPT_COMMAND:
        if (!valid_command (optarg))
          command_usage_error ("unknown SMTP command '%s' (CONN, HELO, EHLO, MAIL, RCPT, DATA "
                               "or BDAT)",
                               optarg);
        ctx.command = optarg;
        break;
      case OPT_RULES:
        rules_path = optarg;
        break;
      case 'h':
        fputs (usage, stdout);
        return 0;
      default:
        command_usage_error ("%s", "invalid option for classify");
      }
  BounceRules *rules = NULL;
  if (rules_path && *rules_path)
    {
      GError *error = NULL;
      if (!(rules = bounce_rules_load (rules_path, &error)))
        {
          fprintf (stderr, "bounce: %s\n", error->message);
          g_error_free (error);
          return 2;
        }
      ctx.rules = rules;
    }
  Printer *p = command_printer (format);
  gboolean json = strcmp (format, "json") == 0;
  int status = 0;
  if (optind < argc)
    {
      for (int i = optind; i < argc; i++)
        {
          if (!classify_one (p, json, argv[i], FALSE, (guint) (i - optind + 1), &ctx))
            status = 1;
        }
    }
  else
    {
      /* one reply per line; blank lines are skipped */
      char *buf = g_malloc (REPLY_LINE_MAX);
      guint line = 0;
      gboolean cut = FALSE;
      while (fgets (buf, REPLY_LINE_MAX, stdin))
        {
          gsize n = strlen (buf);
          gboolean whole = n > 0 && buf[n - 1] == '\n';
          gboolean continued = cut;
          cut = !whole && !feof (stdin);
          if (continued)
            continue; /* the rest of a line that was too long */
          line++;
          if (cut)
            fprintf (stderr, "bounce: -:%u: line longer than %d bytes; the rest is ignored\n",
                     line, REPLY_LINE_MAX - 1);
          g_strchomp (buf);
          if (!*buf)
            continue;
          if (!classify_one (p, json, buf, TRUE, line, &ctx))
            status = 1;
        }
      if (ferror (stdin))
        {
          fprintf (stderr, "bounce: -: %s\n", g_strerror (errno));
          status = 1;
        }
      g_free (buf);
    }
  p->finish (p);
  bounce_rules_unref (rules);
  return status;
}
