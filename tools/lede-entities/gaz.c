/* gaz.c -- the compiled-in lists as one open-addressing hash table. */
/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "gaz.h"

extern const struct lede_blob lede_blob_ent_lower, lede_blob_ent_proper,
    lede_blob_ent_cues, lede_blob_ent_extra, lede_blob_gaz_given_names,
    lede_blob_gaz_surnames, lede_blob_gaz_cities, lede_blob_gaz_admin1,
    lede_blob_gaz_countries, lede_blob_gaz_us_states, lede_blob_gaz_world_regions,
    lede_blob_gaz_organisations, lede_blob_gaz_political_parties,
    lede_blob_gaz_armed_groups, lede_blob_gaz_sp500, lede_blob_gaz_norp,
    lede_blob_gaz_ethnic_groups;

static const char *const type_names[T_NTYPES] = {
	"", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE",
	"TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
	"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"
};

const char *
ent_type_name(enum etype t)
{
	return (unsigned)t < T_NTYPES ? type_names[t] : "";
}

enum etype
ent_type_parse(const char *s, size_t n)
{
	int t;

	for (t = 1; t < T_NTYPES; t++)
		if (strlen(type_names[t]) == n && memcmp(type_names[t], s, n) == 0)
			return (enum etype)t;
	return T_NONE;
}

/*
 * The table: entries in one array, slots hold index + 1.  Keys point into
 * the blobs (or into user files kept for the run), so nothing is copied.
 */
#define CHUNK_BITS 14
#define CHUNK (1u << CHUNK_BITS)
static struct gent *chunks[1u << 7];	/* entries never move once made */
static size_t nents;
#define ENT(i) (&chunks[(i) >> CHUNK_BITS][(i) & (CHUNK - 1)])

static struct gent *
ent_new(void)
{
	struct gent *e;

	if ((nents >> CHUNK_BITS) >= sizeof(chunks) / sizeof(chunks[0]))
		lede_diex(LEDE_EXIT_DATA, "too many names");
	if (chunks[nents >> CHUNK_BITS] == NULL)
		chunks[nents >> CHUNK_BITS] = xcalloc(CHUNK, sizeof(struct gent));
	e = ENT(nents);
	memset(e, 0, sizeof(*e));
	nents++;
	return e;
}
static uint64_t *slots;
static size_t nslots;		/* power of two */

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Eight bytes with ASCII capitals made small (other bytes unchanged). */
static inline uint64_t
fold8(uint64_t w)
{
	uint64_t x = w & 0x7f7f7f7f7f7f7f7fULL;
	uint64_t ge_a = x + 0x3f3f3f3f3f3f3f3fULL;	/* high bit: byte >= 'A' */
	uint64_t gt_z = x + 0x2525252525252525ULL;	/* high bit: byte > 'Z' */

	return w | ((ge_a & ~gt_z & ~w & 0x8080808080808080ULL) >> 2);
}

/* A multiplicative hash of the case-folded key, eight bytes at a time. */
uint32_t
gaz_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ fold8(w)) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	if (i < n) {
		/*
		 * The last one to seven bytes, by lengths in two steps, not in
		 * three that each go either way for words of random length.
		 */
		uint32_t lo, hi;

		if (n >= 8) {
			/* the last eight bytes, those hashed already shifted out */
			memcpy(&w, s + n - 8, 8);
			w >>= 8 * (8 - (n - i));
		} else if (n >= 4) {
			/* two loads of four that overlap: every byte in its place */
			memcpy(&lo, s, 4);
			memcpy(&hi, s + n - 4, 4);
			w = lo | (uint64_t)hi << (8 * (n - 4));
		} else {
			w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n >> 1] << 8 |
			    (uint64_t)(unsigned char)s[n - 1] << 16;
		}
		h = (h ^ fold8(w)) * 0xff51afd7ed558ccdULL;
	}
	h ^= h >> 32;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return (uint32_t)h;
}

/* Are a and b the same but for ASCII case?  Keys are short: no call to memcmp. */
static inline int
keyeq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i] && lc((unsigned char)a[i]) != lc((unsigned char)b[i]))
			return 0;
	return 1;
}

static void grow(void);
static void merge_big(struct gent *, const char *, size_t);

/* Keys of looked-up words are copied here; chunks never move. */
static char *arena;
static size_t arena_left;
struct chunk {
	struct chunk *next;
};
static struct chunk *arena_chunks;	/* to free them when the memo is reset */

static const char *
keep_key(const char *s, size_t n)
{
	char *p;

	if (n + 1 > arena_left) {
		struct chunk *c;

		arena_left = n + 1 > 65536 ? n + 1 : 65536;
		c = xmalloc(sizeof(*c) + arena_left);
		c->next = arena_chunks;
		arena_chunks = c;
		arena = (char *)(c + 1);
	}
	p = arena;
	memcpy(p, s, n);
	p[n] = '\0';
	arena += n + 1;
	arena_left -= n + 1;
	return p;
}

