/* frame.c -- the writer's own words of a paragraph: tokens, sentences, names. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "article.h"
#include "lexicon.h"

/*
 * A paragraph becomes tokens: words, punctuation, and one T_QUOTE token
 * for each quotation, so that attribution looks only at the writer's
 * words around it.  Sentences are numbered over these tokens; a boundary
 * inside a quotation does not count.
 */

static size_t
push_tok(struct qart *a, int type, size_t s, size_t e)
{
	struct tok *t;

	if (a->ntok == a->tokcap) {
		a->tokcap = a->tokcap ? a->tokcap * 2 : 1024;
		a->toks = xreallocarray(a->toks, a->tokcap, sizeof(*a->toks));
	}
	t = &a->toks[a->ntok];
	memset(t, 0, sizeof(*t));
	t->s = (uint32_t)s;
	t->e = (uint32_t)e;
	t->type = (uint8_t)type;
	t->q = -1;
	t->m = -1;
	t->para = (uint32_t)a->cur_para;
	return a->ntok++;
}

unsigned
tok_cls(struct qart *a, size_t t)
{
	struct tok *k = &a->toks[t];

	if (!k->has_cls) {
		k->cls = k->type == T_WORD ? lx_get(para_text(a, k->para) + k->s, k->e - k->s) : 0;
		k->has_cls = 1;
	}
	return k->cls;
}

static int
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the alphanumeric character at s (0 if it is not one). */
static int
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

/* Scans a word at p[i..n); fills the token. Returns the end. */
static size_t
scan_word(struct qart *a, const char *p, size_t n, size_t i)
{
	size_t s = i, e, k;
	long cp = 0, first = 0;
	int len, upper = 1, letters = 0, inner_dot = 0;
	struct tok *t;

	len = alnum_at(p + i, n - i, &first);
	while (i < n) {
		len = alnum_at(p + i, n - i, &cp);
		if (len > 0) {
			if (u8_isalpha(cp)) {
				letters++;
				if (!u8_isupper(cp))
					upper = 0;
			}
			i += (size_t)len;
			continue;
		}
		/* joiners inside a word: U.S. it's al-Smari AT&T Kyiv’s */
		k = 0;
		if (p[i] == '.' || p[i] == '\'' || p[i] == '-' || p[i] == '&')
			k = 1;
		else if (is_rsq(p + i, n - i))
			k = 3;
		if (k > 0 && i + k < n && alnum_at(p + i + k, n - i - k, &cp) > 0) {
			if (p[i] == '.')
				inner_dot = 1;
			i += k;
			continue;
		}
		break;
	}
	e = i;
	k = push_tok(a, T_WORD, s, e);	/* may move the array */
	t = &a->toks[k];
	if (u8_isupper(first)) {
		t->cap = 1;
		if (upper && letters > 1)
			t->cap = 2;
	}
	/* possessive: Rubio's, Kyiv’s, Sanders' */
	if (e - s > 2 && p[e - 2] == '\'' && (p[e - 1] == 's' || p[e - 1] == 'S')) {
		t->e = (uint32_t)(e - 2);
		t->poss = 1;
	} else if (e - s > 4 && is_rsq(p + e - 4, 3) && p[e - 1] == 's') {
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
			unsigned c = lx_get(p + s, wl);

			absorb = (c & LX_TITLE) != 0 || (wl == 2 && (p[s] == 'J' || p[s] == 'S') &&
			    (p[s + 1] == 'r'));
			t->cls = c;
			t->has_cls = 1;
		}
		if (absorb) {
			i++;
			t->e = (uint32_t)i;
			t->has_cls = 0;
		}
	}
	return i;
}

static void
tokenise(struct qart *a, size_t pi)
{
	struct para *pa = &a->paras[pi];
	const char *p = para_text(a, pi);
	size_t n = pa->len, i = 0, qi = pa->q0, qend = pa->q0 + pa->nq, tk;
	long cp;
	int len;

	pa->t0 = a->ntok;
	a->cur_para = pi;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (qi < qend && i >= a->quotes[qi].open) {
			tk = push_tok(a, T_QUOTE, a->quotes[qi].open, a->quotes[qi].after);
			a->toks[tk].q = (int32_t)qi;
			a->quotes[qi].tok = tk;
			i = a->quotes[qi].after;
			qi++;
			continue;
		}
		if (c == ' ') {
			i++;
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
	struct tok *k, *prev;

	if (pa->nq > 0)
		sent_split(para_text(a, pi), pa->len, &a->sv);
	else
		a->sv.n = 0;
	for (t = pa->t0; t < pa->t0 + pa->nt; t++) {
		k = &a->toks[t];
		if (t > pa->t0) {
			int cut;

			prev = &a->toks[t - 1];
			cut = prev->type == T_END && ((k->type == T_WORD && k->cap) || k->type == T_QUOTE);

			/* a sentence start from the segmenter between the two tokens */
			while (b < a->sv.n && a->sv.v[b].start < prev->e)
				b++;
			if (b < a->sv.n && a->sv.v[b].start >= prev->e && a->sv.v[b].start <= k->s &&
			    a->sv.v[b].start > 0 && prev->type != T_QUOTE)
				cut = 1;
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
			if (tok_cls(a, t) & (LX_PRON_M | LX_PRON_F | LX_PRON_G))
				mention_add_chunk(a, pi, t, t + 1);
			t++;
			continue;
		}
		u = t + 1;
		if (!k->poss) {
			while (u < end) {
				struct tok *x = &a->toks[u];

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
		if (!pa->heading)
			mention_add_chunk(a, pi, t, u);
		t = u;
	}
}

/* Mostly capitalised words: a heading or headline, whose names are unreliable. */
static int
headingish(struct qart *a, size_t pi)
{
	struct para *pa = &a->paras[pi];
	size_t t, words = 0, caps = 0;

	if (pa->nq > 0)
		return 0;
	for (t = pa->t0; t < pa->t0 + pa->nt; t++) {
		if (a->toks[t].type == T_WORD) {
			words++;
			if (a->toks[t].cap)
				caps++;
		}
	}
	return words >= 3 && caps * 10 >= words * 7;
}

void
frame_para(struct qart *a, size_t pi)
{
	tokenise(a, pi);
	sentences(a, pi);
	a->paras[pi].heading = headingish(a, pi);
	chunks(a, pi);
}
