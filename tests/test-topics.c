/* test-topics.c: a state read with the subject it is said of (topics.c), and the
 * topic tables' sources (topic-table.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "topics.h"
#include "wordings.h"

typedef struct
{
  const char *text;
  guint status_subject;
  const char *reason; /* NULL: no topic */
} Case;

static const char *
topic_reason (const char *text, guint status_subject)
{
  char *folded = wordings_fold (text, 4096);
  Reason r = topics_find (folded, status_subject, NULL);
  g_free (folded);
  return reason_name (r);
}

static void
check (const Case *cases, gsize n)
{
  guint bad = 0;
  for (gsize i = 0; i < n; i++)
    {
      const char *got = topic_reason (cases[i].text, cases[i].status_subject);
      if (g_strcmp0 (got, cases[i].reason) != 0)
        {
          print_message ("\"%s\" (subject %u): %s, expected %s\n", cases[i].text,
                         cases[i].status_subject, got ? got : "none",
                         cases[i].reason ? cases[i].reason : "none");
          bad++;
        }
    }
  assert_int_equal (bad, 0);
}

/* Wordings of no row, each read from its thing and its state. */
static void
test_topics_typical (void **state)
{
  (void) state;
  static const Case cases[] = {
    { "User mailbox exceeds allowed size: a@example.org", 0, "mailboxfull" },
    { "The e-mail message could not be delivered because the user's mailfolder is full.", 0,
      "mailboxfull" },
    { "The number of messages in recipient's mailbox exceeded the local limit.", 0, "mailboxfull" },
    { "Mail size limit exceeded", 0, "mesgtoobig" },
    /* a subject written in two words, a state spelt in two */
    { "552 The user's mail box is full", 0, "mailboxfull" },
    { "550 Non existent user", 0, "userunknown" },
    { "550 box full", 0, NULL },
    /* a domain or an address right after "From:" is the sender's */
    { "550 From: Domain is invalid. Please provide a valid From:", 0, "rejected" },
    { "550 Domain is invalid", 0, NULL },
    { "550 User doesnt exist", 0, "userunknown" },
    { "550 mailbox not exists", 0, "userunknown" },
    { "550 <a@example.org>... User not exist", 0, "userunknown" },
    { "Your message wasn't delivered because the address couldn't be found.", 0, "userunknown" },
    { "User jdoe (a@example.org) not listed in the directory", 0, "userunknown" },
    /* a user's name written with a dot is no domain */
    { "User john.smith (a@example.org) not listed in Domino Directory", 0, "userunknown" },
    { "User some.name not listed in Domino Directory", 0, "userunknown" },
    { "No such recipient here", 0, "userunknown" },
    { "Not a valid recipient", 0, "userunknown" },
    { "unknown host", 0, "hostunknown" },
    { "The account or domain may not exist", 0, "hostunknown" },
    /* a domain name written out names a domain; a status code, "e.g." do not */
    { "553 mx.example.net does not exist", 0, "hostunknown" },
    { "Sender example.net does not exist", 0, "rejected" },
    { "5.1.1 not found", 0, NULL },
    { "e.g. not found", 0, NULL },
    { "421 Host not reachable.", 0, "networkerror" },
    /* a host refused is the sending host: a destination is missing or
     * unreachable, not refused */
    { "554 Host network not allowed", 0, "blocked" },
    { "Your host is blocked", 0, "blocked" },
    { "Domain rejected", 0, NULL },
    { "Remote host refused the connection", 0, "networkerror" },
    /* a connection refused or failed is a network failure (X.4.1, X.4.2) */
    { "The recipient server did not accept our requests to connect.", 0, "networkerror" },
    { "Failed to connect to the remote server", 0, "networkerror" },
    { "Unable to connect to mail server", 0, "networkerror" },
    { "Unable to deliver the message", 0, NULL },
    { "Mail from IP 192.0.2.1 not accepted", 0, "blocked" },
    { "Recipient not accepted", 0, NULL },
    { "Your IP 192.0.2.1 is blacklisted", 0, "blocked" },
    { "554 Invalid IP for sending mail of domain example.com", 0, "blocked" },
    /* a link of the content on a block list is the content judged */
    { "550 5.7.1 Message contains a URL listed in a blocklist", 7, "spamdetected" },
    { "554 The message contains a link that is blacklisted", 0, "spamdetected" },
    { "Message rejected as spam", 0, "spamdetected" },
    { "This message has been scored as spam", 0, "spamdetected" },
    { "A virus was detected in the attachment", 0, "virusdetected" },
    { "Too many recipients in this transaction", 0, "toomanyconn" },
    { "Sending rate exceeded, slow down", 0, "speeding" },
    { "The recipient's account has been disabled", 0, "suspend" },
    { "554 5.7.1 Account closed", 0, "suspend" },
    { "421 Connection closed by remote host", 0, NULL },
    { "550 Mailbox is frozen.", 0, "suspend" },
    /* the next hop not found is a routing failure (X.4.4); "could not find"
     * says missing before its subject */
    { "Routing: Could not find a gateway for <addr>", 0, "networkerror" },
    { "No route found to the destination", 0, "networkerror" },
    { "Could not find the mailbox", 0, "userunknown" },
    /* "infected" said of a virus is its finding */
    { "552 5.7.0 Virus infected message rejected", 0, "virusdetected" },
    /* "your", "client" or "sending" host is the sending host: its name not
     * found is its reverse DNS */
    { "550 Your host name could not be found", 0, "requireptr" },
    { "550 Client host name unknown", 0, "requireptr" },
    { "550 The host mx.example.org could not be found", 0, "hostunknown" },
    { "550 Sending host not found in DNS", 0, "requireptr" },
    /* TLS that failed or is not offered: a security requirement failed */
    { "500 Remote server does not support TLS", 0, "securityerror" },
    { "TLS negotiation failed with mx.example.org", 0, "securityerror" },
    /* banned is barred: of the sending IP, blocked */
    { "550 Your IP <ip> is banned", 0, "blocked" },
    /* an account blocked is one disabled; "your" account is the sender's */
    { "The recipient account is blocked", 0, "suspend" },
    { "Your account is blocked for sending", 0, "rejected" },
    { "Your domain is blacklisted", 0, "rejected" },
    { "550 User account is expired", 0, "suspend" },
    { "550 User kim@example.org temporary locked", 0, "suspend" },
    { "Message expired", 0, NULL },
    { "delivery time expired for this message", 0, NULL },
    { "550 Denied by policy", 0, "policyviolation" },
    { "Message rejected by policy", 7, "policyviolation" },
  };
  check (cases, G_N_ELEMENTS (cases));
}

