/* test-reasons.c: the reason vocabulary and the precedence between reasons
 * (reasons.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "reasons.h"

static void
test_vocabulary (void **state)
{
  (void) state;
  assert_int_equal (reason_type (REASON_USERUNKNOWN), BOUNCE_TYPE_HARD);
  assert_int_equal (reason_type (REASON_MAILBOXFULL), BOUNCE_TYPE_SOFT);
  assert_int_equal (reason_type (REASON_BLOCKED), BOUNCE_TYPE_BLOCK);
  assert_int_equal (reason_type (REASON_VACATION), BOUNCE_TYPE_NONE);
  assert_int_equal (reason_type (REASON_NONE), BOUNCE_TYPE_NONE);
  assert_int_equal (reason_from_name ("filtered"), REASON_FILTERED);
  assert_int_equal (reason_from_name ("nosuchreason"), REASON_NONE);
  assert_int_equal (reason_from_name (NULL), REASON_NONE);
  assert_null (reason_name (REASON_NONE));
  assert_null (reason_name (REASON_COUNT));
  /* every reason has a name that reads back, a meaning, and a rank unless it is
   * no failure */
  for (Reason r = REASON_NONE + 1; r < REASON_COUNT; r++)
    {
      assert_non_null (reason_name (r));
      assert_int_equal (reason_from_name (reason_name (r)), r);
      assert_non_null (reason_meaning (r));
      if (r != REASON_DELIVERED && r != REASON_FEEDBACK && r != REASON_VACATION)
        assert_true (reason_rank (r) < G_MAXUINT);
    }
}

static void
test_precedence (void **state)
{
  (void) state;
  assert_true (reason_rank (REASON_MAILBOXFULL) < reason_rank (REASON_USERUNKNOWN));
  assert_true (reason_rank (REASON_USERUNKNOWN) < reason_rank (REASON_SUSPEND));
  assert_int_equal (reason_rank (REASON_MESGTOOBIG), reason_rank (REASON_EXCEEDLIMIT));
  assert_int_equal (reason_rank (REASON_EXPIRED), reason_rank (REASON_NETWORKERROR));
  assert_int_equal (reason_rank (REASON_NONE), G_MAXUINT);
  /* ties: the one listed first */
  assert_true (reason_beats (REASON_EXCEEDLIMIT, REASON_MESGTOOBIG));
  assert_false (reason_beats (REASON_MESGTOOBIG, REASON_EXCEEDLIMIT));
  assert_true (reason_beats (REASON_EXPIRED, REASON_NETWORKERROR));
  assert_true (reason_beats (REASON_VIRUSDETECTED, REASON_USERUNKNOWN));
  assert_true (reason_beats (REASON_ONHOLD, REASON_NONE));
  assert_false (reason_beats (REASON_NONE, REASON_ONHOLD));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_vocabulary),
    cmocka_unit_test (test_precedence),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
