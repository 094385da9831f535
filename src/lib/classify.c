/* classify.c: turn a record's status, reply code and diagnostic text into its
 * classification (class, subject, description, reason, bounce type), and answer
 * code look-ups for `bounce explain`.
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
 * REASON, in this order:
 *   1. success (action delivered/relayed/expanded or class 2): delivered; a
 *      reason the extractor already knows (feedback, vacation) stays;
 *   2. a provider row (mailhosts.c): the host that answered (else the recipient's
 *      own domain) documents what its wording means, and that wins over
 *      everything below; then a family row (detect/): the wording has a meaning
 *      of its own in the notices of the family the message was recognised as
 *      (Amazon SES's receipt-rule answers, MessageLabs' "Rejected");
 *   3. a SPECIFIC status code (detail not 0 and a reason of its own in codes.c,
 *      e.g. 5.1.1, 5.2.2, 5.7.26, 4.4.7) gives its reason, unless the text's
 *      reason outranks it in the precedence list of reasons.c, or the text's
 *      wording is a decisive one. So "550 5.1.1 ... mailbox full" is mailboxfull
 *      (providers reuse 5.1.1), "552 5.2.2 ... out of storage and inactive" stays
 *      mailboxfull, "5.2.1 ... User Unknown" is userunknown (5.2.1 is suspend
 *      only when the words do not say more), "5.2.3 ... message size exceeds"
 *      stays exceedlimit;
 *   4. a GENERIC status (X.Y.0 such as 5.0.0, 4.0.0, 5.2.0, 5.5.0, 5.7.0, and the
 *      catch-alls 5.7.1/4.7.1 and 5.7.9) or none: the text's reason; failing
 *      that, in turn:
 *        - the extractor's hint (a detector's family reason, a PowerMTA bounce
 *          category, mailererror for a delivery to a program ("|procmail"
 *          in X-Actual-Recipient), expired when the notice says the retry
 *          period ran out:
 *          "was aborted after 5 hour(s)", "could not be delivered for 5 days"),
 *          which never overrides a specific code;
 *        - a delayed action: expired (the message is still being retried);
 *        - the SMTP command refused (the record's `command`): MAIL FROM is the
 *          envelope sender's refusal (rejected), the greeting or HELO/EHLO the
 *          sending host's (blocked), a permanent RCPT TO under X.0.x/X.1.x or no
 *          status the address's (userunknown);
 *        - 5.7.0, 5.7.1, 5.7.9: securityerror; 5.1.0: userunknown; 5.2.0
 *          (the mailbox exists and refused it, no condition named): filtered;
 *        - the code's own default (X.4.0 networkerror, X.6.0 contenterror);
 *        - the reply code's, when there is no status or the status is generic
 *          and of the reply's class ("4.0.0" with "451" is systemerror; a "552"
 *          under "5.7.0" is no mailbox matter: that status has a reason above);
 *        - onhold (something was said) or undefined (nothing was).
 * Readings that adjust the result, each for a stated reason:
 *   - "user unknown" read from the text (not from an X.1.x status) depends on the
 *     SMTP command it answered. In reply to RCPT TO it is a missing mailbox.
 *     After the end of DATA the recipient had been accepted and the content was
 *     refused: a filter's answer, filtered (MAIL FROM: rejected; the greeting or
 *     HELO: blocked). When the text does not say which command, the stock
 *     wordings that filters also give ("User unknown", "No such user": the domain
 *     filters of mobile carriers answer so after DATA; Gmail's "the email
 *     account that you tried to reach does not exist" without its 5.1.1) are
 *     filtered, while wordings about the address itself ("not listed in Domino
 *     Directory") stay userunknown;
 *     a hint of userunknown (PowerMTA's bad-mailbox) keeps it too;
 *   - "service refused" (systemerror) at the greeting is the host's refusal:
 *     blocked;
 *   - words about the connection (networkerror) beside a transient reply code
 *     (4xx) under no status or a generic one: a server answered, so the way
 *     there worked; a notice that reports it was answered so until the retry
 *     period ran out: expired ("421 Host not reachable", "426 connection timed
 *     out" under 4.0.0);
 *   - an unknown host under a transient (4.x.x) status is a DNS failure the
 *     sender still retries, not proof the domain does not exist: networkerror;
 *   - "no answer from host" (4.4.1) in a failed action means the retry period
 *     ran out: expired;
 *   - a Diagnostic-Type of X-Unix carries a local program's exit status: when
 *     the words say nothing else, mailererror.
 *
 * BOUNCE TYPE comes from the reason (reasons.tsv), with "notaccept" hard only when
 * the failure is permanent.
 */
#include "classify.h"

#include <string.h>

#include "codes.h"
#include "mailhosts.h"
#include "reasons.h"
#include "bounds.h"
#include "status.h"
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

