/* address.h: email addresses as bounces write them -> one canonical form. */
#ifndef BOUNCE_ADDRESS_H
#define BOUNCE_ADDRESS_H

#include <glib.h>

/* "rfc822; <John.Doe@Example.COM> (comment)" -> "John.Doe@example.com".
 * Strips an address type (rfc822;, utf-8;, x-...;), comments, quotes around the
 * whole address, angle brackets and a trailing dot; lower-cases the domain.
 * Returns a new string, or NULL when what is left is not an address
 * (no '@', an empty side, spaces or control characters inside). */
char *address_normalise (const char *value);

/* TRUE when c can be part of an unquoted address. */
gboolean address_char (char c);

/* Decodes a VERP envelope address ("bounces+user=example.com@lists.example.org")
 * into the recipient it encodes ("user@example.com"), or NULL. */
char *address_from_verp (const char *address);

#endif
