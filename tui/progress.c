/* SPDX-License-Identifier: MIT */
/* progress.c: long work on the full screen: a progress line, and Esc or
 * Ctrl-C to stop it.
 *
 * The session tells how far find, an export of the worksheet or a check
 * of every contract has got (app/session.h).  Once the work has run half
 * a second the message line shows it, "finding: 412,000 of 1,000,000
 * contracts (41%), about 1 s left · Esc stops", redrawn at most five times
 * a second.  At every report the keys typed meanwhile are looked at: Esc
 * or Ctrl-C (raw mode makes it a key, not a signal) asks the work to stop,
 * and it rolls back, so the file is as it was before it began.  Any other
 * key is put back, in order, for when the work is done, an Esc sent with
 * the key after it (Alt-2) too: typing ahead loses nothing. */
#include <config.h>


#include "ui.h"

/* Keys looked at in one report; more wait for the next. */
#define PEEK_MAX 64

static struct {
	struct app *a;
	bool started;          /* the current work's first report is in */
	bool stopped;          /* Esc or Ctrl-C seen in the current work */
	int64_t start_ms, drawn_ms;
} pr;

/* Reads what was typed without waiting: true when Esc or Ctrl-C is among
 * it.  The other keys go back in the order they came. */
static bool stop_typed(void)
{
	struct { int rc; wint_t ch; } keys[PEEK_MAX];
	int n = 0;
	bool stop = false;

	nodelay(stdscr, TRUE);
	while (n < PEEK_MAX) {
		wint_t ch;
		int rc = wget_wch(stdscr, &ch);

		if (rc == ERR)
			break;
		if (rc == OK && ch == 27 && n + 1 < PEEK_MAX) {
			wint_t next;
			int nrc = wget_wch(stdscr, &next);

			/* What came with the Esc was sent with it (Alt and a
			 * key, as read_key reads them): kept, not a stop. */
			if (nrc != ERR && !(nrc == OK && (next == 27 || next == 3))) {
				keys[n].rc = rc;
				keys[n++].ch = ch;
				keys[n].rc = nrc;
				keys[n++].ch = next;
				continue;
			}
		}
		if (rc == OK && (ch == 27 || ch == 3)) {
			stop = true;
			continue;
		}
		keys[n].rc = rc;
		keys[n].ch = ch;
		n++;
	}
	nodelay(stdscr, FALSE);
	/* ncurses takes keys back last first. */
	while (n-- > 0) {
		if (keys[n].rc == KEY_CODE_YES)
			ungetch((int)keys[n].ch);
		else
			unget_wch((wchar_t)keys[n].ch);
	}
	return stop;
}

static void draw(const struct store_progress *p, int64_t elapsed)
{
	struct app *a = pr.a;
	char line[300], text[256];

	/* The terminal's size now: a resize read meanwhile waits in the
	 * keys for the screen to lay itself out again. */
	int h = getmaxy(stdscr), w = getmaxx(stdscr);

	session_progress_text(text, sizeof text, p, elapsed);
	snprintf(line, sizeof line, "%s %s Esc stops", text, a->g->dot);
	if (h < 2 || w < 3)
		return;
	ui_fill(stdscr, h - 2, 0, w, theme(R_NORMAL));
	ui_put_cut(stdscr, h - 2, 1, w - 2, line, theme(R_PROMPT));
	refresh();
}

static bool told(void *ctx, const struct store_progress *p)
{
	int64_t now = session_clock_ms();

	(void)ctx;
	if (p->finished) {
		bool go = !pr.stopped;

		pr.started = false;
		pr.stopped = false;
		return go;
	}
	if (!pr.started) {
		pr.started = true;
		pr.stopped = false;
		pr.start_ms = now;
		pr.drawn_ms = 0;
	}
	if (!pr.stopped && stop_typed())
		pr.stopped = true;
	if (!pr.stopped && pr.a && now - pr.start_ms >= 500 &&
	    now - pr.drawn_ms >= 200) {
		draw(p, now - pr.start_ms);
		pr.drawn_ms = now;
	}
	return !pr.stopped;
}

void tui_progress_start(struct app *a)
{
	pr.a = a;
	pr.started = false;
	pr.stopped = false;
	session_set_progress(a->s, told, NULL);
}

void tui_progress_stop(struct app *a)
{
	session_set_progress(a->s, NULL, NULL);
	pr.a = NULL;
}
