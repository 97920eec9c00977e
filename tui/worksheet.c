/* SPDX-License-Identifier: MIT */
/* worksheet.c: the Nominal risk tab: the attest/worksheet choice, the
 * worksheet as a table of contracts read a page at a time from the file
 * (so 10,000 or a million contracts cost what a screenful does), net risk
 * and "qualifies" per row by the core's own rule, why the row under the
 * cursor fails, and the per-line summary from the figures. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "texts.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

struct wcols {
	int num, x[NR_F_COUNT], w[NR_F_COUNT], net, net_w, q;
};

static int digits(int64_t n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static struct wcols wcolumns(const struct app *a)
{
	static const int fixed[NR_F_COUNT] = { 0, 10, 7, 6, 6, 6, 14 };
	struct wcols c;
	int x, used = 0, nw = digits(a->ws.count > 0 ? a->ws.count : 1);

	c.num = nw < 3 ? 3 : nw;
	for (int f = 1; f < NR_F_COUNT; f++)
		used += fixed[f] + 1;
	c.net_w = 8;
	/* margin, number, gaps, net, the "?" column */
	used += 1 + c.num + 1 + c.net_w + 1 + 2;
	c.w[NR_F_LABEL] = a->W - used - 1;
	if (c.w[NR_F_LABEL] < 6)
		c.w[NR_F_LABEL] = 6;
	x = 1 + c.num + 1;
	for (int f = 0; f < NR_F_COUNT; f++) {
		if (f > 0)
			c.w[f] = fixed[f];
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

/* Dollars without ".00": the table is narrow, and cents show when any. */
static void dollars_text(int64_t cents, char *buf, size_t n)
{
	char m[MONEY_BUFSZ];
	size_t len;

	money_format_display(cents, m);
	len = strlen(m);
	if (len > 3 && strcmp(m + len - 3, ".00") == 0)
		m[len - 3] = '\0';
	snprintf(buf, n, "%s", m);
}

static void cell_text(const struct edition *ed, const struct contract *c,
                      int f, char *buf, size_t n)
{
	char t[PCT_BUFSZ];

	buf[0] = '\0';
	switch (f) {
	case NR_F_LABEL:
		sanitize_text(c->label ? c->label : "", 0, buf, n);
		break;
	case NR_F_LINE:
		if (c->has & NR_HAS_LINE)
			sanitize_text(edition_line_nr_name(ed, c->line), 0, buf, n);
		break;
	case NR_F_TYPE:
		if (c->has & NR_HAS_TYPE)
			snprintf(buf, n, "%s", c->type == NR_TCOC ? "TCOC" : "Revenue");
		break;
	case NR_F_RISK_MIN:
	case NR_F_RISK_MAX:
	case NR_F_SHARED_RISK: {
		unsigned bit = f == NR_F_RISK_MIN ? NR_HAS_MIN :
		               f == NR_F_RISK_MAX ? NR_HAS_MAX : NR_HAS_SHARE;
		pct_t v = f == NR_F_RISK_MIN ? c->risk_min :
		          f == NR_F_RISK_MAX ? c->risk_max : c->shared_risk;

		if (c->has & bit) {
			pct_format_term(v, t);
			snprintf(buf, n, "%s", t);
		}
		break;
	}
	case NR_F_DOLLARS:
		if (c->has & NR_HAS_DOLLARS)
			dollars_text(c->dollars, buf, n);
		break;
	}
}

void worksheet_invalidate(struct app *a)
{
	struct wsview *w = &a->ws;

	for (size_t i = 0; i < w->cache_n; i++)
		contract_clear(&w->cache[i]);
	w->cache_n = 0;
	w->cache_ok = false;
}

/* Makes rows [from, from + n) available from the page cache. */
static void ensure(struct app *a, int64_t from, int64_t n)
{
	struct wsview *w = &a->ws;
	char err[512];
	int64_t start;
	size_t got = 0;

	/* A page read before the last change is never shown or edited. */
	if (w->cache_ok && w->cache_gen == a->s->gen && from >= w->cache_from &&
	    (from + n <= w->cache_from + (int64_t)w->cache_n ||
	     w->cache_from + (int64_t)w->cache_n >= w->count))
		return;
	worksheet_invalidate(a);
	start = from - (WS_CACHE - n) / 2;
	if (start + WS_CACHE > w->count)
		start = w->count - WS_CACHE;
	if (start < 0)
		start = 0;
	for (size_t i = 0; i < WS_CACHE; i++)
		contract_init(&w->cache[i]);
	if (store_contract_page(a->s->st, start, WS_CACHE, w->cache, &got, err,
	                        sizeof err) != STORE_OK) {
		app_msg(a, R_MSG_ERR, "%s", err);
		return;
	}
	w->cache_from = start;
	w->cache_n = got;
	w->cache_ok = true;
	w->cache_gen = a->s->gen;
}

static const struct contract *row_at(struct app *a, int64_t i)
{
	struct wsview *w = &a->ws;

	ensure(a, i, 1);
	if (!w->cache_ok || i < w->cache_from ||
	    i >= w->cache_from + (int64_t)w->cache_n)
		return NULL;
	return &w->cache[i - w->cache_from];
}

static int table_rows(const struct app *a)
{
	int lines = 0;

	for (int l = 0; l < LOB_COUNT; l++)
		lines += app_figures(a)->xc[l].selected;
	/* heading, method, column heads, why, summary head, lines, total */
	return app_body_h(a) - 3 - 1 - 1 - lines - 1;
}

static void draw_summary(struct app *a, int y)
{
	const struct figures *f = app_figures(a);
	int mw = (a->W - 12) / 3 - 7;

	ui_put_num(stdscr, y, 11, mw, "Meets", theme(R_DIM));
	ui_put_num(stdscr, y, 11 + mw + 7, mw, "Does not meet", theme(R_DIM));
	ui_put_num(stdscr, y, 11 + 2 * (mw + 7), mw, "All shared risk",
	           theme(R_DIM));
	for (int l = 0; l <= NR_ALL; l++) {
		const struct nr_line *n = &f->nr[l];
		const struct money_fig *m[3] = { &n->meets, &n->fails, &n->total };
		const struct share_fig *s[3] = { &n->meets_share, &n->fails_share,
		                                 &n->total_share };

		if (l < NR_ALL && !f->xc[l].selected)
			continue;
		y++;
		ui_put_stored(stdscr, y, 1, 10, l == NR_ALL ? "Total" :
		              edition_line_nr_name(a->ed, l),
		              theme(l == NR_ALL ? R_HEADING : R_LABEL));
		for (int k = 0; k < 3; k++) {
			char d[MONEY_BUFSZ], p[PCT_BUFSZ + 2];
			int x = 11 + k * (mw + 7);

			if (m[k]->has)
				dollars_text(m[k]->cents, d, sizeof d);
			else
				snprintf(d, sizeof d, "%s", "");
			texts_share(s[k], p, sizeof p);
			ui_put_num(stdscr, y, x, mw, d, theme(R_VALUE));
			ui_put_num(stdscr, y, x + mw, 7, m[k]->has ? p : "",
			           theme(R_NORMAL));
		}
	}
}

static void draw_method(struct app *a, int y)
{
	int q = a->ed->nr_method_q;
	char v[200];
	bool cur = a->ws.on_method;

	ui_put(stdscr, y, 1, 10, "Method:", theme(R_LABEL));
	if (q < 0)
		return;
	ui_answer_text(a, q, v, sizeof v);
	ui_fill(stdscr, y, 10, 40, theme(cur ? R_CURSOR : *v ? R_NORMAL :
	                                 R_FIELD));
	ui_put_stored(stdscr, y, 10, 40, v, theme(cur ? R_CURSOR : R_VALUE));
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

void worksheet_draw(struct app *a)
{
	const struct figures *f = app_figures(a);
	struct wsview *w = &a->ws;
	char right[80];
	int y = UI_TOP, rows;
	struct wcols c;

	w->count = a->s->totals.contracts;
	ui_put_stored(stdscr, y, 1, a->W - 20, a->ed->tabs[a->tab].title,
	              theme(R_HEADING));
	snprintf(right, sizeof right, "%lld contract%s ", (long long)w->count,
	         w->count == 1 ? "" : "s");
	ui_put_right(stdscr, y, a->W - 20, 20, right, theme(R_DIM));
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
		return;
	}
	draw_method(a, y + 1);
	if (f->nr_method != NR_METHOD_WORKSHEET) {
		char attest[300];

		snprintf(attest, sizeof attest, "The plan attests that all its "
		         "FFS-based shared-risk dollars meet the nominal-risk "
		         "threshold: row %s of each line counts as meeting it.",
		         model_row_number(a->ed));
		ui_put_wrapped(stdscr, y + 3, 2, a->W - 4, 3,
		               f->nr_method == NR_METHOD_ATTEST ? attest :
		               "Choose: attest that every FFS-based shared-risk "
		               "dollar meets the threshold, or fill in the "
		               "worksheet of contracts (Enter).", theme(R_DIM));
		w->on_method = true;
		if (f->nr_method == NR_METHOD_ATTEST)
			draw_summary(a, y + 7);
		return;
	}
	rows = table_rows(a);
	w->rows = rows;
	c = wcolumns(a);
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
	/* Column headings. */
	{
		static const char *const heads[NR_F_COUNT] = {
			"Contract", "Line", "Type", "Min%", "Max%", "Share%",
			"Dollars"
		};
		int hy = y + 2;

		ui_put_right(stdscr, hy, 1, c.num, "#", theme(R_DIM));
		for (int k = 0; k < NR_F_COUNT; k++) {
			if (k >= NR_F_RISK_MIN)
				ui_put_right(stdscr, hy, c.x[k], c.w[k], heads[k],
				             theme(R_DIM));
			else
				ui_put(stdscr, hy, c.x[k], c.w[k], heads[k],
				       theme(R_DIM));
		}
		ui_put_right(stdscr, hy, c.net, c.net_w, "Net%", theme(R_DIM));
		ui_put(stdscr, hy, c.q, 2, "?", theme(R_DIM));
	}
	if (w->count == 0)
		ui_put(stdscr, y + 3, 2, a->W - 4, "No contracts yet: a adds one "
		       "(or apmwb import FILE contracts.csv).", theme(R_DIM));
	ensure(a, w->top, rows);
	for (int i = 0; i < rows && w->top + i < w->count; i++) {
		int64_t r = w->top + i;
		const struct contract *ct = row_at(a, r);
		int ry = y + 3 + i;
		struct nr_eval ev;
		char num[24], cell[400], net[PCT_BUFSZ];
		bool currow = !w->on_method && r == w->cur;

		if (!ct)
			break;
		nominal_evaluate(ct, &ev);
		snprintf(num, sizeof num, "%lld", (long long)(r + 1));
		ui_put_right(stdscr, ry, 1, c.num, num,
		             theme(currow ? R_KEY : R_DIM));
		for (int k = 0; k < NR_F_COUNT; k++) {
			bool cur = currow && w->col == k;
			bool editing = a->edit.kind == EDIT_CELL && currow &&
			               a->edit.col == k;

			if (editing)
				continue;
			cell_text(a->ed, ct, k, cell, sizeof cell);
			if (cur)
				ui_fill(stdscr, ry, c.x[k], c.w[k], theme(R_CURSOR));
			if (k >= NR_F_RISK_MIN)
				ui_put_num(stdscr, ry, c.x[k], c.w[k], cell,
				           theme(cur ? R_CURSOR : R_NORMAL));
			else
				ui_put_cut(stdscr, ry, c.x[k], c.w[k], cell,
				           theme(cur ? R_CURSOR : R_NORMAL));
		}
		if (ev.has_net) {
			pct_format_netrisk(ev.net, net);
			if (ui_width(net) <= c.net_w)
				ui_put_num(stdscr, ry, c.net, c.net_w, net,
				           theme(R_COMPUTED));
			else
				ui_put_cut(stdscr, ry, c.net, c.net_w, net,
				           theme(R_COMPUTED));
		}
		ui_put(stdscr, ry, c.q, 2,
		       ev.status == NR_MEETS ? a->g->ok :
		       ev.status == NR_FAILS ? a->g->bad : "?",
		       theme(ev.status == NR_MEETS ? R_GOOD :
		             ev.status == NR_FAILS ? R_BAD : R_WARN));
	}
	/* Why the row under the cursor meets the test or not. */
	{
		int wy = y + 3 + rows;
		const struct contract *ct = w->count ? row_at(a, w->cur) : NULL;

		if (ct && !w->on_method) {
			struct nr_eval ev;
			char why[400], line[900], net[PCT_BUFSZ] = "";

			nominal_evaluate(ct, &ev);
			nominal_explain(&ev, ct, why, sizeof why);
			if (ev.has_net && !strstr(why, "net risk"))
				pct_format_netrisk(ev.net, net);
			snprintf(line, sizeof line, "Row %lld%s%s%s: %s%s%s%s",
			         (long long)(w->cur + 1), ct->label ? " \"" : "",
			         ct->label ? ct->label : "", ct->label ? "\"" : "",
			         why, *net ? " (net risk " : "", net, *net ? "%)" : "");
			ui_put_stored(stdscr, wy, 1, a->W - 2, line,
			              theme(ev.status == NR_MEETS ? R_GOOD :
			                    ev.status == NR_FAILS ? R_BAD : R_WARN));
		}
		draw_summary(a, wy + 1);
	}
	/* The editor over its cell. */
	if (a->edit.kind == EDIT_CELL) {
		int ey = y + 3 + (int)(w->cur - w->top);
		int ex = c.x[a->edit.col];
		int ew = c.w[a->edit.col] < 14 ? 14 : c.w[a->edit.col];

		if (a->edit.col == NR_F_LABEL && ew < 30)
			ew = 30;
		if (ex + ew > a->W - 1)
			ew = a->W - 1 - ex;
		if (ey != a->edit.y || ex != a->edit.x || ew != a->edit.w)
			field_place(a, ey, ex, ew, 1);
	}
	/* Where the cursor is, always; the keys in what room is left. */
	{
		char pos[80];
		int pw;

		snprintf(pos, sizeof pos, "row %lld of %lld ",
		         (long long)(w->count ? w->cur + 1 : 0), (long long)w->count);
		pw = ui_width(pos);
		if (a->edit.kind == EDIT_NONE) {
			ui_fill(stdscr, a->H - 2, a->W - pw - 1, pw + 1,
			        theme(R_NORMAL));
			ui_put(stdscr, a->H - 2, a->W - pw, pw, pos, theme(R_KEY));
		}
		if (a->msg[0] == '\0' && a->edit.kind == EDIT_NONE)
			ui_put_cut(stdscr, a->H - 2, 1, a->W - pw - 3, a->ro ?
			           "review mode: read-only \u00b7 / find \u00b7 g/G "
			           "first/last" : "a add \u00b7 Enter edit \u00b7 c copy "
			           "\u00b7 d delete \u00b7 / find \u00b7 g/G first/last",
			           theme(R_DIM));
		else if (a->msg[0] && a->edit.kind == EDIT_NONE)
			ui_put_cut(stdscr, a->H - 2, 1, a->W - pw - 3, a->msg,
			           theme(a->msg_role));
	}
}

static bool save_contract(struct app *a, const struct contract *c)
{
	char err[600];
	enum store_status rc = session_contract_update(a->s, c, err,
	                                               sizeof err);

	if (rc != STORE_OK) {
		app_save_failed(a, err);
		return false;
	}
	return true;
}

static void begin_cell(struct app *a);

/* Line and type are picked from a menu. */
static bool pick_cell(struct app *a, const struct contract *ct)
{
	const char *lines[LOB_COUNT];
	static const char *const types[] = {
		"TCOC: total cost of care / benchmark-based",
		"Revenue: percent of revenue"
	};
	struct contract c;
	char err[300];
	int k, cur = 0;
	bool ok;

	if (a->ws.col == NR_F_LINE) {
		for (int l = 0; l < LOB_COUNT; l++)
			lines[l] = edition_line_nr_name(a->ed, l);
		if (ct->has & NR_HAS_LINE)
			cur = ct->line;
		k = picker_choice(a, "Line of business", lines, LOB_COUNT, cur,
		                  true);
	} else {
		if (ct->has & NR_HAS_TYPE)
			cur = ct->type == NR_REVENUE;
		k = picker_choice(a, "Type of contract", types, 2, cur, true);
	}
	if (k == -2)
		return false;
	contract_init(&c);
	if (!contract_copy(&c, ct)) {
		app_msg(a, R_MSG_ERR, "out of memory");
		return false;
	}
	ok = nominal_parse_field(&c, a->ws.col,
	                         k < 0 ? "" : a->ws.col == NR_F_LINE ?
	                         lob_nr_id(k) : k == 0 ? "tcoc" : "revenue",
	                         err, sizeof err);
	ok = ok && save_contract(a, &c);
	contract_clear(&c);
	if (ok)
		app_msg(a, R_GOOD, "saved");
	return ok;
}

static void begin_cell_with(struct app *a, const char *initial)
{
	struct wsview *w = &a->ws;
	const struct contract *ct;
	char text[400];

	if (app_refuse_ro(a) || w->count == 0)
		return;
	ct = row_at(a, w->cur);
	if (!ct)
		return;
	if (w->col == NR_F_LINE || w->col == NR_F_TYPE) {
		/* A pick keeps the row going: on to the next cell. */
		if (pick_cell(a, ct) && w->col < NR_F_DOLLARS) {
			w->col++;
			begin_cell(a);
		}
		return;
	}
	if (initial)
		snprintf(text, sizeof text, "%s", initial);
	else
		nominal_format_field(ct, w->col, text, sizeof text);
	a->edit.kind = EDIT_CELL;
	a->edit.col = w->col;
	/* Placed by worksheet_draw over the cell. */
	if (!field_begin(a, text, 0, 0, 14, 1, false,
	                 w->col == NR_F_LABEL ? NR_LABEL_MAX : 40)) {
		a->edit.kind = EDIT_NONE;
		return;
	}
	a->edit.y = -1;
	app_msg(a, R_DIM, "Enter or Tab saves and goes on %s Esc puts back "
	        "the saved value", a->g->dot);
}

static void begin_cell(struct app *a)
{
	begin_cell_with(a, NULL);
}

void worksheet_cell_confirmed(struct app *a, const char *text, int ch,
                              bool fkey)
{
	struct wsview *w = &a->ws;
	const struct contract *ct = row_at(a, w->cur);
	struct contract c;
	char err[300], old[400];
	bool next = (!fkey && (ch == '\t' || ch == '\r' || ch == '\n')) ||
	            (fkey && ch == KEY_ENTER);

	if (!ct) {
		field_end(a);
		return;
	}
	nominal_format_field(ct, w->col, old, sizeof old);
	contract_init(&c);
	if (!contract_copy(&c, ct)) {
		app_msg(a, R_MSG_ERR, "out of memory: not saved");
		return;
	}
	if (!nominal_parse_field(&c, w->col, text, err, sizeof err)) {
		app_msg(a, R_MSG_ERR, "%s %s %s not saved",
		        nominal_field_name(w->col), err, a->g->dot);
		a->edit.refused = true;
		contract_clear(&c);
		return;
	}
	if (strcmp(old, text) != 0 && !save_contract(a, &c)) {
		contract_clear(&c);
		return;   /* the typed text stays */
	}
	contract_clear(&c);
	field_end(a);
	app_msg(a, R_GOOD, "saved");
	if (fkey && ch == KEY_BTAB && w->col > 0)
		w->col--;
	else if (fkey && ch == KEY_UP && w->cur > 0)
		w->cur--;
	else if (fkey && ch == KEY_DOWN && w->cur + 1 < w->count)
		w->cur++;
	else if (next && w->col < NR_F_DOLLARS) {
		w->col++;
		begin_cell(a);
	} else if (next) {
		app_msg(a, R_GOOD, "row %lld saved %s a adds another",
		        (long long)(w->cur + 1), a->g->dot);
	}
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
	begin_cell(a);
}

static bool method_key(struct app *a, int ch, bool fkey)
{
	int q = a->ed->nr_method_q;
	bool enter = (!fkey && (ch == '\r' || ch == '\n' || ch == ' ')) ||
	             (fkey && ch == KEY_ENTER);

	if (q < 0)
		return false;
	if (enter) {
		const struct choice_set *cs = a->ed->qs[q].choices;
		const char *items[8];
		const char *v = answers_get(a->s->a, q);
		int n = 0, cur = 0, k;

		if (app_refuse_ro(a) || !cs)
			return true;
		for (size_t i = 0; i < cs->n && n < 8; i++) {
			items[n] = cs->items[i].label;
			if (v && strcmp(v, cs->items[i].value) == 0)
				cur = n;
			n++;
		}
		k = picker_choice(a, "Nominal risk: method", items, n, cur, true);
		if (k >= 0)
			edit_set(a, q, cs->items[k].value);
		else if (k == -1)
			edit_set(a, q, "");
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
	return false;
}

bool worksheet_key(struct app *a, int ch, bool fkey)
{
	struct wsview *w = &a->ws;
	int64_t page = w->rows > 1 ? w->rows - 1 : 1;

	w->count = a->s->totals.contracts;
	if (a->confirm_delete) {
		const struct contract *ct = row_at(a, w->cur);
		char err[600];

		a->confirm_delete = false;
		if (fkey || (ch != 'y' && ch != 'Y') || !ct ||
		    ct->id != a->confirm_id) {
			app_msg(a, R_DIM, "not deleted");
			return true;
		}
		if (session_contract_delete(a->s, ct->id, err, sizeof err) !=
		    STORE_OK) {
			app_save_failed(a, err);
			return true;
		}
		w->count = a->s->totals.contracts;
		if (w->cur >= w->count)
			w->cur = w->count - 1;
		app_msg(a, R_GOOD, "deleted (u undoes)");
		return true;
	}
	if (!app_figures(a)->nr_asked)
		return false;
	if (w->on_method || app_figures(a)->nr_method != NR_METHOD_WORKSHEET)
		return method_key(a, ch, fkey);
	if (fkey) {
		switch (ch) {
		case KEY_UP:
			if (w->cur == 0)
				w->on_method = true;
			else
				w->cur--;
			return true;
		case KEY_DOWN: w->cur++; break;
		case KEY_NPAGE: w->cur += page; w->top += page; break;
		case KEY_PPAGE: w->cur -= page; w->top -= page; break;
		case KEY_HOME: w->cur = 0; break;
		case KEY_END: w->cur = w->count - 1; break;
		case KEY_LEFT: if (w->col > 0) w->col--; return true;
		case KEY_RIGHT:
			if (w->col < NR_F_DOLLARS) w->col++;
			return true;
		case KEY_BTAB: if (w->col > 0) w->col--; return true;
		case KEY_ENTER: begin_cell(a); return true;
		case KEY_DC: goto clear;
		default: return false;
		}
		goto clamp;
	}
	switch (ch) {
	case 'k':
		if (w->cur == 0)
			w->on_method = true;
		else
			w->cur--;
		return true;
	case 'j': w->cur++; goto clamp;
	case 'g': w->cur = 0; goto clamp;
	case 'G': w->cur = w->count - 1; goto clamp;
	case 'h': if (w->col > 0) w->col--; return true;
	case 'l':
	case '\t': if (w->col < NR_F_DOLLARS) w->col++; return true;
	case '\r':
	case '\n': begin_cell(a); return true;
	case 'a': add_row(a, NULL); return true;
	case 'c': {
		const struct contract *ct = w->count ? row_at(a, w->cur) : NULL;

		if (ct)
			add_row(a, ct);
		return true;
	}
	case 'd': {
		const struct contract *ct = w->count ? row_at(a, w->cur) : NULL;
		char label[300];

		if (!ct || app_refuse_ro(a))
			return true;
		sanitize_text(ct->label ? ct->label : "", 0, label, sizeof label);
		a->confirm_delete = true;
		a->confirm_id = ct->id;
		app_msg(a, R_WARN, "Delete row %lld%s%s%s? y deletes, any other "
		        "key keeps it", (long long)(w->cur + 1), *label ? " \"" : "",
		        label, *label ? "\"" : "");
		return true;
	}
	case '/':
		edit_prompt(a, P_FIND, "Find a contract (label):", a->ws.find);
		return true;
	case 'n':
	case 'N':
		wsfind_step(a, ch == 'n' ? STORE_FIND_NEXT : STORE_FIND_PREV);
		return true;
	case ':':
		wsfind_goto_prompt(a);
		return true;
	case 'x':
	case 127:
		goto clear;
	}
	if (ch >= '0' && ch <= '9' && w->col >= NR_F_RISK_MIN) {
		char first[2] = { (char)ch, 0 };

		begin_cell_with(a, first);
		return true;
	}
	return false;
clear: {
		const struct contract *ct = w->count ? row_at(a, w->cur) : NULL;
		struct contract c;
		char err[200];

		if (!ct || app_refuse_ro(a))
			return true;
		contract_init(&c);
		if (contract_copy(&c, ct) &&
		    nominal_parse_field(&c, w->col, "", err, sizeof err) &&
		    save_contract(a, &c))
			app_msg(a, R_GOOD, "cleared (u undoes)");
		contract_clear(&c);
		return true;
	}
clamp:
	if (w->cur >= w->count)
		w->cur = w->count - 1;
	if (w->cur < 0)
		w->cur = 0;
	if (w->top < 0)
		w->top = 0;
	return true;
}
