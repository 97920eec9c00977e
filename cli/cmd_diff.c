/* SPDX-License-Identifier: MIT */
/* cmd_diff.c: apmwb diff: what changed between two submissions.
 *
 * Both files are opened read-only.  The answers, figures, sign-off and
 * acknowledgements are compared key by key (diff.h); the worksheets are
 * compared as they stream from a cursor on each file (cdiff.h), so two
 * files of a million contracts each take no more memory than two of ten. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdiff.h"
#include "cli.h"
#include "diff.h"
#include "edition.h"
#include "export.h"
#include "jsonout.h"
#include "mem.h"
#include "store_cursor.h"

struct diff_opts {
	bool json;
};

struct diff_run {
	struct diff_opts o;
	FILE *out;
	struct session *old, *new;
	size_t changes;
	bool first;         /* no JSON change written yet */
	bool failed;        /* reading a worksheet failed: said, exit 2 */
	char err[1024];
};


/* ---- text ---- */

/* A value for one line of text: a multi-select's values joined by ", ",
 * any other line break as "\n". */
static void put_value(FILE *out, const struct session *s, const char *key,
                      const char *v)
{
	int q = key ? edition_find(s->ed, key) : -1;
	bool multi = q >= 0 && s->ed->qs[q].type == Q_MULTI;
	char *flat = mem_alloc(strlen(v) * 2 + 1), *p = flat;

	if (!flat) {
		fputs("(out of memory)", out);
		return;
	}
	for (const char *c = v; *c; c++) {
		if (*c != '\n') {
			*p++ = *c;
			continue;
		}
		*p++ = multi ? ',' : '\\';
		*p++ = multi ? ' ' : 'n';
	}
	*p = '\0';
	cli_print(out, flat);
	mem_free(flat);
}

static void text_side(struct diff_run *r, const struct session *s,
                      const char *key, const char *v, bool lacks)
{
	if (lacks) {
		fputs("(not in edition ", r->out);
		cli_print(r->out, s->ed->id);
		fputc(')', r->out);
	} else if (!v || !*v) {
		fputs("(blank)", r->out);
	} else {
		put_value(r->out, s, key, v);
	}
}

/* ---- JSON ---- */

static void json_start(struct diff_run *r)
{
	fputs(r->first ? "\n    {\"key\": " : ",\n    {\"key\": ", r->out);
	r->first = false;
}

static void json_value(FILE *out, const char *v)
{
	jsonout_string_or_null(out, v && *v ? v : NULL);
}

/* ---- the keys ---- */

static bool contracts_diff(struct diff_run *r);

static bool on_key(void *ctx, const struct diff_change *c)
{
	struct diff_run *r = ctx;

	if (!c->key)
		return contracts_diff(r);
	r->changes++;
	if (r->o.json) {
		json_start(r);
		jsonout_string_or_null(r->out, c->key);
		fputs(", \"old\": ", r->out);
		json_value(r->out, c->old_value);
		fputs(", \"new\": ", r->out);
		json_value(r->out, c->new_value);
		if (c->old_lacks)
			fputs(", \"old_lacks\": true", r->out);
		if (c->new_lacks)
			fputs(", \"new_lacks\": true", r->out);
		fputc('}', r->out);
	} else {
		cli_print(r->out, c->key);
		fputs(": ", r->out);
		text_side(r, r->old, c->key, c->old_value, c->old_lacks);
		fputs(" -> ", r->out);
		text_side(r, r->new, c->key, c->new_value, c->new_lacks);
		fputc('\n', r->out);
	}
	return !ferror(r->out);
}

/* ---- the contracts ---- */

/* "Acme ACO", or "#12" (1-based) for a contract without a label. */
static void contract_key(char *buf, size_t n, const struct contract *c,
                         int64_t pos, int field)
{
	int w;

	if (c->label && *c->label && field != NR_F_LABEL)
		w = snprintf(buf, n, "contract[%s]", c->label);
	else
		w = snprintf(buf, n, "contract[#%lld]", (long long)pos + 1);
	if (field >= 0 && w >= 0 && (size_t)w < n)
		snprintf(buf + w, n - (size_t)w, ".%s", field == CDIFF_F_STATUS ?
		         "status" : nominal_field_name((enum nr_field)field));
}

static void text_contract(FILE *out, const struct contract *c)
{
	char buf[NR_LABEL_MAX + 64];

	for (int f = NR_F_LINE; f < NR_F_COUNT; f++) {
		nominal_format_field(c, (enum nr_field)f, buf, sizeof buf);
		fprintf(out, "%s%s=%s", f == NR_F_LINE ? "" : " ",
		        nominal_field_name((enum nr_field)f), *buf ? buf : "(blank)");
	}
}

static void json_contract(FILE *out, const struct contract *c)
{
	char buf[NR_LABEL_MAX + 64];

	fputc('{', out);
	for (int f = 0; f < NR_F_COUNT; f++) {
		nominal_format_field(c, (enum nr_field)f, buf, sizeof buf);
		if (f)
			fputs(", ", out);
		jsonout_string_or_null(out, nominal_field_name((enum nr_field)f));
		fputs(": ", out);
		json_value(out, buf);
	}
	fputc('}', out);
}

