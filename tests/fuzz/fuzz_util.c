/* SPDX-License-Identifier: MIT */
/* fuzz_util.c: helpers shared by the fuzz targets (see fuzz.h). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "sanitize.h"

void fuzz_fail(const char *file, int line, const char *cond,
               const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: invariant broken: %s: ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void fuzz_check_reason(const char *err)
{
	size_t n = strlen(err);

	FUZZ_ASSERT(n > 0, "refused without a reason");
	FUZZ_ASSERT(err[n - 1] != '.' && !strchr(err, '\n'),
	            "reason not one line without a period: %s", err);
	FUZZ_ASSERT(sanitize_is_clean(err, 0), "reason needs the sanitiser: "
	            "%s", err);
}

char *fuzz_cstring(const uint8_t *data, size_t size)
{
	/* Plain malloc: the program's allocator (mem.h) is what is tested. */
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char tmpdir[4096];

/* Empties and removes the scratch folder (it holds only plain files). */
static void remove_tmpdir(void)
{
	DIR *d;
	struct dirent *e;
	char path[sizeof tmpdir + 256];

	if (!tmpdir[0])
		return;
	d = opendir(tmpdir);
	if (d) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", tmpdir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(tmpdir);
	tmpdir[0] = '\0';
}

const char *fuzz_tmpdir(void)
{
	const char *base;

	if (tmpdir[0])
		return tmpdir;
	base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	snprintf(tmpdir, sizeof tmpdir, "%s/apmwb-fuzz.XXXXXX", base);
	if (!mkdtemp(tmpdir)) {
		fprintf(stderr, "fuzz: cannot make a folder in %s: %s\n", base,
		        strerror(errno));
		abort();
	}
	atexit(remove_tmpdir);
	return tmpdir;
}

void fuzz_write_file(const char *path, const void *buf, size_t len)
{
	const char *p = buf;
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "fuzz: cannot write %s: %s\n", path,
		        strerror(errno));
		abort();
	}
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "fuzz: cannot write %s: %s\n", path,
			        strerror(errno));
			abort();
		}
		p += n;
		len -= (size_t)n;
	}
	close(fd);
}
