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
 * The notice and its kind are chosen in notice.c, the shared phrase lists are in
 * notice-words.c, a JSON notification is read by notice-json.c and a session
 * transcript's lines by transcript.c.
 *
 * Bounded: the notice is at most MAX_TEXT_PART bytes, lines are scanned once.
 */
#define _GNU_SOURCE /* memmem */
#include "text.h"

#include <string.h>

#include "address.h"
#include "ascii.h"
#include "bounds.h"
#include "detect/detect.h"
#include "dsn.h"
#include "match.h"
#include "notice-json.h"
#include "notice-words.h"
#include "notice.h"
#include "phrases.h"
#include "status.h"
#include "transcript.h"
#include "wordings.h"

typedef struct Found
{
  char *address;
  GString *diag;
  char *status;   /* from a JSON layout */
  char *action;
  /* the entry whose lines are this one's too: named with it in one list on a
   * line, or listed on the line above it with no lines of its own */
  struct Found *with;
  gboolean run; /* with is the next entry of a run of address lines */
  char *heading; /* the heading of its list (DETECT_HEADINGS) */
  gboolean deferred_entry; /* action "delayed" from Sendmail's "<addr>... Deferred:" */
} Found;

typedef struct
{
  GPtrArray *found;     /* Found* */
  GString *shared_diag; /* the diag_begin section */
  gsize end_at;         /* offset of the end marker in the notice, or the length */
} Scan;

static char *section_diag (const char *text, gsize len, const Detector *d);

/* The length of the character at p (before end) when it is a letter that an
 * internationalized address holds as such, 0 otherwise (ASCII included): a letter,
 * digit or mark outside ASCII (RFC 6531's UTF-8 local part, RFC 5890's U-label)
 * of a script written with spaces between its words. Han, kana, hangul, Thai and
 * the like are written without them, so their text runs on into an address with
 * nothing between ("宛先bob@example.jpは"): they end an address instead. */
static gsize
address_letter_at (const char *p, const char *end)
{
  if (p >= end || (guchar) *p < 0x80)
    return 0;
  gunichar c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2 || !(g_unichar_isalnum (c) || g_unichar_ismark (c)))
    return 0;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_YI:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_UNKNOWN:
      return 0;
    default:
      return (gsize) (g_utf8_next_char (p) - p);
    }
}

/* The length of the address letter (address_letter_at) that ends at p, after
 * start; 0 when there is none. */
static gsize
address_letter_before (const char *start, const char *p)
{
  if (p <= start || (guchar) p[-1] < 0x80)
    return 0;
  const char *c = g_utf8_find_prev_char (start, p);
  return c && address_letter_at (c, p) == (gsize) (p - c) ? (gsize) (p - c) : 0;
}

/* The address starting at p: its length, or 0. The local part may be quoted;
 * the domain is a name or an address literal. Letters of other scripts than
 * ASCII count where address_letter_at says so: text that runs on after an
 * address in a script written without spaces is not taken in. */
gsize
text_address_at (const char *p, const char *end)
{
  /* no address is longer than MAX_ADDRESS: nothing past it is read, so that a scan
   * from every place of a long run reads a bounded stretch from each */
  const char *lim = end - p > MAX_ADDRESS ? p + MAX_ADDRESS : end;
  gsize n = 0;
  if (p < lim && *p == '"')
    {
      const char *close = memchr (p + 1, '"', lim - p - 1);
      if (!close || close + 1 >= lim || close[1] != '@' || close == p + 1)
        return 0;
      n = (gsize) (close - p) + 1;
    }
  else
    {
      for (gsize k; p + n < lim && p[n] != '@';)
        if ((guchar) p[n] < 0x80 && address_char (p[n]))
          n++;
        else if ((k = address_letter_at (p + n, lim)))
          n += k;
        else
          break;
      if (n == 0 || p + n >= lim || p[n] != '@')
        return 0;
      /* a URL's path or query ("//host/path?to=a@b"), not an address */
      if (memchr (p, '/', n) || memchr (p, '?', n))
        return 0;
    }
  n++; /* '@' */
  gsize domain = n;
  if (p + n < lim && p[n] == '[')
    {
      const char *close = memchr (p + n, ']', lim - p - n);
      if (!close)
        return 0;
      return (gsize) (close - p) + 1;
    }
  for (gsize k; p + n < lim;)
    if (g_ascii_isalnum (p[n]) || p[n] == '-' || p[n] == '.' || p[n] == '_')
      n++;
    else if ((k = address_letter_at (p + n, lim)))
      n += k;
    else
      break;
  if (p + n == lim && lim < end)
    return 0; /* longer than any address */
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
  g_free (f->heading);
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
      else if (end - p >= 3 && p[0] == '-' && p[1] == '-' && p[2] == ' ')
        p += 3; /* "-- address" */
      else if (end - p >= 4 && memcmp (p, "\xe2\x80\xa2", 3) == 0) /* U+2022 bullet */
        p += 3;
      else
        break;
    }
  return p;
}

/* The address after p once spaces (the ideographic one too), brackets and
 * quotes are skipped, as start and length. */
static const char *
address_after (const char *p, const char *end, gsize *len)
{
  while (p < end)
    if (strchr (" \t:<[('", *p))
      p++;
    else if (end - p >= 3 && memcmp (p, "\xe3\x80\x80", 3) == 0) /* U+3000 */
      p += 3;
    else
      break;
  gsize n = text_address_at (p, end);
  if (!n && p < end && *p == '"')
    {
      p++;
      n = text_address_at (p, end);
    }
  *len = n;
  return n ? p : NULL;
}

static const char *next_listed (const char *p, const char *end, gsize *len);

/* An entry line "<john doe@example.com>:" whose local part holds a space, as
 * qmail writes an address it keeps without its quotes (notqmail qmail-smtpd.c
 * addrparse strips them; qmail-send.c writes "<%s>:"): the address with its
 * local part quoted again (RFC 5321 § 4.1.2), "\"john doe\"@example.com", and in
 * after where the line goes on. NULL for any other line. */
static char *
unquoted_entry (const char *p, const char *end, const char **after)
{
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  if (end - p < 6 || p[0] != '<' || end[-1] != ':' || end[-2] != '>')
    return NULL;
  const char *close = end - 2, *at = NULL;
  gboolean space = FALSE;
  for (const char *c = p + 1; c < close; c++)
    {
      if (*c == '@')
        at = c;
      else if ((unsigned char) *c < ' ' || strchr ("<>\"()[],;\\", *c))
        return NULL;
      else if (*c == ' ' && !at)
        space = TRUE;
    }
  if (!space || !at || at == p + 1 || p[1] == ' ' || at[-1] == ' ' || close - at < 4
      || memchr (at, ' ', close - at) || !memchr (at, '.', close - at))
    return NULL;
  *after = end;
  return g_strdup_printf ("\"%.*s\"%.*s", (int) (at - p - 1), p + 1, (int) (close - at), at);
}

/* The address of a line that is only a display name and the address in
 * brackets ("John Smith <js@example.org>", "John Smith (mailto:js@example.org)"),
 * or a list of such entries ("Ann <a@example.org>, Bob <b@example.org>": the
 * first), as start and length; NULL for any other line. The name is a few
 * words with no colon (a label such as "From:" is no name) and no address. */
static const char *
named_address (const char *p, const char *end, gsize *len)
{
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  if (end - p < 5 || (end[-1] != '>' && end[-1] != ')'))
    return NULL;
  /* the first bracket that holds an address ("John Smith (Sales) <js@...>") */
  const char *a = NULL;
  gsize n = 0;
  for (const char *b = p; b < end && b - p <= 64 && !a; b++)
    {
      if (*b == ':' || *b == '@')
        return NULL;
      if (b == p || (*b != '<' && *b != '('))
        continue;
      char close = *b == '<' ? '>' : ')';
      const char *c = b + 1;
      if (end - c > 7 && g_ascii_strncasecmp (c, "mailto:", 7) == 0)
        c += 7;
      n = text_address_at (c, end);
      if (n && c + n < end && c[n] == close)
        a = c;
    }
  if (!a)
    return NULL;
  /* the line ends there, or goes on with the list's next entry */
  gsize next_len = 0;
  if (a + n + 1 != end && !next_listed (a + n + 1, end, &next_len))
    return NULL;
  *len = n;
  return a;
}

