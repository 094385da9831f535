/* topics.c: reading a state with the subject it is said of (topics.h). The
 * states are found in one pass (match.c); the subjects around each are read only
 * there, a few words either way. */
#define _GNU_SOURCE /* memmem */
#include "topics.h"

#include <string.h>

#include "match.h"

static const char *const subject_names[] = {
  [SUBJECT_USER] = "user",
  [SUBJECT_ADDRESS] = "address",
  [SUBJECT_MAILBOX] = "mailbox",
  [SUBJECT_QUOTA] = "quota",
  [SUBJECT_MESSAGE] = "message",
  [SUBJECT_DOMAIN] = "domain",
  [SUBJECT_HOST] = "host",
  [SUBJECT_CONNECTION] = "connection",
  [SUBJECT_SENDER] = "sender",
  [SUBJECT_NAME_SERVICE] = "name service",
  [SUBJECT_CLIENT] = "client",
  [SUBJECT_RELAY] = "relay",
  [SUBJECT_SPAM] = "spam",
  [SUBJECT_LINK] = "link",
  [SUBJECT_VIRUS] = "virus",
  [SUBJECT_RATE] = "rate",
  [SUBJECT_MANY] = "many",
  [SUBJECT_POLICY] = "policy",
  [SUBJECT_RETRY] = "retry",
  [SUBJECT_TLS] = "tls",
  [SUBJECT_AUTHENTICATION] = "authentication",
  [SUBJECT_FILTER] = "filter",
  [SUBJECT_ATTACHMENT] = "attachment",
  [SUBJECT_HEADER] = "header",
};

static const char *const state_names[] = {
  [STATE_MISSING] = "missing",
  [STATE_INVALID] = "invalid",
  [STATE_FULL] = "full",
  [STATE_EXCEEDED] = "exceeded",
  [STATE_TOO_BIG] = "too big",
  [STATE_DISABLED] = "disabled",
  [STATE_UNREACHABLE] = "unreachable",
  [STATE_REFUSED] = "refused",
  [STATE_BARRED] = "barred",
  [STATE_LISTED] = "listed",
  [STATE_DETECTED] = "detected",
  [STATE_TOO_MANY] = "too many",
  [STATE_GAVE_UP] = "gave up",
  [STATE_FAILED] = "failed",
  [STATE_UNSUPPORTED] = "unsupported",
  [STATE_NO_MAIL] = "accepts no mail",
  [STATE_NOT_GIVEN] = "not given",
};

const char *
topic_subject_name (SubjectKind kind)
{
  return subject_names[kind];
}

const char *
topic_state_name (StateKind kind)
{
  return state_names[kind];
}

static gpointer
build_states (gpointer data)
{
  (void) data;
  MatchSet *set = match_set_new ();
  for (gsize i = 0; i < topic_states_size; i++)
    match_set_add (set, topic_states[i].words, (guint) i);
  match_set_seal (set);
  return set;
}

static const MatchSet *
states (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_states, NULL);
}

/* Scripts written without spaces between words (Chinese, Japanese) or with
 * particles glued to them (Korean) start at U+3000: three-byte UTF-8 from 0xe3.
 * Their subjects and states are read inside words. */
static gboolean
unspaced (const char *word)
{
  return (guchar) word[0] >= 0xe3;
}

typedef struct
{
  GHashTable *by_word; /* the first entry of a word shared by two languages */
  GPtrArray *unspaced; /* const TopicSubject *: those read inside a word */
} Subjects;

static gpointer
build_subjects (gpointer data)
{
  (void) data;
  Subjects *all = g_new0 (Subjects, 1);
  all->by_word = g_hash_table_new (g_str_hash, g_str_equal);
  all->unspaced = g_ptr_array_new ();
  for (gsize i = 0; i < topic_subjects_size; i++)
    {
      const TopicSubject *subject = &topic_subjects[i];
      g_assert (strlen (subject->word) <= SUBJECT_MAX);
      if (!g_hash_table_contains (all->by_word, subject->word))
        g_hash_table_insert (all->by_word, (gpointer) subject->word, (gpointer) subject);
      if (unspaced (subject->word))
        g_ptr_array_add (all->unspaced, (gpointer) subject);
    }
  return all;
}

