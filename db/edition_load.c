/* SPDX-License-Identifier: MIT */
/* edition_load.c: the edition between SQL and the core's structs.
 *
 * The edition is data (share/edition-*.sql).  A new submission gets the
 * built-in copy written into its own tables, and every open reads the
 * edition back from the file, so a file stays readable after a later
 * edition ships.  A file's tables are not trusted: every row goes through
 * the core's edition builder, which refuses what it cannot make sense of. */
#include <config.h>

#include <stdio.h>

#include "edition.h"
#include "edition_load.h"

bool edition_install(sqlite3 *db, char *err, size_t errlen)
{
	char *msg = NULL;
	int rc;

	/* The embedded bytes end in a NUL (share/embed.sh), so they are one
	 * C string of statements. */
	rc = sqlite3_exec(db, (const char *)apmwb_edition_sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "could not write the workbook edition: %s",
		         msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return false;
	}
	return true;
}

/* NULL for SQL NULL, the text otherwise. */
static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

typedef bool (*row_fn)(struct edition *ed, sqlite3_stmt *s,
                       char *err, size_t errlen);

/* Runs one query over an edition table, handing each row to fn. */
static bool each_row(sqlite3 *db, struct edition *ed, const char *sql,
                     row_fn fn, size_t *rows, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	size_t n = 0;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "the edition tables cannot be read: %s",
		         sqlite3_errmsg(db));
		return false;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n++;
		if (!fn(ed, s, err, errlen)) {
			sqlite3_finalize(s);
			return false;
		}
	}
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "the edition tables cannot be read: %s",
		         sqlite3_errmsg(db));
		sqlite3_finalize(s);
		return false;
	}
	sqlite3_finalize(s);
	if (rows)
		*rows = n;
	return true;
}

static bool info_row(struct edition *ed, sqlite3_stmt *s, char *err,
                     size_t errlen)
{
	struct edition_keys k = {
		.name = col(s, 4), .nr_method = col(s, 5), .nr_attest = col(s, 6),
		.nr_worksheet = col(s, 7), .nr_model = col(s, 8),
	};

	return edition_set_info(ed, col(s, 0), col(s, 1), col(s, 2), col(s, 3),
	                        err, errlen) &&
	       edition_set_keys(ed, &k, err, errlen);
}

static bool tab_row(struct edition *ed, sqlite3_stmt *s, char *err,
                    size_t errlen)
{
	return edition_add_tab(ed, col(s, 0), col(s, 1), col(s, 2), col(s, 3),
	                       col(s, 4), err, errlen) &&
	       (!col(s, 5) ||
	        edition_set_rows_head(ed, col(s, 0), col(s, 5), err, errlen));
}

static bool line_row(struct edition *ed, sqlite3_stmt *s, char *err,
                     size_t errlen)
{
	return edition_add_line(ed, col(s, 0), col(s, 1), col(s, 2), col(s, 3),
	                        err, errlen);
}

static bool category_row(struct edition *ed, sqlite3_stmt *s, char *err,
                         size_t errlen)
{
	return edition_add_category(ed, col(s, 0), col(s, 1), err, errlen);
}

static bool measure_row(struct edition *ed, sqlite3_stmt *s, char *err,
                        size_t errlen)
{
	return edition_add_measure(ed, col(s, 0), col(s, 1), col(s, 2), err,
	                           errlen);
}

static bool choice_row(struct edition *ed, sqlite3_stmt *s, char *err,
                       size_t errlen)
{
	return edition_add_choice(ed, col(s, 0), col(s, 1), col(s, 2), err,
	                          errlen);
}

static bool model_row(struct edition *ed, sqlite3_stmt *s, char *err,
                      size_t errlen)
{
	return edition_add_model(ed, col(s, 0), col(s, 1), col(s, 2), err,
	                         errlen);
}

