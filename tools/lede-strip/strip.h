/* strip.h -- what the parts of lede-strip share. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_STRIP_H
#define LEDE_STRIP_H

#include <stddef.h>
#include <stdint.h>

#include "lede.h"

/* The kinds lede-strip gives, in DESIGN.md's order; K_NONE is "not yet". */
enum kind {
	K_NONE = -1,
	K_TITLE, K_DEK, K_HEADING, K_BODY, K_BYLINE, K_DATELINE, K_CAPTION,
	K_CREDIT, K_BIO, K_CONTRIB, K_META, K_PROMO, K_DUP,
	K_NKINDS
};
const char	*kind_name(enum kind);
/* Parses one kind name; K_NONE if it is not one. */
enum kind	 kind_parse(const char *s, size_t n);

/*
 * What the classifier knows of one text unit: counts over its words and
 * characters (the jusText paragraph features) and the verdict so far.
 */
struct para {
	const char	*s;		/* the unescaped text */
	size_t		 n;
	uint32_t	 words;		/* whitespace-separated tokens */
	uint32_t	 alpha;		/* tokens with a letter */
	uint32_t	 stop;		/* tokens in the stopword list */
	uint32_t	 cap;		/* alphabetic tokens starting upper case */
	uint32_t	 links;		/* URL-, handle- and e-mail-like tokens */
	uint32_t	 digits;	/* tokens that are mostly digits */
	uint32_t	 seps;		/* |, •, », · and the like between words */
	uint32_t	 sentp;		/* sentence punctuation followed by space */
	uint32_t	 chars;		/* code points */
	uint32_t	 letters;	/* alphabetic code points */
	uint8_t		 endp;		/* ends with . ! ? … or a closing quote after one */
	uint8_t		 endcolon;	/* ends with ':' */
	uint8_t		 listitem;	/* numbered item of a list in sequence, or between two */
	uint64_t	 hash;		/* of the text with case and spacing folded */
	size_t		 valid;		/* length of its valid UTF-8 prefix, or: */
#define VALID_UNKNOWN	((size_t)-1)
	/* The verdict. */
	enum kind	 kind;
	const char	*why;		/* rule or feature that decided, for --explain */
	int		 rule;		/* index of the lexical rule that matched, or -1 */
	int		 cls;		/* jusText class, enum cls in shape.h */
	int		 inrun;		/* part of the main article run */
};

/* feature.c */
void	features_init(void);
void	features(struct para *, const char *s, size_t n);
size_t	valid_prefix(const char *s, size_t n);

/* rules.c: the lexical rules, built in and from -r files. */
struct rule_hit {
	enum kind	 kind;
	const char	*name;
	int		 index;
	unsigned	 flags;		/* RF_* below */
};
/* Where a rule may apply; by default anywhere. */
#define RF_BLOCK	0x01	/* heads a block: the short lines after it share its kind */
#define RF_BEFORE	0x02	/* only before the article's first body paragraph */
#define RF_AFTER	0x04	/* only after its last body paragraph */
#define RF_OUTSIDE	0x08	/* only outside the article's run of body paragraphs */
#define RF_END		0x10	/* ends the article: comments follow, say */
#define RF_OPEN		0x20	/* only lines without a final . ! or ? */
void	rules_load_builtin(void);
void	rules_load_file(const char *path);
void	rules_free(void);
/*
 * First rule from index `from` on matching the paragraph; 0 if none.
 * Either the rules for anywhere or those that depend on the position.
 */
enum { RULES_ANYWHERE, RULES_CONDITIONAL };
int	rules_match(const struct para *, struct rule_hit *, size_t from, unsigned want);
unsigned rules_flags(int index);

/* dateline.c */
void	dateline_init(void);
void	dateline_free(void);
/* Length of a leading dateline of s (with its dash and space), or 0. */
size_t	dateline_len(const char *s, size_t n, size_t *textlen);

/* template.c: lines seen in earlier articles of the stream. */
void	template_init(size_t capacity, unsigned min_articles);
void	template_free(void);
/* True when earlier articles held this line often enough to call it template. */
int	template_known(uint64_t hash);
/* Records the lines of one article once it is done. */
void	template_add_article(const struct para *, size_t n);

/*
 * roles.c: after the run [a, b) is found.  The title index, or (size_t)-1;
 * the run's end cut at the author's bio box.
 */
size_t	roles_title(struct para *, size_t a);
void	roles_before(struct para *, size_t a, size_t title);
void	roles_in_run(struct para *, size_t a, size_t b);
size_t	roles_author_bio(struct para *, size_t n, size_t a, size_t b);
void	roles_dups(struct para *, size_t n, size_t title);

/* classify.c: labels every paragraph of one article. */
void	classify(struct para *, size_t n);

#endif
