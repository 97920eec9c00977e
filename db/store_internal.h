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

/* Can a reader read a file of version `from` as it is?  True when every
 * step since changes nothing a reader reads. */
bool schema_readable_as_is(int from);
/* For such a file: its edition tables brought forward in temp, which
 * unqualified names read before the file's own. */
int schema_overlay(sqlite3 *db, int from, char *err, size_t errlen);

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

/* Statements kept prepared for the life of the store (store_sql.c lists
 * the SQL of each). */
enum stmt_id {
	S_ANSWER_GET, S_ANSWER_PUT, S_ANSWER_DEL, S_ANSWER_ALL,
	S_HISTORY_ADD, S_HISTORY_LAST, S_HISTORY_MARK, S_HISTORY_ACK_BEFORE,
	S_META_GET, S_META_PUT, S_META_DEL,
	S_ACK_GET, S_ACK_PUT, S_ACK_LIST,
	S_C_GET, S_C_POS, S_C_INSERT, S_C_UPDATE, S_C_DELETE, S_C_DELETE_ALL,
	S_C_PRED, S_C_NEXT, S_C_BETWEEN, S_C_RANGE, S_C_RANGE_COUNT, S_C_MOVE,
	S_C_JSON, S_C_UNJSON,
	/* Rows (and keys alone) read forward from the top, backward from the
	 * bottom, forward from a row or backward from one (contract_page.c). */
	S_PG_TOP, S_PG_BOTTOM, S_PG_AFTER, S_PG_BEFORE,
	S_KEY_TOP, S_KEY_BOTTOM, S_KEY_AFTER, S_KEY_BEFORE,
	/* Labels after a row, before it, and all of them (find). */
	S_FIND_AFTER, S_FIND_BEFORE, S_FIND_ALL,
	S_NR_GET, S_NR_PUT, S_NR_DEL, S_NR_ALL, S_NR_CLEAR,
	S_COUNT
};

/* The columns every contract query selects, in this order. */
#define CONTRACT_COLUMNS \
	"id, pos, label, line, type, risk_min, risk_max, shared_risk, dollars"

/* Gap between neighbouring contracts' positions as they are appended:
 * inserting between two needs no respacing until ten halvings have used
 * a gap up. */
#define CONTRACT_POS_STEP 1024

/* A row whose place the store knows: its index, position and id. */
struct store_anchor {
	int64_t i, pos, id;
};
#define STORE_ANCHORS 8

