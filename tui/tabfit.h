/* SPDX-License-Identifier: MIT */
/* tabfit.h: where the tabs go on the two-line tab bar (no curses).
 *
 * Each tab is a column: its title on the first line, its badge (progress
 * and check state) under it.  When the terminal is too narrow for every
 * tab at full length, the tabs other than the current one give up their
 * progress (keeping the check glyph), then the end of their titles, and at
 * last the tabs farthest from the current one are left out. */
#ifndef APMWB_TUI_TABFIT_H
#define APMWB_TUI_TABFIT_H

#include <stdbool.h>
#include <stddef.h>

#define TABFIT_GAP 2          /* columns between tabs */
#define TABFIT_MIN_TITLE 3    /* a cut title keeps at least this many */

struct tabfit_in {
	const char *title;        /* already sanitised */
	const char *badge;        /* "7/9 ✓", "off", "" */
	const char *glyph;        /* the badge without progress: "✓", "" */
};

struct tabfit_out {
	int x;                    /* first column, -1 when left out */
	int w;                    /* columns it takes */
	size_t title_len;         /* bytes of the title that fit */
	bool full_badge;          /* badge (true) or glyph (false) */
};

/* Lays n tabs out on `width` columns starting at column 1; the current
 * tab is always shown whole when the width allows.  Returns how many tabs
 * are shown; out[i].x is -1 for the others. */
int tabfit(const struct tabfit_in *in, int n, int cur, int width,
           struct tabfit_out *out);

#endif
