/* mime.c: the only GMime user. Walks a message's MIME tree once and keeps the
 * parts the extractors read, decoded (transfer encoding, charset, RFC 2047) to
 * UTF-8 text. Attachments and the returned message's body are not decoded.
 *
 * GMime parses the MIME structure; a simple header block (the message's own, a
 * returned message's, a text/rfc822-headers part) is read here into the fields
 * GMime would have made of it (simple_header_block), which spares GMime an object
 * per field: the message's own fields are read so and GMime gets its Content-
 * fields and body (parse_split). Other header blocks go to GMime.
 */
#include "mime.h"

#include <gmime/gmime.h>
#include <string.h>

#include "ascii.h"
#include "bounds.h"
#include "charset.h"
#include "textform.h"
#include "utf8.h"

#if defined(__SANITIZE_ADDRESS__)
#define MIME_HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIME_HAVE_LSAN 1
#endif
#endif
#ifdef MIME_HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#endif

static gpointer
init_gmime (gpointer unused)
{
  (void) unused;
  /* GMime's registry of types (g_mime_object_register_type) has no way to take an
   * entry back or replace one: registering a subtype it has already, as
   * mime_read_returned_lazily does, leaves the entry g_mime_init made for it
   * unreferenced, a 16-byte block per subtype, once per process. Under
   * LeakSanitizer what g_mime_init allocates (GMime's own tables, kept until
   * g_mime_shutdown) is not tracked, so that the four entries are not reported
   * and nothing else is hidden: bounce's own allocations come later. */
#ifdef MIME_HAVE_LSAN
  __lsan_disable ();
#endif
  g_mime_init ();
#ifdef MIME_HAVE_LSAN
  __lsan_enable ();
#endif
  /* GMime parses every message/ subtype it does not know as an embedded message;
   * these are field blocks, read as leaf parts. */
  static const char *const leaves[] = { "delivery-status", "global-delivery-status",
                                        "feedback-report", "disposition-notification",
                                        "global-disposition-notification", "rfc822-headers",
                                        "global-headers" };
  for (gsize i = 0; i < G_N_ELEMENTS (leaves); i++)
    g_mime_object_register_type ("message", leaves[i], GMIME_TYPE_PART);
  return NULL;
}

static void
ensure_init (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, init_gmime, NULL);
}

/* The subtypes GMime parses as an embedded message. */
static const char *const returned_subtypes[] = { "rfc822", "rfc2822", "global", "news" };

/* Set once, before any message is parsed: GMime keeps returned messages as leaf
 * parts, walked lazily. */
static gboolean lazy_returned;

void
mime_read_returned_lazily (void)
{
  ensure_init ();
  for (gsize i = 0; i < G_N_ELEMENTS (returned_subtypes); i++)
    g_mime_object_register_type ("message", returned_subtypes[i], GMIME_TYPE_PART);
  lazy_returned = TRUE;
}

static gboolean
is_returned_subtype (const char *sub)
{
  for (gsize i = 0; i < G_N_ELEMENTS (returned_subtypes); i++)
    if (g_ascii_strcasecmp (sub, returned_subtypes[i]) == 0)
      return TRUE;
  return FALSE;
}

static inline guchar
ascii_lower (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

const char *
mime_header (const MimeHeader *headers, guint n, const char *name)
{
  /* most names differ in their first letter: compared inline before the rest */
  guchar first = ascii_lower ((guchar) name[0]);
  for (guint i = 0; i < n; i++)
    if (ascii_lower ((guchar) headers[i].name[0]) == first
        && ascii_equal (headers[i].name, name))
      return headers[i].value;
  return NULL;
}

static char *
put_2 (char *o, int n)
{
  o[0] = (char) ('0' + n / 10 % 10);
  o[1] = (char) ('0' + n % 10);
  return o + 2;
}

/* As g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z") writes it (the year
 * without padding, GDateTime's years being 1 to 9999), without its format
 * parser and locale lookups. */
static char *
date_iso (GDateTime *dt)
{
  char buf[32], *o = buf;
  int year = g_date_time_get_year (dt);
  if (year >= 1000)
    *o++ = (char) ('0' + year / 1000 % 10);
  if (year >= 100)
    *o++ = (char) ('0' + year / 100 % 10);
  if (year >= 10)
    *o++ = (char) ('0' + year / 10 % 10);
  *o++ = (char) ('0' + year % 10);
  *o++ = '-';
  o = put_2 (o, g_date_time_get_month (dt));
  *o++ = '-';
  o = put_2 (o, g_date_time_get_day_of_month (dt));
  *o++ = 'T';
  o = put_2 (o, g_date_time_get_hour (dt));
  *o++ = ':';
  o = put_2 (o, g_date_time_get_minute (dt));
  *o++ = ':';
  o = put_2 (o, g_date_time_get_second (dt));
  int offset = (int) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND);
  *o++ = offset >= 0 ? '+' : '-';
  offset = ABS (offset);
  o = put_2 (o, offset / 3600);
  *o++ = ':';
  o = put_2 (o, offset / 60 % 60);
  return g_strndup (buf, (gsize) (o - buf));
}

char *
mime_date_iso (const char *date)
{
  if (!date)
    return NULL;
  ensure_init ();
  GDateTime *dt = g_mime_utils_header_decode_date (date);
  if (!dt)
    return NULL;
  char *iso = date_iso (dt);
  g_date_time_unref (dt);
  return iso;
}

/* Does "ESC $ B" (ISO-2022-JP switching to JIS X 0208) occur before the first NUL
 * in the len bytes? As g_strstr_len (data, len, "\x1b$B"), by the rare ESC. */
static gboolean
has_iso2022_jp_escape (const char *data, gsize len)
{
  gsize n = strnlen (data, len);
  for (const char *p = memchr (data, 0x1b, n); p; p = memchr (p + 1, 0x1b, n - (p + 1 - data)))
    if (n - (gsize) (p - data) >= 3 && p[1] == '$' && p[2] == 'B')
      return TRUE;
  return FALSE;
}

/* Any bytes -> valid UTF-8, using the declared charset when there is one. */
static char *
to_utf8 (const char *data, gsize len, const char *charset)
{
  if (len == 0)
    return g_strdup ("");
  /* 7-bit charsets such as ISO-2022-JP pass as valid UTF-8: trust the declared
   * charset unless it is UTF-8 or ASCII, and recognise ISO-2022-JP undeclared or
   * declared as ASCII (its escape sequences are no ASCII text) */
  gboolean declared_ascii = !charset || g_ascii_strcasecmp (charset, "us-ascii") == 0;
  gboolean declared_unicode = declared_ascii || g_ascii_strcasecmp (charset, "utf-8") == 0;
  if (declared_ascii && has_iso2022_jp_escape (data, len))
    {
      charset = "iso-2022-jp";
      declared_unicode = FALSE;
    }
  if (declared_unicode && utf8_valid (data, len))
    return g_strndup (data, len);
  if (charset)
    {
      const char *iconv_name = g_mime_charset_iconv_name (charset);
      charset_hold (iconv_name, strlen (iconv_name));
      char *out = g_convert_with_fallback (data, (gssize) len, "UTF-8", iconv_name, "?", NULL,
                                           NULL, NULL);
      if (out)
        return out;
    }
  /* no usable charset: try the common legacy ones GMime knows, then repair */
  const char *guess = g_mime_charset_best (data, len);
  if (guess && g_ascii_strcasecmp (guess, "us-ascii") != 0)
    {
      charset_hold (guess, strlen (guess));
      char *out = g_convert_with_fallback (data, (gssize) len, "UTF-8",
                                           g_mime_charset_iconv_name (guess), "?", NULL, NULL,
                                           NULL);
      if (out)
        return out;
    }
  charset_hold ("ISO-8859-1", strlen ("ISO-8859-1"));
  char *out = g_convert_with_fallback (data, (gssize) len, "UTF-8", "ISO-8859-1", "?", NULL,
                                       NULL, NULL);
  return out ? out : g_utf8_make_valid (data, (gssize) len);
}

