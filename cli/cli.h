/* SPDX-License-Identifier: MIT */
/* cli.h: the command line's commands and what they share.
 *
 * Each command is a function taking its own argv (argv[0] is the command's
 * name) and returning the exit code: 0 done, 1 problems found or a value
 * refused, 2 could not run (usage, the file, the disk). */
#ifndef APMWB_CLI_H
#define APMWB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "outfile.h"
#include "session.h"

enum { EXIT_DONE = 0, EXIT_PROBLEMS = 1, EXIT_TROUBLE = 2 };

int cmd_new(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_get(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_complete(int argc, char **argv);
int cmd_ack(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_undo(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_keys(int argc, char **argv);
/* Bare `apmwb [-r] [FILE]`. */
int cmd_workbook(const char *path, bool read_only);

/* "apmwb: <message>" on stderr, through the sanitiser. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "apmwb: note: <message>" on stderr. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints text to out through the sanitiser (newlines kept). */
void cli_print(FILE *out, const char *text);
/* The same for a part of a one-line report: a line break is written as
 * \n, so no value can start a line of its own (sanitize.h). */
void cli_print_line(FILE *out, const char *text);
/* Prints len bytes of text (changed in place) line by line through the
 * sanitiser, a CSV's CRLF ending a line like LF: an export or list shown
 * on a terminal.  False when memory runs out. */
bool cli_print_sanitised(FILE *out, char *text, size_t len);

/* The exit code a store status stands for. */
int cli_exit_for(enum store_status rc);

/* Opens a session or says why not; returns EXIT_DONE or the exit code. */
int cli_open(const char *path, enum store_mode mode, struct session **s);

/* Parses a command's options; `usage` is its synopsis for messages.
 * Returns the index of the first operand, or -1 after printing help (exit
 * 0) and -2 after a usage error (exit 2). */
struct option;
int cli_getopt(int argc, char **argv, const char *shortopts,
               const struct option *longopts, const char *usage,
               void (*on_opt)(int opt, const char *arg, void *ctx), void *ctx);

/* Output for exports: stdout, or -o FILE through outfile.h (a temporary
 * file, mode 0600, renamed into place only when complete); these print
 * the message when something fails.  A zeroed struct cli_out is stdout. */
struct cli_out {
	FILE *f;
	struct outfile o;
};
bool cli_out_open(struct cli_out *o, const char *path);
/* Finishes (rename) when ok, else removes the temporary file; false with
 * a message printed when the output could not be written. */
bool cli_out_close(struct cli_out *o, bool ok);

/* Whole contents of a file ("-" for stdin); NULL with a message printed. */
char *cli_read_all(const char *path, size_t *len);

#endif
