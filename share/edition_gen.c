/* SPDX-License-Identifier: MIT */
/* edition_gen.c: writes the program's own edition as C data, at build time.
 *
 * Every open used to build the edition again from the file's copy of it
 * (ten statements and some 250 rows: most of a short command's work).  A
 * file whose edition has the program's edition id holds the same edition
 * (an edition changes only with a schema step that brings every copy
 * forward), so the program can use this one instead.  It is made here the
 * way a file's copy is read: a new submission is created from the
 * embedded SQL and its edition loaded, then every field is printed as a C
 * initializer.  tests/check_edition_builtin.c compares the result with a
 * loaded copy field by field.
 *
 *   edition_gen OUTPUT.c */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edition.h"
#include "store.h"

/* The initializers go to out (in memory); a string longer than ISO C
 * lets a literal be (4095 characters) goes to head as an array of its
 * bytes, ahead of them. */
static FILE *out, *head;
static int nlong;

/* A C string literal, or NULL.  Octal escapes for anything not plain
 * ASCII; lines cut for the reader. */
static void str(const char *s)
{
	size_t col = 0;

	if (!s) {
		fputs("NULL", out);
		return;
	}
	if (strlen(s) > 4000) {
		fprintf(head, "static unsigned char long%d[] = {", nlong);
		for (size_t i = 0; s[i]; i++)
			fprintf(head, "%s%d,", i % 16 ? " " : "\n\t",
			        (unsigned char)s[i]);
		fputs("\n\t0\n};\n", head);
		fprintf(out, "(char *)long%d", nlong++);
		return;
	}
	fputs("(char *)\"", out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (col >= 2000) {
			fputs("\"\n\t\"", out);
			col = 0;
		}
		if (*p == '"' || *p == '\\')
			col += (size_t)fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f || *p == '?')
			col += (size_t)fprintf(out, "\\%03o", *p);
		else
			col += (size_t)(fputc(*p, out) != EOF);
	}
	fputc('"', out);
}

/* Text, then a string as str() writes it. */
static void field(const char *before, const char *s)
{
	fputs(before, out);
	str(s);
}

static void ints(const char *name, const int *v, size_t n)
{
	fprintf(out, "static int %s[] = {", name);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%d", i ? ", " : " ", v[i]);
	fputs(n ? " };\n" : " 0 };\n", out);
}

static void sets(const struct edition *ed)
{
	for (size_t i = 0; i < ed->nsets; i++) {
		const struct choice_set *cs = &ed->sets[i];

		fprintf(out, "static struct choice set%zu_items[] = {\n", i);
		for (size_t j = 0; j < cs->n; j++) {
			field("\t{ ", cs->items[j].value);
			field(", ", cs->items[j].label);
			fputs(" },\n", out);
		}
		if (!cs->n)
			fputs("\t{ NULL, NULL },\n", out);
		fputs("};\n", out);
	}
	fprintf(out, "static struct choice_set sets[] = {\n");
	for (size_t i = 0; i < ed->nsets; i++) {
		field("\t{ ", ed->sets[i].id);
		fprintf(out, ", set%zu_items, %zu },\n", i, ed->sets[i].n);
	}
	if (!ed->nsets)
		fputs("\t{ NULL, NULL, 0 },\n", out);
	fputs("};\n", out);
}

static void conditions(const struct edition *ed)
{
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];
		char name[64];

		snprintf(name, sizeof name, "q%zu_formula", i);
		if (q->formula)
			ints(name, q->formula, q->nformula);
		if (!q->cond)
			continue;
		for (size_t j = 0; j < q->ncond; j++) {
			snprintf(name, sizeof name, "q%zu_cond%zu_keys", i, j);
			ints(name, q->cond[j].qidx, q->cond[j].nkeys);
		}
		fprintf(out, "static struct cond_term q%zu_cond[] = {\n", i);
		for (size_t j = 0; j < q->ncond; j++) {
			fprintf(out, "\t{ %d, q%zu_cond%zu_keys, %zu, ",
			        q->cond[j].min_count, i, j, q->cond[j].nkeys);
			str(q->cond[j].value);
			fputs(" },\n", out);
		}
		if (!q->ncond)
			fputs("\t{ 0, NULL, 0, NULL },\n", out);
		fputs("};\n", out);
	}
}

