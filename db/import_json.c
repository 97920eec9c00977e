/* SPDX-License-Identifier: MIT */
/* import_json.c: answers, contracts and acknowledgements from the JSON
 * export's own shape.
 *
 * The text arrives in chunks; jsonsplit cuts it into the top-level
 * members' values and the worksheet's contracts one at a time, so a
 * worksheet of any size is held one contract at a time, and SQLite reads
 * each of those texts (json_type, json_each): no parser of our own.  Merge
 * semantics: every key present under "answers" or
 * "hidden_answers" is set (null makes it blank) and absent keys are left
 * alone; "contracts", when present, replaces the worksheet (each
 * contract's results checked against its fields, and kept nowhere);
 * "acknowledgements", when present, are set one by one; "figures",
 * "checks" and "state" are ignored (figures and checks are recomputed, and
 * a sign-off is a person's act in this file, not data to copy).  Every
 * value goes through the same validation as the screen, and the whole
 * import is one transaction: one bad value changes nothing, and the
 * message names it. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ack.h"
#include "answers.h"
#include "codebook.h"
#include "edition.h"
#include "jsonsplit.h"
#include "mem.h"
#include "nominal.h"
#include "store_internal.h"
#include "validate.h"

/* The core's validators say this, and only this, when memory runs out. */
#define OUT_OF_MEMORY "out of memory"

#define NUMBER_HINT "write amounts as strings, e.g. \"1234.56\", so no " \
	"digit is lost"

enum member {
	M_FORMAT, M_VERSION, M_EDITION, M_ANSWERS, M_HIDDEN, M_CONTRACTS,
	M_ACKS, M_STATE, M_FIGURES, M_CHECKS, M_COUNT
};

/* What the top level says of itself. */
struct top {
	bool present[M_COUNT];
	char format[64], edition[64];
	int64_t version;
};

struct import {
	struct store *st;
	sqlite3 *db;
	char *err;
	size_t errlen;
	enum store_status status;   /* of the first failure */
	struct top top;
	int member;                 /* the member being read */
	/* answers, hidden_answers and acknowledgements, read once the
	 * worksheet is in: its row in the history is a wall for undo. */
	char *kept[M_COUNT];
	sqlite3_stmt *each;         /* json_each over one contract */
	sqlite3_stmt *valid;        /* json_valid of one, NULL: not needed */
	int64_t before;             /* contracts before the import */
	/* Answers to put in memory once committed: val[q] (NULL: blank)
	 * where changed[q]; seen[q] catches a key given twice. */
	char **val;
	bool *changed, *seen;
	size_t nanswers, ncontracts, nacks;
	bool acks_changed, changed_any;
	struct store_ack *acks;
	size_t nacks_now;
	store_ack_rule rule;     /* the session's own, may be NULL */
	void *rule_ctx;
};

/* A refusal of the import itself: the message names what and why. */
__attribute__((format(printf, 2, 3)))
static bool refuse(struct import *im, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(im->err, im->errlen, "%s: not imported: %s", im->st->path, msg);
	im->status = STORE_INVALID;
	return false;
}

/* A failure of SQLite while importing. */
static bool sql_failed(struct import *im, int rc)
{
	im->status = store_fail(im->st, rc, "not imported", "import it again",
	                        im->err, im->errlen);
	return false;
}

static bool nomem(struct import *im)
{
	return sql_failed(im, SQLITE_NOMEM);
}

/* Prepares sql over the text bound to ?1 (the whole JSON, or a part). */
static bool prepare(struct import *im, const char *sql, const char *text,
                    int len, sqlite3_stmt **s)
{
	int rc = sqlite3_prepare_v2(im->db, sql, -1, s, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(*s, 1, text, len, SQLITE_TRANSIENT);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*s);
		*s = NULL;
		return sql_failed(im, rc);
	}
	return true;
}

/* Column i as text, refused when a \u0000 inside would cut it short. */
static const char *text_col(struct import *im, sqlite3_stmt *s, int i,
                            const char *what)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	if (!t) {
		nomem(im);
		return NULL;
	}
	if (strlen(t) != (size_t)sqlite3_column_bytes(s, i)) {
		refuse(im, "%s contains a NUL character (\\u0000)", what);
		return NULL;
	}
	return t;
}

