/* SPDX-License-Identifier: MIT */
/* check_edition.c: the built-in 2020 edition is the workbook, whole; the
 * builder refuses malformed rows with a message. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "lob.h"
#include "testlib.h"

static const struct edition *ed;

static void setup(void)
{
	ed = test_edition();
}

static const struct question *q_of(const char *key)
{
	int i = edition_find(ed, key);

	ck_assert_msg(i >= 0, "no key %s", key);
	return &ed->qs[i];
}

START_TEST(test_info)
{
	ck_assert_str_eq(ed->id, "2020");
	ck_assert_str_eq(ed->form, "CMS-10620");
	ck_assert_str_eq(ed->data_year, "CY 2019");
	ck_assert_str_eq(ed->title, "APM National Data Collection Metrics");
}
END_TEST

START_TEST(test_tabs_in_order)
{
	static const char *ids[] = { "gi", "pm", "commercial", "ma", "medicaid",
	                             "xc", "nr", "iq" };
	size_t i;
	int next = 0;

	ck_assert_uint_eq(ed->ntabs, 8);
	for (i = 0; i < 8; i++) {
		ck_assert_str_eq(ed->tabs[i].id, ids[i]);
		ck_assert_int_eq(edition_find_tab(ed, ids[i]), (int)i);
		/* Questions are grouped by tab, in tab order, none left out
		 * (Cross-checking asks nothing: it is all computed). */
		if (ed->tabs[i].nq > 0)
			ck_assert_int_eq(ed->tabs[i].first_q, next);
		next += ed->tabs[i].nq;
	}
	ck_assert_int_eq(next, (int)ed->nq);
	ck_assert_int_eq(ed->tabs[2].lob, LOB_COMMERCIAL);
	ck_assert_int_eq(ed->tabs[3].lob, LOB_MA);
	ck_assert_int_eq(ed->tabs[4].lob, LOB_MEDICAID);
	ck_assert_int_eq(ed->tabs[0].lob, LOB_NONE);
	ck_assert_int_eq(edition_find_tab(ed, "definitions"), -1);
	/* Each metric tab carries the workbook's Methods text as its help. */
	for (i = 2; i <= 4; i++)
		ck_assert_msg(strncmp(ed->tabs[i].help, "Methods", 7) == 0,
		              "%s", ed->tabs[i].id);
}
END_TEST

START_TEST(test_models)
{
	static const struct { const char *id, *cat; } m[] = {
		{ "cat1_legacy", "1" },
		{ "cat3b_shared_risk", "3" },
		{ "cat4a_condition_bundles", "4" },
		{ "cat4b_population", "4" },
		{ "cat4b_premium", "4" },
	};
	size_t i;

	ck_assert_uint_eq(ed->nmodels, 12);
	for (i = 0; i < sizeof m / sizeof m[0]; i++) {
		const struct model *md = edition_find_model(ed, m[i].id);

		ck_assert_msg(md != NULL, "no model %s", m[i].id);
		ck_assert_str_eq(md->category, m[i].cat);
	}
	ck_assert_ptr_null(edition_find_model(ed, "cat5"));
	/* One in-effect question per model and line. */
	for (i = 0; i < ed->nmodels; i++) {
		char key[96];

		snprintf(key, sizeof key, "pm.ma.%s", ed->models[i].id);
		ck_assert_int_eq(q_of(key)->type, Q_YESNO);
	}
}
END_TEST

/* Each line's 19 rows: numbered 1..19, one denominator, the six computed
 * rows summing what the workbook sums. */
