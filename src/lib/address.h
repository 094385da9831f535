/* address.h: email addresses as bounces write them -> one canonical form. */
#ifndef BOUNCE_ADDRESS_H
#define BOUNCE_ADDRESS_H

#include <glib.h>

/* "rfc822; <John.Doe@Example.COM> (comment)" -> "John.Doe@example.com".
 * Strips an address type (rfc822;, utf-8;, x-...;), comments, quotes around the
 * whole address, angle brackets and a trailing dot, an "SMTP:" or "smtp=" prefix
 * and a source route ("@relay:user@host" is "user@host"); lower-cases the domain.
 * Returns a new string, or NULL when what is left is not an address
 * (no '@', an empty side, spaces or control characters inside). */
char *address_normalise (const char *value);

/* TRUE when a field's value ("Kim <kim@Example.org>", "kim@example.org (Kim)")
 * holds the normalised address and nothing else but its display name and
 * comments. */
gboolean address_same (const char *value, const char *address);

/* TRUE when the domain of a normalised address is a fully qualified name (it
 * holds a dot) or an address literal ("[192.0.2.1]"): an unqualified host
 * ("user@mailhost") names a mailbox only inside its own network. */
gboolean address_qualified (const char *address);

/* TRUE when the n bytes at w are an IP address: "192.0.2.1" (four numbers, none
 * over 255) or "2001:db8::1" (an "IPv6:" tag before it is read too). */
gboolean address_ip (const char *w, gsize n);

/* TRUE when c can be part of an unquoted address. */
gboolean address_char (char c);

/* Decodes a VERP envelope address ("bounces+user=example.com@lists.example.org")
 * into the recipient it encodes ("user@example.com"), or NULL. */
char *address_from_verp (const char *address);

#endif