/* Which subject a state is read with. */
static void
test_topics_subject_choice (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* the nearest subject: the mailbox's size, the message's size */
    { "Mailbox size limit exceeded", 0, "mailboxfull" },
    { "Message exceeds the maximum size allowed for the mailbox", 0, "mesgtoobig" },
    /* a sender word makes the state the sender's */
    { "Sender domain does not exist", 0, "rejected" },
    /* the headline clause and a second one: reason_beats decides */
    { "Sender address rejected: Domain not found", 0, "rejected" },
    /* "found" is part of "not found", not a finding */
    { "virus scanner: user not found", 0, "userunknown" },
    /* an IP address is no postal address */
    { "IP address blocked", 0, "blocked" },
    /* the host named after HELO or EHLO is the sending host; the domain or address
     * after the name of the From field is the sender's */
    { "Your HELO hostname does not exist", 0, "requireptr" },
    { "EHLO host unknown", 0, "requireptr" },
    { "Message rejected: header From domain not found", 0, "rejected" },
    { "From: Domain is invalid", 0, "rejected" },
    /* ... and after the name of another field that carries the sender's address,
     * with its colon, "header" or "field" or neither, or named in one */
    { "From: header domain does not exist", 0, "rejected" },
    { "Reply-To domain not found", 0, "rejected" },
    { "Return-Path: domain does not exist", 0, "rejected" },
    { "The domain in the From header does not exist", 0, "rejected" },
    { "Invalid address in From: header", 0, "rejected" },
    { "The domain in the message does not exist", 0, "hostunknown" },
    /* the sending or authenticated account, domain or user is the sender's */
    { "The sending account does not exist", 0, "rejected" },
    { "The sending domain does not exist", 0, "rejected" },
    { "Authenticated user unknown", 0, "rejected" },
    /* the sender says whose a DNS record is; the name service only where it
     * was looked up */
    { "No MX record found for sender domain", 0, "rejected" },
    { "No MX record found for example.org", 0, "hostunknown" },
    /* an address by whose it is: the sender's (return, reverse, reply-to, "your"),
     * the sending host's (HELO, an IP address); a recipient's otherwise */
    { "Invalid return address", 0, "rejected" },
    { "Return path address unknown", 0, "rejected" },
    { "Reverse-path domain does not exist", 0, "rejected" },
    { "Reply-To address invalid", 0, "rejected" },
    { "Your email address is invalid", 0, "rejected" },
    { "501 Invalid HELO address", 0, "blocked" },
    { "Your IP address is invalid", 0, "blocked" },
    { "The email address is invalid", 0, "userunknown" },
    /* the mailbox's name, as Exim's manual quotes a server's answer */
    { "550 Unknown local part xyz in <addr>", 0, "userunknown" },
    { "Invalid local-part", 0, "userunknown" },
    /* an address or a domain of one of the message's headers: its form */
    { "Invalid address in the To: header", 0, "notcompliantrfc" },
    { "Message-ID domain not found", 0, "notcompliantrfc" },
    { "The email address does not exist", 0, "userunknown" },
    /* a domain named as a signature's or a link's: not an envelope address's */
    { "DKIM key domain not found", 0, "authfailure" },
    { "Signing domain does not exist", 0, "authfailure" },
    { "URL domain example.com not found", 0, "contenterror" },
    { "Link domain is invalid", 0, "contenterror" },
    { "Domain example.com not found", 0, "hostunknown" },
    /* under a status of routing (X.4.4: a domain with no records cannot be routed) */
    { "DNS domain example.com does not exist", 4, "hostunknown" },
    /* a mailbox "no longer active" or "not active" is one disabled (suspend) */
    { "This mailbox is no longer active", 0, "suspend" },
    { "The account is not active", 0, "suspend" },
    { "Host mx.example.com not found", 4, "hostunknown" },
    /* a domain that accepts no mail (a null MX): the destination's, or the
     * sender's where it is named so */
    { "This domain does not accept email", 0, "notaccept" },
    { "Sender domain does not accept mail", 0, "rejected" },
    /* the sender's authentication missing or failed */
    { "SPF record not found", 0, "authfailure" },
    { "No SPF record found for example.org", 0, "authfailure" },
    { "DKIM signature verification failed", 0, "authfailure" },
    { "Set up SPF records for your domain", 0, NULL },
    /* malware the message contains; an attachment or a file type refused */
    { "Your message was rejected because it contains malware", 0, "virusdetected" },
    { "Message contains a prohibited file type", 0, "policyviolation" },
    { "Message contains invalid headers", 0, "notcompliantrfc" },
    /* a header named as such, missing or malformed: the message's form; "missing"
     * says a thing was not given, not that a lookup found none */
    { "Message-ID header missing", 0, "notcompliantrfc" },
    { "Malformed Date header", 0, "notcompliantrfc" },
    { "DKIM signature missing", 0, "authfailure" },
    { "DKIM verification failure", 0, "authfailure" },
    { "Missing recipient", 0, NULL },
    /* a receiving-side filter or rule that refused the message */
    { "Message rejected by the recipient's mail filter", 0, "filtered" },
    { "Message rejected due to a transport rule", 0, "filtered" },
    /* ... but what it names as refused decides where it names more */
    { "Your IP is blocked by our filtering rules", 0, "blocked" },
  };
  check (cases, G_N_ELEMENTS (cases));
}

