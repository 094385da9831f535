/* link.c: what ties a report's records to the send they are about.
 *
 * KEY. A record's key is the first 16 hexadecimal digits (64 bits) of the SHA-256
 * of: the returned message's Message-ID or, lacking it, the bounce's own, without
 * its angle brackets and blanks; a NUL byte; the recipient, lower-cased; a NUL
 * byte; the action, lower-cased. So the delay warning and the failure about one
 * recipient of one send have different keys, the two notices of one failure (a
 * bounce sent twice) the same, and a record read from an MTA's log, keyed by the
 * Message-ID its cleanup or reception line gives, the same key as the bounce about
 * that attempt. 64 bits make an accidental collision unlikely below billions of
 * records; the key identifies, it does not authenticate.
 *
 * VERP. A sender that writes each recipient into its envelope sender
 * ("bounces+user=example.com@lists.example.org") gets the bounce delivered to
 * that address: the bounce's Delivered-To, X-Original-To, Envelope-To or To
 * (first one that decodes, in that order) then names the recipient whatever the
 * notice says. The layout is a pattern of the local part: `*` any text, `%u` the
 * recipient's local part, `%d` its domain (a domain name with a dot), `%%` a
 * percent sign.
 */
#include <string.h>

#include "address.h"
#include "bounds.h"
#include "link.h"

#define VERP_DEFAULT "*+%u=%d"

gboolean
bounce_verp_format_check (const char *format, GError **error)
{
  guint users = 0, domains = 0;
  const char *why = NULL;
  if (!format || !*format)
    why = "empty";
  for (const char *p = format; !why && *p; p++)
    {
      if (*p == '@')
        why = "it has an '@' (the layout is of the local part only)";
      else if ((unsigned char) *p <= ' ' || *p == 0x7f)
        why = "it has a blank or a control character";
      else if (*p == '%')
        {
          p++;
          if (*p == 'u')
            users++;
          else if (*p == 'd')
            domains++;
          else if (*p != '%')
            why = "a '%' stands before something other than u, d or %";
        }
    }
  if (!why && (users != 1 || domains != 1))
    why = "it needs one %u (the local part) and one %d (the domain)";
  if (why)
    {
      g_set_error (error, BOUNCE_ERROR, BOUNCE_ERROR_USAGE, "invalid VERP layout '%s': %s",
                   format ? format : "", why);
      return FALSE;
    }
  return TRUE;
}

static gboolean
domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_';
}

/* Matches the local part [s, end) against the pattern at f; on success the
 * spans of %u and %d are in u and d. `*` and %u take as little as they can,
 * %d only domain characters: the first split that leaves a whole domain wins. */
static gboolean
verp_match (const char *f, const char *s, const char *end, const char **u, gsize *ulen,
            const char **d, gsize *dlen, guint depth)
{
  if (depth > 8)
    return FALSE;
  for (;;)
    {
      if (!*f)
        return s == end;
      if (*f == '*' || (f[0] == '%' && (f[1] == 'u' || f[1] == 'd')))
        {
          gboolean any = *f == '*';
          gboolean dom = !any && f[1] == 'd';
          const char *next = any ? f + 1 : f + 2;
          for (const char *e = s + (any ? 0 : 1); e <= end; e++)
            {
              if (dom && !domain_char (e[-1]))
                break;
              if (verp_match (next, e, end, u, ulen, d, dlen, depth + 1))
                {
                  if (!any && !dom)
                    {
                      *u = s;
                      *ulen = (gsize) (e - s);
                    }
                  else if (dom)
                    {
                      *d = s;
                      *dlen = (gsize) (e - s);
                    }
                  return TRUE;
                }
            }
          return FALSE;
        }
      char want = *f == '%' ? f[1] : *f;
      f += *f == '%' ? 2 : 1;
      if (s >= end || g_ascii_tolower (*s) != g_ascii_tolower (want))
        return FALSE;
      s++;
    }
}

