/* kinds.c -- the names of the kinds lede-strip gives. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "strip.h"

static const char *const names[K_NKINDS] = {
	"title", "dek", "heading", "body", "byline", "dateline", "caption",
	"credit", "bio", "contrib", "meta", "promo", "dup",
};

const char *
kind_name(enum kind k)
{
	return k >= 0 && k < K_NKINDS ? names[k] : "text";
}

enum kind
kind_parse(const char *s, size_t n)
{
	int k;

	for (k = 0; k < K_NKINDS; k++)
		if (strlen(names[k]) == n && memcmp(names[k], s, n) == 0)
			return (enum kind)k;
	return K_NONE;
}
