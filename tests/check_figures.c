/* SPDX-License-Identifier: MIT */
/* check_figures.c: display logic, computed rows, shares, cross-checks and
 * the nominal-risk summary, against figures worked out by hand. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "figures.h"
#include "testlib.h"
#include "validate.h"

static const struct edition *ed;
static struct answers *a;
static struct figures *f;
static struct nr_totals totals;

static void setup(void)
{
	ed = test_edition();
	a = answers_new(ed);
	f = figures_new(ed);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(f);
	nominal_totals_init(&totals);
}

static void teardown(void)
{
	figures_free(f);
	answers_free(a);
}

/* Sets an answer as typed, through the same validation as the screen. */
static void set(const char *key, const char *text)
{
	int q = edition_find(ed, key);
	char *canonical, err[256];

	ck_assert_msg(q >= 0, "no key %s", key);
	ck_assert_msg(validate_answer(ed, q, text, &canonical, err, sizeof err),
	              "%s = '%s': %s", key, text, err);
	ck_assert(answers_set(a, q, canonical));
	free(canonical);
}

static const char *get(const char *key)
{
	static char buf[4][256];
	static int next;
	char *b = buf[next++ % 4];

	figures_compute(f, a, &totals);
	ck_assert_msg(figures_key_text(f, a, key, b, 256) != KEY_UNKNOWN,
	              "unknown key %s", key);
	return b;
}

static bool shown(const char *key)
{
	int q = edition_find(ed, key);

	ck_assert_msg(q >= 0, "no key %s", key);
	figures_compute(f, a, &totals);
	return f->shown[q];
}

START_TEST(test_display_logic_lines)
{
	ck_assert(shown("gi.contact_name"));
	ck_assert(shown("gi.lob.ma"));
	ck_assert(!shown("gi.members.commercial"));
	ck_assert(!shown("pm.commercial.cat1_legacy"));
	ck_assert(!shown("commercial.m1"));
	ck_assert(!shown("commercial.m5"));
	ck_assert(!shown("nr.method"));

	set("gi.lob.commercial", "yes");
	ck_assert(shown("gi.members.commercial"));
	ck_assert(shown("gi.hours.commercial"));
	ck_assert(!shown("gi.members.ma"));
	ck_assert(shown("pm.commercial.cat1_legacy"));
	ck_assert(!shown("pm.ma.cat1_legacy"));
	ck_assert(shown("commercial.m1"));
	ck_assert(shown("commercial.m5"));     /* totals show with the line */
	ck_assert(!shown("commercial.m2"));    /* its model is not in effect */
	ck_assert(!shown("ma.m1"));

	set("pm.commercial.cat1_legacy", "yes");
	ck_assert(shown("commercial.m2"));
	set("pm.commercial.cat1_legacy", "no");
	ck_assert(!shown("commercial.m2"));

	/* Deselecting the line hides its models' rows even if marked yes. */
	set("pm.commercial.cat1_legacy", "yes");
	set("gi.lob.commercial", "no");
	ck_assert(!shown("pm.commercial.cat1_legacy"));
	ck_assert(!shown("commercial.m2"));
	ck_assert(!shown("commercial.m1"));
	ck_assert_int_eq(f->lines_selected, 0);
}
END_TEST

START_TEST(test_display_logic_informational)
{
	ck_assert(!shown("iq.increase_most"));
	set("iq.trend", "increase");
	ck_assert(shown("iq.increase_most"));
	ck_assert(!shown("iq.decrease_most"));
	set("iq.trend", "decrease");
	ck_assert(!shown("iq.increase_most"));
	ck_assert(shown("iq.decrease_most"));

	ck_assert(!shown("iq.barriers_other"));
	set("iq.barriers", "market, other");
	ck_assert(shown("iq.barriers_other"));
	ck_assert(!shown("iq.facilitators_other"));

	/* Asked only of payers in more than one line. */
	set("gi.lob.ma", "yes");
	ck_assert(!shown("iq.vary_by_lob"));
	set("gi.lob.medicaid", "yes");
	ck_assert(shown("iq.vary_by_lob"));
	set("iq.vary_by_lob", "yes");
	ck_assert(shown("iq.vary_by_lob_how"));
	/* Back to one line: the follow-up goes with its question. */
	set("gi.lob.ma", "no");
	ck_assert(!shown("iq.vary_by_lob"));
	ck_assert(!shown("iq.vary_by_lob_how"));
}
END_TEST

