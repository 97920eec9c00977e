/* SPDX-License-Identifier: MIT */
/* check_checks.c: errors, warnings, acknowledgements. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "figures.h"
#include "testlib.h"
#include "validate.h"

static const struct edition *ed;
static struct answers *a;
static struct figures *f;
static struct nr_totals totals;
static struct check_list l;

static void setup(void)
{
	ed = test_edition();
	a = answers_new(ed);
	f = figures_new(ed);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(f);
	nominal_totals_init(&totals);
	memset(&l, 0, sizeof l);
}

static void teardown(void)
{
	checks_free(&l);
	figures_free(f);
	answers_free(a);
}

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

static void run(void)
{
	checks_free(&l);
	figures_compute(f, a, &totals);
	ck_assert(checks_run(f, a, &l));
}

static const struct check_item *find(const char *id)
{
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.items[i].id, id) == 0)
			return &l.items[i];
	return NULL;
}

/* A complete, consistent commercial-only submission. */
static void clean_submission(void)
{
	set("gi.contact_name", "Jane Doe");
	set("gi.contact_email", "jane.doe@example.org");
	set("gi.contact_phone", "(555) 010-2030");
	set("gi.org_name", "Acme Health Plan");
	set("gi.lob.commercial", "yes");
	set("pm.commercial.cat1_legacy", "yes");
	set("pm.commercial.cat3b_shared_risk", "yes");
	set("commercial.m1", "1000");
	set("commercial.m2", "600");
	set("commercial.m8", "400");
	set("nr.method", "attest");
}

START_TEST(test_empty_submission_errors)
{
	run();
	ck_assert_ptr_nonnull(find("required.gi.contact_name"));
	ck_assert_ptr_nonnull(find("required.gi.contact_email"));
	ck_assert_ptr_nonnull(find("required.gi.contact_phone"));
	ck_assert_ptr_nonnull(find("required.gi.org_name"));
	ck_assert_ptr_nonnull(find("lines.none"));
	ck_assert_int_eq(find("lines.none")->sev, SEV_ERROR);
	ck_assert_int_eq(l.errors, 5);
	ck_assert_int_eq(l.warnings, 0);
	/* Optional questions are not errors. */
	ck_assert_ptr_null(find("required.gi.assumptions"));
}
END_TEST

START_TEST(test_clean)
{
	clean_submission();
	run();
	for (size_t i = 0; i < l.n; i++)
		ck_assert_msg(0, "unexpected %s: %s", l.items[i].id, l.items[i].message);
	ck_assert_int_eq(l.errors, 0);
	ck_assert_int_eq(l.warnings, 0);
}
END_TEST

START_TEST(test_cross_check_error_and_hint)
{
	const struct check_item *it;

	clean_submission();
	set("commercial.m2", "500");
	run();
	it = find("xc.commercial");
	ck_assert_ptr_nonnull(it);
	ck_assert_int_eq(it->sev, SEV_ERROR);
	ck_assert_str_eq(it->message, "Commercial: the numerators add up to "
	                 "$900.00, not the denominator $1,000.00 (short by $100.00)");
	ck_assert_ptr_nonnull(it->hint);
	ck_assert_ptr_nonnull(strstr(it->hint, "fee-for-service"));
	ck_assert_int_eq(it->q, edition_find(ed, "commercial.m1"));

	set("commercial.m2", "700.01");
	run();
	it = find("xc.commercial");
	ck_assert_ptr_nonnull(it);
	ck_assert_ptr_nonnull(strstr(it->message, "(over by $100.01)"));
	ck_assert_ptr_nonnull(strstr(it->hint, "ouble counting"));
}
END_TEST

START_TEST(test_required_follow_up)
{
	clean_submission();
	set("iq.barriers", "other");
	run();
	ck_assert_ptr_nonnull(find("required.iq.barriers_other"));
	set("iq.barriers_other", "Data lag");
	run();
	ck_assert_ptr_null(find("required.iq.barriers_other"));
	/* Dropping "other" hides the text: it is kept, not required. */
	set("iq.barriers", "market");
	run();
	ck_assert_ptr_null(find("required.iq.barriers_other"));
	ck_assert(figures_hidden_answer(f, a, edition_find(ed, "iq.barriers_other")));
}
END_TEST

START_TEST(test_warnings)
{
	const struct check_item *it;

	clean_submission();
	set("gi.lob.ma", "yes");
	run();
	ck_assert_ptr_nonnull(find("m1.ma"));
	ck_assert_int_eq(find("m1.ma")->sev, SEV_WARNING);

	set("pm.commercial.cat2c_p4p", "yes");      /* in effect, no dollars */
	run();
	ck_assert_ptr_nonnull(it = find("nodollars.commercial.m4"));
	ck_assert_str_eq(it->keys, "commercial.m4");
	set("commercial.m4", "0");
	run();
	ck_assert_ptr_nonnull(strstr(find("nodollars.commercial.m4")->message, "$0.00"));

	set("commercial.m2", "1500");               /* larger than row 1 */
	run();
	ck_assert_ptr_nonnull(it = find("over.commercial.m2"));
	ck_assert_ptr_nonnull(strstr(it->message, "$1,500.00"));

	set("commercial.m9", "25");                 /* model not in effect */
	run();
	ck_assert_ptr_nonnull(it = find("hidden.commercial.m9"));
	ck_assert_int_eq(it->q, edition_find(ed, "pm.commercial.cat3b_procedure_bundles"));
	set("pm.commercial.cat3b_procedure_bundles", "yes");
	run();
	ck_assert_ptr_null(find("hidden.commercial.m9"));
}
END_TEST

