/* SPDX-License-Identifier: MIT */
/* worksheet.c: the Nominal risk tab: the attest/worksheet choice, the
 * worksheet as a table of contracts (read through wsrows.c a page at a
 * time), net risk and "qualifies" per row by the core's own rule, why the
 * row under the cursor fails, and the per-line summary from the figures.
 * Every change goes to the session. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "texts.h"
#include "ui.h"

struct wcols {
	int num, x[NR_F_COUNT], w[NR_F_COUNT], net, net_w, q;
	/* A percentage column's most decimals in view, its point's place. */
	int dec[NR_F_COUNT], net_dec;
};

static bool is_term(int f)
{
	return f == NR_F_RISK_MIN || f == NR_F_RISK_MAX ||
	       f == NR_F_SHARED_RISK;
}

/* A percentage's digits before its point, and after it (as many as the
 * column's most): what it needs of the column. */
static void pct_need(const char *text, int *ip, int *dec)
{
	const char *dot = strchr(text, '.');
	int i = dot ? (int)(dot - text) : (int)strlen(text);
	int d = ws_pct_decimals(text);

	if (i > *ip)
		*ip = i;
	if (d > *dec)
		*dec = d;
}

static int digits(int64_t n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static const char *const heads[NR_F_COUNT] = {
	"Contract", "Line", "Type", "Min%", "Max%", "Share%", "Dollars"
};

/* Each column as wide as its heading and the rows in view need (so a
 * label gets what is left, a fair share at every width), the label at
 * most what its longest needs. */
static struct wcols wcolumns(struct app *a, int rows)
{
	struct wsview *w = &a->ws;
	struct wcols c;
	int x, used = 0, label = 12, ip[NR_F_COUNT] = { 0 }, net_ip = 0;

	for (int f = 0; f < NR_F_COUNT; f++) {
		c.w[f] = ui_width(heads[f]);
		c.dec[f] = 0;
	}
	c.net_w = 6;
	c.net_dec = 0;
	for (int64_t r = w->top; r < w->top + rows && r < w->count; r++) {
		const struct contract *ct = ws_row(a, r);
		struct nr_eval ev;
		char cell[400];

		if (!ct)
			break;
		for (int f = 0; f < NR_F_COUNT; f++) {
			ws_cell_text(a->ed, ct, f, cell, sizeof cell);
			if (f == NR_F_LABEL && ui_width(cell) > label)
				label = ui_width(cell);
			else if (is_term(f))
				pct_need(cell, &ip[f], &c.dec[f]);
			else if (f > 0 && ui_width(cell) > c.w[f])
				c.w[f] = ui_width(cell);
		}
		nominal_evaluate(ct, &ev);
		if (ev.has_net) {
			pct_format_netrisk(ev.net, cell);
			pct_need(cell, &net_ip, &c.net_dec);
		}
	}
	/* Points lined up: the most digits before one and after one. */
	for (int f = 0; f < NR_F_COUNT; f++)
		if (is_term(f) && c.dec[f] && ip[f] + 1 + c.dec[f] > c.w[f])
			c.w[f] = ip[f] + 1 + c.dec[f];
	if (c.net_dec && net_ip + 1 + c.net_dec > c.net_w)
		c.net_w = net_ip + 1 + c.net_dec;
	c.num = digits(w->count > 0 ? w->count : 1);
	if (c.num < 3)
		c.num = 3;
	for (int f = 1; f < NR_F_COUNT; f++)
		used += c.w[f] + 1;
	/* margin, number, gaps, net, the "?" column */
	used += 1 + c.num + 1 + c.net_w + 1 + 2;
	c.w[NR_F_LABEL] = a->W - used - 1;
	if (c.w[NR_F_LABEL] > label + 1)
		c.w[NR_F_LABEL] = label + 1;
	if (c.w[NR_F_LABEL] < 8)
		c.w[NR_F_LABEL] = 8;
	x = 1 + c.num + 1;
	for (int f = 0; f < NR_F_COUNT; f++) {
		if (f == NR_F_DOLLARS) {
			c.net = x;
			x += c.net_w + 1;
		}
		c.x[f] = x;
		x += c.w[f] + 1;
	}
	c.q = x;
	return c;
}

static int table_rows(const struct app *a)
{
	/* heading, method, column heads, why, the summary */
	return app_body_h(a) - 3 - 1 - ws_summary_height(a);
}

/* The workbook numbers the two methods i. and ii. */
static const char *method_num(int k)
{
	return k == 0 ? "i." : k == 1 ? "ii." : "";
}

/* The method chosen, whole (two lines when it needs them); returns the
 * lines used. */
static int draw_method(struct app *a, int y, int lines)
{
	int q = a->ed->nr_method_q;
	const char *v = q >= 0 ? answers_get(a->s->a, q) : NULL;
	const struct choice_set *cs = q >= 0 ? a->ed->qs[q].choices : NULL;
	bool cur = a->ws.on_method;
	char text[400] = "(not chosen yet: Enter chooses)";

	ui_put(stdscr, y, 1, 8, "Method:", theme(R_LABEL));
	for (size_t i = 0; v && cs && i < cs->n; i++)
		if (strcmp(v, cs->items[i].value) == 0)
			snprintf(text, sizeof text, "%s %s", method_num((int)i),
			         cs->items[i].label);
	for (int i = 0; i < lines; i++)
		ui_fill(stdscr, y + i, 10, a->W - 11, theme(cur ? R_CURSOR :
		                                               v ? R_NORMAL :
		                                               R_FIELD));
	return ui_put_wrapped(stdscr, y, 10, a->W - 11, lines, text,
	                      theme(cur ? R_CURSOR : v ? R_VALUE : R_DIM));
}

/* No method yet: the question as the workbook asks it, its options. */
static void draw_options(struct app *a, int y)
{
	int q = a->ed->nr_method_q;
	const struct question *qu = q >= 0 ? &a->ed->qs[q] : NULL;

	if (!qu || !qu->choices)
		return;
	y += ui_put_wrapped(stdscr, y, 2, a->W - 4, 4, qu->prompt, theme(R_DIM));
	for (size_t i = 0; i < qu->choices->n && i < 2; i++) {
		char *t = mem_printf("%s %s%s", method_num((int)i),
		                     qu->choices->items[i].label, i == 0 ? "; or" :
		                     ".");

		y += ui_put_wrapped(stdscr, y, 4, a->W - 6, 2, t ? t : "",
		                    theme(R_DIM));
		mem_free(t);
	}
}

/* The row number of the model nominal risk is for, as its first line
 * numbers it. */
static const char *model_row_number(const struct edition *ed)
{
	for (int l = 0; l < LOB_COUNT; l++) {
		int r = edition_model_row(ed, l, ed->nr_model);

		if (r >= 0 && ed->qs[r].row)
			return ed->qs[r].row;
	}
	return "?";
}

/* Before the table: whether the worksheet is asked, and its method.
 * False when there is no table to draw. */
static bool draw_top(struct app *a, int y)
{
	const struct figures *f = app_figures(a);
	struct wsview *w = &a->ws;
	char right[80];

	/* Where the cursor is, always. */
	if (w->count && !w->on_method && f->nr_asked &&
	    f->nr_method == NR_METHOD_WORKSHEET)
		snprintf(right, sizeof right, "row %lld of %lld contract%s ",
		         (long long)(w->cur + 1), (long long)w->count,
		         w->count == 1 ? "" : "s");
	else
		snprintf(right, sizeof right, "%lld contract%s ",
		         (long long)w->count, w->count == 1 ? "" : "s");
	ui_put_stored(stdscr, y, 1, a->W - ui_width(right) - 2,
	              a->ed->tabs[a->tab].title, theme(R_HEADING));
	ui_put_right(stdscr, y, 1, a->W - 1, right, theme(R_KEY));
	if (!f->nr_asked) {
		const struct model *m = edition_find_model(a->ed, a->ed->nr_model);
		int mt = edition_models_tab(a->ed);
		char when[400];

		snprintf(when, sizeof when, "Nominal risk is asked when %s is in "
		         "effect for a line%s%s%s.", m ? m->label : "its model",
		         mt >= 0 ? " (" : "", mt >= 0 ? a->ed->tabs[mt].title : "",
		         mt >= 0 ? ")" : "");
		ui_put_wrapped(stdscr, y + 2, 2, a->W - 4, 3, when, theme(R_DIM));
		if (w->count)
			ui_put_wrapped(stdscr, y + 5, 2, a->W - 4, 2, "The worksheet's "
			               "contracts are kept in the file meanwhile.",
			               theme(R_DIM));
		w->on_method = true;
		return false;
	}
	if (f->nr_method == NR_METHOD_WORKSHEET) {
		draw_method(a, y + 1, 1);
		return true;
	}
	y += 1 + draw_method(a, y + 1, 2);
	w->on_method = true;
	if (f->nr_method == NR_METHOD_ATTEST) {
		char attest[300];

		snprintf(attest, sizeof attest, "The plan attests that all its "
		         "FFS-based shared-risk dollars meet the nominal-risk "
		         "threshold: row %s of each line counts as meeting it.",
		         model_row_number(a->ed));
		y += 1 + ui_put_wrapped(stdscr, y + 1, 2, a->W - 4, 3, attest,
		                        theme(R_DIM));
		ws_summary_draw(a, y + 1);
	} else {
		draw_options(a, y + 1);
	}
	return false;
}

/* The cursor's row in range, and the view around it. */
static void keep_in_view(struct wsview *w, int rows)
{
	if (w->cur >= w->count)
		w->cur = w->count - 1;
	if (w->cur < 0)
		w->cur = 0;
	if (w->cur < w->top)
		w->top = w->cur;
	if (w->cur >= w->top + rows)
		w->top = w->cur - rows + 1;
	if (w->top > w->count - rows)
		w->top = w->count - rows;
	if (w->top < 0)
		w->top = 0;
}

static void draw_heads(const struct wcols *c, int y)
{
	ui_put_right(stdscr, y, 1, c->num, "#", theme(R_DIM));
	for (int k = 0; k < NR_F_COUNT; k++) {
		if (k >= NR_F_RISK_MIN)
			ui_put_right(stdscr, y, c->x[k], c->w[k], heads[k],
			             theme(R_DIM));
		else
			ui_put(stdscr, y, c->x[k], c->w[k], heads[k], theme(R_DIM));
	}
	ui_put_right(stdscr, y, c->net, c->net_w, "Net%", theme(R_DIM));
	ui_put(stdscr, y, c->q, 2, "?", theme(R_DIM));
}

static enum role status_role(enum nr_status st)
{
	return st == NR_MEETS ? R_GOOD : st == NR_FAILS ? R_BAD : R_WARN;
}

static void draw_row(struct app *a, const struct wcols *c, int y, int64_t r,
                     const struct contract *ct)
{
	struct wsview *w = &a->ws;
	struct nr_eval ev;
	char num[24], cell[400], net[PCT_BUFSZ];
	bool currow = !w->on_method && r == w->cur;

	nominal_evaluate(ct, &ev);
	snprintf(num, sizeof num, "%lld", (long long)(r + 1));
	ui_put_right(stdscr, y, 1, c->num, num, theme(currow ? R_KEY : R_DIM));
	/* Against an older file: a contract changed or added. */
	if (session_against_path(a->s) && session_contract_differs(a->s, r))
		ui_put(stdscr, y, 0, 1, a->g->differs, theme(R_WARN));
	for (int k = 0; k < NR_F_COUNT; k++) {
		bool cur = currow && w->col == k;
		enum role role = cur ? R_CURSOR : R_NORMAL;

		if (a->edit.kind == EDIT_CELL && currow && a->edit.col == k)
			continue;
		ws_cell_text(a->ed, ct, k, cell, sizeof cell);
		if (is_term(k))
			ws_pct_align(cell, sizeof cell, c->dec[k]);
		if (cur)
			ui_fill(stdscr, y, c->x[k], c->w[k], theme(R_CURSOR));
		if (k >= NR_F_RISK_MIN)
			ui_put_num(stdscr, y, c->x[k], c->w[k], cell, theme(role));
		else
			ui_put_cut(stdscr, y, c->x[k], c->w[k], cell, theme(role));
	}
	if (ev.has_net) {
		pct_format_netrisk(ev.net, net);
		ws_pct_align(net, sizeof net, c->net_dec);
		ui_put_num(stdscr, y, c->net, c->net_w, net, theme(R_COMPUTED));
	}
	ui_put(stdscr, y, c->q, 2, ev.status == NR_MEETS ? a->g->ok :
	       ev.status == NR_FAILS ? a->g->bad : "?",
	       theme(status_role(ev.status)));
}

/* Why the row under the cursor meets the test or not; false when the
 * cursor is on no row. */
static bool why_text(struct app *a, char *line, size_t n, enum role *role)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = w->count ? ws_row(a, w->cur) : NULL;
	struct nr_eval ev;
	char why[400], net[PCT_BUFSZ] = "", raw[900];

	if (!ct || w->on_method)
		return false;
	nominal_evaluate(ct, &ev);
	nominal_explain(&ev, ct, why, sizeof why);
	if (ev.has_net && !strstr(why, "net risk"))
		pct_format_netrisk(ev.net, net);
	snprintf(raw, sizeof raw, "Row %lld%s%s%s: %s%s%s%s",
	         (long long)(w->cur + 1), ct->label ? " \"" : "",
	         ct->label ? ct->label : "", ct->label ? "\"" : "",
	         why, *net ? " (net risk " : "", net, *net ? "%)" : "");
	sanitize_text(raw, 0, line, n);
	*role = status_role(ev.status);
	return true;
}

