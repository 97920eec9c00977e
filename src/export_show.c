/* export_show.c: the copy sheet, for typing answers into the online form
 * page by page and for reading a submission in a pager. */
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

#define LABEL_COLS 30

struct sheet {
	FILE *out;
	const struct export_input *in;
	int width;
	int indent;     /* for wrapped(): columns before each line */
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

static void wrapped_line(void *ctx, const char *line, size_t n)
{
	struct sheet *s = ctx;
	char *copy = mem_strndup(line, n);

	fprintf(s->out, "%*s", s->indent, "");
	put(s, copy ? copy : "");
	fputc('\n', s->out);
	mem_free(copy);
}

/* Text wrapped to the sheet's width after `indent` columns. */
static void wrapped(struct sheet *s, int indent, const char *text)
{
	char *clean = sanitize_dup(text, SANITIZE_KEEP_NEWLINES);

	s->indent = indent;
	wrap_text(clean ? clean : "", s->width - indent, wrapped_line, s);
	mem_free(clean);
}

static void rule(struct sheet *s, const char *ch)
{
	for (int i = 0; i < s->width; i++)
		fputs(ch, s->out);
	fputc('\n', s->out);
}

/* "left ... right" on one line of the sheet's width. */
static void spread(struct sheet *s, int indent, const char *left,
                   const char *right)
{
	int lw = wrap_width(left, strlen(left)), rw = wrap_width(right, strlen(right));
	int gap = s->width - indent - lw - rw;

	fprintf(s->out, "%*s", indent, "");
	put(s, left);
	fprintf(s->out, "%*s", gap > 1 ? gap : 2, "");
	put(s, right);
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
	rule(s, "=");
	spread(s, 0, ed->tabs[t].title, right);
	rule(s, "=");
}

/* The value a respondent types or picks for question q. */
static void value_text(const struct question *q, const char *v, char *buf,
                       size_t n)
{
	if (!v) {
		snprintf(buf, n, "(not answered)");
		return;
	}
	switch (q->type) {
	case Q_YESNO:
		snprintf(buf, n, "%s", strcmp(v, "yes") == 0 ? "Yes" : "No");
		return;
	case Q_CHOICE: {
		const struct choice *c = edition_find_choice(q, v);

		snprintf(buf, n, "%s", c ? c->label : v);
		return;
	}
	case Q_MULTI:
		buf[0] = '\0';
		for (const char *p = v; p && *p;) {
			const char *nl = strchr(p, '\n');
			char item[128];
			const struct choice *c;
			size_t len = strlen(buf);

			snprintf(item, sizeof item, "%.*s",
			         (int)(nl ? (size_t)(nl - p) : strlen(p)), p);
			c = edition_find_choice(q, item);
			snprintf(buf + len, n - len, "%s%s", len ? "; " : "",
			         c ? c->label : item);
			p = nl ? nl + 1 : NULL;
		}
		return;
	default:
		snprintf(buf, n, "%s", v);
	}
}

static void labelled(struct sheet *s, const char *label, const char *value)
{
	int lw = wrap_width(label, strlen(label));

	if (lw <= LABEL_COLS - 4 && !strchr(value, '\n') &&
	    wrap_width(value, strlen(value)) <= s->width - LABEL_COLS) {
		fputs("  ", s->out);
		put(s, label);
		fprintf(s->out, "%*s", LABEL_COLS - 2 - lw, "");
		put(s, value);
		fputc('\n', s->out);
		return;
	}
	wrapped(s, 2, label);
	wrapped(s, 6, value);
}

static void metric_row(struct sheet *s, int qi)
{
	const struct figures *f = s->in->f;
	const struct question *q = &s->in->ed->qs[qi];
	char num[8], left[96], right[48], money[MONEY_BUFSZ], pct[PCT_BUFSZ];

	if (q->section) {
		fputc('\n', s->out);
		wrapped(s, 0, q->section);
	}
	snprintf(num, sizeof num, "%3s", q->row ? q->row : "");
	fputs(num, s->out);
	fputc(' ', s->out);
	s->indent = 4;
	{
		char *clean = sanitize_dup(q->label, 0);
		bool first = true;
		const char *p = clean ? clean : "";
		size_t n = strlen(p);

		/* The first line follows the row number; the rest indent. */
		while (n) {
			size_t fit = wrap_fit(p, n, s->width - 4), cut = fit;

			if (fit < n) {
				while (cut > 0 && p[cut] != ' ')
					cut--;
				if (cut == 0)
					cut = fit;
			}
			fprintf(s->out, "%*s%.*s\n", first ? 0 : 4, "", (int)cut, p);
			first = false;
			while (cut < n && p[cut] == ' ')
				cut++;
			p += cut;
			n -= cut;
		}
		if (first)
			fputc('\n', s->out);
		mem_free(clean);
	}
	if (q->role == ROLE_DENOMINATOR) {
		if (f->money[qi].has) {
			money_format(f->money[qi].cents, money);
			snprintf(left, sizeof left, "Type: %s", money);
		} else {
			snprintf(left, sizeof left, "Type: (not answered)");
		}
		spread(s, 4, left, "denominator");
		return;
	}
	if (f->money[qi].has) {
		money_format(f->money[qi].cents, money);
		snprintf(left, sizeof left, "%s %s",
		         q->type == Q_COMPUTED ? "Computed:" : "Type:", money);
	} else {
		snprintf(left, sizeof left, "%s",
		         q->type == Q_COMPUTED ? "Computed: (blank: nothing to add)" :
		         "Type: (not answered)");
	}
	if (f->share[qi].ok) {
		pct_format_share(f->share[qi].pct, pct);
		snprintf(right, sizeof right, "%s%% of row 1", pct);
	} else {
		snprintf(right, sizeof right, "share: n/a");
	}
	spread(s, 4, left, right);
}

static void question(struct sheet *s, int qi, const char **prompt)
{
	const struct edition *ed = s->in->ed;
	const struct question *q = &ed->qs[qi];
	const char *v = answers_get(s->in->a, qi);
	char value[1024], label[512];

	if (q->denominator >= 0) {
		metric_row(s, qi);
		return;
	}
	if (q->prompt && *q->prompt && (!*prompt || strcmp(*prompt, q->prompt) != 0)) {
		fputc('\n', s->out);
		wrapped(s, 0, q->prompt);
		*prompt = q->prompt;
	}
	if (q->model && edition_find_model(ed, q->model))
		snprintf(label, sizeof label, "%s, %s", q->label, lob_short(q->lob));
	else
		snprintf(label, sizeof label, "%s", q->label);
	if (q->type == Q_LONGTEXT && v) {
		wrapped(s, 2, label);
		wrapped(s, 6, v);
		return;
	}
	value_text(q, v, value, sizeof value);
	labelled(s, label, value);
}

static void cross_checks(struct sheet *s)
{
	const struct figures *f = s->in->f;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d[MONEY_BUFSZ], line[200];
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
		fprintf(s->out, "  %-20s %22s %22s  %s\n", lob_name(l), a, b,
		        !x->computable ? "n/a" : x->ok ? "Yes" : "No");
		if (x->computable && !x->ok) {
			money_format_display(x->diff > 0 ? x->diff : -x->diff, d);
			snprintf(line, sizeof line, "%s by %s", x->diff > 0 ?
			         "Over the denominator" : "Short of the denominator", d);
			wrapped(s, 4, line);
		}
	}
	if (!any)
		fprintf(s->out, "  No line of business is selected.\n");
}

