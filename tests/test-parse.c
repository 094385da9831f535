/* test-parse.c: the public API end to end (parse.c): entry points, errors,
 * verdicts, mbox reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <string.h>
#include <unistd.h>

#include "bounce/bounce.h"

static const char dsn[] =
    "From: MAILER-DAEMON@mx.example.org\n"
    "To: sender@example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Message-ID: <b1@mx.example.org>\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
    "--z\nContent-Type: text/plain\n\nfailed\n"
    "--z\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mx.example.org\n\n"
    "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n"
    "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
    "Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.2.2\n"
    "Diagnostic-Code: smtp; 552 5.2.2 mailbox full\n"
    "--z\nContent-Type: text/rfc822-headers\n\nFrom: sender@example.org\nTo: a@example.com\n"
    "Subject: Hello\nMessage-ID: <orig@example.org>\n\n--z--\n";

static void
check_dsn_report (BounceReport *r)
{
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 2);
  const BounceRecord *a = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_RECIPIENT), "a@example.com");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_REASON), "userunknown");
  assert_true (bounce_record_is_hard (a));
  assert_int_equal (bounce_record_get_class (a), BOUNCE_CLASS_PERMANENT);
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_ORIGINAL_MESSAGE_ID), "<orig@example.org>");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_MESSAGE_ID), "<b1@mx.example.org>");
  const BounceRecord *b = bounce_report_get_record (r, 1);
  assert_int_equal (bounce_record_get_type (b), BOUNCE_TYPE_SOFT);
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_null (bounce_report_get_record (r, 2));
  assert_string_equal (bounce_report_get_verdict (r), "delivery status notification");
}

static void
test_parse_bytes_dsn (void **state)
{
  (void) state;
  GError *error = NULL;
  BounceReport *r = bounce_parse_bytes (dsn, strlen (dsn), NULL, &error);
  assert_null (error);
  check_dsn_report (r);
  bounce_report_free (r);
}

static void
test_parse_fd_and_file (void **state)
{
  (void) state;
  char *path = NULL;
  int fd = g_file_open_tmp ("bounce-test-XXXXXX.eml", &path, NULL);
  assert_true (fd >= 0);
  assert_int_equal (write (fd, dsn, strlen (dsn)), (ssize_t) strlen (dsn));
  lseek (fd, 0, SEEK_SET);
  BounceReport *r = bounce_parse_fd (fd, NULL, NULL);
  check_dsn_report (r);
  bounce_report_free (r);
  close (fd);
  r = bounce_parse_file (path, NULL, NULL);
  check_dsn_report (r);
  bounce_report_free (r);
  unlink (path);
  g_free (path);
}

static void
test_parse_gmime_message (void **state)
{
  (void) state;
  g_mime_init ();
  GMimeStream *s = g_mime_stream_mem_new_with_buffer (dsn, strlen (dsn));
  GMimeParser *p = g_mime_parser_new_with_stream (s);
  GMimeMessage *m = g_mime_parser_construct_message (p, NULL);
  BounceReport *r = bounce_parse_gmime_message (m, NULL, NULL);
  check_dsn_report (r);
  bounce_report_free (r);
  g_object_unref (m);
  g_object_unref (p);
  g_object_unref (s);
}

static void
test_parse_errors (void **state)
{
  (void) state;
  GError *error = NULL;
  assert_null (bounce_parse_bytes ("", 0, NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE));
  g_clear_error (&error);
  assert_null (bounce_parse_bytes ("\x00\x01\x02garbage", 10, NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE));
  g_clear_error (&error);
  BounceOptions opts = { .max_size = 100 };
  assert_null (bounce_parse_bytes (dsn, strlen (dsn), &opts, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_TOO_LARGE));
  g_clear_error (&error);
  assert_null (bounce_parse_file ("/nonexistent/x.eml", NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_IO));
  g_clear_error (&error);
  assert_null (bounce_parse_file ("/", NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_IO));
  g_clear_error (&error);
}

static void
test_parse_not_a_bounce_has_verdict (void **state)
{
  (void) state;
  const char *m = "From: friend@example.com\nTo: me@example.org\nSubject: lunch?\n\nSee you at noon.\n";
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 0);
  assert_non_null (strstr (bounce_report_get_verdict (r), "not a bounce"));
  bounce_report_free (r);
}

static void
test_parse_dsn_fields_in_text_part_of_auto_replied (void **state)
{
  (void) state;
  /* a list manager's notice marked Auto-Submitted: auto-replied whose
   * delivery-status fields came as text/plain: a delivery report, not a
   * vacation note */
  const char *m =
      "From: LIST <list-request@lists.example.org>\nTo: a@example.com\n"
      "Subject: Message too large\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nYour message to the list could not be distributed.\n"
      "--b\nContent-Type: text/plain\n\nReporting-MTA: dns; lists.example.org\n\n"
      "Final-Recipient: rfc822; members@lists.example.org\nAction: failed\nStatus: 5.2.3\n"
      "Diagnostic-Code: X-List; Message length exceeds administrative limit\n--b--\n";
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "members@lists.example.org");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_STATUS), "5.2.3");
  bounce_report_free (r);
}

/* The reason of the first record of m with its first from replaced by to. */
static void
check_first_reason_with (const char *m, const char *from, const char *to, const char *reason)
{
  GString *variant = g_string_new (m);
  g_string_replace (variant, from, to, 1);
  BounceReport *r = bounce_parse_bytes (variant->str, variant->len, NULL, NULL);
  g_string_free (variant, TRUE);
  assert_non_null (r);
  assert_true (bounce_report_n_records (r) > 0);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       reason);
  bounce_report_free (r);
}

static void
test_parse_notice_words_name_the_cause (void **state)
{
  (void) state;
  /* a delivery-status diagnostic that states no cause: the notice's own
   * sentence about the recipient names it */
  const char *m =
      "From: Mail Delivery System <mailer-daemon@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\n"
      "Your message wasn't delivered to ann@example.com because the mailbox is full.\n\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
      "Final-Recipient: rfc822; ann@example.com\nAction: failed\nStatus: 5.0.0\n"
      "Diagnostic-Code: smtp; 550 Delivery failed\n\n--b--\n";
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "550 Delivery failed");
  bounce_report_free (r);
  /* a row that states no cause ("Transaction failed") leaves it to them too */
  check_first_reason_with (m, "550 Delivery failed", "554 Transaction failed", "mailboxfull");
  /* lines that quote replies are the transcript: another reply there (the
   * answer to DATA) is no cause of this recipient's failure */
  check_first_reason_with (m, "because the mailbox is full.",
                           "\n<<< 550 Delivery failed\n<<< 554 5.5.1 Error: no valid recipients",
                           "onhold");
  /* with no readable part, the message the report returns is no notice: its
   * words are no cause (RFC 6522 § 3: the last part is the original message) */
  const char *returned =
      "From: Mail Delivery System <mailer-daemon@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
      "Final-Recipient: rfc822; ann@example.com\nAction: failed\nStatus: 5.0.0\n\n"
      "--b\nContent-Type: message/rfc822\n\nFrom: sender@example.org\nTo: ann@example.com\n"
      "Subject: Storage\n\nYour mailbox is full: upgrade your plan.\n\n--b--\n";
  r = bounce_parse_bytes (returned, strlen (returned), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "onhold");
  assert_null (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC));
  bounce_report_free (r);
  /* a daemon's notice of no words (an empty text part) over a message that is no
   * mail system's: that message is the one returned, no notice to read */
  const char *wordless =
      "From: Mail Delivery System <mailer-daemon@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Undeliverable: Storage\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\n\n"
      "--b\nContent-Type: message/rfc822\n\nFrom: sender@example.org\nTo: ann@example.com\n"
      "Subject: Storage\n\nYour mailbox is full: upgrade your plan.\n\n--b--\n";
  r = bounce_parse_bytes (wordless, strlen (wordless), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "ann@example.com");
  assert_string_not_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_null (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC));
  bounce_report_free (r);
}

