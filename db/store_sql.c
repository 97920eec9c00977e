/* SPDX-License-Identifier: MIT */
/* store_sql.c: what the files of db/ share: the statements kept for the
 * life of a store, binding, transactions, the history row, and the
 * messages every failure becomes.
 *
 * Habits from fossil's db.c: statements prepared once and kept, values
 * always bound, BEGIN IMMEDIATE for every write.  Every SQLite result is
 * checked and turned into a sentence that starts with the file's name and
 * says what to do. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "journal.h"
#include "mem.h"
#include "store_internal.h"

/* Rows from the row (?1, ?2) on, itself included, and back from it. */
#define FROM_ROW "WHERE pos >= ?1 AND (pos > ?1 OR id >= ?2) ORDER BY pos, id"
#define BACK_FROM_ROW "WHERE pos <= ?1 AND (pos < ?1 OR id <= ?2) " \
	"ORDER BY pos DESC, id DESC"
#define FORWARD "ORDER BY pos, id"
#define BACKWARD "ORDER BY pos DESC, id DESC"
#define PAGE " LIMIT ?3 OFFSET ?4"

/* The SQL of each kept statement (enum stmt_id).  Every read of the
 * worksheet in order goes by its index (contract_pos) from a key, never
 * by skipping rows it does not return. */
