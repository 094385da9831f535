/* fuzz-address.c: address normalisation and VERP decoding (address.c) on the input
 * as one NUL-terminated string. A result is NULL or an address: valid UTF-8, an '@'
 * with something on both sides, no spaces or control characters, the domain in
 * lower case. */
#include <string.h>

#include "address.h"
#include "check.h"

static void
check_address (const char *a, const char *what)
{
  if (!a)
    return;
  gsize len = strlen (a);
  CHECK (g_utf8_validate (a, (gssize) len, NULL), "%s is not valid UTF-8", what);
  const char *at = strrchr (a, '@');
  CHECK (at != NULL, "%s \"%s\" has no '@'", what, a);
  CHECK (at > a && at[1] != '\0', "%s \"%s\" has an empty side", what, a);
  /* a quoted local part ("john doe"@example.com) may hold spaces and punctuation */
  gsize from = 0;
  if (a[0] == '"' && strstr (a + 1, "\"@"))
    from = (gsize) (at - a);
  for (gsize i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) a[i];
      CHECK (c >= ' ' && c != 0x7f, "%s \"%s\" holds byte 0x%02x", what, a, c);
      if (i >= from)
        {
          CHECK (c != ' ', "%s \"%s\" holds a space", what, a);
          CHECK (!strchr ("<>(),;", c), "%s \"%s\" holds '%c'", what, a, c);
        }
    }
  for (const char *d = at + 1; *d; d++)
    CHECK (!g_ascii_isupper (*d), "%s \"%s\": domain not lower-cased", what, a);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_strndup (data, size);
  char *norm = address_normalise (text);
  check_address (norm, "address_normalise");
  /* a plain normalised address is still an address. Not checked when it holds other
   * characters: a '(' kept in a quoted local part opens a comment when read again, and
   * "mailto:mailto:x@y" loses one "mailto:" each time. */
  gboolean plain = norm != NULL;
  for (const char *c = norm; plain && *c; c++)
    plain = address_char (*c);
  if (plain)
    {
      char *again = address_normalise (norm);
      check_address (again, "address_normalise twice");
      CHECK (again != NULL, "\"%s\" normalises to nothing", norm);
      g_free (again);
    }
  char *verp = address_from_verp (text);
  check_address (verp, "address_from_verp");
  if (verp)
    CHECK (strchr (strrchr (verp, '@'), '.') != NULL, "VERP domain \"%s\" has no dot", verp);
  for (gsize i = 0; i < size; i++)
    (void) address_char (text[i]);
  g_free (norm);
  g_free (verp);
  g_free (text);
  return 0;
}
