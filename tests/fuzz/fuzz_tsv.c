/* fuzz_tsv.c -- libFuzzer target: field escaping round trip. */
/* SPDX-License-Identifier: MIT */
/*
 * 1. escape(x) holds no raw TAB, LF or CR, has tsv_escaped_len(x) bytes,
 *    and unescapes back to x exactly.
 * 2. unescape(x) in a buffer of exactly x's size never writes past it; it
 *    either fails at a backslash, or gives bytes that escape back to x when
 *    x held no raw TAB, LF or CR.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	size_t elen, n, m, i, bad = (size_t)-2;
	char *esc, *copy, *again;
	int raw_special = 0;

	elen = tsv_escaped_len(in, size);
	esc = malloc(elen + 1);
	if (esc == NULL || tsv_escape(esc, in, size) != elen)
		abort();
	for (i = 0; i < elen; i++)
		if (esc[i] == '\t' || esc[i] == '\n' || esc[i] == '\r')
			abort();
	if ((n = tsv_unescape(esc, elen, &bad)) != size || memcmp(esc, in, size) != 0)
		abort();
	free(esc);

	/* Exactly size bytes, so ASan sees any write past the field. */
	copy = malloc(size ? size : 1);
	if (copy == NULL)
		abort();
	memcpy(copy, in, size);
	for (i = 0; i < size; i++)
		if (in[i] == '\t' || in[i] == '\n' || in[i] == '\r')
			raw_special = 1;
	bad = (size_t)-2;
	m = tsv_unescape(copy, size, &bad);
	if (m == (size_t)-1) {
		if (bad >= size || in[bad] != '\\')
			abort();
	} else {
		if (m > size || bad != (size_t)-2)
			abort();
		if (!raw_special) {
			again = malloc(tsv_escaped_len(copy, m) + 1);
			if (again == NULL || tsv_escape(again, copy, m) != size ||
			    memcmp(again, in, size) != 0)
				abort();
			free(again);
		}
	}
	free(copy);
	return 0;
}
