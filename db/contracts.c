/* SPDX-License-Identifier: MIT */
/* contracts.c: the nominal-risk worksheet in the file.
 *
 * Contracts keep a sparse worksheet position (steps of CONTRACT_POS_STEP),
 * so inserting between two rarely moves any other; when a gap runs out the
 * worksheet is renumbered once.  Every change updates nr_total in the same
 * transaction, through the core's nominal_evaluate(), so the totals the
 * screen shows never need a scan of a large payer's thousands of rows. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lob.h"
#include "mem.h"
#include "money.h"
#include "nominal.h"
#include "store_internal.h"

/* ---- a contract and its columns ---- */

static bool int_in(sqlite3_value *v, int64_t lo, int64_t hi, int64_t *out)
{
	int64_t x;

	if (sqlite3_value_type(v) != SQLITE_INTEGER)
		return false;
	x = sqlite3_value_int64(v);
	if (x < lo || x > hi)
		return false;
	*out = x;
	return true;
}

void contract_from_values(struct contract *c, sqlite3_value **v)
{
	const char *line, *type;
	int64_t x;

	contract_init(c);
	line = sqlite3_value_type(v[0]) == SQLITE_TEXT ?
	       (const char *)sqlite3_value_text(v[0]) : NULL;
	type = sqlite3_value_type(v[1]) == SQLITE_TEXT ?
	       (const char *)sqlite3_value_text(v[1]) : NULL;
	if (line) {
		for (int l = 0; l < LOB_COUNT; l++) {
			if (strcmp(line, lob_nr_id(l)) == 0) {
				c->line = l;
				c->has |= NR_HAS_LINE;
			}
		}
	}
	if (type && strcmp(type, nominal_type_id(NR_TCOC)) == 0) {
		c->type = NR_TCOC;
		c->has |= NR_HAS_TYPE;
	} else if (type && strcmp(type, nominal_type_id(NR_REVENUE)) == 0) {
		c->type = NR_REVENUE;
		c->has |= NR_HAS_TYPE;
	}
	if (int_in(v[2], 0, PCT_MAX, &x)) {
		c->risk_min = x;
		c->has |= NR_HAS_MIN;
	}
	if (int_in(v[3], 0, PCT_MAX, &x)) {
		c->risk_max = x;
		c->has |= NR_HAS_MAX;
	}
	if (int_in(v[4], 0, PCT_MAX, &x)) {
		c->shared_risk = x;
		c->has |= NR_HAS_SHARE;
	}
	if (int_in(v[5], 0, MONEY_MAX, &x)) {
		c->dollars = x;
		c->has |= NR_HAS_DOLLARS;
	}
}

/* A contract from a row of CONTRACT_COLUMNS; false when memory ran out. */
bool contract_from_row(struct contract *c, sqlite3_stmt *s, int64_t *pos)
{
	sqlite3_value *v[6];
	const char *label;

	for (int i = 0; i < 6; i++)
		v[i] = sqlite3_column_value(s, 3 + i);
	contract_from_values(c, v);
	c->id = sqlite3_column_int64(s, 0);
	if (pos)
		*pos = sqlite3_column_int64(s, 1);
	label = (const char *)sqlite3_column_text(s, 2);
	if (label && *label && !(c->label = mem_strdup(label)))
		return false;
	return true;
}

const char *contract_status_name(const struct contract *c)
{
	struct nr_eval e;

	nominal_evaluate(c, &e);
	switch (e.status) {
	case NR_MEETS: return "meets";
	case NR_FAILS: return "fails";
	default: return "incomplete";
	}
}

