/* SPDX-License-Identifier: MIT */
/* check_store_file.c: the submission file: create, open, lock, read-only,
 * files that are not ours, migration (db/store.c, db/schema.c).
 *
 * What the spec promises is checked on the disk itself: modes, bytes,
 * mtimes, the folder's listing, and the file read back with plain SQLite. */
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


static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

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
	ck_assert_int_eq(store_import_json(st, "{}", 2, NULL, NULL, err, sizeof err),
	                 STORE_READ_ONLY);
	store_close(st);
	ck_same(path, &before);
	free(path);
}
END_TEST

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

/* A file whose pages are broken where an open does not look (here: an
 * index's leaf page, overwritten): readers may still read it, `check`
 * and the full screen call it damaged, and no writer writes a byte. */
START_TEST(test_damaged_pages_refused_by_writers)
{
	char *path = in_dir("broken.apmwb");
	struct store *st = make(path), *w = (struct store *)1;
	unsigned char junk[64];
	struct snap before;
	int64_t root, psize;
	int fd;

	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < 600; i++) {
		struct contract c;

		contract_make(&c, "c", "medicaid", "tcoc", "1", "10", "50", "5");
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(store_verify(st, STORE_VERIFY_PAGES | STORE_VERIFY_TOTALS,
	                              err, sizeof err), STORE_OK);
	store_close(st);
	root = raw_int(path, "SELECT rootpage FROM sqlite_schema "
	               "WHERE name = 'contract_pos'");
	psize = raw_int(path, "PRAGMA page_size");
	ck_assert_int_gt(root, 1);
	memset(junk, 0x5a, sizeof junk);
	fd = open(path, O_WRONLY);
	ck_assert_int_ge(fd, 0);
	/* The cells sit at the end of a page: keys of the index there. */
	ck_assert_int_eq(pwrite(fd, junk, sizeof junk,
	                        (off_t)(root * psize - (off_t)sizeof junk)),
	                 (ssize_t)sizeof junk);
	close(fd);
	ck_assert_int_ne(raw_int(path, "SELECT count(*) FROM pragma_quick_check "
	                         "WHERE quick_check = 'ok'"), 1);
	take(path, &before);
	ck_assert_int_eq(store_open(path, STORE_MODE_READ_WRITE, &w, err,
	                            sizeof err), STORE_DAMAGED);
	ck_assert_ptr_null(w);
	ck_assert_msg(strstr(err, "is damaged") && strstr(err, "nothing was "
	              "changed") && !strstr(err, "sqlite") && !strstr(err, "Page"),
	              "%s", err);
	ck_same(path, &before);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_int_eq(store_verify(st, STORE_VERIFY_PAGES, err, sizeof err),
	                 STORE_DAMAGED);
	store_close(st);
	/* The full screen's open leaves the check for after its first
	 * screen: the open reads, but nothing is written, before or after
	 * the check finds the damage. */
	take(path, &before);
	st = open_as(path, STORE_MODE_EDIT_CHECK_LATER);
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.contact_name"), "x",
	                                  err, sizeof err), STORE_BUSY);
	ck_assert_msg(strstr(err, "still being checked"), "%s", err);
	ck_assert_int_eq(store_verify(st, STORE_VERIFY_PAGES, err, sizeof err),
	                 STORE_DAMAGED);
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.contact_name"), "x",
	                                  err, sizeof err), STORE_BUSY);
	store_close(st);
	ck_same(path, &before);
	/* Left in WAL by another tool: taking it out would write, so even
	 * the check-later open checks the pages first, and refuses it. */
	raw_exec(path, "PRAGMA journal_mode = WAL");
	take(path, &before);
	ck_assert_int_eq(store_open(path, STORE_MODE_EDIT_CHECK_LATER, &w, err,
	                            sizeof err), STORE_DAMAGED);
	ck_same(path, &before);
	free(path);
}
END_TEST

/* Opened to check later, a whole file takes writes once checked; one
 * that the open brings up to date is checked (and written) at once. */
