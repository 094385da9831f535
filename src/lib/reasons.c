/* reasons.c: the reason vocabulary of ../reference/reasons.tsv, with the bounce
 * type each implies, and the precedence of reasons read from one text.
 */
#include "reasons.h"

#include <string.h>

typedef struct
{
  const char *name;
  BounceType type;
  const char *meaning;
  /* when wordings of several reasons occur in one text, the lowest rank wins
   * (equal ranks: the reason listed first in precedence_order) */
  guint rank;
} ReasonRow;

/* Indexed by Reason. Ranks: malware is named outright whatever else is said; a
 * full mailbox is the cause even where a local program's output reports it
 * ("Command output: Quota exceeded"); a local program's failure may quote "no
 * such user"; providers answer 5.1.1 or
 * 5.2.1 for full mailboxes too; reasons of one rank are different names for
 * outcomes that the status code tells apart better than the words do (a size
 * limit of the mailbox or of the system; a connection failure or the end of the
 * retry period). */
static const ReasonRow vocabulary[REASON_COUNT] = {
  [REASON_NONE] = { NULL, BOUNCE_TYPE_NONE, NULL, G_MAXUINT },
  [REASON_USERUNKNOWN] = { "userunknown", BOUNCE_TYPE_HARD,
                           "The recipient address does not exist at the destination.", 16 },
  [REASON_HOSTUNKNOWN] = { "hostunknown", BOUNCE_TYPE_HARD,
                           "The recipient domain does not exist or has no mail host.", 18 },
  [REASON_HASMOVED] = { "hasmoved", BOUNCE_TYPE_HARD,
                        "The mailbox has moved and the server does not forward.", 5 },
  [REASON_NOTACCEPT] = { "notaccept", BOUNCE_TYPE_HARD,
                         "The destination accepts no mail at all (hard only when permanent).", 15 },
  [REASON_MAILBOXFULL] = { "mailboxfull", BOUNCE_TYPE_SOFT, "The recipient mailbox is over quota.", 2 },
  [REASON_EXCEEDLIMIT] = { "exceedlimit", BOUNCE_TYPE_SOFT,
                           "The message exceeds a per-mailbox size limit.", 4 },
  [REASON_MESGTOOBIG] = { "mesgtoobig", BOUNCE_TYPE_SOFT,
                          "The message is too big for the receiving system.", 4 },
  [REASON_SUSPEND] = { "suspend", BOUNCE_TYPE_SOFT,
                       "The mailbox exists but is disabled, suspended or inactive.", 17 },
  [REASON_SYSTEMFULL] = { "systemfull", BOUNCE_TYPE_SOFT, "The receiving system is out of storage.", 19 },
  [REASON_SYSTEMERROR] = { "systemerror", BOUNCE_TYPE_SOFT, "The receiving system failed internally.", 24 },
  [REASON_MAILERERROR] = { "mailererror", BOUNCE_TYPE_SOFT, "The local delivery program failed.", 3 },
  [REASON_NETWORKERROR] = { "networkerror", BOUNCE_TYPE_SOFT,
                            "DNS, routing or connection problem on the way.", 25 },
  [REASON_EXPIRED] = { "expired", BOUNCE_TYPE_SOFT, "The sending side gave up after retrying too long.", 25 },
  [REASON_TOOMANYCONN] = { "toomanyconn", BOUNCE_TYPE_SOFT, "Too many connections or recipients at once.", 11 },
  [REASON_SPEEDING] = { "speeding", BOUNCE_TYPE_SOFT, "The sender is rate limited.", 10 },
  [REASON_ONHOLD] = { "onhold", BOUNCE_TYPE_SOFT, "A failure whose cause cannot be decided from the message.", 26 },
  [REASON_UNDEFINED] = { "undefined", BOUNCE_TYPE_SOFT, "A failure with no usable status, code or text.", 27 },
  [REASON_BLOCKED] = { "blocked", BOUNCE_TYPE_BLOCK,
                       "The sending host or IP is refused (blocklist, connection block).", 12 },
  [REASON_BADREPUTATION] = { "badreputation", BOUNCE_TYPE_BLOCK,
                             "The sending IP or domain has a poor reputation.", 10 },
  [REASON_REQUIREPTR] = { "requireptr", BOUNCE_TYPE_BLOCK, "The sending host has no valid reverse DNS record.", 8 },
  [REASON_AUTHFAILURE] = { "authfailure", BOUNCE_TYPE_BLOCK, "SPF, DKIM or DMARC failed or is missing.", 7 },
  [REASON_REJECTED] = { "rejected", BOUNCE_TYPE_BLOCK, "The envelope sender or its domain is refused.", 13 },
  [REASON_NORELAYING] = { "norelaying", BOUNCE_TYPE_BLOCK, "Relaying is denied.", 6 },
  [REASON_SPAMDETECTED] = { "spamdetected", BOUNCE_TYPE_BLOCK, "The content was judged to be spam.", 14 },
  [REASON_VIRUSDETECTED] = { "virusdetected", BOUNCE_TYPE_BLOCK, "The message was judged to carry malware.", 1 },
  [REASON_POLICYVIOLATION] = { "policyviolation", BOUNCE_TYPE_BLOCK,
                               "The message violates a receiving policy.", 21 },
  [REASON_CONTENTERROR] = { "contenterror", BOUNCE_TYPE_BLOCK, "The content or encoding is not acceptable.", 14 },
  [REASON_NOTCOMPLIANTRFC] = { "notcompliantrfc", BOUNCE_TYPE_BLOCK,
                               "The message does not comply with RFC 5322.", 9 },
  [REASON_SECURITYERROR] = { "securityerror", BOUNCE_TYPE_BLOCK,
                             "A security requirement failed (TLS, credentials).", 21 },
  [REASON_SYNTAXERROR] = { "syntaxerror", BOUNCE_TYPE_BLOCK,
                           "An SMTP protocol or syntax error between the servers.", 23 },
  [REASON_FILTERED] = { "filtered", BOUNCE_TYPE_BLOCK,
                        "A filter or the recipient's rules refused the message.", 20 },
  [REASON_DELIVERED] = { "delivered", BOUNCE_TYPE_NONE, "Delivered (a success DSN).", G_MAXUINT },
  [REASON_FEEDBACK] = { "feedback", BOUNCE_TYPE_NONE, "An abuse or complaint feedback report (ARF).", G_MAXUINT },
  [REASON_VACATION] = { "vacation", BOUNCE_TYPE_NONE,
                        "An automatic reply such as an out-of-office message.", G_MAXUINT },
};

