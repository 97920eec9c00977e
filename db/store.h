/* SPDX-License-Identifier: MIT */
/* store.h: the submission file.
 *
 * One SQLite file per submission (see man/apmwb.5): the edition it was filled
 * in, every answer, the nominal-risk contracts, acknowledgements, sign-off
 * and a history of every change.  Each confirmed answer is its own durable
 * transaction (journal_mode=DELETE, synchronous=EXTRA: the folder is synced
 * after the journal's unlink, which is the commit).  One writer at a time,
 * held for as long as a read-write store is open; readers are always
 * served, a file left with an interrupted save included (they read its
 * last confirmed state from a private copy).  A read-only open writes
 * nothing at all: not the file, not a journal, nothing beside it.
 *
 * Every function that can fail returns a store_status and writes a one-line
 * message naming the file into err, in words a respondent can act on. */
#ifndef APMWB_STORE_H
#define APMWB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "nominal.h"

struct edition;
struct answers;
struct store;

enum store_status {
	STORE_OK = 0,
	STORE_NOT_FOUND,        /* no such file */
	STORE_EXISTS,           /* `new` on a file that is there */
	STORE_NOT_SUBMISSION,   /* another program's file, or not SQLite */
	STORE_DAMAGED,          /* damaged or truncated */
	STORE_NEWER,            /* made by a newer apmwb */
	STORE_LOCKED,           /* another apmwb is editing it */
	STORE_BUSY,             /* a save in progress elsewhere took too long */
	STORE_HOT_JOURNAL,      /* an interrupted save; read-only cannot repair */
	STORE_READ_ONLY,        /* a write on a read-only store */
	STORE_FULL,             /* disk full */
	STORE_IO,               /* I/O error, permissions */
	STORE_NOMEM,
	STORE_INVALID,          /* a bad argument (unknown key, bad row) */
	STORE_UNCHANGED,        /* nothing to do: the file already holds it */
	STORE_INTERRUPTED       /* stopped when asked (store_progress_fn);
	                           nothing was changed */
};

#define STORE_APPLICATION_ID 0x41504D57   /* "APMW" */

/* STORE_MODE_EDIT_CHECK_LATER is read-write with the page check left to
 * the caller's store_verify(STORE_VERIFY_PAGES ...), so a screen can be
 * drawn first: until that call passes, every write is refused.  A file
 * that the open must write (bring up to date, take out of WAL) has its
 * pages checked at once. */
enum store_mode {
	STORE_MODE_READ_ONLY,
	STORE_MODE_READ_WRITE,
	STORE_MODE_EDIT_CHECK_LATER
};

/* Creates a new submission at path from the built-in edition, mode 0600,
 * refusing if anything is already there, and opens it read-write.  The file
 * appears whole or not at all. */
enum store_status store_create(const char *path, struct store **out,
                               char *err, size_t errlen);

/* Opens an existing submission.  Read-write takes the writer's lock
 * (STORE_LOCKED if another apmwb holds it) and migrates an older file
 * forward; read-only reads an older file through an in-memory copy. */
enum store_status store_open(const char *path, enum store_mode mode,
                             struct store **out, char *err, size_t errlen);

/* Opens read-only, as store_open does, but when the file's copy of the
 * edition has the id of `known`, reads no further of it and uses `known`
 * (which must outlive the store): for reading many files of one edition
 * (`apmwb aggregate`), where loading each copy would cost most of the
 * open.  store_edition() tells which edition it got. */
enum store_status store_open_known(const char *path,
                                   const struct edition *known,
                                   struct store **out, char *err,
                                   size_t errlen);

/* Opens as store_open does, but when the file's copy of the edition has
 * the id of `known` (and, read-write, once any migration has brought the
 * copy forward), reads no further of it and uses `known`, which must
 * outlive the store: an edition changes only with a schema step that
 * brings every copy forward, so the two are the same. */
enum store_status store_open_edition(const char *path, enum store_mode mode,
                                     const struct edition *known,
                                     struct store **out, char *err,
                                     size_t errlen);

void store_close(struct store *st);

