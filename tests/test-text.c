/* test-text.c: the free-text engine: preparing the notice, section markers,
 * blank lines, excluded addresses, and the recipient fallbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "bounce/bounce.h"
#include "notice.h"
#include "text.h"

/* Parses a message; returns the report (caller frees). */
static BounceReport *
parse (const char *message)
{
  GError *err = NULL;
  BounceReport *r = bounce_parse_bytes (message, strlen (message), NULL, &err);
  assert_non_null (r);
  return r;
}

static const char *
rcpt (const BounceReport *r, guint i)
{
  const BounceRecord *rec = bounce_report_get_record (r, i);
  assert_non_null (rec);
  return bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT);
}

static const char *
diag (const BounceReport *r, guint i)
{
  return bounce_record_get (bounce_report_get_record (r, i), BOUNCE_FIELD_DIAGNOSTIC);
}

/* Sendmail's delivery-status part quotes the last line of a multi-line reply;
 * its transcript logs every line: the record's diagnostic is the whole reply */
static void
test_sendmail_multiline_reply_from_transcript (void **state)
{
  (void) state;
  static const char m[]
      = "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\n"
        "To: sender@example.org\n"
        "Subject: Returned mail: see transcript for details\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
        "--b\nContent-Type: text/plain\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<a@example.com>\n"
        "    (reason: 550 5.7.1 rejected, see the postmaster page)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mx.example.com.:\n"
        ">>> DATA\n"
        "<<< 550-5.7.1 Your message looks like spam to us.\n"
        "<<< 550 5.7.1 rejected, see the postmaster page\n\n"
        "--b\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mail.example.org\n\n"
        "Final-Recipient: RFC822; a@example.com\nAction: failed\nStatus: 5.7.1\n"
        "Remote-MTA: DNS; mx.example.com\n"
        "Diagnostic-Code: SMTP; 550 5.7.1 rejected, see the postmaster page\n\n"
        "--b--\n";
  BounceReport *r = parse (m);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (diag (r, 0), "550-5.7.1 Your message looks like spam to us. 550 5.7.1 "
                                    "rejected, see the postmaster page");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "spamdetected");
  bounce_report_free (r);
  /* a one-line reply, or a diagnostic no reply of the transcript ends with, stays */
  GString *other = g_string_new (m);
  g_string_replace (other, "<<< 550-5.7.1 Your message looks like spam to us.\n", "", 1);
  r = parse (other->str);
  assert_string_equal (diag (r, 0), "550 5.7.1 rejected, see the postmaster page");
  bounce_report_free (r);
  g_string_free (other, TRUE);
  /* the notice alone: its "(reason: ...)" is the whole reply too, and the host
   * the transcript talked to is the one that answered */
  static const char text[]
      = "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\n"
        "To: sender@example.org\n"
        "Subject: Returned mail: see transcript for details\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<a@example.com>\n"
        "    (reason: 550 5.7.1 rejected, see the postmaster page)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mx.example.com.:\n"
        ">>> DATA\n"
        "<<< 550-5.7.1 Your message looks like spam to us.\n"
        "<<< 550 5.7.1 rejected, see the postmaster page\n\n"
        "   ----- Original message follows -----\n";
  r = parse (text);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (diag (r, 0), "550-5.7.1 Your message looks like spam to us. 550 5.7.1 "
                                    "rejected, see the postmaster page");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REMOTE_MTA),
                       "mx.example.com");
  bounce_report_free (r);
}

/* an address the quoted reply names, on a line folded under the entry or after
 * the reply's code, is no recipient of its own */
/* Sendmail writes an address as it was given: a transcript entry without
 * brackets ("550 5.1.2 user@host... Host unknown") is that recipient's */
static void
test_sendmail_bare_entry (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mta.example.org>\nTo: sender@example.org\n"
      "Subject: Returned mail: see transcript for details\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n"
      "alice@example.org\n    (reason: 550 5.1.1 User unknown)\n"
      "someone@nowhere.test\n\n"
      "   ----- Transcript of session follows -----\n"
      "550 5.1.1 alice@example.org... User unknown\n"
      "550 5.1.2 someone@nowhere.test... Host unknown (Name server: nowhere.test: host not found)\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 1), "someone@nowhere.test");
  assert_non_null (diag (r, 1));
  assert_non_null (strstr (diag (r, 1), "Host unknown"));
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_REASON),
                       "hostunknown");
  bounce_report_free (r);
}

/* Sendmail's "<addr>... Deferred:" entry is a delay in a warning, and the last
 * attempt's answer in a notice that says it gave up */
static void
test_sendmail_deferred_entry (void **state)
{
  (void) state;
  static const char notice[]
      = "From: Mail Delivery Subsystem <MAILER-DAEMON@mta.example.org>\nTo: sender@example.org\n"
        "Subject: %s\n\n"
        "   ----- Transcript of session follows -----\n"
        "<kai@example.net>... Deferred: Connection refused by mx.example.net.\n"
        "%s\n";
  char *m = g_strdup_printf (notice, "Returned mail: see transcript for details",
                             "Message could not be delivered for 5 days\n"
                             "Message will be deleted from queue");
  BounceReport *r = parse (m);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_null (bounce_record_get (rec, BOUNCE_FIELD_ACTION));
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "expired");
  bounce_report_free (r);
  g_free (m);
  m = g_strdup_printf (notice, "Warning: could not send message for past 4 hours",
                       "Warning: message still undelivered after 4 hours\n"
                       "Will keep trying until message is 5 days old");
  r = parse (m);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ACTION), "delayed");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "networkerror");
  bounce_report_free (r);
  g_free (m);
}

