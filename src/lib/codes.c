/* codes.c: the classification table of status codes, as data.
 *
 * Three tables, one row per fact: enhanced status code details (IANA registry,
 * RFC 3463 and updates, plus provider extensions), SMTP reply codes (RFC 5321 and
 * extensions, plus the non-standard ones senders meet), and the vendor forms of
 * the seeds (dotless enhanced codes, the pseudo-code 911). The reason column is
 * the default reason a code implies; NULL means the code is too generic and the
 * diagnostic text has to decide (see classify.c).
 */
#include "codes.h"

#include <string.h>

/* Enhanced status codes, keyed by "S.D" (subject.detail); the class digit is
 * separate because the registry defines details for every class alike. */
static const CodeRow enhanced_rows[] = {
  /* subject 0: other */
  { "0.0", "Other undefined status", REASON_NONE, NULL },
  /* subject 1: addressing */
  { "1.0", "Other address status", REASON_NONE, NULL },
  { "1.1", "Bad destination mailbox address", REASON_USERUNKNOWN, NULL },
  { "1.2", "Bad destination system address", REASON_HOSTUNKNOWN, NULL },
  { "1.3", "Bad destination mailbox address syntax", REASON_USERUNKNOWN, NULL },
  { "1.4", "Destination mailbox address ambiguous", REASON_USERUNKNOWN, NULL },
  { "1.5", "Destination address valid", REASON_NONE, NULL },
  { "1.6", "Destination mailbox has moved, no forwarding address", REASON_HASMOVED, NULL },
  { "1.7", "Bad sender's mailbox address syntax", REASON_REJECTED, NULL },
  { "1.8", "Bad sender's system address", REASON_REJECTED, NULL },
  { "1.9", "Message relayed to non-compliant mailer", REASON_NONE, NULL },
  { "1.10", "Recipient address has null MX", REASON_NOTACCEPT, NULL },
  /* Microsoft Exchange Online: recipient not found by directory lookup */
  { "1.351", "Recipient address rejected: access denied or not found (Exchange)", REASON_USERUNKNOWN,
    "Microsoft Exchange extension, not in the IANA registry" },
  /* Microsoft Exchange Online: the sender's own daily recipient limit; says nothing of
   * the recipient ("Email non-delivery reports and SMTP errors in Exchange Online",
   * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online) */
  { "1.90", "Sender's daily limit for message recipients reached (Microsoft)", REASON_SPEEDING,
    "Microsoft extension, not in the IANA registry; a sender-side limit, never a hard bounce" },
  /* subject 2: mailbox */
  { "2.0", "Other or undefined mailbox status", REASON_NONE, NULL },
  { "2.1", "Mailbox disabled, not accepting messages", REASON_SUSPEND, NULL },
  { "2.2", "Mailbox full", REASON_MAILBOXFULL,
    "a full mailbox can empty: a soft bounce in either class" },
  { "2.3", "Message length exceeds administrative limit", REASON_EXCEEDLIMIT, NULL },
  { "2.4", "Mailing list expansion problem", REASON_SYSTEMERROR, NULL },
  { "2.121", "Recipient's per-hour receive limit from this sender exceeded (Microsoft)", REASON_SPEEDING,
    "Microsoft extension (also 5.2.122), not in the IANA registry" },
  { "2.122", "Recipient's per-hour receive limit exceeded (Microsoft)", REASON_SPEEDING,
    "Microsoft extension, not in the IANA registry" },
  /* subject 3: mail system */
  { "3.0", "Other or undefined mail system status", REASON_NONE, NULL },
  { "3.1", "Mail system full", REASON_SYSTEMFULL, NULL },
  /* a host not taking mail now (RFC 3463: imminent shutdown, excessive load,
   * maintenance); reasons.tsv names the X.3.2 wording under toomanyconn, and keeps
   * notaccept for a destination that takes no mail at all */
  { "3.2", "System not accepting network messages", REASON_TOOMANYCONN, NULL },
  { "3.3", "System not capable of selected features", REASON_SYSTEMERROR, NULL },
  { "3.4", "Message too big for system", REASON_MESGTOOBIG, NULL },
  { "3.5", "System incorrectly configured", REASON_SYSTEMERROR, NULL },
  { "3.6", "Requested priority was changed", REASON_NONE, NULL },
  { "3.190", "Journaling on-premises messages not supported while Journaling Archive is disabled "
    "(Microsoft)", REASON_POLICYVIOLATION, "Microsoft extension, not in the IANA registry" },
  /* subject 4: network and routing */
  { "4.0", "Other or undefined network or routing status", REASON_NETWORKERROR, NULL },
  { "4.1", "No answer from host", REASON_NETWORKERROR, NULL },
  { "4.2", "Bad connection", REASON_NETWORKERROR, NULL },
  /* a directory server is "usually DNS" (RFC 3463 § 3.5's examples): a DNS
   * problem on the way, networkerror; a receiver's own directory (LDAP) unreachable
   * is its internal failure, which its words say (the wording table) */
  { "4.3", "Directory server failure", REASON_NETWORKERROR, NULL },
  { "4.4", "Unable to route", REASON_HOSTUNKNOWN, NULL },
  { "4.5", "Mail system congestion", REASON_NETWORKERROR, NULL },
  { "4.6", "Routing loop detected", REASON_NETWORKERROR, NULL },
  { "4.7", "Delivery time expired", REASON_EXPIRED, NULL },
  { "4.14", "Hop count exceeded, possible mail loop", REASON_NETWORKERROR,
    "provider extension (Exchange), not in the IANA registry" },
  { "4.312", "DNS query failed (Exchange)", REASON_NETWORKERROR,
    "Microsoft Exchange extension, not in the IANA registry" },
  { "4.316", "Message expired, connection refused (Exchange)", REASON_EXPIRED,
    "Microsoft Exchange extension, not in the IANA registry" },
  { "4.300", "Message expired (Exchange)", REASON_EXPIRED,
    "Microsoft Exchange extension, not in the IANA registry" },
  { "4.8", "MX hosts failed MTA-STS validation (Microsoft)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  /* subject 5: mail delivery protocol */
  { "5.0", "Other or undefined protocol status", REASON_NONE, NULL },
  { "5.1", "Invalid command", REASON_SYNTAXERROR, NULL },
  { "5.2", "Syntax error", REASON_SYNTAXERROR, NULL },
  { "5.3", "Too many recipients", REASON_TOOMANYCONN, NULL },
  { "5.4", "Invalid command arguments", REASON_SYNTAXERROR, NULL },
  { "5.5", "Wrong protocol version", REASON_SYNTAXERROR, NULL },
  { "5.6", "Authentication exchange line is too long", REASON_SYNTAXERROR, NULL },
  /* subject 6: content and media */
  { "6.0", "Other or undefined media error", REASON_CONTENTERROR, NULL },
  { "6.1", "Media not supported", REASON_CONTENTERROR, NULL },
  { "6.2", "Conversion required and prohibited", REASON_CONTENTERROR, NULL },
  { "6.3", "Conversion required but not supported", REASON_CONTENTERROR, NULL },
  { "6.4", "Conversion with loss performed", REASON_CONTENTERROR, NULL },
  { "6.5", "Conversion failed", REASON_CONTENTERROR, NULL },
  { "6.6", "Message content not available", REASON_CONTENTERROR, NULL },
  { "6.7", "Non-ASCII addresses not permitted for that sender/recipient", REASON_CONTENTERROR, NULL },
  { "6.8", "UTF-8 string reply is required, but not permitted by the SMTP client", REASON_CONTENTERROR,
    NULL },
  { "6.9", "UTF-8 header message cannot be transferred to one or more recipients", REASON_CONTENTERROR,
    NULL },
  { "6.10", "UTF-8 string reply is required, but not permitted by the SMTP client", REASON_CONTENTERROR,
    "deprecated duplicate of X.6.8" },
  { "6.11", "Invalid characters: bare line feeds in the message (Microsoft)", REASON_CONTENTERROR,
    "Microsoft extension, not in the IANA registry" },
  /* subject 7: security and policy */
  { "7.0", "Other or undefined security status", REASON_NONE, NULL },
  { "7.1", "Delivery not authorized, message refused", REASON_NONE, NULL },
  { "7.2", "Mailing list expansion prohibited", REASON_FILTERED, NULL },
  { "7.3", "Security conversion required but not possible", REASON_SECURITYERROR, NULL },
  { "7.4", "Security features not supported", REASON_SECURITYERROR, NULL },
  { "7.5", "Cryptographic failure", REASON_SECURITYERROR,
    "also listed by some providers as \"authentication required\"" },
  { "7.6", "Cryptographic algorithm not supported", REASON_SECURITYERROR, NULL },
  { "7.7", "Message integrity failure", REASON_SECURITYERROR, NULL },
  { "7.8", "Authentication credentials invalid", REASON_SECURITYERROR, NULL },
  { "7.9", "Authentication mechanism is too weak", REASON_NONE,
    "an AUTH-time reply in the registry; in bounces providers (Yahoo, AOL) use 5.7.9 for "
    "policy refusals, so the text decides" },
  { "7.10", "Encryption needed", REASON_SECURITYERROR, NULL },
  { "7.11", "Encryption required for requested authentication mechanism", REASON_SECURITYERROR, NULL },
  { "7.12", "A password transition is needed", REASON_SECURITYERROR, NULL },
  { "7.13", "User account disabled", REASON_SUSPEND,
    "some providers' tables list it as \"DKIM signing required\"; the registry's meaning is kept" },
  { "7.14", "Trust relationship required", REASON_SECURITYERROR,
    "some providers' tables list it as \"DKIM verification failed\"; the registry's meaning is kept" },
  { "7.15", "Priority level is too low", REASON_POLICYVIOLATION, NULL },
  { "7.16", "Message is too big for the specified priority", REASON_MESGTOOBIG, NULL },
  { "7.17", "Mailbox owner has changed", REASON_HASMOVED, NULL },
  { "7.18", "Domain owner has changed", REASON_HASMOVED, NULL },
  { "7.19", "RRVS test cannot be completed", REASON_SECURITYERROR, NULL },
  { "7.20", "No passing DKIM signature found", REASON_AUTHFAILURE, NULL },
  { "7.21", "No acceptable DKIM signature found", REASON_AUTHFAILURE, NULL },
  { "7.22", "No valid author-matched DKIM signature found", REASON_AUTHFAILURE, NULL },
  { "7.23", "SPF validation failed", REASON_AUTHFAILURE, NULL },
  { "7.24", "SPF validation error", REASON_AUTHFAILURE, NULL },
  { "7.25", "Reverse DNS validation failed", REASON_REQUIREPTR, NULL },
  { "7.26", "Multiple authentication checks failed (DMARC)", REASON_AUTHFAILURE, NULL },
  /* RFC 7505: the sender's domain publishes a null MX, so a notice could
   * not be returned; the envelope sender is refused, the recipient untouched */
  { "7.27", "Sender address has null MX", REASON_REJECTED, NULL },
  { "7.28", "Mail flood detected", REASON_SPEEDING, NULL },
  { "7.29", "ARC validation failure", REASON_AUTHFAILURE, NULL },
  { "7.30", "REQUIRETLS support required", REASON_SECURITYERROR, NULL },
  /* Microsoft Exchange Online / Outlook.com policy extensions, as listed by
   * "Email non-delivery reports and SMTP errors in Exchange Online"
   * (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online),
   * 5.7.520 by "Configuring and controlling external email forwarding in Microsoft 365"
   * (https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding),
   * 5.7.900-5.7.999 by "DSNs and NDRs in Exchange Server"
   * (https://learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-messages).
   * The transient 4.7.500-4.7.699 and 4.7.850-4.7.899 are in class_rows below. */
  { "7.57", "Client was not authenticated to send anonymous mail (Microsoft)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.64", "Relay access denied by the tenant (Microsoft)", REASON_NORELAYING,
    "Microsoft extension, not in the IANA registry" },
  { "7.54", "Unable to relay recipient in non-accepted domain (Microsoft)", REASON_NORELAYING,
    "Microsoft extension, not in the IANA registry" },
  { "7.124", "Sender not in the group's allowed-senders list (Microsoft)", REASON_FILTERED,
    "Microsoft extension, not in the IANA registry" },
  { "7.133", "Sender not authenticated for group (Microsoft)", REASON_FILTERED,
    "Microsoft extension, not in the IANA registry" },
  { "7.134", "Sender was not authenticated for mailbox (Microsoft)", REASON_FILTERED,
    "Microsoft extension, not in the IANA registry" },
  { "7.135", "Sender was not authenticated for public folder (Microsoft)", REASON_FILTERED,
    "Microsoft extension, not in the IANA registry" },
  { "7.136", "Sender was not authenticated for mail user (Microsoft)", REASON_FILTERED,
    "Microsoft extension, not in the IANA registry" },
  { "7.321", "Destination mail server must support TLS (Microsoft, DANE)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.322", "Destination mail server's certificate is expired (Microsoft, DANE)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.323", "Domain failed DANE validation (Microsoft)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.324", "Destination domain returned invalid DNSSEC records (Microsoft)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.325", "Remote certificate does not match the host name (Microsoft, DANE)", REASON_SECURITYERROR,
    "Microsoft extension, not in the IANA registry" },
  { "7.501", "Access denied, spam abuse detected (Microsoft)", REASON_SPAMDETECTED,
    "Microsoft extension, not in the IANA registry" },
  { "7.502", "Access denied, banned sender: sending account banned for spam (Microsoft)",
    REASON_REJECTED, "Microsoft extension (also 5.7.503), not in the IANA registry" },
  { "7.503", "Access denied, banned sender: sending account banned for spam (Microsoft)",
    REASON_REJECTED, "Microsoft extension (also 5.7.502), not in the IANA registry" },
  { "7.504", "Recipient address rejected: access denied, the address is not valid (Microsoft)",
    REASON_USERUNKNOWN, "Microsoft extension, not in the IANA registry" },
  { "7.505", "Access denied, banned recipient: the recipient is not valid (Microsoft)",
    REASON_USERUNKNOWN, "Microsoft extension, not in the IANA registry" },
  { "7.506", "Access denied, bad HELO (Microsoft)", REASON_BLOCKED,
    "Microsoft extension, not in the IANA registry" },
  { "7.507", "Access denied, the sending IP is blocked by the recipient's organization (Microsoft)",
    REASON_BLOCKED, "Microsoft extension, not in the IANA registry" },
  { "7.508", "Access denied, the sending IP range has exceeded permitted limits (Microsoft)",
    REASON_SPEEDING, "Microsoft extension, not in the IANA registry" },
  { "7.509", "Access denied, sending domain does not pass DMARC verification (Microsoft)",
    REASON_AUTHFAILURE, "Microsoft extension, not in the IANA registry" },
  { "7.510", "Access denied, the recipient's domain does not accept email over IPv6 (Microsoft)",
    REASON_NETWORKERROR, "Microsoft extension, not in the IANA registry" },
  { "7.520", "Access denied, the organization does not allow external forwarding (Microsoft)",
    REASON_POLICYVIOLATION, "Microsoft extension, not in the IANA registry; the sender's tenant "
    "refuses to forward, nothing is said of the recipient" },
  { "7.606", "Access denied, banned sending IP (Microsoft)", REASON_BLOCKED,
    "Microsoft extension (5.7.606-5.7.649), not in the IANA registry" },
  { "7.650", "Access denied, sending IP has a poor reputation (Microsoft)", REASON_BADREPUTATION,
    "Microsoft extension, not in the IANA registry" },
  { "7.511", "Access denied, banned sender (Microsoft)", REASON_BLOCKED,
    "Microsoft extension, not in the IANA registry" },
  { "7.512", "Access denied, message must be RFC 5322 section 3.6.2 compliant (Microsoft)",
    REASON_NOTCOMPLIANTRFC, "Microsoft extension, not in the IANA registry" },
  { "7.513", "Service unavailable, client host blocked by the recipient's block list (Microsoft)",
    REASON_BLOCKED, "Microsoft extension, not in the IANA registry" },
  { "7.700", "Access denied, the sending tenant or IP is blocked or over a threshold (Microsoft)",
    REASON_BLOCKED, "Microsoft extension (5.7.700-5.7.749), not in the IANA registry" },
  { "7.703", "Recipient blocked by the sender's organization using the Tenant Allow/Block List "
    "(Microsoft)", REASON_POLICYVIOLATION, "Microsoft extension, not in the IANA registry" },
  { "7.750", "Service unavailable, client blocked from sending from unregistered domains (Microsoft)",
    REASON_BLOCKED, "Microsoft extension, not in the IANA registry" },
  { "7.800", "Access denied, banned sender: the sender domain is banned for spam (Microsoft)",
    REASON_REJECTED, "Microsoft extension, not in the IANA registry" },
  { "7.900", "Delivery not authorized, message refused by a mail flow rule (Exchange)",
    REASON_POLICYVIOLATION, "Microsoft Exchange extension (5.7.900-5.7.999), not in the IANA registry" },
};

/* Rows whose meaning holds in one class only, keyed by the whole code. Microsoft's
 * 4.7.500-4.7.699 and 4.7.850-4.7.899 are transient throttles of the connecting IP,
 * while its 5.7.5xx and 5.7.6xx say other things (listed in the Exchange Online page
 * cited above). A throttle of the IP for what the receiver makes of its traffic is
 * badreputation's "reputation throttling" (reasons.tsv); the words may say more
 * ("Server busy", the receiver row of its ASxxx page: speeding). */
static const CodeRow class_rows[] = {
  { "4.7.500", "Access denied, please try again later: the sending IP is throttled (Microsoft)",
    REASON_BADREPUTATION, "Microsoft extension (4.7.500-4.7.699), not in the IANA registry" },
  { "4.7.850", "Access denied, please try again later: the sending IP is restricted while "
    "evaluated (Microsoft)", REASON_BADREPUTATION,
    "Microsoft extension (4.7.850-4.7.899), not in the IANA registry" },
};

/* Subjects, for the "subject" field and for unknown details within a subject. */
static const char *const subject_names[] = {
  "other", "addressing", "mailbox", "mail system", "network and routing",
  "protocol", "content and media", "security and policy",
};

/* SMTP reply codes. Non-standard ones (422, 431, 441, 447, 541) are listed with the
 * meaning providers give them; their dotless reading goes into the note. */
static const CodeRow reply_rows[] = {
  { "211", "System status, or system help reply", REASON_NONE, NULL },
  { "214", "Help message", REASON_NONE, NULL },
  { "220", "Service ready", REASON_NONE, NULL },
  { "221", "Service closing transmission channel", REASON_NONE, NULL },
  { "235", "Authentication successful", REASON_NONE, NULL },
  { "250", "Requested mail action okay, completed", REASON_DELIVERED, NULL },
  { "251", "User not local; will forward", REASON_DELIVERED, NULL },
  { "252", "Cannot verify user, but will accept message and attempt delivery", REASON_DELIVERED, NULL },
  { "334", "Server challenge during authentication", REASON_NONE, NULL },
  { "354", "Start mail input", REASON_NONE, NULL },
  { "421", "Service not available, closing transmission channel", REASON_NONE, NULL },
  { "422", "Recipient mailbox storage exceeded", REASON_MAILBOXFULL,
    "non-standard reply code; read as 4.2.2 without dots" },
  { "431", "Not enough disk space on the receiving server", REASON_SYSTEMFULL,
    "non-standard reply code; read as 4.3.1 without dots" },
  { "432", "A password transition is needed", REASON_SECURITYERROR, NULL },
  { "441", "No response from the recipient server", REASON_NETWORKERROR,
    "non-standard reply code; read as 4.4.1 without dots" },
  { "447", "Temporary network or connection problem, or an anti-spam setting at the destination",
    REASON_EXPIRED, "non-standard reply code; read as 4.4.7 without dots" },
  { "450", "Requested mail action not taken: mailbox unavailable", REASON_NONE, NULL },
  { "451", "Requested action aborted: local error in processing", REASON_SYSTEMERROR, NULL },
  { "452", "Requested action not taken: insufficient system storage", REASON_SYSTEMFULL, NULL },
  { "454", "Temporary authentication failure", REASON_SECURITYERROR, NULL },
  { "455", "Server unable to accommodate parameters", REASON_SYNTAXERROR, NULL },
  { "500", "Syntax error, command unrecognized", REASON_SYNTAXERROR, NULL },
  { "501", "Syntax error in parameters or arguments", REASON_SYNTAXERROR,
    "some providers' tables read it as an invalid recipient address" },
  { "502", "Command not implemented", REASON_SYNTAXERROR, NULL },
  { "503", "Bad sequence of commands", REASON_SYNTAXERROR, NULL },
  { "504", "Command parameter not implemented", REASON_SYNTAXERROR, NULL },
  { "521", "Host does not accept mail", REASON_NOTACCEPT,
    "RFC 7504; some providers' tables also use 521 for 5.2.1 (mailbox disabled)" },
  { "523", "Encryption needed", REASON_SECURITYERROR,
    "RFC 5248; some providers' tables also use 523 for 5.2.3 (message too long)" },
  { "525", "User account disabled", REASON_SUSPEND, NULL },
  { "530", "Authentication required", REASON_SECURITYERROR,
    "RFC 4954; some providers' tables also use 530 for 5.3.0" },
  { "534", "Authentication mechanism is too weak", REASON_SECURITYERROR,
    "RFC 4954; some providers' tables also use 534 for 5.3.4 (message too big)" },
  { "535", "Authentication credentials invalid", REASON_SECURITYERROR, NULL },
  { "538", "Encryption required for requested authentication mechanism", REASON_SECURITYERROR, NULL },
  { "541", "Message rejected for policy reasons", REASON_POLICYVIOLATION,
    "non-standard reply code; some providers' tables read it as 5.4.1 (no answer from host)" },
  { "550", "Requested action not taken: mailbox unavailable", REASON_NONE,
    "mailbox not found, no access, or refused for policy: the text decides" },
  { "551", "User not local; please try <forward-path>", REASON_HASMOVED,
    "RFC 5321; some providers' tables also use 551 for 5.5.1 (invalid command)" },
  { "552", "Requested mail action aborted: exceeded storage allocation", REASON_MAILBOXFULL,
    "RFC 5321; some providers' tables also use 552 for 5.5.2 (syntax error)" },
  { "553", "Requested action not taken: mailbox name not allowed", REASON_USERUNKNOWN,
    "RFC 5321; some providers' tables also use 553 for 5.5.3 (too many recipients, soft)" },
  { "554", "Transaction failed", REASON_NONE,
    "RFC 5321; some providers' tables also use 554 for 5.5.4 (invalid command arguments)" },
  { "555", "MAIL FROM/RCPT TO parameters not recognized or not implemented", REASON_SYNTAXERROR,
    "RFC 5321; some providers' tables also use 555 for 5.5.5 (wrong protocol version)" },
  { "556", "Domain does not accept mail", REASON_NOTACCEPT,
    "RFC 7504; some providers' tables also use 556 for 5.5.6" },
};

/* Codes that are neither a reply code nor a dotless enhanced code. */
static const CodeRow pseudo_rows[] = {
  { "911", "Bounced, but no status code was found", REASON_UNDEFINED,
    "pseudo-code of some email service providers' tables, listed there as a hard bounce" },
};

static const CodeRow *
find_row (const CodeRow *rows, gsize n, const char *key)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (rows[i].code, key) == 0)
      return &rows[i];
  return NULL;
}

