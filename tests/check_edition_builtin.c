/* SPDX-License-Identifier: MIT */
/* check_edition_builtin.c: the program's own edition, made at build time
 * (share/edition_gen.c), is the edition a new file's copy loads to, field
 * by field; and an open of a file of that edition uses it, while a file of
 * another edition id is built from its own copy. */
#include <config.h>

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "edition_load.h"
#include "session.h"
#include "store_internal.h"
#include "storelib.h"
#include "testlib.h"

static void same_str(const char *a, const char *b, const char *what,
                     size_t i)
{
	ck_assert_msg((!a && !b) || (a && b && strcmp(a, b) == 0),
	              "%s [%zu]: '%s' against '%s'", what, i, a ? a : "(null)",
	              b ? b : "(null)");
}

static void same_ints(const int *a, const int *b, size_t n, const char *what,
                      size_t i)
{
	for (size_t j = 0; j < n; j++)
		ck_assert_msg(a[j] == b[j], "%s [%zu][%zu]: %d against %d", what, i,
		              j, a[j], b[j]);
}

static void same_question(const struct edition *ea, const struct question *a,
                          const struct edition *eb, const struct question *b,
                          size_t i)
{
	same_str(a->key, b->key, "key", i);
	ck_assert_int_eq(a->tab, b->tab);
	ck_assert_int_eq(a->type, b->type);
	same_str(a->prompt, b->prompt, "prompt", i);
	same_str(a->label, b->label, "label", i);
	same_str(a->row, b->row, "row", i);
	same_str(a->section, b->section, "section", i);
	same_str(a->instruction, b->instruction, "instruction", i);
	same_str(a->share_label, b->share_label, "share_label", i);
	same_str(a->help, b->help, "help", i);
	same_str(a->model, b->model, "model", i);
	same_str(a->show_if_text, b->show_if_text, "show_if_text", i);
	ck_assert_int_eq(a->role, b->role);
	ck_assert_int_eq(a->lob, b->lob);
	ck_assert_uint_eq(a->nformula, b->nformula);
	ck_assert_int_eq(!a->formula, !b->formula);
	same_ints(a->formula, b->formula, a->nformula, "formula", i);
	ck_assert_int_eq(a->denominator, b->denominator);
	ck_assert_int_eq(!a->choices, !b->choices);
	if (a->choices)
		ck_assert_int_eq(a->choices - ea->sets, b->choices - eb->sets);
	ck_assert_int_eq(a->max_choices, b->max_choices);
	ck_assert_int_eq(a->required, b->required);
	ck_assert_uint_eq(a->ncond, b->ncond);
	ck_assert_int_eq(!a->cond, !b->cond);
	for (size_t j = 0; j < a->ncond; j++) {
		ck_assert_int_eq(a->cond[j].min_count, b->cond[j].min_count);
		ck_assert_uint_eq(a->cond[j].nkeys, b->cond[j].nkeys);
		same_ints(a->cond[j].qidx, b->cond[j].qidx, a->cond[j].nkeys,
		          "cond keys", i);
		same_str(a->cond[j].value, b->cond[j].value, "cond value", i);
	}
	same_str(a->short_label, b->short_label, "short_label", i);
	same_str(a->section_short, b->section_short, "section_short", i);
	ck_assert_int_eq(a->total_of, b->total_of);
}