START_TEST(test_tab_numbering)
{
	/* The commercial tab numbers rows 12 and 13 the other way round. */
	ck_assert_int_eq(edition_model_row(ed, LOB_COMMERCIAL, "cat4b_population"),
	                 edition_find(ed, "commercial.m12"));
	ck_assert_int_eq(edition_model_row(ed, LOB_COMMERCIAL, "cat4a_condition_bundles"),
	                 edition_find(ed, "commercial.m13"));
	ck_assert_int_eq(edition_model_row(ed, LOB_MA, "cat4a_condition_bundles"),
	                 edition_find(ed, "ma.m12"));
	ck_assert_int_eq(edition_model_row(ed, LOB_MEDICAID, "cat4b_population"),
	                 edition_find(ed, "medicaid.m13"));
	ck_assert_int_eq(edition_model_row(ed, LOB_MA, "cat3b_shared_risk"),
	                 edition_find(ed, "ma.m8"));
}
END_TEST

/* The line of the screens sketch: $5bn paid, $4.66bn accounted for. */
static void commercial_sketch(void)
{
	set("gi.lob.commercial", "yes");
	set("pm.commercial.cat1_legacy", "yes");
	set("pm.commercial.cat2a_foundational", "yes");
	set("pm.commercial.cat2c_p4p", "yes");
	set("pm.commercial.cat3a_shared_savings", "yes");
	set("pm.commercial.cat3b_shared_risk", "yes");
	set("commercial.m1", "$5,000,000,000.00");
	set("commercial.m2", "2000000000");
	set("commercial.m3", "250,000,000");
	set("commercial.m4", "500000000.00");
	set("commercial.m6", "1,000,000,000");
	set("commercial.m8", "910000000");
}

START_TEST(test_computed_rows_and_shares)
{
	commercial_sketch();
	ck_assert_str_eq(get("commercial.m1"), "5000000000.00");
	ck_assert_str_eq(get("commercial.m2.share"), "40.0");
	ck_assert_str_eq(get("commercial.m3.share"), "5.0");
	ck_assert_str_eq(get("commercial.m4.share"), "10.0");
	ck_assert_str_eq(get("commercial.m5"), "750000000.00");
	ck_assert_str_eq(get("commercial.m5.share"), "15.0");
	ck_assert_str_eq(get("commercial.m6.share"), "20.0");
	ck_assert_str_eq(get("commercial.m8.share"), "18.2");
	ck_assert_str_eq(get("commercial.m10"), "1910000000.00");
	ck_assert_str_eq(get("commercial.m10.share"), "38.2");
	ck_assert_str_eq(get("commercial.m16"), "");        /* nothing to add */
	ck_assert_str_eq(get("commercial.m16.share"), "n/a");
	ck_assert_str_eq(get("commercial.m17"), "2000000000.00");
	ck_assert_str_eq(get("commercial.m17.share"), "40.0");
	ck_assert_str_eq(get("commercial.m18"), "2660000000.00");
	ck_assert_str_eq(get("commercial.m18.share"), "53.2");
	ck_assert_str_eq(get("commercial.m19"), "1910000000.00");
	ck_assert_str_eq(get("commercial.m19.share"), "38.2");
	/* Cross-check: short by $340,000,000.00. */
	ck_assert_str_eq(get("xc.commercial.sum"), "4660000000.00");
	ck_assert_str_eq(get("xc.commercial.ok"), "no");
	ck_assert_str_eq(get("xc.commercial.diff"), "-340000000.00");
	/* Lines not selected have no cross-check. */
	ck_assert_str_eq(get("xc.ma.ok"), "");

	set("commercial.m2", "2340000000");
	ck_assert_str_eq(get("xc.commercial.ok"), "yes");
	ck_assert_str_eq(get("xc.commercial.diff"), "0.00");
	set("commercial.m2", "2340000000.01");
	ck_assert_str_eq(get("xc.commercial.ok"), "no");
	ck_assert_str_eq(get("xc.commercial.diff"), "0.01");
}
END_TEST

