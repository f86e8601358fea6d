/* people.c -- names in an article, their fullest form, and what he and she stand for. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"

/* How far back (paragraphs) a pronoun may look for the person it stands for. */
#define PRONOUN_REACH 6
/* ... and how many mentions at most, so that a run-on list stays linear. */
#define MENTION_REACH 200

static int
ieq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

static const char *
name_str(const struct qart *a, int id)
{
	return a->names_text.p + a->names[id].off;
}

/*
 * Eight bytes at a time, each folded with | 0x20 (A-Z to a-z; names that
 * ieq() calls equal hash alike, and a rare extra collision costs a compare).
 */
static size_t
name_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
	size_t i;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ (w | 0x2020202020202020ULL)) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	w = 0;
	for (i = 0; i < n; i++)
		w |= (uint64_t)((unsigned char)s[i] | 0x20) << (8 * i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	return (size_t)h;
}

void
names_reset(struct qart *a)
{
	size_t i;

	for (i = 0; i < a->nname; i++) {
		a->nametab[a->names[i].slot] = -1;
		a->lasttab[a->names[i].lastkey & (a->nametabcap - 1)] = -1;
	}
	a->nname = 0;
	a->names_text.len = 0;
}

static void
nametab_grow(struct qart *a)
{
	size_t i, cap = a->nametabcap ? a->nametabcap * 2 : 1024, j;

	free(a->nametab);
	free(a->lasttab);
	a->nametab = xreallocarray(NULL, cap, sizeof(*a->nametab));
	a->lasttab = xreallocarray(NULL, cap, sizeof(*a->lasttab));
	a->nametabcap = cap;
	for (i = 0; i < cap; i++)
		a->nametab[i] = a->lasttab[i] = -1;
	for (i = 0; i < a->nname; i++) {
		j = name_hash(name_str(a, (int)i), a->names[i].len) & (cap - 1);
		while (a->nametab[j] >= 0)
			j = (j + 1) & (cap - 1);
		a->nametab[j] = (int)i;
		a->names[i].slot = j;
		/* chains by last word: same bucket, newest first */
		j = a->names[i].lastkey & (cap - 1);
		a->names[i].samelast = a->lasttab[j];
		a->lasttab[j] = (int)i;
	}
}

/* The name written s[0..n) (words separated by one space), found or added. */
int
name_add(struct qart *a, const char *s, size_t n)
{
	struct name *nm;
	size_t i, j;

	if ((a->nname + 1) * 2 > a->nametabcap)
		nametab_grow(a);
	j = name_hash(s, n) & (a->nametabcap - 1);
	while (a->nametab[j] >= 0) {
		i = (size_t)a->nametab[j];
		if (ieq(name_str(a, (int)i), a->names[i].len, s, n))
			return (int)i;
		j = (j + 1) & (a->nametabcap - 1);
	}
	if (a->nname == a->namecap) {
		a->namecap = a->namecap ? a->namecap * 2 : 64;
		a->names = xreallocarray(a->names, a->namecap, sizeof(*a->names));
	}
	nm = &a->names[a->nname];
	memset(nm, 0, sizeof(*nm));
	nm->off = a->names_text.len;
	nm->len = n;
	buf_reserve(&a->names_text, n + 1);
	memcpy(a->names_text.p + a->names_text.len, s, n);
	a->names_text.p[a->names_text.len + n] = '\0';
	a->names_text.len += n + 1;
	nm->nwords = 1;
	nm->last = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			nm->nwords++;
			nm->last = i + 1;
		}
	}
	nm->lastkey = name_hash(s + nm->last, n - nm->last);
	nm->samelast = a->lasttab[nm->lastkey & (a->nametabcap - 1)];
	a->lasttab[nm->lastkey & (a->nametabcap - 1)] = (int)a->nname;
	nm->full = (int)a->nname;
	nm->full_at = (size_t)-1;
	nm->slot = j;
	a->nametab[j] = (int)a->nname;
	return (int)a->nname++;
}

static const char *
last_word(const struct qart *a, int id, size_t *n)
{
	const struct name *nm = &a->names[id];

	*n = nm->len - nm->last;
	return name_str(a, id) + nm->last;
}

