/* lede-entities -- named entities, with offsets and the article's canonical names. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "swar.h"
#include "lede-entities/gaz.h"
#include "lede-entities/num.h"
#include "lede-entities/tag.h"

static const char usage[] =
"usage: lede-entities [-p] [-g FILE]... [-t TYPES] [--numbers] [--json] [--lenient] [FILE...]\n"
"Finds named entities in the text units of lede records and writes one record\n"
"per entity: DOC LOC KIND TEXT START END CANON (offsets in code points).\n"
"\n"
"  -p, --pass            also pass every input record on, each followed by its entities\n"
"  -g, --gazetteer FILE  add names from FILE (NAME<TAB>TYPE[<TAB>CANON] lines)\n"
"  -t, --types LIST      only these kinds, comma-separated (PERSON,ORG,...)\n"
"      --numbers         also QUANTITY, ORDINAL and CARDINAL\n"
"      --json            write JSON Lines\n"
"      --lenient         pass malformed records on with a warning\n"
"  -h, --help            this help\n"
"      --version         the version\n";

enum { OPT_NUMBERS = LEDE_OPT_FIRST_TOOL };

static const struct option longopts[] = {
	{ "pass", no_argument, NULL, 'p' },
	{ "gazetteer", required_argument, NULL, 'g' },
	{ "types", required_argument, NULL, 't' },
	{ "numbers", no_argument, NULL, OPT_NUMBERS },
	{ "json", no_argument, NULL, LEDE_OPT_JSON },
	{ "lenient", no_argument, NULL, LEDE_OPT_LENIENT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, LEDE_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static int pass;
static unsigned long want = ~0UL;	/* bit per enum etype */
static struct tag_opts topts;
static struct mentionvec mentions;

static void
parse_types(const char *arg)
{
	const char *p = arg, *c;
	enum etype t;

	want = 0;
	while (*p) {
		c = strchr(p, ',');
		if (c == NULL)
			c = p + strlen(p);
		t = ent_type_parse(p, (size_t)(c - p));
		if (t == T_NONE)
			lede_usage_error("unknown entity type in -t: %.*s", (int)(c - p), p);
		want |= 1UL << t;
		p = *c ? c + 1 : c;
	}
}

/*
 * Numbers under 1000 as the bytes to move: digits without leading zeros,
 * their count in the fourth byte; and "000" to "999" for the lower
 * digits of larger numbers.
 */
static char digits_lead[1000][4];
static char digits3[1000][3];

static void
init_digits(void)
{
	unsigned v;

	for (v = 0; v < 1000; v++) {
		digits3[v][0] = (char)('0' + v / 100);
		digits3[v][1] = (char)('0' + v / 10 % 10);
		digits3[v][2] = (char)('0' + v % 10);
		digits_lead[v][3] = (char)(v < 10 ? 1 : v < 100 ? 2 : 3);
		memcpy(digits_lead[v], digits3[v] + 3 - digits_lead[v][3],
		    (size_t)digits_lead[v][3]);
	}
}

/*
 * Decimal digits of v into out; returns the length.  out has room for 20
 * bytes, of which up to three after the digits may be overwritten.
 */
static inline size_t
utoa(size_t v, char *out)
{
	size_t n, hi;

	/* an offset in a paragraph is mostly under 1000: one four-byte move */
	if (v < 1000) {
		memcpy(out, digits_lead[v], 4);
		return (size_t)digits_lead[v][3];
	}
	hi = v / 1000;
	n = utoa(hi, out);
	memcpy(out + n, digits3[v - 1000 * hi], 3);
	return n + 3;
}

/* Entity lines of the current record, written at once. */
static struct buf out;

/*
 * The record's escaped "DOC\tLOC\t", made before its entity lines; the
 * escaped DOC (doc_len bytes, doc_ok) is kept for the whole article.
 */
static struct buf pre;
static size_t doc_len;
static int doc_ok;

/* Each KIND name with its TAB, padded so that a line copies it with one fixed-size move. */
static struct {
	char	s[16];
	size_t	n;
} kind_tab[256];

static void
init_kind_tab(void)
{
	unsigned t;
	size_t n;

	for (t = 0; t < 256; t++) {
		const char *name = ent_type_name((enum etype)t);

		n = strlen(name);
		if (n + 1 > sizeof(kind_tab[t].s))
			lede_diex(LEDE_EXIT_DATA, "entity type name too long: %s", name);
		memset(kind_tab[t].s, 0, sizeof(kind_tab[t].s));
		memcpy(kind_tab[t].s, name, n);
		kind_tab[t].s[n] = '\t';
		kind_tab[t].n = n + 1;
	}
}

static void
flush_out(void)
{
	if (out.len && (fwrite(out.p, 1, out.len, stdout) != out.len || ferror(stdout)))
		lede_write_failed();
	out.len = 0;
}

/* Non-zero if c is ASCII with nothing to escape. */
static inline int
plain_byte(unsigned char c)
{
	return c >= 0x0e && c < 0x80 && c != '\\';
}

