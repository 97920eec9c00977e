/* SPDX-License-Identifier: MIT */
/* cmd_workbook.c: bare `apmwb [-r] [FILE]`: the full-screen workbook. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tui.h"
#include "cli.h"

/* A new name that is more likely a mistyped command than a submission:
 * one without the .apmwb ending, or a command's own name. */
static bool looks_mistyped(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	return cli_find(base) || n <= 6 || strcmp(base + n - 6, ".apmwb") != 0;
}

/* A file not there yet: made only once the workbook can open, and for a
 * name that looks mistyped only when the respondent says so on screen. */
static int workbook_new(const char *path)
{
	struct session *s = NULL;
	char err[1024];
	int r = tui_run_new(path, looks_mistyped(path), &s, err, sizeof err);

	if (r != 0) {
		cli_error("%s", err);
		cli_note("nothing was created; `apmwb new %s` creates an empty "
		         "submission of that name", path);
	} else if (!s) {
		cli_note("%s: not created", path);
	}
	if (s)
		session_close(s);
	return r == 0 ? EXIT_DONE : EXIT_TROUBLE;
}

int cmd_workbook(const char *path, bool read_only, const char *against)
{
	struct session *s;
	struct stat sb;
	char err[1024];
	enum store_status rc;
	int r;

	/* Long work of the open (an older file brought up to date) tells on
	 * stderr; the screen shows its own, for the checks that follow. */
	cli_progress_start();
	/* A file compared with an older one must be there already. */
	if (!read_only && !against && stat(path, &sb) != 0 && errno == ENOENT)
		return workbook_new(path);
	rc = session_open_workbook(path, read_only, &s, err, sizeof err);
	cli_progress_clear();
	if (rc != STORE_OK) {
		cli_error("%s", err);
		return cli_exit_for(rc);
	}
	session_set_progress(s, NULL, NULL);
	/* The older file is read before the screen starts, so a file that
	 * cannot be read is said on the command line, with nothing drawn. */
	if (against &&
	    (rc = session_against(s, against, err, sizeof err)) != STORE_OK) {
		cli_error("%s", err);
		session_close(s);
		return cli_exit_for(rc);
	}
	r = tui_run(s, read_only, &rc, err, sizeof err);
	if (r != 0)
		cli_error("%s", err);
	session_close(s);
	if (rc != STORE_OK)
		return cli_exit_for(rc);
	return r == 0 ? EXIT_DONE : EXIT_TROUBLE;
}
