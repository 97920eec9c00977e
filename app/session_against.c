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
#include <string.h>

#include "diff.h"
#include "mem.h"
#include "session.h"

struct session_against {
	char *path;                  /* the older file, as named */
	struct diff_snapshot old;
	struct diff_snapshot cur;    /* this session's, at gen cur_gen */
	uint64_t cur_gen;
	bool have_cur;
	size_t ndiff;                /* keys of cur that differ from old */
};

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

static void against_free(struct session_against *g)
{
	if (!g)
		return;
	diff_snapshot_free(&g->old);
	diff_snapshot_free(&g->cur);
	mem_free(g->path);
	mem_free(g);
}

void session_against_close(struct session *s)
{
	against_free(s->against);
	s->against = NULL;
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
		against_free(g);
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
