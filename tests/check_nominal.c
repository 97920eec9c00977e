/* SPDX-License-Identifier: MIT */
/* check_nominal.c: the LAN nominal-risk test, its boundaries and the
 * worksheet's sums, against the workbook's own Tab 9 example. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lob.h"
#include "nominal.h"
#include "testlib.h"

/* Builds a contract from text fields the way the worksheet and the CSV do;
 * NULL leaves a field missing. */
static void make(struct contract *c, const char *line, const char *type,
                 const char *min, const char *max, const char *share,
                 const char *dollars)
{
	const char *fields[NR_F_COUNT] = { NULL, line, type, min, max, share, dollars };
	char err[200];

	contract_init(c);
	for (int f = NR_F_LINE; f < NR_F_COUNT; f++)
		if (fields[f])
			ck_assert_msg(nominal_parse_field(c, (enum nr_field)f, fields[f],
			                                  err, sizeof err),
			              "%s '%s': %s", nominal_field_name((enum nr_field)f),
			              fields[f], err);
}

/* The twelve contracts of the workbook's Tab 9, as printed there. */
static const struct {
	const char *line, *type, *min, *max, *share, *dollars, *net;
	enum nr_status status;
} tab9[] = {
	{ "Medicare", "TCOC", "1%", "5%", "30%", "100,000,000", "1.5", NR_FAILS },
	{ "Commercial", "TCOC", "2%", "15%", "25%", "100,000,000", "3.75", NR_FAILS },
	{ "Medicaid", "% Revenue", "5%", "15%", "60%", "10,000,000", "9.0", NR_FAILS },
	{ "Commercial", "% Revenue", "1%", "10%", "25%", "10,000,000", "2.5", NR_FAILS },
	{ "Medicare", "% Revenue", "1%", "10%", "80%", "200,000,000", "8.0", NR_MEETS },
	{ "Medicare", "% Revenue", "1%", "20%", "80%", "10,000,000", "16.0", NR_MEETS },
	{ "Commercial", "TCOC", "1%", "10%", "60%", "500,000,000", "6.0", NR_MEETS },
	{ "Commercial", "TCOC", "1%", "10%", "70%", "300,000,000", "7.0", NR_MEETS },
	{ "Medicare", "TCOC", "1%", "10%", "70%", "100,000,000", "7.0", NR_MEETS },
	{ "Medicaid", "TCOC", "1%", "20%", "50%", "300,000,000", "10.0", NR_MEETS },
	{ "Medicaid", "TCOC", "1%", "15%", "80%", "500,000,000", "12.0", NR_MEETS },
	{ "Medicaid", "TCOC", "1%", "20%", "80%", "700,000,000", "16.0", NR_MEETS },
};

START_TEST(test_tab9_rows)
{
	struct contract c;
	struct nr_eval e;
	char net[PCT_BUFSZ];

	make(&c, tab9[_i].line, tab9[_i].type, tab9[_i].min, tab9[_i].max,
	     tab9[_i].share, tab9[_i].dollars);
	nominal_evaluate(&c, &e);
	ck_assert_int_eq(e.status, tab9[_i].status);
	ck_assert(e.has_net);
	pct_format_netrisk(e.net, net);
	ck_assert_str_eq(net, tab9[_i].net);
	contract_clear(&c);
}
END_TEST

START_TEST(test_tab9_totals)
{
	struct nr_totals t;
	struct contract c;

	nominal_totals_init(&t);
	for (size_t i = 0; i < sizeof tab9 / sizeof *tab9; i++) {
		make(&c, tab9[i].line, tab9[i].type, tab9[i].min, tab9[i].max,
		     tab9[i].share, tab9[i].dollars);
		nominal_totals_apply(&t, &c, +1);
		contract_clear(&c);
	}
	/* The example's summary, in cents. */
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], INT64_C(80000000000));
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], INT64_C(11000000000));
	ck_assert_int_eq(t.meets[LOB_MA], INT64_C(31000000000));
	ck_assert_int_eq(t.fails[LOB_MA], INT64_C(10000000000));
	ck_assert_int_eq(t.meets[LOB_MEDICAID], INT64_C(150000000000));
	ck_assert_int_eq(t.fails[LOB_MEDICAID], INT64_C(1000000000));
	ck_assert_int_eq(t.contracts, 12);
	ck_assert_int_eq(t.incomplete, 0);
	ck_assert(!t.overflow);
}
END_TEST

