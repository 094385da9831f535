/* test-dsn.c: delivery-status extraction (dsn.c) through the report objects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "dsn.h"

static const char two_recipients[] =
    "Reporting-MTA: dns; mx.example.org\n"
    "Arrival-Date: Tue, 3 Mar 2026 10:14:58 +0100\n"
    "\n"
    "Final-Recipient: rfc822; <Alice@Example.COM>\n"
    "Original-Recipient: rfc822;alice@example.com\n"
    "Action: failed\n"
    "Status: 5.1.1 (bad mailbox)\n"
    "Remote-MTA: dns; mx1.example.com\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <alice@example.com>:\n"
    "    Recipient address rejected: User unknown\n"
    "Last-Attempt-Date: Tue, 3 Mar 2026 10:15:02 +0100\n"
    "\n"
    "Final-Recipient: bob@example.net (Bob)\n"
    "Action: Delayed\n"
    "Status: 4.4.1\n"
    "X-Actual-Recipient: rfc822; robert@example.net\n";

static void
test_dsn_two_recipients_and_message_fields (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, two_recipients), 2);
  assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_REPORTING_MTA), "mx.example.org");
  assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_ARRIVAL_DATE), "2026-03-03T10:14:58+01:00");
  const BounceRecord *a = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_RECIPIENT), "Alice@example.com");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_ACTION), "failed");
  /* the code without its comment */
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_STATUS), "5.1.1");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_DIAGNOSTIC_TYPE), "smtp");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_DIAGNOSTIC),
                       "550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_REMOTE_MTA), "mx1.example.com");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_LAST_ATTEMPT), "2026-03-03T10:15:02+01:00");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_SOURCE), "dsn");
  /* message-level fields reach every record */
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_REPORTING_MTA), "mx.example.org");
  const BounceRecord *b = bounce_report_get_record (r, 1);
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_RECIPIENT), "bob@example.net");
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_ACTION), "delayed");
  bounce_report_free (r);
}

static void
test_dsn_group_without_address_is_skipped (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  /* kept for the notice's recipient to stand for, then dropped with a warning */
  assert_int_equal (dsn_extract (r, "Final-Recipient: rfc822; \nAction: failed\nStatus: 5.0.0\n"), 1);
  assert_true (((const BounceRecord *) bounce_report_get_record (r, 0))->recipient_unusable);
  assert_int_equal (dsn_drop_unusable (r), 1);
  assert_int_equal (bounce_report_n_records (r), 0);
  assert_non_null (bounce_report_get_warnings (r));
  bounce_report_free (r);
}

static void
test_dsn_split_typed_values (void **state)
{
  (void) state;
  char *type, *text;
  dsn_split_typed ("X-Postfix; host not found", &type, &text);
  assert_string_equal (type, "x-postfix");
  assert_string_equal (text, "host not found");
  g_free (type);
  g_free (text);
  dsn_split_typed ("550 no type here; really", &type, &text);
  assert_null (type);
  assert_string_equal (text, "550 no type here; really");
  g_free (text);
}

static void
test_dsn_find_block_in_text (void **state)
{
  (void) state;
  const char *t = "Some words first.\n\nReporting-MTA: dns; x.example\n\nFinal-Recipient: rfc822; a@example.com\nAction: failed\n";
  assert_true (dsn_find_block (t) > 0);
  assert_int_equal (dsn_find_block ("Final-Recipient: is mentioned in prose only\n"), -1);
  assert_int_equal (dsn_find_block (NULL), -1);
  /* field names in any case, white space before the colon */
  const char *upper = "Words.\n\nREPORTING-MTA: dns; x.example\n\nFINAL-RECIPIENT: rfc822; a@example.com\n"
                      "ACTION: failed\nSTATUS: 5.1.1\n";
  assert_int_equal (dsn_find_block (upper), 8);
  const char *spaced = "Words.\n\nFinal-Recipient : rfc822; a@example.com\r\nStatus\t: 5.1.1\r\n";
  assert_int_equal (dsn_find_block (spaced), 8);
  assert_int_equal (dsn_find_block ("Final-Recipient: rfc822; a@example.com\nThe status: unknown\n"), -1);
  assert_int_equal (dsn_find_block ("Final-Recipients: rfc822; a@example.com\nAction: failed\n"), -1);
  /* the fields written before the one that starts a block are the block's
   * (Exim's order, Action first) */
  const char *action_first = "Words.\nAction: failed\nFinal-Recipient: rfc822; a@example.com\nStatus: 5.0.0\n";
  assert_int_equal (dsn_find_block (action_first), 7);
  assert_int_equal (dsn_find_block ("Action: failed\nFinal-Recipient: rfc822; a@example.com\nStatus: 5.0.0\n"), 0);
}

