/* SPDX-License-Identifier: MIT */
/* outfile.h: an export written whole or not at all.
 *
 * Standard output, or a named file written to a temporary file beside it
 * (created mode 0600: exports hold contact details) and renamed into place
 * only when everything was written and synced, so a reader never sees a
 * half-written export and a failed one leaves the old file as it was.  The
 * command line's -o and the full-screen workbook's export key both use it. */
#ifndef APMWB_OUTFILE_H
#define APMWB_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct outfile {
	FILE *f;         /* write here */
	char *path;      /* NULL for standard output */
	char *tmp;
};

/* path NULL or "-" is standard output.  False with a message in err when
 * the temporary file cannot be made. */
bool outfile_open(struct outfile *o, const char *path, char *err,
                  size_t errlen);

/* With ok, flushes, syncs and renames the temporary file into place (for
 * standard output: flushes); without, removes it.  Returns true only when
 * ok and everything was written; a write failure gets a message in err
 * (left empty when ok was false to begin with: the caller has said why).
 * A zeroed struct outfile stands for standard output. */
bool outfile_close(struct outfile *o, bool ok, char *err, size_t errlen);

#endif