START_TEST(test_rounding_and_blank)
{
	set("gi.lob.ma", "yes");
	set("pm.ma.cat1_legacy", "yes");
	set("pm.ma.cat2a_foundational", "yes");
	set("pm.ma.cat2c_p4p", "yes");
	/* Share not computable while row 1 is blank or zero. */
	set("ma.m2", "1125");
	ck_assert_str_eq(get("ma.m2.share"), "n/a");
	ck_assert_str_eq(get("xc.ma.ok"), "");
	set("ma.m1", "0");
	ck_assert_str_eq(get("ma.m2.share"), "n/a");
	ck_assert_str_eq(get("xc.ma.ok"), "no");
	set("ma.m1", "10000");
	ck_assert_str_eq(get("ma.m2.share"), "11.3");   /* 11.25 rounds up */
	/* Blank is not zero: m5 stays blank until m3 or m4 is answered. */
	ck_assert_str_eq(get("ma.m5"), "");
	ck_assert_str_eq(get("ma.m5.share"), "n/a");
	set("ma.m4", "0");
	ck_assert_str_eq(get("ma.m5"), "0.00");
	ck_assert_str_eq(get("ma.m5.share"), "0.0");
	ck_assert_str_eq(get("ma.m3.share"), "n/a");
	/* Exact to the cent: $0.10 + $0.20 is $0.30. */
	set("ma.m1", "0.30");
	set("ma.m2", "0.10");
	set("ma.m3", "0.20");
	set("ma.m4", "");
	ck_assert_str_eq(get("xc.ma.sum"), "0.30");
	ck_assert_str_eq(get("xc.ma.ok"), "yes");
	ck_assert_str_eq(get("ma.m2.share"), "33.3");
	ck_assert_str_eq(get("ma.m3.share"), "66.7");
}
END_TEST

START_TEST(test_hidden_answers_count_nowhere)
{
	int q;

	commercial_sketch();
	set("commercial.m9", "340000000");     /* model not in effect */
	q = edition_find(ed, "commercial.m9");
	figures_compute(f, a, &totals);
	ck_assert(figures_hidden_answer(f, a, q));
	ck_assert_str_eq(get("commercial.m10"), "1910000000.00");
	ck_assert_str_eq(get("xc.commercial.ok"), "no");
	ck_assert_str_eq(get("commercial.m9.share"), "");
	/* Turning the model on brings the kept dollars back. */
	set("pm.commercial.cat3b_procedure_bundles", "yes");
	figures_compute(f, a, &totals);
	ck_assert(!figures_hidden_answer(f, a, q));
	ck_assert_str_eq(get("commercial.m10"), "2250000000.00");
	ck_assert_str_eq(get("xc.commercial.ok"), "yes");
	/* get reads what the file keeps, hidden or not. */
	set("pm.commercial.cat3b_procedure_bundles", "no");
	ck_assert_str_eq(get("commercial.m9"), "340000000.00");
}
END_TEST

/* The workbook's Tab 9 example: three lines' spend and the twelve
 * contracts' sums. */
static void tab9(void)
{
	set("gi.lob.commercial", "yes");
	set("gi.lob.ma", "yes");
	set("gi.lob.medicaid", "yes");
	set("pm.commercial.cat3b_shared_risk", "yes");
	set("pm.ma.cat3b_shared_risk", "yes");
	set("pm.medicaid.cat3b_shared_risk", "yes");
	set("commercial.m1", "5,000,000,000");
	set("ma.m1", "2,900,000,000");
	set("medicaid.m1", "3,100,000,000");
	totals.meets[LOB_COMMERCIAL] = INT64_C(80000000000);
	totals.fails[LOB_COMMERCIAL] = INT64_C(11000000000);
	totals.meets[LOB_MA] = INT64_C(31000000000);
	totals.fails[LOB_MA] = INT64_C(10000000000);
	totals.meets[LOB_MEDICAID] = INT64_C(150000000000);
	totals.fails[LOB_MEDICAID] = INT64_C(1000000000);
	totals.contracts = 12;
}

