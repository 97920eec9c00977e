/* SPDX-License-Identifier: MIT */
/* check_outfile.c: an export is written whole or not at all (src/outfile.c).
 *
 * Checked on the disk: the temporary file's mode while it is written, the
 * folder's listing after a failure, the old file's bytes until the new
 * one is complete, and the message a failed write gives (its path and its
 * reason).  A write failure is made with RLIMIT_FSIZE in a child of its
 * own, SIGXFSZ ignored, so the write returns EFBIG as on a full disk. */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem.h"
#include "outfile.h"
#include "testlib.h"

static char *dir;
static char target[512];

static void setup(void)
{
	dir = test_tmpdir();
	snprintf(target, sizeof target, "%s/out.txt", dir);
}

static void teardown(void)
{
	test_rmtree(dir);
	free(dir);
}

/* The names in dir, sorted, joined by spaces ("" for none). */
static const char *listing(void)
{
	static char buf[1024];
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);

	ck_assert_int_ge(n, 0);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			if (buf[0])
				strcat(buf, " ");
			strncat(buf, names[i]->d_name, sizeof buf - strlen(buf) - 2);
		}
		free(names[i]);
	}
	free(names);
	return buf;
}

static void put_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
}

static void ck_file(const char *path, const char *want)
{
	char *got = test_slurp(path, NULL);

	ck_assert_msg(got != NULL, "%s cannot be read", path);
	ck_assert_str_eq(got, want);
	free(got);
}

static mode_t mode_of(const char *path)
{
	struct stat sb;

	ck_assert_int_eq(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

START_TEST(test_written_whole)
{
	struct outfile o;
	char err[256] = "x", tmpname[512];
	mode_t old;

	/* A wide-open umask: the temporary is 0600 all the same. */
	old = umask(0);
	ck_assert(outfile_open(&o, target, err, sizeof err));
	umask(old);
	ck_assert_ptr_nonnull(o.f);
	ck_assert_str_eq(o.path, target);
	/* While it is written, only the temporary beside it exists. */
	ck_assert_int_eq(access(target, F_OK), -1);
	ck_assert_int_eq(strncmp(o.tmp, target, strlen(target)), 0);
	snprintf(tmpname, sizeof tmpname, "%s", strrchr(o.tmp, '/') + 1);
	ck_assert_int_eq(strncmp(tmpname, "out.txt.apmwb-tmp-", 18), 0);
	ck_assert_str_eq(listing(), tmpname);
	ck_assert_int_eq(mode_of(o.tmp), 0600);
	fputs("name,value\r\n", o.f);
	fputs("gi.org_name,Acme\r\n", o.f);
	ck_assert(outfile_close(&o, true, err, sizeof err));
	ck_assert_str_eq(err, "");
	ck_file(target, "name,value\r\ngi.org_name,Acme\r\n");
	ck_assert_int_eq(mode_of(target), 0600);
	ck_assert_str_eq(listing(), "out.txt");
	/* The struct is cleared: a second close is standard output's. */
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmp);
	ck_assert_ptr_null(o.f);
}
END_TEST

START_TEST(test_replaced_only_on_success)
{
	struct outfile o;
	char err[256];

	put_file(target, "the reviewer's notes\n", 0644);
	ck_assert(outfile_open(&o, target, err, sizeof err));
	fputs("half an export", o.f);
	fflush(o.f);
	/* Until the close, a reader sees the old file. */
	ck_file(target, "the reviewer's notes\n");
	/* The caller gave up (its own error): nothing replaced, nothing left,
	 * and no message of outfile's own. */
	strcpy(err, "x");
	ck_assert(!outfile_close(&o, false, err, sizeof err));
	ck_assert_str_eq(err, "");
	ck_file(target, "the reviewer's notes\n");
	ck_assert_int_eq(mode_of(target), 0644);
	ck_assert_str_eq(listing(), "out.txt");

	/* Written whole: replaced, and the new file is 0600 (contact details). */
	ck_assert(outfile_open(&o, target, err, sizeof err));
	fputs("the export\n", o.f);
	ck_assert(outfile_close(&o, true, err, sizeof err));
	ck_file(target, "the export\n");
	ck_assert_int_eq(mode_of(target), 0600);
	ck_assert_str_eq(listing(), "out.txt");
}
END_TEST

START_TEST(test_cannot_open)
{
	struct outfile o;
	char err[600], path[600], want[700];

	/* A folder that is not there. */
	snprintf(path, sizeof path, "%s/no/such/out.txt", dir);
	ck_assert(!outfile_open(&o, path, err, sizeof err));
	snprintf(want, sizeof want, "%s: cannot write here: No such file or "
	         "directory", path);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(o.f);
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmp);
	ck_assert_str_eq(listing(), "");

	/* A "folder" that is a file. */
	snprintf(path, sizeof path, "%s/notes", dir);
	put_file(path, "notes\n", 0600);
	snprintf(path, sizeof path, "%s/notes/out.txt", dir);
	ck_assert(!outfile_open(&o, path, err, sizeof err));
	snprintf(want, sizeof want, "%s: cannot write here: Not a directory",
	         path);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(listing(), "notes");
	snprintf(path, sizeof path, "%s/notes", dir);
	ck_assert_int_eq(unlink(path), 0);

	/* A folder that may not be written (root may write anywhere). */
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(dir, 0500), 0);
		ck_assert(!outfile_open(&o, target, err, sizeof err));
		ck_assert_int_eq(chmod(dir, 0700), 0);
		snprintf(want, sizeof want, "%s: cannot write here: Permission "
		         "denied", target);
		ck_assert_str_eq(err, want);
		ck_assert_str_eq(listing(), "");
	}
}
END_TEST

