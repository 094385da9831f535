/* notice.c: which text of a message is the notice, and what kind of notice it is:
 * a failure, a delay or a success report, and which family wrote it (the
 * detectors' signals in its From, Subject, headers and first lines). The bounce
 * guard here decides whether a message no detector knows is read as a bounce at
 * all; the phrase lists it reads are in notice-words.c.
 */
#include "notice.h"

#include <string.h>

#include "address.h"
#include "ascii.h"
#include "notice-words.h"
#include "phrases.h"
#include "wordings.h"

static gboolean from_daemon (const char *from);
static gboolean from_mail_system (const char *from);

/* The notice: the first readable part outside the returned message, of those
 * before it where there are any (RFC 6522 § 3 puts the human-readable part
 * first: a part after the returned message is a gateway's trailer). Else the
 * attached message's text, where that message is a forwarded bounce; but where
 * the message is a mail system's own report (a delivery-status part of its own,
 * or a daemon's From over an attached message that is no mail system's), what
 * it attaches is the message returned, whose text is no notice: the notice is
 * then empty (""). NULL where there is none. */
const char *
notice_pick (const MimeMessage *msg, guint *index)
{
  guint before = MIN (msg->text->len, msg->text_before_returned);
  guint limit = before > 0 ? before : msg->text->len;
  for (guint i = 0; i < limit; i++)
    {
      const char *t = g_ptr_array_index (msg->text, i);
      for (const char *p = t; *p; p++)
        if (!g_ascii_isspace (*p))
          {
            *index = i;
            return t;
          }
    }
  *index = msg->text->len;
  const GPtrArray *nested = mime_text_nested (msg);
  gboolean returned = msg->dsn->len > 0
                      || (from_daemon (mime_get (msg, "From"))
                          && !from_mail_system (mime_original (msg, "From")));
  if (nested->len > 0 && !returned)
    return g_ptr_array_index (nested, 0);
  /* (a report of no words of its own: an empty notice, read for its From,
   * Subject and returned message) */
  return returned && (nested->len > 0 || msg->n_original > 0) ? "" : NULL;
}

/* The notice as the scanner reads it: no carriage returns, and when most lines
 * after the first quoted one are quoted ("> ", a bounce forwarded inline), one
 * level of quoting removed. */
char *
notice_prepare (const char *text, gsize len)
{
  GString *s = g_string_sized_new (len);
  char *o = s->str;
  /* a CR before LF dropped, any other CR read as LF; the runs between copied whole */
  for (const char *p = text, *end = text + len; p < end;)
    {
      const char *cr = memchr (p, '\r', (gsize) (end - p));
      const char *stop = cr ? cr : end;
      memcpy (o, p, (gsize) (stop - p));
      o += stop - p;
      if (!cr)
        break;
      if (cr + 1 >= end || cr[1] != '\n')
        *o++ = '\n';
      p = cr + 1;
    }
  *o = '\0';
  s->len = (gsize) (o - s->str);
  /* count quoted lines after the first quoted one */
  const char *first = NULL;
  guint quoted = 0, plain = 0;
  for (const char *line = s->str; *line;)
    {
      const char *nl = strchr (line, '\n');
      gsize n = nl ? (gsize) (nl - line) : strlen (line);
      if (n > 0 && line[0] == '>')
        {
          if (!first)
            first = line;
          quoted++;
        }
      else if (first && n > 0)
        plain++;
      line = nl ? nl + 1 : line + n;
    }
  if (!first || quoted < 5 || plain * 3 > quoted)
    return g_string_free (s, FALSE);
  GString *u = g_string_sized_new (s->len);
  g_string_append_len (u, s->str, first - s->str);
  for (const char *line = first; *line;)
    {
      const char *nl = strchr (line, '\n');
      gsize n = nl ? (gsize) (nl - line) + 1 : strlen (line);
      const char *p = line;
      if (*p == '>')
        {
          p++;
          if (*p == ' ')
            p++;
        }
      g_string_append_len (u, p, n - (p - line));
      line += n;
    }
  g_string_free (s, TRUE);
  return g_string_free (u, FALSE);
}

/* ---- is it a bounce, and whose ---------------------------------------------- */

