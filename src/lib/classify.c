/* classify.c: turn a record's status, reply code and diagnostic text into its
 * classification (class, subject, description, reason, bounce type), and answer
 * the look-ups of `bounce explain` (codes, and the providers' rows).
 *
 * STATUS. Two codes may be at hand: F, the Status field the reporting MTA wrote,
 * and M, the code the remote server gave in its own reply (the first enhanced code
 * right after an SMTP reply code in the diagnostic, else the first one there).
 *   - no F: M (free-text notices; null when the text names no code);
 *   - no M, or M = F: F;
 *   - M of another class than F: the one whose class the reply code agrees with
 *     (F when there is no reply code): "550 5.5.0" under "Status: 4.5.0" is 5.5.0;
 *   - M vaguer than F (detail 0 against a detail): F;
 *   - otherwise M: the remote server's own words are more precise than the
 *     reporting MTA's summary ("Status: 4.4.7" over "450 4.7.1 ...", "Status: 5.1.0"
 *     over SES's "550-'5.2.2 ... Mailbox Full'").
 * The reply code is the record's own, else the first one in the diagnostic of the
 * status's class (a "220-" banner before "421 4.2.1" is not the reply).
 *
 * CLASS comes from the status (its first digit), else from the reply code, else
 * from the action.
 *
 * REASON: the wording table (wordings.h) is read once for the record's
 * diagnostic, then the first of these that gives a reason decides:
 *   1. success (action delivered/relayed/expanded, or class 2): delivered; a
 *      reason the extractor knows from the report's kind (feedback, vacation)
 *      stays;
 *   1a. a reply that names another recipient of the report as its subject
 *      (nullmailer copies the one refusal into every recipient's group): no
 *      cause of this one's, onhold;
 *   1b. a local RULE (rules.c, --rules): the operator's own wording;
 *   2. a RECEIVER row: the host that answered (else the recipient's domain, else
 *      a host the text names) documents what its wording or code means;
 *   3. a FAMILY row: the fixed wording of the MTA or gateway whose notice this
 *      is (the family the message was recognised as); one that says a local
 *      delivery program failed yields to an outranking reason of the program's
 *      output ("Command output: Quota exceeded");
 *   4. a SPECIFIC status code (detail not 0, with a reason of its own in
 *      codes.c: 5.1.1, 5.2.2, 5.7.26; not one the words call a stand-in, as
 *      Postfix's 4.1.1 while its probe of the address is pending, which
 *      decides nothing; nor X.4.1, "no answer from host", in a host's own
 *      5xx reply; nor an address or mailbox code, X.1.x or X.2.x, at the
 *      greeting or HELO, before any recipient is named): its reason, unless
 *      the text's row is a decisive one or names a reason that outranks the
 *      code's in the precedence of reasons.c ("550 5.1.1 ... mailbox full" is mailboxfull:
 *      providers reuse 5.1.1), or where no row holds the words, a topic (5b) of
 *      any subject that does ("550 5.1.1 ... IP blacklisted" is blocked); a
 *      reason of the same rank or below never moves it;
 *   5. the text's ANY or STOCK row (but a spam row yields to a topic that says
 *      the sending host or IP is refused for it: blocked; and a reply code's own
 *      text, RFC 5321's "mailbox unavailable", to any topic: "mailbox
 *      unavailable: sender blocked" is the sender's refusal). The words for a
 *      missing mailbox are userunknown whatever SMTP command they answered: a
 *      sender suppresses an address that does not exist; only a receiver that
 *      documents them as its filter's answer reads them otherwise (its own rows,
 *      step 2);
 *   5b. a TOPIC (topics.h): where no row holds the words, a thing and its state
 *      named in one clause ("the user's mailfolder is full"), read only where
 *      the status names no other subject (RFC 3463's X.n.x; X.7.1, "per-host
 *      or per-recipient filtering", names none, but a refusal contradicts a
 *      topic that says the thing does not exist) and is not a specific code
 *      with a reason of its own (but for one that outranks it, step 4);
 *   6. the extractor's hint (the family's usual reason, a PowerMTA bounce
 *      category, a delivery to a program), which never overrides a specific code;
 *   7. GIVING UP: expired is not a cause. The wordings that say the sender gave
 *      up ("retry timeout exceeded", "in the queue too long", and the topic of
 *      retries given up: "after multiple retries, giving up"), a notice the
 *      extractor read as such, and the code X.4.7 decide only here, where
 *      nothing above named the cause: a final notice after retries reports the
 *      last cause it states ("4.2.2 Mailbox full ... in the queue too long"
 *      is mailboxfull; a network failure is the exception, see the
 *      adjustments below: retrying is what it calls for). A delay
 *      (action delayed) has not given up: its X.4.7 counts for nothing, and its
 *      words decide (OpenSMTPD writes "Action: delayed" on its expiry notice,
 *      "Envelope expired");
 *   7b. a block-list word said of nothing named (topics.h listed_alone:
 *      "550 rejected: blacklisted") before DATA is the sending side blocked;
 *      after DATA it may be the content's and decides nothing;
 *   8. the SMTP command refused (`command`), for words that explain nothing:
 *      MAIL FROM is the envelope sender's refusal (rejected), the greeting or
 *      HELO/EHLO the sending host's (blocked), a permanent RCPT TO under X.0.x,
 *      X.1.x or no status the address's (userunknown) where the words name the
 *      address and neither the sending side ("you", the sender, the client) nor
 *      another cause (spam, a policy, a filter, SPF ...), or nothing else;
 *   9. a generic code: 5.7.0, 5.7.1, 5.7.9 securityerror; 5.1.0 userunknown
 *      (but in answer to DATA, when every recipient was accepted);
 *      5.2.0 (the mailbox refused it, no condition named) filtered; the code's
 *      own default (X.4.0 networkerror, X.6.0 contenterror); the reply code's,
 *      when there is no status or the status is generic and of its class;
 *  10. a row that states no cause (onhold: Postfix's "delivery temporarily
 *      suspended", "transaction failed"), of scope ANY or a family's: such a
 *      row does not decide above, so that a cause read after it does (a topic,
 *      the command refused, the code); then expired where "Action: failed"
 *      stands under a transient status (the sender stopped retrying a temporary
 *      failure, RFC 3464 § 2.3.3, and no cause is named); else onhold
 *      (something was said: a code, a diagnostic, or the delay itself, which
 *      states no cause) or undefined (nothing was).
 *  11. where that leaves no cause (onhold, undefined, expired without a
 *      specific code; a row of no cause too, but a decisive one, which names
 *      the deferral itself) and a delivery-status part gave the diagnostic, the
 *      notice's own prose about the recipient (text.c keep_notice_words; lines
 *      that quote replies are the transcript and are not read): a row of it
 *      that names a cause, else its topic ("... because the domain
 *      example.com couldn't be found" beside Gmail's DNS trace).
 * Then, each for a stated reason, unless a receiver's row gave it (its reference
 * says what the reply means: "busy--please try again later" at the greeting is
 * the server's own trouble where its receiver documents it so):
 *   - a network failure (networkerror) in a final notice that gave up (step
 *     7's signs, "Action: failed" under a transient status: RFC 3464 § 2.3.3
 *     makes failed final, or a failure notice's text under no permanent code) is
 *     expired: retrying is what such a failure calls for, and the retry period
 *     ran out; not a mail loop (a WORDING_AT_ONCE row in the text, or the
 *     status X.4.6), found at once;
 *   - a domain or host unreachable (a topic) under a permanent status has no
 *     usable mail host: hostunknown;
 *   - "service refused" (systemerror, by a code) at the greeting is the
 *     host's refusal: blocked; a row that names the system's trouble stands;
 *   - too many (toomanyconn) counted over a period of time ("too many
 *     recipients this hour", topics.h topic_periods) is a rate: speeding;
 *   - an unknown host under a transient (4.x.x) status is a DNS failure the
 *     sender still retries, not proof the domain does not exist: networkerror;
 *   - an address or a domain said not to exist in answer to MAIL FROM, where
 *     no recipient is named yet, is the envelope sender's: rejected;
 *   - an address or a domain said not to exist where the words name it the
 *     sender's (a topic of the sender) is rejected; one of a header of the
 *     message's ("Message-ID domain not found") notcompliantrfc;
 *   - a login asked for in answer to RCPT TO (a row flagged
 *     WORDING_RELAY_AT_RCPT, Postal's "530 Authentication required") is relaying
 *     refused to a client that does not log in: norelaying;
 *   - a user said not to exist where the credentials were refused (X.7.8,
 *     RFC 4954's 535 "authentication credentials invalid") is the login's, the
 *     sending account's: securityerror;
 *   - an unknown host in the reporting MTA's own domain (its Reporting-MTA or
 *     the notice's sender is that domain or a host in it) is a local address no
 *     router accepted (Exim writes "Unrouteable address" for any such address):
 *     the domain exists, the user does not: userunknown;
 *   - a Diagnostic-Type of X-Unix carries a local program's exit status: when
 *     the words and a specific code say nothing else, mailererror (Postfix's
 *     "5.2.2 ... x-unix; input/output error" is the full mailbox of its code).
 *
 * BOUNCE TYPE comes from the reason (reasons.tsv), with "notaccept" hard only when
 * the failure is permanent, and no reason hard in a delay (action delayed) or in
 * a transient reply (4xx, 4.x.x) with no action (a bare reply, a notice that
 * does not say it failed): the sender still retries, and its final notice will
 * say whether it gave up.
 */