START_TEST(test_nominal_warnings)
{
	const struct check_item *it;

	clean_submission();
	set("nr.method", "worksheet");
	run();
	ck_assert_ptr_nonnull(find("nr.empty"));
	/* The worksheet has $300 of commercial shared risk; row 8 says $400. */
	totals.contracts = 3;
	totals.meets[LOB_COMMERCIAL] = 20000;
	totals.fails[LOB_COMMERCIAL] = 10000;
	totals.incomplete = 1;
	run();
	ck_assert_ptr_null(find("nr.empty"));
	ck_assert_ptr_nonnull(it = find("nr.m8.commercial"));
	ck_assert_str_eq(it->message, "Commercial: the worksheet's shared-risk "
	                 "contracts add up to $300.00, but row 8 (FFS-based "
	                 "shared risk) is $400.00");
	ck_assert_ptr_nonnull(it = find("nr.incomplete"));
	ck_assert_ptr_nonnull(strstr(it->message, "1 contract of the worksheet has"));
	totals.meets[LOB_MEDICAID] = 500;
	run();
	ck_assert_ptr_nonnull(find("nr.line.medicaid"));
}
END_TEST

START_TEST(test_nominal_row8_blank_is_not_zero)
{
	const struct check_item *it;

	/* Row 8 left blank: the warning says blank, never $0.00. */
	clean_submission();
	set("commercial.m8", "");
	set("nr.method", "worksheet");
	totals.contracts = 1;
	totals.meets[LOB_COMMERCIAL] = 30000;
	run();
	ck_assert_ptr_nonnull(it = find("nr.m8.commercial"));
	ck_assert_str_eq(it->message, "Commercial: the worksheet's shared-risk "
	                 "contracts add up to $300.00, but row 8 (FFS-based "
	                 "shared risk) is blank");
	/* A typed 0 is an answer, and says so. */
	set("commercial.m8", "0");
	run();
	ck_assert_ptr_nonnull(it = find("nr.m8.commercial"));
	ck_assert_ptr_nonnull(strstr(it->message, "shared risk) is $0.00"));
	/* Another line with contracts but no Cat 3B: row 8 is not asked. */
	set("gi.lob.medicaid", "yes");
	set("pm.medicaid.cat1_legacy", "yes");
	set("medicaid.m1", "100");
	set("medicaid.m2", "100");
	totals.contracts = 2;
	totals.fails[LOB_MEDICAID] = 5000;
	run();
	ck_assert_ptr_nonnull(it = find("nr.m8.medicaid"));
	ck_assert_str_eq(it->message, "Medicaid: the worksheet's shared-risk "
	                 "contracts add up to $50.00, but row 8 (FFS-based "
	                 "shared risk) is not asked (Cat 3B: FFS-based Shared "
	                 "Risk is not marked in effect)");
}
END_TEST

START_TEST(test_acknowledgements)
{
	struct check_ack ack;
	const struct check_item *it;
	int e, w, com = edition_find_tab(ed, "commercial");
	char message[1024];

	clean_submission();
	set("pm.commercial.cat2c_p4p", "yes");
	run();
	it = find("nodollars.commercial.m4");
	ck_assert_ptr_nonnull(it);
	checks_count_tab(&l, com, &e, &w);
	ck_assert_int_eq(e, 0);
	ck_assert_int_eq(w, 1);
	snprintf(message, sizeof message, "%s", it->message);
	ack = (struct check_ack){ "nodollars.commercial.m4", message,
	                          "P4P programme started in 2020", "Jane Doe",
	                          "2026-12-01T20:02:23Z" };
	ck_assert(checks_apply_acks(&l, &ack, 1));
	ck_assert_str_eq(find("nodollars.commercial.m4")->ack_reason,
	                 "P4P programme started in 2020");
	/* Who and when go with the reason, for `check` to say. */
	ck_assert_str_eq(find("nodollars.commercial.m4")->ack_by, "Jane Doe");
	ck_assert_str_eq(find("nodollars.commercial.m4")->ack_at,
	                 "2026-12-01T20:02:23Z");
	ck_assert_int_eq(l.acknowledged, 1);
	checks_count_tab(&l, com, &e, &w);
	ck_assert_int_eq(w, 0);
	/* Errors cannot be acknowledged away. */
	set("commercial.m2", "1");
	run();
	ack = (struct check_ack){ "xc.commercial", find("xc.commercial")->message,
	                          "ignore", "Jane Doe", NULL };
	ck_assert(checks_apply_acks(&l, &ack, 1));
	ck_assert_ptr_null(find("xc.commercial")->ack_reason);
	ck_assert_ptr_null(find("xc.commercial")->ack_by);
	/* An acknowledgement holds only while the warning says the same. */
	set("commercial.m2", "600");
	set("commercial.m4", "0");
	run();
	ack = (struct check_ack){ "nodollars.commercial.m4", message, "P4P",
	                          NULL, NULL };
	ck_assert(checks_apply_acks(&l, &ack, 1));
	ck_assert_ptr_null(find("nodollars.commercial.m4")->ack_reason);
	ck_assert_int_eq(l.acknowledged, 0);
}
END_TEST

static Suite *checks_suite(void)
{
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_empty_submission_errors);
	tcase_add_test(tc, test_clean);
	tcase_add_test(tc, test_cross_check_error_and_hint);
	tcase_add_test(tc, test_required_follow_up);
	tcase_add_test(tc, test_warnings);
	tcase_add_test(tc, test_nominal_warnings);
	tcase_add_test(tc, test_nominal_row8_blank_is_not_zero);
	tcase_add_test(tc, test_acknowledgements);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(checks_suite());
}
