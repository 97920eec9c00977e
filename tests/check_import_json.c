/* SPDX-License-Identifier: MIT */
/* check_import_json.c: answers from the JSON export (db/import_json.c).
 *
 * What the spec promises is checked on the disk itself: modes, bytes,
 * mtimes, the folder's listing, and the file read back with plain SQLite. */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "answers.h"
#include "edition.h"
#include "export.h"
#include "mem.h"
#include "nominal.h"
#include "session.h"
#include "store.h"
#include "store_internal.h"
#include "storelib.h"
#include "testlib.h"
#include "validate.h"


static const char good_json[] =
	"{\"format\": \"apmwb-submission\", \"version\": 1, \"edition\": \"2020\",\n"
	" \"state\": {\"complete\": false},\n"
	" \"answers\": {\"gi.contact_name\": \"Imported\",\n"
	"   \"commercial.m1\": \"5000000000.00\", \"iq.barriers\": "
	"[\"plan_interest\", \"other\"], \"gi.lob.commercial\": null},\n"
	" \"hidden_answers\": {\"commercial.m8\": \"910000000.00\"},\n"
	" \"contracts\": [\n"
	"  {\"label\": \"Contract 1\", \"line\": \"medicare\", \"type\": \"tcoc\","
	" \"risk_min\": \"1.0\", \"risk_max\": \"5.0\", \"shared_risk\": \"30.0\","
	" \"dollars\": \"100000000.00\"},\n"
	"  {\"label\": \"Contract 5\", \"line\": \"medicare\", \"type\": "
	"\"revenue\", \"risk_min\": \"1.0\", \"risk_max\": \"10.0\", "
	"\"shared_risk\": \"80.0\", \"dollars\": \"200000000.00\"},\n"
	"  {\"label\": null, \"line\": \"commercial\", \"type\": null, "
	"\"risk_min\": null, \"risk_max\": null, \"shared_risk\": null, "
	"\"dollars\": \"5.00\"}],\n"
	" \"acknowledgements\": [{\"check\": \"w.one\", \"message\": \"m\", "
	"\"reason\": \"because\", \"by\": \"Ann\", \"at\": "
	"\"2026-01-02T03:04:05Z\"}],\n"
	" \"figures\": {\"commercial.m10\": \"910000000.00\"},\n"
	" \"checks\": [{\"id\": \"x\"}]\n}\n";

static enum store_status import(struct store *st, const char *json)
{
	return store_import_json(st, json, strlen(json), NULL, NULL, err, sizeof err);
}

START_TEST(test_import_json)
{
	char *path = in_dir("i.apmwb");
	struct store *st = make(path);
	struct nr_totals t;
	struct change_list l;
	const struct store_ack *a;
	char what[256];
	size_t n;

	set(st, "gi.lob.commercial", "yes");
	set(st, "gi.contact_email", "kept@example.org");
	ck_assert_msg(import(st, good_json) == STORE_OK, "%s", err);
	ck_get(st, "gi.contact_name", "Imported");
	ck_get(st, "commercial.m1", "5000000000.00");
	ck_get(st, "commercial.m8", "910000000.00");
	ck_get(st, "iq.barriers", "plan_interest\nother");
	ck_get(st, "gi.lob.commercial", NULL);          /* null: blank */
	ck_get(st, "gi.contact_email", "kept@example.org");   /* absent: kept */
	ck_assert_str_eq(labels(st), "Contract 1 Contract 5 -");
	ck_assert_int_eq(store_nr_totals(st, &t, err, sizeof err), STORE_OK);
	ck_assert_int_eq(t.meets[LOB_MA], 20000000000);
	ck_assert_int_eq(t.fails[LOB_MA], 10000000000);
	ck_assert_int_eq(t.fails[LOB_COMMERCIAL], 500);
	ck_assert_int_eq(t.incomplete, 1);
	ck_totals(st);
	a = store_acks(st, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].id, "w.one");
	ck_assert_str_eq(a[0].by, "Ann");
	history(st, 0, &l);
	ck_change(&l, 0, "import", NULL, "(null)", NULL);
	ck_change(&l, 1, "ack", "w.one", "(null)", "because");
	store_close(st);
	/* Everything is in the file. */
	st = open_as(path, STORE_MODE_READ_ONLY);
	ck_get(st, "iq.barriers", "plan_interest\nother");
	ck_assert_int_eq(count(st), 3);
	store_close(st);
	/* Answers imported can be undone one by one, back to the wall. */
	st = open_as(path, STORE_MODE_READ_WRITE);
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_OK);   /* the acknowledgement */
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
		                 STORE_OK);
	ck_get(st, "gi.contact_name", NULL);
	ck_get(st, "gi.lob.commercial", "yes");
	ck_assert_int_eq(store_undo(st, what, sizeof what, err, sizeof err),
	                 STORE_INVALID);
	ck_assert_int_eq(count(st), 3);
	/* The same import again changes nothing but the worksheet. */
	store_close(st);
	free(path);
}
END_TEST

