/* test-mime.c: what mime.c hands the extractors: parts found, decoded to UTF-8;
 * and mbox.c: an mbox split into its messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <gmime/gmime.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mbox.h"
#include "mime.h"

static MimeMessage *
parse (const char *text)
{
  const char *why = NULL;
  MimeMessage *m = mime_parse_bytes (text, strlen (text), &why);
  assert_non_null (m);
  return m;
}

static void
test_mime_report_parts_are_sorted_out (void **state)
{
  (void) state;
  MimeMessage *m = parse (
      "From: MAILER-DAEMON@example.org\nSubject: =?UTF-8?B?w5xiZXI=?= failure\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nNotice.\n"
      "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
      "RmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGFAZXhhbXBsZS5jb20K\n"
      "--b\nContent-Type: message/rfc822\n\nFrom: me@example.org\nTo: a@example.com\n"
      "Subject: hi\n\nbody text\n"
      "--b\nContent-Type: text/plain\n\nScanned by the gateway.\n--b--\n");
  assert_string_equal (m->report_type, "delivery-status");
  assert_int_equal (m->dsn->len, 1);
  assert_string_equal (g_ptr_array_index (m->dsn, 0), "Final-Recipient: rfc822; a@example.com\n");
  /* the notice, and a gateway's trailer after the returned message */
  assert_int_equal (m->text->len, 2);
  assert_int_equal (m->text_before_returned, 1);
  assert_string_equal (mime_get (m, "Subject"), "\xc3\x9c" "ber failure");
  assert_string_equal (mime_original (m, "To"), "a@example.com");
  /* the returned message's body is not read as notice text */
  assert_int_equal (m->text_nested->len, 1);
  mime_free (m);
}

static void
test_mime_legacy_charsets_become_utf8 (void **state)
{
  (void) state;
  /* ISO-2022-JP: "エラー" ; KOI8-R: "ошибка" */
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: multipart/mixed; boundary=c\n\n"
                          "--c\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
                          "\x1b$B%(%i!<\x1b(B\n"
                          "--c\nContent-Type: text/plain; charset=koi8-r\n"
                          "Content-Transfer-Encoding: quoted-printable\n\n=CF=DB=C9=C2=CB=C1\n"
                          /* ISO-2022-JP's escapes under a us-ascii label: no ASCII text */
                          "--c\nContent-Type: text/plain; charset=us-ascii\n\n"
                          "\x1b$B%(%i!<\x1b(B\n--c--\n");
  assert_int_equal (m->text->len, 3);
  assert_non_null (strstr (g_ptr_array_index (m->text, 0), "\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc"));
  assert_non_null (strstr (g_ptr_array_index (m->text, 1), "\xd0\xbe\xd1\x88\xd0\xb8\xd0\xb1\xd0\xba\xd0\xb0"));
  assert_non_null (strstr (g_ptr_array_index (m->text, 2), "\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc"));
  mime_free (m);
}

/* adjacent base64 encoded words whose first is padded (Sympa's Subject): GMime
 * alone keeps only the first; all of them are read */
static void
test_mime_padded_base64_words_joined (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\n"
                          "Subject: =?utf-8?b?0KDQsNGB0YHRi9C70LrQsCDRgdC+0L7QsdGJ0LXQvdC40Y86INCe0YI=?=\n"
                          " =?utf-8?b?0LrQsNC30LDQvdC+INCyINCw0LLRgtC+0YDQuNC30LDRhtC40Lg=?= (list)\n\nhi\n");
  assert_string_equal (mime_get (m, "Subject"),
                       "\xd0\xa0\xd0\xb0\xd1\x81\xd1\x81\xd1\x8b\xd0\xbb\xd0\xba\xd0\xb0 "
                       "\xd1\x81\xd0\xbe\xd0\xbe\xd0\xb1\xd1\x89\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f: "
                       "\xd0\x9e\xd1\x82\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbd\xd0\xbe "
                       "\xd0\xb2 \xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb8\xd0\xb7\xd0\xb0"
                       "\xd1\x86\xd0\xb8\xd0\xb8 (list)");
  mime_free (m);
}