/* A charset whose code units are wider than a byte: NUL bytes are part of its
 * characters. */
static gboolean
wide_charset (const char *charset)
{
  return charset
         && (g_ascii_strncasecmp (charset, "utf-16", 6) == 0
             || g_ascii_strncasecmp (charset, "utf-32", 6) == 0
             || g_ascii_strncasecmp (charset, "ucs-2", 5) == 0
             || g_ascii_strncasecmp (charset, "ucs-4", 5) == 0);
}

/* NUL bytes in a decoded text (a quoted-printable "=00", a stray byte) read as
 * spaces: the text is handled as a C string, and a NUL would hide all after it. */
static void
nul_to_space (guint8 *data, gsize len)
{
  if (len == 0)
    return; /* an empty array may have no data at all */
  for (guint8 *p = memchr (data, '\0', len); p; p = memchr (p, '\0', len - (gsize) (p - data)))
    *p = ' ';
}

/* Decoded content of a leaf part, at most max bytes, as UTF-8. *cut (may be NULL)
 * is set when the part held more. */
static char *
part_text_cut (GMimePart *part, gsize max, gboolean *cut)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  if (!content)
    return g_strdup ("");
  /* decode as g_mime_data_wrapper_write_to_stream() does, but stop at max bytes:
   * the rest of a large part is never decoded nor held in memory */
  GMimeStream *source = g_mime_data_wrapper_get_stream (content);
  if (!source)
    return g_strdup ("");
  g_mime_stream_reset (source);
  /* a part without a transfer encoding is read as it is, without a filter stream */
  GMimeStream *filtered = source;
  GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding (content);
  if (encoding == GMIME_CONTENT_ENCODING_BASE64
      || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
      || encoding == GMIME_CONTENT_ENCODING_UUENCODE)
    {
      filtered = g_mime_stream_filter_new (source);
      GMimeFilter *filter = g_mime_filter_basic_new (encoding, FALSE);
      g_mime_stream_filter_add (GMIME_STREAM_FILTER (filtered), filter);
      g_object_unref (filter);
    }
  GByteArray *bytes = g_byte_array_new ();
  char chunk[16384];
  while (bytes->len < max && !g_mime_stream_eos (filtered))
    {
      ssize_t n = g_mime_stream_read (filtered, chunk, MIN (sizeof chunk, max - bytes->len));
      if (n < 0)
        break;
      g_byte_array_append (bytes, (const guint8 *) chunk, (guint) n);
    }
  if (cut && bytes->len >= max)
    {
      /* one byte more tells whether the part went on */
      char one;
      *cut = !g_mime_stream_eos (filtered) && g_mime_stream_read (filtered, &one, 1) > 0;
    }
  if (filtered != source)
    g_object_unref (filtered);
  g_mime_stream_reset (source);
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  if (!wide_charset (charset))
    nul_to_space (bytes->data, bytes->len);
  const char *data = (const char *) bytes->data;
  gboolean declared_ascii = !charset || g_ascii_strcasecmp (charset, "us-ascii") == 0;
  gboolean unicode = declared_ascii || g_ascii_strcasecmp (charset, "utf-8") == 0;
  if (unicode && bytes->len > 0 && !(declared_ascii && has_iso2022_jp_escape (data, bytes->len))
      && utf8_valid (data, bytes->len))
    {
      /* what to_utf8 would copy: the bytes themselves, kept */
      g_byte_array_append (bytes, (const guint8 *) "", 1);
      return (char *) g_byte_array_free (bytes, FALSE);
    }
  char *text = to_utf8 (data, bytes->len, charset);
  g_byte_array_free (bytes, TRUE);
  return text;
}

static char *
part_text (GMimePart *part, gsize max)
{
  return part_text_cut (part, max, NULL);
}

/* A part the extractors read, with the bound met noted on the message. */
static char *
part_text_noted (MimeMessage *msg, GMimePart *part, gsize max, BounceWarning kind)
{
  gboolean cut = FALSE;
  char *text = part_text_cut (part, max, &cut);
  if (cut)
    msg->cuts |= 1u << kind;
  return text;
}

/* At a line break in a field's value (p): the break and, when it is a fold, the
 * blanks that begin the next line are one space, as a folded value reads (a
 * writer folding "Delivery Status Notification" may start the next line with a
 * tab or with several spaces); the space is not written after a blank. Writes
 * to *o (out: the value's start) and returns where the value goes on. */
static const char *
fold_to_space (const char *p, char **o, const char *out)
{
  while (*p == '\r' || *p == '\n')
    p++;
  if (*p != ' ' && *p != '\t')
    return p;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*o > out && (*o)[-1] != ' ' && (*o)[-1] != '\t')
    *(*o)++ = ' ';
  return p;
}

/* A field's raw value unfolded as plain_header_value unfolds it, for the full
 * decoder; g_free it. */
static char *
unfold_value (const char *raw)
{
  while (*raw == ' ' || *raw == '\t' || *raw == '\r' || *raw == '\n')
    raw++;
  char *out = g_malloc (strlen (raw) + 1), *o = out;
  for (const char *p = raw; *p;)
    if (*p == '\r' || *p == '\n')
      p = fold_to_space (p, &o, out);
    else
      *o++ = *p++;
  *o = '\0';
  return out;
}

/* Most header values are printable ASCII without encoded words: for them decoding
 * is the identity, and unfolding only drops the line breaks. Writes the unfolded
 * value stripped of the blanks around it (as g_strstrip does it: line breaks are
 * gone, other control characters are not plain) to out, which has room for raw,
 * and returns its end; or returns NULL when the value needs the full decoder. */
static char *
plain_header_value (const char *raw, char *out)
{
  const unsigned char *q = (const unsigned char *) raw;
  while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
    q++;
  char *o = out;
  const unsigned char *end = q + strlen ((const char *) q);
  /* eight bytes at a time while all are printable ASCII other than '=': in each
   * byte under 0x80, adding 0x60 sets the top bit from ' ' up, adding 1 from DEL
   * up, and a byte other than '=' keeps it when 0x3d is xor-ed and 0x7f added */
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  while (q < end)
    {
      if (end - q >= 8)
        {
          guint64 x;
          memcpy (&x, q, 8);
          guint64 h = x & ~high;
          guint64 good = (h + G_GUINT64_CONSTANT (0x6060606060606060))
                         & ~(h + G_GUINT64_CONSTANT (0x0101010101010101))
                         & ((h ^ G_GUINT64_CONSTANT (0x3d3d3d3d3d3d3d3d))
                            + G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f))
                         & ~x & high;
          if (good == high)
            {
              memcpy (o, q, 8);
              o += 8;
              q += 8;
              continue;
            }
        }
      unsigned char c = *q;
      if (c >= 0x7f || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')
          || (c == '=' && q[1] == '?'))
        return NULL;
      if (c == '\r' || c == '\n')
        {
          q = (const unsigned char *) fold_to_space ((const char *) q, &o, out);
          continue;
        }
      *o++ = (char) c;
      q++;
    }
  while (o > out && (o[-1] == ' ' || o[-1] == '\t'))
    o--;
  *o = '\0';
  return o;
}

/* A base64 encoded word at p ("=?utf-8?b?...?="): its charset and payload. */
typedef struct
{
  const char *charset, *payload, *end; /* end: after its "?=" */
  gsize charset_len, payload_len;
} Base64Word;

static gboolean
base64_word_at (const char *p, Base64Word *w)
{
  if (p[0] != '=' || p[1] != '?')
    return FALSE;
  /* read only as far as the word's own characters go: a long value of "=?"
   * without an end is read once, not once per "=?" */
  const char *charset = p + 2, *q = charset;
  while (q - charset < 64 && (g_ascii_isalnum (*q) || strchr ("-_.:*", *q)) && *q)
    q++;
  if (q == charset || q[0] != '?' || (q[1] != 'b' && q[1] != 'B') || q[2] != '?')
    return FALSE;
  const char *payload = q + 3, *e = payload;
  while (g_ascii_isalnum (*e) || *e == '+' || *e == '/' || *e == '=')
    e++;
  if (e[0] != '?' || e[1] != '=')
    return FALSE;
  *w = (Base64Word) { charset, payload, e + 2, (gsize) (q - charset), (gsize) (e - payload) };
  return TRUE;
}