/* Why a JSON type is not a string, in words for the respondent. */
static const char *not_string(const char *type)
{
	if (strcmp(type, "integer") == 0 || strcmp(type, "real") == 0)
		return "is a number; " NUMBER_HINT;
	if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0)
		return "is true or false; write \"yes\" or \"no\" (as a string)";
	if (strcmp(type, "object") == 0)
		return "is an object; give a string, or null for blank";
	if (strcmp(type, "array") == 0)
		return "is a list; give one string, or null for blank";
	return "is not a string";
}

/* ---- answers ---- */

/* A multi-select's array joined one value per line, as validation takes
 * it. */
static char *join_array(struct import *im, const char *key,
                        const char *array)
{
	sqlite3_stmt *s;
	char *out = mem_strdup(""), *grown;
	size_t len = 0;
	int rc;

	if (!out) {
		nomem(im);
		return NULL;
	}
	if (!prepare(im, "SELECT type, value FROM json_each(?1)", array, -1, &s)) {
		mem_free(out);
		return NULL;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(s, 0);
		const char *v;
		size_t n;

		if (!type || strcmp(type, "text") != 0) {
			refuse(im, "%s: each choice must be a string; one %s", key,
			       type ? not_string(type) : "is missing");
			goto fail;
		}
		if (!(v = text_col(im, s, 1, key)))
			goto fail;
		n = strlen(v);
		grown = mem_realloc_array(out, len + n + 2, 1);
		if (!grown) {
			nomem(im);
			goto fail;
		}
		out = grown;
		if (len)
			out[len++] = '\n';
		memcpy(out + len, v, n + 1);
		len += n;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		mem_free(out);
		sql_failed(im, rc);
		return NULL;
	}
	return out;
fail:
	sqlite3_finalize(s);
	mem_free(out);
	return NULL;
}

/* Validates one answer and, when it differs, writes it with its history
 * row; memory follows after COMMIT. */
static bool import_answer(struct import *im, const char *key,
                          const char *type, sqlite3_stmt *row)
{
	const struct edition *ed = im->st->ed;
	char *text = NULL, *canonical = NULL, why[300], now[STORE_TIME_LEN];
	const char *old;
	int q, rc;

	q = edition_find(ed, key);
	if (q < 0) {
		struct codebook *cb = codebook_new(ed);
		bool figure = cb && codebook_find(cb, key);
		char hint[256];

		codebook_free(cb);
		if (figure)
			return refuse(im, "%s is a computed figure; leave it out "
			              "(figures are recomputed)", key);
		codebook_hint(ed, key, hint, sizeof hint);
		return refuse(im, "\"%s\" is not a question of the %s edition "
		              "(%s)", key, ed->id, hint);
	}
	if (ed->qs[q].type == Q_COMPUTED)
		return refuse(im, "%s is computed from other rows; leave it out "
		              "(figures are recomputed)", key);
	if (im->seen[q])
		return refuse(im, "%s is given twice", key);
	im->seen[q] = true;
	if (strcmp(type, "array") == 0) {
		if (ed->qs[q].type != Q_MULTI)
			return refuse(im, "%s takes one value, not a list", key);
		text = join_array(im, key, (const char *)sqlite3_column_text(row, 2));
		if (!text)
			return false;
	} else if (strcmp(type, "text") == 0) {
		const char *t = text_col(im, row, 2, key);

		if (!t)
			return false;
		if (!(text = mem_strdup(t)))
			return nomem(im);
	} else if (strcmp(type, "null") != 0) {
		return refuse(im, "%s %s", key, not_string(type));
	}
	if (!validate_answer(ed, q, text ? text : "", &canonical, why,
	                     sizeof why)) {
		mem_free(text);
		if (strcmp(why, OUT_OF_MEMORY) == 0)
			return nomem(im);
		return refuse(im, "%s %s", key, why);
	}
	mem_free(text);
	old = answers_get(im->st->a, q);
	if ((!old && !canonical) ||
	    (old && canonical && strcmp(old, canonical) == 0)) {
		mem_free(canonical);   /* unchanged: nothing to write */
		return true;
	}
	store_now(now);
	rc = canonical ? store_run(im->st, S_ANSWER_PUT, "ttt", key, canonical,
	                           now) :
	                 store_run(im->st, S_ANSWER_DEL, "t", key);
	if (rc == SQLITE_OK)
		rc = store_history_add(im->st, "answer", key, old, canonical);
	if (rc != SQLITE_OK) {
		mem_free(canonical);
		return sql_failed(im, rc);
	}
	im->val[q] = canonical;
	im->changed[q] = true;
	im->nanswers++;
	return true;
}