/* a NUL byte decoded from a part ("=00") would end the text there: it reads as a
 * space, and the lines after it are kept */
static void
test_mime_nul_in_text_kept_as_space (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: multipart/mixed; boundary=c\n\n"
                          "--c\nContent-Type: text/plain; charset=windows-1252\n"
                          "Content-Transfer-Encoding: quoted-printable\n\n"
                          "see <http://example.org/?id=3D=00=00>.\n\n"
                          "Remote Server returned '550 5.1.1 unknown'\n--c--\n");
  assert_int_equal (m->text->len, 1);
  const char *t = g_ptr_array_index (m->text, 0);
  assert_non_null (strstr (t, "id=  >."));
  assert_non_null (strstr (t, "550 5.1.1 unknown"));
  mime_free (m);
}

static void
test_mime_html_only_is_reduced_to_text (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
                          "<html><style>p{}</style><body><p>Delivery failed:</p>"
                          "<p>user&nbsp;&lt;b@example.com&gt;</p></body></html>\n");
  const char *t = g_ptr_array_index (m->text, 0);
  assert_null (strchr (t, '{'));
  assert_non_null (strstr (t, "Delivery failed:\n\nuser <b@example.com>"));
  mime_free (m);
}

/* A text notice sent as HTML paragraphs (its blank lines made <p>): the paragraphs
 * are set off by blank lines again, as the text had them, so a list of recipients
 * ends where its paragraph ends; a line break inside a paragraph is one line end. */
static void
test_mime_html_paragraphs_set_off (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
                          "<html><body><p>The following addresses had permanent fatal errors:<br>\n"
                          "b@example.com<br>\nc@example.net</p>\n"
                          "<p class=\"t\">Transcript of session follows:<br>\n"
                          "550 5.1.1 b@example.com... User unknown</p><pre>x</pre><p>end\n"
                          "</body></html>\n");
  const char *t = g_ptr_array_index (m->text, 0);
  assert_string_equal (t, "The following addresses had permanent fatal errors:\n"
                          "b@example.com\nc@example.net\n\n"
                          "Transcript of session follows:\n"
                          "550 5.1.1 b@example.com... User unknown\n\nx\n\nend\n");
  mime_free (m);
}

/* format=flowed text (RFC 3676): soft line breaks joined, space-stuffing
 * removed, quote depths kept apart, DelSp honoured, the signature line kept. */
static void
test_mime_format_flowed_joined (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/plain; format=flowed\n\n"
                          "Unfortunately, I was unable to deliver your mail to the/some of the \n"
                          "recipient(s).\n"
                          " From here on\n"
                          "> quoted and \n"
                          "> joined \n"
                          "plain\n"
                          "-- \n"
                          "sig\n");
  assert_string_equal (g_ptr_array_index (m->text, 0),
                       "Unfortunately, I was unable to deliver your mail to the/some of the "
                       "recipient(s).\nFrom here on\n> quoted and joined \nplain\n-- \nsig\n");
  mime_free (m);
  m = parse ("From: a@example.org\nContent-Type: text/plain; format=flowed; delsp=yes\n\n"
             "Postmaster\u3000\u3000 \nnotice\n");
  assert_string_equal (g_ptr_array_index (m->text, 0), "Postmaster\u3000\u3000notice\n");
  mime_free (m);
}

/* HTML whose lines are made by tags, its source lines indented and ended after
 * each tag: a line starts with its first word, white space runs are one space, and
 * numeric references are characters. */