/* A list's or a bulk sender's mail: never a notice about another message. */
static gboolean
bulk_mail (const MimeMessage *msg)
{
  if (mime_get (msg, "List-Unsubscribe") || mime_get (msg, "List-Id"))
    return TRUE;
  const char *prec = mime_get (msg, "Precedence");
  return prec && (g_ascii_strncasecmp (prec, "bulk", 4) == 0 || g_ascii_strncasecmp (prec, "list", 4) == 0);
}

/* The null reverse path (RFC 5321 § 4.5.5: notices are sent with "MAIL FROM:<>"),
 * as the delivering server recorded it. */
static gboolean
null_sender (const MimeMessage *msg)
{
  const char *rp = mime_get (msg, "Return-Path");
  return rp && strstr (rp, "<>");
}

/* Does a From field name a mail system's daemon or postmaster (from_signals)? */
static gboolean
from_daemon (const char *from)
{
  char *f = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean daemon = f && contains_any (f, from_signals);
  g_free (f);
  return daemon;
}

/* Signs that a message was written by a mail system about another message, and is
 * not bulk mail: the null return path, Auto-Submitted, X-Failed-Recipients, a
 * returned message attached. A list's or a bulk sender's headers rule it out. */
static gboolean
machine_written (const MimeMessage *msg)
{
  if (bulk_mail (msg))
    return FALSE;
  const char *auto_sub = mime_get (msg, "Auto-Submitted");
  return null_sender (msg) || (auto_sub && g_ascii_strncasecmp (auto_sub, "no", 2) != 0)
         || mime_get (msg, "X-Failed-Recipients") || msg->n_original > 0
         || mime_text_nested (msg)->len > 0 || msg->dsn->len > 0
         || (msg->report_type && strcmp (msg->report_type, "delivery-status") == 0);
}

/* A From whose only sign of a mail system is "bounce": a list's own return
 * address (Mailman sends its notices to members and posters from the list's
 * "-bounces" address) as much as a bounce handler's. */
static gboolean
from_only_bounce (const char *from_lower)
{
  for (gsize i = 0; from_signals[i]; i++)
    if (strcmp (from_signals[i], "bounce") != 0 && strstr (from_lower, from_signals[i]))
      return FALSE;
  return strstr (from_lower, "bounce") != NULL;
}

/* Is the message a report to a postmaster or an administrator on mail that
 * others sent to this system, or that it holds (postmaster_report_subjects)? */
static gboolean
reports_to_postmaster (const char *subject_lower)
{
  if (!subject_lower)
    return FALSE;
  const char *s = subject_lower;
  while (*s == ' ' || *s == '\t')
    s++;
  for (gsize i = 0; postmaster_report_subject_starts[i]; i++)
    if (g_str_has_prefix (s, postmaster_report_subject_starts[i]))
      return TRUE;
  return contains_any (s, postmaster_report_subjects);
}

/* Does folded (a wordings_fold result) hold a row of the wording table (a
 * cause, or giving up)? */
static gboolean
finds_wording (const char *folded)
{
  WordingFinds finds;
  wordings_find (folded, NULL, NULL, NULL, &finds);
  return finds.any || finds.receiver || finds.gave_up;
}

/* Where a reply starts on the line at p (up to nl): its reply code, a word of
 * three digits, 2 to 5 first, followed by a space or a dash and a letter or an
 * enhanced code ("550 5.7.1 ...", "said: 550-Mailbox full"); else NULL. */
static const char *
reply_start (const char *p, const char *nl)
{
  for (const char *q = p; q + 4 < nl; q++)
    if (q[0] >= '2' && q[0] <= '5' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2])
        && (q[3] == ' ' || q[3] == '-') && (q == p || !g_ascii_isalnum (q[-1]))
        && (g_ascii_isalpha (q[4]) || (q[4] >= '2' && q[4] <= '5' && q + 5 < nl && q[5] == '.')))
      return q;
  return NULL;
}

/* Does the notice hold a row of the wording table (a cause, or giving up)? A
 * reply the notice quotes is read on its own too, from its code to the end of
 * its line: inside the whole text its codes are dropped as the prefixes of a
 * multi-line reply (wordings_fold), so a row that starts with one ("503 5.5.3
 * message rejected", "5.7.515 access denied") is read only there. (The reply is
 * read before the whole text, whose host names say whose receiver rows apply.) */
