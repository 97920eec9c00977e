/* SPDX-License-Identifier: MIT */
/* questions.c: the tabs of questions (General information, Payment model
 * selection, Informational questions): each question in the workbook's
 * wording, its prompt once per group, the model and Likert grids. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "ui.h"

#define EDIT_LINES 6

static int list_y(void)
{
	return UI_TOP + 1;
}

static int list_h(const struct app *a)
{
	return app_body_h(a) - 1;
}

/* How wide the answer's box is. */
static int field_w(const struct app *a, const struct question *q)
{
	int vw = a->lay.value_w;

	switch (q->type) {
	case Q_YESNO:
		return 5;
	case Q_WHOLE:
	case Q_HOURS:
		return vw < 16 ? vw : 16;
	case Q_MONEY:
		return vw < 24 ? vw : 24;
	default:
		return vw;
	}
}

static void heading(struct app *a, const char *title)
{
	const struct tab_progress *p = &app_figures(a)->progress[a->tab];
	char right[80], clean[200];

	snprintf(clean, sizeof clean, "%s", title);
	ui_put_stored(stdscr, UI_TOP, 1, a->W - 30, clean, theme(R_HEADING));
	if (p->asked) {
		snprintf(right, sizeof right, "%d of %d answered ", p->answered,
		         p->asked);
		ui_put_right(stdscr, UI_TOP, a->W - 30, 30, right, theme(R_DIM));
	}
}

static const char *yesno_text(const char *v)
{
	if (!v)
		return "";
	return strcmp(v, "yes") == 0 ? "Yes" : "No";
}

static void draw_grid_head(const struct lay_grid *g, const struct lay_row *r,
                           int y)
{
	for (int c = 0; c < g->ncols; c++) {
		const char *h = g->head[r->sub * g->ncols + c];
		int hw = ui_width(h), x = g->x0 + c * g->colw;

		ui_put(stdscr, y, x + (g->colw - hw) / 2, g->colw, h,
		       theme(R_DIM));
	}
}

static void draw_grid_row(struct app *a, const struct lay_grid *g,
                          const struct lay_row *r, int y)
{
	struct lay_pos pos = a->ts[a->tab].pos;

	ui_put(stdscr, y, r->indent, g->x0 - r->indent - 1, r->left,
	       theme(R_LABEL));
	if (r->sub != 0)
		return;
	if (g->choices)
		app_mark_differs(a, y, 1, r->q);
	for (int c = 0; c < g->ncols && !g->choices; c++)
		if (app_differs(a, g->cell[r->grow * g->ncols + c])) {
			app_mark_differs(a, y, 1, g->cell[r->grow * g->ncols + c]);
			break;
		}
	for (int c = 0; c < g->ncols; c++) {
		int x = g->x0 + c * g->colw + 1, w = g->colw - 2;
		const char *text;
		bool cur;

		if (g->choices) {
			const char *v = answers_get(a->s->a, r->q);
			const struct choice_set *cs = a->ed->qs[r->q].choices;
			bool on = v && (size_t)c < cs->n &&
			          strcmp(cs->items[c].value, v) == 0;

			text = on ? (a->utf8 ? "(\u25cf)" : "(*)") : "( )";
			cur = r->q == pos.q && c == pos.col;
		} else {
			int q = g->cell[r->grow * g->ncols + c];

			if (q < 0) {
				ui_put(stdscr, y, x + (w - 3) / 2, 3, "off",
				       theme(R_DIM));
				continue;
			}
			text = yesno_text(answers_get(a->s->a, q));
			if (!*text)
				text = a->g->dot;
			cur = q == pos.q;
		}
		if (cur)
			ui_fill(stdscr, y, x, w, theme(R_CURSOR));
		ui_put(stdscr, y, x + (w - ui_width(text)) / 2, w, text,
		       theme(cur ? R_CURSOR : R_VALUE));
	}
}

