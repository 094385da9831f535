/* wordings.h: the wording table: every wording that gives a reason away, with
 * the scope it applies in and the source it comes from (the rows are data, in
 * wording-table.c; this module finds them in a text).
 *
 * A row's pattern is lower-case and matched as a substring of the folded text
 * that starts a word (a row that starts with a letter or a digit is not read
 * inside a word: "spam" in "antispam"), and may end inside one, as a stem
 * ("rate limit" in "rate limited"). The folded text (wordings_fold) has its
 * words one space apart, lower-cased, every address replaced by
 * "<addr>" and every IP address by "<ip>"; '#' in a pattern stands for one or
 * more digits. No regular expressions: matching is one pass over the text.
 *
 * Scopes:
 *   - ANY: the wording means its reason in any server's answer or notice;
 *   - STOCK: the stock words for a missing mailbox ("user unknown", "no such
 *     user"), kept apart because receivers that use them for something else
 *     (the domain filters of Japanese mobile carriers) say so in rows of their own;
 *   - RECEIVER: a mailbox provider's documented wording or code, on answers
 *     from its own hosts (every MX and outbound naming scheme it uses);
 *   - FAMILY: the fixed wording of an MTA or a gateway in its own notices and
 *     replies (its detector: notices the engine recognised as that family).
 * A receiver's or a family's row wins only within its scope (see classify.c for
 * the order between scopes and the status code). Rows of reason expired say the
 * sender gave up, which is no cause: they are reported apart (gave_up).
 *
 * Every row names its source, in one of three forms:
 *   "src <package> <version> <path>[ <function>]": the program that writes it;
 *   "doc <url> \"<title>\" § <section>, read <YYYY-MM-DD>": a published reference;
 *   "rfc <number> § <section>": where an RFC defines it.
 */
#ifndef BOUNCE_WORDINGS_H
#define BOUNCE_WORDINGS_H

#include <glib.h>

#include "reasons.h"
#include "detect/detect.h"

typedef enum
{
  SCOPE_ANY,
  SCOPE_STOCK,
  SCOPE_RECEIVER,
  SCOPE_FAMILY,
} WordingScope;

/* A mailbox provider: its name, the host name suffixes of its MX and outbound
 * servers, and the reference its rows come from. */
typedef struct
{
  const char *name;
  const char *const *hosts;
  const char *reference;
} Receiver;

enum
{
  /* the wording beats a specific status code too (a rare, unmistakable one) */
  WORDING_DECISIVE = 1 << 0,
  /* not when the status is an address code (X.1.x): the receiver uses the same
   * words for a missing address and for something else */
  WORDING_NOT_ADDRESS_STATUS = 1 << 1,
  /* a failure found at once and never retried (a mail loop): a final notice of
   * it is no network failure until giving up (classify.c) */
  WORDING_AT_ONCE = 1 << 2,
  /* a local delivery program's exit text (<sysexits.h>): not read in a server's
   * SMTP or LMTP reply, which says the same words of something else */
  WORDING_LOCAL_PROGRAM = 1 << 3,
  /* the status code beside these words is the MTA's stand-in, not the
   * failure's (Postfix's 4.1.1 for an address whose verification is pending):
   * such a row names no reason; the code does not decide, the words after it do */
  WORDING_STATUS_STAND_IN = 1 << 4,
  /* the reply code's own text in RFC 5321 § 4.2.3, which spans several causes
   * ("mailbox unavailable": not found, no access, a policy): it stands where the
   * status is generic or missing, and never outranks a specific status code */
  WORDING_REPLY_TEXT = 1 << 5,
  /* a login asked for: in answer to RCPT TO, the receiver takes that recipient
   * only from a client that logs in, so it relays for no one else (norelaying,
   * classify.c); at the greeting or MAIL FROM it is the row's own reason */
  WORDING_RELAY_AT_RCPT = 1 << 6,
};

typedef struct
{
  WordingScope scope;
  const Receiver *receiver; /* SCOPE_RECEIVER */
  const Detector *family;   /* SCOPE_FAMILY */
  const char *pattern;
  Reason reason;
  guint flags;
  const char *source;
} Wording;

extern const Wording wording_table[];
extern const gsize wording_table_size;
extern const Receiver *const receiver_table[];
extern const gsize receiver_table_size;

/* What the rows of each scope say about one folded text. */
typedef struct
{
  const Wording *receiver; /* the receiver's first row found (table order) */
  const Wording *family;   /* the family's first row found (table order) */
  const Wording *any;      /* the best row of scope ANY or STOCK (see wordings.c) */
  gboolean gave_up;        /* a row of reason expired: the sender gave up (such rows
                            * are no cause: they are not in the three above) */
  gboolean status_stand_in; /* a row flagged WORDING_STATUS_STAND_IN (not above either) */
} WordingFinds;

/* Looks the rows up in folded (a wordings_fold result). receiver_host is the
 * host that answered or a domain of the recipient's, NULL when neither is
 * known (the receiver is then one whose host names the text holds); family is
 * the detector the message was recognised as, or NULL; status the record's
 * status code, or NULL. */
void wordings_find (const char *folded, const char *receiver_host, const Detector *family,
                    const char *status, WordingFinds *out);
/* The same, for the words of a server's reply (an SMTP reply code stands with
 * them) when server_reply is TRUE: a local program's rows are then not read. */
void wordings_find_reply (const char *folded, const char *receiver_host, const Detector *family,
                          const char *status, gboolean server_reply, WordingFinds *out);

/* TRUE when a row of reason expired of scope ANY or of family's says, in folded,
 * that the sender gave up. */
gboolean wordings_gave_up (const char *folded, const Detector *family);

/* TRUE when host is suffix or a name under it (case-insensitive). */
gboolean wordings_host_has_suffix (const char *host, const char *suffix);

/* The receiver whose host suffixes host ends with, or NULL. */
const Receiver *wordings_receiver_of_host (const char *host);

/* The form rows are matched against (see above); a new string, at most about
 * max bytes of text read. */
char *wordings_fold (const char *text, gsize max);

/* The reason the ANY and STOCK rows find in text (not folded), or REASON_NONE. */
Reason wordings_reason_of_text (const char *text);

/* Calls fn for every row whose pattern occurs in folded, whatever its scope
 * (each row once); for audits of the table. */
void wordings_each_match (const char *folded, void (*fn) (const Wording *row, gpointer data),
                          gpointer data);

/* TRUE when source is in one of the three forms above. */
gboolean wordings_source_well_formed (const char *source);

/* The receiver called name (case-insensitive), or NULL. */
const Receiver *wordings_receiver_named (const char *name);
/* Calls fn for each row of receiver r, in table order; returns how many. fn
 * may be NULL (a count). */
guint wordings_foreach_receiver_row (const Receiver *r, void (*fn) (const Wording *w, gpointer data),
                                     gpointer data);

#endif
