/* SPDX-License-Identifier: MIT */
/* storelib.h: what the check suites of db/ share: a fresh folder per test,
 * files made and opened, answers set through the screen's own validation,
 * snapshots that prove nothing moved on the disk, and plain-SQLite reads.
 *
 * Each test makes its own folder and opens its databases inside the test
 * (check forks per test; SQLite is not fork-safe). */
#ifndef APMWB_STORELIB_H
#define APMWB_STORELIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <check.h>
#include <sys/types.h>

#include "nominal.h"
#include "store.h"

/* This test's folder, and the message buffer every call here fills. */
extern char *dir;
extern char err[1024];

/* The fixture: a fresh folder for each test. */
void store_setup(void);
void store_teardown(void);

/* Runs the tests (START_TEST's names) as one suite with the fixture,
 * each allowed `timeout` seconds; the exit status for main(). */
int store_suite_main(const char *name, const TTest *const *tests, size_t n,
                     int timeout);

/* A file's bytes, mtime and its folder's listing, to prove nothing moved. */
struct snap {
	char *bytes, *names;
	size_t len;
	struct timespec mtime;
	mode_t mode;
};

struct change_list {
	struct store_change c[64];
	char text[64][7][200];
	size_t n;
};

char *in_dir(const char *name);

struct store *make(const char *path);

struct store *open_as(const char *path, enum store_mode mode);

int key(const struct store *st, const char *k);

/* Sets an answer as typed, through the screen's own validation. */
void set(struct store *st, const char *k, const char *text);

const char *get(const struct store *st, const char *k);

void ck_get(const struct store *st, const char *k, const char *want);

/* The folder's names, sorted, one per line. */
char *listing(void);

void take(const char *path, struct snap *s);

void ck_same(const char *path, struct snap *before);

/* One integer from a file through plain SQLite, read-only. */
int64_t raw_int(const char *path, const char *sql);

/* Runs SQL on a file through plain SQLite, read-write. */
void raw_exec(const char *path, const char *sql);

void history(struct store *st, size_t limit, struct change_list *l);

/* Row i (newest first) is what/key: old -> new. */
void ck_change(struct change_list *l, size_t i, const char *what,
               const char *k, const char *old, const char *new);

/* A contract from text fields, as typed; NULL leaves a field missing. */
void contract_make(struct contract *c, const char *label,
                   const char *line, const char *type, const char *min,
                   const char *max, const char *share,
                   const char *dollars);

int64_t count(struct store *st);

const char *labels(struct store *st);

int64_t insert(struct store *st, int64_t after, const char *label,
               const char *line, const char *dollars);

/* The id of the contract at position i. */
int64_t id_at(struct store *st, int64_t i);

/* Runs fn in a child process and returns the byte it reports through a
 * pipe (not its exit status, which valgrind's leak check may change). */
char in_child(char (*fn)(const char *path), const char *path);

void ck_totals(struct store *st);

/* A submission as an apmwb of schema version `version` made it, with an
 * answer and a contract (its totals kept) in the old layout. */
void make_at_version(const char *path, int version);

#endif
