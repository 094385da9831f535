/* log.h: reading MTAs' delivery logs (`bounce --log`): the line readers of each
 * format (log-formats.c) and the reader that joins their lines and writes one
 * record per recipient attempt (log-read.c). */
#ifndef BOUNCE_LOG_H
#define BOUNCE_LOG_H

#include "run.h"

typedef enum
{
  LOG_NONE,     /* nothing about a message */
  LOG_INFO,     /* the message's sender and/or Message-ID */
  LOG_DELIVERY, /* an attempt to deliver to one recipient (or, Sendmail, several) */
  LOG_END,      /* the queue id is done with */
  LOG_EXPIRE,   /* the recipients still deferred are returned to the sender */
} LogKind;

/* What a line says. The strings point into the line, which the readers cut up. */
typedef struct
{
  LogKind kind;
  const char *qid;
  char timestamp[40];      /* ISO 8601 when the line has the year, else "Dec 5 16:57:40" */
  const char *sender;      /* LOG_INFO */
  const char *message_id;  /* LOG_INFO */
  const char *recipients;  /* LOG_DELIVERY: an address, or Sendmail's "<a>,<b>" */
  const char *orig_to;     /* the address as first written (Postfix orig_to=) */
  const char *action;      /* failed, delayed, delivered */
  const char *status;      /* the enhanced code the MTA logged (dsn=) */
  const char *status_text; /* Postfix's status word, Sendmail's stat= */
  const char *remote_mta;
  const char *command;     /* RCPT, DATA... when the format says it apart from the words */
  const char *diag;        /* the remote server's reply or the MTA's words */
} LogEvent;

/* Each returns FALSE when the line is not of that MTA (for detection), TRUE when
 * it is, with ev->kind saying what it holds. line is modified. */
gboolean log_parse_postfix (char *line, LogEvent *ev);
gboolean log_parse_exim (char *line, LogEvent *ev);
gboolean log_parse_sendmail (char *line, LogEvent *ev);

typedef struct LogReader LogReader;

/* format: "postfix", "exim", "sendmail" or "auto"; NULL when it is none of them. */
LogReader *log_reader_new (Run *run, const char *format, gboolean all);
/* Reads one input ("-" for stdin) to its end, writing records as it goes. */
void log_reader_input (LogReader *r, const char *path);
/* Writes the warnings left (queue ids never ended) and frees the reader. */
void log_reader_free (LogReader *r);

/* The number of unfinished queue ids kept at once: past it the one seen least
 * recently is dropped. */
#define LOG_PENDING_MAX 65536
/* The deferred recipients kept for each queue id, for the failure an expiry
 * gives them. */
#define LOG_DEFERRED_MAX 1000

#endif
