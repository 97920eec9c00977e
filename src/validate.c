/* SPDX-License-Identifier: MIT */
/* validate.c: what may be stored as an answer, and in what canonical form. */
#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "edition.h"
#include "lexical.h"
#include "mem.h"
#include "money.h"
#include "sanitize.h"
#include "validate.h"

#define EMAIL_MAX 254
#define WHOLE_MAX UINT64_C(999999999999)
#define HOURS_MAX_TENTHS UINT64_C(1000000)   /* 100,000 hours */
#define EXTENSION_MAX 10

#define NOMEM() lex_fail(err, errlen, "out of memory")

/* Puts typed text into a message safely: sanitised, and cut short (at a
 * character boundary) when long. */
static void quote_input(const char *s, size_t len, char *buf, size_t n)
{
	char raw[161];
	size_t take = len < sizeof raw - 1 ? len : sizeof raw - 1;

	memcpy(raw, s, take);
	raw[take] = '\0';
	if (sanitize_text(raw, 0, buf, n) >= n || take < len) {
		size_t used = strlen(buf);

		/* Make room for "..." by dropping whole characters. */
		while (used && used + 4 > n) {
			do
				used--;
			while (used && ((unsigned char)buf[used] & 0xc0) == 0x80);
		}
		snprintf(buf + used, n - used, "...");
	}
}

/* Names one character for a message: "'x'", "blank", or what it is when
 * it is not printable ASCII (never the byte itself). */
static void name_char(char c, char *buf, size_t n)
{
	unsigned char u = (unsigned char)c;

	if (lex_is_space(c))
		snprintf(buf, n, "blank");
	else if (u > ' ' && u < 0x7f)
		snprintf(buf, n, "'%c'", c);
	else if (u < 0x80)
		snprintf(buf, n, "control character");
	else
		snprintf(buf, n, "non-ASCII character");
}

/* ---- text ---- */

static bool check_text(char *t, char **canonical, char *err, size_t errlen)
{
	size_t len = strlen(t);

	/* A tab pasted from a spreadsheet is a blank, not an error. */
	for (char *p = t; *p; p++)
		if (*p == '\t')
			*p = ' ';
	if (len > VALIDATE_TEXT_MAX)
		return lex_fail(err, errlen, "is too long: at most %d bytes (%zu given)",
		                VALIDATE_TEXT_MAX, len);
	if (!sanitize_check(t, 0, err, errlen))
		return false;
	*canonical = mem_strdup(t);
	return *canonical ? true : NOMEM();
}

static bool check_longtext(const char *text, char **canonical, char *err,
                           size_t errlen)
{
	size_t n = strlen(text), o = 0;
	const char *s;
	char *t;

	t = mem_alloc(n + 1);
	if (!t)
		return NOMEM();
	/* One line ending, whatever system the text was typed or pasted on. */
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\r') {
			t[o++] = '\n';
			if (text[i + 1] == '\n')
				i++;
		} else {
			t[o++] = text[i] == '\t' ? ' ' : text[i];
		}
	}
	s = t;
	lex_trim_span(&s, &o);
	if (o > VALIDATE_LONGTEXT_MAX) {
		mem_free(t);
		return lex_fail(err, errlen, "is too long: at most %d bytes (%zu given)",
		                VALIDATE_LONGTEXT_MAX, o);
	}
	memmove(t, s, o);
	t[o] = '\0';
	if (!sanitize_check(t, SANITIZE_KEEP_NEWLINES, err, errlen)) {
		mem_free(t);
		return false;
	}
	*canonical = t;
	return true;
}

/* ---- e-mail ---- */

/* The part before the '@' (s to at, not empty). */
static bool email_local(const char *s, const char *at, char *err,
                        size_t errlen)
{
	char what[48];

	for (const char *p = s; p < at; p++) {
		if (lex_is_space(*p))
			return lex_fail(err, errlen, "is not an e-mail address: a "
			                "blank before the '@'");
		if (strchr("()<>[]:;,\\\"", *p)) {
			name_char(*p, what, sizeof what);
			return lex_fail(err, errlen, "is not an e-mail address: "
			                "unexpected %s before the '@'", what);
		}
		if (*p == '.' && (p == s || p + 1 == at || p[1] == '.'))
			return lex_fail(err, errlen, "is not an e-mail address: a dot "
			                "before the '@' may not start, end or follow "
			                "another dot");
	}
	return true;
}

