/* SPDX-License-Identifier: MIT */
/* session.c: an open submission with its figures and checks. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "mem.h"
#include "session.h"
#include "validate.h"

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
	     store_open(path, mode, &s->st, err, errlen);
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

void session_close(struct session *s)
{
	if (!s)
		return;
	checks_free(&s->checks);
	figures_free(s->f);
	mem_free(s->export_acks);
	store_close(s->st);
	mem_free(s);
}

enum store_status session_refresh(struct session *s, char *err, size_t errlen)
{
	struct check_ack *acks = NULL;
	const struct store_ack *sa;
	size_t n;
	enum store_status rc;

	rc = store_nr_totals(s->st, &s->totals, err, errlen);
	if (rc != STORE_OK)
		return rc;
	figures_compute(s->f, s->a, &s->totals);
	checks_free(&s->checks);
	sa = store_acks(s->st, &n);
	if (n && !(acks = mem_calloc(n, sizeof *acks)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		acks[i].id = sa[i].id;
		acks[i].message = sa[i].message;
		acks[i].reason = sa[i].reason;
	}
	if (!checks_run(s->f, s->a, &s->checks) ||
	    !checks_apply_acks(&s->checks, acks, n))
		goto nomem;
	mem_free(acks);
	return STORE_OK;
nomem:
	mem_free(acks);
	snprintf(err, errlen, "%s: out of memory", store_path(s->st));
	return STORE_NOMEM;
}

enum store_status session_set_text(struct session *s, int q, const char *text,
                                   char *err, size_t errlen)
{
	char *canonical = NULL, why[300];
	enum store_status rc;

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
	if (rc != STORE_OK)
		return rc;
	/* The answer is saved: figures that cannot be recomputed just now
	 * (memory, a read error) must not make it look unsaved, which would
	 * have the user type again what the file already holds. */
	(void)session_refresh(s, err, errlen);
	return STORE_OK;
}

struct each_ctx {
	export_contract_fn fn;
	void *ctx;
	bool fn_ok;          /* false once fn refused */
};

static bool each_contract(void *ctx, const struct contract *c, int64_t pos)
{
	struct each_ctx *e = ctx;

	e->fn_ok = e->fn(e->ctx, c, pos);
	return e->fn_ok;
}

/* Adapts store_contract_each to the exporters' contract source; a read
 * that failed leaves its message in the session (fn's own refusal, a
 * failed write of the export, is the exporter's to tell). */
static bool contracts_src(void *src, export_contract_fn fn, void *ctx)
{
	struct session *s = src;
	struct each_ctx e = { fn, ctx, true };
	enum store_status rc;

	s->read_err[0] = '\0';
	rc = store_contract_each(s->st, each_contract, &e, s->read_err,
	                         sizeof s->read_err);
	if (rc != STORE_OK && e.fn_ok == true)
		return false;   /* the read failed: read_err says why */
	if (rc != STORE_OK)
		s->read_err[0] = '\0';
	return rc == STORE_OK;
}

void session_export_input(struct session *s, struct export_input *in)
{
	struct store_signoff so;
	struct export_ack *acks;
	const struct store_ack *sa;
	size_t n;

	memset(in, 0, sizeof *in);
	store_signoff(s->st, &so);
	in->ed = s->ed;
	in->a = s->a;
	in->f = s->f;
	in->checks = &s->checks;
	in->file = store_path(s->st);
	in->complete = so.complete;
	in->signed_by = so.by;
	in->signed_at = so.at;
	{
		char err[256];

		if (store_dates(s->st, s->made_at, s->changed_at, sizeof s->made_at,
		                err, sizeof err) != STORE_OK)
			s->made_at[0] = s->changed_at[0] = '\0';
	}
	in->created = s->made_at[0] ? s->made_at : NULL;
	in->changed = s->changed_at[0] ? s->changed_at : NULL;
	sa = store_acks(s->st, &n);
	mem_free(s->export_acks);
	acks = s->export_acks = n ? mem_calloc(n, sizeof *acks) : NULL;
	for (size_t i = 0; acks && i < n; i++) {
		acks[i].id = sa[i].id;
		acks[i].message = sa[i].message;
		acks[i].reason = sa[i].reason;
		acks[i].by = sa[i].by;
		acks[i].at = sa[i].at;
	}
	in->acks = acks;
	in->nacks = acks ? n : 0;
	in->contracts = contracts_src;
	in->contracts_src = s;
}
