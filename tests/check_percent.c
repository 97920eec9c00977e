/* SPDX-License-Identifier: MIT */
/* check_percent.c: exact percentages: risk terms as typed, shares rounded
 * as the spreadsheet rounds them, and net risk without drift. */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "percent.h"
#include "testlib.h"

static const struct {
	const char *text;
	pct_t pct;
} good[] = {
	{ "4", 4000 },
	{ "4%", 4000 },
	{ "4 %", 4000 },
	{ "3.75", 3750 },
	{ " 12.125 % ", 12125 },
	{ "\t30\t", 30000 },
	{ "0", 0 },
	{ "0%", 0 },
	{ "0.001", 1 },
	{ ".5", 500 },
	{ "5.", 5000 },
	{ "007", 7000 },
	{ "99.999", 99999 },
	{ "100", PCT_MAX },
	{ "100%", PCT_MAX },
	{ "100.000", PCT_MAX },
	{ "00000000000000000000000000100", PCT_MAX },
};

START_TEST(test_parse_good)
{
	pct_t p = -1;
	char err[200] = "";

	ck_assert_msg(pct_parse(good[_i].text, &p, err, sizeof err),
	              "'%s' refused: %s", good[_i].text, err);
	ck_assert_msg(p == good[_i].pct, "'%s' gave %lld, not %lld",
	              good[_i].text, (long long)p, (long long)good[_i].pct);
}
END_TEST

static const struct {
	const char *text, *why;
} bad[] = {
	{ "", "is empty" },
	{ "  ", "is empty" },
	{ "-5", "is negative" },
	{ "-0", "is negative" },
	{ "(5)", "is negative" },
	{ "100.001", "is more than 100%" },
	{ "101", "is more than 100%" },
	{ "100.0001", "has more than three decimals" },
	{ "99999999999999999999999999", "is more than 100%" },
	{ "3.7500", "has more than three decimals" },
	{ "0.0001", "has more than three decimals" },
	{ "3,75", "has a comma; write decimals after a point" },
	{ "1,000", "has a comma" },
	{ "4e1", "type the digits, not an exponent" },
	{ "abc", "is not a percentage: unexpected 'a'" },
	{ "4x", "is not a percentage: unexpected 'x'" },
	{ "4%%", "unexpected '%'" },
	{ "%4", "unexpected '%'" },
	{ "4 5", "unexpected blank" },
	{ "+4", "unexpected '+'" },
	{ "4\x1b[2J", "unexpected byte 0x1B" },
	{ ".", "no digits" },
	{ "%", "no digits" },
};

START_TEST(test_parse_bad)
{
	pct_t p = 77;
	char err[200] = "";

	ck_assert_msg(!pct_parse(bad[_i].text, &p, err, sizeof err),
	              "'%s' accepted as %lld", bad[_i].text, (long long)p);
	ck_assert_msg(strstr(err, bad[_i].why) != NULL,
	              "'%s': reason '%s' lacks '%s'", bad[_i].text, err,
	              bad[_i].why);
	ck_assert(p == 77);
	ck_assert(err[strlen(err) - 1] != '.');
	ck_assert(!pct_parse(bad[_i].text, &p, NULL, 0));
}
END_TEST

