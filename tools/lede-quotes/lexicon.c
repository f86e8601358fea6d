/* lexicon.c -- lede-quotes' word lists: one hash table of lower-cased words. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lexicon.h"

extern const struct lede_blob lede_blob_quote_verbs;
extern const struct lede_blob lede_blob_quote_adverbs;
extern const struct lede_blob lede_blob_quote_titles;
extern const struct lede_blob lede_blob_quote_orgs;
extern const struct lede_blob lede_blob_quote_nonnames;
extern const struct lede_blob lede_blob_quote_conj;
extern const struct lede_blob lede_blob_quote_pronouns;
extern const struct lede_blob lede_blob_quote_roles;
extern const struct lede_blob lede_blob_quote_given;
extern const struct lede_blob lede_blob_quote_places;
extern const struct lede_blob lede_blob_quote_persons;

#define MAXKEY 64

struct slot {
	uint32_t	 off;		/* key in the arena; 0 is empty */
	uint32_t	 hash;
	uint16_t	 len;
	unsigned	 cls;
};

/* One bit per hash value: most words of a text are in no list, and are turned away here. */
#define FILTER_BITS (1u << 18)
static uint64_t filter[FILTER_BITS / 64];

static struct slot *tab;
static size_t tabmask;
static size_t tabused;
static struct buf arena;

struct role {
	char	*role;
	char	*titles;		/* " sen senator " */
};
static struct role *roles;
static size_t nroles;

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Lower-cases ASCII into out; returns the length, 0 if too long. */
static size_t
fold(const char *s, size_t n, char *out)
{
	size_t i;

	if (n == 0 || n > MAXKEY)
		return 0;
	for (i = 0; i < n; i++)
		out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	return n;
}

static struct slot *
find(const char *key, size_t n, uint32_t h)
{
	size_t i = h & tabmask;

	for (;;) {
		struct slot *sl = &tab[i];

		if (sl->off == 0)
			return sl;
		if (sl->hash == h && sl->len == n && memcmp(arena.p + sl->off, key, n) == 0)
			return sl;
		i = (i + 1) & tabmask;
	}
}

static void
grow(void)
{
	struct slot *old = tab;
	size_t oldn = tab ? tabmask + 1 : 0, i;

	tabmask = oldn ? oldn * 2 - 1 : 4095;
	tab = xcalloc(tabmask + 1, sizeof(*tab));
	for (i = 0; i < oldn; i++) {
		if (old[i].off != 0)
			*find(arena.p + old[i].off, old[i].len, old[i].hash) = old[i];
	}
	free(old);
}

static void
add(const char *s, size_t n, unsigned cls)
{
	char key[MAXKEY];
	struct slot *sl;
	uint32_t h;

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if ((n = fold(s, n, key)) == 0)
		return;
	if (tab == NULL || (tabused + 1) * 2 > tabmask + 1)
		grow();
	h = hash(key, n);
	filter[(h % FILTER_BITS) / 64] |= (uint64_t)1 << (h % 64);
	sl = find(key, n, h);
	if (sl->off == 0) {
		sl->hash = h;
		if (arena.len == 0)
			buf_addc(&arena, '\0');	/* offset 0 means empty */
		sl->off = (uint32_t)arena.len;
		sl->len = (uint16_t)n;
		buf_add(&arena, key, n);
		tabused++;
	}
	sl->cls |= cls;
}

/* The first TAB-separated field of a line, or the whole line. */
static size_t
first_field(const char *s, size_t n)
{
	const char *tab1 = memchr(s, '\t', n);

	return tab1 ? (size_t)(tab1 - s) : n;
}

static int
add_line(const char *s, size_t n, void *arg)
{
	add(s, first_field(s, n), *(unsigned *)arg);
	return 0;
}

static int
add_pronoun(const char *s, size_t n, void *arg)
{
	size_t w = first_field(s, n);
	unsigned cls = LX_PRON_X;

	(void)arg;
	if (w + 1 < n) {
		switch (s[w + 1]) {
		case 'm': cls = LX_PRON_M; break;
		case 'f': cls = LX_PRON_F; break;
		case 'g': cls = LX_PRON_G; break;
		default: break;
		}
	}
	add(s, w, cls);
	return 0;
}

static int
add_role(const char *s, size_t n, void *arg)
{
	size_t w = first_field(s, n);
	struct buf b = { 0 };

	(void)arg;
	add(s, w, LX_ROLE);
	roles = xreallocarray(roles, nroles + 1, sizeof(*roles));
	roles[nroles].role = xmemdup(s, w);
	buf_addc(&b, ' ');
	if (w + 1 < n)
		buf_add(&b, s + w + 1, n - w - 1);
	buf_addc(&b, ' ');
	buf_terminate(&b);
	roles[nroles].titles = b.p;
	nroles++;
	return 0;
}

/* quote_given.txt: NAME<TAB>f|m|u. */
static int
add_given(const char *s, size_t n, void *arg)
{
	size_t w = first_field(s, n);
	unsigned cls = LX_GIVEN;

	(void)arg;
	if (w + 1 < n && s[w + 1] == 'f')
		cls |= LX_GIVEN_F;
	else if (w + 1 < n && s[w + 1] == 'm')
		cls |= LX_GIVEN_M;
	add(s, w, cls);
	return 0;
}

