/* SPDX-License-Identifier: MIT */
/* percent.h: percentages as exact integers.
 *
 * The fixed unit is the milli-percent: 1% == PCT_UNIT == 1000.  Shares of a
 * denominator are rounded half away from zero to one decimal (a multiple of
 * 100 units), as the workbook's spreadsheet does.  Risk terms are typed in
 * percent units with up to three decimals, which the unit holds exactly.
 *
 * Net risk (risk maximum x provider shared risk) has up to six decimals of a
 * percent, so it has its own exact type, in units of 1e-8 percent. */
#ifndef APMWB_PERCENT_H
#define APMWB_PERCENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t pct_t;           /* milli-percent */
#define PCT_UNIT 1000            /* one percent */
#define PCT_MAX (100 * PCT_UNIT) /* risk terms are 0..100% */

typedef int64_t netrisk_t;       /* 1e-8 percent: pct_t * pct_t / 100 */
#define NETRISK_UNIT INT64_C(100000000) /* one percent */

#define PCT_BUFSZ 32

/* Parses a risk term: "4", "4%", "3.75", " 12.125 % ".  0 to 100, at most
 * three decimals.  Refusals get a one-line reason in err. */
bool pct_parse(const char *text, pct_t *out, char *err, size_t errlen);

/* A risk term written as a fraction of 1, as a spreadsheet's percent cell
 * holds it: "0.04" is 4%, "0.04125" 4.125%.  0 to 1, at most five
 * decimals (the three of a percentage), no '%'. */
bool pct_parse_fraction(const char *text, pct_t *out, char *err,
                        size_t errlen);

/* A net risk read back from a file: percent units as pct_parse takes them,
 * with up to eight decimals (its exact unit). */
bool pct_parse_netrisk(const char *text, netrisk_t *out, char *err,
                       size_t errlen);

/* The share part/whole as a percentage rounded half away from zero to one
 * decimal.  False when whole is zero (not computable: the spreadsheet's
 * #DIV/0!), or when the share is past what pct_t holds (over 9.2e15 %, a
 * part beyond a tiny whole).  Exact for every int64 input. */
bool pct_share(int64_t part, int64_t whole, pct_t *out);

/* Machine format of a share: one decimal, "16.0", "-2.5". */
void pct_format_share(pct_t share, char buf[PCT_BUFSZ]);

/* Machine format of a risk term: shortest exact form with at least one
 * decimal, "4.0", "3.75", "12.125". */
void pct_format_term(pct_t term, char buf[PCT_BUFSZ]);

/* Net risk = maximum x shared risk, exact. */
netrisk_t pct_net_risk(pct_t risk_max, pct_t shared_risk);

/* Exact, shortest form with at least one decimal: "6.0", "3.75", "1.111111". */
void pct_format_netrisk(netrisk_t net, char buf[PCT_BUFSZ]);

#endif
