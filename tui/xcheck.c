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
#include "texts.h"
#include "ui.h"

enum xrow_kind { XR_HEAD, XR_TEXT, XR_LINE, XR_ITEM, XR_HIDDEN, XR_SIGN };

struct xrow {
	enum xrow_kind kind;
	int item;          /* XR_ITEM: check index; XR_LINE: lob; XR_HIDDEN: q */
	int focus;         /* focus index, or -1 */
	const char *text;  /* XR_HEAD / XR_TEXT: stored or fixed text */
	enum role role;
	int indent;
};

struct xrows {
	struct xrow *v;
	int n, cap, nfocus;
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
	r->v[r->n++] = (struct xrow){ k, item, focus ? r->nfocus++ : -1, text,
	                              role, indent };
}

static void build(const struct app *a, struct xrows *r)
{
	const struct figures *f = app_figures(a);
	const struct check_list *cl = app_checks(a);
	int hidden = 0;

	memset(r, 0, sizeof *r);
	add(r, XR_HEAD, 0, "Numerators against row 1", R_HEADING, 1, false);
	add(r, XR_TEXT, 0, NULL, R_DIM, 0, false);   /* column headings */
	for (int l = 0; l < LOB_COUNT; l++) {
		if (!f->xc[l].selected)
			continue;
		add(r, XR_LINE, l, NULL, R_NORMAL, 2, false);
	}
	if (f->lines_selected == 0)
		add(r, XR_TEXT, 1, "No line of business is selected yet "
		    "(General information).", R_DIM, 2, false);
	add(r, XR_TEXT, 1, "", R_NORMAL, 0, false);
	add(r, XR_HEAD, 0, "Errors and warnings", R_HEADING, 1, false);
	for (size_t i = 0; i < cl->n; i++)
		add(r, XR_ITEM, (int)i, NULL, R_NORMAL, 2, true);
	if (cl->n == 0)
		add(r, XR_TEXT, 1, "None.", R_GOOD, 2, false);
	for (size_t q = 0; q < a->ed->nq; q++)
		hidden += figures_hidden_answer(f, a->s->a, (int)q);
	if (hidden) {
		add(r, XR_TEXT, 1, "", R_NORMAL, 0, false);
		add(r, XR_HEAD, 0, "Answers kept in the file but hidden (they "
		    "count nowhere)", R_HEADING, 1, false);
		for (size_t q = 0; q < a->ed->nq; q++)
			if (figures_hidden_answer(f, a->s->a, (int)q))
				add(r, XR_HIDDEN, (int)q, NULL, R_DIM, 2, false);
	}
	add(r, XR_TEXT, 1, "", R_NORMAL, 0, false);
	add(r, XR_HEAD, 0, "Sign-off", R_HEADING, 1, false);
	add(r, XR_SIGN, 0, NULL, R_NORMAL, 2, true);
}

static void draw_line(struct app *a, int y, int lob)
{
	const struct xcheck *x = &app_figures(a)->xc[lob];
	char sum[MONEY_BUFSZ], den[MONEY_BUFSZ], diff[MONEY_BUFSZ] = "";
	int cw = (a->W - 40) / 2;

	texts_money(&x->sum, sum, sizeof sum);
	texts_money(&x->denominator, den, sizeof den);
	if (x->computable)
		money_format_signed(x->diff, diff);
	ui_put(stdscr, y, 2, 12, lob_short(lob), theme(R_LABEL));
	ui_put_num(stdscr, y, 14, cw, *sum ? sum : "blank",
	             theme(*sum ? R_VALUE : R_DIM));
	ui_put_num(stdscr, y, 14 + cw, cw, *den ? den : "blank",
	             theme(*den ? R_VALUE : R_DIM));
	if (!x->computable)
		ui_put(stdscr, y, 16 + 2 * cw, 5, "n/a", theme(R_WARN));
	else
		ui_put(stdscr, y, 16 + 2 * cw, 5, x->ok ? "Yes" : "No",
		       theme(x->ok ? R_GOOD : R_BAD));
	ui_put_num(stdscr, y, 20 + 2 * cw, a->W - 21 - 2 * cw, diff,
	             theme(x->ok ? R_DIM : R_BAD));
}

