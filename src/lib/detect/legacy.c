/* legacy.c: detectors for old or unbranded MTAs whose notices have a stable
 * wording though no name. */
#include "detect.h"

/* "This is an automatically generated Delivery Status Notification", with a
 * bulleted list and a separate technical details section. */
const Detector detector_x3 = {
  .name = "x3",
  .body = LIST ("this is an automatically generated delivery status notification"),
  .begin = LIST ("delivery to the following recipients failed",
                 "delivery to the following recipients has been delayed"),
  .diag_begin = LIST ("technical details:"),
};

/* "We had trouble delivering your message": the recipients in a sentence. */
const Detector detector_x6 = {
  .name = "x6",
  .body = LIST ("we had trouble delivering your message"),
  .lead = LIST ("returned permanent errors: ", "returned temporary errors: ",
                "rejected recipient "),
  .flags = DETECT_LEAD_ONLY,
};

const Detector detector_x2 = {
  .name = "x2",
  .body = LIST ("unable to deliver message to the following address(es)"),
  .begin = LIST ("unable to deliver message to the following address(es)"),
  .end = LIST ("--- original message follows"),
};

const Detector detector_x4 = {
  .name = "x4",
  .body = LIST ("your mail message to the following address(es) could not be delivered"),
  .begin = LIST ("could not be delivered"),
  .end = LIST ("--- below this line"),
  /* qmail's wordings (the notice is qmail's with another title) */
  .reasons = (const FamilyReason[]){
      /* qmail-remote: the DNS found no host of that name, for now or for good */
      { "hostunknown", LIST ("sorry, i couldn't find any host ") },
      /* the receiving system has no room left */
      { "systemfull", LIST ("mailbox unavailable (not enough free space)") },
      /* a .qmail program could not be started */
      { "systemerror", LIST ("bad interpreter: no such file or directory") },
      { NULL, NULL } },
};

/* "---The following addresses had delivery errors---", one address and a
 * bracketed reason per line. */
const Detector detector_x1 = {
  .name = "x1",
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
