/* SPDX-License-Identifier: MIT */
/* check_money.c: dollars as integer cents: what is accepted, what is
 * refused and why, the formats, and overflow-checked sums. */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "money.h"
#include "testlib.h"

static const struct {
	const char *text;
	int64_t cents;
} good[] = {
	{ "0", 0 },
	{ "0.00", 0 },
	{ "1234", 123400 },
	{ "1234.5", 123450 },
	{ "1234.56", 123456 },
	{ "1234.", 123400 },
	{ ".5", 50 },
	{ ".05", 5 },
	{ "$1,234.56", 123456 },
	{ "$ 1,234.56", 123456 },
	{ "  $1,234,567.89\t", 123456789 },
	{ "1,234,567.89", 123456789 },
	{ "999", 99900 },
	{ "1,000", 100000 },
	{ "12,345", 1234500 },
	{ "007", 700 },
	{ "2610000000.00", INT64_C(261000000000) },
	{ "5,000,000,000", INT64_C(500000000000) },
	{ "\n 42 \r\n", 4200 },
	/* The boundary itself. */
	{ "99999999999999.99", MONEY_MAX },
	{ "$99,999,999,999,999.99", MONEY_MAX },
	{ "0000000000000000000000000000001.01", 101 },
};

START_TEST(test_parse_good)
{
	int64_t cents = -1;
	char err[200] = "";

	ck_assert_msg(money_parse(good[_i].text, &cents, err, sizeof err),
	              "'%s' refused: %s", good[_i].text, err);
	ck_assert_msg(cents == good[_i].cents, "'%s' gave %lld, not %lld",
	              good[_i].text, (long long)cents,
	              (long long)good[_i].cents);
}
END_TEST

static const struct {
	const char *text, *why;
} bad[] = {
	{ "", "is empty" },
	{ "   \t ", "is empty" },
	{ "-5", "is negative; dollars paid are never below zero" },
	{ "(5)", "is negative; dollars paid are never below zero" },
	{ "$-5.00", "is negative" },
	{ "$ -5", "is negative" },
	{ "-0", "is negative" },
	{ "1.234", "has more than two decimals; dollars are entered to the cent" },
	{ "0.001", "has more than two decimals" },
	{ "1e6", "type the digits, not an exponent" },
	{ "1.5E+07", "type the digits, not an exponent" },
	{ "2e-3", "type the digits, not an exponent" },
	{ "1.234,56", "has a decimal comma" },
	{ "1234,5", "misplaced ','" },
	{ "12,34", "misplaced ','" },
	{ "1234,567", "misplaced ','" },
	{ ",123", "misplaced ','" },
	{ "1,,234", "misplaced ','" },
	{ "1,234,56", "misplaced ','" },
	{ "1,2345", "misplaced ','" },
	{ "12x", "is not an amount: unexpected 'x'" },
	{ "x12", "is not an amount: unexpected 'x'" },
	{ "e6", "unexpected 'e'" },
	{ "12 345", "is not an amount: unexpected blank" },
	{ "+5", "unexpected '+'" },
	{ "1-2", "unexpected '-'" },
	{ "5%", "unexpected '%'" },
	{ "1.2.3", "unexpected '.'" },
	{ "12\x1b[2J", "unexpected character U+001B" },
	{ "12\xc2\xa0", "unexpected character U+00A0" },
	{ "12\xe2\x82\xac", "unexpected character U+20AC" },
	{ "12\xff", "unexpected byte 0xFF" },
	{ "$", "no digits" },
	{ ".", "no digits" },
	{ "$.", "no digits" },
	/* One cent past the range, and far past it. */
	{ "100000000000000.00", "is more than $99,999,999,999,999.99" },
	{ "$100,000,000,000,000", "is more than $99,999,999,999,999.99" },
	{ "99999999999999999999999999999", "the largest amount accepted" },
	{ "99999999999999999999999999999x", "unexpected 'x'" },
};

START_TEST(test_parse_bad)
{
	int64_t cents = 77;
	char err[200] = "";

	ck_assert_msg(!money_parse(bad[_i].text, &cents, err, sizeof err),
	              "'%s' accepted as %lld", bad[_i].text, (long long)cents);
	ck_assert_msg(strstr(err, bad[_i].why) != NULL,
	              "'%s': reason '%s' lacks '%s'", bad[_i].text, err,
	              bad[_i].why);
	ck_assert_msg(cents == 77, "refusal changed the output");
	ck_assert(strchr(err, '\n') == NULL);
	ck_assert(err[strlen(err) - 1] != '.');
}
END_TEST

START_TEST(test_parse_no_err_buffer)
{
	int64_t cents = 0;

	/* figures.c reads stored amounts without wanting a reason. */
	ck_assert(!money_parse("junk", &cents, NULL, 0));
	ck_assert(!money_parse(NULL, &cents, NULL, 0));
	ck_assert(money_parse("1.10", &cents, NULL, 0));
	ck_assert(cents == 110);
}
END_TEST

START_TEST(test_parse_short_err_buffer)
{
	int64_t cents;
	char err[8];

	memset(err, 'z', sizeof err);
	ck_assert(!money_parse("-5", &cents, err, sizeof err));
	ck_assert_str_eq(err, "is nega");
}
END_TEST

