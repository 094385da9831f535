/* reasons.c: the reason vocabulary (reasons.tsv) and the phrase table that reads a
 * reason from diagnostic text.
 *
 * Phrases are lower-case substrings matched against the folded text (reasons_fold_text):
 * no regular expressions, so no input can make matching slow. Every row is tried in
 * one pass over the text (rows are bucketed by first byte); among the rows found,
 * the reason that stands first in the precedence list wins, a "boost" row (a
 * longer wording that must beat a shorter one of a better-ranked reason, such as
 * "connection rate limit" over "rate limit") before any other. (What a provider's
 * own wordings mean on its own hosts is in mailhosts.c.) In a phrase, '#' stands for a number (one or
 * more digits): "delivery failed # attempts" reads "delivery failed 20 attempts".
 */
#include "reasons.h"

#include <string.h>

#include "ascii.h"
#include "bounds.h"

typedef struct
{
  const char *name;
  BounceType type;
  const char *meaning;
} ReasonRow;

static const ReasonRow vocabulary[] = {
  { "userunknown", BOUNCE_TYPE_HARD, "The recipient address does not exist at the destination." },
  { "hostunknown", BOUNCE_TYPE_HARD, "The recipient domain does not exist or has no mail host." },
  { "hasmoved", BOUNCE_TYPE_HARD, "The mailbox has moved and the server does not forward." },
  { "notaccept", BOUNCE_TYPE_HARD, "The destination accepts no mail at all (hard only when permanent)." },
  { "mailboxfull", BOUNCE_TYPE_SOFT, "The recipient mailbox is over quota." },
  { "exceedlimit", BOUNCE_TYPE_SOFT, "The message exceeds a per-mailbox size limit." },
  { "mesgtoobig", BOUNCE_TYPE_SOFT, "The message is too big for the receiving system." },
  { "suspend", BOUNCE_TYPE_SOFT, "The mailbox exists but is disabled, suspended or inactive." },
  { "systemfull", BOUNCE_TYPE_SOFT, "The receiving system is out of storage." },
  { "systemerror", BOUNCE_TYPE_SOFT, "The receiving system failed internally." },
  { "mailererror", BOUNCE_TYPE_SOFT, "The local delivery program failed." },
  { "networkerror", BOUNCE_TYPE_SOFT, "DNS, routing or connection problem on the way." },
  { "expired", BOUNCE_TYPE_SOFT, "The sending side gave up after retrying too long." },
  { "toomanyconn", BOUNCE_TYPE_SOFT, "Too many connections or recipients at once." },
  { "speeding", BOUNCE_TYPE_SOFT, "The sender is rate limited." },
  { "onhold", BOUNCE_TYPE_SOFT, "A failure whose cause cannot be decided from the message." },
  { "undefined", BOUNCE_TYPE_SOFT, "A failure with no usable status, code or text." },
  { "blocked", BOUNCE_TYPE_BLOCK, "The sending host or IP is refused (blocklist, connection block)." },
  { "badreputation", BOUNCE_TYPE_BLOCK, "The sending IP or domain has a poor reputation." },
  { "requireptr", BOUNCE_TYPE_BLOCK, "The sending host has no valid reverse DNS record." },
  { "authfailure", BOUNCE_TYPE_BLOCK, "SPF, DKIM or DMARC failed or is missing." },
  { "rejected", BOUNCE_TYPE_BLOCK, "The envelope sender or its domain is refused." },
  { "norelaying", BOUNCE_TYPE_BLOCK, "Relaying is denied." },
  { "spamdetected", BOUNCE_TYPE_BLOCK, "The content was judged to be spam." },
  { "virusdetected", BOUNCE_TYPE_BLOCK, "The message was judged to carry malware." },
  { "policyviolation", BOUNCE_TYPE_BLOCK, "The message violates a receiving policy." },
  { "contenterror", BOUNCE_TYPE_BLOCK, "The content or encoding is not acceptable." },
  { "notcompliantrfc", BOUNCE_TYPE_BLOCK, "The message does not comply with RFC 5322." },
  { "securityerror", BOUNCE_TYPE_BLOCK, "A security requirement failed (TLS, credentials)." },
  { "syntaxerror", BOUNCE_TYPE_BLOCK, "An SMTP protocol or syntax error between the servers." },
  { "filtered", BOUNCE_TYPE_BLOCK, "A filter or the recipient's rules refused the message." },
  { "delivered", BOUNCE_TYPE_NONE, "Delivered (a success DSN)." },
  { "feedback", BOUNCE_TYPE_NONE, "An abuse or complaint feedback report (ARF)." },
  { "vacation", BOUNCE_TYPE_NONE, "An automatic reply such as an out-of-office message." },
};

/* The order in which reasons beat each other, most decisive first, with a rank:
 * when phrases of several reasons occur in one text, the lowest rank wins (equal
 * ranks: the earlier entry); and a reason read from the text replaces the reason a
 * specific status code implies only when its rank is strictly lower (see
 * classify.c). Reasons of one rank are different names for outcomes that the
 * status code tells apart better than the words do (a size limit of the mailbox or
 * of the system; a connection failure or the end of the retry period). */
typedef struct
{
  const char *reason;
  guint rank;
} RankRow;

static const RankRow precedence[] = {
  { "virusdetected", 1 },  /* malware is named outright, whatever else is said */
  { "mailererror", 2 },    /* a local program failed: its own message may say "no such user" */
  { "mailboxfull", 3 },    /* providers answer 5.1.1 or 5.2.1 for full mailboxes too */
  { "exceedlimit", 4 },
  { "mesgtoobig", 4 },
  { "hasmoved", 5 },
  { "norelaying", 6 },
  { "authfailure", 7 },
  { "requireptr", 8 },
  { "notcompliantrfc", 9 },
  { "badreputation", 10 },
  { "speeding", 10 },
  { "toomanyconn", 11 },
  { "blocked", 12 },
  { "rejected", 13 },
  { "spamdetected", 14 }, /* a content refusal: the code tells spam from format */
  { "contenterror", 14 },
  { "notaccept", 15 },
  { "userunknown", 16 },   /* beats a 5.2.1 (disabled) code, loses to a full mailbox */
  { "suspend", 17 },
  { "hostunknown", 18 },
  { "systemfull", 19 },
  { "filtered", 20 },
  { "securityerror", 21 },
  { "policyviolation", 21 },
  { "syntaxerror", 23 },
  { "systemerror", 24 },
  { "expired", 25 },
  { "networkerror", 25 },
  { "onhold", 26 },
  { "undefined", 27 },
};

typedef struct
{
  const char *reason;
  const char *phrase;
  guint boost; /* 1: decisive wording: beats the other phrases and the status code */
} PhraseRow;

/* One row per phrase: lower-case, matched as a substring of the folded text. Words
 * that name a provider's documented code (Yahoo's "[tss04]", Outlook.com's
 * "sc-001") are listed like any other wording. */
