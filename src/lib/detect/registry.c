/* registry.c: every detector, in the order they are tried. Specific families come
 * before the ones whose signals are shared words. */
#include "detect.h"

const Detector *const detectors[] = {
  /* providers and services: recognised by their own sender addresses */
  &detector_amazonses, &detector_googlegroups, &detector_gmail, &detector_yahoo,
  &detector_zoho, &detector_gmx, &detector_einsundeins, &detector_kddi, &detector_ezweb,
  &detector_biglobe, &detector_verizon, &detector_mxlogic, &detector_sesreceiving,
  /* list managers and appliances: by their headers and wording */
  &detector_mailman, &detector_ezmlm, &detector_fml, &detector_mimecast, &detector_mfilter,
  &detector_activehunter, &detector_mcafee, &detector_messagelabs, &detector_surfcontrol, &detector_interscan, &detector_mailmarshal, &detector_mailfoundry,
  &detector_barracuda,
  /* MTAs */
  &detector_mdaemon, &detector_kopano, &detector_hmailserver, &detector_smartermail, &detector_james, &detector_postal, &detector_xmail,
  &detector_groupwise,
  &detector_dragonfly, &detector_qmail, &detector_postfix, &detector_opensmtpd,
  &detector_courier, &detector_messagingserver, &detector_imail, &detector_notes,
  &detector_domino, &detector_exim, &detector_exchange, &detector_citadel_sieve,
  /* unbranded wordings */
  &detector_delivery_errors_list, &detector_unable_to_deliver, &detector_dsn_technical_details, &detector_qmail_retitled, &detector_trouble_delivering, &detector_exim3,
  &detector_mmdf,
  /* the most shared wording last */
  &detector_sendmail,
};

const gsize n_detectors = G_N_ELEMENTS (detectors);
