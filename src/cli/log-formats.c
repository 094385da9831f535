/* log-formats.c: one line of an MTA's log -> what it says about a message: a
 * delivery attempt to a recipient, the message's sender or Message-ID, or the end
 * of its queue id. Each reader follows the MTA's own code that writes the line:
 *
 * POSTFIX (3.7). Delivery agents (smtp, lmtp, local, virtual, pipe, error) log
 * each attempt through log_adhoc() in src/global/log_adhoc.c:
 *   QID: to=<rcpt>[, orig_to=<orig>], relay=R, delay=D, delays=a/b/c/d, dsn=X.Y.Z,
 *   status=STATUS (REASON)
 * STATUS is sent, bounced or deferred (also expired, undeliverable, deliverable:
 * not delivery attempts). REASON, from src/smtp/smtp_proto.c, is "host H said:
 * REPLY (in reply to COMMAND)" or "host H refused to talk to me: REPLY" for a
 * remote refusal, else Postfix's own words. The message's Message-ID comes from
 * cleanup ("QID: message-id=<...>", src/cleanup/cleanup_message.c), its sender
 * from qmgr ("QID: from=<...>, size=...", src/qmgr/qmgr_active.c), and qmgr ends
 * the queue id with "QID: removed" (qmgr_active.c). A message whose time in the
 * queue ran out is returned with "QID: from=<...>, status=expired, returned to
 * sender" (qmgr_active.c): its recipients still deferred have failed.
 *
 * EXIM (4.96). src/deliver.c writes one main-log line per attempt:
 * delivery_log() "=>" (first address of a delivery) and "->" (the others),
 * deferral_log() "==", failure_log() "**"; each is
 *   ID FLAG ADDRESS [<ORIGINAL>] [R=router] [T=transport] [defer (errno)[: strerror]]
 *   [H=host [ip]] ...: MESSAGE
 * and a remote refusal's MESSAGE is src/transports/smtp.c's "SMTP error from
 * remote mail server after COMMAND: REPLY" (line ends written "\n"). The
 * reception line "ID <= SENDER ... id=MESSAGE-ID" (receive.c) gives the sender
 * and Message-ID (receive_msg() in receive.c; "id*=" when Exim wrote the field
 * itself); "ID Completed" (deliver.c) ends the id.
 *
 * SENDMAIL (8.17). logdelivery() in sendmail/deliver.c writes
 *   QID: to=RCPT[,RCPT...], [ctladdr=...,] delay=..., xdelay=..., mailer=M,
 *   pri=N, [relay=HOST [ip],] [dsn=X.Y.Z,] [reply=REPLY,] stat=STATUS
 * and logsender() (sendmail/headers.c) the envelope's line "QID: from=SENDER,
 * size=N, ..., msgid=<ID>, ...". stat is "Sent ..." for a delivery, "Deferred: ..." for a deferral, and the
 * error's text otherwise. Sendmail logs no end of a queue id.
 *
 * A line is read from a syslog file in any of its usual layouts ("Dec  5
 * 16:57:40 host prog[pid]: ", RFC 3339 "2026-12-05T16:57:40.123456+01:00 host
 * prog[pid]: ", Postfix's own maillog_file, the same) or, for Exim, its own main
 * log ("2026-12-05 16:56:43 [+0100] [[pid]] ID ..."). */
#include <string.h>

#include "log.h"

/* ---- pieces shared by the formats ---- */

