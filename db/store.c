/* SPDX-License-Identifier: MIT */
/* store.c: the submission file: create, open, lock, close.
 *
 * A new file is built whole under a temporary name and linked into place,
 * so it appears whole or not at all.  An open reads the header itself
 * before SQLite sees the file, so what is not ours, is cut short or is
 * newer is refused untouched; a read-write open holds the one writer's
 * lock for as long as it is open; a read-only open writes nothing at all.
 * As in fossil: defensive mode on, our application_id on the file. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ack.h"
#include "answers.h"
#include "edition.h"
#include "edition_load.h"
#include "journal.h"
#include "mem.h"
#include "store_internal.h"

/* ---- opening ---- */

static bool sync_dir(const char *dir);
static enum store_status dangling_link(const char *path, bool creating,
                                       char *err, size_t errlen);

/* The folder holding path ("." for a bare name), allocated. */
static char *dir_of(const char *path)
{
	char *dir = mem_strdup(path), *slash;

	if (!dir)
		return NULL;
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* Flushes the folder holding path (after an unlink in it): 0, or ENOMEM
 * when there was no memory to name the folder, or EIO. */
static int sync_dir_of(const char *path)
{
	char *dir = dir_of(path);
	int rc;

	if (!dir)
		return ENOMEM;
	rc = sync_dir(dir) ? 0 : EIO;
	mem_free(dir);
	return rc;
}

/* The login name for the history when nobody says otherwise.  It is a
 * name like any other (ack.h): one the rules refuse (the environment is
 * the caller's to set) gives way to the account's, then to its number. */
static char *default_actor(void)
{
	const char *env[] = { getenv("LOGNAME"), getenv("USER") };
	struct passwd *pw;

	for (size_t i = 0; i < sizeof env / sizeof *env; i++)
		if (env[i] && ack_name_valid(env[i], NULL, 0))
			return mem_strdup(env[i]);
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name && ack_name_valid(pw->pw_name, NULL, 0))
		return mem_strdup(pw->pw_name);
	return mem_printf("user %lu", (unsigned long)geteuid());
}

static struct store *store_new(const char *path, bool read_only)
{
	struct store *st = mem_calloc(1, sizeof *st);

	if (!st)
		return NULL;
	st->lock_fd = -1;
	st->jguard = -1;
	st->read_only = read_only;
	store_progress_default(st);
	st->path = mem_strdup(path);
	st->actor = default_actor();
	st->real_path = journal_real_path(path);
	st->jpath = st->real_path ? journal_path(st->real_path) : NULL;
	if (!st->path || !st->actor || !st->jpath) {
		mem_free(st->path);
		mem_free(st->actor);
		mem_free(st->real_path);
		mem_free(st->jpath);
		mem_free(st);
		return NULL;
	}
	return st;
}

