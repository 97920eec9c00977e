/* SPDX-License-Identifier: MIT */
/* fuzz_json_import.c: store_import_json on arbitrary bytes, into a fresh
 * submission each time.
 *
 * A new, empty submission is made once; each input gets a copy of it.
 * Invariants: the import is all or nothing: refused, it leaves every answer
 * blank and no contracts, in memory and in the file; accepted, what a
 * reader then finds in the file is exactly what the store holds in memory.
 * A refusal gives a reason. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "edition.h"
#include "fuzz.h"
#include "mem.h"
#include "store.h"

static char *template_bytes;
static size_t template_len;
static char work[4200], journal[4300];

static void free_template(void)
{
	free(template_bytes);
}

static void make_template(void)
{
	char path[4200], err[1024];
	struct store *st;
	FILE *f;
	long n;

	if (template_bytes)
		return;
	snprintf(path, sizeof path, "%s/template.apmwb", fuzz_tmpdir());
	snprintf(work, sizeof work, "%s/work.apmwb", fuzz_tmpdir());
	snprintf(journal, sizeof journal, "%s-journal", work);
	if (store_create(path, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "fuzz_json_import: %s\n", err);
		abort();
	}
	store_close(st);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0)
		abort();
	rewind(f);
	template_len = (size_t)n;
	template_bytes = malloc(template_len);
	if (!template_bytes ||
	    fread(template_bytes, 1, template_len, f) != template_len)
		abort();
	fclose(f);
	unlink(path);
	atexit(free_template);
}

static int64_t contracts(struct store *st)
{
	char err[1024];
	int64_t n = -1;

	FUZZ_ASSERT(store_contract_count(st, &n, err, sizeof err) == STORE_OK,
	            "contract count: %s", err);
	return n;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st, *rd;
	const struct edition *ed;
	char err[1024];
	enum store_status rc;
	/* An exact copy: the import is given a length, not a terminator. */
	char *json = malloc(size ? size : 1);

	if (!json)
		abort();
	memcpy(json, data, size);
	make_template();
	unlink(journal);
	fuzz_write_file(work, template_bytes, template_len);
	if (store_open(work, STORE_MODE_READ_WRITE, &st, err, sizeof err) !=
	    STORE_OK) {
		fprintf(stderr, "fuzz_json_import: %s\n", err);
		abort();
	}
	ed = store_edition(st);
	err[0] = '\0';
	rc = store_import_json(st, json, size, NULL, NULL, err, sizeof err);
	if (rc != STORE_OK) {
		/* The reason may quote the JSON; it is sanitised when shown. */
		FUZZ_ASSERT(err[0], "refused without a reason");
		FUZZ_ASSERT(answers_count(store_answers(st)) == 0,
		            "a refused import left answers in memory");
		FUZZ_ASSERT(contracts(st) == 0, "a refused import left "
		            "contracts");
	}
	/* What the file holds, read by a reader, after an import it took
	 * (most inputs are refused; a second open for them would halve the
	 * fuzzer's speed, and contracts() above read the file already). */
	if (rc == STORE_OK) {
		FUZZ_ASSERT(store_open(work, STORE_MODE_READ_ONLY, &rd, err,
		                       sizeof err) == STORE_OK,
		            "the file cannot be read after an import: %s", err);
		for (size_t q = 0; q < ed->nq; q++)
			FUZZ_ASSERT(same(answers_get(store_answers(st), (int)q),
			                 answers_get(store_answers(rd), (int)q)),
			            "%s: memory and file differ", ed->qs[q].key);
		FUZZ_ASSERT(contracts(st) == contracts(rd),
		            "contracts in memory and in the file differ");
		store_close(rd);
	}
	store_close(st);
	free(json);
	return 0;
}
