/* SPDX-License-Identifier: MIT */
/* editline.c: a text buffer of several lines with a cursor. */
#include <config.h>

#include <string.h>

#include "editline.h"
#include "mem.h"
#include "wrap.h"

bool editline_init(struct editline *e, const char *text, size_t max)
{
	size_t n = text ? strlen(text) : 0;

	memset(e, 0, sizeof *e);
	e->cap = (n > 64 ? n : 64) + 1;
	if (!(e->buf = mem_alloc(e->cap)))
		return false;
	memcpy(e->buf, text ? text : "", n);
	e->buf[n] = '\0';
	e->len = e->cur = n;
	e->max = max;
	e->goal = -1;
	return true;
}

void editline_free(struct editline *e)
{
	mem_free(e->buf);
	memset(e, 0, sizeof *e);
}

static size_t encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			return 0;
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp < 0x110000) {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		return 4;
	}
	return 0;
}

bool editline_insert(struct editline *e, uint32_t cp)
{
	char u[4];
	size_t n = encode(cp, u);

	if (n == 0 || (cp < 0x20 && cp != '\n') || cp == 0x7f)
		return false;
	if (e->len + n > e->max)
		return false;
	if (e->len + n + 1 > e->cap) {
		size_t cap = (e->len + n + 1) * 2;
		char *nb = mem_realloc_array(e->buf, cap, 1);

		if (!nb)
			return false;
		e->buf = nb;
		e->cap = cap;
	}
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, u, n);
	e->len += n;
	e->cur += n;
	e->goal = -1;
	return true;
}

static bool is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* One code point at i; its bytes in *n (1 for a stray byte). */
static uint32_t cp_at(const struct editline *e, size_t i, size_t *n)
{
	const unsigned char *p = (const unsigned char *)e->buf + i;
	size_t len = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
	uint32_t c = len == 1 ? p[0] : len == 2 ? p[0] & 0x1f :
	             len == 3 ? p[0] & 0x0f : p[0] & 0x07;

	for (size_t k = 1; k < len; k++) {
		if (i + k >= e->len || !is_cont(e->buf[i + k])) {
			*n = 1;
			return p[0];
		}
		c = (c << 6) | (p[k] & 0x3f);
	}
	*n = len;
	return c;
}

/* A code point that belongs to the character before it: a combining
 * mark (no columns of its own), an emoji's skin tone. */
static bool extends(const struct editline *e, size_t i, size_t n, uint32_t c)
{
	return (c >= 0x300 && wrap_width(e->buf + i, n) == 0) ||
	       (c >= 0x1f3fb && c <= 0x1f3ff);
}

