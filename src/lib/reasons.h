/* reasons.h: the reason vocabulary and the phrases that give a reason away. */
#ifndef BOUNCE_REASONS_H
#define BOUNCE_REASONS_H

#include "bounce/bounce.h"

/* The bounce type a reason implies (reasons.tsv); NONE for an unknown name. */
BounceType reasons_type (const char *reason);
/* TRUE when name is in the vocabulary. */
gboolean reasons_known (const char *reason);
/* The reason whose phrase occurs in text (case-insensitive), by table order, or
 * NULL. text is any UTF-8; only its first REASONS_TEXT_MAX bytes are read. */
const char *reasons_from_text (const char *text);
/* Each vocabulary entry, in table order. */
void reasons_foreach (void (*fn) (const char *reason, BounceType type, const char *meaning,
                                  gpointer data),
                      gpointer data);

/* Lower-case ASCII and fold runs of white space into one space: the form phrases
 * are matched against. Returns a new string. */
char *reasons_fold_text (const char *text, gsize max);

#endif
