/* mailhosts.h: what mail providers mean by their own wordings and codes. */
#ifndef BOUNCE_MAILHOSTS_H
#define BOUNCE_MAILHOSTS_H

#include <glib.h>

/* The reason a provider's own wording in folded (reasons_fold_text) gives, as the
 * provider documents it, or NULL. host is the host that answered (Remote-MTA) or
 * a domain of the provider's (the recipient's): a row applies when it ends with
 * one of the provider's host names. host NULL: when the folded text names one of
 * them. status is the record's status (NULL when none). */
const char *mailhosts_reason (const char *host, const char *folded, const char *status);

/* Calls fn for each provider, with its name and the number of its wordings. */
void mailhosts_foreach (void (*fn) (const char *name, guint wordings, gpointer data), gpointer data);

#endif
