/* num.c -- dates, times, money and percentages by regular expression. */
/* SPDX-License-Identifier: MIT */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "lede.h"
#include "num.h"

#if defined(__GNUC__)
#define NOINLINE	__attribute__((noinline))
#else
#define NOINLINE
#endif

#define MON "(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|" \
	"June?|Jun\\.|July?|Jul\\.|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|" \
	"Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)"
#define FULLMON "(?:January|February|March|April|June|July|August|September|" \
	"October|November|December)"
#define DAY "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#define YEAR "(?:1[89][0-9]{2}|20[0-9]{2})"
#define WDAY "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#define NUMW "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
	"fifteen|twenty|thirty|forty|fifty|a few|several|a|[0-9]+)"
#define NUM "[0-9][0-9,]*(?:\\.[0-9]+)?"
#define MULT "(?:\\s?(?:million|billion|trillion|thousand|bn|mn|m|b|k)\\b)?"
#define END "(?![\\p{L}\\p{N}])"

/* The patterns, in the order that breaks ties; cand() knows each by name. */
enum { P_DATE, P_TIME, P_MONEY, P_PERCENT, P_QUANTITY, P_ORDINAL, P_CARDINAL, NPATS };

static const struct {
	enum etype type;
	int numbers;		/* only with --numbers */
	const char *re;
} pats[NPATS] = {
	[P_DATE] = { T_DATE, 0, "(?:" WDAY "(?:,?\\s" MON "\\s" DAY "(?:,?\\s" YEAR ")?)?|"
	    MON "\\s" DAY "(?:,?\\s" YEAR ")?|" FULLMON "(?:\\s" YEAR ")?|"
	    DAY "\\s" MON "(?:\\s" YEAR ")?|" YEAR "-[01][0-9]-[0-3][0-9]|"
	    "[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{4}|[0-9]{2})|"
	    "(?:the\\s)?(?:1[89]|20)[0-9]0s|"
	    "(?:yesterday|today|tomorrow)|"
	    "(?:last|next|this|past|coming|earlier this|later this)\\s(?:week|month|year|"
	    "weekend|spring|summer|autumn|fall|winter|decade|century|" WDAY "|" FULLMON ")|"
	    NUMW "\\s(?:years?|months?|weeks?|days?|decades?)\\sago)" END },
	[P_TIME] = { T_TIME, 0, "(?:[0-2]?[0-9](?::[0-5][0-9])?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm|AM|PM)"
	    "(?:\\s(?:GMT|UTC|[ECMP][SD]?T))?|[0-2]?[0-9]:[0-5][0-9]\\s(?:GMT|UTC|[ECMP][SD]?T)|"
	    "noon|midnight|tonight|(?:this|last|yesterday|tomorrow)\\s(?:morning|"
	    "afternoon|evening|night))" END },
	[P_MONEY] = { T_MONEY, 0, "(?:(?:US|A|C|NZ|HK|S)?\\$|£|€|¥|USD\\s?|EUR\\s?|GBP\\s?)" NUM MULT
	    "|" NUM MULT "\\s?(?:dollars|euros?|pounds sterling|pounds|yen|yuan|"
	    "rubles|roubles|francs|marks|pesos|rupees|cents|pence|riyals|dinars)" END },
	[P_PERCENT] = { T_PERCENT, 0, NUM "\\s?(?:%|percent|per\\scent|percentage\\spoints?)" },
	[P_QUANTITY] = { T_QUANTITY, 1, NUM "\\s?(?:km|kilomet(?:re|er)s?|miles?|kg|kilograms?|tonnes?|"
	    "tons?|met(?:re|er)s?|feet|foot|inches|litres?|liters?|barrels?|acres?|"
	    "hectares?|degrees|mph|km/h|square\\s(?:miles|kilomet(?:re|er)s))" END },
	[P_ORDINAL] = { T_ORDINAL, 1, "(?:[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
	    "sixth|seventh|eighth|ninth|tenth)" END },
	[P_CARDINAL] = { T_CARDINAL, 1, "(?:" NUM "(?:\\s(?:million|billion|trillion|thousand|hundred))?|"
	    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
	    "hundreds|thousands|millions|dozens?)(?:\\s(?:million|billion|thousand|hundred))?)"
	    END },
};

