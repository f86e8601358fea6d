/* check_ent_num.c -- unit tests for lede-entities' number matcher (tools/lede-entities/num.c). */
/* SPDX-License-Identifier: MIT */
/*
 * num_match() runs a pattern only where its quick tests say it may match;
 * num_match_all() runs every pattern.  They must agree everywhere: on the
 * hand-written cases, on many generated strings and, with NUM_DIFF_FILE
 * set, at every character of a file.  The matcher is built into this test
 * from its source, as the Makefile links the unit tests to libcommon.a only.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/lede-entities/num.c"
#include "u8.h"

#define S(lit)	lit, sizeof(lit) - 1
#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

/* Both matchers at text[at] of text[0..len); fails on any difference. */
static void
agree(const char *text, size_t len, size_t at, const char *prev, int numbers)
{
	size_t e1 = 0, e2 = 0;
	enum etype t1, t2;

	t1 = num_match(text, len, at, &e1, prev, prev ? strlen(prev) : 0);
	t2 = num_match_all(text, len, at, &e2, prev, prev ? strlen(prev) : 0);
	if (t1 != t2 || e1 != e2)
		ck_abort_msg("numbers=%d, \"%.*s\" at %zu (of %zu), after \"%s\": "
		    "filtered %d to %zu, every pattern %d to %zu", numbers, (int)len, text,
		    at, len, prev ? prev : "", (int)t1, e1, (int)t2, e2);
}

static int
char_start(const char *text, size_t len, size_t i)
{
	return i == len || ((unsigned char)text[i] & 0xC0) != 0x80;
}

static uint32_t rnd(uint32_t n);

/*
 * Both matchers at every character of text[0..len), the text ending at
 * len and at every shorter character end (every > 0) or at that many
 * chosen at random.
 */
static void
agree_all(const char *text, size_t len, const char *prev, int numbers, int every)
{
	size_t at, n;
	int k;

	for (at = 0; at < len; at++) {
		if (!char_start(text, len, at))
			continue;
		agree(text, len, at, prev, numbers);
		for (n = at + 1; every > 0 && n < len; n++)
			if (char_start(text, len, n))
				agree(text, n, at, prev, numbers);
		for (k = every; k < 0; k++) {
			n = at + 1 + rnd((uint32_t)(len - at));
			while (!char_start(text, len, n))
				n++;
			agree(text, n, at, prev, numbers);
		}
	}
}

/* ---- hand-written cases: what matches, in either mode ---- */