static bool import_answers(struct import *im, enum member m)
{
	sqlite3_stmt *s;
	int rc;

	if (!prepare(im, "SELECT key, type, value FROM json_each(?1)",
	             im->kept[m], -1, &s))
		return false;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = text_col(im, s, 0, "a key");
		const char *type = (const char *)sqlite3_column_text(s, 1);

		if (!key || !type || !import_answer(im, key, type, s)) {
			if (key && !type)
				nomem(im);
			sqlite3_finalize(s);
			return false;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return sql_failed(im, rc);
	return true;
}

/* ---- contracts ---- */

static int field_by_name(const char *name)
{
	for (int f = 0; f < NR_F_COUNT; f++)
		if (strcmp(name, nominal_field_name((enum nr_field)f)) == 0)
			return f;
	return -1;
}

static int result_by_name(const char *name)
{
	for (int r = 0; r < NR_R_COUNT; r++)
		if (strcmp(name, nominal_result_name((enum nr_result)r)) == 0)
			return r;
	return -1;
}

/* What a contract object has said so far: the fields seen, and the
 * results as given (checked once every field is read). */
struct given {
	bool seen[NR_F_COUNT];
	char *result[NR_R_COUNT];
};

/* One member of a contract object into c (a field) or g (a result). */
static bool contract_member(struct import *im, sqlite3_stmt *s,
                            const char *where, struct contract *c,
                            struct given *g)
{
	const char *name = text_col(im, s, 0, where);
	const char *type = (const char *)sqlite3_column_text(s, 1);
	const char *v;
	char why[300];
	int f, r = -1;

	if (!name || !type)
		return name ? nomem(im) : false;
	f = field_by_name(name);
	if (f < 0 && (r = result_by_name(name)) < 0)
		return refuse(im, "%s has an unknown field \"%s\" (the fields are "
		              "label, line, type, risk_min, risk_max, shared_risk, "
		              "dollars, and the results net_risk, meets, why_not)",
		              where, name);
	if (f >= 0 ? g->seen[f] : g->result[r] != NULL)
		return refuse(im, "%s gives %s twice", where, name);
	if (f >= 0)
		g->seen[f] = true;
	if (strcmp(type, "null") == 0)
		return r < 0 || (g->result[r] = mem_strdup("")) || nomem(im);
	if (strcmp(type, "text") != 0)
		return refuse(im, "%s %s %s", where, name, not_string(type));
	if (!(v = text_col(im, s, 2, where)))
		return false;
	if (r >= 0)
		return (g->result[r] = mem_strdup(v)) || nomem(im);
	if (nominal_parse_field(c, (enum nr_field)f, v, why, sizeof why))
		return true;
	if (strcmp(why, OUT_OF_MEMORY) == 0)
		return nomem(im);
	return refuse(im, "%s %s %s", where, name, why);
}

/* SQLite from 3.42 on also takes JSON5 (comments, single quotes, trailing
 * commas) in json_each and json_extract; json_valid still says whether a
 * text is RFC 8259 JSON, which is all apmwb writes and all it takes, on
 * every SQLite.  SQLITE_MISMATCH when obj is not.  An older SQLite's
 * json_each refuses just what json_valid would, so a contract (the one
 * piece there may be a million of) is not parsed twice there. */
static int strict_json(struct import *im, const char *obj)
{
	int rc;

	if (!im->valid)
		return SQLITE_OK;
	sqlite3_reset(im->valid);
	rc = sqlite3_bind_text(im->valid, 1, obj, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = sqlite3_step(im->valid)) == SQLITE_ROW)
		rc = sqlite3_column_int(im->valid, 0) ? SQLITE_OK :
		     SQLITE_MISMATCH;
	sqlite3_reset(im->valid);
	sqlite3_clear_bindings(im->valid);
	return rc;
}

/* One contract object into c; i is its index in the array.  The results
 * the export adds (net_risk, meets, why_not) are checked against the
 * fields once all are read, and kept nowhere. */
static bool parse_contract(struct import *im, int64_t i, const char *obj,
                           struct contract *c)
{
	struct given g = { { false }, { NULL } };
	char why[300], where[64];
	sqlite3_stmt *s = im->each;
	bool ok = false;
	int rc;

