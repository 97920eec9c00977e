/* SPDX-License-Identifier: MIT */
/* fuzz_set.c: setting an answer from arbitrary bytes, as `apmwb set FILE
 * KEY VALUE...` does, against the built-in edition.
 *
 * The input is KEY=VALUE: the key is looked up as the command line looks
 * it up (edition_find); an unknown key picks a question from its bytes, so
 * every input reaches some question type.  The value's NUL bytes separate
 * command-line arguments, which cmd_set joins one per line.
 *
 * Invariants: validate_answer refuses with a one-line, clean reason and no
 * canonical text, or accepts with canonical text that is within the type's
 * length, needs no sanitising, validates again to itself (so what is
 * stored is what a re-import would store), and is what answers_set keeps. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "edition_load.h"
#include "fuzz.h"
#include "mem.h"
#include "sanitize.h"
#include "validate.h"

static struct edition *ed;
static struct answers *ans;

static void free_edition(void)
{
	answers_free(ans);
	edition_free(ed);
}

static void load_edition(void)
{
	char err[512];

	if (ed)
		return;
	ed = edition_load_builtin(err, sizeof err);
	if (!ed) {
		fprintf(stderr, "fuzz_set: the built-in edition: %s\n", err);
		abort();
	}
	ans = answers_new(ed);
	if (!ans)
		abort();
	atexit(free_edition);
}

/* The question for a key: the one it names, else one its bytes pick. */
static int pick_question(const char *key, size_t len)
{
	char *k = fuzz_cstring((const uint8_t *)key, len);
	int q = edition_find(ed, k);
	unsigned h = 0;

	free(k);
	if (q >= 0)
		return q;
	for (size_t i = 0; i < len; i++)
		h = h * 31 + (unsigned char)key[i];
	return (int)(h % ed->nq);
}

static void check_refusal(const char *err, const char *canonical)
{
	FUZZ_ASSERT(!canonical, "refused, but with canonical text");
	fuzz_check_reason(err);
}

static void check_canonical(int q, const char *canonical)
{
	const struct question *qq = &ed->qs[q];
	int flags = qq->type == Q_LONGTEXT || qq->type == Q_MULTI ?
	            SANITIZE_KEEP_NEWLINES : 0;
	char err[512], *again = NULL;
	size_t n = strlen(canonical);

	FUZZ_ASSERT(n > 0, "%s: empty canonical text", qq->key);
	FUZZ_ASSERT(qq->type != Q_TEXT || n <= VALIDATE_TEXT_MAX,
	            "%s: %zu bytes", qq->key, n);
	FUZZ_ASSERT(qq->type != Q_LONGTEXT || n <= VALIDATE_LONGTEXT_MAX,
	            "%s: %zu bytes", qq->key, n);
	FUZZ_ASSERT(sanitize_is_clean(canonical, flags),
	            "%s: canonical text needs the sanitiser", qq->key);
	FUZZ_ASSERT(validate_answer(ed, q, canonical, &again, err, sizeof err),
	            "%s: canonical '%s' refused: %s", qq->key, canonical, err);
	FUZZ_ASSERT(again && strcmp(again, canonical) == 0,
	            "%s: '%s' validates to '%s'", qq->key, canonical,
	            again ? again : "(blank)");
	mem_free(again);
	if (answers_set(ans, q, canonical)) {
		const char *kept = answers_get(ans, q);

		FUZZ_ASSERT(kept && strcmp(kept, canonical) == 0,
		            "%s: answers keep '%s'", qq->key, kept ? kept : "");
		answers_set(ans, q, NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *eq;
	char *text, err[512], *canonical = (char *)"unset";
	size_t klen, vlen;
	int q;

	load_edition();
	eq = memchr(in, '=', size);
	klen = eq ? (size_t)(eq - in) : 0;
	vlen = eq ? size - klen - 1 : size;
	q = pick_question(in, klen);
	/* argv joined one per line, as cmd_set does. */
	text = fuzz_cstring(data + (size - vlen), vlen);
	for (size_t i = 0; i < vlen; i++)
		if (text[i] == '\0')
			text[i] = '\n';
	err[0] = '\0';
	if (validate_answer(ed, q, text, &canonical, err, sizeof err)) {
		if (canonical)
			check_canonical(q, canonical);
	} else {
		check_refusal(err, canonical);
	}
	mem_free(canonical);
	free(text);
	return 0;
}
