/* SPDX-License-Identifier: MIT */
/* field.c: one value edited in place, on one line or over several.
 *
 * Every field is an editline buffer drawn here: a line scrolls sideways
 * to keep the cursor in view, long text wraps and scrolls down.  libform
 * is not used for the one-line fields: its buffer counts screen cells, so
 * with double-width text (CJK, emoji) End put the cursor short of the end
 * and a typed character landed in the middle of the name.  Which keys end
 * the editing is keys.c's one list. */
#include <config.h>

#include <limits.h>
#include <string.h>

#include "mem.h"
#include "ui.h"
#include "wrap.h"

bool field_begin(struct app *a, const char *text, int y, int x, int w, int h,
                 bool multi, size_t max)
{
	struct edit *e = &a->edit;

	e->multi = multi;
	e->why[0] = '\0';
	e->refused = false;
	e->top = 0;
	field_place(a, y, x, w, h);
	return editline_init(&e->el, text, max);
}

const char *field_text(const struct app *a)
{
	return a->edit.el.buf ? a->edit.el.buf : "";
}

void field_place(struct app *a, int y, int x, int w, int h)
{
	struct edit *e = &a->edit;

	e->y = y;
	e->x = x;
	e->w = w < 4 ? 4 : w;
	e->h = h < 1 ? 1 : h;
}

void field_end(struct app *a)
{
	struct edit *e = &a->edit;

	editline_free(&e->el);
	mem_free(e->saved);
	e->saved = NULL;
	e->kind = EDIT_NONE;
	e->multi = false;
	e->done = NULL;
	e->why[0] = '\0';
}

static int el_op(int ch, bool fkey)
{
	if (fkey) {
		switch (ch) {
		case KEY_LEFT: return ED_LEFT;
		case KEY_RIGHT: return ED_RIGHT;
		case KEY_HOME: return ED_HOME;
		case KEY_END: return ED_END;
		case KEY_UP: return ED_UP;
		case KEY_DOWN: return ED_DOWN;
		case KEY_BACKSPACE: return ED_BACKSPACE;
		case KEY_DC: return ED_DELETE;
		}
		return -1;
	}
	switch (ch) {
	case CTRL('a'): return ED_HOME;
	case CTRL('e'): return ED_END;
	case CTRL('b'): return ED_LEFT;
	case CTRL('f'): return ED_RIGHT;
	case CTRL('h'):
	case 127: return ED_BACKSPACE;
	case CTRL('d'): return ED_DELETE;
	case CTRL('k'): return ED_KILL_END;
	case CTRL('u'): return ED_KILL_START;
	case CTRL('w'): return ED_KILL_WORD;
	}
	return -1;
}

enum leave field_key(struct app *a, int ch, bool fkey)
{
	struct edit *e = &a->edit;
	enum leave lv = key_leaves(ch, fkey, e->multi);
	int op;

	if (lv != LV_NONE)
		return lv;
	if (e->multi && key_enter(ch, fkey)) {
		if (!editline_insert(&e->el, '\n'))
			beep();
		return LV_NONE;
	}
	if ((op = el_op(ch, fkey)) >= 0) {
		editline_op(&e->el, (enum ed_op)op, e->multi ? e->w - 1 : INT_MAX);
		return LV_NONE;
	}
	if (key_printable(ch, fkey) && !editline_insert(&e->el, (uint32_t)ch))
		beep();
	return LV_NONE;
}

static void show_lines(struct edit *e)
{
	struct ed_vline vl[256];
	size_t n = editline_layout(&e->el, e->w - 1, vl, 256);
	int row, col;

	editline_cursor(&e->el, e->w - 1, &row, &col);
	if (row < e->top)
		e->top = row;
	if (row >= e->top + e->h)
		e->top = row - e->h + 1;
	for (int i = 0; i < e->h; i++) {
		size_t k = (size_t)(e->top + i);
		char line[1024];

		ui_fill(stdscr, e->y + i, e->x, e->w, theme(R_EDIT));
		if (k >= n || k >= 256)
			continue;
		snprintf(line, sizeof line, "%.*s", (int)vl[k].len,
		         e->el.buf + vl[k].start);
		/* The buffer holds typed text only: no control characters get
		 * in (editline_insert refuses them). */
		ui_put(stdscr, e->y + i, e->x, e->w, line, theme(R_EDIT));
	}
	wmove(stdscr, e->y + row - e->top, e->x + col);
}

/* One line: the part in view, scrolled sideways so the cursor is in it. */
static void show_line(struct edit *e)
{
	const char *buf = e->el.buf;
	size_t len = e->el.len, from;
	int col = wrap_width(buf, e->el.cur), start;

	if (col < e->top)
		e->top = col;
	if (col > e->top + e->w - 1)
		e->top = col - e->w + 1;
	from = wrap_fit(buf, len, e->top);
	start = wrap_width(buf, from);
	if (start < e->top && from < len) {
		/* A wide character across the edge: start after it. */
		from++;
		while (from < len && ((unsigned char)buf[from] & 0xc0) == 0x80)
			from++;
		start = wrap_width(buf, from);
	}
	ui_fill(stdscr, e->y, e->x, e->w, theme(R_EDIT));
	ui_put(stdscr, e->y, e->x, e->w, buf + from, theme(R_EDIT));
	wmove(stdscr, e->y, e->x + col - start);
}

void field_show(struct app *a)
{
	struct edit *e = &a->edit;

	if (!e->el.buf)
		return;
	if (e->multi)
		show_lines(e);
	else
		show_line(e);
}
