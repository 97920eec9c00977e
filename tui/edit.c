/* SPDX-License-Identifier: MIT */
/* edit.c: what happens to typed text: live figures while it is typed,
 * and on confirming, validation and one saved answer, a worksheet cell,
 * or a prompt's answer.  A refused or failed value stays on screen. */
#include <config.h>

#include <string.h>

#include "mem.h"
#include "validate.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

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
	if (qu->type == Q_LONGTEXT)
		app_msg(a, R_DIM, "Enter starts a new line %s Tab or Ctrl-S saves "
		        "%s Esc puts back the saved text", a->g->dot, a->g->dot);
	else
		app_msg(a, R_DIM, "Enter or Tab saves %s Esc puts back the saved "
		        "value", a->g->dot);
	return true;
}

bool edit_prompt(struct app *a, enum prompt_for pf, const char *label,
                 const char *initial)
{
	int x;

	a->edit.kind = EDIT_PROMPT;
	a->edit.pfor = pf;
	snprintf(a->edit.label, sizeof a->edit.label, "%s", label);
	x = ui_width(label) + 2;
	if (x > a->W / 2)
		x = a->W / 2;
	if (!field_begin(a, initial, a->H - 2, x, a->W - x - 1, 1, false,
	                 VALIDATE_TEXT_MAX)) {
		a->edit.kind = EDIT_NONE;
		return false;
	}
	a->msg[0] = '\0';
	return true;
}

void edit_live(struct app *a)
{
	struct edit *e = &a->edit;
	char *text;

	if (e->kind != EDIT_ANSWER)
		return;
	text = field_text(a);
	if (!text)
		return;
	/* The tab, the tab bar and the status line all read this view: the
	 * figures as they would be with the typed value, or the confirmed
	 * ones (and why not) while the text would be refused. */
	session_preview(a->s, e->q, text, &a->view);
	snprintf(e->why, sizeof e->why, "%s", a->view.why_not);
	mem_free(text);
}

/* The label a reason reads after ("Email is not ..."). */
static void say_refused(struct app *a, int q, const char *why)
{
	const struct question *qu = &a->ed->qs[q];
	const char *label = qu->label && *qu->label ? qu->label : qu->key;
	size_t kl = strlen(qu->key);

	/* session_set_text prefixes the key; the screen names the label. */
	if (strncmp(why, qu->key, kl) == 0 && why[kl] == ' ')
		why += kl + 1;
	app_msg(a, R_MSG_ERR, "%s %s %s not saved", label, why, a->g->dot);
	a->edit.refused = true;
}

/* After a confirmed answer, where the key that confirmed it goes. */
static void move_after(struct app *a, int ch, bool fkey)
{
	enum lay_move m;
	struct tabstate *ts = &a->ts[a->tab];

	if (!a->lay_ok)
		return;
	if (fkey && (ch == KEY_BTAB || ch == KEY_UP))
		m = LAY_PREV;
	else if (fkey && (ch == KEY_PPAGE || ch == KEY_NPAGE ||
	                  ch == KEY_F(10) || ch == KEY_F(2) || ch == KEY_F(1) ||
	                  ch == KEY_RESIZE))
		return;
	else if (!fkey && ch == CTRL('s'))
		return;
	else
		m = LAY_NEXT;
	ts->pos = layout_move(&a->lay, ts->pos, m);
}

