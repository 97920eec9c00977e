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
	tcase_add_test(tc, test_builder_refusals);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(edition_suite());
}