static void draw_field(struct app *a, const struct lay_row *r, int y)
{
	const struct question *q = &a->ed->qs[r->q];
	struct lay_pos pos = a->ts[a->tab].pos;
	bool editing = a->edit.kind == EDIT_ANSWER && a->edit.q == r->q;
	int vx = a->lay.value_x, fw = field_w(a, q);

	if (r->left) {
		int lw = r->value_line ? vx - r->indent - 1 : a->W - r->indent - 1;

		ui_put(stdscr, y, r->indent, lw, r->left, theme(R_LABEL));
		if (r->value_line && q->required && !answers_get(a->s->a, r->q))
			ui_put(stdscr, y, r->indent + ui_width(r->left), 2, "*",
			       theme(R_DIM));
	}
	if (r->value_line)
		app_mark_differs(a, y, 1, r->q);
	if (editing)
		return;
	if (r->value_line) {
		bool cur = pos.q == r->q;
		bool blank = !r->value || !*r->value;

		ui_fill(stdscr, y, vx, fw,
		        theme(cur ? R_CURSOR : blank ? R_FIELD : R_NORMAL));
		ui_put(stdscr, y, vx, a->lay.value_w, r->value,
		       theme(cur ? R_CURSOR : R_VALUE));
	} else if (r->value) {
		ui_put(stdscr, y, vx, a->lay.value_w, r->value, theme(R_VALUE));
	}
}

static void draw_row(struct app *a, const struct lay_row *r, int y)
{
	switch (r->kind) {
	case LAY_BLANK:
		break;
	case LAY_TEXT:
		ui_put(stdscr, y, r->indent, a->W - r->indent, r->left,
		       theme(r->q < 0 ? R_DIM : R_PROMPT));
		break;
	case LAY_SECTION:
		ui_put(stdscr, y, r->indent, a->W - r->indent, r->left,
		       theme(R_HEADING));
		break;
	case LAY_NOTE:
		ui_put(stdscr, y, r->indent, a->W - r->indent, r->left,
		       theme(R_DIM));
		break;
	case LAY_FIELD:
		draw_field(a, r, y);
		break;
	case LAY_GRID_HEAD:
		draw_grid_head(&a->lay.grids[r->grid], r, y);
		break;
	case LAY_GRID_ROW:
		draw_grid_row(a, &a->lay.grids[r->grid], r, y);
		break;
	}
}

/* A grid scrolled past its column headings repeats them over the top
 * lines of the view: the lines they take, and (in *head) the first. */
static int sticky_lines(const struct app *a, int top, int *head)
{
	const struct layout *L = &a->lay;
	const struct lay_row *r;

	if (top <= 0 || (size_t)top >= L->n)
		return 0;
	r = &L->rows[top];
	if (r->grid < 0 || (r->kind != LAY_GRID_ROW &&
	                    !(r->kind == LAY_GRID_HEAD && r->sub > 0)))
		return 0;
	for (int i = top - 1; i >= 0; i--)
		if (L->rows[i].kind == LAY_GRID_HEAD && L->rows[i].grid == r->grid &&
		    (i == 0 || L->rows[i - 1].kind != LAY_GRID_HEAD ||
		     L->rows[i - 1].grid != r->grid)) {
			*head = i;
			return L->grids[r->grid].head_lines;
		}
	return 0;
}

/* Scrolls so the cursor's field (with its prompt) is in view. */
static void keep_in_view(struct app *a)
{
	struct tabstate *ts = &a->ts[a->tab];
	int first, last, cur = layout_row_of(&a->lay, ts->pos), h = list_h(a);

	if (cur < 0) {
		ts->top = layout_scroll(ts->top, 0, 0, 0, h, (int)a->lay.n);
		return;
	}
	layout_span(&a->lay, ts->pos, &first, &last);
	ts->top = layout_scroll(ts->top, first, cur, last, h, (int)a->lay.n);
	/* The cursor never sits under the repeated headings. */
	for (int k = 0, hd, st; k < 4; k++) {
		st = sticky_lines(a, ts->top, &hd);
		if (st == 0 || first >= ts->top + st)
			break;
		ts->top = first - st > 0 ? first - st : 0;
	}
}

