/* SPDX-License-Identifier: MIT */
/* loop.c: the full-screen workbook's one input loop: the terminal, a key
 * read and handed to whatever has it (a box over the screen, the field
 * being edited, a yes/no question, the current tab's screen, then the
 * keys every screen shares), and the whole screen drawn again.  Each tab
 * is an entry of one table of screens. */
#include <config.h>

#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "tui.h"
#include "ui.h"

/* A tab's screen: how it draws, takes a key, puts the editor back after
 * a resize (NULL: its draw does it) and says what F1 tells. */
struct screen {
	void (*draw)(struct app *a);
	bool (*key)(struct app *a, int ch, bool fkey);
	void (*place_edit)(struct app *a);
	void (*help)(struct app *a);
};

static void field_help(struct app *a)
{
	help_field(a, app_current_q(a));
}

static const struct screen questions_screen = {
	questions_draw, questions_key, questions_place_edit, field_help
};
static const struct screen metrics_screen = {
	metrics_draw, metrics_key, NULL, field_help
};
static const struct screen checks_screen = {
	xcheck_draw, xcheck_key, NULL, xcheck_help
};
static const struct screen worksheet_screen = {
	worksheet_draw, worksheet_key, NULL, worksheet_help
};
static const struct screen help_screen = {
	helptab_draw, helptab_key, NULL, field_help
};

static const struct screen *screen_for(const struct app *a, int tab)
{
	if (tab == a->help_tab)
		return &help_screen;
	if (tab == a->xc_tab)
		return &checks_screen;
	if (tab == a->nr_tab)
		return &worksheet_screen;
	if (app_is_metric_tab(a, tab))
		return &metrics_screen;
	return &questions_screen;
}

static const struct screen *cur_screen(const struct app *a)
{
	return a->scr[a->tab];
}

static void small_draw(struct app *a)
{
	char text[200];

	snprintf(text, sizeof text, "Make the window larger: the workbook "
	         "needs %dx%d (now %dx%d).", UI_MIN_W, UI_MIN_H, a->W, a->H);
	erase();
	ui_put_wrapped(stdscr, a->H / 2 - 1 < 0 ? 0 : a->H / 2 - 1, 1, a->W - 1,
	               a->H, text, theme(R_BAD));
}

/* Asked before a file is made whose name looks like a mistyped command
 * or lacks the .apmwb ending: nothing is created unless y is pressed. */
static void new_draw(struct app *a)
{
	const char *base = strrchr(a->new_path, '/');
	char *text;

	base = base ? base + 1 : a->new_path;
	erase();
	ui_fill(stdscr, 0, 0, a->W, theme(R_TITLE));
	ui_put(stdscr, 0, 1, a->W - 2, "apmwb", theme(R_TITLE));
	text = mem_printf("There is no file named \"%s\" here.\n\n%s\n\n"
	                  "Create a new submission named \"%s\"?\n\n"
	                  "y creates it and opens the workbook; any other key "
	                  "leaves without creating anything.", a->new_path,
	                  strchr(base, '.') && !strstr(base, ".apmwb") ?
	                  "Its name does not end in .apmwb, as a submission's "
	                  "does." : "Its name looks like a command, not a "
	                  "submission (a submission's name ends in .apmwb; "
	                  "apmwb --help lists the commands).", a->new_path);
	if (text)
		ui_put_wrapped(stdscr, 3, 2, a->W - 4, a->H - 4, text,
		               theme(R_NORMAL));
	mem_free(text);
}

static bool screens_init(struct app *a)
{
	a->scr = mem_calloc((size_t)a->ntabs, sizeof *a->scr);
	if (!a->scr)
		return false;
	for (int t = 0; t < a->ntabs; t++)
		a->scr[t] = screen_for(a, t);
	return true;
}

static void resized(struct app *a)
{
	getmaxyx(stdscr, a->H, a->W);
	a->small = a->W < UI_MIN_W || a->H < UI_MIN_H;
	if (!a->s)
		return;
	app_relayout(a);
	if (a->edit.kind == EDIT_NONE || a->small)
		return;
	/* The screen decides where the editor goes now. */
	if (a->edit.kind == EDIT_PROMPT)
		field_place(a, a->H - 2, a->edit.x, a->W - a->edit.x - 1, 1);
	else if (cur_screen(a)->place_edit)
		cur_screen(a)->place_edit(a);
}