/* The editor over its cell. */
static void place_cell_editor(struct app *a, const struct wcols *c, int y)
{
	int ey = y + (int)(a->ws.cur - a->ws.top);
	int ex = c->x[a->edit.col];
	int ew = c->w[a->edit.col] < 14 ? 14 : c->w[a->edit.col];

	if (a->edit.col == NR_F_LABEL && ew < 30)
		ew = 30;
	if (ex + ew > a->W - 1)
		ew = a->W - 1 - ex;
	field_place(a, ey, ex, ew, 1);
}

/* The keys, when no message has the line. */
static void draw_keys(struct app *a)
{
	if (a->edit.kind != EDIT_NONE || a->msg[0])
		return;
	/* The tab keys always; finding's keys when there is room (F1 tells
	 * them all). */
	ui_put_cut(stdscr, a->H - 2, 1, a->W - 2, a->ro ?
	           "review mode: read-only \u00b7 ^F find \u00b7 F3 next \u00b7 "
	           "^G go to a row \u00b7 [ ] Alt-1\u20269 tabs" : a->W >= 100 ?
	           "Enter edits \u00b7 Ins add \u00b7 ^D copy \u00b7 ^K delete "
	           "\u00b7 ^F find \u00b7 F3 next \u00b7 ^G go to a row \u00b7 [ ] "
	           "Alt-1\u20269 tabs" :
	           "Enter edits \u00b7 Ins add \u00b7 ^D copy \u00b7 ^K delete "
	           "\u00b7 ^F find \u00b7 [ ] Alt-1\u20269 tabs", theme(R_DIM));
}

