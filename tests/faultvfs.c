/* SPDX-License-Identifier: MIT */
/* faultvfs.c: a pass-through SQLite VFS that fails on purpose (tests).
 *
 * Each file it opens is the real VFS's file with our io_methods in front:
 * ours sits first in the sqlite3_file SQLite allocates, the real one right
 * after it.  Memory-mapped reads are declined (xFetch hands back no page),
 * so every read of the database goes through xRead and can be counted and
 * failed. */
#include <config.h>

#include <string.h>

#include <sqlite3.h>

#include "faultvfs.h"

#define FAULTVFS_NAME "apmwb-faultvfs"

struct fault_file {
	sqlite3_file base;       /* our methods */
	sqlite3_file *real;      /* the wrapped VFS's file, just after us */
};

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;

static unsigned long calls[FAULTVFS_NOPS];
static unsigned long journal_deletes[2];   /* [0] folder not synced, [1] synced */
static unsigned long injected;
static enum faultvfs_op armed_op;
static unsigned long armed_n;
static bool armed_sticky;
static int armed_code;

/* Counts a call of op; the code to fail it with, or SQLITE_OK. */
static int fault(enum faultvfs_op op)
{
	unsigned long n = ++calls[op];

	if (armed_n == 0 || op != armed_op)
		return SQLITE_OK;
	if (n == armed_n || (armed_sticky && n > armed_n)) {
		injected++;
		return armed_code;
	}
	return SQLITE_OK;
}

static sqlite3_file *real_of(sqlite3_file *f)
{
	return ((struct fault_file *)f)->real;
}

/* ---- the file ---- */

static int f_close(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);
	int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;

	f->pMethods = NULL;
	return rc;
}

static int f_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_READ);

	return rc ? rc : r->pMethods->xRead(r, buf, amt, off);
}

static int f_write(sqlite3_file *f, const void *buf, int amt,
                   sqlite3_int64 off)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_WRITE);

	return rc ? rc : r->pMethods->xWrite(r, buf, amt, off);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_TRUNCATE);

	return rc ? rc : r->pMethods->xTruncate(r, size);
}

static int f_sync(sqlite3_file *f, int flags)
{
	sqlite3_file *r = real_of(f);
	int rc = fault(FAULTVFS_SYNC);

	return rc ? rc : r->pMethods->xSync(r, flags);
}

static int f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xFileSize(r, size);
}

static int f_lock(sqlite3_file *f, int level)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xLock(r, level);
}

static int f_unlock(sqlite3_file *f, int level)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xUnlock(r, level);
}

static int f_check_lock(sqlite3_file *f, int *out)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xCheckReservedLock(r, out);
}

static int f_control(sqlite3_file *f, int op, void *arg)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xFileControl(r, op, arg);
}

static int f_sector(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xSectorSize(r);
}

static int f_device(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	return r->pMethods->xDeviceCharacteristics(r);
}

/* The shared-memory calls serve WAL, which our files never use; they are
 * passed on all the same. */
static int f_shm_map(sqlite3_file *f, int pg, int pgsz, int extend,
                     void volatile **pp)
{
	sqlite3_file *r = real_of(f);

	if (r->pMethods->iVersion < 2 || !r->pMethods->xShmMap)
		return SQLITE_IOERR_SHMMAP;
	return r->pMethods->xShmMap(r, pg, pgsz, extend, pp);
}

static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	sqlite3_file *r = real_of(f);

	if (r->pMethods->iVersion < 2 || !r->pMethods->xShmLock)
		return SQLITE_IOERR_SHMLOCK;
	return r->pMethods->xShmLock(r, offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
	sqlite3_file *r = real_of(f);

	if (r->pMethods->iVersion >= 2 && r->pMethods->xShmBarrier)
		r->pMethods->xShmBarrier(r);
}

static int f_shm_unmap(sqlite3_file *f, int del)
{
	sqlite3_file *r = real_of(f);

	if (r->pMethods->iVersion < 2 || !r->pMethods->xShmUnmap)
		return SQLITE_OK;
	return r->pMethods->xShmUnmap(r, del);
}

