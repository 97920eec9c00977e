/* SPDX-License-Identifier: MIT */
/* storelib.c: what the check suites of db/ share (storelib.h). */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "answers.h"
#include "edition.h"
#include "export.h"
#include "mem.h"
#include "nominal.h"
#include "session.h"
#include "store.h"
#include "store_internal.h"
#include "storelib.h"
#include "testlib.h"
#include "validate.h"

char *dir;
char err[1024];
void store_setup(void)
{
	dir = test_tmpdir();
}
void store_teardown(void)
{
	test_rmtree(dir);
	free(dir);
}
char *in_dir(const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}
struct store *make(const char *path)
{
	struct store *st = NULL;
	enum store_status rc = store_create(path, &st, err, sizeof err);

	ck_assert_msg(rc == STORE_OK, "create %s: %d %s", path, rc, err);
	ck_assert_ptr_nonnull(st);
	return st;
}
struct store *open_as(const char *path, enum store_mode mode)
{
	struct store *st = NULL;
	enum store_status rc = store_open(path, mode, &st, err, sizeof err);

	ck_assert_msg(rc == STORE_OK, "open %s: %d %s", path, rc, err);
	return st;
}
int key(const struct store *st, const char *k)
{
	int q = edition_find(store_edition(st), k);

	ck_assert_msg(q >= 0, "no key %s in the edition", k);
	return q;
}
/* Sets an answer as typed, through the screen's own validation. */
void set(struct store *st, const char *k, const char *text)
{
	int q = key(st, k);
	char *canonical, why[300];
	enum store_status rc;

	ck_assert_msg(validate_answer(store_edition(st), q, text, &canonical, why,
	                              sizeof why), "%s = '%s': %s", k, text, why);
	rc = store_set_answer(st, q, canonical, err, sizeof err);
	mem_free(canonical);
	ck_assert_msg(rc == STORE_OK || rc == STORE_UNCHANGED, "set %s: %d %s",
	              k, rc, err);
}
const char *get(const struct store *st, const char *k)
{
	return answers_get(store_answers(st), key(st, k));
}
void ck_get(const struct store *st, const char *k, const char *want)
{
	const char *v = get(st, k);

	if (!want)
		ck_assert_msg(v == NULL, "%s is '%s', want blank", k, v);
	else
		ck_assert_msg(v && strcmp(v, want) == 0, "%s is '%s', want '%s'", k,
		              v ? v : "(blank)", want);
}
/* The folder's names, sorted, one per line. */
char *listing(void)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	size_t len = 1;
	char *out;

	ck_assert_int_ge(n, 0);
	for (int i = 0; i < n; i++)
		len += strlen(names[i]->d_name) + 1;
	out = calloc(1, len);
	ck_assert_ptr_nonnull(out);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
			strcat(out, names[i]->d_name);
			strcat(out, "\n");
		}
		free(names[i]);
	}
	free(names);
	return out;
}
void take(const char *path, struct snap *s)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	s->mtime = sb.st_mtim;
	s->mode = sb.st_mode;
	s->bytes = test_slurp(path, &s->len);
	ck_assert_ptr_nonnull(s->bytes);
	s->names = listing();
}
void ck_same(const char *path, struct snap *before)
{
	struct snap now;

	take(path, &now);
	ck_assert_msg(now.len == before->len &&
	              memcmp(now.bytes, before->bytes, now.len) == 0,
	              "%s changed (%zu bytes, was %zu)", path, now.len,
	              before->len);
	ck_assert_msg(now.mtime.tv_sec == before->mtime.tv_sec &&
	              now.mtime.tv_nsec == before->mtime.tv_nsec,
	              "%s has a new mtime", path);
	ck_assert_str_eq(now.names, before->names);
	free(now.bytes);
	free(now.names);
	free(before->bytes);
	free(before->names);
}
/* One integer from a file through plain SQLite, read-only. */
int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int64_t v = -1;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK,
	              "%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}
