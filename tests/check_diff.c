/* SPDX-License-Identifier: MIT */
/* check_diff.c: two submissions compared key by key (the order, one
 * changed answer and its figures, sign-off and acknowledgements, keys one
 * edition lacks) and two worksheets compared as they stream. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cdiff.h"
#include "diff.h"
#include "edition.h"
#include "figures.h"
#include "mem.h"
#include "testlib.h"
#include "validate.h"

static const struct edition *ed;

/* ---- keys ---- */

struct sub {
	struct answers *a;
	struct figures *f;
	struct diff_state st;
	struct diff_ack ack;
};

static void sub_new(struct sub *s)
{
	ed = test_edition();
	memset(s, 0, sizeof *s);
	s->a = answers_new(ed);
	s->f = figures_new(ed);
	ck_assert_ptr_nonnull(s->a);
	ck_assert_ptr_nonnull(s->f);
}

static void sub_free(struct sub *s)
{
	figures_free(s->f);
	answers_free(s->a);
}

static void set(struct sub *s, const char *key, const char *text)
{
	int q = edition_find(ed, key);
	char *canonical, err[256];

	ck_assert_msg(q >= 0, "no key %s", key);
	ck_assert_msg(validate_answer(ed, q, text, &canonical, err, sizeof err),
	              "%s = '%s': %s", key, text, err);
	ck_assert(answers_set(s->a, q, canonical));
	free(canonical);
}

static void snap(struct sub *s, struct diff_snapshot *out)
{
	figures_compute(s->f, s->a, NULL);
	ck_assert(diff_snapshot_build(out, ed, s->a, s->f, &s->st));
}

/* The changes as "key: old -> new" lines ("(blank)", "(lacks)"), and
 * "(contracts)" where the contracts go. */
struct seen {
	char text[8192];
	size_t n;
};

static bool collect(void *ctx, const struct diff_change *c)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	if (!c->key) {
		snprintf(s->text + len, sizeof s->text - len, "(contracts)\n");
		return true;
	}
	s->n++;
	snprintf(s->text + len, sizeof s->text - len, "%s: %s -> %s\n", c->key,
	         c->old_lacks ? "(lacks)" : c->old_value ? c->old_value :
	         "(blank)", c->new_lacks ? "(lacks)" : c->new_value ?
	         c->new_value : "(blank)");
	return true;
}

static long index_of(const struct diff_snapshot *s, const char *key)
{
	const struct diff_item *it = diff_snapshot_find(s, key);

	ck_assert_msg(it != NULL, "no key %s", key);
	return (long)(it - s->items);
}

START_TEST(test_snapshot_order)
{
	struct sub s;
	struct diff_snapshot d;
	long marker = -1;

	sub_new(&s);
	s.ack = (struct diff_ack){ "nodollars.commercial.m4", "P4P began later",
	                           "Jane", "2026-01-02T03:04:05Z" };
	s.st.acks = &s.ack;
	s.st.nacks = 1;
	snap(&s, &d);
	ck_assert_str_eq(d.items[0].key, "edition");
	ck_assert_str_eq(d.items[0].value, "2020");
	ck_assert_str_eq(d.items[1].key, "state");
	ck_assert_str_eq(d.items[1].value, "draft");
	ck_assert_str_eq(d.items[2].key, "signed_by");
	ck_assert_ptr_null(d.items[2].value);
	ck_assert_str_eq(d.items[3].key, "signed_at");
	/* The survey's page order, each share right after its row. */
	ck_assert_int_lt(index_of(&d, "gi.contact_name"),
	                 index_of(&d, "pm.commercial.cat1_legacy"));
	ck_assert_int_lt(index_of(&d, "pm.medicaid.cat4c_integrated"),
	                 index_of(&d, "commercial.m1"));
	ck_assert_int_eq(index_of(&d, "commercial.m2") + 1,
	                 index_of(&d, "commercial.m2.share"));
	ck_assert_int_eq(index_of(&d, "commercial.m2.share") + 1,
	                 index_of(&d, "commercial.m3"));
	ck_assert_int_lt(index_of(&d, "medicaid.m19.share"),
	                 index_of(&d, "xc.commercial.sum"));
	ck_assert_int_lt(index_of(&d, "xc.medicaid.diff"),
	                 index_of(&d, "nr.method"));
	ck_assert_int_lt(index_of(&d, "nr.method"),
	                 index_of(&d, "nr.commercial.meets"));
	for (size_t i = 0; i < d.n; i++)
		if (!d.items[i].key) {
			ck_assert_msg(marker < 0, "two places for the contracts");
			marker = (long)i;
		}
	ck_assert_int_eq(index_of(&d, "nr.all.total.share") + 1, marker);
	ck_assert_int_lt(marker, index_of(&d, "iq.trend"));
	ck_assert_str_eq(d.items[d.n - 3].key, "ack.nodollars.commercial.m4");
	ck_assert_str_eq(d.items[d.n - 3].value, "P4P began later");
	ck_assert_str_eq(d.items[d.n - 1].key, "ack.nodollars.commercial.m4.at");
	/* Row 1 has no share of itself. */
	ck_assert_ptr_null(diff_snapshot_find(&d, "commercial.m1.share"));
	diff_snapshot_free(&d);
	sub_free(&s);
}
END_TEST

