/* feature.c -- the paragraph features lede-strip decides by. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "strip.h"

extern const struct lede_blob lede_blob_strip_stopwords;

/*
 * The stopwords of several languages in one open-addressing set: a line
 * of prose in any of them is dense with these, a menu or a headline list
 * is not.  Keys point into the compiled-in blob.
 */
#define STOP_SLOTS 4096		/* a power of two, well above the list's size */
#define STOP_MAXLEN 24		/* longer tokens are never looked up */

struct stop_slot {
	uint32_t	 hash;
	uint8_t		 len;
	const char	*word;
};
static struct stop_slot stopset[STOP_SLOTS];

static uint32_t
hash32(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int
add_stopword(const char *s, size_t n, void *arg)
{
	uint32_t h, i;

	(void)arg;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n > STOP_MAXLEN)
		return 0;
	h = hash32(s, n);
	for (i = h & (STOP_SLOTS - 1); stopset[i].word != NULL; i = (i + 1) & (STOP_SLOTS - 1))
		if (stopset[i].hash == h && stopset[i].len == n && memcmp(stopset[i].word, s, n) == 0)
			return 0;
	stopset[i].hash = h;
	stopset[i].len = (uint8_t)n;
	stopset[i].word = s;
	return 0;
}

static int
is_stopword(const char *s, size_t n)
{
	uint32_t h = hash32(s, n), i;

	for (i = h & (STOP_SLOTS - 1); stopset[i].word != NULL; i = (i + 1) & (STOP_SLOTS - 1))
		if (stopset[i].hash == h && stopset[i].len == n && memcmp(stopset[i].word, s, n) == 0)
			return 1;
	return 0;
}

void
features_init(void)
{
	blob_each_line(&lede_blob_strip_stopwords, add_stopword, NULL);
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

/* Features of one token s[0..n) (no spaces in it). */
struct tok {
	uint32_t	letters, upper, lower, digits, cps;
	int		first_upper, has_at, has_url, sentend;
	char		low[STOP_MAXLEN];
	size_t		lowlen;
	int		lowok;
	long		last_cp, last_core_cp;
};

static void
token(struct para *p, const char *s, size_t n, int last)
{
	struct tok t;
	size_t i = 0, start = 0, end = n;
	long cp;
	int len, seen_alnum = 0;

	memset(&t, 0, sizeof(t));
	t.lowok = 1;
	/* The core of the token for the stopword lookup: no edge punctuation. */
	while (start < n && !((unsigned char)s[start] & 0x80) &&
	    !((s[start] | 0x20) >= 'a' && (s[start] | 0x20) <= 'z') &&
	    !(s[start] >= '0' && s[start] <= '9'))
		start++;
	while (end > start && !((unsigned char)s[end - 1] & 0x80) &&
	    !((s[end - 1] | 0x20) >= 'a' && (s[end - 1] | 0x20) <= 'z') &&
	    !(s[end - 1] >= '0' && s[end - 1] <= '9'))
		end--;
	for (i = 0; i < n; i += (size_t)len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			len = 1;
			cp = c;
		} else if ((len = u8_decode(s + i, n - i, &cp)) < 0) {
			len = 1;
			cp = 0xFFFD;
		}
		t.cps++;
		if (cp < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : u8_isalpha(cp)) {
			int up = cp < 0x80 ? (c >= 'A' && c <= 'Z') : u8_isupper(cp);

			if (!seen_alnum)
				t.first_upper = up;
			seen_alnum = 1;
			t.letters++;
			if (up)
				t.upper++;
			else
				t.lower++;
		} else if (cp < 0x80 ? (c >= '0' && c <= '9') : u8_isdigit(cp)) {
			seen_alnum = 1;
			t.digits++;
		} else if (cp == '@' && i > 0 && i + 1 < n) {
			t.has_at = 1;
		}
		if (i >= start && i < end && t.lowok) {
			char enc[4];
			long lc = cp < 0x80 ? (long)((c >= 'A' && c <= 'Z') ? c | 0x20 : c) : u8_tolower(cp);
			int el = lc < 0x80 ? (enc[0] = (char)lc, 1) : u8_encode(lc, enc);

			if (t.lowlen + (size_t)el > sizeof(t.low))
				t.lowok = 0;
			else {
				memcpy(t.low + t.lowlen, enc, (size_t)el);
				t.lowlen += (size_t)el;
			}
		}
		if (!is_closer(cp))
			t.last_core_cp = cp;
		t.last_cp = cp;
	}
	if (n >= 4 && (memchr(s, ':', n) != NULL && n > 7 &&
	    (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0)))
		t.has_url = 1;
	else if (n >= 4 && memcmp(s, "www.", 4) == 0)
		t.has_url = 1;
	else if (n > 5 && (memcmp(s + n - 4, ".com", 4) == 0 || memcmp(s + n - 4, ".org", 4) == 0))
		t.has_url = 1;
	else if (s[0] == '#' && n > 1 && t.letters > 0)
		t.has_url = 1;	/* hashtags read like links */

	p->words++;
	if (t.letters > 0) {
		p->alpha++;
		if (t.first_upper)
			p->cap++;
		if (t.upper >= 2 && t.lower == 0)
			p->allcaps++;
	} else if (t.digits == 0) {
		long c0 = 0;

		(void)u8_decode(s, n, &c0);
		if (t.cps <= 2 && is_separator(c0))
			p->seps++;
	}
	if (t.digits > 0 && t.digits * 2 >= t.cps)
		p->digits++;
	if (t.has_url || (t.has_at && t.letters > 0))
		p->links++;
	if (t.lowok && t.lowlen > 0 && t.letters > 0 && is_stopword(t.low, t.lowlen))
		p->stop++;
	if (is_sentence_end(t.last_core_cp) && t.letters + t.digits > 0 &&
	    !(t.letters == 1 && t.upper == 1 && t.cps <= 3)) {	/* "J." is an initial */
		if (!last)
			p->sentp++;
		else
			p->endp = 1;
	}
	if (last && t.last_cp == ':')
		p->endcolon = 1;
	p->letters += t.letters;
}

