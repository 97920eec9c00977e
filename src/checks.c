/* SPDX-License-Identifier: MIT */
/* checks.c: every error and warning of a submission, from its figures. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"
#include "money.h"

const char *severity_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : "warning";
}

struct builder {
	struct check_list *l;
	const struct figures *f;
	const struct answers *a;
	const struct edition *ed;
	bool ok;    /* false once memory ran out */
};

/* Every check's id starts with its family, and a family has one
 * severity: what an acknowledgement may name is known from the id alone,
 * before any figure is computed (an import of acknowledgements). */
static const struct {
	const char *prefix;     /* a family: "xc." holds xc.commercial ... */
	enum severity sev;
} families[] = {
	{ "required.", SEV_ERROR }, { "lines.none", SEV_ERROR },
	{ "xc.", SEV_ERROR }, { "overflow", SEV_ERROR },
	{ "m1.", SEV_WARNING }, { "nodollars.", SEV_WARNING },
	{ "over.", SEV_WARNING }, { "hidden.", SEV_WARNING },
	{ "nr.", SEV_WARNING },
};

enum severity checks_id_severity(const char *id)
{
	for (size_t i = 0; id && i < sizeof families / sizeof *families; i++) {
		size_t n = strlen(families[i].prefix);

		if (strncmp(id, families[i].prefix, n) == 0 &&
		    (families[i].prefix[n - 1] == '.' || id[n] == '\0'))
			return families[i].sev;
	}
	return SEV_WARNING;
}

/* Adds one check; the message is printf-formatted. */
static void add(struct builder *b, enum severity sev, int tab, int q,
                const char *keys, const char *hint, const char *id_prefix,
                const char *id_arg, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

static void add(struct builder *b, enum severity sev, int tab, int q,
                const char *keys, const char *hint, const char *id_prefix,
                const char *id_arg, const char *fmt, ...)
{
	struct check_list *l = b->l;
	struct check_item *it, *items;
	va_list ap;
	char msg[1024];

	if (!b->ok)
		return;
	items = mem_realloc_array(l->items, l->n + 1, sizeof *items);
	if (!items) {
		b->ok = false;
		return;
	}
	l->items = items;
	it = &items[l->n];
	memset(it, 0, sizeof *it);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	it->sev = sev;
	it->tab = tab;
	it->q = q;
	it->id = id_arg ? mem_printf("%s.%s", id_prefix, id_arg)
	                : mem_strdup(id_prefix);
	/* A check of a family with another severity is a bug here. */
	if (it->id && checks_id_severity(it->id) != sev)
		abort();
	it->keys = mem_strdup(keys ? keys : "");
	it->message = mem_strdup(msg);
	it->hint = hint ? mem_strdup(hint) : NULL;
	if (!it->id || !it->keys || !it->message || (hint && !it->hint)) {
		mem_free(it->id);
		mem_free(it->keys);
		mem_free(it->message);
		mem_free(it->hint);
		b->ok = false;
		return;
	}
	l->n++;
	if (sev == SEV_ERROR)
		l->errors++;
	else
		l->warnings++;
}

static const char *dollars(int64_t cents, char buf[MONEY_BUFSZ])
{
	money_format_display(cents, buf);
	return buf;
}

/* "Commercial row 8 (Cat 3B: FFS-based Shared Risk)" */
static void row_name(const struct edition *ed, const struct question *q,
                     char *buf, size_t n)
{
	const struct model *m = edition_find_model(ed, q->model);

	if (m)
		snprintf(buf, n, "%s row %s (%s)", edition_line_name(ed, q->lob),
		         q->row ? q->row : "?", m->label);
	else
		snprintf(buf, n, "%s row %s", edition_line_name(ed, q->lob),
		         q->row ? q->row : "?");
}

/* A metric row's number on its tab, as the messages name it. */
static const char *row_of(const struct edition *ed, int q)
{
	return q >= 0 && ed->qs[q].row ? ed->qs[q].row : "?";
}

static const char *help_body(const struct edition *ed, const char *id)
{
	const struct help_topic *h = edition_find_help(ed, id);

	return h ? h->body : NULL;
}

static int tab_of(const struct edition *ed, const char *id, int fallback)
{
	int t = edition_find_tab(ed, id);

	return t >= 0 ? t : fallback;
}

/* No line reported on: the questions that select one, and the lines'
 * names ("Commercial, MA or Medicaid"). */
static void check_no_line(struct builder *b)
{
	const struct edition *ed = b->ed;
	char keys[256] = "", names[256] = "";
	size_t kl = 0, nl = 0;
	int first = -1;

	for (int l = 0; l < LOB_COUNT; l++) {
		int q = edition_line_selector(ed, l);
		int w;

		if (q >= 0) {
			if (first < 0)
				first = q;
			w = snprintf(keys + kl, sizeof keys - kl, "%s%s",
			             kl ? " " : "", ed->qs[q].key);
			if (w > 0 && (size_t)w < sizeof keys - kl)
				kl += (size_t)w;
		}
		w = snprintf(names + nl, sizeof names - nl, "%s%s",
		             l == 0 ? "" : l + 1 < LOB_COUNT ? ", " : " or ",
		             edition_line_short(ed, l));
		if (w > 0 && (size_t)w < sizeof names - nl)
			nl += (size_t)w;
	}
	add(b, SEV_ERROR, first >= 0 ? ed->qs[first].tab : 0, first, keys, NULL,
	    "lines.none", NULL, "%s: select at least one line of business (%s)",
	    ed->tabs[first >= 0 ? ed->qs[first].tab : 0].title, names);
}

static void check_required(struct builder *b)
{
	const struct edition *ed = b->ed;

	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];

		if (!q->required || !b->f->shown[i] || answers_get(b->a, (int)i))
			continue;
		add(b, SEV_ERROR, q->tab, (int)i, q->key, NULL, "required", q->key,
		    "%s: %s is not answered", ed->tabs[q->tab].title, q->label);
	}
	if (b->f->lines_selected == 0)
		check_no_line(b);
}

