/* feature.c -- the paragraph features lede-strip decides by. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "strip.h"

extern const struct lede_blob lede_blob_strip_stopwords;

/*
 * The stopwords of several languages in one open-addressing set of 64-bit
 * hashes of their case-folded bytes: a line of prose in any of them is
 * dense with these, a menu or a headline list is not.  Tokens are hashed
 * as they are scanned, so a lookup never copies or folds a word twice.
 */
#define STOP_SLOTS 2048		/* a power of two, twice the list's size or more */
#define FNV_OFF 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static uint64_t stopset[STOP_SLOTS];

static inline int
is_stopword(uint64_t h)
{
	uint32_t i;

	for (i = (uint32_t)(h ^ (h >> 32)) & (STOP_SLOTS - 1); stopset[i] != 0;
	    i = (i + 1) & (STOP_SLOTS - 1))
		if (stopset[i] == h)
			return 1;
	return 0;
}

/* ASCII byte classes, for the fast path. */
enum {
	A_SPACE = 1, A_LOWER = 2, A_UPPER = 4, A_DIGIT = 8, A_CLOSER = 16,
	A_END = 32,	/* . ! ? */
	A_LINK = 64,	/* @ # . : / -- a token with one may be a link */
	A_HIGH = 128	/* not ASCII */
};
static unsigned char aclass[256];
static unsigned char lower[256];	/* ASCII letters folded, other bytes kept */
/*
 * Which (length, first byte) pairs some stopword has: most words are
 * turned away by this bit before their hash is looked up.
 */
#define STOP_MAXLEN 31
static uint8_t stop_first[STOP_MAXLEN + 1][32];

static inline int
may_be_stopword(uint32_t len, unsigned char first)
{
	return stop_first[len][first >> 3] & (1u << (first & 7));
}

/* Closing marks that may follow a sentence's last punctuation. */
static int
is_closer(long cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	    cp == 0x2019 || cp == 0x00BB || cp == 0x300D || cp == 0x300F;
}

static int
is_sentence_end(long cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 ||
	    cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F || cp == 0x0964;
}

/* Characters that stand between menu items rather than inside words. */
static int
is_separator(long cp)
{
	switch (cp) {
	case '|': case '/': case '>': case '<': case '-': case '*': case '+':
	case 0x2022: case 0x00B7: case 0x00BB: case 0x00AB: case 0x203A:
	case 0x2039: case 0x2013: case 0x2014: case 0x25B8: case 0x25BA:
	case 0x2192: case 0x25CF:
		return 1;
	}
	return 0;
}

/*
 * A token's key for the stopword set: its case-folded core (the letters
 * and digits from the first to the last, with what stands between them)
 * packed into two words, the first 16 bytes and the length.  Packing
 * costs a shift per byte where a hash would cost a multiplication.
 */
struct key {
	uint64_t	w0, w1;
	uint32_t	len;
};

static inline void
key_add(struct key *k, unsigned char c)
{
	if (k->len < 8)
		k->w0 |= (uint64_t)c << (8 * k->len);
	else if (k->len < 16)
		k->w1 |= (uint64_t)c << (8 * (k->len - 8));
	k->len++;
}

static inline uint64_t
key_hash(const struct key *k)
{
	uint64_t h = (k->w0 ^ ((uint64_t)k->len << 56)) * 0x9E3779B97F4A7C15ull;

	h ^= h >> 29;
	h ^= k->w1 * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 32;
	return h ? h : 1;
}

/* What one token (a run of non-space bytes) contributes. */
struct tok {
	uint32_t	letters, upper, lower, digits, cps;
	uint32_t	dense;		/* characters of scripts written without spaces */
	uint32_t	dense_words;	/* the words they stand for, roughly */
	uint32_t	inner_ends;	/* sentence ends inside the token ("。") */
	int		first_upper, has_at, linkish;
	uint64_t	key;
	long		first_cp, last_cp, last_core_cp;
};

/*
 * Scripts written without spaces between words: a "token" there is a
 * whole clause.  Han and kana stand for about half a word a character,
 * Thai, Lao, Khmer and Myanmar for about a quarter.
 */
static int
dense_script(long cp)
{
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x20000 && cp <= 0x2FFFF))
		return 2;
	if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1780 && cp <= 0x17FF) ||
	    (cp >= 0x1000 && cp <= 0x109F))
		return 4;
	return 0;
}

