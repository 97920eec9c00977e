/* SPDX-License-Identifier: MIT */
/* main.c: apmwb's command line: the table of commands, and bare apmwb. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "edition.h"
#include "session.h"

static void usage(FILE *out)
{
	fputs("Usage: apmwb [-r] [--against OLD] [FILE]\n"
	      "       apmwb COMMAND FILE [ARGS...]\n"
	      "Fill in, check, review and export the LAN APM National Data "
	      "Collection\nMetrics workbook (CMS-10620, 2020 edition).\n\n"
	      "With no COMMAND, opens FILE (default: submission.apmwb, created "
	      "if missing)\nin the full-screen workbook.\n\n"
	      "  -r, --read-only   review mode: the same screens, nothing written\n"
	      "      --against OLD mark every answer and figure that differs from\n"
	      "                    the older submission OLD (read, never written)\n"
	      "  -h, --help        show this help and exit\n"
	      "  -V, --version     show the version and exit\n\n"
	      "Commands:\n", out);
	cli_commands_help(out);
	fputs("\nExit status: 0 done, 1 problems found or a value refused, "
	      "2 could not run.\n"
	      "`apmwb COMMAND --help` says more; `man apmwb` says everything.\n",
	      out);
	fprintf(out, "\nReport bugs to: <%s>\n%s home page: <%s>\n",
	        PACKAGE_BUGREPORT, PACKAGE_NAME, PACKAGE_URL);
}

/* As GNU programs print it: what, whose, under which licence, no warranty. */
static void version(void)
{
	printf("apmwb %s\n", PACKAGE_VERSION);
	fputs("Copyright (C) 2026 the apmwb authors.\n"
	      "License MIT (Expat): <https://spdx.org/licenses/MIT.html>.\n"
	      "This is free software: you are free to change and redistribute "
	      "it.\n"
	      "There is NO WARRANTY, to the extent permitted by law.\n",
	      stdout);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "read-only", no_argument, NULL, 'r' },
		{ "against", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool read_only = false;
	const char *against = NULL;
	int c;

	/* LC_CTYPE only: UTF-8 text, but numbers keep their decimal point. */
	setlocale(LC_CTYPE, "");
	/* A file of the program's own edition is not read for it again. */
	session_use_edition(edition_builtin());
	if (argc > 1 && cli_find(argv[1]))
		return cli_run(argc - 1, argv + 1);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "rhV", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			read_only = true;
			break;
		case 'a':
			against = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_DONE;
		case 'V':
			version();
			return EXIT_DONE;
		default:
			if (optopt == 'a') {
				cli_error("--against needs the older file to "
				          "compare with; see apmwb --help");
				return EXIT_TROUBLE;
			}
			cli_error("unknown option '%s'; see apmwb --help",
			          argv[optind - 1]);
			return EXIT_TROUBLE;
		}
	}
	if (argc - optind > 1) {
		cli_error("'%s' is not a command; see apmwb --help", argv[optind]);
		return EXIT_TROUBLE;
	}
	return cmd_workbook(optind < argc ? argv[optind] : "submission.apmwb",
	                    read_only, against);
}
