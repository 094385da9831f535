/* fields.c: unfold and split header-style field blocks.
 *
 * Bounded: at most MAX_FIELDS fields per block and MAX_FIELD_VALUE bytes per value;
 * anything beyond is dropped, never an error.
 */
#include "fields.h"

#include <string.h>

#include "ascii.h"
#include "bounds.h"

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/* Length of "Name:" at the start of line, the colon included, or 0. */
static gsize
field_name_len (const char *line, gsize len)
{
  gsize i = 0;
  while (i < len && is_name_char (line[i]))
    i++;
  if (i == 0 || i > 64)
    return 0;
  gsize j = i;
  while (j < len && (line[j] == ' ' || line[j] == '\t'))
    j++;
  if (j >= len || line[j] != ':')
    return 0;
  return j + 1;
}

static char *
trim_dup (GString *s)
{
  gsize start = 0, end = s->len;
  while (start < end && g_ascii_isspace (s->str[start]))
    start++;
  while (end > start && g_ascii_isspace (s->str[end - 1]))
    end--;
  return g_strndup (s->str + start, end - start);
}

typedef struct
{
  GArray *groups;  /* FieldGroup */
  GArray *current; /* Field */
  GString *value;  /* the value being unfolded */
  char *name;
  guint total;
  guint dropped; /* fields past MAX_FIELDS */
} Builder;

static void
flush_field (Builder *b)
{
  if (!b->name)
    return;
  if (b->total < MAX_FIELDS)
    {
      Field f = { b->name, trim_dup (b->value) };
      g_array_append_val (b->current, f);
      b->total++;
    }
  else
    {
      g_free (b->name);
      b->dropped++;
    }
  b->name = NULL;
  g_string_truncate (b->value, 0);
}

static void
flush_group (Builder *b)
{
  flush_field (b);
  if (b->current->len == 0)
    return;
  FieldGroup g;
  g.n_fields = b->current->len;
  g.fields = (Field *) g_array_free (b->current, FALSE);
  g_array_append_val (b->groups, g);
  b->current = g_array_new (FALSE, FALSE, sizeof (Field));
}

static void
append_value (Builder *b, const char *s, gsize n)
{
  if (b->value->len + n + 1 > MAX_FIELD_VALUE)
    n = b->value->len + 1 >= MAX_FIELD_VALUE ? 0 : MAX_FIELD_VALUE - b->value->len - 1;
  if (n == 0)
    return;
  if (b->value->len > 0)
    g_string_append_c (b->value, ' ');
  g_string_append_len (b->value, s, (gssize) n);
}

FieldBlock *
fields_parse (const char *text, gsize len)
{
  Builder b = { g_array_new (FALSE, FALSE, sizeof (FieldGroup)),
                g_array_new (FALSE, FALSE, sizeof (Field)), g_string_new (NULL), NULL, 0, 0 };
  FieldBlock *block = g_new0 (FieldBlock, 1);
  gsize pos = 0;
  while (pos < len)
    {
      gsize end = pos;
      while (end < len && text[end] != '\n' && text[end] != '\r')
        end++;
      const char *line = text + pos;
      gsize n = end - pos;
      /* next line start: CRLF, LF or CR */
      pos = end;
      if (pos < len && text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n')
        pos += 2;
      else if (pos < len)
        pos++;

      gsize blank = 0;
      while (blank < n && (line[blank] == ' ' || line[blank] == '\t'))
        blank++;
      if (blank == n)
        {
          flush_group (&b);
          continue;
        }
      if (blank > 0)
        {
          if (b.name)
            append_value (&b, line + blank, n - blank);
          else
            block->n_bad_lines++;
          continue;
        }
      gsize name_len = field_name_len (line, n);
      if (name_len > 0)
        {
          flush_field (&b);
          gsize nend = name_len - 1;
          while (nend > 0 && (line[nend - 1] == ' ' || line[nend - 1] == '\t'))
            nend--;
          b.name = g_strndup (line, nend);
          append_value (&b, line + name_len, n - name_len);
          continue;
        }
      /* not a field and not indented: a continuation that lost its indentation */
      block->n_bad_lines++;
      if (b.name)
        append_value (&b, line, n);
    }
  flush_group (&b);
  g_array_free (b.current, TRUE);
  g_string_free (b.value, TRUE);
  block->n_dropped = b.dropped;
  block->n_groups = b.groups->len;
  block->groups = (FieldGroup *) g_array_free (b.groups, FALSE);
  return block;
}

void
fields_free (FieldBlock *block)
{
  if (!block)
    return;
  for (guint i = 0; i < block->n_groups; i++)
    {
      for (guint j = 0; j < block->groups[i].n_fields; j++)
        {
          g_free (block->groups[i].fields[j].name);
          g_free (block->groups[i].fields[j].value);
        }
      g_free (block->groups[i].fields);
    }
  g_free (block->groups);
  g_free (block);
}

const char *
fields_get (const FieldGroup *group, const char *name)
{
  /* most names differ in their first letter: compared inline before the rest */
  guchar first = (guchar) name[0] | 0x20;
  for (guint i = 0; i < group->n_fields; i++)
    if (((guchar) group->fields[i].name[0] | 0x20) == first
        && ascii_equal (group->fields[i].name, name))
      return group->fields[i].value;
  return NULL;
}
