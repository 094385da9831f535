/* test-rules.c: local rules (rules.c): the file format, its errors, and a rule
 * deciding a record's reason before the built-in table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "bounce/bounce.h"

static char *
write_rules (const char *text)
{
  char *path = NULL;
  int fd = g_file_open_tmp ("bounce-rules-XXXXXX", &path, NULL);
  assert_true (fd >= 0);
  assert_true (write (fd, text, strlen (text)) == (ssize_t) strlen (text));
  close (fd);
  return path;
}

static const char dsn[] =
    "From: MAILER-DAEMON@example.org\r\n"
    "To: sender@example.org\r\n"
    "Subject: Undelivered Mail Returned to Sender\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n"
    "\r\n"
    "--b\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "Your message could not be delivered.\r\n"
    "--b\r\n"
    "Content-Type: message/delivery-status\r\n"
    "\r\n"
    "Reporting-MTA: dns; mx.example.org\r\n"
    "\r\n"
    "Final-Recipient: rfc822; kim@example.net\r\n"
    "Action: failed\r\n"
    "Status: 5.0.0\r\n"
    "Remote-MTA: dns; mx1.example.net\r\n"
    "Diagnostic-Code: smtp; 550 Account 4711 parked by the owner <kim@example.net>\r\n"
    "--b--\r\n";

static const BounceRecord *
parse_with (const char *rules_text, BounceReport **report)
{
  char *path = write_rules (rules_text);
  GError *error = NULL;
  BounceRules *rules = bounce_rules_load (path, &error);
  g_unlink (path);
  g_free (path);
  assert_non_null (rules);
  BounceOptions opts = { 0 };
  opts.rules = rules;
  *report = bounce_parse_bytes (dsn, sizeof dsn - 1, &opts, &error);
  bounce_rules_unref (rules); /* the report keeps its own reference */
  assert_non_null (*report);
  assert_int_equal (bounce_report_n_records (*report), 1);
  return bounce_report_get_record (*report, 0);
}

static void
test_rule_decides (void **state)
{
  (void) state;
  BounceReport *report;
  const BounceRecord *rec
      = parse_with ("# parked accounts are gone for good\n"
                    "any  userunknown  account # parked by the owner <addr>\n",
                    &report);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  const char *why = bounce_record_get (rec, BOUNCE_FIELD_WHY);
  assert_non_null (strstr (why, "rule "));
  assert_non_null (strstr (why, ":2 \"account # parked by the owner <addr>\""));
  bounce_report_free (report);

  /* a receiver's rule applies to its hosts only */
  rec = parse_with ("receiver:example.com suspend parked by the owner\n", &report);
  assert_string_not_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "suspend");
  bounce_report_free (report);
  rec = parse_with ("receiver:example.net suspend parked by the owner\n", &report);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "suspend");
  bounce_report_free (report);
  /* a family's rule only for notices of that family */
  rec = parse_with ("family:exim suspend parked by the owner\n", &report);
  assert_string_not_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "suspend");
  bounce_report_free (report);
}

static void
expect_error (const char *text, const char *message_part, int code)
{
  char *path = write_rules (text);
  GError *error = NULL;
  assert_null (bounce_rules_load (path, &error));
  assert_non_null (error);
  assert_int_equal (error->code, code);
  if (!strstr (error->message, message_part) || !strstr (error->message, path))
    fail_msg ("\"%s\" lacks \"%s\" or the path", error->message, message_part);
  g_error_free (error);
  g_unlink (path);
  g_free (path);
}

static void
test_bad_files (void **state)
{
  (void) state;
  expect_error ("any userunknown ok\nany nosuchreason words\n", ":2: not a failure reason",
                BOUNCE_ERROR_USAGE);
  expect_error ("\n\nplanet userunknown words\n", ":3: unknown scope", BOUNCE_ERROR_USAGE);
  expect_error ("any userunknown\n", ":1: a rule needs a wording", BOUNCE_ERROR_USAGE);
  expect_error ("any\n", ":1: a rule is SCOPE REASON WORDING", BOUNCE_ERROR_USAGE);
  expect_error ("family:nosuch userunknown words\n", ":1: no such family", BOUNCE_ERROR_USAGE);
  expect_error ("any delivered words\n", ":1: not a failure reason", BOUNCE_ERROR_USAGE);
  expect_error ("any userunknown #5 words\n", ":1: a wording must not", BOUNCE_ERROR_USAGE);
  GError *error = NULL;
  assert_null (bounce_rules_load ("/nonexistent/rules", &error));
  assert_int_equal (error->code, BOUNCE_ERROR_IO);
  assert_non_null (strstr (error->message, "/nonexistent/rules"));
  g_error_free (error);
  /* comments and blank lines only: no rule, no error */
  char *path = write_rules ("# nothing yet\n\n   \n");
  BounceRules *rules = bounce_rules_load (path, NULL);
  assert_non_null (rules);
  assert_int_equal (bounce_rules_count (rules), 0);
  bounce_rules_unref (rules);
  g_unlink (path);
  g_free (path);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_rule_decides),
    cmocka_unit_test (test_bad_files),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
