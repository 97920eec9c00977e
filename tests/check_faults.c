/* SPDX-License-Identifier: MIT */
/* check_faults.c: failing disks and failing memory lose nothing.
 *
 * Five workloads, each the path the command line and the screen take:
 * setting answers (session_set_text, as `apmwb set` and the screen), the
 * contracts CSV import (as `apmwb import FILE x.csv`), the JSON import,
 * opening a file of an older schema version (its migration) and opening a
 * file whose last save was cut off (the hot journal rolled back).  Each runs
 * once clean to count the calls it makes of one kind, then again for
 * every n: with the n-th read, write, sync or truncate failing (the test
 * VFS in faultvfs.c), or the n-th allocation (ours through mem.h, or
 * SQLite's through its allocator), once or for good.
 *
 * After each run: every failed call gave a clear status and a message
 * naming the file, never success with a loss; a fault that came once let
 * the retry the message asks for succeed; and the file, opened again on
 * the real disk with the real allocator, holds every answer confirmed
 * before the fault, the faulted change wholly or not at all as its status
 * said, passes PRAGMA integrity_check and opens for editing (a journal
 * left by the fault is rolled back).
 *
 * `make check` tries a spread of points per workload, kind and mode;
 * `make check-faults` (APMWB_FAULTS_FULL=1) tries every one. */
#include <config.h>

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "answers.h"
#include "contracts_csv.h"
#include "edition.h"
#include "export.h"
#include "faultvfs.h"
#include "mem.h"
#include "nominal.h"
#include "session.h"
#include "store.h"
#include "store_internal.h"
#include "testlib.h"
#include "validate.h"

/* Points tried per workload, kind and mode in the fast run. */
#define FAST_POINTS 4

static char *dir, *path, *tmpl;
static char err[1024];

static bool full_run(void)
{
	const char *v = getenv("APMWB_FAULTS_FULL");

	return v && *v && strcmp(v, "0") != 0;
}

static void setup(void)
{
	dir = test_tmpdir();
	path = malloc(strlen(dir) + 16);
	tmpl = malloc(strlen(dir) + 16);
	ck_assert(path && tmpl);
	sprintf(path, "%s/f.apmwb", dir);
	sprintf(tmpl, "%s/t.apmwb", dir);
}

static void teardown(void)
{
	test_rmtree(dir);
	free(dir);
	free(path);
	free(tmpl);
}

/* ---- SQLite's allocator, failing on purpose ---- */

static sqlite3_mem_methods sql_real;
static bool sql_hooked;
static unsigned long sql_count, sql_fail_n;
static bool sql_sticky;

static bool sql_inject(void)
{
	sql_count++;
	if (sql_fail_n == 0)
		return false;
	return sql_count == sql_fail_n || (sql_sticky && sql_count > sql_fail_n);
}

static void *sql_malloc(int n)
{
	return sql_inject() ? NULL : sql_real.xMalloc(n);
}

static void sql_free(void *p)
{
	sql_real.xFree(p);
}

static void *sql_realloc(void *p, int n)
{
	return sql_inject() ? NULL : sql_real.xRealloc(p, n);
}

static int sql_size(void *p)
{
	return sql_real.xSize(p);
}

static int sql_roundup(int n)
{
	return sql_real.xRoundup(n);
}

static int sql_init(void *app)
{
	(void)app;
	return sql_real.xInit(sql_real.pAppData);
}

static void sql_shutdown(void *app)
{
	(void)app;
	sql_real.xShutdown(sql_real.pAppData);
}

/* SQLite takes a new allocator only while it is shut down: in the test's
 * own process (check forks per test; with CK_FORK=no, once for all). */
static void sql_hook(void)
{
	static const sqlite3_mem_methods ours = {
		sql_malloc, sql_free, sql_realloc, sql_size, sql_roundup,
		sql_init, sql_shutdown, NULL
	};

	if (sql_hooked)
		return;
	/* Initialised once, so the default allocator is filled in. */
	ck_assert_int_eq(sqlite3_initialize(), SQLITE_OK);
	ck_assert_int_eq(sqlite3_shutdown(), SQLITE_OK);
	ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sql_real),
	                 SQLITE_OK);
	ck_assert(sql_real.xMalloc != NULL);
	ck_assert_int_eq(sqlite3_config(SQLITE_CONFIG_MALLOC, &ours),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_initialize(), SQLITE_OK);
	sql_hooked = true;
}

/* ---- the kinds of fault ---- */

struct injector {
	const char *name;
	enum { BY_VFS, BY_MEM, BY_SQLITE_MEM } how;
	enum faultvfs_op op;
	int code;
	enum store_status status;   /* what a failure it causes must say */
};

static const struct injector io_kinds[] = {
	{ "read error", BY_VFS, FAULTVFS_READ, SQLITE_IOERR_READ, STORE_IO },
	{ "write error", BY_VFS, FAULTVFS_WRITE, SQLITE_IOERR_WRITE, STORE_IO },
	{ "disk full", BY_VFS, FAULTVFS_WRITE, SQLITE_FULL, STORE_FULL },
	{ "sync error", BY_VFS, FAULTVFS_SYNC, SQLITE_IOERR_FSYNC, STORE_IO },
	{ "truncate error", BY_VFS, FAULTVFS_TRUNCATE, SQLITE_IOERR_TRUNCATE,
	  STORE_IO },
};
#define N_IO_KINDS (sizeof io_kinds / sizeof *io_kinds)

