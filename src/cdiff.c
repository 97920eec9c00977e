/* SPDX-License-Identifier: MIT */
/* cdiff.c: two worksheets aligned through fixed windows as they stream. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cdiff.h"
#include "mem.h"

/* 2^24 bits (2 MiB) a side and four probes: under 0.3% false "still
 * there" at a million contracts, and a false one only costs a pairing
 * that is less neat, never a difference that is not there. */
#define BLOOM_BITS (UINT64_C(1) << 24)
#define BLOOM_PROBES 4

struct side {
	const struct cdiff_source *src;
	struct contract *ring;
	uint64_t *hash;       /* of each ring slot's label */
	size_t cap, head, n;
	bool ended;
	int64_t pos;          /* position of the head in its worksheet */
	uint8_t *bloom;       /* the side's labels, once scanned */
};

static uint64_t label_hash(const char *label)
{
	uint64_t h = UINT64_C(14695981039346656037);

	/* NULL and "" are the same: no label. */
	for (const unsigned char *p = (const unsigned char *)(label ? label : "");
	     *p; p++)
		h = (h ^ *p) * UINT64_C(1099511628211);
	return h;
}

static bool label_eq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static struct contract *at(const struct side *s, size_t k)
{
	return &s->ring[(s->head + k) % s->cap];
}

static uint64_t hash_at(const struct side *s, size_t k)
{
	return s->hash[(s->head + k) % s->cap];
}

static bool fill(struct side *s)
{
	while (s->n < s->cap && !s->ended) {
		size_t k = (s->head + s->n) % s->cap;
		struct contract *c = &s->ring[k];
		bool got = false;

		contract_init(c);
		if (!s->src->next(s->src->src, c, &got)) {
			contract_clear(c);
			return false;
		}
		if (!got) {
			contract_clear(c);
			s->ended = true;
			break;
		}
		s->hash[k] = label_hash(c->label);
		s->n++;
	}
	return true;
}

static void pop(struct side *s)
{
	contract_clear(at(s, 0));
	s->head = (s->head + 1) % s->cap;
	s->n--;
	s->pos++;
}

/* The first k >= 1 in s's window whose label is label's, or 0. */
static size_t find(const struct side *s, uint64_t h, const char *label)
{
	for (size_t k = 1; k < s->n; k++)
		if (hash_at(s, k) == h && label_eq(at(s, k)->label, label))
			return k;
	return 0;
}

/* ---- the Bloom filter of a side's labels ---- */

static void bloom_add(void *set, const char *label)
{
	uint8_t *b = set;
	uint64_t h = label_hash(label);
	uint32_t h1 = (uint32_t)h, h2 = (uint32_t)(h >> 32) | 1;

	for (uint32_t i = 0; i < BLOOM_PROBES; i++) {
		uint64_t bit = (h1 + (uint64_t)i * h2) & (BLOOM_BITS - 1);

		b[bit >> 3] |= (uint8_t)(1u << (bit & 7));
	}
}

static bool bloom_has(const uint8_t *b, uint64_t h)
{
	uint32_t h1 = (uint32_t)h, h2 = (uint32_t)(h >> 32) | 1;

	for (uint32_t i = 0; i < BLOOM_PROBES; i++) {
		uint64_t bit = (h1 + (uint64_t)i * h2) & (BLOOM_BITS - 1);

		if (!(b[bit >> 3] & (1u << (bit & 7))))
			return false;
	}
	return true;
}

static bool scan(struct side *s)
{
	s->bloom = mem_calloc(BLOOM_BITS / 8, 1);
	return s->bloom && s->src->scan(s->src->src, bloom_add, s->bloom);
}

/* ---- telling ---- */

const char *cdiff_status_text(const struct contract *c)
{
	struct nr_eval e;

	nominal_evaluate(c, &e);
	return e.status == NR_MEETS ? "meets" :
	       e.status == NR_FAILS ? "fails" : "incomplete";
}

struct run {
	struct side o, n;
	cdiff_emit_fn emit;
	void *ctx;
	struct cdiff_stats *st;
};

static bool one_side(struct run *r, enum cdiff_kind kind)
{
	struct side *s = kind == CDIFF_ADDED ? &r->n : &r->o;
	struct cdiff_event e = { kind, NULL, NULL, -1, -1, 0, "", "" };
	bool ok;

	if (kind == CDIFF_ADDED) {
		e.new = at(s, 0);
		e.new_pos = s->pos;
		r->st->added++;
	} else {
		e.old = at(s, 0);
		e.old_pos = s->pos;
		r->st->deleted++;
	}
	ok = r->emit(r->ctx, &e);
	pop(s);
	return ok;
}

static bool field_differs(const struct contract *a, const struct contract *b,
                          int f)
{
	static const unsigned bit[NR_F_COUNT] = {
		0, NR_HAS_LINE, NR_HAS_TYPE, NR_HAS_MIN, NR_HAS_MAX, NR_HAS_SHARE,
		NR_HAS_DOLLARS
	};

	if (f == NR_F_LABEL)
		return !label_eq(a->label, b->label);
	if ((a->has & bit[f]) != (b->has & bit[f]))
		return true;
	if (!(a->has & bit[f]))
		return false;
	switch (f) {
	case NR_F_LINE: return a->line != b->line;
	case NR_F_TYPE: return a->type != b->type;
	case NR_F_RISK_MIN: return a->risk_min != b->risk_min;
	case NR_F_RISK_MAX: return a->risk_max != b->risk_max;
	case NR_F_SHARED_RISK: return a->shared_risk != b->shared_risk;
	default: return a->dollars != b->dollars;
	}
}

