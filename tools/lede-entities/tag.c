/* tag.c -- names, places and organisations in one article, by rules and lists. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "gaz.h"
#include "num.h"
#include "sentseg.h"
#include "tag.h"
#include "tok.h"

/* mention flags */
#define M_COUNTRY	0x01	/* a country or state by the lists: stays a place */
#define M_WEAK		0x02	/* a sentence-initial common word: kept only if the
				   article knows the name from elsewhere */
#define M_CAPS		0x04	/* found in an all-capitals unit */
#define M_TITLED	0x08	/* a title stood before it */
#define M_NUM		0x10	/* a date, time, amount ... */
#define M_PLACE		0x20	/* a place by its context ("in X", a dateline) */

/* Per-article working state, reused from article to article. */
static struct tokvec T;			/* the tokens of every unit */
static size_t *ustart, *uend;		/* token range of each record */
static unsigned char *ucaps;		/* record is all capitals */
static unsigned char *usent;		/* sentence starts are marked */
static unsigned char *innum;		/* token is inside a number entity */
static size_t ucap, innumcap;
static const struct article *A;
static const struct tag_opts *O;
static struct mentionvec *M;
static struct buf keybuf;
static int sports;			/* the article reports a game */
static size_t *cstart, *cend;		/* each record's range of T.cand */
static size_t *qstart, *qend;		/* and of T.quote */
static size_t *kstart, *kend;		/* and of T.caps */
static struct spanvec sv;		/* sentences of a unit */
static void count_sports(void);
static void mark_sentences(size_t r);
static int sent_start(size_t r, size_t k);

static const char **utext;		/* the text of each record */

static const char *
rtext(size_t r)
{
	return utext[r];
}

static struct mention *
add_mention(size_t r, size_t a, size_t b, enum etype type, int conf, unsigned flags)
{
	struct mention *m;

	if (M->n == M->cap) {
		M->cap = M->cap ? M->cap * 2 : 64;
		M->v = xreallocarray(M->v, M->cap, sizeof(*M->v));
	}
	m = &M->v[M->n++];
	m->rec = (uint32_t)r;
	m->s = T.v[a].s;
	m->e = T.v[b - 1].e;
	m->type = (uint8_t)type;
	m->conf = (uint8_t)conf;
	m->ntok = (uint8_t)(b - a > 255 ? 255 : b - a);
	m->flags = (uint8_t)flags;
	m->tok = (uint32_t)a;
	m->canon = NULL;
	m->canonlen = 0;
	m->h = 0;
	return m;
}

static uint64_t
cats(size_t r, size_t k)
{
	return tok_cats(rtext(r), &T.v[k]);
}

/* The gazetteer entry for tokens [a, b) joined by single spaces. */
static const struct gent *
span_gaz(size_t r, size_t a, size_t b, uint64_t *c)
{
	const char *t = rtext(r);
	const struct gent *g;
	size_t k;
	int allcaps = 1;

	if (b - a == 1) {
		g = tok_gaz(t, &T.v[a]);
		*c = g ? cats(r, a) : 0;
		return g;
	}
	/* no list has a name of several words that starts so */
	if (!gaz_mw_maybe_h(tok_hash(t, &T.v[a]))) {
		*c = 0;
		return NULL;
	}
	keybuf.len = 0;
	for (k = a; k < b; k++) {
		if (k > a)
			buf_addc(&keybuf, ' ');
		buf_add(&keybuf, t + T.v[k].s, T.v[k].e - T.v[k].s);
		if (!(T.v[k].f & TK_UPPER))
			allcaps = 0;
	}
	g = gaz_get(keybuf.p, keybuf.len);
	*c = g ? (allcaps ? g->cats : g->cats & ~g->acro) : 0;
	return g;
}

static int
is_word_n(size_t r, size_t k, const char *w, size_t n)
{
	return T.v[k].e - T.v[k].s == n && memcmp(rtext(r) + T.v[k].s, w, n) == 0;
}
#define is_word(r, k, w) is_word_n((r), (k), (w), sizeof(w) - 1)

/* The type the lists give a name, with how sure they are; T_NONE if none. */
static enum etype
list_type(const struct gent *g, uint64_t c, int *conf, unsigned *flags)
{
	*conf = 3;
	if (c & G_LIST) {
		if (g->ltype == T_GPE)
			*flags |= M_COUNTRY;
		return (enum etype)g->ltype;
	}
	if (c & (G_COUNTRY | G_STATE)) {
		if (c & G_COUNTRY)
			*flags |= M_COUNTRY;
		return T_GPE;
	}
	if (c & (G_ORG | G_COMPANY))
		return T_ORG;
	if (c & G_REGION)
		return g->regkind == 2 ? T_GPE : T_LOC;
	if (c & (G_DEMONYM | G_NORP))
		return T_NORP;
	if (c & G_CAPITAL)
		return T_GPE;
	if (c & (G_ADMIN1 | G_CITY)) {
		uint32_t pop = (c & G_CITY) ? g->pop : 0;

		*conf = pop >= 1000000 ? 3 : pop >= 100000 || (c & G_ADMIN1) ? 2 : 1;
		if ((c & (G_GIVEN | G_SURNAME)) && (g->given > 20000 || g->surname > 20000))
			*conf = *conf > 1 ? *conf - 1 : 0;
		if (c & G_LOWER)
			*conf = *conf > 1 ? *conf - 1 : 0;
		return T_GPE;
	}
	*conf = 0;
	return T_NONE;
}

static int
list_type_is_country(uint64_t c)
{
	return (c & G_COUNTRY) != 0;
}

/* "Lieutenant-Colonel", "Major-General": titles joined by a hyphen. */
static int
hyphen_title(size_t r, size_t k)
{
	const char *t = rtext(r) + T.v[k].s, *h;
	size_t n = T.v[k].e - T.v[k].s;

	if (!(T.v[k].f & TK_HYPHEN) || !(T.v[k].f & TK_CAP))
		return 0;
	h = memchr(t, '-', n);
	return h && (gaz_cue(t, (size_t)(h - t)) & (G_TITLE | G_TITLEMOD)) &&
	    (gaz_cue(h + 1, n - (size_t)(h + 1 - t)) & (G_TITLE | G_TITLEMOD));
}

/* Is token k a word of a title ("Minister", "Foreign", "of")? */
static int
titleish(size_t r, size_t k)
{
	uint64_t c = cats(r, k);

	if (hyphen_title(r, k))
		return 1;

	if (T.v[k].f & TK_LOWER)
		return (c & G_ORGJOIN) && (is_word(r, k, "of") || is_word(r, k, "for"));
	return (c & (G_TITLE | G_TITLEMOD)) != 0;
}

static int
common_only(uint64_t c)
{
	return (c & G_LOWER) && !(c & (G_PROPER | G_GIVEN | G_SURNAME | G_ENTITY));
}

