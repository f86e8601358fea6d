/* blob.h -- data files compiled into the binaries. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_BLOB_H
#define LEDE_BLOB_H

#include <stddef.h>

/*
 * Every file data/NAME.EXT becomes `lede_blob_NAME` (non-alphanumerics as
 * '_'), with its bytes and length.  The data is NUL-terminated as well.
 */
struct lede_blob {
	const char *data;
	size_t len;
};

/*
 * Calls fn once per line of the blob that is neither empty nor a '#'
 * comment, with the line's bytes (no newline).  Stops early if fn returns
 * non-zero and returns that value.
 */
int blob_each_line(const struct lede_blob *, int (*fn)(const char *, size_t, void *), void *);

#endif
