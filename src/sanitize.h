/* SPDX-License-Identifier: MIT */
/* sanitize.h: the one door from stored text to a terminal.
 *
 * Every string read from a submission file, an import or the command line
 * passes through sanitize_text() before it is drawn on screen or printed by
 * get/show/check.  It replaces with U+FFFD (so a reviewer sees that something
 * was there): invalid UTF-8, C0 and C1 control characters (so no escape
 * sequence reaches the terminal), DEL, the bidirectional overrides,
 * embeddings and isolates that can make text read other than it is, and
 * the invisible characters that let two different names look the same
 * (zero-width space, word joiner, byte order mark, soft hyphen, Hangul
 * fillers, tag characters) and every combining mark after the third in a
 * row.  A tab becomes a space.  Newlines are kept only when
 * SANITIZE_KEEP_NEWLINES is given; with SANITIZE_ONE_LINE a line break is
 * written as \n (\r for a carriage return, \\ for a backslash), so one
 * entry of a report stays one line and none can be forged.  Valid stored
 * answers come out unchanged (but for the escapes of SANITIZE_ONE_LINE). */
#ifndef APMWB_SANITIZE_H
#define APMWB_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

enum { SANITIZE_KEEP_NEWLINES = 1, SANITIZE_ONE_LINE = 2 };

/* Writes the sanitised text into buf (always NUL-terminated, cut at a
 * character boundary if buf is too small).  Returns the length the whole
 * sanitised text needs, excluding the NUL, like snprintf. */
size_t sanitize_text(const char *text, int flags, char *buf, size_t bufsz);

/* Allocating form; NULL only when memory runs out. */
char *sanitize_dup(const char *text, int flags);

/* True when sanitize_text would change nothing (with the same flags; the
 * escapes of SANITIZE_ONE_LINE show a character whole, so they count as no
 * change here and in sanitize_check). */
bool sanitize_is_clean(const char *text, int flags);

/* Checks that text is valid UTF-8 with no character the sanitiser would
 * replace; on failure writes a reason naming what and where ("contains a
 * control character at position 4").  Used by validation, so stored text
 * never needs the sanitiser to change it. */
bool sanitize_check(const char *text, int flags, char *err, size_t errlen);

/* The length in bytes of the character at s (which is not at its NUL)
 * when it is valid UTF-8, or 0 when it is not: for writers of formats
 * that must be valid UTF-8 whatever a file held (JSON). */
size_t sanitize_utf8_len(const char *s);

#endif
