/* SPDX-License-Identifier: MIT */
/* session_cdiff.c: the worksheets of two sessions compared as they
 * stream (src/cdiff.h), each read through a cursor of its own store, so
 * `apmwb diff` and a reviewer's screen pair contracts the same way. */
#include <config.h>

#include <stdio.h>

#include "session.h"
#include "store_cursor.h"

struct source {
	struct store *st;
	struct store_cursor *cur;
	char *err;
	size_t errlen;
	bool failed;
};

static bool source_next(void *src, struct contract *c, bool *got)
{
	struct source *s = src;
	enum store_status rc;

	rc = store_cursor_next(s->cur, c, got, s->err, s->errlen);
	if (rc != STORE_OK)
		s->failed = true;
	return rc == STORE_OK;
}

/* The second pass: every label of the side, from a cursor of its own. */
static bool source_scan(void *src, void (*add)(void *set, const char *label),
                        void *set)
{
	struct source *s = src;
	struct store_cursor *cur;
	struct contract c;
	bool got = true;
	enum store_status rc;

	rc = store_cursor_open(s->st, &cur, s->err, s->errlen);
	while (rc == STORE_OK) {
		contract_init(&c);
		rc = store_cursor_next(cur, &c, &got, s->err, s->errlen);
		if (rc == STORE_OK && got)
			add(set, c.label);
		contract_clear(&c);
		if (!got)
			break;
	}
	store_cursor_close(cur);
	if (rc != STORE_OK)
		s->failed = true;
	return rc == STORE_OK;
}

bool session_contracts_diff(struct session *old, struct session *new,
                            cdiff_emit_fn emit, void *ctx, bool *failed,
                            char *err, size_t errlen)
{
	struct source so = { old->st, NULL, err, errlen, false };
	struct source sn = { new->st, NULL, err, errlen, false };
	struct cdiff_source o = { source_next, source_scan, &so };
	struct cdiff_source n = { source_next, source_scan, &sn };
	struct cdiff_stats stats;
	bool ok;

	*failed = false;
	if (store_cursor_open(so.st, &so.cur, err, errlen) != STORE_OK ||
	    store_cursor_open(sn.st, &sn.cur, err, errlen) != STORE_OK) {
		store_cursor_close(so.cur);
		*failed = true;
		return false;
	}
	ok = cdiff_run(&o, &n, CDIFF_WINDOW, emit, ctx, &stats, err, errlen);
	*failed = so.failed || sn.failed || (!ok && *err);
	store_cursor_close(so.cur);
	store_cursor_close(sn.cur);
	return ok;
}
