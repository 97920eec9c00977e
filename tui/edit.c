/* SPDX-License-Identifier: MIT */
/* edit.c: what happens to typed text: live figures while it is typed,
 * and on confirming, one saved answer through the session; a worksheet
 * cell's or a prompt's text goes to the callback its caller gave.  A
 * refused or failed value stays on screen. */
#include <config.h>

#include <string.h>

#include "mem.h"
#include "sanitize.h"
#include "wrap.h"
#include "validate.h"
#include "ui.h"

static size_t max_for(const struct question *q)
{
	switch (q->type) {
	case Q_LONGTEXT:
		return VALIDATE_LONGTEXT_MAX;
	case Q_MONEY:
	case Q_WHOLE:
	case Q_HOURS:
		return 40;
	default:
		return VALIDATE_TEXT_MAX;
	}
}

bool edit_starts(const struct app *a, const struct question *q, int ch,
                 bool fkey)
{
	/* In review mode nothing is typed: letters stay commands, and a
	 * digit on an amount is answered with the refusal. */
	switch (q->type) {
	case Q_TEXT:
	case Q_LONGTEXT:
	case Q_EMAIL:
	case Q_PHONE:
		return !a->ro && key_starts_text(ch, fkey);
	case Q_MONEY:
	case Q_WHOLE:
	case Q_HOURS:
		return key_starts_number(ch, fkey);
	default:
		return false;
	}
}

/* What Enter does while an answer is edited: a text of several lines
 * takes it as a new line, so it saves with Tab or Ctrl-S. */
static void edit_hint(struct app *a)
{
	if (a->ed->qs[a->edit.q].type == Q_LONGTEXT)
		app_msg(a, R_DIM, "Enter starts a new line %s Tab or Ctrl-S saves "
		        "%s Esc puts back the saved text", a->g->dot, a->g->dot);
	else
		app_msg(a, R_DIM, "Enter or Tab saves %s Esc puts back the saved "
		        "value", a->g->dot);
}

bool edit_answer(struct app *a, int q, const char *initial, int y, int x,
                 int w, int h)
{
	const struct question *qu = &a->ed->qs[q];
	const char *v = answers_get(a->s->a, q);

	if (app_refuse_ro(a))
		return false;
	a->edit.kind = EDIT_ANSWER;
	a->edit.q = q;
	if (!field_begin(a, initial, y, x, w, h, qu->type == Q_LONGTEXT,
	                 max_for(qu))) {
		a->edit.kind = EDIT_NONE;
		app_msg(a, R_MSG_ERR, "cannot edit here: out of memory");
		return false;
	}
	a->edit.saved = v ? mem_strdup(v) : NULL;
	app_view_saved(a);
	if (qu->type == Q_MONEY)
		edit_live(a);
	edit_hint(a);
	return true;
}

bool edit_cell(struct app *a, int col, const char *initial, size_t max,
               edit_done_fn done)
{
	a->edit.kind = EDIT_CELL;
	a->edit.col = col;
	a->edit.done = done;
	/* y -1: the worksheet puts it over its cell at the next draw. */
	if (!field_begin(a, initial, -1, 0, 14, 1, false, max)) {
		a->edit.kind = EDIT_NONE;
		app_msg(a, R_MSG_ERR, "cannot edit here: out of memory");
		return false;
	}
	return true;
}

bool edit_prompt(struct app *a, const char *label, const char *initial,
                 edit_done_fn done)
{
	int x;

	a->edit.kind = EDIT_PROMPT;
	a->edit.done = done;
	snprintf(a->edit.label, sizeof a->edit.label, "%s", label);
	x = ui_width(label) + 2;
	if (x > a->W / 2)
		x = a->W / 2;
	if (!field_begin(a, initial, a->H - 2, x, a->W - x - 1, 1, false,
	                 VALIDATE_TEXT_MAX)) {
		a->edit.kind = EDIT_NONE;
		app_msg(a, R_MSG_ERR, "out of memory");
		return false;
	}
	a->msg[0] = '\0';
	return true;
}

void edit_live(struct app *a)
{
	struct edit *e = &a->edit;

	if (e->kind != EDIT_ANSWER)
		return;
	/* The tab, the tab bar and the status line all read this view: the
	 * figures as they would be with the typed value, or the confirmed
	 * ones (and why not) while the text would be refused. */
	session_preview(a->s, e->q, field_text(a), &a->view);
	snprintf(e->why, sizeof e->why, "%s", a->view.why_not);
}

void edit_refusal(struct app *a, const char *text, const char *why,
                  bool typing)
{
	char clean[400];
	int w;

	/* The value as typed, shortened if long: the reason is what must be
	 * read whole, and it comes first. */
	sanitize_text(text ? text : "", 0, clean, sizeof clean);
	w = ui_width(clean);
	if (w > 24) {
		size_t n = wrap_fit(clean, strlen(clean), 23);

		snprintf(clean + n, sizeof clean - n, "\u2026");
	}
	if (typing)
		app_msg(a, R_DIM, "\"%s\" %s", clean, why);
	else
		app_msg(a, R_MSG_ERR, "\"%s\" %s %s not saved", clean, why,
		        a->g->dot);
}