static const char *const stmt_sql[S_COUNT] = {
	[S_ANSWER_GET] = "SELECT value FROM answer WHERE key = ?1",
	[S_ANSWER_PUT] = "INSERT INTO answer(key, value, updated) "
		"VALUES (?1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET "
		"value = excluded.value, updated = excluded.updated",
	[S_ANSWER_DEL] = "DELETE FROM answer WHERE key = ?1",
	[S_ANSWER_ALL] = "SELECT key, value FROM answer",
	[S_HISTORY_ADD] = "INSERT INTO history(at, who, what, key, old, new) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* The worksheet's import ('contracts') is a wall: undo stops there. */
	[S_HISTORY_LAST] = "SELECT id, what, key, old, new FROM history "
		"WHERE undone = 0 AND what IN ('answer', 'contract', 'ack', "
		"'contracts') ORDER BY id DESC LIMIT 1",
	[S_HISTORY_MARK] = "UPDATE history SET undone = 1 WHERE id = ?1",
	[S_HISTORY_ACK_BEFORE] = "SELECT who, at FROM history "
		"WHERE what = 'ack' AND key = ?1 AND id < ?2 AND undone = 0 "
		"ORDER BY id DESC LIMIT 1",
	[S_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[S_META_PUT] = "INSERT INTO meta(key, value) VALUES (?1, ?2) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[S_META_DEL] = "DELETE FROM meta WHERE key = ?1",
	[S_ACK_GET] = "SELECT message, reason FROM ack WHERE id = ?1",
	[S_ACK_PUT] = "INSERT INTO ack(id, message, reason, by, at) "
		"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET "
		"message = excluded.message, reason = excluded.reason, "
		"by = excluded.by, at = excluded.at",
	[S_ACK_LIST] = "SELECT id, message, reason, by, at FROM ack "
		"WHERE reason IS NOT NULL ORDER BY id",
	[S_C_GET] = "SELECT " CONTRACT_COLUMNS " FROM contract WHERE id = ?1",
	[S_C_POS] = "SELECT pos FROM contract WHERE id = ?1",
	[S_C_INSERT] = "INSERT INTO contract(id, pos, label, line, type, "
		"risk_min, risk_max, shared_risk, dollars) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_C_UPDATE] = "UPDATE contract SET label = ?2, line = ?3, type = ?4, "
		"risk_min = ?5, risk_max = ?6, shared_risk = ?7, dollars = ?8 "
		"WHERE id = ?1",
	[S_C_DELETE] = "DELETE FROM contract WHERE id = ?1",
	[S_C_DELETE_ALL] = "DELETE FROM contract",
	/* The row just before (?1, ?2), and just after it. */
	[S_C_PRED] = "SELECT id FROM contract "
		"WHERE pos <= ?1 AND (pos < ?1 OR id < ?2) " BACKWARD " LIMIT 1",
	[S_C_NEXT] = "SELECT pos, id FROM contract "
		"WHERE pos >= ?1 AND (pos > ?1 OR id > ?2) " FORWARD " LIMIT 1",
	/* Rows strictly between (?1, ?2) and (?3, ?4), at most ?5. */
	[S_C_BETWEEN] = "SELECT count(*) FROM (SELECT 1 FROM contract "
		"WHERE pos >= ?1 AND pos <= ?3 AND (pos > ?1 OR id > ?2) "
		"AND (pos < ?3 OR id < ?4) LIMIT ?5)",
	/* The rows with positions in [?1, ?2] (respacing), at most ?3. */
	[S_C_RANGE] = "SELECT id FROM contract WHERE pos >= ?1 AND pos <= ?2 "
		FORWARD " LIMIT ?3",
	[S_C_RANGE_COUNT] = "SELECT count(*) FROM (SELECT 1 FROM contract "
		"WHERE pos >= ?1 AND pos <= ?2 LIMIT ?3)",
	[S_C_MOVE] = "UPDATE contract SET pos = ?2 WHERE id = ?1",
	[S_C_JSON] = "SELECT json_object('id', ?1, 'after', ?2, 'label', ?3, "
		"'line', ?4, 'type', ?5, 'risk_min', ?6, 'risk_max', ?7, "
		"'shared_risk', ?8, 'dollars', ?9)",
	[S_C_UNJSON] = "SELECT json_extract(?1, '$.id'), "
		"json_extract(?1, '$.after'), json_extract(?1, '$.label'), "
		"json_extract(?1, '$.line'), json_extract(?1, '$.type'), "
		"json_extract(?1, '$.risk_min'), json_extract(?1, '$.risk_max'), "
		"json_extract(?1, '$.shared_risk'), json_extract(?1, '$.dollars')",
	[S_PG_TOP] = "SELECT " CONTRACT_COLUMNS " FROM contract " FORWARD PAGE,
	[S_PG_BOTTOM] = "SELECT " CONTRACT_COLUMNS " FROM contract " BACKWARD
		PAGE,
	[S_PG_AFTER] = "SELECT " CONTRACT_COLUMNS " FROM contract " FROM_ROW
		PAGE,
	[S_PG_BEFORE] = "SELECT " CONTRACT_COLUMNS " FROM contract "
		BACK_FROM_ROW PAGE,
	[S_KEY_TOP] = "SELECT pos, id FROM contract " FORWARD PAGE,
	[S_KEY_BOTTOM] = "SELECT pos, id FROM contract " BACKWARD PAGE,
	[S_KEY_AFTER] = "SELECT pos, id FROM contract " FROM_ROW PAGE,
	[S_KEY_BEFORE] = "SELECT pos, id FROM contract " BACK_FROM_ROW PAGE,
	[S_FIND_AFTER] = "SELECT pos, id, label FROM contract "
		"WHERE pos >= ?1 AND (pos > ?1 OR id > ?2) " FORWARD,
	[S_FIND_BEFORE] = "SELECT pos, id, label FROM contract "
		"WHERE pos <= ?1 AND (pos < ?1 OR id < ?2) " BACKWARD,
	/* Every label, in the table's own order: a read of the worksheet
	 * that walks no index. */
	[S_FIND_ALL] = "SELECT pos, id, label FROM contract",
	[S_NR_GET] = "SELECT cents, n FROM nr_total "
		"WHERE line = ?1 AND status = ?2",
	[S_NR_PUT] = "INSERT INTO nr_total(line, status, cents, n) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT(line, status) DO UPDATE SET "
		"cents = excluded.cents, n = excluded.n",
	[S_NR_DEL] = "DELETE FROM nr_total WHERE line = ?1 AND status = ?2",
	[S_NR_ALL] = "SELECT line, status, cents, n FROM nr_total",
	[S_NR_CLEAR] = "DELETE FROM nr_total",
};

/* ---- statements ---- */

sqlite3_stmt *store_stmt(struct store *st, enum stmt_id id, int *rc)
{
	if (!st->stmt[id]) {
		*rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
		                         SQLITE_PREPARE_PERSISTENT, &st->stmt[id],
		                         NULL);
		if (*rc != SQLITE_OK) {
			sqlite3_finalize(st->stmt[id]);
			st->stmt[id] = NULL;
			return NULL;
		}
	}
	*rc = SQLITE_OK;
	return st->stmt[id];
}

int stmt_vbind(sqlite3_stmt *s, const char *fmt, va_list ap)
{
	int rc = SQLITE_OK;

	for (int i = 1; *fmt && rc == SQLITE_OK; fmt++, i++) {
		switch (*fmt) {
		case 't': {
			const char *t = va_arg(ap, const char *);

			rc = t ? sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT) :
			         sqlite3_bind_null(s, i);
			break;
		}
		case 'i':
			rc = sqlite3_bind_int64(s, i, va_arg(ap, int64_t));
			break;
		case 'n':
			rc = sqlite3_bind_null(s, i);
			break;
		default:
			abort();   /* a broken format is a bug, not a condition */
		}
	}
	return rc;
}

