/* SPDX-License-Identifier: MIT */
/* metrics.c: a line's metric tab: its rows in the tab's own numbering and
 * wording, dollars beside computed rows (marked "=", never typed), shares
 * right-aligned, the line's cross-check always in sight and a bar of its
 * dollars by category.  While an amount is typed every figure here comes
 * from the live figures, so shares, totals, the check and the bar move
 * with each digit. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "bars.h"
#include "money.h"
#include "sanitize.h"
#include "texts.h"
#include "ui.h"

#define DOLLARS_W 23
#define SHARE_W 8
#define PANEL_H 5     /* wording (2), cross-check, bar, legend */

struct cols {
	int num, label, label_w, dollars, share;
};

static struct cols columns(const struct app *a)
{
	struct cols c;

	c.num = 1;
	c.label = 6;
	c.share = a->W - 1 - SHARE_W;
	c.dollars = c.share - 2 - DOLLARS_W;
	c.label_w = c.dollars - c.label - 2;
	return c;
}

static int list_y(void)
{
	return UI_TOP + 2;
}

static int list_h(const struct app *a)
{
	return app_body_h(a) - 2 - PANEL_H - 1;
}

static void keep_in_view(struct app *a)
{
	struct tabstate *ts = &a->ts[a->tab];
	int first, last, cur = layout_row_of(&a->lay, ts->pos);

	if (cur < 0) {
		ts->top = layout_scroll(ts->top, 0, 0, 0, list_h(a), (int)a->lay.n);
		return;
	}
	layout_span(&a->lay, ts->pos, &first, &last);
	ts->top = layout_scroll(ts->top, first, cur, last, list_h(a),
	                        (int)a->lay.n);
}

static void draw_row(struct app *a, const struct lay_row *r, int y,
                     const struct cols *c, const struct figures *F)
{
	const struct question *q;
	struct lay_pos pos = a->ts[a->tab].pos;
	char m[MONEY_BUFSZ + 4], sh[PCT_BUFSZ + 4];
	bool cur, editing;

	if (r->kind == LAY_SECTION) {
		char sec[400];

		texts_parts(r->left, a->utf8 ? " \u00b7 " : " - ", sec,
		            sizeof sec);
		ui_put_cut(stdscr, y, 2, a->W - 3, sec, theme(R_HEADING));
		return;
	}
	if (r->kind != LAY_FIELD)
		return;
	q = &a->ed->qs[r->q];
	cur = pos.q == r->q;
	editing = a->edit.kind == EDIT_ANSWER && a->edit.q == r->q;
	if (q->row)
		ui_put_right(stdscr, y, c->num, 3, q->row, theme(R_DIM));
	app_mark_differs(a, y, 1, r->q);
	ui_put_cut(stdscr, y, c->label, c->label_w, r->left,
	           theme(q->type == Q_COMPUTED ? R_COMPUTED : R_LABEL));
	texts_money(&F->money[r->q], m, sizeof m);
	if (q->type == Q_COMPUTED) {
		char eq[MONEY_BUFSZ + 8];

		snprintf(eq, sizeof eq, "%s %s", a->g->computed, *m ? m : "");
		if (cur)
			ui_fill(stdscr, y, c->dollars, DOLLARS_W, theme(R_CURSOR));
		ui_put_num(stdscr, y, c->dollars, DOLLARS_W, eq,
		           theme(cur ? R_CURSOR : R_COMPUTED));
	} else if (!editing) {
		ui_fill(stdscr, y, c->dollars, DOLLARS_W,
		        theme(cur ? R_CURSOR : *m ? R_NORMAL : R_FIELD));
		ui_put_num(stdscr, y, c->dollars, DOLLARS_W, m,
		             theme(cur ? R_CURSOR : R_VALUE));
	}
	if (q->role == ROLE_DENOMINATOR)
		snprintf(sh, sizeof sh, "total");
	else
		texts_share(&F->share[r->q], sh, sizeof sh);
	ui_put_num(stdscr, y, c->share, SHARE_W, sh,
	             theme(F->share[r->q].ok ? R_NORMAL : R_DIM));
}

