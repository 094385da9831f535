/* phrases.h: phrase lists searched in lower-case text. The free-text engine asks
 * its lists (notice-words.h, the detectors' tables) about a notice, its lines, its
 * From and Subject: the lists of three phrases or more are searched as one set
 * each (match.c), built once for all threads; a short list is asked with strstr. */
#ifndef BOUNCE_PHRASES_H
#define BOUNCE_PHRASES_H

#include <glib.h>

#include "match.h"

/* Does lower (lower case) hold a phrase of the list? */
gboolean contains_any (const char *lower, const char *const *list);
/* The same for the n bytes at lower (with no NUL among them). */
gboolean contains_any_n (const char *lower, gsize n, const char *const *list);

/* A phrase list asked about the lines of one text in turn: one search of the rest
 * of the text finds the next phrase, and the lines before it are answered without
 * being searched again. A short list (no set) is searched in the line, which must
 * then end with a NUL. The text may read NUL at the end of the line being asked
 * about: no phrase holds a NUL or a line end, so no phrase is found across one. */
typedef struct
{
  const char *const *list;
  const MatchSet *set;
  const char *text; /* lower case, len bytes */
  gsize len;
  gsize at; /* the first phrase at or after the last place asked from; len: none */
  gboolean searched;
} Finder;

void finder_init (Finder *f, const char *const *list, const char *text, gsize len);
/* The offset of the first phrase at or after from (never less than the last from
 * asked), or len. Only for a list with a set. */
gsize finder_next (Finder *f, gsize from);
/* Does text[from, to) hold a phrase of the list? to is the end of a line. */
gboolean finder_in (Finder *f, gsize from, gsize to);

/* Lower-casing as the lists are matched: ASCII capitals only, or as
 * g_utf8_strdown does it (cheaper on ASCII text). */
void append_ascii_lower (GString *out, const char *s, gsize n);
void append_utf8_lower (GString *out, const char *s, gsize n);
/* g_ascii_strdown (s, len): the bytes up to len (-1: all) or the first NUL. */
char *ascii_strdown (const char *s, gssize len);
/* g_utf8_strdown (s, -1). */
char *utf8_lower (const char *s);

#endif
