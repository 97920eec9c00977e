/* SPDX-License-Identifier: MIT */
/* check_validate.c: what each kind of question accepts, the canonical form
 * it stores, and the reason it gives for what it refuses. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "mem.h"
#include "testlib.h"
#include "validate.h"

static struct edition *ed;

/* A small edition of our own: one question of each type. */
static void build(void)
{
	static const struct { const char *set, *value, *label; } choices[] = {
		{ "trend", "increase", "APM activity will increase" },
		{ "trend", "same", "APM activity will stay the same" },
		{ "trend", "decrease", "APM activity will decrease" },
		{ "trend", "not_sure", "Not sure" },
		{ "sub", "3a", "Traditional shared savings, utilization-based "
		  "shared savings (3A)" },
		{ "sub", "3b", "Fee-for-service-based shared risk, "
		  "procedure-based bundled/episode payments (3B)" },
		{ "barriers", "provider_interest", "Provider interest/readiness" },
		{ "barriers", "plan_interest", "Health plan interest/readiness" },
		{ "barriers", "purchaser_interest", "Purchaser interest/readiness" },
		{ "barriers", "government", "Government influence" },
		{ "barriers", "interoperability", "Interoperability" },
		{ "barriers", "market", "Market factors" },
		{ "barriers", "other", "Other (please list)" },
	};
	static const struct {
		const char *key, *tab, *type, *choices, *formula;
		int max_choices;
	} qs[] = {
		{ "t.text", "gi", "text", NULL, NULL, 0 },
		{ "t.long", "gi", "longtext", NULL, NULL, 0 },
		{ "t.email", "gi", "email", NULL, NULL, 0 },
		{ "t.phone", "gi", "phone", NULL, NULL, 0 },
		{ "t.yesno", "gi", "yesno", NULL, NULL, 0 },
		{ "t.whole", "gi", "whole", NULL, NULL, 0 },
		{ "t.hours", "gi", "hours", NULL, NULL, 0 },
		{ "t.money", "gi", "money", NULL, NULL, 0 },
		{ "t.computed", "gi", "computed", NULL, "t.money", 0 },
		{ "t.choice", "iq", "choice", "trend", NULL, 0 },
		{ "t.sub", "iq", "choice", "sub", NULL, 0 },
		{ "t.multi", "iq", "multi", "barriers", NULL, 3 },
		{ "t.multi_any", "iq", "multi", "barriers", NULL, 0 },
	};
	char err[256] = "";

	ed = edition_new();
	ck_assert_ptr_nonnull(ed);
	ck_assert_msg(edition_set_info(ed, "test", "Test edition", "CMS-10620",
	                               "CY 2019", err, sizeof err), "%s", err);
	ck_assert_msg(edition_add_tab(ed, "gi", "General information", "General",
	                              "", "", err, sizeof err), "%s", err);
	ck_assert_msg(edition_add_tab(ed, "iq", "Informational questions",
	                              "Questions", "", "", err, sizeof err),
	              "%s", err);
	for (size_t i = 0; i < sizeof choices / sizeof *choices; i++)
		ck_assert_msg(edition_add_choice(ed, choices[i].set,
		                                 choices[i].value, choices[i].label,
		                                 err, sizeof err), "%s", err);
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		struct question_row row = {
			.key = qs[i].key, .tab = qs[i].tab, .type = qs[i].type,
			.prompt = "Prompt", .label = qs[i].key,
			.choices = qs[i].choices, .formula = qs[i].formula,
			.max_choices = qs[i].max_choices,
		};

		ck_assert_msg(edition_add_question(ed, &row, err, sizeof err),
		              "%s: %s", qs[i].key, err);
	}
	ck_assert_msg(edition_finish(ed, err, sizeof err), "%s", err);
}

static void unbuild(void)
{
	edition_free(ed);
	ed = NULL;
}

static int q_of(const char *key)
{
	int q = edition_find(ed, key);

	ck_assert_msg(q >= 0, "no question %s", key);
	return q;
}

