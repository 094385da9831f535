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