static void
test_mime_html_lines_by_tags (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
                          "<html><body><p>I wasn&#x27;t able to deliver:<br>\n"
                          "  &lt;b@example.com&gt;:<br>\n"
                          "\tRemote host said:   552 quota &#8212; full<br>\n</p></body></html>\n");
  const char *t = g_ptr_array_index (m->text, 0);
  assert_non_null (strstr (t, "I wasn't able to deliver:\n<b@example.com>:\n"
                              "Remote host said: 552 quota \xe2\x80\x94 full\n"));
  mime_free (m);
}

/* text/html that holds plain text, or a <pre> block: its line ends are lines. */
static void
test_mime_html_plain_text_keeps_lines (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
                          "Delivery to the following recipient failed:\r\n"
                          "\r\n   b@example.com\r\nuser unknown\n");
  const char *t = g_ptr_array_index (m->text, 0);
  assert_non_null (strstr (t, "failed:\n\n   b@example.com\nuser unknown"));
  mime_free (m);
  m = parse ("From: a@example.org\nContent-Type: text/html\n\n"
             "<html><body><b>Notice</b> of\nfailure<br><pre>b@example.com\nuser unknown</pre>"
             "</body></html>\n");
  t = g_ptr_array_index (m->text, 0);
  assert_non_null (strstr (t, "Notice of failure\n"));
  assert_non_null (strstr (t, "b@example.com\nuser unknown"));
  mime_free (m);
}

static void
test_mime_cr_only_line_ends (void **state)
{
  (void) state;
  MimeMessage *m = parse ("From: a@example.org\rSubject: x\r"
                          "Content-Type: multipart/report; boundary=q\r\r--q\r"
                          "Content-Type: message/delivery-status\r\rAction: failed\r--q--\r");
  assert_string_equal (mime_get (m, "Subject"), "x");
  assert_int_equal (m->dsn->len, 1);
  mime_free (m);
}

static void
test_mime_rejects_non_messages (void **state)
{
  (void) state;
  const char *why = NULL;
  assert_null (mime_parse_bytes ("", 0, &why));
  assert_non_null (why);
  assert_null (mime_parse_bytes ("\x89PNG\r\n\x1a\n", 8, &why));
  assert_null (mime_parse_bytes ("just some words\n", 16, &why));
}

static void
test_mime_date_iso (void **state)
{
  (void) state;
  char *iso = mime_date_iso ("Tue, 3 Mar 2026 10:14:58 +0100 (CET)");
  assert_string_equal (iso, "2026-03-03T10:14:58+01:00");
  g_free (iso);
  assert_null (mime_date_iso ("not a date"));
}

static void
assert_same_strings (const GPtrArray *a, const GPtrArray *b)
{
  assert_int_equal (a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_string_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

static void
assert_same_headers (const MimeHeader *a, guint na, const MimeHeader *b, guint nb)
{
  assert_int_equal (na, nb);
  for (guint i = 0; i < na; i++)
    {
      assert_string_equal (a[i].name, b[i].name);
      assert_string_equal (a[i].value, b[i].value);
    }
}

/* Compares what mime_parse_bytes makes of one message file (its header block
 * read by mime.c when it is simple, the rest by GMime) with what it makes of the
 * GMimeMessage that GMime parses from the same bytes. */
static void
compare_with_gmime (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (path, &data, &len, NULL));
  if ((len >= 5 && memcmp (data, "From ", 5) == 0) || !memchr (data, '\n', len)
      || (len > 0 && strchr (" \t\r\n", data[0])))
    {
      /* an mbox envelope line or lines of white space, which mime_parse_bytes
       * skips, or CR-only line ends, which it makes LF first: GMime alone would
       * read each differently */
      g_free (data);
      return;
    }
  const char *why = NULL;
  MimeMessage *ours = mime_parse_bytes (data, len, &why);
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (data, len);
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);
  MimeMessage *theirs = message ? mime_parse_gmime (message) : NULL;
  assert_true (!ours == !theirs);
  if (ours)
    {
      assert_same_headers (ours->headers, ours->n_headers, theirs->headers, theirs->n_headers);
      assert_string_equal (ours->date ? ours->date : "-", theirs->date ? theirs->date : "-");
      assert_string_equal (ours->content_type ? ours->content_type : "-",
                           theirs->content_type ? theirs->content_type : "-");
      assert_same_strings (ours->dsn, theirs->dsn);
      assert_same_strings (ours->text, theirs->text);
      assert_same_strings (ours->feedback, theirs->feedback);
      assert_same_headers (ours->original, ours->n_original, theirs->original, theirs->n_original);
    }
  mime_free (ours);
  mime_free (theirs);
  g_clear_object (&message);
  g_object_unref (parser);
  g_object_unref (stream);
  g_free (data);
}

