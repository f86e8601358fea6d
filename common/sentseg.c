/* sentseg.c -- sentence segmentation (first cut: terminal punctuation + space + capital). */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>

#include "sentseg.h"
#include "util.h"

void
spanvec_push(struct spanvec *sv, size_t start, size_t end)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof(*sv->v));
	}
	sv->v[sv->n].start = start;
	sv->v[sv->n].end = end;
	sv->n++;
}

void
spanvec_free(struct spanvec *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
push_trimmed(struct spanvec *out, const char *t, size_t s, size_t e)
{
	while (s < e && blank(t[s]))
		s++;
	while (e > s && blank(t[e - 1]))
		e--;
	if (e > s)
		spanvec_push(out, s, e);
}

size_t
sent_split(const char *t, size_t len, struct spanvec *out)
{
	size_t i, start = 0;

	out->n = 0;
	for (i = 0; i + 2 < len; i++) {
		if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i + 1] == ' ' &&
		    t[i + 2] >= 'A' && t[i + 2] <= 'Z') {
			push_trimmed(out, t, start, i + 1);
			start = i + 1;
		}
	}
	push_trimmed(out, t, start, len);
	return out->n;
}