/* Whether every word of name x is a word of name y. */
static int
words_within(const struct qart *a, int x, int y)
{
	const char *xs = name_str(a, x), *xe = xs + a->names[x].len, *w, *we;
	const char *ys = name_str(a, y), *ye = ys + a->names[y].len, *v, *ve;
	int found;

	for (w = xs; w < xe; w = we + 1) {
		we = memchr(w, ' ', (size_t)(xe - w));
		if (we == NULL)
			we = xe;
		found = 0;
		for (v = ys; v < ye && !found; v = ve + 1) {
			ve = memchr(v, ' ', (size_t)(ye - v));
			if (ve == NULL)
				ve = ye;
			found = ieq(w, (size_t)(we - w), v, (size_t)(ve - v));
		}
		if (!found)
			return 0;
	}
	return 1;
}

/* Names with the same last word that contain all its words: the longest. */
static int
fullest(const struct qart *a, int id)
{
	size_t ln, ln2, i;
	const char *l = last_word(a, id, &ln), *l2;
	int best = id;

	if (a->names[id].org || a->names[id].place)
		return id;
	/* only names in the same last-word bucket can share the last word */
	for (i = (size_t)a->lasttab[a->names[id].lastkey & (a->nametabcap - 1)];
	    i != (size_t)-1; i = (size_t)a->names[i].samelast) {
		const struct name *c = &a->names[i];

		if ((int)i == id || c->lastkey != a->names[id].lastkey || c->org || c->place ||
		    c->nwords < a->names[best].nwords)
			continue;
		/* of two as long, the one the article gave first */
		if (c->nwords == a->names[best].nwords && (best == id || (int)i > best))
			continue;
		l2 = last_word(a, (int)i, &ln2);
		if (ieq(l, ln, l2, ln2) && words_within(a, id, (int)i))
			best = (int)i;
	}
	return best;
}

/* fullest(), remembered until the article has more names. */
static int
fullest_now(struct qart *a, int id)
{
	struct name *nm = &a->names[id];

	if (nm->full_at != a->nname) {
		nm->full = fullest(a, id);
		nm->full_at = a->nname;
	}
	return nm->full;
}

void
names_resolve(struct qart *a)
{
	size_t i;

	for (i = 0; i < a->nname; i++)
		fullest_now(a, (int)i);
}

/* A person: titled or with a known given name, here or in a fuller form. */
static int
personlike(struct qart *a, int id, int *gender)
{
	int f = fullest_now(a, id);
	const struct name *nm = &a->names[f];

	*gender = nm->gender ? nm->gender : a->names[id].gender;
	if (nm->org || nm->place)
		return 0;
	return nm->titled || nm->given || nm->spoke || a->names[id].titled || a->names[id].spoke;
}

static size_t
push_mention(struct qart *a)
{
	if (a->nment == a->mentcap) {
		a->mentcap = a->mentcap ? a->mentcap * 2 : 128;
		a->ments = xreallocarray(a->ments, a->mentcap, sizeof(*a->ments));
	}
	memset(&a->ments[a->nment], 0, sizeof(a->ments[0]));
	return a->nment++;
}

/* Whether the word before token t lets t start a clause. */
static int
clause_start(struct qart *a, size_t p, size_t t)
{
	const struct tok *prev;

	if (t == a->paras[p].t0)
		return 1;
	prev = &a->toks[t - 1];
	if (prev->sent != a->toks[t].sent)
		return 1;
	switch (prev->type) {
	case T_WORD:
		return (tok_cls(a, t - 1) & (LX_CONJ | LX_ADV)) != 0;
	case T_END:
	case T_OTHER:
		return 0;
	default:
		return 1;
	}
}

static int
tok_is_it(struct qart *a, size_t t)
{
	const char *s = para_text(a, a->toks[t].para) + a->toks[t].s;

	return a->toks[t].e - a->toks[t].s == 2 && (s[0] == 'i' || s[0] == 'I') && s[1] == 't';
}

/* A name in capitals, one word: GM, BPI, NATO -- a body, not a person. */
static int
acronym(const struct qart *a, int id)
{
	const char *s = name_str(a, id);
	size_t i, n = a->names[id].len;

	if (n < 2 || n > 6)
		return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] >= 'A' && s[i] <= 'Z') && s[i] != '&')
			return 0;
	return 1;
}

