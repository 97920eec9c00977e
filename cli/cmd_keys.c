/* SPDX-License-Identifier: MIT */
/* cmd_keys.c: apmwb keys, the codebook. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "codebook.h"
#include "edition.h"

static bool format_of(const char *name, enum codebook_format *fmt)
{
	static const struct { const char *name; enum codebook_format fmt; }
	formats[] = {
		{ "text", CODEBOOK_TEXT }, { "csv", CODEBOOK_CSV },
		{ "json", CODEBOOK_JSON }, { "man", CODEBOOK_MAN },
	};

	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*fmt = formats[i].fmt;
			return true;
		}
	return false;
}

/* Writes the codebook to stdout; on a terminal through the sanitiser, as
 * a submission's own edition is text from a file. */
static int print(const struct codebook *cb, enum codebook_format fmt)
{
	struct cli_out out;
	char err[256] = "";
	bool ok;

	if (!cli_out_open(&out, NULL, true))
		return EXIT_TROUBLE;
	ok = codebook_write(out.f, cb, fmt, err, sizeof err);
	if (!ok)
		cli_error("keys: %s", *err ? err : "could not write the list of "
		          "keys");
	return cli_out_close(&out, ok) ? EXIT_DONE : EXIT_TROUBLE;
}

int cmd_keys(struct cmd_ctx *c)
{
	enum codebook_format fmt = CODEBOOK_TEXT;
	struct codebook *cb;
	int rc;

	if (c->opt['f'])
		format_of(c->opt['f'], &fmt);   /* checked by precheck_format */
	cb = codebook_new(c->s ? c->s->ed : edition_builtin());
	if (!cb) {
		cli_error("keys: out of memory");
		rc = EXIT_TROUBLE;
	} else {
		rc = print(cb, fmt);
	}
	codebook_free(cb);
	return rc;
}

/* The --format of aggregate, diff and keys, checked before any file is
 * opened. */
int precheck_format(struct cmd_ctx *c)
{
	static const struct { const char *cmd, *formats, *words; } allowed[] = {
		{ "aggregate", " text csv json ", "text, csv or json" },
		{ "diff", " text json ", "text or json" },
		{ "keys", " text csv json man ", "text, csv or json" },
	};
	const char *f = c->opt['f'];
	char word[64];

	if (!f)
		return -1;
	snprintf(word, sizeof word, " %s ", f);
	for (size_t i = 0; i < sizeof allowed / sizeof *allowed; i++) {
		if (strcmp(c->e->name, allowed[i].cmd) != 0)
			continue;
		if (strlen(f) < sizeof word - 2 && !strchr(f, ' ') &&
		    strstr(allowed[i].formats, word))
			return -1;
		cli_error("%s: unknown format '%s'; use %s", c->e->name, f,
		          allowed[i].words);
		return EXIT_TROUBLE;
	}
	return -1;
}
