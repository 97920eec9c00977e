/* qualtrics_map.c: the map from our keys to a Qualtrics export's columns,
 * read with csvin (libcsv) and checked row by row. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answers.h"
#include "csvin.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"
#include "qualtrics_map.h"
#include "sanitize.h"

enum field { F_KEY, F_CHOICE, F_COLUMN, F_IMPORT_ID, F_TEXT, F_RECODE,
             F_COUNT };

static const char *const field_names[F_COUNT] = {
	"key", "choice", "column", "import_id", "question_text", "recode",
};

struct loader {
	struct qualtrics_map *m;
	struct csvin *in;
	bool have_header;
	size_t ncols;
	int col_field[F_COUNT];
	/* to tell a computed figure's key from an unknown one */
	struct figures *f;
	struct answers *a;
};

void qualtrics_map_free(struct qualtrics_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->ncols; i++) {
		mem_free(m->cols[i].name);
		mem_free(m->cols[i].import_id);
		mem_free(m->cols[i].text);
	}
	for (size_t i = 0; i < m->n; i++) {
		mem_free(m->e[i].key);
		mem_free(m->e[i].choice);
		mem_free(m->e[i].recode);
	}
	mem_free(m->cols);
	mem_free(m->e);
	mem_free(m);
}

__attribute__((format(printf, 4, 5)))
static bool refuse(char *err, size_t errlen, size_t line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "line %zu: %s", line, msg);
	return false;
}

static const char *column_name(void *ctx, size_t i)
{
	struct loader *ld = ctx;

	return ld->have_header && i < ld->ncols ?
	       field_names[ld->col_field[i]] : NULL;
}

static bool on_header(struct loader *ld, const struct csvin_row *row,
                      char *err, size_t errlen)
{
	for (size_t i = 0; i < row->n; i++) {
		int f;

		for (f = 0; f < F_COUNT; f++)
			if (strcasecmp(row->field[i], field_names[f]) == 0)
				break;
		if (f == F_COUNT)
			return refuse(err, errlen, row->line, "unknown column "
			              "'%.40s'; a map's columns are key, choice, "
			              "column, import_id, question_text, recode",
			              row->field[i]);
		for (size_t c = 0; c < ld->ncols; c++)
			if (ld->col_field[c] == f)
				return refuse(err, errlen, row->line, "column '%s' is "
				              "there twice", field_names[f]);
		ld->col_field[ld->ncols++] = f;
	}
	for (int f = 0; f < F_COUNT; f++) {
		bool found = false;

		for (size_t c = 0; c < ld->ncols; c++)
			found |= ld->col_field[c] == f;
		if (!found)
			return refuse(err, errlen, row->line, "the header has no '%s' "
			              "column", field_names[f]);
	}
	ld->have_header = true;
	return true;
}

