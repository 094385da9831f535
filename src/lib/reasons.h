/* reasons.h: the reason vocabulary and the phrases that give a reason away. */
#ifndef BOUNCE_REASONS_H
#define BOUNCE_REASONS_H

#include "bounce/bounce.h"

/* The bounce type a reason implies (reasons.tsv); NONE for an unknown name. */
BounceType reasons_type (const char *reason);
/* TRUE when name is in the vocabulary. */
gboolean reasons_known (const char *reason);
/* The reason the phrases of text give away (case-insensitive), the most decisive
 * one when several do (see the precedence list in reasons.c), or NULL. text is any
 * UTF-8; only its first REASONS_TEXT_MAX bytes are read. */
const char *reasons_from_text (const char *text);
/* The same over text already folded by reasons_fold_text; *decisive (may be NULL)
 * tells whether the wording found is one that beats a status code too. */
const char *reasons_from_folded (const char *folded, gboolean *decisive);
/* TRUE when the folded text says the mailbox is unknown only in the stock words
 * receiving filters also use ("user unknown", "no such user"), FALSE when it
 * says so in words about the address itself or not at all. */
gboolean reasons_stock_unknown (const char *folded);
/* The rank of a reason in the precedence list: lower is more decisive; G_MAXUINT
 * for NULL or a name not in the list. */
guint reasons_rank (const char *reason);
/* Each vocabulary entry, in table order. */
void reasons_foreach (void (*fn) (const char *reason, BounceType type, const char *meaning,
                                  gpointer data),
                      gpointer data);

/* Lower-case ASCII, fold runs of white space into one space and blank out words
 * holding an '@' (addresses): the form phrases are matched against. Returns a new
 * string. */
char *reasons_fold_text (const char *text, gsize max);

#endif
