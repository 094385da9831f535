/* test-reply.c: bounce_classify_reply (reply.c) and what links a record to its
 * send (link.c): the key, VERP decoding and its layouts, List-Id and the
 * returned message's fields asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bounce/bounce.h"

/* ---- bounce_classify_reply ---- */

static void
test_reply_fields (void **state)
{
  (void) state;
  BounceReport *r = bounce_classify_reply (
      "550 5.1.1 <A@Example.COM>: Recipient address rejected: User unknown", NULL, NULL);
  assert_non_null (r);
  assert_int_equal (bounce_report_n_records (r), 1);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_RECIPIENT), "A@example.com");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_STATUS), "5.1.1");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REPLY_CODE), "550");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  assert_true (bounce_record_is_hard (rec));
  assert_int_equal (bounce_record_get_class (rec), BOUNCE_CLASS_PERMANENT);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_SUBJECT), "addressing");
  assert_non_null (bounce_record_get (rec, BOUNCE_FIELD_DESCRIPTION));
  assert_string_equal (bounce_report_get_verdict (r), "reply");
  const char *key = bounce_record_get (rec, BOUNCE_FIELD_KEY);
  assert_non_null (key);
  assert_int_equal (strlen (key), 16);
  bounce_report_free (r);
}

/* the recipient is the refused address the reply names, never an address it
 * gives to write to */
static void
test_reply_contact_address (void **state)
{
  (void) state;
  static const char *const replies[] = {
    "550 5.7.1 Client [192.0.2.1] blocked using bl.example.net; contact delist@example.net",
    "554 Rejected, please e-mail: abuse@example.net",
    "550 Blocked. Write to us at <abuse@example.net>",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      BounceReport *r = bounce_classify_reply (replies[i], NULL, NULL);
      assert_non_null (r);
      assert_null (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT));
      bounce_report_free (r);
    }
  BounceReport *r = bounce_classify_reply (
      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.org not found by SMTP "
      "address lookup; contact postmaster@example.org",
      NULL, NULL);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT),
                       "a@example.org");
  bounce_report_free (r);
}

static void
test_reply_context (void **state)
{
  (void) state;
  /* a command named in the words */
  BounceReport *r = bounce_classify_reply (
      "550 5.7.1 Message rejected (in reply to end of DATA command)", NULL, NULL);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_COMMAND),
                       "DATA");
  bounce_report_free (r);
  /* the command given: "User unknown" is a missing mailbox after DATA too */
  BounceReplyContext ctx = { .command = "data" };
  r = bounce_classify_reply ("550 User unknown", &ctx, NULL);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_COMMAND), "DATA");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "userunknown");
  bounce_report_free (r);
  ctx.command = "RCPT";
  r = bounce_classify_reply ("550 User unknown", &ctx, NULL);
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "userunknown");
  bounce_report_free (r);
  /* the answering host's provider rows apply with remote_mta */
  BounceReplyContext yahoo = { .remote_mta = "mta7.am0.yahoodns.net" };
  r = bounce_classify_reply ("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred",
                             &yahoo, NULL);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REMOTE_MTA), "mta7.am0.yahoodns.net");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "badreputation");
  bounce_report_free (r);
  /* a status known apart from the words, an action, a recipient, a Message-ID */
  BounceReplyContext log = { .recipient = "b@example.org", .action = "failed", .status = "5.2.2",
                             .message_id = "<m1@example.org>" };
  r = bounce_classify_reply ("552 over quota", &log, NULL);
  rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_STATUS), "5.2.2");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_REASON), "mailboxfull");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_ACTION), "failed");
  char *key = bounce_record_key ("<m1@example.org>", "b@example.org", "failed");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_KEY), key);
  g_free (key);
  bounce_report_free (r);
}

static void
test_reply_bad_input (void **state)
{
  (void) state;
  GError *error = NULL;
  assert_null (bounce_classify_reply (NULL, NULL, &error));
  assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_NOT_MESSAGE));
  g_clear_error (&error);
  assert_null (bounce_classify_reply (" \t\r\n ", NULL, &error));
  g_clear_error (&error);
  /* no words but an outcome: a record without a diagnostic */
  BounceReplyContext ctx = { .action = "delivered" };
  BounceReport *r = bounce_classify_reply ("", &ctx, &error);
  assert_non_null (r);
  assert_null (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_DIAGNOSTIC));
  assert_string_equal (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_REASON),
                       "delivered");
  bounce_report_free (r);
  /* bytes that are not UTF-8 and control characters: cleaned */
  r = bounce_classify_reply ("550 \xff\xfe\x01 no", NULL, NULL);
  const char *diag = bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_DIAGNOSTIC);
  assert_true (g_utf8_validate (diag, -1, NULL));
  assert_null (strchr (diag, '\x01'));
  bounce_report_free (r);
  /* an address the words hold that is not one */
  r = bounce_classify_reply ("550 <not an address> and @ alone", NULL, NULL);
  assert_null (bounce_record_get (bounce_report_get_record (r, 0), BOUNCE_FIELD_RECIPIENT));
  bounce_report_free (r);
}

