/* SPDX-License-Identifier: MIT */
/* figures.c: display logic, computed rows, shares, cross-checks and the
 * nominal-risk summary: every figure of a submission, in one place. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"
#include "money.h"

struct figures *figures_new(const struct edition *ed)
{
	struct figures *f = mem_calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->ed = ed;
	f->shown = mem_calloc(ed->nq, sizeof *f->shown);
	f->money = mem_calloc(ed->nq, sizeof *f->money);
	f->share = mem_calloc(ed->nq, sizeof *f->share);
	f->progress = mem_calloc(ed->ntabs, sizeof *f->progress);
	if (!f->shown || !f->money || !f->share || !f->progress) {
		figures_free(f);
		return NULL;
	}
	return f;
}

void figures_free(struct figures *f)
{
	if (!f)
		return;
	mem_free(f->shown);
	mem_free(f->money);
	mem_free(f->share);
	mem_free(f->progress);
	mem_free(f);
}

/* Does question q, if shown, have `value` (one of several for a multi)? */
static bool has_value(const struct figures *f, const struct answers *a, int q,
                      const char *value)
{
	const char *v = answers_get(a, q);

	if (!f->shown[q] || !v)
		return false;
	if (f->ed->qs[q].type == Q_MULTI)
		return answers_has_choice(a, q, value);
	return strcmp(v, value) == 0;
}

static bool condition_holds(const struct figures *f, const struct answers *a,
                            const struct question *q)
{
	for (size_t i = 0; i < q->ncond; i++) {
		const struct cond_term *t = &q->cond[i];
		int n = 0;

		for (size_t k = 0; k < t->nkeys; k++)
			n += has_value(f, a, t->qidx[k], t->value);
		if (n < t->min_count)
			return false;
	}
	return true;
}

/* A sum past the exact range, for good: later terms must not start it
 * afresh (that would show the sum of the terms after the overflow). */
static void overflowed(struct figures *f, struct money_fig *sum)
{
	f->overflow = true;
	sum->has = false;
	sum->overflow = true;
	sum->cents = 0;
}

static void add_fig(struct figures *f, struct money_fig *sum,
                    const struct money_fig *v)
{
	if (sum->overflow)
		return;
	if (v->overflow) {
		overflowed(f, sum);
		return;
	}
	if (!v->has)
		return;
	if (!sum->has) {
		*sum = *v;
		return;
	}
	if (!money_add(sum->cents, v->cents, &sum->cents))
		overflowed(f, sum);
}

static void share_of(struct share_fig *s, const struct money_fig *part,
                     const struct money_fig *whole)
{
	s->ok = part->has && whole->has &&
	        pct_share(part->cents, whole->cents, &s->pct);
	if (!s->ok)
		s->pct = 0;
}

static void compute_rows(struct figures *f, const struct answers *a)
{
	const struct edition *ed = f->ed;

	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];
		struct money_fig *m = &f->money[i];
		const char *v = answers_get(a, (int)i);

		f->shown[i] = condition_holds(f, a, q);
		m->has = false;
		m->cents = 0;
		if (!f->shown[i])
			continue;
		if (q->type == Q_MONEY && v) {
			/* A stored amount that does not parse (a file changed
			 * behind apmwb's back) counts as blank, never as zero. */
			m->has = money_parse(v, &m->cents, NULL, 0);
		} else if (q->type == Q_COMPUTED) {
			for (size_t k = 0; k < q->nformula; k++)
				add_fig(f, m, &f->money[q->formula[k]]);
		}
	}
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];

		f->share[i].ok = false;
		f->share[i].pct = 0;
		if (f->shown[i] && q->denominator >= 0 && q->role != ROLE_DENOMINATOR)
			share_of(&f->share[i], &f->money[i], &f->money[q->denominator]);
	}
}

