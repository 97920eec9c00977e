/* SPDX-License-Identifier: MIT */
/* check_export_csv: key,label,value for reviewers, RFC 4180 and safe to
 * open in a spreadsheet.
 *
 * A small submission is built in memory (commercial only; row 1 10,000.00
 * and row 2 1,125.00, the spec's own rounding example) with text that needs
 * quoting and neutralising and answers that display logic hides; every row
 * of the export is compared with a table worked out by hand, and the bytes
 * of the awkward rows with what RFC 4180 and the formula rule say. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "csvin.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "testlib.h"

struct sub {
	struct answers *a;
	struct figures *f;
	struct check_list checks;
	struct export_input in;
};

static void sub_init(struct sub *s, const char *const kv[][2], size_t n)
{
	const struct edition *ed = test_edition();

	memset(s, 0, sizeof *s);
	s->a = answers_new(ed);
	s->f = figures_new(ed);
	ck_assert(s->a && s->f);
	for (size_t i = 0; i < n; i++) {
		int q = edition_find(ed, kv[i][0]);

		ck_assert_msg(q >= 0, "no key %s", kv[i][0]);
		ck_assert(answers_set(s->a, q, kv[i][1]));
	}
	figures_compute(s->f, s->a, NULL);
	ck_assert(checks_run(s->f, s->a, &s->checks));
	s->in.ed = ed;
	s->in.a = s->a;
	s->in.f = s->f;
	s->in.checks = &s->checks;
	s->in.file = "test.apmwb";
}

static void sub_free(struct sub *s)
{
	checks_free(&s->checks);
	figures_free(s->f);
	answers_free(s->a);
}

static char *export_text(struct sub *s)
{
	char *buf = NULL, err[256];
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(export_csv(f, &s->in, err, sizeof err), "%s", err);
	fclose(f);
	return buf;
}

/* The export read back with csvin, row by row. */
struct rows {
	char *f[200][3];
	size_t n;
};

static bool keep_row(void *ctx, const struct csvin_row *row, char *err,
                     size_t errlen)
{
	struct rows *r = ctx;

	(void)err;
	(void)errlen;
	ck_assert_uint_eq(row->n, 3);
	ck_assert_uint_lt(r->n, 200);
	for (int i = 0; i < 3; i++)
		r->f[r->n][i] = strdup(row->field[i]);
	r->n++;
	return true;
}

static void read_back(const char *text, struct rows *r)
{
	struct csvin *in;
	char err[256];

	memset(r, 0, sizeof *r);
	in = csvin_new(keep_row, NULL, r, 0);
	ck_assert_ptr_nonnull(in);
	ck_assert_msg(csvin_feed(in, text, strlen(text), err, sizeof err) &&
	              csvin_finish(in, NULL, err, sizeof err), "%s", err);
	csvin_free(in);
}

static void rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (int j = 0; j < 3; j++)
			free(r->f[i][j]);
}

static const char *const small[][2] = {
	{ "gi.contact_name", "Jane Doe" },
	{ "gi.org_name", "@Acme, Inc." },
	{ "gi.assumptions", "+1 line\nsecond \"quoted\" line" },
	{ "gi.lob.commercial", "yes" },
	{ "gi.members.commercial", "1250000" },
	{ "gi.members.ma", "5" },               /* MA not selected: hidden */
	{ "pm.commercial.cat1_legacy", "yes" },
	{ "pm.commercial.cat2a_foundational", "no" },
	{ "commercial.m1", "10000.00" },
	{ "commercial.m2", "1125.00" },
	{ "commercial.m3", "7.00" },            /* its model is off: hidden */
	{ "iq.trend", "same" },
	{ "iq.increase_most", "4b" },           /* trend is not increase */
	{ "iq.barriers", "plan_interest\nother" },
	{ "iq.barriers_other", "Other, \"quoted\"" },
	{ "iq.outcome.prices", "not_sure" },
};