/* The next address of a list on one line, after the one that ends at p: "a@x,
 * b@y", "a@x; b@y", "a@x and b@y", "<a@x>, Name <b@y>". Only separators stand
 * between the two (a comma, a semicolon, an ampersand, "and", "or"), then
 * perhaps a display name before the bracketed address. Its start and length, or
 * NULL. */
static const char *
next_listed (const char *p, const char *end, gsize *len)
{
  gboolean sep = FALSE;
  for (;;)
    {
      while (p < end && strchr (" \t>\"'", *p))
        p++;
      if (p < end && (*p == ',' || *p == ';' || *p == '&'))
        p++, sep = TRUE;
      else if (end - p > 4 && g_ascii_strncasecmp (p, "and ", 4) == 0)
        p += 4, sep = TRUE;
      else if (end - p > 3 && g_ascii_strncasecmp (p, "or ", 3) == 0)
        p += 3, sep = TRUE;
      else
        break;
    }
  if (!sep || p >= end)
    return NULL;
  gsize n = 0;
  const char *a = address_after (p, end, &n);
  if (a && a - p <= 2)
    {
      *len = n;
      return a;
    }
  /* "Name <addr>": a few words with no colon, then the bracket; not a
   * contact's ("please write to <help@...>") */
  const char *b = memchr (p, '<', MIN ((gsize) (end - p), 64));
  if (!b || memchr (p, ':', (gsize) (b - p)) || memchr (p, '@', (gsize) (b - p))
      || memchr (p, ',', (gsize) (b - p)))
    return NULL;
  char *name = g_ascii_strdown (p, b - p);
  gboolean contact = contains_any (name, contact_labels) || contains_any (name, contact_words);
  g_free (name);
  if (contact)
    return NULL;
  a = address_after (b + 1, end, &n);
  if (!a || a != b + 1 || a + n >= end || a[n] != '>')
    return NULL;
  *len = n;
  return a;
}

/* Does an address written without brackets start at q and "..." follow it (a
 * Sendmail entry's "user@host... ")? */
static gboolean
bare_entry_address (const char *q, const char *end)
{
  gsize n = q < end && *q != '<' ? text_address_at (q, end) : 0;
  return n > 0 && (gsize) (end - q) >= n + 3 && memcmp (q + n, "...", 3) == 0;
}

/* The length of a reply code and the enhanced code after it, if any, with the
 * space after each: 4 for "554 ", 10 for "550 5.1.1 "; 0 where p starts no
 * reply code. */
static gsize
reply_codes_len (const char *p, const char *end)
{
  if (end - p < 5 || !g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1])
      || !g_ascii_isdigit (p[2]) || p[3] != ' ')
    return 0;
  /* "D.DDD.DDD " */
  const char *q = p + 4;
  if (!(q + 1 < end && g_ascii_isdigit (*q) && q[1] == '.'))
    return 4;
  q += 2;
  for (int part = 0; part < 2; part++)
    {
      const char *d = q;
      while (q < end && g_ascii_isdigit (*q) && q - d < 3)
        q++;
      if (q == d || q >= end || *q != (part == 0 ? '.' : ' '))
        return 4;
      q++;
    }
  return (gsize) (q - p);
}

/* The length of a Sendmail transcript entry's reply code before its address:
 * "554 " in "554 <addr>... reason", "550 5.1.1 " in "550 5.1.1 <addr>... User
 * unknown" or "550 5.1.2 user@host... Host unknown" (src sendmail 8.17.1.9
 * sendmail/err.c usrerrenh and fmtmsg: the code, the enhanced code, then the
 * address as it was given, bracketed or not, and "... "); 0 when the line is no
 * such entry (a server's reply quoted in another notice, "452 4.2.2 <addr>:
 * Mailbox full", is none). */
static gsize
entry_code_len (const char *p, const char *end)
{
  gsize n = reply_codes_len (p, end);
  if (n == 0)
    return 0;
  const char *q = p + n;
  const char *close = q < end && *q == '<' ? memchr (q, '>', (gsize) (end - q)) : NULL;
  /* (a bracketed address after the reply code alone: an entry, its "..." read by
   * the caller) */
  if (n == 4 && q < end && *q == '<')
    return n;
  if ((close && end - close > 3 && memcmp (close + 1, "...", 3) == 0) || bare_entry_address (q, end))
    return n;
  return 0;
}

/* An address that opens a recipient on this line, or NULL. rest is set to the text
 * after it; *by_lead tells that a phrase before it named it (the line is then
 * a sentence, and all of it is diagnostic). */
static char *
line_recipient (const char *line, const char *end, const char *lower, const Detector *d,
                Finder *lead_finders, gsize line_at, const char **rest, gboolean *by_lead,
                gboolean *at_start)
{
  *by_lead = FALSE;
  *at_start = FALSE;
  const char *p = skip_opening (line, end);
  const char *lp = lower + (p - line);
  for (gsize i = 0; header_labels[i]; i++)
    if ((lp[0] == header_labels[i][0] || !header_labels[i][0])
        && strncmp (lp, header_labels[i], strlen (header_labels[i])) == 0)
      return NULL;
  /* an SMTP transcript line: only the family's own lead phrases apply */
  gboolean transcript = *p == '>' || (end - p > 3 && p[0] == '<' && p[1] == '<' && p[2] == '<');
  gboolean lead_only = transcript || (d && (d->flags & DETECT_LEAD_ONLY));
  const char *start = NULL;
  gsize n = 0;
  /* "<addr>", "\"addr\"", "addr", and "554 <addr>...", "550 5.1.1 <addr>..." (a
   * Sendmail transcript) */
  const char *q = p + entry_code_len (p, end);
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
  /* the lead phrases (lead_finders: the family's, then the shared ones) */
  const char *const *leads[2] = { d ? d->lead : NULL, transcript ? NULL : shared_lead };
  /* a line with none of a list's phrases (most lines) is passed over */
  gsize lp_at = line_at + (gsize) (lp - lower), lend_at = line_at + (gsize) (end - line);
  for (int k = 0; k < 2; k++)
    if (leads[k] && !finder_in (&lead_finders[k], lp_at, lend_at))
      leads[k] = NULL;
  gboolean family_lead = FALSE;
  for (int k = 0; k < 2 && !start; k++)
    for (gsize i = 0; leads[k] && leads[k][i] && !start; i++)
      {
        const char *hit = strstr (lp, leads[k][i]);
        while (hit && !start)
          {
            /* a shared label that a contact's word starts names the contact
             * ("Sender Address: ...") */
            gsize lead_len = strlen (leads[k][i]);
            if (k == 1 && leads[k][i][lead_len - 1] == ':' && hit - lp < 40
                && contains_any_n (lp, (gsize) (hit - lp), contact_labels))
              break;
            start = address_after (p + (hit - lp) + lead_len, end, &n);
            if (start)
              *by_lead = TRUE, family_lead = k == 0;
            else
              hit = strstr (hit + 1, leads[k][i]);
          }
      }
  /* "Label: addr" with a short label that is not a contact's ("Help desk:"),
   * the ASCII or the full-width colon */
  if (!start && !lead_only)
    {
      const char *colon = memchr (p, ':', end - p);
      const char *wide = memmem (p, MIN (end - p, 48), "\xef\xbc\x9a", 3);
      gsize clen = 1;
      if (wide && (!colon || wide < colon))
        colon = wide, clen = 3;
      gboolean contact = colon && colon - p < 40
                         && contains_any_n (lp, (gsize) (colon - p), contact_labels);
      if (colon && colon - p < 40 && !contact && !(colon + clen < end && colon[clen] == '/'))
        {
          const char *a = address_after (colon + clen, end, &n);
          if (a && (a + n == end || strchr (">\"' ,;", a[n])))
            {
              start = a;
              *by_lead = TRUE; /* the label is often the error ("Unknown user: ") */
            }
        }
    }
  /* "Name <addr>", "Name (addr)", "Name (mailto:addr)": a whole line that is a
   * display name and the address in brackets after it, in the notice of a
   * family that lists its recipients (elsewhere such a line is as often a
   * contact's, "IT Support <help@example.org>") */
  gboolean named = FALSE;
  if (!start && !lead_only && d)
    named = (start = named_address (p, end, &n)) != NULL;
  if (!start && !lead_only)
    {
      const char *after = NULL;
      char *quoted = unquoted_entry (p, end, &after);
      char *addr = quoted ? address_normalise (quoted) : NULL;
      g_free (quoted);
      if (addr)
        {
          *at_start = TRUE;
          *rest = after;
        }
      return addr;
    }
  if (!start)
    return NULL;
  /* a message identifier on the line ("Message-ID of your message: <...>"),
   * unless the family's own phrase names the address; an example in help text */
  for (gsize i = 0; !family_lead && id_words[i]; i++)
    {
      const char *w = strstr (lp, id_words[i]);
      if (w && p + (w - lp) < start)
        return NULL;
    }
  for (gsize i = 0; example_words[i]; i++)
    if (memmem (lp, (gsize) (start - p), example_words[i], strlen (example_words[i])))
      return NULL;
  char *raw = g_strndup (start, n);
  char *addr = address_normalise (raw);
  g_free (raw);
  if (!addr)
    return NULL;
  const char *after = start + n;
  while (after < end && strchr (">\"':.;,] ", *after))
    after++;
  if (named && after < end && *after == ')')
    after++; /* its own bracket, not one of the line before */
  *rest = after;
  return addr;
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
  /* a postmaster is someone to write to, unless the notice lists it where
   * recipients stand or the returned message was sent to it */
  gboolean out = contains_any (lower, daemons)
                 || (g_str_has_prefix (lower, "postmaster@") && msg && !listed
                     && !address_same (mime_original (msg, "To"), addr));
  g_free (lower);
  if (out || !msg)
    return out;
  /* the notice's From and Return-Path, and the returned message's From, unless
   * the returned message was sent to that address: a receiver that sends its
   * notice as the address it could not deliver to (Postal's BounceMessage), mail
   * to oneself (the bounce's To is then the failed recipient too, see below) */
  gboolean returned_to = address_same (mime_original (msg, "To"), addr);
  if (!returned_to
      && (address_same (mime_get (msg, "From"), addr)
          || address_same (mime_get (msg, "Return-Path"), addr)
          || address_same (mime_original (msg, "From"), addr)))
    return TRUE;
  /* message identifiers look like addresses */
  if (address_same (mime_get (msg, "Message-ID"), addr)
      || address_same (mime_get (msg, "In-Reply-To"), addr)
      || address_same (mime_original (msg, "Message-ID"), addr))
    return TRUE;
  if (!listed && !returned_to && address_same (mime_get (msg, "To"), addr))
    return TRUE;
  /* in a forward of a notice, the notice's own addressee: the sender */
  return !listed && returned_to && notice_forwards_notice (msg);
}

