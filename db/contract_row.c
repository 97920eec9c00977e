/* SPDX-License-Identifier: MIT */
/* contract_row.c: a contract and its row: read from the columns, bound to
 * a statement, checked before it is written, named in the history and
 * kept there as JSON.  Nothing here changes the file. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "lob.h"
#include "mem.h"
#include "money.h"
#include "nominal.h"
#include "store_internal.h"

static bool int_in(sqlite3_value *v, int64_t lo, int64_t hi, int64_t *out)
{
	int64_t x;

	if (sqlite3_value_type(v) != SQLITE_INTEGER)
		return false;
	x = sqlite3_value_int64(v);
	if (x < lo || x > hi)
		return false;
	*out = x;
	return true;
}

static const char *text_or_null(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_TEXT ?
	       (const char *)sqlite3_value_text(v) : NULL;
}

void contract_from_values(struct contract *c, sqlite3_value **v)
{
	const char *line = text_or_null(v[0]), *type = text_or_null(v[1]);
	int64_t x;

	contract_init(c);
	for (int l = 0; line && l < LOB_COUNT; l++) {
		if (strcmp(line, lob_nr_id(l)) == 0) {
			c->line = l;
			c->has |= NR_HAS_LINE;
		}
	}
	if (type && strcmp(type, nominal_type_id(NR_TCOC)) == 0) {
		c->type = NR_TCOC;
		c->has |= NR_HAS_TYPE;
	} else if (type && strcmp(type, nominal_type_id(NR_REVENUE)) == 0) {
		c->type = NR_REVENUE;
		c->has |= NR_HAS_TYPE;
	}
	if (int_in(v[2], 0, PCT_MAX, &x)) {
		c->risk_min = x;
		c->has |= NR_HAS_MIN;
	}
	if (int_in(v[3], 0, PCT_MAX, &x)) {
		c->risk_max = x;
		c->has |= NR_HAS_MAX;
	}
	if (int_in(v[4], 0, PCT_MAX, &x)) {
		c->shared_risk = x;
		c->has |= NR_HAS_SHARE;
	}
	if (int_in(v[5], 0, MONEY_MAX, &x)) {
		c->dollars = x;
		c->has |= NR_HAS_DOLLARS;
	}
}

bool contract_from_row(struct contract *c, sqlite3_stmt *s, int64_t *pos)
{
	sqlite3_value *v[6];
	const char *label;

	for (int i = 0; i < 6; i++)
		v[i] = sqlite3_column_value(s, 3 + i);
	contract_from_values(c, v);
	c->id = sqlite3_column_int64(s, 0);
	if (pos)
		*pos = sqlite3_column_int64(s, 1);
	label = (const char *)sqlite3_column_text(s, 2);
	if (label && *label && !(c->label = mem_strdup(label)))
		return false;
	return true;
}

int contract_get(struct store *st, int64_t id, struct contract *c,
                 int64_t *pos)
{
	sqlite3_stmt *s;
	int rc;

	contract_init(c);
	s = store_stmt(st, S_C_GET, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "i", id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			rc = contract_from_row(c, s, pos) ? SQLITE_OK : SQLITE_NOMEM;
		else if (rc == SQLITE_DONE)
			rc = STORE_RC_NO_CONTRACT;
	}
	stmt_done(s);
	return rc;
}

const char *contract_status_name(const struct contract *c)
{
	struct nr_eval e;

	nominal_evaluate(c, &e);
	return contract_status_text(e.status);
}

const char *contract_status_text(enum nr_status s)
{
	switch (s) {
	case NR_MEETS: return "meets";
	case NR_FAILS: return "fails";
	default: return "incomplete";
	}
}

bool contract_valid(const struct contract *c, char *why, size_t whylen)
{
	const char *bad = NULL;

	if ((c->has & NR_HAS_LINE) && (c->line < 0 || c->line >= LOB_COUNT))
		bad = "line";
	else if ((c->has & NR_HAS_TYPE) && c->type != NR_TCOC &&
	         c->type != NR_REVENUE)
		bad = "type";
	else if ((c->has & NR_HAS_MIN) && (c->risk_min < 0 ||
	                                   c->risk_min > PCT_MAX))
		bad = "risk_min";
	else if ((c->has & NR_HAS_MAX) && (c->risk_max < 0 ||
	                                   c->risk_max > PCT_MAX))
		bad = "risk_max";
	else if ((c->has & NR_HAS_SHARE) && (c->shared_risk < 0 ||
	                                     c->shared_risk > PCT_MAX))
		bad = "shared_risk";
	else if ((c->has & NR_HAS_DOLLARS) && (c->dollars < 0 ||
	                                       c->dollars > MONEY_MAX))
		bad = "dollars";
	else if (c->label && strlen(c->label) > NR_LABEL_MAX)
		bad = "label";
	if (bad) {
		snprintf(why, whylen, "%s is out of its range", bad);
		return false;
	}
	return true;
}

char *contract_name(const struct contract *c, int64_t index)
{
	if (c->label && *c->label)
		return mem_strdup(c->label);
	return mem_printf("#%lld", (long long)index + 1);
}

static int bind_int_or_null(sqlite3_stmt *s, int i, bool has, int64_t v)
{
	return has ? sqlite3_bind_int64(s, i, v) : sqlite3_bind_null(s, i);
}

int contract_bind(sqlite3_stmt *s, int first, const struct contract *c)
{
	int rc;

	rc = c->label ? sqlite3_bind_text(s, first, c->label, -1,
	                                  SQLITE_TRANSIENT) :
	                sqlite3_bind_null(s, first);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_LINE ?
		     sqlite3_bind_text(s, first + 1, lob_nr_id(c->line), -1,
		                       SQLITE_STATIC) :
		     sqlite3_bind_null(s, first + 1);
	if (rc == SQLITE_OK)
		rc = c->has & NR_HAS_TYPE ?
		     sqlite3_bind_text(s, first + 2, nominal_type_id(c->type), -1,
		                       SQLITE_STATIC) :
		     sqlite3_bind_null(s, first + 2);
	if (rc == SQLITE_OK)
		rc = bind_int_or_null(s, first + 3, c->has & NR_HAS_MIN,
		                      c->risk_min);
	if (rc == SQLITE_OK)
		rc = bind_int_or_null(s, first + 4, c->has & NR_HAS_MAX,
		                      c->risk_max);
	if (rc == SQLITE_OK)
		rc = bind_int_or_null(s, first + 5, c->has & NR_HAS_SHARE,
		                      c->shared_risk);
	if (rc == SQLITE_OK)
		rc = bind_int_or_null(s, first + 6, c->has & NR_HAS_DOLLARS,
		                      c->dollars);
	return rc;
}

int contract_insert_row(struct store *st, int64_t id, int64_t pos,
                        const struct contract *c)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_C_INSERT, &rc);
	if (!s)
		return rc;
	rc = id > 0 ? sqlite3_bind_int64(s, 1, id) : sqlite3_bind_null(s, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(s, 2, pos);
	if (rc == SQLITE_OK)
		rc = contract_bind(s, 3, c);
	return stmt_step_done(s, rc);
}

/* ---- contracts as JSON, for the history ---- */