static const struct injector mem_kinds[] = {
	{ "allocation (mem.h)", BY_MEM, FAULTVFS_READ, 0, STORE_NOMEM },
	{ "allocation (SQLite)", BY_SQLITE_MEM, FAULTVFS_READ, 0, STORE_NOMEM },
};
#define N_MEM_KINDS (sizeof mem_kinds / sizeof *mem_kinds)

/* Zeroes the count and makes the n-th call fail (n 0: none). */
static void arm(const struct injector *in, unsigned long n, bool sticky)
{
	switch (in->how) {
	case BY_VFS:
		faultvfs_arm(in->op, n, sticky, in->code);
		break;
	case BY_MEM:
		mem_fail_at(n, sticky);
		break;
	case BY_SQLITE_MEM:
		sql_count = 0;
		sql_fail_n = n;
		sql_sticky = sticky;
		break;
	}
}

/* Stops the faults; how many calls were made since arm(). */
static unsigned long disarm(const struct injector *in)
{
	unsigned long n = 0;

	switch (in->how) {
	case BY_VFS:
		faultvfs_disarm();
		n = faultvfs_calls(in->op);
		break;
	case BY_MEM:
		n = mem_fail_at(0, 0);
		break;
	case BY_SQLITE_MEM:
		sql_fail_n = 0;
		n = sql_count;
		break;
	}
	return n;
}

/* The real disk: the test VFS steps aside. */
static void real_disk(const struct injector *in)
{
	if (in->how == BY_VFS)
		faultvfs_uninstall();
}

static void faulty_disk(const struct injector *in)
{
	if (in->how == BY_VFS)
		ck_assert_int_eq(faultvfs_install(), SQLITE_OK);
	else if (in->how == BY_SQLITE_MEM)
		sql_hook();
}

/* ---- one run ---- */

struct run {
	const struct injector *in;
	unsigned long n;             /* the call that fails; 0: none */
	bool sticky;
	struct session *s;
	int failed;                  /* calls that returned a failure */
	int confirmed;               /* answers confirmed during the run */
};

/* What a workload does under faults, and what the file must then hold. */
struct workload {
	const char *name;
	void (*make)(const char *file);    /* the file before, on the real disk */
	void (*run)(struct run *r);
	void (*verify)(struct run *r);     /* the file after, on the real disk */
	int nwords;
	const char *words[4];              /* one must be in a failure's message */
};

static const struct workload *cur;

/* A failure must be the fault's own status with a message naming the file
 * and saying what was not done. */
static void ck_failure(struct run *r, enum store_status rc, bool opening)
{
	bool said = false;

	r->failed++;
	ck_assert_msg(rc == r->in->status, "%s, %s %lu%s: status %d (want %d): "
	              "%s", cur->name, r->in->name, r->n, r->sticky ?
	              " for good" : "", rc, r->in->status, err);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0,
	              "%s, %s %lu: the message does not name the file: %s",
	              cur->name, r->in->name, r->n, err);
	if (rc == STORE_NOMEM) {
		said = strstr(err, "out of memory") != NULL;
	} else if (opening) {
		/* An open that fails has saved nothing yet: it must say why. */
		said = strstr(err, "cannot be read") ||
		       strstr(err, "could not read") ||
		       strstr(err, "could not be brought up to date") ||
		       strstr(err, "could not bring it up to date") ||
		       strstr(err, "disk is full");
	}
	for (int i = 0; !said && i < cur->nwords; i++)
		said = strstr(err, cur->words[i]) != NULL;
	ck_assert_msg(said, "%s, %s %lu%s: unclear message: %s", cur->name,
	              r->in->name, r->n, r->sticky ? " for good" : "", err);
	/* A disk that failed to read did not fail to write. */
	if (r->in->how == BY_VFS && r->in->op == FAULTVFS_READ)
		ck_assert_msg(!strstr(err, "could not write"), "%s, %s %lu: %s",
		              cur->name, r->in->name, r->n, err);
}

/* Opens the file for editing as `apmwb set` and the screen do.  A fault
 * that came once is gone when the user tries again. */
static bool run_open(struct run *r)
{
	enum store_status rc = session_open(path, STORE_MODE_READ_WRITE, false,
	                                    &r->s, err, sizeof err);

	if (rc == STORE_OK)
		return true;
	ck_assert_ptr_null(r->s);
	ck_failure(r, rc, true);
	if (r->sticky)
		return false;
	rc = session_open(path, STORE_MODE_READ_WRITE, false, &r->s, err,
	                  sizeof err);
	ck_assert_msg(rc == STORE_OK, "%s, %s %lu: open again: %s", cur->name,
	              r->in->name, r->n, err);
	return true;
}

static void run_close(struct run *r)
{
	session_close(r->s);
	r->s = NULL;
}

/* ---- looking at the file afterwards ---- */

/* The first column of the first row of sql, run on the file through plain
 * SQLite on the real disk, as text ("" when there is none). */
