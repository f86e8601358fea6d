/* tok.c -- word and punctuation tokens, with the clues the tagger needs. */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lede.h"
#include "num.h"
#include "tok.h"

#ifdef __GNUC__
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Decodes one code point; an invalid byte is U+FFFD of length 1. */
static int
dec(const char *s, size_t n, long *cp)
{
	int l;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	l = u8_decode(s, n, cp);
	if (l < 0) {
		*cp = 0xFFFD;
		l = 1;
	}
	return l;
}

static int
isalnum_cp(long c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	return u8_isalnum(c);
}

static int
isspace_cp(long c)
{
	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v';
	return u8_isspace(c) || c == 0x200B || c == 0xFEFF;
}

/*
 * Room for n more tokens.  A token is at least one byte, so a unit of n
 * bytes never needs more: the checks stay out of the per-token path.
 */
static void
reserve(struct tokvec *tv, size_t n)
{
	if (tv->n + n <= tv->cap)
		return;
	tv->cap = tv->cap ? tv->cap * 2 : 256;
	if (tv->cap < tv->n + n)
		tv->cap = tv->n + n;
	tv->v = xreallocarray(tv->v, tv->cap, sizeof(*tv->v));
	tv->caps = xreallocarray(tv->caps, tv->cap, sizeof(*tv->caps));
	tv->cand = xreallocarray(tv->cand, tv->cap, sizeof(*tv->cand));
	tv->quote = xreallocarray(tv->quote, tv->cap, sizeof(*tv->quote));
}

/* A new token, no list entries yet; its index. */
static inline uint32_t
add_tok(struct tokvec *tv, size_t s, size_t e, unsigned f, size_t len)
{
	uint32_t k = (uint32_t)tv->n++;
	struct tok *t = &tv->v[k];

	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	/* text[len] is the NUL: s + 8 <= len + 1 keeps a load of eight bytes inside */
	t->f = (uint32_t)f | (s + 8 <= len + 1 ? TK_LOAD8 : 0);
	t->g = NULL;
	return k;
}

static inline void
push(struct tokvec *tv, const char *text, size_t len, size_t s, size_t e, unsigned f)
{
	unsigned char c = (unsigned char)text[s];
	uint32_t k = add_tok(tv, s, e, f, len);

	if (f & (TK_CAP | TK_UPPER))
		tv->caps[tv->ncaps++] = k;
	/* a date or amount starts at a word that is not plain lower case, or at $ £ € */
	if ((f & TK_WORD ? (f & (TK_LOWER | TK_NUMW)) != TK_LOWER :
	    c == '$' || c == 0xC2 || c == 0xE2) || tv->allcand)
		tv->cand[tv->ncand++] = k;
	if (f & TK_QUOTE)
		tv->quote[tv->nquote++] = k;
}

void
tokvec_free(struct tokvec *tv)
{
	free(tv->v);
	free(tv->caps);
	free(tv->cand);
	free(tv->quote);
	memset(tv, 0, sizeof(*tv));
}

