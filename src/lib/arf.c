/* arf.c: feedback reports and auto-replies. */
#define _GNU_SOURCE /* memmem */
#include "arf.h"

#include <string.h>

#include "address.h"
#include "bounds.h"
#include "dsn.h"
#include "fields.h"
#include "notice.h"

static guint
add_feedback_record (BounceReport *report, const char *address, const char *type,
                     const char *diagnostic)
{
  char *rcpt = address_normalise (address);
  if (!rcpt || report_find_record (report, rcpt))
    {
      g_free (rcpt);
      return 0;
    }
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    {
      g_free (rcpt);
      return 0;
    }
  record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
  record_set (rec, BOUNCE_FIELD_FEEDBACK_TYPE, type);
  record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, diagnostic);
  record_set (rec, BOUNCE_FIELD_SOURCE, "arf");
  return 1;
}

/* The first line of the human-readable part, as the report's own summary. */
static const char *
first_text (const MimeMessage *msg, char **owned)
{
  *owned = NULL;
  if (msg->text->len == 0)
    return NULL;
  const char *t = g_ptr_array_index (msg->text, 0);
  while (*t == '\n' || *t == '\r' || *t == ' ')
    t++;
  const char *nl = strpbrk (t, "\r\n");
  *owned = nl ? g_strndup (t, nl - t) : g_strdup (t);
  return *owned;
}

guint
arf_extract (BounceReport *report, const MimeMessage *msg)
{
  guint n = 0;
  char *summary;
  const char *diag = first_text (msg, &summary);
  for (guint i = 0; i < msg->feedback->len; i++)
    {
      const char *body = g_ptr_array_index (msg->feedback, i);
      FieldBlock *block = fields_parse (body, strlen (body));
      if (block->n_dropped > 0)
        report_warn_kind (report, BOUNCE_WARNING_FIELDS_CUT,
                          "feedback report cut at %d fields (%u more counted, not kept)",
                          MAX_FIELDS, block->n_dropped);
      for (guint g = 0; g < block->n_groups; g++)
        {
          const FieldGroup *grp = &block->groups[g];
          const char *type = fields_get (grp, "Feedback-Type");
          const char *mta = fields_get (grp, "Reporting-MTA");
          if (mta && !bounce_report_get (report, BOUNCE_FIELD_REPORTING_MTA))
            {
              char *t, *v;
              dsn_split_typed (mta, &t, &v);
              report_set (report, BOUNCE_FIELD_REPORTING_MTA, v);
              g_free (t);
              g_free (v);
            }
          for (guint f = 0; f < grp->n_fields; f++)
            if (g_ascii_strcasecmp (grp->fields[f].name, "Original-Rcpt-To") == 0
                || g_ascii_strcasecmp (grp->fields[f].name, "Removal-Recipient") == 0)
              n += add_feedback_record (report, grp->fields[f].value, type, diag);
          if (n == 0)
            {
              /* no recipient field: the returned message's To */
              const char *to = mime_original (msg, "To");
              if (to)
                n += add_feedback_record (report, to, type, diag);
            }
        }
      fields_free (block);
    }
  g_free (summary);
  return n;
}

guint
arf_plain_complaint (BounceReport *report, const MimeMessage *msg)
{
  const char *subject = mime_get (msg, "Subject");
  const char *from = mime_get (msg, "From");
  const char *apple = mime_get (msg, "X-Apple-Unsubscribe");
  if (apple && g_ascii_strncasecmp (apple, "true", 4) == 0 && msg->dsn->len == 0)
    {
      /* the client's unsubscribe request: the complaining address is its sender */
      char *summary;
      const char *diag = first_text (msg, &summary);
      guint n = add_feedback_record (report, from, NULL, diag);
      g_free (summary);
      return n;
    }
  if (msg->n_original == 0 || msg->dsn->len > 0 || !subject)
    return 0;
  while (*subject == ' ' || *subject == '\t')
    subject++;
  char *from_lower = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean jmrp = g_ascii_strncasecmp (subject, "complaint about message from", 28) == 0
                  || (from_lower && strstr (from_lower, "staff@hotmail.com")
                      && g_ascii_strncasecmp (subject, "complaint", 9) == 0);
  g_free (from_lower);
  if (!jmrp)
    return 0;
  /* the reported message's recipient: Hotmail's own header for it, else its To */
  const char *rcpt = mime_original (msg, "X-HmXmrOriginalRecipient");
  if (!rcpt || !*rcpt)
    rcpt = mime_original (msg, "To");
  return add_feedback_record (report, rcpt, "abuse", subject);
}

