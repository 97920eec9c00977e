/* SPDX-License-Identifier: MIT */
/* export_show.c: the copy sheet, for typing answers into the online form
 * page by page and for reading a submission in a pager.
 *
 * Plain text, no escape sequences, every line at most `width` columns (the
 * wording wraps; only a single word longer than a line is cut), so it reads
 * the same on a terminal, in `less` and on paper.  Values are what the form
 * takes: dollars plain to the cent, choices by the labels the form shows. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "wrap.h"

#define LABEL_COLS 30   /* a short label, then its value in one line */
#define GRID_COLS 11    /* one line's column of the payment-model grid */

struct sheet {
	FILE *out;
	const struct export_input *in;
	int width;
	/* for the wrap callback */
	const char *lead;   /* printed before the first line, else spaces */
	int indent;
	bool first;
};

/* Everything printed passes the sanitiser: the edition and the answers
 * both come from the file. */
static void put(struct sheet *s, const char *text)
{
	char buf[512], *big;

	if (sanitize_text(text, SANITIZE_KEEP_NEWLINES, buf, sizeof buf) <
	    sizeof buf) {
		fputs(buf, s->out);
		return;
	}
	big = sanitize_dup(text, SANITIZE_KEEP_NEWLINES);
	fputs(big ? big : "(out of memory)", s->out);
	mem_free(big);
}

static void pad(struct sheet *s, int n)
{
	if (n > 0)
		fprintf(s->out, "%*s", n, "");
}

static void wrapped_line(void *ctx, const char *line, size_t n)
{
	struct sheet *s = ctx;
	char *copy = mem_strndup(line, n);

	if (s->first && s->lead) {
		fputs(s->lead, s->out);
		pad(s, s->indent - wrap_width(s->lead, strlen(s->lead)));
	} else if (n) {
		pad(s, s->indent);
	}
	s->first = false;
	put(s, copy ? copy : "");
	fputc('\n', s->out);
	mem_free(copy);
}

/* text wrapped to the sheet's width after `indent` columns; the first line
 * starts with `lead` (at most indent columns) when it is not NULL. */
static void para(struct sheet *s, const char *lead, int indent,
                 const char *text)
{
	char *clean = sanitize_dup(text, SANITIZE_KEEP_NEWLINES);

	s->lead = lead;
	s->indent = indent;
	s->first = true;
	wrap_text(clean ? clean : "(out of memory)", s->width - indent,
	          wrapped_line, s);
	if (s->first && lead) {     /* empty text: the lead alone */
		fputs(lead, s->out);
		fputc('\n', s->out);
	}
	mem_free(clean);
}

static void wrapped(struct sheet *s, int indent, const char *text)
{
	para(s, NULL, indent, text);
}

static void rule(struct sheet *s, char ch)
{
	for (int i = 0; i < s->width; i++)
		fputc(ch, s->out);
	fputc('\n', s->out);
}

/* "left ... right" on one line of the sheet's width. */
static void spread(struct sheet *s, int indent, const char *left,
                   const char *right)
{
	int lw = wrap_width(left, strlen(left));
	int rw = wrap_width(right, strlen(right));
	int gap = s->width - indent - lw - rw;

	pad(s, indent);
	put(s, left);
	if (*right) {
		pad(s, gap > 1 ? gap : 2);
		put(s, right);
	}
	fputc('\n', s->out);
}

static void tab_header(struct sheet *s, int t)
{
	const struct edition *ed = s->in->ed;
	const struct tab_progress *p = &s->in->f->progress[t];
	char right[64] = "";

	if (p->asked)
		snprintf(right, sizeof right, "%d of %d answered", p->answered,
		         p->asked);
	fputc('\n', s->out);
	rule(s, '=');
	spread(s, 0, ed->tabs[t].title, right);
	rule(s, '=');
}

/* What a respondent types or picks for a one-value answer; multi-selects
 * are listed by multi_value(). */