static void draw_xc(struct app *a, int y, const struct xcheck *x)
{
	char st[120], sum[MONEY_BUFSZ], den[MONEY_BUFSZ], line[400];
	int w;

	texts_xc_state(x, st, sizeof st);
	texts_money(&x->sum, sum, sizeof sum);
	texts_money(&x->denominator, den, sizeof den);
	w = ui_put(stdscr, y, 1, 14, "Cross-check:", theme(R_HEADING)) + 2;
	if (!x->computable && !x->overflow) {
		snprintf(line, sizeof line, "waiting for row 1%s%s%s",
		         *sum ? " (numerators so far " : "", sum, *sum ? ")" : "");
		ui_put_cut(stdscr, y, w, a->W - w - 1, line, theme(R_DIM));
		return;
	}
	if (x->computable && x->ok) {
		w += ui_put(stdscr, y, w, 20, "Yes", theme(R_GOOD));
	} else {
		snprintf(line, sizeof line, "%s%s%s", x->computable ? "No, " : "",
		         st, "");
		w += ui_put(stdscr, y, w, a->W - w, line,
		            theme(x->computable ? R_BAD : R_WARN));
	}
	/* The sums only when they fit whole: a cut figure would misread. */
	snprintf(line, sizeof line, "  numerators %s %s row 1 %s",
	         *sum ? sum : "blank", a->g->dot, *den ? den : "blank");
	if (ui_width(line) > a->W - w - 1)
		snprintf(line, sizeof line, "  numerators %s", *sum ? sum : "blank");
	if (ui_width(line) <= a->W - w - 1)
		ui_put(stdscr, y, w, a->W - w - 1, line, theme(R_DIM));
}

static void draw_bar(struct app *a, int y, int lob, const struct figures *F)
{
	static const enum role roles[BAR_NSEG] = {
		R_BAR1, R_BAR2, R_BAR3, R_BAR4, R_BAR_NONE
	};
	const char *names[BAR_NSEG];
	struct money_fig cat[4] = { { 0 } }, m1 = { 0 };
	struct bars_line bl;
	int cells[BAR_NSEG], x = 1, width = a->W - 2;
	int d = edition_denominator(a->ed, lob);

	/* The edition's categories, in order, each its line's total row. */
	for (int i = 0; i < BAR_UNREPORTED; i++) {
		int q = edition_category_row(a->ed, lob, i);

		names[i] = (size_t)i < a->ed->ncats ? a->ed->cats[i].label : "";
		if (q >= 0 && F->shown[q])
			cat[i] = F->money[q];
	}
	names[BAR_UNREPORTED] = "not reported";
	if (d >= 0)
		m1 = F->money[d];
	bars_line_from(cat, m1, &bl);
	if (!bl.any) {
		ui_put(stdscr, y, 1, width, "No dollars yet: the bar shows how "
		       "they split across Categories 1 to 4.", theme(R_DIM));
		return;
	}
	bars_split(bl.v, BAR_NSEG, width, cells);
	for (int s = 0; s < BAR_NSEG; s++)
		for (int k = 0; k < cells[s]; k++)
			ui_put(stdscr, y, x++, 1, a->g->bar[s], theme(roles[s]));
	/* The legend: each category's share of the line's row 1, on one
	 * line whole: the gaps narrow before anything is cut. */
	{
		char items[BAR_NSEG][80];
		const char *over = bl.over ? "(categories add up to more than "
		                   "row 1)" : "";
		int need = 0, gap, k = 0;

		for (int s = 0; s < BAR_NSEG; s++) {
			char pct[PCT_BUFSZ];
			pct_t p;

			items[s][0] = '\0';
			if (s == BAR_UNREPORTED && bl.v[s] == 0)
				continue;
			if (bl.whole > 0 && pct_share(bl.v[s], bl.whole, &p)) {
				pct_format_share(p, pct);
				snprintf(items[s], sizeof items[s], "%s %s%%", names[s],
				         pct);
			} else {
				snprintf(items[s], sizeof items[s], "%s n/a", names[s]);
			}
			need += 2 + ui_width(items[s]);
			k++;
		}
		/* Each item is its mark, a space and its text; gaps between. */
		if (bl.over && need + 2 * k + ui_width(over) > a->W - 2)
			over = "(over row 1)";
		if (*over) {
			need += ui_width(over);
			k++;
		}
		gap = need + 2 * (k - 1) <= a->W - 2 ? 2 : 1;
		x = 1;
		for (int s = 0; s < BAR_NSEG; s++) {
			if (!items[s][0])
				continue;
			x += ui_put(stdscr, y + 1, x, 1, a->g->bar[s], theme(roles[s]));
			x += 1 + ui_put(stdscr, y + 1, x + 1, a->W - x - 2, items[s],
			                theme(R_NORMAL));
			x += gap;
		}
		if (*over)
			ui_put_cut(stdscr, y + 1, x, a->W - x - 1, over, theme(R_BAD));
	}
}

