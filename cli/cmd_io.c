/* SPDX-License-Identifier: MIT */
/* cmd_io.c: apmwb import, export and show. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "contracts_csv.h"
#include "csvout.h"
#include "mem.h"
#include "qualtrics_map.h"
#include "sanitize.h"

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

/* What the CSV reader hands each contract to: the store, and how its last
 * save went (a full disk is trouble, not a bad row: its message is the
 * store's own, with no line of the CSV to blame). */
struct import_ctx {
	struct store *st;
	enum store_status rc;
	char trouble[1024];
};

static bool add_contract(void *ctx, const struct contract *c, size_t line,
                         char *err, size_t errlen)
{
	struct import_ctx *ic = ctx;

	(void)line;
	ic->rc = store_contracts_replace_add(ic->st, c, err, errlen);
	if (ic->rc != STORE_OK && ic->rc != STORE_INVALID)
		snprintf(ic->trouble, sizeof ic->trouble, "%s", err);
	return ic->rc == STORE_OK;
}

static int import_csv(struct session *s, const char *db, const char *src,
                      FILE *in, const char *first, size_t nfirst,
                      bool fractions)
{
	struct import_ctx ic = { s->st, STORE_OK, "" };
	enum store_status end_rc;
	struct contracts_csv *p = contracts_csv_new(add_contract, &ic);
	char err[1024], buf[65536];
	size_t n, rows = 0;
	bool ok;

	if (!p) {
		cli_error("import: out of memory");
		return EXIT_TROUBLE;
	}
	contracts_csv_set_fractions(p, fractions);
	if (store_contracts_replace_begin(s->st, err, sizeof err) != STORE_OK) {
		cli_error("%s", err);
		contracts_csv_free(p);
		return EXIT_TROUBLE;
	}
	ok = contracts_csv_feed(p, first, nfirst, err, sizeof err);
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = contracts_csv_feed(p, buf, n, err, sizeof err);
	if (ok && ferror(in)) {
		snprintf(err, sizeof err, "could not read: %s", strerror(errno));
		ok = false;
	}
	if (ok)
		ok = contracts_csv_finish(p, &rows, err, sizeof err);
	contracts_csv_free(p);
	if (!ok) {
		char end[512];

		store_contracts_replace_end(s->st, false, end, sizeof end);
		if (*ic.trouble)
			cli_error("%s", ic.trouble);
		else
			cli_error("import: %s: %s; nothing was imported", src, err);
		return ic.rc == STORE_OK ? EXIT_PROBLEMS : cli_exit_for(ic.rc);
	}
	end_rc = store_contracts_replace_end(s->st, true, err, sizeof err);
	if (end_rc != STORE_OK) {
		/* A sum past the range is a refused value, as everywhere. */
		cli_error("%s", err);
		return cli_exit_for(end_rc);
	}
	cli_note("%s: the worksheet now holds the %zu contract%s of %s", db,
	         rows, rows == 1 ? "" : "s", src);
	return EXIT_DONE;
}

static void import_opt(int opt, const char *arg, void *ctx)
{
	(void)arg;
	if (opt == 'F')
		*(bool *)ctx = true;
}

