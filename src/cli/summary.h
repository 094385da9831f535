/* summary.h: the counts --summary prints at the end of a run: messages, records,
 * records by bounce type and by reason, and the most frequent remote hosts and
 * recipient domains. Safe to feed from several threads at once. */
#ifndef BOUNCE_SUMMARY_H
#define BOUNCE_SUMMARY_H

#include <stdio.h>

#include "bounce/bounce.h"

typedef struct Summary Summary;

/* top: how many remote hosts and recipient domains to list */
Summary *summary_new (guint top);
void summary_free (Summary *s);

/* Counts the records of one report (thread-safe). */
void summary_add_report (Summary *s, const BounceReport *report);
/* Message-level counters, known to the run (set before printing). */
void summary_set_totals (Summary *s, guint64 messages, guint64 not_bounce, guint64 errors,
                         guint64 too_large, guint64 bytes, double seconds);

/* Counters, for tests. */
guint64 summary_records (Summary *s);
guint64 summary_by_type (Summary *s, BounceType type);
guint64 summary_by_reason (Summary *s, const char *reason);
guint64 summary_by_domain (Summary *s, const char *domain);
guint64 summary_by_host (Summary *s, const char *host);

/* An aligned table (text) or one JSON object on one line (json). */
void summary_print_text (Summary *s, FILE *out);
void summary_print_json (Summary *s, FILE *out);

#endif
