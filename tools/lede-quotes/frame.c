/* frame.c -- the writer's own words of a paragraph: tokens, sentences, names. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "article.h"
#include "lexicon.h"

/*
 * A paragraph becomes tokens: words, punctuation, and one T_QUOTE token
 * for each quotation, so that attribution looks only at the writer's
 * words around it.  Sentences are numbered over these tokens; a boundary
 * inside a quotation does not count.
 */

static inline size_t
push_tok(struct qart *a, int type, size_t s, size_t e)
{
	struct tok *t;

	t = &a->toks[a->ntok];	/* room made by tokenise() */
	*t = a->tok_blank;	/* one copy for the fields that start the same */
	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	t->type = (uint8_t)type;
	return a->ntok++;
}

unsigned
tok_cls_lookup(struct qart *a, size_t t)
{
	struct tok *k = &a->toks[t];

	k->cls = k->type == T_WORD ? lx_get_padded(para_text(a, k->para) + k->s, k->e - k->s) : 0;
	k->has_cls = 1;
	return k->cls;
}

/* ASCII letters and digits. */
static const unsigned char alnum_tab[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
	['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
	['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

static int
ascii_alnum(unsigned char c)
{
	return alnum_tab[c];
}

/*
 * The end of the run of ASCII letters and digits at p[i]: sixteen bytes
 * at a time where SSE2 is there (the paragraph text ends in a NUL and
 * LX_PAD readable bytes, so a load never leaves the buffer), one by one
 * elsewhere.  Bytes from 0x80 end the run: the caller decodes them.
 */
static inline size_t
alnum_run(const char *p, size_t i)
{
#if defined(__SSE2__) && defined(__GNUC__)
	for (;;) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
		    _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
		    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
		unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit)) & 0xFFFFu;

		if (stop != 0)
			return i + (size_t)__builtin_ctz(stop);
		i += 16;
	}
#else
	while (alnum_tab[(unsigned char)p[i]])	/* stops at the NUL after the paragraph */
		i++;
	return i;
#endif
}

