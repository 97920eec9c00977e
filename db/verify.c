/* SPDX-License-Identifier: MIT */
/* verify.c: is the file whole?  SQLite's own quick_check of every page and
 * index, and the worksheet's kept totals (nr_total) against its contracts,
 * summed again through the core's own rule, as the upkeep sums them, so
 * the check and the screen cannot disagree on what qualifies.
 *
 * A writer refuses a damaged file before it writes a byte (a file whose
 * pages are broken only gets worse), and `apmwb check` and the full screen
 * say a file whose totals disagree is damaged rather than show them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lob.h"
#include "money.h"
#include "nominal.h"
#include "store_internal.h"

/* What SQLite's failure to read means: a read error is not damage. */
static enum store_status read_failed(struct store *st, int rc,
                                     const char *doing, char *err,
                                     size_t errlen)
{
	switch (rc & 0xff) {
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(err, errlen, "%s is damaged: %s found broken pages; "
		         "nothing was changed; restore it from a backup or a JSON "
		         "export", st->path, doing);
		return STORE_DAMAGED;
	case SQLITE_NOMEM:
		snprintf(err, errlen, "%s: out of memory while %s", st->path, doing);
		return STORE_NOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(err, errlen, "%s: a save in progress elsewhere took too "
		         "long; try again", st->path);
		return STORE_BUSY;
	case SQLITE_INTERRUPT:
		snprintf(err, errlen, "%s: %s was interrupted; nothing was changed",
		         st->path, doing);
		return STORE_INTERRUPTED;
	default:
		snprintf(err, errlen, "%s: could not read it while %s (a read "
		         "error, not damage); nothing was changed; try again, and "
		         "check the disk if it happens again", st->path, doing);
		return STORE_IO;
	}
}

static bool mapped_checks;

void store_allow_mapped_checks(bool allowed)
{
	mapped_checks = allowed;
}

_Static_assert(!(STORE_VERIFY_MAPPED & (STORE_VERIFY_PAGES |
                                         STORE_VERIFY_TOTALS)),
               "STORE_VERIFY_MAPPED is a bit of its own");

/* Turning the map on is a hint, as the cache's size is: without it the
 * same pages are read with read().  Turning it off must take: a map left
 * on would outlive the SIGBUS handler.  An SQLite result code. */
static int map_pages(struct store *st, bool on)
{
	char sql[48];

	snprintf(sql, sizeof sql, "PRAGMA mmap_size=%d",
	         on ? STORE_CACHE_KIB * 1024 : 0);
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static enum store_status quick_check(struct store *st, char *err,
                                     size_t errlen)
{
	static const char doing[] = "checking its pages";
	sqlite3_stmt *s = NULL;
	int64_t problems = 0;
	bool ok = false;
	int rc;

	/* main. only: the bare pragma opens the empty temp database, a
	 * second page cache, to check it too. */
	rc = sqlite3_prepare_v2(st->db, "PRAGMA main.quick_check", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return read_failed(st, rc, doing, err, errlen);
	/* One statement that reads every page: told by SQLite's steps. */
	store_watch(st, doing);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		const char *code = t ? strstr(t, "error code=") : NULL;

		/* quick_check reports a page it could not read as a finding,
		 * with the error's code: a read error, not damage.  A page of
		 * the free list or of an overflow chain it reports without
		 * the code: a read error too. */
		if (t && !code && strstr(t, "failed to get page")) {
			sqlite3_finalize(s);
			store_unwatch(st);
			return read_failed(st, SQLITE_IOERR, doing, err, errlen);
		}
		if (code) {
			int e = atoi(code + 11);

			if ((e & 0xff) != SQLITE_CORRUPT && (e & 0xff) != SQLITE_NOTADB) {
				sqlite3_finalize(s);
				store_unwatch(st);
				return read_failed(st, e ? e : SQLITE_IOERR, doing, err,
				                   errlen);
			}
		}
		if (t && strcmp(t, "ok") == 0)
			ok = true;
		else
			problems++;
	}
	sqlite3_finalize(s);
	store_unwatch(st);
	if (rc != SQLITE_DONE)
		return read_failed(st, rc, doing, err, errlen);
	if (ok && !problems)
		return STORE_OK;
	snprintf(err, errlen, "%s is damaged: %lld of its pages or indexes are "
	         "broken; nothing was changed; restore it from a backup or a "
	         "JSON export", st->path, (long long)(problems ? problems : 1));
	return STORE_DAMAGED;
}

/* One total: a line ("" for none) and a status, its cents and count. */
struct total {
	const char *line, *status;
	int64_t cents, n;
};
#define TOTALS_MAX ((LOB_COUNT + 1) * 3)   /* every line (and none) x status */

static enum store_status totals_damaged(struct store *st, const char *what,
                                        char *err, size_t errlen)
{
	snprintf(err, errlen, "%s is damaged: the worksheet's kept totals do not "
	         "agree with its contracts (%s), so its nominal-risk figures "
	         "cannot be trusted; restore it from a backup or a JSON export",
	         st->path, what);
	return STORE_DAMAGED;
}

/* The slot of (line, status), made when new; NULL when full. */
static struct total *slot(struct total *t, size_t *n, const char *line,
                          const char *status)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(t[i].line, line) == 0 && strcmp(t[i].status, status) == 0)
			return &t[i];
	if (*n == TOTALS_MAX)
		return NULL;
	t[*n] = (struct total){ line, status, 0, 0 };
	return &t[(*n)++];
}