int stmt_bind(sqlite3_stmt *s, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = stmt_vbind(s, fmt, ap);
	va_end(ap);
	return rc;
}

void stmt_done(sqlite3_stmt *s)
{
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
}

int stmt_step_done(sqlite3_stmt *s, int rc)
{
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	stmt_done(s);
	return rc;
}

int store_run(struct store *st, enum stmt_id id, const char *fmt, ...)
{
	sqlite3_stmt *s;
	va_list ap;
	int rc;

	s = store_stmt(st, id, &rc);
	if (!s)
		return rc;
	va_start(ap, fmt);
	rc = stmt_vbind(s, fmt, ap);
	va_end(ap);
	return stmt_step_done(s, rc);
}

char *col_dup(sqlite3_stmt *s, int i, bool *ok)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	char *copy;

	if (!t) {
		/* NULL from a text column can also mean memory ran out. */
		if (sqlite3_column_type(s, i) != SQLITE_NULL)
			*ok = false;
		return NULL;
	}
	copy = mem_strdup(t);
	if (!copy)
		*ok = false;
	return copy;
}

int store_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_CORRUPT;
		}
	}
	sqlite3_finalize(s);
	return rc;
}

/* ---- progress, and long reads ---- */

static store_progress_fn default_progress;
static void *default_progress_ctx;

void store_set_progress(struct store *st, store_progress_fn fn, void *ctx)
{
	st->progress = fn;
	st->progress_ctx = ctx;
}

void store_set_default_progress(store_progress_fn fn, void *ctx)
{
	default_progress = fn;
	default_progress_ctx = ctx;
}

void store_progress_default(struct store *st)
{
	store_set_progress(st, default_progress, default_progress_ctx);
}

bool store_progress_tell(struct store *st, const struct store_progress *p)
{
	return !st->progress || st->progress(st->progress_ctx, p);
}

bool store_tell(struct store *st, const char *what, const char *unit,
                uint64_t done, uint64_t total)
{
	struct store_progress p = { what, unit, done, total, false };

	return store_progress_tell(st, &p);
}

void store_told(struct store *st, const char *what)
{
	struct store_progress p = { what, "", 0, 0, true };

	store_progress_tell(st, &p);
}

/* What store_watch tells, and how far (in SQLite's steps). */
struct watch {
	struct store *st;
	const char *what;
	uint64_t ticks;
};
static struct watch watching;

/* SQLite's progress handler: non-zero interrupts the statement. */
static int watch_tick(void *ctx)
{
	struct watch *w = ctx;

	w->ticks++;
	return !store_tell(w->st, w->what, "steps", w->ticks, 0);
}

void store_watch(struct store *st, const char *what)
{
	if (!st->progress)
		return;
	watching = (struct watch){ st, what, 0 };
	/* Some tens of thousands of SQLite's virtual machine steps are a
	 * few milliseconds. */
	sqlite3_progress_handler(st->db, 100000, watch_tick, &watching);
}

void store_unwatch(struct store *st)
{
	if (!st->progress)
		return;
	sqlite3_progress_handler(st->db, 0, NULL, NULL);
	store_told(st, watching.what);
}

static void set_cache(struct store *st, int kib)
{
	char sql[48];

	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", kib);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);   /* a hint, not data */
}

/* Is the file bigger than the cache a random read keeps?  A smaller
 * one is read once whole and kept, a stream through it no exception. */
bool store_outgrows_cache(struct store *st)
{
	sqlite3_file *f = NULL;
	sqlite3_int64 size = 0;

	if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_FILE_POINTER,
	                         &f) != SQLITE_OK || !f || !f->pMethods ||
	    f->pMethods->xFileSize(f, &size) != SQLITE_OK)
		return true;
	return size > (sqlite3_int64)STORE_CACHE_KIB * 1024;
}

void store_stream_begin(struct store *st)
{
	/* Inside a write the cache holds what is not yet written: leave it. */
	if (st->stream_depth++ == 0 && sqlite3_get_autocommit(st->db) &&
	    store_outgrows_cache(st))
		set_cache(st, STORE_STREAM_CACHE_KIB);
}

void store_stream_end(struct store *st)
{
	if (st->stream_depth > 0 && --st->stream_depth == 0)
		set_cache(st, STORE_CACHE_KIB);
}

void store_cache_reset(struct store *st)
{
	/* A cache of its own size, not SQLite's default of the day: what a
	 * random read may keep, and what an import holds before it spills
	 * to the file. */
	set_cache(st, STORE_CACHE_KIB);
}

/* ---- messages ---- */