	snprintf(where, sizeof where, "contracts[%lld] (contract %lld)",
	         (long long)i, (long long)i + 1);
	if ((rc = strict_json(im, obj)) != SQLITE_OK) {
		if (rc == SQLITE_MISMATCH)
			return refuse(im, "this is not valid JSON: %s is not a "
			              "JSON object", where);
		return sql_failed(im, rc);
	}
	sqlite3_reset(s);
	if ((rc = sqlite3_bind_text(s, 1, obj, -1, SQLITE_STATIC)) != SQLITE_OK)
		return sql_failed(im, rc);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!contract_member(im, s, where, c, &g))
			goto out;
	if (rc == SQLITE_ERROR) {
		/* json_each's one failure that is not of memory: bad JSON. */
		refuse(im, "this is not valid JSON: %s is not a JSON object",
		       where);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		sql_failed(im, rc);
		goto out;
	}
	for (int r = 0; r < NR_R_COUNT; r++) {
		if (!g.result[r] || nominal_check_result(c, (enum nr_result)r,
		                                         g.result[r], why,
		                                         sizeof why))
			continue;
		refuse(im, "%s %s \"%.40s\" %s (the results are checked, never "
		       "imported)", where, nominal_result_name((enum nr_result)r),
		       g.result[r], why);
		goto out;
	}
	ok = true;
out:
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	for (int r = 0; r < NR_R_COUNT; r++)
		mem_free(g.result[r]);
	return ok;
}

/* Does valid JSON hold the escape \u0000?  SQLite 3.40's json_each
 * ends a string there, so "A\u0000B" would arrive as "A" with nothing to
 * tell: the lost rest must be refused, not silently dropped. */
static bool has_nul_escape(const char *json, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (json[i] != '\\')
			continue;
		if (json[i + 1] == 'u' && i + 5 < len &&
		    memcmp(json + i + 2, "0000", 4) == 0)
			return true;
		i++;   /* past the escaped character, a backslash too */
	}
	return false;
}

/* The list begins: the worksheet is emptied, its count kept for the
 * history. */
static bool contracts_begin(struct import *im)
{
	int rc = totals_count(im->st, &im->before);

	if (rc == SQLITE_OK)
		rc = contracts_clear(im->st);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(im->db, "SELECT key, type, value FROM "
		                        "json_each(?1)", -1, &im->each, NULL);
	if (rc == SQLITE_OK && sqlite3_libversion_number() >= 3042000)
		rc = sqlite3_prepare_v2(im->db, "SELECT json_valid(?1)", -1,
		                        &im->valid, NULL);
	if (rc != SQLITE_OK)
		return sql_failed(im, rc);
	return true;
}

static bool contract_element(struct import *im, uint64_t i, const char *obj,
                             size_t len)
{
	struct contract c;
	bool ok;
	int rc;

	if (obj[0] != '{')
		return refuse(im, "contracts[%llu] (contract %llu) is not an "
		              "object of fields", (unsigned long long)i,
		              (unsigned long long)i + 1);
	if (has_nul_escape(obj, len))
		return refuse(im, "contracts[%llu] (contract %llu): a string "
		              "contains a NUL character (\\u0000), which no label "
		              "may hold", (unsigned long long)i,
		              (unsigned long long)i + 1);
	contract_init(&c);
	ok = parse_contract(im, (int64_t)i, obj, &c);
	if (ok && (rc = contracts_append(im->st, &c, (int64_t)i)) != SQLITE_OK)
		ok = sql_failed(im, rc);
	contract_clear(&c);
	return ok;
}

static bool contracts_end(struct import *im, uint64_t count)
{
	struct store *st = im->st;
	char old[32], new[32];
	int rc;

	store_count_text(old, sizeof old, im->before, "contract");
	store_count_text(new, sizeof new, (int64_t)count, "contract");
	rc = totals_appended_write(st);
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "contracts", NULL, old, new);
	if (rc != SQLITE_OK)
		return sql_failed(im, rc);
	im->ncontracts = (size_t)count;
	return true;
}

/* ---- acknowledgements ---- */

#define ACK_FIELDS 5
static const char *const ack_fields[ACK_FIELDS] = {
	"check", "message", "reason", "by", "at"
};

