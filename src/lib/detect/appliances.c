/* appliances.c: detectors for filtering gateways and security appliances that
 * write their own notices. */
#include "detect.h"

/* MailMarshal: the error first ("Could not be delivered because of"), the
 * recipients after it. */
const Detector detector_mailmarshal = {
  .name = "mailmarshal",
  .body = LIST ("could not be delivered because of", "the following recipients were affected"),
  .begin = LIST ("the following recipients were affected"),
  .diag_begin = LIST ("could not be delivered because of"),
  .end = LIST ("additional information"),
};

const Detector detector_mailfoundry = {
  .name = "mailfoundry",
  .body = LIST ("delivery failed for the following reason"),
  .lead = LIST ("unable to deliver message to: "),
  .skip = LIST ("delivery failed for the following reason", "this has been a permanent failure"),
};

/* m-FILTER (Japanese): the address on a line of its own, the server's answer in a
 * section below. */
const Detector detector_mfilter = {
  .name = "mfilter",
  .headers = LIST ("x-mailer: m-filter"),
  .body = LIST ("\xe3\x80\x8cm-filter\xe3\x80\x8d"), /* "「m-FILTER」" */
  .diag_begin = LIST ("-------server message"),
  .end = LIST ("-------original mail info", "-------smtp command"),
};

/* MX Logic (McAfee SaaS): Exim underneath, with Exim's own wordings (mta.c). */
const Detector detector_mxlogic = {
  .name = "mxlogic",
  .from = LIST ("mxlogic.net"),
  .begin = LIST ("address(es) failed", "following address failed", "following addresses failed"),
  .end = LIST ("included is a copy of the message header"),
  .same_wordings_as = &detector_exim,
};

/* Trend Micro InterScan MSS: the SMTP dialogue quoted with Sent/Received. */
const Detector detector_interscan = {
  .name = "interscan",
  .from = LIST ("interscan"),
  .body = LIST ("sent <<< rcpt to:"),
  .lead = LIST ("rcpt to:"),
  .end = LIST ("end of message"),
};

/* Active!hunter. */
const Detector detector_activehunter = {
  .name = "activehunter",
  .headers = LIST ("active!hunter"),
  .begin = LIST ("the following addresses had permanent fatal errors"),
  .lead = LIST (">>> "),
  .diag_begin = LIST ("transcript of session follows"),
};

/* McAfee Email Gateway. */
const Detector detector_mcafee = {
  .name = "mcafee",
  .headers = LIST ("x-nai-header:", "deliveryproblems.txt"),
  .begin = LIST ("--- the following addresses had delivery problems ---"),
};

/* Symantec (Broadcom) MessageLabs / Email Security.cloud: a DSN from the
 * service's own MAILER-DAEMON. Its recipient validation answers "542 <address>
 * Rejected" for an address it does not know. */
const Detector detector_messagelabs = {
  .name = "messagelabs",
  .from = LIST ("mailer-daemon@messagelabs.com"),
  .headers = LIST ("x-msg-ref:"),
};

/* SurfControl E-mail Filter. */
const Detector detector_surfcontrol = {
  .name = "surfcontrol",
  .headers = LIST ("x-mailer: surfcontrol"),
  .lead = LIST ("addressed to: "),
  .end = LIST ("--- message non-deliverable"),
};

/* Barracuda, Sophos and similar gateways that keep an Exim-like wording are read by
 * the Exim detector; these only recognise them. */
const Detector detector_barracuda = {
  .name = "barracuda",
  .from = LIST ("barracuda"),
  .headers = LIST ("x-barracuda"),
  .body = LIST ("your message could not be delivered to the following recipients"),
  .begin = LIST ("could not be delivered to the following recipients", "following address(es) failed"),
};

/* Mimecast: each recipient and each line of the problem after "-- ". */
const Detector detector_mimecast = {
  .name = "mimecast",
  .subject = LIST ("[postmaster] email delivery failure"),
  .body = LIST ("an email that you attempted to send to the following address could not be delivered"),
  .begin = LIST ("could not be delivered"),
  .end = LIST ("this could be due to a number of reasons"),
  .skip = LIST ("the problem appears to be", "additional information follows"),
  .flags = DETECT_BLANK_KEEPS,
};