static void
test_parse_persons_forward_of_text_notice (void **state)
{
  (void) state;
  /* a person forwards a mail system's notice as an attachment: the notice's
   * recipient failed, not the notice's addressee, and the person's note is no
   * diagnostic */
  const char *m =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: Mail delivery failed: returning message to sender\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nI got this back. Can you check?\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Mail delivery failed: returning message to sender\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  ann@example.com\n    SMTP error from remote mail server after RCPT TO:<ann@example.com>:\n"
      "    550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown\n"
      "--o--\n";
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "ann@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  bounce_report_free (r);
  /* a helpdesk's ticket made of the notice reads the same */
  GString *ticket = g_string_new (m);
  g_string_replace (ticket, "From: Pat Person <pat@example.org>", "From: Support Desk <helpdesk@example.org>", 1);
  g_string_replace (ticket, "Subject: Fwd: Mail delivery failed: returning message to sender",
                    "Subject: [Ticket #4821] New ticket: Mail delivery failed", 1);
  r = bounce_parse_bytes (ticket->str, ticket->len, NULL, NULL);
  g_string_free (ticket, TRUE);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT),
                       "ann@example.com");
  bounce_report_free (r);
  /* a forward of a notice that names no failed address gives no record for
   * the notice's addressee */
  const char *bare =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: Undeliverable: hello\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nSee below.\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "From: postmaster@mx.example.net\nTo: sender@example.org\nSubject: Undeliverable: hello\n\n"
      "Your message could not be delivered.\n--o--\n";
  r = bounce_parse_bytes (bare, strlen (bare), NULL, NULL);
  assert_non_null (r);
  for (guint i = 0; i < bounce_report_n_records (r); i++)
    assert_string_not_equal (bounce_record_get (bounce_report_get_record (r, i),
                                                BOUNCE_FIELD_RECIPIENT),
                             "sender@example.org");
  bounce_report_free (r);
}

static const char exim_words[] =
    "This message was created automatically by mail delivery software.\n\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n\n"
    "  ann@example.com\n    SMTP error from remote mail server after RCPT TO:<ann@example.com>:\n"
    "    550 5.1.1 <ann@example.com>: Recipient address rejected: User unknown\n";

/* The one record of an Exim notice forwarded as head (starting with its From)
 * writes it: ann@example.com, user unknown, with the forward's From and none of
 * the forwarder's note. */
static void
check_inline_forward (const char *head, const char *block, const char *quote)
{
  char *from = g_strndup (head + 6, strcspn (head + 6, "\n"));
  GString *m = g_string_new (head);
  g_string_append (m, "MIME-Version: 1.0\nContent-Type: text/plain\n\n"
                      "Hi, this came back when I wrote to sender@example.org's contact.\n"
                      "Can you check? Pat (pat@example.org)\n\n");
  g_string_append (m, block);
  for (const char *line = exim_words; *line;)
    {
      const char *nl = strchr (line, '\n');
      g_string_append (m, quote);
      g_string_append_len (m, line, nl - line + 1);
      line = nl + 1;
    }
  BounceReport *r = bounce_parse_bytes (m->str, m->len, NULL, NULL);
  g_string_free (m, TRUE);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "ann@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  assert_non_null (strstr (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "User unknown"));
  assert_null (strstr (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "came back"));
  assert_null (strstr (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "note"));
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ORIGINAL_FROM),
                       "Mail Delivery System <Mailer-Daemon@mx.example.net>");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_FROM), from);
  bounce_report_free (r);
  g_free (from);
}

/* A notice forwarded inline, in the text of the forwarder's message, read by the
 * notice after the forwarded header block as mail clients write it. */
static void
test_parse_inline_forward (void **state)
{
  (void) state;
  const char *fwd = "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
                    "Subject: Fwd: Mail delivery failed: returning message to sender\n";
  /* Gmail's */
  check_inline_forward (fwd,
                        "---------- Forwarded message ---------\n"
                        "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "Date: Sat, Dec 5, 2026 at 10:00 AM\n"
                        "Subject: Mail delivery failed: returning message to sender\n"
                        "To: <sender@example.org>\n\n\n",
                        "");
  /* Thunderbird's, a tab after each colon */
  check_inline_forward (fwd,
                        "-------- Forwarded Message --------\n"
                        "Subject: \tMail delivery failed: returning message to sender\n"
                        "Date: \tSat, 05 Dec 2026 10:00:00 +0000\n"
                        "From: \tMail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "To: \tsender@example.org\n\n\n",
                        "");
  /* Outlook's, under "Fw:" */
  check_inline_forward ("From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
                        "Subject: FW: Mail delivery failed: returning message to sender\n",
                        "-----Original Message-----\n"
                        "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "Sent: Saturday, December 5, 2026 10:00 AM\n"
                        "To: sender@example.org\n"
                        "Subject: Mail delivery failed: returning message to sender\n\n",
                        "");
  /* Outlook's rule of underscores, its field names in bold as a text part made
   * of its HTML writes them */
  check_inline_forward (fwd,
                        "________________________________\n"
                        "*From:* Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "*Sent:* Saturday, December 5, 2026 10:00 AM\n"
                        "*To:* sender@example.org\n"
                        "*Subject:* Mail delivery failed: returning message to sender\n\n",
                        "");
  /* a forward of a person's forward of the notice */
  check_inline_forward (fwd,
                        "---------- Forwarded message ---------\n"
                        "From: Lee Colleague <lee@example.org>\n"
                        "Subject: Fwd: Mail delivery failed: returning message to sender\n"
                        "To: <pat@example.org>\n\n"
                        "Lee's note about it.\n\n"
                        "---------- Forwarded message ---------\n"
                        "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "To: <sender@example.org>\n\n",
                        "");
  /* Apple Mail's, header block and text quoted */
  check_inline_forward (fwd,
                        "Begin forwarded message:\n\n"
                        "> From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "> Subject: Mail delivery failed: returning message to sender\n"
                        "> Date: 5 December 2026 at 10:00:00 GMT\n"
                        "> To: sender@example.org\n>\n",
                        "> ");
  /* a helpdesk's ticket of a mail system's notice, by the block's From */
  check_inline_forward ("From: Support Desk <helpdesk@example.org>\nTo: admin@example.org\n"
                        "Subject: [Ticket #4821] New ticket\n",
                        "---------- Forwarded message ---------\n"
                        "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
                        "To: <sender@example.org>\n\n",
                        "");
  /* a colleague's message forwarded inline, telling of a failure in words: a
   * person's, no notice */
  const char *question =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: mail to Ann\nMIME-Version: 1.0\nContent-Type: text/plain\n\n"
      "See below, any idea?\n\n"
      "---------- Forwarded message ---------\n"
      "From: Lee Colleague <lee@example.org>\nDate: Sat, Dec 5, 2026 at 10:00 AM\n"
      "Subject: mail to Ann\nTo: <pat@example.org>\n\n\n"
      "Hi Pat, my mail to ann@example.com keeps coming back, it says\n"
      "the user is unknown. Do you have her new address?\n\nLee\n";
  BounceReport *r = bounce_parse_bytes (question, strlen (question), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 0);
  bounce_report_free (r);
  /* a forwarded notice that names no failed address: no record for its
   * addressee or the forwarder */
  const char *bare =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: Undeliverable: hello\nMIME-Version: 1.0\nContent-Type: text/plain\n\n"
      "See below.\n\n"
      "---------- Forwarded message ---------\n"
      "From: postmaster@mx.example.net\nSubject: Undeliverable: hello\n"
      "To: <sender@example.org>\n\n\nYour message could not be delivered.\n";
  r = bounce_parse_bytes (bare, strlen (bare), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 0);
  bounce_report_free (r);
}

/* A forwarded notice read as the message it is: its own From, Subject, returned
 * message and envelope, not the forward's. */
