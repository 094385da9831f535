/* topic-table.c: the topics' words and rules, as data (topics.h explains how they
 * are read). Words are lower-case, as wordings_fold writes them. A subject is one
 * word, compared whole (without its quotes, brackets, trailing punctuation or
 * "'s": the placeholder "<ip>" of an IP address is the word "ip"); a state is
 * one or more words, compared whole.
 *
 * The rules pair what RFC 3463 (and the reason vocabulary, reasons.tsv) define
 * in these terms: each cites the code description or the definition that says
 * "this thing, in this state, is this reason". A pair nobody defines is no rule:
 * a "rejected" recipient or a "blocked" account say nothing certain. The third
 * column is the RFC 3463 subject (the X.n.x) of the codes that report the reason.
 */
#include "topics.h"

/* a word of English: no language tag, no source (topics.h) */
#define EN NULL, NULL

const TopicSubject topic_subjects[] = {
  { "user", SUBJECT_USER, EN },
  { "username", SUBJECT_USER, EN },
  { "recipient", SUBJECT_USER, EN },
  { "addressee", SUBJECT_USER, EN },
  { "address", SUBJECT_ADDRESS, EN },
  { "mailbox", SUBJECT_MAILBOX, EN },
  { "mailfolder", SUBJECT_MAILBOX, EN },
  { "inbox", SUBJECT_MAILBOX, EN },
  { "account", SUBJECT_MAILBOX, EN },
  { "quota", SUBJECT_QUOTA, EN },
  { "storage", SUBJECT_QUOTA, EN },
  { "message", SUBJECT_MESSAGE, EN },
  { "mail", SUBJECT_MESSAGE, EN },
  { "email", SUBJECT_MESSAGE, EN },
  { "domain", SUBJECT_DOMAIN, EN },
  { "host", SUBJECT_HOST, EN },
  { "hostname", SUBJECT_HOST, EN },
  { "connection", SUBJECT_CONNECTION, EN },
  { "connect", SUBJECT_CONNECTION, EN },
  { "route", SUBJECT_CONNECTION, EN },
  { "network", SUBJECT_CONNECTION, EN },
  { "sender", SUBJECT_SENDER, EN },
  { "originator", SUBJECT_SENDER, EN },
  { "ip", SUBJECT_CLIENT, EN },
  { "client", SUBJECT_CLIENT, EN },
  { "relay", SUBJECT_RELAY, EN },
  { "relaying", SUBJECT_RELAY, EN },
  { "spam", SUBJECT_SPAM, EN },
  { "virus", SUBJECT_VIRUS, EN },
  { "malware", SUBJECT_VIRUS, EN },
  { "rate", SUBJECT_RATE, EN },
  { "policy", SUBJECT_POLICY, EN },
  { "retries", SUBJECT_RETRY, EN },
  { "retry", SUBJECT_RETRY, EN },
  { "attempts", SUBJECT_RETRY, EN },
  { "tries", SUBJECT_RETRY, EN },
  { "connections", SUBJECT_MANY, EN },
  { "recipients", SUBJECT_MANY, EN },
};
const gsize topic_subjects_size = G_N_ELEMENTS (topic_subjects);

/* any word written as a domain name (topics.c) */
const TopicSubject topic_domain_name = { "<domain name>", SUBJECT_DOMAIN, EN };

