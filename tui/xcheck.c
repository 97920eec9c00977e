/* SPDX-License-Identifier: MIT */
/* xcheck.c: the Cross-checking tab: each selected line's numerators
 * against its row 1 with the workbook's hint, every error and warning
 * (Enter jumps to its field, 'a' acknowledges a warning with a reason),
 * the answers kept but hidden, and sign-off once no error is left; the
 * acknowledgement and the sign-off are asked for and sent to the session
 * here. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "texts.h"
#include "ui.h"
#include "wrap.h"

enum xrow_kind { XR_HEAD, XR_TEXT, XR_COLS, XR_LINE, XR_ITEM, XR_HIDDEN,
                 XR_SIGN };

struct xrow {
	enum xrow_kind kind;
	int item;          /* XR_ITEM: check index; XR_LINE: lob; XR_HIDDEN: q */
	int focus;         /* focus index, or -1 */
	char *text;        /* XR_HEAD / XR_TEXT: its own copy */
	enum role role;
	int indent;
};

struct xrows {
	struct xrow *v;
	int n, cap, nfocus;
	int width;         /* text rows are wrapped to it */
};

static void add(struct xrows *r, enum xrow_kind k, int item, const char *text,
                enum role role, int indent, bool focus)
{
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 64;
		struct xrow *nv = mem_realloc_array(r->v, (size_t)cap, sizeof *nv);

		if (!nv)
			return;
		r->v = nv;
		r->cap = cap;
	}
	r->v[r->n++] = (struct xrow){ k, item, focus ? r->nfocus++ : -1,
	                              text ? mem_strdup(text) : NULL, role,
	                              indent };
}

struct wrapping {
	struct xrows *r;
	enum role role;
	int indent;
};

static void add_line(void *ctx, const char *line, size_t n)
{
	struct wrapping *w = ctx;
	char *copy = mem_strndup(line, n);

	add(w->r, XR_TEXT, 0, copy ? copy : "", w->role, w->indent, false);
	mem_free(copy);
}

/* Text wrapped into rows of its own, so nothing is cut. */
static void add_wrapped(struct xrows *r, const char *text, enum role role,
                        int indent)
{
	struct wrapping w = { r, role, indent };
	char *clean = sanitize_dup(text ? text : "", SANITIZE_KEEP_NEWLINES);

	if (clean)
		wrap_text(clean, r->width - indent - 1, add_line, &w);
	mem_free(clean);
}

static void rows_free(struct xrows *r)
{
	for (int i = 0; i < r->n; i++)
		mem_free(r->v[i].text);
	mem_free(r->v);
}

/* Each selected line: its sums against row 1, and by how much they
 * differ when they do. */
static void add_lines(const struct app *a, struct xrows *r)
{
	const struct figures *f = app_figures(a);

	add(r, XR_HEAD, 0, "Review: Is the denominator equal to the sum of the "
	    "numerators?", R_HEADING, 1, false);
	add(r, XR_COLS, 0, NULL, R_DIM, 0, false);
	for (int l = 0; l < LOB_COUNT; l++) {
		const struct xcheck *x = &f->xc[l];
		char d[MONEY_BUFSZ], line[120];

		if (!x->selected)
			continue;
		add(r, XR_LINE, l, NULL, R_NORMAL, 2, false);
		if (x->computable && !x->ok && !x->overflow) {
			money_format_display(x->diff > 0 ? x->diff : -x->diff, d);
			snprintf(line, sizeof line, "%s row 1 by %s", x->diff > 0 ?
			         "Over" : "Short of", d);
			add(r, XR_TEXT, 0, line, R_BAD, 4, false);
		}
	}
	if (f->lines_selected == 0)
		add(r, XR_TEXT, 0, "No line of business is selected yet "
		    "(General information).", R_DIM, 2, false);
}

/* Every error and warning; the one under the cursor in full, with the
 * workbook's advice and the reason it was acknowledged with. */