static gboolean
has_wording (const char *notice_lower)
{
  if (!notice_lower || !*notice_lower)
    return FALSE;
  gsize len = strnlen (notice_lower, 4096);
  char *whole = wordings_fold (notice_lower, len);
  gboolean found = finds_wording (whole);
  for (const char *line = notice_lower, *end = notice_lower + len; !found && line < end;)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      if (!nl)
        nl = end;
      const char *at = reply_start (line, nl);
      if (at)
        {
          char *reply = wordings_fold (at, (gsize) (nl - at));
          char *both = g_strconcat (reply, " ", whole, NULL);
          found = finds_wording (both);
          g_free (both);
          g_free (reply);
        }
      line = nl + 1;
    }
  g_free (whole);
  return found;
}

/* Does the message look like a failure notice at all? Guards the fallbacks. Any
 * of:
 *   - a daemon's or postmaster's From, and a failure subject, failure words or a
 *     wording of the table in the notice;
 *   - a failure subject and failure words in a message that is no bulk mail and
 *     was written by a machine; a failure subject and a wording of the table in
 *     a message that is no bulk mail;
 *   - the null sender and a wording of the table, in a message that is no bulk
 *     mail.
 * A newsletter or a parcel notice about a delivery has a subject and words of
 * failure too, but neither a daemon's From, the null sender nor a mail server's
 * wording. A report to a postmaster or an administrator on mail received from
 * others or held (postmaster_report_subjects) is none. */
gboolean
notice_looks_like_bounce (const MimeMessage *msg, const char *notice_lower)
{
  const char *from = mime_get (msg, "From");
  const char *subject = mime_get (msg, "Subject");
  char *f = from ? g_ascii_strdown (from, -1) : NULL;
  char *s = subject ? utf8_lower (subject) : NULL;
  gboolean bulk = bulk_mail (msg);
  /* a list's notice from its "-bounces" address, sent as bulk mail, is the
   * list's (a moderator's decision, a probe), not a mail system's */
  gboolean by_from = f && contains_any (f, from_signals) && !(bulk && from_only_bounce (f));
  gboolean by_subject = s && contains_any (s, subject_signals);
  gboolean by_text = notice_lower && contains_any (notice_lower, failure_words);
  gboolean to_postmaster = reports_to_postmaster (s);
  g_free (f);
  g_free (s);
  if (to_postmaster)
    return FALSE;
  if (by_from && (by_subject || by_text))
    return TRUE;
  if (bulk)
    return FALSE;
  if (by_subject && by_text && machine_written (msg))
    return TRUE;
  /* the table's wordings are a mail server's: read only when a sign above asks
   * (a failure subject asks on its own: a server's wording is failure words) */
  if ((by_from || by_subject || null_sender (msg)) && has_wording (notice_lower))
    return TRUE;
  return FALSE;
}

/* A report that delivery succeeded (Postfix's "Successful Mail Delivery Report",
 * a "Delivered:" receipt) that reports no failure: no recipient of it failed. */
gboolean
notice_reports_success (const MimeMessage *msg, const char *notice_lower)
{
  static const char *const subjects[] = { "successful mail delivery", "delivered:",
                                          "delivery notification: delivered",
                                          "relayed:", NULL };
  if (!notice_lower)
    return FALSE;
  gboolean by_text = contains_any (notice_lower, success_words);
  if (!by_text)
    {
      const char *subject = mime_get (msg, "Subject");
      char *s = subject ? utf8_lower (subject) : NULL;
      by_text = s && contains_any (s, subjects);
      g_free (s);
    }
  return by_text && !contains_any (notice_lower, failure_words)
         && !contains_any (notice_lower, delay_words);
}

/* Runs the header signals (set) over the bounce's headers as "name: value" lines,
 * lower-case, the block cut after 16 KB: one line at a time while they are ASCII
 * when by_line (no signal holds a line break, so none spans two lines), else the
 * block, from the first other line on, as one text lower-cased as GLib does it. */
