/* match.h: many fixed phrases looked for in one pass over a text, instead of one
 * strstr per phrase. A set is built once (behind g_once) and read-only after, so
 * any thread may search with it. */
#ifndef BOUNCE_MATCH_H
#define BOUNCE_MATCH_H

#include <glib.h>

typedef struct MatchSet MatchSet;

MatchSet *match_set_new (void);
/* Adds a phrase, compared byte for byte, with its tag; a '#' after its first byte
 * stands for one or more digits ("failed after # attempts"). The phrase is not copied:
 * it must outlive the set (string literals do). */
void match_set_add (MatchSet *set, const char *phrase, guint tag);
/* Adds every phrase of a NULL-terminated list (list may be NULL) with one tag. */
void match_set_add_list (MatchSet *set, const char *const *list, guint tag);
/* Frees a set (NULL is fine). */
void match_set_free (MatchSet *set);
/* Ends the adding: builds the index. */
void match_set_seal (MatchSet *set);

/* For every phrase with a tag below limit that occurs in text (len bytes, no NUL
 * among them), sets seen[tag] = TRUE: what strstr (text, phrase) != NULL tells,
 * for all phrases at once. An empty phrase occurs in every text. */
void match_set_scan (const MatchSet *set, const char *text, gsize len, guint limit,
                     guint8 *seen);

/* Calls fn for every place in text (len bytes, no NUL among them) where a
 * non-empty phrase occurs, in the order of the text; fn returns FALSE to stop. n
 * is the length of the text matched. */
typedef gboolean (*MatchFound) (guint tag, gsize at, gsize n, gpointer data);
void match_set_each (const MatchSet *set, const char *text, gsize len, MatchFound fn,
                     gpointer data);

/* The earliest place in text (len bytes, no NUL among them) where a phrase occurs
 * that accept takes (NULL: any), where several start there the first one added;
 * -1 when there is none. *tag is set to its tag. accept gets the place and the
 * phrase's length. Empty phrases are not looked for here. */
typedef gboolean (*MatchAccept) (const char *text, gsize len, gsize at, gsize n, gpointer data);
gssize match_set_first (const MatchSet *set, const char *text, gsize len, MatchAccept accept,
                        gpointer data, guint *tag);

#endif