/* A reason reads after the label: one line, no closing period. */
static void assert_reason_shape(const char *err)
{
	size_t n = strlen(err);

	ck_assert_msg(n > 0, "empty reason");
	ck_assert_msg(strchr(err, '\n') == NULL, "reason '%s' has a newline", err);
	ck_assert_msg(err[n - 1] != '.', "reason '%s' ends in a period", err);
	ck_assert_msg(strchr(err, '\x1b') == NULL, "reason has an escape");
}

static const struct {
	const char *key, *in, *want;
} good[] = {
	/* text */
	{ "t.text", "  Acme Health Plan  ", "Acme Health Plan" },
	{ "t.text", "Acme\tHealth", "Acme Health" },
	{ "t.text", "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 caf\xc3\xa9",
	  "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 caf\xc3\xa9" },
	{ "t.text", "\n Jane Doe \r\n", "Jane Doe" },
	/* long text: one kind of line ending, blank lines at the ends go,
	 * inner layout stays */
	{ "t.long", "  \r\n\r\nFirst line\r\n  indented\r\n\r\nlast\t end \n\n  ",
	  "First line\n  indented\n\nlast  end" },
	{ "t.long", "a\rb", "a\nb" },
	{ "t.long", "a\r\r\nb", "a\n\nb" },
	{ "t.long", "one line", "one line" },
	/* e-mail */
	{ "t.email", " jane.doe@example.org ", "jane.doe@example.org" },
	{ "t.email", "Jane+apm@Mail.Example-Plan.COM",
	  "Jane+apm@Mail.Example-Plan.COM" },
	{ "t.email", "j@a.b", "j@a.b" },
	{ "t.email", "x@1-2.b3", "x@1-2.b3" },
	{ "t.email", "o'neil.jr@example.org", "o'neil.jr@example.org" },
	{ "t.email", "a.b.c@example.org", "a.b.c@example.org" },
	/* phone */
	{ "t.phone", "(555) 123-4567", "(555) 123-4567" },
	{ "t.phone", "555.123.4567", "555.123.4567" },
	{ "t.phone", "+1 555 123 4567", "+1 555 123 4567" },
	{ "t.phone", "  555   123\t4567  ", "555 123 4567" },
	{ "t.phone", "555-123-4567 x12", "555-123-4567 x12" },
	{ "t.phone", "555-123-4567x12", "555-123-4567x12" },
	{ "t.phone", "555-123-4567 ext. 12", "555-123-4567 ext. 12" },
	{ "t.phone", "555-123-4567 EXT 12", "555-123-4567 EXT 12" },
	{ "t.phone", "555-123-4567  ext.   12", "555-123-4567 ext. 12" },
	{ "t.phone", "+44/20/7946/0958", "+44/20/7946/0958" },
	{ "t.phone", "5551234567", "5551234567" },
	{ "t.phone", "123456789012345", "123456789012345" },
	{ "t.phone", "555-123-4567 x1234567890", "555-123-4567 x1234567890" },
	/* yes/no */
	{ "t.yesno", "yes", "yes" },
	{ "t.yesno", " YES ", "yes" },
	{ "t.yesno", "Y", "yes" },
	{ "t.yesno", "y", "yes" },
	{ "t.yesno", "no", "no" },
	{ "t.yesno", "nO", "no" },
	{ "t.yesno", "N", "no" },
	/* whole numbers */
	{ "t.whole", "0", "0" },
	{ "t.whole", "000", "0" },
	{ "t.whole", "007", "7" },
	{ "t.whole", "1234", "1234" },
	{ "t.whole", "1,234", "1234" },
	{ "t.whole", " 12,345,678 ", "12345678" },
	{ "t.whole", "999,999,999,999", "999999999999" },
	{ "t.whole", "999999999999", "999999999999" },
	/* hours */
	{ "t.hours", "12", "12" },
	{ "t.hours", "12.0", "12" },
	{ "t.hours", "12.5", "12.5" },
	{ "t.hours", ".5", "0.5" },
	{ "t.hours", "12.", "12" },
	{ "t.hours", "0", "0" },
	{ "t.hours", "0.0", "0" },
	{ "t.hours", "007.5", "7.5" },
	{ "t.hours", "100000", "100000" },
	{ "t.hours", "100,000.0", "100000" },
	{ "t.hours", "99999.9", "99999.9" },
	/* money */
	{ "t.money", "$1,234.5", "1234.50" },
	{ "t.money", "0", "0.00" },
	{ "t.money", " 2610000000 ", "2610000000.00" },
	{ "t.money", "$99,999,999,999,999.99", "99999999999999.99" },
	/* a choice: value name or label, any case */
	{ "t.choice", "increase", "increase" },
	{ "t.choice", "INCREASE", "increase" },
	{ "t.choice", " decrease ", "decrease" },
	{ "t.choice", "Not sure", "not_sure" },
	{ "t.choice", "not SURE", "not_sure" },
	{ "t.choice", "NOT_SURE", "not_sure" },
	{ "t.choice", "apm activity will stay the same", "same" },
	{ "t.sub", "3A", "3a" },
	{ "t.sub", "Traditional shared savings, utilization-based shared "
	  "savings (3A)", "3a" },
	/* a multi-select: value names in the edition's order */
	{ "t.multi", "market, other", "market\nother" },
	{ "t.multi", "other, market", "market\nother" },
	{ "t.multi", "Other (please list)\nProvider interest/readiness",
	  "provider_interest\nother" },
	{ "t.multi", "market other", "market\nother" },
	{ "t.multi", "  other   market  ", "market\nother" },
	{ "t.multi", "MARKET,  government ,,", "government\nmarket" },
	{ "t.multi", "government, market factors", "government\nmarket" },
	{ "t.multi", "market, market, Market factors", "market" },
	{ "t.multi", "market, market, market, other", "market\nother" },
	{ "t.multi", "market\r\nother", "market\nother" },
	{ "t.multi", "interoperability", "interoperability" },
	{ "t.multi", "Interoperability, plan_interest, PURCHASER_INTEREST",
	  "plan_interest\npurchaser_interest\ninteroperability" },
	{ "t.multi_any", "other, market, interoperability, government, "
	  "purchaser_interest, plan_interest, provider_interest",
	  "provider_interest\nplan_interest\npurchaser_interest\ngovernment\n"
	  "interoperability\nmarket\nother" },
	/* Only separators: nothing chosen, so blank. */
	{ "t.multi", ", ,\n", NULL },
};

