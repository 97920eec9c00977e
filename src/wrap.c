/* SPDX-License-Identifier: MIT */
/* wrap.c: display widths and word wrapping of UTF-8 text. */
#include <config.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "wrap.h"

/* Decodes one UTF-8 character; returns its length (1 for a bad byte, with
 * *cp set to -1). */
static size_t decode(const unsigned char *s, size_t n, int32_t *cp)
{
	size_t len;
	int32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*cp = c;
	return len;
}

/* Ranges of code points a terminal shows in two columns, or in none. */
static const struct { int32_t lo, hi; } wide[] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f680, 0x1f6ff }, { 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd },
	{ 0x30000, 0x3fffd },
}, zero[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x20d0, 0x20ff },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0x1f3fb, 0x1f3ff }, { 0xe0000, 0xe01ef },
};

static bool in(const void *table, size_t n, int32_t cp)
{
	const struct { int32_t lo, hi; } *t = table;

	for (size_t i = 0; i < n; i++)
		if (cp >= t[i].lo && cp <= t[i].hi)
			return true;
	return false;
}

static int char_width(int32_t cp)
{
	int w;

	if (cp < 0)
		return 1;
	if (cp < 0x7f)
		return cp >= 0x20;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	/* The C locale's wcwidth knows no UTF-8, yet the terminal shows it:
	 * the ranges above, so text wraps the same in every locale. */
	if (in(zero, sizeof zero / sizeof zero[0], cp))
		return 0;
	return in(wide, sizeof wide / sizeof wide[0], cp) ? 2 : 1;
}


int wrap_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;

	for (size_t i = 0; i < n;) {
		int32_t cp;

		i += decode(p + i, n - i, &cp);
		w += char_width(cp);
	}
	return w;
}

size_t wrap_fit(const char *s, size_t n, int width)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int w = 0;

	while (i < n) {
		int32_t cp;
		size_t len = decode(p + i, n - i, &cp);
		int cw = char_width(cp);

		if (w + cw > width)
			break;
		w += cw;
		i += len;
	}
	return i;
}

/* The byte length of the first character and the marks that go with it:
 * what a line too narrow for even that must still hold whole. */
static size_t first_char(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t cp;
	size_t i = decode(p, n, &cp);

	while (i < n) {
		size_t len = decode(p + i, n - i, &cp);

		if (char_width(cp) != 0)
			break;
		i += len;
	}
	return i;
}

/* Wraps one paragraph (no newline inside). */
static void wrap_line(const char *s, size_t n, int width, wrap_fn fn, void *ctx)
{
	if (width < 1)
		width = 1;
	if (n == 0) {
		fn(ctx, s, 0);
		return;
	}
	while (n) {
		size_t fit = wrap_fit(s, n, width), cut = fit, next;

		if (fit == n) {
			fn(ctx, s, n);
			return;
		}
		/* Break at the last space that fits, else cut the word. */
		while (cut > 0 && s[cut] != ' ')
			cut--;
		if (cut == 0)
			cut = fit ? fit : first_char(s, n);
		next = cut;
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		fn(ctx, s, cut);
		while (next < n && s[next] == ' ')
			next++;
		s += next;
		n -= next;
	}
}

void wrap_text(const char *text, int width, wrap_fn fn, void *ctx)
{
	const char *p = text;

	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		wrap_line(p, n, width, fn, ctx);
		if (!nl)
			break;
		p = nl + 1;
	}
}
