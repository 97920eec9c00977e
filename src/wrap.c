/* SPDX-License-Identifier: MIT */
/* wrap.c: display widths and word wrapping of UTF-8 text. */
#include <config.h>

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

static int char_width(int32_t cp)
{
	int w;

	if (cp < 0)
		return 1;
	if (cp < 0x7f)
		return cp >= 0x20;
	w = wcwidth((wchar_t)cp);
	/* In the C locale wcwidth knows no UTF-8: call it one column. */
	return w < 0 ? 1 : w;
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
