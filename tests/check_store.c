/* check_store.c: the submission file.
 *
 * Each test makes its own folder and opens its databases inside the test
 * (check forks per test; SQLite is not fork-safe).  What the spec promises
 * is checked on the disk itself: modes, bytes, mtimes, the folder's
 * listing, and the file read back with plain SQLite. */
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
#include "testlib.h"
#include "validate.h"

static char *dir;
static char err[1024];

static void setup(void)
{
	dir = test_tmpdir();
}

static void teardown(void)
{
	test_rmtree(dir);
	free(dir);
}

/* ---- helpers ---- */

static char *in_dir(const char *name)
{
	char *p = malloc(strlen(dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", dir, name);
	return p;
}

static struct store *make(const char *path)
{
	struct store *st = NULL;
	enum store_status rc = store_create(path, &st, err, sizeof err);

	ck_assert_msg(rc == STORE_OK, "create %s: %d %s", path, rc, err);
	ck_assert_ptr_nonnull(st);
	return st;
}

static struct store *open_as(const char *path, enum store_mode mode)
{
	struct store *st = NULL;
	enum store_status rc = store_open(path, mode, &st, err, sizeof err);

	ck_assert_msg(rc == STORE_OK, "open %s: %d %s", path, rc, err);
	return st;
}

static int key(const struct store *st, const char *k)
{
	int q = edition_find(store_edition(st), k);

	ck_assert_msg(q >= 0, "no key %s in the edition", k);
	return q;
}

/* Sets an answer as typed, through the screen's own validation. */
static void set(struct store *st, const char *k, const char *text)
{
	int q = key(st, k);
	char *canonical, why[300];
	enum store_status rc;

	ck_assert_msg(validate_answer(store_edition(st), q, text, &canonical, why,
	                              sizeof why), "%s = '%s': %s", k, text, why);
	rc = store_set_answer(st, q, canonical, err, sizeof err);
	mem_free(canonical);
	ck_assert_msg(rc == STORE_OK, "set %s: %d %s", k, rc, err);
}

static const char *get(const struct store *st, const char *k)
{
	return answers_get(store_answers(st), key(st, k));
}

static void ck_get(const struct store *st, const char *k, const char *want)
{
	const char *v = get(st, k);

	if (!want)
		ck_assert_msg(v == NULL, "%s is '%s', want blank", k, v);
	else
		ck_assert_msg(v && strcmp(v, want) == 0, "%s is '%s', want '%s'", k,
		              v ? v : "(blank)", want);
}

/* The folder's names, sorted, one per line. */
static char *listing(void)
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

/* A file's bytes, mtime and its folder's listing, to prove nothing moved. */
struct snap {
	char *bytes, *names;
	size_t len;
	struct timespec mtime;
	mode_t mode;
};

static void take(const char *path, struct snap *s)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	s->mtime = sb.st_mtim;
	s->mode = sb.st_mode;
	s->bytes = test_slurp(path, &s->len);
	ck_assert_ptr_nonnull(s->bytes);
	s->names = listing();
}

static void ck_same(const char *path, struct snap *before)
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

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* One integer from a file through plain SQLite, read-only. */
static int64_t raw_int(const char *path, const char *sql)
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
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	                                 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK,
	              "%s: %s", sql, msg ? msg : "");
	sqlite3_close(db);
}

struct change_list {
	struct store_change c[64];
	char text[64][7][200];
	size_t n;
};

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

static void history(struct store *st, size_t limit, struct change_list *l)
{
	memset(l, 0, sizeof *l);
	ck_assert_int_eq(store_history(st, limit, collect, l, err, sizeof err),
	                 STORE_OK);
}

/* Row i (newest first) is what/key: old -> new. */
static void ck_change(struct change_list *l, size_t i, const char *what,
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
static void contract_make(struct contract *c, const char *label,
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

static int64_t count(struct store *st)
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

static const char *labels(struct store *st)
{
	static char out[8192];

	out[0] = '\0';
	ck_assert_int_eq(store_contract_each(st, label_cat, out, err,
	                                     sizeof err), STORE_OK);
	return out;
}

static int64_t insert(struct store *st, int64_t after, const char *label,
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
static int64_t id_at(struct store *st, int64_t i)
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
static char in_child(char (*fn)(const char *path), const char *path)
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

/* ---- creating ---- */

static void ck_created(const char *path)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_msg((sb.st_mode & 07777) == 0600, "mode %o", sb.st_mode & 07777);
	ck_assert_int_eq(raw_int(path, "PRAGMA application_id"),
	                 STORE_APPLICATION_ID);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), schema_latest);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history "
	                         "WHERE what = 'create'"), 1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM meta "
	                         "WHERE key = 'state' AND value = 'draft'"), 1);
	ck_assert_int_gt(raw_int(path, "SELECT count(*) FROM edition_question"),
	                 0);
}

START_TEST(test_create_mode_and_stamps)
{
	char *path = in_dir("a.apmwb"), *path2 = in_dir("b.apmwb"), *names;
	struct store *st;

	umask(022);
	st = make(path);
	ck_assert(!store_is_read_only(st));
	ck_assert_str_eq(store_path(st), path);
	ck_assert_uint_eq(answers_count(store_answers(st)), 0);
	store_close(st);
	ck_created(path);
	/* A umask that would give the world everything changes nothing. */
	umask(0);
	store_close(make(path2));
	ck_created(path2);
	umask(022);
	/* The temporary file and any journal are gone. */
	names = listing();
	ck_assert_str_eq(names, "a.apmwb\nb.apmwb\n");
	free(names);
	free(path);
	free(path2);
}
END_TEST

START_TEST(test_create_refuses_existing)
{
	char *path = in_dir("x.apmwb");
	struct store *st = (struct store *)1;
	struct snap before;

	write_file(path, "keep me\n", 8);
	take(path, &before);
	ck_assert_int_eq(store_create(path, &st, err, sizeof err), STORE_EXISTS);
	ck_assert_ptr_null(st);
	ck_assert_msg(strstr(err, path) == err, "message names the file: %s", err);
	ck_same(path, &before);
	/* A real submission is refused the same way, and keeps its answers. */
	free(path);
	path = in_dir("y.apmwb");
	st = make(path);
	set(st, "gi.contact_name", "Ada");
	store_close(st);
	take(path, &before);
	ck_assert_int_eq(store_create(path, &st, err, sizeof err), STORE_EXISTS);
	ck_same(path, &before);
	free(path);
}
END_TEST

/* ---- answers ---- */

START_TEST(test_set_reopen_keeps_everything)
{
	char *path = in_dir("s.apmwb");
	struct store *st = make(path);

	set(st, "gi.contact_name", "Ada Lovelace");
	set(st, "gi.contact_email", "ada@example.org");
	set(st, "commercial.m1", "$5,000,000,000");
	set(st, "commercial.m8", "910000000");
	set(st, "iq.barriers", "plan_interest, provider_interest");
	set(st, "gi.assumptions", "line one\n  line two");
	set(st, "gi.lob.commercial", "yes");
	set(st, "gi.lob.commercial", "");   /* blank again */
	ck_get(st, "commercial.m1", "5000000000.00");
	store_close(st);

	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_get(st, "gi.contact_name", "Ada Lovelace");
	ck_get(st, "gi.contact_email", "ada@example.org");
	ck_get(st, "commercial.m1", "5000000000.00");
	ck_get(st, "commercial.m8", "910000000.00");
	ck_get(st, "iq.barriers", "provider_interest\nplan_interest");
	ck_get(st, "gi.assumptions", "line one\n  line two");
	ck_get(st, "gi.lob.commercial", NULL);
	ck_assert_uint_eq(answers_count(store_answers(st)), 6);
	/* Blank is not zero: "0" is kept as an answer. */
	set(st, "commercial.m8", "0");
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "commercial.m8", "0.00");
	store_close(st);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM answer"), 6);
	free(path);
}
END_TEST

