/* text.c: the free-text engine. It runs the detector tables of detect/ over the
 * human-readable notice:
 *
 *   1. pick the notice text (the first readable part outside the returned message),
 *      drop carriage returns and one level of "> " quoting of a forwarded bounce;
 *   2. pick the family from cheap signals (From, Subject, headers, the first lines);
 *   3. in the family's per-recipient section, a line that starts with an address,
 *      or names one after a lead phrase ("delivered to "), opens a recipient; the
 *      lines after it (or before it, for families that write the error first), up
 *      to the next recipient or a blank line, are its diagnostic;
 *   4. a notice that is surely a bounce but names no address of its own gives the
 *      recipient from X-Failed-Recipients, the returned message's To (attached, or
 *      a header block quoted after the notice), or the VERP envelope address the
 *      bounce was sent to.
 *
 * Bounded: the notice is at most MAX_TEXT_PART bytes, lines are scanned once.
 */
#include "text.h"

#include <string.h>

#include "address.h"
#include "bounds.h"
#include "detect/detect.h"
#include "dsn.h"
#include "status.h"

/* Where every family's notice ends: the returned message or its headers begin. */
static const char *const shared_end[] = {
  "this is a copy of the message",
  "this is a copy of your message",
  "below this line is a copy of the message",
  "original message follows",
  "unsent message follows",
  "message header follows",
  "message headers follow",
  "header of the original message",
  "headers of the original message",
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
  "delivered to:",
  "deliver to ",
  "delivery to ",
  "delivering your mail to ",
  "delivering your message to ",
  "undeliverable to ",
  "your message to ",
  "message to ",
  "unknown user: ",
  "unknown user ",
  "user unknown: ",
  "invalid recipient: ",
  "failed recipient: ",
  "failed recipient ",
  "recipient address: ",
  "recipient: ",
  "recipients failed: ",
  "rcpt to:",
  "mailbox ",
  "address:",
  "address ",
  NULL,
};

/* Labels of header-like lines whose addresses are never failed recipients. */
static const char *const header_labels[] = {
  "to:", "from:", "cc:", "bcc:", "reply-to:", "sender:", "return-path:", "errors-to:",
  "message-id:", "in-reply-to:", "references:", "subject:", "date:", "sent:", "received:",
  "envelope-from", "x-", "list-", "dkim", "authentication-results", "delivered-to:",
  "for <", "by ", "(envelope-from", NULL,
};

/* Words of a failure notice, for a message no detector recognised. */
static const char *const failure_words[] = {
  "could not be delivered", "couldn't be delivered", "was not delivered", "undeliverable",
  "delivery failed", "delivery has failed", "permanent error", "permanent fatal error",
  "user unknown", "unknown user", "no such user", "mailbox unavailable", "failed permanently",
  "could not deliver", "unable to deliver", "delivery failure", NULL,
};

typedef struct
{
  char *address;
  GString *diag;
  char *status;   /* from a JSON layout */
  char *action;
} Found;

typedef struct
{
  GPtrArray *found;     /* Found* */
  GString *shared_diag; /* the diag_begin section */
  gsize end_at;         /* offset of the end marker in the notice, or the length */
} Scan;

static char *section_diag (const char *text, gsize len, const Detector *d);

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
notice_text (const MimeMessage *msg, guint *index)
{
  for (guint i = 0; i < msg->text->len; i++)
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
  if (msg->text_nested->len > 0)
    return g_ptr_array_index (msg->text_nested, 0);
  return NULL;
}

/* The notice as the scanner reads it: no carriage returns, and when most lines
 * after the first quoted one are quoted ("> ", a bounce forwarded inline), one
 * level of quoting removed. */
