/* test-wordings.c: the wording table (wording-table.c) and how its rows are found
 * (wordings.c): folding, scopes, and every row's source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "wordings.h"

typedef struct
{
  const char *text;
  const char *reason;
} Case;

static const char *
any_reason (const char *text)
{
  return reason_name (wordings_reason_of_text (text));
}

/* The rows one scope finds in text, with the host and family given. */
static const char *
scoped_reason (const char *host, const Detector *family, const char *text, const char *status,
               WordingScope scope)
{
  char *folded = wordings_fold (text, 4096);
  WordingFinds f;
  wordings_find (folded, host, family, status, &f);
  g_free (folded);
  const Wording *w = scope == SCOPE_RECEIVER ? f.receiver : scope == SCOPE_FAMILY ? f.family : f.any;
  return w ? reason_name (w->reason) : NULL;
}

/* Typical wordings, one or more per reason. */
static const Case typical[] = {
  { "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table",
    "userunknown" },
  { "550 No such user here", "userunknown" },
  { "The email account that you tried to reach does not exist.", "userunknown" },
  { "Recipient not found by SMTP address lookup", "userunknown" },
  { "550 Host unknown", "hostunknown" },
  { "Domain does not exist", "hostunknown" },
  { "550 5.1.6 Mailbox has moved", "hasmoved" },
  { "556 5.1.10 host does not accept mail (null MX)", "notaccept" },
  { "452 4.2.2 Mailbox full", "mailboxfull" },
  { "552 5.2.2 user is over quota", "mailboxfull" },
  { "The recipient's inbox is out of storage space", "mailboxfull" },
  { "552 5.3.4 Message size exceeds fixed maximum message size", "mesgtoobig" },
  { "Message header size exceeds limit", "mesgtoobig" },
  { "550 5.2.1 The email account that you tried to reach is disabled.", "suspend" },
  { "452 4.3.1 Insufficient system storage", "systemfull" },
  { "451 4.3.0 Internal error", "systemerror" },
  { "procmail: Couldn't create \"/var/mail/u\"", "mailererror" },
  { "connect to mx.example.org[192.0.2.1]:25: Connection timed out", "networkerror" },
  { "550 5.4.6 Routing loop detected", "networkerror" },
  { "421 4.7.0 Too many concurrent SMTP connections", "toomanyconn" },
  { "550 5.7.28 Mail flood detected, rate limit exceeded", "speeding" },
  { "550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents "
    "additional messages",
    "speeding" },
  { "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    "blocked" },
  { "550 SC-001 (BAY0-MC1-F1) Unfortunately, messages from 192.0.2.1 weren't sent.", "blocked" },
  { "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or "
    "user complaints",
    "badreputation" },
  { "550 5.7.25 The IP address sending this message does not have a PTR record", "requireptr" },
  { "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC "
    "policy",
    "authfailure" },
  { "550 #5.7.1 SPF unauthorized mail is prohibited.", "authfailure" },
  { "451 #4.4.3 Temporary error occurred during SPF verification.", "authfailure" },
  { "550 5.1.8 Sender address rejected: Domain not found", "rejected" },
  { "550 Sender verification failed", "rejected" },
  { "554 5.7.1 <a@example.org>: Relay access denied", "norelaying" },
  { "550 5.7.1 Message rejected as spam by Content Filtering.", "spamdetected" },
  { "554 5.7.0 Message rejected: virus found in attachment", "virusdetected" },
  { "554 5.7.9 Message not accepted for policy reasons", "policyviolation" },
  { "550 5.7.1 Messages with multiple addresses in From: header are not accepted",
    "notcompliantrfc" },
  { "530 5.7.0 Must issue a STARTTLS command first", "securityerror" },
  { "500 5.5.1 Command unrecognized", "syntaxerror" },
  /* the final notice after the retry period; '#' in a row stands for a number */
  /* the local delivery agent and a notice's own label for the address */
  { "mail.local: unknown user: kim", "userunknown" },
  { "Unknown user: a@example.com", "userunknown" },
  /* the hosting panel's bounce for mail to an address it does not have */
  { "This address no longer accepts mail.", "userunknown" },
  /* the mobile carrier's sentence about a stopped account */
  /* the replies of Stalwart, mox, maddy (and go-smtp) and chasquid */
  { "550 5.7.7 Failed to parse message.", "contenterror" },
  { "550 5.1.1 not accepting email for domain", "norelaying" },
  { "550 5.1.1 not accepting email for ip", "norelaying" },
  { "550 5.7.0 Missing From header", "notcompliantrfc" },
  { "550 5.7.0 Malformed From header", "notcompliantrfc" },
  { "550 5.7.0 Multiple From addresses are not allowed", "notcompliantrfc" },
  { "452 4.2.2 Greylisted, please try again in a few moments.", "onhold" },
  { "550 5.7.1 Message rejected for due to a local policy", "policyviolation" },
  { "501 5.5.4 You are not allowed to send from this address.", "rejected" },
  { "451 4.7.1 TLS is required but unavailable or failed (MTA-STS)", "securityerror" },
  { "550 5.7.1 TLS conversation required", "securityerror" },
  { "502 5.7.0 Please authenticate first", "securityerror" },
  { "550 5.7.9 Mail to submission port must be authenticated", "securityerror" },
  { "452 4.2.2 more than 200 messages in past 1h0m0s from your ip/network", "speeding" },
  { "452 4.2.2 more than 100000000 bytes in past 24h0m0s from your ip/network", "speeding" },
  { "452 4.7.28 mx.example.org Session exceeded transfer quota.", "speeding" },
  { "550 5.5.0 This account is not authorized to receive email.", "suspend" },
  { "501 Invisible customers are not welcome!", "syntaxerror" },
  { "500 5.4.0 Too long line, closing connection", "syntaxerror" },
  { "451 4.3.0 DKIM signing failed", "systemerror" },
  { "421 4.3.0 mx.example.org Server shutting down.", "systemerror" },
  { "421 4.7.0 connection rate from your ip or network too high, slow down please",
    "toomanyconn" },
  { "452 4.4.5 Maximum number of messages per session exceeded.", "toomanyconn" },
};

static void
test_typical_wordings (void **state)
{
  (void) state;
  for (gsize i = 0; i < G_N_ELEMENTS (typical); i++)
    {
      const char *got = any_reason (typical[i].text);
      if (!got || strcmp (got, typical[i].reason) != 0)
        fail_msg ("\"%s\": %s, expected %s", typical[i].text, got ? got : "(null)",
                  typical[i].reason);
    }
}

/* When phrases of several reasons occur, the precedence list decides. */
static const Case precedence[] = {
  /* a full mailbox beats the user-unknown words some servers put beside it */
  { "User unknown: mailbox is full", "mailboxfull" },
  /* James's size refusal beats the quota words in it; Dovecot's quota stays */
  { "552 Quota exceeded", "mesgtoobig" },
  { "552 5.2.2 <a@example.org> Quota exceeded (mailbox for user is full)", "mailboxfull" },
  /* a refusal to relay beats the open relay named in it */
  { "451 Open relay not allowed", "norelaying" },
  { "554 Your host is an open relay", "blocked" },
  /* "temporarily unavailable" alone names nothing */
  { "450 Mailbox temporarily unavailable", NULL },
  /* the sender, not the recipient */
  { "Sender address rejected: user unknown in relay recipient table", "rejected" },
  /* a blocklist named in a refusal that also says "spam" */
  /* decisive wordings beat better-ranked neighbours */
  { "452 4.3.2 Connection rate limit exceeded", "toomanyconn" },
  { "Name service error for domain example.com: Host not found, try again", "networkerror" },
  { "553 sorry, this recipient is not in my validrcptto list (#5.7.1)", "userunknown" },
  { "451 Local configuration error, please contact the postmaster", "systemerror" },
  { "554 Sorry, this message is not allowed: by non-member to a members-only list", "rejected" },
  { "Name service error for name=example.org type=MX: Malformed or unexpected name server reply",
    "networkerror" },
  /* the carrier's sentence beats the reply it quotes beside it */
  /* a number is one or more digits, nothing else */
  { "Delivery failed many attempts", NULL },
  /* a reputation throttle is reputation, not speed */
};

static void
test_precedence (void **state)
{
  (void) state;
  for (gsize i = 0; i < G_N_ELEMENTS (precedence); i++)
    {
      const char *got = any_reason (precedence[i].text);
      if (!precedence[i].reason && !got)
        continue;
      if (!got || !precedence[i].reason || strcmp (got, precedence[i].reason) != 0)
        fail_msg ("\"%s\": %s, expected %s", precedence[i].text, got ? got : "(null)",
                  precedence[i].reason);
    }
}

/* the wordings that say the sender gave up are no cause: they are told apart */
static void
test_giving_up (void **state)
{
  (void) state;
  static const char *const gave_up[] = {
    "retry timeout exceeded",
    "I'm not going to try again; this message has been in the queue too long.",
    "Could not deliver for the last 432000 seconds. Giving up.",
    "Delivery expired: envelope expired",
    "- \"a@example.org\" (email) failed repeatedly and timed out, last error:",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (gave_up); i++)
    {
      char *f = wordings_fold (gave_up[i], 4096);
      if (!wordings_gave_up (f, NULL))
        fail_msg ("\"%s\" does not say the sender gave up", gave_up[i]);
      WordingFinds finds;
      wordings_find (f, NULL, NULL, NULL, &finds);
      assert_true (finds.gave_up);
      assert_true (!finds.any || finds.any->reason != REASON_EXPIRED);
      g_free (f);
    }
  char *f = wordings_fold ("Message will be retried for 2 more day(s)", 4096);
  assert_false (wordings_gave_up (f, NULL));
  g_free (f);
}

static void
test_folding (void **state)
{
  (void) state;
  /* addresses and IP addresses become placeholders: one wording each */
  char *f = wordings_fold ("550 5.1.1 Mailbox <kim@example.org> does not exist", 4096);
  assert_string_equal (f, "550 5.1.1 mailbox <addr> does not exist");
  g_free (f);
  f = wordings_fold ("554 IP 192.0.2.1 is blocked; [2001:db8::1]: refused, <jdoe> unknown", 4096);
  assert_string_equal (f, "554 ip <ip> is blocked; <ip>: refused, <addr> unknown");
  g_free (f);
  /* multi-line reply prefixes, glued to the word or not, are dropped after the
   * first, the reply's code */
  f = wordings_fold ("550-5.7.1 Messages with multiple\n550 5.7.1 addresses in From:", 4096);
  assert_non_null (strstr (f, "multiple addresses in from"));
  g_free (f);
  f = wordings_fold ("553-you are not\n553-allowed here", 4096);
  assert_string_equal (f, "553 you are not allowed here");
  g_free (f);
  /* quotes around a cited reply or a word, and a reply code written with a
   * colon, are not wording; a folded text folds to itself */
  f = wordings_fold ("Server returned '550 User \"unknown\"', 550-'No such user' 550: Denied", 4096);
  assert_string_equal (f, "server returned 550 user unknown, 550 no such user 550 denied");
  g_free (f);
  /* letters of other scripts are lower-cased too */
  f = wordings_fold ("Postfach Überschritten; Почтовый ящик", 4096);
  assert_string_equal (f, "postfach überschritten; почтовый ящик");
  g_free (f);
  f = wordings_fold ("<ip> and <addr>: doesn't \"<\"", 4096);
  assert_string_equal (f, "<ip> and <addr>: doesn't \"<\"");
  g_free (f);
  f = wordings_fold ("  A\tB \r\n c@d.e  F ", 4096);
  assert_string_equal (f, "a b <addr> f");
  g_free (f);
  /* a status code is not an IP address */
  f = wordings_fold ("host 10.0.0 and 300.1.1.1", 4096);
  assert_string_equal (f, "host 10.0.0 and 300.1.1.1");
  g_free (f);
  /* "filtered@" and "spam@" are names */
  assert_string_equal (any_reason ("550 5.2.1 <filtered@example.com>... User Unknown"), "userunknown");
  assert_null (any_reason ("550 <spam@example.com> ok"));
  /* a row starts a word, and may end inside one (a stem) */
  assert_null (any_reason ("550 rejected by our antispam gateway, contact us"));
  /* Exim's default virus refusal, not any word "virus" (an antivirus banner) */
  assert_string_equal (any_reason ("550 This message contains a virus (Eicar)"), "virusdetected");
  assert_null (any_reason ("Scanned by the ExampleScan virus scanner"));
  assert_string_equal (any_reason ("550 Message classified as spam"), "spamdetected");
  assert_string_equal (any_reason ("452 4.2.0 rate limited"), "speeding");
  assert_null (any_reason (NULL));
  assert_null (any_reason (""));
}

/* spelling variants are folded to one form, so one row reads them all */
/* the shapes that write the most for what they read: lone "@" words, and "@"
 * glued between bytes of another script (run under AddressSanitizer in CI) */
static void
test_folding_worst_growth (void **state)
{
  (void) state;
  const char *units[] = { "@ ", "\xe9@", "\xe9@.", "<x> ", ":: " };
  for (gsize u = 0; u < G_N_ELEMENTS (units); u++)
    {
      GString *in = g_string_new (NULL);
      while (in->len < 4000)
        g_string_append (in, units[u]);
      char *f = wordings_fold (in->str, 4096);
      assert_non_null (f);
      assert_true (strlen (f) <= in->len * 5);
      g_free (f);
      g_string_free (in, TRUE);
    }
}

static void
test_folding_spelling (void **state)
{
  (void) state;
  char *f = wordings_fold ("Your E-Mail to a non-existent or nonexistent box: Over-Quota, "
                           "overquota, over quota (e-mails, email)", 4096);
  assert_string_equal (f, "your email to a non-existent or non-existent box: over quota, "
                          "over quota, over quota (emails, email)");
  g_free (f);
  f = wordings_fold ("User doesnt exist; Doesnt.", 4096);
  assert_string_equal (f, "user doesn't exist; doesn't.");
  g_free (f);
  /* words that only hold the letters are kept */
  f = wordings_fold ("e-mailbox re-mailed quota max-size", 4096);
  assert_string_equal (f, "emailbox re-mailed quota max-size");
  g_free (f);
  /* typographic apostrophes are the ASCII one */
  f = wordings_fold ("The address couldn\xe2\x80\x99t be found, the recipient\xe2\x80\x99s \xe2\x80\x98" "box\xe2\x80\x99 \xe2\x80\x9cx\xe2\x80\x9d", 4096);
  assert_string_equal (f, "the address couldn't be found, the recipient's 'box' \xe2\x80\x9cx\xe2\x80\x9d");
  g_free (f);
  assert_string_equal (any_reason ("Message refused by the recipient\xe2\x80\x99s mail filtering program"),
                       "filtered");
  /* the rows find every spelling */
  assert_string_equal (any_reason ("552 mailbox over-quota"), "mailboxfull");
  assert_string_equal (any_reason ("552 mailbox overquota"), "mailboxfull");
}

/* the documented texts of receivers, only from their own hosts */
static void
test_receiver_scope (void **state)
{
  (void) state;
  static const struct
  {
    const char *host, *text, *status, *reason;
  } cases[] = {
    { "gmail-smtp-in.l.google.com",
      "452 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend "
      "your message at a later time.", "4.2.1", "speeding" },
    { "aspmx.l.google.com",
      "550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires "
      "all senders to authenticate with either SPF or DKIM.", "5.7.26", "authfailure" },
    { "mx.prod.outlook.com", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
      "address lookup", "5.1.10", "userunknown" },
    { "example-com.mail.protection.outlook.com",
      "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "5.7.606", "blocked" },
    { "mta6.am0.yahoodns.net",
      "554 delivery error: dd This user doesn't have a yahoo.com account (kim@yahoo.com) [0]", "5.0.0",
      "userunknown" },
    { "mx1.qq.com", "550 Mailbox not found. http://service.mail.qq.com/detail/122/169", NULL,
      "userunknown" },
    { "mx1.qq.com", "550 Suspected spam ip", NULL, "blocked" },
    { "mx1.qq.com", "550 Suspected spam", NULL, "rejected" },
  };
  guint bad = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *got = scoped_reason (cases[i].host, NULL, cases[i].text, cases[i].status,
                                       SCOPE_RECEIVER);
      if (g_strcmp0 (got, cases[i].reason) != 0)
        print_message ("%s: got %s, want %s\n", cases[i].text, got ? got : "NULL", cases[i].reason),
            bad++;
      /* the same words from another host mean nothing special */
      const char *elsewhere = scoped_reason ("mx.example.org", NULL, cases[i].text, cases[i].status,
                                             SCOPE_RECEIVER);
      if (elsewhere)
        print_message ("%s: %s from another host\n", cases[i].text, elsewhere), bad++;
    }
  assert_int_equal (bad, 0);
  /* docomo: its filter's answer, not when the status is an address code */
  assert_string_equal (scoped_reason ("mfsmax.docomo.ne.jp", NULL, "550 Unknown user", "5.2.0",
                                      SCOPE_RECEIVER), "filtered");
  assert_null (scoped_reason ("mfsmax.docomo.ne.jp", NULL, "550 Unknown user", "5.1.1",
                              SCOPE_RECEIVER));
  /* no host known: a receiver the text names */
  assert_string_equal (scoped_reason (NULL, NULL, "host gmail-smtp-in.l.google.com said: 452 4.2.1 "
                                      "The user you are trying to contact is receiving mail too "
                                      "quickly.", "4.2.1", SCOPE_RECEIVER),
                       "speeding");
  assert_true (wordings_receiver_of_host ("gmail-smtp-in.l.google.com") != NULL);
  assert_null (wordings_receiver_of_host ("notgoogle.com"));
}

static const Detector *
family_named (const char *name)
{
  for (gsize i = 0; i < n_detectors; i++)
    if (strcmp (detectors[i]->name, name) == 0)
      return detectors[i];
  fail_msg ("no family %s", name);
  return NULL;
}

/* a family's wording means its own reason; other families' do not */
static void
test_family_scope (void **state)
{
  (void) state;
  static const struct
  {
    const char *family, *folded, *reason;
  } own[] = {
    { "exim", "all relevant mx records point to non-existent hosts", "hostunknown" },
    { "exim", "an mx or srv record indicated no smtp service", "notaccept" },
    { "exim", "too many \"received\" headers - suspected mail loop", "networkerror" },
    { "qmail", "sorry, i couldn't find a mail exchanger or ip address. (#5.4.4)", "hostunknown" },
    { "dragonfly", "dns lookup failure: host example.com not found", "hostunknown" },
    { "opensmtpd", "destination seem to reject all mails", "notaccept" },
    { "opensmtpd", "exited abnormally", "mailererror" },
    { "courier", "dns lookup failed.", "networkerror" },
    { "exchange", "#550 5.2.3 resolver.rst.recipsizelimit; message too large ##", "exceedlimit" },
    { "exchange", "3550 (000c05a6) unknown recipient", "userunknown" },
    { "mxlogic", "an mx or srv record indicated no smtp service", "notaccept" },
    { "verizon", "error: 550 - requested action not taken: no such user here", "userunknown" },
    { "fml", "duplicated message-id in .", "networkerror" },
    { "smartermail", "reason: the domain size limit has been exceeded", "mailboxfull" },
  };
  guint bad = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (own); i++)
    {
      const char *got = scoped_reason (NULL, family_named (own[i].family), own[i].folded, NULL,
                                       SCOPE_FAMILY);
      if (g_strcmp0 (got, own[i].reason) != 0)
        print_message ("%s: \"%s\": %s, expected %s\n", own[i].family, own[i].folded,
                       got ? got : "(null)", own[i].reason),
            bad++;
      const char *other = scoped_reason (NULL, &detector_postfix, own[i].folded, NULL, SCOPE_FAMILY);
      if (other)
        print_message ("postfix: \"%s\" reads as %s's %s\n", own[i].folded, own[i].family, other),
            bad++;
    }
  assert_int_equal (bad, 0);
  assert_null (scoped_reason (NULL, NULL, "an mx or srv record indicated no smtp service", NULL,
                              SCOPE_FAMILY));
}