/* Is text[i..) an apostrophe (' or ’)?  Its length, or 0. */
static size_t
apos(const char *t, size_t i, size_t len)
{
	if (i < len && t[i] == '\'')
		return 1;
	if (i + 2 < len && (unsigned char)t[i] == 0xE2 &&
	    (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x99)
		return 3;
	return 0;
}

/* Classifies the word text[s..e): case and shape flags. */
static unsigned
shape(const char *t, size_t s, size_t e)
{
	unsigned f = TK_WORD;
	size_t i = s, up = 0, low = 0, dots = 0, letters = 0;
	long c;
	int l, first = 1;

	for (; i < e; i += (size_t)l) {
		if ((unsigned char)t[i] < 0x80) {
			/* ASCII fast path */
			unsigned char ch = (unsigned char)t[i];

			l = 1;
			if (ch >= 'a' && ch <= 'z') {
				low++, letters++;
				if (first)
					f |= TK_LOWER, first = 0;
				continue;
			}
			if (ch >= 'A' && ch <= 'Z') {
				up++, letters++;
				if (first)
					f |= TK_CAP, first = 0;
				continue;
			}
			if (ch >= '0' && ch <= '9') {
				if (first)
					f |= TK_DIGIT, first = 0;
				continue;
			}
			if (ch == '.')
				dots++;
			else if (ch == '-')
				f |= TK_HYPHEN;
			continue;
		}
		l = dec(t + i, e - i, &c);
		if (c == '.')
			dots++;
		else if (c == '-')
			f |= TK_HYPHEN;
		if (c < 0x80 ? (c >= 'A' && c <= 'Z') : u8_isupper(c)) {
			up++, letters++;
			if (first)
				f |= TK_CAP;
		} else if (c < 0x80 ? (c >= 'a' && c <= 'z') : u8_islower(c)) {
			low++, letters++;
			if (first)
				f |= TK_LOWER;
		} else if (first && (c < 0x80 ? (c >= '0' && c <= '9') : u8_isdigit(c))) {
			f |= TK_DIGIT;
		}
		if (first && isalnum_cp(c))
			first = 0;
	}
	if (low == 0 && up >= 2)
		f |= TK_UPPER;
	/* "al-Smari", "bin-Laden": a short lower-case particle and a name */
	if ((f & TK_LOWER) && (f & TK_HYPHEN)) {
		const char *h = memchr(t + s, '-', e - s);

		static const char *const part[] = { "al", "el", "ad", "as", "ash", "at",
		    "an", "ar", "az", "ul", "bin", "ibn", "abu", "ben", NULL };
		size_t pi, pl = h ? (size_t)(h - (t + s)) : 0;

		if (h && h + 1 < t + e && h[1] >= 'A' && h[1] <= 'Z')
			for (pi = 0; part[pi]; pi++)
				if (strlen(part[pi]) == pl && memcmp(part[pi], t + s, pl) == 0)
					f = (f & ~(unsigned)TK_LOWER) | TK_CAP;
	}
	if (dots && letters && !(f & TK_DIGIT)) {
		f |= TK_DOTS;
		if (letters == 1 && up == 1)
			f |= TK_INITIAL;
	}
	return f;
}

static size_t
contraction(const char *s, size_t n)
{
	static const char *const c[] = { "re", "ll", "ve", "m", "d", NULL };
	size_t i, l;

	for (i = 0; c[i]; i++) {
		l = strlen(c[i]);
		if (n >= l && memcmp(s, c[i], l) == 0 &&
		    (n == l || !isalnum_cp((unsigned char)s[l])))
			return l;
	}
	return 0;
}

/* TK_NUMW for a word t[s..e) of t[0..len) that may start a date or number (see num.h). */
static inline unsigned
numw_word(const char *t, size_t s, size_t e, size_t len)
{
	if (!num_trigger_maybe(t + s, e - s))
		return 0;	/* nearly every word: one predictable branch */
	if (num_trigger_word(t + s, e - s))
		return TK_NUMW;
	/* "the 1990s" */
	if (e - s == 3 && t[s] == 't' && t[s + 1] == 'h' && t[s + 2] == 'e' && e + 1 < len &&
	    t[e + 1] >= '1' && t[e + 1] <= '2')
		return TK_NUMW;
	return 0;
}

/*
 * TK_NUMW for the lower-case word t[s..e): numw_word(), or any word whose
 * first byte may start an amount ($, £, €: 0xC2, 0xE2).
 */
static inline unsigned
numw(const char *t, size_t s, size_t e, size_t len)
{
	unsigned char c = (unsigned char)t[s];

	if (c == 0xC2 || c == 0xE2 || c == '$')
		return TK_NUMW;
	return numw_word(t, s, e, len);
}

/* Byte classes for the fast path of plain ASCII words. */
#define BC_LOW		0x01
#define BC_UP		0x02
#define BC_DIG		0x04
#define BC_SPACE	0x08	/* ASCII white space */
#define BC_JOIN		0x10	/* may join or end a word specially: ' - . , & */
#define BC_HIGH		0x20	/* a UTF-8 lead or continuation byte */
#define BC_OPEN		0x40	/* an opening quote or bracket: " ( [ ' */
#define BC_ALNUM	(BC_LOW | BC_UP | BC_DIG)

static unsigned char bclass[256];

/*
 * A plain ASCII word at t[i] (a letter or digit): where its run of ASCII
 * letters and digits ends, and whether it is TK_UPPER (two capitals or
 * more, no small letter).  t[len] stops the byte loop (see tokenize() in
 * tok.h).  With SSE2 (every x86-64) the sixteen bytes from i are
 * classified at once when they are there: most words end inside them,
 * found without a branch per byte, nor the mispredicted one at the end of
 * every word.
 */
/* what follows a word (word_scan) */
#define WS_JOIN		1u	/* a byte that may join or end it specially: ' - . , & or UTF-8 */
#define WS_SPACE	2u	/* a space */

static inline size_t
word_scan(const char *t, size_t i, size_t len, int *upper, unsigned *after)
{
	size_t j;
	unsigned nup = 0, nlow = 0, x;

#ifdef __SSE2__
	if (i + 16 <= len) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		/* each class moved to the bottom of the signed range; bytes >= 0x80 never land there */
		const __m128i lo = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 'a'))),
		    _mm_set1_epi8((char)(0x80 + 26)));
		const __m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 'A'))),
		    _mm_set1_epi8((char)(0x80 + 26)));
		const __m128i dg = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))),
		    _mm_set1_epi8((char)(0x80 + 10)));
		unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(lo, up), dg)) &
		    0xFFFF;

		if (stop) {
			unsigned n = (unsigned)__builtin_ctz(stop), in = (1u << n) - 1;
			unsigned upm = (unsigned)_mm_movemask_epi8(up) & in;
			/*
			 * What follows the word, from the same sixteen bytes:
			 * the next token does not wait for another load.
			 */
			unsigned join = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))),
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8(',')))),
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), v)));
			unsigned space = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));

			*upper = ((unsigned)_mm_movemask_epi8(lo) & in) == 0 && (upm & (upm - 1)) != 0;
			*after = (join >> n & 1) * WS_JOIN | (space >> n & 1) * WS_SPACE;
			return i + n;
		}
	}
