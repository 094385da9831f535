/* fuzz-reply.c: bounce classify and bounce --log take untrusted text: a bare reply
 * (bounce_classify_reply, with a context made of pieces of the input) and the
 * lines of an MTA's log (each format's line reader, then the reader's JSON of
 * what the line gives). The record's fields must be valid UTF-8 without control
 * characters, its JSON valid, and the line readers must stay inside the line. */
#include <string.h>

#include "check.h"
#include "log.h"
#include "printer.h"

static void
check_reply_record (const BounceRecord *rec)
{
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    check_text (bounce_record_get (rec, (BounceField) f), bounce_field_name ((BounceField) f));
  const char *key = bounce_record_get (rec, BOUNCE_FIELD_KEY);
  CHECK (key && strlen (key) == 16, "no key of 16 digits");
  const char *r = bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT);
  CHECK (!r || strchr (r, '@'), "recipient \"%s\" has no '@'", r);
  GString *buf = g_string_new ("{");
  gboolean first = TRUE;
  json_record_fields (buf, rec, &first);
  g_string_append_c (buf, '}');
  CHECK (g_utf8_validate (buf->str, (gssize) buf->len, NULL), "JSON is not UTF-8");
  CHECK (json_valid (buf->str, buf->len), "JSON is not valid: %s", buf->str);
  g_string_free (buf, TRUE);
}

static void
check_event_string (const char *s, const char *line, gsize len, const char *what)
{
  if (!s)
    return;
  /* a piece of the line (cut in place), or a static string */
  if (s >= line && s <= line + len)
    CHECK (s + strlen (s) <= line + len, "%s runs past the line", what);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_strndup (data, size);

  /* the reply and its context: pieces split at 0xff */
  char **pieces = g_strsplit (text, "\xff", 7);
  guint n = g_strv_length (pieces);
  BounceReplyContext ctx = {
    .remote_mta = n > 1 ? pieces[1] : NULL,
    .command = n > 2 ? pieces[2] : NULL,
    .recipient = n > 3 ? pieces[3] : NULL,
    .action = n > 4 ? pieces[4] : NULL,
    .status = n > 5 ? pieces[5] : NULL,
    .message_id = n > 6 ? pieces[6] : NULL,
  };
  GError *error = NULL;
  BounceReport *r = bounce_classify_reply (pieces[0], &ctx, &error);
  if (r)
    {
      CHECK (bounce_report_n_records (r) == 1, "not one record");
      check_reply_record (bounce_report_get_record (r, 0));
      bounce_report_free (r);
    }
  else
    {
      CHECK (error != NULL, "no record and no error");
      g_error_free (error);
    }
  g_strfreev (pieces);

  /* every line through each format's reader */
  gboolean (*const parsers[]) (char *, LogEvent *) = { log_parse_postfix, log_parse_exim,
                                                       log_parse_sendmail };
  char **lines = g_strsplit (text, "\n", 64);
  for (char **l = lines; *l; l++)
    for (gsize p = 0; p < G_N_ELEMENTS (parsers); p++)
      {
        gsize len = strlen (*l);
        char *copy = g_strndup (*l, len);
        LogEvent ev;
        memset (&ev, 0, sizeof ev);
        parsers[p](copy, &ev);
        CHECK (memchr (ev.timestamp, '\0', sizeof ev.timestamp) != NULL, "timestamp not ended");
        const char *strings[] = { ev.qid,    ev.sender, ev.message_id, ev.recipients,
                                  ev.orig_to, ev.status, ev.status_text, ev.remote_mta,
                                  ev.diag };
        for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
          check_event_string (strings[i], copy, len, "a piece of the event");
        if (ev.kind == LOG_DELIVERY && ev.action)
          {
            BounceReplyContext lc = { .remote_mta = ev.remote_mta, .command = ev.command,
                                      .recipient = ev.recipients, .action = ev.action,
                                      .status = ev.status };
            BounceReport *lr = bounce_classify_reply (ev.diag, &lc, NULL);
            if (lr)
              {
                check_reply_record (bounce_report_get_record (lr, 0));
                bounce_report_free (lr);
              }
          }
        g_free (copy);
      }
  g_strfreev (lines);
  g_free (text);
  return 0;
}