static guint
compare_folder (const char *dir)
{
  guint n = 0;
  GDir *d = g_dir_open (dir, 0, NULL);
  assert_non_null (d);
  for (const char *name; (name = g_dir_read_name (d));)
    {
      char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += compare_folder (path);
      else if (g_str_has_suffix (name, ".eml"))
        {
          compare_with_gmime (path);
          n++;
        }
      g_free (path);
    }
  g_dir_close (d);
  return n;
}

static void
test_mime_folded_field_reads_one_space (void **state)
{
  (void) state;
  /* a fold that starts its line with a tab or several blanks is one space, with
   * or without an encoded word in the value */
  MimeMessage *m = parse ("From: Mail Delivery\n\t System <postmaster@example.org>\n"
                          "Subject: Delivery Status\n\tNotification \n   (Failure)\n"
                          "X-Coded: =?UTF-8?Q?Pr=C3=BCfung?=\r\n\tfailed\n\nbody\n");
  assert_string_equal (mime_get (m, "Subject"), "Delivery Status Notification (Failure)");
  assert_string_equal (mime_get (m, "From"), "Mail Delivery System <postmaster@example.org>");
  assert_string_equal (mime_get (m, "X-Coded"), "Pr\xc3\xbc" "fung failed");
  mime_free (m);
}

static void
test_mime_header_block_read_as_gmime_reads_it (void **state)
{
  (void) state;
  /* a folded field, encoded words, Content- fields among the others, two Date
   * fields (the last one counts), CR LF line ends */
  const char *const messages[] = {
    ("From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
     "Subject: =?UTF-8?Q?Unzustellbar=3A_Pr=C3=BCfung?=\n"
     "Content-Type: multipart/report; report-type=delivery-status;\n"
     "\tboundary=\"B\"\n"
     "Date: Mon, 2 Mar 2026 10:00:00 +0000\n"
     "MIME-Version: 1.0\n"
     "Date: Tue, 3 Mar 2026 10:14:58 +0100\n"
     "X-Long: one\n two\n\n"
     "--B\nContent-Type: text/plain\n\nThe message could not be delivered.\n"
     "--B\nContent-Type: message/delivery-status\n\n"
     "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n\n--B--\n"),
    ("From: postmaster@example.org\r\nSubject: failure\r\nDate: not a date\r\n\r\n"
     "a@example.com: 550 no such user\r\n"),
    "Subject: headers only\nFrom: x@example.org\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      char *path = g_strdup_printf ("%s/bounce-test-mime-%u-%zu.eml", g_get_tmp_dir (),
                                    (unsigned) getpid (), i);
      assert_true (g_file_set_contents (path, messages[i], -1, NULL));
      compare_with_gmime (path);
      g_unlink (path);
      g_free (path);
    }
  /* more fields than are kept, the Date field after them */
  GString *many = g_string_new ("From: postmaster@example.org\n");
  for (int i = 0; i < 600; i++)
    g_string_append_printf (many, "X-Field-%d: %d\n", i, i);
  g_string_append (many, "Date: Tue, 3 Mar 2026 10:14:58 +0100\n\nbody\n");
  char *path = g_strdup_printf ("%s/bounce-test-mime-%u-many.eml", g_get_tmp_dir (),
                                (unsigned) getpid ());
  assert_true (g_file_set_contents (path, many->str, -1, NULL));
  compare_with_gmime (path);
  g_unlink (path);
  g_free (path);
  g_string_free (many, TRUE);
  MimeMessage *m = parse (messages[0]);
  assert_string_equal (m->date, "2026-03-03T10:14:58+01:00");
  assert_string_equal (m->content_type, "multipart/report");
  mime_free (m);
  /* and every message of the corpus */
  char *corpus = g_build_filename (BOUNCE_SOURCE_DIR, "corpus", NULL);
  assert_true (compare_folder (corpus) > 100);
  g_free (corpus);
  /* and the real-world corpus, when it is beside the checkout */
  char *shared = g_build_filename (BOUNCE_SOURCE_DIR, "..", "shared", "bounces", "eml", NULL);
  if (g_file_test (shared, G_FILE_TEST_IS_DIR))
    assert_true (compare_folder (shared) > 100);
  g_free (shared);
}

