/* SPDX-License-Identifier: MIT */
/* session_export.c: a submission written out, for the command line and the
 * screen alike: the exporters' input from the session, and one function
 * per format (session.h). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "mem.h"
#include "qualtrics_map.h"
#include "session.h"

struct each_ctx {
	struct session *s;
	export_contract_fn fn;
	void *ctx;
	bool fn_ok;          /* false once fn refused */
	bool stopped;        /* the progress function asked to stop */
};

static bool each_contract(void *ctx, const struct contract *c, int64_t pos)
{
	struct each_ctx *e = ctx;

	if ((pos + 1) % STORE_PROGRESS_ROWS == 0) {
		struct store_progress p = {
			"exporting", "contracts", (uint64_t)pos + 1,
			(uint64_t)e->s->totals.contracts, false
		};

		if (!store_progress_tell(e->s->st, &p)) {
			e->stopped = true;
			return false;
		}
	}
	e->fn_ok = e->fn(e->ctx, c, pos);
	return e->fn_ok;
}

/* Adapts store_contract_each to the exporters' contract source; a read
 * that failed leaves its message in the session (fn's own refusal, a
 * failed write of the export, is the exporter's to tell). */
static bool contracts_src(void *src, export_contract_fn fn, void *ctx)
{
	struct session *s = src;
	struct each_ctx e = { s, fn, ctx, true, false };
	enum store_status rc;

	s->read_err[0] = '\0';
	rc = store_contract_each(s->st, each_contract, &e, s->read_err,
	                         sizeof s->read_err);
	{
		struct store_progress last = { "exporting", "", 0, 0, true };

		store_progress_tell(s->st, &last);
	}
	if (e.stopped) {
		snprintf(s->read_err, sizeof s->read_err, "%s: the export was "
		         "interrupted", store_path(s->st));
		return false;
	}
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

int session_format_from_name(const char *name)
{
	static const char *const names[] = {
		[SESSION_FORMAT_SHOW] = "show", [SESSION_FORMAT_JSON] = "json",
		[SESSION_FORMAT_CSV] = "csv", [SESSION_FORMAT_QUALTRICS] = "qualtrics",
		[SESSION_FORMAT_CONTRACTS] = "contracts",
	};

	for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

bool session_export(struct session *s, enum session_format fmt, FILE *out,
                    const struct qualtrics_map *map, int width, bool excel,
                    char *err, size_t errlen)
{
	struct qualtrics_map *own = NULL;
	struct export_input in;
	bool ok;

	session_export_input(s, &in);
	if (excel && (fmt == SESSION_FORMAT_CSV || fmt == SESSION_FORMAT_CONTRACTS))
		csvout_bom(out);
	switch (fmt) {
	case SESSION_FORMAT_SHOW:
		ok = export_show(out, &in, width, err, errlen);
		break;
	case SESSION_FORMAT_JSON:
		ok = export_json(out, &in, err, errlen);
		break;
	case SESSION_FORMAT_CSV:
		ok = export_csv(out, &in, err, errlen);
		break;
	case SESSION_FORMAT_QUALTRICS:
		if (!map && !(map = own = qualtrics_map_builtin(s->ed, err, errlen)))
			return false;
		ok = export_qualtrics(out, &in, map, err, errlen);
		break;
	case SESSION_FORMAT_CONTRACTS:
		ok = export_contracts(out, &in, err, errlen);
		break;
	default:
		snprintf(err, errlen, "no such format");
		ok = false;
	}
	qualtrics_map_free(own);
	/* A read of the file that failed says so in the file's words. */
	if (!ok && *s->read_err)
		snprintf(err, errlen, "%s", s->read_err);
	return ok;
}
