/* tok.h -- cutting a text unit into word and punctuation tokens. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_ENT_TOK_H
#define LEDE_ENT_TOK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gaz.h"

#define TK_WORD		0x0001	/* has a letter or digit */
#define TK_CAP		0x0002	/* starts with an upper-case letter */
#define TK_UPPER	0x0004	/* every letter upper case (two or more letters) */
#define TK_LOWER	0x0008	/* starts with a lower-case letter */
#define TK_DIGIT	0x0010	/* starts with a digit */
#define TK_SSTART	0x0020	/* first word of a sentence */
#define TK_POSS		0x0040	/* the possessive 's / ’s / ' */
#define TK_INITIAL	0x0080	/* one capital and a full stop: "P." */
#define TK_DOTS		0x0100	/* letters with full stops: "U.S." */
#define TK_HYPHEN	0x0200	/* holds a hyphen */
#define TK_LOOKED	0x0400	/* g is valid (looked up) */
#define TK_OPENQ	0x0800	/* an opening quote or bracket */
#define TK_CATS		0x1000	/* cats is valid */
#define TK_QUOTE	0x2000	/* a double quote: " “ ” */
#define TK_NUMW		0x4000	/* a lower-case word that may start a date,
				   number or amount ("last", "two", "the 1990s") */
#define TK_HASHED	0x8000	/* h is valid */
#define TK_LOAD8	0x10000	/* the eight bytes from s lie in the text or
				   its terminating NUL: tok_key8() may load them */

struct tok {
	uint32_t	 s, e;		/* bytes [s, e) of the text */
	uint32_t	 f;
	uint32_t	 h;		/* gaz_hash of the token (TK_HASHED) */
	const struct gent *g;
	uint64_t	 cats;		/* tok_cats(), once computed */
};

struct tokvec {
	struct tok	*v;
	size_t		 n, cap;
	/* indices of some tokens, as they are made (each list has room for cap) */
	uint32_t	*caps;		/* TK_CAP or TK_UPPER: names start there */
	uint32_t	*cand;		/* words but plain lower-case ones (no TK_NUMW),
					   and $ £ €: dates and amounts start there */
	uint32_t	*quote;		/* TK_QUOTE */
	size_t		 ncaps, ncand, nquote;
	int		 allcand;	/* every token is a candidate (--numbers) */
};

/*
 * Cuts text[0..len) into tokens, appended to tv (and to its lists).
 * text[len] must be readable and no ASCII letter or digit (the fields of
 * an article end in NUL): it ends the scan of a word.
 */
void	tokenize(const char *text, size_t len, struct tokvec *tv);
/* Frees tv's arrays. */
void	tokvec_free(struct tokvec *tv);
/* The token's gazetteer entry, looked up once. */
const struct gent *tok_gaz(const char *text, struct tok *);
/*
 * Looks up the capitalised words v[idx[0..n)] (tokens of text) at once, so
 * that the memory serves many look-ups together (pure, as tok_cats is).
 */
void	tok_lookup_all(const char *text, struct tok *v, const uint32_t *idx, size_t n);
/*
 * The gaz_key8() of a token of at most eight bytes, loaded at once; 0 for
 * longer ones, or where the load could leave the text.
 */
static inline uint64_t
tok_key8(const char *text, const struct tok *t)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	size_t n = t->e - t->s;

	if (n > 8 || !(t->f & TK_LOAD8))
		return 0;
	memcpy(&w, text + t->s, 8);
	return n == 8 ? w : w & ((1ULL << (8 * n)) - 1);
#else
	(void)text;
	(void)t;
	return 0;
#endif
}

/* gaz_hash() of the token, computed once. */
static inline uint32_t
tok_hash(const char *text, struct tok *t)
{
	if (!(t->f & TK_HASHED)) {
		t->h = gaz_hash(text + t->s, t->e - t->s);
		t->f |= TK_HASHED;
	}
	return t->h;
}

/* tok_cats() the first time, for a token whose categories are not known yet. */
uint64_t tok_cats_find(const char *text, struct tok *);

/*
 * Categories of a token, acronym-only ones dropped for non-all-caps tokens;
 * the rules ask for them again and again, so the known answer is inline.
 */
static inline uint64_t
tok_cats(const char *text, struct tok *t)
{
	return t->f & TK_CATS ? t->cats : tok_cats_find(text, t);
}

#endif
