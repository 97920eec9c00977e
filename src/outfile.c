/* SPDX-License-Identifier: MIT */
/* outfile.c: an export written to a temporary file and renamed. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "outfile.h"

bool outfile_open(struct outfile *o, const char *path, char *err,
                  size_t errlen)
{
	int fd;

	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return true;
	}
	/* The temporary sits beside the target so the rename stays on one
	 * file system and is atomic. */
	o->path = mem_strdup(path);
	o->tmp = mem_printf("%s.apmwb-tmp-XXXXXX", path);
	if (!o->path || !o->tmp) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	fd = mkstemp(o->tmp);     /* created 0600 */
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot write here: %s", path,
		         strerror(errno));
		goto fail;
	}
	o->f = fdopen(fd, "w");
	if (!o->f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return true;
fail:
	mem_free(o->path);
	mem_free(o->tmp);
	memset(o, 0, sizeof *o);
	return false;
}

/* The rename is durable once the directory holding it is synced; a
 * directory that cannot be opened or synced (some file systems) still
 * has the whole file, so this is best effort. */
static void sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? mem_strndup(path, slash == path ? 1 :
	                                (size_t)(slash - path)) : mem_strdup(".");
	int fd;

	if (!dir)
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	mem_free(dir);
}

bool outfile_close(struct outfile *o, bool ok, char *err, size_t errlen)
{
	bool written;
	int e = 0;

	if (errlen)
		err[0] = '\0';
	if (!o->path) {
		written = fflush(stdout) == 0 && !ferror(stdout);
		if (!written && ok)
			snprintf(err, errlen, "could not write the output: %s",
			         strerror(errno));
		memset(o, 0, sizeof *o);
		return ok && written;
	}
	written = fflush(o->f) == 0 && !ferror(o->f);
	if (written && fsync(fileno(o->f)) != 0)
		written = false;
	if (!written)
		e = errno;
	if (fclose(o->f) != 0 && written) {
		written = false;
		e = errno;
	}
	if (ok && !written)
		snprintf(err, errlen, "%s: could not write: %s", o->path,
		         strerror(e ? e : EIO));
	if (ok && written && rename(o->tmp, o->path) != 0) {
		snprintf(err, errlen, "%s: could not replace: %s", o->path,
		         strerror(errno));
		written = false;
	}
	if (!(ok && written))
		unlink(o->tmp);
	else
		sync_dir_of(o->path);
	mem_free(o->path);
	mem_free(o->tmp);
	memset(o, 0, sizeof *o);
	return ok && written;
}