/* Each bad JSON is refused with words naming what is wrong, and changes
 * nothing at all. */
START_TEST(test_import_json_all_or_nothing)
{
	static const struct {
		const char *from, *to, *words;
	} bad[] = {
		{ "\"commercial.m1\": \"5000000000.00\"",
		  "\"commercial.m1\": \"5000000000.00x\"", "commercial.m1" },
		{ "\"commercial.m1\": \"5000000000.00\"",
		  "\"commercial.m1\": 5000000000.00", "write amounts as strings" },
		{ "\"gi.contact_name\": \"Imported\"",
		  "\"gi.nonsense\": \"Imported\"", "gi.nonsense" },
		{ "\"edition\": \"2020\"", "\"edition\": \"2021\"", "2021 edition" },
		{ "\"format\": \"apmwb-submission\"", "\"format\": \"other\"",
		  "not an apmwb JSON export" },
		{ "\"version\": 1", "\"version\": 2", "version 2" },
		{ "\"risk_min\": \"1.0\"", "\"risk_min\": \"101\"",
		  "contracts[0] (contract 1) risk_min" },
		{ "\"dollars\": \"5.00\"", "\"dollars\": 5",
		  "contracts[2] (contract 3) dollars is a number" },
		{ "\"type\": \"revenue\"", "\"kind\": \"revenue\"",
		  "unknown field \"kind\"" },
		{ "\"iq.barriers\": [\"plan_interest\", \"other\"]",
		  "\"iq.barriers\": [\"plan_interest\", 3]", "iq.barriers" },
		{ "\"gi.lob.commercial\": null", "\"gi.lob.commercial\": true",
		  "\"yes\"" },
		{ "\"hidden_answers\": {", "\"hidden_answerz\": {",
		  "unknown member \"hidden_answerz\"" },
		{ "\"check\": \"w.one\"", "\"check\": \"\"", "names no check" },
		{ "\"figures\": {", "\"figures\": {,", "not valid JSON" },
		{ "\"commercial.m8\": \"910000000.00\"",
		  "\"gi.contact_name\": \"twice\"", "given twice" },
		{ "\"commercial.m8\": \"910000000.00\"",
		  "\"commercial.m10\": \"1.00\"", "computed" },
		/* \u0000 anywhere, not only in the answers: SQLite 3.40 ends
		 * a string there, and what is left would pass for ours. */
		{ "\"format\": \"apmwb-submission\"",
		  "\"format\": \"apmwb-submission\\u0000x\"", "NUL character" },
		{ "\"hidden_answers\": {", "\"hidden_answers\\u0000x\": {",
		  "NUL character" },
		{ "\"figures\": {", "\"figures\": {\"x\": \"\\u0000\", ",
		  "NUL character" },
	};
	char *path = in_dir("ia.apmwb");
	struct store *st = make(path);

	set(st, "gi.contact_name", "before");
	insert(st, 99, "old", "medicaid", "1");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		const char *at = strstr(good_json, bad[i].from);
		int64_t rows = raw_int(path, "SELECT count(*) FROM history");
		char json[4096];

		ck_assert_msg(at != NULL, "case %zu", i);
		snprintf(json, sizeof json, "%.*s%s%s", (int)(at - good_json),
		         good_json, bad[i].to, at + strlen(bad[i].from));
		ck_assert_msg(import(st, json) == STORE_INVALID, "case %zu: %s",
		              i, err);
		ck_assert_msg(strstr(err, bad[i].words) && strncmp(err, path,
		              strlen(path)) == 0, "case %zu: '%s' not in: %s", i,
		              bad[i].words, err);
		ck_get(st, "gi.contact_name", "before");
		ck_get(st, "commercial.m1", NULL);
		ck_assert_str_eq(labels(st), "old");
		ck_totals(st);
		ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM history"), rows);
		ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM answer"), 1);
	}
	ck_assert_int_eq(import(st, "[1, 2]"), STORE_INVALID);
	ck_assert_int_eq(store_import_json(st, "{\"a\0", 4, NULL, NULL, err, sizeof err),
	                 STORE_INVALID);
	store_close(st);
	free(path);
}
END_TEST

