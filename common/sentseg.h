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

/*
 * The word lists behind the segmenter (data/abbrev_*.txt, data/sent_*.txt),
 * loaded once on first use.  sent_word_flags() gives the SENT_W_* classes
 * of one word (without its final period): entries written in lower case
 * match in any case, others only as written.
 */
enum {
	SENT_W_TITLE	= 1 << 0,	/* never ends a sentence: Mr, Dr, e.g */
	SENT_W_COMMON	= 1 << 1,	/* ends one only before an opener: Inc, Jan */
	SENT_W_NUMBER	= 1 << 2,	/* not an end before a digit: No, p */
	SENT_W_STARTER	= 1 << 3,	/* usual sentence opener: The, He, But */
	SENT_W_SPEECH	= 1 << 4,	/* reporting verb: said, yelled */
	SENT_W_BANG	= 1 << 5,	/* name spelt with "!": Yahoo */
	SENT_W_GREETING	= 1 << 6,	/* greeting or sign-off: Thanks, Regards */
	SENT_W_DISCOURSE = 1 << 7	/* opens with a comma, not a name: Well, */
};
unsigned	sent_word_flags(const char *w, size_t n);
/* Adds a word to the lists at run time (copied); flags as above. */
void		sent_add_word(const char *w, size_t n, unsigned flags);
/* Adds every word of a file (one a line, '#' comments); -1 if unreadable. */
int		sent_add_file(const char *path, unsigned flags);

#endif
