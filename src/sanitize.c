/* SPDX-License-Identifier: MIT */
/* sanitize.c: the one door from stored text to a terminal. */
#include <config.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "sanitize.h"

static const char replacement[] = "\xef\xbf\xbd";   /* U+FFFD */

/* What one character of the input is to the sanitiser. */
enum kind {
	K_KEEP,
	K_BAD_UTF8,     /* an invalid, overlong or truncated sequence */
	K_CONTROL,      /* C0 (but tab and kept newlines), DEL, C1 */
	K_TAB,          /* becomes a space */
	K_NEWLINE,      /* '\n' without SANITIZE_KEEP_NEWLINES */
	K_BIDI,         /* can make text read other than it is */
	K_SEPARATOR,    /* U+2028, U+2029: line breaks a terminal won't show */
	K_INVISIBLE,    /* shows as nothing: two names can look the same */
	K_MARKS,        /* a combining mark past the third in a row */
	K_ESCAPE,       /* a line break or backslash under SANITIZE_ONE_LINE */
};

/* Combining marks a run of is counted in (the general ones; a script's own
 * vowel signs are never run together past three). */
static bool is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	       (cp >= 0xfe20 && cp <= 0xfe2f);
}

/* Characters that draw nothing and carry no meaning in a name.  The
 * zero-width joiner and non-joiner are kept: Persian and Indic names and
 * emoji sequences need them. */
static bool is_invisible(uint32_t cp)
{
	return cp == 0x00ad || cp == 0x034f || cp == 0x115f || cp == 0x1160 ||
	       cp == 0x17b4 || cp == 0x17b5 || cp == 0x180e || cp == 0x200b ||
	       (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3164 || cp == 0xfeff ||
	       cp == 0xffa0 || (cp >= 0xe0000 && cp <= 0xe007f);
}

/* Decodes one character at s (which is not at its NUL) into *cp and returns
 * its length in bytes.  A bad sequence is consumed whole, as far as it goes
 * (lead byte and the continuation bytes that follow it, up to the length the
 * lead announces), so that it becomes one U+FFFD; *cp is then UINT32_MAX. */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t v, min;
	size_t need;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xc0 || s[0] >= 0xf8) {
		*cp = UINT32_MAX;   /* stray continuation byte, or no lead */
		return 1;
	}
	if (s[0] < 0xe0) {
		need = 1;
		min = 0x80;
		v = s[0] & 0x1f;
	} else if (s[0] < 0xf0) {
		need = 2;
		min = 0x800;
		v = s[0] & 0x0f;
	} else {
		need = 3;
		min = 0x10000;
		v = s[0] & 0x07;
	}
	for (size_t i = 1; i <= need; i++) {
		/* The terminating NUL is no continuation byte either. */
		if ((s[i] & 0xc0) != 0x80) {
			*cp = UINT32_MAX;
			return i;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff)
		v = UINT32_MAX;     /* overlong, surrogate, past Unicode */
	*cp = v;
	return need + 1;
}

size_t sanitize_utf8_len(const char *s)
{
	uint32_t cp;
	size_t len = decode((const unsigned char *)s, &cp);

	return cp == UINT32_MAX ? 0 : len;
}

/* *marks counts the combining marks just before cp, across calls. */
static enum kind classify(uint32_t cp, int flags, int *marks)
{
	if (cp != UINT32_MAX && is_combining(cp)) {
		if (++*marks > 3)
			return K_MARKS;
		return K_KEEP;
	}
	*marks = 0;
	if (cp == UINT32_MAX)
		return K_BAD_UTF8;
	if (cp == '\t')
		return K_TAB;
	if ((flags & SANITIZE_ONE_LINE) &&
	    (cp == '\n' || cp == '\r' || cp == '\\'))
		return K_ESCAPE;
	if (cp == '\n')
		return flags & SANITIZE_KEEP_NEWLINES ? K_KEEP : K_NEWLINE;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return K_CONTROL;
	if (cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return K_BIDI;
	if (cp == 0x2028 || cp == 0x2029)
		return K_SEPARATOR;
	if (is_invisible(cp))
		return K_INVISIBLE;
	return K_KEEP;
}

size_t sanitize_text(const char *text, int flags, char *buf, size_t bufsz)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t need = 0, used = 0;
	bool full = bufsz == 0;
	int marks = 0;

