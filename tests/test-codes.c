/* test-codes.c: every code the seed documents list has a classification record, and
 * the project's choices where those documents disagree (codes.c, classify.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "bounce/bounce.h"
#include "status.h"

static void
check_code (const char *code, const char *file)
{
  BounceCode c;
  if (!bounce_code_lookup (code, &c))
    fail_msg ("%s (listed in %s) has no classification record", code, file);
  if (!c.description)
    fail_msg ("%s (listed in %s) has no description", code, file);
}

/* Enhanced codes anywhere in the text, and three-digit codes opening a line (the
 * documents' tables). Returns how many were checked. */
static guint
check_document (const char *path)
{
  char *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &text, &len, NULL))
    fail_msg ("cannot read %s", path);
  char *name = g_path_get_basename (path);
  guint n = 0;
  char code[STATUS_MAX];
  for (gsize i = 0; i < len; i++)
    {
      gboolean line_start = i == 0 || text[i - 1] == '\n';
      guint k, s, d;
      gsize m = status_parse_enhanced (text + i, len - i, &k, &s, &d);
      if (m > 0 && m < STATUS_MAX && (i == 0 || !g_ascii_isdigit (text[i - 1])))
        {
          memcpy (code, text + i, m);
          code[m] = '\0';
          check_code (code, name);
          n++;
          i += m - 1;
          continue;
        }
      if (line_start && i + 3 <= len && g_ascii_isdigit (text[i]) && g_ascii_isdigit (text[i + 1])
          && g_ascii_isdigit (text[i + 2])
          && (i + 3 == len || text[i + 3] == ' ' || text[i + 3] == '\n' || text[i + 3] == '\t'))
        {
          memcpy (code, text + i, 3);
          code[3] = '\0';
          check_code (code, name);
          n++;
        }
    }
  g_free (name);
  g_free (text);
  return n;
}

