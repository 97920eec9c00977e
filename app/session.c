/* SPDX-License-Identifier: MIT */
/* session.c: an open submission, and every change to it (session.h). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ack.h"
#include "answers.h"
#include "contracts_csv.h"
#include "edition.h"
#include "mem.h"
#include "session.h"
#include "session_internal.h"
#include "validate.h"

/* session_use_edition's: the edition opens use when the file's is it. */
static const struct edition *own_edition;

void session_use_edition(const struct edition *ed)
{
	own_edition = ed;
}

static enum store_status open_session(const char *path,
                                      enum store_mode mode, bool create,
                                      const struct edition *known,
                                      struct session **out,
                                      char *err, size_t errlen)
{
	struct session *s;
	enum store_status rc;

	*out = NULL;
	s = mem_calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, "%s: out of memory", path);
		return STORE_NOMEM;
	}
	rc = known ? store_open_known(path, known, &s->st, err, errlen) :
	     store_open_edition(path, mode, own_edition, &s->st, err, errlen);
	if (rc == STORE_NOT_FOUND && create && mode == STORE_MODE_READ_WRITE) {
		rc = store_create(path, &s->st, err, errlen);
		s->created = rc == STORE_OK;
	}
	if (rc != STORE_OK) {
		mem_free(s);
		return rc;
	}
	s->ed = store_edition(s->st);
	s->a = store_answers(s->st);
	s->f = figures_new(s->ed);
	if (!s->f) {
		session_close(s);
		snprintf(err, errlen, "%s: out of memory", path);
		return STORE_NOMEM;
	}
	rc = session_refresh(s, err, errlen);
	if (rc != STORE_OK) {
		session_close(s);
		return rc;
	}
	*out = s;
	return STORE_OK;
}

enum store_status session_open(const char *path, enum store_mode mode,
                               bool create, struct session **out,
                               char *err, size_t errlen)
{
	return open_session(path, mode, create, NULL, out, err, errlen);
}

enum store_status session_open_known(const char *path,
                                     const struct edition *known,
                                     struct session **out,
                                     char *err, size_t errlen)
{
	return open_session(path, STORE_MODE_READ_ONLY, false, known, out, err,
	                    errlen);
}

enum store_status session_open_workbook(const char *path, bool read_only,
                                        struct session **out, char *err,
                                        size_t errlen)
{
	return session_open(path, read_only ? STORE_MODE_READ_ONLY :
	                    STORE_MODE_EDIT_CHECK_LATER, false, out, err, errlen);
}

enum store_status session_check_workbook(struct session *s, char *err,
                                         size_t errlen)
{
	/* An open that had to write (bringing the file up to date, out of
	 * WAL) has read every page already. */
	return store_verify(s->st, (store_pages_checked(s->st) ? 0 :
	                    STORE_VERIFY_PAGES) | STORE_VERIFY_TOTALS, err,
	                    errlen);
}

void session_against_free(struct session_against *g)
{
	if (!g)
		return;
	diff_snapshot_free(&g->old);
	diff_snapshot_free(&g->cur);
	mem_free(g->con);
	mem_free(g->path);
	mem_free(g);
}

void session_against_close(struct session *s)
{
	session_against_free(s->against);
	s->against = NULL;
}

void session_close(struct session *s)
{
	if (!s)
		return;
	checks_free(&s->checks);
	checks_free(&s->pchecks);
	figures_free(s->f);
	figures_free(s->pf);
	answers_free(s->scratch);
	mem_free(s->export_acks);
	session_against_close(s);
	store_close(s->st);
	mem_free(s);
}

bool session_checks(struct session *s, const struct figures *f,
                    const struct answers *a, struct check_list *out)
{
	struct check_ack *acks = NULL;
	const struct store_ack *sa;
	size_t n;
	bool ok;

	checks_free(out);
	sa = store_acks(s->st, &n);
	if (n && !(acks = mem_calloc(n, sizeof *acks)))
		return false;
	for (size_t i = 0; i < n; i++) {
		acks[i].id = sa[i].id;
		acks[i].message = sa[i].message;
		acks[i].reason = sa[i].reason;
		acks[i].by = sa[i].by;
		acks[i].at = sa[i].at;
	}
	ok = checks_run(f, a, out) && checks_apply_acks(out, acks, n);
	mem_free(acks);
	return ok;
}

enum store_status session_refresh(struct session *s, char *err, size_t errlen)
{
	enum store_status rc;

	rc = store_nr_totals(s->st, &s->totals, err, errlen);
	if (rc != STORE_OK)
		return rc;
	figures_compute(s->f, s->a, &s->totals);
	if (!session_checks(s, s->f, s->a, &s->checks)) {
		snprintf(err, errlen, "%s: out of memory", store_path(s->st));
		return STORE_NOMEM;
	}
	return STORE_OK;
}