static const Subjects *
subjects (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_subjects, NULL);
}

static gboolean
opening (char c)
{
  return c == '(' || c == '<' || c == '[' || c == '"' || c == '\'';
}

static gboolean
closing (char c)
{
  return c != '\0' && strchr (".,;:!?)>]\"'", c) != NULL;
}

/* Does the word end at t[at] (the end, a space, or closing punctuation up to one:
 * not "unreachable.example.net")? */
static gboolean
word_ends (const char *t, gsize len, gsize at)
{
  while (at < len && closing (t[at]))
    at++;
  return at == len || t[at] == ' ';
}

/* Does the word at w (up to a space or end) open an aside: "(in reply to ...",
 * not a word glossed in one ("(dns)")? (Going back, a word that ends one
 * without opening it closes an aside.) */
static gboolean
opens_aside (const char *w, const char *end)
{
  if (*w != '(')
    return FALSE;
  for (const char *p = w; p < end && *p != ' '; p++)
    if (*p == ')')
      return FALSE;
  return TRUE;
}

/* The length of the mark at p (n bytes on) that closes a clause: '.', ';', ':',
 * '!', '?', or in CJK text the ideographic full stop and the full-width forms of
 * the others (Unicode's Halfwidth and Fullwidth Forms: U+FF01 '!', U+FF1A ':',
 * U+FF1B ';', U+FF1F '?'); 0 when there is none. */
static gsize
clause_mark (const char *p, gsize n)
{
  if (n >= 1 && (*p == '.' || *p == ';' || *p == ':' || *p == '!' || *p == '?'))
    return 1;
  if (n >= 3 && ((memcmp (p, "\xe3\x80\x82", 3) == 0)
                 || (p[0] == '\xef' && p[1] == '\xbc'
                     && (p[2] == '\x81' || p[2] == '\x9a' || p[2] == '\x9b' || p[2] == '\x9f'))))
    return 3;
  return 0;
}

/* Does the word [ws, we) of t end with a mark that closes a clause? */
static gboolean
ends_clause (const char *t, gsize ws, gsize we)
{
  return (we > ws && clause_mark (t + we - 1, 1))
         || (we - ws >= 3 && clause_mark (t + we - 3, 3) == 3);
}

/* The rule that pairs a subject and a state kind, or NULL. */
static const TopicRule *
rule_of (SubjectKind subject, StateKind state, guint status_subject)
{
  for (gsize r = 0; r < topic_rules_size; r++)
    if (topic_rules[r].subject == subject && topic_rules[r].state == state
        && (status_subject == 0 || topic_rules[r].status_subject == status_subject))
      return &topic_rules[r];
  return NULL;
}

/* A subject of a script without spaces inside the n bytes at w: the first that a
 * rule pairs with state under status_subject, else the first there is (a thing
 * named, of no rule here); NULL when none stands there. */
static const TopicSubject *
unspaced_subject_in (const char *w, gsize n, StateKind state, guint status_subject)
{
  const GPtrArray *list = subjects ()->unspaced;
  const TopicSubject *first = NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const TopicSubject *subject = g_ptr_array_index (list, i);
      if (!memmem (w, n, subject->word, strlen (subject->word)))
        continue;
      if (rule_of (subject->kind, state, status_subject))
        return subject;
      if (!first)
        first = subject;
    }
  return first;
}

/* "mx.example.org": two labels or more of letters, digits and hyphens, the last
 * of two letters or more ("5.1.1", "e.g." and "u.s." are none). */
static gboolean
is_domain_name (const char *w, gsize n)
{
  guint labels = 0;
  gsize label = 0; /* the current label's length */
  gboolean letters_only = TRUE;
  for (gsize i = 0; i <= n; i++)
    {
      if (i == n || w[i] == '.')
        {
          if (label == 0)
            return FALSE;
          labels++;
          if (i == n)
            break;
          label = 0, letters_only = TRUE;
        }
      else if (g_ascii_isalnum (w[i]) || w[i] == '-')
        {
          label++;
          letters_only &= g_ascii_isalpha (w[i]);
        }
      else
        return FALSE;
    }
  return labels >= 2 && label >= 2 && letters_only;
}

