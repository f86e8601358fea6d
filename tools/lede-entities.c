/* lede-entities -- named entities, with offsets and the article's canonical names. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
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
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
	return n;
}

/* Appends s[0..n) escaped as lede(7) says: TAB, LF, CR, backslash. */
static void
add_escaped(struct buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		char c = s[i], e;

		if (c == '\t')
			e = 't';
		else if (c == '\n')
			e = 'n';
		else if (c == '\r')
			e = 'r';
		else if (c == '\\')
			e = '\\';
		else
			continue;
		buf_add(b, s + start, i - start);
		buf_addc(b, '\\');
		buf_addc(b, e);
		start = i + 1;
	}
	buf_add(b, s + start, n - start);
}

static void
write_entity(const struct rec *r, const struct mention *m, size_t cs, size_t ce)
{
	static struct buf line;
	char sb[24], eb[24];
	struct field x[3];
	const char *text = r->f[F_TEXT].s;

	if (!rec_json) {
		/* the common case, one write per record */
		const char *kind = ent_type_name((enum etype)m->type);

		line.len = 0;
		add_escaped(&line, r->f[F_DOC].s, r->f[F_DOC].n);
		buf_addc(&line, '\t');
		add_escaped(&line, r->f[F_LOC].s, r->f[F_LOC].n);
		buf_addc(&line, '\t');
		buf_adds(&line, kind);
		buf_addc(&line, '\t');
		add_escaped(&line, text + m->s, m->e - m->s);
		buf_addc(&line, '\t');
		buf_add(&line, sb, utoa(cs, sb));
		buf_addc(&line, '\t');
		buf_add(&line, eb, utoa(ce, eb));
		buf_addc(&line, '\t');
		if (m->canon)
			add_escaped(&line, m->canon, m->canonlen);
		else
			add_escaped(&line, text + m->s, m->e - m->s);
		buf_addc(&line, '\n');
		if (fwrite(line.p, 1, line.len, stdout) != line.len || ferror(stdout))
			lede_write_failed();
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

		/* --lenient passes a malformed record on, -p every record */
		if (pass || rc->bad)
			rec_write_rec(rc);
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
	return 0;
}

int
main(int argc, char **argv)
{
	int ch;

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
	return lede_finish();
}
