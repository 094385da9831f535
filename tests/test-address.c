/* test-address.c: address normalisation, VERP decoding, addresses in text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "address.h"
#include "text.h"

static void
expect_norm (const char *in, const char *want)
{
  char *got = address_normalise (in);
  if (want)
    {
      assert_non_null (got);
      assert_string_equal (got, want);
    }
  else
    assert_null (got);
  g_free (got);
}

static void
test_normalise_forms (void **state)
{
  (void) state;
  expect_norm ("rfc822; <John.Doe@Example.COM>", "John.Doe@example.com");
  expect_norm ("RFC822;jane@example.org", "jane@example.org");
  expect_norm ("\"Jane Roe\" <jane@example.org>", "jane@example.org");
  expect_norm ("jane@example.org (Jane Roe)", "jane@example.org");
  expect_norm ("<jane@example.org>.", "jane@example.org");
  expect_norm ("mailto:jane@example.org", "jane@example.org");
  expect_norm ("'jane@example.org'", "jane@example.org");
  /* an address type is an atom (RFC 3464 § 2.1.2): "/" is one of its characters */
  expect_norm ("rfc/822;jane@example.org", "jane@example.org");
  expect_norm ("x-local+v1 ; jane@example.org", "jane@example.org");
}

static void
test_normalise_quoted_local_part (void **state)
{
  (void) state;
  expect_norm ("rfc822; \"john..doe\"@example.com", "\"john..doe\"@example.com");
  expect_norm ("<\"john doe\"@Example.com>", "\"john doe\"@example.com");
}

/* RFC 6533 section 3: a "utf-8" address may carry "\x{HEXPOINT}" characters */
static void
test_normalise_utf8_type (void **state)
{
  (void) state;
  expect_norm ("utf-8; jos\\x{E9}@example.net", "jos\xc3\xa9@example.net");
  expect_norm ("UTF-8;a\\x{2B}b@example.net", "a+b@example.net");
  expect_norm ("utf-8; \xd0\xb8\xd0\xbc\xd1\x8f@example.net", "\xd0\xb8\xd0\xbc\xd1\x8f@example.net");
  /* no code point: left as written */
  expect_norm ("utf-8; a\\x{D800}b@example.net", "a\\x{D800}b@example.net");
  expect_norm ("utf-8; a\\x{}b@example.net", "a\\x{}b@example.net");
  /* only the utf-8 type encodes so */
  expect_norm ("rfc822; a\\x{2B}b@example.net", "a\\x{2B}b@example.net");
}

/* a field's value that holds the address and nothing else but a name or comment */
static void
test_same (void **state)
{
  (void) state;
  assert_true (address_same ("Kim <kim@Example.ORG>", "kim@example.org"));
  assert_true (address_same ("kim@example.org (Kim Lee)", "kim@example.org"));
  assert_false (address_same ("kim@example.org.uk", "kim@example.org"));
  assert_false (address_same ("Kim <kimberly@example.org>", "kim@example.org"));
  assert_false (address_same (NULL, "kim@example.org"));
  assert_false (address_same ("kim@example.org", NULL));
}

static void
test_normalise_rejects (void **state)
{
  (void) state;
  expect_norm (NULL, NULL);
  expect_norm ("", NULL);
  expect_norm ("no address here", NULL);
  expect_norm ("@example.com", NULL);
  expect_norm ("user@", NULL);
  expect_norm ("two words@example.com", NULL);
}

static void
expect_verp (const char *in, const char *want)
{
  char *got = address_from_verp (in);
  if (want)
    {
      assert_non_null (got);
      assert_string_equal (got, want);
    }
  else
    assert_null (got);
  g_free (got);
}

/* the characters of an unquoted address; the end of a text is none of them */
static void
test_address_chars (void **state)
{
  (void) state;
  assert_true (address_char ('a'));
  assert_true (address_char ('.'));
  assert_true (address_char ('@'));
  assert_false (address_char (' '));
  assert_false (address_char ('>'));
  assert_false (address_char ('\0'));
}

