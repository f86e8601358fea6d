/* tsv.h -- field escaping of the record format (pure functions). */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_TSV_H
#define LEDE_TSV_H

#include <stddef.h>

/*
 * A field never holds a raw TAB, LF, CR or backslash; they are written
 * \t \n \r \\.  Nothing else is escaped.
 */

/* Bytes needed to escape s[0..n). */
size_t	tsv_escaped_len(const char *s, size_t n);
/* Escapes s[0..n) into out (room for tsv_escaped_len bytes); returns length. */
size_t	tsv_escape(char *out, const char *s, size_t n);
/*
 * Unescapes s[0..n) in place.  Returns the new length, or (size_t)-1 for a
 * bad escape (unknown letter or a lone backslash at the end), with *bad set
 * to the offset of the offending backslash.
 */
size_t	tsv_unescape(char *s, size_t n, size_t *bad);
/* Non-zero if c must be escaped. */
int	tsv_special(unsigned char c);

#endif
