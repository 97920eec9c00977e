/* SPDX-License-Identifier: MIT */
/* check_session.c: the session, the one door to a submission (app/): each
 * workflow rule where it lives, one refresh and one gen per change, the
 * unchanged status, and the live preview the screens all read. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "edition.h"
#include "session.h"
#include "storelib.h"
#include "testlib.h"

static struct session *open_new(const char *name)
{
	char *path = in_dir(name);
	struct session *s = NULL;

	ck_assert_msg(session_open(path, STORE_MODE_READ_WRITE, true, &s, err,
	                           sizeof err) == STORE_OK, "%s", err);
	free(path);
	return s;
}

static enum store_status say(struct session *s, const char *key,
                             const char *text)
{
	int q = edition_find(s->ed, key);

	ck_assert_msg(q >= 0, "no key %s", key);
	return session_set_text(s, q, text, err, sizeof err);
}

static void ok(struct session *s, const char *key, const char *text)
{
	enum store_status rc = say(s, key, text);

	ck_assert_msg(rc == STORE_OK || rc == STORE_UNCHANGED, "%s: %s", key, err);
}

/* A plan with one line answered whole: no error left. */
static void clean(struct session *s)
{
	ok(s, "gi.contact_name", "Jane Doe");
	ok(s, "gi.contact_email", "jane@example.org");
	ok(s, "gi.contact_phone", "(555) 010-2030");
	ok(s, "gi.org_name", "Acme Health Plan");
	ok(s, "gi.lob.commercial", "yes");
	ok(s, "pm.commercial.cat1_legacy", "yes");
	ok(s, "commercial.m1", "1000");
	ok(s, "commercial.m2", "1000");
}

static const struct check_item *find(const struct check_list *l,
                                     const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].id, id) == 0)
			return &l->items[i];
	return NULL;
}

START_TEST(test_change_moves_gen_once)
{
	struct session *s = open_new("g.apmwb");
	uint64_t g = s->gen;

	ck_assert_int_eq(say(s, "gi.org_name", "Acme"), STORE_OK);
	ck_assert_uint_eq(s->gen, g + 1);
	/* The same answer again: nothing written, nothing to redraw. */
	ck_assert_int_eq(say(s, "gi.org_name", " Acme "), STORE_UNCHANGED);
	ck_assert_uint_eq(s->gen, g + 1);
	/* A refused value changes nothing either. */
	ck_assert_int_eq(say(s, "gi.contact_email", "jane"), STORE_INVALID);
	ck_assert(strstr(err, "gi.contact_email is not an e-mail address"));
	ck_assert_uint_eq(s->gen, g + 1);
	/* The figures are recomputed with the change, by the session. */
	ok(s, "gi.lob.commercial", "yes");
	ok(s, "commercial.m1", "100");
	ck_assert(s->f->xc[LOB_COMMERCIAL].denominator.has);
	ck_assert_int_eq(s->f->xc[LOB_COMMERCIAL].denominator.cents, 10000);
	session_close(s);
}
END_TEST

START_TEST(test_signoff_refused_while_errors_remain)
{
	struct session *s = open_new("so.apmwb");
	struct store_signoff so;

	ck_assert_uint_gt(s->checks.errors, 0);
	ck_assert_int_eq(session_complete(s, "Jane Doe", err, sizeof err),
	                 STORE_INVALID);
	ck_assert_msg(strstr(err, "not signed off") && strstr(err, "remain"),
	              "%s", err);
	store_signoff(s->st, &so);
	ck_assert(!so.complete);
	clean(s);
	ck_assert_uint_eq(s->checks.errors, 0);
	ck_assert_int_eq(session_complete(s, "Jane\nerror: forged", err,
	                                  sizeof err), STORE_INVALID);
	ck_assert_int_eq(session_complete(s, "Jane Doe", err, sizeof err),
	                 STORE_OK);
	store_signoff(s->st, &so);
	ck_assert(so.complete);
	ck_assert_str_eq(so.by, "Jane Doe");
	session_close(s);
}
END_TEST

