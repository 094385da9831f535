/* fields.h: blocks of header-style fields ("Name: value", folded lines, groups
 * separated by blank lines), as in message/delivery-status, message/feedback-report
 * and text/rfc822-headers bodies. */
#ifndef BOUNCE_FIELDS_H
#define BOUNCE_FIELDS_H

#include <glib.h>

typedef struct
{
  char *name;  /* as written */
  char *value; /* unfolded, trimmed; raw bytes (not yet made UTF-8) */
} Field;

typedef struct
{
  Field *fields;
  guint n_fields;
} FieldGroup;

typedef struct
{
  FieldGroup *groups;
  guint n_groups;
  guint n_bad_lines; /* lines that were neither a field nor a continuation */
  guint n_dropped;   /* fields past MAX_FIELDS, counted, not kept */
} FieldBlock;

/* Parses text of len bytes (LF, CRLF or CR line ends). A line that is not a field
 * and not indented continues the previous field (bad folding is common). */
FieldBlock *fields_parse (const char *text, gsize len);
void fields_free (FieldBlock *block);
/* The value of the first field of that name (case-insensitive), or NULL. */
const char *fields_get (const FieldGroup *group, const char *name);

#endif