START_TEST(every_row_by_hand)
{
	/* key and value of each row, in order: the state, then every answer
	 * display logic shows (blank when unanswered), then the figures. */
	static const char *const want[][2] = {
		{ "key", "value" },
		{ "submission.edition", "2020" },
		{ "submission.state", "draft" },
		{ "submission.signed_by", "" },
		{ "submission.signed_at", "" },
		{ "gi.contact_name", "Jane Doe" },
		{ "gi.contact_email", "" },
		{ "gi.contact_phone", "" },
		{ "gi.org_name", "'@Acme, Inc." },
		{ "gi.lob.commercial", "yes" },
		{ "gi.lob.ma", "" },
		{ "gi.lob.medicaid", "" },
		{ "gi.members.commercial", "1250000" },
		{ "gi.assumptions", "'+1 line\nsecond \"quoted\" line" },
		{ "gi.hours.commercial", "" },
		{ "pm.commercial.cat1_legacy", "yes" },
		{ "pm.commercial.cat2a_foundational", "no" },
		{ "pm.commercial.cat2c_p4p", "" },
		{ "pm.commercial.cat3a_shared_savings", "" },
		{ "pm.commercial.cat3a_utilization_savings", "" },
		{ "pm.commercial.cat3b_shared_risk", "" },
		{ "pm.commercial.cat3b_procedure_bundles", "" },
		{ "pm.commercial.cat4a_condition_population", "" },
		{ "pm.commercial.cat4a_condition_bundles", "" },
		{ "pm.commercial.cat4b_population", "" },
		{ "pm.commercial.cat4b_premium", "" },
		{ "pm.commercial.cat4c_integrated", "" },
		{ "commercial.m1", "10000.00" },
		{ "commercial.m2", "1125.00" },
		{ "iq.trend", "same" },
		{ "iq.barriers", "plan_interest\nother" },
		{ "iq.barriers_other", "Other, \"quoted\"" },
		{ "iq.facilitators", "" },
		{ "iq.outcome.quality", "" },
		{ "iq.outcome.affordable", "" },
		{ "iq.outcome.coordination", "" },
		{ "iq.outcome.consolidation", "" },
		{ "iq.outcome.prices", "not_sure" },
		/* 1,125 of 10,000 is 11.25%: 11.3 rounded half away from zero. */
		{ "commercial.m2.share", "11.3" },
		/* Rows 5, 10, 16, 18, 19 add nothing answered: blank, n/a. */
		{ "commercial.m5", "" },
		{ "commercial.m5.share", "n/a" },
		{ "commercial.m10", "" },
		{ "commercial.m10.share", "n/a" },
		{ "commercial.m16", "" },
		{ "commercial.m16.share", "n/a" },
		{ "commercial.m17", "1125.00" },
		{ "commercial.m17.share", "11.3" },
		{ "commercial.m18", "" },
		{ "commercial.m18.share", "n/a" },
		{ "commercial.m19", "" },
		{ "commercial.m19.share", "n/a" },
		/* Row 3's 7.00 is hidden: the sum is row 2 alone. */
		{ "xc.commercial.sum", "1125.00" },
		{ "xc.commercial.ok", "no" },
		{ "xc.commercial.diff", "-8875.00" },
	};
	struct sub s;
	struct rows r;
	char *text;

	sub_init(&s, small, sizeof small / sizeof *small);
	text = export_text(&s);
	read_back(text, &r);
	for (size_t i = 0; i < r.n && i < sizeof want / sizeof *want; i++) {
		ck_assert_msg(strcmp(r.f[i][0], want[i][0]) == 0,
		              "row %zu: key %s, want %s", i + 1, r.f[i][0],
		              want[i][0]);
		ck_assert_msg(strcmp(r.f[i][2], want[i][1]) == 0,
		              "row %zu (%s): value '%s', want '%s'", i + 1,
		              r.f[i][0], r.f[i][2], want[i][1]);
	}
	ck_assert_uint_eq(r.n, sizeof want / sizeof *want);
	rows_free(&r);
	free(text);
	sub_free(&s);
}
END_TEST