bool contract_valid(const struct contract *c, char *why, size_t whylen)
{
	const char *bad = NULL;

	if ((c->has & NR_HAS_LINE) && (c->line < 0 || c->line >= LOB_COUNT))
		bad = "line";
	else if ((c->has & NR_HAS_TYPE) && c->type != NR_TCOC &&
	         c->type != NR_REVENUE)
		bad = "type";
	else if ((c->has & NR_HAS_MIN) && (c->risk_min < 0 ||
	                                   c->risk_min > PCT_MAX))
		bad = "risk_min";
	else if ((c->has & NR_HAS_MAX) && (c->risk_max < 0 ||
	                                   c->risk_max > PCT_MAX))
		bad = "risk_max";
	else if ((c->has & NR_HAS_SHARE) && (c->shared_risk < 0 ||
	                                     c->shared_risk > PCT_MAX))
		bad = "shared_risk";
	else if ((c->has & NR_HAS_DOLLARS) && (c->dollars < 0 ||
	                                       c->dollars > MONEY_MAX))
		bad = "dollars";
	else if (c->label && strlen(c->label) > NR_LABEL_MAX)
		bad = "label";
	if (bad) {
		snprintf(why, whylen, "%s is out of its range", bad);
		return false;
	}
	return true;
}

char *contract_name(const struct contract *c, int64_t index)
{
	if (c->label && *c->label)
		return mem_strdup(c->label);
	return mem_printf("#%lld", (long long)index + 1);
}

/* Binds c's label and rule columns from parameter `first` on. */
static int bind_contract(sqlite3_stmt *s, int first, const struct contract *c)
{
	int rc;

	rc = c->label ? sqlite3_bind_text(s, first, c->label, -1,
	                                  SQLITE_TRANSIENT) :
	                sqlite3_bind_null(s, first);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_LINE ?
		     sqlite3_bind_text(s, first + 1, lob_nr_id(c->line), -1,
		                       SQLITE_STATIC) :
		     sqlite3_bind_null(s, first + 1);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_TYPE ?
		     sqlite3_bind_text(s, first + 2, nominal_type_id(c->type), -1,
		                       SQLITE_STATIC) :
		     sqlite3_bind_null(s, first + 2);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_MIN ?
		     sqlite3_bind_int64(s, first + 3, c->risk_min) :
		     sqlite3_bind_null(s, first + 3);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_MAX ?
		     sqlite3_bind_int64(s, first + 4, c->risk_max) :
		     sqlite3_bind_null(s, first + 4);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_SHARE ?
		     sqlite3_bind_int64(s, first + 5, c->shared_risk) :
		     sqlite3_bind_null(s, first + 5);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_DOLLARS ?
		     sqlite3_bind_int64(s, first + 6, c->dollars) :
		     sqlite3_bind_null(s, first + 6);
	return rc;
}

/* Steps a statement that returns nothing. */
static int step_done(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* ---- nr_total ---- */

/* Adds (sign +1) or takes away (-1) one contract from its line and status. */
static int totals_apply(struct store *st, const struct contract *c, int sign)
{
	const char *line = c->has & NR_HAS_LINE ? lob_nr_id(c->line) : "";
	const char *status = contract_status_name(c);
	int64_t cents = c->has & NR_HAS_DOLLARS ? c->dollars : 0;
	int64_t sum = 0, n = 0;
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_NR_GET, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "tt", line, status);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			sum = sqlite3_column_int64(s, 0);
			n = sqlite3_column_int64(s, 1);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	if (rc != SQLITE_OK)
		return rc;
	/* Checked here: SQL's own + would turn an overflow into a float. */
	if (!(sign > 0 ? money_add(sum, cents, &sum) :
	      money_sub(sum, cents, &sum)))
		return STORE_RC_OVERFLOW;
	n += sign > 0 ? 1 : -1;
	if (n <= 0)
		return store_run(st, S_NR_DEL, "tt", line, status);
	return store_run(st, S_NR_PUT, "ttii", line, status, sum, n);
}

int contracts_rebuild_totals(struct store *st)
{
	int rc = store_run(st, S_NR_CLEAR, "");

	if (rc == SQLITE_OK)
		rc = store_run(st, S_NR_REBUILD, "");
	/* sum() refuses to overflow with a plain error. */
	if (rc == SQLITE_ERROR &&
	    strcmp(sqlite3_errmsg(st->db), "integer overflow") == 0)
		rc = STORE_RC_OVERFLOW;
	return rc;
}