/* Each criterion exactly at its boundary qualifies; just past it fails. */
static const struct {
	const char *type, *min, *max, *share;
	enum nr_status status;
	unsigned why;
} boundaries[] = {
	{ "tcoc", "4", "10", "60", NR_MEETS, 0 },            /* min exactly 4% */
	{ "tcoc", "4.001", "10", "60", NR_FAILS, NR_WHY_MIN },
	{ "tcoc", "1", "10", "30", NR_MEETS, 0 },            /* share exactly 30%, net 3% */
	{ "tcoc", "1", "20", "29.999", NR_FAILS, NR_WHY_SHARE },
	{ "tcoc", "1", "10", "30", NR_MEETS, 0 },
	{ "tcoc", "1", "9.999", "30", NR_FAILS, NR_WHY_NET },  /* net 2.9997% */
	{ "tcoc", "0", "3", "100", NR_MEETS, 0 },            /* net exactly 3% */
	{ "tcoc", "0", "100", "2.999", NR_FAILS, NR_WHY_SHARE | NR_WHY_NET },
	{ "revenue", "1", "20", "40", NR_MEETS, 0 },         /* net exactly 8% */
	{ "revenue", "1", "19.999", "40", NR_FAILS, NR_WHY_NET }, /* 7.9996% */
	{ "revenue", "1", "10", "79.999", NR_FAILS, NR_WHY_NET },
	{ "revenue", "1", "8", "100", NR_MEETS, 0 },
	{ "tcoc", "1", "8", "100", NR_MEETS, 0 },            /* 8% is well past 3% */
	{ "revenue", "1", "7.999", "100", NR_FAILS, NR_WHY_NET },
	{ "revenue", "4.001", "15", "29.999", NR_FAILS,
	  NR_WHY_MIN | NR_WHY_SHARE | NR_WHY_NET },
	/* Values the spreadsheet would drift on in floating point. */
	{ "tcoc", "1", "10.001", "29.997", NR_FAILS, NR_WHY_SHARE | NR_WHY_NET },
	{ "tcoc", "1", "7.5", "40", NR_MEETS, 0 },           /* 0.075 x 0.4 = 0.03 */
	{ "revenue", "1", "13.333", "60", NR_FAILS, NR_WHY_NET }, /* 7.9998% */
};

START_TEST(test_boundaries)
{
	struct contract c;
	struct nr_eval e;

	make(&c, "commercial", boundaries[_i].type, boundaries[_i].min,
	     boundaries[_i].max, boundaries[_i].share, "100");
	nominal_evaluate(&c, &e);
	ck_assert_msg(e.status == boundaries[_i].status,
	              "case %d: status %d", _i, e.status);
	ck_assert_uint_eq(e.why, boundaries[_i].why);
	contract_clear(&c);
}
END_TEST

START_TEST(test_incomplete)
{
	struct contract c;
	struct nr_eval e;
	struct nr_totals t;
	char why[256];

	nominal_totals_init(&t);
	/* No risk maximum: incomplete, never qualifying, counted as not meeting. */
	make(&c, "commercial", "tcoc", "1", NULL, "60", "1000");
	nominal_evaluate(&c, &e);
	ck_assert_int_eq(e.status, NR_INCOMPLETE);
	ck_assert_uint_eq(e.missing, NR_HAS_MAX);
	ck_assert(!e.has_net);
	nominal_explain(&e, &c, why, sizeof why);
	ck_assert_str_eq(why, "incomplete: no risk maximum");
	nominal_totals_apply(&t, &c, +1);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], 100000);
	ck_assert_int_eq(t.meets[LOB_COMMERCIAL], 0);
	ck_assert_int_eq(t.incomplete, 1);
	contract_clear(&c);

	/* No line: its dollars count in no line. */
	make(&c, NULL, "tcoc", "1", "10", "60", "250.50");
	nominal_evaluate(&c, &e);
	ck_assert_int_eq(e.status, NR_INCOMPLETE);
	nominal_totals_apply(&t, &c, +1);
	ck_assert_int_eq(t.unplaced, 25050);
	ck_assert_int_eq(t.incomplete, 2);
	ck_assert_int_eq(t.contracts, 2);
	contract_clear(&c);

	/* Missing several, and a failing term beside them. */
	make(&c, "medicaid", NULL, "5", NULL, "10", NULL);
	nominal_evaluate(&c, &e);
	nominal_explain(&e, &c, why, sizeof why);
	ck_assert_str_eq(why, "incomplete: no contract type, no risk maximum, "
	                 "no total dollars; risk minimum 5.0% is above 4%; "
	                 "shared risk 10.0% is below 30%");
	contract_clear(&c);
}
END_TEST

