/* lexicon.h -- lede-quotes' word lists (data/quote_*.txt and gazetteers). */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_QUOTES_LEXICON_H
#define LEDE_QUOTES_LEXICON_H

#include <stddef.h>

/* Classes of a word (bits); one word may have several. */
enum {
	LX_VERB		= 1u << 0,	/* speech verb: said, told */
	LX_ADV		= 1u << 1,	/* may stand between speaker and verb */
	LX_TITLE	= 1u << 2,	/* comes before a name: Sen., President */
	LX_ORG		= 1u << 3,	/* last word of an organisation */
	LX_NONNAME	= 1u << 4,	/* capitalised but not a name: But, Monday */
	LX_CONJ		= 1u << 5,	/* starts a clause: and, but, when */
	LX_PRON_M	= 1u << 6,	/* he */
	LX_PRON_F	= 1u << 7,	/* she */
	LX_PRON_G	= 1u << 8,	/* they, it */
	LX_PRON_X	= 1u << 9,	/* I, we, you */
	LX_ROLE		= 1u << 10,	/* senator, spokesman (quote_roles.txt) */
	LX_PLACE	= 1u << 11,	/* country, state, demonym: never a person */
	LX_GIVEN_F	= 1u << 12,	/* a given name, mostly women's */
	LX_GIVEN_M	= 1u << 13,	/* a given name, mostly men's */
	LX_GIVEN	= 1u << 14,	/* a given name */
	LX_PERSON	= 1u << 15	/* describes a speaker: senator, source (quote_persons.txt) */
};
#define LX_PRON (LX_PRON_M | LX_PRON_F | LX_PRON_G | LX_PRON_X)

void		lx_init(void);
/* Frees the lists: lx_init() may be called again. */
void		lx_free(void);
/* Classes of s[0..n), compared without ASCII case; a trailing '.' is optional. */
unsigned	lx_get(const char *s, size_t n);
/* The same, for a word followed by at least LX_PAD readable bytes. */
#define LX_PAD 16
unsigned	lx_get_padded(const char *s, size_t n);
/*
 * For a role noun, whether a person whose title words are titles[0..n)
 * (lower case, space-separated) has that role.
 */
int		lx_role_fits(const char *role, size_t rn, const char *titles, size_t tn);

#endif
