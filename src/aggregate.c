/* SPDX-License-Identifier: MIT */
/* aggregate.c: national measures over many submissions, exactly. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "edition.h"
#include "mem.h"
#include "money.h"

/* The output's names; which rows make each, and its wording, are the
 * edition's (edition_measure). */
static const char *const measure_ids[AGG_NMEASURES] = {
	[AGG_TOTAL] = "total", [AGG_CAT1] = "cat1", [AGG_CAT2] = "cat2",
	[AGG_CAT3] = "cat3", [AGG_CAT4] = "cat4", [AGG_CAT2_4] = "cat2_4",
	[AGG_CAT3_4] = "cat3_4", [AGG_CAT3B_4] = "cat3b_4",
	[AGG_NR_MEETS] = "nr_meets", [AGG_NR_FAILS] = "nr_fails",
};

const char *agg_measure_id(int m)
{
	return m >= 0 && m < AGG_NMEASURES ? measure_ids[m] : "";
}

const char *agg_measure_name(const struct edition *ed, int m)
{
	const struct measure *ms = edition_find_measure(ed, agg_measure_id(m));

	return ms ? ms->label : agg_measure_id(m);
}

const char *agg_line_id(int line)
{
	return line == AGG_ALL ? "all" : lob_id(line);
}

const char *agg_line_name(const struct edition *ed, int line)
{
	return line == AGG_ALL ? "All lines" : edition_line_name(ed, line);
}

/* sum += v, blank adding nothing; false on overflow, or when v is a sum
 * that overflowed already (n/a, not blank). */
static bool add_fig(struct money_fig *sum, const struct money_fig *v)
{
	if (v->overflow)
		return false;
	if (!v->has)
		return true;
	if (!sum->has) {
		*sum = *v;
		return true;
	}
	return money_add(sum->cents, v->cents, &sum->cents);
}

void agg_rows_init(struct agg_rows *r, const struct edition *ed)
{
	r->ed = ed;
	for (int l = 0; l < LOB_COUNT; l++)
		for (int m = 0; m < AGG_NMEASURES; m++) {
			const struct measure *ms =
				edition_find_measure(ed, measure_ids[m]);

			for (size_t k = 0; k < EDITION_MEASURE_ROWS; k++) {
				char key[160];

				r->q[l][m][k] = -1;
				if (!ms || k >= ms->nrows)
					continue;
				snprintf(key, sizeof key, "%s.%s", lob_id(l),
				         ms->rows[k]);
				r->q[l][m][k] = edition_find(ed, key);
			}
		}
}

bool agg_file_measures(const struct agg_rows *r, const struct figures *f,
                       struct agg_file *file)
{
	struct money_fig (*out)[AGG_NMEASURES] = file->m;
	bool ok = !f->overflow;

	for (int l = 0; l < LOB_COUNT; l++) {
		for (int m = 0; m < AGG_NMEASURES; m++) {
			struct money_fig *o = &out[l][m];

			o->has = false;
			o->cents = 0;
			for (int k = 0; k < EDITION_MEASURE_ROWS; k++) {
				int q = r->q[l][m][k];

				/* f->money is blank for a row display logic
				 * hides: hidden answers count nowhere. */
				if (q >= 0 && !add_fig(o, &f->money[q]))
					ok = false;
			}
		}
		out[l][AGG_NR_MEETS] = f->nr[l].meets;
		out[l][AGG_NR_FAILS] = f->nr[l].fails;
	}
	return ok;
}

void agg_init(struct agg_sums *s)
{
	memset(s, 0, sizeof *s);
}

static bool cell_add(struct agg_cell *c, int64_t cents)
{
	c->any = true;
	if (c->overflow)
		return false;
	if (!money_add(c->cents, cents, &c->cents)) {
		c->overflow = true;
		return false;
	}
	return true;
}

bool agg_add(struct agg_sums *s, const struct agg_file *file, int *line,
             int *measure)
{
	const struct money_fig (*m)[AGG_NMEASURES] = file->m;
	bool ok = true, any = false;

	for (int l = 0; l < LOB_COUNT; l++) {
		if (m[l][AGG_TOTAL].has) {
			s->reporting[l]++;
			any = true;
		}
		for (int k = 0; k < AGG_NMEASURES; k++) {
			if (!m[l][k].has || cell_add(&s->c[l][k], m[l][k].cents))
				continue;
			if (ok) {
				*line = l;
				*measure = k;
			}
			ok = false;
		}
	}
	s->reporting[AGG_ALL] += any;
	s->files++;
	return ok;
}

