/* SPDX-License-Identifier: MIT */
/* cdiff.h: two nominal-risk worksheets compared as they stream.
 *
 * Both worksheets are read once, in worksheet order, through a window of
 * a fixed number of contracts on each side, so memory does not grow with
 * them.  A contract is known by its label (unlabelled ones by their order
 * among each other).  Where the two heads differ, the window tells an
 * inserted run from a deleted one; past the window, a second pass over
 * each side's labels (only then, into a fixed-size Bloom filter) tells a
 * contract that is still there, further on, from one that is gone; two
 * contracts found on neither side are one relabelled when nothing else
 * differs, else one deleted and one added in its place.  Each
 * difference reported is true of the pairing made; a contract moved far
 * shows as deleted where it was and added where it is. */
#ifndef APMWB_CDIFF_H
#define APMWB_CDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nominal.h"

/* The field number of a contract's computed status ("meets", "fails",
 * "incomplete"), after the columns of enum nr_field. */
#define CDIFF_F_STATUS NR_F_COUNT

enum cdiff_kind { CDIFF_CHANGED, CDIFF_ADDED, CDIFF_DELETED };

struct cdiff_event {
	enum cdiff_kind kind;
	const struct contract *old, *new;  /* NULL on the side it is not on */
	int64_t old_pos, new_pos;          /* 0-based; -1 on that side */
	int field;                         /* CHANGED: nr_field or CDIFF_F_STATUS */
	const char *old_text, *new_text;   /* CHANGED: machine text, "" blank */
};
typedef bool (*cdiff_emit_fn)(void *ctx, const struct cdiff_event *e);

/* One side.  next reads the following contract into c (contract_init'ed
 * by the caller, who clears it): true with *got false at the end, false on
 * failure.  scan calls add with the label (NULL: none) of every contract
 * of the side, from the start, while next's reading goes on: false on
 * failure. */
struct cdiff_source {
	bool (*next)(void *src, struct contract *c, bool *got);
	bool (*scan)(void *src, void (*add)(void *set, const char *label),
	             void *set);
	void *src;
};

struct cdiff_stats {
	int64_t old_n, new_n;            /* contracts read */
	int64_t changed, added, deleted; /* contracts, not fields */
	bool scanned;                    /* the second pass was needed */
};

#define CDIFF_WINDOW 4096   /* contracts a side looks ahead */

/* Compares the worksheets, calling emit for each difference in order.
 * False when a source fails, memory runs out (err says so) or emit
 * returns false (err empty). */
bool cdiff_run(const struct cdiff_source *old, const struct cdiff_source *new,
               size_t window, cdiff_emit_fn emit, void *ctx,
               struct cdiff_stats *stats, char *err, size_t errlen);

/* "meets", "fails" or "incomplete". */
const char *cdiff_status_text(const struct contract *c);

#endif