static const struct {
	const char *s;
	size_t n;
	const char *prev;
	enum etype def, num;	/* the type without and with --numbers */
	size_t len;		/* the match's length, when there is one */
} cases[] = {
	{ S("5 March 2019 and"), NULL, T_DATE, T_DATE, 12 },
	{ S("5th March"), NULL, T_DATE, T_DATE, 9 },
	{ S("5\xC2\xA0March"), NULL, T_DATE, T_DATE, 8 },
	{ S("March 5, 2019"), NULL, T_DATE, T_DATE, 13 },
	{ S("Sept. 5"), NULL, T_DATE, T_DATE, 7 },
	{ S("Sepember 5"), NULL, T_DATE, T_DATE, 10 },
	{ S("May 5"), NULL, T_DATE, T_DATE, 5 },
	{ S("May I"), NULL, T_NONE, T_NONE, 0 },
	{ S("Mayday"), NULL, T_NONE, T_NONE, 0 },
	{ S("Monday, March 5"), NULL, T_DATE, T_DATE, 15 },
	{ S("Mondays"), NULL, T_NONE, T_NONE, 0 },
	{ S("January"), NULL, T_DATE, T_DATE, 7 },
	{ S("2019-03-05"), NULL, T_DATE, T_DATE, 10 },
	{ S("5/3/19"), NULL, T_DATE, T_DATE, 6 },
	{ S("the 1990s"), NULL, T_DATE, T_DATE, 9 },
	{ S("1990s"), NULL, T_DATE, T_DATE, 5 },
	{ S("the 199"), NULL, T_NONE, T_NONE, 0 },
	{ S("today."), NULL, T_DATE, T_DATE, 5 },
	{ S("todays"), NULL, T_NONE, T_NONE, 0 },
	{ S("last week"), NULL, T_DATE, T_DATE, 9 },
	{ S("last weekly"), NULL, T_NONE, T_NONE, 0 },
	{ S("earlier this month"), NULL, T_DATE, T_DATE, 18 },
	{ S("this is"), NULL, T_NONE, T_NONE, 0 },
	{ S("this morning"), NULL, T_TIME, T_TIME, 12 },
	{ S("yesterday evening"), NULL, T_TIME, T_TIME, 17 },
	{ S("two years ago"), NULL, T_DATE, T_DATE, 13 },
	{ S("a few weeks ago"), NULL, T_DATE, T_DATE, 15 },
	{ S("a day ago"), NULL, T_DATE, T_DATE, 9 },
	{ S("10 days ago"), NULL, T_DATE, T_DATE, 11 },
	{ S("one of"), NULL, T_NONE, T_CARDINAL, 3 },
	{ S("two"), NULL, T_NONE, T_CARDINAL, 3 },
	{ S("dozens"), NULL, T_NONE, T_CARDINAL, 6 },
	{ S("first"), NULL, T_NONE, T_ORDINAL, 5 },
	{ S("firstly"), NULL, T_NONE, T_NONE, 0 },
	{ S("noon"), NULL, T_TIME, T_TIME, 4 },
	{ S("5pm"), NULL, T_TIME, T_TIME, 3 },
	{ S("10:30 a.m. GMT"), NULL, T_TIME, T_TIME, 14 },
	{ S("10:30 GMT"), NULL, T_TIME, T_TIME, 9 },
	{ S("10:30"), NULL, T_NONE, T_CARDINAL, 2 },
	{ S("123pm"), NULL, T_NONE, T_NONE, 0 },
	{ S("$5"), NULL, T_MONEY, T_MONEY, 2 },
	{ S("US$5.5bn"), NULL, T_MONEY, T_MONEY, 8 },
	{ S("\xC2\xA3" "5m"), NULL, T_MONEY, T_MONEY, 4 },
	{ S("\xE2\x82\xAC" "1,000"), NULL, T_MONEY, T_MONEY, 8 },
	{ S("USD 5"), NULL, T_MONEY, T_MONEY, 5 },
	{ S("USDA"), NULL, T_NONE, T_NONE, 0 },
	{ S("5 million dollars"), NULL, T_MONEY, T_MONEY, 17 },
	{ S("5m euros"), NULL, T_MONEY, T_MONEY, 8 },
	{ S("5 million people"), NULL, T_NONE, T_CARDINAL, 9 },
	{ S("1,000.5 pounds"), NULL, T_MONEY, T_MONEY, 14 },
	{ S("50%"), NULL, T_PERCENT, T_PERCENT, 3 },
	{ S("5.5 per cent"), NULL, T_PERCENT, T_PERCENT, 12 },
	{ S("5 percentage points"), NULL, T_PERCENT, T_PERCENT, 9 },	/* "percent" first */
	{ S("5 km"), NULL, T_NONE, T_QUANTITY, 4 },
	{ S("5 square miles"), NULL, T_NONE, T_QUANTITY, 14 },
	{ S("21st"), NULL, T_NONE, T_ORDINAL, 4 },
	{ S("21st century"), NULL, T_NONE, T_ORDINAL, 4 },
	{ S("5 thousand"), NULL, T_NONE, T_CARDINAL, 10 },
	{ S("1996"), "in", T_DATE, T_DATE, 4 },
	{ S("1996, and"), "since", T_DATE, T_DATE, 4 },
	{ S("1996"), "the", T_NONE, T_CARDINAL, 4 },
	{ S("people"), NULL, T_NONE, T_NONE, 0 },
	{ S("Smith"), NULL, T_NONE, T_NONE, 0 },
	{ S("\xC3\xA9t\xC3\xA9"), NULL, T_NONE, T_NONE, 0 },
};