static void
test_dsn_invalid_utf8_is_repaired (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  dsn_extract (r, "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                  "Diagnostic-Code: smtp; 550 bad \xff\xfe bytes\x01 here\n");
  const char *d = bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_DIAGNOSTIC);
  assert_true (g_utf8_validate (d, -1, NULL));
  assert_null (strchr (d, '\x01'));
  bounce_report_free (r);
}

static void
test_dsn_command_and_category (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  dsn_extract (r, "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.2.1\n"
                  "Diagnostic-Code: smtp; 550 5.2.1 <a@example.com>... User Unknown\n"
                  "X-PowerMTA-BounceCategory: bad-mailbox\n\n"
                  "Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.0.0\n"
                  "Diagnostic-Code: smtp; SMTP error from remote mail server after end of data:\n"
                  "  550 : User unknown\n");
  const BounceRecord *a = bounce_report_get_record (r, 0);
  assert_null (bounce_record_get (a, BOUNCE_FIELD_COMMAND));
  assert_int_equal (a->reason_hint, REASON_USERUNKNOWN);
  const BounceRecord *b = bounce_report_get_record (r, 1);
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_COMMAND), "DATA");
  assert_int_equal (b->reason_hint, REASON_NONE);
  bounce_report_free (r);
  assert_int_equal (dsn_category_reason ("quota-issues"), REASON_MAILBOXFULL);
  assert_int_equal (dsn_category_reason (" spam-related"), REASON_SPAMDETECTED);
  assert_int_equal (dsn_category_reason ("other"), REASON_NONE);
  assert_int_equal (dsn_category_reason (NULL), REASON_NONE);
}

/* Complaints without a feedback-report part, through the public API. */
static void
test_dsn_plain_complaints (void **state)
{
  (void) state;
  static const char jmrp[] =
      "From: staff@hotmail.com\nTo: abuse@example.org\n"
      "Subject: complaint about message from 192.0.2.1\nMIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
      "Content-Type: message/rfc822\n\nX-HmXmrOriginalRecipient: rcpt@example.com\n"
      "From: sender@example.org\nTo: other@example.com\nSubject: hi\n\nhello\n--b--\n";
  GError *err = NULL;
  BounceReport *r = bounce_parse_bytes (jmrp, sizeof jmrp - 1, NULL, &err);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "rcpt@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "feedback");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_BOUNCE), "none");
  bounce_report_free (r);

  static const char unsubscribe[] =
      "From: person@example.com\nTo: list-unsubscribe@example.org\nSubject: unsubscribe\n"
      "Auto-Submitted: auto-replied\nX-Apple-Unsubscribe: true\n\n"
      "Mail sent this email to unsubscribe from the message.\n";
  r = bounce_parse_bytes (unsubscribe, sizeof unsubscribe - 1, NULL, &err);
  assert_int_equal (bounce_report_n_records (r), 1);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "person@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "feedback");
  bounce_report_free (r);
}

static void
test_dsn_program_target (void **state)
{
  (void) state;
  /* delivered to a program: the failure is the local delivery program's when the
   * words say nothing else */
  static const char piped[] =
      "From: MAILER-DAEMON@mx.example.org\nTo: sender@example.org\n"
      "Subject: Returned mail: see transcript for details\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n--b\n"
      "Content-Type: text/plain\n\nThe message could not be delivered.\n--b\n"
      "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: RFC822; wes@example.org\n"
      "X-Actual-Recipient: RFC822; |/usr/bin/procmail -f- #wes@example.org\n"
      "Action: failed\nStatus: 5.5.0\n--b--\n";
  GError *err = NULL;
  BounceReport *r = bounce_parse_bytes (piped, sizeof piped - 1, NULL, &err);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "wes@example.org");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailererror");
  bounce_report_free (r);
}

