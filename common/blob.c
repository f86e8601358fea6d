/* blob.c -- walk compiled-in data files line by line. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "blob.h"

int
blob_each_line(const struct lede_blob *b, int (*fn)(const char *, size_t, void *), void *arg)
{
	const char *p = b->data, *end = b->data + b->len, *nl;
	size_t n, full;
	int r;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		full = n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0 && p[0] != '#' && (r = fn(p, n, arg)) != 0)
			return r;
		p += full + (nl ? 1 : 0);
	}
	return 0;
}