/* GMime joins the payloads of adjacent base64 encoded words of one charset before
 * decoding them, and stops at the first one's padding: "=?utf-8?b?...0YI=?=
 * =?utf-8?b?...?=" (Sympa's Subject) loses all after "0YI=". Such a run is
 * written here as one encoded word, its payloads decoded one by one; NULL when
 * the text has none. */
/* The word after w in its run (words of w's charset with only white space
 * between them), into next; FALSE at the run's end. */
static gboolean
next_in_run (const Base64Word *w, Base64Word *next)
{
  const char *after = w->end;
  while (*after == ' ' || *after == '\t')
    after++;
  return base64_word_at (after, next) && next->charset_len == w->charset_len
         && g_ascii_strncasecmp (next->charset, w->charset, w->charset_len) == 0;
}

static char *
join_padded_base64_words (const char *text)
{
  GString *out = NULL;
  const char *copied = text;
  for (const char *p = strstr (text, "=?"); p; p = strstr (p, "=?"))
    {
      Base64Word first, last, next;
      if (!base64_word_at (p, &first))
        {
          p += 2;
          continue;
        }
      /* the run, and whether a word before its last is padded */
      gboolean padded_inside = FALSE;
      for (last = first; next_in_run (&last, &next); last = next)
        padded_inside |= memchr (last.payload, '=', last.payload_len) != NULL;
      if (padded_inside)
        {
          GByteArray *bytes = g_byte_array_new ();
          for (Base64Word word = first;; word = next)
            {
              char *payload = g_strndup (word.payload, word.payload_len);
              gsize n = 0;
              guchar *decoded = g_base64_decode (payload, &n);
              g_byte_array_append (bytes, decoded, (guint) n);
              g_free (decoded);
              g_free (payload);
              if (word.end == last.end || !next_in_run (&word, &next))
                break;
            }
          if (!out)
            out = g_string_new (NULL);
          char *joined = g_base64_encode (bytes->data, bytes->len);
          g_string_append_len (out, copied, p - copied);
          g_string_append_printf (out, "=?%.*s?b?%s?=", (int) first.charset_len, first.charset,
                                  joined);
          g_free (joined);
          g_byte_array_unref (bytes);
          copied = last.end;
        }
      p = last.end;
    }
  if (!out)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* An unfolded header value decoded as GMime decodes it, adjacent padded base64
 * words joined first (join_padded_base64_words). GMime's decoder takes time
 * quadratic in a run of broken encoded words (a megabyte of "=?utf-8?b?AAAA"
 * took 20 s); a field is kept to MAX_FIELD_VALUE bytes anyway, so no more than
 * four times that is decoded. */
static char *
decode_header_text (const char *unfolded)
{
  char *head = NULL;
  if (strlen (unfolded) > 4 * MAX_FIELD_VALUE)
    unfolded = head = g_strndup (unfolded, 4 * MAX_FIELD_VALUE);
  char *joined = join_padded_base64_words (unfolded);
  char *decoded = g_mime_utils_header_decode_text (NULL, joined ? joined : unfolded);
  g_free (joined);
  g_free (head);
  return decoded;
}

/* A value written in a legacy charset without encoded words (RFC 6532 allows
 * only UTF-8 there; some MTAs write their notices' Subject in the charset of the
 * notice): converted from charset (the message's, when not Unicode), ISO-2022-JP
 * when its escape is there, else EUC-JP when the bytes are valid in it; NULL when
 * the value is not such a one (GMime's decoder reads it then). */
static char *
legacy_value (const char *unfolded, const char *charset)
{
  gsize n = strlen (unfolded);
  if (strstr (unfolded, "=?"))
    return NULL;
  gboolean jis = has_iso2022_jp_escape (unfolded, n);
  if (!jis && utf8_valid (unfolded, n))
    return NULL;
  gboolean unicode = !charset || g_ascii_strcasecmp (charset, "utf-8") == 0
                     || g_ascii_strcasecmp (charset, "us-ascii") == 0;
  const char *tries[] = { unicode ? NULL : g_mime_charset_iconv_name (charset),
                          jis ? "ISO-2022-JP" : "EUC-JP" };
  for (gsize i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      if (!tries[i])
        continue;
      charset_hold (tries[i], strlen (tries[i]));
      char *out = g_convert (unfolded, (gssize) n, "UTF-8", tries[i], NULL, NULL, NULL);
      if (out)
        return out;
    }
  return NULL;
}

/* The charset parameter of an entity's Content-Type, or NULL. */
static const char *
object_charset (GMimeObject *obj)
{
  GMimeContentType *ct = obj && !GMIME_IS_MESSAGE (obj) ? g_mime_object_get_content_type (obj) : NULL;
  return ct ? g_mime_content_type_get_parameter (ct, "charset") : NULL;
}

/* The headers' names and raw values (pairs[2 i], pairs[2 i + 1]; a pair with a
 * NULL is left out). The names and plain values go into one block after the
 * array: one allocation for all of them. charset: the message's, or NULL. */
static void
copy_pairs (const char *const *pairs, int count, MimeHeader **out, guint *n_out,
            const char *charset)
{
  gsize room = 0;
  for (int i = 0; i < count; i++)
    {
      const char *name = pairs[2 * i];
      const char *raw = pairs[2 * i + 1];
      if (name && raw)
        room += strlen (name) + strlen (raw) + 2;
    }
  gsize array = sizeof (MimeHeader) * (gsize) (count > 0 ? count : 1);
  MimeHeader *h = g_malloc (array + room); /* each entry used is written whole */
  char *block = (char *) h + array;
  guint n = 0;
  for (int i = 0; i < count; i++)
    {
      const char *name = pairs[2 * i];
      const char *raw = pairs[2 * i + 1];
      if (!name || !raw)
        continue;
      gsize name_len = strlen (name);
      memcpy (block, name, name_len + 1);
      h[n].name = block;
      block += name_len + 1;
      char *end = plain_header_value (raw, block);
      if (end)
        {
          h[n].value = block;
          h[n].decoded = FALSE;
          block = end + 1;
        }
      else
        {
          charset_hold_header (raw);
          char *unfolded = unfold_value (raw);
          char *decoded = legacy_value (unfolded, charset);
          if (!decoded)
            decoded = decode_header_text (unfolded);
          g_free (unfolded);
          h[n].value = g_strstrip (g_utf8_make_valid (decoded ? decoded : "", -1));
          h[n].decoded = TRUE;
          g_free (decoded);
        }
      n++;
    }
  *out = h;
  *n_out = n;
}

/* The header fields of a message (or of an entity parsed as the top of one), as
 * GMime's message keeps them: the Content- fields belong to its body and are left
 * out. */
static void
copy_headers (GMimeObject *obj, MimeHeader **out, guint *n_out)
{
  GMimeHeaderList *list = g_mime_object_get_header_list (obj);
  int all = list ? g_mime_header_list_get_count (list) : 0;
  const char *pairs[2 * MAX_HEADERS];
  int count = 0;
  for (int i = 0; i < all && count < MAX_HEADERS; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (list, i);
      const char *name = g_mime_header_get_name (header);
      if (g_ascii_strncasecmp (name, "Content-", 8) == 0)
        continue;
      pairs[2 * count] = name;
      pairs[2 * count + 1] = g_mime_header_get_raw_value (header);
      count++;
    }
  copy_pairs (pairs, count, out, n_out,
              object_charset (obj));
}

/* The date GMime's message takes from its last Date field, whose raw value is
 * raw: unfolded and its encoded words decoded (as GMime reads a field's value),
 * then parsed; as ISO 8601, or NULL. plain: that value when copy_pairs could take
 * it as it is (but for the blanks around it, which the date parser passes over),
 * else NULL. */
static char *
field_date (const char *raw, const char *plain)
{
  char *value;
  if (plain)
    value = g_strdup (plain);
  else
    {
      char *unfolded = g_mime_utils_header_unfold (raw);
      value = decode_header_text (unfolded);
      g_free (unfolded);
    }
  GDateTime *dt = value ? g_mime_utils_header_decode_date (value) : NULL;
  g_free (value);
  char *iso = dt ? date_iso (dt) : NULL;
  if (dt)
    g_date_time_unref (dt);
  return iso;
}

/* The date of a message parsed as an entity, from its last Date field. */
static char *
entity_date (GMimeObject *obj)
{
  GMimeHeaderList *list = g_mime_object_get_header_list (obj);
  int all = list ? g_mime_header_list_get_count (list) : 0;
  const char *raw = NULL;
  for (int i = 0; i < all; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (list, i);
      if (ascii_equal (g_mime_header_get_name (header), "Date"))
        raw = g_mime_header_get_raw_value (header);
    }
  return raw ? field_date (raw, NULL) : NULL;
}

/* The date of a GMimeMessage, as GMime's message read it. */
static char *
message_date (GMimeMessage *message)
{
  GDateTime *dt = g_mime_message_get_date (message);
  return dt ? date_iso (dt) : NULL;
}

typedef struct
{
  MimeMessage *msg;
  guint parts;
  gboolean have_original;
} Walk;

static void walk_object (Walk *w, GMimeObject *obj, guint depth, gboolean nested);

static void
take_original_headers (Walk *w, GMimeObject *obj)
{
  if (w->have_original || !obj)
    return;
  w->have_original = TRUE;
  w->msg->text_before_returned = w->msg->text->len;
  copy_headers (obj, &w->msg->original, &w->msg->n_original);
  /* the header block as text is written only when asked for */
  w->msg->original_object = g_object_ref (obj);
  if (GMIME_IS_MESSAGE (obj))
    w->msg->attached = g_object_ref (obj);
}

const char *
mime_original_raw (MimeMessage *msg)
{
  if (msg->original_object)
    {
      char *raw = g_mime_object_get_headers (GMIME_OBJECT (msg->original_object), NULL);
      msg->original_raw = raw ? g_utf8_make_valid (raw, -1) : NULL;
      g_free (raw);
      g_clear_object (&msg->original_object);
    }
  return msg->original_raw;
}

/* A header block that GMime reads line by line the way this does: up to the
 * first empty line (or the end, after a line end), every line is "Name:value"
 * with a name of one or more printable ASCII bytes other than ':', or a
 * continuation that starts with a blank; line ends are LF or CR LF, and no other
 * CR occurs. Writes each header's name and raw value (the bytes after the colon up
 * to and with the header's last line end, CR included, as GMime keeps it) into
 * buf (room for twice
 * len) and their addresses into pairs; returns their number, or -1 when the
 * block is not that simple and GMime must read it. content (may be NULL) gets the
 * lines of the Content- fields as they are, and *empty_at (may be NULL) the offset
 * of the empty line (len when there is none). */
static int
simple_header_block (const char *text, gsize len, char *buf, const char **pairs,
                     GString *content, gsize *empty_at)
{
  const char *p = text, *end = text + len;
  for (const char *cr = memchr (p, '\r', len); cr; cr = memchr (cr + 1, '\r', end - (cr + 1)))
    if (cr + 1 == end || cr[1] != '\n')
      return -1;
  int count = 0;
  char *o = buf;
  /* up to the empty line */
  while (p < end && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
    {
      const char *colon = p;
      while (colon < end && *colon > ' ' && *colon < 0x7f && *colon != ':')
        colon++;
      if (colon == p || colon == end || *colon != ':')
        return -1;
      /* the value: this line and the continuations after it */
      const char *v = colon + 1;
      const char *nl = memchr (v, '\n', end - v);
      while (nl && nl + 1 < end && (nl[1] == ' ' || nl[1] == '\t'))
        nl = memchr (nl + 1, '\n', end - (nl + 1));
      if (!nl)
        return -1; /* the last line has no line end */
      const char *next = nl + 1;
      /* GMime gives the Content- fields to the message's body, not the message */
      gboolean is_content = colon - p >= 8 && g_ascii_strncasecmp (p, "Content-", 8) == 0;
      if (count < MAX_HEADERS && !is_content)
        {
          pairs[2 * count] = o;
          memcpy (o, p, colon - p);
          o += colon - p;
          *o++ = '\0';
          pairs[2 * count + 1] = o;
          memcpy (o, v, next - v);
          o += next - v;
          *o++ = '\0';
          count++;
        }
      if (content && is_content)
        g_string_append_len (content, p, next - p);
      p = next;
    }
  if (empty_at)
    *empty_at = (gsize) (p - text);
  return count;
}

/* text/rfc822-headers: a header block without a body; read here when it is
 * simple, else by GMime. */
static void
take_header_block (Walk *w, const char *text)
{
  if (w->have_original)
    return;
  gsize len = strlen (text);
  if (len > 0)
    {
      char *buf = g_malloc (2 * len + 2);
      const char *pairs[2 * MAX_HEADERS];
      int count = simple_header_block (text, len, buf, pairs, NULL, NULL);
      if (count > 0)
        {
          w->have_original = TRUE;
          w->msg->text_before_returned = w->msg->text->len;
          copy_pairs (pairs, count, &w->msg->original, &w->msg->n_original, NULL);
          g_free (w->msg->original_raw);
          w->msg->original_raw = g_strdup (text);
          g_free (buf);
          return;
        }
      g_free (buf);
    }
  /* GMime's objects for a header block take some 30 times its size: it reads no
   * more than MAX_GMIME_HEADER_BLOCK, up to a line end, nor more than twice the
   * fields kept (copy_headers keeps the first MAX_HEADERS but Content- fields) */
  gsize fields = 0, keep = 0;
  for (const char *p = text; p < text + MIN (len, MAX_GMIME_HEADER_BLOCK);)
    {
      const char *nl = memchr (p, '\n', (gsize) (text + len - p));
      if (*p != ' ' && *p != '\t' && ++fields > 2 * MAX_HEADERS)
        break;
      if (!nl)
        break;
      p = nl + 1;
      keep = (gsize) (p - text);
    }
  if (len > MAX_GMIME_HEADER_BLOCK || fields > 2 * MAX_HEADERS)
    {
      len = keep ? keep : MIN (len, MAX_GMIME_HEADER_BLOCK);
      w->msg->cuts |= 1u << BOUNCE_WARNING_RETURNED_HEADERS_CUT;
    }
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (text, len);
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *m = g_mime_parser_construct_message (parser, NULL);
  if (m)
    {
      take_original_headers (w, GMIME_OBJECT (m));
      g_clear_object (&w->msg->original_object);
      g_clear_object (&w->msg->attached); /* a header block, not the message */
      g_free (w->msg->original_raw);
      w->msg->original_raw = g_strdup (text);
      g_object_unref (m);
    }
  g_object_unref (parser);
  g_object_unref (stream);
}

static void returned_leaf (Walk *w, GMimePart *part, guint depth, gboolean nested);

/* Does a line of text start with one of the fields of a delivery-status body
 * (RFC 3464 § 2.2, 2.3)? TRUE for an empty text too. */
static gboolean
has_dsn_field (const char *text)
{
  const char *p = text;
  while (g_ascii_isspace (*p))
    p++;
  if (!*p)
    return TRUE; /* empty: no prose either */
  static const char *const names[] = { "reporting-mta", "final-recipient", "original-recipient",
                                       "action", "status", "diagnostic-code", "x-actual-recipient" };
  for (const char *line = text; line && *line;)
    {
      while (*line == ' ' || *line == '\t')
        line++;
      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        {
          gsize n = strlen (names[i]);
          if (g_ascii_strncasecmp (line, names[i], n) != 0)
            continue;
          /* "Name:" or "Name :" */
          const char *c = line + n;
          while (*c == ' ' || *c == '\t')
            c++;
          if (*c == ':')
            return TRUE;
        }
      line = strchr (line, '\n');
      if (line)
        line++;
    }
  return FALSE;
}

static void
walk_part (Walk *w, GMimePart *part, guint depth, gboolean nested)
{
  GMimeContentType *ct = g_mime_object_get_content_type (GMIME_OBJECT (part));
  const char *type = ct ? g_mime_content_type_get_media_type (ct) : "text";
  const char *sub = ct ? g_mime_content_type_get_media_subtype (ct) : "plain";
  if (!type)
    type = "text";
  if (!sub)
    sub = "plain";
  MimeMessage *msg = w->msg;

  if (g_ascii_strcasecmp (type, "message") == 0
      && (g_ascii_strcasecmp (sub, "delivery-status") == 0
          || g_ascii_strcasecmp (sub, "global-delivery-status") == 0))
    {
      char *body = part_text_noted (msg, part, MAX_DSN_PART, BOUNCE_WARNING_DSN_PART_CUT);
      /* prose under that label (a notice's text in the wrong part): read as text */
      g_ptr_array_add (has_dsn_field (body) ? (nested ? msg->dsn_nested : msg->dsn)
                       : (nested ? msg->text_nested : msg->text), body);
      return;
    }
  if (g_ascii_strcasecmp (type, "message") == 0
      && (g_ascii_strcasecmp (sub, "disposition-notification") == 0
          || g_ascii_strcasecmp (sub, "global-disposition-notification") == 0))
    {
      if (!nested)
        g_ptr_array_add (msg->mdn,
                         part_text_noted (msg, part, MAX_DSN_PART, BOUNCE_WARNING_DSN_PART_CUT));
      return;
    }
  if (g_ascii_strcasecmp (type, "message") == 0 && g_ascii_strcasecmp (sub, "feedback-report") == 0)
    {
      if (!nested)
        g_ptr_array_add (msg->feedback,
                         part_text_noted (msg, part, MAX_DSN_PART, BOUNCE_WARNING_DSN_PART_CUT));
      return;
    }
  if ((g_ascii_strcasecmp (type, "text") == 0 || g_ascii_strcasecmp (type, "message") == 0)
      && (g_ascii_strcasecmp (sub, "rfc822-headers") == 0
          || g_ascii_strcasecmp (sub, "rfc822-header") == 0
          || g_ascii_strcasecmp (sub, "global-headers") == 0))
    {
      char *text = part_text (part, MAX_DSN_PART);
      take_header_block (w, text);
      g_free (text);
      return;
    }
  if (lazy_returned && g_ascii_strcasecmp (type, "message") == 0 && is_returned_subtype (sub))
    {
      /* what GMime parses as a message part, unless it is encoded */
      GMimeContentEncoding encoding = g_mime_part_get_content_encoding (part);
      if (encoding != GMIME_CONTENT_ENCODING_BASE64
          && encoding != GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE
          && encoding != GMIME_CONTENT_ENCODING_UUENCODE)
        {
          returned_leaf (w, part, depth, nested);
          return;
        }
    }
  if (g_ascii_strcasecmp (type, "message") == 0 && g_ascii_strcasecmp (sub, "rfc822") == 0)
    {
      /* a message/rfc822 GMime did not parse as a message part: headers only */
      char *text = part_text (part, MAX_DSN_PART);
      char *end = strstr (text, "\n\n");
      if (end)
        end[1] = '\0';
      take_header_block (w, text);
      g_free (text);
      return;
    }
  if (g_ascii_strcasecmp (type, "text") != 0)
    return; /* attachments: never decoded */
  const char *disposition = g_mime_object_get_disposition (GMIME_OBJECT (part));
  gboolean attachment = disposition && g_ascii_strcasecmp (disposition, "attachment") == 0;
  if (attachment && nested)
    return;
  char *text = part_text_noted (msg, part, MAX_TEXT_PART, BOUNCE_WARNING_TEXT_PART_CUT);
  const char *format = ct ? g_mime_content_type_get_parameter (ct, "format") : NULL;
  if (g_ascii_strcasecmp (sub, "html") == 0)
    {
      char *plain = textform_from_html (text);
      g_free (text);
      text = plain;
    }
  else if (format && g_ascii_strcasecmp (format, "flowed") == 0)
    {
      const char *delsp = g_mime_content_type_get_parameter (ct, "delsp");
      char *plain = textform_from_flowed (text, delsp && g_ascii_strcasecmp (delsp, "yes") == 0);
      g_free (text);
      text = plain;
    }
  g_ptr_array_add (nested ? msg->text_nested : msg->text, text);
}

static void
walk_object (Walk *w, GMimeObject *obj, guint depth, gboolean nested)
{
  if (!obj)
    return;
  if (++w->parts > MAX_PARTS || depth > MAX_DEPTH)
    {
      w->msg->cuts |= 1u << BOUNCE_WARNING_PARTS_CUT;
      return;
    }
  if (GMIME_IS_MULTIPART (obj))
    {
      GMimeMultipart *mp = GMIME_MULTIPART (obj);
      int n = g_mime_multipart_get_count (mp);
      gboolean alternative = g_ascii_strcasecmp (
                                 g_mime_content_type_get_media_subtype (
                                     g_mime_object_get_content_type (obj)) ?: "",
                                 "alternative") == 0;
      /* in multipart/alternative read only the plain text when there is one */
      int plain = -1;
      for (int i = 0; alternative && i < n && plain < 0; i++)
        {
          GMimeObject *child = g_mime_multipart_get_part (mp, i);
          GMimeContentType *ct = g_mime_object_get_content_type (child);
          if (GMIME_IS_PART (child) && ct && g_mime_content_type_is_type (ct, "text", "plain"))
            plain = i;
        }
      /* no part at all: the boundary never occurs (a broken or mismatched one), and
       * everything sits in the prologue; read it as the text it is */
      const char *prologue = n == 0 ? g_mime_multipart_get_prologue (mp) : NULL;
      if (prologue && *prologue)
        {
          g_string_append (w->msg->warnings, "multipart without its boundary; read as text\n");
          gsize plen = strnlen (prologue, MAX_TEXT_PART);
          g_ptr_array_add (nested ? w->msg->text_nested : w->msg->text,
                           to_utf8 (prologue, plen, NULL));
        }
      for (int i = 0; i < n; i++)
        if (plain < 0 || i == plain)
          walk_object (w, g_mime_multipart_get_part (mp, i), depth + 1, nested);
      return;
    }
  if (GMIME_IS_MESSAGE_PART (obj))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (obj));
      if (!inner)
        return;
      if (!nested)
        take_original_headers (w, GMIME_OBJECT (inner));
      walk_object (w, g_mime_message_get_mime_part (inner), depth + 1, TRUE);
      return;
    }
  if (GMIME_IS_PART (obj))
    walk_part (w, GMIME_PART (obj), depth, nested);
}

