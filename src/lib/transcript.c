/* transcript.c: the session transcript a notice quotes, as Sendmail (usersmtp.c,
 * "----- Transcript of session follows -----") and Courier write it: the commands
 * sent (">>> RCPT To:<...>"), the remote's replies ("<<< 550 ..."), the host
 * headings ("... while talking to host:") and a local program's messages
 * ("mail.local: unknown user: ..."). The free-text scanner reads its lines by
 * their kind; the SMTP command finder (status.c) asks which command a
 * recipient's failure answered.
 */
#define _GNU_SOURCE /* memmem */
#include "transcript.h"

#include <string.h>

#include "ascii.h"
#include "bounds.h"
#include "status.h"

/* Transcript lines: ">>> RCPT To:<...>" (Sendmail, Courier) and the like. */
static const CommandRow transcript_commands[] = {
  { "rcpt to", "RCPT" }, { "data", "DATA" }, { "bdat", "BDAT" }, { "mail from", "MAIL" },
  { "ehlo", "EHLO" },    { "helo", "HELO" }, { "lhlo", "EHLO" },  { "starttls", "EHLO" },
  { "(initial greeting)", "CONN" },
};

TranscriptLine
transcript_line (const char *line, const char *end)
{
  const char *p = line;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (end - p >= 4 && memcmp (p, ">>> ", 4) == 0)
    return TRANSCRIPT_COMMAND;
  if (ascii_contains_case (p, end, "while talking to"))
    return TRANSCRIPT_HOST;
  if (end - p >= 4 && memcmp (p, "<<< ", 4) == 0)
    return TRANSCRIPT_REPLY;
  if (p >= end || *p == '>' || *p == '.' || g_ascii_isdigit (*p) || *p == '-')
    return TRANSCRIPT_TEXT;
  /* "program: message" */
  const char *colon = memchr (p, ':', end - p);
  if (!colon || colon == p || colon - p > 32)
    return TRANSCRIPT_TEXT;
  for (const char *c = p; c < colon; c++)
    if (!(g_ascii_isalnum (*c) || *c == '.' || *c == '-' || *c == '_' || *c == '/'))
      return TRANSCRIPT_TEXT;
  return TRANSCRIPT_PROGRAM;
}

gboolean
transcript_heading (const char *lower_line)
{
  return strstr (lower_line, "transcript of session") != NULL;
}

/* The command of a session transcript (">>> RCPT To:<...>", "<<< 550 ..."), read
 * line by line as Sendmail (usersmtp.c reply) and Courier write it:
 *   - ">>> cmd" is the last command sent before a failure reply was read, written
 *     once, before the first "<<< " reply that follows it; a reply after "... while
 *     talking to host:" with no ">>> " line came before any command: the greeting
 *     (Courier writes ">>> (initial greeting)");
 *   - a pipelining client sends RCPT TO and DATA together: ">>> DATA" then stands
 *     before the replies to the RCPT TO commands, which come first (RFC 2920
 *     § 3.1, in the order of the commands). In a DATA block a reply followed by
 *     another reply of the block, or one that names the recipient's address, answered
 *     RCPT TO; only the block's last reply can be DATA's;
 *   - the client's own lines after a reply ("550 5.1.1 <addr>... User unknown",
 *     "<addr>... Deferred: ...") say whose failure the reply was.
 * The reply of address: one that names it, else one whose client lines name it,
 * else one whose words begin with the record's diagnostic (diag); failing these,
 * unless own_only, the first failure reply, else the last command sent. An address
 * whose entry the transcript writes before any command was sent ("mail.local:
 * unknown user: ..." then "554 <addr>... ") failed in no SMTP session: "" (no
 * command, and none to look for elsewhere). */
typedef struct
{
  const char *command; /* the block's command, "CONN" before any */
  guint block;
  const char *start, *end; /* the reply's lines */
  const char *after_end;   /* the client's lines after it, up to the next reply or command */
  gboolean failed;
} TranscriptReply;

/* Does the reply r (its lines "<<< 550-...", "<<< 550 ...") from its line from
 * on begin as diag does, or diag as the rest of the reply? At least a code and
 * some words alike. A diagnostic holds a reply of several lines joined by a
 * space, as the delivery-status part and the notices that quote a reply on one
 * line write it (postfix 3.7.11 src/smtp/smtp_trouble.c, exim 4.96 src/deliver.c
 * print_dsn_diagnostic_code), or its last line alone, as Sendmail's does
 * (sendmail 8.17.1.9 sendmail/savemail.c errbody): the reply's lines are compared
 * so joined, their "<<< " left out. */
