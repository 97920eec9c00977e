/* SPDX-License-Identifier: MIT */
/* cli.h: the command line: its table of commands and what they share.
 *
 * As tmux's cmd_entry: each command is one entry of a table (cli/main.c)
 * with its name, synopsis, help, options, how many operands it takes and
 * how it opens its submission; cli_run parses, refuses a bad invocation,
 * prints --help and opens the file once for all of them, then calls the
 * command with what it found.  A command returns the exit code: 0 done,
 * 1 problems found or a value refused, 2 could not run (usage, the file,
 * the disk).  Every change goes through the session (app/session.h). */
#ifndef APMWB_CLI_H
#define APMWB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "outfile.h"
#include "session.h"

enum { EXIT_DONE = 0, EXIT_PROBLEMS = 1, EXIT_TROUBLE = 2 };

/* How a command opens its first operand. */
enum cmd_open {
	CMD_OPEN_NONE,       /* it opens what it needs itself */
	CMD_OPEN_READ,       /* read-only */
	CMD_OPEN_WRITE,      /* for editing */
	CMD_OPEN_READ_IF     /* read-only, when an operand is given */
};

/* One option: --name, or -c for a letter val; arg when it takes a value. */
struct cmd_opt {
	const char *name;
	int val;
	bool arg;
};

struct cmd_ctx;

struct cmd_entry {
	const char *name;
	const char *synopsis;     /* after "apmwb NAME ", options first */
	const char *summary;      /* its line in apmwb --help */
	const char *help;         /* the rest of `apmwb NAME --help` */
	const struct cmd_opt *opts; /* NULL-named end; --help is every one's */
	int min_args, max_args;   /* operands; max -1 for any number */
	/* Options end at the first operand, so a value may start with '-'. */
	bool options_first;
	enum cmd_open open;
	/* Checks the options and operands before anything is opened; an exit
	 * code (after saying why) or -1 to go on.  May be NULL. */
	int (*precheck)(struct cmd_ctx *c);
	int (*run)(struct cmd_ctx *c);
};

struct cmd_ctx {
	const struct cmd_entry *e;
	int argc;                 /* the operands */
	char **argv;
	const char *opt[128];     /* each option given, by val ("" for a flag) */
	struct session *s;        /* the first operand, opened as e->open says */
};

/* The command of that name, or NULL. */
const struct cmd_entry *cli_find(const char *name);
/* Runs the command the arguments name (argv[0] is its name, one that
 * cli_find finds). */
int cli_run(int argc, char **argv);
/* apmwb --help's list of commands, from the table. */
void cli_commands_help(FILE *out);

/* The commands. */
int cmd_new(struct cmd_ctx *c);
int cmd_set(struct cmd_ctx *c);
int cmd_get(struct cmd_ctx *c);
int cmd_import(struct cmd_ctx *c);
int cmd_check(struct cmd_ctx *c);
int cmd_show(struct cmd_ctx *c);
int cmd_export(struct cmd_ctx *c);
int cmd_complete(struct cmd_ctx *c);
int cmd_ack(struct cmd_ctx *c);
int cmd_log(struct cmd_ctx *c);
int cmd_undo(struct cmd_ctx *c);
int cmd_aggregate(struct cmd_ctx *c);
int cmd_diff(struct cmd_ctx *c);
int cmd_keys(struct cmd_ctx *c);
int precheck_import(struct cmd_ctx *c);
int precheck_export(struct cmd_ctx *c);
int precheck_format(struct cmd_ctx *c);
/* Bare `apmwb [-r] [FILE]`. */
/* against: an older file whose differences the screens mark, or NULL. */
int cmd_workbook(const char *path, bool read_only, const char *against);

/* "apmwb: <message>" on stderr, through the sanitiser. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "apmwb: note: <message>" on stderr. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints text to out through the sanitiser (newlines kept). */
void cli_print(FILE *out, const char *text);
/* The same for a part of a one-line report: a line break is written as
 * \n, so no value can start a line of its own (sanitize.h). */
void cli_print_line(FILE *out, const char *text);

/* The exit code a store status stands for. */
int cli_exit_for(enum store_status rc);

/* Opens a session or says why not; returns EXIT_DONE or the exit code. */
int cli_open(const char *path, enum store_mode mode, struct session **s);

/* Output for exports and listings: stdout, or -o FILE through outfile.h (a
 * temporary file, mode 0600, renamed into place only when complete); these
 * print the message when something fails.  On a terminal, with `sanitise`,
 * f passes every line through the sanitiser as it is written (a tampered
 * file's escapes never reach the terminal; a file or a pipe gets the exact
 * bytes), holding one line at a time, not the whole output. */
struct cli_out {
	FILE *f;
	FILE *term;               /* the sanitising stream, or NULL */
	struct outfile o;
};
bool cli_out_open(struct cli_out *o, const char *path, bool sanitise);
/* Finishes (rename) when ok, else removes the temporary file; false with
 * a message printed when the output could not be written. */
bool cli_out_close(struct cli_out *o, bool ok);

#endif
