/* test-bounds.c: each bound of bounds.h met by a message, and the typed warning
 * that says so; a message within every bound has none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "bounce/bounce.h"
#include "bounds.h"

#define HEAD                                                                                   \
  "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"                               \
  "To: sender@example.org\nSubject: Undelivered Mail Returned to Sender\n"                     \
  "Date: Mon, 03 Mar 2025 10:15:00 +0000\nMIME-Version: 1.0\n"

static BounceReport *
parse (const GString *message)
{
  GError *err = NULL;
  BounceReport *r = bounce_parse_bytes (message->str, message->len, NULL, &err);
  assert_non_null (r);
  return r;
}

/* The number of warnings of that kind; the text of the last in *text. */
static guint
count_kind (const BounceReport *r, BounceWarning kind, const char **text)
{
  guint n = 0;
  for (guint i = 0; i < bounce_report_n_warnings (r); i++)
    {
      const char *t;
      if (bounce_report_get_warning (r, i, &t) == kind)
        {
          n++;
          if (text)
            *text = t;
        }
    }
  return n;
}

/* A delivery-status report whose status part holds fields (after one recipient). */
static GString *
dsn_with (const char *extra_fields)
{
  GString *m = g_string_new (HEAD "Content-Type: multipart/report; report-type=delivery-status;"
                                  " boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nFailed.\n\n"
                                  "--B\nContent-Type: message/delivery-status\n\n"
                                  "Reporting-MTA: dns; mx.example.org\n\n"
                                  "Final-Recipient: rfc822; dora@example.com\nAction: failed\n"
                                  "Status: 5.1.1\n");
  g_string_append (m, extra_fields);
  g_string_append (m, "\n--B--\n");
  return m;
}

static void
test_within_bounds_no_warning (void **state)
{
  (void) state;
  GString *m = dsn_with ("");
  BounceReport *r = parse (m);
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_int_equal (bounce_report_n_warnings (r), 0);
  assert_int_equal (bounce_report_get_warning (r, 0, NULL), BOUNCE_WARNING_COUNT);
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

static void
test_text_part_cut (void **state)
{
  (void) state;
  GString *m = g_string_new (HEAD "Content-Type: text/plain\n\n"
                                  "dora@example.com: 550 5.1.1 user unknown\n");
  /* just under the bound: no warning */
  while (m->len < MAX_TEXT_PART)
    g_string_append (m, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
  g_string_truncate (m, MAX_TEXT_PART);
  BounceReport *r = parse (m);
  assert_int_equal (count_kind (r, BOUNCE_WARNING_TEXT_PART_CUT, NULL), 0);
  bounce_report_free (r);
  /* over it */
  for (int i = 0; i < 1000; i++)
    g_string_append (m, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
  r = parse (m);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_TEXT_PART_CUT, &text), 1);
  assert_string_equal (text, "text part cut at 256 KB");
  assert_true (bounce_warning_is_cut (BOUNCE_WARNING_TEXT_PART_CUT));
  assert_int_equal (bounce_report_n_records (r), 1);
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

static void
test_dsn_part_cut (void **state)
{
  (void) state;
  GString *filler = g_string_new ("Diagnostic-Code: smtp; 550 5.1.1 user unknown\n");
  while (filler->len < MAX_DSN_PART + 4096)
    g_string_append (filler, " continued diagnostic text of the recipient\n");
  GString *m = dsn_with (filler->str);
  BounceReport *r = parse (m);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_DSN_PART_CUT, &text), 1);
  assert_string_equal (text, "delivery-status part cut at 1024 KB");
  assert_int_equal (bounce_report_n_records (r), 1);
  bounce_report_free (r);
  g_string_free (m, TRUE);
  g_string_free (filler, TRUE);
}

static void
test_recipients_cut (void **state)
{
  (void) state;
  GString *groups = g_string_new (NULL);
  for (int i = 0; i < MAX_RECIPIENTS + 5; i++)
    g_string_append_printf (groups, "\nFinal-Recipient: rfc822; u%d@example.com\n"
                                    "Action: failed\nStatus: 5.1.1\n", i);
  GString *m = dsn_with (groups->str);
  BounceReport *r = parse (m);
  assert_int_equal (bounce_report_n_records (r), MAX_RECIPIENTS);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_RECIPIENTS_CUT, &text), 1);
  assert_non_null (strstr (text, "1000"));
  bounce_report_free (r);
  g_string_free (m, TRUE);
  g_string_free (groups, TRUE);
}