struct store {
	char *path;
	char *real_path;             /* links followed, as SQLite names it */
	char *jpath;                 /* where SQLite keeps its journal */
	struct stat db_sb;           /* the file as opened: owner, mode */
	sqlite3 *db;
	bool read_only;
	bool pages_unchecked;        /* STORE_MODE_EDIT_CHECK_LATER, till verified */
	bool pages_checked;          /* store_verify found every page whole */
	enum store_recovery recovery; /* of an interrupted save, at open */
	bool hot_at_open;            /* a trusted journal was there */
	int lock_fd;                 /* flock'ed while read-write, else -1 */
	int jguard;                  /* our journal during a write, else -1 */
	struct edition *ed;
	/* store_open_known: the caller's edition, used instead of the file's
	 * own copy of it (and not freed here). */
	const struct edition *known;
	bool among_many;             /* store_open_known: read for a moment */
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
	/* The places of rows the store has seen (contract_page.c), and a
	 * copy taken at BEGIN that a ROLLBACK puts back. */
	struct store_anchors {
		struct store_anchor a[STORE_ANCHORS];
		int n, next;
		int64_t data_version;   /* other connections' commits */
	} anchors, anchors_begun;
	bool writing;                /* between store_begin and its end */
	/* Told how long work goes (store_set_progress). */
	store_progress_fn progress;
	void *progress_ctx;
	int stream_depth;            /* store_stream_begin's, nested */
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
/* Steps s once when rc (its binding's result) is SQLITE_OK, then
 * stmt_done: SQLITE_OK when it ran (rows or none), else the error. */
int stmt_step_done(sqlite3_stmt *s, int rc);
/* Runs a statement that returns no rows: SQLITE_OK or an error code. */
int store_run(struct store *st, enum stmt_id id, const char *fmt, ...);
/* A copy of column i as a new string; *ok turns false if memory ran out
 * (NULL for SQL NULL is fine). */
char *col_dup(sqlite3_stmt *s, int i, bool *ok);
/* Runs a statement that returns one integer (a pragma, a count) into
 * *out; SQLITE_CORRUPT when it returns no row. */
int store_query_int(sqlite3 *db, const char *sql, int64_t *out);

/* store_verify's page check through a memory map, when allowed
 * (store_allow_mapped_checks) and the file fits the page cache: for a
 * writer's open only, never under the full screen, whose terminal a
 * SIGBUS's message would find in curses' hands. */
enum { STORE_VERIFY_MAPPED = 4 };
/* Is the file bigger than the page cache (STORE_CACHE_KIB)? */
bool store_outgrows_cache(struct store *st);

/* The page cache of a connection (KiB), and during a long read.  The
 * bench gives its SQL anchors the same (bench/README.md). */
#define STORE_CACHE_KIB 1024
#define STORE_STREAM_CACHE_KIB 128

/* Tells the store's progress function; false when it asks to stop.
 * store_told is the work's last report (finished). */
bool store_tell(struct store *st, const char *what, const char *unit,
                uint64_t done, uint64_t total);
void store_told(struct store *st, const char *what);
/* A new store takes store_set_default_progress's function. */
void store_progress_default(struct store *st);
/* Around a single long statement (quick_check): the progress function
 * told every so many of SQLite's steps, which an interruption stops with
 * SQLITE_INTERRUPT. */
void store_watch(struct store *st, const char *what);
void store_unwatch(struct store *st);
/* Around a read of the whole worksheet or file outside a write: a page
 * cache of a few pages, so a read of a million rows leaves the memory as
 * it found it (the pages are read once, and the operating system keeps
 * the file cached anyway). */
void store_stream_begin(struct store *st);
void store_stream_end(struct store *st);
/* The cache outside long reads (after the open's first read). */
void store_cache_reset(struct store *st);

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

/* ---- contract_row.c ---- */

/* A contract from the six rule columns (line, type, risk_min, risk_max,
 * shared_risk, dollars); a value of the wrong type or out of range is
 * treated as missing, so a damaged row is incomplete, never wrong. */
void contract_from_values(struct contract *c, sqlite3_value **v);
/* A contract from a row of CONTRACT_COLUMNS (its pos in *pos unless
 * NULL); false when memory ran out for the label. */
bool contract_from_row(struct contract *c, sqlite3_stmt *s, int64_t *pos);
/* Reads contract id into c (and its position unless pos is NULL);
 * STORE_RC_NO_CONTRACT when there is none. */
int contract_get(struct store *st, int64_t id, struct contract *c,
                 int64_t *pos);
/* Binds c's label and rule columns from parameter `first` on. */
int contract_bind(sqlite3_stmt *s, int first, const struct contract *c);
/* Writes c as a new row at pos, with key id (0 or less: a new key). */
int contract_insert_row(struct store *st, int64_t id, int64_t pos,
                        const struct contract *c);
/* "meets" / "fails" / "incomplete": nr_total's names of the core's
 * statuses, of a contract or of a status. */
const char *contract_status_name(const struct contract *c);
const char *contract_status_text(enum nr_status s);
/* Checks a contract before it is written: known line and type, terms 0 to
 * 100%, dollars 0 to MONEY_MAX, a label within NR_LABEL_MAX. */
bool contract_valid(const struct contract *c, char *why, size_t whylen);
/* A name for a contract in the history: its label, else "#N" (1-based
 * position); NULL when memory runs out. */
char *contract_name(const struct contract *c, int64_t index);
/* A compact JSON of a contract for the history, made with json_object:
 * its id, `pred` (the contract before it, for a deleted one; 0: none) and
 * its fields in the contracts CSV's machine text.  *json is
 * sqlite3_malloc'ed. */
int contract_json(struct store *st, const struct contract *c, int64_t pred,
                  char **json);
/* A contract back from such a JSON. */
int contract_unjson(struct store *st, const char *json, struct contract *c,
                    int64_t *pred);

/* ---- totals.c ---- */

/* In a write transaction: adds (sign +1) or takes away (-1) one contract
 * from nr_total. */
int totals_apply(struct store *st, const struct contract *c, int sign);
/* The number of contracts, as nr_total keeps it. */
int totals_count(struct store *st, int64_t *n);
/* The sums of contracts appended by an import, kept in memory and
 * written to nr_total once at its end (which replaces every total). */
void totals_appended_clear(struct store *st);
void totals_appended_add(struct store *st, const struct contract *c);
int totals_appended_write(struct store *st);

/* ---- contract_page.c ---- */

/* The position and id of the row at index i (STORE_RC_NO_CONTRACT past
 * the end), reached from the nearest known place. */
int contract_at(struct store *st, int64_t i, int64_t *pos, int64_t *id);
/* The index of the row (pos, id), counted from the nearest known place. */
int contract_place(struct store *st, int64_t pos, int64_t id,
                   int64_t *index);
/* The known places: one more noted; moved for a row added or removed
 * (those after it move one place), for a row given a new position; all
 * dropped. */
void anchors_note(struct store *st, int64_t i, int64_t pos, int64_t id);
void anchors_added(struct store *st, int64_t pos, int64_t id);
void anchors_removed(struct store *st, int64_t pos, int64_t id);
void anchors_moved(struct store *st, int64_t id, int64_t pos);
void anchors_drop(struct store *st);

/* ---- contracts.c: in a write transaction, each keeping nr_total up to
 * date ---- */

/* Inserts c after the contract at index `after` (-1: at the top); keeps
 * c->id when it is set, else sets it. */
int contract_put(struct store *st, struct contract *c, int64_t after,
                 int64_t *index);
/* Inserts c (its id kept: undo) after the contract with id pred (0, or
 * one no longer there: at the top). */
int contract_put_after_id(struct store *st, struct contract *c,
                          int64_t pred);
/* Replaces the fields of contract c->id; *old gets what it was.  *index
 * (its place) only when index is not NULL. */
int contract_change(struct store *st, const struct contract *c,
                    struct contract *old, int64_t *index);
/* Removes a contract; *old gets it and *pred the id of the one before it
 * (0: it was first); *index as contract_change. */
int contract_remove(struct store *st, int64_t id, struct contract *old,
                    int64_t *index, int64_t *pred);

/* ---- contracts_import.c ---- */

/* The worksheet goes; contracts are appended in order, each added to the
 * sums kept as they come; then totals_appended_write (imports). */
int contracts_clear(struct store *st);
int contracts_append(struct store *st, const struct contract *c,
                     int64_t n);

#endif