/* The domain (dom to end, not empty): letters, digits, '-' and '.', two
 * parts or more, each 1 to 63 long, none starting or ending with '-',
 * and a last part that is not all digits (a@b.123 is no address). */
static bool email_domain(const char *dom, const char *end, char *err,
                         size_t errlen)
{
	const char *tld = end;
	size_t labels = 0;
	bool letter = false;
	char what[48];

	for (const char *p = dom; p < end; p++) {
		if (lex_is_alnum(*p) || *p == '-' || *p == '.')
			continue;
		name_char(*p, what, sizeof what);
		return lex_fail(err, errlen, "is not an e-mail address: unexpected "
		                "%s in the domain (only letters, digits, '-' and "
		                "'.')", what);
	}
	for (const char *p = dom; p <= end; p++) {
		const char *start = p;

		while (p < end && *p != '.')
			p++;
		if (p == start)
			return lex_fail(err, errlen, "is not an e-mail address: the "
			                "domain has an empty part (two dots, or a "
			                "dot at an end)");
		if (*start == '-' || p[-1] == '-')
			return lex_fail(err, errlen, "is not an e-mail address: a part "
			                "of the domain starts or ends with '-'");
		if (p - start > 63)
			return lex_fail(err, errlen, "is not an e-mail address: a part "
			                "of the domain is longer than 63 characters");
		labels++;
	}
	if (labels < 2)
		return lex_fail(err, errlen, "is not an e-mail address: the domain "
		                "needs a dot, as in example.org");
	while (tld > dom && tld[-1] != '.')
		tld--;
	for (const char *p = tld; p < end; p++)
		letter |= !lex_is_digit(*p) && *p != '-';
	if (!letter)
		return lex_fail(err, errlen, "is not an e-mail address: the last "
		                "part of the domain has no letter");
	return true;
}

static bool email_span(const char *s, size_t len, char *err, size_t errlen)
{
	const char *at = NULL, *end = s + len;
	char tmp[EMAIL_MAX + 1];

	if (len > EMAIL_MAX)
		return lex_fail(err, errlen, "is not an e-mail address: longer than "
		                "%d bytes", EMAIL_MAX);
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (!sanitize_check(tmp, 0, err, errlen))
		return false;
	for (const char *p = s; p < end; p++) {
		if (*p != '@')
			continue;
		if (at)
			return lex_fail(err, errlen, "is not an e-mail address: more "
			                "than one '@'");
		at = p;
	}
	if (!at)
		return lex_fail(err, errlen, "is not an e-mail address: no '@'");
	if (at == s)
		return lex_fail(err, errlen, "is not an e-mail address: nothing "
		                "before the '@'");
	if (at + 1 == end)
		return lex_fail(err, errlen, "is not an e-mail address: nothing "
		                "after the '@'");
	return email_local(s, at, err, errlen) &&
	       email_domain(at + 1, end, err, errlen);
}

bool validate_email(const char *text, char *err, size_t errlen)
{
	const char *s = text ? text : "";
	size_t len = strlen(s);

	lex_trim_span(&s, &len);
	if (!len)
		return lex_fail(err, errlen, "is empty");
	return email_span(s, len, err, errlen);
}

/* ---- phone ---- */

/* Length of the extension marker ("x", "ext", "ext.") at p, or 0. */
static size_t extension_marker(const char *p, const char *end)
{
	size_t left = (size_t)(end - p);

	if (left >= 4 && strncasecmp(p, "ext.", 4) == 0)
		return 4;
	if (left >= 3 && strncasecmp(p, "ext", 3) == 0)
		return 3;
	if (*p == 'x' || *p == 'X')
		return 1;
	return 0;
}