static void
test_parse_forward_reads_notice_as_message (void **state)
{
  (void) state;
  /* a notice from a mail system whose From names no daemon, forwarded as
   * "Fwd:": read by its own Subject and words */
  const char *courier =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: NOTICE: mail delivery status.\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nThis came back, can you check?\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "From: Courier mail server at mx.example.net <@>\nTo: sender@example.org\n"
      "Subject: NOTICE: mail delivery status.\n\n"
      "This is a delivery status notification from mx.example.net,\n"
      "running the Courier mail server.\n\n"
      "The original message was received on Sat, 05 Dec 2026 10:00:00 +0000\n\n"
      "---------------------------------------------------------------------------\n\n"
      "                           UNDELIVERABLE MAIL\n\n"
      "Your message to the following recipients cannot be delivered:\n\n"
      "<ann@example.com>:\n    mx.example.com [192.0.2.10]:\n"
      ">>> RCPT TO:<ann@example.com>\n<<< 550 5.1.1 <ann@example.com>: User unknown\n"
      "--o--\n";
  BounceReport *r = bounce_parse_bytes (courier, strlen (courier), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "ann@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  /* the forward's own fields, the notice's as the original's */
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_FROM), "Pat Person <pat@example.org>");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ORIGINAL_SUBJECT),
                       "NOTICE: mail delivery status.");
  bounce_report_free (r);
  /* a notice that names its recipient only by the To of the message it returns */
  const char *returned =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: Permanent Delivery Failure\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nSee below.\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "Return-Path: <>\nFrom: MDaemon at mx.example.net <MDaemon@mx.example.net>\n"
      "To: sender@example.org\nSubject: Permanent Delivery Failure\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=i\n\n"
      "--i\nContent-Type: text/plain\n\n"
      "The attached message had PERMANENT fatal delivery errors!\n"
      "--i\nContent-Type: message/rfc822\n\n"
      "From: sender@example.org\nTo: rosa@example.com\nSubject: Figures\n\nHello\n"
      "--i--\n--o--\n";
  r = bounce_parse_bytes (returned, strlen (returned), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT),
                       "rosa@example.com");
  bounce_report_free (r);
  /* a report whose delivery-status group has no diagnostic: the forwarder's
   * note is none */
  const char *report =
      "From: Pat Person <pat@example.org>\nTo: admin@example.org\n"
      "Subject: Fwd: Delayed mail\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nThe mailbox is probably full, see below.\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "From: Mail server at mx.example.net <@>\nTo: sender@example.org\n"
      "Subject: Delayed mail\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=i\n\n"
      "--i\nContent-Type: text/plain\n\nYour message is delayed.\n"
      "--i\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.net\n\n"
      "Final-Recipient: rfc822; bo@example.com\nAction: delayed\nStatus: 4.0.0\n"
      "--i--\n--o--\n";
  r = bounce_parse_bytes (report, strlen (report), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "bo@example.com");
  const char *diag = bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC);
  assert_true (diag == NULL || strstr (diag, "probably full") == NULL);
  assert_string_not_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailboxfull");
  bounce_report_free (r);
}

/* A Postfix notice without the returned message whose diagnostic's continuation
 * line begins with the sender's address: the one recipient the delivery-status
 * part lists keeps the command its lines name. */
static void
test_parse_sender_address_in_continuation_line (void **state)
{
  (void) state;
  const char *m =
      "Return-Path: <>\nFrom: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
      "To: sender@example.org\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
      "--z\nContent-Type: text/plain\n\n"
      "This is the mail system at host mail.example.org.\n\n"
      "I'm sorry to have to inform you that your message could not\n"
      "be delivered to one or more recipients.\n\n"
      "                   The mail system\n\n"
      "<ann@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.0\n"
      "    <sender@example.org> rejected. Refer to Error Code: AB#CD (in reply\n"
      "    to MAIL FROM command)\n\n"
      "--z\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mail.example.org\n\n"
      "Final-Recipient: rfc822; ann@example.com\nAction: failed\nStatus: 5.1.0\n"
      "Diagnostic-Code: smtp; 550 5.1.0 <sender@example.org> rejected. Refer to\n"
      "    Error Code: AB#CD\n"
      "--z--\n";
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "ann@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_COMMAND), "MAIL");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "rejected");
  bounce_report_free (r);
}

static guint
n_records_of (const char *m)
{
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_non_null (r);
  guint n = bounce_report_n_records (r);
  bounce_report_free (r);
  return n;
}

static void
test_parse_list_and_postmaster_notices (void **state)
{
  (void) state;
  /* a list's probe sent to a member, with the bounce that caused it
   * attached: its arrival shows the member's address takes mail */
  const char *probe =
      "Return-Path: <team-bounces+2b1a@lists.example.org>\n"
      "From: team-bounces+2b1a@lists.example.org\nTo: member@example.com\n"
      "Subject: Team mailing list probe message\nPrecedence: bulk\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: text/plain\n\nThis is a probe message.  You can ignore this message.\n"
      "--o\nContent-Type: message/rfc822\n\n"
      "From: MAILER-DAEMON@mx.example.com\nTo: team-bounces@lists.example.org\n"
      "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
      "--z\nContent-Type: text/plain\n\n<member@example.com>: 452 4.2.2 Mailbox full\n"
      "--z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
      "Final-Recipient: rfc822; member@example.com\nAction: failed\nStatus: 4.2.2\n"
      "--z--\n--o--\n";
  assert_int_equal (n_records_of (probe), 0);
  /* the same bounce attached for the list's owner is read */
  GString *owner = g_string_new (probe);
  g_string_replace (owner, "To: member@example.com", "To: team-owner@lists.example.org", 1);
  assert_int_equal (n_records_of (owner->str), 1);
  g_string_free (owner, TRUE);

  /* a moderator's refusal from the list's "-bounces" address, sent as bulk
   * mail, names the owner to write to: no record */
  const char *refusal =
      "From: team-bounces@lists.example.org\nTo: poster@example.com\n"
      "Subject: Request to mailing list \"Team\" rejected\nPrecedence: bulk\n\n"
      "has been rejected by the list moderator.\n\n"
      "Any questions or comments should be directed to the list administrator\nat:\n\n"
      "    team-owner@lists.example.org\n";
  assert_int_equal (n_records_of (refusal), 0);

  /* Postfix's transcript to the postmaster of an SMTP session it refused:
   * the refused recipients are its own users' addresses */
  const char *transcript =
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\n"
      "To: Postmaster <postmaster@example.com>\n"
      "Subject: Postfix SMTP server: errors from unknown[198.51.100.23]\n\n"
      "Transcript of session follows.\n\n"
      " In:  RCPT TO:<nobody@example.com>\n"
      " Out: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown\n";
  assert_int_equal (n_records_of (transcript), 0);
  /* the same lines in a notice of failure are read */
  GString *notice = g_string_new (transcript);
  g_string_replace (notice, "Subject: Postfix SMTP server: errors from unknown[198.51.100.23]",
                    "Subject: Undelivered Mail Returned to Sender", 1);
  assert_int_equal (n_records_of (notice->str), 1);
  g_string_free (notice, TRUE);

  /* amavis's notice to the administrator, and Exim's freeze_tell notice */
  assert_int_equal (
      n_records_of ("From: \"Content-filter at mx.example.com\" <postmaster@mx.example.com>\n"
                    "To: admin@example.com\nSubject: Spam FROM [198.51.100.40]:52110 <x@example.net>\n\n"
                    "The message WAS NOT relayed to:\n<anna@example.com>:\n"
                    "   554 5.7.0 Reject, id=31337-07 - spam\n"),
      0);
  assert_int_equal (
      n_records_of ("Auto-Submitted: auto-replied\n"
                    "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
                    "To: postmaster@example.org\nSubject: Message frozen\n\n"
                    "Message 1tFzQ1-000Kx5-2A has been frozen by the system filter.\n"
                    "The following address(es) have yet to be delivered:\n"
                    "  buyer@example.com: 550 5.1.1 user unknown\n"),
      0);
}

