/* SPDX-License-Identifier: MIT */
/* schema.c: the tables of a submission file and their migrations.
 *
 * As in iSH's fs/fake-migrate.c: an array of SQL steps, step k bringing
 * user_version k-1 to k (a step in parts where it is longer than the
 * 4095 characters a C string may portably hold).  All pending steps run in the caller's one
 * transaction, then PRAGMA user_version is set (pragmas take no
 * placeholders, so the number is printed into the SQL).  A step, once
 * shipped, is never edited: a change is a new step. */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "edition_load.h"
#include "store_internal.h"

#define STEP_PARTS 2

struct step {
	/* Brings an older file's copy of the edition forward: a new file
	 * gets the built-in edition as it is now instead. */
	bool edition;
	const char *sql[STEP_PARTS];
};

/* edition_question made again as table t, with these checks of its type
 * and role, every row and rowid copied (SQLite alters no constraint).
 * The rename is the legacy one, which leaves views and triggers alone:
 * the modern one checks every view of the file again, and one a foreign
 * hand added would stop the step, though apmwb never runs one. */
#define QUESTION_TABLE_AGAIN(t, type_check, role_check) \
	"CREATE TABLE " t " (key TEXT PRIMARY KEY,\n" \
	"  pos INTEGER NOT NULL UNIQUE,\n" \
	"  tab TEXT NOT NULL REFERENCES edition_tab(id),\n" \
	"  type TEXT NOT NULL CHECK (" type_check "),\n" \
	"  prompt TEXT NOT NULL DEFAULT '', label TEXT NOT NULL, row TEXT,\n" \
	"  section TEXT, role TEXT CHECK (" role_check "),\n" \
	"  formula TEXT, share_label TEXT, choices TEXT, max_choices INTEGER,\n" \
	"  required INTEGER NOT NULL DEFAULT 0, show_if TEXT, help TEXT,\n" \
	"  model TEXT REFERENCES edition_model(id), short_label TEXT,\n" \
	"  section_short TEXT, total_of TEXT, instruction TEXT);\n" \
	"INSERT INTO " t " (rowid, " QUESTION_COLUMNS ")\n" \
	"  SELECT rowid, " QUESTION_COLUMNS " FROM edition_question;\n" \
	"DROP TABLE edition_question;\n" \
	"PRAGMA legacy_alter_table = ON;\n" \
	"ALTER TABLE " t " RENAME TO edition_question;\n" \
	"PRAGMA legacy_alter_table = OFF;\n"
#define QUESTION_COLUMNS "key, pos, tab, type, prompt, label, row, " \
	"section, role, formula, share_label, choices, max_choices, " \
	"required, show_if, help, model, short_label, section_short, " \
	"total_of, instruction"