START_TEST(test_check_later_then_write)
{
	char *path = in_dir("later.apmwb"), *old = in_dir("old.apmwb");
	struct store *st = make(path);
	struct snap before;

	set(st, "gi.contact_name", "first");
	store_close(st);
	take(path, &before);
	st = open_as(path, STORE_MODE_EDIT_CHECK_LATER);
	ck_get(st, "gi.contact_name", "first");
	ck_assert_int_eq(store_set_answer(st, key(st, "gi.contact_name"), "x",
	                                  err, sizeof err), STORE_BUSY);
	ck_same(path, &before);
	ck_assert_int_eq(store_verify(st, STORE_VERIFY_PAGES, err, sizeof err),
	                 STORE_OK);
	set(st, "gi.contact_name", "second");
	store_close(st);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "gi.contact_name", "second");
	store_close(st);
	make_at_version(old, 1);
	st = open_as(old, STORE_MODE_EDIT_CHECK_LATER);
	set(st, "gi.contact_name", "now latest");
	store_close(st);
	ck_assert_int_eq(raw_int(old, "PRAGMA user_version"), schema_latest);
	free(path);
	free(old);
}
END_TEST

/* Kept totals that disagree with the contracts: the file is damaged. */
START_TEST(test_totals_that_disagree_are_damage)
{
	static const char *const tamper[] = {
		"UPDATE nr_total SET cents = cents + 1",
		"UPDATE nr_total SET n = n + 1",
		"DELETE FROM nr_total",
		"INSERT INTO nr_total VALUES ('commercial', 'meets', 5, 1)",
		"UPDATE contract SET dollars = dollars + 1 WHERE label = 'b'",
		"UPDATE contract SET risk_min = 9000 WHERE label = 'a'",
		"UPDATE contract SET dollars = 9223372036854775000",
	};
	char *path = in_dir("t.apmwb"), *copy = in_dir("copy.apmwb"), *bytes;
	struct store *st = make(path);
	size_t len;

	insert(st, -1, "a", "medicaid", "100");
	insert(st, 0, "b", "medicaid", "200");
	insert(st, 1, "c", "medicare", "300");
	ck_assert_int_eq(store_verify(st, STORE_VERIFY_TOTALS, err, sizeof err),
	                 STORE_OK);
	store_close(st);
	bytes = test_slurp(path, &len);
	for (size_t i = 0; i < sizeof tamper / sizeof *tamper; i++) {
		FILE *f = fopen(copy, "wb");

		ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
		fclose(f);
		raw_exec(copy, tamper[i]);
		st = open_as(copy, STORE_MODE_READ_ONLY);
		ck_assert_msg(store_verify(st, STORE_VERIFY_TOTALS, err, sizeof err)
		              == STORE_DAMAGED, "%s went unnoticed", tamper[i]);
		ck_assert_msg(strstr(err, "kept totals do not agree"), "%s", err);
		store_close(st);
	}
	free(bytes);
	free(path);
	free(copy);
}
END_TEST

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
	/* A reviewer reads it as it is (version 2 only added an index,
	 * version 3 changed only the edition, brought forward in temp): the
	 * file stays v1, and no copy of it is made in memory. */
	ck_assert(schema_readable_as_is(1));
	take(path, &before);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_str_ne(sqlite3_db_filename(st->db, "main"), "");
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

/* An edition table as text: its columns (name, type, NOT NULL, default,
 * key) unless rows_only, and its rows in order, every value quoted; read
 * through db, where temp's tables come before main's. */