static void compute_xc(struct figures *f)
{
	const struct edition *ed = f->ed;

	f->lines_selected = 0;
	for (int l = 0; l < LOB_COUNT; l++) {
		struct xcheck *x = &f->xc[l];
		int d = edition_denominator(ed, l);

		memset(x, 0, sizeof *x);
		if (d < 0 || !f->shown[d])
			continue;
		x->selected = true;
		f->lines_selected++;
		x->denominator = f->money[d];
		for (size_t i = 0; i < ed->nq; i++) {
			if (ed->qs[i].lob != l || ed->qs[i].role != ROLE_NUMERATOR)
				continue;
			if (f->money[i].has && x->sum.has &&
			    !money_add(x->sum.cents, f->money[i].cents, &x->sum.cents))
				x->overflow = true;
			else if (f->money[i].has && !x->sum.has)
				x->sum = f->money[i];
		}
		x->computable = x->denominator.has && !x->overflow;
		if (x->computable) {
			/* Blank numerators count as nothing: the sum is 0. */
			int64_t sum = x->sum.has ? x->sum.cents : 0;

			if (!money_sub(sum, x->denominator.cents, &x->diff)) {
				x->overflow = true;
				x->computable = false;
			}
			x->ok = x->computable && x->diff == 0;
		}
		if (x->overflow)
			f->overflow = true;
	}
}

static void nr_shares(struct nr_line *n)
{
	share_of(&n->meets_share, &n->meets, &n->spend);
	share_of(&n->fails_share, &n->fails, &n->spend);
	share_of(&n->total_share, &n->total, &n->spend);
}

static void compute_nr(struct figures *f, const struct answers *a,
                       const struct nr_totals *t)
{
	const struct edition *ed = f->ed;
	int mq = ed->nr_method_q;
	struct nr_line *all = &f->nr[NR_ALL];
	bool all_spend = true;

	memset(f->nr, 0, sizeof f->nr);
	if (t)
		f->nr_totals = *t;
	else
		nominal_totals_init(&f->nr_totals);
	f->nr_asked = mq >= 0 && f->shown[mq];
	f->nr_method = NR_METHOD_NONE;
	if (f->nr_asked && answers_get(a, mq)) {
		if (strcmp(answers_get(a, mq), ed->nr_attest) == 0)
			f->nr_method = NR_METHOD_ATTEST;
		else if (strcmp(answers_get(a, mq), ed->nr_worksheet) == 0)
			f->nr_method = NR_METHOD_WORKSHEET;
	}
	if (f->nr_method == NR_METHOD_NONE)
		return;
	for (int l = 0; l < LOB_COUNT; l++) {
		struct nr_line *n = &f->nr[l];

		if (!f->xc[l].selected)
			continue;
		n->spend = f->xc[l].denominator;
		if (f->nr_method == NR_METHOD_WORKSHEET &&
		    f->nr_totals.overflow) {
			/* Some line's kept sum went past the range: which one's
			 * figure is partial cannot be told, so none is shown. */
			overflowed(f, &n->meets);
			overflowed(f, &n->fails);
		} else if (f->nr_method == NR_METHOD_WORKSHEET) {
			n->meets.has = n->fails.has = true;
			n->meets.cents = f->nr_totals.meets[l];
			n->fails.cents = f->nr_totals.fails[l];
		} else {
			/* Attesting says every FFS-based shared-risk dollar meets
			 * the threshold: row 8's dollars, none failing. */
			int r = edition_model_row(ed, l, ed->nr_model);

			if (r >= 0 && f->money[r].has) {
				n->meets = f->money[r];
				n->fails.has = true;
			}
		}
		n->total = n->meets;
		add_fig(f, &n->total, &n->fails);
		nr_shares(n);
		add_fig(f, &all->meets, &n->meets);
		add_fig(f, &all->fails, &n->fails);
		if (n->spend.has)
			add_fig(f, &all->spend, &n->spend);
		else
			all_spend = false;
	}
	if (f->nr_totals.overflow)
		f->overflow = true;
	all->total = all->meets;
	add_fig(f, &all->total, &all->fails);
	/* A total share over some lines' spend would read as the whole. */
	if (!all_spend)
		all->spend.has = false;
	nr_shares(all);
}

