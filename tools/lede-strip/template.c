/* template.c -- lines that earlier articles of the stream had too. */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

/*
 * A site's template (menus, footers, "Most popular") repeats from one
 * article to the next, so a line seen in several earlier articles is
 * furniture whatever its features say.  The memory is a fixed table of
 * fingerprints with counts, sized by the user: when it fills, the lines
 * seen only once are forgotten, so memory never grows with the stream.
 */
struct slot {
	uint64_t	hash;		/* 0: empty */
	uint32_t	count;		/* articles that held the line */
	uint32_t	last;		/* the last article that counted it */
};

static struct slot *table;
static size_t cap, used;	/* cap a power of two, twice the user's size */
static size_t limit;		/* at most this many lines are remembered */
static uint32_t article_no;
static unsigned min_count;

void
template_free(void)
{
	free(table);
	table = NULL;
	cap = used = 0;
}

void
template_init(size_t capacity, unsigned min_articles)
{
	min_count = min_articles ? min_articles : 1;
	limit = capacity;
	for (cap = 16; cap < capacity * 2; cap *= 2)
		;
	table = xcalloc(cap, sizeof(*table));
	used = 0;
}

static struct slot *
find(uint64_t h)
{
	size_t i;

	for (i = h & (cap - 1); table[i].hash != 0; i = (i + 1) & (cap - 1))
		if (table[i].hash == h)
			return &table[i];
	return &table[i];
}

/* How many earlier articles held this line; 0 if none or unknown. */
static unsigned
template_seen(uint64_t h)
{
	struct slot *s;

	if (table == NULL || h == 0)
		return 0;
	s = find(h);
	return s->hash == h ? s->count : 0;
}

/* Forgets the lines seen once; if that frees too little, halves all counts. */
static void
forget(void)
{
	struct slot *old = table;
	size_t i, oldcap = cap;
	uint32_t floor = 1;

	for (;;) {
		size_t keep = 0;

		for (i = 0; i < oldcap; i++)
			if (old[i].hash != 0 && old[i].count > floor)
				keep++;
		if (keep <= limit / 2 || floor > 1u << 30)
			break;
		floor *= 2;
	}
	table = xcalloc(cap, sizeof(*table));
	used = 0;
	for (i = 0; i < oldcap; i++)
		if (old[i].hash != 0 && old[i].count > floor) {
			*find(old[i].hash) = old[i];
			used++;
		}
	free(old);
}

void
template_add_article(const struct para *ps, size_t n)
{
	size_t i;
	struct slot *s;

	if (table == NULL)
		return;
	article_no++;
	for (i = 0; i < n; i++) {
		if (ps[i].hash == 0 || ps[i].words == 0)
			continue;
		if (used >= limit)
			forget();
		s = find(ps[i].hash);
		if (s->hash == 0) {
			s->hash = ps[i].hash;
			used++;
		} else if (s->last == article_no) {
			continue;
		}
		s->count++;
		s->last = article_no;
	}
}

int
template_known(uint64_t h)
{
	return table != NULL && template_seen(h) >= min_count;
}