static char *table_text_db(sqlite3 *db, const char *table, bool rows_only)
{
	static const char cols_sql[] = "SELECT name, type, \"notnull\", "
		"dflt_value, pk FROM pragma_table_info(?1)";
	static const char names_sql[] = "SELECT name FROM pragma_table_info(?1)";
	sqlite3_stmt *s = NULL;
	char rows_sql[128];
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);

	ck_assert_ptr_nonnull(out);
	out[0] = '\0';
	snprintf(rows_sql, sizeof rows_sql, "SELECT * FROM %s ORDER BY rowid",
	         table);
	for (int k = 0; k < 2; k++) {
		const char *sql = k ? rows_sql : rows_only ? names_sql : cols_sql;

		ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) ==
		              SQLITE_OK, "%s: %s", table, sqlite3_errmsg(db));
		sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
		while (sqlite3_step(s) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				const char *v = (const char *)sqlite3_column_text(s, c);
				size_t need = (v ? strlen(v) : 4) + 4;

				while (len + need >= cap) {
					out = realloc(out, cap *= 2);
					ck_assert_ptr_nonnull(out);
				}
				len += (size_t)snprintf(out + len, cap - len, "%s%s%s|",
				                        v ? "'" : "", v ? v : "NULL",
				                        v ? "'" : "");
			}
		sqlite3_finalize(s);
	}
	return out;
}

/* The tables read through a and through b are the same (text as
 * table_text_db gives it, and not empty); what says which check it is. */
static void ck_tables_same(sqlite3 *a, sqlite3 *b, bool rows_only,
                           const char *const *tables, size_t ntables,
                           int version, const char *what)
{
	for (size_t i = 0; i < ntables; i++) {
		char *ta = table_text_db(a, tables[i], rows_only);
		char *tb = table_text_db(b, tables[i], rows_only);

		ck_assert_msg(strcmp(ta, tb) == 0, "v%d: %s %s differs", version,
		              tables[i], what);
		ck_assert_uint_gt(strlen(ta), 20);
		free(ta);
		free(tb);
	}
}

static const char *const edition_tables[] = {
	"edition", "edition_tab", "edition_line", "edition_choice",
	"edition_model", "edition_category", "edition_question",
	"edition_measure", "edition_definition", "edition_help",
};

/* The tables of the file whose checks test an IN list: since version 5
 * none, as the page check at every writer's open would make each such
 * list an index again for every row. */
static int64_t in_list_checks(const char *path)
{
	return raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE "
	               "type = 'table' AND sql LIKE '%CHECK (% IN (%'");
}

/* Read-only with the program's edition of the same id (the command line's
 * open), an older file's edition is not brought forward at all: the
 * program's stands in for it, and temp holds nothing. */
static void known_edition_stands_in(const char *old, const char *now)
{
	struct store *ref = open_as(now, STORE_MODE_READ_ONLY), *st = NULL;
	const struct edition *known = store_edition(ref);
	int64_t in_temp = -1;

	ck_assert_int_eq(store_open_edition(old, STORE_MODE_READ_ONLY, known,
	                                    &st, err, sizeof err), STORE_OK);
	ck_assert_ptr_eq(store_edition(st), known);
	ck_assert_int_eq(store_query_int(st->db, "SELECT count(*) FROM "
	                                 "temp.sqlite_schema", &in_temp),
	                 SQLITE_OK);
	ck_assert_int_eq(in_temp, 0);
	ck_get(st, "gi.contact_name", "from v1");
	store_close(st);
	store_close(ref);
}

/* A file of this version, made before the edition held the facts apmwb
 * knew by heart (versions 1 and 2), before its instruction (3) or with
 * IN lists in its checks (4), is read through temp, and brought forward,
 * to hold the same edition, column for column and row for row, as a file
 * made now (now), and to pass the page check. */
