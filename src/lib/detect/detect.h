/* detect.h: the table format of free-text detectors. A detector describes one MTA
 * family or shared text style as data; the engine in text.c runs them.
 *
 * All strings are lower-case and are matched as substrings of the folded
 * (lower-cased) text. Lists end with NULL.
 */
#ifndef BOUNCE_DETECT_H
#define BOUNCE_DETECT_H

#include <glib.h>

#include "reasons.h"

/* Layout flags. */
enum
{
  /* blank lines do not close a recipient: its diagnostic runs on to the next
   * recipient or the end of the section (notices that put the reason in its own
   * paragraph below the address) */
  DETECT_BLANK_KEEPS = 1 << 0,
  /* the error text comes before the address: lines since the previous recipient
   * (or the section start) are the diagnostic of the next recipient found */
  DETECT_DIAG_BEFORE = 1 << 1,
  /* the notice names no failed address of its own (a mailing-list manager's or a
   * handset carrier's short note): the recipient is the returned message's To,
   * and the whole section is its diagnostic */
  DETECT_ORIGINAL_TO = 1 << 2,
  /* recipients only where a lead phrase names them (notices that name the
   * address inside a sentence and list other addresses on lines of their own) */
  DETECT_LEAD_ONLY = 1 << 3,
  /* the notice wraps the bounce it forwards as an attached message (a list
   * manager's "uncaught bounce"): the attached bounce's text is read instead, with
   * the family its own signals pick */
  DETECT_NESTED = 1 << 4,
  /* the notice's recipient is the one reported: where the delivery-status part
   * and the notice each name a single recipient and the two differ, the
   * notice's address replaces the part's (Domino writes the part from its
   * router's view of the address, the notice from the message's) */
  DETECT_NOTICE_RECIPIENT = 1 << 5,
  /* the notice is written in the name of the recipient who refused the message
   * (a Sieve refusal sent from the recipient's own address): the recipient is
   * the notice's From, and the whole section is its diagnostic */
  DETECT_FROM_RECIPIENT = 1 << 6,
  /* each begin marker heads a list of recipients that have no lines of their
   * own: the heading is the diagnostic of every recipient under it */
  DETECT_HEADINGS = 1 << 7,
};

/* Recipients given as JSON (a provider's event notification sent as mail): the
 * array after list_key holds either address strings or objects whose
 * address_key names the address. */
typedef struct
{
  const char *list_key;     /* "bouncedRecipients" */
  const char *address_key;  /* in each object: "emailAddress"; NULL: the elements are strings */
  const char *status_key;   /* in each object, or NULL */
  const char *action_key;   /* in each object, or NULL */
  const char *diag_key;     /* in each object, else anywhere in the document */
  const char *action;       /* the action when the object names none ("delivered") */
} JsonLayout;

typedef struct Detector
{
  /* source name: records say "text:<name>" */
  const char *name;
  /* cheap signals that pick the family (any one is enough): substrings of the
   * bounce's From header, its Subject, the first lines of the notice, or of any
   * header of the bounce written as "name: value" */
  const char *const *from;
  const char *const *subject;
  const char *const *body;
  const char *const *headers;
  /* the per-recipient part starts after the first line containing one of these;
   * NULL or not found: the whole notice */
  const char *const *begin;
  /* the notice ends (the returned message starts) at the first line containing one
   * of these, in addition to the markers every family shares */
  const char *const *end;
  /* phrases after which a recipient address follows on the same line, in addition
   * to the shared ones ("delivered to ", "unknown user: "); the whole line is then
   * part of the diagnostic */
  const char *const *lead;
  /* a separate section holding the error text ("Technical details:"): the lines
   * after the first line containing one of these, up to a blank line, are the
   * diagnostic of every recipient that has none of its own */
  const char *const *diag_begin;
  /* lines containing one of these are boilerplate, never diagnostic text */
  const char *const *skip;
  /* lines containing one of these open an entry that names its address on a
   * later line, after a lead phrase (Exim's "pipe to |command" over "generated
   * by <addr>"): the recipient before it is closed, and the line is the first of
   * the next recipient's diagnostic */
  const char *const *opens;
  /* the family's own sentences that explain the failure once for every recipient
   * ("The user(s) account is disabled."), wherever they stand in the notice: a
   * line containing one is added to each recipient's diagnostic */
  const char *const *notes;
  /* headings (begin markers) of a list of recipients that will be tried again,
   * where the notice's other lists are of those that failed for good: a
   * recipient under one is delayed (with DETECT_HEADINGS) */
  const char *const *retry;
  /* DETECT_* flags */
  guint flags;
  /* recipients in a JSON document (NULL-terminated by list_key == NULL) */
  const JsonLayout *json;
  /* a reason this family's notice implies when its text gives none */
  Reason reason;
  /* the family whose wordings this one writes too (MX Logic runs Exim): the
   * wording table's rows of that family apply to this one's notices */
  const struct Detector *same_wordings_as;
} Detector;

/* The registry: every detector, specific families first, most general last. */
extern const Detector *const detectors[];
extern const gsize n_detectors;

/* Every detector, by name (registry.c lists them in the order they are tried). */
extern const Detector detector_exim, detector_qmail, detector_sendmail, detector_postfix,
    detector_dragonfly, detector_opensmtpd, detector_courier, detector_exchange,
    detector_notes, detector_domino, detector_imail, detector_messagingserver, detector_gmail,
    detector_googlegroups, detector_yahoo, detector_zoho, detector_gmx, detector_einsundeins,
    detector_kddi, detector_ezweb, detector_biglobe, detector_verizon, detector_amazonses,
    detector_mailmarshal, detector_mailfoundry, detector_mfilter, detector_mxlogic,
    detector_interscan, detector_activehunter, detector_mcafee, detector_surfcontrol,
    detector_barracuda, detector_fml, detector_delivery_errors_list, detector_unable_to_deliver, detector_dsn_technical_details, detector_qmail_retitled,
    detector_trouble_delivering, detector_exim3, detector_mdaemon, detector_hmailserver, detector_smartermail, detector_james, detector_postal,
    detector_groupwise, detector_mailman, detector_ezmlm, detector_kopano, detector_mimecast,
    detector_messagelabs, detector_sesreceiving, detector_citadel_sieve, detector_xmail,
    detector_mmdf;

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

#endif
