/* shape.h -- what a line looks like, for the classifier and the roles. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_STRIP_SHAPE_H
#define LEDE_STRIP_SHAPE_H

#include <string.h>

#include "strip.h"

/* jusText's paragraph classes. */
enum cls { C_BAD, C_SHORT, C_NEARGOOD, C_GOOD };

static inline void
set(struct para *p, enum kind k, const char *why)
{
	p->kind = k;
	p->why = why;
}

static inline int
is_prose(const struct para *p)
{
	return p->words >= 8 && (p->endp || p->sentp > 0) &&
	    p->cap * 10 < p->alpha * 6;
}

/* A line of a headline list: capitalised words, no sentence end. */
static inline int
is_headline_like(const struct para *p)
{
	return p->words >= 3 && p->words <= 25 && !p->endp && p->sentp == 0;
}

/* "Andrew Thornebrooke", "Jane van der Berg": a bare name. */
static inline int
is_name_line(const struct para *p)
{
	return p->words >= 2 && p->words <= 4 && p->alpha == p->words &&
	    p->cap + (p->words > 2) >= p->words && !p->endp && p->sentp == 0 &&
	    p->digits == 0 && p->links == 0 && memchr(p->s, ',', p->n) == NULL;
}

static inline int
is_heading_like(const struct para *p)
{
	return p->words >= 1 && p->words <= 20 && !p->endp && !p->endcolon &&
	    p->sentp == 0 && p->links == 0 && p->letters > 0;
}

#endif
