/* SPDX-License-Identifier: MIT */
/* check_edition_facts.c: a later edition whose keys, words and rows differ
 * from 2020's in every fact the program's rules read (the nominal-risk
 * method and its answers, the shared-risk model, the plan's name, the
 * lines' names, the bar's categories, the short labels, the national
 * measures) drives the same code: the figures, the checks, the keys, the
 * aggregate, the metric tab's rows and the status line follow the data.
 * The edition goes the way a file's does: SQL rows over
 * share/edition-schema.sql, read back by edition_load(). */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tui/layout.h"
#include "../tui/texts.h"
#include "aggregate.h"
#include "answers.h"
#include "checks.h"
#include "codebook.h"
#include "edition.h"
#include "edition_load.h"
#include "figures.h"
#include "testlib.h"
#include "validate.h"

/* Only the Medicare line reports; its rows are T..W, not 1..19. */
static const char rows_sql[] =
	"INSERT INTO edition (id, title, form, data_year, name_key, nr_method,"
	"  nr_attest, nr_worksheet, nr_model) VALUES ('2031', 'Later', "
	"  'CMS-0', 'CY 2030', 'about.plan', 'risk.how', 'all_meet', "
	"  'by_contract', 'downside');"
	"INSERT INTO edition_tab (id, pos, title, short, rows_head) VALUES"
	"  ('about', 1, 'About the plan', 'About', NULL),"
	"  ('ma', 2, 'Medicare plans', 'Medicare', 'Dollars paid for ...'),"
	"  ('xc', 3, 'Sums', 'Sums', NULL),"
	"  ('nr', 4, 'Downside risk', 'Risk', NULL);"
	"INSERT INTO edition_line VALUES"
	"  ('commercial', 1, 'Employer plans', 'Employer', 'Employer'),"
	"  ('ma', 2, 'Medicare plans', 'Medicare', 'Senior'),"
	"  ('medicaid', 3, 'State plans', 'State', 'State');"
	"INSERT INTO edition_choice VALUES"
	"  ('how', 1, 'all_meet', 'All of them meet it'),"
	"  ('how', 2, 'by_contract', 'Contract by contract');"
	"INSERT INTO edition_model VALUES ('base', 1, 'Base payments', 'A'),"
	"  ('downside', 2, 'Two-sided risk', 'B');"
	"INSERT INTO edition_category VALUES ('A', 1, 'Group A'),"
	"  ('B', 2, 'Group B');"
	"INSERT INTO edition_question (key, pos, tab, type, prompt, label,"
	"  row, section, role, formula, show_if, model, short_label,"
	"  section_short, total_of, choices, required) VALUES"
	"  ('about.plan', 1, 'about', 'text', '', 'Plan', NULL, NULL, NULL,"
	"   NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1),"
	"  ('about.does_ma', 2, 'about', 'yesno', '', 'Offers Medicare plans',"
	"   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0),"
	"  ('about.ma.base', 3, 'about', 'yesno', 'In effect?', 'Base', NULL,"
	"   NULL, NULL, NULL, 'about.does_ma=yes', 'base', NULL, NULL, NULL,"
	"   NULL, 0),"
	"  ('about.ma.downside', 4, 'about', 'yesno', 'In effect?', 'Risk',"
	"   NULL, NULL, NULL, NULL, 'about.does_ma=yes', 'downside', NULL,"
	"   NULL, NULL, NULL, 0),"
	"  ('ma.t1', 5, 'ma', 'money', '', 'Dollars paid for everything.',"
	"   'T', NULL, 'denominator', NULL, 'about.does_ma=yes', NULL,"
	"   'everything', NULL, NULL, NULL, 0),"
	"  ('ma.t2', 6, 'ma', 'money', '', 'Dollars paid for base payments.',"
	"   'U', 'Group A, no risk at all', 'numerator', NULL,"
	"   'about.ma.base=yes', 'base', 'base payments', 'Group A|no risk',"
	"   'A', NULL, 0),"
	"  ('ma.t3', 7, 'ma', 'money', '', 'Dollars paid for two-sided risk.',"
	"   'V', 'Group B, two-sided risk', 'numerator', NULL,"
	"   'about.ma.downside=yes', 'downside', 'two-sided risk',"
	"   'Group B|two-sided', NULL, NULL, 0),"
	"  ('ma.t4', 8, 'ma', 'computed', '', 'Dollars paid in Group B.', 'W',"
	"   NULL, 'subtotal', 'ma.t3', 'about.does_ma=yes', NULL, 'Group B',"
	"   NULL, 'B', NULL, 0),"
	"  ('risk.how', 9, 'nr', 'choice', '', 'How risk is told', NULL, NULL,"
	"   NULL, NULL, '1 of about.ma.downside=yes', NULL, NULL, NULL, NULL,"
	"   'how', 1);"
	"INSERT INTO edition_measure VALUES"
	"  ('total', 1, 'Everything (row T)', 't1'),"
	"  ('cat3b_4', 2, 'Downside (rows V+W)', 't3 + t4'),"
	"  ('nr_meets', 3, 'Downside that meets', NULL);";