static enum store_status nomem(const char *path, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: out of memory", path);
	return STORE_NOMEM;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Is there a journal beside the file (where SQLite keeps it: beside the
 * real file, links followed), left by an interrupted save? */
static bool journal_beside(const struct store *st)
{
	struct stat sb;

	return st->jpath && stat(st->jpath, &sb) == 0 && sb.st_size > 0;
}

/* The name to give SQLite: this build of SQLite reads a name starting
 * with "file:" as a URI (with its own ?mode= and ?vfs=), which would open
 * another file than the one we checked and locked. */
static char *sqlite_name(const char *path)
{
	return path[0] == '/' ? mem_strdup(path) : mem_printf("./%s", path);
}

static enum store_status not_ours(struct store *st, int64_t app_id,
                                  char *err, size_t errlen)
{
	if (app_id == 0)
		snprintf(err, errlen, "%s is another program's SQLite database, "
		         "not an apmwb submission; check the file name", st->path);
	else
		snprintf(err, errlen, "%s is another program's SQLite file "
		         "(application id 0x%08llx), not an apmwb submission; check "
		         "the file name", st->path,
		         (unsigned long long)(uint32_t)app_id);
	return STORE_NOT_SUBMISSION;
}

static enum store_status newer(struct store *st, int64_t version, char *err,
                               size_t errlen)
{
	snprintf(err, errlen, "%s was made by a newer apmwb (file version %lld; "
	         "this apmwb reads up to %d); update apmwb to open it", st->path,
	         (long long)version, schema_latest);
	return STORE_NEWER;
}

static const char hot_journal_advice[] =
	"ask the respondent to open it once in apmwb (without -r), which "
	"finishes the repair, or copy it together with its -journal file and "
	"open the copy for editing";

/* Opens the file itself (read-only, or for editing), saying why not in
 * the user's words: missing, a dangling link, a folder, not writable. */
static enum store_status open_file(struct store *st, int *fdp, char *err,
                                   size_t errlen)
{
	int e;

	/* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
	 * writer forever (it changes nothing for a regular file). */
	*fdp = open(st->path, (st->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC |
	            O_NOCTTY | O_NONBLOCK);
	if (*fdp >= 0)
		return STORE_OK;
	e = errno;
	if (e == ENOENT) {
		struct stat lsb;

		if (lstat(st->path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
			return dangling_link(st->path, false, err, errlen);
		snprintf(err, errlen, "%s: no such file (check the name, or "
		         "make a new submission with: apmwb new %s)", st->path,
		         st->path);
		return STORE_NOT_FOUND;
	}
	if (e == EISDIR) {
		snprintf(err, errlen, "%s is a folder, not an apmwb submission",
		         st->path);
		return STORE_NOT_SUBMISSION;
	}
	if (!st->read_only && (e == EACCES || e == EPERM || e == EROFS) &&
	    access(st->path, R_OK) == 0) {
		snprintf(err, errlen, "%s cannot be written (%s); open it "
		         "read-only with -r, or ask its owner for write "
		         "permission", st->path, strerror(e));
		return STORE_IO;
	}
	snprintf(err, errlen, "%s cannot be opened: %s", st->path, strerror(e));
	return STORE_IO;
}

/* Reads the header of a regular file: SQLite's, whole. */
static enum store_status read_header(struct store *st, int fd,
                                     unsigned char h[100], char *err,
                                     size_t errlen)
{
	static const char magic[16] = "SQLite format 3";
	struct stat sb;
	ssize_t n;

	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s is not a regular file, so not an apmwb "
		         "submission", st->path);
		return STORE_NOT_SUBMISSION;
	}
	st->db_sb = sb;
	do
		n = pread(fd, h, 100, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		snprintf(err, errlen, "%s cannot be read: %s", st->path,
		         strerror(errno));
		return STORE_IO;
	}
	if (n == 0) {
		snprintf(err, errlen, "%s is empty: it is not an apmwb submission "
		         "(not a database)", st->path);
		return STORE_NOT_SUBMISSION;
	}
	if ((size_t)n < sizeof magic || memcmp(h, magic, sizeof magic) != 0) {
		snprintf(err, errlen, "%s is not an apmwb submission (not a "
		         "database); check the file name", st->path);
		return STORE_NOT_SUBMISSION;
	}
	if (n < 100) {
		snprintf(err, errlen, "%s is damaged: it ends inside its own "
		         "header; copy it again or restore it from a backup",
		         st->path);
		return STORE_DAMAGED;
	}
	return STORE_OK;
}

/* What the header says of the file: a valid page size, all of its pages
 * there, not WAL for a reader, our id and a version we read. */
static enum store_status check_header(struct store *st,
                                      const unsigned char h[100],
                                      char *err, size_t errlen)
{
	uint32_t psize = (uint32_t)h[16] << 8 | h[17], pages = be32(h + 28);
	uint64_t size = (uint64_t)st->db_sb.st_size;

	if (psize == 1)
		psize = 65536;
	if (psize < 512 || (psize & (psize - 1)) != 0) {
		snprintf(err, errlen, "%s is damaged: its header is not valid; "
		         "restore it from a backup", st->path);
		return STORE_DAMAGED;
	}
	/* The page count is only valid when it was written by the same change
	 * as the change counter.  A journal beside the file means a save was
	 * interrupted: SQLite puts it right (or says it cannot). */
	if (be32(h + 92) == be32(h + 24) && pages > 0 &&
	    size < (uint64_t)pages * psize && !journal_beside(st)) {
		snprintf(err, errlen, "%s is damaged: it is shorter than it says "
		         "(%llu of %llu bytes), as if cut off while being copied; "
		         "copy it again or restore it from a backup", st->path,
		         (unsigned long long)size, (unsigned long long)pages * psize);
		return STORE_DAMAGED;
	}
	/* Our files never use WAL; reading one read-only would need a -shm
	 * file written beside it. */
	/* A writer takes a WAL file out of WAL at open, which writes: its
	 * pages are checked first, whatever the mode. */
	if (!st->read_only && (h[18] == 2 || h[19] == 2))
		st->pages_unchecked = false;
	if (st->read_only && (h[18] == 2 || h[19] == 2)) {
		snprintf(err, errlen, "%s was left in another program's journal "
		         "mode (WAL), which a read-only open cannot read without "
		         "writing beside it; %s", st->path, hot_journal_advice);
		return STORE_HOT_JOURNAL;
	}
	/* Not ours, or too new: refused before SQLite could roll a journal
	 * back into it.  (With a journal beside it, the header may be half
	 * written: SQLite repairs it first and open_db checks again.) */
	if (!journal_beside(st)) {
		if (be32(h + 68) != STORE_APPLICATION_ID)
			return not_ours(st, be32(h + 68), err, errlen);
		if (be32(h + 60) > (uint32_t)schema_latest)
			return newer(st, be32(h + 60), err, errlen);
	}
	return STORE_OK;
}

/* Reads the first 100 bytes ourselves, so a file that is not SQLite, or is
 * cut short, is refused before SQLite (which would take an empty file for
 * a new database) ever sees it.  Leaves the file open in *fdp. */
static enum store_status check_file(struct store *st, int *fdp, char *err,
                                    size_t errlen)
{
	unsigned char h[100];
	enum store_status rc;
	int fd;

	*fdp = -1;
	rc = open_file(st, &fd, err, errlen);
	if (rc != STORE_OK)
		return rc;
	rc = read_header(st, fd, h, err, errlen);
	if (rc == STORE_OK)
		rc = check_header(st, h, err, errlen);
	if (rc != STORE_OK) {
		close(fd);
		return rc;
	}
	*fdp = fd;
	return STORE_OK;
}

/* A journal beside the file is used (rolled back by a writer, copied by
 * a reader) only when it can be trusted; an untrusted empty one holds
 * nothing and is ignored by readers, replaced by a writer's first save. */
static enum store_status check_journal(struct store *st, char *err,
                                       size_t errlen)
{
	struct journal_info ji;

	journal_inspect(st->jpath, &st->db_sb, &ji);
	/* A writer's first read rolls a hot journal back: open_db says so. */
	st->hot_at_open = ji.state == JOURNAL_PRESENT;
	if (ji.state != JOURNAL_UNTRUSTED || ji.size == 0)
		return STORE_OK;
	journal_untrusted_message(st->path, &ji, err, errlen);
	return STORE_HOT_JOURNAL;
}

/* Settings every connection gets, ours or a copy's. */
static int configure(sqlite3 *db)
{
	int on, rc;

	rc = sqlite3_extended_result_codes(db, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	/* Nothing in a file may run our functions or its own triggers and
	 * views: our schema has none, so a file that does is not ours. */
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &on);
	if (rc == SQLITE_OK)
		rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &on);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(db, 5000);
	return rc;
}

/* Opens st->db on path (a name SQLite cannot take for a URI) with our
 * settings; an SQLite result code. */
static int connect(struct store *st, const char *path, int flags)
{
	char *name = sqlite_name(path);
	int rc;

	if (!name)
		return SQLITE_NOMEM;
	/* One thread uses a connection: no mutex around every call. */
	rc = sqlite3_open_v2(name, &st->db, flags | SQLITE_OPEN_EXRESCODE |
	                     SQLITE_OPEN_NOMUTEX, NULL);
	mem_free(name);
	if (rc == SQLITE_OK)
		rc = configure(st->db);
	return rc;
}

/* What SQLite's failure to read a file we are opening means. */
static enum store_status open_fail(struct store *st, int rc, char *err,
                                   size_t errlen)
{
	const char *detail = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);

	if (rc == SQLITE_READONLY_ROLLBACK ||
	    (st->read_only && (rc & 0xff) != SQLITE_BUSY &&
	     journal_beside(st))) {
		snprintf(err, errlen, "%s has an interrupted save (a journal "
		         "beside it) that a read-only open cannot repair; %s",
		         st->path, hot_journal_advice);
		return STORE_HOT_JOURNAL;
	}
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_ERROR:   /* our id, but not our tables */
		/* SQLite's own words ("malformed database schema (x) - near
		 * ...") name nothing the user can act on. */
		snprintf(err, errlen, "%s is damaged; restore it from a backup "
		         "or a JSON export", st->path);
		return STORE_DAMAGED;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(err, errlen, "%s: a save in progress elsewhere took too "
		         "long; try again", st->path);
		return STORE_BUSY;
	case SQLITE_NOMEM:
		return nomem(st->path, err, errlen);
	case SQLITE_FULL:
		/* Putting an interrupted save right writes to the file. */
		snprintf(err, errlen, "%s cannot be opened: the disk is full; free "
		         "some space and open it again", st->path);
		return STORE_FULL;
	default:
		snprintf(err, errlen, "%s cannot be read (%s)", st->path, detail);
		return STORE_IO;
	}
}

