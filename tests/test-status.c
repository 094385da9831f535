/* test-status.c: recognising status codes in text (status.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "status.h"

static void
test_status_find_enhanced_in_reply (void **state)
{
  (void) state;
  char code[STATUS_MAX];
  assert_true (status_find_enhanced ("550 5.1.1 <a@example.com>: user unknown", code));
  assert_string_equal (code, "5.1.1");
  assert_true (status_find_enhanced ("550-5.7.26 This mail is unauthenticated", code));
  assert_string_equal (code, "5.7.26");
  assert_true (status_find_enhanced ("#5.4.14 hop count exceeded", code));
  assert_string_equal (code, "5.4.14");
}

static void
test_status_rejects_ip_and_versions (void **state)
{
  (void) state;
  char code[STATUS_MAX];
  assert_false (status_find_enhanced ("connect to 10.5.1.1 failed", code));
  assert_false (status_find_enhanced ("Postfix v5.1.10", code));
  assert_false (status_find_enhanced ("192.0.2.5 said no", code));
  assert_false (status_find_enhanced ("version 2.4.1000", code));
  assert_false (status_find_enhanced (NULL, code));
}

static void
test_status_find_reply (void **state)
{
  (void) state;
  char code[4];
  assert_true (status_find_reply ("host mx.example.com said: 550 5.1.1 unknown", code));
  assert_string_equal (code, "550");
  assert_true (status_find_reply ("421-4.7.0 try later", code));
  assert_string_equal (code, "421");
  assert_false (status_find_reply ("port 25000 closed", code));
  assert_false (status_find_reply ("message of 5500 bytes", code));
  /* Exchange's diagnostics: "#550 5.2.2 ... ##" and "smtp;550 5.1.1 ..." */
  assert_true (status_find_reply ("mx.example.net #552 5.2.2 Mailbox full ##", code));
  assert_string_equal (code, "552");
  assert_true (status_find_reply ("<mx.example.net #5.1.1 smtp;550 5.1.1 User unknown>", code));
  assert_string_equal (code, "550");
}

static void
test_status_normalise_forms (void **state)
{
  (void) state;
  char code[STATUS_MAX];
  assert_true (status_normalise (" 5.7.26 ", code));
  assert_string_equal (code, "5.7.26");
  assert_true (status_normalise ("571", code));
  assert_string_equal (code, "571");
  assert_false (status_normalise ("5.1", code));
  assert_false (status_normalise ("hello", code));
  assert_false (status_normalise ("5.1.1.1", code));
}

static void
test_status_remote_code (void **state)
{
  (void) state;
  char code[STATUS_MAX];
  /* the code after the reply code is the remote server's, not the summary before it */
  assert_true (status_find_remote_enhanced (
      "5.1.0 - Unknown address error 550-'5.2.2 <a@example.jp>... Mailbox Full'", code));
  assert_string_equal (code, "5.2.2");
  assert_true (status_find_remote_enhanced ("Remote host said: 550 5.7.1 Access denied", code));
  assert_string_equal (code, "5.7.1");
  /* no reply code: the first code */
  assert_true (status_find_remote_enhanced ("over quota temporarily (#5.2.2)", code));
  assert_string_equal (code, "5.2.2");
  assert_true (status_find_enhanced ("ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b.jp>... User Unknown",
                                     code));
  assert_string_equal (code, "5.1.1");
  assert_false (status_find_remote_enhanced ("no code here", code));
  /* an expiry names no cause: the last attempt's reply quoted after it does */
  assert_true (status_find_remote_enhanced (
      "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
      code));
  assert_string_equal (code, "4.4.2");
  assert_true (status_find_remote_enhanced ("550 4.4.7 QUEUE.Expired; message expired", code));
  assert_string_equal (code, "4.4.7");
}

static void
test_status_reply_class (void **state)
{
  (void) state;
  char code[4];
  /* a 220 banner before the refusal is not the reply */
  assert_true (status_find_reply_class ("220-laposte 421 4.2.1 Service refuse", '4', code));
  assert_string_equal (code, "421");
  assert_true (status_find_reply_class ("ERROR_CODE :550, ERROR_CODE :5.1.1", '5', code));
  assert_string_equal (code, "550");
  assert_true (status_find_reply ("550: 5.2.2 Mailbox Full", code));
  assert_string_equal (code, "550");
  assert_true (status_find_reply ("Message expired.<421 4.4.2 Connection timed out>", code));
  assert_string_equal (code, "421");
  assert_false (status_find_reply ("port 550:25 closed", code));
  assert_false (status_find_reply ("sent 550,000 messages", code));
}