/* Fills out for an enhanced code already known to be valid. */
static void
lookup_enhanced (const char *code, BounceCode *out)
{
  guint k, s, d;
  status_parse_enhanced (code, strlen (code), &k, &s, &d);
  const CodeRow *row = codes_enhanced_detail (s, d);
  const CodeRow *subj = codes_enhanced_subject_row (s);
  out->form = "enhanced";
  out->klass = class_of_digit (code[0]);
  out->subject = codes_subject_name (s);
  out->description = row ? row->description : subj ? subj->description : NULL;
  out->reason = row ? row->reason : NULL;
  out->note = row ? row->note : (subj ? "detail not in the registry; read by its subject" : NULL);
  if (out->klass == BOUNCE_CLASS_SUCCESS)
    out->reason = "delivered";
}

static BounceType
type_of (const char *reason, BounceClass klass)
{
  if (!reason)
    return klass == BOUNCE_CLASS_SUCCESS ? BOUNCE_TYPE_NONE : BOUNCE_TYPE_SOFT;
  BounceType t = reasons_type (reason);
  if (g_ascii_strcasecmp (reason, "notaccept") == 0 && klass != BOUNCE_CLASS_PERMANENT)
    return BOUNCE_TYPE_SOFT;
  return t;
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
          out->reason = r->reason;
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
  out->type = type_of (out->reason, out->klass);
  return TRUE;
}

