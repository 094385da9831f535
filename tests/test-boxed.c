/* test-boxed.c: the reports and records as reference-counted boxed types (boxed.c):
 * a reference to a record keeps its report alive after the report's own reference
 * is dropped (run under AddressSanitizer by scripts/test), copies through GType,
 * and the enums' registered values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bounce/bounce.h"

#define SAMPLE BOUNCE_SOURCE_DIR "/corpus/courier/two-recipients.eml"

static BounceReport *
parse_sample (void)
{
  GError *error = NULL;
  BounceReport *report = bounce_parse_file (SAMPLE, NULL, &error);
  if (!report)
    fail_msg ("%s: %s", SAMPLE, error->message);
  assert_int_equal (bounce_report_n_records (report), 2);
  return report;
}

static void
test_record_outlives_report (void **state)
{
  (void) state;
  BounceReport *report = parse_sample ();
  BounceRecord *first = bounce_record_ref (bounce_report_get_record (report, 0));
  BounceRecord *second = bounce_record_ref (bounce_report_get_record (report, 1));
  bounce_report_unref (report);
  /* the report's strings, read through the records after its reference is gone */
  assert_string_equal (bounce_record_get (first, BOUNCE_FIELD_RECIPIENT), "karin@example.com");
  assert_string_equal (bounce_record_get (first, BOUNCE_FIELD_REASON), "userunknown");
  assert_int_equal (bounce_record_get_type (first), BOUNCE_TYPE_HARD);
  bounce_record_unref (first);
  /* a message-level field, stored in the report */
  assert_non_null (bounce_record_get (second, BOUNCE_FIELD_MESSAGE_ID));
  assert_non_null (bounce_record_get (second, BOUNCE_FIELD_RECIPIENT));
  bounce_record_unref (second);
}

static void
test_boxed_copies (void **state)
{
  (void) state;
  BounceReport *report = parse_sample ();
  BounceReport *copy = g_boxed_copy (bounce_report_get_type (), report);
  assert_ptr_equal (copy, report);
  bounce_report_free (report); /* the same as unref: the copy's reference remains */
  assert_int_equal (bounce_report_n_records (copy), 2);

  const BounceRecord *rec = bounce_report_get_record (copy, 1);
  BounceRecord *rec_copy = g_boxed_copy (bounce_record_get_gtype (), rec);
  assert_ptr_equal (rec_copy, rec);
  g_boxed_free (bounce_report_get_type (), copy);
  assert_non_null (bounce_record_get (rec_copy, BOUNCE_FIELD_STATUS));
  g_boxed_free (bounce_record_get_gtype (), rec_copy);

  BounceOptions opts = { .max_size = 123, .no_text = TRUE };
  BounceOptions *o = g_boxed_copy (bounce_options_get_type (), &opts);
  assert_int_equal (o->max_size, 123);
  assert_true (o->no_text);
  g_boxed_free (bounce_options_get_type (), o);

  BounceCode code;
  assert_true (bounce_code_lookup ("5.2.2", &code));
  BounceCode *c = g_boxed_copy (bounce_code_get_type (), &code);
  assert_string_equal (c->code, "5.2.2");
  assert_string_equal (c->reason, code.reason);
  g_boxed_free (bounce_code_get_type (), c);
}

static void
test_mbox_reference (void **state)
{
  (void) state;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-boxed-XXXXXX.mbox", &path, NULL);
  assert_true (fd >= 0);
  char *msg = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (SAMPLE, &msg, &len, NULL));
  GString *mbox = g_string_new (NULL);
  for (int i = 0; i < 2; i++)
    {
      g_string_append (mbox, "From MAILER-DAEMON Mon Mar  3 10:15:00 2025\n");
      g_string_append_len (mbox, msg, (gssize) len);
      g_string_append_c (mbox, '\n');
    }
  assert_true (g_file_set_contents (path, mbox->str, (gssize) mbox->len, NULL));
  close (fd);

  GError *error = NULL;
  BounceMbox *m = bounce_mbox_open (path, &error);
  assert_non_null (m);
  BounceMbox *again = g_boxed_copy (bounce_mbox_get_type (), m);
  bounce_mbox_close (m); /* the copy's reference keeps the reader open */
  guint position = 0;
  BounceReport *r = bounce_mbox_next (again, NULL, &position, &error);
  assert_non_null (r);
  assert_int_equal (position, 1);
  assert_int_equal (bounce_report_n_records (r), 2);
  bounce_report_unref (r);
  /* the position is optional */
  r = bounce_mbox_next (again, NULL, NULL, &error);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 2);
  bounce_report_unref (r);
  assert_null (bounce_mbox_next (again, NULL, &position, &error));
  assert_int_equal (position, 1);
  assert_null (error);
  g_boxed_free (bounce_mbox_get_type (), again);
  g_unlink (path);
  g_free (path);
  g_free (msg);
  g_string_free (mbox, TRUE);
}

static void
test_enum_types (void **state)
{
  (void) state;
  GEnumClass *fields = g_type_class_ref (bounce_field_get_type ());
  assert_int_equal (fields->n_values, BOUNCE_FIELD_COUNT); /* BOUNCE_FIELD_COUNT skipped */
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    {
      GEnumValue *v = g_enum_get_value (fields, f);
      assert_non_null (v);
      /* the nick is the JSON name with dashes */
      char *nick = g_strdelimit (g_strdup (bounce_field_name (f)), "_", '-');
      assert_string_equal (v->value_nick, nick);
      g_free (nick);
    }
  g_type_class_unref (fields);

  GEnumClass *types = g_type_class_ref (bounce_type_get_type ());
  for (BounceType t = BOUNCE_TYPE_NONE; t <= BOUNCE_TYPE_BLOCK; t++)
    assert_string_equal (g_enum_get_value (types, t)->value_nick, bounce_type_name (t));
  g_type_class_unref (types);

  GEnumClass *classes = g_type_class_ref (bounce_class_get_type ());
  assert_int_equal (classes->n_values, 4);
  assert_string_equal (g_enum_get_value (classes, BOUNCE_CLASS_PERMANENT)->value_nick, "permanent");
  g_type_class_unref (classes);

  GEnumClass *errors = g_type_class_ref (bounce_error_get_type ());
  assert_string_equal (g_enum_get_value (errors, BOUNCE_ERROR_TOO_LARGE)->value_nick, "too-large");
  g_type_class_unref (errors);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_record_outlives_report),
    cmocka_unit_test (test_boxed_copies),
    cmocka_unit_test (test_mbox_reference),
    cmocka_unit_test (test_enum_types),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