/* The subject of the table the words at *w (*n bytes, as folded) are, without
 * their quotes, brackets, trailing punctuation or "'s" (*w and *n are moved to
 * what is left); NULL when they are none. */
static const TopicSubject *
subject_named (const char **w, gsize *n)
{
  while (*n > 0 && opening (**w))
    (*w)++, (*n)--;
  while (*n > 0 && closing ((*w)[*n - 1]))
    (*n)--;
  if (*n > 2 && (*w)[*n - 2] == '\'' && (*w)[*n - 1] == 's')
    *n -= 2;
  char key[SUBJECT_MAX + 1];
  if (*n == 0 || *n > SUBJECT_MAX)
    return NULL;
  memcpy (key, *w, *n);
  key[*n] = '\0';
  return g_hash_table_lookup (subjects ()->by_word, key);
}

/* The subject the word w (n bytes, as folded) is, without its quotes, brackets,
 * trailing punctuation or "'s" (so the placeholder "<ip>" reads as "ip"), or in
 * a script without spaces the subject it holds (the one a rule pairs with state,
 * where it holds several); NULL when it is none. */
static const TopicSubject *
subject_of (const char *w, gsize n, StateKind state, guint status_subject)
{
  const TopicSubject *subject = subject_named (&w, &n);
  if (subject)
    return subject;
  for (gsize i = 0; i < n; i++)
    if ((guchar) w[i] >= 0xe3)
      return unspaced_subject_in (w + i, n - i, state, status_subject);
  return is_domain_name (w, n) ? &topic_domain_name : NULL;
}

typedef struct
{
  const char *text;
  gsize len;
  gsize covered;    /* the end of the last state read: a state inside it is part of it */
  guint status_subject;
  TopicFind best;
} Search;

/* The word before the one starting at pos within the clause, as [*ws, *we):
 * FALSE at the text's start or where that word closes a clause or an aside. */
static gboolean
word_before (const char *t, gsize pos, gsize *ws, gsize *we)
{
  if (pos < 2)
    return FALSE;
  *we = pos - 1; /* the space before the word */
  *ws = *we;
  while (*ws > 0 && t[*ws - 1] != ' ')
    (*ws)--;
  return !ends_clause (t, *ws, *we) && !(t[*we - 1] == ')' && !memchr (t + *ws, '(', *we - *ws));
}

/* The start of the word at at (after its opening bracket, if any). */
static gsize
word_start (const char *t, gsize at)
{
  while (at > 0 && t[at - 1] != ' ')
    at--;
  return at;
}

/* Does "no" stand before the state at at, within reach and in its clause? */
static gboolean
negated_before (const Search *s, gsize at)
{
  gsize pos = word_start (s->text, at), ws, we;
  for (guint d = 1; d <= TOPIC_REACH && word_before (s->text, pos, &ws, &we); d++, pos = ws)
    if (we - ws == 2 && s->text[ws] == 'n' && s->text[ws + 1] == 'o')
      return TRUE;
  return FALSE;
}

/* Is the word before the one starting at ws within the clause w? */
static gboolean
word_before_is (const char *t, gsize ws, const char *w)
{
  gsize ps, pe;
  return word_before (t, ws, &ps, &pe) && pe - ps == strlen (w) && memcmp (t + ps, w, pe - ps) == 0;
}

gboolean
topics_sending_side_before (const char *folded, gsize at)
{
  return word_before_is (folded, at, "your") || word_before_is (folded, at, "client")
         || word_before_is (folded, at, "sending") || word_before_is (folded, at, "helo")
         || word_before_is (folded, at, "ehlo");
}

/* The names of the header fields that carry the sender's addresses (RFC 5322
 * § 3.6.2 From, Sender, Reply-To; § 3.6.7 Return-Path). */
static const char *const sender_fields[] = { "from", "sender", "reply-to", "return-path" };

/* Does the word ending at we (t[we] is the space after it) name a field that
 * carries the sender's address, with or without its colon ("From:", "Reply-To")?
 * ws: its start. */
static gboolean
names_sender_field (const char *t, gsize ws, gsize we)
{
  if (we > ws && t[we - 1] == ':')
    we--;
  for (gsize i = 0; i < G_N_ELEMENTS (sender_fields); i++)
    if (we - ws == strlen (sender_fields[i]) && memcmp (t + ws, sender_fields[i], we - ws) == 0)
      return TRUE;
  return FALSE;
}