/* The read-only copy of an older file: all of it in memory, migrated
 * there, so the file itself is never written. */
static int copy_to_memory(struct store *st)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	int rc;

	rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE |
	                     SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(mem);
		return rc;
	}
	b = sqlite3_backup_init(mem, "main", st->db, "main");
	if (!b) {
		rc = sqlite3_errcode(mem);
		sqlite3_close(mem);
		return rc ? rc : SQLITE_NOMEM;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sqlite3_close(mem);
		return rc;
	}
	sqlite3_close(st->db);
	st->db = mem;
	return configure(mem);
}

/* A reader found an interrupted save, which only a write can put right:
 * it reads a private copy of the file and its journal instead, rolled
 * back there, so it sees the last confirmed answers and writes nothing
 * beside the file.  The copy is unlinked as soon as SQLite has it open. */
static enum store_status open_private_copy(struct store *st, char *err,
                                           size_t errlen)
{
	struct journal_copy jc;
	char why[256];
	int64_t ignored;
	int rc;

	sqlite3_close(st->db);
	st->db = NULL;
	switch (journal_copy_make(st->real_path, st->jpath, &jc, why,
	                          sizeof why)) {
	case JOURNAL_COPY_MADE:
		break;
	case JOURNAL_COPY_NOT_NEEDED:
		/* A writer put the file right meanwhile: read it as it is. */
		rc = connect(st, st->path, SQLITE_OPEN_READONLY);
		if (rc != SQLITE_OK)
			return open_fail(st, rc, err, errlen);
		return STORE_OK;
	case JOURNAL_COPY_UNTRUSTED:
		snprintf(err, errlen, "%s has an interrupted save, but the journal "
		         "beside it (%s-journal) %s, so apmwb will not use it to "
		         "read the file; remove that journal if you know where it "
		         "came from", st->path, st->path, why);
		return STORE_HOT_JOURNAL;
	case JOURNAL_COPY_BUSY:
		snprintf(err, errlen, "%s: %s", st->path, why);
		return STORE_BUSY;
	case JOURNAL_COPY_FAILED:
		snprintf(err, errlen, "%s has an interrupted save; reading its last "
		         "confirmed answers needs a private copy, which failed: %s; "
		         "set TMPDIR to a folder with room, or open the file for "
		         "editing once, which puts it right", st->path, why);
		return STORE_IO;
	}
	rc = connect(st, jc.db, SQLITE_OPEN_READWRITE);
	/* The copy is ours alone and thrown away: no syncs. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "PRAGMA synchronous=OFF", NULL, NULL,
		                  NULL);
	/* This read rolls the journal back, in the copy. */
	if (rc == SQLITE_OK)
		rc = store_query_int(st->db, "PRAGMA user_version", &ignored);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "PRAGMA query_only=1", NULL, NULL, NULL);
	journal_copy_remove(&jc);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s has an interrupted save, and its journal "
		         "could not be rolled back in a private copy (%s); open "
		         "the file for editing once, which puts it right", st->path,
		         sqlite3_errstr(rc));
		return (rc & 0xff) == SQLITE_NOMEM ? STORE_NOMEM : STORE_DAMAGED;
	}
	st->recovery = STORE_RECOVERY_READ_COPY;
	return STORE_OK;
}