/* ---- returned messages kept as leaf parts (mime_read_returned_lazily) ---- */

typedef struct
{
  GMimePart *part;
  guint depth;
} Returned;

static void
returned_free (gpointer data)
{
  Returned *r = data;
  g_object_unref (r->part);
  g_free (r);
}

/* The part's bytes as GMime keeps them, from the start; NULL when it has none. */
static GMimeStream *
leaf_stream (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  GMimeStream *stream = content ? g_mime_data_wrapper_get_stream (content) : NULL;
  if (stream)
    g_mime_stream_reset (stream);
  return stream;
}

static GMimeMessage *
parse_stream (GMimeStream *stream)
{
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *m = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  return m;
}

/* Walks the whole returned message, as GMime would have when parsing it in place:
 * its body one level down, as nested parts. */
static void
walk_returned (Walk *w, GMimePart *part, guint depth)
{
  GMimeStream *stream = leaf_stream (part);
  GMimeMessage *inner = stream ? parse_stream (stream) : NULL;
  if (!inner)
    return;
  walk_object (w, g_mime_message_get_mime_part (inner), depth + 1, TRUE);
  g_object_unref (inner);
}

/* The length of the header block at the start of the stream, up to and with its
 * empty line ("\n" or "\r\n"); -1 when there is none (the block runs to the end). */