static bool regional(uint32_t c)
{
	return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/* The end of the character (grapheme) that starts at i: a base with its
 * marks, emoji joined by U+200D, a pair of regional indicators (a flag). */
static size_t next_char(const struct editline *e, size_t i)
{
	size_t n;
	uint32_t prev, c;

	if (i >= e->len)
		return e->len;
	prev = cp_at(e, i, &n);
	i += n;
	if (regional(prev) && i < e->len && regional(cp_at(e, i, &n)))
		return i + n;
	while (i < e->len) {
		c = cp_at(e, i, &n);
		if (prev != 0x200d && c != 0x200d && !extends(e, i, n, c))
			break;
		i += n;
		prev = c;
	}
	return i;
}

/* The start of the character before i: found from the start of its line,
 * since marks and joiners only tell from the left. */
static size_t prev_char(const struct editline *e, size_t i)
{
	size_t p = i, start;

	if (i == 0)
		return 0;
	while (p > 0 && e->buf[p - 1] != '\n')
		p--;
	if (p == i)
		return i - 1;   /* just after a line break: the break */
	for (start = p; (p = next_char(e, start)) < i; start = p)
		;
	return start;
}

static void cut(struct editline *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

static size_t line_start(const struct editline *e, size_t i)
{
	while (i > 0 && e->buf[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct editline *e, size_t i)
{
	while (i < e->len && e->buf[i] != '\n')
		i++;
	return i;
}

/* The visual line after [from, end) of one hard line: where it breaks. */
static size_t soft_break(const char *s, size_t from, size_t end, int width)
{
	size_t fit = from + wrap_fit(s + from, end - from, width);

	if (fit >= end)
		return end;
	if (fit == from) {
		/* A character wider than the line: it gets a line alone. */
		fit++;
		while (fit < end && is_cont(s[fit]))
			fit++;
		return fit;
	}
	for (size_t k = fit; k > from; k--)
		if (s[k - 1] == ' ' && k - 1 > from)
			return k;
	return fit;
}

size_t editline_layout(const struct editline *e, int width,
                       struct ed_vline *out, size_t max)
{
	size_t n = 0, i = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t end = line_end(e, i);

		for (;;) {
			size_t b = soft_break(e->buf, i, end, width);

			if (n < max)
				out[n] = (struct ed_vline){ i, b - i };
			n++;
			i = b;
			if (i >= end)
				break;
		}
		if (end >= e->len)
			break;
		i = end + 1;
	}
	return n;
}

/* The visual line holding offset i, with its start and length. */
static size_t vline_of(const struct editline *e, int width, size_t i,
                       struct ed_vline *vl, bool *soft)
{
	size_t row = 0, p = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t end = line_end(e, p);

		for (;;) {
			size_t b = soft_break(e->buf, p, end, width);

			*vl = (struct ed_vline){ p, b - p };
			*soft = b < end;
			if (i < b || (b >= end && i <= end))
				return row;
			row++;
			p = b;
			if (p >= end)
				break;
		}
		if (end >= e->len)
			return row;
		p = end + 1;
	}
}

void editline_cursor(const struct editline *e, int width, int *row, int *col)
{
	struct ed_vline vl;
	bool soft;

	*row = (int)vline_of(e, width, e->cur, &vl, &soft);
	*col = wrap_width(e->buf + vl.start, e->cur - vl.start);
}

static void vertical(struct editline *e, int width, int dir)
{
	struct ed_vline vl, target;
	bool soft, tsoft;
	int row, col;
	size_t p;

	row = (int)vline_of(e, width, e->cur, &vl, &soft);
	col = wrap_width(e->buf + vl.start, e->cur - vl.start);
	if (e->goal < 0)
		e->goal = col;
	if (dir < 0) {
		if (row == 0) {
			e->cur = 0;
			e->goal = -1;
			return;
		}
		p = vl.start == 0 ? 0 : vl.start - 1;
		/* p is on the line above: its '\n' or its last character. */
		vline_of(e, width, p, &target, &tsoft);
	} else {
		p = vl.start + vl.len;
		if (p >= e->len) {
			e->cur = e->len;
			e->goal = -1;
			return;
		}
		if (!soft)
			p++;   /* past the '\n' */
		vline_of(e, width, p, &target, &tsoft);
	}
	p = target.start + wrap_fit(e->buf + target.start, target.len, e->goal);
	/* A soft line's end is the next line's start: stay on this one. */
	if (tsoft && p >= target.start + target.len)
		p = prev_char(e, target.start + target.len);
	e->cur = p;
}

void editline_op(struct editline *e, enum ed_op op, int width)
{
	int goal = e->goal;

	e->goal = -1;
	switch (op) {
	case ED_LEFT:
		e->cur = prev_char(e, e->cur);
		break;
	case ED_RIGHT:
		e->cur = next_char(e, e->cur);
		break;
	case ED_HOME:
		e->cur = line_start(e, e->cur);
		break;
	case ED_END:
		e->cur = line_end(e, e->cur);
		break;
	case ED_UP:
	case ED_DOWN:
		e->goal = goal;
		vertical(e, width, op == ED_UP ? -1 : 1);
		break;
	case ED_BACKSPACE:
		cut(e, prev_char(e, e->cur), e->cur);
		break;
	case ED_DELETE: {
		size_t at = e->cur;

		cut(e, at, next_char(e, at));
		e->cur = at;
		break;
	}
	case ED_KILL_END: {
		size_t at = e->cur, end = line_end(e, at);

		/* At a line's end, join the next line to it. */
		cut(e, at, end == at ? next_char(e, at) : end);
		e->cur = at;
		break;
	}
	case ED_KILL_START:
		cut(e, line_start(e, e->cur), e->cur);
		break;
	case ED_KILL_WORD: {
		size_t p = e->cur;

		while (p > 0 && e->buf[p - 1] == ' ')
			p--;
		while (p > 0 && e->buf[p - 1] != ' ' && e->buf[p - 1] != '\n')
			p--;
		cut(e, p, e->cur);
		break;
	}
	}
}
