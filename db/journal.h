/* SPDX-License-Identifier: MIT */
/* journal.h: the rollback journal beside a submission (journal.c says
 * why each of these exists).  Inside db/ only. */
#ifndef APMWB_JOURNAL_H
#define APMWB_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h>

/* The path SQLite uses: symbolic links followed (the path itself when it
 * cannot be resolved).  Both allocated with mem.h. */
char *journal_real_path(const char *path);
char *journal_path(const char *real_path);

enum journal_state {
	JOURNAL_NONE,       /* nothing there */
	JOURNAL_EMPTY,      /* a trustworthy empty file */
	JOURNAL_PRESENT,    /* a trustworthy journal with something in it */
	JOURNAL_UNTRUSTED   /* something apmwb must not use; why says what */
};

struct journal_info {
	enum journal_state state;
	off_t size;
	bool is_link;       /* a symbolic link: SQLite never follows one */
	dev_t dev;
	ino_t ino;
	char why[160];      /* "belongs to mallory, not to the file's owner" */
};

/* What is at jpath, judged against the database file's own stat: a
 * journal is trusted when it is a regular file (not a link), with one
 * name, of the file's owner, writable by nobody else and readable by no
 * one the file itself is not shared with. */
void journal_inspect(const char *jpath, const struct stat *db,
                     struct journal_info *ji);
/* "PATH: the journal beside it (PATH-journal) WHY, so apmwb will not use
 * it; ..." */
void journal_untrusted_message(const char *path, const struct journal_info *ji,
                               char *err, size_t errlen);

/* Before a write transaction: makes the journal ourselves (O_EXCL, 0600)
 * so SQLite writes into our file and no one else's.  Returns its
 * descriptor for journal_guard_end, JOURNAL_GUARD_REUSED when a
 * trustworthy empty one of ours is there already, or JOURNAL_GUARD_FAILED
 * with the message (naming path) in err.  An untrusted empty file is
 * replaced; an untrusted one with something in it is refused. */
#define JOURNAL_GUARD_FAILED (-1)
#define JOURNAL_GUARD_REUSED (-2)
int journal_guard_begin(const char *jpath, const struct stat *db,
                        char *err, size_t errlen, const char *path);
/* After COMMIT or ROLLBACK: removes our journal if SQLite never used it. */
void journal_guard_end(const char *jpath, int fd);

/* A private copy of a file and its hot journal, for a reader. */
struct journal_copy {
	char *dir;   /* mode 0700, under $TMPDIR or /tmp */
	char *db;    /* dir/copy.apmwb, its journal beside it */
};
enum journal_copy_result {
	JOURNAL_COPY_MADE,
	JOURNAL_COPY_NOT_NEEDED,   /* the journal went meanwhile */
	JOURNAL_COPY_UNTRUSTED,    /* why says what was found */
	JOURNAL_COPY_BUSY,         /* a writer held the file too long */
	JOURNAL_COPY_FAILED        /* why says what failed */
};
/* Copies the file and its journal while holding SQLite's shared lock on
 * the file, so no writer changes either meanwhile. */
enum journal_copy_result journal_copy_make(const char *real_path,
                                           const char *jpath,
                                           struct journal_copy *jc,
                                           char *why, size_t whylen);
/* Removes the copy and its folder (safe to call twice). */
void journal_copy_remove(struct journal_copy *jc);

#endif