/* Length of the alphanumeric character at s (0 if it is not one). */
static inline int
alnum_at(const char *s, size_t n, long *cpo)
{
	long cp;
	int len;

	if (n == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {
		*cpo = (unsigned char)s[0];
		return ascii_alnum((unsigned char)s[0]) ? 1 : 0;
	}
	len = u8_decode(s, n, &cp);
	if (len < 0 || !u8_isalnum(cp))
		return 0;
	*cpo = cp;
	return len;
}

static int
is_rsq(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x99;
}

static int
ascii_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Capitalised (1) or ALL CAPS (2) word s[0..n), or 0. */
static inline int
capitals(const char *s, size_t n)
{
	long cp;
	size_t i;
	int len, letters = 0;

	if ((unsigned char)s[0] < 0x80) {
		if (!(s[0] >= 'A' && s[0] <= 'Z'))
			return 0;
	} else if ((len = u8_decode(s, n, &cp)) < 0 || !u8_isupper(cp)) {
		return 0;
	}
	for (i = 0; i < n; i += (size_t)len) {
		len = 1;
		if ((unsigned char)s[i] < 0x80) {
			if (ascii_lower((unsigned char)s[i]))
				return 1;
			if ((s[i] >= 'A' && s[i] <= 'Z'))
				letters++;
			continue;
		}
		if ((len = u8_decode(s + i, n - i, &cp)) < 0) {
			len = 1;
			continue;
		}
		if (u8_islower(cp))
			return 1;
		if (u8_isalpha(cp))
			letters++;
	}
	return letters > 1 ? 2 : 1;
}

#if defined(__GNUC__)
#define HOT_INLINE inline __attribute__((always_inline))
#else
#define HOT_INLINE inline
#endif

/* Scans a word at p[i..n); fills the token. Returns the end. */
static HOT_INLINE size_t
scan_word(struct qart *a, const char *p, size_t n, size_t i)
{
	size_t s = i, e, k;
	long cp = 0;
	int len, inner_dot = 0, apos = 0;
	struct tok *t;

	while (i < n) {
		unsigned char c;

		i = alnum_run(p, i);	/* stops at the NUL after the paragraph */
		if (i >= n)
			break;
		c = (unsigned char)p[i];
		if (c == ' ')
			break;
		if (c < 0x80) {
			/* joiners inside a word: U.S. it's al-Smari AT&T */
			if ((c == '.' || c == '\'' || c == '-' || c == '&') && i + 1 < n &&
			    alnum_at(p + i + 1, n - i - 1, &cp) > 0) {
				if (c == '.')
					inner_dot = 1;
				if (c == '\'')
					apos = 1;
				i++;
				continue;
			}
			break;
		}
		if ((len = alnum_at(p + i, n - i, &cp)) > 0) {
			i += (size_t)len;
			continue;
		}
		/* Kyiv’s */
		if (is_rsq(p + i, n - i) && i + 3 < n && alnum_at(p + i + 3, n - i - 3, &cp) > 0) {
			i += 3;
			apos = 1;
			continue;
		}
		break;
	}
	e = i;
	k = push_tok(a, T_WORD, s, e);	/* may move the array */
	t = &a->toks[k];
	if (!((unsigned char)p[s] >= 'a' && (unsigned char)p[s] <= 'z'))	/* most words: no */
		t->cap = (uint8_t)capitals(p + s, e - s);
	/* possessive: Rubio's, Kyiv’s (looked for only in words with an apostrophe) */
	if (apos && e - s > 2 && p[e - 2] == '\'' && (p[e - 1] == 's' || p[e - 1] == 'S')) {
		t->e = (uint32_t)(e - 2);
		t->poss = 1;
	} else if (apos && p[e - 1] == 's' && e - s > 4 && is_rsq(p + e - 4, 3)) {
		t->e = (uint32_t)(e - 4);
		t->poss = 1;
	}
	/* a trailing full stop that belongs to the word: initials, Sen., U.S. */
	if (i < n && p[i] == '.' && !t->poss) {
		size_t wl = e - s;
		int absorb = 0;

		if (inner_dot || (wl == 1 && t->cap))
			absorb = 1;
		else if (i + 1 < n && (p[i + 1] == ',' || p[i + 1] == ')' || p[i + 1] == ';'))
			absorb = 1;	/* R-Ky., (D-Wis.) */
		else if (t->cap == 1 && wl <= 4) {
			unsigned c = lx_get_padded(p + s, wl);

			absorb = (c & LX_TITLE) != 0 || (wl == 2 && (p[s] == 'J' || p[s] == 'S') &&
			    (p[s + 1] == 'r'));
			t->cls = c;
			t->has_cls = 1;
		}
		if (absorb) {
			i++;
			t->e = (uint32_t)i;
			t->has_cls = 0;
			/* "in the U.S. The" may end a sentence: the segmenter decides */
			if (inner_dot && i + 1 < n && p[i] == ' ' &&
			    (p[i + 1] & 0x80 || (p[i + 1] >= 'A' && p[i + 1] <= 'Z')))
				a->paras[a->cur_para].unsure_stop = 1;
		}
	}
	/* the space after the word, here rather than in the caller's loop (p[n] is a NUL) */
	while (p[i] == ' ')
		i++;
	return i;
}

static void
tokenise(struct qart *a, size_t pi)
{
	struct para *pa = &a->paras[pi];
	const char *p = para_text(a, pi);
	size_t n = pa->len, i = 0, qi = pa->q0, qend = pa->q0 + pa->nq, tk, nextq;
	long cp;
	int len;

	pa->t0 = a->ntok;
	/* a token but the quotations takes a byte at least: room for all at once */
	if (a->tokcap - a->ntok < n + pa->nq + 1) {
		while (a->tokcap - a->ntok < n + pa->nq + 1)
			a->tokcap = a->tokcap ? a->tokcap * 2 : 1024;
		a->toks = xreallocarray(a->toks, a->tokcap, sizeof(*a->toks));
	}
	a->cur_para = pi;
	memset(&a->tok_blank, 0, sizeof(a->tok_blank));
	a->tok_blank.para = (uint32_t)pi;
	a->tok_blank.q = -1;
	a->tok_blank.m = -1;
	nextq = qi < qend ? a->quotes[qi].open : n;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (i >= nextq) {
			tk = push_tok(a, T_QUOTE, a->quotes[qi].open, a->quotes[qi].after);
			a->toks[tk].q = (int32_t)qi;
			a->quotes[qi].tok = tk;
			i = a->quotes[qi].after;
			qi++;
			nextq = qi < qend ? a->quotes[qi].open : n;
			continue;
		}
		if (c == ' ') {
			while (p[++i] == ' ')
				;
			continue;
		}
		if (ascii_alnum(c)) {
			i = scan_word(a, p, n, i);
			continue;
		}
		if (c < 0x80) {
			int type = T_OTHER;

			switch (c) {
			case ',': type = T_COMMA; break;
			case ':': type = T_COLON; break;
			case ';': type = T_SEMI; break;
			case '.': case '?': case '!': type = T_END; break;
			case '(': case '[': type = T_OPENP; break;
			case ')': case ']': type = T_CLOSEP; break;
			case '-':
				if (i + 1 < n && p[i + 1] == '-') {
					push_tok(a, T_DASH, i, i + 2);
					i += 2;
					continue;
				}
				type = T_DASH;
				break;
			case '\t': case '\n': case '\r':
				i++;
				continue;
			default: break;
			}
			if (type == T_END) {	/* "..." and "?!" are one mark */
				size_t s = i;

				while (i < n && (p[i] == '.' || p[i] == '?' || p[i] == '!'))
					i++;
				push_tok(a, T_END, s, i);
				continue;
			}
			push_tok(a, type, i, i + 1);
			i++;
			continue;
		}
		len = u8_decode(p + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (u8_isalnum(cp)) {
			i = scan_word(a, p, n, i);
			continue;
		}
		if (!u8_isspace(cp) && cp != 0xA0 && cp != 0x202F) {
			int type = T_OTHER;

			if (cp == 0x2014 || cp == 0x2013 || cp == 0x2015)
				type = T_DASH;
			else if (cp == 0x2026)
				type = T_END;
			push_tok(a, type, i, i + (size_t)len);
		}
		i += (size_t)len;
	}
	pa->nt = a->ntok - pa->t0;
}

/* Whether the words of quotation token k end with a full stop: "…." */
static int
quote_ends_stop(struct qart *a, size_t pi, const struct tok *k)
{
	const struct quote *q = &a->quotes[k->q];
	const char *t = para_text(a, pi);
	size_t e = q->te;

	(void)pi;
	return e > q->ts && (t[e - 1] == '.' || (e >= q->ts + 3 &&
	    memcmp(t + e - 3, "\xE2\x80\xA6", 3) == 0));
}

/* Numbers the sentences: after . ? ! before a capital or a quotation, and sent_split's. */
static void
sentences(struct qart *a, size_t pi)
{
	struct para *pa = &a->paras[pi];
	size_t t, b = 0, sent = 0;
	size_t words = 0, caps = 0;
	struct tok *k, *prev;

	/*
	 * The tokens place most sentence ends themselves; the shared
	 * segmenter is asked where they cannot (abbreviations before a
	 * capital) in paragraphs where sentences matter, those with quotes.
	 */
	if (pa->nq > 0 && pa->unsure_stop)
		sent_split(para_text(a, pi), pa->len, &a->sv);
	else
		a->sv.n = 0;
	for (t = pa->t0; t < pa->t0 + pa->nt; t++) {
		k = &a->toks[t];
		words += k->type == T_WORD;
		caps += (k->type == T_WORD) & (k->cap != 0);
		if (t > pa->t0) {
			int cut;

			prev = &a->toks[t - 1];
			cut = prev->type == T_END && ((k->type == T_WORD && k->cap) || k->type == T_QUOTE);

			/* a sentence start from the segmenter between the two tokens */
			if (a->sv.n > 0) {
				while (b < a->sv.n && a->sv.v[b].start < prev->e)
					b++;
				if (b < a->sv.n && a->sv.v[b].start >= prev->e &&
				    a->sv.v[b].start <= k->s && a->sv.v[b].start > 0 &&
				    prev->type != T_QUOTE)
					cut = 1;
			}
			/*
			 * After a quotation: "…." She says — a new sentence; but
			 * "…?" Trump asked — the attribution of the question.
			 */
			if (prev->type == T_QUOTE && k->type == T_WORD && k->cap &&
			    (quote_ends_stop(a, pi, prev) || (tok_cls(a, t) & LX_PRON)))
				cut = 1;
			if (cut)
				sent++;
		}
		k->sent = (uint32_t)sent;
	}
	/* mostly capitalised words: a heading or headline, whose names are unreliable */
	pa->heading = pa->nq == 0 && words >= 3 && caps * 10 >= words * 7;
}

/* Name particles that may sit inside a capitalised run: Ludwig van Beethoven. */
static int
particle(const char *s, size_t n)
{
	static const char *const w[] = { "de", "van", "von", "der", "den", "bin", "al", "da",
		"del", "della", "di", "du", "la", "le", "ibn", "el", NULL };
	const char *const *x;

	for (x = w; *x != NULL; x++)
		if (strlen(*x) == n && memcmp(*x, s, n) == 0)
			return 1;
	return 0;
}

/* he, she, it: the only lower-case words that become mentions. */
static int
pronoun_word(const char *w, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/*
	 * One load and compare, no branch on the length (most words are no
	 * pronoun, and their lengths are unpredictable); the paragraph text
	 * has LX_PAD readable bytes after it.
	 */
	static const uint32_t mask[8] = { 0, 0, 0xFFFFu, 0xFFFFFFu, 0, 0, 0, 0 };
	uint32_t v;

	memcpy(&v, w, 4);
	v &= mask[n & 7] & -(uint32_t)(n < 8);
	return (v == 0x6568u) | (v == 0x7469u) | (v == 0x656873u);	/* he it she */
#else
	return (n == 2 && ((w[0] == 'h' && w[1] == 'e') || (w[0] == 'i' && w[1] == 't'))) ||
	    (n == 3 && w[0] == 's' && w[1] == 'h' && w[2] == 'e');
#endif
}

/*
 * A nickname in marks inside a name: Marcia "Cia" Price, Earvin "Magic"
 * Johnson -- one or two capitalised words, right after a capitalised word
 * and before another.  It is part of the name's run, not a quotation.
 */
static int
nickname(struct qart *a, size_t u, size_t end)
{
	const struct tok *x = &a->toks[u];
	const struct quote *q;

	if (x->type != T_QUOTE || u + 1 >= end)
		return 0;
	q = &a->quotes[x->q];
	return q->closed && q->titlecase && q->words <= 2 && a->toks[u + 1].type == T_WORD &&
	    a->toks[u + 1].cap == 1 && a->toks[u - 1].e < x->s && x->e < a->toks[u + 1].s;
}

/* Capitalised runs become mentions; he and she in subject place too. */
static void
chunks(struct qart *a, size_t pi)
{
	struct para *pa = &a->paras[pi];
	const char *p = para_text(a, pi);
	size_t t = pa->t0, end = pa->t0 + pa->nt, u;

	while (t < end) {
		struct tok *k = &a->toks[t];

		if (k->type != T_WORD) {
			t++;
			continue;
		}
		if (!k->cap) {
			/* he, she, it: short words, looked up only when they could be one */
			if (pronoun_word(p + k->s, k->e - k->s) &&
			    (tok_cls(a, t) & (LX_PRON_M | LX_PRON_F | LX_PRON_G)))
				mention_add_chunk(a, pi, t, t + 1);
			t++;
			continue;
		}
		u = t + 1;
		if (!k->poss) {
			while (u < end) {
				struct tok *x = &a->toks[u];

				if (u > t && nickname(a, u, end)) {
					a->quotes[x->q].nickname = 1;
					u++;
					continue;
				}
				if (x->type != T_WORD || x->sent != k->sent)
					break;
				if (!x->cap && !(u + 1 < end && a->toks[u + 1].type == T_WORD &&
				    a->toks[u + 1].cap && particle(p + x->s, x->e - x->s)))
					break;
				u++;
				if (x->poss)
					break;
			}
		}
		/* a long capitalised run is a headline or a title, not a name; so is shouting */
		if (!pa->heading && u - t <= 6 && !(u - t >= 2 && a->toks[t].cap == 2 &&
		    a->toks[t + 1].cap == 2))
			mention_add_chunk(a, pi, t, u);
		t = u;
	}
}

void
frame_para(struct qart *a, size_t pi)
{
	tokenise(a, pi);
	sentences(a, pi);
	chunks(a, pi);
}
