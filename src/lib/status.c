/* status.c: recognise status codes in untrusted text.
 *
 * A code is accepted only when it has the exact shape and stands alone: "5.1.1"
 * inside "10.5.1.1" or "v5.1.10" is not a status. Everything here scans plain
 * bytes and never reads past a NUL.
 */
#include "status.h"

#include <string.h>

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads 1..3 digits; returns how many, or 0 (also when there are more than 3). */
static gsize
read_number (const char *s, gsize len, guint *out)
{
  gsize n = 0;
  guint v = 0;
  while (n < len && is_digit (s[n]))
    {
      if (n == 3)
        return 0;
      v = v * 10 + (guint) (s[n] - '0');
      n++;
    }
  *out = v;
  return n;
}

gsize
status_parse_enhanced (const char *s, gsize len, guint *klass, guint *subject, guint *detail)
{
  if (len < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.')
    return 0;
  gsize pos = 2;
  gsize n = read_number (s + pos, len - pos, subject);
  if (n == 0)
    return 0;
  pos += n;
  if (pos >= len || s[pos] != '.')
    return 0;
  pos++;
  n = read_number (s + pos, len - pos, detail);
  if (n == 0)
    return 0;
  pos += n;
  /* "5.1.1.2" (an address) or "5.1.1a" is not a code; "5.1.1." ending a sentence is. */
  if (pos < len && (is_digit (s[pos]) || g_ascii_isalpha (s[pos]) || s[pos] == '-'
                    || s[pos] == '_' || s[pos] == '@'))
    return 0;
  if (pos + 1 < len && s[pos] == '.' && is_digit (s[pos + 1]))
    return 0;
  *klass = (guint) (s[0] - '0');
  return pos;
}

/* The enhanced code starting at text[i], if one stands there as a code: writes it to
 * out and returns its length, else 0. */
static gsize
code_at (const char *text, gsize len, gsize i, char out[STATUS_MAX])
{
  char c = text[i];
  if (c != '2' && c != '4' && c != '5')
    return 0;
  if (i > 0)
    {
      char p = text[i - 1];
      if (is_digit (p) || p == '.' || g_ascii_isalpha (p) || p == '-' || p == '_' || p == '/'
          || p == ':' || p == '@' || p == '+')
        {
          /* "#5.1.1" and "(5.1.1)" are fine; "550-5.1.1" too: '-' after a reply code;
           * "ERROR_CODE :5.1.1" too: ':' after a space. */
          gboolean ok = (p == '-' && i >= 4 && is_digit (text[i - 2]) && is_digit (text[i - 3])
                         && is_digit (text[i - 4]))
                        || (p == ':' && i >= 2 && text[i - 2] == ' ');
          if (!ok)
            return 0;
        }
    }
  guint k, s, d;
  gsize n = status_parse_enhanced (text + i, len - i, &k, &s, &d);
  if (n == 0 || n >= STATUS_MAX)
    return 0;
  memcpy (out, text + i, n);
  out[n] = '\0';
  return n;
}

gboolean
status_find_enhanced (const char *text, char out[STATUS_MAX])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  for (gsize i = 0; i + 5 <= len; i++)
    if (code_at (text, len, i, out))
      return TRUE;
  return FALSE;
}

/* Does a reply code ("550", standing alone) end just before text[i], allowing a
 * separator or two between them ("550 5.1.1", "550-5.1.1", "550-'5.7.1")? */
static gboolean
after_reply_code (const char *text, gsize i)
{
  gsize j = i;
  for (int n = 0; n < 2 && j > 0 && strchr (" -'\"", text[j - 1]); n++)
    j--;
  if (j == i || j < 3)
    return FALSE;
  if (!(text[j - 3] == '2' || text[j - 3] == '4' || text[j - 3] == '5') || !is_digit (text[j - 2])
      || !is_digit (text[j - 1]))
    return FALSE;
  return j == 3 || !(is_digit (text[j - 4]) || text[j - 4] == '.');
}

gboolean
status_find_remote_enhanced (const char *text, char out[STATUS_MAX])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  char code[STATUS_MAX];
  for (gsize i = 0; i + 5 <= len; i++)
    if (code_at (text, len, i, code) && after_reply_code (text, i))
      {
        memcpy (out, code, STATUS_MAX);
        return TRUE;
      }
  return status_find_enhanced (text, out);
}

gboolean
status_find_reply_class (const char *text, char klass, char out[4])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  for (gsize i = 0; i + 3 <= len; i++)
    {
      char c = text[i];
      if ((c != '2' && c != '4' && c != '5') || !is_digit (text[i + 1]) || !is_digit (text[i + 2]))
        continue;
      if (klass && c != klass)
        continue;
      if (i > 0)
        {
          char p = text[i - 1];
          if (!(p == ' ' || p == '\t' || p == '\n' || p == ':' || p == '(' || p == '"'
                || p == '\'' || p == '[' || p == '<'))
            continue;
        }
      if (text[i + 1] > '5')
        continue;
      /* "550 ", "550-", "550" at the end; also "550:" and "550," as some notices
       * write it ("ERROR_CODE :550,"), but not "550:25" or "550,000". */
      char next = i + 3 < len ? text[i + 3] : '\0';
      char after = i + 4 < len ? text[i + 4] : '\0';
      if (!(next == '\0' || next == ' ' || next == '-' || next == '\t' || next == '\n'
            || next == '\r'
            || ((next == ':' || next == ',') && !is_digit (after))))
        continue;
      memcpy (out, text + i, 3);
      out[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

gboolean
status_find_reply (const char *text, char out[4])
{
  return status_find_reply_class (text, '\0', out);
}

gboolean
status_normalise (const char *in, char out[STATUS_MAX])
{
  if (!in)
    return FALSE;
  while (*in == ' ' || *in == '\t' || *in == '#')
    in++;
  gsize len = strlen (in);
  while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t' || in[len - 1] == '\r'
                     || in[len - 1] == '\n' || in[len - 1] == '.'))
    len--;
  guint k, s, d;
  gsize n = status_parse_enhanced (in, len, &k, &s, &d);
  if (n > 0 && n == len)
    {
      g_snprintf (out, STATUS_MAX, "%u.%u.%u", k, s, d);
      return TRUE;
    }
  if (len == 3 && is_digit (in[0]) && is_digit (in[1]) && is_digit (in[2]) && in[0] >= '1')
    {
      memcpy (out, in, 3);
      out[3] = '\0';
      return TRUE;
    }
  return FALSE;
}
