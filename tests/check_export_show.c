/* SPDX-License-Identifier: MIT */
/* check_export_show.c: the copy sheet (src/export_show.c) of a small
 * submission, against the whole text worked out by hand.
 *
 * The edition is built here, so every word on the sheet is the test's own:
 * a general tab with a hidden follow-up, a grid of two payment models, a
 * metric tab short of its row 1 by a cent, the cross-checks, a multi-select
 * with a hidden "other", stored text holding escape sequences, a signer,
 * an error and an acknowledged warning.  What each line must be:
 * - 80 columns at most, counted as displayed: the CJK label's value starts
 *   in column 30 like the others, though its label is 26 bytes;
 * - wording wraps at spaces; a lead ("  1 ", "  ERROR: ", "      [x] ")
 *   starts the first line and the rest are indented under the text;
 * - a short label and its value on one line, the value from column 30;
 *   "left ... right" lines end exactly at column 80;
 * - stored text sanitised: ESC and BEL become U+FFFD, a line break in a
 *   one-line field is written \n;
 * - hidden answers listed after the checks with the condition that hides
 *   them, in question order. */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "testlib.h"

#define FFFD "\xef\xbf\xbd"
#define SOKO "\xe5\x80\x89\xe5\xba\xab"     /* 倉庫, four columns */
#define TANTOU "\xe6\x8b\x85\xe5\xbd\x93\xe8\x80\x85\xe3\x81\xae\xe6\x99\x82" \
               "\xe9\x96\x93"               /* 担当者の時間, twelve */

static struct edition *ed;
static struct answers *a;
static struct figures *f;

#define ROW(...) (&(struct question_row){ __VA_ARGS__ })

static void add(const struct question_row *r)
{
	char err[200];

	ck_assert_msg(edition_add_question(ed, r, err, sizeof err), "%s: %s",
	              r->key, err);
}

