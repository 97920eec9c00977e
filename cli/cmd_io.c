/* SPDX-License-Identifier: MIT */
/* cmd_io.c: apmwb import, export and show. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "mem.h"
#include "qualtrics_map.h"

/* The UTF-8 byte order mark some editors on Windows put first. */
static size_t bom_length(const char *head, size_t n)
{
	return n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* JSON by its name, or by a first character of '{'; anything else is the
 * contracts CSV. */
static bool looks_like_json(const char *path, const char *head, size_t n)
{
	size_t len = strlen(path);

	if (len > 5 && strcasecmp(path + len - 5, ".json") == 0)
		return true;
	for (size_t i = bom_length(head, n); i < n; i++) {
		if (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
		    head[i] == '\n')
			continue;
		return head[i] == '{';
	}
	return false;
}

static FILE *open_source(const char *src)
{
	return strcmp(src, "-") == 0 ? stdin : fopen(src, "rb");
}

/* SOURCE must be there before the submission is opened for editing. */
int precheck_import(struct cmd_ctx *c)
{
	FILE *in = open_source(c->argv[1]);

	if (!in) {
		cli_error("import: %s: %s", c->argv[1], strerror(errno));
		return EXIT_TROUBLE;
	}
	if (in != stdin)
		fclose(in);
	return -1;
}

/* A read cut short by Ctrl-C is -1 with errno EINTR, and can be tried
 * again: the importer asks its progress whether to stop. */
static ssize_t read_file(void *ctx, char *buf, size_t n)
{
	size_t got = fread(buf, 1, n, ctx);

	if (got == 0 && ferror((FILE *)ctx)) {
		int e = errno;

		clearerr((FILE *)ctx);
		errno = e;
		return -1;
	}
	return (ssize_t)got;
}

/* What progress counts against: a file's size, or 0 (a pipe). */
static uint64_t source_size(FILE *in)
{
	struct stat sb;

	return fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) ?
	       (uint64_t)sb.st_size : 0;
}

static int import_csv(struct cmd_ctx *c, FILE *in, const char *head,
                      size_t n)
{
	const char *file = c->argv[0], *src = c->argv[1];
	struct session_import im;
	enum store_status rc;
	char err[1024];

	rc = session_import_contracts(c->s, head, n, read_file, in,
	                              source_size(in),
	                              c->opt['F'] != NULL, &im, err, sizeof err);
	if (rc == STORE_OK) {
		cli_note("%s: the worksheet's %lld contract%s %s replaced by the "
		         "%zu of %s", file, (long long)im.replaced,
		         im.replaced == 1 ? "" : "s", im.replaced == 1 ? "is" : "are",
		         im.rows, src);
	} else if (im.source_fault) {
		cli_error("import: %s: %s; nothing was imported", src, err);
	} else {
		/* A sum past the range is a refused value, as everywhere. */
		cli_error("%s", err);
	}
	return cli_exit_for(rc);
}

static int import_json(struct cmd_ctx *c, FILE *in, const char *head,
                       size_t n)
{
	const char *src = c->argv[1];
	char err[1024];
	int rc;

	if (c->opt['F']) {
		cli_error("import: --fractions is for a contracts CSV; %s is JSON",
		          src);
		return EXIT_TROUBLE;
	}
	/* A byte order mark is the importer's to skip: its messages count
	 * the file's bytes. */
	rc = cli_exit_for(session_import_json_read(c->s, head, n,
	                                           read_file, in,
	                                           source_size(in), err,
	                                           sizeof err));
	/* The store's message already says nothing was imported. */
	if (rc != EXIT_DONE)
		cli_error("import: %s: %s", src, err);
	else
		cli_note("%s: imported %s", c->argv[0], src);
	return rc;
}

int cmd_import(struct cmd_ctx *c)
{
	FILE *in = open_source(c->argv[1]);
	char head[4096];
	size_t n;
	int rc;

	if (!in) {
		cli_error("import: %s: %s", c->argv[1], strerror(errno));
		return EXIT_TROUBLE;
	}
	n = fread(head, 1, sizeof head, in);
	rc = looks_like_json(c->argv[1], head, n) ? import_json(c, in, head, n) :
	     import_csv(c, in, head, n);
	if (in != stdin)
		fclose(in);
	return rc;
}

