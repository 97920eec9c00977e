/* SPDX-License-Identifier: MIT */
/* check_tui_texts.c: the status line's check state, tab badges, the tab
 * bar's fitting and short headings' parts, against text written out by
 * hand. */
#include <config.h>

#include <check.h>
#include <locale.h>
#include <string.h>

#include "glyphs.h"
#include "tabfit.h"
#include "texts.h"
#include "testlib.h"

static const struct glyphs *G;

static void setup(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	G = glyphs_get(true);
}

START_TEST(test_xc_summary)
{
	struct xcheck xc[LOB_COUNT];
	char buf[200];

	memset(xc, 0, sizeof xc);
	texts_xc_summary(test_edition(), xc, " · ", buf, sizeof buf);
	ck_assert_str_eq(buf, "no line of business selected");
	xc[LOB_COMMERCIAL] = (struct xcheck){ .selected = true,
	                                      .computable = true, .ok = true };
	xc[LOB_MA] = (struct xcheck){ .selected = true, .computable = true,
	                              .diff = -120000 };
	xc[LOB_MEDICAID] = (struct xcheck){ .selected = true };
	texts_xc_summary(test_edition(), xc, " · ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Commercial ok · MA short by $1,200.00 · "
	                 "Medicaid: row 1 blank");
	xc[LOB_MA].diff = 1;
	xc[LOB_MEDICAID].selected = false;
	texts_xc_summary(test_edition(), xc, " | ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Commercial ok | MA over by $0.01");
	/* Too small a buffer: cut, never overrun.  "Commercial ok" is 13
	 * bytes: 9 of them fit in 10, and the bytes after the 10 stay as they
	 * were. */
	memset(buf, 'Z', sizeof buf);
	texts_xc_summary(test_edition(), xc, " | ", buf, 10);
	ck_assert_str_eq(buf, "Commercia");
	ck_assert_int_eq(buf[10], 'Z');
	/* 14 bytes hold the first phrase whole, and nothing of the second. */
	memset(buf, 'Z', sizeof buf);
	texts_xc_summary(test_edition(), xc, " | ", buf, 14);
	ck_assert_str_eq(buf, "Commercial ok");
	ck_assert_int_eq(buf[14], 'Z');
}
END_TEST

START_TEST(test_badges)
{
	struct tab_progress p = { .asked = 9, .answered = 7 };
	char b[40], g[40];

	texts_tab_badge(&p, 2, 0, false, G, b, sizeof b, g, sizeof g);
	ck_assert_str_eq(b, "7/9");
	ck_assert_str_eq(g, "");
	p.answered = 9;
	texts_tab_badge(&p, 0, 0, false, G, b, sizeof b, g, sizeof g);
	ck_assert_str_eq(b, "9/9 \u2713");
	ck_assert_str_eq(g, "\u2713");
	texts_tab_badge(&p, 1, 0, false, G, b, sizeof b, g, sizeof g);
	ck_assert_str_eq(b, "9/9 \u2717");
	texts_tab_badge(&p, 0, 2, false, G, b, sizeof b, g, sizeof g);
	ck_assert_str_eq(b, "9/9 !");
	texts_tab_badge(&p, 0, 0, true, G, b, sizeof b, g, sizeof g);
	ck_assert_str_eq(b, "off");
	texts_tab_badge(NULL, 3, 0, false, glyphs_get(false), b, sizeof b, g,
	                sizeof g);
	ck_assert_str_eq(b, "x");
}
END_TEST

