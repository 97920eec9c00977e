/* SPDX-License-Identifier: MIT */
/* cmd_history.c: apmwb log and undo. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const struct option help_only[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void no_opts(int opt, const char *arg, void *ctx)
{
	(void)opt;
	(void)arg;
	(void)ctx;
}

static bool print_change(void *ctx, const struct store_change *c)
{
	FILE *out = ctx;

	/* Every field comes from the file: one entry, one line, whatever
	 * it holds. */
	cli_print_line(out, c->at ? c->at : "");
	fputs("  ", out);
	cli_print_line(out, c->who ? c->who : "?");
	fputs("  ", out);
	cli_print_line(out, c->what ? c->what : "");
	if (c->key) {
		fputs("  ", out);
		cli_print_line(out, c->key);
	}
	if (c->old_value || c->new_value) {
		fputs(": ", out);
		cli_print_line(out, c->old_value ? c->old_value : "(blank)");
		fputs(" -> ", out);
		cli_print_line(out, c->new_value ? c->new_value : "(blank)");
	}
	fputc('\n', out);
	return !ferror(out);
}

int cmd_log(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb log FILE\n"
		"The history of changes, newest first: when, who, what, old -> "
		"new.\n";
	struct session *s;
	char err[1024];
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1) {
		cli_error("log: give one FILE");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
	if (rc != EXIT_DONE)
		return rc;
	rc = cli_exit_for(store_history(s->st, 0, print_change, stdout, err,
	                                sizeof err));
	if (rc != EXIT_DONE)
		cli_error("%s", err);
	session_close(s);
	return rc;
}

int cmd_undo(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb undo FILE\n"
		"Undoes the last change (an answer, a contract edit, an "
		"acknowledgement) and\nsays what it undid.\n";
	struct session *s;
	char err[1024], what[1024];
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1) {
		cli_error("undo: give one FILE");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_WRITE, &s);
	if (rc != EXIT_DONE)
		return rc;
	rc = cli_exit_for(store_undo(s->st, what, sizeof what, err, sizeof err));
	if (rc != EXIT_DONE) {
		cli_error("%s", err);
	} else {
		fputs("undone: ", stdout);
		cli_print(stdout, what);
		fputc('\n', stdout);
	}
	session_close(s);
	return rc;
}
