/* SPDX-License-Identifier: MIT */
/* validate.h: what may be stored as an answer.
 *
 * The screen, `apmwb set` and every import send typed text through
 * validate_answer(), which returns the canonical text to store or a one-line
 * reason.  A bad value never reaches the file. */
#ifndef APMWB_VALIDATE_H
#define APMWB_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

/* Longest text answers, in bytes of UTF-8. */
#define VALIDATE_TEXT_MAX 500
#define VALIDATE_LONGTEXT_MAX 20000

/* Checks `text` as an answer to question q and on success sets *canonical to
 * a malloc'd canonical form, or to NULL when the text is empty or blanks
 * (meaning: make the answer blank).  Leading and trailing blanks are trimmed
 * for every type except long text, whose inner layout is kept.
 *
 * Canonical forms: money "1234.50"; whole numbers "1234"; hours "12" or
 * "12.5"; yes/no "yes" / "no"; a choice its value name; a multi-select its
 * value names in the edition's order, one per line (input separates them
 * with commas, blanks or newlines; choice labels and any letter case are
 * accepted too); text as typed.
 *
 * On refusal returns false, sets *canonical to NULL and writes a reason that
 * reads after the question's label, e.g. "is not an amount: unexpected 'x'". */
bool validate_answer(const struct edition *ed, int q, const char *text,
                     char **canonical, char *err, size_t errlen);

/* The same rules for values that are not answers of the edition. */
bool validate_email(const char *text, char *err, size_t errlen);
bool validate_phone(const char *text, char *err, size_t errlen);

#endif
