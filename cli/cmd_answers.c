/* SPDX-License-Identifier: MIT */
/* cmd_answers.c: apmwb new, set and get. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "cli.h"
#include "codebook.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"

int cmd_new(struct cmd_ctx *c)
{
	struct store *st;
	char err[1024];

	if (store_create(c->argv[0], &st, err, sizeof err) != STORE_OK) {
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

/* The values of set joined one per line, as a multi-select is written;
 * NULL when memory runs out. */
static char *joined(char **v, int n)
{
	size_t len = 1;
	char *text;

	for (int k = 0; k < n; k++)
		len += strlen(v[k]) + 1;
	text = mem_alloc(len);
	if (!text)
		return NULL;
	text[0] = '\0';
	for (int k = 0; k < n; k++) {
		if (k)
			strcat(text, "\n");
		strcat(text, v[k]);
	}
	return text;
}

/* After a save: what else the respondent should know. */
static void notes_after(struct session *s, const char *file, int q,
                        bool was_complete)
{
	struct store_signoff so;

	store_signoff(s->st, &so);
	if (was_complete && !so.complete)
		cli_note("%s was signed off; this edit makes it a draft again",
		         file);
	if (figures_hidden_answer(s->f, s->a, q)) {
		char when[512];

		edition_condition_words(s->ed, q, when, sizeof when);
		cli_note("%s is kept but counts nowhere: it is asked only when %s",
		         s->ed->qs[q].key, when);
	}
}

int cmd_set(struct cmd_ctx *c)
{
	struct session *s = c->s;
	const char *file = c->argv[0], *key = c->argv[1];
	struct store_signoff before;
	char err[1024], *text;
	int q = edition_find(s->ed, key), first = 2, rc;
	size_t fl = strlen(file);

	if (q < 0) {
		struct codebook *cb = codebook_new(s->ed);
		bool figure = cb && codebook_find(cb, key);

		codebook_free(cb);
		if (figure) {   /* a key, but one that is never typed */
			cli_error("%s: not saved: %s is computed from other answers "
			          "and cannot be typed (`apmwb get` prints it)", file,
			          key);
			return EXIT_PROBLEMS;
		}
		unknown_key(s->ed, "set", key);
		return EXIT_TROUBLE;
	}
	/* "set FILE KEY -- -5": the -- only says what follows is a value. */
	if (strcmp(c->argv[first], "--") == 0 && first + 1 < c->argc)
		first++;
	if (c->argc - first > 1 && s->ed->qs[q].type != Q_MULTI) {
		cli_error("%s: not saved: %s takes one value, and %d were given "
		          "(put a value with blanks in quotes)", file,
		          s->ed->qs[q].key, c->argc - first);
		return EXIT_PROBLEMS;
	}
	if (!(text = joined(c->argv + first, c->argc - first))) {
		cli_error("%s: not saved: out of memory", file);
		return EXIT_TROUBLE;
	}
	store_signoff(s->st, &before);
	rc = cli_exit_for(session_set_text(s, q, text, err, sizeof err));
	mem_free(text);
	if (rc == EXIT_DONE)
		notes_after(s, file, q, before.complete);
	/* The store's messages name the file already; a refused value's
	 * reason names only the key. */
	else if (strncmp(err, file, fl) == 0 && err[fl] == ':')
		cli_error("%s", err);
	else
		cli_error("%s: not saved: %s", file, err);
	return rc;
}

int cmd_get(struct cmd_ctx *c)
{
	struct session *s = c->s;
	const char *key = c->argv[1], *v;
	char buf[256];
	int q;

	/* Answers print whole, as stored; figures fit a small buffer. */
	if (figures_key_text(s->f, s->a, key, buf, sizeof buf) == KEY_UNKNOWN) {
		unknown_key(s->ed, "get", key);
		return EXIT_TROUBLE;
	}
	q = edition_find(s->ed, key);
	v = q >= 0 && s->ed->qs[q].type != Q_COMPUTED ? answers_get(s->a, q) : buf;
	if (v && *v) {
		cli_print(stdout, v);
		putchar('\n');
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_DONE : EXIT_TROUBLE;
}
