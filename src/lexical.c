/* SPDX-License-Identifier: MIT */
/* lexical.c: blanks, digits, letters and refusals (lexical.h). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lexical.h"

bool lex_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

bool lex_is_space(char c)
{
	return c == ' ' || c == '\t';
}

bool lex_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

bool lex_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool lex_is_alnum(char c)
{
	return lex_is_digit(c) || lex_is_alpha(c);
}

void lex_trim_span(const char **s, size_t *len)
{
	while (*len && lex_is_blank(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && lex_is_blank((*s)[*len - 1]))
		(*len)--;
}

char *lex_trim(char *s)
{
	size_t len = strlen(s);
	const char *start = s;

	lex_trim_span(&start, &len);
	memmove(s, start, len);
	s[len] = '\0';
	return s;
}

size_t lex_format_u64(uint64_t v, char *buf)
{
	char rev[20];
	size_t n = 0;

	do {
		rev[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	buf[n] = '\0';
	return n;
}

size_t lex_copy(char *buf, size_t n, const char *s)
{
	size_t len;

	if (!n)
		return 0;
	len = strlen(s);
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return len;
}

bool lex_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return false;
}