START_TEST(test_format)
{
	char buf[MONEY_BUFSZ];

	money_format(0, buf);
	ck_assert_str_eq(buf, "0.00");
	money_format(5, buf);
	ck_assert_str_eq(buf, "0.05");
	money_format(123450, buf);
	ck_assert_str_eq(buf, "1234.50");
	money_format(INT64_C(261000000000), buf);
	ck_assert_str_eq(buf, "2610000000.00");
	money_format(MONEY_MAX, buf);
	ck_assert_str_eq(buf, "99999999999999.99");
	money_format(-1, buf);
	ck_assert_str_eq(buf, "-0.01");
	money_format(-123456, buf);
	ck_assert_str_eq(buf, "-1234.56");
	money_format(INT64_MAX, buf);
	ck_assert_str_eq(buf, "92233720368547758.07");
	money_format(INT64_MIN, buf);
	ck_assert_str_eq(buf, "-92233720368547758.08");
}
END_TEST

START_TEST(test_format_display)
{
	char buf[MONEY_BUFSZ];

	money_format_display(0, buf);
	ck_assert_str_eq(buf, "$0.00");
	money_format_display(99, buf);
	ck_assert_str_eq(buf, "$0.99");
	money_format_display(99999, buf);
	ck_assert_str_eq(buf, "$999.99");
	money_format_display(100000, buf);
	ck_assert_str_eq(buf, "$1,000.00");
	money_format_display(123450, buf);
	ck_assert_str_eq(buf, "$1,234.50");
	money_format_display(1234567890, buf);
	ck_assert_str_eq(buf, "$12,345,678.90");
	money_format_display(INT64_C(261000000000), buf);
	ck_assert_str_eq(buf, "$2,610,000,000.00");
	money_format_display(MONEY_MAX, buf);
	ck_assert_str_eq(buf, "$99,999,999,999,999.99");
	money_format_display(-123450, buf);
	ck_assert_str_eq(buf, "-$1,234.50");
	money_format_display(INT64_MIN, buf);
	ck_assert_str_eq(buf, "-$92,233,720,368,547,758.08");
}
END_TEST

START_TEST(test_format_signed)
{
	char buf[MONEY_BUFSZ];

	money_format_signed(100, buf);
	ck_assert_str_eq(buf, "+$1.00");
	money_format_signed(-100, buf);
	ck_assert_str_eq(buf, "-$1.00");
	money_format_signed(0, buf);
	ck_assert_str_eq(buf, "$0.00");
	money_format_signed(1, buf);
	ck_assert_str_eq(buf, "+$0.01");
	money_format_signed(-INT64_C(23400000000), buf);
	ck_assert_str_eq(buf, "-$234,000,000.00");
	money_format_signed(INT64_MAX, buf);
	ck_assert_str_eq(buf, "+$92,233,720,368,547,758.07");
}
END_TEST

START_TEST(test_display_parses_back)
{
	/* What the screen shows can be typed back in. */
	static const int64_t v[] = { 0, 1, 99, 100000, 123456789, MONEY_MAX };
	char buf[MONEY_BUFSZ];
	int64_t back;

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		money_format_display(v[i], buf);
		ck_assert_msg(money_parse(buf, &back, NULL, 0), "%s", buf);
		ck_assert(back == v[i]);
	}
}
END_TEST

/* xorshift64*: the same sequence on every run and every machine. */
static uint64_t next_rand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * UINT64_C(2685821657736338717);
}

START_TEST(test_round_trip)
{
	uint64_t state = UINT64_C(0x9e3779b97f4a7c15);
	char buf[MONEY_BUFSZ], err[200];
	int64_t back;

	for (int i = 0; i < 200000; i++) {
		uint64_t r = next_rand(&state);
		/* Spread over every magnitude, not just huge numbers. */
		int64_t x = (int64_t)(r % (uint64_t)(MONEY_MAX + 1));

		x /= (int64_t)(UINT64_C(1) << (next_rand(&state) % 54));
		money_format(x, buf);
		ck_assert_msg(money_parse(buf, &back, err, sizeof err),
		              "%s: %s", buf, err);
		ck_assert_msg(back == x, "%s came back as %lld", buf,
		              (long long)back);
		money_format_display(x, buf);
		ck_assert_msg(money_parse(buf, &back, err, sizeof err),
		              "%s: %s", buf, err);
		ck_assert(back == x);
	}
}
END_TEST

START_TEST(test_add_sub)
{
	int64_t out = 42;

	/* $0.10 + $0.20 is exactly $0.30. */
	ck_assert(money_add(10, 20, &out));
	ck_assert(out == 30);
	ck_assert(money_sub(30, 10, &out));
	ck_assert(out == 20);
	ck_assert(money_sub(10, 30, &out));
	ck_assert(out == -20);
	ck_assert(money_add(INT64_MAX - 1, 1, &out));
	ck_assert(out == INT64_MAX);
	ck_assert(money_sub(INT64_MIN + 1, 1, &out));
	ck_assert(out == INT64_MIN);

	out = 42;
	ck_assert(!money_add(INT64_MAX, 1, &out));
	ck_assert(out == 42);
	ck_assert(!money_add(INT64_MIN, -1, &out));
	ck_assert(!money_sub(INT64_MIN, 1, &out));
	ck_assert(!money_sub(0, INT64_MIN, &out));
	ck_assert(!money_sub(INT64_MAX, -1, &out));
	ck_assert(out == 42);

	/* Every row of a tab at MONEY_MAX still sums without overflow. */
	out = 0;
	for (int i = 0; i < 19; i++)
		ck_assert(money_add(out, MONEY_MAX, &out));
	ck_assert(out == 19 * MONEY_MAX);
}
END_TEST

static Suite *money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_parse_good, 0,
	                    (int)(sizeof good / sizeof *good));
	tcase_add_loop_test(tc, test_parse_bad, 0,
	                    (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, test_parse_no_err_buffer);
	tcase_add_test(tc, test_parse_short_err_buffer);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_display);
	tcase_add_test(tc, test_format_signed);
	tcase_add_test(tc, test_display_parses_back);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_add_sub);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(money_suite());
}
