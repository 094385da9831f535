/* test-fields.c: header-style field blocks (fields.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "fields.h"

static FieldBlock *
parse (const char *text)
{
  return fields_parse (text, strlen (text));
}

static void
test_fields_groups_split_on_blank_lines (void **state)
{
  (void) state;
  FieldBlock *b = parse ("Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; a@example.com\n"
                         "Action: failed\n\nFinal-Recipient: rfc822; b@example.com\nAction: delayed\n");
  assert_int_equal (b->n_groups, 3);
  assert_string_equal (fields_get (&b->groups[0], "reporting-mta"), "dns; mx.example.com");
  assert_string_equal (fields_get (&b->groups[2], "Action"), "delayed");
  assert_null (fields_get (&b->groups[1], "Status"));
  fields_free (b);
}

static void
test_fields_unfold_continuation_lines (void **state)
{
  (void) state;
  FieldBlock *b = parse ("Diagnostic-Code: smtp; 550 5.1.1 <a@example.com>:\n"
                         "    Recipient address rejected:\n\tUser unknown\nStatus: 5.1.1\n");
  assert_int_equal (b->n_groups, 1);
  assert_string_equal (fields_get (&b->groups[0], "Diagnostic-Code"),
                       "smtp; 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown");
  assert_string_equal (fields_get (&b->groups[0], "Status"), "5.1.1");
  fields_free (b);
}

static void
test_fields_line_endings_crlf_and_cr (void **state)
{
  (void) state;
  FieldBlock *crlf = parse ("Action: failed\r\nStatus: 5.0.0\r\n\r\nAction: delayed\r\n");
  FieldBlock *cr = parse ("Action: failed\rStatus: 5.0.0\r\rAction: delayed\r");
  assert_int_equal (crlf->n_groups, 2);
  assert_int_equal (cr->n_groups, 2);
  assert_string_equal (fields_get (&cr->groups[0], "Status"), "5.0.0");
  assert_string_equal (fields_get (&crlf->groups[1], "Action"), "delayed");
  fields_free (crlf);
  fields_free (cr);
}

static void
test_fields_bad_folding_joins_previous_field (void **state)
{
  (void) state;
  FieldBlock *b = parse ("Diagnostic-Code: smtp; 550 rejected because\nthe mailbox is full\nAction: failed\n");
  assert_string_equal (fields_get (&b->groups[0], "Diagnostic-Code"),
                       "smtp; 550 rejected because the mailbox is full");
  assert_int_equal (b->n_bad_lines, 1);
  fields_free (b);
}

static void
test_fields_duplicates_first_wins (void **state)
{
  (void) state;
  FieldBlock *b = parse ("Status: 5.1.1\nStatus: 4.0.0\n");
  assert_string_equal (fields_get (&b->groups[0], "Status"), "5.1.1");
  fields_free (b);
}

static void
test_fields_long_value_is_bounded (void **state)
{
  (void) state;
  GString *s = g_string_new ("Diagnostic-Code: ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (s, 'x');
  FieldBlock *b = fields_parse (s->str, s->len);
  assert_true (strlen (fields_get (&b->groups[0], "Diagnostic-Code")) < 5000);
  fields_free (b);
  g_string_free (s, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_fields_groups_split_on_blank_lines),
    cmocka_unit_test (test_fields_unfold_continuation_lines),
    cmocka_unit_test (test_fields_line_endings_crlf_and_cr),
    cmocka_unit_test (test_fields_bad_folding_joins_previous_field),
    cmocka_unit_test (test_fields_duplicates_first_wins),
    cmocka_unit_test (test_fields_long_value_is_bounded),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
