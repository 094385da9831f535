/* mailhosts.c: what mail providers mean by their own wordings and codes.
 *
 * Large providers answer with texts and codes of their own and document what they
 * mean (Gmail's SMTP error reference, Microsoft's NDR codes, Yahoo's and Tencent's
 * postmaster pages, Mimecast's and GoDaddy's code lists). The same words may mean
 * something else elsewhere ("550 : User unknown" is au's recipient filter), and a
 * provider's code can name a reason its enhanced status does not ("452 4.2.1 ...
 * receiving mail too quickly" is a rate limit, not a disabled mailbox). So a
 * provider's rows apply only to answers from its own hosts, and win over the
 * status code and the general phrase table (classify.c).
 *
 * Each provider is a list of host suffixes (its MX hosts and mail domains) and a
 * list of wordings, tried in order: the first one found in the folded diagnostic
 * gives the reason, so a longer wording stands before a shorter one it contains.
 * Wordings are lower-case substrings of the folded text (reasons_fold_text:
 * addresses are dropped, so a wording never includes one).
 */
#include "mailhosts.h"

#include <string.h>

typedef struct
{
  const char *reason; /* NULL ends the list */
  const char *phrase;
  gboolean not_address_status; /* not when the status is an address code (X.1.x) */
} Wording;

typedef struct
{
  const char *name;
  const char *const *hosts;
  const Wording *wordings;
} Provider;

#define HOSTS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define WORDINGS(...) ((const Wording[]){ __VA_ARGS__, { NULL, NULL, FALSE } })