START_TEST(test_cannot_replace)
{
	struct outfile o;
	char err[600], path[600], want[700], inner[700];

	/* The name is a folder holding a file: the rename fails; the folder,
	 * its file and nothing else remain. */
	snprintf(path, sizeof path, "%s/out.txt", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(inner, sizeof inner, "%s/keep", path);
	put_file(inner, "kept\n", 0600);
	ck_assert(outfile_open(&o, path, err, sizeof err));
	fputs("the export\n", o.f);
	ck_assert(!outfile_close(&o, true, err, sizeof err));
	snprintf(want, sizeof want, "%s: could not replace: Is a directory",
	         path);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(listing(), "out.txt");
	ck_file(inner, "kept\n");
}
END_TEST

/* In a child of its own: a 100-byte file-size limit, SIGXFSZ ignored so the
 * write fails with EFBIG instead of killing.  The child sends its result
 * and message up a pipe: "ok|" or "fail|message". */
static void write_limited(const char *path, const char *text, char *msg,
                          size_t msglen)
{
	int fds[2], status;
	pid_t pid;
	ssize_t n;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit rl = { 100, 100 };
		struct outfile o;
		char err[600], out[700];
		bool ok;

		close(fds[0]);
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(2);
		ok = outfile_open(&o, path, err, sizeof err);
		if (ok) {
			fputs(text, o.f);
			ok = outfile_close(&o, true, err, sizeof err);
		}
		snprintf(out, sizeof out, "%s|%s", ok ? "ok" : "fail", ok ? "" : err);
		if (write(fds[1], out, strlen(out)) < 0)
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], msg, msglen - 1);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	              "the child ended with status %d", status);
	ck_assert_int_ge(n, 0);
	msg[n] = '\0';
}

START_TEST(test_write_failure_reported)
{
	char msg[800], want[800], big[301];

	put_file(target, "the old export\n", 0600);
	/* 300 bytes stay in stdio's buffer until the close flushes them. */
	memset(big, 'x', 300);
	big[300] = '\0';
	write_limited(target, big, msg, sizeof msg);
	snprintf(want, sizeof want, "fail|%s: could not write: File too large",
	         target);
	ck_assert_str_eq(msg, want);
	/* The old file as it was, and no temporary left beside it. */
	ck_file(target, "the old export\n");
	ck_assert_str_eq(listing(), "out.txt");
	/* Under the limit, the same child writes it whole. */
	write_limited(target, "small\n", msg, sizeof msg);
	ck_assert_str_eq(msg, "ok|");
	ck_file(target, "small\n");
}
END_TEST

START_TEST(test_out_of_memory)
{
	struct outfile o;
	char err[600], want[700];

	mem_fail_at(1, 1);
	ck_assert(!outfile_open(&o, target, err, sizeof err));
	mem_fail_at(0, 0);
	snprintf(want, sizeof want, "%s: out of memory", target);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(o.f);
	ck_assert_str_eq(listing(), "");
}
END_TEST

START_TEST(test_standard_output)
{
	struct outfile o, zero;
	char err[256] = "x";

	ck_assert(outfile_open(&o, NULL, err, sizeof err));
	ck_assert(o.f == stdout);
	ck_assert_ptr_null(o.path);
	ck_assert(outfile_close(&o, true, err, sizeof err));
	ck_assert_str_eq(err, "");
	ck_assert(outfile_open(&o, "-", err, sizeof err));
	ck_assert(o.f == stdout);
	ck_assert_ptr_null(o.path);
	/* Not ok to begin with: false, and the caller has said why. */
	ck_assert(!outfile_close(&o, false, err, sizeof err));
	ck_assert_str_eq(err, "");
	/* A zeroed struct is standard output too. */
	memset(&zero, 0, sizeof zero);
	ck_assert(outfile_close(&zero, true, err, sizeof err));
	/* Nothing was made in the folder. */
	ck_assert_str_eq(listing(), "");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("outfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_written_whole);
	tcase_add_test(tc, test_replaced_only_on_success);
	tcase_add_test(tc, test_cannot_open);
	tcase_add_test(tc, test_cannot_replace);
	tcase_add_test(tc, test_write_failure_reported);
	tcase_add_test(tc, test_out_of_memory);
	tcase_add_test(tc, test_standard_output);
	suite_add_tcase(s, tc);
	return test_main(s);
}
