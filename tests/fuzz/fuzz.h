/* SPDX-License-Identifier: MIT */
/* fuzz.h: what the libFuzzer targets share.
 *
 * Each target defines LLVMFuzzerTestOneInput.  Built with clang and
 * -fsanitize=fuzzer it is a fuzzer; linked with replay.c by any compiler it
 * replays the corpus and the regressions (make check).  A broken invariant
 * aborts, which both libFuzzer and the replay report as a crash. */
#ifndef APMWB_FUZZ_H
#define APMWB_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message when cond is false: an invariant, not an input
 * check. */
#define FUZZ_ASSERT(cond, ...) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)

_Noreturn void fuzz_fail(const char *file, int line, const char *cond,
                         const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The input as a NUL-terminated string in a block of exactly size + 1
 * bytes, so a read past its end is caught by ASan and valgrind.  Bytes
 * after an embedded NUL are not seen by the string functions. */
char *fuzz_cstring(const uint8_t *data, size_t size);

/* A refusal's reason as money.h and validate.h promise it: one line, no
 * trailing period, quoting input only through the sanitiser. */
void fuzz_check_reason(const char *err);

/* A private scratch folder for this process, removed at exit. */
const char *fuzz_tmpdir(void);

/* Writes len bytes to path, replacing it; aborts if it cannot. */
void fuzz_write_file(const char *path, const void *buf, size_t len);

#endif