static void raw_text(const char *sql, char *out, size_t outlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	const char *v = NULL;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK,
	              "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (const char *)sqlite3_column_text(s, 0);
	snprintf(out, outlen, "%s", v ? v : "");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static int64_t raw_int(const char *sql)
{
	char v[32];

	raw_text(sql, v, sizeof v);
	return strtoll(v, NULL, 10);
}

static void ck_integrity(void)
{
	char v[256];

	raw_text("PRAGMA integrity_check", v, sizeof v);
	ck_assert_msg(strcmp(v, "ok") == 0, "%s, %s: integrity_check: %s",
	              cur->name, path, v);
}

static bool journal_there(void)
{
	char j[4096];
	struct stat sb;

	snprintf(j, sizeof j, "%s-journal", path);
	return stat(j, &sb) == 0;
}

/* A journal SQLite would roll back: one that starts with its magic.  (One
 * whose header SQLite zeroed is finished with, and ignored.) */
static bool journal_hot(void)
{
	static const unsigned char magic[8] = {
		0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7
	};
	char j[4096], *data;
	size_t len;
	bool hot;

	snprintf(j, sizeof j, "%s-journal", path);
	data = test_slurp(j, &len);
	hot = data && len >= sizeof magic && memcmp(data, magic,
	                                            sizeof magic) == 0;
	free(data);
	return hot;
}

static int key(const struct store *st, const char *k)
{
	int q = edition_find(store_edition(st), k);

	ck_assert_msg(q >= 0, "no key %s", k);
	return q;
}

static void ck_answer(const struct store *st, const char *k, const char *want,
                      const struct run *r)
{
	const char *v = answers_get(store_answers(st), key(st, k));

	if (!want)
		ck_assert_msg(v == NULL, "%s, %s %lu%s: %s is '%s', want blank",
		              cur->name, r->in->name, r->n, r->sticky ? " for good" :
		              "", k, v);
	else
		ck_assert_msg(v && strcmp(v, want) == 0, "%s, %s %lu%s: %s is '%s', "
		              "want '%s'", cur->name, r->in->name, r->n, r->sticky ?
		              " for good" : "", k, v ? v : "(blank)", want);
}

static void set_text(struct session *s, const char *k, const char *text)
{
	ck_assert_msg(session_set_text(s, key(s->st, k), text, err, sizeof err) ==
	              STORE_OK, "set %s: %s", k, err);
}

/* The worksheet's labels, space-separated, and its totals. */
static bool add_label(void *ctx, const struct contract *c, int64_t pos)
{
	char *buf = ctx;
	size_t len = strlen(buf);

	(void)pos;
	snprintf(buf + len, 4096 - len, "%s%s", len ? " " : "",
	         c->label ? c->label : "-");
	return true;
}

static void ck_worksheet(struct store *st, const char *labels,
                         int64_t meets_ma, int64_t fails_ma, int64_t meets_mcd,
                         int64_t fails_com, const struct run *r)
{
	char buf[4096] = "";
	struct nr_totals t;

	ck_assert_int_eq(store_contract_each(st, add_label, buf, err,
	                                     sizeof err), STORE_OK);
	ck_assert_msg(strcmp(buf, labels) == 0, "%s, %s %lu%s: worksheet '%.60s' "
	              "want '%.60s'", cur->name, r->in->name, r->n, r->sticky ?
	              " for good" : "", buf, labels);
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_MA], meets_ma);
	ck_assert_int_eq(t.fails[LOB_MA], fails_ma);
	ck_assert_int_eq(t.meets[LOB_MEDICAID], meets_mcd);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], fails_com);
}

/* Opens the file again on the real disk, for editing: a journal the fault
 * left behind is rolled back, and it must be gone after the close. */
static struct store *reopen(const struct run *r, bool *hot)
{
	struct store *st = NULL;
	enum store_status rc;

	*hot = journal_hot();
	rc = store_open(path, STORE_MODE_READ_WRITE, &st, err, sizeof err);
	ck_assert_msg(rc == STORE_OK, "%s, %s %lu%s: reopen: %s", cur->name,
	              r->in->name, r->n, r->sticky ? " for good" : "", err);
	return st;
}

static void reclose(struct store *st, const struct run *r)
{
	store_close(st);
	ck_assert_msg(!journal_hot(), "%s, %s %lu%s: a journal is left after "
	              "a clean close", cur->name, r->in->name, r->n, r->sticky ?
	              " for good" : "");
	ck_integrity();
}

/* ---- a file to start from ---- */

static const char old_csv[] =
	"label,line,type,risk_min,risk_max,shared_risk,dollars\n"
	"old-a,medicaid,revenue,1.0,10.0,80.0,5.00\n"
	"old-b,commercial,tcoc,1.0,5.0,30.0,7.00\n";

static enum store_status import_csv(struct session *s, const char *csv);
static void copy_file(const char *from, const char *to);

/* Three answers, two contracts: what was confirmed before any fault. */
static void make_current(const char *file)
{
	struct session *s = NULL;

	ck_assert_msg(session_open(file, STORE_MODE_READ_WRITE, true, &s, err,
	                           sizeof err) == STORE_OK, "%s", err);
	set_text(s, "gi.contact_name", "before");
	set_text(s, "gi.contact_phone", "(555) 010-2030");
	set_text(s, "gi.assumptions", "kept text");
	ck_assert_msg(import_csv(s, old_csv) == STORE_OK, "%s", err);
	session_close(s);
}

static void ck_untouched(const struct store *st, const struct run *r)
{
	ck_answer(st, "gi.contact_phone", "(555) 010-2030", r);
}

/* ---- workload: setting answers ---- */

/* Confirms an answer as typed.  A failure leaves the one before in memory
 * too (the screen shows what is in the file); after a fault that came
 * once, confirming it again saves it, as the message asks.  True when it
 * was saved, and then memory holds `canonical`. */