static const struct step steps[] = {
	/* 1: the submission.  Percent terms are milli-percent integers and
	 * dollars are cents, NULL when missing.  nr_total holds the
	 * worksheet's sums by line ('' for none) and nominal-risk status,
	 * kept up to date with every contract change, so no total needs a
	 * scan. */
	{ false, { "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);\n"
	"CREATE TABLE answer (key TEXT PRIMARY KEY, value TEXT NOT NULL,\n"
	"  updated TEXT NOT NULL);\n"
	"CREATE TABLE contract (id INTEGER PRIMARY KEY, pos INTEGER NOT NULL,\n"
	"  label TEXT, line TEXT, type TEXT, risk_min INTEGER,\n"
	"  risk_max INTEGER, shared_risk INTEGER, dollars INTEGER);\n"
	"CREATE INDEX contract_pos ON contract (pos);\n"
	"CREATE TABLE nr_total (line TEXT, status TEXT, cents INTEGER NOT NULL,\n"
	"  n INTEGER NOT NULL, PRIMARY KEY (line, status));\n"
	"CREATE TABLE ack (id TEXT PRIMARY KEY, message TEXT, reason TEXT,\n"
	"  by TEXT, at TEXT);\n"
	"CREATE TABLE history (id INTEGER PRIMARY KEY, at TEXT, who TEXT,\n"
	"  what TEXT, key TEXT, old TEXT, new TEXT,\n"
	"  undone INTEGER NOT NULL DEFAULT 0);\n" } },

	/* 2: the changes of one key, newest first, without reading the whole
	 * history: undo of an acknowledgement looks up who gave the one it
	 * brings back. */
	{ false, { "CREATE INDEX history_key ON history (key, id);\n" } },

	/* 3: the facts of the edition that apmwb up to version 2 knew by
	 * heart move into the file's copy of it (share/edition-schema.sql
	 * has the same columns and tables): the keys its rules work with,
	 * the lines' names, the bar's categories and the national measures,
	 * as version 2 applied them to every file; and the metric rows'
	 * short labels, cut from the file's own wording by the rules that
	 * version 2 cut them by on screen. */
	{ true, { "ALTER TABLE edition ADD COLUMN name_key TEXT;\n"
	"ALTER TABLE edition ADD COLUMN nr_method TEXT;\n"
	"ALTER TABLE edition ADD COLUMN nr_attest TEXT;\n"
	"ALTER TABLE edition ADD COLUMN nr_worksheet TEXT;\n"
	"ALTER TABLE edition ADD COLUMN nr_model TEXT;\n"
	"ALTER TABLE edition_tab ADD COLUMN rows_head TEXT;\n"
	"ALTER TABLE edition_question ADD COLUMN short_label TEXT;\n"
	"ALTER TABLE edition_question ADD COLUMN section_short TEXT;\n"
	"ALTER TABLE edition_question ADD COLUMN total_of TEXT;\n"
	"CREATE TABLE edition_line (id TEXT PRIMARY KEY,\n"
	"  pos INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,\n"
	"  short TEXT NOT NULL, nr_name TEXT NOT NULL);\n"
	"CREATE TABLE edition_category (id TEXT PRIMARY KEY,\n"
	"  pos INTEGER NOT NULL UNIQUE, label TEXT NOT NULL);\n"
	"CREATE TABLE edition_measure (id TEXT PRIMARY KEY,\n"
	"  pos INTEGER NOT NULL UNIQUE, label TEXT NOT NULL, rows TEXT);\n"
	/* A key the file's edition lacks stays NULL: no such rule. */
	"UPDATE edition SET\n"
	"  name_key = (SELECT key FROM edition_question\n"
	"              WHERE key = 'gi.org_name'),\n"
	"  nr_method = (SELECT key FROM edition_question q\n"
	"               WHERE key = 'nr.method' AND type = 'choice' AND\n"
	"               (SELECT count(*) FROM edition_choice c\n"
	"                WHERE c.set_id = q.choices AND\n"
	"                c.value IN ('attest', 'worksheet')) = 2),\n"
	"  nr_attest = 'attest', nr_worksheet = 'worksheet',\n"
	"  nr_model = (SELECT id FROM edition_model\n"
	"              WHERE id = 'cat3b_shared_risk');\n"
	"INSERT INTO edition_line VALUES\n"
	"  ('commercial', 1, 'Commercial', 'Commercial', 'Commercial'),\n"
	"  ('ma', 2, 'Medicare Advantage', 'MA', 'Medicare'),\n"
	"  ('medicaid', 3, 'Medicaid', 'Medicaid', 'Medicaid');\n"
	"INSERT INTO edition_category VALUES\n"
	"  ('1', 1, 'Cat 1'), ('2', 2, 'Cat 2'), ('3', 3, 'Cat 3'),\n"
	"  ('4', 4, 'Cat 4');\n"
	"INSERT INTO edition_measure VALUES\n"
	"  ('total', 1, 'Total dollars paid (row 1)', 'm1'),\n"
	"  ('cat1', 2, 'Category 1: legacy (row 2)', 'm2'),\n"
	"  ('cat2', 3, 'Category 2 (row 5)', 'm5'),\n"
	"  ('cat3', 4, 'Category 3 (row 10)', 'm10'),\n"
	"  ('cat4', 5, 'Category 4 (row 16)', 'm16'),\n"
	"  ('cat2_4', 6, 'Categories 2-4 (row 18)', 'm18'),\n"
	"  ('cat3_4', 7, 'Categories 3-4 (row 19)', 'm19'),\n"
	"  ('cat3b_4', 8, 'Categories 3B-4 (rows 8+9+16)', 'm8 + m9 + m16'),\n"
	"  ('nr_meets', 9, 'Nominal risk: meets', NULL),\n"
	"  ('nr_fails', 10, 'Nominal risk: does not meet', NULL);\n"
	"UPDATE edition_tab SET\n"
	"  rows_head = 'Total dollars paid to providers \u2026'\n"
	"  WHERE id IN ('commercial', 'ma', 'medicaid');\n"
	"UPDATE edition_question SET total_of = v.column2\n"
	"  FROM (VALUES ('m2', '1'), ('m5', '2'), ('m10', '3'),\n"
	"        ('m16', '4')) AS v\n"
	"  WHERE tab IN ('commercial', 'ma', 'medicaid') AND\n"
	"  key = tab || '.' || v.column1;\n",
	/* The label without the lead the heading gives and the period. */
	"UPDATE edition_question SET short_label = CASE\n"
	"  WHEN substr(label, 1, 40) = 'Total dollars paid to providers through '\n"
	"    THEN substr(label, 41)\n"
	"  WHEN substr(label, 1, 32) = 'Total dollars paid to providers '\n"
	"    THEN substr(label, 33)\n"
	"  WHEN substr(label, 1, 22) = 'Total dollars paid in '\n"
	"    THEN substr(label, 23)\n"
	"  WHEN substr(label, 1, 19) = 'Total dollars paid '\n"
	"    THEN substr(label, 20)\n"
	"  WHEN substr(label, 1, 17) = 'Dollars paid for ' THEN substr(label, 18)\n"
	"  ELSE label END\n"
	"  WHERE tab IN ('commercial', 'ma', 'medicaid');\n"
	"UPDATE edition_question\n"
	"  SET short_label = substr(short_label, 1,\n"
	"                           instr(short_label, ' in CY ') - 1)\n"
	"  WHERE instr(short_label, ' in CY ') > 0 AND\n"
	"  instr(substr(short_label, instr(short_label, ' in CY ')),\n"
	"        'most recent 12 months') > 0;\n"
	"UPDATE edition_question SET short_label = rtrim(short_label, '. ')\n"
	"  WHERE short_label IS NOT NULL;\n"
	"UPDATE edition_question SET short_label = label\n"
	"  WHERE short_label = '';\n"
	/* The heading without the framework's name, with whether its
	 * metrics are linked to quality. */
	"UPDATE edition_question SET section_short = CASE\n"
	"  WHEN substr(section, 1, 38) =\n"
	"       'Alternative Payment Model Framework - ' THEN substr(section, 39)\n"
	"  ELSE section END\n"
	"  WHERE section IS NOT NULL AND\n"
	"  tab IN ('commercial', 'ma', 'medicaid');\n"
	"UPDATE edition_question SET section_short =\n"
	"  substr(section_short, 1, instr(section_short, ' (') - 1) || CASE\n"
	"  WHEN instr(lower(substr(section_short, instr(section_short, ' ('))),\n"
	"             'not linked to quality') > 0 THEN '|not linked to quality'\n"
	"  WHEN instr(lower(substr(section_short, instr(section_short, ' ('))),\n"
	"             'linked to quality') > 0 THEN '|linked to quality'\n"
	"  ELSE '' END\n"
	"  WHERE instr(section_short, ' (') > 0;\n" } },

	/* 4: the workbook's direction between a prompt and its answers, in
	 * the file's copy of the 2020 edition: "Please respond to each
	 * statement listed." above the outcome statements (an edition that
	 * words that prompt otherwise is left without one). */
	{ true, { "ALTER TABLE edition_question ADD COLUMN instruction TEXT;\n"
	"UPDATE edition_question\n"
	"  SET instruction = 'Please respond to each statement listed.'\n"
	"  WHERE key = 'iq.outcome.quality' AND type = 'choice' AND\n"
	"  prompt = 'From health plan''s perspective, please indicate to ' ||\n"
	"    'what extent you agree, disagree that APM adoption will ' ||\n"
	"    'result in each of the following outcomes:';\n" } },

	/* 5: the checks of a question's type and role as comparisons, not
	 * IN lists: PRAGMA quick_check, run at every writer's open, builds an
	 * index of an IN list's values for each row it checks, which was
	 * three quarters of the check of a small file.  Readers do without
	 * it: it changes no value. */
	{ true, { QUESTION_TABLE_AGAIN("edition_question_5",
	"type = 'text' OR type = 'longtext' OR type = 'email' OR\n"
	"    type = 'phone' OR type = 'yesno' OR type = 'whole' OR\n"
	"    type = 'hours' OR type = 'money' OR type = 'computed' OR\n"
	"    type = 'choice' OR type = 'multi'",
	"role = 'denominator' OR role = 'numerator' OR\n"
	"    role = 'subtotal'") } },
};

