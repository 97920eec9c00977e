/* SPDX-License-Identifier: MIT */
/* check_journal.c: the journal beside a submission (db/journal.c): every
 * commit durable (the folder synced after the journal's unlink), a file
 * left with an interrupted save read by readers and put right by a
 * writer, through a symbolic link too, and journals someone else planted
 * never used.
 *
 * What the spec promises is checked on the disk itself: bytes, mtimes,
 * the folder's listing, and the file read back with plain SQLite. */
#include <config.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "faultvfs.h"
#include "mem.h"
#include "nominal.h"
#include "session.h"
#include "store.h"
#include "store_internal.h"
#include "storelib.h"
#include "testlib.h"

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

/* Reads a file as the reader of a file with an interrupted save must:
 * the last confirmed answer, nothing written beside it, no copy left. */
static void ck_reader_sees_confirmed(const char *path, const char *journal,
                                     const char *want)
{
	char *tmp = in_dir("tmp");
	struct snap before, jbefore;
	struct store *r = NULL;

	ck_assert_int_eq(mkdir(tmp, 0700), 0);
	setenv("TMPDIR", tmp, 1);
	take(path, &before);
	take(journal, &jbefore);
	r = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_int_eq(store_recovery(r), STORE_RECOVERY_READ_COPY);
	ck_assert(strstr(store_recovery_text(r), "last confirmed"));
	ck_get(r, "gi.contact_name", want);
	store_close(r);
	ck_same(path, &before);
	ck_same(journal, &jbefore);
	/* The private copy went as soon as SQLite had it open. */
	ck_assert_int_eq(rmdir(tmp), 0);   /* empty */
	unsetenv("TMPDIR");
	free(tmp);
}

START_TEST(test_hot_journal_read_only)
{
	char *path = in_dir("hot.apmwb"), *journal = in_dir("hot.apmwb-journal");
	struct store *st = make(path);

	set(st, "gi.contact_name", "kept");
	store_close(st);
	die_mid_transaction(path);
	ck_assert_int_eq(access(journal, F_OK), 0);
	/* Every reader reads the last confirmed answers, writing nothing. */
	ck_reader_sees_confirmed(path, journal, "kept");
	ck_reader_sees_confirmed(path, journal, "kept");
	/* The respondent's open repairs it, says so, and loses nothing. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_recovery(st), STORE_RECOVERY_REPAIRED);
	ck_get(st, "gi.contact_name", "kept");
	store_close(st);
	ck_assert_int_eq(access(journal, F_OK), -1);
	ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history "
	                         "WHERE what = 'junk'"), 0);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_assert_int_eq(store_recovery(st), STORE_RECOVERY_NONE);
	ck_get(st, "gi.contact_name", "kept");
	store_close(st);
	free(path);
	free(journal);
}
END_TEST

/* SQLite keeps the journal beside the link's target: so does apmwb. */
START_TEST(test_hot_journal_through_link)
{
	char *path = in_dir("real.apmwb"), *journal = in_dir("real.apmwb-journal");
	char *sub = in_dir("elsewhere"), *link = in_dir("elsewhere/link.apmwb");
	struct store *st = make(path);

	set(st, "gi.contact_name", "kept");
	store_close(st);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	ck_assert_int_eq(symlink("../real.apmwb", link), 0);
	die_mid_transaction(path);
	ck_reader_sees_confirmed(link, journal, "kept");
	st = open_as(link, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_recovery(st), STORE_RECOVERY_REPAIRED);
	ck_get(st, "gi.contact_name", "kept");
	set(st, "gi.contact_name", "through the link");
	store_close(st);
	ck_assert_int_eq(access(journal, F_OK), -1);
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "gi.contact_name", "through the link");
	store_close(st);
	free(path);
	free(journal);
	free(sub);
	free(link);
}
END_TEST

/* Each kind of journal someone else could plant before a save. */
enum plant { PLANT_HARD_LINK, PLANT_WORLD_WRITABLE, PLANT_SYMLINK,
             PLANT_OTHER_OWNER, PLANT_COUNT };