/* What is not read as a topic. */
static void
test_topics_bounds (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* a subject in another clause */
    { "Mailbox. The disk is full", 0, NULL },
    { "user: full text follows", 0, NULL },
    /* farther than TOPIC_REACH words */
    { "The email account that you tried to reach does not exist", 0, NULL },
    /* a state inside a domain name is no state */
    { "retry time not reached for any host for 'unreachable.example.net'", 0, NULL },
    { "host full.example.net said: 550 go away", 0, NULL },
    /* what is looked up in the name service is a domain, whatever else is
     * named nearer; a word glossed in parentheses is no aside */
    { "The destination server for this recipient could not be found in Domain Name "
      "Service (DNS).", 0, "hostunknown" },
    { "MX record not found", 0, "hostunknown" },
    /* "no ... found" is missing, not found */
    { "No mx record found for domain=example.com", 0, "hostunknown" },
    { "no mailbox found for this user", 0, "userunknown" },
    { "No virus found in this message", 0, NULL },
    { "DNS lookup failed", 0, "networkerror" },
    /* a parenthesis is a clause of its own */
    { "550 Denied (mail from the sender)", 0, NULL },
    { "550 Mailbox full (in reply to end of DATA command)", 0, "mailboxfull" },
    /* a pair no rule defines */
    { "Recipient rejected", 0, NULL },
    /* the status names another subject (X.7: security or policy, not addresses) */
    { "Unknown address error 550 Access denied", 7, NULL },
    { "Unknown address error 550 Access denied", 1, "userunknown" },
    { "", 0, NULL },
  };
  check (cases, G_N_ELEMENTS (cases));
  assert_int_equal (topics_find (NULL, 0, NULL), REASON_NONE);
}