void worksheet_draw(struct app *a)
{
	struct wsview *w = &a->ws;
	int y = UI_TOP, rows, why_lines;
	struct wcols c;
	char why[900];
	enum role why_role = R_NORMAL;
	bool has_why;

	w->count = a->s->totals.contracts;
	if (w->cur >= w->count)
		w->cur = w->count - 1;
	if (w->cur < 0)
		w->cur = 0;
	if (!draw_top(a, y))
		return;
	/* The reason takes two lines when it needs them: never cut. */
	has_why = why_text(a, why, sizeof why, &why_role);
	why_lines = has_why && ui_width(why) > a->W - 2 ? 2 : 1;
	rows = table_rows(a) - (why_lines - 1);
	w->rows = rows;
	keep_in_view(w, rows);
	ws_page(a, w->top, rows);
	c = wcolumns(a, rows);
	draw_heads(&c, y + 2);
	if (w->count == 0)
		ui_put_wrapped(stdscr, y + 3, 2, a->W - 4, rows > 2 ? 2 : 1,
		               "No contracts yet: Ins (or a) adds one; apmwb "
		               "import FILE contracts.csv reads many.",
		               theme(R_DIM));
	for (int i = 0; i < rows && w->top + i < w->count; i++) {
		const struct contract *ct = ws_row(a, w->top + i);

		if (!ct)
			break;
		draw_row(a, &c, y + 3 + i, w->top + i, ct);
	}
	if (has_why)
		ui_put_wrapped(stdscr, y + 3 + rows, 1, a->W - 1, why_lines, why,
		               theme(why_role));
	ws_summary_draw(a, y + 3 + why_lines + rows);
	if (a->edit.kind == EDIT_CELL)
		place_cell_editor(a, &c, y + 3);
	draw_keys(a);
}