/*
 * Slots hold (hash << 32 | index + 1), so a probe compares hashes without
 * touching the entries.
 */
static struct gent *
find(const char *s, size_t n, uint32_t h, int create)
{
	size_t i = h & (nslots - 1);
	struct gent *e;

	for (;; i = (i + 1) & (nslots - 1)) {
		uint64_t v = slots[i];

		if (v == 0)
			break;
		if ((uint32_t)(v >> 32) != h)
			continue;
		e = ENT((size_t)(uint32_t)v - 1);
		if (e->klen == n && keyeq(e->key, s, n))
			return e;
	}
	if (!create)
		return NULL;
	e = ent_new();
	e->key = s;
	e->klen = (uint32_t)n;
	e->hash = h;
	slots[i] = (uint64_t)h << 32 | nents;
	if (nents * 2 > nslots)
		grow();
	return e;
}

static void
grow(void)
{
	size_t i, j;

	free(slots);
	nslots *= 2;
	slots = xcalloc(nslots, sizeof(*slots));
	for (i = 0; i < nents; i++) {
		for (j = ENT(i)->hash & (nslots - 1); slots[j]; j = (j + 1) & (nslots - 1))
			;
		slots[j] = (uint64_t)ENT(i)->hash << 32 | (i + 1);
	}
}

/*
 * The big lists (common words, given names, surnames, towns) are not
 * loaded: a key is looked up in their sorted blobs the first time it is
 * asked for, and the answer, even "unknown", is remembered in the table.
 */
#define MEMO_MAX 300000
/*
 * A small cache in front of the table for the words asked for most ("The",
 * "Mr", the article's names): one cache line instead of two misses.
 */
#define FC_SIZE 32768
static struct fcache {		/* 64 bytes: one cache line */
	uint32_t h;
	uint8_t n;		/* 0: empty */
	char k[51];		/* names of several words fit */
	const struct gent *e;	/* the answer, NULL included */
} *front;			/* FC_SIZE of them, calloc'ed: pages untouched cost nothing */
static void *front_mem;		/* what was allocated; front is it aligned to 64 */

/*
 * Before the front cache, for words of up to eight bytes (most names and
 * the commonest capitalised words): the key itself is compared, no hash is
 * computed, and the table is small enough to stay in the cache.
 */
#define HOT_BITS 15
static struct hot {
	uint64_t k;		/* gaz_key8; 0: empty */
	const struct gent *e;	/* the answer, NULL included */
} *hot;

static inline size_t
hot_slot(uint64_t k)
{
	return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> (64 - HOT_BITS));
}

static size_t nbase = SIZE_MAX;	/* entries of the lists; the rest is the memo */

void
gaz_freeze(void)
{
	nbase = nents;
}

/*
 * Called between articles: if the remembered look-ups have grown past
 * MEMO_MAX, forget them (no pointer into them outlives an article), so
 * memory stays bounded however large the stream's vocabulary.
 */
void
gaz_trim(void)
{
	size_t i, j;
	struct chunk *c;

	if (nents - nbase <= MEMO_MAX)
		return;
	nents = nbase;
	memset(slots, 0, nslots * sizeof(*slots));
	for (i = 0; i < nents; i++) {
		for (j = ENT(i)->hash & (nslots - 1); slots[j]; j = (j + 1) & (nslots - 1))
			;
		slots[j] = (uint64_t)ENT(i)->hash << 32 | (i + 1);
	}
	memset(front, 0, FC_SIZE * sizeof(*front));
	memset(hot, 0, ((size_t)1 << HOT_BITS) * sizeof(*hot));
	while ((c = arena_chunks) != NULL) {
		arena_chunks = c->next;
		free(c);
	}
	arena = NULL;
	arena_left = 0;
}

/*
 * Entries made by look-ups keep the exact spelling asked for ("SARS" and
 * "Sars" are two), so that what the big lists say never depends on which
 * spelling came first; they start from the small lists' entry for the
 * key in any case.
 */
static const struct gent *gaz_get_slow(const char *, size_t, uint32_t);

const struct gent *
gaz_get(const char *s, size_t n)
{
	if (n == 0 || n > 200 || slots == NULL)
		return NULL;
	return gaz_get_h(s, n, gaz_hash(s, n));
}

const struct gent *
gaz_get_k(const char *s, size_t n, uint64_t k)
{
	struct hot *c = &hot[hot_slot(k)];

	if (c->k != k) {
		c->e = gaz_get_h(s, n, gaz_hash(s, n));
		c->k = k;
	}
	return c->e;
}

