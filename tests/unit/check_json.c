/* check_json.c -- unit tests for JSON string output (common/json.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

#define S(lit)	lit, sizeof(lit) - 1

/* json_put_string(s, n) into a string. */
static size_t
put(char *out, size_t cap, const char *s, size_t n)
{
	FILE *fp = fmemopen(out, cap, "w");
	long len;

	ck_assert_ptr_nonnull(fp);
	setvbuf(fp, NULL, _IONBF, 0);
	json_put_string(fp, s, n);
	len = ftell(fp);
	fclose(fp);
	ck_assert_int_ge(len, 0);
	return (size_t)len;
}

static const struct {
	const char *s;
	size_t n;
	const char *json;
	size_t jn;
} strings[] = {
	{ S(""), S("\"\"") },
	{ S("plain words here"), S("\"plain words here\"") },
	{ S("say \"hi\""), S("\"say \\\"hi\\\"\"") },
	{ S("a\\b"), S("\"a\\\\b\"") },
	{ S("t\tn\nr\r"), S("\"t\\tn\\nr\\r\"") },
	{ S("\x01\x1f\x7f"), S("\"\\u0001\\u001f\x7f\"") },
	{ S("caf\xc3\xa9 and more text"), S("\"caf\xc3\xa9 and more text\"") },
	{ S("bad \xff byte in a longer string"), S("\"bad \xef\xbf\xbd byte in a longer string\"") },
	{ S("eight by\"eight by"), S("\"eight by\\\"eight by\"") },
};

START_TEST(string_table)
{
	char out[256];
	size_t n = put(out, sizeof(out), strings[_i].s, strings[_i].n);

	ck_assert_uint_eq(n, strings[_i].jn);
	ck_assert_mem_eq(out, strings[_i].json, n);
}
END_TEST

/*
 * The word-at-a-time run of plain bytes: a byte that must be escaped (or
 * decoded) at every offset of strings up to 40 bytes comes out escaped at
 * its place, with the plain bytes around it unchanged.
 */
START_TEST(escape_at_every_offset)
{
	static const struct {
		const char *in, *out;
	} probes[] = {
		{ "\"", "\\\"" }, { "\\", "\\\\" }, { "\n", "\\n" }, { "\x1f", "\\u001f" },
		{ "\xc3\xa9", "\xc3\xa9" }, { "\x80", "\xef\xbf\xbd" },
	};
	char in[48], want[128], out[128];
	size_t n, at, k, il, wn, got;

	for (n = 1; n <= 40; n++)
		for (k = 0; k < sizeof(probes) / sizeof(probes[0]); k++) {
			il = strlen(probes[k].in);
			for (at = 0; at + il <= n; at++) {
				memset(in, 'x', n);
				memcpy(in + at, probes[k].in, il);
				wn = 0;
				want[wn++] = '"';
				memset(want + wn, 'x', at);
				wn += at;
				memcpy(want + wn, probes[k].out, strlen(probes[k].out));
				wn += strlen(probes[k].out);
				memset(want + wn, 'x', n - at - il);
				wn += n - at - il;
				want[wn++] = '"';
				got = put(out, sizeof(out), in, n);
				if (got != wn || memcmp(out, want, wn) != 0)
					ck_abort_msg("length %zu, probe %zu at %zu: %.*s", n, k, at,
					    (int)got, out);
			}
		}
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("string");

	tcase_add_loop_test(tc, string_table, 0, sizeof(strings) / sizeof(strings[0]));
	tcase_add_test(tc, escape_at_every_offset);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(json_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