/* ---- changes ---- */

static bool save_contract(struct app *a, const struct contract *c)
{
	char err[600];
	enum store_status rc = session_contract_update(a->s, c, err,
	                                               sizeof err);

	if (rc != STORE_OK && rc != STORE_UNCHANGED) {
		app_save_failed(a, err);
		return false;
	}
	return true;
}

/* One field of the contract with this id set from text, saved. */
static bool set_field(struct app *a, const struct contract *ct, int col,
                      const char *text, char *err, size_t errlen)
{
	struct contract c;
	bool ok;

	contract_init(&c);
	if (!contract_copy(&c, ct)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	ok = nominal_parse_field(&c, col, text, err, errlen);
	if (ok && !save_contract(a, &c)) {
		err[0] = '\0';   /* app_save_failed said why */
		ok = false;
	}
	contract_clear(&c);
	return ok;
}

/* A line or a type picked (k: its number, -1 none) saved: false, and
 * said why, when it was not. */
static bool save_pick(struct app *a, int k, const struct pick_arg *arg)
{
	const struct contract *ct = ws_row(a, a->ws.cur);
	char err[300];

	if (!ct || ct->id != arg->id) {
		app_msg(a, R_WARN, "not saved: the row moved meanwhile");
		return false;
	}
	if (!set_field(a, ct, arg->col, k < 0 ? "" : arg->col == NR_F_LINE ?
	               lob_nr_id(k) : k == 0 ? "tcoc" : "revenue", err,
	               sizeof err)) {
		if (*err)
			app_msg(a, R_MSG_ERR, "%s", err);
		return false;
	}
	app_msg(a, R_GOOD, "saved");
	return true;
}

static void move_after(struct app *a, enum leave how);

/* Picked from the list with Enter: on to the next cell, as a typed
 * cell's Enter goes. */
static void cell_picked(struct app *a, int k, const bool *marks,
                        const struct pick_arg *arg)
{
	(void)marks;
	if (save_pick(a, k, arg) && a->ws.col == arg->col)
		move_after(a, LV_NEXT);
}

/* A line or a type picked by its number, without the list. */
static bool pick_digit(struct app *a, int ch)
{
	const struct contract *ct = ws_row(a, a->ws.cur);
	int n = a->ws.col == NR_F_LINE ? 3 : 2;

	if (ch < '1' || ch >= '1' + n || !ct)
		return false;
	if (!app_refuse_ro(a))
		/* it stays, as a typed cell does until Tab */
		save_pick(a, ch - '1',
		          &(struct pick_arg){ .col = a->ws.col, .id = ct->id });
	return true;
}

/* Line and type are picked from a list. */
static void pick_cell(struct app *a, const struct contract *ct)
{
	const char *lines[LOB_COUNT];
	static const char *const types[] = {
		"TCOC: total cost of care / benchmark-based",
		"Revenue: percent of revenue"
	};
	struct pick_arg arg = { .col = a->ws.col, .id = ct->id };

	for (int l = 0; l < LOB_COUNT; l++)
		lines[l] = edition_line_nr_name(a->ed, l);
	if (a->ws.col == NR_F_LINE)
		picker_choice(a, "Line of business", lines, LOB_COUNT,
		              ct->has & NR_HAS_LINE ? ct->line : 0, true,
		              cell_picked, &arg);
	else
		picker_choice(a, "Type of contract", types, 2,
		              ct->has & NR_HAS_TYPE ? ct->type == NR_REVENUE : 0,
		              true, cell_picked, &arg);
}

static void cell_typed(struct app *a, const char *text, enum leave how);

/* Edits the cell under the cursor: from its text, or afresh from initial;
 * the line and the type are picked from a list. */
static void begin_cell(struct app *a, const char *initial)
{
	struct wsview *w = &a->ws;
	const struct contract *ct;
	char text[400];

	if (app_refuse_ro(a) || w->count == 0 || !(ct = ws_row(a, w->cur)))
		return;
	if (w->col == NR_F_LINE || w->col == NR_F_TYPE) {
		pick_cell(a, ct);
		return;
	}
	if (initial)
		snprintf(text, sizeof text, "%s", initial);
	else
		nominal_format_field(ct, w->col, text, sizeof text);
	if (edit_cell(a, w->col, text, w->col == NR_F_LABEL ? NR_LABEL_MAX : 40,
	              cell_typed))
		app_msg(a, R_DIM, "Enter or Tab saves and goes on %s Esc puts "
		        "back the saved value", a->g->dot);
}

/* After a saved cell, where the key that saved it goes. */
static void move_after(struct app *a, enum leave how)
{
	struct wsview *w = &a->ws;

	if (how == LV_PREV && w->col > 0)
		w->col--;
	else if (how == LV_UP && w->cur > 0)
		w->cur--;
	else if (how == LV_DOWN && w->cur + 1 < w->count)
		w->cur++;
	else if (how == LV_NEXT && w->col < NR_F_DOLLARS)
		w->col++;   /* the next cell, not opened: typing replaces it */
	else if (how == LV_NEXT)
		app_msg(a, R_GOOD, "row %lld saved %s Ins adds another",
		        (long long)(w->cur + 1), a->g->dot);
}

static void cell_typed(struct app *a, const char *text, enum leave how)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = ws_row(a, w->cur);
	char err[300], old[400];

	if (!ct) {
		field_end(a);
		return;
	}
	nominal_format_field(ct, w->col, old, sizeof old);
	if (strcmp(old, text) != 0 &&
	    !set_field(a, ct, w->col, text, err, sizeof err)) {
		/* The typed text stays, with why. */
		if (*err)
			edit_refusal(a, text, err, false);
		a->edit.refused = true;
		return;
	}
	field_end(a);
	app_msg(a, R_GOOD, "saved");
	move_after(a, how);
}

