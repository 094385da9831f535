/* test-detect.c: one synthetic notice per detector, in that family's layout, read
 * end to end: the recipient, the detector that read it, and its error text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "bounce/bounce.h"
#include "detect/detect.h"

typedef struct
{
  const char *family;
  const char *message;
  const char *recipient;
  const char *diag; /* a piece of the diagnostic, or NULL */
  /* the reason the family's own wording gives, or NULL: not checked */
  const char *reason;
  /* the record comes from the delivery-status part (source "dsn"); the family
   * still gives its wording's meaning */
  gboolean dsn;
} Case;

static const char notice_exim[] =
  "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Mail delivery failed: returning message to sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mx.example.net>\n"
  "X-Failed-Recipients: alice@example.com\n"
  "Auto-Submitted: auto-replied\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message was created automatically by mail delivery software.\n"
  "\n"
  "A message that you sent could not be delivered to one or more of its\n"
  "recipients. This is a permanent error. The following address(es) failed:\n"
  "\n"
  "  alice@example.com\n"
  "    host mx.example.com [192.0.2.10]\n"
  "    SMTP error from remote mail server after RCPT TO:<alice@example.com>:\n"
  "    550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown\n"
  "\n"
  "------ This is a copy of the message, including all the headers. ------\n"
  "\n"
  "To: alice@example.com\n"
  "From: sender@example.org\n"
  "Subject: hello\n"
  "\n";

static const char notice_qmail[] =
  "From: MAILER-DAEMON@mail.example.net\n"
  "To: sender@example.org\n"
  "Subject: failure notice\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Hi. This is the qmail-send program at mail.example.net.\n"
  "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
  "This is a permanent error; I've given up. Sorry it didn't work out.\n"
  "\n"
  "<bob@example.com>:\n"
  "192.0.2.20 does not like recipient.\n"
  "Remote host said: 550 5.1.1 No such user\n"
  "Giving up on 192.0.2.20.\n"
  "\n"
  "--- Below this line is a copy of the message.\n"
  "\n"
  "To: bob@example.com\n"
  "\n";

static const char notice_sendmail[] =
  "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Returned mail: see transcript for details\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@relay.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The original message was received at Mon, 3 Mar 2025 09:59:00 +0000\n"
  "from client.example.org [192.0.2.1]\n"
  "\n"
  "   ----- The following addresses had permanent fatal errors -----\n"
  "<carol@example.com>\n"
  "    (reason: 550 5.2.1 Mailbox disabled)\n"
  "\n"
  "   ----- Transcript of session follows -----\n"
  "... while talking to mx.example.com.:\n"
  ">>> RCPT To:<carol@example.com>\n"
  "<<< 550 5.2.1 Mailbox disabled\n"
  "\n"
  "   ----- Original message follows -----\n"
  "\n";

static const char notice_postfix[] =
  "From: MAILER-DAEMON@mail.example.net (Mail Delivery System)\n"
  "To: sender@example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This is the mail system at host mail.example.net.\n"
  "\n"
  "I'm sorry to have to inform you that your message could not\n"
  "be delivered to one or more recipients.\n"
  "\n"
  "                   The mail system\n"
  "\n"
  "<dave@example.com>: host mx.example.com[192.0.2.30] said: 552 5.2.2 Mailbox\n"
  "    full (in reply to RCPT TO command)\n"
  "\n";

static const char notice_dragonfly[] =
  "From: MAILER-DAEMON <>\n"
  "To: sender@example.org\n"
  "Subject: Mail delivery failed\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@df.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This is the DragonFly Mail Agent v0.13 at df.example.net.\n"
  "\n"
  "There was an error delivering your mail to <erin@example.com>.\n"
  "\n"
  "mx.example.com [192.0.2.40] did not like our RCPT TO:\n"
  "550 5.1.1 <erin@example.com>: Recipient address rejected: User unknown\n"
  "\n"
  "Message headers follow.\n"
  "\n"
  "To: <erin@example.com>\n"
  "Subject: hello\n"
  "\n";

static const char notice_opensmtpd[] =
  "From: Mailer Daemon <MAILER-DAEMON@smtp.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Delivery status notification: error\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@smtp.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "    Hi!\n"
  "\n"
  "    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n"
  "\n"
  "    An error has occurred while attempting to deliver a message for\n"
  "    the following list of recipients:\n"
  "\n"
  "frank@example.com: 550 5.1.1 Invalid recipient\n"
  "\n"
  "    Below is a copy of the original message:\n"
  "\n"
  "To: frank@example.com\n"
  "\n";

static const char notice_courier[] =
  "From: Courier mail server at mail.example.net <@>\n"
  "To: sender@example.org\n"
  "Subject: NOTICE: mail delivery status.\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This is a delivery status notification from mail.example.net,\n"
  "running the Courier mail server, version 1.1.\n"
  "\n"
  "The original message was received on Mon, 3 Mar 2025 09:59:00 +0000\n"
  "from [192.0.2.2]\n"
  "\n"
  "---------------------------------------------------------------------------\n"
  "\n"
  "                           UNDELIVERABLE MAIL\n"
  "\n"
  "Your message to the following recipients cannot be delivered:\n"
  "\n"
  "<grace@example.com>:\n"
  "    mx.example.com [192.0.2.50]:\n"
  ">>> RCPT TO:<grace@example.com>\n"
  "<<< 550 5.1.1 <grace@example.com>... User unknown\n"
  "\n"
  "---------------------------------------------------------------------------\n"
  "\n";