/* A reader's edition brought forward in temp: query_only is lifted for
 * it alone, the file itself being open read-only. */
static enum store_status overlay(struct store *st, int from, char *err,
                                 size_t errlen)
{
	char why[256];
	int rc = sqlite3_exec(st->db, "PRAGMA query_only=0; BEGIN", NULL, NULL,
	                      NULL);

	if (rc == SQLITE_OK)
		rc = schema_overlay(st->db, from, why, sizeof why);
	else
		snprintf(why, sizeof why, "%s", sqlite3_errmsg(st->db));
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (sqlite3_exec(st->db, "PRAGMA query_only=1", NULL, NULL, NULL) !=
	    SQLITE_OK && rc == SQLITE_OK)
		rc = sqlite3_errcode(st->db);
	if (rc == SQLITE_OK)
		return STORE_OK;
	snprintf(err, errlen, "%s could not be read from version %d (%s); "
	         "nothing was changed", st->path, from, why);
	return (rc & 0xff) == SQLITE_NOMEM ? STORE_NOMEM : STORE_IO;
}

static bool edition_is(struct store *st, const char *id);

/* Brings an older file forward: in the file when read-write (with a
 * history row); read-only, in a copy in memory, unless what changed since
 * is nothing a reader reads. */
static enum store_status migrate(struct store *st, int from, char *err,
                                 size_t errlen)
{
	char why[256], old[16], new[16];
	int rc;

	if (st->read_only && schema_readable_as_is(from)) {
		/* What changed is the edition's copy alone, and the caller's
		 * edition of the same id stands in for it (load_edition):
		 * nothing of the copy is read, so nothing is brought forward.
		 * An edition's every change is a schema step, so the copy
		 * brought forward would be the caller's. */
		if (st->known && edition_is(st, st->known->id))
			return STORE_OK;
		return overlay(st, from, err, errlen);
	}
	if (st->read_only) {
		rc = copy_to_memory(st);
		if (rc != SQLITE_OK)
			return open_fail(st, rc, err, errlen);
	}
	if (!st->read_only) {
		enum store_status gs = store_guard_journal(st, err, errlen);

		if (gs != STORE_OK)
			return gs;
	}
	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "could not bring it up to date", "try "
		                  "again", err, errlen);
	rc = schema_migrate(st->db, from, schema_latest, why, sizeof why);
	if (rc != SQLITE_OK) {
		store_rollback(st);
		/* Out of memory, SQLite's words may not say so ("unable to
		 * open a temporary database file" when memory for the temp
		 * database ran out). */
		if ((rc & 0xff) == SQLITE_NOMEM)
			snprintf(why, sizeof why, "out of memory");
		snprintf(err, errlen, "%s could not be brought up to date from "
		         "version %d (%s); nothing was changed", st->path, from, why);
		return (rc & 0xff) == SQLITE_FULL ? STORE_FULL :
		       (rc & 0xff) == SQLITE_NOMEM ? STORE_NOMEM : STORE_IO;
	}
	snprintf(old, sizeof old, "%d", from);
	snprintf(new, sizeof new, "%d", schema_latest);
	if (!st->read_only &&
	    (rc = store_history_add(st, "migrate", "user_version", old, new)) !=
	    SQLITE_OK)
		return store_fail(st, rc, "could not bring it up to date", "try "
		                  "again", err, errlen);
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "could not bring it up to date", "try "
		                  "again", err, errlen);
	store_unguard_journal(st);
	return STORE_OK;
}

static enum store_status load_answers(struct store *st, char *err,
                                      size_t errlen)
{
	sqlite3_stmt *s;
	int rc;

	s = store_stmt(st, S_ANSWER_ALL, &rc);
	if (!s)
		return open_fail(st, rc, err, errlen);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(s, 0);
		const char *val = (const char *)sqlite3_column_text(s, 1);
		int q = key ? edition_find(st->ed, key) : -1;

		/* A key its own edition does not know, or a computed one,
		 * cannot have been written by us: it is left where it is. */
		if (q < 0 || st->ed->qs[q].type == Q_COMPUTED || !val)
			continue;
		if (!answers_set(st->a, q, val)) {
			stmt_done(s);
			return nomem(st->path, err, errlen);
		}
	}
	stmt_done(s);
	if (rc != SQLITE_DONE)
		return open_fail(st, rc, err, errlen);
	return STORE_OK;
}