char *
text_prepare (const char *text, gsize len)
{
  GString *s = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    if (text[i] != '\r')
      g_string_append_c (s, text[i]);
    else if (i + 1 >= len || text[i + 1] != '\n')
      g_string_append_c (s, '\n');
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

/* The address starting at p: its length, or 0. The local part may be quoted;
 * the domain is ASCII (a name or an address literal), so text that runs on
 * after it in another script is not taken in. */
gsize
text_address_at (const char *p, const char *end)
{
  gsize n = 0;
  if (p < end && *p == '"')
    {
      const char *close = memchr (p + 1, '"', end - p - 1);
      if (!close || close + 1 >= end || close[1] != '@' || close == p + 1)
        return 0;
      n = (gsize) (close - p) + 1;
    }
  else
    {
      while (p + n < end && p[n] != '@' && (unsigned char) p[n] < 0x80 && address_char (p[n]))
        n++;
      if (n == 0 || p + n >= end || p[n] != '@')
        return 0;
    }
  n++; /* '@' */
  gsize domain = n;
  if (p + n < end && p[n] == '[')
    {
      const char *close = memchr (p + n, ']', end - p - n);
      if (!close)
        return 0;
      return (gsize) (close - p) + 1;
    }
  while (p + n < end && (g_ascii_isalnum (p[n]) || p[n] == '-' || p[n] == '.' || p[n] == '_'))
    n++;
  /* a trailing dot ends the sentence */
  while (n > domain && p[n - 1] == '.')
    n--;
  if (n == domain || !memchr (p + domain, '.', n - domain))
    return 0;
  return n;
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
  g_free (f->status);
  g_free (f->action);
  g_string_free (f->diag, TRUE);
  g_free (f);
}

/* Skips what may open a recipient line before the address: blanks, bullets,
 * list numbers, brackets and quotes. */
static const char *
skip_opening (const char *p, const char *end)
{
  for (;;)
    {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p < end && (*p == '*' || *p == '-' || *p == '#') && p + 1 < end && p[1] == ' ')
        p += 2;
      else if (end - p >= 4 && memcmp (p, "\xe2\x80\xa2", 3) == 0) /* U+2022 bullet */
        p += 3;
      else
        break;
    }
  return p;
}

/* The address after p once brackets and quotes are skipped, as start and length. */
static const char *
address_after (const char *p, const char *end, gsize *len)
{
  while (p < end && strchr (" \t:<[('", *p))
    p++;
  gsize n = text_address_at (p, end);
  if (!n && p < end && *p == '"')
    {
      p++;
      n = text_address_at (p, end);
    }
  *len = n;
  return n ? p : NULL;
}

/* An address that opens a recipient on this line, or NULL. rest is set to the text
 * after it; *by_lead tells that a phrase before it named it (the line is then
 * a sentence, and all of it is diagnostic). */
