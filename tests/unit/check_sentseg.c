/* check_sentseg.c -- unit tests for sentence segmentation (common/sentseg.c). */
/* SPDX-License-Identifier: MIT */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sentseg.h"
#include "util.h"

#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

/* Each case: a paragraph and its sentences joined by " | ". */
static const struct {
	const char *family;
	const char *text;
	const char *want;
} cases[] = {
	/* Plain ends. */
	{ "plain", "The mayor resigned. Her deputy takes over today.",
	  "The mayor resigned. | Her deputy takes over today." },
	{ "plain", "Why now? Nobody knows! The vote is on Monday.",
	  "Why now? | Nobody knows! | The vote is on Monday." },
	{ "plain", "  Spaces around.   Are trimmed.  ", "Spaces around. | Are trimmed." },
	{ "plain", "A single sentence without a stop", "A single sentence without a stop" },
	{ "headline", "Floods hit northern towns", "Floods hit northern towns" },
	/* Titles never end a sentence. */
	{ "title", "Mr. Okafor met Dr. Lind and Gen. Ruiz.", "Mr. Okafor met Dr. Lind and Gen. Ruiz." },
	{ "title", "Sen. Alvarez and Gov. Petit spoke to Prof. Haas at St. Anne's.",
	  "Sen. Alvarez and Gov. Petit spoke to Prof. Haas at St. Anne's." },
	{ "title", "Bring fruit, e.g. apples or pears, and water, i.e. lots.",
	  "Bring fruit, e.g. apples or pears, and water, i.e. lots." },
	/* Abbreviations that may end a sentence do so before an opener. */
	{ "abbrev", "She joined Brightline Inc. last spring.", "She joined Brightline Inc. last spring." },
	{ "abbrev", "She joined Brightline Inc. The firm makes buses.",
	  "She joined Brightline Inc. | The firm makes buses." },
	{ "abbrev", "Ballots close on Feb. 12 at noon.", "Ballots close on Feb. 12 at noon." },
	{ "abbrev", "They sell pens, paper, ink etc. But not books.",
	  "They sell pens, paper, ink etc. | But not books." },
	{ "abbrev", "He grew up in Springfield, Ill. and moved west.",
	  "He grew up in Springfield, Ill. and moved west." },
	{ "abbrev", "Ask Dana and co. about the rota.", "Ask Dana and co. about the rota." },
	{ "abbrev", "The item is No. 7 on the list.", "The item is No. 7 on the list." },
	{ "abbrev", "She said no. Then she left.", "She said no. | Then she left." },
	{ "abbrev", "See p. 212 for the table.", "See p. 212 for the table." },
	/* Dotted acronyms. */
	{ "acronym", "He flew to the U.S. last week.", "He flew to the U.S. last week." },
	{ "acronym", "Talks moved to the U.K. Parliament today.",
	  "Talks moved to the U.K. Parliament today." },
	{ "acronym", "Exports to the U.S. fell sharply. The U.S. Treasury said so.",
	  "Exports to the U.S. fell sharply. | The U.S. Treasury said so." },
	{ "acronym", "Her plane left the U.S. She landed in Lima.",
	  "Her plane left the U.S. | She landed in Lima." },
	{ "acronym", "She holds a Ph.D. in chemistry.", "She holds a Ph.D. in chemistry." },
	{ "ampm", "The polls shut at 9 p.m. Counting starts at once.",
	  "The polls shut at 9 p.m. | Counting starts at once." },
	{ "ampm", "Trains stop at 11 P.M. on weekdays.", "Trains stop at 11 P.M. on weekdays." },
	{ "ampm", "By 7 a.m. Dr. Osei had left. The lab shut at 9 p.m. Dr. Osei was home.",
	  "By 7 a.m. Dr. Osei had left. | The lab shut at 9 p.m. | Dr. Osei was home." },
	/* Initials. */
	{ "initials", "The novel by T. R. Okoro sold well.", "The novel by T. R. Okoro sold well." },
	{ "initials", "Vice President Kamala D. Harris spoke.", "Vice President Kamala D. Harris spoke." },
	{ "initials", "It was you and I. Then the rain came.", "It was you and I. | Then the rain came." },
	/* Numbers. */
	{ "numbers", "Shares rose 3.5% to $12.40 on Friday.", "Shares rose 3.5% to $12.40 on Friday." },
	{ "numbers", "The count was 1,204. Turnout was low.", "The count was 1,204. | Turnout was low." },
	{ "numbers", "She came 2nd. He came 14th.", "She came 2nd. | He came 14th." },
	{ "numbers", "Version 2.0.1 fixed it.", "Version 2.0.1 fixed it." },
	{ "numbers", "The pipe is 4 in. wide and 9 ft. long.", "The pipe is 4 in. wide and 9 ft. long." },
	{ "numbers", "It cost $.75 and .25 of a cent!", "It cost $.75 and .25 of a cent!" },
	/* List numbering. */
	{ "list", "1. Pack the tent.", "1. Pack the tent." },
	{ "list", "Steps follow. 1. Pack the tent 2. Load the car 3. Drive north",
	  "Steps follow. | 1. Pack the tent | 2. Load the car | 3. Drive north" },
	{ "list", "1.) Eggs 2.) Milk", "1.) Eggs | 2.) Milk" },
	{ "list", "a) red b) green c) blue", "a) red | b) green | c) blue" },
	{ "list", "(i) first point (ii) second point", "(i) first point | (ii) second point" },
	{ "list", "Refer to 1. below and to 2. below.", "Refer to 1. below and to 2. below." },
	{ "bullets", "\xe2\x80\xa2 Bread \xe2\x80\xa2 Cheese", "\xe2\x80\xa2 Bread | \xe2\x80\xa2 Cheese" },
	/* Ellipses. */
	{ "ellipsis", "I waited... Nobody came.", "I waited... | Nobody came." },
	{ "ellipsis", "I waited... and waited.", "I waited... and waited." },
	{ "ellipsis", "We left at noon.. I was tired.", "We left at noon.. | I was tired." },
	{ "ellipsis", "I think... I hope so.", "I think... I hope so." },
	{ "ellipsis", "Photos are up... http://example.com/a",
	  "Photos are up... | http://example.com/a" },
	{ "ellipsis", "I waited\xe2\x80\xa6 Nobody came.", "I waited\xe2\x80\xa6 | Nobody came." },
	{ "ellipsis", "It was . . . odd. Quite odd.", "It was . . . odd. | Quite odd." },
	{ "ellipsis", "The draft said \"we [...] agree\" and stopped.",
	  "The draft said \"we [...] agree\" and stopped." },
	/* Quotes and brackets after the mark. */
	{ "closers", "\xe2\x80\x9cWe won.\xe2\x80\x9d The crowd cheered.",
	  "\xe2\x80\x9cWe won.\xe2\x80\x9d | The crowd cheered." },
	{ "closers", "\"We won,\" she said. \"Now we rest.\"",
	  "\"We won,\" she said. | \"Now we rest.\"" },
	{ "closers", "\"We won.\" she said quietly.", "\"We won.\" she said quietly." },
	{ "closers", "(The figures are provisional.) They may change.",
	  "(The figures are provisional.) | They may change." },
	{ "closers", "The clerk (who had left early.) was blamed.",
	  "The clerk (who had left early.) was blamed." },
	{ "closers", "It rained.' Then it stopped.", "It rained.' | Then it stopped." },
	{ "glued", "They left Kenya.\xe2\x80\x9cWe had no choice,\xe2\x80\x9d he said.",
	  "They left Kenya. | \xe2\x80\x9cWe had no choice,\xe2\x80\x9d he said." },
	{ "glued", "The talks failed.Both sides walked out.",
	  "The talks failed. | Both sides walked out." },
	{ "glued", "Tickets sold out at 2,500.Organisers were glad.",
	  "Tickets sold out at 2,500. | Organisers were glad." },
	{ "glued", "Read page 2.Example.org has more.", "Read page 2.Example.org has more." },
	{ "quotes", "\"Stop! Stop now!\" the guard shouted. He ran.",
	  "\"Stop! Stop now!\" the guard shouted. | He ran." },
	{ "quotes", "He said 'Not today. Maybe later' and left.",
	  "He said 'Not today. Maybe later' and left." },
	{ "quotes", "Out on the town 'til late. Home by two.",
	  "Out on the town 'til late. | Home by two." },
	{ "quotes", "\"We lost. We go home,\" the coach said.",
	  "\"We lost. | We go home,\" the coach said." },
	/* Addresses and files. */
	{ "web", "Write to desk@example.org. We reply fast.",
	  "Write to desk@example.org. | We reply fast." },
	{ "web", "Visit www.example.com.au for details.", "Visit www.example.com.au for details." },
	{ "web", "See https://example.net/a/b.html. It has the data.",
	  "See https://example.net/a/b.html. | It has the data." },
	{ "web", "Open report.pdf and notes.txt today.", "Open report.pdf and notes.txt today." },
	{ "web", "Files come as .csv tables.", "Files come as .csv tables." },
	/* Exclamation marks in names, mixed marks. */
	{ "bang", "She worked at Yahoo! for years.", "She worked at Yahoo! for years." },
	{ "bang", "Really?! I had no idea.", "Really?! | I had no idea." },
	{ "bang", "Get out! he shouted.", "Get out! he shouted." },
	{ "bang", "What a day!!! Time for bed.", "What a day!!! | Time for bed." },
	{ "bang", "Is it over?, she asked.", "Is it over?, she asked." },
	/* Footnotes. */
	{ "notes", "The river flooded.[3] Crops failed.", "The river flooded.[3] | Crops failed." },
	{ "notes", "The river flooded. [3] Crops failed.", "The river flooded. [3] | Crops failed." },
	/* Line breaks inside a paragraph. */
	{ "lines", "Contents\nChapter one", "Contents | Chapter one" },
	{ "lines", "a long line that wraps \nonto the next", "a long line that wraps \nonto the next" },
	/* Wide and CJK marks need no space. */
	{ "wide", "\xe5\xa5\xbd\xe3\x80\x82\xe5\xa5\xbd\xe3\x80\x82",
	  "\xe5\xa5\xbd\xe3\x80\x82 | \xe5\xa5\xbd\xe3\x80\x82" },
	/* Mail and web debris. */
	{ "mail", "Thanks, Maria", "Thanks, | Maria" },
	{ "mail", "Ann Li 03/04/2019 10:15 AM Please call me.",
	  "Ann Li | 03/04/2019 10:15 AM | Please call me." },
	{ "mail", "Done. *** Next part here.", "Done. | *** | Next part here." },
	{ "dateline", "OSLO (Wire) - Talks resumed on Monday.", "OSLO (Wire) - | Talks resumed on Monday." },
	{ "dateline", "The deal - a big one - closed.", "The deal - a big one - closed." },
	/* Web writing: emoticons, addresses, doubled marks in quotations. */
	{ "emoticon", "The show was fun :-) See you next week.",
	  "The show was fun :-) | See you next week." },
	{ "emoticon", "We lost again! :( Maybe next year.", "We lost again! :( | Maybe next year." },
	{ "emoticon", "Loved it! ;) you should go.", "Loved it! ;) | you should go." },
	{ "emoticon", "It was ok :) and cheap.", "It was ok :) and cheap." },
	{ "emoticon", "Mount it at :/mnt then. Done.", "Mount it at :/mnt then. | Done." },
	{ "address", "Contact: ana.b@example.org Hours are nine to five.",
	  "Contact: ana.b@example.org | Hours are nine to five." },
	{ "address", "Sender: \"Kim Ode\" <kim@example.net> Subject: rota",
	  "Sender: \"Kim Ode\" <kim@example.net> | Subject: rota" },
	{ "address", "Mail kim@example.net or Lee for help.",
	  "Mail kim@example.net or Lee for help." },
	{ "address", "Posted via Example.Com - the forum host.",
	  "Posted via Example.Com - the forum host." },
	{ "quotes", "\xe2\x80\x9cSuch a kind shop!! I go every week.\xe2\x80\x9d",
	  "\xe2\x80\x9cSuch a kind shop!! | I go every week.\xe2\x80\x9d" },
	{ "quotes", "\"Fire! Fire!\" the boy cried.", "\"Fire! Fire!\" the boy cried." },
	{ "quotes", "He wrote 'The end. ' And then he left.",
	  "He wrote 'The end. ' | And then he left." },
	{ "quotes", "\"Q Where were you? \"A I was at home.",
	  "\"Q Where were you? | \"A I was at home." },
	{ "abbrev", "Bring tents, stoves, etc. Nobody cooks for you.",
	  "Bring tents, stoves, etc. | Nobody cooks for you." },
	{ "abbrev", "Bring tents, stoves, etc. and some rope.",
	  "Bring tents, stoves, etc. and some rope." },
	{ "ampm", "The doors open at 9 a.m. (local time) on Sunday.",
	  "The doors open at 9 a.m. (local time) on Sunday." },
	{ "ellipsis", "They promised reform . . . This budget cuts it.",
	  "They promised reform . . . | This budget cuts it." },
	{ "ellipsis", "I thought . . . I was not sure.", "I thought . . . I was not sure." },
	{ "odd", "Phone:? 555 0101 Fax:? 555 0102", "Phone:? 555 0101 Fax:? 555 0102" },
	/* Mail: names a message opens with, separators, signatures. */
	{ "mail", "Rosa and Tim - Just a reminder about Friday.",
	  "Rosa and Tim - | Just a reminder about Friday." },
	{ "mail", "The plan - Please read it first.", "The plan - Please read it first." },
	{ "mail", "Anna Berg - The Lost Years is her film.", "Anna Berg - The Lost Years is her film." },
	{ "mail", "PS -- The bar opens at six.", "PS -- The bar opens at six." },
	{ "mail", "The feed was cut --- do you know why?", "The feed was cut --- do you know why?" },
	{ "mail", "It will not last. -- Posted by Ola at noon",
	  "It will not last. | -- | Posted by Ola at noon" },
	/* Headings run into their text at the start of a paragraph. */
	{ "heading", "Quiet Harbour Inn This inn sits by the water.",
	  "Quiet Harbour Inn | This inn sits by the water." },
	{ "heading", "Lord Of The Isles is a poem.", "Lord Of The Isles is a poem." },
	{ "heading", "Tom and I went home.", "Tom and I went home." },
	{ "heading", "Comedy Meet The Parents led the box office.",
	  "Comedy Meet The Parents led the box office." },
	{ "caption", "Figure 2.1 Rainfall in the valley since 1990.",
	  "Figure 2.1 | Rainfall in the valley since 1990." },
	{ "caption", "Table 4 shows the totals.", "Table 4 shows the totals." },
	{ "caption", "Map 3: The old border.", "Map 3: The old border." },
	/* Scraped markup and tables of contents. */
	{ "markup", "<p>The vote is today.</p>", "The vote is today." },
	{ "markup", "<h1 class=\"x\">Budget</h1>\n<p>It passed. Few objected.</p>",
	  "Budget | It passed. | Few objected." },
	{ "markup", "&lt;b&gt;Bold claim&lt;/b&gt;", "Bold claim" },
	{ "markup", "Mail <ann@example.org>", "Mail <ann@example.org>" },
	{ "contents", "Getting Started........ 4\nWhy Bother?............ 12-13",
	  "Getting Started | Why Bother?" },
	{ "contents", "Wait......... Then go.", "Wait......... | Then go." },
	{ "contents", "\n7\n\nPreface\n", "Preface" },
	{ "contents", "42", "42" },
	/* Odd input. */
	{ "odd", "", "" },
	{ "odd", "   \n\t ", "" },
	{ "odd", ".", "." },
	{ "odd", "?!?!", "?!?!" },
	{ "odd", "Bad \xff\xfe bytes. Still fine.", "Bad \xff\xfe bytes. | Still fine." },
	{ "odd", "Mr.", "Mr." },
	{ "odd", "(((", "(((" },
	{ "odd", "1.", "1." },
};

