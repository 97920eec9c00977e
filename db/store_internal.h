/* SPDX-License-Identifier: MIT */
/* store_internal.h: what the files of db/ share, and nothing else may use
 * (tests/check_store.c excepted, to build files of older versions). */
#ifndef APMWB_STORE_INTERNAL_H
#define APMWB_STORE_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include "store.h"

/* ---- schema.c ---- */

/* The schema version this apmwb writes (PRAGMA user_version). */
extern const int schema_latest;

/* Runs the migration steps that bring a database at version `from` to `to`
 * and sets user_version; the caller holds the transaction.  Returns an
 * SQLite result code; err says which step failed. */
int schema_migrate(sqlite3 *db, int from, int to, char *err, size_t errlen);

/* Registers apmwb_nr_status(line, type, risk_min, risk_max, shared_risk,
 * dollars): the core's nominal-risk rule as SQL, "meets", "fails" or
 * "incomplete". */
int schema_register_functions(sqlite3 *db);

/* Builds a complete new submission at `version` (its tables, the built-in
 * edition, meta and the history's 'create') in db, in one transaction.
 * store_create uses schema_latest; tests make older files with it. */
int schema_build(sqlite3 *db, int version, const char *actor,
                 char *err, size_t errlen);

/* Result codes of our own beside SQLite's (which are all positive):
 * store_fail() turns them into messages like any other. */
#define STORE_RC_OVERFLOW (-1)   /* the worksheet's sums would overflow */
#define STORE_RC_NO_CONTRACT (-2) /* no contract with that id */
#define STORE_RC_BAD_CONTRACT (-3) /* a field out of its range */
#define STORE_RC_BAD_HISTORY (-4) /* a history row undo cannot read */
#define STORE_RC_BAD_OLD_VALUE (-5) /* an earlier value set would refuse */

/* ---- the open store ---- */

/* Statements kept prepared for the life of the store (store.c lists the
 * SQL of each). */
enum stmt_id {
	S_ANSWER_GET, S_ANSWER_PUT, S_ANSWER_DEL, S_ANSWER_ALL,
	S_HISTORY_ADD, S_HISTORY_LIST, S_HISTORY_LAST, S_HISTORY_MARK,
	S_HISTORY_ACK_BEFORE,
	S_META_GET, S_META_PUT, S_META_DEL,
	S_ACK_GET, S_ACK_PUT, S_ACK_LIST,
	S_C_COUNT, S_C_PAGE, S_C_GET, S_C_ALL, S_C_BOUNDS, S_C_INSERT,
	S_C_UPDATE, S_C_DELETE, S_C_DELETE_ALL, S_C_RENUMBER, S_C_INDEX_OF,
	S_C_PRED, S_C_JSON, S_C_UNJSON,
	S_NR_GET, S_NR_PUT, S_NR_DEL, S_NR_ALL, S_NR_CLEAR, S_NR_REBUILD,
	S_COUNT
};

/* The columns every contract query selects, in this order. */
#define CONTRACT_COLUMNS \
	"id, pos, label, line, type, risk_min, risk_max, shared_risk, dollars"

/* Gap between neighbouring contracts' positions: inserting between two
 * needs no renumbering until ten halvings have used a gap up. */
#define CONTRACT_POS_STEP 1024

struct store {
	char *path;
	char *real_path;             /* links followed, as SQLite names it */
	char *jpath;                 /* where SQLite keeps its journal */
	struct stat db_sb;           /* the file as opened: owner, mode */
	sqlite3 *db;
	bool read_only;
	enum store_recovery recovery; /* of an interrupted save, at open */
	bool hot_at_open;            /* a trusted journal was there */
	int lock_fd;                 /* flock'ed while read-write, else -1 */
	int jguard;                  /* our journal during a write, else -1 */
	struct edition *ed;
	/* store_open_known: the caller's edition, used instead of the file's
	 * own copy of it (and not freed here). */
	const struct edition *known;
	bool ed_borrowed;
	struct answers *a;
	char *actor;
	struct store_ack *acks;      /* acknowledgements in force */
	size_t nacks;
	bool complete;
	char *signed_by, *signed_at;
	sqlite3_stmt *stmt[S_COUNT];
	/* An import of the whole worksheet in progress (its transaction is
	 * open between replace_begin and replace_end). */
	bool replacing, replace_failed;
	int64_t replace_old, replace_n;
	/* The sums of the contracts appended since contracts_clear, by line
	 * (LOB_COUNT: none) and enum nr_status: an import writes nr_total
	 * from these instead of scanning and sorting the rows it just wrote. */
	struct {
		int64_t cents[LOB_COUNT + 1][3], n[LOB_COUNT + 1][3];
		bool overflow;
	} appended;
	/* The first and last rows of the last page read (index, pos, id), so
	 * the next page is found by key from there, not by skipping every row
	 * before it.  Good while contracts_gen (bumped by every change to the
	 * worksheet's order) and PRAGMA data_version (other connections'
	 * commits) are what they were. */
	uint64_t contracts_gen;
	struct {
		bool ok;
		uint64_t gen;
		int64_t data_version;
		int64_t i[2], pos[2], id[2];
	} page;
};

/* "1 contract", "3 contracts": counts in history rows and messages. */
void store_count_text(char *buf, size_t n, int64_t count, const char *noun);

/* Length of "2026-11-23T14:02:11Z" plus its NUL. */
#define STORE_TIME_LEN 21
void store_now(char buf[STORE_TIME_LEN]);

/* The statement, reset and unbound; NULL with *rc set on failure. */
sqlite3_stmt *store_stmt(struct store *st, enum stmt_id id, int *rc);
/* Binds by the letters of fmt: 't' text (NULL binds NULL), 'i' int64,
 * 'n' NULL.  Returns an SQLite result code. */
