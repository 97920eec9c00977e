/* SPDX-License-Identifier: MIT */
/* editline.h: editing text of several lines (no curses).
 *
 * Long answers (assumptions, "how do they vary") keep their own line
 * breaks, which libform's fields cannot tell from soft wraps, so they are
 * edited here: a UTF-8 buffer, a cursor, and soft wrapping at spaces for a
 * given width.  Wide characters count two columns (wrap_width).  Tested in
 * tests/check_tui_editline.c with CJK text. */
#ifndef APMWB_TUI_EDITLINE_H
#define APMWB_TUI_EDITLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct editline {
	char *buf;        /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;       /* byte offset of the cursor, at a character start */
	size_t max;       /* most bytes the text may take */
	int goal;         /* column kept by up and down, -1 when none */
};

/* A visual line: bytes [start, start + len) of the buffer. */
struct ed_vline {
	size_t start, len;
};

enum ed_op {
	ED_LEFT, ED_RIGHT, ED_HOME, ED_END, ED_UP, ED_DOWN,
	ED_BACKSPACE, ED_DELETE,
	ED_KILL_END,      /* to the end of the line (Ctrl-K) */
	ED_KILL_START,    /* to the start of the line (Ctrl-U) */
	ED_KILL_WORD      /* the word before the cursor (Ctrl-W) */
};

/* Starts with text (NULL: empty), the cursor at its end.  False when
 * memory runs out. */
bool editline_init(struct editline *e, const char *text, size_t max);
void editline_free(struct editline *e);

/* Inserts one character (a Unicode code point; '\n' for a new line) at the
 * cursor.  False when it would pass e->max or is not a character. */
bool editline_insert(struct editline *e, uint32_t cp);

/* Moves or deletes; width is the wrap width up and down move through. */
void editline_op(struct editline *e, enum ed_op op, int width);

/* Lays the text out in lines of at most width columns, breaking at spaces
 * where it can; writes up to max lines and returns how many there are. */
size_t editline_layout(const struct editline *e, int width,
                       struct ed_vline *out, size_t max);

/* The cursor's visual line and column. */
void editline_cursor(const struct editline *e, int width, int *row, int *col);

#endif