START_TEST(test_set_refusals)
{
	char *path = in_dir("r.apmwb");
	struct store *st = make(path);
	int m10 = key(st, "commercial.m10");

	ck_assert_int_eq(store_set_answer(st, m10, "1.00", err, sizeof err),
	                 STORE_INVALID);
	ck_assert(strstr(err, "commercial.m10") != NULL);
	ck_assert_int_eq(store_set_answer(st, -1, "x", err, sizeof err),
	                 STORE_INVALID);
	ck_assert_int_eq(store_set_answer(st, 1 << 20, "x", err, sizeof err),
	                 STORE_INVALID);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM answer"), 0);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_history_rows)
{
	char *path = in_dir("h.apmwb");
	struct store *st = make(path);
	struct change_list l;

	store_set_actor(st, "analyst1");
	set(st, "commercial.m1", "100");
	set(st, "commercial.m1", "200.5");
	set(st, "commercial.m1", "200.50");   /* unchanged: no row */
	set(st, "commercial.m1", "");
	history(st, 0, &l);
	ck_assert_uint_eq(l.n, 4);
	ck_change(&l, 0, "answer", "commercial.m1", "200.50", "(null)");
	ck_change(&l, 1, "answer", "commercial.m1", "100.00", "200.50");
	ck_change(&l, 2, "answer", "commercial.m1", "(null)", "100.00");
	ck_change(&l, 3, "create", NULL, "(null)", "edition 2020");
	ck_assert_str_eq(l.text[0][4], "analyst1");
	/* When: ISO 8601 UTC. */
	ck_assert_uint_eq(strlen(l.text[0][5]), 20);
	ck_assert_int_eq(l.text[0][5][10], 'T');
	ck_assert_int_eq(l.text[0][5][19], 'Z');
	history(st, 2, &l);
	ck_assert_uint_eq(l.n, 2);
	store_close(st);
	free(path);
}
END_TEST

/* ---- read-only ---- */

START_TEST(test_read_only_writes_nothing)
{
	char *path = in_dir("ro.apmwb");
	struct store *st = make(path);
	struct change_list l;
	struct nr_totals t;
	struct snap before;
	int64_t pos;

	set(st, "gi.contact_name", "Grace");
	insert(st, -1, "A", "commercial", "100");
	ck_assert_int_eq(store_ack(st, "some.check", "a warning", "known", err,
	                           sizeof err), STORE_OK);
	ck_assert_int_eq(store_complete(st, "Grace Hopper", err, sizeof err),
	                 STORE_OK);
	store_close(st);
	take(path, &before);

	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert(store_is_read_only(st));
	ck_get(st, "gi.contact_name", "Grace");
	ck_assert_int_eq(count(st), 1);
	ck_assert_str_eq(labels(st), "A");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], 10000);
	history(st, 0, &l);
	ck_assert_uint_ge(l.n, 4);
	{
		struct store_signoff so;
		size_t n;
		const struct store_ack *a = store_acks(st, &n);

		store_signoff(st, &so);
		ck_assert(so.complete);
		ck_assert_str_eq(so.by, "Grace Hopper");
		ck_assert_uint_eq(n, 1);
		ck_assert_str_eq(a[0].reason, "known");
	}
	/* Every write is refused, and says so. */
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.contact_name"), "X",
	                                  err, sizeof err), STORE_READ_ONLY);
	ck_assert_msg(strstr(err, path) == err && strstr(err, "read-only"),
	              "%s", err);
	{
		struct contract c;

		contract_make(&c, "B", "medicaid", NULL, NULL, NULL, NULL, NULL);
		ck_assert_int_eq(store_contract_insert(st, 0, &c, &pos, err,
		                                       sizeof err), STORE_READ_ONLY);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_contract_delete(st, id_at(st, 0), err, sizeof err),
	                 STORE_READ_ONLY);
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_READ_ONLY);
	ck_assert_int_eq(store_ack(st, "x", "m", "r", err, sizeof err),
	                 STORE_READ_ONLY);
	ck_assert_int_eq(store_complete(st, "X", err, sizeof err),
	                 STORE_READ_ONLY);
	ck_assert_int_eq(store_undo(st, err, sizeof err, err, sizeof err),
	                 STORE_READ_ONLY);
	ck_assert_int_eq(store_import_json(st, "{}", 2, err, sizeof err),
	                 STORE_READ_ONLY);
	store_close(st);
	ck_same(path, &before);
	free(path);
}
END_TEST

/* ---- one writer ---- */

/* In a child: what a second `apmwb set` meets. */
static char open_for_editing(const char *path)
{
	struct store *c = NULL;
	char e[512];
	enum store_status rc = store_open(path, STORE_MODE_READ_WRITE, &c, e,
	                                  sizeof e);

	return rc == STORE_LOCKED ? 'L' : rc == STORE_OK ? 'O' : 'E';
}

START_TEST(test_second_writer_locked)
{
	char *path = in_dir("w.apmwb");
	struct store *a = make(path), *b = NULL, *r;

	set(a, "gi.contact_name", "first");
	ck_assert_int_eq(store_open(path, STORE_MODE_READ_WRITE, &b, err,
	                            sizeof err), STORE_LOCKED);
	ck_assert_ptr_null(b);
	ck_assert_msg(strstr(err, path) == err && strstr(err, "-r"), "%s", err);
	/* Another process is refused too: the lock a second apmwb meets. */
	ck_assert_int_eq(in_child(open_for_editing, path), 'L');
	/* Readers are served while the writer holds the file... */
	r = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(r, "gi.contact_name", "first");
	store_close(r);
	/* ...and see each answer once it is confirmed. */
	set(a, "gi.contact_name", "second");
	r = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(r, "gi.contact_name", "second");
	store_close(r);
	store_close(a);
	/* Once the writer is gone, the next may edit. */
	b = open_as(path, STORE_MODE_READ_WRITE);
	store_close(b);
	free(path);
}
END_TEST

/* ---- files that are not ours, or not whole ---- */

static void ck_refused(const char *path, enum store_status want,
                       const char *words)
{
	struct store *st = (struct store *)1;
	struct snap before;

	for (int mode = 0; mode < 2; mode++) {
		take(path, &before);
		ck_assert_int_eq(store_open(path, mode ? STORE_MODE_READ_WRITE :
		                            STORE_MODE_READ_ONLY, &st, err,
		                            sizeof err), want);
		ck_assert_ptr_null(st);
		ck_assert_msg(strncmp(err, path, strlen(path)) == 0,
		              "the message names the file: %s", err);
		ck_assert_msg(strstr(err, words), "'%s' not in: %s", words, err);
		ck_same(path, &before);
	}
}