/* ---- mbox.c ---- */

static void
mbox_collect (gpointer user, guint position, char *data, gsize len, gsize size)
{
  GPtrArray *out = user;
  assert_int_equal (position, out->len + 1);
  g_ptr_array_add (out, data ? g_strndup (data, len) : g_strdup_printf ("too large: %zu", size));
  g_free (data);
}

/* The messages of an mbox of the given text, and the octets before its first
 * "From " line */
static GPtrArray *
mbox_split (const char *text, gsize len, gsize max_size, gsize *before)
{
  char *path = NULL;
  int fd = g_file_open_tmp ("bounce-mbox-XXXXXX", &path, NULL);
  assert_true (fd >= 0);
  assert_true (write (fd, text, len) == (ssize_t) len);
  assert_int_equal (lseek (fd, 0, SEEK_SET), 0);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  MboxReader *r = mbox_reader_new (fd, max_size, mbox_collect, out);
  int error;
  while (mbox_reader_step (r, &error))
    ;
  assert_int_equal (error, 0);
  assert_int_equal (mbox_reader_count (r), out->len);
  if (before)
    *before = mbox_reader_before (r);
  mbox_reader_free (r);
  g_unlink (path);
  g_free (path);
  return out;
}

#define MSG(n) "Subject: " n "\n\nbody " n "\n"

static void
test_mbox_from_lines_need_a_date (void **state)
{
  (void) state;
  assert_true (mbox_is_from_line ("From MAILER-DAEMON Sun Dec  6 09:00:00 2026", 43));
  const char *ok[] = { "From a@b.example Sun Dec 06 09:00:00 2026 +0100",
                       "From a@b.example Sun Dec  6 09:00:00 CET 2026",
                       "From - Sun Dec 06 09:00:00 2026",
                       "From a@b.example  Sun Dec  6 9:00:00 2026",
                       "From 1234@xxx Sat Jan 01 00:00:00 +0000 2026",
                       "From a@b.example 2026-12-06T09:00:00Z" };
  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    assert_true (mbox_is_from_line (ok[i], strlen (ok[i])));
  const char *no[] = { "From the desk of the postmaster: 10:30 tomorrow",
                       "From here on, read on.",
                       "From ",
                       "From a@b.example",
                       ">From a@b.example Sun Dec  6 09:00:00 2026",
                       "From Monday 09:00 to Friday" };
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    assert_false (mbox_is_from_line (no[i], strlen (no[i])));
}

