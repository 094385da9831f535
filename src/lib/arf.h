/* arf.h: reports that are not delivery failures: ARF feedback reports (RFC 5965)
 * and automatic replies (RFC 3834). */
#ifndef BOUNCE_ARF_H
#define BOUNCE_ARF_H

#include "internal.h"
#include "mime.h"

/* One record per complained-about recipient, reason "feedback". Returns the count. */
guint arf_extract (BounceReport *report, const MimeMessage *msg);
/* TRUE when the message is an automatic reply (Auto-Submitted: auto-replied, or the
 * out-of-office conventions of common clients). */
gboolean arf_is_auto_reply (const MimeMessage *msg);
/* A record for the auto-replying address (the reply's From). Returns the count. */
guint arf_auto_reply (BounceReport *report, const MimeMessage *msg);

#endif