static const char notice_exchange[] =
  "From: Microsoft Outlook <postmaster@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable: hello\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Delivery has failed to these recipients or groups:\n"
  "\n"
  "heidi@example.com (heidi@example.com)\n"
  "The email address you entered couldn't be found.\n"
  "\n"
  "Diagnostic information for administrators:\n"
  "\n"
  "Generating server: ex1.example.net\n"
  "\n"
  "heidi@example.com\n"
  "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n"
  "\n"
  "Original message headers:\n"
  "\n"
  "To: heidi@example.com\n"
  "\n";

static const char notice_notes[] =
  "From: postmaster@notes.example.net\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable message\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@notes.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "------- Failure Reasons  --------\n"
  "\n"
  "User not listed in public Name & Address Book\n"
  "ivan@example.com\n"
  "\n"
  "\n"
  "------- Returned Message --------\n"
  "To: ivan@example.com\n"
  "\n";

static const char notice_domino[] =
  "From: Postmaster@domino.example.net\n"
  "To: sender@example.org\n"
  "Subject: DELIVERY FAILURE: User judy (judy@example.com) not listed in Domino Directory\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@domino.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message\n"
  "\n"
  "  Subject: hello\n"
  "\n"
  "was not delivered to:\n"
  "\n"
  "  judy@example.com\n"
  "\n"
  "because:\n"
  "\n"
  "  User judy (judy@example.com) not listed in Domino Directory\n"
  "\n"
  "\n";

/* Domino with a delivery-status part whose Final-Recipient is not the address
 * the notice names: the notice's is reported */
static const char notice_domino_dsn[] =
  "From: Postmaster@domino.example.net\n"
  "To: sender@example.org\n"
  "Subject: DELIVERY FAILURE: Maximum hop count exceeded\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n2@domino.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
  "\n"
  "--b1\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message\n"
  "\n"
  "  Subject: hello\n"
  "\n"
  "was not delivered to:\n"
  "\n"
  "  kim@example.com\n"
  "\n"
  "because:\n"
  "\n"
  "  Error transferring to hub.example.com; Maximum hop count exceeded.\n"
  "\n"
  "--b1\n"
  "Content-Type: message/delivery-status\n"
  "\n"
  "Reporting-MTA: dns;relay.domino.example.net\n"
  "\n"
  "Final-Recipient: rfc822;kim.lee@hub.example.com\n"
  "Action: failed\n"
  "Status: 5.0.0\n"
  "Diagnostic-Code: X-Notes; Error transferring to hub.example.com; Maximum hop count exceeded.\n"
  "\n"
  "--b1--\n";

static const char notice_imailserver[] =
  "From: \"Postmaster\" <postmaster@imail.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable Mail\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@imail.example.net>\n"
  "X-Mailer: <SMTP32 v8.22>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "User mailbox exceeds allowed size: ken@example.com\n"
  "\n"
  "Original message follows.\n"
  "\n"
  "To: ken@example.com\n"
  "\n";

static const char notice_messagingserver[] =
  "From: postmaster@ms.example.net\n"
  "To: sender@example.org\n"
  "Subject: Delivery Notification: Delivery has failed\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@ms.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This report relates to a message you sent with the following header fields:\n"
  "\n"
  "  Message-id: <m1@example.org>\n"
  "  From: sender@example.org\n"
  "  To: leo@example.com\n"
  "  Subject: hello\n"
  "\n"
  "Your message cannot be delivered to the following recipients:\n"
  "\n"
  "  Recipient address: leo@example.com\n"
  "  Reason: Remote SMTP server has rejected address\n"
  "  Diagnostic code: smtp;550 5.1.1 unknown user\n"
  "\n";

static const char notice_gmail[] =
  "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
  "To: sender@example.org\n"
  "Subject: Delivery Status Notification (Failure)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@google.com>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Delivery to the following recipient failed permanently:\n"
  "\n"
  "     mallory@example.com\n"
  "\n"
  "Technical details of permanent failure:\n"
  "Google tried to deliver your message, but it was rejected by the server for the recipient domain example.com by mx.example.com. [192.0.2.60].\n"
  "\n"
  "The error that the other server returned was:\n"
  "550 5.1.1 <mallory@example.com>... User unknown\n"
  "\n"
  "----- Original message -----\n"
  "To: mallory@example.com\n"
  "\n";

static const char notice_googlegroups[] =
  "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
  "To: sender@example.org\n"
  "Subject: Delivery Status Notification (Failure)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@google.com>\n"
  "X-Failed-Recipients: team@googlegroups.com\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Hello sender@example.org,\n"
  "\n"
  "We're writing to let you know that the group you tried to contact (team) may not exist, or you may not have permission to post messages to the group. A few more details on why you weren't able to post:\n"
  "\n"
  " * You might have spelled or formatted the group name incorrectly.\n"
  " * The owner of the group may have removed this group.\n"
  "\n"
  "If you have questions related to this or any other Google Group, visit the Help Center at https://groups.google.com/support/.\n"
  "\n"
  "Thanks,\n"
  "\n"
  "Google Groups\n"
  "\n"
  "----- Original message -----\n"
  "To: team@googlegroups.com\n"
  "\n";

static const char notice_yahoo[] =
  "From: MAILER-DAEMON@yahoo.example.net\n"
  "To: sender@example.org\n"
  "Subject: Failure Notice\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@yahoo.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Sorry, we were unable to deliver your message to the following address.\n"
  "\n"
  "<niaj@example.com>:\n"
  "Remote host said: 550 5.1.1 <niaj@example.com>: Recipient address rejected: User unknown [RCPT_TO]\n"
  "\n"
  "--- Below this line is a copy of the message.\n"
  "\n";