START_TEST(test_metric_rows)
{
	static const char *lines[] = { "commercial", "ma", "medicaid" };
	static const struct { int row; const char *sum; } comp[] = {
		{ 5, "3 4" }, { 10, "6 7 8 9" }, { 16, "11 12 13 14 15" },
		{ 17, "2" }, { 18, "5 10 16" }, { 19, "10 16" },
	};
	int l = _i;
	int row, nnum = 0, ncomp = 0;
	size_t c;

	for (row = 1; row <= 19; row++) {
		char key[48], num[16];
		const struct question *q;

		snprintf(key, sizeof key, "%s.m%d", lines[l], row);
		q = q_of(key);
		snprintf(num, sizeof num, "%d", row);
		ck_assert_str_eq(q->row, num);
		ck_assert_int_eq(q->lob, l == 0 ? LOB_COMMERCIAL :
		                 l == 1 ? LOB_MA : LOB_MEDICAID);
		ck_assert_ptr_nonnull(q->share_label);
		if (row == 1) {
			ck_assert_int_eq(q->role, ROLE_DENOMINATOR);
			ck_assert_int_eq(edition_denominator(ed, q->lob),
			                 edition_find(ed, key));
		}
		if (q->role == ROLE_NUMERATOR) {
			nnum++;
			ck_assert_int_eq(q->type, Q_MONEY);
			ck_assert_ptr_nonnull(q->model);
			ck_assert_int_eq(edition_model_row(ed, q->lob, q->model),
			                 edition_find(ed, key));
		}
		if (q->type == Q_COMPUTED)
			ncomp++;
	}
	/* Every model has its row, and only the models' rows add up. */
	ck_assert_int_eq(nnum, 12);
	ck_assert_int_eq(ncomp, 6);
	for (c = 0; c < sizeof comp / sizeof comp[0]; c++) {
		char key[48], want[64] = "", got[64] = "";
		const struct question *q;
		size_t k;

		snprintf(key, sizeof key, "%s.m%d", lines[l], comp[c].row);
		q = q_of(key);
		ck_assert_int_eq(q->type, Q_COMPUTED);
		ck_assert_int_eq(q->role, ROLE_SUBTOTAL);
		for (k = 0; k < q->nformula; k++) {
			const char *fk = ed->qs[q->formula[k]].key;

			strncat(got, strrchr(fk, 'm') + 1,
			        sizeof got - strlen(got) - 2);
			if (k + 1 < q->nformula)
				strcat(got, " ");
		}
		strcpy(want, comp[c].sum);
		ck_assert_msg(strcmp(got, want) == 0, "%s sums %s, not %s", key,
		              got, want);
	}
}
END_TEST

/* The commercial tab numbers the two Category 4 rows the other way round
 * from Medicare Advantage and Medicaid, as the workbook does. */
START_TEST(test_commercial_rows_12_13)
{
	ck_assert_str_eq(q_of("commercial.m12")->model, "cat4b_population");
	ck_assert_str_eq(q_of("commercial.m13")->model,
	                 "cat4a_condition_bundles");
	ck_assert_str_eq(q_of("ma.m12")->model, "cat4a_condition_bundles");
	ck_assert_str_eq(q_of("ma.m13")->model, "cat4b_population");
	ck_assert_str_eq(q_of("medicaid.m12")->model, "cat4a_condition_bundles");
	ck_assert_str_eq(q_of("medicaid.m13")->model, "cat4b_population");
}
END_TEST

START_TEST(test_display_conditions)
{
	const struct question *q = q_of("ma.m8");

	/* A model's row shows when that model is in effect on that line. */
	ck_assert_uint_eq(q->ncond, 1);
	ck_assert_uint_eq(q->cond[0].nkeys, 1);
	ck_assert_str_eq(ed->qs[q->cond[0].qidx[0]].key,
	                 "pm.ma.cat3b_shared_risk");
	ck_assert_str_eq(q->cond[0].value, "yes");
	/* Always asked. */
	ck_assert_uint_eq(q_of("gi.contact_name")->ncond, 0);
	/* Each condition names only questions that come earlier. */
	for (size_t i = 0; i < ed->nq; i++)
		for (size_t t = 0; t < ed->qs[i].ncond; t++)
			for (size_t k = 0; k < ed->qs[i].cond[t].nkeys; k++)
				ck_assert_msg(ed->qs[i].cond[t].qidx[k] < (int)i,
				              "%s", ed->qs[i].key);
}
END_TEST