START_TEST(case_table)
{
	size_t e = 0;
	enum etype want;
	int numbers;

	for (numbers = 0; numbers <= 1; numbers++) {
		num_init(numbers);
		want = numbers ? cases[_i].num : cases[_i].def;
		ck_assert_msg(num_match(cases[_i].s, cases[_i].n, 0, &e, cases[_i].prev,
		    cases[_i].prev ? strlen(cases[_i].prev) : 0) == want,
		    "\"%s\", numbers=%d: not type %d", cases[_i].s, numbers, (int)want);
		if (want != T_NONE)
			ck_assert_uint_eq(e, cases[_i].len);
		agree_all(cases[_i].s, cases[_i].n, cases[_i].prev, numbers, 1);
		num_free();
	}
}
END_TEST

/* The quick tests turn away the common words that start nothing. */
START_TEST(quick_tests_reject)
{
	static const char *const no[] = { "this is", "one of the", "last time",
	    "the first", "first time", "10 people", "2019 and", "5 miles", "May I",
	    "US officials", "A man", "$ sign", "12345:", "lastly", "tHis", "the.", "a-",
	    "several", "people", NULL };
	size_t i, cardmax;

	num_init(0);
	for (i = 0; no[i]; i++)
		ck_assert_msg(cand(no[i], strlen(no[i]), 0, &cardmax) == 0, "\"%s\"", no[i]);
	num_free();
}
END_TEST

/* num_trigger_word(): exactly the words of trig_by[], by a plain search */
static int
trigger_ref(const char *s, size_t n)
{
	char key[16];

	if (n < 1 || n > 12 || s[0] < 'a' || s[0] > 'z' || trig_by[s[0] - 'a'] == NULL)
		return 0;
	key[0] = ' ';
	memcpy(key + 1, s, n);
	key[n + 1] = ' ';
	key[n + 2] = 0;
	return strstr(trig_by[s[0] - 'a'], key) != NULL;
}

START_TEST(trigger_words)
{
	static const char *const extra[] = { "t", "tw", "twos", "tow", "thi", "thiss",
	    "yesterdays", "yesterda", "Last", "lasT", "l4st", "tomorrow", "coming",
	    /* bytes that share their low five bits with the letters of a trigger */
	    "Two", "TWO", "4wo", "t7o", "T\x97o", "\xd4wo", "L\xc1st", "\xf4oday", NULL };
	const char *p;
	char w[16];
	size_t i, j, l, nw = 0;

	num_init(0);
	for (i = 0; i < 26; i++)
		for (p = trig_by[i]; p && *p; p++)
			if (p[0] != ' ' && p[-1] == ' ') {
				l = strcspn(p, " ");
				ck_assert_msg(num_trigger_word(p, l), "%.*s", (int)l, p);
				nw++;
				/* every one-letter change and cut */
				for (j = 0; j < l; j++) {
					memcpy(w, p, l);
					w[j] = (char)(w[j] == 'z' ? 'a' : w[j] + 1);
					ck_assert_int_eq(num_trigger_word(w, l), trigger_ref(w, l));
					ck_assert_int_eq(num_trigger_word(p, j), trigger_ref(p, j));
				}
			}
	ck_assert_uint_eq(nw, 46);	/* all of them, none dropped */
	for (i = 0; extra[i]; i++)
		ck_assert_int_eq(num_trigger_word(extra[i], strlen(extra[i])),
		    trigger_ref(extra[i], strlen(extra[i])));
	num_free();
}
END_TEST

/* Every word of leads[] is found, as itself and in longer text. */
START_TEST(lead_words)
{
	char buf[32];
	size_t i, n;

	num_init(1);
	for (i = 0; i < NLEADS; i++) {
		n = strlen(leads[i].w);
		ck_assert_uint_eq(lead_len_at(leads[i].w, n, 0), n);
		ck_assert_int_eq(lead_find(leads[i].w, n, 0, n), (int)i);
		snprintf(buf, sizeof(buf), "x %s, y", leads[i].w);
		ck_assert_uint_eq(lead_len_at(buf, strlen(buf), 2), n);
		ck_assert_int_eq(lead_find(buf, strlen(buf), 2, n), (int)i);
		/* one more letter: no word */
		snprintf(buf, sizeof(buf), "%sa", leads[i].w);
		ck_assert(lead_len_at(buf, n + 1, 0) != n);
		ck_assert(lead_len_at(buf, n + 1, 0) == 0 || lead_find(buf, n + 1, 0, n + 1) < 0);
	}
	num_free();
}
END_TEST