static void
foreach_enhanced_row (const CodeRow *row, gpointer data)
{
  gpointer *ctx = data;
  void (*fn) (const BounceCode *, gpointer) = (void (*) (const BounceCode *, gpointer)) ctx[0];
  for (const char *k = "245"; *k; k++)
    {
      char code[STATUS_MAX];
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

/* What "user unknown" means, given the SMTP command it answered (see the top). */
static const char *
unknown_user_by_command (const char *command, const char *hint, gboolean stock)
{
  if ((command && strcmp (command, "RCPT") == 0) || (hint && strcmp (hint, "userunknown") == 0))
    return "userunknown";
  if (!command)
    return stock ? "filtered" : "userunknown";
  if (strcmp (command, "MAIL") == 0)
    return "rejected";
  if (strcmp (command, "CONN") == 0 || strcmp (command, "HELO") == 0
      || strcmp (command, "EHLO") == 0)
    return "blocked";
  return "filtered";
}

/* A refusal the words do not explain, by the command it answered: the envelope
 * sender at MAIL FROM, the sending host at the greeting or HELO/EHLO, and at RCPT TO,
 * permanently, under a code that names no other subject (X.0.x, X.1.x, or none) the
 * address. */
static const char *
refused_by_command (const char *command, const char *status, BounceClass klass)
{
  if (!command)
    return NULL;
  if (strcmp (command, "MAIL") == 0)
    return "rejected";
  if (strcmp (command, "RCPT") == 0 && klass == BOUNCE_CLASS_PERMANENT
      && (!status || status[2] == '0' || status[2] == '1'))
    return "userunknown";
  if (strcmp (command, "CONN") == 0 || strcmp (command, "HELO") == 0
      || strcmp (command, "EHLO") == 0)
    return "blocked";
  return NULL;
}

/* 5.7.0 (other security status), 5.7.1 (delivery not authorized) and 5.7.9
 * (authentication mechanism too weak) without words that say more: a security
 * refusal (reasons.tsv lists 5.7.0 under securityerror). */
static gboolean
generic_security (const char *status)
{
  return strcmp (status, "5.7.0") == 0 || strcmp (status, "5.7.1") == 0
         || strcmp (status, "5.7.9") == 0;
}

/* 5.1.0 (other address status) without words that say more: the address was
 * refused. */
static gboolean
generic_address (const char *status)
{
  return strcmp (status, "5.1.0") == 0;
}

/* 5.2.0 (other mailbox status) without words that say more: the address exists
 * (an address problem is X.1.x) and its mailbox refused the message for no
 * condition of its own (full, disabled, too big): the recipient side's rules. The
 * domain filters of mobile carriers answer so. */
static gboolean
generic_mailbox (const char *status)
{
  return strcmp (status, "5.2.0") == 0;
}

void
classify_record (BounceRecord *rec, const char *reason_hint)
{
  const char *diag = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
  const char *action = record_peek (rec, BOUNCE_FIELD_ACTION);

  choose_status (rec, diag);
  const char *status = record_peek (rec, BOUNCE_FIELD_STATUS);
  choose_reply (rec, diag, status, action);
  const char *reply_code = record_peek (rec, BOUNCE_FIELD_REPLY_CODE);

  BounceCode by_status = { 0 }, by_reply = { 0 };
  gboolean have_status = status && bounce_code_lookup (status, &by_status);
  gboolean have_reply = reply_code && bounce_code_lookup (reply_code, &by_reply);

  BounceClass klass = have_status  ? by_status.klass
                      : have_reply ? by_reply.klass
                                   : BOUNCE_CLASS_UNKNOWN;
  if (klass == BOUNCE_CLASS_UNKNOWN && action)
    {
      if (g_ascii_strcasecmp (action, "failed") == 0)
        klass = BOUNCE_CLASS_PERMANENT;
      else if (g_ascii_strcasecmp (action, "delayed") == 0)
        klass = BOUNCE_CLASS_TRANSIENT;
    }

  char *folded = diag ? reasons_fold_text (diag, REASONS_TEXT_MAX) : NULL;
  gboolean decisive = FALSE;
  const char *text = folded ? reasons_from_folded (folded, &decisive) : NULL;
  /* Diagnostic-Type X-Unix: the words are a local program's exit status */
  const char *dtype = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC_TYPE);
  if (!text && dtype && g_ascii_strcasecmp (dtype, "x-unix") == 0)
    text = "mailererror";
  const char *host = record_peek (rec, BOUNCE_FIELD_REMOTE_MTA);
  const char *command = record_peek (rec, BOUNCE_FIELD_COMMAND);
  if (!command && diag)
    {
      command = status_find_command (diag);
      record_set (rec, BOUNCE_FIELD_COMMAND, command);
    }
  const char *hint = rec->reason_hint;
  gboolean delayed = action && g_ascii_strcasecmp (action, "delayed") == 0;

  const char *reason = NULL;
  gboolean success = action
                     && (g_ascii_strcasecmp (action, "delivered") == 0
                         || g_ascii_strcasecmp (action, "relayed") == 0
                         || g_ascii_strcasecmp (action, "expanded") == 0);
  if (success || klass == BOUNCE_CLASS_SUCCESS)
    reason = "delivered";
  if (!reason && reason_hint)
    reason = reason_hint;
  if (!reason && folded)
    {
      reason = mailhosts_reason (host, folded, status);
      /* no host named: the recipient's own domain is the provider's */
      const char *rcpt = record_peek (rec, BOUNCE_FIELD_RECIPIENT);
      const char *at = rcpt ? strrchr (rcpt, '@') : NULL;
      if (!reason && !host && at)
        reason = mailhosts_reason (at + 1, folded, status);
      if (!reason && rec->report)
        reason = detect_family_reason (rec->report->family, folded);
    }
  gboolean from_code = FALSE;
  if (!reason)
    {
      const char *code = have_status && !is_generic_status (status) ? by_status.reason : NULL;
      if (code && !(text && (decisive || reasons_rank (text) < reasons_rank (code))))
        {
          reason = code;
          from_code = TRUE;
        }
      else if (text)
        reason = text;
      else if (hint && !code)
        reason = hint;
      else if (delayed && (!have_status || is_generic_status (status)))
        reason = "expired";
      else if (refused_by_command (command, status, klass))
        reason = refused_by_command (command, status, klass);
      else if (have_status && generic_security (status))
        reason = "securityerror";
      else if (have_status && generic_address (status))
        reason = "userunknown";
      else if (have_status && generic_mailbox (status))
        reason = "filtered";
      else if (have_status && by_status.reason)
        {
          reason = by_status.reason;
          from_code = TRUE;
        }
      else if (have_reply && by_reply.reason && by_reply.klass != BOUNCE_CLASS_SUCCESS
               && (!have_status
                   || (is_generic_status (status) && by_reply.klass == klass
                       && strcmp (by_reply.form, "reply") == 0)))
        {
          reason = by_reply.reason;
          from_code = TRUE;
        }
      else if (delayed)
        reason = "expired";
      else
        reason = (status || reply_code || diag) ? "onhold" : "undefined";

      if (!from_code && strcmp (reason, "userunknown") == 0
          && !(status && status[2] == '1' && status[3] == '.'))
        reason = unknown_user_by_command (command, hint, reasons_stock_unknown (folded));
      /* "service refused" at the greeting is the sending host's refusal */
      if (strcmp (reason, "systemerror") == 0 && command && strcmp (command, "CONN") == 0)
        reason = "blocked";
      /* a transient reply under no specific status, with words about the
       * connection: the server answered, so the way there worked; reported as a
       * failure, it was answered so until the retry period ran out */
      if (!from_code && g_strcmp0 (reason, "networkerror") == 0 && reply_code
          && reply_code[0] == '4' && (!have_status || is_generic_status (status)))
        reason = "expired";
      if (strcmp (reason, "hostunknown") == 0 && klass == BOUNCE_CLASS_TRANSIENT)
        reason = "networkerror";
      if (from_code && strcmp (reason, "networkerror") == 0 && status
          && strcmp (status, "4.4.1") == 0 && action && g_ascii_strcasecmp (action, "failed") == 0)
        reason = "expired";
    }
  g_free (folded);

  rec->klass = klass;
  rec->type = type_of (reason, klass);
  record_set (rec, BOUNCE_FIELD_REASON, reason);
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
