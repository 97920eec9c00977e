/* SPDX-License-Identifier: MIT */
/* theme.c: how each role looks, in colour and in monochrome.
 *
 * Every role has a monochrome attribute, so nothing is told by colour
 * alone; colour is added only when the terminal has it and NO_COLOR is not
 * set (ncurses itself ignores NO_COLOR). */
#include <config.h>

#include <stdlib.h>

#include "ui.h"

static attr_t attrs[R_NROLES];
static bool with_color;

static const attr_t mono[R_NROLES] = {
	[R_NORMAL] = A_NORMAL,
	[R_TITLE] = A_REVERSE,
	[R_TAB] = A_NORMAL,
	[R_TAB_CUR] = A_REVERSE | A_BOLD,
	[R_TAB_OFF] = A_DIM,
	[R_GOOD] = A_NORMAL,
	[R_BAD] = A_BOLD,
	[R_WARN] = A_BOLD,
	[R_HEADING] = A_BOLD,
	[R_PROMPT] = A_NORMAL,
	[R_LABEL] = A_NORMAL,
	[R_VALUE] = A_BOLD,
	[R_FIELD] = A_UNDERLINE,
	[R_COMPUTED] = A_NORMAL,
	[R_CURSOR] = A_REVERSE,
	[R_EDIT] = A_UNDERLINE | A_BOLD,
	[R_DIM] = A_DIM,
	[R_KEY] = A_BOLD,
	[R_MSG_ERR] = A_BOLD | A_REVERSE,
	[R_BAR1] = A_NORMAL,
	[R_BAR2] = A_NORMAL,
	[R_BAR3] = A_NORMAL,
	[R_BAR4] = A_NORMAL,
	[R_BAR_NONE] = A_DIM,
	[R_BOX] = A_NORMAL,
};

/* Colour pairs: foreground on the terminal's own background. */
static const struct {
	enum role r;
	short fg, bg;
	attr_t extra;
} colored[] = {
	{ R_TITLE, COLOR_BLACK, COLOR_CYAN, 0 },
	{ R_TAB_CUR, COLOR_BLACK, COLOR_CYAN, A_BOLD },
	{ R_GOOD, COLOR_GREEN, -1, 0 },
	{ R_BAD, COLOR_RED, -1, A_BOLD },
	{ R_WARN, COLOR_YELLOW, -1, A_BOLD },
	{ R_HEADING, COLOR_CYAN, -1, A_BOLD },
	{ R_MSG_ERR, COLOR_WHITE, COLOR_RED, A_BOLD },
	{ R_BAR1, COLOR_WHITE, -1, 0 },
	{ R_BAR2, COLOR_YELLOW, -1, 0 },
	{ R_BAR3, COLOR_CYAN, -1, 0 },
	{ R_BAR4, COLOR_GREEN, -1, 0 },
	{ R_BOX, COLOR_CYAN, -1, 0 },
	{ R_EDIT, COLOR_WHITE, COLOR_BLUE, A_BOLD },
};

void theme_init(void)
{
	const char *nc = getenv("NO_COLOR");

	for (int r = 0; r < R_NROLES; r++)
		attrs[r] = mono[r];
	with_color = !(nc && *nc) && has_colors();
	if (!with_color)
		return;
	start_color();
	use_default_colors();
	for (size_t i = 0; i < sizeof colored / sizeof colored[0]; i++) {
		short pair = (short)(i + 1);

		if (pair >= COLOR_PAIRS)
			break;
		init_pair(pair, colored[i].fg, colored[i].bg);
		attrs[colored[i].r] = COLOR_PAIR(pair) | colored[i].extra;
	}
}

attr_t theme(enum role r)
{
	return r >= 0 && r < R_NROLES ? attrs[r] : A_NORMAL;
}

bool theme_color(void)
{
	return with_color;
}
