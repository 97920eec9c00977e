/* SPDX-License-Identifier: MIT */
/* contracts_import.c: the whole worksheet replaced at once (an import of
 * the contracts CSV, or of a JSON export's "contracts"), one contract at a
 * time, so a million-row CSV is never held whole.
 *
 * The rows are appended in order at positions a step apart, and their
 * totals summed in memory as they come (totals.c) and written once at the
 * end, instead of one nr_total row updated per contract.  The whole import
 * is one transaction: nothing is visible to readers before it commits. */
#include <config.h>

#include <stdio.h>

#include "nominal.h"
#include "store_internal.h"

int contracts_clear(struct store *st)
{
	int rc = store_run(st, S_C_DELETE_ALL, "");

	totals_appended_clear(st);
	anchors_drop(st);
	if (rc == SQLITE_OK)
		rc = store_run(st, S_NR_CLEAR, "");
	return rc;
}

int contracts_append(struct store *st, const struct contract *c, int64_t n)
{
	int rc = contract_insert_row(st, 0, (n + 1) * CONTRACT_POS_STEP, c);

	if (rc == SQLITE_OK)
		totals_appended_add(st, c);
	return rc;
}

static const char import_again[] = "import it again";

enum store_status store_contracts_replace_begin(struct store *st,
                                                char *err, size_t errlen)
{
	enum store_status status;
	int rc;

	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, import_again, err, errlen);
	if (status != STORE_OK)
		return status;
	rc = totals_count(st, &st->replace_old);
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
		return store_fail(st, rc, "nothing imported", import_again, err,
		                  errlen);
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
	rc = totals_appended_write(st);
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