/* Sloppy delivery-status bodies: recipients without a blank line between them,
 * a group repeated, a vendor's diagnostic field, a reply code as the Status,
 * Action: expired. */
/* A comment in the Status field is the diagnostic where no field holds one. */
static void
test_dsn_status_comment (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, "Final-Recipient: rfc822; a@example.com\nAction: delayed\n"
                                    "Status: 4.0.0 (mx.example.com: host name lookup failure)\n\n"
                                    "Final-Recipient: rfc822; b@example.com\nAction: failed\n"
                                    "Status: 5.0.0 (permanent failure)\n"
                                    "Diagnostic-Code: smtp; 550 user unknown\n\n"
                                    "Final-Recipient: rfc822; c@example.com\nAction: failed\n"
                                    "Status: 5.0.0 ()\n"),
                    3);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_DIAGNOSTIC),
                       "mx.example.com: host name lookup failure");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_DIAGNOSTIC),
                       "550 user unknown");
  assert_null (bounce_record_get (bounce_report_get_record (r, 2), BOUNCE_FIELD_DIAGNOSTIC));
  bounce_report_free (r);
}

static void
test_dsn_sloppy_bodies (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, "Reporting-MTA: dns; mx.example.org\n\n"
                                    "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                                    "Status: 5.1.1\n"
                                    "Original-Recipient: rfc822; b@example.com\n"
                                    "Final-Recipient: rfc822; b@example.com\nAction: failed\n"
                                    "Status: 5.2.2\n"
                                    "Final-Recipient: rfc822; c@example.com\nAction: delayed\n"
                                    "Status: 4.4.1\n"),
                    3);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_STATUS),
                       "5.2.2");
  /* the Original-Recipient before the second Final-Recipient is the second's */
  assert_null (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_ORIGINAL_RECIPIENT));
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 1),
                                          BOUNCE_FIELD_ORIGINAL_RECIPIENT),
                       "b@example.com");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 2), BOUNCE_FIELD_ACTION),
                       "delayed");
  bounce_report_free (r);

  r = report_new ();
  const char *group = "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n\n";
  char *twice = g_strconcat ("Reporting-MTA: dns; mx.example.org\n\n", group, group,
                             "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                             "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n",
                             NULL);
  assert_int_equal (dsn_extract (r, twice), 1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_DIAGNOSTIC),
                       "550 5.1.1 no such user");
  g_free (twice);
  bounce_report_free (r);

  r = report_new ();
  assert_int_equal (dsn_extract (r, "Reporting-MTA: dns; mx.example.org\n\n"
                                    "Final-Recipient: rfc822; a@example.com\nAction: expired\n"
                                    "Status: 550\n"
                                    "X-Exim-Diagnostic: X-str; mailbox is full\n\n"
                                    "Final-Recipient: rfc822; b@example.com\nAction: failed\n"
                                    "Status: 554 5.7.1\n"),
                    2);
  const BounceRecord *a = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_ACTION), "failed");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_REPLY_CODE), "550");
  assert_null (bounce_record_get (a, BOUNCE_FIELD_STATUS));
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_DIAGNOSTIC), "mailbox is full");
  assert_int_equal (a->reason_hint, REASON_EXPIRED);
  const BounceRecord *b = bounce_report_get_record (r, 1);
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_REPLY_CODE), "554");
  assert_string_equal (bounce_record_get (b, BOUNCE_FIELD_STATUS), "5.7.1");
  bounce_report_free (r);
}

/* Groups without blank lines between them, written as Exim orders their fields
 * (Action first): each Action starts its recipient's group, the Action is not
 * lent to the recipient before it. */