/* A line that is one bare local part, flush left ("joesmith"): a screen name,
 * the way a provider's notice lists its own users (AOL's). Completed with the
 * domain of the returned message's To that holds that local part, else with the
 * notice's own domain when it is a mailbox provider's (a receiver of the wording
 * table); NULL otherwise. */
static char *
screen_name_address (const char *line, const char *end, const MimeMessage *msg)
{
  gsize n = (gsize) (end - line);
  while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
    n--;
  if (n < 2 || n > 64 || !g_ascii_isalpha (line[0]))
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (line[i]) && !strchr ("._+-", line[i]))
      return NULL;
  char *local = g_strndup (line, n);
  char *found = NULL;
  const char *to = msg ? mime_original (msg, "To") : NULL;
  char **parts = to ? g_strsplit_set (to, ",;", 64) : NULL;
  for (char **p = parts; p && *p && !found; p++)
    {
      char *a = address_normalise (*p);
      if (a && g_ascii_strncasecmp (a, local, n) == 0 && a[n] == '@')
        found = g_steal_pointer (&a);
      g_free (a);
    }
  g_strfreev (parts);
  if (!found && msg)
    {
      char *from = address_normalise (mime_get (msg, "From"));
      const char *domain = from ? strchr (from, '@') : NULL;
      if (domain && wordings_receiver_of_host (domain + 1))
        found = g_strconcat (local, domain, NULL);
      g_free (from);
    }
  g_free (local);
  return found;
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

/* The rest of a recipient line after its address when it only repeats it as a
 * link: Outlook renders an address "kim@example.net<mailto:kim@example.net>". */
