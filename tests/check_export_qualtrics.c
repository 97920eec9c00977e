/* SPDX-License-Identifier: MIT */
/* check_export_qualtrics: the Qualtrics response layout and its map.
 *
 * A small map and a small submission give an export written out here by
 * hand, byte for byte, and so do the response metadata, both ImportId
 * shapes, values as typed, the places and recodes a map gives; every way
 * a map can be wrong is refused with its line, all of them at once; a map
 * that misses an answer the edition or the submission gives names the
 * key; and the shipped template, built into the program, loads, covers
 * every answer of the edition and numbers its placeholder ids
 * consistently. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "mem.h"
#include "qualtrics_map.h"
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

static const char *const small[][2] = {
	{ "gi.contact_name", "Jane Doe" },
	{ "gi.lob.commercial", "yes" },
	{ "gi.lob.ma", "no" },
	{ "pm.commercial.cat1_legacy", "yes" },
	{ "commercial.m1", "10000.00" },
	{ "commercial.m2", "1125.00" },
	{ "iq.trend", "same" },
	{ "iq.increase_most", "4b" },           /* hidden: trend is not increase */
	{ "iq.barriers", "plan_interest\nother" },
	{ "iq.barriers_other", "=Other, \"quoted\"" },
};

#define HEAD "key,choice,column,import_id,question_text,recode\n"

static const char small_map[] =
	"# A comment may say \"anything\", even an unclosed \" quote\n"
	HEAD
	",,ResponseId,\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",Response ID,\n"
	"gi.contact_name,,Q1,QID1_TEXT,Name,\n"
	"gi.lob.commercial,yes,Q2_1,QID2_1,Lines - Commercial,1\n"
	"gi.lob.commercial,no,Q2_1,QID2_1,,\n"
	"gi.lob.ma,yes,Q2_2,QID2_2,Lines - MA,1\n"
	"gi.lob.ma,no,Q2_2,QID2_2,,\n"
	"\n"
	"iq.trend,increase,Q3,QID3,Trend,1\n"
	"iq.trend,same,Q3,QID3,,2\n"
	"iq.trend,decrease,Q3,QID3,,3\n"
	"iq.trend,not_sure,Q3,QID3,,4\n"
	"iq.increase_most,4b,Q6,QID6,Most,4\n"
	"iq.barriers,plan_interest,Q4_2,QID4_2,,1\n"
	"iq.barriers,other,Q4_10,QID4_10,,1\n"
	"iq.barriers_other,,Q4_10_TEXT,QID4_10_TEXT,Other text,\n"
	"commercial.m1,,Q5_1,QID5_1,Row 1,\n"
	"commercial.m2,,Q5_2,QID5_2,Row 2,\n"
	"xc.commercial.diff,,X1,QIDX1,Difference,\n"
	"xc.ma.diff,,X2,QIDX2,Difference MA,\n"
	"pm.commercial.cat1_legacy,yes,Q7_1,QID7_1,Legacy,1\n"
	"pm.commercial.cat1_legacy,no,Q7_1,QID7_1,,2\n";

static struct qualtrics_map *parse(const char *text, char *err, size_t n)
{
	return qualtrics_map_parse(test_edition(), text, strlen(text), err, n);
}

static char *export_with(struct sub *s, const struct qualtrics_map *m,
                         bool *ok, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	*ok = export_qualtrics(f, &s->in, m, err, errlen);
	fclose(f);
	return buf;
}

START_TEST(small_export_by_hand)
{
	static const char want[] =
		/* row 1: the map's columns in its order */
		"ResponseId,Q1,Q2_1,Q2_2,Q3,Q6,Q4_2,Q4_10,Q4_10_TEXT,Q5_1,Q5_2,X1,X2,"
		"Q7_1\r\n"
		/* row 2: the map's texts; a blank one takes the edition's
		 * question and the choice, as Qualtrics writes it: "Selected
		 * Choice" for the boxes of a question with an "other" text */
		"Response ID,Name,Lines - Commercial,Lines - MA,Trend,Most,"
		"\"From health plan\xe2\x80\x99s perspective, what are the top "
		"barriers to APM adoption? (Select up to 3) - Selected Choice - "
		"Health plan interest/readiness\","
		"\"From health plan\xe2\x80\x99s perspective, what are the top "
		"barriers to APM adoption? (Select up to 3) - Selected Choice - "
		"Other (please list)\","
		"Other text,Row 1,Row 2,Difference,Difference MA,Legacy\r\n"
		/* row 3: ImportIds; the map places the metadata column
		 * ResponseId, which keeps Qualtrics' own id */
		"\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID2_1\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID2_2\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID3\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID6\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID4_2\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID4_10\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID4_10_TEXT\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID5_1\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID5_2\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QIDX1\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QIDX2\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID7_1\"\"}\"\r\n"
		/* row 4: no response id (Qualtrics' to give); Commercial ticked,
		 * MA "no" is an unticked box (blank); "same" is recode 2; the
		 * hidden Q6 blank; two boxes ticked and the other text as typed,
		 * '=' and all (Qualtrics is no spreadsheet); dollars plain; the
		 * negative difference a number; MA not reported on: its
		 * difference blank */
		",Jane Doe,1,,2,,1,1,\"=Other, \"\"quoted\"\"\",10000.00,1125.00,"
		"-8875.00,,1\r\n";
	char err[512];
	struct qualtrics_map *m = parse(small_map, err, sizeof err);
	struct sub s;
	bool ok;
	char *out;

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_uint_eq(m->ncols, 14);
	sub_init(&s, small, sizeof small / sizeof *small);
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	ck_assert_str_eq(out, want);
	free(out);
	sub_free(&s);
	qualtrics_map_free(m);
}
END_TEST

