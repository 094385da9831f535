/* out-json.c: JSON Lines, one object per record, the schema the README documents.
 * Strings are escaped here and always valid UTF-8; absent values are omitted. */
#include <string.h>

#include "printer.h"

/* bytes copied as they are: printable ASCII other than '"' and '\\' */
static const guint8 json_plain[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
  R16 (0), R16 (0),
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' is 0x22 */
  R16 (1), R16 (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' is 0x5c */
  R16 (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70: DEL is 0x7f */
  R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0), R16 (0),
#undef R16
};

void
json_string (GString *buf, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  g_string_append_c (buf, '"');
  const char *end = s + strlen (s);
  const char *p = s;
  while (p < end)
    {
      /* a run of plain bytes in one copy */
      const char *run = p;
      while (p < end && json_plain[(unsigned char) *p])
        p++;
      if (p > run)
        g_string_append_len (buf, run, p - run);
      if (p == end)
        break;
      unsigned char c = (unsigned char) *p;
      if (c < 0x80)
        {
          switch (c)
            {
            case '"':
              g_string_append (buf, "\\\"");
              break;
            case '\\':
              g_string_append (buf, "\\\\");
              break;
            case '\n':
              g_string_append (buf, "\\n");
              break;
            case '\r':
              g_string_append (buf, "\\r");
              break;
            case '\t':
              g_string_append (buf, "\\t");
              break;
            default:
              g_string_append (buf, "\\u00");
              g_string_append_c (buf, hex[c >> 4]);
              g_string_append_c (buf, hex[c & 15]);
            }
          p++;
          continue;
        }
      gunichar u = g_utf8_get_char_validated (p, end - p);
      if (u != (gunichar) -1 && u != (gunichar) -2)
        {
          const char *n = g_utf8_next_char (p);
          g_string_append_len (buf, p, n - p);
          p = n;
          continue;
        }
      g_string_append (buf, "\xef\xbf\xbd");
      p++;
    }
  g_string_append_c (buf, '"');
}

static void
key (GString *buf, const char *name, gboolean *first)
{
  if (!*first)
    g_string_append_c (buf, ',');
  *first = FALSE;
  json_string (buf, name);
  g_string_append_c (buf, ':');
}

void
json_record_fields (GString *buf, const BounceRecord *rec, gboolean *first)
{
  for (int f = 0; f < BOUNCE_FIELD_COUNT; f++)
    {
      const char *v = bounce_record_get (rec, (BounceField) f);
      if (!v)
        continue;
      key (buf, bounce_field_name ((BounceField) f), first);
      json_string (buf, v);
      if (f == BOUNCE_FIELD_BOUNCE)
        {
          key (buf, "hard_bounce", first);
          g_string_append (buf, bounce_record_is_hard (rec) ? "true" : "false");
        }
    }
  guint n = bounce_record_n_headers (rec);
  if (n > 0)
    {
      key (buf, "headers", first);
      g_string_append_c (buf, '{');
      for (guint i = 0; i < n; i++)
        {
          const char *name = NULL;
          const char *value = bounce_record_get_header_at (rec, i, &name);
          if (i > 0)
            g_string_append_c (buf, ',');
          json_string (buf, name);
          g_string_append_c (buf, ':');
          json_string (buf, value);
        }
      g_string_append_c (buf, '}');
    }
}

void
json_key (GString *buf, const char *name, gboolean *first)
{
  key (buf, name, first);
}

void
json_record (GString *buf, const char *file, guint position, const BounceRecord *rec)
{
  gboolean first = TRUE;
  g_string_append_c (buf, '{');
  key (buf, "file", &first);
  json_string (buf, file);
  if (position > 0)
    {
      key (buf, "position", &first);
      g_string_append_printf (buf, "%u", position);
    }
  json_record_fields (buf, rec, &first);
  g_string_append_c (buf, '}');
}

static void
json_render_line (GString *buf, const char *file, guint position, const BounceRecord *rec)
{
  json_record (buf, file, position, rec);
  g_string_append_c (buf, '\n');
}

static void
json_print_record (Printer *p, const char *file, guint position, const BounceRecord *rec)
{
  g_string_truncate (p->buf, 0);
  json_render_line (p->buf, file, position, rec);
  fwrite (p->buf->str, 1, p->buf->len, p->out);
}

static void
json_print_code (Printer *p, const BounceCode *c)
{
  GString *b = p->buf;
  gboolean first = TRUE;
  g_string_truncate (b, 0);
  g_string_append_c (b, '{');
  const char *pairs[][2] = {
    { "code", c->code },
    { "form", c->form },
    { "class", bounce_class_name (c->klass) },
    { "subject", c->subject },
    { "description", c->description },
    { "reason", c->reason },
    { "bounce", bounce_type_name (c->type) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][1])
      {
        key (b, pairs[i][0], &first);
        json_string (b, pairs[i][1]);
      }
  key (b, "hard_bounce", &first);
  g_string_append (b, c->type == BOUNCE_TYPE_HARD ? "true" : "false");
  if (c->note)
    {
      key (b, "note", &first);
      json_string (b, c->note);
    }
  g_string_append (b, "}\n");
  fwrite (b->str, 1, b->len, p->out);
}

static void
json_print_provider (Printer *p, const BounceProvider *pr)
{
  GString *b = p->buf;
  gboolean first = TRUE;
  g_string_truncate (b, 0);
  g_string_append_c (b, '{');
  key (b, "provider", &first);
  json_string (b, pr->name);
  key (b, "hosts", &first);
  g_string_append_c (b, '[');
  for (guint i = 0; pr->hosts[i]; i++)
    {
      if (i)
        g_string_append_c (b, ',');
      json_string (b, pr->hosts[i]);
    }
  g_string_append_c (b, ']');
  key (b, "rows", &first);
  g_string_append_printf (b, "%u", pr->n_rows);
  key (b, "reference", &first);
  json_string (b, pr->reference);
  g_string_append (b, "}\n");
  fwrite (b->str, 1, b->len, p->out);
}

static void
json_print_provider_row (Printer *p, const BounceProviderRow *row)
{
  GString *b = p->buf;
  gboolean first = TRUE;
  g_string_truncate (b, 0);
  g_string_append_c (b, '{');
  const char *pairs[][2] = {
    { "provider", row->provider },
    { "pattern", row->pattern },
    { "reason", row->reason },
    { "bounce", bounce_type_name (row->type) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      key (b, pairs[i][0], &first);
      json_string (b, pairs[i][1]);
    }
  key (b, "hard_bounce", &first);
  g_string_append (b, row->type == BOUNCE_TYPE_HARD ? "true" : "false");
  if (row->source && *row->source)
    {
      key (b, "source", &first);
      json_string (b, row->source);
    }
  g_string_append (b, "}\n");
  fwrite (b->str, 1, b->len, p->out);
}

static void
json_finish (Printer *p)
{
  fflush (p->out);
  g_string_free (p->buf, TRUE);
  g_free (p);
}

Printer *
printer_json_new (FILE *out)
{
  Printer *p = g_new0 (Printer, 1);
  p->record = json_print_record;
  p->code = json_print_code;
  p->provider = json_print_provider;
  p->provider_row = json_print_provider_row;
  p->render = json_render_line;
  p->finish = json_finish;
  p->out = out;
  p->buf = g_string_sized_new (1024);
  return p;
}
