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

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_parse_bytes_dsn),
    cmocka_unit_test (test_parse_fd_and_file),
    cmocka_unit_test (test_parse_gmime_message),
    cmocka_unit_test (test_parse_errors),
    cmocka_unit_test (test_parse_not_a_bounce_has_verdict),
    cmocka_unit_test (test_parse_feedback_and_auto_reply),
    cmocka_unit_test (test_mbox_reads_every_message),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