START_TEST(test_good)
{
	char *canon = (char *)"untouched", *again = NULL;
	char err[300] = "";
	int q = q_of(good[_i].key);

	ck_assert_msg(validate_answer(ed, q, good[_i].in, &canon, err, sizeof err),
	              "%s '%s' refused: %s", good[_i].key, good[_i].in, err);
	if (!good[_i].want) {
		ck_assert_ptr_null(canon);
		return;
	}
	ck_assert_ptr_nonnull(canon);
	ck_assert_str_eq(canon, good[_i].want);
	/* The canonical form is accepted as itself. */
	ck_assert(validate_answer(ed, q, canon, &again, err, sizeof err));
	ck_assert_str_eq(again, canon);
	mem_free(again);
	mem_free(canon);
}
END_TEST

static const struct {
	const char *key, *in, *why;
} bad[] = {
	/* text */
	{ "t.text", "a\x1b[2J", "contains a control character (U+001B) at character 2" },
	{ "t.text", "line\nbreak", "contains a line break (U+000A) at character 5" },
	{ "t.text", "a\xe2\x80\xae" "b", "contains a bidirectional override (U+202E) at character 2" },
	{ "t.text", "bad\xff", "is not valid UTF-8 at byte 4" },
	{ "t.text", "bad\xc0\x80", "is not valid UTF-8 at byte 4" },
	/* long text */
	{ "t.long", "a\x1b" "b", "contains a control character (U+001B) at character 2" },
	{ "t.long", "a\n\xe2\x80\xa8", "separator (U+2028) at character 3" },
	{ "t.long", "ok\n\xed\xa0\x80", "is not valid UTF-8 at byte 4" },
	/* e-mail */
	{ "t.email", "jane", "is not an e-mail address: no '@'" },
	{ "t.email", "a@b@c.org", "is not an e-mail address: more than one '@'" },
	{ "t.email", "@example.org", "nothing before the '@'" },
	{ "t.email", "jane doe@example.org", "a blank before the '@'" },
	{ "t.email", "jane@", "nothing after the '@'" },
	{ "t.email", "jane@localhost", "the domain needs a dot" },
	{ "t.email", "jane@example..org", "the domain has an empty part" },
	{ "t.email", "jane@.example.org", "the domain has an empty part" },
	{ "t.email", "jane@example.org.", "the domain has an empty part" },
	{ "t.email", "jane@-example.org", "starts or ends with '-'" },
	{ "t.email", "jane@example-.org", "starts or ends with '-'" },
	{ "t.email", "jane@exa_mple.org", "unexpected '_' in the domain" },
	{ "t.email", "jane@exa mple.org", "unexpected blank in the domain" },
	{ "t.email", "jane@b\xc3\xbc" "cher.de", "unexpected non-ASCII character in the domain" },
	{ "t.email", "ja\x1bne@example.org", "control character (U+001B) at character 3" },
	{ "t.text", "An\xe2\x80\x8bn", "invisible character" },
	{ "t.text", "\xef\xbb\xbf" "Acme", "invisible character" },
	{ "t.text", "Ac\xc2\xadme", "invisible character" },
	{ "t.text", "Acme\xf3\xa0\x81\x81", "invisible character" },
	{ "t.text", "e\xcc\x81\xcc\x81\xcc\x81\xcc\x81", "more than three combining marks" },
	{ "t.email", ".a@b.com", "a dot before the '@' may not start, end or follow another dot" },
	{ "t.email", "a.@b.com", "a dot before the '@' may not start" },
	{ "t.email", "a..b@c.com", "a dot before the '@' may not start" },
	{ "t.email", "a@b.123", "the last part of the domain has no letter" },
	{ "t.email", "x@1-2.3", "the last part of the domain has no letter" },
	{ "t.email", "a(b)@c.com", "unexpected '(' before the '@'" },
	{ "t.email", "a,b@c.com", "unexpected ',' before the '@'" },
	{ "t.email", "jane\xe2\x80\x8b@example.org", "invisible character" },
	/* phone */
	{ "t.phone", "555-1234", "is not a phone number: 7 digits; give at least 10" },
	{ "t.phone", "1", "1 digit; give at least 10" },
	{ "t.phone", "555-123-456", "9 digits" },
	{ "t.phone", "1234567890123456", "16 digits; at most 15" },
	{ "t.phone", "+44 20 7946 0958 / 0959", "16 digits; at most 15" },
	{ "t.phone", "555-123-4567 x", "no digits after the extension" },
	{ "t.phone", "555-123-4567 ext.", "no digits after the extension" },
	{ "t.phone", "555-123-4567 call", "is not a phone number: unexpected 'c'" },
	{ "t.phone", "555-123-4567 ext 12a", "unexpected 'a' in the extension" },
	{ "t.phone", "555-123-4567 x 12 x 13", "unexpected blank in the extension" },
	{ "t.phone", "555#123#4567", "unexpected '#'" },
	{ "t.phone", "555-123-4567 x12345678901", "more than 10 digits" },
	{ "t.phone", "555\x1b" "1234567", "unexpected control character" },
	{ "t.phone", "++1 5551234567", "a '+' only goes first, once" },
	{ "t.phone", "1+5551234567", "a '+' only goes first, once" },
	{ "t.phone", "(((555)))1234567", "a '(' inside another" },
	{ "t.phone", "555)123(4567", "a ')' with no digits opened before it" },
	{ "t.phone", "()5551234567", "a ')' with no digits opened before it" },
	{ "t.phone", "(5551234567", "a '(' is never closed" },
	{ "t.phone", "(55-5) 1234567", "only digits go between '(' and ')'" },
	/* yes/no */
	{ "t.yesno", "maybe", "is not yes or no" },
	{ "t.yesno", "yess", "is not yes or no" },
	{ "t.yesno", "1", "is not yes or no" },
	/* whole numbers */
	{ "t.whole", "1,000,000,000,000", "is more than 999,999,999,999" },
	{ "t.whole", "1000000000000", "is more than 999,999,999,999" },
	{ "t.whole", "99999999999999999999999999", "is more than 999,999,999,999" },
	{ "t.whole", "-5", "is negative" },
	{ "t.whole", "+5", "is not a whole number: unexpected '+'" },
	{ "t.whole", "12.5", "is not a whole number: it has a decimal point" },
	{ "t.whole", "12.0", "it has a decimal point" },
	{ "t.whole", "1e6", "type the digits, not an exponent" },
	{ "t.whole", "12,34", "misplaced ','" },
	{ "t.whole", "1,2345", "misplaced ','" },
	{ "t.whole", ",123", "misplaced ','" },
	{ "t.whole", "1,234,", "misplaced ','" },
	{ "t.whole", "12a", "unexpected 'a'" },
	{ "t.whole", "12 000", "unexpected blank" },
	{ "t.whole", ".", "no digits" },
	/* hours */
	{ "t.hours", "100000.1", "is more than 100,000 hours" },
	{ "t.hours", "100001", "is more than 100,000 hours" },
	{ "t.hours", "99999999999999999999999", "is more than 100,000 hours" },
	{ "t.hours", "12.55", "has more than one decimal" },
	{ "t.hours", "12.50", "has more than one decimal" },
	{ "t.hours", "-1", "is negative" },
	{ "t.hours", "1e3", "type the digits, not an exponent" },
	{ "t.hours", "twelve", "is not a number of hours: unexpected 't'" },
	{ "t.hours", "12h", "unexpected 'h'" },
	{ "t.hours", "12,5", "misplaced ','" },
	/* money: money_parse's own reasons */
	{ "t.money", "-5", "is negative; dollars paid are never below zero" },
	{ "t.money", "12x", "is not an amount: unexpected 'x'" },
	{ "t.money", "1.234", "has more than two decimals" },
	{ "t.money", "100000000000000", "is more than $99,999,999,999,999.99" },
	{ "t.money", "1e6", "type the digits, not an exponent" },
	/* computed */
	{ "t.computed", "5", "is computed from other rows and cannot be typed" },
	/* choices */
	{ "t.choice", "up", "'up' is not one of: increase, same, decrease, not_sure" },
	{ "t.choice", "in crease", "'in crease' is not one of" },
	{ "t.choice", "increase, decrease", "is not one of" },
	{ "t.choice", "\x1b[2J", "'\xef\xbf\xbd[2J' is not one of" },
	{ "t.sub", "3c", "'3c' is not one of: 3a, 3b" },
	/* multi-selects */
	{ "t.multi", "market, other, government, interoperability",
	  "choose at most 3 (4 given)" },
	{ "t.multi", "market other government plan_interest",
	  "choose at most 3 (4 given)" },
	{ "t.multi", "market, weather", "'weather' is not one of: "
	  "provider_interest, plan_interest, purchaser_interest, government, "
	  "interoperability, market, other" },
	{ "t.multi", "market factors other", "'factors' is not one of" },
	{ "t.multi", "weather", "'weather' is not one of" },
};