/* The small map with one line left out. */
static char *map_without(const char *line)
{
	const char *at = strstr(small_map, line);
	char *out = malloc(sizeof small_map);

	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_nonnull(out);
	sprintf(out, "%.*s%s", (int)(at - small_map), small_map,
	        at + strlen(line));
	return out;
}

static void assert_not_covered(const char *line, const char *want)
{
	char err[512] = "", *text = map_without(line), *out;
	struct qualtrics_map *m = parse(text, err, sizeof err);
	struct sub s;
	bool ok;

	ck_assert_msg(m != NULL, "%s", err);
	sub_init(&s, small, sizeof small / sizeof *small);
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(!ok, "exported without %s", line);
	ck_assert_str_eq(err, want);
	/* Nothing half-written. */
	ck_assert_str_eq(out, "");
	free(out);
	free(text);
	sub_free(&s);
	qualtrics_map_free(m);
}

START_TEST(answer_not_covered_names_key)
{
	assert_not_covered("gi.contact_name,,Q1,QID1_TEXT,Name,\n",
	                   "the Qualtrics map has no column for gi.contact_name");
	assert_not_covered("iq.trend,same,Q3,QID3,,2\n",
	                   "the Qualtrics map has no column for iq.trend = same");
	assert_not_covered("iq.barriers,other,Q4_10,QID4_10,,1\n",
	                   "the Qualtrics map has no column for iq.barriers = "
	                   "other");
	assert_not_covered("iq.barriers_other,,Q4_10_TEXT,QID4_10_TEXT,Other "
	                   "text,\n", "the Qualtrics map has no column for "
	                   "iq.barriers_other");
	assert_not_covered("gi.lob.ma,no,Q2_2,QID2_2,,\n",
	                   "the Qualtrics map has no column for gi.lob.ma = no");
	assert_not_covered("commercial.m2,,Q5_2,QID5_2,Row 2,\n",
	                   "the Qualtrics map has no column for commercial.m2");
}
END_TEST

START_TEST(hidden_or_blank_need_no_column)
{
	/* A hidden answer (increase_most) and a shown unanswered question
	 * (gi.contact_email, absent from the map) do not need the map. */
	char err[512] = "", *text = map_without("iq.increase_most,4b,Q6,QID6,"
	                                        "Most,4\n"), *out;
	struct qualtrics_map *m = parse(text, err, sizeof err);
	struct sub s;
	bool ok;

	ck_assert_msg(m != NULL, "%s", err);
	sub_init(&s, small, sizeof small / sizeof *small);
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	free(out);
	free(text);
	sub_free(&s);
	qualtrics_map_free(m);
}
END_TEST

static void assert_bad_map(const char *text, const char *want)
{
	char err[512] = "";
	struct qualtrics_map *m = parse(text, err, sizeof err);

	ck_assert_msg(m == NULL, "accepted: %s", text);
	ck_assert_msg(strstr(err, want) != NULL, "error '%s' lacks '%s'", err,
	              want);
}