gboolean
arf_is_json_complaint (const MimeMessage *msg)
{
  static const char *const keys[] = { "\"notificationType", "\"eventType" };
  for (guint i = 0; i < msg->text->len; i++)
    {
      const char *t = g_ptr_array_index (msg->text, i);
      gsize len = strnlen (t, 1 << 20);
      for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
        for (const char *hit = memmem (t, len, keys[k], strlen (keys[k])); hit;
             hit = memmem (hit + 1, len - (gsize) (hit + 1 - t), keys[k], strlen (keys[k])))
          {
            /* "notificationType":"Complaint", or \"notificationType\":\"Complaint\" */
            const char *p = hit + strlen (keys[k]);
            while (*p && strchr ("\\\": \t", *p))
              p++;
            if (g_ascii_strncasecmp (p, "Complaint", 9) == 0)
              return TRUE;
          }
    }
  return FALSE;
}

/* Subjects of automatic replies, lower-case: the English ones clients write, and
 * localized ones with their sources. */
static const char *const auto_reply_subjects[] = {
  "auto:", "automatic reply", "auto reply", "auto-reply", "autoreply", "out of office",
  "out of the office", "away from", "on vacation", "vacation reply", "abwesenheitsnotiz",
  /* Mailman's autoresponse subject, "Auto-response for your message to the ...
   * mailing list" (mailman/handlers/replybot.py), and its words for
   * "auto-response", in its catalogues (src mailman3 3.3.8-2~deb12u2
   * /usr/lib/python3/dist-packages/mailman/messages/<lang>/LC_MESSAGES/mailman.po) */
  "automatische antwort", "respuesta autom\xc3\xa1tica", "r\xc3\xa9ponse automatique",
  "risposta automatica", "automatisch antwoord", "resposta autom\xc3\xa1tica",
  "autoodpov\xc4\x9b\xc4\x8f", "otomatik yan\xc4\xb1t",
  "\xec\x9e\x90\xeb\x8f\x99 \xec\x9d\x91\xeb\x8b\xb5", /* 자동 응답 */
  "\xe8\x87\xaa\xe5\x8a\xa8\xe5\x9b\x9e\xe5\xa4\x8d", /* 自动回复 */
  /* KMail's default subject for the vacation replies it sets up, "Out of office
   * till %1" (VacationUtils::defaultSubject), in its catalogues (src libkf5ksieve-data
   * 4:22.12.3-1+deb12u1 /usr/share/locale/<lang>/LC_MESSAGES/libksieve.mo); the Danish
   * and Norwegian ones leave it in English */
  "\xd0\xb7\xd0\xb0 \xd0\xbc\xd0\xb5\xd0\xb6\xd0\xb0\xd0\xbc\xd0\xb8 \xd1\x83\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb8 \xd0\xb4\xd0\xbe", /* за межами установи до */
  "abwesend bis", "absent jusqu'au", "fuera de la oficina hasta", "fuori ufficio fino al",
  "afwezig tot", "poza biurem do", "borta till",
  "fora do escrit\xc3\xb3rio at\xc3\xa9", /* fora do escritório até */
  "ausente do escrit\xc3\xb3rio at\xc3\xa9", /* ausente do escritório até */
  "\xd0\xbe\xd1\x82\xd1\x81\xd1\x83\xd1\x82\xd1\x81\xd1\x82\xd0\xb2\xd1\x83\xd1\x8e \xd0\xb4\xd0\xbe", /* отсутствую до */
  "poissa t\xc3\xb6ist\xc3\xa4", /* poissa töistä */
  "tarihine kadar ofis d\xc4\xb1\xc5\x9f\xc4\xb1nda", /* tarihine kadar ofis dışında */
  "\xe4\xb8\x8d\xe5\x9c\xa8\xe8\xbe\xa6\xe5\x85\xac\xe5\xae\xa4", /* 不在辦公室 */
  /* gromox's auto-response subject (src grommunio/gromox
   * 1892eb3dc71aa45c0c8321a6627e503bb4ca9555
   * data/mail_bounce/{gb2312,big5}/BOUNCE_AUTO_RESPONSE) */
  "\xe6\x88\x91\xe5\xb7\xb2\xe6\x94\xb6\xe5\x88\xb0\xe6\x82\xa8\xe7\x9a\x84\xe9\x82\xae\xe4\xbb\xb6", /* 我已收到您的邮件 */
  "\xe6\x88\x91\xe5\xb7\xb2\xe6\x94\xb6\xe5\x88\xb0\xe6\x82\xa8\xe7\x9a\x84\xe9\x83\xb5\xe4\xbb\xb6", /* 我已收到您的郵件 */
  /* KMail's "Out of office till %1" in Estonian (src libkf5ksieve-data
   * 4:22.12.3-1+deb12u1 /usr/share/locale/et/LC_MESSAGES/libksieve.mo) */
  "\xc3\xa4ra kuni", /* ära kuni */
  /* PostfixAdmin's default subject of a vacation message, "Out of Office"
   * (pUsersVacation_subject_text: public/vacation.php fills the subject field
   * with it when the user has none, and examples/VIRTUAL_VACATION/vacation.pl
   * sends the stored subject as the reply's, with no Auto-Submitted field), in
   * its catalogues (src postfixadmin 3.3.13-1+deb12u1
   * /usr/share/postfixadmin/languages/<lang>.lang); the ones that are words of
   * ordinary mail are in auto_reply_whole_subjects */
  "notification d'absence", "assente dall'ufficio", "afwezigheids bericht",
  "ej p\xc3\xa5 kontoret",   /* ej på kontoret (sv) */
  "frav\xc3\xa6rsmelding",   /* fraværsmelding (nb) */
  "esu i\xc5\xa1vyk\xc4\x99s", /* esu išvykęs (lt) */
  "kontorist v\xc3\xa4ljas", /* kontorist väljas (et) */
  "\xe6\x88\x91\xe7\x8e\xb0\xe5\x9c\xa8\xe6\x97\xa0\xe6\xb3\x95\xe5\x9b\x9e\xe4\xbf\xa1", /* 我现在无法回信 (cn) */
  /* tw: "自動回覆: 我暫時未能回信" */
  "\xe8\x87\xaa\xe5\x8b\x95\xe5\x9b\x9e\xe8\xa6\x86", /* 自動回覆 */
  "\xe6\x88\x91\xe6\x9a\xab\xe6\x99\x82\xe6\x9c\xaa\xe8\x83\xbd\xe5\x9b\x9e\xe4\xbf\xa1", /* 我暫時未能回信 */
  NULL,
};

