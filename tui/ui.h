/* SPDX-License-Identifier: MIT */
/* ui.h: what the curses half of tui/ shares (never included outside tui/).
 *
 * One struct app holds the screen's state; each screen is a draw and a key
 * function over it (ncdu's shape), and loop.c has a table of them per tab.
 * Figures, checks and answers are the session's: the screens only read
 * them, and every change goes through the session, whose gen tells the
 * screens to drop what they keep of the old figures.
 *
 * The files call downwards only, never back: loop.c calls the screens;
 * the screens call edit.c, picker.c, pager.c and app.c; those call field.c,
 * overlay.c and the drawing.  What a prompt or a picker is for comes back
 * through a callback its caller passes (tests/tui/shape.sh checks it). */
#ifndef APMWB_TUI_UI_H
#define APMWB_TUI_UI_H

#include <curses.h>
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

/* ---- keys.c: what a key means ---- */
#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27
/* Alt-1 .. Alt-9, read as ESC and a digit: codes past curses' own. */
#define KEY_ALT_DIGIT (KEY_MAX + 1)

/* How a key ends the editing of a field (LV_NONE: the editor uses it). */
enum leave {
	LV_NONE, LV_CANCEL, LV_QUIT_CANCEL, LV_STAY, LV_NEXT, LV_PREV, LV_UP,
	LV_DOWN, LV_PAGE_UP, LV_PAGE_DOWN, LV_QUIT, LV_HELP, LV_RESIZE
};
bool key_enter(int ch, bool fkey);
/* A key that types a character (not a control or function key). */
bool key_printable(int ch, bool fkey);
/* Whether a key on a field starts typing its value afresh (as in a
 * spreadsheet): on text any character but the tab keys; on a number one a
 * number can start with (so letters stay commands there). */
bool key_starts_text(int ch, bool fkey);
bool key_starts_number(int ch, bool fkey);
/* A typed character as UTF-8. */
void key_utf8(int ch, char out[8]);
/* The one list of the keys that leave a field; multi: long text, where
 * Enter and the arrows stay inside. */
enum leave key_leaves(int ch, bool fkey, bool multi);

/* ---- the editor of one value ---- */
enum edit_kind {
	EDIT_NONE,
	EDIT_ANSWER,      /* a question's answer */
	EDIT_CELL,        /* a worksheet cell */
	EDIT_PROMPT       /* a line asked for: a reason, a name, a path */
};

struct app;
/* What a cell's or a prompt's confirmed text goes to; how: the key that
 * confirmed it. */
typedef void (*edit_done_fn)(struct app *a, const char *text, enum leave how);

struct edit {
	enum edit_kind kind;
	int q;                 /* EDIT_ANSWER */
	int col;               /* EDIT_CELL: the field (enum nr_field) */
	edit_done_fn done;     /* EDIT_CELL, EDIT_PROMPT */
	char label[200];       /* EDIT_PROMPT: what is asked */
	bool multi;            /* long text: several lines */
	struct editline el;
	int top;               /* first line shown (multi), first column (one) */
	int y, x, w, h;        /* where it sits on the screen */
	char *saved;           /* the value before editing (Esc restores) */
	char why[300];         /* why the typed text is refused, live */
	bool refused;          /* the last confirm was refused */
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
	int64_t delete_id;     /* the contract a "delete?" asks about */
};

/* ---- cross-checking tab ---- */
struct xcview {
	int cur;               /* focus: check items, then sign-off */
	int top;
	char ack_id[128];      /* the warning a reason is asked for */
};

/* ---- help ---- */
struct helpview {
	int cur, top;          /* Help tab: topic list */
};

struct tabstate {
	struct lay_pos pos;    /* the cursor's field, kept across resizes */
	int top;
};

/* ---- boxes over the screen: a picker, a help text, the definitions ----
 * Each is a state of the one input loop: the loop draws the screen, then
 * the boxes over it, and gives each key to the box on top. */
struct pick_arg {
	int q, col;
	int64_t id;
};
/* A pick made: choice (-1 the blank "(no answer)"), marks of a multiple
 * choice; never called when the picker is left with Esc. */
typedef void (*pick_fn)(struct app *a, int choice, const bool *marks,
                        const struct pick_arg *arg);

struct pick {
	char title[200];
	char **names;          /* sanitised labels, then "(no answer)" */
	int n, nchoices;
	bool multi;
	int max;               /* multi: most marks, 0 any */
	bool *marks;
	int cur, top;
	bool refused;          /* the last mark passed max */
	pick_fn done;
	struct pick_arg arg;
};

struct pager {
	char title[200];
	char *text;            /* sanitised */
	char **lines;          /* text wrapped at wrap_w */
	int n, wrap_w, top;
};