static void add_row(struct app *a, const struct contract *from)
{
	struct wsview *w = &a->ws;
	struct contract c;
	char err[600];
	int64_t pos = 0;
	enum store_status rc;

	if (app_refuse_ro(a))
		return;
	contract_init(&c);
	if (from && !contract_copy(&c, from)) {
		app_msg(a, R_MSG_ERR, "out of memory");
		return;
	}
	c.id = 0;
	rc = session_contract_insert(a->s, w->count ? w->cur : -1, &c, &pos,
	                             err, sizeof err);
	contract_clear(&c);
	if (rc != STORE_OK) {
		app_save_failed(a, err);
		return;
	}
	w->count = a->s->totals.contracts;
	w->cur = pos;
	w->on_method = false;
	w->col = NR_F_LABEL;
	if (from) {
		app_msg(a, R_GOOD, "copied to row %lld", (long long)(pos + 1));
		return;
	}
	begin_cell(a, NULL);
}

static void delete_answer(struct app *a, bool yes)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = ws_row(a, w->cur);
	char err[600];

	if (!yes || !ct || ct->id != w->delete_id) {
		app_msg(a, R_DIM, "not deleted");
		return;
	}
	if (session_contract_delete(a->s, ct->id, err, sizeof err) != STORE_OK) {
		app_save_failed(a, err);
		return;
	}
	w->count = a->s->totals.contracts;
	if (w->cur >= w->count)
		w->cur = w->count - 1;
	app_msg(a, R_GOOD, "deleted (u undoes)");
}