static void
join(const char *t, const struct spanvec *sv, struct buf *b)
{
	size_t i;

	b->len = 0;
	for (i = 0; i < sv->n; i++) {
		if (i > 0)
			buf_adds(b, " | ");
		buf_add(b, t + sv->v[i].start, sv->v[i].end - sv->v[i].start);
	}
	buf_terminate(b);
}

START_TEST(split_table)
{
	struct spanvec sv = { 0 };
	struct buf b = { 0 };
	size_t n;

	n = sent_split(cases[_i].text, strlen(cases[_i].text), &sv);
	ck_assert_uint_eq(n, sv.n);
	join(cases[_i].text, &sv, &b);
	ck_assert_msg(strcmp(b.p ? b.p : "", cases[_i].want) == 0,
	    "%s: \"%s\"\n  want \"%s\"\n  got  \"%s\"", cases[_i].family,
	    cases[_i].text, cases[_i].want, b.p ? b.p : "");
	spanvec_free(&sv);
	buf_free(&b);
}
END_TEST

/* Spans are in order, inside the text, never empty, never padded. */
START_TEST(spans_well_formed)
{
	static const char text[] = " One. Two?  Three!\n Four \xe2\x80\xa6 Five.  ";
	struct spanvec sv = { 0 };
	size_t i, prev = 0;

	ck_assert_uint_eq(sent_split(text, sizeof(text) - 1, &sv), 5);
	for (i = 0; i < sv.n; i++) {
		ck_assert_uint_ge(sv.v[i].start, prev);
		ck_assert_uint_lt(sv.v[i].start, sv.v[i].end);
		ck_assert_uint_le(sv.v[i].end, sizeof(text) - 1);
		ck_assert(text[sv.v[i].start] != ' ' && text[sv.v[i].end - 1] != ' ');
		prev = sv.v[i].end;
	}
	spanvec_free(&sv);
}
END_TEST

