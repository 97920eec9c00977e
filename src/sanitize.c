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
};

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

static enum kind classify(uint32_t cp, int flags)
{
	if (cp == UINT32_MAX)
		return K_BAD_UTF8;
	if (cp == '\t')
		return K_TAB;
	if (cp == '\n')
		return flags & SANITIZE_KEEP_NEWLINES ? K_KEEP : K_NEWLINE;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return K_CONTROL;
	if (cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return K_BIDI;
	if (cp == 0x2028 || cp == 0x2029)
		return K_SEPARATOR;
	return K_KEEP;
}

size_t sanitize_text(const char *text, int flags, char *buf, size_t bufsz)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t need = 0, used = 0;
	bool full = bufsz == 0;

	while (*s) {
		uint32_t cp;
		size_t len = decode(s, &cp);
		const char *out = (const char *)s;
		size_t outlen = len;

		switch (classify(cp, flags)) {
		case K_KEEP:
			break;
		case K_TAB:
			out = " ";
			outlen = 1;
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

	while (*s) {
		uint32_t cp;

		s += decode(s, &cp);
		if (classify(cp, flags) != K_KEEP)
			return false;
	}
	return true;
}

bool sanitize_check(const char *text, int flags, char *err, size_t errlen)
{
	const unsigned char *start = (const unsigned char *)(text ? text : "");
	const unsigned char *s = start;
	size_t chars = 0;

	while (*s) {
		uint32_t cp;
		size_t len = decode(s, &cp);
		enum kind k = classify(cp, flags);
		const char *what = NULL;

		chars++;
		switch (k) {
		case K_KEEP:
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
		}
		if (err && errlen)
			snprintf(err, errlen, "contains %s (U+%04" PRIX32
			         ") at character %zu", what, cp, chars);
		return false;
	}
	return true;
}
