/* SPDX-License-Identifier: MIT */
/* check_aggregate.c: the national measures over three submissions worked
 * out on paper, blank lines and measures, overflow and plans sent twice. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "answers.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"
#include "money.h"
#include "testlib.h"
#include "validate.h"

static const struct edition *ed;

struct plan {
	struct answers *a;
	struct figures *f;
};

static void plan_new(struct plan *p)
{
	ed = test_edition();
	p->a = answers_new(ed);
	p->f = figures_new(ed);
	ck_assert_ptr_nonnull(p->a);
	ck_assert_ptr_nonnull(p->f);
}

static void plan_free(struct plan *p)
{
	figures_free(p->f);
	answers_free(p->a);
}

static void set(struct plan *p, const char *key, const char *text)
{
	int q = edition_find(ed, key);
	char *canonical, err[256];

	ck_assert_msg(q >= 0, "no key %s", key);
	ck_assert_msg(validate_answer(ed, q, text, &canonical, err, sizeof err),
	              "%s = '%s': %s", key, text, err);
	ck_assert(answers_set(p->a, q, canonical));
	free(canonical);
}

/* The three plans of tests/cli/aggregate.sh and the man page, in millions
 * of dollars:
 *   A, commercial: row 1 1000 = cat 1 (row 2) 350 + P4P (row 4) 100 +
 *      FFS shared risk (row 8) 300 + population-based (row 12) 250;
 *      nominal risk attested, so row 8's 300 meet.
 *   B, commercial: row 1 3000 = row 2 1500 + shared savings (row 6) 500 +
 *      procedure bundles (row 9) 1000; medicaid: row 1 2000 = row 2 2000;
 *      no FFS shared risk, so no nominal risk.
 *   C, MA: row 1 500 = integrated (row 15) 500; row 2 holds 999 under a
 *      legacy model marked not in effect: hidden, counted nowhere. */
static void plan_a(struct plan *p)
{
	set(p, "gi.org_name", "Alpha Health");
	set(p, "gi.lob.commercial", "yes");
	set(p, "pm.commercial.cat1_legacy", "yes");
	set(p, "pm.commercial.cat2c_p4p", "yes");
	set(p, "pm.commercial.cat3b_shared_risk", "yes");
	set(p, "pm.commercial.cat4b_population", "yes");
	set(p, "commercial.m1", "1000000000");
	set(p, "commercial.m2", "350000000");
	set(p, "commercial.m4", "100000000");
	set(p, "commercial.m8", "300000000");
	set(p, "commercial.m12", "250000000");
	set(p, "nr.method", "attest");
}

static void plan_b(struct plan *p)
{
	set(p, "gi.org_name", "Beta Care");
	set(p, "gi.lob.commercial", "yes");
	set(p, "gi.lob.medicaid", "yes");
	set(p, "pm.commercial.cat1_legacy", "yes");
	set(p, "pm.commercial.cat3a_shared_savings", "yes");
	set(p, "pm.commercial.cat3b_procedure_bundles", "yes");
	set(p, "pm.medicaid.cat1_legacy", "yes");
	set(p, "commercial.m1", "3000000000");
	set(p, "commercial.m2", "1500000000");
	set(p, "commercial.m6", "500000000");
	set(p, "commercial.m9", "1000000000");
	set(p, "medicaid.m1", "2000000000");
	set(p, "medicaid.m2", "2000000000");
}

static void plan_c(struct plan *p)
{
	set(p, "gi.org_name", "Gamma Plan");
	set(p, "gi.lob.ma", "yes");
	set(p, "pm.ma.cat1_legacy", "no");
	set(p, "pm.ma.cat4c_integrated", "yes");
	set(p, "ma.m1", "500000000");
	set(p, "ma.m2", "999000000");
	set(p, "ma.m15", "500000000");
}

static void add_plan(struct agg_sums *s, void (*make)(struct plan *))
{
	struct plan p;
	struct agg_file m;
	struct agg_rows rows;
	int line = -1, measure = -1;

	plan_new(&p);
	agg_rows_init(&rows, ed);
	make(&p);
	figures_compute(p.f, p.a, NULL);
	ck_assert(agg_file_measures(&rows, p.f, &m));
	ck_assert(agg_add(s, &m, &line, &measure));
	plan_free(&p);
}

