/* SPDX-License-Identifier: MIT */
/* contract_page.c: reading the worksheet by place: a page of it, the row
 * at a place, the place of a row, find, and the whole of it in order.
 *
 * SQLite's index gives the rows in order but cannot say which is the
 * 500,000th without counting the 499,999 before it.  So the store keeps
 * the places of a few rows it has seen (anchors: the first and last rows
 * of the pages read, the rows found, the rows changed) and reaches any
 * place by key from the nearest of them, the top or the bottom, skipping
 * only the rows in between; every change the store makes to the order
 * moves the anchors with it (a row added before one puts it a place
 * further), so the page the screen reads after a change is found from
 * where it was.  Another program's commit (PRAGMA data_version) drops
 * them all. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "nominal.h"
#include "store_internal.h"

/* Is (p1, i1) before (-1), at (0) or after (1) (p2, i2) in worksheet
 * order? */
static int key_cmp(int64_t p1, int64_t i1, int64_t p2, int64_t i2)
{
	if (p1 != p2)
		return p1 < p2 ? -1 : 1;
	return i1 < i2 ? -1 : i1 > i2;
}

/* ---- the anchors ---- */

/* Drops the anchors when another connection has committed since they
 * were noted: its change may have moved any row. */
static int anchors_check(struct store *st)
{
	int64_t dv;
	int rc = store_query_int(st->db, "PRAGMA data_version", &dv);

	if (rc != SQLITE_OK)
		return rc;
	if (dv != st->anchors.data_version) {
		st->anchors.n = 0;
		st->anchors.data_version = dv;
	}
	return SQLITE_OK;
}

void anchors_note(struct store *st, int64_t i, int64_t pos, int64_t id)
{
	struct store_anchor *a = st->anchors.a;
	int k;

	for (k = 0; k < st->anchors.n && a[k].id != id; k++)
		;
	if (k == st->anchors.n) {
		if (st->anchors.n < STORE_ANCHORS) {
			st->anchors.n++;
		} else {
			/* The oldest goes. */
			k = st->anchors.next;
			st->anchors.next = (k + 1) % STORE_ANCHORS;
		}
	}
	a[k] = (struct store_anchor){ i, pos, id };
}

void anchors_added(struct store *st, int64_t pos, int64_t id)
{
	for (int k = 0; k < st->anchors.n; k++) {
		struct store_anchor *a = &st->anchors.a[k];

		if (key_cmp(a->pos, a->id, pos, id) > 0)
			a->i++;
	}
}

void anchors_removed(struct store *st, int64_t pos, int64_t id)
{
	for (int k = 0; k < st->anchors.n; k++) {
		struct store_anchor *a = &st->anchors.a[k];
		int c = key_cmp(a->pos, a->id, pos, id);

		if (c == 0) {
			*a = st->anchors.a[--st->anchors.n];
			st->anchors.next = 0;
			k--;
		} else if (c > 0) {
			a->i--;
		}
	}
}

void anchors_moved(struct store *st, int64_t id, int64_t pos)
{
	for (int k = 0; k < st->anchors.n; k++)
		if (st->anchors.a[k].id == id)
			st->anchors.a[k].pos = pos;
}

void anchors_drop(struct store *st)
{
	st->anchors.n = 0;
	st->anchors.next = 0;
}

/* ---- reaching a place ---- */

/* How a run of rows is read: forward from the top, backward from the
 * bottom, forward from a known row (itself included) or backward from
 * one, skipping `skip` rows. */
enum way_from { FROM_TOP, FROM_BOTTOM, AFTER_ROW, BEFORE_ROW };
struct way {
	enum way_from from;
	int64_t pos, id, skip;
};