static char *
line_recipient (const char *line, const char *end, const char *lower, const Detector *d,
                const char **rest, gboolean *by_lead, gboolean *at_start)
{
  *by_lead = FALSE;
  *at_start = FALSE;
  const char *p = skip_opening (line, end);
  const char *lp = lower + (p - line);
  for (gsize i = 0; header_labels[i]; i++)
    if (strncmp (lp, header_labels[i], strlen (header_labels[i])) == 0)
      return NULL;
  /* an SMTP transcript line: only the family's own lead phrases apply */
  gboolean transcript = *p == '>' || (end - p > 3 && p[0] == '<' && p[1] == '<' && p[2] == '<');
  gboolean lead_only = transcript || (d && (d->flags & DETECT_LEAD_ONLY));
  const char *start = NULL;
  gsize n = 0;
  /* "<addr>", "\"addr\"", "addr", and "554 <addr>..." (a Sendmail transcript) */
  const char *q = p;
  if (end - q > 4 && g_ascii_isdigit (q[0]) && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2])
      && q[3] == ' ' && q[4] == '<')
    q += 4;
  while (q < end && (*q == '<' || *q == '\''))
    q++;
  if (!lead_only)
    start = address_after (q, end, &n);
  if (start)
    {
      *at_start = TRUE;
      /* "name@example.com <addr@example.com>": the bracketed one is the address */
      const char *b = start + n;
      while (b < end && (*b == ' ' || *b == '>' || *b == '"'))
        b++;
      gsize bn = 0;
      const char *inner = b < end && *b == '<' ? address_after (b + 1, end, &bn) : NULL;
      if (inner && inner + bn < end && inner[bn] == '>')
        {
          start = inner;
          n = bn;
        }
    }
  /* the lead phrases */
  const char *const *leads[2] = { d ? d->lead : NULL, transcript ? NULL : shared_lead };
  for (int k = 0; k < 2 && !start; k++)
    for (gsize i = 0; leads[k] && leads[k][i] && !start; i++)
      {
        const char *hit = strstr (lp, leads[k][i]);
        while (hit && !start)
          {
            start = address_after (p + (hit - lp) + strlen (leads[k][i]), end, &n);
            if (start)
              *by_lead = TRUE;
            else
              hit = strstr (hit + 1, leads[k][i]);
          }
      }
  /* "Label: addr" with a short label */
  if (!start && !lead_only)
    {
      const char *colon = memchr (p, ':', end - p);
      if (colon && colon - p < 40)
        {
          const char *a = address_after (colon + 1, end, &n);
          if (a && (a + n == end || strchr (">\"' ,;", a[n])))
            {
              start = a;
              *by_lead = TRUE; /* the label is often the error ("Unknown user: ") */
            }
        }
    }
  if (!start)
    return NULL;
  char *raw = g_strndup (start, n);
  char *addr = address_normalise (raw);
  g_free (raw);
  if (!addr)
    return NULL;
  const char *after = start + n;
  while (after < end && strchr (">\"':.;,] ", *after))
    after++;
  *rest = after;
  return addr;
}

static gboolean
same_address (const char *header, const char *addr)
{
  char *a = header ? address_normalise (header) : NULL;
  gboolean same = a && g_ascii_strcasecmp (a, addr) == 0;
  g_free (a);
  return same;
}

/* Addresses that are never failed recipients: the daemons that write bounces, the
 * bounce's own sender, and (unless the family's recipient list names it) its
 * addressee. A postmaster address counts only when the returned message was sent
 * to it. */
gboolean
text_excluded (const char *addr, const MimeMessage *msg, gboolean listed)
{
  static const char *const daemons[] = { "mailer-daemon@", "mail-daemon@", "mailerdaemon@",
                                         "mail.delivery.system@", NULL };
  char *lower = g_ascii_strdown (addr, -1);
  gboolean out = contains_any (lower, daemons)
                 || (g_str_has_prefix (lower, "postmaster@") && msg
                     && !same_address (mime_original (msg, "To"), addr));
  g_free (lower);
  if (out || !msg)
    return out;
  if (same_address (mime_get (msg, "From"), addr)
      || same_address (mime_original (msg, "From"), addr)
      || same_address (mime_get (msg, "Return-Path"), addr))
    return TRUE;
  return !listed && same_address (mime_get (msg, "To"), addr);
}

static void
append_diag (GString *diag, const char *s, const char *end)
{
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  if (end - s >= 4 && strncmp (s, "<<< ", 4) == 0)
    s += 4;
  while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (s >= end || diag->len > MAX_FIELD_VALUE)
    return;
  if (diag->len)
    g_string_append_c (diag, ' ');
  g_string_append_len (diag, s, end - s);
}

static gboolean
is_blank (const char *line, const char *end)
{
  for (const char *c = line; c < end; c++)
    if (!g_ascii_isspace (*c))
      return FALSE;
  return TRUE;
}

/* A line drawn with punctuation only ("-----", "=====") or such a ruler with a
 * title ("------- Returned Message --------" is an end marker, not this). */
static gboolean
rule_line (const char *line)
{
  gsize n = 0, punct = 0;
  for (const char *c = line; *c && *c != '\n'; c++, n++)
    if (strchr ("-=_*#~+", *c))
      punct++;
    else if (!g_ascii_isspace (*c))
      return FALSE;
  return punct >= 3;
}