START_TEST(test_foreign_and_damaged_files)
{
	char *empty = in_dir("empty.apmwb"), *text = in_dir("text.apmwb");
	char *half = in_dir("half.apmwb"), *other = in_dir("other.db");
	char *other2 = in_dir("other2.db"), *newer = in_dir("newer.apmwb");
	char *real = in_dir("real.apmwb"), *garbled = in_dir("garbled.apmwb");
	char *missing = in_dir("missing.apmwb");
	struct store *st;
	size_t len, len0;
	char *bytes, *bytes0;

	write_file(empty, "", 0);
	ck_refused(empty, STORE_NOT_SUBMISSION, "not a database");
	write_file(text, "label,line\nA,commercial\n", 24);
	ck_refused(text, STORE_NOT_SUBMISSION, "not an apmwb submission");

	st = make(real);
	set(st, "gi.contact_name", "someone");
	store_close(st);
	bytes = test_slurp(real, &len);
	bytes0 = test_slurp(real, &len0);
	ck_assert_uint_gt(len, 8192);
	write_file(half, bytes, len / 2);
	ck_refused(half, STORE_DAMAGED, "damaged");
	/* A header whose pages are garbage: SQLite says not a database. */
	memset(bytes + 100, 0x5a, len - 100);
	write_file(garbled, bytes, len);
	ck_refused(garbled, STORE_DAMAGED, "damaged");
	free(bytes);

	/* Ours by its id, but not by its tables. */
	write_file(garbled, bytes0, len0);
	raw_exec(garbled, "DROP TABLE answer");
	ck_refused(garbled, STORE_DAMAGED, "damaged");
	free(bytes0);

	raw_exec(other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
	ck_refused(other, STORE_NOT_SUBMISSION, "another program");
	raw_exec(other2, "PRAGMA application_id = 1234; CREATE TABLE t(x);");
	ck_refused(other2, STORE_NOT_SUBMISSION, "another program");

	st = make(newer);
	store_close(st);
	raw_exec(newer, "PRAGMA user_version = 99");
	ck_refused(newer, STORE_NEWER, "update apmwb");

	st = (struct store *)1;
	ck_assert_int_eq(store_open(missing, STORE_MODE_READ_ONLY, &st, err,
	                            sizeof err), STORE_NOT_FOUND);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(access(missing, F_OK), -1);
	ck_assert_int_eq(store_open(missing, STORE_MODE_READ_WRITE, &st, err,
	                            sizeof err), STORE_NOT_FOUND);
	ck_assert_int_eq(access(missing, F_OK), -1);
	ck_assert_int_eq(store_open(dir, STORE_MODE_READ_ONLY, &st, err,
	                            sizeof err), STORE_NOT_SUBMISSION);
	free(empty);
	free(text);
	free(half);
	free(other);
	free(other2);
	free(newer);
	free(real);
	free(garbled);
	free(missing);
}
END_TEST

START_TEST(test_uri_like_name)
{
	char cwd[4096], *names;
	struct store *st;

	/* SQLite would read "file:..." as a URI naming another file than
	 * the one checked and locked. */
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(chdir(dir), 0);
	st = make("file:x.apmwb?mode=memory");
	set(st, "gi.contact_name", "on disk");
	store_close(st);
	st = open_as("file:x.apmwb?mode=memory", STORE_MODE_READ_ONLY);
	ck_get(st, "gi.contact_name", "on disk");
	store_close(st);
	ck_assert_int_eq(chdir(cwd), 0);
	names = listing();
	ck_assert_str_eq(names, "file:x.apmwb?mode=memory\n");
	free(names);
}
END_TEST

START_TEST(test_wal_mode_file)
{
	char *path = in_dir("wal.apmwb"), *names, *bytes;
	struct store *st = make(path);
	struct snap before;

	set(st, "gi.contact_name", "kept");
	store_close(st);
	/* Another tool switched it to WAL: reading it read-only would need a
	 * -shm file beside it, so the reviewer is told what to do. */
	raw_exec(path, "PRAGMA journal_mode = WAL");
	bytes = test_slurp(path, NULL);
	ck_assert(bytes[18] == 2 && bytes[19] == 2);   /* the header says WAL */
	free(bytes);
	names = listing();
	ck_assert_str_eq(names, "wal.apmwb\n");
	free(names);
	take(path, &before);
	ck_assert_int_eq(store_open(path, STORE_MODE_READ_ONLY, &st, err,
	                            sizeof err), STORE_HOT_JOURNAL);
	ck_same(path, &before);
	/* The respondent's open puts it back to a rollback journal. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_get(st, "gi.contact_name", "kept");
	set(st, "gi.contact_name", "again");
	store_close(st);
	names = listing();
	ck_assert_str_eq(names, "wal.apmwb\n");
	free(names);
	bytes = test_slurp(path, NULL);
	ck_assert(bytes[18] == 1 && bytes[19] == 1);
	free(bytes);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "gi.contact_name", "again");
	store_close(st);
	free(path);
}
END_TEST

/* ---- an interrupted save ---- */

/* In a child: begins a transaction big enough to reach the file, then
 * dies inside it, leaving the journal hot. */
static char die_in_transaction(const char *path)
{
	sqlite3 *db;
	char blob[4000];

	memset(blob, 'x', sizeof blob - 1);
	blob[sizeof blob - 1] = '\0';
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) ||
	    sqlite3_exec(db, "PRAGMA cache_size = 2; BEGIN IMMEDIATE; "
	                 "UPDATE answer SET value = 'changed'", NULL, NULL, NULL))
		return 'E';
	for (int i = 0; i < 200; i++) {
		sqlite3_stmt *s;

		if (sqlite3_prepare_v2(db, "INSERT INTO history(what, new) "
		                       "VALUES ('junk', ?1)", -1, &s, NULL) ||
		    sqlite3_bind_text(s, 1, blob, -1, SQLITE_STATIC) ||
		    sqlite3_step(s) != SQLITE_DONE)
			return 'E';
		sqlite3_finalize(s);
	}
	return 'K';   /* no COMMIT, no close: the caller _exit()s, as if killed */
}

static void die_mid_transaction(const char *path)
{
	ck_assert_int_eq(in_child(die_in_transaction, path), 'K');
}

START_TEST(test_hot_journal_read_only)
{
	char *path = in_dir("hot.apmwb"), *journal = in_dir("hot.apmwb-journal");
	struct store *st = make(path), *r = (struct store *)1;
	struct snap before, jbefore;

	set(st, "gi.contact_name", "kept");
	store_close(st);
	die_mid_transaction(path);
	take(path, &before);
	take(journal, &jbefore);
	ck_assert_int_eq(store_open(path, STORE_MODE_READ_ONLY, &r, err,
	                            sizeof err), STORE_HOT_JOURNAL);
	ck_assert_ptr_null(r);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0 &&
	              strstr(err, "open it once") && strstr(err, "copy"),
	              "tells the reviewer what to do: %s", err);
	ck_same(path, &before);
	ck_same(journal, &jbefore);
	/* The respondent's open repairs it, and nothing confirmed is lost. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_get(st, "gi.contact_name", "kept");
	store_close(st);
	ck_assert_int_eq(access(journal, F_OK), -1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history "
	                         "WHERE what = 'junk'"), 0);
	r = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(r, "gi.contact_name", "kept");
	store_close(r);
	free(path);
	free(journal);
}
END_TEST

/* ---- migration ---- */

/* A submission as an apmwb of schema version `version` made it. */
static void make_at_version(const char *path, int version)
{
	sqlite3 *db = NULL;
	char why[512];

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	                                 SQLITE_OPEN_CREATE, NULL), SQLITE_OK);
	ck_assert_int_eq(schema_register_functions(db), SQLITE_OK);
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

START_TEST(test_migration_from_version_1)
{
	char *path = in_dir("v1.apmwb");
	struct store *st;
	struct snap before;
	struct change_list l;
	struct nr_totals t;

	ck_assert_int_lt(1, schema_latest);
	make_at_version(path, 1);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);
	/* A reviewer reads it through a copy in memory: the file stays v1. */
	take(path, &before);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "gi.contact_name", "from v1");
	ck_assert_str_eq(labels(st), "old");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_MEDICAID], 12345);
	store_close(st);
	ck_same(path, &before);
	/* The respondent's open brings it forward, with a history row. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_get(st, "gi.contact_name", "from v1");
	history(st, 1, &l);
	ck_change(&l, 0, "migrate", "user_version", "1", NULL);
	set(st, "gi.contact_name", "now v2");
	store_close(st);
	ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), schema_latest);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM sqlite_schema "
	                         "WHERE name = 'history_key'"), 1);
	ck_assert_int_eq(raw_int(path, "PRAGMA application_id"),
	                 STORE_APPLICATION_ID);
	free(path);
}
END_TEST

/* ---- contracts ---- */