static void
test_parse_feedback_and_auto_reply (void **state)
{
  (void) state;
  const char *arf =
      "From: feedback@fbl.example.net\nTo: abuse@example.org\nSubject: complaint\n"
      "Content-Type: multipart/report; report-type=feedback-report; boundary=f\n\n"
      "--f\nContent-Type: text/plain\n\nThis is an email abuse report.\n"
      "--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: x/1\n"
      "Version: 1\nOriginal-Rcpt-To: c@example.com\n--f--\n";
  BounceReport *r = bounce_parse_bytes (arf, strlen (arf), NULL, NULL);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "feedback");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_FEEDBACK_TYPE), "abuse");
  assert_int_equal (bounce_record_get_type (rec), BOUNCE_TYPE_NONE);
  bounce_report_free (r);

  const char *away = "From: Dana <dana@example.com>\nTo: sender@example.org\n"
                     "Subject: Out of Office: Hello\nAuto-Submitted: auto-replied\n\n"
                     "I am away until Monday.\n";
  r = bounce_parse_bytes (away, strlen (away), NULL, NULL);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "dana@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "vacation");
  bounce_report_free (r);
}


/* A Sieve "reject" reported as a disposition notification: deleted by an
 * automatic action is the recipient's filter refusing the message; a read
 * receipt's manual deletion (or a display) is no failure. */
static void
test_sieve_reject_notification (void **state)
{
  (void) state;
  const char *fmt =
      "From: Postmaster <postmaster@mail.example.net>\nTo: <sender@example.org>\n"
      "Subject: Rejected: Offer\nAuto-Submitted: auto-replied (rejected)\n"
      "Content-Type: multipart/report; report-type=disposition-notification; boundary=m\n\n"
      "--m\nContent-Type: text/plain; charset=utf-8\n\n"
      "Your message to <hank@example.net> was automatically rejected:\n"
      "No offers, please.\n"
      "--m\nContent-Type: message/disposition-notification\n\n"
      "Reporting-UA: mail.example.net; Dovecot Mail Delivery Agent\n"
      "Final-Recipient: rfc822; hank@example.net\n"
      "Disposition: %s\n\n--m--\n";
  char *m = g_strdup_printf (fmt, "automatic-action/MDN-sent-automatically; deleted");
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "hank@example.net");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "filtered");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_SOURCE), "mdn");
  assert_non_null (strstr (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "No offers"));
  bounce_report_free (r);
  g_free (m);
  /* Cyrus with private MDNs writes a session identifier as Final-Recipient: the
   * refused message's To says who refused it */
  m = g_strdup ("From: Mail Sieve Subsystem <postmaster@mail.example.net>\nTo: <sender@example.org>\n"
                "Subject: Automatically rejected mail\nAuto-Submitted: auto-replied (rejected)\n"
                "Content-Type: multipart/report; report-type=disposition-notification; boundary=m\n\n"
                "--m\nContent-Type: text/plain; charset=utf-8\n\n"
                "Your message was automatically rejected by Sieve, a mail\nfiltering language.\n\n"
                "--m\nContent-Type: message/disposition-notification\n\n"
                "Reporting-UA: mail.example.net; Cyrus 3.8.1/3.8.1\n"
                "Final-Recipient: rfc822; 2901-1701234567-1\n"
                "Disposition: automatic-action/MDN-sent-automatically; deleted\n\n"
                "--m\nContent-Type: message/rfc822\n\nFrom: sender@example.org\nTo: Ivy <ivy@example.net>\n"
                "Subject: Offer\n\nHello\n--m--\n");
  r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT),
                       "ivy@example.net");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_SOURCE), "mdn");
  bounce_report_free (r);
  g_free (m);
  static const char *const none[] = { "manual-action/MDN-sent-manually; deleted",
                                      "automatic-action/MDN-sent-automatically; displayed",
                                      "automatic-action/MDN-sent-automatically; deletedx" };
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    {
      m = g_strdup_printf (fmt, none[i]);
      r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
      for (guint k = 0; k < bounce_report_n_records (r); k++)
        assert_string_not_equal (bounce_record_get (bounce_report_get_record (r, k),
                                                    BOUNCE_FIELD_SOURCE), "mdn");
      bounce_report_free (r);
      g_free (m);
    }
}

/* The records of m: n_expected of them, the first one's recipient rcpt (when n > 0). */
static BounceReport *
expect_records (const char *m, guint n_expected, const char *rcpt)
{
  GError *error = NULL;
  BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, &error);
  assert_null (error);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), n_expected);
  if (n_expected > 0 && rcpt)
    assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0),
                                            BOUNCE_FIELD_RECIPIENT), rcpt);
  return r;
}

static void
check_records (const char *m, guint n_expected, const char *rcpt)
{
  bounce_report_free (expect_records (m, n_expected, rcpt));
}

/* The bounce guard of plain-text notices: each sign with a wording, and the same
 * words without the sign. */
static void
test_plain_notice_guard (void **state)
{
  (void) state;
  /* a postmaster's From and a wording of the table, no failure word */
  check_records ("From: Postmaster <postmaster@mx.example.net>\nTo: s@example.org\n"
                 "Subject: Message status\n\n"
                 "Your message to kim@example.net was returned: the mailbox is full.\n",
                 1, "kim@example.net");
  /* the null sender and a wording, neither subject nor From says it */
  check_records ("Return-Path: <>\nFrom: Mail System <system@mx.example.net>\n"
                 "To: s@example.org\nSubject: Your message\n\n"
                 "Sorry, the message to lee@example.net was returned: over quota.\n",
                 1, "lee@example.net");
  /* a failure subject and the new failure words, with a wording */
  check_records ("From: Mail Robot <robot@mx.example.net>\nTo: s@example.org\n"
                 "Subject: Non-delivery of your message\n\n"
                 "Failed mail: the message to ann@example.net could not go through:\n"
                 "550 mailbox full\n",
                 1, "ann@example.net");
  /* vendors' notices: Symantec Messaging Gateway's Postfix-like text with no
   * "This is the mail system" line and a help address set by the site, and
   * SmarterMail's "Failed Recipient:" list */
  check_records ("From: MAILER-DAEMON@smg.example.org (Mail Delivery System)\n"
                 "To: s@example.org\nSubject: Undelivered Mail Returned to Sender\n\n"
                 "I'm sorry to have to inform you that your message could not\n"
                 "be delivered to one or more recipients. It's attached below.\n\n"
                 "For further assistance, please send mail to <help@example.org>\n\n"
                 "<mo@example.net>: 550 5.1.1 <mo@example.net>: Recipient address rejected:\n"
                 "    User unknown in local recipient table\n",
                 1, "mo@example.net");
  check_records ("From: System Administrator <postmaster@mail.example.net>\n"
                 "To: s@example.org\nSubject: Undeliverable Mail\n\n"
                 "Could not deliver message to the following recipient(s):\n\n"
                 "Failed Recipient: nell@example.net\nReason: The mailbox is full\n",
                 1, "nell@example.net");
  /* the same words in a shop's mail: no sign of a mail server */
  check_records ("From: Shop <news@shop.example.com>\nTo: s@example.org\n"
                 "Subject: Your order\n\n"
                 "Your mailbox is full of offers? Write to help@shop.example.com.\n",
                 0, NULL);
  check_records ("Return-Path: <>\nFrom: Mail System <system@mx.example.net>\n"
                 "List-Id: <news.example.net>\nTo: s@example.org\nSubject: Digest\n\n"
                 "lee@example.net: over quota.\n",
                 0, NULL);
  /* a raw EUC-JP subject (no encoded words) is read in its charset */
  const char *euc = "From: MAILER-DAEMON@mx.example.jp\nTo: s@example.org\n"
                    "Subject: \xa5\xe1\xa1\xbc\xa5\xeb\xc1\xf7\xbf\xae\xbc\xba\xc7\xd4\n"
                    "Content-Type: text/plain; charset=EUC-JP\n\n"
                    "rcpt: taro@example.jp\n";
  BounceReport *r = expect_records (euc, 1, "taro@example.jp");
  assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_MESSAGE_SUBJECT),
                       "\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe9\x80\x81\xe4\xbf\xa1\xe5\xa4\xb1\xe6\x95\x97");
  bounce_report_free (r);
}