#else
	(void)len;
#endif
	for (j = i; (x = bclass[(unsigned char)t[j]]) & BC_ALNUM; j++) {
		nup += (x & BC_UP) != 0;
		nlow += (x & BC_LOW) != 0;
	}
	*upper = nlow == 0 && nup >= 2;
	*after = (x & (BC_JOIN | BC_HIGH) ? WS_JOIN : 0U) | (t[j] == ' ' ? WS_SPACE : 0U);
	return j;
}

static void
bclass_init(void)
{
	int c;

	for (c = 'a'; c <= 'z'; c++)
		bclass[c] = BC_LOW;
	for (c = 'A'; c <= 'Z'; c++)
		bclass[c] = BC_UP;
	for (c = '0'; c <= '9'; c++)
		bclass[c] = BC_DIG;
	bclass[' '] = bclass['\t'] = bclass['\n'] = bclass['\r'] = BC_SPACE;
	bclass['\f'] = bclass['\v'] = BC_SPACE;
	bclass['\''] = BC_JOIN | BC_OPEN;
	bclass['-'] = bclass['.'] = bclass[','] = bclass['&'] = BC_JOIN;
	bclass['"'] = bclass['('] = bclass['['] = BC_OPEN;
	for (c = 0x80; c < 256; c++)
		bclass[c] = BC_HIGH;
}

/*
 * Does the full stop at t[j] belong to the word t[i..j) of flags f: the
 * dots of "U.S.", an initial ("P."), an abbreviation ("Inc.", "vs.")?
 */
static int
stop_belongs(const char *t, size_t i, size_t j, unsigned f)
{
	const struct gent *g;

	if (f & TK_DIGIT)
		return 0;
	if ((f & TK_DOTS) || ((f & TK_CAP) && j - i == 1))
		return 1;
	return j - i <= 5 && (gaz_cue_has(t + i, j - i, G_ABBREV) ||
	    ((f & TK_CAP) && (g = gaz_get(t + i, j - i)) && (g->cats & G_ABBREV)));
}

/*
 * The slow path: the token at t[i] is UTF-8, an apostrophe, or a word
 * joined by - ' . , & ("U.S.", "al-Smari", "1,000", "Jones's").  Kept out
 * of tokenize() so that its loop over plain words stays small.  base: the
 * unit's first token.  Returns where the next token may start.
 */
