/* SPDX-License-Identifier: MIT */
/* faultvfs.h: a test-only SQLite VFS that makes I/O fail on purpose.
 *
 * It wraps the VFS that was the default when it was installed and passes
 * every call through, counting the reads, writes, syncs and truncates of
 * every file SQLite opens (the database and its journal).  Armed, it makes
 * the n-th call of one kind fail with the code asked for, once or for good
 * (that call and every later one of its kind), as a full disk, a failing
 * disk or a pulled cable would.  Tests only: the program never links it.
 *
 * A sweep runs its workload clean first to learn how many calls of a kind
 * it makes (faultvfs_calls), then once for every n from 1 to that count. */
#ifndef APMWB_FAULTVFS_H
#define APMWB_FAULTVFS_H

#include <stdbool.h>

enum faultvfs_op {
	FAULTVFS_READ,
	FAULTVFS_WRITE,
	FAULTVFS_SYNC,
	FAULTVFS_TRUNCATE,
	FAULTVFS_NOPS
};

/* Registers the shim as SQLite's default VFS ("apmwb-faultvfs"), wrapping
 * the default of the moment; again after faultvfs_uninstall (or after a
 * sqlite3_shutdown, which puts "unix" back first) it is made the default
 * again.  Returns an SQLite result code. */
int faultvfs_install(void);
/* Makes the wrapped VFS the default again: the real disk, no faults. */
void faultvfs_uninstall(void);

/* Zeroes the counters and arms a fault: the n-th call of `op` from now
 * returns `code` (an SQLite result code such as SQLITE_IOERR_WRITE or
 * SQLITE_FULL) instead of doing anything, and so does every later one when
 * `sticky`.  n 0 only zeroes the counters. */
void faultvfs_arm(enum faultvfs_op op, unsigned long n, bool sticky,
                  int code);
/* No more faults; the counters go on. */
void faultvfs_disarm(void);

/* Calls of `op` since the last arm, the failed ones included. */
unsigned long faultvfs_calls(enum faultvfs_op op);
/* How many calls were made to fail since the last arm. */
unsigned long faultvfs_injected(void);

/* Deletes of a rollback journal (each the commit of a transaction in
 * journal_mode=DELETE) since the last arm: those asked to sync the folder
 * after the unlink (synchronous=EXTRA), or not. */
unsigned long faultvfs_journal_deletes(bool dir_synced);

/* "read", "write", "sync", "truncate". */
const char *faultvfs_op_name(enum faultvfs_op op);

#endif