/* Lower-case words that may start a date or time, by first letter. */
static const char *const trig_by[26] = {
	['c' - 'a'] = " coming ",
	['d' - 'a'] = " dozen dozens ",
	['e' - 'a'] = " earlier eight eighth eleven ",
	['f' - 'a'] = " fifteen fifth fifty first five forty four fourth ",
	['h' - 'a'] = " hundreds ",
	['l' - 'a'] = " last later ",
	['m' - 'a'] = " midnight millions ",
	['n' - 'a'] = " next nine ninth noon ",
	['o' - 'a'] = " one ",
	['p' - 'a'] = " past ",
	['s' - 'a'] = " second seven seventh several six sixth ",
	['t' - 'a'] = " ten tenth third thirty this thousands three today tomorrow tonight twelve twenty two ",
	['y' - 'a'] = " yesterday ",
};
/* lengths of the words (bit n), by their first two letters: a quick filter */
uint16_t num_trig_lens[32][32];
/* and by their second and third letters */
uint16_t num_trig_lens23[32][32];

/* The words again, by first letter and length (at most four of each). */
static const char *trig_at[26][10][4];

static void
trig_init(void)
{
	const char *p;
	size_t i, j, l;

	for (i = 0; i < 26; i++)
		for (p = trig_by[i]; p && *p; p++)
			if (p[0] != ' ' && p[-1] == ' ') {
				l = strcspn(p, " ");
				num_trig_lens[p[0] & 31][p[1] & 31] |= (uint16_t)(1u << l);
				num_trig_lens23[p[1] & 31][p[2] & 31] |= (uint16_t)(1u << l);
				for (j = 0; j < 4 && trig_at[i][l][j]; j++)
					;
				if (l < 10 && j < 4)
					trig_at[i][l][j] = p;
			}
	/* the filter lets "the" through too (see num.h) */
	num_trig_lens['t' & 31]['h' & 31] |= 1u << 3;
	num_trig_lens23['h' & 31]['e' & 31] |= 1u << 3;
}

