/* SPDX-License-Identifier: MIT */
/* session.h: an open submission, and the one door to change it.
 *
 * The command line and the full-screen workbook both work through a
 * session.  Every change goes through one function here (an answer, a
 * contract, an import, an acknowledgement, the sign-off, undo), which
 * checks the workflow's rules, saves through the store and recomputes the
 * figures and checks exactly once; `gen` then moves on, so a screen knows
 * to redraw without every caller having to say so.  The workflow's rules
 * live here and nowhere else: sign-off refused while errors remain, errors
 * never acknowledged, what an acknowledgement may hold (src/ack.h).
 *
 * A change returns STORE_OK when it was saved, STORE_UNCHANGED when the
 * file already held it (nothing written), STORE_INVALID when a rule or a
 * value refused it (err says why; nothing written), and the store's other
 * statuses when the file could not be read or written. */
#ifndef APMWB_SESSION_H
#define APMWB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cdiff.h"
#include "checks.h"
#include "export.h"
#include "figures.h"
#include "nominal.h"
#include "store.h"

struct qualtrics_map;
struct diff_snapshot;
struct session_against;

struct session {
	struct store *st;
	const struct edition *ed;
	const struct answers *a;     /* the store's confirmed answers */
	struct figures *f;
	struct check_list checks;
	struct nr_totals totals;
	bool created;                /* session_open made the file */
	uint64_t gen;                /* moves on with every change saved */
	/* The live preview (session_preview): answers as typed, their
	 * figures and checks. */
	struct answers *scratch;
	struct figures *pf;
	struct check_list pchecks;
	struct export_ack *export_acks; /* session_export_input's */
	char read_err[512];          /* why the export's contracts stopped */
	char made_at[32], changed_at[32]; /* session_export_input's dates */
	struct session_against *against; /* session_against's older file */
};

/* The edition every later open uses for a file whose copy of the edition
 * has its id, instead of building the copy again (store_open_edition):
 * the program's own (edition_builtin()); NULL, the default, builds every
 * file's own. */
void session_use_edition(const struct edition *ed);
/* Opens (or, with create, makes when missing) a submission and computes
 * its figures. */
enum store_status session_open(const char *path, enum store_mode mode,
                               bool create, struct session **out,
                               char *err, size_t errlen);
/* Read-only, with the edition `known` when the file is of that edition
 * (store_open_known). */
enum store_status session_open_known(const char *path,
                                     const struct edition *known,
                                     struct session **out,
                                     char *err, size_t errlen);
/* An existing file opened for the full screen: for editing or (read_only)
 * for review.  Quick at any size: the checks that read the whole file are
 * left to session_check_workbook, so the first screen can be drawn before
 * them; until they pass every write is refused (STORE_BUSY; store.h's
 * STORE_MODE_EDIT_CHECK_LATER) and the screen reads no key. */
enum store_status session_open_workbook(const char *path, bool read_only,
                                        struct session **out, char *err,
                                        size_t errlen);
/* What session_open_workbook left: every page, and the worksheet's kept
 * totals summed again from its contracts, STORE_DAMAGED when they
 * disagree, so no screen goes on to show totals its contracts do not add
 * up to.  Long on a large file (both read it all): the session's progress
 * is told, and a stop asked there is STORE_INTERRUPTED. */
enum store_status session_check_workbook(struct session *s, char *err,
                                         size_t errlen);
void session_close(struct session *s);

/* Recomputes figures and checks from the file (another program's change;
 * every change made here does it itself). */
enum store_status session_refresh(struct session *s, char *err, size_t errlen);

/* ---- long work: progress, and stopping it ---- */

/* Who is told how far long work has got (store.h's store_progress_fn:
 * `done` of `total` `unit`s while `what`), and may stop it by returning
 * false: find, the imports, the exports of the worksheet, store_verify.
 * Each is told every few thousand rows (or each 64 KiB of a CSV read), so
 * a function that looks at the clock costs nothing measurable; what it
 * draws, and how often, is its own: the command line shows a line on
 * stderr after half a second (cli/progress.c), the full screen a
 * progress line, and reads Esc and Ctrl-C there to stop.  Stopped work
 * leaves the file as it was before it began and returns
 * STORE_INTERRUPTED (an export: false, with err saying so, and nothing
 * written).  fn NULL: nobody told (the default). */