/* The way that skips fewest rows to reach rows [first, last] of count. */
static struct way nearest(const struct store *st, int64_t first,
                          int64_t last, int64_t count)
{
	struct way w = { FROM_TOP, 0, 0, first };

	if (last >= count)
		last = count - 1;
	if (count - 1 - last < w.skip)
		w = (struct way){ FROM_BOTTOM, 0, 0, count - 1 - last };
	for (int k = 0; k < st->anchors.n; k++) {
		const struct store_anchor *a = &st->anchors.a[k];

		if (first >= a->i && first - a->i < w.skip)
			w = (struct way){ AFTER_ROW, a->pos, a->id, first - a->i };
		if (last <= a->i && a->i - last < w.skip)
			w = (struct way){ BEFORE_ROW, a->pos, a->id, a->i - last };
	}
	return w;
}

static const enum stmt_id row_stmt[] = {
	[FROM_TOP] = S_PG_TOP, [FROM_BOTTOM] = S_PG_BOTTOM,
	[AFTER_ROW] = S_PG_AFTER, [BEFORE_ROW] = S_PG_BEFORE,
};
static const enum stmt_id key_stmt[] = {
	[FROM_TOP] = S_KEY_TOP, [FROM_BOTTOM] = S_KEY_BOTTOM,
	[AFTER_ROW] = S_KEY_AFTER, [BEFORE_ROW] = S_KEY_BEFORE,
};

int contract_at(struct store *st, int64_t i, int64_t *pos, int64_t *id)
{
	struct way w;
	sqlite3_stmt *s;
	int64_t count;
	int rc = anchors_check(st);

	if (rc == SQLITE_OK)
		rc = totals_count(st, &count);
	if (rc != SQLITE_OK)
		return rc;
	if (i < 0 || i >= count)
		return STORE_RC_NO_CONTRACT;
	w = nearest(st, i, i, count);
	s = store_stmt(st, key_stmt[w.from], &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "iiii", w.pos, w.id, (int64_t)1, w.skip);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*pos = sqlite3_column_int64(s, 0);
			*id = sqlite3_column_int64(s, 1);
			anchors_note(st, i, *pos, *id);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			/* Fewer rows than the kept count says: not ours. */
			rc = SQLITE_CORRUPT;
		}
	}
	stmt_done(s);
	return rc;
}

/* Rows strictly between two keys, counting no further than `limit`. */
static int count_between(struct store *st, int64_t p1, int64_t i1,
                         int64_t p2, int64_t i2, int64_t limit, int64_t *n)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_C_BETWEEN, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "iiiii", p1, i1, p2, i2, limit);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*n = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	return rc;
}

int contract_place(struct store *st, int64_t pos, int64_t id, int64_t *index)
{
	struct store_anchor lo = { -1, INT64_MIN, INT64_MIN };
	struct store_anchor hi = { 0, INT64_MAX, INT64_MAX };
	int64_t n, limit = 256;
	int rc = anchors_check(st);

	if (rc == SQLITE_OK)
		rc = totals_count(st, &hi.i);
	if (rc != SQLITE_OK)
		return rc;
	/* The nearest known rows before and after it. */
	for (int k = 0; k < st->anchors.n; k++) {
		const struct store_anchor *a = &st->anchors.a[k];
		int c = key_cmp(a->pos, a->id, pos, id);

		if (c == 0) {
			*index = a->i;
			return SQLITE_OK;
		}
		if (c < 0 && key_cmp(a->pos, a->id, lo.pos, lo.id) > 0)
			lo = *a;
		if (c > 0 && key_cmp(a->pos, a->id, hi.pos, hi.id) < 0)
			hi = *a;
	}
	/* Counted from both sides in turns, a little further each time, so
	 * the cost is that of the nearer. */
	for (;;) {
		rc = count_between(st, lo.pos, lo.id, pos, id, limit, &n);
		if (rc != SQLITE_OK)
			return rc;
		if (n < limit) {
			*index = lo.i + 1 + n;
			break;
		}
		rc = count_between(st, pos, id, hi.pos, hi.id, limit, &n);
		if (rc != SQLITE_OK)
			return rc;
		if (n < limit) {
			*index = hi.i - 1 - n;
			break;
		}
		limit = limit < INT64_MAX / 8 ? limit * 8 : INT64_MAX;
	}
	anchors_note(st, *index, pos, id);
	return SQLITE_OK;
}