#include "classify.h"

#include <string.h>

#include "address.h"
#include "codes.h"
#include "reasons.h"
#include "rules.h"
#include "wordings.h"
#include "bounds.h"
#include "status.h"
#include "text.h"
#include "topics.h"
#include "detect/detect.h"

static BounceClass
class_of_digit (char c)
{
  switch (c)
    {
    case '2':
      return BOUNCE_CLASS_SUCCESS;
    case '4':
      return BOUNCE_CLASS_TRANSIENT;
    case '5':
      return BOUNCE_CLASS_PERMANENT;
    default:
      return BOUNCE_CLASS_UNKNOWN;
    }
}

/* X.Y.0 names only a subject; the text usually says more. */
static gboolean
is_generic_status (const char *status)
{
  guint k, s, d;
  if (!status || !status_parse_enhanced (status, strlen (status), &k, &s, &d))
    return TRUE;
  return d == 0;
}

/* The subject and detail digits of an enhanced status (X.n.d); FALSE for none. */
static gboolean
status_digits (const char *status, guint *subject, guint *detail)
{
  guint k;
  return status && status_parse_enhanced (status, strlen (status), &k, subject, detail);
}

/* The subject digit of an enhanced status (X.n.x), 0 for none. */
static guint
status_subject (const char *status)
{
  guint s, d;
  return status_digits (status, &s, &d) ? s : 0;
}

/* The greeting or HELO/EHLO: the commands before any sender or recipient is named. */
static gboolean
at_greeting (const char *command)
{
  return command
         && (strcmp (command, "CONN") == 0 || strcmp (command, "HELO") == 0
             || strcmp (command, "EHLO") == 0);
}

/* Is the status X.subject.detail? */
static gboolean
status_is (const char *status, guint subject, guint detail)
{
  guint s, d;
  return status_digits (status, &s, &d) && s == subject && d == detail;
}

/* X.7.1, "delivery not authorized": RFC 3463 § 3.8 makes it the report of
 * "per-host or per-recipient filtering", a refusal of any object. */
static gboolean
is_not_authorized (const char *status)
{
  return status_is (status, 7, 1);
}

/* X.4.6, "routing loop detected" (RFC 3463 § 3.5): a loop is found at once,
 * not after retries. */
static gboolean
is_routing_loop (const char *status)
{
  return status_is (status, 4, 6);
}

/* X.4.1, "no answer from host" (RFC 3463 § 3.5), said in a host's permanent
 * reply: a host that answered 5xx was not unanswered. Receivers write 5.4.1 for
 * a recipient they refuse ("550 5.4.1 Recipient address rejected"): the code
 * names no cause there, the words do. */
static gboolean
answered_no_answer (const char *status, const char *reply_code)
{
  return reply_code && reply_code[0] == '5' && status_is (status, 4, 1);
}

/* An address or mailbox code (X.1.x, X.2.x) answered at the greeting or to
 * HELO/EHLO, before any recipient is named: it says nothing of one (La Poste
 * greets "421 4.2.1 Service refuse"); the command refused does. */
static gboolean
recipient_code_before_recipients (const char *status, const char *command)
{
  guint subject = status_subject (status);
  return (subject == 1 || subject == 2) && at_greeting (command);
}

/* Does the status restrict the topics read to its subject's (X.n.x)? A generic
 * status (X.n.0) names a subject and no cause: the text may name another
 * subject. Nor does X.7.1: the words say what was refused (the host, the
 * sender, the recipient's account). */
static gboolean
status_names_subject (const char *status)
{
  return !is_generic_status (status) && !is_not_authorized (status);
}

/* Fills out for an enhanced code already known to be valid. */
static void
lookup_enhanced (const char *code, BounceCode *out)
{
  guint k, s, d;
  status_parse_enhanced (code, strlen (code), &k, &s, &d);
  const CodeRow *row = codes_enhanced_detail (k, s, d);
  const CodeRow *subj = codes_enhanced_subject_row (s);
  out->form = "enhanced";
  out->klass = class_of_digit (code[0]);
  out->subject = codes_subject_name (s);
  out->description = row ? row->description : subj ? subj->description : NULL;
  out->reason = row ? reason_name (row->reason) : NULL;
  out->note = row ? row->note : (subj ? "detail not in the registry; read by its subject" : NULL);
  if (out->klass == BOUNCE_CLASS_SUCCESS)
    out->reason = reason_name (REASON_DELIVERED);
}

static BounceType
type_of (Reason reason, BounceClass klass)
{
  if (!reason)
    return klass == BOUNCE_CLASS_SUCCESS ? BOUNCE_TYPE_NONE : BOUNCE_TYPE_SOFT;
  if (reason == REASON_NOTACCEPT && klass != BOUNCE_CLASS_PERMANENT)
    return BOUNCE_TYPE_SOFT;
  return reason_type (reason);
}

gboolean
bounce_code_lookup (const char *code, BounceCode *out)
{
  char norm[STATUS_MAX];
  memset (out, 0, sizeof *out);
  if (!status_normalise (code, norm))
    return FALSE;
  if (strchr (norm, '.'))
    {
      const char *canon = g_intern_string (norm);
      out->code = canon;
      lookup_enhanced (canon, out);
    }
  else
    {
      const CodeRow *row = codes_reply (norm);
      const CodeRow *pseudo = codes_pseudo (norm);
      if (row || pseudo)
        {
          const CodeRow *r = row ? row : pseudo;
          out->code = r->code;
          out->form = row ? "reply" : "vendor";
          out->klass = pseudo ? BOUNCE_CLASS_PERMANENT : class_of_digit (norm[0]);
          out->subject = NULL;
          out->description = r->description;
          out->reason = reason_name (r->reason);
          out->note = r->note;
          if (pseudo)
            {
              out->type = BOUNCE_TYPE_HARD; /* as the tables that use 911 say */
              return TRUE;
            }
        }
      else if (norm[0] == '2' || norm[0] == '4' || norm[0] == '5')
        {
          /* a dotless enhanced code: 511 is 5.1.1 */
          char canon[STATUS_MAX];
          g_snprintf (canon, sizeof canon, "%c.%c.%c", norm[0], norm[1], norm[2]);
          lookup_enhanced (g_intern_string (canon), out);
          out->code = g_intern_string (norm);
          out->form = "vendor";
          char *note = g_strdup_printf ("not an SMTP reply code; read as %s without dots", canon);
          out->note = g_intern_string (note);
          g_free (note);
        }
      else
        return FALSE;
    }
  out->type = type_of (reason_from_name (out->reason), out->klass);
  return TRUE;
}

