/* rules.c -- the lexical rules: short lines known by their words. */
/* SPDX-License-Identifier: MIT */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "strip.h"

extern const struct lede_blob lede_blob_strip_rules;

/*
 * A rules file has one rule a line (see lede-strip(1)):
 *
 *	KIND  NAME  MAXWORDS  WHERE  PATTERN
 *
 * KIND is a kind name, NAME what --explain shows, MAXWORDS the longest
 * paragraph (in words) the rule is tried on ('-' for any), WHERE one of
 * any, before, after, outside, optionally with "+block", and PATTERN a
 * PCRE2 pattern, caseless unless it says (?-i), running to the line's end.
 * Rules are tried in order (user rules first); the first match decides.
 */
struct rule {
	enum kind	 kind;
	char		*name;
	uint32_t	 maxwords;
	unsigned	 flags;
	int		 anchored;	/* starts with ^: fails fast at offset 0 */
	int		 firstmap;	/* first[] says which bytes may start a match */
	int		 jit;		/* compiled to machine code: call it directly */
	int		 req[2];	/* a byte every match holds, in both cases; -1 if none known */
	uint8_t		 first[32];
	pcre2_code	*re;
};

/*
 * A pattern not anchored at the start is searched only in the last TAIL
 * bytes of a long line: such rules look for how a line ends (a credit
 * after a caption), and a scan of every long paragraph would cost more
 * than all the rest of the work.
 */
#define TAIL 160

static struct rule *rules;
static size_t nrules, rulecap;
static pcre2_match_data *md;
static uint32_t longest_rule;	/* the largest MAXWORDS: longer lines skip the rules */

static uint64_t *sets;		/* the bit sets of build_sets() */
static size_t nw;		/* words of one set */
static uint32_t wcap;		/* a line of wcap words or more indexes the last by-words set */
static uint64_t *by_first, *by_want, *by_closed, *by_words;

struct loader {
	const char	*file;
	unsigned long	 line;
};

static char *
next_field(const char **p, const char *end, size_t *len)
{
	const char *s = *p, *e;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	for (e = s; e < end && *e != ' ' && *e != '\t'; e++)
		;
	*p = e;
	*len = (size_t)(e - s);
	return (char *)(uintptr_t)s;
}

static int
bad_rule(struct loader *l, const char *what)
{
	lede_warn_at(l->file, l->line, "%s", what);
	lede_diex(LEDE_EXIT_USAGE, "%s: rules not loaded", l->file);
}

static int
parse_where(const char *s, size_t n, unsigned *flags)
{
	static const struct { const char *name; unsigned flag; } wheres[] = {
		{ "any", 0 }, { "before", RF_BEFORE }, { "after", RF_AFTER },
		{ "outside", RF_OUTSIDE },
	};
	static const struct { const char *name; unsigned flag; } mods[] = {
		{ "block", RF_BLOCK }, { "end", RF_END }, { "open", RF_OPEN },
	};
	const char *plus = memchr(s, '+', n), *m, *e;
	size_t base = plus ? (size_t)(plus - s) : n, i;

	*flags = 0;
	for (m = plus; m != NULL; m = e < s + n ? e : NULL) {
		m++;
		if ((e = memchr(m, '+', (size_t)(s + n - m))) == NULL)
			e = s + n;
		for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
			if (strlen(mods[i].name) == (size_t)(e - m) && memcmp(mods[i].name, m, (size_t)(e - m)) == 0)
				break;
		if (i == sizeof(mods) / sizeof(mods[0]))
			return -1;
		*flags |= mods[i].flag;
	}
	for (i = 0; i < sizeof(wheres) / sizeof(wheres[0]); i++)
		if (strlen(wheres[i].name) == base && memcmp(wheres[i].name, s, base) == 0) {
			*flags |= wheres[i].flag;
			return 0;
		}
	return -1;
}