/* After a change the store saved: the figures once, and the screens told.
 * The change stands even when the figures cannot be recomputed just now
 * (memory, a read error): reporting it unsaved would have the user type
 * again what the file already holds, so the status stays the change's. */
static enum store_status changed(struct session *s, enum store_status rc,
                                 char *err, size_t errlen)
{
	char why[512];

	if (rc != STORE_OK)
		return rc;
	s->gen++;
	if (session_refresh(s, why, sizeof why) != STORE_OK)
		snprintf(err, errlen, "%s", why);
	return STORE_OK;
}

/* ---- long work ---- */

void session_set_progress(struct session *s, store_progress_fn fn, void *ctx)
{
	store_set_progress(s->st, fn, ctx);
}

enum store_status session_find(struct session *s, const char *needle,
                               int64_t from, enum store_find_dir dir,
                               struct store_found *out,
                               char *err, size_t errlen)
{
	return store_contract_find(s->st, needle, from, dir, out, err, errlen);
}

/* ---- answers ---- */

enum store_status session_set_text(struct session *s, int q, const char *text,
                                   char *err, size_t errlen)
{
	char *canonical = NULL, why[300];
	enum store_status rc;

	if (q < 0 || (size_t)q >= s->ed->nq) {
		snprintf(err, errlen, "%s: no question number %d in its edition",
		         store_path(s->st), q);
		return STORE_INVALID;
	}
	if (!validate_answer(s->ed, q, text, &canonical, why, sizeof why)) {
		/* No fault of the value: not a refusal, nothing to retype. */
		if (strcmp(why, "out of memory") == 0) {
			snprintf(err, errlen, "%s: not saved: out of memory",
			         store_path(s->st));
			return STORE_NOMEM;
		}
		snprintf(err, errlen, "%s %s", s->ed->qs[q].key, why);
		return STORE_INVALID;
	}
	rc = store_set_answer(s->st, q, canonical, err, errlen);
	mem_free(canonical);
	if (rc == STORE_UNCHANGED)
		return rc;
	return changed(s, rc, err, errlen);
}

/* ---- the worksheet ---- */

enum store_status session_contract_insert(struct session *s, int64_t after,
                                          struct contract *c, int64_t *pos,
                                          char *err, size_t errlen)
{
	return changed(s, store_contract_insert(s->st, after, c, pos, err,
	                                        errlen), err, errlen);
}

enum store_status session_contract_update(struct session *s,
                                          const struct contract *c,
                                          char *err, size_t errlen)
{
	return changed(s, store_contract_update(s->st, c, err, errlen), err,
	               errlen);
}

enum store_status session_contract_delete(struct session *s, int64_t id,
                                          char *err, size_t errlen)
{
	return changed(s, store_contract_delete(s->st, id, err, errlen), err,
	               errlen);
}

/* What the CSV reader hands each contract to: the store, and how its last
 * save went (a full disk is trouble, not a bad row: its message is the
 * store's own, with no line of the CSV to blame). */
struct import_ctx {
	struct store *st;
	enum store_status rc;
	char trouble[1024];
};

static bool add_contract(void *ctx, const struct contract *c, size_t line,
                         char *err, size_t errlen)
{
	struct import_ctx *ic = ctx;

	(void)line;
	ic->rc = store_contracts_replace_add(ic->st, c, err, errlen);
	if (ic->rc != STORE_OK && ic->rc != STORE_INVALID)
		snprintf(ic->trouble, sizeof ic->trouble, "%s", err);
	return ic->rc == STORE_OK;
}

/* The last report of a piece of long work, so its line can go. */
static void tell_end(struct session *s, const char *what)
{
	struct store_progress last = { what, "", 0, 0, true };

	store_progress_tell(s->st, &last);
}

/* Feeds the CSV through the reader into the open replacement, telling
 * how many of its bytes are read; *stopped when asked to stop. */
static bool feed_all(struct store *st, struct contracts_csv *p,
                     const char *first, size_t nfirst, session_read_fn rd,
                     void *ctx, uint64_t size, size_t *rows, bool *stopped,
                     char *err, size_t errlen)
{
	struct store_progress pr = { "importing", "bytes", nfirst, size, false };
	char buf[65536];
	ssize_t n;

	if (!contracts_csv_feed(p, first, nfirst, err, errlen))
		return false;
	while ((n = rd(ctx, buf, sizeof buf)) != 0) {
		if (n < 0 && errno != EINTR)
			break;
		/* A read cut short by a signal asks whether to stop. */
		if (n > 0 && !contracts_csv_feed(p, buf, (size_t)n, err, errlen))
			return false;
		pr.done += n > 0 ? (uint64_t)n : 0;
		if (!store_progress_tell(st, &pr)) {
			*stopped = true;
			return false;
		}
	}
	if (n < 0) {
		snprintf(err, errlen, "could not read: %s", strerror(errno));
		return false;
	}
	return contracts_csv_finish(p, rows, err, errlen);
}