/* One member of an acknowledgement object, copied into copy[]. */
static bool ack_member(struct import *im, sqlite3_stmt *s, const char *where,
                       char *copy[ACK_FIELDS])
{
	const char *name = text_col(im, s, 0, where);
	const char *type = (const char *)sqlite3_column_text(s, 1);
	const char *t;
	size_t f;

	if (!name || !type)
		return name ? nomem(im) : false;
	for (f = 0; f < ACK_FIELDS && strcmp(name, ack_fields[f]) != 0; f++)
		;
	if (f == ACK_FIELDS)
		return refuse(im, "%s has an unknown field \"%s\" (the fields are "
		              "check, message, reason, by, at)", where, name);
	if (copy[f])
		return refuse(im, "%s gives %s twice", where, name);
	if (strcmp(type, "null") == 0)
		return true;
	if (strcmp(type, "text") != 0)
		return refuse(im, "%s %s %s", where, name, not_string(type));
	if (!(t = text_col(im, s, 2, where)))
		return false;
	return (copy[f] = mem_strdup(t)) || nomem(im);
}

/* An acknowledgement read whole: valid as apmwb ack would take it, and
 * by the caller's rule, then written. */
static bool ack_write(struct import *im, const char *where,
                      char *const v[ACK_FIELDS])
{
	char why[300];
	bool changed;
	int rc;

	if (!v[0] || !*v[0])
		return refuse(im, "%s names no check (\"check\": the check's id)",
		              where);
	/* The same rules as apmwb ack: a file never holds one it refuses. */
	if (!ack_valid(v[0], v[1], v[2], v[3], v[4], why, sizeof why))
		return refuse(im, "%s: the %s", where, why);
	if (im->rule && !im->rule(im->rule_ctx, v[0], why, sizeof why))
		return refuse(im, "%s: %s", where, why);
	rc = store_ack_write(im->st, v[0], v[1], v[2], v[3], v[4], "ack",
	                     &changed);
	if (rc != SQLITE_OK)
		return sql_failed(im, rc);
	if (changed) {
		im->acks_changed = true;
		im->nacks++;
	}
	return true;
}

static bool import_ack(struct import *im, int64_t i, const char *obj)
{
	char *copy[ACK_FIELDS] = { NULL }, where[64];
	sqlite3_stmt *s;
	bool ok = false;
	int rc;

	snprintf(where, sizeof where, "acknowledgements[%lld]", (long long)i);
	if (!prepare(im, "SELECT key, type, value FROM json_each(?1)", obj, -1,
	             &s))
		return false;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!ack_member(im, s, where, copy))
			goto out;
	if (rc != SQLITE_DONE)
		sql_failed(im, rc);
	else
		ok = ack_write(im, where, copy);
out:
	sqlite3_finalize(s);
	for (int f = 0; f < ACK_FIELDS; f++)
		mem_free(copy[f]);
	return ok;
}

static bool import_acks(struct import *im)
{
	sqlite3_stmt *s;
	int64_t i = 0;
	int rc;

	if (!prepare(im, "SELECT type, value FROM json_each(?1)",
	             im->kept[M_ACKS], -1, &s))
		return false;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(s, 0);

		if (!type || strcmp(type, "object") != 0) {
			sqlite3_finalize(s);
			if (!type)
				return nomem(im);
			return refuse(im, "acknowledgements[%lld] is not an object",
			              (long long)i);
		}
		if (!import_ack(im, i, (const char *)sqlite3_column_text(s, 1))) {
			sqlite3_finalize(s);
			return false;
		}
		i++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return sql_failed(im, rc);
	return true;
}

/* ---- the whole ---- */

static const struct {
	const char *name;
	const char *type;   /* the JSON type it must have; NULL: any */
	const char *words;  /* that type for people */
} members[M_COUNT] = {
	[M_FORMAT] = { "format", "text", "a string" },
	[M_VERSION] = { "version", "integer", "a whole number" },
	[M_EDITION] = { "edition", "text", "a string" },
	[M_ANSWERS] = { "answers", "object", "an object of key: value" },
	[M_HIDDEN] = { "hidden_answers", "object", "an object of key: value" },
	[M_CONTRACTS] = { "contracts", "array", "a list of contracts" },
	[M_ACKS] = { "acknowledgements", "array",
	             "a list of acknowledgements" },
	[M_STATE] = { "state", NULL, NULL },
	[M_FIGURES] = { "figures", NULL, NULL },
	[M_CHECKS] = { "checks", NULL, NULL },
};