static const PhraseRow phrases[] = {
  /* malware */
  { "virusdetected", "virus", 0 },
  { "virusdetected", "malware", 0 },
  { "virusdetected", "infected", 0 },
  { "virusdetected", "ransomware", 0 },
  { "virusdetected", "trojan", 0 },

  /* the local delivery program */
  { "mailererror", "mailer error", 0 },
  { "mailererror", "procmail", 0 },
  { "mailererror", "command failed", 0 },
  { "mailererror", "command died", 0 },
  { "mailererror", "pipe to |", 0 },
  { "mailererror", "exit code", 0 },
  { "mailererror", "exited with", 0 },
  { "mailererror", "x-unix;", 0 },
  { "mailererror", "local delivery failed", 0 },
  { "mailererror", "command output:", 0 },

  /* the recipient's mailbox is full */
  { "mailboxfull", "mailbox full", 0 },
  { "mailboxfull", "mailbox is full", 0 },
  { "mailboxfull", "mailbox has exceeded", 0 },
  { "mailboxfull", "mailbox size limit", 0 },
  { "mailboxfull", "mailbox exceeds", 0 },
  { "mailboxfull", "mailbox exceeded", 0 },
  { "mailboxfull", "mailbox quota", 0 },
  { "mailboxfull", "mailbox would exceed", 0 },
  { "mailboxfull", "mailfolder is full", 0 },
  { "mailboxfull", "inbox is full", 0 },
  { "mailboxfull", "full mailbox", 0 },
  { "mailboxfull", "mailbox is over", 0 },
  { "mailboxfull", "over quota", 0 },
  { "mailboxfull", "overquota", 0 },
  { "mailboxfull", "over its quota", 0 },
  { "mailboxfull", "over the quota", 0 },
  { "mailboxfull", "quota exceeded", 0 },
  { "mailboxfull", "quota exceed", 0 },
  { "mailboxfull", "exceeded its quota", 0 },
  { "mailboxfull", "exceeded quota", 0 },
  { "mailboxfull", "exceeds quota", 0 },
  { "mailboxfull", "exceed quota", 0 },
  { "mailboxfull", "disk quota", 0 },
  { "mailboxfull", "user quota", 0 },
  { "mailboxfull", "quota full", 0 },
  { "mailboxfull", "storage quota", 0 },
  { "mailboxfull", "exceeded storage allocation", 0 },
  { "mailboxfull", "exceeded its storage", 0 },
  { "mailboxfull", "out of storage space", 0 },
  { "mailboxfull", "user's mailbox is full", 0 },
  { "mailboxfull", "account is full", 0 },
  { "mailboxfull", "too much mail data", 0 },
  { "mailboxfull", "boite du destinataire pleine", 0 },
  { "mailboxfull", "account is exceeding their quota", 0 },
  { "mailboxfull", "diskspace quota", 0 },
  { "mailboxfull", "does not have enough space", 0 },
  { "mailboxfull", "not enough storage space in", 0 },
  { "mailboxfull", "not sufficient disk space", 0 },
  { "mailboxfull", "over the allowed quota", 0 },
  { "mailboxfull", "quota violation for", 0 },
  { "mailboxfull", "the user's space has been used up", 0 },
  { "mailboxfull", "user has too many messages on the server", 0 },

  /* size */
  { "exceedlimit", "message header size exceeds", 0 },
  { "exceedlimit", "exceeds the per-user limit", 0 },
  { "mesgtoobig", "message too large", 0 },
  { "mesgtoobig", "message too big", 0 },
  { "mesgtoobig", "message is too large", 0 },
  { "mesgtoobig", "message is too big", 0 },
  { "mesgtoobig", "message size exceeds", 0 },
  { "mesgtoobig", "message length exceeds", 0 },
  { "mesgtoobig", "maximum message size", 0 },
  { "mesgtoobig", "max message size", 0 },
  { "mesgtoobig", "message file too big", 0 },
  { "mesgtoobig", "exceeds size limit", 0 },
  { "mesgtoobig", "size limit exceeded", 0 },
  { "mesgtoobig", "exceeds the size limit", 0 },
  { "mesgtoobig", "size exceeds", 0 },
  { "mesgtoobig", "too large for", 0 },
  { "mesgtoobig", "taille limite du message", 0 },
  { "mesgtoobig", "exceeded maximum inbound message size", 0 },

  /* the mailbox has moved */
  { "hasmoved", "has been replaced by", 0 },
  { "hasmoved", "mailbox has moved", 0 },
  { "hasmoved", "address has moved", 0 },
  { "hasmoved", "user has moved", 0 },
  { "hasmoved", "address has changed", 0 },

  /* relaying */
  { "norelaying", "relay access denied", 0 },
  { "norelaying", "relaying denied", 0 },
  { "norelaying", "relay denied", 0 },
  { "norelaying", "relay rejected", 0 },
  { "norelaying", "relay not permitted", 0 },
  { "norelaying", "relaying not permitted", 0 },
  { "norelaying", "relaying not allowed", 0 },
  { "norelaying", "relay not allowed", 0 },
  { "norelaying", "not permitted to relay", 0 },
  { "norelaying", "not allowed to relay", 0 },
  { "norelaying", "unable to relay", 0 },
  { "norelaying", "cannot relay", 0 },
  { "norelaying", "can't relay", 0 },
  { "norelaying", "we do not relay", 0 },
  { "norelaying", "does not relay", 0 },
  { "norelaying", "no relaying", 0 },
  { "norelaying", "relaying mail to", 0 },
  { "norelaying", "relay prohibited", 0 },
  { "norelaying", "relaying is prohibited", 0 },
  { "norelaying", "insecure mail relay", 0 },
  { "norelaying", "not a gateway", 0 },
  { "norelaying", "identities failed the check", 0 },
  { "norelaying", "mail server requires authentication when attempting to send to a non-local e-mail address", 0 },
  { "norelaying", "not local host", 0 },
  { "norelaying", "that domain isn't in my list of allowed rcpthost", 0 },
  { "norelaying", "this system is not configured to relay mail", 0 },
  { "norelaying", "we don't handle mail for", 0 },
  { "norelaying", "not an open relay, so get lost", 1 },

  /* sender authentication (SPF, DKIM, DMARC) */
  { "authfailure", "dmarc", 0 },
  { "authfailure", "does not have authentication information", 0 },
  { "authfailure", "fails to pass authentication", 0 },
  { "authfailure", "authentication checks failed", 0 },
  { "authfailure", "unauthenticated email", 0 },
  { "authfailure", "spf check", 0 },
  { "authfailure", "spf validation", 0 },
  { "authfailure", "spf fail", 0 },
  { "authfailure", "spf=fail", 0 },
  { "authfailure", "spf softfail", 0 },
  { "authfailure", "spf hardfail", 0 },
  { "authfailure", "failed spf", 0 },
  { "authfailure", "not pass spf", 0 },
  { "authfailure", "spf authentication", 0 },
  { "authfailure", "per it's spf", 0 },
  { "authfailure", "per its spf", 0 },
  { "authfailure", "sender policy framework", 0 },
  { "authfailure", "dkim verification failed", 0 },
  { "authfailure", "dkim check failed", 0 },
  { "authfailure", "dkim=fail", 0 },
  { "authfailure", "failed dkim", 0 },
  { "authfailure", "no valid dkim", 0 },
  { "authfailure", "dkim signature is not valid", 0 },
  { "authfailure", "not authorized to send on behalf", 0 },
  { "authfailure", "is not designated to send", 0 },
  { "authfailure", "sender authentication failed", 0 },
  { "authfailure", "bad spf records for", 0 },
  { "authfailure", "please inspect your spf settings", 0 },

  /* reverse DNS of the sending host */
  { "requireptr", "reverse dns", 0 },
  { "requireptr", "reverse-dns", 0 },
  { "requireptr", "reverse lookup", 0 },
  { "requireptr", "reverse hostname", 0 },
  { "requireptr", "no reverse", 0 },
  { "requireptr", "ptr record", 0 },
  { "requireptr", "no ptr", 0 },
  { "requireptr", "rdns", 0 },
  { "requireptr", "fcrdns", 0 },
  { "requireptr", "cannot find your hostname", 0 },
  { "requireptr", "cannot find your reverse hostname", 0 },
  { "requireptr", "client host name is unknown", 0 },
  { "requireptr", "ip name lookup failed", 0 },
  { "requireptr", "ip name possibly forged", 0 },
  { "requireptr", "hostname does not resolve", 0 },
  { "requireptr", "unresolvable ip", 0 },
  { "requireptr", "unverifyable sending ip", 0 },
  { "requireptr", "mismatches client ip", 0 },
  { "requireptr", "does not match your ip", 0 },
  { "requireptr", "bad dns ptr resource record", 0 },
  { "requireptr", "the corresponding forward dns entry does not point to the sending ip", 0 },
  { "requireptr", "unresolvable relay host name", 0 },
  { "requireptr", "hosts with dynamic ip or generic dns ptr-records", 1 },

  /* malformed message headers */
  { "notcompliantrfc", "rfc 5322", 0 },
  { "notcompliantrfc", "rfc5322", 0 },
  { "notcompliantrfc", "rfc 2822", 0 },
  { "notcompliantrfc", "rfc2822", 0 },
  { "notcompliantrfc", "rfc 822", 0 },
  { "notcompliantrfc", "multiple addresses in from", 0 },
  { "notcompliantrfc", "not rfc compliant", 0 },
  { "notcompliantrfc", "not compliant with rfc", 0 },
  { "notcompliantrfc", "missing from header", 0 },
  { "notcompliantrfc", "rfcmessagenoncompliant", 0 },

  /* reputation */
  { "badreputation", "poor reputation", 0 },
  { "badreputation", "low reputation", 0 },
  { "badreputation", "bad reputation", 0 },
  { "badreputation", "sender reputation", 0 },
  { "badreputation", "ip reputation", 0 },
  { "badreputation", "domain reputation", 0 },
  { "badreputation", "user complaints", 0 },
  { "badreputation", "[tss04]", 0 },
  { "badreputation", "[ts01]", 0 },
  { "badreputation", "[ts02]", 0 },
  { "badreputation", "[ts03]", 0 },
  { "badreputation", "a poor email reputation score", 0 },

  /* sending too fast or too much */
  { "speeding", "rate limit", 0 },
  { "speeding", "ratelimit", 0 },
  { "speeding", "rate-limit", 0 },
  { "speeding", "sending rate", 0 },
  { "speeding", "receiving mail at a rate", 0 },
  { "speeding", "too many messages", 0 },
  { "speeding", "too many emails", 0 },
  { "speeding", "too many recipients this hour", 1 },
  { "speeding", "unusual rate", 0 },
  { "speeding", "throttl", 0 },
  { "speeding", "mail flood", 0 },
  { "speeding", "relay quota", 0 },
  { "speeding", "sending limit", 0 },
  { "speeding", "sending quota", 0 },
  { "speeding", "please try again slower", 0 },

  /* too many at once */
  { "toomanyconn", "too many connections", 0 },
  { "toomanyconn", "too many concurrent", 0 },
  { "toomanyconn", "too many simultaneous", 0 },
  { "toomanyconn", "too many recipients", 0 },
  { "toomanyconn", "too many sessions", 0 },
  { "toomanyconn", "too many smtp sessions", 0 },
  { "toomanyconn", "connection limit", 0 },
  { "toomanyconn", "connection rate limit", 1 },
  { "toomanyconn", "connection frequency limited", 0 },
  { "toomanyconn", "exceeded the maximum number of connections", 0 },
  { "toomanyconn", "has exceeded the max emails per hour", 0 },
  { "toomanyconn", "trop de connexions", 0 },
  { "toomanyconn", "too many errors from your ip", 1 },

  /* the sending host or IP is refused */
  { "blocked", "blacklist", 0 },
  { "blocked", "blocklist", 0 },
  { "blocked", "block list", 0 },
  { "blocked", "black list", 0 },
  { "blocked", "denylist", 0 },
  { "blocked", "spamhaus", 0 },
  { "blocked", "spamcop", 0 },
  { "blocked", "sorbs", 0 },
  { "blocked", "dnsbl", 0 },
  { "blocked", "rbl", 0 },
  { "blocked", "blocked using", 0 },
  { "blocked", "is listed on", 0 },
  { "blocked", "is listed at", 0 },
  { "blocked", "is listed in", 0 },
  { "blocked", "client host rejected", 0 },
  { "blocked", "client host blocked", 0 },
  { "blocked", "host blocked", 0 },
  { "blocked", "ip blocked", 0 },
  { "blocked", "ip address is blocked", 0 },
  { "blocked", "ip has been blocked", 0 },
  { "blocked", "ip address has been blocked", 0 },
  { "blocked", "your ip", 0 },
  { "blocked", "invalid ip for sending", 0 },
  { "blocked", "connection refused by", 0 },
  { "blocked", "refused to talk to me", 0 },
  { "blocked", "my name was rejected", 0 },
  { "blocked", "after initial connection", 0 },
  { "blocked", "banned", 0 },
  { "blocked", "dynamic ip", 0 },
  { "blocked", "dial-up", 0 },
  { "blocked", "dialup", 0 },
  { "blocked", "residential", 0 },
  { "blocked", "open relay", 0 },
  { "blocked", "smtp server of your isp", 0 },
  { "blocked", "adresse ip source bloquee", 0 },
  { "blocked", "sc-001", 0 },
  { "blocked", "sc-002", 0 },
  { "blocked", "sc-003", 0 },
  { "blocked", "sc-004", 0 },
  { "blocked", "dy-001", 0 },
  { "blocked", "dy-002", 0 },
  { "blocked", "[bl21]", 0 },
  { "blocked", "[bl22]", 0 },
  { "blocked", "[bl23]", 0 },
  { "blocked", "esmtp not accepting connections", 0 },
  { "blocked", "extreme bad ip profile", 0 },
  { "blocked", "helo command rejected:", 0 },
  { "blocked", "no access from mail server", 0 },
  { "blocked", "rejecting open proxy", 0 },
  { "blocked", "sender ip address rejected", 0 },
  { "blocked", "too many unwanted messages have been sent from the following ip address", 0 },
  { "blocked", "your server requires confirmation", 0 },
  { "blocked", "confirm this mail server", 0 },
  { "blocked", "bad sender ip address", 0 },
  { "blocked", "dynamic/zombied/spam ips blocked", 0 },
  { "blocked", "looks suspiciously like spammer", 0 },
  { "blocked", "you are not allowed to connect", 0 },
  { "blocked", "blocked - see http", 0 },
  { "blocked", "refused - see http", 0 },

  /* the envelope sender is refused */
  { "rejected", "sender address rejected", 0 },
  { "rejected", "sender rejected", 0 },
  { "rejected", "sender was rejected", 0 },
  { "rejected", "sender denied", 0 },
  { "rejected", "sender not allowed", 0 },
  { "rejected", "sender verify failed", 0 },
  { "rejected", "sender verification", 0 },
  { "rejected", "domain of sender address", 0 },
  { "rejected", "sender domain", 0 },
  { "rejected", "envelope sender", 0 },
  { "rejected", "mail from address", 0 },
  { "rejected", "from address", 0 },
  { "rejected", "from: domain", 0 },
  { "rejected", "return path", 0 },
  { "rejected", "invalid sender", 0 },
  { "rejected", "unknown sender", 0 },
  { "rejected", "bad sender", 0 },
  { "rejected", "sender is not", 0 },
  { "rejected", "unroutable sender", 0 },
  { "rejected", "unrouteable sender", 0 },
  { "rejected", "permission to post messages to the group", 0 },
  { "rejected", "not a member of this mailing list", 0 },
  { "rejected", "batv failed to verify", 0 },
  { "rejected", "batv validation failure", 0 },
  { "rejected", "rejected by batv defense", 0 },
  { "rejected", "(batv: no tag", 0 },
  { "rejected", "because the sender isn't on the recipient's list of senders", 0 },
  { "rejected", "bogus mail from", 0 },
  { "rejected", "can't determine purported responsible address", 0 },
  { "rejected", "denied [bouncedeny]", 0 },
  { "rejected", "email address is on senderfilterconfig list", 0 },
  { "rejected", "emetteur invalide", 0 },
  { "rejected", "no third-party dsns", 0 },
  { "rejected", "fully qualified email address required", 0 },
  { "rejected", "is not a registered gateway user", 0 },
  { "rejected", "mail from not owned by user", 0 },
  { "rejected", "returned mail not accepted here", 0 },
  { "rejected", "sender email address rejected", 0 },
  { "rejected", "sender not pre-approved", 0 },

  /* content judged as spam */
  { "spamdetected", "spam", 0 },
  { "spamdetected", "junk mail", 0 },
  { "spamdetected", "unsolicited", 0 },
  { "spamdetected", "bulk mail", 0 },
  { "spamdetected", "bulk e-mail", 0 },
  { "spamdetected", "suspicious", 0 },
  { "spamdetected", "message content rejected", 0 },
  { "spamdetected", "rejected, ube", 1 },
  { "spamdetected", "blacklisted url", 1 },
  { "spamdetected", "uribl", 1 },
  { "spamdetected", "surbl", 1 },
  { "spamdetected", "mail content denied", 0 },
  { "spamdetected", "message rejected because of unacceptable content", 0 },
  { "spamdetected", "reject bulk.advertising", 0 },
  { "spamdetected", "rejected - bulk email", 0 },
  { "spamdetected", "rejecting mail content", 0 },
  { "spamdetected", "recurrent pattern detection system", 0 },
  { "spamdetected", "temporarily blocked by our filter", 0 },

  /* the destination accepts no mail */
  { "notaccept", "does not accept mail", 0 },
  { "notaccept", "does not accept e-mail", 0 },
  { "notaccept", "does not accept email", 0 },
  { "notaccept", "accepts no mail", 0 },
  { "notaccept", "not accepting mail", 0 },
  { "notaccept", "null mx", 0 },
  { "notaccept", "mail receiving disabled", 0 },

  /* the mailbox does not exist */
  { "userunknown", "user unknown", 0 },
  { "userunknown", "unknown user", 0 },
  { "userunknown", "no such user", 0 },
  { "userunknown", "user not found", 0 },
  { "userunknown", "user doesn't exist", 0 },
  { "userunknown", "user does not exist", 0 },
  { "userunknown", "user not exist", 0 },
  { "userunknown", "invalid user", 0 },
  { "userunknown", "is not a valid user", 0 },
  { "userunknown", "unknown recipient", 0 },
  { "userunknown", "recipient unknown", 0 },
  { "userunknown", "recipient not found", 0 },
  { "userunknown", "no such recipient", 0 },
  { "userunknown", "invalid recipient", 0 },
  { "userunknown", "recipient does not exist", 0 },
  { "userunknown", "recipient name is not recognized", 0 },
  { "userunknown", "recipient address rejected: access denied", 0 },
  { "userunknown", "recipient not found by smtp address lookup", 1 },
  { "userunknown", "mailbox not found", 0 },
  { "userunknown", "mailbox unavailable", 0 },
  { "userunknown", "mailbox is unavailable", 0 },
  { "userunknown", "mailbox does not exist", 0 },
  { "userunknown", "no such mailbox", 0 },
  { "userunknown", "no mailbox here", 0 },
  { "userunknown", "invalid mailbox", 0 },
  { "userunknown", "not a valid mailbox", 0 },
  { "userunknown", "bad destination mailbox", 0 },
  { "userunknown", "account does not exist", 0 },
  { "userunknown", "account that you tried to reach does not exist", 0 },
  { "userunknown", "address does not exist", 0 },
  { "userunknown", "address not found", 0 },
  { "userunknown", "address couldn't be found", 0 },
  { "userunknown", "address unknown", 0 },
  { "userunknown", "addressee unknown", 0 },
  { "userunknown", "invalid address", 0 },
  { "userunknown", "no such address", 0 },
  { "userunknown", "unknown local part", 0 },
  { "userunknown", "unknown local-part", 0 },
  { "userunknown", "unknown or illegal alias", 0 },
  { "userunknown", "not our customer", 0 },
  { "userunknown", "doesn't have a", 0 },
  { "userunknown", "no account by that name", 0 },
  { "userunknown", "not listed in domino directory", 0 },
  { "userunknown", "not listed in public name", 0 },
  { "userunknown", "ディレクトリには見つかりません", 0 },
  { "userunknown", "ディレクトリのリストにありません", 0 },
  { "userunknown", "found at the destination domain", 0 },
  { "userunknown", "no longer valid", 0 },
  { "userunknown", "no longer available", 0 },
  { "userunknown", "check if address is correct", 0 },
  { "userunknown", "no valid recipients", 0 },
  /* the local delivery agent found no such account ("mail.local: unknown user:
   * name", BSD mail.local): no filter is involved in local delivery */
  { "userunknown", "mail.local: unknown user", 0 },
  /* a notice's own label for the address it could not deliver ("Unknown user:
   * <address>", IMail): the reporting server's finding, not a quoted answer */
  { "userunknown", "unknown user:", 0 },
  { "userunknown", "address not present in directory", 0 },
  { "userunknown", "destination addresses were unknown", 0 },
  { "userunknown", "email address could not be found", 0 },
  { "userunknown", "is not a known user", 0 },
  { "userunknown", "is not an active address at this host", 0 },
  { "userunknown", "mailbox invalid", 0 },
  { "userunknown", "mailbox not present", 0 },
  { "userunknown", "no mailbox found", 0 },
  { "userunknown", "no mailbox by that name is currently available", 0 },
  { "userunknown", "no mail box available for this user", 0 },
  { "userunknown", "no such person at this address", 0 },
  { "userunknown", "not a valid recipient", 0 },
  { "userunknown", "not a valid user here", 0 },
  { "userunknown", "recipient address rejected: invalid-recipient", 0 },
  { "userunknown", "recipient address rejected: userunknown", 0 },
  { "userunknown", "recipient not exist", 0 },
  { "userunknown", "the user's email name is not found", 0 },
  { "userunknown", "there is no one at this address", 0 },
  { "userunknown", "unknown mailbox", 0 },
  { "userunknown", "user not known", 0 },
  { "userunknown", "utilisateur inconnu", 0 },
  { "userunknown", "no existe dicha persona", 0 },
  { "userunknown", "no existe ese usuario", 0 },
  { "userunknown", "nessun utente simile in questo indirizzo", 0 },
  { "userunknown", "invalid or unknown virtual user", 0 },
  { "userunknown", "is not in my validrcptto list", 0 },
  { "userunknown", "in my badrecipientto list", 0 },

  /* the mailbox exists but is disabled */
  { "suspend", "account disabled", 0 },
  { "suspend", "account is disabled", 0 },
  { "suspend", "account has been disabled", 0 },
  { "suspend", "mailbox disabled", 0 },
  { "suspend", "mailbox is disabled", 0 },
  { "suspend", "mailbox has been disabled", 0 },
  { "suspend", "is disabled", 0 },
  { "suspend", "disabled or discontinued", 0 },
  { "suspend", "account suspended", 0 },
  { "suspend", "account has been suspended", 0 },
  { "suspend", "account is suspended", 0 },
  { "suspend", "mailbox suspended", 0 },
  { "suspend", "deactivated", 0 },
  { "suspend", "inactive", 0 },
  { "suspend", "not active", 0 },
  { "suspend", "account locked", 0 },
  { "suspend", "account is locked", 0 },
  { "suspend", "temporarily locked", 0 },
  { "suspend", "temporary locked", 0 },
  { "suspend", "account is blocked", 0 },
  { "suspend", "frozen", 0 },
  { "suspend", "account expired", 0 },
  { "suspend", "account has expired", 0 },
  /* the notices of mobile carriers (au): the account exists but is stopped,
   * whatever the reply beside it says */
  { "suspend", "user(s) account is disabled", 1 },
  { "suspend", "user(s) account is suspended", 1 },
  { "suspend", "user(s) account is temporarily limited", 1 },
  { "suspend", "is currently suspended", 0 },
  { "suspend", "has been suspended", 0 },
  { "suspend", "mailbox currently suspended", 0 },
  { "suspend", "user suspended", 0 },
  { "suspend", "account has been temporarily suspended", 0 },
  { "suspend", "user is terminated", 0 },
  { "suspend", "recipient suspend the service", 0 },
  { "suspend", "archived recipient", 0 },
  { "suspend", "boite du destinataire archivee", 0 },

  /* the domain or its mail host */
  { "hostunknown", "host unknown", 0 },
  { "hostunknown", "account or domain may not exist", 1 },
  { "hostunknown", "unknown host", 0 },
  { "hostunknown", "host not found", 0 },
  { "hostunknown", "domain not found", 0 },
  { "hostunknown", "no such domain", 0 },
  { "hostunknown", "domain does not exist", 0 },
  { "hostunknown", "domain name not found", 0 },
  { "hostunknown", "host or domain name not found", 0 },
  { "hostunknown", "illegal host/domain name", 0 },
  { "hostunknown", "unrouteable address", 0 },
  { "hostunknown", "unroutable address", 0 },
  { "hostunknown", "name or service not known", 0 },
  { "hostunknown", "no mx record", 0 },
  { "hostunknown", "couldn't find a mail exchanger", 0 },
  { "hostunknown", "couldn't find any host", 0 },
  { "hostunknown", "nxdomain", 0 },
  { "hostunknown", "unknown domain", 0 },
  { "hostunknown", "domain is not reachable", 0 },
  { "hostunknown", "find the recipient domain", 0 },
  { "hostunknown", "recipient domain not found", 0 },
  { "hostunknown", "recipient domain must exist", 0 },
  { "hostunknown", "mail domain mentioned in email address is unknown", 0 },

  /* the receiving system is out of storage */
  { "systemfull", "insufficient system storage", 0 },
  { "systemfull", "insufficient disk space", 1 },
  { "systemfull", "system full", 0 },
  { "systemfull", "disk full", 0 },
  { "systemfull", "disk is full", 1 },
  { "systemfull", "out of disk", 0 },

  /* a filter or the recipient's rules refused it */
  { "filtered", "filtered", 0 },
  { "filtered", "content filter", 0 },
  { "filtered", "rejected by recipient", 0 },
  { "filtered", "recipient rejected", 0 },
  { "filtered", "recipient preferences", 0 },
  { "filtered", "blocked by recipient", 0 },
  { "filtered", "badrcptto", 0 },
  { "filtered", "refused by", 0 },
  { "filtered", "not authorized", 0 },
  { "filtered", "doesn't accept mail from", 1 },
  { "filtered", "does not accept mail from", 1 },
  { "filtered", "restricted", 0 },
  { "filtered", "not allowed", 0 },
  { "filtered", "permission denied", 0 },
  { "filtered", "is only accepting mail from specific email addresses", 0 },
  { "filtered", "message rejected due to user rules", 0 },
  { "filtered", "user refuses to receive this mail", 0 },
  { "filtered", "refuse to receive mail", 0 },
  { "filtered", "you have been blocked by the recipient", 0 },
  { "filtered", "this account is protected by", 0 },

  /* security requirements of the transport */
  { "securityerror", "starttls", 0 },
  { "securityerror", "tls required", 0 },
  { "securityerror", "encryption required", 0 },
  { "securityerror", "authentication required", 0 },
  { "securityerror", "authentication is required", 0 },
  { "securityerror", "smtp authentication", 1 },
  { "securityerror", "without authentication", 1 },
  { "securityerror", "unauthenticated senders", 1 },
  { "securityerror", "certificate", 0 },
  { "securityerror", "does not support tls", 0 },
  { "securityerror", "delivery not authorized", 1 }, /* 5.7.1's own description */
  { "securityerror", "authentication credentials invalid", 0 },
  { "securityerror", "authentication turned on in your email client", 0 },
  { "securityerror", "you are not authorized to send mail, authentication is required", 1 },

  /* receiving policy */
  { "policyviolation", "policy violation", 0 },
  { "policyviolation", "violates", 0 },
  { "policyviolation", "violation of", 0 },
  { "policyviolation", "prohibited attachment", 0 },
  { "policyviolation", "attachment", 0 },
  { "policyviolation", "file type", 0 },
  { "policyviolation", "executable", 0 },
  { "policyviolation", "by policy", 0 },
  { "policyviolation", "local policy", 0 },
  { "policyviolation", "policy reasons", 0 },
  { "policyviolation", "content policy", 0 },
  { "policyviolation", "security policies", 0 },
  { "policyviolation", "security issue", 0 },
  { "policyviolation", "its content presents a potential", 1 },
  { "policyviolation", "organization's policy", 0 },
  { "policyviolation", "organizational policy", 0 },
  { "policyviolation", "by non-member to a members-only list", 1 },
  { "policyviolation", "closed mailing list", 0 },
  { "policyviolation", "message bounced due to organizational settings", 0 },
  { "policyviolation", "the message was rejected by organization policy", 0 },
  { "policyviolation", "not subscribed to this group", 0 },
  { "policyviolation", "you're using a mass mailer", 0 },
  { "policyviolation", "messages with multiple addresses", 0 },

  /* content that is not acceptable, without being spam */
  { "contenterror", "invalid header", 0 },
  { "contenterror", "header error", 0 },
  { "contenterror", "duplicate header", 0 },
  { "contenterror", "malformed", 0 },
  { "contenterror", "8-bit", 0 },
  { "contenterror", "8bit", 0 },
  { "contenterror", "content type", 0 },
  { "contenterror", "mime", 0 },
  { "contenterror", "improperly-formatted binary content", 0 },
  { "contenterror", "unnecessary base64 encoding", 0 },
  { "contenterror", "message header size, or recipient list, exceeds policy limit", 0 },

  /* protocol */
  { "syntaxerror", "syntax error", 0 },
  { "syntaxerror", "malformed address", 1 },
  { "syntaxerror", "command unrecognized", 0 },
  { "syntaxerror", "unrecognized command", 0 },
  { "syntaxerror", "bad sequence", 0 },
  { "syntaxerror", "command not implemented", 0 },
  { "syntaxerror", "line too long", 0 },
  { "syntaxerror", "protocol violation", 0 },
  { "syntaxerror", "protocol error", 0 },

  /* the receiving system failed */
  { "systemerror", "system error", 0 },
  { "systemerror", "internal error", 0 },
  { "systemerror", "server error", 0 },
  { "systemerror", "local error", 0 },
  { "systemerror", "local problem", 0 },
  { "systemerror", "i/o error", 0 },
  { "systemerror", "temporarily unavailable", 0 },
  { "systemerror", "service currently unavailable", 0 },
  { "systemerror", "service refused, please try later", 0 },
  { "systemerror", "system not accepting", 0 },
  { "systemerror", "transaction failed", 0 },
  { "systemerror", "aliasing/forwarding loop broken", 0 },
  { "systemerror", "can't create user output file", 0 },
  { "systemerror", "could not load drd for domain", 0 },
  { "systemerror", "interrupted system call", 0 },
  { "systemerror", "local configuration error", 0 },
  { "systemerror", "mail system configuration error", 0 },
  { "systemerror", "server configuration error", 0 },
  { "systemerror", "system config error", 0 },
  { "systemerror", "queue file write error", 0 },
  { "systemerror", "remote server is misconfigured", 0 },
  { "systemerror", "timeout waiting for input", 0 },
  { "systemerror", "loop was found in the mail exchanger", 0 },
  { "systemerror", "it would create a mail loop", 1 },

  /* giving up after retries */
  { "expired", "delivery time expired", 0 },
  { "expired", "delivery expired", 0 },
  { "expired", "retry timeout exceeded", 0 },
  { "expired", "retry time not reached", 0 },
  { "expired", "message expired", 0 },
  { "expired", "message has expired", 0 },
  { "expired", "envelope expired", 0 },
  { "expired", "queue too long", 0 },
  { "expired", "in the queue too long", 0 },
  { "expired", "could not be delivered within", 0 },
  { "expired", "not delivered within", 0 },
  { "expired", "was not delivered after", 0 },
  { "expired", "have been failing for a long time", 0 },
  { "expired", "giving up", 0 },
  { "expired", "delivery attempts will continue", 0 },
  { "expired", "will be retried for", 0 },
  { "expired", "did not accept our requests to connect", 1 },
  /* the final notice after the retry period: "Delivery failed 20 attempts"
   * (IMail), "could not be delivered for 5 days" (Sendmail), "was aborted after
   * 5.0 hour(s)", "could not deliver for the last 432000 seconds" */
  { "expired", "delivery failed # attempts", 1 },
  { "expired", "failed after # attempts", 1 },
  { "expired", "could not be delivered for #", 0 },
  { "expired", "could not be delivered for too long", 0 },
  { "expired", "could not deliver for the last #", 0 },
  { "expired", "was aborted after #", 0 },
  { "expired", "will be deleted from queue", 0 },
  { "expired", "retry time exceeded", 0 },
  { "expired", "retry period expired", 0 },
  { "expired", "after multiple retries", 0 },
  { "expired", "was not reachable within the allowed queue period", 0 },
  { "expired", "your message could not be delivered for more than", 0 },
  { "expired", "it has not been collected after", 0 },

  /* network and routing */
  { "networkerror", "mail loop", 0 },
  { "networkerror", "loop detected", 0 },
  { "networkerror", "loops back to myself", 0 },
  { "networkerror", "routing loop", 0 },
  { "networkerror", "too many hops", 0 },
  { "networkerror", "hop count", 0 },
  { "networkerror", "connection refused", 0 },
  { "networkerror", "connection timed out", 0 },
  { "networkerror", "connection reset", 0 },
  { "networkerror", "lost connection", 0 },
  { "networkerror", "no route to host", 0 },
  { "networkerror", "network is unreachable", 0 },
  { "networkerror", "network error", 0 },
  { "networkerror", "host not reachable", 0 },
  { "networkerror", "unable to connect", 0 },
  { "networkerror", "could not connect", 0 },
  { "networkerror", "timed out", 0 },
  { "networkerror", "dns error", 0 },
  { "networkerror", "dns lookup failed", 0 },
  { "networkerror", "name server", 0 },
  { "networkerror", "name service error", 0 },
  { "networkerror", "host not found, try again", 1 },
  { "networkerror", "unexpected name server reply", 1 },
  { "networkerror", "temporary lookup failure", 0 },
  { "networkerror", "dns records for the destination computer could not be found", 0 },
  { "networkerror", "host is unreachable", 0 },
  { "networkerror", "host name lookup failure", 0 },
  { "networkerror", "unable to resolve route", 0 },
  { "networkerror", "unrouteable mail domain", 0 },
  { "networkerror", "mail forwarding loop for", 0 },
  { "networkerror", "maximum forwarding loop count exceeded", 0 },
  { "networkerror", "message looping", 0 },
  { "networkerror", "malformed name server reply", 1 },
};