/* The heads taken as one contract: each field that differs. */
static bool pair(struct run *r)
{
	const struct contract *a = at(&r->o, 0), *b = at(&r->n, 0);
	struct cdiff_event e = { CDIFF_CHANGED, a, b, r->o.pos, r->n.pos, 0,
	                         NULL, NULL };
	char ot[NR_LABEL_MAX + 64], nt[NR_LABEL_MAX + 64];
	bool any = false, ok = true;

	for (int f = 0; f < NR_F_COUNT && ok; f++) {
		if (!field_differs(a, b, f))
			continue;
		nominal_format_field(a, (enum nr_field)f, ot, sizeof ot);
		nominal_format_field(b, (enum nr_field)f, nt, sizeof nt);
		e.field = f;
		e.old_text = ot;
		e.new_text = nt;
		any = true;
		ok = r->emit(r->ctx, &e);
	}
	if (any && ok) {
		e.field = CDIFF_F_STATUS;
		e.old_text = cdiff_status_text(a);
		e.new_text = cdiff_status_text(b);
		if (strcmp(e.old_text, e.new_text) != 0)
			ok = r->emit(r->ctx, &e);
	}
	r->st->changed += any;
	pop(&r->o);
	pop(&r->n);
	return ok;
}

/* The heads have different labels: what happened there. */
static bool decide(struct run *r, char *err, size_t errlen)
{
	const struct contract *oh = at(&r->o, 0), *nh = at(&r->n, 0);
	uint64_t ho = hash_at(&r->o, 0), hn = hash_at(&r->n, 0);

	for (;;) {
		bool old_in_new = !r->n.bloom || bloom_has(r->n.bloom, ho);
		bool new_in_old = !r->o.bloom || bloom_has(r->o.bloom, hn);
		size_t a, b;

		if (!old_in_new && !new_in_old) {
			/* Found on neither side: the same contract relabelled
			 * when nothing else changed, else one gone and one new
			 * in its place. */
			for (int f = NR_F_LABEL + 1; f < NR_F_COUNT; f++)
				if (field_differs(oh, nh, f))
					return one_side(r, CDIFF_DELETED) &&
					       one_side(r, CDIFF_ADDED);
			return pair(r);
		}
		a = new_in_old ? find(&r->o, hn, nh->label) : 0;
		b = old_in_new ? find(&r->n, ho, oh->label) : 0;
		if (a || b) {
			/* Skip the shorter run: deleted from old, or added. */
			bool del = a && (!b || a <= b);
			size_t k = del ? a : b;

			while (k--)
				if (!one_side(r, del ? CDIFF_DELETED : CDIFF_ADDED))
					return false;
			return true;
		}
		if (r->st->scanned)
			return one_side(r, old_in_new && !new_in_old ? CDIFF_ADDED :
			                CDIFF_DELETED);
		r->st->scanned = true;
		if (!scan(&r->o) || !scan(&r->n)) {
			if (!r->o.bloom || !r->n.bloom)
				snprintf(err, errlen, "out of memory");
			return false;
		}
	}
}

static bool side_init(struct side *s, const struct cdiff_source *src,
                      size_t window)
{
	memset(s, 0, sizeof *s);
	s->src = src;
	s->cap = window < 2 ? 2 : window;
	s->ring = mem_calloc(s->cap, sizeof *s->ring);
	s->hash = mem_calloc(s->cap, sizeof *s->hash);
	return s->ring && s->hash;
}

static void side_free(struct side *s)
{
	while (s->n)
		pop(s);
	mem_free(s->ring);
	mem_free(s->hash);
	mem_free(s->bloom);
}

bool cdiff_run(const struct cdiff_source *old, const struct cdiff_source *new,
               size_t window, cdiff_emit_fn emit, void *ctx,
               struct cdiff_stats *stats, char *err, size_t errlen)
{
	struct run r = { .emit = emit, .ctx = ctx, .st = stats };
	bool ok = true;

	memset(stats, 0, sizeof *stats);
	if (errlen)
		err[0] = '\0';
	if (!side_init(&r.o, old, window) || !side_init(&r.n, new, window)) {
		snprintf(err, errlen, "out of memory");
		ok = false;
	}
	while (ok) {
		if (!fill(&r.o) || !fill(&r.n)) {
			ok = false;
			break;
		}
		if (!r.o.n && !r.n.n)
			break;
		if (!r.o.n)
			ok = one_side(&r, CDIFF_ADDED);
		else if (!r.n.n)
			ok = one_side(&r, CDIFF_DELETED);
		else if (hash_at(&r.o, 0) == hash_at(&r.n, 0) &&
		         label_eq(at(&r.o, 0)->label, at(&r.n, 0)->label))
			ok = pair(&r);
		else
			ok = decide(&r, err, errlen);
	}
	stats->old_n = r.o.pos + (int64_t)r.o.n;
	stats->new_n = r.n.pos + (int64_t)r.n.n;
	side_free(&r.o);
	side_free(&r.n);
	return ok;
}
