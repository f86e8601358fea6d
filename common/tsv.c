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

/*
 * The escaping loop, from s[i] on (s[0..i) needs none).  Kept out of line
 * so that the clean fast path of tsv_escape() needs no stack frame.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t
escape_from(char *out, const char *s, size_t n, size_t i)
{
	size_t o;

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
tsv_escape(char *out, const char *s, size_t n)
{
	size_t i = 0;

	/*
	 * Most fields need no escape.  A short one (an entity, a LOC) is
	 * tested with overlapping word loads and copied without a byte loop;
	 * a longer one is tested eight bytes at a time up to an overlapping
	 * last word.
	 */
	if (n <= 16) {
		uint64_t dirty;

		if (n == 0)
			return 0;
		if (n > 8)
			dirty = swar_maybe_tsv_special(swar_load(s)) |
			    swar_maybe_tsv_special(swar_load(s + n - 8));
		else
			dirty = swar_maybe_tsv_special(swar_load_short(s, n));
		if (dirty)
			return escape_from(out, s, n, 0);
		swar_copy_short(out, s, n);
		return n;
	}
	while (i + 8 < n && !swar_maybe_tsv_special(swar_load(s + i)))
		i += 8;
	if (i + 8 < n || swar_maybe_tsv_special(swar_load(s + n - 8)))
		return escape_from(out, s, n, i);
	memcpy(out, s, n);
	return n;
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
