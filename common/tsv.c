/* tsv.c -- field escaping of the record format. */
/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "swar.h"
#include "tsv.h"

int
tsv_special(unsigned char c)
{
	return c == '\t' || c == '\n' || c == '\r' || c == '\\';
}

size_t
tsv_escaped_len(const char *s, size_t n)
{
	size_t i, len = n;

	for (i = 0; i < n; i++)
		if (tsv_special((unsigned char)s[i]))
			len++;
	return len;
}

size_t
tsv_escape(char *out, const char *s, size_t n)
{
	size_t i = 0, o;

	/* Most fields need no escape: the clean prefix is found eight bytes at a time. */
	while (i + 8 <= n) {
		uint64_t x = swar_load(s + i);

		if (swar_hasless(x, 0x0e) || swar_hasbyte(x, '\\'))
			break;
		i += 8;
	}
	while (i < n && !tsv_special((unsigned char)s[i]))
		i++;
	memcpy(out, s, i);
	for (o = i; i < n; i++) {
		switch (s[i]) {
		case '\t': out[o++] = '\\'; out[o++] = 't'; break;
		case '\n': out[o++] = '\\'; out[o++] = 'n'; break;
		case '\r': out[o++] = '\\'; out[o++] = 'r'; break;
		case '\\': out[o++] = '\\'; out[o++] = '\\'; break;
		default: out[o++] = s[i]; break;
		}
	}
	return o;
}

size_t
tsv_unescape(char *s, size_t n, size_t *bad)
{
	char *bs = memchr(s, '\\', n);
	size_t i, o;

	if (bs == NULL)
		return n;
	for (i = o = (size_t)(bs - s); i < n; i++) {
		if (s[i] != '\\') {
			s[o++] = s[i];
			continue;
		}
		if (i + 1 >= n) {
			*bad = i;
			return (size_t)-1;
		}
		switch (s[++i]) {
		case 't': s[o++] = '\t'; break;
		case 'n': s[o++] = '\n'; break;
		case 'r': s[o++] = '\r'; break;
		case '\\': s[o++] = '\\'; break;
		default:
			*bad = i - 1;
			return (size_t)-1;
		}
	}
	return o;
}
