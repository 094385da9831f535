/* fuzz-json.c: the JSON writer (out-json.c). Arbitrary bytes, invalid UTF-8 and
 * control characters included, go through json_string() and, as field values set
 * without the library's cleaning, through json_record(): the output must be valid
 * JSON and valid UTF-8, and text that was valid UTF-8 must read back unchanged. */
#include <string.h>

#include "check.h"
#include "internal.h"
#include "printer.h"

static void
check_string (const char *s)
{
  GString *buf = g_string_new ("");
  json_string (buf, s);
  CHECK (strlen (buf->str) == buf->len, "NUL byte in the output");
  CHECK (g_utf8_validate (buf->str, (gssize) buf->len, NULL), "output is not UTF-8");
  CHECK (json_valid (buf->str, buf->len), "output is not JSON: %s", buf->str);
  gsize used = 0;
  char *back = json_decode_string (buf->str, buf->len, &used);
  CHECK (back != NULL && used == buf->len, "output is not one string literal");
  if (g_utf8_validate (s, -1, NULL))
    CHECK (strcmp (back, s) == 0, "round trip changed the text");
  else
    CHECK (g_utf8_validate (back, -1, NULL) && strstr (back, "\xef\xbf\xbd"),
           "invalid UTF-8 not replaced");
  g_free (back);
  g_string_free (buf, TRUE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = fuzz_strndup (data, size);
  check_string (text);

  /* a record whose fields are pieces of the input, raw: split at 0xff bytes */
  BounceReport *report = report_new ();
  BounceRecord *rec = report_add_record (report);
  char **pieces = g_strsplit (text, "\xff", BOUNCE_FIELD_COUNT);
  for (int f = 0; pieces[f] && f < BOUNCE_FIELD_COUNT; f++)
    {
      if (f < BOUNCE_FIELD_REPORTING_MTA)
        record_take (rec, (BounceField) f, *pieces[f] ? g_strdup (pieces[f]) : NULL);
      else
        report_take (report, (BounceField) f, *pieces[f] ? g_strdup (pieces[f]) : NULL);
    }
  rec->type = (BounceType) (size % 4);
  GString *buf = g_string_new (NULL);
  json_record (buf, pieces[0] ? pieces[0] : "", (guint) size, rec);
  CHECK (strlen (buf->str) == buf->len, "NUL byte in the record");
  CHECK (g_utf8_validate (buf->str, (gssize) buf->len, NULL), "record is not UTF-8");
  CHECK (json_valid (buf->str, buf->len), "record is not JSON: %s", buf->str);
  g_string_free (buf, TRUE);
  g_strfreev (pieces);
  bounce_report_free (report);

  /* the library's own cleaning, then the full record check */
  report = report_new ();
  rec = report_add_record (report);
  record_set (rec, BOUNCE_FIELD_RECIPIENT, "user@example.com");
  record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, text);
  report_set (report, BOUNCE_FIELD_MESSAGE_SUBJECT, text);
  check_report (report);
  bounce_report_free (report);
  g_free (text);
  return 0;
}
