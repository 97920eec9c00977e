/* SPDX-License-Identifier: MIT */
/* cmd_keys.c: apmwb keys, the codebook. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "codebook.h"
#include "edition_load.h"
#include "edition.h"

struct keys_opts {
	const char *format;
};

static void keys_opt(int opt, const char *arg, void *ctx)
{
	if (opt == 'f')
		((struct keys_opts *)ctx)->format = arg;
}

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
	char err[256] = "", *text = NULL;
	size_t len = 0;
	FILE *mem;
	bool ok;

	if (!isatty(STDOUT_FILENO)) {
		ok = codebook_write(stdout, cb, fmt, err, sizeof err);
	} else if (!(mem = open_memstream(&text, &len))) {
		snprintf(err, sizeof err, "out of memory");
		ok = false;
	} else {
		ok = codebook_write(mem, cb, fmt, err, sizeof err);
		if (fclose(mem) != 0 && ok) {
			snprintf(err, sizeof err, "out of memory");
			ok = false;
		}
		if (ok && !cli_print_sanitised(stdout, text, len)) {
			snprintf(err, sizeof err, "out of memory");
			ok = false;
		}
		free(text);
	}
	if (ok && fflush(stdout) != 0) {
		snprintf(err, sizeof err, "could not write the list of keys");
		ok = false;
	}
	if (!ok)
		cli_error("keys: %s", err);
	return ok ? EXIT_DONE : EXIT_TROUBLE;
}

int cmd_keys(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb keys [--format text|csv|json] [FILE]\n"
		"The codebook: every key, answers and computed figures, with its "
		"tab, type,\nwording, choices and when it is shown.  Without FILE, "
		"the built-in edition;\nwith FILE, the edition that submission was "
		"filled in (opened read-only).\nThe csv has the key in its first "
		"column.  --format man writes apmwb-keys(7).\n";
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct keys_opts o = { "text" };
	enum codebook_format fmt;
	struct edition *builtin = NULL;
	struct session *s = NULL;
	struct codebook *cb;
	char err[1024];
	int i = cli_getopt(argc, argv, "f:h", opts, usage, keys_opt, &o);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i > 1) {
		cli_error("keys: give at most one FILE");
		return EXIT_TROUBLE;
	}
	if (!format_of(o.format, &fmt)) {
		cli_error("keys: unknown format '%s'; use text, csv or json",
		          o.format);
		return EXIT_TROUBLE;
	}
	if (argc - i == 1) {
		rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
		if (rc != EXIT_DONE)
			return rc;
	} else if (!(builtin = edition_load_builtin(err, sizeof err))) {
		cli_error("keys: the built-in edition: %s", err);
		return EXIT_TROUBLE;
	}
	cb = codebook_new(s ? s->ed : builtin);
	if (!cb) {
		cli_error("keys: out of memory");
		rc = EXIT_TROUBLE;
	} else {
		rc = print(cb, fmt);
	}
	codebook_free(cb);
	session_close(s);
	edition_free(builtin);
	return rc;
}
