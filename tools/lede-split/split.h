/* split.h -- the parts of lede-split: repair, glue detection, article input. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_SPLIT_H
#define LEDE_SPLIT_H

#include <stdint.h>
#include <stdio.h>

#include <pcre2.h>

#include "lede.h"

enum para_mode { MODE_AUTO, MODE_LINE, MODE_BLANK };

/* Per-input repair counts, reported once when the input ends. */
struct repair_stats {
	unsigned long long invalid;	/* invalid UTF-8 sequences → U+FFFD */
	unsigned long long nuls;	/* NUL bytes dropped */
	unsigned long long first_bad;	/* byte offset of the first invalid one */
	int strict_failed;
};

/*
 * Repairs one line: invalid UTF-8 to U+FFFD (or, with strict, stops and
 * returns -1), control characters dropped, odd and zero-width spaces
 * folded, runs of white space collapsed, ends trimmed, NFC.  base is the
 * line's byte offset in its input, for --strict messages.
 */
int	repair_line(const char *s, size_t n, struct buf *out, struct buf *scratch,
	    int strict, unsigned long long base, struct repair_stats *);

/*
 * Where a paragraph the scraper glued together should be cut again:
 * fills cuts[] with byte offsets (at most max) and returns how many.
 */
size_t	glue_cuts(const char *s, size_t n, size_t *cuts, size_t max);

struct splitter {
	enum para_mode	 mode;
	int		 strict;
	pcre2_code	*sep;		/* -d separator, or NULL */
	pcre2_match_data *md;
	int		 json;		/* -J input */
	/* The article being written. */
	const char	*path;
	struct buf	 doc;
	unsigned long	 article;	/* K of path:K */
	unsigned long	 para;		/* last LOC written */
	int		 open;		/* an article has started */
	/* Auto mode: repaired lines held until the mode is decided. */
	enum para_mode	 decided;
	struct buf	 held;
	size_t		 held_lines, held_nonblank;
	/* Blank-line mode: the paragraph being joined. */
	struct buf	 joined;
	/* Scratch. */
	struct buf	 clean, scratch;
	struct repair_stats stats;
	unsigned long	 lineno;
	unsigned long long offset;
};

void	split_input(struct splitter *, FILE *, const char *path);
void	split_free(struct splitter *);

#endif