/* What the top level has said of the format, version and edition: each
 * given is checked as soon as it is read; at the end (final) each must
 * have been given. */
static bool top_ok(struct import *im, bool final)
{
	const struct top *t = &im->top;

	if ((t->present[M_FORMAT] || final) &&
	    (!t->present[M_FORMAT] || strcmp(t->format, "apmwb-submission") != 0))
		return refuse(im, "this is not an apmwb JSON export (it needs "
		              "\"format\": \"apmwb-submission\")");
	if ((t->present[M_VERSION] || final) &&
	    (!t->present[M_VERSION] || t->version != 1))
		return refuse(im, "this JSON is version %lld of apmwb's format; "
		              "this apmwb reads version 1 (\"version\": 1)",
		              (long long)t->version);
	if (final && !t->present[M_EDITION])
		return refuse(im, "the JSON does not say its workbook edition "
		              "(\"edition\": \"%s\")", im->st->ed->id);
	if (t->present[M_EDITION] && strcmp(t->edition, im->st->ed->id) != 0)
		return refuse(im, "the JSON is for the %s edition of the workbook, "
		              "this file for the %s edition", t->edition,
		              im->st->ed->id);
	return true;
}

/* A member's name: known, and given once.  The contracts stream. */
static bool on_name(void *ctx, const char *json, size_t len, bool *stream)
{
	struct import *im = ctx;
	sqlite3_stmt *s;
	const char *name;
	int m, rc;

	if (has_nul_escape(json, len))
		return refuse(im, "a member's name contains a NUL character "
		              "(\\u0000), which no name of apmwb's holds");
	/* json_valid: see strict_json */
	if (!prepare(im, "SELECT json_extract(?1, '$'), json_valid(?1)", json,
	             (int)len, &s))
		return false;
	if ((rc = sqlite3_step(s)) != SQLITE_ROW ||
	    !sqlite3_column_int(s, 1)) {
		sqlite3_finalize(s);
		if (rc == SQLITE_ERROR || rc == SQLITE_ROW)
			return refuse(im, "this is not valid JSON: a member's name "
			              "%.40s is not a JSON string", json);
		return sql_failed(im, rc);
	}
	if (!(name = text_col(im, s, 0, "a member's name"))) {
		sqlite3_finalize(s);
		return false;
	}
	for (m = 0; m < M_COUNT && strcmp(name, members[m].name) != 0; m++)
		;
	if (m == M_COUNT) {
		refuse(im, "the JSON has an unknown member \"%s\"", name);
		sqlite3_finalize(s);
		return false;
	}
	sqlite3_finalize(s);
	if (im->top.present[m])
		return refuse(im, "the JSON gives \"%s\" twice", members[m].name);
	im->top.present[m] = true;
	im->member = m;
	*stream = m == M_CONTRACTS;
	if (*stream)
		/* Only the worksheet comes before the rest is read: what is
		 * known of the top level must say it is ours. */
		return top_ok(im, false) && contracts_begin(im);
	return true;
}

/* A member's value, whole (the contracts' only when not a list). */
static bool on_value(void *ctx, const char *json, size_t len)
{
	struct import *im = ctx;
	struct top *t = &im->top;
	const char *type, *name = members[im->member].name;
	sqlite3_stmt *s;
	bool ok = true;
	int rc;

	/* Every member's, not only the data's: SQLite 3.40 would end a
	 * string there, so "apmwb-submission\u0000x" would read as ours. */
	if (has_nul_escape(json, len))
		return refuse(im, "a string contains a NUL character (\\u0000), "
		              "which no answer or label may hold");
	if (!prepare(im, "SELECT json_type(?1), json_extract(?1, '$'), "
	             "json_valid(?1)", json, (int)len, &s))
		return false;
	if ((rc = sqlite3_step(s)) != SQLITE_ROW ||
	    !sqlite3_column_int(s, 2)) {
		sqlite3_finalize(s);
		if (rc == SQLITE_ERROR || rc == SQLITE_ROW)
			return refuse(im, "this is not valid JSON: the value of "
			              "\"%s\" is not JSON; give a JSON export of apmwb "
			              "(apmwb export --format json)", name);
		return sql_failed(im, rc);
	}
	if (!(type = (const char *)sqlite3_column_text(s, 0))) {
		sqlite3_finalize(s);
		return nomem(im);
	}
	if (members[im->member].type &&
	    strcmp(type, members[im->member].type) != 0) {
		sqlite3_finalize(s);
		return refuse(im, "\"%s\" must be %s", name,
		              members[im->member].words);
	}
	switch (im->member) {
	case M_FORMAT:
	case M_EDITION:
		snprintf(im->member == M_FORMAT ? t->format : t->edition,
		         sizeof t->format, "%s",
		         (const char *)sqlite3_column_text(s, 1));
		ok = top_ok(im, false);
		break;
	case M_VERSION:
		t->version = sqlite3_column_int64(s, 1);
		ok = top_ok(im, false);
		break;
	case M_ANSWERS:
	case M_HIDDEN:
	case M_ACKS:
		if (!(im->kept[im->member] = mem_strdup(json)))
			ok = nomem(im);
		break;
	default:
		break;   /* figures, checks, state: recomputed, or not data */
	}
	sqlite3_finalize(s);
	return ok;
}