/* Every record of corpus/ with a diagnostic: the reply alone gives its reason,
 * but for the records tests/classify-exclusions lists. */
static void
collect_jsonl (const char *dir, const char *rel, GPtrArray *out)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return;
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      char *path = g_build_filename (dir, name, NULL);
      char *r = rel ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_jsonl (path, r, out);
      else if (g_str_has_suffix (name, ".jsonl"))
        {
          g_ptr_array_add (out, g_strdup (path));
          g_ptr_array_add (out, g_strdup (r));
        }
      g_free (path);
      g_free (r);
    }
  g_dir_close (d);
}

static void
test_reply_corpus (void **state)
{
  (void) state;
  char *excl_text = NULL;
  assert_true (g_file_get_contents (BOUNCE_SOURCE_DIR "/tests/classify-exclusions", &excl_text,
                                    NULL, NULL));
  GHashTable *excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char **lines = g_strsplit (excl_text, "\n", -1);
  for (char **l = lines; *l; l++)
    if (**l && **l != '#' && strchr (*l, '\t'))
      g_hash_table_add (excluded, g_strndup (*l, strchr (*l, '\t') - *l));
  g_strfreev (lines);
  g_free (excl_text);

  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  collect_jsonl (BOUNCE_SOURCE_DIR "/corpus", NULL, files);
  guint checked = 0, skipped = 0, failed = 0;
  for (guint i = 0; i < files->len; i += 2)
    {
      char *text = NULL;
      assert_true (g_file_get_contents (g_ptr_array_index (files, i), &text, NULL, NULL));
      char **recs = g_strsplit (text, "\n", -1);
      for (guint n = 0; recs[n]; n++)
        {
          if (!*recs[n])
            continue;
          JsonParser *p = json_parser_new ();
          assert_true (json_parser_load_from_data (p, recs[n], -1, NULL));
          JsonObject *o = json_node_get_object (json_parser_get_root (p));
          const char *diag = json_object_get_string_member_with_default (o, "diagnostic", NULL);
          const char *want = json_object_get_string_member_with_default (o, "reason", NULL);
          char *where = g_strdup_printf ("%s:%u", (char *) g_ptr_array_index (files, i + 1), n + 1);
          if (diag && g_hash_table_contains (excluded, where))
            skipped++;
          else if (diag)
            {
              BounceReport *r = bounce_classify_reply (diag, NULL, NULL);
              assert_non_null (r);
              const char *got = bounce_record_get (bounce_report_get_record (r, 0),
                                                   BOUNCE_FIELD_REASON);
              if (g_strcmp0 (got, want) != 0)
                {
                  print_error ("%s: reason %s, bounce_classify_reply gives %s\n", where, want, got);
                  failed++;
                }
              checked++;
              bounce_report_free (r);
            }
          g_free (where);
          g_object_unref (p);
        }
      g_strfreev (recs);
      g_free (text);
    }
  print_message ("%u records checked, %u excluded\n", checked, skipped);
  assert_int_equal (failed, 0);
  assert_true (checked > 400);
  assert_int_equal (skipped, g_hash_table_size (excluded));
  g_ptr_array_free (files, TRUE);
  g_hash_table_destroy (excluded);
}

/* ---- link.c ---- */

static void
test_key (void **state)
{
  (void) state;
  char *a = bounce_record_key ("<m@example.org>", "A@Example.org", "Failed");
  char *b = bounce_record_key (" m@example.org ", "a@example.org", "failed");
  char *c = bounce_record_key ("<m@example.org>", "a@example.org", "delayed");
  char *d = bounce_record_key (NULL, NULL, NULL);
  assert_string_equal (a, b); /* brackets, blanks and case do not matter */
  assert_string_not_equal (a, c);
  assert_int_equal (strlen (d), 16);
  /* the documented construction: SHA-256 of "m@example.org\0a@example.org\0failed" */
  const char data[] = "m@example.org\0a@example.org\0failed";
  char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                           sizeof data - 1);
  assert_memory_equal (a, sum, 16);
  g_free (sum);
  g_free (a);
  g_free (b);
  g_free (c);
  g_free (d);
}