/* One meta value, NULL when absent; *rc is an SQLite code. */
static char *meta_get(struct store *st, const char *key, int *rc)
{
	sqlite3_stmt *s = store_stmt(st, S_META_GET, rc);
	char *v = NULL;
	bool ok = true;

	if (!s)
		return NULL;
	*rc = stmt_bind(s, "t", key);
	if (*rc == SQLITE_OK) {
		*rc = sqlite3_step(s);
		if (*rc == SQLITE_ROW) {
			v = col_dup(s, 0, &ok);
			*rc = ok ? SQLITE_OK : SQLITE_NOMEM;
		} else if (*rc == SQLITE_DONE) {
			*rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	return v;
}

static enum store_status load_state(struct store *st, char *err,
                                    size_t errlen)
{
	char *state;
	int rc;

	state = meta_get(st, "state", &rc);
	if (rc == SQLITE_OK) {
		st->complete = state && strcmp(state, "complete") == 0;
		if (st->complete)
			st->signed_by = meta_get(st, "signed_by", &rc);
		if (st->complete && rc == SQLITE_OK)
			st->signed_at = meta_get(st, "signed_at", &rc);
	}
	mem_free(state);
	if (rc == SQLITE_OK)
		rc = store_acks_read(st, &st->acks, &st->nacks);
	if (rc != SQLITE_OK)
		return open_fail(st, rc, err, errlen);
	return STORE_OK;
}

/* Is the file's copy of the edition the one with this id?  Reads its id
 * alone; a file it cannot tell about gets the whole load, and its
 * message. */
static bool edition_is(struct store *st, const char *id)
{
	sqlite3_stmt *s = NULL;
	bool same = false;

	if (sqlite3_prepare_v2(st->db, "SELECT id FROM edition", -1, &s,
	                       NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		const char *got = (const char *)sqlite3_column_text(s, 0);

		same = got && strcmp(got, id) == 0 &&
		       sqlite3_step(s) == SQLITE_DONE;
	}
	sqlite3_finalize(s);
	return same;
}

/* Connects and reads the file for the first time, its application id:
 * here SQLite finds an interrupted save, and puts it right (a writer) or
 * reads a private copy put right (a reader). */
static enum store_status first_read(struct store *st, int64_t *app_id,
                                    char *err, size_t errlen)
{
	int rc = connect(st, st->path, st->read_only ? SQLITE_OPEN_READONLY :
	                 SQLITE_OPEN_READWRITE);

	if (rc != SQLITE_OK)
		return open_fail(st, rc, err, errlen);
	if (!st->read_only && sqlite3_db_readonly(st->db, "main") == 1) {
		snprintf(err, errlen, "%s cannot be written; open it read-only "
		         "with -r, or check its permissions", st->path);
		return STORE_IO;
	}
	/* Before the first read, which may put an interrupted save right:
	 * that repair's commit, like every later one, is the journal's
	 * unlink, and only EXTRA syncs the folder after it, so a power cut
	 * cannot bring the journal back and undo a saved answer. */
	if (!st->read_only &&
	    (rc = sqlite3_exec(st->db, "PRAGMA synchronous=EXTRA", NULL, NULL,
	                       NULL)) != SQLITE_OK)
		return open_fail(st, rc, err, errlen);
	rc = store_query_int(st->db, "PRAGMA application_id", app_id);
	if (rc == SQLITE_READONLY_ROLLBACK && st->read_only) {
		enum store_status cs = open_private_copy(st, err, errlen);

		if (cs != STORE_OK)
			return cs;
		rc = store_query_int(st->db, "PRAGMA application_id", app_id);
	}
	if (rc != SQLITE_OK)
		return open_fail(st, rc, err, errlen);
	/* After the first read (the pragma reads the schema, which would
	 * meet a hot journal first). */
	store_cache_reset(st);
	if (!st->read_only && st->hot_at_open && !journal_beside(st)) {
		/* SQLite unlinks a journal it rolled back without syncing the
		 * folder: do it, so a power cut cannot bring it back. */
		int e = sync_dir_of(st->real_path);

		st->recovery = STORE_RECOVERY_REPAIRED;
		if (e == ENOMEM)
			return nomem(st->path, err, errlen);
		if (e) {
			snprintf(err, errlen, "%s had an interrupted save, put right, "
			         "but its folder could not be flushed to the disk; "
			         "check the disk, then open it again", st->path);
			return STORE_IO;
		}
	}
	return STORE_OK;
}

/* Ours, and of a version this apmwb reads. */
static enum store_status check_version(struct store *st, int64_t app_id,
                                       int64_t *version, char *err,
                                       size_t errlen)
{
	int rc;

	if (app_id != STORE_APPLICATION_ID)
		return not_ours(st, app_id, err, errlen);
	rc = store_query_int(st->db, "PRAGMA user_version", version);
	if (rc != SQLITE_OK)
		return open_fail(st, rc, err, errlen);
	if (*version > schema_latest)
		return newer(st, *version, err, errlen);
	if (*version < 1) {
		snprintf(err, errlen, "%s is damaged: it was never finished "
		         "(file version %lld); make a new one with apmwb new",
		         st->path, (long long)*version);
		return STORE_DAMAGED;
	}
	return STORE_OK;
}

/* A writer checks every page (or, asked to check later, refuses to write
 * until then) and sets its journal; a reader asks SQLite to refuse any
 * write. */
static enum store_status settle(struct store *st, int64_t version,
                                char *err, size_t errlen)
{
	int64_t ignored;
	int rc;

	/* Bringing the file up to date writes: its pages are checked now. */
	if (version < schema_latest)
		st->pages_unchecked = false;
	if (!st->read_only) {
		/* A writer never writes into a file with broken pages: the
		 * damage would only spread. */
		enum store_status vs = st->pages_unchecked ? STORE_OK :
		                       store_verify(st, STORE_VERIFY_PAGES |
		                                    STORE_VERIFY_MAPPED, err,
		                                    errlen);

		if (vs != STORE_OK)
			return vs;
		/* DELETE also takes a file out of WAL mode. */
		rc = store_query_int(st->db, "PRAGMA journal_mode=DELETE", &ignored);
	} else {
		/* A store opened among many (store_open_known) is read for a
		 * moment and closed: it keeps its shared lock from the first
		 * read to its close, instead of taking it again and checking
		 * the file anew for each of the reads of its open. */
		rc = sqlite3_exec(st->db, st->among_many ? "PRAGMA query_only=1; "
		                  "PRAGMA locking_mode=EXCLUSIVE" :
		                  "PRAGMA query_only=1", NULL, NULL, NULL);
	}
	return rc == SQLITE_OK ? STORE_OK : open_fail(st, rc, err, errlen);
}

/* The file's own copy of the edition, or the caller's when it is the
 * same edition (store_open_known). */
static enum store_status load_edition(struct store *st, char *err,
                                      size_t errlen)
{
	char why[256];
	int code;

	if (st->known && edition_is(st, st->known->id)) {
		/* Nothing in db/ changes an edition once it is loaded. */
		st->ed = (struct edition *)st->known;
		st->ed_borrowed = true;
		return STORE_OK;
	}
	st->ed = edition_load(st->db, why, sizeof why);
	if (st->ed)
		return STORE_OK;
	code = sqlite3_errcode(st->db) & 0xff;
	if (strcmp(why, "out of memory") == 0)
		return nomem(st->path, err, errlen);
	/* A read that failed (the disk, memory, a lock) says nothing about
	 * the file: not "damaged, restore it from a backup". */
	if (code == SQLITE_IOERR || code == SQLITE_NOMEM ||
	    code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return open_fail(st, sqlite3_errcode(st->db), err, errlen);
	snprintf(err, errlen, "%s is damaged: its copy of the workbook edition "
	         "cannot be read; restore it from a backup or a JSON export",
	         st->path);
	return STORE_DAMAGED;
}

/* Everything after the header check: SQLite, our id and version,
 * migration, then the edition, the answers and the state. */
static enum store_status open_db(struct store *st, char *err, size_t errlen)
{
	int64_t app_id = 0, version = 0;
	enum store_status rc;
	int code;

	rc = first_read(st, &app_id, err, errlen);
	if (rc == STORE_OK)
		rc = check_version(st, app_id, &version, err, errlen);
	if (rc == STORE_OK)
		rc = settle(st, version, err, errlen);
	if (rc == STORE_OK && version < schema_latest)
		rc = migrate(st, (int)version, err, errlen);
	if (rc != STORE_OK)
		return rc;
	/* The reads that follow in one read transaction: one shared lock and
	 * one look at the file's header and for a journal beside it, not one
	 * for each of their twenty statements. */
	if ((code = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL)) !=
	    SQLITE_OK)
		return open_fail(st, code, err, errlen);
	rc = load_edition(st, err, errlen);
	if (rc == STORE_OK && !(st->a = answers_new(st->ed)))
		rc = nomem(st->path, err, errlen);
	if (rc == STORE_OK)
		rc = load_answers(st, err, errlen);
	if (rc == STORE_OK)
		rc = load_state(st, err, errlen);
	/* It wrote nothing: its end cannot lose a change. */
	code = sqlite3_exec(st->db, rc == STORE_OK ? "COMMIT" : "ROLLBACK",
	                    NULL, NULL, NULL);
	if (rc == STORE_OK && code != SQLITE_OK)
		rc = open_fail(st, code, err, errlen);
	return rc;
}

static enum store_status open_store(const char *path, enum store_mode mode,
                                    const struct edition *known,
                                    bool among_many, struct store **out,
                                    char *err, size_t errlen)
{
	struct store *st;
	enum store_status rc;
	int fd;

	*out = NULL;
	st = store_new(path, mode == STORE_MODE_READ_ONLY);
	if (!st)
		return nomem(path, err, errlen);
	st->known = known;
	st->among_many = among_many;
	st->pages_unchecked = mode == STORE_MODE_EDIT_CHECK_LATER;
	rc = check_file(st, &fd, err, errlen);
	if (rc == STORE_OK)
		rc = check_journal(st, err, errlen);
	if (rc != STORE_OK) {
		if (fd >= 0)
			close(fd);
		store_close(st);
		return rc;
	}
	if (st->read_only) {
		/* Readers take no lock of ours; SQLite's shared locks are
		 * enough for them. */
		close(fd);
	} else {
		/* One writer: held on our own descriptor until store_close.
		 * flock, not fcntl: closing any descriptor of a file drops a
		 * process's fcntl locks, and SQLite closes its own. */
		st->lock_fd = fd;
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;

			if (e == EWOULDBLOCK) {
				snprintf(err, errlen, "%s is open for editing in another "
				         "apmwb; close that one, or open this one "
				         "read-only with -r", path);
				rc = STORE_LOCKED;
			} else {
				snprintf(err, errlen, "%s cannot be locked for editing "
				         "(%s); open it read-only with -r, or copy it to "
				         "a local disk", path, strerror(e));
				rc = STORE_IO;
			}
			store_close(st);
			return rc;
		}
	}
	rc = open_db(st, err, errlen);
	if (rc != STORE_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return STORE_OK;
}

enum store_status store_open(const char *path, enum store_mode mode,
                             struct store **out, char *err, size_t errlen)
{
	return open_store(path, mode, NULL, false, out, err, errlen);
}

enum store_status store_open_known(const char *path,
                                   const struct edition *known,
                                   struct store **out, char *err,
                                   size_t errlen)
{
	return open_store(path, STORE_MODE_READ_ONLY, known, true, out, err,
	                  errlen);
}

enum store_status store_open_edition(const char *path, enum store_mode mode,
                                     const struct edition *known,
                                     struct store **out, char *err,
                                     size_t errlen)
{
	return open_store(path, mode, known, false, out, err, errlen);
}

/* ---- creating ---- */

/* Flushes the folder's entry for a new name to the disk. */
static bool sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return false;
	ok = fsync(fd) == 0 || errno == EINVAL;
	close(fd);
	return ok;
}

/* Builds the whole new file under a temporary name. */
static enum store_status build_file(const char *tmp, const char *path,
                                    const char *actor, char *err,
                                    size_t errlen)
{
	struct store tmpst = { .path = (char *)path, .lock_fd = -1,
	                       .jguard = -1 };
	char why[512], *name = sqlite_name(tmp), *jpath;
	struct stat tsb;
	int rc, jguard;

	if (!name)
		return nomem(path, err, errlen);
	rc = sqlite3_open_v2(name, &tmpst.db, SQLITE_OPEN_READWRITE |
	                     SQLITE_OPEN_EXRESCODE, NULL);
	mem_free(name);
	if (rc == SQLITE_OK)
		rc = configure(tmpst.db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(tmpst.db, "PRAGMA journal_mode=DELETE; "
		                  "PRAGMA synchronous=EXTRA", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum store_status s = store_fail(&tmpst, rc, "not created",
		                                 "try again", err, errlen);

		sqlite3_close(tmpst.db);
		return s;
	}
	/* The temporary file's journal is made ours too (journal.h). */
	jpath = journal_path(tmp);
	if (!jpath || stat(tmp, &tsb) != 0) {
		mem_free(jpath);
		sqlite3_close(tmpst.db);
		return nomem(path, err, errlen);
	}
	jguard = journal_guard_begin(jpath, &tsb, err, errlen, path);
	if (jguard == JOURNAL_GUARD_FAILED) {
		mem_free(jpath);
		sqlite3_close(tmpst.db);
		return STORE_IO;
	}
	rc = schema_build(tmpst.db, schema_latest, actor, why, sizeof why);
	journal_guard_end(jpath, jguard);
	mem_free(jpath);
	if (rc != SQLITE_OK) {
		enum store_status s = (rc & 0xff) == SQLITE_FULL ? STORE_FULL :
		                      (rc & 0xff) == SQLITE_NOMEM ? STORE_NOMEM :
		                      STORE_IO;

		if (s == STORE_FULL)
			snprintf(err, errlen, "%s: not created: the disk is full; "
			         "free some space and try again", path);
		else
			snprintf(err, errlen, "%s: not created: %s", path, why);
		sqlite3_close(tmpst.db);
		return s;
	}
	rc = sqlite3_close(tmpst.db);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: not created: %s", path,
		         sqlite3_errstr(rc));
		return STORE_IO;
	}
	return STORE_OK;
}

/* "X is a symbolic link to Y, which does not exist". */
static enum store_status dangling_link(const char *path, bool creating,
                                       char *err, size_t errlen)
{
	char target[512];
	ssize_t n = readlink(path, target, sizeof target - 1);

	target[n > 0 ? n : 0] = '\0';
	snprintf(err, errlen, "%s is a symbolic link to %s, which does not "
	         "exist; %spoint the link at a submission, or remove it", path,
	         n > 0 ? target : "a missing file",
	         creating ? "nothing was created; " : "");
	return STORE_NOT_FOUND;
}

/* A name SQLite and the folder can hold with its journal beside it: the
 * journal's name is 8 bytes longer, and SQLite takes paths up to its own
 * limit only.  Refused here, before anything is made, with the reason,
 * rather than as a failure to save every answer later. */
static enum store_status name_fits(const char *path, const char *dir,
                                   char *err, size_t errlen)
{
	const char *base = strrchr(path, '/');
	long name_max = pathconf(dir, _PC_NAME_MAX);
	sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
	char *real = realpath(dir, NULL);
	size_t blen, full;

	base = base ? base + 1 : path;
	blen = strlen(base);
	full = (real ? strlen(real) : strlen(dir)) + 1 + blen +
	       sizeof "-journal" - 1;
	free(real);
	if (name_max <= 0)
		name_max = 255;
	if (blen + sizeof "-journal" - 1 > (size_t)name_max) {
		snprintf(err, errlen, "%.60s...: not created: the name is %zu bytes "
		         "long, and this folder takes names of up to %ld, its "
		         "journal's (8 bytes longer) included; choose a name of at "
		         "most %ld bytes", path, blen, name_max, name_max - 8);
		return STORE_INVALID;
	}
	if (vfs && full >= (size_t)vfs->mxPathname) {
		snprintf(err, errlen, "%.60s...: not created: its full path, with "
		         "its journal's name, is %zu bytes, and SQLite takes paths "
		         "of fewer than %d; choose a shorter name or folder", path,
		         full, vfs->mxPathname);
		return STORE_INVALID;
	}
	return STORE_OK;
}

/* Puts the finished file at path, refusing if anything got there first.
 * rename(RENAME_NOREPLACE) moves it whole and leaves no second name;
 * where the file system has none of that, link() (which fails with EEXIST
 * where a plain rename() would replace) and the temporary name removed. */
static enum store_status place_file(const char *tmp, const char *path,
                                    bool *moved, char *err, size_t errlen)
{
	int e;

	*moved = false;
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0) {
		*moved = true;
		return STORE_OK;
	}
	e = errno;
	if (e != EINVAL && e != ENOSYS && e != EOPNOTSUPP)
		goto failed;
#endif
	if (link(tmp, path) == 0)
		return STORE_OK;
	e = errno;
#ifdef RENAME_NOREPLACE
failed:
#endif
	if (e == EEXIST) {
		snprintf(err, errlen, "%s already exists; nothing was changed "
		         "(open it with: apmwb %s)", path, path);
		return STORE_EXISTS;
	}
	snprintf(err, errlen, "%s: not created: %s", path, strerror(e));
	return e == ENOSPC ? STORE_FULL : STORE_IO;
}