static const char notice_zoho[] =
  "From: mailer-daemon@mail.zoho.com\n"
  "To: sender@example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@zohomail.com>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message was created automatically by mail delivery system.\n"
  "\n"
  "THIS IS A WARNING MESSAGE ONLY.\n"
  "\n"
  "----- The following addresses had fatal errors -----\n"
  "[Status: Error, Address: <olivia@example.com>, ResponseCode 421, , Host not reachable.]\n"
  "\n"
  "Message will be retried for 2 more day(s)\n"
  "\n";

static const char notice_gmx[] =
  "From: \"Mail Delivery System\" <mailer-daemon@gmx.net>\n"
  "To: sender@example.org\n"
  "Subject: Mail delivery failed: returning message to sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@gmx.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message was created automatically by mail delivery software.\n"
  "\n"
  "A message that you sent could not be delivered to one or more of\n"
  "its recipients. This is a permanent error. The following address\n"
  "failed:\n"
  "\n"
  "\"peggy@example.com\":\n"
  "\n"
  "SMTP error from remote server after RCPT command:\n"
  "host: mx.example.com\n"
  "550 5.1.1 <peggy@example.com>: Recipient address rejected: User unknown\n"
  "\n"
  "--- The header of the original message is following. ---\n"
  "\n";

static const char notice_einsundeins[] =
  "From: \"Mail Delivery System\" <mailer-daemon@kundenserver.de>\n"
  "To: sender@example.org\n"
  "Subject: Mail delivery failed: returning message to sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@kundenserver.de>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message was created automatically by mail delivery software.\n"
  "\n"
  "A message that you sent could not be delivered to one or more of\n"
  "its recipients. This is a permanent error. The following address(es)\n"
  "failed:\n"
  "\n"
  "quentin@example.com:\n"
  "SMTP error from remote server for RCPT TO command, host: mx.example.com (192.0.2.70) reason: 552 5.2.2 Mailbox full\n"
  "\n"
  "--- The header of the original message is following. ---\n"
  "\n";

static const char notice_kddi[] =
  "From: no-reply@app.auone-net.jp\n"
  "To: sender@example.org\n"
  "Subject: Mail Error\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@auone-net.jp>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your mail sent on: Mon, 3 Mar 2025 10:00:00 +0900\n"
  "     Could not be delivered to: <rupert@example.com>\n"
  "     As their mailbox is full.\n"
  "\n";

static const char notice_ezweb[] =
  "From: <Postmaster@ezweb.ne.jp>\n"
  "To: sender@example.org\n"
  "Subject: Mail System Error - Returned Mail\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@ezweb.ne.jp>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "<sybil@example.com>\n"
  "Each of the following recipients was rejected by a remote mail server.\n"
  "\n"
  "-----------------------------------------------\n"
  "To: sybil@example.com\n"
  "\n";

static const char notice_biglobe[] =
  "From: postmaster@biglobe.ne.jp\n"
  "To: sender@example.org\n"
  "Subject: Returned mail: Service unavailable\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@biglobe.ne.jp>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "   ----- The following addresses had delivery problems -----\n"
  "trent@example.com\n"
  "\n"
  "   ----- Non-delivered information -----\n"
  "The number of messages in recipient's mailbox exceeded the local limit.\n"
  "\n";

static const char notice_verizon[] =
  "From: MMSC NDR Administrator <sysadmin@m01.vzwpix.com>\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable Message\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@vzwpix.com>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Message could not be delivered to mobile.\n"
  "Error: No valid recipients for this MM\n"
  "\n"
  "\n"
  "Original Message:\n"
  "From: Sender <sender@example.org>\n"
  "To: 5555550100@vzwpix.com\n"
  "Subject: hello\n"
  "\n";

static const char notice_amazonses[] =
  "From: SES <no-reply@sns.amazonaws.com>\n"
  "To: sender@example.org\n"
  "Subject: AWS Notification Message\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@amazonses.com>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"uma@example.com\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]},\"mail\":{\"source\":\"sender@example.org\",\"destination\":[\"uma@example.com\"]}}\n"
  "\n";

static const char notice_mailmarshal[] =
  "From: postmaster@mm.example.net\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable Mail: \"hello\"\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mm.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message:\n"
  "\n"
  "   From:    sender@example.org\n"
  "   Subject: hello\n"
  "\n"
  "Could not be delivered because of\n"
  "\n"
  "550 5.1.1 User unknown\n"
  "\n"
  "The following recipients were affected: \n"
  "    victor@example.com\n"
  "\n"
  "Additional Information\n"
  "======================\n"
  "\n";

static const char notice_mailfoundry[] =
  "From: MAILER-DAEMON@mf.example.net\n"
  "To: sender@example.org\n"
  "Subject: Message delivery has failed\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mf.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Unable to deliver message to: <walter@example.com>\n"
  "Delivery failed for the following reason:\n"
  "Server mx.example.com[192.0.2.80] failed with: 550 <walter@example.com> No such user here\n"
  "\n"
  "This has been a permanent failure.  No further delivery attempts will be made.\n"
  "\n";

static const char notice_mfilter[] =
  "From: <>\n"
  "To: sender@example.org\n"
  "Subject: failure notice\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mf.example.net>\n"
  "X-Mailer: m-FILTER\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "\343\201\223\343\201\256\343\203\241\343\203\274\343\203\253\343\201\257\343\200\214m-FILTER\343\200\215\343\201\214\350\207\252\345\213\225\347\232\204\343\201\253\347\224\237\346\210\220\343\201\227\343\201\246\351\200\201\344\277\241\343\201\227\343\201\246\343\201\204\343\201\276\343\201\231\343\200\202\n"
  "\n"
  "xavier@example.com\n"
  "\n"
  "\n"
  "-------server message\n"
  "550 5.1.1 unknown user <xavier@example.com>\n"
  "\n"
  "-------SMTP command\n"
  "RCPT TO:<xavier@example.com>\n"
  "\n"
  "-------original mail info\n"
  "From: sender@example.org\n"
  "\n";

