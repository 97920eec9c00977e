/* SPDX-License-Identifier: MIT */
/* ui.h: what the curses half of tui/ shares (never included outside tui/).
 *
 * One struct app holds the screen's state; each screen is a draw and a key
 * function over it (ncdu's shape).  Figures, checks and answers are the
 * session's: the screens only read them, and every change goes through the
 * session or the store and is followed by a refresh. */
#ifndef APMWB_TUI_UI_H
#define APMWB_TUI_UI_H

#include <curses.h>
#include <form.h>
#include <menu.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "answers.h"
#include "edition.h"
#include "editline.h"
#include "figures.h"
#include "glyphs.h"
#include "layout.h"
#include "nominal.h"
#include "session.h"

#define UI_MIN_W 80
#define UI_MIN_H 24
#define UI_TOP 3          /* title bar, tab titles, tab badges */
#define UI_BOTTOM 2       /* message line, status line */

/* ---- theme.c: a role per thing drawn, colour or not ---- */
enum role {
	R_NORMAL, R_TITLE, R_TAB, R_TAB_CUR, R_TAB_OFF, R_GOOD, R_BAD, R_WARN,
	R_HEADING, R_PROMPT, R_LABEL, R_VALUE, R_FIELD, R_COMPUTED, R_CURSOR,
	R_EDIT, R_DIM, R_KEY, R_MSG_ERR, R_BAR1, R_BAR2, R_BAR3, R_BAR4,
	R_BAR_NONE, R_BOX, R_NROLES
};
/* Colour unless NO_COLOR is set or the terminal has none. */
void theme_init(void);
attr_t theme(enum role r);
bool theme_color(void);