static void
test_codes_seed_documents (void **state)
{
  (void) state;
  char *dir = g_build_filename (BOUNCE_SOURCE_DIR, "..", "shared", "seeds", NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    {
      g_free (dir);
      skip ();
    }
  guint n = 0;
  const char *entry;
  while ((entry = g_dir_read_name (d)))
    if (g_str_has_suffix (entry, ".txt") && strcmp (entry, "README.md") != 0)
      {
        char *path = g_build_filename (dir, entry, NULL);
        n += check_document (path);
        g_free (path);
      }
  g_dir_close (d);
  g_free (dir);
  assert_true (n > 100);
}

/* The codes the seed tables list, written here so the check holds without them. */
static void
test_codes_listed (void **state)
{
  (void) state;
  static const char *const codes[] = {
    "211", "214", "220", "221", "250", "251", "252", "354", "421", "422", "431", "441", "447",
    "450", "451", "452", "500", "501", "502", "503", "504", "510", "511", "512", "513", "514",
    "515", "516", "517", "518", "520", "521", "522", "523", "524", "530", "531", "532", "533",
    "534", "540", "541", "542", "543", "544", "545", "546", "547", "550", "551", "552", "553",
    "554", "555", "556", "560", "561", "562", "563", "564", "565", "570", "571", "572", "573",
    "574", "575", "576", "577", "911", "4.2.2", "4.3.1", "4.3.2", "4.4.1", "4.4.7", "4.7.0",
    "5.0.0", "5.1.0", "5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.1.5", "5.1.6", "5.1.7", "5.1.8",
    "5.2.0", "5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.3.0", "5.3.1", "5.3.2", "5.3.3", "5.3.4",
    "5.4.0", "5.4.1", "5.4.2", "5.4.3", "5.4.4", "5.4.5", "5.4.6", "5.4.7", "5.4.14", "5.5.0",
    "5.5.1", "5.5.2", "5.5.3", "5.5.4", "5.5.5", "5.6.0", "5.6.1", "5.6.2", "5.6.3", "5.6.4",
    "5.6.5", "5.7.0", "5.7.1", "5.7.2", "5.7.3", "5.7.4", "5.7.5", "5.7.6", "5.7.7", "5.7.8",
    "5.7.13", "5.7.14", "5.7.20", "5.7.25", "5.7.26", "5.7.27", "5.7.28", "5.7.29", "5.7.30",
    "5.7.606", "5.7.650", "5.7.705", "5.7.750",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    check_code (codes[i], "the seed tables");
}

static void
test_codes_disagreements (void **state)
{
  (void) state;
  BounceCode c;
  /* 5.2.2: permanent by class, but a full mailbox can empty: soft */
  assert_true (bounce_code_lookup ("5.2.2", &c));
  assert_int_equal (c.klass, BOUNCE_CLASS_PERMANENT);
  assert_string_equal (c.reason, "mailboxfull");
  assert_int_equal (c.type, BOUNCE_TYPE_SOFT);
  /* 522 is no reply code: read as 5.2.2 without dots, soft as the seeds say */
  assert_true (bounce_code_lookup ("522", &c));
  assert_string_equal (c.form, "vendor");
  assert_string_equal (c.reason, "mailboxfull");
  assert_int_equal (c.type, BOUNCE_TYPE_SOFT);
  /* 521 is RFC 7504's "does not accept mail": notaccept, hard as permanent (one seed
   * reads it as 5.2.1 "mailbox disabled", soft; the reply code's meaning is kept) */
  assert_true (bounce_code_lookup ("521", &c));
  assert_string_equal (c.form, "reply");
  assert_string_equal (c.reason, "notaccept");
  assert_int_equal (c.type, BOUNCE_TYPE_HARD);
  /* 553 is RFC 5321's "mailbox name not allowed": hard (one seed reads it as 5.5.3
   * "too many recipients", soft; the note says so) */
  assert_true (bounce_code_lookup ("553", &c));
  assert_string_equal (c.form, "reply");
  assert_string_equal (c.reason, "userunknown");
  assert_int_equal (c.type, BOUNCE_TYPE_HARD);
  assert_non_null (c.note);
  /* 5.7.27 (RFC 7505) is the sender's domain's null MX: the sender refused, not
   * the destination (1.10 is the recipient's) */
  assert_true (bounce_code_lookup ("5.7.27", &c));
  assert_string_equal (c.reason, "rejected");
  assert_int_equal (c.type, BOUNCE_TYPE_BLOCK);
  assert_true (bounce_code_lookup ("5.1.10", &c));
  assert_string_equal (c.reason, "notaccept");
  /* 571 is 5.7.1 without dots; 911 the pseudo-code "no code found", hard */
  assert_true (bounce_code_lookup ("571", &c));
  assert_string_equal (c.form, "vendor");
  assert_int_equal (c.klass, BOUNCE_CLASS_PERMANENT);
  assert_true (bounce_code_lookup ("911", &c));
  assert_int_equal (c.type, BOUNCE_TYPE_HARD);
  /* Microsoft's ranges */
  assert_true (bounce_code_lookup ("5.7.620", &c));
  assert_string_equal (c.reason, "blocked");
  assert_true (bounce_code_lookup ("5.7.705", &c));
  assert_string_equal (c.reason, "blocked");
  /* ... an exact row inside a range wins: 5.7.703 is the sender's own tenant block list */
  assert_true (bounce_code_lookup ("5.7.703", &c));
  assert_string_equal (c.reason, "policyviolation");
  /* 5.7.900-5.7.999: an Exchange mail flow rule rejected the message */
  assert_true (bounce_code_lookup ("5.7.900", &c));
  assert_string_equal (c.reason, "policyviolation");
  assert_true (bounce_code_lookup ("5.7.999", &c));
  assert_string_equal (c.reason, "policyviolation");
  /* 4.7.500-4.7.699 and 4.7.850-4.7.899 are transient IP throttles, whatever the
   * permanent 5.7.5xx and 5.7.6xx of the same details say */
  assert_true (bounce_code_lookup ("4.7.500", &c));
  assert_string_equal (c.reason, "badreputation");
  assert_int_equal (c.klass, BOUNCE_CLASS_TRANSIENT);
  assert_true (bounce_code_lookup ("4.7.504", &c));
  assert_string_equal (c.reason, "badreputation");
  assert_true (bounce_code_lookup ("4.7.620", &c));
  assert_string_equal (c.reason, "badreputation");
  assert_true (bounce_code_lookup ("4.7.899", &c));
  assert_string_equal (c.reason, "badreputation");
  assert_true (bounce_code_lookup ("4.7.700", &c));
  assert_string_equal (c.reason, "blocked");
  assert_true (bounce_code_lookup ("5.7.504", &c));
  assert_string_equal (c.reason, "userunknown");
  assert_true (bounce_code_lookup ("5.7.500", &c));
  assert_null (c.reason);
  /* Microsoft's single codes: the reason each one's meaning implies */
  static const struct
  {
    const char *code, *reason;
  } ms[] = {
    { "5.4.8", "securityerror" },    { "4.4.8", "securityerror" },
    { "5.3.190", "policyviolation" }, { "5.6.11", "contenterror" },
    { "5.7.124", "filtered" },       { "5.7.133", "filtered" },
    { "5.7.134", "filtered" },       { "5.7.135", "filtered" },
    { "5.7.136", "filtered" },       { "5.7.321", "securityerror" },
    { "4.7.321", "securityerror" },  { "5.7.325", "securityerror" },
    { "5.7.502", "rejected" },       { "5.7.503", "rejected" },
    { "5.7.505", "userunknown" },    { "5.7.507", "blocked" },
    { "5.7.508", "speeding" },       { "5.7.510", "networkerror" },
    { "5.7.520", "policyviolation" }, { "5.7.800", "rejected" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      assert_true (bounce_code_lookup (ms[i].code, &c));
      assert_non_null (c.reason);
      if (strcmp (c.reason, ms[i].reason) != 0)
        fail_msg ("%s: %s, expected %s", ms[i].code, c.reason, ms[i].reason);
    }
  /* Microsoft's sender-side limits in the recipient subjects are never hard:
   * 5.1.90 (the sender's daily recipient limit), 5.2.121, 5.2.122 */
  static const char *const sender_limits[] = { "5.1.90", "5.2.121", "5.2.122", "4.1.90" };
  for (gsize i = 0; i < G_N_ELEMENTS (sender_limits); i++)
    {
      assert_true (bounce_code_lookup (sender_limits[i], &c));
      assert_string_equal (c.reason, "speeding");
      assert_int_equal (c.type, BOUNCE_TYPE_SOFT);
    }
  /* 5.7.1 and 5.7.9 are generic: no reason of their own */
  assert_true (bounce_code_lookup ("5.7.1", &c));
  assert_null (c.reason);
  assert_true (bounce_code_lookup ("5.7.9", &c));
  assert_null (c.reason);
  assert_false (bounce_code_lookup ("hello", &c));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_codes_seed_documents),
    cmocka_unit_test (test_codes_listed),
    cmocka_unit_test (test_codes_disagreements),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