static const struct {
	int64_t part, whole;
	pct_t share;
} shares[] = {
	/* The spec's own example, and the seed's Tab 9 summary (in cents). */
	{ 1125, 10000, 11300 },
	{ INT64_C(80000000000), INT64_C(500000000000), 16000 },
	{ INT64_C(31000000000), INT64_C(290000000000), 10700 },
	{ INT64_C(150000000000), INT64_C(310000000000), 48400 },
	{ INT64_C(261000000000), INT64_C(1100000000000), 23700 },
	{ INT64_C(11000000000), INT64_C(500000000000), 2200 },
	{ INT64_C(10000000000), INT64_C(290000000000), 3400 },
	{ INT64_C(1000000000), INT64_C(310000000000), 300 },
	{ INT64_C(22000000000), INT64_C(1100000000000), 2000 },
	{ 110, 5000, 2200 },
	{ 10, 3100, 300 },
	/* Exactly on a half: away from zero. */
	{ 5, 1000, 500 },
	{ 1, 2000, 100 },
	{ 1, 2001, 0 },
	{ 1, 1999, 100 },
	{ 3, 2000, 200 },      /* 0.15 -> 0.2 */
	{ INT64_C(4000000000000000), INT64_C(8000000000000000000), 100 },
	{ 1, 3, 33300 },
	{ 2, 3, 66700 },
	{ 0, 5, 0 },
	{ 7, 7, 100000 },
	{ 3, 2, 150000 },      /* a row above row 1: 150.0% */
	/* Negative parts (and wholes) round away from zero too. */
	{ -1, 2000, -100 },
	{ -5, 1000, -500 },
	{ -1125, 10000, -11300 },
	{ 1125, -10000, -11300 },
	{ -1125, -10000, 11300 },
	{ -1, 2001, 0 },
	/* The ends of int64. */
	{ INT64_MAX, INT64_MAX, 100000 },
	{ INT64_MIN, INT64_MIN, 100000 },
	{ INT64_MAX, INT64_MIN, -100000 },
	{ INT64_MAX / 2, INT64_MAX, 50000 },
	{ 1, INT64_MAX, 0 },
	{ INT64_C(9223372036854775), INT64_MAX, 100 },  /* 0.0999999... */
};

START_TEST(test_share)
{
	pct_t p = -12345;

	ck_assert(pct_share(shares[_i].part, shares[_i].whole, &p));
	ck_assert_msg(p == shares[_i].share, "%lld of %lld gave %lld, not %lld",
	              (long long)shares[_i].part, (long long)shares[_i].whole,
	              (long long)p, (long long)shares[_i].share);
	ck_assert(p % 100 == 0);
}
END_TEST

START_TEST(test_share_not_computable)
{
	pct_t p = 42;

	ck_assert(!pct_share(1125, 0, &p));
	ck_assert(!pct_share(0, 0, &p));
	ck_assert(!pct_share(INT64_MIN, 0, &p));
	/* Shares too large for pct_t are as uncomputable as #DIV/0!. */
	ck_assert(!pct_share(INT64_MAX, 1, &p));
	ck_assert(!pct_share(INT64_MIN, 1, &p));
	ck_assert(p == 42);
	/* The largest share that still fits. */
	ck_assert(pct_share(INT64_C(92233720368547), 1, &p));
	ck_assert(p == INT64_C(9223372036854700000));
	ck_assert(!pct_share(INT64_C(92233720368548), 1, &p));
}
END_TEST

static uint64_t next_rand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * UINT64_C(2685821657736338717);
}

START_TEST(test_share_against_floor)
{
	/* Cross-check against a second formula: round half up of |x| is
	 * floor((2 * |part| * 1000 + whole) / (2 * whole)). */
	uint64_t state = UINT64_C(0x243f6a8885a308d3);
	pct_t p;

	for (int i = 0; i < 100000; i++) {
		int64_t whole = (int64_t)(next_rand(&state) % 1000000000000) + 1;
		int64_t part = (int64_t)(next_rand(&state) %
		                         (uint64_t)(whole * 3 / 2 + 1));
		int64_t want = (2 * part * 1000 + whole) / (2 * whole) * 100;

		if (i % 3 == 0) {
			whole = whole % 5000 + 1;
			part = part % (whole + 1);
			want = (2 * part * 1000 + whole) / (2 * whole) * 100;
		}
		ck_assert(pct_share(part, whole, &p));
		ck_assert_msg(p == want, "%lld of %lld: %lld, want %lld",
		              (long long)part, (long long)whole, (long long)p,
		              (long long)want);
		ck_assert(pct_share(-part, whole, &p));
		ck_assert(p == -want);
	}
}
END_TEST