enum store_status store_nr_totals(struct store *st, struct nr_totals *out,
                                  char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int rc;

	nominal_totals_init(out);
	s = store_stmt(st, S_NR_ALL, &rc);
	if (!s)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
		const char *status = (const char *)sqlite3_column_text(s, 1);
		int64_t cents = sqlite3_column_int64(s, 2);
		int64_t n = sqlite3_column_int64(s, 3);
		int l = line && *line ? lob_from_nr_id(line) : LOB_NONE;
		int64_t *sum;

		if (!status)
			continue;
		out->contracts += n;
		if (strcmp(status, "incomplete") == 0)
			out->incomplete += n;
		if (l == LOB_NONE)
			sum = &out->unplaced;
		else if (strcmp(status, "meets") == 0)
			sum = &out->meets[l];
		else
			sum = &out->fails[l];
		if (!money_add(*sum, cents, sum))
			out->overflow = true;
	}
	stmt_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}

/* ---- positions ---- */

static int count_contracts(struct store *st, int64_t *n)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_C_COUNT, &rc);
	if (!s)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	stmt_done(s);
	return rc;
}

static int read_page(struct store *st, int64_t from, size_t max,
                     struct contract *out, size_t *got);

/* The positions of the contracts at index i and i + 1 (has_* false where
 * there is none); for i = -1, only the first, as hi.  Read as a page is,
 * by key from wherever is nearest, not by skipping i rows. */
static int bounds(struct store *st, int64_t i, bool *has_lo, int64_t *lo,
                  bool *has_hi, int64_t *hi)
{
	struct contract c[2];
	size_t got = 0;
	int rc;

	*has_lo = *has_hi = false;
	rc = read_page(st, i < 0 ? 0 : i, i < 0 ? 1 : 2, c, &got);
	if (rc != SQLITE_OK)
		return rc;
	for (size_t k = 0; k < got; k++)
		contract_clear(&c[k]);
	if (i < 0) {
		if (got >= 1) {
			*has_hi = true;
			*hi = st->page.pos[0];
		}
	} else {
		if (got >= 1) {
			*has_lo = true;
			*lo = st->page.pos[0];
		}
		if (got >= 2) {
			*has_hi = true;
			*hi = st->page.pos[1];
		}
	}
	return SQLITE_OK;
}

