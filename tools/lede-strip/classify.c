/* classify.c -- label the paragraphs of one article (see lede-strip(1)). */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "strip.h"

/*
 * The order of the work, each step using what the earlier ones decided:
 *
 *  1. lexical rules on each line (bylines, credits, share buttons...);
 *     a rule that heads a block ("Related", "Most popular") carries its
 *     kind over the headline-like lines after it;
 *  2. jusText-style classes from the features: good, near-good, short,
 *     bad, then smoothed by neighbours;
 *  3. the main run: the contiguous stretch with the largest total score,
 *     long prose counting for it and furniture against it;
 *  4. roles by position: the title and dek before the run, headings and
 *     captions inside it, bios and contributor lines after it;
 *  5. repeats of earlier lines become dup.
 */

enum cls { C_BAD, C_SHORT, C_NEARGOOD, C_GOOD };

/* jusText's thresholds, the stopword ones lowered for a mixed-language list. */
#define LEN_LOW		40	/* code points: below, a line is short */
#define LEN_HIGH	160	/* above, a stopword-dense line is good */
#define STOP_LOW	0.18
#define STOP_HIGH	0.26
#define BLOCK_MAX	40	/* lines a block-heading rule may carry its kind over */

static int
is_prose(const struct para *p)
{
	return p->words >= 8 && (p->endp || p->sentp > 0) &&
	    p->cap * 10 < p->alpha * 6;
}

/* A line of a headline list: capitalised words, no sentence end. */
static int
is_headline_like(const struct para *p)
{
	return p->words >= 3 && p->words <= 25 && !p->endp && p->sentp == 0;
}

static int
jt_class(const struct para *p, int nostop)
{
	double sd;

	if (p->words == 0 || p->letters == 0)
		return C_BAD;
	if (p->links * 3 > p->words || (p->seps >= 2 && p->seps * 4 >= p->words))
		return C_BAD;
	if (p->chars < LEN_LOW)
		return C_SHORT;
	/* Long punctuated prose in a language the list knows little of. */
	if (p->words >= 25 && p->sentp + p->endp >= 2 && p->stop * 12 >= p->words)
		return C_GOOD;
	if (nostop) {
		/* A language the stopword list does not know: length and punctuation. */
		if ((p->endp || p->sentp > 0) && p->chars >= LEN_HIGH / 2)
			return p->chars >= LEN_HIGH ? C_GOOD : C_NEARGOOD;
		return p->chars >= LEN_HIGH * 2 ? C_NEARGOOD : C_SHORT;
	}
	sd = (double)p->stop / (double)p->words;
	if (sd >= STOP_HIGH)
		return p->chars >= LEN_HIGH ? C_GOOD : C_NEARGOOD;
	if (sd >= STOP_LOW)
		return C_NEARGOOD;
	/* A whole sentence thick with names and figures ("Ann Roe won the 50 m"). */
	if (p->endp && p->words >= 8 && sd >= STOP_LOW * 2 / 3)
		return C_NEARGOOD;
	return C_BAD;
}

/*
 * Neighbours decide near-good and short lines, as in jusText: the nearest
 * good-or-bad line on each side, found in one pass each way.
 */
static void
smooth(struct para *ps, size_t n)
{
	size_t i;
	int *orig = xmalloc((n + 1) * sizeof(*orig)), *next = xmalloc((n + 1) * sizeof(*next));
	int prev = C_BAD, nx = C_BAD;

	for (i = 0; i < n; i++)
		orig[i] = ps[i].cls;
	for (i = n; i-- > 0;) {
		next[i] = nx;
		if (orig[i] == C_GOOD || orig[i] == C_BAD)
			nx = orig[i];
	}
	for (i = 0; i < n; i++) {
		if (orig[i] == C_NEARGOOD)
			ps[i].cls = (prev == C_GOOD || next[i] == C_GOOD) ? C_GOOD : C_NEARGOOD;
		else if (orig[i] == C_SHORT && prev == C_GOOD && next[i] == C_GOOD)
			ps[i].cls = C_NEARGOOD;
		if (orig[i] == C_GOOD || orig[i] == C_BAD)
			prev = orig[i];
	}
	free(orig);
	free(next);
}

static int is_name_line(const struct para *);

/* The number a list item starts with ("3) ", "12. "), or -1. */
static long
item_number(const struct para *p)
{
	long v = 0;
	size_t i;

	for (i = 0; i < p->n && i < 3 && p->s[i] >= '0' && p->s[i] <= '9'; i++)
		v = v * 10 + (p->s[i] - '0');
	if (i == 0 || i + 1 >= p->n || (p->s[i] != '.' && p->s[i] != ')') || p->s[i + 1] != ' ')
		return -1;
	return v;
}