void
gaz_prefetch_k(uint64_t k)
{
	__builtin_prefetch(&hot[hot_slot(k)]);
}

void
gaz_prefetch(uint32_t h)
{
	if (front) {
		__builtin_prefetch(&front[h & (FC_SIZE - 2)]);
		__builtin_prefetch(&front[(h & (FC_SIZE - 2)) + 1]);
	}
}

const struct gent *
gaz_get_h(const char *s, size_t n, uint32_t h)
{
	struct fcache *c;

	if (n == 0 || n > 200 || slots == NULL)
		return NULL;
	if (n > sizeof(c->k))
		return gaz_get_slow(s, n, h);
	/* two ways: the newest answer first, the one before in the next line */
	c = &front[h & (FC_SIZE - 2)];
	if (c->n == n && c->h == h && memcmp(c->k, s, n) == 0)
		return c->e;
	if (c[1].n == n && c[1].h == h && memcmp(c[1].k, s, n) == 0)
		return c[1].e;
	c[1] = c[0];
	c->e = gaz_get_slow(s, n, h);
	c->h = h;
	c->n = (uint8_t)n;
	memcpy(c->k, s, n);
	return c->e;
}

static const struct gent *
gaz_get_slow(const char *s, size_t n, uint32_t h)
{
	struct gent *e, *base = NULL, *x;
	size_t i;

	for (i = h & (nslots - 1); slots[i]; i = (i + 1) & (nslots - 1)) {
		if ((uint32_t)(slots[i] >> 32) != h)
			continue;
		x = ENT((size_t)(uint32_t)slots[i] - 1);
		if (x->klen != n)
			continue;
		if ((size_t)((uint32_t)slots[i] - 1) < nbase) {
			/* the lists' own entry: copied, never merged into */
			if (keyeq(x->key, s, n))
				base = x;
		} else if (memcmp(x->key, s, n) == 0) {
			e = x;
			goto found;
		}
	}
	e = ent_new();
	if (base)
		*e = *base;
	e->key = keep_key(s, n);
	e->klen = (uint32_t)n;
	e->hash = h;
	e->merged = 0;
	slots[i] = (uint64_t)h << 32 | nents;
	if (nents * 2 > nslots)
		grow();
found:
	if (!e->merged) {
		merge_big(e, s, n);
		e->merged = 1;
	}
	return e->cats ? e : NULL;
}

static int
all_caps(const char *s, size_t n)
{
	size_t i, up = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		up += s[i] >= 'A' && s[i] <= 'Z';
	}
	return up >= 2;
}

/*
 * Adds a key with categories; acronym-like keys ("WHO", "US") only count
 * for all-caps tokens, so "Who" at a sentence start is no organisation.
 */
static struct gent *
add(const char *s, size_t n, uint64_t cats)
{
	struct gent *e;
	size_t i, words = 1;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	while (n > 0 && s[0] == ' ')
		s++, n--;
	if (n == 0 || n > 200)
		return NULL;
	e = find(s, n, gaz_hash(s, n), 1);
	if ((cats & G_ENTITY) && all_caps(s, n) && !(e->cats & cats & G_ENTITY))
		e->acro |= cats & G_ENTITY;
	else
		e->acro &= ~cats;
	e->cats |= cats;
	if (!(cats & G_ENTITY))
		return e;
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	if (words > 1) {
		struct gent *first;
		size_t k = (size_t)((const char *)memchr(s, ' ', n) - s);

		first = find(s, k, gaz_hash(s, k), 1);
		first->cats |= G_MWPREFIX;
		if (first->maxw < words)
			first->maxw = (uint8_t)(words > 255 ? 255 : words);
	}
	return e;
}

/* Field k (0-based) of a TAB-separated line. */
static struct field
col(const char *s, size_t n, int k)
{
	const char *end = s + n, *p = s, *t;

	while (k-- > 0) {
		t = memchr(p, '\t', (size_t)(end - p));
		if (t == NULL)
			return fld(end, 0);
		p = t + 1;
	}
	t = memchr(p, '\t', (size_t)(end - p));
	return fld(p, t ? (size_t)(t - p) : (size_t)(end - p));
}

static uint32_t
num(struct field f)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < f.n && f.s[i] >= '0' && f.s[i] <= '9'; i++)
		v = v * 10 + (uint32_t)(f.s[i] - '0');
	return v;
}