static const char *const plant_why[PLANT_COUNT] = {
	"names (hard links)", "written by other users", "symbolic link",
	"belongs to"
};

/* Plants a journal of that kind holding `content` and returns a
 * descriptor on the planted file, as its planter would keep one to read
 * what apmwb writes; -1 when this machine cannot make it (another owner
 * needs root). */
static int plant(enum plant kind, const char *journal, const char *bait,
                 const char *content)
{
	const char *file = kind == PLANT_HARD_LINK || kind == PLANT_SYMLINK ?
	                   bait : journal;
	FILE *f;
	int fd;

	if (kind == PLANT_OTHER_OWNER && geteuid() != 0)
		return -1;
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(file, kind == PLANT_WORLD_WRITABLE ? 0666 : 0600),
	                 0);
	if (kind == PLANT_HARD_LINK)
		ck_assert_int_eq(link(bait, journal), 0);
	if (kind == PLANT_SYMLINK)
		ck_assert_int_eq(symlink(bait, journal), 0);
	if (kind == PLANT_OTHER_OWNER)
		ck_assert_int_eq(chown(file, 65534, 65534), 0);
	fd = open(file, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	return fd;
}

/* STEMk.apmwb, its journal's name and the planter's own file STEMbaitk. */
static void plant_names(const char *stem, int k, char **path, char **journal,
                        char **bait)
{
	char name[32];

	snprintf(name, sizeof name, "%s%d.apmwb", stem, k);
	*path = in_dir(name);
	snprintf(name, sizeof name, "%s%d.apmwb-journal", stem, k);
	*journal = in_dir(name);
	snprintf(name, sizeof name, "%sbait%d", stem, k);
	*bait = in_dir(name);
}

/* What the planted file holds now, through the planter's descriptor. */
static void ck_planted(int fd, const char *want, int kind)
{
	char got[256];
	ssize_t n = pread(fd, got, sizeof got - 1, 0);

	ck_assert_int_ge(n, 0);
	got[n] = '\0';
	ck_assert_msg(strcmp(got, want) == 0, "plant %d: the planted journal "
	              "now holds %zd bytes: '%.40s'", kind, n, got);
	close(fd);
}

/* A planted empty journal: a save must not write the old pages into it.
 * An untrusted empty file (or a link) holds nothing and is replaced by
 * ours; the planter's file gets nothing. */
START_TEST(test_planted_empty_journal_gets_nothing)
{
	for (int k = 0; k < PLANT_COUNT; k++) {
		char *path, *journal, *bait;
		struct store *st;
		enum store_status rc;
		int fd;

		plant_names("p", k, &path, &journal, &bait);
		st = make(path);
		set(st, "gi.contact_email", "secret@example.com");
		fd = plant((enum plant)k, journal, bait, "");
		if (fd >= 0) {
			rc = store_set_answer(st, key(st, "gi.contact_email"),
			                      "changed@example.com", err, sizeof err);
			ck_assert_msg(rc == STORE_OK, "plant %d: %s", k, err);
			ck_planted(fd, "", k);
			ck_get(st, "gi.contact_email", "changed@example.com");
		}
		store_close(st);
		free(path);
		free(journal);
		free(bait);
	}
}
END_TEST

/* A planted journal with something in it is refused by writers and
 * readers alike, saying what was found; neither it nor the file changes. */
START_TEST(test_planted_hot_journal_refused)
{
	for (int k = 0; k < PLANT_COUNT; k++) {
		char *path, *journal, *bait;
		struct store *st, *r = NULL;
		struct snap before;
		int fd;

		plant_names("h", k, &path, &journal, &bait);
		st = make(path);
		set(st, "gi.contact_name", "kept");
		store_close(st);
		fd = plant((enum plant)k, journal, bait, "not a journal of ours");
		if (fd >= 0) {
			take(path, &before);
			for (int m = 0; m < 2; m++) {
				enum store_mode mode = m ? STORE_MODE_READ_WRITE
				                         : STORE_MODE_READ_ONLY;

				ck_assert_int_eq(store_open(path, mode, &r, err,
				                            sizeof err), STORE_HOT_JOURNAL);
				ck_assert_ptr_null(r);
				ck_assert_msg(strstr(err, plant_why[k]) &&
				              strstr(err, "will not use it"),
				              "plant %d mode %d: %s", k, m, err);
			}
			ck_same(path, &before);
			ck_planted(fd, "not a journal of ours", k);
		}
		free(path);
		free(journal);
		free(bait);
	}
}
END_TEST

