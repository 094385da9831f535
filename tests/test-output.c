/* test-output.c: the JSON Lines writer (out-json.c) always gives valid JSON and
 * valid UTF-8, whatever bytes reach it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "internal.h"
#include "printer.h"

/* Parses buf as one JSON value; returns the parsed string when it is a string. */
static char *
parse_json_string (const char *buf)
{
  JsonParser *p = json_parser_new ();
  GError *error = NULL;
  assert_true (json_parser_load_from_data (p, buf, -1, &error));
  JsonNode *root = json_parser_get_root (p);
  char *s = g_strdup (json_node_get_string (root));
  g_object_unref (p);
  return s;
}

static void
test_json_string_escapes_controls_and_quotes (void **state)
{
  (void) state;
  GString *b = g_string_new (NULL);
  json_string (b, "a\"b\\c\n\t\x01\x1f end");
  assert_string_equal (b->str, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f end\"");
  char *back = parse_json_string (b->str);
  assert_string_equal (back, "a\"b\\c\n\t\x01\x1f end");
  g_free (back);
  g_string_free (b, TRUE);
}

static void
test_json_string_repairs_invalid_utf8 (void **state)
{
  (void) state;
  const char *inputs[] = { "\xff", "ok\xc3", "\xe2\x82", "\xed\xa0\x80 surrogate", "caf\xc3\xa9",
                           "\xf4\x90\x80\x80 too big", "\xc0\xaf overlong" };
  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GString *b = g_string_new (NULL);
      json_string (b, inputs[i]);
      assert_true (g_utf8_validate (b->str, -1, NULL));
      char *back = parse_json_string (b->str);
      assert_non_null (back);
      g_free (back);
      g_string_free (b, TRUE);
    }
}

static void
test_json_random_bytes_stay_valid (void **state)
{
  (void) state;
  GRand *rand = g_rand_new_with_seed (42);
  for (int round = 0; round < 2000; round++)
    {
      char buf[64];
      gsize n = g_rand_int_range (rand, 0, sizeof buf - 1);
      for (gsize i = 0; i < n; i++)
        buf[i] = (char) g_rand_int_range (rand, 1, 256);
      buf[n] = '\0';
      GString *b = g_string_new (NULL);
      json_string (b, buf);
      assert_true (g_utf8_validate (b->str, -1, NULL));
      char *back = parse_json_string (b->str);
      g_free (back);
      g_string_free (b, TRUE);
    }
  g_rand_free (rand);
}

static void
test_json_record_schema (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  report_set (r, BOUNCE_FIELD_REPORTING_MTA, "mx.example.org");
  BounceRecord *rec = report_add_record (r);
  record_set (rec, BOUNCE_FIELD_RECIPIENT, "a@example.com");
  record_set (rec, BOUNCE_FIELD_BOUNCE, "hard");
  rec->type = BOUNCE_TYPE_HARD;
  GString *b = g_string_new (NULL);
  json_record (b, "dir/x.eml", 0, rec);
  assert_string_equal (b->str, "{\"file\":\"dir/x.eml\",\"recipient\":\"a@example.com\","
                               "\"bounce\":\"hard\",\"hard_bounce\":true,"
                               "\"reporting_mta\":\"mx.example.org\"}");
  g_string_truncate (b, 0);
  json_record (b, "box.mbox", 7, rec);
  assert_non_null (strstr (b->str, "\"position\":7"));
  g_string_free (b, TRUE);
  bounce_report_free (r);
}

static void
test_record_set_cleans_values (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  BounceRecord *rec = report_add_record (r);
  record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, "  550\r\n  user\x01unknown \xff ");
  const char *d = bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC);
  assert_true (g_utf8_validate (d, -1, NULL));
  assert_string_equal (d, "550 user unknown \xef\xbf\xbd");
  record_set (rec, BOUNCE_FIELD_ACTION, "   ");
  assert_null (bounce_record_get (rec, BOUNCE_FIELD_ACTION));
  bounce_report_free (r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_json_string_escapes_controls_and_quotes),
    cmocka_unit_test (test_json_string_repairs_invalid_utf8),
    cmocka_unit_test (test_json_random_bytes_stay_valid),
    cmocka_unit_test (test_json_record_schema),
    cmocka_unit_test (test_record_set_cleans_values),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
