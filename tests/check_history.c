/* SPDX-License-Identifier: MIT */
/* check_history.c: the history of changes and undo (db/history.c).
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

/* A crafted file's history: undo puts back only what `apmwb set` and
 * `apmwb ack` would take, and changes nothing otherwise. */
START_TEST(test_undo_validates)
{
	static const char *const crafted[][3] = {
		/* key, old value in the history, the answer now */
		{ "commercial.m1", "-999.99", "5000000000.00" },
		{ "commercial.m1", "12.345", "5000000000.00" },
		{ "commercial.m1", "5,000", "5000000000.00" },    /* not canonical */
		{ "gi.contact_email", "not an address", "jane@example.org" },
		{ "gi.contact_name", "Ann\x1b]0;pwned\x07", "Jane Doe" },
		{ "gi.lob.commercial", "maybe", "yes" },
	};
	char *path = in_dir("uv.apmwb"), sql[512], what[256];
	struct store *st = make(path);
	size_t n;

	for (size_t i = 0; i < sizeof crafted / sizeof *crafted; i++)
		set(st, crafted[i][0], crafted[i][2]);
	store_close(st);
	for (size_t i = 0; i < sizeof crafted / sizeof *crafted; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO history (at, who, what, key, "
		         "old, new) VALUES ('2026-01-01T00:00:00Z', 'x', 'answer', "
		         "'%s', '%s', '%s')", crafted[i][0], crafted[i][1],
		         crafted[i][2]);
		raw_exec(path, sql);
		st = open_as(path, STORE_MODE_READ_WRITE);
		ck_assert_msg(store_undo(st, what, sizeof what, err, sizeof err) ==
		              STORE_INVALID, "%s back to '%s' was undone",
		              crafted[i][0], crafted[i][1]);
		ck_assert_msg(strstr(err, "not one apmwb would save"), "%s", err);
		ck_get(st, crafted[i][0], crafted[i][2]);
		store_close(st);
		raw_exec(path, "DELETE FROM history WHERE who = 'x'");
	}
	/* An acknowledgement whose earlier reason holds an escape. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_ack(st, "w.x", "m", "fine", err, sizeof err),
	                 STORE_OK);
	store_close(st);
	raw_exec(path, "INSERT INTO history (at, who, what, key, old, new) "
	         "VALUES ('2026-01-01T00:00:00Z', 'x', 'ack', 'w.x', "
	         "'evil' || char(27) || '[2J', 'fine')");
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_str_eq(store_acks(st, &n)[0].reason, "fine");
	store_close(st);
	free(path);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_history_rows,
		test_undo_answers,
		test_undo_contracts,
		test_undo_acks,
		test_undo_validates,
	};

	return store_suite_main("history", tests, sizeof tests / sizeof *tests,
	                        120);
}
