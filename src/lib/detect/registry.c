/* registry.c: every detector, in the order they are tried. Specific families come
 * before the ones whose signals are shared words. */
#include "detect.h"

extern const Detector detector_exim, detector_qmail, detector_sendmail, detector_postfix,
    detector_gmail, detector_exchange, detector_yahoo;

const Detector *const detectors[] = {
  &detector_gmail, &detector_yahoo,    &detector_qmail,   &detector_postfix,
  &detector_exim,  &detector_exchange, &detector_sendmail,
};

const gsize n_detectors = G_N_ELEMENTS (detectors);