static void compute_progress(struct figures *f, const struct answers *a)
{
	const struct edition *ed = f->ed;

	for (size_t t = 0; t < ed->ntabs; t++)
		f->progress[t].asked = f->progress[t].answered = 0;
	for (size_t i = 0; i < ed->nq; i++) {
		struct tab_progress *p = &f->progress[ed->qs[i].tab];

		if (!f->shown[i] || ed->qs[i].type == Q_COMPUTED)
			continue;
		p->asked++;
		p->answered += answers_get(a, (int)i) != NULL;
	}
}

void figures_compute(struct figures *f, const struct answers *a,
                     const struct nr_totals *t)
{
	f->overflow = false;
	compute_rows(f, a);
	compute_xc(f);
	compute_nr(f, a, t);
	compute_progress(f, a);
}

bool figures_hidden_answer(const struct figures *f, const struct answers *a,
                           int q)
{
	return q >= 0 && (size_t)q < f->ed->nq && !f->shown[q] &&
	       answers_get(a, q) != NULL;
}

/* ---- computed keys ---- */

static void money_text(const struct money_fig *m, char *buf, size_t n)
{
	char tmp[MONEY_BUFSZ];

	if (!m->has) {
		snprintf(buf, n, "%s", m->overflow ? "n/a" : "");
		return;
	}
	money_format(m->cents, tmp);
	snprintf(buf, n, "%s", tmp);
}

static void share_text(const struct share_fig *s, char *buf, size_t n)
{
	char tmp[PCT_BUFSZ];

	if (!s->ok) {
		snprintf(buf, n, "%s", "n/a");
		return;
	}
	pct_format_share(s->pct, tmp);
	snprintf(buf, n, "%s", tmp);
}

static int nr_line_from_word(const char *w, size_t len)
{
	if (len == 3 && strncmp(w, "all", 3) == 0)
		return NR_ALL;
	for (int l = 0; l < LOB_COUNT; l++)
		if (strlen(lob_nr_id(l)) == len && strncmp(w, lob_nr_id(l), len) == 0)
			return l;
	return -1;
}

/* nr.<line>.<meets|fails|total>[.share] */
static bool nr_key_text(const struct figures *f, const char *key, char *buf,
                        size_t n)
{
	static const char *const parts[] = { "meets", "fails", "total" };
	const char *p = key + 3, *dot = strchr(p, '.');
	const struct nr_line *nl;
	int line;

	if (!dot)
		return false;
	line = nr_line_from_word(p, (size_t)(dot - p));
	if (line < 0)
		return false;
	nl = &f->nr[line];
	p = dot + 1;
	for (int i = 0; i < 3; i++) {
		size_t len = strlen(parts[i]);
		const struct money_fig *m = i == 0 ? &nl->meets : i == 1 ? &nl->fails : &nl->total;
		const struct share_fig *s = i == 0 ? &nl->meets_share :
		                            i == 1 ? &nl->fails_share : &nl->total_share;

		if (strncmp(p, parts[i], len) != 0)
			continue;
		if (p[len] == '\0') {
			money_text(m, buf, n);
			return true;
		}
		if (strcmp(p + len, ".share") == 0) {
			if (m->has)
				share_text(s, buf, n);
			else
				snprintf(buf, n, "%s", m->overflow ? "n/a" : "");
			return true;
		}
	}
	return false;
}

/* xc.<lob>.<sum|ok|diff> */
static bool xc_key_text(const struct figures *f, const char *key, char *buf,
                        size_t n)
{
	const char *p = key + 3, *dot = strchr(p, '.');
	const struct xcheck *x = NULL;
	char tmp[MONEY_BUFSZ];

	if (!dot)
		return false;
	for (int l = 0; l < LOB_COUNT; l++)
		if (strlen(lob_id(l)) == (size_t)(dot - p) &&
		    strncmp(p, lob_id(l), (size_t)(dot - p)) == 0)
			x = &f->xc[l];
	if (!x)
		return false;
	p = dot + 1;
	snprintf(buf, n, "%s", "");
	if (strcmp(p, "sum") == 0) {
		money_text(&x->sum, buf, n);
	} else if (strcmp(p, "ok") == 0) {
		if (x->computable)
			snprintf(buf, n, "%s", x->ok ? "yes" : "no");
	} else if (strcmp(p, "diff") == 0) {
		if (x->computable) {
			money_format(x->diff, tmp);
			snprintf(buf, n, "%s", tmp);
		}
	} else {
		return false;
	}
	return true;
}