static void build_edition(void)
{
	char err[200];
	static const char *const choices[][3] = {
		{ "trend", "increase", "APM activity will increase" },
		{ "trend", "same", "APM activity will stay the same" },
		{ "barriers", "provider", "Provider interest/readiness" },
		{ "barriers", "plan", "Health plan interest/readiness" },
		{ "barriers", "other", "Other (please list)" },
	};
	static const char *const tabs[][2] = {
		{ "gi", "General information" },
		{ "pm", "Payment models" },
		{ "commercial", "Commercial metrics" },
		{ "xc", "Cross-checks" },
		{ "iq", "Informational questions" },
	};
	const char *contact = "Provide contact details.",
	           *lines = "Which lines of business?",
	           *models = "What payment models were in effect?",
	           *lob_c = "gi.lob.commercial=yes", *lob_ma = "gi.lob.ma=yes",
	           /* "...runs out" is 67 columns: the label column's
	            * width, less the one that keeps it off the cells. */
	           *m3b = "Cat 3B: FFS-based Shared Risk, a payment model whose "
	                  "label runs out of its column";

	ed = edition_new();
	ck_assert_ptr_nonnull(ed);
	ck_assert(edition_set_info(ed, "t", "Alternative Payment Model Test "
	                           "Workbook, with a title long enough to need "
	                           "two lines", "CMS-0", "CY 2019", err,
	                           sizeof err));
	for (size_t i = 0; i < sizeof tabs / sizeof *tabs; i++)
		ck_assert_msg(edition_add_tab(ed, tabs[i][0], tabs[i][1], NULL, "",
		                              "", err, sizeof err), "%s", err);
	for (size_t i = 0; i < sizeof choices / sizeof *choices; i++)
		ck_assert(edition_add_choice(ed, choices[i][0], choices[i][1],
		                             choices[i][2], err, sizeof err));
	/* The lines' names are the edition's own (the copy sheet shows them). */
	ck_assert_msg(edition_add_line(ed, "commercial", "Commercial",
	                               "Commercial", "Commercial", err,
	                               sizeof err), "%s", err);
	ck_assert_msg(edition_add_line(ed, "ma", "Medicare Advantage", "MA",
	                               "Medicare", err, sizeof err), "%s", err);
	ck_assert_msg(edition_add_line(ed, "medicaid", "Medicaid", "Medicaid",
	                               "Medicaid", err, sizeof err), "%s", err);
	ck_assert(edition_add_model(ed, "m1", "Cat 1: Legacy", "1", err,
	                            sizeof err));
	ck_assert(edition_add_model(ed, "m2", "Cat 3B: Shared risk", "3", err,
	                            sizeof err));
	/* 0-6: general information; 4 is asked only for MA. */
	add(ROW(.key = "gi.name", .tab = "gi", .type = "text",
	        .prompt = contact, .label = "Name"));
	add(ROW(.key = "gi.org", .tab = "gi", .type = "text",
	        .prompt = contact, .label = "Organization Name"));
	add(ROW(.key = "gi.lob.commercial", .tab = "gi", .type = "yesno",
	        .prompt = lines, .label = "Commercial"));
	add(ROW(.key = "gi.lob.ma", .tab = "gi", .type = "yesno",
	        .prompt = lines, .label = "Medicare Advantage (MA)"));
	add(ROW(.key = "gi.members.ma", .tab = "gi", .type = "whole",
	        .prompt = "How many members?", .label = "MA",
	        .show_if = lob_ma));
	add(ROW(.key = "gi.notes", .tab = "gi", .type = "longtext",
	        .prompt = "Please list other assumptions, qualifications, "
	        "considerations, or limitations related to the data "
	        "submission.", .label = "Assumptions and limitations"));
	add(ROW(.key = "gi.hours", .tab = "gi", .type = "hours",
	        .prompt = "How many hours did it take?",
	        .label = TANTOU " (hours)"));
	/* 7-10: the grid, model by model; only Commercial is shown. */
	add(ROW(.key = "pm.commercial.m1", .tab = "pm", .type = "yesno",
	        .prompt = models, .label = "Cat 1: Legacy Payments",
	        .model = "m1", .show_if = lob_c));
	add(ROW(.key = "pm.ma.m1", .tab = "pm", .type = "yesno",
	        .prompt = models, .label = "Cat 1: Legacy Payments",
	        .model = "m1", .show_if = lob_ma));
	add(ROW(.key = "pm.commercial.m2", .tab = "pm", .type = "yesno",
	        .prompt = models, .label = m3b, .model = "m2",
	        .show_if = lob_c));
	add(ROW(.key = "pm.ma.m2", .tab = "pm", .type = "yesno",
	        .prompt = models, .label = m3b, .model = "m2",
	        .show_if = lob_ma));
	/* 11-14: Commercial's rows. */
	add(ROW(.key = "commercial.m1", .tab = "commercial", .type = "money",
	        .row = "1", .role = "denominator", .show_if = lob_c,
	        .label = "Total dollars paid to providers in CY 2019."));
	add(ROW(.key = "commercial.m2", .tab = "commercial", .type = "money",
	        .row = "2", .role = "numerator", .model = "m1",
	        .section = "Category 1 (not linked to quality)",
	        .show_if = "pm.commercial.m1=yes", .label = "Legacy payments"));
	add(ROW(.key = "commercial.m3", .tab = "commercial", .type = "money",
	        .row = "3", .role = "numerator", .model = "m2",
	        .section = "Category 3 (linked to quality)",
	        .show_if = "pm.commercial.m2=yes",
	        .label = "FFS-based shared-risk payments"));
	add(ROW(.key = "commercial.m4", .tab = "commercial", .type = "computed",
	        .row = "4", .role = "subtotal", .formula = "commercial.m3",
	        .show_if = lob_c, .label = "Category 3"));
	/* 15-17: informational questions; 17 only when 16 includes other. */
	add(ROW(.key = "iq.trend", .tab = "iq", .type = "choice",
	        .choices = "trend", .prompt = "How will APM activity change?",
	        .label = "Trend"));
	add(ROW(.key = "iq.barriers", .tab = "iq", .type = "multi",
	        .choices = "barriers", .max_choices = 3,
	        .prompt = "What are the barriers?",
	        .label = "Barriers (up to three)"));
	add(ROW(.key = "iq.other", .tab = "iq", .type = "text",
	        .prompt = "Other barriers", .label = "Other",
	        .show_if = "iq.barriers=other"));
	ck_assert_msg(edition_finish(ed, err, sizeof err), "%s", err);
}