/* Nothing is at path yet (a dangling link is said as one). */
static enum store_status path_free(const char *path, char *err,
                                   size_t errlen)
{
	struct stat sb;

	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode) && stat(path, &sb) != 0)
			return dangling_link(path, true, err, errlen);
		snprintf(err, errlen, "%s already exists; nothing was changed "
		         "(open it with: apmwb %s)", path, path);
		return STORE_EXISTS;
	}
	if (errno != ENOENT) {
		snprintf(err, errlen, "%s: not created: %s", path, strerror(errno));
		return STORE_IO;
	}
	return STORE_OK;
}

/* A new empty file in dir, mode 0600 whatever the umask, under a name
 * that says whose it is; *tmp is its name (NULL when none was made). */
static enum store_status make_temp(const char *dir, const char *path,
                                   char **tmp, int *fd, char *err,
                                   size_t errlen)
{
	int e;

	*tmp = mem_printf("%s/.apmwb-new-%ld-XXXXXX", dir, (long)getpid());
	if (!*tmp)
		return nomem(path, err, errlen);
	*fd = mkostemp(*tmp, O_CLOEXEC);   /* O_CREAT | O_EXCL, mode 0600 */
	if (*fd < 0) {
		e = errno;
		snprintf(err, errlen, "%s: not created: cannot write in its folder "
		         "(%s)", path, strerror(e));
		mem_free(*tmp);
		*tmp = NULL;
		return e == ENOSPC ? STORE_FULL : STORE_IO;
	}
	/* SQLite gives the journal the same mode. */
	if (fchmod(*fd, S_IRUSR | S_IWUSR) != 0) {
		snprintf(err, errlen, "%s: not created: %s", path, strerror(errno));
		close(*fd);
		return STORE_IO;
	}
	return STORE_OK;
}