int
num_trigger_word(const char *s, size_t n)
{
	const char *const *w;
	size_t i, k;

	if (!num_trigger_maybe(s, n) || s[0] < 'a' || s[0] > 'z')
		return 0;
	w = trig_at[s[0] - 'a'][n];
	for (i = 0; i < 4 && w[i]; i++) {
		for (k = 1; k < n && w[i][k] == s[k]; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

static pcre2_code *code[NPATS];
static int jitted[NPATS];	/* pcre2_jit_match() may run it */
static pcre2_match_data *md;
static int with_numbers;
static unsigned compiled;	/* the patterns in use, bit i for pats[i] */

/* ---- where a pattern may match: cheap necessary conditions ---- */

/*
 * cand() returns the patterns that may match at a position, judged from a
 * few bytes there.  Each test below is implied by the pattern text (the
 * comments say how), so a pattern it leaves out cannot match; PCRE2 still
 * decides for the ones it keeps.  A byte of 0x80 or more where the pattern
 * has \s may start a Unicode space, so it keeps the pattern.
 */

/*
 * Lists of words the patterns go on with, each a prefix of what the pattern
 * text needs there (checking the first eight bytes of a longer one is
 * enough for a necessary test).
 */
enum { W_MON3, W_AGO, W_WHEN, W_TOD, W_AMPM, W_CUR, W_MULT, W_PCT, W_UNIT, W_CARD,
	W_SFX, W_DIGIT, W_12, W_FULL, W_SIGN, W_CODE3, NWLISTS };
static const char *const wlists[NWLISTS][32] = {
	[W_MON3] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	    "Nov", "Dec" },
	[W_AGO] = { "year", "month", "week", "day", "decade" },
	[W_WHEN] = { "week", "month", "year", "spring", "summer", "autumn", "fall",
	    "winter", "decade", "century", "Monday", "Tuesday", "Wednesday", "Thursday",
	    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "June",
	    "July", "August", "September", "October", "November", "December" },
	[W_TOD] = { "morning", "afternoon", "evening", "night" },
	[W_AMPM] = { "a.m.", "p.m.", "am", "pm", "AM", "PM" },
	[W_CUR] = { "dollars", "euro", "pounds", "yen", "yuan", "rubles", "roubles",
	    "francs", "marks", "pesos", "rupees", "cents", "pence", "riyals", "dinars" },
	[W_MULT] = { "million", "billion", "trillion", "thousand", "bn", "mn", "m", "b",
	    "k" },
	[W_PCT] = { "%", "per" },
	[W_UNIT] = { "km", "kilo", "mile", "kg", "ton", "met", "feet", "foot", "inches",
	    "lit", "barrel", "acre", "hectare", "degrees", "mph", "square" },
	[W_CARD] = { "million", "billion", "trillion", "thousand", "hundred" },
	[W_SFX] = { "st", "nd", "rd", "th" },
	[W_DIGIT] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" },
	[W_12] = { "1", "2" },
	/* WDAY and FULLMON, a date by themselves */
	[W_FULL] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	    "Sunday", "January", "February", "March", "April", "June", "July", "August",
	    "September", "October", "November", "December" },
	[W_SIGN] = { "$", "US$", "A$", "C$", "NZ$", "HK$", "S$", "\xC2\xA3", "\xE2\x82\xAC",
	    "\xC2\xA5" },
	[W_CODE3] = { "USD", "EUR", "GBP" },
};

/*
 * The bytes that may follow the digits of a number in a match (after_num)
 * and those that may follow them and one ASCII space (after_space): the
 * first bytes of the words that go on there, the NUM's ',' and '.', the
 * '-', '/', ':' of dates and times, and bytes of 0x80 or more (a space).
 */
static uint8_t after_num[256], after_space[256];

/* the lists packed: the first eight bytes of each word as a number */
static struct wset {
	uint32_t byfirst[256];	/* bit j: word j starts with this byte */
	uint8_t len[32];
	uint64_t head[32], mask[32];
} wsets[NWLISTS];

static void
wset_init(void)
{
	struct wset *ws;
	size_t i, j, l;

	for (i = 0; i < NWLISTS; i++) {
		ws = &wsets[i];
		for (j = 0; j < 32 && wlists[i][j]; j++) {
			l = strlen(wlists[i][j]);
			ws->byfirst[(unsigned char)wlists[i][j][0]] |= 1u << j;
			ws->len[j] = (uint8_t)l;
			ws->head[j] = ws->mask[j] = 0;
			memcpy(&ws->head[j], wlists[i][j], l < 8 ? l : 8);
			memset(&ws->mask[j], 0xFF, l < 8 ? l : 8);
		}
	}
	for (i = 0; i < 256; i++) {
		after_num[i] = i >= 0x80 || (i != 0 && strchr(",.-/:", (int)i) != NULL) ||
		    wsets[W_SFX].byfirst[i] || wsets[W_AMPM].byfirst[i] ||
		    wsets[W_MULT].byfirst[i] || wsets[W_CUR].byfirst[i] ||
		    wsets[W_PCT].byfirst[i] || wsets[W_UNIT].byfirst[i];
		after_space[i] = i >= 0x80 || wsets[W_MON3].byfirst[i] ||
		    wsets[W_AGO].byfirst[i] || wsets[W_AMPM].byfirst[i] ||
		    wsets[W_MULT].byfirst[i] || wsets[W_CUR].byfirst[i] ||
		    wsets[W_PCT].byfirst[i] || wsets[W_UNIT].byfirst[i];
	}
}

static inline int
isdig(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline int
isalpha_a(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

/* PCRE2's \s among the ASCII bytes */
static inline int
isspace_a(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* up to eight bytes of t[p..len) as a number, zeros after the end */
static inline uint64_t
load8(const char *t, size_t len, size_t p)
{
	uint64_t x = 0;
	size_t i;

	if (len - p >= 8) {
		memcpy(&x, t + p, 8);
		return x;
	}
	for (i = 0; p + i < len; i++)
		((unsigned char *)&x)[i] = (unsigned char)t[p + i];
	return x;
}

/* the words of list w that start at t[p] (bit j for word j), if any */
static inline uint32_t
word_at(const char *t, size_t len, size_t p, int w)
{
	const struct wset *ws = &wsets[w];
	uint32_t cand, m = 0;
	uint64_t x;
	int j;

	if (p >= len || (cand = ws->byfirst[(unsigned char)t[p]]) == 0)
		return 0;
	x = load8(t, len, p);
	for (; cand != 0; cand &= cand - 1) {
		j = __builtin_ctz(cand);
		if ((x & ws->mask[j]) == ws->head[j] && len - p >= ws->len[j])
			m |= 1u << j;
	}
	return m;
}

/* what may follow a \s at t[p]: its position, or one of these */
#define SP_NO	((size_t)-1)	/* no space there */
#define SP_ANY	((size_t)-2)	/* a character that may be a Unicode space */

static inline size_t
space_at(const char *t, size_t len, size_t p)
{
	if (p >= len)
		return SP_NO;
	if (isspace_a((unsigned char)t[p]))
		return p + 1;
	return (unsigned char)t[p] >= 0x80 ? SP_ANY : SP_NO;
}

/* "\s" then a word of w, at t[p] */
static inline int
space_word(const char *t, size_t len, size_t p, int w)
{
	size_t q = space_at(t, len, p);

	return q == SP_ANY || (q != SP_NO && word_at(t, len, q, w));
}

/* "\s?" then a word of w, at t[p] */
static inline int
optspace_word(const char *t, size_t len, size_t p, int w)
{
	return word_at(t, len, p, w) || space_word(t, len, p, w);
}

/* the end of the longest NUM at t[at], a digit */
static size_t
num_end(const char *t, size_t len, size_t at)
{
	size_t p = at;

	while (p < len && (isdig((unsigned char)t[p]) || t[p] == ','))
		p++;
	if (p + 1 < len && t[p] == '.' && isdig((unsigned char)t[p + 1]))
		for (p += 2; p < len && isdig((unsigned char)t[p]); p++)
			;
	return p;
}

/*
 * MONEY's "NUM MULT \s?(?:dollars|...)" after a NUM ending at e.  What
 * follows a NUM in the patterns (\s, a letter, %) is never a digit, a
 * comma or a point, so a NUM that matches ends at e; the same holds for
 * PERCENT and QUANTITY.
 */
static int
money_tail(const char *t, size_t len, size_t e)
{
	size_t q[2], i, n, nq = 0;
	uint32_t m;
	int j;

	q[nq++] = e;
	if ((n = space_at(t, len, e)) == SP_ANY)
		return 1;
	if (n != SP_NO)
		q[nq++] = n;
	for (i = 0; i < nq; i++) {
		if (word_at(t, len, q[i], W_CUR))
			return 1;
		/* every MULT word there ("m" as well as "million"), then \s? */
		for (m = word_at(t, len, q[i], W_MULT), j = 0; m != 0; m >>= 1, j++)
			if ((m & 1) && optspace_word(t, len, q[i] + wsets[W_MULT].len[j], W_CUR))
				return 1;
	}
	return 0;
}

/* what must follow a lower-case word for a pattern to match from it */
enum lead_rule {
	R_NO,			/* no match starts with the word */
	R_END,			/* "(?:...|word|...)" then \s or END: no letter or digit */
	R_WHEN,			/* "last\s(?:week|...)" */
	R_THIS,			/* "earlier this\s(?:week|...)" */
	R_AGO,			/* "two\s(?:years?|...)\sago" */
	R_FEW,			/* "a\s(?:years?|...)", "a few\s(?:years?|...)" */
	R_TOD,			/* "this\s(?:morning|...)" */
	R_THE,			/* "the\s(?:1[89]|20)[0-9]0s" */
};

/*
 * Every lower-case word a match may start with, and what each pattern needs
 * after it.  Each is followed in the patterns by \s, a space or END, never
 * by a letter, so it is the whole run of ASCII letters at the start.
 */
static const struct lead {
	const char *w;
	uint8_t rule[NPATS];
} leads[] = {
	{ "a", { [P_DATE] = R_FEW } },
	{ "coming", { [P_DATE] = R_WHEN } },
	{ "dozen", { [P_CARDINAL] = R_END } },
	{ "dozens", { [P_CARDINAL] = R_END } },
	{ "earlier", { [P_DATE] = R_THIS } },
	{ "eight", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "eighth", { [P_ORDINAL] = R_END } },
	{ "eleven", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "fifteen", { [P_DATE] = R_AGO } },
	{ "fifth", { [P_ORDINAL] = R_END } },
	{ "fifty", { [P_DATE] = R_AGO } },
	{ "first", { [P_ORDINAL] = R_END } },
	{ "five", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "forty", { [P_DATE] = R_AGO } },
	{ "four", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "fourth", { [P_ORDINAL] = R_END } },
	{ "hundreds", { [P_CARDINAL] = R_END } },
	{ "last", { [P_DATE] = R_WHEN, [P_TIME] = R_TOD } },
	{ "later", { [P_DATE] = R_THIS } },
	{ "midnight", { [P_TIME] = R_END } },
	{ "millions", { [P_CARDINAL] = R_END } },
	{ "next", { [P_DATE] = R_WHEN } },
	{ "nine", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "ninth", { [P_ORDINAL] = R_END } },
	{ "noon", { [P_TIME] = R_END } },
	{ "one", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "past", { [P_DATE] = R_WHEN } },
	{ "second", { [P_ORDINAL] = R_END } },
	{ "seven", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "seventh", { [P_ORDINAL] = R_END } },
	{ "several", { [P_DATE] = R_AGO } },
	{ "six", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "sixth", { [P_ORDINAL] = R_END } },
	{ "ten", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "tenth", { [P_ORDINAL] = R_END } },
	{ "the", { [P_DATE] = R_THE } },
	{ "third", { [P_ORDINAL] = R_END } },
	{ "thirty", { [P_DATE] = R_AGO } },
	{ "this", { [P_DATE] = R_WHEN, [P_TIME] = R_TOD } },
	{ "thousands", { [P_CARDINAL] = R_END } },
	{ "three", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "today", { [P_DATE] = R_END } },
	{ "tomorrow", { [P_DATE] = R_END, [P_TIME] = R_TOD } },
	{ "tonight", { [P_TIME] = R_END } },
	{ "twelve", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "twenty", { [P_DATE] = R_AGO } },
	{ "two", { [P_DATE] = R_AGO, [P_CARDINAL] = R_END } },
	{ "yesterday", { [P_DATE] = R_END, [P_TIME] = R_TOD } },
};
#define NLEADS	(sizeof(leads) / sizeof(leads[0]))
/* the words packed: the first eight letters as a number, the ninth apart */
static uint64_t lead_head[NLEADS];
static char lead_tail[NLEADS];
static uint8_t lead_pats[NLEADS];	/* bit i: rule[i] is not R_NO */
static uint64_t firstbytes[9];		/* the first n bytes of a number, as load8() */
/* lengths of the words (bit n) by their first two letters; [26]: one letter */
static uint16_t lead_lens[26][32];
/* the words by first letter and length: their indexes + 1 */
static uint8_t lead_by[26][10][4];

static void
lead_init(void)
{
	size_t i, j, l;
	int c;

	for (i = 0; i < 9; i++)
		memset(&firstbytes[i], 0xFF, i);
	for (i = 0; i < NLEADS; i++) {
		c = leads[i].w[0] - 'a';
		l = strlen(leads[i].w);
		lead_head[i] = 0;
		memcpy(&lead_head[i], leads[i].w, l < 8 ? l : 8);
		lead_tail[i] = l > 8 ? leads[i].w[8] : 0;
		lead_lens[leads[i].w[0] - 'a'][l > 1 ? leads[i].w[1] - 'a' : 26] |=
		    (uint16_t)(1u << l);
		for (j = 0; j < 4 && lead_by[c][l][j] != 0; j++)
			;
		if (l < 10 && j < 4)	/* always: the tests find every word */
			lead_by[c][l][j] = (uint8_t)(i + 1);
		for (c = 0; c < NPATS; c++)
			if (leads[i].rule[c] != R_NO)
				lead_pats[i] |= (uint8_t)(1u << c);
	}
}

/* Does the rule hold after a lead word ending at t[p]? */
static int
lead_follows(enum lead_rule r, const char *t, size_t len, size_t p)
{
	switch (r) {
	case R_END:
		return p >= len || !(isalpha_a((unsigned char)t[p]) || isdig((unsigned char)t[p]));
	case R_WHEN:
		return space_word(t, len, p, W_WHEN);
	case R_THIS:
		/* "earlier this": a plain space in the pattern */
		return len - p >= 5 && memcmp(t + p, " this", 5) == 0 &&
		    space_word(t, len, p + 5, W_WHEN);
	case R_AGO:
		return space_word(t, len, p, W_AGO);
	case R_FEW:
		return space_word(t, len, p, W_AGO) || (len - p >= 4 &&
		    memcmp(t + p, " few", 4) == 0 && space_word(t, len, p + 4, W_AGO));
	case R_TOD:
		return space_word(t, len, p, W_TOD);
	case R_THE:
		return space_word(t, len, p, W_12);
	case R_NO:
		break;
	}
	return 0;
}

/*
 * The length of the run of letters at t[at], a lower-case letter, if a
 * word of leads[] may fill it; else 0.  The first length n (of the words
 * with these first two letters) with no letter at t[at + n] is the run's
 * if any is: a shorter one ends inside it, a longer one holds a non-letter.
 */
static inline size_t
lead_len_at(const char *t, size_t len, size_t at)
{
	unsigned char c1 = at + 1 < len ? (unsigned char)t[at + 1] : 0;
	unsigned lens;
	size_t n;

	/* the words are in lower case: a capital second letter rules them all out */
	lens = (unsigned)(c1 - 'a') < 26 ? lead_lens[t[at] - 'a'][c1 - 'a'] :
	    isalpha_a(c1) ? 0 : lead_lens[t[at] - 'a'][26];
	for (; lens != 0; lens &= lens - 1) {
		n = (size_t)__builtin_ctz(lens);
		if (n > len - at)
			break;
		if (n == len - at || !isalpha_a((unsigned char)t[at + n]))
			return n;
	}
	return 0;
}

/* the word of leads[] that fills the n letters at t[at] (its index), or -1 */
static int
lead_find(const char *t, size_t len, size_t at, size_t n)
{
	const uint8_t *by = lead_by[t[at] - 'a'][n];
	uint64_t head = load8(t, len, at) & firstbytes[n < 8 ? n : 8];
	size_t j;
	int i;

	for (j = 0; j < 4 && by[j] != 0; j++) {
		i = by[j] - 1;
		if (lead_head[i] == head && (n <= 8 || lead_tail[i] == t[at + 8]))
			return i;
	}
	return -1;
}

/* the patterns that may match at the lower-case letter t[at] */
static unsigned
cand_lower(const char *t, size_t len, size_t at)
{
	size_t n;
	unsigned m = 0, ps;
	int i, pi;

	if ((n = lead_len_at(t, len, at)) == 0 || (i = lead_find(t, len, at, n)) < 0)
		return 0;
	for (ps = lead_pats[i]; ps != 0; ps &= ps - 1) {
		pi = __builtin_ctz(ps);
		if (lead_follows(leads[i].rule[pi], t, len, at + n))
			m |= 1u << pi;
	}
	return m;
}

/*
 * MONEY's "(?:(?:US|A|C|NZ|HK|S)?\$|£|€|¥|USD\s?|EUR\s?|GBP\s?)NUM": a
 * currency sign or code and a digit.
 */
static int
money_head(const char *t, size_t len, size_t at)
{
	uint32_t m;
	int j;

	for (m = word_at(t, len, at, W_SIGN), j = 0; m != 0; m >>= 1, j++)
		if ((m & 1) && word_at(t, len, at + wsets[W_SIGN].len[j], W_DIGIT))
			return 1;
	return word_at(t, len, at, W_CODE3) && optspace_word(t, len, at + 3, W_DIGIT);
}

/*
 * DATE from a capital: "WDAY...", "FULLMON(\sYEAR)?" end with a whole word
 * (then ',', \s or END); "MON\sDAY" is a month's first three letters, more
 * letters, maybe a point, \s and a digit.
 */
static int
date_upper(const char *t, size_t len, size_t at)
{
	size_t n = 0, p, q;
	uint32_t m;
	int j;

	while (at + n < len && isalpha_a((unsigned char)t[at + n]))
		n++;
	p = at + n;
	if (p >= len || !isdig((unsigned char)t[p]))
		for (m = word_at(t, len, at, W_FULL), j = 0; m != 0; m >>= 1, j++)
			if ((m & 1) && wsets[W_FULL].len[j] == n)
				return 1;
	if (n < 3 || !word_at(t, len, at, W_MON3))
		return 0;
	if (p < len && t[p] == '.')
		p++;
	q = space_at(t, len, p);
	return q == SP_ANY || (q != SP_NO && q < len && isdig((unsigned char)t[q]));
}

/*
 * The patterns that may match at the digit t[at].  r ends its digits, e
 * its NUM.  DATE: "DAY(st|nd|rd|th)?\sMON", "YEAR-", "[0-3]?[0-9]/",
 * "(1[89]|20)[0-9]0s", "[0-9]+\s(years?|...)"; TIME: "[0-2]?[0-9]" then
 * ':', or \s? and am/pm; ORDINAL: "[0-9]+(st|nd|rd|th)".  *cardmax: where
 * a CARDINAL could end at the farthest, "NUM(\s(million|...))?".
 */
static unsigned
cand_digit(const char *t, size_t len, size_t at, size_t *cardmax)
{
	size_t r = at, e, rl, q;
	unsigned char c;
	unsigned m = 0;

	while (r < len && isdig((unsigned char)t[r]))
		r++;
	rl = r - at;
	c = r < len ? (unsigned char)t[r] : 0;
	/* most numbers are followed by what no pattern goes on with */
	e = r;
	if (r < len && (isspace_a(c) ? r + 1 < len && after_space[(unsigned char)t[r + 1]] :
	    after_num[c])) {
		if ((rl == 4 && (c == '-' || c == 's')) || (rl <= 2 && c == '/') ||
		    (rl <= 2 && (space_word(t, len, r, W_MON3) ||
		    (word_at(t, len, r, W_SFX) && space_word(t, len, r + 2, W_MON3)))) ||
		    space_word(t, len, r, W_AGO))
			m |= 1u << P_DATE;
		if (rl <= 2 && (c == ':' || optspace_word(t, len, r, W_AMPM)))
			m |= 1u << P_TIME;
		e = num_end(t, len, at);
		if (money_tail(t, len, e))
			m |= 1u << P_MONEY;
		if (optspace_word(t, len, e, W_PCT))
			m |= 1u << P_PERCENT;
	}
	if (with_numbers) {
		if (optspace_word(t, len, e, W_UNIT))
			m |= 1u << P_QUANTITY;
		if (word_at(t, len, r, W_SFX))
			m |= 1u << P_ORDINAL;
		m |= 1u << P_CARDINAL;
		q = space_at(t, len, e);
		/* a space is at most 3 bytes, "thousand" 8 */
		*cardmax = q == SP_ANY ? e + 3 + 8 :
		    q != SP_NO && word_at(t, len, q, W_CARD) ? q + 8 : e;
	}
	return m;
}

/* the patterns that may match at t[at] */
static unsigned
cand(const char *t, size_t len, size_t at, size_t *cardmax)
{
	unsigned char c = (unsigned char)t[at];
	unsigned m = 0;

	*cardmax = SIZE_MAX;
	if (isdig(c))
		m = cand_digit(t, len, at, cardmax);
	else if (c >= 'a' && c <= 'z')
		m = cand_lower(t, len, at);
	else if (c >= 'A' && c <= 'Z')
		m = (date_upper(t, len, at) ? 1u << P_DATE : 0) |
		    (money_head(t, len, at) ? 1u << P_MONEY : 0);
	else if (c == '$' || c == 0xC2 || c == 0xE2)
		m = money_head(t, len, at) ? 1u << P_MONEY : 0;
	return m & compiled;
}

void
num_init(int numbers)
{
	size_t i, off;
	int err;

	with_numbers = numbers;
	if (num_trig_lens['t' & 31]['w' & 31] == 0) {
		trig_init();
		lead_init();
		wset_init();
	}
	for (i = 0; i < NPATS; i++) {
		if (pats[i].numbers && !numbers)
			continue;
		code[i] = pcre2_compile((PCRE2_SPTR)pats[i].re, PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
		    &err, &off, NULL);
		if (code[i] == NULL) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(err, msg, sizeof(msg));
			lede_diex(LEDE_EXIT_DATA, "internal pattern %zu at %zu: %s", i, off, msg);
		}
		jitted[i] = pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE) == 0;
		compiled |= 1u << i;
	}
	md = pcre2_match_data_create(4, NULL);
}

void
num_free(void)
{
	size_t i;

	for (i = 0; i < NPATS; i++) {
		pcre2_code_free(code[i]);
		code[i] = NULL;
		jitted[i] = 0;
	}
	compiled = 0;
	pcre2_match_data_free(md);
	md = NULL;
}

/* A bare year is a date after these words: "in 1996", "since 2001". */
static int
year_cue(const char *w, size_t n)
{
	static const char *const by_len[] = { " in by of In By ", " mid ", " till from late From ",
	    " since until early after Since Until After ", " during before During Before " };
	const char *p;

	if (n < 2 || n > 6)
		return 0;
	/* the words of length n, each between spaces */
	for (p = by_len[n - 2]; p[1] != 0; p += n + 1)
		if (memcmp(p + 1, w, n) == 0)
			return 1;
	return 0;
}

/* pattern i anchored at text[at]: the end of its match, or 0 */
static size_t
run(size_t i, const char *text, size_t len, size_t at)
{
	int rc;

	if (jitted[i])
		rc = pcre2_jit_match(code[i], (PCRE2_SPTR)text, len, at, 0, md, NULL);
	else
		rc = pcre2_match(code[i], (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, md, NULL);
	return rc > 0 ? pcre2_get_ovector_pointer(md)[1] : 0;
}

/* A bare year needs a cue; a lone number is a date only then. */
static enum etype
bare_year(const char *text, size_t len, size_t at, size_t *bestend, enum etype best,
    const char *prev, size_t prevlen)
{
	size_t j = at;

	while (j < len && j - at < 5 && text[j] >= '0' && text[j] <= '9')
		j++;
	if (j - at == 4 && (j == len || !(text[j] >= '0' && text[j] <= '9')) &&
	    (text[at] == '1' || text[at] == '2') && prev && year_cue(prev, prevlen) &&
	    (j == len || (text[j] != ',' && text[j] != '.') || j + 1 == len ||
	    text[j + 1] == ' ')) {
		if (j > *bestend || best == T_CARDINAL) {
			best = T_DATE;
			*bestend = j;
		}
	}
	return best;
}

/* the patterns of m at text[at]: the longest match, the earlier on a tie */
static enum etype
longest(unsigned m, size_t cardmax, const char *text, size_t len, size_t at, size_t *end)
{
	enum etype best = T_NONE;
	size_t i, e;

	for (i = 0; m != 0; i++, m >>= 1) {
		if (!(m & 1))
			continue;
		/* the last pattern: it must beat the best so far */
		if (i == P_CARDINAL && *end >= cardmax)
			continue;
		if ((e = run(i, text, len, at)) > *end) {
			*end = e;
			best = pats[i].type;
		}
	}
	return best;
}

/*
 * num_match() past its first test, apart so that the test and its return
 * (most calls with --numbers) need no stack frame.
 */
static NOINLINE enum etype
match_cand(const char *text, size_t len, size_t at, size_t *end,
    const char *prev, size_t prevlen)
{
	enum etype best = T_NONE;
	size_t cardmax;
	unsigned m;

	if ((m = cand(text, len, at, &cardmax)) != 0)
		best = longest(m, cardmax, text, len, at, end);
	if ((best == T_NONE || best == T_CARDINAL) && isdig((unsigned char)text[at]))
		best = bare_year(text, len, at, end, best, prev, prevlen);
	return best;
}

enum etype
num_match(const char *text, size_t len, size_t at, size_t *end,
    const char *prev, size_t prevlen)
{
	*end = at;
	/* the common case, a word no match starts with */
	if ((unsigned)((unsigned char)text[at] - 'a') < 26 && lead_len_at(text, len, at) == 0)
		return T_NONE;
	return match_cand(text, len, at, end, prev, prevlen);
}

enum etype
num_match_all(const char *text, size_t len, size_t at, size_t *end,
    const char *prev, size_t prevlen)
{
	enum etype best = T_NONE;
	size_t i, e, bestend = at;
	int rc;

	for (i = 0; i < NPATS; i++) {
		if (code[i] == NULL)
			continue;
		rc = pcre2_match(code[i], (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc > 0 && (e = pcre2_get_ovector_pointer(md)[1]) > bestend) {
			bestend = e;
			best = pats[i].type;
		}
	}
	if (best == T_NONE || best == T_CARDINAL)
		best = bare_year(text, len, at, &bestend, best, prev, prevlen);
	*end = bestend;
	return best;
}