static int
add_rule(const char *s, size_t n, void *arg)
{
	struct loader *l = arg;
	const char *p = s, *end = s + n, *f;
	size_t len;
	struct rule r;
	int err;
	PCRE2_SIZE erroff;
	char msg[256], *num;

	l->line++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p == '#')
		return 0;
	memset(&r, 0, sizeof(r));
	f = next_field(&p, end, &len);
	if ((r.kind = kind_parse(f, len)) == K_NONE)
		return bad_rule(l, "unknown kind (want title, dek, heading, body, byline, dateline, "
		    "caption, credit, bio, contrib, meta, promo or dup)");
	f = next_field(&p, end, &len);
	if (len == 0)
		return bad_rule(l, "rule has no name");
	r.name = xmemdup(f, len);
	f = next_field(&p, end, &len);
	if (len == 1 && *f == '-')
		r.maxwords = UINT32_MAX;
	else {
		char tmp[16];

		if (len == 0 || len >= sizeof(tmp))
			return bad_rule(l, "bad MAXWORDS (a number or -)");
		memcpy(tmp, f, len);
		tmp[len] = '\0';
		r.maxwords = (uint32_t)strtoul(tmp, &num, 10);
		if (*num != '\0')
			return bad_rule(l, "bad MAXWORDS (a number or -)");
	}
	f = next_field(&p, end, &len);
	if (parse_where(f, len, &r.flags) < 0)
		return bad_rule(l, "bad WHERE (any, before, after or outside, then any of +block, +end, +open)");
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return bad_rule(l, "rule has no pattern");
	r.re = pcre2_compile((PCRE2_SPTR)p, (PCRE2_SIZE)(end - p),
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &erroff, NULL);
	if (r.re == NULL) {
		pcre2_get_error_message(err, (PCRE2_UCHAR *)msg, sizeof(msg));
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " at offset %zu of the pattern",
		    (size_t)erroff);
		return bad_rule(l, msg);
	}
	/* Interpreted if JIT is missing or refuses the pattern. */
	r.jit = pcre2_jit_compile(r.re, PCRE2_JIT_COMPLETE) == 0;
	{
		uint32_t opts = 0;

		const uint8_t *map = NULL;
		uint32_t type = 0, unit = 0;

		(void)pcre2_pattern_info(r.re, PCRE2_INFO_ALLOPTIONS, &opts);
		/*
		 * The last literal byte a match needs: a line without it is
		 * turned away by memchr, cheaper than a call of the matcher.
		 * Only ASCII and not k or s, which caseless Unicode matching
		 * folds to other letters (K, ſ).
		 */
		r.req[0] = r.req[1] = -1;
		if (pcre2_pattern_info(r.re, PCRE2_INFO_LASTCODETYPE, &type) == 0 && type == 1 &&
		    pcre2_pattern_info(r.re, PCRE2_INFO_LASTCODEUNIT, &unit) == 0 && unit < 0x80 &&
		    unit != 'k' && unit != 'K' && unit != 's' && unit != 'S') {
			r.req[0] = (int)unit;
			r.req[1] = (unit >= 'a' && unit <= 'z') ? (int)unit - 32 :
			    (unit >= 'A' && unit <= 'Z') ? (int)unit + 32 : (int)unit;
		}
		type = unit = 0;
		r.anchored = (opts & PCRE2_ANCHORED) != 0;
		/*
		 * For an anchored rule, the bytes that can start a match let
		 * most lines be turned away without calling the matcher.
		 */
		if (r.anchored && pcre2_pattern_info(r.re, PCRE2_INFO_FIRSTBITMAP, &map) == 0 &&
		    map != NULL) {
			memcpy(r.first, map, sizeof(r.first));
			r.firstmap = 1;
		} else if (r.anchored && pcre2_pattern_info(r.re, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 &&
		    type == 1 && pcre2_pattern_info(r.re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0) {
			memset(r.first, 0, sizeof(r.first));
			r.first[(unit & 0xFF) / 8] |= (uint8_t)(1u << (unit & 7));
			if (opts & PCRE2_CASELESS) {
				unsigned o = (unit >= 'a' && unit <= 'z') ? unit - 32 :
				    (unit >= 'A' && unit <= 'Z') ? unit + 32 : unit;

				r.first[(o & 0xFF) / 8] |= (uint8_t)(1u << (o & 7));
			}
			r.firstmap = 1;
		}
	}
	if (nrules == rulecap) {
		rulecap = rulecap ? rulecap * 2 : 128;
		rules = xreallocarray(rules, rulecap, sizeof(*rules));
	}
	rules[nrules++] = r;
	free(sets);	/* rebuilt with this rule at the next match */
	sets = NULL;
	if (r.maxwords > longest_rule)
		longest_rule = r.maxwords;
	return 0;
}

void
rules_load_file(const char *path)
{
	struct loader l = { path, 0 };
	struct lede_blob b;
	struct buf text = { 0 };
	FILE *fp;
	char chunk[8192];
	size_t got;

	if ((fp = fopen(path, "r")) == NULL)
		lede_die(LEDE_EXIT_USAGE, "%s", path);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&text, chunk, got);
	if (ferror(fp))
		lede_die(LEDE_EXIT_USAGE, "%s", path);
	fclose(fp);
	buf_terminate(&text);
	b.data = text.p ? text.p : "";
	b.len = text.len;
	/* Every line counts for the line numbers in messages, comments too. */
	{
		const char *s = b.data, *e = b.data + b.len, *nl;

		while (s < e) {
			nl = memchr(s, '\n', (size_t)(e - s));
			add_rule(s, nl ? (size_t)(nl - s) - (nl > s && nl[-1] == '\r') : (size_t)(e - s), &l);
			s = nl ? nl + 1 : e;
		}
	}
	buf_free(&text);
	if (md == NULL)
		md = pcre2_match_data_create(4, NULL);
}

void
rules_load_builtin(void)
{
	struct loader l = { "data/strip_rules.txt", 0 };
	const char *s = lede_blob_strip_rules.data, *e = s + lede_blob_strip_rules.len, *nl;

	while (s < e) {
		nl = memchr(s, '\n', (size_t)(e - s));
		add_rule(s, nl ? (size_t)(nl - s) : (size_t)(e - s), &l);
		s = nl ? nl + 1 : e;
	}
	if (md == NULL)
		md = pcre2_match_data_create(4, NULL);
}

