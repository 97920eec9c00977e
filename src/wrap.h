/* SPDX-License-Identifier: MIT */
/* wrap.h: text laid out in columns, for the copy sheet, messages and the
 * screen's help. */
#ifndef APMWB_WRAP_H
#define APMWB_WRAP_H

#include <stddef.h>

/* Display columns of n bytes of UTF-8 (wide characters count two,
 * combining marks none; bytes that do not decode count one each). */
int wrap_width(const char *s, size_t n);

/* Calls fn for each line of text broken at spaces to at most width
 * columns (a word longer than a line is cut); newlines in text are kept,
 * and an empty line stays an empty line. */
typedef void (*wrap_fn)(void *ctx, const char *line, size_t n);
void wrap_text(const char *text, int width, wrap_fn fn, void *ctx);

/* The byte length of the longest prefix of s[0..n) that fits in width
 * columns, cut at a character boundary. */
size_t wrap_fit(const char *s, size_t n, int width);

#endif