static void add_items(const struct app *a, struct xrows *r)
{
	const struct check_list *cl = app_checks(a);

	add(r, XR_HEAD, 0, "Errors and warnings", R_HEADING, 1, false);
	for (size_t i = 0; i < cl->n; i++) {
		const struct check_item *it = &cl->items[i];
		int at;

		add(r, XR_ITEM, (int)i, NULL, R_NORMAL, 2, true);
		/* Its whole message, selected or not (a reason is never cut):
		 * the item's row, then what follows. */
		at = r->n;
		add_wrapped(r, it->message, R_NORMAL, 4);
		if (r->n > at && r->v[at - 1].kind == XR_ITEM) {
			r->v[at - 1].text = r->v[at].text;
			memmove(&r->v[at], &r->v[at + 1],
			        sizeof r->v[0] * (size_t)(r->n - at - 1));
			r->n--;
		}
		/* The workbook's advice and the acknowledgement: the selected
		 * one's. */
		if ((int)i != a->xc.cur)
			continue;
		if (it->hint && *it->hint)
			add_wrapped(r, it->hint, R_DIM, 4);
		if (it->ack_reason) {
			char *t = mem_printf("Acknowledged: %s", it->ack_reason);

			add_wrapped(r, t ? t : it->ack_reason, R_GOOD, 4);
			mem_free(t);
		}
	}
	if (cl->n == 0)
		add(r, XR_TEXT, 0, "None.", R_GOOD, 2, false);
}

static void build(const struct app *a, struct xrows *r)
{
	const struct figures *f = app_figures(a);
	const struct tab *t = &a->ed->tabs[a->tab];
	int hidden = 0;

	memset(r, 0, sizeof *r);
	r->width = a->W;
	if (t->intro && *t->intro) {
		/* The first paragraph is on the title line (xcheck_draw). */
		const char *rest = strstr(t->intro, "\n\n");

		add_wrapped(r, rest ? rest + 2 : t->intro, R_DIM, 1);
		add(r, XR_TEXT, 0, "", R_NORMAL, 0, false);
	}
	add_lines(a, r);
	add(r, XR_TEXT, 0, "", R_NORMAL, 0, false);
	add_items(a, r);
	for (size_t q = 0; q < a->ed->nq; q++)
		hidden += figures_hidden_answer(f, a->s->a, (int)q);
	if (hidden) {
		add(r, XR_TEXT, 0, "", R_NORMAL, 0, false);
		add(r, XR_HEAD, 0, "Answers kept in the file but hidden (they "
		    "count nowhere)", R_HEADING, 1, false);
		for (size_t q = 0; q < a->ed->nq; q++)
			if (figures_hidden_answer(f, a->s->a, (int)q))
				add(r, XR_HIDDEN, (int)q, NULL, R_DIM, 2, false);
	}
	add(r, XR_TEXT, 0, "", R_NORMAL, 0, false);
	add(r, XR_HEAD, 0, "Sign-off", R_HEADING, 1, false);
	add(r, XR_SIGN, 0, NULL, R_NORMAL, 2, true);
}

/* The columns of the lines' table. */
struct xcols {
	int name, sum, den, eq, w;
};

static struct xcols xcolumns(const struct app *a)
{
	struct xcols c;

	c.name = 2;
	c.w = (a->W - 2 - 20 - 9) / 2;
	c.sum = c.name + 20;
	c.den = c.sum + c.w;
	c.eq = c.den + c.w + 2;
	return c;
}

static void draw_cols(struct app *a, int y)
{
	struct xcols c = xcolumns(a);

	ui_put(stdscr, y, c.name, 20, "Line of business", theme(R_DIM));
	ui_put_right(stdscr, y, c.sum, c.w, "Sum of numerators", theme(R_DIM));
	ui_put_right(stdscr, y, c.den, c.w, "Row 1 (denominator)",
	             theme(R_DIM));
	ui_put(stdscr, y, c.eq, 7, "Equal?", theme(R_DIM));
}

