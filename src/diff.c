/* SPDX-License-Identifier: MIT */
/* diff.c: two submissions' keys side by side. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "diff.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"

/* ---- building ---- */

bool diff_snapshot_add(struct diff_snapshot *s, const char *key,
                       const char *value, unsigned flags)
{
	struct diff_item *it;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 512;
		struct diff_item *ni = mem_realloc_array(s->items, cap, sizeof *ni);

		if (!ni)
			return false;
		s->items = ni;
		s->cap = cap;
	}
	it = &s->items[s->n];
	it->flags = flags;
	it->key = key ? mem_strdup(key) : NULL;
	it->value = value && *value ? mem_strdup(value) : NULL;
	if ((key && !it->key) || (value && *value && !it->value)) {
		mem_free(it->key);
		mem_free(it->value);
		return false;
	}
	s->n++;
	return true;
}

/* A computed key, by figures_key_text's own rules. */
static bool push_computed(struct diff_snapshot *s, const struct figures *f,
                          const struct answers *a, const char *key)
{
	char value[64];

	figures_key_text(f, a, key, value, sizeof value);
	return diff_snapshot_add(s, key, value, 0);
}

static bool push_xc(struct diff_snapshot *s, const struct edition *ed,
                    const struct figures *f, const struct answers *a)
{
	static const char *const parts[] = { "sum", "ok", "diff" };
	char key[64];

	for (int l = 0; l < LOB_COUNT; l++) {
		if (edition_denominator(ed, l) < 0)
			continue;
		for (int i = 0; i < 3; i++) {
			snprintf(key, sizeof key, "xc.%s.%s", lob_id(l), parts[i]);
			if (!push_computed(s, f, a, key))
				return false;
		}
	}
	return true;
}

/* The nominal-risk summary, then where the contracts are compared. */
static bool push_nr(struct diff_snapshot *s, const struct figures *f,
                    const struct answers *a)
{
	static const char *const parts[] = { "meets", "fails", "total" };
	char key[64];

	for (int l = 0; l <= NR_ALL; l++)
		for (int i = 0; i < 3; i++) {
			const char *w = l == NR_ALL ? "all" : lob_nr_id(l);

			snprintf(key, sizeof key, "nr.%s.%s", w, parts[i]);
			if (!push_computed(s, f, a, key))
				return false;
			snprintf(key, sizeof key, "nr.%s.%s.share", w, parts[i]);
			if (!push_computed(s, f, a, key))
				return false;
		}
	return diff_snapshot_add(s, NULL, NULL, DIFF_ITEM_CONTRACTS);
}

static bool push_tab(struct diff_snapshot *s, const struct edition *ed,
                     const struct answers *a, const struct figures *f,
                     const struct tab *tab)
{
	char key[160];

	for (int qi = tab->first_q; qi < tab->first_q + tab->nq; qi++) {
		const struct question *q = &ed->qs[qi];

		/* Answers as stored, hidden ones too: a change the file
		 * keeps is a change, even while it counts nowhere. */
		if (q->type == Q_COMPUTED ? !push_computed(s, f, a, q->key) :
		    !diff_snapshot_add(s, q->key, answers_get(a, qi), 0))
			return false;
		if (q->denominator < 0 || q->role == ROLE_DENOMINATOR)
			continue;
		snprintf(key, sizeof key, "%s.share", q->key);
		if (!push_computed(s, f, a, key))
			return false;
	}
	return true;
}

static int by_key(const void *x, const void *y)
{
	const struct diff_key *a = x, *b = y;

	return strcmp(a->key, b->key);
}

bool diff_snapshot_index(struct diff_snapshot *s)
{
	size_t k = 0;

	mem_free(s->sorted);
	s->sorted = mem_calloc(s->n ? s->n : 1, sizeof *s->sorted);
	if (!s->sorted)
		return false;
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i].key) {
			s->sorted[k].key = s->items[i].key;
			s->sorted[k++].i = i;
		}
	qsort(s->sorted, k, sizeof *s->sorted, by_key);
	s->nsorted = k;
	return true;
}

