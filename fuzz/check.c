/* check.c: a strict JSON validator and the record and report invariants the
 * harnesses assert. Written here rather than taken from a JSON library so that
 * "valid" means RFC 8259 exactly, with no leniency to hide a writer bug. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printer.h"

void
fuzz_fail (const char *file, int line, const char *cond, const char *fmt, ...)
{
  va_list ap;
  fprintf (stderr, "%s:%d: invariant broken: %s: ", file, line, cond);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

void
fuzz_init (void)
{
  /* GSlice keeps its own magazines unless told otherwise (GLib < 2.76). */
  setenv ("G_SLICE", "always-malloc", 0);
  setenv ("G_DEBUG", "gc-friendly", 0);
}

char *
fuzz_strndup (const uint8_t *data, size_t size)
{
  char *s = g_malloc (size + 1);
  if (size)
    memcpy (s, data, size);
  s[size] = '\0';
  return s;
}

/* JSON grammar, recursive descent over [p, end). */

#define JSON_MAX_DEPTH 64

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static void
skip_ws (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static int
hex_value (char h)
{
  if (h >= '0' && h <= '9')
    return h - '0';
  if (h >= 'a' && h <= 'f')
    return h - 'a' + 10;
  if (h >= 'A' && h <= 'F')
    return h - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Cursor *c, gunichar *out)
{
  if (c->end - c->p < 4)
    return FALSE;
  gunichar v = 0;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (c->p[i]);
      if (h < 0)
        return FALSE;
      v = v * 16 + (gunichar) h;
    }
  c->p += 4;
  *out = v;
  return TRUE;
}

/* A string literal; appends the decoded text to out when out is not NULL. */
static gboolean
parse_string (Cursor *c, GString *out)
{
  if (c->p >= c->end || *c->p != '"')
    return FALSE;
  c->p++;
  while (c->p < c->end)
    {
      unsigned char ch = (unsigned char) *c->p;
      if (ch == '"')
        {
          c->p++;
          return TRUE;
        }
      if (ch < 0x20)
        return FALSE;
      if (ch == '\\')
        {
          c->p++;
          if (c->p >= c->end)
            return FALSE;
          char e = *c->p++;
          const char *simple = strchr ("\"\\/bfnrt", e);
          if (e != '\0' && simple)
            {
              static const char decoded[] = "\"\\/\b\f\n\r\t";
              if (out)
                g_string_append_c (out, decoded[simple - "\"\\/bfnrt"]);
              continue;
            }
          if (e != 'u')
            return FALSE;
          gunichar u;
          if (!read_hex4 (c, &u))
            return FALSE;
          if (u >= 0xdc00 && u <= 0xdfff)
            return FALSE; /* a low surrogate with no high one */
          if (u >= 0xd800 && u <= 0xdbff)
            {
              gunichar lo;
              if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
                return FALSE;
              c->p += 2;
              if (!read_hex4 (c, &lo) || lo < 0xdc00 || lo > 0xdfff)
                return FALSE;
              u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
            }
          if (u == 0)
            return FALSE; /* would cut the decoded C string; our writer never emits it */
          if (out)
            g_string_append_unichar (out, u);
          continue;
        }
      if (ch < 0x80)
        {
          if (out)
            g_string_append_c (out, (char) ch);
          c->p++;
          continue;
        }
      gunichar u = g_utf8_get_char_validated (c->p, c->end - c->p);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        return FALSE;
      const char *n = g_utf8_next_char (c->p);
      if (out)
        g_string_append_len (out, c->p, n - c->p);
      c->p = n;
    }
  return FALSE;
}

static gboolean
parse_digits (Cursor *c)
{
  const char *start = c->p;
  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;
  return c->p > start;
}

