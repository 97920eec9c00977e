/* SPDX-License-Identifier: MIT */
/* harness.c: the measurements bench/run.sh cannot take from outside.
 *
 * Drives the full-screen workbook's own steps (app_init, app_draw,
 * app_dispatch) on a terminal of its own (newterm over /dev/null, 160x50,
 * TERM xterm-256color), and the session's own functions, so what is timed
 * is the program's work and not a terminal's.  Each mode prints
 * "name value" lines for run.sh:
 *
 *   harness open FILE [ro]   opening to the first full screen (ms, and
 *                            CPU ms), the worksheet's first and last page
 *                            (ms), and the peak RSS of all that (KiB)
 *   harness key FILE [N]     N keystrokes in a money field (commercial.m2),
 *                            digits and Backspace in turns, each
 *                            recompute and redraw timed (us);
 *                            bench_keystroke is the function callgrind's
 *                            --toggle-collect counts
 *   harness save FILE DIR [N]  N confirmed answers (validate, save with its
 *                            history row, recompute figures and checks)
 *                            and, in turns with them, N bare SQLite
 *                            one-row transactions in DIR/bare.db with the
 *                            store's durability (journal_mode=DELETE,
 *                            synchronous=EXTRA) and N with FULL (ms)
 *   harness ops FILE [N [WHERE]]  single-contract operations in the
 *                            middle and at the end of the worksheet, on a
 *                            labeled and an unlabeled contract: update,
 *                            delete, insert, the undo of each, and the
 *                            page the screen reads after each (CPU us,
 *                            medians of N); then 40 inserts in a row at
 *                            one place.  Each operation is a function of
 *                            its own (bench_op_*) for callgrind.
 *   harness find FILE [N]    find with no match and with the only match
 *                            in the last row, in turns with an SQL scan
 *                            of the labels on a connection of its own
 *                            with the store's cache (CPU ms); the RSS
 *                            find adds
 *   harness verify FILE      store_verify: the pages, then the totals (ms)
 *   harness progress FILE CSV [N]  the contracts import with a progress
 *                            callback and without, in turns (CPU ms)
 *
 * Each comparison is made in one process on an open connection, in
 * turns (A B A B ...), so neither side pays for starting a process or
 * opening a file, and a change in the machine's load falls on both. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

#include "edition.h"
#include "mem.h"
#include "session.h"
#include "ui.h"

/* The page cache every store connection gets (db/store.c), which the
 * SQL anchors are given too: $BENCH_CACHE_KIB, 1024 when not set. */