/* How much tokens [a, b) of record r look like a person's name. */
static int
person_score(size_t r, size_t a, size_t b, size_t lim)
{
	int ps = 0;
	size_t k, n = b - a;
	uint64_t c0 = cats(r, a), cl = cats(r, b - 1);

	if (a > ustart[r]) {
		uint64_t pc = cats(r, a - 1);

		if ((pc & G_TITLE) && !(T.v[a - 1].f & TK_DIGIT))
			ps += 3;
	}
	if (n >= 2) {
		const struct gent *g0 = T.v[a].g;

		if ((c0 & G_GIVEN) && g0 && g0->given >= 1000 && !(c0 & (G_COUNTRY | G_REGION)))
			ps += 2;
		else if (T.v[a].f & TK_INITIAL)
			ps += 2;
		else if (c0 & G_GIVEN)
			ps += 1;
		if (cl & G_SURNAME)
			ps += 1;
		for (k = a + 1; k < b; k++)
			if (!(T.v[k].f & TK_LOWER) && common_only(cats(r, k)))
				ps -= 2;
	} else {
		const struct gent *g = T.v[a].g;

		if ((c0 & G_SURNAME) && g && g->surname >= 2000 && !(c0 & G_LOWER))
			ps += 1;
	}
	if (b < lim && (T.v[b].f & TK_LOWER) && (cats(r, b) & G_SPEECH))
		ps += 1;
	/* "Smith, 35," */
	if (b + 2 < lim && rtext(r)[T.v[b].s] == ',' && (T.v[b + 1].f & TK_DIGIT) &&
	    T.v[b + 1].e - T.v[b + 1].s <= 2 && rtext(r)[T.v[b + 2].s] == ',')
		ps += 2;
	return ps;
}

static void classify_span(size_t r, size_t a, size_t b, size_t lim, unsigned flags);

/* Emits a person name, without leading common words ("Protocol Affairs"). */
static void
emit_person(size_t r, size_t a, size_t b, int conf, unsigned flags)
{
	while (b - a > 1 && common_only(cats(r, a)) && !(cats(r, a + 1) & G_TITLE))
		a++;
	if (b - a == 1 && common_only(cats(r, a)))
		return;
	add_mention(r, a, b, T_PERSON, conf, flags);
}

/*
 * Splits a capitalised run at its title ("Russian Foreign Minister Sergei
 * Lavrov"): what precedes the title is classified on its own, what follows
 * is a person.  Returns 1 if it did.
 */
static int
split_title(size_t r, size_t a, size_t b, size_t lim, unsigned flags)
{
	uint64_t last = cats(r, b - 1);
	size_t k, ts, te;

	if (last & (G_ORGSUF | G_FACSUF | G_EVENTSUF | G_LOCSUF | G_GPESUF))
		return 0;
	for (k = a; k < b; k++)
		if (((cats(r, k) & G_TITLE) || hyphen_title(r, k)) && !(T.v[k].f & TK_LOWER) &&
		    !(k + 1 == b && k > a && (cats(r, k - 1) & G_GIVEN) &&
		    !(cats(r, k - 1) & (G_TITLE | G_TITLEMOD))))
			break;
	if (k == b)
		return 0;
	ts = k;
	while (ts > a && (titleish(r, ts - 1) || (ts - 1 > a && common_only(cats(r, ts - 1)))))
		ts--;
	te = k + 1;
	while (te < b && titleish(r, te))
		te++;
	if (ts > a)
		classify_span(r, a, ts, lim, flags);
	if (te < b) {
		/* Another title further on: "President Trump" in a long run. */
		if (!split_title(r, te, b, lim, flags | M_TITLED))
			emit_person(r, te, b, 2, flags | M_TITLED);
	}
	return 1;
}

/*
 * Place by context: "the town of X", "X police", "X, Ohio", and a
 * dateline "X, Country 1996-08-31" or "X 1996-08-31".
 */
static int
place_context(size_t r, size_t a, size_t b, size_t lim)
{
	if (a >= ustart[r] + 2 && is_word(r, a - 1, "of") && (T.v[a - 2].f & TK_LOWER) &&
	    (cats(r, a - 2) & G_PLACEOF))
		return 1;
	if (b < lim && is_word(r, b, "police"))
		return 1;
	if (b + 1 < lim && rtext(r)[T.v[b].s] == ',' && T.v[b].e - T.v[b].s == 1 &&
	    (T.v[b + 1].f & TK_CAP) && (cats(r, b + 1) & (G_COUNTRY | G_STATE | G_ADMIN1)) &&
	    !(cats(r, a) & G_GIVEN))
		return 1;
	if (a == ustart[r] && lim - a <= 8 && (T.v[lim - 1].f & TK_DIGIT) &&
	    memchr(rtext(r) + T.v[lim - 1].s, '-', T.v[lim - 1].e - T.v[lim - 1].s))
		return 1;
	return 0;
}