/* Adds each '|'-separated value, dropping "(...)" notes; canon if given. */
static void
add_multi(struct field f, uint64_t cats, struct field canon)
{
	const char *p = f.s, *end = f.s + f.n, *bar, *par;
	struct gent *e;

	while (p < end) {
		bar = memchr(p, '|', (size_t)(end - p));
		if (bar == NULL)
			bar = end;
		par = memchr(p, '(', (size_t)(bar - p));
		/* one- and two-letter codes ("I", "AS") are mostly noise */
		if ((size_t)((par ? par : bar) - p) < 3 && (cats & G_ORG)) {
			p = bar + 1;
			continue;
		}
		e = add(p, (size_t)((par ? par : bar) - p), cats);
		if (e && canon.n && e->canon == NULL) {
			e->canon = canon.s;
			e->canonlen = (uint32_t)canon.n;
		}
		p = bar + 1;
	}
}

/* ---- the big lists: binary search in the sorted blobs ---- */

/* The first data line of a blob (after the '#' header). */
static const char *
data_start(const struct lede_blob *b)
{
	const char *p = b->data, *end = b->data + b->len, *nl;

	while (p < end && *p == '#') {
		nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	return p;
}

static const char *
next_line(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? nl + 1 : end;
}

/*
 * Where each data line of a big list starts, made the first time the list
 * is asked: the binary search then jumps straight to a line instead of
 * hunting for the next newline at every probe.  off[n] is the blob's end.
 */
struct line_index {
	const struct lede_blob	*b;
	uint32_t		*off;
	uint16_t		*klen;	/* bytes before the line's TAB, CR or LF */
	size_t			 n;
	/*
	 * The first line of each key by the key's gaz_hash (index + 1): a
	 * word not in the list, the usual answer, costs a probe or two
	 * rather than a binary search through the list.
	 */
	uint32_t		*slot;
	size_t			 nslot;
};

/*
 * Compares key[0..n) with a line's first field l[0..kl) as LC_ALL=C sort
 * ordered the lines (a key that is a prefix of the other comes first).
 */
static int
cmp_key(const char *key, size_t n, const char *l, size_t kl)
{
	int c = memcmp(key, l, n < kl ? n : kl);

	if (c)
		return c;
	return n < kl ? -1 : n > kl;
}

static void
index_lines(struct line_index *x, const struct lede_blob *b)
{
	const char *p = data_start(b), *end = b->data + b->len;
	size_t n = 0, cap = 1024, i, j;
	const char *q;

	x->b = b;
	x->off = xreallocarray(NULL, cap, sizeof(*x->off));
	x->klen = xreallocarray(NULL, cap, sizeof(*x->klen));
	for (; p < end; p = next_line(p, end)) {
		if (n + 1 == cap) {
			cap *= 2;
			x->off = xreallocarray(x->off, cap, sizeof(*x->off));
			x->klen = xreallocarray(x->klen, cap, sizeof(*x->klen));
		}
		for (q = p; q < end && *q != '\t' && *q != '\n' && *q != '\r'; q++)
			;
		x->off[n] = (uint32_t)(p - b->data);
		/* a key longer than any look-up (200 bytes) stays longer */
		x->klen[n++] = (uint16_t)(q - p < 60000 ? q - p : 60000);
	}
	x->off[n] = (uint32_t)b->len;
	x->n = n;
	for (x->nslot = 64; x->nslot < 2 * n; x->nslot *= 2)
		;
	x->slot = xcalloc(x->nslot, sizeof(*x->slot));
	for (i = 0; i < n; i++) {
		/* keys longer than any look-up are never asked for */
		if (x->klen[i] > 255 || (i > 0 && x->klen[i] == x->klen[i - 1] &&
		    memcmp(b->data + x->off[i], b->data + x->off[i - 1], x->klen[i]) == 0))
			continue;
		for (j = gaz_hash(b->data + x->off[i], x->klen[i]) & (x->nslot - 1); x->slot[j];
		    j = (j + 1) & (x->nslot - 1))
			;
		x->slot[j] = (uint32_t)i + 1;
	}
}

/*
 * Calls fn for every line whose first field is key; returns how many.
 * The lists are sorted (LC_ALL=C), so the matching lines are one run.
 */
static int
blob_find(const struct lede_blob *b, struct line_index *x, const char *key, size_t n,
    void (*fn)(struct gent *, const char *, size_t), struct gent *e)
{
	const char *d = b->data;
	size_t i, j;
	int hits = 0;

	if (x->b != b)
		index_lines(x, b);
	for (j = gaz_hash(key, n) & (x->nslot - 1); x->slot[j]; j = (j + 1) & (x->nslot - 1)) {
		i = x->slot[j] - 1;
		if (x->klen[i] != n || memcmp(key, d + x->off[i], n) != 0)
			continue;
		/* the lines with this key follow one another: the list is sorted */
		for (; i < x->n && cmp_key(key, n, d + x->off[i], x->klen[i]) == 0; i++) {
			fn(e, d + x->off[i], x->off[i + 1] - x->off[i]);
			hits++;
		}
		return hits;
	}
	return 0;
}

static void
on_lower(struct gent *e, const char *l, size_t n)
{
	e->cats |= G_LOWER;
}

static void
on_proper(struct gent *e, const char *l, size_t n)
{
	e->cats |= G_PROPER;
}

static void
on_given(struct gent *e, const char *l, size_t n)
{
	e->cats |= G_GIVEN;
	e->given += num(col(l, n, 1));
}

static void
on_surname(struct gent *e, const char *l, size_t n)
{
	e->cats |= G_SURNAME;
	e->surname += num(col(l, n, 1));
}

static void
on_city(struct gent *e, const char *l, size_t n)
{
	struct field fc = col(l, n, 4);
	uint32_t pop = num(col(l, n, 2));

	e->cats |= G_CITY;
	if (fc.n >= 4 && memcmp(fc.s, "PPLC", 4) == 0)
		e->cats |= G_CAPITAL;
	if (e->pop < pop)
		e->pop = pop;
}

static void
on_admin1(struct gent *e, const char *l, size_t n)
{
	e->cats |= G_ADMIN1;
}

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_WORDS };

