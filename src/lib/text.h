/* text.h: free-text extraction, for notices without a delivery-status part and to
 * complete the ones with one. */
#ifndef BOUNCE_TEXT_H
#define BOUNCE_TEXT_H

#include "detect/detect.h"
#include "internal.h"
#include "mime.h"

/* Adds a record (source "text:<family>") for each failed recipient the notice names
 * that the report does not hold yet, and fills in the diagnostic and codes of
 * records that have none. Returns the number of records added. */
guint text_extract (BounceReport *report, const MimeMessage *msg);

/* The pieces of the engine, for the unit tests. */

/* Length of the address starting at p, or 0. */
gsize text_address_at (const char *p, const char *end);
/* TRUE for addresses that are never failed recipients (daemons, the bounce's own
 * sender; its addressee unless listed is TRUE). msg may be NULL. */
gboolean text_excluded (const char *addr, const MimeMessage *msg, gboolean listed);

#endif