START_TEST(test_bad)
{
	char *canon = (char *)"untouched";
	char err[300] = "";
	int q = q_of(bad[_i].key);

	ck_assert_msg(!validate_answer(ed, q, bad[_i].in, &canon, err, sizeof err),
	              "%s '%s' accepted as '%s'", bad[_i].key, bad[_i].in,
	              canon ? canon : "(blank)");
	ck_assert_ptr_null(canon);
	ck_assert_msg(strstr(err, bad[_i].why) != NULL,
	              "%s '%s': reason '%s' lacks '%s'", bad[_i].key,
	              bad[_i].in, err, bad[_i].why);
	assert_reason_shape(err);
	/* No room for a reason is no reason to crash. */
	ck_assert(!validate_answer(ed, q, bad[_i].in, &canon, NULL, 0));
	ck_assert_ptr_null(canon);
}
END_TEST

START_TEST(test_blank_is_blank)
{
	static const char *blanks[] = { "", " ", "\t\n", "\r\n  \r\n" };
	char err[100];

	/* For every type, the computed row too: blank takes the answer away. */
	for (size_t q = 0; q < ed->nq; q++) {
		for (size_t b = 0; b < sizeof blanks / sizeof *blanks; b++) {
			char *canon = (char *)"untouched";

			ck_assert(validate_answer(ed, (int)q, blanks[b], &canon,
			                          err, sizeof err));
			ck_assert_ptr_null(canon);
		}
		{
			char *canon = (char *)"untouched";

			ck_assert(validate_answer(ed, (int)q, NULL, &canon, err,
			                          sizeof err));
			ck_assert_ptr_null(canon);
		}
	}
}
END_TEST

