/* SPDX-License-Identifier: MIT */
/* harness.c: the measurements bench/run.sh cannot take from outside.
 *
 * Drives the full-screen workbook's own steps (app_init, app_draw,
 * app_dispatch) on a terminal of its own (newterm over /dev/null, 160x50,
 * TERM xterm-256color), so what is timed is the program's work and not a
 * terminal's.  Each mode prints "name value" lines for run.sh:
 *
 *   harness open FILE        opening to the first full screen (ms), then
 *                            the worksheet's first and last page (ms), and
 *                            the peak RSS of all that (KiB)
 *   harness key FILE [N]     N keystrokes in a money field (commercial.m2),
 *                            each recompute and redraw timed (us);
 *                            bench_keystroke is the function callgrind's
 *                            --toggle-collect counts
 *   harness save FILE DIR [N]  N confirmed answers (validate, save with its
 *                            history row, recompute figures and checks)
 *                            and, in turns with them, N bare SQLite
 *                            one-row transactions (journal_mode=DELETE,
 *                            synchronous=FULL) in DIR/bare.db (ms)
 *   harness edit FILE [N]    N changes to the last contract's dollars and
 *                            N contracts added after it, each its own
 *                            transaction, timed (ms)
 *
 * Both saves are timed in-process on an open connection, so neither pays
 * for starting a process or opening a file: like is compared with like. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

#include "edition.h"
#include "session.h"
#include "ui.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
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

static void die(const char *what, const char *err)
{
	fprintf(stderr, "harness: %s: %s\n", what, err);
	exit(2);
}

/* ---- the workbook on a terminal of its own ---- */

static SCREEN *scr;

/* What tui_run does before its first draw, on /dev/null. */
static void screen_open(struct app *a, struct session *s)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");

	if (!out || !in)
		die("/dev/null", "cannot open");
	if (!app_init(a, s, false))
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

static struct session *open_session(const char *path)
{
	struct session *s;
	char err[1024];

	if (session_open(path, STORE_MODE_READ_WRITE, false, &s, err,
	                 sizeof err) != STORE_OK)
		die("open", err);
	return s;
}

static long max_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int mode_open(const char *path)
{
	struct app a;
	struct session *s;
	double t0, t1, t2, t3;

	t0 = now_ms();
	s = open_session(path);
	screen_open(&a, s);
	app_draw(&a);
	t1 = now_ms();
	goto_tab(&a, a.nr_tab);
	key(&a, KEY_DOWN, true);      /* from nr.method into the table */
	t2 = now_ms();
	key(&a, KEY_END, true);       /* the last page */
	key(&a, KEY_PPAGE, true);
	key(&a, KEY_HOME, true);
	t3 = now_ms();
	printf("open_ms %.3f\n", t1 - t0);
	printf("ws_first_ms %.3f\n", t2 - t1);
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
	double *t = calloc((size_t)n, sizeof *t);
	int q;

	s = open_session(path);
	screen_open(&a, s);
	app_draw(&a);
	q = edition_find(s->ed, "commercial.m2");
	if (q < 0 || !t)
		die("key", "no commercial.m2");
	app_goto(&a, s->ed->qs[q].tab, q);
	app_draw(&a);
	key(&a, '1', false);          /* starts editing it */
	if (a.edit.kind != EDIT_ANSWER || a.edit.q != q)
		die("key", "the money field did not start editing");
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();

		bench_keystroke(&a, '0' + i % 10);
		t[i] = (now_ms() - t0) * 1e3;
	}
	if (!a.live_on)
		die("key", "no live figures after typing");
	printf("key_us %.1f\n", median(t, n));
	key(&a, 27, false);           /* Esc: nothing saved */
	screen_close(&a);
	session_close(s);
	free(t);
	return 0;
}

