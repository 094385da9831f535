/* charset.c: glibc unloads a conversion module (dlclose) when the last descriptor
 * using it is closed, and loads it again (dlopen: relocations, page faults) at the
 * next iconv_open. GLib and GMime open and close a descriptor for each conversion,
 * so a folder with many ISO-2022-JP messages had the module, and the three it
 * depends on, loaded and unloaded hundreds of times. One descriptor held per
 * charset seen keeps its modules loaded. The table is bounded: names past it are
 * converted as before. */
#include "charset.h"

#include <gmime/gmime.h>
#include <iconv.h>
#include <string.h>

#define MAX_HELD 64
#define MAX_NAME 48

typedef struct
{
  char name[MAX_NAME]; /* as given to iconv_open */
  iconv_t cd;          /* (iconv_t) -1 when the name is not a charset glibc knows */
} Held;

static GMutex lock;
static Held held[MAX_HELD];
static guint n_held;

static void
hold_iconv_name (const char *name)
{
  if (!name || strlen (name) >= MAX_NAME)
    return;
  g_mutex_lock (&lock);
  gboolean known = FALSE;
  for (guint i = 0; i < n_held && !known; i++)
    known = g_ascii_strcasecmp (held[i].name, name) == 0;
  if (!known && n_held < MAX_HELD)
    {
      Held *h = &held[n_held++];
      strcpy (h->name, name);
      h->cd = iconv_open ("UTF-8", name);
    }
  g_mutex_unlock (&lock);
}

void
charset_hold (const char *name, gsize len)
{
  if (!name || len == 0 || len >= MAX_NAME)
    return;
  char copy[MAX_NAME];
  memcpy (copy, name, len);
  copy[len] = '\0';
  hold_iconv_name (g_mime_charset_iconv_name (copy));
}

void
charset_hold_header (const char *raw)
{
  gboolean eight_bit = FALSE;
  for (const char *p = raw; *p; p++)
    {
      if ((guchar) *p >= 0x80)
        eight_bit = TRUE;
      else if (p[0] == '=' && p[1] == '?')
        {
          /* =?charset?encoding?text?= or, with a language, =?charset*lang?... */
          const char *name = p + 2;
          gsize len = strcspn (name, "?*");
          if (name[len] != '\0')
            charset_hold (name, len);
        }
    }
  if (eight_bit)
    {
      const char **fallback = g_mime_parser_options_get_fallback_charsets (NULL);
      for (gsize i = 0; fallback && fallback[i]; i++)
        charset_hold (fallback[i], strlen (fallback[i]));
    }
}
