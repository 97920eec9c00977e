/* SPDX-License-Identifier: MIT */
/* aggregate.h: the LAN's national measures, summed over many submissions.
 *
 * Each submission's measures come from its own figures (figures.h), so a
 * hidden answer counts nowhere here either; the sums are exact integer
 * cents, every addition overflow-checked; each share is the core's own
 * pct_share() of the same line's total, rounded as everywhere else.  The
 * sums take a fixed amount of memory whatever the number of files; the
 * organisations seen take 16 bytes a file, to flag a plan sent twice. */
#ifndef APMWB_AGGREGATE_H
#define APMWB_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "edition.h"
#include "figures.h"
#include "lob.h"

/* The measures, in the order every output lists them.  Which rows make
 * each (those below are the 2020 edition's) and their wording are the
 * edition's: edition_measure. */
enum agg_measure {
	AGG_TOTAL,     /* row 1 */
	AGG_CAT1,      /* row 2 */
	AGG_CAT2,      /* row 5 */
	AGG_CAT3,      /* row 10 */
	AGG_CAT4,      /* row 16 */
	AGG_CAT2_4,    /* row 18 */
	AGG_CAT3_4,    /* row 19 */
	AGG_CAT3B_4,   /* rows 8 + 9 + 16: the downside-risk APMs */
	AGG_NR_MEETS,  /* nominal risk: meets the threshold */
	AGG_NR_FAILS,  /* nominal risk: does not */
	AGG_NMEASURES
};

#define AGG_ALL LOB_COUNT   /* the line "all": the three lines summed */
#define AGG_NLINES (LOB_COUNT + 1)

const char *agg_measure_id(int m);     /* "cat3b_4" */
/* "Categories 3B-4 (rows 8+9+16)"; the id where the edition has none. */
const char *agg_measure_name(const struct edition *ed, int m);
const char *agg_line_id(int line);     /* "commercial" ... "all" */
/* "Commercial" ... "All lines" */
const char *agg_line_name(const struct edition *ed, int line);

/* One submission's measures by line. */
struct agg_file {
	struct money_fig m[LOB_COUNT][AGG_NMEASURES];
};

/* Where each measure's rows are in an edition, looked up once for all
 * the files of that edition. */
struct agg_rows {
	const struct edition *ed;
	int q[LOB_COUNT][AGG_NMEASURES][EDITION_MEASURE_ROWS];   /* -1: none */
};
void agg_rows_init(struct agg_rows *r, const struct edition *ed);

/* From its figures (of the edition r was made for): blank where they are
 * (a line not reported on, a row display logic hides, a sum of blanks).
 * False when a sum did not fit (the submission's figures overflow: not to
 * be counted). */
bool agg_file_measures(const struct agg_rows *r, const struct figures *f,
                       struct agg_file *out);

struct agg_cell {
	int64_t cents;
	bool any;          /* some counted file had a value here */
	bool overflow;     /* the sum went past int64: not given */
};

struct agg_sums {
	struct agg_cell c[AGG_NLINES][AGG_NMEASURES];
	size_t files;      /* submissions added */
	size_t reporting[AGG_NLINES];   /* of those, with the line's total */
};

void agg_init(struct agg_sums *s);
/* Adds one submission's measures (blank adds nothing).  False when a sum
 * overflowed: that cell is marked and stays so, *line and *measure name
 * the first such cell; the other cells still hold the file's values. */
bool agg_add(struct agg_sums *s, const struct agg_file *m, int *line,
             int *measure);
/* Fills the line "all" from the three lines; false when a sum overflowed
 * (first such measure in *measure).  Call once, after the last add. */
bool agg_finish(struct agg_sums *s, int *measure);

/* What to print for one line and measure. */
struct agg_value {
	bool blank;        /* nothing reported on this line at all: "" */
	bool overflow;     /* dollars not given */
	int64_t cents;     /* blank values counted as nothing */
	struct share_fig share;   /* of the line's total; not ok: "n/a" */
};
void agg_value(const struct agg_sums *s, int line, int measure,
               struct agg_value *out);

/* ---- a plan sent twice ---- */

struct agg_orgs {
	struct agg_org_slot { uint64_t hash; size_t file; bool used; } *slot;
	size_t n, cap;
};

void agg_orgs_init(struct agg_orgs *o);
void agg_orgs_free(struct agg_orgs *o);
/* Remembers that file number `file` is of organisation `name` (compared
 * without letter case and extra blanks; a blank name is never a
 * duplicate).  Returns 1 with *first set when an earlier file had the same
 * organisation, 0 when not, -1 when memory ran out. */
int agg_orgs_add(struct agg_orgs *o, const char *name, size_t file,
                 size_t *first);

#endif
