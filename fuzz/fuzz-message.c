/* fuzz-message.c: the whole pipeline on arbitrary bytes, as bounce_parse_bytes and the
 * mbox reader see them. Every record must have a recipient, every value must be valid
 * UTF-8 text, and the JSON writer's rendering of every record must be valid JSON
 * that reads back to the same values. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"

static void
check_parsed (BounceReport *r, GError *error)
{
  if (!r)
    {
      CHECK (error != NULL, "NULL report without an error");
      CHECK (error->domain == BOUNCE_ERROR, "error from another domain");
      check_text (error->message, "error message");
      g_error_free (error);
      return;
    }
  CHECK (error == NULL, "a report and an error");
  CHECK (bounce_report_get_verdict (r) != NULL, "a report without a verdict");
  check_report (r);
  bounce_report_free (r);
}

/* The same bytes read as an mbox, through a file as the command reads one. */
static void
parse_mbox (const uint8_t *data, size_t size)
{
  int fd = memfd_create ("fuzz-mbox", MFD_CLOEXEC);
  if (fd < 0)
    return;
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    {
      close (fd);
      return;
    }
  char path[64];
  g_snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  GError *error = NULL;
  BounceMbox *mbox = bounce_mbox_open (path, &error);
  close (fd);
  if (!mbox)
    {
      g_clear_error (&error);
      return;
    }
  guint last = 0;
  for (guint steps = 0;; steps++)
    {
      /* every call either ends the file or consumes a message */
      CHECK (steps <= size + 1, "mbox reader does not advance");
      guint position = 0;
      BounceReport *r = bounce_mbox_next (mbox, NULL, &position, &error);
      if (!r && !error)
        break;
      CHECK (position == last + 1, "mbox position %u after %u", position, last);
      last = position;
      check_parsed (r, error);
      error = NULL;
    }
  bounce_mbox_close (mbox);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* an exact-size copy, so a read past the end is caught */
  char *copy = g_malloc (size ? size : 1);
  if (size)
    memcpy (copy, data, size);
  /* odd sizes read the delivery-status parts only, so both paths are fuzzed */
  BounceOptions opts = { .max_size = size, .no_text = size % 2 == 1 };
  GError *error = NULL;
  BounceReport *r = bounce_parse_bytes (copy, size, &opts, &error);
  check_parsed (r, error);

  /* the size bound is checked before anything is read (0 means no bound) */
  if (size > 1)
    {
      BounceOptions small = { .max_size = size - 1 };
      error = NULL;
      r = bounce_parse_bytes (copy, size, &small, &error);
      CHECK (r == NULL && error && error->code == BOUNCE_ERROR_TOO_LARGE, "max_size ignored");
      g_error_free (error);
    }
  g_free (copy);

  if (size >= 5 && memcmp (data, "From ", 5) == 0)
    parse_mbox (data, size);
  return 0;
}
