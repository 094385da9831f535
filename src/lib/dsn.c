/* dsn.c: the heart of RFC 3464 extraction. A delivery-status body is one
 * per-message field group followed by per-recipient groups; fields are unfolded by
 * fields.c and read here. Unknown fields are ignored, duplicates: the first wins.
 */
#include "dsn.h"

#include <string.h>

#include "address.h"
#include "bounds.h"
#include "fields.h"
#include "mime.h"
#include "status.h"

void
dsn_split_typed (const char *value, char **type, char **text)
{
  *type = NULL;
  *text = NULL;
  if (!value)
    return;
  const char *semi = strchr (value, ';');
  gboolean typed = semi != NULL && semi > value && semi - value <= 32;
  /* a type is one token ("smtp", "X-Postfix", "rfc822"), white space around it only */
  const char *t0 = value, *t1 = semi;
  while (typed && t0 < t1 && (*t0 == ' ' || *t0 == '\t'))
    t0++;
  while (typed && t1 > t0 && (t1[-1] == ' ' || t1[-1] == '\t'))
    t1--;
  for (const char *p = t0; typed && p < t1; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.'))
      typed = FALSE;
  if (typed)
    {
      *type = g_ascii_strdown (value, semi - value);
      g_strstrip (*type);
      if (**type == '\0')
        g_clear_pointer (type, g_free);
      value = semi + 1;
    }
  while (*value == ' ' || *value == '\t')
    value++;
  if (*value)
    *text = g_strdup (value);
}

static void
set_typed_value (BounceRecord *rec, BounceField field, const char *value)
{
  char *type, *text;
  dsn_split_typed (value, &type, &text);
  record_set (rec, field, text);
  g_free (type);
  g_free (text);
}

static void
set_date (BounceRecord *rec, BounceField field, const char *value)
{
  char *iso = mime_date_iso (value);
  record_take (rec, field, iso);
}

/* PowerMTA's bounce categories (X-PowerMTA-BounceCategory), as its manual defines
 * them, in the reason vocabulary; NULL for "other" and unknown names. */
Reason
dsn_category_reason (const char *category)
{
  static const struct
  {
    const char *category;
    Reason reason;
  } rows[] = {
    { "bad-mailbox", REASON_USERUNKNOWN },       { "bad-domain", REASON_HOSTUNKNOWN },
    { "inactive-mailbox", REASON_SUSPEND },      { "quota-issues", REASON_MAILBOXFULL },
    { "message-expired", REASON_EXPIRED },       { "no-answer-from-host", REASON_NETWORKERROR },
    { "bad-connection", REASON_NETWORKERROR },   { "routing-errors", REASON_NETWORKERROR },
    { "relaying-issues", REASON_NORELAYING },    { "invalid-sender", REASON_REJECTED },
    { "policy-related", REASON_POLICYVIOLATION }, { "spam-related", REASON_SPAMDETECTED },
    { "virus-related", REASON_VIRUSDETECTED },   { "content-related", REASON_CONTENTERROR },
    { "protocol-errors", REASON_SYNTAXERROR },   { "bad-configuration", REASON_SYSTEMERROR },
  };
  if (!category)
    return REASON_NONE;
  while (*category == ' ' || *category == '\t')
    category++;
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_ascii_strncasecmp (category, rows[i].category, strlen (rows[i].category)) == 0)
      return rows[i].reason;
  return REASON_NONE;
}

/* TRUE when the local part names a path or a program, not a mailbox. */
static gboolean
delivery_path (const char *address)
{
  const char *at = strrchr (address, '@');
  for (const char *p = address; p < at; p++)
    if (*p == '/' || *p == '|')
      return TRUE;
  return FALSE;
}

/* Does the Final-Recipient or X-Actual-Recipient name a program ("|command")? */
static gboolean
program_target (const char *final, const char *actual)
{
  const char *fields[] = { final, actual };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = fields[i];
      if (!v)
        continue;
      const char *semi = strchr (v, ';');
      v = semi ? semi + 1 : v;
      while (*v == ' ' || *v == '\t' || *v == '"' || *v == '<')
        v++;
      if (*v == '|')
        return TRUE;
    }
  return FALSE;
}