/* key in one case convention; returns 0 if it would not change (or too long). */
static size_t
recase(const char *s, size_t n, int how, char *out, size_t cap)
{
	size_t i;
	int start = 1;

	if (n > cap)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		switch (how) {
		case CASE_LOWER:
			c = (char)lc((unsigned char)c);
			break;
		case CASE_UPPER:
			c = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
			break;
		case CASE_TITLE:
		case CASE_WORDS:
			if (start)
				c = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
			else
				c = (char)lc((unsigned char)c);
			break;
		}
		start = how == CASE_WORDS ? (c == ' ' || c == '-') : 0;
		out[i] = c;
	}
	return n;
}

static struct line_index lower_ix, proper_ix, given_ix, surname_ix, city_ix, admin1_ix;

static void
merge_big(struct gent *e, const char *s, size_t n)
{
	char k[256];
	size_t kn;
	int spaces = memchr(s, ' ', n) != NULL;

	if (!spaces) {
		if ((kn = recase(s, n, CASE_LOWER, k, sizeof(k))))
			blob_find(&lede_blob_ent_lower, &lower_ix, k, kn, on_lower, e);
		if (!blob_find(&lede_blob_ent_proper, &proper_ix, s, n, on_proper, e) &&
		    (kn = recase(s, n, CASE_TITLE, k, sizeof(k))))
			blob_find(&lede_blob_ent_proper, &proper_ix, k, kn, on_proper, e);
		if ((kn = recase(s, n, CASE_TITLE, k, sizeof(k))))
			blob_find(&lede_blob_gaz_given_names, &given_ix, k, kn, on_given, e);
		if ((kn = recase(s, n, CASE_UPPER, k, sizeof(k))))
			blob_find(&lede_blob_gaz_surnames, &surname_ix, k, kn, on_surname, e);
	}
	if (!blob_find(&lede_blob_gaz_cities, &city_ix, s, n, on_city, e) &&
	    (kn = recase(s, n, CASE_WORDS, k, sizeof(k))) && memcmp(k, s, n) != 0)
		blob_find(&lede_blob_gaz_cities, &city_ix, k, kn, on_city, e);
	if (!blob_find(&lede_blob_gaz_admin1, &admin1_ix, s, n, on_admin1, e) &&
	    (kn = recase(s, n, CASE_WORDS, k, sizeof(k))) && memcmp(k, s, n) != 0)
		blob_find(&lede_blob_gaz_admin1, &admin1_ix, k, kn, on_admin1, e);
}

/*
 * First words of the names of several words, in the lists and in the big
 * lists of towns and regions: a Bloom filter of their folded hashes, made
 * the first time it is asked.  A run whose first word is not in it is in
 * no list, and needs no look-up.
 */
#define MW_BITS (1u << 17)
static uint64_t *mwbloom;

static void
mw_add(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);
	uint32_t h;

	if (sp == NULL || sp == s)
		return;
	h = gaz_hash(s, (size_t)(sp - s));
	mwbloom[(h & (MW_BITS - 1)) >> 6] |= 1ULL << (h & 63);
	mwbloom[((h >> 15) & (MW_BITS - 1)) >> 6] |= 1ULL << ((h >> 15) & 63);
}

static void
mw_add_blob(const struct lede_blob *b)
{
	const char *p = data_start(b), *end = b->data + b->len, *tab;

	for (; p < end; p = next_line(p, end)) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;

		tab = memchr(p, '\t', (size_t)(le - p));
		mw_add(p, (size_t)((tab ? tab : le) - p));
	}
}

