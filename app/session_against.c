/* SPDX-License-Identifier: MIT */
/* session_against.c: a submission set beside an older one, key by key.
 *
 * `apmwb diff` prints what differs; a reviewer's screen (`apmwb -r FILE
 * --against OLD`) marks it where it is shown.  Both read the same
 * snapshots (src/diff.h), so the screen marks exactly what diff prints.
 * The older file is read once, at the start, and closed; the current
 * side's snapshot is made again only when the session has changed. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "mem.h"
#include "session.h"
#include "session_internal.h"


enum store_status session_snapshot(struct session *s,
                                   struct diff_snapshot *snap,
                                   char *err, size_t errlen)
{
	struct store_signoff so;
	const struct store_ack *sa;
	struct diff_ack *acks = NULL;
	struct diff_state st;
	size_t n;
	bool ok;

	store_signoff(s->st, &so);
	sa = store_acks(s->st, &n);
	if (n && !(acks = mem_calloc(n, sizeof *acks))) {
		snprintf(err, errlen, "%s: out of memory", store_path(s->st));
		return STORE_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		acks[i].id = sa[i].id;
		acks[i].reason = sa[i].reason;
		acks[i].by = sa[i].by;
		acks[i].at = sa[i].at;
	}
	st.complete = so.complete;
	st.signed_by = so.by;
	st.signed_at = so.at;
	st.acks = acks;
	st.nacks = n;
	ok = diff_snapshot_build(snap, s->ed, s->a, s->f, &st);
	mem_free(acks);
	if (!ok) {
		snprintf(err, errlen, "%s: out of memory", store_path(s->st));
		return STORE_NOMEM;
	}
	return STORE_OK;
}

enum store_status session_against(struct session *s, const char *old_path,
                                  char *err, size_t errlen)
{
	struct session_against *g;
	struct session *old;
	enum store_status rc;

	if (!(g = mem_calloc(1, sizeof *g)) || !(g->path = mem_strdup(old_path))) {
		mem_free(g);
		snprintf(err, errlen, "%s: out of memory", old_path);
		return STORE_NOMEM;
	}
	rc = session_open(old_path, STORE_MODE_READ_ONLY, false, &old, err,
	                  errlen);
	if (rc == STORE_OK) {
		rc = session_snapshot(old, &g->old, err, errlen);
		session_close(old);
	}
	if (rc != STORE_OK) {
		session_against_free(g);
		return rc;
	}
	session_against_close(s);
	s->against = g;
	return STORE_OK;
}

/* Makes the current side's snapshot when the session has moved on. */
static bool against_current(struct session *s)
{
	struct session_against *g = s->against;
	char err[256];

	if (g->have_cur && g->cur_gen == s->gen)
		return true;
	diff_snapshot_free(&g->cur);
	g->have_cur = false;
	if (session_snapshot(s, &g->cur, err, sizeof err) != STORE_OK)
		return false;
	g->ndiff = 0;
	for (size_t i = 0; i < g->cur.n; i++) {
		const struct diff_item *it = &g->cur.items[i];

		if (it->key && diff_snapshot_differs(&g->old, it->key, it->value))
			g->ndiff++;
	}
	g->cur_gen = s->gen;
	g->have_cur = true;
	return true;
}

bool session_differs(struct session *s, const char *key)
{
	const struct diff_item *it;

	if (!s->against || !key || !against_current(s))
		return false;
	it = diff_snapshot_find(&s->against->cur, key);
	return diff_snapshot_differs(&s->against->old, key, it ? it->value : NULL);
}

const char *session_against_path(const struct session *s)
{
	return s->against ? s->against->path : NULL;
}

size_t session_differences(struct session *s)
{
	if (!s->against || !against_current(s))
		return 0;
	return s->against->ndiff;
}

/* ---- the contracts, compared by cdiff as apmwb diff compares them ---- */

static bool collect(void *ctx, const struct cdiff_event *e)
{
	struct session_against *g = ctx;

	if (e->kind == CDIFF_DELETED) {
		g->deleted++;
		return true;
	}
	/* One field after another of a contract: the position once. */
	if (g->ncon && g->con[g->ncon - 1] == e->new_pos)
		return true;
	if (g->ncon == g->capcon) {
		size_t cap = g->capcon ? 2 * g->capcon : 64;
		int64_t *more = mem_realloc_array(g->con, cap, sizeof *more);

		if (!more)
			return false;
		g->con = more;
		g->capcon = cap;
	}
	g->con[g->ncon++] = e->new_pos;
	return true;
}

static int by_pos(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* Compares the worksheets again when the session has moved on; false
 * (nothing marked) when the older file cannot be read now. */
static bool against_contracts(struct session *s)
{
	struct session_against *g = s->against;
	struct session *old;
	char err[512];
	bool failed, ok;

	if (g->have_con && g->con_gen == s->gen)
		return true;
	g->ncon = 0;
	g->deleted = 0;
	g->have_con = false;
	if (session_open(g->path, STORE_MODE_READ_ONLY, false, &old, err,
	                 sizeof err) != STORE_OK)
		return false;
	ok = session_contracts_diff(old, s, collect, g, &failed, err,
	                            sizeof err);
	session_close(old);
	if (!ok)
		return false;
	/* Sorted, each once, for the binary search (none: con is NULL,
	 * which qsort may not be given). */
	if (g->ncon > 1)
		qsort(g->con, g->ncon, sizeof *g->con, by_pos);
	{
		size_t k = 0;

		for (size_t i = 0; i < g->ncon; i++)
			if (k == 0 || g->con[k - 1] != g->con[i])
				g->con[k++] = g->con[i];
		g->ncon = k;
	}
	g->con_gen = s->gen;
	g->have_con = true;
	return true;
}

bool session_contract_differs(struct session *s, int64_t pos)
{
	struct session_against *g = s->against;
	size_t lo = 0, hi;

	if (!g || !against_contracts(s))
		return false;
	hi = g->ncon;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (g->con[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < g->ncon && g->con[lo] == pos;
}

int64_t session_contracts_deleted(struct session *s)
{
	if (!s->against || !against_contracts(s))
		return 0;
	return s->against->deleted;
}

size_t session_contracts_changed(struct session *s)
{
	if (!s->against || !against_contracts(s))
		return 0;
	return s->against->ncon;
}
