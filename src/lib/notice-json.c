/* notice-json.c: a provider's event notification sent as mail (Amazon SES's
 * JSON, and the like): the recipients listed under a layout's key, with their
 * status, action and diagnostic. A reader of just what the layouts name: strings,
 * objects and arrays are walked, nothing else is decoded. Every scan is bounded by
 * the text's length; a string's escapes are read once.
 */
#include "notice-json.h"

#include <string.h>

/* The JSON string starting at p (at its opening quote): its decoded value, and
 * *after set past the closing quote. NULL when it is not a string. */
static char *
json_read_string (const char *p, const char *end, const char **after)
{
  if (p >= end || *p != '"')
    return NULL;
  GString *s = g_string_new (NULL);
  for (p++; p < end && *p != '"'; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          switch (*p)
            {
            case 'n': case 'r': case 't': g_string_append_c (s, ' '); break;
            case 'u': p += MIN (4, end - p - 1); g_string_append_c (s, '?'); break;
            default: g_string_append_c (s, *p);
            }
        }
      else
        g_string_append_c (s, *p);
    }
  *after = p < end ? p + 1 : end;
  return g_string_free (s, FALSE);
}

static const char *
json_skip_ws (const char *p, const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* The string value of "key" between p and end (first occurrence), or NULL. */
static char *
json_value (const char *p, const char *end, const char *key)
{
  if (!key)
    return NULL;
  char *quoted = g_strdup_printf ("\"%s\"", key);
  gsize qn = strlen (quoted);
  char *v = NULL;
  for (const char *hit = p; !v && (hit = g_strstr_len (hit, end - hit, quoted)); hit += qn)
    {
      const char *c = json_skip_ws (hit + qn, end);
      if (c < end && *c == ':')
        {
          const char *after;
          v = json_read_string (json_skip_ws (c + 1, end), end, &after);
        }
    }
  g_free (quoted);
  return v;
}

/* The end of the JSON value (object or array) opening at p, or end. */
static const char *
json_close (const char *p, const char *end)
{
  int depth = 0;
  for (; p < end; p++)
    {
      if (*p == '"')
        {
          const char *after;
          g_free (json_read_string (p, end, &after));
          p = after - 1;
        }
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
    }
  return end;
}

void
notice_json_each (const char *text, gsize len, const JsonLayout *layouts,
                  NoticeJsonRecipient fn, gpointer data)
{
  const char *end = text + len;
  for (const JsonLayout *j = layouts; j && j->list_key; j++)
    {
      char *quoted = g_strdup_printf ("\"%s\"", j->list_key);
      const char *hit = g_strstr_len (text, len, quoted);
      const char *p = hit ? json_skip_ws (hit + strlen (quoted), end) : NULL;
      g_free (quoted);
      if (!p || p >= end || *p != ':')
        continue;
      p = json_skip_ws (p + 1, end);
      if (p >= end || *p != '[')
        continue;
      const char *list_end = json_close (p, end);
      char *shared = json_value (text, end, j->diag_key);
      for (p++; p < list_end;)
        {
          p = json_skip_ws (p, list_end);
          char *addr = NULL, *status = NULL, *action = NULL, *diag = NULL;
          if (p < list_end && *p == '"' && !j->address_key)
            addr = json_read_string (p, list_end, &p);
          else if (p < list_end && *p == '{')
            {
              const char *obj_end = json_close (p, list_end);
              addr = json_value (p, obj_end, j->address_key);
              status = json_value (p, obj_end, j->status_key);
              action = json_value (p, obj_end, j->action_key);
              diag = json_value (p, obj_end, j->diag_key);
              p = obj_end;
            }
          else
            p++;
          if (addr)
            fn (addr, status, action ? action : j->action, diag ? diag : shared, data);
          g_free (addr);
          g_free (status);
          g_free (action);
          g_free (diag);
        }
      g_free (shared);
    }
}
