/* SPDX-License-Identifier: MIT */
/* answers.h: the answers of one submission, in memory.
 *
 * One slot per question of the edition, holding the canonical text that
 * validate_answer() produced (and the file stores), or NULL for blank.
 * Blank is not zero: "0" is an answer.  A multi-select holds its values in
 * the edition's choice order, one per line. */
#ifndef APMWB_ANSWERS_H
#define APMWB_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

struct answers {
	const struct edition *ed;
	char **val;
};

struct answers *answers_new(const struct edition *ed);
void answers_free(struct answers *a);

/* NULL when blank. */
const char *answers_get(const struct answers *a, int q);

/* Stores a copy of canonical text; NULL or "" makes the answer blank.
 * False only when memory runs out (the old value is then kept). */
bool answers_set(struct answers *a, int q, const char *canonical);

/* For a multi-select answer: does it include value? */
bool answers_has_choice(const struct answers *a, int q, const char *value);

/* Number of answers that are not blank. */
size_t answers_count(const struct answers *a);

#endif
