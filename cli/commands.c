/* SPDX-License-Identifier: MIT */
/* commands.c: the table of apmwb's commands (cli.h says what an entry
 * holds): the one place a command's synopsis, help, options, operands and
 * how it opens its file are written. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct cmd_opt no_opts[] = { { NULL, 0, false } };
static const struct cmd_opt format_opt[] = {
	{ "format", 'f', true }, { NULL, 0, false }
};

static const struct cmd_entry commands[] = {
	{ "new", "FILE", "create an empty submission",
	  "Creates an empty submission of the 2020 edition (mode 0600).\n",
	  no_opts, 1, 1, false, CMD_OPEN_NONE, NULL, cmd_new },
	{ "set", "FILE KEY VALUE...", "save one answer (\"\" makes it blank)",
	  "Saves one answer, with the same checks as the screen.  A "
	  "multi-select takes\nseveral VALUEs; \"\" makes the answer blank.  "
	  "Put -- before the VALUE to pass\none that starts with '-'.\n",
	  no_opts, 3, -1, true, CMD_OPEN_WRITE, NULL, cmd_set },
	{ "get", "FILE KEY", "print an answer or computed figure",
	  "Prints an answer as stored, or a computed figure (<lob>.m5, "
	  "<lob>.m8.share,\nxc.<lob>.ok, nr.all.meets.share, ...; `apmwb keys` "
	  "lists them).  A blank\nanswer prints nothing; a share that cannot be "
	  "computed prints n/a.\n",
	  no_opts, 2, 2, false, CMD_OPEN_READ, NULL, cmd_get },
	{ "import", "[--fractions] FILE SOURCE",
	  "answers from JSON, or contracts from CSV",
	  "SOURCE is a JSON export (answers, and the worksheet when it has "
	  "\"contracts\")\nor a contracts CSV (label,line,type,risk_min,"
	  "risk_max,shared_risk,dollars),\nwhich replaces the worksheet.  All "
	  "or nothing: one bad value changes nothing\nand is named.  SOURCE - "
	  "reads standard input.\n"
	  "  --fractions   the CSV's risk percentages are fractions of 1, as "
	  "spreadsheet\n                percent cells save them (0.04 is 4%)\n",
	  (const struct cmd_opt[]){ { "fractions", 'F', false },
	                            { NULL, 0, false } },
	  2, 2, false, CMD_OPEN_WRITE, precheck_import, cmd_import },
	{ "check", "FILE", "every cross-check and validation message",
	  "Checks that the file is whole, then lists every error and warning "
	  "and the\nanswers kept but hidden.\n"
	  "Exit status: 0 clean, 1 problems found (an error, or a warning not "
	  "acknowledged),\n2 could not run (the file is damaged, or cannot be "
	  "read).\n",
	  no_opts, 1, 1, false, CMD_OPEN_READ, NULL, cmd_check },
	{ "show", "FILE", "the copy sheet, in the online survey's order",
	  "The copy sheet: every question the online survey asks, in its page "
	  "order,\nwith the value to type, then the computed figures, the "
	  "cross-checks, nominal\nrisk and every check.\n",
	  no_opts, 1, 1, false, CMD_OPEN_READ, NULL, cmd_show },
	{ "export", "--format FORMAT [-o OUT] [--map MAP] [--excel] FILE",
	  "json, csv, qualtrics or contracts",
	  "FORMAT is json (everything, for import), csv (key, label, value), "
	  "qualtrics\n(a Qualtrics response export; --map takes the LAN's map) "
	  "or contracts (the\nworksheet as CSV).  Writes to standard output, "
	  "or to OUT (mode 0600, replaced\nonly when complete).  --excel "
	  "writes the csv and contracts exports as Excel\nreads them (with a "
	  "UTF-8 byte order mark).\n",
	  (const struct cmd_opt[]){ { "format", 'f', true },
	                            { "output", 'o', true },
	                            { "map", 'm', true },
	                            { "excel", 'x', false },
	                            { NULL, 0, false } },
	  1, 1, false, CMD_OPEN_READ, precheck_export, cmd_export },
	{ "complete", "FILE --by NAME", "sign off (refused while errors remain)",
	  "Signs the submission off as complete, in NAME.  Refused while any "
	  "error\nremains; any later edit makes it a draft again.\n",
	  (const struct cmd_opt[]){ { "by", 'b', true }, { NULL, 0, false } },
	  1, 1, false, CMD_OPEN_WRITE, NULL, cmd_complete },
	{ "ack", "FILE CHECK REASON", "acknowledge a warning (\"\" withdraws)",
	  "Acknowledges the warning CHECK (its id, as `apmwb check` prints it "
	  "in\nbrackets) with a short REASON for reviewers; \"\" withdraws the\n"
	  "acknowledgement.  Errors cannot be acknowledged: fix them.\n",
	  no_opts, 3, 3, true, CMD_OPEN_WRITE, NULL, cmd_ack },
	{ "log", "FILE", "the history of changes",
	  "The history of changes, newest first: when, who, what, old -> new; "
	  "one\nchange a line.\n",
	  no_opts, 1, 1, false, CMD_OPEN_READ, NULL, cmd_log },
	{ "undo", "FILE", "undo the last change",
	  "Undoes the last change (an answer, a contract edit, an "
	  "acknowledgement) and\nsays what it undid.\n",
	  no_opts, 1, 1, false, CMD_OPEN_WRITE, NULL, cmd_undo },
	{ "aggregate", "[--format text|csv|json] [--include-drafts] FILE...",
	  "national figures from many submissions",
	  "Reads every FILE read-only and sums, exactly, the LAN's national "
	  "measures\nper line of business and for all lines, each with its "
	  "share of the line's\ntotal.  Signed-off submissions only, unless "
	  "--include-drafts; every file\nis listed with its state and why it "
	  "was left out.\n"
	  "Exit status: 0 a file was counted, 1 none was, 2 could not run.\n",
	  (const struct cmd_opt[]){ { "format", 'f', true },
	                            { "include-drafts", 'd', false },
	                            { NULL, 0, false } },
	  1, -1, false, CMD_OPEN_NONE, precheck_format, cmd_aggregate },
	{ "diff", "[--format text|json] OLD NEW",
	  "what changed between two submissions",
	  "Every answer, acknowledgement, sign-off field, contract and "
	  "computed figure\nthat differs between two submissions, one per "
	  "line: KEY: OLD -> NEW.\nBoth files are opened read-only.\n"
	  "Exit status: 0 the same, 1 they differ, 2 one could not be read.\n",
	  format_opt, 2, 2, false, CMD_OPEN_NONE, precheck_format, cmd_diff },
	{ "keys", "[--format text|csv|json] [FILE]",
	  "every key: answers and computed figures",
	  "The codebook: every key, answers and computed figures, with its "
	  "tab, type,\nwording, choices and when it is shown.  Without FILE, "
	  "the built-in edition;\nwith FILE, the edition that submission was "
	  "filled in (opened read-only).\nThe csv has the key in its first "
	  "column.  --format man writes apmwb-keys(7).\n",
	  format_opt, 0, 1, false, CMD_OPEN_READ_IF, precheck_format, cmd_keys },
};

void cli_commands_help(FILE *out)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
		const struct cmd_entry *e = &commands[i];
		int w = fprintf(out, "  %s %s", e->name, e->synopsis);

		/* The summary in the column at 33, or on a line of its own. */
		if (w > 32)
			fprintf(out, "\n%33s", "");
		else
			fprintf(out, "%*s", 33 - w, "");
		fprintf(out, "%s\n", e->summary);
	}
}

const struct cmd_entry *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