START_TEST(malformed_maps_name_their_line)
{
	assert_bad_map("", "no header line");
	assert_bad_map("# only a comment\n\n", "no header line");
	assert_bad_map(HEAD, "the map names no column");
	assert_bad_map("key,choice,column,import_id,text,recode\n",
	               "line 1: unknown column 'text'");
	assert_bad_map("key,choice,column,import_id,question_text,recode,Key\n",
	               "line 1: column 'key' is there twice");
	assert_bad_map("key,choice,column,import_id,question_text\n",
	               "line 1: the header has no 'recode' column");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,Name,,\n",
	               "line 2: more fields than the header's 6 columns");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT\n",
	               "line 2: 4 fields, but the header has 6 columns");
	assert_bad_map("# notes\n" HEAD "gi.contact_nme,,Q1,QID1_TEXT,Name,\n",
	               "line 3: unknown key 'gi.contact_nme'");
	assert_bad_map(HEAD "\n\ncommercial.m99,,Q1,QID1,,\n",
	               "line 4: unknown key 'commercial.m99'");
	assert_bad_map(HEAD "gi.contact_name,x,Q1,QID1_TEXT,Name,\n",
	               "line 2: gi.contact_name takes its answer as it is: no "
	               "choice or recode");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,Name,1\n",
	               "line 2: gi.contact_name takes its answer as it is");
	assert_bad_map(HEAD "iq.trend,,Q3,QID3,Trend,\n",
	               "line 2: iq.trend is a choice question: give each of its "
	               "choices a row with its recode");
	assert_bad_map(HEAD "gi.lob.ma,,Q3,QID3,Trend,\n",
	               "line 2: gi.lob.ma is a yes/no question");
	assert_bad_map(HEAD "iq.trend,up,Q3,QID3,Trend,1\n",
	               "line 2: 'up' is not a choice of iq.trend");
	assert_bad_map(HEAD "gi.lob.ma,maybe,Q3,QID3,,1\n",
	               "line 2: 'maybe' is not a choice of gi.lob.ma");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,Trend,two\n",
	               "line 2: recode 'two' is not a whole number");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,Trend,1.5\n",
	               "line 2: recode '1.5' is not a whole number");
	assert_bad_map(HEAD "iq.barriers,other,Q4_10,QID4_10,,\n",
	               "line 2: iq.barriers is a multi-select: its choice other "
	               "needs the recode");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,,2\n"
	               "iq.trend,same,Q3,QID3,,2\n",
	               "line 3: iq.trend same is mapped already on line 2");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,,\n"
	               "gi.contact_name,,Q9,QID9_TEXT,,\n",
	               "line 3: gi.contact_name is mapped already on line 2");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,,2\n"
	               "iq.trend,decrease,Q4,QID4,,3\n",
	               "line 3: iq.trend takes one answer: all its choices go "
	               "in one column, Q3 (line 2)");
	assert_bad_map(HEAD "iq.barriers,other,Q4_10,QID4_10,,1\n"
	               "iq.barriers,market,Q4_10,QID4_10,,1\n",
	               "line 3: iq.barriers is a multi-select: each choice has "
	               "a column of its own, and Q4_10 is other's (line 2)");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,,\n"
	               "gi.org_name,,Q1,QID1_TEXT,,\n",
	               "line 3: column Q1 is gi.contact_name's already (line 2)");
	assert_bad_map(HEAD ",,Spare,QID99,,\n"
	               "gi.org_name,,Spare,QID99,,\n",
	               "line 3: column Spare is a blank column's already");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,,2\n"
	               "iq.trend,decrease,Q3,QID33,,3\n",
	               "line 3: column Q3 has another import_id on line 2");
	assert_bad_map(HEAD "iq.trend,same,Q3,QID3,Trend,2\n"
	               "iq.trend,decrease,Q3,QID3,Trends,3\n",
	               "line 3: column Q3 has another question_text on line 2");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,,\n"
	               "gi.org_name,,Q2,QID1_TEXT,,\n",
	               "line 3: import_id QID1_TEXT is already column Q1's "
	               "(line 2)");
	assert_bad_map(HEAD "gi.contact_name,,Q1,\"{\"\"ImportId\"\":1\",,\n",
	               "line 2: import_id is not a JSON object of strings: "
	               "\"ImportId\" has no string");
	assert_bad_map(HEAD "gi.contact_name,,Q1,\"{\"\"ImportId\"\":\"\"Q\"\"\",,\n",
	               "line 2: import_id starts a JSON object but does not "
	               "end it");
	assert_bad_map(HEAD "gi.contact_name,,Q1,\"{\"\"choiceId\"\":\"\"1\"\"}\","
	               ",\n", "line 2: import_id has no \"ImportId\"");
	assert_bad_map(HEAD "gi.contact_name,,,QID1_TEXT,,\n",
	               "line 2: no column name");
	assert_bad_map(HEAD "gi.contact_name,,Q1,,,\n",
	               "line 2: no import_id for column Q1");
	assert_bad_map(HEAD ",yes,Q1,QID1,,\n",
	               "line 2: a row with no key is a column we leave blank");
	assert_bad_map(HEAD "xc.commercial.diff,,X1,QIDX1,,1\n",
	               "line 2: xc.commercial.diff is a computed figure: it "
	               "takes no choice or recode");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,Na\x1bme,\n",
	               "line 2: column question_text");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_TEXT,N\xffme,\n",
	               "line 2: column question_text");
	assert_bad_map(HEAD "gi.contact_name,,Q1,QID1_\"TEXT\",,\n",
	               "line 2, column import_id: a quote is misplaced");
	assert_bad_map(HEAD "gi.contact_name,,Q1,\"QID1_TEXT,,\n",
	               "line 2: a quoted field is not closed");
}
END_TEST