static const char *answer_text(const struct question *q, const char *v)
{
	const struct choice *c;

	if (!v)
		return "(not answered)";
	switch (q->type) {
	case Q_YESNO:
		return strcmp(v, "yes") == 0 ? "Yes" : "No";
	case Q_CHOICE:
		c = edition_find_choice(q, v);
		return c ? c->label : v;
	default:
		return v;
	}
}

/* A short label and its value on one line when both fit, else the label
 * wrapped and the value under it. */
static void labelled(struct sheet *s, const char *label, const char *value)
{
	int lw = wrap_width(label, strlen(label));

	if (lw <= LABEL_COLS - 4 && !strchr(value, '\n') &&
	    wrap_width(value, strlen(value)) <= s->width - LABEL_COLS) {
		pad(s, 2);
		put(s, label);
		pad(s, LABEL_COLS - 2 - lw);
		put(s, value);
		fputc('\n', s->out);
		return;
	}
	wrapped(s, 2, label);
	wrapped(s, 6, value);
}

/* Each chosen box of a multi-select on a line of its own, as it is ticked. */
static void multi_value(struct sheet *s, const struct question *q,
                        const char *v)
{
	wrapped(s, 2, q->label);
	if (!v) {
		wrapped(s, 6, "(not answered)");
		return;
	}
	for (const char *p = v; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *item = mem_strndup(p, len);
		const struct choice *c = item ? edition_find_choice(q, item) : NULL;

		para(s, "      [x] ", 10, c ? c->label : item ? item : "?");
		mem_free(item);
		p += len + (nl ? 1 : 0);
	}
}

/* ---- metric rows ---- */

static void metric_row(struct sheet *s, int qi)
{
	const struct figures *f = s->in->f;
	const struct question *q = &s->in->ed->qs[qi];
	char lead[16], left[96], right[48], money[MONEY_BUFSZ], pct[PCT_BUFSZ];
	const char *verb = q->type == Q_COMPUTED ? "Computed:" : "Type:";

	snprintf(lead, sizeof lead, "%3s ", q->row ? q->row : "");
	para(s, lead, 4, q->label);
	if (f->money[qi].has) {
		money_format(f->money[qi].cents, money);
		snprintf(left, sizeof left, "%s %s", verb, money);
	} else {
		snprintf(left, sizeof left, "%s %s", verb,
		         q->type == Q_COMPUTED ? "(blank: nothing to add)" :
		         "(not answered)");
	}
	if (q->role == ROLE_DENOMINATOR) {
		snprintf(right, sizeof right, "the denominator");
	} else if (f->share[qi].ok) {
		pct_format_share(f->share[qi].pct, pct);
		snprintf(right, sizeof right, "%s%% of row 1", pct);
	} else {
		snprintf(right, sizeof right, "share: n/a");
	}
	spread(s, 4, left, right);
}

/* ---- the payment-model grid: models down, shown lines across ---- */

static bool grid_cell(const struct question *q)
{
	return q->model && q->lob != LOB_NONE && q->type == Q_YESNO;
}

/* The cells of the shown lines, each in its column (no trailing blanks). */
static void grid_cells(struct sheet *s, const bool line[LOB_COUNT],
                       const char *const cell[LOB_COUNT])
{
	int last = -1;

	for (int l = 0; l < LOB_COUNT; l++)
		if (line[l])
			last = l;
	for (int l = 0; l <= last; l++) {
		const char *c = cell[l] ? cell[l] : "";

		if (!line[l])
			continue;
		fputs(c, s->out);
		if (l < last)
			pad(s, GRID_COLS - wrap_width(c, strlen(c)));
	}
	fputc('\n', s->out);
}

/* Prints the grid of the yes/no model questions in [first, end) and
 * returns the index after them. */
