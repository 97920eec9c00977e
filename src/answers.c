/* SPDX-License-Identifier: MIT */
/* answers.c: the answers of one submission, in memory. */
#include <config.h>

#include <string.h>

#include "answers.h"
#include "edition.h"
#include "mem.h"

struct answers *answers_new(const struct edition *ed)
{
	struct answers *a = mem_calloc(1, sizeof *a);

	if (!a)
		return NULL;
	a->ed = ed;
	a->val = mem_calloc(ed->nq, sizeof *a->val);
	if (!a->val) {
		mem_free(a);
		return NULL;
	}
	return a;
}

void answers_free(struct answers *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->ed->nq; i++)
		mem_free(a->val[i]);
	mem_free(a->val);
	mem_free(a);
}

const char *answers_get(const struct answers *a, int q)
{
	if (q < 0 || (size_t)q >= a->ed->nq)
		return NULL;
	return a->val[q];
}

bool answers_set(struct answers *a, int q, const char *canonical)
{
	char *copy = NULL;

	if (q < 0 || (size_t)q >= a->ed->nq)
		return false;
	if (canonical && *canonical) {
		copy = mem_strdup(canonical);
		if (!copy)
			return false;
	}
	mem_free(a->val[q]);
	a->val[q] = copy;
	return true;
}

bool answers_has_choice(const struct answers *a, int q, const char *value)
{
	const char *v = answers_get(a, q);
	size_t len = strlen(value);

	/* One value per line: match whole lines only. */
	while (v && *v) {
		const char *nl = strchr(v, '\n');
		size_t n = nl ? (size_t)(nl - v) : strlen(v);

		if (n == len && strncmp(v, value, len) == 0)
			return true;
		v = nl ? nl + 1 : NULL;
	}
	return false;
}

size_t answers_count(const struct answers *a)
{
	size_t n = 0;

	for (size_t i = 0; i < a->ed->nq; i++)
		n += a->val[i] != NULL;
	return n;
}