START_TEST(test_contracts_order)
{
	char *path = in_dir("c.apmwb");
	struct store *st = make(path);
	struct contract page[3];
	size_t got;
	char model[64][16], joined[1024];
	int n = 0;

	ck_assert_int_eq(count(st), 0);
	ck_assert_str_eq(labels(st), "");
	ck_assert_int_eq(insert(st, -1, "B", "commercial", "1"), 0);
	ck_assert_int_eq(insert(st, 99, "D", "commercial", "1"), 1);   /* end */
	ck_assert_int_eq(insert(st, -1, "A", "commercial", "1"), 0);   /* top */
	ck_assert_int_eq(insert(st, 1, "C", "commercial", "1"), 2);    /* middle */
	ck_assert_str_eq(labels(st), "A B C D");
	ck_assert_int_eq(count(st), 4);

	ck_assert_int_eq(store_contract_page(st, 1, 3, page, &got, err,
	                                     sizeof err), STORE_OK);
	ck_assert_uint_eq(got, 3);
	ck_assert_str_eq(page[0].label, "B");
	ck_assert_str_eq(page[2].label, "D");
	for (size_t i = 0; i < got; i++)
		contract_clear(&page[i]);
	ck_assert_int_eq(store_contract_page(st, 4, 3, page, &got, err,
	                                     sizeof err), STORE_OK);
	ck_assert_uint_eq(got, 0);

	/* Update keeps the place; delete closes the gap. */
	{
		struct contract c;

		contract_make(&c, "C2", "medicare", "revenue", "2", "20", "60",
		              "500");
		c.id = id_at(st, 2);
		ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
		c.id = 999999;
		ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
		                 STORE_INVALID);
	}
	ck_assert_str_eq(labels(st), "A B C2 D");
	ck_assert_int_eq(store_contract_delete(st, id_at(st, 1), err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(labels(st), "A C2 D");
	ck_assert_int_eq(store_contract_delete(st, 999999, err, sizeof err),
	                 STORE_INVALID);

	/* Inserting again and again at the same place uses a gap up and
	 * renumbers; the order stays what was asked. */
	strcpy(model[n++], "A");
	strcpy(model[n++], "C2");
	strcpy(model[n++], "D");
	for (int i = 0; i < 30; i++) {
		char label[16];

		snprintf(label, sizeof label, "n%d", i);
		ck_assert_int_eq(insert(st, 0, label, "medicaid", "1"), 1);
		memmove(model[2], model[1], sizeof model[0] * (size_t)(n - 1));
		strcpy(model[1], label);
		n++;
	}
	joined[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(joined, " ");
		strcat(joined, model[i]);
	}
	ck_assert_str_eq(labels(st), joined);
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_str_eq(labels(st), joined);
	store_close(st);
	free(path);
}
END_TEST

/* Totals recomputed from every row, the slow way. */
static bool add_up(void *ctx, const struct contract *c, int64_t pos)
{
	(void)pos;
	nominal_totals_apply(ctx, c, +1);
	return true;
}

static void ck_totals(struct store *st)
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

static const char *pick(unsigned *seed, const char *const *v, int n)
{
	return v[rand_r(seed) % (unsigned)n];
}

static void random_contract(unsigned *seed, struct contract *c)
{
	static const char *const lines[] = { "commercial", "medicare",
	                                     "medicaid", NULL };
	static const char *const types[] = { "tcoc", "revenue", NULL };
	static const char *const pcts[] = { "0", "3", "4", "4.001", "5", "10",
	                                    "25", "29.999", "30", "60", "100",
	                                    NULL };
	static const char *const money[] = { "0", "1", "10000000", "0.01",
	                                     "999999.99", NULL };

	contract_make(c, "r", pick(seed, lines, 4), pick(seed, types, 3),
	              pick(seed, pcts, 12), pick(seed, pcts, 12),
	              pick(seed, pcts, 12), pick(seed, money, 6));
}

/* SQL's own GROUP BY through apmwb_nr_status agrees with the kept
 * nr_total row for row. */
static void ck_totals_sql(const char *path)
{
	sqlite3 *raw;
	sqlite3_stmt *s;

	ck_assert_int_eq(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(schema_register_functions(raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(raw,
		"SELECT count(*) FROM (SELECT coalesce(line, '') AS l, "
		"apmwb_nr_status(line, type, risk_min, risk_max, shared_risk, "
		"dollars) AS s, sum(coalesce(dollars, 0)) AS c, count(*) AS n "
		"FROM contract GROUP BY 1, 2) AS g FULL JOIN nr_total AS t "
		"ON t.line = g.l AND t.status = g.s "
		"WHERE g.c IS NOT t.cents OR g.n IS NOT t.n", -1, &s, NULL),
		SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 0);
	sqlite3_finalize(s);
	sqlite3_close(raw);
}

START_TEST(test_nr_totals_follow_every_edit)
{
	char *path = in_dir("t.apmwb");
	struct store *st = make(path);
	unsigned seed = 20261123;

	for (int step = 0; step < 300; step++) {
		int64_t n = count(st), pos;
		struct contract c;
		int op = rand_r(&seed) % 4;

		if (n == 0 || op <= 1) {
			random_contract(&seed, &c);
			ck_assert_int_eq(store_contract_insert(st, n ? rand_r(&seed) % n :
			                                       -1, &c, &pos, err,
			                                       sizeof err), STORE_OK);
			contract_clear(&c);
		} else if (op == 2) {
			random_contract(&seed, &c);
			c.id = id_at(st, rand_r(&seed) % n);
			ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
			                 STORE_OK);
			contract_clear(&c);
		} else {
			ck_assert_int_eq(store_contract_delete(st, id_at(st,
			                 rand_r(&seed) % n), err, sizeof err), STORE_OK);
		}
		if (step % 25 == 0)
			ck_totals(st);
	}
	ck_totals(st);
	ck_totals_sql(path);
	store_close(st);
	free(path);
}
END_TEST

/* An import writes nr_total from the sums it kept while appending, not from
 * a scan: they agree with the rows, line by line and status by status
 * (unplaced and incomplete contracts too), and a second import starts its
 * sums again. */
START_TEST(test_import_totals_exact)
{
	char *path = in_dir("i.apmwb");
	struct store *st = make(path);
	unsigned seed = 6;
	struct contract c;

	for (int round = 0; round < 2; round++) {
		ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
		                 STORE_OK);
		for (int i = 0; i < 400 + 37 * round; i++) {
			random_contract(&seed, &c);
			ck_assert_int_eq(store_contracts_replace_add(st, &c, err,
			                                             sizeof err),
			                 STORE_OK);
			contract_clear(&c);
		}
		ck_assert_int_eq(store_contracts_replace_end(st, true, err,
		                                             sizeof err), STORE_OK);
		ck_assert_int_eq(count(st), 400 + 37 * round);
		ck_totals(st);
		ck_totals_sql(path);
	}
	/* A rolled-back import leaves the sums it replaced. */
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	random_contract(&seed, &c);
	ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
	                 STORE_OK);
	contract_clear(&c);
	ck_assert_int_eq(store_contracts_replace_end(st, false, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(count(st), 437);
	ck_totals(st);
	ck_totals_sql(path);
	store_close(st);
	free(path);
}
END_TEST

/* ---- pages of the worksheet ---- */

struct id_list {
	int64_t id[2100];
	int64_t n;
};

static bool collect_id(void *ctx, const struct contract *c, int64_t pos)
{
	struct id_list *l = ctx;

	ck_assert_int_eq(pos, l->n);
	ck_assert_int_lt(l->n, 2100);
	l->id[l->n++] = c->id;
	return true;
}

/* Pages are found by key from the last page read, from the top or from
 * the bottom, whichever skips least: every way gives the rows a full scan
 * gives, at every place, and none survives a change to the order (ours,
 * or another connection's). */
static void ck_pages(struct store *st)
{
	/* The first is nearer the last call's anchor (row 1) than the top. */
	static const int64_t from[] = {
		50, 0, 256, 512, 300, 44, 1900, 1644, 1950, 1999, 2000, 5000,
		1000, 1001, 999, 0, 1744, 1745, 1488, 7, 2003, 1023, 1
	};
	static const size_t max[] = { 256, 256, 1, 31, 256, 100, 256, 256 };
	struct id_list want = { .n = 0 };
	struct contract c[256];

	ck_assert_int_eq(store_contract_each(st, collect_id, &want, err,
	                                     sizeof err), STORE_OK);
	for (size_t k = 0; k < sizeof from / sizeof *from; k++) {
		size_t m = max[k % (sizeof max / sizeof *max)], got = 99;
		int64_t expect = want.n - from[k];

		if (expect > (int64_t)m)
			expect = (int64_t)m;
		if (expect < 0)
			expect = 0;
		ck_assert_int_eq(store_contract_page(st, from[k], m, c, &got, err,
		                                     sizeof err), STORE_OK);
		ck_assert_msg((int64_t)got == expect, "page from %lld: %zu rows, "
		              "not %lld", (long long)from[k], got, (long long)expect);
		for (size_t i = 0; i < got; i++) {
			ck_assert_msg(c[i].id == want.id[from[k] + (int64_t)i],
			              "page from %lld, row %zu: id %lld, not %lld",
			              (long long)from[k], i, (long long)c[i].id,
			              (long long)want.id[from[k] + (int64_t)i]);
			contract_clear(&c[i]);
		}
	}
}

START_TEST(test_pages_by_key)
{
	char *path = in_dir("p.apmwb");
	struct store *st = make(path), *ro;
	struct contract c;
	unsigned seed = 61;

	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < 2000; i++) {
		random_contract(&seed, &c);
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	ck_pages(st);
	/* Our own changes: one in the middle, one at the top, one gone. */
	insert(st, 999, "mid", "commercial", "1");
	insert(st, -1, "top", "medicaid", "2");
	ck_pages(st);
	ck_assert_int_eq(store_contract_delete(st, id_at(st, 1500), err,
	                                       sizeof err), STORE_OK);
	ck_pages(st);
	store_close(st);
	/* A reader's pages follow another connection's commit. */
	ro = open_as(path, STORE_MODE_READ_ONLY);
	ck_pages(ro);
	raw_exec(path, "UPDATE contract SET pos = -pos");
	ck_pages(ro);
	store_close(ro);
	free(path);
}
END_TEST

START_TEST(test_nr_status_function)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	static const struct {
		const char *sql, *want;
	} cases[] = {
		/* The workbook's boundaries, exact: 4%, 30%, 3% and 8%. */
		{ "'commercial', 'tcoc', 4000, 10000, 30000, 1", "meets" },
		{ "'commercial', 'tcoc', 4001, 10000, 30000, 1", "fails" },
		{ "'commercial', 'tcoc', 0, 10000, 29999, 1", "fails" },
		{ "'medicare', 'tcoc', 0, 5000, 60000, 1", "meets" },      /* 3.0 */
		{ "'medicare', 'tcoc', 0, 4999, 60000, 1", "fails" },
		{ "'medicaid', 'revenue', 0, 10000, 80000, 1", "meets" },  /* 8.0 */
		{ "'medicaid', 'revenue', 0, 10000, 79999, 1", "fails" },
		{ "'medicaid', 'revenue', 0, 10000, 80000, NULL", "incomplete" },
		{ "NULL, 'tcoc', 0, 10000, 80000, 5", "incomplete" },
		{ "'elsewhere', 'tcoc', 0, 10000, 80000, 5", "incomplete" },
		{ "'commercial', 'tcoc', '4', 10000, 80000, 5", "incomplete" },
		{ "'commercial', 'tcoc', 0, 100001, 80000, 5", "incomplete" },
	};

	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(schema_register_functions(db), SQLITE_OK);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char sql[256];

		snprintf(sql, sizeof sql, "SELECT apmwb_nr_status(%s)", cases[i].sql);
		ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
		                 SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_msg(strcmp((const char *)sqlite3_column_text(s, 0),
		                     cases[i].want) == 0, "%s: %s, want %s", sql,
		              sqlite3_column_text(s, 0), cases[i].want);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
}
END_TEST

START_TEST(test_replace_all_or_nothing)
{
	char *path = in_dir("rp.apmwb");
	struct store *st = make(path), *r;
	struct change_list l;
	struct nr_totals t;
	struct contract c;

	insert(st, 99, "A", "commercial", "100");
	insert(st, 99, "B", "commercial", "100");
	insert(st, 99, "C", "medicaid", "7");
	ck_totals(st);
	/* Begun and abandoned: the worksheet is as it was. */
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	contract_make(&c, "X", "medicare", "tcoc", "0", "10", "50", "1");
	ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
	                 STORE_OK);
	/* No other change while it runs. */
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.contact_name"), "x",
	                                  err, sizeof err), STORE_INVALID);
	/* Readers see the old worksheet until the end. */
	r = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_str_eq(labels(r), "A B C");
	store_close(r);
	ck_assert_int_eq(store_contracts_replace_end(st, false, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(labels(st), "A B C");
	ck_totals(st);
	/* Committed: the new worksheet, its totals and one history row. */
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	contract_clear(&c);
	ck_assert_str_eq(labels(st), "X X X X X");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_MA], 500);
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], 0);
	ck_totals(st);
	history(st, 1, &l);
	ck_change(&l, 0, "contracts", NULL, "3 contracts", "5 contracts");
	/* An import is not undone: undo says so and changes nothing. */
	ck_assert_int_eq(store_undo(st, err, sizeof err, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_msg(strstr(err, "import") && strstr(err, "cannot be undone"),
	              "%s", err);
	ck_assert_str_eq(labels(st), "X X X X X");
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_nr_totals_never_overflow)
{
	char *path = in_dir("o.apmwb");
	struct store *st = make(path);
	struct contract c;
	struct nr_totals t;
	int64_t pos;

	/* $99,999,999,999,999.99 each: 922 of them still add up in int64
	 * cents, 923 do not. */
	contract_make(&c, "max", "commercial", "tcoc", "0", "10", "50",
	              "99999999999999.99");
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < 923; i++)
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_msg(strstr(err, "more than apmwb can count"), "%s", err);
	ck_assert_int_eq(count(st), 0);
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < 922; i++)
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], INT64_C(9999999999999999) * 922);
	ck_assert_int_eq(store_contract_insert(st, 0, &c, &pos, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_int_eq(count(st), 922);
	/* Another line has its own sum. */
	contract_clear(&c);
	contract_make(&c, "max", "medicaid", "tcoc", "0", "10", "50",
	              "99999999999999.99");
	ck_assert_int_eq(store_contract_insert(st, 0, &c, &pos, err, sizeof err),
	                 STORE_OK);
	contract_clear(&c);
	ck_totals(st);
	store_close(st);
	free(path);
}
END_TEST

/* ---- undo ---- */

START_TEST(test_undo_answers)
{
	char *path = in_dir("u.apmwb");
	struct store *st = make(path);
	char what[256];
	struct change_list l;

	set(st, "commercial.m8", "910000000");
	set(st, "commercial.m8", "920000000");
	set(st, "iq.barriers", "other, plan_interest");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "iq.barriers: back to blank");
	ck_get(st, "iq.barriers", NULL);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "commercial.m8: back to 910000000.00");
	ck_get(st, "commercial.m8", "910000000.00");
	history(st, 1, &l);
	ck_change(&l, 0, "undo", "commercial.m8", "920000000.00",
	          "910000000.00");
	/* A new change after an undo is undone first. */
	set(st, "commercial.m8", "1");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_get(st, "commercial.m8", "910000000.00");
	store_close(st);
	/* Undo goes on across opens: it is kept in the file. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_get(st, "commercial.m8", "910000000.00");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_get(st, "commercial.m8", NULL);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_msg(strstr(err, "nothing to undo"), "%s", err);
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "commercial.m8", NULL);
	ck_get(st, "iq.barriers", NULL);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_undo_contracts)
{
	char *path = in_dir("uc.apmwb");
	struct store *st = make(path);
	struct contract c;
	struct nr_totals t;
	char what[256];
	int64_t id;

	insert(st, 99, "A", "commercial", "100");
	insert(st, 99, "B", "commercial", "200");
	insert(st, 99, "C", "commercial", "300");
	id = id_at(st, 1);
	contract_make(&c, "B", "commercial", "tcoc", "1", "1", "50", "200");
	c.id = id;   /* net risk 0.5%: fails now */
	ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err), STORE_OK);
	contract_clear(&c);
	ck_assert_int_eq(store_contract_delete(st, id, err, sizeof err), STORE_OK);
	/* Renumbering meanwhile must not lose B's place on the way back. */
	for (int i = 0; i < 12; i++)
		insert(st, 0, "n", "medicaid", "1");
	for (int i = 0; i < 12; i++) {
		ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
		                 STORE_OK);
		ck_assert_str_eq(what, "contract n: added, now removed again");
	}
	ck_assert_str_eq(labels(st), "A C");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "contract B: deleted, now back");
	ck_assert_str_eq(labels(st), "A B C");
	ck_assert_int_eq(id_at(st, 1), id);
	ck_totals(st);
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], 20000);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "contract B: back to its earlier terms");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], 0);
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], 60000);
	ck_totals(st);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(labels(st), "A B");
	ck_totals(st);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_undo_acks)
{
	char *path = in_dir("ua.apmwb");
	struct store *st = make(path);
	const struct store_ack *a;
	char what[256];
	size_t n;

	store_set_actor(st, "first");
	ck_assert_int_eq(store_ack(st, "xc.commercial.row_over", "row 8 is over",
	                           "known: a one-off", err, sizeof err), STORE_OK);
	store_set_actor(st, "second");
	ck_assert_int_eq(store_ack(st, "xc.commercial.row_over", "row 8 is over",
	                           "confirmed with finance", err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(store_ack(st, "xc.commercial.row_over", NULL, "", err,
	                           sizeof err), STORE_OK);
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "acknowledgement of xc.commercial.row_over: "
	                 "back to \"confirmed with finance\"");
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].reason, "confirmed with finance");
	ck_assert_str_eq(a[0].by, "second");
	ck_assert_str_eq(a[0].message, "row 8 is over");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].reason, "known: a one-off");
	ck_assert_str_eq(a[0].by, "first");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(what, "acknowledgement of xc.commercial.row_over: "
	                 "withdrawn");
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 0);
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	store_acks(st, &n);
	ck_assert_uint_eq(n, 0);
	store_close(st);
	free(path);
}
END_TEST

