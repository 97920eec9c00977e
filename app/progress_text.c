/* SPDX-License-Identifier: MIT */
/* progress_text.c: the words of a progress report, for the command line's
 * stderr line and the full screen's status line alike: "importing: 31.2
 * of 69.7 MB (44%), about 6 s left".  Integers only. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "session.h"

/* "31.2" (megabytes), "1,234,567" (anything else). */
static void amount(char *buf, size_t n, uint64_t v, const char *unit)
{
	if (strcmp(unit, "bytes") == 0) {
		uint64_t tenths = v / 100000;   /* of a megabyte */

		snprintf(buf, n, "%llu.%llu", (unsigned long long)(tenths / 10),
		         (unsigned long long)(tenths % 10));
		return;
	}
	if (v >= 1000000)
		snprintf(buf, n, "%llu,%03llu,%03llu",
		         (unsigned long long)(v / 1000000),
		         (unsigned long long)(v / 1000 % 1000),
		         (unsigned long long)(v % 1000));
	else if (v >= 1000)
		snprintf(buf, n, "%llu,%03llu", (unsigned long long)(v / 1000),
		         (unsigned long long)(v % 1000));
	else
		snprintf(buf, n, "%llu", (unsigned long long)v);
}

void session_progress_text(char *buf, size_t n, const struct store_progress *p,
                           int64_t elapsed_ms)
{
	char done[32], total[32], left[48] = "";
	const char *unit = strcmp(p->unit, "bytes") == 0 ? "MB" : p->unit;

	amount(done, sizeof done, p->done, p->unit);
	if (p->total && p->done && p->done <= p->total) {
		/* What is left at the pace so far (a minute of work and a
		 * terabyte fit in 64 bits). */
		uint64_t rest = (uint64_t)elapsed_ms * (p->total - p->done) /
		                p->done / 1000;

		amount(total, sizeof total, p->total, p->unit);
		if (rest >= 1)
			snprintf(left, sizeof left, ", about %llu s left",
			         (unsigned long long)rest);
		snprintf(buf, n, "%s: %s of %s %s (%d%%)%s", p->what, done, total,
		         unit, (int)(p->done * 100 / p->total), left);
	} else if (p->total == 0 && p->done && strcmp(p->unit, "steps") != 0) {
		snprintf(buf, n, "%s: %s %s, %lld s", p->what, done, unit,
		         (long long)(elapsed_ms / 1000));
	} else {
		snprintf(buf, n, "%s, %lld s", p->what,
		         (long long)(elapsed_ms / 1000));
	}
}

int64_t session_clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