/*
 * A numbered list in sequence (1, 2, 3...) is the article's own, a
 * listicle's items with whatever stands between them (a link, a price):
 * such lines do not count against the run.
 */
static void
mark_lists(struct para *ps, size_t n)
{
	size_t i, j;
	long k, m;

	for (i = 0; i < n; i++) {
		if ((k = item_number(&ps[i])) < 0)
			continue;
		for (j = i + 1; j < n && j <= i + 3; j++)
			if ((m = item_number(&ps[j])) >= 0) {
				if (m == k + 1) {
					size_t q;

					for (q = i; q <= j; q++)
						ps[q].listitem = 1;
				}
				break;
			}
	}
}

static int
score(const struct para *p)
{
	if (p->listitem && p->kind == K_NONE)
		return item_number(p) >= 0 ? 3 : 0;
	if (p->kind == K_BODY)
		return 4;
	if (p->kind == K_HEADING)
		return 0;
	if (p->kind != K_NONE)
		return p->why != NULL && strcmp(p->why, "block") == 0 ? -4 : -3;
	switch (p->cls) {
	case C_GOOD:
		/* Text without a sentence's punctuation is half as likely prose. */
		if (!p->endp && p->sentp == 0)
			return (int)(p->words > 120 ? 60 : p->words / 2);
		return (int)(p->words > 120 ? 120 : p->words);
	case C_NEARGOOD:
		return (int)(p->words / 2) + 1;
	case C_SHORT:
		return p->endp ? -1 : -4;
	default:
		/* Punctuated text the stopwords missed (names, figures) is not furniture, */
		if (p->words >= 15 && (p->endp || p->sentp > 0))
			return -1;
		if (p->words >= 8 && p->endp && p->stop > 0)
			return -2;
		/* nor is a table of figures. */
		if (p->words >= 6 && p->digits * 3 >= p->words)
			return -2;
		return -6 - (int)(p->words > 20 ? 10 : p->words / 2);
	}
}

/* The best-scoring stretch of [lo, hi) (Kadane): its score, bounds in *a, *b. */
static long
best_run(const struct para *ps, size_t lo, size_t hi, size_t *a, size_t *b)
{
	long best = 0, cur = 0;
	size_t i, start = lo;

	*a = *b = lo;
	for (i = lo; i < hi; i++) {
		if (cur <= 0) {
			cur = 0;
			start = i;
		}
		cur += score(&ps[i]);
		if (cur > best) {
			best = cur;
			*a = start;
			*b = i + 1;
		}
	}
	return best;
}

static int
ends_article(const struct para *p)
{
	return p->rule >= 0 && (rules_flags(p->rule) & RF_END);
}

/*
 * Kadane's sum forgives a long article a footer of menus and teasers as
 * long as it stays positive.  Cut the run at its last real gap (four or
 * more lines that count against it) when what follows is worth less than
 * a quarter of what comes before.
 */
#define GAP_LINES 4

static void
trim_tail(const struct para *ps, size_t a, size_t *b)
{
	size_t i, gs, ge;
	long before, after, s;
	int cuts;

	for (cuts = 0; cuts < 8; cuts++) {	/* a bound keeps it linear */
		after = 0;
		gs = ge = i = *b;
		while (i > a) {
			while (i > a && (s = score(&ps[i - 1])) > 0) {
				after += s;
				i--;
			}
			ge = i;
			while (i > a && score(&ps[i - 1]) <= 0)
				i--;
			gs = i;
			if (ge - gs >= GAP_LINES && gs > a)
				break;
		}
		if (i <= a || after == 0)
			return;
		before = 0;
		for (i = a; i < gs; i++)
			if ((s = score(&ps[i])) > 0)
				before += s;
		if (after * 4 >= before)
			return;
		*b = gs;
	}
}

/*
 * The main run: the best stretch of the page.  Lines that end an article
 * (a comment section's heading, a copyright line) split the page into
 * zones, and the first zone whose best stretch is worth an eighth of the
 * best of all wins: comments come after the article they are about.
 */
