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

#endif
