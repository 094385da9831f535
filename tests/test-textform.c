/* test-textform.c: format=flowed and HTML text turned into plain lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "textform.h"

static void
expect_flowed (const char *in, gboolean delsp, const char *want)
{
  char *got = textform_from_flowed (in, delsp);
  assert_string_equal (got, want);
  g_free (got);
}

static void
expect_html (const char *in, const char *want)
{
  char *got = textform_from_html (in);
  assert_string_equal (got, want);
  g_free (got);
}

/* RFC 3676 § 4.2: a line ending in a space goes on in the next one */
static void
test_flowed_soft_breaks_joined (void **state)
{
  (void) state;
  expect_flowed ("Your message could not be \ndelivered to kim@example.org.\nDone.\n", FALSE,
                 "Your message could not be delivered to kim@example.org.\nDone.\n");
  /* DelSp=yes: the space was added only to mark the break */
  expect_flowed ("undeliver \nable\n", TRUE, "undeliverable\n");
  /* CRLF line ends */
  expect_flowed ("a \r\nb\r\n", FALSE, "a b\n");
}

/* § 4.4 space-stuffing, § 4.5 quotes, § 4.3 the signature separator */
static void
test_flowed_stuffing_quotes_signature (void **state)
{
  (void) state;
  expect_flowed (" From the queue\n", FALSE, "From the queue\n");
  /* a change of quote depth ends the paragraph */
  expect_flowed ("> quoted \nnot quoted\n", FALSE, "> quoted \nnot quoted\n");
  expect_flowed ("> one \n> two\n", FALSE, "> one two\n");
  expect_flowed ("text\n-- \nsignature\n", FALSE, "text\n-- \nsignature\n");
}

static void
test_html_tags_entities_blocks (void **state)
{
  (void) state;
  expect_html ("<html><style>p{}</style><body>user&nbsp;&lt;b@example.com&gt; &amp; "
               "&#39;x&#x27;<br>next</body></html>",
               "user <b@example.com> & 'x'\nnext\n");
  expect_html ("<script>var a = '<p>';</script>text", "text");
  expect_html ("<header>x</header>", "x");
  /* a paragraph is set off by a blank line; a table cell by a space */
  expect_html ("<p>Delivery failed:</p><p>kim@example.org</p>",
               "Delivery failed:\n\nkim@example.org\n\n");
  expect_html ("<table><tr><td>a</td><td>b</td></tr></table>", "a b\n");
  /* a title, headings, the head and the document end lines */
  expect_html ("<html><head><title>Undeliverable</title></head><h1>Delivery failed</h1>to"
               "</html>",
               "Undeliverable\n\nDelivery failed\nto\n");
  /* a numeric reference that is no character */
  expect_html ("x&#0;y<br>", "x\xef\xbf\xbdy\n");
}

/* without tags for lines, or inside <pre>, the text's own line ends are lines */
static void
test_html_line_ends_kept (void **state)
{
  (void) state;
  expect_html ("Delivery failed\nkim@example.org\n", "Delivery failed\nkim@example.org\n");
  expect_html ("<p>a\nb</p><pre>550 5.1.1\nUser unknown</pre>",
               "a b\n\n550 5.1.1\nUser unknown");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_flowed_soft_breaks_joined),
    cmocka_unit_test (test_flowed_stuffing_quotes_signature),
    cmocka_unit_test (test_html_tags_entities_blocks),
    cmocka_unit_test (test_html_line_ends_kept),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
