/* SPDX-License-Identifier: MIT */
/* check_contracts.c: the nominal-risk worksheet: order, kept totals, pages,
 * the whole worksheet at once (db/contracts.c).
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

/* The kept totals agree with the rows folded again through the core's
 * rule, line by line and status by status: what `check` and the full
 * screen verify. */
static void ck_totals_verified(struct store *st)
{
	ck_assert_msg(store_verify(st, STORE_VERIFY_TOTALS, err, sizeof err) ==
	              STORE_OK, "%s", err);
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
	ck_totals_verified(st);
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
		ck_totals_verified(st);
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
	ck_totals_verified(st);
	store_close(st);
	free(path);
}
END_TEST

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

/* A row's columns read as the core's contract: the workbook's boundaries
 * exactly, and a value of the wrong type or out of range missing, so a
 * damaged row is incomplete, never wrong (what the totals' upkeep and
 * their check both fold rows through). */
START_TEST(test_nr_status_of_columns)
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
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		sqlite3_value *v[6];
		struct contract c;
		char sql[256];

		snprintf(sql, sizeof sql, "SELECT %s", cases[i].sql);
		ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
		                 SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		for (int k = 0; k < 6; k++)
			v[k] = sqlite3_column_value(s, k);
		contract_from_values(&c, v);
		ck_assert_msg(strcmp(contract_status_name(&c), cases[i].want) == 0,
		              "%s: %s, want %s", sql, contract_status_name(&c),
		              cases[i].want);
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

int main(void)
{
	const TTest *const tests[] = {
		test_contracts_order,
		test_nr_totals_follow_every_edit,
		test_import_totals_exact,
		test_pages_by_key,
		test_nr_status_of_columns,
		test_replace_all_or_nothing,
		test_nr_totals_never_overflow,
	};

	return store_suite_main("contracts", tests, sizeof tests / sizeof *tests,
	                        120);
}