static int cache_kib(void)
{
	const char *v = getenv("BENCH_CACHE_KIB");

	return v && atoi(v) > 0 ? atoi(v) : 1024;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double largest(const double *v, int n)
{
	double m = v[0];

	for (int i = 1; i < n; i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

static void die(const char *what, const char *err)
{
	fprintf(stderr, "harness: %s: %s\n", what, err);
	exit(2);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		die("calloc", "out of memory");
	return p;
}

/* Prints "name median", and for pairs taken in turns "name_ratio r",
 * "name_lo", "name_hi": the median of the pairwise ratios a[i] / b[i]
 * and their range. */
static void print_pairs(const char *name, double *a, double *b, int n)
{
	double *r = xcalloc((size_t)n, sizeof *r);

	for (int i = 0; i < n; i++)
		r[i] = b[i] > 0 ? a[i] / b[i] : 0;
	printf("%s_ratio %.3f\n", name, median(r, n));
	printf("%s_lo %.3f\n", name, r[0]);
	printf("%s_hi %.3f\n", name, r[n - 1]);
	free(r);
}

static long max_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* ---- the workbook on a terminal of its own ---- */

static SCREEN *scr;

/* What tui_run does before its first draw, on /dev/null. */
static void screen_open(struct app *a, struct session *s, bool ro)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");

	if (!out || !in)
		die("/dev/null", "cannot open");
	if (!app_init(a, s, ro))
		die("app_init", "out of memory");
	setenv("LINES", "50", 1);
	setenv("COLUMNS", "160", 1);
	scr = newterm("xterm-256color", out, in);
	if (!scr)
		die("newterm", "no terminfo for xterm-256color");
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	theme_init();
	getmaxyx(stdscr, a->H, a->W);
	a->small = a->W < UI_MIN_W || a->H < UI_MIN_H;
	app_relayout(a);
}

static void screen_close(struct app *a)
{
	app_free(a);
	endwin();
	delscreen(scr);
}

static void key(struct app *a, int ch, bool fkey)
{
	app_dispatch(a, ch, fkey);
	app_draw(a);
}

static void goto_tab(struct app *a, int tab)
{
	for (int i = 0; a->tab != tab && i < a->ntabs; i++)
		key(a, ']', false);
}

static void ok_or_die(enum store_status rc, const char *what,
                      const char *err)
{
	if (rc != STORE_OK)
		die(what, err);
}

static struct session *open_session(const char *path, bool ro)
{
	struct session *s;
	char err[1024];

	if (session_open(path, ro ? STORE_MODE_READ_ONLY : STORE_MODE_READ_WRITE,
	                 false, &s, err, sizeof err) != STORE_OK)
		die("open", err);
	return s;
}

static int mode_open(const char *path, bool ro)
{
	struct app a;
	struct session *s;
	char err[1024];
	double t0, c0, t1, c1, tk, t2, t3;

	t0 = now_ms();
	c0 = cpu_ms();
	/* As `apmwb FILE` and `apmwb -r FILE` open it: the first screen, then
	 * the checks that read the whole file before the first key. */
	if (session_open_workbook(path, ro, &s, err, sizeof err) != STORE_OK)
		die("open", err);
	screen_open(&a, s, ro);
	app_draw(&a);
	t1 = now_ms();
	c1 = cpu_ms();
	ok_or_die(session_check_workbook(s, err, sizeof err), "checks", err);
	tk = now_ms();
	goto_tab(&a, a.nr_tab);
	key(&a, KEY_DOWN, true);      /* from nr.method into the table */
	t2 = now_ms();
	key(&a, KEY_END, true);       /* the last page */
	key(&a, KEY_PPAGE, true);
	key(&a, KEY_HOME, true);
	t3 = now_ms();
	printf("open_ms %.3f\n", t1 - t0);
	printf("open_cpu_ms %.3f\n", c1 - c0);
	printf("first_key_ms %.3f\n", tk - t0);
	printf("ws_first_ms %.3f\n", t2 - tk);
	printf("ws_end_ms %.3f\n", t3 - t2);
	printf("ws_count %lld\n", (long long)a.ws.count);
	printf("ws_cur_at_home %lld\n", (long long)a.ws.cur);
	printf("maxrss_kib %ld\n", max_rss_kib());
	screen_close(&a);
	session_close(s);
	return 0;
}

/* One keystroke while a money answer is typed: the live recompute of
 * every figure and the redraw of the whole screen.  Not inlined, so
 * callgrind --toggle-collect=bench_keystroke counts it and nothing else. */
__attribute__((noinline)) void bench_keystroke(struct app *a, int ch);
__attribute__((noinline)) void bench_keystroke(struct app *a, int ch)
{
	app_dispatch(a, ch, false);
	app_draw(a);
}

static int mode_key(const char *path, int n)
{
	struct app a;
	struct session *s;
	double *t = xcalloc((size_t)n, sizeof *t);
	int q;

	s = open_session(path, false);
	screen_open(&a, s, false);
	app_draw(&a);
	q = edition_find(s->ed, "commercial.m2");
	if (q < 0)
		die("key", "no commercial.m2");
	app_goto(&a, s->ed->qs[q].tab, q);
	app_draw(&a);
	key(&a, '1', false);          /* starts editing it */
	if (a.edit.kind != EDIT_ANSWER || a.edit.q != q)
		die("key", "the money field did not start editing");
	/* A digit, then Backspace, and again: the value stays an amount
	 * (ten digits at most), so every keystroke is a live recompute. */
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();

		bench_keystroke(&a, i % 2 ? 127 : '0' + i % 10);
		t[i] = (now_ms() - t0) * 1e3;
	}
	if (!a.view.preview)
		die("key", "no live figures after typing");
	printf("key_us %.1f\n", median(t, n));
	key(&a, 27, false);           /* Esc: nothing saved */
	screen_close(&a);
	session_close(s);
	free(t);
	return 0;
}

/* ---- saves ---- */

static void sql_ok(sqlite3 *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		die(what, sqlite3_errmsg(db));
}

/* A bare one-row transaction: the upsert of one answer, no more. */
static void bare_save(sqlite3 *db, sqlite3_stmt *put, const char *v)
{
	sql_ok(db, sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
	       "begin");
	sql_ok(db, sqlite3_bind_text(put, 1, v, -1, SQLITE_TRANSIENT), "bind");
	sql_ok(db, sqlite3_step(put), "insert");
	sqlite3_reset(put);
	sql_ok(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
}

static sqlite3 *bare_open(const char *path, const char *sync,
                          sqlite3_stmt **put)
{
	char sql[256];
	sqlite3 *db;

	remove(path);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		die(path, "cannot open");
	snprintf(sql, sizeof sql, "PRAGMA journal_mode=DELETE; "
	         "PRAGMA synchronous=%s; CREATE TABLE answer (key TEXT PRIMARY "
	         "KEY, value TEXT NOT NULL)", sync);
	sql_ok(db, sqlite3_exec(db, sql, NULL, NULL, NULL), "schema");
	sql_ok(db, sqlite3_prepare_v2(db, "INSERT INTO answer(key, value) "
	                              "VALUES ('commercial.m8', ?1) ON CONFLICT"
	                              "(key) DO UPDATE SET value = excluded.value",
	                              -1, put, NULL), "prepare");
	return db;
}

/* apmwb's saves and bare ones (EXTRA, as the store commits, and FULL,
 * one folder sync fewer) taken in turns, so a disk whose fsyncs slow
 * down and speed up (other work on the machine) weighs on all three. */
static int mode_save(const char *path, const char *dir, int n)
{
	struct session *s = open_session(path, false);
	double *t = xcalloc((size_t)n, sizeof *t), *b = xcalloc((size_t)n,
	                                                        sizeof *b);
	double *f = xcalloc((size_t)n, sizeof *f), *c = xcalloc((size_t)n,
	                                                        sizeof *c);
	char extra[4096], full[4096], err[1024], v[32];
	int q = edition_find(s->ed, "commercial.m8");
	sqlite3 *db, *dbf;
	sqlite3_stmt *put, *putf;

	if (q < 0)
		die("save", "no commercial.m8");
	snprintf(extra, sizeof extra, "%s/bare-extra.db", dir);
	snprintf(full, sizeof full, "%s/bare-full.db", dir);
	db = bare_open(extra, "EXTRA", &put);
	dbf = bare_open(full, "FULL", &putf);
	for (int i = 0; i < n; i++) {
		double t0, c0;

		snprintf(v, sizeof v, "%d.00", 930000000 + i);
		t0 = now_ms();
		c0 = cpu_ms();
		if (session_set_text(s, q, v, err, sizeof err) != STORE_OK)
			die("save", err);
		c[i] = cpu_ms() - c0;
		t[i] = now_ms() - t0;
		t0 = now_ms();
		bare_save(db, put, v);
		b[i] = now_ms() - t0;
		t0 = now_ms();
		bare_save(dbf, putf, v);
		f[i] = now_ms() - t0;
	}
	print_pairs("save_vs_extra", t, b, n);
	print_pairs("extra_vs_full", b, f, n);
	{
		double *d = xcalloc((size_t)n, sizeof *d);

		for (int i = 0; i < n; i++)
			d[i] = b[i] - f[i];
		printf("extra_minus_full_ms %.3f\n", median(d, n));
		free(d);
	}
	printf("save_ms %.3f\n", median(t, n));
	printf("save_cpu_ms %.3f\n", median(c, n));
	printf("bare_ms %.3f\n", median(b, n));
	printf("full_ms %.3f\n", median(f, n));
	sqlite3_finalize(put);
	sqlite3_finalize(putf);
	sqlite3_close(db);
	sqlite3_close(dbf);
	remove(extra);
	remove(full);
	session_close(s);
	free(t);
	free(b);
	free(f);
	free(c);
	return 0;
}

/* ---- single-contract operations ---- */

/* Rows the screen shows of a worksheet around its cursor (a 50-line
 * terminal), fewer than the smallest file holds: a page read costs the
 * same rows at every size, and what differs is how the store finds them. */
#define PAGE_ROWS 32

/* The page the screen reads around row i. */
static void page_at(struct session *s, int64_t i)
{
	struct contract page[PAGE_ROWS];
	int64_t start = i - PAGE_ROWS / 2;
	char err[1024];
	size_t got = 0;

	if (start < 0)
		start = 0;
	for (size_t k = 0; k < PAGE_ROWS; k++)
		contract_init(&page[k]);
	if (store_contract_page(s->st, start, PAGE_ROWS, page, &got, err,
	                        sizeof err) != STORE_OK)
		die("page", err);
	for (size_t k = 0; k < got; k++)
		contract_clear(&page[k]);
}

static void update(struct session *s, const struct contract *c)
{
	char err[1024];

	ok_or_die(session_contract_update(s, c, err, sizeof err), "update", err);
}

static void delete(struct session *s, int64_t id)
{
	char err[1024];

	ok_or_die(session_contract_delete(s, id, err, sizeof err), "delete",
	          err);
}

static void insert(struct session *s, int64_t after, struct contract *c)
{
	char err[1024];
	int64_t pos;

	ok_or_die(session_contract_insert(s, after, c, &pos, err, sizeof err),
	          "insert", err);
}

static void undo(struct session *s)
{
	char err[1024], what[512];

	ok_or_die(session_undo(s, what, sizeof what, err, sizeof err), "undo",
	          err);
}

/* Each measured operation a function of its own, so callgrind
 * --toggle-collect=bench_op_* counts each apart: its inclusive
 * instructions over the n calls. */
#define BENCH_OP(name, params, call) \
	__attribute__((noinline)) void bench_op_##name params; \
	__attribute__((noinline)) void bench_op_##name params { call; }
BENCH_OP(update, (struct session *s, const struct contract *c), update(s, c))
BENCH_OP(update_page, (struct session *s, int64_t i), page_at(s, i))
BENCH_OP(update_undo, (struct session *s), undo(s))
BENCH_OP(delete, (struct session *s, int64_t id), delete(s, id))
BENCH_OP(delete_page, (struct session *s, int64_t i), page_at(s, i))
BENCH_OP(delete_undo, (struct session *s), undo(s))
BENCH_OP(delete_undo_page, (struct session *s, int64_t i), page_at(s, i))
BENCH_OP(insert, (struct session *s, int64_t i, struct contract *c),
         insert(s, i, c))
BENCH_OP(insert_page, (struct session *s, int64_t i), page_at(s, i))
BENCH_OP(insert_undo, (struct session *s), undo(s))
BENCH_OP(run40, (struct session *s, int64_t i, struct contract *c),
         insert(s, i, c))

static void read_one(struct session *s, int64_t i, struct contract *c)
{
	char err[1024];
	size_t got = 0;

	contract_init(c);
	if (store_contract_page(s->st, i, 1, c, &got, err, sizeof err) !=
	    STORE_OK || got != 1)
		die("read", got ? err : "no such row");
}

/* dst = the CPU microseconds that running stmt takes. */
#define CPU_US(dst, stmt) \
	do { \
		double c0_ = cpu_ms(); \
		stmt; \
		(dst) = (cpu_ms() - c0_) * 1e3; \
	} while (0)

enum op {
	OP_UPDATE, OP_UPDATE_PAGE, OP_UPDATE_UNDO, OP_DELETE, OP_DELETE_PAGE,
	OP_DELETE_UNDO, OP_DELETE_UNDO_PAGE, OP_INSERT, OP_INSERT_PAGE,
	OP_INSERT_UNDO, OP_COUNT
};
static const char *const op_names[OP_COUNT] = { "update", "update_page",
	"update_undo", "delete", "delete_page", "delete_undo",
	"delete_undo_page", "insert", "insert_page", "insert_undo" };

/* n times at row i: an update, a delete, an insert after it, the undo of
 * each and the page the screen reads after each; the screen has shown
 * the row's page before each. */
static void ops_at(struct session *s, int64_t i, int n, bool labeled,
                   double *t[OP_COUNT])
{
	char err[1024];
	struct contract c, d;

	read_one(s, i, &c);
	if (!labeled && c.label) {
		/* Make it a contract without a label (not timed). */
		mem_free(c.label);
		c.label = NULL;
		ok_or_die(session_contract_update(s, &c, err, sizeof err),
		          "unlabel", err);
	}
	contract_clear(&c);
	for (int r = 0; r < n; r++) {
		page_at(s, i);
		read_one(s, i, &c);
		c.dollars = 100000 + r;
		c.has |= NR_HAS_DOLLARS;
		CPU_US(t[OP_UPDATE][r], bench_op_update(s, &c));
		CPU_US(t[OP_UPDATE_PAGE][r], bench_op_update_page(s, i));
		CPU_US(t[OP_UPDATE_UNDO][r], bench_op_update_undo(s));
		contract_clear(&c);

		page_at(s, i);
		read_one(s, i, &c);
		CPU_US(t[OP_DELETE][r], bench_op_delete(s, c.id));
		CPU_US(t[OP_DELETE_PAGE][r], bench_op_delete_page(s, i));
		CPU_US(t[OP_DELETE_UNDO][r], bench_op_delete_undo(s));
		CPU_US(t[OP_DELETE_UNDO_PAGE][r], bench_op_delete_undo_page(s, i));
		contract_clear(&c);

		/* A new contract after it, as the screen's insert makes. */
		page_at(s, i);
		contract_init(&d);
		d.dollars = 123456;
		d.has = NR_HAS_DOLLARS;
		CPU_US(t[OP_INSERT][r], bench_op_insert(s, i, &d));
		CPU_US(t[OP_INSERT_PAGE][r], bench_op_insert_page(s, i + 1));
		CPU_US(t[OP_INSERT_UNDO][r], bench_op_insert_undo(s));
		contract_clear(&d);
	}
}

/* 40 contracts added one after another at one place in the middle, as a
 * respondent types a run of new rows: the worst case for sparse
 * positions, whose gap halves with each. */
static void ops_run(struct session *s, int64_t at, double run[40])
{
	for (int r = 0; r < 40; r++) {
		struct contract d;

		contract_init(&d);
		d.dollars = 5000 + r;
		d.has = NR_HAS_DOLLARS;
		page_at(s, at + r);
		CPU_US(run[r], bench_op_run40(s, at + r, &d));
		contract_clear(&d);
	}
}

/* WHERE: mid_labeled, end_labeled, mid_unlabeled, end_unlabeled or run40
 * (every one when not given). */
static int mode_ops(const char *path, int n, const char *where)
{
	struct session *s = open_session(path, false);
	int64_t count = s->totals.contracts;
	struct { const char *name; int64_t i; bool labeled; } at[] = {
		{ "mid_labeled", count / 2, true },
		{ "end_labeled", count - 1, true },
		{ "mid_unlabeled", count / 2 + 1, false },
		{ "end_unlabeled", count - 2, false },
	};
	double *t[OP_COUNT], run[40];

	if (count < 4)
		die("ops", "fewer than 4 contracts");
	for (int k = 0; k < OP_COUNT; k++)
		t[k] = xcalloc((size_t)n, sizeof *t[k]);
	for (size_t a = 0; a < sizeof at / sizeof *at; a++) {
		if (where && strcmp(where, at[a].name) != 0)
			continue;
		ops_at(s, at[a].i, n, at[a].labeled, t);
		for (int k = 0; k < OP_COUNT; k++)
			printf("%s_%s_us %.1f\n", at[a].name, op_names[k],
			       median(t[k], n));
	}
	if (!where || strcmp(where, "run40") == 0) {
		double sum = 0;

		ops_run(s, count / 2, run);
		for (int r = 0; r < 40; r++)
			sum += run[r];
		printf("run40_max_us %.1f\n", largest(run, 40));
		printf("run40_mean_us %.1f\n", sum / 40);
	}
	for (int k = 0; k < OP_COUNT; k++)
		free(t[k]);
	session_close(s);
	return 0;
}

/* ---- find ---- */

/* The find the screen calls: the next label holding needle after row
 * from, round the end once; the row, or -1. */
static int64_t bench_find(struct session *s, const char *needle,
                          int64_t from)
{
	struct store_found f;
	char err[1024];

	ok_or_die(session_find(s, needle, from, STORE_FIND_NEXT, &f, err,
	                       sizeof err), "find", err);
	return f.pos;
}

/* The SQL the find is held against: every label read and matched, on a
 * connection of its own with the store's cache. */
static int64_t sql_scan(sqlite3 *db, sqlite3_stmt *s, const char *needle)
{
	char pattern[256];
	int64_t n = -1;

	snprintf(pattern, sizeof pattern, "%%%s%%", needle);
	sql_ok(db, sqlite3_bind_text(s, 1, pattern, -1, SQLITE_TRANSIENT),
	       "bind");
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

static int mode_find(const char *path, int n)
{
	struct session *s = open_session(path, false);
	double *a = xcalloc((size_t)n, sizeof *a), *b = xcalloc((size_t)n,
	                                                        sizeof *b);
	int64_t count = s->totals.contracts;
	struct contract last;
	const char *needles[2] = { "no label holds this", NULL };
	const char *names[2] = { "find_none", "find_last" };
	char sql[64];
	sqlite3 *db;
	sqlite3_stmt *st;
	long rss0, rss1;

	if (count < 1)
		die("find", "no contracts");
	read_one(s, count - 1, &last);
	if (!last.label)
		die("find", "the last contract has no label");
	needles[1] = last.label;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die(path, "cannot open");
	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", cache_kib());
	sql_ok(db, sqlite3_exec(db, sql, NULL, NULL, NULL), "cache");
	sql_ok(db, sqlite3_prepare_v2(db, "SELECT count(*) FROM contract WHERE "
	                              "label LIKE ?1", -1, &st, NULL), "prepare");
	/* What the screen holds before its first find: the first page; the
	 * memory finds add, before the anchor has read anything. */
	page_at(s, 0);
	rss0 = max_rss_kib();
	bench_find(s, needles[0], 0);
	bench_find(s, needles[1], 0);
	rss1 = max_rss_kib();
	for (int k = 0; k < 2; k++) {
		bench_find(s, needles[k], 0);   /* warm-ups, not counted */
		sql_scan(db, st, needles[k]);
		for (int i = 0; i < n; i++) {
			int64_t got;
			double c0 = cpu_ms();

			got = bench_find(s, needles[k], 0);
			a[i] = cpu_ms() - c0;
			if (got != (k ? count - 1 : -1))
				die("find", "found the wrong row");
			c0 = cpu_ms();
			sql_scan(db, st, needles[k]);
			b[i] = cpu_ms() - c0;
		}
		printf("%s_ms %.3f\n", names[k], median(a, n));
		printf("%s_sql_ms %.3f\n", names[k], median(b, n));
		print_pairs(names[k], a, b, n);
	}
	printf("find_rss_growth_kib %ld\n", rss1 - rss0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	contract_clear(&last);
	session_close(s);
	free(a);
	free(b);
	return 0;
}

/* ---- the checks that read every page and every contract ---- */

static int mode_verify(const char *path)
{
	struct session *s = open_session(path, true);
	char err[1024];
	double t0, c0;

	t0 = now_ms();
	c0 = cpu_ms();
	ok_or_die(store_verify(s->st, STORE_VERIFY_PAGES, err, sizeof err),
	          "pages", err);
	printf("verify_pages_ms %.3f\n", now_ms() - t0);
	printf("verify_pages_cpu_ms %.3f\n", cpu_ms() - c0);
	t0 = now_ms();
	c0 = cpu_ms();
	ok_or_die(store_verify(s->st, STORE_VERIFY_TOTALS, err, sizeof err),
	          "totals", err);
	printf("verify_totals_ms %.3f\n", now_ms() - t0);
	printf("verify_totals_cpu_ms %.3f\n", cpu_ms() - c0);
	session_close(s);
	return 0;
}

/* ---- what progress costs ---- */

static ssize_t read_csv(void *ctx, char *buf, size_t n)
{
	size_t got = fread(buf, 1, n, ctx);

	return got == 0 && ferror((FILE *)ctx) ? -1 : (ssize_t)got;
}

static unsigned long progress_calls;

static bool count_progress(void *ctx, const struct store_progress *p)
{
	(void)ctx;
	(void)p;
	progress_calls++;
	return true;
}

static double import_once(struct session *s, const char *csv, bool told)
{
	struct session_import im;
	char err[1024];
	FILE *in = fopen(csv, "rb");
	double c0;

	if (!in)
		die(csv, "cannot open");
	session_set_progress(s, told ? count_progress : NULL, NULL);
	c0 = cpu_ms();
	ok_or_die(session_import_contracts(s, "", 0, read_csv, in, 0, false,
	                                   &im, err, sizeof err), "import", err);
	c0 = cpu_ms() - c0;
	fclose(in);
	return c0;
}

static int mode_progress(const char *path, const char *csv, int n)
{
	struct session *s = open_session(path, false);
	double *a = xcalloc((size_t)n, sizeof *a), *b = xcalloc((size_t)n,
	                                                        sizeof *b);

	import_once(s, csv, false);   /* a warm-up */
	for (int i = 0; i < n; i++) {
		a[i] = import_once(s, csv, true);
		b[i] = import_once(s, csv, false);
	}
	printf("progress_calls %lu\n", progress_calls / (unsigned long)n);
	printf("import_told_cpu_ms %.3f\n", median(a, n));
	printf("import_quiet_cpu_ms %.3f\n", median(b, n));
	print_pairs("progress", a, b, n);
	session_close(s);
	free(a);
	free(b);
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	bool two = strcmp(mode, "save") == 0 || strcmp(mode, "progress") == 0;
	int n = argc > 3 + two ? atoi(argv[3 + two]) : 5;

	setlocale(LC_CTYPE, "");
	/* As apmwb opens files of its own edition. */
	session_use_edition(edition_builtin());
	if (strcmp(mode, "open") == 0 || strcmp(mode, "verify") == 0)
		n = 1;   /* they take no N */
	if (argc < 3 + two || n < 1) {
		fprintf(stderr, "usage: harness open FILE [ro]\n"
		        "       harness key|ops|find FILE [N]\n"
		        "       harness verify FILE\n"
		        "       harness save FILE DIR [N]\n"
		        "       harness progress FILE CSV [N]\n");
		return 2;
	}
	if (strcmp(mode, "open") == 0)
		return mode_open(argv[2], argc > 3 && strcmp(argv[3], "ro") == 0);
	if (strcmp(mode, "key") == 0)
		return mode_key(argv[2], n);
	if (strcmp(mode, "save") == 0)
		return mode_save(argv[2], argv[3], n);
	if (strcmp(mode, "ops") == 0)
		return mode_ops(argv[2], n, argc > 4 ? argv[4] : NULL);
	if (strcmp(mode, "find") == 0)
		return mode_find(argv[2], n);
	if (strcmp(mode, "verify") == 0)
		return mode_verify(argv[2]);
	if (strcmp(mode, "progress") == 0)
		return mode_progress(argv[2], argv[3], n);
	fprintf(stderr, "harness: no mode %s\n", mode);
	return 2;
}
