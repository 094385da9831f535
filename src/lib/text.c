/* text.c: the free-text engine. It runs the detector tables of detect/ over the
 * human-readable notice:
 *
 *   1. pick the notice text (the first readable part outside the returned message)
 *      and cut it where the returned message begins;
 *   2. pick the family from cheap signals (From, Subject, the first lines);
 *   3. in the family's per-recipient section, a line that starts with an address,
 *      or names one after a lead phrase ("delivered to "), opens a recipient; the
 *      lines after it, up to the next recipient or a blank line, are its diagnostic;
 *   4. with no address in the notice, a notice that is surely a bounce names the
 *      returned message's To as the recipient.
 *
 * Bounded: the notice is at most MAX_TEXT_PART bytes, lines are scanned once.
 */
#include "text.h"

#include <string.h>

#include "address.h"
#include "bounds.h"
#include "detect/detect.h"
#include "status.h"

/* Where every family's notice ends: the returned message or its headers begin. */
static const char *const shared_end[] = {
  "this is a copy of the message",
  "below this line is a copy of the message",
  "original message follows",
  "unsent message follows",
  "message header follows",
  "header of the original message",
  "returned message --",
  "original message --",
  "original message headers",
  "copy of the original message",
  "content-type: message/rfc822",
  "content-type: text/rfc822-headers",
  NULL,
};

/* Phrases after which an address names a failed recipient, on the same line. */
static const char *const shared_lead[] = {
  "delivered to ",
  "deliver to ",
  "delivery to ",
  "your message to ",
  "message to ",
  "unknown user: ",
  "user unknown: ",
  "invalid recipient: ",
  "failed recipient: ",
  "recipient address: ",
  "recipient: ",
  "rcpt to:",
  "rcpt to: ",
  "mailbox ",
  "address ",
  NULL,
};

/* Labels of header-like lines whose addresses are never failed recipients. */
static const char *const header_labels[] = {
  "to:", "from:", "cc:", "bcc:", "reply-to:", "sender:", "return-path:", "errors-to:",
  "message-id:", "in-reply-to:", "references:", "subject:", "date:", "sent:", "received:",
  "envelope-from", "x-", "list-", "dkim", "authentication-results", NULL,
};

typedef struct
{
  char *address;
  GString *diag;
} Found;

static gboolean
contains_any (const char *lower, const char *const *list)
{
  for (gsize i = 0; list && list[i]; i++)
    if (strstr (lower, list[i]))
      return TRUE;
  return FALSE;
}

/* The notice: the first readable part outside the returned message, else one
 * inside it (a forwarded bounce). */
static const char *
notice_text (const MimeMessage *msg)
{
  for (guint i = 0; i < msg->text->len; i++)
    {
      const char *t = g_ptr_array_index (msg->text, i);
      for (const char *p = t; *p; p++)
        if (!g_ascii_isspace (*p))
          return t;
    }
  if (msg->text_nested->len > 0)
    return g_ptr_array_index (msg->text_nested, 0);
  return NULL;
}

/* The address starting at p (p points into a line): length, or 0. */
static gsize
address_at (const char *p, const char *line_end)
{
  gsize n = 0;
  gboolean at = FALSE;
  while (p + n < line_end && address_char (p[n]))
    {
      if (p[n] == '@')
        at = TRUE;
      n++;
    }
  return at ? n : 0;
}

static Found *
find_or_add (GPtrArray *found, const char *address)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = g_ptr_array_index (found, i);
      if (g_ascii_strcasecmp (f->address, address) == 0)
        return f;
    }
  if (found->len >= MAX_RECIPIENTS)
    return NULL;
  Found *f = g_new0 (Found, 1);
  f->address = g_strdup (address);
  f->diag = g_string_new (NULL);
  g_ptr_array_add (found, f);
  return f;
}

static void
found_free (gpointer p)
{
  Found *f = p;
  g_free (f->address);
  g_string_free (f->diag, TRUE);
  g_free (f);
}

/* An address that opens a recipient on this line, or NULL. rest is set to the text
 * after it. */
