/* lede-quotes -- every quotation in the articles, with the person who said it. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lede-quotes/article.h"
#include "lede-quotes/lexicon.h"
#include "lede-quotes/marks.h"

static const char usage_text[] =
"usage: lede-quotes [-ap] [--min-words N] [--speaker NAME] [--json] [--lenient]\n"
"                   [file ...]\n"
"\n"
"Reads records (paragraphs or sentences of articles) and writes one `quote`\n"
"record per quotation: DOC, LOC, quote, TEXT, then SPEAKER (the fullest name\n"
"the article gives, empty when unknown), CUE (the verb as written) and FORM\n"
"(direct, partial, continued or block).  See lede-quotes(1).\n"
"\n"
"  -a, --all           every quoted stretch, even scare quotes and titles\n"
"  -p, --pass          pass every input record on, each text unit followed by\n"
"                      its quotations\n"
"  -m, --min-words=N   only quotations of at least N words\n"
"  -s, --speaker=NAME  only quotations by NAME (the full name or its last words)\n"
"      --json          write JSON Lines instead of records\n"
"      --lenient       pass malformed records on instead of failing\n"
"  -h, --help          show this help\n"
"      --version       show the version\n";

static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "pass", no_argument, NULL, 'p' },
	{ "min-words", required_argument, NULL, 'm' },
	{ "speaker", required_argument, NULL, 's' },
	{ "json", no_argument, NULL, LEDE_OPT_JSON },
	{ "lenient", no_argument, NULL, LEDE_OPT_LENIENT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, LEDE_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	int		 all;
	int		 pass;
	long		 min_words;
	const char	*speaker;
};

static const char *const form_names[] = { "direct", "partial", "continued", "block" };

/* The paragraph number of a LOC: "12" of "12.3". */
static struct field
para_key(const struct rec *r)
{
	size_t i;

	/* a few digits: a loop, not a library call */
	for (i = 0; i < r->f[F_LOC].n && r->f[F_LOC].s[i] != '.'; i++)
		;
	return fld(r->f[F_LOC].s, i);
}

/* Words a title leaves in lower case: "Face the Nation", "War of the Worlds". */
static int
small_word(const char *s, size_t n)
{
	static const char *const w[] = { "a", "an", "and", "at", "by", "for", "in", "of", "on",
		"or", "the", "to", "with", NULL };
	const char *const *x;
	size_t k;

	for (k = 0; k < n && s[k] != ' '; k++)
		;
	if (k > 4)
		return 0;
	for (x = w; *x != NULL; x++)
		if (strlen(*x) == k && memcmp(*x, s, k) == 0)
			return 1;
	return 0;
}

/* Quotations are told apart by their first words: more are counted only for --min-words. */
#define WORDS_KNOWN 8

/* The words of t[s..e) (no space at s), counting stops at cap. */
static size_t
count_words(const char *t, size_t s, size_t e, size_t cap)
{
	size_t n = s < e, i;

	for (i = s + 1; i < e && n < cap; i++) {
		const char *sp = memchr(t + i, ' ', e - i);

		if (sp == NULL)
			break;
		i = (size_t)(sp - t);
		while (i + 1 < e && t[i + 1] == ' ')
			i++;
		n += i + 1 < e;
	}
	return n;
}

static void
add_quote(struct qart *a, size_t p, const struct qspan *s)
{
	struct quote *q;
	const char *t = para_text(a, p);
	size_t i;
	int inword = 0, caps = 0;

	if (a->nquote == a->quotecap) {
		a->quotecap = a->quotecap ? a->quotecap * 2 : 64;
		a->quotes = xreallocarray(a->quotes, a->quotecap, sizeof(*a->quotes));
	}
	q = &a->quotes[a->nquote++];
	memset(q, 0, sizeof(*q));
	q->para = p;
	q->open = s->open;
	q->after = s->close + s->clen;
	q->ts = s->open + s->olen;
	q->te = s->close;
	q->closed = s->closed;
	q->fam = s->fam;
	q->speaker = -1;
	q->cue_tok = -1;
	/* trim: spaces, and the comma the writer's sentence puts before the mark */
	while (q->ts < q->te && (t[q->ts] == ' '))
		q->ts++;
	while (q->te > q->ts && (t[q->te - 1] == ' ' || t[q->te - 1] == ','))
		q->te--;
	q->words = (int)count_words(t, q->ts, q->te, WORDS_KNOWN);
	/* titles are short: only the first words are looked at */
	q->titlecase = q->words <= 7;
	for (i = q->ts; q->titlecase && i < q->te; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == ' ') {
			inword = 0;
			continue;
		}
		if (inword)
			continue;
		inword = 1;
		if (c >= 'a' && c <= 'z' && !small_word(t + i, q->te - i))
			q->titlecase = 0;
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			caps++;
	}
	/* punctuation inside: a sentence, not a title */
	for (i = q->ts; q->titlecase && q->words <= 7 && i + 1 < q->te; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '.' || c == '?' || c == '!' || c == ',' || c == ';')
			q->titlecase = 0;
	}
	if (q->te > q->ts && (t[q->te - 1] == '.' || t[q->te - 1] == '?' || t[q->te - 1] == '!'))
		q->titlecase = 0;
	if (caps == 0)
		q->titlecase = 0;
}