static const Provider providers[] = {
  /* Gmail and Google Workspace (MX hosts under google.com):
   * https://support.google.com/a/answer/3726730 */
  { "google", HOSTS ("google.com"),
    WORDINGS (
        /* sender authentication (SPF, DKIM, DMARC, alignment) */
        { "authfailure", "senders to authenticate with either spf or dkim", FALSE },
        { "authfailure", "senders to authenticate their email with spf", FALSE },
        { "authfailure", "senders to authenticate with spf", FALSE },
        { "authfailure", "senders to authenticate their email with dkim", FALSE },
        { "authfailure", "senders to authenticate with dkim", FALSE },
        { "authfailure", "aligned with either the authenticated spf or dkim", FALSE },
        { "authfailure", "the spf record of the sending domain", FALSE },
        { "authfailure", "is not accepted due to domain's dmarc policy", FALSE },
        { "authfailure", "fails to pass authentication checks", FALSE },
        { "authfailure", "does not have authentication information", FALSE },
        /* the sending IP or domain */
        { "badreputation", "very low reputation of the sending", FALSE },
        { "blocked", "an unusual rate of unsolicited mail", FALSE },
        { "blocked", "an unusual rate of mail", FALSE },
        { "blocked", "ip not in whitelist for rcpt domain", FALSE },
        { "blocked", "try again later, closing connection.", FALSE },
        { "blocked", "empty helo/ehlo argument not allowed", FALSE },
        { "blocked", "helo/ehlo argument is invalid", FALSE },
        { "requireptr", "have a ptr record, or the ptr record", FALSE },
        /* sending limits of the Gmail or relay account */
        { "speeding", "is receiving mail too quickly", FALSE },
        { "speeding", "receiving mail at a rate that prevents additional messages", FALSE },
        { "speeding", "rate that prevents additional messages from being delivered", FALSE },
        { "speeding", "peak smtp relay limit exceeded for customer", FALSE },
        { "speeding", "daily sending quota exceeded", FALSE },
        { "speeding", "daily smtp relay limit exceeded for", FALSE },
        /* the message */
        { "exceedlimit", "exceeds google's limit of", FALSE },
        { "exceedlimit", "message header size limit", FALSE },
        { "exceedlimit", "bytes per individual header size", FALSE },
        { "exceedlimit", "exceeds google's header name limit of", FALSE },
        { "mesgtoobig", "exceeded google's message size limits", FALSE },
        { "mesgtoobig", "exceeds google's message size limit of", FALSE },
        { "notcompliantrfc", "missing a valid address in the from: header", FALSE },
        { "notcompliantrfc", "missing a valid message-id: header", FALSE },
        { "notcompliantrfc", "contains a unicode character in a disallowed header", FALSE },
        { "notcompliantrfc", "encoded-word syntax is not permitted", FALSE },
        { "notcompliantrfc", "is not a valid rfc 5321 address", FALSE },
        { "notcompliantrfc", "mail message is malformed", FALSE },
        { "notcompliantrfc", "not rfc 5322 compliant", FALSE },
        { "policyviolation", "has a policy that prohibited", FALSE },
        { "policyviolation", "sending messages with the same message-id:", FALSE },
        { "spamdetected", "due to the nature of the content or the links within", FALSE },
        { "virusdetected", "potential security issue", FALSE },
        { "networkerror", "message exceeded 50 hops", FALSE },
        /* the recipient */
        { "mailboxfull", "inbox is out of storage space", FALSE },
        { "mailboxfull", "email quota exceeded", FALSE },
        { "userunknown", "we weren't able to find the recipient domain", FALSE },
        /* the relay account and the session */
        { "norelaying", "invalid credentials for relay", FALSE },
        { "norelaying", "is not authorized to send email directly to our servers", FALSE },
        { "rejected", "mail sending denied", FALSE },
        { "rejected", "unauthenticated email is not accepted", FALSE },
        { "securityerror", "too many login attempts", FALSE },
        { "securityerror", "cannot decode response", FALSE },
        { "securityerror", "senders to use tls/ssl for smtp", FALSE },
        { "systemerror", "cannot authenticate due to temporary system problem", FALSE },
        { "syntaxerror", "smtp protocol violation", FALSE },
        { "syntaxerror", "starttls may not be repeated", FALSE },
        { "syntaxerror", "unrecognized authentication type", FALSE },
        { "syntaxerror", "xoauth is no longer supported", FALSE },
        { "syntaxerror", "must issue a starttls command first", FALSE },
        { "syntaxerror", "too many unauthenticated commands", FALSE },
        { "expired", "timeout - closing connection", FALSE },
        { "expired", "connection expired", FALSE },
        { "systemerror", "temporary system problem", FALSE },
        { "systemerror", "multiple destination domains per transaction is unsupported", FALSE },
        { "systemerror", "has temporarily rejected this message", FALSE },
        { "systemerror", "temporarily rejected message", FALSE },
        { "systemerror", "domain policy size per transaction exceeded", FALSE },
        { "systemerror", "server busy", FALSE }) },

  /* Microsoft (Outlook.com, Hotmail, Exchange Online: MX hosts under
   * outlook.com): its NDR codes,
   * https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online */
  { "microsoft", HOSTS ("outlook.com"),
    WORDINGS (
        { "authfailure", "must pass either spf or dkim validation", FALSE },
        { "authfailure", "tlsa-invalid: the domain failed dane validation", FALSE },
        { "authfailure", "dnssec-invalid: destination domain returned invalid dnssec", FALSE },
        { "authfailure", "certificate-host-mismatch: remote certificate must have", FALSE },
        { "authfailure", "certificate-expired: destination mail server's certificate", FALSE },
        { "authfailure", "rejected because of sender policy framework violation", FALSE },
        { "authfailure", "does not pass dmarc verification", FALSE },
        { "badreputation", "temporarily rate limited due to ip reputation", FALSE },
        { "blocked", "must have a reverse dns record", FALSE },
        { "blocked", "access denied, bad helo", FALSE },
        { "blocked", "access denied, rejected by recipient", FALSE },
        { "blocked", "does not accept email over ipv6", FALSE },
        { "blocked", "using customer block list", FALSE },
        { "blocked", "access denied, banned sending ip", FALSE },
        { "blocked", "access denied, please try again later", FALSE },
        { "blocked", "restrictdomainstoipaddresses or restrictdomainstocertificate", FALSE },
        { "blocked", "part of their network is on our block list", FALSE },
        { "contenterror", "agent generated message depth exceeded", FALSE },
        { "contenterror", "invalid message content", FALSE },
        { "notaccept", "hosted tenant which has no mail-enabled subscriptions", FALSE },
        { "policyviolation", "x-dg-ref header is too long", FALSE },
        { "policyviolation", "delivery not authorized, message refused", FALSE },
        { "rejected", "access denied, spam abuse detected", FALSE },
        { "rejected", "access denied, message must be rfc 5322 section", FALSE },
        { "rejected", "client blocked from sending from unregistered domains", FALSE },
        { "rejected", "access denied, banned sender", FALSE },
        { "rejected", "sender not in allowed-senders list", FALSE },
        { "rejected", "sender not authenticated for group", FALSE },
        { "rejected", "sender was not authenticated", FALSE },
        { "rejected", "delivery not authorized", FALSE },
        { "norelaying", "client was not authenticated", FALSE },
        { "spamdetected", "content filter agent quarantined this message", FALSE },
        { "speeding", "recipient thread limit exceeded", FALSE },
        { "speeding", "reached your daily limit for message recipients", FALSE },
        { "speeding", "submission quota exceeded", FALSE },
        { "speeding", "has exceeded permitted limits within", FALSE },
        { "speeding", "access denied, tenant has exceeded threshold", FALSE },
        { "speeding", "access denied, traffic not accepted from this ip", FALSE },
        { "suspend", "access denied, banned recipient", FALSE },
        { "toomanyconn", "the recipient has exceeded their limit for", FALSE },
        { "userunknown", "recipient address reserved by rfc 2606", FALSE },
        { "userunknown", "recipient addresses in single label domains not accepted", FALSE },
        { "userunknown", "recipient not found", FALSE },
        { "userunknown", "invalid x.400 address", FALSE },
        { "systemerror", "destination mailbox address ambiguous", FALSE },
        { "systemerror", "misconfigured forwarding address", FALSE },
        { "systemerror", "message failed to be replicated", FALSE },
        { "systemerror", "(suspiciousremoteservererror)", FALSE },
        { "systemerror", "pfa agent busy", FALSE },
        { "systemerror", "server busy. please try again later", FALSE }) },

  /* Yahoo Inc. (Yahoo, AOL), whose MX hosts are under yahoodns.net:
   * https://senders.yahooinc.com/smtp-error-codes */
  { "yahoo", HOSTS ("yahoodns.net"),
    WORDINGS (
        { "authfailure", "yahoo requires all senders to authenticate with either spf or dkim", FALSE },
        { "rejected", "temporarily deferred due to unexpected volume or user complaints", FALSE },
        { "rejected", "due to unresolvable rfc.5321 domain", FALSE },
        { "rejected", "will be permanently deferred", FALSE },
        { "speeding", "user is receiving mail too quickly", FALSE },
        { "toomanyconn", "max message per connection reached", FALSE },
        { "notcompliantrfc", "headers are not rfc compliant", FALSE },
        { "policyviolation", "not accepted for policy reasons", FALSE },
        { "suspend", "this mailbox is disabled", FALSE },
        { "suspend", " is no longer valid.", FALSE },
        /* "554 delivery error: dd This user doesn't have a yahoo.com account" */
        { "userunknown", "dd this user doesn't have a", FALSE }) },

  /* Apple iCloud Mail: https://support.apple.com/102322 */
  { "apple", HOSTS ("icloud.com", "me.com", "mac.com", "apple.com"),
    WORDINGS (
        { "authfailure", "blocked for failing both spf and dkim", FALSE },
        { "hasmoved", "recipient no longer on server", FALSE },
        { "speeding", "due to excessive volume", FALSE },
        { "blocked", "not accepting connections", FALSE },
        { "userunknown", "inactive email address", FALSE }) },

  /* Tencent QQ Mail: https://service.mail.qq.com/detail/122/ */
  { "tencent", HOSTS ("qq.com"),
    WORDINGS (
        { "authfailure", "spf check failed", FALSE },
        { "authfailure", "dmarc check failed", FALSE },
        { "blocked", "suspected bounce attacks", FALSE },
        { "blocked", "suspected spam ip", FALSE },
        { "blocked", "connection denied", FALSE },
        { "spamdetected", "spam is embedded in the email", FALSE },
        { "spamdetected", "mail content denied", FALSE },
        { "rejected", "mail is rejected by recipients", FALSE },
        { "rejected", "suspected spam", FALSE },
        { "speeding", "mailbox unavailable or access denined", FALSE },
        { "speeding", "mailbox unavailable or access denied", FALSE },
        { "suspend", "is a deactivated mailbox", FALSE },
        { "syntaxerror", "bad address syntax", FALSE },
        { "toomanyconn", "frequency limited", FALSE },
        { "userunknown", "mailbox not found", FALSE }) },

  /* Mimecast: its rejection texts,
   * https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 */
  { "mimecast", HOSTS ("mimecast.com", "mimecast.co.za", "mimecast-offshore.com"),
    WORDINGS (
        { "authfailure", "spf sender invalid - envelope rejected", FALSE },
        { "authfailure", "dkim sender invalid - envelope rejected", FALSE },
        { "authfailure", "dmarc sender invalid - envelope rejected", FALSE },
        { "badreputation", "local ct ip reputation", FALSE },
        { "badreputation", "internal resources are temporarily unavailable", FALSE },
        { "blocked", "sender address blocked", FALSE },
        { "blocked", "ip temporarily blacklisted", FALSE },
        { "blocked", "recipient temporarily unavailable", FALSE },
        { "mesgtoobig", "maximum email size exceeded", FALSE },
        { "networkerror", "the incorrect hostname used for inbounds", FALSE },
        { "networkerror", "mail loop detected", FALSE },
        { "norelaying", "open relay not allowed", FALSE },
        { "norelaying", "open relay is not allowed", FALSE },
        { "notaccept", "account inbounds disabled", FALSE },
        { "policyviolation", "host network not allowed", FALSE },
        { "policyviolation", "host network, not allowed", FALSE },
        { "policyviolation", "anti-spoofing policy", FALSE },
        { "policyviolation", "content examination policy", FALSE },
        { "rejected", "envelope blocked", FALSE },
        { "rejected", "blocked senders", FALSE },
        { "securityerror", "submitter failed to", FALSE },
        { "securityerror", "this route requires", FALSE },
        { "virusdetected", "email rejected due to security policies", FALSE },
        { "toomanyconn", "account service is temporarily unavailable", FALSE },
        { "toomanyconn", "exceeding outbound thread limit", FALSE },
        { "systemerror", "unable to process", FALSE },
        { "systemerror", "message ended early", FALSE },
        { "userunknown", "invalid address", FALSE },
        { "userunknown", "user unknown", FALSE }) },

  /* GoDaddy (secureserver.net): its IB codes,
   * https://www.godaddy.com/help/what-are-bounce-back-and-error-codes-3568 */
  { "godaddy", HOSTS ("secureserver.net"),
    WORDINGS (
        { "securityerror", "ib401", FALSE },
        { "notcompliantrfc", "ib501", FALSE },
        { "notcompliantrfc", "ib502", FALSE },
        { "rejected", "ib506", FALSE },
        { "authfailure", "ib508", FALSE },
        { "requireptr", "ib108", FALSE },
        { "spamdetected", "ib212", FALSE },
        { "virusdetected", "ib705", FALSE },
        { "toomanyconn", "ib605", FALSE },
        { "toomanyconn", "ib007", FALSE },
        { "speeding", "ib101", FALSE },
        { "speeding", "ib504", FALSE },
        { "speeding", "ib510", FALSE },
        { "speeding", "ib607", FALSE },
        { "badreputation", "ib103", FALSE },
        { "blocked", "ib104", FALSE },
        { "blocked", "ib105", FALSE },
        { "blocked", "ib106", FALSE },
        { "blocked", "ib110", FALSE },
        { "blocked", "ib111", FALSE },
        { "blocked", "ib112", FALSE },
        { "blocked", "ib113", FALSE },
        { "mailboxfull", "account storage limit", FALSE },
        { "spamdetected", "message rejected for spam or virus content", FALSE },
        { "userunknown", "recipient not found", FALSE }) },

  /* Cox: its AUP codes, https://www.cox.com/residential/support/email-error-codes.html */
  { "cox", HOSTS ("cox.net"),
    WORDINGS (
        { "blocked", "aup#cxbl", FALSE },
        { "blocked", "aup#cdrbl", FALSE },
        { "blocked", "aup#rbl", FALSE },
        { "blocked", "ipbl", FALSE },
        { "requireptr", "cxdns", FALSE },
        { "authfailure", "cxsndr", FALSE },
        { "rejected", "cxsmtp", FALSE },
        { "toomanyconn", "cxcnct", FALSE },
        { "toomanyconn", "cxmxrt", FALSE },
        { "securityerror", "cxthrt", FALSE },
        { "securityerror", "cxmj", FALSE },
        { "spamdetected", "urlbl", FALSE },
        { "blocked", "too many bad commands from", FALSE },
        { "blocked", "too many invalid recipients", FALSE },
        { "requireptr", "dns check failure - try again later", FALSE },
        { "policyviolation", "esmtp no data before greeting", FALSE },
        { "toomanyconn", "message threshold exceeded", FALSE },
        { "userunknown", "recipient rejected", FALSE }) },

  /* Spectrum (Charter): its AUP codes */
  { "spectrum", HOSTS ("charter.net", "spectrum.net", "rr.com"),
    WORDINGS ({ "toomanyconn", "aup#in-1310", FALSE }) },

  /* au (KDDI) */
  { "kddi", HOSTS ("ezweb.ne.jp", "au.com"),
    WORDINGS (
        /* "The user(s) account is disabled.", in its notice for an account that is
         * stopped (unpaid, cancelled), whatever reply it quotes */
        { "suspend", "user(s) account is disabled", FALSE },
        /* "550 : User unknown", without the address, when the recipient's
         * reception settings refuse the sender */
        { "filtered", "550 : user unknown", TRUE },
        /* its notice when the recipient's reception settings refused the message */
        { "filtered", "was rejected by a remote mail server", FALSE },
        /* the refusal that names the address (folded away) is the missing mailbox */
        { "userunknown", "550 user unknown", FALSE },
        { "userunknown", "550: user unknown", FALSE }) },

  /* NTT docomo: "550 Unknown user" both for a missing address and for the
   * recipient's domain filter; after DATA (not an X.1.x status) it is the filter */
  { "docomo", HOSTS ("docomo.ne.jp"), WORDINGS ({ "filtered", "550 unknown user", TRUE }) },

  /* Facebook: RCP-P2 is a refusal by the recipient's preferences */
  { "facebook", HOSTS ("facebook.com"), WORDINGS ({ "filtered", "rcp-p2", FALSE }) },

  /* Orange, La Poste, Wanadoo (France Télécom): the number after the
   * underscore of "LPN007_416", "OFR006_102" */
  { "orange", HOSTS ("laposte.net", "orange.fr", "wanadoo.fr"),
    WORDINGS (
        { "userunknown", "_416", FALSE },
        { "mailboxfull", "_417", FALSE },
        { "suspend", "_420", FALSE },
        { "suspend", "_426", FALSE },
        { "blocked", "_101", FALSE },
        { "blocked", "_102", FALSE },
        { "blocked", "_103", FALSE },
        { "toomanyconn", "_104", FALSE },
        { "securityerror", "_305", FALSE },
        { "authfailure", "_401", FALSE },
        { "securityerror", "_402", FALSE },
        { "rejected", "_403", FALSE },
        { "rejected", "_405", FALSE },
        { "rejected", "_415", FALSE },
        { "rejected", "_421", FALSE },
        { "systemerror", "_505", FALSE },
        { "spamdetected", "_506", FALSE },
        { "blocked", "_510", FALSE },
        { "mesgtoobig", "_514", FALSE },
        { "authfailure", "_517", FALSE },
        { "policyviolation", "_630", FALSE },
        { "blocked", "_999", FALSE }) },
};

