/* rec.c -- reading and writing the record stream (see lede(7)). */
/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "rec.h"
#include "swar.h"
#include "tsv.h"

int rec_json;
int rec_lenient;

/*
 * Output goes a few bytes at a time; glibc's unlocked calls skip the
 * stream lock that the locked ones take on every call.
 */
#ifdef __GLIBC__
#define out_write(p, n)	fwrite_unlocked((p), 1, (n), stdout)
#define out_char(c)	putchar_unlocked(c)
#else
#define out_write(p, n)	fwrite((p), 1, (n), stdout)
#define out_char(c)	putchar(c)
#endif

int
rec_reader_open(struct rec_reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	if (strcmp(path, "-") == 0) {
		r->fp = stdin;
		r->name = "-";
		return 0;
	}
	r->name = path;
	if ((r->fp = fopen(path, "r")) == NULL) {
		lede_warn("%s", path);
		lede_status = LEDE_EXIT_DATA;
		return -1;
	}
	return 0;
}

void
rec_reader_close(struct rec_reader *r)
{
	if (r->fp != NULL && r->fp != stdin)
		fclose(r->fp);
	else if (r->fp == stdin)
		clearerr(stdin);
	free(r->line);
	free(r->fields);
	buf_free(&r->raw);
	memset(r, 0, sizeof(*r));
}

static int
malformed(struct rec_reader *r, struct rec *rec, const char *why)
{
	if (!rec_lenient) {
		lede_warn_at(r->name, r->lineno, "%s", why);
		lede_status = LEDE_EXIT_DATA;
		return 0;
	}
	lede_warn_at(r->name, r->lineno, "%s (passed on unchanged)", why);
	rec->bad = 1;
	rec->nf = 0;
	rec->f = NULL;
	rec->raw.s = r->raw.p;
	rec->raw.n = r->raw.len;
	return 1;
}

