/* SPDX-License-Identifier: MIT */
/* fuzz_contracts_csv.c: the contracts CSV reader on arbitrary bytes.
 *
 * Invariants: the input read whole and read in small uneven chunks gives
 * the same rows and the same verdict (the reader streams, so a chunk
 * boundary must never matter); every row's fields are within their ranges
 * and its label needs no sanitising; a refusal gives a reason; and the
 * rows accepted, written out by the exporter and read back, come back the
 * same. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contracts_csv.h"
#include "fuzz.h"
#include "mem.h"
#include "money.h"
#include "sanitize.h"

#define KEEP_MAX 64   /* rows kept for the comparisons */

struct rows {
	struct contract c[KEEP_MAX];
	size_t n, seen;
};

static bool on_row(void *ctx, const struct contract *c, size_t line,
                   char *err, size_t errlen)
{
	struct rows *r = ctx;

	(void)err;
	(void)errlen;
	FUZZ_ASSERT(line > 0, "row at line 0");
	if (c->has & NR_HAS_MIN)
		FUZZ_ASSERT(c->risk_min >= 0 && c->risk_min <= PCT_MAX, "min");
	if (c->has & NR_HAS_MAX)
		FUZZ_ASSERT(c->risk_max >= 0 && c->risk_max <= PCT_MAX, "max");
	if (c->has & NR_HAS_SHARE)
		FUZZ_ASSERT(c->shared_risk >= 0 && c->shared_risk <= PCT_MAX,
		            "shared risk");
	if (c->has & NR_HAS_DOLLARS)
		FUZZ_ASSERT(c->dollars >= 0 && c->dollars <= MONEY_MAX,
		            "dollars");
	if (c->label) {
		FUZZ_ASSERT(strlen(c->label) <= NR_LABEL_MAX, "label length");
		FUZZ_ASSERT(sanitize_is_clean(c->label, 0),
		            "label needs the sanitiser");
	}
	r->seen++;
	if (r->n < KEEP_MAX) {
		contract_init(&r->c[r->n]);
		if (!contract_copy(&r->c[r->n], c))
			abort();
		r->n++;
	}
	return true;
}

static void rows_clear(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		contract_clear(&r->c[i]);
	r->n = r->seen = 0;
}

/* Reads buf in chunks of `step` bytes (0: whole); the verdict and err. */
static bool read_csv(const char *buf, size_t len, size_t step,
                     struct rows *r, size_t *nrows, char *err, size_t errlen)
{
	struct contracts_csv *p = contracts_csv_new(on_row, r);
	bool ok = true;
	size_t off = 0;

	if (!p)
		abort();
	*nrows = 0;
	err[0] = '\0';
	while (ok && off < len) {
		size_t n = step && step < len - off ? step : len - off;

		ok = contracts_csv_feed(p, buf + off, n, err, errlen);
		off += n;
		if (step)
			step = step % 7 + 1;   /* uneven: 3, 4, 5, 6, 7, 1, 2... */
	}
	if (ok)
		ok = contracts_csv_finish(p, nrows, err, errlen);
	contracts_csv_free(p);
	return ok;
}

static bool same_contract(const struct contract *a, const struct contract *b)
{
	if (a->has != b->has)
		return false;
	if ((a->label == NULL) != (b->label == NULL) ||
	    (a->label && strcmp(a->label, b->label) != 0))
		return false;
	return (!(a->has & NR_HAS_LINE) || a->line == b->line) &&
	       (!(a->has & NR_HAS_TYPE) || a->type == b->type) &&
	       (!(a->has & NR_HAS_MIN) || a->risk_min == b->risk_min) &&
	       (!(a->has & NR_HAS_MAX) || a->risk_max == b->risk_max) &&
	       (!(a->has & NR_HAS_SHARE) || a->shared_risk == b->shared_risk) &&
	       (!(a->has & NR_HAS_DOLLARS) || a->dollars == b->dollars);
}

static void check_same(const struct rows *a, const struct rows *b,
                       const char *what)
{
	FUZZ_ASSERT(a->seen == b->seen, "%s: %zu rows, not %zu", what,
	            b->seen, a->seen);
	for (size_t i = 0; i < a->n; i++)
		FUZZ_ASSERT(same_contract(&a->c[i], &b->c[i]),
		            "%s: row %zu differs", what, i + 1);
}

/* What the exporter writes for the rows reads back as the same rows. */
static void check_round_trip(const struct rows *whole)
{
	struct rows back = { .n = 0 };
	char *buf = NULL, err[512];
	size_t len = 0, nrows;
	FILE *f = open_memstream(&buf, &len);

	if (!f || !contracts_csv_write_header(f))
		abort();
	for (size_t i = 0; i < whole->n; i++)
		FUZZ_ASSERT(contracts_csv_write_row(f, &whole->c[i]),
		            "row %zu not written", i + 1);
	if (fclose(f) != 0)
		abort();
	FUZZ_ASSERT(read_csv(buf, len, 0, &back, &nrows, err, sizeof err),
	            "the export of accepted rows is refused: %s", err);
	FUZZ_ASSERT(nrows == whole->n, "%zu rows back, not %zu", nrows,
	            whole->n);
	check_same(whole, &back, "round trip");
	rows_clear(&back);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rows whole, chunked;
	char err1[512], err2[512];
	size_t n1, n2;
	bool ok1, ok2;

	ok1 = read_csv((const char *)data, size, 0, &whole, &n1, err1,
	               sizeof err1);
	ok2 = read_csv((const char *)data, size, 3, &chunked, &n2, err2,
	               sizeof err2);
	FUZZ_ASSERT(ok1 == ok2, "whole %s, in chunks %s (%s)",
	            ok1 ? "accepted" : "refused", ok2 ? "accepted" : "refused",
	            ok1 ? err2 : err1);
	check_same(&whole, &chunked, "chunks");
	if (ok1) {
		FUZZ_ASSERT(n1 == n2 && n1 == whole.seen, "row counts %zu %zu %zu",
		            n1, n2, whole.seen);
		if (whole.seen == whole.n)
			check_round_trip(&whole);
	} else {
		/* Reasons quote the file's own text; the command line and the
		 * screen sanitise them when shown (cli.c, the status line). */
		FUZZ_ASSERT(err1[0], "refused without a reason");
		FUZZ_ASSERT(strcmp(err1, err2) == 0, "whole: %s; chunks: %s",
		            err1, err2);
	}
	rows_clear(&whole);
	rows_clear(&chunked);
	return 0;
}
