/* SPDX-License-Identifier: MIT */
/* cmd_answers.c: apmwb new, set and get. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "cli.h"
#include "codebook.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"

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

int cmd_new(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb new FILE\n"
		"Creates an empty submission of the 2020 edition (mode 0600).\n";
	struct store *st;
	char err[1024];
	enum store_status rc;
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1) {
		cli_error("new: give one FILE to create (apmwb new FILE)");
		return EXIT_TROUBLE;
	}
	rc = store_create(argv[i], &st, err, sizeof err);
	if (rc != STORE_OK) {
		cli_error("%s", err);
		return EXIT_TROUBLE;
	}
	store_close(st);
	return EXIT_DONE;
}

/* Names the nearest key when one is unknown ("did you mean
 * commercial.m13?") and where the list is. */
static void unknown_key(const struct edition *ed, const char *cmd,
                        const char *key)
{
	char hint[256];

	codebook_hint(ed, key, hint, sizeof hint);
	cli_error("%s: unknown key '%s' (%s)", cmd, key, hint);
}

int cmd_set(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb set FILE KEY VALUE...\n"
		"Saves one answer, with the same checks as the screen.  A "
		"multi-select takes\nseveral VALUEs; \"\" makes the answer blank.  "
		"Put -- before the VALUE to pass\none that starts with '-'.\n";
	struct session *s;
	struct store_signoff before, after;
	char err[1024], *text;
	size_t len = 0;
	int i = cli_getopt(argc, argv, "+h", help_only, usage, no_opts, NULL);
	int q, rc, first;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i < 3) {
		cli_error("set: give FILE, KEY and a VALUE (\"\" makes the answer "
		          "blank)");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_WRITE, &s);
	if (rc != EXIT_DONE)
		return rc;
	q = edition_find(s->ed, argv[i + 1]);
	if (q < 0) {
		struct codebook *cb = codebook_new(s->ed);
		bool figure = cb && codebook_find(cb, argv[i + 1]);

		codebook_free(cb);
		if (figure)     /* a key, but one that is never typed */
			cli_error("%s: not saved: %s is computed from other answers "
			          "and cannot be typed (`apmwb get` prints it)",
			          argv[i], argv[i + 1]);
		else
			unknown_key(s->ed, "set", argv[i + 1]);
		session_close(s);
		return figure ? EXIT_PROBLEMS : EXIT_TROUBLE;
	}
	/* "set FILE KEY -- -5": the -- only says what follows is a value. */
	first = i + 2;
	if (strcmp(argv[first], "--") == 0 && first + 1 < argc)
		first++;
	if (argc - first > 1 && s->ed->qs[q].type != Q_MULTI) {
		cli_error("%s: not saved: %s takes one value, and %d were given "
		          "(put a value with blanks in quotes)", argv[i],
		          s->ed->qs[q].key, argc - first);
		session_close(s);
		return EXIT_PROBLEMS;
	}
	for (int k = first; k < argc; k++)
		len += strlen(argv[k]) + 1;
	text = mem_alloc(len + 1);
	if (!text) {
		cli_error("set: out of memory");
		session_close(s);
		return EXIT_TROUBLE;
	}
	text[0] = '\0';
	/* Several values are one per line, as a multi-select is written. */
	for (int k = first; k < argc; k++) {
		if (k > first)
			strcat(text, "\n");
		strcat(text, argv[k]);
	}
	store_signoff(s->st, &before);
	rc = cli_exit_for(session_set_text(s, q, text, err, sizeof err));
	mem_free(text);
	if (rc != EXIT_DONE) {
		size_t pl = strlen(argv[i]);

		/* The store's messages name the file already; a refused value's
		 * reason names only the key. */
		if (strncmp(err, argv[i], pl) == 0 && err[pl] == ':')
			cli_error("%s", err);
		else
			cli_error("%s: not saved: %s", argv[i], err);
	} else {
		store_signoff(s->st, &after);
		if (before.complete && !after.complete)
			cli_note("%s was signed off; this edit makes it a draft again",
			         argv[i]);
		if (figures_hidden_answer(s->f, s->a, q)) {
			char when[512];

			edition_condition_words(s->ed, q, when, sizeof when);
			cli_note("%s is kept but counts nowhere: it is asked only "
			         "when %s", s->ed->qs[q].key, when);
		}
	}
	session_close(s);
	return rc;
}

int cmd_get(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb get FILE KEY\n"
		"Prints an answer as stored, or a computed figure (<lob>.m5, "
		"<lob>.m8.share,\nxc.<lob>.ok, nr.all.meets.share, ...).  A blank "
		"answer prints nothing;\na share that cannot be computed prints "
		"n/a.\n";
	struct session *s;
	char buf[256];
	const char *v;
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);
	int rc, q;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 2) {
		cli_error("get: give FILE and one KEY");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
	if (rc != EXIT_DONE)
		return rc;
	/* Answers print whole, as stored; figures fit a small buffer. */
	if (figures_key_text(s->f, s->a, argv[i + 1], buf, sizeof buf) ==
	    KEY_UNKNOWN) {
		unknown_key(s->ed, "get", argv[i + 1]);
		session_close(s);
		return EXIT_TROUBLE;
	}
	q = edition_find(s->ed, argv[i + 1]);
	v = q >= 0 && s->ed->qs[q].type != Q_COMPUTED ? answers_get(s->a, q) : buf;
	if (v && *v) {
		cli_print(stdout, v);
		putchar('\n');
	}
	session_close(s);
	return cli_out_close(&(struct cli_out){ 0 }, true) ? EXIT_DONE
	                                                   : EXIT_TROUBLE;
}
