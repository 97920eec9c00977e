/* SPDX-License-Identifier: MIT */
/* draw.c: putting text on the screen by display width. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"

static const char *ascii_only(const char *s, char *buf, size_t n);

int ui_width(const char *s)
{
	char ascii[2048];

	if (s && MB_CUR_MAX == 1)
		s = ascii_only(s, ascii, sizeof ascii);
	return s ? wrap_width(s, strlen(s)) : 0;
}

/* A terminal whose locale is not UTF-8 gets ASCII: the screens' own
 * symbols by their stand-ins, any other character as '?', one column
 * each, so the layout's widths still hold. */
static const char *ascii_only(const char *s, char *buf, size_t n)
{
	static const struct {
		const char *u, *a;
	} map[] = {
		{ "\u00b7", "-" }, { "\u2026", "~" }, { "\u2014", "-" },
		{ "\u2191", "^" }, { "\u2193", "v" }, { "\u2713", "ok" },
		{ "\u2717", "x" }, { "\u25cf", "*" }, { "\u2019", "'" },
	};
	size_t o = 0;

	while (*s && o + 3 < n) {
		unsigned char c = (unsigned char)*s;
		size_t len = 1;
		const char *rep = NULL;

		if (c < 0x80) {
			buf[o++] = *s++;
			continue;
		}
		while (s[len] && ((unsigned char)s[len] & 0xc0) == 0x80)
			len++;
		for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
			if (strlen(map[i].u) == len && memcmp(s, map[i].u, len) == 0)
				rep = map[i].a;
		if (!rep)
			rep = "?";
		while (*rep && o + 1 < n)
			buf[o++] = *rep++;
		s += len;
	}
	buf[o] = '\0';
	return buf;
}

int ui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	char ascii[2048];
	size_t n;
	int cols;

	if (!s || width <= 0)
		return 0;
	if (MB_CUR_MAX == 1)
		s = ascii_only(s, ascii, sizeof ascii);
	n = wrap_fit(s, strlen(s), width);
	cols = wrap_width(s, n);
	wattrset(w, a);
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
	return cols;
}

int ui_put_cut(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	char ascii[2048];
	size_t len;

	if (!s || width <= 0)
		return 0;
	if (MB_CUR_MAX == 1)
		s = ascii_only(s, ascii, sizeof ascii);
	len = strlen(s);
	if (wrap_width(s, len) <= width)
		return ui_put(w, y, x, width, s, a);
	{
		size_t n = wrap_fit(s, len, width - 1);
		int cols = wrap_width(s, n);

		wattrset(w, a);
		mvwaddnstr(w, y, x, s, (int)n);
		waddstr(w, MB_CUR_MAX > 1 ? "\u2026" : "~");
		wattrset(w, A_NORMAL);
		return cols + 1;
	}
}

void ui_put_right(WINDOW *w, int y, int x, int width, const char *s,
                  attr_t a)
{
	int sw = ui_width(s);

	if (sw > width)
		ui_put(w, y, x, width, s, a);
	else
		ui_put(w, y, x + width - sw, sw, s, a);
}

int ui_put_stored(WINDOW *w, int y, int x, int width, const char *s,
                  attr_t a)
{
	char buf[1024];

	sanitize_text(s ? s : "", 0, buf, sizeof buf);
	return ui_put_cut(w, y, x, width, buf, a);
}

void ui_fill(WINDOW *w, int y, int x, int width, attr_t a)
{
	wattrset(w, a);
	for (int i = 0; i < width; i++)
		mvwaddch(w, y, x + i, ' ');
	wattrset(w, A_NORMAL);
}

struct wrapped {
	WINDOW *w;
	int y, x, width, max, n;
	attr_t a;
	bool more;
};

static void put_line(void *ctx, const char *line, size_t n)
{
	struct wrapped *c = ctx;
	char buf[2048];

	if (c->n >= c->max) {
		c->more = true;
		return;
	}
	snprintf(buf, sizeof buf, "%.*s", (int)n, line);
	ui_put(c->w, c->y + c->n, c->x, c->width, buf, c->a);
	c->n++;
}

int ui_put_wrapped(WINDOW *w, int y, int x, int width, int max_lines,
                   const char *s, attr_t a)
{
	char *clean = sanitize_dup(s ? s : "", SANITIZE_KEEP_NEWLINES);
	struct wrapped c = { w, y, x, width, max_lines, 0, a, false };

	if (!clean || width < 2)
		return 0;
	wrap_text(clean, width - 1, put_line, &c);
	if (c.more && c.n > 0)
		ui_put(w, y + c.n - 1, x + width - 1, 1,
		       MB_CUR_MAX > 1 ? "\u2026" : "~", a);
	mem_free(clean);
	return c.n;
}

void ui_put_num(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	int sw = ui_width(s);

	if (width <= 0)
		return;
	if (sw <= width) {
		ui_put(w, y, x + width - sw, sw, s, a);
		return;
	}
	wattrset(w, a);
	for (int i = 0; i < width; i++)
		mvwaddch(w, y, x + i, '#');
	wattrset(w, A_NORMAL);
}