static int model_grid(struct sheet *s, int first, int end)
{
	const struct edition *ed = s->in->ed;
	const bool *shown = s->in->f->shown;
	bool line[LOB_COUNT] = { false };
	int label_cols = s->width - 2, last = first;

	for (int q = first; q < end && grid_cell(&ed->qs[q]); q++) {
		if (shown[q] && !line[ed->qs[q].lob]) {
			line[ed->qs[q].lob] = true;
			label_cols -= GRID_COLS;
		}
		last = q + 1;
	}
	{
		const char *head[LOB_COUNT];
		char words[LOB_COUNT][64];

		for (int l = 0; l < LOB_COUNT; l++) {
			sanitize_text(edition_line_short(ed, l), SANITIZE_ONE_LINE,
			              words[l], sizeof words[l]);
			head[l] = words[l];
		}
		pad(s, 2 + label_cols);
		grid_cells(s, line, head);
	}
	for (int q = first; q < last; q++) {
		const struct question *mq = &ed->qs[q];
		const char *cell[LOB_COUNT] = { NULL };
		bool any = false;
		char *label, *clean;
		size_t fit, cut, n;

		if (q > first && ed->qs[q - 1].model &&
		    strcmp(ed->qs[q - 1].model, mq->model) == 0)
			continue;       /* its row is printed */
		for (int r = q; r < last && strcmp(ed->qs[r].model, mq->model) == 0;
		     r++)
			if (shown[r]) {
				const char *v = answers_get(s->in->a, r);

				/* "(not answered)" would not fit the column. */
				cell[ed->qs[r].lob] = v ? answer_text(&ed->qs[r], v) :
				                      "(blank)";
				any = true;
			}
		if (!any)
			continue;
		/* The model's label wraps in its column; the answers go on its
		 * first line. */
		clean = sanitize_dup(mq->label, 0);
		label = clean ? clean : "(out of memory)";
		n = strlen(label);
		fit = wrap_fit(label, n, label_cols - 1);
		cut = fit;
		if (fit < n) {
			while (cut > 0 && label[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		pad(s, 2);
		fprintf(s->out, "%.*s", (int)cut, label);
		pad(s, label_cols - wrap_width(label, cut));
		grid_cells(s, line, cell);
		while (cut < n && label[cut] == ' ')
			cut++;
		if (cut < n) {
			struct sheet narrow = *s;

			narrow.width = 2 + label_cols;
			wrapped(&narrow, 4, label + cut);
		}
		mem_free(clean);
	}
	return last;
}

/* ---- the tabs ---- */

/* A question's own prompt that ends in ':' ("Plans have the option to:")
 * leads into its choices: they follow it, numbered as the workbook
 * numbers them (i., ii.), so the sentence is not left hanging. */
static void options(struct sheet *s, const struct question *q)
{
	static const char *const nums[] = { "i.", "ii.", "iii.", "iv.", "v." };
	size_t len = strlen(q->prompt), n;

	if (q->type != Q_CHOICE || !q->choices || len == 0 ||
	    q->prompt[len - 1] != ':')
		return;
	n = q->choices->n < 5 ? q->choices->n : 5;
	for (size_t i = 0; i < n; i++) {
		char lead[16], *text;

		snprintf(lead, sizeof lead, "  %s", nums[i]);
		text = mem_printf("%s%s", q->choices->items[i].label,
		                  i + 2 == n ? "; or" : i + 1 == n ? "." : ";");
		para(s, lead, 7, text ? text : q->choices->items[i].label);
		mem_free(text);
	}
}

/* The questions of tab t that display logic shows, with the group prompt
 * and section heading each starts under (a heading whose own first row is
 * hidden still heads the rows after it). */
static void tab_questions(struct sheet *s, const struct tab *tab)
{
	const struct edition *ed = s->in->ed;
	const bool *shown = s->in->f->shown;
	const char *prompt = NULL, *section = NULL, *printed = NULL;
	int end = tab->first_q + tab->nq;

	for (int qi = tab->first_q; qi < end; qi++) {
		const struct question *q = &ed->qs[qi];
		const char *v;

		if (q->section)
			section = q->section;
		if (!shown[qi])
			continue;
		if (section && section != printed) {
			fputc('\n', s->out);
			wrapped(s, 0, section);
			printed = section;
		}
		if (q->denominator >= 0) {
			if (!section && qi == tab->first_q)
				fputc('\n', s->out);
			metric_row(s, qi);
			continue;
		}
		if (q->prompt && *q->prompt &&
		    (!prompt || strcmp(prompt, q->prompt) != 0)) {
			fputc('\n', s->out);
			wrapped(s, 0, q->prompt);
			prompt = q->prompt;
			/* A prompt of one question only: several statements on one
			 * scale share theirs, and their scale is a grid. */
			if (qi + 1 >= end || !ed->qs[qi + 1].prompt ||
			    strcmp(ed->qs[qi + 1].prompt, q->prompt) != 0)
				options(s, q);
		}
		/* "Please respond to each statement listed.": under the
		 * prompt, above the answers it starts. */
		if (q->instruction && *q->instruction)
			wrapped(s, 0, q->instruction);
		if (grid_cell(q)) {
			qi = model_grid(s, qi, end) - 1;
			continue;
		}
		v = answers_get(s->in->a, qi);
		if (q->type == Q_MULTI) {
			multi_value(s, q, v);
		} else if (q->type == Q_LONGTEXT && v) {
			wrapped(s, 2, q->label);
			wrapped(s, 6, v);
		} else {
			labelled(s, q->label, answer_text(q, v));
		}
	}
}

static void cross_checks(struct sheet *s)
{
	const struct figures *f = s->in->f;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d[MONEY_BUFSZ], line[200];
	char name[128];
	bool any = false;

	fputc('\n', s->out);
	fprintf(s->out, "  %-20s %22s %22s  %s\n", "Line of business",
	        "Sum of numerators", "Denominator", "Equal?");
	for (int l = 0; l < LOB_COUNT; l++) {
		const struct xcheck *x = &f->xc[l];

		if (!x->selected)
			continue;
		any = true;
		if (x->sum.has)
			money_format_display(x->sum.cents, a);
		else
			snprintf(a, sizeof a, "(none)");
		if (x->denominator.has)
			money_format_display(x->denominator.cents, b);
		else
			snprintf(b, sizeof b, "(not answered)");
		sanitize_text(edition_line_name(s->in->ed, l), SANITIZE_ONE_LINE,
		              name, sizeof name);
		fprintf(s->out, "  %-20s %22s %22s  %s\n", name, a, b,
		        x->overflow ? "n/a" : !x->computable ? "n/a" :
		        x->ok ? "Yes" : "No");
		if (x->computable && !x->ok && !x->overflow) {
			money_format_display(x->diff > 0 ? x->diff : -x->diff, d);
			snprintf(line, sizeof line, "%s by %s", x->diff > 0 ?
			         "Over the denominator" : "Short of the denominator",
			         d);
			wrapped(s, 4, line);
		}
	}
	if (!any)
		fprintf(s->out, "  No line of business is selected.\n");
}

static void plain_or_blank(const struct money_fig *m, char *buf)
{
	if (m->has)
		money_format(m->cents, buf);
	else
		snprintf(buf, MONEY_BUFSZ, "%s", m->overflow ? "n/a" : "(none)");
}

static void share_or_na(const struct share_fig *sf, char *buf)
{
	if (sf->ok) {
		pct_format_share(sf->pct, buf);
		strcat(buf, "%");
	} else {
		snprintf(buf, PCT_BUFSZ, "n/a");
	}
}

/* Per line, the dollars that meet the threshold, that do not, and all
 * shared-risk dollars, each with its share of the line's total spend. */
static void nominal_summary(struct sheet *s)
{
	static const char *const what[3] = {
		"Meets the LAN nominal risk threshold",
		"Does not meet the threshold",
		"All FFS-based shared-risk dollars",
	};
	const struct figures *f = s->in->f;
	const struct nr_totals *t = &f->nr_totals;
	char m[MONEY_BUFSZ], p[PCT_BUFSZ], head[160];

	if (f->nr_method == NR_METHOD_NONE)
		return;
	if (f->nr_method == NR_METHOD_WORKSHEET) {
		snprintf(head, sizeof head, "Worksheet: %lld contract%s",
		         (long long)t->contracts, t->contracts == 1 ? "" : "s");
		if (t->incomplete)
			snprintf(head + strlen(head), sizeof head - strlen(head),
			         ", %lld incomplete (counted as not meeting)",
			         (long long)t->incomplete);
		if (t->unplaced)
			snprintf(head + strlen(head), sizeof head - strlen(head),
			         ", %lld with no line (counted nowhere)",
			         (long long)t->unplaced);
		fputc('\n', s->out);
		wrapped(s, 2, head);
		wrapped(s, 2, "(`apmwb export --format contracts` lists them.)");
	}
	for (int l = 0; l <= NR_ALL; l++) {
		const struct nr_line *n = &f->nr[l];
		const struct money_fig *mf[3] = { &n->meets, &n->fails, &n->total };
		const struct share_fig *sf[3] = { &n->meets_share, &n->fails_share,
		                                  &n->total_share };
		char spend[MONEY_BUFSZ];

		if (l < NR_ALL && !f->xc[l].selected)
			continue;
		plain_or_blank(&n->spend, spend);
		snprintf(head, sizeof head, "%s (total spend %s)",
		         l == NR_ALL ? "All lines" :
		         edition_line_nr_name(s->in->ed, l), spend);
		fputc('\n', s->out);
		wrapped(s, 2, head);
		for (int i = 0; i < 3; i++) {
			char v[MONEY_BUFSZ + 8];

			/* Plain numbers to the cent, as every value to type. */
			plain_or_blank(mf[i], m);
			snprintf(v, sizeof v, "%s %s", l == NR_ALL ? "Total:" :
			         "Type:", m);
			share_or_na(sf[i], p);
			fprintf(s->out, "    %-38s %24s %7s\n", what[i], v, p);
		}
	}
}

/* ---- checks and hidden answers ---- */

static const struct export_ack *find_ack(const struct export_input *in,
                                         const char *id)
{
	for (size_t i = 0; i < in->nacks; i++)
		if (in->acks[i].id && strcmp(in->acks[i].id, id) == 0)
			return &in->acks[i];
	return NULL;
}

/* A stored field that must stay on its line (a name, a time, the file's
 * own name): line breaks written as \n. */
static char *one_line(const char *text)
{
	return sanitize_dup(text ? text : "?", SANITIZE_ONE_LINE);
}

static void checks_section(struct sheet *s)
{
	const struct check_list *l = s->in->checks;
	char head[128];

	fputc('\n', s->out);
	rule(s, '=');
	snprintf(head, sizeof head, "%zu error%s, %zu warning%s (%zu "
	         "acknowledged)", l ? l->errors : 0,
	         l && l->errors == 1 ? "" : "s", l ? l->warnings : 0,
	         l && l->warnings == 1 ? "" : "s", l ? l->acknowledged : 0);
	spread(s, 0, "Checks", head);
	rule(s, '=');
	for (size_t i = 0; l && i < l->n; i++) {
		const struct check_item *it = &l->items[i];
		const struct export_ack *k;
		char *line = mem_printf("%s [%s]", it->message, it->id);

		fputc('\n', s->out);
		para(s, it->sev == SEV_ERROR ? "  ERROR: " : "  Warning: ",
		     it->sev == SEV_ERROR ? 9 : 11, line ? line : it->message);
		mem_free(line);
		if (it->hint)
			wrapped(s, 6, it->hint);
		if (!it->ack_reason)
			continue;
		k = find_ack(s->in, it->id);
		if (k && k->by && k->at) {
			char *by = one_line(k->by), *at = one_line(k->at);

			line = by && at ? mem_printf("Acknowledged by %s at %s: %s", by,
			                             at, it->ack_reason) : NULL;
			mem_free(by);
			mem_free(at);
		} else
			line = mem_printf("Acknowledged: %s", it->ack_reason);
		wrapped(s, 6, line ? line : it->ack_reason);
		mem_free(line);
	}
	if (!l || !l->n)
		fprintf(s->out, "  None.\n");
}

static void hidden_section(struct sheet *s)
{
	const struct edition *ed = s->in->ed;
	bool any = false;

	for (size_t q = 0; q < ed->nq; q++) {
		const struct question *hq = &ed->qs[q];
		const char *v = answers_get(s->in->a, (int)q);
		char *line;

		if (!figures_hidden_answer(s->in->f, s->in->a, (int)q))
			continue;
		if (!any) {
			fputc('\n', s->out);
			wrapped(s, 0, "Kept in the file but hidden by display logic: "
			        "counted nowhere and left out of the csv and qualtrics "
			        "exports (the json export keeps them); shown again "
			        "when their condition holds:");
			any = true;
		}
		if (hq->type == Q_MULTI) {
			char *flat = mem_strdup(v);

			for (char *p = flat; p && *p; p++)
				if (*p == '\n')
					*p = ' ';
			line = mem_printf("%s = %s", hq->key, flat ? flat : "?");
			mem_free(flat);
		} else {
			line = mem_printf("%s = %s", hq->key, v);
		}
		fputc('\n', s->out);
		wrapped(s, 2, line ? line : hq->key);
		mem_free(line);
		{
			char when[512];

			edition_condition_words(ed, (int)q, when, sizeof when);
			line = mem_printf("asked only when %s", when);
		}
		wrapped(s, 6, line ? line : "");
		mem_free(line);
	}
}

bool export_show(FILE *out, const struct export_input *in, int width,
                 char *err, size_t errlen)
{
	struct sheet s = { out, in, width < 60 ? 60 : width, NULL, 0, false };
	const struct edition *ed = in->ed;
	char *line;

	line = mem_printf("%s (%s), %s edition: %s", ed->title, ed->form, ed->id,
	                  ed->data_year);
	wrapped(&s, 0, line ? line : ed->title);
	mem_free(line);
	{
		char *file = one_line(in->file ? in->file : ""), *by = NULL,
		     *at = NULL;

		if (in->complete) {
			by = one_line(in->signed_by);
			at = one_line(in->signed_at);
		}
		if (!file || (in->complete && (!by || !at)))
			line = NULL;
		else if (in->complete)
			line = mem_printf("%s: COMPLETE, signed off by %s at %s", file,
			                  by, at);
		else
			line = mem_printf("%s: DRAFT, not signed off", file);
		wrapped(&s, 0, line ? line : "");
		mem_free(line);
		mem_free(file);
		mem_free(by);
		mem_free(at);
	}
	fputc('\n', out);
	wrapped(&s, 0, "The online survey's questions in its page order, with "
	        "the value to type or pick.  Dollars are plain numbers to the "
	        "cent, as the form's number fields take them; the form computes "
	        "shares and totals itself, shown here to compare.");
	for (size_t t = 0; t < ed->ntabs; t++) {
		const struct tab *tab = &ed->tabs[t];
		bool shown = false;

		for (int q = tab->first_q; q < tab->first_q + tab->nq; q++)
			shown |= in->f->shown[q];
		if (tab->lob != LOB_NONE && !in->f->xc[tab->lob].selected)
			continue;       /* a line not reported on */
		if (!shown && strcmp(tab->id, "xc") != 0)
			continue;
		tab_header(&s, (int)t);
		tab_questions(&s, tab);
		if (strcmp(tab->id, "xc") == 0)
			cross_checks(&s);
		if (strcmp(tab->id, "nr") == 0)
			nominal_summary(&s);
	}
	checks_section(&s);
	hidden_section(&s);
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the copy sheet");
		return false;
	}
	return true;
}
