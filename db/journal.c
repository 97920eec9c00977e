/* SPDX-License-Identifier: MIT */
/* journal.c: the rollback journal beside a submission, and reading a file
 * whose last save was interrupted.
 *
 * SQLite keeps the journal at the database's real path (symbolic links
 * followed) plus "-journal" and opens whatever file has that name.  In a
 * folder others can write to, someone could put a file there first and
 * have the old pages (contact details among them) written into it, or
 * plant a "hot" journal whose pages would be rolled into the submission.
 * So before a write transaction the journal is made by us (O_EXCL, 0600),
 * and a journal found beside a file is used only when it is a plain file
 * of the file's owner, with one name, that nobody else can write.
 *
 * A reader must not write, but a hot journal can only be rolled back by
 * writing.  So a reader copies the file and its journal into a private
 * folder, while holding SQLite's shared lock so no writer can change
 * either meanwhile, and lets SQLite roll the copy back: what it then reads
 * is the last confirmed state, and nothing was written beside the file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "journal.h"
#include "mem.h"

char *journal_real_path(const char *path)
{
	char *real = realpath(path, NULL);
	char *copy;

	/* realpath's buffer comes from malloc, ours from mem.h. */
	if (!real)
		return mem_strdup(path);
	copy = mem_strdup(real);
	free(real);
	return copy;
}

char *journal_path(const char *real_path)
{
	return mem_printf("%s-journal", real_path);
}

/* The owner's name, for messages: "user 1001" when there is none. */
static void owner_name(uid_t uid, char *buf, size_t n)
{
	struct passwd *pw = getpwuid(uid);

	if (pw && pw->pw_name)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "user %lu", (unsigned long)uid);
}

void journal_inspect(const char *jpath, const struct stat *db,
                     struct journal_info *ji)
{
	struct stat sb;
	char who[64];

	memset(ji, 0, sizeof *ji);
	if (lstat(jpath, &sb) != 0) {
		if (errno == ENOENT) {
			ji->state = JOURNAL_NONE;
		} else {
			ji->state = JOURNAL_UNTRUSTED;
			snprintf(ji->why, sizeof ji->why, "cannot be examined (%s)",
			         strerror(errno));
		}
		return;
	}
	ji->size = sb.st_size;
	ji->dev = sb.st_dev;
	ji->ino = sb.st_ino;
	ji->state = sb.st_size > 0 ? JOURNAL_PRESENT : JOURNAL_EMPTY;
	if (S_ISLNK(sb.st_mode)) {
		ji->is_link = true;
		snprintf(ji->why, sizeof ji->why, "is a symbolic link");
	} else if (!S_ISREG(sb.st_mode)) {
		snprintf(ji->why, sizeof ji->why, "is not a regular file");
	} else if (sb.st_nlink != 1) {
		snprintf(ji->why, sizeof ji->why, "has %lu names (hard links), so "
		         "it is also somewhere else", (unsigned long)sb.st_nlink);
	} else if (sb.st_uid != db->st_uid) {
		owner_name(sb.st_uid, who, sizeof who);
		snprintf(ji->why, sizeof ji->why, "belongs to %s, not to the "
		         "file's owner", who);
	} else if (sb.st_mode & (S_IWGRP | S_IWOTH)) {
		snprintf(ji->why, sizeof ji->why, "can be written by other users "
		         "(mode %04o)", (unsigned)(sb.st_mode & 07777));
	} else if (sb.st_mode & 077 & ~db->st_mode) {
		/* More readable than the file: someone else made it. */
		snprintf(ji->why, sizeof ji->why, "can be read by users the file "
		         "itself is not shared with (mode %04o)",
		         (unsigned)(sb.st_mode & 07777));
	} else {
		return;
	}
	ji->state = JOURNAL_UNTRUSTED;
}

void journal_untrusted_message(const char *path, const struct journal_info *ji,
                               char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: the journal beside it (%s-journal) %s, so "
	         "apmwb will not use it; nothing was changed; if you know where "
	         "it came from, remove it and try again", path, path, ji->why);
}

int journal_guard_begin(const char *jpath, const struct stat *db,
                        char *err, size_t errlen, const char *path)
{
	struct journal_info ji;
	int fd;

	for (int tries = 0; tries < 3; tries++) {
		fd = open(jpath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		          O_CLOEXEC, S_IRUSR | S_IWUSR);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST) {
			snprintf(err, errlen, "%s: not saved: could not create its "
			         "journal beside it (%s); check that the folder is "
			         "writable and has room, then try again", path,
			         strerror(errno));
			return -1;
		}
		journal_inspect(jpath, db, &ji);
		if (ji.state == JOURNAL_NONE)
			continue;   /* gone meanwhile: make ours */
		if (ji.state == JOURNAL_UNTRUSTED) {
			/* An empty one holds nothing, and a link's target is not
			 * touched by removing the link: put ours in their place. */
			if ((ji.size == 0 || ji.is_link) && unlink(jpath) == 0)
				continue;
			journal_untrusted_message(path, &ji, err, errlen);
			return -1;
		}
		/* Ours, left empty by an interrupted start: SQLite reuses it.  A
		 * hot one was rolled back when the file was opened; one still
		 * here is ours all the same. */
		return -2;
	}
	snprintf(err, errlen, "%s: not saved: the journal beside it keeps "
	         "appearing and going; try again", path);
	return -1;
}

