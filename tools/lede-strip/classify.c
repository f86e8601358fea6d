/* classify.c -- label the paragraphs of one article (see lede-strip(1)). */
/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include "shape.h"

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

/* jusText's thresholds, the stopword ones lowered for a mixed-language list. */
#define LEN_LOW		40	/* code points: below, a line is short */
#define LEN_HIGH	160	/* above, a stopword-dense line is good */
#define STOP_LOW	0.18
#define STOP_HIGH	0.26
#define BLOCK_MAX	40	/* lines a block-heading rule may carry its kind over */

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


void
classify(struct para *ps, size_t n)
{
	struct rule_hit hit;
	size_t i, j, a, b, nstop = 0, nwords = 0, title = (size_t)-1;
	int nostop, have_run;

	/* 1. Lexical rules; conditional ones wait for the run. */
	for (i = 0; i < n; i++) {
		struct para *p = &ps[i];

		if (p->words >= 10) {	/* prose-sized lines tell the language */
			nstop += p->stop;
			nwords += p->words;
		}
		if (!rules_match(p, &hit, 0, RULES_ANYWHERE)) {
			if (template_known(p->hash))
				set(p, K_PROMO, "template");
			continue;
		}
		p->rule = hit.index;
		set(p, hit.kind, hit.name);
	}
	/*
	 * Prose in a language the list covers is a third stopwords or more;
	 * below a sixth, the list does not know the language (Korean,
	 * Polish, Chinese) and length and punctuation decide instead.
	 */
	nostop = nwords == 0 || nstop * 6 < nwords;
	for (i = 0; i < n; i++)
		ps[i].cls = jt_class(&ps[i], nostop);
	/* Block heads: "Related", "Most popular" carry over the list under them. */
	for (i = 0; i < n; i++) {
		if (ps[i].rule < 0 || !(rules_flags(ps[i].rule) & RF_BLOCK))
			continue;
		/* A list runs on under its heading; a credit label covers one line. */
		size_t max = ps[i].kind == K_PROMO || ps[i].kind == K_META ? BLOCK_MAX : 1;
		uint32_t longest = 0;	/* of the items so far, in words */

		for (j = i + 1; j < n && j <= i + max; j++) {
			if (ps[j].kind != K_NONE) {
				if (ps[j].kind == ps[i].kind)
					continue;
				break;
			}
			if (ps[j].cls == C_GOOD || (ps[j].cls == C_NEARGOOD && ps[j].words >= 12 &&
			    (ps[j].endp || ps[j].sentp > 0)))
				break;
			/* A menu of one-to-three-word items ends where a headline starts. */
			if (longest > 0 && longest <= 3 && ps[j].words >= 6)
				break;
			if (ps[j].words > longest)
				longest = ps[j].words;
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
	b = roles_author_bio(ps, n, a, b);
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
	title = roles_title(ps, a);
	roles_before(ps, a, title);
	roles_in_run(ps, a, b);
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
		/* Not when a caption of its own follows the credit ("Image caption, ..."). */
		if (ps[i].kind == K_CREDIT && ps[i - 1].rule < 0 && i - 1 != title &&
		    !(i + 1 < n && ps[i + 1].kind == K_CAPTION) &&
		    ps[i - 1].words >= 3 && ps[i - 1].words <= 60 &&
		    (ps[i - 1].kind == K_BODY || ps[i - 1].kind == K_PROMO ||
		    ps[i - 1].kind == K_HEADING))
			set(&ps[i - 1], K_CAPTION, "over-credit");

	/* 5. Repeats. */
	roles_dups(ps, n, title);
}

