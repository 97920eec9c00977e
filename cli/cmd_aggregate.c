/* SPDX-License-Identifier: MIT */
/* cmd_aggregate.c: apmwb aggregate: national figures from many files.
 *
 * Every file is opened read-only, summed and closed before the next, so
 * memory stays flat however many there are; only the first submission
 * stays open, for its edition, which the files of the same edition share
 * (store_open_known) instead of each loading its own copy.  The per-file
 * list is written as the files are read; the figures at the end. */
#include <config.h>

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bars.h"
#include "glyphs.h"
#include "aggregate.h"
#include "answers.h"
#include "cli.h"
#include "csvout.h"
#include "edition.h"
#include "export.h"
#include "jsonout.h"
#include "money.h"

enum agg_format { AGG_TEXT, AGG_CSV, AGG_JSON };

#define BAR_WIDTH 70   /* the table below is 73 columns wide */

struct agg_opts {
	enum agg_format format;
	bool drafts;
};

struct agg_run {
	struct agg_opts o;
	FILE *out;
	char **files;
	size_t nfiles;
	struct session *holder;     /* the first submission: its edition */
	const struct edition *ed;
	struct agg_rows rows;       /* of ed */
	struct agg_sums sums;
	struct agg_orgs orgs;
	size_t counted, drafts_left, listed;
	/* The first sum that did not fit. */
	bool overflow;
	int ov_line, ov_measure;
	size_t ov_file;
};

/* What one file turned out to be, for the list. */
struct agg_entry {
	const char *file;
	const char *why;            /* read failure, else NULL */
	struct session *s;
	const char *org;
	bool complete, counted;
	const char *left_out;       /* why a submission is not counted */
	bool dup;
	size_t dup_of;
};

/* The options as the table parsed them (precheck_format checked the
 * format's name). */
static void agg_options(const struct cmd_ctx *c, struct agg_opts *o)
{
	const char *f = c->opt['f'];

	o->format = !f || strcmp(f, "text") == 0 ? AGG_TEXT :
	            strcmp(f, "csv") == 0 ? AGG_CSV : AGG_JSON;
	o->drafts = c->opt['d'] != NULL;
}

/* printf to out through the sanitiser: file names and organisations are
 * the user's and the files' text. */
