/* mbox.c: an mbox split into its messages as it is read, in chunks, so that only
 * the message being read is in memory.
 *
 * A message starts at a "From " line (mbox(5), RFC 4155 § 2): "From ", the
 * envelope sender, then the date, as asctime(3) writes it ("Sun Dec  6 09:00:00
 * 2026", with or without a zone) or in ISO 8601; Thunderbird writes "From - "
 * and the date. A line of a body that starts with "From " but has no such date
 * ("From the desk of ...") does not start a message, whether or not the writer
 * quoted it (">From ").
 *
 * A message with a Content-Length field (mboxcl, mboxcl2, as mutt writes them)
 * keeps the "From " lines of its body when its length is right: when the next
 * "From " line, or the end of the mbox, comes right after that many octets of
 * body (and a blank line). A wrong length is not believed. */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "mbox.h"

#define MBOX_CHUNK (256 * 1024)
#define FROM_LINE_MAX 1024

static gboolean
month_at (const char *p, const char *end)
{
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (end - p < 3 || (end - p > 3 && g_ascii_isalpha (p[3])))
    return FALSE;
  for (const char *m = months; *m; m += 3)
    if (g_ascii_strncasecmp (p, m, 3) == 0)
      return TRUE;
  return FALSE;
}

gboolean
mbox_is_from_line (const char *line, gsize n)
{
  if (n < 5 || memcmp (line, "From ", 5) != 0)
    return FALSE;
  const char *p = line + 5, *end = line + n;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  const char *sender = p;
  while (p < end && *p != ' ' && *p != '\t')
    p++;
  if (p == sender || p == end)
    return FALSE;
  /* the date: a time of day, and a month name or an ISO 8601 date */
  gboolean time = FALSE, date = FALSE;
  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p) && end - p >= 4 && p[1] == ':' && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]))
        time = TRUE;
      else if (g_ascii_isdigit (*p) && end - p >= 5 && g_ascii_isdigit (p[1]) && p[2] == ':'
               && g_ascii_isdigit (p[3]) && g_ascii_isdigit (p[4]))
        time = TRUE;
      else if ((p[-1] == ' ' || p[-1] == '\t') && month_at (p, end))
        date = TRUE;
      else if (end - p >= 10 && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[3]) && p[4] == '-'
               && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]) && p[7] == '-'
               && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
        date = TRUE;
    }
  return time && date;
}

struct MboxReader
{
  int fd;
  gsize max_size;
  MboxMessageFunc func;
  gpointer user;
  char *buf;
  gsize len;              /* bytes in buf not yet given to a message */
  gboolean at_line_start; /* buf[0] starts a line */
  gboolean first;         /* nothing read yet (a byte order mark may come) */
  gboolean ended;
  guint position;
  GByteArray *msg;    /* the message being read, NULL before the first "From " line */
  gsize msg_size;     /* its size so far, counted on when it is too large to keep */
  gboolean head_read; /* its header block was read for Content-Length */
  gsize body_end;     /* then: where its body ends by Content-Length; 0: none */
  GArray *held;       /* offsets of "From " lines kept in its body by Content-Length */
  gsize before;       /* octets before the first "From " line that are not white space */
};

static void mbox_unhold (MboxReader *m);

static void
mbox_append (MboxReader *m, const char *data, gsize len)
{
  if (!m->msg)
    {
      /* what comes before the first "From " line is not a message */
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace (data[i]))
          m->before++;
      return;
    }
  if (len == 0)
    return;
  m->msg_size += len;
  gboolean holding = m->held && m->held->len;
  if (m->max_size && m->msg_size > m->max_size && !holding)
    {
      /* too large: counted on, not kept */
      if (m->msg->len)
        g_byte_array_set_size (m->msg, 0);
      return;
    }
  g_byte_array_append (m->msg, (const guint8 *) data, (guint) len);
  if (holding && m->msg_size > m->body_end + 2)
    {
      /* past its length, and no "From " line came there: the length is wrong */
      mbox_unhold (m);
      if (m->max_size && m->msg_size > m->max_size)
        g_byte_array_set_size (m->msg, 0);
    }
}

