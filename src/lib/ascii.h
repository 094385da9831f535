/* ascii.h: ASCII capitals folded eight bytes at a time. */
#ifndef BOUNCE_ASCII_H
#define BOUNCE_ASCII_H

#include <glib.h>
#include <string.h>

#define ASCII_HIGH G_GUINT64_CONSTANT (0x8080808080808080)

/* The eight bytes of x with ASCII capitals folded: in each byte under 0x80,
 * adding 0x3f sets the top bit from 'A' up, adding 0x25 from past 'Z' up (no
 * carry leaves a byte), and a capital gets 0x20 added. */
static inline guint64
ascii_lower_word (guint64 x)
{
  guint64 h = x & ~ASCII_HIGH;
  guint64 upper = (h + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f))
                  & ~(h + G_GUINT64_CONSTANT (0x2525252525252525)) & ~x & ASCII_HIGH;
  return x | upper >> 2;
}

/* Copies n bytes from s to o with ASCII capitals folded; TRUE when a byte of
 * 0x80 or more was copied (no ASCII). */
static inline gboolean
ascii_lower_copy_seen_high (char *o, const char *s, gsize n)
{
  guint64 seen = 0;
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 x;
      memcpy (&x, s + i, 8);
      seen |= x;
      x = ascii_lower_word (x);
      memcpy (o + i, &x, 8);
    }
  for (; i < n; i++)
    {
      char c = s[i];
      seen |= (guchar) c;
      o[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  return (seen & ASCII_HIGH) != 0;
}

/* Copies n bytes from s to o with ASCII capitals folded. */
static inline void
ascii_lower_copy (char *o, const char *s, gsize n)
{
  (void) ascii_lower_copy_seen_high (o, s, n);
}

/* Are the n bytes of s all ASCII (under 0x80)? Eight at a time. */
static inline gboolean
ascii_all (const char *s, gsize n)
{
  guint64 any = 0;
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 x;
      memcpy (&x, s + i, 8);
      any |= x;
    }
  for (; i < n; i++)
    any |= (guchar) s[i];
  return !(any & ASCII_HIGH);
}

/* Does [hay, end) hold needle, ASCII letters matched without regard to case? A
 * byte and its other case differ only in 0x20: the first byte is tested that way
 * before a comparison is called. */
static inline gboolean
ascii_contains_case (const char *hay, const char *end, const char *needle)
{
  gsize n = strlen (needle);
  char first = (char) (needle[0] | 0x20);
  for (const char *p = hay; p + n <= end; p++)
    if ((n == 0 || (char) (*p | 0x20) == first) && g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A byte of a word, as the command names of SMTP wordings are bounded ("RCPT"
 * in "... RCPT ..." but not in "XRCPT" or "RCPT-like"). */
static inline gboolean
ascii_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == '@';
}

/* g_ascii_strcasecmp (a, b) == 0 without a call per byte */
static inline gboolean
ascii_equal (const char *a, const char *b)
{
  for (;; a++, b++)
    {
      guchar x = (guchar) *a, y = (guchar) *b;
      if (x != y)
        {
          if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
          if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
          if (x != y)
            return FALSE;
        }
      if (!x)
        return TRUE;
    }
}

#endif
