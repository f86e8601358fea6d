/* check_u8.c -- unit tests for UTF-8 decoding and classes (common/u8.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

#define S(lit)	lit, sizeof(lit) - 1
#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

/* u8_decode(s, n): the length (or -1) and the code point. */
static const struct {
	const char *name;
	const char *s;
	size_t n;
	int len;
	long cp;
} decodes[] = {
	{ "ASCII", S("A"), 1, 'A' },
	{ "NUL", S("\0"), 1, 0 },
	{ "DEL", S("\x7f"), 1, 0x7f },
	{ "ASCII, more follows", S("ab"), 1, 'a' },
	{ "2 bytes, lowest", S("\xc2\x80"), 2, 0x80 },
	{ "2 bytes, e acute", S("\xc3\xa9"), 2, 0xe9 },
	{ "2 bytes, highest", S("\xdf\xbf"), 2, 0x7ff },
	{ "3 bytes, lowest", S("\xe0\xa0\x80"), 3, 0x800 },
	{ "3 bytes, left quote", S("\xe2\x80\x9c"), 3, 0x201c },
	{ "3 bytes, before surrogates", S("\xed\x9f\xbf"), 3, 0xd7ff },
	{ "3 bytes, after surrogates", S("\xee\x80\x80"), 3, 0xe000 },
	{ "3 bytes, BOM", S("\xef\xbb\xbf"), 3, 0xfeff },
	{ "3 bytes, highest", S("\xef\xbf\xbf"), 3, 0xffff },
	{ "4 bytes, lowest", S("\xf0\x90\x80\x80"), 4, 0x10000 },
	{ "4 bytes, emoji", S("\xf0\x9f\x98\x80"), 4, 0x1f600 },
	{ "4 bytes, highest", S("\xf4\x8f\xbf\xbf"), 4, 0x10ffff },
	{ "empty", S(""), -1, 0 },
	{ "overlong 2 (NUL)", S("\xc0\x80"), -1, 0 },
	{ "overlong 2 (DEL)", S("\xc1\xbf"), -1, 0 },
	{ "overlong 3, lowest", S("\xe0\x80\x80"), -1, 0 },
	{ "overlong 3, highest", S("\xe0\x9f\xbf"), -1, 0 },
	{ "overlong 4, lowest", S("\xf0\x80\x80\x80"), -1, 0 },
	{ "overlong 4, highest", S("\xf0\x8f\xbf\xbf"), -1, 0 },
	{ "surrogate D800", S("\xed\xa0\x80"), -1, 0 },
	{ "surrogate DBFF", S("\xed\xaf\xbf"), -1, 0 },
	{ "surrogate DC00", S("\xed\xb0\x80"), -1, 0 },
	{ "surrogate DFFF", S("\xed\xbf\xbf"), -1, 0 },
	{ "above U+10FFFF", S("\xf4\x90\x80\x80"), -1, 0 },
	{ "F5 lead", S("\xf5\x80\x80\x80"), -1, 0 },
	{ "F7 lead", S("\xf7\xbf\xbf\xbf"), -1, 0 },
	{ "5-byte form", S("\xf8\x88\x80\x80\x80"), -1, 0 },
	{ "6-byte form", S("\xfc\x84\x80\x80\x80\x80"), -1, 0 },
	{ "FE", S("\xfe"), -1, 0 },
	{ "FF", S("\xff"), -1, 0 },
	{ "truncated 2", S("\xc3"), -1, 0 },
	{ "truncated 3 after 1", S("\xe2"), -1, 0 },
	{ "truncated 3 after 2", S("\xe2\x80"), -1, 0 },
	{ "truncated 4 after 3", S("\xf0\x9f\x98"), -1, 0 },
	{ "stray continuation 80", S("\x80"), -1, 0 },
	{ "stray continuation BF", S("\xbf\x41"), -1, 0 },
	{ "lead then ASCII", S("\xc3\x41"), -1, 0 },
	{ "lead then lead", S("\xe2\xe2\x80\x9c"), -1, 0 },
	{ "3-byte with ASCII last", S("\xe2\x80\x41"), -1, 0 },
	{ "4-byte with lead inside", S("\xf0\x9f\xc3\xa9"), -1, 0 },
};

