/* sentseg.c -- sentence segmentation of one paragraph (rules in lede-sentences(1)). */
/* SPDX-License-Identifier: MIT */
/*
 * One left-to-right pass over the bytes.  Most bytes are skipped through a
 * table; only terminal punctuation, line breaks, brackets, bullets and the
 * lead bytes of the few multi-byte characters that matter stop the scan.
 * At a stop a handler looks a little way back (the word before) and ahead
 * (closing quotes, the next word) and decides.  Nothing is allocated per
 * sentence: spans go into the caller's reused spanvec, and the list-marker
 * table lives on the stack.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sentseg.h"
#include "u8.h"
#include "util.h"

/* List markers ("1.", "b)", "(iv)") seen in a paragraph, found on demand. */
#define MAX_MARKERS 64

enum { MK_DIGIT, MK_LOWER, MK_UPPER };		/* what the marker counts in */
enum { MP_DOT, MP_DOTPAREN, MP_PAREN, MP_BOTH };	/* 1.  1.)  1)  (1) */

struct marker {
	size_t	start, end;	/* the token; end is just past its punctuation */
	int	kind, punct;
	int	num;		/* number or letter (a = 1) */
	int	roman;		/* value as a Roman numeral, 0 if none */
	int	lower_next;	/* the next word starts in lower case */
};

struct seg {
	const char	*t;
	size_t		 n;
	struct spanvec	*out;
	size_t		 start;		/* where the current sentence began */
	int		 paren, bracket; /* open ( and [ in the current sentence */
	struct marker	*mk;
	int		 nmk;		/* -1 until the markers are collected */
	struct quotes {			/* quotation state so far */
		size_t	sqpos;	/* where the open single quotation began */
		int	dq, sq;
	}		 q;
};

static void	quote_see(struct seg *, size_t, int);

/* What follows a candidate end. */
enum { N_END, N_LOWER, N_UPPER, N_DIGIT, N_PUNCT, N_OTHER };

struct next {
	size_t	pos;		/* first non-space byte */
	size_t	word, wlen;	/* the word after any opening marks (letters only) */
	int	cls;
	int	opened;		/* an opening quote or bracket came first */
	int	paren;		/* ... and it was "(" */
	int	dash;		/* a dash came first */
};

static int
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the white-space character at s[i], or 0. */
static int
space_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return is_ascii_space(c);
	if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
		return 2;	/* NO-BREAK SPACE */
	if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (((unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x8B) ||
	    (unsigned char)s[i + 2] == 0xAF))
		return 3;	/* EN QUAD .. ZERO WIDTH SPACE, NARROW NBSP */
	if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x80)
		return 3;	/* IDEOGRAPHIC SPACE */
	return 0;
}

static size_t
skip_space(const char *s, size_t n, size_t i)
{
	int l;

	while (i < n && (l = space_len(s, n, i)) > 0)
		i += (size_t)l;
	return i;
}

/* True if the character before s[i] is white space (or i is 0). */
static int
space_before(const char *s, size_t i)
{
	unsigned char c;

	if (i == 0)
		return 1;
	c = (unsigned char)s[i - 1];
	if (c < 0x80)
		return is_ascii_space(c);
	return (c == 0xA0 && i >= 2 && (unsigned char)s[i - 2] == 0xC2) ||
	    (c >= 0x80 && i >= 3 && space_len(s, i, i - 3) == 3);
}

static size_t
trim_end(const char *s, size_t a, size_t b)
{
	while (b > a) {
		if (is_ascii_space((unsigned char)s[b - 1]))
			b--;
		else if (b - a >= 2 && space_len(s, b, b - 2) == 2)
			b -= 2;
		else if (b - a >= 3 && space_len(s, b, b - 3) == 3)
			b -= 3;
		else
			break;
	}
	return b;
}

