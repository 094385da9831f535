/* test-walk.c: the command's walker and pipeline: the same output in the same order
 * for any number of jobs, folders read sorted in batches, Maildir tmp/ skipped, an
 * unreadable entry reported in its place without stopping the run, mbox messages
 * split and numbered (a byte order mark, unquoted body lines, Content-Length),
 * --max-size, and the --summary counts. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "run.h"

static char *
dsn (guint i)
{
  return g_strdup_printf (
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
      "To: sender@example.org\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "Message-ID: <bounce-%u@mx.example.net>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
      "\n"
      "--B\n"
      "Content-Type: text/plain\n"
      "\n"
      "I'm sorry to have to inform you that your message could not be delivered.\n"
      "\n"
      "--B\n"
      "Content-Type: message/delivery-status\n"
      "\n"
      "Reporting-MTA: dns; mx.example.net\n"
      "\n"
      "Final-Recipient: rfc822; user%u@domain%u.example\n"
      "Action: %s\n"
      "Status: %s\n"
      "Remote-MTA: dns; mx%u.domain%u.example\n"
      "Diagnostic-Code: smtp; %s\n"
      "\n"
      "--B--\n",
      i, i, i % 3, i % 4 == 3 ? "delayed" : "failed", i % 4 == 3 ? "4.2.2" : "5.1.1", i % 2,
      i % 3, i % 4 == 3 ? "452 4.2.2 Mailbox full" : "550 5.1.1 User unknown");
}

static const char not_bounce[] = "From: someone@example.org\n"
                                 "To: other@example.org\n"
                                 "Subject: lunch\n"
                                 "\n"
                                 "See you at noon.\n";

typedef struct
{
  char *root;
  guint n_messages; /* message files written to new/ and cur/ */
  guint n_bounces;
} Folder;

static void
write_file (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  assert_true (g_file_set_contents (path, text, -1, NULL));
  g_free (path);
}

/* A Maildir: bounces and a non-bounce in new/ and cur/, one message in tmp/. */
static Folder *
make_maildir (guint n)
{
  Folder *f = g_new0 (Folder, 1);
  f->root = g_dir_make_tmp ("bounce-walk-XXXXXX", NULL);
  assert_non_null (f->root);
  const char *subs[] = { "cur", "new", "tmp" };
  for (gsize i = 0; i < G_N_ELEMENTS (subs); i++)
    {
      char *d = g_build_filename (f->root, subs[i], NULL);
      assert_int_equal (g_mkdir (d, 0700), 0);
      g_free (d);
    }
  char *cur = g_build_filename (f->root, "cur", NULL);
  char *new = g_build_filename (f->root, "new", NULL);
  char *tmp = g_build_filename (f->root, "tmp", NULL);
  for (guint i = 0; i < n; i++)
    {
      /* names not created in sorted order, so the listing has to be sorted */
      char *name = g_strdup_printf ("%u.M%uP1.host:2,S", 1000 + (i * 7) % n, i);
      char *text = dsn (i);
      write_file (i % 5 == 0 ? new : cur, name, text);
      g_free (text);
      g_free (name);
      f->n_messages++;
      f->n_bounces++;
    }
  write_file (cur, "999.plain:2,S", not_bounce);
  f->n_messages++;
  char *text = dsn (9999);
  write_file (tmp, "1.in-delivery", text);
  g_free (text);
  g_free (cur);
  g_free (new);
  g_free (tmp);
  return f;
}

static void
remove_tree (const char *path)
{
  GDir *d = g_dir_open (path, 0, NULL);
  if (d)
    {
      const char *name;
      while ((name = g_dir_read_name (d)))
        {
          char *p = g_build_filename (path, name, NULL);
          if (g_file_test (p, G_FILE_TEST_IS_DIR) && !g_file_test (p, G_FILE_TEST_IS_SYMLINK))
            remove_tree (p);
          else
            g_unlink (p);
          g_free (p);
        }
      g_dir_close (d);
    }
  g_rmdir (path);
}

static void
folder_free (Folder *f)
{
  remove_tree (f->root);
  g_free (f->root);
  g_free (f);
}