/* every row is well-formed and names a source in one of the three forms */
static void
test_rows_and_sources (void **state)
{
  (void) state;
  guint bad = 0;
  for (gsize i = 0; i < wording_table_size; i++)
    {
      const Wording *w = &wording_table[i];
      const char *why = NULL;
      if (!wordings_source_well_formed (w->source))
        why = "no well-formed source";
      else if (!w->pattern[0] || w->pattern[0] == '#' || w->pattern[0] == ' ')
        why = "pattern empty or starting with '#' or a space";
      else if (!reason_name (w->reason))
        why = "no reason";
      else if ((w->scope == SCOPE_RECEIVER) != (w->receiver != NULL)
               || (w->scope == SCOPE_FAMILY) != (w->family != NULL))
        why = "scope and owner disagree";
      if (!why)
        {
          /* a row is written as the text it matches is folded (a space may
           * end it, to match a whole word) */
          char *folded = wordings_fold (w->pattern, 4096);
          gsize n = strlen (folded), pn = strlen (w->pattern);
          if (!(pn == n || (pn == n + 1 && w->pattern[n] == ' '))
              || strncmp (folded, w->pattern, n) != 0)
            why = "pattern not in folded form";
          g_free (folded);
        }
      if (why)
        {
          print_message ("row %zu \"%s\": %s (%s)\n", i, w->pattern, why, w->source);
          bad++;
        }
    }
  assert_int_equal (bad, 0);
  assert_true (wordings_source_well_formed ("src postfix 3.7.11 src/smtpd/smtpd_check.c"));
  assert_true (wordings_source_well_formed ("rfc 3463 § 3.2"));
  assert_true (wordings_source_well_formed (
      "doc https://example.org/codes \"Error codes\" § 5.7.1, read 2026-12-05"));
  assert_false (wordings_source_well_formed ("RFC 5321"));
  assert_false (wordings_source_well_formed ("rfc 5321"));
  assert_false (wordings_source_well_formed ("src postfix"));
  assert_false (wordings_source_well_formed ("doc https://example.org/codes \"Error codes\""));
  assert_false (wordings_source_well_formed (""));
  assert_false (wordings_source_well_formed (NULL));
  for (gsize r = 0; r < receiver_table_size; r++)
    assert_non_null (receiver_table[r]->hosts[0]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_typical_wordings),
    cmocka_unit_test (test_precedence),
    cmocka_unit_test (test_giving_up),
    cmocka_unit_test (test_folding),
    cmocka_unit_test (test_folding_spelling),
    cmocka_unit_test (test_folding_worst_growth),
    cmocka_unit_test (test_receiver_scope),
    cmocka_unit_test (test_family_scope),
    cmocka_unit_test (test_rows_and_sources),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