/* ---- sign-off ---- */

START_TEST(test_complete_then_edit)
{
	char *path = in_dir("k.apmwb");
	struct store *st = make(path);
	struct store_signoff so;
	struct change_list l;

	store_signoff(st, &so);
	ck_assert(!so.complete);
	ck_assert_ptr_null(so.by);
	ck_assert_int_eq(store_complete(st, "", err, sizeof err), STORE_INVALID);
	ck_assert_int_eq(store_complete(st, "Jane Roe", err, sizeof err),
	                 STORE_OK);
	store_close(st);
	st = open_as(path, STORE_MODE_READ_WRITE);
	store_signoff(st, &so);
	ck_assert(so.complete);
	ck_assert_str_eq(so.by, "Jane Roe");
	ck_assert_uint_eq(strlen(so.at), 20);
	set(st, "gi.contact_name", "changed");
	store_signoff(st, &so);
	ck_assert(!so.complete);
	ck_assert_ptr_null(so.by);
	history(st, 3, &l);
	ck_change(&l, 0, "draft", "state", "complete", NULL);
	ck_assert(strstr(l.text[0][3], "edited after sign-off"));
	ck_change(&l, 1, "answer", "gi.contact_name", "(null)", "changed");
	ck_change(&l, 2, "complete", "signed_by", "(null)", "Jane Roe");
	/* Only the first edit after sign-off writes the 'draft' row. */
	set(st, "gi.contact_name", "again");
	history(st, 1, &l);
	ck_change(&l, 0, "answer", "gi.contact_name", "changed", "again");
	store_close(st);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM meta "
	                         "WHERE key = 'signed_by'"), 0);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM meta "
	                         "WHERE key = 'state' AND value = 'draft'"), 1);
	free(path);
}
END_TEST