static bool confirm(struct run *r, const char *k, const char *text,
                    const char *canonical, const char *before)
{
	int q = key(r->s->st, k);
	enum store_status rc = session_set_text(r->s, q, text, err, sizeof err);

	if (rc != STORE_OK) {
		ck_failure(r, rc, false);
		ck_answer(r->s->st, k, before, r);
		if (!r->sticky) {
			rc = session_set_text(r->s, q, text, err, sizeof err);
			ck_assert_msg(rc == STORE_OK, "%s %lu: confirmed again: %s",
			              r->in->name, r->n, err);
		}
	}
	if (rc != STORE_OK)
		return false;
	r->confirmed++;
	ck_answer(r->s->st, k, canonical, r);
	return true;
}

static const struct {
	const char *key, *text, *canonical, *before;
} sets[] = {
	{ "gi.contact_name", "Ada Lovelace", "Ada Lovelace", "before" },
	{ "commercial.m1", "$1,234.56", "1234.56", NULL },
	{ "gi.assumptions", "", NULL, "kept text" },
	{ "gi.contact_email", "ada@example.org", "ada@example.org", NULL },
};
#define N_SETS (sizeof sets / sizeof *sets)

static bool set_done[N_SETS];

static void run_sets(struct run *r)
{
	memset(set_done, 0, sizeof set_done);
	if (!run_open(r))
		return;
	for (size_t i = 0; i < N_SETS; i++)
		set_done[i] = confirm(r, sets[i].key, sets[i].text,
		                      sets[i].canonical, sets[i].before);
	run_close(r);
}

static void verify_sets(struct run *r)
{
	bool hot;
	struct store *st = reopen(r, &hot);
	int changed = 0;

	for (size_t i = 0; i < N_SETS; i++) {
		ck_answer(st, sets[i].key, set_done[i] ? sets[i].canonical :
		          sets[i].before, r);
		changed += set_done[i];
	}
	ck_untouched(st, r);
	ck_worksheet(st, "old-a old-b", 0, 0, 500, 700, r);
	reclose(st, r);
	/* Each confirmed answer has its history row, and nothing else does. */
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'answer'"), 3 + changed);
}

/* ---- workload: the contracts CSV import ---- */

/* Hands the CSV to the session in two pieces, as a read loop would. */
struct csv_src {
	const char *csv;
	size_t len, at;
};

static ssize_t csv_read(void *ctx, char *buf, size_t n)
{
	struct csv_src *src = ctx;
	size_t take = src->len - src->at;

	if (take > n)
		take = n;
	memcpy(buf, src->csv + src->at, take);
	src->at += take;
	return (ssize_t)take;
}

/* The import as `apmwb import FILE x.csv` runs it: the session's own. */
static enum store_status import_csv(struct session *s, const char *csv)
{
	size_t len = strlen(csv), half = len / 2;
	struct csv_src src = { csv + half, len - half, 0 };
	struct session_import im;
	enum store_status rc;

	rc = session_import_contracts(s, csv, half, csv_read, &src, 0, false, &im,
	                              err, sizeof err);
	if (rc != STORE_OK && im.source_fault) {
		char why[600];

		snprintf(why, sizeof why, "%.590s", err);
		snprintf(err, sizeof err, "%.400s: %.590s; nothing was imported",
		         store_path(s->st), why);
		if (strstr(why, "out of memory"))
			rc = STORE_NOMEM;
	}
	return rc;
}

#define CSV_ROWS 60

static char *big_csv(void)
{
	size_t cap = 64 + CSV_ROWS * 64, len;
	char *csv = malloc(cap);

	ck_assert_ptr_nonnull(csv);
	len = (size_t)snprintf(csv, cap, "label,line,type,risk_min,risk_max,"
	                       "shared_risk,dollars\r\n");
	for (int i = 1; i <= CSV_ROWS; i++)
		len += (size_t)snprintf(csv + len, cap - len, i % 2 ?
		                        "C%02d,medicare,tcoc,1.0,5.0,30.0,10.00\r\n" :
		                        "\"C%02d\",medicare,revenue,1.0,10.0,80.0,"
		                        "10.00\r\n", i);
	return csv;
}

static bool csv_done;

static void run_csv(struct run *r)
{
	char *csv = big_csv();
	enum store_status rc;

	csv_done = false;
	if (run_open(r)) {
		rc = import_csv(r->s, csv);
		if (rc != STORE_OK) {
			ck_failure(r, rc, false);
			if (!r->sticky) {
				rc = import_csv(r->s, csv);
				ck_assert_msg(rc == STORE_OK, "%s %lu: imported again: %s",
				              r->in->name, r->n, err);
			}
		}
		csv_done = rc == STORE_OK;
		run_close(r);
	}
	free(csv);
}

static void verify_csv(struct run *r)
{
	char want[CSV_ROWS * 4 + 1] = "";
	bool hot;
	struct store *st = reopen(r, &hot);

	for (int i = 1; i <= CSV_ROWS; i++)
		sprintf(want + strlen(want), "%sC%02d", i > 1 ? " " : "", i);
	ck_answer(st, "gi.contact_name", "before", r);
	ck_answer(st, "gi.assumptions", "kept text", r);
	ck_untouched(st, r);
	/* Thirty revenue contracts meet the rule, thirty TCOC ones fail it,
	 * $10.00 each; before, one medicaid $5.00 met it and one commercial
	 * $7.00 failed it. */
	if (csv_done)
		ck_worksheet(st, want, 30000, 30000, 0, 0, r);
	else
		ck_worksheet(st, "old-a old-b", 0, 0, 500, 700, r);
	reclose(st, r);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'contracts'"), 1 + csv_done);
}

