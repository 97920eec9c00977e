/* SPDX-License-Identifier: MIT */
/* export_csv.c: key, label, value for every shown answer and computed
 * figure, for reviewers and spreadsheets. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "codebook.h"
#include "csvout.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "mem.h"

static void row(FILE *out, const char *key, const char *label,
                const char *value)
{
	csvout_field(out, key);
	fputc(',', out);
	csvout_field(out, label);
	fputc(',', out);
	csvout_field(out, value ? value : "");
	csvout_end(out);
}

struct figure_ctx {
	FILE *out;
	const struct codebook *cb;
	bool nomem;
};

/* A figure's label is the codebook's wording (a metric's tab and row in
 * front of the workbook's words, which do not name the line); a share
 * says it is in percent units, so a spreadsheet does not make 43.2 of
 * 43.2% into 4320%. */
static void figure_row(void *ctx, const char *key, const char *label,
                       const char *value)
{
	struct figure_ctx *fc = ctx;
	const struct codebook_entry *e = codebook_find(fc->cb, key);
	bool share = e && strcmp(e->type, "share") == 0;
	char *full = share ? mem_printf("%s (percent units: 43.2 means 43.2%%)",
	                                e->wording) : NULL;

	if (share && !full)
		fc->nomem = true;
	row(fc->out, key, full ? full : e ? e->wording : label, value);
	mem_free(full);
}

bool export_csv(FILE *out, const struct export_input *in,
                char *err, size_t errlen)
{
	const struct edition *ed = in->ed;
	struct codebook *cb = codebook_new(ed);
	struct figure_ctx fc = { out, cb, false };
	bool nomem = false;

	if (!cb) {
		snprintf(err, errlen, "out of memory");
		return false;
	}

	fputs("key,label,value", out);
	csvout_end(out);
	row(out, "submission.edition", "Workbook edition", ed->id);
	row(out, "submission.state", "Submission state (draft or complete)",
	    in->complete ? "complete" : "draft");
	row(out, "submission.signed_by", "Signed off by",
	    in->complete ? in->signed_by : NULL);
	row(out, "submission.signed_at", "Signed off at",
	    in->complete ? in->signed_at : NULL);
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];
		char *label;

		if (!in->f->shown[i] || q->type == Q_COMPUTED)
			continue;
		label = codebook_wording(ed, q);
		nomem |= !label;
		row(out, q->key, label ? label : q->label,
		    answers_get(in->a, (int)i));
		mem_free(label);
	}
	figures_each_computed(in->f, in->a, figure_row, &fc);
	codebook_free(cb);
	if (nomem || fc.nomem) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the export");
		return false;
	}
	return true;
}