/* The word before the one starting at pos, as [*ws, *we), a colon at its end
 * allowed (the colon closes a clause, so word_before does not see past it). */
static gboolean
word_before_colon (const char *t, gsize pos, gsize *ws, gsize *we)
{
  if (pos < 2 || t[pos - 1] != ' ')
    return FALSE;
  *we = pos - 1;
  *ws = *we;
  while (*ws > 0 && t[*ws - 1] != ' ')
    (*ws)--;
  return *we > *ws;
}

/* Does the word starting at ws follow the name of a field that carries the
 * sender's address, "From:" ("From: Domain is invalid"), "From" ("header From
 * domain not found"), "Reply-To", "Sender:", "Return-Path", or such a name and
 * "header" or "field" ("From: header domain does not exist")? */
static gboolean
after_from_field (const char *t, gsize ws)
{
  gsize ps, pe;
  if (!word_before_colon (t, ws, &ps, &pe))
    return FALSE;
  if (names_sender_field (t, ps, pe))
    return TRUE;
  gboolean field_word = (pe - ps == 6 && memcmp (t + ps, "header", 6) == 0)
                        || (pe - ps == 5 && memcmp (t + ps, "field", 5) == 0);
  gsize qs, qe;
  return field_word && word_before_colon (t, ps, &qs, &qe) && names_sender_field (t, qs, qe);
}

/* What "in [the] <name>[:] [header[s]]" after a thing says ("the domain in the
 * From header", "address in the To: header", "in header"): the span of the word
 * after "in [the]" (its closing punctuation but a colon trimmed), and whether
 * "header" or "headers" stands within three words of "in", in its clause. */
typedef struct
{
  gsize start, end;
  gboolean header;
} InField;

/* Reads the words after the one ending at we as InField says; FALSE where the
 * next word is not "in". */
static gboolean
read_in_field (const char *t, gsize len, gsize we, InField *f)
{
  f->start = f->end = 0;
  f->header = FALSE;
  gboolean open = TRUE; /* the clause of "in" goes on */
  gsize pos = we;
  for (guint n = 0; n < 4 && pos < len && t[pos] == ' '; n++)
    {
      gsize ws = pos + 1, e = ws;
      while (e < len && t[e] != ' ')
        e++;
      gsize k = e;
      while (k > ws && closing (t[k - 1]))
        k--;
      if (n == 0 && !(e - ws == 2 && memcmp (t + ws, "in", 2) == 0))
        return FALSE;
      gboolean the = n == 1 && e - ws == 3 && memcmp (t + ws, "the", 3) == 0;
      if (n > 0 && n <= 2 && !f->end && !the)
        {
          f->start = ws, f->end = e;
          while (f->end > ws && t[f->end - 1] != ':' && closing (t[f->end - 1]))
            f->end--; /* "From." at the end of the clause */
        }
      if (n > 0 && open
          && ((k - ws == 6 && memcmp (t + ws, "header", 6) == 0)
              || (k - ws == 7 && memcmp (t + ws, "headers", 7) == 0)))
        f->header = TRUE;
      if (k < e && t[k] != ':')
        open = FALSE;
      pos = e;
    }
  return TRUE;
}

/* Does the word before the one starting at ws say the thing is the sending
 * side's own: "your" (a reply speaks to the sender), "sending" or
 * "authenticated" (the account the client logged in with)? */
static gboolean
senders_own_before (const char *t, gsize ws)
{
  return word_before_is (t, ws, "your") || word_before_is (t, ws, "sending")
         || word_before_is (t, ws, "authenticated");
}

/* The subject subj of the word starting at ws, read as the sending side's where
 * the word before makes it so: "your", "sending" or "authenticated" account,
 * domain, address or user is the envelope sender's (topic_senders_own); the "HELO", "EHLO" or "client" address
 * the sending host's; "your", "client" or "sending" host, and the
 * "HELO" or "EHLO" host (RFC 5321 § 4.1.1.1: the client names itself there), is
 * the sending host (topic_sending_host); a domain or an address right after the
 * name of a field that carries the sender's address ("From:", "Reply-To", "From
 * header"), or said to be in one ("in the From header"), is the sender's
 * (topic_from_field); a domain named as a link's ("URL domain") the content's
 * (topic_link_domain), as a signature's ("DKIM domain", "signing domain",
 * "DKIM key domain") the sender's authentication (topic_signing_domain). */
