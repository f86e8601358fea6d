/* dateline.c -- "KYIV, Ukraine (AP) — " at the head of the first paragraph. */
/* SPDX-License-Identifier: MIT */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "strip.h"

/*
 * A place in capitals, optionally ", State or Country" in any case, then
 * optionally an agency in parentheses, then a dash; or the agency alone,
 * "(Reuters) - ".  Group 1 is the dateline without its trailing space.
 */
static const char pattern[] =
    "^((?:"
	"\\p{Lu}[\\p{Lu}\\p{M}.'\\x{2019}-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'\\x{2019}-]*){0,3}"
	"(?:,\\s+\\p{Lu}[\\p{L}\\p{M}.'\\x{2019}-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'\\x{2019}-]*){0,3})?"
	"(?:\\s*\\((?:AP|AFP|Reuters|REUTERS|dpa|UPI|AAP|CNN|Bloomberg|IANS|PTI|Xinhua|ANI|CP)\\))?"
    "|"
	"\\((?:AP|AFP|Reuters|REUTERS|dpa|UPI|AAP|CNN|Bloomberg|IANS|PTI|Xinhua|ANI|CP)\\)"
    ")\\s*(?:\\x{2014}|\\x{2013}|--?))\\s+(?=\\S)"
    /* CNN's own style: "Washington (CNN)The president..." with no dash. */
    "|^(\\p{Lu}[\\p{L}.'\\x{2019}-]*(?:,?\\s+\\p{Lu}[\\p{L}.'\\x{2019}-]*){0,3}\\s*\\(CNN(?: Business)?\\))\\s*(?=\\S)";

static pcre2_code *re;
static pcre2_match_data *md;

void
dateline_init(void)
{
	int err;
	PCRE2_SIZE off;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
	    &err, &off, NULL);
	if (re == NULL)
		lede_diex(LEDE_EXIT_DATA, "internal error: dateline pattern at offset %zu", (size_t)off);
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	md = pcre2_match_data_create_from_pattern(re, NULL);
}

void
dateline_free(void)
{
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	md = NULL;
	re = NULL;
}

size_t
dateline_len(const char *s, size_t n, size_t *textlen)
{
	PCRE2_SIZE *ov;
	size_t lim = n > 200 ? 200 : n;

	/* A dateline is short: only the head is read, and only valid UTF-8. */
	lim = u8_valid_prefix(s, lim);
	if (re == NULL || pcre2_match(re, (PCRE2_SPTR)s, lim, 0, PCRE2_NO_UTF_CHECK, md, NULL) < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	/* Group 1 is the dash style, group 2 CNN's. */
	if (ov[2] != PCRE2_UNSET)
		*textlen = ov[3] - ov[2];
	else
		*textlen = ov[5] - ov[4];
	return ov[1];
}
