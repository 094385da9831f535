/* link.h: what ties a report's records to the send they are about: the stable
 * record key, the returned message's List-Id and asked-for fields, and the
 * recipient a VERP address of the bounce's own encodes. */
#ifndef BOUNCE_LINK_H
#define BOUNCE_LINK_H

#include "internal.h"
#include "mime.h"

/* Sets list_id, verp_recipient and the asked-for fields of the returned message
 * on the report, and the key of every record. Call it after classification. */
void link_fill (BounceReport *report, const MimeMessage *msg, const BounceOptions *opts);

/* Sets the key of one record from message_id (may be NULL) and the record's
 * recipient and action. */
void link_set_key (BounceRecord *rec, const char *message_id);

#endif