static void
scan_headers (const MatchSet *set, const MimeMessage *msg, gboolean by_line, guint limit,
              guint8 *seen)
{
  match_set_scan (set, "", 0, limit, seen); /* the phrases every text holds */
  GString *lower = g_string_sized_new (256);
  gsize raw = 0; /* the length of the block before folding */
  guint i = 0;
  /* a header of ASCII text is folded as it is appended */
  for (; i < msg->n_headers && raw < 16384; i++)
    {
      const char *name = msg->headers[i].name, *value = msg->headers[i].value;
      if (!name || !value)
        break;
      gsize nn = strlen (name), vn = strlen (value);
      if (!ascii_all (name, nn) || !ascii_all (value, vn))
        break;
      if (by_line)
        g_string_truncate (lower, 0);
      append_ascii_lower (lower, name, nn);
      g_string_append_len (lower, ": ", 2);
      append_ascii_lower (lower, value, vn);
      g_string_append_c (lower, '\n');
      raw += nn + vn + 3;
      if (by_line)
        match_set_scan (set, lower->str, lower->len, limit, seen);
    }
  if (by_line)
    g_string_truncate (lower, 0);
  if (i < msg->n_headers && raw < 16384)
    {
      /* from the first other one on, the rest of the block as GLib lower-cases it */
      GString *s = g_string_sized_new (1024);
      for (; i < msg->n_headers && raw + s->len < 16384; i++)
        {
          const char *name = msg->headers[i].name, *value = msg->headers[i].value;
          g_string_append (s, name ? name : "(null)");
          g_string_append_len (s, ": ", 2);
          g_string_append (s, value ? value : "(null)");
          g_string_append_c (s, '\n');
        }
      append_utf8_lower (lower, s->str, s->len);
      g_string_free (s, TRUE);
    }
  if (lower->len)
    match_set_scan (set, lower->str, lower->len, limit, seen);
  g_string_free (lower, TRUE);
}

/* The detectors' signals of each kind in one set, tagged with the detector's
 * index in the registry. */
typedef struct
{
  MatchSet *from, *subject, *body, *headers;
  guint first_headers; /* the first detector with header signals, or n_detectors */
  gboolean headers_by_line; /* no header signal holds a line break */
} Signals;

static gpointer
build_signals (gpointer data)
{
  (void) data;
  Signals *sig = g_new0 (Signals, 1);
  sig->from = match_set_new ();
  sig->subject = match_set_new ();
  sig->body = match_set_new ();
  sig->headers = match_set_new ();
  sig->first_headers = (guint) n_detectors;
  sig->headers_by_line = TRUE;
  for (guint i = 0; i < n_detectors; i++)
    {
      for (gsize k = 0; detectors[i]->headers && detectors[i]->headers[k]; k++)
        if (strchr (detectors[i]->headers[k], '\n'))
          sig->headers_by_line = FALSE;
      if (detectors[i]->headers && detectors[i]->headers[0] && sig->first_headers == n_detectors)
        sig->first_headers = i;
      match_set_add_list (sig->from, detectors[i]->from, i);
      match_set_add_list (sig->subject, detectors[i]->subject, i);
      match_set_add_list (sig->body, detectors[i]->body, i);
      match_set_add_list (sig->headers, detectors[i]->headers, i);
    }
  match_set_seal (sig->from);
  match_set_seal (sig->subject);
  match_set_seal (sig->body);
  match_set_seal (sig->headers);
  return sig;
}

static const Signals *
signals (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_signals, NULL);
}

/* The first detector in the registry with any signal in the From, the Subject,
 * the notice's first lines (head_lower) or the headers of headers_of (none when
 * NULL): each kind is searched in one pass for all detectors, and only for those
 * before the first one found. */
const Detector *
notice_pick_family_of (const char *from, const char *subject, const MimeMessage *headers_of,
             const char *head_lower)
{
  char *f = from ? g_ascii_strdown (from, -1) : g_strdup ("");
  char *s = subject ? utf8_lower (subject) : g_strdup ("");
  const Signals *sig = signals ();
  guint8 *seen = g_new0 (guint8, n_detectors);
  const char *texts[3] = { f, s, head_lower };
  const MatchSet *sets[4] = { sig->from, sig->subject, sig->body, sig->headers };
  guint first = (guint) n_detectors;
  for (int k = 0; k < 4 && first > 0; k++)
    {
      if (k == 3)
        {
          /* the header block is written only when a detector before the first
           * one found has header signals */
          if (sig->first_headers >= first)
            break;
          if (headers_of)
            scan_headers (sig->headers, headers_of, sig->headers_by_line, first, seen);
          else
            match_set_scan (sig->headers, "", 0, first, seen);
        }
      else
        match_set_scan (sets[k], texts[k], strlen (texts[k]), first, seen);
      for (guint i = 0; i < first; i++)
        if (seen[i])
          first = i;
    }
  const Detector *hit = first < n_detectors ? detectors[first] : NULL;
  g_free (seen);
  g_free (f);
  g_free (s);
  return hit;
}