const CodeRow *
codes_enhanced_detail (guint klass, guint subject, guint detail)
{
  char key[24];
  if (klass == 4 && subject == 7 && detail >= 500 && detail < 700)
    return find_row (class_rows, G_N_ELEMENTS (class_rows), "4.7.500");
  if (klass == 4 && subject == 7 && detail >= 850 && detail < 900)
    return find_row (class_rows, G_N_ELEMENTS (class_rows), "4.7.850");
  g_snprintf (key, sizeof key, "%u.%u", subject, detail);
  const CodeRow *row = find_row (enhanced_rows, G_N_ELEMENTS (enhanced_rows), key);
  if (!row && subject == 7 && detail > 606 && detail < 650)
    row = find_row (enhanced_rows, G_N_ELEMENTS (enhanced_rows), "7.606");
  if (!row && subject == 7 && detail > 700 && detail < 750)
    row = find_row (enhanced_rows, G_N_ELEMENTS (enhanced_rows), "7.700");
  if (!row && subject == 7 && detail > 900 && detail <= 999)
    row = find_row (enhanced_rows, G_N_ELEMENTS (enhanced_rows), "7.900");
  return row;
}

const CodeRow *
codes_enhanced_subject_row (guint subject)
{
  char key[24];
  g_snprintf (key, sizeof key, "%u.0", subject);
  return find_row (enhanced_rows, G_N_ELEMENTS (enhanced_rows), key);
}

const char *
codes_subject_name (guint subject)
{
  return subject < G_N_ELEMENTS (subject_names) ? subject_names[subject] : NULL;
}

const CodeRow *
codes_reply (const char *code)
{
  return find_row (reply_rows, G_N_ELEMENTS (reply_rows), code);
}

const CodeRow *
codes_pseudo (const char *code)
{
  return find_row (pseudo_rows, G_N_ELEMENTS (pseudo_rows), code);
}

void
codes_foreach_enhanced (void (*fn) (const CodeRow *row, gpointer data), gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (enhanced_rows); i++)
    fn (&enhanced_rows[i], data);
  for (gsize i = 0; i < G_N_ELEMENTS (class_rows); i++)
    fn (&class_rows[i], data);
}

void
codes_foreach_reply (void (*fn) (const CodeRow *row, gpointer data), gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (reply_rows); i++)
    fn (&reply_rows[i], data);
  for (gsize i = 0; i < G_N_ELEMENTS (pseudo_rows); i++)
    fn (&pseudo_rows[i], data);
}
