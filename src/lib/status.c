/* status.c: recognise status codes in untrusted text.
 *
 * A code is accepted only when it has the exact shape and stands alone: "5.1.1"
 * inside "10.5.1.1" or "v5.1.10" is not a status. Everything here scans plain
 * bytes and never reads past a NUL.
 */
#include "status.h"

#include <string.h>

#include "ascii.h"
#include "match.h"
#include "transcript.h"

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads 1..3 digits; returns how many, or 0 (also when there are more than 3). */
static gsize
read_number (const char *s, gsize len, guint *out)
{
  gsize n = 0;
  guint v = 0;
  while (n < len && is_digit (s[n]))
    {
      if (n == 3)
        return 0;
      v = v * 10 + (guint) (s[n] - '0');
      n++;
    }
  *out = v;
  return n;
}

gsize
status_parse_enhanced (const char *s, gsize len, guint *klass, guint *subject, guint *detail)
{
  if (len < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.')
    return 0;
  gsize pos = 2;
  gsize n = read_number (s + pos, len - pos, subject);
  if (n == 0)
    return 0;
  pos += n;
  if (pos >= len || s[pos] != '.')
    return 0;
  pos++;
  n = read_number (s + pos, len - pos, detail);
  if (n == 0)
    return 0;
  pos += n;
  /* "5.1.1.2" (an address) or "5.1.1a" is not a code; "5.1.1." ending a sentence is. */
  if (pos < len && (is_digit (s[pos]) || g_ascii_isalpha (s[pos]) || s[pos] == '-'
                    || s[pos] == '_' || s[pos] == '@'))
    return 0;
  if (pos + 1 < len && s[pos] == '.' && is_digit (s[pos + 1]))
    return 0;
  *klass = (guint) (s[0] - '0');
  return pos;
}

/* The enhanced code starting at text[i], if one stands there as a code: writes it to
 * out and returns its length, else 0. */
static gsize
code_at (const char *text, gsize len, gsize i, char out[STATUS_MAX])
{
  char c = text[i];
  if (c != '2' && c != '4' && c != '5')
    return 0;
  if (i > 0)
    {
      char p = text[i - 1];
      if (is_digit (p) || p == '.' || g_ascii_isalpha (p) || p == '-' || p == '_' || p == '/'
          || p == ':' || p == '@' || p == '+')
        {
          /* "#5.1.1" and "(5.1.1)" are fine; "550-5.1.1" too: '-' after a reply code;
           * "ERROR_CODE :5.1.1" too: ':' after a space. */
          gboolean ok = (p == '-' && i >= 4 && is_digit (text[i - 2]) && is_digit (text[i - 3])
                         && is_digit (text[i - 4]))
                        || (p == ':' && i >= 2 && text[i - 2] == ' ');
          if (!ok)
            return 0;
        }
    }
  guint k, s, d;
  gsize n = status_parse_enhanced (text + i, len - i, &k, &s, &d);
  if (n == 0 || n >= STATUS_MAX)
    return 0;
  memcpy (out, text + i, n);
  out[n] = '\0';
  return n;
}

gboolean
status_find_enhanced (const char *text, char out[STATUS_MAX])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  for (gsize i = 0; i + 5 <= len; i++)
    if (code_at (text, len, i, out))
      return TRUE;
  return FALSE;
}

/* Does a reply code ("550", standing alone) end just before text[i], allowing a
 * separator or two between them ("550 5.1.1", "550-5.1.1", "550-'5.7.1")? */
static gboolean
after_reply_code (const char *text, gsize i)
{
  gsize j = i;
  for (int n = 0; n < 2 && j > 0 && strchr (" -'\"", text[j - 1]); n++)
    j--;
  if (j == i || j < 3)
    return FALSE;
  if (!(text[j - 3] == '2' || text[j - 3] == '4' || text[j - 3] == '5') || !is_digit (text[j - 2])
      || !is_digit (text[j - 1]))
    return FALSE;
  return j == 3 || !(is_digit (text[j - 4]) || text[j - 4] == '.');
}