char *
bounce_verp_decode (const char *address, const char *format)
{
  if (!format)
    format = VERP_DEFAULT;
  if (!address || !bounce_verp_format_check (format, NULL))
    return NULL;
  /* most addresses are no VERP: every literal character of the layout must be
   * there before the address is read at all */
  for (const char *f = format; *f; f++)
    {
      if (*f == '%')
        {
          f++;
          if (*f != '%')
            continue;
        }
      else if (*f == '*')
        continue;
      if (!strchr (address, *f) && !strchr (address, g_ascii_toupper (*f)))
        return NULL;
    }
  char *norm = address_normalise (address);
  const char *at = norm ? strrchr (norm, '@') : NULL;
  char *out = NULL;
  const char *u = NULL, *d = NULL;
  gsize ulen = 0, dlen = 0;
  if (at && at - norm <= 256 && verp_match (format, norm, at, &u, &ulen, &d, &dlen, 0))
    {
      char *candidate = g_strdup_printf ("%.*s@%.*s", (int) ulen, u, (int) dlen, d);
      out = address_normalise (candidate);
      g_free (candidate);
      const char *oat = out ? strrchr (out, '@') : NULL;
      if (oat && (!strchr (oat, '.') || oat[1] == '.' || oat[strlen (oat) - 1] == '.'))
        g_clear_pointer (&out, g_free);
    }
  g_free (norm);
  return out;
}

char *
bounce_record_key (const char *message_id, const char *recipient, const char *action)
{
  /* the three parts in one buffer, hashed at once */
  GString *b = g_string_sized_new (256);
  if (message_id)
    for (const char *p = message_id; *p; p++)
      if (*p != '<' && *p != '>' && !g_ascii_isspace (*p))
        g_string_append_c (b, *p);
  g_string_append_c (b, '\0');
  for (const char *p = recipient; p && *p; p++)
    g_string_append_c (b, g_ascii_tolower (*p));
  g_string_append_c (b, '\0');
  for (const char *p = action; p && *p; p++)
    g_string_append_c (b, g_ascii_tolower (*p));
  char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) b->str, b->len);
  g_string_free (b, TRUE);
  sum[16] = '\0';
  return sum;
}

void
link_set_key (BounceRecord *rec, const char *message_id)
{
  record_take (rec, BOUNCE_FIELD_KEY,
               bounce_record_key (message_id, record_peek (rec, BOUNCE_FIELD_RECIPIENT),
                                  record_peek (rec, BOUNCE_FIELD_ACTION)));
}

static char *
verp_of_bounce (const MimeMessage *msg, const char *format)
{
  static const char *const names[] = { "Delivered-To", "X-Original-To", "Envelope-To", "To" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *v = mime_get (msg, names[i]);
      char *r = v ? bounce_verp_decode (v, format) : NULL;
      if (r)
        return r;
    }
  return NULL;
}

void
link_fill (BounceReport *report, const MimeMessage *msg, const BounceOptions *opts)
{
  report_set (report, BOUNCE_FIELD_LIST_ID, mime_original (msg, "List-Id"));
  if (report->records->len > 0)
    report_take (report, BOUNCE_FIELD_VERP_RECIPIENT,
                 verp_of_bounce (msg, opts ? opts->verp_format : NULL));
  if (opts && opts->headers)
    for (const char *const *h = opts->headers; *h; h++)
      {
        const char *v = mime_original (msg, *h);
        char *clean = v ? text_clean (v, strlen (v), MAX_FIELD_VALUE) : NULL;
        if (!clean)
          continue;
        if (!report->headers)
          report->headers = g_ptr_array_new_with_free_func (g_free);
        g_ptr_array_add (report->headers, g_strdup (*h));
        g_ptr_array_add (report->headers, clean);
      }
  const char *mid = report->fields[BOUNCE_FIELD_ORIGINAL_MESSAGE_ID];
  if (!mid)
    mid = report->fields[BOUNCE_FIELD_MESSAGE_ID];
  for (guint i = 0; i < report->records->len; i++)
    link_set_key (g_ptr_array_index (report->records, i), mid);
}

static guint
n_headers (const BounceReport *report)
{
  return report && report->headers ? report->headers->len / 2 : 0;
}

guint
bounce_record_n_headers (const BounceRecord *record)
{
  return record ? n_headers (record->report) : 0;
}

const char *
bounce_record_get_header_at (const BounceRecord *record, guint index, const char **name)
{
  if (index >= bounce_record_n_headers (record))
    return NULL;
  const BounceReport *report = record->report;
  if (name)
    *name = g_ptr_array_index (report->headers, 2 * index);
  return g_ptr_array_index (report->headers, 2 * index + 1);
}

const char *
bounce_report_get_header (const BounceReport *report, const char *name)
{
  if (!name)
    return NULL;
  for (guint i = 0; i < n_headers (report); i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (report->headers, 2 * i), name) == 0)
      return g_ptr_array_index (report->headers, 2 * i + 1);
  return NULL;
}

const char *
bounce_record_get_header (const BounceRecord *record, const char *name)
{
  return record ? bounce_report_get_header (record->report, name) : NULL;
}