START_TEST(nul_byte_in_map)
{
	static const char text[] = HEAD "gi.contact_name,,Q\0001,QID1_TEXT,,\n";
	char err[512];
	struct qualtrics_map *m = qualtrics_map_parse(test_edition(), text,
	                                              sizeof text - 1, err,
	                                              sizeof err);

	ck_assert_ptr_null(m);
	ck_assert(strstr(err, "line 2, column column: contains a NUL byte"));
}
END_TEST

START_TEST(spreadsheet_saved_map)
{
	/* What a spreadsheet makes of the map: a BOM, CRLF, the header in
	 * another order and case, a comment quoted because of its commas,
	 * padded rows. */
	static const char text[] =
		"\xef\xbb\xbf\"# Template, for the LAN, ids are placeholders\",,,,,\r\n"
		"Column,Key,Recode,Choice,Import_ID,Question_Text\r\n"
		",,,,,\r\n"
		"Q3,iq.trend,2,same,QID3,Trend\r\n";
	char err[512];
	struct qualtrics_map *m = parse(text, err, sizeof err);

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_uint_eq(m->ncols, 1);
	ck_assert_str_eq(m->cols[0].name, "Q3");
	ck_assert_str_eq(m->cols[0].import_id, "{\"ImportId\":\"QID3\"}");
	ck_assert_uint_eq(m->e[0].line, 4);
	ck_assert_str_eq(m->e[0].recode, "2");
	qualtrics_map_free(m);
}
END_TEST

START_TEST(import_id_json_escaped)
{
	char err[512];
	struct qualtrics_map *m = parse(HEAD "gi.contact_name,,Q1,"
	                                "\"QID\"\"1\\x\",,\n", err, sizeof err);

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_str_eq(m->cols[0].import_id, "{\"ImportId\":\"QID\\\"1\\\\x\"}");
	qualtrics_map_free(m);
}
END_TEST

START_TEST(missing_map_file_named)
{
	char err[512];
	struct qualtrics_map *m = qualtrics_map_load(test_edition(),
	                                             "/nonexistent/map.csv", err,
	                                             sizeof err);

	ck_assert_ptr_null(m);
	ck_assert_str_eq(err, "/nonexistent/map.csv: No such file or directory");
}
END_TEST

/* ---- the shipped template ---- */

static struct qualtrics_map *template(void)
{
	const char *top = getenv("TOPSRCDIR");
	char path[4096], err[512];
	struct qualtrics_map *m;

	snprintf(path, sizeof path, "%s/share/qualtrics-map-2020.csv",
	         top ? top : ".");
	m = qualtrics_map_load(test_edition(), path, err, sizeof err);
	ck_assert_msg(m != NULL, "%s", err);
	return m;
}

static bool has_entry(const struct qualtrics_map *m, int q,
                      const char *choice)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].q == q && (!choice || (m->e[i].choice &&
		                                   strcmp(m->e[i].choice, choice) == 0)))
			return true;
	return false;
}

START_TEST(template_covers_every_answer)
{
	const struct edition *ed = test_edition();
	struct qualtrics_map *m = template();

	for (size_t q = 0; q < ed->nq; q++) {
		const struct question *qq = &ed->qs[q];

		if (qq->type == Q_COMPUTED)
			continue;
		if (qq->type == Q_YESNO) {
			ck_assert_msg(has_entry(m, (int)q, "yes") &&
			              has_entry(m, (int)q, "no"), "%s", qq->key);
		} else if (qq->type == Q_CHOICE || qq->type == Q_MULTI) {
			for (size_t c = 0; c < qq->choices->n; c++)
				ck_assert_msg(has_entry(m, (int)q,
				                        qq->choices->items[c].value),
				              "%s = %s", qq->key,
				              qq->choices->items[c].value);
		} else {
			ck_assert_msg(has_entry(m, (int)q, NULL), "%s", qq->key);
		}
	}
	qualtrics_map_free(m);
}
END_TEST