static void check_line(struct builder *b, int l)
{
	const struct edition *ed = b->ed;
	const struct figures *f = b->f;
	const struct xcheck *x = &f->xc[l];
	int d = edition_denominator(ed, l);
	int tab = ed->qs[d].tab;
	char keys[256], m1[MONEY_BUFSZ], v[MONEY_BUFSZ], diff[MONEY_BUFSZ];
	char name[256];

	if (!x->denominator.has) {
		add(b, SEV_WARNING, tab, d, ed->qs[d].key, NULL, "m1", lob_id(l),
		    "%s: row %s, the total dollars paid to providers, is not "
		    "answered; the shares and the cross-check wait for it",
		    edition_line_name(ed, l), row_of(ed, d));
	} else if (!x->ok && x->computable) {
		snprintf(keys, sizeof keys, "xc.%s.sum %s", lob_id(l), ed->qs[d].key);
		add(b, SEV_ERROR, tab, d, keys,
		    help_body(ed, x->diff > 0 ? "xc_over" : "xc_under"),
		    "xc", lob_id(l),
		    "%s: the numerators add up to %s, not the denominator %s "
		    "(%s by %s)", edition_line_name(ed, l),
		    dollars(x->sum.has ? x->sum.cents : 0, v),
		    dollars(x->denominator.cents, m1),
		    x->diff > 0 ? "over" : "short",
		    dollars(x->diff > 0 ? x->diff : -x->diff, diff));
	}
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];
		const char *stored = answers_get(b->a, (int)i);

		if (q->lob != l || q->role != ROLE_NUMERATOR)
			continue;
		row_name(ed, q, name, sizeof name);
		if (f->shown[i]) {
			if (!f->money[i].has)
				add(b, SEV_WARNING, q->tab, (int)i, q->key, NULL,
				    "nodollars", q->key, "%s is marked in effect "
				    "but has no dollars entered", name);
			else if (f->money[i].cents == 0)
				add(b, SEV_WARNING, q->tab, (int)i, q->key, NULL,
				    "nodollars", q->key, "%s is marked in effect "
				    "but its dollars are $0.00", name);
			else if (x->denominator.has &&
			         f->money[i].cents > x->denominator.cents)
				add(b, SEV_WARNING, q->tab, (int)i, q->key, NULL,
				    "over", q->key, "%s, %s, is larger than row %s, "
				    "the line's total of %s", name,
				    dollars(f->money[i].cents, v), row_of(ed, d),
				    dollars(x->denominator.cents, m1));
		} else if (stored) {
			int64_t cents;
			int pm = -1;

			/* Dollars under a model not in effect count nowhere. */
			if (!money_parse(stored, &cents, NULL, 0) || cents == 0)
				continue;
			for (size_t k = 0; k < q->ncond && pm < 0; k++)
				if (q->cond[k].nkeys == 1)
					pm = q->cond[k].qidx[0];
			add(b, SEV_WARNING, q->tab, pm >= 0 ? pm : (int)i, q->key, NULL,
			    "hidden", q->key, "%s keeps %s, but its model is not "
			    "marked in effect: those dollars count nowhere", name,
			    dollars(cents, v));
		}
	}
}

