/* mta.c: detectors for the notices of mail transfer agents (open source and
 * commercial servers), as each writes them. */
#include "detect.h"

const Detector detector_exim = {
  .name = "exim",
  .body = LIST ("this message was created automatically by mail delivery software",
                "a message that you sent contained one or more recipient addresses that were"),
  .subject = LIST ("mail delivery failed", "mail failure -", "warning: message "),
  .begin = LIST ("address(es) failed", "following address failed", "following addresses failed",
                 "the following address(es)",
                 "address(es) deferred", "addresses that were incorrectly constructed",
                 "has not yet been delivered to one or more of its recipients"),
  .end = LIST ("------ this is a copy of", "------ the body of the message is",
               "included is a copy of the message header"),
};

const Detector detector_qmail = {
  .name = "qmail",
  .body = LIST ("this is the qmail-send program", "qmail-send"),
  .begin = LIST ("wasn't able to deliver your message", "unable to deliver your message",
                 "couldn't deliver your message"),
  .end = LIST ("--- below this line", "--- enclosed are the original headers"),
};

const Detector detector_sendmail = {
  .name = "sendmail",
  .body = LIST ("----- transcript of session follows", "the original message was received at",
                "----- the following addresses had"),
  .subject = LIST ("returned mail:", "warning: could not send message"),
  .begin = LIST ("----- the following addresses had", "----- transcript of session follows",
                 "transcript of session follows"),
  .end = LIST ("----- unsent message follows", "----- original message follows",
               "----- message header follows", "----- returned message"),
};

const Detector detector_postfix = {
  .name = "postfix",
  .body = LIST ("this is the mail system at host", "this is the mail delivery agent at"),
  .begin = LIST ("the mail system", "the mail delivery agent"),
};

/* The DragonFly Mail Agent: the address in a sentence, the remote answer in the
 * paragraph below it. */
const Detector detector_dragonfly = {
  .name = "dragonfly",
  .body = LIST ("this is the dragonfly mail agent"),
  .lead = LIST ("delivering your mail to "),
  .end = LIST ("message headers follow", "original message follows"),
  .flags = DETECT_BLANK_KEEPS | DETECT_LEAD_ONLY,
};

const Detector detector_opensmtpd = {
  .name = "opensmtpd",
  .body = LIST ("this is the mailer-daemon, please do not reply",
                "an error has occurred while attempting to deliver a message for"),
  .begin = LIST ("the following list of recipients", "following recipients"),
  .end = LIST ("below is a copy of the original message"),
};

const Detector detector_courier = {
  .name = "courier",
  .body = LIST ("running the courier mail server", "this is a delivery status notification from"),
  .begin = LIST ("cannot be delivered:", "has not been delivered", "delayed"),
  .end = LIST ("original message follows", "if your message was also sent to additional"),
};

/* Exchange 2003 and later, Office 365, Outlook.com in their text forms, and the
 * localized Exchange notices (German, French, Spanish, Japanese): the same layout
 * with translated titles. */
const Detector detector_exchange = {
  .name = "exchange",
  .body = LIST ("delivery has failed to these recipients or groups",
                "delivery is delayed to these recipients or groups",
                "did not reach the following recipient", "your message couldn't be delivered",
                "couldn't be delivered to", "the following recipient(s) cannot be reached",
                "the following recipient(s) could not be reached",
                "your message did not reach some or all of the intended recipients",
                "die zustellung an folgende empf", "la remise a \xc3\xa9" "chou\xc3\xa9 pour ces destinataires",
                "error en la entrega a estos destinatarios",
                /* 次の受信者またはグループへの配信に失敗しました */
                "\xe6\xac\xa1\xe3\x81\xae\xe5\x8f\x97\xe4\xbf\xa1\xe8\x80\x85\xe3\x81\xbe\xe3\x81\x9f\xe3\x81\xaf"
                "\xe3\x82\xb0\xe3\x83\xab\xe3\x83\xbc\xe3\x83\x97\xe3\x81\xb8\xe3\x81\xae\xe9\x85\x8d\xe4\xbf\xa1"),
  .subject = LIST ("undeliverable:", "delivery delayed:", "unzustellbar:", "non remis",
                   "no se puede entregar:", "\xe9\x85\x8d\xe4\xbf\xa1\xe4\xb8\x8d\xe8\x83\xbd:" /* 配信不能: */),
  .end = LIST ("original message headers", "ursp", /* "Ursprüngliche Nachrichtenkopfzeilen" */
               "en-t\xc3\xaa" "tes de message d'origine", "encabezados del mensaje original",
               "encabezados de mensajes originales",
               /* 元のメッセージ ヘッダー */
               "\xe5\x85\x83\xe3\x81\xae\xe3\x83\xa1\xe3\x83\x83\xe3\x82\xbb\xe3\x83\xbc\xe3\x82\xb8"),
  /* Office 365's "Error Details" section holds the remote answer */
  .diag_begin = LIST ("error details"),
  .skip = LIST ("generating server:", "receiving server:", "generierender server:",
                "serveur de g\xc3\xa9n\xc3\xa9ration", "servidor de generaci",
                "\xe7\x94\x9f\xe6\x88\x90\xe3\x82\xb5\xe3\x83\xbc\xe3\x83\x90\xe3\x83\xbc" /* 生成サーバー */,
                "dsn generated by:", "notification details", "sent by:"),
};