static const TopicSubject *
owned_by_reader (const Search *s, gsize ws, gsize we, const TopicSubject *subj)
{
  if (subj
      && (subj->kind == SUBJECT_MAILBOX || subj->kind == SUBJECT_DOMAIN
          || subj->kind == SUBJECT_ADDRESS || subj->kind == SUBJECT_USER)
      && senders_own_before (s->text, ws))
    return &topic_senders_own;
  /* the address given with HELO or EHLO, or the client's, is the sending host's */
  if (subj && subj->kind == SUBJECT_ADDRESS
      && (word_before_is (s->text, ws, "helo") || word_before_is (s->text, ws, "ehlo")
          || word_before_is (s->text, ws, "client")))
    return &topic_sending_host;
  if (subj && (subj->kind == SUBJECT_DOMAIN || subj->kind == SUBJECT_ADDRESS))
    {
      InField f;
      gboolean in_field = read_in_field (s->text, s->len, we, &f);
      if (after_from_field (s->text, ws)
          || (in_field && names_sender_field (s->text, f.start, f.end)))
        return &topic_from_field;
      /* in a header of the message (other than the sender's), or a Message-ID's:
       * the message's form, not an envelope address */
      if ((in_field && f.header) || word_before_is (s->text, ws, "message-id"))
        return &topic_header_field;
    }
  /* a domain name written out right after a subject's word is that subject's
   * name, and whose the word says: "URL domain example.com" a link's, "User
   * john.smith" (a user named with a dot, Domino's "User <name> (<address>)
   * not listed") a user's */
  gsize ps, pe;
  if (subj == &topic_domain_name && word_before (s->text, ws, &ps, &pe))
    {
      const char *w = s->text + ps;
      gsize n = pe - ps;
      const TopicSubject *before = subject_named (&w, &n);
      const TopicSubject *named = before ? owned_by_reader (s, ps, pe, before) : NULL;
      if (named && named->kind != SUBJECT_DOMAIN)
        return named;
    }
  if (subj && subj->kind == SUBJECT_DOMAIN)
    {
      if (word_before_is (s->text, ws, "url") || word_before_is (s->text, ws, "uri")
          || word_before_is (s->text, ws, "link"))
        return &topic_link_domain;
      gsize ks = ws, ke;
      if (word_before_is (s->text, ws, "key"))
        word_before (s->text, ws, &ks, &ke); /* "DKIM key domain" */
      if (word_before_is (s->text, ks, "dkim") || word_before_is (s->text, ks, "signing")
          || word_before_is (s->text, ks, "signature"))
        return &topic_signing_domain;
    }
  if (subj && subj->kind == SUBJECT_HOST && topics_sending_side_before (s->text, ws))
    return &topic_sending_host;
  return subj;
}

/* Subjects that say whose the state is, whatever else stands nearer: the
 * sender's ("sender domain does not exist"), the sending host named as such
 * ("sending host not found in DNS"), a domain's when the name service is named
 * ("the server for this recipient could not be found in DNS"). The sender and
 * the sending host name an owner, the name service only where the thing was
 * looked up: "no MX record found for sender domain" is the sender's. Returns
 * the rank, 0 for a subject that says nothing of whose. */
static guint
says_whose (const TopicSubject *subject)
{
  if (subject->kind == SUBJECT_SENDER || subject == &topic_sending_host)
    return 2;
  return subject->kind == SUBJECT_NAME_SERVICE ? 1 : 0;
}

/* A subject written in two words ("mail box") that ends with the word [ws, we):
 * the word before it and it, read as one; NULL when they are none. *start is
 * set to where the two words start. */
static const TopicSubject *
two_word_subject (const Search *s, gsize ws, gsize we, gsize *start)
{
  gsize ps, pe;
  if (!word_before (s->text, ws, &ps, &pe))
    return NULL;
  const char *w = s->text + ps;
  gsize n = we - ps;
  const TopicSubject *subj = subject_named (&w, &n);
  if (!subj || !strchr (subj->word, ' '))
    return NULL;
  *start = ps;
  return subj;
}

