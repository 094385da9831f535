/* check.h: the invariants the harnesses assert, shared by all of them. A broken
 * invariant prints what broke and aborts, which libFuzzer and the replay driver
 * both report as a crash with the input that caused it. */
#ifndef BOUNCE_FUZZ_CHECK_H
#define BOUNCE_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "bounce/bounce.h"

/* The libFuzzer entry point every harness defines. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* Aborts with the message when cond is false. */
#define CHECK(cond, ...)                                                                     \
  do                                                                                         \
    {                                                                                        \
      if (!(cond))                                                                           \
        fuzz_fail (__FILE__, __LINE__, #cond, __VA_ARGS__);                                  \
    }                                                                                        \
  while (0)

G_GNUC_NORETURN void fuzz_fail (const char *file, int line, const char *cond, const char *fmt,
                                ...) G_GNUC_PRINTF (4, 5);

/* Settings every harness wants before GLib allocates: plain malloc for GSlice, so
 * AddressSanitizer and LeakSanitizer see every block. Safe to call more than once. */
void fuzz_init (void);

/* A harness's own settings, when it defines this (weak: most do not); called once
 * by LLVMFuzzerInitialize, after fuzz_init. */
void fuzz_setup (void) __attribute__ ((weak));

/* A NUL-terminated copy of the input, in a block of exactly size + 1 bytes so that
 * a read past the end is caught. Free with g_free. */
char *fuzz_strndup (const uint8_t *data, size_t size);

/* Strict RFC 8259 JSON: one value, nothing after it but white space, no control
 * characters in strings, well-formed escapes (no lone surrogates), valid UTF-8. */
gboolean json_valid (const char *text, gsize len);

/* Decodes the JSON string literal at text (which must start with '"') into UTF-8;
 * *used is set to its length in bytes. NULL when it is not a valid literal. */
char *json_decode_string (const char *text, gsize len, gsize *used);

/* A value a getter returned: NULL, or valid UTF-8 without control characters other
 * than tab. what names it in the failure message. */
void check_text (const char *value, const char *what);

/* Every invariant of a record: a recipient, every field valid text, the JSON writer's
 * output valid JSON and valid UTF-8. */
void check_record (const BounceRecord *rec, guint index);

/* Every invariant of a report, its records included. */
void check_report (const BounceReport *report);

#endif
