/* rules.h: local rules, read from a file at start-up (bounce_rules_load): an
 * operator's own wordings, applied before the built-in table. */
#ifndef BOUNCE_RULES_H
#define BOUNCE_RULES_H

#include "wordings.h"

/* The first rule (file order) whose wording occurs in folded and whose scope
 * applies (receiver_host and family as for wordings_find), or NULL. *where is
 * set to the rule's "FILE:LINE". */
const Wording *rules_find (const BounceRules *rules, const char *folded, const char *receiver_host,
                           const Detector *family, const char **where);

#endif