START_TEST(test_nominal_summary_tab9)
{
	static const struct { const char *key, *value; } want[] = {
		{ "nr.commercial.meets", "800000000.00" },
		{ "nr.commercial.meets.share", "16.0" },
		{ "nr.medicare.meets", "310000000.00" },
		{ "nr.medicare.meets.share", "10.7" },
		{ "nr.medicaid.meets", "1500000000.00" },
		{ "nr.medicaid.meets.share", "48.4" },
		{ "nr.all.meets", "2610000000.00" },
		{ "nr.all.meets.share", "23.7" },
		{ "nr.commercial.fails", "110000000.00" },
		{ "nr.commercial.fails.share", "2.2" },
		{ "nr.medicare.fails", "100000000.00" },
		{ "nr.medicare.fails.share", "3.4" },
		{ "nr.medicaid.fails", "10000000.00" },
		{ "nr.medicaid.fails.share", "0.3" },
		{ "nr.all.fails", "220000000.00" },
		{ "nr.all.fails.share", "2.0" },
		{ "nr.commercial.total", "910000000.00" },
		{ "nr.commercial.total.share", "18.2" },
		{ "nr.medicare.total", "410000000.00" },
		{ "nr.medicare.total.share", "14.1" },
		{ "nr.medicaid.total", "1510000000.00" },
		{ "nr.medicaid.total.share", "48.7" },
		{ "nr.all.total", "2830000000.00" },
		{ "nr.all.total.share", "25.7" },
	};

	tab9();
	ck_assert(shown("nr.method"));
	ck_assert_str_eq(get("nr.all.meets"), "");      /* no method chosen yet */
	set("nr.method", "worksheet");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strcmp(get(want[i].key), want[i].value) == 0,
		              "%s: %s, want %s", want[i].key, get(want[i].key),
		              want[i].value);
	/* Without one line's spend the total share would mislead: n/a. */
	set("ma.m1", "");
	ck_assert_str_eq(get("nr.medicare.meets.share"), "n/a");
	ck_assert_str_eq(get("nr.all.meets.share"), "n/a");
	ck_assert_str_eq(get("nr.all.meets"), "2610000000.00");
}
END_TEST

/* Every sum that goes past the exact range is n/a, in the sum and in all
 * it goes into, wherever the overflow falls: never the sum of the terms
 * after it.  Random kept totals per line (many small, some near the
 * int64 limit) against the exact sum worked out in 128 bits. */
START_TEST(test_nominal_overflow_stays)
{
	unsigned seed = 20261201;
	int overflows = 0, exact = 0;

	tab9();
	set("nr.method", "worksheet");
	for (int round = 0; round < 3000; round++) {
		__extension__ __int128 sum[2] = { 0, 0 };
		const char *part[2] = { "meets", "fails" };
		char key[64];

		nominal_totals_init(&totals);
		for (int l = 0; l < LOB_COUNT; l++) {
			for (int k = 0; k < 2; k++) {
				int64_t v;

				seed = seed * 1103515245u + 12345u;
				switch (seed >> 28) {
				case 0: case 1: case 2:   /* near the top */
					v = INT64_MAX - (int64_t)((seed >> 3) & 0xffffff);
					break;
				case 3: case 4: case 5:   /* a third of it */
					v = INT64_MAX / 3 + (int64_t)(seed & 0xfffff);
					break;
				default:
					v = (int64_t)(seed & 0xfffffff) * 100;
					break;
				}
				(k ? totals.fails : totals.meets)[l] = v;
				sum[k] += v;
			}
		}
		for (int k = 0; k < 2; k++) {
			snprintf(key, sizeof key, "nr.all.%s", part[k]);
			if (sum[k] > INT64_MAX) {
				overflows++;
				ck_assert_msg(strcmp(get(key), "n/a") == 0, "round %d: %s "
				              "is %s after an overflow", round, key, get(key));
				snprintf(key, sizeof key, "nr.all.%s.share", part[k]);
				ck_assert_str_eq(get(key), "n/a");
				ck_assert_str_eq(get("nr.all.total"), "n/a");
				ck_assert(f->overflow);
			} else {
				char want[32];

				exact++;
				snprintf(want, sizeof want, "%lld.%02lld",
				         (long long)(sum[k] / 100),
				         (long long)(sum[k] % 100));
				ck_assert_msg(strcmp(get(key), want) == 0, "round %d: %s is "
				              "%s, want %s", round, key, get(key), want);
			}
		}
	}
	/* Both kinds came up often. */
	ck_assert_int_gt(overflows, 500);
	ck_assert_int_gt(exact, 500);
	/* A line's own kept sum that overflowed: no worksheet figure at all. */
	tab9();
	totals.overflow = true;
	ck_assert_str_eq(get("nr.commercial.meets"), "n/a");
	ck_assert_str_eq(get("nr.all.fails"), "n/a");
	ck_assert_str_eq(get("nr.all.total.share"), "n/a");
}
END_TEST