const char *store_path(const struct store *st);
bool store_is_read_only(const struct store *st);
/* What the open found of an interrupted save (a hot journal): nothing; a
 * reader reading the file's last confirmed state from a private copy put
 * right (the file itself is put right the next time it is opened for
 * editing); or a writer that put the file right. */
enum store_recovery {
	STORE_RECOVERY_NONE,
	STORE_RECOVERY_READ_COPY,
	STORE_RECOVERY_REPAIRED
};
enum store_recovery store_recovery(const struct store *st);
/* The one line that says so ("" for none). */
const char *store_recovery_text(const struct store *st);
const struct edition *store_edition(const struct store *st);
/* The answers as last confirmed; the store owns them. */
const struct answers *store_answers(const struct store *st);

/* Who is named in the history (and as the acknowledger) for changes made
 * through this store (default: the login name). */
void store_set_actor(struct store *st, const char *actor);

/* ---- progress of long work ---- */

/* How far a piece of long work has got: `done` of `total` (0 when not
 * known) `unit`s ("contracts", "bytes", "pages"), while `what`
 * ("finding", "checking the totals", "importing", "exporting"). */
struct store_progress {
	const char *what;
	const char *unit;
	uint64_t done, total;
	bool finished;    /* the work's last report (done, failed or stopped):
	                     a line drawn for it can go */
};
/* Called as long work goes, every few thousand rows (so at most some
 * hundreds of times a second; the caller draws no more often than it
 * likes).  Returning false asks the work to stop: it stops at the next
 * call, undoes whatever it had changed (a change rolls back: the file is
 * as it was before it began) and returns STORE_INTERRUPTED. */
typedef bool (*store_progress_fn)(void *ctx, const struct store_progress *p);
/* Rows of work between two calls. */
#define STORE_PROGRESS_ROWS 4096
/* fn NULL: nobody is told, nothing is interrupted (the default).  The
 * work that tells: find, the checks of store_verify, the import of a
 * worksheet and of JSON, and (app/session.h) the exports and the CSV
 * read. */
void store_set_progress(struct store *st, store_progress_fn fn, void *ctx);
/* The progress function every store opened from now on starts with, the
 * checks its open runs included (the command line's). */
void store_set_default_progress(store_progress_fn fn, void *ctx);
/* Tells the store's progress function from work of the caller's that
 * reads the store (an export); false when it asks to stop. */
bool store_progress_tell(struct store *st, const struct store_progress *p);

/* ---- answers ---- */

/* Saves one already-validated answer (canonical text, NULL for blank) in its
 * own transaction with its history row; a complete submission returns to
 * draft.  The answer the file holds already is STORE_UNCHANGED (nothing
 * written).  On failure nothing is changed, in the file or in memory. */
enum store_status store_set_answer(struct store *st, int q,
                                   const char *canonical,
                                   char *err, size_t errlen);

/* ---- nominal-risk contracts ---- */

/* Contracts are kept in worksheet order; positions are 0-based. */
enum store_status store_contract_count(struct store *st, int64_t *n,
                                       char *err, size_t errlen);
/* Reads up to max contracts from position `from` into out (each must be
 * contract_clear()ed by the caller); *got is how many (0 past the end).
 * On failure nothing is left in out. */
enum store_status store_contract_page(struct store *st, int64_t from,
                                      size_t max, struct contract *out,
                                      size_t *got, char *err, size_t errlen);
/* Adds a contract after position `after` (-1: at the top; >= count: at the
 * end); sets c->id and *pos to where it landed.  A field out of its range
 * is refused (STORE_INVALID), as is a sum of a line's dollars past int64. */
enum store_status store_contract_insert(struct store *st, int64_t after,
                                        struct contract *c, int64_t *pos,
                                        char *err, size_t errlen);
/* Replaces the fields of the contract with c->id (STORE_INVALID when
 * there is none); it keeps its position. */
enum store_status store_contract_update(struct store *st,
                                        const struct contract *c,
                                        char *err, size_t errlen);