START_TEST(test_explain)
{
	struct contract c;
	struct nr_eval e;
	char why[256];

	make(&c, "Commercial", "TCOC", "2%", "15%", "25%", "100,000,000");
	nominal_evaluate(&c, &e);
	nominal_explain(&e, &c, why, sizeof why);
	ck_assert_str_eq(why, "shared risk 25.0% is below 30%");
	contract_clear(&c);

	make(&c, "Commercial", "% Revenue", "1%", "10%", "25%", "10,000,000");
	nominal_evaluate(&c, &e);
	nominal_explain(&e, &c, why, sizeof why);
	ck_assert_str_eq(why, "shared risk 25.0% is below 30%; net risk 2.5% is "
	                 "below 8% (% revenue)");
	contract_clear(&c);

	make(&c, "medicare", "tcoc", "1", "10", "70", "1");
	nominal_evaluate(&c, &e);
	nominal_explain(&e, &c, why, sizeof why);
	ck_assert_str_eq(why, "meets the LAN nominal risk threshold");
	contract_clear(&c);
}
END_TEST

START_TEST(test_results)
{
	/* The columns the exports carry, worked out by hand. */
	struct contract c;
	char buf[256], err[256];

	make(&c, "Commercial", "% Revenue", "1%", "10%", "25%", "10,000,000");
	nominal_format_result(&c, NR_R_NET_RISK, buf, sizeof buf);
	ck_assert_str_eq(buf, "2.5");                  /* 10% x 25% */
	nominal_format_result(&c, NR_R_MEETS, buf, sizeof buf);
	ck_assert_str_eq(buf, "no");
	nominal_format_result(&c, NR_R_WHY_NOT, buf, sizeof buf);
	ck_assert_str_eq(buf, "shared risk 25.0% is below 30%; net risk 2.5% is "
	                 "below 8% (% revenue)");
	/* Read back: the same number in any exact spelling, blank not given. */
	ck_assert(nominal_check_result(&c, NR_R_NET_RISK, "2.5", err, sizeof err));
	ck_assert(nominal_check_result(&c, NR_R_NET_RISK, " 2.50% ", err,
	                               sizeof err));
	ck_assert(nominal_check_result(&c, NR_R_NET_RISK, "", err, sizeof err));
	ck_assert(nominal_check_result(&c, NR_R_MEETS, "NO", err, sizeof err));
	ck_assert(nominal_check_result(&c, NR_R_WHY_NOT, "too little risk", err,
	                               sizeof err));
	ck_assert(!nominal_check_result(&c, NR_R_NET_RISK, "25", err,
	                                sizeof err));
	ck_assert_str_eq(err, "is not the contract's net risk: risk_max 10.0% x "
	                 "shared_risk 25.0% is 2.5%");
	ck_assert(!nominal_check_result(&c, NR_R_MEETS, "yes", err, sizeof err));
	ck_assert_str_eq(err, "says yes, but the contract does not meet the "
	                 "threshold: shared risk 25.0% is below 30%; net risk "
	                 "2.5% is below 8% (% revenue)");
	ck_assert(!nominal_check_result(&c, NR_R_MEETS, "maybe", err,
	                                sizeof err));
	ck_assert_str_eq(err, "is not yes or no");
	contract_clear(&c);

	make(&c, "medicare", "tcoc", "1", "10", "70", "1");
	nominal_format_result(&c, NR_R_NET_RISK, buf, sizeof buf);
	ck_assert_str_eq(buf, "7.0");
	nominal_format_result(&c, NR_R_MEETS, buf, sizeof buf);
	ck_assert_str_eq(buf, "yes");
	nominal_format_result(&c, NR_R_WHY_NOT, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	ck_assert(!nominal_check_result(&c, NR_R_MEETS, "no", err, sizeof err));
	ck_assert_str_eq(err, "says no, but the contract meets the threshold");
	ck_assert(!nominal_check_result(&c, NR_R_WHY_NOT, "x", err, sizeof err));
	ck_assert_str_eq(err, "gives a reason, but the contract meets the "
	                 "threshold");
	contract_clear(&c);

	/* Incomplete: no net risk without a maximum, and it does not meet. */
	make(&c, "commercial", "tcoc", "1", NULL, "60", "1000");
	nominal_format_result(&c, NR_R_NET_RISK, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	nominal_format_result(&c, NR_R_MEETS, buf, sizeof buf);
	ck_assert_str_eq(buf, "no");
	nominal_format_result(&c, NR_R_WHY_NOT, buf, sizeof buf);
	ck_assert_str_eq(buf, "incomplete: no risk maximum");
	ck_assert(!nominal_check_result(&c, NR_R_NET_RISK, "6", err, sizeof err));
	ck_assert_str_eq(err, "is given, but the contract has no net risk: it "
	                 "needs both risk_max and shared_risk");
	contract_clear(&c);
}
END_TEST

START_TEST(test_fraction_fields)
{
	/* Spreadsheet percent cells: 0.04 is 4%, and the rule is the same. */
	struct contract c;
	struct nr_eval e;
	char err[256];

	contract_init(&c);
	ck_assert(nominal_parse_field(&c, NR_F_LINE, "commercial", err,
	                              sizeof err));
	ck_assert(nominal_parse_field_fraction(&c, NR_F_TYPE, "tcoc", err,
	                                       sizeof err));
	ck_assert(nominal_parse_field_fraction(&c, NR_F_RISK_MIN, "0.04", err,
	                                       sizeof err));
	ck_assert(nominal_parse_field_fraction(&c, NR_F_RISK_MAX, "0.1", err,
	                                       sizeof err));
	ck_assert(nominal_parse_field_fraction(&c, NR_F_SHARED_RISK, "0.3", err,
	                                       sizeof err));
	ck_assert(nominal_parse_field_fraction(&c, NR_F_DOLLARS, "1,000", err,
	                                       sizeof err));
	ck_assert_int_eq(c.risk_min, 4 * PCT_UNIT);
	ck_assert_int_eq(c.shared_risk, 30 * PCT_UNIT);
	nominal_evaluate(&c, &e);
	ck_assert_int_eq(e.status, NR_MEETS);          /* 10% x 30% = 3% */
	ck_assert(!nominal_parse_field_fraction(&c, NR_F_RISK_MAX, "10", err,
	                                        sizeof err));
	ck_assert_str_eq(err, "is more than 1, which as a fraction is more "
	                 "than 100%");
	contract_clear(&c);
}
END_TEST

START_TEST(test_apply_and_take_back)
{
	struct nr_totals t, zero;
	struct contract cs[40];
	unsigned seed = 12345;

	nominal_totals_init(&t);
	nominal_totals_init(&zero);
	for (int i = 0; i < 40; i++) {
		char min[16], max[16], share[16], dollars[32];

		seed = seed * 1103515245u + 12345u;
		snprintf(min, sizeof min, "%u.%03u", seed % 8, (seed >> 8) % 1000);
		snprintf(max, sizeof max, "%u", 5 + (seed >> 4) % 20);
		snprintf(share, sizeof share, "%u", 20 + (seed >> 12) % 70);
		snprintf(dollars, sizeof dollars, "%u.%02u", seed % 1000000, seed % 100);
		make(&cs[i], (seed >> 3) % 3 == 0 ? "commercial" :
		     (seed >> 3) % 3 == 1 ? "medicare" : "medicaid",
		     (seed >> 5) % 2 ? "tcoc" : "revenue", min, max,
		     (seed >> 7) % 9 ? share : NULL, dollars);
		nominal_totals_apply(&t, &cs[i], +1);
	}
	for (int i = 39; i >= 0; i--) {
		nominal_totals_apply(&t, &cs[i], -1);
		contract_clear(&cs[i]);
	}
	ck_assert_mem_eq(&t, &zero, sizeof t);
}
END_TEST

START_TEST(test_overflow)
{
	struct nr_totals t;
	struct contract c;

	nominal_totals_init(&t);
	make(&c, "commercial", "tcoc", "1", "10", "60", "99999999999999.99");
	for (int i = 0; i < 1000 && !t.overflow; i++)
		nominal_totals_apply(&t, &c, +1);
	ck_assert(t.overflow);
	contract_clear(&c);
}
END_TEST

START_TEST(test_parse_fields)
{
	struct contract c;
	char err[200], buf[64], longlabel[300];

	contract_init(&c);
	ck_assert(nominal_parse_field(&c, NR_F_LINE, " MA ", err, sizeof err));
	ck_assert_int_eq(c.line, LOB_MA);
	nominal_format_field(&c, NR_F_LINE, buf, sizeof buf);
	ck_assert_str_eq(buf, "medicare");
	ck_assert(!nominal_parse_field(&c, NR_F_LINE, "dental", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "commercial, medicare or medicaid"));
	ck_assert_int_eq(c.line, LOB_MA);   /* a refused value changes nothing */

	ck_assert(nominal_parse_field(&c, NR_F_TYPE, "Percent of Revenue", err, sizeof err));
	ck_assert_int_eq(c.type, NR_REVENUE);
	ck_assert(nominal_parse_field(&c, NR_F_TYPE, "benchmark", err, sizeof err));
	ck_assert_int_eq(c.type, NR_TCOC);
	ck_assert(!nominal_parse_field(&c, NR_F_TYPE, "capitation", err, sizeof err));

	ck_assert(nominal_parse_field(&c, NR_F_RISK_MAX, "12.125%", err, sizeof err));
	ck_assert_int_eq(c.risk_max, 12125);
	nominal_format_field(&c, NR_F_RISK_MAX, buf, sizeof buf);
	ck_assert_str_eq(buf, "12.125");
	ck_assert(!nominal_parse_field(&c, NR_F_RISK_MAX, "101", err, sizeof err));
	ck_assert(!nominal_parse_field(&c, NR_F_RISK_MAX, "1.0001", err, sizeof err));
	ck_assert(nominal_parse_field(&c, NR_F_RISK_MAX, "", err, sizeof err));
	ck_assert(!(c.has & NR_HAS_MAX));
	nominal_format_field(&c, NR_F_RISK_MAX, buf, sizeof buf);
	ck_assert_str_eq(buf, "");

	ck_assert(nominal_parse_field(&c, NR_F_DOLLARS, "$1,500,000,000", err, sizeof err));
	nominal_format_field(&c, NR_F_DOLLARS, buf, sizeof buf);
	ck_assert_str_eq(buf, "1500000000.00");
	ck_assert(!nominal_parse_field(&c, NR_F_DOLLARS, "-5", err, sizeof err));

	ck_assert(nominal_parse_field(&c, NR_F_LABEL, "  Contract 7 ", err, sizeof err));
	ck_assert_str_eq(c.label, "Contract 7");
	ck_assert(!nominal_parse_field(&c, NR_F_LABEL, "bad\x1b[2Jlabel", err, sizeof err));
	ck_assert_str_eq(c.label, "Contract 7");
	memset(longlabel, 'x', sizeof longlabel - 1);
	longlabel[sizeof longlabel - 1] = '\0';
	ck_assert(!nominal_parse_field(&c, NR_F_LABEL, longlabel, err, sizeof err));
	longlabel[NR_LABEL_MAX] = '\0';
	ck_assert(nominal_parse_field(&c, NR_F_LABEL, longlabel, err, sizeof err));
	contract_clear(&c);
	ck_assert_ptr_null(c.label);
}
END_TEST

static Suite *nominal_suite(void)
{
	Suite *s = suite_create("nominal");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_tab9_rows, 0, (int)(sizeof tab9 / sizeof *tab9));
	tcase_add_test(tc, test_tab9_totals);
	tcase_add_loop_test(tc, test_boundaries, 0,
	                    (int)(sizeof boundaries / sizeof *boundaries));
	tcase_add_test(tc, test_incomplete);
	tcase_add_test(tc, test_explain);
	tcase_add_test(tc, test_results);
	tcase_add_test(tc, test_fraction_fields);
	tcase_add_test(tc, test_apply_and_take_back);
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_parse_fields);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(nominal_suite());
}
