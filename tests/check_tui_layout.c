/* SPDX-License-Identifier: MIT */
/* check_tui_layout.c: which rows a question tab shows and where, the
 * cursor's moves and scrolling.  The layout is written out as text (one
 * line per row) and compared with what it should be, worked out by hand. */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "edition.h"
#include "testlib.h"

static struct edition *ed;
static bool shown[32];
static const char *vals[32];

#define ROW(...) (&(struct question_row){ __VA_ARGS__ })

static void add(const struct question_row *r)
{
	char err[200];

	ck_assert_msg(edition_add_question(ed, r, err, sizeof err), "%s", err);
}

/* A small edition: a tab of fields, a tab of payment models and a tab of
 * statements on one scale. */
static void setup(void)
{
	char err[200];

	setlocale(LC_CTYPE, "C.UTF-8");
	ed = edition_new();
	ck_assert(edition_set_info(ed, "t", "Test", "F", "CY", err, sizeof err));
	ck_assert(edition_add_tab(ed, "gi", "General", "General",
	                          "Intro words.", "", err, sizeof err));
	ck_assert(edition_add_tab(ed, "pm", "Models", "Models", "", "", err,
	                          sizeof err));
	ck_assert(edition_add_tab(ed, "iq", "Info", "Info", "", "", err,
	                          sizeof err));
	ck_assert(edition_add_model(ed, "m1", "Cat 1: Legacy", "1", err,
	                            sizeof err));
	ck_assert(edition_add_model(ed, "m2", "Cat 2C: A much longer model "
	                            "name than fits", "2", err, sizeof err));
	ck_assert(edition_add_choice(ed, "agree", "d", "Disagree", err,
	                             sizeof err));
	ck_assert(edition_add_choice(ed, "agree", "a", "Agree", err,
	                             sizeof err));
	ck_assert(edition_add_choice(ed, "agree", "n", "Not sure", err,
	                             sizeof err));
	/* 0, 1 */
	add(ROW(.key = "gi.name", .tab = "gi", .type = "text",
	        .prompt = "Provide contact details.", .label = "Name"));
	add(ROW(.key = "gi.email", .tab = "gi", .type = "email",
	        .prompt = "Provide contact details.", .label = "Email"));
	/* 2, 3 */
	add(ROW(.key = "gi.lob.commercial", .tab = "gi", .type = "yesno",
	        .prompt = "Lines?", .label = "Commercial"));
	add(ROW(.key = "gi.lob.ma", .tab = "gi", .type = "yesno",
	        .prompt = "Lines?", .label = "MA"));
	/* 4: a label too long for the label column */
	add(ROW(.key = "gi.notes", .tab = "gi", .type = "longtext",
	        .section = "More", .label = "Please list other assumptions "
	        "and limitations of the data"));
	/* 5..8: models by line */
	add(ROW(.key = "pm.commercial.m1", .tab = "pm", .type = "yesno",
	        .prompt = "In effect?", .label = "Cat 1", .model = "m1"));
	add(ROW(.key = "pm.commercial.m2", .tab = "pm", .type = "yesno",
	        .prompt = "In effect?", .label = "Cat 2C", .model = "m2"));
	add(ROW(.key = "pm.ma.m1", .tab = "pm", .type = "yesno",
	        .prompt = "In effect?", .label = "Cat 1", .model = "m1"));
	add(ROW(.key = "pm.ma.m2", .tab = "pm", .type = "yesno",
	        .prompt = "In effect?", .label = "Cat 2C", .model = "m2"));
	/* 9, 10: a scale; 11 a follow-up */
	add(ROW(.key = "iq.o.a", .tab = "iq", .type = "choice",
	        .choices = "agree", .prompt = "Do you agree?",
	        .label = "Quality"));
	add(ROW(.key = "iq.o.b", .tab = "iq", .type = "choice",
	        .choices = "agree", .prompt = "Do you agree?",
	        .label = "Cost"));
	add(ROW(.key = "iq.why", .tab = "iq", .type = "text",
	        .prompt = "Why not sure?", .label = "Why",
	        .show_if = "iq.o.a=n"));
	ck_assert_msg(edition_finish(ed, err, sizeof err), "%s", err);
	for (size_t i = 0; i < 32; i++) {
		shown[i] = true;
		vals[i] = NULL;
	}
}

static void teardown(void)
{
	edition_free(ed);
}

static void value(void *ctx, int q, char *buf, size_t n)
{
	(void)ctx;
	snprintf(buf, n, "%s", vals[q] ? vals[q] : "");
}

static const char kinds[] = "-TSNFHG";

/* One line per row: kind, q, indent, left, "|" value when a value line. */
static void dump(const struct layout *L, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < L->n && len < n; i++) {
		const struct lay_row *r = &L->rows[i];

		len += (size_t)snprintf(out + len, n - len, "%c%d %*s%s%s%s\n",
		                        kinds[r->kind], r->q, r->indent, "",
		                        r->left ? r->left : "",
		                        r->value || r->value_line ? "|" : "",
		                        r->value ? r->value : "");
	}
}

