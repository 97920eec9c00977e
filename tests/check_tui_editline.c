/* SPDX-License-Identifier: MIT */
/* check_tui_editline.c: editing text of several lines: insertion, the
 * cursor's moves, soft wrapping at spaces, wide (CJK) characters, limits. */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <string.h>

#include "editline.h"
#include "testlib.h"

static void setup(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
}

static void type(struct editline *e, const char *ascii)
{
	for (const char *p = ascii; *p; p++)
		ck_assert(editline_insert(e, (unsigned char)*p));
}

START_TEST(test_insert_and_delete)
{
	struct editline e;

	ck_assert(editline_init(&e, "ac", 100));
	ck_assert_int_eq(e.cur, 2);
	editline_op(&e, ED_LEFT, 10);
	ck_assert(editline_insert(&e, 'b'));
	ck_assert_str_eq(e.buf, "abc");
	editline_op(&e, ED_BACKSPACE, 10);
	ck_assert_str_eq(e.buf, "ac");
	editline_op(&e, ED_DELETE, 10);
	ck_assert_str_eq(e.buf, "a");
	editline_op(&e, ED_HOME, 10);
	editline_op(&e, ED_BACKSPACE, 10);
	ck_assert_str_eq(e.buf, "a");
	ck_assert_int_eq(e.cur, 0);
	/* Control characters are not text. */
	ck_assert(!editline_insert(&e, 0x1b));
	ck_assert(!editline_insert(&e, 0xd800));
	ck_assert_str_eq(e.buf, "a");
	editline_free(&e);
}
END_TEST

START_TEST(test_lines_kept)
{
	struct editline e;
	struct ed_vline v[8];

	ck_assert(editline_init(&e, NULL, 100));
	type(&e, "one\n\nthree");
	ck_assert_str_eq(e.buf, "one\n\nthree");
	ck_assert_int_eq(editline_layout(&e, 20, v, 8), 3);
	ck_assert_int_eq(v[1].start, 4);
	ck_assert_int_eq(v[1].len, 0);
	ck_assert_int_eq(v[2].start, 5);
	editline_op(&e, ED_HOME, 20);
	ck_assert_int_eq(e.cur, 5);
	editline_op(&e, ED_KILL_END, 20);
	ck_assert_str_eq(e.buf, "one\n\n");
	editline_op(&e, ED_BACKSPACE, 20);
	ck_assert_str_eq(e.buf, "one\n");
	editline_free(&e);
}
END_TEST

START_TEST(test_soft_wrap)
{
	struct editline e;
	struct ed_vline v[8];
	int row, col;

	/* Width 10: "the quick " | "brown fox " | "jumps" */
	ck_assert(editline_init(&e, "the quick brown fox jumps", 100));
	ck_assert_int_eq(editline_layout(&e, 10, v, 8), 3);
	ck_assert_int_eq(v[0].len, 10);
	ck_assert_int_eq(v[1].start, 10);
	ck_assert_int_eq(v[2].start, 20);
	editline_cursor(&e, 10, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 5);
	/* Up keeps the column. */
	editline_op(&e, ED_UP, 10);
	ck_assert_int_eq(e.cur, 15);
	editline_op(&e, ED_UP, 10);
	ck_assert_int_eq(e.cur, 5);
	editline_op(&e, ED_UP, 10);
	ck_assert_int_eq(e.cur, 0);
	editline_op(&e, ED_DOWN, 10);
	ck_assert_int_eq(e.cur, 10);
	/* A word longer than the line is cut. */
	editline_free(&e);
	ck_assert(editline_init(&e, "abcdefghijklmnop", 100));
	ck_assert_int_eq(editline_layout(&e, 10, v, 8), 2);
	ck_assert_int_eq(v[1].start, 10);
	editline_free(&e);
}
END_TEST

START_TEST(test_wide)
{
	struct editline e;
	struct ed_vline v[8];
	int row, col;

	/* Five CJK characters, two columns each, in 6 columns: 3 + 2. */
	ck_assert(editline_init(&e, NULL, 100));
	for (int i = 0; i < 5; i++)
		ck_assert(editline_insert(&e, 0x6f22));
	ck_assert_int_eq(e.len, 15);
	ck_assert_int_eq(editline_layout(&e, 6, v, 8), 2);
	ck_assert_int_eq(v[0].len, 9);
	editline_cursor(&e, 6, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 4);
	/* Left steps over a whole character. */
	editline_op(&e, ED_LEFT, 6);
	ck_assert_int_eq(e.cur, 12);
	editline_op(&e, ED_BACKSPACE, 6);
	ck_assert_int_eq(e.len, 12);
	ck_assert_int_eq(e.cur, 9);
	/* Up from the start of the second line: the start of the first. */
	editline_op(&e, ED_UP, 6);
	ck_assert_int_eq(e.cur, 0);
	editline_free(&e);
}
END_TEST

/* The cursor moves by character as a reader sees it: a letter with its
 * combining accent, an emoji joined by U+200D, a flag's two indicators. */
START_TEST(test_graphemes)
{
	struct editline e;

	ck_assert(editline_init(&e, "Cafe\xcc\x81", 100));   /* e + U+0301 */
	editline_op(&e, ED_LEFT, 40);
	ck_assert_int_eq(e.cur, 3);
	ck_assert(editline_insert(&e, 'x'));
	ck_assert_str_eq(e.buf, "Cafxe\xcc\x81");
	editline_op(&e, ED_END, 40);
	editline_op(&e, ED_BACKSPACE, 40);
	ck_assert_str_eq(e.buf, "Cafx");
	editline_free(&e);

	/* U+1F469 U+200D U+2695 U+FE0F: one health worker. */
	ck_assert(editline_init(&e, "A\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95"
	                            "\xef\xb8\x8f", 100));
	editline_op(&e, ED_LEFT, 40);
	ck_assert_int_eq(e.cur, 1);
	editline_op(&e, ED_RIGHT, 40);
	ck_assert_int_eq(e.cur, e.len);
	editline_free(&e);

	/* Two flags, each a pair of regional indicators. */
	ck_assert(editline_init(&e, "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
	                            "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", 100));
	editline_op(&e, ED_LEFT, 40);
	ck_assert_int_eq(e.cur, 8);
	editline_op(&e, ED_LEFT, 40);
	ck_assert_int_eq(e.cur, 0);
	editline_free(&e);
}
END_TEST

START_TEST(test_limit_and_kills)
{
	struct editline e;

	ck_assert(editline_init(&e, NULL, 5));
	type(&e, "ab cd");
	ck_assert(!editline_insert(&e, 'x'));
	ck_assert(!editline_insert(&e, 0x6f22));
	ck_assert_str_eq(e.buf, "ab cd");
	editline_op(&e, ED_KILL_WORD, 10);
	ck_assert_str_eq(e.buf, "ab ");
	editline_op(&e, ED_KILL_START, 10);
	ck_assert_str_eq(e.buf, "");
	editline_free(&e);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui_editline");
	TCase *tc = tcase_create("editline");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_insert_and_delete);
	tcase_add_test(tc, test_lines_kept);
	tcase_add_test(tc, test_soft_wrap);
	tcase_add_test(tc, test_wide);
	tcase_add_test(tc, test_graphemes);
	tcase_add_test(tc, test_limit_and_kills);
	suite_add_tcase(s, tc);
	return test_main(s);
}