/* The vector is reused: a second call clears it. */
START_TEST(vector_reused)
{
	struct spanvec sv = { 0 };

	ck_assert_uint_eq(sent_split("Yes. No. Maybe. Later. Never.", 29, &sv), 5);
	ck_assert_uint_eq(sent_split("Yes. No.", 8, &sv), 2);
	ck_assert_uint_eq(sv.n, 2);
	spanvec_free(&sv);
	ck_assert_ptr_null(sv.v);
}
END_TEST

/* Text is not NUL-terminated and may hold NULs. */
START_TEST(nul_and_length)
{
	static const char text[] = "Stop. Go\0 on. Yes.XXXX";
	struct spanvec sv = { 0 };

	ck_assert_uint_eq(sent_split(text, 18, &sv), 3);
	ck_assert_uint_eq(sv.v[2].end, 18);
	spanvec_free(&sv);
}
END_TEST

/* A long paragraph of many sentences stays linear and exact. */
START_TEST(many_sentences)
{
	struct buf b = { 0 };
	struct spanvec sv = { 0 };
	int i;

	for (i = 0; i < 20000; i++)
		buf_adds(&b, "It rained \"all day!\" She stayed in. ");
	ck_assert_uint_eq(sent_split(b.p, b.len, &sv), 40000);
	spanvec_free(&sv);
	buf_free(&b);
}
END_TEST

