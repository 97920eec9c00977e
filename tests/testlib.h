/* SPDX-License-Identifier: MIT */
/* testlib.h: what the check suites share. */
#ifndef APMWB_TESTLIB_H
#define APMWB_TESTLIB_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

struct edition;

/* Runs the suite with TAP on stdout (automake's tap-driver reads it) and
 * returns the exit status for main(). */
int test_main(Suite *s);

/* The built-in 2020 edition, loaded once per process (check forks each
 * test; SQLite is opened inside the test, never before the fork). */
const struct edition *test_edition(void);

/* A fresh directory under $TMPDIR for this test; removed by test_rmtree. */
char *test_tmpdir(void);
void test_rmtree(const char *dir);

/* Whole contents of a file, NUL-terminated; NULL if it cannot be read. */
char *test_slurp(const char *path, size_t *len);

#endif