/* ---- pages ---- */

static void contracts_reverse(struct contract *c, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct contract t = c[i];

		c[i] = c[n - 1 - i];
		c[n - 1 - i] = t;
	}
}

/* Steps s into out[0 .. lim); the positions of the first and last rows
 * stepped into pos[]. */
static int step_rows(sqlite3_stmt *s, int64_t lim, struct contract *out,
                     size_t *got, int64_t pos[2])
{
	size_t n = 0;
	int rc = SQLITE_OK;

	while (n < (size_t)lim && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t p;

		if (!contract_from_row(&out[n], s, &p)) {
			contract_clear(&out[n]);
			rc = SQLITE_NOMEM;
			break;
		}
		if (n == 0)
			pos[0] = p;
		pos[1] = p;
		n++;
		rc = SQLITE_OK;
	}
	*got = n;
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK) {
		for (size_t i = 0; i < n; i++)
			contract_clear(&out[i]);
		*got = 0;
	}
	return rc;
}

/* Reads the page inside the caller's read transaction. */
static int read_page(struct store *st, int64_t from, size_t max,
                     struct contract *out, size_t *got)
{
	int64_t count = 0, lim = (int64_t)max, pos[2] = { 0, 0 };
	sqlite3_stmt *s;
	struct way w;
	size_t n = 0;
	int rc;

	/* nr_total's count is kept with every change in the same
	 * transaction: the bottom of the worksheet needs no count(*).  Read
	 * first, so the transaction holds its snapshot before the version is
	 * asked. */
	rc = totals_count(st, &count);
	if (rc == SQLITE_OK)
		rc = anchors_check(st);
	if (rc != SQLITE_OK)
		return rc;
	if (from >= count)
		return SQLITE_OK;   /* past the end: no rows */
	w = nearest(st, from, from + lim - 1, count);
	if (w.from == FROM_BOTTOM && from + lim > count)
		lim = count - from;
	s = store_stmt(st, row_stmt[w.from], &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "iiii", w.pos, w.id, lim, w.skip);
	if (rc == SQLITE_OK)
		rc = step_rows(s, lim, out, &n, pos);
	stmt_done(s);
	if (rc != SQLITE_OK)
		return rc;
	if (w.from == FROM_BOTTOM || w.from == BEFORE_ROW) {
		int64_t t = pos[0];

		contracts_reverse(out, n);
		pos[0] = pos[1];
		pos[1] = t;
		/* Backward from the bottom or a row, the page ends where it
		 * was asked to; fewer rows than asked start later. */
		from += lim - (int64_t)n;
	}
	*got = n;
	if (n > 0) {
		anchors_note(st, from, pos[0], out[0].id);
		anchors_note(st, from + (int64_t)n - 1, pos[1], out[n - 1].id);
	}
	return SQLITE_OK;
}

/* Runs fn inside a read transaction of its own (unless one is open), so
 * what it reads is one version of the file. */