/* A whole number, as Qualtrics recodes are. */
static bool whole_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Writes s as the inside of a JSON string. */
static char *json_string(const char *s)
{
	size_t n = 0;
	char *out, *o;

	for (const char *p = s; *p; p++)
		n += (*p == '"' || *p == '\\') ? 2 : 1;
	out = mem_alloc(n + 1);
	if (!out)
		return NULL;
	for (o = out; *s; s++) {
		if (*s == '"' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static char *import_id_json(const char *id)
{
	char *inner, *out;

	if (id[0] == '{')
		return mem_strdup(id);
	inner = json_string(id);
	out = inner ? mem_printf("{\"ImportId\":\"%s\"}", inner) : NULL;
	mem_free(inner);
	return out;
}

/* Room for one more of an array holding n: capacity 8, then doubled
 * each time n reaches a power of two. */
static bool grow(void **p, size_t n, size_t size)
{
	void *np;

	if (n && (n < 8 || (n & (n - 1))))
		return true;
	np = mem_realloc_array(*p, n ? n * 2 : 8, size);
	if (!np)
		return false;
	*p = np;
	return true;
}

static size_t find_col(const struct qualtrics_map *m, const char *name)
{
	for (size_t i = 0; i < m->ncols; i++)
		if (strcmp(m->cols[i].name, name) == 0)
			return i;
	return SIZE_MAX;
}

/* The column a row names: new, or the same one named before with the same
 * ImportId and question text (a blank text takes the earlier one). */
static bool row_column(struct loader *ld, const char *v[F_COUNT],
                       size_t line, size_t *col, char *err, size_t errlen)
{
	struct qualtrics_map *m = ld->m;
	size_t c = find_col(m, v[F_COLUMN]);
	char *id = import_id_json(v[F_IMPORT_ID]);
	struct qualtrics_col *qc;

	if (!id)
		return refuse(err, errlen, line, "out of memory");
	if (c != SIZE_MAX) {
		qc = &m->cols[c];
		if (strcmp(qc->import_id, id) != 0) {
			mem_free(id);
			return refuse(err, errlen, line, "column %s has another "
			              "import_id on line %zu", qc->name, qc->line);
		}
		mem_free(id);
		if (*v[F_TEXT] && qc->text && strcmp(qc->text, v[F_TEXT]) != 0)
			return refuse(err, errlen, line, "column %s has another "
			              "question_text on line %zu", qc->name, qc->line);
		if (*v[F_TEXT] && !qc->text &&
		    !(qc->text = mem_strdup(v[F_TEXT])))
			return refuse(err, errlen, line, "out of memory");
		*col = c;
		return true;
	}
	for (size_t i = 0; i < m->ncols; i++)
		if (strcmp(m->cols[i].import_id, id) == 0) {
			mem_free(id);
			return refuse(err, errlen, line, "import_id %s is already "
			              "column %s's (line %zu)", v[F_IMPORT_ID],
			              m->cols[i].name, m->cols[i].line);
		}
	if (!grow((void **)&m->cols, m->ncols, sizeof *m->cols)) {
		mem_free(id);
		return refuse(err, errlen, line, "out of memory");
	}
	qc = &m->cols[m->ncols];
	memset(qc, 0, sizeof *qc);
	qc->import_id = id;
	qc->name = mem_strdup(v[F_COLUMN]);
	qc->text = *v[F_TEXT] ? mem_strdup(v[F_TEXT]) : NULL;
	qc->line = line;
	if (!qc->name || (*v[F_TEXT] && !qc->text)) {
		mem_free(qc->name);
		mem_free(qc->text);
		mem_free(id);
		return refuse(err, errlen, line, "out of memory");
	}
	*col = m->ncols++;
	return true;
}

/* What kind of row this is, from the key's question; false with the
 * reason when the choice or recode does not fit it. */
static bool row_kind(struct loader *ld, const char *v[F_COUNT], size_t line,
                     int *q, enum qualtrics_kind *kind, char *err,
                     size_t errlen)
{
	const struct edition *ed = ld->m->ed;
	const char *key = v[F_KEY], *choice = v[F_CHOICE], *recode = v[F_RECODE];
	const struct question *qq;
	char buf[8];

	*q = -1;
	if (!*key) {
		if (*choice || *recode)
			return refuse(err, errlen, line, "a row with no key is a "
			              "column we leave blank: it takes no choice or "
			              "recode");
		*kind = QM_FILLER;
		return true;
	}
	*q = edition_find(ed, key);
	if (*q < 0 || ed->qs[*q].type == Q_COMPUTED) {
		if (figures_key_text(ld->f, ld->a, key, buf, sizeof buf) ==
		    KEY_UNKNOWN)
			return refuse(err, errlen, line, "unknown key '%.60s'", key);
		if (*choice || *recode)
			return refuse(err, errlen, line, "%s is a computed figure: it "
			              "takes no choice or recode", key);
		*q = -1;
		*kind = QM_VALUE;
		return true;
	}
	qq = &ed->qs[*q];
	if (qq->type == Q_CHOICE || qq->type == Q_YESNO || qq->type == Q_MULTI) {
		bool known = qq->type == Q_YESNO ?
		             strcmp(choice, "yes") == 0 || strcmp(choice, "no") == 0 :
		             edition_find_choice(qq, choice) != NULL;

		if (!*choice)
			return refuse(err, errlen, line, "%s is a %s question: give "
			              "each of its choices a row with its recode", key,
			              qq->type == Q_YESNO ? "yes/no" : "choice");
		if (!known)
			return refuse(err, errlen, line, "'%.40s' is not a choice of "
			              "%s", choice, key);
		if (*recode && !whole_number(recode))
			return refuse(err, errlen, line, "recode '%.20s' is not a whole "
			              "number", recode);
		if (qq->type == Q_MULTI && !*recode)
			return refuse(err, errlen, line, "%s is a multi-select: its "
			              "choice %s needs the recode its box holds when "
			              "ticked (Qualtrics writes 1)", key, choice);
		*kind = qq->type == Q_MULTI ? QM_TICK : QM_CHOICE;
		return true;
	}
	if (*choice || *recode)
		return refuse(err, errlen, line, "%s takes its answer as it is: "
		              "no choice or recode", key);
	*kind = QM_VALUE;
	return true;
}

/* The rules between rows: one row per key and choice; a one-answer
 * question in one column, a multi-select's boxes each in their own; no
 * column shared by two keys. */
static bool row_fits(struct loader *ld, const struct qualtrics_entry *ne,
                     char *err, size_t errlen)
{
	const struct qualtrics_map *m = ld->m;

	for (size_t i = 0; i < m->n; i++) {
		const struct qualtrics_entry *e = &m->e[i];
		bool same_key = e->key && ne->key && strcmp(e->key, ne->key) == 0;

		if (same_key && (!e->choice || !ne->choice ||
		                 strcmp(e->choice, ne->choice) == 0))
			return refuse(err, errlen, ne->line, "%s%s%s is mapped already "
			              "on line %zu", ne->key, ne->choice ? " " : "",
			              ne->choice ? ne->choice : "", e->line);
		if (same_key && ne->kind == QM_CHOICE && e->col != ne->col)
			return refuse(err, errlen, ne->line, "%s takes one answer: all "
			              "its choices go in one column, %s (line %zu)",
			              ne->key, m->cols[e->col].name, e->line);
		if (e->col != ne->col)
			continue;
		if (same_key && ne->kind == QM_TICK)
			return refuse(err, errlen, ne->line, "%s is a multi-select: "
			              "each choice has a column of its own, and %s is "
			              "%s's (line %zu)", ne->key, m->cols[e->col].name,
			              e->choice, e->line);
		if (!same_key)
			return refuse(err, errlen, ne->line, "column %s is %s's "
			              "already (line %zu)", m->cols[e->col].name,
			              e->key ? e->key : "a blank column", e->line);
	}
	return true;
}

static bool on_entry(struct loader *ld, const struct csvin_row *row,
                     char *err, size_t errlen)
{
	struct qualtrics_map *m = ld->m;
	const char *v[F_COUNT];
	struct qualtrics_entry ne;
	char why[200];

	if (row->n > ld->ncols)
		return refuse(err, errlen, row->line, "more fields than the "
		              "header's %zu columns", ld->ncols);
	if (row->n < ld->ncols)
		return refuse(err, errlen, row->line, "%zu fields, but the header "
		              "has %zu columns", row->n, ld->ncols);
	for (size_t i = 0; i < row->n; i++) {
		const char *name = field_names[ld->col_field[i]];

		if (row->len[i] != strlen(row->field[i])) {
			csvin_nul_message(row, name, err, errlen);
			return false;
		}
		if (!sanitize_check(row->field[i], 0, why, sizeof why))
			return refuse(err, errlen, row->line, "column %s %s", name,
			              why);
		v[ld->col_field[i]] = row->field[i];
	}
	if (!*v[F_COLUMN])
		return refuse(err, errlen, row->line, "no column name");
	if (!*v[F_IMPORT_ID])
		return refuse(err, errlen, row->line, "no import_id for column %s",
		              v[F_COLUMN]);
	if (v[F_IMPORT_ID][0] == '{' &&
	    v[F_IMPORT_ID][strlen(v[F_IMPORT_ID]) - 1] != '}')
		return refuse(err, errlen, row->line, "import_id starts a JSON "
		              "object but does not end it");

	memset(&ne, 0, sizeof ne);
	ne.line = row->line;
	if (!row_kind(ld, v, row->line, &ne.q, &ne.kind, err, errlen) ||
	    !row_column(ld, v, row->line, &ne.col, err, errlen))
		return false;
	ne.key = *v[F_KEY] ? mem_strdup(v[F_KEY]) : NULL;
	ne.choice = *v[F_CHOICE] ? mem_strdup(v[F_CHOICE]) : NULL;
	ne.recode = mem_strdup(v[F_RECODE]);
	if ((*v[F_KEY] && !ne.key) || (*v[F_CHOICE] && !ne.choice) ||
	    !ne.recode || !grow((void **)&m->e, m->n, sizeof *m->e)) {
		mem_free(ne.key);
		mem_free(ne.choice);
		mem_free(ne.recode);
		return refuse(err, errlen, row->line, "out of memory");
	}
	if (!row_fits(ld, &ne, err, errlen)) {
		mem_free(ne.key);
		mem_free(ne.choice);
		mem_free(ne.recode);
		return false;
	}
	m->e[m->n++] = ne;
	return true;
}

static bool on_row(void *ctx, const struct csvin_row *row, char *err,
                   size_t errlen)
{
	struct loader *ld = ctx;

	if (row->n && row->field[0][0] == '#')
		return true;        /* a comment */
	return ld->have_header ? on_entry(ld, row, err, errlen) :
	       on_header(ld, row, err, errlen);
}

/* ---- loading ---- */

static void loader_free(struct loader *ld)
{
	if (!ld)
		return;
	csvin_free(ld->in);
	figures_free(ld->f);
	answers_free(ld->a);
	qualtrics_map_free(ld->m);
	mem_free(ld);
}

static struct loader *loader_new(const struct edition *ed)
{
	struct loader *ld = mem_calloc(1, sizeof *ld);

	if (!ld)
		return NULL;
	ld->m = mem_calloc(1, sizeof *ld->m);
	ld->in = csvin_new(on_row, column_name, ld, CSVIN_COMMENTS);
	ld->f = figures_new(ed);
	ld->a = answers_new(ed);
	if (!ld->m || !ld->in || !ld->f || !ld->a) {
		loader_free(ld);
		return NULL;
	}
	ld->m->ed = ed;
	return ld;
}

/* The map, once the input has ended well; the loader is freed. */
static struct qualtrics_map *loader_finish(struct loader *ld, char *err,
                                           size_t errlen)
{
	struct qualtrics_map *m = NULL;

	if (!csvin_finish(ld->in, NULL, err, errlen))
		goto out;
	if (!ld->have_header) {
		snprintf(err, errlen, "no header line (key,choice,column,import_id,"
		         "question_text,recode): the map is empty");
		goto out;
	}
	if (!ld->m->ncols) {
		snprintf(err, errlen, "the map names no column");
		goto out;
	}
	m = ld->m;
	ld->m = NULL;
out:
	loader_free(ld);
	return m;
}

struct qualtrics_map *qualtrics_map_parse(const struct edition *ed,
                                          const char *buf, size_t len,
                                          char *err, size_t errlen)
{
	struct loader *ld = loader_new(ed);

	if (!ld) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!csvin_feed(ld->in, buf, len, err, errlen)) {
		loader_free(ld);
		return NULL;
	}
	return loader_finish(ld, err, errlen);
}

struct qualtrics_map *qualtrics_map_load(const struct edition *ed,
                                         const char *path,
                                         char *err, size_t errlen)
{
	struct loader *ld;
	struct qualtrics_map *m;
	char buf[16384], why[512];
	FILE *f = fopen(path, "rb");
	size_t n;
	bool ok = true;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	ld = loader_new(ed);
	if (!ld) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = csvin_feed(ld->in, buf, n, why, sizeof why);
	if (ok && ferror(f)) {
		snprintf(why, sizeof why, "%s", strerror(errno));
		ok = false;
	}
	fclose(f);
	if (!ok) {
		loader_free(ld);
		snprintf(err, errlen, "%s: %s", path, why);
		return NULL;
	}
	m = loader_finish(ld, why, sizeof why);
	if (!m)
		snprintf(err, errlen, "%s: %s", path, why);
	return m;
}

char *qualtrics_map_default_path(const struct edition *ed)
{
	const char *dir = getenv("APMWB_DATADIR");

	if (!dir || !*dir)
		dir = APMWB_PKGDATADIR;
	return mem_printf("%s/qualtrics-map-%s.csv", dir, ed->id);
}
