/* SPDX-License-Identifier: MIT */
/* jsonout.c: JSON strings. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "jsonout.h"
#include "sanitize.h"

/* Bytes written as they are: printable ASCII but the quote and the
 * backslash. */
static bool plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

void jsonbuf_init(struct jsonbuf *j, FILE *out)
{
	j->out = out;
	j->n = 0;
}

void jsonbuf_flush(struct jsonbuf *j)
{
	if (j->n)
		fwrite(j->b, 1, j->n, j->out);
	j->n = 0;
}

static void put(struct jsonbuf *j, const void *p, size_t n)
{
	if (j->n + n > sizeof j->b)
		jsonbuf_flush(j);
	if (n > sizeof j->b) {
		fwrite(p, 1, n, j->out);
		return;
	}
	memcpy(j->b + j->n, p, n);
	j->n += n;
}

void jsonbuf_raw(struct jsonbuf *j, const char *s)
{
	put(j, s, strlen(s));
}

static void put_u(struct jsonbuf *j, unsigned cp)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[cp >> 12 & 15], hex[cp >> 8 & 15],
	              hex[cp >> 4 & 15], hex[cp & 15] };

	put(j, e, sizeof e);
}

/* The escape of a byte that is not plain; how many bytes of p it takes
 * (a UTF-8 sequence whole). */
static size_t escape(struct jsonbuf *j, const unsigned char *p)
{
	size_t n;

	switch (*p) {
	case '"': put(j, "\\\"", 2); return 1;
	case '\\': put(j, "\\\\", 2); return 1;
	case '\n': put(j, "\\n", 2); return 1;
	case '\r': put(j, "\\r", 2); return 1;
	case '\t': put(j, "\\t", 2); return 1;
	default:
		break;
	}
	if (*p < 0x20 || *p == 0x7f) {
		put_u(j, *p);
		return 1;
	}
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
		put_u(j, p[2] == 0xa8 ? 0x2028 : 0x2029);
		return 3;
	}
	n = sanitize_utf8_len((const char *)p);
	if (n == 0) {
		put(j, "\\ufffd", 6);
		return 1;
	}
	put(j, p, n);
	return n;
}

void jsonbuf_string(struct jsonbuf *j, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s) {
		put(j, "null", 4);
		return;
	}
	put(j, "\"", 1);
	while (*p) {
		const unsigned char *run = p;

		while (plain(*p))
			p++;
		if (p > run)
			put(j, run, (size_t)(p - run));
		if (*p)
			p += escape(j, p);
	}
	put(j, "\"", 1);
}

void jsonout_string(FILE *out, const char *s)
{
	struct jsonbuf j;

	jsonbuf_init(&j, out);
	jsonbuf_string(&j, s ? s : "");
	jsonbuf_flush(&j);
}

void jsonout_string_or_null(FILE *out, const char *s)
{
	if (s)
		jsonout_string(out, s);
	else
		fputs("null", out);
}