static void
test_address_in_quoted_reply (void **state)
{
  (void) state;
  static const char postfix[]
      = "From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
        "To: sender@example.org\n"
        "Subject: Undelivered Mail Returned to Sender\n\n"
        "This is the mail system at host mail.example.org.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients. It's attached below.\n\n"
        "                   The mail system\n\n"
        "<a@example.com>: host mx.example.com[192.0.2.10] said: 450 4.1.8\n"
        "    <sender@example.org>: Sender address rejected: Domain not found (in\n"
        "    reply to MAIL FROM command)\n";
  BounceReport *r = parse (postfix);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "a@example.com");
  assert_non_null (strstr (diag (r, 0), "Sender address rejected"));
  bounce_report_free (r);
  static const char qmail[]
      = "From: MAILER-DAEMON@mail.example.org\n"
        "To: sender@example.org\n"
        "Subject: failure notice\n\n"
        "Hi. This is the qmail-send program at mail.example.org.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        "<a@example.com>:\n"
        "Connected to 192.0.2.10 but sender was rejected.\n"
        "Remote host said: 550 5.7.1 Access denied. To be removed please forward this "
        "message to delist@example.net.\n"
        "Giving up on 192.0.2.10.\n\n"
        "--- Below this line is a copy of the message.\n\n"
        "To: a@example.com\nFrom: sender@example.org\nSubject: hi\n\nhi\n";
  r = parse (qmail);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "a@example.com");
  bounce_report_free (r);
  /* qmail keeps a quoted local part without its quotes: "<john doe@...>:" */
  static const char unquoted[]
      = "From: MAILER-DAEMON@mail.example.org\n"
        "To: sender@example.org\n"
        "Subject: failure notice\n\n"
        "Hi. This is the qmail-send program at mail.example.org.\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
        "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
        "<john doe@example.com>:\n"
        "192.0.2.10 does not like recipient.\n"
        "Remote host said: 550 5.1.1 User unknown\n"
        "Giving up on 192.0.2.10.\n\n"
        "<b@example.net>:\n"
        "192.0.2.11 does not like recipient.\n"
        "Remote host said: 552 5.2.2 Mailbox full\n"
        "Giving up on 192.0.2.11.\n\n"
        "--- Below this line is a copy of the message.\n\n"
        "To: b@example.net\nFrom: sender@example.org\nSubject: hi\n\nhi\n";
  r = parse (unquoted);
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "\"john doe\"@example.com");
  assert_non_null (strstr (diag (r, 0), "User unknown"));
  assert_null (strstr (diag (r, 0), "Mailbox full"));
  bounce_report_free (r);
  /* recipients listed one under the other, each with its reply, stay apart */
  static const char two[]
      = "From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
        "To: sender@example.org\n"
        "Subject: Undelivered Mail Returned to Sender\n\n"
        "This is the mail system at host mail.example.org.\n\n"
        "                   The mail system\n\n"
        "<a@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 unknown\n"
        "<b@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 unknown\n";
  r = parse (two);
  assert_int_equal (bounce_report_n_records (r), 2);
  bounce_report_free (r);
  /* the reply names the entry's own recipient on a folded line: the line is the
   * reply's, the address with it */
  static const char own[]
      = "From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
        "To: sender@example.org\n"
        "Subject: Undelivered Mail Returned to Sender\n\n"
        "This is the mail system at host mail.example.org.\n\n"
        "                   The mail system\n\n"
        "<a@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1\n"
        "    <a@example.com>: Recipient address rejected: User unknown in local\n"
        "    recipient table (in reply to RCPT TO command)\n\n"
        "<b@example.net>: host mx.example.net[192.0.2.11] said: 552 5.2.2 over quota\n"
        "    (in reply to RCPT TO command)\n";
  r = parse (own);
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "a@example.com");
  assert_non_null (strstr (diag (r, 0), "550 5.1.1 <a@example.com>: Recipient address rejected"));
  assert_string_equal (rcpt (r, 1), "b@example.net");
  assert_null (strstr (diag (r, 1), "Recipient address rejected"));
  bounce_report_free (r);
  /* Sendmail's transcript under a list of several recipients is the last one's
   * no more than the others' */
  static const char sendmail[]
      = "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\n"
        "To: sender@example.org\n"
        "Subject: Returned mail: see transcript for details\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<a@example.com>\n    (reason: 550 5.1.1 User unknown)\n"
        "<b@example.net>\n    (reason: 552 5.2.2 Mailbox full)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mx.example.com.:\n>>> RCPT To:<a@example.com>\n"
        "<<< 550 5.1.1 User unknown\n550 5.1.1 <a@example.com>... User unknown\n"
        "... while talking to mx.example.net.:\n>>> RCPT To:<b@example.net>\n"
        "<<< 552 5.2.2 Mailbox full\n552 5.2.2 <b@example.net>... Mailbox full\n";
  r = parse (sendmail);
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 1), "b@example.net");
  assert_null (strstr (diag (r, 1), "User unknown"));
  bounce_report_free (r);
  /* ... and a recipient's "Deferred:" line in it ends at the next host's lines */
  static const char deferred[]
      = "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.org>\n"
        "To: sender@example.org\n"
        "Subject: Returned mail: see transcript for details\n\n"
        "   ----- The following addresses had permanent fatal errors -----\n"
        "<a@example.com>\n    (reason: 550 5.1.1 User unknown)\n\n"
        "   ----- Transcript of session follows -----\n"
        "... while talking to mx.example.net.:\n>>> RCPT To:<b@example.net>\n"
        "<<< 452 4.2.2 Mailbox full\n<b@example.net>... Deferred: 452 4.2.2 Mailbox full\n"
        "... while talking to mx.example.com.:\n>>> RCPT To:<a@example.com>\n"
        "<<< 550 5.1.1 User unknown\n550 5.1.1 <a@example.com>... User unknown\n"
        "... while talking to mx.example.org.:\n>>> RCPT To:<c@example.org>\n"
        "<<< 451 4.3.0 Server busy\n<c@example.org>... Deferred: 451 4.3.0 Server busy\n";
  r = parse (deferred);
  assert_int_equal (bounce_report_n_records (r), 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *action
          = bounce_record_get (bounce_report_get_record (r, i), BOUNCE_FIELD_ACTION);
      if (strcmp (rcpt (r, i), "a@example.com") == 0)
        assert_null (action);
      else /* the "Deferred:" ones are retried */
        assert_string_equal (action, "delayed");
      if (strcmp (rcpt (r, i), "b@example.net") == 0)
        {
          assert_non_null (strstr (diag (r, i), "Mailbox full"));
          assert_null (strstr (diag (r, i), "mx.example.com"));
        }
    }
  bounce_report_free (r);
}

static void
test_prepare_strips_cr_and_quotes (void **state)
{
  (void) state;
  const char *in = "Begin forwarded message:\r\n\r\n> From: MAILER-DAEMON\r\n> Subject: x\r\n>\r\n"
                   "> <alice@example.com>\r\n>     (reason: 550 unknown)\r\n>>>> RCPT TO\r\n";
  char *out = notice_prepare (in, strlen (in));
  assert_null (strchr (out, '\r'));
  assert_non_null (strstr (out, "\n<alice@example.com>\n"));
  assert_non_null (strstr (out, "\n>>> RCPT TO\n"));
  g_free (out);
  /* a notice with a few transcript lines is left as it is */
  in = "The mail system\n\n<bob@example.com>: said 550\n>>> RCPT TO:<bob@example.com>\n"
       "<<< 550 unknown\nmore text\nand more\n";
  out = notice_prepare (in, strlen (in));
  assert_string_equal (out, in);
  g_free (out);
}

