/* run.h: one run of the command over its inputs: options, counters, and the
 * functions that read each kind of input. */
#ifndef BOUNCE_RUN_H
#define BOUNCE_RUN_H

#include "bounce/bounce.h"
#include "printer.h"

typedef struct
{
  BounceOptions opts;
  Printer *printer;
  gboolean verbose;
  gboolean force_mbox;
  /* counters for the exit status and the summary */
  guint n_messages;
  guint n_records;
  guint n_not_bounce;
  guint n_errors; /* inputs that could not be read */
} Run;

/* Reads one command-line input: "-" (stdin), a file, an mbox, a Maildir or a folder. */
void run_input (Run *run, const char *path);
/* Prints the records of one parsed message, or --verbose's reason for none. */
void run_report (Run *run, const char *name, guint position, BounceReport *report);
/* A one-line error naming the input; counts it. */
void run_error (Run *run, const char *name, const char *what);

#endif