static void nominal_summary(struct sheet *s)
{
	const struct figures *f = s->in->f;
	char m[3][MONEY_BUFSZ], p[3][PCT_BUFSZ];

	if (f->nr_method == NR_METHOD_NONE)
		return;
	fputc('\n', s->out);
	if (f->nr_method == NR_METHOD_WORKSHEET)
		fprintf(s->out, "  Worksheet: %lld contract%s (`apmwb export "
		        "--format contracts` lists them)\n",
		        (long long)f->nr_totals.contracts,
		        f->nr_totals.contracts == 1 ? "" : "s");
	fprintf(s->out, "\n  %-12s %-25s %-25s %s\n", "", "Meets the threshold",
	        "Does not meet", "All shared risk");
	for (int l = 0; l <= NR_ALL; l++) {
		const struct nr_line *n = &f->nr[l];
		const struct money_fig *mf[3] = { &n->meets, &n->fails, &n->total };
		const struct share_fig *sf[3] = { &n->meets_share, &n->fails_share,
		                                  &n->total_share };

		if (l < NR_ALL && !f->xc[l].selected)
			continue;
		for (int i = 0; i < 3; i++) {
			if (mf[i]->has)
				money_format_display(mf[i]->cents, m[i]);
			else
				snprintf(m[i], sizeof m[i], "-");
			if (sf[i]->ok) {
				pct_format_share(sf[i]->pct, p[i]);
				strcat(p[i], "%");
			} else {
				snprintf(p[i], sizeof p[i], "n/a");
			}
		}
		fprintf(s->out, "  %-12s %18s %6s %18s %6s %18s %6s\n",
		        l == NR_ALL ? "Total" : lob_nr_name(l), m[0], p[0], m[1],
		        p[1], m[2], p[2]);
	}
	fprintf(s->out, "  (percentages are of each line's total spend, row 1)\n");
}

