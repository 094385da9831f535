/* fuzz-codes.c: status and reply codes in untrusted text (status.c), the code
 * look-up behind `bounce explain` (classify.c, codes.c) and the reason phrases
 * (reasons.c), on the input as one NUL-terminated string. What they find must have
 * the shape they promise, and must read back the same. */
#include <string.h>

#include "check.h"
#include "codes.h"
#include "reasons.h"
#include "wordings.h"
#include "status.h"

static gboolean
is_enhanced_shape (const char *s)
{
  guint k, sub, det;
  gsize n = status_parse_enhanced (s, strlen (s), &k, &sub, &det);
  return n > 0 && n == strlen (s) && (k == 2 || k == 4 || k == 5) && sub <= 999 && det <= 999;
}

static void
check_lookup (const char *text)
{
  BounceCode code;
  if (!bounce_code_lookup (text, &code))
    return;
  CHECK (code.code && code.form, "a code without its name or form");
  check_text (code.code, "code");
  check_text (code.form, "form");
  check_text (code.subject, "subject");
  check_text (code.description, "description");
  check_text (code.note, "note");
  CHECK (code.reason == NULL || reason_from_name (code.reason) != REASON_NONE, "unknown reason %s",
         code.reason);
  CHECK ((guint) code.klass <= BOUNCE_CLASS_PERMANENT, "bad class");
  CHECK ((guint) code.type <= BOUNCE_TYPE_BLOCK, "bad type");
  /* the canonical form looks up to itself */
  BounceCode again;
  CHECK (bounce_code_lookup (code.code, &again), "%s does not look up", code.code);
  CHECK (strcmp (again.code, code.code) == 0, "%s looks up as %s", code.code, again.code);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_strndup (data, size);

  char found[STATUS_MAX];
  memset (found, 'x', sizeof found);
  if (status_find_enhanced (text, found))
    {
      CHECK (memchr (found, '\0', sizeof found) != NULL, "unterminated status");
      CHECK (is_enhanced_shape (found), "found status \"%s\" is not one", found);
      CHECK (strstr (text, found) != NULL, "found status \"%s\" is not in the text", found);
      char norm[STATUS_MAX];
      CHECK (status_normalise (found, norm), "found status %s does not normalise", found);
      check_lookup (found);
    }

  char reply[4];
  if (status_find_reply (text, reply))
    {
      CHECK (strlen (reply) == 3 && g_ascii_isdigit (reply[0]) && g_ascii_isdigit (reply[1])
                 && g_ascii_isdigit (reply[2]),
             "found reply \"%s\" is not three digits", reply);
      CHECK (reply[0] == '2' || reply[0] == '4' || reply[0] == '5', "reply class %c", reply[0]);
      CHECK (strstr (text, reply) != NULL, "reply %s is not in the text", reply);
    }

  char norm[STATUS_MAX];
  memset (norm, 'x', sizeof norm);
  if (status_normalise (text, norm))
    {
      CHECK (memchr (norm, '\0', sizeof norm) != NULL, "unterminated normal form");
      CHECK (is_enhanced_shape (norm) || (strlen (norm) == 3 && g_ascii_isdigit (norm[0])
                                          && g_ascii_isdigit (norm[1])
                                          && g_ascii_isdigit (norm[2])),
             "normal form \"%s\"", norm);
      char twice[STATUS_MAX];
      CHECK (status_normalise (norm, twice) && strcmp (norm, twice) == 0,
             "normalising %s is not stable", norm);
    }
  check_lookup (text);

  /* the raw bytes, bounded by length and not by a terminator */
  guint k, s, d;
  gsize n = status_parse_enhanced ((const char *) data, size, &k, &s, &d);
  CHECK (n <= size, "status_parse_enhanced spans %zu of %zu bytes", n, size);

  Reason reason = wordings_reason_of_text (text);
  CHECK (reason == REASON_NONE || reason_name (reason) != NULL, "reason %d not in the vocabulary",
         (int) reason);
  char *folded = wordings_fold (text, size + 1);
  CHECK (g_utf8_validate (folded, -1, NULL) || !g_utf8_validate (text, -1, NULL),
         "folding broke UTF-8");
  for (const char *p = folded; *p; p++)
    CHECK (!g_ascii_isupper (*p) && *p != '\t' && *p != '\n' && *p != '\r' && !(p[0] == ' ' && p[1] == ' '),
           "folded text not folded at %zu", (size_t) (p - folded));
  g_free (folded);
  g_free (text);
  return 0;
}
