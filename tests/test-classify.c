/* test-classify.c: the precedence between status code and text (classify.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "classify.h"

typedef struct
{
  const char *action, *status, *reply, *diag, *remote;
  const char *want_status, *want_reason, *want_bounce;
} Case;

static void
run (const Case *c)
{
  BounceReport *r = report_new ();
  BounceRecord *rec = report_add_record (r);
  record_set (rec, BOUNCE_FIELD_RECIPIENT, "a@example.org");
  record_set (rec, BOUNCE_FIELD_ACTION, c->action);
  record_set (rec, BOUNCE_FIELD_STATUS, c->status);
  record_set (rec, BOUNCE_FIELD_REPLY_CODE, c->reply);
  record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, c->diag);
  record_set (rec, BOUNCE_FIELD_REMOTE_MTA, c->remote);
  classify_record (rec, REASON_NONE);
  const char *st = record_peek (rec, BOUNCE_FIELD_STATUS);
  const char *re = record_peek (rec, BOUNCE_FIELD_REASON);
  const char *bo = record_peek (rec, BOUNCE_FIELD_BOUNCE);
  if (g_strcmp0 (st, c->want_status) != 0 || g_strcmp0 (re, c->want_reason) != 0
      || g_strcmp0 (bo, c->want_bounce) != 0)
    fail_msg ("%s / %s / \"%s\": got %s %s %s, expected %s %s %s", c->status, c->reply, c->diag,
              st, re, bo, c->want_status, c->want_reason, c->want_bounce);
  bounce_report_free (r);
}

static void
test_classify_specific_code_wins (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* the code decides when the words do not outrank it */
    { "failed", "5.1.1", "550", "550 5.1.1 <a@example.org>: inactive email address", NULL,
      "5.1.1", "userunknown", "hard" },
    { "failed", "5.2.2", "552", "552 5.2.2 inbox is out of storage space and inactive", NULL,
      "5.2.2", "mailboxfull", "soft" },
    { "failed", "5.2.3", "552", "552 5.2.3 Message size exceeds fixed maximum message size", NULL,
      "5.2.3", "exceedlimit", "soft" },
    { "failed", "5.7.26", "550", "550 5.7.26 spam", NULL, "5.7.26", "authfailure", "block" },
    { "failed", "5.6.1", "500", "500 5.6.1 Message content rejected", NULL, "5.6.1",
      "contenterror", "block" },
    { "failed", "5.1.6", "550", "550 5.1.6 recipient no longer on server", NULL, "5.1.6",
      "hasmoved", "hard" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

/* Stalwart's, mox's, maddy's and chasquid's replies whose words say more than,
 * or something else than, the status code beside them */
static void
test_classify_server_replies (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* mox's rate limit and Stalwart's greylisting under 4.2.2 (mailbox full) */
    { "delayed", "4.2.2", "452",
      "452 4.2.2 more than 200 messages in past 1h0m0s from your ip/network", NULL, "4.2.2",
      "speeding", "soft" },
    { "delayed", "4.2.2", "452", "452 4.2.2 Greylisted, please try again in a few moments.", NULL,
      "4.2.2", "onhold", "soft" },
    /* mox: a domain it does not serve, under 5.1.1 */
    { "failed", "5.1.1", "550", "550 5.1.1 not accepting email for domain", NULL, "5.1.1",
      "norelaying", "block" },
    /* Stalwart: a message it cannot parse, under 5.7.7; a session's volume
     * quota, under 4.7.28; its messages-per-session limit, under 4.4.5 */
    { "failed", "5.7.7", "550", "550 5.7.7 Failed to parse message.", NULL, "5.7.7", "contenterror",
      "block" },
    { "delayed", "4.7.28", "452", "452 4.7.28 mx.example.org Session exceeded transfer quota.",
      NULL, "4.7.28", "speeding", "soft" },
    { "delayed", "4.4.5", "452", "452 4.4.5 Maximum number of messages per session exceeded.", NULL,
      "4.4.5", "toomanyconn", "soft" },
    /* maddy's and go-smtp's refusals at MAIL FROM that are no sender's */
    { "failed", "5.7.1", "550",
      "550 5.7.1 TLS conversation required (in reply to MAIL FROM command)", NULL, "5.7.1",
      "securityerror", "block" },
    { "failed", "5.7.0", "502",
      "502 5.7.0 Please authenticate first (in reply to MAIL FROM command)", NULL, "5.7.0",
      "securityerror", "block" },
    /* Stalwart's answer when a milter or an MTA hook rejects, under 5.5.3 */
    { "failed", "5.5.3", "503", "503 5.5.3 Message rejected. (in reply to end of DATA command)",
      NULL, "5.5.3", "filtered", "block" },
    /* Dovecot's quota refusal stays a full mailbox */
    { "failed", "5.2.2", "552",
      "552 5.2.2 <a@example.org> Quota exceeded (mailbox for user is full) (in reply to end of "
      "DATA command)", NULL, "5.2.2", "mailboxfull", "soft" },
    /* a receiver that will not relay ("not allowed"), and a sending host said
     * to be an open relay */
    { "failed", NULL, "451", "451 Open relay not allowed (in reply to RCPT TO command)", NULL,
      NULL, "norelaying", "block" },
    { "failed", NULL, "554", "554 Your host is an open relay (in reply to MAIL FROM command)",
      NULL, NULL, "blocked", "block" },
    /* a connection the receiver cannot take under its load: its own trouble */
    { "delayed", NULL, "421", "421 Unable to process connection at this time", NULL, NULL,
      "systemerror", "soft" },
    /* qmail-remote's system resources, not any "temporarily unavailable" */
    { "delayed", NULL, "451",
      "451 qq temporary problem (#4.3.0) System resources temporarily unavailable", NULL,
      "4.3.0", "systemerror", "soft" },
    { "delayed", NULL, "450", "450 Mailbox temporarily unavailable (in reply to RCPT TO command)",
      NULL, NULL, "onhold", "soft" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

static void
test_classify_text_overrides (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* words that outrank the code: providers reuse 5.1.1 and 5.2.1 */
    { "failed", "5.1.1", "550", "550 5.1.1 <a@example.org>... Mailbox Full", NULL, "5.1.1",
      "mailboxfull", "soft" },
    { "failed", "5.2.1", "550",
      "550 5.2.1 <a@example.org>... User Unknown (in reply to RCPT TO command)", NULL, "5.2.1",
      "userunknown", "hard" },
    { "failed", "5.2.1", "550",
      "550 5.2.1 The user you are trying to contact is receiving mail at a rate that prevents "
      "additional messages from being delivered",
      NULL, "5.2.1", "speeding", "soft" },
    /* spam (amavisd's "UBE", unsolicited bulk email) outranks a content policy */
    { "failed", "5.7.1", "550", "550 5.7.1 Message content rejected, UBE, id=01234-05", NULL,
      "5.7.1", "spamdetected", "block" },
    /* at MAIL FROM no recipient is named yet: a missing address is the sender's */
    { "failed", NULL, "550", "550 User unknown (in reply to MAIL FROM command)", NULL, NULL,
      "rejected", "block" },
    { "failed", NULL, "550", "550 User unknown (in reply to RCPT TO command)", NULL, NULL,
      "userunknown", "hard" },
    /* a delay is no hard bounce yet: the sender still retries (its final notice
     * will say), whatever the reason; the same words in a failure are */
    { "delayed", "4.1.1", "450",
      "450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
      NULL, "4.1.1", "userunknown", "soft" },
    { "failed", "4.1.1", "450",
      "450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
      NULL, "4.1.1", "userunknown", "hard" },
    /* 500-504 refuse the command's form, not the address it names */
    { "failed", NULL, "501", "501 Missing recipient (in reply to RCPT TO command)", NULL, NULL,
      "syntaxerror", "block" },
    /* X.1.0 names an address; in answer to the message, when every recipient
     * was accepted, not the recipient's */
    { "failed", "5.1.0", "550", "550 5.1.0 Message rejected (in reply to end of DATA command)", NULL,
      "5.1.0", "onhold", "soft" },
    { "failed", "5.1.0", "550", "550 5.1.0 Address rejected (in reply to RCPT TO command)", NULL,
      "5.1.0", "userunknown", "hard" },
    /* ... and so is a transient reply no notice or log calls final */
    { NULL, "4.1.1", "450",
      "450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
      NULL, "4.1.1", "userunknown", "soft" },
    { NULL, "5.1.1", "550",
      "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
      NULL, "5.1.1", "userunknown", "hard" },
    /* a permanent refusal at RCPT TO is the address's where the words name it or
     * nothing; words of no address (RFC 5321's 550 is also "no access" and
     * "policy") leave the cause undecided */
    { "failed", NULL, "550",
      "550 <a@example.org>: Recipient address rejected. (in reply to RCPT TO command)", NULL,
      NULL, "userunknown", "hard" },
    { "failed", NULL, "550", "550 Access denied (in reply to RCPT TO command)", NULL, NULL,
      "onhold", "soft" },
    { "failed", "5.0.0", "554", "554 5.0.0 Service unavailable (in reply to RCPT TO command)",
      NULL, "5.0.0", "onhold", "soft" },
    /* nor where they speak of the sending side or another cause they do not
     * explain */
    { "failed", NULL, "550", "550 User has blocked you (in reply to RCPT TO command)", NULL, NULL,
      "onhold", "soft" },
    { "failed", NULL, "550",
      "550 <a@example.org>: Recipient address rejected: Please see SPF record (in reply to RCPT "
      "TO command)",
      NULL, NULL, "onhold", "soft" },
    /* RFC 5321's own text for 550, "mailbox unavailable", spans a mailbox not
     * found, no access and a policy: it stands with no status or a generic one,
     * never against a specific code, and under a refusal (X.7.1) it is no
     * missing mailbox */
    { "failed", NULL, "550", "550 Requested action not taken: mailbox unavailable", NULL, NULL,
      "userunknown", "hard" },
    { "failed", "5.2.1", "550",
      "550 5.2.1 Mailbox unavailable. Your message was rejected because the mailbox is inactive",
      NULL, "5.2.1", "suspend", "soft" },
    { "failed", "5.7.1", "550", "550 5.7.1 Requested action not taken: mailbox unavailable", NULL,
      "5.7.1", "securityerror", "block" },
    /* and it yields to a topic that names the cause */
    { "failed", NULL, "550", "550 Mailbox unavailable: sender blocked", NULL, NULL, "rejected",
      "block" },
    { "failed", NULL, "550", "550 Mailbox unavailable: user not found", NULL, NULL,
      "userunknown", "hard" },
    /* nor where the words name the sender as what does not exist, whatever the
     * code or a row says of an address */
    { "failed", "5.1.1", "550", "550 5.1.1 Sender address does not exist", NULL, "5.1.1",
      "rejected", "block" },
    { "failed", NULL, "550", "550 The domain of the sender address does not exist", NULL, NULL,
      "rejected", "block" },
    { "failed", "5.1.2", "550", "550 5.1.2 Sender domain not found", NULL, "5.1.2", "rejected",
      "block" },
    { "failed", "5.7.1", "550", "550 5.7.1 Message rejected: header From domain not found", NULL,
      "5.7.1", "rejected", "block" },
    /* a header's domain said not to exist (a row of the destination's words) */
    { "failed", NULL, "550", "550 Message-ID domain not found", NULL, NULL, "notcompliantrfc",
      "block" },
    /* a null MX said of the sender's domain (a row of the destination's words) */
    { "failed", NULL, "550", "550 Sender domain does not accept mail (nullmx)", NULL, NULL,
      "rejected", "block" },
    { "failed", NULL, "550", "550 Domain does not accept mail", NULL, NULL, "notaccept", "hard" },
    /* RFC 7505's null MX of the sender's domain (X.7.27) refuses the sender; the
     * recipient's (X.1.10) is the destination's */
    { "failed", "5.7.27", "550", "550 5.7.27 Sender address has null MX", NULL, "5.7.27",
      "rejected", "block" },
    { "failed", "5.1.10", "556", "556 5.1.10 Recipient address has null MX", NULL, "5.1.10",
      "notaccept", "hard" },
    /* the sender's by a field's name, by "sending" or "authenticated", or by a
     * sender named beside the name service */
    { "failed", "5.7.1", "550", "550 5.7.1 From: header domain does not exist", NULL, "5.7.1",
      "rejected", "block" },
    { "failed", NULL, "550", "550 Reply-To domain not found", NULL, NULL, "rejected", "block" },
    { "failed", "5.7.1", "550", "550 5.7.1 The sending account does not exist", NULL, "5.7.1",
      "rejected", "block" },
    { "failed", "5.7.1", "550", "550 5.7.1 Authenticated user unknown", NULL, "5.7.1", "rejected",
      "block" },
    { "failed", NULL, "550", "550 No MX record found for sender domain", NULL, NULL, "rejected",
      "block" },
    { "failed", NULL, "550", "550 The email account that you tried to reach does not exist",
      NULL, NULL, "userunknown", "hard" },
    { "failed", NULL, "550", "550 No such user", NULL, NULL, "userunknown", "hard" },
    /* a user unknown where the credentials were refused is the login's */
    { "failed", "5.7.8", "535", "535 5.7.8 Error: authentication failed: no such user", NULL,
      "5.7.8", "securityerror", "block" },
    { "failed", NULL, "535", "535 Authentication failed: user unknown", NULL, NULL,
      "securityerror", "block" },
    /* the HELO name is the sending host's, not the destination's */
    { "failed", "5.7.0", "550", "550 5.7.0 Your HELO hostname does not exist", NULL, "5.7.0",
      "requireptr", "block" },
    /* a domain missing, named as a signature's: not the recipient's, whatever
     * the "domain not found" row says of a recipient's domain */
    { "failed", "5.7.1", "550", "550 5.7.1 DKIM key domain not found", NULL, "5.7.1",
      "authfailure", "block" },
    /* qmail's badmailfrom refusal names the envelope sender; a reply that only
     * mentions it beside a missing recipient is the recipient's */
    { "failed", NULL, "553", "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
      NULL, "5.7.1", "rejected", "block" },
    { "failed", "5.1.1", "550",
      "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown; envelope sender was "
      "s@example.org",
      NULL, "5.1.1", "userunknown", "hard" },
    /* a block list that lists the sender's address or domain refuses the
     * envelope sender (Postfix's reject_rhsbl_sender); one that lists the
     * client or its IP, the sending host */
    { "failed", "5.7.1", "554",
      "554 5.7.1 Service unavailable; Sender address [s@example.org] blocked using dbl.example.net",
      NULL, "5.7.1", "rejected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.example.net",
      NULL, "5.7.1", "blocked", "block" },
    { "failed", NULL, "550", "550 Sender IP 192.0.2.1 is blacklisted", NULL, NULL, "blocked",
      "block" },
    /* a destination domain missing under a status of routing (Exchange's 5.4.310) */
    { "failed", "5.4.310", "550",
      "550 5.4.310 DNS domain example.com does not exist [Message=InfoDomainNonexistent]", NULL,
      "5.4.310", "hostunknown", "hard" },
    /* the sender's authentication missing: a topic beside a generic 5.7.1 */
    { "failed", "5.7.1", "550", "550 5.7.1 SPF record not found", NULL, "5.7.1", "authfailure",
      "block" },
    { "failed", "5.1.1", "550",
      "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
      NULL, "5.1.1", "userunknown", "hard" },
    /* the client's name lookup failed: its reverse DNS; Sendmail's own reply
     * refuses the relaying it asked for */
    { "failed", "4.7.1", "450", "450 4.7.1 Access denied. IP name lookup failed [192.0.2.1]", NULL,
      "4.7.1", "requireptr", "block" },
    { "failed", "5.7.1", "550", "550 5.7.1 Relaying denied. IP name lookup failed [192.0.2.1]",
      NULL, "5.7.1", "norelaying", "block" },
    /* a host "infected" is listed, not a virus found in the message; a command
     * malformed is a syntax error, not the content's */
    { "failed", "5.7.1", "550", "550 5.7.1 Your host is infected, listed at cbl.abuseat.org",
      NULL, "5.7.1", "blocked", "block" },
    { "failed", "5.5.2", "501", "501 5.5.2 Malformed HELO", NULL, "5.5.2", "syntaxerror", "block" },
    /* the sending MTA could not set up the TLS the receiver or its policy asks */
    { "failed", "4.7.5", NULL, "Cannot start TLS: handshake failure", NULL, "4.7.5",
      "securityerror", "block" },
    { "failed", NULL, NULL, "TLS required but not supported by remote host", NULL, NULL,
      "securityerror", "block" },
    /* OpenSMTPD's own words for a connection that failed; its greeting refused */
    { "failed", NULL, NULL, "Connection timeout", NULL, NULL, "networkerror", "soft" },
    /* X.4.3, a directory server failure, is "usually DNS": networkerror; a
     * receiver's own LDAP directory unreachable is its internal failure */
    { "delayed", "4.4.3", NULL, "CNAME lookup failed temporarily. (#4.4.3)", NULL, "4.4.3",
      "networkerror", "soft" },
    { "delayed", "4.4.3", NULL, "Unable to contact LDAP server. (#4.4.3)", NULL, "4.4.3",
      "systemerror", "soft" },
    /* Exim's own words for a reply that did not come in time */
    { "delayed", NULL, NULL, "R=dnslookup T=remote_smtp: SMTP timeout after RCPT TO:<a@example.org>",
      NULL, NULL, "networkerror", "soft" },
    /* Exim's own words: a timeout at the greeting is no refusal of the client;
     * a pipe that did not finish is the delivery program's; a message kept too
     * long, given up; the MX pointing back to itself; DANE that could not be
     * checked */
    { "delayed", NULL, NULL, "SMTP timeout after initial connection", NULL, NULL, "networkerror",
      "soft" },
    { "failed", NULL, NULL, "pipe delivery process timed out", NULL, NULL, "mailererror", "soft" },
    { "failed", NULL, NULL, "delivery cancelled; message timed out", NULL, NULL, "expired", "soft" },
    { "failed", NULL, NULL, "lowest numbered MX record points to local host", NULL, NULL,
      "networkerror", "soft" },
    { "delayed", NULL, NULL, "DANE error: tlsa lookup DEFER", NULL, NULL, "securityerror", "block" },
    { "delayed", NULL, NULL, "Remote host closed connection in response to RCPT TO:<a@example.org>",
      NULL, NULL, "networkerror", "soft" },
    /* Postfix's own words: its SMTP client's authentication and TLS policy, its
     * local delivery agent's lookups and restrictions, a command that ran too long */
    { "delayed", NULL, NULL,
      "SASL authentication failed; cannot authenticate to server mx.example.org[192.0.2.1]: no "
      "mechanism available",
      NULL, NULL, "securityerror", "block" },
    { "delayed", NULL, NULL, "TLSA lookup error for mx.example.org:25", NULL, NULL, "securityerror",
      "block" },
    { "delayed", NULL, NULL, "local data error while talking to mx.example.org[192.0.2.1]", NULL,
      NULL, "systemerror", "soft" },
    { "delayed", NULL, NULL, "table lookup failure", NULL, NULL, "systemerror", "soft" },
    { "failed", NULL, NULL, "mail to command is restricted", NULL, NULL, "systemerror", "soft" },
    { "failed", NULL, NULL, "alias database loop for bob", NULL, NULL, "networkerror", "soft" },
    { "failed", NULL, NULL, "Command time limit exceeded: \"/usr/local/bin/filter\"", NULL, NULL,
      "mailererror", "soft" },
    /* the program's exit status EX_NOUSER, as Postfix writes it before the output */
    { "failed", NULL, NULL, "user unknown. Command output: mda: jens: ingen sådan bruger", NULL,
      NULL, "userunknown", "hard" },
    { "failed", NULL, NULL, "service unavailable. Command output: filter: cannot open socket", NULL,
      NULL, "mailererror", "soft" },
    /* the answer to DATA after every recipient was refused names no cause: the
     * recipient's own reply before it decides, else its code */
    { "failed", "5.5.1", "554", "554 5.5.1 Error: no valid recipients", NULL, "5.5.1",
      "syntaxerror", "block" },
    { "delayed", NULL, NULL,
      "450 4.2.0 <a@example.net>: Recipient address rejected: Greylisted, please try again "
      "554 5.5.1 Error: no valid recipients", NULL, "4.2.0", "onhold", "soft" },
    /* the system resolver's answers, as Postfix quotes them */
    { "failed", NULL, NULL, "unable to look up host nowhere.test: Name or service not known", NULL,
      NULL, "hostunknown", "hard" },
    { "delayed", NULL, NULL, "unable to look up host mx.example.net: Temporary failure in name resolution",
      NULL, NULL, "networkerror", "soft" },
    /* Sendmail's own words: its MX loop under 5.3.5; a mailer killed */
    { "failed", "5.3.5", "553",
      "553 5.3.5 mx.example.org. config error: mail loops back to me (MX problem?)", NULL, "5.3.5",
      "networkerror", "soft" },
    { "delayed", NULL, NULL, "403 4.7.0 server not authenticated.", NULL, "4.7.0", "securityerror",
      "block" },
    /* qmail's own words: qmail-local's child that crashed */
    { "delayed", NULL, NULL, "Aack, child crashed. (#4.3.0)", NULL, "4.3.0", "mailererror", "soft" },
    { "delayed", NULL, NULL, "Unable to chdir to maildir. (#4.2.1)", NULL, "4.2.1", "systemerror",
      "soft" },
    { "failed", NULL, NULL, "Uh-oh: first line of .qmail file is blank. (#4.2.1)", NULL, "4.2.1",
      "systemerror", "soft" },
    { "failed", NULL, "554", "BANNER rejected: 554 go away", NULL, NULL, "blocked", "block" },
    /* Postfix's access map refusing a recipient by rule ("<addr>: Recipient address
     * rejected: Access denied"): the address may exist; Microsoft's 5.4.1
     * directory-based blocking with the same words says it does not */
    { "failed", "5.7.1", "554", "554 5.7.1 <a@example.org>: Recipient address rejected: Access denied",
      NULL, "5.7.1", "filtered", "block" },
    { "failed", "5.4.1", "550", "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
      NULL, "5.4.1", "userunknown", "hard" },
    /* Postfix's 4.1.1 while its probe of the address is pending stands in: the
     * probe's own result says the cause, and no address was found missing */
    { "delayed", "4.1.1", "450",
      "450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: connect to "
      "mx.example.org[192.0.2.1]:25: Connection refused",
      NULL, "4.1.1", "networkerror", "soft" },
    { "delayed", "4.1.1", "450",
      "450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: Address "
      "verification in progress",
      NULL, "4.1.1", "onhold", "soft" },
    /* Exim's pipe transport's failure; a domain whose MX names an IP address */
    { "failed", "5.0.0", NULL,
      "Child process of address_pipe transport returned 69 (could mean service or program "
      "unavailable) from command: /usr/local/bin/filter",
      NULL, "5.0.0", "mailererror", "soft" },
    { "failed", "5.0.0", NULL,
      "It appears that the DNS operator for example.org has installed an invalid MX record "
      "with an IP address instead of a domain name on the right hand side.",
      NULL, "5.0.0", "hostunknown", "hard" },
    /* Exim's null MX and its own refusal of an over-long line */
    { "failed", "5.0.0", NULL, "an MX or SRV record indicated no SMTP service", NULL, "5.0.0",
      "notaccept", "hard" },
    { "failed", "5.0.0", NULL, "message has lines too long for transport", NULL, "5.0.0",
      "notcompliantrfc", "block" },
    /* spam named as why the sending host is refused: the host is (blocked) */
    { "failed", NULL, "550", "550 Client host blocked for spamming issues", NULL, NULL, "blocked",
      "block" },
    { "failed", NULL, "550", "550 Message rejected as spam", NULL, NULL, "spamdetected", "block" },
    /* a host unknown is the destination's, but for the sending host's */
    { "failed", NULL, "550", "550 Client host unknown", NULL, NULL, "requireptr", "block" },
    { "failed", NULL, "550", "550 Host unknown", NULL, NULL, "hostunknown", "hard" },
    /* a client's "command failed" before a server's reply is no delivery
     * program's failure: the reply says what failed */
    { "failed", NULL, "550", "SMTP Error: RCPT TO command failed: 550 User unknown", NULL, NULL,
      "userunknown", "hard" },
    /* Exim's sender verification: the reason found is the sender's */
    { "failed", NULL, "550", "550-Verification failed for <s@example.net> 550-Unrouteable address",
      NULL, NULL, "rejected", "block" },
    /* so do a topic's words, where no row holds them */
    { "failed", "5.1.1", "550", "550 5.1.1 Blocked by policy: IP 192.0.2.1 blacklisted", NULL,
      "5.1.1", "blocked", "block" },
    { "failed", "5.2.2", "552", "552 5.2.2 Mailbox exceeded; the recipient is unknown here",
      NULL, "5.2.2", "mailboxfull", "soft" },
    /* a decisive wording beats any code */
    { "failed", "5.1.1", "550", "550 5.1.1 <a@b> message refused: a link is listed on uribl", NULL,
      "5.1.1", "spamdetected", "block" },
    /* Cyrus's refusal by the mailbox's access list ends in "Permission denied":
     * the mailbox's rule, not a failed delivery program */
    { "failed", "5.7.1", "550",
      "550-You do not have permission to post a message to this mailbox. 550-Please contact "
      "the owner of this mailbox in order to submit 550-your message, or postmaster@example.net "
      "if you believe you 550-received this message in error. 550 5.7.1 Permission denied",
      NULL, "5.7.1", "filtered", "block" },
    /* a local delivery program's exit text ("permission denied", <sysexits.h>
     * EX_NOPERM) is not read in a server's reply */
    { "failed", NULL, NULL, "permission denied. Command output: cannot write mailbox", NULL, NULL,
      "mailererror", "soft" },
    { "failed", NULL, "550", "550 Permission denied", NULL, NULL, "onhold", "soft" },
    /* a postmaster's own code beside a 4.2.1 or 5.7.1 it shares: Vade's codes
     * (EarthLink's "ELNK_", Open-Xchange's "OXSUS0001_" and "OXSEU0001_") */
    { "delayed", "4.2.1", "421", "421 4.2.1 Connection deferred ELNK_110", NULL, "4.2.1",
      "toomanyconn", "soft" },
    { "delayed", "4.2.1", "421", "421 4.2.1 Connection deferred ELNK_130", NULL, "4.2.1",
      "badreputation", "block" },
    { "failed", "5.7.1", "550", "550 5.7.1 Connection refused ELNK_105", NULL, "5.7.1",
      "requireptr", "block" },
    { "failed", "5.7.1", "550",
      "550 5.7.1 Connection refused - IP 192.0.2.1 blocked by Vade Threat List (OXSUS0001_101)",
      NULL, "5.7.1", "blocked", "block" },
    { "delayed", "4.2.1", "421", "421 4.2.1 Connection refused OXSUS0001_140", NULL, "4.2.1",
      "speeding", "soft" },
    { "failed", "5.7.1", "550", "550 5.7.1 Connection refused OXSEU0001_108", NULL, "5.7.1",
      "requireptr", "block" },
    /* Trellix's: a domain it serves no client for; an upstream MTA that did not
     * answer in time to validate the recipient */
    { "failed", "5.1.1", "550", "550 5.1.1 ETP100 Invalid recipient", NULL, "5.1.1", "norelaying",
      "block" },
    { "delayed", "4.4.1", "451", "451 4.4.1 ETP103 Invalid recipient", NULL, "4.4.1",
      "networkerror", "soft" },
    /* Interia's: the recipient's block list; SPF's verdict on the sending host */
    { "failed", "5.7.1", "550", "550 5.7.1 Recipient doesn't want your mail", NULL, "5.7.1",
      "filtered", "block" },
    { "failed", "5.7.0", "550",
      "550 5.7.0 [SPF] host 192.0.2.1 is not allowed to send mail from domain example.org",
      NULL, "5.7.0", "authfailure", "block" },
    /* Citadel's connection timeout */
    { "failed", NULL, NULL, "1) Timeout while connecting mx.example.net [192.0.2.25]:25 ;", NULL,
      NULL, "networkerror", "soft" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

/* the replies and notices of qmail's add-ons and patches, and of small MTAs:
 * their own short wordings say the cause */
/* OpenSMTPD's join of a multi-line reply: the further lines' enhanced code of
 * more digits glued to the word before; read across the lines as the reply */
static void
test_classify_opensmtpd_joined_lines (void **state)
{
  (void) state;
  static const Case cases[] = {
    { "failed", "5.7.28", "550",
      "550-5.7.28 There is an unusual rate of unsolicited email originating from5.7.28 your IP "
      "address. To protect our users from spam, email sent from5.7.28 your IP address has been "
      "blocked.",
      "gmail-smtp-in.l.google.com", "5.7.28", "blocked", "block" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

/* qmail-remote's own words around the reply it quotes ("Remote host said: ")
 * name the command and the host's address, not the cause: the reply is read as
 * it would be bare */
static void
test_classify_qmail_quoted_reply (void **state)
{
  (void) state;
  static const Case cases[] = {
    { "failed", "5.7.1", "550",
      "192.0.2.10 does not like recipient. Remote host said: 550 5.7.1 Command rejected Giving up "
      "on 192.0.2.10.",
      NULL, "5.7.1", "securityerror", "block" },
    { "failed", "5.7.1", "550",
      "Connected to 192.0.2.10 but sender was rejected. Remote host said: 550 5.7.1 TLS "
      "conversation required Giving up on 192.0.2.10.",
      NULL, "5.7.1", "securityerror", "block" },
    /* the reply's own words still decide where they name the cause */
    { "failed", "5.1.1", "550",
      "192.0.2.10 does not like recipient. Remote host said: 550 5.1.1 No such user Giving up on "
      "192.0.2.10.",
      NULL, "5.1.1", "userunknown", "hard" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

static void
test_classify_qmail_addons (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* spamdyke: a client that talks before the greeting breaks the protocol; an
     * idle client times out; a sender's domain without MX, a client's rDNS name
     * on a blacklist or a generic one, a recipient on a blacklist, reject-all */
    { "failed", NULL, "554", "554 Refused. You are not following the SMTP protocol.", NULL, NULL,
      "syntaxerror", "block" },
    { "delayed", NULL, "421", "421 Timeout. Talk faster next time.", NULL, NULL, "networkerror",
      "soft" },
    { "failed", NULL, "421",
      "421 Refused. The domain of your sender address has no mail exchanger (MX).", NULL, NULL,
      "rejected", "block" },
    { "failed", NULL, "554", "554 Refused. Your domain name is blacklisted.", NULL, NULL,
      "blocked", "block" },
    { "failed", NULL, "554",
      "554 Refused. Your reverse DNS entry contains your IP address and a banned keyword.", NULL,
      NULL, "blocked", "block" },
    { "failed", NULL, "554", "554 Refused. Your reverse DNS entry does not resolve.", NULL, NULL,
      "requireptr", "block" },
    { "failed", NULL, "554", "554 Refused. Mail is not being accepted at this address.", NULL,
      NULL, "filtered", "block" },
    { "failed", NULL, "554", "554 Refused. Mail is not being accepted.", NULL, NULL, "notaccept",
      "hard" },
    { "failed", NULL, "554", "554 Refused. Access is denied.", NULL, NULL, "blocked", "block" },
    /* simscan: a virus named, a regular expression filter matched */
    { "failed", NULL, "554",
      "554 Your email was rejected because it contains the Eicar-Test-Signature virus", NULL,
      NULL, "virusdetected", "block" },
    { "failed", NULL, "554", "554 Your email was rejected because it matches a filter (x-foo)",
      NULL, NULL, "filtered", "block" },
    /* qmail-smtpd's patches (sagredo's, chkuser, qmail-ldap): recipient limits,
     * a refused recipient, relaying, a temporary DNS failure, a MIME content
     * check that answers with a size code */
    { "failed", "5.7.1", "452", "452 max rcpt limit exceeded (#5.7.1)", NULL, "5.7.1",
      "toomanyconn", "soft" },
    { "failed", "4.3.0", "421", "421 too many invalid addresses, goodbye (#4.3.0)", NULL, "4.3.0",
      "toomanyconn", "soft" },
    { "failed", "5.7.1", "550",
      "550 5.7.1 sorry, you are violating our security policies (chkuser)", NULL, "5.7.1",
      "toomanyconn", "soft" },
    { "failed", "5.7.1", "553", "553 sorry, your envelope recipient has been denied (#5.7.1)",
      NULL, "5.7.1", "filtered", "block" },
    { "failed", "5.7.1", "553", "553 sorry, mail to that recipient is not accepted (#5.7.1)",
      NULL, "5.7.1", "filtered", "block" },
    { "failed", "5.7.1", "553", "553 we don't relay (#5.7.1)", NULL, "5.7.1", "norelaying",
      "block" },
    { "failed", "4.3.0", "421", "421 you have exceeded your messaging limits (#4.3.0)", NULL,
      "4.3.0", "speeding", "soft" },
    { "delayed", "4.3.0", "421",
      "421 DNS temporary failure at return MX check, try again later (#4.3.0)", NULL, "4.3.0",
      "networkerror", "soft" },
    { "failed", "5.3.4", "552", "552 we don't accept email with this MIME content (#5.3.4)", NULL,
      "5.3.4", "policyviolation", "block" },
    { "failed", "5.7.1", "550",
      "550 sorry, I don't accept bounce messages with more than one recipient. Go read RFC2821. "
      "(#5.7.1)",
      NULL, "5.7.1", "policyviolation", "block" },
    { "failed", "5.7.1", "530", "530 Authorization required (#5.7.1)", NULL, "5.7.1",
      "securityerror", "block" },
    { "failed", NULL, "451", "451 See https://cr.yp.to/docs/smtplf.html.", NULL, NULL,
      "syntaxerror", "block" },
    { "failed", "5.7.1", "550",
      "550 See http://www.open-spf.org/Why?v=1&s=mfrom&id=s%40example.org&ip=192.0.2.1"
      "&receiver=mx.example.net (#5.7.1)",
      NULL, "5.7.1", "authfailure", "block" },
    /* qmail-dkim's verification: a signature that failed is the sender's
     * authentication; its selector's lookup that failed for now is DNS */
    { "failed", "5.7.5", "554", "554 qmail-dkim: signature error: RSA verify failed (#5.7.5)",
      NULL, "5.7.5", "authfailure", "block" },
    { "failed", "5.7.0", "554",
      "554 qmail-dkim: verify result: no signatures verified but message is not suspicious "
      "(#5.7.0)",
      NULL, "5.7.0", "authfailure", "block" },
    { "delayed", "4.7.0", "451",
      "451 qmail-dkim: signature error: temporary dns failure requesting selector (#4.7.0)", NULL,
      "4.7.0", "networkerror", "soft" },
    /* qmail-remote's and qmail-local's temporary failures of their own */
    { "delayed", "4.3.0", NULL, "Out of memory. (#4.3.0)", NULL, "4.3.0", "systemerror", "soft" },
    { "delayed", "4.3.0", NULL, "File has been locked for 30 seconds straight. (#4.3.0)", NULL,
      "4.3.0", "systemerror", "soft" },
    { "delayed", "4.3.0", NULL, "Unable to read control files. (#4.3.0)", NULL, "4.3.0",
      "systemerror", "soft" },
    /* vdelivermail: a loop found at once; its database down */
    { "failed", NULL, NULL, "mail is looping", NULL, NULL, "networkerror", "soft" },
    { "delayed", NULL, NULL, "vdelivermail: deferred, database down", NULL, NULL, "systemerror",
      "soft" },
    /* mailfront: a scanner that could not run found no spam; its RBL lookup failed */
    { "failed", "4.3.0", "451", "451 4.3.0 Could not SpamAssassin scan message", NULL, "4.3.0",
      "systemerror", "soft" },
    { "delayed", "4.3.0", "451", "451 4.3.0 DNS error doing RBL lookup", NULL, "4.3.0",
      "networkerror", "soft" },
    { "failed", "5.7.1", "530", "530 5.7.1 You must authenticate first.", NULL, "5.7.1",
      "securityerror", "block" },
    /* nullmailer's own failures */
    { "failed", NULL, NULL, "Failed to authenticate to server", NULL, NULL, "securityerror",
      "block" },
    { "delayed", NULL, NULL, "Temporary error in gethostbyname", NULL, NULL, "networkerror",
      "soft" },
    /* masqmail's connection that dropped; msmtp's failed login to its server */
    { "delayed", NULL, NULL, "Connection terminated prematurely while connected to mx.example.net.",
      NULL, NULL, "networkerror", "soft" },
    { "failed", NULL, NULL, "authentication failed (method PLAIN)", NULL, NULL, "securityerror",
      "block" },
    { "failed", NULL, NULL, "the server does not support authentication method CRAM-MD5", NULL,
      NULL, "securityerror", "block" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

static void
test_classify_generic_code (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* generic codes: the text decides */
    { "failed", "5.0.0", "550", "550 Unknown user (in reply to RCPT TO command)", NULL, "5.0.0",
      "userunknown", "hard" },
    { "failed", "5.0.0", "550", "550 Recipient address rejected: mailbox does not exist", NULL,
      "5.0.0", "userunknown", "hard" },
    { "failed", "5.7.1", "554", "554 5.7.1 Relay access denied", NULL, "5.7.1", "norelaying",
      "block" },
    { "failed", "5.7.9", "554", "554 5.7.9 Message not accepted for policy reasons", NULL,
      "5.7.9", "policyviolation", "block" },
    /* no words: the generic code says nothing; with no status, the reply code does */
    { "failed", "5.4.0", "552", "552-5.4.0 This message was", NULL, "5.4.0", "networkerror",
      "soft" },
    /* 5.7.0, 5.7.1, 5.7.9 with no words: a security refusal */
    { "failed", "5.7.0", "552", "552-5.7.0 This message was", NULL, "5.7.0", "securityerror",
      "block" },
    { "failed", "5.7.9", "550", "550 5.7.9 Rejected", NULL, "5.7.9", "securityerror", "block" },
    /* ... unless the command refused says more */
    { "failed", "5.7.1", "550", "550 5.7.1 Access denied (in reply to MAIL FROM command)", NULL,
      "5.7.1", "rejected", "block" },
    { "failed", NULL, "550",
      "SMTP error from remote mail server after initial connection: 550 Rejected", NULL, NULL,
      "blocked", "block" },
    /* a permanent refusal at RCPT TO that names no other subject: the address */
    { "failed", "5.0.0", "550", "550 <a@example.org>: Recipient address rejected. (in reply to RCPT TO command)",
      NULL, "5.0.0", "userunknown", "hard" },
    /* ... not a temporary one: the reply code of a generic status speaks */
    { "failed", "4.0.0", "451", "451 Could not load configuration (in reply to RCPT TO command)",
      NULL, "4.0.0", "systemerror", "soft" },
    { "failed", "5.5.0", "503", "503 Improper sequence of commands", NULL, "5.5.0",
      "syntaxerror", "block" },
    /* 5.7.1 (per-host or per-recipient filtering) lets the words say what was
     * refused: the recipient's account ... */
    { "failed", "5.7.1", "550",
      "550 5.7.1 <a@example.org>: Recipient address rejected: User a@example.org temporarily locked",
      NULL, "5.7.1", "suspend", "soft" },
    /* ... but not that something does not exist, which a refusal contradicts */
    { "failed", "5.7.1", "550", "Unknown address error 550 5.7.1 <b@example.net>... Access denied",
      NULL, "5.7.1", "securityerror", "block" },
    /* 5.1.0 with no words: the address was refused */
    { "failed", "5.1.0", "550", "550 #5.1.0 Address rejected.", NULL, "5.1.0", "userunknown",
      "hard" },
    /* 5.2.0 with no words: the mailbox exists and refused it */
    { "failed", "5.2.0", NULL, NULL, NULL, "5.2.0", "filtered", "block" },
    /* a receiver refusing work for its load at the greeting: its own trouble */
    { "failed", NULL, "421", "421 Too much load; please try again later.", NULL, NULL,
      "systemerror", "soft" },
    { "failed", NULL, "421",
      "host mx.example.org[192.0.2.1] refused to talk to me: 421 mx.example.org: Too much load; "
      "please try again later",
      NULL, NULL, "systemerror", "soft" },
    /* a system's refusal at the greeting: of the sending host */
    { "failed", "4.0.0", "421",
      "host mx.example.org[192.0.2.1] refused to talk to me: 421 Service refused, please try later",
      NULL, "4.0.0", "blocked", "block" },
    /* a delayed message reports its cause: the code's (a network matter), or
     * none (onhold); never expired, which is giving up */
    { "delayed", "4.4.0", NULL, "Action: Delayed", NULL, "4.4.0", "networkerror", "soft" },
    { "delayed", "4.4.7", NULL, "Connection refused", NULL, "4.4.7", "networkerror", "soft" },
    { "delayed", "4.4.7", NULL, "Message will be retried", NULL, "4.4.7", "onhold", "soft" },
    /* ... unless the notice says it gave up, whatever its Action field says */
    { "delayed", "4.4.7", NULL, "Envelope expired", NULL, "4.4.7", "expired", "soft" },
    { "failed", NULL, "552", "552 sorry", NULL, NULL, "mailboxfull", "soft" },
    { "failed", NULL, NULL, NULL, NULL, NULL, "undefined", "soft" },
    /* a delay with nothing more said still reports the delay: onhold */
    { "delayed", NULL, NULL, NULL, NULL, NULL, "onhold", "soft" },
    /* a specific code is not overruled by a phrase of no higher rank */
    { "failed", "4.4.7", NULL, "Deferred: Connection refused by mx.example.org.", NULL, "4.4.7",
      "expired", "soft" },
    { "delivered", "2.0.0", "250", "250 OK", NULL, "2.0.0", "delivered", "none" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

static void
test_classify_status_choice (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* the remote's code is more precise than the reporting MTA's summary */
    { "failed", "4.4.7", "450", "450 4.7.1 Client host rejected: may not be mail exchanger", NULL,
      "4.7.1", "blocked", "block" },
    { "failed", "5.1.0", NULL, "5.1.0 - Unknown address error 550-'5.2.2 <a@b.jp>... Mailbox Full'",
      NULL, "5.2.2", "mailboxfull", "soft" },
    /* another class: the one the reply code agrees with */
    { "failed", "4.5.0", NULL, "550 5.5.0 Service refuse", NULL, "5.5.0", "onhold", "soft" },
    /* the remote's code is vaguer: the field stays */
    { "failed", "5.1.1", NULL, "550 5.1.0 Address rejected", NULL, "5.1.1", "userunknown", "hard" },
    /* X.0.0 names no subject: the field's X.n.0 says more */
    { "delayed", "4.5.0", NULL, "451 4.0.0 Operating system error", NULL, "4.5.0", "systemerror",
      "soft" },
    /* a comment after the code */
    { "failed", "5.4.4 (Illegal host/domain name found)", NULL, NULL, NULL, "5.4.4",
      "hostunknown", "hard" },
    /* no Status: the text's code */
    { "failed", NULL, NULL, "Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <a@b.jp>... User Unknown",
      NULL, "5.1.1", "userunknown", "hard" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

static void
test_classify_adjustments (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* a row that states no cause ("transaction failed", RFC 5321's 554 text)
     * does not hide the cause said after it, and stands where none is */
    { NULL, NULL, "554", "554 Transaction failed: the user's mailfolder is full", NULL, NULL,
      "mailboxfull", "soft" },
    { NULL, NULL, "554", "554 Transaction failed", NULL, NULL, "onhold", "soft" },
    { "failed", "5.0.0", NULL, "554 Transaction failed; host mx.example.org refused to talk to me",
      NULL, "5.0.0", "blocked", "block" },
    /* the words for a missing mailbox are userunknown whatever the command they
     * answered: after the end of DATA too */
    { "failed", NULL, "550",
      "SMTP error from remote mail server after end of data: 550 Unknown user", NULL, NULL,
      "userunknown", "hard" },
    { "failed", "5.2.1", "550",
      "SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.2.1 User unknown",
      NULL, "5.2.1", "userunknown", "hard" },
    { "failed", "5.0.0", "550", "550 5.0.0 User unknown (in reply to end of DATA command)", NULL,
      "5.0.0", "userunknown", "hard" },
    { "failed", "5.0.0", "550", ">>> DATA <<< 550 No such user", NULL, "5.0.0", "userunknown",
      "hard" },
    { "failed", "5.2.1", "550", "550 5.2.1 <a@example.org>... User Unknown", NULL, "5.2.1",
      "userunknown", "hard" },
    { "failed", NULL, "550", "550 unknown user", NULL, NULL, "userunknown", "hard" },
    /* a filter named outright is a filter */
    { "failed", "5.7.1", "550", "550 5.7.1 Message refused by the recipient's content filter", NULL,
      "5.7.1", "filtered", "block" },
    /* an address code (X.1.x) stands whatever the command */
    { "failed", "5.1.1", "550", "550 5.1.1 User unknown (in reply to end of DATA command)", NULL,
      "5.1.1", "userunknown", "hard" },
    /* a DNS failure still retried is not a missing domain */
    { "delayed", "4.0.0", NULL, "DNS Error: NXDOMAIN Domain name not found", NULL, "4.0.0",
      "networkerror", "soft" },
    /* no answer from host until the sender gave up */
    { "failed", "4.4.1", NULL, "connect to mx.example.org[192.0.2.1]:25: Connection timed out",
      NULL, "4.4.1", "expired", "soft" },
    /* a transient reply with no action nor status: nothing says the retries
     * ended; "Host not reachable" is a host with no answer (a topic, RFC 3463's
     * X.4.1) */
    { NULL, NULL, "421", "Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.", NULL, NULL,
      "networkerror", "soft" },
    { "failed", "4.0.0", "426", "426 connection timed out", NULL, "4.0.0", "expired", "soft" },
    /* a block-list word said of nothing named: the sending side blocked before
     * DATA; after it, it may be the content's, and says no cause */
    { "failed", NULL, "550", "550 rejected: blacklisted (in reply to RCPT TO command)", NULL, NULL,
      "blocked", "block" },
    { "failed", NULL, "550", "550 You are blocked (in reply to MAIL FROM command)", NULL, NULL,
      "blocked", "block" },
    { "failed", NULL, "550", "550 rejected: blacklisted (in reply to end of DATA command)", NULL,
      NULL, "onhold", "soft" },
    { "failed", NULL, "550", "550 Recipient blocked (in reply to RCPT TO command)", NULL, NULL,
      "userunknown", "hard" },
    /* a generic status (X.n.0) names no cause: a topic of another subject is
     * read under it, and not under a specific one */
    { "failed", "5.5.0", "554", "554 The mail could not be delivered because the domain is not reachable",
      NULL, "5.5.0", "hostunknown", "hard" },
    /* ... and a destination unreachable under a permanent status has no usable
     * mail host; under a transient one it is a network failure */
    { "delayed", "4.4.1", NULL, "Host not reachable", NULL, "4.4.1", "networkerror", "soft" },
    { "failed", "5.1.0", "550", "550 5.1.0 192.0.2.1 is not allowed to send", NULL, "5.1.0",
      "blocked", "block" },
    { "failed", "5.5.2", "554", "554 5.5.2 the domain is not reachable", NULL, "5.5.2", "syntaxerror",
      "block" },
    /* ... also without a reply or under a specific status ("failed" is final,
     * RFC 3464 § 2.3.3) */
    { "failed", "4.0.0", NULL, "lost connection with mx.example.org while sending RCPT TO", NULL,
      "4.0.0", "expired", "soft" },
    { "failed", "4.4.2", "421", "421 4.4.2 connection timed out", NULL, "4.4.2", "expired",
      "soft" },
    /* ... but a routing loop (X.4.6) is found at once, not after retries */
    { "failed", "4.4.6", NULL, "The message was forwarded more than the maximum allowed times",
      NULL, "4.4.6", "networkerror", "soft" },
    /* X.4.1, "no answer from host", in the host's own 5xx reply names no cause */
    { "failed", "5.4.1", "541", "541 5.4.1 Mail rejected by destination domain", NULL, "5.4.1",
      "onhold", "soft" },
    /* a mailbox code at the greeting says nothing of a recipient: the greeting
     * refused is the sending host's */
    { "failed", "4.2.1", "421",
      "host mx.example.org[192.0.2.1] refused to talk to me: 421 4.2.1 Service refused", NULL,
      "4.2.1", "blocked", "block" },
    /* too many over a period of time is a rate; at once, too many */
    { "failed", "5.1.1", "550", "550 5.1.1 192.0.2.1 has sent to too many recipients this hour",
      NULL, "5.1.1", "speeding", "soft" },
    { "failed", "4.5.3", "452", "452 4.5.3 Error: too many recipients", NULL, "4.5.3",
      "toomanyconn", "soft" },
    /* a delay of the same is the network failure it names */
    { "delayed", "4.4.2", "421", "421 4.4.2 connection timed out", NULL, "4.4.2", "networkerror",
      "soft" },
    /* provider: au's filter answer */
    { "failed", "5.2.0", "550", "550 : User unknown", "lsean.ezweb.ne.jp", "5.2.0", "filtered",
      "block" },
    /* notaccept is hard only when permanent */
    { "failed", "5.1.10", "556", "556 5.1.10 null MX", NULL, "5.1.10", "notaccept", "hard" },
    /* ... the recipient's: the sender's null MX is the sender's refusal (RFC 7505
     * § 4.2), whatever code a server writes with it */
    { "failed", "5.7.1", "553", "553 5.7.1 Sender address has null MX", NULL, "5.7.1", "rejected",
      "block" },
    /* Exchange's 5.1.10 is a recipient not found: its resolver's name says so
     * on any host */
    { "failed", "5.1.10", "550",
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient kim@example.org not found by SMTP "
      "address lookup", NULL, "5.1.10", "userunknown", "hard" },
    { "delayed", "4.1.10", NULL, "does not accept mail", NULL, "4.1.10", "notaccept", "soft" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

/* a receiver's rows apply where the diagnostic names its host and the report
 * has no Remote-MTA (a notice without a delivery-status part) */
static void
test_classify_receiver_named_in_text (void **state)
{
  (void) state;
  static const Case cases[] = {
    { "failed", NULL, NULL,
      "host mx3.qq.com[192.0.2.1] said: 550 Connection frequency limited (in reply to MAIL FROM command)",
      NULL, NULL, "speeding", "soft" },
    /* the same words from another host: not Tencent's row */
    { "failed", NULL, NULL,
      "host mx.example.net[192.0.2.1] said: 550 Connection frequency limited (in reply to MAIL FROM command)",
      NULL, NULL, "rejected", "block" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

/* a reply that names another recipient of the report as its subject is that
 * one's refusal, not this one's cause (nullmailer repeats the reply that ended
 * the session in every recipient's group) */
static void
test_classify_another_recipients_reply (void **state)
{
  (void) state;
  static const char reply[] = "550 5.1.1 <erin@example.net>: Recipient address rejected: User unknown";
  BounceReport *r = report_new ();
  BounceRecord *dave = report_add_record (r), *erin = report_add_record (r);
  record_set (dave, BOUNCE_FIELD_RECIPIENT, "dave@example.net");
  record_set (erin, BOUNCE_FIELD_RECIPIENT, "erin@example.net");
  BounceRecord *both[] = { dave, erin };
  for (gsize i = 0; i < G_N_ELEMENTS (both); i++)
    {
      record_set (both[i], BOUNCE_FIELD_ACTION, "failed");
      record_set (both[i], BOUNCE_FIELD_STATUS, "5.1.1");
      record_set (both[i], BOUNCE_FIELD_DIAGNOSTIC, reply);
      classify_record (both[i], REASON_NONE);
    }
  assert_string_equal (record_peek (dave, BOUNCE_FIELD_REASON), "onhold");
  assert_string_equal (record_peek (dave, BOUNCE_FIELD_BOUNCE), "soft");
  assert_string_equal (record_peek (erin, BOUNCE_FIELD_REASON), "userunknown");
  /* the address the sender used (an alias) is the recipient's own */
  record_set (dave, BOUNCE_FIELD_ORIGINAL_RECIPIENT, "erin@example.net");
  classify_record (dave, REASON_NONE);
  assert_string_equal (record_peek (dave, BOUNCE_FIELD_REASON), "userunknown");
  bounce_report_free (r);
}

/* Diagnostic-Type X-Unix: a local program's exit status; a system error named
 * with it (Sendmail's name for exit 71) is that program's failure */
static void
test_classify_local_program (void **state)
{
  (void) state;
  static const struct
  {
    const char *status, *diag, *want;
  } cases[] = {
    { "4.5.0", "451 4.0.0 Operating system error", "mailererror" },
    { "5.0.0", "255", "mailererror" },
    { "5.2.2", "input/output error", "mailboxfull" },
    { "5.0.0", "Command output: Quota exceeded", "mailboxfull" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BounceReport *r = report_new ();
      BounceRecord *rec = report_add_record (r);
      record_set (rec, BOUNCE_FIELD_RECIPIENT, "a@example.org");
      record_set (rec, BOUNCE_FIELD_ACTION, "failed");
      record_set (rec, BOUNCE_FIELD_STATUS, cases[i].status);
      record_set (rec, BOUNCE_FIELD_DIAGNOSTIC_TYPE, "X-Unix");
      record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, cases[i].diag);
      classify_record (rec, REASON_NONE);
      const char *got = record_peek (rec, BOUNCE_FIELD_REASON);
      if (g_strcmp0 (got, cases[i].want) != 0)
        fail_msg ("\"%s\": %s, expected %s", cases[i].diag, got, cases[i].want);
      bounce_report_free (r);
    }
}

static void
test_classify_fields (void **state)
{
  (void) state;
  BounceReport *r = report_new ();
  BounceRecord *rec = report_add_record (r);
  record_set (rec, BOUNCE_FIELD_RECIPIENT, "a@example.org");
  record_set (rec, BOUNCE_FIELD_ACTION, "failed");
  record_set (rec, BOUNCE_FIELD_STATUS, "5.2.2");
  classify_record (rec, REASON_NONE);
  assert_string_equal (record_peek (rec, BOUNCE_FIELD_CLASS), "permanent");
  assert_string_equal (record_peek (rec, BOUNCE_FIELD_SUBJECT), "mailbox");
  assert_string_equal (record_peek (rec, BOUNCE_FIELD_DESCRIPTION), "Mailbox full");
  assert_int_equal (bounce_record_get_type (rec), BOUNCE_TYPE_SOFT);
  assert_false (bounce_record_is_hard (rec));
  /* a hint (auto-reply) wins over the text */
  BounceRecord *v = report_add_record (r);
  record_set (v, BOUNCE_FIELD_RECIPIENT, "b@example.org");
  record_set (v, BOUNCE_FIELD_DIAGNOSTIC, "user unknown");
  classify_record (v, REASON_VACATION);
  assert_string_equal (record_peek (v, BOUNCE_FIELD_REASON), "vacation");
  assert_string_equal (record_peek (v, BOUNCE_FIELD_BOUNCE), "none");
  /* a person's text holds no codes: a phone number is no reply code */
  BounceRecord *p = report_add_record (r);
  record_set (p, BOUNCE_FIELD_RECIPIENT, "c@example.org");
  record_set (p, BOUNCE_FIELD_DIAGNOSTIC, "I am away. Phone: +38 123 456 78 90, ext. 5.1.1");
  classify_record (p, REASON_VACATION);
  assert_null (record_peek (p, BOUNCE_FIELD_REPLY_CODE));
  assert_null (record_peek (p, BOUNCE_FIELD_STATUS));
  assert_null (record_peek (p, BOUNCE_FIELD_CLASS));
  bounce_report_free (r);
}

/* the replies and notices of open-source mail servers written in Java, Ruby and
 * Node (Apache James, Postal, ZoneMTA, WildDuck's Haraka plugin), each in answer
 * to the command it refuses */
static void
test_classify_nodejava_servers (void **state)
{
  (void) state;
  static const struct
  {
    const char *command, *reply, *diag, *want_reason;
  } cases[] = {
    { "RCPT", "451", "451 4.4.3 Temporary rejected: Reconnect to fast. Please try again later", "onhold" },
    { "RCPT", "451", "451 4.4.3 Temporary rejected: Please try again later", "onhold" },
    { "RCPT", "554", "554 5.7.1 Rejected: unauthenticated e-mail from 192.0.2.1 is restricted.  Contact the postmaster for details.", "blocked" },
    { "RCPT", "501", "501 5.5.4 Provided EHLO/HELO mail.example.com can not resolved.", "blocked" },
    { "MAIL", "503", "503 5.5.0 Need HELO or EHLO before MAIL", "syntaxerror" },
    { "CONN", "500", "500 Line length exceeded. See RFC 2821 #4.5.3.1.", "syntaxerror" },
    { "CONN", "521", "521 Closing connection as too many unknown commands received", "syntaxerror" },
    { "RCPT", "530", "530 5.7.1 Invalid MX 192.0.2.1 for domain example.org. Reject email", "hostunknown" },
    { "DATA", "552", "552 Header Lines are too many", "mesgtoobig" },
    { "DATA", "552", "552 Header size is too large", "mesgtoobig" },
    { "DATA", "503", "503 5.5.4 Missing From header", "notcompliantrfc" },
    { NULL, NULL, "There are no DNS entries for the hostname example.invalid.  I cannot determine where to send this message.", "hostunknown" },
    { NULL, NULL, "Unknown host: nowhere.example.invalid This could be a DNS server error, a typo, or a problem with the recipient's mail server.", "hostunknown" },
    { NULL, NULL, "Temporary problem looking up mail server for host: example.org.  I cannot determine where to send this message.", "networkerror" },
    { "CONN", "502", "502 Invalid/unsupported command", "syntaxerror" },
    { "MAIL", "503", "503 EHLO/HELO first please", "syntaxerror" },
    { "RCPT", "535", "535 Mail server has been suspended", "suspend" },
    { "RCPT", "550", "550 Invalid server token", "userunknown" },
    /* James's answer at the end of DATA to a message over its maximum size */
    { "DATA", "552", "552 Quota exceeded", "mesgtoobig" },
    /* Postal's answer to RCPT TO for an address it has no route for, from a
     * client that did not log in: relaying refused */
    { "RCPT", "530", "530 Authentication required", "norelaying" },
    /* Sendmail's, to MAIL FROM where it requires a login: the login's */
    { "MAIL", "530", "530 5.7.0 Authentication required", "securityerror" },
    { "RCPT", "550", "550 Invalid route token", "userunknown" },
    { "RCPT", "550", "550 Route does not accept incoming messages", "filtered" },
    { "DATA", "530", "530 From/Sender name is not valid", "rejected" },
    { "DATA", "500", "500 A delivery loop was detected which causes this email which caused the email to be undeliverable (26)", "networkerror" },
    { "RCPT", "421", "421 Server shutdown in progress", "systemerror" },
    { "RCPT", "450", "450 Failed to process recipient, try again [ERRC01]", "systemerror" },
    { "DATA", "550", "550 5.7.1 [192.0.2.1] was found from Zone RBL", "blocked" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BounceReport *r = report_new ();
      BounceRecord *rec = report_add_record (r);
      record_set (rec, BOUNCE_FIELD_RECIPIENT, "a@example.org");
      record_set (rec, BOUNCE_FIELD_ACTION, "failed");
      record_set (rec, BOUNCE_FIELD_REPLY_CODE, cases[i].reply);
      record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, cases[i].diag);
      record_set (rec, BOUNCE_FIELD_COMMAND, cases[i].command);
      classify_record (rec, REASON_NONE);
      const char *re = record_peek (rec, BOUNCE_FIELD_REASON);
      if (g_strcmp0 (re, cases[i].want_reason) != 0)
        fail_msg ("%s \"%s\": got %s, expected %s", cases[i].command ? cases[i].command : "-",
                  cases[i].diag, re, cases[i].want_reason);
      bounce_report_free (r);
    }
}

/* the default replies of the filter and policy daemons packaged in Debian, as a
 * bounce quotes them (each from the daemon's source, see wording-table.c) */
static void
test_classify_filter_daemons (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* rspamd's milter reject and soft reject (milter_internal.h), its greylist and ratelimit
     * defaults, its scanners' default messages and DMARC's forced action */
    { "failed", "5.7.1", "554",
      "554 5.7.1 Spam message rejected",
      NULL, "5.7.1", "spamdetected", "block" },
    { "delayed", "4.7.1", "451",
      "451 4.7.1 Try again later",
      NULL, "4.7.1", "onhold", "soft" },
    { "delayed", "4.7.1", "451",
      "451 4.7.1 Ratelimit \"to\" exceeded",
      NULL, "4.7.1", "speeding", "soft" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 Action set by DMARC",
      NULL, "5.7.1", "authfailure", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 ClamAV: virus found: \"Eicar-Test-Signature\"",
      NULL, "5.7.1", "virusdetected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 DCC: bulk message found: \"bulk\"",
      NULL, "5.7.1", "spamdetected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 PYZOR: Pyzor bulk message found: \"pyzor\"",
      NULL, "5.7.1", "spamdetected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 OLETOOLS: Oletools threat message found: \"AutoExec\"",
      NULL, "5.7.1", "virusdetected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 ICAP: threat found with icap scanner: \"Trojan.X\"",
      NULL, "5.7.1", "virusdetected", "block" },
    /* spamass-milter and mimedefang's defaults (action_bounce, action_tempfail, the sample
     * filter) */
    { "failed", "5.7.1", "550",
      "550 5.7.1 Blocked by SpamAssassin",
      NULL, "5.7.1", "spamdetected", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 Forbidden for policy reasons",
      NULL, "5.7.1", "policyviolation", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 MIME type message/partial not accepted here",
      NULL, "5.7.1", "policyviolation", "block" },
    { "delayed", "4.3.0", "451",
      "451 4.3.0 Try again later",
      NULL, "4.3.0", "systemerror", "soft" },
    /* greylisting: a deferral until the retry, onhold (postgrey, sqlgrey, greylistd, milter-
     * greylist, qpsmtpd); a volume limit is speeding */
    { "delayed", "4.7.1", "450",
      "450 4.7.1 <a@example.org>: Recipient address rejected: Greylisted, see "
      "http://postgrey.schweikert.ch/help/example.org.html",
      NULL, "4.7.1", "onhold", "soft" },
    { "delayed", "4.7.1", "450",
      "450 4.7.1 <a@example.org>: Recipient address rejected: Greylisted for 5 minutes",
      NULL, "4.7.1", "onhold", "soft" },
    { "delayed", "4.7.1", "450",
      "450 4.7.1 <a@example.org>: Recipient address rejected: Throttling too many "
      "connections from new source - Try again later.",
      NULL, "4.7.1", "speeding", "soft" },
    { "delayed", NULL, "451",
      "451 192.0.2.1 is not yet authorized to deliver mail from <s@example.net> to "
      "<a@example.org>. Please try later.",
      NULL, NULL, "onhold", "soft" },
    /* the same deferral until the sender gave up (X.4.7 in a failure) */
    { "failed", "4.4.7", "451",
      "451 192.0.2.1 is not yet authorized to deliver mail from <s@example.net> to "
      "<a@example.org>. Please try later.",
      NULL, "4.4.7", "expired", "soft" },
    { "failed", NULL, "550",
      "550 192.0.2.1 is blacklisted from delivering mail from <s@example.net> to "
      "<a@example.org>.",
      NULL, NULL, "blocked", "block" },
    { "delayed", "4.7.1", "451",
      "451 4.7.1 Greylisting in action, please come back in 00:05:00",
      NULL, "4.7.1", "onhold", "soft" },
    { "failed", "5.7.1", "551",
      "551 5.7.1 Go away!",
      NULL, "5.7.1", "blocked", "block" },
    { "delayed", NULL, "450",
      "450 This mail is temporarily denied",
      NULL, NULL, "onhold", "soft" },
    /* SPF, DKIM and DMARC daemons: postfix-policyd-spf-python and -perl, qpsmtpd's
     * sender_permitted_from and dkim, OpenDKIM, OpenDMARC */
    { "failed", "5.7.23", "550",
      "550 5.7.23 <a@example.org>: Recipient address rejected: Message rejected due to: "
      "SPF fail - not authorized. Please see "
      "http://www.openspf.net/Why?s=mfrom;id=s@example.net;ip=192.0.2.1;r=<UNKNOWN>",
      NULL, "5.7.23", "authfailure", "block" },
    { "failed", "5.7.1", "550",
      "550 5.7.1 <a@example.org>: Recipient address rejected: Rejected by SPF record",
      NULL, "5.7.1", "authfailure", "block" },
    { "delayed", "4.7.1", "450",
      "450 4.7.1 <a@example.org>: Recipient address rejected: SPF-Result=example.net: DNS "
      "error",
      NULL, "4.7.1", "authfailure", "block" },
    { "failed", NULL, "550",
      "550 SPF - fail: Please see "
      "http://www.openspf.net/Why?s=mfrom&id=s%40example.net&ip=192.0.2.1",
      NULL, NULL, "authfailure", "block" },
    { "failed", NULL, "550",
      "550 no DKIM signature with sign-all policy",
      NULL, NULL, "authfailure", "block" },
    { "failed", "5.7.0", "550",
      "550 5.7.0 bad DKIM signature data",
      NULL, "5.7.0", "authfailure", "block" },
    { "failed", "5.7.0", "550",
      "550 5.7.0 DKIM signature syntax error",
      NULL, "5.7.0", "authfailure", "block" },
    { "delayed", "4.7.5", "451",
      "451 4.7.5 DKIM key retrieval failed",
      NULL, "4.7.5", "authfailure", "block" },
    { "delayed", "4.7.0", "451",
      "451 4.7.0 internal DKIM error",
      NULL, "4.7.0", "systemerror", "soft" },
    { "failed", "5.0.0", "550",
      "550 5.0.0 message does not have exactly one From field",
      NULL, "5.0.0", "notcompliantrfc", "block" },
    { "failed", "5.0.0", "550",
      "550 5.0.0 message has multiple Subject fields",
      NULL, "5.0.0", "notcompliantrfc", "block" },
    { "failed", "5.7.1", "550",
      "550 5.7.1 rejected by DMARC policy for example.net",
      NULL, "5.7.1", "authfailure", "block" },
    /* policy daemons: policyd-weight, postfwd's score default, qpsmtpd's karma, headers and
     * uvscan */
    { "failed", NULL, "550",
      "550 Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct "
      "HELO and DNS MX settings or to get removed from DNSBLs",
      NULL, NULL, "blocked", "block" },
    { "delayed", NULL, "450",
      "450 No DNS entries for your MTA, HELO and Domain. Contact YOUR administrator",
      NULL, NULL, "requireptr", "block" },
    { "failed", "5.7.1", "554",
      "554 5.7.1 postfwd2 score exceeded",
      NULL, "5.7.1", "onhold", "soft" },
    { "failed", NULL, "550",
      "550 very bad karma: -5",
      NULL, NULL, "badreputation", "block" },
    { "failed", NULL, "552",
      "552 Headers are missing",
      NULL, NULL, "notcompliantrfc", "block" },
    { "failed", NULL, "552",
      "552 We do not accept password-protected zip files!",
      NULL, NULL, "policyviolation", "block" },
    { "failed", NULL, "552",
      "552 spam score exceeded threshold",
      NULL, NULL, "spamdetected", "block" },
    /* amavisd-new's %smtp_reason_by_ccat under its status codes (Amavis.pm) */
    { "failed", "5.7.0", "554",
      "554 5.7.0 Reject, id=12345-01 - spam",
      NULL, "5.7.0", "spamdetected", "block" },
    { "failed", "5.7.0", "554",
      "554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Signature",
      NULL, "5.7.0", "virusdetected", "block" },
    { "failed", "5.7.0", "554",
      "554 5.7.0 Reject, id=12345-01 - UNCHECKED: encrypted",
      NULL, "5.7.0", "policyviolation", "block" },
    { "failed", "5.7.0", "554",
      "554 5.7.0 Reject, id=12345-01 - UNCHECKED: over limits",
      NULL, "5.7.0", "policyviolation", "block" },
    { "failed", "5.6.0", "554",
      "554 5.6.0 Reject, id=12345-01 - BAD HEADER: contains invalid control character",
      NULL, "5.6.0", "notcompliantrfc", "block" },
    { "failed", "5.6.0", "554",
      "554 5.6.0 Reject, id=12345-01 - BAD HEADER: line made up entirely of whitespace",
      NULL, "5.6.0", "notcompliantrfc", "block" },
    { "failed", "5.6.0", "554",
      "554 5.6.0 Reject, id=12345-01 - BAD HEADER: syntax error",
      NULL, "5.6.0", "notcompliantrfc", "block" },
    { "failed", "5.6.0", "554",
      "554 5.6.0 Reject, id=12345-01 - BAD HEADER: MIME error",
      NULL, "5.6.0", "contenterror", "block" },
    { "failed", "5.3.4", "552",
      "552 5.3.4 Reject, id=12345-01 - Message size exceeds recipient's size limit",
      NULL, "5.3.4", "exceedlimit", "soft" },
    { "failed", "5.3.5", "550",
      "550 5.3.5 Reject, id=12345-01 - Rejected by next-hop MTA on relaying",
      NULL, "5.3.5", "onhold", "soft" },
    { "failed", "5.3.5", "550",
      "550 5.3.5 Reject, id=12345-01 - Unable to relay message back to MTA",
      NULL, "5.3.5", "systemerror", "soft" },

  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run (&cases[i]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_classify_specific_code_wins),
    cmocka_unit_test (test_classify_text_overrides),
    cmocka_unit_test (test_classify_server_replies),
    cmocka_unit_test (test_classify_qmail_addons),
    cmocka_unit_test (test_classify_qmail_quoted_reply),
    cmocka_unit_test (test_classify_opensmtpd_joined_lines),
    cmocka_unit_test (test_classify_generic_code),
    cmocka_unit_test (test_classify_status_choice),
    cmocka_unit_test (test_classify_adjustments),
    cmocka_unit_test (test_classify_receiver_named_in_text),
    cmocka_unit_test (test_classify_local_program),
    cmocka_unit_test (test_classify_fields),
    cmocka_unit_test (test_classify_another_recipients_reply),
    cmocka_unit_test (test_classify_filter_daemons),
    cmocka_unit_test (test_classify_nodejava_servers),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
