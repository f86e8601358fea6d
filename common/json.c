/* json.c -- JSON string output for --json. */
/* SPDX-License-Identifier: MIT */
#include "json.h"
#include "u8.h"

void
json_put_string(FILE *fp, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	int len;
	long cp;
	unsigned char c;

	putc('"', fp);
	while (i < n) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			i++;
			run++;
			continue;
		}
		if (run > 0)
			fwrite(s + i - run, 1, run, fp);
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
			fwrite(s + i, 1, (size_t)len, fp);
			i += (size_t)len;
		}
	}
	if (run > 0)
		fwrite(s + i - run, 1, run, fp);
	putc('"', fp);
}
