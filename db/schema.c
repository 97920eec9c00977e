/* SPDX-License-Identifier: MIT */
/* schema.c: the tables of a submission file and their migrations.
 *
 * As in iSH's fs/fake-migrate.c: an array of SQL steps, step k bringing
 * user_version k-1 to k.  All pending steps run in the caller's one
 * transaction, then PRAGMA user_version is set (pragmas take no
 * placeholders, so the number is printed into the SQL).  A step, once
 * shipped, is never edited: a change is a new step. */
#include <config.h>

#include <stdio.h>

#include "edition_load.h"
#include "store_internal.h"

static const char *const steps[] = {
	/* 1: the submission.  Percent terms are milli-percent integers and
	 * dollars are cents, NULL when missing.  nr_total holds the
	 * worksheet's sums by line ('' for none) and nominal-risk status,
	 * kept up to date with every contract change, so no total needs a
	 * scan. */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);\n"
	"CREATE TABLE answer (key TEXT PRIMARY KEY, value TEXT NOT NULL,\n"
	"  updated TEXT NOT NULL);\n"
	"CREATE TABLE contract (id INTEGER PRIMARY KEY, pos INTEGER NOT NULL,\n"
	"  label TEXT, line TEXT, type TEXT, risk_min INTEGER,\n"
	"  risk_max INTEGER, shared_risk INTEGER, dollars INTEGER);\n"
	"CREATE INDEX contract_pos ON contract (pos);\n"
	"CREATE TABLE nr_total (line TEXT, status TEXT, cents INTEGER NOT NULL,\n"
	"  n INTEGER NOT NULL, PRIMARY KEY (line, status));\n"
	"CREATE TABLE ack (id TEXT PRIMARY KEY, message TEXT, reason TEXT,\n"
	"  by TEXT, at TEXT);\n"
	"CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT, who TEXT,\n"
	"  what TEXT, key TEXT, old TEXT, new TEXT,\n"
	"  undone INTEGER NOT NULL DEFAULT 0);\n",

	/* 2: the changes of one key, newest first, without reading the whole
	 * history: undo of an acknowledgement looks up who gave the one it
	 * brings back. */
	"CREATE INDEX history_key ON history (key, id);\n",
};

const int schema_latest = (int)(sizeof steps / sizeof *steps);

/* The steps whose change a reader does without: an index that only makes
 * a writer's lookups quicker.  A read-only open of a file older than all
 * of them reads it as it is, with no copy brought up to date in memory
 * (which a large worksheet would fill).  A step that changes what a reader
 * reads is not listed, and files before it are read through the copy. */
static const int readers_skip[] = { 2 };

bool schema_readable_as_is(int from)
{
	for (int k = from + 1; k <= schema_latest; k++) {
		bool skip = false;

		for (size_t i = 0; i < sizeof readers_skip / sizeof *readers_skip;
		     i++)
			skip = skip || readers_skip[i] == k;
		if (!skip)
			return false;
	}
	return true;
}

int schema_migrate(sqlite3 *db, int from, int to, char *err, size_t errlen)
{
	char sql[64];
	int rc;

	if (from < 0 || to > schema_latest || from > to) {
		snprintf(err, errlen, "no way from version %d to %d", from, to);
		return SQLITE_MISUSE;
	}
	for (int k = from + 1; k <= to; k++) {
		rc = sqlite3_exec(db, steps[k - 1], NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			snprintf(err, errlen, "step %d: %s", k, sqlite3_errmsg(db));
			return rc;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(err, errlen, "setting the version: %s", sqlite3_errmsg(db));
	return rc;
}

/* Runs one statement with bound text values. */
static int exec_bound(sqlite3 *db, const char *sql, int n, const char **v)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = v[i] ? sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC) :
		            sqlite3_bind_null(s, i + 1);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

int schema_build(sqlite3 *db, int version, const char *actor,
                 char *err, size_t errlen)
{
	char sql[64], now[STORE_TIME_LEN];
	const char *meta[] = { now, PACKAGE_STRING };
	const char *create[] = { now, actor };
	int rc;

	store_now(now);
	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
		return rc;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
	         (int)STORE_APPLICATION_ID);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = schema_migrate(db, 0, version, err, errlen);
	else
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	if (rc == SQLITE_OK && !edition_install(db, err, errlen))
		rc = sqlite3_errcode(db) ? sqlite3_errcode(db) : SQLITE_ERROR;
	if (rc == SQLITE_OK) {
		rc = exec_bound(db, "INSERT INTO meta (key, value) "
		                "SELECT 'edition', id FROM edition UNION ALL "
		                "VALUES ('created', ?1), ('created_by', ?2), "
		                "('state', 'draft')", 2, meta);
		if (rc == SQLITE_OK)
			rc = exec_bound(db, "INSERT INTO history (at, who, what, "
			                "key, old, new) SELECT ?1, ?2, 'create', "
			                "NULL, NULL, 'edition ' || id FROM edition",
			                2, create);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc == SQLITE_OK) {
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
