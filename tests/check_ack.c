/* SPDX-License-Identifier: MIT */
/* check_ack.c: what an acknowledgement and a sign-off may hold (src/ack.c),
 * the same whichever way one arrives. */
#include <config.h>

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ack.h"
#include "testlib.h"

START_TEST(test_reasons)
{
	char why[200], *big = malloc(ACK_REASON_MAX + 2);

	ck_assert(ack_reason_valid("sent with the next file", why, sizeof why));
	ck_assert(ack_reason_valid("Raison: d\xc3\xa9j\xc3\xa0 envoy\xc3\xa9", why,
	                           sizeof why));
	memset(big, 'r', ACK_REASON_MAX);
	big[ACK_REASON_MAX] = '\0';
	ck_assert(ack_reason_valid(big, why, sizeof why));
	big[ACK_REASON_MAX] = 'r';
	big[ACK_REASON_MAX + 1] = '\0';
	ck_assert(!ack_reason_valid(big, why, sizeof why));
	ck_assert_str_eq(why, "is longer than 500 bytes (501 given)");
	free(big);
	ck_assert(!ack_reason_valid("", why, sizeof why));
	ck_assert_str_eq(why, "is empty");
	ck_assert(!ack_reason_valid("   ", why, sizeof why));
	ck_assert_str_eq(why, "is only blanks");
	ck_assert(!ack_reason_valid("one\ntwo", why, sizeof why));
	ck_assert(strstr(why, "line break"));
	ck_assert(!ack_reason_valid("a\x1b]0;x\x07", why, sizeof why));
	ck_assert(strstr(why, "control character"));
}
END_TEST

START_TEST(test_names)
{
	char why[200];

	ck_assert(ack_name_valid("Jane Doe", why, sizeof why));
	ck_assert(ack_name_valid("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e",
	                         why, sizeof why));
	ck_assert(!ack_name_valid("Jane\nerror: forged", why, sizeof why));
	ck_assert(strstr(why, "line break"));
	ck_assert(!ack_name_valid("Ann\x1b[2J", why, sizeof why));
	/* Two names that would look the same. */
	ck_assert(!ack_name_valid("An\xe2\x80\x8bn", why, sizeof why));
	ck_assert(strstr(why, "invisible"));
	ck_assert(!ack_name_valid("\xef\xbb\xbf" "Ann", why, sizeof why));
	ck_assert(!ack_name_valid("", why, sizeof why));
	ck_assert(ack_name_valid("x", NULL, 0));
}
END_TEST

START_TEST(test_times)
{
	static const char *const good[] = {
		"2026-11-23T14:02:11Z", "2024-02-29T00:00:00Z",
		"2000-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
		"2016-12-31T23:59:60Z",   /* a leap second */
	};
	static const char *const bad[] = {
		"never", "", "2026-11-23", "2026-11-23 14:02:11Z",
		"2026-11-23T14:02:11", "2026-11-23T14:02:11+00:00",
		"2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
		"2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
		"2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z",
		"2026-11-23T14:60:00Z", "1969-12-31T23:59:59Z",
		"2026-11-23T14:02:11Zjunk", "2026-1-23T14:02:11Z",
	};
	char why[200];

	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ck_assert_msg(ack_time_valid(good[i], why, sizeof why), "%s: %s",
		              good[i], why);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(!ack_time_valid(bad[i], why, sizeof why), "%s taken",
		              bad[i]);
	ck_assert(!ack_time_valid(NULL, why, sizeof why));
}
END_TEST

START_TEST(test_whole)
{
	char why[300];

	ck_assert(ack_valid("m1.medicaid", "row 1 is not answered", "later",
	                    "Ann", "2026-01-02T03:04:05Z", why, sizeof why));
	/* The store fills in who and when; a withdrawal has no reason. */
	ck_assert(ack_valid("m1.medicaid", NULL, "later", NULL, NULL, why,
	                    sizeof why));
	ck_assert(ack_valid("m1.medicaid", NULL, NULL, NULL, NULL, why,
	                    sizeof why));
	ck_assert(ack_valid("m1.medicaid", NULL, "", NULL, NULL, why, sizeof why));
	ck_assert(!ack_valid("M1 Medicaid", NULL, "later", NULL, NULL, why,
	                     sizeof why));
	ck_assert_str_eq(why, "check is not a check's id (lower-case letters, "
	                 "digits, '.', '_' and '-')");
	ck_assert(!ack_valid("x", NULL, "later", "Ann\nerror: forged", NULL,
	                     why, sizeof why));
	ck_assert(strncmp(why, "by contains a line break", 24) == 0);
	ck_assert(!ack_valid("x", NULL, "later", NULL, "never", why, sizeof why));
	ck_assert(strncmp(why, "at is not a time", 16) == 0);
	ck_assert(!ack_valid("x", "a\nb", "later", NULL, NULL, why, sizeof why));
	ck_assert(strncmp(why, "message contains", 16) == 0);
	ck_assert(!ack_valid("x", NULL, "a\x1b", NULL, NULL, why, sizeof why));
	ck_assert(strncmp(why, "reason contains", 15) == 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ack");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_reasons);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_times);
	tcase_add_test(tc, test_whole);
	suite_add_tcase(s, tc);
	return test_main(s);
}