/* The general path: any UTF-8, decoded and classified by utf8proc. */
static void
scan_utf8(const char *s, size_t n, struct tok *t, size_t *bad)
{
	struct key k = { 0, 0, 0 }, kcore = { 0, 0, 0 };
	size_t i;
	long cp;
	int len, seen = 0, el, j;
	char enc[4];

	for (i = 0; i < n; i += (size_t)len) {
		if ((len = u8_decode(s + i, n - i, &cp)) < 0) {
			len = 1;
			cp = 0xFFFD;
			if (*bad > i)
				*bad = i;
		}
		t->cps++;
		if (t->cps == 1)
			t->first_cp = cp;
		if (cp >= 0x0E00) {
			int d = dense_script(cp);

			if (d > 0) {
				t->dense++;
				t->dense_words += d == 2 ? 2 : 1;	/* counted in quarters */
			}
		}
		if (u8_isalpha(cp) || u8_isdigit(cp)) {
			if (u8_isdigit(cp)) {
				t->digits++;
				if (!seen)
					t->first_upper = 0;
			} else {
				int up = u8_isupper(cp);

				if (!seen)
					t->first_upper = up;
				t->letters++;
				if (up)
					t->upper++;
				else
					t->lower++;
			}
			seen = 1;
			el = u8_encode(u8_tolower(cp), enc);
			for (j = 0; j < el; j++)
				key_add(&k, (unsigned char)enc[j]);
			kcore = k;
		} else if (seen) {
			if (cp == '@' && i + 1 < n)
				t->has_at = 1;
			if (cp == '.' || cp == ':' || cp == '/')
				t->linkish = 1;
			el = u8_encode(cp, enc);
			for (j = 0; j < el; j++)
				key_add(&k, (unsigned char)enc[j]);
		} else if (cp == '#' || cp == '@') {
			t->linkish = 1;
		}
		if (is_sentence_end(cp) && i + (size_t)len < n)
			t->inner_ends++;
		if (!is_closer(cp))
			t->last_core_cp = cp;
		t->last_cp = cp;
	}
	t->key = kcore.len ? key_hash(&kcore) : 0;
}


static int
looks_like_link(const char *s, size_t n, const struct tok *t)
{
	if (n > 7 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0))
		return 1;
	if (n > 5 && (memcmp(s + n - 4, ".com", 4) == 0 || memcmp(s + n - 4, ".org", 4) == 0))
		return 1;
	if (s[0] == '#' && n > 1 && t->letters > 0)
		return 1;	/* hashtags read like links */
	return t->has_at && t->letters > 0;
}

/* Adds what one token says to the paragraph's counts and fingerprint. */
static inline void
add_token(struct para *p, const char *s, size_t n, const struct tok *t, int last, uint64_t *doch)
{
	/* Text without spaces counts by its characters, a word being some of them. */
	p->words += t->dense_words >= 8 ? t->dense_words / 4 : 1;
	p->chars += t->cps + 2 * t->dense;
	p->sentp += t->inner_ends;
	p->letters += t->letters;
	*doch = (*doch ^ t->key) * FNV_PRIME;
	if (t->letters > 0) {
		p->alpha++;
		if (t->first_upper)
			p->cap++;
		if (is_stopword(t->key))
			p->stop++;
	} else if (t->digits == 0 && t->cps <= 2 && is_separator(t->first_cp)) {
		p->seps++;
	}
	if (t->digits > 0 && t->digits * 2 >= t->cps)
		p->digits++;
	if (t->linkish && looks_like_link(s, n, t))
		p->links++;
	if (is_sentence_end(t->last_core_cp) && t->letters + t->digits > 0 &&
	    !(t->letters == 1 && t->upper == 1 && t->cps <= 3)) {	/* "J." is an initial */
		if (!last)
			p->sentp++;
		else
			p->endp = 1;
	}
	if (last && t->last_cp == ':')
		p->endcolon = 1;
}

/*
 * Only the head of a very long paragraph is read word by word: its
 * densities are as well known from its first twenty words as from all, and the counts are
 * scaled up so that rules on size still see its size.
 */
#define SCAN_MAX 128