#if defined(__SSE2__) && defined(__GNUC__)
/* 0xff in each byte of p[0..16) that is ASCII with nothing to escape. */
static inline __m128i
plain16(const char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);

	/* a signed compare: above 0x0d is neither a control nor a byte from 0x80 */
	return _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')),
	    _mm_cmpgt_epi8(x, _mm_set1_epi8(0x0d)));
}
#endif

/*
 * The length of the start of s[0..n) that is ASCII with nothing to
 * escape: there, code point offsets are byte offsets and an entity is
 * copied as it is.  32 bytes a step where SSE2 is there, 8 elsewhere;
 * the last block overlaps the one before.
 */
static size_t
plain_prefix(const char *s, size_t n)
{
	size_t i = 0;

#if defined(__SSE2__) && defined(__GNUC__)
	if (n >= 16) {
		while (i + 32 <= n &&
		    _mm_movemask_epi8(_mm_and_si128(plain16(s + i),
		    plain16(s + i + 16))) == 0xffff)
			i += 32;
		if (i + 16 <= n && _mm_movemask_epi8(plain16(s + i)) == 0xffff)
			i += 16;
		if (i + 16 > n && _mm_movemask_epi8(plain16(s + n - 16)) == 0xffff)
			return n;
	}
#else
	if (n >= 8) {
		while (i + 8 <= n && !((swar_load(s + i) & SWAR_HIGHS) |
		    swar_maybe_tsv_special(swar_load(s + i))))
			i += 8;
		if (i + 8 > n && !((swar_load(s + n - 8) & SWAR_HIGHS) |
		    swar_maybe_tsv_special(swar_load(s + n - 8))))
			return n;
	}
#endif
	while (i < n && plain_byte((unsigned char)s[i]))
		i++;
	return i;
}

/* Non-zero if s[0..n), 0 < n <= 16, is ASCII with nothing to escape. */
static inline int
short_plain(const char *s, size_t n)
{
	uint64_t a, b;

	if (n > 8) {
		a = swar_load(s);
		b = swar_load(s + n - 8);
	} else {
		a = b = swar_load_short(s, n);
	}
	return !(((a | b) & SWAR_HIGHS) | swar_maybe_tsv_special(a) | swar_maybe_tsv_special(b));
}

/* tsv_escape(), with the usual short plain field done here without a call. */
static inline size_t
escape(char *dst, const char *s, size_t n)
{
	if (n - 1 < 16 && short_plain(s, n)) {
		swar_copy_short(dst, s, n);
		return n;
	}
	return tsv_escape(dst, s, n);
}

/* Makes pre for record r, escaping DOC only for an article's first. */
static void
make_pre(const struct rec *r)
{
	/* 16 more: put_entity() moves pre in blocks of 16 bytes */
	pre.len = 0;
	buf_reserve(&pre, 2 * (r->f[F_DOC].n + r->f[F_LOC].n) + 2 + 16);
	if (!doc_ok) {
		doc_len = escape(pre.p, r->f[F_DOC].s, r->f[F_DOC].n);
		pre.p[doc_len++] = '\t';
		doc_ok = 1;
	}
	pre.len = doc_len;
	pre.len += escape(pre.p + pre.len, r->f[F_LOC].s, r->f[F_LOC].n);
	pre.p[pre.len++] = '\t';
}

/*
 * The line of m (in r, offsets cs..ce), appended to out or, under --json,
 * written.  plain: the text is ASCII with nothing to escape, copied as it
 * is.
 */
static inline void
put_entity(const struct rec *r, const struct mention *m, size_t cs, size_t ce, int plain)
{
	const char *text = r->f[F_TEXT].s + m->s;
	size_t tl = m->e - m->s, need, te, k, pl;
	const char *pp;
	char *p, *tp;

	if (rec_json) {
		char sb[24], eb[24];
		struct field x[3];

		x[0] = fld(sb, utoa(cs, sb));
		x[1] = fld(eb, utoa(ce, eb));
		x[2] = m->canon ? fld(m->canon, m->canonlen) : fld(text, tl);
		rec_put(r->f[F_DOC], r->f[F_LOC], ent_type_name((enum etype)m->type),
		    text, tl, x, 3);
		return;
	}
	/* the worst case of every field; pre, KIND and the numbers are moved in fixed sizes */
	need = pre.len + 16 + sizeof(kind_tab[0].s) + 2 * tl + 2 * 20 + 4 +
	    (m->canon ? 2 * (size_t)m->canonlen : 2 * tl);
	if (out.cap - out.len <= need)
		buf_reserve(&out, need);
	p = out.p + out.len;
	/* from locals: a store through p could change pre for all the compiler knows */
	pp = pre.p;
	pl = pre.len;
	for (k = 0; k < pl; k += 16)
		memcpy(p + k, pp + k, 16);
	p += pl;
	memcpy(p, kind_tab[m->type].s, sizeof(kind_tab[0].s));
	p += kind_tab[m->type].n;
	tp = p;
	if (plain) {
		if (tl - 1 < 16)
			swar_copy_short(p, text, tl);
		else
			memcpy(p, text, tl);
		te = tl;
	} else {
		te = tsv_escape(p, text, tl);
	}
	p += te;
	*p++ = '\t';
	p += utoa(cs, p);
	*p++ = '\t';
	p += utoa(ce, p);
	*p++ = '\t';
	/* CANON is most often the surface form, escaped just above */
	if (m->canon) {
		p += escape(p, m->canon, m->canonlen);
	} else {
		if (te - 1 < 16)
			swar_copy_short(p, tp, te);
		else
			memcpy(p, tp, te);
		p += te;
	}
	*p++ = '\n';
	out.len = (size_t)(p - out.p);
}