static int
main_run(const struct para *ps, size_t n, size_t *a, size_t *b)
{
	long best = 0, s;
	size_t lo, hi, ra, rb;

	/*
	 * The first zone worth an eighth of the best wins: what follows the
	 * heading of a comment section can be longer than the article.
	 */
	for (lo = 0; lo < n; lo = hi + 1) {
		for (hi = lo; hi < n && !ends_article(&ps[hi]); hi++)
			;
		if ((s = best_run(ps, lo, hi, &ra, &rb)) > best)
			best = s;
	}
	for (lo = 0; lo < n; lo = hi + 1) {
		for (hi = lo; hi < n && !ends_article(&ps[hi]); hi++)
			;
		if ((s = best_run(ps, lo, hi, a, b)) * 8 >= best && s >= 12)
			break;
		if (s == best)
			break;
	}
	if (best <= 0)
		return 0;
	/*
	 * The head of the article (dek, byline, date, picture) often reads
	 * like prose too: when a byline, date or credit line comes early in
	 * the run, the body starts after it.
	 */
	{
		size_t i, h = *a, hp = *a, lim = *a + 12 < *b ? *a + 12 : *b;
		long head = 0, headp = 0, total = 0;

		for (i = *a; i < *b; i++)
			total += score(&ps[i]) > 0 ? score(&ps[i]) : 0;
		for (i = *a; i < lim; i++) {
			enum kind k = ps[i].kind;

			if (k == K_BYLINE || k == K_META)
				h = i + 1;
			/* Pictures and names come inside articles too: only a short head counts. */
			if (k == K_CREDIT || k == K_CAPTION ||
			    (k == K_NONE && is_name_line(&ps[i]) && ps[i].stop == 0))
				hp = i + 1;
		}
		for (i = *a; i < h || i < hp; i++) {
			if (i < h)
				head += score(&ps[i]) > 0 ? score(&ps[i]) : 0;
			if (i < hp)
				headp += score(&ps[i]) > 0 ? score(&ps[i]) : 0;
		}
		if (h > *a && (head <= 60 || head * 10 <= total * 3))
			*a = h;
		if (hp > *a && headp <= 60)
			*a = hp;
	}
	trim_tail(ps, *a, b);
	/* A run starts with prose: a headline or byline above it is not body. */
	while (*a < *b && ps[*a].kind != K_BODY &&
	    !(ps[*a].cls >= C_NEARGOOD && (ps[*a].endp || ps[*a].sentp > 0) &&
	    !(ps[*a].words <= 20 && ps[*a].cap * 10 >= ps[*a].alpha * 6)) &&
	    !(ps[*a].words >= 15 && (ps[*a].endp || ps[*a].sentp > 0)) &&
	    !(ps[*a].words >= 12 && ps[*a].cls >= C_NEARGOOD && ps[*a].cap * 10 < ps[*a].alpha * 6))
		(*a)++;
	return *a < *b;
}

static void
set(struct para *p, enum kind k, const char *why)
{
	p->kind = k;
	p->why = why;
}

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

/* "Andrew Thornebrooke", "Jane van der Berg": a bare name. */
static int
is_name_line(const struct para *p)
{
	return p->words >= 2 && p->words <= 4 && p->alpha == p->words &&
	    p->cap + (p->words > 2) >= p->words && !p->endp && p->sentp == 0 &&
	    p->digits == 0 && p->links == 0 && memchr(p->s, ',', p->n) == NULL;
}

static int
is_heading_like(const struct para *p)
{
	return p->words >= 1 && p->words <= 20 && !p->endp && !p->endcolon &&
	    p->sentp == 0 && p->links == 0 && p->letters > 0;
}

static int
rule_applies(unsigned flags, size_t i, size_t a, size_t b)
{
	if ((flags & RF_BEFORE) && i >= a)
		return 0;
	if ((flags & RF_AFTER) && i < b)
		return 0;
	if ((flags & RF_OUTSIDE) && i >= a && i < b)
		return 0;
	return 1;
}

#define CONDITIONAL (RF_BEFORE | RF_AFTER | RF_OUTSIDE)

/* Fingerprints of the lines seen so far in this article, for dup, with
 * the index of each one's first line. */
struct seen_slot {
	uint64_t	hash;
	size_t		first;
};
static struct seen_slot *seen;
static size_t seencap;

/* The index of the first line with this fingerprint; i itself if it is new. */
static size_t
seen_first(uint64_t h, size_t i)
{
	size_t k;

	for (k = h & (seencap - 1); seen[k].hash != 0; k = (k + 1) & (seencap - 1))
		if (seen[k].hash == h)
			return seen[k].first;
	seen[k].hash = h;
	seen[k].first = i;
	return i;
}

static size_t find_title(struct para *, size_t);
static size_t author_bio(struct para *, size_t, size_t, size_t);
static void before_run(struct para *, size_t, size_t);
static void in_run(struct para *, size_t, size_t);
static void mark_dups(struct para *, size_t, size_t);