/* A save's commit is the journal's unlink: every one, of every kind of
 * change, asks SQLite to sync the folder after it (synchronous=EXTRA). */
static void ck_durable(const char *what, unsigned long at_least)
{
	ck_assert_msg(faultvfs_journal_deletes(true) >= at_least,
	              "%s: %lu commits synced the folder, want %lu", what,
	              faultvfs_journal_deletes(true), at_least);
	ck_assert_msg(faultvfs_journal_deletes(false) == 0,
	              "%s: %lu commits left the folder unsynced", what,
	              faultvfs_journal_deletes(false));
	faultvfs_arm(FAULTVFS_READ, 0, false, 0);
}

START_TEST(test_every_commit_syncs_the_folder)
{
	char *path = in_dir("d.apmwb"), *old = in_dir("old.apmwb");
	struct store *st;
	struct contract c;
	int64_t pos;
	char what[256];
	static const char json[] = "{\"format\": \"apmwb-submission\", "
		"\"version\": 1, \"edition\": \"2020\", \"answers\": "
		"{\"gi.org_name\": \"Imported\"}}";

	ck_assert_int_eq(faultvfs_install(), SQLITE_OK);
	faultvfs_arm(FAULTVFS_READ, 0, false, 0);
	st = make(path);
	ck_durable("a new file", 1);
	set(st, "gi.contact_name", "A");
	ck_durable("an answer", 1);
	ck_assert_int_eq(store_ack(st, "w.x", "m", "why", err, sizeof err),
	                 STORE_OK);
	ck_durable("an acknowledgement", 1);
	ck_assert_int_eq(store_complete(st, "Ann", err, sizeof err), STORE_OK);
	ck_durable("a sign-off", 1);
	contract_make(&c, "c", "medicaid", "tcoc", "1", "10", "50", "5");
	ck_assert_int_eq(store_contract_insert(st, -1, &c, &pos, err,
	                                       sizeof err), STORE_OK);
	ck_durable("a new contract", 1);
	ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(store_contract_delete(st, c.id, err, sizeof err),
	                 STORE_OK);
	contract_clear(&c);
	ck_durable("a contract changed and deleted", 2);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_durable("an undo", 1);
	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	contract_make(&c, "d", "medicare", "tcoc", "1", "10", "50", "5");
	ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
	                 STORE_OK);
	contract_clear(&c);
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	ck_durable("a contracts import", 1);
	ck_assert_int_eq(store_import_json(st, json, strlen(json), NULL, NULL, err,
	                                   sizeof err), STORE_OK);
	ck_durable("a JSON import", 1);
	store_close(st);
	make_at_version(old, 1);
	faultvfs_arm(FAULTVFS_READ, 0, false, 0);
	store_close(open_as(old, STORE_MODE_READ_WRITE));
	ck_durable("bringing an older file up to date", 1);
	die_mid_transaction(path);
	faultvfs_arm(FAULTVFS_READ, 0, false, 0);
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_recovery(st), STORE_RECOVERY_REPAIRED);
	store_close(st);
	/* SQLite rolls a hot journal back and unlinks it without the folder's
	 * sync; the store then syncs the folder itself (the strace test of
	 * tests/cli/durable.sh sees it). */
	ck_assert_uint_eq(faultvfs_journal_deletes(false) +
	                  faultvfs_journal_deletes(true), 1);
	faultvfs_uninstall();
	free(path);
	free(old);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_hot_journal_read_only,
		test_hot_journal_through_link,
		test_planted_empty_journal_gets_nothing,
		test_planted_hot_journal_refused,
		test_every_commit_syncs_the_folder,
	};

	return store_suite_main("journal", tests, sizeof tests / sizeof *tests,
	                        120);
}
