/* SPDX-License-Identifier: MIT */
/* export_qualtrics.c: a submission in the layout of a Qualtrics response
 * export, for the LAN to load into its survey.
 *
 * Row 1 the column names, row 2 each column's question text, row 3 its
 * ImportId object, then one row of answers: Qualtrics' response metadata
 * (StartDate ... UserLanguage) first, unless the map places them, then
 * the map's columns in its order: a one-answer choice as its recode
 * number, a multi-select as one column per choice (its recode, 1, when
 * ticked), "other" text in its _TEXT column, dollars plain to the cent (or
 * the places the map gives).  A column whose question display logic hides
 * is blank, as in a real export.  Values are written as typed: Qualtrics is
 * not a spreadsheet, and a formula guard would become part of the answer. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "csvout.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "mem.h"
#include "money.h"
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

/* Dollars in their machine format ("-8874.50") with the places the map
 * asks for; false when a digit other than 0 would be cut (the figure is
 * never rounded behind the respondent's back). */
static bool dollars_in_places(const char *text, int places, char *buf,
                              size_t n)
{
	const char *point = strchr(text, '.');
	size_t keep = strlen(text);

	if (point) {
		size_t decimals = strlen(point + 1);

		if ((size_t)places < decimals) {
			for (const char *p = point + 1 + places; *p; p++)
				if (*p != '0')
					return false;
			keep = (size_t)(point - text) + (places ? 1 + (size_t)places : 0);
		}
	}
	snprintf(buf, n, "%.*s", (int)keep, text);
	return true;
}

/* The value an entry puts in its column, or NULL for none; buf holds a
 * computed figure's text or dollars in the map's places.  NULL with err
 * set when the map's places would lose cents. */
static const char *entry_value(const struct export_input *in,
                               const struct qualtrics_entry *e, char *buf,
                               size_t n, const char *column, char *err,
                               size_t errlen)
{
	const char *v = NULL;

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
			v = buf;
		} else if (in->f->shown[e->q]) {
			v = answers_get(in->a, e->q);
		}
		if (v && *v && e->decimals >= 0) {
			char tmp[MONEY_BUFSZ];

			if (!dollars_in_places(v, e->decimals, tmp, sizeof tmp)) {
				snprintf(err, errlen, "%s is %s, but the Qualtrics map's "
				         "column %s takes %d decimal%s: the cents would be "
				         "lost (apmwb never rounds them); change the map's "
				         "decimals or the answer", e->key, v, column,
				         e->decimals, e->decimals == 1 ? "" : "s");
				return NULL;
			}
			snprintf(buf, n, "%s", tmp);
			v = buf;
		}
		return v;
	case QM_CHOICE:
		v = in->f->shown[e->q] ? answers_get(in->a, e->q) : NULL;
		return v && strcmp(v, e->choice) == 0 ? e->recode : NULL;
	case QM_TICK:
		return in->f->shown[e->q] &&
		       answers_has_choice(in->a, e->q, e->choice) ? e->recode : NULL;
	}
	return NULL;
}

/* The choice question and value whose "other" text q is: a text question
 * shown only when one choice of a choice question is chosen, as
 * iq.barriers_other is by iq.barriers=other.  -1 when q is not one. */
static int other_text_of(const struct edition *ed, const struct question *q,
                         const char **value)
{
	const struct question *of;

	if (q->type != Q_TEXT || q->ncond != 1 || q->cond[0].nkeys != 1 ||
	    q->cond[0].min_count != 1)
		return -1;
	of = &ed->qs[q->cond[0].qidx[0]];
	if (of->type != Q_MULTI && of->type != Q_CHOICE)
		return -1;
	*value = q->cond[0].value;
	return q->cond[0].qidx[0];
}

/* Does question q offer a choice with text of its own? */
static bool has_other_text(const struct edition *ed, int q)
{
	const char *value;

	for (size_t i = 0; i < ed->nq; i++)
		if (other_text_of(ed, &ed->qs[i], &value) == q)
			return true;
	return false;
}

/* Row 2 for a column the map gives no text, in a Qualtrics export's own
 * words: "question - choice", "question - Selected Choice - choice" for a
 * question whose choices include one with text, "question - choice -
 * Text" for that text. */
