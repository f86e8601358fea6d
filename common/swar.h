/* swar.h -- eight bytes at a time: byte tests on a 64-bit word. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_SWAR_H
#define LEDE_SWAR_H

#include <stdint.h>
#include <string.h>

#define SWAR_ONES	0x0101010101010101ULL
#define SWAR_HIGHS	0x8080808080808080ULL

static inline uint64_t
swar_load(const char *p)
{
	uint64_t x;

	memcpy(&x, p, sizeof(x));
	return x;
}

/*
 * For 0 < n <= 8: a word made only of bytes of p[0..n), each of them at
 * least once, reading nothing outside; a short field is then tested with
 * one word test and no byte loop.
 */
static inline uint64_t
swar_load_short(const char *p, size_t n)
{
	uint32_t lo, hi;
	uint64_t x;

	if (n >= 4) {
		memcpy(&lo, p, sizeof(lo));
		memcpy(&hi, p + n - 4, sizeof(hi));
		return lo | (uint64_t)hi << 32;
	}
	x = (unsigned char)p[0] | (uint64_t)(unsigned char)p[n / 2] << 8 |
	    (uint64_t)(unsigned char)p[n - 1] << 16;
	return x | x << 24 | x << 48;
}

/* Copies p[0..n), 0 < n <= 16, with fixed-size moves: no memcpy call for a short field. */
static inline void
swar_copy_short(char *out, const char *p, size_t n)
{
	uint64_t a, b;
	uint32_t c, d;

	if (n >= 8) {
		memcpy(&a, p, sizeof(a));
		memcpy(&b, p + n - 8, sizeof(b));
		memcpy(out, &a, sizeof(a));
		memcpy(out + n - 8, &b, sizeof(b));
	} else if (n >= 4) {
		memcpy(&c, p, sizeof(c));
		memcpy(&d, p + n - 4, sizeof(d));
		memcpy(out, &c, sizeof(c));
		memcpy(out + n - 4, &d, sizeof(d));
	} else {
		out[0] = p[0];
		out[n / 2] = p[n / 2];
		out[n - 1] = p[n - 1];
	}
}

/* Non-zero if some byte of x is zero. */
static inline uint64_t
swar_haszero(uint64_t x)
{
	return (x - SWAR_ONES) & ~x & SWAR_HIGHS;
}

/* Non-zero if some byte of x equals b. */
static inline uint64_t
swar_hasbyte(uint64_t x, unsigned char b)
{
	return swar_haszero(x ^ (SWAR_ONES * b));
}

/* Non-zero if some byte of x is below n (n <= 128). */
static inline uint64_t
swar_hasless(uint64_t x, unsigned char n)
{
	return (x - SWAR_ONES * n) & ~x & SWAR_HIGHS;
}

/*
 * Non-zero if some byte of x may have to be escaped in a lede field: never
 * misses TAB, LF, CR or a backslash; the other controls below 0x0e are
 * false alarms for an exact byte test to clear.
 */
static inline uint64_t
swar_maybe_tsv_special(uint64_t x)
{
	return swar_hasless(x, 0x0e) | swar_hasbyte(x, '\\');
}

#endif