static struct edition *ed;
static struct answers *a;
static struct figures *f;
static struct nr_totals totals;
static struct check_list l;

static struct edition *load(void)
{
	const char *top = getenv("TOPSRCDIR");
	char path[4096], err[512];
	struct edition *e;
	sqlite3 *db = NULL;
	char *schema;

	snprintf(path, sizeof path, "%s/share/edition-schema.sql",
	         top ? top : ".");
	schema = test_slurp(path, NULL);
	ck_assert_msg(schema != NULL, "cannot read %s", path);
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, schema, NULL, NULL, NULL) == SQLITE_OK,
	              "%s", sqlite3_errmsg(db));
	ck_assert_msg(sqlite3_exec(db, rows_sql, NULL, NULL, NULL) == SQLITE_OK,
	              "%s", sqlite3_errmsg(db));
	e = edition_load(db, err, sizeof err);
	ck_assert_msg(e != NULL, "%s", err);
	sqlite3_close(db);
	free(schema);
	return e;
}

static void setup(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	ed = load();
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
	edition_free(ed);
}

static int q_of(const char *key)
{
	int q = edition_find(ed, key);

	ck_assert_msg(q >= 0, "no key %s", key);
	return q;
}

static void set(const char *key, const char *text)
{
	char *canonical, err[256];
	int q = q_of(key);

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
	ck_abort_msg("no check %s", id);
	return NULL;
}

/* Medicare plans report $1,000, $400 of it two-sided risk. */
static void medicare(void)
{
	set("about.plan", "Later Health");
	set("about.does_ma", "yes");
	set("about.ma.downside", "yes");
	set("ma.t1", "1000");
	set("ma.t3", "400");
}

START_TEST(test_rule_keys_loaded)
{
	ck_assert_int_eq(ed->name_q, q_of("about.plan"));
	ck_assert_int_eq(ed->nr_method_q, q_of("risk.how"));
	ck_assert_str_eq(ed->nr_model, "downside");
	ck_assert_int_eq(edition_line_selector(ed, LOB_MA), q_of("about.does_ma"));
	ck_assert_int_eq(edition_line_selector(ed, LOB_COMMERCIAL), -1);
	ck_assert_int_eq(edition_models_tab(ed), edition_find_tab(ed, "about"));
}
END_TEST

/* Attesting, under this edition's own answer, counts the model's row as
 * meeting the threshold; the worksheet's answer takes the contracts'. */
