/* sentseg_lex.c -- the segmenter's word lists: one hash table, built once. */
/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blob.h"
#include "sentseg.h"
#include "util.h"

extern const struct lede_blob lede_blob_abbrev_title;
extern const struct lede_blob lede_blob_abbrev_common;
extern const struct lede_blob lede_blob_abbrev_number;
extern const struct lede_blob lede_blob_sent_starters;
extern const struct lede_blob lede_blob_sent_after_bang;
extern const struct lede_blob lede_blob_sent_bang_names;
extern const struct lede_blob lede_blob_sent_salutations;
extern const struct lede_blob lede_blob_sent_discourse;

/* Longest word looked up; longer tokens are never abbreviations. */
#define WORD_MAX 32

struct slot {
	const char	*key;		/* NULL: empty */
	unsigned char	 len;
	unsigned char	 flags;
};

/* Open addressing, power-of-two size, kept at most half full. */
static struct slot *table;
static size_t tabsize, tabused;
static int loaded;

static size_t
hash(const char *s, size_t n)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct slot *
find(const char *s, size_t n)
{
	size_t i = hash(s, n) & (tabsize - 1);

	while (table[i].key != NULL) {
		if (table[i].len == n && memcmp(table[i].key, s, n) == 0)
			return &table[i];
		i = (i + 1) & (tabsize - 1);
	}
	return &table[i];
}

static void
grow(void)
{
	struct slot *old = table;
	size_t oldsize = tabsize, i;

	tabsize = tabsize ? tabsize * 2 : 1024;
	table = xcalloc(tabsize, sizeof(*table));
	for (i = 0; i < oldsize; i++)
		if (old[i].key != NULL)
			*find(old[i].key, old[i].len) = old[i];
	free(old);
}

/* Adds a key that stays valid (blob data or a copy). */
static void
add_key(const char *s, size_t n, unsigned flags)
{
	struct slot *sl;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '.'))
		n--;
	if (n == 0 || n > WORD_MAX)
		return;
	if ((tabused + 1) * 2 > tabsize)
		grow();
	sl = find(s, n);
	if (sl->key == NULL) {
		sl->key = s;
		sl->len = (unsigned char)n;
		tabused++;
	}
	sl->flags |= (unsigned char)flags;
}

static int
add_line(const char *s, size_t n, void *arg)
{
	add_key(s, n, *(unsigned *)arg);
	return 0;
}

static void
load_blob(const struct lede_blob *b, unsigned flags)
{
	blob_each_line(b, add_line, &flags);
}

static void
load(void)
{
	loaded = 1;
	load_blob(&lede_blob_abbrev_title, SENT_W_TITLE);
	load_blob(&lede_blob_abbrev_common, SENT_W_COMMON);
	load_blob(&lede_blob_abbrev_number, SENT_W_NUMBER);
	load_blob(&lede_blob_sent_starters, SENT_W_STARTER);
	load_blob(&lede_blob_sent_after_bang, SENT_W_SPEECH);
	load_blob(&lede_blob_sent_bang_names, SENT_W_BANG);
	load_blob(&lede_blob_sent_salutations, SENT_W_GREETING);
	load_blob(&lede_blob_sent_discourse, SENT_W_DISCOURSE);
}

unsigned
sent_word_flags(const char *w, size_t n)
{
	char low[WORD_MAX];
	struct slot *sl;
	unsigned flags = 0;
	size_t i;
	int upper = 0;

	if (!loaded)
		load();
	if (n == 0 || n > WORD_MAX)
		return 0;
	sl = find(w, n);
	if (sl->key != NULL)
		flags = sl->flags;
	/* ASCII folding only: the lists are ASCII but for a few symbols. */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];

		if (c >= 'A' && c <= 'Z') {
			low[i] = (char)(c + 32);
			upper = 1;
		} else {
			low[i] = (char)c;
		}
	}
	if (upper) {
		sl = find(low, n);
		if (sl->key != NULL)
			flags |= sl->flags;
		/* "GEN." as well as "Gen.": try the capitalised form too. */
		if (n > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z') {
			low[0] = w[0];
			sl = find(low, n);
			if (sl->key != NULL)
				flags |= sl->flags;
		}
	}
	return flags;
}

void
sent_add_word(const char *w, size_t n, unsigned flags)
{
	if (!loaded)
		load();
	if (n > 0 && n <= WORD_MAX)
		add_key(xmemdup(w, n), n, flags);
}

int
sent_add_file(const char *path, unsigned flags)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (fp == NULL)
		return -1;
	while ((len = getline(&line, &cap, fp)) > 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len > 0 && line[0] != '#')
			sent_add_word(line, (size_t)len, flags);
	}
	free(line);
	fclose(fp);
	return 0;
}
