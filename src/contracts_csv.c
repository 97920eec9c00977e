/* SPDX-License-Identifier: MIT */
/* contracts_csv.c: the worksheet's contracts as CSV, in and out.
 *
 * csvin does the reading (libcsv, line numbers, BOM, blank rows); this
 * file knows the columns: the header names them in any order and case, and
 * each field of a row goes through nominal_parse_field(). */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "contracts_csv.h"
#include "csvin.h"
#include "csvout.h"
#include "mem.h"

/* A header column is a field (0 .. NR_F_COUNT-1) or, after them, one of
 * the computed results, which are checked and never kept. */
#define COL_RESULT(r) (NR_F_COUNT + (int)(r))
#define NCOLS (NR_F_COUNT + NR_R_COUNT)

struct contracts_csv {
	struct csvin *in;
	contracts_csv_row_fn fn;
	void *ctx;
	bool fractions;             /* risk terms are fractions of 1 */

	bool have_header;
	size_t ncols;
	int col_field[NCOLS];       /* column -> field or result */
	bool has_results;           /* the export's result columns are there */
	size_t rows;
	/* What the risk terms look like, to tell spreadsheet fractions. */
	size_t nrisk;               /* risk terms given */
	bool risk_pct_sign;         /* one was written with '%' */
	pct_t risk_largest;
};

static const char *col_name(int f)
{
	return f < NR_F_COUNT ? nominal_field_name((enum nr_field)f) :
	       nominal_result_name((enum nr_result)(f - NR_F_COUNT));
}

static const char *column_name(void *ctx, size_t i)
{
	struct contracts_csv *p = ctx;

	if (!p->have_header || i >= p->ncols)
		return NULL;
	return col_name(p->col_field[i]);
}

static int header_field(const char *name)
{
	for (int f = 0; f < NCOLS; f++)
		if (strcasecmp(name, col_name(f)) == 0)
			return f;
	return -1;
}

static bool on_header(struct contracts_csv *p, const struct csvin_row *row,
                      char *err, size_t errlen)
{
	for (size_t i = 0; i < row->n; i++) {
		const char *name = row->field[i];
		int f;

		if (row->len[i] != strlen(name)) {
			csvin_nul_message(row, NULL, err, errlen);
			return false;
		}
		if (!*name) {
			snprintf(err, errlen, "line %zu: a column of the header has no "
			         "name", row->line);
			return false;
		}
		f = header_field(name);
		if (f < 0) {
			snprintf(err, errlen, "line %zu: unknown column '%.40s'; the "
			         "columns are label, line, type, risk_min, risk_max, "
			         "shared_risk, dollars (and the results the export "
			         "adds: net_risk, meets, why_not)", row->line, name);
			return false;
		}
		for (size_t c = 0; c < p->ncols; c++)
			if (p->col_field[c] == f) {
				snprintf(err, errlen, "line %zu: column '%s' is there twice",
				         row->line, col_name(f));
				return false;
			}
		p->col_field[p->ncols++] = f;
		p->has_results |= f >= NR_F_COUNT;
	}
	for (int f = 0; f < NR_F_COUNT; f++) {   /* the results are optional */
		bool found = false;

		for (size_t c = 0; c < p->ncols; c++)
			found |= p->col_field[c] == f;
		if (!found) {
			snprintf(err, errlen, "line %zu: the header has no '%s' column",
			         row->line, nominal_field_name((enum nr_field)f));
			return false;
		}
	}
	p->have_header = true;
	return true;
}

/* Keeps what fraction detection needs from a risk term just read. */
static void note_risk(struct contracts_csv *p, const struct contract *c,
                      enum nr_field f, const char *text)
{
	pct_t v;

	if (f == NR_F_RISK_MIN)
		v = c->risk_min;
	else if (f == NR_F_RISK_MAX)
		v = c->risk_max;
	else if (f == NR_F_SHARED_RISK)
		v = c->shared_risk;
	else
		return;
	if (!(c->has & (f == NR_F_RISK_MIN ? NR_HAS_MIN :
	                f == NR_F_RISK_MAX ? NR_HAS_MAX : NR_HAS_SHARE)))
		return;
	p->nrisk++;
	if (strchr(text, '%'))
		p->risk_pct_sign = true;
	if (v > p->risk_largest)
		p->risk_largest = v;
}

