/* SPDX-License-Identifier: MIT */
/* main.c: apmwb's command line. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "new", cmd_new },
	{ "set", cmd_set },
	{ "get", cmd_get },
	{ "import", cmd_import },
	{ "check", cmd_check },
	{ "show", cmd_show },
	{ "export", cmd_export },
	{ "complete", cmd_complete },
	{ "ack", cmd_ack },
	{ "log", cmd_log },
	{ "undo", cmd_undo },
	{ "aggregate", cmd_aggregate },
	{ "diff", cmd_diff },
	{ "keys", cmd_keys },
};

static void usage(FILE *out)
{
	fputs("Usage: apmwb [-r] [FILE]\n"
	      "       apmwb COMMAND FILE [ARGS...]\n"
	      "Fill in, check, review and export the LAN APM National Data "
	      "Collection\nMetrics workbook (CMS-10620, 2020 edition).\n\n"
	      "With no COMMAND, opens FILE (default: submission.apmwb, created "
	      "if missing)\nin the full-screen workbook.\n\n"
	      "  -r, --read-only   review mode: the same screens, nothing written\n"
	      "  -h, --help        show this help and exit\n"
	      "  -V, --version     show the version and exit\n\n"
	      "Commands:\n"
	      "  new FILE                       create an empty submission\n"
	      "  set FILE KEY VALUE...          save one answer (\"\" makes it blank)\n"
	      "  get FILE KEY                   print an answer or computed figure\n"
	      "  import FILE SOURCE             answers from JSON, or contracts from CSV\n"
	      "  check FILE                     every cross-check and validation message\n"
	      "  show FILE                      the copy sheet, in the online survey's order\n"
	      "  export --format FMT FILE       json, csv, qualtrics or contracts\n"
	      "  complete FILE --by NAME        sign off (refused while errors remain)\n"
	      "  ack FILE CHECK REASON          acknowledge a warning (\"\" withdraws)\n"
	      "  log FILE                       the history of changes\n"
	      "  undo FILE                      undo the last change\n"
	      "  aggregate [--format F] FILE... national figures from many "
	      "submissions\n"
	      "  diff [--format F] OLD NEW      what changed between two "
	      "submissions\n"
	      "  keys [FILE]                    every key: answers and computed "
	      "figures\n\n"
	      "Exit status: 0 done, 1 problems found or a value refused, "
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
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool read_only = false;
	int c;

	/* LC_CTYPE only: UTF-8 text, but numbers keep their decimal point. */
	setlocale(LC_CTYPE, "");
	if (argc > 1) {
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				return commands[i].run(argc - 1, argv + 1);
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+rhV", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			read_only = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_DONE;
		case 'V':
			version();
			return EXIT_DONE;
		default:
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
	                    read_only);
}