static void one_line(struct sub *s)
{
	set(s, "gi.lob.commercial", "yes");
	set(s, "pm.commercial.cat1_legacy", "yes");
	set(s, "commercial.m1", "1000");
	set(s, "commercial.m2", "1000");
}

/* commercial.m2 1000 -> 900 of a row 1 of 1000: its share 100.0 -> 90.0,
 * row 17 (= row 2) and its share the same, the cross-check's sum 1000 ->
 * 900, equal yes -> no, difference 0.00 -> -100.00; nothing else. */
START_TEST(test_one_changed_answer)
{
	struct sub o, n;
	struct diff_snapshot so, sn;
	struct seen seen = { "", 0 };

	sub_new(&o);
	one_line(&o);
	sub_new(&n);
	one_line(&n);
	set(&n, "commercial.m2", "900");
	snap(&o, &so);
	snap(&n, &sn);
	ck_assert_uint_eq(diff_snapshots(&so, &sn, collect, &seen), 7);
	ck_assert_str_eq(seen.text,
	                 "commercial.m2: 1000.00 -> 900.00\n"
	                 "commercial.m2.share: 100.0 -> 90.0\n"
	                 "commercial.m17: 1000.00 -> 900.00\n"
	                 "commercial.m17.share: 100.0 -> 90.0\n"
	                 "xc.commercial.sum: 1000.00 -> 900.00\n"
	                 "xc.commercial.ok: yes -> no\n"
	                 "xc.commercial.diff: 0.00 -> -100.00\n"
	                 "(contracts)\n");
	seen.text[0] = '\0';
	ck_assert_uint_eq(diff_snapshots(&so, &so, collect, &seen), 0);
	ck_assert_str_eq(seen.text, "(contracts)\n");
	diff_snapshot_free(&so);
	diff_snapshot_free(&sn);
	sub_free(&o);
	sub_free(&n);
}
END_TEST

/* A hidden answer that changes is a change in the file, though its
 * figures do not move. */
START_TEST(test_hidden_answer_change)
{
	struct sub o, n;
	struct diff_snapshot so, sn;
	struct seen seen = { "", 0 };

	sub_new(&o);
	one_line(&o);
	set(&o, "commercial.m4", "50");
	sub_new(&n);
	one_line(&n);
	set(&n, "commercial.m4", "60");
	snap(&o, &so);
	snap(&n, &sn);
	ck_assert_uint_eq(diff_snapshots(&so, &sn, collect, &seen), 1);
	ck_assert_str_eq(seen.text, "commercial.m4: 50.00 -> 60.00\n"
	                 "(contracts)\n");
	diff_snapshot_free(&so);
	diff_snapshot_free(&sn);
	sub_free(&o);
	sub_free(&n);
}
END_TEST