void questions_place_edit(struct app *a)
{
	const struct question *q;
	int row, y, x, w;

	if (a->edit.kind != EDIT_ANSWER || !a->lay_ok)
		return;
	q = &a->ed->qs[a->edit.q];
	keep_in_view(a);
	row = layout_row_of(&a->lay, (struct lay_pos){ a->edit.q, 0 });
	if (row < 0)
		return;
	y = list_y() + row - a->ts[a->tab].top;
	x = a->lay.value_x;
	w = a->edit.multi ? a->lay.value_w : field_w(a, q);
	if (a->ed->tabs[a->tab].lob != LOB_NONE)
		return;   /* metric tabs place their own editor */
	if (y != a->edit.y || x != a->edit.x || w != a->edit.w)
		field_place(a, y, x, w, a->edit.h);
}

/* What the keys do on the field under the cursor. */
static const char *key_line(const struct app *a, const struct question *q)
{
	if (a->ro)
		return "review mode: read-only \u00b7 [ ] Alt-1\u20269 tabs \u00b7 "
		       "? help \u00b7 q quit";
	switch (q->type) {
	case Q_YESNO:
		return "y Yes \u00b7 n No \u00b7 Enter or space switches \u00b7 "
		       "x clears \u00b7 [ ] Alt-1\u20269 tabs \u00b7 ? help";
	case Q_CHOICE:
		return "Enter or space chooses \u00b7 x clears \u00b7 [ ] "
		       "Alt-1\u20269 tabs \u00b7 ? help \u00b7 u undo";
	case Q_MULTI:
		return "Enter chooses (space marks) \u00b7 x clears \u00b7 [ ] "
		       "Alt-1\u20269 tabs \u00b7 ? help";
	case Q_MONEY:
	case Q_WHOLE:
	case Q_HOURS:
		return "type or Enter edits \u00b7 x clears \u00b7 Tab next \u00b7 "
		       "[ ] Alt-1\u20269 tabs \u00b7 ? help";
	default:
		return "type to answer \u00b7 Del clears \u00b7 [ ] Alt-1\u20269 "
		       "tabs \u00b7 F1 help \u00b7 Ctrl-Z undo";
	}
}

void questions_draw(struct app *a)
{
	const struct tab *t = &a->ed->tabs[a->tab];
	struct tabstate *ts = &a->ts[a->tab];
	int h = list_h(a), y0 = list_y();

	heading(a, t->title);
	if (!a->lay_ok)
		return;
	if (a->edit.kind == EDIT_ANSWER)
		questions_place_edit(a);
	else
		keep_in_view(a);
	for (int i = 0; i < h; i++) {
		size_t r = (size_t)(ts->top + i);

		if (r >= a->lay.n)
			break;
		draw_row(a, &a->lay.rows[r], y0 + i);
	}
	{
		int hd = 0, st = sticky_lines(a, ts->top, &hd);

		for (int i = 0; i < st && i < h; i++) {
			ui_fill(stdscr, y0 + i, 0, a->W, theme(R_NORMAL));
			draw_row(a, &a->lay.rows[hd + i], y0 + i);
		}
	}
	/* Rows above or below the view: an arrow in the margin. */
	if (ts->top > 0)
		ui_put(stdscr, y0, 0, 1, a->utf8 ? "\u2191" : "^", theme(R_KEY));
	if ((size_t)(ts->top + h) < a->lay.n)
		ui_put(stdscr, y0 + h - 1, 0, 1, a->utf8 ? "\u2193" : "v",
		       theme(R_KEY));
	if (a->msg[0] == '\0' && a->edit.kind == EDIT_NONE && ts->pos.q >= 0)
		ui_put_cut(stdscr, a->H - 2, 1, a->W - 2,
		           key_line(a, &a->ed->qs[ts->pos.q]), theme(R_DIM));
}

static void start_edit(struct app *a, int q, const char *initial)
{
	const struct question *qu = &a->ed->qs[q];
	bool multi = qu->type == Q_LONGTEXT;
	int row = layout_row_of(&a->lay, (struct lay_pos){ q, 0 });
	int y = list_y() + row - a->ts[a->tab].top;

	if (!edit_answer(a, q, initial, y, a->lay.value_x,
	                 multi ? a->lay.value_w : field_w(a, qu),
	                 multi ? EDIT_LINES : 1))
		return;
	if (multi)
		app_relayout(a);
}

