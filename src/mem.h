/* SPDX-License-Identifier: MIT */
/* mem.h: every allocation of apmwb's own code goes through here.
 *
 * The functions behave like their libc namesakes and return NULL when
 * memory runs out; callers turn that into a message, never a crash.  One
 * door lets the fault-injection tests make the n-th allocation fail. */
#ifndef APMWB_MEM_H
#define APMWB_MEM_H

#include <stddef.h>

void *mem_alloc(size_t n);
void *mem_calloc(size_t count, size_t size);
/* Overflow-checked count * size; the old block is kept on failure. */
void *mem_realloc_array(void *p, size_t count, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
/* printf into a new string; NULL on failure. */
char *mem_printf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void mem_free(void *p);

/* Tests only: make the n-th allocation from now fail (1 = the next one),
 * and every one after it when `sticky`; 0 turns injection off.  Returns how
 * many allocations were made since the last call. */
unsigned long mem_fail_at(unsigned long n, int sticky);

#endif
