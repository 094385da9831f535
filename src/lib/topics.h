/* topics.h: what a reply says is wrong, read from a thing and its state named
 * close together ("the user's mailfolder is full", "address couldn't be
 * found"), for the wordings no row of the wording table holds.
 *
 * A wording row (wordings.h) is one server's exact words. Servers nobody has
 * catalogued say the same things in words of their own; what stays the same is
 * the thing they speak of (a mailbox, a message, a domain, the sender, the
 * sending IP) and what they say of it (full, too big, not found, refused). So
 * this module holds three small tables, as data in topic-table.c:
 *   - SUBJECTS: words (one, or two: "mail box") that name a thing, each with
 *     its kind;
 *   - STATES: words (one or more) that say what is wrong, each with its kind;
 *   - RULES: a subject kind and a state kind, the reason they mean together, and
 *     the source that defines the reason in those terms (an RFC 3463 code's
 *     description, or the reason's definition).
 * In a folded text (wordings_fold), a state is read with the nearest subject
 * that a rule pairs it with, within TOPIC_REACH words on either side and within
 * one clause (a word that ends in '.', ';', ':', '!' or '?' closes a clause).
 * Where several such pairs stand in one text, reason_beats decides, as between
 * wording rows.
 *
 * The wording table comes first: a topic decides only where no row does, and it
 * overrules a specific status code only with a reason that outranks the code's
 * (classify.c).
 */
#ifndef BOUNCE_TOPICS_H
#define BOUNCE_TOPICS_H

#include <glib.h>

#include "reasons.h"

/* How many words a subject may stand from its state. */
#define TOPIC_REACH 5

/* The longest subject word, in bytes. */
#define SUBJECT_MAX 48

typedef enum
{
  SUBJECT_USER,       /* the person addressed: user, recipient */
  SUBJECT_ADDRESS,    /* an address, said as such */
  SUBJECT_MAILBOX,    /* where mail is kept: mailbox, mailfolder, inbox, account */
  SUBJECT_QUOTA,      /* the room it has: quota, storage */
  SUBJECT_MESSAGE,    /* the message sent */
  SUBJECT_DOMAIN,     /* the recipient's domain */
  SUBJECT_HOST,       /* a host: the recipient's mail host, or the sending host
                         where it is refused */
  SUBJECT_CONNECTION, /* the connection or route to the host */
  SUBJECT_SENDER,     /* the envelope sender */
  SUBJECT_NAME_SERVICE, /* the DNS and its records: what it is asked is a domain */
  SUBJECT_CLIENT,     /* the sending host: its IP, the client */
  SUBJECT_RELAY,      /* relaying through the receiver */
  SUBJECT_SPAM,       /* spam, said of the content */
  SUBJECT_LINK,       /* a link (URL) in the content */
  SUBJECT_VIRUS,      /* malware */
  SUBJECT_RATE,       /* the sending rate */
  SUBJECT_MANY,       /* connections, recipients at once */
  SUBJECT_POLICY,     /* the receiver's policy */
  SUBJECT_RETRY,      /* the sender's retries */
  SUBJECT_TLS,        /* the encryption of the session: TLS, STARTTLS */
  SUBJECT_AUTHENTICATION, /* the sender's authentication: SPF, DKIM, DMARC */
  SUBJECT_FILTER,     /* a receiving-side filter or rule, the recipient's own too */
  SUBJECT_ATTACHMENT, /* an attachment, a file type */
  SUBJECT_HEADER,     /* an address or a domain in a header of the message */
} SubjectKind;

typedef enum
{
  STATE_MISSING,     /* does not exist, not found, unknown */
  STATE_INVALID,     /* invalid, not valid */
  STATE_FULL,        /* full */
  STATE_EXCEEDED,    /* exceeded, over its limit */
  STATE_TOO_BIG,     /* too big, too large */
  STATE_DISABLED,    /* disabled, suspended, inactive */
  STATE_UNREACHABLE, /* unreachable, timed out */
  STATE_REFUSED,     /* rejected, refused, denied: said of what is refused, or
                        of who refuses ("the host refused the connection") */
  STATE_BARRED,      /* not allowed, prohibited, banned: said of what is refused */
  STATE_LISTED,      /* blocked, blacklisted, listed: said of what is refused, the
                        words of a block list */
  STATE_DETECTED,    /* detected, found, identified as, contains */
  STATE_TOO_MANY,    /* too many */
  STATE_GAVE_UP,     /* giving up, exhausted */
  STATE_FAILED,      /* failed */
  STATE_UNSUPPORTED, /* not supported, not offered */
  STATE_NO_MAIL,     /* accepts no mail: a null MX (RFC 7505) */
  STATE_NOT_GIVEN,   /* missing: not in the command or the message, rather than
                      * looked up and not found */
} StateKind;

