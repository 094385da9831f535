/* printer.h: the writers of records and code explanations, behind one interface,
 * so the code that walks inputs never formats bytes itself. */
#ifndef BOUNCE_PRINTER_H
#define BOUNCE_PRINTER_H

#include <stdio.h>

#include "bounce/bounce.h"

typedef struct Printer Printer;

struct Printer
{
  /* one record; file is the input's name ("-" for stdin), position its number in an
   * mbox (0 for a single message) */
  void (*record) (Printer *p, const char *file, guint position, const BounceRecord *rec);
  void (*code) (Printer *p, const BounceCode *code);
  /* `bounce explain --provider`: a provider, or one of a provider's rows */
  void (*provider) (Printer *p, const BounceProvider *provider);
  void (*provider_row) (Printer *p, const BounceProviderRow *row);
  /* when not NULL, renders one record as the bytes record() would write, into buf;
   * thread-safe, so workers can render in parallel and the writer only copies */
  void (*render) (GString *buf, const char *file, guint position, const BounceRecord *rec);
  /* flushes and frees */
  void (*finish) (Printer *p);
  FILE *out;
  GString *buf;
  gpointer state;
};

Printer *printer_json_new (FILE *out);
Printer *printer_text_new (FILE *out);

/* Renders one record as a JSON object (no newline) into buf: used by the JSON
 * printer and by the fuzz harness of the writer. */
void json_record (GString *buf, const char *file, guint position, const BounceRecord *rec);
/* The record's fields (and its "headers" object), each preceded by a comma unless
 * *first: for writers that put fields of their own before them. */
void json_record_fields (GString *buf, const BounceRecord *rec, gboolean *first);
/* Appends "name": (with a comma before it unless *first). */
void json_key (GString *buf, const char *name, gboolean *first);
/* Appends s as a JSON string literal; invalid UTF-8 becomes U+FFFD. */
void json_string (GString *buf, const char *s);

#endif