static const char notice_mxlogic[] =
  "From: \"Mail Delivery System\" <MAILER-DAEMON@p01.mxlogic.net>\n"
  "To: sender@example.org\n"
  "Subject: Mail delivery failed\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mxlogic.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message was created automatically by mail delivery software.\n"
  "\n"
  "A message that you have sent could not be delivered to one or more\n"
  "recipients.  This is a permanent error.  The following address failed:\n"
  "\n"
  "  <yvonne@example.com>: 550 unknown user\n"
  "\n"
  "Included is a copy of the message header:\n"
  "-----------------------------------------\n"
  "From: sender@example.org\n"
  "\n";

static const char notice_interscan[] =
  "From: \"InterScan MSS\" <postmaster@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Mail could not be delivered\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Sent <<< RCPT TO:<zara@example.com>\n"
  "Received >>> 550 5.1.1 <zara@example.com>... user unknown\n"
  "\n";

static const char notice_activehunter[] =
  "From: \"MAILER-DAEMON\" <MAILER-DAEMON@ah.example.net>\n"
  "To: sender@example.org\n"
  "Subject: FAILURE NOTICE : hello\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@ah.example.net>\n"
  "X-Mailer: Active!hunter\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The original message was received at Mon, 3 Mar 2025 10:00:00 +0900\n"
  "from mx.example.org\n"
  "\n"
  "  ----- The following addresses had permanent fatal errors -----\n"
  "\n"
  ">>> amy@example.com <amy@example.com>\n"
  "\n"
  "  ----- Transcript of session follows -----\n"
  "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)\n"
  "\n";

static const char notice_mcafee[] =
  "From: <MAILER-DAEMON@gw.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Delivery Status\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@gw.example.net>\n"
  "X-NAI-Header: Modified by McAfee Email Gateway\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "    --- The following addresses had delivery problems ---\n"
  "\n"
  "<ben@example.com>   (Unknown user ben@example.com)\n"
  "\n";

static const char notice_surfcontrol[] =
  "From: <MAILER-DAEMON@example.net>\n"
  "To: sender@example.org\n"
  "Subject: hello\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "X-Mailer: SurfControl E-mail Filter\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message could not be sent.\n"
  "A transcript of the attempts to send the message follows.\n"
  "The number of attempts made: 1\n"
  "Addressed To: cleo@example.com\n"
  "\n"
  "Failed to send to identified host,\n"
  "cleo@example.com: [192.0.2.90], 550 cleo@example.com... No such user\n"
  "--- Message non-deliverable.\n"
  "\n";

static const char notice_barracuda[] =
  "From: MAILER-DAEMON@barracuda.example.net\n"
  "To: sender@example.org\n"
  "Subject: Undelivered Mail\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@barracuda.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message could not be delivered to the following recipients:\n"
  "\n"
  "dan@example.com: 550 5.7.1 Message rejected by policy\n"
  "\n";

static const char notice_fml[] =
  "From: list-admin@example.net\n"
  "To: sender@example.org\n"
  "Subject: You sender@example.org are not member (team ML)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "X-MLServer: fml [fml 4.0.3 release]\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "You are not a member of this mailing list <team@example.net>.\n"
  "\n"
  "If you know the general guide of this list, please send mail with\n"
  "the mail body\n"
  "\n"
  "\tguide\n"
  "\n"
  "to the address\n"
  "\n"
  "\tteam-ctl@example.net\n"
  "\n";

static const char notice_delivery_errors_list[] =
  "From: \"Mail Deliver System\" <MAILER-DAEMON@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Returned Mail: User unknown\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The original message was received at Mon, 3 Mar 2025 10:00:00 +0900\n"
  "from sender@example.org\n"
  "\n"
  "---The following addresses had delivery errors---\n"
  "\n"
  "eve@example.com [User unknown]\n"
  "\n";

static const char notice_unable_to_deliver[] =
  "From: MAILER-DAEMON@example.net\n"
  "To: sender@example.org\n"
  "Subject: Delivery failure\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Message from example.net.\n"
  "Unable to deliver message to the following address(es).\n"
  "\n"
  "<fay@example.com>:\n"
  "This user doesn't have a example.com account (fay@example.com) [-9]\n"
  "\n"
  "--- Original message follows.\n"
  "\n";

static const char notice_dsn_technical_details[] =
  "From: Mail Delivery System <Mail.Delivery.System@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Delivery status notification\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "============================================================================\n"
  "      This is an automatically generated Delivery Status Notification.\n"
  "\n"
  "Delivery to the following recipients failed permanently:\n"
  "\n"
  "   * gus@example.com\n"
  "\n"
  "\n"
  "============================================================================\n"
  "                             Technical details:\n"
  "\n"
  "SMTP:RCPT host 192.0.2.100: 553 5.3.0 <gus@example.com>... No such user here\n"
  "\n"
  "\n"
  "============================================================================\n"
  "\n";

static const char notice_qmail_retitled[] =
  "From: MAILER-DAEMON@example.net\n"
  "To: sender@example.org\n"
  "Subject: failure notice\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your mail message to the following address(es) could not be delivered. This\n"
  "is a permanent error. Please verify the addresses and try again.\n"
  "\n"
  "<hal@example.com>:\n"
  "The e-mail message could not be delivered because the user's mailfolder is full.\n"
  "\n"
  "--- Below this line is a copy of the message.\n"
  "\n";