/* The finished file at path, its temporary name gone, the folder synced:
 * then opened for editing.  *tmp is NULL once it needs no cleaning up. */
static enum store_status put_in_place(char **tmp, const char *path,
                                      const char *dir, struct store **out,
                                      char *err, size_t errlen)
{
	enum store_status rc;
	bool moved;

	rc = place_file(*tmp, path, &moved, err, errlen);
	if (rc != STORE_OK)
		return rc;
	/* A second name of the new file would hold its contact details
	 * too: say so if it cannot go. */
	if (!moved && unlink(*tmp) != 0 && errno != ENOENT) {
		snprintf(err, errlen, "%s: created, but its temporary name %s "
		         "could not be removed (%s); remove it by hand", path, *tmp,
		         strerror(errno));
		mem_free(*tmp);
		*tmp = NULL;
		return STORE_IO;
	}
	mem_free(*tmp);
	*tmp = NULL;
	if (!sync_dir(dir)) {
		snprintf(err, errlen, "%s: created, but its folder could not be "
		         "flushed to the disk; check the disk", path);
		return STORE_IO;
	}
	return store_open(path, STORE_MODE_READ_WRITE, out, err, errlen);
}

enum store_status store_create(const char *path, struct store **out,
                               char *err, size_t errlen)
{
	char *tmp = NULL, *dir = NULL, *actor = NULL;
	enum store_status rc;
	int fd = -1;

	*out = NULL;
	rc = path_free(path, err, errlen);
	if (rc != STORE_OK)
		return rc;
	/* The temporary file sits in the same folder so link() can put it
	 * in place. */
	dir = dir_of(path);
	actor = default_actor();
	rc = !dir || !actor ? nomem(path, err, errlen) :
	     name_fits(path, dir, err, errlen);
	if (rc == STORE_OK)
		rc = make_temp(dir, path, &tmp, &fd, err, errlen);
	if (rc == STORE_OK) {
		rc = build_file(tmp, path, actor, err, errlen);
		close(fd);   /* only now: SQLite held locks on it until its close */
	}
	if (rc == STORE_OK)
		rc = put_in_place(&tmp, path, dir, out, err, errlen);
	if (tmp) {
		char *j = mem_printf("%s-journal", tmp);

		unlink(tmp);
		if (j)
			unlink(j);
		mem_free(j);
	}
	mem_free(tmp);
	mem_free(dir);
	mem_free(actor);
	return rc;
}

