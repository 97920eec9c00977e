/* SPDX-License-Identifier: MIT */
/* check_contract_page.c: the worksheet by place (db/contract_page.c) and
 * the positions that keep its order (db/contracts.c): find, the places
 * the store keeps across its own changes, unlabeled contracts named by
 * their place, and runs of inserts at one place that respace only the
 * rows near them. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nominal.h"
#include "store.h"
#include "storelib.h"

/* A worksheet of n contracts labelled "c0" .. "c<n-1>" (every 7th
 * "Acme c<i>"), imported in one go. */
static struct store *worksheet(const char *path, int n)
{
	struct store *st = make(path);

	ck_assert_int_eq(store_contracts_replace_begin(st, err, sizeof err),
	                 STORE_OK);
	for (int i = 0; i < n; i++) {
		struct contract c;
		char label[32];

		snprintf(label, sizeof label, i % 7 ? "c%d" : "Acme c%d", i);
		contract_make(&c, label, "commercial", "tcoc", "1", "10", "50", "1");
		ck_assert_int_eq(store_contracts_replace_add(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_contracts_replace_end(st, true, err, sizeof err),
	                 STORE_OK);
	return st;
}

static struct store_found found(struct store *st, const char *needle,
                                int64_t from, enum store_find_dir way)
{
	struct store_found f;

	ck_assert_msg(store_contract_find(st, needle, from, way, &f, err,
	                                  sizeof err) == STORE_OK, "%s", err);
	return f;
}

/* The label of the contract at position i. */
static char *label_at(struct store *st, int64_t i)
{
	static char buf[256];
	struct contract c;
	size_t got = 0;

	ck_assert_int_eq(store_contract_page(st, i, 1, &c, &got, err, sizeof err),
	                 STORE_OK);
	ck_assert_uint_eq(got, 1);
	snprintf(buf, sizeof buf, "%s", c.label ? c.label : "-");
	contract_clear(&c);
	return buf;
}

START_TEST(test_find)
{
	char *path = in_dir("f.apmwb");
	struct store *st = worksheet(path, 100);
	struct store_found f;

	/* Next after a row; the row itself is not its own next. */
	f = found(st, "acme", 0, STORE_FIND_NEXT);
	ck_assert_int_eq(f.pos, 7);
	ck_assert(!f.wrapped);
	ck_assert_int_eq(f.id, id_at(st, 7));
	f = found(st, "ACME", 7, STORE_FIND_NEXT);
	ck_assert_int_eq(f.pos, 14);
	/* From the top: the first row counts. */
	ck_assert_int_eq(found(st, "Acme c0", -1, STORE_FIND_NEXT).pos, 0);
	/* Past the last, round to the top. */
	f = found(st, "acme", 98, STORE_FIND_NEXT);
	ck_assert_int_eq(f.pos, 0);
	ck_assert(f.wrapped);
	/* Previous, and round the top to the bottom. */
	f = found(st, "acme", 14, STORE_FIND_PREV);
	ck_assert_int_eq(f.pos, 7);
	ck_assert(!f.wrapped);
	f = found(st, "acme", 0, STORE_FIND_PREV);
	ck_assert_int_eq(f.pos, 98);
	ck_assert(f.wrapped);
	ck_assert_int_eq(found(st, "c99", 100, STORE_FIND_PREV).pos, 99);
	/* The only one that holds it is found last, from itself. */
	f = found(st, "c42", 42, STORE_FIND_NEXT);
	ck_assert_int_eq(f.pos, 42);
	ck_assert(f.wrapped);
	f = found(st, "c42", 42, STORE_FIND_PREV);
	ck_assert_int_eq(f.pos, 42);
	ck_assert(f.wrapped);
	/* None: -1, whichever way. */
	ck_assert_int_eq(found(st, "zz", 50, STORE_FIND_NEXT).pos, -1);
	ck_assert_int_eq(found(st, "zz", 50, STORE_FIND_PREV).pos, -1);
	/* A contract without a label holds nothing. */
	{
		struct contract c;

		contract_make(&c, NULL, "medicaid", "tcoc", "1", "10", "50", "1");
		c.id = id_at(st, 1);
		ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(found(st, "", 0, STORE_FIND_NEXT).pos, 2);
	/* Found after the order changed: a row added before the match moves
	 * it a place further, and the place found is right. */
	insert(st, 3, "new", "commercial", "1");
	ck_assert_int_eq(found(st, "c10", 0, STORE_FIND_NEXT).pos, 11);
	ck_assert_str_eq(label_at(st, 11), "c10");
	ck_assert_int_eq(found(st, "new", 0, STORE_FIND_NEXT).pos, 4);
	store_close(st);
	free(path);
}
END_TEST

/* The place of every row, read a page at a time from wherever the
 * store last was, agrees with a reading of the whole worksheet: after
 * inserts and deletes at pages the store has read (the places it keeps
 * move with them), after an undo of a delete, and after the rows around
 * a run of inserts were respaced. */
struct order {
	int64_t id[4096];
	int64_t n;
};

static bool collect(void *ctx, const struct contract *c, int64_t pos)
{
	struct order *o = ctx;

	ck_assert_int_eq(pos, o->n);
	ck_assert_int_lt(o->n, 4096);
	o->id[o->n++] = c->id;
	return true;
}

static void ck_place_of_every_row(struct store *st, int64_t around)
{
	struct order want = { .n = 0 };
	struct contract c[16];

	ck_assert_int_eq(store_contract_each(st, collect, &want, err, sizeof err),
	                 STORE_OK);
	for (int64_t from = around - 40; from < around + 40; from += 5) {
		size_t got = 0;

		if (from < 0 || from >= want.n)
			continue;
		ck_assert_int_eq(store_contract_page(st, from, 16, c, &got, err,
		                                     sizeof err), STORE_OK);
		for (size_t i = 0; i < got; i++) {
			ck_assert_msg(c[i].id == want.id[from + (int64_t)i],
			              "row %lld: id %lld, not %lld",
			              (long long)(from + (int64_t)i), (long long)c[i].id,
			              (long long)want.id[from + (int64_t)i]);
			contract_clear(&c[i]);
		}
	}
}

START_TEST(test_places_follow_changes)
{
	char *path = in_dir("p.apmwb");
	struct store *st = worksheet(path, 2000);
	char what[256];

	ck_place_of_every_row(st, 1000);
	insert(st, 1000, "a", "commercial", "1");     /* on the page read */
	ck_place_of_every_row(st, 1000);
	insert(st, 990, "b", "commercial", "1");      /* before its rows */
	ck_place_of_every_row(st, 1000);
	ck_assert_int_eq(store_contract_delete(st, id_at(st, 995), err,
	                                       sizeof err), STORE_OK);
	ck_place_of_every_row(st, 1000);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);
	ck_assert_str_eq(label_at(st, 995), "Acme c994");
	ck_place_of_every_row(st, 995);
	/* A run at one place: the gaps run out and rows are respaced. */
	for (int i = 0; i < 60; i++)
		ck_assert_int_eq(insert(st, 1500 + i, "run", "medicaid", "1"),
		                 1501 + i);
	ck_place_of_every_row(st, 1530);
	ck_place_of_every_row(st, 10);
	ck_place_of_every_row(st, 2100);
	ck_totals(st);
	store_close(st);
	free(path);
}
END_TEST

/* Respacing moves the rows near a run of inserts only: far rows keep
 * their positions, and every position stays distinct. */
START_TEST(test_respacing_is_local)
{
	char *path = in_dir("r.apmwb");
	struct store *st = worksheet(path, 3000);
	int64_t far_lo, far_hi;

	far_lo = raw_int(path, "SELECT pos FROM contract ORDER BY pos LIMIT 1 "
	                 "OFFSET 100");
	far_hi = raw_int(path, "SELECT pos FROM contract ORDER BY pos LIMIT 1 "
	                 "OFFSET 2900");
	for (int i = 0; i < 200; i++)
		insert(st, 1500, "again", "commercial", "1");   /* each first */
	for (int i = 0; i < 200; i++)
		insert(st, 1700 + i, "after", "commercial", "1");
	ck_assert_str_eq(label_at(st, 1500), "c1500");
	ck_assert_str_eq(label_at(st, 1501), "again");
	ck_assert_str_eq(label_at(st, 1700), "again");
	ck_assert_str_eq(label_at(st, 1701), "after");
	ck_assert_str_eq(label_at(st, 1901), "c1501");
	ck_assert_int_eq(raw_int(path, "SELECT pos FROM contract ORDER BY pos "
	                         "LIMIT 1 OFFSET 100"), far_lo);
	ck_assert_int_eq(raw_int(path, "SELECT pos FROM contract ORDER BY pos "
	                         "LIMIT 1 OFFSET 3300"), far_hi);
	ck_assert_int_eq(raw_int(path, "SELECT count(DISTINCT pos) FROM "
	                         "contract"), 3400);
	ck_totals(st);
	store_close(st);
	free(path);
}
END_TEST

/* An unlabeled contract is named by its place in the history, counted
 * from the nearest place the store knows, whichever side. */
START_TEST(test_unlabeled_named_by_place)
{
	char *path = in_dir("u.apmwb");
	struct store *st = worksheet(path, 1500);
	struct change_list l;
	struct contract c;

	for (int64_t i = 2; i < 1500; i += 497) {
		char name[32];

		contract_make(&c, NULL, "medicare", "tcoc", "1", "10", "50", "7");
		c.id = id_at(st, i);
		store_close(st);   /* and no place known but the top and bottom */
		st = open_as(path, STORE_MODE_READ_WRITE);
		ck_assert_int_eq(store_contract_update(st, &c, err, sizeof err),
		                 STORE_OK);
		contract_clear(&c);
		snprintf(name, sizeof name, "#%lld", (long long)i + 1);
		history(st, 1, &l);
		ck_change(&l, 0, "contract", name, NULL, NULL);
		store_close(st);
		st = open_as(path, STORE_MODE_READ_WRITE);
		ck_assert_int_eq(store_contract_delete(st, id_at(st, i), err,
		                                       sizeof err), STORE_OK);
		history(st, 1, &l);
		ck_change(&l, 0, "contract", name, NULL, NULL);
	}
	store_close(st);
	free(path);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_find,
		test_places_follow_changes,
		test_respacing_is_local,
		test_unlabeled_named_by_place,
	};

	return store_suite_main("contract_page", tests,
	                        sizeof tests / sizeof *tests, 120);
}