/* The guard's evidence in the words of a reply the notice quotes, and a
 * helpdesk's reply that pastes one. */
static void
test_plain_notice_guard_replies (void **state)
{
  (void) state;
  /* a wording that starts with its status code, on the reply's own line: the
   * null sender and it, then a postmaster's From and it */
  check_records ("Return-Path: <>\nFrom: Mail System <mail@mx.example.net>\n"
                 "To: s@example.org\nSubject: Your message\n\n"
                 "A problem occurred with your message to:\n\n    ray@example.net\n\n"
                 "The server replied:\n\n    503 5.5.3 Message rejected\n",
                 1, "ray@example.net");
  check_records ("From: postmaster@mx.example.net\nTo: s@example.org\n"
                 "Subject: Your message\n\n"
                 "Talking to mx1.outlook.com about your message to:\n\n    sue@example.net\n\n"
                 "It said: 550 5.7.515 Access denied, sending domain does not meet the required "
                 "authentication level\n",
                 1, "sue@example.net");
  /* a failure subject and a wording, the notice's own words neutral */
  check_records ("From: Mail System <mail@mx.example.net>\nTo: s@example.org\n"
                 "Subject: Delivery failure\n\n"
                 "A problem occurred with your message to:\n\n    tom@example.net\n\n"
                 "The server replied:\n\n    550 Mailbox quota exceeded\n",
                 1, "tom@example.net");
  /* the same reply in a helpdesk's answer to a ticket ("[Ticket #123] Re:") */
  check_records ("From: Example Support <support@helpdesk.example.com>\nTo: s@example.org\n"
                 "Subject: [Ticket #123] Re: Mail delivery failed\n\n"
                 "Hello,\n\nthe error you received was:\n\n"
                 "Your message could not be delivered to:\n\n    tom@example.net\n\n"
                 "550 Mailbox quota exceeded\n\nKind regards,\nSupport\n",
                 0, NULL);
  /* a person's reply whose client writes "Re" in its language ("AW:", "SV:",
   * "Odp:"; Thunderbird's mailnews.localizedRe) */
  static const char *const localized[] = { "AW:", "SV:", "Odp:", "YNT:", "Vá:" };
  for (gsize i = 0; i < G_N_ELEMENTS (localized); i++)
    {
      char *m = g_strdup_printf (
          "From: Karl Weber <karl@example.org>\nTo: s@example.org\n"
          "Subject: %s Undelivered Mail Returned to Sender\n\n"
          "Hallo,\n\nich bekam das hier:\n\n"
          "Your message could not be delivered to:\n\n    tom@example.net\n\n"
          "550 Mailbox quota exceeded\n\nGruss, Karl\n",
          localized[i]);
      check_records (m, 0, NULL);
      g_free (m);
    }
}

/* The reason of the one record of m, whose recipient is rcpt. */
static void
check_reason (const char *m, const char *rcpt, const char *reason)
{
  BounceReport *r = expect_records (m, 1, rcpt);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       reason);
  bounce_report_free (r);
}

/* Auto-replies: the vendors' fields, localized subjects, and an auto-reply read as
 * one before its text is searched for failures. */
static void
test_auto_reply_signals (void **state)
{
  (void) state;
  check_reason ("From: Kim <kim@example.com>\nTo: s@example.org\nSubject: Re: offer\n"
                "X-Apple-Action: VACATION\n\nBack on the 19th.\n",
                "kim@example.com", "vacation");
  check_reason ("From: Lee <lee@example.com>\nTo: s@example.org\nSubject: RE: offer\n"
                "X-MS-Exchange-Inbox-Rules-Loop: lee@example.com\n\nI am travelling.\n",
                "lee@example.com", "vacation");
  check_reason ("From: Ann <ann@example.com>\nTo: s@example.org\nSubject: Re: offer\n"
                "X-Auto-Response-Suppress: All\n\nI am travelling.\n",
                "ann@example.com", "vacation");
  check_reason ("From: Bo <bo@example.com>\nTo: s@example.org\nSubject: Away\n"
                "Precedence: auto_reply\n\nI am travelling.\n",
                "bo@example.com", "vacation");
  check_reason ("From: Uwe <uwe@example.de>\nTo: s@example.org\n"
                "Subject: Automatische Antwort: Angebot\n\nBis Montag nicht im B\xc3\xbcro.\n",
                "uwe@example.de", "vacation");
  /* the subject it answers may hold failure words: they are the sender's */
  check_reason ("From: Jane <jane@example.com>\nTo: s@example.org\n"
                "Subject: Auto: Delivery failed? Please check\nAuto-Submitted: auto-replied\n\n"
                "I am out of the office until Monday.\n",
                "jane@example.com", "vacation");
  check_reason ("From: Jane <jane@example.com>\nTo: s@example.org\n"
                "Subject: Automatic reply: Returned mail in our shop\n\nI am travelling.\n",
                "jane@example.com", "vacation");
  /* a person forwarding one is no automatic answer */
  check_records ("From: Pat <pat@example.org>\nTo: admin@example.org\n"
                 "Subject: Fwd: Automatische Antwort: Angebot\n\nWhat does this mean?\n",
                 0, NULL);
  /* PostfixAdmin's default vacation subjects, with no field that marks the reply:
   * a phrase of its own anywhere in the subject, a word of ordinary mail only as
   * the whole subject */
  check_reason ("From: sara@example.it\nTo: s@example.org\n"
                "Subject: Assente dall'ufficio\n\nSar\xc3\xb2 assente.\n",
                "sara@example.it", "vacation");
  check_reason ("From: erik@example.se\nTo: s@example.org\n"
                "Subject: =?UTF-8?Q?Ej_p=C3=A5_kontoret?=\n\nJag \xc3\xa4r borta.\n",
                "erik@example.se", "vacation");
  check_reason ("From: jonas@example.lt\nTo: s@example.org\n"
                "Subject: =?UTF-8?Q?Esu_i=C5=A1vyk=C4=99s?=\n\nEsu i\xc5\xa1vyk\xc4\x99s.\n",
                "jonas@example.lt", "vacation");
  check_reason ("From: irina@example.ru\nTo: s@example.org\n"
                "Subject: =?UTF-8?B?0JLQvdC1INC+0YTQuNGB0LA=?=\n\n\xd0\xaf \xd0\xb2 \xd0\xbe\xd1\x82\xd0\xbf\xd1\x83\xd1\x81\xd0\xba\xd0\xb5.\n",
                "irina@example.ru", "vacation");
  check_reason ("From: yuki@example.jp\nTo: s@example.org\nSubject: =?UTF-8?B?5LiN5Zyo?=\n\n"
                "\xe4\xb8\x8d\xe5\x9c\xa8\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82\n",
                "yuki@example.jp", "vacation");
  check_reason ("From: aino@example.fi\nTo: s@example.org\nSubject:  Lomalla \n\nOlen lomalla.\n",
                "aino@example.fi", "vacation");
  check_reason ("From: mari@example.ee\nTo: s@example.org\n"
                "Subject: =?UTF-8?Q?=C3=84ra_kuni_16.12.2026?=\n\nOlen \xc3\xa4ra.\n",
                "mari@example.ee", "vacation");
  check_records ("From: rui@example.pt\nTo: s@example.org\nSubject: Ausente na reuni\xc3\xa3o\n\n"
                 "O Jo\xc3\xa3o esteve ausente.\n",
                 0, NULL);
  check_records ("From: aino@example.fi\nTo: s@example.org\nSubject: Kuvia lomalla\n\nLiitteet.\n",
                 0, NULL);
  check_records ("From: info@example.jp\nTo: s@example.org\n"
                 "Subject: =?UTF-8?B?5LiN5Zyo6YCj57Wh56Wo?=\n\n\xe3\x81\x94\xe7\xa2\xba\xe8\xaa\x8d\xe3\x81\x8f\xe3\x81\xa0\xe3\x81\x95\xe3\x81\x84\xe3\x80\x82\n",
                 0, NULL);
  /* the field alone, on a message that is no reply, is nothing */
  check_records ("From: Ann <ann@example.com>\nTo: s@example.org\nSubject: Minutes\n"
                 "X-Auto-Response-Suppress: All\n\nThe minutes are attached.\n",
                 0, NULL);
  /* the null sender and a wording: the auto-reply is read first */
  check_reason ("Return-Path: <>\nFrom: Rae <rae@example.com>\nTo: s@example.org\n"
                "Subject: Out of office\nAuto-Submitted: auto-replied\n\n"
                "I am away and my mailbox is full: write to desk@example.com.\n",
                "rae@example.com", "vacation");
  /* PostfixAdmin's vacation.pl: its X-Loop field, whatever subject the user
   * stored */
  check_reason ("From: ida@example.net\nTo: s@example.org\nSubject: Thanks for your message\n"
                "Precedence: junk\nX-Loop: Postfix Admin Virtual Vacation\n\nBack on Monday.\n",
                "ida@example.net", "vacation");
  /* procmail's vacation recipe: formail -r's "Re:" and Precedence: junk; not
   * a list's mail, nor without the reply's subject */
  check_reason ("To: s@example.org\nSubject: Re: offer\nPrecedence: junk\n"
                "X-Loop: jo@shell.example.net\nFrom: Jo <jo@shell.example.net>\n\n"
                "I received your mail,\nbut I won't be back until Monday.\n",
                "jo@shell.example.net", "vacation");
  check_records ("To: s@example.org\nSubject: Re: offer\nPrecedence: junk\n"
                 "List-Id: <team.lists.example.net>\nFrom: Jo <jo@shell.example.net>\n\n"
                 "Agreed.\n",
                 0, NULL);
  check_records ("To: s@example.org\nSubject: Offer\nPrecedence: junk\n"
                 "From: Jo <jo@shell.example.net>\n\nSee the attached offer.\n",
                 0, NULL);
  /* a reply's subject quotes the one it answers: its failure words are the
   * sender's (Zimbra answers "Re: <subject>") */
  check_reason ("Return-Path: <>\nFrom: Jonas <jonas@example.net>\nTo: s@example.org\n"
                "Subject: Re: Delivery failure of your November invoices\n"
                "Auto-Submitted: auto-replied (zimbra; vacation)\nPrecedence: bulk\n\n"
                "I am away until Monday.\n",
                "jonas@example.net", "vacation");
}