static void build(struct layout *L, int tab, int width, bool compact)
{
	struct layout_in in = {
		.ed = ed, .shown = shown, .tab = tab, .width = width,
		.compact = compact, .value = value, .edit_q = -1,
		.value_lines_max = 3,
	};

	ck_assert(layout_build(L, &in));
}

START_TEST(test_fields)
{
	struct layout L;
	char out[4000];

	vals[0] = "Jane Doe";
	vals[4] = "one\ntwo\nthree\nfour";
	build(&L, 0, 60, false);
	dump(&L, out, sizeof out);
	/* Label column: 60 * 2 / 5 = 24, values from column 28, 30 wide; the
	 * long label (57 columns) takes a line of its own. */
	ck_assert_int_eq(L.value_x, 28);
	ck_assert_str_eq(out,
		"T-1  Intro words.\n"
		"--1 \n"
		"T0  Provide contact details.\n"
		"F0   Name|Jane Doe\n"
		"F1   Email|\n"
		"--1 \n"
		"T2  Lines?\n"
		"F2   Commercial|\n"
		"F3   MA|\n"
		"--1 \n"
		"S-1  More\n"
		"F4   Please list other assumptions and limitations of the data\n"
		"F4   |one\n"
		"F4   |two\n"
		"F4   |three\u2026\n");
	ck_assert_int_eq(L.nfocus, 5);
	ck_assert_int_eq(layout_row_of(&L, (struct lay_pos){ 4, 0 }), 12);
	{
		int f, l;

		/* A field leads in with its group's prompt... */
		layout_span(&L, (struct lay_pos){ 2, 0 }, &f, &l);
		ck_assert_int_eq(f, 6);
		ck_assert_int_eq(l, 7);
		/* ...and a long label with its section and every value line. */
		layout_span(&L, (struct lay_pos){ 4, 0 }, &f, &l);
		ck_assert_int_eq(f, 10);
		ck_assert_int_eq(l, 14);
	}
	layout_free(&L);
}
END_TEST

START_TEST(test_follow_up)
{
	struct layout L;
	struct lay_pos p;

	/* The follow-up is hidden: the cursor that was on it moves on to the
	 * nearest place before it. */
	shown[11] = false;
	build(&L, 2, 80, false);
	ck_assert_int_eq(L.nfocus, 2);
	p = layout_fix(&L, ed, (struct lay_pos){ 11, 0 });
	ck_assert_int_eq(p.q, 10);
	layout_free(&L);
	shown[11] = true;
	build(&L, 2, 80, false);
	ck_assert_int_eq(L.nfocus, 3);
	p = layout_fix(&L, ed, (struct lay_pos){ 11, 0 });
	ck_assert_int_eq(p.q, 11);
	layout_free(&L);
}
END_TEST

START_TEST(test_model_grid)
{
	struct layout L;
	struct lay_pos p;
	char out[4000];

	/* MA not selected: its column is not asked. */
	shown[7] = shown[8] = false;
	build(&L, 1, 60, false);
	dump(&L, out, sizeof out);
	ck_assert_int_eq(L.ngrids, 1);
	/* Three columns as wide as "Commercial" and two: labels get 24 - 3. */
	ck_assert_int_eq(L.grids[0].x0, 24);
	ck_assert_str_eq(out,
		"T5  In effect?\n"
		"--1 \n"
		"H-1 \n"
		"G-1   Cat 1: Legacy\n"
		"G-1   Cat 2C: A much longer\n"
		"G-1   model name than fits\n");
	ck_assert_int_eq(L.grids[0].cell[0], 5);
	ck_assert_int_eq(L.grids[0].cell[1], -1);
	ck_assert_int_eq(L.grids[0].cell[3], 6);
	ck_assert_int_eq(L.nfocus, 2);
	/* Down keeps the column; right finds no asked cell and stays. */
	p = layout_move(&L, (struct lay_pos){ 5, 0 }, LAY_DOWN);
	ck_assert_int_eq(p.q, 6);
	p = layout_move(&L, p, LAY_RIGHT);
	ck_assert_int_eq(p.q, 6);
	layout_free(&L);

	shown[7] = shown[8] = true;
	build(&L, 1, 60, false);
	p = layout_move(&L, (struct lay_pos){ 5, 0 }, LAY_RIGHT);
	ck_assert_int_eq(p.q, 7);
	p = layout_move(&L, p, LAY_DOWN);
	ck_assert_int_eq(p.q, 8);
	p = layout_move(&L, p, LAY_LEFT);
	ck_assert_int_eq(p.q, 6);
	/* Tab goes across the row, then to the next row. */
	p = layout_move(&L, (struct lay_pos){ 7, 0 }, LAY_NEXT);
	ck_assert_int_eq(p.q, 6);
	layout_free(&L);

	/* No line at all: a note instead of the grid. */
	for (int i = 5; i <= 8; i++)
		shown[i] = false;
	build(&L, 1, 60, false);
	ck_assert_int_eq(L.nfocus, 0);
	ck_assert_int_eq(L.rows[0].kind, LAY_NOTE);
	p = layout_fix(&L, ed, (struct lay_pos){ 5, 0 });
	ck_assert_int_eq(p.q, -1);
	layout_free(&L);
}
END_TEST

