/* SPDX-License-Identifier: MIT */
/* ack.c: what an acknowledgement and a sign-off may hold (ack.h). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ack.h"
#include "lexical.h"
#include "sanitize.h"

/* One line of text of 1 to max bytes that the sanitiser would not change
 * (no control, escape, line break, bidi control or invisible character). */
static bool one_line(const char *text, size_t max, char *why, size_t n)
{
	size_t len = text ? strlen(text) : 0;
	const char *s = text;

	if (!len)
		return lex_fail(why, n, "is empty");
	if (len > max)
		return lex_fail(why, n, "is longer than %zu bytes (%zu given)", max,
		                len);
	lex_trim_span(&s, &len);
	if (!len)
		return lex_fail(why, n, "is only blanks");
	return sanitize_check(text, 0, why, n);
}

bool ack_reason_valid(const char *reason, char *why, size_t n)
{
	return one_line(reason, ACK_REASON_MAX, why, n);
}

bool ack_name_valid(const char *name, char *why, size_t n)
{
	return one_line(name, ACK_NAME_MAX, why, n);
}

/* Reads exactly `digits` digits at *p into *v. */
static bool number(const char **p, int digits, int *v)
{
	*v = 0;
	for (int i = 0; i < digits; i++, (*p)++) {
		if (!lex_is_digit(**p))
			return false;
		*v = *v * 10 + (**p - '0');
	}
	return true;
}

static bool expect(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

bool ack_time_valid(const char *at, char *why, size_t n)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	                              30, 31 };
	const char *p = at ? at : "";
	int y, mo, d, h, mi, s;
	bool leap;

	if (!(number(&p, 4, &y) && expect(&p, '-') && number(&p, 2, &mo) &&
	      expect(&p, '-') && number(&p, 2, &d) && expect(&p, 'T') &&
	      number(&p, 2, &h) && expect(&p, ':') && number(&p, 2, &mi) &&
	      expect(&p, ':') && number(&p, 2, &s) && expect(&p, 'Z') && !*p))
		return lex_fail(why, n, "is not a time in ISO 8601 UTC, as in "
		                "2026-11-23T14:02:11Z");
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] ||
	    (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || s > 60)
		return lex_fail(why, n, "is not a real date and time");
	return true;
}

bool ack_id_valid(const char *id, char *why, size_t n)
{
	size_t len = id ? strlen(id) : 0;

	if (!len)
		return lex_fail(why, n, "is empty");
	if (len > ACK_ID_MAX)
		return lex_fail(why, n, "is longer than %d bytes", ACK_ID_MAX);
	for (const char *p = id; *p; p++)
		if (!(lex_is_digit(*p) || (*p >= 'a' && *p <= 'z') || *p == '.' ||
		      *p == '_' || *p == '-'))
			return lex_fail(why, n, "is not a check's id (lower-case "
			                "letters, digits, '.', '_' and '-')");
	return true;
}

/* Prefixes the reason with the field it is about. */
static bool field_fail(const char *field, const char *reason, char *why,
                       size_t n)
{
	char copy[256];

	snprintf(copy, sizeof copy, "%s", reason);
	return lex_fail(why, n, "%s %s", field, copy);
}

bool ack_valid(const char *id, const char *message, const char *reason,
               const char *by, const char *at, char *why, size_t n)
{
	char r[200];

	if (!ack_id_valid(id, r, sizeof r))
		return field_fail("check", r, why, n);
	if (message && !one_line(message, ACK_MESSAGE_MAX, r, sizeof r))
		return field_fail("message", r, why, n);
	if (reason && *reason && !ack_reason_valid(reason, r, sizeof r))
		return field_fail("reason", r, why, n);
	if (by && !ack_name_valid(by, r, sizeof r))
		return field_fail("by", r, why, n);
	if (at && !ack_time_valid(at, r, sizeof r))
		return field_fail("at", r, why, n);
	return true;
}
