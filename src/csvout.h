/* SPDX-License-Identifier: MIT */
/* csvout.h: fields of the CSV files apmwb writes (the csv, qualtrics and
 * contracts exports), and the one rule for text a spreadsheet would run
 * (the csv and contracts exports; the qualtrics one is for Qualtrics).
 *
 * RFC 4180: CRLF ends a record; a field holding a comma, a quote, CR or LF
 * (or starting or ending with a blank) is quoted, quotes inside doubled.  Formula-like text (starting with =, +,
 * -, @, tab, CR or LF) gets a leading apostrophe and is quoted, so Excel,
 * LibreOffice and Google Sheets show it instead of running it (the OWASP
 * advice).  Two exceptions, both so that a reader gets back exactly what
 * was written:
 *   - a plain negative number ("-340000000.00": a minus, digits, at most
 *     one point and digits) is left alone: a spreadsheet reads it as a
 *     number, it cannot call anything, and a reviewer needs to sum it;
 *   - text that is already an apostrophe followed by guarded text gets one
 *     more apostrophe, so csvout_unguard() can always take exactly one off. */
#ifndef APMWB_CSVOUT_H
#define APMWB_CSVOUT_H

#include <stdbool.h>
#include <stdio.h>

/* True when s is written with a leading apostrophe. */
bool csvout_needs_guard(const char *s);

/* The inverse, for imports: the text that was written as s (s itself, or
 * s without its first byte when that is a guarding apostrophe). */
const char *csvout_unguard(const char *s);

/* Writes one field (no separator), guarded and quoted as above. */
void csvout_field(FILE *out, const char *s);

/* Writes one field quoted as above but never guarded: for files read by a
 * program that takes text as typed (a Qualtrics import), never by a
 * spreadsheet, where the apostrophe would become part of the answer. */
void csvout_field_as_typed(FILE *out, const char *s);

/* The UTF-8 byte order mark, written first so Excel reads the file as
 * UTF-8 (without it, Excel takes the local code page and garbles "’"). */
void csvout_bom(FILE *out);

/* Writes the record's end (CRLF). */
void csvout_end(FILE *out);

#endif
