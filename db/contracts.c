/* SPDX-License-Identifier: MIT */
/* contracts.c: changing the nominal-risk worksheet one contract at a time.
 *
 * Contracts keep a sparse worksheet position (steps of CONTRACT_POS_STEP
 * when appended), so a contract inserted between two takes the middle of
 * their gap and moves no other.  When a gap runs out, only the rows
 * around it are spread out again: the smallest aligned range of
 * positions around the gap that is sparse enough (a range of 2^k
 * positions holding at most 1.9^k rows, as in Bender et al.'s "Two
 * simplified algorithms for maintaining order in a list"), so a run of
 * inserts at one place costs a few moved rows each, not a renumbering of
 * a million.  Every change updates nr_total in the same transaction
 * (totals.c) and moves the store's known places with it (contract_page.c),
 * so no single change reads more than the rows near it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "nominal.h"
#include "store_internal.h"

/* ---- positions ---- */

/* Positions as unsigned numbers in the same order, so ranges of 2^k can
 * be aligned across zero. */
#define SIGN_BIT ((uint64_t)1 << 63)
static uint64_t upos(int64_t pos)
{
	return (uint64_t)pos ^ SIGN_BIT;
}

static int64_t spos(uint64_t u)
{
	u ^= SIGN_BIT;
	return u <= (uint64_t)INT64_MAX ? (int64_t)u :
	       -(int64_t)(~u) - 1;
}

static int pos_of(struct store *st, int64_t id, int64_t *pos)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_C_POS, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "i", id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*pos = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = STORE_RC_NO_CONTRACT;
		}
	}
	stmt_done(s);
	return rc;
}

/* Rows with positions in [lo, hi], counting no further than limit. */
static int count_range(struct store *st, int64_t lo, int64_t hi,
                       int64_t limit, int64_t *n)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_C_RANGE_COUNT, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "iii", lo, hi, limit);
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

/* Gives the n rows with positions in [base, last] positions spread
 * evenly over it, in their order.  Their ids are read first: moving rows
 * under a scan of the same index would meet them again. */
