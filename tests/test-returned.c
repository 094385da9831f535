/* test-returned.c: returned messages kept as leaf parts (mime_read_returned_lazily,
 * process-wide, hence a program of its own): the header block read at once, the
 * body walked only when the nested parts are asked for, with what GMime gives
 * when it parses the returned message in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "mime.h"

/* A bounce forwarded as an attachment: the returned message is itself a report. */
static const char forwarded[]
    = "From: helpdesk@example.org\nTo: admin@example.org\nSubject: Fwd: failure\n"
      "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n"
      "--outer\nContent-Type: text/plain\n\nSee the attached bounce.\n\n"
      "--outer\nContent-Type: message/rfc822\n\n"
      "From: Mail Delivery Subsystem <mailer-daemon@mx.example.com>\n"
      "To: helpdesk@example.org\nSubject: Delivery Status Notification (Failure)\n"
      "Message-ID: <inner-dsn-1@mx.example.com>\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"inner\"\n\n"
      "--inner\nContent-Type: text/plain\n\nDelivery to ivan@example.com failed.\n\n"
      "--inner\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; ivan@example.com\n"
      "Action: failed\nStatus: 5.1.1\n\n--inner--\n\n--outer--\n";

static MimeMessage *
parse (const char *text)
{
  const char *why = NULL;
  MimeMessage *m = mime_parse_bytes (text, strlen (text), &why);
  assert_non_null (m);
  return m;
}

static void
test_headers_at_once_body_when_asked (void **state)
{
  (void) state;
  MimeMessage *m = parse (forwarded);
  assert_string_equal (mime_original (m, "Message-ID"), "<inner-dsn-1@mx.example.com>");
  /* the Content- fields belong to the body, as GMime has them */
  assert_null (mime_original (m, "Content-Type"));
  assert_non_null (m->returned);
  assert_int_equal (m->text_nested->len, 0);
  const GPtrArray *dsn = mime_dsn_nested (m);
  assert_null (m->returned);
  assert_int_equal (dsn->len, 1);
  assert_non_null (strstr (g_ptr_array_index (dsn, 0), "Final-Recipient: rfc822; ivan@example.com"));
  const GPtrArray *text = mime_text_nested (m);
  assert_int_equal (text->len, 1);
  assert_non_null (strstr (g_ptr_array_index (text, 0), "Delivery to ivan@example.com failed."));
  mime_free (m);
}

static void
test_no_delivery_status_no_parse (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: MAILER-DAEMON@example.org\nSubject: failure\n"
                          "Content-Type: multipart/mixed; boundary=b\n\n"
                          "--b\nContent-Type: text/plain\n\nFailed: a@example.com\n"
                          "--b\nContent-Type: message/rfc822\n\nFrom: me@example.org\n"
                          "To: a@example.com\nSubject: hi\n\nbody text\n--b--\n");
  assert_string_equal (mime_original (m, "To"), "a@example.com");
  /* no "delivery-status" in its bytes: none nested, and the body is not parsed */
  assert_int_equal (mime_dsn_nested (m)->len, 0);
  assert_non_null (m->returned);
  assert_int_equal (mime_text_nested (m)->len, 1);
  mime_free (m);
}

static void
test_crlf_header_block (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: MAILER-DAEMON@example.org\r\nSubject: failure\r\n"
                          "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
                          "--b\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n"
                          "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: me@example.org\r\n"
                          "To: a@example.com\r\n\r\nbody\r\n--b--\r\n");
  assert_string_equal (mime_original (m, "To"), "a@example.com");
  assert_null (mime_original (m, "Subject"));
  mime_free (m);
}

int
main (void)
{
  mime_read_returned_lazily ();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_headers_at_once_body_when_asked),
    cmocka_unit_test (test_no_delivery_status_no_parse),
    cmocka_unit_test (test_crlf_header_block),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
