/* tag.h -- finding the named entities of one article. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_ENT_TAG_H
#define LEDE_ENT_TAG_H

#include <stddef.h>
#include <stdint.h>

#include "lede.h"
#include "gaz.h"

/* One entity found in record rec of the article, bytes [s, e) of its text. */
struct mention {
	uint32_t	 rec;
	uint32_t	 s, e;
	uint8_t		 type;		/* enum etype; T_NONE: dropped */
	uint8_t		 conf;		/* 0 a guess .. 3 a list says so */
	uint8_t		 ntok;
	uint8_t		 flags;
	uint32_t	 tok;		/* first token (article-wide index) */
	const char	*canon;		/* CANON, or NULL for the surface form */
	uint32_t	 canonlen;
	uint32_t	 h;		/* gaz_hash of the text, once resolve() needs it */
};

struct mentionvec {
	struct mention	*v;
	size_t		 n, cap;
};

struct tag_opts {
	int	numbers;	/* also QUANTITY, ORDINAL, CARDINAL */
};

/* Finds the entities of every text unit of a; out is cleared first. */
void	tag_article(const struct article *a, const struct tag_opts *,
	    struct mentionvec *out);

/* Frees the working state kept from article to article. */
void	tag_free(void);

#endif