int stmt_bind(sqlite3_stmt *s, const char *fmt, ...);
int stmt_vbind(sqlite3_stmt *s, const char *fmt, va_list ap);
/* Resets s and clears its bindings. */
void stmt_done(sqlite3_stmt *s);
/* Runs a statement that returns no rows: SQLITE_OK or an error code. */
int store_run(struct store *st, enum stmt_id id, const char *fmt, ...);
/* A copy of column i as a new string; *ok turns false if memory ran out
 * (NULL for SQL NULL is fine). */
char *col_dup(sqlite3_stmt *s, int i, bool *ok);

/* Turns an SQLite failure into a status and a message:
 * "FILE: DOING: REASON; AGAIN". */
enum store_status store_fail(struct store *st, int rc, const char *doing,
                             const char *again, char *err, size_t errlen);
/* STORE_OK when st may be written now; else the status and message. */
enum store_status store_writable(struct store *st, char *err, size_t errlen);
/* BEGIN IMMEDIATE / COMMIT; on failure the transaction is rolled back and
 * the message tells what to do again. */
enum store_status store_begin(struct store *st, const char *again,
                              char *err, size_t errlen);
enum store_status store_commit(struct store *st, const char *again,
                               char *err, size_t errlen);
void store_rollback(struct store *st);
/* Makes the journal ours before a write transaction (journal.h) and
 * takes it away after, when SQLite did not use it; store_begin, commit
 * and rollback call these. */
enum store_status store_guard_journal(struct store *st, char *err,
                                      size_t errlen);
void store_unguard_journal(struct store *st);

/* In a write transaction: one history row by the store's actor, now. */
int store_history_add(struct store *st, const char *what, const char *key,
                      const char *old_value, const char *new_value);
/* In a write transaction: a complete submission goes back to draft, with
 * its history row.  store_draft_done() updates memory after COMMIT. */
int store_draft(struct store *st);
void store_draft_done(struct store *st);

/* Reads the acknowledgements in force (inside or outside a transaction). */
int store_acks_read(struct store *st, struct store_ack **out, size_t *n);
void store_acks_free(struct store_ack *acks, size_t n);
/* Replaces the in-memory acknowledgements (after COMMIT). */
void store_acks_swap(struct store *st, struct store_ack *acks, size_t n);
/* In a write transaction: sets or (reason NULL or "") withdraws one
 * acknowledgement, with a history row `what` unless that is NULL (undo
 * writes its own).  message NULL keeps the one there; by/at NULL: the
 * actor, now. */
int store_ack_write(struct store *st, const char *id, const char *message,
                    const char *reason, const char *by, const char *at,
                    const char *what, bool *changed);

/* ---- contracts.c ---- */

/* A contract from the six rule columns (line, type, risk_min, risk_max,
 * shared_risk, dollars); a value of the wrong type or out of range is
 * treated as missing, so a damaged row is incomplete, never wrong. */
void contract_from_values(struct contract *c, sqlite3_value **v);
/* A contract from a row of CONTRACT_COLUMNS (its pos in *pos unless
 * NULL); false when memory ran out for the label. */
bool contract_from_row(struct contract *c, sqlite3_stmt *s, int64_t *pos);
/* "meets" / "fails" / "incomplete", as apmwb_nr_status says. */
const char *contract_status_name(const struct contract *c);
/* Checks a contract before it is written: known line and type, terms 0 to
 * 100%, dollars 0 to MONEY_MAX, a label within NR_LABEL_MAX. */
bool contract_valid(const struct contract *c, char *why, size_t whylen);

/* In a write transaction, each keeping nr_total up to date: */
/* Inserts c after the contract at index `after` (-1: at the top); keeps
 * c->id when it is set (undo), else sets it. */
int contract_put(struct store *st, struct contract *c, int64_t after,
                 int64_t *index);
/* Replaces the fields of contract c->id; *old gets what it was.  *index
 * (a count of the rows before it) only when index is not NULL. */
int contract_change(struct store *st, const struct contract *c,
                    struct contract *old, int64_t *index);
/* Removes a contract; *old gets it and *pred the id of the one before it
 * (0: it was first); *index as contract_change. */
int contract_remove(struct store *st, int64_t id, struct contract *old,
                    int64_t *index, int64_t *pred);
/* The index of the contract with this id, or -1 when there is none. */
int contract_index_of(struct store *st, int64_t id, int64_t *index);
/* The worksheet goes; contracts are appended in order, each added to the
 * sums kept as they come; then the totals are written from those sums
 * (imports).  contracts_rebuild_totals instead rebuilds them from the rows
 * in one statement (a scan and a sort: what the sums must agree with). */
int contracts_clear(struct store *st);
int contracts_append(struct store *st, const struct contract *c,
                     int64_t n);
int contracts_write_totals(struct store *st);
int contracts_rebuild_totals(struct store *st);
/* A name for a contract in the history: its label, else "#N" (1-based
 * position); NULL when memory runs out. */
char *contract_name(const struct contract *c, int64_t index);

/* ---- history.c ---- */

/* A compact JSON of a contract for the history, made with json_object:
 * its id, `pred` (the contract before it, for a deleted one; 0: none) and
 * its fields in the contracts CSV's machine text.  *json is
 * sqlite3_malloc'ed. */
int contract_json(struct store *st, const struct contract *c, int64_t pred,
                  char **json);
/* A contract back from such a JSON. */
int contract_unjson(struct store *st, const char *json, struct contract *c,
                    int64_t *pred);

#endif