struct defs {
	char search[64];
	int cur, top;
	int *hits, nhits;
	int shown;             /* rows shown at the last draw */
};

struct overlay;
typedef void (*ov_draw_fn)(struct app *a, struct overlay *o);
typedef void (*ov_key_fn)(struct app *a, struct overlay *o, int ch,
                          bool fkey);
typedef void (*ov_free_fn)(struct overlay *o);

struct overlay {
	ov_draw_fn draw;
	ov_key_fn key;
	ov_free_fn free;
	union {
		struct pick pk;
		struct pager pg;
		struct defs df;
	} u;
};
#define OV_MAX 4

/* A question answered with y (anything else says no). */
typedef void (*ask_fn)(struct app *a, bool yes);

struct screen;   /* loop.c: a tab's draw, key, place_edit and help */

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
	const struct screen **scr;  /* each tab's screen */
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
	ask_fn ask;            /* waiting for y or another key */
	struct overlay ov[OV_MAX];
	int nov;
	struct wsview ws;
	struct xcview xc;
	struct helpview hv;
	int nr_tab, xc_tab, help_tab;
	int export_fmt;        /* the format chosen for the export asked for */
	char export_path[1024];
	const char *new_path;  /* asking whether to create this file */
	bool created_here;     /* the session was made by the question */
};

/* ---- app.c: the state every screen shares ---- */
/* The figures and checks every screen shows (app->view). */
const struct figures *app_figures(const struct app *a);
const struct check_list *app_checks(const struct app *a);
/* Back to the confirmed figures (a preview ended). */
void app_view_saved(struct app *a);
/* The session saved a change (gen moved on): drop what is out of date. */
void app_follow_session(struct app *a);
/* -r FILE --against OLD: does question q differ from OLD?  Its mark in
 * the margin at column x when it does. */
bool app_differs(struct app *a, int q);
/* The same for computed figures: does any of "PREFIX.PART" differ?  Its
 * mark at column x when one does. */
/* Does any of the figures prefix.part (parts[0..n)) differ from the
 * older file?  False without one. */
bool app_figures_differ(struct app *a, const char *prefix,
                        const char *const *parts, int n);
void app_mark_figures(struct app *a, int y, int x, const char *prefix,
                      const char *const *parts, int n);