static gint64
header_block_end (GMimeStream *stream)
{
  char buf[4096];
  gint64 at = 0;
  gboolean empty = TRUE; /* the line so far holds nothing but carriage returns */
  for (;;)
    {
      ssize_t n = g_mime_stream_read (stream, buf, sizeof buf);
      if (n <= 0)
        return -1;
      for (ssize_t i = 0; i < n; i++, at++)
        if (buf[i] == '\n')
          {
            if (empty)
              return at + 1;
            empty = TRUE;
          }
        else if (buf[i] != '\r')
          empty = FALSE;
    }
}

static void
returned_leaf (Walk *w, GMimePart *part, guint depth, gboolean nested)
{
  if (nested)
    {
      /* inside a returned message: read now, as GMime would have */
      walk_returned (w, part, depth);
      return;
    }
  GMimeStream *stream = leaf_stream (part);
  if (!stream)
    return;
  if (!w->have_original)
    {
      /* its headers: the header block, read as a text/rfc822-headers part is */
      gint64 end = header_block_end (stream);
      g_mime_stream_reset (stream);
      gsize max = end >= 0 ? MIN ((gsize) end, MAX_DSN_PART) : MAX_DSN_PART;
      char *block = g_malloc (max + 1);
      gsize got = 0;
      while (got < max)
        {
          ssize_t n = g_mime_stream_read (stream, block + got, max - got);
          if (n <= 0)
            break;
          got += (gsize) n;
        }
      block[got] = '\0';
      if (got == MAX_DSN_PART && (end < 0 || (gsize) end > MAX_DSN_PART))
        {
          /* a header block longer than is read: up to its last whole line */
          while (got > 0 && block[got - 1] != '\n')
            got--;
          block[got] = '\0';
          w->msg->cuts |= 1u << BOUNCE_WARNING_RETURNED_HEADERS_CUT;
        }
      g_mime_stream_reset (stream);
      take_header_block (w, block);
      g_free (block);
      if (w->have_original && !w->msg->attached)
        w->msg->attached = g_object_ref (part);
    }
  /* its body: read when an extractor asks for the nested parts */
  Returned *r = g_new (Returned, 1);
  r->part = g_object_ref (part);
  r->depth = depth;
  if (!w->msg->returned)
    w->msg->returned = g_ptr_array_new_with_free_func (returned_free);
  g_ptr_array_add (w->msg->returned, r);
}