/* A free position just after index `after` (-1: before the first). */
static int position_after(struct store *st, int64_t after, int64_t *pos)
{
	const int64_t step = CONTRACT_POS_STEP;

	for (int attempt = 0; attempt < 2; attempt++) {
		bool has_lo, has_hi;
		int64_t lo = 0, hi = 0;
		int rc = bounds(st, after, &has_lo, &lo, &has_hi, &hi);

		if (rc != SQLITE_OK)
			return rc;
		if (!has_lo && !has_hi) {
			*pos = step;
			return SQLITE_OK;
		}
		if (!has_hi && lo <= INT64_MAX - step) {
			*pos = lo + step;
			return SQLITE_OK;
		}
		if (!has_lo && hi >= INT64_MIN + step) {
			*pos = hi - step;
			return SQLITE_OK;
		}
		if (has_lo && has_hi && hi - lo >= 2) {
			*pos = lo + (hi - lo) / 2;
			return SQLITE_OK;
		}
		/* The gap ran out: spread the worksheet out again, once. */
		st->contracts_gen++;
		rc = store_run(st, S_C_RENUMBER, "");
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_INTERNAL;   /* renumbering always leaves a gap */
}

int contract_index_of(struct store *st, int64_t id, int64_t *index)
{
	sqlite3_stmt *s;
	int64_t pos = 0;
	int rc;

	*index = -1;
	s = store_stmt(st, S_C_GET, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "i", id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			pos = sqlite3_column_int64(s, 1);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			stmt_done(s);
			return SQLITE_OK;
		}
	}
	stmt_done(s);
	if (rc != SQLITE_OK)
		return rc;
	s = store_stmt(st, S_C_INDEX_OF, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "ii", pos, id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*index = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	return rc;
}

/* Reads contract id into c (and its position); STORE_RC_NO_CONTRACT when
 * there is none. */
static int contract_get(struct store *st, int64_t id, struct contract *c,
                        int64_t *pos)
{
	sqlite3_stmt *s;
	int rc;

	contract_init(c);
	s = store_stmt(st, S_C_GET, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "i", id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			rc = contract_from_row(c, s, pos) ? SQLITE_OK : SQLITE_NOMEM;
		else if (rc == SQLITE_DONE)
			rc = STORE_RC_NO_CONTRACT;
	}
	stmt_done(s);
	return rc;
}

/* ---- edits, inside a transaction ---- */

static int query_int64(struct store *st, const char *sql, int64_t *v);

static int kept_count(struct store *st, int64_t *n)
{
	return query_int64(st, "SELECT coalesce(sum(n), 0) FROM nr_total", n);
}

int contract_put(struct store *st, struct contract *c, int64_t after,
                 int64_t *index)
{
	sqlite3_stmt *s;
	int64_t n, pos;
	int rc;

	/* The count kept in nr_total, not count(*) over every row. */
	rc = kept_count(st, &n);
	if (rc != SQLITE_OK)
		return rc;
	if (after >= n)
		after = n - 1;
	if (after < -1)
		after = -1;
	rc = position_after(st, after, &pos);
	if (rc != SQLITE_OK)
		return rc;
	st->contracts_gen++;
	s = store_stmt(st, S_C_INSERT, &rc);
	if (!s)
		return rc;
	rc = c->id > 0 ? sqlite3_bind_int64(s, 1, c->id) :
	                 sqlite3_bind_null(s, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(s, 2, pos);
	if (rc == SQLITE_OK)
		rc = bind_contract(s, 3, c);
	if (rc == SQLITE_OK)
		rc = step_done(s);
	stmt_done(s);
	if (rc != SQLITE_OK)
		return rc;
	if (c->id <= 0)
		c->id = sqlite3_last_insert_rowid(st->db);
	*index = after + 1;
	return totals_apply(st, c, +1);
}

int contract_change(struct store *st, const struct contract *c,
                    struct contract *old, int64_t *index)
{
	sqlite3_stmt *s;
	int64_t pos;
	int rc;

	rc = contract_get(st, c->id, old, &pos);
	if (rc == SQLITE_OK && index)
		rc = contract_index_of(st, c->id, index);
	if (rc != SQLITE_OK)
		return rc;
	s = store_stmt(st, S_C_UPDATE, &rc);
	if (!s)
		return rc;
	rc = sqlite3_bind_int64(s, 1, c->id);
	if (rc == SQLITE_OK)
		rc = bind_contract(s, 2, c);
	if (rc == SQLITE_OK)
		rc = step_done(s);
	stmt_done(s);
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
		rc = contract_index_of(st, id, index);
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
	st->contracts_gen++;
	if (rc == SQLITE_OK)
		rc = store_run(st, S_C_DELETE, "i", id);
	if (rc == SQLITE_OK)
		rc = totals_apply(st, old, -1);
	return rc;
}

int contracts_clear(struct store *st)
{
	int rc = store_run(st, S_C_DELETE_ALL, "");

	memset(&st->appended, 0, sizeof st->appended);
	st->contracts_gen++;
	if (rc == SQLITE_OK)
		rc = store_run(st, S_NR_CLEAR, "");
	return rc;
}

/* Adds an appended contract to the sums contracts_write_totals writes:
 * its line and status as apmwb_nr_status would say them. */
static void sums_add(struct store *st, const struct contract *c)
{
	struct nr_eval e;
	int l = c->has & NR_HAS_LINE ? c->line : LOB_COUNT;
	int64_t *sum;

	nominal_evaluate(c, &e);
	sum = &st->appended.cents[l][e.status];
	if (!money_add(*sum, c->has & NR_HAS_DOLLARS ? c->dollars : 0, sum))
		st->appended.overflow = true;
	st->appended.n[l][e.status]++;
}

int contracts_append(struct store *st, const struct contract *c, int64_t n)
{
	sqlite3_stmt *s;
	int rc;

	st->contracts_gen++;
	s = store_stmt(st, S_C_INSERT, &rc);
	if (!s)
		return rc;
	rc = sqlite3_bind_null(s, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(s, 2, (n + 1) * CONTRACT_POS_STEP);
	if (rc == SQLITE_OK)
		rc = bind_contract(s, 3, c);
	if (rc == SQLITE_OK)
		rc = step_done(s);
	stmt_done(s);
	if (rc == SQLITE_OK)
		sums_add(st, c);
	return rc;
}

int contracts_write_totals(struct store *st)
{
	static const char *const status[3] = {
		[NR_MEETS] = "meets", [NR_FAILS] = "fails",
		[NR_INCOMPLETE] = "incomplete"
	};
	int rc;

	if (st->appended.overflow)
		return STORE_RC_OVERFLOW;
	rc = store_run(st, S_NR_CLEAR, "");
	for (int l = 0; l <= LOB_COUNT && rc == SQLITE_OK; l++) {
		for (int k = 0; k < 3 && rc == SQLITE_OK; k++) {
			if (st->appended.n[l][k] == 0)
				continue;
			rc = store_run(st, S_NR_PUT, "ttii",
			               l < LOB_COUNT ? lob_nr_id(l) : "", status[k],
			               st->appended.cents[l][k],
			               st->appended.n[l][k]);
		}
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

enum store_status store_contract_insert(struct store *st, int64_t after,
                                        struct contract *c, int64_t *pos,
                                        char *err, size_t errlen)
{
	enum store_status status;
	char *json = NULL, *name = NULL;
	int64_t id = c->id, index = -1;
	int rc;

	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = check_contract(st, c, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, again, err, errlen);
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

	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = check_contract(st, c, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		return status;
	contract_init(&old);
	/* Its place (a count of the rows before it) only names a contract
	 * that has no label. */
	rc = contract_change(st, c, &old, c->label && *c->label ? NULL : &index);
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

	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		return status;
	contract_init(&old);
	rc = contract_remove(st, id, &old, NULL, &pred);
	/* Its place only names a contract without a label: one after the
	 * contract before it. */
	if (rc == SQLITE_OK && !(old.label && *old.label) && pred > 0 &&
	    (rc = contract_index_of(st, pred, &index)) == SQLITE_OK)
		index++;
	else if (rc == SQLITE_OK && !(old.label && *old.label))
		index = 0;
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

/* ---- reading ---- */

enum store_status store_contract_count(struct store *st, int64_t *n,
                                       char *err, size_t errlen)
{
	int rc = count_contracts(st, n);

	if (rc != SQLITE_OK)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}

/* ---- pages of the worksheet, by key ---- */

/* Where a page is read from: the top, the bottom, or one of the last
 * page's rows (forward from it, or backward), skipping `skip` rows. */
enum page_way { FROM_TOP, FROM_BOTTOM, AFTER_ROW, BEFORE_ROW };

static const char *const page_sql[] = {
	[FROM_TOP] = "SELECT " CONTRACT_COLUMNS " FROM contract "
		"ORDER BY pos, id LIMIT ?3 OFFSET ?4",
	[FROM_BOTTOM] = "SELECT " CONTRACT_COLUMNS " FROM contract "
		"ORDER BY pos DESC, id DESC LIMIT ?3 OFFSET ?4",
	/* Row (?1, ?2) itself and those after it, in order. */
	[AFTER_ROW] = "SELECT " CONTRACT_COLUMNS " FROM contract "
		"WHERE pos >= ?1 AND (pos > ?1 OR id >= ?2) "
		"ORDER BY pos, id LIMIT ?3 OFFSET ?4",
	[BEFORE_ROW] = "SELECT " CONTRACT_COLUMNS " FROM contract "
		"WHERE pos <= ?1 AND (pos < ?1 OR id <= ?2) "
		"ORDER BY pos DESC, id DESC LIMIT ?3 OFFSET ?4",
};

static int query_int64(struct store *st, const char *sql, int64_t *v)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*v = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

/* Picks the way that skips fewest rows to reach rows [from, from + max),
 * of `count` (nr_total's). */
static enum page_way page_way(const struct store *st, bool anchored,
                              int64_t from, int64_t max, int64_t count,
                              int *row, int64_t *skip)
{
	enum page_way way = FROM_TOP;
	int64_t last = from + max - 1;

	*row = 0;
	*skip = from;
	for (int k = 0; anchored && k < 2; k++) {
		int64_t i = st->page.i[k];

		if (from >= i && from - i < *skip) {
			way = AFTER_ROW;
			*row = k;
			*skip = from - i;
		}
		if (last <= i && i - last < *skip) {
			way = BEFORE_ROW;
			*row = k;
			*skip = i - last;
		}
	}
	/* A page that runs past the bottom is read up to the bottom. */
	if (last >= count)
		last = count - 1;
	if (from < count && count - 1 - last < *skip) {
		way = FROM_BOTTOM;
		*skip = count - 1 - last;
	}
	return way;
}

static void contracts_reverse(struct contract *c, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct contract t = c[i];

		c[i] = c[n - 1 - i];
		c[n - 1 - i] = t;
	}
}

/* Reads the page inside the caller's read transaction. */
static int read_page(struct store *st, int64_t from, size_t max,
                     struct contract *out, size_t *got)
{
	enum page_way way;
	sqlite3_stmt *s = NULL;
	int64_t dv = 0, count = -1, skip, lim = (int64_t)max, pos[2] = { 0, 0 };
	bool anchored;
	size_t n = 0;
	int row, rc;

	/* nr_total's count is kept with every change in the same
	 * transaction: the bottom of the worksheet needs no count(*).  Read
	 * first, so the transaction holds its snapshot before the version is
	 * asked. */
	rc = kept_count(st, &count);
	if (rc == SQLITE_OK)
		rc = query_int64(st, "PRAGMA data_version", &dv);
	if (rc != SQLITE_OK)
		return rc;
	anchored = st->page.ok && st->page.gen == st->contracts_gen &&
	           st->page.data_version == dv;
	way = page_way(st, anchored, from, lim, count, &row, &skip);
	if (way == FROM_BOTTOM && from + lim > count)
		lim = count - from;
	rc = sqlite3_prepare_v2(st->db, page_sql[way], -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = stmt_bind(s, "iiii", st->page.pos[row], st->page.id[row], lim,
		               skip);
	while (rc == SQLITE_OK && n < (size_t)lim &&
	       (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t p;

		if (!contract_from_row(&out[n], s, &p)) {
			contract_clear(&out[n]);
			rc = SQLITE_NOMEM;
			break;
		}
		pos[n == 0 ? 0 : 1] = p;
		if (n == 0)
			pos[1] = p;
		n++;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		for (size_t i = 0; i < n; i++)
			contract_clear(&out[i]);
		return rc;
	}
	if (way == FROM_BOTTOM || way == BEFORE_ROW) {
		int64_t t = pos[0];

		contracts_reverse(out, n);
		pos[0] = pos[1];
		pos[1] = t;
		/* Backward from the bottom or a row, the page ends where it
		 * was asked to; fewer rows than asked start later. */
		from += lim - (int64_t)n;
	}
	*got = n;
	st->page.ok = n > 0;
	if (n > 0) {
		st->page.gen = st->contracts_gen;
		st->page.data_version = dv;
		st->page.i[0] = from;
		st->page.i[1] = from + (int64_t)n - 1;
		st->page.pos[0] = pos[0];
		st->page.pos[1] = pos[1];
		st->page.id[0] = out[0].id;
		st->page.id[1] = out[n - 1].id;
	}
	return SQLITE_OK;
}

enum store_status store_contract_page(struct store *st, int64_t from,
                                      size_t max, struct contract *out,
                                      size_t *got, char *err, size_t errlen)
{
	bool own = sqlite3_get_autocommit(st->db);
	int rc;

	*got = 0;
	if (max == 0)
		return STORE_OK;
	if (max > INT64_MAX / 2)
		max = INT64_MAX / 2;
	if (from < 0)
		from = 0;
	/* One read transaction: the version checked is the one read. */
	rc = own ? sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) : SQLITE_OK;
	if (rc == SQLITE_OK)
		rc = read_page(st, from, max, out, got);
	if (own && rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (own && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		for (size_t i = 0; i < *got; i++)
			contract_clear(&out[i]);
		*got = 0;
		st->page.ok = false;
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	}
	return STORE_OK;
}

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
			snprintf(err, errlen, "%s: stopped while going through the "
			         "worksheet (at contract %lld)", st->path,
			         (long long)i);
			return STORE_INVALID;
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}

/* ---- the whole worksheet at once ---- */

enum store_status store_contracts_replace_begin(struct store *st,
                                                char *err, size_t errlen)
{
	static const char import_again[] = "import it again";
	enum store_status status;
	int rc;

	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, import_again, err, errlen);
	if (status != STORE_OK)
		return status;
	rc = count_contracts(st, &st->replace_old);
	if (rc == SQLITE_OK)
		rc = contracts_clear(st);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "nothing imported", import_again, err,
		                  errlen);
	st->replacing = true;
	st->replace_failed = false;
	st->replace_n = 0;
	return STORE_OK;
}

enum store_status store_contracts_replace_add(struct store *st,
                                              const struct contract *c,
                                              char *err, size_t errlen)
{
	char why[128];
	int rc;

	if (!st->replacing || st->replace_failed) {
		snprintf(err, errlen, "%s: %s", st->path, st->replacing ?
		         "the import already failed; nothing was imported" :
		         "no import of the worksheet is under way");
		return STORE_INVALID;
	}
	if (!contract_valid(c, why, sizeof why)) {
		st->replace_failed = true;
		store_rollback(st);
		snprintf(err, errlen, "%s: contract %lld: %s", st->path,
		         (long long)st->replace_n + 1, why);
		return STORE_INVALID;
	}
	rc = contracts_append(st, c, st->replace_n);
	if (rc != SQLITE_OK) {
		st->replace_failed = true;
		return store_fail(st, rc, "nothing imported", "import it again",
		                  err, errlen);
	}
	st->replace_n++;
	return STORE_OK;
}

int64_t store_contracts_replaced(const struct store *st)
{
	return st->replace_old;
}

enum store_status store_contracts_replace_end(struct store *st, bool commit,
                                              char *err, size_t errlen)
{
	static const char import_again[] = "import it again";
	enum store_status status;
	char old[32], new[32];
	int rc;

	if (!st->replacing) {
		snprintf(err, errlen, "%s: no import of the worksheet is under way",
		         st->path);
		return STORE_INVALID;
	}
	st->replacing = false;
	if (!commit || st->replace_failed) {
		store_rollback(st);
		if (!commit)
			return STORE_OK;
		snprintf(err, errlen, "%s: the import failed; nothing was imported",
		         st->path);
		return STORE_INVALID;
	}
	store_count_text(old, sizeof old, st->replace_old, "contract");
	store_count_text(new, sizeof new, st->replace_n, "contract");
	rc = contracts_write_totals(st);
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "contracts", NULL, old, new);
	if (rc == SQLITE_OK)
		rc = store_draft(st);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "nothing imported", import_again, err,
		                  errlen);
	status = store_commit(st, import_again, err, errlen);
	if (status == STORE_OK)
		store_draft_done(st);
	return status;
}