static NOINLINE size_t
slow_token(const char *t, size_t i, size_t len, size_t base, struct tokvec *tv)
{
	size_t j, k, a, rs, up, low;
	int simple;
	long c, d;
	int l, m;

	l = dec(t + i, len - i, &c);
	if (isspace_cp(c)) {
		return i + (size_t)l;
	}
	if (!isalnum_cp(c)) {
		unsigned f = 0;

		/* A possessive apostrophe standing alone: "Jones'". */
		if ((a = apos(t, i, len)) != 0 && tv->n > base &&
		    tv->v[tv->n - 1].e == i && (tv->v[tv->n - 1].f & TK_WORD))
			f = TK_POSS;
		if (c == '"' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
		    c == '\'')
			f |= TK_OPENQ;
		if (c == '"' || c == 0x201C || c == 0x201D)
			f |= TK_QUOTE;
		push(tv, t, len, i, i + (size_t)l, f);
		return i + (size_t)l;
	}
	/* A word: alphanumeric runs joined by - ' ’ . , (commas only between digits). */
	j = i + (size_t)l;
	rs = i;
	simple = c < 0x80;
	up = c >= 'A' && c <= 'Z';
	low = c >= 'a' && c <= 'z';
	for (;;) {
		while (j < len) {
			unsigned char ch = (unsigned char)t[j];

			if (ch < 0x80) {
				if (ch >= 'a' && ch <= 'z')
					low++;
				else if (ch >= 'A' && ch <= 'Z')
					up++;
				else if (!(ch >= '0' && ch <= '9'))
					break;
				j++;
				continue;
			}
			m = dec(t + j, len - j, &d);
			if (!isalnum_cp(d))
				break;
			simple = 0;
			j += (size_t)m;
		}
		if (j >= len)
			break;
		a = apos(t, j, len);
		k = a ? j + a : j + 1;
		if (!a && t[j] != '-' && t[j] != '.' && t[j] != ',' && t[j] != '&')
			break;
		if (k >= len)
			break;
		m = dec(t + k, len - k, &d);
		if (!isalnum_cp(d))
			break;
		if (t[j] == ',' && !(t[j - 1] >= '0' && t[j - 1] <= '9' &&
		    d >= '0' && d <= '9'))
			break;
		/* "U.S", "3.5", but not "Russia.We" */
		if (t[j] == '.' && j - rs != 1 && !(t[j - 1] >= '0' &&
		    t[j - 1] <= '9' && d >= '0' && d <= '9'))
			break;
		if (t[j] == '&' && !((t[j - 1] >= 'A' && t[j - 1] <= 'Z') &&
		    d >= 'A' && d <= 'Z'))
			break;
		/* 's at the end of a word is a token of its own */
		if (a && (d == 's' || d == 'S') &&
		    (k + 1 >= len || !isalnum_cp((unsigned char)t[k + 1])))
			break;
		/* and so are 're, 'll, 've, 'm, 'd: "We're" is "We" */
		if (a && contraction(t + k, len - k))
			break;
		j = k;
		rs = k;
		simple = 0;
	}
	{
		/* plain ASCII words (most of them) need no second look */
		unsigned f = !simple ? shape(t, i, j) : TK_WORD |
		    (c >= 'A' && c <= 'Z' ? TK_CAP : c >= 'a' && c <= 'z' ? TK_LOWER : TK_DIGIT) |
		    (low == 0 && up >= 2 ? TK_UPPER : 0);

		if (j < len && t[j] == '.' && stop_belongs(t, i, j, f)) {
			j++;
			f = shape(t, i, j);
		}
		if (f & TK_LOWER)
			f |= numw(t, i, j, len);
		push(tv, t, len, i, j, f);
	}
	/* The possessive: ’s or 's; a contraction: 're, 'll ... */
	if ((a = apos(t, j, len)) != 0 && j + a < len &&
	    (t[j + a] == 's' || t[j + a] == 'S') &&
	    (j + a + 1 >= len || !isalnum_cp((unsigned char)t[j + a + 1]))) {
		push(tv, t, len, j, j + a + 1, TK_POSS);
		j += a + 1;
	} else if (a && j + a < len && (k = contraction(t + j + a, len - j - a)) != 0) {
		push(tv, t, len, j, j + a + k, TK_LOWER | TK_WORD |
		    ((unsigned char)t[j] == 0xE2 ? TK_NUMW : 0));
		j += a + k;
	}
	return j;
}

/*
 * Is the full stop at t[j] after the plain ASCII word t[i..j) no part of
 * it, as slow_token() would decide: nothing joins after it ("U.S", "3.5"
 * need a letter or digit there), and it is no initial's or abbreviation's
 * (stop_belongs)?  Then the word takes the fast path: most sentences end
 * so.  f: the word's case flags.
 */
static inline int
stop_ends(const char *t, size_t i, size_t j, unsigned f)
{
	return !(bclass[(unsigned char)t[j + 1]] & (BC_ALNUM | BC_HIGH)) &&
	    !stop_belongs(t, i, j, f);
}

