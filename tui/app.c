/* SPDX-License-Identifier: MIT */
/* app.c: the state every screen shares: the figures shown, the message
 * line, the layout of the current tab, going to an answer, undo.  The
 * input loop that calls the screens is loop.c. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "ui.h"

const struct figures *app_figures(const struct app *a)
{
	return a->view.f;
}

const struct check_list *app_checks(const struct app *a)
{
	return a->view.checks;
}

bool app_differs(struct app *a, int q)
{
	return q >= 0 && session_against_path(a->s) &&
	       session_differs(a->s, a->ed->qs[q].key);
}

bool app_figures_differ(struct app *a, const char *prefix,
                        const char *const *parts, int n)
{
	char key[200];

	if (!session_against_path(a->s))
		return false;
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%s.%s", prefix, parts[i]);
		if (session_differs(a->s, key))
			return true;
	}
	return false;
}

void app_mark_figures(struct app *a, int y, int x, const char *prefix,
                      const char *const *parts, int n)
{
	if (app_figures_differ(a, prefix, parts, n))
		ui_put(stdscr, y, x, 1, a->g->differs, theme(R_WARN));
}

void app_mark_differs(struct app *a, int y, int x, int q)
{
	if (app_differs(a, q))
		ui_put(stdscr, y, x, 1, a->g->differs, theme(R_WARN));
}

void app_msg(struct app *a, enum role r, const char *fmt, ...)
{
	va_list ap;
	char raw[sizeof a->msg];

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* Messages quote stored text and file names: one door to the screen. */
	sanitize_text(raw, 0, a->msg, sizeof a->msg);
	a->msg_role = r;
}

int app_body_h(const struct app *a)
{
	return a->H - UI_TOP - UI_BOTTOM;
}

bool app_refuse_ro(struct app *a)
{
	if (!a->ro)
		return false;
	app_msg(a, R_WARN, "read-only: this submission is open for review "
	        "(-r); nothing can be changed");
	return true;
}

void app_saved(struct app *a)
{
	a->saved_at = time(NULL);
	a->save_failed = false;
}

void app_save_failed(struct app *a, const char *err)
{
	a->save_failed = true;
	/* The store's own message already says "not saved" and why. */
	if (strstr(err, "not saved"))
		app_msg(a, R_MSG_ERR, "%s", err);
	else
		app_msg(a, R_MSG_ERR, "NOT SAVED: %s", err);
}

bool app_is_question_tab(const struct app *a, int t)
{
	return t < (int)a->ed->ntabs && t != a->xc_tab && t != a->nr_tab;
}

bool app_is_metric_tab(const struct app *a, int t)
{
	return t < (int)a->ed->ntabs && a->ed->tabs[t].lob != LOB_NONE;
}

void app_ask(struct app *a, ask_fn fn)
{
	a->ask = fn;
}

/* A whole number shown as the dollars are, with thousands separators
 * (1,250,000); anything else as stored. */
static void group_digits(const char *v, char *buf, size_t n)
{
	size_t len = strlen(v), o = 0;

	if (len == 0 || strspn(v, "0123456789") != len || len + len / 3 >= n) {
		snprintf(buf, n, "%s", v);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = v[i];
	}
	buf[o] = '\0';
}