/* A word of another language than English says where its meaning is written:
 * LANG is its language tag ("de", "fr"; NULL for English, the language of the
 * RFC 3463 descriptions and of the reason definitions the rules cite), SOURCE a
 * place that translates the English word with it, in the form of the wording
 * table's sources (wordings.h): a translation catalogue's entry, a provider's
 * localized reference. */
typedef struct
{
  const char *word;
  SubjectKind kind;
  const char *lang;
  const char *source;
} TopicSubject;

typedef struct
{
  const char *words;
  StateKind kind;
  const char *lang;
  const char *source;
} TopicState;

typedef struct
{
  SubjectKind subject;
  StateKind state;
  Reason reason;
  /* the subject (RFC 3463 § 3: X.n.x) of the codes that report the reason: a
   * record whose status names another subject is not about this */
  guint status_subject;
  const char *source;
} TopicRule;

/* A domain name written out ("mx.example.org does not exist") names a domain. */
extern const TopicSubject topic_domain_name;
/* "your account", "your domain": the envelope sender's, whom replies address. */
extern const TopicSubject topic_senders_own;
/* "From: Domain is invalid": the sender's (the From field's). */
extern const TopicSubject topic_from_field;
/* "address in the To: header", "Message-ID domain": the message's header's. */
extern const TopicSubject topic_header_field;
/* "URL domain", "link domain": a link's, in the content. */
extern const TopicSubject topic_link_domain;
/* "DKIM domain", "signing domain", "DKIM key domain": a signature's. */
extern const TopicSubject topic_signing_domain;
/* "your host", "client host", "sending host": the sending host. */
extern const TopicSubject topic_sending_host;
extern const TopicSubject topic_subjects[];
extern const gsize topic_subjects_size;
extern const TopicState topic_states[];
extern const gsize topic_states_size;
extern const TopicRule topic_rules[];
extern const gsize topic_rules_size;

/* What a topic found: its rule, and the two words read. */
typedef struct
{
  const TopicRule *rule;
  const TopicSubject *subject;
  const TopicState *state;
  StateKind state_kind; /* the state as read ("found" after "no" is missing) */
  /* a rule of reason expired was found: the sender gave up, which is no cause
   * (classify.c), so such a rule is reported here and not as the rule above */
  gboolean gave_up;
  /* the first block-list word ("blacklisted", "blocked") with no thing named
   * within reach: classify.c reads it by the SMTP stage */
  const TopicState *listed_alone;
} TopicFind;

/* The reason the topics give folded (a wordings_fold result), REASON_NONE when
 * no rule pairs a state with a subject in it; out (may be NULL) says which.
 * status_subject is the subject digit of the record's status (X.n.x), 0 when
 * it has none or names none: only rules of that subject are read then. */
Reason topics_find (const char *folded, guint status_subject, TopicFind *out);

/* Does "your", "client", "sending", "helo" or "ehlo" stand right before the word
 * at at in folded (within its clause)? What follows is then the sending side's
 * ("client host unknown", "HELO hostname does not exist" is the sending host's
 * name, not the destination's). */
gboolean topics_sending_side_before (const char *folded, gsize at);

/* Does folded (a wordings_fold result) name the recipient: a subject word of the
 * user, an address or a mailbox ("Recipient address rejected", "mailbox
 * unavailable")? */
gboolean topics_names_recipient (const char *folded);

/* Does folded (a wordings_fold result) name the sending side or a cause other
 * than the address: "you" or "your", or a subject word of the sender, the
 * sending host or IP, relaying, spam, a link, a virus, a rate, a count, a
 * policy, TLS, authentication, a filter or an attachment ("Recipient address
 * rejected: Please see SPF record")? */
gboolean topics_names_another_cause (const char *folded);

/* Does folded (a wordings_fold result) name a period of time that what it counts
 * was sent in ("this hour", "per day")? The words are topic_periods. */
extern const char *const topic_periods[];
gboolean topics_names_period (const char *folded);

/* The name of a subject or a state kind, for `why` and audits. */
const char *topic_subject_name (SubjectKind kind);
const char *topic_state_name (StateKind kind);

#endif