/* Weighs the word [ws, we) at distance d as the subject of state: a subject that
 * says whose the state is comes first (says_whose, by its rank); otherwise the
 * nearest subject wins. Returns where the subject read starts: the word before
 * it where the two are one subject ("sender IP"), which is then not read alone. */
static gsize
consider (const Search *s, gsize ws, gsize we, guint d, StateKind state, const TopicSubject **pick,
          guint *pick_d, gboolean *named)
{
  /* a subject written in two words comes before its last word alone ("IP
   * address" is the client's, "return address" the sender's) */
  gsize two_ws = ws;
  const TopicSubject *subj = two_word_subject (s, ws, we, &two_ws);
  if (subj)
    ws = two_ws;
  else
    subj = subject_of (s->text + ws, we - ws, state, s->status_subject);
  subj = owned_by_reader (s, ws, we, subj);
  *named |= subj != NULL;
  if (!subj || !rule_of (subj->kind, state, s->status_subject))
    return ws;
  guint first = says_whose (subj);
  guint pick_first = *pick ? says_whose (*pick) : 0;
  if (!*pick || first > pick_first || (first == pick_first && d < *pick_d))
    *pick = subj, *pick_d = d;
  return ws;
}

static gboolean
found_state (guint tag, gsize at, gsize n, gpointer data)
{
  Search *s = data;
  const char *t = s->text;
  gsize end = at + n;
  /* whole words only (but in a script written without spaces), and not a
   * shorter state inside a longer one ("found" in "not found") */
  gboolean inside = unspaced (topic_states[tag].words);
  if ((!inside && ((at > 0 && t[at - 1] != ' ' && !opening (t[at - 1]))
                   || !word_ends (t, s->len, end)))
      || at < s->covered)
    return TRUE;
  s->covered = end;
  StateKind state = topic_states[tag].kind;
  if (state == STATE_DETECTED && negated_before (s, at))
    state = STATE_MISSING; /* "no MX record found", "no such account found" */
  const TopicSubject *pick = NULL;
  guint pick_d = G_MAXUINT;
  gboolean named = FALSE; /* a subject of any rule stands within reach */

  /* in a script written without spaces the subject may be in the state's own
   * word, within its sentence (up to a "。") */
  if (inside)
    {
      static const char full_stop[] = "\xe3\x80\x82";
      gsize ws = at, we = end;
      while (ws > 0 && t[ws - 1] != ' ' && !(ws >= 3 && memcmp (t + ws - 3, full_stop, 3) == 0))
        ws--;
      while (we < s->len && t[we] != ' ' && memcmp (t + we, full_stop, MIN (3, s->len - we)) != 0)
        we++;
      consider (s, ws, we, 0, state, &pick, &pick_d, &named);
    }

  /* backwards, up to the word that closes the clause before; a parenthesis
   * is a clause of its own ("blocked (in reply to MAIL FROM command)") */
  gsize pos = word_start (t, at), ws, we;
  for (guint d = 1; d <= TOPIC_REACH && !opens_aside (t + pos, t + s->len)
                    && word_before (t, pos, &ws, &we);
       d++)
    pos = consider (s, ws, we, d, state, &pick, &pick_d, &named);
  /* forwards, up to the word that closes this clause */
  pos = end;
  gboolean closed = FALSE;
  while (pos < s->len && t[pos] != ' ' && !closed)
    {
      gsize mark = clause_mark (t + pos, s->len - pos);
      closed = mark > 0;
      pos += closed ? mark : 1;
    }
  for (guint d = 1; d <= TOPIC_REACH && !closed && pos < s->len; d++)
    {
      gsize ws = pos + 1, we = ws;
      while (we < s->len && t[we] != ' ')
        we++;
      if (we == ws || opens_aside (t + ws, t + we))
        break;
      consider (s, ws, we, d, state, &pick, &pick_d, &named);
      closed = ends_clause (t, ws, we);
      pos = we;
    }
  if (!pick)
    {
      if (!named && state == STATE_LISTED && !s->best.listed_alone)
        s->best.listed_alone = &topic_states[tag];
      return TRUE;
    }
  const TopicRule *rule = rule_of (pick->kind, state, s->status_subject);
  if (rule->reason == REASON_EXPIRED)
    s->best.gave_up = TRUE;
  else if (!s->best.rule || reason_beats (rule->reason, s->best.rule->reason))
    {
      s->best.rule = rule;
      s->best.subject = pick;
      s->best.state = &topic_states[tag];
      s->best.state_kind = state;
    }
  return TRUE;
}

