/* SPDX-License-Identifier: MIT */
/* keys.c: what a key means wherever it is read: Enter, a character that
 * types, and the one list of the keys that leave a field being edited. */
#include <config.h>

#include "ui.h"

bool key_enter(int ch, bool fkey)
{
	return fkey ? ch == KEY_ENTER : ch == '\r' || ch == '\n';
}

bool key_printable(int ch, bool fkey)
{
	return !fkey && ch >= 0x20 && ch != 127;
}

bool key_starts_text(int ch, bool fkey)
{
	/* ] and [ go to the next and previous tab from every field. */
	return key_printable(ch, fkey) && ch != ']' && ch != '[';
}

bool key_starts_number(int ch, bool fkey)
{
	return !fkey && ((ch >= '0' && ch <= '9') || ch == '$' || ch == '.' ||
	                 ch == '-' || ch == '+' || ch == ',');
}

void key_utf8(int ch, char out[8])
{
	unsigned c = (unsigned)ch;

	if (c < 0x80) {
		out[0] = (char)c;
		out[1] = '\0';
	} else if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		out[2] = '\0';
	} else if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		out[3] = '\0';
	} else {
		out[0] = (char)(0xf0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[3] = (char)(0x80 | (c & 0x3f));
		out[4] = '\0';
	}
}

/* The keys that end editing, and how.  Enter and the vertical arrows move
 * within long text, so they leave a one-line field only. */
static const struct {
	int ch;
	bool fkey;
	bool one_line;
	enum leave how;
} leaving[] = {
	{ KEY_ESC, false, false, LV_CANCEL },
	{ CTRL('c'), false, false, LV_QUIT_CANCEL },
	{ '\t', false, false, LV_NEXT },
	{ CTRL('s'), false, false, LV_STAY },
	{ '\r', false, true, LV_NEXT },
	{ '\n', false, true, LV_NEXT },
	{ KEY_ENTER, true, true, LV_NEXT },
	{ KEY_UP, true, true, LV_UP },
	{ KEY_DOWN, true, true, LV_DOWN },
	{ KEY_BTAB, true, false, LV_PREV },
	{ KEY_PPAGE, true, false, LV_PAGE_UP },
	{ KEY_NPAGE, true, false, LV_PAGE_DOWN },
	{ KEY_F(2), true, false, LV_STAY },
	{ KEY_F(10), true, false, LV_QUIT },
	{ KEY_F(1), true, false, LV_HELP },
	{ KEY_RESIZE, true, false, LV_RESIZE },
};

enum leave key_leaves(int ch, bool fkey, bool multi)
{
	for (size_t i = 0; i < sizeof leaving / sizeof leaving[0]; i++)
		if (leaving[i].ch == ch && leaving[i].fkey == fkey &&
		    (!multi || !leaving[i].one_line))
			return leaving[i].how;
	return LV_NONE;
}