static int spread(struct store *st, uint64_t base, uint64_t last, int64_t n)
{
	uint64_t gap = (last - base) / (uint64_t)(n + 1);
	int64_t *ids = mem_calloc((size_t)(n ? n : 1), sizeof *ids), got = 0;
	sqlite3_stmt *s;
	int rc;

	if (!ids)
		return SQLITE_NOMEM;
	s = store_stmt(st, S_C_RANGE, &rc);
	if (s)
		rc = stmt_bind(s, "iii", spos(base), spos(last), n);
	while (s && rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		ids[got++] = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	stmt_done(s);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	for (int64_t j = 0; rc == SQLITE_OK && j < got; j++) {
		int64_t pos = spos(base + gap * (uint64_t)(j + 1));

		rc = store_run(st, S_C_MOVE, "ii", ids[j], pos);
		if (rc == SQLITE_OK)
			anchors_moved(st, ids[j], pos);
	}
	mem_free(ids);
	return rc;
}

/* The gap between u and u2 ran out: spreads out the rows of the
 * smallest aligned range of 2^k positions holding both that is sparse
 * enough: at most 1.9^k rows, and a quarter of its positions, the new
 * one included, so every gap in it is 3 or more after. */
static int respace(struct store *st, uint64_t u, uint64_t u2)
{
	int64_t cap = 1, n = 0;

	for (int k = 1; k <= 64; k++) {
		uint64_t span = k == 64 ? 0 : (uint64_t)1 << k;
		uint64_t base = k == 64 ? 0 : u & ~(span - 1);
		uint64_t last = k == 64 ? UINT64_MAX : base + (span - 1);
		int64_t quarter = k >= 64 ? INT64_MAX : (int64_t)((uint64_t)1 << (k - 2 > 0 ? k - 2 : 0));
		int64_t allowed;
		int rc;

		cap = cap > INT64_MAX / 19 ? INT64_MAX : cap * 19 / 10;
		if (cap < 2)
			cap = 2;
		allowed = cap < quarter ? cap : quarter;
		if (k < 3 || u2 < base || u2 > last)
			continue;
		rc = count_range(st, spos(base), spos(last), allowed, &n);
		if (rc != SQLITE_OK)
			return rc;
		if (n + 1 <= allowed)
			return spread(st, base, last, n);
	}
	return SQLITE_FULL;   /* 2^64 positions for fewer rows than that */
}

/* A free position between the row (lo, lid) and the one after it; has_lo
 * false: before the first row. */
static int free_pos(struct store *st, bool has_lo, int64_t lid, int64_t *pos)
{
	const int64_t step = CONTRACT_POS_STEP;

	for (int attempt = 0; attempt < 2; attempt++) {
		int64_t lo = INT64_MIN, hi = INT64_MAX;
		bool has_hi = false;
		sqlite3_stmt *s;
		int rc = has_lo ? pos_of(st, lid, &lo) : SQLITE_OK;

		if (rc != SQLITE_OK)
			return rc;
		s = store_stmt(st, S_C_NEXT, &rc);
		if (!s)
			return rc;
		rc = stmt_bind(s, "ii", lo, has_lo ? lid : INT64_MIN);
		if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			has_hi = true;
			hi = sqlite3_column_int64(s, 0);
		}
		stmt_done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return rc;
		if (!has_lo && !has_hi) {
			*pos = step;
			return SQLITE_OK;
		}
		if (!has_lo && hi >= INT64_MIN + step) {
			*pos = hi - step;
			return SQLITE_OK;
		}
		if (!has_hi && lo <= INT64_MAX - step) {
			*pos = lo + step;
			return SQLITE_OK;
		}
		if (upos(hi) - upos(lo) >= 2) {
			*pos = spos(upos(lo) + (upos(hi) - upos(lo)) / 2);
			return SQLITE_OK;
		}
		rc = respace(st, upos(lo), upos(hi));
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_INTERNAL;   /* respacing always leaves a gap */
}

/* ---- edits, inside a transaction ---- */

/* Writes c at pos (keeping c->id when it is set: undo). */
static int put_at(struct store *st, struct contract *c, int64_t pos)
{
	int rc = contract_insert_row(st, c->id, pos, c);

	if (rc != SQLITE_OK)
		return rc;
	if (c->id <= 0)
		c->id = sqlite3_last_insert_rowid(st->db);
	anchors_added(st, pos, c->id);
	return totals_apply(st, c, +1);
}

int contract_put(struct store *st, struct contract *c, int64_t after,
                 int64_t *index)
{
	int64_t n, lpos = 0, lid = 0, pos;
	int rc;

	/* The count kept in nr_total, not count(*) over every row. */
	rc = totals_count(st, &n);
	if (rc != SQLITE_OK)
		return rc;
	if (after >= n)
		after = n - 1;
	if (after < -1)
		after = -1;
	if (after >= 0 && (rc = contract_at(st, after, &lpos, &lid)) !=
	    SQLITE_OK)
		return rc;
	rc = free_pos(st, after >= 0, lid, &pos);
	if (rc == SQLITE_OK)
		rc = put_at(st, c, pos);
	if (rc != SQLITE_OK)
		return rc;
	*index = after + 1;
	anchors_note(st, *index, pos, c->id);
	return SQLITE_OK;
}

int contract_put_after_id(struct store *st, struct contract *c, int64_t pred)
{
	int64_t lpos = 0, pos;
	bool has_lo = pred > 0;
	int rc = has_lo ? pos_of(st, pred, &lpos) : SQLITE_OK;

	/* The one before it is gone too: it goes to the top. */
	if (rc == STORE_RC_NO_CONTRACT) {
		has_lo = false;
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_OK)
		rc = free_pos(st, has_lo, pred, &pos);
	if (rc == SQLITE_OK)
		rc = put_at(st, c, pos);
	return rc;
}

int contract_change(struct store *st, const struct contract *c,
                    struct contract *old, int64_t *index)
{
	int64_t pos;
	int rc;

	rc = contract_get(st, c->id, old, &pos);
	if (rc == SQLITE_OK && index)
		rc = contract_place(st, pos, c->id, index);
	if (rc != SQLITE_OK)
		return rc;
	{
		sqlite3_stmt *s = store_stmt(st, S_C_UPDATE, &rc);

		if (!s)
			return rc;
		rc = sqlite3_bind_int64(s, 1, c->id);
		if (rc == SQLITE_OK)
			rc = contract_bind(s, 2, c);
		rc = stmt_step_done(s, rc);
	}
	if (rc == SQLITE_OK)
		rc = totals_apply(st, old, -1);
	if (rc == SQLITE_OK)
		rc = totals_apply(st, c, +1);
	return rc;
}

int contract_remove(struct store *st, int64_t id, struct contract *old,
                    int64_t *index, int64_t *pred)
{
	sqlite3_stmt *s;
	int64_t pos;
	int rc;

	*pred = 0;
	rc = contract_get(st, id, old, &pos);
	if (rc == SQLITE_OK && index)
		rc = contract_place(st, pos, id, index);
	if (rc != SQLITE_OK)
		return rc;
	s = store_stmt(st, S_C_PRED, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "ii", pos, id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			*pred = sqlite3_column_int64(s, 0);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	stmt_done(s);
	if (rc == SQLITE_OK)
		rc = store_run(st, S_C_DELETE, "i", id);
	if (rc == SQLITE_OK) {
		anchors_removed(st, pos, id);
		rc = totals_apply(st, old, -1);
	}
	return rc;
}

/* ---- the public edits: each its own transaction with its history ---- */

static const char again[] = "make the change again";

/* Refuses what the file must not hold, naming the field. */
static enum store_status check_contract(struct store *st,
                                        const struct contract *c,
                                        char *err, size_t errlen)
{
	char why[128];

	if (!contract_valid(c, why, sizeof why)) {
		snprintf(err, errlen, "%s: contract not saved: %s", st->path, why);
		return STORE_INVALID;
	}
	return STORE_OK;
}

/* History row, draft and COMMIT for one contract edit. */
static enum store_status finish_edit(struct store *st, const char *name,
                                     const char *old_json,
                                     const char *new_json,
                                     char *err, size_t errlen)
{
	enum store_status status;
	int rc;

	rc = store_history_add(st, "contract", name, old_json, new_json);
	if (rc == SQLITE_OK)
		rc = store_draft(st);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "not saved", again, err, errlen);
	status = store_commit(st, again, err, errlen);
	if (status == STORE_OK)
		store_draft_done(st);
	return status;
}

/* Its place (a count of the rows before it) only names a contract that
 * has no label. */
static bool named_by_place(const struct contract *c)
{
	return !(c->label && *c->label);
}

/* A change of the worksheet may start: the file is writable, the
 * contract (unless NULL) can be written, and the transaction is open. */
static enum store_status edit_begin(struct store *st, const struct contract *c,
                                    char *err, size_t errlen)
{
	enum store_status status = store_writable(st, err, errlen);

	if (status == STORE_OK && c)
		status = check_contract(st, c, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, again, err, errlen);
	return status;
}

enum store_status store_contract_insert(struct store *st, int64_t after,
                                        struct contract *c, int64_t *pos,
                                        char *err, size_t errlen)
{
	enum store_status status;
	char *json = NULL, *name = NULL;
	int64_t id = c->id, index = -1;
	int rc;

	status = edit_begin(st, c, err, errlen);
	if (status != STORE_OK)
		return status;
	c->id = 0;
	rc = contract_put(st, c, after, &index);
	if (rc == SQLITE_OK)
		rc = contract_json(st, c, 0, &json);
	if (rc == SQLITE_OK && !(name = contract_name(c, index)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK)
		status = store_fail(st, rc, "not saved", again, err, errlen);
	else
		status = finish_edit(st, name, NULL, json, err, errlen);
	sqlite3_free(json);
	mem_free(name);
	if (status != STORE_OK) {
		c->id = id;
		return status;
	}
	if (pos)
		*pos = index;
	return STORE_OK;
}

enum store_status store_contract_update(struct store *st,
                                        const struct contract *c,
                                        char *err, size_t errlen)
{
	enum store_status status;
	struct contract old;
	char *old_json = NULL, *new_json = NULL, *name = NULL;
	int64_t index = -1;
	int rc;

	status = edit_begin(st, c, err, errlen);
	if (status != STORE_OK)
		return status;
	contract_init(&old);
	rc = contract_change(st, c, &old, named_by_place(c) ? &index : NULL);
	if (rc == SQLITE_OK)
		rc = contract_json(st, &old, 0, &old_json);
	if (rc == SQLITE_OK)
		rc = contract_json(st, c, 0, &new_json);
	if (rc == SQLITE_OK && !(name = contract_name(c, index)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK)
		status = store_fail(st, rc, "not saved", again, err, errlen);
	else if (strcmp(old_json, new_json) == 0)
		store_rollback(st);   /* nothing changed: nothing to record */
	else
		status = finish_edit(st, name, old_json, new_json, err, errlen);
	contract_clear(&old);
	sqlite3_free(old_json);
	sqlite3_free(new_json);
	mem_free(name);
	return status;
}

enum store_status store_contract_delete(struct store *st, int64_t id,
                                        char *err, size_t errlen)
{
	enum store_status status;
	struct contract old;
	char *json = NULL, *name = NULL;
	int64_t index = -1, pred = 0;
	int rc;

	status = edit_begin(st, NULL, err, errlen);
	if (status != STORE_OK)
		return status;
	contract_init(&old);
	/* The place is counted before the row goes, and only when the
	 * history names it by its place: that takes reading its label. */
	rc = contract_get(st, id, &old, NULL);
	if (rc == SQLITE_OK) {
		bool by_place = named_by_place(&old);

		contract_clear(&old);
		rc = contract_remove(st, id, &old, by_place ? &index : NULL, &pred);
	}
	if (rc == SQLITE_OK)
		rc = contract_json(st, &old, pred, &json);
	if (rc == SQLITE_OK && !(name = contract_name(&old, index)))
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK)
		status = store_fail(st, rc, "not deleted", again, err, errlen);
	else
		status = finish_edit(st, name, json, NULL, err, errlen);
	contract_clear(&old);
	sqlite3_free(json);
	mem_free(name);
	return status;
}
