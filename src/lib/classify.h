/* classify.h: code + text -> class, subject, description, reason, bounce type. */
#ifndef BOUNCE_CLASSIFY_H
#define BOUNCE_CLASSIFY_H

#include "internal.h"

/* Completes a record whose action, status, reply code and diagnostic are set:
 * normalises the codes and fills reason, bounce, class, subject and description.
 * known, when not REASON_NONE, is a reason the extractor already knows (feedback,
 * vacation) and wins over the text. */
void classify_record (BounceRecord *rec, Reason known);

#endif
