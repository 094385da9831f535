/* detect.h: the table format of free-text detectors. A detector describes one MTA
 * family or shared text style as data; the engine in text.c runs them.
 *
 * All strings are lower-case and are matched as substrings of the folded
 * (lower-cased) text. Lists end with NULL.
 */
#ifndef BOUNCE_DETECT_H
#define BOUNCE_DETECT_H

#include <glib.h>

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

/* A wording that means one reason in this family's answers, as the family
 * documents or uses it, whatever the status code or the general phrase table
 * would say: Amazon SES's receipt rules answer "Mailbox does not exist" when a
 * rule of the recipient's refused the message (filtered), MessageLabs writes
 * "<address> Rejected" for a missing mailbox. Phrases are matched like the
 * reason table's, against the folded diagnostic. */
typedef struct
{
  const char *reason;         /* NULL ends the list */
  const char *const *phrases;
} FamilyReason;

typedef struct
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
  /* the family's own sentences that explain the failure once for every recipient
   * ("The user(s) account is disabled."), wherever they stand in the notice: a
   * line containing one is added to each recipient's diagnostic */
  const char *const *notes;
  /* DETECT_* flags */
  guint flags;
  /* recipients in a JSON document (NULL-terminated by list_key == NULL) */
  const JsonLayout *json;
  /* a reason this family's notice implies when its text gives none (or NULL);
   * informative, for the classifier's owner */
  const char *reason;
  /* wordings with this family's own meaning (NULL or ended by a NULL reason);
   * they apply to every record of a message of the family, from its
   * delivery-status part too */
  const FamilyReason *reasons;
} Detector;

/* The registry: every detector, specific families first, most general last. */
extern const Detector *const detectors[];
extern const gsize n_detectors;

/* The reason the named family's own wording in folded gives, or NULL. */
const char *detect_family_reason (const char *family, const char *folded);

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

#endif