static void
test_mbox_split_forms (void **state)
{
  (void) state;
  /* a byte order mark; a body line "From the ..." unquoted; no blank line
   * before the next "From " line; CRLF; no final line end */
  const char text[] = "\xef\xbb\xbf"
                      "From a@b.example Sun Dec  6 09:00:00 2026\n" MSG ("1")
                      "From the desk of the postmaster: 10:30 tomorrow\n"
                      "From - Sun Dec 06 09:00:01 2026\n" MSG ("2")
                      "\n"
                      "From a@b.example Sun Dec  6 09:00:02 2026\r\nSubject: 3\r\n\r\nbody 3";
  gsize before;
  GPtrArray *m = mbox_split (text, sizeof text - 1, 0, &before);
  assert_int_equal (m->len, 3);
  assert_int_equal (before, 0);
  assert_string_equal (m->pdata[0], "From a@b.example Sun Dec  6 09:00:00 2026\n" MSG ("1")
                                    "From the desk of the postmaster: 10:30 tomorrow\n");
  assert_string_equal (m->pdata[1], "From - Sun Dec 06 09:00:01 2026\n" MSG ("2") "\n");
  assert_string_equal (m->pdata[2], "From a@b.example Sun Dec  6 09:00:02 2026\r\nSubject: 3\r\n"
                                    "\r\nbody 3");
  g_ptr_array_unref (m);

  /* text before the first "From " line is counted, not a message */
  const char junk[] = "junk\n\nFrom a@b.example Sun Dec  6 09:00:00 2026\n" MSG ("1");
  m = mbox_split (junk, sizeof junk - 1, 0, &before);
  assert_int_equal (m->len, 1);
  assert_int_equal (before, 4);
  g_ptr_array_unref (m);
  m = mbox_split (MSG ("1"), sizeof MSG ("1") - 1, 0, &before);
  assert_int_equal (m->len, 0);
  assert_true (before > 0);
  g_ptr_array_unref (m);
  m = mbox_split ("", 0, 0, &before);
  assert_int_equal (m->len, 0);
  assert_int_equal (before, 0);
  g_ptr_array_unref (m);
}

static void
test_mbox_content_length (void **state)
{
  (void) state;
  /* mboxcl2: a whole "From " line in a body, kept by a right Content-Length
   * (the body's 52 octets, then the blank line before the next message) */
  const char *body = "one\nFrom MAILER-DAEMON Sun Dec  6 09:00:00 2026\ntwo\n";
  assert_int_equal (strlen (body), 52);
  char *right = g_strdup_printf ("From a@b.example Sun Dec  6 09:00:00 2026\nContent-Length: 52\n"
                                 "Subject: 1\n\n%s\nFrom a@b.example Sun Dec  6 09:00:01 2026\n"
                                 "Content-Length: 52\n\n%s",
                                 body, body);
  GPtrArray *m = mbox_split (right, strlen (right), 0, NULL);
  assert_int_equal (m->len, 2);
  assert_non_null (strstr (m->pdata[0], "two\n\n"));
  assert_non_null (strstr (m->pdata[1], "two\n"));
  g_ptr_array_unref (m);
  /* CRLF line ends, the length counted in them */
  char *crlf = g_strdup_printf ("From a@b.example Sun Dec  6 09:00:00 2026\r\nContent-Length: 55\r\n"
                                "\r\none\r\nFrom MAILER-DAEMON Sun Dec  6 09:00:00 2026\r\ntwo\r\n"
                                "\r\nFrom a@b.example Sun Dec  6 09:00:01 2026\r\n\r\nx\r\n");
  m = mbox_split (crlf, strlen (crlf), 0, NULL);
  assert_int_equal (m->len, 2);
  g_ptr_array_unref (m);
  /* a wrong length (too long, too short) is not believed: the "From " lines split */
  const char *lengths[] = { "99999", "10" };
  for (gsize i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      char *wrong = g_strdup_printf ("From a@b.example Sun Dec  6 09:00:00 2026\n"
                                     "Content-Length: %s\n\n%s\n"
                                     "From a@b.example Sun Dec  6 09:00:01 2026\n\nx\n",
                                     lengths[i], body);
      m = mbox_split (wrong, strlen (wrong), 0, NULL);
      assert_int_equal (m->len, 3);
      assert_true (g_str_has_prefix (m->pdata[1], "From MAILER-DAEMON Sun Dec  6 09:00:00 2026\ntwo"));
      g_ptr_array_unref (m);
      g_free (wrong);
    }
  g_free (right);
  g_free (crlf);
}

