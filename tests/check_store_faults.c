/* SPDX-License-Identifier: MIT */
/* check_store_faults.c: failures are values: a full disk, memory running
 * out, every allocation (db/).
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
	rc = store_import_json(st, json, strlen(json), NULL, NULL, err, sizeof err);
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
	/* What each status must tell its reader: what happened and, where the
	 * reader can do something, what to do. */
	static const struct {
		enum store_status s;
		const char *says[2];
	} want[] = {
		{ STORE_OK, { "done" } },
		{ STORE_NOT_FOUND, { "no such file" } },
		{ STORE_EXISTS, { "already exists" } },
		{ STORE_NOT_SUBMISSION, { "not an apmwb submission" } },
		{ STORE_DAMAGED, { "damaged", "restore it from a backup" } },
		{ STORE_NEWER, { "newer apmwb", "update apmwb" } },
		{ STORE_LOCKED, { "another apmwb", "read-only with -r" } },
		{ STORE_BUSY, { "busy", "try again" } },
		{ STORE_HOT_JOURNAL, { "interrupted save", "opening the file for "
		                       "editing" } },
		{ STORE_READ_ONLY, { "read-only", "nothing was changed" } },
		{ STORE_FULL, { "disk is full", "free some space" } },
		{ STORE_IO, { "read or write" } },
		{ STORE_NOMEM, { "out of memory" } },
		{ STORE_INVALID, { "refused" } },
		{ STORE_UNCHANGED, { "unchanged", "holds it already" } },
	};
	/* The reader is not expected to know SQLite. */
	static const char *const jargon[] = {
		"sql", "database", "journal", "wal", "pragma", "constraint",
		"errno", "i/o", "(", "%",
	};
	size_t n = sizeof want / sizeof *want, known = 0;

	/* Every status is in the table, once: a new one must say what it
	 * tells its reader here too. */
	while (known < 64 && strcmp(store_status_text((enum store_status)known),
	                            "unknown error") != 0)
		known++;
	ck_assert_uint_eq(known, n);
	for (size_t i = 0; i < n; i++) {
		const char *t = store_status_text(want[i].s);
		char low[256];
		size_t k;

		ck_assert_int_eq(want[i].s, (enum store_status)i);
		for (k = 0; k < 2 && want[i].says[k]; k++)
			ck_assert_msg(strstr(t, want[i].says[k]) != NULL,
			              "status %zu: '%s' does not say '%s'", i, t,
			              want[i].says[k]);
		for (k = 0; t[k] && k < sizeof low - 1; k++)
			low[k] = (char)(t[k] >= 'A' && t[k] <= 'Z' ? t[k] - 'A' + 'a' :
			                t[k]);
		low[k] = '\0';
		for (k = 0; k < sizeof jargon / sizeof *jargon; k++)
			ck_assert_msg(strstr(low, jargon[k]) == NULL,
			              "status %zu: '%s' says '%s'", i, t, jargon[k]);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(strcmp(t, store_status_text(want[j].s)) != 0,
			              "statuses %zu and %zu both say '%s'", j, i, t);
	}
}
END_TEST


int main(void)
{
	const TTest *const tests[] = {
		test_disk_full_keeps_saved,
		test_out_of_memory_keeps_saved,
		test_allocation_failures_are_values,
		test_status_texts,
	};

	/* The allocation sweeps reopen the file thousands of times: minutes
	 * under the sanitizers; the timeout only has to catch a hang. */
	return store_suite_main("store_faults", tests, sizeof tests / sizeof *tests,
	                        600);
}