static void
classify_span(size_t r, size_t a, size_t b, size_t lim, unsigned flags)
{
	const struct gent *g;
	uint64_t c, c0, cl;
	enum etype t;
	int conf, ps;
	size_t n = b - a, k;
	unsigned fl = flags;

	if (n == 0)
		return;
	g = span_gaz(r, a, b, &c);
	if (g && (c & G_ENTITY)) {
		t = list_type(g, c, &conf, &fl);
		if (t != T_NONE) {
			if (t == T_GPE && conf < 3 && person_score(r, a, b, lim) >= 3)
				t = T_PERSON, conf = 2;
			add_mention(r, a, b, t, conf, fl)->canon = g->canon;
			if (g->canon)
				M->v[M->n - 1].canonlen = g->canonlen;
			return;
		}
	}
	if (split_title(r, a, b, lim, flags))
		return;
	c0 = cats(r, a);
	cl = cats(r, b - 1);
	/* "American James Heath", "Democrat Walter Mondale" */
	if (n >= 2 && (c0 & (G_DEMONYM | G_NORP)) && !(c0 & (G_COUNTRY | G_ORG)) &&
	    !(cl & (G_ORGSUF | G_FACSUF | G_EVENTSUF | G_LOCSUF | G_GPESUF | G_DEMONYM |
	    G_NORP)) && person_score(r, a + 1, b, lim) >= 1) {
		add_mention(r, a, a + 1, T_NORP, 2, flags);
		classify_span(r, a + 1, b, lim, flags);
		return;
	}
	/* A lone title, cue or suffix word is no name: "the Minister". */
	if (n == 1 && (c0 & (G_TITLE | G_TITLEMOD | G_NOTENT | G_ORGSUF | G_FACSUF |
	    G_EVENTSUF | G_LOCSUF | G_GPESUF | G_DAY | G_MONTH)) && !(c0 & G_ENTITY))
		return;
	if (n >= 2) {
		/* "Iraqi Kurdish", "Southeast Asian", "North Africans" */
		if ((cl & (G_DEMONYM | G_NORP)) && !(cl & G_ORGSUF)) {
			add_mention(r, a, b, T_NORP, 2, flags);
			return;
		}
		if (cl & G_ORGSUF) {
			add_mention(r, a, b, T_ORG, 2, flags);
			return;
		}
		if (cl & G_FACSUF) {
			add_mention(r, a, b, T_FAC, 2, flags);
			return;
		}
		if (cl & G_EVENTSUF) {
			add_mention(r, a, b, T_EVENT, 2, flags);
			return;
		}
		if (cl & G_LOCSUF) {
			add_mention(r, a, b, T_LOC, 2, flags);
			return;
		}
		if (cl & G_GPESUF) {
			add_mention(r, a, b, T_GPE, 2, flags);
			return;
		}
		if (c0 & G_ORGHEAD) {
			for (k = a + 1; k < b; k++)
				if (is_word(r, k, "of")) {
					add_mention(r, a, b, T_ORG, 2, flags);
					return;
				}
		}
		if (c0 & G_LOCPRE) {
			add_mention(r, a, b, T_LOC, 2, flags);
			return;
		}
	}
	/*
	 * Only ordinary words ("Presidential Debates", "Halftime") make no
	 * name; a single one after "the" may ("the Treasury").
	 */
	{
		int plain = 1;

		for (k = a; k < b && plain; k++)
			if (!common_only(cats(r, k)) && !(T.v[k].f & TK_LOWER))
				plain = 0;
		if (plain && (n >= 2 || !(a > ustart[r] && is_word(r, a - 1, "the"))))
			return;
	}
	ps = person_score(r, a, b, lim);
	/* "an EOE spokesman", "Ruch shares", "the Milan forward", "the firm X" */
	if (ps < 3 && ((b < lim && (T.v[b].f & TK_LOWER) && (cats(r, b) & G_ORGNEXT)) ||
	    (a > ustart[r] && (T.v[a - 1].f & TK_LOWER) && (cats(r, a - 1) & G_ORGPREV)))) {
		add_mention(r, a, b, T_ORG, 1, flags);
		return;
	}
	/* An unknown acronym is an organisation: "the NLD", "FOMC". */
	if (n == 1 && (T.v[a].f & TK_UPPER) && T.v[a].e - T.v[a].s <= 6 &&
	    !(c0 & (G_GIVEN | G_SURNAME))) {
		add_mention(r, a, b, T_ORG, 1, flags);
		return;
	}
	if (ps >= 2) {
		emit_person(r, a, b, ps >= 3 ? 2 : 1, flags);
		return;
	}
	if (place_context(r, a, b, lim)) {
		add_mention(r, a, b, T_GPE, 2, flags | M_PLACE);
		return;
	}
	/* "Smith ( Germany )": a player and his country in a results list */
	if (b + 2 < lim && rtext(r)[T.v[b].s] == '(' && n <= 3 &&
	    (cats(r, b + 1) & (G_COUNTRY | G_LIST)) && !(T.v[b + 1].f & TK_LOWER)) {
		/* a lone unknown word there is a club: "Dinamo ( Russia )" */
		add_mention(r, a, b, n == 1 && !(c0 & (G_GIVEN | G_SURNAME)) ? T_ORG :
		    T_PERSON, 1, flags);
		return;
	}
	/* "in X", "in the X" */
	if (a > ustart[r] && (T.v[a - 1].f & TK_LOWER) && n <= 3 &&
	    ((cats(r, a - 1) & G_PLACEPREP) || (is_word(r, a - 1, "the") &&
	    a - 1 > ustart[r] && (cats(r, a - 2) & G_PLACEPREP)))) {
		add_mention(r, a, b, T_GPE, 0, flags | M_PLACE);
		return;
	}
	if (n >= 2) {
		int lower = 0;

		/* "Houston Astros": a town and a plural nickname */
		if ((c0 & (G_CITY | G_STATE | G_ADMIN1)) && !(cl & (G_GIVEN | G_SURNAME)) &&
		    rtext(r)[T.v[b - 1].e - 1] == 's') {
			add_mention(r, a, b, T_ORG, 1, flags);
			return;
		}
		for (k = a; k < b; k++)
			if ((T.v[k].f & TK_LOWER) || common_only(cats(r, k)))
				lower = 1;
		/* "Hindustan Copper", "China Daily": a place or a word, no given name */
		if (!(c0 & G_GIVEN) && !(T.v[a].f & TK_INITIAL))
			for (k = a; k < b; k++)
				if (cats(r, k) & (G_PLACE | G_DEMONYM | G_LOWER))
					lower = 1;
		if (a > ustart[r] && is_word(r, a - 1, "the"))
			lower = 1;
		add_mention(r, a, b, lower ? T_ORG : T_PERSON, 0, flags);
		return;
	}
	/* People seldom take "the": "the Springboks" */
	if (a > ustart[r] && is_word(r, a - 1, "the"))
		add_mention(r, a, b, T_ORG, 0, flags);
	else if (ps >= 1 || !(c0 & (G_PROPER | G_LOWER)))
		add_mention(r, a, b, T_PERSON, 0, flags);
	else
		add_mention(r, a, b, T_ORG, 0, flags);
}

/* Should a sentence-initial capitalised word be dropped from a run? */
static int
initial_common(size_t r, size_t k)
{
	uint64_t c = cats(r, k);
	const struct gent *g = T.v[k].g;

	if (c & G_NOTENT)
		return 1;
	if (!(c & G_LOWER) || (c & G_TITLE))
		return 0;
	if (c & (G_COUNTRY | G_STATE | G_ORG | G_COMPANY | G_LIST | G_DEMONYM | G_NORP |
	    G_CAPITAL | G_REGION))
		return 0;
	if ((c & G_CITY) && g->pop >= 500000)
		return 0;
	return 1;
}

/* Can token k continue a run of capitalised words? */
static int
capword(size_t r, size_t k)
{
	if (!(T.v[k].f & TK_CAP) || innum[k])
		return 0;
	/* "Ohio-based", "Year-on-year", "Blue-chip" are no names */
	if (T.v[k].f & TK_HYPHEN) {
		const char *t = rtext(r), *p = t + T.v[k].e;

		const struct gent *g;

		while (p > t + T.v[k].s && p[-1] != '-')
			p--;
		/* but "Li Song-ho", "Kang Young-hoon" are names */
		if (p < t + T.v[k].e && *p >= 'a' && *p <= 'z' && t + T.v[k].e - p >= 4 &&
		    (g = gaz_get(p, (size_t)(t + T.v[k].e - p))) && (g->cats & G_LOWER))
			return 0;
	}
	return 1;
}

static int
is_quote_tok(size_t r, size_t k)
{
	return (T.v[k].f & TK_QUOTE) != 0;
}

/*
 * A title in quotes: "Ice Cold in Alex", "Anne of a Thousand Days" --
 * two to eight words, capitalised but for small words.  A work of art.
 */
