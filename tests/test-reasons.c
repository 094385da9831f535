/* test-reasons.c: the phrase table and the precedence between reasons (reasons.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "reasons.h"

typedef struct
{
  const char *text;
  const char *reason;
} Case;

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
  { "Message header size exceeds limit", "exceedlimit" },
  { "550 5.2.1 The email account that you tried to reach is disabled.", "suspend" },
  { "452 4.3.1 Insufficient system storage", "systemfull" },
  { "451 4.3.0 Internal error", "systemerror" },
  { "procmail: Couldn't create \"/var/mail/u\"", "mailererror" },
  { "connect to mx.example.org[192.0.2.1]:25: Connection timed out", "networkerror" },
  { "550 5.4.6 Routing loop detected", "networkerror" },
  { "delivery retry timeout exceeded", "expired" },
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
  { "550 5.1.8 Sender address rejected: Domain not found", "rejected" },
  { "554 5.7.1 <a@example.org>: Relay access denied", "norelaying" },
  { "550 5.7.1 Message rejected as spam by Content Filtering.", "spamdetected" },
  { "554 5.7.0 Message rejected: virus found in attachment", "virusdetected" },
  { "554 5.7.9 Message not accepted for policy reasons", "policyviolation" },
  { "554 5.6.0 Invalid header found", "contenterror" },
  { "550 5.7.1 Messages with multiple addresses in From: header are not accepted",
    "notcompliantrfc" },
  { "530 5.7.0 Must issue a STARTTLS command first", "securityerror" },
  { "500 5.5.1 Command unrecognized", "syntaxerror" },
  { "550 5.7.1 Refused due to recipient preferences", "filtered" },
  /* the final notice after the retry period; '#' in a row stands for a number */
  { "Delivery failed 20 attempts: a@example.com", "expired" },
  { "Message could not be delivered for 5 days", "expired" },
  { "Could not deliver for the last 432000 seconds. Giving up.", "expired" },
  { "Delivery to the following recipients was aborted after 5.0 hour(s)", "expired" },
  /* the local delivery agent and a notice's own label for the address */
  { "mail.local: unknown user: kim", "userunknown" },
  { "Unknown user: a@example.com", "userunknown" },
  /* the mobile carrier's sentence about a stopped account */
  { "The user(s) account is disabled.", "suspend" },
};

static void
test_reasons_typical_wordings (void **state)
{
  (void) state;
  for (gsize i = 0; i < G_N_ELEMENTS (typical); i++)
    {
      const char *got = reasons_from_text (typical[i].text);
      if (!got || strcmp (got, typical[i].reason) != 0)
        fail_msg ("\"%s\": %s, expected %s", typical[i].text, got ? got : "(null)",
                  typical[i].reason);
    }
}

/* When phrases of several reasons occur, the precedence list decides. */
static const Case precedence[] = {
  /* a full mailbox beats the user-unknown words some servers put beside it */
  { "User unknown: mailbox is full", "mailboxfull" },
  /* the sender, not the recipient */
  { "Sender address rejected: user unknown in relay recipient table", "rejected" },
  /* a blocklist named in a refusal that also says "spam" */
  { "Client host blocked for spamming issues", "blocked" },
  /* decisive wordings beat better-ranked neighbours */
  { "452 4.3.2 Connection rate limit exceeded", "toomanyconn" },
  { "is not permitted to relay through this server without authentication", "securityerror" },
  { "Name service error for domain example.com: Host not found, try again", "networkerror" },
  { "550 too many recipients this hour", "speeding" },
  { "DNS lookup failed.", "networkerror" },
  { "550 5.1.1 No mailbox by that name is currently available", "userunknown" },
  { "553 sorry, this recipient is not in my validrcptto list (#5.7.1)", "userunknown" },
  { "550 Utilisateur inconnu !", "userunknown" },
  { "552 Quota violation for user@example.org", "mailboxfull" },
  { "550 Mailbox currently suspended - Please contact correspondent directly", "suspend" },
  { "553 5.7.1 BATV failed to verify", "rejected" },
  { "451 Local configuration error, please contact the postmaster", "systemerror" },
  { "550 Message rejected because of unacceptable content", "spamdetected" },
  { "554 Sorry, this message is not allowed: by non-member to a members-only list", "policyviolation" },
  { "553 We do not accept mail from hosts with dynamic IP or generic DNS PTR-records", "requireptr" },
  { "Name service error for name=example.org type=MX: Malformed name server reply", "networkerror" },
  { "Delivery expired (message too old)", "expired" },
  { "REJECTED - Blacklisted URL in message", "spamdetected" },
  /* the carrier's sentence beats the reply it quotes beside it */
  { "550 user unknown The user(s) account is disabled.", "suspend" },
  /* a number is one or more digits, nothing else */
  { "Delivery failed many attempts", NULL },
  /* a reputation throttle is reputation, not speed */
  { "The mail server has been temporarily rate limited due to IP reputation", "badreputation" },
};

