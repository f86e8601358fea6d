/* roles.c -- roles by position: title, dek, headings, bios, repeats. */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "shape.h"

/* Lower-cased ASCII word hashes of a line, for comparing headlines. */
#define MAXW 64
static size_t
word_hashes(const struct para *p, uint32_t *out)
{
	size_t i = 0, n = 0;
	uint32_t h;
	unsigned char c;
	int any;

	while (i < p->n && n < MAXW) {
		h = 2166136261u;
		any = 0;
		while (i < p->n && ((c = (unsigned char)p->s[i]) >= 0x80 ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '\'')) {
			if (c < 0x80)
				c = (unsigned char)((c >= 'A' && c <= 'Z') ? c | 0x20 : c);
			h = (h ^ c) * 16777619u;
			any = 1;
			i++;
		}
		if (any)
			out[n++] = h;
		else
			i++;
	}
	return n;
}

/* Share of a's words found in b. */
static double
overlap(const struct para *a, const struct para *b)
{
	uint32_t wa[MAXW], wb[MAXW];
	size_t na = word_hashes(a, wa), nb = word_hashes(b, wb), i, j, hit = 0;

	if (na == 0)
		return 0;
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (wa[i] == wb[j]) {
				hit++;
				break;
			}
	return (double)hit / (double)na;
}

/* Fingerprints of the lines seen so far in this article, for dup, with
 * the index of each one's first line. */
struct seen_slot {
	uint64_t	hash;
	size_t		first;
};
static struct seen_slot *seen;
static size_t seencap;		/* allocated, the largest article's need */
static size_t seenmask;		/* this article's table: a power of two less one */

/* The index of the first line with this fingerprint; i itself if it is new. */
static size_t
seen_first(uint64_t h, size_t i)
{
	size_t k;

	for (k = h & seenmask; seen[k].hash != 0; k = (k + 1) & seenmask)
		if (seen[k].hash == h)
			return seen[k].first;
	seen[k].hash = h;
	seen[k].first = i;
	return i;
}

/*
 * The title: the line before the run that best repeats the page's first
 * line (scrapers put the page title there, "Headline - Site"), the
 * nearest to the run winning; of exact copies the first is the title.
 * Without such a line, the headline just over the byline or date line, or
 * the first line itself when it reads as a headline.
 */
size_t
roles_title(struct para *ps, size_t a)
{
	size_t i, best = (size_t)-1, lo = a > 60 ? a - 60 : 0;
	double o;

	if (a == 0)
		return best;
	for (i = a; i-- > lo;) {
		struct para *p = &ps[i];

		/* A list's block may have swallowed the headline under it. */
		if (i == 0 || (p->kind != K_NONE && !(p->kind == K_PROMO && p->rule < 0)) ||
		    p->words < 3 || p->words > 40 || p->endp)
			continue;
		if ((o = overlap(p, &ps[0])) >= 0.75 && overlap(&ps[0], p) >= 0.4) {
			best = i;
			break;
		}
	}
	if (best == (size_t)-1) {
		/* No page title to go by: the headline over the byline or date. */
		size_t h = (size_t)-1;

		for (i = a > 12 ? a - 12 : 0; i < a; i++)
			if (ps[i].kind == K_BYLINE || (ps[i].kind == K_META && ps[i].rule >= 0)) {
				h = i;
				break;
			}
		for (i = h != (size_t)-1 && h > 3 ? h - 3 : 0; h != (size_t)-1 && i < h; i++)
			if (ps[i].kind == K_NONE && ps[i].words >= 4 && ps[i].words <= 30 &&
			    !ps[i].endp && ps[i].sentp == 0 && ps[i].links == 0 && ps[i].seps == 0) {
				best = i;
				break;
			}
	}
	if (best == (size_t)-1) {
		if (ps[0].kind == K_NONE && is_heading_like(&ps[0]) && ps[0].words >= 3 &&
		    ps[0].cls != C_BAD)
			best = 0;
		else
			return best;
	}
	for (i = 0; i < best; i++)
		if (ps[i].kind == K_NONE && ps[i].hash == ps[best].hash && ps[i].n == ps[best].n) {
			best = i;
			break;
		}
	set(&ps[best], K_TITLE, "title");
	/* Near copies above it are the page title with the site's name. */
	if (best > 60 && ps[0].words >= 3 && ps[0].kind == K_NONE && overlap(&ps[best], &ps[0]) >= 0.75)
		set(&ps[0], K_META, "page-title");
	for (i = best > 60 ? best - 60 : 0; i < best; i++)
		if ((ps[i].kind == K_NONE || ps[i].kind == K_CAPTION || ps[i].kind == K_CREDIT) &&
		    ps[i].words >= 3 && overlap(&ps[best], &ps[i]) >= 0.75)
			set(&ps[i], K_META, "page-title");
	return best;
}