START_TEST(test_signoff_and_acks)
{
	struct sub o, n;
	struct diff_snapshot so, sn;
	struct seen seen = { "", 0 };

	sub_new(&o);
	sub_new(&n);
	n.st.complete = true;
	n.st.signed_by = "Jane Doe";
	n.st.signed_at = "2026-11-23T14:02:11Z";
	n.ack = (struct diff_ack){ "m1.ma", "no MA in 2019", "Jane Doe",
	                           "2026-11-23T14:00:00Z" };
	n.st.acks = &n.ack;
	n.st.nacks = 1;
	snap(&o, &so);
	snap(&n, &sn);
	ck_assert_uint_eq(diff_snapshots(&so, &sn, collect, &seen), 6);
	ck_assert_str_eq(seen.text,
	                 "state: draft -> complete\n"
	                 "signed_by: (blank) -> Jane Doe\n"
	                 "signed_at: (blank) -> 2026-11-23T14:02:11Z\n"
	                 "(contracts)\n"
	                 "ack.m1.ma: (blank) -> no MA in 2019\n"
	                 "ack.m1.ma.by: (blank) -> Jane Doe\n"
	                 "ack.m1.ma.at: (blank) -> 2026-11-23T14:00:00Z\n");
	/* and back: a withdrawn acknowledgement is blank, not lacking */
	seen.text[0] = '\0';
	ck_assert_uint_eq(diff_snapshots(&sn, &so, collect, &seen), 6);
	ck_assert(strstr(seen.text, "ack.m1.ma: no MA in 2019 -> (blank)\n"));
	diff_snapshot_free(&so);
	diff_snapshot_free(&sn);
	sub_free(&o);
	sub_free(&n);
}
END_TEST

static void build(struct diff_snapshot *s, const char *const *kv)
{
	memset(s, 0, sizeof *s);
	for (; kv[0] || kv[1]; kv += 2)
		ck_assert(diff_snapshot_add(s, kv[0], kv[1],
		                            kv[0] ? 0 : DIFF_ITEM_CONTRACTS));
	ck_assert(diff_snapshot_index(s));
}

/* Editions with different keys: a key one lacks is listed as such, where
 * the edition that has it has it; a new key that is blank too. */
START_TEST(test_keys_one_edition_lacks)
{
	static const char *const old_kv[] = {
		"edition", "2020", "a", "1", "b", "2", NULL, "", "c", "3",
		NULL, NULL
	};
	static const char *const new_kv[] = {
		"edition", "2021", "a", "1", "x", "5", NULL, "", "c", "4",
		"d", "", NULL, NULL
	};
	struct diff_snapshot so, sn;
	struct seen seen = { "", 0 };

	build(&so, old_kv);
	build(&sn, new_kv);
	ck_assert_uint_eq(diff_snapshots(&so, &sn, collect, &seen), 5);
	ck_assert_str_eq(seen.text,
	                 "edition: 2020 -> 2021\n"
	                 "x: (lacks) -> 5\n"
	                 "b: 2 -> (lacks)\n"
	                 "(contracts)\n"
	                 "c: 3 -> 4\n"
	                 "d: (lacks) -> (blank)\n");
	/* What a screen asks of the older file. */
	ck_assert(!diff_snapshot_differs(&so, "a", "1"));
	ck_assert(diff_snapshot_differs(&so, "a", "2"));
	ck_assert(diff_snapshot_differs(&so, "a", NULL));
	ck_assert(diff_snapshot_differs(&so, "a", ""));
	ck_assert(!diff_snapshot_differs(&so, "zz", ""));
	ck_assert(diff_snapshot_differs(&so, "zz", "v"));
	diff_snapshot_free(&so);
	diff_snapshot_free(&sn);
}
END_TEST

/* ---- contracts ---- */

