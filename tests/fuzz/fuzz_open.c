/* SPDX-License-Identifier: MIT */
/* fuzz_open.c: arbitrary bytes opened as a submission.
 *
 * The bytes are written to a file; the part after a line
 * "--apmwb-fuzz-journal--", when there is one, goes to a -journal beside
 * it (an interrupted save).  The file is then opened read-only, read-write
 * and as a session.  Invariants: never a crash or a leak; a refusal gives a
 * reason; a read-only open changes nothing in the folder, not a byte;
 * every reading call on an open store answers without crashing; an answer
 * confirmed on a file opened read-write is then read back from the file. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "edition.h"
#include "fuzz.h"
#include "mem.h"
#include "session.h"
#include "store.h"

static const char marker[] = "\n--apmwb-fuzz-journal--\n";

static char path[4200], journal[4300];

struct snapshot {
	char *file, *journal;
	size_t file_len, journal_len;
	int entries;
};

static char *slurp(const char *p, size_t *len)
{
	FILE *f = fopen(p, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	do {
		char *nb = realloc(buf, cap + 65536);

		if (!nb)
			abort();
		buf = nb;
		n = fread(buf + cap, 1, 65536, f);
		cap += n;
	} while (n == 65536);
	fclose(f);
	*len = cap;
	return buf;
}

static int count_entries(void)
{
	DIR *d = opendir(fuzz_tmpdir());
	int n = 0;

	if (!d)
		abort();
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static void snap(struct snapshot *s)
{
	s->file = slurp(path, &s->file_len);
	s->journal = slurp(journal, &s->journal_len);
	s->entries = count_entries();
}

static bool same_bytes(const char *a, size_t alen, const char *b,
                       size_t blen)
{
	if ((a == NULL) != (b == NULL) || alen != blen)
		return false;
	return alen == 0 || memcmp(a, b, alen) == 0;
}

static void snap_free(struct snapshot *s)
{
	free(s->file);
	free(s->journal);
}

static void check_refusal(const char *what, const char *err)
{
	FUZZ_ASSERT(err[0], "%s: refused without a reason", what);
}

static bool count_change(void *ctx, const struct store_change *c)
{
	(void)c;
	++*(size_t *)ctx;
	return true;
}

static bool count_contract(void *ctx, const struct contract *c, int64_t pos)
{
	(void)c;
	(void)pos;
	++*(size_t *)ctx;
	return true;
}

/* Every reading call a viewer makes; failures are fine, crashes not. */
static void read_everything(struct store *st)
{
	const struct edition *ed = store_edition(st);
	const struct answers *a = store_answers(st);
	struct store_signoff so;
	struct nr_totals tot;
	struct contract page[4];
	size_t n = 0, got = 0;
	int64_t count;
	char err[1024];

	FUZZ_ASSERT(ed && a, "an open store without edition or answers");
	for (size_t q = 0; q < ed->nq; q++)
		(void)answers_get(a, (int)q);
	(void)store_acks(st, &n);
	store_signoff(st, &so);
	store_history(st, 50, count_change, &n, err, sizeof err);
	store_contract_each(st, count_contract, &n, err, sizeof err);
	store_contract_count(st, &count, err, sizeof err);
	store_nr_totals(st, &tot, err, sizeof err);
	for (size_t i = 0; i < 4; i++)
		contract_init(&page[i]);
	if (store_contract_page(st, 0, 4, page, &got, err, sizeof err) ==
	    STORE_OK)
		for (size_t i = 0; i < got; i++)
			contract_clear(&page[i]);
}

static void try_read_only(void)
{
	struct snapshot before, after;
	struct store *st;
	struct session *s;
	char err[1024];

	snap(&before);
	err[0] = '\0';
	/* A session opens through store_open: only a file the store takes
	 * gets further, to the figures and checks. */
	if (store_open(path, STORE_MODE_READ_ONLY, &st, err, sizeof err) ==
	    STORE_OK) {
		read_everything(st);
		store_close(st);
		err[0] = '\0';
		if (session_open(path, STORE_MODE_READ_ONLY, false, &s, err,
		                 sizeof err) == STORE_OK)
			session_close(s);
		else
			check_refusal("read-only session", err);
	} else {
		check_refusal("read-only", err);
	}
	snap(&after);
	FUZZ_ASSERT(same_bytes(before.file, before.file_len, after.file,
	                       after.file_len), "a read-only open changed "
	            "the file");
	FUZZ_ASSERT(same_bytes(before.journal, before.journal_len,
	                       after.journal, after.journal_len),
	            "a read-only open changed the journal");
	FUZZ_ASSERT(before.entries == after.entries, "a read-only open left "
	            "a file beside it");
	snap_free(&before);
	snap_free(&after);
}

/* An answer confirmed on the file is in the file. */
static void try_save(struct store *st)
{
	const struct edition *ed = store_edition(st);
	struct store *rd;
	char err[1024];
	int q = edition_find(ed, "gi.org_name");

	if (q < 0 || ed->qs[q].type != Q_TEXT)
		return;
	if (store_set_answer(st, q, "Fuzzed Health Plan", err, sizeof err) !=
	    STORE_OK) {
		check_refusal("save", err);
		return;
	}
	if (store_open(path, STORE_MODE_READ_ONLY, &rd, err, sizeof err) !=
	    STORE_OK) {
		check_refusal("re-read", err);
		return;
	}
	q = edition_find(store_edition(rd), "gi.org_name");
	FUZZ_ASSERT(q >= 0 && answers_get(store_answers(rd), q) &&
	            strcmp(answers_get(store_answers(rd), q),
	                   "Fuzzed Health Plan") == 0,
	            "a confirmed answer is not in the file");
	store_close(rd);
}

static void try_read_write(void)
{
	struct store *st;
	struct session *s;
	char err[1024];

	err[0] = '\0';
	if (store_open(path, STORE_MODE_READ_WRITE, &st, err, sizeof err) ==
	    STORE_OK) {
		read_everything(st);
		try_save(st);
		store_close(st);
		err[0] = '\0';
		if (session_open(path, STORE_MODE_READ_WRITE, false, &s, err,
		                 sizeof err) == STORE_OK)
			session_close(s);
		else
			check_refusal("session", err);
	} else {
		check_refusal("read-write", err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *j = NULL;
	size_t flen = size;

	if (!path[0]) {
		snprintf(path, sizeof path, "%s/sub.apmwb", fuzz_tmpdir());
		snprintf(journal, sizeof journal, "%s-journal", path);
	}
	for (size_t i = 0; i + sizeof marker - 1 <= size; i++) {
		if (memcmp(data + i, marker, sizeof marker - 1) == 0) {
			j = data + i + sizeof marker - 1;
			flen = i;
			break;
		}
	}
	unlink(journal);
	fuzz_write_file(path, data, flen);
	if (j)
		fuzz_write_file(journal, j, size - flen - (sizeof marker - 1));
	try_read_only();
	try_read_write();
	unlink(journal);
	unlink(path);
	return 0;
}