START_TEST(test_choice_grid)
{
	struct layout L;
	struct lay_pos p;

	build(&L, 2, 80, false);
	ck_assert_int_eq(L.ngrids, 1);
	ck_assert(L.grids[0].choices);
	ck_assert_int_eq(L.grids[0].ncols, 3);
	/* (80 - 27) / 3 = 17, at most 13 wide: 3 x 13 from column 40. */
	ck_assert_int_eq(L.grids[0].colw, 13);
	ck_assert_int_eq(L.grids[0].x0, 40);
	ck_assert_str_eq(L.grids[0].head[1], "Agree");
	/* Left and right pick the choice; down keeps it. */
	p = layout_move(&L, (struct lay_pos){ 9, 0 }, LAY_RIGHT);
	ck_assert_int_eq(p.q, 9);
	ck_assert_int_eq(p.col, 1);
	p = layout_move(&L, p, LAY_RIGHT);
	p = layout_move(&L, p, LAY_RIGHT);
	ck_assert_int_eq(p.col, 2);
	p = layout_move(&L, p, LAY_DOWN);
	ck_assert_int_eq(p.q, 10);
	ck_assert_int_eq(p.col, 2);
	/* Out of the grid to a field: column 0. */
	p = layout_move(&L, p, LAY_DOWN);
	ck_assert_int_eq(p.q, 11);
	ck_assert_int_eq(p.col, 0);
	layout_free(&L);
}
END_TEST

START_TEST(test_compact)
{
	struct layout L;

	shown[1] = false;
	build(&L, 0, 80, true);
	ck_assert_int_eq(L.hidden, 1);
	/* One row per shown question, the section before its rows. */
	ck_assert_int_eq(L.n, 5);
	ck_assert_int_eq(L.rows[3].kind, LAY_SECTION);
	ck_assert_int_eq(L.rows[4].q, 4);
	layout_free(&L);
}
END_TEST

START_TEST(test_wide_text)
{
	struct layout L;

	/* Wide characters take two columns: twelve of them fill 24. */
	vals[0] = "\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22"
	          "\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57";
	vals[4] = vals[0];
	build(&L, 0, 50, false);
	/* Values 50 - 24 - 2 = 24 columns wide: 16 characters wrap to 12 and
	 * 4 on a long text's lines; a one-line text is cut by the painter. */
	ck_assert_int_eq(L.value_w, 24);
	ck_assert_int_eq(L.rows[L.n - 2].value ? 1 : 0, 1);
	ck_assert_int_eq(strlen(L.rows[L.n - 2].value), 36);
	ck_assert_int_eq(strlen(L.rows[L.n - 1].value), 12);
	layout_free(&L);
}
END_TEST

START_TEST(test_sanitised)
{
	struct layout L;

	vals[0] = "evil\x1b[2Jtext";
	build(&L, 0, 80, false);
	for (size_t i = 0; i < L.n; i++)
		if (L.rows[i].value)
			ck_assert_ptr_null(strchr(L.rows[i].value, '\x1b'));
	layout_free(&L);
}
END_TEST

START_TEST(test_scroll)
{
	/* Already in view: no move. */
	ck_assert_int_eq(layout_scroll(0, 2, 2, 3, 10, 40), 0);
	/* Below: just enough to show the last row. */
	ck_assert_int_eq(layout_scroll(0, 12, 13, 14, 10, 40), 5);
	/* Above: the first row at the top. */
	ck_assert_int_eq(layout_scroll(20, 12, 13, 14, 10, 40), 12);
	/* Taller than the view: the cursor's row wins. */
	ck_assert_int_eq(layout_scroll(0, 10, 25, 30, 10, 40), 25);
	/* Never past the end, never before 0. */
	ck_assert_int_eq(layout_scroll(35, 38, 38, 39, 10, 40), 30);
	ck_assert_int_eq(layout_scroll(5, 0, 0, 0, 10, 4), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui_layout");
	TCase *tc = tcase_create("layout");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fields);
	tcase_add_test(tc, test_follow_up);
	tcase_add_test(tc, test_model_grid);
	tcase_add_test(tc, test_choice_grid);
	tcase_add_test(tc, test_compact);
	tcase_add_test(tc, test_wide_text);
	tcase_add_test(tc, test_sanitised);
	tcase_add_test(tc, test_scroll);
	suite_add_tcase(s, tc);
	return test_main(s);
}