START_TEST(test_required_and_choices)
{
	static const char *req[] = { "gi.contact_name", "gi.contact_email",
	                             "gi.contact_phone", "gi.org_name",
	                             "nr.method" };
	size_t i;

	for (i = 0; i < sizeof req / sizeof req[0]; i++)
		ck_assert_msg(q_of(req[i])->required, "%s", req[i]);
	ck_assert(!q_of("gi.assumptions")->required);
	ck_assert_int_eq(q_of("gi.contact_email")->type, Q_EMAIL);
	ck_assert_int_eq(q_of("gi.contact_phone")->type, Q_PHONE);
	ck_assert_int_eq(q_of("gi.members.ma")->type, Q_WHOLE);
	ck_assert_int_eq(q_of("gi.hours.ma")->type, Q_HOURS);
	ck_assert_int_eq(q_of("iq.barriers")->type, Q_MULTI);
	ck_assert_int_eq(q_of("iq.barriers")->max_choices, 3);
	ck_assert_int_eq(q_of("iq.facilitators")->max_choices, 3);
	ck_assert_ptr_nonnull(edition_find_choice(q_of("iq.barriers"), "other"));
	ck_assert_ptr_null(edition_find_choice(q_of("iq.barriers"), "nope"));
	ck_assert_int_eq(q_of("nr.method")->type, Q_CHOICE);
	ck_assert_uint_eq(q_of("nr.method")->choices->n, 2);
}
END_TEST

/* Every help term a question names is in the Definitions, and the help
 * topics the screens and checks use are there. */
START_TEST(test_help_resolves)
{
	static const char *topics[] = { "introduction", "cross_checking",
	                                "xc_over", "xc_under", "nominal_intro",
	                                "nominal_example", "informational" };
	size_t i, terms = 0;

	ck_assert_uint_eq(ed->ndefs, 38);
	for (i = 0; i < ed->nq; i++) {
		char *h, *t, *save = NULL;

		if (!ed->qs[i].help)
			continue;
		h = strdup(ed->qs[i].help);
		ck_assert_ptr_nonnull(h);
		for (t = strtok_r(h, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
			ck_assert_msg(edition_find_definition(ed, t) != NULL,
			              "%s: no definition of '%s'", ed->qs[i].key, t);
			terms++;
		}
		free(h);
	}
	ck_assert_uint_gt(terms, 50);
	for (i = 0; i < sizeof topics / sizeof topics[0]; i++)
		ck_assert_msg(edition_find_help(ed, topics[i]) != NULL, "%s",
		              topics[i]);
	ck_assert_ptr_null(edition_find_definition(ed, "No such term"));
}
END_TEST

START_TEST(test_keys_sorted_and_found)
{
	size_t i;

	ck_assert_uint_eq(ed->nq, 122);
	for (i = 0; i < ed->nq; i++)
		ck_assert_int_eq(edition_find(ed, ed->qs[i].key), (int)i);
	ck_assert_int_eq(edition_find(ed, "gi.nope"), -1);
	ck_assert_int_eq(edition_find(ed, ""), -1);
}
END_TEST

/* The keys the program's rules work with are the edition's. */
START_TEST(test_rule_keys)
{
	ck_assert_int_eq(ed->name_q, edition_find(ed, "gi.org_name"));
	ck_assert_int_eq(ed->nr_method_q, edition_find(ed, "nr.method"));
	ck_assert_str_eq(ed->nr_attest, "attest");
	ck_assert_str_eq(ed->nr_worksheet, "worksheet");
	ck_assert_str_eq(ed->nr_model, "cat3b_shared_risk");
	ck_assert_int_eq(edition_models_tab(ed), edition_find_tab(ed, "pm"));
}
END_TEST

/* Each line's names, and the yes/no its row 1 is asked on. */
START_TEST(test_lines)
{
	static const struct {
		int lob;
		const char *name, *short_name, *nr_name, *selector;
	} w[] = {
		{ LOB_COMMERCIAL, "Commercial", "Commercial", "Commercial",
		  "gi.lob.commercial" },
		{ LOB_MA, "Medicare Advantage", "MA", "Medicare", "gi.lob.ma" },
		{ LOB_MEDICAID, "Medicaid", "Medicaid", "Medicaid",
		  "gi.lob.medicaid" },
	};

	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		ck_assert_str_eq(edition_line_name(ed, w[i].lob), w[i].name);
		ck_assert_str_eq(edition_line_short(ed, w[i].lob), w[i].short_name);
		ck_assert_str_eq(edition_line_nr_name(ed, w[i].lob), w[i].nr_name);
		ck_assert_int_eq(edition_line_selector(ed, w[i].lob),
		                 edition_find(ed, w[i].selector));
		/* The tab bar says what the tables say. */
		ck_assert_str_eq(ed->tabs[2 + i].short_title, w[i].short_name);
	}
	ck_assert_str_eq(edition_line_name(ed, LOB_NONE), "");
}
END_TEST