/* A "From " line across the reader's chunks (256 KB), and a message over the
 * size limit: its size given, not its data */
static void
test_mbox_chunks_and_size (void **state)
{
  (void) state;
  GString *s = g_string_new ("From a@b.example Sun Dec  6 09:00:00 2026\nSubject: 1\n\n");
  while (s->len < 256 * 1024 - 20)
    g_string_append (s, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
  g_string_truncate (s, 256 * 1024 - 20);
  g_string_append (s, "\nFrom a@b.example Sun Dec  6 09:00:01 2026\n" MSG ("2"));
  g_string_append (s, "From the desk of ... no date\n");
  GPtrArray *m = mbox_split (s->str, s->len, 0, NULL);
  assert_int_equal (m->len, 2);
  assert_string_equal (m->pdata[1], "From a@b.example Sun Dec  6 09:00:01 2026\n" MSG ("2")
                                    "From the desk of ... no date\n");
  g_ptr_array_unref (m);
  /* a wrong length below the limit: the messages after it are still kept, and
   * the one over the limit alone is skipped */
  GString *w = g_string_new ("From a@b.example Sun Dec  6 09:00:00 2026\nContent-Length: 900\n\n"
                             "one\n");
  for (guint i = 2; i <= 4; i++)
    g_string_append_printf (w, "From a@b.example Sun Dec  6 09:00:0%u 2026\n\nbody %u\n", i, i);
  while (w->len < 3000)
    g_string_append (w, "a long last message with no From line after it\n");
  m = mbox_split (w->str, w->len, 1000, NULL);
  assert_int_equal (m->len, 4);
  assert_true (g_str_has_prefix (m->pdata[1], "From a@b.example Sun Dec  6 09:00:02 2026\n\nbody 2\n"));
  assert_string_equal (m->pdata[2], "From a@b.example Sun Dec  6 09:00:03 2026\n\nbody 3\n");
  assert_true (g_str_has_prefix (m->pdata[3], "too large: "));
  g_ptr_array_unref (m);
  g_string_free (w, TRUE);
  m = mbox_split (s->str, s->len, 1000, NULL);
  assert_int_equal (m->len, 2);
  assert_true (g_str_has_prefix (m->pdata[0], "too large: "));
  assert_true (g_str_has_prefix (m->pdata[1], "From a@b.example"));
  g_ptr_array_unref (m);
  g_string_free (s, TRUE);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_mime_report_parts_are_sorted_out),
    cmocka_unit_test (test_mime_folded_field_reads_one_space),
    cmocka_unit_test (test_mime_legacy_charsets_become_utf8),
    cmocka_unit_test (test_mbox_from_lines_need_a_date),
    cmocka_unit_test (test_mbox_split_forms),
    cmocka_unit_test (test_mbox_content_length),
    cmocka_unit_test (test_mbox_chunks_and_size),
    cmocka_unit_test (test_mime_padded_base64_words_joined),
    cmocka_unit_test (test_mime_nul_in_text_kept_as_space),
    cmocka_unit_test (test_mime_html_lines_by_tags),
    cmocka_unit_test (test_mime_html_only_is_reduced_to_text),
    cmocka_unit_test (test_mime_html_paragraphs_set_off),
    cmocka_unit_test (test_mime_format_flowed_joined),
    cmocka_unit_test (test_mime_html_plain_text_keeps_lines),
    cmocka_unit_test (test_mime_cr_only_line_ends),
    cmocka_unit_test (test_mime_rejects_non_messages),
    cmocka_unit_test (test_mime_date_iso),
    cmocka_unit_test (test_mime_header_block_read_as_gmime_reads_it),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
