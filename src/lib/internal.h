/* internal.h: the report and record objects behind the opaque public types, shared by
 * the modules of the library. */
#ifndef BOUNCE_INTERNAL_H
#define BOUNCE_INTERNAL_H

#include "bounce/bounce.h"
#include "reasons.h"

struct Detector;

struct BounceRecord
{
  char *fields[BOUNCE_FIELD_COUNT]; /* owned; message-level slots unused here */
  BounceType type;
  BounceClass klass;
  const BounceReport *report;
  /* a reason the extractor read from something other than the words (a detector's
   * family, a PowerMTA bounce category), or REASON_NONE; classify.c uses it only
   * where the text and the code leave the reason open */
  Reason reason_hint;
  /* the delivery-status group named no usable address ("@mx.example.org"; the
   * recipient field holds the value as written): the notice's one recipient
   * stands for it (text.c), else the record is dropped once the notice is read
   * (parse.c) */
  gboolean recipient_unusable;
  /* the notice's own lines for this recipient where a delivery-status part gave
   * the diagnostic (text.c), or NULL; classify.c reads them where the
   * diagnostic states no cause */
  char *notice_words;
  /* the hint is REASON_EXPIRED where the report's notice says the sender gave
   * up (the wording table's expired rows): classify.c reads the notice only
   * where that decides (report->notice) */
  gboolean hint_if_notice_gave_up;
};

struct BounceReport
{
  gatomicrefcount ref_count; /* the report's and its records' references (boxed.c) */
  char *fields[BOUNCE_FIELD_COUNT]; /* message-level fields only, owned */
  GPtrArray *records;               /* BounceRecord*, owned */
  char *verdict;
  GString *warnings;
  GArray *warning_kinds;    /* BounceWarning, one per line of warnings */
  GPtrArray *warning_texts; /* char*, those lines */
  gboolean recipients_cut;  /* MAX_RECIPIENTS met, said once */
  /* the free-text family the message was recognised as, or NULL */
  const struct Detector *family;
  /* local rules from the options (a reference), or NULL */
  BounceRules *rules;
  /* the returned message's fields asked for in BounceOptions.headers: name, value,
   * name, value... (owned; link.c), or NULL */
  GPtrArray *headers;
  /* the notice text.c read, its first notice_end bytes to be read for the
   * records' hint_if_notice_gave_up (owned), or NULL; notice_gave_up is -1
   * until it is read, then whether it says the sender gave up */
  char *notice;
  gsize notice_end;
  int notice_gave_up;
};

BounceReport *report_new (void);
/* Adds an empty record and returns it (owned by the report). NULL past MAX_RECIPIENTS. */
BounceRecord *report_add_record (BounceReport *report);
void report_remove_record (BounceReport *report, guint index);
void report_set (BounceReport *report, BounceField field, const char *value);
void report_take (BounceReport *report, BounceField field, char *value);
void report_set_verdict (BounceReport *report, const char *verdict);
void report_warn (BounceReport *report, const char *fmt, ...) G_GNUC_PRINTF (2, 3);
/* A warning of a kind; its text one line. */
void report_warn_kind (BounceReport *report, BounceWarning kind, const char *fmt, ...)
  G_GNUC_PRINTF (3, 4);
/* The record for an address (compared without case), or NULL. */
BounceRecord *report_find_record (BounceReport *report, const char *address);

/* Sets a record field to a copy of value (NULL or empty clears it); values are made
 * valid UTF-8 and stripped of control characters. */
void record_set (BounceRecord *record, BounceField field, const char *value);
void record_take (BounceRecord *record, BounceField field, char *value);
const char *record_peek (const BounceRecord *record, BounceField field);

/* Turns any bytes into a valid UTF-8 string without control characters other
 * than tab, at most max bytes long. Returns a new string or NULL for empty input. */
char *text_clean (const char *value, gsize len, gsize max);

#endif
