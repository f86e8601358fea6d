/* sentseg.h -- sentence segmentation shared by lede-sentences, -quotes, -entities. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_SENTSEG_H
#define LEDE_SENTSEG_H

#include <stddef.h>

/* A byte range [start, end) of a text. */
struct span {
	size_t start;
	size_t end;
};

/* A growable list of spans, reused from call to call. */
struct spanvec {
	struct span *v;
	size_t n;
	size_t cap;
};

/*
 * Splits text[0..len) (one paragraph, UTF-8) into sentences: clears out,
 * appends one span per sentence, in order, without leading or trailing
 * white space, and returns the number of sentences.  An empty or blank
 * text has none.
 */
size_t	sent_split(const char *text, size_t len, struct spanvec *out);
void	spanvec_push(struct spanvec *, size_t start, size_t end);
void	spanvec_free(struct spanvec *);

#endif
