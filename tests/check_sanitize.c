/* SPDX-License-Identifier: MIT */
/* check_sanitize.c: nothing from a file reaches the terminal as an escape
 * sequence, a bidi trick or broken UTF-8; real text passes untouched. */
#include <config.h>

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "sanitize.h"
#include "testlib.h"

#define FFFD "\xef\xbf\xbd"

static const struct {
	const char *in, *out;
	int flags;
} cases[] = {
	/* Kept as is: ASCII, Latin, CJK, emoji (with ZWJ), no-break spaces,
	 * the highest code point, and neighbours of what is replaced. */
	{ "Acme Health Plan", "Acme Health Plan", 0 },
	{ "caf\xc3\xa9 na\xc3\xafve", "caf\xc3\xa9 na\xc3\xafve", 0 },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 0 },
	{ "\xf0\x9f\x98\x80 ok", "\xf0\x9f\x98\x80 ok", 0 },
	{ "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb",
	  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 0 },
	{ "1\xc2\xa0" "000", "1\xc2\xa0" "000", 0 },
	{ "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", 0 },
	{ "\xed\x9f\xbf", "\xed\x9f\xbf", 0 },                /* U+D7FF */
	{ "\xee\x80\x80", "\xee\x80\x80", 0 },                /* U+E000 */
	{ "\xe2\x80\xaf", "\xe2\x80\xaf", 0 },                /* U+202F */
	{ "\xe2\x81\xaa", "\xe2\x81\xaa", 0 },                /* U+206A */
	{ "\xd8\x9b", "\xd8\x9b", 0 },                        /* U+061B */
	{ "\xc2\xa0", "\xc2\xa0", 0 },                        /* U+00A0 */
	{ "~", "~", 0 },
	{ "", "", 0 },
	/* Escape sequences and other controls. */
	{ "\x1b[2J", FFFD "[2J", 0 },
	{ "a\x1b]0;pwned\x07z", "a" FFFD "]0;pwned" FFFD "z", 0 },
	{ "\x01\x1f", FFFD FFFD, 0 },
	{ "x\x7fy", "x" FFFD "y", 0 },
	{ "\xc2\x9b" "2J", FFFD "2J", 0 },                    /* C1 CSI */
	{ "\xc2\x80\xc2\x85\xc2\x9f", FFFD FFFD FFFD, 0 },
	{ "a\rb", "a" FFFD "b", 0 },
	{ "a\rb", "a" FFFD "b", SANITIZE_KEEP_NEWLINES },
	/* Tabs and newlines. */
	{ "a\tb", "a b", 0 },
	{ "a\tb", "a b", SANITIZE_KEEP_NEWLINES },
	{ "a\nb", "a" FFFD "b", 0 },
	{ "a\nb\n", "a\nb\n", SANITIZE_KEEP_NEWLINES },
	/* Bidirectional controls and the Unicode line separators. */
	{ "a\xe2\x80\xaeZ", "a" FFFD "Z", 0 },                /* RLO */
	{ "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	  FFFD FFFD FFFD FFFD, 0 },
	{ "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	  FFFD FFFD FFFD FFFD, 0 },
	{ "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", FFFD FFFD FFFD, 0 },
	{ "a\xe2\x80\xa8" "b\xe2\x80\xa9", "a" FFFD "b" FFFD, SANITIZE_KEEP_NEWLINES },
	/* Invalid UTF-8: one U+FFFD per bad sequence. */
	{ "a\x80" "b", "a" FFFD "b", 0 },                     /* stray */
	{ "a\x80\xbf" "b", "a" FFFD FFFD "b", 0 },
	{ "\xc0\x80", FFFD, 0 },                              /* overlong NUL */
	{ "\xc1\xbf", FFFD, 0 },
	{ "\xe0\x80\xaf", FFFD, 0 },                          /* overlong '/' */
	{ "\xe0\x9f\xbf", FFFD, 0 },
	{ "\xf0\x80\x80\xaf", FFFD, 0 },
	{ "\xf0\x8f\xbf\xbf", FFFD, 0 },
	{ "\xed\xa0\x80", FFFD, 0 },                          /* surrogates */
	{ "\xed\xbf\xbf", FFFD, 0 },
	{ "\xed\xa0\xbd\xed\xb8\x80", FFFD FFFD, 0 },         /* CESU pair */
	{ "\xf4\x90\x80\x80", FFFD, 0 },                      /* U+110000 */
	{ "\xf5\x80\x80\x80", FFFD, 0 },
	{ "\xf7\xbf\xbf\xbf", FFFD, 0 },
	{ "\xf8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD, 0 },
	{ "\xfe\xff", FFFD FFFD, 0 },
	{ "ab\xe6\x97", "ab" FFFD, 0 },                       /* truncated */
	{ "\xf0\x9f\x98", FFFD, 0 },
	{ "\xc3", FFFD, 0 },
	{ "\xe6\x97x\xe6", FFFD "x" FFFD, 0 },
	{ "\xf0\x9f\x98\xe6\x97\xa5", FFFD "\xe6\x97\xa5", 0 },
	{ "\xc3\xc3\xa9", FFFD "\xc3\xa9", 0 },
	/* Invisible characters that make two names look the same: U+200B,
	 * U+2060, U+FEFF, U+00AD, U+3164, a tag letter (U+E0041); the joiners
	 * Persian, Indic scripts and emoji need stay (U+200C, U+200D). */
	{ "An\xe2\x80\x8bn", "An" FFFD "n", 0 },
	{ "An\xe2\x81\xa0n", "An" FFFD "n", 0 },
	{ "\xef\xbb\xbf" "Ann", FFFD "Ann", 0 },
	{ "An\xc2\xadn", "An" FFFD "n", 0 },
	{ "\xe3\x85\xa4", FFFD, 0 },
	{ "Ann\xf3\xa0\x81\x81", "Ann" FFFD, 0 },
	{ "\xd9\x85\xe2\x80\x8c\xd9\x85", "\xd9\x85\xe2\x80\x8c\xd9\x85", 0 },
	/* Up to three combining marks in a row are text; each after is shown
	 * as U+FFFD (e + U+0301 x 5). */
	{ "e\xcc\x81\xcc\x81\xcc\x81", "e\xcc\x81\xcc\x81\xcc\x81", 0 },
	{ "e\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81x",
	  "e\xcc\x81\xcc\x81\xcc\x81" FFFD FFFD "x", 0 },
	{ "e\xcc\x81\xcc\x81 e\xcc\x81\xcc\x81", "e\xcc\x81\xcc\x81 e\xcc\x81\xcc\x81",
	  0 },
	/* One line: line breaks and backslashes written as escapes. */
	{ "a\nb", "a\\nb", SANITIZE_ONE_LINE },
	{ "a\r\nb", "a\\r\\nb", SANITIZE_ONE_LINE },
	{ "C:\\x", "C:\\\\x", SANITIZE_ONE_LINE },
	{ "a\x1b[2J\nb", "a" FFFD "[2J\\nb", SANITIZE_ONE_LINE },
};

START_TEST(test_cases)
{
	char buf[256], err[200];
	size_t n = sanitize_text(cases[_i].in, cases[_i].flags, buf, sizeof buf);
	char *dup;
	bool same = strcmp(cases[_i].in, cases[_i].out) == 0;

	ck_assert_str_eq(buf, cases[_i].out);
	ck_assert_uint_eq(n, strlen(cases[_i].out));
	dup = sanitize_dup(cases[_i].in, cases[_i].flags);
	ck_assert_ptr_nonnull(dup);
	ck_assert_str_eq(dup, cases[_i].out);
	mem_free(dup);
	/* Escapes write a character whole: not a replacement. */
	if (cases[_i].flags & SANITIZE_ONE_LINE) {
		ck_assert(sanitize_is_clean(cases[_i].in, cases[_i].flags) ==
		          (strstr(cases[_i].out, FFFD) == NULL));
		return;
	}
	ck_assert(sanitize_is_clean(cases[_i].in, cases[_i].flags) == same);
	ck_assert(sanitize_check(cases[_i].in, cases[_i].flags, err,
	                         sizeof err) == same);
	/* What comes out is clean and comes out again unchanged. */
	ck_assert(sanitize_is_clean(buf, cases[_i].flags));
	ck_assert(sanitize_check(buf, cases[_i].flags, NULL, 0));
}
END_TEST

static const struct {
	const char *in, *why;
	int flags;
} reasons[] = {
	{ "abc\x1b[2J", "contains a control character (U+001B) at character 4", 0 },
	{ "abcdef\xff", "is not valid UTF-8 at byte 7", 0 },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xc0\x80", "is not valid UTF-8 at byte 7", 0 },
	{ "a\xe2\x80\xaeZ", "contains a bidirectional override (U+202E) at character 2", 0 },
	{ "a\xe2\x81\xa6Z", "contains a bidirectional control character (U+2066) at character 2", 0 },
	{ "\xe2\x80\x8f", "(U+200F) at character 1", 0 },
	/* Characters, not bytes, are counted. */
	{ "\xe6\x97\xa5\xe6\x9c\xac\x7f", "contains a control character (U+007F) at character 3", 0 },
	{ "\xf0\x9f\x98\x80\xc2\x85", "contains a control character (U+0085) at character 2", 0 },
	{ "a\tb", "contains a tab (U+0009) at character 2", 0 },
	{ "one\ntwo", "contains a line break (U+000A) at character 4", 0 },
	{ "one\ntwo\r", "contains a control character (U+000D) at character 8",
	  SANITIZE_KEEP_NEWLINES },
	{ "x\xe2\x80\xa8", "contains a line or paragraph separator (U+2028) at character 2", 0 },
	{ "ab\xe6\x97", "is not valid UTF-8 at byte 3", 0 },
	{ "An\xe2\x80\x8bn", "contains an invisible character, which would "
	  "make it look like another text (U+200B) at character 3", 0 },
	{ "Ann\xf3\xa0\x81\x81", "invisible character", SANITIZE_KEEP_NEWLINES },
	{ "e\xcc\x81\xcc\x81\xcc\x81\xcc\x81", "more than three combining marks in "
	  "a row (U+0301) at character 5", 0 },
};

START_TEST(test_reasons)
{
	char err[200] = "";

	ck_assert(!sanitize_check(reasons[_i].in, reasons[_i].flags, err,
	                          sizeof err));
	ck_assert_msg(strstr(err, reasons[_i].why) != NULL,
	              "reason '%s' lacks '%s'", err, reasons[_i].why);
	/* The reason itself is safe to print. */
	ck_assert(sanitize_is_clean(err, 0));
	ck_assert(!sanitize_check(reasons[_i].in, reasons[_i].flags, NULL, 0));
}
END_TEST

START_TEST(test_small_buffers)
{
	/* "a", U+65E5 (3 bytes), "b": never half a character, never a
	 * later character after one that did not fit. */
	static const char in[] = "a\xe6\x97\xa5" "b";
	char buf[16];

	ck_assert_uint_eq(sanitize_text(in, 0, NULL, 0), 5);
	memset(buf, '#', sizeof buf);
	ck_assert_uint_eq(sanitize_text(in, 0, buf, 1), 5);
	ck_assert_str_eq(buf, "");
	ck_assert(buf[1] == '#');
	memset(buf, '#', sizeof buf);
	ck_assert_uint_eq(sanitize_text(in, 0, buf, 2), 5);
	ck_assert_str_eq(buf, "a");
	ck_assert(buf[2] == '#');
	for (size_t sz = 3; sz <= 4; sz++) {
		memset(buf, '#', sizeof buf);
		ck_assert_uint_eq(sanitize_text(in, 0, buf, sz), 5);
		ck_assert_str_eq(buf, "a");
		ck_assert(buf[sz] == '#');
	}
	memset(buf, '#', sizeof buf);
	ck_assert_uint_eq(sanitize_text(in, 0, buf, 5), 5);
	ck_assert_str_eq(buf, "a\xe6\x97\xa5");
	ck_assert(buf[5] == '#');
	memset(buf, '#', sizeof buf);
	sanitize_text(in, 0, buf, 6);
	ck_assert_str_eq(buf, "a\xe6\x97\xa5" "b");
	ck_assert(buf[6] == '#');

	/* A replacement (3 bytes for 1 in) that does not fit is cut whole. */
	memset(buf, '#', sizeof buf);
	ck_assert_uint_eq(sanitize_text("ab\x1b" "c", 0, buf, 5), 6);
	ck_assert_str_eq(buf, "ab");
	sanitize_text("ab\x1b" "c", 0, buf, 6);
	ck_assert_str_eq(buf, "ab" FFFD);
	/* Emoji at the edge. */
	sanitize_text("\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 0, buf, 8);
	ck_assert_str_eq(buf, "\xf0\x9f\x98\x80");
}
END_TEST

START_TEST(test_null_and_empty)
{
	char buf[4] = "zzz", *d;

	ck_assert_uint_eq(sanitize_text(NULL, 0, buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
	ck_assert(sanitize_is_clean(NULL, 0));
	ck_assert(sanitize_check("", 0, NULL, 0));
	d = sanitize_dup("", 0);
	ck_assert_str_eq(d, "");
	mem_free(d);
}
END_TEST

START_TEST(test_dup_out_of_memory)
{
	char *d;

	mem_fail_at(1, 0);
	d = sanitize_dup("anything", 0);
	mem_fail_at(0, 0);
	ck_assert_ptr_null(d);
}
END_TEST

START_TEST(test_long_text)
{
	/* Ten thousand CJK characters with one escape in the middle. */
	size_t n = 10000 * 3 + 1;
	char *in = malloc(n + 1), *out;

	ck_assert_ptr_nonnull(in);
	for (size_t i = 0; i < 10000; i++)
		memcpy(in + i * 3, "\xe8\xaa\x9e", 3);
	memmove(in + 15001, in + 15000, n - 15001);
	in[15000] = '\x1b';
	in[n] = '\0';
	out = sanitize_dup(in, 0);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(strlen(out), n + 2);
	ck_assert(memcmp(out + 15000, FFFD "\xe8\xaa\x9e", 6) == 0);
	ck_assert(sanitize_is_clean(out, 0));
	mem_free(out);
	free(in);
}
END_TEST

static uint64_t next_rand(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * UINT64_C(2685821657736338717);
}

/* Is s valid UTF-8 with nothing below U+0020 but those flags allow?  An
 * independent, deliberately plain decoder. */
static bool plain_valid(const unsigned char *s, int flags)
{
	while (*s) {
		uint32_t c = *s;
		int len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 :
		          c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;

		if (!len)
			return false;
		if (len > 1)
			c &= 0x3f >> (len - 1);
		for (int i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return false;
			c = c << 6 | (s[i] & 0x3f);
		}
		if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return false;
		if ((c < 0x20 && !(c == '\n' && flags)) || (c >= 0x7f && c <= 0x9f))
			return false;
		s += len;
	}
	return true;
}

START_TEST(test_random_bytes)
{
	/* Whatever goes in, what comes out is valid and clean, and cutting
	 * it short keeps it valid. */
	static const unsigned char alphabet[] = {
		'a', ' ', '\t', '\n', '\r', 0x1b, 0x7f, 0x80, 0x9b, 0xbf, 0xc0,
		0xc2, 0xc3, 0xa9, 0xe2, 0x80, 0xae, 0xed, 0xa0, 0xf0, 0x9f,
		0xf4, 0x90, 0xf5, 0xff,
	};
	uint64_t state = UINT64_C(0xb7e151628aed2a6b);
	unsigned char in[40];
	char out[200], cut[17];

	for (int i = 0; i < 50000; i++) {
		size_t len = next_rand(&state) % (sizeof in - 1), need;
		int flags = (int)(next_rand(&state) & 1);

		for (size_t k = 0; k < len; k++) {
			uint64_t r = next_rand(&state);

			in[k] = r & 1 ? (unsigned char)(r >> 8) :
			        alphabet[(r >> 8) % sizeof alphabet];
			if (!in[k])
				in[k] = 'z';
		}
		in[len] = '\0';
		need = sanitize_text((char *)in, flags, out, sizeof out);
		ck_assert_uint_eq(need, strlen(out));
		ck_assert(plain_valid((unsigned char *)out, flags));
		ck_assert(sanitize_is_clean(out, flags));
		ck_assert(sanitize_is_clean((char *)in, flags) ==
		          (strcmp(out, (char *)in) == 0));
		ck_assert(plain_valid(in, flags) ||
		          !sanitize_is_clean((char *)in, flags));
		sanitize_text((char *)in, flags, cut, sizeof cut);
		ck_assert(plain_valid((unsigned char *)cut, flags));
		ck_assert(strncmp(cut, out, strlen(cut)) == 0);
	}
}
END_TEST

static Suite *sanitize_suite(void)
{
	Suite *s = suite_create("sanitize");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof cases / sizeof *cases));
	tcase_add_loop_test(tc, test_reasons, 0,
	                    (int)(sizeof reasons / sizeof *reasons));
	tcase_add_test(tc, test_small_buffers);
	tcase_add_test(tc, test_null_and_empty);
	tcase_add_test(tc, test_dup_out_of_memory);
	tcase_add_test(tc, test_long_text);
	tcase_add_test(tc, test_random_bytes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_main(sanitize_suite());
}