int contract_json(struct store *st, const struct contract *c, int64_t pred,
                  char **json)
{
	char field[NR_F_COUNT][NR_LABEL_MAX + 1];
	const char *v[NR_F_COUNT];
	sqlite3_stmt *s;
	int rc;

	*json = NULL;
	/* The fields in the contracts CSV's machine text: readable in the
	 * log, and exact both ways. */
	for (int f = 0; f < NR_F_COUNT; f++) {
		nominal_format_field(c, (enum nr_field)f, field[f], sizeof field[f]);
		v[f] = *field[f] ? field[f] : NULL;
	}
	s = store_stmt(st, S_C_JSON, &rc);
	if (!s)
		return rc;
	rc = sqlite3_bind_int64(s, 1, c->id);
	if (rc == SQLITE_OK)
		rc = pred > 0 ? sqlite3_bind_int64(s, 2, pred) :
		                sqlite3_bind_null(s, 2);
	for (int f = 0; rc == SQLITE_OK && f < NR_F_COUNT; f++)
		rc = v[f] ? sqlite3_bind_text(s, 3 + f, v[f], -1, SQLITE_STATIC) :
		            sqlite3_bind_null(s, 3 + f);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(s, 0);

			*json = t ? sqlite3_mprintf("%s", t) : NULL;
			rc = *json ? SQLITE_OK : SQLITE_NOMEM;
		}
	}
	stmt_done(s);
	return rc;
}

/* The fields of a history JSON's row (from column 2 on) into c. */
static int unjson_fields(sqlite3_stmt *s, struct contract *c)
{
	char why[200];

	for (int f = 0; f < NR_F_COUNT; f++) {
		const char *t = (const char *)sqlite3_column_text(s, 2 + f);

		if (t && !nominal_parse_field(c, (enum nr_field)f, t, why,
		                              sizeof why))
			return strcmp(why, "out of memory") == 0 ? SQLITE_NOMEM :
			       STORE_RC_BAD_CONTRACT;
	}
	return SQLITE_OK;
}

int contract_unjson(struct store *st, const char *json, struct contract *c,
                    int64_t *pred)
{
	sqlite3_stmt *s;
	int rc;

	contract_init(c);
	*pred = 0;
	s = store_stmt(st, S_C_UNJSON, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "t", json);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			c->id = sqlite3_column_int64(s, 0);
			*pred = sqlite3_column_int64(s, 1);
			rc = unjson_fields(s, c);
			if (rc == SQLITE_OK && c->id <= 0)
				rc = STORE_RC_BAD_CONTRACT;
		}
	}
	stmt_done(s);
	if (rc != SQLITE_OK)
		contract_clear(c);
	return rc;
}