START_TEST(test_format_share)
{
	char buf[PCT_BUFSZ];

	pct_format_share(16000, buf);
	ck_assert_str_eq(buf, "16.0");
	pct_format_share(0, buf);
	ck_assert_str_eq(buf, "0.0");
	pct_format_share(-2500, buf);
	ck_assert_str_eq(buf, "-2.5");
	pct_format_share(11300, buf);
	ck_assert_str_eq(buf, "11.3");
	pct_format_share(300, buf);
	ck_assert_str_eq(buf, "0.3");
	pct_format_share(100000, buf);
	ck_assert_str_eq(buf, "100.0");
	pct_format_share(150000, buf);
	ck_assert_str_eq(buf, "150.0");
	/* Finer values round half away from zero, never show "-0.0". */
	pct_format_share(11250, buf);
	ck_assert_str_eq(buf, "11.3");
	pct_format_share(11249, buf);
	ck_assert_str_eq(buf, "11.2");
	pct_format_share(-30, buf);
	ck_assert_str_eq(buf, "0.0");
	pct_format_share(-50, buf);
	ck_assert_str_eq(buf, "-0.1");
	pct_format_share(INT64_C(9223372036854700000), buf);
	ck_assert_str_eq(buf, "9223372036854700.0");
	pct_format_share(INT64_MIN, buf);
	ck_assert_str_eq(buf, "-9223372036854775.8");
}
END_TEST

START_TEST(test_format_term)
{
	char buf[PCT_BUFSZ];

	pct_format_term(4000, buf);
	ck_assert_str_eq(buf, "4.0");
	pct_format_term(3750, buf);
	ck_assert_str_eq(buf, "3.75");
	pct_format_term(12125, buf);
	ck_assert_str_eq(buf, "12.125");
	pct_format_term(0, buf);
	ck_assert_str_eq(buf, "0.0");
	pct_format_term(1, buf);
	ck_assert_str_eq(buf, "0.001");
	pct_format_term(10, buf);
	ck_assert_str_eq(buf, "0.01");
	pct_format_term(100, buf);
	ck_assert_str_eq(buf, "0.1");
	pct_format_term(PCT_MAX, buf);
	ck_assert_str_eq(buf, "100.0");
	pct_format_term(-3750, buf);
	ck_assert_str_eq(buf, "-3.75");
}
END_TEST

START_TEST(test_term_round_trip)
{
	/* Every term there is, 0.000 to 100.000. */
	char buf[PCT_BUFSZ], err[200];
	pct_t back;

	for (pct_t t = 0; t <= PCT_MAX; t++) {
		pct_format_term(t, buf);
		ck_assert_msg(pct_parse(buf, &back, err, sizeof err), "%s: %s",
		              buf, err);
		ck_assert_msg(back == t, "%s came back as %lld", buf,
		              (long long)back);
	}
}
END_TEST

START_TEST(test_net_risk)
{
	char buf[PCT_BUFSZ];
	netrisk_t n;

	/* The spec's and Tab 9's worked values. */
	n = pct_net_risk(10000, 60000);
	ck_assert(n == 6 * NETRISK_UNIT);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "6.0");
	n = pct_net_risk(15000, 25000);
	ck_assert(n == 375 * NETRISK_UNIT / 100);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "3.75");
	n = pct_net_risk(5000, 30000);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "1.5");
	n = pct_net_risk(15000, 60000);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "9.0");
	/* 3.333% x 33.333% = 1.11098889% exactly. */
	n = pct_net_risk(3333, 33333);
	ck_assert(n == 111098889);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "1.11098889");
	/* The thresholds are hit exactly, with no drift either side. */
	ck_assert(pct_net_risk(10000, 30000) == 3 * NETRISK_UNIT);
	ck_assert(pct_net_risk(9999, 30000) < 3 * NETRISK_UNIT);
	ck_assert(pct_net_risk(20000, 40000) == 8 * NETRISK_UNIT);
	ck_assert(pct_net_risk(26667, 30000) > 8 * NETRISK_UNIT);
	n = pct_net_risk(PCT_MAX, PCT_MAX);
	ck_assert(n == 100 * NETRISK_UNIT);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "100.0");
	n = pct_net_risk(1, 1);
	pct_format_netrisk(n, buf);
	ck_assert_str_eq(buf, "0.00000001");
	pct_format_netrisk(0, buf);
	ck_assert_str_eq(buf, "0.0");
	/* Out of range input saturates instead of wrapping. */
	ck_assert(pct_net_risk(INT64_MAX, 2) == INT64_MAX);
	ck_assert(pct_net_risk(INT64_MAX, -2) == INT64_MIN);
}
END_TEST