/* A field that mail systems put on their notices too (Auto-Submitted:
 * auto-replied, X-Autoreply) makes no auto-reply of a notice that a detector
 * knows: its failed recipients are read. */
static void
test_auto_reply_field_on_notice (void **state)
{
  (void) state;
  const char *const fields[] = { "Auto-Submitted: auto-replied\n", "X-Autoreply: yes\n" };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* MMDF's notice of a message it gave up on */
      char *m = g_strconcat ("Return-Path: <>\n",
                             "From: mail.example.org Mail System (MMDF) <mmdf@mail.example.org>\n"
                             "Subject:  Failed mail  (msg.aa03912)\nTo: s@example.org\n",
                             fields[i],
                             "\n    After 4 days (96 hours), your message could not be\n"
                             "fully delivered.\n\n"
                             "    It failed to be received by the following address(es):\n\n"
                             "\toskar@example.net (host: example.net) (queue: smtp)\n",
                             NULL);
      BounceReport *r = expect_records (m, 1, "oskar@example.net");
      assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0),
                                              BOUNCE_FIELD_SOURCE),
                           "text:mmdf");
      bounce_report_free (r);
      g_free (m);
      /* an out-of-office reply with the same field stays one */
      m = g_strconcat ("Return-Path: <>\nFrom: Jonas <jonas@example.net>\nTo: s@example.org\n"
                       "Subject: Re: offer\n",
                       fields[i],
                       "\nThis address is no longer in use. Please write to desk@example.net.\n",
                       NULL);
      check_reason (m, "jonas@example.net", "vacation");
      g_free (m);
    }
}

/* Lines of white space before the header block are passed over; a message with
 * nothing but them is none. */
static void
test_blank_lines_before_headers (void **state)
{
  (void) state;
  const char *leads[] = { "\n", "\r\n\r\n", "  \n\t\n", " \r\n\n   \n" };
  for (gsize i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      char *m = g_strconcat (leads[i], dsn, NULL);
      BounceReport *r = bounce_parse_bytes (m, strlen (m), NULL, NULL);
      check_dsn_report (r);
      assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_MESSAGE_ID), "<b1@mx.example.org>");
      bounce_report_free (r);
      g_free (m);
    }
  GError *error = NULL;
  assert_null (bounce_parse_bytes (" \n\t\n", 4, NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE));
  g_clear_error (&error);
  /* an indented first line is no header field */
  assert_null (bounce_parse_bytes ("  From: x@example.com\n\nhi\n", 26, NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE));
  g_clear_error (&error);
}

/* Recipients written in other forms than a plain address. */
static void
test_recipient_forms (void **state)
{
  (void) state;
  const char *head = "From: MAILER-DAEMON@mx.example.org\nTo: s@example.org\n"
                     "Subject: Undelivered Mail Returned to Sender\n"
                     "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
                     "--z\nContent-Type: text/plain\n\n";
  /* an unqualified Final-Recipient: the Original-Recipient */
  char *m = g_strconcat (head, "Delivery failed.\n--z\nContent-Type: message/delivery-status\n\n"
                         "Reporting-MTA: dns; mx.example.org\n\n"
                         "Final-Recipient: rfc822; kim@mailhost\n"
                         "Original-Recipient: rfc822; kim@example.com\n"
                         "Action: failed\nStatus: 5.1.1\n--z--\n", NULL);
  check_records (m, 1, "kim@example.com");
  g_free (m);
  /* ... else the one address the notice names */
  m = g_strconcat (head, "Your message to lee@example.com could not be delivered.\n"
                   "--z\nContent-Type: message/delivery-status\n\n"
                   "Reporting-MTA: dns; mx.example.org\n\n"
                   "Final-Recipient: rfc822; lee@mailhost\nAction: failed\nStatus: 5.1.1\n--z--\n",
                   NULL);
  check_records (m, 1, "lee@example.com");
  g_free (m);
  /* ... also where the delivery-status part names no usable address at all,
   * whose status the record keeps; with nobody named, no record */
  m = g_strconcat (head, "Your message to joy@example.com could not be delivered.\n"
                   "--z\nContent-Type: message/delivery-status\n\n"
                   "Reporting-MTA: dns; mx.example.org\n\n"
                   "Final-Recipient: rfc822; @mx.example.com\nAction: failed\nStatus: 5.1.2\n--z--\n",
                   NULL);
  BounceReport *r = expect_records (m, 1, "joy@example.com");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_STATUS),
                       "5.1.2");
  bounce_report_free (r);
  g_free (m);
  m = g_strconcat (head, "Delivery failed.\n--z\nContent-Type: message/delivery-status\n\n"
                   "Reporting-MTA: dns; mx.example.org\n\n"
                   "Final-Recipient: rfc822; @mx.example.com\nAction: failed\nStatus: 5.1.2\n--z--\n",
                   NULL);
  check_records (m, 0, NULL);
  g_free (m);
  /* a source route in the delivery-status part */
  m = g_strconcat (head, "Delivery failed.\n--z\nContent-Type: message/delivery-status\n\n"
                   "Reporting-MTA: dns; mx.example.org\n\n"
                   "Final-Recipient: rfc822; <@relay.example.net:ann@example.com>\n"
                   "Action: failed\nStatus: 5.1.1\n--z--\n", NULL);
  check_records (m, 1, "ann@example.com");
  g_free (m);
  /* mail to oneself: the returned message's From is its failed To too */
  check_records ("From: MAILER-DAEMON@mx.example.org\nTo: bo@example.org\n"
                 "Subject: Undelivered Mail Returned to Sender\n"
                 "Content-Type: multipart/mixed; boundary=z\n\n"
                 "--z\nContent-Type: text/plain\n\nThe message could not be delivered.\n"
                 "--z\nContent-Type: message/rfc822\n\nFrom: bo@example.org\nTo: bo@example.org\n"
                 "Subject: note to self\n\nhi\n--z--\n",
                 1, "bo@example.org");
  /* an example address in the help text is no recipient */
  check_records ("From: MAILER-DAEMON@mx.example.org\nTo: s@example.org\n"
                 "Subject: Undelivered Mail Returned to Sender\n\n"
                 "Your message could not be delivered to cara@example.net: user unknown.\n"
                 "Please check the address. For example: name@example.com\n",
                 1, "cara@example.net");
}

