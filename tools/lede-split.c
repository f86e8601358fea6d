/* lede-split -- raw scraped article text into normalised paragraph records. */
/* SPDX-License-Identifier: MIT */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lede-split/split.h"

static const char usage_text[] =
"usage: lede-split [-bl] [-d REGEX] [-J] [--json] [--strict] [file ...]\n"
"\n"
"Reads raw article text (each file one article; none or '-' is stdin) and\n"
"writes one `text` record per paragraph: DOC, LOC, KIND, TEXT (see lede(7)).\n"
"\n"
"  -b, --blank-lines   paragraphs are separated by blank lines; the lines\n"
"                      of a paragraph (hard-wrapped text) are joined\n"
"  -l, --lines         every non-empty line is a paragraph\n"
"                      (default: decide from the text which of the two)\n"
"  -d, --separator=RE  lines matching the PCRE2 regex RE separate articles\n"
"                      in a dump; DOC is then PATH:K\n"
"  -J, --jsonl         JSON Lines input, one article an object: \"text\"\n"
"                      (required), \"title\", \"id\" or \"url\" (the DOC)\n"
"      --json          write JSON Lines instead of records\n"
"      --strict        fail on invalid UTF-8 instead of repairing it\n"
"  -h, --help          show this help\n"
"      --version       show the version\n";

enum { OPT_STRICT = LEDE_OPT_FIRST_TOOL };

static const struct option longopts[] = {
	{ "blank-lines", no_argument, NULL, 'b' },
	{ "lines", no_argument, NULL, 'l' },
	{ "separator", required_argument, NULL, 'd' },
	{ "jsonl", no_argument, NULL, 'J' },
	{ "json", no_argument, NULL, LEDE_OPT_JSON },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, LEDE_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
compile_separator(struct splitter *sp, const char *re)
{
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	sp->sep = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (sp->sep == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		lede_usage_error("-d: bad regex at offset %zu: %s", (size_t)off, (char *)msg);
	}
	pcre2_jit_compile(sp->sep, PCRE2_JIT_COMPLETE);
	sp->md = pcre2_match_data_create_from_pattern(sp->sep, NULL);
}

int
main(int argc, char *argv[])
{
	struct splitter sp;
	FILE *fp;
	int ch, i;
	static char dash[] = "-";
	char *stdin_only[] = { dash };

	lede_init(argv[0]);
	memset(&sp, 0, sizeof(sp));
	while ((ch = getopt_long(argc, argv, "bd:hJl", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			sp.mode = MODE_BLANK;
			break;
		case 'd':
			compile_separator(&sp, optarg);
			break;
		case 'h':
			lede_help(usage_text);
		case 'J':
			sp.json = 1;
			break;
		case 'l':
			sp.mode = MODE_LINE;
			break;
		case LEDE_OPT_JSON:
			rec_json = 1;
			break;
		case OPT_STRICT:
			sp.strict = 1;
			break;
		case LEDE_OPT_VERSION:
			lede_version();
		default:
			lede_bad_option();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			fp = stdin;
		} else if ((fp = fopen(argv[i], "r")) == NULL) {
			lede_warn("%s", argv[i]);
			lede_status = LEDE_EXIT_DATA;
			continue;
		}
		split_input(&sp, fp, argv[i]);
		if (fp != stdin)
			fclose(fp);
	}
	split_free(&sp);
	return lede_finish();
}
