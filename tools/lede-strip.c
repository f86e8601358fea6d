/* lede-strip -- label the boilerplate of scraped articles and strip it. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lede-strip/strip.h"

static const char usage[] =
"usage: lede-strip [-adv] [-k KINDS] [-r FILE] [-t N] [--explain] [FILE...]\n"
"Label every text record with its kind and write the article's own text.\n"
"\n"
"  -a, --all             write every record, labelled\n"
"  -v, --invert          write only what would be dropped\n"
"  -k, --kinds=KINDS     keep these kinds (comma-separated; default\n"
"                        title,dek,heading,body)\n"
"  -x, --explain         append the rule or feature that decided\n"
"  -r, --rules=FILE      read more rules from FILE (tried before the built-in)\n"
"  -d, --datelines       cut a leading dateline into its own record\n"
"  -t, --templates=N     remember up to N lines across articles; lines seen\n"
"                        in several earlier articles are site template\n"
"      --template-min=K  articles a line must be seen in first (default 3)\n"
"      --json            write JSON Lines\n"
"      --lenient         pass malformed records on with a warning\n"
"  -h, --help            show this help\n"
"      --version         show the version\n"
"\n"
"Kinds: title dek heading body byline dateline caption credit bio contrib\n"
"meta promo dup.  Findings (quotes, entities) pass through unchanged.\n";

enum { OPT_TEMPLATE_MIN = LEDE_OPT_FIRST_TOOL };

static const struct option longopts[] = {
	{ "all",		no_argument,		NULL, 'a' },
	{ "invert",		no_argument,		NULL, 'v' },
	{ "kinds",		required_argument,	NULL, 'k' },
	{ "explain",		no_argument,		NULL, 'x' },
	{ "rules",		required_argument,	NULL, 'r' },
	{ "datelines",		no_argument,		NULL, 'd' },
	{ "templates",		required_argument,	NULL, 't' },
	{ "template-min",	required_argument,	NULL, OPT_TEMPLATE_MIN },
	{ "json",		no_argument,		NULL, LEDE_OPT_JSON },
	{ "lenient",		no_argument,		NULL, LEDE_OPT_LENIENT },
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, LEDE_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

struct state {
	unsigned	 keep;		/* bit per kind: written */
	int		 explain;
	int		 datelines;
	struct para	*ps;		/* one per text unit of the article */
	size_t		 cap;
	size_t		*idx;		/* record index of each */
};

#define BIT(k) (1u << (k))

static unsigned
parse_kinds(const char *list)
{
	unsigned mask = 0;
	const char *p = list, *e;
	enum kind k;

	for (;;) {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p) {
			if ((k = kind_parse(p, (size_t)(e - p))) == K_NONE)
				lede_usage_error("unknown kind '%.*s' in -k", (int)(e - p), p);
			mask |= BIT(k);
		}
		if (*e == '\0')
			break;
		p = e + 1;
	}
	if (mask == 0)
		lede_usage_error("-k needs at least one kind");
	return mask;
}

static void
put(const struct rec *r, enum kind k, const char *text, size_t len, const char *why,
    const struct state *st)
{
	struct field extra = fldz(why ? why : "");

	rec_put(r->f[F_DOC], r->f[F_LOC], kind_name(k), text, len, &extra, st->explain ? 1 : 0);
}

static int
article(const struct article *a, void *arg)
{
	struct state *st = arg;
	size_t i, n = 0, npara, dl, dltext;
	int dateline_done = !st->datelines;

	if (a->n > st->cap) {
		st->cap = a->n * 2;
		st->ps = xreallocarray(st->ps, st->cap, sizeof(*st->ps));
		st->idx = xreallocarray(st->idx, st->cap, sizeof(*st->idx));
	}
	for (i = 0; i < a->n; i++) {
		const struct rec *r = &a->recs[i];

		if (!rec_is_text_unit(r))
			continue;
		features(&st->ps[n], r->f[F_TEXT].s, r->f[F_TEXT].n);
		st->idx[n++] = i;
	}
	classify(st->ps, n);
	npara = n;
	for (i = 0, n = 0; i < a->n; i++) {
		const struct rec *r = &a->recs[i];
		const struct para *p;

		if (n == npara || st->idx[n] != i) {	/* not a text unit, as found above */
			rec_write_rec(r);
			continue;
		}
		p = &st->ps[n++];
		if (!dateline_done && p->kind == K_BODY) {
			dateline_done = 1;
			if ((dl = dateline_len(p->s, p->n, &dltext)) > 0) {
				if (st->keep & BIT(K_DATELINE))
					put(r, K_DATELINE, p->s, dltext, "dateline", st);
				if (st->keep & BIT(K_BODY))
					put(r, K_BODY, p->s + dl, p->n - dl, p->why, st);
				continue;
			}
		}
		if (st->keep & BIT(p->kind))
			put(r, p->kind, p->s, p->n, p->why, st);
	}
	template_add_article(st->ps, n);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct state st;
	const char *rulefiles[64];
	size_t nrulefiles = 0, i;
	long templates = 0, template_min = 3;
	int c, all = 0, invert = 0;
	unsigned keep = BIT(K_TITLE) | BIT(K_DEK) | BIT(K_HEADING) | BIT(K_BODY);

	lede_init(argv[0]);
	memset(&st, 0, sizeof(st));
	while ((c = getopt_long(argc, argv, "avk:xr:dt:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			all = 1;
			break;
		case 'v':
			invert = 1;
			break;
		case 'k':
			keep = parse_kinds(optarg);
			break;
		case 'x':
			st.explain = 1;
			break;
		case 'r':
			if (nrulefiles == sizeof(rulefiles) / sizeof(rulefiles[0]))
				lede_usage_error("too many -r files");
			rulefiles[nrulefiles++] = optarg;
			break;
		case 'd':
			st.datelines = 1;
			break;
		case 't':
			templates = lede_parse_count("-t", optarg, 1L << 26);
			break;
		case OPT_TEMPLATE_MIN:
			template_min = lede_parse_count("--template-min", optarg, 1L << 20);
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
			lede_bad_option();
		}
	}
	if (all && invert)
		lede_usage_error("-a and -v cannot be used together");
	if (all)
		keep = (1u << K_NKINDS) - 1;
	else if (invert)
		keep = ((1u << K_NKINDS) - 1) & ~keep;
	st.keep = keep;
	/* User rules first, so that they win over the built-in ones. */
	for (i = 0; i < nrulefiles; i++)
		rules_load_file(rulefiles[i]);
	rules_load_builtin();
	features_init();
	dateline_init();
	if (templates > 0)
		template_init((size_t)templates, (unsigned)template_min);
	rec_each_article(argc - optind, argv + optind, article, &st);
	/* Everything is freed, so that main() can run again (the fuzz target does). */
	rules_free();
	dateline_free();
	template_free();
	free(st.ps);
	free(st.idx);
	return lede_finish();
}