static bool phone_span(const char *s, size_t len, char *err, size_t errlen)
{
	const char *p = s, *end = s + len, *open = NULL;
	size_t digits = 0, ext = 0;
	char what[48];

	for (; p < end; p++) {
		if (lex_is_digit(*p)) {
			digits++;
		} else if (*p == '+') {
			/* One country-code plus, first of all. */
			if (p != s)
				return lex_fail(err, errlen, "is not a phone number: a "
				                "'+' only goes first, once");
		} else if (*p == '(') {
			if (open)
				return lex_fail(err, errlen, "is not a phone number: a "
				                "'(' inside another");
			open = p;
		} else if (*p == ')') {
			if (!open || p == open + 1)
				return lex_fail(err, errlen, "is not a phone number: a "
				                "')' with no digits opened before it");
			open = NULL;
		} else if (!lex_is_space(*p) && !strchr("-./", *p)) {
			break;
		} else if (open) {
			return lex_fail(err, errlen, "is not a phone number: only "
			                "digits go between '(' and ')'");
		}
	}
	if (open)
		return lex_fail(err, errlen, "is not a phone number: a '(' is "
		                "never closed");
	if (p < end) {
		size_t m = extension_marker(p, end);

		if (!m) {
			name_char(*p, what, sizeof what);
			return lex_fail(err, errlen, "is not a phone number: "
			                "unexpected %s", what);
		}
		for (p += m; p < end && lex_is_space(*p); p++)
			;
		for (; p < end && lex_is_digit(*p); p++)
			ext++;
		if (p < end) {
			name_char(*p, what, sizeof what);
			return lex_fail(err, errlen, "is not a phone number: "
			                "unexpected %s in the extension", what);
		}
		if (!ext)
			return lex_fail(err, errlen, "is not a phone number: no digits "
			                "after the extension mark");
		if (ext > EXTENSION_MAX)
			return lex_fail(err, errlen, "is not a phone number: the "
			                "extension has more than %d digits",
			                EXTENSION_MAX);
	}
	if (digits < 10)
		return lex_fail(err, errlen, "is not a phone number: %zu digit%s; "
		                "give at least 10, with the area code", digits,
		                digits == 1 ? "" : "s");
	if (digits > 15)
		return lex_fail(err, errlen, "is not a phone number: %zu digits; at "
		                "most 15 before any extension", digits);
	return true;
}

bool validate_phone(const char *text, char *err, size_t errlen)
{
	const char *s = text ? text : "";
	size_t len = strlen(s);

	lex_trim_span(&s, &len);
	if (!len)
		return lex_fail(err, errlen, "is empty");
	return phone_span(s, len, err, errlen);
}

