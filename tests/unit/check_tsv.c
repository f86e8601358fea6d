/* check_tsv.c -- unit tests for field escaping (common/tsv.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"

/* Lengths are explicit so that cases can hold NUL bytes. */
#define S(lit)	lit, sizeof(lit) - 1

/* raw bytes -> escaped form; every one must also unescape back to raw. */
static const struct {
	const char *raw;
	size_t rawlen;
	const char *esc;
	size_t esclen;
} escapes[] = {
	{ S(""),		S("") },
	{ S("plain words"),	S("plain words") },
	{ S("a\tb"),		S("a\\tb") },
	{ S("line\n"),		S("line\\n") },
	{ S("cr\r"),		S("cr\\r") },
	{ S("\r\n"),		S("\\r\\n") },
	{ S("x\\y"),		S("x\\\\y") },
	{ S("\\"),		S("\\\\") },		/* a lone backslash */
	{ S("ends with\\"),	S("ends with\\\\") },
	{ S("\\n literally"),	S("\\\\n literally") },	/* not a newline */
	{ S("\\\\"),		S("\\\\\\\\") },
	{ S("trailing tab\t"),	S("trailing tab\\t") },
	{ S("\t"),		S("\\t") },
	{ S("\t\t\t"),		S("\\t\\t\\t") },
	{ S("nul\0inside"),	S("nul\0inside") },	/* NUL is not escaped */
	{ S("\0"),		S("\0") },
	{ S("\xe2\x80\x9cQuoted,\xe2\x80\x9d she said."),
				S("\xe2\x80\x9cQuoted,\xe2\x80\x9d she said.") },
	{ S("bad \xff\xfe utf-8"),	S("bad \xff\xfe utf-8") },
	{ S("\x01\x1f\x7f"),	S("\x01\x1f\x7f") },	/* other controls pass */
	{ S("a\tb\nc\rd\\e"),	S("a\\tb\\nc\\rd\\\\e") },
};

/* Escaped input that is not valid: the offset of the offending backslash. */
static const struct {
	const char *esc;
	size_t len;
	size_t bad;
} bad_escapes[] = {
	{ S("\\"),		0 },	/* lone backslash */
	{ S("abc\\"),		3 },	/* lone trailing backslash */
	{ S("\\\\\\"),		2 },	/* escaped backslash, then a lone one */
	{ S("\\x"),		0 },	/* unknown escape */
	{ S("ab\\q"),		2 },
	{ S("\\T"),		0 },	/* escapes are lowercase */
	{ S("\\N"),		0 },
	{ S("\\0"),		0 },
	{ S("\\u0041"),		0 },	/* nothing else is escaped */
	{ S("\\\""),		0 },
	{ S("ok\\tthen\\z"),	8 },	/* the first bad one after good ones */
	{ S("\\\0"),		0 },
	{ S("a\\ b"),		1 },
};

START_TEST(escape_table)
{
	char out[128], back[128];
	size_t n, m, bad = 12345;

	n = tsv_escape(out, escapes[_i].raw, escapes[_i].rawlen);
	ck_assert_uint_eq(n, escapes[_i].esclen);
	ck_assert_mem_eq(out, escapes[_i].esc, n);
	ck_assert_uint_eq(tsv_escaped_len(escapes[_i].raw, escapes[_i].rawlen), n);

	memcpy(back, out, n);
	m = tsv_unescape(back, n, &bad);
	ck_assert_uint_eq(m, escapes[_i].rawlen);
	ck_assert_mem_eq(back, escapes[_i].raw, m);
	ck_assert_uint_eq(bad, 12345);	/* untouched on success */
}
END_TEST

START_TEST(bad_escape_table)
{
	char s[64];
	size_t bad = 9999;

	memcpy(s, bad_escapes[_i].esc, bad_escapes[_i].len);
	ck_assert_uint_eq(tsv_unescape(s, bad_escapes[_i].len, &bad), (size_t)-1);
	ck_assert_uint_eq(bad, bad_escapes[_i].bad);
}
END_TEST

/* The fast path (no backslash) must not touch the bytes. */
START_TEST(unescape_no_backslash)
{
	char s[] = "no escapes here\0tail";
	size_t bad = 0;

	ck_assert_uint_eq(tsv_unescape(s, 15, &bad), 15);
	ck_assert_mem_eq(s, "no escapes here\0tail", sizeof(s));
}
END_TEST

/* Unescaping never writes past n: guard bytes after the field survive. */
START_TEST(unescape_stays_in_bounds)
{
	char s[32];
	size_t bad = 0, n;

	memset(s, '#', sizeof(s));
	memcpy(s, "a\\tb\\\\", 6);
	n = tsv_unescape(s, 6, &bad);
	ck_assert_uint_eq(n, 4);
	ck_assert_mem_eq(s, "a\tb\\", 4);
	ck_assert_int_eq(s[6], '#');
	ck_assert_int_eq(s[31], '#');

	/* A trailing lone backslash is seen as bad even if a 't' follows n. */
	memcpy(s, "xy\\t", 4);
	ck_assert_uint_eq(tsv_unescape(s, 3, &bad), (size_t)-1);
	ck_assert_uint_eq(bad, 2);
}
END_TEST

/* tsv_escape by the definition, a byte at a time. */
static size_t
escape_slowly(char *out, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (!tsv_special((unsigned char)s[i])) {
			out[o++] = s[i];
			continue;
		}
		out[o++] = '\\';
		switch (s[i]) {
		case '\t': out[o++] = 't'; break;
		case '\n': out[o++] = 'n'; break;
		case '\r': out[o++] = 'r'; break;
		default: out[o++] = '\\'; break;
		}
	}
	return o;
}