START_TEST(test_nominal_risk_follows_the_method_key)
{
	medicare();
	set("risk.how", "all_meet");
	run();
	ck_assert(f->nr_asked);
	ck_assert_int_eq(f->nr_method, NR_METHOD_ATTEST);
	ck_assert(f->nr[LOB_MA].meets.has);
	ck_assert_int_eq(f->nr[LOB_MA].meets.cents, 40000);
	ck_assert_int_eq(f->nr[LOB_MA].fails.cents, 0);
	ck_assert_int_eq(f->nr[LOB_MA].meets_share.pct, 40000);
	ck_assert_int_eq(f->nr[NR_ALL].total.cents, 40000);

	totals.meets[LOB_MA] = 10000;
	totals.fails[LOB_MA] = 20000;
	totals.contracts = 2;
	set("risk.how", "by_contract");
	run();
	ck_assert_int_eq(f->nr_method, NR_METHOD_WORKSHEET);
	ck_assert_int_eq(f->nr[LOB_MA].meets.cents, 10000);
	ck_assert_int_eq(f->nr[LOB_MA].total.cents, 30000);
	/* The sheet's $300.00 is not row V's $400.00: said in this
	 * edition's words and row numbers, pointing at its keys. */
	ck_assert_ptr_nonnull(find("nr.m8.ma"));
	ck_assert_str_eq(find("nr.m8.ma")->message, "Medicare plans: the "
	                 "worksheet's shared-risk contracts add up to $300.00, "
	                 "but row V (FFS-based shared risk) is $400.00");
	ck_assert_str_eq(find("nr.m8.ma")->keys, "nr.medicare.total ma.t3");
	ck_assert_int_eq(find("nr.m8.ma")->q, q_of("ma.t3"));

	/* The worksheet's dollars of a line not reported on. */
	totals.meets[LOB_COMMERCIAL] = 500;
	run();
	ck_assert_str_eq(find("nr.line.commercial")->message, "Nominal risk: "
	                 "the worksheet has $5.00 of Employer contracts, but "
	                 "Employer plans is not a selected line of business");
	ck_assert_str_eq(find("nr.line.commercial")->keys, "risk.how");
}
END_TEST

/* The model not in effect: row V is not asked, in the model's words. */
START_TEST(test_nominal_risk_not_asked_in_the_models_words)
{
	medicare();
	set("risk.how", "by_contract");
	totals.meets[LOB_MA] = 10000;
	totals.contracts = 1;
	set("about.ma.downside", "no");
	run();
	/* The method is asked only while the model is in effect. */
	ck_assert(!f->nr_asked);
	ck_assert_int_eq(f->nr_method, NR_METHOD_NONE);
	set("about.ma.downside", "yes");
	ck_assert(answers_set(a, q_of("ma.t3"), NULL));
	run();
	ck_assert_str_eq(find("nr.m8.ma")->message, "Medicare plans: the "
	                 "worksheet's shared-risk contracts add up to $100.00, "
	                 "but row V (FFS-based shared risk) is blank");
}
END_TEST

/* Checks name the lines, rows and questions of this edition. */
START_TEST(test_checks_in_the_editions_words)
{
	run();
	ck_assert_str_eq(find("lines.none")->message, "About the plan: select "
	                 "at least one line of business (Employer, Medicare or "
	                 "State)");
	ck_assert_str_eq(find("lines.none")->keys, "about.does_ma");
	ck_assert_int_eq(find("lines.none")->q, q_of("about.does_ma"));
	set("about.does_ma", "yes");
	run();
	ck_assert_str_eq(find("m1.ma")->message, "Medicare plans: row T, the "
	                 "total dollars paid to providers, is not answered; the "
	                 "shares and the cross-check wait for it");
	set("ma.t1", "100");
	set("about.ma.downside", "yes");
	set("ma.t3", "400");
	run();
	ck_assert_str_eq(find("over.ma.t3")->message, "Medicare plans row V "
	                 "(Two-sided risk), $400.00, is larger than row T, the "
	                 "line's total of $100.00");
}
END_TEST

/* The keys' labels and conditions: this edition's line names and method
 * key; the codebook's wording, its line's short name. */
static char seen[4096];

static void collect(void *ctx, const struct figure_def *d)
{
	(void)ctx;
	if (strncmp(d->key, "xc.ma.sum", 9) == 0 ||
	    strcmp(d->key, "nr.medicare.meets") == 0) {
		strcat(seen, d->label);
		strcat(seen, " / ");
		strcat(seen, d->shown);
		strcat(seen, "\n");
	}
}