static bool on_contract(struct contracts_csv *p, const struct csvin_row *row,
                        char *err, size_t errlen)
{
	struct contract c;
	char why[256] = "";
	bool ok = true;

	if (row->n > p->ncols) {
		snprintf(err, errlen, "line %zu: more fields than the header's %zu "
		         "columns", row->line, p->ncols);
		return false;
	}
	if (row->n < p->ncols) {
		snprintf(err, errlen, "line %zu: %zu fields, but the header has %zu "
		         "columns", row->line, row->n, p->ncols);
		return false;
	}
	contract_init(&c);
	for (size_t i = 0; ok && i < row->n; i++) {
		enum nr_field f = (enum nr_field)p->col_field[i];
		const char *s = row->field[i];

		if (row->len[i] != strlen(s)) {
			csvin_nul_message(row, col_name(p->col_field[i]), err,
			                  errlen);
			ok = false;
			break;
		}
		if (p->col_field[i] >= NR_F_COUNT)
			continue;    /* a result: checked once the fields are in */
		/* Our own export guards formula-like labels with an apostrophe;
		 * take it back off so an export imports as it was. */
		if (f == NR_F_LABEL)
			s = csvout_unguard(s);
		if (!(p->fractions ?
		      nominal_parse_field_fraction(&c, f, s, why, sizeof why) :
		      nominal_parse_field(&c, f, s, why, sizeof why))) {
			snprintf(err, errlen, "line %zu, column %s: '%.40s' %s",
			         row->line, nominal_field_name(f), s, why);
			ok = false;
		}
		if (ok)
			note_risk(p, &c, f, s);
	}
	/* The results an export wrote must agree with the fields. */
	for (size_t i = 0; ok && i < row->n; i++) {
		int r = p->col_field[i] - NR_F_COUNT;
		const char *s = csvout_unguard(row->field[i]);

		if (r < 0 || nominal_check_result(&c, (enum nr_result)r, s, why,
		                                  sizeof why))
			continue;
		snprintf(err, errlen, "line %zu, column %s: '%.40s' %s (the "
		         "results are checked, never imported)", row->line,
		         col_name(p->col_field[i]), s, why);
		ok = false;
	}
	if (ok && !p->fn(p->ctx, &c, row->line, why, sizeof why)) {
		snprintf(err, errlen, "line %zu: %s", row->line,
		         *why ? why : "refused");
		ok = false;
	}
	if (ok)
		p->rows++;
	contract_clear(&c);
	return ok;
}

static bool on_row(void *ctx, const struct csvin_row *row, char *err,
                   size_t errlen)
{
	struct contracts_csv *p = ctx;

	return p->have_header ? on_contract(p, row, err, errlen) :
	       on_header(p, row, err, errlen);
}

struct contracts_csv *contracts_csv_new(contracts_csv_row_fn fn, void *ctx)
{
	struct contracts_csv *p = mem_calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->in = csvin_new(on_row, column_name, p, 0);
	if (!p->in) {
		mem_free(p);
		return NULL;
	}
	p->fn = fn;
	p->ctx = ctx;
	return p;
}

void contracts_csv_set_fractions(struct contracts_csv *p, bool on)
{
	p->fractions = on;
}

void contracts_csv_free(struct contracts_csv *p)
{
	if (!p)
		return;
	csvin_free(p->in);
	mem_free(p);
}

bool contracts_csv_feed(struct contracts_csv *p, const char *buf, size_t len,
                        char *err, size_t errlen)
{
	return csvin_feed(p->in, buf, len, err, errlen);
}

bool contracts_csv_finish(struct contracts_csv *p, size_t *rows,
                          char *err, size_t errlen)
{
	if (!csvin_finish(p->in, NULL, err, errlen))
		return false;
	if (!p->have_header) {
		snprintf(err, errlen, "the file has no header line (label,line,"
		         "type,risk_min,risk_max,shared_risk,dollars): it is empty "
		         "or blank");
		return false;
	}
	/* 0.04, 0.3, 0.6: a spreadsheet's percent cells saved as numbers.
	 * Read as percent units nothing would qualify, silently; a '%'
	 * anywhere says the file means percent, and so do the result columns
	 * only apmwb's export writes: its terms are percent units, and an
	 * export of small ones (1% or less) must read back as it was. */
	if (!p->fractions && p->nrisk && !p->risk_pct_sign && !p->has_results &&
	    p->risk_largest > 0 && p->risk_largest <= PCT_UNIT) {
		char largest[PCT_BUFSZ];

		pct_format_term(p->risk_largest, largest);
		snprintf(err, errlen, "every risk percentage in the file is at "
		         "most 1 (the largest is %s), as spreadsheet percent "
		         "cells are saved (0.04 for 4%%); read as percent units "
		         "they would all be 1%% or less and no contract could "
		         "meet the threshold.  Write percent units (4 or 4%% for "
		         "four percent), or import with --fractions to read 0.04 "
		         "as 4%%", largest);
		return false;
	}
	if (rows)
		*rows = p->rows;
	return true;
}

/* ---- export ---- */

bool contracts_csv_write_header(FILE *out)
{
	for (int f = 0; f < NCOLS; f++) {
		if (f)
			fputc(',', out);
		fputs(col_name(f), out);
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
	for (int r = 0; r < NR_R_COUNT; r++) {
		char why[512];

		fputc(',', out);
		nominal_format_result(c, (enum nr_result)r, why, sizeof why);
		csvout_field(out, why);
	}
	csvout_end(out);
	return !ferror(out);
}
