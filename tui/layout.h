/* SPDX-License-Identifier: MIT */
/* layout.h: which lines a question tab shows, and where (no curses).
 *
 * A tab is laid out as rows of text for a given width from the edition and
 * the display logic (figures' shown[]): the tab's introduction, each
 * group's prompt once, section headings, one field per question with its
 * label and value, and two kinds of grid: questions in a grid (payment
 * models by line of business) and choices in a grid (the Likert
 * statements).  The screens paint these rows; the cursor is a position
 * (question, column) that survives relayout, so a resize or a follow-up
 * appearing never loses the field under the cursor.
 *
 * Every string a row holds has been through the sanitiser. */
#ifndef APMWB_TUI_LAYOUT_H
#define APMWB_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

enum lay_kind {
	LAY_BLANK,
	LAY_TEXT,        /* prose: introduction, a group's prompt */
	LAY_SECTION,     /* a heading */
	LAY_NOTE,        /* a dim remark: rows hidden and why */
	LAY_FIELD,       /* a line of one question's label and value */
	LAY_GRID_HEAD,   /* a line of a grid's column headings */
	LAY_GRID_ROW     /* a line of one grid row */
};

struct lay_row {
	enum lay_kind kind;
	int q;           /* FIELD, GRID_ROW of a choice grid: the question */
	int grid;        /* GRID_*: which grid; else -1 */
	int grow;        /* GRID_ROW: the grid's row */
	int sub;         /* line within its item, 0 first */
	int indent;      /* column of `left` */
	char *left;      /* prose, heading, label or grid row label; may be NULL */
	char *value;     /* FIELD: this line's part of the value, else NULL */
	bool value_line; /* FIELD: the value (and the cursor) starts here */
};

struct lay_grid {
	bool choices;    /* columns are the choices of each row's question */
	int ncols, nrows;
	int *cell;       /* [nrows * ncols] question per cell, -1 when not asked;
	                    a choice grid repeats its row's question */
	char **head;     /* [ncols] column headings */
	int head_lines;  /* lines the headings take */
	int x0, colw;    /* first column and the width of each */
};

struct lay_pos {
	int q;           /* -1: nowhere (a tab with nothing to answer) */
	int col;         /* choice grid: the choice; else 0 */
};

struct lay_focus {
	int q;
	int row;         /* the row the cursor is drawn on */
	int grid, grow, gcol;   /* its grid place, or grid -1 */
	bool read_only;  /* a computed row: the arrows reach it to read it,
	                    Tab and Enter go past it */
};

struct layout {
	struct lay_row *rows;
	size_t n;
	struct lay_grid *grids;
	size_t ngrids;
	int width;
	int value_x;     /* where field values start */
	int value_w;     /* and how wide they may be */
	struct lay_focus *focus; /* every place the cursor may stop, in order */
	size_t nfocus;
	int hidden;      /* compact: rows of the tab that display logic hides */
};


/* The display text of q's answer, written into buf (need not be
 * sanitised: the layout does it). */
typedef void (*layout_value_fn)(void *ctx, int q, char *buf, size_t n);

struct layout_in {
	const struct edition *ed;
	const bool *shown;       /* [nq] display logic */
	int tab;
	int width;
	bool compact;            /* metric tabs: one row per question, no prose */
	layout_value_fn value;
	void *ctx;
	int edit_q;              /* a field being edited in several lines, or -1 */
	int edit_lines;          /* lines it needs */
	int value_lines_max;     /* longest value shown in full (then "…") */
};

/* Lays the tab out; false only when memory runs out (L is then empty).
 * L must be zeroed or freed before. */
bool layout_build(struct layout *L, const struct layout_in *in);
void layout_free(struct layout *L);

/* The row the cursor is drawn on for pos, or -1 when pos is not on this
 * layout. */
int layout_row_of(const struct layout *L, struct lay_pos pos);

/* The rows of pos's item with the heading or prompt that leads into it
 * (so scrolling to a field shows its question). */
void layout_span(const struct layout *L, struct lay_pos pos, int *first,
                 int *last);

enum lay_move {
	LAY_NEXT, LAY_PREV, LAY_UP, LAY_DOWN, LAY_LEFT, LAY_RIGHT,
	LAY_FIRST, LAY_LAST
};

/* Where the cursor goes; pos itself when it cannot move that way.
 * LAY_NEXT and LAY_PREV skip read-only places. */
struct lay_pos layout_move(const struct layout *L, struct lay_pos pos,
                           enum lay_move m);

/* pos if the cursor can stop there; else the nearest place after it in the
 * tab's order, else before it; {-1, 0} when there is none. */
struct lay_pos layout_fix(const struct layout *L, const struct edition *ed,
                          struct lay_pos pos);

/* The first focus place on or after row r (for PgUp/PgDn), or {-1,0}. */
struct lay_pos layout_pos_at_row(const struct layout *L, int r);

/* The first row to show so that rows first..last are in view in a window
 * of `height` rows, moving the view as little as possible from `top`;
 * when they cannot all be, row cur (the cursor's) is; the view never runs
 * past the end of n rows. */
int layout_scroll(int top, int first, int cur, int last, int height, int n);

/* Number of lines text takes wrapped to width (wrap_text's rules). */
int layout_text_lines(const char *text, int width);

#endif
