/* SPDX-License-Identifier: MIT */
/* jsonout.h: text as a JSON string, for every JSON apmwb writes. */
#ifndef APMWB_JSONOUT_H
#define APMWB_JSONOUT_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Writes s as a JSON string, quotes included.  Control characters are
 * escaped, and so are U+2028/U+2029, which some JSON readers take as line
 * ends.  Bytes that are not UTF-8 (only a file written by another program
 * holds them) become U+FFFD: JSON must be UTF-8. */
void jsonout_string(FILE *out, const char *s);

/* The same, or null for NULL. */
void jsonout_string_or_null(FILE *out, const char *s);

/* JSON text gathered in the caller's buffer and written when it fills and
 * at jsonbuf_flush: for a writer of many small strings (the export writes
 * twenty million for a million contracts), one write of a large block
 * instead of dozens of small ones.  The buffer holds at least
 * JSONBUF_MIN bytes. */
#define JSONBUF_MIN 64
struct jsonbuf {
	FILE *out;
	char *b;
	size_t n, cap;     /* bytes held; the buffer's size */
};
void jsonbuf_init(struct jsonbuf *j, FILE *out, char *b, size_t cap);
void jsonbuf_put_slow(struct jsonbuf *j, const void *p, size_t n);
/* n bytes as they are (names, punctuation): inline, since the export
 * writes a name between every two values. */
static inline void jsonbuf_put(struct jsonbuf *j, const void *p, size_t n)
{
	if (n > j->cap - j->n) {
		jsonbuf_put_slow(j, p, n);
		return;
	}
	memcpy(j->b + j->n, p, n);
	j->n += n;
}
/* Text as it is. */
void jsonbuf_raw(struct jsonbuf *j, const char *s);
/* s as jsonout_string writes it; NULL as null. */
void jsonbuf_string(struct jsonbuf *j, const char *s);
void jsonbuf_flush(struct jsonbuf *j);

#endif
