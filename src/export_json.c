/* SPDX-License-Identifier: MIT */
/* export_json.c: the JSON export, which `apmwb import` reads back. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "checks.h"
#include "edition.h"
#include "export.h"
#include "figures.h"
#include "nominal.h"
#include "jsonout.h"

struct jw {
	FILE *out;
	bool first;      /* no member written yet at this level */
};

/* Starts a member "name": of an object, with the comma it needs. */
static void member(struct jw *w, const char *indent, const char *name)
{
	fputs(w->first ? "\n" : ",\n", w->out);
	w->first = false;
	fputs(indent, w->out);
	jsonout_string(w->out, name);
	fputs(": ", w->out);
}

/* An answer: a multi-select as an array of its values, else a string. */
static void answer_value(FILE *out, const struct question *q, const char *v)
{
	if (!v) {
		fputs("null", out);
		return;
	}
	if (q->type != Q_MULTI) {
		jsonout_string(out, v);
		return;
	}
	fputc('[', out);
	for (const char *p = v; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char item[256];

		snprintf(item, sizeof item, "%.*s", (int)len, p);
		if (p != v)
			fputs(", ", out);
		jsonout_string(out, item);
		p = nl ? nl + 1 : NULL;
	}
	fputc(']', out);
}

static void answers_object(FILE *out, const struct export_input *in,
                           bool hidden)
{
	const struct edition *ed = in->ed;
	struct jw w = { out, true };

	fputc('{', out);
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];
		const char *v = answers_get(in->a, (int)i);

		if (q->type == Q_COMPUTED || in->f->shown[i] == hidden)
			continue;
		if (hidden && !v)
			continue;
		member(&w, "    ", q->key);
		answer_value(out, q, v);
	}
	fputs(w.first ? "}" : "\n  }", out);
}

/* The names of a contract's members, each with what goes before it
 * (`"label": `, `, "line": `), made once from nominal's names. */
#define NAME_MAX_LEN 40
struct names {
	char text[NR_F_COUNT + NR_R_COUNT][NAME_MAX_LEN];
	size_t len[NR_F_COUNT + NR_R_COUNT];
};

static void names_init(struct names *nm)
{
	for (int i = 0; i < NR_F_COUNT + NR_R_COUNT; i++) {
		const char *name = i < NR_F_COUNT ?
			nominal_field_name((enum nr_field)i) :
			nominal_result_name((enum nr_result)(i - NR_F_COUNT));
		int len = snprintf(nm->text[i], sizeof nm->text[i], "%s\"%s\": ",
		                   i ? ", " : "", name);

		nm->len[i] = len > 0 && (size_t)len < sizeof nm->text[i] ?
		             (size_t)len : 0;
	}
}

/* The contracts are written through one large buffer, flushed when it
 * fills and after the last: a million contracts are a quarter of a
 * gigabyte of JSON, and a write of 64 KiB costs what one of 4 KiB does
 * (on the stack: export_json is the only one to use it). */
#define CONTRACTS_BLOCK 65536
struct contracts_ctx {
	struct jsonbuf j;
	bool first;
	struct names names;
	char block[CONTRACTS_BLOCK];
};

static bool contract_json(void *ctx, const struct contract *c, int64_t pos)
{
	struct contracts_ctx *cc = ctx;
	struct jsonbuf *j = &cc->j;
	const struct names *nm = &cc->names;
	char buf[NR_LABEL_MAX + 1];

	(void)pos;
	/* The names are plain words, not escaped. */
	if (cc->first)
		jsonbuf_put(j, "\n    {", 6);
	else
		jsonbuf_put(j, ",\n    {", 7);
	cc->first = false;
	for (int f = 0; f < NR_F_COUNT; f++) {
		nominal_format_field(c, (enum nr_field)f, buf, sizeof buf);
		jsonbuf_put(j, nm->text[f], nm->len[f]);
		jsonbuf_string(j, *buf ? buf : NULL);
	}
	/* The results, computed by the rule itself; import checks them. */
	for (int r = 0; r < NR_R_COUNT; r++) {
		char why[512];

		nominal_format_result(c, (enum nr_result)r, why, sizeof why);
		jsonbuf_put(j, nm->text[NR_F_COUNT + r], nm->len[NR_F_COUNT + r]);
		jsonbuf_string(j, *why ? why : NULL);
	}
	jsonbuf_put(j, "}", 1);
	return !ferror(j->out);
}