static void same_edition(const struct edition *a, const struct edition *b)
{
	same_str(a->id, b->id, "id", 0);
	same_str(a->title, b->title, "title", 0);
	same_str(a->form, b->form, "form", 0);
	same_str(a->data_year, b->data_year, "data_year", 0);
	ck_assert_uint_eq(a->ntabs, b->ntabs);
	for (size_t i = 0; i < a->ntabs; i++) {
		const struct tab *x = &a->tabs[i], *y = &b->tabs[i];

		same_str(x->id, y->id, "tab id", i);
		same_str(x->title, y->title, "tab title", i);
		same_str(x->short_title, y->short_title, "tab short", i);
		same_str(x->intro, y->intro, "tab intro", i);
		same_str(x->help, y->help, "tab help", i);
		ck_assert_int_eq(x->lob, y->lob);
		ck_assert_int_eq(x->first_q, y->first_q);
		ck_assert_int_eq(x->nq, y->nq);
		same_str(x->rows_head, y->rows_head, "tab rows_head", i);
	}
	ck_assert_uint_eq(a->nq, b->nq);
	for (size_t i = 0; i < a->nq; i++)
		same_question(a, &a->qs[i], b, &b->qs[i], i);
	ck_assert_uint_eq(a->nsets, b->nsets);
	for (size_t i = 0; i < a->nsets; i++) {
		same_str(a->sets[i].id, b->sets[i].id, "set id", i);
		ck_assert_uint_eq(a->sets[i].n, b->sets[i].n);
		for (size_t j = 0; j < a->sets[i].n; j++) {
			same_str(a->sets[i].items[j].value, b->sets[i].items[j].value,
			         "choice value", i);
			same_str(a->sets[i].items[j].label, b->sets[i].items[j].label,
			         "choice label", i);
		}
	}
	ck_assert_uint_eq(a->nmodels, b->nmodels);
	for (size_t i = 0; i < a->nmodels; i++) {
		same_str(a->models[i].id, b->models[i].id, "model id", i);
		same_str(a->models[i].label, b->models[i].label, "model label", i);
		same_str(a->models[i].category, b->models[i].category, "model cat",
		         i);
	}
	ck_assert_uint_eq(a->ndefs, b->ndefs);
	for (size_t i = 0; i < a->ndefs; i++) {
		same_str(a->defs[i].term, b->defs[i].term, "term", i);
		same_str(a->defs[i].body, b->defs[i].body, "definition", i);
	}
	ck_assert_uint_eq(a->ntopics, b->ntopics);
	for (size_t i = 0; i < a->ntopics; i++) {
		same_str(a->topics[i].id, b->topics[i].id, "topic id", i);
		same_str(a->topics[i].title, b->topics[i].title, "topic title", i);
		same_str(a->topics[i].body, b->topics[i].body, "topic body", i);
	}
	ck_assert_uint_eq(a->ncats, b->ncats);
	for (size_t i = 0; i < a->ncats; i++) {
		same_str(a->cats[i].id, b->cats[i].id, "category id", i);
		same_str(a->cats[i].label, b->cats[i].label, "category label", i);
	}
	ck_assert_uint_eq(a->nmeasures, b->nmeasures);
	for (size_t i = 0; i < a->nmeasures; i++) {
		same_str(a->measures[i].id, b->measures[i].id, "measure id", i);
		same_str(a->measures[i].label, b->measures[i].label,
		         "measure label", i);
		ck_assert_uint_eq(a->measures[i].nrows, b->measures[i].nrows);
		for (size_t r = 0; r < EDITION_MEASURE_ROWS; r++)
			same_str(a->measures[i].rows[r], b->measures[i].rows[r],
			         "measure row", i);
	}
	for (size_t l = 0; l < LOB_COUNT; l++) {
		same_str(a->lines[l].name, b->lines[l].name, "line name", l);
		same_str(a->lines[l].short_name, b->lines[l].short_name,
		         "line short", l);
		same_str(a->lines[l].nr_name, b->lines[l].nr_name, "line nr", l);
	}
	ck_assert_int_eq(a->name_q, b->name_q);
	ck_assert_int_eq(a->nr_method_q, b->nr_method_q);
	same_str(a->nr_attest, b->nr_attest, "nr_attest", 0);
	same_str(a->nr_worksheet, b->nr_worksheet, "nr_worksheet", 0);
	same_str(a->nr_model, b->nr_model, "nr_model", 0);
	same_str(a->name_key, b->name_key, "name_key", 0);
	same_str(a->nr_method_key, b->nr_method_key, "nr_method_key", 0);
	same_ints(a->by_key, b->by_key, a->nq, "by_key", 0);
}

