/* SPDX-License-Identifier: MIT */
/* texts.h: the words the screens share, made from figures (no curses).
 *
 * Each function writes one line of plain text; the screens only place and
 * colour them.  Tested on their own in tests/check_tui_texts.c. */
#ifndef APMWB_TUI_TEXTS_H
#define APMWB_TUI_TEXTS_H

#include <stdbool.h>
#include <stddef.h>

#include "figures.h"
#include "glyphs.h"

/* The overall check state for the status line, one phrase per selected
 * line: "Commercial ok · MA short by $1,200.00 · Medicaid: row 1 blank";
 * "no line of business selected" when there is none. */
void texts_xc_summary(const struct edition *ed,
                      const struct xcheck xc[LOB_COUNT], const char *sep,
                      char *buf, size_t n);

/* One line's state alone: "ok", "short by $340,000,000.00",
 * "over by $1.00", "row 1 blank", "too large to add". */
void texts_xc_state(const struct xcheck *x, char *buf, size_t n);

/* A tab's badge: progress and check glyph ("7/9", "9/9 ✓", "9/9 ✗",
 * "off"), and the glyph alone for a narrow tab bar. */
void texts_tab_badge(const struct tab_progress *p, int errors, int warnings,
                     bool off, const struct glyphs *g, char *badge,
                     size_t nb, char *glyph, size_t ng);

/* A share for a screen: "16.0%", or "n/a" when not computable. */
void texts_share(const struct share_fig *s, char *buf, size_t n);

/* Dollars for a screen: "$1,234.50", or "" when blank. */
void texts_money(const struct money_fig *m, char *buf, size_t n);

/* "1 error", "3 warnings", "" for none. */
void texts_count(size_t n, const char *one, const char *many, char *buf,
                 size_t len);

/* An edition's text in '|'-separated parts (a metric tab's short section
 * heading, "Category 1|not linked to quality") as one line, the parts
 * joined by sep: "Category 1 · not linked to quality"; cut to fit n. */
void texts_parts(const char *text, const char *sep, char *buf, size_t n);

#endif