static void
scan_quoted_titles(size_t r)
{
	size_t k, j, lim = uend[r], caps, words, qi, next = 0;
	uint64_t c;
	const struct gent *g;

	/* only at the unit's quotes */
	for (qi = qstart[r]; qi < qend[r]; qi++) {
		k = T.quote[qi];
		if (k < next)
			continue;	/* inside the last title */
		if (k + 3 >= lim)
			break;
		if (!(T.v[k + 1].f & TK_CAP))
			continue;
		caps = words = 0;
		for (j = k + 1; j < lim && j - k <= 9 && !is_quote_tok(r, j); j++) {
			if (!(T.v[j].f & TK_WORD) && T.v[j].f != TK_POSS)
				break;
			words++;
			if (T.v[j].f & (TK_CAP | TK_DIGIT))
				caps++;
			else if (!(cats(r, j) & (G_ORGJOIN | G_PLACEPREP)) && !is_word(r, j, "a") &&
			    !is_word(r, j, "the") && !is_word(r, j, "an") && !is_word(r, j, "on") &&
			    !is_word(r, j, "with"))
				break;
		}
		if (j >= lim || !is_quote_tok(r, j) || words < 2 || caps * 2 < words ||
		    !(T.v[j - 1].f & (TK_CAP | TK_DIGIT)))
			continue;
		g = span_gaz(r, k + 1, j, &c);
		if (g && (c & G_ENTITY))
			continue;
		add_mention(r, k + 1, j, T_WORK_OF_ART, 1, 0);
		for (; k + 1 < j; k++)
			innum[k + 1] = 1;
		next = j;
	}
}

/* Finds the capitalised runs of a mixed-case unit. */
static void
scan_unit(size_t r)
{
	size_t k = ustart[r], lim = uend[r], a, b, ci = kstart[r];

	scan_quoted_titles(r);

	while (k < lim) {
		/* runs start at capitalised words only: on to the next one */
		while (ci < kend[r] && T.caps[ci] < k)
			ci++;
		if (ci == kend[r])
			break;
		k = T.caps[ci];
		if (!(T.v[k].f & TK_CAP) || !capword(r, k)) {
			k++;
			continue;
		}
		a = k;
		b = k + 1;
		while (b < lim && b - a < 16) {	/* no name is longer */
			if (capword(r, b)) {
				b++;
				continue;
			}
			if (b + 1 < lim && (T.v[b].f & TK_LOWER) && capword(r, b + 1)) {
				uint64_t c = cats(r, b);
				int join = 0;

				if (c & G_NAMEPART)
					join = 1;
				else if ((c & G_ORGJOIN) && (is_word(r, b, "of") || is_word(r, b, "for"))) {
					if (cats(r, b - 1) & (G_ORGHEAD | G_TITLE | G_TITLEMOD |
					    G_LOCPRE | G_LOCSUF))
						join = 1;
				}
				if (join) {
					b += 2;
					continue;
				}
			}
			/* "van der Westhuizen", "de la Hoya" */
			if (b + 2 < lim && (T.v[b].f & TK_LOWER) && (T.v[b + 1].f & TK_LOWER) &&
			    (cats(r, b) & G_NAMEPART) && (cats(r, b + 1) & G_NAMEPART) &&
			    capword(r, b + 2)) {
				b += 3;
				continue;
			}
			if (T.v[b].e - T.v[b].s == 1 && rtext(r)[T.v[b].s] == '&' &&
			    b + 1 < lim && capword(r, b + 1)) {
				b += 2;
				continue;
			}
			break;
		}
		k = b;
		/* Sentence-initial common words: "The", "Instead", "Protests";
		   but "Mark Philippoussis", "Bob Estes" are names. */
		/* A table row of a sports report: "Hull 4 2 2 0", "Albion 2" */
		if (sports && b < lim && (T.v[b].f & TK_DIGIT) && !(cats(r, a) & G_NOTENT)) {
			uint64_t c;
			const struct gent *g = span_gaz(r, a, b, &c);

			if (!(g && (c & G_ENTITY) && list_type_is_country(c)) &&
			    person_score(r, a, b, lim) < 2)
				add_mention(r, a, b, T_ORG, 2, 0);
			else
				classify_span(r, a, b, lim, 0);
			continue;
		}
		if (initial_common(r, a) && sent_start(r, a) &&
		    !(b - a >= 2 && (cats(r, a) & G_GIVEN) && T.v[a].g &&
		    T.v[a].g->given >= 2000 && !(cats(r, a) & G_NOTENT) &&
		    !common_only(cats(r, a + 1)) && !(cats(r, a + 1) & (G_TITLE | G_ORGSUF)))) {
			uint64_t c;
			const struct gent *g = span_gaz(r, a, b, &c);

			if (!(g && (c & G_ENTITY))) {
				if (b - a == 1) {
					if (!(cats(r, a) & G_NOTENT))
						add_mention(r, a, b, T_NONE, 0, M_WEAK);
					continue;
				}
				a++;
				while (a < b && (T.v[a].f & TK_LOWER))
					a++;
			}
		}
		classify_span(r, a, b, lim, 0);
	}
}

/* Marks sentence starts: the first word of each sentence and after an opening quote. */
static void
mark_sentences(size_t r)
{
	const struct field *tf = &A->recs[r].f[F_TEXT];
	size_t i, k = ustart[r], lim = uend[r];

	sent_split(tf->s, tf->n, &sv);
	for (i = 0; i < sv.n && k < lim; i++) {
		while (k < lim && T.v[k].s < sv.v[i].start)
			k++;
		while (k < lim && !(T.v[k].f & TK_WORD))
			k++;
		if (k < lim)
			T.v[k].f |= TK_SSTART;
	}
	for (k = ustart[r]; k + 1 < lim; k++)
		if ((T.v[k].f & TK_OPENQ) && (T.v[k + 1].f & TK_CAP))
			T.v[k + 1].f |= TK_SSTART;
	/* After a colon or a dash at the start, in headlines "SPORT - TEXT" */
	for (k = ustart[r]; k + 1 < lim; k++) {
		char ch = rtext(r)[T.v[k].s];

		if ((ch == ':' || ch == '-') && T.v[k].e - T.v[k].s == 1 &&
		    (T.v[k + 1].f & TK_CAP))
			T.v[k + 1].f |= TK_SSTART;
	}
}

/* A unit in capitals (a headline, a table): few lower-case letters. */
/*
 * Is token k the first word of a sentence?  The sentence splitter runs
 * only for units where it can matter: a capitalised word after a full
 * stop, a quote, a colon or a dash.
 */
