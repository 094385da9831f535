/* detect.h: the table format of free-text detectors. A detector describes one MTA
 * family or shared text style as data; the engine in text.c runs them.
 *
 * All strings are lower-case ASCII and are matched as substrings of the folded
 * (lower-cased) text. Lists end with NULL.
 */
#ifndef BOUNCE_DETECT_H
#define BOUNCE_DETECT_H

#include <glib.h>

typedef struct
{
  /* source name: records say "text:<name>" */
  const char *name;
  /* cheap signals that pick the family: substrings of the bounce's From header,
   * Subject header, or of the first lines of the notice (any one is enough) */
  const char *const *from;
  const char *const *subject;
  const char *const *body;
  /* the per-recipient part starts after the first line containing one of these;
   * NULL or not found: the whole notice */
  const char *const *begin;
  /* the notice ends (the returned message starts) at the first line containing one
   * of these, in addition to the markers every family shares */
  const char *const *end;
  /* phrases after which a recipient address follows on the same line, in addition
   * to the shared ones ("delivered to ", "unknown user: ") */
  const char *const *lead;
  /* a reason this family's notice implies when its text gives none (or NULL) */
  const char *reason;
} Detector;

/* The registry: every detector, specific families first, most general last. */
extern const Detector *const detectors[];
extern const gsize n_detectors;

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

#endif