/* A worksheet of labelled contracts: "C" (or NULL for none) with its
 * dollars; every other field the same, so each meets the threshold. */
struct sheet {
	const char *const *labels;
	const int64_t *dollars;     /* NULL: 100 cents each */
	const int64_t *share;       /* NULL: 60% each */
	size_t n, next;
	size_t scans;
	bool failed;                /* out of memory for a label */
};

static bool sheet_fill(const struct sheet *s, size_t i, struct contract *c)
{
	c->label = s->labels[i] ? mem_strdup(s->labels[i]) : NULL;
	if (s->labels[i] && !c->label)
		return false;   /* the caller marks the sheet failed */
	c->has = NR_HAS_ALL;
	c->line = LOB_COMMERCIAL;
	c->type = NR_TCOC;
	c->risk_min = 2 * PCT_UNIT;
	c->risk_max = 10 * PCT_UNIT;
	c->shared_risk = s->share ? s->share[i] : 60 * PCT_UNIT;
	c->dollars = s->dollars ? s->dollars[i] : 100;
	return true;
}

static bool sheet_next(void *src, struct contract *c, bool *got)
{
	struct sheet *s = src;

	*got = s->next < s->n;
	if (*got && !sheet_fill(s, s->next++, c))
		s->failed = true;
	return !s->failed;
}

static bool sheet_scan(void *src, void (*add)(void *set, const char *label),
                       void *set)
{
	struct sheet *s = src;

	s->scans++;
	for (size_t i = 0; i < s->n; i++)
		add(set, s->labels[i]);
	return true;
}

static bool events(void *ctx, const struct cdiff_event *e)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);
	const struct contract *c = e->new ? e->new : e->old;
	const char *name = c->label ? c->label : "(none)";

	s->n++;
	if (e->kind == CDIFF_ADDED)
		snprintf(s->text + len, sizeof s->text - len, "+%s@%lld\n", name,
		         (long long)e->new_pos);
	else if (e->kind == CDIFF_DELETED)
		snprintf(s->text + len, sizeof s->text - len, "-%s@%lld\n", name,
		         (long long)e->old_pos);
	else
		snprintf(s->text + len, sizeof s->text - len, "~%s.%s: %s -> %s\n",
		         name, e->field == CDIFF_F_STATUS ? "status" :
		         nominal_field_name((enum nr_field)e->field), e->old_text,
		         e->new_text);
	return true;
}

/* Runs the comparison; the events in seen, the stats returned. */
static struct cdiff_stats compare(struct sheet *o, struct sheet *n,
                                  size_t window, struct seen *seen)
{
	struct cdiff_source so = { sheet_next, sheet_scan, o };
	struct cdiff_source sn = { sheet_next, sheet_scan, n };
	struct cdiff_stats st;
	char err[128];

	seen->text[0] = '\0';
	seen->n = 0;
	ck_assert_msg(cdiff_run(&so, &sn, window, events, seen, &st, err,
	                        sizeof err), "cdiff_run: %s", err);
	return st;
}

static const char *const abcde[] = { "A", "B", "C", "D", "E" };

START_TEST(test_contracts_same)
{
	struct sheet o = { abcde, NULL, NULL, 5, 0, 0, false }, n = o;
	struct seen seen;
	struct cdiff_stats st = compare(&o, &n, 4, &seen);

	ck_assert_str_eq(seen.text, "");
	ck_assert_int_eq(st.old_n, 5);
	ck_assert_int_eq(st.new_n, 5);
	ck_assert(!st.scanned);
}
END_TEST