static const char notice_trouble_delivering[] =
  "From: mailer-daemon\n"
  "To: sender@example.org\n"
  "Subject: There was an error sending your mail\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "We had trouble delivering your message. Full details follow:\n"
  "\n"
  "Subject: 'hello'\n"
  "Date: 'Mon, 3 Mar 2025 10:00:00 +0000'\n"
  "\n"
  "1 error(s):\n"
  "\n"
  "The following recipients returned permanent errors: iris@example.com. Reason: SMTP Server <192.0.2.110> refused to accept your message (RCPT), with the following error message: [550 5.1.1 User unknown]\n"
  "\n";

static const char notice_exim3[] =
  "From: <MAILER-DAEMON@example.net>\n"
  "To: sender@example.org\n"
  "Subject: mail failed, returning to sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "|------------------------- Message log follows: -------------------------|\n"
  " no valid recipients were found for this message\n"
  "|------------------------- Failed addresses follow: ---------------------|\n"
  " jack@example.com ... unknown host\n"
  "|------------------------- Message text follows: ------------------------|\n"
  "To: jack@example.com\n"
  "\n";

static const char notice_mdaemon[] =
  "From: MDaemon at mail.example.net <MDaemon@mail.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Permanent Delivery Failure\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "X-MDDSN-Message: Yes\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The attached message had PERMANENT fatal delivery errors!\n"
  "\n"
  "--- Session Transcript ---\n"
  " Mon 2025-03-03 10:00:00.100: *  To: kate@example.com\n"
  " Mon 2025-03-03 10:00:00.200: --> RCPT To:<kate@example.com>\n"
  " Mon 2025-03-03 10:00:00.300: <-- 550 5.1.1 <kate@example.com>: User unknown\n"
  "--- End Transcript ---\n"
  "\n";

static const char notice_smartermail[] =
  "From: System Administrator <postmaster@mail.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Undeliverable Mail\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Could not deliver message to the following recipient(s):\n"
  "\n"
  "Failed Recipient: lara@example.com\n"
  "Reason: The domain size limit has been exceeded\n"
  "\n";

static const char notice_hmailserver[] =
  "From: mailer-daemon@mail.example.net\n"
  "To: sender@example.org\n"
  "Subject: Message undeliverable: hello\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Your message did not reach some or all of the intended recipients.\n"
  "\n"
  "   Sent: Mon, 03 Mar 2025 09:59:00 +0000\n"
  "   Subject: hello\n"
  "\n"
  "The following recipient(s) could not be reached:\n"
  "\n"
  "liam@example.com\n"
  "   Error Type: SMTP\n"
  "   Remote server (192.0.2.91) issued an error.\n"
  "   hMailServer sent: RCPT TO:<liam@example.com>\n"
  "   Remote server replied: 550 5.1.1 <liam@example.com>: User unknown\n"
  "\n";

static const char notice_james[] =
  "From: postmaster@mail.example.net\n"
  "To: sender@example.org\n"
  "Subject: [BOUNCE]\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <1.2.3.JavaMail.james@mail.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Error message below:\n"
  "550 - Requested action not taken: no such user here\n"
  "\n"
  "Message details:\n"
  "  Subject: hello\n"
  "  MAIL FROM: sender@example.org\n"
  "  RCPT TO: mia@example.com\n"
  "  From: sender@example.org\n"
  "  To: mia@example.com\n"
  "  Size (in bytes): 1024\n"
  "\n";

static const char notice_xmail[] =
  "From: mail.example.net PostMaster <postmaster@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Error sending message [1741.22.mail.example.net] from [mail.example.net]\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "X-MailerServer: XMail 1.27\n"
  "\n"
  "[<00>] XMail bounce: Rcpt=[tara@example.com];Error=[Recipient domain \"example.com\" does not exist (or it has a misconfigured DNS)]\n"
  "\n"
  "\n"
  "[<01>] Error sending message [1741.22.mail.example.net] from [mail.example.net].\n"
  "\n"
  "ID:        <S1@mail.example.net>\n"
  "Mail From: <sender@example.org>\n"
  "Rcpt To:   <tara@example.com>\n"
  "\n"
  "\n"
  "[<02>] The reason of the delivery failure was:\n"
  "\n"
  "Recipient domain \"example.com\" does not exist (or it has a misconfigured DNS)\n"
  "\n"
  "\n"
  "[<05>] Here is listed the initial part of the message:\n"
  "\n"
  "From: sender@example.org\n"
  "To: tara@example.com\n"
  "Subject: hello\n"
  "\n";

static const char notice_mmdf[] =
  "From: mail.example.net Mail System (MMDF) <mmdf@mail.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Failed mail  (msg.aa01234)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "\n"
  "    After 4 days (96 hours), your message could not be\n"
  "fully delivered.\n"
  "\n"
  "    It failed to be received by the following address(es):\n"
  "\n"
  "\tuma@example.com (host: example.com) (queue: smtp)\n"
  "\n"
  "    Problems usually are due to service interruptions at the receiving\n"
  "machine.  Less often, they are caused by the communication system.\n"
  "\n"
  "    Your message begins as follows:\n"
  "\n"
  "From: sender@example.org\n"
  "To: uma@example.com\n"
  "Subject: hello\n"
  "\n";

static const char notice_kopano[] =
  "From: Mail Delivery System <MAILER-DAEMON@mail.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "\n"
  "Unfortunately, kopano-spooler was unable to deliver your mail to the/some of the "
  "recipient(s).\n"
  "You may need to contact your e-mail administrator to solve this problem.\n"
  "\n"
  "Recipients that failed permanently:\n"
  "\tVera Vale <vera@example.com>\n";

