/* SPDX-License-Identifier: MIT */
/* check_tui_bars.c: the category bar's cells, by largest remainder with
 * integers only, worked out by hand. */
#include <config.h>

#include <check.h>
#include <stdint.h>

#include "bars.h"
#include "money.h"
#include "testlib.h"

START_TEST(test_split_exact)
{
	int64_t v[] = { 40, 15, 38, 0, 7 };
	int c[5];

	ck_assert(bars_split(v, 5, 100, c));
	ck_assert_int_eq(c[0], 40);
	ck_assert_int_eq(c[1], 15);
	ck_assert_int_eq(c[2], 38);
	ck_assert_int_eq(c[3], 0);
	ck_assert_int_eq(c[4], 7);
}
END_TEST

START_TEST(test_split_remainders)
{
	/* 1/3 each of 10 cells: 3.33 each, the leftover cell goes to the
	 * first of the equal remainders. */
	int64_t v[] = { 1, 1, 1 };
	int c[3];

	ck_assert(bars_split(v, 3, 10, c));
	ck_assert_int_eq(c[0], 4);
	ck_assert_int_eq(c[1], 3);
	ck_assert_int_eq(c[2], 3);
	/* 5,000 / 2,000 / 2,500 / 500 of 10,000 over 7 cells:
	 * 3.5, 1.4, 1.75, 0.35: floors 3,1,1,0 = 5; remainders .5 .4 .75 .35
	 * give the two cells left to the third and the first. */
	{
		int64_t w[] = { 5000, 2000, 2500, 500 };
		int d[4];

		ck_assert(bars_split(w, 4, 7, d));
		ck_assert_int_eq(d[0], 4);
		ck_assert_int_eq(d[1], 1);
		ck_assert_int_eq(d[2], 2);
		ck_assert_int_eq(d[3], 0);
	}
}
END_TEST

START_TEST(test_split_sums_to_width)
{
	int64_t v[] = { 123457, 99, 1, 88888888, 5 };

	for (int w = 0; w <= 200; w++) {
		int c[5], sum = 0;

		ck_assert(bars_split(v, 5, w, c));
		for (int i = 0; i < 5; i++) {
			ck_assert_int_ge(c[i], 0);
			sum += c[i];
		}
		ck_assert_int_eq(sum, w);
	}
}
END_TEST

START_TEST(test_split_huge)
{
	/* Amounts near the largest typed, times a wide bar, would overflow a
	 * plain product: 3 x MONEY_MAX over 400 cells is 133 1/3 each. */
	int64_t v[] = { MONEY_MAX, MONEY_MAX, MONEY_MAX };
	int c[3];

	ck_assert(bars_split(v, 3, 400, c));
	ck_assert_int_eq(c[0], 134);
	ck_assert_int_eq(c[1], 133);
	ck_assert_int_eq(c[2], 133);
}
END_TEST

START_TEST(test_split_refusals)
{
	int64_t zero[] = { 0, 0 }, neg[] = { 5, -1 },
	        big[] = { INT64_MAX, 1 };
	int c[2] = { 9, 9 };

	ck_assert(bars_split(zero, 2, 10, c));
	ck_assert_int_eq(c[0] + c[1], 0);
	ck_assert(!bars_split(neg, 2, 10, c));
	ck_assert(!bars_split(big, 2, 10, c));
	ck_assert(!bars_split(zero, BARS_MAX + 1, 10, c));
}
END_TEST

START_TEST(test_line)
{
	struct money_fig cat[4] = {
		{ .has = true, .cents = 200000 }, { .has = true, .cents = 75000 },
		{ .has = false }, { .has = true, .cents = 0 }
	};
	struct money_fig m1 = { .has = true, .cents = 500000 };
	struct bars_line b;

	bars_line_from(cat, m1, &b);
	ck_assert(b.any && !b.over);
	ck_assert_int_eq(b.v[BAR_CAT1], 200000);
	ck_assert_int_eq(b.v[BAR_CAT2], 75000);
	ck_assert_int_eq(b.v[BAR_CAT3], 0);
	ck_assert_int_eq(b.v[BAR_UNREPORTED], 225000);
	ck_assert_int_eq(b.whole, 500000);
	/* More than row 1: nothing unreported, the bar is the sum. */
	m1.cents = 100000;
	bars_line_from(cat, m1, &b);
	ck_assert(b.over);
	ck_assert_int_eq(b.v[BAR_UNREPORTED], 0);
	ck_assert_int_eq(b.whole, 275000);
	/* Row 1 blank: the categories alone, not "over". */
	m1.has = false;
	bars_line_from(cat, m1, &b);
	ck_assert(!b.over && b.any);
	/* Nothing at all. */
	for (int i = 0; i < 4; i++)
		cat[i].has = false;
	bars_line_from(cat, m1, &b);
	ck_assert(!b.any);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui_bars");
	TCase *tc = tcase_create("bars");

	tcase_add_test(tc, test_split_exact);
	tcase_add_test(tc, test_split_remainders);
	tcase_add_test(tc, test_split_sums_to_width);
	tcase_add_test(tc, test_split_huge);
	tcase_add_test(tc, test_split_refusals);
	tcase_add_test(tc, test_line);
	suite_add_tcase(s, tc);
	return test_main(s);
}