static void answer(const char *key, const char *value)
{
	int q = edition_find(ed, key);

	ck_assert_msg(q >= 0, "no question %s", key);
	ck_assert(answers_set(a, q, value));
}

static void setup(void)
{
	static const char *const kv[][2] = {
		{ "gi.name", "Jane Doe" },
		/* A title-setting escape and a bell, as a hostile file holds. */
		{ "gi.org", "Acme\x1b]0;pwned\x07 Health" },
		{ "gi.lob.commercial", "yes" },
		{ "gi.lob.ma", "no" },
		{ "gi.members.ma", "310000" },          /* hidden: MA is no */
		{ "gi.notes", "Paid claims for CY 2019, run out to March 31, "
		  "2020, from the plan's own " SOKO " (warehouse); pharmacy is "
		  "excluded.\nCapitation is counted once." },
		{ "gi.hours", "12.5" },
		{ "pm.commercial.m1", "yes" },
		{ "pm.ma.m1", "yes" },                   /* hidden */
		{ "pm.commercial.m2", "yes" },
		{ "commercial.m1", "1000000.00" },
		{ "commercial.m2", "750000.00" },
		{ "commercial.m3", "249999.99" },        /* short by a cent */
		{ "iq.trend", "increase" },
		{ "iq.barriers", "provider\nplan" },
		{ "iq.other", "Budget\x1b[31m" },        /* hidden: no "other" */
	};

	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	build_edition();
	a = answers_new(ed);
	f = figures_new(ed);
	ck_assert(a && f);
	for (size_t i = 0; i < sizeof kv / sizeof *kv; i++)
		answer(kv[i][0], kv[i][1]);
	figures_compute(f, a, NULL);
}

static void teardown(void)
{
	figures_free(f);
	answers_free(a);
	edition_free(ed);
}

/* The sheet as export_show writes it at `width`. */
static char *sheet(const struct export_input *in, int width)
{
	char *buf = NULL, err[200] = "";
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(out);
	ck_assert_msg(export_show(out, in, width, err, sizeof err), "%s", err);
	ck_assert_int_eq(fclose(out), 0);
	return buf;
}

/* Compares line by line, so a failure names the line. */
static void ck_sheet(const char *got, const char *const *want, size_t n)
{
	const char *p = got;

	for (size_t i = 0; i < n; i++) {
		const char *nl = strchr(p, '\n');

		ck_assert_msg(nl != NULL, "line %zu: the sheet ends; want '%s'",
		              i + 1, want[i]);
		ck_assert_msg((size_t)(nl - p) == strlen(want[i]) &&
		              strncmp(p, want[i], strlen(want[i])) == 0,
		              "line %zu: got '%.*s', want '%s'", i + 1,
		              (int)(nl - p), p, want[i]);
		p = nl + 1;
	}
	ck_assert_msg(*p == '\0', "more after line %zu: '%.60s'", n, p);
}

static char id_xc[] = "xc.commercial", id_hours[] = "gi.hours.low";
static char msg_xc[] = "Commercial: the numerators add up to $999,999.99, "
                       "short of row 1 ($1,000,000.00) by $0.01";
static char hint_xc[] = "Check rows 2 and 3 against row 1.";
static char msg_hours[] = "Hours look low for a whole submission";
static char why_hours[] = "Half a day of work";

/* Worked out by hand.  Rules of 80 '='; "left ... right" gaps are 80 less
 * both sides (19 + 46 + 15 for General information); values start in
 * column 30 (TANTOU's label is 12 + 8 = 20 columns, so 8 spaces, not the 2
 * its 26 bytes would give); the grid's label column is 80 - 2 - 11 = 67
 * with one line shown, cells at column 69, a label cut to 66 at a space;
 * row 3 is 249,999.99 of 1,000,000.00 = 24.999999%, 25.0%; the numerators
 * 750,000.00 + 249,999.99 = 999,999.99, short by $0.01; the ERROR's text
 * wraps at 80 - 9 = 71 under its lead; the hidden answers are questions 4,
 * 8 and 17. */