/* ---- draw.c: text on screen, clipped by display width ---- */
/* s must be clean (sanitised); clipped to w columns. Returns columns used. */
int ui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* The same, cut with an ellipsis when it does not fit. */
int ui_put_cut(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* Right-aligned so that it ends at column x + width - 1. */
void ui_put_right(WINDOW *w, int y, int x, int width, const char *s,
                  attr_t a);
/* A figure, right-aligned; one too wide for its column shows as ###
 * (as the spreadsheet does) rather than cut, so no figure is misread. */
void ui_put_num(WINDOW *w, int y, int x, int width, const char *s,
                attr_t a);
/* Stored text: sanitised first. */
int ui_put_stored(WINDOW *w, int y, int x, int width, const char *s,
                  attr_t a);
void ui_fill(WINDOW *w, int y, int x, int width, attr_t a);
/* Stored text wrapped into at most max_lines lines (the last cut with an
 * ellipsis when more is left); returns the lines used. */
int ui_put_wrapped(WINDOW *w, int y, int x, int width, int max_lines,
                   const char *s, attr_t a);
int ui_width(const char *s);

/* ---- the editor of one value ---- */
enum edit_kind {
	EDIT_NONE,
	EDIT_ANSWER,      /* a question's answer (libform, or editline) */
	EDIT_CELL,        /* a worksheet cell */
	EDIT_PROMPT       /* a line asked for: a reason, a name, a path */
};

/* What a prompt's confirmed text is for. */
enum prompt_for { P_ACK, P_SIGNOFF, P_EXPORT_PATH, P_FIND, P_GOTO };

struct edit {
	enum edit_kind kind;
	int q;                 /* EDIT_ANSWER */
	int col;               /* EDIT_CELL: the field (enum nr_field) */
	enum prompt_for pfor;  /* EDIT_PROMPT */
	char label[200];       /* EDIT_PROMPT: what is asked */
	bool multi;            /* long text: editline instead of libform */
	struct editline el;
	int el_top;            /* first visual line shown */
	FORM *form;
	FIELD *fld[2];
	WINDOW *win, *sub;
	int y, x, w, h;        /* where it sits on the screen */
	char *saved;           /* the value before editing (Esc restores) */
	char why[300];         /* why the typed text is refused, live */
	bool refused;          /* the last confirm was refused */
	size_t max;            /* most bytes (libform: characters) */
};

/* ---- the worksheet's page of contracts ---- */
#define WS_CACHE 256
struct wsview {
	int64_t count;         /* contracts in the worksheet */
	int64_t cur;           /* the cursor's row */
	int64_t top;           /* first row shown */
	int col;               /* the cursor's column (enum nr_field) */
	bool on_method;        /* the cursor is on nr.method, not the table */
	struct contract cache[WS_CACHE];
	int64_t cache_from;
	size_t cache_n;
	bool cache_ok;
	uint64_t cache_gen;    /* the session's gen the cache was read at */
	int rows;              /* table rows shown at the last draw */
	char find[128];        /* the last search */
};

/* ---- cross-checking tab ---- */
struct xcview {
	int cur;               /* focus: check items, then sign-off */
	int top;
};

/* ---- help ---- */
struct helpview {
	int cur, top;          /* Help tab: topic list */
};

struct tabstate {
	struct lay_pos pos;    /* the cursor's field, kept across resizes */
	int top;
};

struct app {
	struct session *s;
	bool ro;
	const struct edition *ed;
	const struct glyphs *g;
	bool utf8;
	int H, W;
	bool small;            /* window below UI_MIN_W x UI_MIN_H */
	int ntabs;             /* the edition's tabs, then Help */
	int tab;
	struct tabstate *ts;
	struct layout lay;     /* of the current question or metric tab */
	bool lay_ok;
	struct edit edit;
	/* What the screens show: the confirmed figures and checks, or while
	 * an answer is typed, the session's preview of it. */
	struct session_view view;
	uint64_t gen_seen;     /* the session's gen the screens follow */
	/* messages and state */
	char msg[600];
	enum role msg_role;
	time_t saved_at;
	bool save_failed;
	bool quit;
	bool confirm_delete;   /* waiting for y/n */
	int64_t confirm_id;
	struct wsview ws;
	struct xcview xc;
	struct helpview hv;
	int nr_tab, xc_tab, help_tab;
	int export_fmt;        /* the format chosen for the export asked for */
	bool confirm_replace;  /* waiting for y/n: replace export_path? */
	char export_path[1024];
};

/* ---- app.c ---- */
/* The figures and checks every screen shows (app->view). */
const struct figures *app_figures(const struct app *a);
const struct check_list *app_checks(const struct app *a);
/* Back to the confirmed figures (a preview ended). */
void app_view_saved(struct app *a);
void app_msg(struct app *a, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_saved(struct app *a);
void app_save_failed(struct app *a, const char *err);
/* "read-only" for an editing key in review mode; true when refused. */
bool app_refuse_ro(struct app *a);
void app_goto(struct app *a, int tab, int q);
bool app_tab_off(const struct app *a, int tab, char *why, size_t n);
void app_relayout(struct app *a);
void app_undo(struct app *a);
int app_body_h(const struct app *a);
/* tui_run's own steps, open to bench/'s harness, which drives the same
 * screens on a terminal of its own and measures one key at a time: the
 * state for a session (false: out of memory; app_free either way), one
 * whole screen drawn, one key handled. */
bool app_init(struct app *a, struct session *s, bool ro);
void app_free(struct app *a);
void app_draw(struct app *a);
void app_dispatch(struct app *a, int ch, bool fkey);

/* ---- field.c: editing one value in place ---- */
/* Starts editing: libform over (y, x, w), or the long-text editor over h
 * lines.  text is the starting text. */
bool field_begin(struct app *a, const char *text, int y, int x, int w, int h,
                 bool multi, size_t max);
/* Moves the editor (after a resize or a scroll). */
void field_place(struct app *a, int y, int x, int w, int h);
/* Feeds one key; returns the key when it ends or leaves the field (Enter,
 * Tab, Esc, arrows that leave), else 0. */
int field_key(struct app *a, int ch, bool fkey);
/* The text typed so far, trimmed of libform's padding (malloc'd). */
char *field_text(struct app *a);
void field_end(struct app *a);
void field_show(struct app *a);
/* Starts editing a question's answer at the given place. */
bool edit_answer(struct app *a, int q, const char *initial, int y, int x,
                 int w, int h);
/* Saves an answer picked directly (yes/no, a choice, a blank); true when
 * saved.  Says why not on the message line. */
bool edit_set(struct app *a, int q, const char *text);
/* Asks for a line of text on the message line. */
bool edit_prompt(struct app *a, enum prompt_for pf, const char *label,
                 const char *initial);
/* Handles a key while editing; true when it was used. */
bool edit_key(struct app *a, int ch, bool fkey);
/* Recomputes the live figures from the typed text. */
void edit_live(struct app *a);

/* ---- picker.c: libmenu pickers ---- */
/* A single choice: returns the chosen index, -1 blank, -2 cancelled. */
int picker_choice(struct app *a, const char *title, const char *const *items,
                  int n, int current, bool allow_blank);
/* Several choices (at most max, 0 = any): sel[] in and out; false when
 * cancelled. */
bool picker_multi(struct app *a, const char *title, const char *const *items,
                  int n, bool *sel, int max);

/* ---- screens ---- */
void tabbar_draw(struct app *a);
void status_draw(struct app *a);
void questions_draw(struct app *a);
bool questions_key(struct app *a, int ch, bool fkey);
void questions_place_edit(struct app *a);
void metrics_draw(struct app *a);
bool metrics_key(struct app *a, int ch, bool fkey);
void off_draw(struct app *a, const char *why);
void xcheck_draw(struct app *a);
bool xcheck_key(struct app *a, int ch, bool fkey);
void worksheet_draw(struct app *a);
bool worksheet_key(struct app *a, int ch, bool fkey);
void worksheet_invalidate(struct app *a);
void worksheet_cell_confirmed(struct app *a, const char *text, int ch,
                              bool fkey);
void helptab_draw(struct app *a);
bool helptab_key(struct app *a, int ch, bool fkey);
/* F1 / ? over a question (q -1: the tab's help). */
void help_field(struct app *a, int q);
void help_keys(struct app *a);
void help_definitions(struct app *a, const char *start);
void help_pager(struct app *a, const char *title, const char *text);
/* export.c */
void export_start(struct app *a);
void export_prompted(struct app *a, const char *path);
/* The answer to "replace it?"; false when no such question is open. */
bool export_confirm_key(struct app *a, int ch, bool fkey);
/* Writes the export chosen to path (replacing what is there). */
void export_write(struct app *a, const char *path);
/* wsfind.c: the worksheet's find (n, N) and go-to-row (:, then the
 * prompt's text) */
void wsfind_step(struct app *a, enum store_find_dir dir);
void wsfind_goto_prompt(struct app *a);
void wsfind_goto(struct app *a, const char *text);
/* progress.c: long work's progress line, Esc and Ctrl-C to stop it */
void tui_progress_start(struct app *a);
void tui_progress_stop(struct app *a);
/* The question under the cursor on the current tab, or -1. */
int app_current_q(const struct app *a);

/* The display text of an answer for a screen (not yet sanitised). */
void ui_answer_text(const struct app *a, int q, char *buf, size_t n);

#endif