static bool question_row(struct edition *ed, sqlite3_stmt *s, char *err,
                         size_t errlen)
{
	struct question_row r = {
		.key = col(s, 0), .tab = col(s, 1), .type = col(s, 2),
		.prompt = col(s, 3), .label = col(s, 4), .row = col(s, 5),
		.section = col(s, 6), .role = col(s, 7), .formula = col(s, 8),
		.share_label = col(s, 9), .choices = col(s, 10),
		.show_if = col(s, 13), .help = col(s, 14), .model = col(s, 15),
		.short_label = col(s, 16), .section_short = col(s, 17),
		.total_of = col(s, 18), .instruction = col(s, 19),
	};
	sqlite3_int64 max = sqlite3_column_int64(s, 11);

	r.max_choices = max < 0 || max > 1000 ? 0 : (int)max;
	r.required = sqlite3_column_int64(s, 12) != 0;
	return edition_add_question(ed, &r, err, errlen);
}

static bool definition_row(struct edition *ed, sqlite3_stmt *s, char *err,
                           size_t errlen)
{
	return edition_add_definition(ed, col(s, 0), col(s, 1), err, errlen);
}

static bool help_row(struct edition *ed, sqlite3_stmt *s, char *err,
                     size_t errlen)
{
	return edition_add_help(ed, col(s, 0), col(s, 1), col(s, 2), err, errlen);
}

struct edition *edition_load(sqlite3 *db, char *err, size_t errlen)
{
	/* The builder wants tabs, choices, models and categories before the
	 * questions, and the questions in survey order.  Each column is read
	 * as +column, the same value: for a bare column SQLite would also
	 * record its declared type and its origin database, table and column
	 * at every prepare (a fifth of preparing these, and more to finalize),
	 * which nothing here asks for. */
	static const struct {
		const char *sql;
		row_fn fn;
	} tables[] = {
		{ "SELECT +id, +title, +form, +data_year, +name_key, +nr_method, "
		  "+nr_attest, +nr_worksheet, +nr_model FROM edition", info_row },
		{ "SELECT +id, +title, +short, +intro, +help, +rows_head FROM "
		  "edition_tab ORDER BY pos", tab_row },
		{ "SELECT +id, +name, +short, +nr_name FROM edition_line "
		  "ORDER BY pos", line_row },
		{ "SELECT +set_id, +value, +label FROM edition_choice "
		  "ORDER BY set_id, pos", choice_row },
		{ "SELECT +id, +label, +category FROM edition_model ORDER BY pos",
		  model_row },
		{ "SELECT +id, +label FROM edition_category ORDER BY pos",
		  category_row },
		{ "SELECT +key, +tab, +type, +prompt, +label, +row, +section, "
		  "+role, +formula, +share_label, +choices, +max_choices, "
		  "+required, +show_if, +help, +model, +short_label, "
		  "+section_short, +total_of, +instruction FROM edition_question "
		  "ORDER BY pos", question_row },
		{ "SELECT +id, +label, +rows FROM edition_measure ORDER BY pos",
		  measure_row },
		{ "SELECT +term, +body FROM edition_definition ORDER BY pos",
		  definition_row },
		{ "SELECT +id, +title, +body FROM edition_help ORDER BY pos",
		  help_row },
	};
	struct edition *ed = edition_new();
	size_t rows;

	if (!ed) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		if (!each_row(db, ed, tables[i].sql, tables[i].fn, &rows, err,
		              errlen))
			goto fail;
		if (i == 0 && rows != 1) {
			snprintf(err, errlen, "the edition table has %zu rows, "
			         "not one", rows);
			goto fail;
		}
	}
	if (!edition_finish(ed, err, errlen))
		goto fail;
	return ed;
fail:
	edition_free(ed);
	return NULL;
}

struct edition *edition_load_builtin(char *err, size_t errlen)
{
	struct edition *ed = NULL;
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(":memory:", &db,
	                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "could not open an in-memory database: %s",
		         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	if (edition_install(db, err, errlen))
		ed = edition_load(db, err, errlen);
	sqlite3_close(db);
	return ed;
}
