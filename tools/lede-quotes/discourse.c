/* discourse.c -- quotations across sentences and paragraphs: continuations, blocks, filters. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "article.h"
#include "lexicon.h"

/*
 * After each quotation's own sentence has been read (attrib.c), per
 * article: a transcript label inside the marks wins; a quotation without
 * a verb of its own takes the speaker of the quotation before it in the
 * paragraph (continued), of a report earlier in the paragraph ("...,
 * Schiff said."), or, when it opens the paragraph, of the paragraph
 * before; block quotations share one speaker; a partial quotation with
 * no verb gets its sentence's subject without a cue.  Last, scare quotes
 * and titles are marked to be left out.
 */

#define REPORT_REACH 80		/* tokens back to look for "..., Schiff said." */

static void
inherit(struct quote *q, const struct quote *from)
{
	q->attributed = 1;
	q->speaker = from->speaker;
	q->desc_t0 = from->desc_t0;
	q->desc_t1 = from->desc_t1;
	q->cue_tok = from->cue_tok;
	q->cue_para = from->cue_para;
	q->cue_s = from->cue_s;
	q->cue_e = from->cue_e;
}

static int
letters(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z')
			return 1;
	return 0;
}

/*
 * The speaker of an indirect report in paragraph p, before token `before`:
 * "Rubio told reporters that ..."
 */
static int
reported_speaker(struct qart *a, size_t p, size_t before, int *name, size_t *cue)
{
	const struct para *pa = &a->paras[p];
	size_t j, lo, hi;

	for (j = before; j-- > pa->t0 && j + REPORT_REACH > before;) {
		if (!is_cue(a, j, pa->t0))
			continue;
		sentence_of(a, j, &lo, &hi);
		if (subject_before(a, lo, j, name) && *name >= 0) {
			*cue = j;
			return 1;
		}
	}
	return 0;
}

/*
 * A transcript inside quotation marks: "PENCE: Well, look, ..." -- the
 * label in capitals names the speaker, and is not part of the words.
 */
static void
inner_label(struct qart *a, struct quote *q)
{
	const char *t = para_text(a, q->para);
	size_t i = q->ts, words = 0, lower = 0, e;

	/* a label starts with two capitals: PENCE, MR. TRUMP */
	if (q->ts + 2 >= q->te || !(t[i] >= 'A' && t[i] <= 'Z') || !(t[i + 1] >= 'A' && t[i + 1] <= 'Z'))
		return;
	while (i < q->te && i < q->ts + 40 && t[i] != ':') {
		unsigned char c = (unsigned char)t[i];

		if (c == ' ') {
			if (i > q->ts && t[i - 1] != ' ')
				words++;
		} else if (c >= 'a' && c <= 'z') {
			lower++;
		} else if (!(c >= 'A' && c <= 'Z') && c != '.' && c != '\'' && c != '-') {
			return;
		}
		i++;
	}
	if (i >= q->te || t[i] != ':' || i == q->ts || words > 2 || lower > 0 || i - q->ts < 2)
		return;
	e = i;
	while (e > q->ts && t[e - 1] == ' ')
		e--;
	/* MR. TRUMP -> TRUMP: the title is not the name */
	{
		size_t s0 = q->ts, k;

		for (k = q->ts; k < e; k++)
			if (t[k] == ' ' && (lx_get(t + s0, k - s0) & LX_TITLE))
				s0 = k + 1;
		q->speaker = name_resolve_new(a, t + s0, e - s0);
	}
	q->attributed = q->own = 1;
	q->cue_tok = 0;
	q->cue_para = q->para;
	q->cue_s = i;
	q->cue_e = i + 1;
	for (q->ts = i + 1; q->ts < q->te && t[q->ts] == ' '; q->ts++)
		;
}

/*
 * A capitalised title after a possessive or a preposition names a work or
 * a programme, even in a sentence with a speech verb: told MSNBC's "Morning
 * Joe", an interview on "Face the Nation".
 */
static int
names_a_work(struct qart *a, const struct quote *q)
{
	static const char *const preps[] = { "on", "of", "in", "at", "during", "to", "from", NULL };
	const char *const *w;
	size_t t = q->tok;

	if (t == a->paras[q->para].t0 || a->toks[t - 1].type != T_WORD)
		return 0;
	if (a->toks[t - 1].poss)
		return 1;
	for (w = preps; *w != NULL; w++)
		if (tok_is(a, t - 1, *w))
			return 1;
	return 0;
}