/* The dollars ("" blank) and share of one line and measure. */
static void ck_value(const struct agg_sums *s, int line, int m,
                     const char *dollars, const char *share)
{
	struct agg_value v;
	char d[MONEY_BUFSZ] = "", p[PCT_BUFSZ] = "n/a";

	agg_value(s, line, m, &v);
	ck_assert(!v.overflow);
	if (!v.blank)
		money_format(v.cents, d);
	if (v.share.ok)
		pct_format_share(v.share.pct, p);
	ck_assert_msg(strcmp(d, dollars) == 0 && strcmp(p, share) == 0,
	              "%s %s: %s, %s%% (want %s, %s%%)", agg_line_id(line),
	              agg_measure_id(m), d, p, dollars, share);
}

static void three_plans(struct agg_sums *s)
{
	int measure = -1;

	agg_init(s);
	add_plan(s, plan_a);
	add_plan(s, plan_b);
	add_plan(s, plan_c);
	ck_assert(agg_finish(s, &measure));
	ck_assert_uint_eq(s->files, 3);
}

START_TEST(test_one_plan_measures)
{
	struct plan p;
	struct agg_file m;
	struct agg_rows rows;

	plan_new(&p);
	agg_rows_init(&rows, ed);
	plan_a(&p);
	figures_compute(p.f, p.a, NULL);
	ck_assert(agg_file_measures(&rows, p.f, &m));
	/* cat 2 = row 5 = row 4; cat 3 = row 10 = row 8; cat 4 = row 16 =
	 * row 12; 3B-4 = row 8 + row 16 (row 9 is hidden). */
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_TOTAL].cents, 100000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT2].cents, 10000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT3].cents, 30000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT4].cents, 25000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT2_4].cents, 65000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT3_4].cents, 55000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_CAT3B_4].cents, 55000000000);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_NR_MEETS].cents, 30000000000);
	ck_assert(m.m[LOB_COMMERCIAL][AGG_NR_FAILS].has);
	ck_assert_int_eq(m.m[LOB_COMMERCIAL][AGG_NR_FAILS].cents, 0);
	/* Lines not reported on are blank, not zero. */
	ck_assert(!m.m[LOB_MA][AGG_TOTAL].has);
	ck_assert(!m.m[LOB_MEDICAID][AGG_CAT1].has);
	plan_free(&p);
}
END_TEST

/* Commercial, A + B: total 1000 + 3000 = 4000.
 *   cat1 350 + 1500 = 1850: 46.25% -> 46.3 (half away from zero)
 *   cat2 100 (B has none: blank adds nothing): 2.5
 *   cat3 300 + (500 + 1000) = 1800: 45.0
 *   cat4 250 (B blank): 6.25% -> 6.3
 *   cat2_4 650 + 1500 = 2150: 53.75% -> 53.8
 *   cat3_4 550 + 1500 = 2050: 51.25% -> 51.3
 *   cat3b_4 (300 + 250) + (1000) = 1550: 38.75% -> 38.8
 *   nr_meets 300 (attested row 8; B has no nominal risk): 7.5
 *   nr_fails 0: 0.0 */
START_TEST(test_three_plans_commercial)
{
	struct agg_sums s;

	three_plans(&s);
	ck_value(&s, LOB_COMMERCIAL, AGG_TOTAL, "4000000000.00", "100.0");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT1, "1850000000.00", "46.3");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT2, "100000000.00", "2.5");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT3, "1800000000.00", "45.0");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT4, "250000000.00", "6.3");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT2_4, "2150000000.00", "53.8");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT3_4, "2050000000.00", "51.3");
	ck_value(&s, LOB_COMMERCIAL, AGG_CAT3B_4, "1550000000.00", "38.8");
	ck_value(&s, LOB_COMMERCIAL, AGG_NR_MEETS, "300000000.00", "7.5");
	ck_value(&s, LOB_COMMERCIAL, AGG_NR_FAILS, "0.00", "0.0");
	ck_assert_uint_eq(s.reporting[LOB_COMMERCIAL], 2);
}
END_TEST