/* A vendor's diagnostic field, for a group without Diagnostic-Code: Exim writes
 * "X-Exim-Diagnostic: X-str; <text>" (src exim 4.96 src/deliver.c
 * deliver_message), and other writers name theirs "X-<vendor>-Diagnostic..." */
static const char *
vendor_diagnostic (const FieldGroup *g)
{
  for (guint i = 0; i < g->n_fields; i++)
    {
      const char *name = g->fields[i].name;
      if ((name[0] == 'X' || name[0] == 'x') && name[1] == '-'
          && g_ascii_strncasecmp (name + strlen (name) - MIN (strlen (name), 10), "diagnostic", 10) == 0
          && *g->fields[i].value)
        return g->fields[i].value;
      if ((name[0] == 'X' || name[0] == 'x') && name[1] == '-'
          && strlen (name) > 16
          && g_ascii_strcasecmp (name + strlen (name) - 15, "diagnostic-code") == 0
          && *g->fields[i].value)
        return g->fields[i].value;
    }
  return NULL;
}

/* The Status field: an enhanced code, or an SMTP reply code written there
 * ("Status: 550", "Status: 550 5.1.1"), kept as the reply code (reply, else
 * empty) with the enhanced code after it, if any, as the status. A code followed
 * by a comment ("5.1.1 (User unknown)") is the code alone. Returns the status:
 * value, enhanced or NULL. */
static const char *
status_value (const char *value, char reply[4], char enhanced[STATUS_MAX])
{
  reply[0] = '\0';
  const char *v = value;
  while (v && (*v == ' ' || *v == '\t'))
    v++;
  if (v && (v[0] == '2' || v[0] == '4' || v[0] == '5') && g_ascii_isdigit (v[1])
      && g_ascii_isdigit (v[2]) && !g_ascii_isdigit (v[3]) && v[3] != '.')
    {
      memcpy (reply, v, 3);
      reply[3] = '\0';
      return status_find_enhanced (v + 3, enhanced) ? enhanced : NULL;
    }
  guint k, sj, d;
  gsize n = v ? status_parse_enhanced (v, strlen (v), &k, &sj, &d) : 0;
  if (n > 0 && n < STATUS_MAX && (v[n] == ' ' || v[n] == '\t' || v[n] == '('))
    {
      memcpy (enhanced, v, n);
      enhanced[n] = '\0';
      return enhanced;
    }
  return value;
}

/* "4.0.0 (mx.example.org: host name lookup failure)": the comment after the
 * code, a new string; NULL when there is none. */
static char *
status_comment (const char *value)
{
  const char *open = value ? strchr (value, '(') : NULL;
  if (!open)
    return NULL;
  const char *close = strrchr (open, ')');
  gsize n = close ? (gsize) (close - open - 1) : strlen (open + 1);
  char *comment = g_strstrip (g_strndup (open + 1, n));
  if (!*comment)
    {
      g_free (comment);
      return NULL;
    }
  return comment;
}

static void
set_status (BounceRecord *rec, const char *value)
{
  char reply[4], enhanced[STATUS_MAX];
  const char *status = status_value (value, reply, enhanced);
  if (reply[0])
    record_set (rec, BOUNCE_FIELD_REPLY_CODE, reply);
  record_set (rec, BOUNCE_FIELD_STATUS, status);
}

static gboolean
names_recipient (const char *name)
{
  return g_ascii_strcasecmp (name, "Final-Recipient") == 0
         || g_ascii_strcasecmp (name, "Original-Recipient") == 0;
}

/* Does a recipient field follow field i before the next Action? */
static gboolean
recipient_follows (const FieldGroup *g, guint i)
{
  for (guint k = i + 1; k < g->n_fields; k++)
    {
      if (names_recipient (g->fields[k].name))
        return TRUE;
      if (g_ascii_strcasecmp (g->fields[k].name, "Action") == 0)
        return FALSE;
    }
  return FALSE;
}