/* Ties between reasons of one rank: the one listed first here wins. */
static const Reason precedence_order[] = {
  REASON_EXCEEDLIMIT, REASON_MESGTOOBIG,      /* rank 4 */
  REASON_BADREPUTATION, REASON_SPEEDING,      /* rank 10 */
  REASON_SPAMDETECTED, REASON_CONTENTERROR,   /* rank 14 */
  REASON_SECURITYERROR, REASON_POLICYVIOLATION, /* rank 21 */
  REASON_EXPIRED, REASON_NETWORKERROR,        /* rank 25 */
};

static gboolean
valid (Reason reason)
{
  return reason > REASON_NONE && reason < REASON_COUNT;
}

const char *
reason_name (Reason reason)
{
  return valid (reason) ? vocabulary[reason].name : NULL;
}

Reason
reason_from_name (const char *name)
{
  if (name)
    for (Reason r = REASON_NONE + 1; r < REASON_COUNT; r++)
      if (strcmp (vocabulary[r].name, name) == 0)
        return r;
  return REASON_NONE;
}

BounceType
reason_type (Reason reason)
{
  return valid (reason) ? vocabulary[reason].type : BOUNCE_TYPE_NONE;
}

const char *
reason_meaning (Reason reason)
{
  return valid (reason) ? vocabulary[reason].meaning : NULL;
}

guint
reason_rank (Reason reason)
{
  return valid (reason) ? vocabulary[reason].rank : G_MAXUINT;
}

static gsize
tie_position (Reason reason)
{
  for (gsize i = 0; i < G_N_ELEMENTS (precedence_order); i++)
    if (precedence_order[i] == reason)
      return i;
  return G_N_ELEMENTS (precedence_order);
}

gboolean
reason_beats (Reason a, Reason b)
{
  if (!valid (a))
    return FALSE;
  if (!valid (b))
    return TRUE;
  guint ra = reason_rank (a), rb = reason_rank (b);
  if (ra != rb)
    return ra < rb;
  return tie_position (a) < tie_position (b);
}
