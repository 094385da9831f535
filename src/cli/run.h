/* run.h: one run of the command over its inputs: options, counters, and the
 * functions that read each kind of input.
 *
 * A run is: run_begin(), run_input() for each input, run_end(). The walker
 * (walk.c) lists the inputs in order on the calling thread and hands each message
 * to the pipeline (pipeline.c), which parses messages on --jobs worker threads and
 * writes their records in the order of the listing, as soon as each one's turn
 * comes, with a bounded number of messages in flight. */
#ifndef BOUNCE_RUN_H
#define BOUNCE_RUN_H

#include "bounce/bounce.h"
#include "printer.h"
#include "summary.h"

typedef struct Pipeline Pipeline;

typedef struct
{
  BounceOptions opts;
  Printer *printer;
  gboolean verbose;
  gboolean force_mbox;
  guint jobs;         /* worker threads; 0: the number of processors */
  gboolean unsorted;  /* read folders in directory order, without listing them first */
  gboolean new_only;  /* of a Maildir, read new/ only */
  gboolean mark;      /* move each Maildir message of new/ whose records are written to cur/,
                       * with the seen flag */
  guint list_batch;   /* names read per pass over a sorted folder; 0: the default */
  gboolean progress;  /* a progress line on stderr (the caller checks it is a terminal) */
  Summary *summary;   /* counts records when not NULL */
  FILE *err;          /* where error and --verbose lines go; NULL: stderr */
  /* counters for the exit status and the summary */
  guint64 n_messages;
  guint64 n_records;
  guint64 n_not_bounce;
  guint64 n_errors;    /* inputs that could not be read, too large ones included */
  guint64 n_too_large; /* messages skipped for --max-size */
  guint64 n_bytes;     /* bytes of the messages parsed */
  guint64 n_listed;    /* message files listed so far: the progress line's total */
  gint64 started;      /* g_get_monotonic_time () at run_begin */
  Pipeline *pipeline;
  gboolean marking;   /* the walker is in a Maildir's new/ with --mark: its messages are marked */
} Run;

/* Starts the workers. */
void run_begin (Run *run);
/* Reads one command-line input: "-" (stdin), a file, an mbox, a Maildir or a folder. */
void run_input (Run *run, const char *path);
/* Waits for the last messages, writes what is left and stops the workers. */
void run_end (Run *run);

/* The pipeline (pipeline.c): what the walker hands over, in output order. */
Pipeline *pipeline_new (Run *run);
/* One message file, open on fd (taken); name is copied. */
void pipeline_fd (Pipeline *p, const char *name, int fd);
/* A file that holds one message or an mbox, open on fd and not read yet: a small
 * regular file is read here, at once, into the buffer of the slot it takes, and a
 * larger one or a stream is handed over as pipeline_fd does. Returns FALSE, with
 * nothing handed over and fd still open, when the file starts with "From ": an
 * mbox, for the caller to split. */
gboolean pipeline_file (Pipeline *p, const char *name, int fd);
/* One message of an mbox: data (taken, g_malloc'd) of len bytes. */
void pipeline_bytes (Pipeline *p, const char *name, guint position, char *data, gsize len);
/* An error about an input, reported in its place in the order. too_large: a
 * message skipped for --max-size. */
void pipeline_error (Pipeline *p, const char *name, const char *what, gboolean too_large);
/* The error text for a message of size bytes skipped for --max-size (max), into
 * buf (n bytes; 160 hold it). */
void too_large_text (char *buf, gsize n, gsize size, gsize max);
/* Waits for everything, writes it, and frees the pipeline. */
void pipeline_free (Pipeline *p);

#endif