START_TEST(decode_table)
{
	long cp = -42;
	int len = u8_decode(decodes[_i].s, decodes[_i].n, &cp);

	ck_assert_msg(len == decodes[_i].len, "%s: len %d, want %d",
	    decodes[_i].name, len, decodes[_i].len);
	if (len > 0)
		ck_assert_msg(cp == decodes[_i].cp, "%s: U+%04lX, want U+%04lX",
		    decodes[_i].name, cp, decodes[_i].cp);
	else
		ck_assert_msg(cp == -42, "%s: cp set on failure", decodes[_i].name);
}
END_TEST

/* n limits the decoder: a valid sequence cut short by n is truncated. */
START_TEST(decode_honours_n)
{
	static const char euro[] = "\xe2\x82\xac";
	long cp = 0;

	ck_assert_int_eq(u8_decode(euro, 3, &cp), 3);
	ck_assert_int_eq(cp, 0x20ac);
	ck_assert_int_eq(u8_decode(euro, 2, &cp), -1);
	ck_assert_int_eq(u8_decode(euro, 1, &cp), -1);
	ck_assert_int_eq(u8_decode(euro, 0, &cp), -1);
}
END_TEST

/* Every scalar value encodes and decodes back, in the shortest form. */
START_TEST(encode_round_trip)
{
	char out[4];
	long cp, back;
	int len, want;

	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		len = u8_encode(cp, out);
		if (len != want)
			ck_abort_msg("U+%04lX: encoded in %d bytes", cp, len);
		if (u8_decode(out, (size_t)len, &back) != len || back != cp)
			ck_abort_msg("U+%04lX: does not decode back", cp);
		if (u8_count(out, (size_t)len) != 1 || u8_valid_prefix(out, (size_t)len) != (size_t)len)
			ck_abort_msg("U+%04lX: count or validity wrong", cp);
	}
}
END_TEST

/* Every 2-byte input either decodes as one sequence or is rejected. */
START_TEST(decode_all_pairs)
{
	unsigned char s[2];
	int a, b, len, ok2;
	long cp;

	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			s[0] = (unsigned char)a;
			s[1] = (unsigned char)b;
			len = u8_decode((const char *)s, 2, &cp);
			ok2 = a >= 0xc2 && a <= 0xdf && b >= 0x80 && b <= 0xbf;
			if (len != (a < 0x80 ? 1 : ok2 ? 2 : -1))
				ck_abort_msg("%02x %02x: length %d", a, b, len);
		}
}
END_TEST

/* u8_count: code points, an invalid byte counting as one. */
static const struct {
	const char *s;
	size_t n;
	size_t count;
} counts[] = {
	{ S(""), 0 },
	{ S("abc"), 3 },
	{ S("\0\0"), 2 },
	{ S("caf\xc3\xa9"), 4 },
	{ S("e\xcc\x81"), 2 },				/* e + combining acute */
	{ S("\xe2\x80\x9cHi\xe2\x80\x9d"), 4 },
	{ S("\xf0\x9f\x98\x80!"), 2 },
	{ S("a\xff" "b"), 3 },
	{ S("\xe2\x82"), 2 },				/* truncated: each byte */
	{ S("\xc0\x80"), 2 },				/* overlong: each byte */
	{ S("\xed\xa0\x80"), 3 },			/* surrogate: each byte */
	{ S("\x80\x80\x80"), 3 },
	{ S("Kyiv\xc2\xa0" "2025"), 9 },		/* NBSP */
};

START_TEST(count_table)
{
	ck_assert_uint_eq(u8_count(counts[_i].s, counts[_i].n), counts[_i].count);
}
END_TEST

/* u8_count by the definition: one decode step per code point, a bad byte one. */
static size_t
count_slowly(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	long cp;
	int len;

	while (i < n) {
		len = u8_decode(s + i, n - i, &cp);
		i += len > 0 ? (size_t)len : 1;
		count++;
	}
	return count;
}

/*
 * The word-at-a-time paths of u8_count: every length up to 40 (short
 * loads, full words, the overlapping last word), with a multi-byte
 * character, a bad byte or a cut sequence at every offset.  Each input
 * sits in a buffer of exactly its size, so a sanitizer sees any read
 * past it.
 */