enum key_kind figures_key_text(const struct figures *f,
                               const struct answers *a, const char *key,
                               char *buf, size_t n)
{
	const struct edition *ed = f->ed;
	size_t len = strlen(key);
	int q = edition_find(ed, key);

	if (n)
		buf[0] = '\0';
	if (q >= 0) {
		if (ed->qs[q].type == Q_COMPUTED) {
			money_text(&f->money[q], buf, n);
			return KEY_COMPUTED;
		}
		snprintf(buf, n, "%s", answers_get(a, q) ? answers_get(a, q) : "");
		return KEY_ANSWER;
	}
	if (len > 6 && strcmp(key + len - 6, ".share") == 0) {
		char base[128];

		if (len - 6 >= sizeof base)
			return KEY_UNKNOWN;
		memcpy(base, key, len - 6);
		base[len - 6] = '\0';
		q = edition_find(ed, base);
		if (q >= 0 && ed->qs[q].denominator >= 0 &&
		    ed->qs[q].role != ROLE_DENOMINATOR) {
			if (f->shown[q] && f->money[q].has)
				share_text(&f->share[q], buf, n);
			else if (f->shown[q])
				snprintf(buf, n, "%s", "n/a");
			return KEY_COMPUTED;
		}
	}
	if (strncmp(key, "xc.", 3) == 0 && xc_key_text(f, key, buf, n))
		return KEY_COMPUTED;
	if (strncmp(key, "nr.", 3) == 0 && nr_key_text(f, key, buf, n))
		return KEY_COMPUTED;
	if (n)
		buf[0] = '\0';
	return KEY_UNKNOWN;
}

/* A line's row 1 condition, or "always": when its tab is shown. */
static const char *line_shown(const struct edition *ed, int lob)
{
	int d = edition_denominator(ed, lob);

	return d >= 0 && ed->qs[d].show_if_text ? ed->qs[d].show_if_text :
	       "always";
}

/* Each line's rows 5, 10 and 16-19 and every row's share. */
static void each_row_key(const struct edition *ed, figures_def_fn fn,
                         void *ctx)
{
	char key[160];
	struct figure_def d;

	for (int l = 0; l < LOB_COUNT; l++) {
		for (size_t i = 0; i < ed->nq; i++) {
			const struct question *q = &ed->qs[i];

			if (q->lob != l || q->denominator < 0 ||
			    q->role == ROLE_DENOMINATOR)
				continue;
			d.tab = q->tab;
			d.q = (int)i;
			d.lob = LOB_NONE;
			d.shown = q->show_if_text ? q->show_if_text : "always";
			if (q->type == Q_COMPUTED) {
				d.key = q->key;
				d.label = q->label;
				d.kind = FIG_DOLLARS;
				fn(ctx, &d);
			}
			snprintf(key, sizeof key, "%s.share", q->key);
			d.key = key;
			d.label = q->share_label ? q->share_label : q->label;
			d.kind = FIG_SHARE;
			fn(ctx, &d);
		}
	}
}

/* Each line's cross-check: xc.<lob>.sum, .ok, .diff. */
static void each_xc_key(const struct edition *ed, figures_def_fn fn,
                        void *ctx)
{
	static const char *const xc_parts[] = { "sum", "ok", "diff" };
	static const char *const xc_words[] = {
		"sum of numerators",
		"is the denominator equal to the sum of the numerators?",
		"sum of numerators minus denominator",
	};
	int xc_tab = edition_find_tab(ed, "xc");
	char key[160], label[512];
	struct figure_def d;

	for (int l = 0; l < LOB_COUNT; l++) {
		if (edition_denominator(ed, l) < 0)
			continue;
		for (int i = 0; i < 3; i++) {
			snprintf(key, sizeof key, "xc.%s.%s", lob_id(l), xc_parts[i]);
			snprintf(label, sizeof label, "%s: %s",
			         edition_line_name(ed, l), xc_words[i]);
			d = (struct figure_def){ key, label,
			                         i == 1 ? FIG_YESNO : FIG_DOLLARS,
			                         xc_tab, -1, l, line_shown(ed, l) };
			fn(ctx, &d);
		}
	}
}