/* The person he or she at token t stands for (for "it", the organisation): the last fitting subject. */
static int
antecedent(struct qart *a, size_t p, unsigned cls)
{
	size_t i = a->nment;
	int g, id;

	while (i-- > 0 && i + MENTION_REACH > a->nment) {
		const struct mention *m = &a->ments[i];

		if (m->para + PRONOUN_REACH < p)
			break;
		if (!m->subject)
			continue;
		id = m->kind == MK_PRON ? m->ref : m->name;
		if (id < 0)
			continue;
		if (cls & LX_PRON_G) {
			/*
			 * it: an organisation of this paragraph or the one before,
			 * or an acronym there that has spoken ("GM said ...")
			 */
			if (m->kind == MK_NAME && m->para + 1 >= p && (a->names[id].org ||
			    (a->names[id].spoke && !a->names[id].place && acronym(a, id))))
				return id;
			continue;
		}
		if (m->kind == MK_NAME && !personlike(a, id, &g))
			continue;
		if (m->kind == MK_PRON || personlike(a, id, &g)) {
			personlike(a, id, &g);
			if (((cls & LX_PRON_M) && g == 'f') || ((cls & LX_PRON_F) && g == 'm'))
				continue;
			if (m->kind == MK_PRON && !(a->ments[i].ref >= 0))
				continue;
			return id;
		}
	}
	return -1;
}

static void
add_title(struct name *nm, const char *s, size_t n)
{
	size_t i;

	while (n > 0 && s[n - 1] == '.')
		n--;
	if (nm->tlen + n + 2 > sizeof(nm->titles))
		return;
	if (nm->tlen > 0)
		nm->titles[nm->tlen++] = ' ';
	for (i = 0; i < n; i++)
		nm->titles[nm->tlen++] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	nm->titles[nm->tlen] = '\0';
}

/* Whether token t follows a speech verb or "that": "said Kyiv had insisted" reports, not speaks. */
static int
reported(struct qart *a, size_t p, size_t t)
{
	const struct tok *prev;

	if (t == a->paras[p].t0)
		return 0;
	prev = &a->toks[t - 1];
	if (prev->type != T_WORD || prev->cap)
		return 0;
	if (tok_cls(a, t - 1) & LX_VERB)
		return 1;
	return prev->e - prev->s == 4 && memcmp(para_text(a, p) + prev->s, "that", 4) == 0;
}

/* Whether tokens [t0, t1) are articles or conjunctions only: The, A, But, And. */
static int
stripped_opener(struct qart *a, size_t t0, size_t t1)
{
	static const char *const w[] = { "the", "a", "an", "this", "that", "these", "those", NULL };
	const char *const *x;
	size_t t, n;
	const char *s;
	int ok;

	for (t = t0; t < t1; t++) {
		s = para_text(a, a->toks[t].para) + a->toks[t].s;
		n = a->toks[t].e - a->toks[t].s;
		if (n > 5 || !((s[0] | 0x20) == 't' || (s[0] | 0x20) == 'a')) {
			if (tok_cls(a, t) & (LX_CONJ | LX_ADV))
				continue;
			return 0;
		}
		if (tok_cls(a, t) & (LX_CONJ | LX_ADV))
			continue;
		ok = 0;
		for (x = w; *x != NULL && !ok; x++)
			ok = ieq(s, n, *x, strlen(*x));
		if (!ok)
			return 0;
	}
	return 1;
}

