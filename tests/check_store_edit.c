/* SPDX-License-Identifier: MIT */
/* check_store_edit.c: answers and sign-off, each its own transaction
 * (db/store_edit.c).
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

int main(void)
{
	const TTest *const tests[] = {
		test_set_reopen_keeps_everything,
		test_set_refusals,
		test_complete_then_edit,
	};

	return store_suite_main("store_edit", tests, sizeof tests / sizeof *tests,
	                        120);
}
