/* SPDX-License-Identifier: MIT */
/* codebook.c: every key of an edition, and how to write the list. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "codebook.h"
#include "csvout.h"
#include "edition.h"
#include "figures.h"
#include "jsonout.h"
#include "mem.h"
#include "sanitize.h"
#include "wrap.h"

char *codebook_wording(const struct edition *ed, const struct question *q)
{
	if (q->denominator >= 0)
		return mem_printf("%s row %s: %s", ed->tabs[q->tab].title,
		                  q->row ? q->row : "?", q->label);
	if (q->model && q->lob != LOB_NONE)
		return mem_printf("%s - %s - %s", q->prompt ? q->prompt : "",
		                  q->label, edition_line_short(ed, q->lob));
	if (q->prompt && *q->prompt && strcmp(q->prompt, q->label) != 0)
		return mem_printf("%s - %s", q->prompt, q->label);
	return mem_strdup(q->label);
}

void codebook_free(struct codebook *cb)
{
	if (!cb)
		return;
	for (size_t i = 0; i < cb->n; i++) {
		mem_free(cb->e[i].key);
		mem_free(cb->e[i].wording);
		mem_free(cb->e[i].shown);
	}
	mem_free(cb->e);
	mem_free(cb);
}

struct build {
	struct codebook *cb;
	size_t cap;
	bool nomem;
};

static struct codebook_entry *add(struct build *b, const char *key,
                                  char *wording, const char *shown)
{
	struct codebook_entry *e;

	if (b->nomem || !wording) {
		mem_free(wording);
		b->nomem = true;
		return NULL;
	}
	if (b->cb->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		struct codebook_entry *ne = mem_realloc_array(b->cb->e, cap,
		                                              sizeof *ne);

		if (!ne) {
			mem_free(wording);
			b->nomem = true;
			return NULL;
		}
		b->cb->e = ne;
		b->cap = cap;
	}
	e = &b->cb->e[b->cb->n];
	memset(e, 0, sizeof *e);
	e->q = -1;
	e->wording = wording;
	e->key = mem_strdup(key);
	e->shown = mem_strdup(shown ? shown : "always");
	b->cb->n++;
	if (!e->key || !e->shown)
		b->nomem = true;
	return e;
}

static void add_figure(void *ctx, const struct figure_def *d)
{
	static const char *const types[] = {
		[FIG_DOLLARS] = "money", [FIG_SHARE] = "share",
		[FIG_YESNO] = "yesno",
	};
	struct build *b = ctx;
	const struct edition *ed = b->cb->ed;
	const struct question *q = d->q >= 0 ? &ed->qs[d->q] : NULL;
	struct codebook_entry *e;
	char *wording;

	if (q)
		wording = mem_printf("%s row %s: %s", ed->tabs[q->tab].title,
		                     q->row ? q->row : "?", d->label);
	else
		wording = mem_strdup(d->label);
	e = add(b, d->key, wording, d->shown);
	if (!e)
		return;
	e->tab = d->tab;
	e->type = types[d->kind];
	e->computed = true;
	if (q && strcmp(q->key, d->key) == 0)
		e->q = d->q;
}

struct codebook *codebook_new(const struct edition *ed)
{
	struct build b = { NULL, 0, false };

	if (!(b.cb = mem_calloc(1, sizeof *b.cb)))
		return NULL;
	b.cb->ed = ed;
	for (size_t i = 0; i < ed->nq && !b.nomem; i++) {
		const struct question *q = &ed->qs[i];
		struct codebook_entry *e;

		if (q->type == Q_COMPUTED)
			continue;     /* listed with the figures */
		e = add(&b, q->key, codebook_wording(ed, q), q->show_if_text);
		if (!e)
			break;
		e->tab = q->tab;
		e->type = qtype_name(q->type);
		e->q = (int)i;
		e->yesno = q->type == Q_YESNO;
		e->choices = q->type == Q_CHOICE || q->type == Q_MULTI ?
		             q->choices : NULL;
	}
	b.cb->nanswers = b.cb->n;
	if (!b.nomem)
		figures_each_key(ed, add_figure, &b);
	if (b.nomem) {
		codebook_free(b.cb);
		return NULL;
	}
	return b.cb;
}

const struct codebook_entry *codebook_find(const struct codebook *cb,
                                           const char *key)
{
	for (size_t i = 0; i < cb->n; i++)
		if (strcmp(cb->e[i].key, key) == 0)
			return &cb->e[i];
	return NULL;
}