START_TEST(test_parse_fraction)
{
	/* A spreadsheet's percent cell: 0.04 is 4%, exactly. */
	static const struct { const char *in; pct_t want; } fok[] = {
		{ "0.04", 4000 }, { "0.3", 30000 }, { "0.6", 60000 },
		{ "0.04125", 4125 }, { "1", PCT_MAX }, { "0", 0 },
		{ " .5 ", 50000 }, { "0.00001", 1 },
	};
	static const struct { const char *in, *why; } fbad[] = {
		{ "0.041255", "has more than five decimals" },
		{ "4", "is more than 1, which as a fraction is more than 100%" },
		{ "1.00001", "is more than 1" },
		{ "4%", "carries a percent sign" },
		{ "-0.1", "is negative" },
		{ "", "is empty; type a fraction such as 0.04" },
	};
	char err[128];
	pct_t v;

	for (size_t i = 0; i < sizeof fok / sizeof *fok; i++) {
		ck_assert_msg(pct_parse_fraction(fok[i].in, &v, err, sizeof err),
		              "%s: %s", fok[i].in, err);
		ck_assert_msg(v == fok[i].want, "%s gave %lld", fok[i].in,
		              (long long)v);
	}
	for (size_t i = 0; i < sizeof fbad / sizeof *fbad; i++) {
		ck_assert_msg(!pct_parse_fraction(fbad[i].in, &v, err, sizeof err),
		              "%s accepted", fbad[i].in);
		ck_assert_msg(strstr(err, fbad[i].why), "%s: '%s' lacks '%s'",
		              fbad[i].in, err, fbad[i].why);
	}
}
END_TEST

START_TEST(test_parse_netrisk)
{
	netrisk_t n;
	char err[128];

	ck_assert(pct_parse_netrisk("6", &n, err, sizeof err));
	ck_assert(n == 6 * NETRISK_UNIT);
	ck_assert(pct_parse_netrisk("6.0%", &n, err, sizeof err));
	ck_assert(n == 6 * NETRISK_UNIT);
	ck_assert(pct_parse_netrisk("1.11098889", &n, err, sizeof err));
	ck_assert(n == 111098889);
	ck_assert(pct_parse_netrisk("100", &n, err, sizeof err));
	ck_assert(!pct_parse_netrisk("1.111111111", &n, err, sizeof err));
	ck_assert_str_eq(err, "has more than eight decimals");
	ck_assert(!pct_parse_netrisk("100.00000001", &n, err, sizeof err));
	ck_assert_str_eq(err, "is more than 100%");
}
END_TEST

static Suite *percent_suite(void)
{
	Suite *s = suite_create("percent");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_parse_good, 0,
	                    (int)(sizeof good / sizeof *good));
	tcase_add_loop_test(tc, test_parse_bad, 0,
	                    (int)(sizeof bad / sizeof *bad));
	tcase_add_loop_test(tc, test_share, 0,
	                    (int)(sizeof shares / sizeof *shares));
	tcase_add_test(tc, test_share_not_computable);
	tcase_add_test(tc, test_share_against_floor);
	tcase_add_test(tc, test_format_share);
	tcase_add_test(tc, test_format_term);
	tcase_add_test(tc, test_term_round_trip);
	tcase_add_test(tc, test_net_risk);
	tcase_add_test(tc, test_parse_fraction);
	tcase_add_test(tc, test_parse_netrisk);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(percent_suite());
}