int
gaz_mw_maybe_h(uint32_t h)
{
	if (mwbloom == NULL) {
		size_t i, lim = nbase < nents ? nbase : nents;

		mwbloom = xcalloc(MW_BITS / 64, sizeof(*mwbloom));
		for (i = 0; i < lim; i++)
			mw_add(ENT(i)->key, ENT(i)->klen);
		mw_add_blob(&lede_blob_gaz_cities);
		mw_add_blob(&lede_blob_gaz_admin1);
	}
	return (mwbloom[(h & (MW_BITS - 1)) >> 6] >> (h & 63) & 1) &&
	    (mwbloom[((h >> 15) & (MW_BITS - 1)) >> 6] >> ((h >> 15) & 63) & 1);
}

static int
ld_country(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0);

	add_multi(name, G_COUNTRY, fld(NULL, 0));
	add_multi(col(s, n, 1), G_DEMONYM, fld(NULL, 0));
	add_multi(col(s, n, 2), G_CAPITAL | G_CITY, fld(NULL, 0));
	add_multi(col(s, n, 3), G_COUNTRY, name);
	add_multi(col(s, n, 8), G_COUNTRY, fld(NULL, 0));
	return 0;
}

static int
ld_state(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0), ap = col(s, n, 2);

	add(name.s, name.n, G_STATE);
	add_multi(col(s, n, 5), G_STATE, name);
	if (ap.n > 1 && ap.s[ap.n - 1] == '.') {
		struct gent *e = add(ap.s, ap.n, G_STATE);

		if (e) {
			e->canon = name.s;
			e->canonlen = (uint32_t)name.n;
		}
		add(ap.s, ap.n - 1, G_ABBREV);
	}
	return 0;
}

static int
ld_region(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0), kind = col(s, n, 1);
	uint8_t rk = kind.n >= 8 && memcmp(kind.s, "disputed", 8) == 0 ? 2 : 1;
	const char *p, *end;
	struct gent *e = add(name.s, name.n, G_REGION);

	if (e)
		e->regkind = rk;
	add_multi(col(s, n, 2), G_REGION, name);
	/* alt names got G_REGION too; give them the kind as well */
	p = col(s, n, 2).s;
	end = p + col(s, n, 2).n;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		struct gent *c;

		if (bar == NULL)
			bar = end;
		if ((c = find(p, (size_t)(bar - p), gaz_hash(p, (size_t)(bar - p)), 0)) != NULL)
			c->regkind = rk;
		p = bar + 1;
	}
	return 0;
}

static int
ld_org(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0);

	add(name.s, name.n, G_ORG);
	add_multi(col(s, n, *(int *)arg), G_ORG, name);
	return 0;
}

/* "Apple Inc." is also "Apple": strip one company suffix word. */
static int
ld_company(const char *s, size_t n, void *arg)
{
	static const char *const suf[] = { " Inc.", " Inc", " Corporation",
	    " Corp.", " Company", " Co.", " plc", " Ltd.", " Group", " Holdings",
	    " Companies", NULL };
	struct field name = col(s, n, 0);
	size_t i, l;

	add(name.s, name.n, G_COMPANY);
	for (i = 0; suf[i]; i++) {
		l = strlen(suf[i]);
		if (name.n > l && memcmp(name.s + name.n - l, suf[i], l) == 0) {
			struct gent *e = add(name.s, name.n - l, G_COMPANY);
			if (e && !e->canon) {
				e->canon = name.s;
				e->canonlen = (uint32_t)name.n;
			}
			break;
		}
	}
	return 0;
}

static int
ld_norp(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0);

	add(name.s, name.n, G_NORP);
	add_multi(col(s, n, *(int *)arg), G_NORP, fld(NULL, 0));
	return 0;
}

static const struct {
	const char *name;
	uint64_t bit;
} roles[] = {
	{ "title", G_TITLE }, { "titlemod", G_TITLEMOD }, { "abbrev", G_ABBREV },
	{ "org", G_ORGSUF }, { "orghead", G_ORGHEAD }, { "fac", G_FACSUF },
	{ "event", G_EVENTSUF }, { "loc", G_LOCSUF }, { "locpre", G_LOCPRE },
	{ "gpe", G_GPESUF }, { "speech", G_SPEECH }, { "placeprep", G_PLACEPREP },
	{ "namepart", G_NAMEPART }, { "orgjoin", G_ORGJOIN }, { "notent", G_NOTENT },
	{ "sport", G_SPORT }, { "teamverb", G_TEAMVERB }, { "day", G_DAY },
	{ "month", G_MONTH }, { "person", G_PERSONCUE },
	{ "placeof", G_PLACEOF }, { "orgnext", G_ORGNEXT },
	{ "orgprev", G_ORGPREV }, { NULL, 0 }
};

/*
 * The cue words again, in a small table of their own that stays in the
 * cache: lower-case words are only ever asked about their cues.
 */
