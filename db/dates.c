/* SPDX-License-Identifier: MIT */
/* dates.c: when a submission was created and last changed, for the
 * exports that carry them (a Qualtrics response's start and end). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "store_internal.h"

enum store_status store_dates(struct store *st, char *created,
                              char *changed, size_t n, char *err,
                              size_t errlen)
{
	static const char sql[] =
		"SELECT (SELECT value FROM meta WHERE key = 'created'), "
		"(SELECT at FROM history ORDER BY id DESC LIMIT 1)";
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	created[0] = changed[0] = '\0';
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(s, 0);
		const char *h = (const char *)sqlite3_column_text(s, 1);

		snprintf(created, n, "%s", c ? c : "");
		snprintf(changed, n, "%s", h ? h : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "reading when it was created and "
		                  "changed", "try again", err, errlen);
	return STORE_OK;
}
