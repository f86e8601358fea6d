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

/*
 * A word of the lists: its first eight bytes (lower case, zeros after a
 * shorter word) are kept in the slot itself, so that a short word is
 * found with no look at the arena and no memcmp.
 */
struct slot {
	uint64_t	 key8;
	uint32_t	 off;		/* the whole word in the arena; 0 is empty */
	uint16_t	 len;
	uint16_t	 cls;
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

/* A-Z to a-z in eight bytes at once (bytes from 0x80 stay as they are). */
static inline uint64_t
lower8(uint64_t b)
{
	const uint64_t hi = 0x8080808080808080ULL;
	uint64_t t = b & ~hi;
	uint64_t ge_a = t + 0x3F3F3F3F3F3F3F3FULL;	/* bit 7 set from 'A' (0x41) */
	uint64_t gt_z = t + 0x2525252525252525ULL;	/* ... and from past 'Z' (0x5B) */

	return b | (((ge_a & ~gt_z & ~b) & hi) >> 2);
}

/* The first min(n, 8) bytes of s as a number, the first byte lowest. */
static inline uint64_t
pack8(const char *s, size_t n)
{
	uint64_t k = 0;
	size_t i;

	for (i = 0; i < n && i < 8; i++)
		k |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return k;
}

/*
 * The hash of a lower-case word of n bytes: k8 its first eight bytes, k2
 * the next eight (zeros after the word), rest the bytes from the 17th on.
 */
static inline uint32_t
hash_key(uint64_t k8, uint64_t k2, const char *rest, size_t n)
{
	uint64_t h = (k8 ^ n) * 0x9E3779B97F4A7C15ULL;
	size_t i;

	h = (h ^ k2) * 0xC2B2AE3D27D4EB4FULL;
	for (i = 16; i < n; i++)
		h = (h ^ (unsigned char)rest[i - 16]) * 0x100000001B3ULL;
	return (uint32_t)(h >> 32);
}

/* hash_key() of a whole lower-case word. */
static inline uint32_t
hash_word(const char *key, size_t n)
{
	return hash_key(pack8(key, n), n > 8 ? pack8(key + 8, n - 8) : 0, key + 16, n);
}

static inline int
filtered(uint32_t h)
{
	return (filter[(h % FILTER_BITS) / 64] & ((uint64_t)1 << (h % 64))) != 0;
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

/* The slot of a lower-case word (key holds it whole when n > 8), or the empty slot for it. */
static struct slot *
find(uint64_t k8, const char *key, size_t n, uint32_t h)
{
	size_t i = h & tabmask;

	for (;;) {
		struct slot *sl = &tab[i];

		if (sl->off == 0)
			return sl;
		if (sl->key8 == k8 && sl->len == n &&
		    (n <= 8 || memcmp(arena.p + sl->off + 8, key + 8, n - 8) == 0))
			return sl;
		i = (i + 1) & tabmask;
	}
}

static void
grow(void)
{
	struct slot *old = tab;
	size_t oldn = tab ? tabmask + 1 : 0, i;
	const char *key;

	tabmask = oldn ? oldn * 2 - 1 : 4095;
	tab = xcalloc(tabmask + 1, sizeof(*tab));
	for (i = 0; i < oldn; i++) {
		if (old[i].off != 0) {
			key = arena.p + old[i].off;
			*find(old[i].key8, key, old[i].len, hash_word(key, old[i].len)) = old[i];
		}
	}
	free(old);
}

static void
add(const char *s, size_t n, unsigned cls)
{
	char key[MAXKEY];
	struct slot *sl;
	uint64_t k8;
	uint32_t h;

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if ((n = fold(s, n, key)) == 0)
		return;
	/* at most three in four slots taken */
	if (tab == NULL || (tabused + 1) * 4 > (tabmask + 1) * 3)
		grow();
	k8 = pack8(key, n);
	h = hash_word(key, n);
	filter[(h % FILTER_BITS) / 64] |= (uint64_t)1 << (h % 64);
	sl = find(k8, key, n, h);
	if (sl->off == 0) {
		if (arena.len == 0)
			buf_addc(&arena, '\0');	/* offset 0 means empty */
		sl->key8 = k8;
		sl->off = (uint32_t)arena.len;
		sl->len = (uint16_t)n;
		buf_add(&arena, key, n);
		tabused++;
	}
	sl->cls = (uint16_t)(sl->cls | cls);
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

/* The classes of a word of at most eight bytes, k8 as written (not yet lower case). */
static unsigned
lookup_short(uint64_t k8, size_t n)
{
	const struct slot *sl;
	uint32_t h;

	k8 = lower8(k8);
	h = hash_key(k8, 0, NULL, n);
	if (!filtered(h))
		return 0;
	sl = find(k8, NULL, n, h);
	return sl->off ? sl->cls : 0;
}

/* The classes of a word of nine to MAXKEY bytes, no trailing dots. */
static unsigned
lookup_long(const char *s, size_t n)
{
	char key[MAXKEY];
	const struct slot *sl;
	uint64_t k8;
	uint32_t h;

	fold(s, n, key);
	k8 = pack8(key, n);
	h = hash_word(key, n);
	if (!filtered(h))
		return 0;
	sl = find(k8, key, n, h);
	return sl->off ? sl->cls : 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* lookup_long() of nine to sixteen bytes with LX_PAD readable after them: two loads, no loop. */
static unsigned
lookup_16(const char *s, size_t n)
{
	uint64_t k[2];
	const struct slot *sl;
	uint32_t h;

	memcpy(k, s, 16);
	k[0] = lower8(k[0]);
	k[1] = lower8(k[1]);
	if (n < 16)
		k[1] &= ((uint64_t)1 << (8 * (n - 8))) - 1;
	h = hash_key(k[0], k[1], NULL, n);
	if (!filtered(h))
		return 0;
	sl = find(k[0], (const char *)k, n, h);
	return sl->off ? sl->cls : 0;
}
#endif

static unsigned
cached(uint64_t key8, size_t n)
{
	size_t slot8 = (size_t)((key8 * 0x9E3779B97F4A7C15ULL) >> (64 - CACHE_BITS));
	unsigned cls;

	if (cache_key[slot8] == key8)
		return cache_cls[slot8];
	cls = lookup_short(key8, n);
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
	if (n > 8 && n <= 16)
		return lookup_16(s, n);
	if (n == 0 || n > 8)
		return lx_get(s, n);
	/* one load, the bytes after the word masked off: the key lx_get() builds */
	memcpy(&key8, s, 8);
	if (n < 8)
		key8 &= ((uint64_t)1 << (8 * n)) - 1;
	return cached(key8, n);
#else
	return lx_get(s, n);
#endif
}


unsigned
lx_get(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n > MAXKEY)
		return 0;
	/*
	 * Short words as written ("said", "The") are remembered in a small
	 * direct-mapped cache: eight bytes are the key, since words hold no NUL.
	 */
	if (n <= 8)
		return cached(pack8(s, n), n);
	return lookup_long(s, n);
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