static void draw_line(struct app *a, int y, int lob)
{
	const struct xcheck *x = &app_figures(a)->xc[lob];
	char sum[MONEY_BUFSZ], den[MONEY_BUFSZ];
	struct xcols c = xcolumns(a);

	texts_money(&x->sum, sum, sizeof sum);
	texts_money(&x->denominator, den, sizeof den);
	/* The line's name as in show: "Medicare Advantage", not "MA". */
	ui_put_stored(stdscr, y, c.name, 20, edition_line_name(a->ed, lob),
	              theme(R_LABEL));
	{
		static const char *const parts[] = { "sum", "ok", "diff" };
		char prefix[64];

		snprintf(prefix, sizeof prefix, "xc.%s", lob_id(lob));
		app_mark_figures(a, y, c.name - 1, prefix, parts, 3);
	}
	ui_put_num(stdscr, y, c.sum, c.w, *sum ? sum : "blank",
	           theme(*sum ? R_VALUE : R_DIM));
	ui_put_num(stdscr, y, c.den, c.w, *den ? den : "blank",
	           theme(*den ? R_VALUE : R_DIM));
	if (!x->computable)
		ui_put(stdscr, y, c.eq, 5, "n/a", theme(R_WARN));
	else
		ui_put(stdscr, y, c.eq, 5, x->ok ? "Yes" : "No",
		       theme(x->ok ? R_GOOD : R_BAD));
}

static void draw_item(struct app *a, int y, const struct check_item *it,
                      const char *text, bool cur)
{
	const char *g = it->sev == SEV_ERROR ? a->g->bad :
	                it->ack_reason ? a->g->ok : a->g->warn;
	enum role r = it->sev == SEV_ERROR ? R_BAD :
	              it->ack_reason ? R_DIM : R_WARN;
	int x = 2;

	if (cur)
		ui_fill(stdscr, y, 1, a->W - 2, theme(R_CURSOR));
	x += ui_put(stdscr, y, x, 2, g, theme(cur ? R_CURSOR : r)) + 1;
	/* text: the first line of the whole message (the rest is in rows of
	 * their own). */
	if (text)
		ui_put(stdscr, y, x, a->W - x - 1, text,
		       theme(cur ? R_CURSOR : R_NORMAL));
	else
		ui_put_stored(stdscr, y, x, a->W - x - 1, it->message,
		              theme(cur ? R_CURSOR : R_NORMAL));
}

static void draw_hidden(struct app *a, int y, int q)
{
	char v[300], line[800];
	const struct question *qu = &a->ed->qs[q];

	ui_answer_text(a, q, v, sizeof v);
	snprintf(line, sizeof line, "%s  %s  %s", qu->key, v,
	         qu->label ? qu->label : "");
	ui_put_stored(stdscr, y, 2, a->W - 3, line, theme(R_DIM));
}

static void draw_sign(struct app *a, int y, bool cur)
{
	struct store_signoff so;
	char line[400];
	enum role r;

	store_signoff(a->s->st, &so);
	if (so.complete) {
		snprintf(line, sizeof line, "COMPLETE: signed off by %s at %s",
		         so.by ? so.by : "?", so.at ? so.at : "?");
		r = R_GOOD;
	} else if (app_checks(a)->errors) {
		snprintf(line, sizeof line, "Draft: sign-off waits for %zu "
		         "error%s to be fixed", app_checks(a)->errors,
		         app_checks(a)->errors == 1 ? "" : "s");
		r = R_DIM;
	} else if (a->ro) {
		snprintf(line, sizeof line, "Draft, no errors left: not signed "
		         "off yet");
		r = R_DIM;
	} else {
		snprintf(line, sizeof line, "Draft, no errors left: press Enter "
		         "(or S) to sign off with your name");
		r = R_KEY;
	}
	if (cur)
		ui_fill(stdscr, y, 1, a->W - 2, theme(R_CURSOR));
	ui_put_stored(stdscr, y, 2, a->W - 3, line, theme(cur ? R_CURSOR : r));
}

