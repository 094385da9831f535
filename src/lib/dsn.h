/* dsn.h: delivery-status field blocks (RFC 3464, RFC 6533) -> records. */
#ifndef BOUNCE_DSN_H
#define BOUNCE_DSN_H

#include "internal.h"

/* Reads one message/delivery-status body: the per-message group sets the report's
 * message-level fields, each per-recipient group adds a record (source "dsn").
 * Returns the number of records added. A group that names no usable address
 * ("@mx.example.org") adds a record marked recipient_unusable, for the notice's
 * own recipient to stand for (text.c); dsn_drop_unusable removes those left. */
guint dsn_extract (BounceReport *report, const char *body);

/* Removes the records of groups with no usable address that no recipient of the
 * notice stood for, with a warning each; returns how many. */
guint dsn_drop_unusable (BounceReport *report);

/* Where a text part holds delivery-status fields without the content type
 * (mislabeled as text/plain, or pasted into a notice), the offset of the block;
 * -1 when there is none. */
gssize dsn_find_block (const char *text);

/* "smtp; 550 5.1.1 ..." -> type "smtp" and the text; either may be NULL. */
void dsn_split_typed (const char *value, char **type, char **text);

/* The reason a PowerMTA bounce category (X-PowerMTA-BounceCategory: bad-mailbox)
 * stands for, or NULL. A static string. */
Reason dsn_category_reason (const char *category);

#endif
