/* SPDX-License-Identifier: MIT */
/* contracts_csv.h: the nominal-risk worksheet as CSV.
 *
 * Header `label,line,type,risk_min,risk_max,shared_risk,dollars` (columns in
 * any order on import, names in any case), RFC 4180 quoting, UTF-8.  The
 * export adds each contract's results, `net_risk,meets,why_not`; an import
 * takes them too, checks that each one given agrees with the contract's
 * fields (the line, column and reason when not) and keeps none.  Import
 * takes a BOM, CRLF or LF line ends, blank lines and quoted fields with
 * embedded commas and newlines; every field goes through
 * nominal_parse_field(), and the first bad row stops the import with its
 * line, column and reason.  Reading is csvin's (libcsv, fed in chunks), so a
 * file of any size streams through. */
#ifndef APMWB_CONTRACTS_CSV_H
#define APMWB_CONTRACTS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "nominal.h"

struct contracts_csv;

/* Called for each contract row; `line` is the row's first line in the file
 * (1-based).  Return false (with err filled) to stop the import. */
typedef bool (*contracts_csv_row_fn)(void *ctx, const struct contract *c,
                                     size_t line, char *err, size_t errlen);

struct contracts_csv *contracts_csv_new(contracts_csv_row_fn fn, void *ctx);
void contracts_csv_free(struct contracts_csv *p);

/* Reads risk_min, risk_max and shared_risk as fractions of 1, as
 * spreadsheet percent cells are saved: 0.04 is 4% (import --fractions).
 * Without it, a file whose every risk term is at most 1 and none written
 * with '%' is refused at the end, saying how to write it, unless it has
 * the result columns of apmwb's own export (percent units). */
void contracts_csv_set_fractions(struct contracts_csv *p, bool on);

/* Feed the next chunk; false with err ("line 4, column risk_max: is more
 * than 100%") at the first problem.  After a false, stop feeding. */
bool contracts_csv_feed(struct contracts_csv *p, const char *buf, size_t len,
                        char *err, size_t errlen);
/* End of input: the last row, and a file without a header or rows is an
 * error ("no header line" / "no contracts"; an empty worksheet is written
 * by a header alone, which is fine), and so is a file of fractions read as
 * percent units (above). */
bool contracts_csv_finish(struct contracts_csv *p, size_t *rows,
                          char *err, size_t errlen);

/* Export: the header, then one row per contract with its results, CRLF
 * line ends as RFC 4180 says.  A label a spreadsheet would run as a formula is neutralised
 * (csvout.h), and import takes the guard off again. */
bool contracts_csv_write_header(FILE *out);
bool contracts_csv_write_row(FILE *out, const struct contract *c);

#endif
