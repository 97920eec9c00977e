/* SPDX-License-Identifier: MIT */
/* check_export_json: the JSON export and its import, round and round.
 *
 * tests/data/example.json is a full submission (three lines, the Tab 9
 * worksheet, hidden answers, an acknowledgement) in the export's own
 * layout without the state, figures and checks.  Imported into a new file
 * and exported, it must come back byte for byte with those three added, and
 * the figures must be the ones worked out by hand (in the comments). */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "export.h"
#include "session.h"
#include "store.h"
#include "testlib.h"

static char *dir;
static char err[1024];

static void setup(void)
{
	dir = test_tmpdir();
}

static void teardown(void)
{
	test_rmtree(dir);
	free(dir);
}

static char *data_path(const char *name)
{
	const char *top = getenv("TOPSRCDIR");
	static char path[4096];

	snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", name);
	return path;
}

static char *slurp_data(const char *name, size_t *len)
{
	char *s = test_slurp(data_path(name), len);

	ck_assert_msg(s != NULL, "cannot read %s (run through make check, "
	              "which sets TOPSRCDIR)", data_path(name));
	return s;
}

/* A new, empty submission file in the test's folder. */
static struct session *new_file(const char *name)
{
	char path[4096];
	struct session *s;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_int_eq(session_open(path, STORE_MODE_READ_WRITE, true, &s, err,
	                              sizeof err), STORE_OK);
	return s;
}

/* A new submission file with json imported. */
static struct session *new_with(const char *name, const char *json,
                                size_t len)
{
	struct session *s = new_file(name);

	ck_assert_msg(store_import_json(s->st, json, len, NULL, NULL, err, sizeof err) ==
	              STORE_OK, "import: %s", err);
	ck_assert_int_eq(session_refresh(s, err, sizeof err), STORE_OK);
	return s;
}

static char *export_of(struct session *s, size_t *len)
{
	struct export_input in;
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	ck_assert_ptr_nonnull(f);
	session_export_input(s, &in);
	ck_assert_msg(export_json(f, &in, err, sizeof err), "%s", err);
	fclose(f);
	return buf;
}

/* The export with its state line, figures and checks taken out: what an
 * import reads back. */
static char *data_part(const char *e)
{
	const char *state = strstr(e, "  \"state\": ");
	const char *state_end = state ? strchr(state, '\n') : NULL;
	const char *figures = strstr(e, ",\n  \"figures\": {");
	char *out;

	ck_assert(state && state_end && figures && state < figures);
	out = malloc(strlen(e) + 8);
	ck_assert_ptr_nonnull(out);
	sprintf(out, "%.*s%.*s\n}\n", (int)(state - e), e,
	        (int)(figures - state_end - 1), state_end + 1);
	return out;
}

START_TEST(example_comes_back_exactly)
{
	size_t len, l1, l2;
	char *json = slurp_data("example.json", &len);
	struct session *s1 = new_with("one.apmwb", json, len);
	char *e1 = export_of(s1, &l1);
	struct session *s2;
	char *e2, *part;

	/* The export holds the input as it was, byte for byte... */
	part = data_part(e1);
	ck_assert_str_eq(part, json);
	/* ...and a file made from the export exports the same again, state,
	 * figures and checks included. */
	s2 = new_with("two.apmwb", e1, l1);
	e2 = export_of(s2, &l2);
	ck_assert_str_eq(e2, e1);
	session_close(s1);
	session_close(s2);
	free(part);
	free(e1);
	free(e2);
	free(json);
}
END_TEST