#define CUE_SLOTS 2048
static struct cue {
	const char *key;
	uint32_t klen;
	uint32_t hash;		/* gaz_hash of the key: most probes end here */
	uint64_t cats;
} cues[CUE_SLOTS];

/*
 * A filter in front of it, by the first two bytes (folded, five bits
 * each): the lengths of the cue words there, and the union of their roles.
 */
static uint32_t cue_lens[32][32];
uint64_t gaz_cue_roles[32][32];
uint32_t gaz_cue_sel_lens[32][32];

static void
cue_add(const char *s, size_t n, uint64_t cats)
{
	size_t i;
	uint32_t h;

	if (n > 0 && n < 32) {
		(&cue_lens[0][0])[gaz_cue_fi(s, n)] |= 1u << n;
		(&gaz_cue_roles[0][0])[gaz_cue_fi(s, n)] |= cats;
		if (cats & GAZ_CUE_SEL)
			(&gaz_cue_sel_lens[0][0])[gaz_cue_fi(s, n)] |= 1u << n;
	}

	h = gaz_hash(s, n);
	for (i = h & (CUE_SLOTS - 1); cues[i].key; i = (i + 1) & (CUE_SLOTS - 1))
		if (cues[i].klen == n && keyeq(cues[i].key, s, n)) {
			cues[i].cats |= cats;
			return;
		}
	cues[i].key = s;
	cues[i].klen = (uint32_t)n;
	cues[i].hash = h;
	cues[i].cats = cats;
}

/*
 * The cue words of up to eight bytes again, by their case-folded keys: the
 * lower-case words the rules ask about are nearly all that short, and a
 * key is compared at once.
 */
#define CUE8_BITS 11
static struct cue8 {
	uint64_t k;		/* fold8 of the gaz_key8; 0: empty */
	uint64_t cats;
} cue8[1u << CUE8_BITS];

static inline size_t
cue8_slot(uint64_t fk)
{
	return (size_t)((fk * 0x9E3779B97F4A7C15ULL) >> (64 - CUE8_BITS));
}

static void
cue8_build(void)
{
	size_t i, j;
	uint64_t w;

	for (i = 0; i < CUE_SLOTS; i++) {
		if (cues[i].key == NULL || cues[i].klen == 0 || cues[i].klen > 8)
			continue;
		w = 0;
		memcpy(&w, cues[i].key, cues[i].klen);
		w = fold8(w);
		for (j = cue8_slot(w); cue8[j].k && cue8[j].k != w; j = (j + 1) & ((1u << CUE8_BITS) - 1))
			;
		cue8[j].k = w;
		cue8[j].cats |= cues[i].cats;
	}
}

uint64_t
gaz_cue_k(uint64_t k, size_t n)
{
	size_t j;

	if (n > 2 && (k >> (8 * (n - 1)) & 0xFF) == '.') {
		n--;		/* "Feb." */
		k &= (1ULL << (8 * n)) - 1;
	}
	k = fold8(k);
	for (j = cue8_slot(k); cue8[j].k; j = (j + 1) & ((1u << CUE8_BITS) - 1))
		if (cue8[j].k == k)
			return cue8[j].cats;
	return 0;
}

uint64_t
gaz_cue(const char *s, size_t n)
{
	size_t i;
	uint32_t h;

	if (n > 2 && s[n - 1] == '.')
		n--;		/* "Feb." */
	if (n == 0 || n > 20 || !((&cue_lens[0][0])[gaz_cue_fi(s, n)] & (1u << n)))
		return 0;
	h = gaz_hash(s, n);
	for (i = h & (CUE_SLOTS - 1); cues[i].key; i = (i + 1) & (CUE_SLOTS - 1))
		if (cues[i].hash == h && cues[i].klen == n && keyeq(cues[i].key, s, n))
			return cues[i].cats;
	return 0;
}


static int
ld_cue(const char *s, size_t n, void *arg)
{
	struct field w = col(s, n, 0), r = col(s, n, 1);
	const char *p = r.s, *end = r.s + r.n, *c;
	uint64_t cats = 0;
	size_t i;

	while (p < end) {
		c = memchr(p, ',', (size_t)(end - p));
		if (c == NULL)
			c = end;
		for (i = 0; roles[i].name; i++)
			if (strlen(roles[i].name) == (size_t)(c - p) &&
			    memcmp(roles[i].name, p, (size_t)(c - p)) == 0)
				cats |= roles[i].bit;
		p = c + 1;
	}
	add(w.s, w.n, cats);
	cue_add(w.s, w.n, cats);
	return 0;
}