static const char *const want_complete[] = {
	"Alternative Payment Model Test Workbook, with a title long enough to need two",
	"lines (CMS-0), t edition: CY 2019",
	"acme.apmwb: COMPLETE, signed off by Jane" FFFD "[2J Doe at 2020-05-01T10:05:00Z",
	"",
	"The online survey's questions in its page order, with the value to type or pick.",
	"Dollars are plain numbers to the cent, as the form's number fields take them;",
	"the form computes shares and totals itself, shown here to compare.",
	"",
	"================================================================================",
	"General information                                              6 of 6 answered",
	"================================================================================",
	"",
	"Provide contact details.",
	"  Name                        Jane Doe",
	"  Organization Name           Acme" FFFD "]0;pwned" FFFD " Health",
	"",
	"Which lines of business?",
	"  Commercial                  Yes",
	"  Medicare Advantage (MA)     No",
	"",
	"Please list other assumptions, qualifications, considerations, or limitations",
	"related to the data submission.",
	"  Assumptions and limitations",
	"      Paid claims for CY 2019, run out to March 31, 2020, from the plan's own",
	"      " SOKO " (warehouse); pharmacy is excluded.",
	"      Capitation is counted once.",
	"",
	"How many hours did it take?",
	"  " TANTOU " (hours)        12.5",
	"",
	"================================================================================",
	"Payment models                                                   2 of 2 answered",
	"================================================================================",
	"",
	"What payment models were in effect?",
	"                                                                     Commercial",
	"  Cat 1: Legacy Payments                                             Yes",
	"  Cat 3B: FFS-based Shared Risk, a payment model whose label runs    Yes",
	"    out of its column",
	"",
	"================================================================================",
	"Commercial metrics                                               3 of 3 answered",
	"================================================================================",
	"",
	"  1 Total dollars paid to providers in CY 2019.",
	"    Type: 1000000.00                                             the denominator",
	"",
	"Category 1 (not linked to quality)",
	"  2 Legacy payments",
	"    Type: 750000.00                                               75.0% of row 1",
	"",
	"Category 3 (linked to quality)",
	"  3 FFS-based shared-risk payments",
	"    Type: 249999.99                                               25.0% of row 1",
	"  4 Category 3",
	"    Computed: 249999.99                                           25.0% of row 1",
	"",
	"================================================================================",
	"Cross-checks",
	"================================================================================",
	"",
	"  Line of business          Sum of numerators            Denominator  Equal?",
	"  Commercial                      $999,999.99          $1,000,000.00  No",
	"    Short of the denominator by $0.01",
	"",
	"================================================================================",
	"Informational questions                                          2 of 2 answered",
	"================================================================================",
	"",
	"How will APM activity change?",
	"  Trend                       APM activity will increase",
	"",
	"What are the barriers?",
	"  Barriers (up to three)",
	"      [x] Provider interest/readiness",
	"      [x] Health plan interest/readiness",
	"",
	"================================================================================",
	"Checks                                       1 error, 1 warning (1 acknowledged)",
	"================================================================================",
	"",
	"  ERROR: Commercial: the numerators add up to $999,999.99, short of row 1",
	"         ($1,000,000.00) by $0.01 [xc.commercial]",
	"      Check rows 2 and 3 against row 1.",
	"",
	"  Warning: Hours look low for a whole submission [gi.hours.low]",
	"      Acknowledged by Jane\\nDoe at 2020-05-01T10:00:00Z: Half a day of work",
	"",
	"Kept in the file but hidden by display logic: counted nowhere and left out of",
	"the csv and qualtrics exports (the json export keeps them); shown again when",
	"their condition holds:",
	"",
	"  gi.members.ma = 310000",
	"      asked only when gi.lob.ma is yes",
	"",
	"  pm.ma.m1 = yes",
	"      asked only when gi.lob.ma is yes",
	"",
	"  iq.other = Budget" FFFD "[31m",
	"      asked only when iq.barriers includes other",
};

