/* SPDX-License-Identifier: MIT */
/* check_progress.c: long work tells how far it has got, and stops when
 * asked, leaving the file as it was: find, the checks of store_verify,
 * the imports of a CSV and of JSON, the export of the worksheet. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nominal.h"
#include "session.h"
#include "store.h"
#include "storelib.h"

#define ROWS 10000   /* a few of the store's reports (STORE_PROGRESS_ROWS) */

/* What a progress function saw; it asks to stop at report `stop_at`
 * (0: never). */
struct seen {
	int calls, finished, stop_at;
	uint64_t last_done, total;
	bool went_back;
	char what[64], unit[32];
};

static bool watch(void *ctx, const struct store_progress *p)
{
	struct seen *s = ctx;

	if (p->finished) {
		s->finished++;
		return true;
	}
	s->calls++;
	if (p->done < s->last_done && strcmp(p->what, s->what) == 0)
		s->went_back = true;
	s->last_done = p->done;
	s->total = p->total;
	snprintf(s->what, sizeof s->what, "%s", p->what);
	snprintf(s->unit, sizeof s->unit, "%s", p->unit);
	return s->stop_at == 0 || s->calls < s->stop_at;
}

/* The contracts CSV of n contracts. */
static char *csv_of(int n, size_t *len)
{
	size_t cap = 64 + (size_t)n * 64, used;
	char *csv = malloc(cap);

	ck_assert_ptr_nonnull(csv);
	used = (size_t)snprintf(csv, cap, "label,line,type,risk_min,risk_max,"
	                        "shared_risk,dollars\n");
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(csv + used, cap - used,
		                         "row %d,commercial,tcoc,1,10,50,%d.00\n",
		                         i, i + 1);
	*len = used;
	return csv;
}

struct src {
	const char *p;
	size_t left;
};

/* Hands the CSV over 4 KiB at a time. */
static ssize_t src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;

	if (n > 4096)
		n = 4096;
	if (n > s->left)
		n = s->left;
	memcpy(buf, s->p, n);
	s->p += n;
	s->left -= n;
	return (ssize_t)n;
}

static enum store_status import(struct session *s, const char *csv,
                                size_t len)
{
	struct session_import im;
	struct src src = { csv, len };

	return session_import_contracts(s, "", 0, src_read, &src, len, false,
	                                &im, err, sizeof err);
}

static struct session *opened(const char *path, bool create)
{
	struct session *s;

	ck_assert_msg(session_open(path, STORE_MODE_READ_WRITE, create, &s, err,
	                           sizeof err) == STORE_OK, "%s", err);
	return s;
}

/* A submission of ROWS contracts, and its session. */
static struct session *full(const char *path)
{
	struct session *s = opened(path, true);
	size_t len;
	char *csv = csv_of(ROWS, &len);

	ck_assert_msg(import(s, csv, len) == STORE_OK, "%s", err);
	free(csv);
	return s;
}

START_TEST(test_find_tells_and_stops)
{
	char *path = in_dir("f.apmwb");
	struct session *s = full(path);
	struct seen seen = { 0 };
	struct store_found f;

	session_set_progress(s, watch, &seen);
	ck_assert_int_eq(session_find(s, "nowhere", 0, STORE_FIND_NEXT, &f, err,
	                              sizeof err), STORE_OK);
	ck_assert_int_eq(f.pos, -1);
	ck_assert_int_eq(seen.calls, ROWS / STORE_PROGRESS_ROWS);
	ck_assert_str_eq(seen.what, "finding");
	ck_assert_str_eq(seen.unit, "contracts");
	ck_assert_int_eq(seen.total, ROWS);
	ck_assert(!seen.went_back);
	ck_assert_int_eq(seen.finished, 1);
	/* Asked to stop at its first report: no row, and it says so. */
	memset(&seen, 0, sizeof seen);
	seen.stop_at = 1;
	ck_assert_int_eq(session_find(s, "row 9999", 0, STORE_FIND_NEXT, &f, err,
	                              sizeof err), STORE_INTERRUPTED);
	ck_assert_int_eq(f.pos, -1);
	ck_assert(strstr(err, "interrupted"));
	ck_assert_int_eq(seen.finished, 1);
	session_close(s);
	free(path);
}
END_TEST

