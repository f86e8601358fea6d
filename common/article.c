/* article.c -- group the record stream into articles (records sharing DOC). */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "rec.h"

/*
 * Records are copied into one arena per article, a line at a time; fields
 * are kept as offsets while the arena may still move, and turned into
 * pointers just before the article is handed over.
 */
struct collector {
	struct buf	 arena;
	struct rec	*recs;
	size_t		 nrecs, reccap;
	struct field	*fields;
	size_t		*offs;		/* arena offset of each field */
	size_t		 nfields, fieldcap;
	size_t		*first;		/* index of each record's first field */
	size_t		 doc_off, doc_len;
	const char	*file;
	article_fn	 fn;
	void		*arg;
	int		 stop;
};

static size_t
stash(struct collector *c, const char *s, size_t n)
{
	size_t off = c->arena.len;

	buf_add(&c->arena, s, n);
	buf_addc(&c->arena, '\0');
	return off;
}

static void
flush(struct collector *c)
{
	struct article a;
	size_t i, j;

	if (c->nrecs == 0)
		return;
	for (j = 0; j < c->nfields; j++)
		c->fields[j].s = c->arena.p + c->offs[j];
	for (i = 0; i < c->nrecs; i++) {
		c->recs[i].f = c->fields + c->first[i];
		if (c->recs[i].bad) {
			c->recs[i].raw = c->recs[i].f[0];
			c->recs[i].f = NULL;
		}
	}
	a.doc = fld(c->arena.p + c->doc_off, c->doc_len);
	a.file = c->file;
	a.recs = c->recs;
	a.n = c->nrecs;
	if (!c->stop && c->fn(&a, c->arg) != 0)
		c->stop = 1;
	c->nrecs = c->nfields = 0;
	c->arena.len = 0;
	c->doc_len = 0;
}

/* A field of n bytes at arena offset off. */
static void
add_field(struct collector *c, size_t off, size_t n)
{
	if (c->nfields == c->fieldcap) {
		c->fieldcap = c->fieldcap ? c->fieldcap * 2 : 64;
		c->fields = xreallocarray(c->fields, c->fieldcap, sizeof(*c->fields));
		c->offs = xreallocarray(c->offs, c->fieldcap, sizeof(*c->offs));
	}
	c->offs[c->nfields] = off;
	c->fields[c->nfields].s = NULL;
	c->fields[c->nfields].n = n;
	c->nfields++;
}

static int
collect(const struct rec *r, const char *file, void *arg)
{
	struct collector *c = arg;
	struct rec *dst;
	size_t i;

	if (!r->bad && c->doc_len > 0 && (r->f[F_DOC].n != c->doc_len ||
	    memcmp(r->f[F_DOC].s, c->arena.p + c->doc_off, c->doc_len) != 0))
		flush(c);
	if (c->nrecs > 0 && file != c->file)
		flush(c);
	if (c->stop)
		return 1;
	if (c->nrecs == c->reccap) {
		c->reccap = c->reccap ? c->reccap * 2 : 64;
		c->recs = xreallocarray(c->recs, c->reccap, sizeof(*c->recs));
		c->first = xreallocarray(c->first, c->reccap, sizeof(*c->first));
	}
	dst = &c->recs[c->nrecs];
	c->first[c->nrecs] = c->nfields;
	*dst = *r;
	if (r->bad) {
		add_field(c, stash(c, r->raw.s, r->raw.n), r->raw.n);
		dst->nf = 0;
	} else {
		/*
		 * The reader leaves the fields in order in its line, each
		 * unescaped in place and ended by a NUL: the line is copied
		 * once, and the fields keep their places in it.
		 */
		const char *base = r->f[0].s;
		const struct field *last = &r->f[r->nf - 1];
		size_t off = c->arena.len;

		buf_add(&c->arena, base, (size_t)(last->s + last->n + 1 - base));
		if (c->doc_len == 0) {
			c->doc_off = off + (size_t)(r->f[F_DOC].s - base);
			c->doc_len = r->f[F_DOC].n;
		}
		for (i = 0; i < r->nf; i++)
			add_field(c, off + (size_t)(r->f[i].s - base), r->f[i].n);
	}
	c->nrecs++;
	c->file = file;
	return 0;
}

void
rec_each_article(int argc, char **argv, article_fn fn, void *arg)
{
	struct collector c;

	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.arg = arg;
	rec_each(argc, argv, collect, &c);
	flush(&c);
	buf_free(&c.arena);
	free(c.recs);
	free(c.fields);
	free(c.offs);
	free(c.first);
}