/* No mapped pages: SQLite then reads through xRead, which we count. */
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
	(void)f;
	(void)off;
	(void)amt;
	*pp = NULL;
	return SQLITE_OK;
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f;
	(void)off;
	(void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods fault_methods = {
	3,
	f_close, f_read, f_write, f_truncate, f_sync, f_size,
	f_lock, f_unlock, f_check_lock, f_control, f_sector, f_device,
	f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap,
	f_fetch, f_unfetch
};

/* ---- the VFS: opening ours, the rest passed through ---- */

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
                  int flags, int *out_flags)
{
	struct fault_file *ff = (struct fault_file *)f;
	int rc;

	(void)vfs;
	ff->base.pMethods = NULL;
	ff->real = (sqlite3_file *)(ff + 1);
	ff->real->pMethods = NULL;
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out_flags);
	/* SQLite calls xClose only when pMethods is set, even on failure. */
	if (ff->real->pMethods)
		ff->base.pMethods = &fault_methods;
	return rc;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	size_t n = strlen(name);

	(void)vfs;
	if (n > 8 && strcmp(name + n - 8, "-journal") == 0)
		journal_deletes[sync_dir != 0]++;
	return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int v_full(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
	(void)vfs;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void v_dlerror(sqlite3_vfs *vfs, int n, char *msg)
{
	(void)vfs;
	real_vfs->xDlError(real_vfs, n, msg);
}

static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
	(void)vfs;
	return real_vfs->xDlSym(real_vfs, h, sym);
}

static void v_dlclose(sqlite3_vfs *vfs, void *h)
{
	(void)vfs;
	real_vfs->xDlClose(real_vfs, h);
}

static int v_random(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return real_vfs->xSleep(real_vfs, us);
}

static int v_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int v_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int v_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

int faultvfs_install(void)
{
	int rc;

	if (!real_vfs) {
		sqlite3_vfs *dflt = sqlite3_vfs_find(NULL);

		if (!dflt)
			return SQLITE_ERROR;
		/* xCurrentTimeInt64 is a version 2 member; unix has it. */
		if (dflt->iVersion < 2 || !dflt->xCurrentTimeInt64)
			return SQLITE_ERROR;
		real_vfs = dflt;
		fault_vfs.iVersion = 2;
		fault_vfs.szOsFile = (int)sizeof(struct fault_file) +
		                     real_vfs->szOsFile;
		fault_vfs.mxPathname = real_vfs->mxPathname;
		fault_vfs.zName = FAULTVFS_NAME;
		fault_vfs.xOpen = v_open;
		fault_vfs.xDelete = v_delete;
		fault_vfs.xAccess = v_access;
		fault_vfs.xFullPathname = v_full;
		fault_vfs.xDlOpen = v_dlopen;
		fault_vfs.xDlError = v_dlerror;
		fault_vfs.xDlSym = v_dlsym;
		fault_vfs.xDlClose = v_dlclose;
		fault_vfs.xRandomness = v_random;
		fault_vfs.xSleep = v_sleep;
		fault_vfs.xCurrentTime = v_time;
		fault_vfs.xGetLastError = v_last_error;
		fault_vfs.xCurrentTimeInt64 = v_time64;
	}
	rc = sqlite3_vfs_register(&fault_vfs, 1);
	return rc;
}

void faultvfs_uninstall(void)
{
	if (real_vfs)
		sqlite3_vfs_register(real_vfs, 1);
}

void faultvfs_arm(enum faultvfs_op op, unsigned long n, bool sticky,
                  int code)
{
	memset(calls, 0, sizeof calls);
	memset(journal_deletes, 0, sizeof journal_deletes);
	injected = 0;
	armed_op = op;
	armed_n = n;
	armed_sticky = sticky;
	armed_code = code;
}

void faultvfs_disarm(void)
{
	armed_n = 0;
}

unsigned long faultvfs_calls(enum faultvfs_op op)
{
	return calls[op];
}

unsigned long faultvfs_injected(void)
{
	return injected;
}

const char *faultvfs_op_name(enum faultvfs_op op)
{
	static const char *const names[FAULTVFS_NOPS] = {
		"read", "write", "sync", "truncate"
	};

	return op < FAULTVFS_NOPS ? names[op] : "?";
}

unsigned long faultvfs_journal_deletes(bool dir_synced)
{
	return journal_deletes[dir_synced];
}