START_TEST(test_money_share)
{
	struct money_fig m = { .has = true, .cents = 123450 };
	struct share_fig s = { true, 11300 };
	char buf[40];

	texts_money(&m, buf, sizeof buf);
	ck_assert_str_eq(buf, "$1,234.50");
	m.has = false;
	texts_money(&m, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	texts_share(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "11.3%");
	s.ok = false;
	texts_share(&s, buf, sizeof buf);
	ck_assert_str_eq(buf, "n/a");
	texts_count(1, "error", "errors", buf, sizeof buf);
	ck_assert_str_eq(buf, "1 error");
	texts_count(3, "error", "errors", buf, sizeof buf);
	ck_assert_str_eq(buf, "3 errors");
	texts_count(0, "error", "errors", buf, sizeof buf);
	ck_assert_str_eq(buf, "");
}
END_TEST

static const struct tabfit_in tabs[] = {
	{ "General", "7/9", "" },
	{ "Models", "24/24 \u2713", "\u2713" },
	{ "Commercial", "11/13 \u2717", "\u2717" },
	{ "MA", "off", "off" },
	{ "Medicaid", "off", "off" },
	{ "Checks", "\u2717 3", "\u2717" },
	{ "Risk", "0/1", "" },
	{ "Info", "2/14", "" },
	{ "Help", "", "" },
};
#define NTABS 9

START_TEST(test_tabfit_wide)
{
	struct tabfit_out o[NTABS];

	/* Widths 7 7 10 3 8 6 4 4 4 = 53, gaps 8 x 2 = 16: 69 fits in 79. */
	ck_assert_int_eq(tabfit(tabs, NTABS, 2, 80, o), NTABS);
	ck_assert_int_eq(o[0].x, 1);
	ck_assert_int_eq(o[1].x, 10);
	ck_assert_int_eq(o[2].x, 19);
	ck_assert_int_eq(o[2].w, 10);
	ck_assert_int_eq(o[8].x, 66);
	for (int i = 0; i < NTABS; i++)
		ck_assert(o[i].full_badge);
}
END_TEST

START_TEST(test_tabfit_narrow)
{
	struct tabfit_out o[NTABS];
	int n;

	/* 60 columns: the other tabs' progress goes (widths 7 6 10 3 8 6 4 4
	 * 4 = 52, + 16 = 68 > 59), so titles are cut, the longest first. */
	n = tabfit(tabs, NTABS, 2, 60, o);
	ck_assert_int_eq(n, NTABS);
	ck_assert(o[2].full_badge);
	ck_assert(!o[0].full_badge);
	ck_assert_int_eq(o[2].title_len, strlen("Commercial"));
	ck_assert_int_le(o[8].x + o[8].w, 60);
	/* 20 columns: only tabs near the current one stay. */
	n = tabfit(tabs, NTABS, 2, 20, o);
	ck_assert_int_lt(n, NTABS);
	ck_assert_int_ge(o[2].x, 0);
	ck_assert_int_eq(o[8].x, -1);
	for (int i = 0; i < NTABS; i++)
		if (o[i].x >= 0)
			ck_assert_int_le(o[i].x + o[i].w, 20);
}
END_TEST

/* A short section heading's parts, joined by the screen's separator. */
START_TEST(test_parts)
{
	char buf[300];

	texts_parts("Category 1|not linked to quality", " \u00b7 ", buf,
	            sizeof buf);
	ck_assert_str_eq(buf, "Category 1 \u00b7 not linked to quality");
	texts_parts("Category 3|linked to quality", " - ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Category 3 - linked to quality");
	texts_parts("Aggregated Metrics", " - ", buf, sizeof buf);
	ck_assert_str_eq(buf, "Aggregated Metrics");
	texts_parts(NULL, " - ", buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	/* Too small: cut before a separator that does not fit whole. */
	texts_parts("ab|cd", " - ", buf, 5);
	ck_assert_str_eq(buf, "ab");
	texts_parts("abcdef", " - ", buf, 4);
	ck_assert_str_eq(buf, "abc");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui_texts");
	TCase *tc = tcase_create("texts");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_xc_summary);
	tcase_add_test(tc, test_badges);
	tcase_add_test(tc, test_money_share);
	tcase_add_test(tc, test_tabfit_wide);
	tcase_add_test(tc, test_tabfit_narrow);
	tcase_add_test(tc, test_parts);
	suite_add_tcase(s, tc);
	return test_main(s);
}