void
roles_before(struct para *ps, size_t a, size_t title)
{
	size_t i, from = title == (size_t)-1 ? (a > 8 ? a - 8 : 0) : title + 1;
	int dek_done = title == (size_t)-1;

	for (i = from; i < a; i++) {
		struct para *p = &ps[i];

		if (p->kind != K_NONE)
			continue;
		if (p->hash == ps[title == (size_t)-1 ? i : title].hash && i != title &&
		    title != (size_t)-1)
			continue;	/* a copy of the title: dup, later */
		if (!dek_done && p->words >= 6 && p->words <= 80 && p->cls != C_BAD &&
		    (p->endp || p->stop > 0) && !is_name_line(p)) {
			set(p, K_DEK, "after-title");
			dek_done = 1;
		} else if (is_name_line(p) && p->stop == 0) {
			set(p, K_BYLINE, "name-line");
		}
	}
	for (i = 0; i < a; i++) {
		struct para *p = &ps[i];

		if (p->kind != K_NONE)
			continue;
		if (p->words == 0)
			set(p, K_META, "no-words");
		else if (p->cls >= C_NEARGOOD && is_prose(p))
			set(p, K_CAPTION, "before-run-prose");
		else
			set(p, K_PROMO, "before-run");
	}
}

/* Three or more capitalised headline-like lines in a row: a list of links. */
static int
headline_list_at(const struct para *ps, size_t i, size_t b)
{
	size_t j;

	for (j = i; j < b && j < i + 3; j++)
		if (ps[j].kind != K_NONE || !is_headline_like(&ps[j]) ||
		    ps[j].cap * 10 < ps[j].alpha * 6)
			break;
	if (j == i + 3)
		return 1;
	/* Headlines in sentence case: four in a row of five words or more. */
	for (j = i; j < b && j < i + 4; j++)
		if (ps[j].kind != K_NONE || !is_headline_like(&ps[j]) || ps[j].words < 5 ||
		    ps[j].alpha < 4 || ps[j].digits * 3 >= ps[j].words)
			return 0;
	return j == i + 4;
}

/*
 * Teasers for other stories: a headline and a one-sentence summary, again
 * and again.  An article's sections have longer text under their headings.
 * Returns the end of such a list starting at i (three pairs at least), or i.
 */
static size_t
teasers_at(const struct para *ps, size_t i, size_t b)
{
	size_t j = i, pairs = 0;

	uint32_t hw = 0;

	while (pairs < 40 && j + 1 < b && ps[j].kind == K_NONE && ps[j + 1].kind == K_NONE &&
	    is_heading_like(&ps[j]) && ps[j].words >= 3 && (hw += ps[j].words) > 0 &&
	    ps[j + 1].words >= 6 && ps[j + 1].words <= 40 && !is_heading_like(&ps[j + 1]) &&
	    (j + 2 >= b || is_heading_like(&ps[j + 2]) || ps[j + 2].kind != K_NONE)) {
		pairs++;
		j += 2;
	}
	/* Headlines are longer than section headings, and the list ends the run. */
	return pairs >= 3 && hw >= 6 * pairs && j + 3 >= b ? j : i;
}

void
roles_in_run(struct para *ps, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct para *p = &ps[i];

		if (p->kind != K_NONE)
			continue;
		if (p->words == 0) {
			set(p, K_META, "no-words");
			continue;
		}
		if ((j = teasers_at(ps, i, b)) > i) {
			for (; i < j; i++)
				if (ps[i].kind == K_NONE)
					set(&ps[i], K_PROMO, "teasers");
			i--;
			continue;
		}
		if (headline_list_at(ps, i, b) && !(i > a && ps[i - 1].endcolon)) {
			for (j = i; j < b && ps[j].kind == K_NONE && is_headline_like(&ps[j]) &&
			    ps[j].digits * 3 < ps[j].words; j++)
				set(&ps[j], K_PROMO, "headline-list");
			i = j - 1;
			continue;
		}
		if (p->cls >= C_NEARGOOD && (p->endp || p->sentp > 0 || p->cls == C_GOOD)) {
			set(p, K_BODY, "run-prose");
			continue;
		}
		/* A short unpunctuated line over prose is a heading. */
		if (is_heading_like(p) && i + 1 < b && i > a && ps[i + 1].kind == K_NONE &&
		    ps[i + 1].cls >= C_NEARGOOD && ps[i - 1].kind != K_HEADING) {
			set(p, K_HEADING, "heading");
			continue;
		}
		set(p, K_BODY, "run");
	}
}

#define SEEN_MIN 64