static void say(FILE *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(FILE *out, const char *fmt, ...)
{
	char buf[8192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	cli_print(out, buf);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* ---- the per-file list ---- */

/* The checks that say a line's figures do not add up: its cross-check
 * (an error) or its row 1 missing, which the cross-check waits for. */
static bool xc_item(const struct check_item *it)
{
	return strncmp(it->id, "xc.", 3) == 0 || strncmp(it->id, "m1.", 3) == 0;
}

static void text_entry(struct agg_run *r, const struct agg_entry *e)
{
	FILE *out = r->out;
	const struct check_list *l;

	if (e->why) {
		say(out, "%s: left out: cannot be read\n    %s\n", e->file, e->why);
		return;
	}
	l = &e->s->checks;
	say(out, "%s: %s, %s, %zu %s, %zu %s", e->file,
	    e->org ? e->org : "(no organisation name)",
	    e->complete ? "complete" : "draft", l->errors,
	    plural(l->errors, "error", "errors"), l->warnings,
	    plural(l->warnings, "warning", "warnings"));
	if (l->acknowledged)
		fprintf(out, " (%zu acknowledged)", l->acknowledged);
	if (e->counted)
		fputs(": counted\n", out);
	else
		say(out, ": left out: %s\n", e->left_out);
	for (size_t i = 0; i < l->n; i++)
		if (xc_item(&l->items[i]))
			say(out, "    %s\n", l->items[i].message);
	if (e->dup)
		say(out, "    same organisation as %s: a plan sent twice? Both "
		    "are counted\n", r->files[e->dup_of]);
}

static void json_entry(struct agg_run *r, const struct agg_entry *e)
{
	FILE *out = r->out;
	bool first = true;

	fputs(r->listed ? ",\n    {\"file\": " : "\n    {\"file\": ", out);
	jsonout_string_or_null(out, e->file);
	if (e->why) {
		fputs(", \"counted\": false, \"left_out\": ", out);
		jsonout_string_or_null(out, e->why);
		fputc('}', out);
		return;
	}
	fputs(", \"organisation\": ", out);
	jsonout_string_or_null(out, e->org);
	fprintf(out, ", \"state\": \"%s\", \"errors\": %zu, \"warnings\": %zu, "
	        "\"acknowledged\": %zu, \"counted\": %s, \"left_out\": ",
	        e->complete ? "complete" : "draft", e->s->checks.errors,
	        e->s->checks.warnings, e->s->checks.acknowledged,
	        e->counted ? "true" : "false");
	jsonout_string_or_null(out, e->counted ? NULL : e->left_out);
	fputs(", \"same_organisation_as\": ", out);
	jsonout_string_or_null(out, e->dup ? r->files[e->dup_of] : NULL);
	fputs(", \"cross_checks\": [", out);
	for (size_t i = 0; i < e->s->checks.n; i++) {
		if (!xc_item(&e->s->checks.items[i]))
			continue;
		if (!first)
			fputs(", ", out);
		jsonout_string_or_null(out, e->s->checks.items[i].message);
		first = false;
	}
	fputs("]}", out);
}

/* In CSV the list has no place: what is left out or flagged is noted on
 * stderr, so it is never silent. */
static void csv_entry(struct agg_run *r, const struct agg_entry *e)
{
	if (e->why)
		cli_note("left out: %s", e->why);
	else if (!e->counted)
		cli_note("%s left out: %s", e->file, e->left_out);
	if (e->dup)
		cli_note("%s is of the same organisation as %s (a plan sent "
		         "twice?); both are counted", e->file, r->files[e->dup_of]);
	for (size_t i = 0; !e->why && i < e->s->checks.n; i++)
		if (xc_item(&e->s->checks.items[i]))
			cli_note("%s: %s", e->file, e->s->checks.items[i].message);
}

static void list_entry(struct agg_run *r, const struct agg_entry *e)
{
	switch (r->o.format) {
	case AGG_TEXT: text_entry(r, e); break;
	case AGG_JSON: json_entry(r, e); break;
	case AGG_CSV: csv_entry(r, e); break;
	}
	r->listed++;
}

/* ---- one file ---- */

static const char *org_name(const struct session *s)
{
	int q = s->ed->name_q;

	return q >= 0 ? answers_get(s->a, q) : NULL;
}

/* Reads, lists and (when it counts) adds one file; false when apmwb
 * itself could not go on (memory). */
static bool one_file(struct agg_run *r, size_t i)
{
	struct agg_file m;
	struct agg_entry e = { .file = r->files[i] };
	struct store_signoff so;
	char err[1024], other[256];
	enum store_status rc;

	rc = r->ed ? session_open_known(e.file, r->ed, &e.s, err, sizeof err) :
	     session_open(e.file, STORE_MODE_READ_ONLY, false, &e.s, err,
	                  sizeof err);
	if (rc == STORE_NOMEM) {
		cli_error("%s", err);
		return false;
	}
	if (rc != STORE_OK) {
		e.why = err;
		list_entry(r, &e);
		return true;
	}
	if (!r->ed) {
		r->ed = e.s->ed;
		r->holder = e.s;
		agg_rows_init(&r->rows, r->ed);
	}
	store_signoff(e.s->st, &so);
	e.complete = so.complete;
	e.org = org_name(e.s);
	if (e.s->ed != r->ed) {
		snprintf(other, sizeof other, "of edition %s; these figures are of "
		         "edition %s, the first file's", e.s->ed->id, r->ed->id);
		e.left_out = other;
	} else if (!e.complete && !r->o.drafts) {
		e.left_out = "a draft, not signed off (--include-drafts counts "
		             "drafts)";
		r->drafts_left++;
	} else if (!agg_file_measures(&r->rows, e.s->f, &m)) {
		e.left_out = "its own figures do not fit in apmwb's exact range";
	} else {
		int line = 0, measure = 0, dup;

		e.counted = true;
		r->counted++;
		if (!agg_add(&r->sums, &m, &line, &measure) && !r->overflow) {
			r->overflow = true;
			r->ov_line = line;
			r->ov_measure = measure;
			r->ov_file = i;
		}
		dup = agg_orgs_add(&r->orgs, e.org, i, &e.dup_of);
		if (dup < 0) {
			cli_error("%s: out of memory", e.file);
			if (e.s != r->holder)
				session_close(e.s);
			return false;
		}
		e.dup = dup > 0;
	}
	list_entry(r, &e);
	if (e.s != r->holder)
		session_close(e.s);
	return true;
}

/* ---- the figures ---- */

static void value_text(const struct agg_value *v, bool text, char *dollars,
                       char *share)
{
	if (v->overflow)
		snprintf(dollars, MONEY_BUFSZ, "overflow");
	else if (v->blank)
		dollars[0] = '\0';
	else if (text)
		money_format_display(v->cents, dollars);
	else
		money_format(v->cents, dollars);
	if (v->share.ok) {
		pct_format_share(v->share.pct, share);
		if (text)
			strcat(share, "%");
	} else {
		snprintf(share, PCT_BUFSZ, "n/a");
	}
}

/* One row of the figures in machine text: dollars "" when blank,
 * "overflow" when not given; share "n/a" when not computable. */
struct agg_row {
	int line, measure;
	struct agg_value v;
	char dollars[MONEY_BUFSZ], share[PCT_BUFSZ];
};

/* Calls fn for every line and measure, in order; none when nothing was
 * counted. */
static void each_row(struct agg_run *r,
                     void (*fn)(struct agg_run *r, const struct agg_row *w,
                                bool first))
{
	struct agg_row w;

	for (int l = 0; r->counted && l < AGG_NLINES; l++)
		for (int m = 0; m < AGG_NMEASURES; m++) {
			w.line = l;
			w.measure = m;
			agg_value(&r->sums, l, m, &w.v);
			value_text(&w.v, false, w.dollars, w.share);
			fn(r, &w, l == 0 && m == 0);
		}
}

static void csv_row(struct agg_run *r, const struct agg_row *w, bool first)
{
	(void)first;
	csvout_field(r->out, agg_line_id(w->line));
	fputc(',', r->out);
	csvout_field(r->out, agg_measure_id(w->measure));
	fputc(',', r->out);
	csvout_field(r->out, w->dollars);
	fputc(',', r->out);
	csvout_field(r->out, w->share);
	csvout_end(r->out);
}

static void csv_figures(struct agg_run *r)
{
	fputs("line,measure,dollars,share\r\n", r->out);
	each_row(r, csv_row);
}

static void json_row(struct agg_run *r, const struct agg_row *w, bool first)
{
	FILE *out = r->out;

	fprintf(out, "%s\n    {\"line\": \"%s\", \"measure\": \"%s\", "
	        "\"dollars\": ", first ? "" : ",", agg_line_id(w->line),
	        agg_measure_id(w->measure));
	jsonout_string_or_null(out, w->v.blank || w->v.overflow ? NULL : w->dollars);
	fputs(", \"share\": ", out);
	jsonout_string_or_null(out, w->share);
	if (w->v.overflow)
		fputs(", \"overflow\": true", out);
	fputc('}', out);
}

static void json_figures(struct agg_run *r)
{
	FILE *out = r->out;

	fputs(r->listed ? "\n  ],\n  \"edition\": " : "],\n  \"edition\": ",
	      out);
	jsonout_string_or_null(out, r->ed ? r->ed->id : NULL);
	fprintf(out, ",\n  \"files_counted\": %zu,\n  \"figures\": [",
	        r->counted);
	each_row(r, json_row);
	fputs(r->counted ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* The line's dollars by category as the workbook screen's bar shows
 * them, in the same glyphs. */
static void text_bar(FILE *out, const struct agg_sums *s, int l,
                     const struct glyphs *g)
{
	static const int cats[4] = { AGG_CAT1, AGG_CAT2, AGG_CAT3, AGG_CAT4 };
	struct money_fig cat[4] = { { 0 } }, m1 = { 0 };
	struct bars_line bl;
	int cells[BAR_NSEG];

	/* A sum not given draws as nothing. */
	for (int i = 0; i < 4; i++) {
		const struct agg_cell *c = &s->c[l][cats[i]];

		cat[i].has = c->any && !c->overflow;
		cat[i].cents = c->cents;
	}
	m1.has = s->c[l][AGG_TOTAL].any && !s->c[l][AGG_TOTAL].overflow;
	m1.cents = s->c[l][AGG_TOTAL].cents;
	bars_line_from(cat, m1, &bl);
	if (!bl.any || !bars_split(bl.v, BAR_NSEG, BAR_WIDTH, cells))
		return;
	fputs("  ", out);
	for (int k = 0; k < BAR_NSEG; k++)
		for (int j = 0; j < cells[k]; j++)
			fputs(g->bar[k], out);
	fputc('\n', out);
	if (bl.over)
		fputs("  (the categories add up to more than row 1)\n", out);
}

static void text_figures(struct agg_run *r)
{
	const char *cs = nl_langinfo(CODESET);
	const struct glyphs *g = glyphs_get(cs && strcmp(cs, "UTF-8") == 0);
	FILE *out = r->out;

	fprintf(out, "\n%zu of %zu %s counted", r->counted, r->nfiles,
	        plural(r->nfiles, "file", "files"));
	if (!r->counted) {
		fputc('\n', out);
		return;
	}
	say(out, "; edition %s (%s), %s\n", r->ed->id,
	    r->ed->data_year, r->o.drafts ? "drafts included" :
	    "signed-off submissions only");
	fputs("  bars:", out);
	for (int k = 0; k < BAR_UNREPORTED; k++)
		say(out, " %s %s ", g->bar[k], (size_t)k < r->ed->ncats ?
		    r->ed->cats[k].label : "");
	fprintf(out, " %s not reported in a category\n", g->bar[BAR_UNREPORTED]);
	for (int l = 0; l < AGG_NLINES; l++) {
		size_t n = r->sums.reporting[l];

		say(out, "\n%s: ", agg_line_name(r->ed, l));
		if (!n) {
			fputs("no counted submission reports it\n", out);
			continue;
		}
		fprintf(out, "%zu %s\n", n, plural(n, "submission",
		                                    "submissions"));
		text_bar(out, &r->sums, l, g);
		for (int m = 0; m < AGG_NMEASURES; m++) {
			char d[MONEY_BUFSZ], p[PCT_BUFSZ];
			struct agg_value v;

			agg_value(&r->sums, l, m, &v);
			value_text(&v, true, d, p);
			say(out, "  %-8s %-29s %24s %7s\n", agg_measure_id(m),
			    agg_measure_name(r->ed, m), d, p);
		}
	}
}

/* ---- the command ---- */

int cmd_aggregate(struct cmd_ctx *c)
{
	struct agg_run r = { .out = stdout };
	int measure = 0, rc = EXIT_DONE;
	bool ok = true;

	agg_options(c, &r.o);
	r.files = c->argv;
	r.nfiles = (size_t)c->argc;
	agg_init(&r.sums);
	agg_orgs_init(&r.orgs);
	if (r.o.format == AGG_JSON)
		fputs("{\n  \"format\": \"apmwb-aggregate\",\n  \"version\": 1,\n"
		      "  \"files\": [", r.out);
	for (size_t k = 0; k < r.nfiles && ok; k++)
		ok = one_file(&r, k);
	if (ok && !agg_finish(&r.sums, &measure) && !r.overflow) {
		r.overflow = true;
		r.ov_line = AGG_ALL;
		r.ov_measure = measure;
		r.ov_file = r.nfiles;
	}
	if (ok) {
		switch (r.o.format) {
		case AGG_TEXT: text_figures(&r); break;
		case AGG_JSON: json_figures(&r); break;
		case AGG_CSV: csv_figures(&r); break;
		}
	}
	if (!ok) {
		rc = EXIT_TROUBLE;
	} else if (r.overflow) {
		if (r.ov_file < r.nfiles)
			cli_error("aggregate: the sum of %s on the %s line passes the "
			          "largest amount apmwb can count exactly at %s; it is "
			          "not given", agg_measure_id(r.ov_measure),
			          agg_line_id(r.ov_line), r.files[r.ov_file]);
		else
			cli_error("aggregate: the sum of %s over all lines passes the "
			          "largest amount apmwb can count exactly; it is not "
			          "given", agg_measure_id(r.ov_measure));
		rc = EXIT_TROUBLE;
	} else if (!r.counted) {
		if (r.drafts_left)
			cli_error("no signed-off submission among %zu %s; "
			          "--include-drafts counts drafts too", r.nfiles,
			          plural(r.nfiles, "file", "files"));
		else
			cli_error("no submission could be counted among %zu %s",
			          r.nfiles, plural(r.nfiles, "file", "files"));
		rc = EXIT_PROBLEMS;
	}
	session_close(r.holder);
	agg_orgs_free(&r.orgs);
	if (fflush(r.out) != 0 || ferror(r.out)) {
		cli_error("aggregate: could not write the output");
		rc = EXIT_TROUBLE;
	}
	return rc;
}
