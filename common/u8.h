/* u8.h -- UTF-8 decoding and character classes (over utf8proc). */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_U8_H
#define LEDE_U8_H

#include <stddef.h>

/*
 * Decodes one code point from s[0..n): its length in bytes (1-4), or -1
 * for an invalid sequence (overlong, surrogate, out of range, truncated,
 * stray continuation byte).  *cp is set only on success.
 */
int	u8_decode(const char *s, size_t n, long *cp);
/* Encodes cp (valid scalar) into out[0..4); returns the length. */
int	u8_encode(long cp, char *out);
/* Code points in s[0..n); an invalid byte counts as one. */
size_t	u8_count(const char *s, size_t n);
/* Decodes the code point ending just before s[i] (i > 0); its start in *start. */
long	u8_prev(const char *s, size_t i, size_t *start);
/* Length of the first invalid sequence's offset, or n if s is valid UTF-8. */
size_t	u8_valid_prefix(const char *s, size_t n);

/* Character classes by Unicode general category, locale-independent. */
int	u8_isalpha(long cp);
int	u8_isupper(long cp);	/* Lu or Lt */
int	u8_islower(long cp);	/* Ll */
int	u8_isdigit(long cp);	/* Nd */
int	u8_isspace(long cp);	/* Zs, TAB, LF, CR, FF, VT */
int	u8_ispunct(long cp);	/* P* */
int	u8_isalnum(long cp);
long	u8_tolower(long cp);
long	u8_toupper(long cp);

#endif