static char *
line_recipient (const char *line, const char *end, const char *lower, const Detector *d,
                const char **rest)
{
  const char *p = line;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  const char *lp = lower + (p - line);
  for (gsize i = 0; header_labels[i]; i++)
    if (strncmp (lp, header_labels[i], strlen (header_labels[i])) == 0)
      return NULL;
  if (*p == '>' || (end - p > 3 && p[0] == '<' && p[1] == '<' && p[2] == '<'))
    return NULL; /* an SMTP transcript line */
  const char *start = NULL;
  /* "<addr>", "\"addr\"", "addr", and "554 <addr>..." (a Sendmail transcript) */
  const char *q = p;
  if (end - q > 4 && g_ascii_isdigit (q[0]) && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2])
      && q[3] == ' ' && q[4] == '<')
    q += 4;
  while (q < end && (*q == '<' || *q == '"' || *q == '\''))
    q++;
  if (address_at (q, end))
    start = q;
  /* "Label: addr" with a short label, and the lead phrases */
  if (!start)
    {
      const char *const *leads[2] = { d ? d->lead : NULL, shared_lead };
      for (int k = 0; k < 2 && !start; k++)
        for (gsize i = 0; leads[k] && leads[k][i] && !start; i++)
          {
            const char *hit = strstr (lp, leads[k][i]);
            if (!hit)
              continue;
            const char *a = p + (hit - lp) + strlen (leads[k][i]);
            while (a < end && (*a == ' ' || *a == '<' || *a == '"' || *a == '\''))
              a++;
            if (address_at (a, end))
              start = a;
          }
    }
  if (!start)
    {
      const char *colon = memchr (p, ':', end - p);
      if (colon && colon - p < 40)
        {
          const char *a = colon + 1;
          while (a < end && (*a == ' ' || *a == '<' || *a == '"'))
            a++;
          gsize n = address_at (a, end);
          if (n && (a + n == end || a[n] == '>' || a[n] == '"' || a[n] == ' '))
            start = a;
        }
    }
  if (!start)
    return NULL;
  gsize n = address_at (start, end);
  char *raw = g_strndup (start, n);
  char *addr = address_normalise (raw);
  g_free (raw);
  if (!addr)
    return NULL;
  const char *after = start + n;
  while (after < end && strchr (">\"':.;, ", *after))
    after++;
  *rest = after;
  return addr;
}

static gboolean
excluded (const char *addr, const MimeMessage *msg)
{
  /* the bounce's own addresses, and the daemons that write bounces */
  static const char *const daemons[] = { "mailer-daemon@", "postmaster@", "mail-daemon@",
                                         "mailerdaemon@", NULL };
  char *lower = g_ascii_strdown (addr, -1);
  gboolean out = contains_any (lower, daemons);
  g_free (lower);
  const char *own[] = { mime_get (msg, "To"), mime_get (msg, "From"),
                        mime_original (msg, "From"), mime_get (msg, "Return-Path") };
  for (gsize i = 0; i < G_N_ELEMENTS (own) && !out; i++)
    {
      char *a = own[i] ? address_normalise (own[i]) : NULL;
      out = a && g_ascii_strcasecmp (a, addr) == 0;
      g_free (a);
    }
  return out;
}

static void
append_diag (Found *f, const char *s, const char *end)
{
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  if (end - s >= 4 && strncmp (s, "<<< ", 4) == 0)
    s += 4;
  if (s >= end || f->diag->len > MAX_FIELD_VALUE)
    return;
  if (f->diag->len)
    g_string_append_c (f->diag, ' ');
  g_string_append_len (f->diag, s, end - s);
}

/* Scans the section line by line; returns the recipients found. */
static GPtrArray *
scan (const char *text, gsize len, const Detector *d, const MimeMessage *msg)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (found_free);
  char *lower = g_ascii_strdown (text, (gssize) len);
  Found *current = NULL;
  gboolean in_section = !(d && d->begin);
  const char *const *ends[2] = { shared_end, d ? d->end : NULL };
  gsize pos = 0;
  while (pos < len)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      const char *end = nl ? nl : text + len;
      gsize next = (gsize) (end - text) + (nl ? 1 : 0);
      if (end > line && end[-1] == '\r')
        end--;
      char *lline = g_strndup (lower + pos, end - line);
      pos = next;

      if (!in_section)
        {
          in_section = contains_any (lline, d->begin);
          g_free (lline);
          continue;
        }
      if (contains_any (lline, ends[0]) || contains_any (lline, ends[1]))
        {
          g_free (lline);
          break;
        }
      const char *rest = NULL;
      char *addr = line_recipient (line, end, lline, d, &rest);
      g_free (lline);
      if (addr && !excluded (addr, msg))
        {
          current = find_or_add (found, addr);
          if (current && rest)
            append_diag (current, rest, end);
        }
      else if (line == end || (end - line) < 1)
        current = NULL; /* a blank line closes the recipient */
      else
        {
          gboolean blank = TRUE;
          for (const char *c = line; c < end && blank; c++)
            blank = g_ascii_isspace (*c);
          if (blank)
            current = NULL;
          else if (current && !(line[0] == '>' || strncmp (line, "   -----", 8) == 0))
            append_diag (current, line, end);
        }
      g_free (addr);
    }
  g_free (lower);
  return found;
}

