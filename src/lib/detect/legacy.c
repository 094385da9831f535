/* legacy.c: detectors for old or unbranded MTAs whose notices have a stable
 * wording though no name. */
#include "detect.h"

/* "This is an automatically generated Delivery Status Notification", with a
 * bulleted list and a separate technical details section. */
const Detector detector_dsn_technical_details = {
  .name = "dsn-technical-details",
  .body = LIST ("this is an automatically generated delivery status notification"),
  .begin = LIST ("delivery to the following recipients failed",
                 "delivery to the following recipients has been delayed"),
  .diag_begin = LIST ("technical details:"),
};

/* "We had trouble delivering your message": the recipients in a sentence. */
const Detector detector_trouble_delivering = {
  .name = "trouble-delivering",
  .body = LIST ("we had trouble delivering your message"),
  .lead = LIST ("returned permanent errors: ", "returned temporary errors: ",
                "rejected recipient "),
  .flags = DETECT_LEAD_ONLY,
};

/* "Unable to deliver message to the following address(es)", the original after
 * "--- Original message follows". */
const Detector detector_unable_to_deliver = {
  .name = "unable-to-deliver",
  .body = LIST ("unable to deliver message to the following address(es)"),
  .begin = LIST ("unable to deliver message to the following address(es)"),
  .end = LIST ("--- original message follows"),
};

/* qmail's notice under another title: "Your mail message to the following
 * address(es) could not be delivered". */
const Detector detector_qmail_retitled = {
  .name = "qmail-retitled",
  .body = LIST ("your mail message to the following address(es) could not be delivered"),
  .begin = LIST ("could not be delivered"),
  .end = LIST ("--- below this line"),
  /* the notice is qmail's with another title */
  .same_wordings_as = &detector_qmail,
};

/* "---The following addresses had delivery errors---", one address and a
 * bracketed reason per line. */
const Detector detector_delivery_errors_list = {
  .name = "delivery-errors-list",
  .body = LIST ("---the following addresses had delivery errors---"),
  .begin = LIST ("---the following addresses had delivery errors---"),
};

/* Exim 3 and its relatives: ruled sections with titles between bars. */
const Detector detector_exim3 = {
  .name = "exim3",
  .body = LIST ("failed addresses follow:", "message log follows:"),
  .begin = LIST ("failed addresses follow:"),
  .end = LIST ("message text follows:"),
};

/* MMDF's notice after its queue time (src NishiOwO/mmdf
 * dc2a5aa3fbdfcd9ed1373a0a199b03a6a7632362 lib/mmdf/rtn_proc.c rtn_time): a
 * sentence saying how long delivery was tried, then the addresses, each
 * "addr (host: h) (queue: q)" on a line of its own. Its "Failed mail" notice for
 * one address (rtn_error) quotes the address and the reply in the generic way;
 * its "Waiting mail" warning (rtn_warn) lists the addresses the same way, a delay. */
const Detector detector_mmdf = {
  .name = "mmdf",
  .body = LIST ("it failed to be received by the following address(es)",
                "delivery attempts are still pending for the following address(es)"),
  .end = LIST ("problems usually are due to service interruptions at the",
               "your message begins as follows:", "your message follows:"),
  .skip = LIST ("(host: "),
  .notes = LIST ("hours), your message could not be"),
};
