/* SPDX-License-Identifier: MIT */
/* check_jsonsplit.c: a JSON object cut into its members' texts
 * (src/jsonsplit.c), fed whole and a byte at a time, which must give the
 * same texts; and every way the text between them can be wrong, each
 * refused with where it is. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonsplit.h"
#include "testlib.h"

/* What the calls saw, one line each: N name, V value, E element, ] end. */
struct seen {
	char log[4096];
	int stop_at;     /* stop at this call (1-based), 0: never */
	int calls;
};

static bool note(struct seen *s, const char *what, const char *json,
                 size_t len)
{
	size_t at = strlen(s->log);

	ck_assert_uint_eq(strlen(json), len);   /* NUL-terminated, whole */
	snprintf(s->log + at, sizeof s->log - at, "%s %s\n", what, json);
	return ++s->calls != s->stop_at;
}

static bool on_name(void *ctx, const char *json, size_t len, bool *stream)
{
	*stream = strcmp(json, "\"list\"") == 0;
	return note(ctx, "N", json, len);
}

static bool on_value(void *ctx, const char *json, size_t len)
{
	return note(ctx, "V", json, len);
}

static bool on_element(void *ctx, uint64_t i, const char *json, size_t len)
{
	char what[32];

	snprintf(what, sizeof what, "E%llu", (unsigned long long)i);
	return note(ctx, what, json, len);
}

static bool on_end(void *ctx, uint64_t count)
{
	char n[32];

	snprintf(n, sizeof n, "%llu", (unsigned long long)count);
	return note(ctx, "]", n, strlen(n));
}

static const struct jsonsplit_calls calls = {
	on_name, on_value, on_element, on_end
};

static char err[512];

/* Splits text fed in pieces of `step` bytes (0: whole). */
static enum jsonsplit_status split(const char *text, size_t step,
                                   struct seen *s)
{
	struct jsonsplit *p = jsonsplit_new(&calls, s);
	size_t len = strlen(text), at = 0;
	enum jsonsplit_status rc = JSONSPLIT_OK;

	ck_assert_ptr_nonnull(p);
	err[0] = '\0';
	while (rc == JSONSPLIT_OK && at < len) {
		size_t n = step && step < len - at ? step : len - at;

		rc = jsonsplit_feed(p, text + at, n, err, sizeof err);
		at += n;
	}
	if (rc == JSONSPLIT_OK)
		rc = jsonsplit_finish(p, err, sizeof err);
	jsonsplit_free(p);
	return rc;
}

static const char doc[] =
	"{\n"
	"  \"format\": \"a \\\"quoted\\\" } ] , value\",\n"
	"  \"version\": 1,\n"
	"  \"o\": {\"a\": [1, {\"b\": \"]\"}], \"c\": null},\n"
	"  \"list\": [\n"
	"    {\"label\": \"x, y\"},\n"
	"    {\"label\": \"{[\"}, 7, \"s\", [ ] ,true\n"
	"  ],\n"
	"  \"n\":-1.5e3}\n";

static const char doc_seen[] =
	"N \"format\"\n"
	"V \"a \\\"quoted\\\" } ] , value\"\n"
	"N \"version\"\n"
	"V 1\n"
	"N \"o\"\n"
	"V {\"a\": [1, {\"b\": \"]\"}], \"c\": null}\n"
	"N \"list\"\n"
	"E0 {\"label\": \"x, y\"}\n"
	"E1 {\"label\": \"{[\"}\n"
	"E2 7\n"
	"E3 \"s\"\n"
	"E4 [ ]\n"
	"E5 true\n"
	"] 6\n"
	"N \"n\"\n"
	"V -1.5e3\n";

START_TEST(test_texts_whole_and_byte_by_byte)
{
	for (size_t step = 0; step <= 7; step++) {
		struct seen s = { "", 0, 0 };

		ck_assert_msg(split(doc, step, &s) == JSONSPLIT_OK, "step %zu: %s",
		              step, err);
		ck_assert_str_eq(s.log, doc_seen);
	}
}
END_TEST

START_TEST(test_lists_that_do_not_stream_and_empty_ones)
{
	struct seen s = { "", 0, 0 };

	ck_assert_int_eq(split("{\"other\": [1, 2], \"list\": [], "
	                       "\"list\" : [ ]}", 3, &s), JSONSPLIT_OK);
	ck_assert_str_eq(s.log, "N \"other\"\nV [1, 2]\nN \"list\"\n] 0\n"
	                 "N \"list\"\n] 0\n");
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(split(" {} ", 1, &s), JSONSPLIT_OK);
	ck_assert_str_eq(s.log, "");
	for (size_t step = 0; step <= 2; step++) {
		memset(&s, 0, sizeof s);
		ck_assert_int_eq(split("\xef\xbb\xbf{\"a\": 1}", step, &s),
		                 JSONSPLIT_OK);
		ck_assert_str_eq(s.log, "N \"a\"\nV 1\n");
	}
	/* A streamed member that is not a list comes whole. */
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(split("{\"list\": {\"a\": 1}}", 0, &s), JSONSPLIT_OK);
	ck_assert_str_eq(s.log, "N \"list\"\nV {\"a\": 1}\n");
}
END_TEST