/* Subjects of automatic replies that are words of ordinary mail too, read only
 * as a whole subject: PostfixAdmin's default vacation subjects (src postfixadmin
 * 3.3.13-1+deb12u1 /usr/share/postfixadmin/languages/<lang>.lang
 * pUsersVacation_subject_text), which its vacation.pl sends as they are. */
static const char *const auto_reply_whole_subjects[] = {
  "ich bin weg...",    /* de */
  "fuera del trabajo", /* es */
  "ausente",           /* pt-pt, pt-br */
  "poza biurem",       /* pl */
  "ikke tilstede",     /* da, nn */
  "lomalla",           /* fi */
  "dovolen\xc3\xa1",   /* dovolená (cs) */
  "\xd0\xb2\xd0\xbd\xd0\xb5 \xd0\xbe\xd1\x84\xd0\xb8\xd1\x81\xd0\xb0", /* вне офиса (ru) */
  "\xe4\xb8\x8d\xe5\x9c\xa8", /* 不在 (ja) */
  NULL,
};

/* Words of an automatic reply's own text: gromox's "(this mail is an automatic
 * reply)" (src grommunio/gromox 1892eb3dc71aa45c0c8321a6627e503bb4ca9555
 * data/mail_bounce/{gb2312,big5}/BOUNCE_AUTO_RESPONSE). */