void app_draw(struct app *a)
{
	int h, w;

	getmaxyx(stdscr, h, w);
	if (h != a->H || w != a->W)
		resized(a);
	curs_set(0);
	if (!a->s) {
		new_draw(a);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	app_follow_session(a);
	if (a->small) {
		small_draw(a);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	erase();
	status_draw(a);
	tabbar_draw(a);
	cur_screen(a)->draw(a);
	message_draw(a);
	if (a->edit.kind != EDIT_NONE && a->edit.y >= 0) {
		curs_set(1);
		field_show(a);
	}
	/* The boxes last, over everything; the one on top may want the
	 * cursor (the definitions' search). */
	if (a->nov > 0)
		curs_set(0);
	for (int i = 0; i < a->nov; i++)
		a->ov[i].draw(a, &a->ov[i]);
	wnoutrefresh(stdscr);
	doupdate();
}

static void switch_tab(struct app *a, int tab)
{
	if (tab < 0)
		tab = a->ntabs - 1;
	if (tab >= a->ntabs)
		tab = 0;
	a->tab = tab;
	app_relayout(a);
}

/* Keys that mean the same on every screen, when the screen has not used
 * them: letters are commands only where they cannot be typing. */
static bool global_key(struct app *a, int ch, bool fkey)
{
	if (fkey) {
		switch (ch) {
		case KEY_F(10):
			a->quit = true;
			return true;
		case KEY_F(1):
			cur_screen(a)->help(a);
			return true;
		}
		return false;
	}
	switch (ch) {
	case 'q':
	case 'Q':
		a->quit = true;
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
		cur_screen(a)->help(a);
		return true;
	case 'e':
	case CTRL('o'):
		export_start(a);
		return true;
	case 'u':
	case CTRL('z'):
		app_undo(a);
		return true;
	}
	return false;
}

static bool quit_key(int ch, bool fkey)
{
	return fkey ? ch == KEY_F(10) : ch == CTRL('c');
}

/* The create-this-file question: y makes the file and opens it. */
static void new_key(struct app *a, int ch, bool fkey)
{
	struct session *s;
	char err[1024];
	const char *path = a->new_path;

	if (fkey || (ch != 'y' && ch != 'Y')) {
		a->quit = true;
		return;
	}
	if (session_open(path, STORE_MODE_READ_WRITE, true, &s, err,
	                 sizeof err) != STORE_OK) {
		snprintf(a->msg, sizeof a->msg, "%.500s", err);
		a->quit = true;
		return;
	}
	if (!app_init(a, s, false) || !screens_init(a)) {
		snprintf(a->msg, sizeof a->msg, "out of memory");
		a->quit = true;
		return;
	}
	resized(a);
	app_msg(a, R_NORMAL, "created %s: every answer is saved the moment it "
	        "is confirmed", store_path(s->st));
}

static void dispatch(struct app *a, int ch, bool fkey)
{
	if (fkey && ch == KEY_RESIZE) {
		resized(a);
		return;
	}
	if (!a->s) {
		new_key(a, ch, fkey);
		return;
	}
	if (!fkey && ch == CTRL('l')) {
		/* Redraws, and as any key puts the message line back. */
		clearok(curscr, TRUE);
		if (a->nov == 0 && a->edit.kind == EDIT_NONE && !a->ask)
			a->msg[0] = '\0';
		return;
	}
	if (a->small || a->nov > 0) {
		if (quit_key(ch, fkey) || (a->small && !fkey && ch == 'q')) {
			ov_close_all(a);
			a->quit = true;
		} else if (a->nov > 0) {
			a->ov[a->nov - 1].key(a, &a->ov[a->nov - 1], ch, fkey);
		}
		return;
	}
	if (a->edit.kind != EDIT_NONE) {
		if (edit_key(a, ch, fkey))
			return;
		if (fkey && ch == KEY_F(1)) {
			cur_screen(a)->help(a);
			return;
		}
		if (a->edit.kind != EDIT_NONE)
			return;
		/* Saved by a page key: the page moves too. */
	}
	if (a->ask) {
		ask_fn fn = a->ask;

		a->ask = NULL;
		a->msg[0] = '\0';
		fn(a, !fkey && (ch == 'y' || ch == 'Y'));
		return;
	}
	if (quit_key(ch, fkey)) {
		a->quit = true;
		return;
	}
	if (fkey && ch >= KEY_ALT_DIGIT && ch < KEY_ALT_DIGIT + 9) {
		a->msg[0] = '\0';
		switch_tab(a, ch - KEY_ALT_DIGIT);
		return;
	}
	/* A message stays until the next key. */
	a->msg[0] = '\0';
	/* Screen keys first: a screen may use a letter a global key has. */
	if (cur_screen(a)->key(a, ch, fkey))
		return;
	global_key(a, ch, fkey);
}

/* A key that changed a signed-off submission says so, as the command
 * line does: the sign-off is gone and the file is a draft again. */
void app_dispatch(struct app *a, int ch, bool fkey)
{
	struct store_signoff so;
	bool was = false;

	if (a->s && !a->ro) {
		store_signoff(a->s->st, &so);
		was = so.complete;
	}
	dispatch(a, ch, fkey);
	if (!was || !a->s)
		return;
	store_signoff(a->s->st, &so);
	if (!so.complete) {
		char said[sizeof a->msg];
		const char *why = "this file was signed off; this edit makes it "
		                  "a draft again (S on Checks signs off again)";

		snprintf(said, sizeof said, "%s", a->msg);
		if (*said)
			app_msg(a, R_WARN, "%s %s %s", said, a->g->dot, why);
		else
			app_msg(a, R_WARN, "%s", why);
	}
}

/* The rest of an escape sequence the terminal's description does not
 * name (Ctrl-End in some terminals is ESC [ 1 ; 5 F): read and dropped
 * whole, since as keys its Esc would put back an answer being typed, its
 * [ switch tabs and its digits land in a field. */
static void drop_sequence(wint_t intro)
{
	wint_t c;

	if (intro == 'O') {
		wget_wch(stdscr, &c);
		return;
	}
	/* CSI: parameter and intermediate bytes up to a final byte. */
	while (wget_wch(stdscr, &c) == OK && c >= 0x20 && c < 0x40)
		;
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
		if (!*fkey && wch == KEY_ESC) {
			wint_t next;

			/* What follows an Esc at once was sent with it. */
			nodelay(stdscr, TRUE);
			rc = wget_wch(stdscr, &next);
			if (rc == OK && (next == '[' || next == 'O')) {
				drop_sequence(next);
				nodelay(stdscr, FALSE);
				continue;
			}
			nodelay(stdscr, FALSE);
			/* Alt (Meta) and a digit: straight to that tab, for
			 * terminals without function keys. */
			if (rc == OK && next >= '1' && next <= '9' &&
			    a->edit.kind == EDIT_NONE) {
				*fkey = true;
				return KEY_ALT_DIGIT + (int)(next - '1');
			}
			/* Anything else is the next key: a function key goes
			 * back as one (an arrow sent right after the Esc). */
			if (rc == KEY_CODE_YES)
				ungetch((int)next);
			else if (rc == OK)
				unget_wch((wchar_t)next);
		}
		return (int)wch;
	}
}

bool app_init(struct app *a, struct session *s, bool ro)
{
	const char *cs = nl_langinfo(CODESET);
	const char *new_path = a->new_path;

	memset(a, 0, sizeof *a);
	a->new_path = new_path;
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
	if (!a->ts || !screens_init(a))
		return false;
	for (int t = 0; t < a->ntabs; t++)
		a->ts[t].pos = (struct lay_pos){
			t < (int)a->ed->ntabs ? a->ed->tabs[t].first_q : -1, 0 };
	return true;
}

void app_free(struct app *a)
{
	ov_close_all(a);
	if (!a->s)
		return;
	if (a->edit.kind != EDIT_NONE)
		field_end(a);
	if (a->lay_ok)
		layout_free(&a->lay);
	worksheet_invalidate(a);
	mem_free(a->ts);
	mem_free(a->scr);
	a->ts = NULL;
	a->scr = NULL;
}

static SCREEN *term_open(char *err, size_t errlen)
{
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the full-screen workbook needs a terminal; "
		         "for scripts use apmwb set, get, check and show");
		return NULL;
	}
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		snprintf(err, errlen, "cannot use this terminal (TERM=%s)",
		         getenv("TERM") ? getenv("TERM") : "");
		return NULL;
	}
	set_escdelay(50);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	theme_init();
	return scr;
}