/* MA, C alone: total 500; its row 2 of 999 is hidden, so cat1 is 0 of
 * 500 (nationally 0.0%, not n/a: the line has a total); cat4, 2-4, 3-4
 * and 3B-4 are all row 16 = 500: 100.0.  Medicaid, B alone: total 2000,
 * cat1 2000: 100.0, the rest 0.0. */
START_TEST(test_three_plans_ma_medicaid)
{
	struct agg_sums s;

	three_plans(&s);
	ck_value(&s, LOB_MA, AGG_TOTAL, "500000000.00", "100.0");
	ck_value(&s, LOB_MA, AGG_CAT1, "0.00", "0.0");
	ck_value(&s, LOB_MA, AGG_CAT4, "500000000.00", "100.0");
	ck_value(&s, LOB_MA, AGG_CAT3B_4, "500000000.00", "100.0");
	ck_value(&s, LOB_MA, AGG_NR_MEETS, "0.00", "0.0");
	ck_value(&s, LOB_MEDICAID, AGG_TOTAL, "2000000000.00", "100.0");
	ck_value(&s, LOB_MEDICAID, AGG_CAT1, "2000000000.00", "100.0");
	ck_value(&s, LOB_MEDICAID, AGG_CAT3, "0.00", "0.0");
	ck_assert_uint_eq(s.reporting[LOB_MA], 1);
	ck_assert_uint_eq(s.reporting[LOB_MEDICAID], 1);
}
END_TEST

/* All lines: total 4000 + 500 + 2000 = 6500.
 *   cat1 1850 + 0 + 2000 = 3850: 59.2307..% -> 59.2
 *   cat2 100: 1.538..% -> 1.5
 *   cat3 1800: 27.692..% -> 27.7
 *   cat4 250 + 500 = 750: 11.538..% -> 11.5
 *   cat2_4 2150 + 500 = 2650: 40.769..% -> 40.8
 *   cat3_4 2050 + 500 = 2550: 39.230..% -> 39.2
 *   cat3b_4 1550 + 500 = 2050: 31.538..% -> 31.5
 *   nr_meets 300: 4.615..% -> 4.6; nr_fails 0: 0.0 */
START_TEST(test_three_plans_all)
{
	struct agg_sums s;

	three_plans(&s);
	ck_value(&s, AGG_ALL, AGG_TOTAL, "6500000000.00", "100.0");
	ck_value(&s, AGG_ALL, AGG_CAT1, "3850000000.00", "59.2");
	ck_value(&s, AGG_ALL, AGG_CAT2, "100000000.00", "1.5");
	ck_value(&s, AGG_ALL, AGG_CAT3, "1800000000.00", "27.7");
	ck_value(&s, AGG_ALL, AGG_CAT4, "750000000.00", "11.5");
	ck_value(&s, AGG_ALL, AGG_CAT2_4, "2650000000.00", "40.8");
	ck_value(&s, AGG_ALL, AGG_CAT3_4, "2550000000.00", "39.2");
	ck_value(&s, AGG_ALL, AGG_CAT3B_4, "2050000000.00", "31.5");
	ck_value(&s, AGG_ALL, AGG_NR_MEETS, "300000000.00", "4.6");
	ck_value(&s, AGG_ALL, AGG_NR_FAILS, "0.00", "0.0");
	ck_assert_uint_eq(s.reporting[AGG_ALL], 3);
}
END_TEST

/* A line no counted plan reports is blank, its shares n/a; a zero total
 * has no shares either. */
START_TEST(test_blank_and_zero_totals)
{
	struct agg_sums s;
	struct plan p;
	struct agg_file m;
	struct agg_rows rows;
	int line, measure;

	agg_init(&s);
	add_plan(&s, plan_a);
	ck_assert(agg_finish(&s, &measure));
	ck_value(&s, LOB_MEDICAID, AGG_TOTAL, "", "n/a");
	ck_value(&s, LOB_MEDICAID, AGG_CAT1, "", "n/a");
	ck_value(&s, LOB_MA, AGG_NR_MEETS, "", "n/a");

	agg_init(&s);
	plan_new(&p);
	agg_rows_init(&rows, ed);
	set(&p, "gi.lob.medicaid", "yes");
	set(&p, "pm.medicaid.cat1_legacy", "yes");
	set(&p, "medicaid.m1", "0");
	set(&p, "medicaid.m2", "0");
	figures_compute(p.f, p.a, NULL);
	ck_assert(agg_file_measures(&rows, p.f, &m));
	ck_assert(agg_add(&s, &m, &line, &measure));
	ck_assert(agg_finish(&s, &measure));
	ck_value(&s, LOB_MEDICAID, AGG_TOTAL, "0.00", "n/a");
	ck_value(&s, LOB_MEDICAID, AGG_CAT1, "0.00", "n/a");
	plan_free(&p);
}
END_TEST