static char *
skip_blanks (char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static char *
token_end (char *p)
{
  while (*p && *p != ' ' && *p != '\t')
    p++;
  return p;
}

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* A syslog line's time stamp, host and program: fills ev->timestamp, returns the
 * program tag ("postfix/smtp[669]") NUL-terminated and *rest the text after its
 * ": ", or NULL when the line is not of that shape. */
static char *
syslog_prefix (char *line, LogEvent *ev, char **rest)
{
  char *p = line;
  if (g_ascii_isdigit (p[0]) && strlen (p) > 19 && p[4] == '-' && p[10] == 'T')
    {
      /* RFC 3339 */
      char *e = token_end (p);
      g_strlcpy (ev->timestamp, p, MIN ((gsize) (e - p) + 1, sizeof ev->timestamp));
      p = e;
    }
  else
    {
      int month = -1;
      for (int i = 0; i < 12; i++)
        if (strncmp (p, months[i], 3) == 0 && p[3] == ' ')
          month = i;
      if (month < 0)
        return NULL;
      char *day = skip_blanks (p + 3);
      if (day[0] == '0' && g_ascii_isdigit (day[1]))
        day++; /* Postfix's maillog_file writes "Dec 05" */
      char *time = day;
      while (g_ascii_isdigit (*time))
        time++;
      if (time == day || time - day > 2 || *time != ' ')
        return NULL;
      char *tend = token_end (time + 1);
      if (tend - (time + 1) < 8 || time[3] != ':')
        return NULL;
      /* the year is not written: the stamp is kept as "Dec 5 16:57:40" */
      g_snprintf (ev->timestamp, sizeof ev->timestamp, "%s %.*s %.*s", months[month],
                  (int) (time - day), day, (int) MIN (tend - (time + 1), 15), time + 1);
      p = tend;
    }
  /* host, then "prog[pid]:" */
  p = skip_blanks (p);
  char *host_end = token_end (p);
  if (host_end == p)
    return NULL;
  char *prog = skip_blanks (host_end);
  char *colon = strstr (prog, ": ");
  if (!colon || colon == prog || memchr (prog, ' ', (gsize) (colon - prog)))
    return NULL;
  *colon = '\0';
  *rest = colon + 2;
  char *bracket = strchr (prog, '[');
  if (bracket)
    *bracket = '\0';
  return prog;
}

/* "QID: " at the start of rest: a queue id has letters and digits only, five at
 * least, and a digit or a capital letter (so "warning: " or "statistics: " are
 * not ids). NUL-terminates it; returns the text after ": ". */
static char *
queue_id (char *rest, const char **qid)
{
  char *p = rest;
  gboolean upper_or_digit = FALSE;
  while (g_ascii_isalnum (*p))
    {
      upper_or_digit |= g_ascii_isdigit (*p) || g_ascii_isupper (*p);
      p++;
    }
  if (p - rest < 5 || p[0] != ':' || p[1] != ' ' || !upper_or_digit)
    return NULL;
  *p = '\0';
  *qid = rest;
  return p + 2;
}

/* The value after key= up to the next ", " (or the end); NUL-terminates it and
 * returns it, with *next after the separator. NULL when line does not have key
 * where it is looked for (at p). */
static char *
take_value (char *p, const char *key, char **next)
{
  gsize klen = strlen (key);
  if (strncmp (p, key, klen) != 0)
    return NULL;
  char *v = p + klen;
  char *e = strstr (v, ", ");
  if (e)
    {
      *e = '\0';
      *next = e + 2;
    }
  else
    *next = v + strlen (v);
  return v;
}

/* An address in angle brackets: the brackets go. */
static char *
unbracket (char *v)
{
  gsize n = v ? strlen (v) : 0;
  if (n >= 2 && v[0] == '<' && v[n - 1] == '>')
    {
      v[n - 1] = '\0';
      return v + 1;
    }
  return v;
}

/* The host name of "mx.example.net[127.0.0.2]:25", "mx.example.net. [127.0.0.2]"
 * or "mx.example.net [127.0.0.2]:25", cut in place; NULL for "none", "local" and
 * the like (no address in brackets). */
static char *
relay_host (char *v)
{
  char *b = v ? strchr (v, '[') : NULL;
  if (!b || b == v)
    return NULL;
  char *e = b;
  while (e > v && (e[-1] == ' ' || e[-1] == '.'))
    e--;
  *e = '\0';
  return *v ? v : NULL;
}

/* ---- Postfix ---- */

/* the command a "(in reply to ...)" names, as src/smtp/smtp_proto.c writes it */
static const struct
{
  const char *words;
  const char *command;
} postfix_commands[] = {
  { "end of DATA command", "DATA" }, { "DATA command", "DATA" },
  { "RCPT TO command", "RCPT" },     { "MAIL FROM command", "MAIL" },
  { "HELO command", "HELO" },        { "EHLO command", "EHLO" },
  { "LHLO command", "EHLO" },        { "BDAT command", "BDAT" },
};

static void
postfix_reason (char *text, LogEvent *ev)
{
  /* "host H said: REPLY (in reply to COMMAND)" */
  if (strncmp (text, "host ", 5) == 0)
    {
      char *said = strstr (text, " said: ");
      char *refused = strstr (text, " refused to talk to me: ");
      char *cut = said && (!refused || said < refused) ? said : refused;
      if (cut && cut > text + 5 && !memchr (text + 5, ' ', (gsize) (cut - text - 5)))
        {
          *cut = '\0';
          char *host = relay_host (text + 5);
          if (host && !ev->remote_mta)
            ev->remote_mta = host;
          if (cut == refused)
            {
              ev->command = "CONN";
              text = cut + strlen (" refused to talk to me: ");
            }
          else
            text = cut + strlen (" said: ");
        }
    }
  gsize n = strlen (text);
  char *in = g_strrstr (text, " (in reply to ");
  if (in && n > 0 && text[n - 1] == ')')
    {
      text[n - 1] = '\0';
      const char *words = in + strlen (" (in reply to ");
      for (gsize i = 0; i < G_N_ELEMENTS (postfix_commands); i++)
        if (strcmp (words, postfix_commands[i].words) == 0)
          ev->command = postfix_commands[i].command;
      *in = '\0';
    }
  ev->diag = text;
}

gboolean
log_parse_postfix (char *line, LogEvent *ev)
{
  char *rest;
  char *prog = syslog_prefix (line, ev, &rest);
  /* "postfix/smtp", "postfix-out/smtp", "postfix/submission/smtpd" */
  if (!prog || strncmp (prog, "postfix", 7) != 0 || !strchr (prog, '/'))
    return FALSE;
  const char *service = strrchr (prog, '/') + 1;
  char *p = queue_id (rest, &ev->qid);
  if (!p)
    return TRUE;
  if (strcmp (service, "cleanup") == 0 && strncmp (p, "message-id=", 11) == 0)
    {
      char *v = p + 11;
      ev->kind = LOG_INFO;
      ev->message_id = *v && strcmp (v, "<>") != 0 ? v : NULL;
      return TRUE;
    }
  if (strcmp (service, "qmgr") == 0)
    {
      if (strcmp (p, "removed") == 0)
        {
          ev->kind = LOG_END;
          return TRUE;
        }
      char *next;
      char *from = take_value (p, "from=", &next);
      /* "status=expired" or "status=force-expired" (postsuper -e) */
      if (from && strncmp (next, "status=", 7) == 0 && strstr (next, "expired, returned to sender"))
        {
          ev->kind = LOG_EXPIRE;
          return TRUE;
        }
      if (from && strstr (next, "size=") == next)
        {
          ev->kind = LOG_INFO;
          ev->sender = unbracket (from);
          if (!*ev->sender)
            ev->sender = NULL;
        }
      return TRUE;
    }
  if (strncmp (p, "to=", 3) != 0)
    return TRUE;
  /* the delivery status is last: ", dsn=X.Y.Z, status=WORD (REASON)" */
  char *status = g_strrstr (p, ", status=");
  char *dsn = status ? g_strrstr_len (p, status - p, ", dsn=") : NULL;
  if (!status || !dsn)
    return TRUE;
  *status = '\0';
  *dsn = '\0';
  char *word = status + 9;
  char *reason = strchr (word, ' ');
  if (reason)
    {
      *reason++ = '\0';
      gsize n = strlen (reason);
      if (n >= 2 && reason[0] == '(' && reason[n - 1] == ')')
        {
          reason[n - 1] = '\0';
          reason++;
        }
    }
  if (strcmp (word, "sent") == 0)
    ev->action = "delivered";
  else if (strcmp (word, "bounced") == 0)
    ev->action = "failed";
  else if (strcmp (word, "deferred") == 0)
    ev->action = "delayed";
  else
    return TRUE; /* address verification, not a delivery */
  ev->status = dsn + 6;
  ev->status_text = word;
  /* the fields before: to=<rcpt>, orig_to=<..>, relay=.., delay=.., delays=.. */
  char *next;
  ev->recipients = unbracket (take_value (p, "to=", &next));
  p = next;
  char *orig = take_value (p, "orig_to=", &next);
  if (orig)
    {
      ev->orig_to = unbracket (orig);
      p = next;
    }
  char *relay = take_value (p, "relay=", &next);
  if (relay)
    ev->remote_mta = relay_host (relay);
  if (reason && *reason)
    postfix_reason (reason, ev);
  ev->kind = LOG_DELIVERY;
  return TRUE;
}

/* ---- Exim ---- */

/* Exim's message id: 6-6-2 characters of base 62 (4.96), or the longer 6-11-4
 * of later versions. */
static gboolean
exim_id (const char *p, gsize n)
{
  const char *d1 = memchr (p, '-', n);
  const char *d2 = d1 ? memchr (d1 + 1, '-', n - (gsize) (d1 + 1 - p)) : NULL;
  if (!d1 || !d2 || d1 - p != 6 || d2 - d1 < 7 || d2 - d1 > 12 || p + n - d2 < 3
      || p + n - d2 > 5)
    return FALSE;
  for (const char *c = p; c < p + n; c++)
    if (!g_ascii_isalnum (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

/* "\n" (Exim's string_printing of a line end) -> a space, in place. */
static void
exim_unescape (char *s)
{
  char *o = s;
  for (const char *p = s; *p; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          *o++ = ' ';
          p++;
          continue;
        }
      *o++ = *p;
    }
  *o = '\0';
}

gboolean
log_parse_exim (char *line, LogEvent *ev)
{
  /* "2026-12-05 16:56:43[.123] [+0100] [[pid]] " */
  char *p = line;
  if (strlen (p) < 20 || !g_ascii_isdigit (p[0]) || p[4] != '-' || p[7] != '-' || p[10] != ' '
      || p[13] != ':' || p[16] != ':')
    return FALSE;
  char *tend = token_end (p + 11);
  g_snprintf (ev->timestamp, sizeof ev->timestamp, "%.10sT%.*s", p,
              (int) MIN (tend - (p + 11), 15), p + 11);
  p = skip_blanks (tend);
  if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]))
    {
      /* log_timezone: the offset belongs to the stamp */
      char *zend = token_end (p);
      gsize have = strlen (ev->timestamp);
      if (zend - p == 5 && have + 7 < sizeof ev->timestamp)
        g_snprintf (ev->timestamp + have, sizeof ev->timestamp - have, "%.3s:%.2s", p, p + 3);
      p = skip_blanks (zend);
    }
  if (*p == '[')
    p = skip_blanks (token_end (p));
  char *id_end = token_end (p);
  if (!exim_id (p, (gsize) (id_end - p)) || *id_end != ' ')
    return TRUE; /* Exim's own lines without a message */
  *id_end = '\0';
  ev->qid = p;
  p = id_end + 1;
  if (strcmp (p, "Completed") == 0 || strncmp (p, "Completed ", 10) == 0)
    {
      ev->kind = LOG_END;
      return TRUE;
    }
  if (strncmp (p, "<= ", 3) == 0)
    {
      char *s = p + 3;
      char *send = token_end (s);
      char *id = strstr (send, " id=");
      char *made = strstr (send, " id*=");
      if (!id && made)
        id = made + 1;
      if (id)
        {
          id += strchr (id, '=') - id + 1;
          *token_end (id) = '\0';
          ev->message_id = id;
        }
      *send = '\0';
      ev->sender = strcmp (s, "<>") != 0 ? s : NULL;
      ev->kind = LOG_INFO;
      return TRUE;
    }
  const char *action = NULL;
  if (strncmp (p, "** ", 3) == 0)
    action = "failed";
  else if (strncmp (p, "== ", 3) == 0)
    action = "delayed";
  else if (strncmp (p, "=> ", 3) == 0 || strncmp (p, "-> ", 3) == 0)
    action = "delivered";
  else
    return TRUE;
  p += 3;
  char *addr_end = token_end (p);
  gboolean bare = addr_end > p && addr_end[-1] == ':'; /* "** a@b: Unrouteable address" */
  char *after = bare && *addr_end ? addr_end + 1 : addr_end;
  if (bare)
    addr_end--;
  char *rcpt = p;
  /* the message: after the first ": " outside brackets and quotes */
  char *msg = NULL;
  int depth = 0;
  gboolean quoted = FALSE;
  for (char *c = bare ? addr_end : after; *c; c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*c == '[')
        depth++;
      else if (*c == ']' && depth > 0)
        depth--;
      else if (depth == 0 && c[0] == ':' && c[1] == ' ')
        {
          msg = c;
          break;
        }
    }
  char *fields_end = msg ? msg : after + strlen (after);
  /* H=host [ip] among the fields; C="..." the confirmation of a delivery */
  char *h = NULL, *confirm = NULL;
  for (char *c = after; c < fields_end; c++)
    if (c[-1] == ' ' && c[0] == 'H' && c[1] == '=')
      h = c + 2;
    else if (c[-1] == ' ' && c[0] == 'C' && c[1] == '=' && c[2] == '"')
      confirm = c + 3;
  if (msg)
    {
      *msg = '\0';
      ev->diag = msg + 2;
    }
  if (confirm)
    {
      char *q = strchr (confirm, '"');
      if (q)
        *q = '\0';
      if (!ev->diag)
        ev->diag = confirm;
    }
  if (h)
    {
      char *hend = token_end (h);
      *hend = '\0';
      ev->remote_mta = h;
    }
  /* a local delivery "=> user <user@example.org>": the address in brackets (none
   * when the address ends the line) */
  char *orig = *addr_end ? skip_blanks (addr_end + 1) : addr_end;
  *addr_end = '\0';
  if (!bare && *orig == '<' && orig < fields_end)
    {
      char *gt = strchr (orig, '>');
      if (gt && gt < fields_end)
        {
          *gt = '\0';
          if (!strchr (rcpt, '@'))
            rcpt = orig + 1;
          else
            ev->orig_to = orig + 1;
        }
    }
  ev->recipients = rcpt;
  ev->action = action;
  if (ev->diag)
    exim_unescape ((char *) ev->diag);
  ev->kind = LOG_DELIVERY;
  return TRUE;
}