START_TEST(test_contracts_changed_deleted_added)
{
	static const int64_t od[] = { 100, 100, 100, 100, 100 };
	static const int64_t nd[] = { 100, 100, 3000, 100, 100 };
	static const char *const abde[] = { "A", "B", "D", "E" };
	static const char *const abxcde[] = { "A", "B", "X", "C", "D", "E" };
	struct sheet o = { abcde, od, NULL, 5, 0, 0, false };
	struct sheet n = { abcde, nd, NULL, 5, 0, 0, false };
	struct seen seen;
	struct cdiff_stats st;

	st = compare(&o, &n, 4, &seen);
	ck_assert_str_eq(seen.text, "~C.dollars: 1.00 -> 30.00\n");
	ck_assert_int_eq(st.changed, 1);

	o.next = 0;
	n = (struct sheet){ abde, NULL, NULL, 4, 0, 0, false };
	st = compare(&o, &n, 4, &seen);
	ck_assert_str_eq(seen.text, "-C@2\n");
	ck_assert_int_eq(st.deleted, 1);
	ck_assert_int_eq(st.changed + st.added, 0);

	o.next = 0;
	n = (struct sheet){ abxcde, NULL, NULL, 6, 0, 0, false };
	st = compare(&o, &n, 4, &seen);
	ck_assert_str_eq(seen.text, "+X@2\n");
	ck_assert_int_eq(st.added, 1);
}
END_TEST

/* 10% x 25% = 2.5% net risk fails a TCOC contract's 3%; at 35% it is
 * 3.5% and meets: the field and the computed status both change. */
START_TEST(test_contracts_status)
{
	static const int64_t os[] = { 60000, 25000, 60000 };
	static const int64_t ns[] = { 60000, 35000, 60000 };
	struct sheet o = { abcde, NULL, os, 3, 0, 0, false };
	struct sheet n = { abcde, NULL, ns, 3, 0, 0, false };
	struct seen seen;

	compare(&o, &n, 4, &seen);
	ck_assert_str_eq(seen.text, "~B.shared_risk: 25.0 -> 35.0\n"
	                 "~B.status: fails -> meets\n");
}
END_TEST

START_TEST(test_contracts_relabelled)
{
	static const char *const abz[] = { "A", "B", "Z" };
	struct sheet o = { abcde, NULL, NULL, 3, 0, 0, false };
	struct sheet n = { abz, NULL, NULL, 3, 0, 0, false };
	struct seen seen;
	struct cdiff_stats st = compare(&o, &n, 4, &seen);

	ck_assert_str_eq(seen.text, "~Z.label: C -> Z\n");
	ck_assert(st.scanned);
}
END_TEST

/* Longer runs than the window: the labels' second pass tells a deleted
 * run from an inserted one, and renamed contracts from both. */
static const char *const long_old[] = {
	"A", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "C", "D"
};
static const char *const long_new[] = { "A", "C", "D" };

START_TEST(test_contracts_long_runs)
{
	static const char *const renamed[] = {
		"A", "Z1", "Z2", "Z3", "Z4", "Z5", "Z6", "Z7", "Z8", "Z9", "C", "D"
	};
	struct sheet o = { long_old, NULL, NULL, 12, 0, 0, false };
	struct sheet n = { long_new, NULL, NULL, 3, 0, 0, false };
	struct seen seen;
	struct cdiff_stats st;

	st = compare(&o, &n, 3, &seen);
	ck_assert_str_eq(seen.text, "-B1@1\n-B2@2\n-B3@3\n-B4@4\n-B5@5\n-B6@6\n"
	                 "-B7@7\n-B8@8\n-B9@9\n");
	ck_assert(st.scanned);
	ck_assert_uint_eq(o.scans, 1);

	o = (struct sheet){ long_new, NULL, NULL, 3, 0, 0, false };
	n = (struct sheet){ long_old, NULL, NULL, 12, 0, 0, false };
	st = compare(&o, &n, 3, &seen);
	ck_assert_int_eq(st.added, 9);
	ck_assert_int_eq(st.deleted + st.changed, 0);

	o = (struct sheet){ long_old, NULL, NULL, 12, 0, 0, false };
	n = (struct sheet){ renamed, NULL, NULL, 12, 0, 0, false };
	st = compare(&o, &n, 3, &seen);
	ck_assert_int_eq(st.changed, 9);
	ck_assert_int_eq(st.added + st.deleted, 0);
	ck_assert(strstr(seen.text, "~Z1.label: B1 -> Z1\n"));
}
END_TEST

