/* mbox.h: an mbox read from a file descriptor, split into its messages (the
 * command's reader and bounce_mbox_open's). */
#ifndef BOUNCE_MBOX_H
#define BOUNCE_MBOX_H

#include <glib.h>

typedef struct MboxReader MboxReader;

/* A message of the mbox, its "From " line first: data (len octets, the
 * callee's to free), or NULL when it is larger than the reader's max_size (size
 * is then its size). position counts the messages from 1. */
typedef void (*MboxMessageFunc) (gpointer user, guint position, char *data, gsize len, gsize size);

/* A reader of fd (taken: closed by mbox_reader_free); max_size 0: no limit. */
MboxReader *mbox_reader_new (int fd, gsize max_size, MboxMessageFunc func, gpointer user);

/* Reads the next part of the mbox and gives func the messages it ends. FALSE at
 * the end, the last message given; *error is then 0, or the errno of a failed
 * read (what was read before is given). */
gboolean mbox_reader_step (MboxReader *r, int *error);

/* The octets before the first "From " line that are not white space (a byte
 * order mark skipped), and the number of messages given so far. */
gsize mbox_reader_before (const MboxReader *r);
guint mbox_reader_count (const MboxReader *r);

void mbox_reader_free (MboxReader *r);

/* Is line[0, n) (without its line end) an mbox "From " line? */
gboolean mbox_is_from_line (const char *line, gsize n);

#endif