enum store_status session_import_contracts(struct session *s,
                                           const char *first, size_t nfirst,
                                           session_read_fn rd, void *ctx,
                                           uint64_t size, bool fractions,
                                           struct session_import *out,
                                           char *err, size_t errlen)
{
	struct import_ctx ic = { s->st, STORE_OK, "" };
	struct contracts_csv *p;
	enum store_status rc;
	char end[512];
	bool ok, stopped = false;

	memset(out, 0, sizeof *out);
	p = contracts_csv_new(add_contract, &ic);
	if (!p) {
		snprintf(err, errlen, "%s: nothing imported: out of memory",
		         store_path(s->st));
		return STORE_NOMEM;
	}
	contracts_csv_set_fractions(p, fractions);
	rc = store_contracts_replace_begin(s->st, err, errlen);
	if (rc != STORE_OK) {
		contracts_csv_free(p);
		return rc;
	}
	out->replaced = store_contracts_replaced(s->st);
	ok = feed_all(s->st, p, first, nfirst, rd, ctx, size, &out->rows,
	              &stopped, err, errlen);
	contracts_csv_free(p);
	if (!ok) {
		store_contracts_replace_end(s->st, false, end, sizeof end);
		tell_end(s, "importing");
		if (stopped) {
			snprintf(err, errlen, "%s: the import was interrupted; nothing "
			         "was imported", store_path(s->st));
			return STORE_INTERRUPTED;
		}
		if (*ic.trouble) {
			snprintf(err, errlen, "%s", ic.trouble);
			return ic.rc;
		}
		out->source_fault = true;
		return ic.rc == STORE_OK ? STORE_INVALID : ic.rc;
	}
	{
		/* The last of it, writing the whole worksheet, is one step. */
		struct store_progress saving = { "saving", "", 0, 0, false };

		store_progress_tell(s->st, &saving);
	}
	rc = store_contracts_replace_end(s->st, true, err, errlen);
	tell_end(s, "importing");
	return changed(s, rc, err, errlen);
}

/* The import's own rule: an acknowledgement of an error is refused. */
static bool ack_of_warning(void *ctx, const char *id, char *why,
                           size_t whylen)
{
	(void)ctx;
	if (checks_id_severity(id) != SEV_ERROR)
		return true;
	snprintf(why, whylen, "'%s' is an error, and errors cannot be "
	         "acknowledged: fix it", id);
	return false;
}

enum store_status session_import_json(struct session *s, const char *json,
                                      size_t len, char *err, size_t errlen)
{
	return session_import_json_read(s, json, len, NULL, NULL, len, err,
	                                 errlen);
}

enum store_status session_import_json_read(struct session *s,
                                           const char *first, size_t nfirst,
                                           session_read_fn rd, void *ctx,
                                           uint64_t size, char *err,
                                           size_t errlen)
{
	enum store_status rc;

	rc = store_import_json_read(s->st, first, nfirst, rd, ctx, size,
	                            ack_of_warning, NULL, err, errlen);
	return changed(s, rc, err, errlen);
}

/* ---- acknowledgements, sign-off, undo ---- */

enum store_status session_ack(struct session *s, const char *id,
                              const char *reason, char *err, size_t errlen)
{
	const struct check_item *it = NULL;
	const char *path = store_path(s->st);
	enum store_status rc;

	for (size_t k = 0; k < s->checks.n && !it; k++)
		if (strcmp(s->checks.items[k].id, id) == 0)
			it = &s->checks.items[k];
	if (!it) {
		snprintf(err, errlen, "%s has no check '%s' now; `apmwb check %s` "
		         "lists them", path, id, path);
		return STORE_INVALID;
	}
	if (it->sev == SEV_ERROR) {
		snprintf(err, errlen, "'%s' is an error, and errors cannot be "
		         "acknowledged: fix it", it->id);
		return STORE_INVALID;
	}
	rc = store_ack(s->st, it->id, it->message, reason, err, errlen);
	if (rc == STORE_UNCHANGED)
		return rc;
	return changed(s, rc, err, errlen);
}

enum store_status session_complete(struct session *s, const char *name,
                                   char *err, size_t errlen)
{
	const char *path = store_path(s->st);
	size_t n = s->checks.errors;

	if (n) {
		snprintf(err, errlen, "%s: not signed off: %zu error%s remain%s; "
		         "`apmwb check %s` lists them", path, n, n == 1 ? "" : "s",
		         n == 1 ? "s" : "", path);
		return STORE_INVALID;
	}
	return changed(s, store_complete(s->st, name, err, errlen), err, errlen);
}

enum store_status session_undo(struct session *s, char *what, size_t whatlen,
                               char *err, size_t errlen)
{
	return changed(s, store_undo(s->st, what, whatlen, err, errlen), err,
	               errlen);
}

enum store_status session_contract_page(struct session *s, int64_t from,
                                        size_t max, struct contract *out,
                                        size_t *got, char *err, size_t errlen)
{
	return store_contract_page(s->st, from, max, out, got, err, errlen);
}