static void delete_row(struct app *a)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = ws_row(a, w->cur);
	char label[300];

	if (!ct || app_refuse_ro(a))
		return;
	sanitize_text(ct->label ? ct->label : "", 0, label, sizeof label);
	w->delete_id = ct->id;
	app_msg(a, R_WARN, "Delete row %lld%s%s%s? y deletes, any other key "
	        "keeps it", (long long)(w->cur + 1), *label ? " \"" : "", label,
	        *label ? "\"" : "");
	app_ask(a, delete_answer);
}

static void clear_cell(struct app *a)
{
	const struct contract *ct = ws_row(a, a->ws.cur);
	char err[200];

	if (!ct || app_refuse_ro(a))
		return;
	if (set_field(a, ct, a->ws.col, "", err, sizeof err))
		app_msg(a, R_GOOD, "cleared (u undoes)");
}

/* ---- finding (wsfind.c) ---- */

static void find_typed(struct app *a, const char *text, enum leave how)
{
	(void)how;
	snprintf(a->ws.find, sizeof a->ws.find, "%s", text);
	wsfind_step(a, STORE_FIND_NEXT);
}

/* ---- keys ---- */

static void method_picked(struct app *a, int k, const bool *marks,
                          const struct pick_arg *arg)
{
	const struct choice_set *cs = a->ed->qs[arg->q].choices;

	(void)marks;
	if (k >= 0 && (size_t)k < cs->n)
		edit_set(a, arg->q, cs->items[k].value);
	else if (k == -1)
		edit_set(a, arg->q, "");
}

static void pick_method(struct app *a, int q)
{
	const struct choice_set *cs = a->ed->qs[q].choices;
	char *items[2] = { NULL, NULL };
	const char *v = answers_get(a->s->a, q);
	int n = 0, cur = 0;

	if (app_refuse_ro(a) || !cs)
		return;
	for (size_t i = 0; i < cs->n && n < 2; i++) {
		items[n] = mem_printf("%s %s", method_num(n), cs->items[i].label);
		if (v && strcmp(v, cs->items[i].value) == 0)
			cur = n;
		n++;
	}
	picker_choice(a, "Nominal risk: plans have the option to",
	              (const char *const *)items, n, cur, true, method_picked,
	              &(struct pick_arg){ .q = q });
	mem_free(items[0]);
	mem_free(items[1]);
}

static bool method_key(struct app *a, int ch, bool fkey)
{
	int q = a->ed->nr_method_q;

	if (q < 0)
		return false;
	if (key_enter(ch, fkey) || (!fkey && ch == ' ')) {
		pick_method(a, q);
		return true;
	}
	if ((fkey && ch == KEY_DOWN) || (!fkey && (ch == 'j' || ch == '\t'))) {
		if (app_figures(a)->nr_method == NR_METHOD_WORKSHEET)
			a->ws.on_method = false;
		return true;
	}
	if (!fkey && ch == 'x') {
		if (answers_get(a->s->a, q))
			edit_set(a, q, "");
		return true;
	}
	if (((fkey && ch == KEY_IC) || (!fkey && (ch == CTRL('n') ||
	                                          ch == 'a'))) &&
	    app_figures(a)->nr_method == NR_METHOD_WORKSHEET) {
		add_row(a, NULL);
		return true;
	}
	return false;
}

/* Whether a letter is the cell's to type (the label takes any) rather
 * than a command. */