static void draw_item(struct app *a, int y, const struct check_item *it,
                      bool cur)
{
	const char *g = it->sev == SEV_ERROR ? a->g->bad :
	                it->ack_reason ? a->g->ok : a->g->warn;
	enum role r = it->sev == SEV_ERROR ? R_BAD :
	              it->ack_reason ? R_DIM : R_WARN;
	char line[1200];
	int x = 2;

	if (cur)
		ui_fill(stdscr, y, 1, a->W - 2, theme(R_CURSOR));
	x += ui_put(stdscr, y, x, 2, g, theme(cur ? R_CURSOR : r)) + 1;
	if (it->ack_reason)
		snprintf(line, sizeof line, "%s (acknowledged: %s)", it->message,
		         it->ack_reason);
	else
		snprintf(line, sizeof line, "%s", it->message);
	ui_put_stored(stdscr, y, x, a->W - x - 1, line,
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
	} else {
		snprintf(line, sizeof line, "Draft, no errors left: press Enter "
		         "(or S) to sign off with your name");
		r = R_KEY;
	}
	if (cur)
		ui_fill(stdscr, y, 1, a->W - 2, theme(R_CURSOR));
	ui_put_stored(stdscr, y, 2, a->W - 3, line, theme(cur ? R_CURSOR : r));
}

void xcheck_draw(struct app *a)
{
	struct xrows r;
	int h = app_body_h(a) - 1 - 4, y0 = UI_TOP + 1, cur_row = -1;
	struct xcview *v = &a->xc;

	ui_put_stored(stdscr, UI_TOP, 1, a->W - 2,
	              a->ed->tabs[a->tab].title, theme(R_HEADING));
	build(a, &r);
	if (v->cur >= r.nfocus)
		v->cur = r.nfocus - 1;
	if (v->cur < 0)
		v->cur = 0;
	for (int i = 0; i < r.n; i++)
		if (r.v[i].focus == v->cur)
			cur_row = i;
	v->top = layout_scroll(v->top, cur_row, cur_row, cur_row, h, r.n);
	for (int i = 0; i < h && v->top + i < r.n; i++) {
		const struct xrow *x = &r.v[v->top + i];
		int y = y0 + i;
		int cw = (a->W - 40) / 2;

		switch (x->kind) {
		case XR_HEAD:
			ui_put(stdscr, y, x->indent, a->W - 2, x->text, theme(x->role));
			break;
		case XR_TEXT:
			if (x->text)
				ui_put_stored(stdscr, y, x->indent, a->W - x->indent - 1,
				              x->text, theme(x->role));
			else {
				ui_put_right(stdscr, y, 14, cw, "Sum of numerators",
				             theme(R_DIM));
				ui_put_right(stdscr, y, 14 + cw, cw, "Row 1",
				             theme(R_DIM));
				ui_put(stdscr, y, 16 + 2 * cw, 5, "Equal", theme(R_DIM));
				ui_put_right(stdscr, y, 20 + 2 * cw, a->W - 21 - 2 * cw,
				             "Difference", theme(R_DIM));
			}
			break;
		case XR_LINE:
			draw_line(a, y, x->item);
			break;
		case XR_ITEM:
			draw_item(a, y, &app_checks(a)->items[x->item],
			          x->focus == v->cur);
			break;
		case XR_HIDDEN:
			draw_hidden(a, y, x->item);
			break;
		case XR_SIGN:
			draw_sign(a, y, x->focus == v->cur);
			break;
		}
	}
	/* The item under the cursor in full, with the workbook's advice. */
	if (v->cur < (int)app_checks(a)->n) {
		const struct check_item *it = &app_checks(a)->items[v->cur];
		char *text = mem_printf("%s%s%s%s%s", it->message,
		                        it->hint && *it->hint ? " \u2014 " : "",
		                        it->hint ? it->hint : "",
		                        it->ack_reason ? "\nAcknowledged: " : "",
		                        it->ack_reason ? it->ack_reason : "");

		if (text)
			ui_put_wrapped(stdscr, y0 + h, 2, a->W - 3, 4, text,
			               theme(R_NORMAL));
		mem_free(text);
	}
	if (a->msg[0] == '\0' && a->edit.kind == EDIT_NONE)
		ui_put_cut(stdscr, a->H - 2, 1, a->W - 2, a->ro ?
		           "review mode: read-only \u00b7 Enter goes to the answer "
		           "\u00b7 [ ] tabs" : "Enter goes to the answer \u00b7 a "
		           "acknowledges a warning \u00b7 S signs off \u00b7 [ ] "
		           "tabs", theme(R_DIM));
	mem_free(r.v);
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

void xcheck_help(struct app *a)
{
	help_field(a, -1);
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
