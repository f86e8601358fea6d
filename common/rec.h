/* rec.h -- reading and writing the record stream (see lede(7)). */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_REC_H
#define LEDE_REC_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* A field's unescaped bytes; s is NUL-terminated, but may hold NULs. */
struct field {
	const char *s;
	size_t n;
};

enum { F_DOC, F_LOC, F_KIND, F_TEXT, F_EXTRA };

/*
 * One record: f[F_DOC] .. f[F_TEXT] always, extra fields after.  A record
 * that could not be parsed and is passed on by --lenient has bad set, nf 0,
 * and its line (without LF) in raw.
 */
struct rec {
	struct field	*f;
	size_t		 nf;
	int		 bad;
	struct field	 raw;
	unsigned long	 lineno;
};

/* Options every record-reading tool has. */
extern int rec_json;		/* --json: write JSON Lines */
extern int rec_lenient;		/* --lenient: pass malformed records on */

struct rec_reader {
	FILE		*fp;
	const char	*name;		/* for messages: the path, or "-" */
	unsigned long	 lineno;
	char		*line;
	size_t		 linecap;
	struct buf	 raw;
	struct field	*fields;
	size_t		 fieldcap;
};

/* Opens path ("-" is stdin); on failure warns, sets status 1, returns -1. */
int	rec_reader_open(struct rec_reader *, const char *path);
void	rec_reader_close(struct rec_reader *);
/*
 * Reads the next record: 1, or 0 at the end of input.  A malformed record
 * is reported as FILE:LINE and skipped (status 1), or with --lenient
 * returned with bad set after a warning.  Pointers stay valid until the
 * next call.  The fields lie in order in one buffer, each unescaped in
 * place and followed by a NUL (rec_each_article copies them in one piece).
 */
int	rec_read(struct rec_reader *, struct rec *);

/* Kind helpers: text units (text, body, title...) and findings. */
int	rec_is_text_unit(const struct rec *);
int	rec_kind_is(const struct rec *, const char *kind);

/* Writes one record, escaping fields (or as JSON with --json). */
void	rec_write(const struct field *f, size_t nf);
void	rec_write_rec(const struct rec *);
/* Convenience: the four fixed fields plus nextra extra ones. */
void	rec_put(struct field doc, struct field loc, const char *kind,
	    const char *text, size_t textlen, const struct field *extra, size_t nextra);
static inline struct field
fld(const char *s, size_t n)
{
	struct field f = { s, n };
	return f;
}
struct field fldz(const char *s);

/*
 * Calls fn once per record of every input (argv[0..argc), none or "-"
 * meaning stdin).  A file that cannot be read is reported and skipped.
 */
typedef int (*rec_fn)(const struct rec *, const char *file, void *arg);
void	rec_each(int argc, char **argv, rec_fn fn, void *arg);

/*
 * The records of one article (consecutive records sharing DOC), copied so
 * that they stay valid for the whole call.  Memory is reused from one
 * article to the next: it is bounded by the largest article.
 */
struct article {
	struct field	 doc;
	const char	*file;
	struct rec	*recs;
	size_t		 n;
};
typedef int (*article_fn)(const struct article *, void *arg);
void	rec_each_article(int argc, char **argv, article_fn fn, void *arg);

#endif
