/* marks.h -- find the quoted stretches of one paragraph. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_QUOTES_MARKS_H
#define LEDE_QUOTES_MARKS_H

#include <stddef.h>

enum { MF_DOUBLE = 1, MF_SINGLE, MF_GUILL };

/*
 * A top-level quotation: the opening mark at [open, open + olen), the
 * closing one at [close, close + clen); an unclosed one has closed 0,
 * close at the end of the paragraph and clen 0.  Marks nested inside it
 * are part of its text.
 */
struct qspan {
	size_t		open, olen;
	size_t		close, clen;
	unsigned char	fam;
	unsigned char	closed;
};

struct qvec {
	struct qspan	*v;
	size_t		 n, cap;
};

/*
 * Clears out and appends the top-level quotations of p[0..n), in order;
 * p[n] must be NUL.
 * Straight single marks ('...') open a quotation only when straight1 is
 * set: in plain ASCII text they are far more often apostrophes.
 */
void	marks_scan(const char *p, size_t n, struct qvec *out, int straight1);
/*
 * Whether p[0..n) holds a byte that could start a quotation mark at all;
 * p[n..n+15] must be readable (it may read them, and does not heed them).
 */
int	marks_any(const char *p, size_t n, int straight1);
void	qvec_free(struct qvec *);

#endif
