/* attrib.c -- who said a quotation, from the words of its own sentence. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "article.h"
#include "lexicon.h"

/*
 * Attribution looks at the writer's words of the quotation's sentence:
 * first after it ("…," Rubio said / said Rubio / — Rubio), then before it
 * (Rubio said: "…" / Rubio said the talks were "business-like" / was
 * branded "a waste" by MPs).  The speaker is the name, pronoun or role
 * noun next to the speech verb, across an apposition or a bracket.
 * What is not settled within the sentence is left to discourse.c.
 */
#define TAIL_REACH 10		/* tokens after a quotation where its verb may be */
#define APPOSITION_REACH 25	/* tokens of ", Trump's envoy for ...," to skip */
#define SENTENCE_REACH 80	/* tokens of a sentence looked at either side */
#define DESCRIBED_REACH 120	/* tokens back to the description a he or she stands for */

static int subject_after(struct qart *, size_t, size_t, int *);
static int participle(struct qart *, size_t);

static const char *
tok_text(struct qart *a, size_t t, size_t *n)
{
	*n = a->toks[t].e - a->toks[t].s;
	return para_text(a, a->toks[t].para) + a->toks[t].s;
}

/* The first token of the speaker last found by subject_end (for the tail's adjacency). */
static size_t subj_start;

/*
 * The writer's description of a speaker nobody names, last found: "the
 * Vermont senator", "a Democratic source" (tokens [desc_t0, desc_t1)).
 */
static size_t desc_t0, desc_t1;
/* ... and whether the speaker last found is a he or she the names did not resolve. */
static int pron_open;

/* Whether token k is a noun for a person, singular or plural: senator, officials. */
static int
person_noun(struct qart *a, size_t k)
{
	const struct tok *x = &a->toks[k];
	size_t n;
	const char *s;

	if (x->type != T_WORD || x->cap == 2)
		return 0;
	if (tok_cls(a, k) & LX_PERSON)
		return 1;
	s = tok_text(a, k, &n);
	return n > 3 && s[n - 1] == 's' && (lx_get(s, n - 1) & LX_PERSON) != 0;
}

/*
 * Whether token j may stand between a description's determiner and its
 * head: any word but those that start a clause or a phrase of their own
 * (a bill which critics, the claim was denied by, the interviews with);
 * "of", "for" and "and" inside a name or a title are kept (a Department
 * of Homeland Security spokeswoman, the work and pensions minister).
 */
static int
modifier(struct qart *a, size_t j)
{
	static const char *const stop[] = { "which", "who", "whom", "whose", "that", "with", "by",
		"was", "were", "is", "are", "be", "been", "has", "have", "had", "in", "on", "at",
		"from", "to", "as", "not", "will", "would", "can", "could", "than", "about", "after",
		"before", "over", "under", "into", "if", "when", "while", "also", NULL };
	const char *const *w;

	if (a->toks[j].type != T_WORD)
		return 0;
	if (a->toks[j].cap || a->toks[j].poss)
		return 1;
	if (tok_is(a, j, "of") || tok_is(a, j, "for") || tok_is(a, j, "and") || tok_is(a, j, "or"))
		return j + 1 < a->ntok && a->toks[j + 1].type == T_WORD && j > 0 &&
		    a->toks[j - 1].type == T_WORD && !tok_is_determiner(a, j + 1);
	if (tok_is_determiner(a, j) || (tok_cls(a, j) & (LX_VERB | LX_CONJ | LX_PRON)))
		return 0;
	for (w = stop; *w != NULL; w++)
		if (tok_is(a, j, *w))
			return 0;
	return 1;
}

/* The description [t0, k] if its head k is a person noun and only modifiers come between. */
static void
describe(struct qart *a, size_t t0, size_t k)
{
	size_t j = t0 + 1;

	if (!person_noun(a, k) || a->toks[k].poss)
		return;
	if (a->toks[t0].m >= 0)
		j = a->ments[a->toks[t0].m].t1;	/* Trump's spokesman: after the name */
	for (; j < k; j++)
		if (!modifier(a, j))
			return;
	desc_t0 = t0;
	desc_t1 = k + 1;
}

struct attr {
	int	found;
	int	name;
	size_t	cue;		/* token */
	size_t	desc_t0, desc_t1;	/* the speaker described, not named */
	int	pron_open;		/* he or she, with no name to stand for */
};

