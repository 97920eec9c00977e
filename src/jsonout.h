/* SPDX-License-Identifier: MIT */
/* jsonout.h: text as a JSON string, for every JSON apmwb writes. */
#ifndef APMWB_JSONOUT_H
#define APMWB_JSONOUT_H

#include <stdio.h>

/* Writes s as a JSON string, quotes included.  Control characters are
 * escaped, and so are U+2028/U+2029, which some JSON readers take as line
 * ends.  Bytes that are not UTF-8 (only a file written by another program
 * holds them) become U+FFFD: JSON must be UTF-8. */
void jsonout_string(FILE *out, const char *s);

/* The same, or null for NULL. */
void jsonout_string_or_null(FILE *out, const char *s);

#endif