/* Says each line of a message on its own line, after `what`. */
static void error_lines(const char *what, const char *msg)
{
	for (const char *p = msg; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		cli_error("%s%.*s", what, (int)n, p);
		p += n + (nl != NULL);
	}
}

/* The LAN's map, checked against the edition, or the one built in; NULL
 * after saying why (every problem of a map, one per line). */
static struct qualtrics_map *load_map(const struct edition *ed,
                                      const char *path)
{
	char err[8192];
	struct qualtrics_map *m = path ? qualtrics_map_load(ed, path, err,
	                                                    sizeof err) :
	                          qualtrics_map_builtin(ed, err, sizeof err);

	if (!m) {
		error_lines("export: the Qualtrics map ", err);
		cli_error("export: nothing was written");
	}
	return m;
}

int precheck_export(struct cmd_ctx *c)
{
	const char *format = c->opt['f'];
	int fmt = session_format_from_name(format);

	if (!format || fmt < 0 || fmt == SESSION_FORMAT_SHOW) {
		if (format)
			cli_error("export: unknown format '%s'; use json, csv, "
			          "qualtrics or contracts", format);
		else
			cli_error("export: give --format (json, csv, qualtrics or "
			          "contracts) and one FILE");
		return EXIT_TROUBLE;
	}
	if (c->opt['m'] && fmt != SESSION_FORMAT_QUALTRICS) {
		cli_error("export: --map is for --format qualtrics");
		return EXIT_TROUBLE;
	}
	if (c->opt['x'] && fmt != SESSION_FORMAT_CSV &&
	    fmt != SESSION_FORMAT_CONTRACTS) {
		cli_error("export: --excel is for the csv and contracts exports, "
		          "which are for spreadsheets; %s is for %s", format,
		          fmt == SESSION_FORMAT_JSON ? "apmwb import" :
		          "Qualtrics, not a spreadsheet");
		return EXIT_TROUBLE;
	}
	return -1;
}

int cmd_export(struct cmd_ctx *c)
{
	enum session_format fmt = session_format_from_name(c->opt['f']);
	const char *output = c->opt['o'];
	struct qualtrics_map *map = NULL;
	struct cli_out out;
	char err[1024] = "";
	bool ok;
	int rc;

	/* The map first: a bad one must not replace an earlier export. */
	if (fmt == SESSION_FORMAT_QUALTRICS &&
	    !(map = load_map(c->s->ed, c->opt['m'])))
		return EXIT_TROUBLE;
	/* Shown on a terminal, an export passes the sanitiser like everything
	 * apmwb prints; to a file or a pipe it keeps every byte. */
	if (!cli_out_open(&out, output, true)) {
		qualtrics_map_free(map);
		return EXIT_TROUBLE;
	}
	ok = session_export(c->s, fmt, out.f, map, 80,
	                    c->opt['x'] && !out.term, err, sizeof err);
	if (!ok && !out.term && ferror(out.f)) {
		/* The export's own file (or standard output) failed: say which
		 * and why, not what was being written at the time. */
		int e = errno ? errno : EIO;

		cli_error("%s: could not write the export: %s; nothing was "
		          "written", output ? output : "standard output",
		          strerror(e));
	} else if (!ok && *c->s->read_err) {
		cli_error("%s; nothing was exported", err);
	} else if (!ok) {
		cli_error("export: %s", *err ? err : "could not write");
	}
	rc = cli_out_close(&out, ok) ? EXIT_DONE : EXIT_TROUBLE;
	qualtrics_map_free(map);
	return rc;
}

int cmd_show(struct cmd_ctx *c)
{
	char err[1024] = "";
	bool ok = session_export(c->s, SESSION_FORMAT_SHOW, stdout, NULL, 80,
	                         false, err, sizeof err);

	if (!ok)
		cli_error("show: %s", *err ? err : "could not write");
	return ok && fflush(stdout) == 0 ? EXIT_DONE : EXIT_TROUBLE;
}