static const char notice_postal[] =
  "From: Mail Delivery Service <sales@example.com>\n"
  "To: sender@example.org\n"
  "Subject: Mail Delivery Failed (hello)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This is the mail delivery service responsible for delivering mail to sales@example.com.\n"
  "\n"
  "The message you've sent cannot be delivered. Your original message is attached to this message.\n"
  "\n"
  "For further assistance please contact postmaster@example.com.\n"
  "\n"
  "Mail from: sender@example.org\n"
  "Rcpt To: nina@example.com\n"
  "\n";

static const char notice_groupwise[] =
  "From: Mail Delivery System <postmaster@gw.example.net>\n"
  "To: sender@example.org\n"
  "Subject: Message status - undeliverable\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@gw.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The message that you sent was undeliverable to the following:\n"
  "\tnoah@example.com (user not found)\n"
  "\n"
  "Possible causes:\n"
  "\tThe e-mail address was mistyped.\n"
  "\n";

static const char notice_mailman[] =
  "From: team-bounces@lists.example.org\n"
  "To: team-owner@lists.example.org\n"
  "Subject: Uncaught bounce notification\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@lists.example.org>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/mixed; boundary=\"b1\"\n"
  "\n"
  "--b1\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The attached message was received as a bounce, but either the bounce\n"
  "format was not recognized, or no member addresses could be extracted\n"
  "from it.\n"
  "\n"
  "--b1\n"
  "Content-Type: message/rfc822\n"
  "\n"
  "From: MAILER-DAEMON@mail.example.net\n"
  "To: team-bounces@lists.example.org\n"
  "Subject: failure notice\n"
  "\n"
  "Hi. This is the qmail-send program at mail.example.net.\n"
  "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
  "\n"
  "<olga@example.com>:\n"
  "Sorry, no mailbox here by that name. (#5.1.1)\n"
  "\n"
  "--b1--\n";

static const char notice_ezmlm[] =
  "From: team-help@lists.example.org\n"
  "To: paul@example.com\n"
  "Subject: ezmlm warning\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@lists.example.org>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "Hi! This is the ezmlm program. I'm managing the\n"
  "team@lists.example.org mailing list.\n"
  "\n"
  "Messages to you from the team mailing list seem to\n"
  "have been bouncing.\n"
  "\n"
  "--- Enclosed is a copy of the bounce message.\n"
  "\n"
  "<paul@example.com>:\n"
  "Remote host said: 552 5.2.2 Mailbox over quota\n"
  "\n";

static const char notice_mimecast[] =
  "From: Postmaster <postmaster@relay.example.net>\n"
  "To: sender@example.org\n"
  "Subject: [Postmaster] Email Delivery Failure\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@relay.example.net>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "An email that you attempted to send to the following address could not be delivered:\n"
  "-- quinn@example.com\n"
  "\n"
  "The problem appears to be :\n"
  "-- Recipient email address is possibly incorrect\n"
  "\n"
  "Additional information follows :\n"
  "-- 5.4.1 Recipient address rejected: Access denied\n"
  "\n"
  "This could be due to a number of reasons:\n"
  "- Mistyped recipient address.\n"
  "\n";

/* MessageLabs: a DSN from the service's MAILER-DAEMON; "542 ... Rejected" is its
 * recipient validation's answer */
static const char notice_messagelabs[] =
  "From: Mail Delivery System <MAILER-DAEMON@messagelabs.com>\n"
  "To: sender@example.org\n"
  "Subject: Mail Delivery Failure\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n1@server-7.tower-12.messagelabs.com>\n"
  "X-Msg-Ref: server-7.tower-12.messagelabs.com!1741000000!123456!1\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
  "\n"
  "--b1\n"
  "Content-Type: text/plain\n"
  "\n"
  "This is the mail delivery agent at messagelabs.com.\n"
  "I was unable to deliver your message to the following addresses:\n"
  "\n"
  "rosa@example.com\n"
  "\n"
  "Reason: 542 rosa@example.com Rejected\n"
  "\n"
  "--b1\n"
  "Content-Type: message/delivery-status\n"
  "\n"
  "Reporting-MTA: dns; server-7.tower-12.messagelabs.com\n"
  "\n"
  "Final-Recipient: rfc822; rosa@example.com\n"
  "Action: failed\n"
  "Status: 5.0.0\n"
  "Diagnostic-Code: smtp; 542 rosa@example.com Rejected\n"
  "\n"
  "--b1--\n";

/* Amazon SES receiving: a receipt rule's Bounce action, sent through SES */
static const char notice_sesreceiving[] =
  "From: postmaster@example.com\n"
  "To: sender@example.org\n"
  "Subject: Delivery Status Notification (Failure)\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <0100019559aaaaaa-bbbbbbbb@email.amazonses.com>\n"
  "X-SES-Outgoing: 2025.03.03-192.0.2.7\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
  "\n"
  "--b1\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "This message could not be delivered.\n"
  "--b1\n"
  "Content-Type: message/delivery-status\n"
  "\n"
  "Reporting-MTA: dns; inbound-smtp.eu-west-1.amazonaws.com\n"
  "\n"
  "Action: failed\n"
  "Final-Recipient: rfc822; sam@example.com\n"
  "Diagnostic-Code: smtp; 550 5.1.1 Mailbox does not exist\n"
  "Status: 5.1.1\n"
  "\n"
  "--b1--\n";

