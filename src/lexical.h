/* SPDX-License-Identifier: MIT */
/* lexical.h: the small facts every reader of typed text shares, so that a
 * blank is the same blank to money, percentages, answers, the contracts
 * CSV and the edition's own data, in every locale (C's isspace() follows
 * the locale; these do not). */
#ifndef APMWB_LEXICAL_H
#define APMWB_LEXICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A blank around a value: space, tab, line feed, carriage return,
 * vertical tab, form feed (what isspace() is in the C locale). */
bool lex_is_blank(char c);
/* A blank inside one line: space or tab. */
bool lex_is_space(char c);
bool lex_is_digit(char c);
/* ASCII letters and digits only. */
bool lex_is_alpha(char c);
bool lex_is_alnum(char c);

/* Shrinks [*s, *s + *len) past blanks at both ends. */
void lex_trim_span(const char **s, size_t *len);
/* Cuts blanks off both ends of s in place; returns the first kept byte. */
char *lex_trim(char *s);

/* Writes v in decimal digits and a NUL into buf (21 bytes always
 * suffice); returns the digits' count.  What every exact figure is
 * printed with: no printf on the hot path of an export. */
size_t lex_format_u64(uint64_t v, char *buf);
/* Copies s into buf of n bytes (cut short to fit, always terminated);
 * returns the bytes copied. */
size_t lex_copy(char *buf, size_t n, const char *s);

/* Writes a reason into err (when there is room) and returns false, so a
 * refusal is one statement: return lex_fail(err, n, "is empty"). */
bool lex_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