static char *
slurp (FILE *fp)
{
  fflush (fp);
  long len = ftell (fp);
  rewind (fp);
  char *buf = g_malloc0 ((gsize) len + 1);
  assert_int_equal (fread (buf, 1, (size_t) len, fp), (size_t) len);
  fclose (fp);
  return buf;
}

typedef struct
{
  char *out;
  char *err;
  Run run;
} Result;

static gboolean force_mbox; /* --mbox */
static guint list_batch;    /* names per pass over a sorted folder; 0: the default */

static void
walk (Result *r, guint jobs, gsize max_size, Summary *summary, const char *const *inputs)
{
  memset (r, 0, sizeof *r);
  FILE *out = tmpfile ();
  FILE *err = tmpfile ();
  assert_non_null (out);
  assert_non_null (err);
  Run *run = &r->run;
  run->opts.max_size = max_size;
  run->jobs = jobs;
  run->force_mbox = force_mbox;
  run->list_batch = list_batch;
  run->err = err;
  run->summary = summary;
  run->printer = printer_json_new (out);
  run_begin (run);
  for (gsize i = 0; inputs[i]; i++)
    run_input (run, inputs[i]);
  run_end (run);
  run->printer->finish (run->printer);
  run->printer = NULL;
  r->out = slurp (out);
  r->err = slurp (err);
}

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

static guint
count_lines (const char *s)
{
  guint n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

static void
test_same_output_any_jobs (void **state)
{
  (void) state;
  Folder *f = make_maildir (60);
  const char *inputs[] = { f->root, NULL };
  Result one, four, two;
  walk (&one, 1, 0, NULL, inputs);
  walk (&four, 4, 0, NULL, inputs);
  walk (&two, 2, 0, NULL, inputs);
  assert_int_equal (count_lines (one.out), f->n_bounces);
  assert_string_equal (one.out, four.out);
  assert_string_equal (one.out, two.out);
  assert_string_equal (one.err, four.err);
  assert_int_equal (one.run.n_messages, f->n_messages);
  assert_int_equal (four.run.n_messages, f->n_messages);
  assert_int_equal (four.run.n_records, f->n_bounces);
  assert_int_equal (four.run.n_not_bounce, 1);
  assert_int_equal (four.run.n_errors, 0);

  /* new/ first, then cur/, each sorted by name */
  char **lines = g_strsplit (four.out, "\n", -1);
  char *prev = NULL;
  gboolean in_cur = FALSE;
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      const char *file = strstr (lines[i], "\"file\":\"");
      assert_non_null (file);
      file += 8;
      char *name = g_strndup (file, strchr (file, '"') - file);
      gboolean cur = strstr (name, "/cur/") != NULL;
      assert_true (cur || strstr (name, "/new/"));
      if (cur && !in_cur)
        {
          in_cur = TRUE;
          g_clear_pointer (&prev, g_free);
        }
      assert_false (!cur && in_cur);
      if (prev)
        assert_true (strcmp (prev, name) < 0);
      g_free (prev);
      prev = name;
    }
  g_free (prev);
  g_strfreev (lines);
  result_clear (&one);
  result_clear (&two);
  result_clear (&four);
  folder_free (f);
}

/* A folder read in batches of 7 names, over several passes: the same output in
 * the same order as in one batch, every message listed once. */
static void
test_sorted_in_batches (void **state)
{
  (void) state;
  Folder *f = make_maildir (50);
  const char *inputs[] = { f->root, NULL };
  Result whole, batched, batched_jobs;
  walk (&whole, 1, 0, NULL, inputs);
  list_batch = 7;
  walk (&batched, 1, 0, NULL, inputs);
  walk (&batched_jobs, 2, 0, NULL, inputs);
  list_batch = 0;
  assert_int_equal (count_lines (batched.out), f->n_bounces);
  assert_string_equal (whole.out, batched.out);
  assert_string_equal (whole.out, batched_jobs.out);
  assert_string_equal (whole.err, batched.err);
  assert_int_equal (batched.run.n_messages, f->n_messages);
  assert_int_equal (batched.run.n_listed, f->n_messages);
  result_clear (&whole);
  result_clear (&batched);
  result_clear (&batched_jobs);
  folder_free (f);
}