const TopicState topic_states[] = {
  { "does not exist", STATE_MISSING, EN },
  { "doesn't exist", STATE_MISSING, EN },
  { "do not exist", STATE_MISSING, EN },
  { "not exist", STATE_MISSING, EN },
  { "no longer exists", STATE_MISSING, EN },
  { "not found", STATE_MISSING, EN },
  { "could not be found", STATE_MISSING, EN },
  { "couldn't be found", STATE_MISSING, EN },
  { "cannot be found", STATE_MISSING, EN },
  { "can't be found", STATE_MISSING, EN },
  { "not known", STATE_MISSING, EN },
  { "unknown", STATE_MISSING, EN },
  { "no such", STATE_MISSING, EN },
  { "non-existent", STATE_MISSING, EN },
  { "not listed", STATE_MISSING, EN },
  { "invalid", STATE_INVALID, EN },
  { "not valid", STATE_INVALID, EN },
  { "not a valid", STATE_INVALID, EN },
  { "full", STATE_FULL, EN },
  { "exceeded", STATE_EXCEEDED, EN },
  { "exceeds", STATE_EXCEEDED, EN },
  { "exceed", STATE_EXCEEDED, EN },
  { "exceeding", STATE_EXCEEDED, EN },
  { "too big", STATE_TOO_BIG, EN },
  { "too large", STATE_TOO_BIG, EN },
  { "disabled", STATE_DISABLED, EN },
  { "suspended", STATE_DISABLED, EN },
  { "deactivated", STATE_DISABLED, EN },
  { "inactive", STATE_DISABLED, EN },
  { "frozen", STATE_DISABLED, EN },
  { "expired", STATE_DISABLED, EN }, /* an account's; a message's or a delivery's
                                    is no rule's */
  { "unreachable", STATE_UNREACHABLE, EN },
  { "not reachable", STATE_UNREACHABLE, EN },
  { "timed out", STATE_UNREACHABLE, EN },
  { "rejected", STATE_REFUSED, EN },
  { "refused", STATE_REFUSED, EN },
  { "denied", STATE_REFUSED, EN },
  { "did not accept", STATE_REFUSED, EN },
  { "does not accept", STATE_REFUSED, EN },
  { "not accepted", STATE_REFUSED, EN },
  { "blocked", STATE_BARRED, EN },
  { "not allowed", STATE_BARRED, EN },
  { "not permitted", STATE_BARRED, EN },
  { "prohibited", STATE_BARRED, EN },
  { "blacklisted", STATE_BARRED, EN },
  { "blocklisted", STATE_BARRED, EN },
  { "listed", STATE_BARRED, EN },
  { "detected", STATE_DETECTED, EN },
  { "identified as", STATE_DETECTED, EN },
  { "classified as", STATE_DETECTED, EN },
  { "considered", STATE_DETECTED, EN },
  { "suspected", STATE_DETECTED, EN },
  { "found", STATE_DETECTED, EN },
  { "too many", STATE_TOO_MANY, EN },
  { "giving up", STATE_GAVE_UP, EN },
  { "gave up", STATE_GAVE_UP, EN },
  { "exhausted", STATE_GAVE_UP, EN },
  { "failed", STATE_FAILED, EN },
};
const gsize topic_states_size = G_N_ELEMENTS (topic_states);

#define DEF(reason) "def reasons.tsv " reason

