/* SPDX-License-Identifier: MIT */
/* bars.h: a line's dollars as a bar of cells (no curses).
 *
 * The bar under each metric tab shows how the line's dollars split across
 * Categories 1 to 4 and what is not reported in any of them.  Cells are
 * shared out by largest remainder with integers only, so the widths always
 * add up to the bar's width and never drift with floating point. */
#ifndef APMWB_TUI_BARS_H
#define APMWB_TUI_BARS_H

#include <stdbool.h>
#include <stdint.h>

#include "figures.h"

#define BARS_MAX 8

/* Shares `width` cells among n values (>= 0) in proportion: each gets the
 * floor of v * width / total, and the cells left over go one each to the
 * largest remainders (ties to the earlier value).  All zero: every cell
 * count is 0.  False (cells all 0) when n is past BARS_MAX, a value is
 * negative or the total does not fit in int64. */
bool bars_split(const int64_t *v, int n, int width, int *cells);

/* The segments of a line's bar. */
enum { BAR_CAT1, BAR_CAT2, BAR_CAT3, BAR_CAT4, BAR_UNREPORTED, BAR_NSEG };

struct bars_line {
	int64_t v[BAR_NSEG];   /* cents per segment; unreported = m1 - sum */
	bool any;              /* some dollars to draw */
	bool over;             /* categories add up to more than row 1 */
	int64_t whole;         /* what the bar stands for: row 1, or the sum */
};

/* From the four category totals (rows 2, 5, 10 and 16; blank counts as
 * nothing) and row 1. */
void bars_line_from(const struct money_fig cat[4], struct money_fig m1,
                    struct bars_line *out);

#endif
