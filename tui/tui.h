/* SPDX-License-Identifier: MIT */
/* tui.h: the full-screen workbook, the only door into tui/.
 *
 * The rest of the program never includes curses: it opens a session and
 * hands it over here.  Every answer is saved through the session the
 * moment it is confirmed, so there is nothing to save on the way out. */
#ifndef APMWB_TUI_H
#define APMWB_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct session;

/* Runs the workbook on the terminal until the respondent quits.  With
 * read_only (review mode) every editing key is answered "read-only" and
 * nothing is written.  Returns 0, or -1 with a message in err when the
 * terminal cannot be used (not a terminal, no such TERM). */
int tui_run(struct session *s, bool read_only, char *err, size_t errlen);

/* The same for a file not there yet: once the terminal is known to work,
 * creates it and runs the workbook on it; with ask, first asks on screen
 * whether to (a name that looks like a mistyped command).  *out is the
 * session made, NULL when nothing was created (the caller closes it). */
int tui_run_new(const char *path, bool ask, struct session **out, char *err,
                size_t errlen);

#endif