static void
test_reasons_precedence (void **state)
{
  (void) state;
  for (gsize i = 0; i < G_N_ELEMENTS (precedence); i++)
    {
      const char *got = reasons_from_text (precedence[i].text);
      if (!precedence[i].reason && !got)
        continue;
      if (!got || !precedence[i].reason || strcmp (got, precedence[i].reason) != 0)
        fail_msg ("\"%s\": %s, expected %s", precedence[i].text, got ? got : "(null)",
                  precedence[i].reason);
    }
  assert_true (reasons_rank ("mailboxfull") < reasons_rank ("userunknown"));
  assert_true (reasons_rank ("userunknown") < reasons_rank ("suspend"));
  assert_int_equal (reasons_rank ("mesgtoobig"), reasons_rank ("exceedlimit"));
  assert_int_equal (reasons_rank ("expired"), reasons_rank ("networkerror"));
  assert_int_equal (reasons_rank (NULL), G_MAXUINT);
}

static void
test_reasons_addresses_are_not_words (void **state)
{
  (void) state;
  /* "filtered@" and "spam@" are names */
  assert_string_equal (reasons_from_text ("550 5.2.1 <filtered@example.com>... User Unknown"),
                       "userunknown");
  assert_null (reasons_from_text ("550 <spam@example.com> ok"));
  char *f = reasons_fold_text ("550-5.7.1 Messages with multiple\n550 5.7.1 addresses in From:", 4096);
  assert_non_null (strstr (f, "multiple addresses in from"));
  g_free (f);
  f = reasons_fold_text ("  A\tB \r\n c@d.e  F ", 4096);
  assert_string_equal (f, "a b f");
  g_free (f);
  assert_null (reasons_from_text (NULL));
  assert_null (reasons_from_text (""));
}

static void
test_reasons_stock_unknown (void **state)
{
  (void) state;
  /* the stock answers a filter gives too */
  assert_true (reasons_stock_unknown ("550 user unknown"));
  assert_true (reasons_stock_unknown ("550 no such user here"));
  assert_true (reasons_stock_unknown ("recipient address rejected: user unknown in local recipient table"));
  /* Gmail's, which it gives with 5.1.1 when it is the address */
  assert_true (reasons_stock_unknown ("the email account that you tried to reach does not exist."));
  /* words about the address itself */
  assert_false (reasons_stock_unknown ("user a not listed in domino directory"));
  assert_false (reasons_stock_unknown ("user unknown; the email address wasn't found at the destination domain"));
  /* the local delivery agent's and a notice's own label */
  assert_false (reasons_stock_unknown ("mail.local: unknown user: kim"));
  assert_false (reasons_stock_unknown ("unknown user:"));
  /* not about the mailbox at all */
  assert_false (reasons_stock_unknown ("552 mailbox full"));
  assert_false (reasons_stock_unknown (NULL));
}

static void
test_reasons_vocabulary (void **state)
{
  (void) state;
  assert_int_equal (reasons_type ("userunknown"), BOUNCE_TYPE_HARD);
  assert_int_equal (reasons_type ("mailboxfull"), BOUNCE_TYPE_SOFT);
  assert_int_equal (reasons_type ("blocked"), BOUNCE_TYPE_BLOCK);
  assert_int_equal (reasons_type ("vacation"), BOUNCE_TYPE_NONE);
  assert_true (reasons_known ("filtered"));
  assert_false (reasons_known ("nosuchreason"));
  /* every ranked reason is in the vocabulary */
  const char *ranked[] = { "virusdetected", "mailererror", "mailboxfull", "exceedlimit",
                           "mesgtoobig", "hasmoved", "norelaying", "authfailure", "requireptr",
                           "notcompliantrfc", "badreputation", "speeding", "toomanyconn",
                           "blocked", "rejected", "spamdetected", "contenterror", "notaccept",
                           "userunknown", "suspend", "hostunknown", "systemfull", "filtered",
                           "securityerror", "policyviolation", "syntaxerror", "systemerror",
                           "expired", "networkerror", "onhold", "undefined" };
  for (gsize i = 0; i < G_N_ELEMENTS (ranked); i++)
    {
      assert_true (reasons_known (ranked[i]));
      assert_true (reasons_rank (ranked[i]) < G_MAXUINT);
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_reasons_typical_wordings),
    cmocka_unit_test (test_reasons_precedence),
    cmocka_unit_test (test_reasons_addresses_are_not_words),
    cmocka_unit_test (test_reasons_stock_unknown),
    cmocka_unit_test (test_reasons_vocabulary),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