Reason
topics_find (const char *folded, guint status_subject, TopicFind *out)
{
  Search s = { folded, folded ? strlen (folded) : 0, 0, status_subject, { NULL, NULL, NULL, STATE_MISSING, FALSE, NULL } };
  if (s.len)
    match_set_each (states (), folded, s.len, found_state, &s);
  if (out)
    *out = s.best;
  return s.best.rule ? s.best.rule->reason : REASON_NONE;
}

static gboolean
of_recipient (const TopicSubject *subject)
{
  return subject
         && (subject->kind == SUBJECT_USER || subject->kind == SUBJECT_ADDRESS
             || subject->kind == SUBJECT_MAILBOX);
}

/* A subject of the sending side or of a cause other than the address: the
 * sender, the sending host or IP, relaying, spam, a link, a virus, a rate, a
 * count, a policy, TLS, authentication, a filter, an attachment. */
static gboolean
of_another_cause (const TopicSubject *subject)
{
  switch (subject ? subject->kind : SUBJECT_USER)
    {
    case SUBJECT_SENDER:
    case SUBJECT_CLIENT:
    case SUBJECT_RELAY:
    case SUBJECT_SPAM:
    case SUBJECT_LINK:
    case SUBJECT_VIRUS:
    case SUBJECT_RATE:
    case SUBJECT_MANY:
    case SUBJECT_POLICY:
    case SUBJECT_TLS:
    case SUBJECT_AUTHENTICATION:
    case SUBJECT_FILTER:
    case SUBJECT_ATTACHMENT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Does fn hold for a word of folded (the runs between its spaces)? */
static gboolean
some_word (const char *folded, gboolean (*fn) (const char *word, gsize n))
{
  for (const char *w = folded; w && *w;)
    {
      gsize n = strcspn (w, " ");
      if (fn (w, n))
        return TRUE;
      w += n;
      w += strspn (w, " ");
    }
  return FALSE;
}

/* "you", "your" (a reply speaks to the sender, RFC 5321 § 4.5.5), or a subject
 * of another cause than the address */
static gboolean
word_of_another_cause (const char *word, gsize n)
{
  gsize len = n;
  while (len > 0 && closing (word[len - 1]))
    len--;
  if ((len == 3 && memcmp (word, "you", 3) == 0) || (len == 4 && memcmp (word, "your", 4) == 0))
    return TRUE;
  return of_another_cause (subject_named (&word, &n));
}

static gboolean
word_of_recipient (const char *word, gsize n)
{
  return of_recipient (subject_named (&word, &n));
}

gboolean
topics_names_another_cause (const char *folded)
{
  return some_word (folded, word_of_another_cause);
}

gboolean
topics_names_recipient (const char *folded)
{
  if (!folded)
    return FALSE;
  const GPtrArray *list = subjects ()->unspaced;
  for (guint i = 0; i < list->len; i++)
    {
      const TopicSubject *subject = g_ptr_array_index (list, i);
      if (of_recipient (subject) && strstr (folded, subject->word))
        return TRUE;
    }
  return some_word (folded, word_of_recipient);
}

static gpointer
build_periods (gpointer data)
{
  (void) data;
  MatchSet *set = match_set_new ();
  match_set_add_list (set, topic_periods, 0);
  match_set_seal (set);
  return set;
}

/* a whole-word occurrence */
static gboolean
whole_words (const char *text, gsize len, gsize at, gsize n, gpointer data)
{
  (void) data;
  return (at == 0 || text[at - 1] == ' ') && word_ends (text, len, at + n);
}

gboolean
topics_names_period (const char *folded)
{
  static GOnce once = G_ONCE_INIT;
  const MatchSet *periods = g_once (&once, build_periods, NULL);
  guint tag;
  return folded && match_set_first (periods, folded, strlen (folded), whole_words, NULL, &tag) >= 0;
}