static char *default_text(const struct edition *ed,
                          const struct qualtrics_map *m, size_t col)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct qualtrics_entry *e = &m->e[i];
		const struct question *q;
		const char *what, *value, *selected = "";
		int of;

		if (e->col != col)
			continue;
		if (e->q < 0)
			return mem_strdup(e->key ? e->key : m->cols[col].name);
		q = &ed->qs[e->q];
		what = q->label;
		if (e->kind == QM_TICK) {
			const struct choice *c = edition_find_choice(q, e->choice);

			what = c ? c->label : e->choice;
			if (has_other_text(ed, e->q))
				selected = "Selected Choice - ";
		} else if ((of = other_text_of(ed, q, &value)) >= 0) {
			const struct choice *c = edition_find_choice(&ed->qs[of],
			                                             value);

			return mem_printf("%s - %s - Text", q->prompt ? q->prompt : "",
			                  c ? c->label : value);
		}
		if (q->prompt && *q->prompt)
			return mem_printf("%s - %s%s", q->prompt, selected, what);
		return mem_strdup(what);
	}
	return mem_strdup(m->cols[col].name);
}

/* ---- the response metadata ---- */

/* "2026-11-23T14:02:11Z" as Qualtrics writes its dates, "2026-11-23
 * 14:02:11", and its seconds since 1970; false when it is not that. */
static bool qualtrics_date(const char *iso, char *buf, size_t n,
                           int64_t *seconds)
{
	int y, mo, d, h, mi, s;
	char z;
	int64_t days, yy, era, yoe, doy, doe;

	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h,
	                   &mi, &s, &z) != 7 || z != 'Z' || y < 0 || y > 9999 ||
	    mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || s < 0 || s > 60)
		return false;
	snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
	/* Days from the civil date (H. Hinnant's algorithm), exact. */
	yy = y - (mo <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	*seconds = days * 86400 + h * 3600 + mi * 60 + s;
	return true;
}

struct meta_values {
	char start[32], end[32], duration[24], progress[8];
};

/* From the file: created, its last change or sign-off, how far it got.
 * What only Qualtrics can give (the response id, the IP address, the
 * response type it records for an import, the recipient and the place) is
 * left blank, which an import takes. */
static void meta_values(const struct export_input *in, struct meta_values *mv)
{
	const char *end_iso = in->complete && in->signed_at ? in->signed_at :
	                      in->changed;
	int64_t t0, t1;
	long asked = 0, answered = 0;
	bool have0, have1;

	memset(mv, 0, sizeof *mv);
	have0 = qualtrics_date(in->created, mv->start, sizeof mv->start, &t0);
	have1 = qualtrics_date(end_iso, mv->end, sizeof mv->end, &t1);
	if (!have0)
		mv->start[0] = '\0';
	if (!have1)
		mv->end[0] = '\0';
	if (have0 && have1 && t1 >= t0)
		snprintf(mv->duration, sizeof mv->duration, "%lld",
		         (long long)(t1 - t0));
	for (size_t t = 0; t < in->ed->ntabs; t++) {
		asked += in->f->progress[t].asked;
		answered += in->f->progress[t].answered;
	}
	/* Qualtrics gives a finished response 100; else how far it got. */
	snprintf(mv->progress, sizeof mv->progress, "%ld", in->complete ? 100 :
	         asked ? answered * 100 / asked : 0);
}

static const char *meta_value(const struct export_input *in,
                              const struct meta_values *mv, int which)
{
	switch (which) {
	case QMETA_START_DATE:
		return mv->start;
	case QMETA_END_DATE:
	case QMETA_RECORDED_DATE:
		return mv->end;
	case QMETA_PROGRESS:
		return mv->progress;
	case QMETA_DURATION:
		return mv->duration;
	case QMETA_FINISHED:
		return in->complete ? "1" : "0";
	case QMETA_USER_LANGUAGE:
		return "EN";      /* the workbook is in English */
	default:
		return "";
	}
}

/* ---- the whole ---- */

/* The columns as written: the metadata first when the map places none of
 * them, then the map's. */
struct layout {
	int meta_first;      /* how many metadata columns come first */
};

static void write_row(FILE *out, const struct qualtrics_map *m,
                      const struct layout *lay, const char *const *meta,
                      const char *const *cols)
{
	size_t k = 0;

	for (int i = 0; i < lay->meta_first; i++, k++) {
		if (k)
			fputc(',', out);
		csvout_field_as_typed(out, meta[i]);
	}
	for (size_t c = 0; c < m->ncols; c++, k++) {
		if (k)
			fputc(',', out);
		csvout_field_as_typed(out, cols[c] ? cols[c] : "");
	}
	csvout_end(out);
}