START_TEST(test_errors_are_never_acknowledged)
{
	struct session *s = open_new("a.apmwb");
	const struct check_item *e = find(&s->checks, "lines.none");
	uint64_t g;
	size_t n;

	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_ERROR);
	g = s->gen;
	ck_assert_int_eq(session_ack(s, "lines.none", "later", err, sizeof err),
	                 STORE_INVALID);
	ck_assert(strstr(err, "errors cannot be acknowledged"));
	ck_assert_int_eq(session_ack(s, "no.such.check", "later", err,
	                             sizeof err), STORE_INVALID);
	ck_assert(strstr(err, "has no check 'no.such.check' now"));
	ck_assert_uint_eq(s->gen, g);
	/* A warning is, once, and the same reason again is unchanged. */
	ok(s, "gi.lob.medicaid", "yes");
	ck_assert_ptr_nonnull(find(&s->checks, "m1.medicaid"));
	ck_assert_int_eq(session_ack(s, "m1.medicaid", "sent later", err,
	                             sizeof err), STORE_OK);
	ck_assert_str_eq(find(&s->checks, "m1.medicaid")->ack_reason,
	                 "sent later");
	ck_assert_int_eq(session_ack(s, "m1.medicaid", "sent later", err,
	                             sizeof err), STORE_UNCHANGED);
	store_acks(s->st, &n);
	ck_assert_uint_eq(n, 1);
	session_close(s);
}
END_TEST

/* The same rule for an acknowledgement that arrives in a JSON import. */
START_TEST(test_import_refuses_acks_of_errors)
{
	static const char json[] = "{\"format\": \"apmwb-submission\", "
		"\"version\": 1, \"edition\": \"2020\", \"answers\": "
		"{\"gi.org_name\": \"Imported\"}, \"acknowledgements\": "
		"[{\"check\": \"xc.commercial\", \"message\": \"m\", \"reason\": "
		"\"fine\", \"by\": \"Ann\", \"at\": \"2026-01-02T03:04:05Z\"}]}";
	struct session *s = open_new("i.apmwb");
	size_t n;

	ck_assert_int_eq(session_import_json(s, json, strlen(json), err,
	                                     sizeof err), STORE_INVALID);
	ck_assert_msg(strstr(err, "acknowledgements[0]") &&
	              strstr(err, "errors cannot be acknowledged"), "%s", err);
	/* All or nothing: the answer did not come in either. */
	ck_assert_ptr_null(answers_get(s->a, edition_find(s->ed,
	                                                  "gi.org_name")));
	store_acks(s->st, &n);
	ck_assert_uint_eq(n, 0);
	session_close(s);
}
END_TEST

/* What the tab, the tab bar and the status line read while a value is
 * typed: the same figures and checks, or the confirmed ones and why not. */
START_TEST(test_preview_is_one_view)
{
	struct session *s = open_new("p.apmwb");
	int m1 = edition_find(s->ed, "commercial.m1");
	struct session_view v;

	clean(s);
	ck_assert(s->f->xc[LOB_COMMERCIAL].ok);
	session_preview(s, m1, "1,010", &v);
	ck_assert(v.preview);
	ck_assert_str_eq(v.why_not, "");
	/* Row 1 typed as 1,010: row 2's 1,000 is short by $10.00, in the
	 * figures and in the checks of the same view. */
	ck_assert(!v.f->xc[LOB_COMMERCIAL].ok);
	ck_assert_int_eq(v.f->xc[LOB_COMMERCIAL].diff, -1000);
	ck_assert_ptr_nonnull(find(v.checks, "xc.commercial"));
	ck_assert_uint_eq(v.checks->errors, 1);
	/* The confirmed figures are untouched by a preview. */
	ck_assert(s->f->xc[LOB_COMMERCIAL].ok);
	ck_assert_uint_eq(s->checks.errors, 0);
	/* Refused text is never previewed as another value (12.345 is not
	 * 12.34): the view is the confirmed one, with the reason. */
	session_preview(s, m1, "12.345", &v);
	ck_assert(!v.preview);
	ck_assert_ptr_eq(v.f, s->f);
	ck_assert_ptr_eq(v.checks, &s->checks);
	ck_assert_msg(strstr(v.why_not, "more than two decimals"), "%s",
	              v.why_not);
	session_close(s);
}
END_TEST

