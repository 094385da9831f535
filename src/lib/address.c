/* address.c: normalise addresses found in DSN fields and notice text. */
#include "address.h"

#include <string.h>

#include "ascii.h"
#include "bounds.h"

gboolean
address_char (char c)
{
  /* strchr finds the string's own NUL: the end of a text is no address character */
  return c != '\0' && (g_ascii_isalnum (c) || (c & 0x80) || strchr ("!#$%&'*+-/=?^_`{|}~.@", c) != NULL);
}

/* Erases what stands before the mailbox at the start of s, in any order and
 * nesting: quotes, angle brackets and colons (unless the local part is quoted),
 * "mailto:", X.400 gateways' and Exchange's proxy form ("SMTP:user@host",
 * "smtp=user@host") and a source route ("@relay1,@relay2:user@host", RFC 5321
 * § 4.1.2, A-d-l: the mailbox is what follows the colon). What remains starts
 * with none of them, so that an address read again is read the same. One pass:
 * the offset only moves on, and one erase at the end (erasing piece by piece is
 * quadratic on "<<<<...a@b"). */
static void
erase_prefixes (GString *s, gboolean quoted_local)
{
  const char *str = s->str, *last_at = strrchr (str, '@');
  gsize off = 0, len = s->len;
  for (;;)
    {
      while (!quoted_local && off < len && strchr ("\"'<:", str[off]))
        off++;
      if (len - off >= 7 && g_ascii_strncasecmp (str + off, "mailto:", 7) == 0)
        off += 7;
      else if (len - off > 5 && g_ascii_strncasecmp (str + off, "smtp", 4) == 0
               && (str[off + 4] == ':' || str[off + 4] == '='))
        off += 5;
      else if (str[off] == '@')
        {
          const char *colon = strchr (str + off, ':');
          if (!colon || !last_at || colon > last_at)
            break;
          off = (gsize) (colon + 1 - str);
        }
      else
        break;
    }
  g_string_erase (s, 0, (gssize) off);
}

/* RFC 6533 section 3: a "utf-8" address may write a character as "\x{HEXPOINT}"
 * (and must so write "\", "+" and "="); decoded in place. A sequence that is no
 * code point is left as it stands. */
static void
decode_embedded_unicode (GString *s)
{
  GString *out = NULL;
  gsize copied = 0;
  for (gsize i = 0; i + 4 < s->len; i++)
    {
      if (s->str[i] != '\\' || s->str[i + 1] != 'x' || s->str[i + 2] != '{')
        continue;
      gsize j = i + 3;
      gunichar c = 0;
      while (j < s->len && j - (i + 3) < 6 && g_ascii_isxdigit (s->str[j]))
        c = c * 16 + (gunichar) g_ascii_xdigit_value (s->str[j++]);
      if (j == i + 3 || j >= s->len || s->str[j] != '}' || !g_unichar_validate (c) || c == 0)
        continue;
      if (!out)
        out = g_string_sized_new (s->len);
      g_string_append_len (out, s->str + copied, i - copied);
      g_string_append_unichar (out, c);
      copied = j + 1;
      i = j;
    }
  if (!out)
    return;
  g_string_append_len (out, s->str + copied, s->len - copied);
  g_string_assign (s, out->str);
  g_string_free (out, TRUE);
}

