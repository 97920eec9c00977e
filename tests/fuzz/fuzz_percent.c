/* SPDX-License-Identifier: MIT */
/* fuzz_percent.c: pct_parse on arbitrary bytes, and the shares and net
 * risk of arbitrary int64s.
 *
 * Invariants: a parsed risk term is 0..100% and its format parses back to
 * it; a refusal says why in one clean line.  With 16 bytes or more, the
 * first two int64 are a part and a whole: a share is within half a tenth
 * of a percent of the exact one and ties go away from zero; a share that
 * is refused is one of a zero whole or one too large for pct_t; every
 * value formats into PCT_BUFSZ; net risk is the exact product. */
#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "percent.h"

__extension__ typedef __int128 wide;

static wide wabs(wide v)
{
	return v < 0 ? -v : v;
}

static void check_share(int64_t part, int64_t whole)
{
	pct_t share = -1;
	wide exact = (wide)part * 1000, t, miss;
	char buf[PCT_BUFSZ];

	if (!pct_share(part, whole, &share)) {
		FUZZ_ASSERT(whole == 0 || wabs(exact) >=
		            (wide)(INT64_MAX / 100 - 1) * wabs(whole),
		            "share of %" PRId64 "/%" PRId64 " refused", part,
		            whole);
		return;
	}
	FUZZ_ASSERT(whole != 0, "a share of a zero whole");
	FUZZ_ASSERT(share % 100 == 0, "share %" PRId64 " not in tenths",
	            share);
	t = share / 100;
	/* t tenths of a percent against part * 1000 / whole exactly. */
	miss = wabs(t * whole - exact);
	FUZZ_ASSERT(2 * miss <= wabs(whole), "share %" PRId64 " of %" PRId64
	            "/%" PRId64 " misrounded", share, part, whole);
	if (2 * miss == wabs(whole))
		FUZZ_ASSERT(wabs(t * whole) > wabs(exact), "tie of %" PRId64
		            "/%" PRId64 " not away from zero", part, whole);
	pct_format_share(share, buf);
	FUZZ_ASSERT(strchr(buf, '.') && strlen(strchr(buf, '.')) == 2,
	            "share format '%s'", buf);
}

static void check_netrisk(pct_t a, pct_t b)
{
	char buf[PCT_BUFSZ], want[PCT_BUFSZ + 16];
	netrisk_t net;
	int64_t frac;
	int n;

	a %= PCT_MAX + 1;
	b %= PCT_MAX + 1;
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	net = pct_net_risk(a, b);
	FUZZ_ASSERT(net == a * b, "net risk of %" PRId64 " x %" PRId64, a, b);
	pct_format_netrisk(net, buf);
	frac = net % NETRISK_UNIT;
	n = snprintf(want, sizeof want, "%" PRId64 ".%08" PRId64,
	             net / NETRISK_UNIT, frac);
	while (n > 0 && want[n - 1] == '0' && want[n - 2] != '.')
		want[--n] = '\0';
	FUZZ_ASSERT(strcmp(buf, want) == 0, "net risk %" PRId64 " as '%s', "
	            "not '%s'", net, buf, want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstring(data, size);
	char err[256], buf[PCT_BUFSZ];
	pct_t term = -1, again = -1;

	err[0] = '\0';
	if (pct_parse(text, &term, err, sizeof err)) {
		FUZZ_ASSERT(term >= 0 && term <= PCT_MAX, "term %" PRId64, term);
		pct_format_term(term, buf);
		FUZZ_ASSERT(pct_parse(buf, &again, err, sizeof err),
		            "format '%s' refused: %s", buf, err);
		FUZZ_ASSERT(again == term, "'%s' is %" PRId64 " not %" PRId64,
		            buf, again, term);
	} else {
		fuzz_check_reason(err);
	}
	memset(err, 0, sizeof err);
	pct_parse(text, &term, err, 8);
	FUZZ_ASSERT(strlen(err) < 8, "err overrun");
	if (size >= 16) {
		int64_t a, b;

		memcpy(&a, data, sizeof a);
		memcpy(&b, data + 8, sizeof b);
		check_share(a, b);
		/* Every pct_t formats into the buffer, whatever its value. */
		pct_format_share(a, buf);
		pct_format_term(a, buf);
		pct_format_netrisk(a, buf);
		FUZZ_ASSERT(memchr(buf, '\0', sizeof buf), "unterminated");
		check_netrisk(a, b);
	}
	free(text);
	return 0;
}