const int schema_latest = (int)(sizeof steps / sizeof *steps);

/* The steps whose change a reader does without: an index that only makes
 * a writer's lookups quicker, checks that only make the page check
 * quicker.  A step that changes what a reader reads is not listed: files
 * before it are read through an overlay (the edition's steps) or through
 * the copy. */
static const int readers_skip[] = { 2, 5 };

static bool reader_skips(int k)
{
	for (size_t i = 0; i < sizeof readers_skip / sizeof *readers_skip; i++)
		if (readers_skip[i] == k)
			return true;
	return false;
}

/* A read-only open of a file older than these reads it as it is, with no
 * copy of it brought up to date in memory (which a large worksheet would
 * fill): the edition's steps change only the small edition tables, which
 * schema_overlay brings forward in temp. */
bool schema_readable_as_is(int from)
{
	for (int k = from + 1; k <= schema_latest; k++)
		if (!reader_skips(k) && !steps[k - 1].edition)
			return false;
	return true;
}

/* The table a statement changes, when it is one that changes a table's
 * rows or columns: its name (up to n bytes) in name. */
static bool changed_table(const char *sql, char *name, size_t n)
{
	static const char *const verbs[] = {
		"ALTER TABLE ", "UPDATE ", "INSERT INTO ", "DELETE FROM ",
	};

	for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
		size_t len = strlen(verbs[v]), k = 0;

		if (strncmp(sql, verbs[v], len) != 0)
			continue;
		sql += len;
		while (k + 1 < n && (isalnum((unsigned char)sql[k]) ||
		                     sql[k] == '_')) {
			name[k] = sql[k];
			k++;
		}
		name[k] = '\0';
		return k > 0;
	}
	return false;
}