/* ---- import ---- */

static const char good_json[] =
	"{\"format\": \"apmwb-submission\", \"version\": 1, \"edition\": \"2020\",\n"
	" \"state\": {\"complete\": false},\n"
	" \"answers\": {\"gi.contact_name\": \"Imported\",\n"
	"   \"commercial.m1\": \"5000000000.00\", \"iq.barriers\": "
	"[\"plan_interest\", \"other\"], \"gi.lob.commercial\": null},\n"
	" \"hidden_answers\": {\"commercial.m8\": \"910000000.00\"},\n"
	" \"contracts\": [\n"
	"  {\"label\": \"Contract 1\", \"line\": \"medicare\", \"type\": \"tcoc\","
	" \"risk_min\": \"1.0\", \"risk_max\": \"5.0\", \"shared_risk\": \"30.0\","
	" \"dollars\": \"100000000.00\"},\n"
	"  {\"label\": \"Contract 5\", \"line\": \"medicare\", \"type\": "
	"\"revenue\", \"risk_min\": \"1.0\", \"risk_max\": \"10.0\", "
	"\"shared_risk\": \"80.0\", \"dollars\": \"200000000.00\"},\n"
	"  {\"label\": null, \"line\": \"commercial\", \"type\": null, "
	"\"risk_min\": null, \"risk_max\": null, \"shared_risk\": null, "
	"\"dollars\": \"5.00\"}],\n"
	" \"acknowledgements\": [{\"check\": \"w.one\", \"message\": \"m\", "
	"\"reason\": \"because\", \"by\": \"Ann\", \"at\": "
	"\"2026-01-02T03:04:05Z\"}],\n"
	" \"figures\": {\"commercial.m10\": \"910000000.00\"},\n"
	" \"checks\": [{\"id\": \"x\"}]\n}\n";

static enum store_status import(struct store *st, const char *json)
{
	return store_import_json(st, json, strlen(json), err, sizeof err);
}

START_TEST(test_import_json)
{
	char *path = in_dir("i.apmwb");
	struct store *st = make(path);
	struct nr_totals t;
	struct change_list l;
	const struct store_ack *a;
	char what[256];
	size_t n;

	set(st, "gi.lob.commercial", "yes");
	set(st, "gi.contact_email", "kept@example.org");
	ck_assert_msg(import(st, good_json) == STORE_OK, "%s", err);
	ck_get(st, "gi.contact_name", "Imported");
	ck_get(st, "commercial.m1", "5000000000.00");
	ck_get(st, "commercial.m8", "910000000.00");
	ck_get(st, "iq.barriers", "plan_interest\nother");
	ck_get(st, "gi.lob.commercial", NULL);          /* null: blank */
	ck_get(st, "gi.contact_email", "kept@example.org");   /* absent: kept */
	ck_assert_str_eq(labels(st), "Contract 1 Contract 5 -");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_MA], 20000000000);
	ck_assert_int_eq(t.fails[LOB_MA], 10000000000);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], 500);
	ck_assert_int_eq(t.incomplete, 1);
	ck_totals(st);
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].id, "w.one");
	ck_assert_str_eq(a[0].by, "Ann");
	history(st, 0, &l);
	ck_change(&l, 0, "import", NULL, "(null)", NULL);
	ck_change(&l, 1, "ack", "w.one", "(null)", "because");
	store_close(st);
	/* Everything is in the file. */
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "iq.barriers", "plan_interest\nother");
	ck_assert_int_eq(count(st), 3);
	store_close(st);
	/* Answers imported can be undone one by one, back to the wall. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);   /* the acknowledgement */
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
		                 STORE_OK);
	ck_get(st, "gi.contact_name", NULL);
	ck_get(st, "gi.lob.commercial", "yes");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_int_eq(count(st), 3);
	/* The same import again changes nothing but the worksheet. */
	store_close(st);
	free(path);
}
END_TEST