/*
 * The word-at-a-time paths of tsv_escape: every length up to 40 (the short
 * loads up to 16 bytes, full words, the overlapping last word), each byte
 * value that matters at every offset.  The input sits in a buffer of exactly
 * its size, so a sanitizer sees any read past it; guard bytes after the
 * output must survive.
 */
START_TEST(escape_every_length_and_offset)
{
	/* the four specials, the controls a word test may confuse with them, neighbours */
	static const unsigned char probes[] = {
		'\t', '\n', '\r', '\\', 0, 0x08, 0x0b, 0x0c, 0x0d, 0x0e, 0x5b, 0x5d, 0x7f,
		0x80, 0x89, 0x8a, 0xdc, 0xff,
	};
	char out[2 * 40 + 16], want[2 * 40];
	size_t n, at, k, len, wlen;
	char *s;

	for (n = 0; n <= 40; n++) {
		s = malloc(n ? n : 1);
		ck_assert_ptr_nonnull(s);
		for (k = 0; k < sizeof(probes); k++)
			for (at = 0; at < n; at++) {
				memset(s, 'x', n);
				s[at] = (char)probes[k];
				if (at + 3 < n)	/* a second one further on */
					s[n - 1] = (char)probes[k];
				memset(out, '#', sizeof(out));
				len = tsv_escape(out, s, n);
				wlen = escape_slowly(want, s, n);
				if (len != wlen || memcmp(out, want, len) != 0)
					ck_abort_msg("length %zu, byte %02x at %zu: wrong escape",
					    n, probes[k], at);
				if (out[len] != '#' || out[sizeof(out) - 1] != '#')
					ck_abort_msg("length %zu, byte %02x at %zu: wrote past %zu",
					    n, probes[k], at, len);
			}
		free(s);
	}
}
END_TEST

START_TEST(special_bytes)
{
	int c, count = 0;

	for (c = 0; c < 256; c++)
		if (tsv_special((unsigned char)c))
			count++;
	ck_assert_int_eq(count, 4);
	ck_assert(tsv_special('\t'));
	ck_assert(tsv_special('\n'));
	ck_assert(tsv_special('\r'));
	ck_assert(tsv_special('\\'));
	ck_assert(!tsv_special('\0'));
	ck_assert(!tsv_special(0xff));
}
END_TEST

/* Every byte value, in a 1 MiB field, survives escape -> unescape. */
START_TEST(round_trip_1mib)
{
	size_t n = 1 << 20, i, elen, m, bad = 0, specials = 0;
	char *raw = malloc(n), *esc;

	ck_assert_ptr_nonnull(raw);
	for (i = 0; i < n; i++) {
		raw[i] = (char)((i * 131 + (i >> 8)) & 0xff);
		specials += tsv_special((unsigned char)raw[i]) != 0;
	}
	elen = tsv_escaped_len(raw, n);
	ck_assert_uint_eq(elen, n + specials);
	esc = malloc(elen);
	ck_assert_ptr_nonnull(esc);
	ck_assert_uint_eq(tsv_escape(esc, raw, n), elen);
	ck_assert_ptr_null(memchr(esc, '\t', elen));
	ck_assert_ptr_null(memchr(esc, '\n', elen));
	ck_assert_ptr_null(memchr(esc, '\r', elen));
	m = tsv_unescape(esc, elen, &bad);
	ck_assert_uint_eq(m, n);
	ck_assert(memcmp(esc, raw, n) == 0);
	free(raw);
	free(esc);
}
END_TEST

/* A 1 MiB field of nothing but specials doubles exactly. */
START_TEST(all_specials_1mib)
{
	size_t n = 1 << 20, i, bad = 0;
	char *raw = malloc(n), *esc = malloc(2 * n);
	static const char sp[] = "\t\n\r\\";

	ck_assert_ptr_nonnull(raw);
	ck_assert_ptr_nonnull(esc);
	for (i = 0; i < n; i++)
		raw[i] = sp[i % 4];
	ck_assert_uint_eq(tsv_escape(esc, raw, n), 2 * n);
	ck_assert_uint_eq(tsv_unescape(esc, 2 * n, &bad), n);
	ck_assert(memcmp(esc, raw, n) == 0);
	free(raw);
	free(esc);
}
END_TEST

static Suite *
tsv_suite(void)
{
	Suite *s = suite_create("tsv");
	TCase *tc;

	tc = tcase_create("escape");
	tcase_add_loop_test(tc, escape_table, 0, sizeof(escapes) / sizeof(escapes[0]));
	tcase_add_test(tc, special_bytes);
	tcase_add_test(tc, escape_every_length_and_offset);
	suite_add_tcase(s, tc);

	tc = tcase_create("unescape");
	tcase_add_loop_test(tc, bad_escape_table, 0,
	    sizeof(bad_escapes) / sizeof(bad_escapes[0]));
	tcase_add_test(tc, unescape_no_backslash);
	tcase_add_test(tc, unescape_stays_in_bounds);
	suite_add_tcase(s, tc);

	tc = tcase_create("large");
	tcase_set_timeout(tc, 60);	/* slow under valgrind and sanitizers */
	tcase_add_test(tc, round_trip_1mib);
	tcase_add_test(tc, all_specials_1mib);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(tsv_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
