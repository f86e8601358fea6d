/* article.h -- lede-quotes' view of one article: paragraphs, words, quotes, people. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_QUOTES_ARTICLE_H
#define LEDE_QUOTES_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "lede.h"
#include "marks.h"
#include "sentseg.h"

enum { T_WORD, T_COMMA, T_COLON, T_SEMI, T_DASH, T_END, T_QUOTE, T_OPENP, T_CLOSEP, T_OTHER };

/* A word or punctuation mark of a paragraph's own text; a quotation is one token. */
struct tok {
	uint32_t	s, e;		/* bytes in the paragraph (e before a possessive 's) */
	uint32_t	sent;		/* sentence number in the paragraph */
	uint32_t	para;		/* its paragraph */
	int32_t		q;		/* T_QUOTE: the quote; else -1 */
	int32_t		m;		/* the mention this word belongs to, or -1 */
	unsigned	cls;		/* lexicon classes (valid when has_cls) */
	uint8_t		type;
	uint8_t		cap;		/* 1: Capitalised, 2: ALL CAPS */
	uint8_t		poss;		/* followed by 's */
	uint8_t		has_cls;
};

/* One paragraph: the text of its records joined. */
struct para {
	size_t		off, len;	/* in art->text */
	size_t		rec0, nrec;	/* its text-unit records */
	size_t		t0, nt;		/* its tokens */
	size_t		q0, nq;		/* its quotes */
	int		heading;	/* mostly capitalised: no names taken */
	int		unsure_stop;	/* "U.S. Officials": a full stop the words cannot place */
	int		label;		/* "NAME: ..." transcript label: mention, or -1 */
};

enum { FORM_DIRECT, FORM_PARTIAL, FORM_CONTINUED, FORM_BLOCK };

struct quote {
	size_t		para;
	size_t		ts, te;		/* the words, in the paragraph */
	size_t		open, after;	/* the marks: first byte, first byte after */
	size_t		tok;		/* its T_QUOTE token */
	size_t		rec;		/* the record holding its opening mark */
	int		closed, fam;
	int		words;
	int		titlecase;	/* every word capitalised */
	int		block_next;	/* goes on in the next paragraph */
	int		block_prev;	/* goes on from the previous paragraph */
	int		nickname;	/* Marcia "Cia" Price: part of a name */
	/* attribution */
	int		attributed;	/* a cue or label was found for it */
	int		own;		/* ... in its own sentence */
	int		speaker;	/* name, or -1 */
	size_t		desc_t0, desc_t1;	/* tokens describing an unnamed speaker (t1 0: none) */
	size_t		cue_para, cue_s, cue_e;	/* the cue as written */
	int		cue_tok;	/* absolute token of the cue, or -1 */
	int		form;
	int		keep;
};

/* A name as the article writes it, titles stripped: "Marco Rubio", "Rubio". */
struct name {
	size_t		off, len;	/* in art->names_text */
	size_t		last;		/* offset of the last word in the text */
	size_t		lastkey;	/* hash of the last word, lower case */
	int		nwords;
	int		org, place, titled, given, gender;	/* gender: 'm', 'f' or 0 */
	int		gender_sure;	/* from a title (Mr, Lady), not a given name */
	int		spoke;		/* was the subject of a speech verb */
	char		titles[48];	/* title words seen before it, lower case */
	size_t		tlen;
	int		full;		/* the fullest name for it (itself if none) */
	size_t		full_at;	/* number of names when full was found */
	size_t		slot;		/* in the name hash */
	int		samelast;	/* the previous name with the same last word, or -1 */
};

enum { MK_NAME, MK_PRON };

struct mention {
	int		name;		/* MK_NAME: its name */
	int		ref;		/* MK_PRON: the name it stands for, or -1 */
	int		kind;
	int		subject;	/* starts a clause: a possible antecedent */
	size_t		para;
	size_t		t0, t1;		/* absolute tokens [t0, t1) */
};

struct qart {
	struct field	 doc;
	struct buf	 text;
	struct para	*paras;
	size_t		 npara, paracap;
	size_t		*recoff;	/* each record's offset in its paragraph */
	size_t		 reccap;
	struct tok	*toks;
	size_t		 ntok, tokcap;
	struct quote	*quotes;
	size_t		 nquote, quotecap;
	struct name	*names;
	size_t		 nname, namecap;
	struct buf	 names_text;
	int		*nametab;	/* hash of names (lower case) to index, -1 empty */
	size_t		 nametabcap;
	int		*lasttab;	/* last word's hash to the latest such name, -1 empty */
	struct mention	*ments;
	size_t		 nment, mentcap;
	struct qvec	 qv;
	size_t		 cur_para;	/* being tokenised */
	struct tok	 tok_blank;	/* a new token of cur_para */
	struct spanvec	 sv;
};

static inline const char *
para_text(const struct qart *a, size_t p)
{
	return a->text.p + a->paras[p].off;
}

/* frame.c: tokens, sentences, names and mentions of one paragraph. */
void		frame_para(struct qart *, size_t p);
/* The lexicon classes of token t, looked up once. */
unsigned	tok_cls_lookup(struct qart *, size_t t);
static inline unsigned
tok_cls(struct qart *a, size_t t)
{
	return a->toks[t].has_cls ? a->toks[t].cls : tok_cls_lookup(a, t);
}
/* people.c */
int		name_add(struct qart *, const char *s, size_t n);
void		names_resolve(struct qart *);
/* name_add() for a name found after names_resolve(): its fullest form at once. */
int		name_resolve_new(struct qart *, const char *s, size_t n);
void		mention_add_chunk(struct qart *, size_t p, size_t t0, size_t t1);
/* Whether a name is a person's (titled, a known given name). */
int		name_is_person(struct qart *, int id);
/* Forgets the names of the last article. */
void		names_reset(struct qart *);
/* The last person named before token `before` whose titles fit a role noun. */
int		role_person(struct qart *, size_t before, const char *role, size_t rn);
/* attrib.c: one quotation's sentence */
void		attrib_para(struct qart *, size_t p);
/* ... and the word tests discourse.c shares with it */
int		tok_is(struct qart *, size_t t, const char *lower_word);
/* the, a, his, several: words that open a description */
int		tok_is_determiner(struct qart *, size_t t);
int		is_cue(struct qart *, size_t t, size_t lo);
/* Sentence bounds of token t, at most a fixed reach either side: [*lo, *hi). */
void		sentence_of(struct qart *, size_t t, size_t *lo, size_t *hi);
/* The first clause subject of the sentence of token k, before k. */
int		sentence_subject(struct qart *, size_t lo, size_t k, int *name);
/* A sentence opening with "The Republican nominee ...": its person, or its words. */
int		sentence_described(struct qart *, size_t k, int *name, size_t *t0, size_t *t1);
/* The speaker before the verb at token cue: 1 if there is one (name may be -1). */
int		subject_before(struct qart *, size_t lo, size_t cue, int *name);
void		set_cue(struct qart *, struct quote *, size_t t);
/* discourse.c: across sentences and paragraphs */
void		attrib_article(struct qart *);

#endif