/* Lotus Notes (the old SMTP MTA): the error first, then the address. */
const Detector detector_notes = {
  .name = "notes",
  .body = LIST ("------- failure reasons"),
  .begin = LIST ("------- failure reasons"),
  .end = LIST ("------- returned message"),
  .flags = DETECT_DIAG_BEFORE,
};

/* IBM/HCL Domino: the address and the reason in paragraphs of their own. */
const Detector detector_domino = {
  .name = "domino",
  .body = LIST ("was not delivered to:"),
  .subject = LIST ("delivery failure:", "delivery report:"),
  .begin = LIST ("was not delivered to"),
  .skip = LIST ("because:", "subject:"),
  .flags = DETECT_BLANK_KEEPS | DETECT_NOTICE_RECIPIENT,
};

/* Ipswitch IMail Server: "<error>: <address>" ("Unknown user: ...", "Delivery
 * failed 20 attempts: ..."), read by the engine's "label: address" rule. */
const Detector detector_imail = {
  .name = "imailserver",
  .headers = LIST ("x-mailer: <smtp32 v", "x-mailer: smtp32"),
  .lead = LIST ("undeliverable to "),
  .end = LIST ("original message follows"),
  .skip = LIST ("body of message generated response", "save to the following address book"),
  .flags = DETECT_BLANK_KEEPS,
};

/* Oracle (Sun) Communications Messaging Server. */
const Detector detector_messagingserver = {
  .name = "messagingserver",
  .body = LIST ("this report relates to a message you sent with the following header fields"),
  .begin = LIST ("cannot be delivered to the following recipients",
                 "could not be delivered to the following recipients",
                 "has not yet been delivered to the following recipients"),
  .lead = LIST ("recipient address: "),
};

/* MDaemon: the SMTP session transcript, timestamped. */
const Detector detector_mdaemon = {
  .name = "mdaemon",
  .headers = LIST ("x-mddsn-message:", "x-mdaemon-deliver-to:"),
  .body = LIST ("had permanent fatal delivery errors", "had transient non-fatal delivery errors"),
  .begin = LIST ("--- session transcript ---"),
  .end = LIST ("--- end transcript ---"),
  .lead = LIST ("rcpt to:"),
  .flags = DETECT_LEAD_ONLY,
};

/* hMailServer: an Exchange 2003-like header, then per recipient the error type,
 * the command sent and the remote answer. */
const Detector detector_hmailserver = {
  .name = "hmailserver",
  .body = LIST ("hmailserver sent:"),
  .begin = LIST ("the following recipient(s) could not be reached"),
  .skip = LIST ("error type:"),
};

/* Apache James: "Failed recipient(s):" then "Error message:", or the older
 * notifier's "Error message below:" and "Message details:" with the RCPT TO. */
const Detector detector_james = {
  .name = "james",
  .subject = LIST ("[bounce]"),
  .body = LIST ("this is the james mail server", "error message below:"),
  .begin = LIST ("failed recipient(s):", "message details:"),
  .diag_begin = LIST ("error message below:", "error message:"),
  .lead = LIST ("rcpt to: "),
  .skip = LIST ("  mail from:", "  size (in bytes)", "  number of lines", "  sent date:"),
};

/* Novell/Micro Focus GroupWise Internet Agent: one address and its reason in
 * parentheses per line. */
const Detector detector_groupwise = {
  .name = "groupwise",
  .subject = LIST ("message status - undeliverable"),
  .headers = LIST ("x-mailer: groupwise"),
  .body = LIST ("the message that you sent was undeliverable to the following"),
  .begin = LIST ("was undeliverable to the following"),
  .end = LIST ("possible causes", "possible explanations"),
};