/* The bar's four categories, each the total of rows 2, 5, 10 and 16. */
START_TEST(test_categories)
{
	static const char *const rows[4] = { "m2", "m5", "m10", "m16" };
	static const char *lines[] = { "commercial", "ma", "medicaid" };

	ck_assert_uint_eq(ed->ncats, 4);
	for (int c = 0; c < 4; c++) {
		char id[12], label[16];

		snprintf(id, sizeof id, "%d", c + 1);
		snprintf(label, sizeof label, "Cat %d", c + 1);
		ck_assert_str_eq(ed->cats[c].id, id);
		ck_assert_str_eq(ed->cats[c].label, label);
		for (int l = 0; l < LOB_COUNT; l++) {
			char key[32];

			snprintf(key, sizeof key, "%s.%s", lines[l], rows[c]);
			ck_assert_int_eq(edition_category_row(ed, l, c),
			                 edition_find(ed, key));
			ck_assert_int_eq(q_of(key)->total_of, c);
		}
	}
	ck_assert_int_eq(edition_category_row(ed, LOB_MA, 4), -1);
	ck_assert_int_eq(q_of("ma.m17")->total_of, -1);
}
END_TEST

/* Every metric row has a short label cut from its wording, every section
 * heading of a metric tab a short one; the tab heads the column. */
START_TEST(test_short_labels)
{
	size_t rows = 0, sections = 0;

	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];

		if (ed->tabs[q->tab].lob == LOB_NONE) {
			ck_assert_ptr_null(q->short_label);
			ck_assert_ptr_null(q->section_short);
			continue;
		}
		ck_assert_msg(q->short_label && strstr(q->label, q->short_label),
		              "%s", q->key);
		rows++;
		ck_assert_int_eq(!q->section, !q->section_short);
		sections += q->section_short != NULL;
	}
	ck_assert_uint_eq(rows, 57);
	ck_assert_uint_eq(sections, 15);
	ck_assert_str_eq(q_of("commercial.m1")->short_label,
	                 "(in and out of network) for commercial members");
	ck_assert_str_eq(q_of("ma.m2")->short_label, "legacy payments "
	                 "(including fee-for-service, diagnosis-related groups, "
	                 "or capitation without quality components)");
	ck_assert_str_eq(q_of("medicaid.m5")->short_label, "Category 2");
	ck_assert_str_eq(q_of("commercial.m3")->short_label, "foundational "
	                 "spending to improve care (linked to quality)");
	ck_assert_str_eq(q_of("commercial.m2")->section_short,
	                 "Category 1|not linked to quality");
	ck_assert_str_eq(q_of("ma.m6")->section_short,
	                 "Category 3|linked to quality");
	ck_assert_str_eq(q_of("medicaid.m17")->section_short,
	                 "Aggregated Metrics");
	for (size_t t = 0; t < ed->ntabs; t++)
		if (ed->tabs[t].lob != LOB_NONE)
			ck_assert_str_eq(ed->tabs[t].rows_head,
			                 "Total dollars paid to providers \u2026");
		else
			ck_assert_ptr_null(ed->tabs[t].rows_head);
}
END_TEST