/* Scans the notice line by line. */
static Scan
scan (const char *text, gsize len, const Detector *d, const MimeMessage *msg)
{
  Scan s = { g_ptr_array_new_with_free_func (found_free), g_string_new (NULL), len };
  char *lower = g_ascii_strdown (text, (gssize) len);
  Found *current = NULL;
  gboolean in_section = !(d && d->begin);
  gboolean begun = FALSE; /* a begin marker was seen */
  gboolean in_diag = FALSE, diag_done = FALSE;
  guint flags = d ? d->flags : 0;
  GString *pending = g_string_new (NULL); /* DETECT_DIAG_BEFORE */
  const char *const *ends[2] = { shared_end, d ? d->end : NULL };
  gsize pos = 0;
  while (pos < len)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      const char *end = nl ? nl : text + len;
      gsize next = (gsize) (end - text) + (nl ? 1 : 0);
      char *lline = g_strndup (lower + pos, end - line);
      gsize line_at = pos;
      pos = next;

      if (contains_any (lline, ends[0]) || contains_any (lline, ends[1]))
        {
          s.end_at = line_at;
          g_free (lline);
          break;
        }
      if (d && !diag_done && !in_diag && contains_any (lline, d->diag_begin))
        {
          in_diag = TRUE;
          current = NULL;
          g_free (lline);
          continue;
        }
      if (in_diag && d && d->begin && !in_section && contains_any (lline, d->begin))
        in_diag = FALSE, diag_done = TRUE; /* the error came first; now the recipients */
      else if (in_diag)
        {
          if (is_blank (line, end))
            {
              if (s.shared_diag->len && !(flags & DETECT_BLANK_KEEPS))
                {
                  in_diag = FALSE;
                  diag_done = TRUE;
                }
            }
          else if (!contains_any (lline, d->skip) && !rule_line (lline))
            append_diag (s.shared_diag, line, end);
          g_free (lline);
          continue;
        }
      if (!in_section)
        {
          in_section = begun = contains_any (lline, d->begin);
          g_free (lline);
          continue;
        }
      gboolean skip = d && contains_any (lline, d->skip);
      const char *rest = NULL;
      gboolean by_lead = FALSE, at_start = FALSE;
      char *addr = skip ? NULL : line_recipient (line, end, lline, d, &rest, &by_lead, &at_start);
      g_free (lline);
      if (addr && !text_excluded (addr, msg, begun && at_start))
        {
          Found *f = find_or_add (s.found, addr);
          if (f && f != current && (flags & DETECT_DIAG_BEFORE) && pending->len)
            append_diag (f->diag, pending->str, pending->str + pending->len);
          g_string_truncate (pending, 0);
          current = f;
          if (current && by_lead)
            append_diag (current->diag, line, end);
          else if (current && rest)
            append_diag (current->diag, rest, end);
        }
      else if (is_blank (line, end))
        {
          if (!(flags & DETECT_BLANK_KEEPS))
            current = NULL; /* a blank line closes the recipient */
        }
      else if (skip)
        ;
      else if (rule_line (line))
        current = NULL; /* a ruler closes the recipient */
      else if (current && !(line[0] == '>' || strncmp (line, "   -----", 8) == 0))
        append_diag (current->diag, line, end);
      else if (!current && (flags & DETECT_DIAG_BEFORE))
        append_diag (pending, line, end);
      g_free (addr);
    }
  g_string_free (pending, TRUE);
  g_free (lower);
  return s;
}

static void
scan_free (Scan *s)
{
  if (s->found)
    g_ptr_array_free (s->found, TRUE);
  if (s->shared_diag)
    g_string_free (s->shared_diag, TRUE);
  s->found = NULL;
  s->shared_diag = NULL;
}

/* ---- JSON notifications ---------------------------------------------------- */

/* The JSON string starting at p (at its opening quote): its decoded value, and
 * *after set past the closing quote. NULL when it is not a string. */