/* A speaker found at cue: what describes it, if no name does. */
static int
found(struct attr *r, size_t cue)
{
	r->found = 1;
	r->cue = cue;
	r->desc_t0 = desc_t0;
	r->desc_t1 = r->name < 0 ? desc_t1 : 0;
	r->pron_open = r->name < 0 && pron_open;
	return 1;
}


int
tok_is(struct qart *a, size_t t, const char *w)
{
	size_t n = a->toks[t].e - a->toks[t].s, i;
	const char *s;

	/* cheap refusals first: the kind, the first letter, then the length */
	if (a->toks[t].type != T_WORD || n == 0)
		return 0;
	s = para_text(a, a->toks[t].para) + a->toks[t].s;
	if ((s[0] | 0x20) != w[0])
		return 0;
	/* w ends in a NUL, which no byte of the word matches */
	for (i = 1; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i])
			return 0;
	}
	return w[n] == '\0';
}

int
is_cue(struct qart *a, size_t t, size_t lo)
{
	const struct tok *k = &a->toks[t];

	if (k->type != T_WORD || !(tok_cls(a, t) & LX_VERB))
		return 0;
	if (k->cap && !(t == a->paras[k->para].t0 || a->toks[t - 1].sent != k->sent))
		return 0;	/* capitalised only as "Said Ellis: ..." */
	if (t > lo && tok_is(a, t - 1, "to"))
		return 0;	/* declined to say */
	if (tok_is(a, t, "according"))
		return t + 1 < a->ntok && tok_is(a, t + 1, "to");
	return 1;
}

int
tok_is_determiner(struct qart *a, size_t t)
{
	static const char *const d[] = { "the", "a", "an", "his", "her", "their", "its", "our",
		"this", "that", "another", "one", "two", "three", "several", "some", "many",
		"other", "both", "most", NULL };
	const char *const *w;

	for (w = d; *w != NULL; w++)
		if (tok_is(a, t, *w))
			return 1;
	return 0;
}

/* A common-noun speaker ending at k: "the senator" (a known person) or "a source" (nobody). */
static int
noun_speaker(struct qart *a, size_t lo, size_t k, int *name)
{
	size_t j, n, i, det = (size_t)-1;
	const char *s;

	*name = -1;
	if (tok_cls(a, k) & (LX_CONJ | LX_VERB | LX_NONNAME | LX_ADV))
		return 0;
	/* "Protesters marching through the streets chanted": the noun before the participle */
	if (!person_noun(a, k)) {
		for (j = k; j > lo + 1 && j + 8 > k && a->toks[j - 1].type == T_WORD; j--) {
			if (participle(a, j - 1) && !a->toks[j - 1].cap && person_noun(a, j - 2) &&
			    !a->toks[j - 2].poss)
				return noun_speaker(a, lo, j - 2, name);
			if (tok_cls(a, j - 1) & (LX_VERB | LX_CONJ))
				break;
		}
	}
	for (j = k + 1; j > lo && j + 8 > k + 1;) {
		const struct tok *x = &a->toks[--j];

		if (x->type != T_WORD)
			break;
		if (x->m >= 0 && x->poss) {
			describe(a, a->ments[x->m].t0, k);
			return 1;	/* Trump's spokesman */
		}
		if (tok_is_determiner(a, j)) {
			det = j;
			subj_start = j;
			break;
		}
		if (x->cap)
			continue;	/* the Kremlin, the White House spokesman */
	}
	if (det == (size_t)-1) {
		s = tok_text(a, k, &n);		/* officials said */
		if (!(n > 2 && s[n - 1] == 's' && s[n - 2] != 's'))
			return 0;
		/* capitalised words before it: Republican lawmakers, GOP officials */
		for (j = k; j > lo && a->toks[j - 1].type == T_WORD && a->toks[j - 1].cap &&
		    !a->toks[j - 1].poss && !(tok_cls(a, j - 1) & (LX_CONJ | LX_NONNAME)) &&
		    j + 3 > k; j--)
			;
		if (j == lo || a->toks[j - 1].type != T_WORD || (tok_cls(a, j - 1) & LX_CONJ))
			describe(a, j, k);
		return 1;
	}
	if (tok_is(a, det, "the")) {
		/* "the Old Trafford boss": the head noun decides, not the names before it */
		if (!a->toks[k].cap && (tok_cls(a, k) & (LX_ROLE | LX_TITLE))) {
			s = tok_text(a, k, &n);
			*name = role_person(a, det, s, n);
			if (*name < 0)
				describe(a, det, k);
			return 1;
		}
		/*
		 * "the Kremlin", "the IMF report": the body named; but "the
		 * Turkish presidency" is no body the article names.
		 */
		for (i = det + 1; i <= k; i++) {
			if (a->toks[i].m >= 0 && a->ments[a->toks[i].m].kind == MK_NAME &&
			    (a->toks[k].cap || !a->names[a->ments[a->toks[i].m].name].place)) {
				*name = a->ments[a->toks[i].m].name;
				return 1;
			}
			if (tok_cls(a, i) & LX_ROLE) {
				s = tok_text(a, i, &n);
				*name = role_person(a, det, s, n);
			}
		}
	}
	if (*name < 0)
		describe(a, det, k);	/* the New York businessman, a Democratic source */
	return 1;
}