START_TEST(test_builtin_is_the_loaded_edition)
{
	char *path = in_dir("e.apmwb");
	struct store *st = make(path);

	same_edition(edition_builtin(), store_edition(st));
	/* Its look-ups work as a loaded one's. */
	ck_assert_int_eq(edition_find(edition_builtin(), "gi.org_name"),
	                 edition_find(store_edition(st), "gi.org_name"));
	ck_assert_int_eq(edition_find(edition_builtin(), "no.such.key"), -1);
	store_close(st);
	free(path);
}
END_TEST

/* An open of a file of the program's edition uses it; a file whose copy
 * has another id is read from its own copy, every answer as it was. */
START_TEST(test_open_uses_it_for_its_own_id_only)
{
	char *path = in_dir("f.apmwb"), *other = in_dir("other.apmwb");
	struct store *st = make(path), *o;
	struct session *s;

	set(st, "gi.org_name", "Acme Health Plan");
	store_close(st);
	ck_assert_int_eq(store_open_edition(path, STORE_MODE_READ_WRITE,
	                                    edition_builtin(), &st, err,
	                                    sizeof err), STORE_OK);
	ck_assert_ptr_eq(store_edition(st), edition_builtin());
	set(st, "gi.contact_name", "Jane Doe");
	store_close(st);
	ck_assert_int_eq(store_open_edition(path, STORE_MODE_READ_ONLY,
	                                    edition_builtin(), &st, err,
	                                    sizeof err), STORE_OK);
	ck_assert_ptr_eq(store_edition(st), edition_builtin());
	ck_get(st, "gi.contact_name", "Jane Doe");
	store_close(st);
	/* Another edition id: its own copy, not the program's. */
	o = make(other);
	set(o, "gi.org_name", "Other Plan");
	store_close(o);
	raw_exec(other, "UPDATE edition SET id = '2099'");
	ck_assert_int_eq(store_open_edition(other, STORE_MODE_READ_WRITE,
	                                    edition_builtin(), &o, err,
	                                    sizeof err), STORE_OK);
	ck_assert_ptr_ne(store_edition(o), edition_builtin());
	ck_assert_str_eq(store_edition(o)->id, "2099");
	ck_get(o, "gi.org_name", "Other Plan");
	store_close(o);
	/* The session's opens, once told. */
	session_use_edition(edition_builtin());
	ck_assert_int_eq(session_open(path, STORE_MODE_READ_ONLY, false, &s, err,
	                              sizeof err), STORE_OK);
	ck_assert_ptr_eq(s->ed, edition_builtin());
	session_close(s);
	session_use_edition(NULL);
	ck_assert_int_eq(session_open(path, STORE_MODE_READ_ONLY, false, &s, err,
	                              sizeof err), STORE_OK);
	ck_assert_ptr_ne(s->ed, edition_builtin());
	session_close(s);
	free(path);
	free(other);
}
END_TEST

/* The program's edition stands for a file's copy of the same id only
 * because an edition's text changes with a schema step that brings every
 * file's copy forward (db/schema.c).  This ties the embedded edition's
 * bytes (FNV-1a) to the schema's version: a change to share/edition-*.sql
 * without a step fails here. */
START_TEST(test_edition_text_changes_with_a_schema_step)
{
	static const struct { int version; uint64_t hash; } known[] = {
		{ 5, UINT64_C(0x0d250ce976e796bc) },
	};
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	bool found = false;

	for (size_t i = 0; i < apmwb_edition_sql_len; i++)
		h = (h ^ apmwb_edition_sql[i]) * UINT64_C(0x100000001b3);
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (known[i].version == schema_latest) {
			found = true;
			ck_assert_msg(known[i].hash == h, "the edition's text changed "
			              "(0x%016llx) with the schema still at version %d: "
			              "add a step in db/schema.c that brings every file's "
			              "copy forward, then this version's hash here",
			              (unsigned long long)h, schema_latest);
		}
	ck_assert_msg(found, "schema version %d has no hash here: the edition "
	              "is 0x%016llx", schema_latest, (unsigned long long)h);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_builtin_is_the_loaded_edition,
		test_open_uses_it_for_its_own_id_only,
		test_edition_text_changes_with_a_schema_step,
	};

	return store_suite_main("edition_builtin", tests,
	                        sizeof tests / sizeof *tests, 120);
}
