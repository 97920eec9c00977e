/* SPDX-License-Identifier: MIT */
/* replay.c: runs one fuzz target on every file of its seed corpus and its
 * regressions, so `make check` (any compiler, no libFuzzer) keeps every
 * crash ever found fixed.  Prints TAP; a broken invariant or a crash
 * aborts the test right after the line naming its file.
 *
 * Usage: replay-TARGET [FILE|DIR...]; with no arguments, the folders
 * $TOPSRCDIR/tests/fuzz/{corpus,regress}/TARGET. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* The target this replay runs: its own name, replay_X, says it is
 * fuzz_X, so one build rule serves every target. */
static char target[64] = "fuzz_";

static void name_target(const char *argv0)
{
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	if (strncmp(base, "replay_", 7) == 0)
		base += 7;
	snprintf(target + 5, sizeof target - 5, "%s", base);
}
#define FUZZ_TARGET target

static int tests, failed;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads path into a block of exactly its size. */
static uint8_t *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0) {
		rewind(f);
		*len = (size_t)n;
		buf = malloc(*len ? *len : 1);
		if (buf && fread(buf, 1, *len, f) != *len) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

/* In this process, not a child: loading the edition once for all files
 * keeps the replay quick under valgrind.  A crash ends the test, and the
 * file is named on the line before. */
static void replay_file(const char *path)
{
	size_t len = 0;
	uint8_t *buf = read_all(path, &len);

	tests++;
	if (!buf) {
		failed++;
		printf("not ok %d - %s %s: %s\n", tests, FUZZ_TARGET, path,
		       strerror(errno));
		return;
	}
	printf("# %s %s\n", FUZZ_TARGET, path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	printf("ok %d - %s %s\n", tests, FUZZ_TARGET, path);
}

/* A file, or every file of a folder in name order. */
static void replay_path(const char *path, int must_exist)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (stat(path, &sb) != 0) {
		if (must_exist) {
			printf("not ok %d - %s: %s\n", ++tests, path,
			       strerror(errno));
			failed++;
		}
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		replay_file(path);
		return;
	}
	d = opendir(path);
	if (!d) {
		printf("not ok %d - %s: %s\n", ++tests, path, strerror(errno));
		failed++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		size_t need = strlen(path) + strlen(e->d_name) + 2;

		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof *names);
			if (!names)
				abort();
		}
		names[n] = malloc(need);
		if (!names[n])
			abort();
		snprintf(names[n], need, "%s/%s", path, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	name_target(argv[0]);
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			replay_path(argv[i], 1);
	} else {
		const char *top = getenv("TOPSRCDIR");
		char dir[4096];

		if (!top || !*top)
			top = ".";
		snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", top,
		         FUZZ_TARGET);
		replay_path(dir, 1);
		snprintf(dir, sizeof dir, "%s/tests/fuzz/regress/%s", top,
		         FUZZ_TARGET);
		replay_path(dir, 0);
	}
	printf("1..%d\n", tests);
	return failed ? 1 : 0;
}
