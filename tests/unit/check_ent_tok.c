/* check_ent_tok.c -- unit tests for lede-entities' tokenizer (tools/lede-entities/tok.c). */
/* SPDX-License-Identifier: MIT */
/*
 * The tokenizer is built into this test from its source (with the lists
 * and number words it consults), as the Makefile links the unit tests to
 * libcommon.a only.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/lede-entities/gaz.c"
#include "../../tools/lede-entities/num.c"
#include "../../tools/lede-entities/tok.c"

#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

/* What word_scan() must find: the first byte from i on that is no ASCII letter or digit. */
static size_t
word_end_ref(const char *t, size_t i, size_t len, int *upper)
{
	size_t up = 0, low = 0;

	for (; i < len && (((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z') ||
	    (t[i] >= '0' && t[i] <= '9')); i++) {
		up += t[i] >= 'A' && t[i] <= 'Z';
		low += t[i] >= 'a' && t[i] <= 'z';
	}
	*upper = low == 0 && up >= 2;
	return i;
}

/*
 * Words of every length up to 70, of every mix of case, ended by every
 * kind of byte, at every offset: the sixteen-bytes-at-a-time scan and the
 * byte loop must agree.  The text sits at the very end of its allocation
 * (NUL included), so that a read past it shows under AddressSanitizer or
 * valgrind.
 */
START_TEST(word_scan_everywhere)
{
	static const char enders[] = { ' ', '.', '-', '\'', ',', '\t', '@', '[', '`', '{',
	    '/', ':', (char)0x80, (char)0xC3, (char)0xE2, (char)0xFF, '\0' };
	static const char *const fills[] = { "aZ09mQ", "ABCDEF", "abcdef", "0123X5", "A",
	    "7Q" };
	size_t wl, e, len, j, off, fi;
	int up1, up2;
	unsigned af1, af2;
	char *t;

	if (bclass['a'] == 0)
		bclass_init();
	for (fi = 0; fi < sizeof(fills) / sizeof(fills[0]); fi++)
	for (wl = 0; wl <= 70; wl++)
		for (e = 0; e < sizeof(enders); e++)
			for (off = 0; off < 3; off++) {
				len = off + wl + 1 + 5;
				t = malloc(len + 1);
				ck_assert_ptr_nonnull(t);
				memset(t, ' ', off);
				for (j = 0; j < wl; j++)
					t[off + j] = fills[fi][(j + wl) % strlen(fills[fi])];
				t[off + wl] = enders[e];
				memcpy(t + off + wl + 1, "word1", 5);
				t[len] = '\0';
				for (j = 0; j < len; j++) {
					if (!(bclass[(unsigned char)t[j]] & BC_ALNUM))
						continue;
					size_t e1 = word_scan(t, j, len, &up1, &af1);
					size_t e2 = word_end_ref(t, j, len, &up2);

					/* what follows: ' - . , & or UTF-8; a space */
					af2 = (strchr("'-.,&", t[e2]) && t[e2] != '\0') ||
					    (unsigned char)t[e2] >= 0x80 ? WS_JOIN : 0;
					af2 |= t[e2] == ' ' ? WS_SPACE : 0;
					if (e1 != e2 || up1 != up2 || af1 != af2)
						ck_abort_msg("\"%s\" from %zu: %zu upper %d after %u, not %zu upper %d after %u",
						    t, j, e1, up1, af1, e2, up2, af2);
				}
				free(t);
			}
}
END_TEST

/* Tokens of a text, as "text/flags" joined by spaces (flags: C U L D P N). */
static void
tokens_of(const char *text, char *out, size_t outsz)
{
	struct tokvec tv;
	size_t k, n = strlen(text), o = 0;

	memset(&tv, 0, sizeof(tv));
	tokenize(text, n, &tv);
	out[0] = '\0';
	for (k = 0; k < tv.n && o + 64 < outsz; k++) {
		const struct tok *t = &tv.v[k];

		o += (size_t)snprintf(out + o, outsz - o, "%s%.*s/%s%s%s%s%s%s", k ? " " : "",
		    (int)(t->e - t->s), text + t->s,
		    t->f & TK_CAP ? "C" : "", t->f & TK_UPPER ? "U" : "",
		    t->f & TK_LOWER ? "L" : "", t->f & TK_DIGIT ? "D" : "",
		    t->f & TK_POSS ? "P" : "", t->f & TK_NUMW ? "N" : "");
	}
	tokvec_free(&tv);
}

static const struct {
	const char *text, *tokens;
} cases[] = {
	{ "", "" },
	{ "Marco Rubio said", "Marco/C Rubio/C said/L" },
	{ "NATO and the U.S. met", "NATO/CU and/L the/L U.S./CU met/L" },
	{ "al-Smari's 1,000 troops", "al-Smari/C 's/P 1,000/D troops/L" },
	{ "on Feb. 17, 2025, last week", "on/L Feb./C 17/D ,/ 2025/D ,/ last/LN week/L" },
	{ "We're in the 1990s", "We/C 're/L in/L the/LN 1990s/D" },
	{ "3MB and 4x4", "3MB/UD and/L 4x4/D" },
	{ "\xe2\x80\x9cYes,\xe2\x80\x9d Peskov told Kyiv\xe2\x80\x99s",
	    "\xe2\x80\x9c/ Yes/C ,/ \xe2\x80\x9d/ Peskov/C told/L Kyiv/C \xe2\x80\x99s/P" },
	{ "Internationalisation-committee chairwomen", "Internationalisation-committee/C chairwomen/L" },
	/* full stops: the sentence's own, an initial's, an abbreviation's, a number's */
	{ "he said. Then in 2005. Mr. P. Jones, etc. and U.S. troops, Celtic vs. Hearts.",
	    "he/L said/L ./ Then/C in/L 2005/D ./ Mr./C P./C Jones/C ,/ etc/L ./ and/L U.S./CU "
	    "troops/L ,/ Celtic/C vs./L Hearts/C ./" },
	{ "officials.\xe2\x80\x9d 3.5 Reuters.Com end.", "officials/L ./ \xe2\x80\x9d/ 3.5/D Reuters/C ./ Com/C end/L ./" },
	{ "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
	    "abcdefghijklmnopqrstuvwxyz0123456789/L ABCDEFGHIJKLMNOPQRSTUVWXYZ/CU ./" },
};

START_TEST(token_table)
{
	char got[1024];

	gaz_init();
	num_init(0);
	tokens_of(cases[_i].text, got, sizeof(got));
	ck_assert_str_eq(got, cases[_i].tokens);
	num_free();
	gaz_free();
}
END_TEST

static Suite *
tok_suite(void)
{
	Suite *s = suite_create("ent_tok");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, word_scan_everywhere);
	tcase_add_loop_test(tc, token_table, 0, NCASES(cases));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(tok_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