const char *store_status_text(enum store_status s)
{
	switch (s) {
	case STORE_OK: return "done";
	case STORE_NOT_FOUND: return "no such file";
	case STORE_EXISTS: return "the file already exists";
	case STORE_NOT_SUBMISSION: return "not an apmwb submission";
	case STORE_DAMAGED: return "the file is damaged; restore it from a "
		"backup or a JSON export";
	case STORE_NEWER: return "made by a newer apmwb; update apmwb to open it";
	case STORE_LOCKED: return "open for editing in another apmwb; "
		"close that one, or open this one read-only with -r";
	case STORE_BUSY: return "another program kept the file busy; try again";
	case STORE_HOT_JOURNAL: return "an interrupted save that only opening "
		"the file for editing can repair";
	case STORE_READ_ONLY: return "open read-only; nothing was changed";
	case STORE_FULL: return "the disk is full; free some space and try again";
	case STORE_IO: return "could not read or write the file";
	case STORE_NOMEM: return "out of memory";
	case STORE_INVALID: return "refused";
	case STORE_UNCHANGED: return "unchanged: the file holds it already";
	case STORE_INTERRUPTED: return "interrupted; nothing was changed";
	}
	return "unknown error";
}

/* The message of one of our own result codes (store_internal.h); false
 * for SQLite's. */
static bool own_failure(struct store *st, int rc, const char *doing,
                        char *err, size_t errlen)
{
	switch (rc) {
	case STORE_RC_OVERFLOW:
		snprintf(err, errlen, "%s: %s: the worksheet's dollars would add up "
		         "to more than apmwb can count; check the amounts",
		         st->path, doing);
		return true;
	case STORE_RC_NO_CONTRACT:
		snprintf(err, errlen, "%s: %s: that contract is no longer in the "
		         "worksheet", st->path, doing);
		return true;
	case STORE_RC_BAD_CONTRACT:
		snprintf(err, errlen, "%s: %s: a contract has a field out of its "
		         "range", st->path, doing);
		return true;
	case STORE_RC_BAD_OLD_VALUE:
		snprintf(err, errlen, "%s: %s: the earlier value in its history "
		         "is not one apmwb would save (the file was changed by "
		         "another program), so it is not put back", st->path, doing);
		return true;
	case STORE_RC_BAD_HISTORY:
		snprintf(err, errlen, "%s: %s: the last change in its history "
		         "names something this file does not have, so it cannot be "
		         "undone", st->path, doing);
		return true;
	default:
		return false;
	}
}

/* The message of a failure SQLite's result code says all of: what to do
 * about a full disk, a busy or damaged file, one that cannot be written;
 * false for the rest. */
static bool plain_failure(struct store *st, int rc, const char *doing,
                          const char *again, const char *detail,
                          enum store_status *status, char *err,
                          size_t errlen)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		snprintf(err, errlen, "%s: %s: the disk is full; free some space "
		         "and %s", st->path, doing, again);
		*status = STORE_FULL;
		return true;
	case SQLITE_NOMEM:
		snprintf(err, errlen, "%s: %s: out of memory", st->path, doing);
		*status = STORE_NOMEM;
		return true;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(err, errlen, "%s: %s: another program kept the file busy "
		         "too long; %s", st->path, doing, again);
		*status = STORE_BUSY;
		return true;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(err, errlen, "%s: %s: the file is damaged; restore it "
		         "from a backup or a JSON export", st->path, doing);
		*status = STORE_DAMAGED;
		return true;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		snprintf(err, errlen, "%s: %s: the file or its folder cannot be "
		         "written (%s); check their permissions, then %s",
		         st->path, doing, detail, again);
		*status = STORE_IO;
		return true;
	case SQLITE_CANTOPEN:
		snprintf(err, errlen, "%s: %s: could not create its journal beside "
		         "it (%s); check that the folder is writable, then %s",
		         st->path, doing, detail, again);
		*status = STORE_IO;
		return true;
	default:
		return false;
	}
}

