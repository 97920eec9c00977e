/* SPDX-License-Identifier: MIT */
/* glyphs.h: the few symbols the screens draw, with plain ASCII stand-ins
 * for terminals whose locale is not UTF-8 (no curses here). */
#ifndef APMWB_TUI_GLYPHS_H
#define APMWB_TUI_GLYPHS_H

#include <stdbool.h>

struct glyphs {
	const char *ok, *bad, *warn, *ellipsis, *dot, *hline, *vline;
	const char *cursor, *computed, *bar[5];
	const char *differs;  /* an answer that differs from an older file */
	const char *box[6];   /* corners tl tr bl br, then horizontal, vertical */
};

/* The UTF-8 set, or the ASCII one. */
const struct glyphs *glyphs_get(bool utf8);

#endif
