/* SPDX-License-Identifier: MIT */
/* app.c: the full-screen workbook's start, input loop, resize and
 * dispatch to the screen of the current tab. */
#include <config.h>

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "tui.h"
#include "ui.h"
#include "wrap.h"

#define CTRL(c) ((c) & 0x1f)
/* Alt-1 .. Alt-9, read as ESC and a digit: codes past curses' own. */
#define KEY_ALT_DIGIT (KEY_MAX + 1)

const struct figures *app_figures(const struct app *a)
{
	return a->view.f;
}

const struct check_list *app_checks(const struct app *a)
{
	return a->view.checks;
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

static bool is_question_tab(const struct app *a, int t)
{
	return t < (int)a->ed->ntabs && t != a->xc_tab && t != a->nr_tab;
}

static bool is_metric_tab(const struct app *a, int t)
{
	return t < (int)a->ed->ntabs && a->ed->tabs[t].lob != LOB_NONE;
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
	if (!is_question_tab(a, a->tab))
		return;
	in = (struct layout_in){
		.ed = a->ed, .shown = a->s->f->shown, .tab = a->tab,
		.width = a->W, .compact = is_metric_tab(a, a->tab),
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
 * change has to remember it. */
static void app_follow_session(struct app *a)
{
	if (a->gen_seen == a->s->gen)
		return;
	a->gen_seen = a->s->gen;
	app_saved(a);
	app_view_saved(a);
	worksheet_invalidate(a);
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
	if (is_question_tab(a, a->tab))
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

static void small_draw(struct app *a)
{
	char text[200];
	struct lines { int n; char l[8][120]; } L = { 0, { { 0 } } };

	snprintf(text, sizeof text, "Make the window larger: the workbook "
	         "needs %dx%d (now %dx%d).", UI_MIN_W, UI_MIN_H, a->W, a->H);
	erase();
	/* Wrapped by hand into a few lines; whatever fits is shown. */
	{
		const char *p = text;
		int w = a->W - 2 < 1 ? 1 : a->W - 2;

		while (*p && L.n < 8) {
			size_t len = strlen(p), fit = wrap_fit(p, len, w), cut = fit;

			if (fit < len) {
				while (cut > 0 && p[cut] != ' ')
					cut--;
				if (cut == 0)
					cut = fit ? fit : 1;
			}
			snprintf(L.l[L.n++], sizeof L.l[0], "%.*s", (int)cut, p);
			p += cut;
			while (*p == ' ')
				p++;
		}
	}
	for (int i = 0; i < L.n && i < a->H; i++) {
		int y = (a->H - L.n) / 2 + i;

		ui_put(stdscr, y < 0 ? 0 : y, 1, a->W - 1, L.l[i], theme(R_BAD));
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void resized(struct app *a);

void app_draw(struct app *a)
{
	int h, w;

	/* A picker or help box that saw the resize has eaten its key. */
	getmaxyx(stdscr, h, w);
	if (h != a->H || w != a->W)
		resized(a);
	app_follow_session(a);
	if (a->small) {
		curs_set(0);
		small_draw(a);
		return;
	}
	erase();
	status_draw(a);
	tabbar_draw(a);
	if (a->tab == a->help_tab) {
		helptab_draw(a);
	} else if (a->tab == a->xc_tab) {
		xcheck_draw(a);
	} else if (a->tab == a->nr_tab) {
		worksheet_draw(a);
	} else {
		char why[300];

		if (app_tab_off(a, a->tab, why, sizeof why))
			off_draw(a, why);
		else if (is_metric_tab(a, a->tab))
			metrics_draw(a);
		else
			questions_draw(a);
	}
	touchwin(stdscr);
	if (a->edit.kind != EDIT_NONE && !a->edit.multi) {
		curs_set(1);
		wnoutrefresh(stdscr);
		field_show(a);
	} else if (a->edit.kind != EDIT_NONE) {
		curs_set(1);
		field_show(a);
		wnoutrefresh(stdscr);
	} else {
		curs_set(0);
		wnoutrefresh(stdscr);
	}
	doupdate();
}

static void switch_tab(struct app *a, int tab)
{
	if (tab < 0)
		tab = a->ntabs - 1;
	if (tab >= a->ntabs)
		tab = 0;
	a->tab = tab;
	a->confirm_delete = false;
	app_relayout(a);
}

static void resized(struct app *a)
{
	getmaxyx(stdscr, a->H, a->W);
	a->small = a->W < UI_MIN_W || a->H < UI_MIN_H;
	app_relayout(a);
	if (a->edit.kind != EDIT_NONE && !a->small) {
		/* The screen decides where the editor goes now. */
		if (a->tab != a->nr_tab && a->edit.kind == EDIT_ANSWER)
			questions_place_edit(a);
		else if (a->edit.kind == EDIT_PROMPT)
			field_place(a, a->H - 2, a->edit.x, a->W - a->edit.x - 1, 1);
	}
}

/* Keys that mean the same on every screen while nothing is edited. */
static bool global_key(struct app *a, int ch, bool fkey)
{
	if (fkey) {
		switch (ch) {
		case KEY_F(10):
			a->quit = true;
			return true;
		case KEY_F(1):
			help_field(a, app_current_q(a));
			return true;
		case KEY_RESIZE:
			resized(a);
			return true;
		}
		return false;
	}
	switch (ch) {
	case 'q':
	case 'Q':
	case CTRL('c'):
		a->quit = true;
		return true;
	case CTRL('l'):
		clearok(curscr, TRUE);
		return true;
	case ']':
	case '>':
		switch_tab(a, a->tab + 1);
		return true;
	case '[':
	case '<':
		switch_tab(a, a->tab - 1);
		return true;
	case '?':
		help_field(a, app_current_q(a));
		return true;
	case 'e':
		export_start(a);
		return true;
	case 'u':
		app_undo(a);
		return true;
	}
	return false;
}

void app_dispatch(struct app *a, int ch, bool fkey)
{
	bool used = false;

	if (fkey && ch == KEY_RESIZE) {
		resized(a);
		return;
	}
	if (a->small) {
		if ((!fkey && (ch == 'q' || ch == CTRL('c'))) ||
		    (fkey && ch == KEY_F(10)))
			a->quit = true;
		return;
	}
	if (a->edit.kind != EDIT_NONE) {
		edit_key(a, ch, fkey);
		return;
	}
	if (fkey && ch >= KEY_ALT_DIGIT && ch < KEY_ALT_DIGIT + 9) {
		a->msg[0] = '\0';
		a->confirm_delete = false;
		switch_tab(a, ch - KEY_ALT_DIGIT);
		return;
	}
	/* A message stays until the next key. */
	a->msg[0] = '\0';
	if (export_confirm_key(a, ch, fkey))
		return;
	if (a->confirm_delete) {
		worksheet_key(a, ch, fkey);
		return;
	}
	/* Screen keys first: a screen may use a letter a global key has. */
	if (a->tab == a->help_tab)
		used = helptab_key(a, ch, fkey);
	else if (a->tab == a->xc_tab)
		used = xcheck_key(a, ch, fkey);
	else if (a->tab == a->nr_tab)
		used = worksheet_key(a, ch, fkey);
	else if (!app_tab_off(a, a->tab, NULL, 0))
		used = is_metric_tab(a, a->tab) ? metrics_key(a, ch, fkey)
		                                : questions_key(a, ch, fkey);
	if (!used && !global_key(a, ch, fkey) && !fkey && ch == 27)
		a->msg[0] = '\0';
}

static int read_key(struct app *a, bool *fkey)
{
	wint_t wch;
	int rc;

	for (;;) {
		rc = wget_wch(stdscr, &wch);
		if (rc == ERR)
			continue;
		*fkey = rc == KEY_CODE_YES;
		if (!*fkey && wch == 27 && a->edit.kind == EDIT_NONE) {
			wint_t next;

			/* Alt (Meta) and a digit: straight to that tab, for
			 * terminals without function keys. */
			nodelay(stdscr, TRUE);
			rc = wget_wch(stdscr, &next);
			nodelay(stdscr, FALSE);
			if (rc == OK && next >= '1' && next <= '9') {
				*fkey = true;
				return KEY_ALT_DIGIT + (int)(next - '1');
			}
			if (rc != ERR)
				unget_wch((wchar_t)next);
		}
		return (int)wch;
	}
}

bool app_init(struct app *a, struct session *s, bool ro)
{
	const char *cs = nl_langinfo(CODESET);

	memset(a, 0, sizeof *a);
	a->s = s;
	a->ro = ro;
	a->ed = s->ed;
	a->utf8 = cs && strcmp(cs, "UTF-8") == 0;
	a->g = glyphs_get(a->utf8);
	a->ntabs = (int)a->ed->ntabs + 1;
	a->help_tab = (int)a->ed->ntabs;
	a->xc_tab = edition_find_tab(a->ed, "xc");
	a->nr_tab = edition_find_tab(a->ed, "nr");
	a->ts = mem_calloc((size_t)a->ntabs, sizeof *a->ts);
	a->edit.kind = EDIT_NONE;
	a->ws.on_method = true;
	a->gen_seen = s->gen;
	session_view_saved(s, &a->view);
	if (!a->ts)
		return false;
	for (int t = 0; t < a->ntabs; t++)
		a->ts[t].pos = (struct lay_pos){
			t < (int)a->ed->ntabs ? a->ed->tabs[t].first_q : -1, 0 };
	return true;
}

void app_free(struct app *a)
{
	if (a->edit.kind != EDIT_NONE)
		field_end(a);
	if (a->lay_ok)
		layout_free(&a->lay);
	worksheet_invalidate(a);
	mem_free(a->ts);
}

int tui_run(struct session *s, bool read_only, char *err, size_t errlen)
{
	struct app a;
	SCREEN *scr;
	bool fkey = false;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the full-screen workbook needs a terminal; "
		         "for scripts use apmwb set, get, check and show");
		return -1;
	}
	if (!app_init(&a, s, read_only)) {
		app_free(&a);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		app_free(&a);
		snprintf(err, errlen, "cannot use this terminal (TERM=%s)",
		         getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	set_escdelay(50);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	theme_init();
	getmaxyx(stdscr, a.H, a.W);
	a.small = a.W < UI_MIN_W || a.H < UI_MIN_H;
	app_relayout(&a);
	if (s->created)
		app_msg(&a, R_NORMAL, "created %s: every answer is saved the "
		        "moment it is confirmed", store_path(s->st));
	else if (store_recovery(s->st) != STORE_RECOVERY_NONE)
		app_msg(&a, R_WARN, "%s", store_recovery_text(s->st));
	else if (read_only)
		app_msg(&a, R_NORMAL, "review mode: read-only, nothing is written");
	tui_progress_start(&a);
	while (!a.quit) {
		int ch;

		app_draw(&a);
		ch = read_key(&a, &fkey);
		app_dispatch(&a, ch, fkey);
	}
	tui_progress_stop(&a);
	app_free(&a);
	endwin();
	delscreen(scr);
	return 0;
}
