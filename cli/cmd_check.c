/* SPDX-License-Identifier: MIT */
/* cmd_check.c: apmwb check, complete and ack. */
#include <config.h>

#include <getopt.h>
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
	const struct store_ack *acks;
	size_t nacks;

	acks = store_acks(s->st, &nacks);
	for (size_t i = 0; i < l->n; i++) {
		const struct check_item *it = &l->items[i];

		fprintf(out, "%s: ", severity_name(it->sev));
		cli_print_line(out, it->message);
		fputs(" [", out);
		cli_print_line(out, it->id);
		fputs("]\n", out);
		if (it->hint)
			wrap_text(it->hint, 74, indented, out);
		if (!it->ack_reason)
			continue;
		for (size_t k = 0; k < nacks; k++) {
			char line[1024];

			if (strcmp(acks[k].id, it->id) != 0)
				continue;
			snprintf(line, sizeof line, "acknowledged by %s on %s: %s",
			         acks[k].by ? acks[k].by : "?",
			         acks[k].at ? acks[k].at : "?", it->ack_reason);
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

int cmd_check(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb check FILE\n"
		"Lists every error and warning and the answers kept but hidden.\n"
		"Exit status: 0 clean, 1 problems found (an error, or a warning not "
		"acknowledged),\n2 could not run.\n";
	struct session *s;
	struct store_signoff so;
	char err[1024];
	size_t unacked;
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1) {
		cli_error("check: give one FILE");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
	if (rc != EXIT_DONE)
		return rc;
	/* Damage first: figures from a damaged file are no findings. */
	if (store_verify(s->st, STORE_VERIFY_PAGES | STORE_VERIFY_TOTALS, err,
	                 sizeof err) != STORE_OK) {
		cli_error("%s", err);
		session_close(s);
		return EXIT_TROUBLE;
	}
	store_signoff(s->st, &so);
	unacked = s->checks.warnings - s->checks.acknowledged;
	cli_print_line(stdout, argv[i]);
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
	rc = s->checks.errors || unacked ? EXIT_PROBLEMS : EXIT_DONE;
	session_close(s);
	if (fflush(stdout) != 0)
		return EXIT_TROUBLE;
	return rc;
}

struct complete_opts {
	const char *by;
};

static void complete_opt(int opt, const char *arg, void *ctx)
{
	struct complete_opts *o = ctx;

	if (opt == 'b')
		o->by = arg;
}

int cmd_complete(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb complete FILE --by NAME\n"
		"Signs the submission off as complete, in NAME.  Refused while "
		"any error\nremains; any later edit makes it a draft again.\n";
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct complete_opts o = { NULL };
	struct session *s;
	char err[1024];
	int i = cli_getopt(argc, argv, "b:h", opts, usage, complete_opt, &o);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1 || !o.by) {
		cli_error("complete: give FILE and --by NAME (the person signing "
		          "off)");
		return EXIT_TROUBLE;
	}
	if (!ack_name_valid(o.by, err, sizeof err)) {
		cli_error("complete: the name %s", err);
		return EXIT_PROBLEMS;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_WRITE, &s);
	if (rc != EXIT_DONE)
		return rc;
	if (s->checks.errors) {
		cli_error("%s: not signed off: %zu error%s remain%s; `apmwb check "
		          "%s` lists them", argv[i], s->checks.errors,
		          s->checks.errors == 1 ? "" : "s",
		          s->checks.errors == 1 ? "s" : "", argv[i]);
		session_close(s);
		return EXIT_PROBLEMS;
	}
	rc = cli_exit_for(store_complete(s->st, o.by, err, sizeof err));
	if (rc != EXIT_DONE)
		cli_error("%s", err);
	else if (s->checks.warnings > s->checks.acknowledged)
		cli_note("signed off with %zu warning%s not acknowledged",
		         s->checks.warnings - s->checks.acknowledged,
		         s->checks.warnings - s->checks.acknowledged == 1 ? "" : "s");
	session_close(s);
	return rc;
}

int cmd_ack(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb ack FILE CHECK REASON\n"
		"Acknowledges the warning CHECK (its id, as `apmwb check` prints "
		"it in\nbrackets) with a short REASON for reviewers; \"\" withdraws "
		"the\nacknowledgement.  Errors cannot be acknowledged: fix them.\n";
	struct session *s;
	const struct check_item *it = NULL;
	char err[1024];
	int i = cli_getopt(argc, argv, "+h", help_only, usage, no_opts, NULL);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 3) {
		cli_error("ack: give FILE, CHECK and REASON");
		return EXIT_TROUBLE;
	}
	if (*argv[i + 2] && !ack_reason_valid(argv[i + 2], err, sizeof err)) {
		cli_error("ack: the reason %s", err);
		return EXIT_PROBLEMS;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_WRITE, &s);
	if (rc != EXIT_DONE)
		return rc;
	for (size_t k = 0; k < s->checks.n && !it; k++)
		if (strcmp(s->checks.items[k].id, argv[i + 1]) == 0)
			it = &s->checks.items[k];
	if (!it) {
		cli_error("ack: %s has no check '%s' now; `apmwb check %s` lists "
		          "them", argv[i], argv[i + 1], argv[i]);
		session_close(s);
		return EXIT_PROBLEMS;
	}
	if (it->sev == SEV_ERROR) {
		cli_error("ack: '%s' is an error, and errors cannot be "
		          "acknowledged: fix it", it->id);
		session_close(s);
		return EXIT_PROBLEMS;
	}
	rc = cli_exit_for(store_ack(s->st, it->id, it->message, argv[i + 2],
	                            err, sizeof err));
	if (rc != EXIT_DONE)
		cli_error("%s", err);
	session_close(s);
	return rc;
}