/* The recipient groups of one field group: a writer that leaves out the blank
 * line between recipients puts them in one group, where a field that names a
 * recipient a second time (Final-Recipient, Original-Recipient) starts the next
 * one, or a second Action that a recipient field follows (Exim writes Action
 * first, src exim 4.96 src/deliver.c print_dsn_addr_action); an
 * Original-Recipient just before a second Final-Recipient starts it with it. A
 * field written twice otherwise is the group's own (the first one counts).
 * Views into g's fields. */
static GArray *
split_recipients (const FieldGroup *g)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (FieldGroup));
  guint start = 0;
  gboolean final = FALSE, original = FALSE, action = FALSE;
  for (guint i = 0; i < g->n_fields; i++)
    {
      const char *name = g->fields[i].name;
      gboolean is_final = g_ascii_strcasecmp (name, "Final-Recipient") == 0;
      gboolean is_original = g_ascii_strcasecmp (name, "Original-Recipient") == 0;
      gboolean is_action = g_ascii_strcasecmp (name, "Action") == 0;
      if ((is_final && final) || (is_original && original)
          || (is_action && action && (final || original) && recipient_follows (g, i)))
        {
          guint at = i;
          if (is_final && at > start + 1
              && g_ascii_strcasecmp (g->fields[at - 1].name, "Original-Recipient") == 0)
            at--;
          FieldGroup part = { g->fields + start, at - start };
          g_array_append_val (out, part);
          start = at;
          final = action = FALSE;
          original = at < i;
        }
      final |= is_final;
      original |= is_original;
      action |= is_action;
    }
  FieldGroup last = { g->fields + start, g->n_fields - start };
  g_array_append_val (out, last);
  return out;
}

static gboolean
is_recipient_group (const FieldGroup *g)
{
  return fields_get (g, "Final-Recipient") || fields_get (g, "Original-Recipient")
         || fields_get (g, "X-Actual-Recipient");
}

static void
read_message_group (BounceReport *report, const FieldGroup *g)
{
  char *type, *text;
  const char *mta = fields_get (g, "Reporting-MTA");
  if (mta && !bounce_report_get (report, BOUNCE_FIELD_REPORTING_MTA))
    {
      dsn_split_typed (mta, &type, &text);
      report_set (report, BOUNCE_FIELD_REPORTING_MTA, text);
      g_free (type);
      g_free (text);
    }
  const char *arrival = fields_get (g, "Arrival-Date");
  if (arrival && !bounce_report_get (report, BOUNCE_FIELD_ARRIVAL_DATE))
    report_take (report, BOUNCE_FIELD_ARRIVAL_DATE, mime_date_iso (arrival));
}

