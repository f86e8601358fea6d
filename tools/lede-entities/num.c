/* num.c -- dates, times, money and percentages by regular expression. */
/* SPDX-License-Identifier: MIT */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "lede.h"
#include "num.h"

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

static const struct {
	enum etype type;
	int numbers;		/* only with --numbers */
	const char *re;
} pats[] = {
	{ T_DATE, 0, "(?:" WDAY "(?:,?\\s" MON "\\s" DAY "(?:,?\\s" YEAR ")?)?|"
	    MON "\\s" DAY "(?:,?\\s" YEAR ")?|" FULLMON "(?:\\s" YEAR ")?|"
	    DAY "\\s" MON "(?:\\s" YEAR ")?|" YEAR "-[01][0-9]-[0-3][0-9]|"
	    "[0-3]?[0-9]/[0-3]?[0-9]/(?:[0-9]{4}|[0-9]{2})|"
	    "(?:the\\s)?(?:1[89]|20)[0-9]0s|"
	    "(?:yesterday|today|tomorrow)|"
	    "(?:last|next|this|past|coming|earlier this|later this)\\s(?:week|month|year|"
	    "weekend|spring|summer|autumn|fall|winter|decade|century|" WDAY "|" FULLMON ")|"
	    NUMW "\\s(?:years?|months?|weeks?|days?|decades?)\\sago)" END },
	{ T_TIME, 0, "(?:[0-2]?[0-9](?::[0-5][0-9])?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm|AM|PM)"
	    "(?:\\s(?:GMT|UTC|[ECMP][SD]?T))?|[0-2]?[0-9]:[0-5][0-9]\\s(?:GMT|UTC|[ECMP][SD]?T)|"
	    "noon|midnight|tonight|(?:this|last|yesterday|tomorrow)\\s(?:morning|"
	    "afternoon|evening|night))" END },
	{ T_MONEY, 0, "(?:(?:US|A|C|NZ|HK|S)?\\$|£|€|¥|USD\\s?|EUR\\s?|GBP\\s?)" NUM MULT
	    "|" NUM MULT "\\s?(?:dollars|euros?|pounds sterling|pounds|yen|yuan|"
	    "rubles|roubles|francs|marks|pesos|rupees|cents|pence|riyals|dinars)" END },
	{ T_PERCENT, 0, NUM "\\s?(?:%|percent|per\\scent|percentage\\spoints?)" },
	{ T_QUANTITY, 1, NUM "\\s?(?:km|kilomet(?:re|er)s?|miles?|kg|kilograms?|tonnes?|"
	    "tons?|met(?:re|er)s?|feet|foot|inches|litres?|liters?|barrels?|acres?|"
	    "hectares?|degrees|mph|km/h|square\\s(?:miles|kilomet(?:re|er)s))" END },
	{ T_ORDINAL, 1, "(?:[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
	    "sixth|seventh|eighth|ninth|tenth)" END },
	{ T_CARDINAL, 1, "(?:" NUM "(?:\\s(?:million|billion|trillion|thousand|hundred))?|"
	    "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
	    "hundreds|thousands|millions|dozens?)(?:\\s(?:million|billion|thousand|hundred))?)"
	    END },
};
#define NPATS (sizeof(pats) / sizeof(pats[0]))

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
uint16_t num_trig_lens[26][26];

/* The words again, packed: up to eight letters in a number, the rest apart. */
static struct trig {
	uint64_t head;		/* the first eight letters, little end first */
	uint8_t len;
	char tail;		/* the ninth letter, or 0 */
} trig_w[26][20];
static uint8_t trig_n[26];

static uint64_t
pack8(const char *s, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && i < 8; i++)
		v |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return v;
}

static void
trig_init(void)
{
	const char *p;
	size_t i, l;

	for (i = 0; i < 26; i++)
		for (p = trig_by[i]; p && *p; p++)
			if (p[0] != ' ' && p[-1] == ' ') {
				l = strcspn(p, " ");
				if (p[1] >= 'a' && p[1] <= 'z')
					num_trig_lens[i][p[1] - 'a'] |= (uint16_t)(1u << l);
				if (trig_n[i] < sizeof(trig_w[i]) / sizeof(trig_w[i][0])) {
					struct trig *t = &trig_w[i][trig_n[i]++];

					t->head = pack8(p, l);
					t->len = (uint8_t)l;
					t->tail = l > 8 ? p[8] : 0;
				}
			}
}

