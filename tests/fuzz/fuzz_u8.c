/* fuzz_u8.c -- libFuzzer target: UTF-8 decoding, counting, walking back,
 * classes and JSON string output on any bytes. */
/* SPDX-License-Identifier: MIT */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_classes(long cp)
{
	long lo = u8_tolower(cp), up = u8_toupper(cp);

	if (lo < 0 || lo > 0x10ffff || up < 0 || up > 0x10ffff)
		abort();
	if (u8_isupper(cp) && u8_islower(cp))
		abort();
	if ((u8_isupper(cp) || u8_islower(cp)) && !u8_isalpha(cp))
		abort();
	if (u8_isalnum(cp) != (u8_isalpha(cp) || u8_isdigit(cp)))
		abort();
	(void)u8_isspace(cp);
	(void)u8_ispunct(cp);
}

/* The JSON output is valid UTF-8 with no raw control characters. */
static void
check_json(const char *s, size_t n)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&out, &len);

	if (fp == NULL)
		abort();
	json_put_string(fp, s, n);
	if (fclose(fp) != 0)
		abort();
	if (len < 2 || out[0] != '"' || out[len - 1] != '"' ||
	    u8_valid_prefix(out, len) != len)
		abort();
	for (i = 0; i < len; i++)
		if ((unsigned char)out[i] < 0x20)
			abort();
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that ASan sees any read past the end. */
	char *s = malloc(size ? size : 1), enc[4];
	size_t i = 0, count = 0, valid = size, start, *starts;
	long cp, back;
	int len;

	if (s == NULL || (starts = malloc((size + 1) * sizeof(*starts))) == NULL)
		abort();
	memcpy(s, data, size);
	while (i < size) {
		starts[count++] = i;
		len = u8_decode(s + i, size - i, &cp);
		if (len < 0) {
			if (valid == size)
				valid = i;
			i++;
			continue;
		}
		if (len > 4 || (size_t)len > size - i || cp < 0 || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			abort();
		/* Only the shortest form decodes: encoding gives the same bytes. */
		if (u8_encode(cp, enc) != len || memcmp(enc, s + i, (size_t)len) != 0)
			abort();
		check_classes(cp);
		i += (size_t)len;
	}
	if (u8_count(s, size) != count || u8_valid_prefix(s, size) != valid)
		abort();

	/* Walking back over the valid prefix meets the same code points. */
	for (i = valid; i > 0;) {
		back = u8_prev(s, i, &start);
		if (start >= i || i - start > 4 || back < 0 || back > 0x10ffff)
			abort();
		if (u8_decode(s + start, i - start, &cp) != (int)(i - start) || cp != back)
			abort();
		i = start;
	}
	/* Anywhere at all, u8_prev steps back 1 to 4 bytes. */
	for (i = 1; i <= size; i++) {
		back = u8_prev(s, i, &start);
		if (start >= i || i - start > 4)
			abort();
		if (back == 0xfffd && start != i - 1 &&
		    !(i - start == 3 && memcmp(s + start, "\xef\xbf\xbd", 3) == 0))
			abort();
	}
	check_json(s, size);
	free(starts);
	free(s);
	return 0;
}