/* The Subject after its blanks and the bracketed tags that lists and helpdesks
 * put before it ("[users] ", "[Ticket #123] "), each closed within its first 80
 * bytes. */
static const char *
subject_after_tags (const char *subject)
{
  for (;;)
    {
      while (*subject == ' ' || *subject == '\t')
        subject++;
      if (*subject != '[')
        return subject;
      const char *close = memchr (subject, ']', strnlen (subject, 80));
      if (!close)
        return subject;
      subject = close + 1;
    }
}

/* Does subject start (after blanks, in any case) with one of prefixes (lower
 * case)? */
static gboolean
subject_starts_with (const char *subject, const char *const *prefixes)
{
  if (!subject)
    return FALSE;
  while (*subject == ' ' || *subject == '\t')
    subject++;
  char *lower = utf8_lower (subject);
  gboolean hit = FALSE;
  for (gsize i = 0; prefixes[i] && !hit; i++)
    hit = g_str_has_prefix (lower, prefixes[i]);
  g_free (lower);
  return hit;
}

gboolean
notice_subject_is_reply (const char *subject)
{
  return subject_starts_with (subject, reply_prefixes);
}

gboolean
notice_is_persons_reply (const MimeMessage *msg)
{
  const char *subject = mime_get (msg, "Subject");
  if (!subject)
    return FALSE;
  return notice_subject_is_reply (subject_after_tags (subject)) && notice_from_person (msg);
}

gboolean
notice_subject_is_forward (const char *subject)
{
  static const char *const forward_prefixes[] = { "fwd:", "fw:", NULL };
  return subject_starts_with (subject, forward_prefixes);
}

gboolean
notice_is_persons_forward (const MimeMessage *msg)
{
  return notice_subject_is_forward (mime_get (msg, "Subject")) && notice_from_person (msg);
}

/* A mail system's notice by its From (Exchange sends its notices from its
 * system mailbox, "MicrosoftExchange" and a hex identifier). */
static gboolean
from_mail_system (const char *from)
{
  if (from_daemon (from))
    return TRUE;
  char *i = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean exchange = i && strstr (i, "microsoftexchange");
  g_free (i);
  return exchange;
}

gboolean
notice_forwards_notice (const MimeMessage *msg)
{
  /* what it attaches is a mail system's notice, by its From */
  return notice_from_person (msg) && from_mail_system (mime_original (msg, "From"));
}

/* The line at p (up to nl) with blanks and '*' (a client's bold) trimmed. */
static gboolean
line_is (const char *p, const char *nl, const char *what)
{
  while (p < nl && (*p == ' ' || *p == '\t' || *p == '*'))
    p++;
  while (nl > p && (nl[-1] == ' ' || nl[-1] == '\t' || nl[-1] == '*'))
    nl--;
  gsize n = strlen (what);
  return (gsize) (nl - p) == n && g_ascii_strncasecmp (p, what, n) == 0;
}

/* Does the line at p (up to nl) open a forwarded message as mail clients write
 * it inline: a run of dashes around "Forwarded message" or "Original Message"
 * (Gmail, Thunderbird, Outlook, Mutt's "----- Forwarded message from ... -----"),
 * "Begin forwarded message:" (Apple Mail) or a rule of underscores (Outlook's
 * newer form, whose header block follows at once)? */
static gboolean
forward_separator (const char *p, const char *nl)
{
  while (p < nl && (*p == ' ' || *p == '\t'))
    p++;
  if (line_is (p, nl, "Begin forwarded message:"))
    return TRUE;
  gsize dashes = 0, underscores = 0;
  while (p + dashes < nl && p[dashes] == '-')
    dashes++;
  while (p + underscores < nl && p[underscores] == '_')
    underscores++;
  if (underscores >= 10 && line_is (p + underscores, nl, ""))
    return TRUE;
  if (dashes < 2 || nl - p > 120)
    return FALSE;
  char *l = g_ascii_strdown (p, nl - p);
  gboolean hit = strstr (l, "forwarded message") || strstr (l, "original message");
  g_free (l);
  return hit && nl[-1] == '-';
}