int
num_trigger_word(const char *s, size_t n)
{
	const struct trig *t;
	uint64_t head;
	size_t i;

	if (!num_trigger_maybe(s, n))
		return 0;
	head = pack8(s, n);
	t = trig_w[s[0] - 'a'];
	for (i = 0; i < trig_n[s[0] - 'a']; i++)
		if (t[i].len == n && t[i].head == head && (n <= 8 || t[i].tail == s[8]))
			return 1;
	return 0;
}

static pcre2_code *code[NPATS];
/* the bytes a match of each pattern may start with, as PCRE2 found them */
static const uint8_t *firstmap[NPATS];
static uint32_t firsttype[NPATS], firstunit[NPATS];
static pcre2_match_data *md;
static int with_numbers;

void
num_init(int numbers)
{
	size_t i, off;
	int err;

	with_numbers = numbers;
	if (num_trig_lens['t' - 'a']['w' - 'a'] == 0)
		trig_init();
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
		(void)pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);
		if (pcre2_pattern_info(code[i], PCRE2_INFO_FIRSTBITMAP, &firstmap[i]) != 0)
			firstmap[i] = NULL;
		if (pcre2_pattern_info(code[i], PCRE2_INFO_FIRSTCODETYPE, &firsttype[i]) != 0)
			firsttype[i] = 0;
		if (firsttype[i] == 1 &&
		    pcre2_pattern_info(code[i], PCRE2_INFO_FIRSTCODEUNIT, &firstunit[i]) != 0)
			firsttype[i] = 0;
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
		firstmap[i] = NULL;
		firsttype[i] = 0;
	}
	pcre2_match_data_free(md);
	md = NULL;
}

/* A bare year is a date after these words: "in 1996", "since 2001". */
static int
year_cue(const char *w, size_t n)
{
	static const char *const cues[] = { "in", "since", "by", "until", "till",
	    "from", "of", "early", "late", "mid", "during", "before", "after",
	    "In", "Since", "By", "Until", "From", "During", "Before", "After", NULL };
	size_t i;

	for (i = 0; cues[i]; i++)
		if (strlen(cues[i]) == n && memcmp(cues[i], w, n) == 0)
			return 1;
	return 0;
}

enum etype
num_match(const char *text, size_t len, size_t at, size_t *end,
    const char *prev, size_t prevlen)
{
	enum etype best = T_NONE;
	size_t i, bestend = at;
	int rc;

	for (i = 0; i < NPATS; i++) {
		unsigned char b = (unsigned char)text[at];

		if (code[i] == NULL)
			continue;
		/* no match of this pattern starts with this byte */
		if (firsttype[i] == 1 ? firstunit[i] != b :
		    firstmap[i] != NULL && !(firstmap[i][b >> 3] & (1u << (b & 7))))
			continue;
		rc = pcre2_match(code[i], (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

			if (ov[1] > bestend) {
				bestend = ov[1];
				best = pats[i].type;
			}
		}
	}
	/* A bare year needs a cue; a lone number is a date only then. */
	if (best == T_NONE || best == T_CARDINAL) {
		size_t j = at;

		while (j < len && j - at < 5 && text[j] >= '0' && text[j] <= '9')
			j++;
		if (j - at == 4 && (j == len || !(text[j] >= '0' && text[j] <= '9')) &&
		    (text[at] == '1' || text[at] == '2') && prev && year_cue(prev, prevlen) &&
		    (j == len || (text[j] != ',' && text[j] != '.') || j + 1 == len ||
		    text[j + 1] == ' ')) {
			if (j > bestend || best == T_CARDINAL) {
				best = T_DATE;
				bestend = j;
			}
		}
	}
	*end = bestend;
	return best;
}
