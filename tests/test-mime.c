/* test-mime.c: what mime.c hands the extractors: parts found, decoded to UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "mime.h"

static MimeMessage *
parse (const char *text)
{
  const char *why = NULL;
  MimeMessage *m = mime_parse_bytes (text, strlen (text), &why);
  assert_non_null (m);
  return m;
}

static void
test_mime_report_parts_are_sorted_out (void **state)
{
  (void) state;
  MimeMessage *m = parse (
      "From: MAILER-DAEMON@example.org\nSubject: =?UTF-8?B?w5xiZXI=?= failure\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nNotice.\n"
      "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
      "RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGFAZXhhbXBsZS5jb20K\n"
      "--b\nContent-Type: message/rfc822\n\nFrom: me@example.org\nTo: a@example.com\n"
      "Subject: hi\n\nbody text\n--b--\n");
  assert_string_equal (m->report_type, "delivery-status");
  assert_int_equal (m->dsn->len, 1);
  assert_string_equal (g_ptr_array_index (m->dsn, 0), "Final-Recipient: rfc822; a@example.com\n");
  assert_int_equal (m->text->len, 1);
  assert_string_equal (mime_get (m, "Subject"), "\xc3\x9c" "ber failure");
  assert_string_equal (mime_original (m, "To"), "a@example.com");
  /* the returned message's body is not read as notice text */
  assert_int_equal (m->text_nested->len, 1);
  mime_free (m);
}

static void
test_mime_legacy_charsets_become_utf8 (void **state)
{
  (void) state;
  /* ISO-2022-JP: "エラー" ; KOI8-R: "ошибка" */
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: multipart/mixed; boundary=c\n\n"
                          "--c\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
                          "\x1b$B%(%i!<\x1b(B\n"
                          "--c\nContent-Type: text/plain; charset=koi8-r\n"
                          "Content-Transfer-Encoding: quoted-printable\n\n=CF=DB=C9=C2=CB=C1\n--c--\n");
  assert_int_equal (m->text->len, 2);
  assert_non_null (strstr (g_ptr_array_index (m->text, 0), "\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc"));
  assert_non_null (strstr (g_ptr_array_index (m->text, 1), "\xd0\xbe\xd1\x88\xd0\xb8\xd0\xb1\xd0\xba\xd0\xb0"));
  mime_free (m);
}

static void
test_mime_html_only_is_reduced_to_text (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
                          "<html><style>p{}</style><body><p>Delivery failed:</p>"
                          "<p>user&nbsp;&lt;b@example.com&gt;</p></body></html>\n");
  const char *t = g_ptr_array_index (m->text, 0);
  assert_null (strchr (t, '{'));
  assert_non_null (strstr (t, "Delivery failed:\nuser <b@example.com>"));
  mime_free (m);
}

static void
test_mime_cr_only_line_ends (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\rSubject: x\r"
                          "Content-Type: multipart/report; boundary=q\r\r--q\r"
                          "Content-Type: message/delivery-status\r\rAction: failed\r--q--\r");
  assert_string_equal (mime_get (m, "Subject"), "x");
  assert_int_equal (m->dsn->len, 1);
  mime_free (m);
}

static void
test_mime_rejects_non_messages (void **state)
{
  (void) state;
  const char *why = NULL;
  assert_null (mime_parse_bytes ("", 0, &why));
  assert_non_null (why);
  assert_null (mime_parse_bytes ("\x89PNG\r\n\x1a\n", 8, &why));
  assert_null (mime_parse_bytes ("just some words\n", 16, &why));
}

static void
test_mime_date_iso (void **state)
{
  (void) state;
  char *iso = mime_date_iso ("Tue, 3 Mar 2026 10:14:58 +0100 (CET)");
  assert_string_equal (iso, "2026-03-03T10:14:58+01:00");
  g_free (iso);
  assert_null (mime_date_iso ("not a date"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_mime_report_parts_are_sorted_out),
    cmocka_unit_test (test_mime_legacy_charsets_become_utf8),
    cmocka_unit_test (test_mime_html_only_is_reduced_to_text),
    cmocka_unit_test (test_mime_cr_only_line_ends),
    cmocka_unit_test (test_mime_rejects_non_messages),
    cmocka_unit_test (test_mime_date_iso),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