/* Whether token t opens a subordinate clause: If, When, Although. */
static int
subordinator(struct qart *a, size_t t)
{
	static const char *const w[] = { "if", "when", "while", "although", "though", "as",
		"because", "after", "before", "since", "unless", "once", "until", "whereas", NULL };
	const char *const *x;

	for (x = w; *x != NULL; x++)
		if (tok_is(a, t, *x))
			return 1;
	return 0;
}

/* The first subject named in the sentence of token k, before it: "Rubio ... but said". */
int
sentence_subject(struct qart *a, size_t lo, size_t k, int *name)
{
	size_t j, hi;

	sentence_of(a, k, &lo, &hi);
	/* "If she did, party procedures give ...": the main clause's subject */
	if (subordinator(a, lo)) {
		for (j = lo + 1; j < k && a->toks[j].type != T_COMMA; j++)
			;
		if (j < k)
			lo = j + 1;
	}
	for (j = lo; j < k; j++) {
		const struct tok *x = &a->toks[j];

		if (x->m >= 0 && a->ments[x->m].subject) {
			const struct mention *m = &a->ments[x->m];

			*name = m->kind == MK_PRON ? m->ref : m->name;
			return *name >= 0;
		}
	}
	return 0;
}

/*
 * The person an apposition [t, e) names: "Dmitry Peskov", "state Del.
 * Marcia Price (D-Newport News)" -- a few title words, the name, a bracket.
 */
static int
apposition_name(struct qart *a, size_t t, size_t e)
{
	const struct mention *m;
	size_t i, k;

	for (i = t; i < e && i < t + 3 && a->toks[i].type == T_WORD && a->toks[i].m < 0 &&
	    !a->toks[i].cap && !(tok_cls(a, i) & (LX_VERB | LX_CONJ | LX_PRON)); i++)
		;
	if (i >= e || a->toks[i].m < 0)
		return -1;
	m = &a->ments[a->toks[i].m];
	if (m->kind != MK_NAME || m->t1 > e || !name_is_person(a, m->name))
		return -1;
	k = m->t1;
	if (k < e && a->toks[k].type == T_OPENP && a->toks[e - 1].type == T_CLOSEP && e - k < 12)
		k = e;
	return k == e ? m->name : -1;
}

/* Lower-case words shaped like adjectives: mayoral, senior, outspoken, longtime. */
static int
adjective(struct qart *a, size_t t)
{
	static const char *const ends[] = { "al", "ic", "ive", "an", "ary", "ent", "ous", "ior",
		"en", "ime", NULL };
	const char *const *e;
	size_t n, k;
	const char *s = tok_text(a, t, &n);

	for (e = ends; *e != NULL; e++) {
		k = strlen(*e);
		if (n > k + 2 && memcmp(s + n - k, *e, k) == 0)
			return 1;
	}
	return 0;
}

/*
 * A sentence that opens with a description of a person: "The Republican
 * nominee also vowed ...".  The person it stands for (a role noun whose
 * title someone was given) in *name, else the description's tokens.
 */
