/* export_qualtrics.c: a submission in the layout of a Qualtrics response
 * export, for the LAN to load into its survey.
 *
 * Row 1 the column names, row 2 each column's question text, row 3 its
 * {"ImportId":...} object, then one row of answers: a one-answer choice as
 * its recode number, a multi-select as one column per choice (its recode,
 * 1, when ticked), "other" text in its _TEXT column, dollars plain to the
 * cent.  Columns come from the map (qualtrics_map.h) in its order; a
 * column whose question display logic hides is blank, as in a real export.
 * No metadata columns (StartDate, ResponseId, ...) unless the map lists
 * them (blank): their ImportIds carry the account's time zone and their
 * values are Qualtrics' own to give. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "csvout.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "mem.h"
#include "qualtrics_map.h"

/* Checks that every shown answer, and each chosen choice, has a place in
 * the map; the message names the first that does not. */
static bool covered(const struct export_input *in,
                    const struct qualtrics_map *m, char *err, size_t errlen)
{
	const struct edition *ed = in->ed;

	for (size_t q = 0; q < ed->nq; q++) {
		const struct question *qq = &ed->qs[q];
		const char *v = answers_get(in->a, (int)q);

		if (!in->f->shown[q] || !v || qq->type == Q_COMPUTED)
			continue;
		for (const char *p = v; *p;) {
			/* One value, or each of a multi-select's. */
			const char *nl = qq->type == Q_MULTI ? strchr(p, '\n') : NULL;
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			bool found = false;

			for (size_t i = 0; i < m->n && !found; i++) {
				const struct qualtrics_entry *e = &m->e[i];

				if (e->q != (int)q)
					continue;
				found = e->kind == QM_VALUE ||
				        (strlen(e->choice) == len &&
				         strncmp(e->choice, p, len) == 0);
			}
			if (!found) {
				if (qq->type == Q_MULTI || qq->type == Q_CHOICE ||
				    qq->type == Q_YESNO)
					snprintf(err, errlen, "the Qualtrics map has no column "
					         "for %s = %.*s", qq->key, (int)len, p);
				else
					snprintf(err, errlen, "the Qualtrics map has no column "
					         "for %s", qq->key);
				return false;
			}
			p += len;
			if (nl)
				p++;
			if (qq->type != Q_MULTI)
				break;
		}
	}
	return true;
}

/* Computed figures are shown when figures_each_computed lists them. */
struct shown_figures {
	const char *key;
	bool shown;
};

static void note_figure(void *ctx, const char *key, const char *label,
                        const char *value)
{
	struct shown_figures *sf = ctx;

	(void)label;
	(void)value;
	if (strcmp(key, sf->key) == 0)
		sf->shown = true;
}

/* The value an entry puts in its column, or NULL for none; buf holds a
 * computed figure's text. */
static const char *entry_value(const struct export_input *in,
                               const struct qualtrics_entry *e, char *buf,
                               size_t n)
{
	const char *v;

	switch (e->kind) {
	case QM_FILLER:
		return NULL;
	case QM_VALUE:
		if (e->q < 0) {
			struct shown_figures sf = { e->key, false };

			figures_each_computed(in->f, in->a, note_figure, &sf);
			if (!sf.shown)
				return NULL;
			figures_key_text(in->f, in->a, e->key, buf, n);
			return buf;
		}
		return in->f->shown[e->q] ? answers_get(in->a, e->q) : NULL;
	case QM_CHOICE:
		v = in->f->shown[e->q] ? answers_get(in->a, e->q) : NULL;
		return v && strcmp(v, e->choice) == 0 ? e->recode : NULL;
	case QM_TICK:
		return in->f->shown[e->q] &&
		       answers_has_choice(in->a, e->q, e->choice) ? e->recode : NULL;
	}
	return NULL;
}

/* Row 2 for a column the map gives no text: the edition's wording in a
 * Qualtrics export's own style, "question - choice". */
static char *default_text(const struct edition *ed,
                          const struct qualtrics_map *m, size_t col)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct qualtrics_entry *e = &m->e[i];
		const struct question *q;
		const char *what;

		if (e->col != col)
			continue;
		if (e->q < 0)
			return mem_strdup(e->key ? e->key : m->cols[col].name);
		q = &ed->qs[e->q];
		what = q->label;
		if (e->kind == QM_TICK) {
			const struct choice *c = edition_find_choice(q, e->choice);

			what = c ? c->label : e->choice;
		}
		if (q->prompt && *q->prompt)
			return mem_printf("%s - %s", q->prompt, what);
		return mem_strdup(what);
	}
	return mem_strdup(m->cols[col].name);
}

bool export_qualtrics(FILE *out, const struct export_input *in,
                      const struct qualtrics_map *m,
                      char *err, size_t errlen)
{
	const char **value;
	char (*figure)[64];
	bool ok = true;

	if (m->ed != in->ed && strcmp(m->ed->id, in->ed->id) != 0) {
		snprintf(err, errlen, "the Qualtrics map is for the %s edition, the "
		         "submission is %s", m->ed->id, in->ed->id);
		return false;
	}
	if (!covered(in, m, err, errlen))
		return false;
	value = mem_calloc(m->ncols, sizeof *value);
	figure = mem_calloc(m->n, sizeof *figure);
	if (!value || !figure) {
		mem_free(value);
		mem_free(figure);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	for (size_t i = 0; i < m->n; i++) {
		const char *v = entry_value(in, &m->e[i], figure[i],
		                            sizeof figure[i]);

		if (v)
			value[m->e[i].col] = v;
	}
	for (size_t c = 0; c < m->ncols; c++) {
		if (c)
			fputc(',', out);
		csvout_field(out, m->cols[c].name);
	}
	csvout_end(out);
	for (size_t c = 0; ok && c < m->ncols; c++) {
		char *text = m->cols[c].text ? NULL : default_text(in->ed, m, c);

		if (c)
			fputc(',', out);
		ok = m->cols[c].text || text;
		csvout_field(out, m->cols[c].text ? m->cols[c].text :
		             text ? text : "");
		mem_free(text);
	}
	csvout_end(out);
	for (size_t c = 0; c < m->ncols; c++) {
		if (c)
			fputc(',', out);
		csvout_field(out, m->cols[c].import_id);
	}
	csvout_end(out);
	for (size_t c = 0; c < m->ncols; c++) {
		if (c)
			fputc(',', out);
		csvout_field(out, value[c] ? value[c] : "");
	}
	csvout_end(out);
	mem_free(value);
	mem_free(figure);
	if (!ok) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the export");
		return false;
	}
	return true;
}
