/* json.h -- JSON string output for --json. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_JSON_H
#define LEDE_JSON_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes s[0..n) as a JSON string with its quotes.  Control characters are
 * \u-escaped; invalid UTF-8 is written as U+FFFD, so the output is always
 * valid JSON.
 */
void	json_put_string(FILE *, const char *s, size_t n);

#endif
