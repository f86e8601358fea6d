/* check_rec.c -- unit tests for the record reader and writer (common/rec.c,
 * common/article.c, common/json.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede.h"

#define S(lit)	lit, sizeof(lit) - 1

/* Check may run the tests in one process (CK_FORK=no): reset the globals. */
static void
reset_globals(void)
{
	lede_progname = "lede-check";
	lede_status = LEDE_EXIT_OK;
	rec_json = 0;
	rec_lenient = 0;
}

/* A temporary file holding data[0..n), rewound, for any size and any bytes. */
static FILE *
file_of(const char *data, size_t n)
{
	FILE *fp = tmpfile();

	ck_assert_ptr_nonnull(fp);
	if (n > 0)
		ck_assert_uint_eq(fwrite(data, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* Reads everything with a reader on fp; the file is closed by the reader. */
static void
reader_on(struct rec_reader *r, FILE *fp)
{
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = "mem";
}

/*
 * Captures what fd (1 or 2) receives between capture_begin and capture_end
 * into a NUL-terminated malloc'd string.
 */
struct capture {
	int fd, saved;
	FILE *tmp;
};

static void
capture_begin(struct capture *c, int fd)
{
	fflush(stdout);
	fflush(stderr);
	c->fd = fd;
	c->tmp = tmpfile();
	ck_assert_ptr_nonnull(c->tmp);
	c->saved = dup(fd);
	ck_assert_int_ge(c->saved, 0);
	ck_assert_int_ge(dup2(fileno(c->tmp), fd), 0);
}

static char *
capture_end(struct capture *c, size_t *lenp)
{
	long len;
	char *s;

	fflush(stdout);
	fflush(stderr);
	ck_assert_int_ge(dup2(c->saved, c->fd), 0);
	close(c->saved);
	/* The fd's offset moved, not the FILE's: ask the fd. */
	len = lseek(fileno(c->tmp), 0, SEEK_END);
	ck_assert_int_ge(len, 0);
	s = malloc((size_t)len + 1);
	ck_assert_ptr_nonnull(s);
	rewind(c->tmp);
	ck_assert_uint_eq(fread(s, 1, (size_t)len, c->tmp), (size_t)len);
	s[len] = '\0';
	fclose(c->tmp);
	if (lenp != NULL)
		*lenp = (size_t)len;
	return s;
}

/*
 * A readable dump of every record read: fields joined by '|', one record a
 * line ending "@LINENO"; a --lenient bad record is "!RAW@LINENO".  Bytes
 * below 0x20 and '|' '\' '!' '@' are shown as \xNN.
 */
static void
dump_field(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == '|' || c == '\\' || c == '!' || c == '@') {
			buf_adds(b, "\\x");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		} else
			buf_addc(b, c);
	}
}

static void
dump_rec(struct buf *b, const struct rec *r)
{
	char num[32];
	size_t i;

	if (r->bad) {
		buf_addc(b, '!');
		dump_field(b, r->raw.s, r->raw.n);
	} else {
		for (i = 0; i < r->nf; i++) {
			if (i > 0)
				buf_addc(b, '|');
			dump_field(b, r->f[i].s, r->f[i].n);
			/* Fields are NUL-terminated as rec.h promises. */
			ck_assert_int_eq(r->f[i].s[r->f[i].n], '\0');
		}
	}
	snprintf(num, sizeof(num), "@%lu\n", r->lineno);
	buf_adds(b, num);
}

/* Reads data with the given --lenient; returns the dump, stderr in *err. */
static char *
read_all(const char *data, size_t n, int lenient, char **err)
{
	struct rec_reader r;
	struct rec rec;
	struct buf b = { NULL, 0, 0 };
	struct capture cap;

	rec_lenient = lenient;
	reader_on(&r, file_of(data, n));
	capture_begin(&cap, 2);
	while (rec_read(&r, &rec))
		dump_rec(&b, &rec);
	*err = capture_end(&cap, NULL);
	rec_reader_close(&r);
	buf_adds(&b, "");
	buf_terminate(&b);
	return b.p;
}

static const struct {
	const char *name;
	const char *in;
	size_t len;
	int lenient;
	const char *out;	/* the dump */
	int status;		/* lede_status after reading */
	const char *err;	/* stderr, exactly */
} reads[] = {
	{ "empty input", S(""), 0, "", 0, "" },
	{ "empty input, lenient", S(""), 1, "", 0, "" },
	{ "one record", S("d\t1\ttext\thello\n"), 0, "d|1|text|hello@1\n", 0, "" },
	{ "missing final newline", S("d\t1\ttext\thello"), 0,
	  "d|1|text|hello@1\n", 0, "" },
	{ "CRLF", S("d\t1\ttext\thello\r\nd\t2\ttext\tbye\r\n"), 0,
	  "d|1|text|hello@1\nd|2|text|bye@2\n", 0, "" },
	{ "CR without LF at the end", S("d\t1\ttext\thello\r"), 0,
	  "d|1|text|hello@1\n", 0, "" },
	{ "escapes", S("d\t1\ttext\ta\\tb\\nc\\\\d\\re\n"), 0,
	  "d|1|text|a\\x09b\\x0ac\\x5cd\\x0de@1\n", 0, "" },
	{ "escaped backslash then t", S("d\t1\ttext\ta\\\\tb\n"), 0,
	  "d|1|text|a\\x5ctb@1\n", 0, "" },
	{ "trailing tab is an empty last field", S("d\t1\ttext\tx\t\n"), 0,
	  "d|1|text|x|@1\n", 0, "" },
	{ "empty TEXT", S("d\t1\ttext\t\n"), 0, "d|1|text|@1\n", 0, "" },
	{ "empty LOC and KIND are fields", S("d\t\t\tx\n"), 0, "d|||x@1\n", 0, "" },
	{ "extra fields", S("d\t1\tquote\tWe won\tAnna Li\tsaid\tdirect\n"), 0,
	  "d|1|quote|We won|Anna Li|said|direct@1\n", 0, "" },
	{ "NUL inside a field", S("d\t1\ttext\ta\0b\n"), 0,
	  "d|1|text|a\\x00b@1\n", 0, "" },
	{ "NUL in DOC", S("\0\t1\ttext\tx\n"), 0, "\\x00|1|text|x@1\n", 0, "" },
	{ "invalid UTF-8 passes through", S("d\t1\ttext\t\xff\xc0\x80\xed\xa0\x80\xe2\x82\n"),
	  0, "d|1|text|\xff\xc0\x80\xed\xa0\x80\xe2\x82@1\n", 0, "" },
	{ "raw CR inside a field is kept", S("d\t1\ttext\ta\rb\n"), 0,
	  "d|1|text|a\\x0db@1\n", 0, "" },
	{ "empty line", S("\n"), 0, "", 1,
	  "lede-check: mem:1: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n" },
	{ "empty line, lenient", S("\n"), 1, "!@1\n", 0,
	  "lede-check: mem:1: record has 1 field, needs 4 (DOC LOC KIND TEXT) (passed on unchanged)\n" },
	{ "CRLF empty line", S("\r\n"), 0, "", 1,
	  "lede-check: mem:1: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n" },
	{ "too few fields", S("d\t1\ttext\n"), 0, "", 1,
	  "lede-check: mem:1: record has 3 fields, needs 4 (DOC LOC KIND TEXT)\n" },
	{ "too few fields, lenient", S("d\t1\ttext\n"), 1, "!d\\x091\\x09text@1\n", 0,
	  "lede-check: mem:1: record has 3 fields, needs 4 (DOC LOC KIND TEXT) (passed on unchanged)\n" },
	{ "bad escape skipped, reading goes on",
	  S("d\t1\ttext\tok\nd\t2\ttext\ta\\qb\nd\t3\ttext\tfine\n"), 0,
	  "d|1|text|ok@1\nd|3|text|fine@3\n", 1,
	  "lede-check: mem:2: bad escape in field 4\n" },
	{ "bad escape, lenient: raw line unchanged",
	  S("d\t1\ttext\ta\\tb\\qc\n"), 1, "!d\\x091\\x09text\\x09a\\x5ctb\\x5cqc@1\n", 0,
	  "lede-check: mem:1: bad escape in field 4 (passed on unchanged)\n" },
	{ "lone trailing backslash", S("d\t1\ttext\tab\\\n"), 0, "", 1,
	  "lede-check: mem:1: bad escape in field 4\n" },
	{ "lone backslash before a tab", S("d\\\t1\ttext\tx\n"), 0, "", 1,
	  "lede-check: mem:1: bad escape in field 1\n" },
	{ "empty DOC", S("\t1\ttext\tx\n"), 0, "", 1,
	  "lede-check: mem:1: empty DOC field\n" },
	{ "empty DOC, lenient", S("\t1\ttext\tx\n"), 1, "!\\x091\\x09text\\x09x@1\n", 0,
	  "lede-check: mem:1: empty DOC field (passed on unchanged)\n" },
	{ "line numbers count skipped lines",
	  S("x\n\nd\t4\ttext\tz\n"), 0, "d|4|text|z@3\n", 1,
	  "lede-check: mem:1: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n"
	  "lede-check: mem:2: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n" },
	{ "binary junk", S("\x7f" "ELF\x02\x01\x01\0\0\0\t\t\t\xff\n\x01\x02"), 0,
	  "\x7f" "ELF\\x02\\x01\\x01\\x00\\x00\\x00|||\xff@1\n", 1,
	  "lede-check: mem:2: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n" },
};

START_TEST(read_table)
{
	char *out, *err;

	out = read_all(reads[_i].in, reads[_i].len, reads[_i].lenient, &err);
	ck_assert_msg(strcmp(out, reads[_i].out) == 0, "%s: got \"%s\", want \"%s\"",
	    reads[_i].name, out, reads[_i].out);
	ck_assert_msg(lede_status == reads[_i].status, "%s: status %d, want %d",
	    reads[_i].name, lede_status, reads[_i].status);
	ck_assert_msg(strcmp(err, reads[_i].err) == 0, "%s: stderr \"%s\", want \"%s\"",
	    reads[_i].name, err, reads[_i].err);
	free(out);
	free(err);
}
END_TEST

/* A 1 MiB TEXT field with escapes in it, between two normal records. */
START_TEST(read_1mib_line)
{
	struct buf in = { NULL, 0, 0 };
	struct rec_reader r;
	struct rec rec;
	size_t i, big = 1 << 20;

	buf_adds(&in, "d\t1\ttext\tshort\n");
	buf_adds(&in, "d\t2\ttext\t");
	for (i = 0; i < big / 2; i++)
		buf_adds(&in, i % 1000 == 999 ? "\\t" : "xy");
	buf_adds(&in, "\nd\t3\ttext\tlast\n");

	reader_on(&r, file_of(in.p, in.len));
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_uint_eq(rec.nf, 4);
	ck_assert_uint_eq(rec.f[F_TEXT].n, big - big / 2 / 1000);
	ck_assert_int_eq(rec.f[F_TEXT].s[0], 'x');
	ck_assert_int_eq(rec.f[F_TEXT].s[999 * 2], '\t');
	ck_assert_int_eq(rec.f[F_TEXT].s[rec.f[F_TEXT].n], '\0');
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_str_eq(rec.f[F_TEXT].s, "last");
	ck_assert_uint_eq(rec.lineno, 3);
	ck_assert_int_eq(rec_read(&r, &rec), 0);
	ck_assert_int_eq(lede_status, 0);
	rec_reader_close(&r);
	buf_free(&in);
}
END_TEST

/* Records of 10^4 fields (the field array grows), then a short one. */
START_TEST(read_many_fields)
{
	struct buf in = { NULL, 0, 0 };
	struct rec_reader r;
	struct rec rec;
	char num[16];
	size_t i, nf = 10000;

	for (i = 0; i < nf; i++) {
		snprintf(num, sizeof(num), i + 1 < nf ? "%zu\t" : "%zu\n", i);
		buf_adds(&in, num);
	}
	buf_adds(&in, "d\t1\ttext\tx\n");
	reader_on(&r, file_of(in.p, in.len));
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_uint_eq(rec.nf, nf);
	for (i = 0; i < nf; i++) {
		snprintf(num, sizeof(num), "%zu", i);
		ck_assert_str_eq(rec.f[i].s, num);
	}
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_uint_eq(rec.nf, 4);
	ck_assert_int_eq(rec_read(&r, &rec), 0);
	rec_reader_close(&r);
	buf_free(&in);
}
END_TEST

/* Pointers of one record stay valid until the next rec_read. */
START_TEST(read_reuses_buffers)
{
	static const char in[] = "doc-a\t1\ttext\tfirst\ndoc-b\t2\ttext\tsecond\n";
	struct rec_reader r;
	struct rec rec;

	reader_on(&r, file_of(in, sizeof(in) - 1));
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_str_eq(rec.f[F_DOC].s, "doc-a");
	ck_assert_str_eq(rec.f[F_TEXT].s, "first");
	ck_assert_int_eq(rec.bad, 0);
	ck_assert_int_eq(rec_read(&r, &rec), 1);
	ck_assert_str_eq(rec.f[F_DOC].s, "doc-b");
	ck_assert_int_eq(rec_read(&r, &rec), 0);
	ck_assert_int_eq(rec_read(&r, &rec), 0);	/* stays at the end */
	rec_reader_close(&r);
}
END_TEST

START_TEST(open_missing_file)
{
	struct rec_reader r;
	struct capture cap;
	char *err;

	capture_begin(&cap, 2);
	ck_assert_int_eq(rec_reader_open(&r, "/nonexistent/lede/file"), -1);
	err = capture_end(&cap, NULL);
	ck_assert_str_eq(err, "lede-check: /nonexistent/lede/file: No such file or directory\n");
	ck_assert_int_eq(lede_status, 1);
	free(err);
}
END_TEST

/* Kind helpers. */
START_TEST(kind_helpers)
{
	static const struct { const char *kind; int unit; } kinds[] = {
		{ "text", 1 }, { "title", 1 }, { "dek", 1 }, { "heading", 1 },
		{ "body", 1 }, { "byline", 1 }, { "dateline", 1 }, { "caption", 1 },
		{ "credit", 1 }, { "bio", 1 }, { "contrib", 1 }, { "meta", 1 },
		{ "promo", 1 }, { "dup", 1 }, { "quote", 0 }, { "PERSON", 0 },
		{ "GPE", 0 }, { "", 0 }, { "tex", 0 }, { "texts", 0 }, { "Body", 0 },
	};
	struct field f[4];
	struct rec r;
	size_t i;

	memset(&r, 0, sizeof(r));
	r.f = f;
	r.nf = 4;
	f[F_DOC] = fldz("d");
	f[F_LOC] = fldz("1");
	f[F_TEXT] = fldz("x");
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		f[F_KIND] = fldz(kinds[i].kind);
		ck_assert_msg(rec_is_text_unit(&r) == kinds[i].unit, "kind %s", kinds[i].kind);
		ck_assert(rec_kind_is(&r, kinds[i].kind));
	}
	f[F_KIND] = fldz("body");
	ck_assert(!rec_kind_is(&r, "bod"));
	ck_assert(!rec_kind_is(&r, "bodyx"));
	r.bad = 1;
	ck_assert(!rec_is_text_unit(&r));
	ck_assert(!rec_kind_is(&r, "body"));
}
END_TEST