static gboolean
parse_number (Cursor *c)
{
  if (c->p < c->end && *c->p == '-')
    c->p++;
  if (c->p >= c->end)
    return FALSE;
  if (*c->p == '0')
    c->p++;
  else if (!parse_digits (c))
    return FALSE;
  if (c->p < c->end && *c->p == '.')
    {
      c->p++;
      if (!parse_digits (c))
        return FALSE;
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (!parse_digits (c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_literal (Cursor *c, const char *word)
{
  gsize n = strlen (word);
  if ((gsize) (c->end - c->p) < n || memcmp (c->p, word, n) != 0)
    return FALSE;
  c->p += n;
  return TRUE;
}

static gboolean parse_value (Cursor *c, int depth);

/* Past the opening byte of an object or array: is it closed at once (by close)? */
static gboolean
opens_empty (Cursor *c, char close)
{
  c->p++;
  skip_ws (c);
  if (c->p < c->end && *c->p == close)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

/* After a member or an element: close ends the object or array (1), a comma goes
 * on to the next one (0), anything else is an error (-1). */
static int
after_item (Cursor *c, char close)
{
  skip_ws (c);
  if (c->p >= c->end)
    return -1;
  if (*c->p == close)
    {
      c->p++;
      return 1;
    }
  if (*c->p != ',')
    return -1;
  c->p++;
  return 0;
}

static gboolean
parse_object (Cursor *c, int depth)
{
  if (opens_empty (c, '}'))
    return TRUE;
  for (;;)
    {
      skip_ws (c);
      if (!parse_string (c, NULL))
        return FALSE;
      skip_ws (c);
      if (c->p >= c->end || *c->p != ':')
        return FALSE;
      c->p++;
      if (!parse_value (c, depth + 1))
        return FALSE;
      int next = after_item (c, '}');
      if (next != 0)
        return next > 0;
    }
}

static gboolean
parse_array (Cursor *c, int depth)
{
  if (opens_empty (c, ']'))
    return TRUE;
  for (;;)
    {
      if (!parse_value (c, depth + 1))
        return FALSE;
      int next = after_item (c, ']');
      if (next != 0)
        return next > 0;
    }
}

static gboolean
parse_value (Cursor *c, int depth)
{
  if (depth > JSON_MAX_DEPTH)
    return FALSE;
  skip_ws (c);
  if (c->p >= c->end)
    return FALSE;
  switch (*c->p)
    {
    case '{':
      return parse_object (c, depth);
    case '[':
      return parse_array (c, depth);
    case '"':
      return parse_string (c, NULL);
    case 't':
      return parse_literal (c, "true");
    case 'f':
      return parse_literal (c, "false");
    case 'n':
      return parse_literal (c, "null");
    default:
      return parse_number (c);
    }
}

gboolean
json_valid (const char *text, gsize len)
{
  Cursor c = { text, text + len };
  if (!parse_value (&c, 0))
    return FALSE;
  skip_ws (&c);
  return c.p == c.end;
}

char *
json_decode_string (const char *text, gsize len, gsize *used)
{
  Cursor c = { text, text + len };
  GString *out = g_string_new (NULL);
  if (!parse_string (&c, out))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  *used = (gsize) (c.p - text);
  return g_string_free (out, FALSE);
}

void
check_text (const char *value, const char *what)
{
  if (!value)
    return;
  gsize len = strlen (value);
  CHECK (g_utf8_validate (value, (gssize) len, NULL), "%s is not valid UTF-8", what);
  for (gsize i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) value[i];
      CHECK (c >= 0x20 && c != 0x7f, "%s holds control byte 0x%02x at %" G_GSIZE_FORMAT, what,
             c, i);
    }
}

/* The decoded value of "name": in a rendered record, or NULL when absent. */
static char *
json_member (const char *json, gsize len, const char *name)
{
  char *key = g_strdup_printf ("\"%s\":", name);
  const char *at = strstr (json, key);
  char *value = NULL;
  if (at)
    {
      const char *v = at + strlen (key);
      gsize used;
      value = json_decode_string (v, len - (gsize) (v - json), &used);
      CHECK (value != NULL, "member %s is not a string literal", name);
    }
  g_free (key);
  return value;
}

void
check_record (const BounceRecord *rec, guint index)
{
  CHECK (rec != NULL, "record %u is NULL", index);
  CHECK (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT) != NULL, "record %u has no recipient",
         index);
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    check_text (bounce_record_get (rec, (BounceField) f), bounce_field_name ((BounceField) f));
  CHECK (bounce_record_get (rec, BOUNCE_FIELD_COUNT) == NULL, "a field past the end");
  CHECK (bounce_record_get (rec, (BounceField) -1) == NULL, "a field before the start");
  const char *recipient = bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT);
  CHECK (strchr (recipient, '@') != NULL, "recipient \"%s\" has no '@'", recipient);
  CHECK ((guint) bounce_record_get_type (rec) <= BOUNCE_TYPE_BLOCK, "bad type");
  CHECK ((guint) bounce_record_get_class (rec) <= BOUNCE_CLASS_PERMANENT, "bad class");

  GString *buf = g_string_new (NULL);
  json_record (buf, "fuzz \"input\"\n", index + 1, rec);
  CHECK (g_utf8_validate (buf->str, (gssize) buf->len, NULL), "record JSON is not UTF-8: %s",
         buf->str);
  CHECK (strlen (buf->str) == buf->len, "record JSON holds a NUL byte");
  CHECK (json_valid (buf->str, buf->len), "record JSON is not valid JSON: %s", buf->str);
  CHECK (buf->str[0] == '{', "record JSON is not an object: %s", buf->str);
  /* every value survives the round trip, and nothing else is written */
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    {
      const char *name = bounce_field_name ((BounceField) f);
      const char *want = bounce_record_get (rec, (BounceField) f);
      char *got = json_member (buf->str, buf->len, name);
      CHECK (g_strcmp0 (want, got) == 0, "field %s: record has \"%s\", JSON has \"%s\"", name,
             want ? want : "(null)", got ? got : "(null)");
      g_free (got);
    }
  g_string_free (buf, TRUE);
}

void
check_report (const BounceReport *report)
{
  CHECK (report != NULL, "no report");
  const char *verdict = bounce_report_get_verdict (report);
  check_text (verdict, "verdict");
  const char *warnings = bounce_report_get_warnings (report);
  if (warnings)
    CHECK (g_utf8_validate (warnings, -1, NULL), "warnings are not valid UTF-8");
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    check_text (bounce_report_get (report, (BounceField) f), bounce_field_name ((BounceField) f));
  guint n = bounce_report_n_records (report);
  for (guint i = 0; i < n; i++)
    check_record (bounce_report_get_record (report, i), i);
  CHECK (bounce_report_get_record (report, n) == NULL, "a record past the end");
}

/* Every harness starts the same way; libFuzzer and replay.c call this once. */
int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init ();
  if (fuzz_setup)
    fuzz_setup ();
  return 0;
}