static gboolean
host_has_suffix (const char *host, const char *suffix)
{
  gsize hl = strlen (host), sl = strlen (suffix);
  if (hl < sl || g_ascii_strcasecmp (host + hl - sl, suffix) != 0)
    return FALSE;
  return hl == sl || host[hl - sl - 1] == '.';
}

static gboolean
provider_here (const Provider *p, const char *host, const char *folded)
{
  for (gsize i = 0; p->hosts[i]; i++)
    if (host && *host ? host_has_suffix (host, p->hosts[i]) : strstr (folded, p->hosts[i]) != NULL)
      return TRUE;
  return FALSE;
}

const char *
mailhosts_reason (const char *host, const char *folded, const char *status)
{
  if (!folded)
    return NULL;
  gboolean address_status = status && status[0] && g_str_has_prefix (status + 1, ".1.");
  char *h = NULL;
  if (host)
    {
      /* "mx.example.jp (TCP|...)" or "[192.0.2.1]": the first word, no trailing dot */
      gsize n = strcspn (host, " \t([;");
      h = g_ascii_strdown (host, (gssize) n);
      gsize hl = strlen (h);
      while (hl > 0 && h[hl - 1] == '.')
        h[--hl] = '\0';
    }
  const char *found = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (providers) && !found; i++)
    {
      const Provider *p = &providers[i];
      if (!provider_here (p, h, folded))
        continue;
      for (const Wording *w = p->wordings; w->reason && !found; w++)
        if (strstr (folded, w->phrase) && !(w->not_address_status && address_status))
          found = w->reason;
    }
  g_free (h);
  return found;
}

void
mailhosts_foreach (void (*fn) (const char *name, guint wordings, gpointer data), gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      guint n = 0;
      for (const Wording *w = providers[i].wordings; w->reason; w++)
        n++;
      fn (providers[i].name, n, data);
    }
}
