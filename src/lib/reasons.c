/* reasons.c: the reason vocabulary (reasons.tsv) and the phrase table that reads a
 * reason from diagnostic text.
 *
 * Phrases are lower-case substrings matched against the folded text (reasons_fold_text):
 * no regular expressions, so no input can make matching slow. The first row that
 * matches wins, so rows that must beat others stand earlier: "sender address
 * rejected" before "address rejected", a virus before generic policy words.
 */
#include "reasons.h"

#include <string.h>

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

typedef struct
{
  const char *reason;
  const char *phrase;
} PhraseRow;

/* One row per phrase; first match wins. */
static const PhraseRow phrases[] = {
  /* malware first: such notices also speak of policy and content */
  { "virusdetected", "virus" },
  { "virusdetected", "malware" },
  { "virusdetected", "infected" },
  { "virusdetected", "ransomware" },

  /* sender authentication (SPF, DKIM, DMARC) */
  { "authfailure", "dmarc" },
  { "authfailure", "does not have authentication information" },
  { "authfailure", "unauthenticated email" },
  { "authfailure", "spf check" },
  { "authfailure", "spf validation" },
  { "authfailure", "spf fail" },
  { "authfailure", "spf record" },
  { "authfailure", "sender policy framework" },
  { "authfailure", "dkim" },
  { "authfailure", "not authorized to send on behalf" },
  { "authfailure", "is not designated to send" },
  { "authfailure", "sender authentication failed" },

  /* reverse DNS of the sending host */
  { "requireptr", "reverse dns" },
  { "requireptr", "reverse lookup" },
  { "requireptr", "ptr record" },
  { "requireptr", "no ptr" },
  { "requireptr", "rdns" },
  { "requireptr", "cannot find your hostname" },
  { "requireptr", "cannot find your reverse hostname" },
  { "requireptr", "client host name is unknown" },
  { "requireptr", "ip name lookup failed" },
  { "requireptr", "no reverse" },
  { "requireptr", "reverse hostname" },
  { "requireptr", "hostname does not resolve" },
  { "requireptr", "unresolvable ip" },

  /* relaying */
  { "norelaying", "relay access denied" },
  { "norelaying", "relaying denied" },
  { "norelaying", "relay denied" },
  { "norelaying", "relay not permitted" },
  { "norelaying", "relaying not permitted" },
  { "norelaying", "relaying not allowed" },
  { "norelaying", "relay not allowed" },
  { "norelaying", "not permitted to relay" },
  { "norelaying", "unable to relay" },
  { "norelaying", "we do not relay" },
  { "norelaying", "no relaying" },
  { "norelaying", "not allowed to relay" },
  { "norelaying", "relaying mail to" },
  { "norelaying", "relay prohibited" },
  { "norelaying", "not a gateway" },

  /* malformed message headers */
  { "notcompliantrfc", "rfc 5322" },
  { "notcompliantrfc", "rfc5322" },
  { "notcompliantrfc", "rfc 2822" },
  { "notcompliantrfc", "rfc2822" },
  { "notcompliantrfc", "rfc 822" },
  { "notcompliantrfc", "multiple addresses in from" },
  { "notcompliantrfc", "duplicate header" },
  { "notcompliantrfc", "not rfc compliant" },

  /* sending too fast, too much, too many at once */
  { "speeding", "rate limit" },
  { "speeding", "ratelimit" },
  { "speeding", "rate-limit" },
  { "speeding", "sending rate" },
  { "speeding", "too many messages" },
  { "speeding", "too many emails" },
  { "speeding", "unusual rate" },
  { "speeding", "throttl" },
  { "speeding", "mail flood" },
  { "toomanyconn", "too many connections" },
  { "toomanyconn", "too many concurrent" },
  { "toomanyconn", "too many simultaneous" },
  { "toomanyconn", "too many recipients" },
  { "toomanyconn", "too many sessions" },
  { "toomanyconn", "connection limit" },
  { "toomanyconn", "too many smtp sessions" },
  { "toomanyconn", "exceeded the maximum number of connections" },

  /* reputation and blocklists */
  { "badreputation", "poor reputation" },
  { "badreputation", "low reputation" },
  { "badreputation", "bad reputation" },
  { "badreputation", "sender reputation" },
  { "badreputation", "ip reputation" },
  { "badreputation", "domain reputation" },
  { "blocked", "blacklist" },
  { "blocked", "blocklist" },
  { "blocked", "block list" },
  { "blocked", "black list" },
  { "blocked", "denylist" },
  { "blocked", "spamhaus" },
  { "blocked", "spamcop" },
  { "blocked", "sorbs" },
  { "blocked", "dnsbl" },
  { "blocked", "rbl" },
  { "blocked", "blocked using" },
  { "blocked", "listed at" },
  { "blocked", "listed on" },
  { "blocked", "listed in" },
  { "blocked", "client host rejected" },
  { "blocked", "your ip" },
  { "blocked", "ip address is blocked" },
  { "blocked", "has been blocked" },
  { "blocked", "was blocked" },
  { "blocked", "connection refused by" },
  { "blocked", "banned" },
  { "blocked", "not allowed to send mail" },
  { "blocked", "access denied" },
  { "blocked", "dynamic ip" },
  { "blocked", "dial-up" },
  { "blocked", "dialup" },
  { "blocked", "residential" },

  /* content judged as spam */
  { "spamdetected", "spam" },
  { "spamdetected", "junk mail" },
  { "spamdetected", "unsolicited" },
  { "spamdetected", "bulk mail" },
  { "spamdetected", "bulk e-mail" },
  { "spamdetected", "message content rejected" },
  { "spamdetected", "content rejected" },
  { "spamdetected", "looks like spam" },
  { "spamdetected", "suspicious" },

  /* receiving policy */
  { "policyviolation", "policy violation" },
  { "policyviolation", "violates" },
  { "policyviolation", "prohibited attachment" },
  { "policyviolation", "attachment" },
  { "policyviolation", "file type" },
  { "policyviolation", "executable" },
  { "policyviolation", "not allowed by policy" },
  { "policyviolation", "local policy" },
  { "policyviolation", "policy reasons" },
  { "policyviolation", "security policies" },
  { "policyviolation", "organization's policy" },
  { "policyviolation", "organizational policy" },

  /* sender address refused */
  { "rejected", "sender address rejected" },
  { "rejected", "sender rejected" },
  { "rejected", "sender denied" },
  { "rejected", "sender not allowed" },
  { "rejected", "sender verify failed" },
  { "rejected", "sender verification" },
  { "rejected", "domain of sender address" },
  { "rejected", "sender domain" },
  { "rejected", "envelope sender" },
  { "rejected", "mail from address" },
  { "rejected", "from address" },
  { "rejected", "return path" },
  { "rejected", "invalid sender" },
  { "rejected", "unknown sender" },
  { "rejected", "sender is not" },
  { "rejected", "bad sender" },

  /* the mailbox moved, is disabled, or is full */
  { "hasmoved", "has moved" },
  { "hasmoved", "address has changed" },
  { "hasmoved", "no longer valid" },
  { "suspend", "account disabled" },
  { "suspend", "account has been disabled" },
  { "suspend", "account is disabled" },
  { "suspend", "mailbox disabled" },
  { "suspend", "mailbox is disabled" },
  { "suspend", "mailbox has been disabled" },
  { "suspend", "suspended" },
  { "suspend", "deactivated" },
  { "suspend", "inactive" },
  { "suspend", "not active" },
  { "suspend", "is disabled" },
  { "suspend", "account locked" },
  { "suspend", "account is locked" },
  { "suspend", "frozen" },
  { "suspend", "temporarily disabled" },
  { "suspend", "expired account" },
  { "suspend", "account has expired" },
  { "suspend", "account expired" },
  { "mailboxfull", "mailbox full" },
  { "mailboxfull", "mailbox is full" },
  { "mailboxfull", "mailbox has exceeded" },
  { "mailboxfull", "mailbox size limit" },
  { "mailboxfull", "full mailbox" },
  { "mailboxfull", "over quota" },
  { "mailboxfull", "overquota" },
  { "mailboxfull", "over its quota" },
  { "mailboxfull", "over the quota" },
  { "mailboxfull", "quota exceeded" },
  { "mailboxfull", "exceeded its quota" },
  { "mailboxfull", "exceeds quota" },
  { "mailboxfull", "exceed quota" },
  { "mailboxfull", "quota" },
  { "mailboxfull", "storage allocation" },
  { "mailboxfull", "out of storage" },
  { "mailboxfull", "not enough space" },
  { "mailboxfull", "insufficient space" },
  { "mailboxfull", "mailbox exceeds" },
  { "mailboxfull", "is full" },

  /* size */
  { "exceedlimit", "message length exceeds" },
  { "exceedlimit", "exceeds size limit" },
  { "exceedlimit", "exceeds the size limit" },
  { "exceedlimit", "size limit" },
  { "mesgtoobig", "message too large" },
  { "mesgtoobig", "message too big" },
  { "mesgtoobig", "message is too large" },
  { "mesgtoobig", "message is too big" },
  { "mesgtoobig", "message size exceeds" },
  { "mesgtoobig", "exceeds maximum message size" },
  { "mesgtoobig", "exceeded maximum message size" },
  { "mesgtoobig", "maximum message size" },
  { "mesgtoobig", "too large" },
  { "mesgtoobig", "size exceeds" },

  /* the receiving system */
  { "systemfull", "insufficient system storage" },
  { "systemfull", "system full" },
  { "systemfull", "disk full" },
  { "systemfull", "out of disk" },
  { "notaccept", "does not accept mail" },
  { "notaccept", "accepts no mail" },
  { "notaccept", "not accepting mail" },
  { "notaccept", "null mx" },

  /* domain and host */
  { "hostunknown", "host unknown" },
  { "hostunknown", "unknown host" },
  { "hostunknown", "host not found" },
  { "hostunknown", "domain not found" },
  { "hostunknown", "no such domain" },
  { "hostunknown", "domain does not exist" },
  { "hostunknown", "domain name not found" },
  { "hostunknown", "unrouteable address" },
  { "hostunknown", "unroutable address" },
  { "hostunknown", "name or service not known" },
  { "hostunknown", "host or domain name not found" },
  { "hostunknown", "no mx record" },
  { "hostunknown", "nxdomain" },
  { "hostunknown", "unknown domain" },
  { "hostunknown", "domain is not valid" },
  { "hostunknown", "recipient domain" },

  /* the mailbox does not exist */
  { "userunknown", "user unknown" },
  { "userunknown", "unknown user" },
  { "userunknown", "no such user" },
  { "userunknown", "user not found" },
  { "userunknown", "user doesn't exist" },
  { "userunknown", "user does not exist" },
  { "userunknown", "unknown recipient" },
  { "userunknown", "recipient unknown" },
  { "userunknown", "recipient not found" },
  { "userunknown", "no such recipient" },
  { "userunknown", "invalid recipient" },
  { "userunknown", "recipient address rejected" },
  { "userunknown", "mailbox not found" },
  { "userunknown", "mailbox unavailable" },
  { "userunknown", "mailbox does not exist" },
  { "userunknown", "no such mailbox" },
  { "userunknown", "no mailbox" },
  { "userunknown", "invalid mailbox" },
  { "userunknown", "not a valid mailbox" },
  { "userunknown", "mailbox is unavailable" },
  { "userunknown", "account does not exist" },
  { "userunknown", "address does not exist" },
  { "userunknown", "address not found" },
  { "userunknown", "addressee unknown" },
  { "userunknown", "unknown address" },
  { "userunknown", "invalid address" },
  { "userunknown", "unknown local part" },
  { "userunknown", "bad destination mailbox" },
  { "userunknown", "not our customer" },
  { "userunknown", "does not exist" },
  { "userunknown", "no longer" },
  { "userunknown", "unknown or illegal alias" },
  { "userunknown", "not listed in" },
  { "userunknown", "no valid recipients" },

  /* local delivery programs */
  { "mailererror", "mailer error" },
  { "mailererror", "procmail" },
  { "mailererror", "command failed" },
  { "mailererror", "command died" },
  { "mailererror", "pipe to |" },
  { "mailererror", "exit code" },
  { "mailererror", "exited with" },
  { "mailererror", "unknown mailer error" },

  /* giving up after retries */
  { "expired", "delivery time expired" },
  { "expired", "retry timeout exceeded" },
  { "expired", "retry time not reached" },
  { "expired", "has expired" },
  { "expired", "message expired" },
  { "expired", "queue too long" },
  { "expired", "in the queue too long" },
  { "expired", "could not be delivered within" },
  { "expired", "giving up" },
  { "expired", "was not delivered after" },
  { "expired", "delivery attempts will continue" },

  /* network and routing */
  { "networkerror", "mail loop" },
  { "networkerror", "loop detected" },
  { "networkerror", "loops back to myself" },
  { "networkerror", "routing loop" },
  { "networkerror", "too many hops" },
  { "networkerror", "hop count" },
  { "networkerror", "connection refused" },
  { "networkerror", "connection timed out" },
  { "networkerror", "connection reset" },
  { "networkerror", "lost connection" },
  { "networkerror", "no route to host" },
  { "networkerror", "network is unreachable" },
  { "networkerror", "unable to connect" },
  { "networkerror", "could not connect" },
  { "networkerror", "timed out" },
  { "networkerror", "dns error" },
  { "networkerror", "name server" },
  { "networkerror", "temporary lookup failure" },

  /* security requirements of the transport */
  { "securityerror", "starttls" },
  { "securityerror", "tls required" },
  { "securityerror", "encryption required" },
  { "securityerror", "must issue a starttls" },
  { "securityerror", "authentication required" },
  { "securityerror", "certificate" },

  /* protocol */
  { "syntaxerror", "syntax error" },
  { "syntaxerror", "command unrecognized" },
  { "syntaxerror", "bad sequence" },
  { "syntaxerror", "command not implemented" },
  { "syntaxerror", "line too long" },

  /* content that is not acceptable, without being spam */
  { "contenterror", "invalid header" },
  { "contenterror", "header error" },
  { "contenterror", "malformed" },
  { "contenterror", "8-bit" },
  { "contenterror", "8bit" },
  { "contenterror", "content type" },
  { "contenterror", "mime" },

  /* the receiving system failed */
  { "systemerror", "system error" },
  { "systemerror", "internal error" },
  { "systemerror", "server error" },
  { "systemerror", "local error" },
  { "systemerror", "local problem" },
  { "systemerror", "i/o error" },
  { "systemerror", "temporary failure" },
  { "systemerror", "temporarily unavailable" },
  { "systemerror", "system not accepting" },

  /* the recipient's side refused it */
  { "filtered", "filtered" },
  { "filtered", "content filter" },
  { "filtered", "rejected by recipient" },
  { "filtered", "recipient rejected" },
  { "filtered", "refused by" },
  { "filtered", "delivery not authorized" },
  { "filtered", "not authorized" },
  { "filtered", "doesn't accept mail from" },
  { "filtered", "does not accept mail from" },
  { "filtered", "restricted" },
  { "filtered", "not allowed" },
  { "filtered", "permission denied" },
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

char *
reasons_fold_text (const char *text, gsize max)
{
  GString *s = g_string_sized_new (128);
  gboolean space = TRUE;
  for (gsize i = 0; text && text[i] && i < max; i++)
    {
      char c = text[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        {
          if (!space)
            g_string_append_c (s, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_c (s, g_ascii_tolower (c));
      space = FALSE;
    }
  return g_string_free (s, FALSE);
}

const char *
reasons_from_text (const char *text)
{
  if (!text || !*text)
    return NULL;
  char *folded = reasons_fold_text (text, REASONS_TEXT_MAX);
  const char *found = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (phrases) && !found; i++)
    if (strstr (folded, phrases[i].phrase))
      found = phrases[i].reason;
  g_free (folded);
  return found;
}