static void
foreach_enhanced_row (const CodeRow *row, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceCode *, gpointer) = (void (*) (const BounceCode *, gpointer)) ctx[0];
  /* a row of one class only names its whole code */
  gboolean whole = strchr (row->code, '.') != strrchr (row->code, '.');
  for (const char *k = whole ? "-" : "245"; *k; k++)
    {
      char code[STATUS_MAX];
      if (whole)
        g_strlcpy (code, row->code, sizeof code);
      else
        g_snprintf (code, sizeof code, "%c.%s", *k, row->code);
      BounceCode c;
      if (bounce_code_lookup (code, &c))
        fn (&c, ctx[1]);
    }
}

static void
foreach_reply_row (const CodeRow *row, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceCode *, gpointer) = (void (*) (const BounceCode *, gpointer)) ctx[0];
  BounceCode c;
  if (bounce_code_lookup (row->code, &c))
    fn (&c, ctx[1]);
}

void
bounce_code_foreach (void (*fn) (const BounceCode *code, gpointer data), gpointer data)
{
  gpointer ctx[2] = { (gpointer) fn, data };
  codes_foreach_enhanced (foreach_enhanced_row, ctx);
  codes_foreach_reply (foreach_reply_row, ctx);
}

void
bounce_provider_foreach (void (*fn) (const BounceProvider *provider, gpointer data), gpointer data)
{
  for (gsize r = 0; r < receiver_table_size; r++)
    {
      const Receiver *rc = receiver_table[r];
      BounceProvider p = { rc->name, rc->hosts, rc->reference,
                           wordings_foreach_receiver_row (rc, NULL, NULL) };
      fn (&p, data);
    }
}

static void
provider_row (const Wording *w, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceProviderRow *, gpointer) = (void (*) (const BounceProviderRow *, gpointer)) ctx[0];
  BounceProviderRow row = { w->receiver->name, w->pattern, reason_name (w->reason),
                            reason_type (w->reason), w->source };
  fn (&row, ctx[1]);
}

gboolean
bounce_provider_foreach_row (const char *name, void (*fn) (const BounceProviderRow *row, gpointer data),
                             gpointer data)
{
  const Receiver *r = wordings_receiver_named (name);
  if (!r)
    return FALSE;
  gpointer ctx[2] = { (gpointer) fn, data };
  if (fn)
    wordings_foreach_receiver_row (r, provider_row, ctx);
  return TRUE;
}

/* Picks the status between the Status field and the remote's code (see the top). */
static void
choose_status (BounceRecord *rec, const char *diag)
{
  char field[STATUS_MAX], remote[STATUS_MAX];
  const char *f = record_peek (rec, BOUNCE_FIELD_STATUS);
  gboolean have_f = f && status_normalise (f, field) && strchr (field, '.');
  if (f && !have_f)
    {
      /* "5.0.0 (permanent failure)": a code followed by a comment */
      while (*f == ' ' || *f == '\t')
        f++;
      guint k, sj, d;
      gsize n = status_parse_enhanced (f, strlen (f), &k, &sj, &d);
      if (n > 0 && n < STATUS_MAX && (f[n] == ' ' || f[n] == '(' || f[n] == ';' || f[n] == '\t'))
        {
          memcpy (field, f, n);
          field[n] = '\0';
          have_f = status_normalise (field, field);
        }
    }
  gboolean have_m = diag && status_find_remote_enhanced (diag, remote)
                    && status_normalise (remote, remote);
  const char *pick = NULL;
  if (!have_f)
    pick = have_m ? remote : NULL;
  else if (!have_m || strcmp (field, remote) == 0)
    pick = field;
  else if (field[0] != remote[0])
    {
      const char *reply = record_peek (rec, BOUNCE_FIELD_REPLY_CODE);
      char found[4];
      if (!reply && diag && status_find_reply (diag, found))
        reply = found;
      pick = reply && reply[0] == remote[0] ? remote : field;
    }
  else if (is_generic_status (remote) && !is_generic_status (field))
    pick = field;
  else if (status_subject (remote) == 0 && status_subject (field) != 0)
    pick = field; /* X.0.0 names no subject; the field's X.n.0 does */
  else
    pick = remote;
  record_set (rec, BOUNCE_FIELD_STATUS, pick);
}

static void
choose_reply (BounceRecord *rec, const char *diag, const char *status, const char *action)
{
  char norm[STATUS_MAX];
  const char *reply = record_peek (rec, BOUNCE_FIELD_REPLY_CODE);
  if (reply && !(status_normalise (reply, norm) && !strchr (norm, '.')))
    reply = NULL;
  gboolean failure = action
                     && (g_ascii_strcasecmp (action, "failed") == 0
                         || g_ascii_strcasecmp (action, "delayed") == 0);
  /* a failure's reply is not a success code */
  if (reply && failure && reply[0] != '4' && reply[0] != '5')
    reply = NULL;
  char found[4];
  if (!reply && diag)
    {
      char want = status ? status[0] : '\0';
      if (want == '2' && failure)
        want = '\0';
      if (status_find_reply_class (diag, want, found)
          && !(failure && found[0] != '4' && found[0] != '5'))
        reply = found;
    }
  char *keep = g_strdup (reply);
  record_take (rec, BOUNCE_FIELD_REPLY_CODE, keep);
}

/* Does folded hold a word but codes and names ("550", "5.1.1", "(#5.1.1)", an
 * address's or an IP address's placeholder)? */
static gboolean
has_words (const char *folded)
{
  for (const char *p = folded; p && *p; p++)
    {
      if (g_str_has_prefix (p, "<addr>") || g_str_has_prefix (p, "<ip>"))
        p = strchr (p, '>');
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        return TRUE;
    }
  return FALSE;
}

/* A refusal the words do not explain, by the command it answered: the envelope
 * sender at MAIL FROM, the sending host at the greeting or HELO/EHLO, and at RCPT TO,
 * permanently, under a code that names no other subject (X.0.x, X.1.x, or none),
 * the address, where the words name it (the user, the address, the mailbox:
 * "Recipient address rejected") and nothing of the sending side or another cause
 * ("User has blocked you", "Recipient address rejected: Please see SPF record"
 * name a cause they do not explain), or say nothing but codes and the address. RFC
 * 5321 § 4.2.3 gives 550 for a mailbox not found, no access and a policy alike:
 * "550 Access denied" or "554 Service unavailable" at RCPT TO says nothing of the
 * address. */