/* Against an older file: the keys `apmwb diff` lists, no others, and the
 * count follows the session's own changes. */
START_TEST(test_against_marks_what_diff_lists)
{
	struct session *old = open_new("old.apmwb"), *s;
	char *old_path = in_dir("old.apmwb");

	clean(old);
	session_close(old);
	s = open_new("new.apmwb");
	clean(s);
	ck_assert_int_eq(session_against(s, old_path, err, sizeof err), STORE_OK);
	ck_assert_str_eq(session_against_path(s), old_path);
	ck_assert_uint_eq(session_differences(s), 0);
	ck_assert(!session_differs(s, "commercial.m2"));
	/* Row 2 1000 -> 900 of a row 1 of 1000: the row, its share, row 17
	 * (= row 2) and its share, and the cross-check's sum, ok and diff. */
	ok(s, "commercial.m2", "900");
	ck_assert(session_differs(s, "commercial.m2"));
	ck_assert(session_differs(s, "commercial.m2.share"));
	ck_assert(session_differs(s, "commercial.m17"));
	ck_assert(session_differs(s, "xc.commercial.ok"));
	ck_assert(!session_differs(s, "commercial.m1"));
	ck_assert(!session_differs(s, "gi.org_name"));
	ck_assert(!session_differs(s, "no.such.key"));
	ck_assert_uint_eq(session_differences(s), 7);
	ok(s, "commercial.m2", "1000");
	ck_assert_uint_eq(session_differences(s), 0);
	/* An older file that cannot be read leaves the session as it was. */
	ok(s, "gi.org_name", "Other Plan");
	ck_assert_int_ne(session_against(s, "/nonexistent/x.apmwb", err,
	                                 sizeof err), STORE_OK);
	ck_assert_str_eq(session_against_path(s), old_path);
	ck_assert_uint_eq(session_differences(s), 1);
	session_close(s);
	free(old_path);
}
END_TEST

/* The full screen's open: quick, its checks after it, and nothing
 * written before they pass, nor after they fail. */
START_TEST(test_workbook_open_checks_after)
{
	struct session *s = open_new("w.apmwb");
	char *path = in_dir("w.apmwb");

	clean(s);
	session_close(s);
	s = NULL;
	ck_assert_int_eq(session_open_workbook(path, false, &s, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(say(s, "gi.org_name", "Early Plan"), STORE_BUSY);
	ck_assert_msg(strstr(err, "still being checked"), "%s", err);
	ck_assert_int_eq(session_check_workbook(s, err, sizeof err), STORE_OK);
	ok(s, "gi.org_name", "Checked Plan");
	session_close(s);
	/* Totals that disagree: the open still opens, the check says
	 * damaged, and the file takes no write. */
	raw_exec(path, "UPDATE nr_total SET n = n + 1; "
	         "INSERT INTO nr_total VALUES ('commercial', 'meets', 5, 1)");
	s = NULL;
	ck_assert_int_eq(session_open_workbook(path, false, &s, err, sizeof err),
	                 STORE_OK);
	ck_assert_int_eq(session_check_workbook(s, err, sizeof err),
	                 STORE_DAMAGED);
	ck_assert_int_eq(say(s, "gi.org_name", "Late Plan"), STORE_BUSY);
	ck_assert_str_eq(answers_get(s->a, edition_find(s->ed, "gi.org_name")),
	                 "Checked Plan");
	session_close(s);
	free(path);
}
END_TEST

int main(void)
{
	const TTest *const tests[] = {
		test_change_moves_gen_once,
		test_signoff_refused_while_errors_remain,
		test_errors_are_never_acknowledged,
		test_import_refuses_acks_of_errors,
		test_preview_is_one_view,
		test_against_marks_what_diff_lists,
		test_workbook_open_checks_after,
	};

	return store_suite_main("session", tests, sizeof tests / sizeof *tests,
	                        120);
}