static void
test_status_command (void **state)
{
  (void) state;
  /* Postfix */
  assert_string_equal (status_find_command ("said: 550 5.1.1 <a@b.example>... User Unknown (in reply to\n    RCPT TO command)"), "RCPT");
  assert_string_equal (status_find_command ("550 5.7.1 spam (in reply to end of DATA command)"), "DATA");
  assert_string_equal (status_find_command ("550 Access denied (in reply to MAIL FROM command)"), "MAIL");
  /* OpenSMTPD's mta names the step refused before the reply */
  assert_string_equal (status_find_command ("BANNER rejected: 554 go away"), "CONN");
  assert_string_equal (status_find_command ("EHLO rejected: 550 5.7.1 bad name"), "EHLO");
  assert_string_equal (status_find_command ("host mx.example.org[192.0.2.1] refused to talk to me: 554 go away"), "CONN");
  /* Exim */
  assert_string_equal (status_find_command ("SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 no"), "RCPT");
  assert_string_equal (status_find_command ("SMTP error from remote mail server after end of data: 550 : User unknown"), "DATA");
  assert_string_equal (status_find_command ("SMTP error from remote mail server after MAIL FROM:<a@b.example> SIZE=100: 553 no"), "MAIL");
  assert_string_equal (status_find_command ("SMTP error from remote mail server after initial connection: 554 no"), "CONN");
  /* qmail */
  assert_string_equal (status_find_command ("192.0.2.1 does not like recipient. Remote host said: 550 no"), "RCPT");
  assert_string_equal (status_find_command ("192.0.2.1 failed after I sent the message. Remote host said: 554 spam"), "DATA");
  assert_string_equal (status_find_command ("Connected to 192.0.2.1 but sender was rejected."), "MAIL");
  /* a session transcript: the command that drew the failure */
  assert_string_equal (status_find_command (">>> RCPT To:<a@b.example>\n<<< 250 ok\n>>> DATA\n<<< 554 rejected\n"), "DATA");
  assert_string_equal (status_find_command (">>> RCPT To:<a@b.example>\n<<< 550 unknown\n>>> DATA\n<<< 503 need RCPT\n"), "RCPT");
  /* ... and the one whose exchange names the recipient */
  assert_string_equal (status_find_command_for (">>> MAIL From:<s@x.example>\n<<< 501 no access\nWhile talking to mx.b.example:\n>>> RCPT To:<a@b.example>\n<<< 550 <a@b.example>... User unknown\n",
                                                "a@b.example", FALSE), "RCPT");
  /* Yahoo's step in brackets */
  /* an entry written before any command was sent failed in no SMTP session */
  assert_null (status_find_command_for ("----- Transcript of session follows -----\n"
                                        "550 5.1.1 a@b.example... User unknown\n"
                                        "... while talking to mx.c.example.:\n>>> DATA\n"
                                        "<<< 554 rejected\n",
                                        "a@b.example", FALSE));
  assert_string_equal (status_find_command_for ("----- Transcript of session follows -----\n"
                                                "550 5.1.1 a@b.example... User unknown\n"
                                                "... while talking to mx.c.example.:\n>>> DATA\n"
                                                "<<< 554 rejected\n",
                                                "d@c.example", FALSE),
                       "DATA");
  assert_string_equal (status_find_command ("550 5.2.1 <a@b.example>... User Unknown [RCPT_TO]"), "RCPT");
  /* a labelled section, and bare capitals */
  assert_string_equal (status_find_command ("-------SMTP command\nDATA\n"), "DATA");
  assert_string_equal (status_find_command ("SMTP:RCPT host 192.0.2.1: 553 no such user"), "RCPT");
  assert_string_equal (status_find_command ("rejected at RCPT stage"), "RCPT");
  /* nothing said, or words that only look like it */
  assert_null (status_find_command ("550 5.1.1 User unknown"));
  assert_null (status_find_command ("too much mail data in the mailbox; see the database"));
  assert_null (status_find_command ("ORCPT=rfc822;a@b.example"));
  assert_null (status_find_command (NULL));
  /* wording only: no transcript, no capitals */
  assert_null (status_find_command_for (">>> DATA\n<<< 554 no\n", NULL, TRUE));

  /* Sendmail pipelines RCPT TO and DATA: ">>> DATA" stands before the replies to
   * RCPT TO; a reply followed by another of the block, or naming the address,
   * answered RCPT TO; the block's last reply, naming none, answered DATA */
  const char *piped = "... while talking to mx.example.net.:\n>>> DATA\n"
                      "<<< 554 5.7.1 Client host blocked\n554 5.0.0 Service unavailable\n"
                      "<<< 554 5.5.1 Error: no valid recipients\n";
  assert_string_equal (status_find_command_for (piped, "a@example.net", FALSE), "RCPT");
  const char *named = "... while talking to mx.example.net.:\n>>> DATA\n"
                      "<<< 550 5.1.1 <b@example.net>: User unknown\n"
                      "550 5.1.1 <b@example.net>... User unknown\n";
  assert_string_equal (status_find_command_for (named, "b@example.net", FALSE), "RCPT");
  const char *data = "... while talking to mx.example.net.:\n>>> DATA\n"
                     "<<< 550-5.7.26 This mail is unauthenticated\n<<< 550 5.7.26 see the page\n"
                     "554 5.0.0 Service unavailable\n";
  assert_string_equal (status_find_command_for (data, "c@example.net", FALSE), "DATA");
  /* several recipients: a recipient's own reply is the one its diagnostic
   * quotes, a reply of several lines joined by spaces or its last line alone */
  const char *two = "... while talking to mx1.example.com.:\n>>> RCPT To:<a@example.com>\n"
                    "<<< 550 5.1.1 User unknown\n550 5.1.1 <a@example.com>... User unknown\n"
                    "... while talking to mx2.example.net.:\n>>> DATA\n"
                    "<<< 550-Your message looks like spam to us.\n"
                    "<<< 550 Rejected, please contact the postmaster.\n";
  StatusCommandText t;
  status_command_text_init (&t, two);
  assert_string_equal (status_command_text_find_own (&t, "b@example.net",
                                                     "550 Rejected, please contact the postmaster."),
                       "DATA");
  assert_string_equal (status_command_text_find_own (&t, "b@example.net",
                                                     "550-Your message looks like spam to us. "
                                                     "550 Rejected, please contact the postmaster."),
                       "DATA");
  assert_string_equal (status_command_text_find_own (&t, "a@example.com", "550 5.1.1 User unknown"),
                       "RCPT");
  assert_string_equal (status_command_text_find_own (&t, "b@example.net",
                                                     "(reason: 550 Rejected, please contact the postmaster.)"),
                       "DATA");
  assert_null (status_command_text_find_own (&t, "b@example.net", "550 Rejected, see the page"));
  status_command_text_clear (&t);
  /* a reply before any command: the greeting */
  assert_string_equal (status_find_command_for ("... while talking to mx.example.net.:\n"
                                                "<<< 554 5.7.1 not accepting mail\n",
                                                NULL, FALSE),
                       "CONN");
  assert_string_equal (status_find_command_for (" >>> (initial greeting)\n <<< 554 no\n", NULL, FALSE),
                       "CONN");
}

