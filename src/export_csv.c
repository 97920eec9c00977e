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
	const struct edition *ed;
	bool nomem;
};

/* Metric figures ("commercial.m5", "ma.m2.share") get their tab and row
 * in front of the workbook's wording, which does not name the line. */
static void figure_row(void *ctx, const char *key, const char *label,
                       const char *value)
{
	struct figure_ctx *fc = ctx;
	size_t len = strlen(key);
	char base[160];
	char *full = NULL;
	int q;

	snprintf(base, sizeof base, "%.*s", (int)(len > 6 &&
	         strcmp(key + len - 6, ".share") == 0 ? len - 6 : len), key);
	q = edition_find(fc->ed, base);
	if (q >= 0 && fc->ed->qs[q].denominator >= 0) {
		const struct question *mq = &fc->ed->qs[q];

		full = mem_printf("%s row %s: %s", fc->ed->tabs[mq->tab].title,
		                  mq->row ? mq->row : "?", label);
		if (!full)
			fc->nomem = true;
	}
	row(fc->out, key, full ? full : label, value);
	mem_free(full);
}

bool export_csv(FILE *out, const struct export_input *in,
                char *err, size_t errlen)
{
	const struct edition *ed = in->ed;
	struct figure_ctx fc = { out, ed, false };
	bool nomem = false;

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
