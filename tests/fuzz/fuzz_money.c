/* SPDX-License-Identifier: MIT */
/* fuzz_money.c: money_parse on arbitrary bytes.
 *
 * Invariants: a parse that succeeds gives 0..MONEY_MAX cents, and both the
 * machine and the display format of it parse back to the same cents; a
 * refusal says why in one clean line (it is printed to a terminal).  The
 * first 16 bytes are also two int64 for the overflow-checked arithmetic
 * and the formats of any amount, negative and extreme ones included. */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "money.h"

__extension__ typedef __int128 wide;

static void check_reparse(int64_t cents, const char *text, const char *how)
{
	char err[256];
	int64_t again = -1;

	FUZZ_ASSERT(strlen(text) < MONEY_BUFSZ, "%s format too long", how);
	FUZZ_ASSERT(money_parse(text, &again, err, sizeof err),
	            "%s format '%s' of %" PRId64 " refused: %s", how, text,
	            cents, err);
	FUZZ_ASSERT(again == cents, "%s format '%s' of %" PRId64
	            " parsed as %" PRId64, how, text, cents, again);
}

static void check_arithmetic(int64_t a, int64_t b)
{
	wide sum = (wide)a + b, diff = (wide)a - b;
	int64_t out = 12345;
	bool fits;
	char buf[MONEY_BUFSZ];

	fits = sum >= INT64_MIN && sum <= INT64_MAX;
	FUZZ_ASSERT(money_add(a, b, &out) == fits, "money_add %" PRId64
	            " + %" PRId64, a, b);
	FUZZ_ASSERT(fits ? out == (int64_t)sum : out == 12345,
	            "money_add result %" PRId64, out);
	out = 12345;
	fits = diff >= INT64_MIN && diff <= INT64_MAX;
	FUZZ_ASSERT(money_sub(a, b, &out) == fits, "money_sub %" PRId64
	            " - %" PRId64, a, b);
	FUZZ_ASSERT(fits ? out == (int64_t)diff : out == 12345,
	            "money_sub result %" PRId64, out);
	/* Every amount formats into the buffer, whatever its sign. */
	money_format(a, buf);
	FUZZ_ASSERT(memchr(buf, '\0', sizeof buf), "money_format unterminated");
	money_format_display(a, buf);
	FUZZ_ASSERT(memchr(buf, '\0', sizeof buf), "display unterminated");
	money_format_signed(a, buf);
	FUZZ_ASSERT(memchr(buf, '\0', sizeof buf), "signed unterminated");
	if (a >= 0 && a <= MONEY_MAX) {
		money_format(a, buf);
		check_reparse(a, buf, "machine");
		money_format_display(a, buf);
		check_reparse(a, buf, "display");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstring(data, size);
	char err[256], buf[MONEY_BUFSZ];
	int64_t cents = -1;

	err[0] = '\0';
	if (money_parse(text, &cents, err, sizeof err)) {
		FUZZ_ASSERT(cents >= 0 && cents <= MONEY_MAX,
		            "parsed %" PRId64 " out of range", cents);
		money_format(cents, buf);
		check_reparse(cents, buf, "machine");
		money_format_display(cents, buf);
		check_reparse(cents, buf, "display");
	} else {
		fuzz_check_reason(err);
	}
	/* A small err buffer is cut short, never overrun. */
	memset(err, 0, sizeof err);
	money_parse(text, &cents, err, 8);
	FUZZ_ASSERT(strlen(err) < 8, "err overrun");
	if (size >= 16) {
		int64_t a, b;

		memcpy(&a, data, sizeof a);
		memcpy(&b, data + 8, sizeof b);
		check_arithmetic(a, b);
	}
	free(text);
	return 0;
}