void
attrib_article(struct qart *a)
{
	size_t p, i, k, last_attr;
	int name;
	size_t cue;

	for (p = 0; p < a->npara; p++)
		attrib_para(a, p);
	for (i = 0; i < a->nquote; i++)
		inner_label(a, &a->quotes[i]);
	for (p = 0; p < a->npara; p++) {
		struct para *pa = &a->paras[p];

		last_attr = (size_t)-1;
		for (i = pa->q0; i < pa->q0 + pa->nq; i++) {
			struct quote *q = &a->quotes[i];

			if (i > pa->q0 && a->quotes[i - 1].attributed)
				last_attr = i - 1;
			if (q->block_prev || q->block_next)
				q->form = FORM_BLOCK;
			if (q->attributed)
				continue;
			/* an earlier quotation of the paragraph */
			if (last_attr != (size_t)-1) {
				inherit(q, &a->quotes[last_attr]);
				if (q->form != FORM_BLOCK)
					q->form = FORM_CONTINUED;
				continue;
			}
			/* a later one, when this one is a sentence of its own: "A." "B," he said. */
			if (q->form == FORM_DIRECT && q->words >= 3) {
				for (k = i + 1; k < pa->q0 + pa->nq && k < i + 4; k++) {
					if (a->quotes[k].own) {
						inherit(q, &a->quotes[k]);
						break;
					}
				}
			}
			if (q->attributed)
				continue;
			/* a sentence of its own after "..., Schiff said." in the paragraph */
			if (q->tok > pa->t0 && a->toks[q->tok - 1].sent != a->toks[q->tok].sent &&
			    reported_speaker(a, p, q->tok, &name, &cue)) {
				q->attributed = 1;
				q->speaker = name;
				set_cue(a, q, cue);
				continue;
			}
			/* opening the paragraph: the speaker of the paragraph before */
			if (p > 0 && (q->tok == pa->t0 || q->block_prev) && !a->paras[p - 1].heading) {
				const struct para *pp = &a->paras[p - 1];

				if (pp->nq > 0 && a->quotes[pp->q0 + pp->nq - 1].attributed) {
					inherit(q, &a->quotes[pp->q0 + pp->nq - 1]);
					if (q->form != FORM_BLOCK)
						q->form = FORM_CONTINUED;
				} else if (pp->nq == 0 &&
				    reported_speaker(a, p - 1, pp->t0 + pp->nt, &name, &cue)) {
					q->attributed = 1;
					q->speaker = name;
					set_cue(a, q, cue);
				}
			}
		}
	}
	/* block quotations: one speaker for the whole run */
	for (i = a->nquote; i-- > 0;) {
		struct quote *q = &a->quotes[i];

		if (q->block_next && i + 1 < a->nquote && a->quotes[i + 1].attributed &&
		    (!q->attributed || q->speaker < 0))
			inherit(q, &a->quotes[i + 1]);
	}
	for (i = 0; i < a->nquote; i++) {
		struct quote *q = &a->quotes[i];
		const char *s = para_text(a, q->para) + q->ts;
		size_t lo, hi;

		/*
		 * A partial quotation with no verb of saying: the words are the
		 * clause subject's ("Reid has gone after Trump as a "leech"").
		 * SPEAKER without CUE says so.
		 */
		if (!q->attributed) {
			sentence_of(a, q->tok, &lo, &hi);
			if ((q->form == FORM_PARTIAL || (q->tok > lo &&
			    a->toks[q->tok - 1].type == T_COLON)) &&
			    sentence_subject(a, lo, q->tok, &name) && name >= 0 &&
			    (name_is_person(a, name) || a->names[name].org))
				q->speaker = name;
			/* "The Republican nominee also vowed to punish "those ..."" */
			else if (q->form == FORM_PARTIAL &&
			    sentence_described(a, q->tok, &name, &q->desc_t0, &q->desc_t1)) {
				q->speaker = name;
				if (name >= 0)
					q->desc_t1 = 0;
			}
			/* "Sanders identified ... as one reason. "The younger people ..."" */
			else if (q->tok == lo && lo > a->paras[q->para].t0 &&
			    sentence_subject(a, lo - 1, lo - 1, &name) && name >= 0 &&
			    !a->names[name].place && name_is_person(a, name))
				q->speaker = name;
		}
		if (q->block_prev && i > 0 && a->quotes[i - 1].attributed && q->speaker < 0)
			inherit(q, &a->quotes[i - 1]);
		/* scare quotes, titles and stray marks are not quotations */
		q->keep = 1;
		if (!letters(s, q->te - q->ts) || q->nickname)
			q->keep = 0;
		else if (q->words <= 2 && !q->own && !q->block_prev && !q->block_next &&
		    !(q->speaker >= 0 && name_is_person(a, q->speaker)))
			q->keep = 0;
		else if (q->titlecase && q->words <= 6 && (!q->own || names_a_work(a, q)))
			q->keep = 0;
	}
}