static void
test_verp (void **state)
{
  (void) state;
  char *r = bounce_verp_decode ("bounces+jane=Example.COM@lists.example.org", NULL);
  assert_string_equal (r, "jane@example.com");
  g_free (r);
  r = bounce_verp_decode ("<bounces+a=b=example.com@lists.example.org>", NULL);
  assert_string_equal (r, "a=b@example.com");
  g_free (r);
  assert_null (bounce_verp_decode ("bounces@lists.example.org", NULL));
  assert_null (bounce_verp_decode ("bounces+jane=localhost@lists.example.org", NULL));
  assert_null (bounce_verp_decode ("not an address", NULL));
  /* another layout */
  r = bounce_verp_decode ("bounce-jane=example.com-42@m.example.org", "bounce-%u=%d-*");
  assert_string_equal (r, "jane@example.com");
  g_free (r);
  r = bounce_verp_decode ("rt.example.com.jane.X@m.example.org", "rt.%d.%u.X");
  assert_null (r); /* %d takes as little as it can: "example" has no dot */
  r = bounce_verp_decode ("rt_example.com_jane@m.example.org", "rt_%d_%u");
  assert_string_equal (r, "jane@example.com");
  g_free (r);
  assert_null (bounce_verp_decode ("bounces+jane=example.com@x.org", "other-%u=%d"));
  /* bad layouts */
  GError *error = NULL;
  const char *bad[] = { "", "%u", "%d", "*+%u=%d@host", "%u%u=%d", "%x+%u=%d", "a b%u=%d" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_false (bounce_verp_format_check (bad[i], &error));
      assert_true (g_error_matches (error, BOUNCE_ERROR, BOUNCE_ERROR_USAGE));
      g_clear_error (&error);
      assert_null (bounce_verp_decode ("a+b=example.com@x.org", bad[i]));
    }
  assert_false (bounce_verp_format_check (NULL, NULL));
  assert_true (bounce_verp_format_check ("100%%-%u=%d", NULL));
}

static const char message[] =
    "From: MAILER-DAEMON@mx.example.org\r\n"
    "To: bounces+jane=example.com@lists.example.org\r\n"
    "Subject: Undelivered Mail Returned to Sender\r\n"
    "Message-ID: <b1@mx.example.org>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"XX\"\r\n"
    "\r\n"
    "--XX\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n"
    "--XX\r\nContent-Type: message/delivery-status\r\n\r\n"
    "Reporting-MTA: dns; mx.example.org\r\n\r\n"
    "Final-Recipient: rfc822; jane@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"
    "--XX\r\nContent-Type: text/rfc822-headers\r\n\r\n"
    "From: news@lists.example.org\r\nMessage-ID: <send-42@lists.example.org>\r\n"
    "List-Id: Example News <news.lists.example.org>\r\n"
    "X-Campaign-Id: spring\r\n =?UTF-8?Q?2026_=E2=9C=93?=\r\n"
    "\r\n--XX--\r\n";

static void
test_link_fields (void **state)
{
  (void) state;
  const char *const names[] = { "x-campaign-id", "X-Absent", "List-Id", NULL };
  BounceOptions opts = { .headers = names };
  BounceReport *r = bounce_parse_bytes (message, sizeof message - 1, &opts, NULL);
  assert_non_null (r);
  const BounceRecord *rec = bounce_report_get_record (r, 0);
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_LIST_ID),
                       "Example News <news.lists.example.org>");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_VERP_RECIPIENT), "jane@example.com");
  char *key = bounce_record_key ("<send-42@lists.example.org>", "jane@example.com", "failed");
  assert_string_equal (bounce_record_get (rec, BOUNCE_FIELD_KEY), key);
  g_free (key);
  /* folded and encoded: unfolded and decoded, under the name as asked */
  assert_string_equal (bounce_record_get_header (rec, "X-CAMPAIGN-ID"), "spring 2026 ✓");
  assert_null (bounce_record_get_header (rec, "X-Absent"));
  assert_null (bounce_record_get_header (rec, NULL));
  assert_int_equal (bounce_record_n_headers (rec), 2);
  const char *name = NULL;
  assert_string_equal (bounce_record_get_header_at (rec, 0, &name), "spring 2026 ✓");
  assert_string_equal (name, "x-campaign-id");
  assert_null (bounce_record_get_header_at (rec, 2, &name));
  assert_null (bounce_record_get_header_at (NULL, 0, &name));
  assert_string_equal (bounce_report_get_header (r, "list-id"),
                       "Example News <news.lists.example.org>");
  assert_string_equal (bounce_field_name (BOUNCE_FIELD_KEY), "key");
  bounce_report_free (r);
  /* without headers asked for: none kept; another VERP layout: none found */
  BounceOptions other = { .verp_format = "bounce-%u=%d" };
  r = bounce_parse_bytes (message, sizeof message - 1, &other, NULL);
  rec = bounce_report_get_record (r, 0);
  assert_int_equal (bounce_record_n_headers (rec), 0);
  assert_null (bounce_record_get (rec, BOUNCE_FIELD_VERP_RECIPIENT));
  bounce_report_free (r);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_reply_fields),
    cmocka_unit_test (test_reply_contact_address), cmocka_unit_test (test_reply_context),
    cmocka_unit_test (test_reply_bad_input), cmocka_unit_test (test_reply_corpus),
    cmocka_unit_test (test_key), cmocka_unit_test (test_verp),
    cmocka_unit_test (test_link_fields),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