/* The national measures, in order, and the rows each adds. */
START_TEST(test_measures)
{
	static const struct { const char *id, *label, *rows; } m[] = {
		{ "total", "Total dollars paid (row 1)", "m1" },
		{ "cat1", "Category 1: legacy (row 2)", "m2" },
		{ "cat2", "Category 2 (row 5)", "m5" },
		{ "cat3", "Category 3 (row 10)", "m10" },
		{ "cat4", "Category 4 (row 16)", "m16" },
		{ "cat2_4", "Categories 2-4 (row 18)", "m18" },
		{ "cat3_4", "Categories 3-4 (row 19)", "m19" },
		{ "cat3b_4", "Categories 3B-4 (rows 8+9+16)", "m8 m9 m16" },
		{ "nr_meets", "Nominal risk: meets", "" },
		{ "nr_fails", "Nominal risk: does not meet", "" },
	};

	ck_assert_uint_eq(ed->nmeasures, 10);
	for (size_t i = 0; i < 10; i++) {
		char rows[64] = "";

		ck_assert_str_eq(ed->measures[i].id, m[i].id);
		ck_assert_str_eq(ed->measures[i].label, m[i].label);
		for (size_t k = 0; k < ed->measures[i].nrows; k++) {
			strcat(rows, k ? " " : "");
			strcat(rows, ed->measures[i].rows[k]);
		}
		ck_assert_str_eq(rows, m[i].rows);
		ck_assert_ptr_eq(edition_find_measure(ed, m[i].id),
		                 &ed->measures[i]);
	}
	ck_assert_ptr_null(edition_find_measure(ed, "cat5"));
}
END_TEST

/* ---- the builder refuses what does not make an edition ---- */

static struct edition *tiny(void)
{
	struct edition *e = edition_new();
	char err[256];

	ck_assert_ptr_nonnull(e);
	ck_assert_msg(edition_set_info(e, "t", "Tiny", "F", "CY", err,
	                               sizeof err), "%s", err);
	ck_assert_msg(edition_add_tab(e, "gi", "General", "Gen", "", "", err,
	                              sizeof err), "%s", err);
	return e;
}

static struct question_row row_of(const char *key, const char *type)
{
	struct question_row r;

	memset(&r, 0, sizeof r);
	r.key = key;
	r.tab = "gi";
	r.type = type;
	r.label = key;
	return r;
}

START_TEST(test_builder_refusals)
{
	struct edition *e = tiny();
	struct question_row r;
	char err[256] = "";

	r = row_of("gi.a", "text");
	ck_assert(edition_add_question(e, &r, err, sizeof err));
	r = row_of("gi.a", "text");
	ck_assert(!edition_add_question(e, &r, err, sizeof err));
	ck_assert_msg(strstr(err, "gi.a") != NULL, "%s", err);
	r = row_of("gi.b", "colour");
	ck_assert(!edition_add_question(e, &r, err, sizeof err));
	ck_assert_msg(strstr(err, "colour") != NULL, "%s", err);
	r = row_of("gi.c", "text");
	r.tab = "zz";
	ck_assert(!edition_add_question(e, &r, err, sizeof err));
	r = row_of("gi.d", "text");
	r.show_if = "gi.later=yes";
	ck_assert(edition_add_question(e, &r, err, sizeof err));
	/* A condition on a question that never comes is found at the end. */
	ck_assert(!edition_finish(e, err, sizeof err));
	ck_assert_msg(strstr(err, "gi.later") != NULL, "%s", err);
	edition_free(e);
}
END_TEST

/* An edition whose rule keys, lines, categories or measures name what it
 * does not have is refused, with the name in the message. */
static struct edition *with_metrics(void)
{
	struct edition *e = tiny();
	struct question_row r;
	char err[256];

	ck_assert(edition_add_tab(e, "ma", "MA", "MA", "", "", err, sizeof err));
	ck_assert(edition_add_model(e, "risk", "Risk", "B", err, sizeof err));
	ck_assert(edition_add_category(e, "B", "Group B", err, sizeof err));
	ck_assert(edition_add_choice(e, "how", "all", "All", err, sizeof err));
	ck_assert(edition_add_choice(e, "how", "each", "Each", err, sizeof err));
	r = row_of("gi.how", "choice");
	r.choices = "how";
	ck_assert_msg(edition_add_question(e, &r, err, sizeof err), "%s", err);
	r = row_of("ma.m1", "money");
	r.tab = "ma";
	r.role = "denominator";
	ck_assert_msg(edition_add_question(e, &r, err, sizeof err), "%s", err);
	r = row_of("ma.m2", "money");
	r.tab = "ma";
	r.role = "numerator";
	r.model = "risk";
	r.total_of = "B";
	ck_assert_msg(edition_add_question(e, &r, err, sizeof err), "%s", err);
	return e;
}

