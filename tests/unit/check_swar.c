/* check_swar.c -- unit tests for the word-at-a-time byte tests (common/swar.h). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "swar.h"

/* Each byte of swar_load_short(p, n) is one of p[0..n), and each of those is in it. */
START_TEST(load_short_covers_every_byte)
{
	size_t n, i, j;
	uint64_t x;
	char *p;
	int found;

	for (n = 1; n <= 8; n++) {
		p = malloc(n);	/* exactly n: a sanitizer sees a read past it */
		ck_assert_ptr_nonnull(p);
		for (i = 0; i < n; i++)
			p[i] = (char)(0x41 + i);
		x = swar_load_short(p, n);
		for (j = 0; j < 8; j++) {
			unsigned char b = (unsigned char)(x >> (8 * j));

			ck_assert_msg(b >= 0x41 && b < 0x41 + n, "n %zu: byte %zu is %02x",
			    n, j, b);
		}
		for (i = 0; i < n; i++) {
			for (found = 0, j = 0; j < 8; j++)
				found |= (unsigned char)(x >> (8 * j)) == (unsigned char)p[i];
			ck_assert_msg(found, "n %zu: p[%zu] missing", n, i);
		}
		free(p);
	}
}
END_TEST

/* swar_copy_short writes p[0..n) and nothing around it. */
START_TEST(copy_short_exact)
{
	char src[16], dst[48];
	size_t n, i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (char)('a' + i);
	for (n = 1; n <= 16; n++) {
		memset(dst, '#', sizeof(dst));
		swar_copy_short(dst + 16, src, n);
		ck_assert_mem_eq(dst + 16, src, n);
		for (i = 0; i < sizeof(dst); i++)
			if (i < 16 || i >= 16 + n)
				ck_assert_msg(dst[i] == '#', "n %zu: byte %zu touched", n, i);
	}
}
END_TEST

/* swar_maybe_tsv_special: never a miss, at any byte of the word, and no alarm on text. */
START_TEST(maybe_tsv_special)
{
	char w[8];
	size_t at;
	int c;

	memcpy(w, "plain tx", 8);
	ck_assert(!swar_maybe_tsv_special(swar_load(w)));
	memcpy(w, "\xc3\xa9\xe2\x80\x9c ~\x7f", 8);
	ck_assert(!swar_maybe_tsv_special(swar_load(w)));
	for (at = 0; at < 8; at++)
		for (c = 0; c < 256; c++) {
			memcpy(w, "plain tx", 8);
			w[at] = (char)c;
			if (c == '\t' || c == '\n' || c == '\r' || c == '\\')
				ck_assert_msg(swar_maybe_tsv_special(swar_load(w)),
				    "byte %02x at %zu missed", c, at);
			else if (c >= 0x0e)
				ck_assert_msg(!swar_maybe_tsv_special(swar_load(w)),
				    "byte %02x at %zu: false alarm", c, at);
		}
}
END_TEST

static Suite *
swar_suite(void)
{
	Suite *s = suite_create("swar");
	TCase *tc = tcase_create("swar");

	tcase_add_test(tc, load_short_covers_every_byte);
	tcase_add_test(tc, copy_short_exact);
	tcase_add_test(tc, maybe_tsv_special);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(swar_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