static char *
json_string (const char *p, const char *end, const char **after)
{
  if (p >= end || *p != '"')
    return NULL;
  GString *s = g_string_new (NULL);
  for (p++; p < end && *p != '"'; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          switch (*p)
            {
            case 'n': case 'r': case 't': g_string_append_c (s, ' '); break;
            case 'u': p += MIN (4, end - p - 1); g_string_append_c (s, '?'); break;
            default: g_string_append_c (s, *p);
            }
        }
      else
        g_string_append_c (s, *p);
    }
  *after = p < end ? p + 1 : end;
  return g_string_free (s, FALSE);
}

static const char *
json_skip_ws (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* The string value of "key" between p and end (first occurrence), or NULL. */
static char *
json_value (const char *p, const char *end, const char *key)
{
  if (!key)
    return NULL;
  char *quoted = g_strdup_printf ("\"%s\"", key);
  gsize qn = strlen (quoted);
  char *v = NULL;
  for (const char *hit = p; !v && (hit = g_strstr_len (hit, end - hit, quoted)); hit += qn)
    {
      const char *c = json_skip_ws (hit + qn, end);
      if (c < end && *c == ':')
        {
          const char *after;
          v = json_string (json_skip_ws (c + 1, end), end, &after);
        }
    }
  g_free (quoted);
  return v;
}

/* The end of the JSON value (object or array) opening at p, or end. */
static const char *
json_close (const char *p, const char *end)
{
  int depth = 0;
  for (; p < end; p++)
    {
      if (*p == '"')
        {
          const char *after;
          g_free (json_string (p, end, &after));
          p = after - 1;
        }
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
    }
  return end;
}

static void
json_scan (const char *text, gsize len, const Detector *d, const MimeMessage *msg, Scan *s)
{
  const char *end = text + len;
  for (const JsonLayout *j = d->json; j && j->list_key; j++)
    {
      char *quoted = g_strdup_printf ("\"%s\"", j->list_key);
      const char *hit = g_strstr_len (text, len, quoted);
      const char *p = hit ? json_skip_ws (hit + strlen (quoted), end) : NULL;
      g_free (quoted);
      if (!p || p >= end || *p != ':')
        continue;
      p = json_skip_ws (p + 1, end);
      if (p >= end || *p != '[')
        continue;
      const char *list_end = json_close (p, end);
      char *shared = json_value (text, end, j->diag_key);
      for (p++; p < list_end;)
        {
          p = json_skip_ws (p, list_end);
          char *addr = NULL, *status = NULL, *action = NULL, *diag = NULL;
          if (p < list_end && *p == '"' && !j->address_key)
            {
              char *v = json_string (p, list_end, &p);
              addr = address_normalise (v);
              g_free (v);
            }
          else if (p < list_end && *p == '{')
            {
              const char *obj_end = json_close (p, list_end);
              char *v = json_value (p, obj_end, j->address_key);
              addr = address_normalise (v);
              g_free (v);
              status = json_value (p, obj_end, j->status_key);
              action = json_value (p, obj_end, j->action_key);
              diag = json_value (p, obj_end, j->diag_key);
              p = obj_end;
            }
          else
            p++;
          Found *f = addr && !text_excluded (addr, msg, TRUE) ? find_or_add (s->found, addr) : NULL;
          if (f)
            {
              const char *dg = diag ? diag : shared;
              if (dg && !f->diag->len)
                {
                  char *type = NULL, *value = NULL;
                  dsn_split_typed (dg, &type, &value);
                  if (value)
                    g_string_append (f->diag, value);
                  g_free (type);
                  g_free (value);
                }
              if (!f->status)
                f->status = g_strdup (status);
              if (!f->action)
                f->action = g_strdup (action ? action : j->action);
            }
          g_free (addr);
          g_free (status);
          g_free (action);
          g_free (diag);
        }
      g_free (shared);
    }
}

/* ---- family and fallbacks -------------------------------------------------- */

/* Does the message look like a failure notice at all? Guards the fallbacks. */
static gboolean
looks_like_bounce (const MimeMessage *msg, const char *notice_lower)
{
  static const char *const from_signals[] = { "mailer-daemon", "postmaster", "mail delivery",
                                              "mail-daemon", "mailerdaemon", "bounce", NULL };
  static const char *const subject_signals[] = { "undeliver", "undelivered", "delivery fail",
                                                 "delivery status", "failure notice",
                                                 "returned mail", "returning message",
                                                 "delivery problem", "could not be delivered",
                                                 "not delivered", "mail delivery",
                                                 "failed delivery", "nondeliverable",
                                                 "non-deliverable", "rejected", "bounce",
                                                 "delivery failure", "error sending", NULL };
  const char *from = mime_get (msg, "From");
  const char *subject = mime_get (msg, "Subject");
  char *f = from ? g_ascii_strdown (from, -1) : NULL;
  char *s = subject ? g_utf8_strdown (subject, -1) : NULL;
  gboolean by_from = f && contains_any (f, from_signals);
  gboolean by_subject = s && contains_any (s, subject_signals);
  gboolean by_text = notice_lower && contains_any (notice_lower, failure_words);
  g_free (f);
  g_free (s);
  return (by_from && (by_subject || by_text)) || (by_subject && by_text);
}

/* The bounce's headers as "name: value" lines, lower-case, for header signals. */
static char *
headers_lower (const MimeMessage *msg)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < msg->n_headers && s->len < 16384; i++)
    g_string_append_printf (s, "%s: %s\n", msg->headers[i].name, msg->headers[i].value);
  char *lower = g_utf8_strdown (s->str, -1);
  g_string_free (s, TRUE);
  return lower;
}