/* ---- workload: the JSON import ---- */

static const char json[] =
	"{\"format\": \"apmwb-submission\", \"version\": 1, \"edition\": \"2020\","
	" \"answers\": {\"gi.contact_name\": \"From JSON\", \"commercial.m1\": "
	"\"99.00\", \"gi.assumptions\": null, \"iq.barriers\": [\"other\"]},"
	" \"contracts\": [{\"label\": \"J1\", \"line\": \"medicare\", \"type\": "
	"\"revenue\", \"risk_min\": \"1.0\", \"risk_max\": \"10.0\", "
	"\"shared_risk\": \"80.0\", \"dollars\": \"2.00\"}, {\"label\": \"J2\", "
	"\"line\": \"medicare\", \"type\": \"tcoc\", \"risk_min\": \"1.0\", "
	"\"risk_max\": \"5.0\", \"shared_risk\": \"30.0\", \"dollars\": "
	"\"3.00\"}],"
	" \"acknowledgements\": [{\"check\": \"w.one\", \"message\": \"m\", "
	"\"reason\": \"because\", \"by\": \"Ann\", \"at\": "
	"\"2026-01-02T03:04:05Z\"}]}";

static bool json_done;

static void run_json(struct run *r)
{
	enum store_status rc;

	json_done = false;
	if (!run_open(r))
		return;
	rc = store_import_json(r->s->st, json, strlen(json), NULL, NULL, err, sizeof err);
	if (rc != STORE_OK) {
		ck_failure(r, rc, false);
		ck_answer(r->s->st, "gi.contact_name", "before", r);
		if (!r->sticky) {
			rc = store_import_json(r->s->st, json, strlen(json), NULL, NULL, err,
			                       sizeof err);
			ck_assert_msg(rc == STORE_OK, "%s %lu: imported again: %s",
			              r->in->name, r->n, err);
		}
	}
	json_done = rc == STORE_OK;
	if (json_done)
		r->confirmed += 4;   /* its four answers */
	run_close(r);
}

static void verify_json(struct run *r)
{
	bool hot;
	struct store *st = reopen(r, &hot);
	size_t nacks;

	ck_untouched(st, r);
	store_acks(st, &nacks);
	if (json_done) {
		ck_answer(st, "gi.contact_name", "From JSON", r);
		ck_answer(st, "commercial.m1", "99.00", r);
		ck_answer(st, "gi.assumptions", NULL, r);
		ck_answer(st, "iq.barriers", "other", r);
		ck_worksheet(st, "J1 J2", 200, 300, 0, 0, r);
		ck_assert_uint_eq(nacks, 1);
	} else {
		ck_answer(st, "gi.contact_name", "before", r);
		ck_answer(st, "commercial.m1", NULL, r);
		ck_answer(st, "gi.assumptions", "kept text", r);
		ck_answer(st, "iq.barriers", NULL, r);
		ck_worksheet(st, "old-a old-b", 0, 0, 500, 700, r);
		ck_assert_uint_eq(nacks, 0);
	}
	reclose(st, r);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'import'"), json_done);
}

/* ---- workload: opening a file of schema version 1 ---- */

/* As the first apmwb made it (see test_migration_from_version_1). */
static void make_v1(const char *file)
{
	sqlite3 *db = NULL;
	char why[512];

	ck_assert_int_eq(sqlite3_open_v2(file, &db, SQLITE_OPEN_READWRITE |
	                                 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	ck_assert_msg(schema_build(db, 1, "old apmwb", why, sizeof why) ==
	              SQLITE_OK, "%s", why);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO answer VALUES "
	                              "('gi.contact_name', 'from v1', 'then'), "
	                              "('gi.contact_phone', '(555) 010-2030', 'then'); "
	                              "INSERT INTO contract (pos, label, line, "
	                              "type, risk_min, risk_max, shared_risk, "
	                              "dollars) VALUES (1024, 'old', 'medicaid', "
	                              "'revenue', 1000, 20000, 50000, 12345); "
	                              "INSERT INTO nr_total VALUES ('medicaid', "
	                              "'meets', 12345, 1)", NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	ck_assert_int_eq(chmod(file, 0600), 0);
}

static bool v2_opened, v2_set;

static void run_migrate(struct run *r)
{
	v2_opened = v2_set = false;
	if (!run_open(r))
		return;
	v2_opened = true;
	v2_set = confirm(r, "gi.contact_name", "now v2", "now v2", "from v1");
	run_close(r);
}

static void verify_migrate(struct run *r)
{
	bool hot;
	struct store *st;
	int64_t v;

	/* Plain SQLite first (it rolls back a journal the fault left): the
	 * file is whole at one version or the other. */
	{
		sqlite3 *db = NULL;

		ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
		                                 NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(db, "SELECT count(*) FROM answer",
		                              NULL, NULL, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	}
	v = raw_int("PRAGMA user_version");
	ck_assert_msg(v == 1 || v == schema_latest, "user_version %lld",
	              (long long)v);
	if (v2_opened)
		ck_assert_int_eq(v, schema_latest);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema WHERE "
	                         "name = 'history_key'"), v == schema_latest);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'migrate'"), v == schema_latest);
	ck_integrity();
	st = reopen(r, &hot);
	ck_answer(st, "gi.contact_name", v2_set ? "now v2" : "from v1", r);
	ck_untouched(st, r);
	ck_worksheet(st, "old", 0, 0, 12345, 0, r);
	reclose(st, r);
	ck_assert_int_eq(raw_int("PRAGMA user_version"), schema_latest);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'migrate'"), 1);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'answer'"), v2_set);
	ck_integrity();
}