static void
test_maildir_tmp_skipped (void **state)
{
  (void) state;
  Folder *f = make_maildir (5);
  const char *inputs[] = { f->root, NULL };
  Result r;
  walk (&r, 2, 0, NULL, inputs);
  char *tmp = g_build_filename (f->root, "tmp", NULL);
  assert_null (strstr (r.out, tmp));
  g_free (tmp);
  assert_null (strstr (r.out, "user9999@"));
  assert_int_equal (r.run.n_messages, f->n_messages);
  result_clear (&r);
  folder_free (f);
}

static void
test_unreadable_entry_reported (void **state)
{
  (void) state;
  Folder *f = make_maildir (12);
  /* a dangling link cannot be read, whoever runs the test (root reads mode 000) */
  char *link = g_build_filename (f->root, "cur", "1005.broken:2,S", NULL);
  assert_int_equal (symlink ("/nonexistent/bounce-test", link), 0);
  const char *inputs[] = { f->root, "/nonexistent/bounce-input", NULL };
  Result one, four;
  walk (&one, 1, 0, NULL, inputs);
  walk (&four, 4, 0, NULL, inputs);
  char *want = g_strdup_printf ("bounce: %s: %s\n", link, g_strerror (ENOENT));
  assert_non_null (strstr (four.err, want));
  assert_non_null (strstr (four.err, "bounce: /nonexistent/bounce-input: "));
  /* the rest of the folder was read */
  assert_int_equal (four.run.n_errors, 2);
  assert_int_equal (four.run.n_messages, f->n_messages);
  assert_int_equal (count_lines (four.out), f->n_bounces);
  assert_string_equal (one.out, four.out);
  assert_string_equal (one.err, four.err);
  g_free (want);
  g_free (link);
  result_clear (&one);
  result_clear (&four);
  folder_free (f);
}

static void
test_mbox_split (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("bounce-mbox-XXXXXX", NULL);
  GString *mbox = g_string_new ("junk before the first message is skipped\n\n");
  for (guint i = 0; i < 9; i++)
    {
      char *text = dsn (i);
      g_string_append_printf (mbox, "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n%s\n", text);
      g_free (text);
    }
  g_string_append_printf (mbox, "From someone Thu Sep 18 17:54:04 2008\n%s", not_bounce);
  char *path = g_build_filename (dir, "box", NULL);
  assert_true (g_file_set_contents (path, mbox->str, (gssize) mbox->len, NULL));
  const char *inputs[] = { path, NULL };
  Result one, three;
  force_mbox = TRUE;
  walk (&one, 1, 0, NULL, inputs);
  walk (&three, 3, 0, NULL, inputs);
  force_mbox = FALSE;
  assert_string_equal (one.out, three.out);
  assert_int_equal (three.run.n_messages, 10);
  assert_int_equal (count_lines (three.out), 9);
  assert_non_null (strstr (three.err, "box: text before the first 'From ' line ("));
  assert_non_null (strstr (three.err, "is not a message; skipped"));
  assert_non_null (strstr (three.out, "\"position\":1,"));
  assert_non_null (strstr (three.out, "\"position\":9,"));
  assert_non_null (strstr (three.out, "\"position\":9,\"recipient\":\"user8@domain2.example\""));
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
  g_string_free (mbox, TRUE);
  result_clear (&one);
  result_clear (&three);
}

/* Mail stores as writers give them: a byte order mark before the first "From "
 * line; body lines that start with "From " unquoted (mboxcl2), kept in their
 * message by a right Content-Length, or by having no date; a wrong
 * Content-Length not believed; a file with no "From " line read as an mbox. */
