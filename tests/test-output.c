/* test-output.c: the JSON Lines writer (out-json.c) always gives valid JSON and
 * valid UTF-8, whatever bytes reach it; the writers of `bounce explain --provider`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "internal.h"
#include "printer.h"
#include "wordings.h"

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

/* Runs fn with a printer of format writing to memory; returns what it wrote. */
static char *
printed (Printer *(*make) (FILE *out), void (*fn) (Printer *p))
{
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream (&text, &len);
  assert_non_null (mem);
  Printer *p = make (mem);
  fn (p);
  p->finish (p);
  fclose (mem);
  return text;
}

static void
print_provider (const BounceProvider *provider, gpointer data)
{
  Printer *p = data;
  p->provider (p, provider);
}

static void
print_row (const BounceProviderRow *row, gpointer data)
{
  Printer *p = data;
  p->provider_row (p, row);
}

static void
all_providers (Printer *p)
{
  bounce_provider_foreach (print_provider, p);
}

static void
t_online_rows (Printer *p)
{
  assert_true (bounce_provider_foreach_row ("T-Online", print_row, p));
}

static void
test_json_providers (void **state)
{
  (void) state;
  char *text = printed (printer_json_new, all_providers);
  gchar **lines = g_strsplit (text, "\n", -1);
  guint n = 0;
  gboolean google = FALSE;
  for (guint i = 0; lines[i] && *lines[i]; i++, n++)
    {
      JsonParser *jp = json_parser_new ();
      assert_true (json_parser_load_from_data (jp, lines[i], -1, NULL));
      JsonObject *o = json_node_get_object (json_parser_get_root (jp));
      assert_true (json_object_has_member (o, "provider"));
      assert_true (json_object_has_member (o, "reference"));
      JsonArray *hosts = json_object_get_array_member (o, "hosts");
      assert_true (json_array_get_length (hosts) > 0);
      if (strcmp (json_object_get_string_member (o, "provider"), "google") == 0)
        {
          google = TRUE;
          assert_string_equal (json_object_get_string_member (o, "reference"),
                               "https://support.google.com/a/answer/3726730");
          assert_true (json_object_get_int_member (o, "rows") > 10);
          gboolean gmail = FALSE;
          for (guint h = 0; h < json_array_get_length (hosts); h++)
            gmail |= strcmp (json_array_get_string_element (hosts, h), "gmail.com") == 0;
          assert_true (gmail);
        }
      g_object_unref (jp);
    }
  assert_true (google);
  assert_int_equal (n, receiver_table_size);
  g_strfreev (lines);
  free (text);
}

static void
test_json_provider_rows (void **state)
{
  (void) state;
  char *text = printed (printer_json_new, t_online_rows);
  gchar **lines = g_strsplit (text, "\n", -1);
  gboolean bl = FALSE;
  guint n = 0;
  for (guint i = 0; lines[i] && *lines[i]; i++, n++)
    {
      JsonParser *jp = json_parser_new ();
      assert_true (json_parser_load_from_data (jp, lines[i], -1, NULL));
      JsonObject *o = json_node_get_object (json_parser_get_root (jp));
      assert_string_equal (json_object_get_string_member (o, "provider"), "t-online");
      assert_true (wordings_source_well_formed (json_object_get_string_member (o, "source")));
      if (strcmp (json_object_get_string_member (o, "pattern"), "(bl)") == 0)
        {
          bl = TRUE;
          assert_string_equal (json_object_get_string_member (o, "reason"), "blocked");
          assert_string_equal (json_object_get_string_member (o, "bounce"), "block");
          assert_false (json_object_get_boolean_member (o, "hard_bounce"));
        }
      g_object_unref (jp);
    }
  assert_true (bl);
  assert_int_equal (n, wordings_foreach_receiver_row (wordings_receiver_named ("t-online"), NULL, NULL));
  g_strfreev (lines);
  free (text);
  assert_false (bounce_provider_foreach_row ("no-such-provider", print_row, NULL));
}

static void
test_text_providers (void **state)
{
  (void) state;
  char *text = printed (printer_text_new, all_providers);
  assert_true (g_str_has_prefix (text, "PROVIDER"));
  gchar **lines = g_strsplit (text, "\n", -1);
  assert_int_equal (g_strv_length (lines), receiver_table_size + 2); /* heads, rows, "" */
  g_strfreev (lines);
  free (text);
  text = printed (printer_text_new, t_online_rows);
  assert_true (g_str_has_prefix (text, "PATTERN"));
  assert_non_null (strstr (text, "(bl)"));
  assert_non_null (strstr (text, "https://postmaster.t-online.de/index.en.html"));
  free (text);
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
    cmocka_unit_test (test_json_providers),
    cmocka_unit_test (test_json_provider_rows),
    cmocka_unit_test (test_text_providers),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