/* Splits and unescapes one line; 1 on success, 0 if it was malformed. */
static int
parse_line(struct rec_reader *r, struct rec *rec, char *line, size_t len)
{
	size_t nf = 0, n, bad;
	char *p = line, *end = line + len, *tab;
	char why[80];

	for (;;) {
		if (nf == r->fieldcap) {
			r->fieldcap = r->fieldcap ? r->fieldcap * 2 : 16;
			r->fields = xreallocarray(r->fields, r->fieldcap, sizeof(*r->fields));
		}
		tab = memchr(p, '\t', (size_t)(end - p));
		n = (size_t)((tab ? tab : end) - p);
		if ((n = tsv_unescape(p, n, &bad)) == (size_t)-1) {
			snprintf(why, sizeof(why), "bad escape in field %zu", nf + 1);
			return malformed(r, rec, why);
		}
		p[n] = '\0';
		r->fields[nf].s = p;
		r->fields[nf].n = n;
		nf++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	if (nf < 4) {
		snprintf(why, sizeof(why), "record has %zu field%s, needs 4 (DOC LOC KIND TEXT)",
		    nf, nf == 1 ? "" : "s");
		return malformed(r, rec, why);
	}
	if (r->fields[F_DOC].n == 0)
		return malformed(r, rec, "empty DOC field");
	rec->f = r->fields;
	rec->nf = nf;
	rec->bad = 0;
	return 1;
}

int
rec_read(struct rec_reader *r, struct rec *rec)
{
	ssize_t got;
	size_t len;

	for (;;) {
		errno = 0;
		got = getdelim(&r->line, &r->linecap, '\n', r->fp);
		if (got < 0) {
			if (ferror(r->fp)) {
				lede_warn("%s", r->name);
				lede_status = LEDE_EXIT_DATA;
			}
			return 0;
		}
		r->lineno++;
		len = (size_t)got;
		if (len > 0 && r->line[len - 1] == '\n')
			len--;
		/* CRLF line ends are repaired: a raw CR is never part of a field. */
		if (len > 0 && r->line[len - 1] == '\r')
			len--;
		r->line[len] = '\0';
		if (rec_lenient) {
			r->raw.len = 0;
			buf_add(&r->raw, r->line, len);
			buf_terminate(&r->raw);
		}
		rec->lineno = r->lineno;
		if (parse_line(r, rec, r->line, len))
			return 1;
	}
}

int
rec_kind_is(const struct rec *r, const char *kind)
{
	size_t n = strlen(kind);

	return !r->bad && r->f[F_KIND].n == n && memcmp(r->f[F_KIND].s, kind, n) == 0;
}

int
rec_is_text_unit(const struct rec *r)
{
	static const char *const kinds[] = {
		"text", "title", "dek", "heading", "body", "byline", "dateline",
		"caption", "credit", "bio", "contrib", "meta", "promo", "dup", NULL
	};
	const char *const *k;
	const struct field *kind;

	if (r->bad)
		return 0;
	kind = &r->f[F_KIND];
	/* Every text kind is 3 to 8 lower-case letters; findings are not. */
	if (kind->n < 3 || kind->n > 8 || kind->s[0] < 'a' || kind->s[0] > 'z' ||
	    (kind->n == 5 && memcmp(kind->s, "quote", 5) == 0))
		return 0;
	for (k = kinds; *k != NULL; k++)
		if ((*k)[0] == kind->s[0] && strlen(*k) == kind->n &&
		    memcmp(*k, kind->s, kind->n) == 0)
			return 1;
	return 0;
}

struct field
fldz(const char *s)
{
	return fld(s, strlen(s));
}

static void
put_escaped(const char *s, size_t n)
{
	static const unsigned char special[256] = {
		['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
	};
	size_t i = 0, start = 0;
	char esc[2] = { '\\', 0 };

	for (;;) {
		/* Fields rarely hold anything to escape: skip eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t x = swar_load(s + i);

			if (swar_hasless(x, 0x0e) || swar_hasbyte(x, '\\'))
				break;
			i += 8;
		}
		while (i < n && special[(unsigned char)s[i]] == 0)
			i++;
		if (i > start)
			out_write(s + start, i - start);
		if (i >= n)
			break;
		esc[1] = (char)special[(unsigned char)s[i]];
		out_write(esc, 2);
		start = ++i;
	}
}

/* The JSON name of extra field i (0-based after TEXT) of a record of this kind. */
static const char *
extra_name(const struct field *kind, size_t i, int *numeric)
{
	static const char *const quote[] = { "speaker", "cue", "form" };
	static const char *const entity[] = { "start", "end", "canon" };
	static char other[32];

	*numeric = 0;
	if (kind->n == 5 && memcmp(kind->s, "quote", 5) == 0 && i < 3)
		return quote[i];
	if (kind->n > 0 && kind->s[0] >= 'A' && kind->s[0] <= 'Z' && i < 3) {
		*numeric = i < 2;
		return entity[i];
	}
	if (i == 0)
		return "explain";
	snprintf(other, sizeof(other), "f%zu", i + F_EXTRA + 1);
	return other;
}

static int
all_digits(const struct field *f)
{
	size_t i;

	/* JSON numbers have no leading zeros: "007" stays a string. */
	if (f->n == 0 || f->n > 18 || (f->n > 1 && f->s[0] == '0'))
		return 0;
	for (i = 0; i < f->n; i++)
		if (f->s[i] < '0' || f->s[i] > '9')
			return 0;
	return 1;
}

static void
write_json(const struct field *f, size_t nf)
{
	static const char *const names[] = { "doc", "loc", "kind", "text" };
	const char *name;
	size_t i;
	int numeric;

	out_char('{');
	for (i = 0; i < nf; i++) {
		name = i < F_EXTRA ? names[i] : extra_name(&f[F_KIND], i - F_EXTRA, &numeric);
		if (i > 0)
			out_char(',');
		/* not printf: its format parsing cost more than the rest of the line */
		out_char('"');
		out_write(name, strlen(name));
		out_write("\":", 2);
		if (i >= F_EXTRA && numeric && all_digits(&f[i]))
			out_write(f[i].s, f[i].n);
		else
			json_put_string(stdout, f[i].s, f[i].n);
	}
	out_char('}');
	out_char('\n');
}

void
rec_write(const struct field *f, size_t nf)
{
	size_t i;

	if (rec_json) {
		write_json(f, nf);
	} else {
		for (i = 0; i < nf; i++) {
			if (i > 0)
				out_char('\t');
			put_escaped(f[i].s, f[i].n);
		}
		out_char('\n');
	}
	if (ferror(stdout))
		lede_write_failed();
}

void
rec_write_rec(const struct rec *r)
{
	if (r->bad) {
		/* Passed on unchanged, as --lenient promises, even under --json. */
		out_write(r->raw.s, r->raw.n);
		out_char('\n');
		if (ferror(stdout))
			lede_write_failed();
		return;
	}
	rec_write(r->f, r->nf);
}

void
rec_put(struct field doc, struct field loc, const char *kind, const char *text,
    size_t textlen, const struct field *extra, size_t nextra)
{
	struct field fs[16];
	size_t i;

	if (nextra > 12)
		nextra = 12;
	fs[F_DOC] = doc;
	fs[F_LOC] = loc;
	fs[F_KIND] = fldz(kind);
	fs[F_TEXT] = fld(text, textlen);
	for (i = 0; i < nextra; i++)
		fs[F_EXTRA + i] = extra[i];
	rec_write(fs, F_EXTRA + nextra);
}

void
rec_each(int argc, char **argv, rec_fn fn, void *arg)
{
	static char dash[] = "-";
	char *stdin_only[] = { dash, NULL };
	struct rec_reader r;
	struct rec rec;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc; i++) {
		if (rec_reader_open(&r, argv[i]) < 0)
			continue;
		while (rec_read(&r, &rec))
			if (fn(&rec, r.name, arg) != 0)
				break;
		rec_reader_close(&r);
	}
}