/* Does the message look like a failure notice at all? Guards the fallbacks. */
static gboolean
looks_like_bounce (const MimeMessage *msg)
{
  static const char *const from_signals[] = { "mailer-daemon", "postmaster", "mail delivery",
                                              "mail-daemon", "mailerdaemon", "bounce", NULL };
  static const char *const subject_signals[] = { "undeliver", "undelivered", "delivery fail",
                                                 "delivery status", "failure notice",
                                                 "returned mail", "returning message",
                                                 "delivery problem", "could not be delivered",
                                                 "not delivered", "mail delivery",
                                                 "failed delivery", "nondeliverable",
                                                 "non-deliverable", "rejected", "bounce", NULL };
  const char *from = mime_get (msg, "From");
  const char *subject = mime_get (msg, "Subject");
  char *f = from ? g_ascii_strdown (from, -1) : NULL;
  char *s = subject ? g_utf8_strdown (subject, -1) : NULL;
  gboolean yes = (f && contains_any (f, from_signals)) || (s && contains_any (s, subject_signals));
  g_free (f);
  g_free (s);
  return yes;
}

static const Detector *
pick_family (const MimeMessage *msg, const char *head_lower)
{
  const char *from = mime_get (msg, "From");
  const char *subject = mime_get (msg, "Subject");
  char *f = from ? g_ascii_strdown (from, -1) : g_strdup ("");
  char *s = subject ? g_utf8_strdown (subject, -1) : g_strdup ("");
  const Detector *hit = NULL;
  for (gsize i = 0; i < n_detectors && !hit; i++)
    {
      const Detector *d = detectors[i];
      if (contains_any (f, d->from) || contains_any (s, d->subject)
          || contains_any (head_lower, d->body))
        hit = d;
    }
  g_free (f);
  g_free (s);
  return hit;
}

static void
fill_record (BounceRecord *rec, const char *diag, const char *source)
{
  if (diag && *diag && !record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC))
    record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, diag);
  if (source && !record_peek (rec, BOUNCE_FIELD_SOURCE))
    record_set (rec, BOUNCE_FIELD_SOURCE, source);
}

guint
text_extract (BounceReport *report, const MimeMessage *msg)
{
  const char *notice = notice_text (msg);
  gsize len = notice ? strnlen (notice, MAX_TEXT_PART) : 0;
  char *head = g_ascii_strdown (notice ? notice : "", MIN (len, 4096));
  const Detector *family = notice ? pick_family (msg, head) : NULL;
  g_free (head);
  char *source = g_strconcat ("text:", family ? family->name : "generic", NULL);
  gboolean had_records = bounce_report_n_records (report) > 0;
  gboolean bounce_like = family || looks_like_bounce (msg);
  guint added = 0;

  GPtrArray *found = notice && bounce_like ? scan (notice, len, family, msg) : NULL;
  if (found && family && family->begin && found->len == 0)
    {
      /* the begin marker was missing or misleading: the whole notice */
      g_ptr_array_free (found, TRUE);
      Detector loose = *family;
      loose.begin = NULL;
      found = scan (notice, len, &loose, msg);
    }

  /* X-Failed-Recipients names the recipients outright */
  const char *xfr = mime_get (msg, "X-Failed-Recipients");
  char **xf = xfr ? g_strsplit (xfr, ",", 64) : NULL;
  for (char **p = xf; p && *p; p++)
    {
      char *addr = address_normalise (*p);
      if (addr && !report_find_record (report, addr) && !had_records)
        {
          gboolean in_found = FALSE;
          for (guint i = 0; found && i < found->len && !in_found; i++)
            in_found = g_ascii_strcasecmp (((Found *) g_ptr_array_index (found, i))->address,
                                           addr) == 0;
          if (!in_found)
            {
              if (!found)
                found = g_ptr_array_new_with_free_func (found_free);
              find_or_add (found, addr);
            }
        }
      g_free (addr);
    }
  g_strfreev (xf);

  for (guint i = 0; found && i < found->len; i++)
    {
      Found *f = g_ptr_array_index (found, i);
      BounceRecord *rec = report_find_record (report, f->address);
      if (rec)
        {
          fill_record (rec, f->diag->str, NULL);
          continue;
        }
      if (had_records)
        continue; /* the delivery-status part is the authority on who failed */
      rec = report_add_record (report);
      if (!rec)
        break;
      record_set (rec, BOUNCE_FIELD_RECIPIENT, f->address);
      fill_record (rec, f->diag->len ? f->diag->str : NULL, source);
      added++;
    }

  /* a notice that names no address: the returned message's To */
  if (added == 0 && !had_records && notice && bounce_like && family)
    {
      char *to = address_normalise (mime_original (msg, "To"));
      if (to && !excluded (to, msg))
        {
          BounceRecord *rec = report_add_record (report);
          if (rec)
            {
              record_take (rec, BOUNCE_FIELD_RECIPIENT, to);
              to = NULL;
              char *diag = text_clean (notice, MIN (len, 1024), 1024);
              fill_record (rec, diag, source);
              g_free (diag);
              added++;
            }
        }
      g_free (to);
    }
  if (found)
    g_ptr_array_free (found, TRUE);
  g_free (source);
  return added;
}