/* ---- closing and reading ---- */

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->replacing)
		store_rollback(st);
	store_unguard_journal(st);
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	/* After SQLite's close: closing our descriptor earlier would drop
	 * SQLite's own (fcntl) locks on the file. */
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	answers_free(st->a);
	if (!st->ed_borrowed)
		edition_free(st->ed);
	store_acks_free(st->acks, st->nacks);
	mem_free(st->signed_by);
	mem_free(st->signed_at);
	mem_free(st->actor);
	mem_free(st->path);
	mem_free(st->real_path);
	mem_free(st->jpath);
	mem_free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

bool store_is_read_only(const struct store *st)
{
	return st->read_only;
}

enum store_recovery store_recovery(const struct store *st)
{
	return st->recovery;
}

const char *store_recovery_text(const struct store *st)
{
	switch (st->recovery) {
	case STORE_RECOVERY_READ_COPY:
		return "it has an interrupted save: this is its last confirmed "
		       "state, read from a private copy; opening it for editing "
		       "puts the file itself right";
	case STORE_RECOVERY_REPAIRED:
		return "it had an interrupted save, now put right: the change that "
		       "was not confirmed was rolled back, every confirmed answer "
		       "is there";
	case STORE_RECOVERY_NONE:
		break;
	}
	return "";
}

const struct edition *store_edition(const struct store *st)
{
	return st->ed;
}

const struct answers *store_answers(const struct store *st)
{
	return st->a;
}

void store_set_actor(struct store *st, const char *actor)
{
	char *copy;

	if (!actor || !*actor)
		return;
	copy = mem_strdup(actor);
	if (!copy)
		return;   /* the login name stays: a name, if not the asked one */
	mem_free(st->actor);
	st->actor = copy;
}
