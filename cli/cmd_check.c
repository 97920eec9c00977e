/* SPDX-License-Identifier: MIT */
/* cmd_check.c: apmwb check, complete and ack. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ack.h"
#include "answers.h"
#include "cli.h"
#include "edition.h"
#include "mem.h"
#include "sanitize.h"
#include "wrap.h"

static void indented(void *ctx, const char *line, size_t n)
{
	char *clean, buf[512];

	snprintf(buf, sizeof buf, "%.*s", (int)n, line);
	clean = sanitize_dup(buf, SANITIZE_ONE_LINE);
	fprintf(ctx, "    %s\n", clean ? clean : "");
	mem_free(clean);
}

static void print_checks(FILE *out, const struct session *s)
{
	const struct check_list *l = &s->checks;

	for (size_t i = 0; i < l->n; i++) {
		const struct check_item *it = &l->items[i];

		fprintf(out, "%s: ", severity_name(it->sev));
		cli_print_line(out, it->message);
		fputs(" [", out);
		cli_print_line(out, it->id);
		fputs("]\n", out);
		if (it->hint)
			wrap_text(it->hint, 74, indented, out);
		if (it->ack_reason) {
			char line[1024];

			snprintf(line, sizeof line, "acknowledged by %s on %s: %s",
			         it->ack_by ? it->ack_by : "?",
			         it->ack_at ? it->ack_at : "?", it->ack_reason);
			wrap_text(line, 74, indented, out);
		}
	}
	for (size_t q = 0; q < s->ed->nq; q++) {
		const struct question *qq = &s->ed->qs[q];
		char when[512];

		if (!figures_hidden_answer(s->f, s->a, (int)q))
			continue;
		edition_condition_words(s->ed, (int)q, when, sizeof when);
		fputs("hidden: ", out);
		cli_print_line(out, qq->key);
		fputs(" is kept but counts nowhere (it is asked only when ", out);
		cli_print_line(out, when);
		fputs(")\n", out);
	}
}

int cmd_check(struct cmd_ctx *c)
{
	struct session *s = c->s;
	struct store_signoff so;
	char err[1024];
	size_t unacked;

	/* Damage first: figures from a damaged file are no findings. */
	if (store_verify(s->st, STORE_VERIFY_PAGES | STORE_VERIFY_TOTALS, err,
	                 sizeof err) != STORE_OK) {
		cli_error("%s", err);
		return EXIT_TROUBLE;
	}
	store_signoff(s->st, &so);
	unacked = s->checks.warnings - s->checks.acknowledged;
	cli_print_line(stdout, c->argv[0]);
	printf(": %s", so.complete ? "complete" : "draft");
	if (so.complete) {
		printf(", signed off by ");
		cli_print_line(stdout, so.by ? so.by : "?");
		printf(" at ");
		cli_print_line(stdout, so.at ? so.at : "?");
	}
	printf("; %zu error%s, %zu warning%s", s->checks.errors,
	       s->checks.errors == 1 ? "" : "s", s->checks.warnings,
	       s->checks.warnings == 1 ? "" : "s");
	if (s->checks.acknowledged)
		printf(" (%zu acknowledged)", s->checks.acknowledged);
	printf("\n");
	print_checks(stdout, s);
	if (fflush(stdout) != 0)
		return EXIT_TROUBLE;
	return s->checks.errors || unacked ? EXIT_PROBLEMS : EXIT_DONE;
}

int cmd_complete(struct cmd_ctx *c)
{
	const char *by = c->opt['b'];
	char err[1024];
	int rc;

	if (!by) {
		cli_error("complete: give --by NAME (the person signing off)");
		return EXIT_TROUBLE;
	}
	rc = cli_exit_for(session_complete(c->s, by, err, sizeof err));
	if (rc != EXIT_DONE) {
		cli_error("%s", err);
		return rc;
	}
	if (c->s->checks.warnings > c->s->checks.acknowledged)
		cli_note("signed off with %zu warning%s not acknowledged",
		         c->s->checks.warnings - c->s->checks.acknowledged,
		         c->s->checks.warnings - c->s->checks.acknowledged == 1 ?
		         "" : "s");
	return EXIT_DONE;
}

int cmd_ack(struct cmd_ctx *c)
{
	char err[1024];
	int rc = cli_exit_for(session_ack(c->s, c->argv[1], c->argv[2], err,
	                                  sizeof err));

	if (rc != EXIT_DONE)
		cli_error("ack: %s", err);
	return rc;
}