START_TEST(test_contracts_moved_and_unlabelled)
{
	static const char *const om[] = { "M", "A", "B", "C", "D", "E", "F" };
	static const char *const nm[] = { "A", "B", "C", "D", "E", "M", "F" };
	static const char *const three[] = { NULL, NULL, NULL };
	struct sheet o = { om, NULL, NULL, 7, 0, 0, false };
	struct sheet n = { nm, NULL, NULL, 7, 0, 0, false };
	struct seen seen;

	compare(&o, &n, 3, &seen);
	ck_assert_str_eq(seen.text, "-M@0\n+M@5\n");

	o = (struct sheet){ three, NULL, NULL, 3, 0, 0, false };
	n = (struct sheet){ three, NULL, NULL, 2, 0, 0, false };
	compare(&o, &n, 3, &seen);
	ck_assert_str_eq(seen.text, "-(none)@2\n");
}
END_TEST

/* Every allocation failing in turn: false, never a crash or a leak (the
 * sanitiser build's leak check sees to that), and a whole result once
 * memory is there. */
START_TEST(test_out_of_memory)
{
	static const int64_t od[] = { 100, 100, 100, 100, 100 };
	static const int64_t nd[] = { 100, 100, 3000, 100, 100 };
	static const char *const az[] = { "A", "B", "Z" };
	struct sub o;
	struct diff_snapshot d;
	bool built = false, ran = false;

	sub_new(&o);
	one_line(&o);
	figures_compute(o.f, o.a, NULL);
	for (unsigned long n = 1; n < 5000 && !built; n++) {
		mem_fail_at(n, 1);
		built = diff_snapshot_build(&d, ed, o.a, o.f, &o.st);
		mem_fail_at(0, 0);
	}
	ck_assert(built);
	ck_assert(diff_snapshot_find(&d, "xc.commercial.ok") != NULL);
	diff_snapshot_free(&d);
	for (unsigned long n = 1; n < 100 && !ran; n++) {
		struct sheet a = { abcde, od, NULL, 5, 0, 0, false };
		struct sheet b = { az, nd, NULL, 3, 0, 0, false };
		struct cdiff_source sa = { sheet_next, sheet_scan, &a };
		struct cdiff_source sb = { sheet_next, sheet_scan, &b };
		struct cdiff_stats st;
		struct seen seen = { "", 0 };
		char err[128] = "";

		mem_fail_at(n, 1);
		ran = cdiff_run(&sa, &sb, 2, events, &seen, &st, err, sizeof err);
		mem_fail_at(0, 0);
		/* A source that fails says why itself; cdiff's own
		 * failures say so in err. */
		if (!ran)
			ck_assert_msg(*err || a.failed || b.failed,
			              "failure %lu said nothing", n);
	}
	ck_assert(ran);
	sub_free(&o);
}
END_TEST

static Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *keys = tcase_create("keys");
	TCase *contracts = tcase_create("contracts");

	tcase_add_test(keys, test_snapshot_order);
	tcase_add_test(keys, test_one_changed_answer);
	tcase_add_test(keys, test_hidden_answer_change);
	tcase_add_test(keys, test_signoff_and_acks);
	tcase_add_test(keys, test_keys_one_edition_lacks);
	suite_add_tcase(s, keys);
	tcase_add_test(contracts, test_contracts_same);
	tcase_add_test(contracts, test_contracts_changed_deleted_added);
	tcase_add_test(contracts, test_contracts_status);
	tcase_add_test(contracts, test_contracts_relabelled);
	tcase_add_test(contracts, test_contracts_long_runs);
	tcase_add_test(contracts, test_contracts_moved_and_unlabelled);
	tcase_add_test(contracts, test_out_of_memory);
	suite_add_tcase(s, contracts);
	return s;
}

int main(void)
{
	return test_main(diff_suite());
}
