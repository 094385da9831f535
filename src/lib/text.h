/* text.h: free-text extraction, for notices without a delivery-status part and to
 * complete the ones with one. */
#ifndef BOUNCE_TEXT_H
#define BOUNCE_TEXT_H

#include "internal.h"
#include "mime.h"

/* Adds a record (source "text:<family>") for each failed recipient the notice names
 * that the report does not hold yet, and fills in the diagnostic and codes of
 * records that have none. Returns the number of records added. */
guint text_extract (BounceReport *report, const MimeMessage *msg);

#endif
