/* SPDX-License-Identifier: MIT */
/* wsfind.c: getting about a large worksheet: find a label (/ or ^F), its
 * next and previous match (n, N or F3, Shift-F3), and go to a row by its
 * number (: or ^G).
 *
 * Find asks the session for the nearest match after (or before) the
 * cursor, going round the end once; the file's rows are never all read
 * into the screen.  On a large worksheet it shows its progress and Esc
 * stops it (progress.c), the cursor staying where it was. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "sanitize.h"
#include "ui.h"

void wsfind_step(struct app *a, enum store_find_dir dir)
{
	struct wsview *w = &a->ws;
	struct store_found f;
	enum store_status rc;
	char err[300], label[300];

	if (!w->find[0]) {
		app_msg(a, R_DIM, "/ finds a contract by its label");
		return;
	}
	sanitize_text(w->find, 0, label, sizeof label);
	rc = session_find(a->s, w->find, w->count ? w->cur : -1, dir, &f, err,
	                  sizeof err);
	if (rc == STORE_INTERRUPTED) {
		app_msg(a, R_WARN, "find stopped; the cursor stays on row %lld",
		        (long long)(w->cur + 1));
		return;
	}
	if (rc != STORE_OK) {
		app_msg(a, R_MSG_ERR, "%s", err);
		return;
	}
	if (f.pos < 0) {
		app_msg(a, R_WARN, "no contract's label holds \"%s\"", label);
		return;
	}
	w->cur = f.pos;
	w->on_method = false;
	app_msg(a, R_NORMAL, "row %lld%s %s F3 (n) the next, Shift-F3 (N) the "
	        "one before",
	        (long long)(f.pos + 1), !f.wrapped ? "" :
	        dir == STORE_FIND_NEXT ? " (from the top)" : " (from the bottom)",
	        a->g->dot);
}

static void row_typed(struct app *a, const char *text, enum leave how)
{
	(void)how;
	wsfind_goto(a, text);
}

void wsfind_goto_prompt(struct app *a)
{
	char label[80];

	if (a->ws.count <= 0) {
		app_msg(a, R_DIM, "no contracts yet: a adds one");
		return;
	}
	snprintf(label, sizeof label, "Go to row (1-%lld):",
	         (long long)a->ws.count);
	edit_prompt(a, label, NULL, row_typed);
}

void wsfind_goto(struct app *a, const char *text)
{
	struct wsview *w = &a->ws;
	char *end = NULL;
	long long row;

	errno = 0;
	row = strtoll(text, &end, 10);
	while (end && *end == ' ')
		end++;
	if (!*text || errno || !end || *end || row < 1 || row > w->count) {
		char shown[64];

		sanitize_text(text, 0, shown, sizeof shown);
		app_msg(a, R_WARN, "no row \"%s\": the rows are 1 to %lld", shown,
		        (long long)w->count);
		return;
	}
	w->cur = row - 1;
	w->on_method = false;
	a->msg[0] = '\0';    /* the footer says "row N of M" */
}
