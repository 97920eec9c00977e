/* SPDX-License-Identifier: MIT */
/* qualtrics_map.c: the map from our keys to a Qualtrics export's columns,
 * read with csvin (libcsv) and checked row by row, then against the
 * edition. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codebook.h"
#include "csvin.h"
#include "edition.h"
#include "mem.h"
#include "qualtrics_map.h"
#include "sanitize.h"

/* The built-in map: share/qualtrics-map-2020.csv, embedded by the build. */
extern const unsigned char apmwb_qualtrics_map_2020[];
extern const size_t apmwb_qualtrics_map_2020_len;

#define DATE_ID(id) "{\"ImportId\":\"" id "\",\"timeZone\":\"Z\"}"
#define PLAIN_ID(id) "{\"ImportId\":\"" id "\"}"

/* As a real export names them (row 1, row 2, row 3).  apmwb writes its
 * dates in UTC, so their time zone is "Z", as Qualtrics writes UTC. */
const struct qualtrics_meta_col qualtrics_meta[QMETA_COUNT] = {
	{ "StartDate", "Start Date", DATE_ID("startDate"), "startDate" },
	{ "EndDate", "End Date", DATE_ID("endDate"), "endDate" },
	{ "Status", "Response Type", PLAIN_ID("status"), "status" },
	{ "IPAddress", "IP Address", PLAIN_ID("ipAddress"), "ipAddress" },
	{ "Progress", "Progress", PLAIN_ID("progress"), "progress" },
	{ "Duration (in seconds)", "Duration (in seconds)",
	  PLAIN_ID("duration"), "duration" },
	{ "Finished", "Finished", PLAIN_ID("finished"), "finished" },
	{ "RecordedDate", "Recorded Date", DATE_ID("recordedDate"),
	  "recordedDate" },
	{ "ResponseId", "Response ID", PLAIN_ID("_recordId"), "_recordId" },
	{ "RecipientLastName", "Recipient Last Name",
	  PLAIN_ID("recipientLastName"), "recipientLastName" },
	{ "RecipientFirstName", "Recipient First Name",
	  PLAIN_ID("recipientFirstName"), "recipientFirstName" },
	{ "RecipientEmail", "Recipient Email", PLAIN_ID("recipientEmail"),
	  "recipientEmail" },
	{ "ExternalReference", "External Data Reference",
	  PLAIN_ID("externalDataReference"), "externalDataReference" },
	{ "LocationLatitude", "Location Latitude", PLAIN_ID("locationLatitude"),
	  "locationLatitude" },
	{ "LocationLongitude", "Location Longitude",
	  PLAIN_ID("locationLongitude"), "locationLongitude" },
	{ "DistributionChannel", "Distribution Channel",
	  PLAIN_ID("distributionChannel"), "distributionChannel" },
	{ "UserLanguage", "User Language", PLAIN_ID("userLanguage"),
	  "userLanguage" },
};

enum field { F_KEY, F_CHOICE, F_COLUMN, F_IMPORT_ID, F_CHOICE_ID, F_TEXT,
             F_RECODE, F_DECIMALS, F_COUNT };

static const char *const field_names[F_COUNT] = {
	"key", "choice", "column", "import_id", "choice_id", "question_text",
	"recode", "decimals",
};

static bool optional_field(int f)
{
	return f == F_CHOICE_ID || f == F_DECIMALS;
}

struct loader {
	struct qualtrics_map *m;
	struct csvin *in;
	struct codebook *cb;
	bool have_header;
	size_t ncols;
	int col_field[F_COUNT];
	/* The problems found so far, one per line of err. */
	char *err;
	size_t errlen, used, problems, omitted;
	bool nomem;
	bool *refused;        /* [nq]: a row of this question was refused */
};