static gboolean
reply_from_begins_diag (const TranscriptReply *r, const char *from, const char *diag, gsize dlen)
{
  gsize at = 0;
  for (const char *line = from; line < r->end && at < dlen;)
    {
      const char *nl = memchr (line, '\n', r->end - line);
      const char *end = nl ? nl : r->end;
      const char *p = line;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (end - p >= 4 && memcmp (p, "<<< ", 4) == 0)
        p += 4;
      if (at > 0 && diag[at++] != ' ')
        return FALSE; /* no space where two lines join */
      gsize n = MIN ((gsize) (end - p), dlen - at);
      if (g_ascii_strncasecmp (p, diag + at, n) != 0)
        return FALSE;
      at += n;
      line = nl ? nl + 1 : r->end;
    }
  return at >= 12;
}

static gboolean
reply_begins_diag (const TranscriptReply *r, const char *diag)
{
  /* Sendmail's list writes it "(reason: %s)" (savemail.c errbody) */
  if (diag && g_ascii_strncasecmp (diag, "(reason: ", 9) == 0)
    diag += 9;
  gsize dlen = diag ? strlen (diag) : 0;
  if (dlen < 12 || (gsize) (r->end - r->start) < 16)
    return FALSE;
  for (const char *line = r->start; line && line < r->end;)
    {
      if (reply_from_begins_diag (r, line, diag, dlen))
        return TRUE;
      line = memchr (line, '\n', r->end - line);
      if (line)
        line++;
    }
  return FALSE;
}

const char *
transcript_command (const char *text, gsize len, const char *address, const char *diag,
                    gboolean own_only)
{
  const char *stop = text + len;
  const char *first_cmd = memmem (text, len, ">>> ", strlen (">>> "));
  const char *talk
      = first_cmd ? NULL : memmem (text, len, "while talking to", strlen ("while talking to"));
  if (!first_cmd && !(talk && memmem (talk, stop - talk, "\n<<< ", strlen ("\n<<< "))))
    return NULL; /* no command sent and no reply read: most texts */
  if (!first_cmd)
    first_cmd = stop;
  const char *ts = memmem (text, len, "ranscript of session", strlen ("ranscript of session"));
  if (ts && address && *address)
    {
      const char *named = NULL;
      for (const char *p = ts; p < first_cmd && !named; p++)
        if (g_ascii_strncasecmp (p, address, strlen (address)) == 0)
          named = p;
      const char *c = first_cmd > ts ? first_cmd : memmem (ts, stop - ts, ">>> ", strlen (">>> "));
      if (named && c && named < c)
        return "";
    }
  TranscriptReply replies[64];
  guint n = 0, block = 0;
  const char *command = "CONN", *last_sent = NULL;
  gboolean in_reply = FALSE;
  for (const char *line = text; line < stop && n < G_N_ELEMENTS (replies);)
    {
      const char *nl = memchr (line, '\n', stop - line);
      const char *end = nl ? nl : stop;
      const char *p = line;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      TranscriptLine kind = transcript_line (p, end);
      if (kind == TRANSCRIPT_COMMAND)
        {
          const char *cmd = p + 4;
          const char *found = NULL;
          for (gsize i = 0; i < G_N_ELEMENTS (transcript_commands) && !found; i++)
            {
              gsize k = strlen (transcript_commands[i].phrase);
              if ((gsize) (end - cmd) >= k && g_ascii_strncasecmp (cmd, transcript_commands[i].phrase, k) == 0
                  && (cmd + k == end || !ascii_word_char (cmd[k])))
                found = transcript_commands[i].command;
            }
          command = found;
          if (found)
            last_sent = found;
          block++;
          in_reply = FALSE;
        }
      else if (kind == TRANSCRIPT_HOST)
        {
          command = "CONN";
          block++;
          in_reply = FALSE;
        }
      else if (kind == TRANSCRIPT_REPLY)
        {
          /* a continuation ("550-...") goes on the reply before it */
          if (in_reply && n > 0)
            replies[n - 1].end = replies[n - 1].after_end = end;
          else
            {
              TranscriptReply *r = &replies[n++];
              r->command = command;
              r->block = block;
              r->start = p;
              r->end = r->after_end = end;
              r->failed = end - p > 4 && (p[4] == '4' || p[4] == '5');
            }
          /* the line's separator: "550-" goes on, "550 " ends the reply */
          in_reply = end - p > 7 && p[7] == '-';
        }
      else
        {
          /* the client's line right after a reply is its word on it */
          if (n > 0 && replies[n - 1].after_end == replies[n - 1].end && line > replies[n - 1].end)
            replies[n - 1].after_end = end;
          in_reply = FALSE;
        }
      line = nl ? nl + 1 : stop;
    }
  const TranscriptReply *mine = NULL;
  gsize alen = address ? strlen (address) : 0;
  for (guint pass = 0; pass < 3 && !mine; pass++)
    for (guint i = 0; i < n && !mine; i++)
      {
        const TranscriptReply *r = &replies[i];
        if (!r->failed || !r->command)
          continue;
        if (pass == 0 && alen && ascii_contains_case (r->start, r->end, address))
          mine = r;
        else if (pass == 1 && alen && ascii_contains_case (r->end, r->after_end, address))
          mine = r;
        else if (pass == 2 && reply_begins_diag (r, diag))
          mine = r; /* at least a code and some words alike */
      }
  if (!mine && own_only)
    return NULL;
  for (guint i = 0; i < n && !mine; i++)
    if (replies[i].failed && replies[i].command)
      mine = &replies[i];
  if (!mine)
    return last_sent;
  if (strcmp (mine->command, "DATA") == 0)
    {
      gboolean another = mine + 1 < replies + n && mine[1].block == mine->block;
      if (another || (alen && ascii_contains_case (mine->start, mine->end, address)))
        return "RCPT";
    }
  return mine->command;
}