START_TEST(test_refusals_say_where)
{
	static const struct {
		const char *text;
		enum jsonsplit_status rc;
		const char *words;
	} bad[] = {
		{ "", JSONSPLIT_NOT_JSON, "not valid JSON: it is empty" },
		{ "  \n ", JSONSPLIT_NOT_JSON, "it is empty" },
		{ "[1, 2]", JSONSPLIT_NOT_OBJECT, "not an object" },
		{ "x", JSONSPLIT_NOT_JSON, "byte 1), it does not start with {" },
		{ "{\"a\" 1}", JSONSPLIT_NOT_JSON, "byte 6), ':' was expected" },
		{ "{\"a\": 1 \"b\": 2}", JSONSPLIT_NOT_JSON,
		  "byte 9), ',' or '}' was expected" },
		{ "{\"a\": 1,}", JSONSPLIT_NOT_JSON,
		  "byte 9), a member's name in quotes" },
		{ "{a: 1}", JSONSPLIT_NOT_JSON, "a member's name in quotes" },
		{ "{\"a\":}", JSONSPLIT_NOT_JSON, "a value was expected after ':'" },
		{ "{\"list\": [1,]}", JSONSPLIT_NOT_JSON,
		  "byte 13), a value was expected in the list" },
		{ "{\"list\": [1 2]}", JSONSPLIT_NOT_JSON, "',' or ']' was expected" },
		{ "{\"a\": 1}\n\n x", JSONSPLIT_NOT_JSON,
		  "line 3 (byte 12), there is more after the object's closing }" },
		{ "{\"a\": {\"b\": 1}", JSONSPLIT_NOT_JSON,
		  "it ends before the object's closing }" },
		{ "{\"a\": \"open", JSONSPLIT_NOT_JSON, "ends before" },
		{ "{\"list\": [{}", JSONSPLIT_NOT_JSON, "ends before" },
		/* A byte order mark first is skipped, and its bytes counted. */
		{ "\xef\xbb\xbf{\"a\": 1,}", JSONSPLIT_NOT_JSON,
		  "byte 12), a member's name in quotes" },
		{ "\xef\xbb\xbf\xef\xbb\xbf{}", JSONSPLIT_NOT_JSON,
		  "byte 4), it does not start with {" },
		{ "\xef\xbb{}", JSONSPLIT_NOT_JSON,
		  "byte 3), it does not start with {" },
		{ "\xef\xbb", JSONSPLIT_NOT_JSON,
		  "byte 2), it does not start with {" },
		{ "\xef\xbb\xbf \n", JSONSPLIT_NOT_JSON, "it is empty" },
		{ " \xef\xbb\xbf{}", JSONSPLIT_NOT_JSON,
		  "byte 2), it does not start with {" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		for (size_t step = 0; step <= 1; step++) {
			struct seen s = { "", 0, 0 };

			ck_assert_msg(split(bad[i].text, step, &s) == bad[i].rc,
			              "case %zu: %s", i, err);
			ck_assert_msg(strstr(err, bad[i].words), "case %zu: '%s' not in "
			              "'%s'", i, bad[i].words, err);
		}
	}
}
END_TEST

START_TEST(test_nul_byte_and_stop)
{
	struct jsonsplit *p;
	struct seen s = { "", 0, 0 }, stop = { "", 2, 0 };

	p = jsonsplit_new(&calls, &s);
	ck_assert_int_eq(jsonsplit_feed(p, "{\"a\": 1", 7, err, sizeof err),
	                 JSONSPLIT_OK);
	ck_assert_int_eq(jsonsplit_feed(p, ", \"b\0", 5, err, sizeof err),
	                 JSONSPLIT_NOT_JSON);
	ck_assert_str_eq(err, "the JSON contains a NUL byte (byte 12); it is "
	                 "not a text file");
	jsonsplit_free(p);
	/* A call that says stop stops it there: no call after it. */
	ck_assert_int_eq(split("{\"a\": 1, \"b\": 2}", 0, &stop),
	                 JSONSPLIT_STOPPED);
	ck_assert_str_eq(stop.log, "N \"a\"\nV 1\n");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jsonsplit");
	TCase *tc = tcase_create("jsonsplit");

	tcase_add_test(tc, test_texts_whole_and_byte_by_byte);
	tcase_add_test(tc, test_lists_that_do_not_stream_and_empty_ones);
	tcase_add_test(tc, test_refusals_say_where);
	tcase_add_test(tc, test_nul_byte_and_stop);
	suite_add_tcase(s, tc);
	return test_main(s);
}
