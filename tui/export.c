/* SPDX-License-Identifier: MIT */
/* export.c: the export key: a format from a list, a file name (offered
 * beside the submission, or for a reviewer in the folder apmwb started
 * in), asked before an existing file is replaced, written whole or not at
 * all through outfile. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "outfile.h"
#include "qualtrics_map.h"
#include "ui.h"

enum { X_SHOW, X_JSON, X_CSV, X_QUALTRICS, X_CONTRACTS, X_COUNT };

static const char *const names[X_COUNT] = {
	"Copy sheet: text to type into the online form",
	"JSON: everything, for apmwb import",
	"CSV: key, label, value of every answer and figure",
	"Qualtrics response layout (the installed map template)",
	"Contracts CSV: the nominal-risk worksheet",
};

static const char *const suffix[X_COUNT] = {
	"-copy-sheet.txt", ".json", ".csv", "-qualtrics.csv", "-contracts.csv"
};

static void export_write(struct app *a, const char *path);

static void replace_answer(struct app *a, bool yes)
{
	if (yes)
		export_write(a, a->export_path);
	else
		app_msg(a, R_DIM, "not exported: %s is kept as it was",
		        a->export_path);
}

/* The file name typed. */
static void path_typed(struct app *a, const char *path, enum leave how)
{
	struct stat sb;

	(void)how;
	if (!*path) {
		app_msg(a, R_DIM, "nothing exported");
		return;
	}
	/* Never replaced without asking. */
	if (lstat(path, &sb) == 0) {
		snprintf(a->export_path, sizeof a->export_path, "%s", path);
		app_msg(a, R_WARN, "%s exists: y replaces it, any other key keeps "
		        "it", path);
		app_ask(a, replace_answer);
		return;
	}
	export_write(a, path);
}

/* The format picked: a file name is offered for it. */
static void format_picked(struct app *a, int k, const bool *marks,
                          const struct pick_arg *arg)
{
	const char *path = store_path(a->s->st);
	const char *slash = strrchr(path, '/'), *dot;
	char suggest[1200];
	size_t stem;

	(void)marks;
	(void)arg;
	if (k < 0 || k >= X_COUNT)
		return;
	a->export_fmt = k;
	/* A reviewer's export goes to the folder apmwb was started in, not
	 * beside the submission (often someone else's folder). */
	if (a->ro && slash)
		path = slash + 1;
	slash = strrchr(path, '/');
	dot = strrchr(path, '.');
	stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) :
	       strlen(path);
	snprintf(suggest, sizeof suggest, "%.*s%s", (int)stem, path, suffix[k]);
	edit_prompt(a, "Write to:", suggest, path_typed);
}

void export_start(struct app *a)
{
	picker_choice(a, "Export", names, X_COUNT, 0, false, format_picked,
	              NULL);
}

static void export_write(struct app *a, const char *path)
{
	struct export_input in;
	struct outfile out;
	struct qualtrics_map *map = NULL;
	struct stat st_sub, st_out;
	char err[1024] = "";
	bool ok;

	/* Never over the submission itself. */
	if (stat(store_path(a->s->st), &st_sub) == 0 &&
	    stat(path, &st_out) == 0 && st_sub.st_dev == st_out.st_dev &&
	    st_sub.st_ino == st_out.st_ino) {
		app_msg(a, R_MSG_ERR, "not exported: %s is the submission itself",
		        path);
		return;
	}
	if (a->export_fmt == X_QUALTRICS) {
		map = qualtrics_map_builtin(a->ed, err, sizeof err);
		if (!map) {
			app_msg(a, R_MSG_ERR, "not exported: the Qualtrics map %s "
			        "(apmwb export --map FILE takes the LAN's)", err);
			return;
		}
	}
	if (!outfile_open(&out, path, err, sizeof err)) {
		qualtrics_map_free(map);
		app_msg(a, R_MSG_ERR, "not exported: %s", err);
		return;
	}
	session_export_input(a->s, &in);
	switch (a->export_fmt) {
	case X_SHOW:
		ok = export_show(out.f, &in, 80, err, sizeof err);
		break;
	case X_JSON:
		ok = export_json(out.f, &in, err, sizeof err);
		break;
	case X_CSV:
		ok = export_csv(out.f, &in, err, sizeof err);
		break;
	case X_QUALTRICS:
		ok = export_qualtrics(out.f, &in, map, err, sizeof err);
		break;
	default:
		ok = export_contracts(out.f, &in, err, sizeof err);
	}
	/* A read of the file that failed, or was stopped, says so in the
	 * file's words (as session_export does). */
	if (!ok && *a->s->read_err)
		snprintf(err, sizeof err, "%s", a->s->read_err);
	{
		char cerr[1024] = "";

		if (!outfile_close(&out, ok, cerr, sizeof cerr) && ok) {
			ok = false;
			snprintf(err, sizeof err, "%s", cerr);
		}
	}
	qualtrics_map_free(map);
	if (ok)
		app_msg(a, R_GOOD, "exported to %s", path);
	else
		app_msg(a, R_MSG_ERR, "not exported: %s", *err ? err : path);
}