static void
test_mbox_forms (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("bounce-mbox-XXXXXX", NULL);
  char *t0 = dsn (0), *t1 = dsn (1), *t2 = dsn (2);
  const char *body_from = "From the desk of the postmaster: one more line.\n"
                          "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n";
  GString *mbox = g_string_new ("\xef\xbb\xbf");
  /* t0 with an epilogue of "From " lines, its Content-Length right */
  char *body = g_strdup_printf ("%s%s", strstr (t0, "\n\n") + 2, body_from);
  gsize head_len = (gsize) (strstr (t0, "\n\n") - t0);
  g_string_append_printf (mbox, "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n%.*s\n"
                                "Content-Length: %zu\n\n%s\n",
                          (int) head_len, t0, strlen (body), body);
  /* t1 after "From - " (Thunderbird), a wrong Content-Length (too long): the
   * "From " line after it starts t2 */
  g_string_append_printf (mbox, "From - Thu Sep 18 17:54:04 2008\nContent-Length: 99999\n%s\n", t1);
  g_string_append_printf (mbox, "From sender@example.org Thu Sep 18 17:54:04 2008 +0200\n%s", t2);
  char *path = g_build_filename (dir, "box", NULL);
  assert_true (g_file_set_contents (path, mbox->str, (gssize) mbox->len, NULL));
  const char *inputs[] = { path, NULL };
  Result auto_, one, three;
  walk (&auto_, 2, 0, NULL, inputs); /* told an mbox by its first line */
  force_mbox = TRUE;
  walk (&one, 1, 0, NULL, inputs);
  walk (&three, 3, 0, NULL, inputs);
  force_mbox = FALSE;
  assert_string_equal (one.out, three.out);
  assert_string_equal (auto_.out, three.out);
  assert_string_equal (three.err, "");
  assert_int_equal (three.run.n_messages, 3);
  assert_int_equal (count_lines (three.out), 3);
  assert_non_null (strstr (three.out, "\"position\":1,\"recipient\":\"user0@domain0.example\""));
  assert_non_null (strstr (three.out, "\"position\":2,\"recipient\":\"user1@domain1.example\""));
  assert_non_null (strstr (three.out, "\"position\":3,\"recipient\":\"user2@domain2.example\""));

  /* a message whose first line is "From " with no date is one message, not an
   * mbox of nothing */
  char *dateless = g_strdup_printf ("From MAILER-DAEMON\n%s", t1);
  assert_true (g_file_set_contents (path, dateless, -1, NULL));
  Result single;
  walk (&single, 2, 0, NULL, inputs);
  assert_string_equal (single.err, "");
  assert_int_equal (count_lines (single.out), 1);
  assert_null (strstr (single.out, "\"position\""));
  result_clear (&single);
  g_free (dateless);

  /* a message that is no mbox, read with --mbox: said so, not left out unsaid */
  assert_true (g_file_set_contents (path, t1, -1, NULL));
  Result none;
  force_mbox = TRUE;
  walk (&none, 2, 0, NULL, inputs);
  force_mbox = FALSE;
  assert_string_equal (none.out, "");
  assert_non_null (strstr (none.err, "box: not an mbox (no 'From ' line); nothing read"));
  assert_int_equal (none.run.n_errors, 1);

  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
  g_free (body);
  g_free (t0);
  g_free (t1);
  g_free (t2);
  g_string_free (mbox, TRUE);
  result_clear (&auto_);
  result_clear (&one);
  result_clear (&three);
  result_clear (&none);
}

static void
test_max_size (void **state)
{
  (void) state;
  Folder *f = make_maildir (4);
  char *big = g_strnfill (5000, 'x');
  char *text = g_strdup_printf ("%s\n%s\n", not_bounce, big);
  char *cur = g_build_filename (f->root, "cur", NULL);
  write_file (cur, "0000.big:2,S", text);
  const char *inputs[] = { f->root, NULL };
  Result r;
  walk (&r, 2, 4000, NULL, inputs);
  assert_non_null (strstr (r.err, "0000.big:2,S: message of "));
  assert_non_null (strstr (r.err, "larger than --max-size (4000 bytes); skipped"));
  assert_int_equal (r.run.n_too_large, 1);
  assert_int_equal (r.run.n_errors, 1);
  assert_int_equal (r.run.n_messages, f->n_messages);
  result_clear (&r);
  g_free (cur);
  g_free (text);
  g_free (big);
  folder_free (f);
}

/* Errors reported in their place (messages over --max-size in an mbox) mixed with
 * messages parsed by other threads: every one in order, none lost or repeated,
 * whatever thread gets to which. */