static const char *const auto_reply_text[] = {
  "\xe6\xad\xa4\xe9\x82\xae\xe4\xbb\xb6\xe4\xb8\xba\xe8\x87\xaa\xe5\x8a\xa8\xe5\x9b\x9e\xe5\xa4\x8d", /* 此邮件为自动回复 */
  "\xe6\xad\xa4\xe9\x83\xb5\xe4\xbb\xb6\xe7\x82\xba\xe8\x87\xaa\xe5\x8b\x95\xe5\x9b\x9e\xe5\xbe\xa9", /* 此郵件為自動回復 */
  NULL,
};

static gboolean
contains_one (const char *text, const char *const *list)
{
  for (gsize i = 0; text && list[i]; i++)
    if (strstr (text, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether text, less the white space around it, is one of list. */
static gboolean
is_one (const char *text, const char *const *list)
{
  if (!text)
    return FALSE;
  while (*text == ' ' || *text == '\t')
    text++;
  gsize len = strlen (text);
  while (len > 0 && strchr (" \t\r\n", text[len - 1]))
    len--;
  for (gsize i = 0; list[i]; i++)
    if (strlen (list[i]) == len && strncmp (text, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Where an automatic reply's subject gives the subject it answers ("Auto:
 * <subject>", "Automatic reply: <subject>", "Out of office: <subject>"): the
 * byte after the reply's own words and their colon; NULL for another subject.
 * Words after it are the sender's own ("Auto: Delivery failed? Please
 * check"), no failure the reply reports. */
static const char *
answered_subject (const char *lower)
{
  while (*lower == ' ' || *lower == '\t')
    lower++;
  for (gsize i = 0; auto_reply_subjects[i]; i++)
    {
      const char *words = auto_reply_subjects[i];
      gsize n = strlen (words);
      if (strncmp (lower, words, n) != 0)
        continue;
      const char *colon = words[n - 1] == ':' ? lower + n - 1 : lower + n;
      while (*colon == ' ')
        colon++;
      if (*colon == ':')
        return colon + 1;
    }
  return NULL;
}

ArfAutoReply
arf_auto_reply_kind (const MimeMessage *msg)
{
  /* MTAs mark their bounces auto-replied too (Postfix does): a daemon is no person
   * away from the office */
  const char *from = mime_get (msg, "From");
  char *from_lower = from ? g_ascii_strdown (from, -1) : NULL;
  gboolean daemon = from_lower
                    && (strstr (from_lower, "mailer-daemon") || strstr (from_lower, "postmaster")
                        || strstr (from_lower, "mail delivery"));
  g_free (from_lower);
  if (daemon)
    return ARF_NOT_AUTO_REPLY;
  /* nor is a notice whose subject says the delivery failed, or one with a
   * delivery-status part, whoever signs it */
  static const char *const failures[] = { "undeliver", "delivery fail", "delivery status",
                                          "failure notice", "returned mail", "returning message",
                                          "not delivered", "delivery problem", "mail failure",
                                          NULL };
  const char *subj_h = mime_get (msg, "Subject");
  char *sl = g_utf8_strdown (subj_h ? subj_h : "", -1);
  const char *answered = answered_subject (sl);
  char *own_words = answered ? g_strndup (sl, (gsize) (answered - sl)) : NULL;
  /* a reply's subject ("Re: Delivery failure of your invoices", as Zimbra,
   * Gmail and procmail's recipe answer) quotes the subject it answers: words of
   * the sender's, no failure of the reply's own */
  gboolean failure = msg->dsn->len > 0
                     || (!notice_subject_is_reply (sl) && contains_one (own_words ? own_words : sl, failures));
  g_free (own_words);
  gboolean hit = FALSE;
  /* a field that mail systems put on their notices too: Postfix, Exim and Sympa
   * mark them Auto-Submitted: auto-replied, and gateways add X-Autoreply */
  gboolean by_field = FALSE;
  if (!failure)
    {
      /* RFC 3834 § 5.1: Auto-Submitted: auto-replied */
      const char *as = mime_get (msg, "Auto-Submitted");
      by_field = (as && g_ascii_strncasecmp (as, "auto-replied", 12) == 0)
                 || mime_get (msg, "X-Autoreply") || mime_get (msg, "X-Autorespond");
      /* "Precedence: auto_reply", the older non-standard marker of vacation
       * programs that RFC 3834 § 5 replaces with Auto-Submitted */
      const char *prec = mime_get (msg, "Precedence");
      hit = prec && g_ascii_strncasecmp (prec, "auto_reply", 10) == 0;
      /* procmail's vacation recipe answers with formail -r ("Re:" and the
       * subject) and "Precedence: junk" (src procmail 3.22-27
       * /usr/share/man/man5/procmailex.5.gz, its vacation example); a list's
       * mail names its list */
      by_field = by_field
                 || (prec && g_ascii_strncasecmp (prec, "junk", 4) == 0 && notice_subject_is_reply (sl)
                     && !mime_get (msg, "List-Id"));
      /* PostfixAdmin's vacation.pl marks its replies "X-Loop: Postfix Admin
       * Virtual Vacation", whatever subject the user stored (src postfixadmin
       * 3.3.13-1+deb12u1
       * /usr/share/doc/postfixadmin/examples/VIRTUAL_VACATION/vacation.pl
       * send_vacation_email) */
      const char *loop = mime_get (msg, "X-Loop");
      hit = hit
            || (loop && g_ascii_strncasecmp (loop, "postfix admin virtual vacation", 30) == 0);
      /* iCloud Mail's vacation replies carry no Auto-Submitted, only Apple's own
       * "X-Apple-Action: VACATION" (Apple publishes no reference for the field) */
      const char *apple = mime_get (msg, "X-Apple-Action");
      hit = hit || (apple && g_ascii_strncasecmp (apple, "vacation", 8) == 0);
      /* Exchange: a message redirected, forwarded or answered by an automatic
       * reply carries X-MS-Exchange-Inbox-Rules-Loop (doc
       * https://blogs.it.ox.ac.uk/nexus/2021/05/04/email-loops-what-happens-when-and-why/
       * "Email loops – what happens, when, and why." § X-MS-Exchange-Inbox-Rules-Loop,
       * read 2026-12-05), and its replies ask for no
       * automatic answer with X-Auto-Response-Suppress (doc
       * https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/ced68690-498a-4567-9d14-5c01f974d8b1
       * "2.1.3.2.20 Auto Response Suppress" § 2.1.3.2.20, read 2026-12-05):
       * either with a reply's subject (a rule forwards too) */
      gboolean exchange = mime_get (msg, "X-MS-Exchange-Inbox-Rules-Loop")
                          || mime_get (msg, "X-Auto-Response-Suppress");
      hit = hit || (exchange && notice_subject_is_reply (sl));
      /* the words of an out-of-office reply, unless a person forwards one */
      /* a person forwarding an out-of-office reply is no automatic answer: its
       * subject and text are the forwarded message's words */
      gboolean forwarded = notice_subject_is_forward (sl);
      hit = hit || (!forwarded && contains_one (sl, auto_reply_subjects));
      hit = hit || (!forwarded && is_one (sl, auto_reply_whole_subjects));
      if (!hit && !forwarded && msg->text->len > 0)
        hit = contains_one (g_ptr_array_index (msg->text, 0), auto_reply_text);
    }
  if (hit || by_field)
    {
      /* a challenge-response system's request to confirm the sender is no
       * answer from the person written to */
      static const char *const challenges[] = { "confirm your message", "confirm that you are",
                                                "verify your address", "sender verification",
                                                "sender check", "verify that you are", NULL };
      char *from_l = from ? g_ascii_strdown (from, -1) : NULL;
      const char *first = msg->text->len > 0 ? g_ptr_array_index (msg->text, 0) : NULL;
      char *text_l = first ? g_ascii_strdown (first, MIN (strlen (first), 2048)) : NULL;
      if (contains_one (sl, challenges) || contains_one (from_l, challenges)
          || contains_one (text_l, challenges))
        hit = by_field = FALSE;
      g_free (from_l);
      g_free (text_l);
    }
  g_free (sl);
  return hit ? ARF_AUTO_REPLY : by_field ? ARF_AUTO_REPLY_FIELD : ARF_NOT_AUTO_REPLY;
}

gboolean
arf_is_auto_reply (const MimeMessage *msg)
{
  return arf_auto_reply_kind (msg) != ARF_NOT_AUTO_REPLY;
}

guint
arf_auto_reply (BounceReport *report, const MimeMessage *msg)
{
  const char *from = mime_get (msg, "From");
  char *rcpt = address_normalise (from);
  if (!rcpt)
    return 0;
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    {
      g_free (rcpt);
      return 0;
    }
  record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
  if (msg->text->len > 0)
    {
      const char *t = g_ptr_array_index (msg->text, 0);
      record_take (rec, BOUNCE_FIELD_DIAGNOSTIC, text_clean (t, MIN (strlen (t), 512), 512));
    }
  record_set (rec, BOUNCE_FIELD_SOURCE, "auto-reply");
  return 1;
}

/* "automatic-action/MDN-sent-automatically; deleted": the disposition mode's
 * action part and the disposition type (RFC 8098 § 3.2.6), without case,
 * comments or modifiers ("deleted/error"). */
static gboolean
deleted_automatically (const char *disposition)
{
  if (!disposition)
    return FALSE;
  char *d = g_ascii_strdown (disposition, -1);
  char *semi = strchr (d, ';');
  gboolean yes = FALSE;
  if (semi)
    {
      *semi = '\0';
      const char *type = semi + 1;
      while (*type == ' ' || *type == '\t')
        type++;
      gsize n = strcspn (type, " \t/(;");
      yes = strstr (d, "automatic-action") != NULL && n == 7 && strncmp (type, "deleted", 7) == 0;
    }
  g_free (d);
  return yes;
}

guint
arf_mdn_refusal (BounceReport *report, const MimeMessage *msg)
{
  /* Sieve's "reject" (RFC 5429) refuses a message after delivery by sending
   * such a notification: Dovecot's LDA and Pigeonhole (src dovecot 2.3.19.1
   * src/lib-lda/mail-send.c mail_send_rejection) and Cyrus's lmtpd (src
   * cyrusimap/cyrus-imapd 1f3a12931114d95a12c938d043d53a2cbcaf3eca
   * imap/lmtp_sieve.c send_rejection) write "automatic-action/MDN-sent-automatically;
   * deleted"; a person's own deletion is a manual action */
  guint n = 0;
  for (guint i = 0; i < msg->mdn->len; i++)
    {
      const char *body = g_ptr_array_index (msg->mdn, i);
      FieldBlock *block = fields_parse (body, strlen (body));
      for (guint g = 0; g < block->n_groups; g++)
        {
          const FieldGroup *grp = &block->groups[g];
          if (!deleted_automatically (fields_get (grp, "Disposition")))
            continue;
          char *rcpt = address_normalise (fields_get (grp, "Final-Recipient"));
          char *orig = address_normalise (fields_get (grp, "Original-Recipient"));
          if (!rcpt)
            rcpt = g_strdup (orig);
          /* Cyrus writes a session identifier there when its MDNs are private
           * (sieve_mdn_private): the refused message's own To, when it names one
           * address, is who refused it */
          if (!rcpt)
            rcpt = address_normalise (mime_original (msg, "To"));
          BounceRecord *rec = rcpt && !report_find_record (report, rcpt) ? report_add_record (report)
                                                                         : NULL;
          if (rec)
            {
              record_take (rec, BOUNCE_FIELD_RECIPIENT, rcpt);
              rcpt = NULL;
              record_take (rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT, orig);
              orig = NULL;
              record_set (rec, BOUNCE_FIELD_ACTION, "failed");
              record_set (rec, BOUNCE_FIELD_SOURCE, "mdn");
              /* the human-readable part gives the script's reason */
              if (msg->text->len > 0)
                {
                  const char *t = g_ptr_array_index (msg->text, 0);
                  record_take (rec, BOUNCE_FIELD_DIAGNOSTIC,
                               text_clean (t, MIN (strlen (t), 512), 512));
                }
              n++;
            }
          g_free (rcpt);
          g_free (orig);
        }
      fields_free (block);
    }
  return n;
}