/* the host that answered, as Postfix, Exim, Sendmail and Courier name it */
static void
test_status_remote_host (void **state)
{
  (void) state;
  char h[STATUS_HOST_MAX];
  assert_true (status_find_remote_host (
      "host MX3.Example.NET[192.0.2.1] said: 550 5.1.1 unknown (in reply to RCPT TO command)", h));
  assert_string_equal (h, "mx3.example.net");
  assert_true (status_find_remote_host ("host mx.example.org[192.0.2.2] refused to talk to me: 554", h));
  assert_string_equal (h, "mx.example.org");
  assert_true (status_find_remote_host ("connect to mx.example.org[192.0.2.3]:25: Connection refused", h));
  assert_string_equal (h, "mx.example.org");
  assert_true (status_find_remote_host (
      "SMTP error from remote mail server after RCPT TO:<a@example.com>:\n    host mx.example.com [192.0.2.4]: 550 no", h));
  assert_string_equal (h, "mx.example.com");
  assert_true (status_find_remote_host ("... while talking to mx.example.jp.:\n<<< 550 no", h));
  assert_string_equal (h, "mx.example.jp");
  /* Courier's peer line, first in the recipient's text */
  assert_true (status_find_remote_host ("Mx.Example.com [192.0.2.5]: >>> RCPT TO:<a@example.com> 550 no", h));
  assert_string_equal (h, "mx.example.com");
  assert_false (status_find_remote_host ("550 rejected. example.com [see the FAQ]", h));
  assert_false (status_find_remote_host ("example.com [192.0.2.5] said nothing", h));
  /* no dot, no address after it, or only words */
  assert_false (status_find_remote_host ("host localhost[127.0.0.1] said: 550", h));
  assert_false (status_find_remote_host ("the host example.org is unknown", h));
  assert_false (status_find_remote_host ("connect to example.org failed", h));
  assert_false (status_find_remote_host (NULL, h));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_status_find_enhanced_in_reply),
    cmocka_unit_test (test_status_rejects_ip_and_versions),
    cmocka_unit_test (test_status_find_reply),
    cmocka_unit_test (test_status_normalise_forms),
    cmocka_unit_test (test_status_remote_code),
    cmocka_unit_test (test_status_reply_class),
    cmocka_unit_test (test_status_command),
    cmocka_unit_test (test_status_remote_host),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