static void check_nominal(struct builder *b)
{
	const struct edition *ed = b->ed;
	const struct figures *f = b->f;
	const struct nr_totals *t = &f->nr_totals;
	int tab = tab_of(ed, "nr", 0);
	int mq = ed->nr_method_q;
	const struct model *model = edition_find_model(ed, ed->nr_model);
	const char *mkey;
	char v[MONEY_BUFSZ], m8[300], keys[256];

	if (f->nr_method != NR_METHOD_WORKSHEET)
		return;
	mkey = ed->qs[mq].key;
	if (t->contracts == 0)
		add(b, SEV_WARNING, tab, mq, mkey, NULL, "nr.empty", NULL,
		    "Nominal risk: the worksheet method is chosen but the "
		    "worksheet has no contracts");
	if (t->incomplete > 0)
		add(b, SEV_WARNING, tab, mq, mkey, NULL, "nr.incomplete", NULL,
		    "Nominal risk: %lld contract%s of the worksheet %s a figure "
		    "missing and count%s as not meeting the threshold",
		    (long long)t->incomplete, t->incomplete == 1 ? "" : "s",
		    t->incomplete == 1 ? "has" : "have",
		    t->incomplete == 1 ? "s" : "");
	if (t->unplaced > 0)
		add(b, SEV_WARNING, tab, mq, mkey, NULL, "nr.unplaced", NULL,
		    "Nominal risk: contracts with %s in total have no line of "
		    "business and count in no line", dollars(t->unplaced, v));
	for (int l = 0; l < LOB_COUNT; l++) {
		int r = edition_model_row(ed, l, ed->nr_model);
		int64_t sheet, row;

		if (!f->xc[l].selected) {
			int64_t kept;

			if (money_add(t->meets[l], t->fails[l], &kept) && kept > 0)
				add(b, SEV_WARNING, tab, mq, mkey, NULL,
				    "nr.line", lob_id(l), "Nominal risk: the "
				    "worksheet has %s of %s contracts, but %s is not a "
				    "selected line of business", dollars(kept, v),
				    edition_line_nr_name(ed, l),
				    edition_line_name(ed, l));
			continue;
		}
		if (!f->nr[l].total.has)
			continue;
		sheet = f->nr[l].total.cents;
		row = r >= 0 && f->money[r].has ? f->money[r].cents : 0;
		if (sheet == row)
			continue;
		snprintf(keys, sizeof keys, "nr.%s.total %s", lob_nr_id(l),
		         r >= 0 ? ed->qs[r].key : "");
		/* Blank is not zero: a row 8 left blank (or not asked) is said
		 * to be so, never shown as $0.00. */
		if (r >= 0 && f->money[r].has)
			dollars(row, m8);
		else if (r >= 0 && f->shown[r])
			snprintf(m8, sizeof m8, "blank");
		else
			snprintf(m8, sizeof m8, "not asked (%s is not marked in "
			         "effect)", model ? model->label : "its model");
		add(b, SEV_WARNING, tab, r >= 0 && f->shown[r] ? r : mq, keys, NULL,
		    "nr.m8", lob_id(l), "%s: the worksheet's shared-risk "
		    "contracts add up to %s, but row %s (FFS-based shared risk) "
		    "is %s", edition_line_name(ed, l), dollars(sheet, v),
		    r >= 0 ? row_of(ed, r) : "?", m8);
	}
}

bool checks_run(const struct figures *f, const struct answers *a,
                struct check_list *out)
{
	struct builder b = { out, f, a, f->ed, true };

	memset(out, 0, sizeof *out);
	if (f->overflow)
		add(&b, SEV_ERROR, tab_of(f->ed, "xc", 0), -1, "", NULL,
		    "overflow", NULL, "%s", "A sum is too large to compute: check the amounts "
		    "for a mistyped figure");
	check_required(&b);
	for (int l = 0; l < LOB_COUNT; l++)
		if (f->xc[l].selected)
			check_line(&b, l);
	check_nominal(&b);
	if (!b.ok)
		checks_free(out);
	return b.ok;
}

void checks_free(struct check_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		mem_free(l->items[i].id);
		mem_free(l->items[i].keys);
		mem_free(l->items[i].message);
		mem_free(l->items[i].hint);
		mem_free(l->items[i].ack_reason);
		mem_free(l->items[i].ack_by);
		mem_free(l->items[i].ack_at);
	}
	mem_free(l->items);
	memset(l, 0, sizeof *l);
}

bool checks_apply_acks(struct check_list *l, const struct check_ack *acks,
                       size_t n)
{
	l->acknowledged = 0;
	for (size_t i = 0; i < l->n; i++) {
		struct check_item *it = &l->items[i];

		mem_free(it->ack_reason);
		mem_free(it->ack_by);
		mem_free(it->ack_at);
		it->ack_reason = it->ack_by = it->ack_at = NULL;
		if (it->sev != SEV_WARNING)
			continue;
		for (size_t k = 0; k < n; k++) {
			if (strcmp(acks[k].id, it->id) != 0 || !acks[k].message ||
			    strcmp(acks[k].message, it->message) != 0 ||
			    !acks[k].reason || !*acks[k].reason)
				continue;
			it->ack_reason = mem_strdup(acks[k].reason);
			if (acks[k].by)
				it->ack_by = mem_strdup(acks[k].by);
			if (acks[k].at)
				it->ack_at = mem_strdup(acks[k].at);
			if (!it->ack_reason || (acks[k].by && !it->ack_by) ||
			    (acks[k].at && !it->ack_at))
				return false;
			l->acknowledged++;
			break;
		}
	}
	return true;
}

void checks_count_tab(const struct check_list *l, int tab, int *errors,
                      int *warnings)
{
	int e = 0, w = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (l->items[i].tab != tab)
			continue;
		if (l->items[i].sev == SEV_ERROR)
			e++;
		else if (!l->items[i].ack_reason)
			w++;
	}
	if (errors)
		*errors = e;
	if (warnings)
		*warnings = w;
}
