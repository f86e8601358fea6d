/* repair.c -- lede-split's text repair: UTF-8, controls, spaces, NFC. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include <utf8proc.h>

#include "split.h"
#include "swar.h"

/* Characters shown as a space: NBSP, the typographic spaces, ideographic space. */
static int
odd_space(long cp)
{
	return cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x85;
}

/* Invisible characters a scraper leaves behind: dropped. ZWJ/ZWNJ stay (scripts, emoji). */
static int
invisible(long cp)
{
	return cp == 0x200b || cp == 0x2060 || cp == 0xfeff || cp == 0xad ||
	    cp == 0x180e || (cp >= 0x80 && cp < 0xa0) || cp == 0x7f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Code points that NFC leaves alone and that cannot combine with what precedes. */
static int
nfc_safe(long cp)
{
	return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206f) ||
	    (cp >= 0x20a0 && cp <= 0x20cf);
}

static int
to_nfc(struct buf *out, size_t from, struct buf *scratch)
{
	utf8proc_ssize_t n, got;
	utf8proc_int32_t *cps;
	const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	size_t len = out->len - from;

	/* Decomposition can grow the text; utf8proc tells how much room it needs. */
	n = (utf8proc_ssize_t)len + 16;
	for (;;) {
		scratch->len = 0;
		buf_reserve(scratch, (size_t)n * sizeof(utf8proc_int32_t));
		cps = (utf8proc_int32_t *)(void *)scratch->p;
		got = utf8proc_decompose((const utf8proc_uint8_t *)out->p + from,
		    (utf8proc_ssize_t)len, cps, n, opt);
		if (got < 0)
			return -1;
		if (got <= n)
			break;
		n = got;
	}
	got = utf8proc_normalize_utf32(cps, got, opt);
	if (got < 0)
		return -1;
	got = utf8proc_reencode(cps, got, opt);
	if (got < 0)
		return -1;
	out->len = from;
	buf_add(out, scratch->p, (size_t)got);
	return 0;
}

/* Turns runs of spaces into one and trims both ends, from out->p[from] on. */
static void
squeeze_spaces(struct buf *out, size_t from)
{
	char *p = out->p + from, *end = out->p + out->len, *o = p;

	for (; p < end; p++) {
		if (*p == ' ' && (o == out->p + from || o[-1] == ' '))
			continue;
		*o++ = *p;
	}
	if (o > out->p + from && o[-1] == ' ')
		o--;
	out->len = (size_t)(o - out->p);
}

/* 0x80 in each byte of x that is a space, 0 elsewhere (exact, no carries). */
static uint64_t
space_mask(uint64_t x)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	uint64_t e = x ^ (SWAR_ONES * ' ');

	return ~((((e & low7) + low7) | e) | low7);
}

/* Is x eight bytes of printable ASCII or space? */
static int
plain8(uint64_t x)
{
	return !(swar_hasless(x, 0x20) | (x & SWAR_HIGHS) | swar_hasbyte(x, 0x7f));
}

int
repair_line(const char *s, size_t n, struct buf *out, struct buf *scratch,
    int strict, unsigned long long base, struct repair_stats *st)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t i = 0, start;
	char *o;
	long cp;
	int len, needs_nfc = 0, squeeze = 0;
	uint64_t x, sp, prevsp = 0;
	unsigned char c;

	out->len = 0;
	start = out->len;
	while (i < n) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			/*
			 * The common case: a run of printable ASCII, copied
			 * without decoding; spaces are squeezed at the end.
			 */
			buf_reserve(out, n - i + 1);
			o = out->p + out->len;
			if (c == ' ' && o > out->p + start && o[-1] == ' ')
				squeeze = 1;
			while (i + 8 <= n && plain8(x = swar_load(s + i))) {
				/* Two spaces side by side, inside the word or across words. */
				sp = space_mask(x);
				squeeze |= (sp & (sp >> 8)) != 0 || (prevsp & sp & 0x80) != 0;
				prevsp = sp >> 56;
				memcpy(o, s + i, 8);
				o += 8;
				i += 8;
			}
			for (; i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f; i++) {
				if (s[i] == ' ' && o > out->p + start && o[-1] == ' ')
					squeeze = 1;
				*o++ = s[i];
			}
			prevsp = 0;
			out->len = (size_t)(o - out->p);
			continue;
		}
		len = u8_decode(s + i, n - i, &cp);
		if (len < 0) {
			if (strict) {
				st->first_bad = base + i;
				st->strict_failed = 1;
				return -1;
			}
			if (st->invalid++ == 0)
				st->first_bad = base + i;
			/* One U+FFFD for a bad lead byte and the continuation bytes after it. */
			i++;
			while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
				i++;
			buf_add(out, fffd, 3);
			continue;
		}
		i += (size_t)len;
		if (cp == 0) {
			st->nuls++;
			continue;
		}
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
		    odd_space(cp)) {
			buf_addc(out, ' ');
			squeeze = 1;
			continue;
		}
		if (cp < 0x20 || invisible(cp))
			continue;
		buf_add(out, s + i - (size_t)len, (size_t)len);
		if (!nfc_safe(cp))
			needs_nfc = 1;
	}
	if (out->len > start && (squeeze || out->p[start] == ' ' ||
	    out->p[out->len - 1] == ' '))
		squeeze_spaces(out, start);
	if (needs_nfc)
		to_nfc(out, start, scratch);
	buf_terminate(out);
	return 0;
}