enum store_status store_fail(struct store *st, int rc, const char *doing,
                             const char *again, char *err, size_t errlen)
{
	enum store_status status;
	char detail[256];
	const char *why;

	snprintf(detail, sizeof detail, "%s", rc < 0 ? "" : st->db ?
	         sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	/* A failed statement leaves nothing half done: the whole change goes. */
	store_rollback(st);
	if (own_failure(st, rc, doing, err, errlen))
		return STORE_INVALID;
	if (plain_failure(st, rc, doing, again, detail, &status, err, errlen))
		return status;
	switch (rc & 0xff) {
	case SQLITE_IOERR:
		/* Say which: a failed read is not a failed write. */
		why = rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ ?
		      "could not read (I/O error)" : "could not write (I/O error)";
		status = STORE_IO;
		break;
	case SQLITE_RANGE:
	case SQLITE_TOOBIG:
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
		why = "refused";
		status = STORE_INVALID;
		break;
	default:
		why = "the database said";
		status = STORE_IO;
		break;
	}
	snprintf(err, errlen, "%s: %s: %s: %s; %s", st->path, doing, why, detail,
	         again);
	return status;
}

enum store_status store_writable(struct store *st, char *err, size_t errlen)
{
	if (st->read_only) {
		snprintf(err, errlen, "%s is open read-only; nothing was changed "
		         "(open it without -r to edit)", st->path);
		return STORE_READ_ONLY;
	}
	if (st->replacing) {
		snprintf(err, errlen, "%s: an import of the worksheet is under way; "
		         "finish it first", st->path);
		return STORE_INVALID;
	}
	return STORE_OK;
}

/* ---- transactions ---- */

enum store_status store_begin(struct store *st, const char *again,
                              char *err, size_t errlen)
{
	int rc;

	rc = store_guard_journal(st, err, errlen);
	if (rc != STORE_OK)
		return (enum store_status)rc;
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "not saved", again, err, errlen);
	st->anchors_begun = st->anchors;
	st->writing = true;
	return STORE_OK;
}

enum store_status store_commit(struct store *st, const char *again,
                               char *err, size_t errlen)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_fail(st, rc, "not saved", again, err, errlen);
	st->writing = false;
	store_unguard_journal(st);
	return STORE_OK;
}

void store_rollback(struct store *st)
{
	/* SQLite may have rolled back already (a full disk, an I/O error). */
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	/* The rows are where they were: so are the places known of them. */
	if (st->writing)
		st->anchors = st->anchors_begun;
	st->writing = false;
	/* After a failed write SQLite leaves the journal hot and puts the
	 * file right only at the next read: read now, so a full disk or an
	 * I/O error leaves the file as it was, not a repair for the next
	 * open to announce. */
	if (st->db && !st->read_only && st->jguard != -1)
		sqlite3_exec(st->db, "SELECT 1 FROM meta LIMIT 1", NULL, NULL,
		             NULL);
	store_unguard_journal(st);
}

enum store_status store_guard_journal(struct store *st, char *err,
                                      size_t errlen)
{
	int fd;

	if (st->pages_unchecked) {
		snprintf(err, errlen, "%s: not saved: its pages are still being "
		         "checked; try again when the check is done", st->path);
		return STORE_BUSY;
	}
	if (st->jguard >= 0)
		return STORE_OK;
	fd = journal_guard_begin(st->jpath, &st->db_sb, err, errlen, st->path);
	if (fd == JOURNAL_GUARD_FAILED)
		return STORE_IO;
	st->jguard = fd;   /* JOURNAL_GUARD_REUSED: nothing to clean up */
	return STORE_OK;
}

void store_unguard_journal(struct store *st)
{
	if (st->jguard >= 0)
		journal_guard_end(st->jpath, st->jguard);
	st->jguard = -1;
}

/* ---- history and state ---- */

void store_count_text(char *buf, size_t n, int64_t count, const char *noun)
{
	snprintf(buf, n, "%lld %s%s", (long long)count, noun,
	         count == 1 ? "" : "s");
}

void store_now(char buf[STORE_TIME_LEN])
{
	time_t t = time(NULL);
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    strftime(buf, STORE_TIME_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, STORE_TIME_LEN, "1970-01-01T00:00:00Z");
}

int store_history_add(struct store *st, const char *what, const char *key,
                      const char *old_value, const char *new_value)
{
	char now[STORE_TIME_LEN];

	store_now(now);
	return store_run(st, S_HISTORY_ADD, "tttttt", now, st->actor, what, key,
	                 old_value, new_value);
}

int store_draft(struct store *st)
{
	int rc;

	if (!st->complete)
		return SQLITE_OK;
	rc = store_run(st, S_META_PUT, "tt", "state", "draft");
	if (rc == SQLITE_OK)
		rc = store_run(st, S_META_DEL, "t", "signed_by");
	if (rc == SQLITE_OK)
		rc = store_run(st, S_META_DEL, "t", "signed_at");
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "draft", "state", "complete",
		                       "draft: edited after sign-off");
	return rc;
}

void store_draft_done(struct store *st)
{
	st->complete = false;
	mem_free(st->signed_by);
	mem_free(st->signed_at);
	st->signed_by = st->signed_at = NULL;
}