static int
sent_start(size_t r, size_t k)
{
	size_t j;

	for (j = k; j > ustart[r] && !(T.v[j - 1].f & TK_WORD); j--)
		;
	if (j == ustart[r])
		return 1;		/* the unit's first word */
	if (j == k && rtext(r)[T.v[j - 1].e - 1] != '.')
		return 0;		/* right after a word: "said Smith" */
	/*
	 * Punctuation between the last word and this one: a full stop of its
	 * own ("ended. The", "ended.” The") ends a sentence, since
	 * abbreviations keep theirs in the word ("U.S."); so do ? ! : and an
	 * opening quote or a dash.  A comma or a closing quote alone do not.
	 */
	if (j < k) {
		size_t i;

		for (i = j; i < k; i++) {
			const char *p = rtext(r) + T.v[i].s;

			if ((T.v[i].e - T.v[i].s == 1 && strchr(".?!:-", *p)) ||
			    (T.v[i].f & TK_OPENQ))
				return 1;
		}
		return 0;
	}
	if (!usent[r]) {
		mark_sentences(r);
		usent[r] = 1;
	}
	return (T.v[k].f & TK_SSTART) != 0;
}

/*
 * A headline in title case ("US, Russian Officials Meeting to Reopen
 * Relations"): nearly every word capitalised, several of them ordinary
 * words.  Read like a headline in capitals.
 */
static int
is_title_unit(size_t r)
{
	size_t k, words = 0, caps = 0, lower = 0, common = 0;

	if (uend[r] == ustart[r] || uend[r] - ustart[r] > 24 ||
	    !(T.v[ustart[r]].f & (TK_CAP | TK_DIGIT)))
		return 0;		/* a paragraph, not a heading */
	for (k = ustart[r]; k < uend[r]; k++) {
		unsigned f = T.v[k].f;

		if (!(f & TK_WORD) || (f & TK_DIGIT))
			continue;
		words++;
		if (f & TK_LOWER) {
			if (T.v[k].e - T.v[k].s > 3)
				lower++;
		} else if (f & TK_CAP) {
			caps++;
			if (words > 1 && T.v[k].e - T.v[k].s > 3 && common_only(cats(r, k)))
				common++;
		}
	}
	return words >= 2 && lower == 0 && common >= 2 && caps * 4 >= words * 3;
}

static int
is_caps_unit(size_t r)
{
	size_t k, up = 0, low = 0, n;

	/* letters by case, from the tokens' shapes (close enough) */
	for (k = ustart[r]; k < uend[r]; k++) {
		unsigned f = T.v[k].f;

		if (!(f & TK_WORD) || (f & TK_DIGIT))
			continue;
		n = T.v[k].e - T.v[k].s;
		if (f & TK_UPPER)
			up += n;
		else if (f & TK_CAP)
			up++, low += n - 1;
		else
			low += n;
		if (low >= 16 && low * 4 >= up)
			return 0;
	}
	return up >= 4 && low * 4 < up;
}

/*
 * Could this capitalised word be a month or a weekday?  A cheap filter by
 * the first two letters: Ja Fe Ma Ap Ju Au Se Oc No De Mo Tu We Th Fr Sa Su.
 */
static int
month_day_maybe(const char *s, size_t n)
{
	if (n < 3 || n > 10 || (n == 3 && s[0] == 'T'))
		return 0;
	switch (s[0]) {
	case 'J':
		return s[1] == 'a' || s[1] == 'u';
	case 'F':
		return s[1] == 'e' || s[1] == 'r';
	case 'M':
		return s[1] == 'a' || s[1] == 'o';
	case 'A':
		return s[1] == 'p' || s[1] == 'u';
	case 'S':
		return s[1] == 'e' || s[1] == 'a' || s[1] == 'u';
	case 'O':
		return s[1] == 'c';
	case 'N':
		return s[1] == 'o';
	case 'D':
		return s[1] == 'e';
	case 'T':
		return s[1] == 'u' || s[1] == 'h';
	case 'W':
		return s[1] == 'e';
	default:
		return 0;
	}
}

static void
scan_numbers(size_t r)
{
	const struct field *tf = &A->recs[r].f[F_TEXT];
	size_t k, lim = uend[r], vlen = SIZE_MAX, end, j, ci, next = 0;
	enum etype t;

	/* only the candidates: plain lower-case words start no date or amount */
	for (ci = cstart[r]; ci < cend[r]; ci++) {
		struct tok *tk;
		unsigned char ch;
		int try = 0;

		k = T.cand[ci];
		if (k < next)
			continue;	/* inside the last match */
		tk = &T.v[k];
		ch = (unsigned char)tf->s[tk->s];
		if (tk->f & TK_DIGIT)
			try = 1;
		else if (ch == '$' || ch == 0xC2 || ch == 0xE2 || ((tk->f & TK_CAP) &&
		    month_day_maybe(tf->s + tk->s, tk->e - tk->s) &&
		    gaz_cue_has(tf->s + tk->s, tk->e - tk->s, G_MONTH | G_DAY)))
			try = 1;
		else if ((ch == 'U' || ch == 'A' || ch == 'C' || ch == 'N' || ch == 'H' ||
		    ch == 'S' || ch == 'E' || ch == 'G') && tk->e < lim + 0 &&
		    tk->e < tf->n && (tf->s[tk->e] == '$' || tf->s[tk->e] == 'D' ||
		    tf->s[tk->e] == ' '))
			try = tk->e - tk->s <= 3 && (tk->f & TK_UPPER || tk->e - tk->s == 1);
		else if (tk->f & TK_LOWER)
			try = (tk->f & TK_NUMW) || (O->numbers && (tk->e - tk->s) >= 3);
		if (!try)
			continue;
		/* the patterns need valid UTF-8: only the valid start is searched */
		if (vlen == SIZE_MAX)
			vlen = u8_valid_prefix(tf->s, tf->n);
		if (tk->e > vlen)
			break;
		t = num_match(tf->s, vlen, tk->s, &end,
		    k > ustart[r] ? tf->s + T.v[k - 1].s : NULL,
		    k > ustart[r] ? T.v[k - 1].e - T.v[k - 1].s : 0);
		if (t == T_NONE)
			continue;
		for (j = k; j < lim && T.v[j].s < end; j++)
			innum[j] = 1;
		{
			struct mention *m = add_mention(r, k, j, t, 3, M_NUM);

			m->e = (uint32_t)end;
		}
		next = j;
	}
}

/* ---- article-level consistency ---- */

static uint32_t *mslot;
static size_t nmslot;

/* The mention's hash: its token's when it is one whole token. */
static uint32_t
mhash(struct mention *m)
{
	struct tok *t = &T.v[m->tok];

	if (m->ntok == 1 && t->s == m->s && t->e == m->e)
		return m->h = tok_hash(rtext(m->rec), t);
	return m->h = gaz_hash(rtext(m->rec) + m->s, m->e - m->s);
}