int
sentence_described(struct qart *a, size_t k, int *name, size_t *t0, size_t *t1)
{
	size_t lo, hi, j, n;
	const char *s;

	*name = -1;
	sentence_of(a, k, &lo, &hi);
	if (subordinator(a, lo))
		return 0;
	while (lo < k && a->toks[lo].type == T_WORD && (tok_cls(a, lo) & (LX_CONJ | LX_ADV)))
		lo++;
	if (lo >= k || !(tok_is(a, lo, "the") || tok_is(a, lo, "a") || tok_is(a, lo, "his") ||
	    tok_is(a, lo, "her") || tok_is(a, lo, "their") || (a->toks[lo].m >= 0 && a->toks[lo].poss)))
		return 0;
	if (a->toks[lo].m >= 0)
		lo = a->ments[a->toks[lo].m].t0;
	/* the words before the head: names and titles, "Republican presidential" */
	for (j = lo + 1; j < k && j < lo + 6 && a->toks[j].type == T_WORD &&
	    !(tok_cls(a, j) & (LX_VERB | LX_CONJ | LX_PRON)); j++) {
		if (!person_noun(a, j) || a->toks[j].poss) {
			if (a->toks[j].cap || (tok_cls(a, j) & LX_TITLE) || a->toks[j].m >= 0 ||
			    adjective(a, j))
				continue;
			return 0;
		}
		/* the head: a verb or an adverb follows in lower case */
		if (j + 1 >= k || a->toks[j + 1].type != T_WORD || a->toks[j + 1].cap ||
		    person_noun(a, j + 1))
			continue;
		if (tok_is(a, lo, "the") && (tok_cls(a, j) & (LX_ROLE | LX_TITLE))) {
			s = tok_text(a, j, &n);
			*name = role_person(a, lo, s, n);
		}
		*t0 = lo;
		*t1 = j + 1;
		return 1;
	}
	return 0;
}

/* The speaker whose words end at token k; 1 if there is one (named or not). */
static int
subject_end(struct qart *a, size_t lo, size_t k, int *name, int depth)
{
	const struct tok *x = &a->toks[k];
	const struct mention *m;
	size_t c2, j;

	*name = -1;
	if (depth > 3)
		return 0;
	switch (x->type) {
	case T_WORD:
		if (x->m >= 0) {
			m = &a->ments[x->m];
			subj_start = m->t0;
			if (m->kind == MK_PRON) {
				*name = m->ref;
				pron_open = m->ref < 0 && (tok_cls(a, m->t0) & (LX_PRON_M | LX_PRON_F));
				return 1;
			}
			if (m->t1 == k + 1 && !x->poss) {
				*name = m->name;
				if (a->names[m->name].org && m->t0 >= lo + 2) {
					size_t b = m->t0 - 1;

					if (tok_is(a, b, "the") && b > lo)
						b--;
					if (tok_is(a, b, "of") && b > lo && a->toks[b - 1].m >= 0 &&
					    a->ments[a->toks[b - 1].m].kind == MK_NAME &&
					    name_is_person(a, a->ments[a->toks[b - 1].m].name)) {
						*name = a->ments[a->toks[b - 1].m].name;
						subj_start = a->ments[a->toks[b - 1].m].t0;
					}
				}
				return 1;
			}
			return 0;
		}
		subj_start = k;
		if (tok_cls(a, k) & LX_PRON)
			return 1;	/* they, it, we */
		if (tok_is(a, k, "who") && k >= lo + 2 && a->toks[k - 1].type == T_COMMA)
			return subject_end(a, lo, k - 2, name, depth + 1);
		if (tok_is(a, k, "and") || tok_is(a, k, "but"))
			return sentence_subject(a, lo, k, name);
		if (x->cap)
			return 0;
		return noun_speaker(a, lo, k, name);
	case T_COMMA:
		/*
		 * "Keith Kellogg, Trump's envoy for Ukraine, said"; "Scott Pruitt,
		 * the attorney general of Oklahoma, one of the states suing, said"
		 */
		c2 = k;
		for (j = 0; j < 3; j++) {
			size_t c = c2;

			while (c > lo && c + APPOSITION_REACH > k) {
				c--;
				if ((a->toks[c].type == T_QUOTE && !a->quotes[a->toks[c].q].nickname) ||
				    a->toks[c].type == T_END || a->toks[c].type == T_COMMA)
					break;
			}
			if (c == c2 || a->toks[c].type != T_COMMA)
				return 0;
			/* the apposition is itself the name: "his spokesman, Dmitry Peskov, said" */
			if (j == 0 && (*name = apposition_name(a, c + 1, c2)) >= 0) {
				subj_start = c + 1;
				return 1;
			}
			if (c <= lo)
				return 0;
			if (a->toks[c - 1].m >= 0 && subject_end(a, lo, c - 1, name, depth + 1) &&
			    *name >= 0 && !a->names[*name].place)
				return 1;
			c2 = c;
		}
		return 0;
	case T_CLOSEP:
		/* "Gov. Mike Pence (R-Ind.) said" */
		for (j = k; j-- > lo && j + 12 > k;)
			if (a->toks[j].type == T_OPENP)
				return j > lo && subject_end(a, lo, j - 1, name, depth + 1);
		return 0;
	default:
		return 0;
	}
}