const TopicRule topic_rules[] = {
  /* X.1.1 "Bad destination mailbox address: the mailbox specified in the address
   * does not exist" */
  { SUBJECT_USER, STATE_MISSING, REASON_USERUNKNOWN, 1, "rfc 3463 § 3.2 X.1.1" },
  { SUBJECT_ADDRESS, STATE_MISSING, REASON_USERUNKNOWN, 1, "rfc 3463 § 3.2 X.1.1" },
  { SUBJECT_MAILBOX, STATE_MISSING, REASON_USERUNKNOWN, 1, "rfc 3463 § 3.2 X.1.1" },
  { SUBJECT_USER, STATE_INVALID, REASON_USERUNKNOWN, 1, "rfc 3463 § 3.2 X.1.1" },
  { SUBJECT_ADDRESS, STATE_INVALID, REASON_USERUNKNOWN, 1, "rfc 3463 § 3.2 X.1.1" },
  /* X.1.2 "Bad destination system address: the destination system specified in
   * the address does not exist" */
  { SUBJECT_DOMAIN, STATE_MISSING, REASON_HOSTUNKNOWN, 1, "rfc 3463 § 3.2 X.1.2" },
  { SUBJECT_HOST, STATE_MISSING, REASON_HOSTUNKNOWN, 1, "rfc 3463 § 3.2 X.1.2" },
  /* X.1.7, X.1.8 "Bad sender's mailbox address syntax", "Bad sender's system
   * address"; rejected: "the envelope sender or its domain is refused" */
  { SUBJECT_SENDER, STATE_MISSING, REASON_REJECTED, 1, "rfc 3463 § 3.2 X.1.8" },
  { SUBJECT_SENDER, STATE_INVALID, REASON_REJECTED, 1, "rfc 3463 § 3.2 X.1.7" },
  { SUBJECT_SENDER, STATE_REFUSED, REASON_REJECTED, 7, DEF ("rejected") },
  { SUBJECT_SENDER, STATE_BARRED, REASON_REJECTED, 7, DEF ("rejected") },
  /* X.2.1 "Mailbox disabled, not accepting messages" */
  { SUBJECT_USER, STATE_DISABLED, REASON_SUSPEND, 2, "rfc 3463 § 3.3 X.2.1" },
  { SUBJECT_MAILBOX, STATE_DISABLED, REASON_SUSPEND, 2, "rfc 3463 § 3.3 X.2.1" },
  /* X.2.2 "Mailbox full: the mailbox is full because the user has exceeded a
   * per-mailbox administrative quota or physical capacity" */
  { SUBJECT_MAILBOX, STATE_FULL, REASON_MAILBOXFULL, 2, "rfc 3463 § 3.3 X.2.2" },
  { SUBJECT_MAILBOX, STATE_EXCEEDED, REASON_MAILBOXFULL, 2, "rfc 3463 § 3.3 X.2.2" },
  { SUBJECT_QUOTA, STATE_FULL, REASON_MAILBOXFULL, 2, "rfc 3463 § 3.3 X.2.2" },
  { SUBJECT_QUOTA, STATE_EXCEEDED, REASON_MAILBOXFULL, 2, "rfc 3463 § 3.3 X.2.2" },
  /* X.3.4 "Message too big for system" */
  { SUBJECT_MESSAGE, STATE_TOO_BIG, REASON_MESGTOOBIG, 3, "rfc 3463 § 3.4 X.3.4" },
  { SUBJECT_MESSAGE, STATE_EXCEEDED, REASON_MESGTOOBIG, 3, "rfc 3463 § 3.4 X.3.4" },
  /* X.4.1 "No answer from host", X.4.2 "Bad connection" */
  { SUBJECT_DOMAIN, STATE_UNREACHABLE, REASON_NETWORKERROR, 4, "rfc 3463 § 3.5 X.4.1" },
  { SUBJECT_HOST, STATE_UNREACHABLE, REASON_NETWORKERROR, 4, "rfc 3463 § 3.5 X.4.1" },
  { SUBJECT_CONNECTION, STATE_UNREACHABLE, REASON_NETWORKERROR, 4, "rfc 3463 § 3.5 X.4.2" },
  /* X.4.1 "... the remote system was busy, or otherwise unable to take a call" */
  { SUBJECT_CONNECTION, STATE_REFUSED, REASON_NETWORKERROR, 4, "rfc 3463 § 3.5 X.4.1" },
  { SUBJECT_CONNECTION, STATE_FAILED, REASON_NETWORKERROR, 4, "rfc 3463 § 3.5 X.4.2" },
  /* blocked: "the sending host or IP is refused: blocklists, connection-level
   * blocks" */
  { SUBJECT_CLIENT, STATE_REFUSED, REASON_BLOCKED, 7, DEF ("blocked") },
  { SUBJECT_CLIENT, STATE_BARRED, REASON_BLOCKED, 7, DEF ("blocked") },
  /* a host that refuses may be the receiver ("remote host refused the
   * connection"); a host barred is the one sending */
  { SUBJECT_HOST, STATE_BARRED, REASON_BLOCKED, 7, DEF ("blocked") },
  /* X.7.1 relay wording; norelaying: "relaying is denied" */
  { SUBJECT_RELAY, STATE_REFUSED, REASON_NORELAYING, 7, DEF ("norelaying") },
  { SUBJECT_RELAY, STATE_BARRED, REASON_NORELAYING, 7, DEF ("norelaying") },
  /* policyviolation: "the message violates a receiving policy" */
  { SUBJECT_POLICY, STATE_REFUSED, REASON_POLICYVIOLATION, 7, DEF ("policyviolation") },
  { SUBJECT_POLICY, STATE_BARRED, REASON_POLICYVIOLATION, 7, DEF ("policyviolation") },
  /* spamdetected: "the message content was judged to be spam" */
  { SUBJECT_SPAM, STATE_DETECTED, REASON_SPAMDETECTED, 7, DEF ("spamdetected") },
  { SUBJECT_SPAM, STATE_REFUSED, REASON_SPAMDETECTED, 7, DEF ("spamdetected") },
  { SUBJECT_SPAM, STATE_BARRED, REASON_SPAMDETECTED, 7, DEF ("spamdetected") },
  /* X.7.0 with malware wording; virusdetected: "judged to carry malware" */
  { SUBJECT_VIRUS, STATE_DETECTED, REASON_VIRUSDETECTED, 7, DEF ("virusdetected") },
  /* speeding: "rate limited for sending too fast or too much" */
  { SUBJECT_RATE, STATE_EXCEEDED, REASON_SPEEDING, 7, DEF ("speeding") },
  /* expired: "the sending side gave up after retrying too long" (no cause:
   * classify.c reads it as giving up) */
  { SUBJECT_RETRY, STATE_GAVE_UP, REASON_EXPIRED, 4, DEF ("expired") },
  { SUBJECT_RETRY, STATE_EXCEEDED, REASON_EXPIRED, 4, DEF ("expired") },
  { SUBJECT_RETRY, STATE_FAILED, REASON_EXPIRED, 4, DEF ("expired") },
  { SUBJECT_RETRY, STATE_TOO_MANY, REASON_EXPIRED, 4, DEF ("expired") },
  /* X.3.2 wording, 5.5.3 "Too many recipients"; toomanyconn: "too many
   * connections or recipients at once" */
  { SUBJECT_MANY, STATE_TOO_MANY, REASON_TOOMANYCONN, 5, "rfc 3463 § 3.6 X.5.3" },
};
const gsize topic_rules_size = G_N_ELEMENTS (topic_rules);