struct figures_ctx {
	struct jw w;
};

static void figure_json(void *ctx, const char *key, const char *label,
                        const char *value)
{
	struct figures_ctx *fc = ctx;

	(void)label;
	member(&fc->w, "    ", key);
	jsonout_string_or_null(fc->w.out, *value ? value : NULL);
}

static void keys_array(FILE *out, const char *keys)
{
	bool first = true;

	fputc('[', out);
	for (const char *p = keys; *p;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		char key[160];

		if (len) {
			snprintf(key, sizeof key, "%.*s", (int)len, p);
			if (!first)
				fputs(", ", out);
			jsonout_string(out, key);
			first = false;
		}
		p = sp ? sp + 1 : p + len;
	}
	fputc(']', out);
}

bool export_json(FILE *out, const struct export_input *in,
                 char *err, size_t errlen)
{
	struct contracts_ctx cc;
	struct figures_ctx fc = { { out, true } };

	fputs("{\n  \"format\": \"apmwb-submission\",\n  \"version\": 1,\n"
	      "  \"edition\": ", out);
	jsonout_string(out, in->ed->id);
	fputs(",\n  \"state\": {\"complete\": ", out);
	fputs(in->complete ? "true" : "false", out);
	fputs(", \"signed_by\": ", out);
	jsonout_string_or_null(out, in->signed_by);
	fputs(", \"signed_at\": ", out);
	jsonout_string_or_null(out, in->signed_at);
	fputs("},\n  \"answers\": ", out);
	answers_object(out, in, false);
	fputs(",\n  \"hidden_answers\": ", out);
	answers_object(out, in, true);

	fputs(",\n  \"contracts\": [", out);
	jsonbuf_init(&cc.j, out, cc.block, sizeof cc.block);
	cc.first = true;
	names_init(&cc.names);
	if (in->contracts && !in->contracts(in->contracts_src, contract_json, &cc)) {
		snprintf(err, errlen, "could not read the worksheet's contracts");
		return false;
	}
	jsonbuf_flush(&cc.j);
	fputs(cc.first ? "]" : "\n  ]", out);

	fputs(",\n  \"acknowledgements\": [", out);
	for (size_t i = 0; i < in->nacks; i++) {
		const struct export_ack *k = &in->acks[i];

		fputs(i ? ",\n    {\"check\": " : "\n    {\"check\": ", out);
		jsonout_string(out, k->id);
		fputs(", \"message\": ", out);
		jsonout_string_or_null(out, k->message);
		fputs(", \"reason\": ", out);
		jsonout_string_or_null(out, k->reason);
		fputs(", \"by\": ", out);
		jsonout_string_or_null(out, k->by);
		fputs(", \"at\": ", out);
		jsonout_string_or_null(out, k->at);
		fputc('}', out);
	}
	fputs(in->nacks ? "\n  ]" : "]", out);

	fputs(",\n  \"figures\": {", out);
	figures_each_computed(in->f, in->a, figure_json, &fc);
	fputs(fc.w.first ? "}" : "\n  }", out);

	fputs(",\n  \"checks\": [", out);
	for (size_t i = 0; in->checks && i < in->checks->n; i++) {
		const struct check_item *it = &in->checks->items[i];

		fputs(i ? ",\n    {\"severity\": " : "\n    {\"severity\": ", out);
		jsonout_string(out, severity_name(it->sev));
		fputs(", \"id\": ", out);
		jsonout_string(out, it->id);
		fputs(", \"keys\": ", out);
		keys_array(out, it->keys);
		fputs(", \"message\": ", out);
		jsonout_string(out, it->message);
		fputs(", \"acknowledged\": ", out);
		jsonout_string_or_null(out, it->ack_reason);
		fputc('}', out);
	}
	fputs(in->checks && in->checks->n ? "\n  ]\n}\n" : "]\n}\n", out);
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the export");
		return false;
	}
	return true;
}
