/* num.h -- DATE, TIME, MONEY, PERCENT (and with --numbers QUANTITY, ORDINAL, CARDINAL). */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_ENT_NUM_H
#define LEDE_ENT_NUM_H

#include <stddef.h>
#include <stdint.h>

#include "gaz.h"

/* Compiles the patterns (PCRE2, JIT) once; numbers adds the number types. */
void	num_init(int numbers);
void	num_free(void);
/*
 * Tries every pattern anchored at text[at] (text[0..len) must be valid
 * UTF-8, at a character boundary); on a match returns its type
 * and sets *end (bytes), else T_NONE.  prevword/prevlen: the word before,
 * for the cues that make a bare year a date ("in 1996").
 */
enum etype num_match(const char *text, size_t len, size_t at, size_t *end,
	    const char *prevword, size_t prevlen);
/* The same by trying every pattern, without the quick tests: for the tests. */
enum etype num_match_all(const char *text, size_t len, size_t at, size_t *end,
	    const char *prevword, size_t prevlen);

/*
 * Lower-case words a date, time or number may start with ("last", "two",
 * "yesterday"): num_trigger_maybe() is a quick filter by the first two
 * letters and the length, num_trigger_word() the exact test.
 */
extern uint16_t num_trig_lens[32][32], num_trig_lens23[32][32];

/*
 * The filter also passes "the", which starts "the 1990s".  It is indexed
 * by the low five bits of the first two bytes (s[1] must be readable even
 * when n is 1), so that every word is tested without range checks; other
 * bytes that share those bits with a letter pass and are turned away by
 * num_trigger_word().  No branch: most words are tested and fail, in no
 * pattern a branch predictor could learn.
 */
static inline unsigned
num_trigger_maybe(const char *s, size_t n)
{
	/* the second and third bytes too ("that" and "they" are no "this"); s[2] only when there */
	unsigned char c2 = (unsigned char)s[n >= 3 ? 2 : 0];

	return (unsigned)(n - 3 <= 6) &
	    (unsigned)(num_trig_lens[(unsigned char)s[0] & 31][(unsigned char)s[1] & 31] >> (n & 15)) &
	    (unsigned)(num_trig_lens23[(unsigned char)s[1] & 31][c2 & 31] >> (n & 15));
}
int	num_trigger_word(const char *s, size_t n);

#endif