static void questions(const struct edition *ed)
{
	fputs("static struct question qs[] = {\n", out);
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];

		field("\t{ .key = ", q->key);
		fprintf(out, ", .tab = %d, .type = %d,\n\t  .prompt = ", q->tab,
		        (int)q->type);
		str(q->prompt);
		field(",\n\t  .label = ", q->label);
		field(", .row = ", q->row);
		field(",\n\t  .section = ", q->section);
		field(",\n\t  .instruction = ", q->instruction);
		field(",\n\t  .share_label = ", q->share_label);
		field(",\n\t  .help = ", q->help);
		field(", .model = ", q->model);
		field(",\n\t  .show_if_text = ", q->show_if_text);
		fprintf(out, ",\n\t  .role = %d, .lob = %d, ", (int)q->role, q->lob);
		if (q->formula)
			fprintf(out, ".formula = q%zu_formula, ", i);
		fprintf(out, ".nformula = %zu, .denominator = %d,\n\t  ",
		        q->nformula, q->denominator);
		if (q->choices)
			fprintf(out, ".choices = &sets[%td], ", q->choices - ed->sets);
		fprintf(out, ".max_choices = %d, .required = %s, ", q->max_choices,
		        q->required ? "true" : "false");
		if (q->cond)
			fprintf(out, ".cond = q%zu_cond, ", i);
		fprintf(out, ".ncond = %zu,\n\t  .short_label = ", q->ncond);
		str(q->short_label);
		field(",\n\t  .section_short = ", q->section_short);
		fprintf(out, ", .total_of = %d },\n", q->total_of);
	}
	fputs("};\n", out);
}

static void tabs(const struct edition *ed)
{
	fputs("static struct tab tabs[] = {\n", out);
	for (size_t i = 0; i < ed->ntabs; i++) {
		const struct tab *t = &ed->tabs[i];

		field("\t{ .id = ", t->id);
		field(", .title = ", t->title);
		field(", .short_title = ", t->short_title);
		field(",\n\t  .intro = ", t->intro);
		field(",\n\t  .help = ", t->help);
		fprintf(out, ",\n\t  .lob = %d, .first_q = %d, .nq = %d, "
		        ".rows_head = ", t->lob, t->first_q, t->nq);
		str(t->rows_head);
		fputs(" },\n", out);
	}
	fputs("};\n", out);
}

/* The arrays of two-string and three-string records. */
static void pairs(const char *type, const char *name, size_t n,
                  const char *(*get)(const struct edition *, size_t, int),
                  int fields, const struct edition *ed)
{
	fprintf(out, "static struct %s %s[] = {\n", type, name);
	for (size_t i = 0; i < n; i++) {
		fputs("\t{ ", out);
		for (int f = 0; f < fields; f++)
			field(f ? ", " : "", get(ed, i, f));
		fputs(" },\n", out);
	}
	if (!n)
		fputs("\t{ NULL },\n", out);
	fputs("};\n", out);
}

static const char *model_field(const struct edition *ed, size_t i, int f)
{
	const struct model *m = &ed->models[i];

	return f == 0 ? m->id : f == 1 ? m->label : m->category;
}

static const char *def_field(const struct edition *ed, size_t i, int f)
{
	return f == 0 ? ed->defs[i].term : ed->defs[i].body;
}

static const char *topic_field(const struct edition *ed, size_t i, int f)
{
	const struct help_topic *t = &ed->topics[i];

	return f == 0 ? t->id : f == 1 ? t->title : t->body;
}

static const char *cat_field(const struct edition *ed, size_t i, int f)
{
	return f == 0 ? ed->cats[i].id : ed->cats[i].label;
}

