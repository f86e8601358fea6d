/* lede-sentences -- cut text units into sentence records (LOC N.M). */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "lede.h"
#include "sentseg.h"

static const char usage_text[] =
    "usage: lede-sentences [-a FILE] [--json] [--lenient] [FILE...]\n"
    "\n"
    "Reads lede records and writes every text unit (paragraph) as its\n"
    "sentences: LOC N.M for sentence M of paragraph N, same DOC and KIND,\n"
    "extra fields dropped.  Findings (quotes, entities) and paragraphs that\n"
    "are already split pass through unchanged.\n"
    "\n"
    "  -a, --abbrev=FILE  more abbreviations, one a line, without the final\n"
    "                  period; after one, a period ends a sentence only\n"
    "                  before a usual opener (The, He, But ...)\n"
    "  -h, --help      show this help and exit\n"
    "      --version   show the version and exit\n"
    "      --json      write JSON Lines instead of records\n"
    "      --lenient   pass malformed records on with a warning\n";

struct state {
	struct spanvec	 spans;
	char		 loc[96];
};

/* Writes n in decimal at p (room for 20 digits); returns the length. */
static size_t
put_number(char *p, size_t n)
{
	char tmp[24];
	size_t k = 0, len;

	do {
		tmp[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	for (len = 0; k > 0; len++)
		p[len] = tmp[--k];
	return len;
}

/* True if the LOC names a sentence already (has a dot): it passes as is. */
static int
loc_is_split(const struct field *loc)
{
	return memchr(loc->s, '.', loc->n) != NULL;
}

static int
on_record(const struct rec *r, const char *file, void *arg)
{
	struct state *st = arg;
	struct field fs[4];
	const struct field *text;
	size_t i, n, pre;

	(void)file;
	if (!rec_is_text_unit(r) || loc_is_split(&r->f[F_LOC]) ||
	    r->f[F_LOC].n + 24 > sizeof(st->loc)) {
		rec_write_rec(r);
		return 0;
	}
	text = &r->f[F_TEXT];
	n = sent_split(text->s, text->n, &st->spans);
	if (n == 0)
		return 0;	/* a blank paragraph has no sentences */
	memcpy(st->loc, r->f[F_LOC].s, r->f[F_LOC].n);
	pre = r->f[F_LOC].n;
	st->loc[pre++] = '.';
	fs[F_DOC] = r->f[F_DOC];
	fs[F_KIND] = r->f[F_KIND];
	for (i = 0; i < n; i++) {
		fs[F_LOC] = fld(st->loc, pre + put_number(st->loc + pre, i + 1));
		fs[F_TEXT] = fld(text->s + st->spans.v[i].start,
		    st->spans.v[i].end - st->spans.v[i].start);
		rec_write(fs, 4);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "abbrev", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, LEDE_OPT_VERSION },
		{ "json", no_argument, NULL, LEDE_OPT_JSON },
		{ "lenient", no_argument, NULL, LEDE_OPT_LENIENT },
		{ NULL, 0, NULL, 0 }
	};
	struct state st;
	int c;

	lede_init(argv[0]);
	while ((c = getopt_long(argc, argv, "a:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (sent_add_file(optarg, SENT_W_COMMON) != 0)
				lede_die(LEDE_EXIT_DATA, "%s", optarg);
			break;
		case 'h':
			lede_help(usage_text);
		case LEDE_OPT_VERSION:
			lede_version();
		case LEDE_OPT_JSON:
			rec_json = 1;
			break;
		case LEDE_OPT_LENIENT:
			rec_lenient = 1;
			break;
		default:
			lede_bad_option();
		}
	}
	memset(&st, 0, sizeof(st));
	rec_each(argc - optind, argv + optind, on_record, &st);
	spanvec_free(&st.spans);
	return lede_finish();
}
