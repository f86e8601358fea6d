/* input.c -- lede-split's reading: lines, articles, paragraph modes, -J. */
/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "split.h"

/* Lines looked at before auto mode decides whether the text is hard-wrapped. */
#define AUTO_LINES	200
#define AUTO_BYTES	(64 * 1024)
#define MAX_CUTS	64

static void
emit(struct splitter *sp, const char *s, size_t n)
{
	size_t cuts[MAX_CUTS], nc, k, from = 0, to;
	char loc[24];
	int len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return;
	nc = glue_cuts(s, n, cuts, MAX_CUTS);
	for (k = 0; k <= nc; k++) {
		to = k < nc ? cuts[k] : n;
		while (from < to && s[from] == ' ')
			from++;
		if (to > from) {
			len = snprintf(loc, sizeof(loc), "%lu", ++sp->para);
			rec_put(fld(sp->doc.p, sp->doc.len), fld(loc, (size_t)len), "text",
			    s + from, to - from, NULL, 0);
		}
		from = to;
	}
}

static void
start_article(struct splitter *sp, const char *id, size_t idlen)
{
	char k[24];

	sp->article++;
	sp->doc.len = 0;
	if (id != NULL) {
		buf_add(&sp->doc, id, idlen);
	} else {
		buf_adds(&sp->doc, sp->path);
		if (sp->sep != NULL || sp->json) {
			snprintf(k, sizeof(k), ":%lu", sp->article);
			buf_adds(&sp->doc, k);
		}
	}
	buf_terminate(&sp->doc);
	sp->para = 0;
	sp->open = 1;
	sp->decided = sp->mode;
	sp->held.len = sp->held_lines = sp->held_nonblank = 0;
	sp->joined.len = 0;
}

/* Blank-line mode: a line joins the paragraph being built. */
static void
join_line(struct splitter *sp, const char *s, size_t n)
{
	struct buf *j = &sp->joined;

	if (n == 0) {
		emit(sp, j->p, j->len);
		j->len = 0;
		return;
	}
	/* "well-" + "known" is one word again; other lines join with a space. */
	if (j->len > 1 && j->p[j->len - 1] == '-' && u8_isalpha((unsigned char)j->p[j->len - 2]) &&
	    u8_islower((unsigned char)s[0])) {
		buf_add(j, s, n);
		return;
	}
	if (j->len > 0)
		buf_addc(j, ' ');
	buf_add(j, s, n);
}

