/* SPDX-License-Identifier: MIT */
/* csvin.c: libcsv fed a physical line at a time, so rows know their line. */
#include <config.h>

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csvin.h"
#include "lexical.h"
#include "mem.h"

struct csvin {
	struct csv_parser csv;
	csvin_row_fn row_fn;
	csvin_col_fn col_fn;
	void *ctx;
	bool comments;

	int bom;                /* bytes of a leading BOM matched; -1 once past */
	size_t line;            /* physical line being fed, 1-based */
	size_t row_line;        /* line the current row started on */
	bool at_row_start;      /* nothing of a row seen since the last one */
	bool in_comment;        /* a comment line continues in the next chunk */
	bool cr_pending;        /* the last chunk ended in CR: CRLF or a bare CR */
	size_t row_bytes;

	char **field;           /* the row so far */
	size_t *len;
	size_t n, cap;
	bool blank;             /* every field so far empty */
	size_t rows;

	bool failed;
	char err[512];
};

static void *csv_realloc(void *p, size_t n)
{
	return mem_realloc_array(p, n, 1);
}

static void set_error(struct csvin *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_error(struct csvin *p, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	va_start(ap, fmt);
	vsnprintf(p->err, sizeof p->err, fmt, ap);
	va_end(ap);
}

/* The blanks libcsv trims around an unquoted field: the ones the money and
 * percent readers skip too, so a field of blanks is empty to both (and a
 * row of them is a blank row, as its export ",,,,,," reads back). */
static int csv_blank(unsigned char c)
{
	/* Line ends end a row; every other blank is trimmed. */
	return c != '\n' && c != '\r' && lex_is_blank((char)c);
}

struct csvin *csvin_new(csvin_row_fn row, csvin_col_fn col, void *ctx,
                        int flags)
{
	struct csvin *p = mem_calloc(1, sizeof *p);

	if (!p)
		return NULL;
	if (csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		mem_free(p);
		return NULL;
	}
	csv_set_realloc_func(&p->csv, csv_realloc);
	csv_set_free_func(&p->csv, mem_free);
	csv_set_space_func(&p->csv, csv_blank);
	p->row_fn = row;
	p->col_fn = col;
	p->ctx = ctx;
	p->comments = flags & CSVIN_COMMENTS;
	p->line = 1;
	p->at_row_start = true;
	p->blank = true;
	return p;
}

static void clear_row(struct csvin *p)
{
	for (size_t i = 0; i < p->n; i++)
		mem_free(p->field[i]);
	p->n = 0;
	p->blank = true;
}

void csvin_free(struct csvin *p)
{
	if (!p)
		return;
	csv_free(&p->csv);
	clear_row(p);
	mem_free(p->field);
	mem_free(p->len);
	mem_free(p);
}

/* The column a field falls in, as ", column NAME", or "". */
static const char *column_part(struct csvin *p, size_t i, char *buf,
                               size_t n)
{
	const char *name = p->col_fn && p->rows ? p->col_fn(p->ctx, i) : NULL;

	if (name)
		snprintf(buf, n, ", column %s", name);
	else
		buf[0] = '\0';
	return buf;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct csvin *p = ctx;
	char *copy;

	if (p->failed)
		return;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		char **f = mem_realloc_array(p->field, cap, sizeof *f);
		size_t *l;

		if (f)
			p->field = f;
		l = f ? mem_realloc_array(p->len, cap, sizeof *l) : NULL;
		if (!l) {
			set_error(p, "line %zu: out of memory", p->row_line);
			return;
		}
		p->len = l;
		p->cap = cap;
	}
	copy = mem_alloc(len + 1);
	if (!copy) {
		set_error(p, "line %zu: out of memory", p->row_line);
		return;
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	if (len)
		p->blank = false;
	p->field[p->n] = copy;
	p->len[p->n++] = len;
}

static void on_row(int term, void *ctx)
{
	struct csvin *p = ctx;
	struct csvin_row row;

	(void)term;
	if (!p->failed && !p->blank) {
		row.field = p->field;
		row.len = p->len;
		row.n = p->n;
		row.line = p->row_line;
		row.index = p->rows;
		if (!p->row_fn(p->ctx, &row, p->err, sizeof p->err)) {
			if (!p->err[0])
				snprintf(p->err, sizeof p->err, "line %zu: refused",
				         p->row_line);
			p->failed = true;
		}
		p->rows++;
	}
	clear_row(p);
	p->row_bytes = 0;
	p->at_row_start = true;
}

/* Old Mac files end lines with a bare CR, which libcsv takes as a row's end
 * too; the line count follows. */
static bool ends_line(char c)
{
	return c == '\n' || c == '\r';
}

/* The length of the next physical line (with its end), and whether it ended
 * inside this chunk; a CR that ends the chunk may be half of a CRLF. */
static size_t next_line(const char *buf, size_t len, bool *ended)
{
	const char *nl = memchr(buf, '\n', len);
	size_t upto = nl ? (size_t)(nl - buf) : len;
	const char *cr = memchr(buf, '\r', upto);

	*ended = true;
	if (cr && cr + 1 < buf + upto)
		return (size_t)(cr - buf) + 1;
	if (nl)
		return upto + 1;
	*ended = false;
	return len;
}

static bool feed_line(struct csvin *p, const char *buf, size_t len)
{
	bool blank = true;
	size_t i;

	for (i = 0; i < len && blank; i++)
		blank = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
		        buf[i] == '\n';
	/* Only whole lines are comments: a chunk that ends mid-line leaves
	 * its rest to the next feed, which starts at no row's start. */
	if (p->comments && p->at_row_start && !blank && buf[i - 1] == '#' &&
	    !p->in_comment) {
		p->in_comment = !ends_line(buf[len - 1]);
		return true;
	}
	if (p->in_comment) {
		p->in_comment = !ends_line(buf[len - 1]);
		return true;
	}
	if (p->at_row_start && !blank) {
		p->row_line = p->line;
		p->at_row_start = false;
	}
	/* Blank lines between rows are no row's bytes. */
	if (!p->at_row_start)
		p->row_bytes += len;
	if (p->row_bytes > CSVIN_ROW_MAX) {
		set_error(p, "line %zu: a row longer than %d bytes, which no row "
		          "of this file needs; is it the right file?",
		          p->row_line, CSVIN_ROW_MAX);
		return false;
	}
	if (csv_parse(&p->csv, buf, len, on_field, on_row, p) != len &&
	    !p->failed) {
		char col[128];

		if (csv_error(&p->csv) == CSV_EPARSE)
			set_error(p, "line %zu%s: a quote is misplaced (quote a "
			          "field whole, and double any quote inside it)",
			          p->line, column_part(p, p->n, col, sizeof col));
		else
			set_error(p, "line %zu: out of memory", p->line);
	}
	return !p->failed;
}

/* A byte-order mark is how some spreadsheets start UTF-8 files; it goes
 * before libcsv sees it (a BOM before a quoted field would read as a
 * misplaced quote).  It may arrive split across chunks. */
static void skip_bom(struct csvin *p, const char **buf, size_t *len)
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

bool csvin_feed(struct csvin *p, const char *buf, size_t len, char *err,
                size_t errlen)
{
	skip_bom(p, &buf, &len);
	if (p->cr_pending && len) {
		p->cr_pending = false;
		if (*buf != '\n')
			p->line++;
	}
	while (len && !p->failed) {
		bool ended;
		size_t n = next_line(buf, len, &ended);

		if (!feed_line(p, buf, n))
			break;
		/* A row still open at a line end is a quoted field with a
		 * newline in it: it keeps the line it started on. */
		if (ended)
			p->line++;
		else
			p->cr_pending = buf[n - 1] == '\r';
		buf += n;
		len -= n;
	}
	if (p->failed) {
		snprintf(err, errlen, "%s", p->err);
		return false;
	}
	return true;
}

bool csvin_finish(struct csvin *p, size_t *rows, char *err, size_t errlen)
{
	if (p->bom > 0) {
		int matched = p->bom;

		p->bom = -1;
		feed_line(p, "\xef\xbb\xbf", (size_t)matched);
	}
	if (!p->failed && csv_fini(&p->csv, on_field, on_row, p) != 0)
		set_error(p, "line %zu: a quoted field is not closed before the "
		          "end of the file", p->row_line);
	if (p->failed) {
		snprintf(err, errlen, "%s", p->err);
		return false;
	}
	if (rows)
		*rows = p->rows;
	return true;
}

void csvin_nul_message(const struct csvin_row *row, const char *column,
                       char *err, size_t errlen)
{
	snprintf(err, errlen, "line %zu%s%s: contains a NUL byte, which no text "
	         "holds (is this a spreadsheet's own file rather than CSV?)",
	         row->line, column ? ", column " : "", column ? column : "");
}
