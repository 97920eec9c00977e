/* SPDX-License-Identifier: MIT */
/* overlay.c: the boxes over the screen (pickers, help, the definitions),
 * kept as a stack in struct app.  The one input loop draws them after the
 * screen and gives each key to the one on top; nothing here reads keys,
 * so a resize, a redraw or quitting works the same with a box open. */
#include <config.h>

#include <string.h>

#include "ui.h"

struct overlay *ov_push(struct app *a)
{
	struct overlay *o;

	if (a->nov >= OV_MAX)
		return NULL;
	o = &a->ov[a->nov++];
	memset(o, 0, sizeof *o);
	return o;
}

void ov_pop(struct app *a)
{
	struct overlay *o;

	if (a->nov == 0)
		return;
	o = &a->ov[--a->nov];
	if (o->free)
		o->free(o);
	memset(o, 0, sizeof *o);
}

void ov_close_all(struct app *a)
{
	while (a->nov > 0)
		ov_pop(a);
}

void ov_frame(struct app *a, int y, int x, int h, int w, const char *title)
{
	char t[300];

	for (int i = 0; i < h; i++)
		ui_fill(stdscr, y + i, x, w, theme(R_NORMAL));
	wattrset(stdscr, theme(R_BOX));
	mvwaddch(stdscr, y, x, ACS_ULCORNER);
	mvwhline(stdscr, y, x + 1, ACS_HLINE, w - 2);
	mvwaddch(stdscr, y, x + w - 1, ACS_URCORNER);
	mvwvline(stdscr, y + 1, x, ACS_VLINE, h - 2);
	mvwvline(stdscr, y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvwaddch(stdscr, y + h - 1, x, ACS_LLCORNER);
	mvwhline(stdscr, y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvwaddch(stdscr, y + h - 1, x + w - 1, ACS_LRCORNER);
	wattrset(stdscr, A_NORMAL);
	(void)a;
	snprintf(t, sizeof t, " %s ", title);
	ui_put_stored(stdscr, y, x + 2, w - 4, t, theme(R_HEADING));
}