const Detector *
text_pick_family (const MimeMessage *msg, const char *head_lower)
{
  const char *from = mime_get (msg, "From");
  const char *subject = mime_get (msg, "Subject");
  char *f = from ? g_ascii_strdown (from, -1) : g_strdup ("");
  char *s = subject ? g_utf8_strdown (subject, -1) : g_strdup ("");
  char *h = headers_lower (msg);
  const Detector *hit = NULL;
  for (gsize i = 0; i < n_detectors && !hit; i++)
    {
      const Detector *d = detectors[i];
      if (contains_any (f, d->from) || contains_any (s, d->subject)
          || contains_any (head_lower, d->body) || contains_any (h, d->headers))
        hit = d;
    }
  g_free (f);
  g_free (s);
  g_free (h);
  return hit;
}

/* The To of a header block quoted in the text from p on (the returned message's
 * headers pasted after the notice). */
static char *
quoted_to (const char *p, const char *end)
{
  gboolean in_headers = FALSE;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *le = nl ? nl : end;
      const char *q = p;
      while (q < le && (*q == ' ' || *q == '\t' || *q == '>'))
        q++;
      if (le - q > 3 && g_ascii_strncasecmp (q, "to:", 3) == 0)
        {
          char *v = g_strndup (q + 3, le - q - 3);
          char *a = address_normalise (g_strstrip (v));
          g_free (v);
          if (a)
            return a;
        }
      /* a header line: "Name: value" */
      const char *colon = memchr (q, ':', le - q);
      gboolean header = colon && colon > q && colon - q < 40;
      for (const char *c = q; header && c < colon; c++)
        header = g_ascii_isalnum (*c) || *c == '-';
      if (header)
        in_headers = TRUE;
      else if (in_headers && q == le)
        break; /* the header block ended */
      p = nl ? nl + 1 : end;
    }
  return NULL;
}

/* The recipient a VERP envelope address encodes, from the headers the bounce was
 * delivered with. */
static char *
verp_recipient (const MimeMessage *msg)
{
  static const char *const names[] = { "X-Original-To", "Delivered-To", "Envelope-To",
                                       "Return-Path", "To" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *a = address_normalise (mime_get (msg, names[i]));
      char *r = a ? address_from_verp (a) : NULL;
      g_free (a);
      if (r)
        return r;
    }
  return NULL;
}

