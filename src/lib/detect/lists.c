/* lists.c: detectors for mailing-list managers that answer a post themselves. */
#include "detect.h"

/* fml: the list address is named inside a sentence ("not a member of this mailing
 * list <list@...>", "Duplicated Message-ID in <list@...>"). */
const Detector detector_fml = {
  .name = "fml",
  .headers = LIST ("x-mlserver: fml"),
  .lead = LIST ("mailing list ", "message-id in ", "sent to ", "posted to "),
  .end = LIST ("original mail as follows", "original mail follows"),
  .flags = DETECT_LEAD_ONLY,
};

/* Mailman: a bounce it could not read, forwarded to the list owner as an
 * attachment ("Uncaught bounce notification"); the attached bounce is read. */
const Detector detector_mailman = {
  .name = "mailman",
  .subject = LIST ("uncaught bounce notification"),
  .body = LIST ("the attached message was received as a bounce"),
  .flags = DETECT_NESTED,
};

/* ezmlm: the warning to a subscriber whose mail bounces, with the first bounce
 * enclosed after the list manager's note. */
const Detector detector_ezmlm = {
  .name = "ezmlm",
  .body = LIST ("this is the ezmlm program"),
  .begin = LIST ("--- enclosed is a copy of the bounce message",
                 "--- below this line is a copy of the bounce message"),
  .end = LIST ("--- below this line is a copy of the message", "--- enclosed are the original headers"),
};