char *
address_normalise (const char *value)
{
  if (!value)
    return NULL;
  const char *p = value;
  while (*p == ' ' || *p == '\t')
    p++;
  /* an address type: "rfc822;" "utf-8;" "unknown;", an atom (RFC 3464 § 2.1.2,
   * RFC 5322 § 3.2.3: "rfc/822;" is one too) that starts with a letter or digit
   * (not a "|program" target) */
  gboolean utf8_type = FALSE;
  const char *semi = strchr (p, ';');
  if (semi && semi - p < 20 && g_ascii_isalnum (*p))
    {
      gboolean type = TRUE;
      for (const char *q = p; q < semi; q++)
        if (!(g_ascii_isalnum (*q) || *q == ' ' || strchr ("!#$%&'*+-/=?^_`{|}~", *q)))
          type = FALSE;
      if (type)
        {
          utf8_type = g_ascii_strncasecmp (p, "utf-8", 5) == 0 && semi - p == 5;
          p = semi + 1;
        }
    }
  /* an address in angle brackets wins over everything around it */
  const char *lt = strchr (p, '<');
  const char *gt = lt ? strchr (lt, '>') : NULL;
  GString *s = g_string_new (NULL);
  if (lt && gt && gt > lt + 1)
    g_string_append_len (s, lt + 1, gt - lt - 1);
  else
    {
      /* drop comments */
      int depth = 0;
      for (const char *q = p; *q; q++)
        {
          /* a run outside comments (a stray ')' included) copied at once, or a
           * run inside one skipped */
          gsize n = strcspn (q, depth ? "()" : "(");
          if (depth == 0)
            g_string_append_len (s, q, n);
          q += n;
          if (*q == '(')
            depth++;
          else if (*q == ')')
            depth--;
          else
            break;
        }
    }
  g_strstrip (s->str);
  s->len = strlen (s->str);
  if (utf8_type)
    decode_embedded_unicode (s);
  /* quotes around the whole address, trailing punctuation */
  while (s->len > 0 && strchr ("\"'.,:;>", s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
  /* a quoted local part ("john..doe"@example.com) keeps its quotes */
  gboolean quoted_local = s->len > 2 && s->str[0] == '"' && strstr (s->str + 1, "\"@") != NULL;
  erase_prefixes (s, quoted_local);
  char *at = strrchr (s->str, '@');
  gboolean ok = at && at != s->str && at[1] != '\0' && s->len < MAX_ADDRESS;
  gsize from = quoted_local && at ? (gsize) (at - s->str) : 0;
  for (gsize i = 0; ok && i < from; i++)
    ok = (unsigned char) s->str[i] >= ' ' && s->str[i] != 0x7f;
  for (gsize i = from; ok && i < s->len; i++)
    {
      unsigned char c = (unsigned char) s->str[i];
      if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ','
          || c == ';')
        ok = FALSE;
    }
  if (ok && !g_utf8_validate (s->str, (gssize) s->len, NULL))
    ok = FALSE;
  if (ok && (strchr (at + 1, '.') == NULL && at[1] != '['))
    ok = strlen (at + 1) > 0; /* a bare host name is still an address */
  if (!ok)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  for (char *d = at + 1; *d; d++)
    *d = g_ascii_tolower (*d);
  return g_string_free (s, FALSE);
}

gboolean
address_qualified (const char *address)
{
  const char *at = address ? strrchr (address, '@') : NULL;
  return at && (strchr (at + 1, '.') || at[1] == '[');
}

char *
address_from_verp (const char *address)
{
  /* local part "prefix+user=domain" or "prefix-user=domain" before the '@' */
  const char *at = address ? strrchr (address, '@') : NULL;
  if (!at)
    return NULL;
  const char *plus = NULL;
  for (const char *p = address; p < at; p++)
    if (*p == '+')
      {
        plus = p;
        break;
      }
  if (!plus)
    return NULL;
  const char *eq = NULL;
  for (const char *p = at - 1; p > plus; p--)
    if (*p == '=')
      {
        eq = p;
        break;
      }
  if (!eq || eq == plus + 1 || eq + 1 >= at)
    return NULL;
  char *candidate = g_strdup_printf ("%.*s@%.*s", (int) (eq - plus - 1), plus + 1,
                                     (int) (at - eq - 1), eq + 1);
  char *norm = address_normalise (candidate);
  g_free (candidate);
  if (norm && !strchr (strrchr (norm, '@'), '.'))
    {
      g_free (norm);
      return NULL;
    }
  return norm;
}

/* 192.0.2.1: four numbers of up to three digits, none over 255. */
static gboolean
is_ipv4 (const char *w, gsize n)
{
  guint parts = 0, digits = 0, value = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (w[i]))
        {
          value = value * 10 + (guint) (w[i] - '0');
          if (++digits > 3 || value > 255)
            return FALSE;
        }
      else if (w[i] == '.' && digits > 0 && parts < 3)
        parts++, digits = 0, value = 0;
      else
        return FALSE;
    }
  return parts == 3 && digits > 0;
}

/* 2001:db8::1 (an "IPv6:" tag before it is read too): hex digits, two colons
 * or more, and perhaps an IPv4 address at the end. */
static gboolean
is_ipv6 (const char *w, gsize n)
{
  if (n > 5 && g_ascii_strncasecmp (w, "ipv6:", 5) == 0)
    w += 5, n -= 5;
  guint colons = 0;
  for (gsize i = 0; i < n; i++)
    if (w[i] == ':')
      colons++;
    else if (!g_ascii_isxdigit (w[i]) && w[i] != '.')
      return FALSE;
  return colons >= 2;
}

gboolean
address_ip (const char *w, gsize n)
{
  return is_ipv4 (w, n) || is_ipv6 (w, n);
}

gboolean
address_same (const char *value, const char *address)
{
  if (!value || !address)
    return FALSE;
  /* without comments the normalised address is a piece of the value, the same
   * but for the domain's case: when address is no such piece, they differ */
  if (!strchr (value, '(') && !ascii_contains_case (value, value + strlen (value), address))
    return FALSE;
  char *a = address_normalise (value);
  gboolean same = a && g_ascii_strcasecmp (a, address) == 0;
  g_free (a);
  return same;
}
