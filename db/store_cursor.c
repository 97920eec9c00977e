/* SPDX-License-Identifier: MIT */
/* store_cursor.c: a worksheet read once through, in worksheet order. */
#include <config.h>

#include "mem.h"
#include "store_cursor.h"
#include "store_internal.h"

struct store_cursor {
	struct store *st;
	sqlite3_stmt *s;
	bool done;
};

enum store_status store_cursor_open(struct store *st,
                                    struct store_cursor **out,
                                    char *err, size_t errlen)
{
	struct store_cursor *cur = mem_calloc(1, sizeof *cur);
	int rc;

	*out = NULL;
	if (!cur)
		return store_fail(st, SQLITE_NOMEM, "could not read the worksheet",
		                  "try again", err, errlen);
	cur->st = st;
	/* The order of the pages and of the exports. */
	rc = sqlite3_prepare_v2(st->db, "SELECT " CONTRACT_COLUMNS
	                        " FROM contract ORDER BY pos, id", -1, &cur->s,
	                        NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(cur->s);
		mem_free(cur);
		return store_fail(st, rc, "could not read the worksheet",
		                  "try again", err, errlen);
	}
	*out = cur;
	return STORE_OK;
}

enum store_status store_cursor_next(struct store_cursor *cur,
                                    struct contract *c, bool *got,
                                    char *err, size_t errlen)
{
	int rc;

	*got = false;
	if (cur->done)
		return STORE_OK;
	rc = sqlite3_step(cur->s);
	if (rc == SQLITE_DONE) {
		cur->done = true;
		return STORE_OK;
	}
	if (rc == SQLITE_ROW) {
		if (contract_from_row(c, cur->s, NULL)) {
			*got = true;
			return STORE_OK;
		}
		rc = SQLITE_NOMEM;
	}
	cur->done = true;
	return store_fail(cur->st, rc, "could not read the worksheet",
	                  "try again", err, errlen);
}

void store_cursor_close(struct store_cursor *cur)
{
	if (!cur)
		return;
	sqlite3_finalize(cur->s);
	mem_free(cur);
}