/* ---- workload: repairing an interrupted save ---- */

/* The current file with a save cut off half way: a process had written
 * part of a big change into the file itself (its cache too small to hold
 * it) when it died before COMMIT, leaving its journal hot and the file
 * grown.  Both files are copied as they are on the disk at that moment,
 * which is what a kill leaves.  The next open must roll it back, under
 * faults too. */
static void make_interrupted(const char *file)
{
	char cut[2048], from[2048], to[4096];
	struct stat before, after;
	sqlite3 *db = NULL;

	make_current(file);
	ck_assert_int_eq(stat(file, &before), 0);
	ck_assert_int_eq(sqlite3_open_v2(file, &db, SQLITE_OPEN_READWRITE,
	                                 "unix"), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA cache_size=8; BEGIN; "
	                              "DELETE FROM answer; DELETE FROM contract; "
	                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
	                              "SELECT i + 1 FROM n WHERE i < 400) "
	                              "INSERT INTO history (at, who, what, key, "
	                              "new) SELECT 'now', 'x', 'answer', "
	                              "'gi.org_name', hex(randomblob(300)) FROM n",
	                              NULL, NULL, NULL), SQLITE_OK);
	snprintf(cut, sizeof cut, "%s.cut", file);
	snprintf(from, sizeof from, "%s-journal", file);
	snprintf(to, sizeof to, "%s-journal", cut);
	copy_file(file, cut);
	copy_file(from, to);
	ck_assert_int_eq(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	ck_assert_int_eq(rename(cut, file), 0);
	ck_assert_int_eq(rename(to, from), 0);
	ck_assert_int_eq(stat(file, &after), 0);
	ck_assert_int_gt(after.st_size, before.st_size);
}

static bool repaired_set;

static void run_repair(struct run *r)
{
	repaired_set = false;
	if (!run_open(r))
		return;
	ck_answer(r->s->st, "gi.contact_name", "before", r);
	repaired_set = confirm(r, "gi.contact_name", "after repair",
	                       "after repair", "before");
	run_close(r);
}

static void verify_repair(struct run *r)
{
	bool hot;
	struct store *st = reopen(r, &hot);

	ck_answer(st, "gi.contact_name", repaired_set ? "after repair" :
	          "before", r);
	ck_answer(st, "gi.assumptions", "kept text", r);
	ck_untouched(st, r);
	ck_worksheet(st, "old-a old-b", 0, 0, 500, 700, r);
	reclose(st, r);
	ck_assert_int_eq(raw_int("SELECT count(*) FROM history WHERE what = "
	                         "'answer'"), 3 + repaired_set);
}

static const struct workload workloads[] = {
	{ "setting answers", make_current, run_sets, verify_sets,
	  1, { "not saved" } },
	{ "contracts CSV import", make_current, run_csv, verify_csv,
	  3, { "not saved", "nothing imported", "nothing was imported" } },
	{ "JSON import", make_current, run_json, verify_json,
	  3, { "not saved", "not imported", "nothing was imported" } },
	{ "migration from version 1", make_v1, run_migrate, verify_migrate,
	  1, { "not saved" } },
	{ "repair of an interrupted save", make_interrupted, run_repair,
	  verify_repair, 1, { "not saved" } },
};
#define N_WORKLOADS (sizeof workloads / sizeof *workloads)

/* ---- the sweep ---- */

static void copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = test_slurp(from, &len);
	int fd;

	ck_assert_ptr_nonnull(data);
	unlink(to);
	fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
	free(data);
}

/* The template's journal beside the copy (an interrupted save), or none. */
static void copy_journal(void)
{
	char from[4096], to[4096];
	struct stat sb;

	snprintf(from, sizeof from, "%s-journal", tmpl);
	snprintf(to, sizeof to, "%s-journal", path);
	unlink(to);
	if (stat(from, &sb) == 0)
		copy_file(from, to);
}

struct tally {
	unsigned long calls;         /* of the kind in a clean run */
	unsigned long points[2];     /* fault points tried: once, for good */
	unsigned long failures;      /* calls that reported a failure */
	unsigned long hot;           /* journals left and rolled back */
	unsigned long cold;          /* finished journals left beside it */
	unsigned long confirmed;     /* answers confirmed and then found */
};