/* ---- the nearest key ---- */

#define NEAR_MAX 128

/* Edits from a to b (optimal string alignment: insert, delete, substitute,
 * swap two neighbours), or NEAR_MAX for keys too long to be worth it.
 * Three rows of the table are all it needs. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t rows[3][NEAR_MAX + 1], *two = rows[0], *one = rows[1],
	       *cur = rows[2], *t;

	if (la > NEAR_MAX || lb > NEAR_MAX)
		return NEAR_MAX;
	for (size_t j = 0; j <= lb; j++)
		one[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = one[j] + 1;

			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (one[j - 1] + cost < best)
				best = one[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
		t = two;
		two = one;
		one = cur;
		cur = t;
	}
	return one[lb];
}

/* Characters a and b have in common, counted with repeats: of two keys as
 * near, the one made of the same letters is the slip (m31 for m13). */
static size_t common_letters(const char *a, const char *b)
{
	size_t ca[256] = { 0 }, n = 0;

	for (; *a; a++)
		ca[(unsigned char)*a]++;
	for (; *b; b++)
		if (ca[(unsigned char)*b]) {
			ca[(unsigned char)*b]--;
			n++;
		}
	return n;
}

static size_t common_start(const char *a, const char *b)
{
	size_t n = 0;

	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

const char *codebook_nearest(const struct codebook *cb, const char *key)
{
	size_t len = strlen(key), limit = (len + 2) / 3 > 2 ? (len + 2) / 3 : 2;
	/* What makes a key nearer, in order: fewer edits, more letters in
	 * common, a length closer to the one typed, a longer common start. */
	size_t best[4] = { SIZE_MAX, 0, 0, 0 };
	const char *near = NULL;

	for (size_t i = 0; i < cb->n; i++) {
		const char *k = cb->e[i].key;
		size_t kl = strlen(k);
		size_t m[4] = {
			distance(key, k), common_letters(key, k),
			kl > len ? kl - len : len - kl, common_start(key, k),
		};
		int better = 0;

		if (m[0] > limit)
			continue;
		for (int j = 0; j < 4 && !better; j++)
			if (m[j] != best[j])
				better = (j == 0 || j == 2) ? (m[j] < best[j] ? 1 : -1) :
				         (m[j] > best[j] ? 1 : -1);
		if (better > 0) {
			near = k;
			memcpy(best, m, sizeof best);
		}
	}
	return near;
}

void codebook_hint(const struct edition *ed, const char *key, char *buf,
                   size_t n)
{
	struct codebook *cb = codebook_new(ed);
	const char *near = cb ? codebook_nearest(cb, key) : NULL;

	snprintf(buf, n, "%s%s%s`apmwb keys` lists every key",
	         near ? "did you mean " : "", near ? near : "",
	         near ? "? " : "");
	codebook_free(cb);
}

/* ---- writing ---- */

static const char *tab_id(const struct codebook *cb,
                          const struct codebook_entry *e)
{
	return cb->ed->tabs[e->tab].id;
}

struct indent {
	FILE *out;
	const char *prefix;
	const char *more;        /* the prefix of lines after the first, or NULL */
};

static void indented(void *ctx, const char *line, size_t n)
{
	struct indent *in = ctx;

	fprintf(in->out, "%s%.*s\n", in->prefix, (int)n, line);
	if (in->more)
		in->prefix = in->more;
}

static void write_text(FILE *out, const struct codebook *cb)
{
	const struct edition *ed = cb->ed;
	int tab = -1;
	char head[256];

	snprintf(head, sizeof head, "The keys of the %s edition of %s (%s): %zu "
	         "keys, %zu answers and %zu computed figures, as get, set, "
	         "import and every export name them.", ed->id, ed->title,
	         ed->form, cb->n, cb->nanswers, cb->n - cb->nanswers);
	wrap_text(head, 80, indented, &(struct indent){ out, "", NULL });
	for (size_t i = 0; i < cb->n; i++) {
		const struct codebook_entry *e = &cb->e[i];
		struct indent in = { out, "    ", NULL };

		if (i == cb->nanswers)
			fprintf(out, "\nComputed figures (get and the exports give "
			        "them; they are never typed)\n");
		if (e->tab != tab && i < cb->nanswers)
			fprintf(out, "\n%s (%s)\n", ed->tabs[e->tab].title,
			        tab_id(cb, e));
		tab = e->tab;
		fprintf(out, "\n  %s  %s%s, tab %s\n", e->key, e->type,
		        e->computed ? " (computed)" : "", tab_id(cb, e));
		wrap_text(e->wording, 76, indented, &in);
		if (e->yesno)
			fprintf(out, "    choices: yes (Yes), no (No)\n");
		if (e->choices)
			fprintf(out, "    choices:\n");
		for (size_t c = 0; e->choices && c < e->choices->n; c++) {
			char *line = mem_printf("%s: %s", e->choices->items[c].value,
			                        e->choices->items[c].label);
			struct indent ch = { out, "      ", "        " };

			wrap_text(line ? line : e->choices->items[c].value, 72,
			          indented, &ch);
			mem_free(line);
		}
		in.prefix = "    shown: ";
		in.more = "           ";
		wrap_text(e->shown, 69, indented, &in);
	}
}

/* The choices, one "value: label" per line. */
static char *choices_text(const struct codebook_entry *e)
{
	char *s = mem_strdup(""), *t;

	if (s && e->yesno) {
		mem_free(s);
		return mem_strdup("yes: Yes\nno: No");
	}
	for (size_t c = 0; s && e->choices && c < e->choices->n; c++) {
		t = mem_printf("%s%s%s: %s", s, c ? "\n" : "",
		               e->choices->items[c].value,
		               e->choices->items[c].label);
		mem_free(s);
		s = t;
	}
	return s;
}

static bool write_csv(FILE *out, const struct codebook *cb)
{
	fputs("key,tab,type,computed,wording,choices,shown", out);
	csvout_end(out);
	for (size_t i = 0; i < cb->n; i++) {
		const struct codebook_entry *e = &cb->e[i];
		char *choices = choices_text(e);

		if (!choices)
			return false;
		/* The key first: completion scripts read that column. */
		csvout_field(out, e->key);
		fputc(',', out);
		csvout_field(out, tab_id(cb, e));
		fputc(',', out);
		csvout_field(out, e->type);
		fputs(e->computed ? ",yes," : ",no,", out);
		csvout_field(out, e->wording);
		fputc(',', out);
		csvout_field(out, choices);
		fputc(',', out);
		csvout_field(out, e->shown);
		csvout_end(out);
		mem_free(choices);
	}
	return true;
}

static void write_json(FILE *out, const struct codebook *cb)
{
	fputs("{\n  \"edition\": ", out);
	jsonout_string(out, cb->ed->id);
	fprintf(out, ",\n  \"count\": %zu,\n  \"keys\": [", cb->n);
	for (size_t i = 0; i < cb->n; i++) {
		const struct codebook_entry *e = &cb->e[i];

		fputs(i ? ",\n    {\"key\": " : "\n    {\"key\": ", out);
		jsonout_string(out, e->key);
		fputs(", \"tab\": ", out);
		jsonout_string(out, tab_id(cb, e));
		fputs(", \"type\": ", out);
		jsonout_string(out, e->type);
		fprintf(out, ", \"computed\": %s, \"wording\": ",
		        e->computed ? "true" : "false");
		jsonout_string(out, e->wording);
		fputs(", \"choices\": ", out);
		if (e->yesno) {
			fputs("[{\"value\": \"yes\", \"label\": \"Yes\"}, "
			      "{\"value\": \"no\", \"label\": \"No\"}]", out);
		} else if (e->choices) {
			fputc('[', out);
			for (size_t c = 0; c < e->choices->n; c++) {
				fputs(c ? ", {\"value\": " : "{\"value\": ", out);
				jsonout_string(out, e->choices->items[c].value);
				fputs(", \"label\": ", out);
				jsonout_string(out, e->choices->items[c].label);
				fputc('}', out);
			}
			fputc(']', out);
		} else {
			fputs("null", out);
		}
		fputs(", \"shown\": ", out);
		jsonout_string(out, e->shown);
		fputc('}', out);
	}
	fputs(cb->n ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* Text as roff takes it: backslashes escaped, and a line that would start
 * with a control character ('.' or '\'') protected. */
static void roff(FILE *out, const char *s)
{
	bool start = true;

	for (; *s; s++) {
		if (start && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		start = *s == '\n';
		if (*s == '\\') {
			fputs("\\e", out);
		} else if (*s == '-') {
			fputs("\\-", out);
		} else if ((unsigned char)*s >= 0x80) {
			/* The page stays ASCII: "’" is \[u2019]. */
			const unsigned char *u = (const unsigned char *)s;
			size_t n = sanitize_utf8_len(s);
			unsigned long cp = n == 2 ? u[0] & 0x1f :
			                   n == 3 ? u[0] & 0x0f : u[0] & 0x07;

			for (size_t k = 1; k < n; k++)
				cp = cp << 6 | (u[k] & 0x3f);
			if (n)
				fprintf(out, "\\[u%04lX]", cp);
			else
				fputs("\\[uFFFD]", out);
			s += n ? n - 1 : 0;
		} else {
			fputc(*s, out);
		}
	}
}

static void write_man(FILE *out, const struct codebook *cb)
{
	const struct edition *ed = cb->ed;
	int tab = -1;

	fprintf(out, ".\\\" Generated by `apmwb keys --format man` from the "
	        "built-in edition; do not edit.\n"
	        ".TH APMWB\\-KEYS 7 \"%s edition\" \"apmwb %s\" "
	        "\"apmwb\"\n.ad l\n.SH NAME\napmwb\\-keys \\- every key of the %s "
	        "edition of the LAN APM data collection workbook\n"
	        ".SH DESCRIPTION\n", ed->id, PACKAGE_VERSION, ed->id);
	fprintf(out, "These are the keys of the %s edition (", ed->id);
	roff(out, ed->form);
	fprintf(out, "): %zu in all, %zu answers and %zu computed figures.\n"
	        "They name answers in a submission file, on the command line\n"
	        "(get, set, import) and in every export.\n"
	        "This page is written by the build from the same data as\n"
	        ".BR \"apmwb keys\" ,\n"
	        "so it lists what the program knows;\n"
	        ".B apmwb keys\n.I FILE\n"
	        "lists the keys of the edition a submission was filled in.\n"
	        ".PP\n"
	        "Each key gives its type, its tab, its wording, its choices\n"
	        "(the value names that get and set use, with the labels the\n"
	        "form shows) and when display logic shows it: always, or when\n"
	        "its condition holds (KEY=VALUE, or N of KEY,...=VALUE;\n"
	        "terms joined by &).\n"
	        "A key that is not shown counts in no sum, check or export.\n"
	        "Dollars are plain to the cent; shares are percent units with\n"
	        "one decimal (43.2 means 43.2%%), or n/a while not computable.\n",
	        cb->n, cb->nanswers, cb->n - cb->nanswers);
	for (size_t i = 0; i < cb->n; i++) {
		const struct codebook_entry *e = &cb->e[i];

		if (i == 0)
			fputs(".SH ANSWERS\n", out);
		if (i == cb->nanswers)
			fputs(".SH COMPUTED FIGURES\n"
			      "Never typed: get and the exports give them.\n", out);
		if (e->tab != tab && i < cb->nanswers) {
			fputs(".SS ", out);
			roff(out, ed->tabs[e->tab].title);
			fputc('\n', out);
		}
		tab = e->tab;
		fputs(".TP\n.B ", out);
		roff(out, e->key);
		fputc('\n', out);
		roff(out, e->type);
		fprintf(out, "%s, tab %s.\n", e->computed ? " (computed)" : "",
		        tab_id(cb, e));
		roff(out, e->wording);
		fputs("\n", out);
		if (e->yesno)
			fputs(".br\nChoices: yes (Yes), no (No).\n", out);
		for (size_t c = 0; e->choices && c < e->choices->n; c++) {
			fputs(c ? ",\n" : ".br\nChoices:\n", out);
			fputs(".B ", out);
			roff(out, e->choices->items[c].value);
			fputs("\n(", out);
			roff(out, e->choices->items[c].label);
			fputc(')', out);
		}
		if (e->choices)
			fputs(".\n", out);
		fputs(".br\nShown: ", out);
		roff(out, e->shown);
		fputs(".\n", out);
	}
	fputs(".SH SEE ALSO\n.BR apmwb (1),\n.BR apmwb (5)\n", out);
}

bool codebook_write(FILE *out, const struct codebook *cb,
                    enum codebook_format fmt, char *err, size_t errlen)
{
	bool ok = true;

	switch (fmt) {
	case CODEBOOK_TEXT:
		write_text(out, cb);
		break;
	case CODEBOOK_CSV:
		ok = write_csv(out, cb);
		break;
	case CODEBOOK_JSON:
		write_json(out, cb);
		break;
	case CODEBOOK_MAN:
		write_man(out, cb);
		break;
	}
	if (!ok) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the list of keys");
		return false;
	}
	return true;
}
