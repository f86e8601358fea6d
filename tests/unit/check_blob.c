/* check_blob.c -- unit tests for walking compiled-in data (common/blob.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "blob.h"
#include "util.h"

#define S(lit)	lit, sizeof(lit) - 1
#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

/* Every line handed over, each followed by '|', so nothing hides. */
struct lines {
	struct buf b;
	int calls, stop_at;
};

static int
see_line(const char *s, size_t n, void *arg)
{
	struct lines *l = arg;

	buf_add(&l->b, s, n);
	buf_addc(&l->b, '|');
	l->calls++;
	return l->calls == l->stop_at ? 7 : 0;
}

static const struct {
	const char *name;
	const char *data;
	size_t len;
	const char *lines;
	size_t lineslen;
	int calls;
} walks[] = {
	{ "empty blob", S(""), S(""), 0 },
	{ "one line", S("alpha\n"), S("alpha|"), 1 },
	{ "no final newline", S("alpha\nbeta"), S("alpha|beta|"), 2 },
	{ "CRLF", S("alpha\r\nbeta\r\n"), S("alpha|beta|"), 2 },
	{ "CRLF, no final newline", S("alpha\r\nbeta\r"), S("alpha|beta|"), 2 },
	{ "CR inside a line is kept", S("al\rpha\n"), S("al\rpha|"), 1 },
	{ "only the last CR goes", S("x\r\r\n"), S("x\r|"), 1 },
	{ "comments skipped", S("# header\nalpha\n#beta\n"), S("alpha|"), 1 },
	{ "'#' counts only in column one", S(" # not a comment\na#b\n"),
	  S(" # not a comment|a#b|"), 2 },
	{ "lone '#'", S("#\nx\n"), S("x|"), 1 },
	{ "empty lines skipped", S("\n\n\nx\n\n"), S("x|"), 1 },
	{ "CR-only lines are empty", S("\r\n\r\nx\r\n"), S("x|"), 1 },
	{ "spaces make a line non-empty", S(" \n"), S(" |"), 1 },
	{ "tab-separated line whole", S("Kyiv\tGPE\tUkraine\n"), S("Kyiv\tGPE\tUkraine|"), 1 },
	{ "UTF-8 untouched", S("\xe2\x80\x9cS\xc3\xa3o Paulo\xe2\x80\x9d\n"),
	  S("\xe2\x80\x9cS\xc3\xa3o Paulo\xe2\x80\x9d|"), 1 },
	{ "NUL inside a line", S("a\0b\n"), S("a\0b|"), 1 },
	{ "comment with CRLF", S("# c\r\nx\r\n"), S("x|"), 1 },
	{ "everything at once", S("\xef\xbb\xbf# list\r\n\r\none\r\n# two\r\ntwo\nthree"),
	  S("\xef\xbb\xbf# list|one|two|three|"), 4 },
	/* A BOM is not stripped: a data file saved with one loses its first comment. */
};

START_TEST(walk_table)
{
	struct lede_blob blob = { walks[_i].data, walks[_i].len };
	struct lines l;
	size_t want = walks[_i].lineslen;

	memset(&l, 0, sizeof(l));
	ck_assert_int_eq(blob_each_line(&blob, see_line, &l), 0);
	ck_assert_msg(l.calls == walks[_i].calls, "%s: %d calls, want %d",
	    walks[_i].name, l.calls, walks[_i].calls);
	ck_assert_msg(l.b.len == want && (want == 0 || memcmp(l.b.p, walks[_i].lines, want) == 0),
	    "%s: got \"%.*s\", want \"%s\"", walks[_i].name, (int)l.b.len,
	    l.b.p ? l.b.p : "", walks[_i].lines);
	buf_free(&l.b);
}
END_TEST

/* A non-zero return stops the walk and is returned. */
START_TEST(stop_early)
{
	static const char data[] = "one\ntwo\nthree\n";
	struct lede_blob blob = { data, sizeof(data) - 1 };
	struct lines l;

	memset(&l, 0, sizeof(l));
	l.stop_at = 2;
	ck_assert_int_eq(blob_each_line(&blob, see_line, &l), 7);
	ck_assert_int_eq(l.calls, 2);
	buf_add(&l.b, "", 1);
	ck_assert_str_eq(l.b.p, "one|two|");
	buf_free(&l.b);
}
END_TEST

/* len is the end, even where data goes on (or holds no NUL). */
START_TEST(len_is_the_end)
{
	static const char data[] = "abc\ndefghi\n";
	struct lede_blob blob = { data, 6 };
	struct lines l;

	memset(&l, 0, sizeof(l));
	ck_assert_int_eq(blob_each_line(&blob, see_line, &l), 0);
	buf_add(&l.b, "", 1);
	ck_assert_str_eq(l.b.p, "abc|de|");
	buf_free(&l.b);
}
END_TEST

/* A compiled-in blob in the shape the embedder writes: bytes + length. */
START_TEST(large_blob)
{
	size_t i, n = 100000;
	struct buf data = { NULL, 0, 0 };
	struct lede_blob blob;
	struct lines l;

	for (i = 0; i < n; i++)
		buf_adds(&data, i % 3 == 0 ? "# comment\r\n" : i % 3 == 1 ? "entry\r\n" : "\n");
	blob.data = data.p;
	blob.len = data.len;
	memset(&l, 0, sizeof(l));
	ck_assert_int_eq(blob_each_line(&blob, see_line, &l), 0);
	ck_assert_int_eq(l.calls, (int)(n / 3));
	ck_assert_uint_eq(l.b.len, n / 3 * 6);
	buf_free(&data);
	buf_free(&l.b);
}
END_TEST

static Suite *
blob_suite(void)
{
	Suite *s = suite_create("blob");
	TCase *tc = tcase_create("lines");

	tcase_add_loop_test(tc, walk_table, 0, NCASES(walks));
	tcase_add_test(tc, stop_early);
	tcase_add_test(tc, len_is_the_end);
	tcase_add_test(tc, large_blob);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(blob_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