static void
test_fields_cut (void **state)
{
  (void) state;
  GString *fields = g_string_new (NULL);
  for (int i = 0; i < MAX_FIELDS + 10; i++)
    g_string_append (fields, "X-A: b\n");
  GString *m = dsn_with (fields->str);
  BounceReport *r = parse (m);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_FIELDS_CUT, &text), 1);
  assert_non_null (strstr (text, "8192"));
  assert_int_equal (bounce_report_n_records (r), 1);
  bounce_report_free (r);
  g_string_free (m, TRUE);
  g_string_free (fields, TRUE);
}

static void
test_headers_cut_keeps_content_and_date (void **state)
{
  (void) state;
  GString *m = g_string_new ("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\n"
                             "Subject: Undelivered Mail\n");
  for (int i = 0; i < MAX_HEADERS + 100; i++)
    g_string_append_printf (m, "X-Field-%d: %d\n", i, i);
  /* after the bound: the Content- fields and the Date still count */
  g_string_append (m, "Date: Tue, 04 Mar 2025 10:14:58 +0000\n"
                      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
                      "\n--B\nContent-Type: message/delivery-status\n\n"
                      "Final-Recipient: rfc822; dora@example.com\nAction: failed\n"
                      "Status: 5.1.1\n\n--B--\n");
  BounceReport *r = parse (m);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_HEADERS_CUT, &text), 1);
  assert_non_null (strstr (text, "102 more"));
  assert_int_equal (bounce_report_n_records (r), 1);
  assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_DATE), "2025-03-04T10:14:58+00:00");
  assert_string_equal (bounce_report_get (r, BOUNCE_FIELD_MESSAGE_SUBJECT), "Undelivered Mail");
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

static void
test_parts_cut (void **state)
{
  (void) state;
  GString *m = g_string_new (HEAD "Content-Type: multipart/mixed; boundary=\"P\"\n\n");
  for (int i = 0; i < MAX_PARTS + 50; i++)
    g_string_append (m, "--P\nContent-Type: text/plain\n\nx\n");
  g_string_append (m, "--P--\n");
  BounceReport *r = parse (m);
  const char *text = NULL;
  assert_int_equal (count_kind (r, BOUNCE_WARNING_PARTS_CUT, &text), 1);
  assert_string_equal (text, "MIME tree cut at 256 parts or 16 levels");
  bounce_report_free (r);
  /* within the bound: no warning */
  g_string_assign (m, HEAD "Content-Type: multipart/mixed; boundary=\"P\"\n\n");
  for (int i = 0; i < 10; i++)
    g_string_append (m, "--P\nContent-Type: text/plain\n\nx\n");
  g_string_append (m, "--P--\n");
  r = parse (m);
  assert_int_equal (count_kind (r, BOUNCE_WARNING_PARTS_CUT, NULL), 0);
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

static void
test_depth_cut (void **state)
{
  (void) state;
  GString *m = g_string_new (HEAD);
  for (int i = 0; i < MAX_DEPTH + 4; i++)
    g_string_append_printf (m, "Content-Type: multipart/mixed; boundary=\"d%d\"\n\n--d%d\n", i, i);
  g_string_append (m, "Content-Type: text/plain\n\nx\n");
  for (int i = MAX_DEPTH + 3; i >= 0; i--)
    g_string_append_printf (m, "--d%d--\n", i);
  BounceReport *r = parse (m);
  assert_int_equal (count_kind (r, BOUNCE_WARNING_PARTS_CUT, NULL), 1);
  bounce_report_free (r);
  g_string_free (m, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_within_bounds_no_warning),
    cmocka_unit_test (test_text_part_cut),
    cmocka_unit_test (test_dsn_part_cut),
    cmocka_unit_test (test_recipients_cut),
    cmocka_unit_test (test_fields_cut),
    cmocka_unit_test (test_headers_cut_keeps_content_and_date),
    cmocka_unit_test (test_parts_cut),
    cmocka_unit_test (test_depth_cut),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
