/* u8.c -- UTF-8 decoding and character classes (over utf8proc). */
/* SPDX-License-Identifier: MIT */
#include <utf8proc.h>

#include "swar.h"
#include "u8.h"

int
u8_decode(const char *str, size_t n, long *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	long c;
	int len, i;

	if (n == 0)
		return -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return -1;
	if (n < (size_t)len)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

int
u8_encode(long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* Code points in s[i..n), s[0..i) being count code points. */
static size_t
count_from(const char *s, size_t n, size_t i, size_t count)
{
	long cp;
	int len;

	while (i < n) {
		if (i + 8 <= n && !(swar_load(s + i) & SWAR_HIGHS)) {
			i += 8;
			count += 8;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
		} else {
			len = u8_decode(s + i, n - i, &cp);
			i += len > 0 ? (size_t)len : 1;
		}
		count++;
	}
	return count;
}

size_t
u8_count(const char *s, size_t n)
{
	size_t i = 0;

	/*
	 * Offsets are counted on every entity, and news text is nearly all
	 * ASCII: an all-ASCII span is its own count.  It is recognised with
	 * word tests only (overlapping loads for the short and the last
	 * words); the first word with a high bit hands over to the decoder.
	 */
	if (n == 0)
		return 0;
	if (n <= 8)
		return swar_load_short(s, n) & SWAR_HIGHS ? count_from(s, n, 0, 0) : n;
	for (; i + 16 < n; i += 16)
		if ((swar_load(s + i) | swar_load(s + i + 8)) & SWAR_HIGHS)
			return count_from(s, n, i, i);
	if (i + 8 < n) {
		if (swar_load(s + i) & SWAR_HIGHS)
			return count_from(s, n, i, i);
		i += 8;
	}
	return swar_load(s + n - 8) & SWAR_HIGHS ? count_from(s, n, i, i) : n;
}

long
u8_prev(const char *s, size_t i, size_t *start)
{
	size_t j = i;
	long cp;
	int len;

	while (j > 0 && i - j < 4) {
		j--;
		if (((unsigned char)s[j] & 0xc0) != 0x80)
			break;
	}
	len = u8_decode(s + j, i - j, &cp);
	if (len > 0 && (size_t)len == i - j) {
		*start = j;
		return cp;
	}
	*start = i - 1;
	return 0xfffd;
}

size_t
u8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	long cp;
	int len;

	uint64_t w[4];

	while (i < n) {
		/* text is mostly ASCII: 32 bytes at a time while it is */
		if (i + 32 <= n) {
			memcpy(w, s + i, 32);
			if (!((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL)) {
				i += 32;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = u8_decode(s + i, n - i, &cp)) < 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

static utf8proc_category_t
cat(long cp)
{
	if (cp < 0 || cp > 0x10ffff)
		return UTF8PROC_CATEGORY_CN;
	return utf8proc_category((utf8proc_int32_t)cp);
}

int
u8_isalpha(long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	switch (cat(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

int
u8_isupper(long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return cat(cp) == UTF8PROC_CATEGORY_LU || cat(cp) == UTF8PROC_CATEGORY_LT;
}

int
u8_islower(long cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int
u8_isdigit(long cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int
u8_isspace(long cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cat(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029;
}

int
u8_ispunct(long cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') ||
		    (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
	c = cat(cp);
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int
u8_isalnum(long cp)
{
	return u8_isalpha(cp) || u8_isdigit(cp);
}

long
u8_tolower(long cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp > 0x10ffff)
		return cp;
	return utf8proc_tolower((utf8proc_int32_t)cp);
}

long
u8_toupper(long cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	if (cp > 0x10ffff)
		return cp;
	return utf8proc_toupper((utf8proc_int32_t)cp);
}