void
features(struct para *p, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start, lim = n > SCAN_MAX ? SCAN_MAX : n, spaces = 0, tail, end;
	uint64_t h = FNV_OFF;
	struct tok t;

	memset(p, 0, sizeof(*p));
	p->s = s;
	p->n = n;
	p->kind = K_NONE;
	p->rule = -1;
	p->valid = n;	/* lowered at the first invalid byte seen */
	/* Where the last token ends: a token reaching it ends the paragraph. */
	for (end = n; end > 0 && (aclass[u[end - 1]] & A_SPACE); end--)
		;
	while (i < lim) {
		uint64_t w0 = 0, w1 = 0, c0, c1;
		uint32_t klen = 0, clen = 0, letters, upper = 0, digits = 0, alnum = 0;
		unsigned char c = u[i], cl = aclass[c], orcl = 0, lastcore = 0;
		int fu = 0;

		if (cl & A_SPACE) {
			i++;
			spaces++;
			continue;
		}
		/* The ASCII fast path, all in registers; other bytes go the slow way. */
		start = i;
		do {
			/*
			 * Most bytes continue a word in lower case: nothing to
			 * fold, count as upper or digit, or add to orcl.
			 */
			if (cl == A_LOWER && klen > 0) {
				size_t j = i;

				do {
					if (klen < 8)
						w0 |= (uint64_t)c << (8 * klen);
					else if (klen < 16)
						w1 |= (uint64_t)c << (8 * (klen - 8));
					klen++;
					if (++j >= n)
						break;
					c = u[j];
				} while (aclass[c] == A_LOWER);
				alnum += (uint32_t)(j - i);
				clen = klen;
				lastcore = u[j - 1];
				if ((i = j) >= n)
					break;
				cl = aclass[c];
				continue;
			}
			orcl |= cl;
			if (cl & (A_LOWER | A_UPPER | A_DIGIT)) {
				if (klen == 0)
					fu = (cl & A_UPPER) != 0;
				alnum++;
				upper += (cl >> 2) & 1;		/* A_UPPER */
				digits += (cl >> 3) & 1;	/* A_DIGIT */
				c = lower[c];
				if (klen < 8)
					w0 |= (uint64_t)c << (8 * klen);
				else if (klen < 16)
					w1 |= (uint64_t)c << (8 * (klen - 8));
				clen = ++klen;
			} else if (klen > 0) {
				if (klen < 8)
					w0 |= (uint64_t)c << (8 * klen);
				else if (klen < 16)
					w1 |= (uint64_t)c << (8 * (klen - 8));
				klen++;
			}
			if (!(cl & A_CLOSER))
				lastcore = c;
			if (++i >= n)
				break;
			c = u[i];
			cl = aclass[c];
		} while (!(cl & A_SPACE));
		letters = alnum - digits;
		/* The core ends at the last letter or digit: drop what was packed after. */
		if (clen < klen) {
			if (clen < 8) {
				w0 &= clen ? ~0ull >> (64 - 8 * clen) : 0;
				w1 = 0;
			} else if (clen < 16) {
				w1 &= clen > 8 ? ~0ull >> (64 - 8 * (clen - 8)) : 0;
			}
		}
		c0 = w0;
		c1 = w1;
		tail = i >= end ? n : i;
		if (orcl & A_HIGH) {
			size_t bad = (size_t)-1;

			memset(&t, 0, sizeof(t));
			scan_utf8(s + start, i - start, &t, &bad);
			if (bad != (size_t)-1 && start + bad < p->valid)
				p->valid = start + bad;
			add_token(p, s + start, i - start, &t, tail >= n, &h);
			continue;
		}
		/* What add_token does, for an ASCII token. */
		{
			struct key k = { c0, c1, clen };
			uint64_t key = clen ? key_hash(&k) : 0;	/* also the fingerprint's */
			uint32_t len = (uint32_t)(i - start);

			p->words++;
			p->chars += len;
			p->letters += letters;
			h = (h ^ key) * FNV_PRIME;
			if (letters > 0) {
				p->alpha++;
				p->cap += (uint32_t)fu;
				if (clen <= STOP_MAXLEN && may_be_stopword(clen, (unsigned char)c0) &&
				    is_stopword(key))
					p->stop++;
			} else if (digits == 0 && len <= 2 && is_separator(u[start])) {
				p->seps++;
			}
			if (digits > 0 && digits * 2 >= len)
				p->digits++;
			if (orcl & A_LINK) {
				/* Most such tokens end a sentence: the '@' is sought last. */
				t.letters = letters;
				t.has_at = 0;
				if (looks_like_link(s + start, len, &t) ||
				    (letters > 0 && len > 2 && memchr(s + start + 1, '@', len - 2) != NULL))
					p->links++;
			}
			if ((aclass[lastcore] & A_END) && letters + digits > 0 &&
			    !(letters == 1 && upper == 1 && len <= 3)) {	/* "J." is an initial */
				if (tail < n)
					p->sentp++;
				else
					p->endp = 1;
			}
			if (tail >= n && u[i - 1] == ':')
				p->endcolon = 1;
		}
	}
	p->chars += (uint32_t)spaces;
	if (n > lim && i > 0) {
		double f = (double)n / (double)i;
		size_t st;
		long cp;

		p->words = (uint32_t)(p->words * f);
		p->alpha = (uint32_t)(p->alpha * f);
		p->stop = (uint32_t)(p->stop * f);
		p->cap = (uint32_t)(p->cap * f);
		p->sentp = (uint32_t)(p->sentp * f);
		p->letters = (uint32_t)(p->letters * f);
		p->chars = (uint32_t)(p->chars * f > 4e9 ? 4e9 : p->chars * f);
		/* The end of the text decides endp. */
		for (tail = n; tail > 0 && (aclass[u[tail - 1]] & A_SPACE); tail--)
			;
		p->endp = 0;
		if (tail > 0) {
			cp = u8_prev(s, tail, &st);
			while (is_closer(cp) && st > 0)
				cp = u8_prev(s, st, &st);
			p->endp = is_sentence_end(cp);
		}
		h ^= (uint64_t)n;	/* long texts differing after the head stay apart */
		if (p->valid == n)
			p->valid = VALID_UNKNOWN;	/* the rules check the rest if they need it */
	}
	p->hash = h == FNV_OFF ? 0 : h;
}

