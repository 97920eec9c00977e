/* SPDX-License-Identifier: MIT */
/* check_answers.c: one submission's answers in memory (src/answers.c):
 * blank is not zero, every answer is the store's own copy, a multi-select
 * matches whole values only, and running out of memory keeps the old
 * value. */
#include <config.h>

#include <check.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "mem.h"
#include "testlib.h"

/* answers.c reads only the number of questions of its edition. */
#define NQ 4
static struct edition ed = { .nq = NQ };
static struct answers *a;

static void setup(void)
{
	a = answers_new(&ed);
	ck_assert_ptr_nonnull(a);
}

static void teardown(void)
{
	answers_free(a);
	a = NULL;
}

START_TEST(test_new_is_blank)
{
	ck_assert_ptr_eq(a->ed, &ed);
	ck_assert_uint_eq(answers_count(a), 0);
	for (int q = 0; q < NQ; q++)
		ck_assert_ptr_null(answers_get(a, q));
}
END_TEST

START_TEST(test_set_get_count)
{
	char buf[16] = "Jane Doe";

	ck_assert(answers_set(a, 0, buf));
	/* A copy: the caller's buffer may change or go. */
	strcpy(buf, "changed");
	ck_assert_str_eq(answers_get(a, 0), "Jane Doe");
	ck_assert_ptr_ne(answers_get(a, 0), buf);
	/* "0" is an answer; blank is not zero. */
	ck_assert(answers_set(a, 3, "0"));
	ck_assert_str_eq(answers_get(a, 3), "0");
	ck_assert_uint_eq(answers_count(a), 2);
	ck_assert_ptr_null(answers_get(a, 1));
	/* Replacing keeps the count. */
	ck_assert(answers_set(a, 0, "Janet Roe"));
	ck_assert_str_eq(answers_get(a, 0), "Janet Roe");
	ck_assert_uint_eq(answers_count(a), 2);
	/* "" and NULL both make an answer blank. */
	ck_assert(answers_set(a, 0, ""));
	ck_assert_ptr_null(answers_get(a, 0));
	ck_assert_uint_eq(answers_count(a), 1);
	ck_assert(answers_set(a, 3, NULL));
	ck_assert_ptr_null(answers_get(a, 3));
	ck_assert_uint_eq(answers_count(a), 0);
	/* Blanking a blank answer is no change. */
	ck_assert(answers_set(a, 2, NULL));
	ck_assert_uint_eq(answers_count(a), 0);
}
END_TEST

START_TEST(test_out_of_range)
{
	ck_assert(answers_set(a, NQ - 1, "last"));
	ck_assert(!answers_set(a, NQ, "one past"));
	ck_assert(!answers_set(a, -1, "before"));
	ck_assert_ptr_null(answers_get(a, NQ));
	ck_assert_ptr_null(answers_get(a, -1));
	ck_assert_uint_eq(answers_count(a), 1);
	ck_assert(!answers_has_choice(a, NQ, "last"));
}
END_TEST

START_TEST(test_has_choice)
{
	/* Values one per line, as a multi-select is stored. */
	ck_assert(answers_set(a, 1, "provider_interest\nplan_interest\nother"));
	ck_assert(answers_has_choice(a, 1, "provider_interest"));
	ck_assert(answers_has_choice(a, 1, "plan_interest"));
	ck_assert(answers_has_choice(a, 1, "other"));
	/* Whole values only: no prefix, suffix or part of a line. */
	ck_assert(!answers_has_choice(a, 1, "provider"));
	ck_assert(!answers_has_choice(a, 1, "interest"));
	ck_assert(!answers_has_choice(a, 1, "othe"));
	ck_assert(!answers_has_choice(a, 1, "others"));
	ck_assert(!answers_has_choice(a, 1, "plan_interest\nother"));
	ck_assert(!answers_has_choice(a, 1, "government"));
	/* One value alone. */
	ck_assert(answers_set(a, 2, "increase"));
	ck_assert(answers_has_choice(a, 2, "increase"));
	ck_assert(!answers_has_choice(a, 2, "increas"));
	/* A blank answer includes nothing. */
	ck_assert(!answers_has_choice(a, 0, "increase"));
	ck_assert(!answers_has_choice(a, 0, ""));
}
END_TEST

START_TEST(test_out_of_memory_keeps_old)
{
	ck_assert(answers_set(a, 0, "Jane Doe"));
	mem_fail_at(1, 1);
	ck_assert(!answers_set(a, 0, "Janet Roe"));
	mem_fail_at(0, 0);
	ck_assert_str_eq(answers_get(a, 0), "Jane Doe");
	ck_assert_uint_eq(answers_count(a), 1);
	/* Blanking needs no memory. */
	mem_fail_at(1, 1);
	ck_assert(answers_set(a, 0, NULL));
	mem_fail_at(0, 0);
	ck_assert_ptr_null(answers_get(a, 0));
}
END_TEST

START_TEST(test_new_out_of_memory)
{
	/* Either allocation failing gives NULL (and, under the sanitizers and
	 * valgrind, leaks nothing). */
	for (unsigned long n = 1; n <= 2; n++) {
		mem_fail_at(n, 0);
		ck_assert_ptr_null(answers_new(&ed));
	}
	mem_fail_at(0, 0);
	answers_free(NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("answers");
	TCase *tc = tcase_create("answers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_new_is_blank);
	tcase_add_test(tc, test_set_get_count);
	tcase_add_test(tc, test_out_of_range);
	tcase_add_test(tc, test_has_choice);
	tcase_add_test(tc, test_out_of_memory_keeps_old);
	tcase_add_test(tc, test_new_out_of_memory);
	suite_add_tcase(s, tc);
	return test_main(s);
}