/* The names a kept row may use, as the upkeep writes them. */
static const char *known_line(const char *t)
{
	if (t && !*t)
		return "";
	for (int l = 0; t && l < LOB_COUNT; l++)
		if (strcmp(t, lob_nr_id(l)) == 0)
			return lob_nr_id(l);
	return NULL;
}

static const char *known_status(const char *t)
{
	static const char *const names[] = { "meets", "fails", "incomplete" };

	for (size_t i = 0; t && i < sizeof names / sizeof *names; i++)
		if (strcmp(t, names[i]) == 0)
			return names[i];
	return NULL;
}

static const char totals_doing[] = "checking the worksheet's totals";

/* The kept rows of nr_total, each one of ours and once. */
static enum store_status read_kept(struct store *st, struct total *kept,
                                   size_t *nkept, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "SELECT line, status, cents, n FROM "
	                        "nr_total", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return read_failed(st, rc, totals_doing, err, errlen);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *line = known_line((const char *)sqlite3_column_text(s, 0));
		const char *status =
			known_status((const char *)sqlite3_column_text(s, 1));
		struct total *k;

		if (!line || !status || !(k = slot(kept, nkept, line, status)) ||
		    k->n) {
			sqlite3_finalize(s);
			return totals_damaged(st, "a total that is not one of ours",
			                      err, errlen);
		}
		k->cents = sqlite3_column_int64(s, 2);
		k->n = sqlite3_column_int64(s, 3);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return read_failed(st, rc, totals_doing, err, errlen);
	return STORE_OK;
}

/* Every contract folded through the core's rule (contract_from_values,
 * contract_status_name: what the upkeep itself uses), one pass in C with
 * no sort, into sum[]; `total` rows expected, for the progress told. */
static enum store_status fold_rows(struct store *st, struct total *sum,
                                   size_t *nsum, uint64_t total, char *err,
                                   size_t errlen)
{
	sqlite3_stmt *s = NULL;
	uint64_t rows = 0;
	int rc;

	rc = sqlite3_prepare_v2(st->db, "SELECT line, type, risk_min, risk_max, "
	                        "shared_risk, dollars FROM contract", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return read_failed(st, rc, totals_doing, err, errlen);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_value *v[6];
		struct contract c;
		struct total *t;

		if (++rows % STORE_PROGRESS_ROWS == 0 &&
		    !store_tell(st, totals_doing, "contracts", rows, total)) {
			sqlite3_finalize(s);
			return read_failed(st, SQLITE_INTERRUPT, totals_doing, err,
			                   errlen);
		}
		for (int i = 0; i < 6; i++)
			v[i] = sqlite3_column_value(s, i);
		contract_from_values(&c, v);
		t = slot(sum, nsum, c.has & NR_HAS_LINE ? lob_nr_id(c.line) : "",
		         contract_status_name(&c));
		if (!money_add(t->cents, c.has & NR_HAS_DOLLARS ? c.dollars : 0,
		               &t->cents)) {
			sqlite3_finalize(s);
			return totals_damaged(st, "its dollars add up past any total",
			                      err, errlen);
		}
		t->n++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return read_failed(st, rc, totals_doing, err, errlen);
	return STORE_OK;
}

/* The kept totals against the rows folded again. */
static enum store_status check_totals(struct store *st, char *err,
                                      size_t errlen)
{
	struct total kept[TOTALS_MAX], sum[TOTALS_MAX];
	size_t nkept = 0, nsum = 0;
	uint64_t total = 0;
	enum store_status rc;

	rc = read_kept(st, kept, &nkept, err, errlen);
	for (size_t i = 0; rc == STORE_OK && i < nkept; i++)
		total += (uint64_t)kept[i].n;
	if (rc == STORE_OK)
		rc = fold_rows(st, sum, &nsum, total, err, errlen);
	if (rc != STORE_OK)
		return rc;
	if (nsum != nkept)
		return totals_damaged(st, "totals kept for contracts that are not "
		                      "there, or none for some that are", err,
		                      errlen);
	for (size_t i = 0; i < nsum; i++) {
		struct total *k = slot(kept, &nkept, sum[i].line, sum[i].status);

		if (nkept != nsum || k->cents != sum[i].cents || k->n != sum[i].n) {
			char what[96];

			snprintf(what, sizeof what, "%s%s%s contracts", sum[i].line,
			         *sum[i].line ? ", " : "", sum[i].status);
			return totals_damaged(st, what, err, errlen);
		}
	}
	return STORE_OK;
}

bool store_pages_checked(const struct store *st)
{
	return st->pages_checked;
}

enum store_status store_verify(struct store *st, int what, char *err,
                               size_t errlen)
{
	enum store_status rc = STORE_OK;

	/* Reads every page once: they need not stay in the cache. */
	store_stream_begin(st);
	if (what & STORE_VERIFY_PAGES) {
		bool map = (what & STORE_VERIFY_MAPPED) && mapped_checks &&
		           !store_outgrows_cache(st);
		int off;

		if (map)
			map_pages(st, true);
		rc = quick_check(st, err, errlen);
		if (map && (off = map_pages(st, false)) != SQLITE_OK &&
		    rc == STORE_OK)
			rc = read_failed(st, off, "checking its pages", err, errlen);
		st->pages_checked = rc == STORE_OK;
	}
	if (rc == STORE_OK && (what & STORE_VERIFY_TOTALS)) {
		rc = check_totals(st, err, errlen);
		store_told(st, totals_doing);
	}
	store_stream_end(st);
	/* A check-later store writes once all it was asked to check passed. */
	if (rc == STORE_OK && (what & STORE_VERIFY_PAGES))
		st->pages_unchecked = false;
	return rc;
}