/* The stock answers for a missing mailbox that receiving filters give too: the
 * domain filters of mobile carriers and content scanners refuse a message after
 * DATA with "550 Unknown user" while the address exists. Said in reply to RCPT TO
 * they mean a missing mailbox; after DATA, or without a word about the command,
 * they are a filter's (classify.c). Wordings that name the directory, the domain
 * or the lookup that failed are not here: those are always about the address. */
static const char *const stock_unknown[] = {
  "user unknown",
  "unknown user",
  "no such user",
  "recipient not found",
  "unknown recipient",
  "recipient unknown",
  "user doesn't exist",
  "doesn't have a",
  "invalid address",
  "account that you tried to reach does not exist",
};

BounceType
reasons_type (const char *reason)
{
  if (!reason)
    return BOUNCE_TYPE_NONE;
  for (gsize i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (strcmp (vocabulary[i].name, reason) == 0)
      return vocabulary[i].type;
  return BOUNCE_TYPE_NONE;
}

gboolean
reasons_known (const char *reason)
{
  if (!reason)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (strcmp (vocabulary[i].name, reason) == 0)
      return TRUE;
  return FALSE;
}

void
reasons_foreach (void (*fn) (const char *, BounceType, const char *, gpointer), gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    fn (vocabulary[i].name, vocabulary[i].type, vocabulary[i].meaning, data);
}

guint
reasons_rank (const char *reason)
{
  if (reason)
    for (gsize i = 0; i < G_N_ELEMENTS (precedence); i++)
      if (strcmp (precedence[i].reason, reason) == 0)
        return precedence[i].rank;
  return G_MAXUINT;
}

/* Position in the precedence list: breaks ties between reasons of one rank. */
static gsize
precedence_index (const char *reason)
{
  for (gsize i = 0; i < G_N_ELEMENTS (precedence); i++)
    if (strcmp (precedence[i].reason, reason) == 0)
      return i;
  return G_N_ELEMENTS (precedence);
}

/* "550", "550-5.7.1" or "5.7.1": a reply or status code standing as a word. */
static gboolean
is_code_word (const char *w, gsize n)
{
  if (n >= 3 && g_ascii_isdigit (w[0]) && g_ascii_isdigit (w[1]) && g_ascii_isdigit (w[2])
      && (n == 3 || (w[3] == '-' && (n == 4 || is_code_word (w + 4, n - 4)))))
    return TRUE;
  if (n < 5 || !g_ascii_isdigit (w[0]) || w[1] != '.')
    return FALSE;
  for (gsize i = 2; i < n; i++)
    if (!(g_ascii_isdigit (w[i]) || w[i] == '.'))
      return FALSE;
  return TRUE;
}

char *
reasons_fold_text (const char *text, gsize max)
{
  /* the words, one space between them: never longer than the text read */
  gsize n_text = text ? strnlen (text, max) : 0;
  char *out = g_malloc (n_text + 1);
  gsize o = 0;
  gsize i = 0, words = 0;
  gboolean prev_reply = FALSE;
  while (text && i < max && text[i])
    {
      while (i < max && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
      gsize start = i;
      gboolean address = FALSE;
      while (i < max && text[i] && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\r'
                                     || text[i] == '\n'))
        address |= text[i++] == '@';
      gsize n = i - start;
      /* An address is a name, not wording: "<filtered@example.com>" or
       * "spam@example.org" must not read as a phrase; nor is a bracketed
       * local name ("User <jdoe> unknown"). */
      gboolean bracketed = n > 2 && text[start] == '<' && text[i - 1] == '>';
      if (n == 0 || address || bracketed)
        continue;
      /* The prefixes of a multi-line reply ("550-5.7.1 ...", "550 5.7.1 ...") inside
       * the text break its phrases apart: after the first words they are dropped. */
      gboolean code = is_code_word (text + start, n);
      gboolean reply = code && n == 3;
      words++;
      if (code && words > 2 && (n > 3 || prev_reply || (i < max && text[i] == ' '
                                                     && i + 1 < max
                                                     && g_ascii_isdigit (text[i + 1])
                                                     && text[i + 2] == '.')))
        {
          prev_reply = reply;
          continue;
        }
      prev_reply = FALSE;
      if (o)
        out[o++] = ' ';
      ascii_lower_copy (out + o, text + start, n);
      o += n;
    }
  out[o] = '\0';
  return out;
}

/* Phrase rows bucketed by the two bytes they can start with, so that one pass over
 * the text tries at each position only the rows that can start there: a bitmap
 * of those byte pairs rules out most positions at once, and a row's bucket is
 * found by a hash of the pair. A second character '#' stands for any digit; a
 * row of one character may be followed by any byte (the text's terminating NUL
 * too). Within a bucket rows keep the table's order, the order they are tried in.
 *
 * As in Wu and Manber's search, a window as long as the shortest literal start of
 * a row (the bytes before its first '#') slides along the text, and the byte pair
 * that ends it tells how far it may move on without stepping over the start of
 * any row; rows are tried only where that distance is 0. */
#define PAIR_BUCKETS 4096
#define SHIFT_SLOTS 4096

typedef struct
{
  guint64 pairs[65536 / 64];
  guint32 start[PAIR_BUCKETS + 1]; /* rows of bucket h: rows[start[h] .. start[h + 1]) */
  guint16 *rows;
  guint32 *head, *head_mask; /* by phrase row: its first literal bytes (up to 4) */
  gsize window;                /* 0: every position is tried */
  guint8 shift[SHIFT_SLOTS];   /* by hashed pair: how far the window may move */
} PhraseIndex;

static guint
pair_bucket (guint pair)
{
  return (pair * 40503u >> 8) & (PAIR_BUCKETS - 1);
}

static guint
shift_slot (guint pair)
{
  return (pair * 40503u >> 4) & (SHIFT_SLOTS - 1);
}

/* The bytes a phrase character can match: a bitmap of 256 bits. */
static void
char_set (char c, guint64 set[4])
{
  memset (set, 0, 4 * sizeof (guint64));
  if (c == '#')
    for (guint d = '0'; d <= '9'; d++)
      set[d / 64] |= G_GUINT64_CONSTANT (1) << (d % 64);
  else
    set[(guchar) c / 64] |= G_GUINT64_CONSTANT (1) << ((guchar) c % 64);
}

/* Calls fn for every byte pair row can start with. */
static void
row_pairs (const char *phrase, void (*fn) (guint pair, guint16 row, gpointer data), guint16 row,
           gpointer data)
{
  /* the first character is taken as it is: a row that starts with '#' is tried
   * only where the text has a '#', which is no digit (so it never matches) */
  guint b0 = (guchar) phrase[0];
  guint64 second[4];
  if (phrase[1] == '\0')
    memset (second, 0xff, sizeof second);
  else
    char_set (phrase[1], second);
  for (guint b1 = 0; b1 < 256; b1++)
    if (second[b1 / 64] >> (b1 % 64) & 1)
      fn (b0 << 8 | b1, row, data);
}

typedef struct
{
  PhraseIndex *ix;
  guint16 *last; /* per bucket: the last row counted or placed, + 1 */
  guint32 *fill;
} IndexBuild;

static void
count_pair (guint pair, guint16 row, gpointer data)
{
  IndexBuild *b = data;
  b->ix->pairs[pair / 64] |= G_GUINT64_CONSTANT (1) << (pair % 64);
  guint h = pair_bucket (pair);
  if (b->last[h] != row + 1)
    {
      b->last[h] = (guint16) (row + 1);
      b->ix->start[h + 1]++;
    }
}

static void
place_pair (guint pair, guint16 row, gpointer data)
{
  IndexBuild *b = data;
  guint h = pair_bucket (pair);
  if (b->last[h] != row + 1)
    {
      b->last[h] = (guint16) (row + 1);
      b->ix->rows[b->fill[h]++] = row;
    }
}

static gpointer
build_index (gpointer data)
{
  (void) data;
  G_STATIC_ASSERT (G_N_ELEMENTS (phrases) < G_MAXUINT16);
  PhraseIndex *ix = g_new0 (PhraseIndex, 1);
  IndexBuild b = { ix, g_new0 (guint16, PAIR_BUCKETS), g_new0 (guint32, PAIR_BUCKETS) };
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].phrase[0])
      row_pairs (phrases[i].phrase, count_pair, (guint16) i, &b);
  for (guint h = 0; h < PAIR_BUCKETS; h++)
    {
      ix->start[h + 1] += ix->start[h];
      b.fill[h] = ix->start[h];
    }
  ix->rows = g_new (guint16, MAX (ix->start[PAIR_BUCKETS], 1));
  memset (b.last, 0, PAIR_BUCKETS * sizeof (guint16));
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].phrase[0])
      row_pairs (phrases[i].phrase, place_pair, (guint16) i, &b);
  g_free (b.last);
  g_free (b.fill);
  ix->head = g_new0 (guint32, G_N_ELEMENTS (phrases));
  ix->head_mask = g_new0 (guint32, G_N_ELEMENTS (phrases));
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    for (guint q = 0; q < 4 && phrases[i].phrase[q] && phrases[i].phrase[q] != '#'; q++)
      {
        ix->head[i] |= (guint32) (guchar) phrases[i].phrase[q] << (8 * q);
        ix->head_mask[i] |= (guint32) 0xff << (8 * q);
      }
  /* the window: the shortest literal start, capped so that a shift fits a byte */
  gsize m = 200;
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (phrases[i].phrase[0])
      m = MIN (m, strcspn (phrases[i].phrase, "#"));
  ix->window = m >= 3 ? m : 0;
  memset (ix->shift, (int) (m - 1), sizeof ix->shift);
  for (gsize i = 0; i < G_N_ELEMENTS (phrases) && ix->window; i++)
    {
      const guchar *p = (const guchar *) phrases[i].phrase;
      for (gsize q = 1; *p && q < m; q++)
        {
          guint h = shift_slot ((guint) p[q - 1] << 8 | p[q]);
          ix->shift[h] = (guint8) MIN (ix->shift[h], m - 1 - q);
        }
    }
  return ix;
}