static long
cp_at(const char *s, size_t n, size_t i, int *len)
{
	long cp;
	int l;

	if (i >= n) {
		*len = 0;
		return -1;
	}
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	l = u8_decode(s + i, n - i, &cp);
	if (l < 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = l;
	return cp;
}

static long
cp_before(const char *s, size_t i, size_t *at)
{
	if (i == 0)
		return -1;
	if ((unsigned char)s[i - 1] < 0x80) {
		*at = i - 1;
		return (unsigned char)s[i - 1];
	}
	return u8_prev(s, i, at);
}

static int
is_upper(long cp)
{
	return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : u8_isupper(cp);
}

static int
is_lower(long cp)
{
	return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : u8_islower(cp);
}

static int
is_digit(long cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_alpha(long cp)
{
	return cp < 0x80 ? ((cp | 32) >= 'a' && (cp | 32) <= 'z') : u8_isalpha(cp);
}

/* Sentence-final marks: . ? ! and their wide, CJK and combined forms. */
static int
is_terminal_cp(long cp)
{
	switch (cp) {
	case '.': case '?': case '!':
	case 0x2026:		/* … */
	case 0x203C: case 0x2047: case 0x2048: case 0x2049:	/* ‼ ⁇ ⁈ ⁉ */
	case 0x3002:		/* 。 */
	case 0xFF0E: case 0xFF01: case 0xFF1F:	/* ． ！ ？ */
	case 0xFF61:		/* ｡ */
		return 1;
	}
	return 0;
}

/* Marks that need no space after them to end a sentence. */
static int
is_wide_terminal(long cp)
{
	return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

static int
is_bullet_cp(long cp)
{
	switch (cp) {
	case 0x2022: case 0x2043: case 0x25E6: case 0x25AA: case 0x25CF:
	case 0x25A0: case 0x25BA: case 0x25B8: case 0x2023: case 0x2219:
		return 1;
	}
	return 0;
}

static int
is_close_quote(long cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
	    cp == 0xBB || cp == 0x203A || cp == 0x201C || cp == 0x2018;
}

static int
is_open_mark(long cp)
{
	switch (cp) {
	case '(': case '[': case '{': case '"': case '\'': case '`': case '*':
	case '_': case 0x201C: case 0x2018: case 0x201E: case 0xAB: case 0x2039:
	case 0xBF: case 0xA1:
		return 1;
	}
	return 0;
}

static int
is_dash(long cp)
{
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2012;
}

/*
 * Length of the markup tag at t[p] ("<p>", "</em>", "<img src=x>", and
 * escaped "&lt;b&gt;"), or 0.  A name must follow "<", so "<< File" and
 * "<ann@example.com>" are text.
 */
static size_t
tag_len(const char *t, size_t n, size_t p)
{
	size_t q = p, lim;
	int esc = 0;

	if (n - p >= 4 && memcmp(t + p, "&lt;", 4) == 0) {
		esc = 1;
		q += 4;
	} else if (t[p] == '<') {
		q++;
	} else {
		return 0;
	}
	if (q < n && t[q] == '/')
		q++;
	if (q >= n || !is_alpha((unsigned char)t[q]))
		return 0;
	while (q < n && (is_alpha((unsigned char)t[q]) || is_digit((unsigned char)t[q])))
		q++;
	lim = q + 200 < n ? q + 200 : n;
	if (q < lim && (t[q] == ' ' || t[q] == '/')) {
		while (q < lim && t[q] != '<' && t[q] != '>' && t[q] != '&')
			q++;
	}
	if (esc)
		return lim - q >= 4 && memcmp(t + q, "&gt;", 4) == 0 ? q + 4 - p : 0;
	return q < lim && t[q] == '>' ? q + 1 - p : 0;
}

/* Start of the markup tag ending just before e, or e. */
static size_t
tag_before(const char *t, size_t a, size_t e)
{
	size_t p;

	if (e == a || (t[e - 1] != '>' && t[e - 1] != ';'))
		return e;
	for (p = e; p > a && e - p < 240; p--)
		if ((t[p - 1] == '<' || t[p - 1] == '&') && tag_len(t, e, p - 1) == e - (p - 1))
			return p - 1;
	return e;
}

/*
 * Scraped pages leave markup at sentence edges ("<p>This is it.</p>") and
 * tables of contents leave dot leaders ("Chapter 2 ........ 6"): neither
 * is part of the sentence, so the span leaves them out.
 */
static void
trim_noise(const char *t, size_t *ap, size_t *bp)
{
	size_t a = *ap, b = *bp, l, p, d;

	for (;;) {
		if (a < b && (l = tag_len(t, b, a)) > 0) {
			a = skip_space(t, b, a + l);
		} else if ((p = tag_before(t, a, b)) < b) {
			b = trim_end(t, a, p);
		} else {
			break;
		}
	}
	/* A page number after dot leaders, then the leaders. */
	for (p = b; p > a && ((t[p - 1] >= '0' && t[p - 1] <= '9') || t[p - 1] == '-'); p--)
		;
	if (p == b || t[b - 1] == '-')
		goto done;
	p = trim_end(t, a, p);
	for (d = p; d > a && t[d - 1] == '.'; d--)
		;
	if (p - d >= 5)
		b = trim_end(t, a, d);
done:
	*ap = a;
	*bp = b;
}

/* t[a..b) is a page number on a line of its own ("\n3\n\nIntroduction"). */
static int
page_number_line(const struct seg *s, size_t a, size_t b)
{
	size_t p;

	if (b - a > 4 || memchr(s->t, '\n', s->n) == NULL)
		return 0;
	for (p = a; p < b; p++)
		if (s->t[p] < '0' || s->t[p] > '9')
			return 0;
	for (p = a; p > 0 && (s->t[p - 1] == ' ' || s->t[p - 1] == '\t'); p--)
		;
	if (p > 0 && s->t[p - 1] != '\n' && s->t[p - 1] != '\r')
		return 0;
	for (p = b; p < s->n && (s->t[p] == ' ' || s->t[p] == '\t'); p++)
		;
	return p == s->n || s->t[p] == '\n' || s->t[p] == '\r';
}

/* Closes the current sentence at end (exclusive); the next starts at next. */
static void
cut(struct seg *s, size_t end, size_t next)
{
	size_t a, b;

	a = skip_space(s->t, end, s->start);
	/* Escapes left in scraped text ("\\r\\n" as letters) are white space too. */
	while (a + 1 < end && s->t[a] == '\\' && strchr("rnt", s->t[a + 1]) != NULL &&
	    s->t[a + 1] != '\0')
		a = skip_space(s->t, end, a + 2);
	b = trim_end(s->t, a, end);
	if (b > a && (s->t[a] == '<' || s->t[a] == '&' || s->t[b - 1] == '>' ||
	    s->t[b - 1] == ';' || (s->t[b - 1] >= '0' && s->t[b - 1] <= '9')))
		trim_noise(s->t, &a, &b);
	if (b > a && !page_number_line(s, a, b))
		spanvec_push(s->out, a, b);
	s->start = next;
	s->paren = s->bracket = 0;
}

/* Nothing but white space (and bullets) between the sentence start and i. */
static int
at_sentence_start(const struct seg *s, size_t i)
{
	size_t p = s->start;
	long cp;
	int l;

	while (p < i) {
		if ((l = space_len(s->t, i, p)) > 0) {
			p += (size_t)l;
			continue;
		}
		cp = cp_at(s->t, i, p, &l);
		if (!is_bullet_cp(cp) && cp != '-' && cp != '*')
			return 0;
		p += (size_t)l;
	}
	return 1;
}

/* Looks at what follows position i: white space, opening marks, a word. */
static void
look_ahead(const struct seg *s, size_t i, struct next *nx)
{
	const char *t = s->t;
	size_t p, n = s->n;
	long cp;
	int l;

	memset(nx, 0, sizeof(*nx));
	p = nx->pos = skip_space(t, n, i);
	if (p >= n) {
		nx->cls = N_END;
		return;
	}
	for (;;) {
		cp = cp_at(t, n, p, &l);
		if (is_open_mark(cp)) {
			nx->opened = 1;
			nx->paren |= cp == '(';
		} else if (is_dash(cp)) {
			nx->dash = 1;
		} else {
			break;
		}
		p += (size_t)l;
		p = skip_space(t, n, p);
		if (p >= n) {
			nx->cls = N_OTHER;
			return;
		}
	}
	nx->word = p;
	if (is_upper(cp))
		nx->cls = N_UPPER;
	else if (is_lower(cp))
		nx->cls = N_LOWER;
	else if (is_digit(cp))
		nx->cls = N_DIGIT;
	else if (!nx->opened && !nx->dash && (cp == ',' || cp == ';' || cp == ':' ||
	    cp == ')' || cp == ']'))
		nx->cls = N_PUNCT;
	else
		nx->cls = N_OTHER;
	while (p < n && is_alpha(cp)) {
		p += (size_t)l;
		cp = cp_at(t, n, p, &l);
	}
	nx->wlen = p - nx->word;
}

static unsigned
next_flags(const struct seg *s, const struct next *nx)
{
	return sent_word_flags(s->t + nx->word, nx->wlen);
}

/* The next word is a capitalised usual sentence opener ("The", "He"). */
static int
next_is_opener(const struct seg *s, const struct next *nx)
{
	return nx->cls == N_UPPER && (next_flags(s, nx) & SENT_W_STARTER);
}

/* ---- List markers ---- */

static int
roman_value(const char *p, size_t n)
{
	static const char digits[] = "ivxlc";
	static const int vals[] = { 1, 5, 10, 50, 100 };
	int total = 0, prev = 0, v;
	size_t k;
	const char *d;

	for (k = n; k-- > 0;) {
		d = strchr(digits, p[k] | 32);
		if (d == NULL || p[k] == '\0')
			return 0;
		v = vals[d - digits];
		total += v < prev ? -v : v;
		prev = v > prev ? v : prev;
	}
	return total > 0 && total < 40 ? total : 0;
}

/*
 * Parses a list marker starting at p (a bullet may come first): "3.",
 * "3.)", "3)", "(3)", the same with a letter or a Roman numeral.  It must
 * be followed by white space and something more.
 */
static int
parse_marker(const struct seg *s, size_t p, struct marker *m)
{
	const char *t = s->t;
	size_t n = s->n, q, w;
	long cp;
	int l, paren = 0, upper = 0, lower = 0, digits = 0;

	cp = cp_at(t, n, p, &l);
	if (is_bullet_cp(cp))
		p += (size_t)l;
	m->start = p;
	if (p < n && t[p] == '(') {
		paren = 1;
		p++;
	}
	for (q = p; q < n && q - p < 5; q++) {
		unsigned char c = (unsigned char)t[q];

		if (c >= '0' && c <= '9')
			digits++;
		else if (c >= 'a' && c <= 'z')
			lower++;
		else if (c >= 'A' && c <= 'Z')
			upper++;
		else
			break;
	}
	w = q - p;
	if (w == 0 || q >= n)
		return 0;
	if (digits) {
		if (digits != (int)w || w > 2)
			return 0;
		m->kind = MK_DIGIT;
		m->num = atoi(t + p);
		m->roman = 0;
	} else {
		if (upper && lower)
			return 0;
		m->kind = upper ? MK_UPPER : MK_LOWER;
		m->roman = roman_value(t + p, w);
		if (w == 1)
			m->num = (t[p] | 32) - 'a' + 1;
		else if (m->roman)
			m->num = 0;
		else
			return 0;
	}
	if (paren) {
		if (t[q] != ')')
			return 0;
		m->punct = MP_BOTH;
		q++;
	} else if (t[q] == '.' && q + 1 < n && t[q + 1] == ')') {
		m->punct = MP_DOTPAREN;
		q += 2;
	} else if (t[q] == '.') {
		m->punct = MP_DOT;
		q++;
	} else if (t[q] == ')') {
		m->punct = MP_PAREN;
		q++;
	} else {
		return 0;
	}
	if (q >= n || space_len(t, n, q) == 0)
		return 0;
	w = skip_space(t, n, q);
	if (w >= n)
		return 0;
	cp = cp_at(t, n, w, &l);
	m->lower_next = is_lower(cp);
	m->end = q;
	return 1;
}

/* Finds every marker-shaped token of the paragraph once. */
static void
collect_markers(struct seg *s)
{
	size_t p;
	struct marker m;

	s->nmk = 0;
	for (p = 0; p < s->n && s->nmk < MAX_MARKERS; p++) {
		if (!space_before(s->t, p) && !(p > 0 && (unsigned char)s->t[p - 1] >= 0x80))
			continue;
		if (space_len(s->t, s->n, p) > 0)
			continue;
		if (parse_marker(s, p, &m)) {
			if (m.kind == MK_DIGIT && m.punct == MP_DOT && m.lower_next)
				continue;
			s->mk[s->nmk++] = m;
			p = m.end - 1;
		}
	}
}

static int
marker_follows(const struct marker *a, const struct marker *b, int step)
{
	if (a->kind != b->kind || a->punct != b->punct)
		return 0;
	if (a->num && b->num && b->num == a->num + step)
		return 1;
	return a->roman && b->roman && b->roman == a->roman + step;
}

/* How many markers run in sequence through m (m itself included). */
static int
marker_run(const struct seg *s, const struct marker *m)
{
	const struct marker *cur;
	int k, run = 1, found, dir;

	for (dir = -1; dir <= 1; dir += 2) {
		cur = m;
		do {
			found = 0;
			for (k = 0; k < s->nmk; k++) {
				if (marker_follows(cur, &s->mk[k], dir) &&
				    (dir > 0 ? s->mk[k].start > cur->start : s->mk[k].start < cur->start)) {
					cur = &s->mk[k];
					run++;
					found = 1;
					break;
				}
			}
		} while (found && run < 100);
	}
	return run;
}

/*
 * If the token from ts ending with the punctuation at i is a list marker
 * in a list, or a marker opening the sentence, returns the position just
 * past it (after cutting before it when a list goes on mid-paragraph);
 * otherwise 0.
 */
static size_t
try_marker(struct seg *s, size_t ts, size_t i)
{
	struct marker m;
	int start, inlist;

	if (!parse_marker(s, ts, &m) || m.end <= i || m.end > i + 2)
		return 0;
	if (m.kind == MK_DIGIT && m.punct == MP_DOT && m.lower_next)
		return 0;
	start = at_sentence_start(s, ts);
	if (s->nmk < 0)
		collect_markers(s);
	inlist = marker_run(s, &m) >= ((m.punct == MP_DOT && m.kind != MK_DIGIT) ? 3 : 2);
	if (!inlist && !start)
		return 0;
	if (inlist && !start)
		cut(s, ts, ts);
	return m.end;
}

/* ---- The word before a period ---- */

enum { P_EMPTY, P_WORD, P_NUMBER, P_ACRONYM, P_INITIAL, P_LETTER, P_ADDRESS, P_OTHER };

/* Start of the white-space-delimited token ending at i (not before from). */
static size_t
token_start(const char *t, size_t from, size_t i)
{
	while (i > from && !space_before(t, i))
		i--;
	return i;
}

/*
 * Classifies the token t[ts..te) before a period: a plain word, a number,
 * a dotted acronym (U.S, a.m, Ph.D), a single letter, a web or mail
 * address or file name, or something else.  *ws is where the word proper
 * starts, after opening marks.
 */
static int
classify_prev(const char *t, size_t ts, size_t te, size_t *ws)
{
	size_t p = ts, q, seg;
	long cp;
	int l, alpha = 0, digit = 0, other = 0, dots = 0, longseg = 0;

	while (p < te) {
		cp = cp_at(t, te, p, &l);
		if (!is_open_mark(cp) && !is_dash(cp))
			break;
		p += (size_t)l;
	}
	*ws = p;
	if (p >= te)
		return P_EMPTY;
	seg = 0;
	for (q = p; q < te; q += (size_t)l) {
		cp = cp_at(t, te, q, &l);
		if (cp == '@' || cp == '/' || cp == ':')
			return P_ADDRESS;
		if (cp == '.') {
			dots++;
			if (seg > 2)
				longseg = 1;
			seg = 0;
			continue;
		}
		seg++;
		if (is_alpha(cp))
			alpha++;
		else if (is_digit(cp))
			digit++;
		else if (cp != ',' && cp != '$' && cp != 0xA3 && cp != 0x20AC &&
		    cp != '%' && cp != '#' && cp != '+' && cp != '-')
			other++;
	}
	if (seg > 2)
		longseg = 1;
	if (digit && !alpha && !other)
		return P_NUMBER;
	if (dots) {
		if (!longseg && !digit && !other)
			return P_ACRONYM;
		return P_ADDRESS;
	}
	if (alpha == 1 && !digit && !other) {
		cp = cp_at(t, te, p, &l);
		return is_upper(cp) ? P_INITIAL : P_LETTER;
	}
	if (other || digit)
		return P_OTHER;
	return P_WORD;
}

/* The word before ts starts with a capital (a name goes on: "George W."). */
static int
prev_word_capitalised(const struct seg *s, size_t ts, int *exists)
{
	size_t p = ts, a;
	long cp;
	int l;

	while (p > s->start && space_before(s->t, p))
		p--;
	*exists = 0;
	if (p <= s->start)
		return 0;
	a = token_start(s->t, s->start, p);
	while (a < p) {
		cp = cp_at(s->t, p, a, &l);
		if (!is_open_mark(cp))
			break;
		a += (size_t)l;
	}
	if (a >= p)
		return 0;
	*exists = 1;
	cp = cp_at(s->t, p, a, &l);
	return is_upper(cp);
}

/* Words (white-space separated) in t[a..b). */
static int
words_between(const char *t, size_t a, size_t b)
{
	int words = 0, in = 0;

	for (; a < b; a++) {
		if (is_ascii_space((unsigned char)t[a]))
			in = 0;
		else if (!in && ++words)
			in = 1;
	}
	return words;
}

/* True if "am"/"pm" written with periods: a.m, P.M */
static int
is_ampm(const char *w, size_t n)
{
	return n == 3 && (w[0] == 'a' || w[0] == 'p' || w[0] == 'A' || w[0] == 'P') &&
	    w[1] == '.' && (w[2] == 'm' || w[2] == 'M');
}

/* The token before ts is a number ("10 p.m."). */
static int
number_before(const struct seg *s, size_t ts)
{
	size_t p = ts;

	while (p > s->start && space_before(s->t, p))
		p--;
	return p > s->start && s->t[p - 1] >= '0' && s->t[p - 1] <= '9';
}

/* Inside brackets that close further on: "(see p. 4. Also ...)" holds. */
static int
inside_brackets(const struct seg *s, size_t k)
{
	size_t p, lim = k + 300 < s->n ? k + 300 : s->n;

	if (s->paren <= 0 && s->bracket <= 0)
		return 0;
	for (p = k; p < lim; p++) {
		if ((s->t[p] == ')' && s->paren > 0) || (s->t[p] == ']' && s->bracket > 0))
			return 1;
		if (s->t[p] == '(' || s->t[p] == '[')
			return 0;
	}
	return 0;
}

/* A lower-case pronoun then a reporting verb: "! he yelled" goes on. */
static int
attribution_follows(const struct seg *s, const struct next *nx)
{
	static const char *const pron[] = { "he", "she", "they", "we", "i", "you", "it", NULL };
	const char *w = s->t + nx->word;
	size_t p;
	struct next nx2;
	int k;

	if (sent_word_flags(w, nx->wlen) & SENT_W_SPEECH)
		return 1;
	for (k = 0; pron[k] != NULL; k++)
		if (strlen(pron[k]) == nx->wlen && memcmp(pron[k], w, nx->wlen) == 0)
			break;
	if (pron[k] == NULL)
		return 0;
	p = nx->word + nx->wlen;
	look_ahead(s, p, &nx2);
	return nx2.cls == N_LOWER && (sent_word_flags(s->t + nx2.word, nx2.wlen) & SENT_W_SPEECH);
}

/* The word at p is a common web domain ending written as a word: "Com". */
static int
is_domain_suffix(const char *p, size_t n)
{
	static const char *const tld[] = { "com", "net", "org", "edu", "gov", NULL };
	size_t w, k;

	for (w = 0; w < n && is_alpha((unsigned char)p[w]); w++)
		;
	for (k = 0; tld[k] != NULL; k++)
		if (w == 3 && strncasecmp(p, tld[k], 3) == 0)
			return 1;
	return 0;
}

/* t[a..b) is a whole number, maybe with thousands commas or a currency sign. */
static int
plain_number(const char *t, size_t a, size_t b)
{
	size_t p;
	int digits = 0;

	for (p = a; p < b; p++) {
		if (t[p] >= '0' && t[p] <= '9')
			digits++;
		else if (t[p] != ',' && !(p == a && t[p] == '$'))
			return 0;
	}
	return digits > 0 && t[b - 1] != ',';
}

/* The letters at k run to white space or sentence punctuation, not on into an address. */
static int
word_then_space(const struct seg *s, size_t k)
{
	size_t p = k;

	while (p < s->n && is_alpha((unsigned char)s->t[p]))
		p++;
	if (p == s->n || space_len(s->t, s->n, p))
		return 1;
	return (s->t[p] != '\0' && strchr(",;:!?'\"", s->t[p]) != NULL) ||
	    (s->t[p] == '.' && (p + 1 == s->n || space_len(s->t, s->n, p + 1)));
}

/*
 * Glued sentences: "Russia.We" (a lower-case word, the mark, a capitalised
 * word) ends, unless the whole token looks like an address or file name.
 */
static int
glued_end(const struct seg *s, size_t ts, size_t i, size_t k)
{
	const char *t = s->t;
	size_t p;
	long cp;
	int l, lowers = 0;

	cp = cp_at(t, s->n, k, &l);
	if (!is_upper(cp))
		return 0;
	cp = cp_at(t, s->n, k + (size_t)l, &l);
	if (!is_lower(cp))
		return 0;
	if (plain_number(t, ts, i))
		return word_then_space(s, k);	/* "bought 1,000.That is a lot." */
	for (p = ts; p < i; p++) {
		if (t[p] == '@' || t[p] == '/' || t[p] == ':' || t[p] == '.' || t[p] == '_')
			return 0;
		if (t[p] >= 'a' && t[p] <= 'z')
			lowers++;
		else if (t[p] >= '0' && t[p] <= '9')
			return 0;
	}
	if (lowers < 2 || !(t[i - 1] >= 'a' && t[i - 1] <= 'z'))
		return 0;
	if (is_domain_suffix(t + k, s->n - k))
		return 0;	/* "Newsfeed.Com" */
	for (p = k; p < s->n && !space_len(t, s->n, p); p++) {
		if (t[p] == '@' || t[p] == '/' || t[p] == '_')
			return 0;
		if ((t[p] == '.' || t[p] == ':') && p + 1 < s->n && is_alpha((unsigned char)t[p + 1]))
			return 0;
	}
	return 1;
}

/*
 * An emoticon standing as a word at p (":-)", ";)", ":P", ":((", ":'("):
 * returns its length, or 0.  Web writers end sentences with them.
 */
static size_t
emoticon_at(const struct seg *s, size_t p)
{
	const char *t = s->t;
	size_t q = p + 1, m;

	if (p >= s->n || (t[p] != ':' && t[p] != ';') || !space_before(t, p))
		return 0;
	if (q < s->n && (t[q] == '-' || t[q] == '\''))
		q++;
	for (m = q; m < s->n && strchr(")(DPpOo3][|*$@/\\", t[m]) != NULL && t[m] != '\0'; m++)
		;
	if (m == q || m - q > 4)
		return 0;
	/* ":/" is a mouth only alone: "x :/dev" is not one */
	if (m < s->n && !space_len(t, s->n, m))
		return 0;
	return m - p;
}

/* ---- Candidate ends ---- */

/* How a run of terminal marks reads. */
struct run {
	size_t	end;		/* just past the marks */
	int	dots;		/* periods (an ellipsis counts three) */
	int	spaced;		/* ". . ." written with spaces */
	int	bang;		/* a ? or ! */
	int	wide;		/* a CJK or full-width mark */
};

static void
read_run(const struct seg *s, size_t i, struct run *r)
{
	const char *t = s->t;
	size_t n = s->n, p = i;
	long cp;
	int l, lastdot = 0;

	memset(r, 0, sizeof(*r));
	while (p < n) {
		cp = cp_at(t, n, p, &l);
		if (cp == '.' || cp == 0xFF0E || cp == 0x3002 || cp == 0xFF61) {
			r->dots++;
			lastdot = 1;
			r->wide |= cp != '.';
		} else if (cp == 0x2026) {
			r->dots += 3;
			lastdot = 1;
		} else if (is_terminal_cp(cp)) {
			r->bang = 1;
			lastdot = 0;
			r->wide |= is_wide_terminal(cp);
		} else if (cp == ' ' && lastdot && p + 1 < n && t[p + 1] == '.' &&
		    (p + 2 >= n || !(is_alpha((unsigned char)t[p + 2]) || is_digit(t[p + 2])))) {
			r->spaced = 1;
		} else {
			break;
		}
		p += (size_t)l;
	}
	r->end = p;
}

/*
 * Closing marks after the run: quotes, brackets, footnote references
 * ("[12]"), more terminal marks.  Returns where they end; *closed says a
 * quote or bracket was among them.
 */
static size_t
read_closers(struct seg *s, size_t p, int *closed)
{
	const char *t = s->t;
	size_t n = s->n, q;
	long cp, after;
	int l, l2;

	*closed = 0;
	while (p < n) {
		cp = cp_at(t, n, p, &l);
		if (cp == ')' || cp == ']' || cp == '}') {
			if (cp == ')' && s->paren > 0)
				s->paren--;
			else if (cp == ']' && s->bracket > 0)
				s->bracket--;
			*closed = 1;
		} else if (cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x201C) {
			/* A straight quote glued to a letter opens the next one. */
			after = cp_at(t, n, p + (size_t)l, &l2);
			if (is_alpha(after) || is_digit(after))
				break;
			quote_see(s, p, l);
			*closed = 1;
		} else if (is_close_quote(cp)) {
			quote_see(s, p, l);
			*closed = 1;
		} else if (cp == '[') {
			/* A footnote reference: [12], [3-5], [a] */
			for (q = p + 1; q < n && q - p < 12 &&
			    ((t[q] >= '0' && t[q] <= '9') || t[q] == '-' || t[q] == ',' ||
			    (t[q] >= 'a' && t[q] <= 'z' && q == p + 1)); q++)
				;
			if (q == p + 1 || q >= n || t[q] != ']')
				break;
			l = (int)(q + 1 - p);
		} else if (cp == '.' || cp == '?' || cp == '!' || cp == 0x2026) {
			;
		} else {
			break;
		}
		p += (size_t)l;
	}
	/* "the phrase. ' And": the open quotation closed by a mark set apart. */
	if (p < n && space_len(t, n, p)) {
		q = skip_space(t, n, p);
		if (q < n && ((t[q] == '\'' && s->q.sq) || (t[q] == '"' && s->q.dq)) &&
		    (q + 1 == n || space_len(t, n, q + 1))) {
			quote_see(s, q, 1);
			*closed = 1;
			p = q + 1;
		}
	}
	return p;
}

/* Superscript-style note numbers glued after the mark: "cold.12 The". */
static size_t
read_note_digits(const struct seg *s, size_t i, size_t p)
{
	const char *t = s->t;
	size_t n = s->n, q, last = p;
	long cp;
	size_t at;

	cp = cp_before(t, i, &at);
	if (!(is_lower(cp) || cp == ')' || cp == ']'))
		return p;
	for (;;) {
		for (q = last; q < n && q - last < 4 && t[q] >= '0' && t[q] <= '9'; q++)
			;
		if (q == last || q - last > 3 || (q < n && !space_len(t, n, q)))
			break;
		p = q;
		last = skip_space(t, n, q);
		if (last >= n || !(t[last] >= '0' && t[last] <= '9'))
			break;
	}
	return p;
}

/*
 * Note references that follow the end after a space belong to the
 * sentence they annotate: "Dulwich. [17] Placed", "anyway. [...]",
 * "rights. 4 Even though".  Returns the new end.
 */
static size_t
read_notes_after(const struct seg *s, size_t i, size_t k)
{
	const char *t = s->t;
	size_t n = s->n, p, q;
	long cp;
	size_t at;

	for (;;) {
		p = skip_space(t, n, k);
		if (p >= n)
			return k;
		if (t[p] == '[') {
			for (q = p + 1; q < n && q - p < 10 && ((t[q] >= '0' && t[q] <= '9') ||
			    t[q] == '.' || t[q] == ',' || t[q] == '-'); q++)
				;
			if (q < n && t[q] == ']' && q > p + 1) {
				k = q + 1;
				continue;
			}
			if (q == p + 1 && n - q >= 4 && memcmp(t + q, "\xe2\x80\xa6]", 4) == 0) {
				k = q + 4;
				continue;
			}
			return k;
		}
		if (t[p] >= '0' && t[p] <= '9' && t[i] == '.') {
			for (q = p; q < n && q - p < 3 && t[q] >= '0' && t[q] <= '9'; q++)
				;
			cp = cp_before(t, i, &at);
			if (q - p <= 2 && q < n && t[q] == ' ' && q + 1 < n &&
			    t[q + 1] >= 'A' && t[q + 1] <= 'Z' && (is_lower(cp) || cp == ')'))
				return q;
		}
		return k;
	}
}

/* Decides an end after a single period; ts..i is the word before. */
static int
period_ends(struct seg *s, size_t i, int closed, const struct next *nx)
{
	size_t ts, ws;
	unsigned flags = 0;
	int kind, exists;

	ts = token_start(s->t, s->start, i);
	kind = classify_prev(s->t, ts, i, &ws);
	if (nx->cls == N_PUNCT)
		return 0;
	if (kind != P_NUMBER && kind != P_ADDRESS && kind != P_EMPTY)
		flags = sent_word_flags(s->t + ws, i - ws);
	if (flags & SENT_W_TITLE)
		return 0;
	if ((flags & SENT_W_NUMBER) && nx->cls == N_DIGIT)
		return 0;
	/* "etc." closes lists, which close sentences: any capital follows. */
	if (i - ws == 3 && strncasecmp(s->t + ws, "etc", 3) == 0)
		return nx->cls == N_UPPER;
	if (flags & SENT_W_COMMON)
		return next_is_opener(s, nx);
	switch (kind) {
	case P_ACRONYM:
		if (is_ampm(s->t + ws, i - ws) && number_before(s, ts)) {
			/* "At 5 a.m. Mr. Lee left": a time phrase alone is no sentence. */
			if (words_between(s->t, s->start, ts) <= 2)
				return 0;
			return nx->cls == N_UPPER && !nx->paren;	/* "10 a.m. (EST)" */
		}
		return next_is_opener(s, nx);
	case P_INITIAL:
		if (prev_word_capitalised(s, ts, &exists) || !exists)
			return 0;
		return next_is_opener(s, nx);
	case P_NUMBER:
		return nx->cls != N_LOWER;
	default:
		if (nx->cls == N_LOWER && !closed && i - ws <= 3 && kind == P_WORD &&
		    is_lower((unsigned char)s->t[ws]) && number_before(s, ts))
			return 0;	/* a unit after a number: "3.5 in. long" */
		if (nx->cls == N_LOWER)
			return !closed && !nx->dash && (!nx->opened || nx->paren);
		return 1;
	}
}

/* The closing marks after the run at i hold a quote. */
static int
k_is_quote_close(const struct seg *s, size_t i)
{
	size_t p = i;
	long cp;
	int l;

	while (p < s->n) {
		cp = cp_at(s->t, s->n, p, &l);
		if (cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019)
			return 1;
		if (!is_terminal_cp(cp))
			return 0;
		p += (size_t)l;
	}
	return 0;
}

/*
 * Single quotes also mark elisions ('round, 'em, 'tis) and are often left
 * unmatched, so a single-quoted passage is only believed when short.
 */
#define SQUOTE_SPAN 400

/* The letters after an apostrophe at p make a known elision. */
static int
elision(const char *p, size_t n)
{
	static const char *const words[] = {
		"round", "em", "tis", "twas", "til", "cause", "bout", "n", "s", "d",
		"ll", "re", "ve", "m", "t", "nuff", "cos", "twere", NULL
	};
	size_t k, w;

	for (w = 0; w < n && ((p[w] | 32) >= 'a' && (p[w] | 32) <= 'z'); w++)
		;
	if (w < n && (p[w] == '\'' || (unsigned char)p[w] == 0xE2))
		return 0;	/* 'n' and the like are quoted letters */
	for (k = 0; words[k] != NULL; k++)
		if (strlen(words[k]) == w && strncasecmp(p, words[k], w) == 0)
			return 1;
	return 0;
}

/*
 * Which quotation is open at i: 0 none, 1 double, 2 single.  The scan
 * hands every quote mark to quote_see() once, in order, so the state is
 * always current.
 */
#define QUOTE_WINDOW 4096

static void
quote_see(struct seg *s, size_t p, int l)
{
	const char *t = s->t;
	struct quotes *q = &s->q;
	long cp, next, prev;
	size_t at;
	int l2, opening;

	cp = cp_at(t, s->n, p, &l2);
	if (cp == 0x201C) {
		q->dq = 1;
		return;
	}
	if (cp == 0x201D) {
		q->dq = 0;
		return;
	}
	prev = p > 0 ? cp_before(t, p, &at) : ' ';
	next = cp_at(t, s->n, p + (size_t)l, &l2);
	opening = (prev == ' ' || prev == '(' || prev == '[' || is_dash(prev) ||
	    u8_isspace(prev)) && (is_alpha(next) || is_digit(next) || next == 0x2026 ||
	    next == '.' || is_open_mark(next));
	if (cp == '"')
		q->dq = q->dq ? 0 : opening;
	else if (opening && cp != 0x2019 && !elision(t + p + l, s->n - p - (size_t)l)) {
		q->sq = 1;
		q->sqpos = p;
	} else if (q->sq && !(is_alpha(next) || is_digit(next)))
		q->sq = 0;
}

static int
quote_open_at(const struct seg *s, size_t i)
{
	return s->q.dq ? 1 : (s->q.sq && i - s->q.sqpos <= SQUOTE_SPAN) ? 2 : 0;
}

/* A quotation of that kind closes within the next QUOTE_WINDOW bytes. */
static int
quote_closes_after(const struct seg *s, size_t k, int which)
{
	const char *t = s->t;
	size_t span = which == 2 ? SQUOTE_SPAN : QUOTE_WINDOW;
	size_t p, lim = k + span < s->n ? k + span : s->n;
	long cp, next;
	int l, l2;

	for (p = k; p < lim; p += (size_t)l) {
		cp = cp_at(t, lim, p, &l);
		/* a straight quote between a space and a word opens another */
		if (which == 1 && (cp == 0x201D || (cp == '"' && !(space_before(t, p) &&
		    p + 1 < lim && (is_alpha((unsigned char)t[p + 1]) || t[p + 1] == '\'')))))
			return 1;
		if (which == 2 && (cp == '\'' || cp == 0x2019) && p > 0 &&
		    !space_before(t, p)) {
			next = cp_at(t, s->n, p + (size_t)l, &l2);
			if (!is_alpha(next) && !is_digit(next))
				return 1;
		}
	}
	return 0;
}

/* Decides an end after ? or ! (maybe mixed with periods). */
static int
bang_ends(struct seg *s, size_t i, size_t runlen, int closed, const struct next *nx)
{
	size_t ts, ws;

	if (nx->cls == N_PUNCT)
		return 0;
	ts = token_start(s->t, s->start, i);
	classify_prev(s->t, ts, i, &ws);
	if (s->t[i] == '!' && ws < i && (sent_word_flags(s->t + ws, i - ws) & SENT_W_BANG))
		return next_is_opener(s, nx);
	if (nx->cls == N_LOWER)
		return !closed && !nx->dash && !attribution_follows(s, nx);
	/*
	 * An exclamation inside a quotation goes on ("The Queen! The Queen!"),
	 * but a doubled one ("!!", "?!") is web writing, where a quoted
	 * review runs on for sentences: "Great store!! I love it."
	 */
	if (!closed) {
		int q = quote_open_at(s, i);

		if (q && runlen == 1 && quote_closes_after(s, i, q))
			return 0;
	} else if (nx->paren && k_is_quote_close(s, i)) {
		return 0;	/* 'Stop!' (she didn't.) */
	}
	return 1;
}

/*
 * A terminal mark at i (len bytes).  Reads the whole run and what closes
 * it, decides, cuts if it is an end, and returns where the scan goes on.
 */
static size_t
on_terminal(struct seg *s, size_t i)
{
	const char *t = s->t;
	size_t k, ts, m;
	struct run r;
	struct next nx;
	int closed, end, glued;

	/* A "!" or "?" opening a word is a letter ("!Kung"), not an end. */
	if (space_before(t, i) && i + 1 < s->n && (t[i] == '!' || t[i] == '?') &&
	    !space_len(t, s->n, i + 1) && t[i + 1] != '!' && t[i + 1] != '?')
		return i + 1;
	/* "Fax:? 555": a "?" glued to a colon stands for a lost character. */
	if (t[i] == '?' && i > 0 && t[i - 1] == ':')
		return i + 1;
	if (t[i] == '.') {
		ts = token_start(t, s->start, i);
		if (ts < i && (m = try_marker(s, ts, i)) != 0)
			return m;
	}
	read_run(s, i, &r);
	/* "[...]" and "(...)" mark an omission, not an end. */
	if (r.dots >= 3 && !r.bang && i > 0 && (t[i - 1] == '[' || t[i - 1] == '(') &&
	    r.end < s->n && (t[r.end] == ']' || t[r.end] == ')'))
		return r.end;
	k = read_closers(s, r.end, &closed);
	if (!r.bang && r.dots == 1 && !r.wide)
		k = read_note_digits(s, i, k);
	if (k < s->n && space_len(t, s->n, k) && !r.wide)
		k = read_notes_after(s, i, k);
	if (k >= s->n) {
		cut(s, s->n, s->n);
		return s->n;
	}
	glued = !space_len(t, s->n, k);
	if (glued) {
		long cp;
		int l;

		if (r.wide) {
			cut(s, k, k);
			return k;
		}
		cp = cp_at(t, s->n, k, &l);
		/* "Russia.“We had": an opening quote glued to the end. */
		if ((cp == 0x201C || cp == '"' || cp == 0x2018) && r.dots <= 1) {
			look_ahead(s, k, &nx);
			if (nx.cls == N_UPPER && !inside_brackets(s, k)) {
				cut(s, k, k);
				return k;
			}
			return k;
		}
		if (r.dots == 1 && !r.bang && k == r.end) {
			ts = token_start(t, s->start, i);
			if (glued_end(s, ts, i, k) && !inside_brackets(s, k)) {
				cut(s, k, k);
				return k;
			}
		} else if (r.bang && k == r.end && glued_end(s, token_start(t, s->start, i), i, k)) {
			cut(s, k, k);
			return k;
		}
		return k > r.end ? k : r.end;
	}
	look_ahead(s, k, &nx);
	/* "Great! :-) See you": the emoticon belongs to the sentence it ends. */
	if (nx.cls == N_PUNCT && (m = emoticon_at(s, nx.pos)) != 0) {
		k = nx.pos + m;
		look_ahead(s, k, &nx);
		if (nx.cls == N_END) {
			cut(s, s->n, s->n);
			return s->n;
		}
	}
	if (r.spaced) {
		/* "compounds. . . . The": the glued period ends, the dots open the next. */
		if (!space_before(t, i) && r.dots >= 4 && nx.cls == N_UPPER) {
			cut(s, i + 1, i + 1);
			return k;
		}
		end = r.dots >= 4 && (nx.cls == N_UPPER || nx.cls == N_END);
		/* ". . . This operation": three spaced dots, then an opener. */
		if (r.dots == 3 && next_is_opener(s, &nx) && !(nx.wlen == 1 && t[nx.word] == 'I'))
			end = 1;
	} else if (r.wide) {
		end = 1;
	} else if (r.dots >= 2 && !r.bang) {
		end = nx.cls == N_UPPER || (nx.cls == N_OTHER && !nx.opened);
		/* "I" after "..." may go on; ".." is a period typed twice. */
		if (nx.cls == N_UPPER && nx.wlen == 1 && t[nx.word] == 'I')
			end = r.dots > 3 || r.end - i == 2;
		/* "pretty cool... http://...": a web address starts anew. */
		if (nx.cls == N_LOWER && !nx.opened && (s->n - nx.word >= 7 &&
		    (memcmp(t + nx.word, "http://", 7) == 0 || memcmp(t + nx.word, "https:/", 7) == 0 ||
		    memcmp(t + nx.word, "www.", 4) == 0)))
			end = 1;
	} else if (r.bang) {
		end = bang_ends(s, i, r.end - i, closed, &nx);
	} else {
		end = period_ends(s, i, closed, &nx);
	}
	/* "Score?............ 9": dot leaders before a page number. */
	if (end && r.dots >= 5 && !r.spaced && nx.cls == N_DIGIT)
		end = 0;
	if (end && inside_brackets(s, k))
		end = 0;
	/* A period inside a single-quoted passage does not end the sentence. */
	if (end && !r.bang && !k_is_quote_close(s, i) && quote_open_at(s, i) == 2 &&
	    quote_closes_after(s, k, 2))
		end = 0;
	if (end)
		cut(s, k, k);
	return k;
}

/* A closing bracket: maybe the end of a list marker "a)" / "(iv)". */
static size_t
on_close(struct seg *s, size_t i)
{
	size_t ts, m;

	if (s->t[i] == ')') {
		ts = token_start(s->t, s->start, i);
		if (ts < i && (m = try_marker(s, ts, i)) != 0)
			return m;
		if (s->paren > 0)
			s->paren--;
	} else if (s->bracket > 0) {
		s->bracket--;
	}
	return i + 1;
}

/* A line break: PDF-style wraps (space, then a lower-case or "(" line) join. */
static size_t
on_newline(struct seg *s, size_t i)
{
	size_t q;
	long cp;
	int l;

	if (skip_space(s->t, i, s->start) >= i)
		return i + 1;		/* nothing in this sentence yet */
	q = skip_space(s->t, s->n, i);
	if (q >= s->n)
		return i + 1;
	if (i > 0 && (s->t[i - 1] == ' ' || s->t[i - 1] == '\t')) {
		cp = cp_at(s->t, s->n, q, &l);
		if (cp == '(' || is_lower(cp))
			return i + 1;
	}
	cut(s, i, i + 1);
	return i + 1;
}

/* A bullet after white space starts a new sentence. */
static void
on_bullet(struct seg *s, size_t i)
{
	if (!space_before(s->t, i))
		return;
	if (!at_sentence_start(s, i))
		cut(s, i, i);
}

/* ---- Web and mail text: stamps, separators, addresses, sign-offs ---- */

/*
 * The word after p is in lower case: prose goes on ("This cottage is"),
 * where a title would go on in capitals ("Meet The Fockers").
 */
static int
prose_follows(const struct seg *s, size_t p)
{
	struct next nx;

	look_ahead(s, p, &nx);
	return nx.cls == N_LOWER && !nx.opened;
}

static size_t
digits_at(const char *t, size_t n, size_t p, size_t max)
{
	size_t q = p;

	while (q < n && q - p < max && t[q] >= '0' && t[q] <= '9')
		q++;
	return q - p;
}

/*
 * A mail header stamp "08/17/2000 11:21 AM" starting at p: returns its
 * end, or 0.
 */
static size_t
stamp_end(const char *t, size_t n, size_t p)
{
	size_t d;
	int part;

	for (part = 0; part < 3; part++) {
		d = digits_at(t, n, p, 4);
		if (d == 0 || (part < 2 && d > 2))
			return 0;
		p += d;
		if (part < 2) {
			if (p >= n || t[p] != '/')
				return 0;
			p++;
		}
	}
	if (p >= n || t[p] != ' ')
		return 0;
	p++;
	for (part = 0; part < 3; part++) {
		d = digits_at(t, n, p, 2);
		if (d == 0)
			return part < 2 ? 0 : p - 1;
		p += d;
		if (p < n && t[p] == ':' && part < 2)
			p++;
		else
			break;
	}
	if (p + 3 <= n && t[p] == ' ' && (t[p + 1] == 'A' || t[p + 1] == 'P' ||
	    t[p + 1] == 'a' || t[p + 1] == 'p') && (t[p + 2] == 'M' || t[p + 2] == 'm') &&
	    (p + 3 == n || space_len(t, n, p + 3)))
		return p + 3;
	return 0;
}

/* The word before p starts in lower case ("at 3/9/2005 ...", "on ..."). */
static int
lower_word_before(const struct seg *s, size_t p)
{
	size_t a;
	long cp;
	int l;

	while (p > s->start && space_before(s->t, p))
		p--;
	if (p <= s->start)
		return 0;
	a = token_start(s->t, s->start, p);
	cp = cp_at(s->t, p, a, &l);
	return is_lower(cp);
}

static size_t
token_end(const char *t, size_t n, size_t p)
{
	while (p < n && !space_len(t, n, p))
		p++;
	return p;
}

/* A slash: a mail stamp ("Smith 08/17/2000 11:21 AM Text"), or a web address. */
static size_t
on_slash(struct seg *s, size_t i)
{
	const char *t = s->t;
	size_t ts, e, p;
	struct next nx;

	if (i == 0)
		return i + 1;
	if (t[i - 1] >= '0' && t[i - 1] <= '9') {
		ts = token_start(t, s->start, i);
		if ((e = stamp_end(t, s->n, ts)) == 0)
			return i + 1;
		if (ts > s->start && !at_sentence_start(s, ts) && !lower_word_before(s, ts))
			cut(s, ts, ts);
		if (skip_space(t, s->n, e) < s->n)
			cut(s, e, e);
		return e;
	}
	/* "http://a.b/c http://d.e/f" and "http://a.b/c It is...": one a sentence. */
	if (t[i - 1] == ':' && i + 1 < s->n && t[i + 1] == '/') {
		e = token_end(t, s->n, i);
		/* Trailing punctuation is the sentence's, not the address's. */
		for (p = e; p > i + 2 && strchr(".?!,;:)]\"'", t[p - 1]) != NULL; p--)
			;
		if (p < e)
			return p;
		p = skip_space(t, s->n, e);
		if (p >= s->n || p == e)
			return e;
		if ((s->n - p >= 7 && memcmp(t + p, "http", 4) == 0) ||
		    (s->n - p >= 4 && memcmp(t + p, "www.", 4) == 0)) {
			cut(s, e, e);
			return e;
		}
		look_ahead(s, e, &nx);
		if (!nx.opened && next_is_opener(s, &nx) && t[e - 1] != '.')
			cut(s, e, e);
		return e;
	}
	return i + 1;
}

/* Separator lines: "***", "=====", "----", "***NOTICE***" stand alone. */
static size_t
on_rule_char(struct seg *s, size_t i)
{
	const char *t = s->t;
	size_t e, q, lead, trail;
	char c = t[i];

	if (i + 2 >= s->n || t[i + 1] != c || t[i + 2] != c || !space_before(t, i))
		return i + 1;
	e = token_end(t, s->n, i);
	for (q = i; q < e && t[q] == c; q++)
		;
	lead = q - i;
	for (q = e; q > i && t[q - 1] == c; q--)
		;
	trail = e - q;
	if (lead < 3 || (lead != e - i && trail < 3))
		return i + 1;
	/* "cut off --- do you know": a long dash inside a sentence. */
	if (lead == e - i) {
		struct next nx;

		look_ahead(s, e, &nx);
		if (nx.cls == N_LOWER && !nx.opened)
			return e;
	}
	if (!at_sentence_start(s, i))
		cut(s, i, i);
	if (skip_space(t, s->n, e) < s->n)
		cut(s, e, e);
	return e;
}

/* ">>" closing an attachment note ("<< File: a.doc >> Thanks") ends a sentence. */
static size_t
on_gt(struct seg *s, size_t i)
{
	struct next nx;

	if (i + 1 >= s->n || s->t[i + 1] != '>' || i == 0 || s->t[i - 1] == '>')
		return i + 1;
	if (i + 2 < s->n && !space_len(s->t, s->n, i + 2))
		return i + 2;
	look_ahead(s, i + 2, &nx);
	if (nx.cls == N_UPPER || nx.cls == N_DIGIT)
		cut(s, i + 2, i + 2);
	return i + 2;
}

/*
 * t[a..b) is the name or names a message opens with: one to max
 * capitalised words ("and" and commas may join them), the first of them
 * not a known word ("Well", "Today", "Mr").
 */
static int
addressee(const struct seg *s, size_t a, size_t b, int max)
{
	const char *t = s->t;
	size_t p = a, w;
	int words = 0;
	long cp;
	int l;

	b = trim_end(t, a, b);
	while (p < b) {
		for (w = p; w < b && !space_len(t, b, w) && t[w] != ','; w++)
			;
		if (w == p)
			return 0;
		cp = cp_at(t, b, p, &l);
		if (words > 0 && w - p == 3 && memcmp(t + p, "and", 3) == 0) {
			/* joins two names */
		} else if (!is_upper(cp)) {
			return 0;
		} else if (++words > max) {
			return 0;
		} else if (words == 1 && (sent_word_flags(t + p, w - p) != 0 ||
		    (w - p > 2 && t[w - 2] == 'l' && t[w - 1] == 'y'))) {
			return 0;
		}
		for (; w < b && !is_alpha((unsigned char)t[w]); w++)
			if (t[w] != ',' && !is_ascii_space((unsigned char)t[w]))
				return 0;
		p = w;
	}
	return words > 0;
}

/*
 * A comma right after a greeting or sign-off that opens the sentence:
 * "Thanks, John", "Hi, Yes", "Dear Ann, I...".
 */
static size_t
on_comma(struct seg *s, size_t i)
{
	const char *t = s->t;
	size_t a, b;
	struct next nx;

	if (i - s->start > 24)
		return i + 1;
	a = skip_space(t, i, s->start);
	b = i;
	if (b - a > 5 && (t[a] == 'D' || t[a] == 'd') && strncmp(t + a + 1, "ear ", 4) == 0) {
		if (memchr(t + a + 5, ' ', b - a - 5) != NULL)
			return i + 1;	/* one name after "Dear" */
	} else if (b <= a || !(sent_word_flags(t + a, b - a) & SENT_W_GREETING)) {
		return i + 1;
	}
	look_ahead(s, i + 1, &nx);
	if (nx.cls == N_UPPER && !nx.opened && nx.pos > i + 1)
		cut(s, i + 1, i + 1);
	return i + 1;
}

/*
 * A dash after a dateline in capitals ends it: "TEHRAN (AFP) - An
 * international contest...".
 */
static size_t
on_dash(struct seg *s, size_t i, size_t len)
{
	const char *t = s->t;
	size_t p, e = i + len;
	int caps = 0, depth = 0;
	struct next nx;

	if (len == 1 && e < s->n && t[e] == '-')
		e++;
	if (!space_before(t, i) || e >= s->n || !space_len(t, s->n, e))
		return e;
	if (at_sentence_start(s, i)) {
		/* "... five years. -- Posted by": a signature rule after a sentence. */
		if (e - i == 2 && t[i] == '-' && s->out->n > 0) {
			look_ahead(s, e, &nx);
			if (nx.cls == N_UPPER)
				cut(s, e, e);
		}
		return e;
	}
	/*
	 * "Anna and Tom - Just a note": names a message opens with, then
	 * prose ("Sophie Scholl - The Final Days" is a title).
	 */
	if (i - s->start <= 40 && addressee(s, skip_space(t, i, s->start), i, 4)) {
		look_ahead(s, e, &nx);
		if (!nx.opened && next_is_opener(s, &nx) &&
		    prose_follows(s, nx.word + nx.wlen)) {
			cut(s, e, e);
			return e;
		}
	}
	for (p = s->start; p < i; p++) {
		unsigned char c = (unsigned char)t[p];

		if (c == '(')
			depth++;
		else if (c == ')')
			depth--;
		else if (depth == 0 && c >= 'a' && c <= 'z')
			return e;
		else if (depth == 0 && c >= 'A' && c <= 'Z')
			caps++;
	}
	/* Two capitals are a note ("PS -- There is"), not a place name. */
	if (caps >= 3 && skip_space(t, s->n, e) < s->n)
		cut(s, e, e);
	return e;
}

/* An emoticon ends the sentence before the next word: "fun :-) See you". */
static size_t
on_colon(struct seg *s, size_t i)
{
	struct next nx;
	size_t m, e;

	if ((m = emoticon_at(s, i)) == 0)
		return i + 1;
	e = i + m;
	look_ahead(s, e, &nx);
	if (nx.cls == N_UPPER || nx.cls == N_DIGIT)
		cut(s, e, e);
	return e;
}

/*
 * A mail address ends a header line or signature: "Email: ann@example.com
 * Groups: ..." and "<bob@example.org> The ..." start a sentence at the
 * capital after it.
 */
static size_t
on_at(struct seg *s, size_t i)
{
	const char *t = s->t;
	size_t ts, e, p, dot = 0;
	struct next nx;

	ts = token_start(t, s->start, i);
	e = token_end(t, s->n, i);
	if (ts == i || (!is_alpha((unsigned char)t[i - 1]) && !is_digit((unsigned char)t[i - 1]) &&
	    t[i - 1] != '.' && t[i - 1] != '_'))
		return i + 1;
	/* Sentence punctuation after the address is left to its handlers. */
	for (p = i + 1; p < e; p++) {
		if (t[p] != '\0' && strchr(".!?,;:", t[p]) != NULL &&
		    (p + 1 == e || (t[p + 1] != '\0' && strchr(".!?,;:)]\"'>", t[p + 1]) != NULL)))
			return p;
		if (t[p] == '.')
			dot = p;
		else if (!is_alpha((unsigned char)t[p]) && !is_digit((unsigned char)t[p]) &&
		    t[p] != '-' && t[p] != '>' && t[p] != ')' && t[p] != '"')
			return i + 1;
	}
	if (dot == 0 || dot + 1 >= e || !is_alpha((unsigned char)t[dot + 1]))
		return i + 1;
	look_ahead(s, e, &nx);
	if (nx.cls == N_UPPER && !nx.opened && !nx.dash)
		cut(s, e, e);
	return e;
}

/*
 * A caption label run into its text: "Figure 1.5 Residents of the town
 * ...", "Table 3 The sample".  Returns 1 if it cut.
 */
static int
caption_run(struct seg *s)
{
	static const char *const label[] = { "Figure", "Fig", "Table", "Image", "Photo",
	    "Map", "Chart", "Plate", "Exhibit", NULL };
	const char *t = s->t;
	size_t p, w, d;
	struct next nx;
	int k;

	p = skip_space(t, s->n, 0);
	for (w = p; w < s->n && is_alpha((unsigned char)t[w]); w++)
		;
	for (k = 0; label[k] != NULL; k++)
		if (strlen(label[k]) == w - p && memcmp(label[k], t + p, w - p) == 0)
			break;
	if (label[k] == NULL || w >= s->n || t[w] != ' ')
		return 0;
	d = w + 1;
	if (d >= s->n || !is_digit((unsigned char)t[d]))
		return 0;
	while (d < s->n && (is_digit((unsigned char)t[d]) ||
	    (t[d] == '.' && d + 1 < s->n && is_digit((unsigned char)t[d + 1]))))
		d++;
	if (d >= s->n || t[d] != ' ')
		return 0;
	look_ahead(s, d, &nx);
	if (nx.cls != N_UPPER || nx.opened)
		return 0;
	cut(s, d, d);
	return 1;
}

/*
 * A heading run into its text at the start of a paragraph: "Lovely
 * Cottage This cottage is ...".  Two to six capitalised words, none of
 * them a usual opener or an abbreviation, then a capitalised pronoun or
 * determiner, which no name goes on with.
 */
static void
heading_run(struct seg *s)
{
	static const char *const det[] = { "The", "This", "These", "That", "Those", "It",
	    "We", "He", "She", "They", "You", "There", "My", "Our", "Your", "Their", "His",
	    "Its", NULL };
	const char *t = s->t;
	size_t p = 0, w;
	int words = 0, k;
	long cp;
	int l;

	if (caption_run(s))
		return;
	for (;;) {
		p = skip_space(t, s->n, p);
		for (w = p; w < s->n && is_alpha((unsigned char)t[w]); w++)
			;
		if (w == p || (w < s->n && !space_len(t, s->n, w)))
			return;		/* punctuation, digits or non-ASCII: not a plain heading */
		cp = cp_at(t, s->n, p, &l);
		if (!is_upper(cp))
			return;
		if (words >= 2)
			for (k = 0; det[k] != NULL; k++)
				if (strlen(det[k]) == w - p && memcmp(det[k], t + p, w - p) == 0) {
					if (prose_follows(s, w))
						cut(s, p, p);
					return;
				}
		if (++words > 6 || sent_word_flags(t + p, w - p) != 0)
			return;
		p = w;
	}
}

/* ---- The scan ---- */

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

/* Bytes that stop the scan. */
enum { B_SKIP, B_TERM, B_NL, B_OPEN, B_CLOSE, B_MB, B_SLASH, B_RULE, B_GT, B_COMMA, B_DASH,
	B_QUOTE, B_COLON, B_AT };

static const unsigned char byteclass[256] = {
	['.'] = B_TERM, ['?'] = B_TERM, ['!'] = B_TERM,
	['\n'] = B_NL, ['\r'] = B_NL,
	['('] = B_OPEN, ['['] = B_OPEN, [')'] = B_CLOSE, [']'] = B_CLOSE,
	['/'] = B_SLASH, ['*'] = B_RULE, ['='] = B_RULE, ['_'] = B_RULE,
	['~'] = B_RULE, ['-'] = B_DASH, ['>'] = B_GT, [','] = B_COMMA,
	['"'] = B_QUOTE, ['\''] = B_QUOTE, [':'] = B_COLON, [';'] = B_COLON, ['@'] = B_AT,
	[0xE2] = B_MB, [0xE3] = B_MB, [0xEF] = B_MB
};

size_t
sent_split(const char *t, size_t len, struct spanvec *out)
{
	struct seg s;
	struct marker marks[MAX_MARKERS];
	size_t i = 0;
	long cp;
	int l;

	memset(&s, 0, sizeof(s));
	s.t = t;
	s.n = len;
	s.out = out;
	s.mk = marks;
	s.nmk = -1;
	out->n = 0;
	heading_run(&s);
	i = s.start;
	while (i < len) {
		/* The common case: a run of bytes nothing stops at. */
		while (byteclass[(unsigned char)t[i]] == B_SKIP)
			if (++i == len)
				goto done;
		switch (byteclass[(unsigned char)t[i]]) {
		case B_SKIP:
			i++;
			break;
		case B_TERM:
			i = on_terminal(&s, i);
			break;
		case B_NL:
			i = on_newline(&s, i);
			break;
		case B_OPEN:
			if (t[i] == '(')
				s.paren++;
			else
				s.bracket++;
			i++;
			break;
		case B_CLOSE:
			i = on_close(&s, i);
			break;
		case B_SLASH:
			i = on_slash(&s, i);
			break;
		case B_RULE:
			i = on_rule_char(&s, i);
			break;
		case B_DASH:
			i = t[i + 1 < len ? i + 1 : i] == '-' && i + 2 < len && t[i + 2] == '-' ?
			    on_rule_char(&s, i) : on_dash(&s, i, 1);
			break;
		case B_GT:
			i = on_gt(&s, i);
			break;
		case B_COMMA:
			i = on_comma(&s, i);
			break;
		case B_QUOTE:
			quote_see(&s, i, 1);
			i++;
			break;
		case B_COLON:
			i = on_colon(&s, i);
			break;
		case B_AT:
			i = on_at(&s, i);
			break;
		default:
			cp = cp_at(t, len, i, &l);
			if (is_terminal_cp(cp))
				i = on_terminal(&s, i);
			else if (is_bullet_cp(cp)) {
				on_bullet(&s, i);
				i += (size_t)l;
			} else if (cp == 0x2013 || cp == 0x2014)
				i = on_dash(&s, i, (size_t)l);
			else if (cp >= 0x2018 && cp <= 0x201D) {
				quote_see(&s, i, l);
				i += (size_t)l;
			} else
				i += (size_t)l;
			break;
		}
	}
done:
	cut(&s, len, len);
	return out->n;
}