void
lx_init(void)
{
	static const struct {
		const struct lede_blob *blob;
		unsigned cls;
	} lists[] = {
		{ &lede_blob_quote_verbs, LX_VERB },
		{ &lede_blob_quote_adverbs, LX_ADV },
		{ &lede_blob_quote_titles, LX_TITLE },
		{ &lede_blob_quote_orgs, LX_ORG },
		{ &lede_blob_quote_nonnames, LX_NONNAME },
		{ &lede_blob_quote_conj, LX_CONJ },
		{ &lede_blob_quote_places, LX_PLACE },
		{ &lede_blob_quote_persons, LX_PERSON },
	};
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		unsigned cls = lists[i].cls;

		blob_each_line(lists[i].blob, add_line, &cls);
	}
	blob_each_line(&lede_blob_quote_pronouns, add_pronoun, NULL);
	blob_each_line(&lede_blob_quote_roles, add_role, NULL);
	blob_each_line(&lede_blob_quote_given, add_given, NULL);
}

#define CACHE_BITS 12
/* Keys and classes apart: 40 KB, mostly in the first-level cache. 0 is empty (no word is all NULs). */
static uint64_t cache_key[1u << CACHE_BITS];
static uint16_t cache_cls[1u << CACHE_BITS];
_Static_assert(LX_PERSON <= 0x8000, "word classes fit the cache's 16 bits");

void
lx_free(void)
{
	size_t i;

	for (i = 0; i < nroles; i++) {
		free(roles[i].role);
		free(roles[i].titles);
	}
	free(roles);
	roles = NULL;
	nroles = 0;
	free(tab);
	tab = NULL;
	tabmask = tabused = 0;
	free(arena.p);
	memset(&arena, 0, sizeof(arena));
	memset(filter, 0, sizeof(filter));
	memset(cache_key, 0, sizeof(cache_key));
}

static unsigned lookup(const char *, size_t);

static unsigned
cached(uint64_t key8, const char *s, size_t n)
{
	size_t slot8 = (size_t)((key8 * 0x9E3779B97F4A7C15ULL) >> (64 - CACHE_BITS));
	unsigned cls;

	if (cache_key[slot8] == key8)
		return cache_cls[slot8];
	cls = lookup(s, n);
	cache_key[slot8] = key8;
	cache_cls[slot8] = (uint16_t)cls;
	return cls;
}

unsigned
lx_get_padded(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t key8;

	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > 8)
		return lx_get(s, n);
	/* one load, the bytes after the word masked off: the key lx_get() builds */
	memcpy(&key8, s, 8);
	if (n < 8)
		key8 &= ((uint64_t)1 << (8 * n)) - 1;
	return cached(key8, s, n);
#else
	return lx_get(s, n);
#endif
}


unsigned
lx_get(const char *s, size_t n)
{

	uint64_t key8 = 0;

	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > MAXKEY)
		return 0;
	/*
	 * Short words as written ("said", "The") are remembered in a small
	 * direct-mapped cache: eight bytes are the key, since words hold no NUL.
	 */
	if (n <= 8) {
		size_t i;

		/* byte by byte: a memcpy of a variable length is a library call */
		for (i = 0; i < n; i++)
			key8 |= (uint64_t)(unsigned char)s[i] << (8 * i);
		return cached(key8, s, n);
	}
	return lookup(s, n);
}

/* The classes of s[0..n) (no trailing dots, 1 <= n <= MAXKEY) from the table. */
static unsigned
lookup(const char *s, size_t n)
{
	char key[MAXKEY];
	struct slot *sl;
	uint32_t h = 2166136261u;
	size_t i;

	/* hash of the lower-cased word, as hash(fold(s)); most words stop at the filter */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		h ^= (c >= 'A' && c <= 'Z') ? c + 32u : c;
		h *= 16777619u;
	}
	if (!(filter[(h % FILTER_BITS) / 64] & ((uint64_t)1 << (h % 64))))
		return 0;
	fold(s, n, key);
	sl = find(key, n, h);
	return sl->off ? sl->cls : 0;
}

static int
find_role(const char *key, size_t rn)
{
	size_t i;

	for (i = 0; i < nroles; i++)
		if (strlen(roles[i].role) == rn && memcmp(roles[i].role, key, rn) == 0)
			return (int)i;
	return -1;
}

int
lx_role_fits(const char *role, size_t rn, const char *titles, size_t tn)
{
	char key[MAXKEY];
	size_t k;
	const char *t, *te, *p;
	int i;

	while (rn > 0 && role[rn - 1] == '.')
		rn--;
	if ((rn = fold(role, rn, key)) == 0)
		return 0;
	i = find_role(key, rn);
	/* each title word of the person against the role's list, or the role itself */
	for (p = titles; p < titles + tn; p = te + 1) {
		te = memchr(p, ' ', (size_t)(titles + tn - p));
		if (te == NULL)
			te = titles + tn;
		k = (size_t)(te - p);
		if (i < 0) {
			if (k == rn && memcmp(p, key, rn) == 0)
				return 1;
			continue;
		}
		for (t = roles[i].titles; (t = strstr(t, " ")) != NULL && t[1]; t++)
			if (strncmp(t + 1, p, k) == 0 && t[1 + k] == ' ')
				return 1;
	}
	return 0;
}
