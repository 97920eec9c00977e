/* SPDX-License-Identifier: MIT */
/* cmd_history.c: apmwb log and undo. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

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

int cmd_log(struct cmd_ctx *c)
{
	char err[1024];
	int rc = cli_exit_for(store_history(c->s->st, 0, print_change, stdout,
	                                    err, sizeof err));

	if (rc != EXIT_DONE)
		cli_error("%s", err);
	if (fflush(stdout) != 0)
		rc = EXIT_TROUBLE;
	return rc;
}

int cmd_undo(struct cmd_ctx *c)
{
	char err[1024], what[1024];
	int rc = cli_exit_for(session_undo(c->s, what, sizeof what, err,
	                                   sizeof err));

	if (rc != EXIT_DONE) {
		cli_error("%s", err);
	} else {
		fputs("undone: ", stdout);
		cli_print(stdout, what);
		fputc('\n', stdout);
	}
	return rc;
}