static void
fill_record (BounceRecord *rec, const char *diag, const char *source)
{
  if (diag && *diag && !record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC))
    record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, diag);
  if (source && !record_peek (rec, BOUNCE_FIELD_SOURCE))
    record_set (rec, BOUNCE_FIELD_SOURCE, source);
}

/* The section's text as one diagnostic: from the begin marker (or the notice's
 * start) to the end marker, boilerplate lines left out. */
static char *
section_diag (const char *text, gsize len, const Detector *d)
{
  GString *out = g_string_new (NULL);
  gboolean in_section = !(d && d->begin);
  for (gsize pos = 0; pos < len && out->len < 1024;)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      const char *end = nl ? nl : text + len;
      pos = (gsize) (end - text) + 1;
      char *l = g_ascii_strdown (line, end - line);
      if (!in_section)
        in_section = contains_any (l, d->begin);
      if (in_section && !(d && contains_any (l, d->skip)) && !rule_line (l))
        append_diag (out, line, end);
      g_free (l);
    }
  if (out->len == 0)
    append_diag (out, text, text + MIN (len, 1024));
  char *clean = text_clean (out->str, out->len, 1024);
  g_string_free (out, TRUE);
  return clean;
}

/* The SMTP command the refusal answered: the recipient's own lines first, then
 * the notice's section (a transcript's ">>> DATA" is never a recipient's line),
 * then a wording anywhere in the notice. */
static void
fill_command (BounceRecord *rec, const char *diag, const char *section, const char *notice)
{
  if (record_peek (rec, BOUNCE_FIELD_COMMAND))
    return;
  const char *command = status_find_command (diag);
  if (!command)
    command = status_find_command_for (section, record_peek (rec, BOUNCE_FIELD_RECIPIENT), FALSE);
  if (!command)
    command = status_find_command_for (notice, NULL, TRUE);
  record_set (rec, BOUNCE_FIELD_COMMAND, command);
}

static BounceRecord *
add_record (BounceReport *report, const char *address, const char *diag, const char *source)
{
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    return NULL;
  record_set (rec, BOUNCE_FIELD_RECIPIENT, address);
  fill_record (rec, diag, source);
  return rec;
}

