/* contracts_csv.c: the worksheet's contracts as CSV, in and out.
 *
 * libcsv does the RFC 4180 parsing (quotes, embedded commas and newlines,
 * CRLF); it does not count lines, so the input is fed one physical line at
 * a time and each row remembers the line it started on, for messages that
 * name it. */
#include <config.h>

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "contracts_csv.h"
#include "csvout.h"
#include "mem.h"

/* A row longer than this is not a contract: refuse it rather than hold it. */
#define ROW_MAX (64 * 1024)

struct contracts_csv {
	struct csv_parser csv;
	contracts_csv_row_fn fn;
	void *ctx;

	int bom;                /* bytes of a leading BOM matched; -1 once past */
	size_t line;            /* physical line being fed, 1-based */
	size_t row_line;        /* line the current row started on */
	bool at_row_start;      /* nothing of a row seen since the last one */
	size_t row_bytes;

	bool have_header;
	int ncols;
	int col_field[NR_F_COUNT];  /* column -> field */
	int field;                  /* column index within the row */
	bool row_blank;             /* every field so far empty */
	struct contract c;
	size_t rows;

	bool failed;
	char err[256];
};

static void *csv_realloc(void *p, size_t n)
{
	return mem_realloc_array(p, n, 1);
}

static void set_error(struct contracts_csv *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_error(struct contracts_csv *p, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	va_start(ap, fmt);
	vsnprintf(p->err, sizeof p->err, fmt, ap);
	va_end(ap);
}

struct contracts_csv *contracts_csv_new(contracts_csv_row_fn fn, void *ctx)
{
	struct contracts_csv *p = mem_calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		mem_free(p);
		return NULL;
	}
	csv_set_realloc_func(&p->csv, csv_realloc);
	csv_set_free_func(&p->csv, mem_free);
	p->fn = fn;
	p->ctx = ctx;
	p->line = 1;
	p->at_row_start = true;
	p->row_blank = true;
	contract_init(&p->c);
	return p;
}

void contracts_csv_free(struct contracts_csv *p)
{
	if (!p)
		return;
	csv_free(&p->csv);
	contract_clear(&p->c);
	mem_free(p);
}

static int header_field(const char *name)
{
	for (int f = 0; f < NR_F_COUNT; f++)
		if (strcasecmp(name, nominal_field_name((enum nr_field)f)) == 0)
			return f;
	return -1;
}

static void on_header_field(struct contracts_csv *p, const char *s)
{
	int f = header_field(s);
	if (f < 0) {
		set_error(p, "line %zu: unknown column '%.40s'; the columns are "
		          "label, line, type, risk_min, risk_max, shared_risk, "
		          "dollars", p->row_line, s);
		return;
	}
	for (int i = 0; i < p->ncols; i++)
		if (p->col_field[i] == f) {
			set_error(p, "line %zu: column '%s' is there twice",
			          p->row_line, nominal_field_name((enum nr_field)f));
			return;
		}
	if (p->ncols >= NR_F_COUNT) {
		set_error(p, "line %zu: too many columns", p->row_line);
		return;
	}
	p->col_field[p->ncols++] = f;
}

/* The column the next field of the row falls in, for messages. */
static const char *column_name(const struct contracts_csv *p)
{
	if (!p->have_header || p->field >= p->ncols)
		return NULL;
	return nominal_field_name((enum nr_field)p->col_field[p->field]);
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct contracts_csv *p = ctx;
	const char *s = data ? data : "";
	char err[200];

	if (p->failed)
		return;
	if (strlen(s) != len) {
		const char *col = column_name(p);

		set_error(p, "line %zu%s%s: contains a NUL byte, which no text "
		          "holds (is this a spreadsheet's own file rather than "
		          "CSV?)", p->row_line, col ? ", column " : "",
		          col ? col : "");
		return;
	}
	if (!p->have_header) {
		if (len)
			on_header_field(p, s);
		p->field++;
		return;
	}
	if (p->field >= p->ncols) {
		set_error(p, "line %zu: more fields than the header's %d columns",
		          p->row_line, p->ncols);
		return;
	}
	if (len)
		p->row_blank = false;
	/* Our own export guards formula-like labels with an apostrophe;
	 * take it back off so an export imports as it was. */
	if (p->col_field[p->field] == NR_F_LABEL)
		s = csvout_unguard(s);
	if (!nominal_parse_field(&p->c, (enum nr_field)p->col_field[p->field], s,
	                         err, sizeof err))
		set_error(p, "line %zu, column %s: '%.40s' %s", p->row_line,
		          nominal_field_name((enum nr_field)p->col_field[p->field]),
		          s, err);
	p->field++;
}

