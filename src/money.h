/* SPDX-License-Identifier: MIT */
/* money.h: dollars as exact integer cents.
 *
 * Every dollar figure in apmwb is an int64_t count of cents.  Parsing and
 * formatting follow the spec's machine format ("2610000000.00"); input also
 * takes "$1,234.56", "1234" and "1234.5".  Nothing here uses floating point. */
#ifndef APMWB_MONEY_H
#define APMWB_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest amount a respondent may type: $99,999,999,999,999.99, a
 * hundred times all US health spending, so that sums of every row of a tab
 * cannot overflow; sums over contracts are still checked. */
#define MONEY_MAX INT64_C(9999999999999999)

/* Room for any formatted amount, with "$", separators and the sign. */
#define MONEY_BUFSZ 40

/* Parses typed or machine text into cents.  Leading and trailing blanks are
 * ignored.  Refuses empty text, negatives, more than two decimals, exponents,
 * misplaced separators, junk and anything past MONEY_MAX.  On refusal returns
 * false and writes a one-line reason (no trailing period) to err. */
bool money_parse(const char *text, int64_t *cents, char *err, size_t errlen);

/* Machine format: "1234.50", no "$" or separators. */
void money_format(int64_t cents, char buf[MONEY_BUFSZ]);

/* Display format: "$1,234.50"; negative amounts as "-$1,234.50". */
void money_format_display(int64_t cents, char buf[MONEY_BUFSZ]);

/* Display format for signed differences: "+$1.00" / "-$1.00" / "$0.00". */
void money_format_signed(int64_t cents, char buf[MONEY_BUFSZ]);

/* Overflow-checked arithmetic: false (and *out untouched) on overflow. */
bool money_add(int64_t a, int64_t b, int64_t *out);
bool money_sub(int64_t a, int64_t b, int64_t *out);

#endif
