/* lede-text -- records back into readable text. */
/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede.h"

static const char usage_text[] =
"usage: lede-text [--json] [-o DIR] [file ...]\n"
"\n"
"Reads records (see lede(7)) and writes their text units as text:\n"
"paragraphs separated by a blank line, each article ended by a line holding\n"
"only a form feed (so that the output of parts of a stream concatenates to\n"
"the output of the whole).  Sentence records (LOC N.M) of one paragraph are\n"
"joined again.\n"
"Findings (quote and entity records) are skipped.\n"
"\n"
"  -o, --output-dir=DIR  write one file per article into DIR instead, named\n"
"                        after its DOC (made safe), with .txt appended\n"
"      --json            write one JSON object per article instead:\n"
"                        {\"doc\": DOC, \"text\": the article's text}\n"
"      --lenient         skip malformed records with a warning\n"
"  -h, --help            show this help\n"
"      --version         show the version\n";

static const struct option longopts[] = {
	{ "output-dir", required_argument, NULL, 'o' },
	{ "lenient", no_argument, NULL, LEDE_OPT_LENIENT },
	{ "json", no_argument, NULL, LEDE_OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, LEDE_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

struct state {
	const char	*outdir;
	FILE		*out;		/* stdout, or the current article's file */
	struct buf	 doc;		/* DOC of the article being written */
	struct buf	 para;		/* paragraph part of LOC ("12" of "12.3") */
	struct buf	 path;
	struct buf	 jtext;		/* --json: the article's text so far */
	int		 any_article;
	int		 in_para;	/* a paragraph line is open (no LF yet) */
	int		 in_sentences;	/* ...and it was written from sentence records */
};

static void
put(struct state *st, const char *s, size_t n)
{
	if (rec_json) {
		buf_add(&st->jtext, s, n);
		return;
	}
	if (n > 0 && fwrite(s, 1, n, st->out) != n)
		lede_write_failed();
}

/* A DOC as a file name: path separators and odd bytes become '_'. */
static void
safe_name(struct buf *b, const char *dir, const char *doc, size_t n)
{
	size_t i, start;
	unsigned char c;

	b->len = 0;
	buf_adds(b, dir);
	buf_addc(b, '/');
	start = b->len;
	for (i = 0; i < n && b->len - start < 200; i++) {
		c = (unsigned char)doc[i];
		if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == ':' ||
		    (c == '.' && b->len == start))
			c = '_';
		buf_addc(b, c);
	}
	if (b->len == start)
		buf_addc(b, '_');
	buf_terminate(b);
}

/* Opens DIR/NAME.txt, or NAME-2.txt ... when an earlier article took it. */
static FILE *
open_article(struct state *st, const char *doc, size_t n)
{
	size_t base;
	int fd, k;
	char suffix[24];

	safe_name(&st->path, st->outdir, doc, n);
	base = st->path.len;
	for (k = 1; k < 100000; k++) {
		st->path.len = base;
		if (k > 1) {
			snprintf(suffix, sizeof(suffix), "-%d", k);
			buf_adds(&st->path, suffix);
		}
		buf_adds(&st->path, ".txt");
		buf_terminate(&st->path);
		fd = open(st->path.p, O_WRONLY | O_CREAT | O_EXCL, 0666);
		if (fd >= 0)
			return fdopen(fd, "w");
		if (errno != EEXIST)
			break;
	}
	lede_die(LEDE_EXIT_DATA, "%s", st->path.p);
}

static void
close_article(struct state *st)
{
	if (st->in_para && rec_json) {
		fputs("{\"doc\":", stdout);
		json_put_string(stdout, st->doc.p, st->doc.len);
		fputs(",\"text\":", stdout);
		json_put_string(stdout, st->jtext.p, st->jtext.len);
		fputs("}\n", stdout);
		if (ferror(stdout))
			lede_write_failed();
		st->jtext.len = 0;
		st->in_para = st->in_sentences = 0;
	} else if (st->in_para) {
		put(st, "\n", 1);
		st->in_para = st->in_sentences = 0;
		if (st->out == stdout)
			put(st, "\f\n", 2);
	}
	if (st->out != stdout && st->out != NULL) {
		if (fclose(st->out) != 0)
			lede_die(LEDE_EXIT_DATA, "%s", st->path.p);
		st->out = NULL;
	}
}

static int
text_record(const struct rec *r, const char *file, void *arg)
{
	struct state *st = arg;
	const struct field *doc, *loc, *text;
	const char *dot;
	size_t plen;
	int same_doc, same_para;

	if (r->bad || !rec_is_text_unit(r))
		return 0;
	doc = &r->f[F_DOC];
	loc = &r->f[F_LOC];
	text = &r->f[F_TEXT];
	dot = memchr(loc->s, '.', loc->n);
	plen = dot ? (size_t)(dot - loc->s) : loc->n;
	same_doc = st->any_article && doc->n == st->doc.len &&
	    memcmp(doc->s, st->doc.p, doc->n) == 0;
	same_para = same_doc && dot != NULL && st->in_sentences && plen == st->para.len &&
	    memcmp(loc->s, st->para.p, plen) == 0;
	if (!same_doc) {
		if (st->outdir != NULL) {
			close_article(st);
			st->out = open_article(st, doc->s, doc->n);
		} else if (st->any_article) {
			close_article(st);
		}
		st->any_article = 1;
		st->doc.len = 0;
		buf_add(&st->doc, doc->s, doc->n);
	} else if (same_para) {
		put(st, " ", 1);
	} else {
		put(st, "\n\n", st->in_para ? 2 : 1);
	}
	put(st, text->s, text->n);
	st->in_para = 1;
	/* Only sentence records (N.M) are joined with the next of their paragraph. */
	st->in_sentences = dot != NULL;
	st->para.len = 0;
	buf_add(&st->para, loc->s, plen);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct state st;
	int ch;

	lede_init(argv[0]);
	memset(&st, 0, sizeof(st));
	st.out = stdout;
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			lede_help(usage_text);
		case 'o':
			st.outdir = optarg;
			break;
		case LEDE_OPT_LENIENT:
			rec_lenient = 1;
			break;
		case LEDE_OPT_JSON:
			rec_json = 1;
			break;
		case LEDE_OPT_VERSION:
			lede_version();
		default:
			lede_bad_option();
		}
	}
	argc -= optind;
	argv += optind;
	if (st.outdir != NULL && rec_json)
		lede_usage_error("-o and --json cannot be used together");
	if (st.outdir != NULL) {
		if (mkdir(st.outdir, 0777) != 0 && errno != EEXIST)
			lede_die(LEDE_EXIT_DATA, "%s", st.outdir);
		st.out = NULL;
	}
	rec_each(argc, argv, text_record, &st);
	close_article(&st);
	buf_free(&st.doc);
	buf_free(&st.para);
	buf_free(&st.path);
	buf_free(&st.jtext);
	return lede_finish();
}