START_TEST(test_nominal_attest)
{
	tab9();
	set("commercial.m8", "910000000");
	set("nr.method", "attest");
	ck_assert_str_eq(get("nr.commercial.meets"), "910000000.00");
	ck_assert_str_eq(get("nr.commercial.meets.share"), "18.2");
	ck_assert_str_eq(get("nr.commercial.fails"), "0.00");
	ck_assert_str_eq(get("nr.medicare.meets"), "");   /* no row 8 dollars */
	ck_assert_str_eq(get("nr.all.meets"), "910000000.00");
	ck_assert_str_eq(get("nr.all.meets.share"), "8.3");  /* of 11bn */
}
END_TEST

START_TEST(test_progress)
{
	int gi = edition_find_tab(ed, "gi"), com = edition_find_tab(ed, "commercial");

	figures_compute(f, a, &totals);
	/* name, email, phone, organisation, three lines, assumptions */
	ck_assert_int_eq(f->progress[gi].asked, 8);
	ck_assert_int_eq(f->progress[gi].answered, 0);
	ck_assert_int_eq(f->progress[com].asked, 0);
	commercial_sketch();
	figures_compute(f, a, &totals);
	/* plus members and hours for the one line */
	ck_assert_int_eq(f->progress[gi].asked, 10);
	ck_assert_int_eq(f->progress[gi].answered, 1);
	/* row 1 and the five models in effect; computed rows are not asked */
	ck_assert_int_eq(f->progress[com].asked, 6);
	ck_assert_int_eq(f->progress[com].answered, 6);
}
END_TEST

struct collected {
	int n;
	char keys[200][64];
	char values[200][32];
};

static void collect(void *ctx, const char *key, const char *label,
                    const char *value)
{
	struct collected *c = ctx;

	ck_assert_ptr_nonnull(label);
	ck_assert_int_lt(c->n, 200);
	snprintf(c->keys[c->n], sizeof c->keys[0], "%s", key);
	snprintf(c->values[c->n], sizeof c->values[0], "%s", value);
	c->n++;
}

static int find_collected(const struct collected *c, const char *key)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->keys[i], key) == 0)
			return i;
	return -1;
}

START_TEST(test_each_computed)
{
	static struct collected c;
	int m5, m5s, m2s, xc;

	c.n = 0;
	commercial_sketch();
	figures_compute(f, a, &totals);
	figures_each_computed(f, a, collect, &c);
	m2s = find_collected(&c, "commercial.m2.share");
	m5 = find_collected(&c, "commercial.m5");
	m5s = find_collected(&c, "commercial.m5.share");
	xc = find_collected(&c, "xc.commercial.ok");
	ck_assert_int_ge(m2s, 0);
	ck_assert_int_gt(m5, m2s);          /* in row order */
	ck_assert_int_eq(m5s, m5 + 1);
	ck_assert_int_gt(xc, m5s);          /* cross-checks after the rows */
	ck_assert_str_eq(c.values[m5], "750000000.00");
	ck_assert_str_eq(c.values[xc], "no");
	/* Only shown rows, only selected lines, no nominal risk yet. */
	ck_assert_int_lt(find_collected(&c, "commercial.m9.share"), 0);
	ck_assert_int_lt(find_collected(&c, "ma.m5"), 0);
	ck_assert_int_lt(find_collected(&c, "nr.all.meets"), 0);
	ck_assert_int_lt(find_collected(&c, "commercial.m1.share"), 0);
}
END_TEST

static Suite *figures_suite(void)
{
	Suite *s = suite_create("figures");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_display_logic_lines);
	tcase_add_test(tc, test_display_logic_informational);
	tcase_add_test(tc, test_tab_numbering);
	tcase_add_test(tc, test_computed_rows_and_shares);
	tcase_add_test(tc, test_rounding_and_blank);
	tcase_add_test(tc, test_hidden_answers_count_nowhere);
	tcase_add_test(tc, test_nominal_summary_tab9);
	tcase_add_test(tc, test_nominal_overflow_stays);
	tcase_add_test(tc, test_nominal_attest);
	tcase_add_test(tc, test_progress);
	tcase_add_test(tc, test_each_computed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(figures_suite());
}
