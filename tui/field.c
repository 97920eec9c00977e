/* SPDX-License-Identifier: MIT */
/* field.c: one value edited in place.
 *
 * A line of text is a one-field libform form in its own window over the
 * value being edited (libform has no scrolling of its own; the screens
 * scroll and put the form where the value is).  Its buffer is read only
 * after REQ_VALIDATION and comes back padded with spaces, which are
 * trimmed here.  O_BLANK and O_AUTOSKIP are off, O_STATIC off so a long
 * value scrolls sideways; no field type: the core validates.  Long text
 * keeps its own line breaks, so it is edited with editline instead. */
#include <config.h>

#include <string.h>

#include "mem.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

static void form_make(struct app *a, const char *text)
{
	struct edit *e = &a->edit;

	e->fld[0] = new_field(1, e->w, 0, 0, 0, 0);
	e->fld[1] = NULL;
	if (!e->fld[0])
		return;
	set_field_back(e->fld[0], theme(R_EDIT));
	set_field_fore(e->fld[0], theme(R_EDIT));
	field_opts_off(e->fld[0], O_AUTOSKIP | O_BLANK | O_STATIC);
	set_max_field(e->fld[0], (int)(e->max > 30000 ? 30000 : e->max));
	e->form = new_form(e->fld);
	if (!e->form) {
		free_field(e->fld[0]);
		e->fld[0] = NULL;
		return;
	}
	form_opts_off(e->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	e->win = newwin(1, e->w, e->y, e->x);
	e->sub = e->win ? derwin(e->win, 1, e->w, 0, 0) : NULL;
	if (!e->win || !e->sub) {
		free_form(e->form);
		free_field(e->fld[0]);
		e->form = NULL;
		e->fld[0] = NULL;
		if (e->win)
			delwin(e->win);
		e->win = NULL;
		return;
	}
	keypad(e->win, TRUE);
	set_form_win(e->form, e->win);
	set_form_sub(e->form, e->sub);
	post_form(e->form);
	set_field_buffer(e->fld[0], 0, text ? text : "");
	form_driver(e->form, REQ_END_LINE);
}

static void form_drop(struct app *a)
{
	struct edit *e = &a->edit;

	if (e->form) {
		unpost_form(e->form);
		free_form(e->form);
	}
	if (e->fld[0])
		free_field(e->fld[0]);
	if (e->sub)
		delwin(e->sub);
	if (e->win)
		delwin(e->win);
	e->form = NULL;
	e->fld[0] = NULL;
	e->sub = e->win = NULL;
}

bool field_begin(struct app *a, const char *text, int y, int x, int w, int h,
                 bool multi, size_t max)
{
	struct edit *e = &a->edit;

	e->y = y;
	e->x = x;
	e->w = w < 4 ? 4 : w;
	e->h = h < 1 ? 1 : h;
	e->multi = multi;
	e->why[0] = '\0';
	e->refused = false;
	e->el_top = 0;
	e->max = max;
	if (multi)
		return editline_init(&e->el, text, max);
	form_make(a, text);
	return e->form != NULL;
}

char *field_text(struct app *a)
{
	struct edit *e = &a->edit;
	const char *buf;
	size_t n;

	if (e->multi)
		return mem_strdup(e->el.buf);
	if (!e->form)
		return mem_strdup("");
	form_driver(e->form, REQ_VALIDATION);
	buf = field_buffer(e->fld[0], 0);
	if (!buf)
		return mem_strdup("");
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	return mem_strndup(buf, n);
}

void field_place(struct app *a, int y, int x, int w, int h)
{
	struct edit *e = &a->edit;
	char *text;

	e->y = y;
	e->x = x;
	e->w = w < 4 ? 4 : w;
	e->h = h < 1 ? 1 : h;
	if (e->multi)
		return;
	/* A field cannot change its width: make it again with the text. */
	text = field_text(a);
	form_drop(a);
	form_make(a, text ? text : "");
	mem_free(text);
}

void field_end(struct app *a)
{
	struct edit *e = &a->edit;

	if (e->multi)
		editline_free(&e->el);
	else
		form_drop(a);
	mem_free(e->saved);
	e->saved = NULL;
	e->kind = EDIT_NONE;
	e->multi = false;
	e->why[0] = '\0';
}

static int form_req(int ch, bool fkey)
{
	if (fkey) {
		switch (ch) {
		case KEY_LEFT: return REQ_PREV_CHAR;
		case KEY_RIGHT: return REQ_NEXT_CHAR;
		case KEY_HOME: return REQ_BEG_LINE;
		case KEY_END: return REQ_END_LINE;
		case KEY_BACKSPACE: return REQ_DEL_PREV;
		case KEY_DC: return REQ_DEL_CHAR;
		case KEY_IC: return REQ_INS_MODE;
		}
		return -1;
	}
	switch (ch) {
	case CTRL('a'): return REQ_BEG_LINE;
	case CTRL('e'): return REQ_END_LINE;
	case CTRL('b'): return REQ_PREV_CHAR;
	case CTRL('f'): return REQ_NEXT_CHAR;
	case CTRL('h'):
	case 127: return REQ_DEL_PREV;
	case CTRL('d'): return REQ_DEL_CHAR;
	case CTRL('k'): return REQ_CLR_EOL;
	case CTRL('u'): return REQ_CLR_FIELD;
	case CTRL('w'): return REQ_DEL_WORD;
	}
	return -1;
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

int field_key(struct app *a, int ch, bool fkey)
{
	struct edit *e = &a->edit;
	int r;

	/* Keys that end or leave the field. */
	if (!fkey && (ch == 27 || ch == '\t' || ch == CTRL('s')))
		return ch;
	if (fkey && (ch == KEY_BTAB || ch == KEY_NPAGE || ch == KEY_PPAGE ||
	             ch == KEY_F(10) || ch == KEY_F(2) || ch == KEY_F(1) ||
	             ch == KEY_RESIZE))
		return ch;
	if (e->multi) {
		if ((!fkey && (ch == '\r' || ch == '\n')) ||
		    (fkey && ch == KEY_ENTER)) {
			if (!editline_insert(&e->el, '\n'))
				beep();
			return 0;
		}
		if ((r = el_op(ch, fkey)) >= 0) {
			editline_op(&e->el, (enum ed_op)r, e->w - 1);
			return 0;
		}
		if (!fkey && ch >= 0x20 && !editline_insert(&e->el, (uint32_t)ch))
			beep();
		return 0;
	}
	if ((!fkey && (ch == '\r' || ch == '\n')) ||
	    (fkey && (ch == KEY_ENTER || ch == KEY_UP || ch == KEY_DOWN)))
		return ch;
	if ((r = form_req(ch, fkey)) >= 0) {
		form_driver(e->form, r);
		return 0;
	}
	if (!fkey && ch >= 0x20 && ch != 127) {
		if (form_driver_w(e->form, OK, (wchar_t)ch) != E_OK)
			beep();
	}
	return 0;
}

void field_show(struct app *a)
{
	struct edit *e = &a->edit;

	if (e->multi) {
		struct ed_vline vl[256];
		size_t n = editline_layout(&e->el, e->w - 1, vl, 256);
		int row, col;

		editline_cursor(&e->el, e->w - 1, &row, &col);
		if (row < e->el_top)
			e->el_top = row;
		if (row >= e->el_top + e->h)
			e->el_top = row - e->h + 1;
		for (int i = 0; i < e->h; i++) {
			size_t k = (size_t)(e->el_top + i);
			char line[1024];

			ui_fill(stdscr, e->y + i, e->x, e->w, theme(R_EDIT));
			if (k >= n || k >= 256)
				continue;
			snprintf(line, sizeof line, "%.*s", (int)vl[k].len,
			         e->el.buf + vl[k].start);
			/* The buffer holds typed text only: no control
			 * characters get in (editline_insert refuses them). */
			ui_put(stdscr, e->y + i, e->x, e->w, line, theme(R_EDIT));
		}
		wmove(stdscr, e->y + row - e->el_top, e->x + col);
		return;
	}
	if (!e->form)
		return;
	pos_form_cursor(e->form);
	touchwin(e->win);
	wnoutrefresh(e->win);
}