bool diff_snapshot_build(struct diff_snapshot *s, const struct edition *ed,
                         const struct answers *a, const struct figures *f,
                         const struct diff_state *st)
{
	bool xc = false, nr = false;

	memset(s, 0, sizeof *s);
	if (!(s->edition = mem_strdup(ed->id)))
		goto nomem;
	if (!diff_snapshot_add(s, "edition", ed->id, 0) ||
	    !diff_snapshot_add(s, "state", st->complete ? "complete" : "draft", 0) ||
	    !diff_snapshot_add(s, "signed_by", st->complete ? st->signed_by : NULL, 0) ||
	    !diff_snapshot_add(s, "signed_at", st->complete ? st->signed_at : NULL, 0))
		goto nomem;
	for (size_t t = 0; t < ed->ntabs; t++) {
		const struct tab *tab = &ed->tabs[t];

		if (!push_tab(s, ed, a, f, tab))
			goto nomem;
		if (strcmp(tab->id, "xc") == 0) {
			if (!push_xc(s, ed, f, a))
				goto nomem;
			xc = true;
		}
		if (strcmp(tab->id, "nr") == 0) {
			if (!push_nr(s, f, a))
				goto nomem;
			nr = true;
		}
	}
	/* An edition without those tabs still has the figures. */
	if ((!xc && !push_xc(s, ed, f, a)) || (!nr && !push_nr(s, f, a)))
		goto nomem;
	for (size_t i = 0; i < st->nacks; i++) {
		const struct diff_ack *ak = &st->acks[i];
		char *key[3] = {
			mem_printf("ack.%s", ak->id),
			mem_printf("ack.%s.by", ak->id),
			mem_printf("ack.%s.at", ak->id),
		};
		bool ok = key[0] && key[1] && key[2] &&
		          diff_snapshot_add(s, key[0], ak->reason, DIFF_ITEM_OPTIONAL) &&
		          diff_snapshot_add(s, key[1], ak->by, DIFF_ITEM_OPTIONAL) &&
		          diff_snapshot_add(s, key[2], ak->at, DIFF_ITEM_OPTIONAL);

		for (int j = 0; j < 3; j++)
			mem_free(key[j]);
		if (!ok)
			goto nomem;
	}
	if (diff_snapshot_index(s))
		return true;
nomem:
	diff_snapshot_free(s);
	return false;
}

void diff_snapshot_free(struct diff_snapshot *s)
{
	for (size_t i = 0; i < s->n; i++) {
		mem_free(s->items[i].key);
		mem_free(s->items[i].value);
	}
	mem_free(s->items);
	mem_free(s->sorted);
	mem_free(s->edition);
	memset(s, 0, sizeof *s);
}

/* ---- reading ---- */

/* The index of key's item, or -1. */
static long find(const struct diff_snapshot *s, const char *key)
{
	size_t lo = 0, hi = s->nsorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->sorted[mid].key, key);

		if (c == 0)
			return (long)s->sorted[mid].i;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const struct diff_item *diff_snapshot_find(const struct diff_snapshot *s,
                                           const char *key)
{
	long i = key ? find(s, key) : -1;

	return i < 0 ? NULL : &s->items[i];
}

static bool same(const char *a, const char *b)
{
	if (a && !*a)
		a = NULL;
	if (b && !*b)
		b = NULL;
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool diff_snapshot_differs(const struct diff_snapshot *old, const char *key,
                           const char *value)
{
	const struct diff_item *it = diff_snapshot_find(old, key);

	if (!it)
		return value && *value;
	return !same(it->value, value);
}

/* ---- comparing ---- */

struct walk {
	diff_fn fn;
	void *ctx;
	size_t n;
	bool stopped;
};

static void emit(struct walk *w, const struct diff_change *c)
{
	if (w->stopped)
		return;
	if (c->key)
		w->n++;
	if (!w->fn(w->ctx, c))
		w->stopped = true;
}

/* An item only old has: blank in new when optional, else new lacks it. */
static void only_old(struct walk *w, const struct diff_item *it)
{
	struct diff_change c = { it->key, it->value, NULL, false, false };

	if (!(it->flags & DIFF_ITEM_OPTIONAL))
		c.new_lacks = true;
	else if (!it->value)
		return;
	emit(w, &c);
}

/* The index of the contracts' place, or -1. */
static long marker(const struct diff_snapshot *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (!s->items[i].key)
			return (long)i;
	return -1;
}

size_t diff_snapshots(const struct diff_snapshot *old,
                      const struct diff_snapshot *new, diff_fn fn,
                      void *ctx)
{
	struct walk w = { fn, ctx, 0, false };
	size_t j = 0;   /* old's items before j are accounted for */
	bool contracts = false;

	for (size_t i = 0; i < new->n && !w.stopped; i++) {
		const struct diff_item *it = &new->items[i];
		struct diff_change c = { it->key, NULL, it->value, false, false };
		long p;

		p = it->key ? find(old, it->key) : marker(old);
		/* Keys only old has go where old had them: before the
		 * first key both have that old lists after them. */
		for (; p >= 0 && j < (size_t)p && !w.stopped; j++) {
			const struct diff_item *o = &old->items[j];

			if (!o->key) {
				struct diff_change m = { NULL, NULL, NULL, false, false };

				if (!contracts)
					emit(&w, &m);
				contracts = true;
			} else if (find(new, o->key) < 0) {
				only_old(&w, o);
			}
		}
		if (p >= 0 && j == (size_t)p)
			j++;
		if (!it->key) {
			if (!contracts)
				emit(&w, &c);
			contracts = true;
			continue;
		}
		if (p < 0) {
			if (!(it->flags & DIFF_ITEM_OPTIONAL))
				c.old_lacks = true;
			else if (!it->value)
				continue;
			emit(&w, &c);
			continue;
		}
		c.old_value = old->items[p].value;
		if (!same(c.old_value, c.new_value))
			emit(&w, &c);
	}
	for (; j < old->n && !w.stopped; j++) {
		const struct diff_item *o = &old->items[j];

		if (o->key && find(new, o->key) < 0)
			only_old(&w, o);
	}
	if (!contracts && !w.stopped) {
		struct diff_change m = { NULL, NULL, NULL, false, false };

		emit(&w, &m);
	}
	return w.n;
}