START_TEST(example_figures_by_hand)
{
	/* Commercial: 2,160 + 600 + 700 + 910 + 290 (millions) = 4,660 of
	 * 5,000: short by 340.  MA: 1,540,000,000.25 + 50M + 410M + 100M +
	 * 799,999,999.75 = 2,900M exactly.  Medicaid 1,000 + 290 + 1,510 + 300
	 * = 3,100.  Nominal risk: the seed's Tab 9 table. */
	static const char *const want[] = {
		"\"commercial.m2.share\": \"43.2\"",       /* 2160/5000 */
		"\"commercial.m10\": \"1610000000.00\"",   /* 700 + 910 */
		"\"commercial.m16\": \"290000000.00\"",    /* m15 hidden: not 295 */
		"\"commercial.m18\": \"2500000000.00\"",   /* 600 + 1610 + 290 */
		"\"commercial.m19.share\": \"38.0\"",      /* 1900/5000 */
		"\"ma.m2.share\": \"53.1\"",               /* 53.1034... */
		"\"ma.m18\": \"1359999999.75\"",
		"\"ma.m18.share\": \"46.9\"",              /* 46.8965... */
		"\"ma.m19.share\": \"45.2\"",              /* 45.1724... */
		"\"medicaid.m4.share\": \"9.4\"",          /* 9.3548... */
		"\"medicaid.m18.share\": \"67.7\"",        /* 2100/3100 */
		"\"xc.commercial.ok\": \"no\"",
		"\"xc.commercial.diff\": \"-340000000.00\"",
		"\"xc.ma.ok\": \"yes\"",
		"\"xc.ma.diff\": \"0.00\"",
		"\"nr.commercial.meets\": \"800000000.00\"",
		"\"nr.commercial.meets.share\": \"16.0\"",
		"\"nr.commercial.fails.share\": \"2.2\"",
		"\"nr.medicare.meets.share\": \"10.7\"",
		"\"nr.medicare.fails.share\": \"3.4\"",
		"\"nr.medicaid.meets\": \"1500000000.00\"",
		"\"nr.medicaid.meets.share\": \"48.4\"",
		"\"nr.medicaid.fails.share\": \"0.3\"",
		"\"nr.all.meets\": \"2610000000.00\"",
		"\"nr.all.meets.share\": \"23.7\"",
		"\"nr.all.fails\": \"220000000.00\"",
		"\"nr.all.fails.share\": \"2.0\"",
		"\"nr.all.total.share\": \"25.7\"",
		"\"state\": {\"complete\": false, \"signed_by\": null, "
		"\"signed_at\": null}",
		"{\"severity\": \"error\", \"id\": \"xc.commercial\"",
		"\"acknowledged\": \"The integrated delivery contract ended in "
		"2018; its dollars are kept for reference only.\"}",
	};
	size_t len, l1;
	char *json = slurp_data("example.json", &len);
	struct session *s = new_with("one.apmwb", json, len);
	char *e = export_of(s, &l1);

	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ck_assert_msg(strstr(e, want[i]) != NULL, "no %s", want[i]);
	/* A hidden answer is kept but counts in no figure. */
	ck_assert(strstr(e, "\"hidden_answers\": {\n    \"commercial.m15\": "
	                 "\"5000000.00\",\n    \"iq.decrease_most\": \"3a\"\n"
	                 "  }") != NULL);
	session_close(s);
	free(e);
	free(json);
}
END_TEST

/* The example with one piece of text replaced, or NULL if it has none. */
static char *example_with(const char *from, const char *to, size_t *len)
{
	char *json = slurp_data("example.json", len);
	char *at = strstr(json, from), *out;

	ck_assert_msg(at != NULL, "the example has no %s", from);
	out = malloc(*len + strlen(to) + 1);
	ck_assert_ptr_nonnull(out);
	sprintf(out, "%.*s%s%s", (int)(at - json), json, to, at + strlen(from));
	*len = strlen(out);
	free(json);
	return out;
}