static void
test_verp (void **state)
{
  (void) state;
  expect_verp ("bounces+alice=example.com@lists.example.org", "alice@example.com");
  expect_verp ("list-bounces+bob.smith=Example.NET@lists.example.org", "bob.smith@example.net");
  expect_verp ("plain@example.org", NULL);
  expect_verp ("bounces+nobody@lists.example.org", NULL);
  expect_verp ("bounces+user=localhost@lists.example.org", NULL);
  expect_verp (NULL, NULL);
}

static gsize
at (const char *s)
{
  return text_address_at (s, s + strlen (s));
}

static void
test_address_in_text (void **state)
{
  (void) state;
  assert_int_equal (at ("alice@example.com is unknown"), strlen ("alice@example.com"));
  assert_int_equal (at ("alice@example.com."), strlen ("alice@example.com"));
  /* the domain stops where text in another script runs on */
  assert_int_equal (at ("alice@example.jp\xe3\x81\xa7\xe3\x81\x99"), strlen ("alice@example.jp"));
  /* letters of scripts written with spaces belong to the address (RFC 6531's UTF-8
   * local part, RFC 5890's U-label): "bøb" is no "b" */
  assert_int_equal (at ("b\xc3\xb8""b@example.com is unknown"), strlen ("b\xc3\xb8""b@example.com"));
  assert_int_equal (at ("bob@b\xc3\xbc""cher.example"), strlen ("bob@b\xc3\xbc""cher.example"));
  assert_int_equal (at ("\xd0\xb8\xd0\xb2@\xd1\x80\xd1\x84.example"),
                    strlen ("\xd0\xb8\xd0\xb2@\xd1\x80\xd1\x84.example"));
  assert_int_equal (at ("\"a..b\"@example.com>"), strlen ("\"a..b\"@example.com"));
  assert_int_equal (at ("alice@[192.0.2.1]"), strlen ("alice@[192.0.2.1]"));
  assert_int_equal (at ("alice@localhost"), 0);
  assert_int_equal (at ("no address"), 0);
  assert_int_equal (at ("@example.com"), 0);
}

/* Non-SMTP forms: a source route, the "SMTP:" and "smtp=" proxy prefixes; and
 * which domains are qualified. */
static void
test_normalise_routes_and_prefixes (void **state)
{
  (void) state;
  expect_norm ("<@relay.example.net:kim@example.com>", "kim@example.com");
  expect_norm ("rfc822; @a.example.net,@b.example.net:kim@Example.COM", "kim@example.com");
  expect_norm ("SMTP:kim@example.com", "kim@example.com");
  expect_norm ("rfc822;smtp=kim@example.com", "kim@example.com");
  expect_norm ("<smtp:kim@example.com>", "kim@example.com");
  /* a local part that only starts like the prefix is kept */
  expect_norm ("smtpuser@example.com", "smtpuser@example.com");
  expect_norm ("@relay.example.net:", NULL);
  /* the mailbox after a route is stripped as an address's start is: read twice, the same */
  expect_norm ("@relay.example.net:'kim@example.com'", "kim@example.com");
  expect_norm ("@relay.example.net:''@a", NULL);
  expect_norm ("<SMTP:'kim@example.com'>", "kim@example.com");
  expect_norm ("<SMTP='@a2>", NULL);
  /* prefixes in any order and nesting */
  expect_norm ("<SMTP=<SMTP=@a2>", NULL);
  expect_norm ("mailto:<SMTP:'kim@example.com'>", "kim@example.com");
  expect_norm ("smtp:@relay.example.net:'kim@example.com'", "kim@example.com");
  assert_true (address_qualified ("kim@example.com"));
  assert_true (address_qualified ("kim@[192.0.2.1]"));
  assert_false (address_qualified ("kim@mailhost"));
  assert_false (address_qualified (NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_normalise_forms),
    cmocka_unit_test (test_normalise_quoted_local_part),
    cmocka_unit_test (test_normalise_utf8_type),
    cmocka_unit_test (test_normalise_rejects),
    cmocka_unit_test (test_same),
    cmocka_unit_test (test_address_chars),
    cmocka_unit_test (test_verp),
    cmocka_unit_test (test_address_in_text),
    cmocka_unit_test (test_normalise_routes_and_prefixes),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