static void
read_recipient_group (BounceReport *report, const FieldGroup *g)
{
  const char *final = fields_get (g, "Final-Recipient");
  const char *original = fields_get (g, "Original-Recipient");
  const char *actual = fields_get (g, "X-Actual-Recipient");
  char *recipient = address_normalise (final);
  /* a delivery path rather than a mailbox (Courier's ".xalias/user@host",
   * a "|program" or "/file" target): the address the sender used says more */
  if (recipient && original && delivery_path (recipient))
    {
      char *orig = address_normalise (original);
      if (orig && !delivery_path (orig))
        {
          g_free (recipient);
          recipient = orig;
        }
      else
        g_free (orig);
    }
  /* an unqualified host ("user@mailhost", the reporting MTA's own name for the
   * mailbox): the address the sender used, when it is a usable one */
  if (recipient && !address_qualified (recipient))
    {
      char *other = address_normalise (original);
      if (!address_qualified (other))
        {
          g_free (other);
          other = address_normalise (actual);
        }
      if (address_qualified (other))
        {
          g_free (recipient);
          recipient = other;
        }
      else
        g_free (other);
    }
  if (!recipient)
    recipient = address_normalise (original);
  if (!recipient)
    recipient = address_normalise (actual);
  /* no usable address: kept, under the value as written, for the notice's own
   * recipient to stand for (BounceRecord) */
  gboolean unusable = recipient == NULL;
  if (unusable)
    recipient = g_strdup (final ? final : original ? original : actual ? actual : "");
  /* the same group written again (some writers repeat the part's groups): one
   * record, its empty fields filled from the repeat */
  BounceRecord *same = report_find_record (report, recipient);
  if (same && same->recipient_unusable != unusable)
    same = NULL;
  const char *same_source = same ? record_peek (same, BOUNCE_FIELD_SOURCE) : NULL;
  char same_reply[4], same_enhanced[STATUS_MAX];
  if (same && same_source && strcmp (same_source, "dsn") == 0
      && g_strcmp0 (record_peek (same, BOUNCE_FIELD_STATUS),
                    status_value (fields_get (g, "Status"), same_reply, same_enhanced)) == 0)
    {
      const char *d = fields_get (g, "Diagnostic-Code");
      if (d && !record_peek (same, BOUNCE_FIELD_DIAGNOSTIC))
        {
          char *type, *text;
          dsn_split_typed (d, &type, &text);
          record_take (same, BOUNCE_FIELD_DIAGNOSTIC_TYPE, type);
          record_set (same, BOUNCE_FIELD_DIAGNOSTIC, text); /* cleaned, as the first one's */
          g_free (text);
        }
      g_free (recipient);
      return;
    }
  BounceRecord *rec = report_add_record (report);
  if (!rec)
    {
      g_free (recipient);
      return;
    }
  record_take (rec, BOUNCE_FIELD_RECIPIENT, recipient);
  rec->recipient_unusable = unusable;
  char *orig = address_normalise (original);
  record_take (rec, BOUNCE_FIELD_ORIGINAL_RECIPIENT, orig);

  const char *action = fields_get (g, "Action");
  gboolean expired = FALSE;
  if (action)
    {
      /* "failed (bad mailbox)" -> "failed" */
      gsize n = 0;
      while (action[n] && g_ascii_isalpha (action[n]))
        n++;
      char *word = g_ascii_strdown (action, n);
      /* "expired", a value some MTAs write that RFC 3464 § 2.3.3 does not
       * define: the MTA gave up, a failure */
      if (strcmp (word, "expired") == 0)
        {
          g_free (word);
          word = g_strdup ("failed");
          expired = TRUE;
        }
      record_take (rec, BOUNCE_FIELD_ACTION, *word ? word : (g_free (word), NULL));
    }
  set_status (rec, fields_get (g, "Status"));

  const char *diag = fields_get (g, "Diagnostic-Code");
  if (!diag)
    diag = vendor_diagnostic (g);
  char *comment = diag ? NULL : status_comment (fields_get (g, "Status"));
  if (comment)
    {
      /* the MTA's words written in the Status field, where no other field
       * holds any */
      record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, comment); /* cleaned, as any field */
      record_set (rec, BOUNCE_FIELD_COMMAND, status_find_command (comment));
      g_free (comment);
    }
  if (diag)
    {
      char *type, *text;
      dsn_split_typed (diag, &type, &text);
      record_take (rec, BOUNCE_FIELD_DIAGNOSTIC_TYPE, type);
      record_set (rec, BOUNCE_FIELD_DIAGNOSTIC, text);
      record_set (rec, BOUNCE_FIELD_COMMAND, status_find_command (text));
      g_free (text);
    }
  rec->reason_hint = dsn_category_reason (fields_get (g, "X-PowerMTA-BounceCategory"));
  /* delivered to a program ("|procmail ..."): a failure there is the local
   * delivery program's, unless the words say more */
  if (!rec->reason_hint && program_target (final, actual))
    rec->reason_hint = REASON_MAILERERROR;
  if (!rec->reason_hint && expired)
    rec->reason_hint = REASON_EXPIRED;
  set_typed_value (rec, BOUNCE_FIELD_REMOTE_MTA, fields_get (g, "Remote-MTA"));
  set_date (rec, BOUNCE_FIELD_LAST_ATTEMPT, fields_get (g, "Last-Attempt-Date"));
  set_date (rec, BOUNCE_FIELD_WILL_RETRY_UNTIL, fields_get (g, "Will-Retry-Until"));
  record_set (rec, BOUNCE_FIELD_SOURCE, "dsn");
}

