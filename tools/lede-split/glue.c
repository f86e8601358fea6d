/* glue.c -- find paragraphs the scraper glued together ("Russia.“We had"). */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "split.h"

/*
 * A cut is made after sentence-final punctuation that is followed, with no
 * space, by the start of a new sentence: an opening quote, or a capital
 * letter followed by a lower-case one ("NATO.Putin").  What must stay whole
 * is recognised by the token around the dot: abbreviations with inner dots
 * (U.S., e.g., a.m.), single-letter initials, titles (Mr.Smith), numbers
 * (3.5), domain names (Yahoo.Com), URLs and e-mail addresses.  "!" only
 * cuts before a quote, so that brand names like Yahoo!News stay whole.
 */

static const char *const titles[] = {
	"mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt",
	"sgt", "capt", "prof", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs",
	"mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "rev", "hon", "pres", "gov", "adm", "maj",
	"cmdr", "supt", "det", "insp", "ave", "blvd", "rd", "fig", "vol", "op",
	NULL
};

static const char *const tlds[] = {
	"com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io",
	"co", "uk", "us", "eu", "de", "fr", "ru", "ua", "cn", "in", "au", "ca",
	"tv", "me", "ly", "news", NULL
};

static int
is_open_quote(long cp)
{
	return cp == 0x201c || cp == '"' || cp == 0x2018 || cp == 0xab ||
	    cp == 0x201e;
}

static int
is_close_quote(long cp)
{
	return cp == 0x201d || cp == '"' || cp == 0x2019 || cp == 0xbb;
}

static int
word_in(const char *w, size_t n, const char *const *list)
{
	char low[16];
	size_t i;

	if (n == 0 || n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)u8_tolower((unsigned char)w[i]);
	low[n] = '\0';
	for (; *list != NULL; list++)
		if (strcmp(low, *list) == 0)
			return 1;
	return 0;
}

/* The whitespace-delimited token holding s[i]: [*a, *b). */
static void
token_at(const char *s, size_t n, size_t i, size_t *a, size_t *b)
{
	size_t x = i, y = i;

	while (x > 0 && s[x - 1] != ' ')
		x--;
	while (y < n && s[y] != ' ')
		y++;
	*a = x;
	*b = y;
}

static int
url_or_email(const char *s, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		if (s[i] == '@')
			return 1;
		if (i + 3 <= b && memcmp(s + i, "://", 3) == 0)
			return 1;
		if (i + 4 <= b && (memcmp(s + i, "www.", 4) == 0 || memcmp(s + i, "WWW.", 4) == 0))
			return 1;
	}
	return 0;
}

/* Is an odd number of straight double quotes open before s[i]? */
static int
straight_quote_open(const char *s, size_t i)
{
	size_t k, count = 0;

	for (k = 0; k < i; k++)
		if (s[k] == '"')
			count++;
	return count % 2 == 1;
}

/* Does a new sentence start at s[j]? */
static int
starts_sentence(const char *s, size_t n, size_t j)
{
	long c1, c2;
	int l1, l2;
	size_t k;

	if ((l1 = u8_decode(s + j, n - j, &c1)) < 0)
		return 0;
	if (is_open_quote(c1)) {
		if ((l2 = u8_decode(s + j + l1, n - j - (size_t)l1, &c2)) < 0)
			return 0;
		return u8_isalnum(c2) || c2 == 0x2018 || c2 == '\'';
	}
	if (!u8_isupper(c1))
		return 0;
	if ((l2 = u8_decode(s + j + l1, n - j - (size_t)l1, &c2)) < 0 || !u8_islower(c2))
		return 0;
	/* Yahoo.Com and the like: the next word is a domain ending. */
	for (k = j; k < n && u8_isalpha((unsigned char)s[k]) && (unsigned char)s[k] < 0x80; k++)
		;
	if (word_in(s + j, k - j, tlds) && (k == n || s[k] == ' ' || s[k] == '/' ||
	    s[k] == '.'))
		return 0;
	return 1;
}

/* May the dot at s[i] end a sentence, judging by the word before it? */
static int
dot_can_end(const char *s, size_t i, size_t a)
{
	size_t w = i, k;

	while (w > a && (u8_isalnum((unsigned char)s[w - 1]) || (unsigned char)s[w - 1] >= 0x80))
		w--;
	if (w == i)
		return i > a && (s[i - 1] == ')' || s[i - 1] == ']');
	/* U.S., e.g., a.m., 3.5, ellipses: another dot inside the token before this one. */
	for (k = a; k < i; k++)
		if (s[k] == '.')
			return 0;
	/* Initials: J.Smith. */
	if (i - w == 1 && u8_isupper((unsigned char)s[w]))
		return 0;
	if (word_in(s + w, i - w, titles))
		return 0;
	return 1;
}

/* The offset of the next c at or after from, or n. */
static size_t
next_of(const char *s, size_t n, size_t from, char c)
{
	const char *p = from < n ? memchr(s + from, c, n - from) : NULL;

	return p ? (size_t)(p - s) : n;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
glue_cuts(const char *s, size_t n, size_t *cuts, size_t max)
{
	size_t i, j, a, b, nc = 0, dot, q, ex;
	long cp;
	int len;

	/* Terminal marks are rare; memchr finds them much faster than a byte loop. */
	dot = next_of(s, n, 1, '.');
	q = next_of(s, n, 1, '?');
	ex = next_of(s, n, 1, '!');
	for (;;) {
		i = min3(dot, q, ex);
		if (i + 1 >= n || nc >= max)
			break;
		if (i == dot)
			dot = next_of(s, n, i + 1, '.');
		else if (i == q)
			q = next_of(s, n, i + 1, '?');
		else
			ex = next_of(s, n, i + 1, '!');
		if (s[i + 1] == ' ' || s[i + 1] == '.' || s[i + 1] == '?' || s[i + 1] == '!')
			continue;
		j = i + 1;
		/* Closing quotes or brackets that belong to the first paragraph. */
		while (j < n && (len = u8_decode(s + j, n - j, &cp)) > 0 &&
		    (is_close_quote(cp) || cp == ')')) {
			/*
			 * A straight quote closes only if one is open before
			 * it; counting is needed only when text follows it.
			 */
			if (cp == '"' && j + 1 < n && s[j + 1] != ' ' &&
			    !straight_quote_open(s, j))
				break;
			j += (size_t)len;
		}
		if (j >= n || s[j] == ' ')
			continue;
		token_at(s, n, i, &a, &b);
		if (url_or_email(s, a, b))
			continue;
		if (s[i] == '.' && !dot_can_end(s, i, a))
			continue;
		if (s[i] == '!' && (u8_decode(s + j, n - j, &cp) < 0 || !is_open_quote(cp)))
			continue;
		if (!starts_sentence(s, n, j))
			continue;
		cuts[nc++] = j;
		if (dot < j)
			dot = next_of(s, n, j, '.');
		if (q < j)
			q = next_of(s, n, j, '?');
		if (ex < j)
			ex = next_of(s, n, j, '!');
	}
	return nc;
}