START_TEST(test_keys_and_codebook)
{
	char *w;

	seen[0] = '\0';
	figures_each_key(ed, collect, NULL);
	ck_assert_str_eq(seen, "Medicare plans: sum of numerators / "
	                 "about.does_ma=yes\n"
	                 "Senior: dollars that meet the LAN nominal risk "
	                 "threshold / risk.how answered & about.does_ma=yes\n");
	w = codebook_wording(ed, &ed->qs[q_of("about.ma.base")]);
	ck_assert_str_eq(w, "In effect? - Base - Medicare");
	free(w);
}
END_TEST

/* The aggregate adds the rows this edition's measures name. */
START_TEST(test_aggregate_measures)
{
	struct agg_rows rows;
	struct agg_file m;

	medicare();
	set("risk.how", "all_meet");
	run();
	agg_rows_init(&rows, ed);
	ck_assert(agg_file_measures(&rows, f, &m));
	ck_assert_int_eq(m.m[LOB_MA][AGG_TOTAL].cents, 100000);
	/* Rows V + W: $400.00 twice. */
	ck_assert_int_eq(m.m[LOB_MA][AGG_CAT3B_4].cents, 80000);
	/* A measure this edition has no rows for is blank. */
	ck_assert(!m.m[LOB_MA][AGG_CAT1].has);
	ck_assert_int_eq(m.m[LOB_MA][AGG_NR_MEETS].cents, 40000);
	ck_assert_str_eq(agg_measure_name(ed, AGG_TOTAL), "Everything (row T)");
	ck_assert_str_eq(agg_measure_name(ed, AGG_CAT1), "cat1");
	ck_assert_str_eq(agg_line_name(ed, LOB_MA), "Medicare plans");
	ck_assert_str_eq(agg_line_name(ed, AGG_ALL), "All lines");
}
END_TEST

static void no_value(void *ctx, int q, char *buf, size_t n)
{
	(void)ctx;
	(void)q;
	snprintf(buf, n, "%s", "");
}

/* The metric tab shows the short labels and headings (a row worded
 * otherwise than the rows' heading, as a total is, in its own words), and
 * the bar takes each category's total row; the status line, the short
 * line names. */
START_TEST(test_screen_words)
{
	static const char *const want[] = {
		"everything", "Group A|no risk", "base payments",
		"Group B|two-sided", "two-sided risk", "Dollars paid in Group B.",
	};
	struct layout L;
	struct layout_in in = {
		.ed = ed, .tab = edition_find_tab(ed, "ma"), .width = 80,
		.compact = true, .value = no_value, .edit_q = -1,
		.value_lines_max = 1,
	};
	char buf[200];

	medicare();
	set("about.ma.base", "yes");
	run();
	in.shown = f->shown;
	ck_assert(layout_build(&L, &in));
	ck_assert_uint_eq(L.n, 6);
	for (size_t i = 0; i < L.n; i++)
		ck_assert_str_eq(L.rows[i].left, want[i]);
	layout_free(&L);
	texts_parts(want[3], " - ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Group B - two-sided");
	ck_assert_str_eq(ed->tabs[in.tab].rows_head, "Dollars paid for ...");
	ck_assert_int_eq(edition_category_row(ed, LOB_MA, 0), q_of("ma.t2"));
	ck_assert_int_eq(edition_category_row(ed, LOB_MA, 1), q_of("ma.t4"));
	ck_assert_str_eq(ed->cats[1].label, "Group B");
	texts_xc_summary(ed, f->xc, " | ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Medicare short by $600.00");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("edition_facts");
	TCase *tc = tcase_create("later");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rule_keys_loaded);
	tcase_add_test(tc, test_nominal_risk_follows_the_method_key);
	tcase_add_test(tc, test_nominal_risk_not_asked_in_the_models_words);
	tcase_add_test(tc, test_checks_in_the_editions_words);
	tcase_add_test(tc, test_keys_and_codebook);
	tcase_add_test(tc, test_aggregate_measures);
	tcase_add_test(tc, test_screen_words);
	suite_add_tcase(s, tc);
	return test_main(s);
}
