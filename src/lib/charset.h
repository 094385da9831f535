/* charset.h: keeps glibc's charset conversion modules loaded once used. */
#ifndef BOUNCE_CHARSET_H
#define BOUNCE_CHARSET_H

#include <glib.h>

/* Keeps the module converting from the charset name (len bytes, as a message
 * names it) to UTF-8 loaded for the rest of the process. */
void charset_hold (const char *name, gsize len);
/* The same for the charsets GMime converts a raw header value from: those of its
 * encoded words and, when it holds 8-bit bytes, GMime's fallback charsets. */
void charset_hold_header (const char *raw);

#endif
