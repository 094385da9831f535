/* mta.c: detectors for the open-source MTAs' own notices. */
#include "detect.h"

const Detector detector_exim = {
  .name = "exim",
  .body = LIST ("this message was created automatically by mail delivery software"),
  .subject = LIST ("mail delivery failed"),
  .begin = LIST ("address(es) failed", "following address failed", "following addresses failed",
                 "could not be delivered to one or more of"),
};

const Detector detector_qmail = {
  .name = "qmail",
  .body = LIST ("this is the qmail-send program", "qmail-send"),
  .begin = LIST ("wasn't able to deliver your message", "unable to deliver your message"),
  .end = LIST ("--- below this line"),
};

const Detector detector_sendmail = {
  .name = "sendmail",
  .body = LIST ("----- transcript of session follows", "the original message was received at",
                "----- the following addresses had"),
  .subject = LIST ("returned mail:"),
  .begin = LIST ("----- the following addresses had", "----- transcript of session follows",
                 "transcript of session follows"),
  .end = LIST ("----- unsent message follows", "----- original message follows",
               "----- message header follows"),
};

const Detector detector_postfix = {
  .name = "postfix",
  .body = LIST ("this is the mail system at host", "this is the mail delivery agent at"),
  .begin = LIST ("the mail system", "the mail delivery agent"),
};