int cmd_import(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb import [--fractions] FILE SOURCE\n"
		"SOURCE is a JSON export (answers, and the worksheet when it has "
		"\"contracts\")\nor a contracts CSV (label,line,type,risk_min,"
		"risk_max,shared_risk,dollars),\nwhich replaces the worksheet.  "
		"All or nothing: one bad value changes nothing\nand is named.  "
		"SOURCE - reads standard input.\n"
		"  --fractions   the CSV's risk percentages are fractions of 1, as "
		"spreadsheet\n                percent cells save them (0.04 is "
		"4%)\n";
	static const struct option opts[] = {
		{ "fractions", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct session *s;
	FILE *in;
	char head[4096], err[1024];
	size_t n;
	bool fractions = false;
	int i = cli_getopt(argc, argv, "h", opts, usage, import_opt, &fractions);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 2) {
		cli_error("import: give FILE and SOURCE");
		return EXIT_TROUBLE;
	}
	in = strcmp(argv[i + 1], "-") == 0 ? stdin : fopen(argv[i + 1], "rb");
	if (!in) {
		cli_error("import: %s: %s", argv[i + 1], strerror(errno));
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_WRITE, &s);
	if (rc != EXIT_DONE) {
		if (in != stdin)
			fclose(in);
		return rc;
	}
	n = fread(head, 1, sizeof head, in);
	if (looks_like_json(argv[i + 1], head, n) && fractions) {
		cli_error("import: --fractions is for a contracts CSV; %s is "
		          "JSON", argv[i + 1]);
		rc = EXIT_TROUBLE;
	} else if (looks_like_json(argv[i + 1], head, n)) {
		size_t len = n, more;
		char *all = mem_alloc(n + 1), *grown;

		if (all)
			memcpy(all, head, n);
		while (all && (more = fread(head, 1, sizeof head, in)) > 0) {
			grown = mem_realloc_array(all, len + more + 1, 1);
			if (!grown) {
				mem_free(all);
				all = NULL;
				break;
			}
			all = grown;
			memcpy(all + len, head, more);
			len += more;
		}
		if (!all) {
			cli_error("import: %s: out of memory", argv[i + 1]);
			rc = EXIT_TROUBLE;
		} else {
			size_t skip = bom_length(all, len);

			all[len] = '\0';
			rc = cli_exit_for(store_import_json(s->st, all + skip,
			                                    len - skip, err,
			                                    sizeof err));
			/* The store's message already says nothing was imported. */
			if (rc != EXIT_DONE)
				cli_error("import: %s: %s", argv[i + 1], err);
			else
				cli_note("%s: imported %s", argv[i], argv[i + 1]);
		}
		mem_free(all);
	} else {
		rc = import_csv(s, argv[i], argv[i + 1], in, head, n, fractions);
	}
	if (in != stdin)
		fclose(in);
	session_close(s);
	return rc;
}

struct export_opts {
	const char *format, *output, *map;
	bool excel;
};

static void export_opt(int opt, const char *arg, void *ctx)
{
	struct export_opts *o = ctx;

	if (opt == 'f')
		o->format = arg;
	else if (opt == 'o')
		o->output = arg;
	else if (opt == 'm')
		o->map = arg;
	else if (opt == 'x')
		o->excel = true;
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

/* An export shown on a terminal, rather than saved, passes the sanitiser
 * like everything else apmwb prints: a tampered file's escape sequences
 * must not reach the terminal (a file or pipe gets the exact bytes). */
static bool on_terminal(const char *output)
{
	return (!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO);
}

int cmd_export(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb export --format FORMAT [-o OUT] [--map MAP] [--excel] "
		"FILE\n"
		"FORMAT is json (everything, for import), csv (key, label, value), "
		"qualtrics\n(a Qualtrics response export; --map takes the LAN's "
		"map) or contracts (the\nworksheet as CSV).  Writes to standard "
		"output, or to OUT (mode 0600, replaced\nonly when complete).  "
		"--excel writes csv or contracts with a UTF-8 byte order\nmark, "
		"so Excel opens it as UTF-8.\n";
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "map", required_argument, NULL, 'm' },
		{ "excel", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_opts o = { NULL, NULL, NULL, false };
	struct export_input in;
	struct session *s;
	struct cli_out out;
	struct qualtrics_map *map = NULL;
	char err[1024] = "", *shown = NULL;
	size_t nshown = 0;
	FILE *term = NULL;
	bool ok;
	int i = cli_getopt(argc, argv, "f:o:m:h", opts, usage, export_opt, &o);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1 || !o.format) {
		cli_error("export: give --format (json, csv, qualtrics or "
		          "contracts) and one FILE");
		return EXIT_TROUBLE;
	}
	if (strcmp(o.format, "json") != 0 && strcmp(o.format, "csv") != 0 &&
	    strcmp(o.format, "qualtrics") != 0 &&
	    strcmp(o.format, "contracts") != 0) {
		cli_error("export: unknown format '%s'; use json, csv, qualtrics "
		          "or contracts", o.format);
		return EXIT_TROUBLE;
	}
	if (o.map && strcmp(o.format, "qualtrics") != 0) {
		cli_error("export: --map is for --format qualtrics");
		return EXIT_TROUBLE;
	}
	if (o.excel && strcmp(o.format, "csv") != 0 &&
	    strcmp(o.format, "contracts") != 0) {
		cli_error("export: --excel is for the csv and contracts exports, "
		          "which are for spreadsheets; %s is for %s", o.format,
		          strcmp(o.format, "json") == 0 ? "apmwb import" :
		          "Qualtrics, not a spreadsheet");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
	if (rc != EXIT_DONE)
		return rc;
	/* The map first: a bad one must not replace an earlier export. */
	if (strcmp(o.format, "qualtrics") == 0 &&
	    !(map = load_map(s->ed, o.map))) {
		session_close(s);
		return EXIT_TROUBLE;
	}
	if (!cli_out_open(&out, o.output)) {
		qualtrics_map_free(map);
		session_close(s);
		return EXIT_TROUBLE;
	}
	session_export_input(s, &in);
	if (on_terminal(o.output) && !(term = open_memstream(&shown, &nshown))) {
		snprintf(err, sizeof err, "out of memory");
		ok = false;
	} else {
		FILE *to = term ? term : out.f;

		if (o.excel && !term)     /* a terminal needs no mark */
			csvout_bom(to);
		if (strcmp(o.format, "json") == 0) {
			ok = export_json(to, &in, err, sizeof err);
		} else if (strcmp(o.format, "csv") == 0) {
			ok = export_csv(to, &in, err, sizeof err);
		} else if (strcmp(o.format, "qualtrics") == 0) {
			ok = export_qualtrics(to, &in, map, err, sizeof err);
		} else {
			ok = export_contracts(to, &in, err, sizeof err);
		}
	}
	if (term) {
		if (fclose(term) != 0 && ok) {
			snprintf(err, sizeof err, "out of memory");
			ok = false;
		}
		if (ok && !cli_print_sanitised(out.f, shown, nshown)) {
			snprintf(err, sizeof err, "out of memory");
			ok = false;
		}
		free(shown);
	}
	if (!ok && !term && ferror(out.f)) {
		/* The export's own file (or standard output) failed: say which
		 * and why, not what was being written at the time. */
		int e = errno ? errno : EIO;

		cli_error("%s: could not write the export: %s; nothing was "
		          "written", o.output ? o.output : "standard output",
		          strerror(e));
	} else if (!ok && *s->read_err) {
		cli_error("%s; nothing was exported", s->read_err);
	} else if (!ok && *err) {
		cli_error("export: %s", err);
	}
	rc = cli_out_close(&out, ok) ? EXIT_DONE : EXIT_TROUBLE;
	qualtrics_map_free(map);
	session_close(s);
	return rc;
}

int cmd_show(int argc, char **argv)
{
	static const char usage[] =
		"Usage: apmwb show FILE\n"
		"The copy sheet: every question the online survey asks, in its "
		"page order,\nwith the value to type, then the computed figures, "
		"the cross-checks, nominal\nrisk and every check.\n";
	struct export_input in;
	struct session *s;
	char err[1024] = "";
	bool ok;
	int i = cli_getopt(argc, argv, "h", help_only, usage, no_opts, NULL);
	int rc;

	if (i < 0)
		return i == -1 ? EXIT_DONE : EXIT_TROUBLE;
	if (argc - i != 1) {
		cli_error("show: give one FILE");
		return EXIT_TROUBLE;
	}
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &s);
	if (rc != EXIT_DONE)
		return rc;
	session_export_input(s, &in);
	ok = export_show(stdout, &in, 80, err, sizeof err);
	if (!ok)
		cli_error("show: %s", *err ? err : "could not write");
	session_close(s);
	return ok && fflush(stdout) == 0 ? EXIT_DONE : EXIT_TROUBLE;
}
