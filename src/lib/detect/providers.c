/* providers.c: detectors for mailbox providers' notices. */
#include "detect.h"

const Detector detector_gmail = {
  .name = "gmail",
  .from = LIST ("mailer-daemon@googlemail.com", "mailer-daemon@google.com"),
  .body = LIST ("delivery to the following recipient failed",
                "the email account that you tried to reach"),
};

const Detector detector_exchange = {
  .name = "exchange",
  .body = LIST ("delivery has failed to these recipients or groups",
                "did not reach the following recipient", "your message couldn't be delivered",
                "couldn't be delivered to", "the following recipient(s) cannot be reached"),
  .subject = LIST ("undeliverable:"),
};

const Detector detector_yahoo = {
  .name = "yahoo",
  .body = LIST ("sorry, we were unable to deliver your message to the following address"),
  .begin = LIST ("unable to deliver your message"),
  .end = LIST ("--- below this line"),
};
