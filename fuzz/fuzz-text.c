/* fuzz-text.c: the free-text engine (text.c and the detector tables). The input is
 * the body of a failure notice: its first byte picks one of a few header sets that
 * steer the engine to a family (or to none), the rest is the notice text. The message
 * goes through mime_parse_bytes as a real one would, then text_extract runs on a fresh
 * report, or on one that already holds a record from a delivery-status part. */
#include <string.h>

#include "check.h"
#include "classify.h"
#include "internal.h"
#include "mime.h"
#include "text.h"

/* Header sets; "%s" in X-Failed-Recipients takes the body's first line. */
static const char *const templates[] = {
  /* Postfix */
  "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
  "To: sender@example.com\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Content-Type: text/plain; charset=utf-8\n"
  "Content-Transfer-Encoding: 8bit\n\n",
  /* Exim, recipients named in the header */
  "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
  "To: sender@example.com\n"
  "Subject: Mail delivery failed: returning message to sender\n"
  "X-Failed-Recipients: %s\n"
  "Content-Type: text/plain; charset=utf-8\n\n",
  /* Sendmail */
  "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\n"
  "Subject: Returned mail: see transcript for details\n"
  "Content-Type: text/plain\n\n",
  /* Gmail */
  "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
  "Subject: Delivery Status Notification (Failure)\n"
  "Content-Type: text/plain; charset=UTF-8\n\n",
  /* Exchange */
  "From: postmaster@outlook.example.com\n"
  "Subject: Undeliverable: hello\n"
  "Content-Type: text/plain; charset=\"us-ascii\"\n\n",
  /* no family signal at all */
  "From: someone@example.net\n"
  "Subject: hello\n\n",
  /* the notice beside the returned message, whose To is the fallback recipient */
  "From: MAILER-DAEMON@mx.example.org\n"
  "Subject: failure notice\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/mixed; boundary=\"=b=\"\n\n"
  "--=b=\n"
  "Content-Type: text/plain; charset=utf-8\n\n"
  "%B\n"
  "--=b=\n"
  "Content-Type: message/rfc822\n\n"
  "From: sender@example.com\n"
  "To: Recipient <recipient@example.net>\n"
  "Subject: the original\n\n"
  "original body\n"
  "--=b=--\n",
  /* HTML notice */
  "From: postmaster@example.org\n"
  "Subject: Delivery has failed\n"
  "Content-Type: text/html; charset=utf-8\n\n",
  /* a forwarded bounce: the notice sits inside an attached message */
  "From: admin@example.org\n"
  "Subject: Fwd: Undeliverable\n"
  "Content-Type: message/rfc822\n\n"
  "From: MAILER-DAEMON@mx.example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Content-Type: text/plain\n\n",
  /* a declared legacy charset */
  "From: MAILER-DAEMON@mx.example.org\n"
  "Subject: Undelivered Mail\n"
  "Content-Type: text/plain; charset=iso-2022-jp\n\n",
};

static char *
build_message (guint which, const char *body, gsize len, gsize *out_len)
{
  const char *t = templates[which % G_N_ELEMENTS (templates)];
  GString *m = g_string_sized_new (len + 1024);
  const char *p = t;
  gboolean placed = FALSE;
  for (; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          const char *nl = memchr (body, '\n', len);
          g_string_append_len (m, body, nl ? nl - body : (gssize) len);
          p++;
        }
      else if (p[0] == '%' && p[1] == 'B')
        {
          g_string_append_len (m, body, (gssize) len);
          placed = TRUE;
          p++;
        }
      else
        g_string_append_c (m, *p);
    }
  if (!placed)
    g_string_append_len (m, body, (gssize) len);
  *out_len = m->len;
  return g_string_free (m, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size == 0)
    return 0;
  guint which = data[0] & 0x7f;
  gboolean with_dsn_record = (data[0] & 0x80) != 0;
  gsize len;
  char *message = build_message (which, (const char *) data + 1, size - 1, &len);

  const char *why = NULL;
  MimeMessage *msg = mime_parse_bytes (message, len, &why);
  g_free (message);
  if (!msg)
    {
      CHECK (why != NULL, "no message and no reason");
      return 0;
    }
  BounceReport *report = report_new ();
  if (with_dsn_record)
    {
      BounceRecord *rec = report_add_record (report);
      record_set (rec, BOUNCE_FIELD_RECIPIENT, "recipient@example.net");
      record_set (rec, BOUNCE_FIELD_STATUS, "5.1.1");
      record_set (rec, BOUNCE_FIELD_SOURCE, "dsn");
    }
  guint before = bounce_report_n_records (report);
  guint added = text_extract (report, msg);
  CHECK (before + added == bounce_report_n_records (report), "text_extract counted %u of %u",
         added, bounce_report_n_records (report) - before);
  for (guint i = 0; i < bounce_report_n_records (report); i++)
    {
      BounceRecord *rec = (BounceRecord *) bounce_report_get_record (report, i);
      const char *source = bounce_record_get (rec, BOUNCE_FIELD_SOURCE);
      if (i >= before)
        CHECK (source && g_str_has_prefix (source, "text:"), "source \"%s\"",
               source ? source : "(null)");
      classify_record (rec, REASON_NONE);
    }
  check_report (report);
  bounce_report_free (report);
  mime_free (msg);
  return 0;
}