/* A screen name where a recipient stands: completed from the returned
 * message's To, else with the notice's domain when a mailbox provider's. */
static void
test_screen_names (void **state)
{
  (void) state;
  const char *list = "Subject: Returned mail: User unknown\n\n"
                     "   ----- The following addresses had permanent fatal errors -----\n"
                     "joesmith\n    (reason: 550 MAILBOX NOT FOUND)\n\n";
  char *m = g_strconcat ("From: Mail Delivery Subsystem <MAILER-DAEMON@aol.com>\n"
                         "To: s@example.org\n", list, NULL);
  check_records (m, 1, "joesmith@aol.com");
  g_free (m);
  m = g_strconcat ("From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\n"
                   "To: s@example.org\n", list,
                   "   ----- Original message follows -----\n", NULL);
  check_records (m, 0, NULL);
  g_free (m);
  m = g_strconcat ("From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>\n"
                   "To: s@example.org\nMIME-Version: 1.0\n"
                   "Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\n"
                   "   ----- The following addresses had permanent fatal errors -----\n"
                   "joesmith\n    (reason: 550 MAILBOX NOT FOUND)\n\n"
                   "--z\nContent-Type: message/rfc822\n\nFrom: s@example.org\n"
                   "To: Joe <JoeSmith@example.com>\nSubject: hi\n\nhi\n--z--\n", NULL);
  check_records (m, 1, "JoeSmith@example.com");
  g_free (m);
}

/* A failure notice's text (no delay) that reports a network failure under no
 * permanent code: retried until the sender gave up; a notice that calls itself a
 * warning only is a delay, whatever its layout says; a loop is found at once. */
static void
test_final_notice_of_network_failure (void **state)
{
  (void) state;
  const char *head = "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
                     "To: s@example.org\nSubject: Delivery Status Notification (Failure)\n\n";
  char *m = g_strconcat (head, "Delivery to the following recipient failed permanently:\n\n"
                         "     kai@example.net\n\nTechnical details of permanent failure:\n"
                         "The recipient server did not accept our requests to connect.\n", NULL);
  check_reason (m, "kai@example.net", "expired");
  g_free (m);
  m = g_strconcat ("From: MAILER-DAEMON@mx.example.net\nTo: s@example.org\n"
                   "Subject: Warning: delayed mail\n\nTHIS IS A WARNING MESSAGE ONLY.\n\n"
                   "----- The following addresses had fatal errors -----\n"
                   "<kai@example.net>: 421 Host not reachable.\n\n"
                   "Message will be retried for 2 more day(s)\n", NULL);
  BounceReport *r = expect_records (m, 1, "kai@example.net");
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ACTION), "delayed");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "networkerror");
  bounce_report_free (r);
  g_free (m);
  m = g_strconcat (head, "Delivery to the following recipient failed permanently:\n\n"
                   "     kai@example.net\n\nTechnical details of permanent failure:\n"
                   "Message exceeded 50 hops, this may indicate a mail loop.\n", NULL);
  check_reason (m, "kai@example.net", "networkerror");
  g_free (m);
  /* a failure notice's own text (no delivery-status part) with a transient reply
   * that names no cause: the sender gave up on it, as Action: failed under 4.x.x
   * says; in a delay notice it stays on hold */
  const char *postfix = "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
                        "To: s@example.org\nSubject: %s\n\n"
                        "This is the mail system at host mx.example.org.\n\n%s\n\n"
                        "                   The mail system\n\n"
                        "<kai@example.net>: host mx.example.net[192.0.2.9] said: 421 4.2.0\n"
                        "    Service refused, please try later (in reply to end of DATA command)\n";
  m = g_strdup_printf (postfix, "Undelivered Mail Returned to Sender",
                       "I'm sorry to have to inform you that your message could not\n"
                       "be delivered to one or more recipients.");
  check_reason (m, "kai@example.net", "expired");
  g_free (m);
  m = g_strdup_printf (postfix, "Delayed Mail (still being retried)",
                       "####################################################################\n"
                       "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
                       "####################################################################");
  check_reason (m, "kai@example.net", "onhold");
  g_free (m);
}

/* A Diagnostic-Code that only repeats its status code's title says no more
 * than the code: the notice's Subject is read with it (Sympa's refusal). */
static void
test_title_only_diagnostic_reads_subject (void **state)
{
  (void) state;
  const char *m
      = "From: SYMPA <sympa-request@lists.example.org>\nTo: s@example.org\n"
        "Subject: Diffusion de message : erreur d'autorisation\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
        "--z\nContent-Type: text/plain\n\nYour message was rejected.\n"
        "--z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; lists.example.org\n\n"
        "Final-Recipient: rfc822; news@lists.example.org\nAction: failed\nStatus: 5.7.1\n"
        "Diagnostic-Code: X-Sympa; Delivery not authorized, message refused\n--z--\n";
  check_reason (m, "news@lists.example.org", "rejected");
}

/* A Remote-MTA written as an address names no receiver: the recipient's domain
 * does (NTT docomo documents its "550 Unknown user" as its filter's answer). */
static void
test_receiver_behind_address_literal (void **state)
{
  (void) state;
  const char *m
      = "From: MAILER-DAEMON@mx.example.net\nTo: s@example.org\n"
        "Subject: Delivery Status Notification (Failure)\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
        "--z\nContent-Type: text/plain\n\nDelivery failed.\n"
        "--z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
        "Final-Recipient: rfc822; kei@docomo.ne.jp\nAction: failed\nStatus: 5.3.0\n"
        "Remote-MTA: dns; [192.0.2.7]\n"
        "Diagnostic-Code: smtp; 5.3.0 - Other mail system problem 550-'Unknown user'\n--z--\n";
  check_reason (m, "kei@docomo.ne.jp", "filtered");
}

/* A Diagnostic-Code that is only a program's exit status: the notice's words
 * for the recipient are the diagnostic, and what the program's output says
 * outranks the program's failure. */
static void
test_exit_status_diagnostic (void **state)
{
  (void) state;
  const char *m
      = "From: MAILER-DAEMON@mx.example.net\nTo: s@example.org\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
        "--z\nContent-Type: text/plain\n\nThis is the mail system at host mx.example.net.\n\n"
        "<bo@example.net>: Command died with status 75: \"/usr/bin/procmail\". Command\n"
        "    output: procmail: Quota exceeded while writing \"/var/mail/bo\"\n\n"
        "--z\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
        "Final-Recipient: rfc822; bo@example.net\nAction: failed\nStatus: 5.3.0\n"
        "Diagnostic-Code: X-Unix; 75\n--z--\n";
  BounceReport *r = expect_records (m, 1, "bo@example.net");
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_non_null (strstr (bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC), "Quota exceeded"));
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailboxfull");
  bounce_report_free (r);
}