static void
mbox_give (MboxReader *m, char *data, gsize len, gsize size)
{
  if (m->max_size && size > m->max_size)
    {
      g_free (data);
      m->func (m->user, m->position, NULL, 0, size);
    }
  else
    m->func (m->user, m->position, data, len, size);
}

/* The Content-Length of the message being read was wrong: the "From " lines held
 * in it start messages. The last of them is the message being read. */
static void
mbox_unhold (MboxReader *m)
{
  gsize from = 0;
  for (guint i = 0; i < m->held->len; i++)
    {
      gsize at = g_array_index (m->held, gsize, i);
      mbox_give (m, g_memdup2 (m->msg->data + from, at - from), at - from, at - from);
      m->position++;
      from = at;
    }
  g_byte_array_remove_range (m->msg, 0, (guint) from);
  m->msg_size -= from;
  g_array_set_size (m->held, 0);
  m->head_read = FALSE;
  m->body_end = 0;
}

/* The message read so far ends: it is given, split at its held "From " lines
 * when its Content-Length was wrong (split) */
static void
mbox_emit (MboxReader *m, gboolean split)
{
  if (!m->msg)
    return;
  if (split && m->held && m->held->len)
    mbox_unhold (m);
  gsize len = m->msg->len;
  char *data = (char *) g_byte_array_free (m->msg, FALSE);
  m->msg = NULL;
  gsize size = m->msg_size;
  m->msg_size = 0;
  m->head_read = FALSE;
  m->body_end = 0;
  if (m->held)
    g_array_set_size (m->held, 0);
  mbox_give (m, data, len, size);
}

