/* fuzz_rec_write.c -- libFuzzer target: what the reader reads, the writer
 * writes back faithfully, as records and as JSON Lines. */
/* SPDX-License-Identifier: MIT */
/*
 * The first byte's low bit sets --lenient; the rest is a record stream.
 * Each record read is written with rec_write_rec twice, into a temporary
 * file standing in for stdout:
 *   - as a record: reading that line back gives the same fields (a bad
 *     record passed on by --lenient comes out as its raw line);
 *   - with --json: the line is one JSON object (parsed with jansson) with
 *     one member per field, "doc", "loc", "kind", "text" holding the
 *     fields' text where it is valid UTF-8, and numbers only where the
 *     field was a plain decimal number.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct buf out;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *tmp = tmpfile();

	lede_progname = "fuzz_rec_write";
	/* stdout goes to a temporary file that is read back after each write. */
	if (tmp == NULL || dup2(fileno(tmp), STDOUT_FILENO) < 0)
		abort();
#ifdef __GLIBC__
	if (getenv("LEDE_FUZZ_VERBOSE") == NULL) {
		FILE *null = fopen("/dev/null", "w");

		if (null != NULL)
			stderr = null;	/* only the FILE: fd 2 still reports */
	}
#endif
	return 0;
}

/* Runs rec_write_rec(r) and leaves exactly what it wrote in out. */
static void
capture_write(const struct rec *r)
{
	off_t end;

	fflush(stdout);
	if (ftruncate(STDOUT_FILENO, 0) != 0 || lseek(STDOUT_FILENO, 0, SEEK_SET) != 0)
		abort();
	rec_write_rec(r);
	fflush(stdout);
	if ((end = lseek(STDOUT_FILENO, 0, SEEK_CUR)) < 0)
		abort();
	out.len = 0;
	buf_reserve(&out, (size_t)end);
	if (pread(STDOUT_FILENO, out.p, (size_t)end, 0) != (ssize_t)end)
		abort();
	out.len = (size_t)end;
	if (out.len == 0 || out.p[out.len - 1] != '\n' ||
	    memchr(out.p, '\n', out.len - 1) != NULL)
		abort();
}

static void
check_tsv(const struct rec *r)
{
	struct rec_reader rr;
	struct rec back;
	size_t i;
	int lenient = rec_lenient;

	capture_write(r);
	if (r->bad) {
		if (out.len != r->raw.n + 1 || memcmp(out.p, r->raw.s, r->raw.n) != 0)
			abort();
		return;
	}
	memset(&rr, 0, sizeof(rr));
	rr.name = "reread";
	if ((rr.fp = fmemopen(out.p, out.len, "r")) == NULL)
		abort();
	rec_lenient = 0;
	if (rec_read(&rr, &back) != 1 || back.nf != r->nf)
		abort();
	for (i = 0; i < r->nf; i++)
		if (back.f[i].n != r->f[i].n || memcmp(back.f[i].s, r->f[i].s, r->f[i].n) != 0)
			abort();
	rec_lenient = lenient;
	rec_reader_close(&rr);
}

/* A JSON string member must hold the field's text when that is valid UTF-8. */
static void
check_string(json_t *v, const struct field *f)
{
	if (!json_is_string(v))
		abort();
	if (u8_valid_prefix(f->s, f->n) == f->n &&
	    (json_string_length(v) != f->n || memcmp(json_string_value(v), f->s, f->n) != 0))
		abort();
}

static void
check_json(const struct rec *r)
{
	static const char *const names[] = { "doc", "loc", "kind", "text" };
	json_error_t err;
	json_t *obj, *v;
	const char *key;
	size_t i, nstr = 0, nnum = 0;

	rec_json = 1;
	capture_write(r);
	rec_json = 0;
	if (r->bad)
		return;		/* passed on raw, checked above */
	obj = json_loadb(out.p, out.len, JSON_ALLOW_NUL, &err);
	if (obj == NULL || !json_is_object(obj) || json_object_size(obj) != r->nf)
		abort();
	for (i = 0; i < 4; i++)
		check_string(json_object_get(obj, names[i]), &r->f[i]);
	json_object_foreach(obj, key, v) {
		if (json_is_string(v))
			nstr++;
		else if (json_is_integer(v) && json_integer_value(v) >= 0)
			nnum++;
		else
			abort();
	}
	if (nstr + nnum != r->nf)
		abort();
	json_decref(obj);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_reader r;
	struct rec rec;
	char *copy;

	if (size < 2)
		return 0;
	rec_lenient = data[0] & 1;
	rec_json = 0;
	copy = xmemdup((const char *)data + 1, size - 1);
	memset(&r, 0, sizeof(r));
	r.name = "fuzz";
	if ((r.fp = fmemopen(copy, size - 1, "r")) == NULL)
		abort();
	while (rec_read(&r, &rec)) {
		check_tsv(&rec);
		check_json(&rec);
	}
	rec_reader_close(&r);
	free(copy);
	lede_status = 0;
	return 0;
}
