/* cmd_workbook.c: bare `apmwb [-r] [FILE]`. */
#include <config.h>

#include <stdio.h>

#include "cli.h"

int cmd_workbook(const char *path, bool read_only)
{
	struct session *s;
	char err[1024];
	enum store_status rc;

	rc = session_open(path, read_only ? STORE_MODE_READ_ONLY :
	                  STORE_MODE_READ_WRITE, !read_only, &s, err, sizeof err);
	if (rc != STORE_OK) {
		cli_error("%s", err);
		return EXIT_TROUBLE;
	}
	if (s->created)
		cli_note("created %s (2020 edition, mode 0600)", path);
	cli_note("the full-screen workbook is not built yet; use apmwb set, "
	         "get, check and show on %s meanwhile", path);
	session_close(s);
	return EXIT_DONE;
}
