/* marks.c -- quotation marks: which open, which close, which are apostrophes. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "lede.h"
#include "marks.h"

/*
 * A mark's role comes from its neighbours: an opening mark follows a
 * space, a bracket, a dash or another opening mark and is followed by
 * text; a closing mark follows text and is followed by a space or
 * punctuation.  Curly double marks and guillemets say which they are;
 * straight marks and the right single mark (also the apostrophe) are
 * decided by context.  Single marks that never close are apostrophes
 * after all: the paragraph is scanned again without them.
 */

enum { K_NONE, K_STRAIGHT2, K_LDQ, K_RDQ, K_LOWDQ, K_STRAIGHT1, K_LSQ, K_RSQ, K_LGU, K_RGU };

struct open {
	size_t		pos, len;
	unsigned char	fam, kind;
};

#define MAXDEPTH 32
#define MAXIGNORE 8

static int
mark_at(const char *p, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)p[i];

	*len = 1;
	if (c == '"')
		return K_STRAIGHT2;
	if (c == '\'')
		return K_STRAIGHT1;
	if (c == 0xC2 && i + 1 < n) {
		*len = 2;
		if ((unsigned char)p[i + 1] == 0xAB)
			return K_LGU;
		if ((unsigned char)p[i + 1] == 0xBB)
			return K_RGU;
		return K_NONE;
	}
	if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80) {
		*len = 3;
		switch ((unsigned char)p[i + 2]) {
		case 0x98: return K_LSQ;
		case 0x99: return K_RSQ;
		case 0x9C: return K_LDQ;
		case 0x9D: return K_RDQ;
		case 0x9E: return K_LOWDQ;
		default: return K_NONE;
		}
	}
	return K_NONE;
}

static long
prev_cp(const char *p, size_t i)
{
	size_t st;

	return i == 0 ? -1 : u8_prev(p, i, &st);
}

static long
next_cp(const char *p, size_t n, size_t i)
{
	long cp;

	if (i >= n)
		return -1;
	if (u8_decode(p + i, n - i, &cp) < 0)
		return 0xFFFD;
	return cp;
}

static int
is_ws(long c)
{
	return c == 0xA0 || c == 0x202F || u8_isspace(c);
}

static int
opening_mark(long c)
{
	return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E;
}

/* Before an opening mark: start, space, bracket, dash, slash, another opener. */
static int
open_ctx(long c)
{
	return c < 0 || is_ws(c) || c == '(' || c == '[' || c == '{' || c == '-' ||
	    c == '/' || c == 0x2014 || c == 0x2013 || c == 0x2026 || c == ':' ||
	    opening_mark(c);
}

/* After a closing mark: end, space, punctuation. */
static int
close_ctx(long c)
{
	return c < 0 || is_ws(c) || u8_ispunct(c) || c == 0x2014 || c == 0x2013;
}

/* 'n', 'em, '90s, 'til: an apostrophe standing for dropped letters. */
static int
elision(const char *p, size_t n, size_t i)
{
	static const char *const words[] = { "n'", "n\xE2\x80\x99", "em ", "til ",
		"cause ", "bout ", "tis ", "twas ", NULL };
	const char *const *w;
	size_t k;

	if (i < n && p[i] >= '0' && p[i] <= '9')
		return 1;
	for (w = words; *w != NULL; w++) {
		k = strlen(*w);
		if (i + k <= n && strncmp(p + i, *w, k) == 0)
			return 1;
	}
	return 0;
}

static int
ignored(const size_t *ign, size_t nign, size_t pos)
{
	size_t i;

	for (i = 0; i < nign; i++)
		if (ign[i] == pos)
			return 1;
	return 0;
}

static void
push_span(struct qvec *out, const struct open *o, size_t close, size_t clen, int closed)
{
	struct qspan *q;

	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof(*out->v));
	}
	q = &out->v[out->n++];
	q->open = o->pos;
	q->olen = o->len;
	q->close = close;
	q->clen = clen;
	q->fam = o->fam;
	q->closed = (unsigned char)closed;
}