/* session_set_text's reason names the key; the screen shows the value. */
static void say_refused(struct app *a, int q, const char *text,
                        const char *why)
{
	const struct question *qu = &a->ed->qs[q];
	size_t kl = strlen(qu->key);

	if (strncmp(why, qu->key, kl) == 0 && why[kl] == ' ')
		why += kl + 1;
	edit_refusal(a, text, why, false);
	a->edit.refused = true;
}

/* After a confirmed answer, where the key that confirmed it goes. */
static void move_after(struct app *a, enum leave how)
{
	struct tabstate *ts = &a->ts[a->tab];

	if (!a->lay_ok)
		return;
	if (how == LV_PREV || how == LV_UP)
		ts->pos = layout_move(&a->lay, ts->pos, LAY_PREV);
	else if (how == LV_NEXT || how == LV_DOWN)
		ts->pos = layout_move(&a->lay, ts->pos, LAY_NEXT);
}

static bool confirm_answer(struct app *a, enum leave how)
{
	struct edit *e = &a->edit;
	int q = e->q;
	char err[600];
	enum store_status rc;

	rc = session_set_text(a->s, q, field_text(a), err, sizeof err);
	/* The same value again: nothing written, nothing in the history. */
	if (rc == STORE_UNCHANGED) {
		field_end(a);
		app_view_saved(a);
		app_relayout(a);
		move_after(a, how);
		return true;
	}
	if (rc == STORE_INVALID) {
		say_refused(a, q, field_text(a), err);
		return false;
	}
	if (rc != STORE_OK) {
		/* Keep the typed text on screen: nothing is lost by trying
		 * again once the disk is fixed. */
		app_save_failed(a, err);
		e->refused = true;
		return false;
	}
	field_end(a);
	app_msg(a, R_GOOD, "saved");
	move_after(a, how);
	return true;
}

bool edit_set(struct app *a, int q, const char *text)
{
	char err[600];
	enum store_status rc;

	if (app_refuse_ro(a))
		return false;
	rc = session_set_text(a->s, q, text, err, sizeof err);
	if (rc == STORE_INVALID) {
		say_refused(a, q, text, err);
		a->edit.refused = false;
		return false;
	}
	if (rc == STORE_UNCHANGED)
		return true;
	if (rc != STORE_OK) {
		app_save_failed(a, err);
		return false;
	}
	app_msg(a, R_GOOD, *text ? "saved" : "cleared (u undoes)");
	return true;
}

static void cancel(struct app *a, enum leave how)
{
	bool multi = a->edit.multi;
	enum edit_kind k = a->edit.kind;

	field_end(a);
	app_view_saved(a);
	app_msg(a, R_DIM, "%s", k == EDIT_PROMPT ? "cancelled" :
	        "put back the saved value");
	if (multi)
		app_relayout(a);
	if (how == LV_QUIT_CANCEL)
		a->quit = true;
}

/* A key the editor used: the live figures and why the text would be
 * refused, as it is typed. */
static void typed(struct app *a)
{
	struct edit *e = &a->edit;

	if (e->kind != EDIT_ANSWER)
		return;
	edit_live(a);
	if (e->why[0] && !e->refused)
		edit_refusal(a, field_text(a), e->why, true);
	else if (!e->refused)
		edit_hint(a);
}

bool edit_key(struct app *a, int ch, bool fkey)
{
	struct edit *e = &a->edit;
	enum leave how = field_key(a, ch, fkey);
	edit_done_fn done = e->done;
	char *text;

	switch (how) {
	case LV_NONE:
		typed(a);
		return true;
	case LV_RESIZE:
	case LV_HELP:
		return false;
	case LV_CANCEL:
	case LV_QUIT_CANCEL:
		cancel(a, how);
		return true;
	default:
		break;
	}
	if (e->kind == EDIT_ANSWER) {
		if (!confirm_answer(a, how))
			return true;
		if (how == LV_QUIT)
			a->quit = true;
		/* Saved: a page key then moves the page. */
		return how != LV_PAGE_UP && how != LV_PAGE_DOWN;
	}
	if (e->kind == EDIT_PROMPT && (how == LV_PAGE_UP || how == LV_PAGE_DOWN))
		return true;
	if (e->kind == EDIT_PROMPT && how == LV_QUIT) {
		cancel(a, LV_QUIT_CANCEL);
		return true;
	}
	if (!(text = mem_strdup(field_text(a)))) {
		app_msg(a, R_MSG_ERR, "out of memory: not saved");
		return true;
	}
	/* A prompt is over once answered; a cell stays open while its text
	 * is refused, so the callback ends it. */
	if (e->kind == EDIT_PROMPT)
		field_end(a);
	if (done)
		done(a, text, how);
	mem_free(text);
	if (how == LV_QUIT && e->kind == EDIT_NONE)
		a->quit = true;
	return true;
}