START_TEST(test_not_a_question)
{
	char *canon = (char *)"untouched", err[100];

	ck_assert(!validate_answer(ed, -1, "x", &canon, err, sizeof err));
	ck_assert_ptr_null(canon);
	ck_assert_str_eq(err, "is not a question of this edition");
	ck_assert(!validate_answer(ed, (int)ed->nq, "x", &canon, err, sizeof err));
	ck_assert(!validate_answer(NULL, 0, "x", &canon, err, sizeof err));
}
END_TEST

/* text filled with n copies of c, between blanks. */
static char *filled(size_t n, char c, const char *pad)
{
	size_t p = strlen(pad);
	char *s = malloc(n + 2 * p + 1);

	ck_assert_ptr_nonnull(s);
	memcpy(s, pad, p);
	memset(s + p, c, n);
	memcpy(s + p + n, pad, p);
	s[n + 2 * p] = '\0';
	return s;
}

START_TEST(test_lengths)
{
	char *s, *canon, err[300];

	/* Text: 500 bytes, blanks around not counted; 501 refused. */
	s = filled(VALIDATE_TEXT_MAX, 'x', "  ");
	ck_assert(validate_answer(ed, q_of("t.text"), s, &canon, err, sizeof err));
	ck_assert_uint_eq(strlen(canon), VALIDATE_TEXT_MAX);
	mem_free(canon);
	free(s);
	s = filled(VALIDATE_TEXT_MAX + 1, 'x', "");
	ck_assert(!validate_answer(ed, q_of("t.text"), s, &canon, err, sizeof err));
	ck_assert_str_eq(err, "is too long: at most 500 bytes (501 given)");
	free(s);

	/* Long text: 20,000 bytes after the line endings are made one. */
	s = filled(VALIDATE_LONGTEXT_MAX, 'y', "\r\n");
	ck_assert(validate_answer(ed, q_of("t.long"), s, &canon, err, sizeof err));
	ck_assert_uint_eq(strlen(canon), VALIDATE_LONGTEXT_MAX);
	mem_free(canon);
	free(s);
	s = filled(VALIDATE_LONGTEXT_MAX + 1, 'y', "");
	ck_assert(!validate_answer(ed, q_of("t.long"), s, &canon, err, sizeof err));
	ck_assert_str_eq(err, "is too long: at most 20000 bytes (20001 given)");
	free(s);
	/* "a\n", 9,999 CRLF pairs, "\rb": 20,002 bytes typed, 10,003 stored. */
	s = malloc(20000 + 3);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < 10000; i++)
		memcpy(s + 2 * i, "\r\n", 2);
	s[0] = 'a';
	memcpy(s + 20000, "\rb", 3);
	ck_assert(validate_answer(ed, q_of("t.long"), s, &canon, err, sizeof err));
	ck_assert_uint_eq(strlen(canon), 10003);
	mem_free(canon);
	free(s);
}
END_TEST