static bool cell_takes(const struct app *a, int ch, bool fkey)
{
	if (a->ro || a->ws.count == 0)
		return false;
	if (a->ws.col == NR_F_LABEL)
		return key_starts_text(ch, fkey);
	if (a->ws.col >= NR_F_RISK_MIN)
		return key_starts_number(ch, fkey);
	return false;
}

static void up(struct wsview *w)
{
	if (w->cur == 0)
		w->on_method = true;
	else
		w->cur--;
}

/* The cursor's moves; false for a key that is not one. */
static bool move_key(struct app *a, int ch, bool fkey)
{
	struct wsview *w = &a->ws;
	int64_t page = w->rows > 1 ? w->rows - 1 : 1;

	if (fkey) {
		switch (ch) {
		case KEY_UP: up(w); return true;
		case KEY_DOWN: w->cur++; break;
		case KEY_NPAGE: w->cur += page; w->top += page; break;
		case KEY_PPAGE: w->cur -= page; w->top -= page; break;
		case KEY_HOME: w->cur = 0; break;
		case KEY_END: w->cur = w->count - 1; break;
		case KEY_LEFT: case KEY_BTAB: if (w->col > 0) w->col--; break;
		case KEY_RIGHT: if (w->col < NR_F_DOLLARS) w->col++; break;
		default: return false;
		}
	} else if (ch == '\t') {
		if (w->col < NR_F_DOLLARS)
			w->col++;
	} else if (cell_takes(a, ch, fkey)) {
		return false;
	} else {
		switch (ch) {
		case 'k': up(w); return true;
		case 'j': w->cur++; break;
		case 'g': w->cur = 0; break;
		case 'G': w->cur = w->count - 1; break;
		case 'h': if (w->col > 0) w->col--; break;
		case 'l': if (w->col < NR_F_DOLLARS) w->col++; break;
		default: return false;
		}
	}
	if (w->cur >= w->count)
		w->cur = w->count - 1;
	if (w->cur < 0)
		w->cur = 0;
	if (w->top < 0)
		w->top = 0;
	return true;
}

/* The worksheet's commands: a control or function key each, and a letter
 * too where the cell under the cursor does not take letters. */
enum ws_cmd { WC_NONE, WC_ADD, WC_COPY, WC_DELETE, WC_CLEAR, WC_FIND,
              WC_NEXT, WC_PREV, WC_GOTO, WC_EDIT };

static enum ws_cmd command_of(const struct app *a, int ch, bool fkey)
{
	static const struct { int ch; bool fkey; bool letter; enum ws_cmd c; }
	cmds[] = {
		{ KEY_IC, true, false, WC_ADD }, { CTRL('n'), false, false, WC_ADD },
		{ 'a', false, true, WC_ADD },
		{ CTRL('d'), false, false, WC_COPY }, { 'c', false, true, WC_COPY },
		{ CTRL('k'), false, false, WC_DELETE },
		{ 'd', false, true, WC_DELETE },
		{ KEY_DC, true, false, WC_CLEAR }, { 127, false, false, WC_CLEAR },
		{ KEY_BACKSPACE, true, false, WC_CLEAR },
		{ CTRL('h'), false, false, WC_CLEAR }, { 'x', false, true, WC_CLEAR },
		{ CTRL('f'), false, false, WC_FIND }, { '/', false, true, WC_FIND },
		{ KEY_F(3), true, false, WC_NEXT }, { 'n', false, true, WC_NEXT },
		{ KEY_F(15), true, false, WC_PREV }, { 'N', false, true, WC_PREV },
		{ CTRL('g'), false, false, WC_GOTO }, { ':', false, true, WC_GOTO },
		{ KEY_F(2), true, false, WC_EDIT }, { KEY_ENTER, true, false, WC_EDIT },
		{ '\r', false, false, WC_EDIT }, { '\n', false, false, WC_EDIT },
	};

	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (cmds[i].ch == ch && cmds[i].fkey == fkey &&
		    !(cmds[i].letter && cell_takes(a, ch, fkey)))
			return cmds[i].c;
	return WC_NONE;
}