void session_set_progress(struct session *s, store_progress_fn fn, void *ctx);
/* A report in words, "importing: 31.2 of 69.7 MB (44%), about 6 s left",
 * the estimate from the time the work has run so far. */
void session_progress_text(char *buf, size_t n, const struct store_progress *p,
                           int64_t elapsed_ms);
/* Milliseconds of a clock that only moves forward, to measure elapsed by. */
int64_t session_clock_ms(void);

/* ---- reading the worksheet ---- */

/* Up to max contracts from row `from` (0-based) into out, as
 * store_contract_page (store.h) reads them: a screen's page. */
enum store_status session_contract_page(struct session *s, int64_t from,
                                        size_t max, struct contract *out,
                                        size_t *got, char *err, size_t errlen);

/* ---- find ---- */

/* The contract nearest after (STORE_FIND_NEXT) or before (STORE_FIND_PREV)
 * row `from` whose label holds `needle`, going round past the end once:
 * store_contract_find (store.h) says exactly what.  out->pos is the row
 * (-1: none), out->wrapped whether it was found only by going round;
 * the row's page is then the quickest to read.  One function for the
 * screen's "/", its next and previous match, and any search to come. */
enum store_status session_find(struct session *s, const char *needle,
                               int64_t from, enum store_find_dir dir,
                               struct store_found *out,
                               char *err, size_t errlen);

/* ---- the changes ---- */

/* Validates typed text for question q and saves it (blank text makes the
 * answer blank).  A refused value returns STORE_INVALID with the reason,
 * prefixed by the key ("commercial.m1 is not an amount: ..."), and nothing
 * is saved.  STORE_OK means saved, even when the figures could not be
 * recomputed after it: they may then be stale until a session_refresh
 * succeeds (which says why it did not). */
enum store_status session_set_text(struct session *s, int q, const char *text,
                                   char *err, size_t errlen);

/* The nominal-risk worksheet, as store.h describes each. */
enum store_status session_contract_insert(struct session *s, int64_t after,
                                          struct contract *c, int64_t *pos,
                                          char *err, size_t errlen);
enum store_status session_contract_update(struct session *s,
                                          const struct contract *c,
                                          char *err, size_t errlen);
enum store_status session_contract_delete(struct session *s, int64_t id,
                                          char *err, size_t errlen);

/* Where an import of contracts reads its CSV: up to n bytes into buf,
 * how many (0 at the end), or -1 with errno set. */
typedef ssize_t (*session_read_fn)(void *ctx, char *buf, size_t n);
struct session_import {
	size_t rows;         /* contracts read */
	int64_t replaced;    /* contracts the worksheet held before */
	bool source_fault;   /* err is about the CSV (its line and column), not
	                        about the submission file */
};
/* Replaces the worksheet with the contracts of a CSV (contracts_csv.h),
 * all or nothing: `first` bytes already read, then rd until it ends;
 * `size` the bytes the CSV holds in all, when known (0: not known), for
 * the progress told ("importing", bytes).  fractions reads 0.04 as 4% (a
 * spreadsheet's percent cells). */
enum store_status session_import_contracts(struct session *s,
                                           const char *first, size_t nfirst,
                                           session_read_fn rd, void *ctx,
                                           uint64_t size, bool fractions,
                                           struct session_import *out,
                                           char *err, size_t errlen);
/* Answers, the worksheet and acknowledgements from the JSON export's own
 * shape (store_import_json); an acknowledgement of an error is refused, as
 * apmwb ack refuses it. */
enum store_status session_import_json(struct session *s, const char *json,
                                      size_t len, char *err, size_t errlen);
/* The same read as it comes (first, then rd until it says 0, as
 * session_import_contracts reads): held a contract at a time. */