static bool check_phone(const char *t, char **canonical, char *err,
                        size_t errlen)
{
	char *out, *o;

	if (!phone_span(t, strlen(t), err, errlen))
		return false;
	out = o = mem_alloc(strlen(t) + 1);
	if (!out)
		return NOMEM();
	for (const char *p = t; *p; p++) {
		if (lex_is_space(*p)) {
			if (o > out && o[-1] == ' ')
				continue;
			*o++ = ' ';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	*canonical = out;
	return true;
}

/* ---- numbers ---- */

/* Reads a number typed as digits, well-formed thousands commas and an
 * optional fraction.  `whole` saturates just past `limit`; *frac points at
 * the fraction's digits (nfrac of them), *has_point tells "12." apart. */
static bool scan_number(const char *t, const char *kind, uint64_t limit,
                        uint64_t *whole, const char **frac, size_t *nfrac,
                        bool *has_point, char *err, size_t errlen)
{
	const char *p = t;
	size_t digits = 0, group = 0;
	bool commas = false;
	char what[48];

	*whole = 0;
	*nfrac = 0;
	*has_point = false;
	if (*p == '-' || *p == '(')
		return lex_fail(err, errlen, "is negative; give %s of 0 or more", kind);
	for (; *p; p++) {
		if (lex_is_digit(*p)) {
			if (*whole <= limit)
				*whole = *whole * 10 + (uint64_t)(*p - '0');
			digits++;
			group++;
		} else if (*p == ',') {
			if (group == 0 || (commas ? group != 3 : group > 3))
				break;
			commas = true;
			group = 0;
		} else {
			break;
		}
	}
	if (*p == ',' || (commas && group != 3))
		return lex_fail(err, errlen, "is not %s: misplaced ','; commas group "
		                "thousands by three, as in 1,234,567", kind);
	if (*p == '.') {
		*has_point = true;
		*frac = ++p;
		while (lex_is_digit(*p))
			p++;
		*nfrac = (size_t)(p - *frac);
	}
	if (*p) {
		if ((*p == 'e' || *p == 'E') && p > t && lex_is_digit(p[-1]))
			return lex_fail(err, errlen, "is not %s: type the digits, not "
			                "an exponent", kind);
		if (*p == ',')
			return lex_fail(err, errlen, "is not %s: misplaced ','", kind);
		name_char(*p, what, sizeof what);
		return lex_fail(err, errlen, "is not %s: unexpected %s", kind, what);
	}
	if (!digits && !*nfrac)
		return lex_fail(err, errlen, "is not %s: no digits", kind);
	return true;
}

static bool check_whole(const char *t, char **canonical, char *err,
                        size_t errlen)
{
	uint64_t v;
	const char *frac;
	size_t nfrac;
	bool point;

	if (!scan_number(t, "a whole number", WHOLE_MAX, &v, &frac, &nfrac,
	                 &point, err, errlen))
		return false;
	if (point)
		return lex_fail(err, errlen, "is not a whole number: it has a "
		                "decimal point");
	if (v > WHOLE_MAX)
		return lex_fail(err, errlen, "is more than 999,999,999,999");
	*canonical = mem_printf("%" PRIu64, v);
	return *canonical ? true : NOMEM();
}

static bool check_hours(const char *t, char **canonical, char *err,
                        size_t errlen)
{
	uint64_t v, tenths;
	const char *frac;
	size_t nfrac;
	bool point;

	if (!scan_number(t, "a number of hours", HOURS_MAX_TENTHS, &v, &frac,
	                 &nfrac, &point, err, errlen))
		return false;
	if (nfrac > 1)
		return lex_fail(err, errlen, "has more than one decimal");
	tenths = v * 10 + (nfrac ? (uint64_t)(frac[0] - '0') : 0);
	if (v > HOURS_MAX_TENTHS / 10 || tenths > HOURS_MAX_TENTHS)
		return lex_fail(err, errlen, "is more than 100,000 hours");
	if (tenths % 10)
		*canonical = mem_printf("%" PRIu64 ".%u", tenths / 10,
		                        (unsigned)(tenths % 10));
	else
		*canonical = mem_printf("%" PRIu64, tenths / 10);
	return *canonical ? true : NOMEM();
}

static bool check_money(const char *t, char **canonical, char *err,
                        size_t errlen)
{
	int64_t cents;
	char buf[MONEY_BUFSZ];

	if (!money_parse(t, &cents, err, errlen))
		return false;
	money_format(cents, buf);
	*canonical = mem_strdup(buf);
	return *canonical ? true : NOMEM();
}

static bool check_yesno(const char *t, char **canonical, char *err,
                        size_t errlen)
{
	const char *v = NULL;

	if (strcasecmp(t, "yes") == 0 || strcasecmp(t, "y") == 0)
		v = "yes";
	else if (strcasecmp(t, "no") == 0 || strcasecmp(t, "n") == 0)
		v = "no";
	if (!v)
		return lex_fail(err, errlen, "is not yes or no");
	*canonical = mem_strdup(v);
	return *canonical ? true : NOMEM();
}

/* ---- choices ---- */

static bool span_is(const char *s, size_t len, const char *word)
{
	return strncasecmp(s, word, len) == 0 && word[len] == '\0';
}

/* The index of the choice whose value name (or, with labels, label) the
 * span names in any letter case; -1 if none. */
static int find_choice(const struct choice_set *set, const char *s,
                       size_t len, bool labels)
{
	for (size_t i = 0; i < set->n; i++)
		if (span_is(s, len, set->items[i].value) ||
		    (labels && span_is(s, len, set->items[i].label)))
			return (int)i;
	return -1;
}

static bool unknown_choice(const struct choice_set *set, const char *s,
                           size_t len, char *err, size_t errlen)
{
	char what[64];
	size_t used;

	if (!err || !errlen)
		return false;
	quote_input(s, len, what, sizeof what);
	snprintf(err, errlen, "'%s' is not one of: ", what);
	for (size_t i = 0; i < set->n; i++) {
		used = strlen(err);
		snprintf(err + used, errlen - used, "%s%s", i ? ", " : "",
		         set->items[i].value);
	}
	return false;
}

static bool check_choice(const struct question *q, const char *t,
                         char **canonical, char *err, size_t errlen)
{
	int i = find_choice(q->choices, t, strlen(t), true);

	if (i < 0)
		return unknown_choice(q->choices, t, strlen(t), err, errlen);
	*canonical = mem_strdup(q->choices->items[i].value);
	return *canonical ? true : NOMEM();
}

/* Marks the choice one item names.  An item that is no value name or
 * label but has blanks is taken as several value names ("market other"). */
static bool mark_item(const struct choice_set *set, const char *s, size_t len,
                      bool *chosen, char *err, size_t errlen)
{
	int i = find_choice(set, s, len, true);
	const char *end = s + len;
	bool blanks = false;

	if (i >= 0) {
		chosen[i] = true;
		return true;
	}
	for (const char *p = s; p < end; p++)
		blanks |= lex_is_space(*p);
	if (!blanks)
		return unknown_choice(set, s, len, err, errlen);
	while (s < end) {
		const char *w = s;

		while (s < end && !lex_is_space(*s))
			s++;
		if (s > w) {
			i = find_choice(set, w, (size_t)(s - w), false);
			if (i < 0)
				return unknown_choice(set, w, (size_t)(s - w), err,
				                      errlen);
			chosen[i] = true;
		}
		while (s < end && lex_is_space(*s))
			s++;
	}
	return true;
}

static bool check_multi(const struct question *q, const char *t,
                        char **canonical, char *err, size_t errlen)
{
	const struct choice_set *set = q->choices;
	bool *chosen = mem_calloc(set->n, sizeof *chosen);
	size_t count = 0, total = 0, o = 0;
	const char *p = t;
	char *out;
	int whole;

	if (!chosen)
		return NOMEM();
	/* The whole text may be one label that has a comma in it. */
	whole = find_choice(set, t, strlen(t), true);
	if (whole >= 0)
		chosen[whole] = true;
	while (whole < 0 && *p) {
		const char *item = p;
		size_t len;

		while (*p && *p != ',' && *p != '\n' && *p != '\r')
			p++;
		len = (size_t)(p - item);
		lex_trim_span(&item, &len);
		if (len && !mark_item(set, item, len, chosen, err, errlen)) {
			mem_free(chosen);
			return false;
		}
		if (*p)
			p++;
	}
	for (size_t i = 0; i < set->n; i++)
		if (chosen[i]) {
			count++;
			total += strlen(set->items[i].value) + 1;
		}
	if (q->max_choices > 0 && count > (size_t)q->max_choices) {
		mem_free(chosen);
		return lex_fail(err, errlen, "choose at most %d (%zu given)",
		                q->max_choices, count);
	}
	if (!count) {
		mem_free(chosen);
		return true;    /* only separators: nothing chosen, blank */
	}
	out = mem_alloc(total);
	if (!out) {
		mem_free(chosen);
		return NOMEM();
	}
	for (size_t i = 0; i < set->n; i++) {
		size_t n;

		if (!chosen[i])
			continue;
		if (o)
			out[o++] = '\n';
		n = strlen(set->items[i].value);
		memcpy(out + o, set->items[i].value, n);
		o += n;
	}
	out[o] = '\0';
	mem_free(chosen);
	*canonical = out;
	return true;
}

/* ---- the door ---- */

bool validate_answer(const struct edition *ed, int q, const char *text,
                     char **canonical, char *err, size_t errlen)
{
	const struct question *qq;
	const char *s = text ? text : "";
	size_t len = strlen(s);
	char *t;
	bool ok;

	*canonical = NULL;
	if (!ed || q < 0 || (size_t)q >= ed->nq)
		return lex_fail(err, errlen, "is not a question of this edition");
	qq = &ed->qs[q];
	lex_trim_span(&s, &len);
	if (!len)
		return true;    /* blank: the answer is taken away */
	if (qq->type == Q_LONGTEXT)
		return check_longtext(text, canonical, err, errlen);
	if (qq->type == Q_COMPUTED)
		return lex_fail(err, errlen, "is computed from other rows and "
		                "cannot be typed");
	if ((qq->type == Q_CHOICE || qq->type == Q_MULTI) && !qq->choices)
		return lex_fail(err, errlen, "has no choices in this edition");
	t = mem_strndup(s, len);
	if (!t)
		return NOMEM();
	switch (qq->type) {
	case Q_TEXT:
		ok = check_text(t, canonical, err, errlen);
		break;
	case Q_EMAIL:
		ok = email_span(t, len, err, errlen);
		if (ok && !(*canonical = mem_strdup(t)))
			ok = NOMEM();
		break;
	case Q_PHONE:
		ok = check_phone(t, canonical, err, errlen);
		break;
	case Q_YESNO:
		ok = check_yesno(t, canonical, err, errlen);
		break;
	case Q_WHOLE:
		ok = check_whole(t, canonical, err, errlen);
		break;
	case Q_HOURS:
		ok = check_hours(t, canonical, err, errlen);
		break;
	case Q_MONEY:
		ok = check_money(t, canonical, err, errlen);
		break;
	case Q_CHOICE:
		ok = check_choice(qq, t, canonical, err, errlen);
		break;
	case Q_MULTI:
		ok = check_multi(qq, t, canonical, err, errlen);
		break;
	default:
		ok = lex_fail(err, errlen, "has a type apmwb cannot check");
		break;
	}
	mem_free(t);
	if (!ok) {
		mem_free(*canonical);
		*canonical = NULL;
	}
	return ok;
}