static void
test_dsn_action_first_without_blank_lines (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, "Reporting-MTA: dns; mx.example.org\n\n"
                                    "Action: failed\nFinal-Recipient: rfc822;a@example.com\n"
                                    "Status: 5.1.1\n"
                                    "Diagnostic-Code: smtp; 550 5.1.1 no such user\n"
                                    "Action: delayed\nFinal-Recipient: rfc822;b@example.com\n"
                                    "Status: 4.2.2\n"
                                    "Action: failed\nFinal-Recipient: rfc822;c@example.com\n"
                                    "Status: 5.0.0\n"),
                    3);
  static const char *const actions[] = { "failed", "delayed", "failed" };
  static const char *const codes[] = { "5.1.1", "4.2.2", "5.0.0" };
  for (guint i = 0; i < 3; i++)
    {
      const BounceRecord *rec = bounce_report_get_record (r, i);
      assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ACTION), actions[i]);
      assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_STATUS), codes[i]);
    }
  assert_null (bounce_record_get (bounce_report_get_record (r, 1), BOUNCE_FIELD_DIAGNOSTIC));
  bounce_report_free (r);

  /* an Action written twice in one recipient's group, no recipient after it:
   * the group's own, the first counts */
  r = report_new ();
  assert_int_equal (dsn_extract (r, "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                                    "Action: delivered\nStatus: 5.1.1\nStatus: 2.0.0\n"),
                    1);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_ACTION),
                       "failed");
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_STATUS),
                       "5.1.1");
  bounce_report_free (r);
}

/* A group written again with its Status's comment left out (or added) is the
 * same group: one record. */
static void
test_dsn_repeat_with_status_comment (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                                    "Status: 5.0.0 (permanent failure)\n"
                                    "Diagnostic-Code: smtp; 550 5.1.1 no such user\n\n"
                                    "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                                    "Status: 5.0.0\n\n"
                                    "Final-Recipient: rfc822; a@example.com\nAction: failed\n"
                                    "Status: 5.0.0 (delivery failed)\n"),
                    1);
  const BounceRecord *a = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_STATUS), "5.0.0");
  assert_string_equal (bounce_record_get (a, BOUNCE_FIELD_DIAGNOSTIC), "550 5.1.1 no such user");
  bounce_report_free (r);
}

/* Groups that name no usable address, written twice: one record, for the
 * notice's recipient to stand for; two different ones stay two. */
static void
test_dsn_repeat_without_usable_address (void **state)
{
  (void) state;
  const char *group = "Final-Recipient: rfc822; @mx.example.org\nAction: failed\nStatus: 5.1.2\n\n";
  char *twice = g_strconcat (group, group, NULL);
  BounceReport *r = report_new ();
  assert_int_equal (dsn_extract (r, twice), 1);
  assert_true (((const BounceRecord *) bounce_report_get_record (r, 0))->recipient_unusable);
  bounce_report_free (r);
  g_free (twice);
  r = report_new ();
  assert_int_equal (dsn_extract (r, "Final-Recipient: rfc822; |/usr/bin/a\nAction: failed\nStatus: 5.0.0\n\n"
                                    "Final-Recipient: rfc822; |/usr/bin/b\nAction: failed\nStatus: 5.0.0\n"),
                    2);
  assert_int_equal (dsn_drop_unusable (r), 2);
  bounce_report_free (r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_dsn_two_recipients_and_message_fields),
    cmocka_unit_test (test_dsn_group_without_address_is_skipped),
    cmocka_unit_test (test_dsn_split_typed_values),
    cmocka_unit_test (test_dsn_find_block_in_text),
    cmocka_unit_test (test_dsn_invalid_utf8_is_repaired),
    cmocka_unit_test (test_dsn_command_and_category),
    cmocka_unit_test (test_dsn_plain_complaints),
    cmocka_unit_test (test_dsn_program_target),
    cmocka_unit_test (test_dsn_sloppy_bodies),
    cmocka_unit_test (test_dsn_status_comment),
    cmocka_unit_test (test_dsn_action_first_without_blank_lines),
    cmocka_unit_test (test_dsn_repeat_with_status_comment),
    cmocka_unit_test (test_dsn_repeat_without_usable_address),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