/* A hidden line counts nowhere: C's MA dollars stay out once MA is
 * deselected, though the file keeps them. */
START_TEST(test_hidden_line_counts_nowhere)
{
	struct plan p;
	struct agg_file m;
	struct agg_rows rows;

	plan_new(&p);
	agg_rows_init(&rows, ed);
	plan_c(&p);
	set(&p, "gi.lob.commercial", "yes");
	set(&p, "gi.lob.ma", "no");
	figures_compute(p.f, p.a, NULL);
	ck_assert(agg_file_measures(&rows, p.f, &m));
	for (int k = 0; k < AGG_NMEASURES; k++)
		ck_assert_msg(!m.m[LOB_MA][k].has, "ma %s counted",
		              agg_measure_id(k));
	plan_free(&p);
}
END_TEST

/* INT64_MAX / MONEY_MAX = 922.3..: 922 plans at the largest row 1 fit,
 * the 923rd does not.  The cell is marked and given as overflow; the
 * other cells go on summing. */
START_TEST(test_overflow)
{
	struct agg_sums s;
	struct agg_file m;
	struct agg_value v;
	int line = -1, measure = -1;

	memset(&m, 0, sizeof m);
	m.m[LOB_MA][AGG_TOTAL].has = true;
	m.m[LOB_MA][AGG_TOTAL].cents = MONEY_MAX;
	m.m[LOB_MA][AGG_CAT1].has = true;
	m.m[LOB_MA][AGG_CAT1].cents = 1;
	agg_init(&s);
	for (int i = 0; i < 922; i++)
		ck_assert(agg_add(&s, &m, &line, &measure));
	ck_assert(!agg_add(&s, &m, &line, &measure));
	ck_assert_int_eq(line, LOB_MA);
	ck_assert_int_eq(measure, AGG_TOTAL);
	ck_assert(!agg_add(&s, &m, &line, &measure));   /* stays so */
	ck_assert_int_eq(s.c[LOB_MA][AGG_CAT1].cents, 924);
	agg_value(&s, LOB_MA, AGG_TOTAL, &v);
	ck_assert(v.overflow && !v.share.ok);
	agg_value(&s, LOB_MA, AGG_CAT1, &v);
	ck_assert(!v.overflow && !v.share.ok);   /* of a total not given */
	ck_assert(!agg_finish(&s, &measure));
	ck_assert_int_eq(measure, AGG_TOTAL);
	agg_value(&s, AGG_ALL, AGG_TOTAL, &v);
	ck_assert(v.overflow);
}
END_TEST

/* A submission whose own figures went past the range (its worksheet's
 * kept sums, here) is not to be counted: its n/a is not a blank. */
START_TEST(test_file_that_overflows)
{
	struct plan p;
	struct agg_file m;
	struct agg_rows rows;
	struct nr_totals t;

	plan_new(&p);
	agg_rows_init(&rows, ed);
	plan_a(&p);
	set(&p, "nr.method", "worksheet");
	nominal_totals_init(&t);
	t.overflow = true;
	figures_compute(p.f, p.a, &t);
	ck_assert(!agg_file_measures(&rows, p.f, &m));
	ck_assert(m.m[LOB_COMMERCIAL][AGG_NR_MEETS].overflow);
	nominal_totals_init(&t);
	figures_compute(p.f, p.a, &t);
	ck_assert(agg_file_measures(&rows, p.f, &m));
	plan_free(&p);
}
END_TEST