void app_mark_differs(struct app *a, int y, int x, int q);
void app_msg(struct app *a, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void app_saved(struct app *a);
void app_save_failed(struct app *a, const char *err);
/* "read-only" for an editing key in review mode; true when refused. */
bool app_refuse_ro(struct app *a);
/* Asks a yes/no question on the message line (msg says what). */
void app_ask(struct app *a, ask_fn fn);
void app_goto(struct app *a, int tab, int q);
bool app_tab_off(const struct app *a, int tab, char *why, size_t n);
bool app_is_question_tab(const struct app *a, int tab);
bool app_is_metric_tab(const struct app *a, int tab);
void app_relayout(struct app *a);
void app_undo(struct app *a);
int app_body_h(const struct app *a);
/* The question under the cursor on the current tab, or -1. */
int app_current_q(const struct app *a);
/* The display text of an answer for a screen (not yet sanitised). */
void ui_answer_text(const struct app *a, int q, char *buf, size_t n);

/* ---- loop.c: the one input loop ----
 * tui_run's own steps, open to bench/'s harness, which drives the same
 * screens on a terminal of its own and measures one key at a time: the
 * state for a session (false: out of memory; app_free either way), one
 * whole screen drawn, one key handled. */
bool app_init(struct app *a, struct session *s, bool ro);
void app_free(struct app *a);
void app_draw(struct app *a);
void app_dispatch(struct app *a, int ch, bool fkey);

/* ---- overlay.c: the boxes over the screen ---- */
/* A new box on top (NULL when OV_MAX are open); the caller sets its
 * draw, key and free. */
struct overlay *ov_push(struct app *a);
/* Closes the box on top. */
void ov_pop(struct app *a);
void ov_close_all(struct app *a);
/* The box frame over most of the screen: its place and inner size. */
void ov_frame(struct app *a, int y, int x, int h, int w, const char *title);

/* ---- field.c: editing one value in place ---- */
/* Starts editing text over (y, x, w), or over h lines for long text. */
bool field_begin(struct app *a, const char *text, int y, int x, int w, int h,
                 bool multi, size_t max);
/* Moves the editor (after a resize or a scroll). */
void field_place(struct app *a, int y, int x, int w, int h);
/* Feeds one key: LV_NONE when the editor used it, else how it leaves. */
enum leave field_key(struct app *a, int ch, bool fkey);
/* The text typed so far. */
const char *field_text(const struct app *a);
void field_end(struct app *a);
void field_show(struct app *a);

/* ---- edit.c: what typed text is for ---- */
/* Starts editing a question's answer at the given place. */
bool edit_answer(struct app *a, int q, const char *initial, int y, int x,
                 int w, int h);
/* Starts editing a worksheet cell (placed by its screen), or a line asked
 * for on the message line; done gets the confirmed text. */
bool edit_cell(struct app *a, int col, const char *initial, size_t max,
               edit_done_fn done);
bool edit_prompt(struct app *a, const char *label, const char *initial,
                 edit_done_fn done);
/* Saves an answer picked directly (yes/no, a choice, a blank); true when
 * saved.  Says why not on the message line. */
bool edit_set(struct app *a, int q, const char *text);
/* Why typed text is refused, on the message line: the reason first and
 * whole after the value as typed ("\"12.345\" has more than two
 * decimals ..."); typing: said while it is typed, not yet refused. */
void edit_refusal(struct app *a, const char *text, const char *why,
                  bool typing);
/* Whether a key on question q's field starts typing it afresh. */
bool edit_starts(const struct app *a, const struct question *q, int ch,
                 bool fkey);
/* Handles a key while editing; false when it is not the editor's (help,
 * a resize, a page key after saving): the loop then handles it. */
bool edit_key(struct app *a, int ch, bool fkey);
/* Recomputes the live figures from the typed text. */
void edit_live(struct app *a);

/* ---- picker.c: choosing from a list, in a box ---- */
/* One choice (allow_blank adds "(no answer)"), or several (at most max,
 * 0 any) with sel[] the marks to start from; done gets the pick. */
void picker_choice(struct app *a, const char *title, const char *const *items,
                   int n, int current, bool allow_blank, pick_fn done,
                   const struct pick_arg *arg);
void picker_multi(struct app *a, const char *title, const char *const *items,
                  int n, const bool *sel, int max, pick_fn done,
                  const struct pick_arg *arg);

/* ---- pager.c: a help text, the definitions ---- */
void pager_open(struct app *a, const char *title, const char *text);
/* The searchable list of every definition, with start typed in. */
void defs_open(struct app *a, const char *start);

/* ---- the screens: each a draw and a key function over struct app ---- */
void tabbar_draw(struct app *a);
void status_draw(struct app *a);
/* The message line, drawn over the screen (a long one takes two lines). */
void message_draw(struct app *a);
void questions_draw(struct app *a);
bool questions_key(struct app *a, int ch, bool fkey);
void questions_place_edit(struct app *a);
void metrics_draw(struct app *a);
bool metrics_key(struct app *a, int ch, bool fkey);
void off_draw(struct app *a, const char *why);
void xcheck_draw(struct app *a);
bool xcheck_key(struct app *a, int ch, bool fkey);
void xcheck_help(struct app *a);
/* wsrows.c: the worksheet's rows a page at a time, and finding */
/* Reads rows [from, from + n) into the page, unless it holds them. */
void ws_page(struct app *a, int64_t from, int64_t n);
/* Row i's contract, or NULL (past the end, or unreadable: the message
 * line says why). */
const struct contract *ws_row(struct app *a, int64_t i);
void ws_cell_text(const struct edition *ed, const struct contract *c, int f,
                  char *buf, size_t n);
void ws_dollars_text(int64_t cents, char *buf, size_t n);
/* A risk percentage as the worksheet's columns show it: exact, at least
 * one decimal, no trailing zero past that ("1.5", "3.75", "12.125"), its
 * point lined up with the column's: ws_pct_decimals counts a text's
 * decimals, ws_pct_align pads it on the right to dec of them. */
int ws_pct_decimals(const char *text);
void ws_pct_align(char *buf, size_t n, int dec);
/* The row of the next (dir 1) or previous (dir -1) contract from row
 * `from` whose label holds needle, going round the end; -1 for none. */
/* wssum.c: the summary under the worksheet: the rows it takes, drawn */
int ws_summary_height(const struct app *a);
void ws_summary_draw(struct app *a, int y);
void worksheet_draw(struct app *a);
bool worksheet_key(struct app *a, int ch, bool fkey);
void worksheet_help(struct app *a);
void worksheet_invalidate(struct app *a);
void helptab_draw(struct app *a);
bool helptab_key(struct app *a, int ch, bool fkey);
/* F1 / ? over a question (q -1: the tab's help). */
void help_field(struct app *a, int q);
void help_keys(struct app *a);
/* export.c: the export key */
void export_start(struct app *a);
/* wsfind.c: the worksheet's find (next, previous) and go-to-row */
void wsfind_step(struct app *a, enum store_find_dir dir);
void wsfind_goto_prompt(struct app *a);
void wsfind_goto(struct app *a, const char *text);
/* progress.c: long work's progress line, Esc and Ctrl-C to stop it */
void tui_progress_start(struct app *a);
void tui_progress_stop(struct app *a);

#endif