static void refused(struct edition *e, const char *needle)
{
	char err[256] = "";

	ck_assert(!edition_finish(e, err, sizeof err));
	ck_assert_msg(strstr(err, needle) != NULL, "'%s' lacks '%s'", err,
	              needle);
	edition_free(e);
}

START_TEST(test_builder_refuses_facts)
{
	struct edition *e;
	struct edition_keys k = { .nr_method = "gi.how", .nr_attest = "all",
	                          .nr_worksheet = "each", .nr_model = "risk" };
	struct question_row r;
	char err[256] = "";

	/* The whole set is accepted. */
	e = with_metrics();
	ck_assert(edition_set_keys(e, &k, err, sizeof err));
	ck_assert(edition_add_measure(e, "total", "All", "m1 + m2", err,
	                              sizeof err));
	ck_assert_msg(edition_finish(e, err, sizeof err), "%s", err);
	ck_assert_int_eq(e->nr_method_q, edition_find(e, "gi.how"));
	ck_assert_int_eq(edition_category_row(e, LOB_MA, 0),
	                 edition_find(e, "ma.m2"));
	ck_assert_uint_eq(e->measures[0].nrows, 2);
	edition_free(e);

	e = with_metrics();
	k.nr_model = "nope";
	ck_assert(edition_set_keys(e, &k, err, sizeof err));
	refused(e, "nope");
	e = with_metrics();
	k.nr_model = "risk";
	k.nr_worksheet = "sheet";
	ck_assert(edition_set_keys(e, &k, err, sizeof err));
	refused(e, "sheet");
	e = with_metrics();
	k.nr_worksheet = "each";
	k.nr_method = "ma.m1";
	ck_assert(edition_set_keys(e, &k, err, sizeof err));
	refused(e, "ma.m1");
	e = with_metrics();
	k = (struct edition_keys){ .name = "gi.who" };
	ck_assert(edition_set_keys(e, &k, err, sizeof err));
	refused(e, "gi.who");
	e = with_metrics();
	ck_assert(edition_add_measure(e, "total", "All", "m1 + m9", err,
	                              sizeof err));
	refused(e, "ma.m9");
	/* Two rows totalling one category on a line. */
	e = with_metrics();
	r = row_of("ma.m3", "money");
	r.tab = "ma";
	r.total_of = "B";
	ck_assert(edition_add_question(e, &r, err, sizeof err));
	refused(e, "ma.m3");
	/* Refused at once: an unknown category, line, or an empty term. */
	e = with_metrics();
	r = row_of("ma.m3", "money");
	r.tab = "ma";
	r.total_of = "Z";
	ck_assert(!edition_add_question(e, &r, err, sizeof err));
	ck_assert_msg(strstr(err, "'Z'") != NULL, "%s", err);
	ck_assert(!edition_add_line(e, "dental", "Dental", "D", "D", err,
	                            sizeof err));
	ck_assert_msg(strstr(err, "dental") != NULL, "%s", err);
	ck_assert(edition_add_line(e, "ma", "Medicare", "M", "Senior", err,
	                           sizeof err));
	ck_assert(!edition_add_line(e, "ma", "Medicare", "M", "Senior", err,
	                            sizeof err));
	ck_assert(!edition_add_measure(e, "cat1", "C", "m1 + ", err,
	                               sizeof err));
	ck_assert(!edition_add_category(e, "C", "Late", err, sizeof err));
	edition_free(e);
}
END_TEST

static Suite *edition_suite(void)
{
	Suite *s = suite_create("edition");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_info);
	tcase_add_test(tc, test_tabs_in_order);
	tcase_add_test(tc, test_models);
	tcase_add_loop_test(tc, test_metric_rows, 0, 3);
	tcase_add_test(tc, test_commercial_rows_12_13);
	tcase_add_test(tc, test_display_conditions);
	tcase_add_test(tc, test_required_and_choices);
	tcase_add_test(tc, test_help_resolves);
	tcase_add_test(tc, test_keys_sorted_and_found);
	tcase_add_test(tc, test_rule_keys);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_categories);
	tcase_add_test(tc, test_short_labels);
	tcase_add_test(tc, test_measures);
	tcase_add_test(tc, test_builder_refusals);
	tcase_add_test(tc, test_builder_refuses_facts);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(edition_suite());
}
