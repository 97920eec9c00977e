/* SPDX-License-Identifier: MIT */
/* csvout.c: RFC 4180 fields with formula-like text neutralised. */
#include <config.h>

#include <string.h>

#include "csvout.h"

static bool plain_negative_number(const char *s)
{
	bool digits = false, point = false;

	if (*s++ != '-')
		return false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digits = true;
		} else if (*s == '.' && digits && !point) {
			point = true;
			digits = false;     /* a digit must follow the point */
		} else {
			return false;
		}
	}
	return digits;
}

static bool formula_start(const char *s)
{
	return *s && strchr("=+-@\t\r\n", *s) && !plain_negative_number(s);
}

bool csvout_needs_guard(const char *s)
{
	while (*s == '\'') {
		if (formula_start(s + 1))
			return true;
		s++;
	}
	return formula_start(s);
}

const char *csvout_unguard(const char *s)
{
	return s[0] == '\'' && csvout_needs_guard(s + 1) ? s + 1 : s;
}

static void field(FILE *out, const char *s, bool guard)
{
	size_t n = strlen(s);
	/* Some readers (libcsv among them) trim blanks around a bare field. */
	bool edge = n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	                  s[n - 1] == '\t');

	if (!guard && !edge && !strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void csvout_field(FILE *out, const char *s)
{
	field(out, s, csvout_needs_guard(s));
}

void csvout_field_as_typed(FILE *out, const char *s)
{
	field(out, s, false);
}

void csvout_bom(FILE *out)
{
	fputs("\xef\xbb\xbf", out);
}

void csvout_end(FILE *out)
{
	fputs("\r\n", out);
}