START_TEST(count_every_length_and_offset)
{
	static const struct {
		const char *s;
		size_t n;
	} inserts[] = {
		{ S("\xc3\xa9") }, { S("\xe2\x80\x9c") }, { S("\xf0\x9f\x98\x80") },
		{ S("\xff") }, { S("\x80") }, { S("\xe2\x82") },
	};
	size_t n, at, k;
	char *s;

	for (n = 0; n <= 40; n++) {
		s = malloc(n ? n : 1);
		ck_assert_ptr_nonnull(s);
		memset(s, 'a', n);
		ck_assert_uint_eq(u8_count(s, n), n);
		for (k = 0; k < NCASES(inserts); k++)
			for (at = 0; at + inserts[k].n <= n; at++) {
				memset(s, 'a', n);
				memcpy(s + at, inserts[k].s, inserts[k].n);
				if (u8_count(s, n) != count_slowly(s, n))
					ck_abort_msg("length %zu, insert %zu at %zu: %zu, not %zu",
					    n, k, at, u8_count(s, n), count_slowly(s, n));
			}
		free(s);
	}
}
END_TEST

/* u8_prev(s, i): the code point ending before s[i] and where it starts. */
static const struct {
	const char *s;
	size_t i;
	long cp;
	size_t start;
} prevs[] = {
	{ "a", 1, 'a', 0 },
	{ "ab", 2, 'b', 1 },
	{ "a\xc3\xa9", 3, 0xe9, 1 },
	{ "\xe2\x82\xacx", 3, 0x20ac, 0 },
	{ "x\xf0\x9f\x98\x80", 5, 0x1f600, 1 },
	{ "\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 8, 0x1f600, 4 },
	{ "a\x80", 2, 0xfffd, 1 },			/* stray continuation */
	{ "\xe2\x82", 2, 0xfffd, 1 },			/* truncated */
	{ "\xc3\xa9\xa9", 3, 0xfffd, 2 },		/* one continuation too many */
	{ "\x80\x80\x80\x80\x80", 5, 0xfffd, 4 },	/* no lead in reach */
	{ "\xff", 1, 0xfffd, 0 },
	{ "a\xed\xa0\x80", 4, 0xfffd, 3 },		/* surrogate */
	{ "\xc0\x80", 2, 0xfffd, 1 },			/* overlong */
	{ "\x80", 1, 0xfffd, 0 },
	{ "\xc3\xa9z", 2, 0xe9, 0 },			/* i inside the string */
};

START_TEST(prev_table)
{
	size_t start = 999;
	long cp = u8_prev(prevs[_i].s, prevs[_i].i, &start);

	ck_assert_msg(cp == prevs[_i].cp && start == prevs[_i].start,
	    "case %d: U+%04lX at %zu, want U+%04lX at %zu", _i, cp, start,
	    prevs[_i].cp, prevs[_i].start);
}
END_TEST

/* Walking backwards from the end meets the same code points as forwards. */
START_TEST(prev_walks_back)
{
	static const char s[] = "Z\xc3\xbcrich \xe2\x80\x94 \xf0\x9f\x8c\x8d \xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2";
	static const long want[] = { 0x432, 0x457, 0x438, 0x41a, ' ', 0x1f30d, ' ', 0x2014,
		' ', 'h', 'c', 'i', 'r', 0xfc, 'Z' };
	size_t i = sizeof(s) - 1, k = 0;

	while (i > 0) {
		ck_assert_uint_lt(k, NCASES(want));
		ck_assert_int_eq(u8_prev(s, i, &i), want[k]);
		k++;
	}
	ck_assert_uint_eq(k, NCASES(want));
}
END_TEST

static const struct {
	const char *s;
	size_t n;
	size_t valid;
} valids[] = {
	{ S(""), 0 },
	{ S("plain"), 5 },
	{ S("caf\xc3\xa9"), 5 },
	{ S("ab\xff"), 2 },
	{ S("ab\xe2\x82"), 2 },
	{ S("\xed\xa0\x80"), 0 },
	{ S("ok\xc3\xa9\xc0\x80"), 4 },
	{ S("nul\0ok"), 6 },
	/* past the 32-byte ASCII stride: the bad byte in the second block, then at its edges */
	{ S("0123456789abcdef0123456789abcdef0123\xff"), 36 },
	{ S("0123456789abcdef0123456789abcde\xff"), 31 },
	{ S("0123456789abcdef0123456789abcdef\xc3\xa9 0123456789abcdef0123456789abcdef"), 67 },
	{ S("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\xe2\x82"), 63 },
};

START_TEST(valid_prefix_table)
{
	ck_assert_uint_eq(u8_valid_prefix(valids[_i].s, valids[_i].n), valids[_i].valid);
}
END_TEST

/* Character classes, ASCII and beyond.  Flags: the class functions' answers. */
enum { ALPHA = 1, UPPER = 2, LOWER = 4, DIGIT = 8, SPACE = 16, PUNCT = 32 };
#define ANY	(-2L)	/* a case mapping not checked */

static const struct {
	const char *name;
	long cp;
	int classes;
	long lower, upper;
} classes[] = {
	{ "A", 'A', ALPHA | UPPER, 'a', 'A' },
	{ "z", 'z', ALPHA | LOWER, 'z', 'Z' },
	{ "7", '7', DIGIT, '7', '7' },
	{ "space", ' ', SPACE, ' ', ' ' },
	{ "tab", '\t', SPACE, '\t', '\t' },
	{ "LF", '\n', SPACE, '\n', '\n' },
	{ "CR", '\r', SPACE, '\r', '\r' },
	{ "NUL", 0, 0, 0, 0 },
	{ "comma", ',', PUNCT, ',', ',' },
	{ "dollar (ASCII punct as in C)", '$', PUNCT, '$', '$' },
	{ "straight quote", '"', PUNCT, '"', '"' },
	{ "e acute", 0xe9, ALPHA | LOWER, 0xe9, 0xc9 },
	{ "E acute", 0xc9, ALPHA | UPPER, 0xe9, 0xc9 },
	/* utf8proc versions differ on toupper(U+00DF): U+00DF or U+1E9E. */
	{ "sharp s", 0xdf, ALPHA | LOWER, 0xdf, ANY },
	{ "dotted I", 0x130, ALPHA | UPPER, 'i', 0x130 },
	{ "title-case DZ", 0x1c5, ALPHA | UPPER, 0x1c6, 0x1c4 },
	{ "Greek Omega", 0x3a9, ALPHA | UPPER, 0x3c9, 0x3a9 },
	{ "Greek final sigma", 0x3c2, ALPHA | LOWER, 0x3c2, 0x3a3 },
	{ "Cyrillic K", 0x41a, ALPHA | UPPER, 0x43a, 0x41a },
	{ "Cyrillic yi", 0x457, ALPHA | LOWER, 0x457, 0x407 },
	{ "Arabic beh", 0x628, ALPHA, 0x628, 0x628 },
	{ "Hebrew alef", 0x5d0, ALPHA, 0x5d0, 0x5d0 },
	{ "CJK middle", 0x4e2d, ALPHA, 0x4e2d, 0x4e2d },
	{ "modifier letter", 0x2bc, ALPHA, 0x2bc, 0x2bc },
	{ "combining acute", 0x301, ALPHA, 0x301, 0x301 },
	{ "Arabic-Indic three", 0x663, DIGIT, 0x663, 0x663 },
	{ "fullwidth five", 0xff15, DIGIT, 0xff15, 0xff15 },
	{ "superscript two (No, not Nd)", 0xb2, 0, 0xb2, 0xb2 },
	{ "NBSP", 0xa0, SPACE, 0xa0, 0xa0 },
	{ "NEL", 0x85, SPACE, 0x85, 0x85 },
	{ "thin space", 0x2009, SPACE, 0x2009, 0x2009 },
	{ "narrow NBSP", 0x202f, SPACE, 0x202f, 0x202f },
	{ "ideographic space", 0x3000, SPACE, 0x3000, 0x3000 },
	{ "line separator", 0x2028, SPACE, 0x2028, 0x2028 },
	{ "zero-width space (Cf)", 0x200b, 0, 0x200b, 0x200b },
	{ "BOM (Cf)", 0xfeff, 0, 0xfeff, 0xfeff },
	{ "left double quote", 0x201c, PUNCT, 0x201c, 0x201c },
	{ "right double quote", 0x201d, PUNCT, 0x201d, 0x201d },
	{ "left guillemet", 0xab, PUNCT, 0xab, 0xab },
	{ "em dash", 0x2014, PUNCT, 0x2014, 0x2014 },
	{ "inverted question", 0xbf, PUNCT, 0xbf, 0xbf },
	{ "CJK full stop", 0x3002, PUNCT, 0x3002, 0x3002 },
	{ "euro sign (Sc)", 0x20ac, 0, 0x20ac, 0x20ac },
	{ "emoji (So)", 0x1f600, 0, 0x1f600, 0x1f600 },
	{ "replacement char", 0xfffd, 0, 0xfffd, 0xfffd },
	{ "unassigned", 0x378, 0, 0x378, 0x378 },
	{ "negative", -1, 0, -1, -1 },
	{ "above U+10FFFF", 0x110000, 0, 0x110000, 0x110000 },
	{ "huge", 0x7fffffffL, 0, 0x7fffffffL, 0x7fffffffL },
};

START_TEST(class_table)
{
	long cp = classes[_i].cp;
	int want = classes[_i].classes;
	int got = (u8_isalpha(cp) ? ALPHA : 0) | (u8_isupper(cp) ? UPPER : 0) |
	    (u8_islower(cp) ? LOWER : 0) | (u8_isdigit(cp) ? DIGIT : 0) |
	    (u8_isspace(cp) ? SPACE : 0) | (u8_ispunct(cp) ? PUNCT : 0);

	ck_assert_msg(got == want, "%s (U+%04lX): classes %#x, want %#x",
	    classes[_i].name, cp, got, want);
	ck_assert_int_eq(!!u8_isalnum(cp), !!(want & (ALPHA | DIGIT)));
	ck_assert_msg(u8_tolower(cp) == classes[_i].lower, "%s: tolower U+%04lX",
	    classes[_i].name, u8_tolower(cp));
	ck_assert_msg(classes[_i].upper == ANY || u8_toupper(cp) == classes[_i].upper,
	    "%s: toupper U+%04lX",
	    classes[_i].name, u8_toupper(cp));
}
END_TEST

/* Upper and lower never both hold; case maps stay inside the scalar range. */
START_TEST(class_consistency)
{
	long cp;

	for (cp = 0; cp <= 0x10ffff; cp++) {
		if (u8_isupper(cp) && u8_islower(cp))
			ck_abort_msg("U+%04lX is both upper and lower", cp);
		if ((u8_isupper(cp) || u8_islower(cp)) && !u8_isalpha(cp))
			ck_abort_msg("U+%04lX is cased but not alpha", cp);
		if (u8_tolower(cp) < 0 || u8_tolower(cp) > 0x10ffff ||
		    u8_toupper(cp) < 0 || u8_toupper(cp) > 0x10ffff)
			ck_abort_msg("U+%04lX maps out of range", cp);
	}
}
END_TEST

static Suite *
u8_suite(void)
{
	Suite *s = suite_create("u8");
	TCase *tc;

	tc = tcase_create("decode");
	tcase_add_loop_test(tc, decode_table, 0, NCASES(decodes));
	tcase_add_test(tc, decode_honours_n);
	tcase_add_test(tc, encode_round_trip);
	tcase_add_test(tc, decode_all_pairs);
	tcase_add_loop_test(tc, count_table, 0, NCASES(counts));
	tcase_add_test(tc, count_every_length_and_offset);
	tcase_add_loop_test(tc, valid_prefix_table, 0, NCASES(valids));
	tcase_set_timeout(tc, 60);	/* whole-range loops are slow under sanitizers */
	suite_add_tcase(s, tc);

	tc = tcase_create("prev");
	tcase_add_loop_test(tc, prev_table, 0, NCASES(prevs));
	tcase_add_test(tc, prev_walks_back);
	suite_add_tcase(s, tc);

	tc = tcase_create("classes");
	tcase_add_loop_test(tc, class_table, 0, NCASES(classes));
	tcase_add_test(tc, class_consistency);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(u8_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
