/* textform.c: text sent in another form than plain lines, turned into the plain
 * lines the readers of a notice expect: format=flowed (RFC 3676) and HTML. Pure
 * string functions; mime.c calls them for the parts it decodes. */
#include "textform.h"

#include <string.h>

/* Text sent format=flowed (RFC 3676 § 4): a line that ends in a space is
 * continued by the next one of the same quote depth (its space dropped too with
 * DelSp=yes, § 4.2), and the space an unquoted line was stuffed with (§ 4.4) is
 * removed; the signature separator "-- " is no flowed line. */
char *
textform_from_flowed (const char *text, gboolean delsp)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *line = text;
  gboolean joining = FALSE;
  gsize joined_depth = 0;
  while (*line)
    {
      const char *nl = strchr (line, '\n');
      const char *end = nl ? nl : line + strlen (line);
      const char *next = nl ? nl + 1 : end;
      if (end > line && end[-1] == '\r')
        end--;
      gsize depth = 0;
      while (line + depth < end && line[depth] == '>')
        depth++;
      const char *content = line + depth;
      if (content < end && *content == ' ')
        content++;
      if (joining && depth != joined_depth)
        g_string_append_c (out, '\n'); /* a quote depth changed: no join */
      /* a quoted line keeps its marks and the space after them, as it reads */
      if (!joining || depth != joined_depth)
        g_string_append_len (out, line, (gssize) (depth ? (gsize) (content - line) : 0));
      gsize n = (gsize) (end - content);
      gboolean flowed = n > 0 && content[n - 1] == ' ' && !(n == 3 && memcmp (content, "-- ", 3) == 0);
      g_string_append_len (out, content, (gssize) (flowed && delsp ? n - 1 : n));
      joining = flowed && *next;
      joined_depth = depth;
      if (!joining && nl)
        g_string_append_c (out, '\n');
      line = next;
    }
  return g_string_free (out, FALSE);
}

/* Does the HTML mark its lines with tags (line breaks, paragraphs, blocks, table
 * rows)? When it does not (plain text sent as text/html), its own line ends are
 * its lines. */
static gboolean
html_has_line_tags (const char *html)
{
  static const char *const tags[] = { "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4",
                                      "table", "pre" };
  for (const char *p = strchr (html, '<'); p; p = strchr (p + 1, '<'))
    {
      const char *t = p[1] == '/' ? p + 2 : p + 1;
      for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
        {
          gsize n = strlen (tags[i]);
          if (g_ascii_strncasecmp (t, tags[i], n) == 0 && !g_ascii_isalnum (t[n]))
            return TRUE;
        }
    }
  return FALSE;
}

/* Is p a closing tag after which a line ends: a block, a table row, a list item,
 * a heading, the title, the head, the document? */
static gboolean
ends_line (const char *p)
{
  static const char *const tags[] = { "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "title", "head", "html" };
  if (p[0] != '<' || p[1] != '/')
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gsize n = strlen (tags[i]);
      if (g_ascii_strncasecmp (p + 2, tags[i], n) == 0 && !g_ascii_isalnum (p[2 + n]))
        return TRUE;
    }
  return FALSE;
}

/* White space in HTML text, where lines are made by tags: a run of blanks and
 * line ends is one space, and none starts a line (as a browser lays it out). */
static void
append_html_space (GString *out)
{
  if (out->len && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');
}

/* Reduce HTML to text: drop tags, scripts and styles, decode common entities, and
 * turn block ends into line breaks so detectors see lines, and paragraphs into
 * text set off by blank lines; line ends stay line breaks inside <pre> and in HTML
 * without any tag for lines. */
char *
textform_from_html (const char *html)
{
  gboolean keep_lines = !html_has_line_tags (html);
  gboolean in_pre = FALSE;
  static const struct
  {
    const char *entity;
    const char *text;
  } entities[] = { { "&nbsp;", " " }, { "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" },
                   { "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" } };
  GString *out = g_string_sized_new (strlen (html) / 2);
  const char *p = html;
  while (*p)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          if (!end)
            break;
          gboolean skip_block = g_ascii_strncasecmp (p, "<script", 7) == 0
                                || g_ascii_strncasecmp (p, "<style", 6) == 0;
          if (skip_block)
            {
              const char *close = NULL;
              for (const char *q = end; *q && !close; q++)
                if (*q == '<' && q[1] == '/'
                    && (g_ascii_strncasecmp (q + 2, "script", 6) == 0
                        || g_ascii_strncasecmp (q + 2, "style", 5) == 0))
                  close = q;
              end = close ? strchr (close, '>') : NULL;
              if (!end)
                break;
            }
          else if ((g_ascii_strncasecmp (p, "<p", 2) == 0 && !g_ascii_isalnum (p[2]))
                   || (g_ascii_strncasecmp (p, "</p", 3) == 0 && !g_ascii_isalnum (p[3])))
            {
              /* a paragraph is set off by a blank line (as a browser shows it, and
               * as the blank lines of a text turned into <p> were) */
              if (!keep_lines && !in_pre && out->len && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              if (out->len && out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
              if (out->len > 1 && out->str[out->len - 2] != '\n')
                g_string_append_c (out, '\n');
            }
          else if (g_ascii_strncasecmp (p, "<br", 3) == 0 || ends_line (p))
            {
              /* a line ends here: the blank before it goes */
              if (!keep_lines && !in_pre && out->len && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          else if (g_ascii_strncasecmp (p, "</td", 4) == 0)
            g_string_append_c (out, ' ');
          if (g_ascii_strncasecmp (p, "<pre", 4) == 0 && !g_ascii_isalnum (p[4]))
            in_pre = TRUE;
          else if (g_ascii_strncasecmp (p, "</pre", 5) == 0)
            in_pre = FALSE;
          p = end + 1;
          continue;
        }
      if (*p == '&' && p[1] == '#')
        {
          /* a numeric reference: "&#39;", "&#x27;" */
          gboolean hex = p[2] == 'x' || p[2] == 'X';
          const char *d = p + (hex ? 3 : 2);
          gunichar c = 0;
          int n = 0;
          for (; n < 8 && (hex ? g_ascii_isxdigit (d[n]) : g_ascii_isdigit (d[n])); n++)
            c = c * (hex ? 16 : 10) + (gunichar) (hex ? g_ascii_xdigit_value (d[n])
                                                      : g_ascii_digit_value (d[n]));
          if (n > 0 && d[n] == ';')
            {
              if (c == 0 || !g_unichar_validate (c))
                c = 0xFFFD;
              g_string_append_unichar (out, c);
              p = d + n + 1;
              continue;
            }
        }
      if (*p == '&')
        {
          gboolean done = FALSE;
          for (gsize i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            {
              gsize n = strlen (entities[i].entity);
              if (g_ascii_strncasecmp (p, entities[i].entity, n) == 0)
                {
                  g_string_append (out, entities[i].text);
                  p += n;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      if (*p == '\r' || *p == '\n')
        {
          if ((keep_lines || in_pre) && *p == '\n')
            g_string_append_c (out, '\n');
          else if (keep_lines || in_pre)
            {
              if (p[1] != '\n')
                g_string_append_c (out, ' ');
            }
          else
            append_html_space (out);
          p++;
          continue;
        }
      if ((*p == ' ' || *p == '\t') && !keep_lines && !in_pre)
        {
          append_html_space (out);
          p++;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