void
tokenize(const char *t, size_t len, struct tokvec *tv)
{
	size_t i = 0, j, base = tv->n;
	unsigned bc;

	if (bclass['a'] == 0)
		bclass_init();
	reserve(tv, len + 1);
	while (i < len) {
		bc = bclass[(unsigned char)t[i]];
		if (bc & BC_SPACE) {
			i++;
			continue;
		}
		if (bc & BC_ALNUM) {
			/*
			 * The fast path: an ASCII word ended by a space or by
			 * plain punctuation (not ' - . , & nor UTF-8) needs no
			 * second look.  Without a branch on its case: capitalised
			 * and plain words come in no order a predictor could learn.
			 */
			static const unsigned short first[8] = { [BC_LOW] = TK_LOWER,
			    [BC_UP] = TK_CAP, [BC_DIG] = TK_DIGIT };
			unsigned after, f;
			uint32_t ti;
			int upper;

			j = word_scan(t, i, len, &upper, &after);
			/* a comma joins only digits: "1,000"; a full stop see stop_ends() */
			if ((after & WS_JOIN) &&
			    !(t[j] == ',' && !(j + 1 < len && (bclass[(unsigned char)t[j - 1]] &
			    bclass[(unsigned char)t[j + 1]] & BC_DIG))) &&
			    !(t[j] == '.' && stop_ends(t, i, j, first[bc & BC_ALNUM]))) {
				i = slow_token(t, i, len, base, tv);
				continue;
			}
			/* numw_word() is 0 for any word that does not start in lower case */
			f = TK_WORD | first[bc & BC_ALNUM] | (upper ? TK_UPPER : 0U) |
			    numw_word(t, i, j, len);
			ti = add_tok(tv, i, j, f, len);
			/* the lists have room for every token: write, then count it or not */
			tv->caps[tv->ncaps] = ti;
			tv->ncaps += (f & (TK_CAP | TK_UPPER)) != 0;
			/* a date or amount starts at a word that is not plain lower case */
			tv->cand[tv->ncand] = ti;
			tv->ncand += ((f & (TK_LOWER | TK_NUMW)) != TK_LOWER) | (tv->allcand != 0);
			/* the space after it, without another round */
			i = j + (after >> 1);
			continue;
		}
		if (!(bc & BC_HIGH) && t[i] != '\'') {
			/* ASCII punctuation that is no apostrophe */
			push(tv, t, len, i, i + 1, (bc & BC_OPEN ? TK_OPENQ : 0) |
			    (t[i] == '"' ? TK_QUOTE : 0));
			i++;
			continue;
		}
		i = slow_token(t, i, len, base, tv);
	}
}

const struct gent *
tok_gaz(const char *text, struct tok *t)
{
	if (!(t->f & TK_LOOKED)) {
		uint64_t k = tok_key8(text, t);

		t->g = k ? gaz_get_k(text + t->s, t->e - t->s, k) : t->e - t->s <= 200 ?
		    gaz_get_h(text + t->s, t->e - t->s, tok_hash(text, t)) : NULL;
		/* "Feb." is "Feb", "Corp." is "Corp" */
		if (t->g == NULL && t->e - t->s > 2 && text[t->e - 1] == '.')
			t->g = gaz_get(text + t->s, t->e - t->s - 1);
		t->f |= TK_LOOKED;
	}
	return t->g;
}

uint64_t
tok_cats_find(const char *text, struct tok *t)
{
	const struct gent *g;

	t->f |= TK_CATS;
	/* Lower-case words and punctuation matter only as cues. */
	if (!(t->f & (TK_CAP | TK_UPPER))) {
		uint64_t k = tok_key8(text, t);

		return t->cats = k ? gaz_cue_k(k, t->e - t->s) : gaz_cue(text + t->s, t->e - t->s);
	}
	g = tok_gaz(text, t);
	if (g == NULL)
		return t->cats = 0;
	if (t->f & TK_UPPER)
		return t->cats = g->cats;
	return t->cats = g->cats & ~g->acro;
}

void
tok_lookup_all(const char *text, struct tok *v, const uint32_t *idx, size_t n)
{
	size_t i, len;
	struct tok *t;
	uint64_t k;

	/* short words by their eight-byte keys, the others by their hashes */
	for (i = 0; i < n; i++) {
		t = &v[idx[i]];
		len = t->e - t->s;
		if (t->f & TK_LOOKED || len > 200)
			continue;
		if ((k = tok_key8(text, t)) != 0)
			gaz_prefetch_k(k);
		else
			gaz_prefetch(tok_hash(text, t));
	}
	for (i = 0; i < n; i++) {
		t = &v[idx[i]];
		len = t->e - t->s;
		if (!(t->f & TK_LOOKED) && len <= 200 && tok_gaz(text, t))
			__builtin_prefetch(t->g);
	}
	for (i = 0; i < n; i++)
		(void)tok_cats(text, &v[idx[i]]);
}