static void choice_picked(struct app *a, int k, const bool *marks,
                          const struct pick_arg *arg)
{
	const struct choice_set *cs = a->ed->qs[arg->q].choices;

	(void)marks;
	if (k >= 0 && (size_t)k < cs->n)
		edit_set(a, arg->q, cs->items[k].value);
	else if (k == -1 && answers_get(a->s->a, arg->q))
		edit_set(a, arg->q, "");
}

static void pick_choice(struct app *a, int q)
{
	const struct question *qu = &a->ed->qs[q];
	const struct choice_set *cs = qu->choices;
	const char *v = answers_get(a->s->a, q);
	const char **items;
	int cur = 0;

	if (app_refuse_ro(a) || !cs || !cs->n)
		return;
	if (!(items = mem_calloc(cs->n, sizeof *items)))
		return;
	for (size_t i = 0; i < cs->n; i++) {
		items[i] = cs->items[i].label;
		if (v && strcmp(v, cs->items[i].value) == 0)
			cur = (int)i;
	}
	picker_choice(a, qu->label && *qu->label ? qu->label : qu->prompt,
	              items, (int)cs->n, cur, true, choice_picked,
	              &(struct pick_arg){ .q = q });
	mem_free(items);
}

static void multi_picked(struct app *a, int k, const bool *sel,
                         const struct pick_arg *arg)
{
	const struct choice_set *cs = a->ed->qs[arg->q].choices;
	char *joined;
	size_t len = 0, cap = 1;

	(void)k;
	for (size_t i = 0; i < cs->n; i++)
		cap += strlen(cs->items[i].value) + 1;
	if (!sel || !(joined = mem_alloc(cap)))
		return;
	joined[0] = '\0';
	for (size_t i = 0; i < cs->n; i++)
		if (sel[i])
			len += (size_t)snprintf(joined + len, cap - len, "%s%s",
			                        len ? "," : "", cs->items[i].value);
	edit_set(a, arg->q, joined);
	mem_free(joined);
}

static void pick_multi(struct app *a, int q)
{
	const struct question *qu = &a->ed->qs[q];
	const struct choice_set *cs = qu->choices;
	const char **items;
	bool *sel;

	if (app_refuse_ro(a) || !cs || !cs->n)
		return;
	items = mem_calloc(cs->n, sizeof *items);
	sel = mem_calloc(cs->n, sizeof *sel);
	if (items && sel) {
		for (size_t i = 0; i < cs->n; i++) {
			items[i] = cs->items[i].label;
			sel[i] = answers_has_choice(a->s->a, q, cs->items[i].value);
		}
		picker_multi(a, qu->label && *qu->label ? qu->label : qu->prompt,
		             items, (int)cs->n, sel, qu->max_choices, multi_picked,
		             &(struct pick_arg){ .q = q });
	}
	mem_free(items);
	mem_free(sel);
}

static bool yesno_key(struct app *a, int q, int ch, bool fkey)
{
	const char *v = answers_get(a->s->a, q);

	if (!fkey && (ch == 'y' || ch == 'Y'))
		edit_set(a, q, "yes");
	else if (!fkey && (ch == 'n' || ch == 'N'))
		edit_set(a, q, "no");
	else if (key_enter(ch, fkey) || (!fkey && ch == ' '))
		edit_set(a, q, v && strcmp(v, "yes") == 0 ? "no" : "yes");
	else
		return false;
	return true;
}

static bool choice_key(struct app *a, int q, int col, int ch, bool fkey)
{
	const struct question *qu = &a->ed->qs[q];
	bool pick = key_enter(ch, fkey) || (!fkey && ch == ' ');
	const struct lay_focus *f = NULL;

	for (size_t i = 0; i < a->lay.nfocus; i++)
		if (a->lay.focus[i].q == q)
			f = &a->lay.focus[i];
	if (f && f->grid >= 0 && a->lay.grids[f->grid].choices) {
		int n = (int)qu->choices->n;

		if (!fkey && ch >= '1' && ch <= '9' && ch - '1' < n)
			col = ch - '1';
		else if (!pick)
			return false;
		edit_set(a, q, qu->choices->items[col].value);
		return true;
	}
	if (!pick)
		return false;
	pick_choice(a, q);
	return true;
}