static void json_pos(FILE *out, const char *name, int64_t pos)
{
	if (pos < 0)
		fprintf(out, ", \"%s\": null", name);
	else
		fprintf(out, ", \"%s\": %lld", name, (long long)pos + 1);
}

static bool on_contract(void *ctx, const struct cdiff_event *e)
{
	struct diff_run *r = ctx;
	const struct contract *c = e->new ? e->new : e->old;
	int64_t pos = e->new ? e->new_pos : e->old_pos;
	char key[NR_LABEL_MAX + 64];

	r->changes++;
	contract_key(key, sizeof key, c, pos, e->kind == CDIFF_CHANGED ?
	             e->field : -1);
	if (r->o.json) {
		json_start(r);
		jsonout_string_or_null(r->out, key);
		fputs(", \"contract\": ", r->out);
		jsonout_string_or_null(r->out, c->label);
		json_pos(r->out, "old_position", e->old_pos);
		json_pos(r->out, "new_position", e->new_pos);
		if (e->kind == CDIFF_CHANGED) {
			fputs(", \"field\": ", r->out);
			jsonout_string_or_null(r->out, e->field == CDIFF_F_STATUS ? "status" :
			                   nominal_field_name((enum nr_field)e->field));
			fputs(", \"old\": ", r->out);
			json_value(r->out, e->old_text);
			fputs(", \"new\": ", r->out);
			json_value(r->out, e->new_text);
		} else {
			fputs(", \"old\": ", r->out);
			if (e->old)
				json_contract(r->out, e->old);
			else
				fputs("null", r->out);
			fputs(", \"new\": ", r->out);
			if (e->new)
				json_contract(r->out, e->new);
			else
				fputs("null", r->out);
		}
		fputc('}', r->out);
		return !ferror(r->out);
	}
	cli_print(r->out, key);
	fputs(": ", r->out);
	if (e->kind == CDIFF_CHANGED) {
		cli_print(r->out, *e->old_text ? e->old_text : "(blank)");
		fputs(" -> ", r->out);
		cli_print(r->out, *e->new_text ? e->new_text : "(blank)");
	} else if (e->kind == CDIFF_ADDED) {
		fputs("(no contract) -> ", r->out);
		text_contract(r->out, e->new);
	} else {
		text_contract(r->out, e->old);
		fputs(" -> (no contract)", r->out);
	}
	fputc('\n', r->out);
	return !ferror(r->out);
}

static bool contracts_diff(struct diff_run *r)
{
	bool failed;
	bool ok = session_contracts_diff(r->old, r->new, on_contract, r,
	                                 &failed, r->err, sizeof r->err);

	if (failed)
		r->failed = true;
	return ok;
}

/* ---- the command ---- */

int cmd_diff(struct cmd_ctx *c)
{
	struct diff_run r = { .out = stdout, .first = true };
	struct diff_snapshot so = { 0 }, sn = { 0 };
	char **argv = c->argv;
	int i = 0, rc;

	/* precheck_format checked the name. */
	r.o.json = c->opt['f'] && strcmp(c->opt['f'], "json") == 0;
	rc = cli_open(argv[i], STORE_MODE_READ_ONLY, &r.old);
	if (rc == EXIT_DONE)
		rc = cli_open(argv[i + 1], STORE_MODE_READ_ONLY, &r.new);
	if (rc == EXIT_DONE &&
	    (session_snapshot(r.old, &so, r.err, sizeof r.err) != STORE_OK ||
	     session_snapshot(r.new, &sn, r.err, sizeof r.err) != STORE_OK)) {
		cli_error("%s", r.err);
		rc = EXIT_TROUBLE;
	}
	if (rc == EXIT_DONE) {
		if (r.o.json) {
			fputs("{\n  \"format\": \"apmwb-diff\",\n  \"version\": 1,\n"
			      "  \"old\": {\"file\": ", r.out);
			jsonout_string_or_null(r.out, argv[i]);
			fputs(", \"edition\": ", r.out);
			jsonout_string_or_null(r.out, so.edition);
			fputs("},\n  \"new\": {\"file\": ", r.out);
			jsonout_string_or_null(r.out, argv[i + 1]);
			fputs(", \"edition\": ", r.out);
			jsonout_string_or_null(r.out, sn.edition);
			fputs("},\n  \"changes\": [", r.out);
		}
		diff_snapshots(&so, &sn, on_key, &r);
		if (r.o.json)
			fprintf(r.out, "%s],\n  \"count\": %zu\n}\n",
			        r.first ? "" : "\n  ", r.changes);
		if (r.failed) {
			cli_error("%s", *r.err ? r.err : "diff: could not compare "
			          "the worksheets");
			rc = EXIT_TROUBLE;
		} else {
			rc = r.changes ? EXIT_PROBLEMS : EXIT_DONE;
		}
	}
	diff_snapshot_free(&so);
	diff_snapshot_free(&sn);
	session_close(r.old);
	session_close(r.new);
	if (fflush(r.out) != 0 || ferror(r.out)) {
		cli_error("diff: could not write the output");
		rc = EXIT_TROUBLE;
	}
	return rc;
}
