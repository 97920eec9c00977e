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

#include "store.h"

struct session;

/* Runs the workbook on the terminal until the respondent quits, on a
 * session from session_open_workbook: its first screen is drawn, then
 * session_check_workbook runs under the screen's progress line before any
 * key is read (keys typed meanwhile wait).  With read_only (review mode)
 * every editing key is answered "read-only" and nothing is written.
 * Returns 0, or -1 with a message in err when the terminal cannot be
 * used (not a terminal, no such TERM) or the file failed its checks or
 * they were stopped; *checked is their status (STORE_OK when they did not
 * run). */
int tui_run(struct session *s, bool read_only, enum store_status *checked,
            char *err, size_t errlen);

/* The same for a file not there yet: once the terminal is known to work,
 * creates it and runs the workbook on it; with ask, first asks on screen
 * whether to (a name that looks like a mistyped command).  *out is the
 * session made, NULL when nothing was created (the caller closes it). */
int tui_run_new(const char *path, bool ask, struct session **out, char *err,
                size_t errlen);

#endif