START_TEST(template_ids_consistent)
{
	/* Column Qn[_k[_TEXT]] has ImportId QIDn[_k[_TEXT]]; a text field Qn
	 * has QIDn_TEXT; a multi-select's box Qn_k has QIDn with choiceId k,
	 * as current exports write them; question numbers rise in the
	 * survey's order. */
	struct qualtrics_map *m = template();
	long last = 0;
	int boxes = 0;

	for (size_t c = 0; c < m->ncols; c++) {
		const struct qualtrics_col *col = &m->cols[c];
		char want[128], want_text[128], want_box[128];
		const char *us = strchr(col->name, '_');
		long n;

		ck_assert_msg(col->name[0] == 'Q', "%s", col->name);
		n = strtol(col->name + 1, NULL, 10);
		ck_assert_msg(n >= last, "%s after Q%ld", col->name, last);
		last = n;
		snprintf(want, sizeof want, "{\"ImportId\":\"QID%s\"}",
		         col->name + 1);
		snprintf(want_text, sizeof want_text,
		         "{\"ImportId\":\"QID%s_TEXT\"}", col->name + 1);
		snprintf(want_box, sizeof want_box,
		         "{\"ImportId\":\"QID%ld\",\"choiceId\":\"%s\"}", n,
		         us ? us + 1 : "");
		boxes += strcmp(col->import_id, want_box) == 0;
		ck_assert_msg(strcmp(col->import_id, want) == 0 ||
		              (!us && strcmp(col->import_id, want_text) == 0) ||
		              (us && strcmp(col->import_id, want_box) == 0),
		              "%s has %s", col->name, col->import_id);
		ck_assert_msg(col->text != NULL, "%s has no question text",
		              col->name);
		ck_assert_int_eq(col->meta, -1);
	}
	/* The lines of business (3) and both top-3 questions' boxes (2 x 10)
	 * are multi-selects in the survey. */
	ck_assert_int_eq(boxes, 23);
	ck_assert(m->meta_first);
	qualtrics_map_free(m);
}
END_TEST

START_TEST(builtin_is_the_template)
{
	/* The program carries share/'s file: the same columns and rows. */
	struct qualtrics_map *t = template();
	char err[512];
	struct qualtrics_map *b = qualtrics_map_builtin(test_edition(), err,
	                                                sizeof err);

	ck_assert_msg(b != NULL, "%s", err);
	ck_assert_uint_eq(b->ncols, t->ncols);
	ck_assert_uint_eq(b->n, t->n);
	for (size_t c = 0; c < b->ncols; c++) {
		ck_assert_str_eq(b->cols[c].name, t->cols[c].name);
		ck_assert_str_eq(b->cols[c].import_id, t->cols[c].import_id);
		ck_assert_str_eq(b->cols[c].text, t->cols[c].text);
	}
	qualtrics_map_free(b);
	qualtrics_map_free(t);
}
END_TEST

START_TEST(template_exports_small)
{
	/* The template takes the small submission: the one line's answers,
	 * every other line's columns blank. */
	static const char head[] =
		"StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),"
		"Finished,RecordedDate,ResponseId,RecipientLastName,"
		"RecipientFirstName,RecipientEmail,ExternalReference,"
		"LocationLatitude,LocationLongitude,DistributionChannel,"
		"UserLanguage,Q1_1,Q1_2,Q1_3,Q1_4,Q2_1,Q2_2,Q2_3,";
	struct qualtrics_map *m = template();
	struct sub s;
	char err[512], *out;
	bool ok;

	sub_init(&s, small, sizeof small / sizeof *small);
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	ck_assert(strncmp(out, head, sizeof head - 1) == 0);
	ck_assert(strstr(out, ",EN,Jane Doe,,,,1,,,") != NULL);
	free(out);
	sub_free(&s);
	qualtrics_map_free(m);
}
END_TEST

START_TEST(out_of_memory)
{
	/* Every allocation failing in turn while loading gives a message,
	 * never a crash. */
	const struct edition *ed = test_edition();

	for (unsigned long n = 1; n < 400; n++) {
		char err[512] = "";
		struct qualtrics_map *m;

		mem_fail_at(n, 1);
		m = qualtrics_map_parse(ed, small_map, strlen(small_map), err,
		                        sizeof err);
		mem_fail_at(0, 0);
		if (m) {
			qualtrics_map_free(m);
			break;
		}
		ck_assert_msg(*err, "failure %lu without a message", n);
	}
}
END_TEST

/* Row r (0-based) of an export, without its CRLF. */
static char *row_of(const char *out, int r)
{
	const char *p = out, *end;
	char *row;

	for (int i = 0; i < r; i++) {
		p = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(p);
		p += 2;
	}
	end = strstr(p, "\r\n");
	ck_assert_ptr_nonnull(end);
	row = malloc((size_t)(end - p) + 1);
	ck_assert_ptr_nonnull(row);
	sprintf(row, "%.*s", (int)(end - p), p);
	return row;
}

static void assert_row_starts(const char *out, int r, const char *want)
{
	char *row = row_of(out, r);

	ck_assert_msg(strncmp(row, want, strlen(want)) == 0,
	              "row %d is '%.300s', not '%s...'", r + 1, row, want);
	free(row);
}