enum store_status session_import_json_read(struct session *s,
                                           const char *first, size_t nfirst,
                                           session_read_fn rd, void *ctx,
                                           uint64_t size, char *err,
                                           size_t errlen);

/* Acknowledges the warning with this id, now on the list, with a reason
 * (NULL or "" withdraws it).  Refused for a check not on the list now and
 * for an error: errors are fixed, not acknowledged. */
enum store_status session_ack(struct session *s, const char *id,
                              const char *reason, char *err, size_t errlen);
/* Signs off in `name`; refused while any error remains. */
enum store_status session_complete(struct session *s, const char *name,
                                   char *err, size_t errlen);
/* Undoes the newest change not yet undone; `what` says what it was. */
enum store_status session_undo(struct session *s, char *what, size_t whatlen,
                               char *err, size_t errlen);

/* ---- the live preview ---- */

/* What the screens show: the confirmed figures and checks, or while a
 * value is typed, the figures and checks as they would be if it were
 * saved.  A value the rules would refuse is never previewed as another
 * value: the view is then the confirmed one, with why_not saying why. */
struct session_view {
	const struct figures *f;
	const struct check_list *checks;
	bool preview;        /* f and checks hold a typed, unsaved value */
	char why_not[300];   /* why the typed text would be refused, or "" */
};
void session_view_saved(struct session *s, struct session_view *v);
void session_preview(struct session *s, int q, const char *text,
                     struct session_view *v);

/* ---- exports ---- */

/* Fills an export_input from the session; valid until the next change.
 * The acknowledgement array and the dates are the session's own (the
 * dates blank when they cannot be read: they are the export's metadata,
 * never a figure).  When reading the contracts fails, read_err says why
 * ("" when the exporter stopped). */
void session_export_input(struct session *s, struct export_input *in);

enum session_format {
	SESSION_FORMAT_SHOW, SESSION_FORMAT_JSON, SESSION_FORMAT_CSV,
	SESSION_FORMAT_QUALTRICS, SESSION_FORMAT_CONTRACTS
};
/* "show", "json", "csv", "qualtrics", "contracts"; -1 for none of them. */
int session_format_from_name(const char *name);
/* Writes the submission to out in a format (map: the Qualtrics map, NULL
 * for the built-in one; width: the copy sheet's; excel: the CSVs with the
 * byte order mark Excel needs).  On failure err says why: a failed read of
 * the file in its words, else what the exporter said; a failed write of
 * out is the caller's to tell (ferror(out) is set then). */
bool session_export(struct session *s, enum session_format fmt, FILE *out,
                    const struct qualtrics_map *map, int width, bool excel,
                    char *err, size_t errlen);

/* ---- beside an older submission (session_against.c) ---- */

/* Every key of the submission with its machine text, as `apmwb diff`
 * compares them (src/diff.h). */
enum store_status session_snapshot(struct session *s,
                                   struct diff_snapshot *snap,
                                   char *err, size_t errlen);
/* Reads the older file old_path (read-only, then closed) to compare this
 * session with; a failure leaves the session as it was. */
enum store_status session_against(struct session *s, const char *old_path,
                                  char *err, size_t errlen);
void session_against_close(struct session *s);
/* Does key's value differ from the older file's?  False without one. */
bool session_differs(struct session *s, const char *key);
/* The older file as named, or NULL; how many keys differ from it. */
const char *session_against_path(const struct session *s);
size_t session_differences(struct session *s);
/* Against the older file: is the contract at pos (0-based) of this
 * worksheet changed or added?  How many of the older file's are gone,
 * how many of this one's changed or added? */
bool session_contract_differs(struct session *s, int64_t pos);
int64_t session_contracts_deleted(struct session *s);
size_t session_contracts_changed(struct session *s);

/* ---- two worksheets compared as they stream (session_cdiff.c) ---- */

/* Calls emit for each difference between old's and new's contracts, in
 * order (cdiff.h); false when emit stops it or a side fails to read, then
 * *failed and err say which. */
bool session_contracts_diff(struct session *old, struct session *new,
                            cdiff_emit_fn emit, void *ctx, bool *failed,
                            char *err, size_t errlen);

#endif