void
mention_add_chunk(struct qart *a, size_t p, size_t t0, size_t t1)
{
	const char *text = para_text(a, p);
	size_t t, k, mi, tstart, t00;
	int speaks;
	unsigned cls;
	int id, gender = 0, titled = 0, place, sure = 0;
	char buf[256];
	size_t bl, at[8], trun;
	struct mention *m;

	/* he, she, it: every one is resolved; only those opening a clause are antecedents */
	if (t1 == t0 + 1 && ((cls = tok_cls(a, t0)) & (LX_PRON_M | LX_PRON_F | LX_PRON_G))) {
		if ((cls & LX_PRON_G) && !tok_is_it(a, t0))
			return;		/* they: a group lede-quotes does not name */
		mi = push_mention(a);
		m = &a->ments[mi];
		m->kind = MK_PRON;
		m->name = -1;
		m->para = p;
		m->t0 = t0;
		m->t1 = t1;
		m->subject = clause_start(a, p, t0);
		m->ref = -1;
		a->nment--;	/* not its own antecedent */
		m->ref = antecedent(a, p, cls);
		a->nment++;
		a->toks[t0].m = (int32_t)mi;
		return;
	}
	/* drop But, The, According... from the front */
	t00 = t0;
	while (t0 < t1 && (tok_cls(a, t0) & (LX_NONNAME | LX_VERB | LX_ADV | LX_PRON | LX_CONJ)) &&
	    (!(tok_cls(a, t0) & LX_GIVEN) || t0 + 1 == t1 || (tok_cls(a, t0) & LX_VERB)))
		t0++;	/* June Carter stays, Said Ana Lopez loses "Said" */
	if (t0 == t1)
		return;
	/* "Following a meeting, ...": a capitalised -ing word on its own is no name */
	if (t1 == t0 + 1 && !(tok_cls(a, t0) & LX_GIVEN)) {
		size_t wl = a->toks[t0].e - a->toks[t0].s;
		const char *w = text + a->toks[t0].s;

		if (wl > 4 && memcmp(w + wl - 3, "ing", 3) == 0)
			return;
	}
	tstart = t0;
	/* the run as a whole: a place or an organisation? */
	if (t1 - t0 > sizeof(at) / sizeof(at[0]))
		return;		/* chunks() hands on six words at most */
	bl = 0;
	for (t = t0; t < t1; t++) {
		if (a->toks[t].type == T_QUOTE) {
			at[t - t0] = bl + (bl > 0);	/* where the next word goes */
			continue;	/* a nickname is left out */
		}
		k = a->toks[t].e - a->toks[t].s;
		if (k > 60 || bl + k + 2 > sizeof(buf))
			return;		/* no name is that long */
		if (bl > 0)
			buf[bl++] = ' ';
		at[t - t0] = bl;	/* the name after the titles is a tail of it */
		/*
		 * Sixteen bytes at once for a short word (the text has LX_PAD
		 * bytes after it; what follows the word is overwritten or
		 * ignored): a copy of a fixed size is no library call.
		 */
		if (k <= 16 && bl + 16 <= sizeof(buf))
			memcpy(buf + bl, text + a->toks[t].s, 16);
		else
			memcpy(buf + bl, text + a->toks[t].s, k);
		bl += k;
	}
	trun = t0;
	place = ((t1 == t0 + 1 ? tok_cls(a, t0) : lx_get(buf, bl)) & LX_PLACE) != 0;
	if (!place && (tok_cls(a, t1 - 1) & LX_ORG)) {
		id = name_add(a, buf, bl);
		a->names[id].org = 1;
	} else if (place) {
		id = name_add(a, buf, bl);
		a->names[id].place = 1;
	} else {
		/* titles off the front: Secretary of State, British Prime Minister */
		if (t0 > a->paras[p].t0 && a->toks[t0 - 1].type == T_WORD && !a->toks[t0 - 1].cap &&
		    (tok_cls(a, t0 - 1) & (LX_TITLE | LX_ROLE)))
			titled = 1;
		/* "Retired Lt. Gen. Michael Flynn": up to the last title word */
		for (t = t1 - 1; t > t0; t--) {
			if ((tok_cls(a, t - 1) & LX_TITLE) && !(tok_cls(a, t) & LX_TITLE) &&
			    a->toks[t - 1].cap) {
				titled = 1;
				t0 = t;
				break;
			}
		}
		while (t0 + 1 < t1 && (tok_cls(a, t0) & (LX_TITLE | LX_PLACE | LX_ROLE)) &&
		    !(tok_cls(a, t0) & LX_GIVEN && !(tok_cls(a, t0) & LX_TITLE))) {
			if (tok_cls(a, t0) & LX_TITLE)
				titled = 1;
			t0++;
		}
		if (a->toks[t0].type == T_QUOTE && t0 + 1 < t1)
			t0++;	/* Gov. "Bud" Smith: the name starts after the nickname */
		if (t1 == t0 + 1 && (tok_cls(a, t0) & (LX_TITLE | LX_ROLE)) && !(tok_cls(a, t0) & LX_GIVEN))
			return;		/* "President" alone */
		id = name_add(a, buf + at[t0 - trun], bl - at[t0 - trun]);
		if (titled)
			a->names[id].titled = 1;
		cls = tok_cls(a, t0);
		if ((cls & LX_GIVEN) && t1 > t0 + 1) {
			a->names[id].given = 1;
			if (cls & LX_GIVEN_F)
				gender = 'f';
			else if (cls & LX_GIVEN_M)
				gender = 'm';
		}
		for (t = tstart; t < t0; t++) {
			const char *w = text + a->toks[t].s;
			size_t wl = a->toks[t].e - a->toks[t].s;

			if (ieq(w, wl, "Mr.", 3) || ieq(w, wl, "Mr", 2) || ieq(w, wl, "Sir", 3) ||
			    ieq(w, wl, "Lord", 4) || ieq(w, wl, "Baron", 5)) {
				gender = 'm';
				sure = 1;
			} else if (ieq(w, wl, "Mrs.", 4) || ieq(w, wl, "Ms.", 3) || ieq(w, wl, "Mrs", 3) ||
			    ieq(w, wl, "Ms", 2) || ieq(w, wl, "Miss", 4) || ieq(w, wl, "Lady", 4) ||
			    ieq(w, wl, "Baroness", 8) || ieq(w, wl, "Dame", 4)) {
				gender = 'f';
				sure = 1;
			}
			if (tok_cls(a, t) & LX_TITLE)
				add_title(&a->names[id], w, wl);
		}
		if (tstart > a->paras[p].t0 && !a->toks[tstart - 1].cap &&
		    a->toks[tstart - 1].type == T_WORD &&
		    (tok_cls(a, tstart - 1) & (LX_TITLE | LX_ROLE)))
			add_title(&a->names[id], text + a->toks[tstart - 1].s,
			    a->toks[tstart - 1].e - a->toks[tstart - 1].s);
		if (gender && (!a->names[id].gender || (sure && !a->names[id].gender_sure))) {
			a->names[id].gender = gender;
			a->names[id].gender_sure = sure;
		}
	}
	/* "Hewitt said", "Lucas has told": whoever speaks is a person or a body */
	speaks = 0;
	for (t = t1; t < a->paras[p].t0 + a->paras[p].nt && t < t1 + 3 && !a->toks[t1 - 1].poss; t++) {
		const struct tok *x = &a->toks[t];

		if (x->type != T_WORD || x->cap)
			break;
		if (tok_cls(a, t) & LX_VERB) {
			a->names[id].spoke = speaks = 1;
			break;
		}
		if (!(tok_cls(a, t) & LX_ADV))
			break;
	}
	mi = push_mention(a);
	m = &a->ments[mi];
	m->kind = MK_NAME;
	m->name = id;
	m->ref = -1;
	m->para = p;
	m->t0 = tstart;
	m->t1 = t1;
	t = tstart;
	while (t > a->paras[p].t0 && a->toks[t - 1].type == T_WORD &&
	    a->toks[t - 1].sent == a->toks[t].sent && (tok_cls(a, t - 1) & (LX_TITLE | LX_ROLE | LX_PLACE)))
		t--;	/* Democratic presidential nominee Hillary Clinton */
	if (t > a->paras[p].t0 && stripped_opener(a, t - 1, t) && !(tok_cls(a, t - 1) & LX_ADV) &&
	    !(tok_cls(a, t - 1) & LX_CONJ))
		t--;	/* ..., the Security Council issued */
	/* "The Kremlin said", "But Rubio said": the article or conjunction opens the clause */
	if (t == tstart && t00 < tstart && stripped_opener(a, t00, tstart))
		t = t00;
	/* the speaker of "..., film-maker George Lucas has said" is the clause's subject too */
	m->subject = !a->toks[t1 - 1].poss && ((speaks && !reported(a, p, t)) || clause_start(a, p, t));
	for (t = tstart; t < t1; t++)
		a->toks[t].m = (int32_t)mi;
}

int
role_person(struct qart *a, size_t before, const char *role, size_t rn)
{
	size_t i = a->nment;

	while (i-- > 0 && i + MENTION_REACH > a->nment) {
		const struct mention *m = &a->ments[i];
		const struct name *nm;

		if (m->t0 >= before || m->kind != MK_NAME)
			continue;
		nm = &a->names[a->names[m->name].full];
		if (lx_role_fits(role, rn, nm->titles, nm->tlen) ||
		    lx_role_fits(role, rn, a->names[m->name].titles, a->names[m->name].tlen))
			return m->name;
	}
	return -1;
}

int
name_is_person(struct qart *a, int id)
{
	int g;

	return personlike(a, id, &g);
}

int
name_resolve_new(struct qart *a, const char *s, size_t n)
{
	int id = name_add(a, s, n);

	fullest_now(a, id);
	return id;
}