START_TEST(metadata_by_hand)
{
	/* A map that places no metadata column: all seventeen come first,
	 * as in a real export, filled from the file. */
	static const char names[] =
		"StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),"
		"Finished,RecordedDate,ResponseId,RecipientLastName,"
		"RecipientFirstName,RecipientEmail,ExternalReference,"
		"LocationLatitude,LocationLongitude,DistributionChannel,"
		"UserLanguage,Q1,";
	static const char labels[] =
		"Start Date,End Date,Response Type,IP Address,Progress,"
		"Duration (in seconds),Finished,Recorded Date,Response ID,"
		"Recipient Last Name,Recipient First Name,Recipient Email,"
		"External Data Reference,Location Latitude,Location Longitude,"
		"Distribution Channel,User Language,Name,";
	static const char ids[] =
		"\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Z\"\"}\","
		"\"{\"\"ImportId\"\":\"\"endDate\"\",\"\"timeZone\"\":\"\"Z\"\"}\","
		"\"{\"\"ImportId\"\":\"\"status\"\"}\","
		"\"{\"\"ImportId\"\":\"\"ipAddress\"\"}\","
		"\"{\"\"ImportId\"\":\"\"progress\"\"}\","
		"\"{\"\"ImportId\"\":\"\"duration\"\"}\","
		"\"{\"\"ImportId\"\":\"\"finished\"\"}\","
		"\"{\"\"ImportId\"\":\"\"recordedDate\"\",\"\"timeZone\"\":\"\"Z\"\"}\","
		"\"{\"\"ImportId\"\":\"\"_recordId\"\"}\","
		"\"{\"\"ImportId\"\":\"\"recipientLastName\"\"}\","
		"\"{\"\"ImportId\"\":\"\"recipientFirstName\"\"}\","
		"\"{\"\"ImportId\"\":\"\"recipientEmail\"\"}\","
		"\"{\"\"ImportId\"\":\"\"externalDataReference\"\"}\","
		"\"{\"\"ImportId\"\":\"\"locationLatitude\"\"}\","
		"\"{\"\"ImportId\"\":\"\"locationLongitude\"\"}\","
		"\"{\"\"ImportId\"\":\"\"distributionChannel\"\"}\","
		"\"{\"\"ImportId\"\":\"\"userLanguage\"\"}\","
		"\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\",";
	char err[512] = "", *text = map_without(",,ResponseId,\"{\"\"ImportId\"\":"
	                                        "\"\"_recordId\"\"}\",Response "
	                                        "ID,\n"), *out;
	struct qualtrics_map *m = parse(text, err, sizeof err);
	struct sub s;
	bool ok;

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert(m->meta_first);
	sub_init(&s, small, sizeof small / sizeof *small);
	s.in.created = "2020-05-28T09:00:00Z";
	s.in.changed = "2020-05-29T10:00:00Z";
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	assert_row_starts(out, 0, names);
	assert_row_starts(out, 1, labels);
	assert_row_starts(out, 2, ids);
	/* A draft: it ends at its last change, 25 hours (90,000 s) after it
	 * began; 9 of the 33 questions it shows are answered (General 3 of
	 * 10, models 1 of 12, Commercial 2 of 2, informational 3 of 9): 27%;
	 * not finished.  Qualtrics' own fields blank, the language EN. */
	assert_row_starts(out, 3, "2020-05-28 09:00:00,2020-05-29 10:00:00,,,27,"
	                  "90000,0,2020-05-29 10:00:00,,,,,,,,,EN,Jane Doe,");
	free(out);
	/* Signed off the next afternoon: it ends then (29 h 3 min, 104,580
	 * s), finished, 100%. */
	s.in.complete = true;
	s.in.signed_by = "Jane Doe";
	s.in.signed_at = "2020-05-29T14:03:00Z";
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	assert_row_starts(out, 3, "2020-05-28 09:00:00,2020-05-29 14:03:00,,,100,"
	                  "104580,1,2020-05-29 14:03:00,,,,,,,,,EN,Jane Doe,");
	free(out);
	/* A file that does not say when it began leaves the dates blank. */
	s.in.created = s.in.changed = NULL;
	s.in.complete = false;
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	assert_row_starts(out, 3, ",,,,27,,0,,,,,,,,,,EN,Jane Doe,");
	free(out);
	free(text);
	sub_free(&s);
	qualtrics_map_free(m);
}
END_TEST

START_TEST(values_as_typed)
{
	/* What a spreadsheet would run is Qualtrics' text all the same: no
	 * apostrophe in front, only RFC 4180 quoting. */
	static const char *const kv[][2] = {
		{ "gi.contact_name", "=1+1" },
		{ "gi.contact_phone", "+1 (555) 010-2030" },
		{ "gi.assumptions", "- Dollars are paid claims.\n- Pharmacy is "
		                    "excluded." },
		{ "gi.org_name", "@Acme" },
	};
	static const char map[] = HEAD
		"gi.contact_name,,Q1_1,QID1_1,,\n"
		"gi.contact_phone,,Q1_3,QID1_3,,\n"
		"gi.org_name,,Q1_4,QID1_4,,\n"
		"gi.assumptions,,Q4,QID4_TEXT,,\n";
	char err[512];
	struct qualtrics_map *m = parse(map, err, sizeof err);
	struct sub s;
	char *out, *row;
	bool ok;

	ck_assert_msg(m != NULL, "%s", err);
	sub_init(&s, kv, sizeof kv / sizeof *kv);
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	row = strstr(out, "EN,");
	ck_assert_ptr_nonnull(row);
	ck_assert_str_eq(row, "EN,=1+1,+1 (555) 010-2030,@Acme,\"- Dollars are "
	                 "paid claims.\n- Pharmacy is excluded.\"\r\n");
	free(out);
	sub_free(&s);
	qualtrics_map_free(m);
}
END_TEST