/* An identifier ([A-Za-z0-9_]+, shorter than n) at *s into out; *s moves
 * past it. */
static bool word(const char **s, char *out, size_t n)
{
	size_t k = 0;

	while (k + 1 < n && (isalnum((unsigned char)(*s)[k]) || (*s)[k] == '_')) {
		out[k] = (*s)[k];
		k++;
	}
	out[k] = '\0';
	*s += k;
	return k > 0 && !isalnum((unsigned char)**s) && **s != '_';
}

/* Is sql "ALTER TABLE <table> ADD COLUMN <col> <type>;" and nothing more
 * (no default, no constraint)?  Its column and type in col and type (n
 * bytes each), and *next just past it. */
static bool plain_add_column(const char *sql, const char *table, char *col,
                             char *type, size_t n, const char **next)
{
	static const char alter[] = "ALTER TABLE ", add[] = " ADD COLUMN ";
	size_t tl = strlen(table);

	if (strncmp(sql, alter, sizeof alter - 1) != 0)
		return false;
	sql += sizeof alter - 1;
	if (strncmp(sql, table, tl) != 0 ||
	    strncmp(sql + tl, add, sizeof add - 1) != 0)
		return false;
	sql += tl + sizeof add - 1;
	if (!word(&sql, col, n) || *sql++ != ' ' || !word(&sql, type, n) ||
	    *sql != ';')
		return false;
	*next = sql + 1;
	while (**next == ' ' || **next == '\n')
		(*next)++;
	return true;
}

/* The most columns one copy takes in (the steps add at most five to a
 * table), so the copy's SQL has a known bound. */
#define FOLD_MAX 8

/* The tables temp is known to hold, so that asking it is done once a
 * table, not once a statement (each asking is a statement prepared). */
#define KNOWN_MAX 16
struct known {
	char name[KNOWN_MAX][64];
	int n;
};

static bool known_has(const struct known *k, const char *name)
{
	for (int i = 0; i < k->n; i++)
		if (strcmp(k->name[i], name) == 0)
			return true;
	return false;
}

static void known_add(struct known *k, const char *name)
{
	if (k->n < KNOWN_MAX && !known_has(k, name))
		snprintf(k->name[k->n++], sizeof k->name[0], "%s", name);
}

