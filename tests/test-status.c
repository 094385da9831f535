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
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