static void draw_xrow(struct app *a, const struct xrow *x, int y)
{
	switch (x->kind) {
	case XR_HEAD:
	case XR_TEXT:
		if (x->text)
			ui_put(stdscr, y, x->indent, a->W - x->indent - 1, x->text,
			       theme(x->role));
		break;
	case XR_COLS:
		draw_cols(a, y);
		break;
	case XR_LINE:
		draw_line(a, y, x->item);
		break;
	case XR_ITEM:
		draw_item(a, y, &app_checks(a)->items[x->item], x->text,
		          x->focus == a->xc.cur);
		break;
	case XR_HIDDEN:
		draw_hidden(a, y, x->item);
		break;
	case XR_SIGN:
		draw_sign(a, y, x->focus == a->xc.cur);
		break;
	}
}

/* The tab's title and the first words of its introduction, always in
 * sight ("Please take a moment to review your data entry."). */
static void title(struct app *a)
{
	const struct tab *t = &a->ed->tabs[a->tab];
	const char *end = t->intro ? strstr(t->intro, "\n\n") : NULL;
	char first[300];
	int x;

	x = 1 + ui_put_stored(stdscr, UI_TOP, 1, a->W - 2, t->title,
	                      theme(R_HEADING));
	if (!end || end - t->intro >= (long)sizeof first)
		return;
	snprintf(first, sizeof first, "%s %.*s", a->g->dot,
	         (int)(end - t->intro), t->intro);
	if (ui_width(first) <= a->W - x - 2)
		ui_put_stored(stdscr, UI_TOP, x + 1, a->W - x - 2, first,
		              theme(R_DIM));
}

void xcheck_draw(struct app *a)
{
	struct xrows r;
	int h = app_body_h(a) - 1, y0 = UI_TOP + 1, cur = -1, last;
	struct xcview *v = &a->xc;

	title(a);
	if (v->cur > (int)app_checks(a)->n)
		v->cur = (int)app_checks(a)->n;
	if (v->cur < 0)
		v->cur = 0;
	build(a, &r);
	for (int i = 0; i < r.n; i++)
		if (r.v[i].focus == v->cur)
			cur = i;
	/* The row under the cursor with its detail in view. */
	for (last = cur; last + 1 < r.n && r.v[last + 1].kind == XR_TEXT &&
	     r.v[last + 1].indent == 4; last++)
		;
	v->top = layout_scroll(v->top, cur, cur, last, h, r.n);
	for (int i = 0; i < h && v->top + i < r.n; i++)
		draw_xrow(a, &r.v[v->top + i], y0 + i);
	if (v->top + h < r.n)
		ui_put(stdscr, y0 + h - 1, 0, 1, a->utf8 ? "\u2193" : "v",
		       theme(R_KEY));
	if (v->top > 0)
		ui_put(stdscr, y0, 0, 1, a->utf8 ? "\u2191" : "^", theme(R_KEY));
	if (a->msg[0] == '\0' && a->edit.kind == EDIT_NONE)
		ui_put_cut(stdscr, a->H - 2, 1, a->W - 2, a->ro ?
		           "review mode: read-only \u00b7 Enter goes to the answer "
		           "\u00b7 [ ] Alt-1\u20269 tabs" : "Enter goes to the answer "
		           "\u00b7 a acknowledges a warning \u00b7 S signs off \u00b7 "
		           "? help", theme(R_DIM));
	rows_free(&r);
}

/* The name typed for the sign-off. */
static void signed_as(struct app *a, const char *name, enum leave how)
{
	char err[600];
	enum store_status rc;

	(void)how;
	if (!*name) {
		app_msg(a, R_WARN, "not signed off: a name is needed");
		return;
	}
	rc = session_complete(a->s, name, err, sizeof err);
	if (rc != STORE_OK) {
		app_msg(a, rc == STORE_INVALID ? R_WARN : R_MSG_ERR, "%s", err);
		return;
	}
	app_msg(a, R_GOOD, "signed off: the submission is COMPLETE; any later "
	        "change returns it to draft");
}