/* an inner bounce no detector knows: read by the wrapper's own detector */
static const char notice_mailman_plain[] =
  "From: team-bounces@lists.example.org\n"
  "To: team-owner@lists.example.org\n"
  "Subject: Uncaught bounce notification\n"
  "Date: Mon, 3 Mar 2025 10:00:00 +0000\n"
  "Message-ID: <n2@lists.example.org>\n"
  "MIME-Version: 1.0\n"
  "Content-Type: multipart/mixed; boundary=\"b1\"\n"
  "\n"
  "--b1\n"
  "Content-Type: text/plain; charset=us-ascii\n"
  "\n"
  "The attached message was received as a bounce, but either the bounce\n"
  "format was not recognized, or no member addresses could be extracted\n"
  "from it.\n"
  "\n"
  "--b1\n"
  "Content-Type: message/rfc822\n"
  "\n"
  "From: postmaster@mail.example.net\n"
  "To: team-bounces@lists.example.org\n"
  "Subject: Undeliverable mail\n"
  "\n"
  "Your message could not be delivered.\n"
  "\n"
  "Recipient: rita@example.com\n"
  "Reason: 550 5.1.1 mailbox unavailable\n"
  "\n"
  "--b1--\n";

/* Citadel's Sieve reject: sent from the refusing recipient, naming no address */
static const char notice_citadel_sieve[] =
  "From: \"kai\" <kai@example.net>\n"
  "To: sender@example.org\n"
  "Subject: Delivery status notification\n"
  "Date: Tue, 11 Mar 2025 16:00:00 +0000\n"
  "Message-ID: <1741708800-991@citadel.example.net>\n"
  "Content-type: text/plain\n"
  "\n"
  "The message was refused by the recipient's mail filtering program.\n"
  "The reason given was as follows:\n"
  "\n"
  "I no longer read mail sent to this address.\n";

/* another MTA's notice quoting Google's reply is that MTA's: the reply's words
 * are no sign of Gmail's own notice */
static const char notice_postfix_quoting_google[] =
  "From: MAILER-DAEMON@mail.example.org (Mail Delivery System)\n"
  "To: sender@example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "\n"
  "This is the mail system at host mail.example.org.\n"
  "\n"
  "I'm sorry to have to inform you that your message could not\n"
  "be delivered to one or more recipients. It's attached below.\n"
  "\n"
  "                   The mail system\n"
  "\n"
  "<wes@example.com>: host mx.example.com[192.0.2.26] said:\n"
  "    550-5.1.1 The email account that you tried to reach does not exist. Please\n"
  "    try 550-5.1.1 double-checking the recipient's email address for typos or\n"
  "    550 5.1.1 unnecessary spaces. (in reply to RCPT TO command)\n";

static const Case cases[] = {
  { "exim", notice_exim, "alice@example.com", "550 5.1.1", NULL, FALSE },
  { "qmail", notice_qmail, "bob@example.com", "No such user", NULL, FALSE },
  { "sendmail", notice_sendmail, "carol@example.com", "Mailbox disabled", NULL, FALSE },
  { "postfix", notice_postfix, "dave@example.com", "552 5.2.2 Mailbox full", NULL, FALSE },
  { "postfix", notice_postfix_quoting_google, "wes@example.com", "550-5.1.1", "userunknown", FALSE },
  { "dragonfly", notice_dragonfly, "erin@example.com", "550 5.1.1", NULL, FALSE },
  { "opensmtpd", notice_opensmtpd, "frank@example.com", "Invalid recipient", NULL, FALSE },
  { "courier", notice_courier, "grace@example.com", "User unknown", NULL, FALSE },
  { "exchange", notice_exchange, "heidi@example.com", "5.1.10", NULL, FALSE },
  { "notes", notice_notes, "ivan@example.com", "not listed in public Name", NULL, FALSE },
  { "domino", notice_domino, "judy@example.com", "not listed in Domino Directory", NULL, FALSE },
  { "imailserver", notice_imailserver, "ken@example.com", "exceeds allowed size", NULL, FALSE },
  { "messagingserver", notice_messagingserver, "leo@example.com", "unknown user", NULL, FALSE },
  { "gmail", notice_gmail, "mallory@example.com", "550 5.1.1", NULL, FALSE },
  { "googlegroups", notice_googlegroups, "team@googlegroups.com", "may not exist", NULL, FALSE },
  { "yahoo", notice_yahoo, "niaj@example.com", "User unknown", NULL, FALSE },
  { "zoho", notice_zoho, "olivia@example.com", "Host not reachable", NULL, FALSE },
  { "gmx", notice_gmx, "peggy@example.com", "550 5.1.1", NULL, FALSE },
  { "einsundeins", notice_einsundeins, "quentin@example.com", "Mailbox full", NULL, FALSE },
  { "kddi", notice_kddi, "rupert@example.com", "mailbox is full", NULL, FALSE },
  { "ezweb", notice_ezweb, "sybil@example.com", NULL, NULL, FALSE },
  { "biglobe", notice_biglobe, "trent@example.com", "mailbox exceeded", NULL, FALSE },
  { "verizon", notice_verizon, "5555550100@vzwpix.com", "No valid recipients", NULL, FALSE },
  { "amazonses", notice_amazonses, "uma@example.com", "550 5.1.1 user unknown", NULL, FALSE },
  { "mailmarshal", notice_mailmarshal, "victor@example.com", "550 5.1.1 User unknown", NULL, FALSE },
  { "mailfoundry", notice_mailfoundry, "walter@example.com", "No such user here", NULL, FALSE },
  { "mfilter", notice_mfilter, "xavier@example.com", "550 5.1.1 unknown user", NULL, FALSE },
  { "mxlogic", notice_mxlogic, "yvonne@example.com", "550 unknown user", NULL, FALSE },
  { "interscan", notice_interscan, "zara@example.com", "user unknown", NULL, FALSE },
  { "activehunter", notice_activehunter, "amy@example.com", "no mailbox here", NULL, FALSE },
  { "mcafee", notice_mcafee, "ben@example.com", "Unknown user", NULL, FALSE },
  { "surfcontrol", notice_surfcontrol, "cleo@example.com", "No such user", NULL, FALSE },
  { "barracuda", notice_barracuda, "dan@example.com", "rejected by policy", NULL, FALSE },
  { "fml", notice_fml, "team@example.net", "not a member", NULL, FALSE },
  { "delivery-errors-list", notice_delivery_errors_list, "eve@example.com", "User unknown", NULL, FALSE },
  { "unable-to-deliver", notice_unable_to_deliver, "fay@example.com", "doesn't have", NULL, FALSE },
  { "dsn-technical-details", notice_dsn_technical_details, "gus@example.com", "No such user here", NULL, FALSE },
  { "qmail-retitled", notice_qmail_retitled, "hal@example.com", "mailfolder is full", NULL, FALSE },
  { "trouble-delivering", notice_trouble_delivering, "iris@example.com", "550 5.1.1 User unknown", NULL, FALSE },
  { "exim3", notice_exim3, "jack@example.com", "unknown host", NULL, FALSE },
  { "mdaemon", notice_mdaemon, "kate@example.com", "550 5.1.1", NULL, FALSE },
  { "smartermail", notice_smartermail, "lara@example.com", "Reason: The domain size limit has been exceeded", "mailboxfull", FALSE },
  { "hmailserver", notice_hmailserver, "liam@example.com", "Remote server replied: 550 5.1.1", NULL, FALSE },
  { "james", notice_james, "mia@example.com", "no such user here", NULL, FALSE },
  { "postal", notice_postal, "nina@example.com", "cannot be delivered", "onhold", FALSE },
  { "groupwise", notice_groupwise, "noah@example.com", "user not found", NULL, FALSE },
  { "qmail", notice_mailman, "olga@example.com", "no mailbox here", NULL, FALSE },
  { "mailman", notice_mailman_plain, "rita@example.com", "mailbox unavailable", NULL, FALSE },
  { "ezmlm", notice_ezmlm, "paul@example.com", "Mailbox over quota", NULL, FALSE },
  { "mimecast", notice_mimecast, "quinn@example.com", "5.4.1 Recipient address rejected", NULL, FALSE },
  { "domino", notice_domino_dsn, "kim@example.com", "Maximum hop count", "networkerror", TRUE },
  { "messagelabs", notice_messagelabs, "rosa@example.com", "542", NULL, TRUE },
  { "sesreceiving", notice_sesreceiving, "sam@example.com", "Mailbox does not exist", "userunknown", TRUE },
  { "citadel-sieve", notice_citadel_sieve, "kai@example.net", "I no longer read mail", "filtered", FALSE },
  { "xmail", notice_xmail, "tara@example.com", "misconfigured DNS", "hostunknown", FALSE },
  { "kopano", notice_kopano, "vera@example.com", "failed permanently", NULL, FALSE },
  { "mmdf", notice_mmdf, "uma@example.com", NULL, "expired", FALSE },
};

