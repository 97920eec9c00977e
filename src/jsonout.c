/* SPDX-License-Identifier: MIT */
/* jsonout.c: JSON strings. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jsonout.h"
#include "sanitize.h"

/* Bytes written as they are: printable ASCII but the quote and the
 * backslash.  A table, since every byte of every string is looked up. */
#define R1 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char plain[256] = {
	/* 0x00-0x1f: control characters */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x22 " */
	R1, R1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,   /* 0x5c \ */
	R1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,   /* 0x7f DEL */
	/* 0x80-0xff: UTF-8 sequences, each checked */
};
#undef R1

/* The most one escape writes (\uXXXX): one step of the string writer
 * needs this much room. */
#define ESCAPE_MAX 6

void jsonbuf_init(struct jsonbuf *j, FILE *out, char *b, size_t cap)
{
	j->out = out;
	j->b = b;
	j->n = 0;
	j->cap = cap;
}

void jsonbuf_flush(struct jsonbuf *j)
{
	if (j->n)
		fwrite(j->b, 1, j->n, j->out);
	j->n = 0;
}

void jsonbuf_put_slow(struct jsonbuf *j, const void *p, size_t n)
{
	jsonbuf_flush(j);
	if (n > j->cap) {
		fwrite(p, 1, n, j->out);
		return;
	}
	memcpy(j->b, p, n);
	j->n = n;
}

void jsonbuf_raw(struct jsonbuf *j, const char *s)
{
	jsonbuf_put(j, s, strlen(s));
}

static size_t put_u(char *d, unsigned cp)
{
	static const char hex[] = "0123456789abcdef";

	d[0] = '\\';
	d[1] = 'u';
	d[2] = hex[cp >> 12 & 15];
	d[3] = hex[cp >> 8 & 15];
	d[4] = hex[cp >> 4 & 15];
	d[5] = hex[cp & 15];
	return 6;
}

/* Writes the escape of the byte at *pp, which is not plain and not the
 * string's end, to d (at most ESCAPE_MAX bytes), and moves *pp past what
 * it took (a UTF-8 sequence whole); returns the bytes written. */
static size_t escape(char *d, const unsigned char **pp)
{
	const unsigned char *p = *pp;
	size_t n;

	*pp = p + 1;
	switch (*p) {
	case '"': d[0] = '\\'; d[1] = '"'; return 2;
	case '\\': d[0] = '\\'; d[1] = '\\'; return 2;
	case '\n': d[0] = '\\'; d[1] = 'n'; return 2;
	case '\r': d[0] = '\\'; d[1] = 'r'; return 2;
	case '\t': d[0] = '\\'; d[1] = 't'; return 2;
	default:
		break;
	}
	if (*p < 0x20 || *p == 0x7f)
		return put_u(d, *p);
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
		*pp = p + 3;
		return put_u(d, p[2] == 0xa8 ? 0x2028 : 0x2029);
	}
	n = sanitize_utf8_len((const char *)p);
	if (n == 0)
		return put_u(d, 0xfffd);
	memcpy(d, p, n);     /* at most 4 bytes */
	*pp = p + n;
	return n;
}

void jsonbuf_string(struct jsonbuf *j, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s) {
		jsonbuf_put(j, "null", 4);
		return;
	}
	jsonbuf_put(j, "\"", 1);
	while (*p) {
		char *d, *end;

		if (j->cap - j->n < 2 * ESCAPE_MAX)
			jsonbuf_flush(j);
		/* Straight into the buffer, a step (a byte or an escape) at
		 * a time while a whole escape still fits. */
		d = j->b + j->n;
		end = j->b + j->cap - ESCAPE_MAX;
		while (d < end) {
			unsigned char c = *p;

			if (plain[c]) {
				*d++ = (char)c;
				p++;
			} else if (c) {
				d += escape(d, &p);
			} else {
				break;
			}
		}
		j->n = (size_t)(d - j->b);
	}
	jsonbuf_put(j, "\"", 1);
}

void jsonout_string(FILE *out, const char *s)
{
	struct jsonbuf j;
	char b[512];

	jsonbuf_init(&j, out, b, sizeof b);
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