static int
add_stopword(const char *s, size_t n, void *arg)
{
	struct tok t;
	uint32_t i;
	size_t bad = (size_t)-1;

	(void)arg;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	memset(&t, 0, sizeof(t));
	scan_utf8(s, n, &t, &bad);
	if (t.key == 0)
		return 0;
	if (is_stopword(t.key))
		return 0;
	for (i = (uint32_t)(t.key ^ (t.key >> 32)) & (STOP_SLOTS - 1); stopset[i] != 0;
	    i = (i + 1) & (STOP_SLOTS - 1))
		;
	stopset[i] = t.key;
	if (n <= STOP_MAXLEN) {
		unsigned char first = (unsigned char)s[0];

		/* The first byte as a token's key has it: folded to lower case. */
		if (first >= 'A' && first <= 'Z')
			first |= 0x20;
		stop_first[n][first >> 3] |= (uint8_t)(1u << (first & 7));
	}
	return 0;
}

void
features_init(void)
{
	int c;

	for (c = 0; c < 256; c++) {
		lower[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
		if (c >= 0x80)
			aclass[c] = A_HIGH;
		else if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			aclass[c] = A_SPACE;
		else if (c >= 'a' && c <= 'z')
			aclass[c] = A_LOWER;
		else if (c >= 'A' && c <= 'Z')
			aclass[c] = A_UPPER;
		else if (c >= '0' && c <= '9')
			aclass[c] = A_DIGIT;
		else if (c == '"' || c == '\'' || c == ')' || c == ']')
			aclass[c] = A_CLOSER;
		else if (c == '!' || c == '?')
			aclass[c] = A_END;
		else if (c == '.')
			aclass[c] = A_END | A_LINK;
		else if (c == '@' || c == '#' || c == ':' || c == '/')
			aclass[c] = A_LINK;
	}
	blob_each_line(&lede_blob_strip_stopwords, add_stopword, NULL);
}

/* The valid UTF-8 prefix of a long line, eight ASCII bytes at a time. */
size_t
valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

	for (;;) {
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		while (i < n && !((unsigned char)s[i] & 0x80))
			i++;
		if (i >= n)
			return n;
		{
			long cp;
			int len = u8_decode(s + i, n - i, &cp);

			if (len < 0)
				return i;
			i += (size_t)len;
		}
	}
}
