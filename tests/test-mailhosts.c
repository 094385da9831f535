/* test-mailhosts.c: providers' own wordings, only on their own hosts (mailhosts.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "mailhosts.h"
#include "reasons.h"

static void
test_existing_rows (void **state)
{
  (void) state;
  /* au (KDDI): the filter answer has no address */
  assert_string_equal (mailhosts_reason ("lsean.ezweb.ne.jp", "550 : user unknown", "5.2.0"),
                       "filtered");
  /* ... the refusal naming the address (folded away) is the missing mailbox */
  char *folded = reasons_fold_text ("550 <a@ezweb.ne.jp>: User unknown", 256);
  assert_string_equal (mailhosts_reason ("lsean.ezweb.ne.jp", folded, "5.0.0"), "userunknown");
  g_free (folded);
  /* La Poste: LPN007_416 is its invalid-recipient code */
  assert_string_equal (mailhosts_reason ("smtp-in.laposte.net",
                                              "550 5.5.0 invalid recipient. lpn007_416", "5.5.0"),
                       "userunknown");
  /* au: its notice's sentences, for the recipient's filter and a stopped account */
  assert_string_equal (
      mailhosts_reason ("ezweb.ne.jp", "each of the following recipients was rejected by a "
                             "remote mail server.", NULL),
      "filtered");
  assert_string_equal (mailhosts_reason ("lsean.ezweb.ne.jp",
                                              "550 user unknown (in reply to rcpt to command) the "
                                              "user(s) account is disabled.",
                                              "5.0.0"),
                       "suspend");
  /* docomo: not when the status is an address code */
  assert_string_equal (
      mailhosts_reason ("mfsmax.docomo.ne.jp", "550 unknown user", "5.2.0"), "filtered");
  assert_null (mailhosts_reason ("mfsmax.docomo.ne.jp", "550 unknown user", "5.1.1"));
  /* only for the provider's host */
  assert_null (mailhosts_reason ("mx.example.org", "550 : user unknown", "5.2.0"));
  /* no host known: a provider named in the text */
  assert_string_equal (
      mailhosts_reason (NULL, "host: smtp-in.orange.fr reason: 550 5.2.0 mail rejected. ofr_506",
                             "5.2.0"),
      "spamdetected");
}
/* documented texts of the large providers, folded as the classifier reads them */
static void
test_documented_wordings (void **state)
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
    { "eu-smtp-inbound-1.mimecast.com", "550 Envelope blocked - User Entry - https://community.mimecast.com",
      NULL, "rejected" },
    { "smtp.secureserver.net", "554 ib705 virus detected", NULL, "virusdetected" },
    { "mx.east.cox.net", "554 AUP#CXSNDR sender authentication failed", NULL, "authfailure" },
    { "smtp-in.orange.fr", "550 5.7.1 Service refused. OFR004_421", "5.7.1", "rejected" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *folded = reasons_fold_text (cases[i].text, 4096);
      const char *got = mailhosts_reason (cases[i].host, folded, cases[i].status);
      if (g_strcmp0 (got, cases[i].reason) != 0)
        fail_msg ("%s: got %s, want %s", cases[i].text, got ? got : "NULL", cases[i].reason);
      /* the same words from another host mean nothing special */
      const char *elsewhere = mailhosts_reason ("mx.example.org", folded, cases[i].status);
      if (elsewhere)
        fail_msg ("%s: %s from another host", cases[i].text, elsewhere);
      g_free (folded);
    }
}

static void
count (const char *name, guint wordings, gpointer data)
{
  assert_non_null (name);
  assert_true (wordings > 0);
  (*(guint *) data)++;
}

static void
test_foreach (void **state)
{
  (void) state;
  guint n = 0;
  mailhosts_foreach (count, &n);
  assert_true (n >= 10);
  assert_null (mailhosts_reason ("mx1.qq.com", NULL, NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_existing_rows),
    cmocka_unit_test (test_documented_wordings),
    cmocka_unit_test (test_foreach),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