static void
take_line(struct splitter *sp, enum para_mode mode, const char *s, size_t n)
{
	if (mode == MODE_BLANK)
		join_line(sp, s, n);
	else
		emit(sp, s, n);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Hard-wrapped text has paragraphs of several lines, separated by blank
 * lines, whose lines (all but each paragraph's last) are of similar length
 * under about 100 bytes.  Scraped pages have one paragraph a line:
 * long lines, or short menu lines of very different lengths.
 */
static enum para_mode
decide(struct splitter *sp)
{
	const char *p = sp->held.p, *end = sp->held.p + sp->held.len;
	size_t n, *lens, nlens = 0, nblocks = 0, run = 0, in_multi = 0, nonblank = 0;
	size_t prev_len = 0, med, p90;
	enum para_mode mode = MODE_LINE;

	lens = xreallocarray(NULL, sp->held_lines + 1, sizeof(*lens));
	for (;;) {
		if (p < end) {
			memcpy(&n, p, sizeof(n));
			p += sizeof(n);
		} else {
			n = 0;
		}
		if (n > 0) {
			nonblank++;
			if (run > 0)
				lens[nlens++] = prev_len;
			run++;
			prev_len = n;
		} else if (run > 0) {
			nblocks++;
			if (run > 1)
				in_multi += run;
			run = 0;
		}
		if (p >= end)
			break;
		p += n;
	}
	if (nblocks >= 2 && in_multi * 2 >= nonblank && nlens >= 3) {
		qsort(lens, nlens, sizeof(*lens), cmp_size);
		med = lens[nlens / 2];
		p90 = lens[nlens * 9 / 10];
		if (p90 <= 100 && med >= 25 && med * 10 >= p90 * 6)
			mode = MODE_BLANK;
	}
	free(lens);
	return mode;
}

static void
replay_held(struct splitter *sp)
{
	const char *p = sp->held.p, *end = sp->held.p + sp->held.len;
	size_t n;

	sp->decided = decide(sp);
	while (p < end) {
		memcpy(&n, p, sizeof(n));
		p += sizeof(n);
		take_line(sp, sp->decided, p, n);
		p += n;
	}
	sp->held.len = sp->held_lines = sp->held_nonblank = 0;
}

static void
end_article(struct splitter *sp)
{
	if (!sp->open)
		return;
	if (sp->decided == MODE_AUTO)
		replay_held(sp);
	if (sp->decided == MODE_BLANK && sp->joined.len > 0) {
		emit(sp, sp->joined.p, sp->joined.len);
		sp->joined.len = 0;
	}
	sp->open = 0;
}

/* One repaired line of the current article. */
static void
article_line(struct splitter *sp, const char *s, size_t n)
{
	if (!sp->open) {
		if (n == 0)
			return;
		start_article(sp, NULL, 0);
	}
	if (sp->decided != MODE_AUTO) {
		take_line(sp, sp->decided, s, n);
		return;
	}
	buf_add(&sp->held, &n, sizeof(n));
	buf_add(&sp->held, s, n);
	sp->held_lines++;
	if (n > 0)
		sp->held_nonblank++;
	if (sp->held_nonblank >= AUTO_LINES || sp->held.len >= AUTO_BYTES)
		replay_held(sp);
}

static int
is_separator(struct splitter *sp, const char *s, size_t n)
{
	int rc;

	if (sp->sep == NULL)
		return 0;
	rc = pcre2_match(sp->sep, (PCRE2_SPTR)s, n, 0, 0, sp->md, NULL);
	return rc >= 0;
}

/* A raw physical line (no LF); a lone CR also ends a line. */
static int
raw_line(struct splitter *sp, const char *s, size_t n)
{
	const char *cr;
	size_t seg;

	for (;;) {
		cr = n > 0 ? memchr(s, '\r', n) : NULL;
		seg = cr ? (size_t)(cr - s) : n;
		if (is_separator(sp, s, seg)) {
			end_article(sp);
		} else {
			if (repair_line(s, seg, &sp->clean, &sp->scratch, sp->strict,
			    sp->offset, &sp->stats) < 0)
				return -1;
			article_line(sp, sp->clean.p, sp->clean.len);
		}
		sp->offset += seg + (cr ? 1 : 0);
		if (cr == NULL)
			break;
		s = cr + 1;
		n -= seg + 1;
		/* CRLF: the CR was the line end already. */
		if (n == 0)
			break;
	}
	return 0;
}

static const char *
json_str(json_t *obj, const char *key, size_t *len, char *num, size_t numsz)
{
	json_t *v = json_object_get(obj, key);

	if (json_is_string(v)) {
		*len = json_string_length(v);
		return *len > 0 ? json_string_value(v) : NULL;
	}
	if (json_is_integer(v)) {
		*len = (size_t)snprintf(num, numsz, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return num;
	}
	return NULL;
}

/* -J: one JSON object per line, {"text": ..., "title", "id" or "url"}. */
static int
json_line(struct splitter *sp, const char *s, size_t n)
{
	json_t *obj, *text;
	json_error_t err;
	const char *id, *title, *t, *nl;
	size_t idlen = 0, tlen = 0, len;
	char num[32];
	int rc = 0;

	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	if (n == 0)
		return 0;
	obj = json_loadb(s, n, JSON_ALLOW_NUL | JSON_DISABLE_EOF_CHECK, &err);
	if (obj == NULL || !json_is_object(obj)) {
		lede_warn_at(sp->path, sp->lineno, "not a JSON object: %s",
		    obj ? "other JSON value" : err.text);
		lede_status = LEDE_EXIT_DATA;
		json_decref(obj);
		return 0;
	}
	text = json_object_get(obj, "text");
	if (!json_is_string(text)) {
		lede_warn_at(sp->path, sp->lineno, "no \"text\" string in the object");
		lede_status = LEDE_EXIT_DATA;
		json_decref(obj);
		return 0;
	}
	if ((id = json_str(obj, "id", &idlen, num, sizeof(num))) == NULL)
		id = json_str(obj, "url", &idlen, num, sizeof(num));
	start_article(sp, NULL, 0);
	if (id != NULL) {
		sp->doc.len = 0;
		buf_add(&sp->doc, id, idlen);
		buf_terminate(&sp->doc);
	}
	sp->offset = 0;
	if ((title = json_str(obj, "title", &tlen, num, sizeof(num))) != NULL) {
		if (repair_line(title, tlen, &sp->clean, &sp->scratch, sp->strict, 0,
		    &sp->stats) < 0)
			rc = -1;
		else
			emit(sp, sp->clean.p, sp->clean.len);
	}
	t = json_string_value(text);
	len = json_string_length(text);
	while (rc == 0 && len > 0) {
		nl = memchr(t, '\n', len);
		n = nl ? (size_t)(nl - t) : len;
		if (raw_line(sp, t, n) < 0)
			rc = -1;
		sp->offset++;
		if (nl == NULL)
			break;
		len -= n + 1;
		t = nl + 1;
	}
	end_article(sp);
	json_decref(obj);
	return rc;
}

static void
report(struct splitter *sp)
{
	struct repair_stats *st = &sp->stats;

	if (st->strict_failed) {
		lede_warn_at(sp->path, sp->lineno, "invalid UTF-8 at byte offset %llu",
		    st->first_bad);
		lede_status = LEDE_EXIT_DATA;
	}
	if (st->invalid > 0)
		lede_warnx("%s: %llu invalid UTF-8 sequence%s replaced by U+FFFD "
		    "(first at byte offset %llu)", sp->path, st->invalid,
		    st->invalid == 1 ? "" : "s", st->first_bad);
	if (st->nuls > 0)
		lede_warnx("%s: %llu NUL byte%s dropped", sp->path, st->nuls,
		    st->nuls == 1 ? "" : "s");
}

void
split_input(struct splitter *sp, FILE *fp, const char *path)
{
	char *line = NULL;
	size_t cap = 0, n;
	ssize_t got;
	int first = 1;

	memset(&sp->stats, 0, sizeof(sp->stats));
	sp->path = path;
	sp->article = 0;
	sp->lineno = 0;
	sp->offset = 0;
	sp->open = 0;
	for (;;) {
		errno = 0;
		if ((got = getdelim(&line, &cap, '\n', fp)) < 0)
			break;
		sp->lineno++;
		n = (size_t)got;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		/* A byte-order mark opens many exported files. */
		if (first && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, n - 3);
			n -= 3;
			sp->offset += 3;
		}
		first = 0;
		if (sp->json) {
			if (json_line(sp, line, n) < 0)
				break;
			sp->offset = 0;
			continue;
		}
		if (raw_line(sp, line, n) < 0)
			break;
		sp->offset += (size_t)got - n;
	}
	if (ferror(fp)) {
		lede_warn("%s", path);
		lede_status = LEDE_EXIT_DATA;
	}
	if (!sp->stats.strict_failed)
		end_article(sp);
	sp->open = 0;
	report(sp);
	free(line);
}

void
split_free(struct splitter *sp)
{
	buf_free(&sp->doc);
	buf_free(&sp->held);
	buf_free(&sp->joined);
	buf_free(&sp->clean);
	buf_free(&sp->scratch);
	if (sp->md != NULL)
		pcre2_match_data_free(sp->md);
	if (sp->sep != NULL)
		pcre2_code_free(sp->sep);
}