/*
 * rec_each_article: write inputs to temp files, collect what each call sees.
 */
struct seen {
	struct buf b;
	int calls, stop_after;
};

static int
see_article(const struct article *a, void *arg)
{
	struct seen *s = arg;
	char num[32];
	size_t i;

	buf_adds(&s->b, "[");
	dump_field(&s->b, a->doc.s, a->doc.n);
	snprintf(num, sizeof(num), " n=%zu]\n", a->n);
	buf_adds(&s->b, num);
	/* Every record of the article is still valid here. */
	for (i = 0; i < a->n; i++)
		dump_rec(&s->b, &a->recs[i]);
	s->calls++;
	return s->stop_after > 0 && s->calls >= s->stop_after;
}

static char *
temp_file_of(const char *data, size_t n)
{
	char *path = xstrdup("/tmp/lede-check-rec.XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

static const struct {
	const char *name;
	const char *files[3];	/* NUL-terminated inputs, up to 3 files */
	int lenient, stop_after;
	const char *out;
	int status;
} articles[] = {
	{ "no input", { "" }, 0, 0, "", 0 },
	{ "one article", { "a\t1\ttext\tx\na\t2\ttext\ty\n" }, 0, 0,
	  "[a n=2]\na|1|text|x@1\na|2|text|y@2\n", 0 },
	{ "grouped by DOC; a DOC may come back later",
	  { "a\t1\ttext\tx\na\t2\ttext\ty\nb\t1\ttext\tz\nb\t2\ttitle\tw\n"
	    "b\t3\ttext\tv\na\t9\ttext\tu\n" }, 0, 0,
	  "[a n=2]\na|1|text|x@1\na|2|text|y@2\n"
	  "[b n=3]\nb|1|text|z@3\nb|2|title|w@4\nb|3|text|v@5\n"
	  "[a n=1]\na|9|text|u@6\n", 0 },
	{ "DOC that is a prefix of the next",
	  { "ab\t1\ttext\tx\nabc\t1\ttext\ty\na\t1\ttext\tz\n" }, 0, 0,
	  "[ab n=1]\nab|1|text|x@1\n[abc n=1]\nabc|1|text|y@2\n[a n=1]\na|1|text|z@3\n", 0 },
	{ "a new file starts a new article even with the same DOC",
	  { "a\t1\ttext\tx\n", "a\t2\ttext\ty\n" }, 0, 0,
	  "[a n=1]\na|1|text|x@1\n[a n=1]\na|2|text|y@1\n", 0 },
	{ "extras are copied",
	  { "a\t1\tbody\tx\ta1\ta2\na\t1\tPERSON\tBo Ek\t0\t5\tBo Ek\n" }, 0, 0,
	  "[a n=2]\na|1|body|x|a1|a2@1\na|1|PERSON|Bo Ek|0|5|Bo Ek@2\n", 0 },
	{ "a malformed record is dropped from its article",
	  { "a\t1\ttext\tx\nbroken\na\t2\ttext\ty\n" }, 0, 0,
	  "[a n=2]\na|1|text|x@1\na|2|text|y@3\n", 1 },
	{ "lenient keeps a malformed record in place",
	  { "a\t1\ttext\tx\nbroken\na\t2\ttext\ty\n" }, 1, 0,
	  "[a n=3]\na|1|text|x@1\n!broken@2\na|2|text|y@3\n", 0 },
	{ "stop when the callback says so",
	  { "a\t1\ttext\tx\nb\t1\ttext\ty\nc\t1\ttext\tz\n", "d\t1\ttext\tw\n" }, 0, 1,
	  "[a n=1]\na|1|text|x@1\n", 0 },
	{ "missing final newline and CRLF across files",
	  { "a\t1\ttext\tx\r\na\t2\ttext\ty", "b\t1\ttext\tz" }, 0, 0,
	  "[a n=2]\na|1|text|x@1\na|2|text|y@2\n[b n=1]\nb|1|text|z@1\n", 0 },
};

START_TEST(article_table)
{
	struct seen s;
	struct capture cap;
	char *paths[3], *err;
	int n = 0, i;

	memset(&s, 0, sizeof(s));
	buf_adds(&s.b, "");
	rec_lenient = articles[_i].lenient;
	s.stop_after = articles[_i].stop_after;
	for (i = 0; i < 3 && articles[_i].files[i] != NULL; i++)
		paths[n++] = temp_file_of(articles[_i].files[i], strlen(articles[_i].files[i]));
	capture_begin(&cap, 2);
	rec_each_article(n, paths, see_article, &s);
	err = capture_end(&cap, NULL);
	buf_terminate(&s.b);
	ck_assert_msg(strcmp(s.b.p, articles[_i].out) == 0, "%s: got \"%s\", want \"%s\"",
	    articles[_i].name, s.b.p, articles[_i].out);
	ck_assert_msg(lede_status == articles[_i].status, "%s: status %d, want %d",
	    articles[_i].name, lede_status, articles[_i].status);
	ck_assert_msg((*err != '\0') == (lede_status != 0 || rec_lenient),
	    "%s: stderr \"%s\"", articles[_i].name, err);
	for (i = 0; i < n; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	free(err);
	buf_free(&s.b);
}
END_TEST

/* Big articles: many records, each with a long text, all kept valid. */
START_TEST(article_large)
{
	struct buf in = { NULL, 0, 0 };
	struct seen s;
	char line[64], *path;
	size_t i, j;

	for (i = 0; i < 3000; i++) {
		snprintf(line, sizeof(line), "%s\t%zu\ttext\t", i < 2000 ? "big" : "next", i);
		buf_adds(&in, line);
		for (j = 0; j < 100; j++)
			buf_addc(&in, 'a' + (int)(i % 26));
		buf_addc(&in, '\n');
	}
	path = temp_file_of(in.p, in.len);
	memset(&s, 0, sizeof(s));
	rec_each_article(1, &path, see_article, &s);
	buf_terminate(&s.b);
	ck_assert_int_eq(s.calls, 2);
	ck_assert(strncmp(s.b.p, "[big n=2000]\nbig|0|text|aaaa", 28) == 0);
	ck_assert_ptr_nonnull(strstr(s.b.p, "big|1999|text|xxxxx"));
	ck_assert_ptr_nonnull(strstr(s.b.p, "[next n=1000]\nnext|2000|text|yyyy"));
	unlink(path);
	free(path);
	buf_free(&in);
	buf_free(&s.b);
}
END_TEST

/* rec_each: a file that cannot be read is reported and skipped, the rest read. */
static int
see_rec(const struct rec *r, const char *file, void *arg)
{
	struct buf *b = arg;

	buf_adds(b, file);
	buf_addc(b, ':');
	dump_rec(b, r);
	return 0;
}

START_TEST(each_skips_unreadable)
{
	char *paths[4], *err;
	struct buf b = { NULL, 0, 0 };
	struct capture cap;
	char want[512];
	int i;

	paths[0] = temp_file_of(S("a\t1\ttext\tx\n"));
	paths[1] = xstrdup("/nonexistent/lede/missing");
	paths[2] = xstrdup("/");		/* a directory: opens, then fails to read */
	paths[3] = temp_file_of(S("b\t1\ttext\ty"));
	capture_begin(&cap, 2);
	rec_each(4, paths, see_rec, &b);
	err = capture_end(&cap, NULL);
	buf_terminate(&b);
	snprintf(want, sizeof(want), "%s:a|1|text|x@1\n%s:b|1|text|y@1\n", paths[0], paths[3]);
	ck_assert_str_eq(b.p, want);
	ck_assert_str_eq(err, "lede-check: /nonexistent/lede/missing: No such file or directory\n"
	    "lede-check: /: Is a directory\n");
	ck_assert_int_eq(lede_status, 1);
	unlink(paths[0]);
	unlink(paths[3]);
	for (i = 0; i < 4; i++)
		free(paths[i]);
	free(err);
	buf_free(&b);
}
END_TEST

/* No arguments, or "-", is the standard input; its name in messages is "-". */
START_TEST(each_reads_stdin)
{
	static char dash[] = "-";
	char *path = temp_file_of(S("s\t1\ttext\tfrom stdin\nbroken\n")), *err;
	char *args[1] = { dash };
	struct buf b = { NULL, 0, 0 };
	struct capture cap;

	ck_assert_ptr_nonnull(freopen(path, "r", stdin));
	capture_begin(&cap, 2);
	rec_each(0, NULL, see_rec, &b);
	rec_each(1, args, see_rec, &b);	/* at its end already: nothing more */
	err = capture_end(&cap, NULL);
	buf_terminate(&b);
	ck_assert_str_eq(b.p, "-:s|1|text|from stdin@1\n");
	ck_assert_str_eq(err,
	    "lede-check: -:2: record has 1 field, needs 4 (DOC LOC KIND TEXT)\n");
	unlink(path);
	free(path);
	free(err);
	buf_free(&b);
}
END_TEST

/*
 * The writer: fields in, bytes out, with and without --json.
 */
static const struct {
	const char *name;
	int json;
	size_t nf;
	const char *f[8];
	const char *out;
} writes[] = {
	{ "plain", 0, 4, { "d", "1", "text", "Hello" }, "d\t1\ttext\tHello\n" },
	{ "specials escaped", 0, 4, { "d", "1", "text", "a\tb\nc\rd\\e" },
	  "d\t1\ttext\ta\\tb\\nc\\rd\\\\e\n" },
	{ "empty fields", 0, 5, { "d", "", "", "", "" }, "d\t\t\t\t\n" },
	{ "UTF-8 and invalid bytes unchanged", 0, 4,
	  { "d", "1", "text", "\xe2\x80\x9cS\xc3\xa3o\xe2\x80\x9d \xff" },
	  "d\t1\ttext\t\xe2\x80\x9cS\xc3\xa3o\xe2\x80\x9d \xff\n" },
	{ "json text unit", 1, 4, { "d", "1", "body", "He said \"no\"\\" },
	  "{\"doc\":\"d\",\"loc\":\"1\",\"kind\":\"body\",\"text\":\"He said \\\"no\\\"\\\\\"}\n" },
	{ "json controls and tabs", 1, 4, { "d\t", "1", "text", "a\tb\nc\rd\x01\x1f" },
	  "{\"doc\":\"d\\t\",\"loc\":\"1\",\"kind\":\"text\",\"text\":\"a\\tb\\nc\\rd\\u0001\\u001f\"}\n" },
	{ "json quote", 1, 7, { "d", "2", "quote", "We won", "Anna Li", "said", "direct" },
	  "{\"doc\":\"d\",\"loc\":\"2\",\"kind\":\"quote\",\"text\":\"We won\","
	  "\"speaker\":\"Anna Li\",\"cue\":\"said\",\"form\":\"direct\"}\n" },
	{ "json entity offsets are numbers", 1, 7, { "d", "2", "PERSON", "Li", "10", "12", "Anna Li" },
	  "{\"doc\":\"d\",\"loc\":\"2\",\"kind\":\"PERSON\",\"text\":\"Li\","
	  "\"start\":10,\"end\":12,\"canon\":\"Anna Li\"}\n" },
	{ "json entity offset not a number stays a string", 1, 7,
	  { "d", "2", "GPE", "Kyiv", "", "x1", "Kyiv" },
	  "{\"doc\":\"d\",\"loc\":\"2\",\"kind\":\"GPE\",\"text\":\"Kyiv\","
	  "\"start\":\"\",\"end\":\"x1\",\"canon\":\"Kyiv\"}\n" },
	{ "json text unit's extra is explain", 1, 6, { "d", "3", "promo", "Share", "rule 4", "more" },
	  "{\"doc\":\"d\",\"loc\":\"3\",\"kind\":\"promo\",\"text\":\"Share\","
	  "\"explain\":\"rule 4\",\"f6\":\"more\"}\n" },
	{ "json invalid UTF-8 becomes U+FFFD", 1, 4, { "d", "1", "text", "a\xff" "b\xe2\x82" },
	  "{\"doc\":\"d\",\"loc\":\"1\",\"kind\":\"text\",\"text\":\"a\xef\xbf\xbd" "b"
	  "\xef\xbf\xbd\xef\xbf\xbd\"}\n" },
	/* JSON has no numbers with a leading zero: 007 stays a string. */
	{ "json offset with a leading zero stays a string", 1, 7,
	  { "d", "2", "PERSON", "Li", "007", "0", "Li" },
	  "{\"doc\":\"d\",\"loc\":\"2\",\"kind\":\"PERSON\",\"text\":\"Li\","
	  "\"start\":\"007\",\"end\":0,\"canon\":\"Li\"}\n" },
};

START_TEST(write_table)
{
	struct field f[8];
	struct capture cap;
	size_t i;
	char *out;

	rec_json = writes[_i].json;
	for (i = 0; i < writes[_i].nf; i++)
		f[i] = fldz(writes[_i].f[i]);
	capture_begin(&cap, 1);
	rec_write(f, writes[_i].nf);
	out = capture_end(&cap, NULL);
	ck_assert_msg(strcmp(out, writes[_i].out) == 0, "%s: got \"%s\", want \"%s\"",
	    writes[_i].name, out, writes[_i].out);
	free(out);
}
END_TEST

/* NUL bytes inside a field are written as they are (TSV) or \u0000 (JSON). */
START_TEST(write_nul)
{
	static const char tsv[] = "d\t1\ttext\ta\0b\n";
	static const char json[] =
	    "{\"doc\":\"d\",\"loc\":\"1\",\"kind\":\"text\",\"text\":\"a\\u0000b\"}\n";
	struct field f[4] = { { "d", 1 }, { "1", 1 }, { "text", 4 }, { "a\0b", 3 } };
	struct capture cap;
	size_t n;
	char *out;

	capture_begin(&cap, 1);
	rec_write(f, 4);
	rec_json = 1;
	rec_write(f, 4);
	out = capture_end(&cap, &n);
	ck_assert_uint_eq(n, sizeof(tsv) - 1 + sizeof(json) - 1);
	ck_assert_mem_eq(out, tsv, sizeof(tsv) - 1);
	ck_assert_str_eq(out + sizeof(tsv) - 1, json);
	free(out);
}
END_TEST

/* What the reader reads, the writer writes back byte for byte. */
START_TEST(read_write_round_trip)
{
	static const char in[] =
	    "d\t1\ttext\ta\\tb\\\\c\\nd\\re\n"
	    "d\t2\tquote\t\xe2\x80\x9cx\xe2\x80\x9d\tAnna\tsaid\tpartial\n"
	    "d\t3\ttext\t\t\n"
	    "d\t4\ttext\tnul\0in\xff\n";
	struct rec_reader r;
	struct rec rec;
	struct capture cap;
	size_t n;
	char *out;

	reader_on(&r, file_of(in, sizeof(in) - 1));
	capture_begin(&cap, 1);
	while (rec_read(&r, &rec))
		rec_write_rec(&rec);
	out = capture_end(&cap, &n);
	rec_reader_close(&r);
	ck_assert_uint_eq(n, sizeof(in) - 1);
	ck_assert_mem_eq(out, in, n);
	free(out);
}
END_TEST

/* --lenient: a bad record goes out as it came in, even under --json. */
START_TEST(write_bad_record_raw)
{
	static const char in[] = "d\t1\ttext\tok\nbad\\q line\nd\t2\ttext\tok\n";
	struct rec_reader r;
	struct rec rec;
	struct capture cap, errcap;
	char *out, *err;

	rec_lenient = 1;
	rec_json = 1;
	reader_on(&r, file_of(in, sizeof(in) - 1));
	capture_begin(&errcap, 2);
	capture_begin(&cap, 1);
	while (rec_read(&r, &rec))
		rec_write_rec(&rec);
	out = capture_end(&cap, NULL);
	err = capture_end(&errcap, NULL);
	rec_reader_close(&r);
	ck_assert_str_eq(out,
	    "{\"doc\":\"d\",\"loc\":\"1\",\"kind\":\"text\",\"text\":\"ok\"}\n"
	    "bad\\q line\n"
	    "{\"doc\":\"d\",\"loc\":\"2\",\"kind\":\"text\",\"text\":\"ok\"}\n");
	ck_assert_str_eq(err, "lede-check: mem:2: bad escape in field 1 (passed on unchanged)\n");
	free(out);
	free(err);
}
END_TEST

START_TEST(put_fields)
{
	struct field extra[3] = { { "Anna Li", 7 }, { "told", 4 }, { "direct", 6 } };
	struct capture cap;
	char *out;

	capture_begin(&cap, 1);
	rec_put(fldz("doc 1"), fldz("4.2"), "quote", "It\tworks", 8, extra, 3);
	rec_put(fldz("doc 1"), fldz("5"), "body", "Plain.", 6, NULL, 0);
	out = capture_end(&cap, NULL);
	ck_assert_str_eq(out,
	    "doc 1\t4.2\tquote\tIt\\tworks\tAnna Li\ttold\tdirect\n"
	    "doc 1\t5\tbody\tPlain.\n");
	free(out);
}
END_TEST

/* json_put_string on a memory stream. */
static const struct {
	const char *in;
	size_t len;
	const char *out;
} jsons[] = {
	{ S(""), "\"\"" },
	{ S("plain"), "\"plain\"" },
	{ S("\"\\/"), "\"\\\"\\\\/\"" },		/* '/' need not be escaped */
	{ S("\n\t\r\b\f"), "\"\\n\\t\\r\\u0008\\u000c\"" },
	{ S("\0"), "\"\\u0000\"" },
	{ S("\x7f"), "\"\x7f\"" },
	{ S("\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80"), "\"\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80\"" },
	{ S("\xff"), "\"\xef\xbf\xbd\"" },
	{ S("\xc0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\"" },	/* overlong NUL */
	{ S("\xed\xa0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },	/* surrogate */
	{ S("ab\xe2\x82"), "\"ab\xef\xbf\xbd\xef\xbf\xbd\"" },	/* truncated at the end */
	{ S("\x80x"), "\"\xef\xbf\xbdx\"" },			/* stray continuation */
	{ S("\xe2\x80\xa8"), "\"\xe2\x80\xa8\"" },	/* U+2028 is valid in JSON */
};

START_TEST(json_string_table)
{
	char *p = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&p, &n);

	ck_assert_ptr_nonnull(fp);
	json_put_string(fp, jsons[_i].in, jsons[_i].len);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_msg(n == strlen(jsons[_i].out) && memcmp(p, jsons[_i].out, n) == 0,
	    "case %d: got \"%s\", want \"%s\"", _i, p, jsons[_i].out);
	free(p);
}
END_TEST

static Suite *
rec_suite(void)
{
	Suite *s = suite_create("rec");
	TCase *tc;

	tc = tcase_create("read");
	tcase_add_checked_fixture(tc, reset_globals, NULL);
	tcase_add_loop_test(tc, read_table, 0, sizeof(reads) / sizeof(reads[0]));
	tcase_add_test(tc, read_1mib_line);
	tcase_add_test(tc, read_many_fields);
	tcase_add_test(tc, read_reuses_buffers);
	tcase_add_test(tc, open_missing_file);
	tcase_add_test(tc, kind_helpers);
	suite_add_tcase(s, tc);

	tc = tcase_create("article");
	tcase_add_checked_fixture(tc, reset_globals, NULL);
	tcase_add_loop_test(tc, article_table, 0, sizeof(articles) / sizeof(articles[0]));
	tcase_add_test(tc, article_large);
	tcase_add_test(tc, each_skips_unreadable);
	tcase_add_test(tc, each_reads_stdin);
	suite_add_tcase(s, tc);

	tc = tcase_create("write");
	tcase_add_checked_fixture(tc, reset_globals, NULL);
	tcase_add_loop_test(tc, write_table, 0, sizeof(writes) / sizeof(writes[0]));
	tcase_add_test(tc, write_nul);
	tcase_add_test(tc, read_write_round_trip);
	tcase_add_test(tc, write_bad_record_raw);
	tcase_add_test(tc, put_fields);
	tcase_add_loop_test(tc, json_string_table, 0, sizeof(jsons) / sizeof(jsons[0]));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(rec_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