static bool table_key(struct app *a, int ch, bool fkey)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = w->count ? ws_row(a, w->cur) : NULL;
	char first[8];

	switch (command_of(a, ch, fkey)) {
	case WC_ADD: add_row(a, NULL); return true;
	case WC_COPY: if (ct) add_row(a, ct); return true;
	case WC_DELETE: delete_row(a); return true;
	case WC_CLEAR: clear_cell(a); return true;
	case WC_FIND:
		edit_prompt(a, "Find a contract (label):", a->ws.find, find_typed);
		return true;
	case WC_NEXT: wsfind_step(a, STORE_FIND_NEXT); return true;
	case WC_PREV: wsfind_step(a, STORE_FIND_PREV); return true;
	case WC_GOTO: wsfind_goto_prompt(a); return true;
	case WC_EDIT: begin_cell(a, NULL); return true;
	case WC_NONE: break;
	}
	if ((w->col == NR_F_LINE || w->col == NR_F_TYPE) && !fkey)
		return pick_digit(a, ch);
	/* A character the cell can start with starts it afresh. */
	if (cell_takes(a, ch, fkey)) {
		key_utf8(ch, first);
		begin_cell(a, first);
		return true;
	}
	return false;
}

bool worksheet_key(struct app *a, int ch, bool fkey)
{
	struct wsview *w = &a->ws;

	w->count = a->s->totals.contracts;
	if (!app_figures(a)->nr_asked)
		return false;
	if (w->on_method || app_figures(a)->nr_method != NR_METHOD_WORKSHEET)
		return method_key(a, ch, fkey);
	return move_key(a, ch, fkey) || table_key(a, ch, fkey);
}

/* The worksheet's columns as the workbook heads them (Tab 10), with the
 * definitions (Tab 12) that say what each term means. */
static const struct {
	const char *head, *terms;
} col_help[NR_F_COUNT] = {
	[NR_F_LABEL] = { "Contract",
	                 "LAN Nominal Risk Threshold|Fee-For Service Based "
	                 "Shared risk" },
	[NR_F_LINE] = { "Line of Business (Select Commercial, Medicare, "
	                "Medicaid)", "Commercial Market|Medicare Advantage "
	                "Market|Medicaid Market" },
	[NR_F_TYPE] = { "Contract Type (Select TCOC or % Revenue)",
	                "Contract Type - Total Cost of Care (TCOC) aka "
	                "Benchmark-based|Contract Type - Percent Revenue" },
	[NR_F_RISK_MIN] = { "% Risk Min", "Risk Minimum aka Minimum Loss Rate, "
	                    "or Risk Corridor" },
	[NR_F_RISK_MAX] = { "% Risk Max", "Net Risk aka Total Risk" },
	[NR_F_SHARED_RISK] = { "Shared Risk (Provider) %",
	                       "Shared Risk (Provider) aka Marginal Risk|Net "
	                       "Risk aka Total Risk" },
	[NR_F_DOLLARS] = { "Total Dollars", "Total Dollars (Contract Level)" },
};

void worksheet_help(struct app *a)
{
	struct wsview *w = &a->ws;
	char *text, *terms, *save = NULL;

	if (w->on_method || app_figures(a)->nr_method != NR_METHOD_WORKSHEET ||
	    !app_figures(a)->nr_asked) {
		help_field(a, app_current_q(a));
		return;
	}
	/* The term's definition first, then the columns' own words. */
	text = mem_strdup("");
	terms = mem_strdup(col_help[w->col].terms);
	for (char *t = terms ? strtok_r(terms, "|", &save) : NULL; t && text;
	     t = strtok_r(NULL, "|", &save)) {
		const struct definition *d = edition_find_definition(a->ed, t);
		char *more;

		if (!d)
			continue;
		more = mem_printf("%s%s\n%s\n\n", text, d->term, d->body);
		mem_free(text);
		text = more;
	}
	if (text) {
		char *more = mem_printf("%sThe worksheet's columns, as the workbook "
		                        "heads them: Contract; %s; %s; %s; %s; %s; "
		                        "Net Risk; %s; LAN Nominal Risk Qualifying?"
		                        "\n\nEvery risk percentage (Min%%, Max%%, "
		                        "Share%% and Net%%) is shown exactly, never "
		                        "rounded: at least one decimal and no zero "
		                        "after the last digit that counts (4 shows "
		                        "as 4.0, 4.50 as 4.5, 3.75 as 3.75), the "
		                        "decimal points lined up in each column. Net "
		                        "risk is %% Risk Max times Shared Risk "
		                        "(Provider): 15.0 x 25.0 is 3.75, never shown "
		                        "as 3.8. The summary's %% Total Spend is a "
		                        "share of the line's dollars, rounded to one "
		                        "decimal as every share is.", text,
		                        col_help[NR_F_LINE].head,
		                        col_help[NR_F_TYPE].head,
		                        col_help[NR_F_RISK_MIN].head,
		                        col_help[NR_F_RISK_MAX].head,
		                        col_help[NR_F_SHARED_RISK].head,
		                        col_help[NR_F_DOLLARS].head);

		mem_free(text);
		text = more;
	}
	pager_open(a, col_help[w->col].head, text ? text : "");
	mem_free(terms);
	mem_free(text);
}