/* A delivery-status part that holds prose: read as the notice's text. */
static void
test_prose_in_delivery_status_part (void **state)
{
  (void) state;
  check_records ("From: MAILER-DAEMON@mx.example.org\nTo: s@example.org\n"
                 "Subject: Undelivered Mail Returned to Sender\n"
                 "Content-Type: multipart/report; report-type=delivery-status; boundary=z\n\n"
                 "--z\nContent-Type: text/plain\n\n\n"
                 "--z\nContent-Type: message/delivery-status\n\n"
                 "The message could not be delivered to dora@example.net:\n"
                 "550 5.1.1 user unknown\n--z--\n",
                 1, "dora@example.net");
  /* fields written "Name : value" are fields, not prose */
  BounceReport *r = expect_records ("From: MAILER-DAEMON@mx.example.org\nTo: s@example.org\n"
                                    "Subject: Undelivered Mail Returned to Sender\n"
                                    "Content-Type: multipart/report; report-type=delivery-status; "
                                    "boundary=z\n\n"
                                    "--z\nContent-Type: text/plain\n\nFailed.\n"
                                    "--z\nContent-Type: message/delivery-status\n\n"
                                    "Reporting-MTA : dns;mx.example.org\n"
                                    "Action : failed\nStatus : 5.1.1\n"
                                    "Final-Recipient : rfc822;eli@example.net\n--z--\n",
                                    1, "eli@example.net");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_SOURCE),
                       "dsn");
  bounce_report_free (r);
}

/* Messages with a signal the bounce guard reacts to that are no bounce: a
 * success report in plain text, a challenge-response request. */
static void
test_signals_without_failure (void **state)
{
  (void) state;
  check_records ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
                 "To: s@example.org\nSubject: Successful Mail Delivery Report\n\n"
                 "This is the mail system at host mx.example.org.\n\n"
                 "Your message was successfully delivered to the destination(s)\n"
                 "listed below.\n\n"
                 "<kim@example.com>: delivery via mx.example.com: 250 2.0.0 Ok\n",
                 0, NULL);
  check_records ("From: Sender Verification <verify@guard.example.net>\nTo: s@example.org\n"
                 "Subject: Please confirm your message to tom@example.net\n"
                 "Auto-Submitted: auto-replied\n\n"
                 "Your message is held until you confirm that you are a person.\n",
                 0, NULL);
}

static void
test_mbox_reads_every_message (void **state)
{
  (void) state;
  char *path = NULL;
  int fd = g_file_open_tmp ("bounce-test-XXXXXX.mbox", &path, NULL);
  GString *box = g_string_new (NULL);
  for (int i = 0; i < 3; i++)
    {
      g_string_append (box, "From MAILER-DAEMON Tue Mar  3 10:15:02 2026\n");
      g_string_append (box, dsn);
      g_string_append_c (box, '\n');
    }
  assert_int_equal (write (fd, box->str, box->len), (ssize_t) box->len);
  close (fd);
  BounceMbox *mbox = bounce_mbox_open (path, NULL);
  assert_non_null (mbox);
  guint position = 0, n = 0;
  BounceReport *r;
  GError *error = NULL;
  while ((r = bounce_mbox_next (mbox, NULL, &position, &error)))
    {
      n++;
      assert_int_equal (position, n);
      check_dsn_report (r);
      bounce_report_free (r);
    }
  assert_null (error);
  assert_int_equal (n, 3);
  bounce_mbox_close (mbox);
  unlink (path);
  g_free (path);
  g_string_free (box, TRUE);
}

/* As the command reads it: a byte order mark first; a body line "From the ..."
 * unquoted; an mboxcl2 body's whole "From " line kept by its Content-Length; an
 * unreadable message reported in its place */
static void
test_mbox_forms (void **state)
{
  (void) state;
  char *path = NULL;
  int fd = g_file_open_tmp ("bounce-test-XXXXXX.mbox", &path, NULL);
  const char *tail = "From the desk of the postmaster.\n"
                     "From MAILER-DAEMON Tue Mar  3 10:15:02 2026\n";
  const char *body = strstr (dsn, "\n\n") + 2;
  GString *box = g_string_new ("\xef\xbb\xbf");
  g_string_append (box, "From MAILER-DAEMON Tue Mar  3 10:15:02 2026\n");
  g_string_append (box, dsn);
  g_string_append (box, "From the desk of the postmaster.\n");
  g_string_append (box, "\nFrom - Tue Mar 03 10:15:03 2026\n");
  g_string_append_printf (box, "Content-Length: %zu\n", strlen (body) + strlen (tail));
  g_string_append (box, dsn);
  g_string_append (box, tail);
  g_string_append (box, "\nFrom sender@example.org Tue Mar  3 10:15:04 2026\nno header here\n");
  assert_int_equal (write (fd, box->str, box->len), (ssize_t) box->len);
  close (fd);
  BounceMbox *mbox = bounce_mbox_open (path, NULL);
  assert_non_null (mbox);
  guint position = 0;
  GError *error = NULL;
  for (guint i = 1; i <= 2; i++)
    {
      BounceReport *r = bounce_mbox_next (mbox, NULL, &position, &error);
      assert_non_null (r);
      assert_null (error);
      assert_int_equal (position, i);
      check_dsn_report (r);
      bounce_report_free (r);
    }
  assert_null (bounce_mbox_next (mbox, NULL, &position, &error));
  assert_non_null (error);
  assert_int_equal (position, 3);
  g_clear_error (&error);
  assert_null (bounce_mbox_next (mbox, NULL, &position, &error));
  assert_null (error);
  bounce_mbox_close (mbox);
  unlink (path);
  g_free (path);
  g_string_free (box, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_parse_bytes_dsn),
    cmocka_unit_test (test_sieve_reject_notification),
    cmocka_unit_test (test_parse_fd_and_file),
    cmocka_unit_test (test_parse_gmime_message),
    cmocka_unit_test (test_parse_errors),
    cmocka_unit_test (test_parse_not_a_bounce_has_verdict),
    cmocka_unit_test (test_parse_feedback_and_auto_reply),
    cmocka_unit_test (test_mbox_reads_every_message),
    cmocka_unit_test (test_mbox_forms),
    cmocka_unit_test (test_plain_notice_guard),
    cmocka_unit_test (test_plain_notice_guard_replies),
    cmocka_unit_test (test_auto_reply_signals),
    cmocka_unit_test (test_auto_reply_field_on_notice),
    cmocka_unit_test (test_blank_lines_before_headers),
    cmocka_unit_test (test_recipient_forms),
    cmocka_unit_test (test_exit_status_diagnostic),
    cmocka_unit_test (test_screen_names),
    cmocka_unit_test (test_receiver_behind_address_literal),
    cmocka_unit_test (test_final_notice_of_network_failure),
    cmocka_unit_test (test_title_only_diagnostic_reads_subject),
    cmocka_unit_test (test_prose_in_delivery_status_part),
    cmocka_unit_test (test_signals_without_failure),
    cmocka_unit_test (test_parse_dsn_fields_in_text_part_of_auto_replied),
    cmocka_unit_test (test_parse_notice_words_name_the_cause),
    cmocka_unit_test (test_parse_persons_forward_of_text_notice),
    cmocka_unit_test (test_parse_forward_reads_notice_as_message),
    cmocka_unit_test (test_parse_inline_forward),
    cmocka_unit_test (test_parse_sender_address_in_continuation_line),
    cmocka_unit_test (test_parse_list_and_postmaster_notices),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