MimeMessage *
mime_parse_attached (const MimeMessage *msg)
{
  if (!msg->attached)
    return NULL;
  if (GMIME_IS_MESSAGE (msg->attached))
    return mime_parse_gmime (msg->attached);
  GMimeStream *stream = leaf_stream (GMIME_PART (msg->attached));
  GMimeMessage *inner = stream ? parse_stream (stream) : NULL;
  if (!inner)
    return NULL;
  MimeMessage *m = mime_parse_gmime (inner);
  g_object_unref (inner);
  g_mime_stream_reset (stream);
  return m;
}

/* Walks the returned messages not walked yet. */
static void
read_returned (MimeMessage *msg)
{
  GPtrArray *pending = msg->returned;
  if (!pending)
    return;
  msg->returned = NULL;
  Walk w = { msg, msg->walked_parts, TRUE };
  for (guint i = 0; i < pending->len; i++)
    {
      Returned *r = g_ptr_array_index (pending, i);
      walk_returned (&w, r->part, r->depth);
    }
  msg->walked_parts = w.parts;
  g_ptr_array_free (pending, TRUE);
}

/* Does text (len bytes) hold word (lower case), in any case? */
static gboolean
has_word (const char *text, gsize len, const char *word)
{
  gsize n = strlen (word);
  const char *end = text + len;
  for (const char *p = text; (gsize) (end - p) >= n; p++)
    {
      /* the next place where the first letter stands, in either case */
      gsize room = (gsize) (end - p) - n + 1;
      const char *lo = memchr (p, word[0], room);
      const char *up = memchr (p, g_ascii_toupper (word[0]), lo ? (gsize) (lo - p) : room);
      p = up ? up : lo;
      if (!p)
        return FALSE;
      if (g_ascii_strncasecmp (p, word, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Does the stream hold word (lower case), in any case? A memory stream's bytes
 * are read in place. */
static gboolean
stream_has (GMimeStream *stream, const char *word)
{
  if (GMIME_IS_STREAM_MEM (stream) && stream->bound_end >= stream->bound_start)
    {
      GByteArray *bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
      if (bytes && (guint64) stream->bound_end <= bytes->len)
        return has_word ((const char *) bytes->data + stream->bound_start,
                         (gsize) (stream->bound_end - stream->bound_start), word);
    }
  gsize n = strlen (word);
  char buf[16384];
  gsize kept = 0;
  gboolean found = FALSE;
  for (;;)
    {
      ssize_t got = g_mime_stream_read (stream, buf + kept, sizeof buf - kept);
      if (got <= 0)
        break;
      gsize len = kept + (gsize) got;
      if ((found = has_word (buf, len, word)))
        break;
      kept = MIN (len, n - 1);
      memmove (buf, buf + len - kept, kept);
    }
  g_mime_stream_reset (stream);
  return found;
}

const GPtrArray *
mime_text_nested (const MimeMessage *msg)
{
  /* the walk fills the message's own lists: logically const */
  read_returned ((MimeMessage *) msg);
  return msg->text_nested;
}

const GPtrArray *
mime_dsn_nested (const MimeMessage *msg)
{
  /* a delivery-status part is named so in its Content-Type: without those bytes
   * the returned messages hold none, and need not be parsed for it */
  for (guint i = 0; msg->returned && i < msg->returned->len; i++)
    {
      Returned *r = g_ptr_array_index (msg->returned, i);
      GMimeStream *stream = leaf_stream (r->part);
      if (stream && stream_has (stream, "delivery-status"))
        {
          read_returned ((MimeMessage *) msg);
          break;
        }
    }
  return msg->dsn_nested;
}

static MimeMessage *
message_new (void)
{
  MimeMessage *msg = g_new0 (MimeMessage, 1);
  msg->dsn = g_ptr_array_new_with_free_func (g_free);
  msg->dsn_nested = g_ptr_array_new_with_free_func (g_free);
  msg->feedback = g_ptr_array_new_with_free_func (g_free);
  msg->mdn = g_ptr_array_new_with_free_func (g_free);
  msg->text = g_ptr_array_new_with_free_func (g_free);
  msg->text_before_returned = G_MAXUINT;
  msg->text_nested = g_ptr_array_new_with_free_func (g_free);
  msg->warnings = g_string_new (NULL);
  return msg;
}

/* The message's body: its type and its parts. */
static void
read_body (MimeMessage *msg, GMimeObject *body)
{
  if (body)
    {
      GMimeContentType *ct = g_mime_object_get_content_type (body);
      if (ct)
        {
          char *mime_type = g_mime_content_type_get_mime_type (ct); /* (transfer full) */
          msg->content_type = g_ascii_strdown (mime_type ? mime_type : "", -1);
          g_free (mime_type);
          const char *rt = g_mime_content_type_get_parameter (ct, "report-type");
          msg->report_type = rt ? g_ascii_strdown (rt, -1) : NULL;
        }
    }
  Walk w = { msg, 0, FALSE };
  walk_object (&w, body, 0, FALSE);
  msg->walked_parts = w.parts;
}

/* The message whose header fields are those of top (a GMimeMessage, or the
 * entity GMime parsed at the top of the bytes) and whose body is body (the
 * message's MIME part, or the entity itself); date (taken) as GMime's message
 * reads it. */
static MimeMessage *
from_gmime (GMimeObject *top, GMimeObject *body, char *date)
{
  MimeMessage *msg = message_new ();
  copy_headers (top, &msg->headers, &msg->n_headers);
  msg->date = date;
  read_body (msg, body);
  return msg;
}

MimeMessage *
mime_parse_gmime (gpointer gmime_message)
{
  ensure_init ();
  if (!GMIME_IS_MESSAGE (gmime_message))
    return NULL;
  GMimeMessage *message = GMIME_MESSAGE (gmime_message);
  return from_gmime (GMIME_OBJECT (message), g_mime_message_get_mime_part (message),
                     message_date (message));
}

/* GMime reads LF and CRLF; a message with CR-only line ends is converted first. */
static char *
normalise_cr (const char *data, gsize len)
{
  gsize probe = MIN (len, 65536);
  if (memchr (data, '\n', probe) || !memchr (data, '\r', probe))
    return NULL;
  char *copy = g_malloc (len);
  for (gsize i = 0; i < len; i++)
    copy[i] = data[i] == '\r' ? '\n' : data[i];
  return copy;
}

/* The length of the lines at the start of data that hold only white space (some
 * writers put an empty line, or blanks, before the header block). */
static gsize
blank_lines_len (const char *data, gsize len)
{
  gsize skip = 0;
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\n')
        skip = i + 1;
      else if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r')
        break;
    }
  return skip;
}

static gboolean
looks_like_message (const char *data, gsize len)
{
  /* the first line (after lines of white space) must be a header field or an
   * mbox "From " line */
  gsize i = blank_lines_len (data, len);
  if (len - i >= 5 && memcmp (data + i, "From ", 5) == 0)
    return TRUE;
  gsize start = i;
  while (i < len && i - start < 256 && data[i] > ' ' && data[i] < 127 && data[i] != ':')
    i++;
  return i > start && i < len && data[i] == ':';
}

/* A parser for the stream, one per thread, set on each message in turn: creating
 * one is a 4 KB allocation and its set-up for every message. It keeps its last
 * stream until the next message; a memory stream that does not own its bytes
 * does not read them when it is freed. */
static GMimeParser *
thread_parser (GMimeStream *stream)
{
  static GPrivate key = G_PRIVATE_INIT (g_object_unref);
  GMimeParser *parser = g_private_get (&key);
  if (!parser)
    {
      parser = g_mime_parser_new ();
      g_private_set (&key, parser);
    }
  g_mime_parser_init_with_stream (parser, stream);
  return parser;
}

/* Messages up to this size have their header block read here when it is simple
 * (simple_header_block), and GMime reads their Content- fields and body only:
 * copying those is cheaper than GMime's objects for every other field. Larger
 * messages, and those whose header block is not simple, GMime reads whole. */
#define SPLIT_MAX (1024 * 1024)

/* The length of the header block at the start of data, with its empty line; len
 * when there is none. */
static gsize
header_block_len (const char *data, gsize len)
{
  const char *end = data + len;
  for (const char *nl = memchr (data, '\n', len); nl; nl = memchr (nl + 1, '\n', end - (nl + 1)))
    {
      const char *next = nl + 1;
      if (next < end && *next == '\n')
        return (gsize) (next + 1 - data);
      if (end - next >= 2 && next[0] == '\r' && next[1] == '\n')
        return (gsize) (next + 2 - data);
    }
  return len;
}

/* Is the field starting at line (a header block's line) a Content- or Date field? */
static gboolean
field_is (const char *line, const char *end, const char *name)
{
  gsize n = strlen (name);
  return (gsize) (end - line) > n && g_ascii_strncasecmp (line, name, n) == 0;
}

/* The boundary a "boundary=" parameter at p (after the '=') names: its length, 0
 * when there is none. */
static gsize
boundary_value (const char *p, const char *end, const char **value)
{
  if (p < end && *p == '"')
    {
      const char *close = memchr (p + 1, '"', MIN ((gsize) (end - p - 1), 200));
      *value = p + 1;
      return close ? (gsize) (close - p - 1) : 0;
    }
  const char *q = p;
  while (q < end && q - p < 200 && *q != ';' && *q != ' ' && *q != '\t' && *q != '\r'
         && *q != '\n')
    q++;
  *value = p;
  return (gsize) (q - p);
}

/* The message in data (LF line ends) as GMime is given it: the header fields past
 * MAX_HEADERS left out (the Content- fields and the last Date field kept: the body
 * and the date depend on them), and nothing after the part that would be the
 * (MAX_PARTS + 1)th, which the walk never reads. A copy (*out_len bytes), or NULL
 * when the message is within both bounds. *dropped counts the fields left out;
 * *parts_cut tells that the end was cut. Linear: each line is read once, and the
 * boundaries declared so far are looked up in a table. */
static char *
bounded_copy (const char *data, gsize len, gsize *out_len, guint *dropped, gboolean *parts_cut)
{
  const char *end = data + len;
  *dropped = 0;
  *parts_cut = FALSE;
  gsize block = header_block_len (data, len);
  /* the header block: count the fields that would be kept (fewer lines than the
   * bound: nothing to count) */
  guint plain = 0, lines = 0;
  const char *last_date = NULL;
  for (const char *nl = memchr (data, '\n', block); nl && lines <= MAX_HEADERS;
       nl = memchr (nl + 1, '\n', (gsize) (data + block - nl - 1)))
    lines++;
  for (const char *line = data; line < data + block && lines > MAX_HEADERS;)
    {
      const char *nl = memchr (line, '\n', (gsize) (data + block - line));
      const char *next = nl ? nl + 1 : data + block;
      if (*line != ' ' && *line != '\t' && *line != '\n')
        {
          if (!field_is (line, next, "Content-"))
            plain++;
          if (field_is (line, next, "Date:"))
            last_date = line;
        }
      line = next;
    }
  /* the body: the opening delimiter of part MAX_PARTS + 1, if any (fewer lines
   * that start with "--" than the bound: none) */
  const char *cut = NULL;
  GHashTable *boundaries = NULL;
  guint parts = 0, dashes = 0;
  for (const char *nl = memchr (data, '\n', len); nl && dashes <= MAX_PARTS;
       nl = memchr (nl + 1, '\n', (gsize) (end - nl - 1)))
    if (end - nl > 2 && nl[1] == '-' && nl[2] == '-')
      dashes++;
  for (const char *line = data; line < end && !cut && dashes > MAX_PARTS;)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      const char *le = nl ? nl : end;
      /* "boundary=" anywhere on the line: the '=' checked, each once */
      for (const char *eq = memchr (line, '=', (gsize) (le - line)); eq;
           eq = eq + 1 < le ? memchr (eq + 1, '=', (gsize) (le - eq - 1)) : NULL)
        if (eq - line >= 8 && g_ascii_strncasecmp (eq - 8, "boundary", 8) == 0)
          {
            const char *value;
            gsize n = boundary_value (eq + 1, le, &value);
            if (n == 0)
              continue;
            if (!boundaries)
              boundaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            if (g_hash_table_size (boundaries) <= MAX_PARTS)
              g_hash_table_add (boundaries, g_strndup (value, n));
          }
      if (boundaries && le - line > 2 && line[0] == '-' && line[1] == '-')
        {
          const char *b = line + 2, *be = le;
          while (be > b && (be[-1] == ' ' || be[-1] == '\t' || be[-1] == '\r'))
            be--;
          char *name = g_strndup (b, (gsize) (be - b));
          /* an opening delimiter (not "--boundary--") starts a part */
          if (g_hash_table_contains (boundaries, name) && ++parts > MAX_PARTS)
            cut = line;
          g_free (name);
        }
      line = nl ? nl + 1 : end;
    }
  if (boundaries)
    g_hash_table_destroy (boundaries);
  if (plain <= MAX_HEADERS && !cut)
    return NULL;
  *parts_cut = cut != NULL;
  GString *out = g_string_sized_new (cut ? (gsize) (cut - data) : len);
  plain = 0;
  for (const char *line = data; line < data + block;)
    {
      /* a field with its continuation lines */
      const char *next = line;
      do
        {
          const char *nl = memchr (next, '\n', (gsize) (data + block - next));
          next = nl ? nl + 1 : data + block;
        }
      while (next < data + block && (*next == ' ' || *next == '\t'));
      gboolean keep = *line == '\n' || *line == ' ' || *line == '\t'
                      || field_is (line, next, "Content-") || line == last_date
                      || ++plain <= MAX_HEADERS;
      if (keep)
        g_string_append_len (out, line, next - line);
      else
        (*dropped)++;
      line = next;
    }
  const char *body_end = cut ? cut : end;
  if (body_end > data + block)
    g_string_append_len (out, data + block, body_end - (data + block));
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* The date of a message whose header block was read here (pairs, and headers
 * as copy_pairs made them from the pairs), from its last Date field. */
static char *
pairs_date (const char *const *pairs, int count, const MimeHeader *headers, guint n_headers)
{
  int last = -1;
  for (int i = 0; i < count; i++)
    if (ascii_equal (pairs[2 * i], "Date"))
      last = i;
  if (last < 0)
    return NULL;
  gboolean plain = n_headers == (guint) count && !headers[last].decoded;
  return field_date (pairs[2 * last + 1], plain ? headers[last].value : NULL);
}

/* GMime's parse of bytes (len of them, kept by the caller while the message
 * lives) as one entity: NULL when it fails. *array is what its stream reads. */
static GMimeObject *
parse_entity (const char *bytes, gsize len, GByteArray **array)
{
  /* the stream reads the bytes in place, without a copy */
  *array = g_byte_array_new_take ((guint8 *) bytes, len);
  GMimeStream *stream = g_mime_stream_mem_new_with_byte_array (*array);
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  GMimeObject *top = g_mime_parser_construct_part (thread_parser (stream), NULL);
  g_object_unref (stream);
  return top;
}

/* The message in data (len bytes, from its header block) read with its header
 * block read here: GMime gets a copy of the Content- fields and what follows
 * them, which *bytes takes (with *array, what GMime reads it from). NULL when
 * the header block is not simple, holds no other field or more than the fields
 * kept (the date is that of the last Date field, wherever it stands), or GMime
 * cannot read the rest. */
static MimeMessage *
parse_split (const char *data, gsize len, GByteArray **array, char **bytes)
{
  gsize block = header_block_len (data, len);
  char *buf = g_malloc (2 * block + 2);
  const char *pairs[2 * MAX_HEADERS];
  GString *rest = g_string_sized_new (len - block + 256);
  gsize empty_at = 0;
  int count = simple_header_block (data, block, buf, pairs, rest, &empty_at);
  MimeMessage *msg = NULL;
  *array = NULL;
  *bytes = NULL;
  if (count > 0 && count < MAX_HEADERS)
    {
      /* the empty line and the body, as they are */
      g_string_append_len (rest, data + empty_at, (gssize) (len - empty_at));
      gsize rest_len = rest->len;
      *bytes = g_string_free (rest, FALSE);
      rest = NULL;
      GMimeObject *top = parse_entity (*bytes, rest_len, array);
      if (top)
        {
          msg = message_new ();
          copy_pairs (pairs, count, &msg->headers, &msg->n_headers,
                      object_charset (top));
          msg->date = pairs_date (pairs, count, msg->headers, msg->n_headers);
          read_body (msg, top);
          g_object_unref (top);
        }
    }
  if (rest)
    g_string_free (rest, TRUE);
  g_free (buf);
  return msg;
}

MimeMessage *
mime_parse_bytes (const char *data, gsize len, const char **why)
{
  ensure_init ();
  if (len == 0)
    {
      *why = "empty input";
      return NULL;
    }
  char *copy = normalise_cr (data, len);
  if (copy)
    data = copy;
  if (!looks_like_message (data, len))
    {
      g_free (copy);
      *why = "not an email message (no header at the start)";
      return NULL;
    }
  /* skip lines of white space, then an mbox envelope line */
  gsize skip = blank_lines_len (data, len);
  data += skip;
  len -= skip;
  skip = 0;
  if (len >= 5 && memcmp (data, "From ", 5) == 0)
    {
      const char *nl = memchr (data, '\n', len);
      skip = nl ? (gsize) (nl - data) + 1 : len;
    }
  const char *start = data + skip;
  gsize size = len - skip;
  if (size == 0)
    {
      g_free (copy);
      *why = "not an email message (an mbox envelope line only)";
      return NULL;
    }
  /* past the bounds, GMime reads a copy without what would not be kept */
  guint dropped = 0;
  gboolean parts_cut = FALSE;
  gsize bounded_len = 0;
  char *bounded = bounded_copy (start, size, &bounded_len, &dropped, &parts_cut);
  if (bounded)
    {
      g_free (copy);
      copy = bounded;
      start = bounded;
      size = bounded_len;
    }
  GByteArray *array = NULL;
  char *split = NULL;
  MimeMessage *msg = size <= SPLIT_MAX ? parse_split (start, size, &array, &split) : NULL;
  if (msg)
    {
      g_free (copy); /* GMime read the split copy */
      copy = split;
    }
  else
    {
      if (array)
        g_byte_array_free (array, FALSE);
      g_free (split);
      /* GMime reads the whole message, the caller's bytes in place: they outlive
       * the message, whose parts refer to them. It is parsed as an entity, not as
       * a GMimeMessage: the header fields are read from it as the message's
       * (from_gmime), and GMime's own reading of the message's addresses and its
       * objects for them, which nothing here uses, is not done */
      GMimeObject *top = parse_entity (start, size, &array);
      if (top)
        {
          msg = from_gmime (top, top, entity_date (top));
          g_object_unref (top);
        }
    }
  if (msg && dropped)
    {
      msg->cuts |= 1u << BOUNCE_WARNING_HEADERS_CUT;
      msg->headers_dropped = dropped;
    }
  if (msg && parts_cut)
    msg->cuts |= 1u << BOUNCE_WARNING_PARTS_CUT;
  if (msg && (msg->returned || msg->attached))
    {
      /* the returned messages (and the attached one) are read from these bytes later */
      msg->source_array = array;
      msg->source_copy = copy;
      return msg;
    }
  g_byte_array_free (array, FALSE); /* the wrapper only: the bytes are the caller's or copy */
  g_free (copy);
  if (!msg)
    *why = "not an email message (MIME parse failed)";
  return msg;
}

static void
free_headers (MimeHeader *h, guint n)
{
  for (guint i = 0; i < n; i++)
    if (h[i].decoded)
      g_free (h[i].value);
  g_free (h);
}

void
mime_free (MimeMessage *msg)
{
  if (!msg)
    return;
  free_headers (msg->headers, msg->n_headers);
  free_headers (msg->original, msg->n_original);
  g_free (msg->original_raw);
  g_clear_object (&msg->original_object);
  g_clear_object (&msg->attached);
  if (msg->returned)
    g_ptr_array_free (msg->returned, TRUE);
  if (msg->source_array)
    g_byte_array_free (msg->source_array, FALSE);
  g_free (msg->source_copy);
  g_free (msg->date);
  g_free (msg->content_type);
  g_free (msg->report_type);
  g_ptr_array_free (msg->dsn, TRUE);
  g_ptr_array_free (msg->dsn_nested, TRUE);
  g_ptr_array_free (msg->feedback, TRUE);
  g_ptr_array_free (msg->mdn, TRUE);
  g_ptr_array_free (msg->text, TRUE);
  g_ptr_array_free (msg->text_nested, TRUE);
  g_string_free (msg->warnings, TRUE);
  g_free (msg);
}