void off_draw(struct app *a, const char *why)
{
	const struct tab *t = &a->ed->tabs[a->tab];
	int kept = 0, y = UI_TOP + 2;

	for (int i = t->first_q; i < t->first_q + t->nq; i++)
		kept += figures_hidden_answer(a->s->f, a->s->a, i);
	ui_put_stored(stdscr, UI_TOP, 1, a->W - 2, t->title, theme(R_HEADING));

	/* Wrapped, never cut: the reason names where to select the line. */
	y += ui_put_wrapped(stdscr, y, 2, a->W - 4, 3, why, theme(R_NORMAL));
	y += ui_put_wrapped(stdscr, y, 2, a->W - 4, 2, "Select it there to "
	                    "report its dollars; nothing on this tab counts "
	                    "while it is off.", theme(R_DIM));
	if (kept) {
		char line[200];

		snprintf(line, sizeof line, "%d answer%s typed earlier %s kept in "
		         "the file and come%s back when the line is selected.",
		         kept, kept == 1 ? "" : "s", kept == 1 ? "is" : "are",
		         kept == 1 ? "s" : "");
		ui_put_wrapped(stdscr, y + 1, 2, a->W - 4, 2, line, theme(R_DIM));
	}
}

void metrics_draw(struct app *a)
{
	const struct tab *t = &a->ed->tabs[a->tab];
	char why[300];
	const struct figures *F = app_figures(a);
	struct tabstate *ts = &a->ts[a->tab];
	struct cols c = columns(a);
	int h = list_h(a), y0 = list_y(), py;
	char right[60];
	const struct tab_progress *p = &app_figures(a)->progress[a->tab];

	if (app_tab_off(a, a->tab, why, sizeof why)) {
		off_draw(a, why);
		return;
	}
	ui_put_stored(stdscr, UI_TOP, 1, a->W - 24, t->title, theme(R_HEADING));
	snprintf(right, sizeof right, "%d of %d answered ", p->answered,
	         p->asked);
	ui_put_right(stdscr, UI_TOP, a->W - 24, 24, right, theme(R_DIM));
	ui_put_right(stdscr, UI_TOP + 1, c.num, 3, "#", theme(R_DIM));
	if (t->rows_head) {
		char head[400];

		sanitize_text(t->rows_head, 0, head, sizeof head);
		ui_put(stdscr, UI_TOP + 1, c.label, c.label_w, head, theme(R_DIM));
	}
	ui_put_right(stdscr, UI_TOP + 1, c.dollars, DOLLARS_W, "Dollars",
	             theme(R_DIM));
	ui_put_right(stdscr, UI_TOP + 1, c.share, SHARE_W, "Share",
	             theme(R_DIM));
	if (!a->lay_ok)
		return;
	keep_in_view(a);
	for (int i = 0; i < h; i++) {
		size_t r = (size_t)(ts->top + i);

		if (r >= a->lay.n)
			break;
		draw_row(a, &a->lay.rows[r], y0 + i, &c, F);
	}
	if (ts->top > 0)
		ui_put(stdscr, y0, 0, 1, a->utf8 ? "\u2191" : "^", theme(R_KEY));
	if ((size_t)(ts->top + h) < a->lay.n)
		ui_put(stdscr, y0 + h - 1, 0, 1, a->utf8 ? "\u2193" : "v",
		       theme(R_KEY));
	py = y0 + h;
	if (a->lay.hidden) {
		char note[400];
		int mt = edition_models_tab(a->ed);

		snprintf(note, sizeof note, "%d row%s hidden: %s not in effect%s%s%s",
		         a->lay.hidden, a->lay.hidden == 1 ? "" : "s",
		         a->lay.hidden == 1 ? "its model is" : "their models are",
		         mt >= 0 ? " (" : "", mt >= 0 ? a->ed->tabs[mt].title : "",
		         mt >= 0 ? ")" : "");
		ui_put_stored(stdscr, py, 2, a->W - 3, note, theme(R_DIM));
	}
	/* The wording of the row under the cursor, in full. */
	if (ts->pos.q >= 0)
		ui_put_wrapped(stdscr, py + 1, 2, a->W - 4, 2,
		               a->ed->qs[ts->pos.q].label, theme(R_DIM));
	draw_xc(a, py + 3, &F->xc[t->lob]);
	draw_bar(a, py + 4, t->lob, F);
	/* The editor sits over the dollars of its row. */
	if (a->edit.kind == EDIT_ANSWER) {
		int row = layout_row_of(&a->lay, (struct lay_pos){ a->edit.q, 0 });
		int y = y0 + row - ts->top;

		if (row >= 0 && (y != a->edit.y || a->edit.x != c.dollars ||
		                 a->edit.w != DOLLARS_W))
			field_place(a, y, c.dollars, DOLLARS_W, 1);
	}
	if (a->msg[0] == '\0' && a->edit.kind == EDIT_NONE)
		ui_put_cut(stdscr, a->H - 2, 1, a->W - 2, a->ro ?
		           "review mode: read-only \u00b7 [ ] Alt-1\u20269 tabs \u00b7 "
		           "? help" : "type or Enter edits \u00b7 x clears \u00b7 "
		           "Tab next \u00b7 [ ] Alt-1\u20269 tabs \u00b7 ? help \u00b7 "
		           "u undo",
		           theme(R_DIM));
}

