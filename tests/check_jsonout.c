/* SPDX-License-Identifier: MIT */
/* check_jsonout.c: JSON strings as every JSON apmwb writes them
 * (src/jsonout.c): each escape worked out by hand, and the same bytes
 * whatever the size of the buffer they are gathered in, an escape or a
 * UTF-8 sequence falling on every place of its end. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonout.h"
#include "testlib.h"

/* What jsonout_string writes for s. */
static char *written(const char *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	jsonout_string(f, s);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

static const struct {
	const char *in, *out;
} cases[] = {
	{ "", "\"\"" },
	{ "Acme 12.5%", "\"Acme 12.5%\"" },
	{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
	{ "1\n2\r3\t4", "\"1\\n2\\r3\\t4\"" },
	{ "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
	/* kept: Latin, CJK, emoji; escaped: the line and paragraph
	 * separators; not UTF-8: U+FFFD, one a byte */
	{ "caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80",
	  "\"caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80\"" },
	{ "a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\u2028b\\u2029\"" },
	{ "x\xffy\xc3", "\"x\\ufffdy\\ufffd\"" },
};

START_TEST(escapes_by_hand)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = written(cases[i].in);

		ck_assert_msg(strcmp(got, cases[i].out) == 0, "%zu: %s", i, got);
		free(got);
	}
}
END_TEST

/* Pieces of text and their escapes, strung together at shifting places so
 * that each falls across the buffer's end somewhere. */
static const char *const piece_in[] = {
	"x", "\"", "\xc3\xa9", "\xe2\x80\xa8", "\x01", "\xf0\x9f\x98\x80",
	"\xff", "\\", "Northside ACO ",
};
static const char *const piece_out[] = {
	"x", "\\\"", "\xc3\xa9", "\\u2028", "\\u0001", "\xf0\x9f\x98\x80",
	"\\ufffd", "\\\\", "Northside ACO ",
};
#define NPIECES (sizeof piece_in / sizeof *piece_in)

START_TEST(same_bytes_through_a_small_buffer)
{
	enum { N = 400 };
	size_t inlen = 1, outlen = 3;
	char *in, *want, *text = NULL;
	size_t len = 0;
	char small[JSONBUF_MIN];
	struct jsonbuf j;
	FILE *f;

	for (size_t k = 0; k < N; k++) {
		inlen += strlen(piece_in[k * 7 % NPIECES]);
		outlen += strlen(piece_out[k * 7 % NPIECES]);
	}
	in = calloc(1, inlen);
	want = calloc(1, outlen + 20);
	ck_assert(in && want);
	strcpy(want, "[\"");
	for (size_t k = 0; k < N; k++) {
		strcat(in, piece_in[k * 7 % NPIECES]);
		strcat(want, piece_out[k * 7 % NPIECES]);
	}
	strcat(want, "\",null,\"");
	strcat(want, "x\\\"\"]");

	f = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(f);
	jsonbuf_init(&j, f, small, sizeof small);
	jsonbuf_put(&j, "[", 1);
	jsonbuf_string(&j, in);
	jsonbuf_raw(&j, ",");
	jsonbuf_string(&j, NULL);
	jsonbuf_raw(&j, ",");
	jsonbuf_string(&j, "x\"");
	jsonbuf_put(&j, "]", 1);
	jsonbuf_flush(&j);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert(strcmp(text, want) == 0);
	free(text);

	/* jsonout_string's own buffer gives the same string. */
	text = written(in);
	want[strlen(want) - strlen(",null,\"x\\\"\"]")] = '\0';
	ck_assert_str_eq(text, want + 1);
	free(text);
	free(in);
	free(want);
}
END_TEST

/* Text longer than the buffer put as it is: written in its place. */
START_TEST(long_raw_text_in_order)
{
	char small[JSONBUF_MIN], big[3 * JSONBUF_MIN + 1], *text = NULL;
	size_t len = 0;
	struct jsonbuf j;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	memset(big, 'b', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	jsonbuf_init(&j, f, small, sizeof small);
	jsonbuf_put(&j, "a", 1);
	jsonbuf_raw(&j, big);
	jsonbuf_put(&j, "c", 1);
	jsonbuf_flush(&j);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_uint_eq(len, sizeof big + 1);
	ck_assert_int_eq(text[0], 'a');
	ck_assert_int_eq(text[1], 'b');
	ck_assert_int_eq(text[sizeof big - 1], 'b');
	ck_assert_int_eq(text[sizeof big], 'c');
	free(text);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("jsonout");
	TCase *tc = tcase_create("jsonout");

	tcase_add_test(tc, escapes_by_hand);
	tcase_add_test(tc, same_bytes_through_a_small_buffer);
	tcase_add_test(tc, long_raw_text_in_order);
	suite_add_tcase(s, tc);
	return test_main(s);
}