static void checks_section(struct sheet *s)
{
	const struct check_list *l = s->in->checks;
	char head[128];

	fputc('\n', s->out);
	rule(s, "=");
	snprintf(head, sizeof head, "%zu error%s, %zu warning%s (%zu acknowledged)",
	         l ? l->errors : 0, l && l->errors == 1 ? "" : "s",
	         l ? l->warnings : 0, l && l->warnings == 1 ? "" : "s",
	         l ? l->acknowledged : 0);
	spread(s, 0, "Checks", head);
	rule(s, "=");
	for (size_t i = 0; l && i < l->n; i++) {
		const struct check_item *it = &l->items[i];
		char *line = mem_printf("%s: %s", it->sev == SEV_ERROR ? "ERROR" :
		                        "Warning", it->message);

		wrapped(s, 2, line ? line : it->message);
		mem_free(line);
		if (it->hint)
			wrapped(s, 6, it->hint);
		if (it->ack_reason) {
			line = mem_printf("Acknowledged: %s", it->ack_reason);
			wrapped(s, 6, line ? line : it->ack_reason);
			mem_free(line);
		}
	}
	if (!l || !l->n)
		fprintf(s->out, "  None.\n");
}

static void hidden_section(struct sheet *s)
{
	const struct edition *ed = s->in->ed;
	bool any = false;

	for (size_t q = 0; q < ed->nq; q++) {
		char value[256], *line;

		if (!figures_hidden_answer(s->in->f, s->in->a, (int)q))
			continue;
		if (!any) {
			fputc('\n', s->out);
			wrapped(s, 0, "Kept but hidden (counted nowhere, exported "
			        "nowhere; shown again when their condition holds):");
			any = true;
		}
		value_text(&ed->qs[q], answers_get(s->in->a, (int)q), value,
		           sizeof value);
		line = mem_printf("%s = %s (shown when %s)", ed->qs[q].key, value,
		                  ed->qs[q].show_if_text ? ed->qs[q].show_if_text : "");
		wrapped(s, 2, line ? line : ed->qs[q].key);
		mem_free(line);
	}
}

bool export_show(FILE *out, const struct export_input *in, int width,
                 char *err, size_t errlen)
{
	struct sheet s = { out, in, width < 60 ? 60 : width, 0 };
	const struct edition *ed = in->ed;
	char line[512];

	snprintf(line, sizeof line, "%s (%s), %s edition: %s", ed->title,
	         ed->form, ed->id, ed->data_year);
	wrapped(&s, 0, line);
	if (in->complete)
		snprintf(line, sizeof line, "%s: COMPLETE, signed off by %s at %s",
		         in->file ? in->file : "", in->signed_by ? in->signed_by : "?",
		         in->signed_at ? in->signed_at : "?");
	else
		snprintf(line, sizeof line, "%s: DRAFT, not signed off",
		         in->file ? in->file : "");
	wrapped(&s, 0, line);
	wrapped(&s, 0, "The online survey's questions in its page order, with "
	        "the value to type.  Dollars are plain numbers to the cent; "
	        "shares and totals are computed by the form.");
	for (size_t t = 0; t < ed->ntabs; t++) {
		const struct tab *tab = &ed->tabs[t];
		const char *prompt = NULL;
		bool shown = false;

		for (int q = tab->first_q; q < tab->first_q + tab->nq; q++)
			shown |= in->f->shown[q];
		if (tab->lob != LOB_NONE && !in->f->xc[tab->lob].selected)
			continue;       /* a line not reported on */
		if (!shown && strcmp(tab->id, "xc") != 0)
			continue;
		tab_header(&s, (int)t);
		for (int q = tab->first_q; q < tab->first_q + tab->nq; q++)
			if (in->f->shown[q])
				question(&s, q, &prompt);
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