/* The JSON export of a session, as `apmwb export --format json` writes it. */
static char *export_of(struct session *s)
{
	struct export_input in;
	char *buf = NULL, why[256];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	session_export_input(s, &in);
	ck_assert_msg(export_json(f, &in, why, sizeof why), "%s", why);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

static void say(struct session *s, const char *k, const char *text)
{
	ck_assert_msg(session_set_text(s, key(s->st, k), text, err, sizeof err) ==
	              STORE_OK, "%s: %s", k, err);
}

START_TEST(test_import_json_round_trip)
{
	char *a = in_dir("a.apmwb"), *b = in_dir("b.apmwb"), *ja, *jb;
	struct session *s;
	struct store *st;
	int64_t pos;

	ck_assert_int_eq(session_open(a, STORE_MODE_READ_WRITE, true, &s, err,
	                              sizeof err), STORE_OK);
	say(s, "gi.contact_name", "Ada \"Quote\" Lovelace");
	say(s, "gi.contact_email", "ada@example.org");
	say(s, "gi.lob.commercial", "yes");
	say(s, "gi.lob.ma", "yes");
	say(s, "pm.commercial.cat3b_shared_risk", "yes");
	say(s, "commercial.m1", "5,000,000,000");
	say(s, "commercial.m8", "910000000");
	say(s, "iq.barriers", "other, plan_interest");
	say(s, "gi.assumptions", "first line\n\ttabbed line");
	/* Turned off again: m8 is kept as a hidden answer. */
	say(s, "pm.commercial.cat3b_shared_risk", "no");
	{
		struct contract c;

		contract_make(&c, "Contract \u00e9", "medicare", "tcoc", "1", "5",
		              "30", "100000000");
		ck_assert_int_eq(store_contract_insert(s->st, 9, &c, &pos, err,
		                                       sizeof err), STORE_OK);
		contract_clear(&c);
		contract_make(&c, NULL, "medicaid", NULL, "12.125", NULL, NULL,
		              "0.01");
		ck_assert_int_eq(store_contract_insert(s->st, 9, &c, &pos, err,
		                                       sizeof err), STORE_OK);
		contract_clear(&c);
	}
	ck_assert_int_eq(store_ack(s->st, "some.warning", "what it said",
	                           "checked", err, sizeof err), STORE_OK);
	ck_assert_int_eq(session_refresh(s, err, sizeof err), STORE_OK);
	ja = export_of(s);
	session_close(s);
	/* The export has what the round trip must carry. */
	ck_assert_msg(strstr(ja, "\"hidden_answers\": {\n    \"commercial.m8\": "
	                     "\"910000000.00\""), "%s", ja);
	ck_assert(strstr(ja, "[\"plan_interest\", \"other\"]") ||
	          strstr(ja, "[\"other\", \"plan_interest\"]"));
	ck_assert(strstr(ja, "\"risk_min\": \"12.125\""));
	ck_assert(strstr(ja, "\"reason\": \"checked\""));

	st = make(b);
	ck_assert_msg(store_import_json(st, ja, strlen(ja), NULL, NULL, err, sizeof err) ==
	              STORE_OK, "%s", err);
	ck_get(st, "commercial.m8", "910000000.00");
	store_close(st);
	ck_assert_int_eq(session_open(b, STORE_MODE_READ_ONLY, false, &s, err,
	                              sizeof err), STORE_OK);
	jb = export_of(s);
	session_close(s);
	ck_assert_str_eq(jb, ja);
	free(ja);
	free(jb);
	free(a);
	free(b);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_import_json,
		test_import_json_all_or_nothing,
		test_import_json_round_trip,
	};

	return store_suite_main("import_json", tests, sizeof tests / sizeof *tests,
	                        120);
}