START_TEST(import_id_shapes)
{
	/* A multi-select's box in the current shape (choice_id, or a whole
	 * object) and in the older one; the same box in two shapes is one
	 * id used twice. */
	static const char map[] =
		"key,choice,column,import_id,choice_id,question_text,recode\n"
		"iq.barriers,plan_interest,Q17_2,QID17,2,,1\n"
		"iq.barriers,other,Q17_10,\"{\"\"ImportId\"\":\"\"QID17\"\",\"\"choiceId\"\":"
		"\"\"10\"\"}\",,,1\n"
		"iq.barriers,market,Q17_9,QID17_9,,,1\n";
	char err[2048];
	struct qualtrics_map *m = parse(map, err, sizeof err);

	ck_assert_msg(m != NULL, "%s", err);
	ck_assert_str_eq(m->cols[0].import_id,
	                 "{\"ImportId\":\"QID17\",\"choiceId\":\"2\"}");
	ck_assert_str_eq(m->cols[1].import_id,
	                 "{\"ImportId\":\"QID17\",\"choiceId\":\"10\"}");
	ck_assert_str_eq(m->cols[2].import_id, "{\"ImportId\":\"QID17_9\"}");
	qualtrics_map_free(m);
	assert_bad_map("key,choice,column,import_id,choice_id,question_text,"
	               "recode\n"
	               "iq.barriers,market,Q17_9,QID17,9,,1\n"
	               "iq.barriers,other,Q17_9b,QID17_9,,,1\n",
	               "line 3: import_id QID17_9 is already column Q17_9's "
	               "(line 2)");
	assert_bad_map("key,choice,column,import_id,choice_id,question_text,"
	               "recode\n"
	               "iq.barriers,market,Q17_9,\"{\"\"ImportId\"\":\"\"QID17\"\"}\",9,"
	               ",1\n", "line 2: import_id is a whole JSON object: put "
	               "its choiceId in it, not in choice_id");
}
END_TEST

START_TEST(map_controls_decimals_and_recodes)
{
	/* The LAN's survey may number its choices otherwise (yes 1, no 0)
	 * and take whole dollars: the map says so and the export follows,
	 * never rounding a cent away. */
	static const char map[] =
		"key,choice,column,import_id,question_text,recode,decimals\n"
		"gi.lob.commercial,yes,Q2_1,QID2_1,,1,\n"
		"gi.lob.commercial,no,Q2_1,QID2_1,,,\n"
		"pm.commercial.cat1_legacy,yes,Q6_1,QID6_1,,1,\n"
		"pm.commercial.cat1_legacy,no,Q6_1,QID6_1,,0,\n"
		"commercial.m1,,Q9_1,QID9_1,,,0\n"
		"commercial.m2,,Q9_2,QID9_2,,,1\n"
		"xc.commercial.diff,,X1,QIDX1,,,0\n";
	static const char *const kv[][2] = {
		{ "gi.lob.commercial", "yes" },
		{ "pm.commercial.cat1_legacy", "no" },
		{ "commercial.m1", "10000.00" },
		{ "commercial.m2", "1125.50" },
	};
	char err[512], *out, *row;
	struct qualtrics_map *m = parse(map, err, sizeof err);
	struct sub s;
	bool ok;

	ck_assert_msg(m != NULL, "%s", err);
	sub_init(&s, kv, sizeof kv / sizeof *kv);
	/* Row 2 hidden (no legacy payments), so only whole dollars go out:
	 * 10,000 and the difference -10,000. */
	out = export_with(&s, m, &ok, err, sizeof err);
	ck_assert_msg(ok, "%s", err);
	row = strstr(out, "EN,");
	ck_assert_ptr_nonnull(row);
	ck_assert_str_eq(row, "EN,1,0,10000,,-10000\r\n");
	free(out);
	sub_free(&s);
	/* Shown, 1,125.50 takes one decimal; 1,125.25 would lose a cent. */
	{
		static const char *const kv2[][2] = {
			{ "gi.lob.commercial", "yes" },
			{ "pm.commercial.cat1_legacy", "yes" },
			{ "commercial.m1", "10000.00" },
			{ "commercial.m2", "1125.50" },
		};

		sub_init(&s, kv2, sizeof kv2 / sizeof *kv2);
		out = export_with(&s, m, &ok, err, sizeof err);
		ck_assert_msg(!ok, "exported '%s'", out);
		/* The difference, -8,874.50, has cents the map's 0 places
		 * would drop. */
		ck_assert_str_eq(err, "xc.commercial.diff is -8874.50, but the "
		                 "Qualtrics map's column X1 takes 0 decimals: the "
		                 "cents would be lost (apmwb never rounds them); "
		                 "change the map's decimals or the answer");
		ck_assert_str_eq(out, "");
		free(out);
		sub_free(&s);
	}
	qualtrics_map_free(m);
	assert_bad_map("key,choice,column,import_id,question_text,recode,"
	               "decimals\ngi.contact_name,,Q1,QID1,,,0\n",
	               "line 2: gi.contact_name is not dollars: decimals is for "
	               "dollar amounts");
	assert_bad_map("key,choice,column,import_id,question_text,recode,"
	               "decimals\ncommercial.m1,,Q1,QID1,,,3\n",
	               "line 2: decimals '3' is not 0, 1 or 2");
}
END_TEST