enum store_status store_contract_delete(struct store *st, int64_t id,
                                        char *err, size_t errlen);
/* Replaces the whole worksheet in one transaction (import), fed one
 * contract at a time so a million-row CSV is never held whole: begin, add
 * each, then end with commit true, or false to leave the worksheet as it
 * was.  Nothing is visible to readers before a committed end, and every
 * other change is refused meanwhile.  Once an add fails the import is
 * over: end(true) then returns STORE_INVALID and changes nothing.  Such an
 * import cannot be undone (the worksheet it replaced is not kept). */
enum store_status store_contracts_replace_begin(struct store *st,
                                                char *err, size_t errlen);
enum store_status store_contracts_replace_add(struct store *st,
                                              const struct contract *c,
                                              char *err, size_t errlen);
enum store_status store_contracts_replace_end(struct store *st, bool commit,
                                              char *err, size_t errlen);
/* During a replacement: how many contracts the worksheet held before it. */
int64_t store_contracts_replaced(const struct store *st);
/* The worksheet's sums, kept up to date as contracts change. */
enum store_status store_nr_totals(struct store *st, struct nr_totals *out,
                                  char *err, size_t errlen);
/* Finds a contract by its label: the nearest after (NEXT) or before
 * (PREV) position `from` in worksheet order whose label holds `needle`
 * (letters A-Z matching either case; "" holds in every label), going
 * round past the end (or the top) once, so the contract at `from` itself
 * is found last.  from -1 (NEXT) starts at the top, from >= the count
 * (PREV) at the bottom.  STORE_OK whether or not one is found: out->pos is
 * its position, or -1 when no label holds it; out->wrapped says it was
 * found only by going round.  Reads each label once, and the position is
 * then known: a page read there next is read from it.  Tells progress
 * ("finding"); STORE_INTERRUPTED when stopped. */
enum store_find_dir { STORE_FIND_NEXT, STORE_FIND_PREV };
struct store_found {
	int64_t pos;      /* -1: none */
	int64_t id;
	bool wrapped;
};
enum store_status store_contract_find(struct store *st, const char *needle,
                                      int64_t from, enum store_find_dir dir,
                                      struct store_found *out,
                                      char *err, size_t errlen);
/* Calls fn for every contract in worksheet order (exports); stops early and
 * returns STORE_INVALID if fn returns false. */
enum store_status store_contract_each(struct store *st,
                                      bool (*fn)(void *ctx,
                                                 const struct contract *c,
                                                 int64_t pos),
                                      void *ctx, char *err, size_t errlen);

/* ---- acknowledgements of warnings ---- */

struct store_ack {
	char *id, *message, *reason, *by, *at;
};
/* The acknowledgements in force, ordered by check id; the store owns the
 * array until the next call that changes them (ack, undo, import). */
const struct store_ack *store_acks(const struct store *st, size_t *n);
/* Sets the reason a warning is acknowledged, by the actor, now; reason
 * NULL or "" withdraws it, message NULL keeps the one stored.  An
 * unchanged acknowledgement writes nothing: STORE_UNCHANGED. */
enum store_status store_ack(struct store *st, const char *id,
                            const char *message, const char *reason,
                            char *err, size_t errlen);

/* ---- sign-off ---- */

struct store_signoff {
	bool complete;
	const char *by;      /* NULL when draft */
	const char *at;      /* ISO 8601 UTC */
};
void store_signoff(const struct store *st, struct store_signoff *out);
/* Records the sign-off; the session (app/session.h) refuses it while
 * errors remain, the store only writes it. */
enum store_status store_complete(struct store *st, const char *name,
                                 char *err, size_t errlen);

/* When the file was created and last changed (its newest history row),
 * ISO 8601 UTC, "" when the file does not say. */
enum store_status store_dates(struct store *st, char *created,
                              char *changed, size_t n, char *err,
                              size_t errlen);

/* ---- history ---- */