void journal_guard_end(const char *jpath, int fd)
{
	struct stat mine, there;

	if (fd < 0)
		return;
	/* SQLite unlinks the journal at COMMIT; one it never wrote (nothing
	 * changed) is still ours and empty, and is taken away. */
	if (fstat(fd, &mine) == 0 && mine.st_nlink > 0 && mine.st_size == 0 &&
	    lstat(jpath, &there) == 0 && there.st_dev == mine.st_dev &&
	    there.st_ino == mine.st_ino)
		unlink(jpath);
	close(fd);
}

/* ---- a private copy for a reader ---- */

/* SQLite's lock bytes (os_unix.c): a reader holds a read lock on the
 * shared range; a writer needs a write lock on all of it to change the
 * file or roll a journal back. */
#define SQLITE_PENDING_BYTE 0x40000000
#define SQLITE_SHARED_FIRST (SQLITE_PENDING_BYTE + 2)
#define SQLITE_SHARED_SIZE 510

/* An open-file-description lock: unlike a plain fcntl lock, closing
 * SQLite's own descriptors of the file does not drop it, nor ours
 * SQLite's.  Waits up to about five seconds, as SQLite's readers do. */
static bool lock_shared(int fd)
{
	struct flock fl;
	struct timespec pause = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 500; i++) {
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_RDLCK;
		fl.l_whence = SEEK_SET;
		fl.l_start = SQLITE_SHARED_FIRST;
		fl.l_len = SQLITE_SHARED_SIZE;
		if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
			return true;
		if (errno != EAGAIN && errno != EACCES && errno != EINTR)
			return false;
		nanosleep(&pause, NULL);
	}
	errno = EAGAIN;
	return false;
}

/* Copies the open file from into a new file `to`, mode 0600. */
static bool copy_file(int from, const char *to)
{
	char buf[1 << 16];
	ssize_t n = 0;
	int fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	              S_IRUSR | S_IWUSR);
	bool ok;

	if (fd < 0)
		return false;
	ok = lseek(from, 0, SEEK_SET) == 0;
	while (ok && (n = read(from, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ok = false;
			break;
		}
		for (ssize_t done = 0; ok && done < n;) {
			ssize_t w = write(fd, buf + done, (size_t)(n - done));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				ok = false;
			else
				done += w;
		}
	}
	if (close(fd) != 0)
		ok = false;
	return ok;
}

void journal_copy_remove(struct journal_copy *jc)
{
	if (!jc->dir)
		return;
	if (jc->db) {
		char *j = journal_path(jc->db);

		unlink(jc->db);
		if (j)
			unlink(j);
		mem_free(j);
	}
	rmdir(jc->dir);
	mem_free(jc->db);
	mem_free(jc->dir);
	jc->db = jc->dir = NULL;
}

enum journal_copy_result journal_copy_make(const char *real_path,
                                           const char *jpath,
                                           struct journal_copy *jc,
                                           char *why, size_t whylen)
{
	const char *tmp = getenv("TMPDIR");
	struct journal_info ji;
	struct stat sb;
	char *jcopy = NULL;
	int fd, jfd = -1, e;
	enum journal_copy_result res = JOURNAL_COPY_FAILED;

	memset(jc, 0, sizeof *jc);
	*why = '\0';
	fd = open(real_path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return JOURNAL_COPY_FAILED;
	}
	if (fstat(fd, &sb) != 0 || !lock_shared(fd)) {
		e = errno;
		snprintf(why, whylen, "%s", e == EAGAIN ? "a save in progress "
		         "elsewhere took too long; try again" : strerror(e));
		close(fd);
		return e == EAGAIN ? JOURNAL_COPY_BUSY : JOURNAL_COPY_FAILED;
	}
	/* Under the lock, nobody can roll the journal back or start on the
	 * file: what is here now belongs together. */
	journal_inspect(jpath, &sb, &ji);
	if (ji.state == JOURNAL_NONE || ji.state == JOURNAL_EMPTY) {
		res = JOURNAL_COPY_NOT_NEEDED;   /* put right meanwhile */
		goto out;
	}
	if (ji.state == JOURNAL_UNTRUSTED) {
		snprintf(why, whylen, "%s", ji.why);
		res = JOURNAL_COPY_UNTRUSTED;
		goto out;
	}
	jfd = open(jpath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (jfd < 0) {
		snprintf(why, whylen, "its journal cannot be read (%s)",
		         strerror(errno));
		goto out;
	}
	jc->dir = mem_printf("%s/apmwb-read-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!jc->dir) {
		snprintf(why, whylen, "out of memory");
		goto out;
	}
	if (!mkdtemp(jc->dir)) {   /* mode 0700 */
		snprintf(why, whylen, "no private folder for a copy in %s (%s)",
		         tmp && *tmp ? tmp : "/tmp", strerror(errno));
		mem_free(jc->dir);
		jc->dir = NULL;
		goto out;
	}
	jc->db = mem_printf("%s/copy.apmwb", jc->dir);
	jcopy = jc->db ? journal_path(jc->db) : NULL;
	if (!jc->db || !jcopy) {
		snprintf(why, whylen, "out of memory");
		goto fail;
	}
	if (!copy_file(fd, jc->db) || !copy_file(jfd, jcopy)) {
		snprintf(why, whylen, "could not copy it to %s (%s)",
		         tmp && *tmp ? tmp : "/tmp", strerror(errno));
		goto fail;
	}
	res = JOURNAL_COPY_MADE;
	goto out;
fail:
	journal_copy_remove(jc);
out:
	mem_free(jcopy);
	if (jfd >= 0)
		close(jfd);
	close(fd);   /* drops the lock */
	return res;
}