/* One run from a fresh copy of the template with the n-th call failing. */
static void one_run(const struct workload *w, const struct injector *in,
                    unsigned long n, bool sticky, struct tally *t)
{
	struct run r = { in, n, sticky, NULL, 0, 0 };
	unsigned long made;
	bool hot;

	copy_file(tmpl, path);
	copy_journal();
	faulty_disk(in);
	arm(in, n, sticky);
	w->run(&r);
	made = disarm(in);
	real_disk(in);
	if (n == 0)
		t->calls = made;
	else
		ck_assert_msg(made >= n, "%s, %s %lu: the run made only %lu calls",
		              w->name, in->name, n, made);
	hot = journal_hot();
	w->verify(&r);
	/* A journal SQLite finished with but could not delete (the fault
	 * came first) is harmless, and the next save takes it away. */
	if (journal_there()) {
		struct store *st = NULL;

		t->cold++;
		ck_assert_msg(store_open(path, STORE_MODE_READ_WRITE, &st, err,
		                         sizeof err) == STORE_OK, "%s", err);
		ck_assert_msg(store_set_answer(st, key(st, "gi.org_name"), "Org",
		                               err, sizeof err) == STORE_OK, "%s",
		              err);
		store_close(st);
		ck_assert_msg(!journal_there(), "%s, %s %lu: a journal stays after "
		              "a save", w->name, in->name, n);
	}
	t->failures += (unsigned long)r.failed;
	t->hot += hot;
	t->confirmed += (unsigned long)r.confirmed;
	if (n == 0)
		ck_assert_msg(r.failed == 0, "%s: a clean run failed: %s", w->name,
		              err);
}

static void sweep(const struct workload *w, const struct injector *in)
{
	struct tally t = { 0, { 0, 0 }, 0, 0, 0, 0 };
	unsigned long step;

	cur = w;
	real_disk(in);
	w->make(tmpl);
	one_run(w, in, 0, false, &t);
	step = full_run() || t.calls <= FAST_POINTS ? 1 :
	       (t.calls + FAST_POINTS - 1) / FAST_POINTS;
	for (int sticky = 0; sticky < 2; sticky++) {
		unsigned long n;

		for (n = 1; n <= t.calls; n += step) {
			one_run(w, in, n, sticky, &t);
			t.points[sticky]++;
		}
		/* The last call is always tried: often the COMMIT's own. */
		if (n - step != t.calls && t.calls > 0) {
			one_run(w, in, t.calls, sticky, &t);
			t.points[sticky]++;
		}
	}
	fprintf(stderr, "# faults: %s, %s: %lu calls, %lu points once, %lu for "
	        "good; %lu failures reported, %lu journals rolled back, %lu "
	        "finished journals left, %lu answers confirmed and found, 0 "
	        "lost\n", w->name, in->name, t.calls, t.points[0], t.points[1],
	        t.failures, t.hot, t.cold, t.confirmed);
}

START_TEST(test_io_faults)
{
	sweep(&workloads[(size_t)_i / N_IO_KINDS], &io_kinds[(size_t)_i %
	                                                     N_IO_KINDS]);
}
END_TEST

START_TEST(test_memory_faults)
{
	sweep(&workloads[(size_t)_i / N_MEM_KINDS], &mem_kinds[(size_t)_i %
	                                                       N_MEM_KINDS]);
}
END_TEST

/* A save that session_set_text calls failed is not in the file, and one it
 * calls saved is, whatever failed after it: for every allocation (ours and
 * SQLite's) and every read of one save, for good.  (The figures recomputed
 * after a save once turned a saved answer into "not saved".) */
START_TEST(test_set_text_status_is_the_file)
{
	const struct injector *kinds[] = {
		&mem_kinds[0], &mem_kinds[1], &io_kinds[0]
	};
	static struct run r;
	const char *k = "gi.contact_name";
	char want[32], before[32];
	unsigned long tried = 0;

	cur = &workloads[0];
	make_current(path);
	snprintf(before, sizeof before, "before");
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		const struct injector *in = kinds[i];
		unsigned long n, calls = 1;

		faulty_disk(in);
		/* n 0: the clean run that counts the calls. */
		for (n = 0; n <= calls; n++) {
			struct session *s = NULL;
			enum store_status rc;
			int64_t in_file;
			char sql[128];

			ck_assert_msg(session_open(path, STORE_MODE_READ_WRITE, false,
			                           &s, err, sizeof err) == STORE_OK,
			              "%s", err);
			snprintf(want, sizeof want, "v%zu.%lu", i, n);
			arm(in, n, true);
			rc = session_set_text(s, key(s->st, k), want, err, sizeof err);
			if (n == 0)
				calls = disarm(in);
			else
				ck_assert_uint_ge(disarm(in), n);
			r.in = in;
			r.n = n;
			r.sticky = true;
			if (rc != STORE_OK)
				ck_failure(&r, rc, false);
			ck_answer(s->st, k, rc == STORE_OK ? want : before, &r);
			session_close(s);
			real_disk(in);
			snprintf(sql, sizeof sql, "SELECT count(*) FROM answer WHERE "
			         "key = '%s' AND value = '%s'", k, rc == STORE_OK ?
			         want : before);
			in_file = raw_int(sql);
			ck_assert_msg(in_file == 1, "%s %lu: status %d, but the file "
			              "does not hold '%s'", in->name, n, rc,
			              rc == STORE_OK ? want : before);
			faulty_disk(in);
			if (rc == STORE_OK)
				snprintf(before, sizeof before, "%s", want);
			tried += n > 0;
		}
		real_disk(in);
	}
	fprintf(stderr, "# faults: session_set_text, every allocation and read: "
	        "%lu points\n", tried);
}
END_TEST

/* A read that fails while a file is opened is the disk's fault, not the
 * file's: never "damaged, restore it from a backup".  Every read, once. */
