/* SPDX-License-Identifier: MIT */
/* totals.c: the worksheet's sums kept beside it (nr_total), by line and
 * nominal-risk status, so no total the screen shows needs a reading of
 * every contract.
 *
 * Every contract is folded in through the core's own rule
 * (nominal_evaluate), in the same transaction as the change to it: one
 * at a time for an edit, and for an import summed in memory as the rows
 * are appended and written once at the end.  db/verify.c folds the rows
 * again the same way to check the kept sums. */
#include <config.h>

#include <string.h>

#include "lob.h"
#include "money.h"
#include "nominal.h"
#include "store_internal.h"

/* The line a contract's sums are kept under ("" for none). */
static const char *line_id(const struct contract *c)
{
	return c->has & NR_HAS_LINE ? lob_nr_id(c->line) : "";
}

int totals_apply(struct store *st, const struct contract *c, int sign)
{
	const char *line = line_id(c), *status = contract_status_name(c);
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

int totals_count(struct store *st, int64_t *n)
{
	return store_query_int(st->db, "SELECT coalesce(sum(n), 0) FROM nr_total",
	                       n);
}

void totals_appended_clear(struct store *st)
{
	memset(&st->appended, 0, sizeof st->appended);
}

void totals_appended_add(struct store *st, const struct contract *c)
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

int totals_appended_write(struct store *st)
{
	int rc;

	if (st->appended.overflow)
		return STORE_RC_OVERFLOW;
	rc = store_run(st, S_NR_CLEAR, "");
	for (int l = 0; l <= LOB_COUNT && rc == SQLITE_OK; l++) {
		for (int k = 0; k < 3 && rc == SQLITE_OK; k++) {
			if (st->appended.n[l][k] == 0)
				continue;
			rc = store_run(st, S_NR_PUT, "ttii",
			               l < LOB_COUNT ? lob_nr_id(l) : "",
			               contract_status_text((enum nr_status)k),
			               st->appended.cents[l][k],
			               st->appended.n[l][k]);
		}
	}
	return rc;
}

/* Adds one kept row (a line, a status, its cents and count) to out. */
static void totals_row(struct nr_totals *out, const char *line,
                       const char *status, int64_t cents, int64_t n)
{
	int l = line && *line ? lob_from_nr_id(line) : LOB_NONE;
	int64_t *sum;

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
		const char *status = (const char *)sqlite3_column_text(s, 1);

		if (status)
			totals_row(out, (const char *)sqlite3_column_text(s, 0),
			           status, sqlite3_column_int64(s, 2),
			           sqlite3_column_int64(s, 3));
	}
	stmt_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	return STORE_OK;
}
