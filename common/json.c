/* json.c -- JSON string output for --json. */
/* SPDX-License-Identifier: MIT */
#include "json.h"
#include "swar.h"
#include "u8.h"

/* Strings go out a few bytes at a time: glibc's unlocked calls skip the stream lock. */
#ifdef __GLIBC__
#define put_char(c, fp)		putc_unlocked((c), (fp))
#define put_bytes(p, n, fp)	fwrite_unlocked((p), 1, (n), (fp))
#else
#define put_char(c, fp)		putc((c), (fp))
#define put_bytes(p, n, fp)	fwrite((p), 1, (n), (fp))
#endif

/* Non-zero if some byte of x is not written as it is: a control, '"', '\\' or from 0x80. */
static inline uint64_t
needs_care(uint64_t x)
{
	return swar_hasless(x, 0x20) | swar_hasbyte(x, '"') | swar_hasbyte(x, '\\') |
	    (x & SWAR_HIGHS);
}

void
json_put_string(FILE *fp, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	int len;
	long cp;
	unsigned char c;

	put_char('"', fp);
	while (i < n) {
		/* most bytes are plain ASCII: eight at a time */
		if (i + 8 <= n && !needs_care(swar_load(s + i))) {
			i += 8;
			run += 8;
			continue;
		}
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			i++;
			run++;
			continue;
		}
		if (run > 0)
			put_bytes(s + i - run, run, fp);
		run = 0;
		if (c < 0x80) {
			switch (c) {
			case '"': fputs("\\\"", fp); break;
			case '\\': fputs("\\\\", fp); break;
			case '\n': fputs("\\n", fp); break;
			case '\t': fputs("\\t", fp); break;
			case '\r': fputs("\\r", fp); break;
			default: fprintf(fp, "\\u%04x", c); break;
			}
			i++;
			continue;
		}
		len = u8_decode(s + i, n - i, &cp);
		if (len < 0) {
			fputs("\xef\xbf\xbd", fp);
			i++;
		} else {
			put_bytes(s + i, (size_t)len, fp);
			i += (size_t)len;
		}
	}
	if (run > 0)
		put_bytes(s + i - run, run, fp);
	put_char('"', fp);
}