char *
notice_inline_forward (const char *text, gsize *body_at)
{
  static const char *const names[][2] = { { "from", "From" }, { "sent", "Date" },
                                          { "date", "Date" }, { "subject", "Subject" },
                                          { "to", "To" } };
  for (const char *line = text; *line;)
    {
      const char *nl = strchr (line, '\n');
      if (!nl)
        break;
      const char *next = nl + 1;
      if (!forward_separator (line, nl))
        {
          line = next;
          continue;
        }
      /* its header block, after blank lines, up to a blank line */
      const char *p = next;
      while (*p == '\n' || (*p == ' ' && p[strspn (p, " \t")] == '\n'))
        p += strspn (p, " \t") + 1;
      GString *head = g_string_new (NULL);
      gboolean from = FALSE;
      while (*p && *p != '\n')
        {
          const char *end = strchr (p, '\n');
          if (!end)
            break;
          if (*p == ' ' || *p == '\t')
            {
              p = end + 1; /* a folded field's next line (Mutt's long To) */
              continue;
            }
          const char *colon = p;
          while (colon < end && (g_ascii_isalpha (*colon) || *colon == '-' || *colon == '*'))
            colon++;
          if (colon == p || colon == end || *colon != ':')
            break;
          for (gsize k = 0; k < G_N_ELEMENTS (names); k++)
            {
              const char *n = p + (*p == '*');
              gsize len = strlen (names[k][0]);
              if ((gsize) (colon - n) - (colon[-1] == '*') != len
                  || g_ascii_strncasecmp (n, names[k][0], len) != 0)
                continue;
              const char *v = colon + 1 + (colon[1] == '*');
              while (v < end && (*v == ' ' || *v == '\t'))
                v++;
              g_string_append_printf (head, "%s: %.*s\n", names[k][1], (int) (end - v), v);
              from |= k == 0;
              break;
            }
          p = end + 1;
        }
      if (from && *p == '\n')
        {
          *body_at = (gsize) (p + 1 - text);
          return g_string_free (head, FALSE);
        }
      g_string_free (head, TRUE);
      line = next;
    }
  return NULL;
}

gboolean
notice_from_person (const MimeMessage *msg)
{
  return !null_sender (msg) && !from_daemon (mime_get (msg, "From"));
}

gboolean
notice_forwards_inline (const MimeMessage *msg, const char *forwarded_from)
{
  return notice_is_persons_forward (msg)
         || (notice_from_person (msg) && from_mail_system (forwarded_from));
}

const Detector *
notice_pick_family (const MimeMessage *msg, const char *head_lower)
{
  return notice_pick_family_of (mime_get (msg, "From"), mime_get (msg, "Subject"), msg, head_lower);
}

/* Is the notice a delay warning? Its Subject or its text before the returned
 * message says so, and nothing in it says that delivery failed for good. */
gboolean
notice_reports_delay (const MimeMessage *msg, const char *notice, gsize end_at)
{
  const char *subject = mime_get (msg, "Subject");
  char *s = subject ? utf8_lower (subject) : g_strdup ("");
  char *t = ascii_strdown (notice ? notice : "", notice ? (gssize) MIN (end_at, 8192) : 0);
  gboolean delay = contains_any (t, warning_only_words)
                   || ((contains_any (s, delay_words) || contains_any (t, delay_words))
                       && !contains_any (t, final_words));
  g_free (s);
  g_free (t);
  return delay;
}

gboolean
notice_attached_for_its_reader (const MimeMessage *msg, gboolean own_fields)
{
  if (own_fields || null_sender (msg))
    return FALSE;
  /* a mail system's own wrapper around a notice (from its daemon or its
   * postmaster) is a bounce whoever it names; a list's "-bounces" address is
   * no mail system's (asked first: the attached parts are parsed when asked
   * for) */
  char *f = g_ascii_strdown (mime_get (msg, "From") ? mime_get (msg, "From") : "", -1);
  gboolean daemon = contains_any (f, from_signals) && !from_only_bounce (f);
  g_free (f);
  return !daemon && (mime_dsn_nested (msg)->len > 0 || mime_text_nested (msg)->len > 0);
}

gboolean
notice_is_to (const MimeMessage *msg, const char *address)
{
  const char *to = mime_get (msg, "To");
  return to && !strchr (to, ',') && address_same (to, address);
}