/* Retries given up say the sender gave up: no cause, reported apart. */
static void
test_topics_gave_up (void **state)
{
  (void) state;
  static const struct
  {
    const char *text;
    gboolean gave_up;
    const char *reason;
  } cases[] = {
    { "Unable to deliver message after multiple retries, giving up.", TRUE, NULL },
    { "Delivery failed 20 attempts: a@example.org", TRUE, NULL },
    { "Maximum retries exceeded; mailbox full", TRUE, "mailboxfull" },
    { "Will retry later: mailbox full", FALSE, "mailboxfull" },
    { "Delivery failed: host unreachable", FALSE, "networkerror" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *folded = wordings_fold (cases[i].text, 4096);
      TopicFind f;
      Reason r = topics_find (folded, 0, &f);
      g_free (folded);
      if (f.gave_up != cases[i].gave_up || g_strcmp0 (reason_name (r), cases[i].reason) != 0)
        fail_msg ("\"%s\": gave_up %d, %s", cases[i].text, f.gave_up, reason_name (r));
    }
}

/* A period of time named as whole words: a count over it is a rate. */
static void
test_topics_periods (void **state)
{
  (void) state;
  static const struct
  {
    const char *text;
    gboolean period;
  } cases[] = {
    { "550 192.0.2.1 has sent to too many recipients this hour", TRUE },
    { "421 too many messages per day from this sender", TRUE },
    { "452 too many recipients in the last 10 minutes", TRUE },
    { "421 Too many recipients in one hour", TRUE },
    { "550 too many messages in 24 hours", TRUE },
    { "452 4.5.3 Error: too many recipients", FALSE },
    { "550 too many recipients (todays.example.org)", FALSE },
    { "", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *folded = wordings_fold (cases[i].text, 4096);
      gboolean got = topics_names_period (folded);
      g_free (folded);
      if (got != cases[i].period)
        fail_msg ("\"%s\": period %d", cases[i].text, got);
    }
  assert_false (topics_names_period (NULL));
}

/* Replies in other languages, in the words of the catalogues the words come from
 * (topic-table.c): most are a catalogue's msgstr as it stands ("Unknown user", "User
 * does not exist", "Your inbox is full ..."). */
static void
test_topics_languages (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* German */
    { "550 Unbekannter Benutzer", 0, "userunknown" },
    { "Benutzer unbekannt", 0, "userunknown" },
    { "Benutzer existiert nicht", 0, "userunknown" },
    { "Postfach voll", 0, "mailboxfull" },
    { "Ihr Eingangspostfach ist voll und verhindert so, dass Sie neue Nachrichten senden können.", 0,
      "mailboxfull" },
    { "Nachricht zu groß", 0, "mesgtoobig" },
    { "Dieses Konto wurde deaktiviert", 0, "suspend" },
    /* French */
    { "Utilisateur inconnu", 0, "userunknown" },
    { "boîte aux lettres pleine", 0, "mailboxfull" },
    { "L'adresse n'existe pas", 0, "userunknown" },
    { "Message trop gros", 0, "mesgtoobig" },
    /* Spanish */
    { "Usuario desconocido", 0, "userunknown" },
    { "buzón lleno", 0, "mailboxfull" },
    { "Tu buzón está lleno y no te permite enviar nuevos mensajes.", 0, "mailboxfull" },
    { "Dirección correo-e no válida", 0, "userunknown" },
    /* Portuguese */
    { "Utilizador desconhecido", 0, "userunknown" },
    { "caixa de correio cheia", 0, "mailboxfull" },
    { "Endereço Inválido", 0, "userunknown" },
    /* Italian */
    { "Utente sconosciuto", 0, "userunknown" },
    { "casella piena", 0, "mailboxfull" },
    { "La casella email a@example.org non esiste.", 0, "userunknown" },
    { "Messaggio troppo grande", 0, "mesgtoobig" },
    /* Dutch */
    { "Onbekende gebruiker", 0, "userunknown" },
    { "gebruiker onbekend", 0, "userunknown" },
    { "Bericht te groot", 0, "mesgtoobig" },
    /* Polish */
    { "Nieznany użytkownik", 0, "userunknown" },
    { "skrzynka pełna", 0, "mailboxfull" },
    { "Twoja skrzynka jest pełna i nie pozwala wysyłać nowych wiadomości.", 0, "mailboxfull" },
    /* Russian */
    { "Неизвестный пользователь", 0, "userunknown" },
    { "пользователь не найден", 0, "userunknown" },
    { "почтовый ящик переполнен", 0, "mailboxfull" },
    { "Слишком большое сообщение", 0, "mesgtoobig" },
    /* Swedish */
    { "Okänd användare", 0, "userunknown" },
    { "Användaren finns inte", 0, "userunknown" },
    { "brevlådan är full", 0, "mailboxfull" },
    /* Czech */
    { "Neznámý uživatel", 0, "userunknown" },
    { "schránka je plná", 0, "mailboxfull" },
    /* Danish */
    { "Ukendt bruger", 0, "userunknown" },
    { "postkassen er fuld", 0, "mailboxfull" },
    /* Norwegian */
    { "Ukjent bruker", 0, "userunknown" },
    { "Ugyldig mottaker", 0, "userunknown" },
    /* Finnish */
    { "Tuntematon käyttäjä", 0, "userunknown" },
    { "Käyttäjää ei ole olemassa", 0, "userunknown" },
    { "postilaatikko on täynnä", 0, "mailboxfull" },
    /* Ukrainian */
    { "Невідомий користувач", 0, "userunknown" },
    { "користувача не знайдено", 0, "userunknown" },
    /* Turkish */
    { "Bilinmeyen kullanıcı", 0, "userunknown" },
    { "Kullanıcı bulunamadı", 0, "userunknown" },
    { "Posta kutusu dolu", 0, "mailboxfull" },
    /* Korean */
    { "알 수 없는 사용자", 0, "userunknown" },
    /* Latvian */
    { "Pastkaste a@example.org neeksistē.", 0, "userunknown" },
    { "nezināms sūtītājs", 0, "rejected" },
    /* Lithuanian */
    { "Nežinomas naudotojas", 0, "userunknown" },
    /* Estonian */
    { "Tundmatu kasutaja", 0, "userunknown" },
    { "postkast on täis", 0, "mailboxfull" },
    /* no subject, or a pair no rule defines, as in English */
    { "Voll ausgestatteter HTML- und Klartext-Nachrichteneditor", 0, NULL },
    { "Empfänger abgelehnt", 0, NULL },
    { "Datei nicht gefunden", 0, NULL },
    { "Rechner existiert nicht", 0, NULL },
    { "Lua Cheia", 0, NULL },
    { "Utilisateur inconnu", 7, NULL },
    /* a subject in another clause */
    { "Postfach. Die Festplatte ist voll", 0, NULL },
  };
  check (cases, G_N_ELEMENTS (cases));
}

/* Scripts written without spaces (Japanese, Chinese) or with particles glued to
 * words (Korean): subjects and states are read inside words, the subject within
 * the state's run of text up to a "。" or within reach; cases from the catalogues'
 * msgstrs (topic-table.c) and a Domino reply. */
static void
test_topics_unspaced (void **state)
{
  (void) state;
  static const Case cases[] = {
    /* a full stop or a full-width colon closes a clause as '.' and ':' do: the
     * sender named in the next clause is not whose the state is */
    { "因为该收件人并不存在。请确认。 邮件信息： 发件人地址： <a@example.org>", 1, "userunknown" },
    { "该收件人并不存在。 发送时间： 2026-12-05 发件人： <a@example.org>", 1, "userunknown" },
    /* Japanese */
    { "ユーザーは存在しません", 0, "userunknown" },
    { "\"neko\" というユーザは存在しません。", 0, "userunknown" },
    { "ユーザーを特定できません", 0, "userunknown" },
    { "ユーザー Neko (a@example.jp) は Domino ディレクトリには見つかりません。", 0, "userunknown" },
    { "ユーザーNeko (a@example.jp) は Domino ディレクトリには見つかりません。", 0, "userunknown" },
    { "宛先不明", 0, "userunknown" },
    { "受信者のメールボックスが一杯です", 0, "mailboxfull" },
    { "メールボックスが満杯になっているので、新たにメッセージを送ることができない。", 0, "mailboxfull" },
    { "メールボックスの容量制限を超過しました", 0, "mailboxfull" },
    { "メッセージが大きすぎます(最大サイズは 10MB です)", 0, "mesgtoobig" },
    { "メッセージのサイズが上限を超えています", 0, "mesgtoobig" },
    { "このアカウントは無効になっています", 0, "suspend" },
    { "無効なアドレス", 0, "userunknown" },
    { "不正なメールアドレスです", 0, "userunknown" },
    { "ドメインが見つかりません", 0, "hostunknown" },
    { "送信者のドメインが存在しません", 0, "rejected" },
    { "差出人のアドレスが拒否されました", 0, "rejected" },
    /* simplified Chinese */
    { "用户不存在", 0, "userunknown" },
    { "未知用户", 0, "userunknown" },
    { "收件人邮箱已满", 0, "mailboxfull" },
    { "邮箱地址无效", 0, "userunknown" },
    { "未找到用户帐户", 0, "userunknown" },
    { "邮件过大无法处理。", 0, "mesgtoobig" },
    { "邮件大小超过限制", 0, "mesgtoobig" },
    { "该账号已被停用", 0, "suspend" },
    { "收件人域名不存在", 0, "hostunknown" },
    { "发件人地址被拒绝", 0, "rejected" },
    /* traditional Chinese */
    { "收件者信箱已滿", 0, "mailboxfull" },
    { "不明的使用者", 0, "userunknown" },
    { "找不到使用者帳號", 0, "userunknown" },
    { "使用者無效", 0, "userunknown" },
    { "無效的電子郵件位址", 0, "userunknown" },
    { "郵件過大", 0, "mesgtoobig" },
    { "帳號已停用", 0, "suspend" },
    /* Korean, particles glued to the words */
    { "사용자를 찾을 수 없습니다", 0, "userunknown" },
    { "수신자가 존재하지 않습니다", 0, "userunknown" },
    { "유효하지 않은 이메일 주소: a@example.kr", 0, "userunknown" },
    { "메일함이 가득 찼습니다", 0, "mailboxfull" },
    { "저장 공간이 할당량을 넘었습니다", 0, "mailboxfull" },
    { "메시지가 너무 큽니다", 0, "mesgtoobig" },
    { "계정이 비활성화되었습니다", 0, "suspend" },
    /* a state with no subject; a pair no rule defines */
    { "見つかりません", 0, NULL },
    { "ファイルが見つかりません", 0, NULL },
    { "文件不存在", 0, NULL },
    { "检索到的群组可能不存在", 0, NULL },
    { "찾을 수 없음", 0, NULL },
    { "メッセージは拒否されました。", 0, NULL },
    { "您的邮件被拒绝了。", 0, NULL },
    /* a message's size is no quota ("許容量" holds "容量") */
    { "添付ファイルのサイズが許容量を超えています。", 0, NULL },
    /* a subject and a state in different sentences: in one run, split by a "。"; or more than
     * TOPIC_REACH words apart */
    { "ユーザー。ファイルが見つかりません", 0, NULL },
    { "邮箱。文件已满", 0, NULL },
    { "ユーザー。 これは 自動 送信 の 通知 です。 ファイルが見つかりません", 0, NULL },
    { "用户。 这 是 一 封 自动 通知。 文件不存在", 0, NULL },
    /* the status names another subject */
    { "用户不存在", 7, NULL },
  };
  check (cases, G_N_ELEMENTS (cases));
}

/* A word is written as folded text is (wordings_fold), and a word of another
 * language than English names a well-formed source. */
static gboolean
word_well_formed (const char *word, const char *lang, const char *source)
{
  char *folded = wordings_fold (word, 4096);
  gboolean ok = strcmp (folded, word) == 0;
  g_free (folded);
  if (lang)
    ok &= strlen (lang) >= 2 && strcmp (lang, "en") != 0 && wordings_source_well_formed (source);
  else
    ok &= source == NULL;
  if (!ok)
    print_message ("topic word \"%s\" (%s): not folded, or no well-formed source\n", word,
                   lang ? lang : "en");
  return ok;
}

/* Every rule names its source: an RFC 3463 code, or the definition of its own
 * reason; every word is written as folded text is, and one of another language
 * names its source. */
static void
test_topics_sources (void **state)
{
  (void) state;
  for (gsize i = 0; i < topic_rules_size; i++)
    {
      const TopicRule *r = &topic_rules[i];
      char *def = g_strdup_printf ("def reasons.tsv %s", reason_name (r->reason));
      gboolean ok = g_str_has_prefix (r->source, "rfc 3463 § ")
                    ? wordings_source_well_formed (r->source)
                    : strcmp (r->source, def) == 0;
      if (!ok)
        fail_msg ("rule %zu (%s): source \"%s\"", i, reason_name (r->reason), r->source);
      g_free (def);
      assert_true (r->status_subject >= 1 && r->status_subject <= 7);
    }
  for (gsize i = 0; i < topic_subjects_size; i++)
    {
      const TopicSubject *w = &topic_subjects[i];
      assert_true (word_well_formed (w->word, w->lang, w->source));
      /* one word, or two ("mail box") */
      const char *space = strchr (w->word, ' ');
      assert_true (!space || !strchr (space + 1, ' '));
    }
  for (gsize i = 0; i < topic_states_size; i++)
    {
      const TopicState *w = &topic_states[i];
      assert_true (word_well_formed (w->words, w->lang, w->source));
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_topics_typical),
    cmocka_unit_test (test_topics_subject_choice),
    cmocka_unit_test (test_topics_bounds),
    cmocka_unit_test (test_topics_gave_up),
    cmocka_unit_test (test_topics_periods),
    cmocka_unit_test (test_topics_languages),
    cmocka_unit_test (test_topics_unspaced),
    cmocka_unit_test (test_topics_sources),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