/* Sendmail's delivery-status part and its "(reason: ...)" quote the last line of
 * a multi-line reply only: reply() reads each line into the one reply buffer,
 * which holds the last when the reply ends, and that buffer is the recipient's
 * status text (src sendmail 8.17.1.9 sendmail/usersmtp.c reply, smtprcptstat;
 * savemail.c errbody), while the transcript logs every line ("<<< %s") under
 * the host it talked to ("... while talking to %s:"). */
typedef struct
{
  char *last;  /* its last line, lower case */
  char *whole; /* its lines joined by spaces, where it has more than one; or NULL */
  char host[STATUS_HOST_MAX];
} WholeReply;

struct TranscriptReplies
{
  GArray *replies; /* WholeReply, in the transcript's order */
};

static void
whole_reply_clear (gpointer data)
{
  WholeReply *r = data;
  g_free (r->last);
  g_free (r->whole);
}

TranscriptReplies *
transcript_replies_read (const char *text, gsize len)
{
  if (!text || !memmem (text, len, "\n<<< ", strlen ("\n<<< ")))
    return NULL;
  TranscriptReplies *all = g_new0 (TranscriptReplies, 1);
  all->replies = g_array_new (FALSE, TRUE, sizeof (WholeReply));
  g_array_set_clear_func (all->replies, whole_reply_clear);
  const char *stop = text + len;
  GString *reply = g_string_new (NULL);
  guint lines = 0;
  char talking[STATUS_HOST_MAX] = "";
  for (const char *line = text; line < stop && all->replies->len < MAX_TRANSCRIPT_REPLIES;)
    {
      const char *nl = memchr (line, '\n', stop - line);
      const char *end = nl ? nl : stop;
      const char *p = line;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      const char *e = end;
      while (e > p && g_ascii_isspace (e[-1]))
        e--;
      TranscriptLine kind = transcript_line (p, e);
      if (kind == TRANSCRIPT_REPLY && e - p > 8)
        {
          const char *r = p + 4;
          if (reply->len)
            g_string_append_c (reply, ' ');
          g_string_append_len (reply, r, e - r);
          lines++;
          if (r[3] != '-')
            {
              /* the reply's last line, which a diagnostic may quote */
              WholeReply whole = { g_ascii_strdown (r, e - r), NULL, "" };
              if (lines > 1)
                whole.whole = g_strndup (reply->str, reply->len);
              memcpy (whole.host, talking, STATUS_HOST_MAX);
              g_array_append_val (all->replies, whole);
              g_string_truncate (reply, 0);
              lines = 0;
            }
        }
      else
        {
          if (kind == TRANSCRIPT_HOST)
            {
              char *h = g_strndup (p, e - p);
              if (!status_find_remote_host (h, talking))
                talking[0] = '\0';
              g_free (h);
            }
          g_string_truncate (reply, 0);
          lines = 0;
        }
      line = nl ? nl + 1 : stop;
    }
  g_string_free (reply, TRUE);
  return all;
}

void
transcript_replies_free (TranscriptReplies *all)
{
  if (!all)
    return;
  g_array_free (all->replies, TRUE);
  g_free (all);
}

char *
transcript_whole_reply (const TranscriptReplies *all, const char *diag, char host[STATUS_HOST_MAX])
{
  if (host)
    host[0] = '\0';
  if (!all || !diag || strlen (diag) < 8)
    return NULL;
  char *diag_lower = g_ascii_strdown (diag, -1);
  char *whole = NULL;
  for (guint i = 0; i < all->replies->len; i++)
    {
      const WholeReply *r = &g_array_index (all->replies, WholeReply, i);
      if (strlen (r->last) < 8 || !strstr (diag_lower, r->last))
        continue;
      /* the first reply whose last line the diagnostic quotes */
      if (host)
        memcpy (host, r->host, STATUS_HOST_MAX);
      whole = g_strdup (r->whole);
      break;
    }
  g_free (diag_lower);
  return whole;
}