/* Each bad JSON is refused with words naming what is wrong, and changes
 * nothing at all. */
START_TEST(test_import_json_all_or_nothing)
{
	static const struct {
		const char *from, *to, *words;
	} bad[] = {
		{ "\"commercial.m1\": \"5000000000.00\"",
		  "\"commercial.m1\": \"5000000000.00x\"", "commercial.m1" },
		{ "\"commercial.m1\": \"5000000000.00\"",
		  "\"commercial.m1\": 5000000000.00", "write amounts as strings" },
		{ "\"gi.contact_name\": \"Imported\"",
		  "\"gi.nonsense\": \"Imported\"", "gi.nonsense" },
		{ "\"edition\": \"2020\"", "\"edition\": \"2021\"", "2021 edition" },
		{ "\"format\": \"apmwb-submission\"", "\"format\": \"other\"",
		  "not an apmwb JSON export" },
		{ "\"version\": 1", "\"version\": 2", "version 2" },
		{ "\"risk_min\": \"1.0\"", "\"risk_min\": \"101\"",
		  "contracts[0] (contract 1) risk_min" },
		{ "\"dollars\": \"5.00\"", "\"dollars\": 5",
		  "contracts[2] (contract 3) dollars is a number" },
		{ "\"type\": \"revenue\"", "\"kind\": \"revenue\"",
		  "unknown field \"kind\"" },
		{ "\"iq.barriers\": [\"plan_interest\", \"other\"]",
		  "\"iq.barriers\": [\"plan_interest\", 3]", "iq.barriers" },
		{ "\"gi.lob.commercial\": null", "\"gi.lob.commercial\": true",
		  "\"yes\"" },
		{ "\"hidden_answers\": {", "\"hidden_answerz\": {",
		  "unknown member \"hidden_answerz\"" },
		{ "\"check\": \"w.one\"", "\"check\": \"\"", "names no check" },
		{ "\"figures\": {", "\"figures\": {,", "not valid JSON" },
		{ "\"commercial.m8\": \"910000000.00\"",
		  "\"gi.contact_name\": \"twice\"", "given twice" },
		{ "\"commercial.m8\": \"910000000.00\"",
		  "\"commercial.m10\": \"1.00\"", "computed" },
	};
	char *path = in_dir("ia.apmwb");
	struct store *st = make(path);

	set(st, "gi.contact_name", "before");
	insert(st, 99, "old", "medicaid", "1");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *at = strstr(good_json, bad[i].from);
		int64_t rows = raw_int(path, "SELECT count(*) FROM history");
		char json[4096];

		ck_assert_msg(at != NULL, "case %zu", i);
		snprintf(json, sizeof json, "%.*s%s%s", (int)(at - good_json),
		         good_json, bad[i].to, at + strlen(bad[i].from));
		ck_assert_msg(import(st, json) == STORE_INVALID, "case %zu: %s",
		              i, err);
		ck_assert_msg(strstr(err, bad[i].words) && strncmp(err, path,
		              strlen(path)) == 0, "case %zu: '%s' not in: %s", i,
		              bad[i].words, err);
		ck_get(st, "gi.contact_name", "before");
		ck_get(st, "commercial.m1", NULL);
		ck_assert_str_eq(labels(st), "old");
		ck_totals(st);
		ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history"), rows);
		ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM answer"), 1);
	}
	ck_assert_int_eq(import(st, "[1, 2]"), STORE_INVALID);
	ck_assert_int_eq(store_import_json(st, "{\"a\0", 4, err, sizeof err),
	                 STORE_INVALID);
	store_close(st);
	free(path);
}
END_TEST

/* The JSON export of a session, as `apmwb export --format json` writes it. */
static char *export_of(struct session *s)
{
	struct export_input in;
	char *buf = NULL, why[256];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	session_export_input(s, &in);
	ck_assert_msg(export_json(f, &in, why, sizeof why), "%s", why);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

static void say(struct session *s, const char *k, const char *text)
{
	ck_assert_msg(session_set_text(s, key(s->st, k), text, err, sizeof err) ==
	              STORE_OK, "%s: %s", k, err);
}

START_TEST(test_import_json_round_trip)
{
	char *a = in_dir("a.apmwb"), *b = in_dir("b.apmwb"), *ja, *jb;
	struct session *s;
	struct store *st;
	int64_t pos;

	ck_assert_int_eq(session_open(a, STORE_MODE_READ_WRITE, true, &s, err,
	                              sizeof err), STORE_OK);
	say(s, "gi.contact_name", "Ada \"Quote\" Lovelace");
	say(s, "gi.contact_email", "ada@example.org");
	say(s, "gi.lob.commercial", "yes");
	say(s, "gi.lob.ma", "yes");
	say(s, "pm.commercial.cat3b_shared_risk", "yes");
	say(s, "commercial.m1", "5,000,000,000");
	say(s, "commercial.m8", "910000000");
	say(s, "iq.barriers", "other, plan_interest");
	say(s, "gi.assumptions", "first line\n\ttabbed line");
	/* Turned off again: m8 is kept as a hidden answer. */
	say(s, "pm.commercial.cat3b_shared_risk", "no");
	{
		struct contract c;

		contract_make(&c, "Contract \u00e9", "medicare", "tcoc", "1", "5",
		              "30", "100000000");
		ck_assert_int_eq(store_contract_insert(s->st, 9, &c, &pos, err,
		                                       sizeof err), STORE_OK);
		contract_clear(&c);
		contract_make(&c, NULL, "medicaid", NULL, "12.125", NULL, NULL,
		              "0.01");
		ck_assert_int_eq(store_contract_insert(s->st, 9, &c, &pos, err,
		                                       sizeof err), STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_ack(s->st, "some.warning", "what it said",
	                           "checked", err, sizeof err), STORE_OK);
	ck_assert_int_eq(session_refresh(s, err, sizeof err), STORE_OK);
	ja = export_of(s);
	session_close(s);
	/* The export has what the round trip must carry. */
	ck_assert_msg(strstr(ja, "\"hidden_answers\": {\n    \"commercial.m8\": "
	                     "\"910000000.00\""), "%s", ja);
	ck_assert(strstr(ja, "[\"plan_interest\", \"other\"]") ||
	          strstr(ja, "[\"other\", \"plan_interest\"]"));
	ck_assert(strstr(ja, "\"risk_min\": \"12.125\""));
	ck_assert(strstr(ja, "\"reason\": \"checked\""));

	st = make(b);
	ck_assert_msg(store_import_json(st, ja, strlen(ja), err, sizeof err) ==
	              STORE_OK, "%s", err);
	ck_get(st, "commercial.m8", "910000000.00");
	store_close(st);
	ck_assert_int_eq(session_open(b, STORE_MODE_READ_ONLY, false, &s, err,
	                              sizeof err), STORE_OK);
	jb = export_of(s);
	session_close(s);
	ck_assert_str_eq(jb, ja);
	free(ja);
	free(jb);
	free(a);
	free(b);
}
END_TEST

/* ---- failures keep what was saved ---- */

START_TEST(test_disk_full_keeps_saved)
{
	char *path = in_dir("f.apmwb"), big[VALIDATE_LONGTEXT_MAX];
	struct store *st = make(path);
	char sql[64];
	int64_t pages;

	set(st, "gi.assumptions", "saved before");
	/* The file may not grow another page: as good as a full disk. */
	pages = raw_int(path, "PRAGMA page_count");
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
	         (long long)pages);
	ck_assert_int_eq(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.assumptions"), big, err,
	                                  sizeof err), STORE_FULL);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0 &&
	              strstr(err, "not saved") && strstr(err, "disk is full") &&
	              strstr(err, "confirm the answer again"), "%s", err);
	ck_get(st, "gi.assumptions", "saved before");
	/* The store goes on working once there is room. */
	set(st, "gi.contact_name", "small");
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "gi.assumptions", "saved before");
	ck_get(st, "gi.contact_name", "small");
	store_close(st);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history "
	                         "WHERE what = 'answer'"), 2);
	free(path);
}
END_TEST