static bool on_element(void *ctx, uint64_t i, const char *json, size_t len)
{
	return contract_element(ctx, i, json, len);
}

static bool on_end(void *ctx, uint64_t count)
{
	return contracts_end(ctx, count);
}

static const struct jsonsplit_calls split_calls = {
	on_name, on_value, on_element, on_end
};

/* Turns the splitter's word into the import's: a refusal or a failure. */
static bool split_ok(struct import *im, enum jsonsplit_status rc,
                     const char *why)
{
	switch (rc) {
	case JSONSPLIT_OK:
		return true;
	case JSONSPLIT_STOPPED:
		return false;   /* the import's own reason is kept */
	case JSONSPLIT_NOMEM:
		return nomem(im);
	case JSONSPLIT_NOT_OBJECT:
		return refuse(im, "%s", why);
	default:
		return refuse(im, "%s; give a JSON export of apmwb (apmwb export "
		              "--format json)", why);
	}
}

/* One chunk through the splitter, then the progress told: false when
 * refused or failed (im says why) or asked to stop (*stopped). */
static bool feed(struct import *im, struct jsonsplit *sp, const char *b,
                 size_t n, struct store_progress *pr, bool *stopped)
{
	char why[256] = "";

	if (!split_ok(im, jsonsplit_feed(sp, b, n, why, sizeof why), why))
		return false;
	pr->done += n;
	*stopped = !store_progress_tell(im->st, pr);
	return !*stopped;
}

/* The input, chunk by chunk, through the splitter; false when refused,
 * failed or stopped (im says which). */