/*
 * Which rules a line may be tried on, as bit sets over the rules (nw
 * words each), built at the first match: by the line's first byte (256
 * for an empty line), by WHERE, by a final . ! or ? (RF_OPEN), and by the
 * line's length in words.  Their intersection leaves only the rules that
 * pass every cheap test, in order, without looking at the others.
 */

#define WCAP_MAX 1024	/* above it, the rule's own MAXWORDS is checked */
#define SET_ADD(set, i)	((set)[(i) / 64] |= 1ull << ((i) % 64))

static void
build_sets(void)
{
	size_t i, w;
	unsigned c;

	nw = (nrules + 63) / 64;
	wcap = 0;
	for (i = 0; i < nrules; i++)
		if (rules[i].maxwords != UINT32_MAX && rules[i].maxwords + 1 > wcap)
			wcap = rules[i].maxwords < WCAP_MAX ? rules[i].maxwords + 1 : WCAP_MAX;
	sets = xreallocarray(NULL, (257 + 2 + 1 + (size_t)wcap + 1) * (nw ? nw : 1), sizeof(*sets));
	memset(sets, 0, (257 + 2 + 1 + (size_t)wcap + 1) * (nw ? nw : 1) * sizeof(*sets));
	by_first = sets;
	by_want = by_first + 257 * nw;
	by_closed = by_want + 2 * nw;
	by_words = by_closed + nw;
	for (i = 0; i < nrules; i++) {
		const struct rule *r = &rules[i];
		int cond = (r->flags & (RF_BEFORE | RF_AFTER | RF_OUTSIDE)) != 0;

		for (c = 0; c < 256; c++)
			if (!r->firstmap || (r->first[c / 8] & (1u << (c & 7))))
				SET_ADD(by_first + c * nw, i);
		if (!r->firstmap)
			SET_ADD(by_first + 256 * nw, i);
		SET_ADD(by_want + (cond ? RULES_CONDITIONAL : RULES_ANYWHERE) * nw, i);
		if (!(r->flags & RF_OPEN))
			SET_ADD(by_closed, i);
		for (w = 0; w <= wcap; w++)
			if (w <= r->maxwords)
				SET_ADD(by_words + w * nw, i);
	}
}

void
rules_free(void)
{
	size_t i;

	free(sets);
	sets = NULL;

	for (i = 0; i < nrules; i++) {
		pcre2_code_free(rules[i].re);
		free(rules[i].name);
	}
	free(rules);
	rules = NULL;
	nrules = rulecap = 0;
	pcre2_match_data_free(md);
	md = NULL;
}

int
rules_match(const struct para *p, struct rule_hit *hit, size_t from, unsigned want)
{
	size_t i, n = 0, tail = 0, k;
	int checked = 0;
	const uint64_t *f, *wa, *wo;

	if (p->words > longest_rule || from >= nrules)
		return 0;
	if (sets == NULL)
		build_sets();
	f = by_first + (p->n == 0 ? 256 : (unsigned char)p->s[0]) * nw;
	wa = by_want + (want == RULES_CONDITIONAL ? RULES_CONDITIONAL : RULES_ANYWHERE) * nw;
	wo = by_words + (p->words < wcap ? p->words : wcap) * nw;
	for (k = from / 64; k < nw; k++) {
		uint64_t m = f[k] & wa[k] & wo[k] & (p->endp ? by_closed[k] : ~0ull);

		if (k == from / 64)
			m &= ~0ull << (from % 64);
		for (; m != 0; m &= m - 1) {
			const struct rule *r;

			i = k * 64 + (size_t)__builtin_ctzll(m);
			r = &rules[i];
			if (p->words > r->maxwords)
				continue;	/* a MAXWORDS above WCAP_MAX */
			if (!checked) {
				/* Only valid UTF-8 is matched, and long lines by their tails. */
				n = p->valid != VALID_UNKNOWN ? p->valid : valid_prefix(p->s, p->n);
				if (n > TAIL) {
					tail = n - TAIL;
					while (tail < n && ((unsigned char)p->s[tail] & 0xC0) == 0x80)
						tail++;
				}
				checked = 1;
			}
			if (r->req[0] >= 0 && memchr(p->s, r->req[0], n) == NULL &&
			    (r->req[1] == r->req[0] || memchr(p->s, r->req[1], n) == NULL))
				continue;
			if ((r->jit ? pcre2_jit_match(r->re, (PCRE2_SPTR)p->s, n, r->anchored ? 0 : tail,
			    PCRE2_NO_UTF_CHECK, md, NULL) : pcre2_match(r->re, (PCRE2_SPTR)p->s, n,
			    r->anchored ? 0 : tail, PCRE2_NO_UTF_CHECK, md, NULL)) >= 0) {
				hit->kind = r->kind;
				hit->name = r->name;
				hit->index = (int)i;
				hit->flags = r->flags;
				return 1;
			}
		}
	}
	return 0;
}

unsigned
rules_flags(int index)
{
	return index >= 0 && (size_t)index < nrules ? rules[index].flags : 0;
}