START_TEST(test_out_of_memory_keeps_saved)
{
	char *path = in_dir("m.apmwb");
	struct store *st = make(path);
	int q = key(st, "gi.contact_name");
	enum store_status rc;

	set(st, "gi.contact_name", "kept");
	mem_fail_at(1, 1);
	rc = store_set_answer(st, q, "lost", err, sizeof err);
	mem_fail_at(0, 0);
	ck_assert_int_eq(rc, STORE_NOMEM);
	ck_get(st, "gi.contact_name", "kept");
	store_close(st);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM answer "
	                         "WHERE value = 'kept'"), 1);
	free(path);
}
END_TEST

/* Makes the n-th allocation and all after it fail, for every n the
 * operation reaches: each run ends in a clear status, never a crash, and
 * (under valgrind) never a leak; what the store says it holds is what the
 * file holds.  The operations leave in `expect` what gi.contact_name must
 * read in the file afterwards, and fix() puts the file back. */
typedef enum store_status (*alloc_op)(const char *path);
static const char *expect;

static void fix(const char *path)
{
	struct store *st = open_as(path, STORE_MODE_READ_WRITE);
	size_t n;

	ck_get(st, "gi.contact_name", expect);
	if (strcmp(get(st, "gi.contact_name"), "start") != 0)
		set(st, "gi.contact_name", "start");
	if (get(st, "iq.barriers"))
		set(st, "iq.barriers", "");
	store_acks(st, &n);
	if (n)
		ck_assert_int_eq(store_ack(st, "a.check", NULL, NULL, err,
		                           sizeof err), STORE_OK);
	store_acks(st, &n);
	ck_assert_uint_eq(n, 0);
	store_close(st);
}

static void sweep(alloc_op op, const char *path)
{
	unsigned long n, made;
	enum store_status rc;

	for (n = 1; n < 100000; n++) {
		expect = "start";
		mem_fail_at(n, 1);
		rc = op(path);
		made = mem_fail_at(0, 0);
		ck_assert_msg(rc == STORE_OK || rc == STORE_NOMEM,
		              "allocation %lu: status %d: %s", n, rc, err);
		if (rc != STORE_OK)
			ck_assert_msg(strncmp(err, path, strlen(path)) == 0,
			              "allocation %lu: %s", n, err);
		fix(path);
		if (made < n) {
			ck_assert_int_eq(rc, STORE_OK);
			break;
		}
	}
	ck_assert_uint_lt(n, 100000);
}

static enum store_status op_open(const char *path)
{
	struct store *st;
	enum store_status rc = store_open(path, STORE_MODE_READ_ONLY, &st, err,
	                                  sizeof err);

	if (rc == STORE_OK) {
		ck_get(st, "gi.contact_name", "start");
		store_close(st);
	}
	return rc;
}

static enum store_status op_edit(const char *path)
{
	struct store *st;
	char what[256];
	enum store_status rc = store_open(path, STORE_MODE_READ_WRITE, &st, err,
	                                  sizeof err);

	if (rc != STORE_OK)
		return rc;
	rc = store_set_answer(st, key(st, "gi.contact_name"), "changed", err,
	                      sizeof err);
	if (rc == STORE_OK)
		expect = "changed";
	ck_get(st, "gi.contact_name", expect);
	if (rc == STORE_OK) {
		rc = store_undo(st, what, sizeof what, err, sizeof err);
		if (rc == STORE_OK)
			expect = "start";
		ck_get(st, "gi.contact_name", expect);
	}
	if (rc == STORE_OK)
		rc = store_ack(st, "a.check", "m", "r", err, sizeof err);
	if (rc == STORE_OK)
		rc = store_undo(st, what, sizeof what, err, sizeof err);
	store_close(st);
	return rc;
}

static enum store_status op_import(const char *path)
{
	struct store *st;
	enum store_status rc = store_open(path, STORE_MODE_READ_WRITE, &st, err,
	                                  sizeof err);
	static const char json[] = "{\"format\": \"apmwb-submission\", "
		"\"version\": 1, \"edition\": \"2020\", \"answers\": "
		"{\"gi.contact_name\": \"imported\", \"iq.barriers\": "
		"[\"other\"]}, \"acknowledgements\": [{\"check\": "
		"\"a.check\", \"reason\": \"r\"}]}";

	if (rc != STORE_OK)
		return rc;
	rc = store_import_json(st, json, strlen(json), err, sizeof err);
	if (rc == STORE_OK)
		expect = "imported";
	ck_get(st, "gi.contact_name", expect);
	ck_get(st, "iq.barriers", rc == STORE_OK ? "other" : NULL);
	store_close(st);
	return rc;
}

START_TEST(test_allocation_failures_are_values)
{
	char *path = in_dir("a.apmwb");
	struct store *st = make(path);

	set(st, "gi.contact_name", "start");
	store_close(st);
	sweep(op_open, path);
	sweep(op_edit, path);
	sweep(op_import, path);
	free(path);
}
END_TEST

START_TEST(test_status_texts)
{
	for (int s = STORE_OK; s <= STORE_INVALID; s++)
		ck_assert_uint_gt(strlen(store_status_text((enum store_status)s)), 3);
	ck_assert(strstr(store_status_text(STORE_NEWER), "update apmwb"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("file");

	tcase_add_checked_fixture(tc, setup, teardown);
	/* The allocation sweeps reopen the file thousands of times: minutes
	 * under the sanitizers; the timeout only has to catch a hang. */
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_create_mode_and_stamps);
	tcase_add_test(tc, test_create_refuses_existing);
	tcase_add_test(tc, test_set_reopen_keeps_everything);
	tcase_add_test(tc, test_set_refusals);
	tcase_add_test(tc, test_history_rows);
	tcase_add_test(tc, test_read_only_writes_nothing);
	tcase_add_test(tc, test_second_writer_locked);
	tcase_add_test(tc, test_foreign_and_damaged_files);
	tcase_add_test(tc, test_uri_like_name);
	tcase_add_test(tc, test_wal_mode_file);
	tcase_add_test(tc, test_hot_journal_read_only);
	tcase_add_test(tc, test_migration_from_version_1);
	tcase_add_test(tc, test_contracts_order);
	tcase_add_test(tc, test_nr_totals_follow_every_edit);
	tcase_add_test(tc, test_import_totals_exact);
	tcase_add_test(tc, test_pages_by_key);
	tcase_add_test(tc, test_nr_status_function);
	tcase_add_test(tc, test_replace_all_or_nothing);
	tcase_add_test(tc, test_nr_totals_never_overflow);
	tcase_add_test(tc, test_undo_answers);
	tcase_add_test(tc, test_undo_contracts);
	tcase_add_test(tc, test_undo_acks);
	tcase_add_test(tc, test_complete_then_edit);
	tcase_add_test(tc, test_import_json);
	tcase_add_test(tc, test_import_json_all_or_nothing);
	tcase_add_test(tc, test_import_json_round_trip);
	tcase_add_test(tc, test_disk_full_keeps_saved);
	tcase_add_test(tc, test_out_of_memory_keeps_saved);
	tcase_add_test(tc, test_allocation_failures_are_values);
	tcase_add_test(tc, test_status_texts);
	suite_add_tcase(s, tc);
	return test_main(s);
}
