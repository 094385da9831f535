/* fuzz-returned.c: the message harness with returned messages read lazily, as the
 * command reads them (bounce_read_returned_lazily): GMime keeps message/rfc822 parts
 * as leaves, and bounce reads their header blocks itself and parses the rest on
 * demand. The same invariants as fuzz-message.c. */
#define LLVMFuzzerTestOneInput fuzz_message_one_input
#include "fuzz-message.c"
#undef LLVMFuzzerTestOneInput

/* called by LLVMFuzzerInitialize (check.c), before the first input */
void
fuzz_setup (void)
{
  bounce_read_returned_lazily ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  return fuzz_message_one_input (data, size);
}