struct store_change {
	int64_t id;
	const char *at;      /* ISO 8601 UTC, "2026-11-23T14:02:11Z" */
	const char *who;
	const char *what;    /* "answer", "contract", "contracts", "ack", "complete", "draft", "undo", "create", "import", "migrate" */
	const char *key;     /* answer key, contract label or check id; may be NULL */
	const char *old_value, *new_value;   /* may be NULL (blank) */
};
/* Newest first; at most `limit` changes (0: all).  The strings are valid
 * during fn only; if fn returns false the listing stops with
 * STORE_INVALID. */
enum store_status store_history(struct store *st, size_t limit,
                                 bool (*fn)(void *ctx,
                                            const struct store_change *c),
                                 void *ctx, char *err, size_t errlen);
/* Undoes the newest change not yet undone (an answer, a contract edit, an
 * acknowledgement) and describes it in `what` ("commercial.m8: back to
 * 910000000.00"); each undo goes one further back.  STORE_INVALID with a
 * message when there is nothing to undo, or when the newest change is an
 * import of the whole worksheet, which cannot be undone. */
enum store_status store_undo(struct store *st, char *what, size_t whatlen,
                             char *err, size_t errlen);

/* ---- import ---- */

/* Answers (and, when the JSON has "contracts", the worksheet) from the JSON
 * export's own shape, all or nothing, every value through validate_answer().
 * Keys present under "answers" or "hidden_answers" are set (null: blank),
 * absent ones kept; "contracts" replaces the worksheet; "acknowledgements"
 * are set one by one; "figures", "checks" and "state" are ignored (a
 * sign-off is not imported).  The error names the key (or contract and
 * field) and the reason.  Each changed answer can be undone on its own.
 * rule, when given, is asked of every acknowledgement (a workflow rule of
 * the caller's: the session refuses acknowledgements of errors). */
typedef bool (*store_ack_rule)(void *ctx, const char *id, char *why,
                               size_t whylen);
enum store_status store_import_json(struct store *st, const char *json,
                                    size_t len, store_ack_rule rule,
                                    void *rule_ctx, char *err, size_t errlen);
/* The same, of first (nfirst bytes) and then what rd gives until it says
 * 0 (-1 with errno: a read error); rd may be NULL.  The text is read once
 * and held a contract at a time, so the worksheet may be of any size.
 * size (0: unknown) is what progress counts the bytes against; a stop
 * asked through it is STORE_INTERRUPTED, with nothing changed. */
typedef ssize_t (*store_read_fn)(void *ctx, char *buf, size_t n);
enum store_status store_import_json_read(struct store *st, const char *first,
                                         size_t nfirst, store_read_fn rd,
                                         void *rd_ctx, uint64_t size,
                                         store_ack_rule rule, void *rule_ctx,
                                         char *err, size_t errlen);

/* ---- is the file whole? ---- */

enum {
	STORE_VERIFY_PAGES = 1,    /* SQLite's quick_check of every page */
	STORE_VERIFY_TOTALS = 2    /* the worksheet's kept totals, summed again */
};
/* Checks what `what` asks: STORE_DAMAGED with what is wrong (never
 * SQLite's own words), STORE_IO for a read error, which is not damage.
 * Each reads the whole file or worksheet: a read-write open already
 * checks the pages before it writes anything (a damaged file is refused
 * untouched), unless opened STORE_MODE_EDIT_CHECK_LATER, whose first
 * write waits for a call here that checks the pages and passes all it
 * checks; `check` and the full screen check both. */
enum store_status store_verify(struct store *st, int what, char *err,
                               size_t errlen);
/* The program ends itself with a message on SIGBUS, which is how a read
 * error reaches it through a memory map: from now on a writer's open reads
 * a file that fits its page cache through a map for its page check (one
 * page fault a run of pages, instead of a read() a page and a copy of
 * each).  The map is gone when the check ends; nothing else maps.  Off
 * again with false, once the handler is gone. */
void store_allow_mapped_checks(bool allowed);
/* store_verify has found every page whole since the open (a writer's open
 * checks them, or a check-later open that had to write). */
bool store_pages_checked(const struct store *st);

/* A message for a status alone, for callers that have no err text. */
const char *store_status_text(enum store_status s);

#endif