void ui_answer_text(const struct app *a, int q, char *buf, size_t n)
{
	const struct question *qu = &a->ed->qs[q];
	const char *v = answers_get(a->s->a, q);

	buf[0] = '\0';
	if (!v)
		return;
	switch (qu->type) {
	case Q_YESNO:
		snprintf(buf, n, "%s", strcmp(v, "yes") == 0 ? "Yes" : "No");
		break;
	case Q_CHOICE: {
		const struct choice *c = edition_find_choice(qu, v);

		snprintf(buf, n, "%s", c ? c->label : v);
		break;
	}
	case Q_MULTI: {
		size_t len = 0;

		for (size_t i = 0; qu->choices && i < qu->choices->n; i++) {
			const struct choice *c = &qu->choices->items[i];

			if (!answers_has_choice(a->s->a, q, c->value))
				continue;
			len += (size_t)snprintf(buf + len, len < n ? n - len : 0,
			                        "%s%s", len ? "; " : "", c->label);
			if (len >= n)
				break;
		}
		break;
	}
	case Q_MONEY: {
		int64_t c;
		char m[MONEY_BUFSZ];

		if (money_parse(v, &c, NULL, 0)) {
			money_format_display(c, m);
			snprintf(buf, n, "%s", m);
		} else {
			snprintf(buf, n, "%s", v);
		}
		break;
	}
	case Q_WHOLE:
		group_digits(v, buf, n);
		break;
	default:
		snprintf(buf, n, "%s", v);
	}
}

static void value_cb(void *ctx, int q, char *buf, size_t n)
{
	ui_answer_text(ctx, q, buf, n);
}

void app_relayout(struct app *a)
{
	struct tabstate *ts = &a->ts[a->tab];
	struct layout_in in;

	if (a->lay_ok)
		layout_free(&a->lay);
	a->lay_ok = false;
	if (!app_is_question_tab(a, a->tab))
		return;
	in = (struct layout_in){
		.ed = a->ed, .shown = a->s->f->shown, .tab = a->tab,
		.width = a->W, .compact = app_is_metric_tab(a, a->tab),
		.value = value_cb, .ctx = a, .edit_q = -1,
		.value_lines_max = 4,
	};
	if (a->edit.kind == EDIT_ANSWER && a->edit.multi) {
		in.edit_q = a->edit.q;
		in.edit_lines = a->edit.h;
	}
	if (!layout_build(&a->lay, &in)) {
		app_msg(a, R_MSG_ERR, "out of memory laying out the screen");
		return;
	}
	a->lay_ok = true;
	ts->pos = layout_fix(&a->lay, a->ed, ts->pos);
}

/* The session saved a change (its gen moved on): what the screens keep
 * of the figures is out of date.  Called from app_draw, so no caller of a
 * change has to remember it; the worksheet's page of contracts knows the
 * gen it was read at and reads again by itself. */
void app_follow_session(struct app *a)
{
	if (a->gen_seen == a->s->gen)
		return;
	a->gen_seen = a->s->gen;
	app_saved(a);
	app_view_saved(a);
	app_relayout(a);
}

void app_view_saved(struct app *a)
{
	session_view_saved(a->s, &a->view);
}

int app_current_q(const struct app *a)
{
	if (a->edit.kind == EDIT_ANSWER)
		return a->edit.q;
	if (a->tab == a->nr_tab && a->ws.on_method)
		return a->ed->nr_method_q;
	if (app_is_question_tab(a, a->tab))
		return a->ts[a->tab].pos.q;
	return -1;
}

void app_goto(struct app *a, int tab, int q)
{
	if (tab < 0 || tab >= a->ntabs)
		return;
	a->tab = tab;
	if (q >= 0)
		a->ts[tab].pos = (struct lay_pos){ q, 0 };
	if (tab == a->nr_tab && q >= 0)
		a->ws.on_method = true;
	app_relayout(a);
	if (q >= 0 && a->lay_ok && a->ts[tab].pos.q != q)
		app_msg(a, R_DIM, "that answer is not shown: its condition does "
		        "not hold");
}

void app_undo(struct app *a)
{
	char what[300], err[512];
	enum store_status rc;

	if (app_refuse_ro(a))
		return;
	rc = session_undo(a->s, what, sizeof what, err, sizeof err);
	if (rc == STORE_OK) {
		app_msg(a, R_NORMAL, "undone: %s", what);
	} else {
		app_msg(a, rc == STORE_INVALID ? R_WARN : R_MSG_ERR, "%s", err);
	}
}

