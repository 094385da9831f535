/* utf8.h: UTF-8 validation with a fast path for ASCII. */
#ifndef BOUNCE_UTF8_H
#define BOUNCE_UTF8_H

#include <glib.h>
#include <string.h>

/* As g_utf8_validate_len (s, len, NULL): are the len bytes valid UTF-8 without a
 * NUL? ASCII is checked eight bytes at a time; GLib validates from the first
 * other byte on. */
static inline gboolean
utf8_valid (const char *s, gsize len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;
  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, s + i, 8);
      /* a byte with its high bit set, or a zero byte */
      if ((w & high) || ((w - ones) & ~w & high))
        break;
    }
  return g_utf8_validate_len (s + i, len - i, NULL);
}

#endif