void
roles_dups(struct para *ps, size_t n, size_t title)
{
	size_t i, f, need = SEEN_MIN;
	int run_seen = 0;

	while (need < n * 2)
		need *= 2;
	if (need > seencap) {
		free(seen);
		seen = xcalloc(need, sizeof(*seen));
		seencap = need;
	} else {
		/* Only the part this article uses: one long article must not make every later one pay. */
		memset(seen, 0, need * sizeof(*seen));
	}
	seenmask = need - 1;
	for (i = 0; i < n; i++) {
		struct para *p = &ps[i];

		run_seen |= p->inrun;
		if (p->words == 0 || p->hash == 0 || (f = seen_first(p->hash, i)) == i)
			continue;
		/*
		 * Short repeated lines of the body itself stay: an interview's
		 * questions, "Also at Walmart".  A repeated paragraph is a slip.
		 */
		if (p->inrun && (p->kind == K_BODY || p->kind == K_HEADING) && p->words < 25)
			continue;
		/*
		 * The body's copy wins over an earlier one outside the body (a
		 * teaser of the first paragraph); the later copies were marked
		 * when they came.
		 */
		if (p->inrun && p->kind == K_BODY && !ps[f].inrun) {
			if (ps[f].kind != K_TITLE)
				set(&ps[f], K_DUP, "repeat");
			continue;
		}
		if (p->kind == K_TITLE)
			continue;
		/* The headline caught twice, just under itself, is still the title. */
		if (title != (size_t)-1 && p->hash == ps[title].hash && !p->inrun && i > title &&
		    i <= title + 3 && !run_seen) {
			set(p, K_TITLE, "title-again");
			continue;
		}
		set(p, K_DUP, "repeat");
	}
}

/*
 * The author's bio box: a line that starts with the name a byline gave
 * ("Regan is a Connecticut native...") or is that name alone.  Found in
 * the second half of the run, it ends the article.  Returns the new end.
 */
#define MAXNAMES 4

struct name {
	const char	*s;
	size_t		 n;
};

/* The capitalised words after the last "by " of a byline. */
static int
byline_name(const struct para *p, struct name *out)
{
	const char *s = p->s, *e = p->s + p->n, *q, *start = NULL;
	int words = 0;

	for (q = s; q + 3 <= e; q++)
		if ((q == s || q[-1] == ' ') && (q[0] == 'b' || q[0] == 'B') &&
		    (q[1] == 'y' || q[1] == 'Y') && (q[2] == ' ' || q[2] == ':'))
			start = q + 3;
	if (start == NULL)
		return 0;
	while (start < e && (*start == ' ' || *start == ':'))
		start++;
	for (q = start; q < e && words < 4; words++) {
		if (!(*q >= 'A' && *q <= 'Z') && !((unsigned char)*q >= 0xC0))
			break;
		while (q < e && *q != ' ' && *q != ',' && *q != '|')
			q++;
		out->n = (size_t)(q - start);
		if (q >= e || *q != ' ')
			{ words++; break; }
		q++;
	}
	out->s = start;
	return words > 0 && out->n >= 3;
}

static int
starts_with_name(const struct para *p, const struct name *nm)
{
	static const char *const verbs[] = {
		" is ", " was ", " has ", " lives ", " writes ", " covers ", " joined ",
		" holds ", " grew ", " studied ", " é ", " es ", " est ", " ist ", NULL
	};
	const char *const *v;
	size_t k;

	if (p->n < nm->n || memcmp(p->s, nm->s, nm->n) != 0)
		return 0;
	if (p->n == nm->n)
		return 2;		/* the name alone */
	for (v = verbs; *v != NULL; v++) {
		k = strlen(*v);
		if (p->n >= nm->n + k && memcmp(p->s + nm->n, *v, k) == 0)
			return 1;
	}
	return 0;
}

size_t
roles_author_bio(struct para *ps, size_t n, size_t a, size_t b)
{
	struct name names[MAXNAMES];
	size_t i, k, nn = 0;
	int m;

	/* A bio box's heading ("About the author") in the second half ends it. */
	for (i = a + (b - a) / 2 + 1; i < b; i++)
		if (ps[i].kind == K_BIO) {
			b = i;
			break;
		}
	for (i = 0; i < n && nn < MAXNAMES; i++) {
		if (ps[i].kind == K_BYLINE && byline_name(&ps[i], &names[nn])) {
			nn++;
		} else if ((ps[i].kind == K_BYLINE || (ps[i].kind == K_NONE && i < a && i + 10 >= a)) &&
		    is_name_line(&ps[i]) && ps[i].stop == 0) {
			/* A bare name near the head: the byline is the name. */
			names[nn].s = ps[i].s;
			names[nn].n = ps[i].n;
			nn++;
		}
	}
	if (nn == 0)
		return b;
	for (i = a + (b - a) / 2 + 1; i < b; i++)
		for (k = 0; k < nn; k++)
			if ((m = starts_with_name(&ps[i], &names[k])) != 0) {
				if (m == 1)
					set(&ps[i], K_BIO, "author-bio");
				else
					set(&ps[i], K_BYLINE, "author-name");
				/* A name alone ends the article only with its bio after it. */
				if (m == 1 || (i + 1 < b && starts_with_name(&ps[i + 1], &names[k]) == 1))
					return i;
			}
	/* After the run, the same lines are bio and byline as well. */
	for (i = b; i < n; i++)
		for (k = 0; k < nn; k++)
			if (ps[i].kind == K_NONE && (m = starts_with_name(&ps[i], &names[k])) != 0)
				set(&ps[i], m == 1 ? K_BIO : K_BYLINE, m == 1 ? "author-bio" : "author-name");
	return b;
}