START_TEST(test_verify_tells_and_stops)
{
	char *path = in_dir("v.apmwb");
	struct session *s = full(path);
	struct seen seen = { 0 };

	session_set_progress(s, watch, &seen);
	ck_assert_msg(store_verify(s->st, STORE_VERIFY_TOTALS, err, sizeof err) ==
	              STORE_OK, "%s", err);
	ck_assert_int_eq(seen.calls, ROWS / STORE_PROGRESS_ROWS);
	ck_assert_int_eq(seen.total, ROWS);
	ck_assert_int_eq(seen.finished, 1);
	memset(&seen, 0, sizeof seen);
	seen.stop_at = 1;
	ck_assert_int_eq(store_verify(s->st, STORE_VERIFY_TOTALS, err, sizeof err),
	                 STORE_INTERRUPTED);
	/* The pages: one statement, told by SQLite's steps. */
	memset(&seen, 0, sizeof seen);
	ck_assert_int_eq(store_verify(s->st, STORE_VERIFY_PAGES, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_gt(seen.calls, 0);
	ck_assert_int_eq(seen.finished, 1);
	memset(&seen, 0, sizeof seen);
	seen.stop_at = 1;
	ck_assert_int_eq(store_verify(s->st, STORE_VERIFY_PAGES, err, sizeof err),
	                 STORE_INTERRUPTED);
	session_close(s);
	free(path);
}
END_TEST

START_TEST(test_import_csv_stopped_changes_nothing)
{
	char *path = in_dir("i.apmwb");
	struct session *s = full(path);
	struct seen seen = { 0 };
	struct snap before;
	size_t len;
	char *csv = csv_of(ROWS * 2, &len);

	session_set_progress(s, watch, &seen);
	take(path, &before);
	seen.stop_at = 3;
	ck_assert_int_eq(import(s, csv, len), STORE_INTERRUPTED);
	ck_assert(strstr(err, "interrupted"));
	ck_assert_str_eq(seen.what, "importing");
	ck_assert_str_eq(seen.unit, "bytes");
	ck_assert_int_eq(seen.total, len);
	ck_assert_int_eq(seen.calls, 3);
	ck_assert_int_eq(seen.finished, 1);
	ck_same(path, &before);
	ck_assert_int_eq(s->totals.contracts, ROWS);
	/* Not stopped: the whole of it, told all the way. */
	memset(&seen, 0, sizeof seen);
	ck_assert_msg(import(s, csv, len) == STORE_OK, "%s", err);
	ck_assert_int_eq(seen.last_done, 0);   /* "saving" was the last */
	ck_assert_str_eq(seen.what, "saving");
	ck_assert_int_eq(s->totals.contracts, ROWS * 2);
	free(csv);
	session_close(s);
	free(path);
}
END_TEST

START_TEST(test_import_json_stopped_changes_nothing)
{
	char *path = in_dir("j.apmwb"), *json;
	struct session *s = full(path);
	struct seen seen = { 0 };
	struct snap before;
	FILE *out;
	size_t len;

	out = open_memstream(&json, &len);
	ck_assert_ptr_nonnull(out);
	ck_assert_msg(session_export(s, SESSION_FORMAT_JSON, out, NULL, 80, false,
	                             err, sizeof err), "%s", err);
	fclose(out);
	session_set_progress(s, watch, &seen);
	take(path, &before);
	seen.stop_at = 1;
	ck_assert_int_eq(session_import_json(s, json, len, err, sizeof err),
	                 STORE_INTERRUPTED);
	ck_assert_str_eq(seen.what, "importing");
	ck_assert_int_eq(seen.finished, 1);
	ck_same(path, &before);
	free(json);
	session_close(s);
	free(path);
}
END_TEST

START_TEST(test_export_stopped)
{
	char *path = in_dir("e.apmwb"), *text;
	struct session *s = full(path);
	struct seen seen = { 0 };
	FILE *out;
	size_t len;

	session_set_progress(s, watch, &seen);
	out = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(out);
	ck_assert(session_export(s, SESSION_FORMAT_CONTRACTS, out, NULL, 80,
	                         false, err, sizeof err));
	ck_assert_int_eq(seen.calls, ROWS / STORE_PROGRESS_ROWS);
	ck_assert_str_eq(seen.what, "exporting");
	ck_assert_int_eq(seen.total, ROWS);
	ck_assert_int_eq(seen.finished, 1);
	rewind(out);
	memset(&seen, 0, sizeof seen);
	seen.stop_at = 1;
	ck_assert(!session_export(s, SESSION_FORMAT_CONTRACTS, out, NULL, 80,
	                          false, err, sizeof err));
	ck_assert(strstr(err, "interrupted"));
	fclose(out);
	free(text);
	session_close(s);
	free(path);
}
END_TEST

/* The words of a report, worked out by hand: 1,234,567 of 2,000,000
 * contracts in 10 s leaves 765,433 at 123,456.7 a second: 6 s. */
START_TEST(test_progress_text)
{
	struct store_progress rows = { "finding", "contracts", 1234567, 2000000,
	                               false };
	struct store_progress bytes = { "importing", "bytes", 31299999,
	                                69700000, false };
	struct store_progress open = { "importing", "contracts", 5000, 0, false };
	struct store_progress steps = { "saving", "", 0, 0, false };
	char t[200];

	session_progress_text(t, sizeof t, &rows, 10000);
	ck_assert_str_eq(t, "finding: 1,234,567 of 2,000,000 contracts (61%), "
	                 "about 6 s left");
	session_progress_text(t, sizeof t, &bytes, 4000);
	ck_assert_str_eq(t, "importing: 31.2 of 69.7 MB (44%), about 4 s left");
	session_progress_text(t, sizeof t, &open, 2500);
	ck_assert_str_eq(t, "importing: 5,000 contracts, 2 s");
	session_progress_text(t, sizeof t, &steps, 1999);
	ck_assert_str_eq(t, "saving, 1 s");
	/* Under a second left says nothing of it. */
	rows.done = 1999999;
	session_progress_text(t, sizeof t, &rows, 10000);
	ck_assert_str_eq(t, "finding: 1,999,999 of 2,000,000 contracts (99%)");
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_find_tells_and_stops,
		test_verify_tells_and_stops,
		test_import_csv_stopped_changes_nothing,
		test_import_json_stopped_changes_nothing,
		test_export_stopped,
		test_progress_text,
	};

	return store_suite_main("progress", tests, sizeof tests / sizeof *tests,
	                        120);
}