guint
text_extract (BounceReport *report, const MimeMessage *msg)
{
  guint notice_index = 0;
  const char *raw = notice_text (msg, &notice_index);
  gsize raw_len = raw ? strnlen (raw, MAX_TEXT_PART) : 0;
  char *notice = raw ? text_prepare (raw, raw_len) : NULL;
  gsize len = notice ? strlen (notice) : 0;
  char *head = g_ascii_strdown (notice ? notice : "", MIN (len, 4096));
  const Detector *family = text_pick_family (msg, head);
  gboolean had_records = bounce_report_n_records (report) > 0;
  gboolean bounce_like = family || looks_like_bounce (msg, head);
  g_free (head);
  char *source = g_strconcat ("text:", family ? family->name : "generic", NULL);
  guint added = 0;

  Scan s = { NULL, NULL, len };
  if (notice && bounce_like && family && family->json)
    {
      s.found = g_ptr_array_new_with_free_func (found_free);
      json_scan (notice, len, family, msg, &s);
      if (s.found->len == 0 && strstr (notice, "\\\""))
        {
          /* the document as a string inside another (an SNS envelope) */
          char *inner = g_strcompress (notice);
          json_scan (inner, strlen (inner), family, msg, &s);
          g_free (inner);
        }
      if (s.found->len == 0)
        scan_free (&s);
    }
  if (notice && bounce_like && !s.found)
    {
      s = scan (notice, len, family, msg);
      if (family && family->begin && s.found->len == 0)
        {
          /* the begin marker was missing or misleading: the whole notice */
          scan_free (&s);
          Detector loose = *family;
          loose.begin = NULL;
          s = scan (notice, len, &loose, msg);
        }
      if (family && (family->flags & DETECT_ORIGINAL_TO))
        {
          /* the note itself is the diagnostic of the one recipient */
          g_ptr_array_set_size (s.found, 0);
          if (s.shared_diag->len == 0)
            {
              char *diag = section_diag (notice, s.end_at, family);
              g_string_assign (s.shared_diag, diag ? diag : "");
              g_free (diag);
            }
        }
    }
  if (!s.found)
    s.found = g_ptr_array_new_with_free_func (found_free);

  /* X-Failed-Recipients names the recipients outright: used when the notice names
   * fewer than it does */
  const char *xfr = mime_get (msg, "X-Failed-Recipients");
  char **xf = xfr ? g_strsplit (xfr, ",", 64) : NULL;
  if (xf && g_strv_length (xf) > s.found->len)
    for (char **p = xf; *p; p++)
      {
        char *addr = address_normalise (*p);
        if (addr && !text_excluded (addr, msg, TRUE))
          find_or_add (s.found, addr);
        g_free (addr);
      }
  g_strfreev (xf);

  const char *shared = s.shared_diag && s.shared_diag->len ? s.shared_diag->str : NULL;
  char *section = notice ? g_strndup (notice, s.end_at) : NULL;
  for (guint i = 0; i < s.found->len; i++)
    {
      Found *f = g_ptr_array_index (s.found, i);
      /* its own lines, then the section every recipient shares */
      if (shared && !strstr (f->diag->str, shared))
        append_diag (f->diag, shared, shared + strlen (shared));
      if (f->diag->len == 0 && notice && !(family && family->json))
        {
          /* named only by X-Failed-Recipients, or with no lines of its own */
          char *sd = section_diag (notice, s.end_at, family);
          if (sd)
            g_string_assign (f->diag, sd);
          g_free (sd);
        }
      const char *diag = f->diag->len ? f->diag->str : NULL;
      BounceRecord *rec = report_find_record (report, f->address);
      if (rec)
        {
          fill_record (rec, diag, NULL);
          fill_command (rec, diag, section, notice);
          continue;
        }
      if (had_records)
        continue; /* the delivery-status part is the authority on who failed */
      rec = add_record (report, f->address, diag, source);
      if (!rec)
        break;
      fill_command (rec, diag, section, notice);
      rec->reason_hint = family ? family->reason : NULL;
      if (f->status)
        record_set (rec, BOUNCE_FIELD_STATUS, f->status);
      if (f->action)
        record_set (rec, BOUNCE_FIELD_ACTION, f->action);
      added++;
    }

  /* a notice that names no address of its own: the returned message's To, a
   * header block quoted after the notice, or the VERP address */
  if (added == 0 && !had_records && notice && bounce_like)
    {
      char *to = address_normalise (mime_original (msg, "To"));
      if (!to)
        to = quoted_to (notice + s.end_at, notice + len);
      for (guint i = notice_index + 1; !to && i < msg->text->len; i++)
        {
          const char *t = g_ptr_array_index (msg->text, i);
          to = quoted_to (t, t + strnlen (t, MAX_TEXT_PART));
        }
      if (!to)
        to = verp_recipient (msg);
      if (to && !text_excluded (to, msg, family && (family->flags & DETECT_ORIGINAL_TO)))
        {
          char *diag = shared ? g_strdup (shared) : section_diag (notice, s.end_at, family);
          BounceRecord *rec = add_record (report, to, diag, source);
          if (rec)
            {
              fill_command (rec, diag, section, notice);
              rec->reason_hint = family ? family->reason : NULL;
              added++;
            }
          g_free (diag);
        }
      g_free (to);
    }
  /* records of a delivery-status part the notice does not name */
  for (guint i = 0; had_records && notice && i < bounce_report_n_records (report); i++)
    fill_command ((BounceRecord *) bounce_report_get_record (report, i), NULL, section, notice);
  g_free (section);
  scan_free (&s);
  g_free (notice);
  g_free (source);
  return added;
}