void
classify(struct para *ps, size_t n)
{
	struct rule_hit hit;
	size_t i, j, a, b, nstop = 0, nwords = 0, title = (size_t)-1;
	int nostop, have_run;

	/* 1. Lexical rules; conditional ones wait for the run. */
	for (i = 0; i < n; i++) {
		struct para *p = &ps[i];

		nstop += p->stop;
		nwords += p->words;
		if (!rules_match(p, &hit, 0, RULES_ANYWHERE)) {
			if (template_known(p->hash))
				set(p, K_PROMO, "template");
			continue;
		}
		p->rule = hit.index;
		set(p, hit.kind, hit.name);
	}
	/* A language the stopwords do not cover (Korean, say) is judged by length. */
	nostop = nwords > 0 && nstop * 25 < nwords;
	for (i = 0; i < n; i++)
		ps[i].cls = jt_class(&ps[i], nostop);
	/* Block heads: "Related", "Most popular" carry over the list under them. */
	for (i = 0; i < n; i++) {
		if (ps[i].rule < 0 || !(rules_flags(ps[i].rule) & RF_BLOCK))
			continue;
		/* A list runs on under its heading; a credit label covers one line. */
		size_t max = ps[i].kind == K_PROMO || ps[i].kind == K_META ? BLOCK_MAX : 1;

		for (j = i + 1; j < n && j <= i + max; j++) {
			if (ps[j].kind != K_NONE) {
				if (ps[j].kind == ps[i].kind)
					continue;
				break;
			}
			if (ps[j].cls == C_GOOD || (ps[j].cls == C_NEARGOOD && ps[j].words >= 12 &&
			    (ps[j].endp || ps[j].sentp > 0)))
				break;
			set(&ps[j], ps[i].kind, "block");
		}
		i = j - 1;
	}
	smooth(ps, n);
	mark_lists(ps, n);

	/* 3. The main run. */
	have_run = main_run(ps, n, &a, &b);
	if (!have_run) {
		/* Nothing scores: a very short text.  Its longest sentence is its body. */
		size_t best = n;

		for (i = 0; i < n; i++)
			if (ps[i].kind == K_NONE && (ps[i].endp || ps[i].sentp > 0) && ps[i].words >= 3 &&
			    (best == n || ps[i].words > ps[best].words))
				best = i;
		a = best;
		b = best < n ? best + 1 : n;
	}
	b = author_bio(ps, n, a, b);
	for (i = a; i < b; i++)
		ps[i].inrun = 1;
	/* Rules that depend on the position, for the lines outside the run. */
	for (i = 0; i < n; i++) {
		struct para *p = &ps[i];
		size_t from = 0, to = p->rule >= 0 ? (size_t)p->rule : (size_t)-1;

		if (p->inrun)
			continue;	/* none of them applies inside the run */
		while (rules_match(p, &hit, from, RULES_CONDITIONAL) && (size_t)hit.index < to) {
			if (rule_applies(hit.flags, i, a, b)) {
				p->rule = hit.index;
				set(p, hit.kind, hit.name);
				break;
			}
			from = (size_t)hit.index + 1;
		}
	}

	/* 4. Roles by position. */
	title = find_title(ps, a);
	before_run(ps, a, title);
	in_run(ps, a, b);
	for (i = b; i < n; i++)
		if (ps[i].kind == K_NONE) {
			/* Prose under a bio line is the rest of the bio box. */
			if (i > 0 && ps[i - 1].kind == K_BIO && is_prose(&ps[i]))
				set(&ps[i], K_BIO, "bio-box");
			else
				set(&ps[i], K_PROMO, "after-run");
		}
	/* Captions: the line over a credit, when it is not a heading or title. */
	for (i = 1; i < n; i++)
		if (ps[i].kind == K_CREDIT && ps[i - 1].rule < 0 && i - 1 != title &&
		    ps[i - 1].words >= 3 && ps[i - 1].words <= 60 &&
		    (ps[i - 1].kind == K_BODY || ps[i - 1].kind == K_PROMO ||
		    ps[i - 1].kind == K_HEADING))
			set(&ps[i - 1], K_CAPTION, "over-credit");

	/* 5. Repeats. */
	mark_dups(ps, n, title);
}

/*
 * The title: the line before the run that best repeats the page's first
 * line (scrapers put the page title there, "Headline - Site"), the
 * nearest to the run winning; of exact copies the first is the title.
 * Without such a line, the first line itself when it reads as a headline.
 */
static size_t
find_title(struct para *ps, size_t a)
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

static void
before_run(struct para *ps, size_t a, size_t title)
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

static void
in_run(struct para *ps, size_t a, size_t b)
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

static void
mark_dups(struct para *ps, size_t n, size_t title)
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
		memset(seen, 0, seencap * sizeof(*seen));
	}
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

static size_t
author_bio(struct para *ps, size_t n, size_t a, size_t b)
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