/*
 * Only the head of a very long paragraph is read word by word: its
 * densities are as well known from 4 KB as from 50 MB, and the rest is
 * counted by extrapolation so that size-based rules still see its size.
 */
#define SCAN_MAX 4096

void
features(struct para *p, const char *s, size_t n)
{
	size_t i = 0, start, lim = n > SCAN_MAX ? SCAN_MAX : n, tail;
	uint64_t h = 1469598103934665603ull;
	unsigned char c;

	memset(p, 0, sizeof(*p));
	p->s = s;
	p->n = n;
	p->kind = K_NONE;
	p->rule = -1;
	while (i < lim) {
		while (i < lim && ((c = (unsigned char)s[i]) == ' ' || c == '\t' || c == '\n' || c == '\r'))
			i++;
		if (i >= lim)
			break;
		start = i;
		while (i < n && (c = (unsigned char)s[i]) != ' ' && c != '\t' && c != '\n' && c != '\r')
			i++;
		tail = i;
		while (tail < n && ((c = (unsigned char)s[tail]) == ' ' || c == '\t' || c == '\n' || c == '\r'))
			tail++;
		token(p, s + start, i - start, tail >= n);
	}
	if (n > lim && lim > 0) {
		double f = (double)n / (double)lim;

		p->words = (uint32_t)(p->words * f);
		p->alpha = (uint32_t)(p->alpha * f);
		p->stop = (uint32_t)(p->stop * f);
		p->cap = (uint32_t)(p->cap * f);
		p->sentp = (uint32_t)(p->sentp * f);
		p->letters = (uint32_t)(p->letters * f);
		/* The end of the text decides endp. */
		for (tail = n; tail > 0 && (s[tail - 1] == ' ' || s[tail - 1] == '\t'); tail--)
			;
		if (tail > 0) {
			size_t st;
			long cp = u8_prev(s, tail, &st);

			while (is_closer(cp) && st > 0)
				cp = u8_prev(s, st, &st);
			p->endp = is_sentence_end(cp);
		}
	}
	p->chars = (uint32_t)(n > 0xFFFFFFF ? 0xFFFFFFF : u8_count(s, lim) * (n / (lim ? lim : 1)));
	if (n <= lim)
		p->chars = (uint32_t)u8_count(s, n);
	/* The fingerprint for repeats: letters and digits only, case folded (ASCII). */
	for (i = 0; i < lim; i++) {
		c = (unsigned char)s[i];
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			c |= 0x20;
		else if (!(c >= '0' && c <= '9') && c < 0x80)
			continue;
		h = (h ^ c) * 1099511628211ull;
	}
	h ^= (uint64_t)n >> 12;		/* long texts differing after the head stay apart */
	p->hash = h;
}