gboolean
status_find_remote_enhanced (const char *text, char out[STATUS_MAX])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  char code[STATUS_MAX];
  gboolean found = FALSE;
  for (gsize i = 0; i + 5 <= len; i++)
    if (code_at (text, len, i, code) && after_reply_code (text, i))
      {
        /* X.4.7, "delivery time expired", names no cause: the reply of the last
         * attempt quoted after it does ("554 4.4.7 Message expired ... <421
         * 4.4.2 Connection timed out>") */
        gboolean expiry = strcmp (code + 1, ".4.7") == 0;
        if (!found || !expiry)
          memcpy (out, code, STATUS_MAX);
        if (!expiry)
          return TRUE;
        found = TRUE;
      }
  return found || status_find_enhanced (text, out);
}

/* How MTAs name the host that answered: the words before the name and what
 * ends it. */
static const struct
{
  const char *lead;
  const char *ends; /* the bytes that may follow the name */
} host_leads[] = {
  /* src postfix 3.7.11 src/smtp/smtp_proto.c smtp_start ("host %s refused to talk
   * to me: %s"), smtp_trouble.c smtp_rcpt_fail ("host %s said: %s"), with %s the
   * session's "name[addr]"; smtp_connect.c smtp_connect_addr ("connect to
   * %s[%s]:%d: %m"); src exim 4.96 src/deliver.c print_address_error
   * ("host %s [%s]") */
  { "host ", "[ " },
  { "connect to ", "[" },
  /* src sendmail 8.17.1.9 sendmail/usersmtp.c reply ("... while talking to %s:"),
   * the name with its trailing dot */
  { "while talking to ", ".:" },
};

