/* SPDX-License-Identifier: MIT */
/* check_wrap.c: display widths and word wrapping (src/wrap.c), against
 * columns counted by hand: CJK and emoji two columns, combining marks and
 * zero-width joiners none, control characters none (the sanitiser turns a
 * tab into a space before anything is measured for a screen), and each
 * byte that does not decode one. */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "testlib.h"
#include "wrap.h"

/* 日 本 語: three characters of three bytes, two columns each. */
#define NICHI "\xe6\x97\xa5"
#define HON "\xe6\x9c\xac"
#define GO "\xe8\xaa\x9e"
#define GRIN "\xf0\x9f\x98\x80"          /* U+1F600, two columns */
#define ACUTE "\xcc\x81"                 /* U+0301 combining, none */
#define ZWJ "\xe2\x80\x8d"               /* U+200D, none */
#define WOMAN "\xf0\x9f\x91\xa9"         /* U+1F469, two */
#define LAPTOP "\xf0\x9f\x92\xbb"        /* U+1F4BB, two */

static void setup(void)
{
	/* What apmwb runs in: wcwidth knows UTF-8 only in a UTF-8 locale. */
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

static int width(const char *s)
{
	return wrap_width(s, strlen(s));
}

START_TEST(test_width_ascii)
{
	ck_assert_int_eq(width(""), 0);
	ck_assert_int_eq(width("a"), 1);
	ck_assert_int_eq(width("Jane Doe"), 8);
	/* n bytes only, not to the NUL. */
	ck_assert_int_eq(wrap_width("Jane Doe", 4), 4);
}
END_TEST

START_TEST(test_width_wide)
{
	ck_assert_int_eq(width(NICHI), 2);
	ck_assert_int_eq(width(NICHI HON GO), 6);
	ck_assert_int_eq(width("ab" NICHI "c"), 5);
	/* Three bytes of the nine are one character, two columns. */
	ck_assert_int_eq(wrap_width(NICHI HON GO, 3), 2);
	ck_assert_int_eq(width(GRIN), 2);
	ck_assert_int_eq(width("ok " GRIN), 5);
	/* U+FF01 FULLWIDTH EXCLAMATION MARK */
	ck_assert_int_eq(width("\xef\xbc\x81"), 2);
}
END_TEST

START_TEST(test_width_zero)
{
	/* "Café" written with a combining acute: four columns, not five. */
	ck_assert_int_eq(width("Cafe" ACUTE), 4);
	ck_assert_int_eq(width("e" ACUTE ACUTE), 1);
	/* A joined emoji sequence: each picture two, the joiner none; the
	 * terminal (tmux, ncurses) counts it the same way, character by
	 * character. */
	ck_assert_int_eq(width(WOMAN ZWJ LAPTOP), 4);
	ck_assert_int_eq(width(ZWJ), 0);
}
END_TEST

START_TEST(test_width_controls_and_bad_bytes)
{
	/* Controls take no column; the sanitiser makes a tab one space. */
	ck_assert_int_eq(width("a\tb"), 2);
	ck_assert_int_eq(width("\x1b[2J"), 3);
	{
		char *clean = sanitize_dup("a\tb", 0);

		ck_assert_str_eq(clean, "a b");
		ck_assert_int_eq(width(clean), 3);
		free(clean);
	}
	/* Bytes that do not decode: one column each. */
	ck_assert_int_eq(width("\xff\xfe"), 2);
	ck_assert_int_eq(width("\xc0\xaf"), 2);      /* overlong '/' */
	/* A character cut short by n: its two bytes are two bad bytes. */
	ck_assert_int_eq(wrap_width(NICHI, 2), 2);
	/* A lead byte followed by no continuation byte. */
	ck_assert_int_eq(width("\xe6" "ab"), 3);
}
END_TEST

START_TEST(test_fit)
{
	const char *s = NICHI HON GO;      /* 9 bytes, 6 columns */

	ck_assert_uint_eq(wrap_fit("abcdef", 6, 4), 4);
	ck_assert_uint_eq(wrap_fit("abcdef", 6, 6), 6);
	ck_assert_uint_eq(wrap_fit("abcdef", 6, 9), 6);
	ck_assert_uint_eq(wrap_fit("abcdef", 6, 0), 0);
	/* Whole characters only: 5 columns hold two (4), not two and a half. */
	ck_assert_uint_eq(wrap_fit(s, 9, 5), 6);
	ck_assert_uint_eq(wrap_fit(s, 9, 4), 6);
	ck_assert_uint_eq(wrap_fit(s, 9, 6), 9);
	ck_assert_uint_eq(wrap_fit(s, 9, 3), 3);
	ck_assert_uint_eq(wrap_fit(s, 9, 1), 0);
	/* A combining mark stays with the letter before it. */
	ck_assert_uint_eq(wrap_fit("e" ACUTE "x", 4, 1), 3);
	/* The joiner takes no column, so it fits after the first picture. */
	ck_assert_uint_eq(wrap_fit(WOMAN ZWJ LAPTOP, 11, 2), 7);
	ck_assert_uint_eq(wrap_fit(WOMAN ZWJ LAPTOP, 11, 3), 7);
	ck_assert_uint_eq(wrap_fit(WOMAN ZWJ LAPTOP, 11, 4), 11);
}
END_TEST

/* ---- wrap_text: the lines it hands out, joined by '|' ---- */

struct lines {
	char buf[1024];
	int n;
};

static void collect(void *ctx, const char *line, size_t n)
{
	struct lines *l = ctx;
	size_t used = strlen(l->buf);

	ck_assert_uint_lt(used + n + 2, sizeof l->buf);
	if (l->n++)
		l->buf[used++] = '|';
	memcpy(l->buf + used, line, n);
	l->buf[used + n] = '\0';
}

static const char *wrapped(const char *text, int w, int *count)
{
	static struct lines l;

	memset(&l, 0, sizeof l);
	wrap_text(text, w, collect, &l);
	if (count)
		*count = l.n;
	return l.buf;
}

START_TEST(test_wrap_words)
{
	int n;

	/* "the quick " is ten columns: the line breaks at its space and the
	 * space goes. */
	ck_assert_str_eq(wrapped("the quick brown fox", 10, &n),
	                 "the quick|brown fox");
	ck_assert_int_eq(n, 2);
	/* Spaces at a break all go; inside a line they stay. */
	ck_assert_str_eq(wrapped("a   b", 2, NULL), "a|b");
	ck_assert_str_eq(wrapped("a  b", 5, NULL), "a  b");
	/* Leading spaces are the text's own. */
	ck_assert_str_eq(wrapped("  indented", 20, NULL), "  indented");
}
END_TEST

START_TEST(test_wrap_exact_fit)
{
	/* Eleven columns in eleven: one line. */
	ck_assert_str_eq(wrapped("abcde fghij", 11, NULL), "abcde fghij");
	/* Ten: the break is at the space, each half five. */
	ck_assert_str_eq(wrapped("abcde fghij", 10, NULL), "abcde|fghij");
	/* Five in five, twice. */
	ck_assert_str_eq(wrapped("abcde fghij", 5, NULL), "abcde|fghij");
	/* A line ending exactly at the width, then more. */
	ck_assert_str_eq(wrapped("ab cd ef", 5, NULL), "ab cd|ef");
	/* Wide characters filling the width exactly: 3 x 2 = 6. */
	ck_assert_str_eq(wrapped(NICHI HON GO " " NICHI HON GO, 6, NULL),
	                 NICHI HON GO "|" NICHI HON GO);
	/* 6 columns and the space (7) fit 7; the next character does not. */
	ck_assert_str_eq(wrapped(NICHI HON GO " " NICHI HON GO, 7, NULL),
	                 NICHI HON GO "|" NICHI HON GO);
	/* 13 columns hold both words and the space. */
	ck_assert_str_eq(wrapped(NICHI HON GO " " NICHI HON GO, 13, NULL),
	                 NICHI HON GO " " NICHI HON GO);
}
END_TEST

START_TEST(test_wrap_long_word)
{
	int n;

	/* A word longer than the line is cut at the width. */
	ck_assert_str_eq(wrapped("abcdefghij", 4, &n), "abcd|efgh|ij");
	ck_assert_int_eq(n, 3);
	/* After a short word, the long one starts a line of its own. */
	ck_assert_str_eq(wrapped("a bcdefgh", 4, NULL), "a|bcde|fgh");
	/* CJK has no spaces: cut by columns, at character boundaries. */
	ck_assert_str_eq(wrapped(NICHI HON GO NICHI HON, 5, NULL),
	                 NICHI HON "|" GO NICHI "|" HON);
	/* A combining mark is never split from its letter. */
	ck_assert_str_eq(wrapped("e" ACUTE "e" ACUTE "e" ACUTE, 2, NULL),
	                 "e" ACUTE "e" ACUTE "|e" ACUTE);
}
END_TEST

START_TEST(test_wrap_too_narrow_for_a_character)
{
	/* A two-column character in a one-column line: it cannot fit, so it
	 * goes on a line of its own whole, never cut inside its bytes (which
	 * would put invalid UTF-8 on the terminal). */
	ck_assert_str_eq(wrapped(NICHI HON, 1, NULL), NICHI "|" HON);
	ck_assert_str_eq(wrapped("a" NICHI, 1, NULL), "a|" NICHI);
	ck_assert_str_eq(wrapped(GRIN GRIN, 1, NULL), GRIN "|" GRIN);
	/* ...with the mark that goes on it. */
	ck_assert_str_eq(wrapped(NICHI ACUTE HON, 1, NULL),
	                 NICHI ACUTE "|" HON);
	/* Width 0 is taken as 1. */
	ck_assert_str_eq(wrapped("ab", 0, NULL), "a|b");
}
END_TEST

START_TEST(test_wrap_newlines)
{
	int n;

	ck_assert_str_eq(wrapped("one\ntwo", 10, &n), "one|two");
	ck_assert_int_eq(n, 2);
	/* An empty line stays an empty line. */
	ck_assert_str_eq(wrapped("one\n\ntwo", 10, &n), "one||two");
	ck_assert_int_eq(n, 3);
	/* Empty text is one empty line; a final newline ends with one. */
	ck_assert_str_eq(wrapped("", 10, &n), "");
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(wrapped("one\n", 10, &n), "one|");
	ck_assert_int_eq(n, 2);
	/* Each paragraph wraps on its own. */
	ck_assert_str_eq(wrapped("aa bb\ncc dd", 3, NULL), "aa|bb|cc|dd");
}
END_TEST

START_TEST(test_wrap_zero_width)
{
	/* "Cafe\u0301 au lait": the combining mark adds no column, so "Café
	 * au" is seven columns and fits seven. */
	ck_assert_str_eq(wrapped("Cafe" ACUTE " au lait", 7, NULL),
	                 "Cafe" ACUTE " au|lait");
	/* Four columns: the joined pictures fit whole. */
	ck_assert_str_eq(wrapped(WOMAN ZWJ LAPTOP " ok", 4, NULL),
	                 WOMAN ZWJ LAPTOP "|ok");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_width_ascii);
	tcase_add_test(tc, test_width_wide);
	tcase_add_test(tc, test_width_zero);
	tcase_add_test(tc, test_width_controls_and_bad_bytes);
	tcase_add_test(tc, test_fit);
	tcase_add_test(tc, test_wrap_words);
	tcase_add_test(tc, test_wrap_exact_fit);
	tcase_add_test(tc, test_wrap_long_word);
	tcase_add_test(tc, test_wrap_too_narrow_for_a_character);
	tcase_add_test(tc, test_wrap_newlines);
	tcase_add_test(tc, test_wrap_zero_width);
	suite_add_tcase(s, tc);
	return test_main(s);
}
