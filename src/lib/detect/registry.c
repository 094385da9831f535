/* registry.c: every detector, in the order they are tried. Specific families come
 * before the ones whose signals are shared words. */
#include "detect.h"

#include <string.h>

extern const Detector detector_exim, detector_qmail, detector_sendmail, detector_postfix,
    detector_dragonfly, detector_opensmtpd, detector_courier, detector_exchange,
    detector_notes, detector_domino, detector_imail, detector_messagingserver, detector_gmail,
    detector_googlegroups, detector_yahoo, detector_zoho, detector_gmx, detector_einsundeins,
    detector_kddi, detector_ezweb, detector_biglobe, detector_verizon, detector_amazonses,
    detector_mailmarshal, detector_mailfoundry, detector_mfilter, detector_mxlogic,
    detector_interscan, detector_activehunter, detector_mcafee, detector_surfcontrol,
    detector_barracuda, detector_fml, detector_x1, detector_x2, detector_x3, detector_x4,
    detector_x6, detector_exim3, detector_mdaemon, detector_hmailserver, detector_james,
    detector_groupwise, detector_mailman, detector_ezmlm, detector_mimecast,
    detector_messagelabs, detector_sesreceiving;

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
  &detector_mdaemon, &detector_hmailserver, &detector_james, &detector_groupwise,
  &detector_dragonfly, &detector_qmail, &detector_postfix, &detector_opensmtpd,
  &detector_courier, &detector_messagingserver, &detector_imail, &detector_notes,
  &detector_domino, &detector_exim, &detector_exchange,
  /* unbranded wordings */
  &detector_x1, &detector_x2, &detector_x3, &detector_x4, &detector_x6, &detector_exim3,
  /* the most shared wording last */
  &detector_sendmail,
};

const gsize n_detectors = G_N_ELEMENTS (detectors);

const char *
detect_family_reason (const char *family, const char *folded)
{
  if (!family || !folded)
    return NULL;
  for (gsize i = 0; i < n_detectors; i++)
    {
      const Detector *d = detectors[i];
      if (strcmp (d->name, family) != 0)
        continue;
      for (const FamilyReason *r = d->reasons; r && r->reason; r++)
        for (gsize k = 0; r->phrases[k]; k++)
          if (strstr (folded, r->phrases[k]))
            return r->reason;
      return NULL;
    }
  return NULL;
}
