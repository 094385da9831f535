/* textform.h: text/plain sent format=flowed and text/html, as plain lines. */
#ifndef BOUNCE_TEXTFORM_H
#define BOUNCE_TEXTFORM_H

#include <glib.h>

/* Text sent format=flowed (RFC 3676): its soft line breaks joined (the space
 * before them dropped too when delsp, DelSp=yes), its space-stuffing removed.
 * A new string. */
char *textform_from_flowed (const char *text, gboolean delsp);

/* HTML as text: tags, scripts and styles dropped, entities decoded, block ends
 * made line breaks and paragraphs set off by blank lines; line ends kept inside
 * <pre> and in HTML without any tag for lines. A new string. */
char *textform_from_html (const char *html);

#endif