START_TEST(year_cues)
{
	static const char *const yes[] = { "in", "since", "by", "until", "till", "from", "of",
	    "early", "late", "mid", "during", "before", "after", "In", "Since", "By", "Until",
	    "From", "During", "Before", "After", NULL };
	static const char *const no[] = { "", "i", "n", "IN", "on", "at", "the", "midst",
	    "sinc", "befores", "durin", "Of", "Mid", "Early", "Till", "Late", "fromm",
	    "in by", NULL };
	size_t i;

	for (i = 0; yes[i]; i++)
		ck_assert_msg(year_cue(yes[i], strlen(yes[i])), "%s", yes[i]);
	for (i = 0; no[i]; i++)
		ck_assert_msg(!year_cue(no[i], strlen(no[i])), "%s", no[i]);
}
END_TEST

/* ---- generated strings ---- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 32) % n;
}

/* the patterns' words and near misses to build strings of */
static const char *const words[] = {
	"Jan", "January", "Jan.", "Feb", "February", "Mar", "March", "Apr", "April",
	"May", "Jun", "June", "Jun.", "Jul", "July", "Aug", "August", "Sep", "Sept",
	"Sept.", "September", "Sepember", "Oct", "October", "Nov", "November", "Dec",
	"December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", "Mon", "Marchy", "Junes", "the", "The", "yesterday", "today", "tomorrow",
	"last", "next", "this", "past", "coming", "earlier", "later", "week", "weekend",
	"month", "year", "years", "spring", "summer", "autumn", "fall", "winter", "decade",
	"decades", "century", "day", "days", "weeks", "months", "ago", "one", "two",
	"three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"fifteen", "twenty", "thirty", "forty", "fifty", "a", "few", "several", "noon",
	"midnight", "tonight", "morning", "afternoon", "evening", "night", "a.m.", "p.m.",
	"am", "pm", "AM", "PM", "a.m", "GMT", "UTC", "EST", "PDT", "CT", "US$", "A$", "C$",
	"NZ$", "HK$", "S$", "$", "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "USD", "EUR", "GBP",
	"US", "million", "billion", "trillion", "thousand", "hundred", "bn", "mn", "m",
	"b", "k", "dollars", "euro", "euros", "pounds", "pounds sterling", "yen", "yuan",
	"rubles", "roubles", "francs", "marks", "pesos", "rupees", "cents", "pence", "riyals",
	"dinars", "%", "percent", "per", "cent", "percentage", "points", "point", "km",
	"kilometres", "kilometers", "mile", "miles", "kg", "kilograms", "tonne", "tons",
	"metres", "meter", "feet", "foot", "inches", "litres", "liter", "barrels", "acres",
	"hectares", "degrees", "mph", "km/h", "square", "first", "second", "third", "fourth",
	"fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "hundreds", "thousands",
	"millions", "dozen", "dozens", "st", "nd", "rd", "th", "s", "in", "since", "people",
	"x", "Smith", "\xC3\xA9t\xC3\xA9", "\xC3\x9F", "\xE6\x97\xA5\xE6\x9C\xAC",
	"\xD9\xA3", "\xC2\xB2", "_",
};

static const char *const seps[] = {
	" ", " ", " ", "", "", "\t", "\n", "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80",
	"\xC2\x85", ",", ", ", ".", ". ", "-", "/", ":", "'",
};