static void
test_errors_among_parsed (void **state)
{
  (void) state;
  char *dir = g_dir_make_tmp ("bounce-errors-XXXXXX", NULL);
  char *big = g_strnfill (3000, 'x');
  GString *mbox = g_string_new (NULL);
  for (guint i = 0; i < 300; i++)
    {
      char *text = dsn (i);
      g_string_append_printf (mbox, "From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n%s\n%s\n", text,
                              i % 3 == 0 ? "" : big);
      g_free (text);
    }
  char *path = g_build_filename (dir, "box", NULL);
  assert_true (g_file_set_contents (path, mbox->str, (gssize) mbox->len, NULL));
  const char *inputs[] = { path, NULL };
  Result one;
  force_mbox = TRUE;
  walk (&one, 1, 2500, NULL, inputs);
  assert_int_equal (count_lines (one.out), 100);
  assert_int_equal (one.run.n_too_large, 200);
  for (guint round = 0; round < 20; round++)
    {
      Result two;
      walk (&two, 2 + round % 3, 2500, NULL, inputs);
      assert_string_equal (one.out, two.out);
      assert_string_equal (one.err, two.err);
      assert_int_equal (two.run.n_too_large, 200);
      result_clear (&two);
    }
  force_mbox = FALSE;
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
  g_free (big);
  g_string_free (mbox, TRUE);
  result_clear (&one);
}

static void
test_summary_counts (void **state)
{
  (void) state;
  Folder *f = make_maildir (40);
  const char *inputs[] = { f->root, NULL };
  Summary *s1 = summary_new (10), *s4 = summary_new (10);
  Result one, four;
  walk (&one, 1, 0, s1, inputs);
  walk (&four, 4, 0, s4, inputs);
  /* i = 0..39: every fourth (i % 4 == 3) is a delayed 4.2.2, the rest 5.1.1 */
  assert_int_equal (summary_records (s4), 40);
  assert_int_equal (summary_by_type (s4, BOUNCE_TYPE_HARD), 30);
  assert_int_equal (summary_by_type (s4, BOUNCE_TYPE_SOFT), 10);
  assert_int_equal (summary_by_reason (s4, "userunknown"), 30);
  assert_int_equal (summary_by_reason (s4, "mailboxfull"), 10);
  assert_int_equal (summary_by_domain (s4, "domain0.example"), 14);
  assert_int_equal (summary_by_domain (s4, "domain1.example"), 13);
  assert_int_equal (summary_by_host (s4, "mx0.domain0.example")
                        + summary_by_host (s4, "mx1.domain0.example"),
                    14);

  /* the printed summaries do not depend on the jobs (times aside) */
  summary_set_totals (s1, 41, 1, 0, 0, 0, 0);
  summary_set_totals (s4, 41, 1, 0, 0, 0, 0);
  FILE *a = tmpfile (), *b = tmpfile ();
  summary_print_json (s1, a);
  summary_print_json (s4, b);
  char *ja = slurp (a), *jb = slurp (b);
  assert_string_equal (ja, jb);
  assert_non_null (strstr (ja, "\"records\":40,"));
  assert_non_null (strstr (ja, "\"by_bounce\":{\"hard\":30,\"soft\":10,\"block\":0,\"none\":0}"));
  assert_non_null (strstr (ja, "{\"name\":\"domain0.example\",\"records\":14}"));
  a = tmpfile ();
  summary_print_text (s4, a);
  char *text = slurp (a);
  assert_non_null (strstr (text, "By reason"));
  assert_non_null (strstr (text, "userunknown"));
  g_free (text);
  g_free (ja);
  g_free (jb);
  summary_free (s1);
  summary_free (s4);
  result_clear (&one);
  result_clear (&four);
  folder_free (f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_same_output_any_jobs),
    cmocka_unit_test (test_sorted_in_batches),
    cmocka_unit_test (test_maildir_tmp_skipped),
    cmocka_unit_test (test_unreadable_entry_reported),
    cmocka_unit_test (test_mbox_split),
    cmocka_unit_test (test_mbox_forms),
    cmocka_unit_test (test_max_size),
    cmocka_unit_test (test_errors_among_parsed),
    cmocka_unit_test (test_summary_counts),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
