/* SPDX-License-Identifier: MIT */
/* mem.c: allocation with a fault-injection door for tests. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

static unsigned long mem_count;
static unsigned long mem_fail_n;
static int mem_fail_sticky;

/* True when this allocation is to fail. */
static int mem_inject(void)
{
	mem_count++;
	if (mem_fail_n == 0)
		return 0;
	if (mem_count == mem_fail_n)
		return 1;
	return mem_fail_sticky && mem_count > mem_fail_n;
}

unsigned long mem_fail_at(unsigned long n, int sticky)
{
	unsigned long made = mem_count;

	mem_count = 0;
	mem_fail_n = n;
	mem_fail_sticky = sticky;
	return made;
}

void *mem_alloc(size_t n)
{
	if (mem_inject())
		return NULL;
	return malloc(n ? n : 1);
}

void *mem_calloc(size_t count, size_t size)
{
	if (mem_inject())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *mem_realloc_array(void *p, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	size_t bytes = count * size;

	if (mem_inject())
		return NULL;
	return realloc(p, bytes ? bytes : 1);
}

char *mem_strndup(const char *s, size_t n)
{
	char *d = mem_alloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *mem_strdup(const char *s)
{
	return mem_strndup(s, strlen(s));
}

char *mem_printf(const char *fmt, ...)
{
	va_list ap;
	int len;
	char *s;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return NULL;
	s = mem_alloc((size_t)len + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return s;
}

void mem_free(void *p)
{
	free(p);
}