/* Bytes that may start a quotation mark: " ' and the lead bytes of “ ” ‘ ’ „ « ». */
static const unsigned char candidate[256] = {
	[0] = 1, ['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1
};

/* Whether p[0..i) ends with a sentence's end and a space: ". ", "? ", "! ". */
static int
after_sentence(const char *p, size_t i)
{
	size_t j = i;

	if (j == 0 || (p[j - 1] != ' '))
		return 0;
	while (j > 0 && p[j - 1] == ' ')
		j--;
	return j > 0 && (p[j - 1] == '.' || p[j - 1] == '?' || p[j - 1] == '!');
}

/* Topmost open entry of family fam, or -1. */
static int
find_open(const struct open *st, int depth, int fam)
{
	int d;

	for (d = depth - 1; d >= 0; d--)
		if (st[d].fam == fam)
			return d;
	return -1;
}

/*
 * One pass; returns the position of a bottom single mark left open
 * (to be ignored next time), or (size_t)-1 when the pass is final.
 */
static size_t
scan(const char *p, size_t n, struct qvec *out, const size_t *ign, size_t nign, int no_singles,
    int straight1)
{
	struct open st[MAXDEPTH];
	int depth = 0, d, kind;
	size_t i, len;
	long prev, next;
	int lf, rf, fam, close;

	out->n = 0;
	for (i = 0; i < n; i += len) {
		unsigned char c;

		/* eight plain ASCII bytes at a time: no '"', no byte >= 0x80, no NUL */
		while (!straight1 && i + 8 <= n) {
			uint64_t x, q;

			memcpy(&x, p + i, 8);
			q = x ^ 0x2222222222222222ULL;
			if ((((q - 0x0101010101010101ULL) & ~q) | ((x - 0x0101010101010101ULL) & ~x) | x) &
			    0x8080808080808080ULL)
				break;
			i += 8;
		}
		while (!candidate[(unsigned char)p[i]])	/* p[n] is NUL, a candidate */
			i++;
		if (i >= n)
			break;
		c = (unsigned char)p[i];
		len = 1;
		if (c == 0)
			continue;
		if (c == '\'' && !straight1)
			continue;
		if ((kind = mark_at(p, n, i, &len)) == K_NONE)
			continue;
		if (ignored(ign, nign, i))
			continue;
		prev = prev_cp(p, i);
		next = next_cp(p, n, i + len);
		lf = open_ctx(prev) && next >= 0 && !is_ws(next);
		rf = prev >= 0 && !is_ws(prev) && close_ctx(next);
		fam = 0;
		close = 0;
		switch (kind) {
		case K_STRAIGHT2:
			fam = MF_DOUBLE;
			if (find_open(st, depth, MF_DOUBLE) >= 0 && (rf || !lf)) {
				close = 1;
				/* a straight mark inside a curly quote closes only itself */
				d = find_open(st, depth, MF_DOUBLE);
				if (st[d].kind != K_STRAIGHT2 && lf)
					close = 0;
			} else if (!lf && rf) {
				continue;	/* stray: 6" tall */
			}
			break;
		case K_LDQ:
		case K_LOWDQ:
			fam = MF_DOUBLE;
			if (kind == K_LDQ && rf && !lf && find_open(st, depth, MF_DOUBLE) >= 0)
				close = 1;
			break;
		case K_RDQ:
			fam = MF_DOUBLE;
			if (find_open(st, depth, MF_DOUBLE) >= 0)
				close = 1;
			else if (!lf)
				continue;
			break;
		case K_LGU:
			fam = MF_GUILL;
			break;
		case K_RGU:
			fam = MF_GUILL;
			if (find_open(st, depth, MF_GUILL) < 0)
				continue;
			close = 1;
			break;
		case K_STRAIGHT1:
		case K_LSQ:
		case K_RSQ:
			if (no_singles || (kind == K_STRAIGHT1 && !straight1))
				continue;
			fam = MF_SINGLE;
			if (prev >= 0 && u8_isalnum(prev) && next >= 0 && u8_isalnum(next))
				continue;	/* it's, rock'n'roll */
			if (find_open(st, depth, MF_SINGLE) >= 0 && kind != K_LSQ && rf) {
				close = 1;
			} else if (kind != K_RSQ && lf && !elision(p, n, i + len)) {
				close = 0;
			} else {
				continue;	/* Sanders' plan, '90s */
			}
			break;
		}
		/*
		 * A new paragraph of the same quotation run into this one:
		 * "... not that well. "It will be great ..." -- the first part
		 * ends with its sentence, the next one starts here.
		 */
		if (!close && fam == MF_DOUBLE && depth > 0 && st[0].fam == MF_DOUBLE &&
		    after_sentence(p, i)) {
			push_span(out, &st[0], i, 0, 0);
			depth = 0;
		}
		if (close) {
			d = find_open(st, depth, fam);
			if (d == 0)
				push_span(out, &st[0], i, len, 1);
			depth = d;	/* unclosed marks inside are dropped */
		} else if (depth < MAXDEPTH) {
			st[depth].pos = i;
			st[depth].len = len;
			st[depth].fam = (unsigned char)fam;
			st[depth].kind = (unsigned char)kind;
			depth++;
		}
	}
	if (depth > 0) {
		if (st[0].fam == MF_SINGLE)
			return st[0].pos;
		push_span(out, &st[0], n, 0, 0);
	}
	return (size_t)-1;
}

void
marks_scan(const char *p, size_t n, struct qvec *out, int straight1)
{
	size_t ign[MAXIGNORE], nign = 0, pos;

	for (;;) {
		pos = scan(p, n, out, ign, nign, 0, straight1);
		if (pos == (size_t)-1)
			return;
		if (nign == MAXIGNORE)
			break;
		ign[nign++] = pos;
	}
	scan(p, n, out, ign, nign, 1, straight1);
}

/* Whether a mark starts at p[i]: '"', a curly mark (E2 80 98..9E), a guillemet (C2 AB, C2 BB). */
static int
mark_start(const char *p, size_t n, size_t i, int straight1)
{
	unsigned char c = (unsigned char)p[i];

	if (c == '"' || (c == '\'' && straight1))
		return 1;
	if (c == 0xE2)
		return i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
		    (unsigned char)p[i + 2] >= 0x98 && (unsigned char)p[i + 2] <= 0x9E;
	if (c == 0xC2)
		return i + 1 < n && ((unsigned char)p[i + 1] == 0xAB || (unsigned char)p[i + 1] == 0xBB);
	return 0;
}

int
marks_any(const char *p, size_t n, int straight1)
{
	size_t i;
#if defined(__SSE2__) && defined(__GNUC__)
	/* sixteen bytes at a time for the bytes a mark starts with */
	__m128i dq = _mm_set1_epi8('"'), e2 = _mm_set1_epi8((char)0xE2);
	__m128i c2 = _mm_set1_epi8((char)0xC2), sq = _mm_set1_epi8(straight1 ? '\'' : '"');

	for (i = 0; i < n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, c2))));

		if (n - i < 16)
			m &= (1u << (n - i)) - 1;
		for (; m != 0; m &= m - 1)
			if (mark_start(p, n, i + (size_t)__builtin_ctz(m), straight1))
				return 1;
	}
#else
	for (i = 0; i < n; i++)
		if (mark_start(p, n, i, straight1))
			return 1;
#endif
	return 0;
}

void
qvec_free(struct qvec *q)
{
	free(q->v);
	memset(q, 0, sizeof(*q));
}