static void measures(const struct edition *ed)
{
	fputs("static struct measure measures[] = {\n", out);
	for (size_t i = 0; i < ed->nmeasures; i++) {
		const struct measure *m = &ed->measures[i];

		field("\t{ ", m->id);
		field(", ", m->label);
		fputs(", {", out);
		for (size_t r = 0; r < EDITION_MEASURE_ROWS; r++) {
			fputs(r ? ", " : " ", out);
			str(m->rows[r]);
		}
		fprintf(out, " }, %zu },\n", m->nrows);
	}
	if (!ed->nmeasures)
		fputs("\t{ NULL },\n", out);
	fputs("};\n", out);
}

static void edition(const struct edition *ed)
{
	field("static struct edition builtin = {\n\t.id = ", ed->id);
	field(", .title = ", ed->title);
	field(", .form = ", ed->form);
	field(", .data_year = ", ed->data_year);
	fprintf(out, ",\n\t.tabs = tabs, .ntabs = %zu, .qs = qs, .nq = %zu,\n"
	        "\t.sets = sets, .nsets = %zu, .models = models, .nmodels = %zu,\n"
	        "\t.defs = defs, .ndefs = %zu, .topics = topics, .ntopics = %zu,\n"
	        "\t.cats = cats, .ncats = %zu, .measures = measures, "
	        ".nmeasures = %zu,\n\t.lines = {\n", ed->ntabs, ed->nq, ed->nsets,
	        ed->nmodels, ed->ndefs, ed->ntopics, ed->ncats, ed->nmeasures);
	for (int l = 0; l < LOB_COUNT; l++) {
		field("\t\t{ ", ed->lines[l].name);
		field(", ", ed->lines[l].short_name);
		field(", ", ed->lines[l].nr_name);
		fputs(" },\n", out);
	}
	fprintf(out, "\t},\n\t.name_q = %d, .nr_method_q = %d,\n\t.nr_attest = ",
	        ed->name_q, ed->nr_method_q);
	str(ed->nr_attest);
	field(", .nr_worksheet = ", ed->nr_worksheet);
	field(", .nr_model = ", ed->nr_model);
	field(",\n\t.name_key = ", ed->name_key);
	field(", .nr_method_key = ", ed->nr_method_key);
	fputs(",\n\t.by_key = by_key, .text = NULL\n};\n\n"
	      "const struct edition *edition_builtin(void)\n{\n"
	      "\treturn &builtin;\n}\n", out);
}

static void dump(const struct edition *ed)
{
	fputs("/* Generated by share/edition_gen.c from the embedded edition; "
	      "do not edit. */\n#include <config.h>\n\n#include <stddef.h>\n\n"
	      "#include \"edition.h\"\n\n", head);
	sets(ed);
	conditions(ed);
	questions(ed);
	tabs(ed);
	pairs("model", "models", ed->nmodels, model_field, 3, ed);
	pairs("definition", "defs", ed->ndefs, def_field, 2, ed);
	pairs("help_topic", "topics", ed->ntopics, topic_field, 3, ed);
	pairs("category", "cats", ed->ncats, cat_field, 2, ed);
	measures(ed);
	ints("by_key", ed->by_key, ed->nq);
	edition(ed);
}

int main(int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200], err[1024];
	struct store *st = NULL;
	int status = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: edition_gen OUTPUT.c\n");
		return 2;
	}
	snprintf(dir, sizeof dir, "%s/apmwb-edition-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror("edition_gen: mkdtemp");
		return 1;
	}
	snprintf(path, sizeof path, "%s/e.apmwb", dir);
	if (store_create(path, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "edition_gen: %s\n", err);
	} else if (!(head = fopen(argv[1], "w"))) {
		perror(argv[1]);
	} else {
		char *body = NULL;
		size_t len = 0;

		out = open_memstream(&body, &len);
		if (out) {
			dump(store_edition(st));
			status = ferror(out) | (fclose(out) != 0);
			if (!status)
				fwrite(body, 1, len, head);
		}
		free(body);
		status |= (out == NULL) | (ferror(head) != 0) | (fclose(head) != 0);
		if (status)
			fprintf(stderr, "edition_gen: could not write %s\n", argv[1]);
	}
	store_close(st);
	unlink(path);
	rmdir(dir);
	return status;
}