static const PhraseIndex *
phrase_index (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_index, NULL);
}

/* Is row a better find than the current best? Boosted rows first, then rank, then
 * the precedence list's order. */
static gboolean
better (const PhraseRow *row, const PhraseRow *best)
{
  if (!best)
    return TRUE;
  if (row->boost != best->boost)
    return row->boost > best->boost;
  guint ra = reasons_rank (row->reason), rb = reasons_rank (best->reason);
  if (ra != rb)
    return ra < rb;
  return precedence_index (row->reason) < precedence_index (best->reason);
}

/* Does phrase occur at t? '#' in it matches one or more digits. */
static gboolean
phrase_at (const char *t, const char *end, const char *phrase)
{
  for (const char *p = phrase; *p; p++)
    {
      if (*p == '#')
        {
          if (t >= end || !g_ascii_isdigit (*t))
            return FALSE;
          while (t < end && g_ascii_isdigit (*t))
            t++;
        }
      else if (t >= end || *t++ != *p)
        return FALSE;
    }
  return TRUE;
}

const char *
reasons_from_folded (const char *folded, gboolean *decisive)
{
  if (decisive)
    *decisive = FALSE;
  if (!folded)
    return NULL;
  const PhraseIndex *ix = phrase_index ();
  const PhraseRow *best = NULL;
  gsize len = strlen (folded);
  const guchar *t = (const guchar *) folded;
  gsize m = ix->window;
  for (gsize e = m ? m - 1 : 0; e < len; e++)
    {
      if (m)
        {
          guint sh = ix->shift[shift_slot ((guint) t[e - 1] << 8 | t[e])];
          if (sh)
            {
              e += sh - 1;
              continue;
            }
        }
      gsize i = m ? e - (m - 1) : e;
      guint pair = (guint) t[i] << 8 | t[i + 1];
      if (!(ix->pairs[pair / 64] >> (pair % 64) & 1))
        continue;
      guint h = pair_bucket (pair);
      guint32 word = 0;
      for (guint q = 0; q < 4 && i + q < len; q++)
        word |= (guint32) t[i + q] << (8 * q);
      for (guint32 k = ix->start[h]; k < ix->start[h + 1]; k++)
        {
          guint r = ix->rows[k];
          const PhraseRow *row = &phrases[r];
          if ((word & ix->head_mask[r]) == ix->head[r]
              && phrase_at (folded + i, folded + len, row->phrase) && better (row, best))
            best = row;
        }
    }
  if (best && decisive)
    *decisive = best->boost > 0;
  return best ? best->reason : NULL;
}

const char *
reasons_from_text (const char *text)
{
  if (!text || !*text)
    return NULL;
  char *folded = reasons_fold_text (text, REASONS_TEXT_MAX);
  const char *found = reasons_from_folded (folded, NULL);
  g_free (folded);
  return found;
}

gboolean
reasons_stock_unknown (const char *folded)
{
  gboolean any = FALSE;
  if (!folded)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      if (strcmp (phrases[i].reason, "userunknown") != 0 || !strstr (folded, phrases[i].phrase))
        continue;
      gboolean stock = FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (stock_unknown) && !stock; k++)
        stock = strcmp (phrases[i].phrase, stock_unknown[k]) == 0;
      if (!stock)
        return FALSE;
      any = TRUE;
    }
  return any;
}