bool agg_finish(struct agg_sums *s, int *measure)
{
	bool ok = true;

	for (int k = 0; k < AGG_NMEASURES; k++) {
		struct agg_cell *all = &s->c[AGG_ALL][k];

		memset(all, 0, sizeof *all);
		for (int l = 0; l < LOB_COUNT; l++) {
			const struct agg_cell *c = &s->c[l][k];

			if (!c->any)
				continue;
			if (c->overflow) {
				all->any = all->overflow = true;
			} else {
				cell_add(all, c->cents);
			}
		}
		if (all->overflow && ok) {
			*measure = k;
			ok = false;
		}
	}
	return ok;
}

void agg_value(const struct agg_sums *s, int line, int measure,
               struct agg_value *out)
{
	const struct agg_cell *c = &s->c[line][measure];
	const struct agg_cell *t = &s->c[line][AGG_TOTAL];

	memset(out, 0, sizeof *out);
	out->blank = !c->any && !t->any;
	out->overflow = c->overflow;
	out->cents = c->overflow ? 0 : c->cents;
	/* n/a where the total is blank, zero or not given; a measure no
	 * file reported on a line that has a total is 0.0%, nationally. */
	out->share.ok = t->any && !t->overflow && !c->overflow &&
	                pct_share(c->cents, t->cents, &out->share.pct);
	if (!out->share.ok)
		out->share.pct = 0;
}

/* ---- a plan sent twice ---- */

/* FNV-1a over the name without letter case, leading, trailing or
 * repeated blanks: "Acme  Health plan " is "acme health plan". */
static uint64_t org_hash(const char *name, bool *blank)
{
	uint64_t h = UINT64_C(14695981039346656037);
	bool pending = false;

	*blank = true;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		unsigned char ch = *p;

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			pending = !*blank;
			continue;
		}
		if (pending) {
			h = (h ^ ' ') * UINT64_C(1099511628211);
			pending = false;
		}
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		h = (h ^ ch) * UINT64_C(1099511628211);
		*blank = false;
	}
	return h;
}

void agg_orgs_init(struct agg_orgs *o)
{
	memset(o, 0, sizeof *o);
}

void agg_orgs_free(struct agg_orgs *o)
{
	mem_free(o->slot);
	memset(o, 0, sizeof *o);
}

/* Open addressing, at most half full. */
static struct agg_org_slot *org_find(struct agg_org_slot *slot, size_t cap,
                                     uint64_t hash)
{
	size_t i = (size_t)(hash ^ (hash >> 32)) & (cap - 1);

	while (slot[i].used && slot[i].hash != hash)
		i = (i + 1) & (cap - 1);
	return &slot[i];
}

static bool org_grow(struct agg_orgs *o)
{
	size_t cap = o->cap ? o->cap * 2 : 64;
	struct agg_org_slot *slot = mem_calloc(cap, sizeof *slot);

	if (!slot)
		return false;
	for (size_t i = 0; i < o->cap; i++)
		if (o->slot[i].used)
			*org_find(slot, cap, o->slot[i].hash) = o->slot[i];
	mem_free(o->slot);
	o->slot = slot;
	o->cap = cap;
	return true;
}

int agg_orgs_add(struct agg_orgs *o, const char *name, size_t file,
                 size_t *first)
{
	struct agg_org_slot *s;
	bool blank;
	uint64_t h;

	if (!name)
		return 0;
	h = org_hash(name, &blank);
	if (blank)
		return 0;
	/* Two names are taken as one organisation when their 64-bit
	 * hashes agree: for a flag, a chance of 1 in 10^13 among a
	 * thousand plans is no chance. */
	if ((o->n + 1) * 2 > o->cap && !org_grow(o))
		return -1;
	s = org_find(o->slot, o->cap, h);
	if (s->used) {
		*first = s->file;
		return 1;
	}
	s->used = true;
	s->hash = h;
	s->file = file;
	o->n++;
	return 0;
}