static Reason
refused_by_command (const char *command, const char *status, const char *reply_code,
                    BounceClass klass, const char *folded)
{
  if (!command)
    return REASON_NONE;
  if (strcmp (command, "MAIL") == 0)
    return REASON_REJECTED;
  /* 500-504 answer the command's form (RFC 5321 § 4.2.2, syntax and sequence
   * errors), not the address it names */
  gboolean form_refused = reply_code && reply_code[0] == '5' && reply_code[1] == '0';
  if (strcmp (command, "RCPT") == 0 && klass == BOUNCE_CLASS_PERMANENT && !form_refused
      && (!status || status[2] == '0' || status[2] == '1')
      && ((topics_names_recipient (folded) && !topics_names_another_cause (folded))
          || !has_words (folded)))
    return REASON_USERUNKNOWN;
  if (at_greeting (command))
    return REASON_BLOCKED;
  return REASON_NONE;
}

/* Is diag the title of its status code and nothing else (case and the
 * punctuation after it aside)? */
static gboolean
only_title (const char *diag, const char *title)
{
  gsize n = strlen (title);
  if (g_ascii_strncasecmp (diag, title, n) != 0)
    return FALSE;
  for (const char *p = diag + n; *p; p++)
    if (!g_ascii_ispunct (*p) && !g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Was the command one before the message was sent (the greeting, HELO/EHLO,
 * MAIL FROM, RCPT TO)? */
static gboolean
before_data (const char *command)
{
  static const char *const before[] = { "CONN", "HELO", "EHLO", "MAIL", "RCPT" };
  for (gsize i = 0; command && i < G_N_ELEMENTS (before); i++)
    if (strcmp (command, before[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A generic status with no words that say more (step 8 at the top). */
static Reason
generic_status_reason (const char *status, const char *command)
{
  /* 5.7.0 (other security status), 5.7.1 (delivery not authorized), 5.7.9
   * (authentication mechanism too weak): reasons.tsv lists 5.7.0 under
   * securityerror */
  if (strcmp (status, "5.7.0") == 0 || strcmp (status, "5.7.1") == 0
      || strcmp (status, "5.7.9") == 0)
    return REASON_SECURITYERROR;
  /* 5.1.0 (other address status): the address was refused; but not in answer
   * to the message (DATA, BDAT), which every recipient was already accepted for:
   * an address there is another's (the sender's, one in the headers) */
  if (strcmp (status, "5.1.0") == 0)
    return command && !before_data (command) ? REASON_NONE : REASON_USERUNKNOWN;
  /* 5.2.0 (other mailbox status): the address exists (an address problem is
   * X.1.x) and its mailbox refused the message for no condition of its own */
  if (strcmp (status, "5.2.0") == 0)
    return REASON_FILTERED;
  return REASON_NONE;
}

/* A family's row that says a local delivery program failed ("Command died with
 * status 75") yields to what the program's own output says, where that
 * outranks it ("Command output: Quota exceeded" is mailboxfull). */
static gboolean
program_output_outranks (const Wording *family_row, Reason text)
{
  return family_row->reason == REASON_MAILERERROR && text && reason_beats (text, REASON_MAILERERROR);
}

static gboolean
action_is (const char *action, const char *name)
{
  return action && g_ascii_strcasecmp (action, name) == 0;
}

/* A failure notice's text that is not a delay's (the text engine marks those
 * "delayed"), under no permanent status: a network failure reported there was
 * retried until the sender gave up (a connection failure is transient). */
static gboolean
final_notice_of_failure (const BounceRecord *rec, const char *action, BounceClass klass)
{
  const char *source = record_peek (rec, BOUNCE_FIELD_SOURCE);
  return !action && klass != BOUNCE_CLASS_PERMANENT && source && g_str_has_prefix (source, "text:");
}

/* The topics of one folded text, each read with a status subject (0 for none)
 * once: classify_record asks for the diagnostic's with up to five subjects,
 * often one of them twice. */
typedef struct
{
  const char *folded;
  guint n;
  guint subject[5];
  TopicFind find[5];
} TopicsRead;

static TopicFind
topics_read (TopicsRead *t, guint subject)
{
  for (guint i = 0; i < t->n; i++)
    if (t->subject[i] == subject)
      return t->find[i];
  TopicFind find;
  topics_find (t->folded, subject, &find);
  if (t->n < G_N_ELEMENTS (t->find))
    {
      t->subject[t->n] = subject;
      t->find[t->n++] = find;
    }
  return find;
}

/* Do the words say that the sender, or its address or domain, does not exist,
 * is invalid or accepts no mail (a topic of the sender among the addressing
 * rules, X.1.x)? */
static gboolean
names_sender_missing (TopicsRead *words)
{
  TopicFind sender = topics_read (words, 1);
  return sender.rule && sender.subject && sender.subject->kind == SUBJECT_SENDER
         && (sender.state_kind == STATE_MISSING || sender.state_kind == STATE_INVALID
             || sender.state_kind == STATE_NO_MAIL);
}

/* Do the words say that the sender, or its address or domain, is on a block
 * list ("Sender address [s@example.org] blocked using dbl.example.net":
 * Postfix's reject_rhsbl_sender, whose $rbl_class is "Sender address" where a
 * client's listing reads "Client host", src postfix 3.7.11
 * src/global/mail_params.h DEF_DEF_RBL_REPLY, src/smtpd/smtpd_dsn_fix.h)? What
 * is refused then is the envelope sender (rejected), not the sending host. */
static gboolean
names_sender_listed (TopicsRead *words)
{
  TopicFind sender = topics_read (words, 7);
  /* (the sender named as such: "your domain" may be the client's name, as in
   * spamdyke's "Your domain name is blacklisted" for its reverse DNS) */
  return sender.rule && sender.subject && sender.subject->kind == SUBJECT_SENDER
         && sender.subject != &topic_senders_own && sender.state_kind == STATE_LISTED;
}

/* The reason where the words say that a domain named as a signature's
 * ("DKIM key domain not found": authfailure) or a link's ("URL domain does not
 * exist": contenterror) does not exist or is invalid (topics.c owned_by_reader);
 * REASON_NONE where they do not. */
static Reason
names_content_domain_missing (TopicsRead *words)
{
  TopicFind t = topics_read (words, 0);
  if (!t.rule || (t.subject != &topic_signing_domain && t.subject != &topic_link_domain))
    return REASON_NONE;
  return t.rule->reason;
}

/* Do the words say that an address or a domain of one of the message's headers
 * does not exist or is invalid (a topic of a header, X.6.x)? */
static gboolean
names_header_missing (TopicsRead *words)
{
  /* a header is named as such, or a Message-ID (topics.c owned_by_reader) */
  const char *folded = words->folded;
  if (!folded || (!strstr (folded, "header") && !strstr (folded, "message-id")))
    return FALSE;
  TopicFind header = topics_read (words, 6);
  return header.rule && header.subject && header.subject->kind == SUBJECT_HEADER;
}

/* "[192.0.2.1]", "2001:db8::1": an address that names no host, and so no
 * receiver. */
static gboolean
address_literal (const char *host)
{
  gsize n = strlen (host);
  if (n > 2 && host[0] == '[' && host[n - 1] == ']')
    host++, n -= 2;
  return address_ip (host, n);
}

/* The domain of the first address in text ("contact postmaster@example.org"),
 * into domain; FALSE for none. */
static gboolean
domain_of_address_in (const char *text, char domain[STATUS_HOST_MAX])
{
  const char *end = text + strlen (text);
  for (const char *at = strchr (text, '@'); at; at = strchr (at + 1, '@'))
    {
      const char *start = at;
      while (start > text && address_char (start[-1]))
        start--;
      gsize len = text_address_at (start, end);
      gsize n = len && start + len > at + 1 ? (gsize) (start + len - at - 1) : 0;
      if (n > 0 && n < STATUS_HOST_MAX && memchr (at + 1, '.', n))
        {
          for (gsize i = 0; i < n; i++)
            domain[i] = g_ascii_tolower (at[1 + i]);
          domain[n] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

/* The host whose receiver rows apply: the one that answered (the report's
 * Remote-MTA, else the host the diagnostic names), else the recipient's domain,
 * else the domain of an address the diagnostic holds (a bare reply names the
 * refused address, or one of its receiver's to contact); NULL lets the text name
 * it. named: room for a name found in the diagnostic. */
static const char *
receiver_host (const BounceRecord *rec, const char *diag, char named[STATUS_HOST_MAX])
{
  const char *host = record_peek (rec, BOUNCE_FIELD_REMOTE_MTA);
  if (host && !address_literal (host))
    return host;
  if (status_find_remote_host (diag, named))
    return named;
  const char *rcpt = record_peek (rec, BOUNCE_FIELD_RECIPIENT);
  const char *at = rcpt ? strrchr (rcpt, '@') : NULL;
  if (at)
    return at + 1;
  return diag && domain_of_address_in (diag, named) ? named : NULL;
}

/* The record's `why`: the row (scope, wording, source) or the rule that decided,
 * and an adjustment after it. Short and stable, so that it can be grepped. */
static char *
why_text (const Wording *row, gboolean local, const TopicFind *topic, const char *listed,
          const char *rule, const char *status, const char *reply_code, const char *command,
          const char *adjusted)
{
  GString *w = g_string_new (NULL);
  if (topic)
    g_string_append_printf (w, "topic %s %s \"%s\" \"%s\" (%s)",
                            topic_subject_name (topic->subject->kind),
                            topic_state_name (topic->state_kind), topic->subject->word,
                            topic->state->words, topic->rule->source);
  else if (row && local) /* a local rule's source is its FILE:LINE */
    g_string_append_printf (w, "rule %s \"%s\"", row->source, row->pattern);
  else if (row)
    {
      static const char *const scope[] = { [SCOPE_ANY] = "any", [SCOPE_STOCK] = "stock",
                                           [SCOPE_RECEIVER] = "receiver", [SCOPE_FAMILY] = "family" };
      g_string_append_printf (w, "wording %s", scope[row->scope]);
      if (row->scope == SCOPE_RECEIVER)
        g_string_append_printf (w, ":%s", row->receiver->name);
      else if (row->scope == SCOPE_FAMILY)
        g_string_append_printf (w, ":%s", row->family->name);
      g_string_append_printf (w, " \"%s\" (%s)", row->pattern, row->source);
    }
  else if (strcmp (rule, "status code") == 0 || strcmp (rule, "generic status code") == 0)
    g_string_append_printf (w, "%s %s", rule, status);
  else if (strcmp (rule, "reply code") == 0)
    g_string_append_printf (w, "%s %s", rule, reply_code);
  else if (strcmp (rule, "smtp command") == 0)
    g_string_append_printf (w, "%s %s", rule, command);
  else if (strcmp (rule, "listed before data") == 0)
    g_string_append_printf (w, "%s \"%s\" at %s", rule, listed, command);
  else
    g_string_append (w, rule);
  if (adjusted)
    g_string_append_printf (w, "; %s", adjusted);
  return g_string_free (w, FALSE);
}

/* Does host (a host name, or an address whose domain is read) lie in domain? */
static gboolean
host_in_domain (const char *host, const char *domain)
{
  if (!host || !domain || !*domain)
    return FALSE;
  const char *at = strrchr (host, '@');
  if (at)
    host = at + 1;
  gsize h = strcspn (host, " >;[]"), d = strlen (domain);
  return h >= d && g_ascii_strncasecmp (host + h - d, domain, d) == 0
         && (h == d || host[h - d - 1] == '.');
}

/* Is the recipient's domain the reporting MTA's own (see the top)? */
static gboolean
recipient_domain_is_reporters (const BounceRecord *rec)
{
  const char *rcpt = record_peek (rec, BOUNCE_FIELD_RECIPIENT);
  const char *at = rcpt ? strrchr (rcpt, '@') : NULL;
  if (!at || !rec->report)
    return FALSE;
  return host_in_domain (bounce_report_get (rec->report, BOUNCE_FIELD_REPORTING_MTA), at + 1)
         || host_in_domain (bounce_report_get (rec->report, BOUNCE_FIELD_FROM), at + 1);
}

/* The address a reply names first, right after its codes ("550 5.1.1
 * <erin@example.net>: Recipient address rejected: ..."), or NULL. */
static char *
reply_names_address (const char *diag)
{
  const char *p = diag;
  if (!p || !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2])
      || (p[3] != ' ' && p[3] != '-'))
    return NULL;
  p += 4;
  if (g_ascii_isdigit (p[0]) && p[1] == '.')
    {
      while (*p && *p != ' ')
        p++;
      while (*p == ' ')
        p++;
    }
  const char *end = *p == '<' ? strchr (p, '>') : NULL;
  if (!end || end - p > 256)
    return NULL;
  char *raw = g_strndup (p + 1, (gsize) (end - p - 1));
  char *addr = address_normalise (raw);
  g_free (raw);
  return addr;
}

/* Is the reply another recipient's of the same report? A sender that hands
 * every recipient of a message to one server reports the whole message failed
 * with the one refusal (nullmailer copies the reply that ended the SMTP session
 * into every recipient's group, src nullmailer 2.2 src/send.cc bounce_msg): the
 * reply that names another recipient as its subject states no cause of this
 * one's. */
static gboolean
another_recipients_reply (const BounceRecord *rec, const char *diag)
{
  if (!rec->report || bounce_report_n_records (rec->report) < 2)
    return FALSE;
  char *named = reply_names_address (diag);
  if (!named)
    return FALSE;
  const char *own = record_peek (rec, BOUNCE_FIELD_RECIPIENT);
  const char *orig = record_peek (rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT);
  gboolean other = FALSE;
  if ((!own || g_ascii_strcasecmp (named, own) != 0)
      && (!orig || g_ascii_strcasecmp (named, orig) != 0))
    for (guint i = 0; !other && i < bounce_report_n_records (rec->report); i++)
      {
        const BounceRecord *r = bounce_report_get_record (rec->report, i);
        const char *a = record_peek (r, BOUNCE_FIELD_RECIPIENT);
        other = r != rec && a && g_ascii_strcasecmp (a, named) == 0;
      }
  g_free (named);
  return other;
}

/* OpenSMTPD joins the lines of a multi-line reply into one: the first line as
 * it came, then each further line without its reply code and, where it is of
 * the form d.d.d, its enhanced code, with nothing between them (src opensmtpd
 * 6.8.0p2 usr.sbin/smtpd/mta_session.c mta_io, the reply buffer). An enhanced
 * code of more digits ("5.7.28") stays, glued to the word before it
 * ("originating from5.7.28 your IP address"): where the first line's enhanced
 * code recurs so, the line break is put back as the reply wrote it (" 550-"
 * before it), so that the words read across lines as in the reply. NULL where
 * the text has no such join. */
static char *
unglue_joined_lines (const char *text)
{
  /* "550-5.7.28 " */
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2])
      || text[3] != '-' || !g_ascii_isdigit (text[4]) || text[5] != '.')
    return NULL;
  const char *esc = text + 4, *e = esc;
  while (g_ascii_isdigit (*e) || *e == '.')
    e++;
  gsize n = (gsize) (e - esc);
  if (*e != ' ' || n < 6)
    return NULL; /* none, or d.d.d: OpenSMTPD drops it */
  GString *out = NULL;
  const char *from = text;
  for (const char *p = e; *p; p++)
    if (strncmp (p, esc, n + 1) == 0 && !g_ascii_isspace (p[-1]) && !g_ascii_isdigit (p[-1])
        && p[-1] != '.' && p[-1] != '-')
      {
        if (!out)
          out = g_string_new (NULL);
        g_string_append_len (out, from, p - from);
        g_string_append_c (out, ' ');
        g_string_append_len (out, text, 4);
        from = p;
      }
  if (!out)
    return NULL;
  g_string_append (out, from);
  return g_string_free (out, FALSE);
}

/* Where a notice quotes the remote's reply after words of its own, the reply:
 * qmail-remote writes what failed ("%s does not like recipient.", "Connected to
 * %s but sender was rejected.") then "Remote host said: " and the reply, and
 * "Giving up on %s." after it (src notqmail a7012e4fdf2f82f6aa5abe2f57e20831d238d774
 * qmail-remote.c outsmtptext, quit); qmail-send may add that it gave up on the
 * message. The words around the reply are the notice's, not the server's: NULL
 * where the text quotes no reply so, else a copy of the reply, and the notice's
 * words around it into frame. */
static char *
quoted_remote_reply (const char *text, char **frame)
{
  static const char said[] = "remote host said: ", gave_up[] = "giving up on ";
  const char *end = text + strlen (text);
  const char *start = NULL;
  for (const char *p = text; p + strlen (said) <= end && !start; p++)
    if ((*p | 0x20) == 'r' && g_ascii_strncasecmp (p, said, strlen (said)) == 0)
      start = p + strlen (said);
  if (!start || !g_ascii_isdigit (*start))
    return NULL;
  const char *stop = end;
  for (const char *p = start; p + strlen (gave_up) <= end; p++)
    if ((*p | 0x20) == 'g' && g_ascii_strncasecmp (p, gave_up, strlen (gave_up)) == 0
        && (p == start || p[-1] == ' ' || p[-1] == '\n'))
      {
        stop = p;
        break;
      }
  GString *f = g_string_new_len (text, start - text - (gsize) strlen (said));
  g_string_append_c (f, ' ');
  g_string_append (f, stop);
  *frame = g_string_free (f, FALSE);
  while (stop > start && g_ascii_isspace (stop[-1]))
    stop--;
  return g_strndup (start, stop - start);
}

/* The cause the notice's own lines for a recipient (notice_words) name: a row
 * of the receiver's, the family's or of any scope, else a topic (into topic);
 * NULL and no topic where they name none (a row or a topic of no cause, onhold
 * or expired, names none). */
static const Wording *
notice_words_cause (const char *notice_words, const char *host, const Detector *family,
                    const char *status, TopicFind *topic)
{
  char *folded = wordings_fold (notice_words, REASONS_TEXT_MAX);
  WordingFinds finds;
  wordings_find (folded, host, family, status, &finds);
  const Wording *row = finds.receiver ? finds.receiver : finds.family ? finds.family : finds.any;
  if (row && (row->reason == REASON_ONHOLD || row->reason == REASON_EXPIRED))
    row = NULL;
  topics_find (folded, status_names_subject (status) ? status_subject (status) : 0, topic);
  if (row || (topic->rule && topic->rule->reason == REASON_ONHOLD))
    topic->rule = NULL;
  g_free (folded);
  return row;
}

/* Does the notice the record's hint waits on (hint_if_notice_gave_up, text.c) say
 * that the sender gave up? Read once per report, and only when asked. */
static gboolean
notice_gave_up (const BounceRecord *rec)
{
  BounceReport *report = (BounceReport *) rec->report;
  if (!rec->hint_if_notice_gave_up || !report || !report->notice)
    return FALSE;
  if (report->notice_gave_up < 0)
    {
      char *folded = wordings_fold (report->notice, report->notice_end);
      report->notice_gave_up = wordings_gave_up (folded, report->family);
      g_free (folded);
    }
  return report->notice_gave_up;
}

void
classify_record (BounceRecord *rec, Reason known)
{
  const char *diag = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
  const char *action = record_peek (rec, BOUNCE_FIELD_ACTION);

  /* an automatic reply or a complaint reports no delivery attempt: its text is a
   * person's, and the numbers in it (a phone number, a date) are no codes */
  const char *attempt = known == REASON_VACATION || known == REASON_FEEDBACK ? NULL : diag;
  choose_status (rec, attempt);
  const char *status = record_peek (rec, BOUNCE_FIELD_STATUS);
  choose_reply (rec, attempt, status, action);
  const char *reply_code = record_peek (rec, BOUNCE_FIELD_REPLY_CODE);

  BounceCode by_status = { 0 }, by_reply = { 0 };
  gboolean have_status = status && bounce_code_lookup (status, &by_status);
  gboolean have_reply = reply_code && bounce_code_lookup (reply_code, &by_reply);
  gboolean specific = have_status && !is_generic_status (status);
  Reason status_reason = have_status ? reason_from_name (by_status.reason) : REASON_NONE;
  Reason reply_reason = have_reply ? reason_from_name (by_reply.reason) : REASON_NONE;

  BounceClass klass = have_status  ? by_status.klass
                      : have_reply ? by_reply.klass
                                   : BOUNCE_CLASS_UNKNOWN;
  if (klass == BOUNCE_CLASS_UNKNOWN)
    klass = action_is (action, "failed")    ? BOUNCE_CLASS_PERMANENT
            : action_is (action, "delayed") ? BOUNCE_CLASS_TRANSIENT
                                            : klass;

  const char *command = record_peek (rec, BOUNCE_FIELD_COMMAND);
  if (!command && attempt)
    {
      command = status_find_command (attempt);
      record_set (rec, BOUNCE_FIELD_COMMAND, command);
    }

  /* the words are read for a delivery attempt only (attempt is NULL for an
   * auto-reply or a complaint, whose reason is known). A diagnostic that only
   * repeats its status code's title (Sympa writes X.7.1's "Delivery not
   * authorized, message refused") says no more than the code: the notice's
   * Subject is read with it */
  char *with_subject = NULL;
  const char *subject = rec->report ? bounce_report_get (rec->report, BOUNCE_FIELD_MESSAGE_SUBJECT)
                                    : NULL;
  if (attempt && subject && have_status && by_status.description
      && only_title (attempt, by_status.description))
    attempt = with_subject = g_strconcat (attempt, " ", subject, NULL);
  /* (the reply the notice quotes, without the notice's words around it) */
  char *frame = NULL;
  char *quoted = attempt ? quoted_remote_reply (attempt, &frame) : NULL;
  char *unglued = attempt ? unglue_joined_lines (quoted ? quoted : attempt) : NULL;
  char *folded = attempt ? wordings_fold (unglued ? unglued : quoted ? quoted : attempt,
                                          REASONS_TEXT_MAX)
                         : NULL;
  g_free (unglued);
  g_free (quoted);
  char named_host[STATUS_HOST_MAX];
  const char *host = receiver_host (rec, diag, named_host);
  const Detector *family = rec->report ? rec->report->family : NULL;
  WordingFinds finds;
  /* a reply code stands with the words: they are a server's reply, not a local
   * delivery program's exit text */
  wordings_find_reply (folded, host, family, status, have_reply, &finds);
  /* an operator's own rule (rules.c) comes before the built-in rows */
  const Wording *local
      = rec->report ? rules_find (rec->report->rules, folded, host, family, NULL) : NULL;
  Reason text = finds.any ? finds.any->reason : REASON_NONE;
  /* Diagnostic-Type X-Unix: the words are a local program's exit status; a
   * system error named with it is that program's (Sendmail names exit 71,
   * EX_OSERR, "Operating system error"): the local delivery program failed */
  const char *dtype = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC_TYPE);
  if ((!text || text == REASON_SYSTEMERROR) && dtype && g_ascii_strcasecmp (dtype, "x-unix") == 0
      && !specific)
    text = REASON_MAILERERROR;
  /* "expired" is giving up, not a cause: the wordings, the hint and the code
   * (X.4.7) that say so decide only where nothing names a cause (see the top) */
  Reason hint = rec->reason_hint == REASON_EXPIRED ? REASON_NONE : rec->reason_hint;
  Reason code = status_reason == REASON_EXPIRED ? REASON_NONE : status_reason;
  /* the status is the MTA's stand-in beside words that say so (a verification
   * pending): it names no cause, the words after them do */
  if (finds.status_stand_in || (have_reply && answered_no_answer (status, reply_code))
      || recipient_code_before_recipients (status, command))
    code = REASON_NONE, specific = FALSE;
  gboolean delayed = action_is (action, "delayed");
  TopicsRead words = { .folded = folded };
  TopicFind topic
      = topics_read (&words, status_names_subject (status) ? status_subject (status) : 0);
  /* a refusal (X.7.1) is of something that exists: a topic that says the
   * address or its domain does not (a hard reason) contradicts the status */
  if (topic.rule && is_not_authorized (status) && reason_type (topic.rule->reason) == BOUNCE_TYPE_HARD)
    topic.rule = NULL;
  /* (and where the hint waits on the notice's words, the notice: read below
   * only where giving up decides, notice_gave_up) */
  gboolean gave_up = finds.gave_up || topic.gave_up || rec->reason_hint == REASON_EXPIRED
                     || (status_reason == REASON_EXPIRED && !delayed);
  /* (the notice's words around a reply it quotes say whether it gave up; where
   * the reply names no cause, they are read as the notice's own words, below) */
  if (frame && !gave_up)
    {
      char *frame_folded = wordings_fold (frame, REASONS_TEXT_MAX);
      TopicFind frame_topic;
      topics_find (frame_folded, 0, &frame_topic);
      gave_up = wordings_gave_up (frame_folded, family) || frame_topic.gave_up;
      g_free (frame_folded);
    }
  /* a wording that states no cause (onhold: "delivery temporarily suspended",
   * "transaction failed") of scope ANY or of the family does not hide a cause
   * read after it (a topic, the hint, the command refused, the code): it stands
   * only where nothing else is said, and not where the notice gave up; but a
   * decisive one names the deferral itself (a greylisting daemon's "not yet
   * authorized to deliver"), which a bare reply code does not outweigh, unless
   * the notice gave up on it */
  const Wording *family_row = finds.family;
  const Wording *no_cause_row = NULL;
  if (family_row && family_row->reason == REASON_ONHOLD)
    {
      no_cause_row = family_row;
      family_row = NULL;
    }
  if (text == REASON_ONHOLD
      && (!(finds.any && (finds.any->flags & WORDING_DECISIVE)) || gave_up || notice_gave_up (rec)))
    {
      if (!no_cause_row)
        no_cause_row = finds.any;
      text = REASON_NONE;
    }
  if (gave_up)
    no_cause_row = NULL;
  /* "failed" with a transient status: the sender stopped retrying a temporary
   * failure (RFC 3464 § 2.3.3: failed is final); it names no cause, so it only
   * stands in for onhold and makes a network failure expired. A failure
   * notice's own text (not a delay's) under a transient status says the same. */
  gboolean failed_transient = (action_is (action, "failed") || final_notice_of_failure (rec, action, klass))
                              && klass == BOUNCE_CLASS_TRANSIENT;
  gboolean decisive = finds.any && (finds.any->flags & WORDING_DECISIVE);
  gboolean reply_text = finds.any && (finds.any->flags & WORDING_REPLY_TEXT);
  /* the reply code's own text under a refusal (X.7.1) names the refusal, not a
   * missing mailbox: "mailbox unavailable" there is "no access"; elsewhere it
   * yields to a topic that names the cause ("mailbox unavailable: sender
   * blocked"), as RFC 5321's 550 spans no access and a policy */
  if (reply_text && is_not_authorized (status))
    text = REASON_NONE;
  gboolean text_outranks_code
      = text && (decisive || (!reply_text && reason_rank (text) < reason_rank (code)));
  /* a specific code stands against a topic as against a row: only a topic of
   * any subject that names an outranking reason moves it ("550 5.1.1 ... IP
   * blacklisted" is blocked) */
  gboolean topic_outranks_code = FALSE;
  if (specific && code && !text)
    {
      TopicFind any_topic = topics_read (&words, 0);
      if (any_topic.rule && reason_rank (any_topic.rule->reason) < reason_rank (code))
        topic = any_topic, topic_outranks_code = TRUE;
    }
  /* spam named as the reason the sending host or IP is refused ("Client host
   * blocked for spamming issues"): what is refused is the host (blocked's
   * definition), not a message judged to be spam */
  gboolean host_refused_for_spam = text == REASON_SPAMDETECTED && !decisive && topic.rule
                                   && topic.rule->reason == REASON_BLOCKED
                                   && topic.subject->kind == SUBJECT_CLIENT;

  Reason reason = REASON_NONE;
  const Wording *row = NULL;  /* the row that decided, for `why` */
  gboolean by_topic = FALSE;  /* or the topic found (topic) did */
  const char *rule = NULL;    /* else the rule that did */
  if (action_is (action, "delivered") || action_is (action, "relayed")
      || action_is (action, "expanded") || klass == BOUNCE_CLASS_SUCCESS)
    reason = REASON_DELIVERED, rule = "success";
  else if (known)
    reason = known, rule = "report kind";
  else if (another_recipients_reply (rec, diag))
    reason = REASON_ONHOLD, rule = "another recipient's refusal";
  else if (local)
    row = local;
  else if (finds.receiver)
    row = finds.receiver;
  else if (family_row && !program_output_outranks (family_row, text))
    row = family_row;
  else if (specific && code && !text_outranks_code && !topic_outranks_code)
    reason = code, rule = "status code";
  else if (finds.any && text == finds.any->reason && !host_refused_for_spam
           && !(reply_text && topic.rule))
    row = finds.any;
  else if (topic.rule && (!(specific && code) || topic_outranks_code))
    reason = topic.rule->reason, rule = "topic", by_topic = TRUE;
  else if (text)
    reason = text, rule = "diagnostic type x-unix";
  else if (hint && !(specific && code))
    reason = hint, rule = "extractor hint";
  else if (gave_up || notice_gave_up (rec))
    reason = REASON_EXPIRED, rule = "giving up";
  else if (topic.listed_alone && !(specific && code) && before_data (command))
    reason = REASON_BLOCKED, rule = "listed before data";
  else if ((reason = refused_by_command (command, status, reply_code, klass, folded)))
    rule = "smtp command";
  else if (have_status && generic_status_reason (status, command))
    reason = generic_status_reason (status, command), rule = "generic status code";
  else if (code)
    reason = code, rule = "status code";
  else if (reply_reason && by_reply.klass != BOUNCE_CLASS_SUCCESS
           && (!have_status
               || (is_generic_status (status) && by_reply.klass == klass
                   && strcmp (by_reply.form, "reply") == 0)))
    reason = reply_reason, rule = "reply code";
  else if (no_cause_row)
    row = no_cause_row;
  else if (failed_transient)
    reason = REASON_EXPIRED, rule = "giving up (failed under a transient status)";
  else if (status || reply_code || diag || delayed)
    reason = REASON_ONHOLD, rule = delayed && !(status || reply_code || diag)
                                     ? "a delay, no cause stated" : "no cause stated";
  else
    reason = REASON_UNDEFINED, rule = "nothing stated";
  /* a diagnostic that states no cause, under no specific code: the notice's own
   * lines for the recipient may name it ("because the domain couldn't be found"
   * beside a DNS trace) */
  Reason so_far = row ? row->reason : reason;
  gboolean no_cause = so_far == REASON_ONHOLD || so_far == REASON_UNDEFINED
                      || (so_far == REASON_EXPIRED && !(specific && code));
  /* (a decisive row that states no cause names the deferral itself: greylisting) */
  gboolean row_names_deferral = row && (row->flags & WORDING_DECISIVE);
  gboolean by_notice_words = FALSE;
  const char *own_words = rec->notice_words ? rec->notice_words : frame;
  if (no_cause && !row_names_deferral && own_words && !(specific && code))
    {
      TopicFind notice_topic;
      const Wording *notice_row = notice_words_cause (own_words, host, family, status,
                                                      &notice_topic);
      if (notice_row)
        row = notice_row, rule = NULL, by_notice_words = TRUE;
      else if (notice_topic.rule)
        reason = notice_topic.rule->reason, rule = "topic", by_topic = TRUE, topic = notice_topic,
        by_notice_words = TRUE;
    }
  if (row)
    reason = row->reason;

  /* the adjustments (see the top); a receiver's row is what its reference says,
   * and none applies after it */
  gboolean by_receiver = row && row->scope == SCOPE_RECEIVER;
  const char *adjusted = NULL;
  /* a network failure until the sender gave up: retrying is what such a failure
   * calls for, and the retry period ran out */
  gboolean at_once = (row && (row->flags & WORDING_AT_ONCE))
                     || (finds.any && (finds.any->flags & WORDING_AT_ONCE)) || is_routing_loop (status);
  if (reason == REASON_NETWORKERROR && !at_once && !delayed && !by_receiver
      && (gave_up || failed_transient || final_notice_of_failure (rec, action, klass)
          || notice_gave_up (rec)))
    reason = REASON_EXPIRED, adjusted = "network failure until giving up";
  /* a destination domain or host unreachable under a permanent status has no
   * usable mail host (hostunknown's definition), as the sender will not retry */
  if (reason == REASON_NETWORKERROR && by_topic && topic.state_kind == STATE_UNREACHABLE
      && (topic.subject->kind == SUBJECT_DOMAIN || topic.subject->kind == SUBJECT_HOST)
      && klass == BOUNCE_CLASS_PERMANENT && !by_receiver)
    reason = REASON_HOSTUNKNOWN, adjusted = "unreachable for good";
  /* "service refused" at the greeting is the sending host's refusal; but words
   * that name the system's own trouble ("Too much load") say what it is */
  if (reason == REASON_SYSTEMERROR && command && strcmp (command, "CONN") == 0 && !row)
    reason = REASON_BLOCKED, adjusted = "refused at the greeting";
  /* too many over a period of time ("too many recipients this hour") is a rate */
  if (reason == REASON_TOOMANYCONN && !by_receiver && topics_names_period (folded))
    reason = REASON_SPEEDING, adjusted = "too many in a period of time: a rate";
  /* an unknown host under a transient status is a DNS failure still retried */
  if (reason == REASON_HOSTUNKNOWN && klass == BOUNCE_CLASS_TRANSIENT && !by_receiver)
    reason = REASON_NETWORKERROR, adjusted = "unknown host, still retried";
  /* at MAIL FROM no recipient is named yet: an address or a domain said not to
   * exist there is the envelope sender's */
  if ((reason == REASON_USERUNKNOWN || reason == REASON_HOSTUNKNOWN) && command
      && strcmp (command, "MAIL") == 0 && !by_receiver)
    reason = REASON_REJECTED, adjusted = "the sender's, refused at MAIL FROM";
  /* an address or a domain said not to exist where the words name it the
   * sender's ("550 5.1.1 Sender address does not exist"): the envelope sender's,
   * whatever the code or the row said of an address */
  if ((reason == REASON_USERUNKNOWN || reason == REASON_HOSTUNKNOWN || reason == REASON_NOTACCEPT)
      && !by_receiver && names_sender_missing (&words))
    reason = REASON_REJECTED, adjusted = "the sender's, named as such";
  /* ... and the sender, its address or its domain, said to be on a block list */
  if (reason == REASON_BLOCKED && !by_receiver && names_sender_listed (&words))
    reason = REASON_REJECTED, adjusted = "the sender's, named as listed";
  /* ... or a header of the message's ("Message-ID domain not found", "invalid
   * address in the To: header"): the message's form, not an envelope address */
  if ((reason == REASON_USERUNKNOWN || reason == REASON_HOSTUNKNOWN) && !by_receiver
      && names_header_missing (&words))
    reason = REASON_NOTCOMPLIANTRFC, adjusted = "a header's, named as such";
  /* ... or a signature's or a link's domain ("DKIM key domain not found"): the
   * sender's authentication, the content's */
  Reason content_domain;
  if ((reason == REASON_USERUNKNOWN || reason == REASON_HOSTUNKNOWN) && !by_receiver
      && (content_domain = names_content_domain_missing (&words)))
    reason = content_domain, adjusted = "a signature's or a link's domain, named as such";
  /* the credentials refused (X.7.8, RFC 4954's 535): a user said not to exist
   * there is the login's, the sending account's */
  if (reason == REASON_USERUNKNOWN && !by_receiver
      && (status_is (status, 7, 8) || (reply_code && strcmp (reply_code, "535") == 0)))
    reason = REASON_SECURITYERROR, adjusted = "the login's, credentials refused";
  /* a login asked for in answer to RCPT TO ("530 Authentication required"):
   * the receiver takes that recipient from logged-in clients only, which is
   * relaying refused to everyone else, not a login that failed */
  if (row && (row->flags & WORDING_RELAY_AT_RCPT) && reason == row->reason && !by_receiver && command
      && strcmp (command, "RCPT") == 0)
    reason = REASON_NORELAYING, adjusted = "a login asked for a recipient: relaying refused";
  /* an unknown host in the reporting MTA's own domain: a local user */
  if (reason == REASON_HOSTUNKNOWN && recipient_domain_is_reporters (rec) && !by_receiver)
    reason = REASON_USERUNKNOWN, adjusted = "the reporting system's own domain";
  char *why = why_text (row, row && row == local, by_topic ? &topic : NULL,
                        topic.listed_alone ? topic.listed_alone->words : NULL, rule, status,
                        reply_code, command, adjusted);
  if (by_notice_words)
    {
      char *in_notice = g_strconcat ("notice's words: ", why, NULL);
      g_free (why);
      why = in_notice;
    }
  record_take (rec, BOUNCE_FIELD_WHY, why);
  g_free (folded);
  g_free (frame);
  g_free (with_subject);

  rec->klass = klass;
  rec->type = type_of (reason, klass);
  /* a hard bounce is a final failure: not a delay, and not a transient reply
   * (4xx) that no notice or log line calls final, which the sender retries */
  if (rec->type == BOUNCE_TYPE_HARD && (delayed || (!action && klass == BOUNCE_CLASS_TRANSIENT)))
    rec->type = BOUNCE_TYPE_SOFT;
  record_set (rec, BOUNCE_FIELD_REASON, reason_name (reason));
  record_set (rec, BOUNCE_FIELD_BOUNCE, bounce_type_name (rec->type));
  record_set (rec, BOUNCE_FIELD_CLASS, bounce_class_name (klass));
  record_set (rec, BOUNCE_FIELD_SUBJECT, have_status ? by_status.subject : NULL);
  const char *desc = have_status && by_status.description && !is_generic_status (status)
                         ? by_status.description
                     : have_reply  ? by_reply.description
                     : have_status ? by_status.description
                                   : NULL;
  record_set (rec, BOUNCE_FIELD_DESCRIPTION, desc);
}
