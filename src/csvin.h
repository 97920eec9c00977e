/* SPDX-License-Identifier: MIT */
/* csvin.h: CSV read through libcsv, a row at a time, with the line each
 * row starts on, for messages that name it.
 *
 * libcsv does the RFC 4180 parsing (quotes, embedded commas and newlines,
 * CR, LF or CRLF); this adds what it lacks for files people make: a leading
 * UTF-8 BOM is dropped (even split across chunks), blank rows (no bytes, or
 * only empty fields such as ",,,," a spreadsheet writes) are skipped, a row
 * longer than 64 KiB is refused rather than held, and every message names
 * the line, and the column when the reader says how columns are named.
 * Input arrives in chunks of any size, so a file of any length streams. */
#ifndef APMWB_CSVIN_H
#define APMWB_CSVIN_H

#include <stdbool.h>
#include <stddef.h>

#define CSVIN_ROW_MAX (64 * 1024)

struct csvin_row {
	char **field;       /* NUL-terminated copies */
	size_t *len;        /* their lengths: less than strlen means a NUL byte */
	size_t n;
	size_t line;        /* the row's first line, 1-based */
	size_t index;       /* 0 for the first row that is not blank */
};

/* Called for each row that is not blank; return false with a whole message
 * in err (it should name row->line) to stop. */
typedef bool (*csvin_row_fn)(void *ctx, const struct csvin_row *row,
                             char *err, size_t errlen);
/* The name of column i of data rows, or NULL; for messages only. */
typedef const char *(*csvin_col_fn)(void *ctx, size_t i);

struct csvin;

/* A line starting with '#' (blanks before it allowed) outside a quoted
 * field is a comment: never parsed, so it may hold any text. */
enum { CSVIN_COMMENTS = 1 };

/* col may be NULL; flags 0 or CSVIN_COMMENTS.  NULL when memory runs out. */
struct csvin *csvin_new(csvin_row_fn row, csvin_col_fn col, void *ctx,
                        int flags);
void csvin_free(struct csvin *p);

/* False with a message at the first problem; after a false, stop. */
bool csvin_feed(struct csvin *p, const char *buf, size_t len, char *err,
                size_t errlen);
/* End of input: the last row (a file need not end with a line end).
 * *rows (may be NULL) gets the number of rows that were not blank. */
bool csvin_finish(struct csvin *p, size_t *rows, char *err, size_t errlen);

/* Messages for a field holding a NUL byte, which no text does; readers call
 * it when len[i] != strlen(field[i]). */
void csvin_nul_message(const struct csvin_row *row, const char *column,
                       char *err, size_t errlen);

#endif
