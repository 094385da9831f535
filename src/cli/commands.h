/* commands.h: the subcommands of `bounce` besides reading bounces, and what main.c
 * shares with them. */
#ifndef BOUNCE_COMMANDS_H
#define BOUNCE_COMMANDS_H

#include <errno.h>

#include "printer.h"

/* Prints "bounce: " fmt (with arg) and the --help hint on stderr; exits 2. */
void command_usage_error (const char *fmt, const char *arg) G_GNUC_NORETURN;
/* The printer of --format FORMAT (json or text); a usage error for others. */
Printer *command_printer (const char *format);

/* bounce classify [OPTION]... [REPLY]... */
int cmd_classify (int argc, char **argv, const char *usage);

#endif