/* Three lines that each fit but not together: "all" overflows. */
START_TEST(test_overflow_all_lines)
{
	struct agg_sums s;
	struct agg_value v;
	int measure = -1;

	agg_init(&s);
	for (int l = 0; l < LOB_COUNT; l++) {
		s.c[l][AGG_CAT4].any = true;
		s.c[l][AGG_CAT4].cents = INT64_C(4000000000000000000);
	}
	ck_assert(!agg_finish(&s, &measure));
	ck_assert_int_eq(measure, AGG_CAT4);
	agg_value(&s, AGG_ALL, AGG_CAT4, &v);
	ck_assert(v.overflow);
	agg_value(&s, LOB_MA, AGG_CAT4, &v);
	ck_assert(!v.overflow);
	ck_assert_int_eq(v.cents, INT64_C(4000000000000000000));
}
END_TEST

START_TEST(test_same_organisation)
{
	struct agg_orgs o;
	size_t first = 99;

	agg_orgs_init(&o);
	ck_assert_int_eq(agg_orgs_add(&o, "Acme Health Plan", 0, &first), 0);
	ck_assert_int_eq(agg_orgs_add(&o, "Beta Care", 1, &first), 0);
	ck_assert_int_eq(agg_orgs_add(&o, "  acme   HEALTH plan ", 2, &first), 1);
	ck_assert_uint_eq(first, 0);
	ck_assert_int_eq(agg_orgs_add(&o, "Acme Health Plans", 3, &first), 0);
	ck_assert_int_eq(agg_orgs_add(&o, "   ", 4, &first), 0);
	ck_assert_int_eq(agg_orgs_add(&o, "", 5, &first), 0);
	ck_assert_int_eq(agg_orgs_add(&o, NULL, 6, &first), 0);
	/* Enough plans to make the table grow, each once, then again. */
	for (size_t i = 0; i < 500; i++) {
		char name[32];

		snprintf(name, sizeof name, "Plan %zu", i);
		ck_assert_int_eq(agg_orgs_add(&o, name, 10 + i, &first), 0);
	}
	for (size_t i = 0; i < 500; i++) {
		char name[32];

		snprintf(name, sizeof name, "plan %zu", i);
		ck_assert_int_eq(agg_orgs_add(&o, name, 1000 + i, &first), 1);
		ck_assert_uint_eq(first, 10 + i);
	}
	agg_orgs_free(&o);
}
END_TEST

/* The table of organisations out of memory: -1, and it still holds what
 * it held. */
START_TEST(test_same_organisation_out_of_memory)
{
	struct agg_orgs o;
	size_t first = 99;
	int rc = 0;

	agg_orgs_init(&o);
	for (size_t i = 0; i < 32; i++) {
		char name[32];

		snprintf(name, sizeof name, "Plan %zu", i);
		ck_assert_int_eq(agg_orgs_add(&o, name, i, &first), 0);
	}
	mem_fail_at(1, 1);
	rc = agg_orgs_add(&o, "Plan 32", 32, &first);
	mem_fail_at(0, 0);
	ck_assert_int_eq(rc, -1);
	ck_assert_int_eq(agg_orgs_add(&o, "plan 7", 40, &first), 1);
	ck_assert_uint_eq(first, 7);
	agg_orgs_free(&o);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(agg_measure_id(AGG_CAT3B_4), "cat3b_4");
	ck_assert_str_eq(agg_measure_id(AGG_NR_FAILS), "nr_fails");
	ck_assert_str_eq(agg_line_id(LOB_MA), "ma");
	ck_assert_str_eq(agg_line_id(AGG_ALL), "all");
}
END_TEST

static Suite *aggregate_suite(void)
{
	Suite *s = suite_create("aggregate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_one_plan_measures);
	tcase_add_test(tc, test_three_plans_commercial);
	tcase_add_test(tc, test_three_plans_ma_medicaid);
	tcase_add_test(tc, test_three_plans_all);
	tcase_add_test(tc, test_blank_and_zero_totals);
	tcase_add_test(tc, test_hidden_line_counts_nowhere);
	tcase_add_test(tc, test_overflow);
	tcase_add_test(tc, test_overflow_all_lines);
	tcase_add_test(tc, test_file_that_overflows);
	tcase_add_test(tc, test_same_organisation);
	tcase_add_test(tc, test_same_organisation_out_of_memory);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(aggregate_suite());
}