static void sign_off(struct app *a)
{
	if (app_refuse_ro(a))
		return;
	if (app_checks(a)->errors) {
		app_msg(a, R_WARN, "not yet: %zu error%s left (listed above); "
		        "sign-off needs none", app_checks(a)->errors,
		        app_checks(a)->errors == 1 ? "" : "s");
		return;
	}
	edit_prompt(a, "Sign off as (your name):", NULL, signed_as);
}

/* The reason typed for the warning asked about (xc.ack_id). */
static void ack_reason(struct app *a, const char *reason, enum leave how)
{
	char err[600];
	enum store_status rc;

	(void)how;
	rc = session_ack(a->s, a->xc.ack_id, reason, err, sizeof err);
	if (rc == STORE_UNCHANGED) {
		app_msg(a, R_DIM, "unchanged: that is the reason kept");
		return;
	}
	if (rc != STORE_OK) {
		app_msg(a, rc == STORE_INVALID ? R_WARN : R_MSG_ERR, "%s", err);
		return;
	}
	app_msg(a, R_GOOD, *reason ? "acknowledged: the reason is kept with the "
	        "warning" : "acknowledgement withdrawn");
}

static void acknowledge(struct app *a, const struct check_item *it)
{
	if (it->sev != SEV_WARNING) {
		app_msg(a, R_WARN, "errors cannot be acknowledged: fix the answer "
		        "(Enter goes there)");
		return;
	}
	if (app_refuse_ro(a))
		return;
	snprintf(a->xc.ack_id, sizeof a->xc.ack_id, "%s", it->id);
	edit_prompt(a, "Reason (empty withdraws):", it->ack_reason, ack_reason);
}

/* The tab's introduction and the workbook's advice on mismatches. */
void xcheck_help(struct app *a)
{
	const struct tab *t = &a->ed->tabs[a->tab];
	char *text = mem_printf("%s\n\n%s", t->intro ? t->intro : "",
	                        t->help ? t->help : "");

	pager_open(a, t->title, text ? text : t->help);
	mem_free(text);
}

bool xcheck_key(struct app *a, int ch, bool fkey)
{
	struct xcview *v = &a->xc;
	int n = (int)app_checks(a)->n;   /* the sign-off row is n */

	if (fkey) {
		switch (ch) {
		case KEY_UP: v->cur--; break;
		case KEY_DOWN: v->cur++; break;
		case KEY_PPAGE: v->cur -= app_body_h(a) - 2; break;
		case KEY_NPAGE: v->cur += app_body_h(a) - 2; break;
		case KEY_HOME: v->cur = 0; break;
		case KEY_END: v->cur = n; break;
		case KEY_ENTER: goto enter;
		default: return false;
		}
		goto clamp;
	}
	switch (ch) {
	case 'k': v->cur--; goto clamp;
	case 'j':
	case '\t': v->cur++; goto clamp;
	case 'g': v->cur = 0; goto clamp;
	case 'G': v->cur = n; goto clamp;
	case '\r':
	case '\n': goto enter;
	case 'S':
		sign_off(a);
		return true;
	case 'a':
		if (v->cur < n)
			acknowledge(a, &app_checks(a)->items[v->cur]);
		else if (n > 0)
			app_msg(a, R_WARN, "a acknowledges the warning under the "
			        "cursor: Up goes to one");
		else
			app_msg(a, R_DIM, "no warning to acknowledge");
		return true;
	}
	return false;
enter:
	if (v->cur >= n) {
		sign_off(a);
		return true;
	}
	{
		const struct check_item *it = &app_checks(a)->items[v->cur];

		app_goto(a, it->tab, it->q);
	}
	return true;
clamp:
	if (v->cur > n)
		v->cur = n;
	if (v->cur < 0)
		v->cur = 0;
	return true;
}