/*
 * The entity lines of record ri, r, from its mentions at mv[i] on;
 * returns the index after them.
 */
static size_t
put_record(const struct rec *r, size_t ri, const struct mention *mv, size_t nm, size_t i)
{
	const char *text = r->f[F_TEXT].s;
	/* counted so far: up to the last start and up to the last end */
	size_t spos = 0, scp = 0, epos = 0, ecp = 0, plen;

	/*
	 * Offsets are code points, and a field is escaped.  Up to plen, as
	 * nearly always over the whole text, the text is plain ASCII:
	 * offsets are byte offsets and the text is copied as it is.
	 */
	plen = plain_prefix(text, r->f[F_TEXT].n);
	/* DOC and LOC are the same on every line of the record: escaped once */
	if (!rec_json)
		make_pre(r);
	for (; i < nm && mv[i].rec == ri; i++) {
		const struct mention *m = &mv[i];
		size_t tl = m->e - m->s, cs, ce;
		int plain;

		if (!(want & (1UL << m->type)))
			continue;
		if (m->e <= plen) {
			cs = m->s;
			ce = m->e;
			plain = 1;
		} else {
			/*
			 * Mentions come sorted and apart: each byte is
			 * counted once, from the last end.  An overlap counts
			 * from the last start, anything else from the
			 * beginning.
			 */
			plain = tl - 1 < 16 && short_plain(text + m->s, tl);
			if (m->s >= epos)
				cs = ecp + u8_count(text + epos, m->s - epos);
			else if (m->s >= spos)
				cs = scp + u8_count(text + spos, m->s - spos);
			else
				cs = u8_count(text, m->s);
			ce = cs + (plain ? tl : u8_count(text + m->s, tl));
		}
		spos = m->s;
		scp = cs;
		epos = m->e;
		ecp = ce;
		put_entity(r, m, cs, ce, plain);
	}
	return i;
}

static int
on_article(const struct article *a, void *arg)
{
	size_t r, i = 0, nm;
	const struct mention *mv;

	gaz_trim();
	tag_article(a, &topts, &mentions);
	nm = mentions.n;
	mv = mentions.v;
	doc_ok = 0;
	for (r = 0; r < a->n; r++) {
		const struct rec *rc = &a->recs[r];

		/* --lenient passes a malformed record on, -p every record */
		if (pass || rc->bad) {
			flush_out();
			rec_write_rec(rc);
		}
		if (i < nm && mv[i].rec == r)
			i = put_record(rc, r, mv, nm, i);
	}
	flush_out();
	return 0;
}

int
main(int argc, char **argv)
{
	int ch, status;

	/* main() may run again in one process (tests/fuzz): start afresh */
	pass = 0;
	want = ~0UL;
	memset(&topts, 0, sizeof(topts));
	lede_init(argv[0]);
	gaz_init();
	while ((ch = getopt_long(argc, argv, "pg:t:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			pass = 1;
			break;
		case 'g':
			if (gaz_load_user(optarg) < 0)
				lede_diex(LEDE_EXIT_DATA, "cannot load gazetteer %s", optarg);
			break;
		case 't':
			parse_types(optarg);
			break;
		case OPT_NUMBERS:
			topts.numbers = 1;
			break;
		case LEDE_OPT_JSON:
			rec_json = 1;
			break;
		case LEDE_OPT_LENIENT:
			rec_lenient = 1;
			break;
		case 'h':
			lede_help(usage);
		case LEDE_OPT_VERSION:
			lede_version();
		default:
			lede_usage_error("unknown option");
		}
	}
	if (!topts.numbers)
		want &= ~((1UL << T_QUANTITY) | (1UL << T_ORDINAL) | (1UL << T_CARDINAL));
	num_init(topts.numbers);
	init_kind_tab();
	init_digits();
	gaz_freeze();
	rec_each_article(argc - optind, argv + optind, on_article, NULL);
	status = lede_finish();
	/* everything freed, so that leak checkers see no loss */
	tag_free();
	free(mentions.v);
	memset(&mentions, 0, sizeof(mentions));
	buf_free(&out);
	buf_free(&pre);
	num_free();
	gaz_free();
	return status;
}