START_TEST(word_lists)
{
	ck_assert(sent_word_flags("Mr", 2) & SENT_W_TITLE);
	ck_assert(sent_word_flags("MR", 2) & SENT_W_TITLE);
	ck_assert(sent_word_flags("Inc", 3) & SENT_W_COMMON);
	ck_assert(sent_word_flags("INC", 3) & SENT_W_COMMON);
	ck_assert(sent_word_flags("Ill", 3) & SENT_W_COMMON);
	ck_assert(!(sent_word_flags("ill", 3) & SENT_W_COMMON));
	ck_assert(sent_word_flags("The", 3) & SENT_W_STARTER);
	ck_assert(sent_word_flags("e.g", 3) & SENT_W_TITLE);
	ck_assert_uint_eq(sent_word_flags("", 0), 0);
	ck_assert_uint_eq(sent_word_flags("zzzzqx", 6), 0);
}
END_TEST

/* Words added at run time take effect at once. */
START_TEST(added_words)
{
	struct spanvec sv = { 0 };
	static const char text[] = "He met Brgdr. Omondi there.";

	ck_assert_uint_eq(sent_split(text, sizeof(text) - 1, &sv), 2);
	sent_add_word("Brgdr", 5, SENT_W_TITLE);
	ck_assert_uint_eq(sent_split(text, sizeof(text) - 1, &sv), 1);
	spanvec_free(&sv);
}
END_TEST

static Suite *
sentseg_suite(void)
{
	Suite *s = suite_create("sentseg");
	TCase *tc = tcase_create("split");

	tcase_add_loop_test(tc, split_table, 0, NCASES(cases));
	tcase_add_test(tc, spans_well_formed);
	tcase_add_test(tc, vector_reused);
	tcase_add_test(tc, nul_and_length);
	tcase_add_test(tc, many_sentences);
	tcase_add_test(tc, word_lists);
	tcase_add_test(tc, added_words);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(sentseg_suite());
	int nfail;

	srunner_run_all(sr, CK_ENV);
	nfail = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nfail == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