gboolean
status_find_remote_host (const char *text, char out[STATUS_HOST_MAX])
{
  if (!text)
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (host_leads); k++)
    {
      gsize lead_len = strlen (host_leads[k].lead);
      for (const char *p = strstr (text, host_leads[k].lead); p;
           p = strstr (p + lead_len, host_leads[k].lead))
        {
          const char *name = p + lead_len, *e = name;
          gboolean dot = FALSE;
          while (g_ascii_isalnum (*e) || *e == '-' || (*e == '.' && e > name && e[1] != ':'))
            dot |= *e++ == '.';
          gsize n = (gsize) (e - name);
          if (!dot || n == 0 || n >= STATUS_HOST_MAX || !*e || !strchr (host_leads[k].ends, *e))
            continue;
          if (*e == ' ' && e[1] != '[')
            continue; /* Exim's "host NAME [ADDR]" */
          for (gsize i = 0; i < n; i++)
            out[i] = g_ascii_tolower (name[i]);
          out[n] = '\0';
          return TRUE;
        }
    }
  /* Courier: the peer on a line of its own before the session's lines,
   * "name [addr]:", first in the recipient's text (src svarshavchik/courier
   * fe506ccc6d496692ea153e5b2cb0a4dc5bdb7b69
   * courier/courier/module.esmtp/esmtpclient.C talking2,
   * courier/courier/module.dsn/dsn.C format_del_info) */
  const char *name = text, *e;
  while (*name == ' ' || *name == '\t' || *name == '\n')
    name++;
  gboolean dot = FALSE;
  for (e = name; g_ascii_isalnum (*e) || *e == '-' || (*e == '.' && e > name); e++)
    dot |= *e == '.';
  gsize n = (gsize) (e - name);
  if (dot && n < STATUS_HOST_MAX && e[-1] != '.' && e[0] == ' ' && e[1] == '[')
    {
      const char *close = strchr (e + 2, ']');
      if (close && close[1] == ':' && close - e < 48)
        {
          for (gsize i = 0; i < n; i++)
            out[i] = g_ascii_tolower (name[i]);
          out[n] = '\0';
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
status_find_reply_class (const char *text, char klass, char out[4])
{
  if (!text)
    return FALSE;
  gsize len = strlen (text);
  for (gsize i = 0; i + 3 <= len; i++)
    {
      char c = text[i];
      if ((c != '2' && c != '4' && c != '5') || !is_digit (text[i + 1]) || !is_digit (text[i + 2]))
        continue;
      if (klass && c != klass)
        continue;
      if (i > 0)
        {
          char p = text[i - 1];
          /* also "#550 5.1.1 ... ##" and "smtp;550" (Exchange's diagnostic) */
          if (!(p == ' ' || p == '\t' || p == '\n' || p == ':' || p == '(' || p == '"'
                || p == '\'' || p == '[' || p == '<' || p == '#' || p == ';'))
            continue;
        }
      if (text[i + 1] > '5')
        continue;
      /* "550 ", "550-", "550" at the end; also "550:" and "550," as some notices
       * write it ("ERROR_CODE :550,"), but not "550:25" or "550,000". */
      char next = i + 3 < len ? text[i + 3] : '\0';
      char after = i + 4 < len ? text[i + 4] : '\0';
      if (!(next == '\0' || next == ' ' || next == '-' || next == '\t' || next == '\n'
            || next == '\r'
            || ((next == ':' || next == ',') && !is_digit (after))))
        continue;
      memcpy (out, text + i, 3);
      out[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

gboolean
status_find_reply (const char *text, char out[4])
{
  return status_find_reply_class (text, '\0', out);
}

/* Writes v (under 1000) in decimal at o, as "%u" does; returns the end. */
static char *
put_number (char *o, guint v)
{
  if (v >= 100)
    *o++ = (char) ('0' + v / 100);
  if (v >= 10)
    *o++ = (char) ('0' + v / 10 % 10);
  *o++ = (char) ('0' + v % 10);
  return o;
}

gboolean
status_normalise (const char *in, char out[STATUS_MAX])
{
  if (!in)
    return FALSE;
  while (*in == ' ' || *in == '\t' || *in == '#')
    in++;
  gsize len = strlen (in);
  while (len > 0 && (in[len - 1] == ' ' || in[len - 1] == '\t' || in[len - 1] == '\r'
                     || in[len - 1] == '\n' || in[len - 1] == '.'))
    len--;
  guint k, s, d;
  gsize n = status_parse_enhanced (in, len, &k, &s, &d);
  if (n > 0 && n == len)
    {
      /* "%u.%u.%u": each part has at most three digits (status_parse_enhanced) */
      char *o = put_number (out, k);
      *o++ = '.';
      o = put_number (o, s);
      *o++ = '.';
      o = put_number (o, d);
      *o = '\0';
      return TRUE;
    }
  if (len == 3 && is_digit (in[0]) && is_digit (in[1]) && is_digit (in[2]) && in[0] >= '1')
    {
      memcpy (out, in, 3);
      out[3] = '\0';
      return TRUE;
    }
  return FALSE;
}

/* ---- the SMTP command a refusal answered ------------------------------------ */

/* How MTAs say which command was refused, one row per wording. The earliest
 * wording in the text wins; a session transcript (">>> ") is read separately. */
static const CommandRow command_phrases[] = {
  /* Postfix: "(in reply to RCPT TO command)" */
  { "in reply to rcpt to command", "RCPT" },
  { "in reply to end of data command", "DATA" },
  { "in reply to data command", "DATA" },
  { "in reply to bdat command", "BDAT" },
  { "in reply to mail from command", "MAIL" },
  { "in reply to ehlo command", "EHLO" },
  { "in reply to helo command", "HELO" },
  { "in reply to lhlo command", "EHLO" },
  { "in reply to starttls command", "EHLO" },
  { "refused to talk to me", "CONN" },
  /* Exim: "SMTP error from remote mail server after RCPT TO:<...>" */
  { "after rcpt to", "RCPT" },
  { "after rcpt command", "RCPT" },
  { "after pipelined rcpt to", "RCPT" },
  { "after end of data", "DATA" },
  { "after data", "DATA" },
  { "after pipelined data", "DATA" },
  { "after bdat", "BDAT" },
  { "after mail from", "MAIL" },
  { "after pipelined mail from", "MAIL" },
  { "after ehlo", "EHLO" },
  { "after helo", "HELO" },
  { "after initial connection", "CONN" },
  /* OpenSMTPD's mta: "BANNER rejected: 554 ...", "EHLO rejected: ..." (src
   * opensmtpd 6.8.0p2 usr.sbin/smtpd/mta_session.c mta_response) */
  { "banner rejected:", "CONN" },
  { "ehlo rejected:", "EHLO" },
  { "helo rejected:", "HELO" },
  { "lhlo rejected:", "EHLO" },
  { "starttls rejected:", "EHLO" },
  /* qmail-remote */
  { "does not like recipient", "RCPT" },
  { "failed after i sent the message", "DATA" },
  { "failed on data command", "DATA" },
  { "but sender was rejected", "MAIL" },
  { "but my name was rejected", "HELO" },
  { "but greeting failed", "CONN" },
  { "wasn't able to establish an smtp connection", "CONN" },
  /* DragonFly DMA: "did not like our RCPT TO: 550 ..." */
  { "did not like our rcpt to", "RCPT" },
  { "did not like our data", "DATA" },
  { "did not like our final data", "DATA" },
  { "did not like our mail from", "MAIL" },
  /* "SMTP:RCPT host ..." and "SMTP error ... RCPT TO:" of appliances */
  { "smtp:rcpt", "RCPT" },
  { "smtp:data", "DATA" },
  { "smtp:mail", "MAIL" },
  /* Yahoo: the step in brackets after the remote's reply, "... [RCPT_TO]" */
  { "[rcpt_to]", "RCPT" },
  { "[mail_from]", "MAIL" },
  { "[data]", "DATA" },
  { "[body]", "DATA" },
  /* a labelled section: "SMTP command: DATA", "-------SMTP command\nDATA" */
  { "smtp command: rcpt", "RCPT" },
  { "smtp command rcpt", "RCPT" },
  { "smtp command: data", "DATA" },
  { "smtp command data", "DATA" },
  { "smtp command: mail from", "MAIL" },
  { "smtp command mail from", "MAIL" },
  /* Exchange and others: "... in response to RCPT TO" */
  { "in response to rcpt to", "RCPT" },
  { "in response to the rcpt to", "RCPT" },
  { "in response to data", "DATA" },
  { "in response to end of data", "DATA" },
  { "in response to mail from", "MAIL" },
  { "during rcpt to", "RCPT" },
  { "during data", "DATA" },
  { "during mail from", "MAIL" },
};

/* Bare commands in capitals, standing as words ("... RCPT ...", "MAIL FROM"):
 * the wording of appliances and of notices that name the step. */
static const CommandRow capital_commands[] = {
  { "RCPT", "RCPT" }, { "DATA", "DATA" }, { "BDAT", "BDAT" },
  { "MAIL FROM", "MAIL" }, { "EHLO", "EHLO" }, { "HELO", "HELO" },
};

const char *
status_find_command (const char *text)
{
  return status_find_command_for (text, NULL, FALSE);
}

/* The command phrases in one set (tagged with their row), and the capitals by
 * their first byte: built once, read by every thread. */
typedef struct
{
  MatchSet *phrases;
  guint8 capital[256]; /* 1 << i for each capital_commands row i starting with the byte */
  char fold[256];      /* the byte lower-cased, white space as ' ' */
} CommandIndex;

static gpointer
build_command_index (gpointer data)
{
  (void) data;
  CommandIndex *ix = g_new0 (CommandIndex, 1);
  ix->phrases = match_set_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (command_phrases); i++)
    {
      g_assert (command_phrases[i].phrase[0]);
      match_set_add (ix->phrases, command_phrases[i].phrase, (guint) i);
    }
  match_set_seal (ix->phrases);
  G_STATIC_ASSERT (G_N_ELEMENTS (capital_commands) <= 8);
  for (gsize i = 0; i < G_N_ELEMENTS (capital_commands); i++)
    {
      for (guint q = 0; q < 4; q++) /* what find_capitals skips by */
        g_assert (g_ascii_isupper (capital_commands[i].phrase[q]));
      ix->capital[(guchar) capital_commands[i].phrase[0]] |= (guint8) (1u << i);
    }
  for (guint c = 0; c < 256; c++)
    ix->fold[c] = g_ascii_isspace (c) ? ' ' : g_ascii_tolower ((char) c);
  return ix;
}

static const CommandIndex *
command_index (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_command_index, NULL);
}

/* A wording ends at a word's end: "after data" is not "after database". */
static gboolean
at_word_end (const char *text, gsize len, gsize at, gsize n, gpointer data)
{
  (void) data;
  return at + n >= len || !g_ascii_isalnum (text[at + n]);
}

/* Folds the text (lower-case, white space folded, so that wrapped lines still
 * match) and finds the earliest wording, the first row of the table where two
 * start at the same place. */
static void
read_command_text (StatusCommandText *t)
{
  const CommandIndex *ix = command_index ();
  t->len = strnlen (t->text, 16384);
  t->folded = t->len < sizeof t->small ? t->small : g_malloc (t->len + 1);
  gsize flen = 0;
  char prev = '\0';
  gsize i = 0;
  const StatusCommandText *prefix = t->prefix;
  if (prefix && prefix->folded && prefix->len <= t->len)
    {
      /* folding reads left to right with the previous byte as its only state */
      memcpy (t->folded, prefix->folded, prefix->flen);
      flen = prefix->flen;
      prev = flen ? t->folded[flen - 1] : '\0';
      i = prefix->len;
    }
  while (i < t->len)
    {
      /* eight bytes with no control byte (adding 0x60 to a byte under 0x80
       * sets its top bit from ' ' up) and no two spaces in a row fold as ASCII
       * letters do, and none of them is dropped */
      guint64 x;
      if (t->len - i >= 8)
        {
          memcpy (&x, t->text + i, 8);
          gboolean printable
              = ((((x & ~ASCII_HIGH) + G_GUINT64_CONSTANT (0x6060606060606060)) | x) & ASCII_HIGH)
                == ASCII_HIGH;
          /* the spaces, exactly: a byte that x-ored with ' ' is 0 */
          guint64 e = x ^ G_GUINT64_CONSTANT (0x2020202020202020);
          guint64 spaces = ~(((e & ~ASCII_HIGH) + G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f)) | e)
                           & ASCII_HIGH;
          if (printable && !(spaces & spaces << 8) && !(prev == ' ' && (spaces & 0x80)))
            {
              x = ascii_lower_word (x);
              memcpy (t->folded + flen, &x, 8);
              flen += 8;
              i += 8;
              prev = t->folded[flen - 1];
              continue;
            }
        }
      char c = ix->fold[(guchar) t->text[i++]];
      if (c == ' ' && prev == ' ')
        continue;
      t->folded[flen++] = prev = c;
    }
  t->folded[flen] = '\0';
  t->flen = flen;
  guint row = 0;
  t->wording = match_set_first (ix->phrases, t->folded, flen, at_word_end, NULL, &row) >= 0
                   ? command_phrases[row].command
                   : NULL;
}

/* Capitals standing as words, the first one in the text. */
static const char *
find_capitals (const char *text, gsize len)
{
  const CommandIndex *ix = command_index ();
  /* every row starts with four capitals: where text[at + 3] is none, no row starts
   * at at to at + 3 */
  for (gsize at = 0; at + 4 <= len; at++)
    {
      if (!g_ascii_isupper (text[at + 3]))
        {
          at += 3;
          continue;
        }
      guint rows = ix->capital[(guchar) text[at]];
      for (gsize i = 0; rows; i++, rows >>= 1)
        {
          if (!(rows & 1))
            continue;
          gsize n = strlen (capital_commands[i].phrase);
          if (at + n <= len && memcmp (text + at, capital_commands[i].phrase, n) == 0
              && (at == 0 || !ascii_word_char (text[at - 1])) && !ascii_word_char (text[at + n]))
            return capital_commands[i].command;
        }
    }
  return NULL;
}

void
status_command_text_init (StatusCommandText *t, const char *text)
{
  t->text = text;
  t->folded = NULL;
  t->capitals_read = FALSE;
  t->prefix = NULL;
}

void
status_command_text_set_prefix (StatusCommandText *t, const StatusCommandText *prefix)
{
  t->prefix = prefix;
}

void
status_command_text_clear (StatusCommandText *t)
{
  if (t->folded != t->small)
    g_free (t->folded);
  t->folded = NULL;
}

const char *
status_command_text_find (StatusCommandText *t, const char *address, gboolean wording_only)
{
  if (!t || !t->text || !*t->text)
    return NULL;
  if (!t->folded)
    read_command_text (t);
  const char *best = t->wording;
  if (!best && !wording_only)
    {
      best = transcript_command (t->text, t->len, address, NULL, FALSE);
      if (best && !*best)
        return NULL;
    }
  if (best || wording_only)
    return best;
  if (!t->capitals_read)
    {
      t->capitals = find_capitals (t->text, t->len);
      t->capitals_read = TRUE;
    }
  return t->capitals;
}

const char *
status_command_text_find_own (StatusCommandText *t, const char *address, const char *diag)
{
  if (!t || !t->text || !*t->text || !address || !*address)
    return NULL;
  if (!t->folded)
    read_command_text (t);
  const char *own = transcript_command (t->text, t->len, address, diag, TRUE);
  return own && *own ? own : NULL;
}

const char *
status_find_command_for (const char *text, const char *address, gboolean wording_only)
{
  StatusCommandText t;
  status_command_text_init (&t, text);
  const char *command = status_command_text_find (&t, address, wording_only);
  status_command_text_clear (&t);
  return command;
}