static void edition_as_new(int version, const char *now)
{
	const char *const *tables = edition_tables;
	const size_t ntables = sizeof edition_tables / sizeof *edition_tables;
	char name[32], *old;
	const struct edition *e;
	struct store *st;
	sqlite3 *nowdb = NULL, *olddb = NULL;

	snprintf(name, sizeof name, "v%d.apmwb", version);
	old = in_dir(name);
	make_at_version(old, version);
	ck_assert_int_eq(raw_int(old, "SELECT count(*) FROM sqlite_schema "
	                         "WHERE name = 'edition_line'"), version >= 3);
	ck_assert_int_eq(raw_int(old, "SELECT count(*) FROM pragma_table_info"
	                         "('edition_question') WHERE name = "
	                         "'short_label'"), version >= 3);
	ck_assert_int_eq(raw_int(old, "SELECT count(*) FROM pragma_table_info"
	                         "('edition_question') WHERE name = "
	                         "'instruction'"), version >= 4);
	ck_assert_int_eq(in_list_checks(old), version < 5);
	/* A view a foreign hand added (apmwb runs none) does not stop the
	 * table from being made again. */
	raw_exec(old, "CREATE VIEW foreign_view AS SELECT key FROM "
	         "edition_question");
	/* Read-only: the edition brought forward in temp, the file read as
	 * it is (no copy of it in memory) and left as it is. */
	st = open_as(old, STORE_MODE_READ_ONLY);
	ck_assert_str_ne(sqlite3_db_filename(st->db, "main"), "");
	e = store_edition(st);
	ck_assert_int_eq(e->nr_method_q, edition_find(e, "nr.method"));
	ck_assert_str_eq(edition_line_nr_name(e, LOB_MA), "Medicare");
	ck_assert_str_eq(e->qs[edition_find(e, "ma.m5")].short_label,
	                 "Category 2");
	ck_assert_int_eq(edition_category_row(e, LOB_MA, 3),
	                 edition_find(e, "ma.m16"));
	/* Version 4: the direction above the outcome statements. */
	ck_assert_str_eq(e->qs[edition_find(e, "iq.outcome.quality")].instruction,
	                 "Please respond to each statement listed.");
	ck_assert_ptr_null(e->qs[edition_find(e, "iq.outcome.prices")].instruction);
	/* What the reader reads, temp's copies first, is a new file's
	 * edition row for row, the columns in the same order. */
	ck_assert_int_eq(sqlite3_open_v2(now, &nowdb, SQLITE_OPEN_READONLY,
	                                 NULL), SQLITE_OK);
	ck_tables_same(st->db, nowdb, true, tables, ntables, version, "read");
	sqlite3_close(nowdb);
	store_close(st);
	known_edition_stands_in(old, now);
	ck_assert_int_eq(raw_int(old, "PRAGMA user_version"), version);
	st = open_as(old, STORE_MODE_READ_WRITE);
	store_close(st);
	ck_assert_int_eq(raw_int(old, "PRAGMA user_version"), schema_latest);
	ck_assert_int_eq(in_list_checks(old), 0);
	ck_assert_int_eq(raw_int(old, "SELECT count(*) FROM pragma_quick_check "
	                         "WHERE quick_check <> 'ok'"), 0);
	ck_assert_int_eq(sqlite3_open_v2(old, &olddb, SQLITE_OPEN_READONLY,
	                                 NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_open_v2(now, &nowdb, SQLITE_OPEN_READONLY,
	                                 NULL), SQLITE_OK);
	ck_tables_same(olddb, nowdb, false, tables, ntables, version,
	               "migrated");
	sqlite3_close(olddb);
	sqlite3_close(nowdb);
	free(old);
}

START_TEST(test_migration_of_the_edition)
{
	char *now = in_dir("now.apmwb");

	store_close(make(now));
	ck_assert_int_eq(in_list_checks(now), 0);
	for (int v = 1; v < schema_latest; v++)
		edition_as_new(v, now);
	free(now);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_create_mode_and_stamps,
		test_create_refuses_existing,
		test_read_only_writes_nothing,
		test_second_writer_locked,
		test_foreign_and_damaged_files,
		test_uri_like_name,
		test_wal_mode_file,
		test_migration_from_version_1,
		test_migration_of_the_edition,
		test_damaged_pages_refused_by_writers,
		test_check_later_then_write,
		test_totals_that_disagree_are_damage,
	};

	return store_suite_main("store_file", tests, sizeof tests / sizeof *tests,
	                        120);
}