static int in_read(struct store *st, int (*fn)(struct store *st, void *ctx),
                   void *ctx)
{
	bool own = sqlite3_get_autocommit(st->db);
	int rc;

	rc = own ? sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
	if (rc == SQLITE_OK)
		rc = fn(st, ctx);
	if (own && rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (own && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

struct page_req {
	int64_t from;
	size_t max;
	struct contract *out;
	size_t *got;
};

static int page_in_read(struct store *st, void *ctx)
{
	struct page_req *p = ctx;

	return read_page(st, p->from, p->max, p->out, p->got);
}

enum store_status store_contract_page(struct store *st, int64_t from,
                                      size_t max, struct contract *out,
                                      size_t *got, char *err, size_t errlen)
{
	struct page_req p = { from < 0 ? 0 : from, max, out, got };
	int rc;

	*got = 0;
	if (max == 0)
		return STORE_OK;
	if (p.max > INT64_MAX / 2)
		p.max = INT64_MAX / 2;
	rc = in_read(st, page_in_read, &p);
	if (rc != SQLITE_OK) {
		for (size_t i = 0; i < *got; i++)
			contract_clear(&out[i]);
		*got = 0;
		anchors_drop(st);
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	}
	return STORE_OK;
}

enum store_status store_contract_count(struct store *st, int64_t *n,
                                       char *err, size_t errlen)
{
	int rc = totals_count(st, n);

	if (rc != SQLITE_OK)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}

/* ---- every contract, in order ---- */

enum store_status store_contract_each(struct store *st,
                                      bool (*fn)(void *ctx,
                                                 const struct contract *c,
                                                 int64_t pos),
                                      void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	struct contract c;
	int64_t i = 0;
	int rc;

	/* A statement of its own, so fn may read the store meanwhile. */
	store_stream_begin(st);
	rc = sqlite3_prepare_v2(st->db, "SELECT " CONTRACT_COLUMNS
	                        " FROM contract ORDER BY pos, id", -1, &s, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool more;

		contract_init(&c);
		if (!contract_from_row(&c, s, NULL)) {
			contract_clear(&c);
			rc = SQLITE_NOMEM;
			break;
		}
		more = fn(ctx, &c, i++);
		contract_clear(&c);
		if (!more) {
			sqlite3_finalize(s);
			store_stream_end(st);
			snprintf(err, errlen, "%s: stopped while going through the "
			         "worksheet (at contract %lld)", st->path,
			         (long long)i);
			return STORE_INVALID;
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	store_stream_end(st);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}

/* ---- find ---- */

/* ASCII letters folded to lower case: the same in every locale. */
static unsigned char fold(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
}

/* Does hay hold needle (already folded, n bytes), letters A-Z matching
 * either case? */
static bool holds(const unsigned char *hay, const unsigned char *needle,
                  size_t n)
{
	if (n == 0)
		return true;
	for (; *hay; hay++) {
		size_t k;

		if (fold(*hay) != needle[0])
			continue;
		for (k = 1; k < n && hay[k] && fold(hay[k]) == needle[k]; k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

struct find {
	unsigned char *needle;
	size_t n;
	int64_t from, count;
	enum store_find_dir dir;
	struct store_found *out;
	bool interrupted;
	uint64_t done;            /* rows of the whole read, for the progress */
};

/* Rows read in order from the start before the whole worksheet is read
 * instead: a match near the cursor (the next of many) is found at once. */
#define FIND_NEAR 2048

static bool find_tick(struct store *st, struct find *f)
{
	if (++f->done % STORE_PROGRESS_ROWS != 0)
		return true;
	if (store_tell(st, "finding", "contracts", f->done,
	               (uint64_t)f->count))
		return true;
	f->interrupted = true;
	return false;
}

/* The rows just after (or before) the key k in order, up to FIND_NEAR of
 * them; the first whose label holds the needle is the one.  Its place
 * is counted on the way. */
static int find_near(struct store *st, struct find *f, int64_t kpos,
                     int64_t kid)
{
	bool next = f->dir == STORE_FIND_NEXT;
	int64_t i = next ? f->from + 1 : f->from - 1;
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, next ? S_FIND_AFTER : S_FIND_BEFORE, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "ii", kpos, kid);
	for (int k = 0; rc == SQLITE_OK && k < FIND_NEAR; k++) {
		const unsigned char *label;

		rc = sqlite3_step(s);
		if (rc != SQLITE_ROW)
			break;
		rc = SQLITE_OK;
		label = sqlite3_column_text(s, 2);
		if (label && holds(label, f->needle, f->n)) {
			f->out->pos = i;
			f->out->id = sqlite3_column_int64(s, 1);
			anchors_note(st, i, sqlite3_column_int64(s, 0), f->out->id);
			break;
		}
		i += next ? 1 : -1;
	}
	stmt_done(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A key, and whether there is one. */
struct key {
	bool has;
	int64_t pos, id;
};

/* Is (pos, id) a better match than best: the nearest after k (before
 * k, going back), or round the end the first (the last)? */
static void consider(struct key *best, bool next, int64_t pos, int64_t id)
{
	if (!best->has || (next ? key_cmp(pos, id, best->pos, best->id) < 0 :
	                          key_cmp(pos, id, best->pos, best->id) > 0))
		*best = (struct key){ true, pos, id };
}

/* Every row, in the order the table keeps them (no index to walk): the
 * nearest match past k, and the first (or last) of all for going round;
 * the place of the one found is then counted from the known places. */
static int find_all(struct store *st, struct find *f, int64_t kpos,
                    int64_t kid)
{
	bool next = f->dir == STORE_FIND_NEXT;
	struct key past = { false, 0, 0 }, round = { false, 0, 0 }, *hit;
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_FIND_ALL, &rc);
	if (!s)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *label = sqlite3_column_text(s, 2);

		if (label && holds(label, f->needle, f->n)) {
			int64_t pos = sqlite3_column_int64(s, 0);
			int64_t id = sqlite3_column_int64(s, 1);
			int c = key_cmp(pos, id, kpos, kid);

			if (next ? c > 0 : c < 0)
				consider(&past, next, pos, id);
			consider(&round, next, pos, id);
		}
		if (!find_tick(st, f)) {
			rc = SQLITE_INTERRUPT;
			break;
		}
	}
	stmt_done(s);
	if (rc != SQLITE_DONE)
		return rc;
	hit = past.has ? &past : round.has ? &round : NULL;
	if (!hit)
		return SQLITE_OK;
	f->out->wrapped = !past.has;
	f->out->id = hit->id;
	return contract_place(st, hit->pos, hit->id, &f->out->pos);
}

static int find_in_read(struct store *st, void *ctx)
{
	struct find *f = ctx;
	bool next = f->dir == STORE_FIND_NEXT;
	int64_t kpos = next ? INT64_MIN : INT64_MAX, kid = kpos;
	int rc = totals_count(st, &f->count);

	/* Past either end: from the top (or the bottom). */
	if (next && f->from >= f->count)
		f->from = -1;
	if (!next && (f->from < 0 || f->from > f->count))
		f->from = f->count;
	if (rc == SQLITE_OK && f->from >= 0 && f->from < f->count)
		rc = contract_at(st, f->from, &kpos, &kid);
	if (rc == SQLITE_OK)
		rc = find_near(st, f, kpos, kid);
	if (rc == SQLITE_OK && f->out->pos < 0)
		rc = find_all(st, f, kpos, kid);
	return rc;
}

enum store_status store_contract_find(struct store *st, const char *needle,
                                      int64_t from, enum store_find_dir dir,
                                      struct store_found *out,
                                      char *err, size_t errlen)
{
	struct find f = { .from = from, .dir = dir, .out = out };
	int rc;

	out->pos = -1;
	out->id = 0;
	out->wrapped = false;
	f.n = strlen(needle);
	f.needle = mem_alloc(f.n + 1);
	if (!f.needle)
		return store_fail(st, SQLITE_NOMEM, "could not search the "
		                  "worksheet", "try again", err, errlen);
	for (size_t k = 0; k <= f.n; k++)
		f.needle[k] = fold((unsigned char)needle[k]);
	/* A read of every label need not stay in the page cache. */
	store_stream_begin(st);
	rc = in_read(st, find_in_read, &f);
	store_stream_end(st);
	store_told(st, "finding");
	mem_free(f.needle);
	if (f.interrupted) {
		out->pos = -1;
		snprintf(err, errlen, "%s: the search was interrupted", st->path);
		return STORE_INTERRUPTED;
	}
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "could not search the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}
