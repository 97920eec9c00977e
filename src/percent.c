/* SPDX-License-Identifier: MIT */
/* percent.c: percentages as exact integers (milli-percent). */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lexical.h"
#include "percent.h"

/* Wide enough for int64 * 1000 and any product of two int64. */
__extension__ typedef __int128 wide_t;

/* Names the character at p for a message without copying a control or a
 * partial UTF-8 byte into it. */
static void name_char(const char *p, char *buf, size_t n)
{
	unsigned char u = (unsigned char)*p;

	if (u == ' ' || u == '\t')
		snprintf(buf, n, "blank");
	else if (u > ' ' && u < 0x7f)
		snprintf(buf, n, "'%c'", u);
	else
		snprintf(buf, n, "byte 0x%02X", u);
}

static const char *const place_words[] = {
	"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
};

/* A decimal number of 0 to max (in units of 10^-places) written with at
 * most `places` decimals, a '%' allowed at its end when pct_sign: the one
 * reader behind risk terms, fractions and net risks, so they refuse the
 * same things in the same words.  `what` names the thing in messages. */
static bool parse_fixed(const char *text, int places, int64_t max,
                        bool pct_sign, const char *what, int64_t *out,
                        char *err, size_t errlen)
{
	const char *p, *end, *start, *junk;
	int64_t whole = 0, frac = 0, scale = 1;
	int decimals = 0, ndigits = 0;
	bool too_big = false;
	char c[16];

	for (int i = 0; i < places; i++)
		scale *= 10;
	if (!text)
		text = "";
	while (lex_is_blank(*text))
		text++;
	end = text + strlen(text);
	while (end > text && lex_is_blank(end[-1]))
		end--;
	if (end == text)
		return lex_fail(err, errlen, "is empty; type %s such as %s", what,
		                pct_sign ? "3.75" : "0.04");
	if (*text == '-' || *text == '(')
		return lex_fail(err, errlen, "is negative; %s here runs from 0 to "
		                "%s", what, pct_sign ? "100" : "1");
	if (memchr(text, ',', (size_t)(end - text)))
		return lex_fail(err, errlen, "has a comma; write decimals after a "
		                "point, as in 3.75");

	p = start = text;
	for (; p < end && lex_is_digit(*p); p++) {
		ndigits++;
		if (!too_big) {
			whole = whole * 10 + (*p - '0');
			if (whole > max / scale)
				too_big = true;
		}
	}
	if (p < end && *p == '.') {
		for (p++; p < end && lex_is_digit(*p); p++) {
			decimals++;
			if (decimals <= places)
				frac = frac * 10 + (*p - '0');
		}
	}
	/* A '%' may only end the text, blanks before it allowed. */
	junk = p;
	while (p < end && lex_is_blank(*p))
		p++;
	p = pct_sign && p + 1 == end && *p == '%' ? end : junk;
	if (p < end) {
		if ((*p == 'e' || *p == 'E') && p > start && lex_is_digit(p[-1]))
			return lex_fail(err, errlen, "is not %s: type the digits, not "
			                "an exponent", what);
		if (*p == '%' && !pct_sign)
			return lex_fail(err, errlen, "carries a percent sign, but it is "
			                "read as a fraction of 1 (0.04 for 4%%)");
		name_char(p, c, sizeof c);
		return lex_fail(err, errlen, "is not %s: unexpected %s", what, c);
	}
	if (ndigits == 0 && decimals == 0)
		return lex_fail(err, errlen, "is not %s: no digits", what);
	if (decimals > places)
		return lex_fail(err, errlen, "has more than %s decimals",
		                place_words[places]);
	for (int i = decimals; i < places; i++)
		frac *= 10;
	if (too_big || whole * scale + frac > max)
		return lex_fail(err, errlen, pct_sign ? "is more than 100%%" :
		                "is more than 1, which as a fraction is more than "
		                "100%%");
	*out = whole * scale + frac;
	return true;
}

bool pct_parse(const char *text, pct_t *out, char *err, size_t errlen)
{
	return parse_fixed(text, 3, PCT_MAX, true, "a percentage", out, err,
	                   errlen);
}

bool pct_parse_fraction(const char *text, pct_t *out, char *err,
                        size_t errlen)
{
	/* 0.04125 is 4.125%: five decimals of a fraction are the three of a
	 * percentage, so the value is exactly the milli-percent. */
	return parse_fixed(text, 5, PCT_MAX, false, "a fraction", out, err,
	                   errlen);
}

bool pct_parse_netrisk(const char *text, netrisk_t *out, char *err,
                       size_t errlen)
{
	return parse_fixed(text, 8, 100 * NETRISK_UNIT, true, "a percentage",
	                   out, err, errlen);
}

bool pct_share(int64_t part, int64_t whole, pct_t *out)
{
	/* Tenths of a percent: part * 1000 / whole, rounded half away
	 * from zero, all in 128 bits so no int64 input can overflow. */
	wide_t num = (wide_t)part * 1000, den = whole, q, r, tenths_max;

	if (whole == 0)
		return false;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	q = num / den;
	r = num % den;
	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += num < 0 ? -1 : 1;
	/* A share of millions of percent (a row far above a tiny row 1)
	 * does not fit pct_t; it is as little computable as #DIV/0!. */
	tenths_max = INT64_MAX / 100;
	if (q > tenths_max || q < -tenths_max)
		return false;
	*out = (pct_t)(q * 100);
	return true;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void pct_format_share(pct_t share, char buf[PCT_BUFSZ])
{
	/* Shares are multiples of 100; anything finer rounds half away
	 * from zero so that the one decimal shown is never a truncation. */
	uint64_t m = magnitude(share);
	uint64_t tenths = m / 100 + (m % 100 >= 50);

	snprintf(buf, PCT_BUFSZ, "%s%" PRIu64 ".%u",
	         share < 0 && tenths ? "-" : "", tenths / 10,
	         (unsigned)(tenths % 10));
}

/* Writes sign, whole part and the shortest exact fraction (at least one
 * digit) of a fixed-point value with `places` decimals. */
static void format_exact(int64_t v, uint64_t unit, int places,
                         char buf[PCT_BUFSZ])
{
	uint64_t m = magnitude(v), frac = m % unit;
	size_t len = 0;
	int n = places;

	/* At most 20 digits, a sign, a point and 8 decimals: 31 bytes. */
	if (v < 0)
		buf[len++] = '-';
	len += lex_format_u64(m / unit, buf + len);
	buf[len++] = '.';
	while (n > 1 && frac % 10 == 0) {
		frac /= 10;
		n--;
	}
	for (int i = n - 1; i >= 0; i--) {
		buf[len + i] = (char)('0' + frac % 10);
		frac /= 10;
	}
	buf[len + n] = '\0';
}

void pct_format_term(pct_t term, char buf[PCT_BUFSZ])
{
	format_exact(term, PCT_UNIT, 3, buf);
}

netrisk_t pct_net_risk(pct_t risk_max, pct_t shared_risk)
{
	/* milli-percent x milli-percent / 100% is exactly 1e-8 percent:
	 * the product itself.  Terms are 0..100%, so it fits easily; out
	 * of range input saturates rather than wrapping. */
	wide_t net = (wide_t)risk_max * shared_risk;

	if (net > INT64_MAX)
		return INT64_MAX;
	if (net < INT64_MIN)
		return INT64_MIN;
	return (netrisk_t)net;
}

void pct_format_netrisk(netrisk_t net, char buf[PCT_BUFSZ])
{
	format_exact(net, (uint64_t)NETRISK_UNIT, 8, buf);
}