START_TEST(test_complete_sheet)
{
	struct check_item items[2] = {
		{ .sev = SEV_ERROR, .id = id_xc, .tab = 3, .q = -1,
		  .message = msg_xc, .hint = hint_xc },
		{ .sev = SEV_WARNING, .id = id_hours, .tab = 0, .q = 6,
		  .message = msg_hours, .ack_reason = why_hours },
	};
	struct check_list checks = { items, 2, 1, 1, 1 };
	/* A line break in the acknowledger's name stays on its line. */
	struct export_ack ack = { "gi.hours.low", msg_hours, why_hours,
	                          "Jane\nDoe", "2020-05-01T10:00:00Z" };
	struct export_input in = {
		.ed = ed, .a = a, .f = f, .checks = &checks,
		.file = "acme.apmwb", .complete = true,
		.signed_by = "Jane\x1b[2J Doe",
		.signed_at = "2020-05-01T10:05:00Z",
		.acks = &ack, .nacks = 1,
	};
	char *got = sheet(&in, 80);

	ck_sheet(got, want_complete, sizeof want_complete /
	         sizeof *want_complete);
	free(got);
}
END_TEST

START_TEST(test_draft_without_checks)
{
	static const char *const tail[] = {
		"================================================================================",
		"Checks                                     0 errors, 0 warnings (0 acknowledged)",
		"================================================================================",
		"  None.",
	};
	struct export_input in = {
		.ed = ed, .a = a, .f = f, .checks = NULL, .file = "acme.apmwb",
	};
	char *got, *p;

	/* With nothing hidden, the sheet ends with the checks. */
	answer("gi.members.ma", NULL);
	answer("pm.ma.m1", NULL);
	answer("iq.other", NULL);
	figures_compute(f, a, NULL);
	got = sheet(&in, 80);
	p = strchr(got, '\n');
	ck_assert_ptr_nonnull(p);
	p = strchr(p + 1, '\n');
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(strncmp(p + 1, "acme.apmwb: DRAFT, not signed off\n",
	                         34), 0);
	p = strstr(got, "\n\n" "=====");
	while (p && strstr(p + 1, "\n\n" "====="))
		p = strstr(p + 1, "\n\n" "=====");
	ck_assert_ptr_nonnull(p);
	ck_sheet(p + 2, tail, sizeof tail / sizeof *tail);
	ck_assert_ptr_null(strstr(got, "Kept in the file"));
	free(got);
}
END_TEST

START_TEST(test_narrow_is_sixty)
{
	struct export_input in = {
		.ed = ed, .a = a, .f = f, .file = "acme.apmwb",
	};
	char *got = sheet(&in, 40), rule[64];

	/* Narrower than 60 columns is laid out at 60: the rules are 60 wide,
	 * "left ... right" lines end at column 60, and the wording wraps to
	 * 60.  (The cross-check table keeps its fixed 76 columns; every
	 * caller asks for 80.) */
	memset(rule, '=', 60);
	strcpy(rule + 60, "\n");
	ck_assert_ptr_nonnull(strstr(got, rule));
	ck_assert_ptr_nonnull(strstr(got, "\nGeneral information"
	                             "                          "
	                             "6 of 6 answered\n"));
	ck_assert_ptr_nonnull(strstr(got, "\nPlease list other assumptions, "
	                             "qualifications,\nconsiderations, or "
	                             "limitations related to the data\n"
	                             "submission.\n"));
	ck_assert_ptr_nonnull(strstr(got, "\n      Paid claims for CY 2019, run "
	                             "out to March 31, 2020,\n      from the "
	                             "plan's own " SOKO " (warehouse); "
	                             "pharmacy is\n      excluded.\n"));
	free(got);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("export_show");
	TCase *tc = tcase_create("show");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_complete_sheet);
	tcase_add_test(tc, test_draft_without_checks);
	tcase_add_test(tc, test_narrow_is_sixty);
	suite_add_tcase(s, tc);
	return test_main(s);
}