/* The three header rows (names, question texts, ImportIds), then the
 * answers; row is scratch room for a row of the map's columns. */
static void write_rows(FILE *out, const struct export_input *in,
                       const struct qualtrics_map *m, struct layout *lay,
                       const struct meta_values *mv, char **text,
                       const char **value, const char **row)
{
	const char *meta[QMETA_COUNT];

	for (int i = 0; i < QMETA_COUNT; i++)
		meta[i] = qualtrics_meta[i].name;
	for (size_t c = 0; c < m->ncols; c++)
		row[c] = m->cols[c].name;
	write_row(out, m, lay, meta, row);
	for (int i = 0; i < QMETA_COUNT; i++)
		meta[i] = qualtrics_meta[i].label;
	for (size_t c = 0; c < m->ncols; c++)
		row[c] = m->cols[c].text ? m->cols[c].text :
		         m->cols[c].meta >= 0 ? qualtrics_meta[m->cols[c].meta].label :
		         text[c];
	write_row(out, m, lay, meta, row);
	for (int i = 0; i < QMETA_COUNT; i++)
		meta[i] = qualtrics_meta[i].import_id;
	for (size_t c = 0; c < m->ncols; c++)
		row[c] = m->cols[c].meta >= 0 ?
		         qualtrics_meta[m->cols[c].meta].import_id :
		         m->cols[c].import_id;
	write_row(out, m, lay, meta, row);
	for (int i = 0; i < QMETA_COUNT; i++)
		meta[i] = meta_value(in, mv, i);
	write_row(out, m, lay, meta, value);
}

/* Every column's value and, where the map gives none, its question text:
 * all known before the first byte goes out. */
static bool gather(const struct export_input *in,
                   const struct qualtrics_map *m, const struct meta_values *mv,
                   char (*figure)[64], const char **value, char **text,
                   char *err, size_t errlen)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct qualtrics_entry *e = &m->e[i];
		const char *v;

		err[0] = '\0';
		v = entry_value(in, e, figure[i], sizeof figure[i],
		                m->cols[e->col].name, err, errlen);
		if (!v && *err)
			return false;
		if (v)
			value[e->col] = v;
	}
	for (size_t c = 0; c < m->ncols; c++)
		if (m->cols[c].meta >= 0)
			value[c] = meta_value(in, mv, m->cols[c].meta);
	for (size_t c = 0; c < m->ncols; c++)
		if (!m->cols[c].text && m->cols[c].meta < 0 &&
		    !(text[c] = default_text(in->ed, m, c))) {
			snprintf(err, errlen, "out of memory");
			return false;
		}
	return true;
}

bool export_qualtrics(FILE *out, const struct export_input *in,
                      const struct qualtrics_map *m,
                      char *err, size_t errlen)
{
	const char **value, **row;
	char (*figure)[64];
	char **text;
	struct meta_values mv;
	struct layout lay = { m->meta_first ? QMETA_COUNT : 0 };
	bool ok;

	if (m->ed != in->ed && strcmp(m->ed->id, in->ed->id) != 0) {
		snprintf(err, errlen, "the Qualtrics map is for the %s edition, the "
		         "submission is %s", m->ed->id, in->ed->id);
		return false;
	}
	if (!covered(in, m, err, errlen))
		return false;
	value = mem_calloc(m->ncols + 1, sizeof *value);
	row = mem_calloc(m->ncols + 1, sizeof *row);
	text = mem_calloc(m->ncols + 1, sizeof *text);
	figure = mem_calloc(m->n + 1, sizeof *figure);
	ok = value && row && text && figure;
	if (!ok)
		snprintf(err, errlen, "out of memory");
	if (ok) {
		meta_values(in, &mv);
		ok = gather(in, m, &mv, figure, value, text, err, errlen);
	}
	if (ok) {
		write_rows(out, in, m, &lay, &mv, text, value, row);
		if (fflush(out) != 0 || ferror(out)) {
			snprintf(err, errlen, "could not write the export");
			ok = false;
		}
	}
	for (size_t c = 0; text && c < m->ncols; c++)
		mem_free(text[c]);
	mem_free(text);
	mem_free(value);
	mem_free(row);
	mem_free(figure);
	return ok;
}