	while (*s) {
		uint32_t cp;
		size_t len;
		const char *out = (const char *)s;
		size_t outlen;

		/* Printable ASCII is kept as it is (a backslash is escaped on
		 * one line): an export to a terminal passes millions. */
		if (*s >= 0x20 && *s < 0x7f &&
		    !(*s == '\\' && (flags & SANITIZE_ONE_LINE))) {
			marks = 0;
			if (!full && used + 1 < bufsz)
				buf[used++] = (char)*s;
			else
				full = true;
			need++;
			s++;
			continue;
		}
		len = decode(s, &cp);
		outlen = len;
		switch (classify(cp, flags, &marks)) {
		case K_KEEP:
			break;
		case K_TAB:
			out = " ";
			outlen = 1;
			break;
		case K_ESCAPE:
			out = cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\\\";
			outlen = 2;
			break;
		default:
			out = replacement;
			outlen = sizeof replacement - 1;
			break;
		}
		/* Once one character does not fit, no later (shorter) one
		 * may be written after the gap. */
		if (!full && used + outlen < bufsz) {
			memcpy(buf + used, out, outlen);
			used += outlen;
		} else {
			full = true;
		}
		need += outlen;
		s += len;
	}
	if (bufsz)
		buf[used] = '\0';
	return need;
}

char *sanitize_dup(const char *text, int flags)
{
	size_t need = sanitize_text(text, flags, NULL, 0);
	char *buf = mem_alloc(need + 1);

	if (buf)
		sanitize_text(text, flags, buf, need + 1);
	return buf;
}

bool sanitize_is_clean(const char *text, int flags)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	int marks = 0;

	while (*s) {
		uint32_t cp;

		s += decode(s, &cp);
		switch (classify(cp, flags, &marks)) {
		case K_KEEP:
		case K_ESCAPE:   /* shown whole, only written otherwise */
			break;
		default:
			return false;
		}
	}
	return true;
}

bool sanitize_check(const char *text, int flags, char *err, size_t errlen)
{
	const unsigned char *start = (const unsigned char *)(text ? text : "");
	const unsigned char *s = start;
	size_t chars = 0;
	int marks = 0;

	while (*s) {
		uint32_t cp;
		size_t len;
		enum kind k;
		const char *what = NULL;

		chars++;
		/* Printable ASCII, most of any text, is kept as it is (a
		 * backslash only needs escaping when shown): no decoding. */
		if (*s >= 0x20 && *s < 0x7f) {
			marks = 0;
			s++;
			continue;
		}
		len = decode(s, &cp);
		k = classify(cp, flags, &marks);
		switch (k) {
		case K_KEEP:
		case K_ESCAPE:   /* an escape shows it whole */
			s += len;
			continue;
		case K_BAD_UTF8:
			if (err && errlen)
				snprintf(err, errlen, "is not valid UTF-8 at byte %zu",
				         (size_t)(s - start) + 1);
			return false;
		case K_CONTROL:
			what = "a control character";
			break;
		case K_TAB:
			what = "a tab";
			break;
		case K_NEWLINE:
			what = "a line break";
			break;
		case K_BIDI:
			what = cp == 0x202d || cp == 0x202e ?
			       "a bidirectional override" :
			       "a bidirectional control character";
			break;
		case K_SEPARATOR:
			what = "a line or paragraph separator";
			break;
		case K_INVISIBLE:
			what = "an invisible character, which would make it look like "
			       "another text";
			break;
		case K_MARKS:
			what = "more than three combining marks in a row";
			break;
		}
		if (err && errlen)
			snprintf(err, errlen, "contains %s (U+%04" PRIX32
			         ") at character %zu", what, cp, chars);
		return false;
	}
	return true;
}
