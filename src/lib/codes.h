/* codes.h: the status code tables (codes.c), read-only data. */
#ifndef BOUNCE_CODES_H
#define BOUNCE_CODES_H

#include <glib.h>

#include "reasons.h"

typedef struct
{
  const char *code;        /* "1.1" (subject.detail) for enhanced rows, "4.7.500" (the whole
                            * code) for rows of one class only, "550" for reply rows */
  const char *description;
  Reason reason;           /* default reason, REASON_NONE when the text must decide */
  const char *note;        /* where sources disagree or the code is an extension */
} CodeRow;

const CodeRow *codes_enhanced_detail (guint klass, guint subject, guint detail);
const CodeRow *codes_enhanced_subject_row (guint subject);
const char *codes_subject_name (guint subject);
const CodeRow *codes_reply (const char *code);
const CodeRow *codes_pseudo (const char *code);
void codes_foreach_enhanced (void (*fn) (const CodeRow *row, gpointer data), gpointer data);
void codes_foreach_reply (void (*fn) (const CodeRow *row, gpointer data), gpointer data);

#endif