START_TEST(contract_results_are_checked)
{
	/* Contract 1 (5% x 30% = 1.5%, below 3%): a net risk or a verdict
	 * that does not follow from its fields is refused, nothing changes. */
	static const struct { const char *from, *to, *want; } cases[] = {
		{ "\"net_risk\": \"1.5\"", "\"net_risk\": \"6.5\"",
		  "contracts[0] (contract 1) net_risk \"6.5\" is not the "
		  "contract's net risk: risk_max 5.0% x shared_risk 30.0% is "
		  "1.5% (the results are checked, never imported)" },
		{ "\"meets\": \"no\", \"why_not\": \"net risk 1.5%",
		  "\"meets\": \"yes\", \"why_not\": \"net risk 1.5%",
		  "contracts[0] (contract 1) meets \"yes\" says yes, but the "
		  "contract does not meet the threshold: net risk 1.5% is below "
		  "3% (TCOC)" },
		{ "\"dollars\": \"100000000.00\", \"net_risk\": \"1.5\"",
		  "\"dollars\": \"100000000.00\", \"net_risk\": 1.5",
		  "contracts[0] (contract 1) net_risk is a number" },
	};
	struct session *s = new_file("r.apmwb");

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		char *json = example_with(cases[i].from, cases[i].to, &len);

		ck_assert_int_eq(store_import_json(s->st, json, len, NULL, NULL, err,
		                                   sizeof err), STORE_INVALID);
		ck_assert_msg(strstr(err, cases[i].want) != NULL, "'%s' lacks "
		              "'%s'", err, cases[i].want);
		free(json);
	}
	/* Blank (null) results are not given: nothing to check. */
	{
		size_t len;
		char *json = example_with("\"net_risk\": \"1.5\", \"meets\": "
		                          "\"no\"", "\"net_risk\": null, "
		                          "\"meets\": null", &len);

		ck_assert_msg(store_import_json(s->st, json, len, NULL, NULL, err, sizeof err)
		              == STORE_OK, "%s", err);
		free(json);
	}
	session_close(s);
}
END_TEST

START_TEST(awkward_text_round_trips)
{
	/* Text that JSON must escape (quotes, backslashes, newlines) and
	 * text it must not touch (non-ASCII, a slash). */
	static const char *const keys[] = {
		"gi.contact_name", "gi.org_name", "gi.assumptions",
		"gi.lob.commercial",
	};
	static const char *const values[] = {
		"Zo\xc3\xab \"Q\" O'Brien-\xe5\xbc\xa0", "Back\\slash & /slash/",
		"line one\nline \xe2\x80\x9ctwo\xe2\x80\x9d\n\nafter a blank",
		"yes",
	};
	struct session *s = new_file("a.apmwb");
	size_t l1, l2;
	char *e1, *e2;

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		ck_assert_msg(session_set_text(s, edition_find(s->ed, keys[i]),
		                               values[i], err, sizeof err) ==
		              STORE_OK, "%s: %s", keys[i], err);
	e1 = export_of(s, &l1);
	ck_assert(strstr(e1, "\"gi.contact_name\": \"Zo\xc3\xab \\\"Q\\\" "
	                 "O'Brien-\xe5\xbc\xa0\"") != NULL);
	ck_assert(strstr(e1, "\"gi.org_name\": \"Back\\\\slash & /slash/\"")
	          != NULL);
	ck_assert(strstr(e1, "\"gi.assumptions\": \"line one\\nline "
	                 "\xe2\x80\x9ctwo\xe2\x80\x9d\\n\\nafter a blank\"")
	          != NULL);
	session_close(s);
	s = new_with("b.apmwb", e1, l1);
	e2 = export_of(s, &l2);
	ck_assert_str_eq(e2, e1);
	session_close(s);
	free(e1);
	free(e2);
}
END_TEST

START_TEST(empty_submission_round_trips)
{
	struct session *s = new_file("empty.apmwb");
	size_t l1, l2;
	char *e1, *e2;

	e1 = export_of(s, &l1);
	ck_assert(strstr(e1, "\"hidden_answers\": {},\n  \"contracts\": [],\n"
	                 "  \"acknowledgements\": [],") != NULL);
	session_close(s);
	s = new_with("b.apmwb", e1, l1);
	e2 = export_of(s, &l2);
	ck_assert_str_eq(e2, e1);
	session_close(s);
	free(e1);
	free(e2);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("export_json");
	TCase *tc = tcase_create("round trip");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, example_comes_back_exactly);
	tcase_add_test(tc, example_figures_by_hand);
	tcase_add_test(tc, contract_results_are_checked);
	tcase_add_test(tc, awkward_text_round_trips);
	tcase_add_test(tc, empty_submission_round_trips);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(suite());
}