/* The nominal-risk summary: nr.<line>.meets, .fails, .total and shares. */
static void each_nr_key(const struct edition *ed, figures_def_fn fn,
                        void *ctx)
{
	static const char *const nr_parts[] = { "meets", "fails", "total" };
	static const char *const nr_words[] = {
		"dollars that meet the LAN nominal risk threshold",
		"dollars that do not meet the LAN nominal risk threshold",
		"all FFS-based shared-risk dollars",
	};
	int nr_tab = edition_find_tab(ed, "nr");
	char key[160], label[512], shown[512];
	struct figure_def d;

	for (int l = 0; l <= NR_ALL; l++) {
		const char *word = l == NR_ALL ? "all" : lob_nr_id(l);
		const char *name = l == NR_ALL ? "All lines" :
		                   edition_line_nr_name(ed, l);
		const char *method = ed->qs[ed->nr_method_q].key;

		if (l < NR_ALL && edition_denominator(ed, l) < 0)
			continue;
		if (l == NR_ALL)
			snprintf(shown, sizeof shown, "%s answered", method);
		else
			snprintf(shown, sizeof shown, "%s answered & %s", method,
			         line_shown(ed, l));
		for (int i = 0; i < 3; i++) {
			snprintf(key, sizeof key, "nr.%s.%s", word, nr_parts[i]);
			snprintf(label, sizeof label, "%s: %s", name, nr_words[i]);
			d = (struct figure_def){ key, label, FIG_DOLLARS, nr_tab, -1,
			                         l, shown };
			fn(ctx, &d);
			snprintf(key, sizeof key, "nr.%s.%s.share", word,
			         nr_parts[i]);
			snprintf(label + strlen(label), sizeof label - strlen(label),
			         ", %% of total spend");
			d.kind = FIG_SHARE;
			fn(ctx, &d);
		}
	}
}

void figures_each_key(const struct edition *ed, figures_def_fn fn,
                      void *ctx)
{
	each_row_key(ed, fn, ctx);
	each_xc_key(ed, fn, ctx);
	if (ed->nr_method_q >= 0)
		each_nr_key(ed, fn, ctx);
}

struct computed_ctx {
	const struct figures *f;
	const struct answers *a;
	figures_key_fn fn;
	void *ctx;
};

/* Shown as figures_each_computed() has always said: a metric figure of a
 * selected line whose row is shown, a selected line's cross-check, the
 * nominal-risk summary once a method is chosen (a line's for selected
 * lines). */
static void computed_if_shown(void *ctx, const struct figure_def *d)
{
	const struct computed_ctx *cc = ctx;
	const struct figures *f = cc->f;
	char value[64];

	if (d->q >= 0) {
		if (!f->xc[f->ed->qs[d->q].lob].selected || !f->shown[d->q])
			return;
	} else if (strncmp(d->key, "xc.", 3) == 0) {
		if (!f->xc[d->lob].selected)
			return;
	} else if (f->nr_method == NR_METHOD_NONE ||
	           (d->lob < NR_ALL && !f->xc[d->lob].selected)) {
		return;
	}
	figures_key_text(f, cc->a, d->key, value, sizeof value);
	cc->fn(cc->ctx, d->key, d->label, value);
}

void figures_each_computed(const struct figures *f, const struct answers *a,
                           figures_key_fn fn, void *ctx)
{
	struct computed_ctx cc = { f, a, fn, ctx };

	figures_each_key(f->ed, computed_if_shown, &cc);
}