/* "cynically", "forcefully": adverbs in -ly may stand between speaker and verb. */
static int
adverb_ly(struct qart *a, size_t t)
{
	static const char *const nouns[] = { "family", "ally", "rally", "assembly", "supply",
		"daily", "weekly", "monthly", "quarterly", "anomaly", "monopoly", "bully", NULL };
	const char *const *w;
	size_t n;
	const char *s = tok_text(a, t, &n);

	if (!(n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y'))
		return 0;
	for (w = nouns; *w != NULL; w++)
		if (tok_is(a, t, *w))
			return 0;
	return 1;
}

static int
participle(struct qart *a, size_t t)
{
	size_t n;
	const char *s = tok_text(a, t, &n);

	return n > 4 && memcmp(s + n - 3, "ing", 3) == 0;
}

/* Speaker before the verb at cue: "Rubio (also) said"; of "..., calling it" the sentence's. */
int
subject_before(struct qart *a, size_t lo, size_t cue, int *name)
{
	size_t k = cue, s0, s1;

	*name = -1;
	while (k > lo) {
		k--;
		if (a->toks[k].type == T_WORD && !a->toks[k].cap && ((tok_cls(a, k) & LX_ADV) ||
		    adverb_ly(a, k)))
			continue;
		/* ", arguing that ...": a participle after a comma belongs to the clause's subject */
		if (participle(a, cue) && a->toks[k].type == T_COMMA)
			break;
		if (subject_end(a, lo, k, name, 0) && (*name >= 0 || !participle(a, cue)))
			return 1;
		break;
	}
	/* "the Council issued a statement calling it ...": the sentence's subject */
	if (participle(a, cue)) {
		sentence_of(a, cue, &s0, &s1);
		if (sentence_subject(a, s0, cue, name))
			return 1;
		/* "“…,” the businessman said, arguing that …": the earlier verb's speaker */
		for (k = cue; k-- > s0;)
			if (is_cue(a, k, s0) && !participle(a, k))
				return subject_before(a, s0, k, name) ||
				    subject_after(a, k, cue, name);
	}
	return 0;
}

/* Speaker after the verb at cue: "said Rubio", "said the senator", "according to X". */
static int
subject_after(struct qart *a, size_t cue, size_t hi, int *name)
{
	size_t k = cue + 1, j;
	const struct tok *x;

	*name = -1;
	if (tok_is(a, cue, "according"))
		k++;
	if (k >= hi)
		return 0;
	for (j = k; j < hi && j < k + 4 && a->toks[j].m < 0; j++) {
		x = &a->toks[j];
		if (x->type == T_WORD && !x->cap && !tok_is_determiner(a, j) &&
		    !(tok_cls(a, j) & (LX_VERB | LX_CONJ | LX_PRON | LX_NONNAME | LX_ADV)))
			continue;
		if (x->type == T_OTHER || (x->type == T_WORD && x->s < x->e &&
		    para_text(a, x->para)[x->s] >= '0' && para_text(a, x->para)[x->s] <= '9'))
			continue;
		break;
	}
	if (j < hi && j > k && a->toks[j].m >= 0 && a->ments[a->toks[j].m].kind == MK_NAME)
		k = j;
	x = &a->toks[k];
	if (x->type != T_WORD)
		return 0;
	if (x->m >= 0) {
		const struct mention *m = &a->ments[x->m];

		*name = m->kind == MK_PRON ? m->ref : m->name;
		if (m->kind == MK_NAME && a->toks[m->t1 - 1].poss)
			*name = -1;	/* according to Trump's doctor */
		pron_open = m->kind == MK_PRON && m->ref < 0 &&
		    (tok_cls(a, m->t0) & (LX_PRON_M | LX_PRON_F));
		return 1;
	}
	if (tok_is_determiner(a, k)) {
		for (j = k + 1; j < hi && j < k + 6 && a->toks[j].type == T_WORD; j++) {
			if (a->toks[j].m >= 0 && !a->toks[j].poss && tok_is(a, k, "the")) {
				*name = a->ments[a->toks[j].m].name;
				return 1;
			}
			if (!a->toks[j].cap && (tok_cls(a, j) & LX_ROLE) && tok_is(a, k, "the")) {
				size_t n;
				const char *s = tok_text(a, j, &n);

				*name = role_person(a, k, s, n);
				if (*name < 0 && (j + 1 >= a->ntok || a->toks[j + 1].type != T_QUOTE))
					describe(a, k, j);
				return 1;
			}
		}
		/*
		 * said a senior official: the first person noun is the head; not
		 * the object of "calling the candidate "fit"" (the quotation next).
		 */
		for (j = k + 1; j < hi && j < k + 6 && a->toks[j].type == T_WORD &&
		    !tok_is(a, k, "that") && !tok_is(a, k, "this"); j++) {
			if (person_noun(a, j) && !a->toks[j].cap) {
				if (j + 1 >= a->ntok || a->toks[j + 1].type != T_QUOTE)
					describe(a, k, j);
				break;
			}
			if (a->toks[j].poss || tok_is_determiner(a, j) ||
			    (tok_cls(a, j) & (LX_CONJ | LX_VERB | LX_PRON)))
				break;
		}
		/* a noun must follow: not "branded a "waste"" */
		return k + 1 < hi && a->toks[k + 1].type == T_WORD;
	}
	return 0;
}

/* Sentence bounds of token t in its paragraph: [*lo, *hi). */
void
sentence_of(struct qart *a, size_t t, size_t *lo, size_t *hi)
{
	const struct para *pa = &a->paras[a->toks[t].para];
	uint32_t s = a->toks[t].sent;

	/* at most SENTENCE_REACH tokens each way: run-on text stays linear */
	*lo = t;
	while (*lo > pa->t0 && a->toks[*lo - 1].sent == s && *lo + SENTENCE_REACH > t)
		(*lo)--;
	*hi = t + 1;
	while (*hi < pa->t0 + pa->nt && a->toks[*hi].sent == s && *hi < t + SENTENCE_REACH)
		(*hi)++;
}

/* Between a quotation and its speaker only a title may stand: not "…" when he said. */
static int
adjacent(struct qart *a, size_t qt, size_t start)
{
	size_t j;

	if (start > qt + 7)
		return 0;
	for (j = qt + 1; j < start; j++) {
		const struct tok *x = &a->toks[j];

		if ((x->type == T_QUOTE && !a->quotes[x->q].nickname) || x->type == T_END)
			return 0;
		if (x->type == T_WORD && (tok_cls(a, j) & (LX_CONJ | LX_VERB | LX_PRON)))
			return 0;
	}
	return 1;
}

static int
find_tail(struct qart *a, size_t qt, size_t hi, struct attr *r)
{
	size_t j, end = hi;

	for (j = qt + 1; j < hi; j++) {
		if (a->toks[j].type == T_QUOTE && !a->quotes[a->toks[j].q].nickname) {
			end = j;
			break;
		}
	}
	/* "…" — Jane Smith */
	if (qt + 2 < end && a->toks[qt + 1].type == T_DASH && a->toks[qt + 2].m >= 0 &&
	    a->ments[a->toks[qt + 2].m].kind == MK_NAME && !a->toks[qt + 2].poss) {
		r->found = 1;
		r->name = a->ments[a->toks[qt + 2].m].name;
		r->cue = qt + 1;
		return 1;
	}
	for (j = qt + 1; j < end && j <= qt + TAIL_REACH + APPOSITION_REACH; j++) {
		if (!is_cue(a, j, qt + 1))
			continue;
		/* the speaker or the verb comes first after the mark: not "…" when he said */
		subj_start = j;
		desc_t1 = 0;
		pron_open = 0;
		if (subject_before(a, qt + 1, j, &r->name) && adjacent(a, qt, subj_start))
			return found(r, j);
		desc_t1 = 0;
		pron_open = 0;
		if (j <= qt + 2 && subject_after(a, j, end, &r->name))
			return found(r, j);
		if (tok_cls(a, j) & (LX_TITLE | LX_PERSON))
			continue;	/* "state Del. Price": a title, not "to state" */
		return 0;
	}
	return 0;
}

/* "was branded a "waste" by MPs": the agent after "by", up to the sentence's end. */
static int
passive_agent(struct qart *a, size_t cue, size_t qt, size_t hi, int *name)
{
	size_t j, k = cue;
	static const char *const be[] = { "been", "was", "were", "is", "are", "be", "being", NULL };
	const char *const *w;
	int passive = 0;

	while (k > 0 && a->toks[k - 1].type == T_WORD && (tok_cls(a, k - 1) & LX_ADV) &&
	    !tok_is(a, k - 1, "was") && !tok_is(a, k - 1, "is"))
		k--;
	for (w = be; *w != NULL && k > 0; w++)
		if (tok_is(a, k - 1, *w))
			passive = 1;
	if (!passive)
		return 0;
	for (j = qt + 1; j < hi && j < qt + 6; j++) {
		if (a->toks[j].type == T_QUOTE)
			return 0;
		if (tok_is(a, j, "by") && j + 1 < hi)
			return subject_after(a, j, hi, name) || (tok_is(a, j, "by") &&
			    (subj_start = j + 1, noun_speaker(a, j + 1, j + 1, name)));
	}
	return 0;
}

static int
find_head(struct qart *a, size_t qt, size_t from, size_t lo, size_t hi, struct attr *r,
    int subjects_only)
{
	size_t j, start = lo;

	/* back through earlier quotations too: called him a "liar," a "bully" */
	for (j = from; j-- > start;) {
		if (!is_cue(a, j, start))
			continue;
		desc_t1 = 0;
		pron_open = 0;
		if (passive_agent(a, j, qt, hi, &r->name))
			return found(r, j);
		desc_t1 = 0;
		pron_open = 0;
		if (subject_before(a, start, j, &r->name))
			return found(r, j);
		desc_t1 = 0;
		pron_open = 0;
		if (!subjects_only && subject_after(a, j, qt, &r->name))
			return found(r, j);
	}
	return 0;
}

/*
 * The description a he or she stands for when no name does: the speaker
 * of the last speech verb before token `before` in this paragraph or the
 * one before ("The Trafford Centre spokeswoman said ..."), or the
 * description a sentence there opens with.
 */
static void
described_before(struct qart *a, size_t before, struct attr *r)
{
	size_t p = a->toks[before].para, stop, j, s0, s1;
	int name;

	stop = p > 0 ? a->paras[p - 1].t0 : a->paras[p].t0;
	for (j = before; j-- > stop && j + DESCRIBED_REACH > before;) {
		if (j + 1 < a->ntok && a->toks[j + 1].sent != a->toks[j].sent &&
		    a->toks[j + 1].para == a->toks[j].para && j + 1 < before) {
			/* the start of a sentence: does it open with a description? */
			sentence_of(a, j + 1, &s0, &s1);
			if (s1 > before)
				s1 = before;
			if (s1 > j + 2 && sentence_described(a, s1 - 1, &name, &s0, &s1) && name < 0) {
				r->desc_t0 = s0;
				r->desc_t1 = s1;
				return;
			}
		}
		if (!is_cue(a, j, stop))
			continue;
		sentence_of(a, j, &s0, &s1);
		desc_t1 = 0;
		if (subject_before(a, s0, j, &name)) {
			if (name < 0 && desc_t1 > 0) {
				r->desc_t0 = desc_t0;
				r->desc_t1 = desc_t1;
			}
			return;		/* the nearest speaker decides, described or not */
		}
	}
}

void
set_cue(struct qart *a, struct quote *q, size_t t)
{
	q->cue_tok = (int)t;
	q->cue_para = a->toks[t].para;
	q->cue_s = a->toks[t].s;
	q->cue_e = a->toks[t].e;
	if (tok_is(a, t, "according") && t + 1 < a->ntok)
		q->cue_e = a->toks[t + 1].e;
}

/* Whether the words of paragraph p from token t are mostly capitalised: a headline. */
static int
headline_after(struct qart *a, size_t p, size_t t)
{
	const struct para *pa = &a->paras[p];
	size_t words = 0, caps = 0;

	for (; t < pa->t0 + pa->nt; t++) {
		if (a->toks[t].type != T_WORD)
			continue;
		words++;
		caps += a->toks[t].cap != 0;
	}
	return words >= 3 && caps * 10 >= words * 6;
}

/* "PENCE: Well, look, ..." */
static int
label_of(struct qart *a, size_t p)
{
	const struct para *pa = &a->paras[p];
	const struct tok *x;
	const struct mention *m;

	if (pa->nt < 3)
		return -1;
	x = &a->toks[pa->t0];
	if (x->m < 0)
		return -1;
	m = &a->ments[x->m];
	if (m->kind != MK_NAME || m->t0 != pa->t0 || m->t1 - m->t0 > 3 ||
	    m->t1 >= pa->t0 + pa->nt || a->toks[m->t1].type != T_COLON)
		return -1;
	if (x->cap != 2 && !name_is_person(a, m->name))
		return -1;	/* "Correction:", "Politifact:" */
	if (headline_after(a, p, m->t1 + 1))
		return -1;	/* "Politifact: Donald Trump Is Right, ..." */
	return (int)x->m;
}

/* Whether the quoted words open with a capital letter (or anything but a small letter). */
static int
starts_upper(struct qart *a, const struct quote *q)
{
	long cp;
	const char *t = para_text(a, q->para) + q->ts;

	if (q->ts >= q->te)
		return 0;
	if ((unsigned char)t[0] < 0x80)
		return !(t[0] >= 'a' && t[0] <= 'z');
	return u8_decode(t, q->te - q->ts, &cp) < 0 || !u8_islower(cp);
}

/* The frame words say who spoke in each quotation of paragraph p. */
void
attrib_para(struct qart *a, size_t p)
{
	struct para *pa = &a->paras[p];
	size_t i, qt, lo, hi;
	struct attr r;

	pa->label = label_of(a, p);
	for (i = pa->q0; i < pa->q0 + pa->nq; i++) {
		struct quote *q = &a->quotes[i];

		qt = q->tok;
		q->speaker = -1;
		q->cue_tok = -1;
		sentence_of(a, qt, &lo, &hi);
		memset(&r, 0, sizeof(r));
		r.name = -1;
		if (find_tail(a, qt, hi, &r) || find_head(a, qt, qt, lo, hi, &r, 0)) {
			struct attr outer;

			/*
			 * Nobody named or described: the verb may be a reported
			 * one ("Holm said the advertisement "..." suggests", "told
			 * a woman who suggested that "...""); the subject of an
			 * earlier verb of the sentence, if named, is the one who
			 * spoke (not its object: "describing Jackson as "..."").
			 */
			memset(&outer, 0, sizeof(outer));
			outer.name = -1;
			if (r.name < 0 && r.desc_t1 == 0 &&
			    find_head(a, qt, r.cue < qt ? r.cue : qt, lo, hi, &outer, 1) &&
			    outer.name >= 0 && name_is_person(a, outer.name))
				r = outer;
			/* "A spokeswoman said ... "...," she added": the description */
			if (r.name < 0 && r.desc_t1 == 0 && r.pron_open)
				described_before(a, lo, &r);
			q->attributed = q->own = 1;
			q->speaker = r.name;
			q->desc_t0 = r.desc_t0;
			q->desc_t1 = r.desc_t1;
			set_cue(a, q, r.cue);
		} else if (pa->label >= 0) {
			q->attributed = q->own = 1;
			q->speaker = a->ments[pa->label].name;
			set_cue(a, q, a->ments[pa->label].t1);
		}
		/*
		 * Form, for now: direct when it stands as a sentence of its own,
		 * or follows its verb and opens with a capital ("said, "We ...");
		 * "called it "a threat"" is partial.
		 */
		if (qt == lo || (starts_upper(a, q) && (a->toks[qt - 1].type == T_COLON ||
		    (q->cue_tok >= 0 && (size_t)q->cue_tok < qt &&
		    (a->toks[qt - 1].type == T_COMMA || (size_t)q->cue_tok + 1 == qt) &&
		    ((size_t)q->cue_tok + 2 >= qt)))))
			q->form = FORM_DIRECT;
		else
			q->form = FORM_PARTIAL;
		/* "…," he said, "…": the second part goes on */
		if (q->own && i > pa->q0 && !a->quotes[i - 1].nickname && q->cue_tok >= 0 &&
		    (size_t)q->cue_tok < qt &&
		    a->quotes[i - 1].cue_tok == q->cue_tok && (size_t)q->cue_tok > a->quotes[i - 1].tok)
			q->form = FORM_CONTINUED;
	}
}