static void on_row(int term, void *ctx)
{
	struct contracts_csv *p = ctx;
	char err[256] = "";

	(void)term;
	if (p->failed)
		goto next;
	if (!p->have_header && p->ncols == 0)
		goto next;          /* blank lines before the header */
	if (!p->have_header && p->field > p->ncols) {
		set_error(p, "line %zu: a column of the header has no name",
		          p->row_line);
		goto next;
	}
	if (!p->have_header) {
		static const enum nr_field needed[] = {
			NR_F_LABEL, NR_F_LINE, NR_F_TYPE, NR_F_RISK_MIN, NR_F_RISK_MAX,
			NR_F_SHARED_RISK, NR_F_DOLLARS,
		};

		for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
			bool found = false;

			for (int c = 0; c < p->ncols; c++)
				found |= p->col_field[c] == (int)needed[i];
			if (!found) {
				set_error(p, "line %zu: the header has no '%s' column",
				          p->row_line, nominal_field_name(needed[i]));
				goto next;
			}
		}
		p->have_header = true;
		goto next;
	}
	if (p->row_blank)
		goto next;          /* ",,,,,," is a blank line in a spreadsheet */
	if (p->field < p->ncols) {
		set_error(p, "line %zu: %d fields, but the header has %d columns",
		          p->row_line, p->field, p->ncols);
		goto next;
	}
	if (!p->fn(p->ctx, &p->c, p->row_line, err, sizeof err)) {
		set_error(p, "line %zu: %s", p->row_line, *err ? err : "refused");
		goto next;
	}
	p->rows++;
next:
	p->field = 0;
	p->row_blank = true;
	p->row_bytes = 0;
	contract_clear(&p->c);
	p->at_row_start = true;
}

static bool feed_line(struct contracts_csv *p, const char *buf, size_t len)
{
	bool blank = true;

	for (size_t i = 0; i < len && blank; i++)
		blank = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
		        buf[i] == '\n';
	if (p->at_row_start && !blank) {
		p->row_line = p->line;
		p->at_row_start = false;
	}
	/* Blank lines between rows are no row's bytes. */
	if (!p->at_row_start)
		p->row_bytes += len;
	if (p->row_bytes > ROW_MAX) {
		set_error(p, "line %zu: a row longer than %d bytes is not a "
		          "contract", p->row_line ? p->row_line : p->line, ROW_MAX);
		return false;
	}
	if (csv_parse(&p->csv, buf, len, on_field, on_row, p) != len &&
	    !p->failed) {
		const char *col = column_name(p);

		if (csv_error(&p->csv) == CSV_EPARSE)
			set_error(p, "line %zu%s%s: a quote is misplaced (quote a "
			          "field whole, and double any quote inside it)",
			          p->line, col ? ", column " : "", col ? col : "");
		else
			set_error(p, "line %zu: out of memory", p->line);
	}
	return !p->failed;
}

/* A byte-order mark is how some spreadsheets start UTF-8 files; it goes
 * before libcsv sees it (a BOM before a quoted field would read as a
 * misplaced quote).  It may arrive split across chunks. */
static void skip_bom(struct contracts_csv *p, const char **buf, size_t *len)
{
	static const char bom[] = "\xef\xbb\xbf";

	while (p->bom >= 0 && *len) {
		if (**buf != bom[p->bom]) {
			/* Not a BOM after all: what matched so far is data. */
			int matched = p->bom;

			p->bom = -1;
			if (matched)
				feed_line(p, bom, (size_t)matched);
			return;
		}
		(*buf)++;
		(*len)--;
		if (++p->bom == 3)
			p->bom = -1;
	}
}

bool contracts_csv_feed(struct contracts_csv *p, const char *buf, size_t len,
                        char *err, size_t errlen)
{
	skip_bom(p, &buf, &len);
	while (len && !p->failed) {
		const char *nl = memchr(buf, '\n', len);
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;

		if (!feed_line(p, buf, n))
			break;
		/* A row still open at a line end is a quoted field with a
		 * newline in it: it keeps the line it started on. */
		if (nl)
			p->line++;
		buf += n;
		len -= n;
	}
	if (p->failed) {
		snprintf(err, errlen, "%s", p->err);
		return false;
	}
	return true;
}

bool contracts_csv_finish(struct contracts_csv *p, size_t *rows,
                          char *err, size_t errlen)
{
	if (p->bom > 0) {
		int matched = p->bom;

		p->bom = -1;
		feed_line(p, "\xef\xbb\xbf", (size_t)matched);
	}
	if (!p->failed && csv_fini(&p->csv, on_field, on_row, p) != 0)
		set_error(p, "line %zu: a quoted field is not closed before the "
		          "end of the file", p->row_line);
	if (!p->failed && !p->have_header)
		set_error(p, "%s", "the file has no header line (label,line,type,"
		          "risk_min,risk_max,shared_risk,dollars): it is empty "
		          "or blank");
	if (p->failed) {
		snprintf(err, errlen, "%s", p->err);
		return false;
	}
	if (rows)
		*rows = p->rows;
	return true;
}

/* ---- export ---- */

bool contracts_csv_write_header(FILE *out)
{
	for (int f = 0; f < NR_F_COUNT; f++) {
		if (f)
			fputc(',', out);
		fputs(nominal_field_name((enum nr_field)f), out);
	}
	csvout_end(out);
	return !ferror(out);
}

bool contracts_csv_write_row(FILE *out, const struct contract *c)
{
	char buf[NR_LABEL_MAX + 1];

	for (int f = 0; f < NR_F_COUNT; f++) {
		if (f)
			fputc(',', out);
		nominal_format_field(c, (enum nr_field)f, buf, sizeof buf);
		csvout_field(out, buf);
	}
	csvout_end(out);
	return !ferror(out);
}