START_TEST(bytes_of_awkward_rows)
{
	struct sub s;
	char *text;

	sub_init(&s, small, sizeof small / sizeof *small);
	text = export_text(&s);
	/* Header, CRLF. */
	ck_assert(strncmp(text, "key,label,value\r\n", 17) == 0);
	/* Formula-like text: an apostrophe, and quoted; quotes doubled;
	 * a newline kept inside the quotes. */
	ck_assert(strstr(text, "\r\ngi.org_name,\"Provide contact name, email "
	                 "and phone for the respondent. - Organization Name\","
	                 "\"'@Acme, Inc.\"\r\n") != NULL);
	ck_assert(strstr(text, ",\"'+1 line\nsecond \"\"quoted\"\" line\"\r\n")
	          != NULL);
	ck_assert(strstr(text, "\r\niq.barriers_other,") != NULL);
	ck_assert(strstr(text, ",\"Other, \"\"quoted\"\"\"\r\n") != NULL);
	ck_assert(strstr(text, ",\"plan_interest\nother\"\r\n") != NULL);
	/* A plain negative number stays a number a spreadsheet can add. */
	ck_assert(strstr(text, "\r\nxc.commercial.diff,Commercial: sum of "
	                 "numerators minus denominator,-8875.00\r\n") != NULL);
	/* Metric figures name their tab and row; the workbook's share wording
	 * alone does not say which line.  A share says its unit, so a
	 * spreadsheet does not read 11.3 as 1130%. */
	ck_assert(strstr(text, "\r\ncommercial.m2.share,\"Commercial metrics row "
	                 "2: Dollars under legacy payments (including "
	                 "Fee-for-Service, Diagnosis-Related Groups, or "
	                 "capitation without quality components): Percent of "
	                 "total dollars paid through legacy payments in CY 2019 "
	                 "or most recent 12 months. (percent units: 43.2 means "
	                 "43.2%)\",11.3\r\n") != NULL);
	ck_assert(strstr(text, "\r\npm.commercial.cat1_legacy,What payment "
	                 "models were in effect in CY 2019? Please specify the "
	                 "line of business. - Cat 1: Legacy Payments - "
	                 "Commercial,yes\r\n") != NULL);
	/* Hidden answers appear nowhere. */
	ck_assert(strstr(text, "gi.members.ma") == NULL);
	ck_assert(strstr(text, "commercial.m3,") == NULL);
	ck_assert(strstr(text, "iq.increase_most") == NULL);
	/* Every line end is CRLF: a bare LF only inside quotes. */
	{
		bool quoted = false;

		for (const char *p = text; *p; p++) {
			if (*p == '"')
				quoted = !quoted;
			if (*p == '\n' && !quoted)
				ck_assert_msg(p > text && p[-1] == '\r', "bare LF at %td",
				              p - text);
		}
		ck_assert(!quoted);
	}
	free(text);
	sub_free(&s);
}
END_TEST

START_TEST(signed_off_state)
{
	struct sub s;
	char *text;

	sub_init(&s, small, 1);
	s.in.complete = true;
	s.in.signed_by = "Jane Doe";
	s.in.signed_at = "2020-06-01T09:30:00Z";
	text = export_text(&s);
	ck_assert(strstr(text, "\r\nsubmission.state,Submission state (draft or "
	                 "complete),complete\r\nsubmission.signed_by,Signed off "
	                 "by,Jane Doe\r\nsubmission.signed_at,Signed off at,"
	                 "2020-06-01T09:30:00Z\r\n") != NULL);
	free(text);
	sub_free(&s);
}
END_TEST

START_TEST(no_line_selected)
{
	/* Nothing selected: only general questions and the informational
	 * ones, no metric rows and no figures at all. */
	struct sub s;
	struct rows r;
	char *text;

	sub_init(&s, small, 1);
	text = export_text(&s);
	read_back(text, &r);
	ck_assert_str_eq(r.f[r.n - 1][0], "iq.outcome.prices");
	for (size_t i = 0; i < r.n; i++)
		ck_assert_msg(strncmp(r.f[i][0], "pm.", 3) != 0 &&
		              strncmp(r.f[i][0], "xc.", 3) != 0 &&
		              strncmp(r.f[i][0], "commercial.", 11) != 0,
		              "%s shown", r.f[i][0]);
	rows_free(&r);
	free(text);
	sub_free(&s);
}
END_TEST

START_TEST(write_failure_is_reported)
{
	/* A full disk: the export says it could not write. */
	struct sub s;
	char err[256] = "";
	FILE *f = fopen("/dev/full", "w");

	if (!f)
		return;     /* no /dev/full here */
	sub_init(&s, small, sizeof small / sizeof *small);
	ck_assert(!export_csv(f, &s.in, err, sizeof err));
	ck_assert_str_eq(err, "could not write the export");
	fclose(f);
	sub_free(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("export_csv");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, every_row_by_hand);
	tcase_add_test(tc, bytes_of_awkward_rows);
	tcase_add_test(tc, signed_off_state);
	tcase_add_test(tc, no_line_selected);
	tcase_add_test(tc, write_failure_is_reported);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