static const char *
after_address_link (const char *rest, const char *end, const char *addr)
{
  gsize n = strlen (addr);
  if (end - rest >= (gssize) (n + 9) && g_ascii_strncasecmp (rest, "<mailto:", 8) == 0
      && g_ascii_strncasecmp (rest + 8, addr, n) == 0 && rest[8 + n] == '>')
    return rest + 9 + n;
  return rest;
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

/* A line that is a header field of the returned message, quoted in the notice
 * ("Subject: ...", "To: ..."): never diagnostic text. */
static gboolean
header_line (const char *line, const char *end, const char *lower)
{
  const char *p = skip_opening (line, end);
  const char *lp = lower + (p - line);
  static const char *const fields[] = { "to:", "from:", "cc:", "bcc:", "subject:", "date:",
                                        "sent:", "message-id:", "reply-to:", "return-path:",
                                        "in-reply-to:", "references:", NULL };
  for (gsize i = 0; fields[i]; i++)
    if ((lp[0] == fields[i][0] || !fields[i][0]) && strncmp (lp, fields[i], strlen (fields[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Where a boilerplate phrase of the family (skip) cuts the line: G_MAXSIZE when
 * there is none; else the length of the sentences before it, which are kept when
 * the boilerplate starts a sentence of its own ("The recipient server did not
 * accept our requests to connect. Learn more at https://..."); 0 drops the line. */
static gsize
skip_cut (Finder *skip, gsize line_at, gsize line_end)
{
  const char *lower = skip->text + line_at;
  const char *first = NULL;
  if (skip->set)
    {
      gsize at = finder_next (skip, line_at);
      if (at < line_end)
        first = skip->text + at;
    }
  for (gsize i = 0; !skip->set && skip->list && skip->list[i]; i++)
    {
      const char *hit = strstr (lower, skip->list[i]);
      if (hit && (!first || hit < first))
        first = hit;
    }
  if (!first)
    return G_MAXSIZE;
  const char *e = first;
  while (e > lower && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  if (e > lower && e < first && (e[-1] == '.' || e[-1] == '!'))
    return (gsize) (e - lower);
  return 0;
}

/* Does the rest of a line that starts with an address say that the address is
 * what another one expanded to? Postfix writes "<addr> (expanded from <alias>):"
 * (src postfix 3.7.11 src/bounce/bounce_notify_util.c bounce_recipient_log): the
 * address is then a failed recipient even where it is the returned message's
 * own From (an alias that leads back to its sender). */
static gboolean
alias_of (gboolean at_start, const char *rest, const char *end)
{
  static const char expanded[] = "(expanded from ";
  if (!at_start || !rest)
    return FALSE;
  while (rest < end && (*rest == ' ' || *rest == '>'))
    rest++;
  return (gsize) (end - rest) > strlen (expanded)
         && g_ascii_strncasecmp (rest, expanded, strlen (expanded)) == 0;
}

/* Does the line (lower case, from its first word) start with one of the phrases? */
static gboolean
starts_with_any (const char *lower, const char *const *phrases)
{
  for (gsize i = 0; phrases && phrases[i]; i++)
    if (strncmp (lower, phrases[i], strlen (phrases[i])) == 0)
      return TRUE;
  return FALSE;
}

static gboolean has_code (const char *t);

/* The blanks a line starts with. */
static gsize
line_indent (const char *line, const char *end)
{
  const char *p = line;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return (gsize) (p - line);
}

/* Is addr, on a line that goes on with the lines of the open entry (no blank
 * line between), an address the server's reply names rather than a recipient?
 * The entry's own address too, on a line folded under the entry's first (the
 * reply names the recipient it refused: "550 5.1.1 <addr>: Recipient address
 * rejected"): the line is the reply's, all of it.
 * So where the line is indented deeper than the line that opened the entry (a
 * notice folds the reply it quotes under it: Postfix at 4 columns under
 * "<addr>: host ... said:", src postfix 3.7.11 src/bounce/bounce_notify_util.c
 * bounce_print_wrap, src/util/line_wrap.c; Exim at 4 under its "  addr" line, breaking
 * the reply after ": ", src exim 4.96 src/deliver.c print_address_error), or a
 * reply code comes before it on its line ("Remote host said: 550 ... forward
 * this message to <addr>"). */
static gboolean
quoted_in_entry (const char *line, const char *end, const char *addr, const Found *current,
                 gsize current_indent)
{
  if (!current->diag->len)
    return FALSE;
  if (line_indent (line, end) > current_indent)
    return TRUE;
  if (g_ascii_strcasecmp (addr, current->address) == 0)
    return FALSE;
  gsize n = strlen (addr);
  for (const char *p = line; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, addr, n) == 0)
      {
        char *before = g_strndup (line, p - line);
        gboolean code = has_code (before);
        g_free (before);
        return code;
      }
  return FALSE;
}

/* Does the line (lower case) start a header field whose addresses are never
 * failed recipients ("message-id:", "to:"; header_labels)? */
static gboolean
starts_header_field (const char *lline)
{
  for (gsize i = 0; header_labels[i]; i++)
    if (lline[0] == header_labels[i][0])
      {
        gsize n = strlen (header_labels[i]);
        if (header_labels[i][n - 1] == ':' && strncmp (lline, header_labels[i], n) == 0)
          return TRUE;
      }
  return FALSE;
}

/* Scans the notice line by line. */
static Scan
scan (const char *text, gsize len, const Detector *d, const MimeMessage *msg)
{
  Scan s = { g_ptr_array_new_with_free_func (found_free), g_string_new (NULL), len };
  char *lower = ascii_strdown (text, (gssize) len);
  Found *current = NULL;
  gsize current_indent = 0; /* the indentation of the line that opened it */
  gboolean in_section = !(d && d->begin);
  gboolean begun = FALSE; /* a begin marker was seen */
  gboolean in_diag = FALSE, diag_done = FALSE;
  guint flags = d ? d->flags : 0;
  GString *pending = g_string_new (NULL); /* DETECT_DIAG_BEFORE */
  /* a session transcript: the remote's reply ("<<< 550 ...") and a local
   * program's message ("mail.local: unknown user: ...") written before the
   * recipient's own entry ("554 <addr>... Remote protocol error") */
  gboolean transcript = FALSE;
  GString *replies = g_string_new (NULL);
  /* the lists asked line by line; no line after the first end marker is read */
  gsize lower_len = strnlen (lower, len);
  Finder ends[2];
  finder_init (&ends[0], shared_end, lower, lower_len);
  finder_init (&ends[1], d ? d->end : NULL, lower, lower_len);
  gsize stop = lower_len;
  for (int k = 0; k < 2; k++)
    if (ends[k].set)
      stop = MIN (stop, finder_next (&ends[k], 0));
  Finder diag_begin, begin, notes, skip_list, opens, leads[2];
  /* the line of an entry that opens (d->opens), for the families that have them */
  GString *opener = d && d->opens ? g_string_new (NULL) : NULL;
  finder_init (&diag_begin, d ? d->diag_begin : NULL, lower, stop);
  finder_init (&begin, d ? d->begin : NULL, lower, stop);
  finder_init (&notes, d ? d->notes : NULL, lower, stop);
  finder_init (&skip_list, d ? d->skip : NULL, lower, stop);
  finder_init (&opens, d ? d->opens : NULL, lower, stop);
  finder_init (&leads[0], d ? d->lead : NULL, lower, stop);
  finder_init (&leads[1], shared_lead, lower, stop);
  gsize pos = 0;
  /* the entry of the line before when it was only an address, and where the
   * line after it starts */
  Found *bare_found = NULL;
  gsize bare_next = G_MAXSIZE;
  /* the heading of the list being read, and whether its recipients are retried */
  GString *heading = d && (flags & DETECT_HEADINGS) ? g_string_new (NULL) : NULL;
  gboolean retrying = FALSE;
  /* the lower case of the last line that was not indented (the field an
   * indented line continues) */
  const char *head_line = NULL;
  while (pos < len)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      const char *end = nl ? nl : text + len;
      gsize next = (gsize) (end - text) + (nl ? 1 : 0);
      /* the line's lower case read in place: ended for the line, then restored */
      char *lline = lower + pos;
      char *lend = lower + (end - text);
      char saved = *lend;
      *lend = '\0';
      gsize line_at = pos, line_end = (gsize) (end - text);
      pos = next;
      /* an indented line after such a field is the field's ("Message-ID:\n
       * <id@host>", "To: a@x,\n  b@y") */
      gboolean indented = (*line == ' ' || *line == '\t') && !is_blank (line, end);
      gboolean field_continued = indented && head_line && starts_header_field (head_line);
      if (!indented)
        head_line = lline;

      if (transcript_heading (lline))
        {
          transcript = TRUE;
          /* the session transcript is no one recipient's text where the list
           * above it named several: each one's lines in it are found by its
           * address ("554 <addr>... reason") */
          if (s.found->len > 1)
            current = NULL;
        }
      if (finder_in (&ends[0], line_at, line_end) || finder_in (&ends[1], line_at, line_end))
        {
          s.end_at = line_at;
          *lend = saved;
          break;
        }
      if (d && !diag_done && !in_diag && finder_in (&diag_begin, line_at, line_end))
        {
          in_diag = TRUE;
          current = NULL;
          *lend = saved;
          continue;
        }
      if (in_diag && d && d->begin && !in_section && finder_in (&begin, line_at, line_end))
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
          else if (!rule_line (lline))
            {
              gsize cut = skip_cut (&skip_list, line_at, line_end);
              if (cut > 0)
                append_diag (s.shared_diag, line, cut == G_MAXSIZE ? end : line + cut);
            }
          *lend = saved;
          continue;
        }
      if (heading && finder_in (&begin, line_at, line_end))
        {
          /* the heading of the list below it */
          g_string_truncate (heading, 0);
          append_diag (heading, line, end);
          retrying = contains_any (lline, d->retry);
          current = NULL;
          in_section = begun = TRUE;
          *lend = saved;
          continue;
        }
      if (!in_section)
        {
          in_section = begun = finder_in (&begin, line_at, line_end);
          *lend = saved;
          continue;
        }
      if (d && finder_in (&notes, line_at, line_end))
        {
          /* the family's explanation for every recipient */
          append_diag (s.shared_diag, line, end);
          *lend = saved;
          continue;
        }
      if (opener && finder_in (&opens, line_at, line_end)
          && starts_with_any (lline + (skip_opening (line, end) - line), d->opens))
        {
          /* an entry whose address a later line names: what follows is not the
           * previous recipient's */
          current = NULL;
          g_string_truncate (opener, 0);
          append_diag (opener, line, end);
          *lend = saved;
          continue;
        }
      TranscriptLine kind = transcript_line (line, end);
      if (kind == TRANSCRIPT_COMMAND || kind == TRANSCRIPT_HOST)
        {
          g_string_truncate (replies, 0); /* a new command or host */
          /* under a list of several, a recipient's entry in the transcript
           * ("<addr>... Deferred: 452 ...") ends where the next host's or
           * command's lines begin */
          if (transcript && s.found->len > 1)
            current = NULL;
        }
      gsize cut = d ? skip_cut (&skip_list, line_at, line_end) : G_MAXSIZE;
      gboolean skip = cut != G_MAXSIZE;
      const char *rest = NULL;
      gboolean by_lead = FALSE, at_start = FALSE;
      char *addr = skip || field_continued
                       ? NULL
                       : line_recipient (line, end, lline, d, leads, line_at, &rest, &by_lead,
                                         &at_start);
      *lend = saved;
      /* in the family's recipient list, before any address: a screen name */
      if (!addr && !skip && begun && !current && s.found->len == 0)
        addr = screen_name_address (line, end, msg);
      if (addr && current && kind == TRANSCRIPT_TEXT && quoted_in_entry (line, end, addr, current, current_indent))
        {
          /* an address in the reply the open entry quotes, not a recipient */
          append_diag (current->diag, line, end);
          g_free (addr);
          *lend = saved;
          continue;
        }
      if (addr && rest && *rest == ')')
        {
          /* the address closes a parenthesis of the line before ("(expanded
           * from\n    <alias>): ..."): a continuation, not a recipient */
          g_free (addr);
          addr = NULL;
        }
      if (addr && (!text_excluded (addr, msg, begun && at_start) || alias_of (at_start, rest, end)))
        {
          Found *f = find_or_add (s.found, addr);
          gsize had_lines = f ? f->diag->len : 0;
          gboolean continued = f && f == current; /* the entry being read goes on */
          if (f && f != current && (flags & DETECT_DIAG_BEFORE) && pending->len)
            append_diag (f->diag, pending->str, pending->str + pending->len);
          g_string_truncate (pending, 0);
          if (f && opener && opener->len)
            append_diag (f->diag, opener->str, opener->str + opener->len);
          if (opener)
            g_string_truncate (opener, 0);
          current = f;
          current_indent = line_indent (line, end);
          /* Sendmail's entry of a recipient it retries, "<addr>... Deferred: 452
           * ..." (sendmail 8.17.1.9 libsm/strexit.c, EX_TEMPFAIL's "Deferred";
           * sendmail/deliver.c giveresponse) */
          if (f && !f->action && rest && rest - line >= 4 && memcmp (rest - 4, "... ", 4) == 0
              && end - rest >= 9 && memcmp (rest, "Deferred:", 9) == 0)
            {
              f->action = g_strdup ("delayed");
              f->deferred_entry = TRUE;
            }
          if (f && heading && heading->len && !f->heading)
            {
              f->heading = g_strdup (heading->str);
              if (retrying && !f->action)
                f->action = g_strdup ("delayed");
            }
          /* a transcript's "554 <addr>... reason" is a whole entry, its reply
           * code with it: the lines after it are the next host's or the next
           * recipient's; the reply and messages written before it are the
           * reason it sums up */
          gsize code_len = entry_code_len (line, end);
          /* (such a summary right under the entry it names, "Remote host
           * said:" over "550 5.1.1 <addr>... User Unknown", is a line of it) */
          gboolean whole = continued && code_len > 4;
          gboolean reply_entry = code_len > 0 && !whole;
          /* (Sendmail's own summary, "554 <addr>... reason", carries its own
           * code, not the server's: only the words after the address count;
           * but where no server reply came before it, a summary with an
           * enhanced code, "550 5.1.2 <addr>... Host unknown", is the only
           * statement of the cause, its code with it) */
          const char *close
              = reply_entry ? memchr (line + code_len, '>', end - line - code_len) : NULL;
          gboolean own_summary = close && end - close > 3 && memcmp (close + 1, "...", 3) == 0;
          if (own_summary && code_len > 4 && replies->len == 0)
            own_summary = FALSE;
          /* (the transcript's summary of an entry the list gave its reason
           * already, "(reason: 550 5.1.1 ...)", only repeats it) */
          gboolean repeat = code_len > 4 && had_lines > 0 && !continued;
          /* more addresses listed with it on the line ("a@x, b@y", "a@x and
           * b@y"): they share its lines; the diagnostic is what follows the list */
          const char *list_end = rest, *q = rest;
          while (q && q > line && strchr (",; \t>\"'", q[-1]))
            q--; /* back to the first address's end, the separator after it */
          for (; q && current && !reply_entry;)
            {
              gsize sn = 0;
              const char *sa = next_listed (q, end, &sn);
              if (!sa)
                break;
              q = list_end = sa + sn;
              while (list_end < end && strchr (">\"':.;,] ", *list_end))
                list_end++;
              char *raw = g_strndup (sa, sn);
              char *other = address_normalise (raw);
              g_free (raw);
              Found *g = other && !text_excluded (other, msg, begun && at_start)
                             ? find_or_add (s.found, other)
                             : NULL;
              if (g && g != current && g->diag->len == 0 && !g->with)
                g->with = current;
              g_free (other);
            }
          /* a run of lines that are each only an address, with the lines after
           * the last: the recipients share them (Domino's "was not delivered
           * to:" list above one "because:") */
          gboolean bare = !by_lead && rest && list_end == rest && is_blank (rest, end);
          if (bare && current && bare_found && bare_found != current && bare_next == line_at
              && bare_found->diag->len == 0 && !bare_found->with)
            bare_found->with = current, bare_found->run = TRUE;
          bare_found = bare ? current : NULL;
          bare_next = bare ? pos : G_MAXSIZE;
          if (repeat)
            ;
          else if (current && (by_lead || whole || (reply_entry && !own_summary)))
            append_diag (current->diag, line, end);
          else if (current && list_end)
            append_diag (current->diag, after_address_link (list_end, end, addr), end);
          if (reply_entry)
            {
              if (current && replies->len && !repeat)
                append_diag (current->diag, replies->str, replies->str + replies->len);
              current = NULL;
            }
          g_string_truncate (replies, 0);
        }
      else if (is_blank (line, end))
        {
          if (!(flags & DETECT_BLANK_KEEPS))
            current = NULL; /* a blank line closes the recipient */
        }
      else if (skip)
        {
          if (current && cut > 0)
            append_diag (current->diag, line, line + cut); /* the sentences before it */
        }
      else if (rule_line (line))
        current = NULL; /* a ruler closes the recipient */
      else if (header_line (line, end, lower + line_at))
        ; /* a header of the returned message ("Subject: ...") */
      else if (current && !(line[0] == '>' || strncmp (line, "   -----", 8) == 0))
        {
          /* lines right under the last address of a run are that entry's own
           * (Exim writes each address with its own lines, one with none has
           * no cause stated): the run shares nothing */
          if (line_at == bare_next && current == bare_found)
            for (guint i = 0; i < s.found->len; i++)
              {
                Found *f = g_ptr_array_index (s.found, i);
                if (f->with == current && f->run)
                  f->with = NULL;
              }
          append_diag (current->diag, line, end);
        }
      else if (!current && transcript
               && (kind == TRANSCRIPT_REPLY || kind == TRANSCRIPT_PROGRAM))
        append_diag (replies, line, end);
      else if (!current && (flags & DETECT_DIAG_BEFORE))
        append_diag (pending, line, end);
      g_free (addr);
    }
  /* an entry that shares another's lines and has none of its own */
  for (guint i = 0; i < s.found->len; i++)
    {
      Found *f = g_ptr_array_index (s.found, i);
      Found *g = f->with;
      for (guint k = 0; g && g->diag->len == 0 && g->with && k < s.found->len; k++)
        g = g->with;
      if (f->diag->len == 0 && g && g->diag->len)
        g_string_assign (f->diag, g->diag->str);
      if (f->diag->len == 0 && f->heading)
        g_string_assign (f->diag, f->heading);
    }
  if (heading)
    g_string_free (heading, TRUE);
  g_string_free (pending, TRUE);
  if (opener)
    g_string_free (opener, TRUE);
  g_string_free (replies, TRUE);
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

/* A recipient of a JSON notification (notice-json.c) as a Found of the scan. */
typedef struct
{
  const MimeMessage *msg;
  Scan *scan;
} JsonFound;

static void
json_found (const char *address, const char *status, const char *action, const char *diag,
            gpointer data)
{
  JsonFound *j = data;
  char *addr = address_normalise (address);
  Found *f = addr && !text_excluded (addr, j->msg, TRUE) ? find_or_add (j->scan->found, addr)
                                                         : NULL;
  g_free (addr);
  if (!f)
    return;
  if (diag && !f->diag->len)
    {
      char *type = NULL, *value = NULL;
      dsn_split_typed (diag, &type, &value);
      if (value)
        g_string_append (f->diag, value);
      g_free (type);
      g_free (value);
    }
  if (!f->status)
    f->status = g_strdup (status);
  if (!f->action)
    f->action = g_strdup (action);
}

static void
json_scan (const char *text, gsize len, const Detector *d, const MimeMessage *msg, Scan *s)
{
  JsonFound j = { msg, s };
  notice_json_each (text, len, d->json, json_found, &j);
}

/* ---- fallbacks -------------------------------------------------------------- */

/* The address of field name ("to:", "from:", lower case, with its colon) in a
 * header block quoted in the text from p on (the returned message's headers
 * pasted after the notice). */
static char *
quoted_field (const char *p, const char *end, const char *name)
{
  gsize name_len = strlen (name);
  gboolean in_headers = FALSE;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *le = nl ? nl : end;
      const char *q = p;
      while (q < le && (*q == ' ' || *q == '\t' || *q == '>'))
        q++;
      if ((gsize) (le - q) > name_len && g_ascii_strncasecmp (q, name, name_len) == 0)
        {
          char *v = g_strndup (q + name_len, le - q - name_len);
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


/* The one address that the notice's quoted replies name as their object: a
 * reply code of failure, its enhanced code if any, then the address in angle
 * brackets, as servers answer RCPT ("550 5.1.1 <addr>: Recipient address
 * rejected", src postfix 3.7.11 src/smtpd/smtpd_check.c reject_unknown_mailbox;
 * "550 5.1.1 <addr>... User unknown", src sendmail 8.17.1.9 sendmail/err.c
 * usrerrenh). NULL unless the replies name exactly one address that is not
 * excluded; a refused sender's is ("<addr>: Sender address rejected", or the
 * From of a header block quoted between quoted_at and quoted_end: the returned
 * message's headers pasted into the notice). */
static char *
reply_named_address (const char *text, gsize len, const char *quoted_at, const char *quoted_end,
                     const MimeMessage *msg)
{
  char *found = NULL;
  gboolean many = FALSE;
  const char *end = text + len;
  char *sender = quoted_field (quoted_at, quoted_end, "from:");
  for (const char *p = text; p + 5 < end && !many; p++)
    {
      if ((*p != '4' && *p != '5') || (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '.')))
        continue;
      gsize codes = reply_codes_len (p, end);
      const char *q = p + codes;
      if (!codes || q >= end || *q != '<')
        continue;
      gsize n = text_address_at (q + 1, end);
      if (!n || q + 1 + n >= end || q[1 + n] != '>')
        continue;
      char *written = g_strndup (q + 1, n);
      char *a = address_normalise (written);
      g_free (written);
      /* the words after it, up to the line's end, say whose it is */
      const char *after = q + 2 + n;
      const char *le = memchr (after, '\n', (gsize) (end - after));
      char *rest = g_ascii_strdown (after, (le ? le : end) - after);
      gboolean senders = strstr (rest, "sender") != NULL
                         || (sender && a && g_ascii_strcasecmp (sender, a) == 0);
      g_free (rest);
      if (a && !senders && !text_excluded (a, msg, FALSE))
        {
          if (!found)
            found = g_steal_pointer (&a);
          else if (g_ascii_strcasecmp (found, a) != 0)
            many = TRUE;
        }
      g_free (a);
    }
  g_free (sender);
  if (many)
    g_clear_pointer (&found, g_free);
  return found;
}

/* Where the earliest phrase of list found in lower ends, or G_MAXSIZE. */
static gsize
first_end (const char *lower, const char *const *list)
{
  gsize best = G_MAXSIZE;
  for (gsize i = 0; list[i]; i++)
    {
      const char *w = strstr (lower, list[i]);
      if (w)
        best = MIN (best, (gsize) (w - lower) + strlen (list[i]));
    }
  return best;
}

/* The one address a notice names in a sentence of its own language, when no rule
 * found a recipient: every address in the notice that is not excluded, not a
 * contact, not in a URL and not a message identifier; NULL unless exactly one. */
static char *
lone_address (const char *text, gsize len, const MimeMessage *msg)
{
  char *found = NULL;
  gboolean many = FALSE;
  const char *end = text + len;
  /* the addresses judged so far, lower case: each is judged once */
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (const char *line = text; line < end && !many;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *le = nl ? nl : end;
      /* where the line's first contact or identifier word ends: an address after
       * it has one before it (found once per line, not for each address) */
      gsize words_end = G_MAXSIZE;
      gboolean words_found = FALSE;
      const char *prev_at = NULL;
      for (const char *at = memchr (line, '@', le - line); at && !many;
           prev_at = at, at = at + 1 < le ? memchr (at + 1, '@', le - at - 1) : NULL)
        {
          /* back over the address's characters; reaching the '@' before this one
           * means the same start as for that one, already tried */
          const char *a = at;
          for (gsize k; a > line && a != prev_at;)
            if ((guchar) a[-1] < 0x80 && address_char (a[-1]) && a[-1] != '/')
              a--;
            else if ((k = address_letter_before (line, a)))
              a -= k;
            else
              break;
          if (a == prev_at && a != at)
            continue;
          gsize n = a < at ? text_address_at (a, le) : 0;
          if (!n || (a > line && strchr ("/=?&%", a[-1])))
            continue;
          if (!words_found)
            {
              words_found = TRUE;
              char *lower = g_ascii_strdown (line, le - line);
              words_end = MIN (MIN (first_end (lower, contact_words), first_end (lower, id_words)),
                              first_end (lower, example_words));
              g_free (lower);
            }
          gboolean other = words_end <= (gsize) (a - line);
          char *raw = g_strndup (a, n);
          char *addr = other ? NULL : address_normalise (raw);
          g_free (raw);
          char *key = addr ? g_ascii_strdown (addr, -1) : NULL;
          if (key && !g_hash_table_contains (seen, key))
            {
              if (!text_excluded (addr, msg, FALSE))
                {
                  if (!found)
                    found = g_strdup (addr);
                  else if (g_ascii_strcasecmp (found, addr) != 0)
                    many = TRUE;
                }
              g_hash_table_add (seen, key);
              key = NULL;
            }
          g_free (key);
          g_free (addr);
        }
      line = nl ? nl + 1 : end;
    }
  g_hash_table_destroy (seen);
  if (many)
    {
      g_free (found);
      return NULL;
    }
  return found;
}

/* Does the text hold a reply code or an enhanced status code ("550", "5.1.1")? */
static gboolean
has_code (const char *t)
{
  for (const char *p = t; *p; p++)
    if ((*p == '2' || *p == '4' || *p == '5') && (p == t || !g_ascii_isdigit (p[-1]))
        && ((g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]))
            || (p[1] == '.' && g_ascii_isdigit (p[2]))))
      return TRUE;
  return FALSE;
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

/* "75": a diagnostic that is only a program's exit status says less than any
 * words of the notice. */
static gboolean
only_exit_status (const char *diag)
{
  if (!diag || !*diag)
    return FALSE;
  for (const char *p = diag; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
fill_record (BounceRecord *rec, const char *diag, const char *source)
{
  const char *had = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
  if (diag && *diag && (!had || (only_exit_status (had) && !only_exit_status (diag))))
    record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, diag);

  if (source && !record_peek (rec, BOUNCE_FIELD_SOURCE))
    record_set (rec, BOUNCE_FIELD_SOURCE, source);
}

/* The n bytes of words, a recipient's own lines in the notice, kept beside the
 * diagnostic a delivery-status part gave it where they are the notice's own
 * prose (classify.c reads them where that diagnostic states no cause): lines
 * that quote a reply are the transcript, whose other replies (the answer to
 * DATA after a refused recipient) are no cause of this recipient's failure. */
static void
keep_notice_words (BounceRecord *rec, const char *words, gsize n)
{
  const char *had = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
  if (n == 0 || !had || rec->notice_words)
    return;
  char *own = g_strndup (words, n);
  if (strstr (had, own) || has_code (own))
    g_free (own);
  else
    rec->notice_words = own;
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
 * then a wording anywhere in the notice. Where the notice is about several
 * recipients, a fact found outside one's own lines stays with the recipient it
 * belongs to: only the transcript reply that is this recipient's own counts. A
 * success has refused nothing. */
static void
fill_command (BounceRecord *rec, const char *diag, StatusCommandText *section,
              StatusCommandText *notice, gboolean several)
{
  if (record_peek (rec, BOUNCE_FIELD_COMMAND))
    return;
  const char *action = record_peek (rec, BOUNCE_FIELD_ACTION);
  if (action && (strcmp (action, "delivered") == 0 || strcmp (action, "relayed") == 0
                 || strcmp (action, "expanded") == 0))
    return;
  const char *command = status_find_command (diag);
  const char *rcpt = record_peek (rec, BOUNCE_FIELD_RECIPIENT);
  if (!command && several)
    command = status_command_text_find_own (section, rcpt,
                                            record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC));
  if (!command && !several)
    command = status_command_text_find (section, rcpt, FALSE);
  if (!command && !several)
    command = status_command_text_find (notice, NULL, TRUE);
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

/* The address an entry's own lines say it was generated or expanded from
 * (Exim's "(generated from alias)", "(ultimately generated from alias)", src exim
 * 4.96 src/deliver.c print_address_information; Postfix's "(expanded from
 * <alias>)", src postfix 3.7.11 src/bounce/bounce_notify_util.c
 * bounce_recipient_log), or NULL. */
static char *
ancestor_of (const char *diag)
{
  static const char *const words[] = { "generated from ", "expanded from ", NULL };
  for (gsize i = 0; words[i]; i++)
    {
      const char *hit = diag ? strstr (diag, words[i]) : NULL;
      if (!hit)
        continue;
      const char *p = hit + strlen (words[i]);
      const char *end = p + strcspn (p, ")");
      while (p < end && (*p == ' ' || *p == '<'))
        p++;
      gsize n = text_address_at (p, end);
      if (n)
        {
          char *raw = g_strndup (p, n);
          char *addr = address_normalise (raw);
          g_free (raw);
          return addr;
        }
    }
  return NULL;
}

/* Does hay hold the start of needle (its first 64 characters other than
 * blanks), blanks and case aside? A diagnostic the delivery-status part wrote
 * on one line is folded in the notice. */
static gboolean
holds_start_of (const char *hay, const char *needle)
{
  GString *h = g_string_new (NULL), *n = g_string_new (NULL);
  for (const char *p = hay; p && *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (h, g_ascii_tolower (*p));
  for (const char *p = needle; p && *p && n->len < 64; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (n, g_ascii_tolower (*p));
  gboolean yes = n->len == 0 || strstr (h->str, n->str) != NULL;
  g_string_free (h, TRUE);
  g_string_free (n, TRUE);
  return yes;
}

typedef struct
{
  BounceRecord *rec; /* the alias's record */
  gboolean taken;    /* an entry took it over */
} AliasRecord;

/* A delivery-status part that names the address the sender used where the
 * notice lists what it expanded to: Exim writes an alias (the topmost ancestor)
 * as the Final-Recipient of every address generated from it (src exim 4.96
 * src/deliver.c print_dsn_addr_action), so the part's groups for one alias are
 * alike but for their diagnostics, and collapse into one record. Each entry of
 * the notice that has no record of its own and names the alias it came from is
 * a failed recipient: the first whose own lines hold the record's diagnostic
 * (or any, where the record has none) takes the record over, each other one
 * gets a record of its own with the part's action and status. The alias
 * becomes the original recipient; its record stays where no entry took it (an
 * entry Exim writes as "an undisclosed address"). Not where the notice has an
 * entry of the alias's own. */
static void
take_ancestors (BounceReport *report, GPtrArray *found)
{
  GHashTable *aliases = NULL; /* alias (lower case) -> AliasRecord */
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = g_ptr_array_index (found, i);
      if (report_find_record (report, f->address))
        continue;
      char *alias = ancestor_of (f->diag->str);
      gboolean own_entry = FALSE;
      for (guint k = 0; alias && k < found->len; k++)
        own_entry = own_entry
                    || g_ascii_strcasecmp (((Found *) g_ptr_array_index (found, k))->address,
                                           alias) == 0;
      char *key = alias && !own_entry ? g_ascii_strdown (alias, -1) : NULL;
      AliasRecord *ar = key && aliases ? g_hash_table_lookup (aliases, key) : NULL;
      if (key && !ar)
        {
          BounceRecord *rec = report_find_record (report, alias);
          if (rec)
            {
              if (!aliases)
                aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              ar = g_new0 (AliasRecord, 1);
              ar->rec = rec;
              g_hash_table_insert (aliases, g_strdup (key), ar);
            }
        }
      if (ar && !ar->taken
          && holds_start_of (f->diag->str, record_peek (ar->rec, BOUNCE_FIELD_DIAGNOSTIC)))
        {
          if (!record_peek (ar->rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT))
            record_set (ar->rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT, alias);
          record_set (ar->rec, BOUNCE_FIELD_RECIPIENT, f->address);
          ar->taken = TRUE;
        }
      else if (ar)
        {
          BounceRecord *rec = report_add_record (report);
          static const BounceField same[] = { BOUNCE_FIELD_ACTION, BOUNCE_FIELD_STATUS,
                                              BOUNCE_FIELD_LAST_ATTEMPT,
                                              BOUNCE_FIELD_WILL_RETRY_UNTIL, BOUNCE_FIELD_SOURCE };
          if (rec)
            {
              record_set (rec, BOUNCE_FIELD_RECIPIENT, f->address);
              record_set (rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT,
                          ar->taken ? record_peek (ar->rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT)
                                    : alias);
              for (gsize k = 0; k < G_N_ELEMENTS (same); k++)
                record_set (rec, same[k], record_peek (ar->rec, same[k]));
            }
        }
      g_free (key);
      g_free (alias);
    }
  if (aliases)
    g_hash_table_destroy (aliases);
}

/* The reason a notice gives all its records: its family's, or expired where the
 * notice says the sender gave up (the wording table's expired rows). Folding the
 * notice for those rows costs a pass over it: a record that would take the hint
 * is marked (hint_if_notice_gave_up) and the notice kept in the report, and
 * classify.c reads it only where giving up decides the record's reason. */
typedef struct
{
  Reason reason;        /* the family's */
  gboolean may_give_up; /* a bounce's notice: its words are read */
  gboolean taken;       /* a record waits on the notice's words */
} Hint;

static void
give_hint (BounceRecord *rec, Hint *hint)
{
  rec->reason_hint = hint->reason;
  if (!hint->reason && hint->may_give_up)
    rec->hint_if_notice_gave_up = hint->taken = TRUE;
}

guint
text_extract (BounceReport *report, const MimeMessage *msg)
{
  guint notice_index = 0;
  const char *raw = notice_pick (msg, &notice_index);
  gsize raw_len = raw ? strnlen (raw, MAX_TEXT_PART) : 0;
  char *notice = raw ? notice_prepare (raw, raw_len) : NULL;
  gsize len = notice ? strlen (notice) : 0;
  char *head = ascii_strdown (notice ? notice : "", MIN (len, 4096));
  const Detector *family = notice_pick_family (msg, head);
  /* (a notice its own text shows to be a known family's, "This is the
   * qmail-send program", is that notice whoever its From names: qmail's
   * control/bouncefrom may name anyone, src notqmail/notqmail a7012e4
   * qmail-send.c, qmail-control.9) */
  gboolean forward = notice_forwards_notice (msg) && mime_text_nested (msg)->len > 0
                     && !(family && family->body && contains_any (head, family->body));
  if (forward || (family && (family->flags & DETECT_NESTED) && mime_text_nested (msg)->len > 0))
    {
      /* a wrapper around the bounce it forwards, or a person's or a helpdesk's
       * forward of one: read the attached bounce, by its own signals */
      const char *inner = g_ptr_array_index (mime_text_nested (msg), 0);
      g_free (notice);
      g_free (head);
      notice = notice_prepare (inner, strnlen (inner, MAX_TEXT_PART));
      len = strlen (notice);
      notice_index = msg->text->len;
      head = ascii_strdown (notice, MIN (len, 4096));
      const Detector *wrapped = notice_pick_family_of (mime_original (msg, "From"),
                                             mime_original (msg, "Subject"), NULL, head);
      if (wrapped && !(wrapped->flags & DETECT_NESTED))
        family = wrapped;
      else if (forward)
        family = NULL;
    }
  report->family = family;
  gboolean had_records = bounce_report_n_records (report) > 0;
  /* a success report's recipients did not fail (when a delivery-status part
   * lists them, the notice's lines are still their diagnostics) */
  gboolean bounce_like = (family || notice_looks_like_bounce (msg, head))
                         && !notice_is_persons_reply (msg);
  bounce_like = bounce_like && (had_records || !notice_reports_success (msg, head));
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
      if (family && (family->flags & (DETECT_ORIGINAL_TO | DETECT_FROM_RECIPIENT)))
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

  if (had_records)
    take_ancestors (report, s.found);

  const char *shared = s.shared_diag && s.shared_diag->len ? s.shared_diag->str : NULL;
  gboolean delayed = notice && bounce_like && !had_records && !(family && family->json)
                     && notice_reports_delay (msg, notice, s.end_at);
  /* a "Deferred:" entry in a notice that says the sender gave up ("Message
   * could not be delivered for 5 days", "Message will be deleted from queue",
   * src sendmail 8.17.1.9 sendmail/envelope.c dropenvelope) is the last
   * attempt's answer, not a delay: the recipient failed */
  gboolean deferred_entries = FALSE;
  for (guint i = 0; s.found && i < s.found->len; i++)
    deferred_entries |= ((Found *) g_ptr_array_index (s.found, i))->deferred_entry;
  /* whether the notice says so, read once (-1: not read), kept with the notice
   * for classify.c */
  int gave_up = -1;
  if (deferred_entries && notice && !delayed)
    {
      char *folded = wordings_fold (notice, MIN (s.end_at, NOTICE_GAVE_UP_MAX));
      gave_up = wordings_gave_up (folded, family);
      g_free (folded);
      for (guint i = 0; gave_up && i < s.found->len; i++)
        {
          Found *f = g_ptr_array_index (s.found, i);
          if (f->deferred_entry)
            g_clear_pointer (&f->action, g_free);
        }
    }
  /* the family's reason, or expired where the notice says the sender gave up
   * (read by classify.c where that decides, see Hint) */
  Hint hint = { family ? family->reason : REASON_NONE, notice && bounce_like, FALSE };
  char *section = notice ? g_strndup (notice, s.end_at) : NULL;
  /* read once for all the records */
  StatusCommandText section_text, notice_text;
  StatusCommandText *section_cmd = &section_text, *notice_cmd = &notice_text;
  status_command_text_init (section_cmd, section);
  status_command_text_init (notice_cmd, notice);
  status_command_text_set_prefix (notice_cmd, section_cmd);
  char *section_once = NULL;
  gboolean section_made = FALSE;
  /* (where a delivery-status part lists the recipients, an address the notice's
   * lines begin with that it does not list is no other recipient: the sender's
   * in a diagnostic's continuation line, "    <sender@...> rejected") */
  gboolean several = had_records ? bounce_report_n_records (report) > 1
                                 : s.found->len > 1 || bounce_report_n_records (report) > 1;
  /* entries with lines of their own, before any shared text is added */
  guint n_own = 0;
  for (guint i = 0; i < s.found->len; i++)
    n_own += ((Found *) g_ptr_array_index (s.found, i))->diag->len > 0;
  for (guint i = 0; i < s.found->len; i++)
    {
      Found *f = g_ptr_array_index (s.found, i);
      gsize own_len = f->diag->len;
      /* its own lines, then the section every recipient shares */
      if (shared && !strstr (f->diag->str, shared))
        append_diag (f->diag, shared, shared + strlen (shared));
      /* named only by X-Failed-Recipients, or with no lines of its own; or the
       * only recipient of a notice no detector knows, whose own lines hold no
       * code (the reason is in a paragraph of its own) */
      gboolean thin = f->diag->len == 0
                      || (!family && s.found->len == 1 && !has_code (f->diag->str));
      /* (where a delivery-status part lists several recipients, or the notice
       * gives other recipients lines of their own, the section would bring the
       * others' codes into this one's: an entry with no lines where others
       * have theirs states no cause) */
      gboolean others_own = n_own > (f->diag->len > 0 ? 1u : 0u);
      gboolean alone = (!had_records || bounce_report_n_records (report) == 1) && !others_own;
      if (thin && notice && alone && !(family && family->json))
        {
          /* the same for every recipient: made once */
          if (!section_made)
            section_once = section_diag (notice, s.end_at, family), section_made = TRUE;
          if (section_once)
            g_string_assign (f->diag, section_once);
        }
      const char *diag = f->diag->len ? f->diag->str : NULL;
      BounceRecord *rec = report_find_record (report, f->address);
      /* the notice names the one recipient where the delivery-status part names
       * it in the MTA's own way, by an unqualified host ("user@mailhost"), or
       * by no usable address at all */
      const BounceRecord *only
          = bounce_report_n_records (report) == 1 ? bounce_report_get_record (report, 0) : NULL;
      if (!rec && had_records && s.found->len == 1 && only
          && ((family && (family->flags & DETECT_NOTICE_RECIPIENT)) || only->recipient_unusable
              || !address_qualified (record_peek (only, BOUNCE_FIELD_RECIPIENT))))
        {
          rec = (BounceRecord *) only;
          rec->recipient_unusable = FALSE;
          record_set (rec, BOUNCE_FIELD_RECIPIENT, f->address);
        }
      if (rec)
        {
          fill_record (rec, diag, NULL);
          keep_notice_words (rec, f->diag->str, own_len);
          fill_command (rec, diag, section_cmd, notice_cmd, several);
          if (!rec->reason_hint)
            give_hint (rec, &hint);
          continue;
        }
      if (had_records)
        continue; /* the delivery-status part is the authority on who failed */
      rec = add_record (report, f->address, diag, source);
      if (!rec)
        break;
      fill_command (rec, diag, section_cmd, notice_cmd, several);
      give_hint (rec, &hint);
      if (f->status)
        record_set (rec, BOUNCE_FIELD_STATUS, f->status);
      if (f->action || delayed)
        record_set (rec, BOUNCE_FIELD_ACTION, f->action ? f->action : "delayed");
      added++;
    }

  /* a notice that names no address of its own: the returned message's To, a
   * header block quoted after the notice, or the VERP address */
  if (added == 0 && !had_records && notice && bounce_like)
    {
      /* (a refusal sent in the recipient's name: its From) */
      gboolean from_recipient = family && (family->flags & DETECT_FROM_RECIPIENT) && !forward;
      /* (in a forward of a notice the attached message is the notice, whose To
       * is the sender: the message it returned is not at hand) */
      /* (the address the notice's replies name comes first: the returned
       * message may have been sent to several, or to a list) */
      char *to = forward || from_recipient ? NULL
                                           : reply_named_address (notice, s.end_at, notice,
                                                                  notice + len, msg);
      if (!to && !forward)
        to = address_normalise (from_recipient ? mime_get (msg, "From") : mime_original (msg, "To"));
      if (!to)
        to = quoted_field (notice + s.end_at, notice + len, "to:");
      for (guint i = notice_index + 1; !to && i < msg->text->len; i++)
        {
          const char *t = g_ptr_array_index (msg->text, i);
          to = quoted_field (t, t + strnlen (t, MAX_TEXT_PART), "to:");
        }
      if (!to)
        to = verp_recipient (msg);
      if (!to)
        to = lone_address (notice, s.end_at, msg);
      if (to
          && (from_recipient
              || !text_excluded (to, msg, family && (family->flags & DETECT_ORIGINAL_TO))))
        {
          char *diag = shared ? g_strdup (shared) : section_diag (notice, s.end_at, family);
          BounceRecord *rec = add_record (report, to, diag, source);
          if (rec)
            {
              fill_command (rec, diag, section_cmd, notice_cmd, several);
              give_hint (rec, &hint);
              if (delayed)
                record_set (rec, BOUNCE_FIELD_ACTION, "delayed");
              added++;
            }
          g_free (diag);
        }
      g_free (to);
    }
  /* the one record of a delivery-status part with no diagnostic, or one that is
   * only a program's exit status ("X-Unix; 255"), where the notice names no
   * entry of its own for it (a pipe it was expanded to): the notice's section
   * says more */
  if (had_records && notice && bounce_report_n_records (report) == 1 && !shared)
    {
      BounceRecord *rec = (BounceRecord *) bounce_report_get_record (report, 0);
      const char *had = record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC);
      const char *action = record_peek (rec, BOUNCE_FIELD_ACTION);
      gboolean failure = !action || g_ascii_strcasecmp (action, "failed") == 0
                         || g_ascii_strcasecmp (action, "delayed") == 0;
      if (failure && (!had || !*had || only_exit_status (had)))
        {
          if (!section_made)
            section_once = section_diag (notice, s.end_at, family), section_made = TRUE;
          fill_record (rec, section_once, NULL);
        }
    }
  /* records of a delivery-status part the notice does not name */
  for (guint i = 0; had_records && notice && i < bounce_report_n_records (report); i++)
    fill_command ((BounceRecord *) bounce_report_get_record (report, i), NULL, section_cmd,
                  notice_cmd, several);
  /* a diagnostic that quotes the last line of a reply the transcript gives
   * whole (Sendmail's): the whole reply, and the host it names for it */
  TranscriptReplies *replies = section ? transcript_replies_read (section, strlen (section)) : NULL;
  for (guint i = 0; replies && i < bounce_report_n_records (report); i++)
    {
      BounceRecord *rec = (BounceRecord *) bounce_report_get_record (report, i);
      char host[STATUS_HOST_MAX];
      char *whole
          = transcript_whole_reply (replies, record_peek (rec, BOUNCE_FIELD_DIAGNOSTIC), host);
      if (whole)
        record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, whole); /* cleaned: the lines as they came */
      g_free (whole);
      if (*host && !record_peek (rec, BOUNCE_FIELD_REMOTE_MTA))
        record_set (rec, BOUNCE_FIELD_REMOTE_MTA, host);
    }
  transcript_replies_free (replies);
  status_command_text_clear (section_cmd);
  status_command_text_clear (notice_cmd);
  g_free (section_once);
  g_free (section);
  if (hint.taken)
    {
      /* the notice a record's hint waits on: the report's now */
      report->notice = notice;
      report->notice_end = MIN (s.end_at, NOTICE_GAVE_UP_MAX);
      report->notice_gave_up = gave_up;
    }
  else
    g_free (notice);
  scan_free (&s);
  g_free (source);
  return added;
}
