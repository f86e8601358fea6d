/* fuzz_rec_read.c -- libFuzzer target: the record reader on any bytes. */
/* SPDX-License-Identifier: MIT */
/*
 * The first byte chooses --lenient (its low bit); the rest is the stream.
 * Every record read is checked (at least four fields, DOC not empty, fields
 * NUL-terminated), then escaped into a line again and read back: the second
 * reading must give the same fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct buf line;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	lede_progname = "fuzz_rec_read";
#ifdef __GLIBC__
	/*
	 * Warnings about malformed records would flood the terminal and slow
	 * the fuzzer.  Only the stderr FILE is replaced: fd 2, where the
	 * sanitizers and libFuzzer report, stays open.
	 */
	if (getenv("LEDE_FUZZ_VERBOSE") == NULL) {
		FILE *null = fopen("/dev/null", "w");

		if (null != NULL)
			stderr = null;
	}
#endif
	return 0;
}

/* Escapes the fields of r into one line, as the writer would. */
static void
escape_line(const struct rec *r)
{
	size_t i, n;

	line.len = 0;
	for (i = 0; i < r->nf; i++) {
		if (i > 0)
			buf_addc(&line, '\t');
		n = tsv_escaped_len(r->f[i].s, r->f[i].n);
		buf_reserve(&line, n);
		line.len += tsv_escape(line.p + line.len, r->f[i].s, r->f[i].n);
	}
	buf_addc(&line, '\n');
}

/* Reads the escaped line back and compares it with r. */
static void
reread(const struct rec *r)
{
	struct rec_reader rr;
	struct rec back;
	size_t i;

	memset(&rr, 0, sizeof(rr));
	rr.name = "reread";
	if ((rr.fp = fmemopen(line.p, line.len, "r")) == NULL)
		abort();
	if (rec_read(&rr, &back) != 1 || back.bad || back.nf != r->nf)
		abort();
	for (i = 0; i < r->nf; i++)
		if (back.f[i].n != r->f[i].n || memcmp(back.f[i].s, r->f[i].s, r->f[i].n) != 0)
			abort();
	if (rec_read(&rr, &back) != 0)
		abort();
	rec_reader_close(&rr);
}

static void
check(const struct rec *r)
{
	size_t i;

	if (r->bad) {
		if (!rec_lenient || r->nf != 0 || r->raw.s == NULL ||
		    memchr(r->raw.s, '\n', r->raw.n) != NULL)
			abort();
		return;
	}
	if (r->nf < 4 || r->f[F_DOC].n == 0)
		abort();
	for (i = 0; i < r->nf; i++)
		if (r->f[i].s[r->f[i].n] != '\0')
			abort();
	(void)rec_is_text_unit(r);
	escape_line(r);
	reread(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_reader r;
	struct rec rec;
	char *copy;
	unsigned long last = 0;

	if (size < 2)
		return 0;
	rec_lenient = data[0] & 1;
	/* fmemopen wants a writable buffer; a copy also keeps data intact. */
	copy = xmemdup((const char *)data + 1, size - 1);
	memset(&r, 0, sizeof(r));
	r.name = "fuzz";
	if ((r.fp = fmemopen(copy, size - 1, "r")) == NULL)
		abort();
	while (rec_read(&r, &rec)) {
		if (rec.lineno <= last)
			abort();
		last = rec.lineno;
		check(&rec);
	}
	rec_reader_close(&r);
	free(copy);
	lede_status = 0;
	return 0;
}