void qualtrics_map_free(struct qualtrics_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->ncols; i++) {
		mem_free(m->cols[i].name);
		mem_free(m->cols[i].import_id);
		mem_free(m->cols[i].identity);
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

/* Adds one problem to the list; the line when there is one (0: none). */
__attribute__((format(printf, 3, 4)))
static bool problem(struct loader *ld, size_t line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ld->problems++;
	/* Room kept for the count of those left out. */
	if (ld->errlen < 64 || ld->used + 64 >= ld->errlen) {
		ld->omitted++;
		return false;
	}
	n = line ? snprintf(ld->err + ld->used, ld->errlen - 64 - ld->used,
	                    "%sline %zu: %s", ld->used ? "\n" : "", line, msg) :
	           snprintf(ld->err + ld->used, ld->errlen - 64 - ld->used,
	                    "%s%s", ld->used ? "\n" : "", msg);
	if (n < 0 || (size_t)n >= ld->errlen - 64 - ld->used) {
		ld->err[ld->used] = '\0';
		ld->omitted++;
	} else {
		ld->used += (size_t)n;
	}
	return false;
}

static bool out_of_memory(struct loader *ld)
{
	ld->nomem = true;
	snprintf(ld->err, ld->errlen, "out of memory");
	ld->used = strlen(ld->err);
	return false;
}

static const char *column_name(void *ctx, size_t i)
{
	struct loader *ld = ctx;

	return ld->have_header && i < ld->ncols ?
	       field_names[ld->col_field[i]] : NULL;
}

/* A problem in the header stops the reading: the rows cannot be read. */
static bool on_header(struct loader *ld, const struct csvin_row *row,
                      char *err, size_t errlen)
{
	for (size_t i = 0; i < row->n; i++) {
		int f;

		for (f = 0; f < F_COUNT; f++)
			if (strcasecmp(row->field[i], field_names[f]) == 0)
				break;
		if (f == F_COUNT) {
			snprintf(err, errlen, "line %zu: unknown column '%.40s'; a "
			         "map's columns are key, choice, column, import_id, "
			         "question_text, recode, and choice_id and decimals "
			         "if wanted", row->line, row->field[i]);
			return false;
		}
		for (size_t c = 0; c < ld->ncols; c++)
			if (ld->col_field[c] == f) {
				snprintf(err, errlen, "line %zu: column '%s' is there "
				         "twice", row->line, field_names[f]);
				return false;
			}
		ld->col_field[ld->ncols++] = f;
	}
	for (int f = 0; f < F_COUNT; f++) {
		bool found = optional_field(f);

		for (size_t c = 0; c < ld->ncols; c++)
			found |= ld->col_field[c] == f;
		if (!found) {
			snprintf(err, errlen, "line %zu: the header has no '%s' "
			         "column", row->line, field_names[f]);
			return false;
		}
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

/* Reads a JSON string at *p (after its opening quote) into buf, undoing
 * \" and \\; other escapes are kept as written, which is all telling ids
 * apart needs.  False when it does not end or does not fit. */
static bool json_member(const char **p, char *buf, size_t n)
{
	size_t len = 0;

	for (const char *s = *p; *s; s++) {
		char c = *s;

		if (c == '"') {
			buf[len] = '\0';
			*p = s + 1;
			return true;
		}
		if (c == '\\' && (s[1] == '"' || s[1] == '\\'))
			c = *++s;
		if (len + 1 >= n)
			return false;
		buf[len++] = c;
	}
	return false;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The ImportId and choiceId of a row-3 object such as
 * {"ImportId":"QID17","choiceId":"7"}: a flat object of strings.  False
 * with the reason when it is not one, or has no ImportId. */
static bool parse_id_object(const char *text, char *id, char *choice,
                            size_t n, char *why, size_t whylen)
{
	const char *p = skip_blanks(text);
	char name[64], value[256];

	*id = *choice = '\0';
	if (*p++ != '{')
		return snprintf(why, whylen, "does not start a JSON object"), false;
	for (;;) {
		p = skip_blanks(p);
		if (*p == '}' && !*id && p == skip_blanks(text + 1))
			break;     /* {} */
		if (*p++ != '"' || !json_member(&p, name, sizeof name))
			return snprintf(why, whylen, "is not a JSON object of "
			                "strings such as {\"ImportId\":\"QID17\","
			                "\"choiceId\":\"7\"}"), false;
		p = skip_blanks(p);
		if (*p++ != ':')
			return snprintf(why, whylen, "is not a JSON object of "
			                "strings: no ':' after \"%s\"", name), false;
		p = skip_blanks(p);
		if (*p++ != '"' || !json_member(&p, value, sizeof value))
			return snprintf(why, whylen, "is not a JSON object of "
			                "strings: \"%s\" has no string", name), false;
		if (strcmp(name, "ImportId") == 0)
			snprintf(id, n, "%s", value);
		else if (strcmp(name, "choiceId") == 0)
			snprintf(choice, n, "%s", value);
		p = skip_blanks(p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p++ != '}')
			return snprintf(why, whylen, "starts a JSON object but does "
			                "not end it"), false;
		break;
	}
	if (*skip_blanks(p))
		return snprintf(why, whylen, "has text after its JSON object"),
		       false;
	if (!*id)
		return snprintf(why, whylen, "has no \"ImportId\""), false;
	return true;
}

/* Row 3 of a column and the identity it stands for (ImportId, with
 * "_choiceId" when it has one: QID17_7 in either shape).  False after
 * adding the problem. */
static bool import_id_of(struct loader *ld, size_t line, const char *text,
                         const char *choice_id, char **json, char **identity)
{
	char id[256], choice[256], why[200];

	*json = *identity = NULL;
	if (text[0] == '{') {
		if (*choice_id)
			return problem(ld, line, "import_id is a whole JSON object: "
			               "put its choiceId in it, not in choice_id");
		if (!parse_id_object(text, id, choice, sizeof id, why,
		                     sizeof why))
			return problem(ld, line, "import_id %s", why);
		*json = mem_strdup(text);
	} else {
		char *a = json_string(text), *b = json_string(choice_id);

		snprintf(id, sizeof id, "%s", text);
		snprintf(choice, sizeof choice, "%s", choice_id);
		if (a && b)
			*json = *choice_id ?
			        mem_printf("{\"ImportId\":\"%s\",\"choiceId\":\"%s\"}",
			                   a, b) :
			        mem_printf("{\"ImportId\":\"%s\"}", a);
		mem_free(a);
		mem_free(b);
	}
	*identity = *choice ? mem_printf("%s_%s", id, choice) : mem_strdup(id);
	if (!*json || !*identity) {
		mem_free(*json);
		mem_free(*identity);
		*json = *identity = NULL;
		return out_of_memory(ld);
	}
	return true;
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

static int meta_by_name(const char *name)
{
	for (int i = 0; i < QMETA_COUNT; i++)
		if (strcmp(qualtrics_meta[i].name, name) == 0)
			return i;
	return -1;
}

static int meta_by_id(const char *identity)
{
	for (int i = 0; i < QMETA_COUNT; i++)
		if (strcmp(qualtrics_meta[i].id, identity) == 0)
			return i;
	return -1;
}

/* The column a row names: new, or the same one named before with the same
 * ImportId and question text (a blank text takes the earlier one). */
static bool row_column(struct loader *ld, const char *v[F_COUNT],
                       size_t line, size_t *col)
{
	struct qualtrics_map *m = ld->m;
	size_t c = find_col(m, v[F_COLUMN]);
	char *id, *identity;
	struct qualtrics_col *qc;
	int meta;

	if (!import_id_of(ld, line, v[F_IMPORT_ID], v[F_CHOICE_ID], &id,
	                  &identity))
		return false;
	if (c != SIZE_MAX) {
		qc = &m->cols[c];
		mem_free(id);
		if (strcmp(qc->identity, identity) != 0) {
			mem_free(identity);
			return problem(ld, line, "column %s has another import_id on "
			               "line %zu", qc->name, qc->line);
		}
		mem_free(identity);
		if (*v[F_TEXT] && qc->text && strcmp(qc->text, v[F_TEXT]) != 0)
			return problem(ld, line, "column %s has another "
			               "question_text on line %zu", qc->name,
			               qc->line);
		if (*v[F_TEXT] && !qc->text &&
		    !(qc->text = mem_strdup(v[F_TEXT])))
			return out_of_memory(ld);
		*col = c;
		return true;
	}
	/* Qualtrics' own columns keep their own ids. */
	meta = meta_by_name(v[F_COLUMN]);
	if (meta >= 0 && strcmp(identity, qualtrics_meta[meta].id) != 0) {
		problem(ld, line, "column %s is Qualtrics' %s, whose ImportId is "
		        "%s in every export, not %s", v[F_COLUMN],
		        qualtrics_meta[meta].label, qualtrics_meta[meta].id,
		        identity);
		goto refused;
	}
	if (meta < 0 && meta_by_id(identity) >= 0) {
		problem(ld, line, "import_id %s is Qualtrics' own %s column's",
		        identity, qualtrics_meta[meta_by_id(identity)].name);
		goto refused;
	}
	for (size_t i = 0; i < m->ncols; i++)
		if (strcmp(m->cols[i].identity, identity) == 0) {
			problem(ld, line, "import_id %s is already column %s's (line "
			        "%zu)", identity, m->cols[i].name, m->cols[i].line);
			goto refused;
		}
	if (!grow((void **)&m->cols, m->ncols, sizeof *m->cols)) {
		mem_free(id);
		mem_free(identity);
		return out_of_memory(ld);
	}
	qc = &m->cols[m->ncols];
	memset(qc, 0, sizeof *qc);
	qc->import_id = id;
	qc->identity = identity;
	qc->meta = meta;
	qc->name = mem_strdup(v[F_COLUMN]);
	qc->text = *v[F_TEXT] ? mem_strdup(v[F_TEXT]) : NULL;
	qc->line = line;
	m->ncols++;
	if (!qc->name || (*v[F_TEXT] && !qc->text))
		return out_of_memory(ld);
	*col = m->ncols - 1;
	return true;
refused:
	mem_free(id);
	mem_free(identity);
	return false;
}

/* What kind of row this is, from the key's question; false after adding
 * the problem when the choice, recode or decimals do not fit it. */
static bool row_kind(struct loader *ld, const char *v[F_COUNT], size_t line,
                     struct qualtrics_entry *ne)
{
	const struct edition *ed = ld->m->ed;
	const char *key = v[F_KEY], *choice = v[F_CHOICE], *recode = v[F_RECODE];
	const char *decimals = v[F_DECIMALS];
	const struct codebook_entry *ce;
	const struct question *qq;

	ne->q = -1;
	ne->decimals = -1;
	if (!*key) {
		if (*choice || *recode || *decimals)
			return problem(ld, line, "a row with no key is a column we "
			               "leave blank (or Qualtrics' own): it takes no "
			               "choice, recode or decimals");
		ne->kind = QM_FILLER;
		return true;
	}
	if (meta_by_name(v[F_COLUMN]) >= 0)
		return problem(ld, line, "column %s is Qualtrics' %s, which apmwb "
		               "fills itself: leave its key blank", v[F_COLUMN],
		               qualtrics_meta[meta_by_name(v[F_COLUMN])].label);
	ce = codebook_find(ld->cb, key);
	if (!ce) {
		const char *near = codebook_nearest(ld->cb, key);

		return problem(ld, line, "unknown key '%.60s'%s%s%s", key,
		               near ? " (did you mean " : "", near ? near : "",
		               near ? "?)" : "");
	}
	if (*decimals) {
		if (strcmp(ce->type, "money") != 0)
			return problem(ld, line, "%s is not dollars: decimals is for "
			               "dollar amounts", key);
		if (strlen(decimals) != 1 || decimals[0] < '0' ||
		    decimals[0] > '2')
			return problem(ld, line, "decimals '%.20s' is not 0, 1 or 2",
			               decimals);
		ne->decimals = decimals[0] - '0';
	}
	if (ce->computed) {
		if (*choice || *recode)
			return problem(ld, line, "%s is a computed figure: it takes "
			               "no choice or recode", key);
		ne->kind = QM_VALUE;     /* q stays -1: figures are read by key */
		return true;
	}
	ne->q = ce->q;
	qq = &ed->qs[ne->q];
	if (qq->type == Q_CHOICE || qq->type == Q_YESNO || qq->type == Q_MULTI) {
		bool known = qq->type == Q_YESNO ?
		             strcmp(choice, "yes") == 0 || strcmp(choice, "no") == 0 :
		             edition_find_choice(qq, choice) != NULL;

		if (!*choice)
			return problem(ld, line, "%s is a %s question: give each of "
			               "its choices a row with its recode", key,
			               qq->type == Q_YESNO ? "yes/no" : "choice");
		if (!known)
			return problem(ld, line, "'%.40s' is not a choice of %s",
			               choice, key);
		if (*recode && !whole_number(recode))
			return problem(ld, line, "recode '%.20s' is not a whole "
			               "number", recode);
		if (qq->type == Q_MULTI && !*recode)
			return problem(ld, line, "%s is a multi-select: its choice %s "
			               "needs the recode its box holds when ticked "
			               "(Qualtrics writes 1)", key, choice);
		ne->kind = qq->type == Q_MULTI ? QM_TICK : QM_CHOICE;
		return true;
	}
	if (*choice || *recode)
		return problem(ld, line, "%s takes its answer as it is: no choice "
		               "or recode", key);
	ne->kind = QM_VALUE;
	return true;
}

/* The rules between rows: one row per key and choice; a one-answer
 * question in one column, a multi-select's boxes each in their own; no
 * column shared by two keys. */
static bool row_fits(struct loader *ld, const struct qualtrics_entry *ne)
{
	const struct qualtrics_map *m = ld->m;

	for (size_t i = 0; i < m->n; i++) {
		const struct qualtrics_entry *e = &m->e[i];
		bool same_key = e->key && ne->key && strcmp(e->key, ne->key) == 0;

		if (same_key && (!e->choice || !ne->choice ||
		                 strcmp(e->choice, ne->choice) == 0))
			return problem(ld, ne->line, "%s%s%s is mapped already on "
			               "line %zu", ne->key, ne->choice ? " " : "",
			               ne->choice ? ne->choice : "", e->line);
		if (same_key && ne->kind == QM_CHOICE && e->col != ne->col)
			return problem(ld, ne->line, "%s takes one answer: all its "
			               "choices go in one column, %s (line %zu)",
			               ne->key, m->cols[e->col].name, e->line);
		if (e->col != ne->col)
			continue;
		if (same_key && ne->kind == QM_TICK)
			return problem(ld, ne->line, "%s is a multi-select: each "
			               "choice has a column of its own, and %s is %s's "
			               "(line %zu)", ne->key, m->cols[e->col].name,
			               e->choice, e->line);
		if (!same_key)
			return problem(ld, ne->line, "column %s is %s's already (line "
			               "%zu)", m->cols[e->col].name,
			               e->key ? e->key : "a blank column", e->line);
	}
	return true;
}

/* One row of the map.  A refused row is noted and skipped, so every
 * problem of the map is found in one reading. */
static bool on_entry(struct loader *ld, const struct csvin_row *row)
{
	struct qualtrics_map *m = ld->m;
	const char *v[F_COUNT];
	struct qualtrics_entry ne;
	char why[300];
	bool ok;

	for (int f = 0; f < F_COUNT; f++)
		v[f] = "";
	if (row->n > ld->ncols)
		return problem(ld, row->line, "more fields than the header's %zu "
		               "columns", ld->ncols);
	if (row->n < ld->ncols)
		return problem(ld, row->line, "%zu fields, but the header has %zu "
		               "columns", row->n, ld->ncols);
	for (size_t i = 0; i < row->n; i++) {
		const char *name = field_names[ld->col_field[i]];

		if (row->len[i] != strlen(row->field[i])) {
			csvin_nul_message(row, name, why, sizeof why);
			return problem(ld, 0, "%s", why);
		}
		if (!sanitize_check(row->field[i], 0, why, sizeof why))
			return problem(ld, row->line, "column %s %s", name, why);
		v[ld->col_field[i]] = row->field[i];
	}
	if (!*v[F_COLUMN])
		return problem(ld, row->line, "no column name");
	if (!*v[F_IMPORT_ID])
		return problem(ld, row->line, "no import_id for column %s",
		               v[F_COLUMN]);

	memset(&ne, 0, sizeof ne);
	ne.line = row->line;
	ok = row_kind(ld, v, row->line, &ne) &&
	     row_column(ld, v, row->line, &ne.col);
	if (ok) {
		ne.key = *v[F_KEY] ? mem_strdup(v[F_KEY]) : NULL;
		ne.choice = *v[F_CHOICE] ? mem_strdup(v[F_CHOICE]) : NULL;
		ne.recode = mem_strdup(v[F_RECODE]);
		if ((*v[F_KEY] && !ne.key) || (*v[F_CHOICE] && !ne.choice) ||
		    !ne.recode || !grow((void **)&m->e, m->n, sizeof *m->e))
			ok = out_of_memory(ld);
		else
			ok = row_fits(ld, &ne);
	}
	if (!ok) {
		int q = *v[F_KEY] ? edition_find(m->ed, v[F_KEY]) : -1;

		if (q >= 0)
			ld->refused[q] = true;
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
	if (!ld->have_header)
		return on_header(ld, row, err, errlen);
	on_entry(ld, row);
	if (ld->nomem) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	return true;
}

/* ---- the map against the edition ---- */

static bool has_entry(const struct qualtrics_map *m, int q,
                      const char *choice)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->e[i].q == q && (!choice || (m->e[i].choice &&
		                       strcmp(m->e[i].choice, choice) == 0)))
			return true;
	return false;
}

/* Every answer and every choice the edition can show has a column.  The
 * questions a refused row named are left out: their problem is said. */
static void check_coverage(struct loader *ld)
{
	const struct edition *ed = ld->m->ed;

	for (size_t q = 0; q < ed->nq; q++) {
		const struct question *qq = &ed->qs[q];

		if (qq->type == Q_COMPUTED || ld->refused[q])
			continue;
		if (qq->type == Q_YESNO) {
			static const char *const yn[] = { "yes", "no" };

			for (int i = 0; i < 2; i++)
				if (!has_entry(ld->m, (int)q, yn[i]))
					problem(ld, 0, "no column for %s = %s (the map needs "
					        "a row for every answer and choice of the %s "
					        "edition)", qq->key, yn[i], ed->id);
		} else if (qq->type == Q_CHOICE || qq->type == Q_MULTI) {
			for (size_t c = 0; c < qq->choices->n; c++)
				if (!has_entry(ld->m, (int)q,
				               qq->choices->items[c].value))
					problem(ld, 0, "no column for %s = %s (the map needs "
					        "a row for every answer and choice of the %s "
					        "edition)", qq->key,
					        qq->choices->items[c].value, ed->id);
		} else if (!has_entry(ld->m, (int)q, NULL)) {
			problem(ld, 0, "no column for %s (the map needs a row for "
			        "every answer and choice of the %s edition)", qq->key,
			        ed->id);
		}
	}
}

/* ---- loading ---- */

static void loader_free(struct loader *ld)
{
	if (!ld)
		return;
	csvin_free(ld->in);
	codebook_free(ld->cb);
	qualtrics_map_free(ld->m);
	mem_free(ld->refused);
	mem_free(ld);
}

static struct loader *loader_new(const struct edition *ed, char *err,
                                 size_t errlen)
{
	struct loader *ld = mem_calloc(1, sizeof *ld);

	if (!ld)
		return NULL;
	ld->err = err;
	ld->errlen = errlen;
	if (errlen)
		err[0] = '\0';
	ld->m = mem_calloc(1, sizeof *ld->m);
	ld->in = csvin_new(on_row, column_name, ld, CSVIN_COMMENTS);
	ld->cb = codebook_new(ed);
	ld->refused = mem_calloc(ed->nq ? ed->nq : 1, sizeof *ld->refused);
	if (!ld->m || !ld->in || !ld->cb || !ld->refused) {
		loader_free(ld);
		return NULL;
	}
	ld->m->ed = ed;
	return ld;
}

/* The map, once the input has ended well and no row was refused (and,
 * with `whole`, the edition is covered); the loader is freed. */
static struct qualtrics_map *loader_finish(struct loader *ld, bool whole)
{
	struct qualtrics_map *m = NULL;
	char why[512];

	if (!csvin_finish(ld->in, NULL, why, sizeof why)) {
		if (!ld->nomem)
			problem(ld, 0, "%s", why);
		goto out;
	}
	if (ld->nomem)
		goto out;
	if (!ld->have_header) {
		problem(ld, 0, "no header line (key,choice,column,import_id,"
		        "question_text,recode): the map is empty");
		goto out;
	}
	if (!ld->problems && !ld->m->ncols) {
		problem(ld, 0, "the map names no column");
		goto out;
	}
	if (whole)
		check_coverage(ld);
	if (ld->problems)
		goto out;
	m = ld->m;
	ld->m = NULL;
	m->meta_first = true;
	for (size_t c = 0; c < m->ncols; c++)
		if (m->cols[c].meta >= 0)
			m->meta_first = false;
out:
	if (!m && ld->omitted && ld->used + 1 < ld->errlen)
		snprintf(ld->err + ld->used, ld->errlen - ld->used,
		         "\nand %zu more problem%s", ld->omitted,
		         ld->omitted == 1 ? "" : "s");
	loader_free(ld);
	return m;
}

/* Feeds text that csvin may refuse (a quote left open): that stops the
 * reading, as one more problem. */
static bool feed(struct loader *ld, const char *buf, size_t len)
{
	char why[512];

	if (csvin_feed(ld->in, buf, len, why, sizeof why))
		return true;
	if (!ld->nomem)
		problem(ld, 0, "%s", why);
	return false;
}

static struct qualtrics_map *parse(const struct edition *ed, const char *buf,
                                   size_t len, bool whole, char *err,
                                   size_t errlen)
{
	struct loader *ld = loader_new(ed, err, errlen);

	if (!ld) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!feed(ld, buf, len)) {
		loader_free(ld);
		return NULL;
	}
	return loader_finish(ld, whole);
}

struct qualtrics_map *qualtrics_map_parse(const struct edition *ed,
                                          const char *buf, size_t len,
                                          char *err, size_t errlen)
{
	return parse(ed, buf, len, false, err, errlen);
}

/* Each line of a message prefixed with the file's name. */
static void name_lines(const char *path, const char *msg, char *err,
                       size_t errlen)
{
	size_t used = 0;

	err[0] = '\0';
	for (const char *p = msg; *p && used + 1 < errlen;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int w = snprintf(err + used, errlen - used, "%s%s: %.*s",
		                 used ? "\n" : "", path, (int)n, p);

		if (w < 0 || (size_t)w >= errlen - used)
			break;
		used += (size_t)w;
		p += n + (nl != NULL);
	}
}

struct qualtrics_map *qualtrics_map_load(const struct edition *ed,
                                         const char *path,
                                         char *err, size_t errlen)
{
	struct loader *ld;
	struct qualtrics_map *m;
	char buf[16384], *why;
	FILE *f = fopen(path, "rb");
	size_t n;
	bool ok = true;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	why = mem_alloc(errlen ? errlen : 1);
	ld = why ? loader_new(ed, why, errlen) : NULL;
	if (!ld) {
		fclose(f);
		mem_free(why);
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = feed(ld, buf, n);
	if (ok && ferror(f)) {
		problem(ld, 0, "%s", strerror(errno));
		ok = false;
	}
	fclose(f);
	if (!ok) {
		loader_free(ld);
		m = NULL;
	} else {
		m = loader_finish(ld, true);
	}
	if (!m)
		name_lines(path, why, err, errlen);
	mem_free(why);
	return m;
}

struct qualtrics_map *qualtrics_map_builtin(const struct edition *ed,
                                            char *err, size_t errlen)
{
	struct qualtrics_map *m;
	char *why;

	if (strcmp(ed->id, "2020") != 0) {
		snprintf(err, errlen, "apmwb has no Qualtrics map of its own for "
		         "the %s edition; give the LAN's with --map FILE", ed->id);
		return NULL;
	}
	why = mem_alloc(errlen ? errlen : 1);
	if (!why) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m = parse(ed, (const char *)apmwb_qualtrics_map_2020,
	          apmwb_qualtrics_map_2020_len, true, why, errlen);
	if (!m)
		name_lines("the built-in Qualtrics map", why, err, errlen);
	mem_free(why);
	return m;
}

struct qualtrics_map *qualtrics_map_parse_whole(const struct edition *ed,
                                                const char *buf, size_t len,
                                                char *err, size_t errlen)
{
	return parse(ed, buf, len, true, err, errlen);
}
