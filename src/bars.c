/* SPDX-License-Identifier: MIT */
/* bars.c: category bars by largest remainder, integers only. */
#include <config.h>

#include <string.h>

#include "bars.h"
#include "money.h"

/* floor(a * b / c) and its remainder, for 0 <= a <= c and b >= 0, without
 * the product ever overflowing: b is a width (a few hundred at most). */
static void muldiv(uint64_t a, int b, uint64_t c, uint64_t *q, uint64_t *r)
{
	uint64_t quot = 0, rem = 0;

	for (int i = 0; i < b; i++) {
		rem += a;          /* rem < c and a <= c: no overflow */
		if (rem >= c) {
			rem -= c;
			quot++;
		}
	}
	*q = quot;
	*r = rem;
}

bool bars_split(const int64_t *v, int n, int width, int *cells)
{
	uint64_t rem[BARS_MAX], total = 0;
	int used = 0;

	if (n < 0 || n > BARS_MAX)
		return false;
	for (int i = 0; i < n; i++)
		cells[i] = 0;
	if (width < 0)
		width = 0;
	for (int i = 0; i < n; i++) {
		if (v[i] < 0 || (uint64_t)v[i] > (uint64_t)INT64_MAX - total)
			return false;
		total += (uint64_t)v[i];
	}
	if (total == 0)
		return true;
	for (int i = 0; i < n; i++) {
		uint64_t q;

		muldiv((uint64_t)v[i], width, total, &q, &rem[i]);
		cells[i] = (int)q;
		used += (int)q;
	}
	/* Fewer than n cells are left over; hand them to the largest
	 * remainders, earlier values first on a tie. */
	while (used < width) {
		int best = -1;

		for (int i = 0; i < n; i++)
			if (rem[i] > 0 && (best < 0 || rem[i] > rem[best]))
				best = i;
		if (best < 0)
			break;
		cells[best]++;
		rem[best] = 0;
		used++;
	}
	return true;
}

void bars_line_from(const struct money_fig cat[4], struct money_fig m1,
                    struct bars_line *out)
{
	int64_t sum = 0;
	bool overflow = false;

	memset(out, 0, sizeof *out);
	for (int i = 0; i < 4; i++) {
		int64_t c = cat[i].has && cat[i].cents > 0 ? cat[i].cents : 0;

		out->v[i] = c;
		if (!money_add(sum, c, &sum))
			overflow = true;
	}
	if (overflow) {
		memset(out, 0, sizeof *out);
		return;
	}
	if (m1.has && m1.cents > sum) {
		out->v[BAR_UNREPORTED] = m1.cents - sum;
		out->whole = m1.cents;
	} else {
		out->whole = sum;
		out->over = m1.has && sum > m1.cents;
	}
	out->any = out->whole > 0;
}