static int
ieq_tail(const char *spk, size_t n, const char *want)
{
	size_t wl = strlen(want), i;

	if (wl > n || (wl < n && spk[n - wl - 1] != ' '))
		return 0;
	for (i = 0; i < wl; i++) {
		unsigned char x = (unsigned char)spk[n - wl + i], y = (unsigned char)want[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/*
 * The words that describe a speaker nobody names, as written but for a
 * capital on the article: "the Vermont senator", "a Democratic source".
 */
static const char *
description(struct qart *a, const struct quote *q, size_t *n)
{
	static char buf[256];
	const struct tok *t0 = &a->toks[q->desc_t0], *t1 = &a->toks[q->desc_t1 - 1];
	const char *s = para_text(a, t0->para) + t0->s;
	size_t len = t1->e - t0->s;

	if (len >= sizeof(buf) || t1->para != t0->para || t1->e < t0->s) {
		*n = 0;
		return "";
	}
	memcpy(buf, s, len);
	/* "The senator", and "Protesters" alone at the start of a sentence */
	if (t0->cap == 1 && (unsigned char)buf[0] < 0x80 && (tok_is_determiner(a, q->desc_t0) ||
	    (q->desc_t1 == q->desc_t0 + 1 && (q->desc_t0 == a->paras[t0->para].t0 ||
	    a->toks[q->desc_t0 - 1].sent != t0->sent))))
		buf[0] = (char)(buf[0] + 32);
	*n = len;
	return buf;
}

static void
write_quote(struct qart *a, const struct rec *r, const struct quote *q, const struct opts *o)
{
	struct field extra[3];
	const char *spk = "";
	size_t spkn = 0;

	if (!q->keep && !o->all)
		return;
	if (o->min_words > 0 && q->words < o->min_words && (q->words < WORDS_KNOWN ||
	    count_words(para_text(a, q->para), q->ts, q->te, (size_t)o->min_words) <
	    (size_t)o->min_words))
		return;
	if (q->speaker >= 0) {
		const struct name *nm = &a->names[a->names[q->speaker].full];

		spk = a->names_text.p + nm->off;
		spkn = nm->len;
	} else if (q->desc_t1 > q->desc_t0) {
		spk = description(a, q, &spkn);
	}
	if (o->speaker != NULL && !ieq_tail(spk, spkn, o->speaker))
		return;
	extra[0] = fld(spk, spkn);
	extra[1] = q->cue_tok >= 0 ? fld(para_text(a, q->cue_para) + q->cue_s, q->cue_e - q->cue_s) :
	    fld("", 0);
	extra[2] = fldz(form_names[q->form]);
	rec_put(r->f[F_DOC], r->f[F_LOC], "quote", para_text(a, q->para) + q->ts, q->te - q->ts,
	    extra, 3);
}

struct state {
	struct opts	 o;
	struct qart	 a;
};

/* The text units as paragraphs: sentence records of one paragraph are joined by a space. */
static void
read_paragraphs(struct qart *a, const struct article *in)
{
	struct field key, prevkey = { NULL, 0 };
	size_t i;
	int have = 0;

	a->text.len = 0;
	a->npara = a->ntok = a->nquote = a->nment = 0;
	names_reset(a);
	if (a->reccap < in->n) {
		a->reccap = in->n;
		a->recoff = xreallocarray(a->recoff, a->reccap, sizeof(*a->recoff));
	}
	for (i = 0; i < in->n; i++) {
		const struct rec *r = &in->recs[i];
		struct para *pa;

		if (!rec_is_text_unit(r))
			continue;
		key = para_key(r);
		if (!have || key.n != prevkey.n || memcmp(key.s, prevkey.s, key.n) != 0 ||
		    a->paras[a->npara - 1].rec0 + a->paras[a->npara - 1].nrec != i) {
			if (a->npara == a->paracap) {
				a->paracap = a->paracap ? a->paracap * 2 : 64;
				a->paras = xreallocarray(a->paras, a->paracap, sizeof(*a->paras));
			}
			pa = &a->paras[a->npara++];
			memset(pa, 0, sizeof(*pa));
			pa->off = a->text.len;
			pa->rec0 = i;
			pa->label = -1;
		} else {
			pa = &a->paras[a->npara - 1];
			a->text.p[a->text.len - 1] = ' ';	/* was the NUL after the last record */
		}
		a->recoff[i] = a->text.len - pa->off;
		buf_add(&a->text, r->f[F_TEXT].s, r->f[F_TEXT].n);
		pa->len = a->text.len - pa->off;
		buf_addc(&a->text, '\0');	/* every paragraph ends in a NUL: scanners stop there */
		pa->nrec = i - pa->rec0 + 1;
		prevkey = key;
		have = 1;
	}
	buf_terminate(&a->text);
	/* word lookups read eight bytes at a time: zeros after the last paragraph */
	buf_reserve(&a->text, LX_PAD);
	memset(a->text.p + a->text.len, 0, LX_PAD);
}

/* The quotations of every paragraph; returns one past the last paragraph that has any. */
static size_t
find_quotes(struct qart *a, const struct article *in, int all)
{
	size_t p, k, i, last = 0;

	for (p = 0; p < a->npara; p++) {
		struct para *pa = &a->paras[p];
		const char *t = para_text(a, p);

		pa->q0 = a->nquote;
		if (marks_any(t, pa->len, all)) {
			marks_scan(t, pa->len, &a->qv, all);
			for (k = 0; k < a->qv.n; k++)
				add_quote(a, p, &a->qv.v[k]);
		}
		pa->nq = a->nquote - pa->q0;
		if (pa->nq > 0)
			last = p + 1;
		/* the record holding each opening mark */
		for (k = pa->q0; k < pa->q0 + pa->nq; k++) {
			struct quote *q = &a->quotes[k];

			q->rec = pa->rec0;
			for (i = pa->rec0; i < pa->rec0 + pa->nrec; i++)
				if (rec_is_text_unit(&in->recs[i]) && a->recoff[i] <= q->open)
					q->rec = i;
		}
	}
	return last;
}

/* Block quotations: a paragraph leaves its last mark open and the next one opens again. */
static void
link_blocks(struct qart *a)
{
	size_t p, lead;

	for (p = 0; p + 1 < a->npara; p++) {
		struct para *pa = &a->paras[p], *nx = &a->paras[p + 1];
		const char *t = para_text(a, p + 1);

		if (pa->nq == 0 || nx->nq == 0 || a->quotes[pa->q0 + pa->nq - 1].closed)
			continue;
		for (lead = 0; lead < nx->len && t[lead] == ' '; lead++)
			;
		if (a->quotes[nx->q0].open == lead &&
		    a->quotes[nx->q0].fam == a->quotes[pa->q0 + pa->nq - 1].fam) {
			a->quotes[pa->q0 + pa->nq - 1].block_next = 1;
			a->quotes[nx->q0].block_prev = 1;
		}
	}
}

static int
article_cb(const struct article *in, void *arg)
{
	struct state *st = arg;
	struct qart *a = &st->a;
	size_t i, p, k, qn, last;

	read_paragraphs(a, in);
	last = find_quotes(a, in, st->o.all);
	/* the words of each paragraph up to the last with a quotation: nothing after it is needed */
	for (p = 0; p < a->npara; p++) {
		a->paras[p].t0 = a->ntok;
		if (p < last)
			frame_para(a, p);
	}
	link_blocks(a);
	names_resolve(a);
	attrib_article(a);
	/* each text unit (with -p), then the quotations that open in it */
	qn = 0;
	for (i = 0; i < in->n; i++) {
		const struct rec *r = &in->recs[i];

		if (st->o.pass)
			rec_write_rec(r);
		if (!rec_is_text_unit(r))
			continue;
		while (qn < a->nquote && a->quotes[qn].rec < i)
			qn++;
		for (k = qn; k < a->nquote && a->quotes[k].rec == i; k++)
			write_quote(a, r, &a->quotes[k], &st->o);
	}
	return 0;
}

/* Everything an article's reading keeps for the next: main() returns with nothing held. */
static void
qart_free(struct qart *a)
{
	free(a->text.p);
	free(a->paras);
	free(a->recoff);
	free(a->toks);
	free(a->quotes);
	free(a->names);
	free(a->names_text.p);
	free(a->nametab);
	free(a->lasttab);
	free(a->ments);
	qvec_free(&a->qv);
	spanvec_free(&a->sv);
	memset(a, 0, sizeof(*a));
}

int
main(int argc, char *argv[])
{
	static struct state st;
	int ch, status;

	memset(&st, 0, sizeof(st));
	lede_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "ahm:ps:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			st.o.all = 1;
			break;
		case 'h':
			lede_help(usage_text);
		case 'm':
			st.o.min_words = lede_parse_count("--min-words", optarg, 100000);
			break;
		case 'p':
			st.o.pass = 1;
			break;
		case 's':
			st.o.speaker = optarg;
			break;
		case LEDE_OPT_JSON:
			rec_json = 1;
			break;
		case LEDE_OPT_LENIENT:
			rec_lenient = 1;
			break;
		case LEDE_OPT_VERSION:
			lede_version();
		default:
			lede_bad_option();
		}
	}
	argc -= optind;
	argv += optind;
	lx_init();
	rec_each_article(argc, argv, article_cb, &st);
	status = lede_finish();
	qart_free(&st.a);
	lx_free();
	return status;
}