START_TEST(every_problem_listed)
{
	/* One reading names every bad row, each with its line. */
	static const char map[] = HEAD
		"gi.contact_nme,,Q1,QID1_TEXT,,\n"
		"iq.trend,up,Q3,QID3,,1\n"
		"gi.org_name,,Q4,QID4,,\n"
		"gi.lob.ma,maybe,Q5,QID5,,1\n";
	char err[2048];
	struct qualtrics_map *m = parse(map, err, sizeof err);

	ck_assert_ptr_null(m);
	ck_assert_str_eq(err,
		"line 2: unknown key 'gi.contact_nme' (did you mean "
		"gi.contact_name?)\n"
		"line 3: 'up' is not a choice of iq.trend\n"
		"line 5: 'maybe' is not a choice of gi.lob.ma");
}
END_TEST

START_TEST(map_checked_against_edition)
{
	/* Given to the program, a map must have a column for every answer
	 * and choice the edition can show: the small map lacks most. */
	char err[8192];
	struct qualtrics_map *m = qualtrics_map_parse_whole(test_edition(),
	                                                    small_map,
	                                                    strlen(small_map),
	                                                    err, sizeof err);

	ck_assert_ptr_null(m);
	ck_assert_msg(strstr(err, "no column for gi.contact_email (the map "
	                     "needs a row for every answer and choice of the "
	                     "2020 edition)\n") == err, "%s", err);
	ck_assert(strstr(err, "\nno column for gi.lob.medicaid = yes "));
	ck_assert(strstr(err, "\nno column for pm.commercial.cat2a_foundational = "
	                 "no "));
	/* More than fit: the rest are counted. */
	ck_assert(strstr(err, "\nand ") && strstr(err, " more problems"));
	/* The template covers it all. */
	m = template();
	qualtrics_map_free(m);
}
END_TEST

START_TEST(metadata_columns_are_qualtrics_own)
{
	assert_bad_map(HEAD "gi.org_name,,StartDate,startDate,,\n",
	               "line 2: column StartDate is Qualtrics' Start Date, which "
	               "apmwb fills itself: leave its key blank");
	assert_bad_map(HEAD ",,StartDate,QID1,,\n",
	               "line 2: column StartDate is Qualtrics' Start Date, whose "
	               "ImportId is startDate in every export, not QID1");
	assert_bad_map(HEAD "gi.org_name,,Q1,_recordId,,\n",
	               "line 2: import_id _recordId is Qualtrics' own ResponseId "
	               "column's");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("export_qualtrics");
	TCase *tc = tcase_create("export");
	TCase *mp = tcase_create("map");
	TCase *tp = tcase_create("template");

	tcase_add_test(tc, small_export_by_hand);
	tcase_add_test(tc, answer_not_covered_names_key);
	tcase_add_test(tc, hidden_or_blank_need_no_column);
	tcase_add_test(tc, metadata_by_hand);
	tcase_add_test(tc, values_as_typed);
	tcase_add_test(tc, map_controls_decimals_and_recodes);
	tcase_add_test(mp, malformed_maps_name_their_line);
	tcase_add_test(mp, nul_byte_in_map);
	tcase_add_test(mp, spreadsheet_saved_map);
	tcase_add_test(mp, import_id_json_escaped);
	tcase_add_test(mp, missing_map_file_named);
	tcase_add_test(mp, import_id_shapes);
	tcase_add_test(mp, every_problem_listed);
	tcase_add_test(mp, map_checked_against_edition);
	tcase_add_test(mp, metadata_columns_are_qualtrics_own);
	tcase_add_test(mp, out_of_memory);
	tcase_add_test(tp, template_covers_every_answer);
	tcase_add_test(tp, template_ids_consistent);
	tcase_add_test(tp, builtin_is_the_template);
	tcase_add_test(tp, template_exports_small);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, mp);
	suite_add_tcase(s, tp);
	return s;
}

int main(void)
{
	return test_main(suite());
}