static void
check_case (const Case *c)
{
  GError *err = NULL;
  BounceReport *r = bounce_parse_bytes (c->message, strlen (c->message), NULL, &err);
  assert_non_null (r);
  if (bounce_report_n_records (r) != 1)
    fail_msg ("%s: %u records", c->family, bounce_report_n_records (r));
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), c->recipient);
  char *source = c->dsn ? g_strdup ("dsn") : g_strconcat ("text:", c->family, NULL);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_SOURCE), source);
  g_free (source);
  if (c->diag)
    {
      const char *diag = bounce_record_get (rec, BOUNCE_FIELD_DIAGNOSTIC);
      assert_non_null (diag);
      if (!strstr (diag, c->diag))
        fail_msg ("%s: diagnostic \"%s\" lacks \"%s\"", c->family, diag, c->diag);
    }
  if (c->reason)
    assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), c->reason);
  bounce_report_free (r);
}

static void
test_case (void **state)
{
  check_case (*state);
}

/* every detector in the registry has a case here */
static void
test_every_detector_has_a_case (void **state)
{
  (void) state;
  for (gsize i = 0; i < n_detectors; i++)
    {
      gboolean found = FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (cases) && !found; k++)
        found = strcmp (cases[k].family, detectors[i]->name) == 0;
      if (!found)
        fail_msg ("detector %s has no test case", detectors[i]->name);
    }
}

/* the same notices with CRLF line ends read the same */
static void
test_crlf (void **state)
{
  (void) state;
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      GString *s = g_string_new (NULL);
      for (const char *p = cases[k].message; *p; p++)
        {
          if (*p == '\n')
            g_string_append_c (s, '\r');
          g_string_append_c (s, *p);
        }
      Case c = cases[k];
      c.message = s->str;
      check_case (&c);
      g_string_free (s, TRUE);
    }
}

int
main (void)
{
  struct CMUnitTest tests[G_N_ELEMENTS (cases) + 2];
  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      struct CMUnitTest t = { cases[k].family, test_case, NULL, NULL, (void *) &cases[k] };
      tests[k] = t;
    }
  struct CMUnitTest every = cmocka_unit_test (test_every_detector_has_a_case);
  struct CMUnitTest crlf = cmocka_unit_test (test_crlf);
  tests[G_N_ELEMENTS (cases)] = every;
  tests[G_N_ELEMENTS (cases) + 1] = crlf;
  return _cmocka_run_group_tests ("detect", tests, G_N_ELEMENTS (tests), NULL, NULL);
}