/* Reads the Content-Length of the message's header block, once the block is whole */
static void
mbox_read_head (MboxReader *m)
{
  if (m->head_read || m->msg->len != m->msg_size)
    return;
  const char *d = (const char *) m->msg->data, *end = d + m->msg->len;
  const char *line = memchr (d, '\n', m->msg->len); /* after the "From " line */
  gsize length = 0;
  gboolean have = FALSE;
  while (line && ++line < end)
    {
      if (*line == '\n' || (*line == '\r' && line + 1 < end && line[1] == '\n'))
        {
          const char *body = line + (*line == '\r' ? 2 : 1);
          m->head_read = TRUE;
          if (have)
            m->body_end = (gsize) (body - d) + length;
          return;
        }
      if (end - line > 15 && g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        {
          const char *p = line + 15;
          while (p < end && (*p == ' ' || *p == '\t'))
            p++;
          have = p < end && g_ascii_isdigit (*p);
          for (length = 0; p < end && g_ascii_isdigit (*p) && length < G_MAXSIZE / 20; p++)
            length = length * 10 + (gsize) (*p - '0');
        }
      line = memchr (line, '\n', (gsize) (end - line));
    }
}

/* Does the message end at its size so far by its Content-Length (then a blank
 * line, LF or CRLF, may follow)? */
static gboolean
mbox_length_right (MboxReader *m)
{
  return m->body_end && m->msg_size >= m->body_end && m->msg_size <= m->body_end + 2;
}

/* A "From " line comes: it starts the next message, unless it is in the body
 * of the one being read by its Content-Length */
static void
mbox_start (MboxReader *m)
{
  if (m->msg)
    {
      mbox_read_head (m);
      /* a length past --max-size is not waited for: the message is not kept */
      if (m->body_end && m->msg_size < m->body_end
          && (!m->max_size || m->body_end + 2 <= m->max_size))
        {
          if (!m->held)
            m->held = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_array_append_val (m->held, m->msg_size);
          return;
        }
      mbox_emit (m, !mbox_length_right (m));
    }
  m->position++;
  m->msg = g_byte_array_sized_new (16384);
}

/* The offset of the next "From " line at or after from, or -1. at_line_start:
 * buf[0] starts a line. A line that starts with "From " but ends past the buffer
 * is not read yet: *wait is then its offset (else len). */
static gssize
find_from_line (const char *buf, gsize len, gsize from, gboolean at_line_start, gboolean eof,
                gsize *wait)
{
  *wait = len;
  for (;;)
    {
      gsize at;
      if (from == 0 && at_line_start && len >= 5 && memcmp (buf, "From ", 5) == 0)
        at = 0;
      else
        {
          gsize f = from ? from - 1 : 0;
          if (len < f + 6)
            return -1;
          const char *hit = memmem (buf + f, len - f, "\nFrom ", 6);
          if (!hit)
            return -1;
          at = (gsize) (hit - buf) + 1;
        }
      gsize room = MIN (len - at, FROM_LINE_MAX);
      const char *nl = memchr (buf + at, '\n', room);
      if (!nl && !eof && room < FROM_LINE_MAX)
        {
          *wait = at;
          return -1;
        }
      gsize n = nl ? (gsize) (nl - (buf + at)) : room;
      if (n && buf[at + n - 1] == '\r')
        n--;
      if (mbox_is_from_line (buf + at, n))
        return (gssize) at;
      from = at + 1;
    }
}

MboxReader *
mbox_reader_new (int fd, gsize max_size, MboxMessageFunc func, gpointer user)
{
  MboxReader *m = g_new0 (MboxReader, 1);
  m->fd = fd;
  m->max_size = max_size;
  m->func = func;
  m->user = user;
  m->buf = g_malloc (MBOX_CHUNK);
  m->at_line_start = TRUE;
  m->first = TRUE;
  return m;
}

/* The end: a held "From " line stands when the length is right or the message
 * was cut short of its last line end */
static void
mbox_end (MboxReader *m)
{
  m->ended = TRUE;
  if (!m->msg || !m->held || !m->held->len)
    {
      mbox_emit (m, FALSE);
      return;
    }
  mbox_read_head (m);
  gboolean right = mbox_length_right (m) || (m->body_end && m->msg_size + 1 == m->body_end);
  mbox_emit (m, !right);
}

gboolean
mbox_reader_step (MboxReader *m, int *error)
{
  *error = 0;
  if (m->ended)
    return FALSE;
  ssize_t n;
  while ((n = read (m->fd, m->buf + m->len, MBOX_CHUNK - m->len)) < 0 && errno == EINTR)
    ;
  if (n < 0)
    {
      *error = errno;
      mbox_end (m);
      return FALSE;
    }
  char *buf = m->buf;
  gboolean eof = n == 0;
  gsize len = m->len + (gsize) n;
  if (m->first)
    {
      if (len < 3 && !eof)
        {
          m->len = len;
          return TRUE;
        }
      /* a UTF-8 byte order mark, as some Windows tools write one */
      m->first = FALSE;
      if (len >= 3 && memcmp (buf, "\xef\xbb\xbf", 3) == 0)
        {
          memmove (buf, buf + 3, len - 3);
          len -= 3;
        }
    }
  gsize pos = 0;    /* buf[0, pos) is given to messages */
  gsize search = 0; /* the next "From " line is looked for from here */
  gssize at;
  gsize wait;
  while ((at = find_from_line (buf, len, search, m->at_line_start, eof, &wait)) >= 0)
    {
      mbox_append (m, buf + pos, (gsize) at - pos);
      mbox_start (m);
      pos = (gsize) at;
      search = pos + 1;
    }
  /* a line that starts with "From " and ends in the next read, or a last line
   * too short to tell, stays for the next read */
  gsize keep = len;
  if (!eof)
    {
      const char *nl = memrchr (buf + pos, '\n', len - pos);
      gboolean line_start = nl || pos > 0 || m->at_line_start;
      gsize start = nl ? (gsize) (nl + 1 - buf) : pos;
      if (line_start && len - start < 5)
        keep = start;
      if (wait > pos && wait < keep)
        keep = wait;
    }
  mbox_append (m, buf + pos, keep - pos);
  gboolean next_line_start = keep < len ? TRUE : len > 0 ? buf[len - 1] == '\n' : m->at_line_start;
  memmove (buf, buf + keep, len - keep);
  m->len = len - keep;
  m->at_line_start = next_line_start;
  if (eof)
    mbox_end (m);
  return !eof;
}

gsize
mbox_reader_before (const MboxReader *m)
{
  return m->before;
}

guint
mbox_reader_count (const MboxReader *m)
{
  return m->position;
}

void
mbox_reader_free (MboxReader *m)
{
  if (!m)
    return;
  if (m->msg)
    g_byte_array_free (m->msg, TRUE);
  if (m->held)
    g_array_free (m->held, TRUE);
  g_free (m->buf);
  close (m->fd);
  g_free (m);
}