guint
dsn_extract (BounceReport *report, const char *body)
{
  if (!body)
    return 0;
  guint before = bounce_report_n_records (report);
  FieldBlock *block = fields_parse (body, strlen (body));
  if (block->n_bad_lines > 0)
    report_warn (report, "delivery-status part: %u line(s) neither field nor continuation",
                 block->n_bad_lines);
  if (block->n_dropped > 0)
    report_warn_kind (report, BOUNCE_WARNING_FIELDS_CUT,
                      "delivery-status part cut at %d fields (%u more counted, not kept)",
                      MAX_FIELDS, block->n_dropped);
  for (guint i = 0; i < block->n_groups; i++)
    {
      GArray *parts = split_recipients (&block->groups[i]);
      for (guint k = 0; k < parts->len; k++)
        {
          const FieldGroup *g = &g_array_index (parts, FieldGroup, k);
          if (is_recipient_group (g))
            read_recipient_group (report, g);
          else
            read_message_group (report, g);
          /* some writers put the per-message fields in the first recipient group */
          if (is_recipient_group (g) && fields_get (g, "Reporting-MTA"))
            read_message_group (report, g);
        }
      g_array_free (parts, TRUE);
    }
  fields_free (block);
  return bounce_report_n_records (report) - before;
}

/* Does line start with the field name (any case), white space allowed before
 * its colon ("Status :", RFC 5322 § 4.5.3's obsolete syntax)? */
static gboolean
line_is_field (const char *line, const char *name)
{
  gsize n = strlen (name);
  if (g_ascii_strncasecmp (line, name, n) != 0)
    return FALSE;
  line += n;
  while (*line == ' ' || *line == '\t')
    line++;
  return *line == ':';
}

/* Is line one of the fields of RFC 3464 § 2.2 and § 2.3? */
static gboolean
line_is_dsn_field (const char *line)
{
  static const char *const names[] = {
    "Original-Envelope-Id", "Reporting-MTA", "DSN-Gateway", "Received-From-MTA",
    "Arrival-Date", "Original-Recipient", "Final-Recipient", "Action", "Status",
    "Remote-MTA", "Diagnostic-Code", "Last-Attempt-Date", "Final-Log-ID", "Will-Retry-Until",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (line_is_field (line, names[i]))
      return TRUE;
  return FALSE;
}

gssize
dsn_find_block (const char *text)
{
  static const char *const starts[] = { "Reporting-MTA", "Final-Recipient", "Original-Recipient" };
  if (!text)
    return -1;
  for (const char *line = text; line && *line;)
    {
      char first = g_ascii_tolower (*line); /* each start's first letter */
      for (gsize i = 0; (first == 'r' || first == 'f' || first == 'o') && i < G_N_ELEMENTS (starts); i++)
        if (line_is_field (line, starts[i]))
          {
            /* a real block also has Action: or Status: */
            gboolean real = FALSE;
            for (const char *l = strchr (line, '\n'); l && !real; l = strchr (l, '\n'))
              {
                l++;
                char c = g_ascii_tolower (*l);
                real = (c == 'a' && line_is_field (l, "Action"))
                       || (c == 's' && line_is_field (l, "Status"));
              }
            if (!real)
              return -1;
            /* with the fields written just before it ("Action: failed" first) */
            while (line > text)
              {
                const char *prev = line - 1;
                while (prev > text && prev[-1] != '\n')
                  prev--;
                if (!line_is_dsn_field (prev))
                  break;
                line = prev;
              }
            return line - text;
          }
      line = strchr (line, '\n');
      if (line)
        line++;
    }
  return -1;
}

guint
dsn_drop_unusable (BounceReport *report)
{
  guint dropped = 0;
  for (guint i = bounce_report_n_records (report); i-- > 0;)
    if (((const BounceRecord *) bounce_report_get_record (report, i))->recipient_unusable)
      {
        report_remove_record (report, i);
        report_warn (report, "delivery-status group without a usable recipient address");
        dropped++;
      }
  return dropped;
}