/* Runs SQL on a file through plain SQLite, read-write. */
void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	                                 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK,
	              "%s: %s", sql, msg ? msg : "");
	sqlite3_close(db);
}
static void keep(char *buf, const char *s)
{
	snprintf(buf, 200, "%s", s ? s : "(null)");
}
static bool collect(void *ctx, const struct store_change *c)
{
	struct change_list *l = ctx;

	if (l->n == 64)
		return true;
	keep(l->text[l->n][0], c->what);
	keep(l->text[l->n][1], c->key);
	keep(l->text[l->n][2], c->old_value);
	keep(l->text[l->n][3], c->new_value);
	keep(l->text[l->n][4], c->who);
	keep(l->text[l->n][5], c->at);
	l->n++;
	return true;
}
void history(struct store *st, size_t limit, struct change_list *l)
{
	memset(l, 0, sizeof *l);
	ck_assert_int_eq(store_history(st, limit, collect, l, err, sizeof err),
	                 STORE_OK);
}
/* Row i (newest first) is what/key: old -> new. */
void ck_change(struct change_list *l, size_t i, const char *what,
               const char *k, const char *old, const char *new)
{
	ck_assert_msg(i < l->n, "only %zu history rows", l->n);
	ck_assert_str_eq(l->text[i][0], what);
	ck_assert_str_eq(l->text[i][1], k ? k : "(null)");
	if (old)
		ck_assert_str_eq(l->text[i][2], old);
	if (new)
		ck_assert_str_eq(l->text[i][3], new);
}
/* A contract from text fields, as typed; NULL leaves a field missing. */
void contract_make(struct contract *c, const char *label,
                   const char *line, const char *type, const char *min,
                   const char *max, const char *share,
                   const char *dollars)
{
	const char *v[NR_F_COUNT] = { label, line, type, min, max, share,
	                              dollars };
	char why[200];

	contract_init(c);
	for (int f = 0; f < NR_F_COUNT; f++)
		if (v[f])
			ck_assert_msg(nominal_parse_field(c, (enum nr_field)f, v[f], why,
			                                  sizeof why), "%s", why);
}
int64_t count(struct store *st)
{
	int64_t n = -1;

	ck_assert_int_eq(store_contract_count(st, &n, err, sizeof err), STORE_OK);
	return n;
}
/* The labels of the worksheet in order, joined by spaces. */
static bool label_cat(void *ctx, const struct contract *c, int64_t pos)
{
	char *out = ctx;

	(void)pos;
	if (*out)
		strcat(out, " ");
	strcat(out, c->label ? c->label : "-");
	return true;
}
const char *labels(struct store *st)
{
	static char out[8192];

	out[0] = '\0';
	ck_assert_int_eq(store_contract_each(st, label_cat, out, err,
	                                     sizeof err), STORE_OK);
	return out;
}
int64_t insert(struct store *st, int64_t after, const char *label,
               const char *line, const char *dollars)
{
	struct contract c;
	int64_t pos = -9;

	contract_make(&c, label, line, "tcoc", "1", "10", "50", dollars);
	ck_assert_msg(store_contract_insert(st, after, &c, &pos, err, sizeof err)
	              == STORE_OK, "%s", err);
	ck_assert_int_gt(c.id, 0);
	contract_clear(&c);
	return pos;
}
/* The id of the contract at position i. */
int64_t id_at(struct store *st, int64_t i)
{
	struct contract c;
	size_t got = 0;
	int64_t id;

	ck_assert_int_eq(store_contract_page(st, i, 1, &c, &got, err, sizeof err),
	                 STORE_OK);
	ck_assert_uint_eq(got, 1);
	id = c.id;
	contract_clear(&c);
	return id;
}
/* Runs fn in a child process and returns the byte it reports through a
 * pipe (not its exit status, which valgrind's leak check may change). */
char in_child(char (*fn)(const char *path), const char *path)
{
	int fds[2], status;
	char result = '?';
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char r;

		close(fds[0]);
		r = fn(path);
		if (write(fds[1], &r, 1) != 1)
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &result, 1) != 1)
		result = '?';
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return result;
}
/* Totals recomputed from every row, the slow way. */
static bool add_up(void *ctx, const struct contract *c, int64_t pos)
{
	(void)pos;
	nominal_totals_apply(ctx, c, +1);
	return true;
}
void ck_totals(struct store *st)
{
	struct nr_totals kept, slow;

	nominal_totals_init(&slow);
	ck_assert_int_eq(store_contract_each(st, add_up, &slow, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(store_nr_totals(st, &kept, err, sizeof err), STORE_OK);
	for (int l = 0; l < LOB_COUNT; l++) {
		ck_assert_int_eq(kept.meets[l], slow.meets[l]);
		ck_assert_int_eq(kept.fails[l], slow.fails[l]);
	}
	ck_assert_int_eq(kept.contracts, slow.contracts);
	ck_assert_int_eq(kept.incomplete, slow.incomplete);
	ck_assert_int_eq(kept.unplaced, slow.unplaced);
	ck_assert(!kept.overflow);
}

/* A submission as an apmwb of schema version `version` made it. */
void make_at_version(const char *path, int version)
{
	sqlite3 *db = NULL;
	char why[512];

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	                                 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	ck_assert_msg(schema_build(db, version, "old apmwb", why, sizeof why) ==
	              SQLITE_OK, "%s", why);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO answer VALUES "
	                              "('gi.contact_name', 'from v1', 'then'); "
	                              "INSERT INTO contract (pos, label, line, type, "
	                              "risk_min, risk_max, shared_risk, dollars) "
	                              "VALUES (1024, 'old', 'medicaid', 'revenue', "
	                              "1000, 20000, 50000, 12345)",
	                              NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO nr_total VALUES "
	                              "('medicaid', 'meets', 12345, 1)", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(db);
	chmod(path, 0600);
}

int store_suite_main(const char *name, const TTest *const *tests, size_t n,
                     int timeout)
{
	Suite *s = suite_create(name);
	TCase *tc = tcase_create("file");

	tcase_add_checked_fixture(tc, store_setup, store_teardown);
	tcase_set_timeout(tc, timeout);
	for (size_t i = 0; i < n; i++)
		tcase_add_test(tc, tests[i]);
	suite_add_tcase(s, tc);
	return test_main(s);
}