static int
msame(const struct mention *m, const char *s, size_t n)
{
	const char *t;
	size_t i;

	if (m->e - m->s != n)
		return 0;
	t = rtext(m->rec) + m->s;
	for (i = 0; i < n; i++) {
		int x = (unsigned char)t[i], y = (unsigned char)s[i];

		if (x == y)
			continue;	/* the usual case: no folding needed */
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/* Best mention (index+1) known under a name whose gaz_hash is h, or 0. */
static uint32_t
mfind_h(const char *s, size_t n, uint32_t h)
{
	size_t i;

	if (nmslot == 0)
		return 0;
	for (i = h & (nmslot - 1); mslot[i]; i = (i + 1) & (nmslot - 1))
		if (M->v[mslot[i] - 1].h == h && msame(&M->v[mslot[i] - 1], s, n))
			return mslot[i];
	return 0;
}

static uint32_t
mfind(const char *s, size_t n)
{
	return mfind_h(s, n, gaz_hash(s, n));
}

static int
better(const struct mention *x, const struct mention *y)
{
	if (x->conf != y->conf)
		return x->conf > y->conf;
	return x->ntok > y->ntok;
}

/* Registers m under its own text, keeping the surest mention per name. */
static void
mput(size_t idx)
{
	struct mention *m = &M->v[idx];
	const char *s = rtext(m->rec) + m->s;
	size_t n = m->e - m->s, i;
	uint32_t h = mhash(m);

	for (i = h & (nmslot - 1); mslot[i]; i = (i + 1) & (nmslot - 1)) {
		if (M->v[mslot[i] - 1].h == h && msame(&M->v[mslot[i] - 1], s, n)) {
			if (better(m, &M->v[mslot[i] - 1]))
				mslot[i] = (uint32_t)idx + 1;
			return;
		}
	}
	mslot[i] = (uint32_t)idx + 1;
}

/*
 * Person names: the family name (last word) of a full name points to it,
 * so "Rubio" is "Marco Rubio".  Kept apart from the mention table.
 */
struct pname {
	const char *key;	/* the last word */
	size_t keylen;
	size_t full;		/* mention index of the fullest form */
};
static struct pname *pn;
static size_t npn, pncap;
static uint32_t *pnslot;	/* hash of the folded key -> index + 1 */
static size_t npnslot;

/* Sizes the table for up to n names; called once per article. */
static void
pname_reset(size_t n)
{
	for (npnslot = 64; npnslot < n * 2; npnslot *= 2)
		;
	pnslot = xreallocarray(pnslot, npnslot, sizeof(*pnslot));
	memset(pnslot, 0, npnslot * sizeof(*pnslot));
	npn = 0;
}

static int
fold_eq(const char *a, const char *b, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (((unsigned char)a[j] | 32) != ((unsigned char)b[j] | 32))
			return 0;
	return 1;
}

static void
pname_add(size_t idx, size_t kt)
{
	const struct mention *m = &M->v[idx];
	const char *t = rtext(m->rec) + T.v[kt].s;
	size_t i, n = T.v[kt].e - T.v[kt].s;

	for (i = tok_hash(rtext(m->rec), &T.v[kt]) & (npnslot - 1); pnslot[i]; i = (i + 1) & (npnslot - 1)) {
		struct pname *p = &pn[pnslot[i] - 1];

		if (p->keylen == n && memcmp(p->key, t, n) == 0) {
			const struct mention *o = &M->v[p->full];

			if (m->e - m->s > o->e - o->s)
				p->full = idx;
			return;
		}
	}
	if (npn == pncap) {
		pncap = pncap ? pncap * 2 : 32;
		pn = xreallocarray(pn, pncap, sizeof(*pn));
	}
	pn[npn].key = t;
	pn[npn].keylen = n;
	pn[npn].full = idx;
	pnslot[i] = (uint32_t)++npn;
}

/*
 * The person whose family name is s (exactly, or ignoring case if fold);
 * h is gaz_hash(s, n).
 */
static const struct pname *
pname_find(const char *s, size_t n, int fold, uint32_t h)
{
	size_t i;

	if (npn == 0)
		return NULL;
	for (i = h & (npnslot - 1); pnslot[i]; i = (i + 1) & (npnslot - 1)) {
		const struct pname *p = &pn[pnslot[i] - 1];

		if (p->keylen == n && (fold ? fold_eq(p->key, s, n) : memcmp(p->key, s, n) == 0))
			return p;
	}
	return NULL;
}

static void
set_canon_to(struct mention *m, const struct mention *full)
{
	m->canon = rtext(full->rec) + full->s;
	m->canonlen = full->e - full->s;
}

static int
is_number_tok(size_t r, size_t k)
{
	return (T.v[k].f & TK_DIGIT) != 0;
}

/* Sports reports: a team is an organisation, whatever town it is named after. */
static void
sports_pass(size_t from)
{
	size_t i, r, k, lim, ntok = 0, ndig = 0;

	for (i = from; i < M->n; i++) {
		struct mention *m = &M->v[i];
		size_t a = m->tok, b = a + m->ntok;
		int team = 0;

		if (m->flags & (M_NUM | M_COUNTRY | M_WEAK))
			continue;
		if (m->type != T_GPE && m->type != T_ORG && !(m->type == T_PERSON && m->conf == 0))
			continue;
		r = m->rec;
		lim = uend[r];
		if (b < lim && is_number_tok(r, b))
			team = 1;
		if (b < lim && (T.v[b].f & TK_LOWER) && (cats(r, b) & G_TEAMVERB))
			team = 1;
		if (a > ustart[r] && (T.v[a - 1].f & TK_LOWER) && (cats(r, a - 1) & G_TEAMVERB))
			team = 1;
		/* a town in a sports report is its team, unless "in", "at" it */
		if (m->type == T_GPE && !(m->flags & (M_PLACE | M_CAPS)) &&
		    !(a > ustart[r] && (T.v[a - 1].f & TK_LOWER) &&
		    (is_word(r, a - 1, "in") || is_word(r, a - 1, "at") ||
		    is_word(r, a - 1, "near") || is_word(r, a - 1, "of"))) &&
		    !(b < lim && rtext(r)[T.v[b].s] == ','))
			team = 1;
		if (team) {
			m->type = T_ORG;
			m->conf = 2;
		}
	}
	(void)ntok, (void)ndig, (void)k;
}

static void
resolve(void)
{
	size_t i, n = M->n, k;
	uint32_t w;

	/* the mention table */
	for (nmslot = 64; nmslot < n * 2; nmslot *= 2)
		;
	mslot = xreallocarray(mslot, nmslot, sizeof(*mslot));
	memset(mslot, 0, nmslot * sizeof(*mslot));
	pname_reset(n);
	for (i = 0; i < n; i++) {
		struct mention *m = &M->v[i];

		if (m->type == T_NONE || (m->flags & M_NUM))
			continue;
		mput(i);
		if (m->type == T_PERSON && m->ntok >= 2 && m->conf >= 1) {
			size_t last = m->tok + m->ntok - 1;

			pname_add(i, last);
		}
	}
	for (i = 0; i < n; i++) {
		struct mention *m = &M->v[i];
		const char *s = rtext(m->rec) + m->s;
		size_t len = m->e - m->s;
		const struct pname *p;
		uint32_t h;

		if (m->flags & M_NUM)
			continue;
		h = m->type == T_NONE ? mhash(m) : m->h;	/* mput() made the others' */
		/* A family name alone is the person named in full elsewhere. */
		if (m->ntok == 1 && (p = pname_find(s, len, 0, h)) != NULL &&
		    !(m->type != T_PERSON && m->conf >= 3 && m->type != T_NONE)) {
			m->type = T_PERSON;
			m->conf = m->conf > 2 ? m->conf : 2;
			set_canon_to(m, &M->v[p->full]);
			continue;
		}
		if (m->type == T_PERSON && m->ntok >= 2) {
			struct tok *lt = &T.v[m->tok + m->ntok - 1];

			p = pname_find(rtext(m->rec) + lt->s, lt->e - lt->s, 0,
			    tok_hash(rtext(m->rec), lt));
			if (p && p->full != i)
				set_canon_to(m, &M->v[p->full]);
			continue;
		}
		w = mfind_h(s, len, h);
		if (w && w - 1 != i) {
			const struct mention *o = &M->v[w - 1];

			if (better(o, m) || m->type == T_NONE) {
				if (m->type == T_NONE && o->conf == 0)
					continue;
				m->type = o->type;
				if (!m->canon && o->canon) {
					m->canon = o->canon;
					m->canonlen = o->canonlen;
				}
			}
		}
	}
	(void)k;
}

/* A fixture in capitals: "BOSTON AT OAKLAND", "CELTIC V RANGERS". */
static int
caps_fixture(size_t r)
{
	size_t k, lim = uend[r], mid = 0;
	uint64_t c;
	const struct gent *g;

	if (lim - ustart[r] > 8)
		return 0;
	for (k = ustart[r] + 1; k + 1 < lim; k++)
		if (is_word(r, k, "AT") || is_word(r, k, "V") || is_word(r, k, "VS"))
			mid = k;
	if (mid == 0)
		return 0;
	for (k = ustart[r]; k < lim; k++)
		if (k != mid && !(T.v[k].f & TK_UPPER) && !(T.v[k].e - T.v[k].s == 1 &&
		    (T.v[k].f & TK_CAP)))
			return 0;
	g = span_gaz(r, ustart[r], mid, &c);
	add_mention(r, ustart[r], mid, g && (c & G_COUNTRY) ? T_GPE : T_ORG, 2, M_CAPS);
	/* "X AT Y" names the visitors, then the place they play at */
	g = span_gaz(r, mid + 1, lim, &c);
	add_mention(r, mid + 1, lim, (g && (c & G_COUNTRY)) || is_word(r, mid, "AT") ?
	    T_GPE : T_ORG, 2, M_CAPS);
	return 1;
}

/* All-capitals units (headlines): names the article or the lists know. */
static void
scan_caps(size_t r)
{
	size_t k = ustart[r], lim = uend[r], b, best;
	const struct gent *g;
	uint64_t c;

	if (sports && caps_fixture(r))
		return;
	/* A dateline: "BOMBAY 1996-08-30", "LA CORUNA , Spain 1996-08-31" */
	if (lim - k <= 6 && (T.v[lim - 1].f & TK_DIGIT) &&
	    memchr(rtext(r) + T.v[lim - 1].s, '-', T.v[lim - 1].e - T.v[lim - 1].s)) {
		for (b = k; b < lim && (T.v[b].f & TK_UPPER) && !innum[b]; b++)
			;
		if (b > k && (b == lim - 1 || rtext(r)[T.v[b].s] == ',')) {
			g = span_gaz(r, k, b, &c);
			add_mention(r, k, b, T_GPE, 2, M_CAPS | M_PLACE)->canon = g ? g->canon : NULL;
			if (g && g->canon)
				M->v[M->n - 1].canonlen = g->canonlen;
			k = b;
		}
	}

	while (k < lim) {
		struct tok *tk = &T.v[k];
		enum etype t = T_NONE;
		int conf = 0;
		unsigned fl = M_CAPS;
		uint32_t w = 0, bw = 0;
		const struct pname *p;

		if (!(tk->f & (TK_UPPER | TK_CAP)) || innum[k]) {
			k++;
			continue;
		}
		best = 0;
		/* the longest run of up to 5 words the article knows */
		for (b = k + 1; b <= lim && b - k <= 5; b++) {
			if (!(T.v[b - 1].f & (TK_UPPER | TK_CAP)) || innum[b - 1])
				break;
			w = b == k + 1 ? mfind_h(rtext(r) + tk->s, tk->e - tk->s, tok_hash(rtext(r), tk)) :
			    mfind(rtext(r) + tk->s, T.v[b - 1].e - tk->s);
			if (w && M->v[w - 1].type != T_NONE && !(M->v[w - 1].flags & M_WEAK)) {
				best = b;
				bw = w;
			}
		}
		if (best) {
			const struct mention *o = &M->v[bw - 1];
			struct mention *m = add_mention(r, k, best, (enum etype)o->type, o->conf, fl);

			if (o->canon) {
				m->canon = o->canon;
				m->canonlen = o->canonlen;
			}
			k = best;
			continue;
		}
		if (sports && k == ustart[r]) {
			for (b = k; b < lim && (T.v[b].f & TK_UPPER) && !innum[b]; b++)
				;
			if (b > k && b + 1 < lim && (T.v[b].f & TK_DIGIT) &&
			    (T.v[b + 1].f & TK_DIGIT)) {
				g = span_gaz(r, k, b, &c);
				if (!(g && (c & G_COUNTRY))) {
					add_mention(r, k, b, T_ORG, 2, fl);
					k = b;
					continue;
				}
			}
		}
		if (tk->e - tk->s > 2 && (p = pname_find(rtext(r) + tk->s, tk->e - tk->s, 1,
		    tok_hash(rtext(r), tk)))) {
			set_canon_to(add_mention(r, k, k + 1, T_PERSON, 2, fl), &M->v[p->full]);
			k++;
			continue;
		}
		/* the lists: longest key first */
		best = 0;
		for (b = k + 1; b <= lim && b - k <= 4; b++) {
			if (!(T.v[b - 1].f & (TK_UPPER | TK_CAP)))
				break;
			g = span_gaz(r, k, b, &c);
			if (g && (c & G_ENTITY)) {
				int cf;
				unsigned f2 = fl;
				enum etype tt = list_type(g, c, &cf, &f2);

				if (tt != T_NONE && (cf >= 2 || b - k > 1) &&
				    (!(c & G_LOWER) || (c & (G_COUNTRY | G_STATE)))) {
					best = b, t = tt, conf = cf, fl = f2;
				}
			}
		}
		if (best) {
			g = span_gaz(r, k, best, &c);
			struct mention *m = add_mention(r, k, best, t, conf, fl);

			if (g && g->canon) {
				m->canon = g->canon;
				m->canonlen = g->canonlen;
			}
			k = best;
			continue;
		}
		k++;
	}
}

static int
cmp_mention(const void *x, const void *y)
{
	const struct mention *a = x, *b = y;

	if (a->rec != b->rec)
		return a->rec < b->rec ? -1 : 1;
	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	return a->e < b->e ? 1 : a->e > b->e ? -1 : 0;
}

/*
 * The mentions come in runs that are mostly in order already: an insertion
 * sort (stable, like glibc's merge sort) finishes those in about one pass;
 * when it has to move too much, qsort() takes over.  Equal mentions keep
 * their order either way, so the result is the same.
 */
static void
sort_mentions(struct mention *v, size_t n)
{
	size_t i, j, moves = 0, budget = 8 * n + 64;
	struct mention x;

	for (i = 1; i < n; i++) {
		if (cmp_mention(&v[i - 1], &v[i]) <= 0)
			continue;
		x = v[i];
		for (j = i; j > 0 && cmp_mention(&v[j - 1], &x) > 0; j--)
			;
		moves += i - j;
		memmove(&v[j + 1], &v[j], (i - j) * sizeof(*v));
		v[j] = x;
		if (moves > budget) {
			qsort(v, n, sizeof(*v), cmp_mention);
			return;
		}
	}
}

static void
count_sports(void)
{
	size_t k, hits = 0;
	size_t r;

	sports = 0;
	/* score lines: "Norwich 1 Wolverhampton 0", "Essex v Kent" */
	for (r = 0; r < A->n; r++) {
		size_t caps = 0, digits = 0, vs = 0;

		if (uend[r] - ustart[r] > 16)
			continue;	/* score lines are short */
		for (k = ustart[r]; k < uend[r]; k++) {
			struct tok *tk = &T.v[k];

			if (tk->f & TK_DIGIT) {
				if (k > ustart[r] && (T.v[k - 1].f & TK_CAP))
					digits++;
			} else if (tk->f & TK_CAP) {
				caps++;
			} else if ((tk->f & TK_LOWER) && (is_word(r, k, "v") || is_word(r, k, "vs"))) {
				vs++;
			}
		}
		if ((digits >= 2 && caps >= 2 && uend[r] - ustart[r] <= 8) ||
		    (vs && caps >= 2))
			hits++;
		if (hits >= 2) {
			sports = 1;
			return;
		}
	}
	/* A sports report says so early: look at its first 80 tokens. */
	for (r = 0; r < A->n; r++) {
		const char *text = rtext(r);
		size_t lim = uend[r];

		if (ustart[r] > 80)
			break;
		for (k = ustart[r]; k < lim; k++) {
			struct tok *tk = &T.v[k];

			/* one branch, not three: the answer is no for most tokens */
			if (!((tk->f & (TK_LOWER | TK_UPPER)) != 0) | (tk->e - tk->s - 4 > 6))
				continue;
			if (gaz_cue_has(text + tk->s, tk->e - tk->s, G_SPORT)) {
				if (++hits >= 3) {
					sports = 1;
					return;
				}
			}
		}
	}
}

void
tag_article(const struct article *a, const struct tag_opts *o, struct mentionvec *out)
{
	size_t r, i, j;

	A = a;
	O = o;
	M = out;
	M->n = 0;
	T.n = T.ncaps = T.ncand = T.nquote = 0;
	T.allcand = O->numbers;
	if (a->n > ucap) {
		ucap = a->n;
		ustart = xreallocarray(ustart, ucap, sizeof(*ustart));
		uend = xreallocarray(uend, ucap, sizeof(*uend));
		ucaps = xreallocarray(ucaps, ucap, 1);
		usent = xreallocarray(usent, ucap, 1);
		cstart = xreallocarray(cstart, ucap, sizeof(*cstart));
		cend = xreallocarray(cend, ucap, sizeof(*cend));
		qstart = xreallocarray(qstart, ucap, sizeof(*qstart));
		qend = xreallocarray(qend, ucap, sizeof(*qend));
		utext = xreallocarray(utext, ucap, sizeof(*utext));
		kstart = xreallocarray(kstart, ucap, sizeof(*kstart));
		kend = xreallocarray(kend, ucap, sizeof(*kend));
	}
	for (r = 0; r < a->n; r++) {
		const struct rec *rc = &a->recs[r];

		ustart[r] = uend[r] = T.n;
		utext[r] = rc->bad ? NULL : rc->f[F_TEXT].s;
		cstart[r] = cend[r] = T.ncand;
		qstart[r] = qend[r] = T.nquote;
		kstart[r] = kend[r] = T.ncaps;
		ucaps[r] = 0;
		if (rc->bad || !rec_is_text_unit(rc) || rec_kind_is(rc, "dup"))
			continue;
		{
			size_t c0 = T.ncaps;

			tokenize(rc->f[F_TEXT].s, rc->f[F_TEXT].n, &T);
			/* the unit's capitalised words, looked up together */
			tok_lookup_all(rc->f[F_TEXT].s, T.v, T.caps + c0, T.ncaps - c0);
		}
		uend[r] = T.n;
		cend[r] = T.ncand;
		qend[r] = T.nquote;
		kend[r] = T.ncaps;
		ucaps[r] = (uint8_t)(is_caps_unit(r) || is_title_unit(r));
	}
	if (T.n > innumcap) {
		innumcap = T.n * 2;
		innum = xreallocarray(innum, innumcap, 1);
	}
	if (T.n)
		memset(innum, 0, T.n);
	count_sports();
	for (r = 0; r < a->n; r++) {
		if (uend[r] == ustart[r])
			continue;
		scan_numbers(r);
		if (!ucaps[r]) {
			usent[r] = 0;
			scan_unit(r);
		}
	}
	if (sports)
		sports_pass(0);
	resolve();
	for (r = 0; r < a->n; r++)
		if (ucaps[r] && uend[r] > ustart[r])
			scan_caps(r);
	/* drop the unresolved, sort, and drop overlaps */
	for (i = j = 0; i < M->n; i++)
		if (M->v[i].type != T_NONE)
			M->v[j++] = M->v[i];
	M->n = j;
	if (M->n > 1)
		sort_mentions(M->v, M->n);
	for (i = j = 0; i < M->n; i++) {
		if (j > 0 && M->v[j - 1].rec == M->v[i].rec && M->v[i].s < M->v[j - 1].e)
			continue;
		M->v[j++] = M->v[i];
	}
	M->n = j;
}

void
tag_free(void)
{
	tokvec_free(&T);
	free(ustart);
	free(uend);
	free(ucaps);
	free(usent);
	free(innum);
	ustart = uend = NULL;
	ucaps = usent = innum = NULL;
	ucap = innumcap = 0;
	free(cstart);
	free(cend);
	cstart = cend = NULL;
	free(qstart);
	free(qend);
	qstart = qend = NULL;
	free(kstart);
	free(kend);
	kstart = kend = NULL;
	free(utext);
	utext = NULL;
	buf_free(&keybuf);
	spanvec_free(&sv);
	free(mslot);
	mslot = NULL;
	nmslot = 0;
	free(pn);
	pn = NULL;
	npn = pncap = 0;
	free(pnslot);
	pnslot = NULL;
	npnslot = 0;
}