static int mode_edit(const char *path, int n)
{
	struct session *s = open_session(path);
	double *t = calloc((size_t)n, sizeof *t), *u = calloc((size_t)n,
	                                                      sizeof *u);
	struct contract c;
	char err[1024];
	int64_t count = s->totals.contracts, pos;
	size_t got = 0;

	if (!t || !u || count < 1)
		die("edit", "no contracts");
	if (store_contract_page(s->st, count - 1, 1, &c, &got, err, sizeof err)
	    != STORE_OK || got != 1)
		die("edit", err);
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();

		c.dollars = 100000 + i;
		c.has |= NR_HAS_DOLLARS;
		if (store_contract_update(s->st, &c, err, sizeof err) != STORE_OK)
			die("edit", err);
		t[i] = now_ms() - t0;
	}
	for (int i = 0; i < n; i++) {
		struct contract d;
		double t0;

		contract_init(&d);
		if (!contract_copy(&d, &c))
			die("edit", "out of memory");
		t0 = now_ms();
		if (store_contract_insert(s->st, count - 1 + i, &d, &pos, err,
		                          sizeof err) != STORE_OK)
			die("add", err);
		u[i] = now_ms() - t0;
		contract_clear(&d);
	}
	printf("edit_ms %.3f\n", median(t, n));
	printf("add_ms %.3f\n", median(u, n));
	contract_clear(&c);
	session_close(s);
	free(t);
	free(u);
	return 0;
}

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

/* apmwb's saves and bare ones taken in turns, so a disk whose fsyncs
 * slow down and speed up (other work on the machine) weighs on both. */
static int mode_save(const char *path, const char *dir, int n)
{
	struct session *s = open_session(path);
	double *t = calloc((size_t)n, sizeof *t), *b = calloc((size_t)n,
	                                                      sizeof *b);
	char bare[4096], err[1024], v[32];
	int q = edition_find(s->ed, "commercial.m8");
	sqlite3 *db;
	sqlite3_stmt *put;

	if (q < 0 || !t || !b)
		die("save", "no commercial.m8");
	snprintf(bare, sizeof bare, "%s/bare.db", dir);
	remove(bare);
	if (sqlite3_open(bare, &db) != SQLITE_OK)
		die(bare, "cannot open");
	sql_ok(db, sqlite3_exec(db, "PRAGMA journal_mode=DELETE; "
	                        "PRAGMA synchronous=FULL; "
	                        "CREATE TABLE answer (key TEXT PRIMARY KEY, "
	                        "value TEXT NOT NULL)", NULL, NULL, NULL),
	       "schema");
	sql_ok(db, sqlite3_prepare_v2(db, "INSERT INTO answer(key, value) "
	                              "VALUES ('commercial.m8', ?1) ON CONFLICT"
	                              "(key) DO UPDATE SET value = excluded.value",
	                              -1, &put, NULL), "prepare");
	for (int i = 0; i < n; i++) {
		double t0;

		snprintf(v, sizeof v, "%d.00", 910000000 + i);
		t0 = now_ms();
		if (session_set_text(s, q, v, err, sizeof err) != STORE_OK)
			die("save", err);
		t[i] = now_ms() - t0;
		t0 = now_ms();
		bare_save(db, put, v);
		b[i] = now_ms() - t0;
	}
	printf("save_ms %.3f\n", median(t, n));
	printf("bare_ms %.3f\n", median(b, n));
	sqlite3_finalize(put);
	sqlite3_close(db);
	remove(bare);
	session_close(s);
	free(t);
	free(b);
	return 0;
}

int main(int argc, char **argv)
{
	bool save = argc > 1 && strcmp(argv[1], "save") == 0;
	int n = argc > 3 + save ? atoi(argv[3 + save]) : 5;

	setlocale(LC_CTYPE, "");
	if (argc < 3 + 2 * save || n < 1) {
		fprintf(stderr, "usage: harness open|key|edit FILE [N]\n"
		        "       harness save FILE DIR [N]\n");
		return 2;
	}
	if (strcmp(argv[1], "open") == 0)
		return mode_open(argv[2]);
	if (strcmp(argv[1], "key") == 0)
		return mode_key(argv[2], n);
	if (save)
		return mode_save(argv[2], argv[3], n);
	if (strcmp(argv[1], "edit") == 0)
		return mode_edit(argv[2], n);
	fprintf(stderr, "harness: no mode %s\n", argv[1]);
	return 2;
}
