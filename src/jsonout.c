/* SPDX-License-Identifier: MIT */
/* jsonout.c: JSON strings. */
#include <config.h>

#include <stdio.h>

#include "jsonout.h"
#include "sanitize.h"

void jsonout_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else if (p[0] == 0xe2 && p[1] == 0x80 &&
			         (p[2] == 0xa8 || p[2] == 0xa9)) {
				fprintf(out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else if (*p < 0x80) {
				fputc(*p, out);
			} else {
				size_t n = sanitize_utf8_len((const char *)p);

				if (n == 0) {
					fputs("\\ufffd", out);
				} else {
					fwrite(p, 1, n, out);
					p += n - 1;
				}
			}
		}
	}
	fputc('"', out);
}

void jsonout_string_or_null(FILE *out, const char *s)
{
	if (s)
		jsonout_string(out, s);
	else
		fputs("null", out);
}