static bool confirm_answer(struct app *a, int ch, bool fkey)
{
	struct edit *e = &a->edit;
	int q = e->q;
	char *text = field_text(a), err[600];
	enum store_status rc;

	if (!text) {
		app_msg(a, R_MSG_ERR, "out of memory: not saved");
		return false;
	}
	rc = session_set_text(a->s, q, text, err, sizeof err);
	mem_free(text);
	/* The same value again: nothing written, nothing in the history. */
	if (rc == STORE_UNCHANGED) {
		field_end(a);
		app_view_saved(a);
		app_relayout(a);
		move_after(a, ch, fkey);
		return true;
	}
	if (rc == STORE_INVALID) {
		say_refused(a, q, err);
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
	move_after(a, ch, fkey);
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
		say_refused(a, q, err);
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

static void confirm_prompt(struct app *a, const char *text)
{
	char err[600];
	enum prompt_for pf = a->edit.pfor;
	enum store_status rc;

	switch (pf) {
	case P_ACK: {
		const struct check_item *it = NULL;
		int k = a->xc.cur;

		if (k >= 0 && (size_t)k < a->s->checks.n)
			it = &a->s->checks.items[k];
		field_end(a);
		if (!it)
			return;
		rc = session_ack(a->s, it->id, text, err, sizeof err);
		if (rc == STORE_UNCHANGED) {
			app_msg(a, R_DIM, "unchanged: that is the reason kept");
			return;
		}
		if (rc != STORE_OK) {
			app_msg(a, rc == STORE_INVALID ? R_WARN : R_MSG_ERR, "%s", err);
			return;
		}
		app_msg(a, R_GOOD, *text ? "acknowledged: the reason is kept with "
		        "the warning" : "acknowledgement withdrawn");
		return;
	}
	case P_SIGNOFF:
		field_end(a);
		if (!*text) {
			app_msg(a, R_WARN, "not signed off: a name is needed");
			return;
		}
		rc = session_complete(a->s, text, err, sizeof err);
		if (rc != STORE_OK) {
			app_msg(a, rc == STORE_INVALID ? R_WARN : R_MSG_ERR, "%s", err);
			return;
		}
		app_msg(a, R_GOOD, "signed off: the submission is COMPLETE; any "
		        "later change returns it to draft");
		return;
	case P_EXPORT_PATH: {
		char *path = mem_strdup(text);

		field_end(a);
		if (path && *path)
			export_prompted(a, path);
		else
			app_msg(a, R_DIM, "nothing exported");
		mem_free(path);
		return;
	}
	case P_FIND: {
		snprintf(a->ws.find, sizeof a->ws.find, "%s", text);
		field_end(a);
		worksheet_key(a, 'n', false);
		return;
	}
	case P_GOTO: {
		char *row = mem_strdup(text);

		field_end(a);
		if (row)
			wsfind_goto(a, row);
		else
			app_msg(a, R_MSG_ERR, "out of memory");
		mem_free(row);
		return;
	}
	}
}

bool edit_key(struct app *a, int ch, bool fkey)
{
	struct edit *e = &a->edit;
	int end = field_key(a, ch, fkey);

	if (!end) {
		if (e->kind == EDIT_ANSWER) {
			edit_live(a);
			if (e->why[0] && !e->refused)
				app_msg(a, R_DIM, "%s", e->why);
			else if (!e->refused)
				app_msg(a, R_DIM, "Enter or Tab saves %s Esc puts back "
				        "the saved value", a->g->dot);
		}
		return true;
	}
	if (fkey && end == KEY_RESIZE)
		return false;
	if (!fkey && end == 27) {
		bool multi = e->multi;
		enum edit_kind k = e->kind;

		field_end(a);
		app_view_saved(a);
		app_msg(a, R_DIM, "%s", k == EDIT_PROMPT ? "cancelled" :
		        "put back the saved value");
		if (multi)
			app_relayout(a);
		return true;
	}
	if (fkey && end == KEY_F(1)) {
		help_field(a, app_current_q(a));
		return true;
	}
	switch (e->kind) {
	case EDIT_ANSWER:
		if (confirm_answer(a, end, fkey) && fkey && end == KEY_F(10))
			a->quit = true;
		if (e->kind == EDIT_NONE && fkey &&
		    (end == KEY_NPAGE || end == KEY_PPAGE))
			return false;
		break;
	case EDIT_CELL: {
		char *text = field_text(a);

		worksheet_cell_confirmed(a, text ? text : "", end, fkey);
		mem_free(text);
		if (fkey && end == KEY_F(10) && e->kind == EDIT_NONE)
			a->quit = true;
		break;
	}
	case EDIT_PROMPT: {
		char *text = field_text(a);

		confirm_prompt(a, text ? text : "");
		mem_free(text);
		break;
	}
	case EDIT_NONE:
		break;
	}
	return true;
}
