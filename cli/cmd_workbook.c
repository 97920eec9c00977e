/* SPDX-License-Identifier: MIT */
/* cmd_workbook.c: bare `apmwb [-r] [FILE]`: the full-screen workbook. */
#include <config.h>

#include <stdio.h>

#include "tui.h"
#include "cli.h"

int cmd_workbook(const char *path, bool read_only, const char *against)
{
	struct session *s;
	char err[1024];
	enum store_status rc;
	int r;

	/* The checks before the first screen tell on stderr; the screen
	 * then shows its own. */
	cli_progress_start();
	/* A file compared with an older one must be there already. */
	rc = session_open(path, read_only ? STORE_MODE_READ_ONLY :
	                  STORE_MODE_READ_WRITE, !read_only && !against, &s,
	                  err, sizeof err);
	if (rc != STORE_OK) {
		cli_error("%s", err);
		return cli_exit_for(rc);
	}
	/* A reviewer must never be shown totals the contracts do not add up
	 * to (an editor's open has checked the pages already). */
	rc = store_verify(s->st, (read_only ? STORE_VERIFY_PAGES : 0) |
	                  STORE_VERIFY_TOTALS, err, sizeof err);
	cli_progress_clear();
	session_set_progress(s, NULL, NULL);
	if (rc != STORE_OK) {
		cli_error("%s", err);
		session_close(s);
		return EXIT_TROUBLE;
	}
	/* The older file is read before the screen starts, so a file that
	 * cannot be read is said on the command line, with nothing drawn. */
	if (against &&
	    (rc = session_against(s, against, err, sizeof err)) != STORE_OK) {
		cli_error("%s", err);
		session_close(s);
		return cli_exit_for(rc);
	}
	r = tui_run(s, read_only, err, sizeof err);
	if (r != 0) {
		cli_error("%s", err);
		if (s->created)
			cli_note("created %s (2020 edition, mode 0600)", path);
	}
	session_close(s);
	return r == 0 ? EXIT_DONE : EXIT_TROUBLE;
}