/* NAME<TAB>TYPE[<TAB>CANON]; arg points to a line-error counter or NULL. */
static int
ld_list(const char *s, size_t n, void *arg)
{
	struct field name = col(s, n, 0), ty = col(s, n, 1), canon = col(s, n, 2);
	enum etype t = ent_type_parse(ty.s, ty.n);
	struct gent *e;

	if (t == T_NONE || name.n == 0) {
		if (arg)
			++*(unsigned long *)arg;
		return 0;
	}
	e = add(name.s, name.n, G_LIST);
	if (e) {
		e->ltype = (uint8_t)t;
		e->acro &= ~G_LIST;	/* a user's list means what it says */
		if (canon.n) {
			e->canon = canon.s;
			e->canonlen = (uint32_t)canon.n;
		}
	}
	return 0;
}

void
gaz_init(void)
{
	int col1 = 1, col2 = 2, col3 = 3;

	if (slots)
		return;
	nslots = 1 << 15;
	slots = xcalloc(nslots, sizeof(*slots));
	front_mem = xcalloc(FC_SIZE + 1, sizeof(*front));
	hot = xcalloc((size_t)1 << HOT_BITS, sizeof(*hot));
	front = (struct fcache *)(((uintptr_t)front_mem + 63) & ~(uintptr_t)63);
	blob_each_line(&lede_blob_gaz_countries, ld_country, NULL);
	blob_each_line(&lede_blob_gaz_us_states, ld_state, NULL);
	blob_each_line(&lede_blob_gaz_world_regions, ld_region, NULL);
	blob_each_line(&lede_blob_gaz_organisations, ld_org, &col1);
	blob_each_line(&lede_blob_gaz_political_parties, ld_org, &col3);
	blob_each_line(&lede_blob_gaz_armed_groups, ld_org, &col1);
	blob_each_line(&lede_blob_gaz_sp500, ld_company, NULL);
	blob_each_line(&lede_blob_gaz_norp, ld_norp, &col2);
	blob_each_line(&lede_blob_gaz_ethnic_groups, ld_norp, &col2);
	blob_each_line(&lede_blob_ent_cues, ld_cue, NULL);
	cue8_build();
	blob_each_line(&lede_blob_ent_extra, ld_list, NULL);
}

/* Users' gazetteers, kept for the whole run (the table points into them). */
struct user_blob {
	struct lede_blob blob;
	char *mem;		/* the file's bytes, or NULL */
	struct user_blob *next;
};
static struct user_blob *user_blobs;

void
gaz_free(void)
{
	size_t i;
	struct chunk *c;
	struct user_blob *b;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		free(chunks[i]);
		chunks[i] = NULL;
	}
	nents = 0;
	nbase = SIZE_MAX;
	free(slots);
	slots = NULL;
	nslots = 0;
	while ((c = arena_chunks) != NULL) {
		arena_chunks = c->next;
		free(c);
	}
	arena = NULL;
	arena_left = 0;
	free(front_mem);
	front_mem = NULL;
	free(hot);
	hot = NULL;
	memset(cue8, 0, sizeof(cue8));
	free(mwbloom);
	mwbloom = NULL;
	front = NULL;
	memset(cues, 0, sizeof(cues));
	memset(cue_lens, 0, sizeof(cue_lens));
	memset(gaz_cue_roles, 0, sizeof(gaz_cue_roles));
	memset(gaz_cue_sel_lens, 0, sizeof(gaz_cue_sel_lens));
	{
		struct line_index *ix[] = { &lower_ix, &proper_ix, &given_ix, &surname_ix,
		    &city_ix, &admin1_ix };

		for (i = 0; i < sizeof(ix) / sizeof(ix[0]); i++) {
			free(ix[i]->off);
			free(ix[i]->klen);
			free(ix[i]->slot);
			memset(ix[i], 0, sizeof(*ix[i]));
		}
	}
	while ((b = user_blobs) != NULL) {
		user_blobs = b->next;
		free(b->mem);
		free(b);
	}
}

int
gaz_load_user(const char *path)
{
	struct user_blob *b;
	unsigned long bad = 0;
	struct buf data = { 0 };
	char chunk[65536];
	size_t got;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		lede_warn("%s", path);
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&data, chunk, got);
	if (ferror(fp)) {
		lede_warn("%s", path);
		fclose(fp);
		buf_free(&data);
		return -1;
	}
	fclose(fp);
	buf_terminate(&data);
	/* Kept for the whole run: the table points into it. */
	b = xmalloc(sizeof(*b));
	b->next = user_blobs;
	user_blobs = b;
	b->mem = data.p;
	b->blob.data = data.p ? data.p : "";
	b->blob.len = data.len;
	gaz_init();
	blob_each_line(&b->blob, ld_list, &bad);
	if (bad)
		lede_warnx("%s: %lu lines without NAME<TAB>TYPE skipped", path, bad);
	return 0;
}
