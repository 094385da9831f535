/* reasons.h: the reason vocabulary (../reference/reasons.tsv) as codes, and the
 * order in which reasons read from one text beat each other. Reasons are names
 * only at the edges (JSON, `bounce explain`); inside the library they are Reason. */
#ifndef BOUNCE_REASONS_H
#define BOUNCE_REASONS_H

#include "bounce/bounce.h"

typedef enum
{
  REASON_NONE = 0, /* no reason decided (yet) */
  REASON_USERUNKNOWN,
  REASON_HOSTUNKNOWN,
  REASON_HASMOVED,
  REASON_NOTACCEPT,
  REASON_MAILBOXFULL,
  REASON_EXCEEDLIMIT,
  REASON_MESGTOOBIG,
  REASON_SUSPEND,
  REASON_SYSTEMFULL,
  REASON_SYSTEMERROR,
  REASON_MAILERERROR,
  REASON_NETWORKERROR,
  REASON_EXPIRED,
  REASON_TOOMANYCONN,
  REASON_SPEEDING,
  REASON_ONHOLD,
  REASON_UNDEFINED,
  REASON_BLOCKED,
  REASON_BADREPUTATION,
  REASON_REQUIREPTR,
  REASON_AUTHFAILURE,
  REASON_REJECTED,
  REASON_NORELAYING,
  REASON_SPAMDETECTED,
  REASON_VIRUSDETECTED,
  REASON_POLICYVIOLATION,
  REASON_CONTENTERROR,
  REASON_NOTCOMPLIANTRFC,
  REASON_SECURITYERROR,
  REASON_SYNTAXERROR,
  REASON_FILTERED,
  REASON_DELIVERED,
  REASON_FEEDBACK,
  REASON_VACATION,
  REASON_COUNT
} Reason;

/* The vocabulary's name of a reason ("userunknown"); NULL for REASON_NONE. */
const char *reason_name (Reason reason);
/* The reason of a name (case-sensitive), REASON_NONE for NULL or a name outside
 * the vocabulary. */
Reason reason_from_name (const char *name);
/* The bounce type a reason implies (reasons.tsv); NONE for REASON_NONE. */
BounceType reason_type (Reason reason);
/* One line on what the reason means. */
const char *reason_meaning (Reason reason);
/* The rank of a reason when several are read from one text: lower is more
 * decisive (see reasons.c); G_MAXUINT for REASON_NONE. */
guint reason_rank (Reason reason);
/* TRUE when a beats b: a lower rank, or the same rank and earlier in the list. */
gboolean reason_beats (Reason a, Reason b);

#endif