static bool answer_key(struct app *a, int q, int col, int ch, bool fkey)
{
	const struct question *qu = &a->ed->qs[q];
	const char *v = answers_get(a->s->a, q);
	bool typed = qu->type != Q_YESNO && qu->type != Q_CHOICE &&
	             qu->type != Q_MULTI && qu->type != Q_COMPUTED;

	/* Enter or F2 edits the answer as it is; a character that can
	 * begin it starts it afresh, as in a spreadsheet. */
	if (typed && (key_enter(ch, fkey) || (fkey && ch == KEY_F(2)))) {
		start_edit(a, q, v);
		return true;
	}
	if (edit_starts(a, qu, ch, fkey)) {
		char first[8];

		key_utf8(ch, first);
		start_edit(a, q, first);
		if (a->edit.kind == EDIT_ANSWER)
			edit_live(a);
		return true;
	}
	if ((!fkey && (ch == 'x' || ch == 127 || ch == CTRL('h'))) ||
	    (fkey && (ch == KEY_DC || ch == KEY_BACKSPACE))) {
		if (v)
			edit_set(a, q, "");
		return true;
	}
	switch (qu->type) {
	case Q_YESNO:
		return yesno_key(a, q, ch, fkey);
	case Q_CHOICE:
		return choice_key(a, q, col, ch, fkey);
	case Q_MULTI:
		if (!key_enter(ch, fkey) && !(!fkey && ch == ' '))
			return false;
		pick_multi(a, q);
		return true;
	default:
		return false;
	}
}

bool questions_key(struct app *a, int ch, bool fkey)
{
	struct tabstate *ts = &a->ts[a->tab];
	enum lay_move m;
	bool move = true;

	if (!a->lay_ok)
		return false;
	/* On a field that takes text every character types (j, k, g, G
	 * move elsewhere only). */
	if (ts->pos.q >= 0 && edit_starts(a, &a->ed->qs[ts->pos.q], ch, fkey))
		return answer_key(a, ts->pos.q, ts->pos.col, ch, fkey);
	if (fkey) {
		switch (ch) {
		case KEY_UP: m = LAY_UP; break;
		case KEY_DOWN: m = LAY_DOWN; break;
		case KEY_LEFT: m = LAY_LEFT; break;
		case KEY_RIGHT: m = LAY_RIGHT; break;
		case KEY_BTAB: m = LAY_PREV; break;
		case KEY_HOME: m = LAY_FIRST; break;
		case KEY_END: m = LAY_LAST; break;
		case KEY_NPAGE:
		case KEY_PPAGE: {
			int r = layout_row_of(&a->lay, ts->pos), h = list_h(a);

			if (r < 0)
				return true;
			r += ch == KEY_NPAGE ? h : -h;
			ts->top += ch == KEY_NPAGE ? h : -h;
			if (ts->top < 0)
				ts->top = 0;
			ts->pos = layout_pos_at_row(&a->lay, r < 0 ? 0 : r);
			return true;
		}
		default: move = false;
		}
	} else {
		switch (ch) {
		case '\t': m = LAY_NEXT; break;
		case 'j': m = LAY_DOWN; break;
		case 'k': m = LAY_UP; break;
		case 'g': m = LAY_FIRST; break;
		case 'G': m = LAY_LAST; break;
		default: move = false;
		}
	}
	if (move) {
		struct lay_pos p = layout_move(&a->lay, ts->pos, m);

		if (p.q == ts->pos.q && p.col == ts->pos.col && m == LAY_NEXT)
			app_msg(a, R_DIM, "the last question of this tab %s ] goes "
			        "to the next tab", a->g->dot);
		/* Entering a scale: the cursor starts on the answer given. */
		if (p.q != ts->pos.q && p.q >= 0 &&
		    a->ed->qs[p.q].type == Q_CHOICE && p.col == 0 &&
		    answers_get(a->s->a, p.q)) {
			const struct question *qu = &a->ed->qs[p.q];

			for (size_t i = 0; i < qu->choices->n; i++)
				if (strcmp(qu->choices->items[i].value,
				           answers_get(a->s->a, p.q)) == 0)
					p.col = (int)i;
		}
		ts->pos = layout_fix(&a->lay, a->ed, p);
		return true;
	}
	if (ts->pos.q < 0)
		return false;
	return answer_key(a, ts->pos.q, ts->pos.col, ch, fkey);
}
