/* notice-json.h: recipients of a JSON notification (see notice-json.c). */
#ifndef BOUNCE_NOTICE_JSON_H
#define BOUNCE_NOTICE_JSON_H

#include <glib.h>

#include "detect/detect.h"

/* Called for each recipient listed: its address as written, and its status,
 * action (the layout's default when it names none) and diagnostic (its own, else
 * the document's), each NULL when absent. The strings live for the call only. */
typedef void (*NoticeJsonRecipient) (const char *address, const char *status,
                                     const char *action, const char *diag, gpointer data);

/* Calls fn for the recipients of each layout (a list ending with a NULL
 * list_key) found in the len bytes of text. */
void notice_json_each (const char *text, gsize len, const JsonLayout *layouts,
                       NoticeJsonRecipient fn, gpointer data);

#endif