static void run(struct app *a)
{
	bool fkey = false;
	struct session *told = a->s;

	/* Long work (find, exports) draws its progress line and reads Esc. */
	if (told)
		tui_progress_start(a);
	while (!a->quit) {
		int ch;

		app_draw(a);
		ch = read_key(a, &fkey);
		app_dispatch(a, ch, fkey);
	}
	if (told)
		tui_progress_stop(a);
}

static void first_message(struct app *a)
{
	struct session *s = a->s;

	if (s->created)
		app_msg(a, R_NORMAL, "created %s: every answer is saved the "
		        "moment it is confirmed", store_path(s->st));
	else if (store_recovery(s->st) != STORE_RECOVERY_NONE)
		app_msg(a, R_WARN, "%s", store_recovery_text(s->st));
	else if (a->ro)
		app_msg(a, R_NORMAL, "review mode: read-only, nothing is written");
}

/* The first screen comes before the checks that read the whole file, so
 * a large worksheet shows at once; the keys wait for the checks (nothing
 * is written until they pass), and a file that fails them closes the
 * screen with why. */
static enum store_status check_first(struct app *a, char *err,
                                     size_t errlen)
{
	enum store_status rc;
	char shown[sizeof a->msg];
	enum role role = a->msg_role;

	snprintf(shown, sizeof shown, "%s", a->msg);
	app_msg(a, R_NORMAL, "checking %s: its pages and the worksheet's "
	        "totals %s Esc stops and closes", store_path(a->s->st), a->g->dot);
	app_draw(a);
	tui_progress_start(a);
	rc = session_check_workbook(a->s, err, errlen);
	tui_progress_stop(a);
	/* As it was: the open's own message, already made safe to show. */
	memcpy(a->msg, shown, sizeof shown);
	a->msg_role = role;
	return rc;
}