/* a number: digits, maybe commas, a point, a suffix */
static size_t
gen_number(char *p)
{
	static const char *const sfx[] = { "", "", "", "st", "nd", "rd", "th", "s", "0s",
	    "m", "bn", "k", "%", "pm", "am" };
	size_t n = 0, nd = 1 + rnd(5), i;

	if (rnd(4) == 0) {
		static const char *const fixed[] = { "1990", "2019", "1850", "05", "31",
		    "32", "12", "19", "20", "0", "1,000", "1,000,000", "1.5", "10:30",
		    "23:59", "2019-03-05", "5/3/19", "12/12/2012" };

		n = strlen(strcpy(p, fixed[rnd(NCASES(fixed))]));
	} else {
		for (i = 0; i < nd; i++) {
			p[n++] = (char)('0' + rnd(10));
			if (rnd(6) == 0)
				p[n++] = ',';
		}
		if (rnd(4) == 0) {
			p[n++] = '.';
			for (i = rnd(3); i > 0; i--)
				p[n++] = (char)('0' + rnd(10));
		}
	}
	return n + strlen(strcpy(p + n, sfx[rnd(NCASES(sfx))]));
}

/* a word of words[], sometimes spoiled: cut short, lengthened, capitalised */
static size_t
gen_word(char *p)
{
	size_t n = strlen(strcpy(p, words[rnd(NCASES(words))]));

	switch (rnd(10)) {
	case 0:
		if (n > 1 && (unsigned char)p[n - 1] < 0x80)
			p[--n] = 0;
		break;
	case 1:
		p[n++] = (char)('a' + rnd(26));
		break;
	case 2:
		if (p[0] >= 'a' && p[0] <= 'z')
			p[0] = (char)(p[0] - 'a' + 'A');
		else if (p[0] >= 'A' && p[0] <= 'Z')
			p[0] = (char)(p[0] - 'A' + 'a');
		break;
	}
	return n;
}

static size_t
gen_string(char *p)
{
	size_t n = 0, k = 1 + rnd(6), i;

	for (i = 0; i < k; i++) {
		n += rnd(3) == 0 ? gen_number(p + n) : gen_word(p + n);
		if (i + 1 < k || rnd(3) == 0)
			n += strlen(strcpy(p + n, seps[rnd(NCASES(seps))]));
	}
	return n;
}

START_TEST(generated)
{
	static const char *const prevs[] = { NULL, "in", "since", "In", "of", "the", "After",
	    "during" };
	const char *env = getenv("NUM_DIFF_N");
	long count = env ? atol(env) : 20000, i;
	char buf[512];
	size_t n;

	num_init(_i);
	for (i = 0; i < count; i++) {
		n = gen_string(buf);
		ck_assert_uint_eq(u8_valid_prefix(buf, n), n);
		agree_all(buf, n, prevs[rnd(NCASES(prevs))], _i, -2);
	}
	num_free();
}
END_TEST

/* With NUM_DIFF_FILE: every character of each valid line of that file. */
START_TEST(file)
{
	const char *path = getenv("NUM_DIFF_FILE");
	char *line = NULL;
	size_t cap = 0, at, vlen;
	ssize_t n;
	FILE *f;

	if (path == NULL)
		return;
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s", path);
	num_init(_i);
	while ((n = getline(&line, &cap, f)) > 0) {
		vlen = u8_valid_prefix(line, (size_t)n);
		for (at = 0; at < vlen; at++)
			if (((unsigned char)line[at] & 0xC0) != 0x80)
				agree(line, vlen, at, at >= 3 ? "in" : NULL, _i);
	}
	num_free();
	free(line);
	fclose(f);
}
END_TEST

static Suite *
num_suite(void)
{
	Suite *s = suite_create("ent_num");
	TCase *tc;

	tc = tcase_create("cases");
	tcase_add_loop_test(tc, case_table, 0, NCASES(cases));
	tcase_add_test(tc, quick_tests_reject);
	tcase_add_test(tc, trigger_words);
	tcase_add_test(tc, year_cues);
	tcase_add_test(tc, lead_words);
	suite_add_tcase(s, tc);

	tc = tcase_create("differential");
	tcase_set_timeout(tc, 600);	/* slow under valgrind and sanitizers */
	tcase_add_loop_test(tc, generated, 0, 2);
	tcase_add_loop_test(tc, file, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(num_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