static void
test_excluded_addresses (void **state)
{
  (void) state;
  assert_true (text_excluded ("MAILER-DAEMON@example.net", NULL, TRUE));
  assert_true (text_excluded ("mailer-daemon@example.net", NULL, FALSE));
  assert_false (text_excluded ("alice@example.com", NULL, FALSE));
  /* the bounce's own addressee, named in a sentence, is not a recipient (it
   * would be, listed on a line of its own in the recipient section) */
  BounceReport *r = parse ("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
                           "To: sender@example.org\nSubject: Undelivered Mail\n\n"
                           "This is the mail system at host mx.example.net.\n\n"
                           "                   The mail system\n\n"
                           "Your message to sender@example.org was returned:\n\n<carol@example.com>: host said: 550 5.1.1 unknown\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "carol@example.com");
  bounce_report_free (r);
  /* the notice's From is a recipient where the returned message was sent to it
   * (a receiver that writes its notice as the address it could not deliver to) */
  r = parse ("From: Mail Delivery Service <help@example.org>\nTo: sender@example.com\n"
             "Subject: Mail Delivery Failed (Hello)\nContent-Type: multipart/mixed; boundary=b\n\n"
             "--b\nContent-Type: text/plain\n\n"
             "This is the mail delivery service responsible for delivering mail to help@example.org.\n\n"
             "The message you've sent cannot be delivered.\n\nRcpt To: help@example.org\n\n"
             "--b\nContent-Type: message/rfc822\n\nFrom: sender@example.com\nTo: help@example.org\n"
             "Subject: Hello\n\nHi\n--b--\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "help@example.org");
  bounce_report_free (r);
}

static void
test_begin_and_end_markers (void **state)
{
  (void) state;
  /* addresses before the begin marker and after the end marker are not read */
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\nTo: sender@example.org\n"
      "Subject: Returned mail: see transcript for details\n\n"
      "The original message was received at Mon, 3 Mar 2025 from client@example.org\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n"
      "<dave@example.com>\n    (reason: 550 5.1.1 User unknown)\n\n"
      "   ----- Original message follows -----\n\nTo: erin@example.com\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "dave@example.com");
  assert_string_equal (diag (r, 0), "(reason: 550 5.1.1 User unknown)");
  bounce_report_free (r);
}

static void
test_blank_line_closes_recipient (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: MAILER-DAEMON@mail.example.net\nTo: sender@example.org\nSubject: failure notice\n\n"
      "Hi. This is the qmail-send program at mail.example.net.\n"
      "I'm afraid I wasn't able to deliver your message to the following addresses.\n\n"
      "<frank@example.com>:\nRemote host said: 550 No such user\n\n"
      "This text belongs to nobody.\n\n"
      "<grace@example.com>:\nRemote host said: 552 Mailbox full\n\n"
      "--- Below this line is a copy of the message.\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "frank@example.com");
  assert_string_equal (diag (r, 0), "Remote host said: 550 No such user");
  assert_string_equal (rcpt (r, 1), "grace@example.com");
  assert_string_equal (diag (r, 1), "Remote host said: 552 Mailbox full");
  bounce_report_free (r);
}

static void
test_fallback_quoted_header_block (void **state)
{
  (void) state;
  /* no address in the notice: the To of the headers quoted after it */
  BounceReport *r = parse (
      "From: MMSC <sysadmin@mms.vzwpix.com>\nTo: sender@example.org\nSubject: Undeliverable Message\n\n"
      "Message could not be delivered to mobile.\nError: No valid recipients for this MM\n\n"
      "Original Message:\nFrom: sender@example.org\nTo: 5555550100@vzwpix.com\nSubject: hi\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "5555550100@vzwpix.com");
  bounce_report_free (r);
  /* an address that a quoted reply names as its object comes before the To of
   * the returned message (a list's address); a refused sender's does not */
  static const char list_mail[]
      = "From: MAILER-DAEMON@relay.example.net\nTo: news-bounces@example.org\n"
        "Subject: Undeliverable message\n\n"
        "Your message could not be delivered.\n\n"
        "The server replied with %s\n\n"
        "Original Message:\nFrom: news@example.org\nTo: members@lists.example.org\nSubject: hi\n";
  char *m = g_strdup_printf (list_mail, "550 5.1.1 <olga@example.net>: User unknown");
  r = parse (m);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "olga@example.net");
  bounce_report_free (r);
  g_free (m);
  m = g_strdup_printf (list_mail, "550 5.7.1 <news@example.org>: Sender address rejected");
  r = parse (m);
  for (guint i = 0; i < bounce_report_n_records (r); i++)
    assert_string_not_equal (rcpt (r, i), "news@example.org");
  bounce_report_free (r);
  g_free (m);
  m = g_strdup_printf (list_mail, "550 5.7.1 <news@example.org>: Access denied");
  r = parse (m);
  for (guint i = 0; i < bounce_report_n_records (r); i++)
    assert_string_not_equal (rcpt (r, i), "news@example.org");
  bounce_report_free (r);
  g_free (m);
}

static void
test_fallback_verp (void **state)
{
  (void) state;
  /* a notice naming no address, sent back to a VERP envelope address */
  BounceReport *r = parse (
      "Delivered-To: bounces+henry=example.com@lists.example.org\n"
      "From: MAILER-DAEMON@mx.example.net\nTo: bounces+henry=example.com@lists.example.org\n"
      "Subject: Undeliverable mail\n\nYour message could not be delivered: mailbox unavailable.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "henry@example.com");
  bounce_report_free (r);
}

static void
test_x_failed_recipients (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: sender@example.org\n"
      "X-Failed-Recipients: ivan@example.com, judy@example.com\n"
      "Subject: Mail delivery failed: returning message to sender\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  ivan@example.com\n    550 5.1.1 unknown user\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "ivan@example.com");
  assert_string_equal (rcpt (r, 1), "judy@example.com");
  bounce_report_free (r);
}

static void
test_not_a_bounce (void **state)
{
  (void) state;
  /* an ordinary message that mentions addresses and failure words */
  BounceReport *r = parse (
      "From: Alice <alice@example.com>\nTo: bob@example.org\nSubject: lunch\n\n"
      "Hi Bob, my message to carol@example.net could not be delivered, odd.\n"
      "Recipient: dave@example.net\n");
  assert_int_equal (bounce_report_n_records (r), 0);
  assert_non_null (bounce_report_get_verdict (r));
  bounce_report_free (r);
  /* a person's reply that quotes a notice a family knows; the same notice
   * forwarded is read */
  static const char quoted[]
      = "\n\n> Delivery has failed to these recipients or groups:\n>\n> carol@example.net\n"
        "> The email address you entered couldn't be found.\n";
  char *reply = g_strconcat ("From: Bob <bob@example.net>\nTo: alice@example.com\n"
                             "Subject: Re: Undeliverable: hello\n\nSame here, odd.",
                             quoted, NULL);
  r = parse (reply);
  assert_int_equal (bounce_report_n_records (r), 0);
  bounce_report_free (r);
  char *forward = g_strconcat ("From: Bob <bob@example.net>\nTo: alice@example.com\n"
                               "Subject: Fwd: Undeliverable: hello\n\nSee below.",
                               quoted, NULL);
  r = parse (forward);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "carol@example.net");
  bounce_report_free (r);
  g_free (reply);
  g_free (forward);
}

static void
test_bulk_mail_about_delivery (void **state)
{
  (void) state;
  /* failure words in the Subject and the text, but sent as bulk mail and not by a
   * mail system: no record, not even for the contact address */
  BounceReport *r = parse (
      "Return-Path: <bounces+1=example.org@esp.example.net>\n"
      "From: Parcel Service <noreply@parcel.example.com>\nTo: reader@example.org\n"
      "List-Unsubscribe: <https://parcel.example.com/u>\n"
      "Subject: Your parcel could not be delivered\n\n"
      "Your parcel could not be delivered today.\nContact: service@parcel.example.com\n");
  assert_int_equal (bounce_report_n_records (r), 0);
  bounce_report_free (r);
}

static void
test_identifiers_and_urls_are_not_recipients (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Administrator <postmaster@mail.example.net>\nTo: sender@example.org\n"
      "Subject: Undeliverable mail\n\n"
      "Your message could not be delivered to one or more recipients.\n\n"
      "Recipient: kurt@example.com\nReason: 550 5.1.1 Mailbox unavailable\n\n"
      "Help: helpdesk@example.net\n"
      "See https://help.example.net/ndr?sender=sender@example.org&id=1\n"
      "Message-ID of your message: <20250303.4411@mail.example.org>\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "kurt@example.com");
  assert_non_null (strstr (diag (r, 0), "550 5.1.1"));
  bounce_report_free (r);
  /* a contact's label before a shared phrase ("Sender Address:"), and header
   * fields folded onto indented lines, name no recipient */
  r = parse ("From: Mail Administrator <postmaster@mail.example.net>\nTo: sender@example.org\n"
             "Subject: Undeliverable mail\n\n"
             "Your message could not be delivered.\n\n"
             "Recipient Address: kurt@example.com\nReason: 550 5.1.1 Mailbox unavailable\n"
             "Sender Address: news@list.example.org\n\n"
             "Message-ID:\n  <20250303.4411@mail.example.org>\n"
             "To: kurt@example.com,\n  anna@example.com\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "kurt@example.com");
  bounce_report_free (r);
}

static void
test_delay_notice_action (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Warning: message 1tZa0b-0003cd-Lm delayed 24 hours\n\n"
      "This message was created automatically by mail delivery software.\n"
      "A message that you sent has not yet been delivered to one or more of its\n"
      "recipients after more than 24 hours on the queue on mx.example.net.\n\n"
      "The address to which the message has not yet been delivered is:\n\n"
      "  lisa@example.com\n    451 4.7.1 Greylisting in action\n\n"
      "No action is required on your part.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "lisa@example.com");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_ACTION),
                       "delayed");
  bounce_report_free (r);
}

static void
test_internationalized_addresses (void **state)
{
  (void) state;
  /* a UTF-8 local part or domain is the address, whole; text written without
   * spaces that runs on into an address is not */
  BounceReport *r = parse (
      "From: MAILER-DAEMON@mx.example.org\nTo: sender@example.org\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "This is the mail system at host mx.example.org.\n\n"
      "<b\xc3\xb8""b@b\xc3\xbc""cher.example>: host mx.example.com[192.0.2.1] said: 550 5.1.1\n"
      "    user unknown (in reply to RCPT TO command)\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "b\xc3\xb8""b@b\xc3\xbc""cher.example");
  bounce_report_free (r);
  r = parse ("From: MAILER-DAEMON@mx.example.jp\nTo: sender@example.org\n"
             "Subject: Undelivered Mail\n"
             "Content-Type: text/plain; charset=utf-8\n\n"
             "\xe5\xae\x9b\xe5\x85\x88kim@example.jp\xe3\x81\xaf"
             "\xe5\xad\x98\xe5\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "kim@example.jp");
  bounce_report_free (r);
}

static void
test_sentence_in_another_language (void **state)
{
  (void) state;
  /* the one address of a clear bounce, named in a sentence no lead phrase knows;
   * the contact address beside it is left out */
  BounceReport *r = parse (
      "From: Sistema de Entrega <mailer-daemon@mail.example.net>\nTo: sender@example.org\n"
      "Subject: Mensagem n\xc3\xa3o entregue\n"
      "Content-Type: text/plain; charset=utf-8\n\n"
      "Sua mensagem para mario@example.com n\xc3\xa3o p\xc3\xb4" "de ser entregue.\n"
      "O servidor respondeu: 550 5.1.1 Usu\xc3\xa1rio desconhecido\n"
      "Entre em contato com suporte@example.net.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "mario@example.com");
  bounce_report_free (r);
}

static void
test_auto_reply_and_feedback (void **state)
{
  (void) state;
  BounceReport *r = parse ("From: Kim <kim@example.com>\nTo: sender@example.org\n"
                           "Auto-Submitted: auto-replied\nSubject: Out of office\n\n"
                           "I am away until Monday.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "kim@example.com");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "vacation");
  bounce_report_free (r);
}

static void
test_family_notes (void **state)
{
  (void) state;
  /* au: the sentence that explains the failure stands apart from the recipient
   * line, and belongs to every recipient's diagnostic */
  BounceReport *r = parse (
      "From: Mail Administrator <Postmaster@ezweb.ne.jp>\nTo: sender@example.org\n"
      "Subject: Mail System Error - Returned Mail\n\n"
      "The user(s) account is disabled.\n\n\n"
      "<nora@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "nora@ezweb.ne.jp");
  assert_non_null (strstr (diag (r, 0), "550 user unknown"));
  assert_non_null (strstr (diag (r, 0), "account is disabled"));
  bounce_report_free (r);
}

static void
test_boilerplate_after_a_sentence (void **state)
{
  (void) state;
  /* a boilerplate phrase that starts a sentence of its own leaves the sentence
   * before it on the line */
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nTo: sender@example.org\n"
      "Subject: Delivery Status Notification (Failure)\n\n"
      "Delivery to the following recipient failed permanently:\n\n     pia@example.com\n\n"
      "Technical details of permanent failure:\n"
      "The recipient server did not accept our requests to connect. Learn more at "
      "https://support.google.com/mail/answer/7720\n"
      "[example.com 192.0.2.1: socket error]\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_non_null (strstr (diag (r, 0), "did not accept our requests to connect."));
  assert_null (strstr (diag (r, 0), "Learn more"));
  bounce_report_free (r);
}

static void
test_transcript_reply_before_entry (void **state)
{
  (void) state;
  /* an old Sendmail transcript: the remote's reply and a local program's message
   * come before the recipient's own entry, which only sums them up */
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\nTo: sender@example.org\n"
      "Subject: Returned mail: see transcript for details\n\n"
      "   ----- Transcript of session follows -----\n"
      "mail.local: unknown user: sam\n"
      "554 <sam@example.net>... Service unavailable\n"
      "While talking to mx.example.com:\n"
      ">>> MAIL From:<sender@example.org>\n"
      "<<< 550 Insecure Mail Relay\n"
      "554 <ruth@example.com>... Remote protocol error\n"
      "550 example.org (smtp)... 550 Host unknown\n"
      "554 <tom@example.org>... 550 Host unknown (Authoritative answer from name server)\n");
  assert_int_equal (bounce_report_n_records (r), 3);
  assert_string_equal (rcpt (r, 0), "sam@example.net");
  assert_string_equal (diag (r, 0), "Service unavailable mail.local: unknown user: sam");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "userunknown");
  assert_string_equal (rcpt (r, 1), "ruth@example.com");
  assert_string_equal (diag (r, 1), "Remote protocol error 550 Insecure Mail Relay");
  /* a host's own line is not the next recipient's reply */
  assert_string_equal (diag (r, 2), "550 Host unknown (Authoritative answer from name server)");
  bounce_report_free (r);
}

static void
test_notice_says_retry_period_ran_out (void **state)
{
  (void) state;
  /* the notice's heading says the retries were given up; the recipient's own
   * words name no reason */
  BounceReport *r = parse (
      "From: Mail Delivery System <postmaster@mx.example.net>\nTo: sender@example.org\n"
      "Subject: Delivery Status Notification (Failure)\n\n"
      "Delivery to the following recipients failed: retry timeout exceeded\n\n"
      "  * uma@example.com\n\n"
      "Technical details:\n\nRouting: Could not find a gateway for uma@example.com\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "uma@example.com");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "expired");
  bounce_report_free (r);
  /* ... but the recipient's own words win */
  r = parse ("From: Mail Delivery System <postmaster@mx.example.net>\nTo: sender@example.org\n"
             "Subject: Returned mail\n\n"
             "Message could not be delivered for 5 days\n\n"
             "<vera@example.com>... 452 4.2.2 Mailbox full\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "mailboxfull");
  bounce_report_free (r);
}

/* A long run of address characters with an '@' every other byte: each start of an
 * address is tried once (the run read once, not once per '@'), and the address
 * after the run on the same line is still the notice's lone address. */
static void
test_lone_address_after_a_run_of_at_signs (void **state)
{
  (void) state;
  GString *m = g_string_new ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
                             "To: sender@example.org\nSubject: Undelivered Mail\n\n"
                             "Your message could not be delivered.\n\n");
  for (int i = 0; i < 100000; i++)
    g_string_append (m, "a@");
  g_string_append (m, " because dora@example.com does not exist\n");
  BounceReport *r = parse (m->str);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "dora@example.com");
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

/* An address is at most MAX_ADDRESS bytes: a longer run before an '@' is none. */
/* "Name <addr>", "Name (addr)", "Name (mailto:addr)": each a recipient of the list,
 * with its own lines */
static void
test_display_name_lines (void **state)
{
  (void) state;
  BounceReport *r
      = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
               "Subject: Undeliverable: report\nMessage-ID: <n1@mail.example.net>\n\n"
               "Delivery has failed to these recipients or groups:\n\n"
               "John Smith (john.smith@example.org)\nThe email address you entered couldn't be found.\n\n"
               "Jane Roe (mailto:jane.roe@example.org)\nThe recipient's mailbox is full.\n\n"
               "Rob Lee <rob.lee@example.org>\nThe recipient's mailbox is full.\n");
  assert_int_equal (bounce_report_n_records (r), 3);
  assert_string_equal (rcpt (r, 0), "john.smith@example.org");
  assert_string_equal (rcpt (r, 1), "jane.roe@example.org");
  assert_string_equal (rcpt (r, 2), "rob.lee@example.org");
  assert_non_null (strstr (diag (r, 0), "couldn't be found"));
  assert_non_null (strstr (diag (r, 1), "mailbox is full"));
  bounce_report_free (r);
  /* Outlook's rendering of an address as its link: the link is no diagnostic */
  r = parse ("From: postmaster@mail.example.net\nTo: alice@example.com\n"
             "Subject: Undeliverable: report\nMessage-ID: <n2@mail.example.net>\n\n"
             "Delivery has failed to these recipients or groups:\n\n"
             "kim@example.org<mailto:kim@example.org>\n"
             "The email address you entered couldn't be found.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (diag (r, 0), "The email address you entered couldn't be found.");
  bounce_report_free (r);
  /* in a notice of no known family, such a line is as often a contact's */
  r = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
             "Subject: Delivery failure\nMessage-ID: <g1@mail.example.net>\n\n"
             "Your message could not be delivered to the following address:\n\n"
             "bob@example.net\n    550 5.1.1 User unknown\n\n"
             "Questions? Write to\nIT Support <help@example.org>\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "bob@example.net");
  bounce_report_free (r);
}

/* A delivery-status group whose diagnostic is only a program's exit status, for
 * an address the notice lists only as the pipe it was expanded to: the notice's
 * section says more */
static void
test_exit_status_gives_way_to_notice (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>\nTo: alice@example.com\n"
      "Subject: Returned mail: see transcript for details\nMessage-ID: <sm2@mail.example.net>\n"
      "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n"
      "\"|/usr/local/bin/filter\"\n    (reason: 255)\n    (expanded from: <kim@example.net>)\n\n"
      "   ----- Transcript of session follows -----\n554 5.3.0 unknown mailer error 255\n\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.net\n\n"
      "Final-Recipient: RFC822; kim@example.net\nAction: failed\nStatus: 5.0.0\n"
      "Diagnostic-Code: X-Unix; 255\n\n--b--\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_non_null (strstr (diag (r, 0), "unknown mailer error 255"));
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_STATUS), "5.3.0");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailererror");
  bounce_report_free (r);
  /* a group with no diagnostic at all: the same; a success's stays without */
  static const char *const actions[] = { "failed", "delivered" };
  for (gsize i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      char *m = g_strdup_printf (
          "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>\nTo: alice@example.com\n"
          "Subject: Returned mail\nMessage-ID: <sm3@mail.example.net>\nMIME-Version: 1.0\n"
          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
          "--b\nContent-Type: text/plain\n\n   ----- Transcript of session follows -----\n"
          "554 \"|/usr/bin/procmail\"... Service unavailable\n\n"
          "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.net\n\n"
          "Final-Recipient: RFC822; kim@example.net\nAction: %s\nStatus: %s\n\n--b--\n",
          actions[i], i == 0 ? "5.5.0" : "2.0.0");
      r = parse (m);
      assert_int_equal (bounce_report_n_records (r), 1);
      if (i == 0)
        assert_non_null (strstr (diag (r, 0), "Service unavailable"));
      else
        assert_null (diag (r, 0));
      bounce_report_free (r);
      g_free (m);
    }
}

/* A transcript line that is the server's reply naming the recipient keeps its
 * reply code; Sendmail's own summary ("554 <addr>... reason") does not lend it */
static void
test_transcript_reply_keeps_its_code (void **state)
{
  (void) state;
  static const struct
  {
    const char *line, *want_reply;
  } cases[] = {
    { "550 <kim@example.net>: Recipient address rejected: User unknown", "550" },
    { "554 <kim@example.net>... User unknown", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *m = g_strdup_printf (
          "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>\nTo: alice@example.com\n"
          "Subject: Returned mail: see transcript for details\nMessage-ID: <t%zu@mail.example.net>\n\n"
          "  ----- The following addresses had permanent fatal errors -----\n\n"
          "kim@example.net\n\n  ----- Transcript of session follows -----\n%s\n",
          i, cases[i].line);
      BounceReport *r = parse (m);
      assert_int_equal (bounce_report_n_records (r), 1);
      const BounceRecord *rec = bounce_report_get_record (r, 0);
      assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
      const char *reply = bounce_record_get (rec, BOUNCE_FIELD_REPLY_CODE);
      if (g_strcmp0 (reply, cases[i].want_reply) != 0)
        fail_msg ("\"%s\": reply %s", cases[i].line, reply);
      bounce_report_free (r);
      g_free (m);
    }
}

/* Sendmail's resolver answers: the name has no record of the type asked */
static void
test_sendmail_no_data_known (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>\nTo: alice@example.com\n"
      "Subject: Returned mail: see transcript for details\nMessage-ID: <sm1@mail.example.net>\n\n"
      "The original message was received at Mon, 7 Dec 2026 09:00:00 +0000\n"
      "from localhost [127.0.0.1]\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n<vic@example.org>\n"
      "    (reason: Name server: example.org.: no data known)\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "hostunknown");
  bounce_report_free (r);
}

static void
test_address_at_is_bounded (void **state)
{
  (void) state;
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 400; i++)
    g_string_append_c (s, 'a');
  g_string_append (s, "@example.com");
  assert_int_equal (text_address_at (s->str, s->str + s->len), 0);
  assert_int_equal (text_address_at (s->str + 300, s->str + s->len), 112);
  g_string_free (s, TRUE);
}


/* Exim writes the alias as every generated address's Final-Recipient; the
 * notice's entries that name it are the failed recipients, each with its own
 * lines. A "pipe to |command" entry names its address on the next line. */
static void
test_exim_generated_from_alias (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery System <Mailer-Daemon@mx1.example.org>\n"
      "To: sender@example.org\nSubject: Mail delivery failed: returning message to sender\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-type: text/plain; charset=us-ascii\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  ann@example.net\n    (generated from team@example.org)\n"
      "    550 5.1.1 no such user\n"
      "  ben@example.org\n    (ultimately generated from team@example.org)\n"
      "    mailbox is full: retry timeout exceeded\n"
      "  pipe to |/usr/bin/tickets\n    generated by desk@example.org\n"
      "    local delivery failed\n\n"
      "--b\nContent-type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx1.example.org\n\n"
      "Action: failed\nFinal-Recipient: rfc822;team@example.org\nStatus: 5.0.0\n"
      "Diagnostic-Code: smtp; 550 5.1.1 no such user\n\n"
      "Action: failed\nFinal-Recipient: rfc822;team@example.org\nStatus: 5.0.0\n\n"
      "Action: failed\nFinal-Recipient: rfc822;desk@example.org\nStatus: 5.0.0\n\n"
      "--b--\n");
  assert_int_equal (bounce_report_n_records (r), 3);
  assert_string_equal (rcpt (r, 0), "ann@example.net");
  assert_string_equal (rcpt (r, 1), "desk@example.org");
  assert_string_equal (rcpt (r, 2), "ben@example.org");
  const BounceRecord *ben = bounce_report_get_record (r, 2);
  assert_string_equal (bounce_record_get (ben, BOUNCE_FIELD_ORIGINAL_RECIPIENT),
                       "team@example.org");
  assert_string_equal (bounce_record_get (ben, BOUNCE_FIELD_STATUS), "5.0.0");
  assert_string_equal (bounce_record_get (ben, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_REASON),
                       "mailererror");
  /* the pipe's lines are its own, not the entry's before it */
  assert_null (strstr (diag (r, 2), "pipe to"));
  assert_non_null (strstr (diag (r, 1), "local delivery failed"));
  bounce_report_free (r);

  /* the first member undisclosed: the alias's record (its diagnostic) is not
   * the second member's */
  r = parse (
      "From: Mail Delivery System <Mailer-Daemon@mx1.example.org>\n"
      "To: sender@example.org\nSubject: Mail delivery failed: returning message to sender\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-type: text/plain; charset=us-ascii\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "A message that you sent could not be delivered to one or more of its\n"
      "recipients. This is a permanent error. The following address(es) failed:\n\n"
      "  an undisclosed address\n    (generated from team@example.org)\n"
      "    550 5.1.1 no such user\n"
      "  ben@example.org\n    (generated from team@example.org)\n"
      "    mailbox is full: retry timeout exceeded\n\n"
      "--b\nContent-type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx1.example.org\n\n"
      "Action: failed\nFinal-Recipient: rfc822;team@example.org\nStatus: 5.0.0\n"
      "Diagnostic-Code: smtp; 550 5.1.1 no such user\n\n"
      "Action: failed\nFinal-Recipient: rfc822;team@example.org\nStatus: 5.0.0\n\n"
      "--b--\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "team@example.org");
  assert_string_equal (rcpt (r, 1), "ben@example.org");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_REASON),
                       "mailboxfull");
  bounce_report_free (r);
}


/* Citadel's notice that gave up retrying: the network failure it names ran until
 * the sender gave up */
static void
test_citadel_gave_up (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: \"Citadel\" <citadel@mail.example.org>\nTo: sender@example.org\n"
      "Subject: Delivery Status Notification (Failure)\nMIME-Version: 1.0\n"
      "Content-type: multipart/mixed; boundary=\"c\"\n\n"
      "--c\nContent-type: text/plain\n\n"
      "A message you sent could not be delivered to some or all of its recipients\n"
      "due to prolonged unavailability of its destination(s).\n"
      "Giving up on the following addresses:\n\n"
      " ann@example.net: 1) Timeout while connecting mx.example.net [192.0.2.25]:25 ; \n\n"
      "--c--\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "ann@example.net");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "expired");
  bounce_report_free (r);
}

/* XMail's notice: the recipient after "XMail bounce: Rcpt=[", not its SMTP
 * identifier ("ID:        <...>"), and the returned message's headers after
 * "Here is listed the initial part of the message" are not read */
static void
test_xmail_notice (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: example.net PostMaster <postmaster@example.net>\nTo: sender@example.org\n"
      "Subject: Error sending message [1234.5678.mx] from [example.net]\n\n"
      "[<00>] XMail bounce: Rcpt=[ann@example.com];Error=[550 5.1.1 <ann@example.com>... "
      "User unknown]\n\n\n"
      "[<01>] Error sending message [1234.5678.mx] from [example.net].\n\n"
      "ID:        <S1A2B3@example.net>\n"
      "Mail From: <sender@example.org>\n"
      "Rcpt To:   <ann@example.com>\n\n\n"
      "[<05>] Here is listed the initial part of the message:\n\n"
      "From: sender@example.org\nTo: ann@example.com, bob@example.net\n"
      "Subject: hello\n\n"
      "Delivered to carl@example.org by hand.\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "ann@example.com");
  assert_non_null (strstr (diag (r, 0), "550 5.1.1"));
  bounce_report_free (r);
}


/* A notice that gives recipients lines of their own: one without any states no
 * cause, and the others' codes are not its own */
static void
test_entry_without_lines_among_others (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery System <Mailer-Daemon@mx1.example.org>\n"
      "To: sender@example.org\nSubject: Warning: message 1tqDqP-0009Zx-1a delayed 24 hours\n\n"
      "This message was created automatically by mail delivery software.\n"
      "A message that you sent has not yet been delivered to one or more of its\n"
      "recipients after more than 24 hours on the queue on mx1.example.org.\n\n"
      "The addresses to which the message has not yet been delivered are:\n\n"
      "  ann@example.net\n    host mx.example.net [192.0.2.50]\n"
      "    Delay reason: SMTP error from remote mail server after RCPT TO:<ann@example.net>:\n"
      "    452 4.2.2 <ann@example.net>: Mailbox full\n"
      "  ben@example.com\n\n"
      "No action is required on your part.\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 1), "ben@example.com");
  const BounceRecord *ben = bounce_report_get_record (r, 1);
  assert_null (bounce_record_get (ben, BOUNCE_FIELD_STATUS));
  assert_null (bounce_record_get (ben, BOUNCE_FIELD_REPLY_CODE));
  assert_string_not_equal (bounce_record_get (ben, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_string_equal (bounce_record_get (ben, BOUNCE_FIELD_ACTION), "delayed");
  bounce_report_free (r);
}

/* Several addresses in one list on a line share its words; an address after
 * a contact word stays out */
static void
test_addresses_listed_on_one_line (void **state)
{
  (void) state;
  BounceReport *r
      = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
               "Subject: Undeliverable: report\nMessage-ID: <l1@mail.example.net>\n\n"
               "Your message to anna@example.com and Ben <ben@example.org> could not be "
               "delivered.\n550 5.1.1 No such user\n\n"
               "Questions: help@example.net\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "anna@example.com");
  assert_string_equal (rcpt (r, 1), "ben@example.org");
  assert_non_null (strstr (diag (r, 1), "No such user"));
  bounce_report_free (r);
  /* a contact named after the recipient on its line is no recipient */
  r = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
             "Subject: Delivery failure\nMessage-ID: <l4@mail.example.net>\n\n"
             "Delivery failed for the following addresses:\n\n"
             "fay@example.com, please write to IT help <it@example.net>\n");
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (rcpt (r, 0), "fay@example.com");
  bounce_report_free (r);
  /* "a@x, b@y: reason": the reason is what follows the list */
  r = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
             "Subject: Delivery failure\nMessage-ID: <l2@mail.example.net>\n\n"
             "Delivery failed for the following addresses:\n\n"
             "carl@example.com, dina@example.org; eve@example.net: 552 5.2.2 Mailbox full\n");
  assert_int_equal (bounce_report_n_records (r), 3);
  assert_string_equal (rcpt (r, 2), "eve@example.net");
  for (guint i = 0; i < 3; i++)
    assert_string_equal (diag (r, i), "552 5.2.2 Mailbox full");
  bounce_report_free (r);
  /* display names in a family's list: each entry, whatever its name holds */
  r = parse ("From: MAILER-DAEMON@mail.example.net\nTo: alice@example.com\n"
             "Subject: Undeliverable: report\nMessage-ID: <l3@mail.example.net>\n\n"
             "Delivery has failed to these recipients or groups:\n\n"
             "\"Ann Lee\" <ann@example.org>, Bob Roe (Sales) <bob@example.org>\n"
             "The email address you entered couldn't be found.\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "ann@example.org");
  assert_string_equal (rcpt (r, 1), "bob@example.org");
  assert_non_null (strstr (diag (r, 0), "couldn't be found"));
  assert_non_null (strstr (diag (r, 1), "couldn't be found"));
  bounce_report_free (r);
}

/* A run of lines that are each only an address shares the paragraph after it;
 * an address right above lines of its own keeps them (Exim) */
static void
test_run_of_addresses_shares_error (void **state)
{
  (void) state;
  BounceReport *r
      = parse ("From: Postmaster@mail.example.net\nTo: alice@example.com\n"
               "Subject: DELIVERY FAILURE: User not listed\nMessage-ID: <d1@mail.example.net>\n\n"
               "Your message\n\n  Subject: hello\n\nwas not delivered to:\n\n"
               "  anna@example.com\n  ben@example.org\n\nbecause:\n\n"
               "  User not listed in Domino Directory\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (diag (r, 0), "User not listed in Domino Directory");
  assert_string_equal (diag (r, 1), "User not listed in Domino Directory");
  bounce_report_free (r);
  r = parse ("From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nTo: alice@example.com\n"
             "Subject: Mail delivery failed: returning message to sender\n"
             "Message-ID: <e1@mx.example.net>\n\n"
             "This message was created automatically by mail delivery software.\n\n"
             "A message that you sent could not be delivered to one or more of its\n"
             "recipients. This is a permanent error. The following address(es) failed:\n\n"
             "  yuri@example.com\n  zoe@example.net\n    host mx.example.net [192.0.2.50]\n"
             "    SMTP error from remote mail server after RCPT TO:<zoe@example.net>:\n"
             "    550 5.1.1 <zoe@example.net>: User unknown\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (rcpt (r, 0), "yuri@example.com");
  assert_null (strstr (diag (r, 0) ? diag (r, 0) : "", "zoe@example.net"));
  bounce_report_free (r);
}

/* Kopano's spooler: recipients under the heading of their list, the retried
 * ones delayed */
static void
test_kopano_headed_lists (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery System <MAILER-DAEMON@mail.example.net>\nTo: alice@example.com\n"
      "Subject: Undelivered Mail Returned to Sender\nMessage-ID: <k1@mail.example.net>\n\n"
      "Unfortunately, kopano-spooler was unable to deliver your mail to the/some of the "
      "recipient(s).\nYou may need to contact your e-mail administrator to solve this "
      "problem.\n\nRecipients that will be retried:\n\tDora Day <dora@example.net>\n\n"
      "Recipients that failed permanently:\n\tAnna Able <anna@example.com>\n"
      "\tBen Baker <ben@example.org>\n");
  assert_int_equal (bounce_report_n_records (r), 3);
  const BounceRecord *dora = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (dora, BOUNCE_FIELD_ACTION), "delayed");
  assert_string_equal (rcpt (r, 2), "ben@example.org");
  assert_null (bounce_record_get (bounce_report_get_record (r, 2), BOUNCE_FIELD_ACTION));
  assert_string_equal (diag (r, 2), "Recipients that failed permanently:");
  bounce_report_free (r);
}

/* Sendmail's own summary with an enhanced code, "550 5.1.2 <addr>... Host
 * unknown", is the entry's reason where the list gave none; a server's reply
 * quoted the same way under an entry is a line of that entry */
static void
test_sendmail_enhanced_summary (void **state)
{
  (void) state;
  BounceReport *r = parse (
      "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\n"
      "To: alice@example.org\nSubject: Returned mail: see transcript for details\n"
      "Message-ID: <s1@relay.example.net>\n\n"
      "   ----- The following addresses had permanent fatal errors -----\n"
      "<anna@nowhere.example.com>\n<carl@example.org>\n"
      "    (reason: 550 5.1.1 <carl@example.org>... User unknown)\n\n"
      "   ----- Transcript of session follows -----\n"
      "550 5.1.2 <anna@nowhere.example.com>... Host unknown (Name server: "
      "nowhere.example.com: host not found)\n"
      "... while talking to mx.example.org.:\n>>> RCPT To:<carl@example.org>\n"
      "<<< 550 5.1.1 <carl@example.org>... User unknown\n"
      "550 5.1.1 <carl@example.org>... User unknown\n");
  assert_int_equal (bounce_report_n_records (r), 2);
  assert_string_equal (diag (r, 0), "550 5.1.2 <anna@nowhere.example.com>... Host unknown "
                                    "(Name server: nowhere.example.com: host not found)");
  assert_string_equal (diag (r, 1), "(reason: 550 5.1.1 <carl@example.org>... User unknown)");
  bounce_report_free (r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_prepare_strips_cr_and_quotes),
    cmocka_unit_test (test_sendmail_multiline_reply_from_transcript),
    cmocka_unit_test (test_sendmail_bare_entry),
    cmocka_unit_test (test_sendmail_deferred_entry),
    cmocka_unit_test (test_address_in_quoted_reply),
    cmocka_unit_test (test_excluded_addresses),
    cmocka_unit_test (test_begin_and_end_markers),
    cmocka_unit_test (test_blank_line_closes_recipient),
    cmocka_unit_test (test_fallback_quoted_header_block),
    cmocka_unit_test (test_fallback_verp),
    cmocka_unit_test (test_x_failed_recipients),
    cmocka_unit_test (test_not_a_bounce),
    cmocka_unit_test (test_auto_reply_and_feedback),
    cmocka_unit_test (test_bulk_mail_about_delivery),
    cmocka_unit_test (test_identifiers_and_urls_are_not_recipients),
    cmocka_unit_test (test_delay_notice_action),
    cmocka_unit_test (test_internationalized_addresses),
    cmocka_unit_test (test_sentence_in_another_language),
    cmocka_unit_test (test_family_notes),
    cmocka_unit_test (test_boilerplate_after_a_sentence),
    cmocka_unit_test (test_transcript_reply_before_entry),
    cmocka_unit_test (test_notice_says_retry_period_ran_out),
    cmocka_unit_test (test_lone_address_after_a_run_of_at_signs),
    cmocka_unit_test (test_address_at_is_bounded),
    cmocka_unit_test (test_display_name_lines),
    cmocka_unit_test (test_exit_status_gives_way_to_notice),
    cmocka_unit_test (test_transcript_reply_keeps_its_code),
    cmocka_unit_test (test_sendmail_no_data_known),
    cmocka_unit_test (test_exim_generated_from_alias),
    cmocka_unit_test (test_citadel_gave_up),
    cmocka_unit_test (test_xmail_notice),
    cmocka_unit_test (test_entry_without_lines_among_others),
    cmocka_unit_test (test_addresses_listed_on_one_line),
    cmocka_unit_test (test_run_of_addresses_shares_error),
    cmocka_unit_test (test_kopano_headed_lists),
    cmocka_unit_test (test_sendmail_enhanced_summary),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