int tui_run(struct session *s, bool read_only, enum store_status *checked,
            char *err, size_t errlen)
{
	struct app a;
	SCREEN *scr;

	*checked = STORE_OK;
	memset(&a, 0, sizeof a);
	if (!(scr = term_open(err, errlen)))
		return -1;
	if (!app_init(&a, s, read_only)) {
		app_free(&a);
		endwin();
		delscreen(scr);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	resized(&a);
	first_message(&a);
	*checked = check_first(&a, err, errlen);
	if (*checked == STORE_OK)
		run(&a);
	app_free(&a);
	endwin();
	delscreen(scr);
	return *checked == STORE_OK ? 0 : -1;
}

int tui_run_new(const char *path, bool ask, struct session **out, char *err,
                size_t errlen)
{
	struct app a;
	SCREEN *scr;
	struct session *s = NULL;
	int r = 0;

	*out = NULL;
	memset(&a, 0, sizeof a);
	/* The terminal first: nothing is created for a workbook that cannot
	 * open. */
	if (!(scr = term_open(err, errlen)))
		return -1;
	a.new_path = path;
	if (!ask) {
		enum store_status rc = session_open(path, STORE_MODE_READ_WRITE,
		                                    true, &s, err, errlen);

		if (rc != STORE_OK || !app_init(&a, s, false)) {
			if (rc == STORE_OK)
				snprintf(err, errlen, "out of memory");
			r = -1;
		}
	}
	if (r == 0) {
		resized(&a);
		if (a.s)
			first_message(&a);
		run(&a);
		if (!a.s && a.msg[0]) {
			snprintf(err, errlen, "%s", a.msg);
			r = -1;
		}
	}
	*out = a.s ? a.s : s;
	app_free(&a);
	endwin();
	delscreen(scr);
	return r;
}
