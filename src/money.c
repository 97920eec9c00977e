/* SPDX-License-Identifier: MIT */
/* money.c: dollars as exact integer cents. */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lexical.h"
#include "money.h"

/* Names the character at p for a message: 'x' when printable ASCII, else
 * its code point, so no control byte ever lands in a reason. */
static void name_char(const char *p, char *buf, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	uint32_t cp;
	int more;

	if (*u == ' ' || *u == '\t') {
		snprintf(buf, n, "blank");
		return;
	}
	if (*u > ' ' && *u < 0x7f) {
		snprintf(buf, n, "'%c'", *u);
		return;
	}
	if (*u < 0x80) {
		snprintf(buf, n, "character U+%04X", *u);
		return;
	}
	if (*u >= 0xc2 && *u < 0xe0) {
		cp = *u & 0x1f;
		more = 1;
	} else if (*u >= 0xe0 && *u < 0xf0) {
		cp = *u & 0x0f;
		more = 2;
	} else if (*u >= 0xf0 && *u < 0xf5) {
		cp = *u & 0x07;
		more = 3;
	} else {
		snprintf(buf, n, "byte 0x%02X", *u);
		return;
	}
	for (int i = 1; i <= more; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			snprintf(buf, n, "byte 0x%02X", *u);
			return;
		}
		cp = cp << 6 | (u[i] & 0x3f);
	}
	snprintf(buf, n, "character U+%04" PRIX32, cp);
}

/* An exponent as in "1e6" or "2.5E+07": a digit, e or E, then digits. */
static bool looks_like_exponent(const char *start, const char *p)
{
	if ((*p != 'e' && *p != 'E') || p == start || !lex_is_digit(p[-1]))
		return false;
	p++;
	if (*p == '+' || *p == '-')
		p++;
	return lex_is_digit(*p);
}

/* Long: one pass over the text, each refusal where it is found; split,
 * its states would have to travel between the parts. */
bool money_parse(const char *text, int64_t *cents, char *err, size_t errlen)
{
	const char *p, *end, *start, *last_dot, *last_comma;
	int64_t whole = 0;
	int decimals = 0, dec_value = 0, group = 0, ndigits = 0;
	bool commas = false, too_big = false;
	char what[32];

	if (!text)
		text = "";
	while (lex_is_blank(*text))
		text++;
	end = text + strlen(text);
	while (end > text && lex_is_blank(end[-1]))
		end--;
	if (end == text)
		return lex_fail(err, errlen, "is empty; type an amount such as 1234.56");

	p = text;
	if (*p == '-' || *p == '(' || (*p == '$' && (p[1] == '-' || p[1] == '(')))
		return lex_fail(err, errlen,
		                "is negative; dollars paid are never below zero");
	/* "1.234,56": a European decimal comma, which would otherwise read
	 * as a misplaced separator and leave the respondent guessing. */
	last_dot = NULL;
	last_comma = NULL;
	for (const char *q = p; q < end; q++) {
		if (*q == '.')
			last_dot = q;
		else if (*q == ',')
			last_comma = q;
	}
	if (last_dot && last_comma && last_comma > last_dot)
		return lex_fail(err, errlen, "has a decimal comma; write the cents "
		                "after a point, as in 1234.56");

	if (*p == '$') {
		p++;
		while (p < end && lex_is_blank(*p))
			p++;
	}
	start = p;
	for (; p < end; p++) {
		if (lex_is_digit(*p)) {
			/* Stop adding once past the range; the syntax is still
			 * checked so that junk is named before size. */
			if (!too_big) {
				whole = whole * 10 + (*p - '0');
				if (whole > MONEY_MAX / 100)
					too_big = true;
			}
			ndigits++;
			group++;
		} else if (*p == ',') {
			/* Groups of three after the first, which holds 1 to 3. */
			if (group == 0 || (commas ? group != 3 : group > 3))
				return lex_fail(err, errlen, "has a misplaced ','; commas "
				                "group thousands by three (1,234,567.89) "
				                "and cents follow a point");
			commas = true;
			group = 0;
		} else {
			break;
		}
	}
	if (commas && group != 3)
		return lex_fail(err, errlen, "has a misplaced ','; commas group "
		                "thousands by three (1,234,567.89) and cents follow "
		                "a point");
	if (p < end && *p == '.') {
		for (p++; p < end && lex_is_digit(*p); p++) {
			decimals++;
			if (decimals <= 2)
				dec_value = dec_value * 10 + (*p - '0');
		}
	}
	if (p < end) {
		if (looks_like_exponent(start, p))
			return lex_fail(err, errlen, "is not an amount: type the "
			                "digits, not an exponent");
		if (*p == '-' && p == start)
			return lex_fail(err, errlen,
			                "is negative; dollars paid are never below zero");
		name_char(p, what, sizeof what);
		return lex_fail(err, errlen, "is not an amount: unexpected %s", what);
	}
	if (ndigits == 0 && decimals == 0)
		return lex_fail(err, errlen, "is not an amount: no digits");
	if (decimals > 2)
		return lex_fail(err, errlen, "has more than two decimals; dollars "
		                "are entered to the cent");
	if (decimals == 1)
		dec_value *= 10;
	if (too_big || whole * 100 + dec_value > MONEY_MAX)
		return lex_fail(err, errlen, "is more than $99,999,999,999,999.99, "
		                "the largest amount accepted");
	*cents = whole * 100 + dec_value;
	return true;
}

/* The magnitude of any int64, INT64_MIN included. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void money_format(int64_t cents, char buf[MONEY_BUFSZ])
{
	uint64_t m = magnitude(cents);

	snprintf(buf, MONEY_BUFSZ, "%s%" PRIu64 ".%02u", cents < 0 ? "-" : "",
	         m / 100, (unsigned)(m % 100));
}

/* "$1,234.50" after the given sign text. */
static void format_grouped(const char *sign, uint64_t m, char buf[MONEY_BUFSZ])
{
	char digits[24], grouped[32];
	size_t n, o = 0;

	snprintf(digits, sizeof digits, "%" PRIu64, m / 100);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(buf, MONEY_BUFSZ, "%s$%s.%02u", sign, grouped,
	         (unsigned)(m % 100));
}

void money_format_display(int64_t cents, char buf[MONEY_BUFSZ])
{
	format_grouped(cents < 0 ? "-" : "", magnitude(cents), buf);
}

void money_format_signed(int64_t cents, char buf[MONEY_BUFSZ])
{
	format_grouped(cents < 0 ? "-" : cents > 0 ? "+" : "",
	               magnitude(cents), buf);
}

bool money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}

bool money_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_sub_overflow(a, b, &r))
		return false;
	*out = r;
	return true;
}
