/* providers.c: detectors for mailbox providers' and sending services' notices. */
#include "detect.h"

const Detector detector_gmail = {
  .name = "gmail",
  .from = LIST ("mailer-daemon@googlemail.com", "mailer-daemon@google.com"),
  /* the notice's own headings; not the words of Google's replies ("The email
   * account that you tried to reach does not exist"), which any MTA's notice
   * quotes */
  .body = LIST ("delivery to the following recipient failed",
                "delivery to the following recipient has been delayed",
                "technical details of permanent failure:", "technical details of temporary failure:"),
  .lead = LIST ("wasn't delivered to ", "hasn't been delivered to "),
  .diag_begin = LIST ("technical details of permanent failure", "technical details of temporary failure",
                      "the response from the remote server was", "the response was:"),
  .skip = LIST ("learn more at https://support.google.com", "learn more here:"),
  .flags = DETECT_BLANK_KEEPS,
};

/* Amazon SES receiving: the bounce a receipt rule of the recipient's domain
 * sends (its Bounce action, one of SES's templates). The recipient's own rules
 * chose to refuse the message, so "Mailbox does not exist" is their filter's
 * answer, not proof that the address is missing. Recognised by SES's sending
 * header on a bounce that is not from SES's own MAILER-DAEMON (amazonses,
 * tried before this one). */
const Detector detector_sesreceiving = {
  .name = "sesreceiving",
  .headers = LIST ("x-ses-outgoing:"),
};

/* Google Groups: a post to a group it refused; the group is the recipient. */
const Detector detector_googlegroups = {
  .name = "googlegroups",
  .from = LIST ("@googlegroups.com"),
  .body = LIST ("the group you tried to contact", "google groups"),
  .begin = LIST ("the group you tried to contact", "we're writing to let you know"),
  .end = LIST ("-----original message-----", "----- original message -----"),
  .flags = DETECT_ORIGINAL_TO,
  .reason = REASON_REJECTED,
};

const Detector detector_yahoo = {
  .name = "yahoo",
  .from = LIST ("@yahoo-inc.com", "mailer-daemon@yahoo"),
  .body = LIST ("sorry, we were unable to deliver your message to the following address"),
  .begin = LIST ("unable to deliver your message"),
  .end = LIST ("--- below this line"),
};

const Detector detector_zoho = {
  .name = "zoho",
  .from = LIST ("@mail.zoho.com", "@zoho.com", "@zohomail.com"),
  .headers = LIST ("x-zohomail:"),
  .body = LIST ("this message was created automatically by mail delivery system"),
  .lead = LIST ("address: "),
  .skip = LIST ("message will be retried"),
};

/* GMX and WEB.DE, and 1&1 (EinsUndEins): an Exim-like text with the reason in the
 * paragraph below the address; the two share their layout. */
static const char *const united_begin[] = { "address(es) failed", "following address failed",
                                            "following addresses failed",
                                            "the following address(es)", "address(es) deferred",
                                            NULL };
static const char *const united_end[] = { "--- the header of the original message is following",
                                          "--- the original message", NULL };

const Detector detector_gmx = {
  .name = "gmx",
  .from = LIST ("@gmx.net", "@gmx.de", "@gmx.com", "@web.de"),
  .begin = united_begin,
  .end = united_end,
  .flags = DETECT_BLANK_KEEPS,
};

const Detector detector_einsundeins = {
  .name = "einsundeins",
  .from = LIST ("@kundenserver.de", "@1and1.", "@ionos.", "@online.de"),
  .begin = united_begin,
  .end = united_end,
  .flags = DETECT_BLANK_KEEPS,
};

/* KDDI au one net (dion.ne.jp). */
const Detector detector_kddi = {
  .name = "kddi",
  .from = LIST ("@dion.ne.jp", "auone-net.jp"),
  .body = LIST ("your mail sent on:", "could not be delivered to:"),
  .lead = LIST ("could not be delivered to: ", "could not be delivered to:"),
};

/* au (EZweb) handsets. */
const Detector detector_ezweb = {
  .name = "ezweb",
  .from = LIST ("@ezweb.ne.jp", "@au.com"),
  .body = LIST ("each of the following recipients was rejected by a remote mail server",
                "the user(s) account is disabled", "the following recipients did not receive this message"),
  .end = LIST ("-----------------------------------------------"),
  .notes = LIST ("the user(s) account is", "was rejected by a remote mail server",
                 "your message was not delivered within"),
};

/* BIGLOBE. */
const Detector detector_biglobe = {
  .name = "biglobe",
  .from = LIST ("@biglobe.ne.jp"),
  .begin = LIST ("----- the following addresses had delivery problems"),
  .diag_begin = LIST ("----- non-delivered information"),
};

/* Verizon Wireless picture and text messages: the note names no address; the
 * returned message's headers are quoted below it. */
const Detector detector_verizon = {
  .name = "verizon",
  .from = LIST ("@vzwpix.com", "@vtext.com"),
  .body = LIST ("message could not be delivered to mobile"),
  .end = LIST ("original message:"),
  .flags = DETECT_ORIGINAL_TO,
};

/* Amazon SES: event notifications (bounce, complaint, delivery) sent as mail, in
 * JSON, and its older text notices. */
const Detector detector_amazonses = {
  .name = "amazonses",
  .from = LIST ("no-reply@sns.amazonaws.com", "@amazonses.com"),
  .body = LIST ("\"notificationtype\"",
                "an error occurred while trying to deliver the mail to the following recipients"),
  .begin = LIST ("to the following recipients"),
  .json = (const JsonLayout[]){
      { "bouncedRecipients", "emailAddress", "status", "action", "diagnosticCode", "failed" },
      { "complainedRecipients", "emailAddress", NULL, NULL, "complaintFeedbackType", NULL },
      { "recipients", NULL, NULL, NULL, "smtpResponse", "delivered" },
      { NULL, NULL, NULL, NULL, NULL, NULL } },
};