START_TEST(test_email_lengths)
{
	char addr[300], *canon, err[300];

	/* A domain label of 63 is fine, 64 is not. */
	snprintf(addr, sizeof addr, "jane@%.*s.org", 63,
	         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	ck_assert_msg(validate_email(addr, err, sizeof err), "%s", err);
	snprintf(addr, sizeof addr, "jane@%.*s.org", 64,
	         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	ck_assert(!validate_email(addr, err, sizeof err));
	ck_assert(strstr(err, "longer than 63 characters") != NULL);

	/* 254 bytes in all is the most. */
	memset(addr, 'l', 60);
	addr[60] = '@';
	for (size_t i = 61; i < 254; i++)
		addr[i] = i % 50 == 0 ? '.' : 'd';
	addr[254] = '\0';
	ck_assert_msg(validate_answer(ed, q_of("t.email"), addr, &canon, err,
	                              sizeof err), "%s", err);
	ck_assert_uint_eq(strlen(canon), 254);
	mem_free(canon);
	addr[254] = 'd';
	addr[255] = '\0';
	ck_assert(!validate_answer(ed, q_of("t.email"), addr, &canon, err,
	                           sizeof err));
	ck_assert_str_eq(err, "is not an e-mail address: longer than 254 bytes");
}
END_TEST

START_TEST(test_email_and_phone_alone)
{
	char err[200];

	ck_assert(validate_email("  a@b.co ", err, sizeof err));
	ck_assert(!validate_email("", err, sizeof err));
	ck_assert_str_eq(err, "is empty");
	ck_assert(!validate_email(NULL, err, sizeof err));
	ck_assert(!validate_email("a.b.co", err, sizeof err));
	ck_assert_str_eq(err, "is not an e-mail address: no '@'");
	ck_assert(validate_email("a@b.co", NULL, 0));
	ck_assert(!validate_email("a@b", NULL, 0));

	ck_assert(validate_phone(" (555) 123-4567 ext. 89 ", err, sizeof err));
	ck_assert(!validate_phone("  ", err, sizeof err));
	ck_assert_str_eq(err, "is empty");
	ck_assert(!validate_phone("555-1234", err, sizeof err));
	ck_assert_str_eq(err, "is not a phone number: 7 digits; give at least "
	                 "10, with the area code");
}
END_TEST

START_TEST(test_long_quote_is_cut)
{
	/* An unknown choice of 106 bytes is quoted short, in whole characters. */
	char *s = filled(100, 'z', "\xe6\x97\xa5"), *canon, err[400];

	ck_assert(!validate_answer(ed, q_of("t.choice"), s, &canon, err, sizeof err));
	ck_assert_msg(strncmp(err, "'\xe6\x97\xa5zzz", 7) == 0, "%s", err);
	ck_assert(strstr(err, "...' is not one of: increase") != NULL);
	ck_assert(strlen(err) < 140);
	free(s);
}
END_TEST

START_TEST(test_out_of_memory)
{
	/* Every allocation, failing in turn, gives "out of memory" and no
	 * answer; none leaks (valgrind and ASan watch that). */
	static const struct { const char *key, *in; } each[] = {
		{ "t.text", "Acme" }, { "t.long", "a\r\nb" },
		{ "t.email", "a@b.co" }, { "t.phone", "555  123 4567" },
		{ "t.yesno", "y" }, { "t.whole", "1,234" },
		{ "t.hours", "1.5" }, { "t.money", "$5" },
		{ "t.choice", "same" }, { "t.multi", "market other" },
	};

	for (size_t i = 0; i < sizeof each / sizeof *each; i++) {
		int q = q_of(each[i].key);
		unsigned long n;

		for (n = 1; ; n++) {
			char *canon = (char *)"untouched", err[100] = "";
			bool ok;

			mem_fail_at(n, 0);
			ok = validate_answer(ed, q, each[i].in, &canon, err,
			                     sizeof err);
			mem_fail_at(0, 0);
			if (ok) {
				ck_assert_ptr_nonnull(canon);
				mem_free(canon);
				break;
			}
			ck_assert_str_eq(err, "out of memory");
			ck_assert_ptr_null(canon);
		}
		ck_assert_msg(n > 1, "%s made no allocation", each[i].key);
	}
}
END_TEST

static Suite *validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, build, unbuild);
	tcase_add_loop_test(tc, test_good, 0, (int)(sizeof good / sizeof *good));
	tcase_add_loop_test(tc, test_bad, 0, (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, test_blank_is_blank);
	tcase_add_test(tc, test_not_a_question);
	tcase_add_test(tc, test_lengths);
	tcase_add_test(tc, test_email_lengths);
	tcase_add_test(tc, test_email_and_phone_alone);
	tcase_add_test(tc, test_long_quote_is_cut);
	tcase_add_test(tc, test_out_of_memory);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(validate_suite());
}