static bool read_all(struct import *im, const char *first, size_t nfirst,
                     store_read_fn rd, void *rd_ctx, uint64_t size)
{
	struct store_progress pr = { "importing", "bytes", 0, size, false };
	struct jsonsplit *sp = jsonsplit_new(&split_calls, im);
	char why[256] = "", buf[65536];
	bool ok = true, stopped = false;
	ssize_t n;

	if (!sp)
		return nomem(im);
	/* What is given at once goes in slices, so progress is told. */
	while (ok && nfirst) {
		size_t k = nfirst < sizeof buf ? nfirst : sizeof buf;

		ok = feed(im, sp, first, k, &pr, &stopped);
		first += k;
		nfirst -= k;
	}
	while (ok && rd && (n = rd(rd_ctx, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR) {
			/* a signal: it may ask to stop */
			ok = !(stopped = !store_progress_tell(im->st, &pr));
		} else if (n < 0) {
			refuse(im, "could not read it: %s", strerror(errno));
			im->status = STORE_IO;
			ok = false;
		} else {
			ok = feed(im, sp, buf, (size_t)n, &pr, &stopped);
		}
	}
	if (ok)
		ok = split_ok(im, jsonsplit_finish(sp, why, sizeof why), why);
	jsonsplit_free(sp);
	if (stopped) {
		snprintf(im->err, im->errlen, "%s: the import was interrupted; "
		         "nothing was imported", im->st->path);
		im->status = STORE_INTERRUPTED;
	}
	return ok;
}

static bool run_import(struct import *im, const char *first, size_t nfirst,
                       store_read_fn rd, void *rd_ctx, uint64_t size)
{
	const bool *present = im->top.present;
	char summary[256], answers[40], acks[48], contracts[40];
	int rc;

	if (!read_all(im, first, nfirst, rd, rd_ctx, size) || !top_ok(im, true))
		return false;
	/* The worksheet came first as it was read: its row in the history is
	 * a wall for undo, and the answers and acknowledgements after it stay
	 * undoable. */
	if (present[M_ANSWERS] && !import_answers(im, M_ANSWERS))
		return false;
	if (present[M_HIDDEN] && !import_answers(im, M_HIDDEN))
		return false;
	if (present[M_ACKS] && !import_acks(im))
		return false;
	if (!present[M_CONTRACTS] && !im->nanswers && !im->nacks)
		return true;   /* nothing changed: nothing to record */
	store_count_text(answers, sizeof answers, (int64_t)im->nanswers,
	                 "answer");
	store_count_text(acks, sizeof acks, (int64_t)im->nacks,
	                 "acknowledgement");
	store_count_text(contracts, sizeof contracts, (int64_t)im->ncontracts,
	                 "contract");
	if (present[M_CONTRACTS])
		snprintf(summary, sizeof summary, "%s and %s changed, the "
		         "worksheet replaced by %s", answers, acks, contracts);
	else
		snprintf(summary, sizeof summary, "%s and %s changed", answers,
		         acks);
	im->changed_any = true;
	rc = store_history_add(im->st, "import", NULL, NULL, summary);
	if (rc == SQLITE_OK)
		rc = store_draft(im->st);
	if (rc == SQLITE_OK && im->acks_changed)
		rc = store_acks_read(im->st, &im->acks, &im->nacks_now);
	if (rc != SQLITE_OK)
		return sql_failed(im, rc);
	return true;
}

enum store_status store_import_json_read(struct store *st, const char *first,
                                         size_t nfirst, store_read_fn rd,
                                         void *rd_ctx, uint64_t size,
                                         store_ack_rule rule, void *rule_ctx,
                                         char *err, size_t errlen)
{
	struct import im = {
		.st = st, .db = st->db, .err = err, .errlen = errlen,
		.status = STORE_OK, .rule = rule, .rule_ctx = rule_ctx,
	};
	enum store_status status;
	bool ok;

	status = store_writable(st, err, errlen);
	if (status != STORE_OK)
		return status;
	im.val = mem_calloc(st->ed->nq, sizeof *im.val);
	im.changed = mem_calloc(st->ed->nq, sizeof *im.changed);
	im.seen = mem_calloc(st->ed->nq, sizeof *im.seen);
	if (!im.val || !im.changed || !im.seen) {
		snprintf(err, errlen, "%s: not imported: out of memory", st->path);
		status = STORE_NOMEM;
		goto out;
	}
	status = store_begin(st, "import it again", err, errlen);
	if (status != STORE_OK)
		goto out;
	ok = run_import(&im, first, nfirst, rd, rd_ctx, size);
	sqlite3_finalize(im.each);
	sqlite3_finalize(im.valid);
	im.each = NULL;
	im.valid = NULL;
	store_told(st, "importing");
	if (!ok) {
		store_rollback(st);
		status = im.status != STORE_OK ? im.status : STORE_INVALID;
		goto out;
	}
	status = store_commit(st, "import it again", err, errlen);
	if (status != STORE_OK || !im.changed_any)
		goto out;
	/* Committed: memory follows, with nothing left that can fail. */
	for (size_t q = 0; q < st->ed->nq; q++) {
		if (!im.changed[q])
			continue;
		mem_free(st->a->val[q]);
		st->a->val[q] = im.val[q];
		im.val[q] = NULL;
	}
	if (im.acks_changed) {
		store_acks_swap(st, im.acks, im.nacks_now);
		im.acks = NULL;
		im.nacks_now = 0;
	}
	store_draft_done(st);
out:
	for (size_t q = 0; im.val && q < st->ed->nq; q++)
		mem_free(im.val[q]);
	for (int m = 0; m < M_COUNT; m++)
		mem_free(im.kept[m]);
	mem_free(im.val);
	mem_free(im.changed);
	mem_free(im.seen);
	store_acks_free(im.acks, im.nacks_now);
	return status;
}

enum store_status store_import_json(struct store *st, const char *json,
                                    size_t len, store_ack_rule rule,
                                    void *rule_ctx, char *err, size_t errlen)
{
	return store_import_json_read(st, json, len, NULL, NULL, len, rule,
	                              rule_ctx, err, errlen);
}