/* The cursor's moves; false for a key that is not one. */
static bool move_key(struct app *a, int ch, bool fkey)
{
	struct tabstate *ts = &a->ts[a->tab];
	struct lay_pos p = ts->pos;

	if (fkey) {
		switch (ch) {
		case KEY_UP: p = layout_move(&a->lay, p, LAY_UP); break;
		case KEY_DOWN: p = layout_move(&a->lay, p, LAY_DOWN); break;
		case KEY_BTAB: p = layout_move(&a->lay, p, LAY_PREV); break;
		case KEY_HOME: p = layout_move(&a->lay, p, LAY_FIRST); break;
		case KEY_END: p = layout_move(&a->lay, p, LAY_LAST); break;
		case KEY_NPAGE:
		case KEY_PPAGE: {
			int r = layout_row_of(&a->lay, p), h = list_h(a);

			r += ch == KEY_NPAGE ? h : -h;
			p = layout_pos_at_row(&a->lay, r < 0 ? 0 : r);
			break;
		}
		default:
			return false;
		}
	} else {
		switch (ch) {
		case '\t': p = layout_move(&a->lay, p, LAY_NEXT); break;
		case 'j': p = layout_move(&a->lay, p, LAY_DOWN); break;
		case 'k': p = layout_move(&a->lay, p, LAY_UP); break;
		case 'g': p = layout_move(&a->lay, p, LAY_FIRST); break;
		case 'G': p = layout_move(&a->lay, p, LAY_LAST); break;
		default: return false;
		}
	}
	ts->pos = p;
	return true;
}

/* Edits the dollars of row q, from its value or afresh from first. */
static void edit_row(struct app *a, int q, const char *first)
{
	struct cols c = columns(a);
	int row = layout_row_of(&a->lay, a->ts[a->tab].pos);

	keep_in_view(a);
	if (edit_answer(a, q, first ? first : answers_get(a->s->a, q),
	                list_y() + row - a->ts[a->tab].top, c.dollars,
	                DOLLARS_W, 1))
		edit_live(a);
}

bool metrics_key(struct app *a, int ch, bool fkey)
{
	int q = a->ts[a->tab].pos.q;
	const struct question *qu;

	if (!a->lay_ok || app_tab_off(a, a->tab, NULL, 0))
		return false;
	if (move_key(a, ch, fkey))
		return true;
	if (q < 0)
		return false;
	qu = &a->ed->qs[q];
	if (qu->type == Q_COMPUTED) {
		if (!key_enter(ch, fkey) && !(fkey && ch == KEY_F(2)) &&
		    !key_starts_number(ch, fkey))
			return false;
		app_msg(a, R_DIM, "row %s is computed from the rows it adds; "
		        "it is never typed", qu->row ? qu->row : "");
		return true;
	}
	if ((!fkey && (ch == 'x' || ch == 127 || ch == CTRL('h'))) ||
	    (fkey && (ch == KEY_DC || ch == KEY_BACKSPACE))) {
		if (answers_get(a->s->a, q))
			edit_set(a, q, "");
		return true;
	}
	/* Enter or F2 edits the amount as it is; a digit (or $) starts it
	 * afresh. */
	if (key_enter(ch, fkey) || (fkey && ch == KEY_F(2))) {
		edit_row(a, q, NULL);
		return true;
	}
	if (edit_starts(a, qu, ch, fkey)) {
		char first[8];

		key_utf8(ch, first);
		edit_row(a, q, first);
		return true;
	}
	return false;
}