START_TEST(test_open_read_error_is_not_damage)
{
	static struct run r;
	unsigned long tried = 0;

	cur = &workloads[0];
	make_current(path);
	ck_assert_int_eq(faultvfs_install(), SQLITE_OK);
	for (int ro = 0; ro < 2; ro++) {
		enum store_mode mode = ro ? STORE_MODE_READ_ONLY :
		                            STORE_MODE_READ_WRITE;
		unsigned long n, calls = 1;

		for (n = 0; n <= calls; n++) {
			struct store *st = NULL;
			enum store_status rc;

			faultvfs_arm(FAULTVFS_READ, n, false, SQLITE_IOERR_READ);
			rc = store_open(path, mode, &st, err, sizeof err);
			faultvfs_disarm();
			if (n == 0)
				calls = faultvfs_calls(FAULTVFS_READ);
			r.in = &io_kinds[0];
			r.n = n;
			r.sticky = false;
			if (rc != STORE_OK)
				ck_failure(&r, rc, true);
			else
				ck_answer(st, "gi.contact_name", "before", &r);
			store_close(st);
			tried += n > 0;
		}
	}
	faultvfs_uninstall();
	fprintf(stderr, "# faults: opening, every read: %lu points\n", tried);
}
END_TEST

/* A read that fails while an export reads the contracts is a read error
 * in the words of the file, not a failed write of the export. */
START_TEST(test_export_read_error_is_a_read)
{
	struct session *s = NULL;
	unsigned long n, calls = 1, failed = 0;

	make_current(path);
	ck_assert_int_eq(faultvfs_install(), SQLITE_OK);
	for (n = 0; n <= calls; n++) {
		struct export_input in;
		FILE *out = tmpfile();
		bool ok;

		ck_assert_ptr_nonnull(out);
		ck_assert_msg(session_open(path, STORE_MODE_READ_ONLY, false, &s, err,
		                           sizeof err) == STORE_OK, "%s", err);
		session_export_input(s, &in);
		faultvfs_arm(FAULTVFS_READ, n, true, SQLITE_IOERR_READ);
		ok = export_json(out, &in, err, sizeof err);
		faultvfs_disarm();
		if (n == 0) {
			calls = faultvfs_calls(FAULTVFS_READ);
			ck_assert(ok);
		} else if (!ok) {
			failed++;
			ck_assert(!ferror(out));
			ck_assert_msg(strncmp(s->read_err, path, strlen(path)) == 0 &&
			              strstr(s->read_err, "could not read") &&
			              !strstr(s->read_err, "write"),
			              "read %lu: '%s' (export said '%s')", n, s->read_err,
			              err);
		}
		session_close(s);
		fclose(out);
	}
	faultvfs_uninstall();
	ck_assert_uint_gt(failed, 0);
}
END_TEST

/* The shim itself: a fault fires at the call asked for, once or for good,
 * and the counters count. */
START_TEST(test_faultvfs_counts)
{
	sqlite3 *db = NULL;
	int rc;

	ck_assert_int_eq(faultvfs_install(), SQLITE_OK);
	ck_assert_str_eq(sqlite3_vfs_find(NULL)->zName, "apmwb-faultvfs");
	faultvfs_arm(FAULTVFS_WRITE, 0, false, 0);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_extended_result_codes(db, 1), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; "
	                              "CREATE TABLE t (x)", NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_uint_gt(faultvfs_calls(FAULTVFS_WRITE), 0);
	ck_assert_uint_gt(faultvfs_calls(FAULTVFS_SYNC), 0);
	ck_assert_uint_eq(faultvfs_injected(), 0);
	/* The first sync of the next change fails once: that change is not
	 * made, the one after it is. */
	faultvfs_arm(FAULTVFS_SYNC, 1, false, SQLITE_IOERR_FSYNC);
	rc = sqlite3_exec(db, "INSERT INTO t VALUES (1)", NULL, NULL, NULL);
	ck_assert_int_eq(rc, SQLITE_IOERR_FSYNC);
	ck_assert_uint_eq(faultvfs_injected(), 1);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO t VALUES (2)", NULL, NULL,
	                              NULL), SQLITE_OK);
	ck_assert_uint_eq(faultvfs_injected(), 1);
	/* For good: every write from the first fails. */
	faultvfs_arm(FAULTVFS_WRITE, 1, true, SQLITE_FULL);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO t VALUES (3)", NULL, NULL,
	                              NULL), SQLITE_FULL);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO t VALUES (4)", NULL, NULL,
	                              NULL), SQLITE_FULL);
	ck_assert_uint_ge(faultvfs_injected(), 2);
	faultvfs_disarm();
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
	faultvfs_uninstall();
	ck_assert_str_eq(sqlite3_vfs_find(NULL)->zName, "unix");
	ck_assert_int_eq(raw_int("SELECT group_concat(x) FROM t"), 2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("faults");

	tcase_add_checked_fixture(tc, setup, teardown);
	/* The full sweeps take minutes; a timeout only catches a hang. */
	tcase_set_timeout(tc, full_run() ? 7200 : 300);
	tcase_add_test(tc, test_faultvfs_counts);
	tcase_add_test(tc, test_set_text_status_is_the_file);
	tcase_add_test(tc, test_open_read_error_is_not_damage);
	tcase_add_test(tc, test_export_read_error_is_a_read);
	tcase_add_loop_test(tc, test_io_faults, 0,
	                    (int)(N_WORKLOADS * N_IO_KINDS));
	tcase_add_loop_test(tc, test_memory_faults, 0,
	                    (int)(N_WORKLOADS * N_MEM_KINDS));
	suite_add_tcase(s, tc);
	return test_main(s);
}
