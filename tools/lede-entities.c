/* lede-entities -- named entities, with offsets and the article's canonical names. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
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

/* Decimal digits of v into out (at least 21 bytes); returns the length. */
static size_t
utoa(size_t v, char *out)
{
	size_t n = 1, i;
	size_t t;

	/* the length first, then the digits from the right, in place */
	for (t = v; t >= 10; t /= 10)
		n++;
	out[n] = '\0';
	for (i = n; i-- > 0; v /= 10)
		out[i] = (char)('0' + v % 10);
	return n;
}

/* Appends s[0..n) escaped as lede(7) says; b has room for 2n more bytes. */
static void
add_escaped(struct buf *b, const char *s, size_t n)
{
	b->len += tsv_escape(b->p + b->len, s, n);
}

/* Entity lines of the current record, written at once. */
static struct buf out;

/* The record's escaped "DOC\tLOC\t", made for its first entity line. */
static struct buf pre;
static int pre_ok;

static void
flush_out(void)
{
	if (out.len && (fwrite(out.p, 1, out.len, stdout) != out.len || ferror(stdout)))
		lede_write_failed();
	out.len = 0;
}

static void
write_entity(const struct rec *r, const struct mention *m, size_t cs, size_t ce)
{
	char sb[24], eb[24];
	struct field x[3];
	const char *text = r->f[F_TEXT].s;

	if (!rec_json) {
		/* the common case: into the record's buffer */
		const char *kind = ent_type_name((enum etype)m->type);
		const char *cn = m->canon ? m->canon : text + m->s;
		size_t cl = m->canon ? m->canonlen : m->e - m->s, kl = strlen(kind);

		if (!pre_ok) {
			/* DOC and LOC are the same on every line of the record: escaped once */
			pre.len = 0;
			buf_reserve(&pre, 2 * (r->f[F_DOC].n + r->f[F_LOC].n) + 2);
			add_escaped(&pre, r->f[F_DOC].s, r->f[F_DOC].n);
			pre.p[pre.len++] = '\t';
			add_escaped(&pre, r->f[F_LOC].s, r->f[F_LOC].n);
			pre.p[pre.len++] = '\t';
			pre_ok = 1;
		}
		buf_reserve(&out, pre.len + 2 * ((m->e - m->s) + cl) + kl + 2 * 24 + 8);
		memcpy(out.p + out.len, pre.p, pre.len);
		out.len += pre.len;
		memcpy(out.p + out.len, kind, kl);
		out.len += kl;
		out.p[out.len++] = '\t';
		add_escaped(&out, text + m->s, m->e - m->s);
		out.p[out.len++] = '\t';
		out.len += utoa(cs, out.p + out.len);
		out.p[out.len++] = '\t';
		out.len += utoa(ce, out.p + out.len);
		out.p[out.len++] = '\t';
		add_escaped(&out, cn, cl);
		out.p[out.len++] = '\n';
		return;
	}

	x[0] = fld(sb, utoa(cs, sb));
	x[1] = fld(eb, utoa(ce, eb));
	x[2] = m->canon ? fld(m->canon, m->canonlen) : fld(text + m->s, m->e - m->s);
	rec_put(r->f[F_DOC], r->f[F_LOC], ent_type_name((enum etype)m->type),
	    text + m->s, m->e - m->s, x, 3);
}

static int
on_article(const struct article *a, void *arg)
{
	size_t r, i = 0;

	gaz_trim();
	tag_article(a, &topts, &mentions);
	for (r = 0; r < a->n; r++) {
		const struct rec *rc = &a->recs[r];
		size_t pos = 0, cp = 0;

		pre_ok = 0;
		/* --lenient passes a malformed record on, -p every record */
		if (pass || rc->bad) {
			flush_out();
			rec_write_rec(rc);
		}
		for (; i < mentions.n && mentions.v[i].rec == r; i++) {
			const struct mention *m = &mentions.v[i];
			size_t cs, ce;

			if (!(want & (1UL << m->type)))
				continue;
			cs = cp + u8_count(rc->f[F_TEXT].s + pos, m->s - pos);
			ce = cs + u8_count(rc->f[F_TEXT].s + m->s, m->e - m->s);
			pos = m->s;
			cp = cs;
			write_entity(rc, m, cs, ce);
		}
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