/* ---- Sendmail ---- */

gboolean
log_parse_sendmail (char *line, LogEvent *ev)
{
  char *rest;
  char *prog = syslog_prefix (line, ev, &rest);
  if (!prog)
    return FALSE;
  const char *base = strrchr (prog, '/') ? strrchr (prog, '/') + 1 : prog;
  if (strcmp (base, "sendmail") != 0 && strcmp (base, "sm-mta") != 0
      && strncmp (base, "sm-msp", 6) != 0)
    return FALSE;
  char *p = queue_id (rest, &ev->qid);
  if (!p)
    return TRUE;
  char *next;
  if (strncmp (p, "from=", 5) == 0)
    {
      char *from = take_value (p, "from=", &next);
      ev->sender = unbracket (from);
      if (ev->sender && !*ev->sender)
        ev->sender = NULL;
      char *m = strstr (next, "msgid=");
      if (m && (m == next || m[-1] == ' '))
        ev->message_id = take_value (m, "msgid=", &next);
      ev->kind = LOG_INFO;
      return TRUE;
    }
  if (strncmp (p, "to=", 3) != 0)
    {
      /* "NEWQID: sender notify: Cannot send message for 5 days" */
      char *notify = strstr (p, ": sender notify: Cannot send message for ");
      if (!notify)
        notify = strstr (p, ": return to sender: Cannot send message for ");
      if (notify)
        {
          /* the status its DSN gives them (envelope.c, dropenvelope()) */
          ev->kind = LOG_EXPIRE;
          ev->status = "4.4.7";
        }
      return TRUE;
    }
  char *stat = g_strrstr (p, ", stat=");
  if (!stat)
    return TRUE;
  *stat = '\0';
  char *st = stat + 7;
  char *reply = strstr (p, ", reply=");
  if (reply)
    {
      *reply = '\0';
      ev->diag = reply + 8;
    }
  /* to= runs to ", delay=" or ", ctladdr=" (a list of addresses has no blank) */
  char *to = p + 3;
  char *to_end = strstr (to, ", ");
  if (!to_end)
    return TRUE;
  *to_end = '\0';
  p = to_end + 2;
  for (char *f = p; f && *f;)
    {
      char *v;
      if ((v = take_value (f, "relay=", &next)))
        ev->remote_mta = relay_host (v);
      else if ((v = take_value (f, "dsn=", &next)))
        ev->status = v;
      else
        {
          char *e = strstr (f, ", ");
          next = e ? e + 2 : NULL;
          if (e)
            *e = '\0';
        }
      f = next;
    }
  if (strncmp (st, "Sent", 4) == 0)
    ev->action = "delivered";
  else if (strncmp (st, "Deferred", 8) == 0)
    ev->action = "delayed";
  else
    ev->action = "failed";
  /* the dsn's class, when given, decides */
  if (ev->status && ev->status[0] == '2')
    ev->action = "delivered";
  else if (ev->status && ev->status[0] == '4')
    ev->action = "delayed";
  else if (ev->status && ev->status[0] == '5')
    ev->action = "failed";
  ev->status_text = st;
  if (!ev->diag)
    ev->diag = st;
  ev->recipients = to;
  ev->kind = LOG_DELIVERY;
  return TRUE;
}