/* Copies a table of the file into temp, where unqualified names find it
 * before main's, unless temp has it already (made or copied before).
 * The plain ADD COLUMNs that start at *sql for this table are made in
 * the copy itself, NULL and of their type as ALTER TABLE would make
 * them: each ALTER TABLE would rewrite and read again the whole schema
 * (a quarter of a million instructions each); *sql moves past them. */
static int overlay_copy(sqlite3 *db, struct known *k, const char *name,
                        const char **sql)
{
	sqlite3_stmt *s = NULL;
	/* its head, at most FOLD_MAX columns and its FROM: each bounded */
	char copy[256 + (FOLD_MAX + 1) * 160], col[64], type[64];
	const char *next;
	size_t len;
	int rc;

	if (known_has(k, name))
		return SQLITE_OK;
	rc = sqlite3_prepare_v2(db, "SELECT 1 FROM temp.sqlite_schema "
	                        "WHERE type = 'table' AND name = ?1", -1, &s,
	                        NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW) {
		known_add(k, name);
		return SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		return rc;
	/* Table names take no placeholders; %w quotes the name. */
	sqlite3_snprintf(256, copy, "CREATE TEMP TABLE \"%w\" AS SELECT *",
	                 name);
	for (int f = 0; f < FOLD_MAX && plain_add_column(*sql, name, col, type,
	                                                 sizeof col, &next); f++) {
		len = strlen(copy);
		sqlite3_snprintf(160, copy + len, ", CAST(NULL AS %s) AS \"%w\"",
		                 type, col);
		*sql = next;
	}
	len = strlen(copy);
	sqlite3_snprintf(160, copy + len, " FROM main.\"%w\"", name);
	rc = sqlite3_exec(db, copy, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		known_add(k, name);
	return rc;
}

/* Runs one step's SQL in temp: each CREATE TABLE made a CREATE TEMP
 * TABLE, and each table a statement changes copied there first (only
 * those: the rest, the help texts among them, are read from the file). */
static int overlay_step(sqlite3 *db, struct known *k, const char *sql)
{
	static const char create[] = "CREATE TABLE ";
	const size_t cn = sizeof create - 1;
	char one[1024], name[64];
	int rc = SQLITE_OK;

	while (rc == SQLITE_OK && *sql) {
		sqlite3_stmt *s = NULL;
		const char *tail = sql;

		if (changed_table(sql, name, sizeof name)) {
			rc = overlay_copy(db, k, name, &tail);
			if (tail != sql) {
				/* its first statements done in the copy */
				sql = tail;
				continue;
			}
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_prepare_v2(db, sql, -1, &s, &tail);
		if (rc == SQLITE_OK && s && strncmp(sql, create, cn) == 0) {
			size_t n = (size_t)(tail - sql);
			const char *made = sql + cn;

			if (word(&made, name, sizeof name))
				known_add(k, name);

			sqlite3_finalize(s);
			s = NULL;
			if (n - cn + 18 >= sizeof one)
				return SQLITE_TOOBIG;
			snprintf(one, sizeof one, "CREATE TEMP TABLE %.*s",
			         (int)(n - cn), sql + cn);
			rc = sqlite3_prepare_v2(db, one, -1, &s, NULL);
		}
		if (rc == SQLITE_OK && s) {
			rc = sqlite3_step(s);
			rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
		}
		sqlite3_finalize(s);
		sql = tail;
		while (*sql == ' ' || *sql == '\n')
			sql++;
	}
	return rc;
}

int schema_overlay(sqlite3 *db, int from, char *err, size_t errlen)
{
	struct known held = { .n = 0 };
	int rc = SQLITE_OK;

	for (int k = from + 1; rc == SQLITE_OK && k <= schema_latest; k++) {
		if (!steps[k - 1].edition || reader_skips(k))
			continue;
		for (int p = 0; rc == SQLITE_OK && p < STEP_PARTS &&
		                steps[k - 1].sql[p]; p++)
			rc = overlay_step(db, &held, steps[k - 1].sql[p]);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "step %d: %s", k, sqlite3_errmsg(db));
	}
	return rc;
}

/* The edition as files before version 3 held it: without what step 3
 * adds, so a file schema_build makes at an older version is one that
 * older apmwb made. */
static const char edition_before_3[] =
	"ALTER TABLE edition DROP COLUMN name_key;\n"
	"ALTER TABLE edition DROP COLUMN nr_method;\n"
	"ALTER TABLE edition DROP COLUMN nr_attest;\n"
	"ALTER TABLE edition DROP COLUMN nr_worksheet;\n"
	"ALTER TABLE edition DROP COLUMN nr_model;\n"
	"ALTER TABLE edition_tab DROP COLUMN rows_head;\n"
	"ALTER TABLE edition_question DROP COLUMN short_label;\n"
	"ALTER TABLE edition_question DROP COLUMN section_short;\n"
	"ALTER TABLE edition_question DROP COLUMN total_of;\n"
	"DROP TABLE edition_line;\n"
	"DROP TABLE edition_category;\n"
	"DROP TABLE edition_measure;\n";

/* The edition as files before version 5 held it: the checks as IN lists. */
static const char edition_before_5[] = QUESTION_TABLE_AGAIN(
	"edition_question_4",
	"type IN ('text','longtext','email','phone',\n"
	"    'yesno','whole','hours','money','computed','choice','multi')",
	"role IN ('denominator','numerator','subtotal')");

/* The edition as files before version 4 held it. */
static const char edition_before_4[] =
	"ALTER TABLE edition_question DROP COLUMN instruction;\n";

/* A new file (creating) skips the steps of the edition's copy. */
static int run_steps(sqlite3 *db, int from, int to, bool creating,
                     char *err, size_t errlen)
{
	char sql[64];
	int rc;

	if (from < 0 || to > schema_latest || from > to) {
		snprintf(err, errlen, "no way from version %d to %d", from, to);
		return SQLITE_MISUSE;
	}
	for (int k = from + 1; k <= to; k++)
		for (int p = 0; p < STEP_PARTS && steps[k - 1].sql[p] &&
		                (!creating || !steps[k - 1].edition); p++) {
			rc = sqlite3_exec(db, steps[k - 1].sql[p], NULL, NULL, NULL);
			if (rc != SQLITE_OK) {
				snprintf(err, errlen, "step %d: %s", k,
				         sqlite3_errmsg(db));
				return rc;
			}
		}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(err, errlen, "setting the version: %s", sqlite3_errmsg(db));
	return rc;
}

int schema_migrate(sqlite3 *db, int from, int to, char *err, size_t errlen)
{
	return run_steps(db, from, to, false, err, errlen);
}

/* Runs one statement with bound text values. */
static int exec_bound(sqlite3 *db, const char *sql, int n, const char **v)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	for (int i = 0; rc == SQLITE_OK && i < n; i++)
		rc = v[i] ? sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC) :
		            sqlite3_bind_null(s, i + 1);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_DONE || rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

int schema_build(sqlite3 *db, int version, const char *actor,
                 char *err, size_t errlen)
{
	char sql[64], now[STORE_TIME_LEN];
	const char *meta[] = { now, PACKAGE_STRING };
	const char *create[] = { now, actor };
	int rc;

	store_now(now);
	rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
		return rc;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
	         (int)STORE_APPLICATION_ID);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = run_steps(db, 0, version, true, err, errlen);
	else
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	if (rc == SQLITE_OK && !edition_install(db, err, errlen))
		rc = sqlite3_errcode(db) ? sqlite3_errcode(db) : SQLITE_ERROR;
	if (rc == SQLITE_OK && version < 5) {
		rc = sqlite3_exec(db, edition_before_5, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc == SQLITE_OK && version < 4) {
		rc = sqlite3_exec(db, edition_before_4, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc == SQLITE_OK && version < 3) {
		rc = sqlite3_exec(db, edition_before_3, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc == SQLITE_OK) {
		rc = exec_bound(db, "INSERT INTO meta (key, value) "
		                "SELECT 'edition', id FROM edition UNION ALL "
		                "VALUES ('created', ?1), ('created_by', ?2), "
		                "('state', 'draft')", 2, meta);
		if (rc == SQLITE_OK)
			rc = exec_bound(db, "INSERT INTO history (at, who, what, "
			                "key, old, new) SELECT ?1, ?2, 'create', "
			                "NULL, NULL, 'edition ' || id FROM edition",
			                2, create);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc == SQLITE_OK) {
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	}
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
