/* gaz.h -- lede-entities' word lists and gazetteers, one case-folded hash table. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_ENT_GAZ_H
#define LEDE_ENT_GAZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * What a key is known as.  One key (case folded) may be many things at
 * once: "Washington" is a city, a state, a given name and a surname; the
 * tagger weighs them in context.
 */
#define G_LOWER		(1ULL << 0)	/* an English word in lower case */
#define G_PROPER	(1ULL << 1)	/* a capitalised English dictionary word */
#define G_GIVEN		(1ULL << 2)	/* given name (count in ->given) */
#define G_SURNAME	(1ULL << 3)	/* surname (count in ->surname) */
#define G_COUNTRY	(1ULL << 4)
#define G_CAPITAL	(1ULL << 5)
#define G_CITY		(1ULL << 6)	/* population in ->pop */
#define G_ADMIN1	(1ULL << 7)	/* state, province, oblast ... */
#define G_STATE		(1ULL << 8)	/* US state */
#define G_REGION	(1ULL << 9)	/* continent, subregion, sea, river */
#define G_DEMONYM	(1ULL << 10)
#define G_NORP		(1ULL << 11)
#define G_ORG		(1ULL << 12)	/* organisations.tsv, parties, groups */
#define G_COMPANY	(1ULL << 13)
#define G_LIST		(1ULL << 14)	/* typed list (ent_extra, -g): ->ltype */
/* Cue words (data/ent_cues.tsv). */
#define G_TITLE		(1ULL << 16)
#define G_TITLEMOD	(1ULL << 17)
#define G_ABBREV	(1ULL << 18)
#define G_ORGSUF	(1ULL << 19)
#define G_ORGHEAD	(1ULL << 20)
#define G_FACSUF	(1ULL << 21)
#define G_EVENTSUF	(1ULL << 22)
#define G_LOCSUF	(1ULL << 23)
#define G_LOCPRE	(1ULL << 24)
#define G_GPESUF	(1ULL << 25)
#define G_SPEECH	(1ULL << 26)
#define G_PLACEPREP	(1ULL << 27)
#define G_NAMEPART	(1ULL << 28)
#define G_ORGJOIN	(1ULL << 29)
#define G_NOTENT	(1ULL << 30)
#define G_SPORT		(1ULL << 31)
#define G_TEAMVERB	(1ULL << 32)
#define G_DAY		(1ULL << 33)
#define G_MONTH		(1ULL << 34)
#define G_PERSONCUE	(1ULL << 35)
#define G_MWPREFIX	(1ULL << 36)	/* first word of a longer key */
#define G_ORGNEXT	(1ULL << 38)	/* "X spokesman" */
#define G_ORGPREV	(1ULL << 39)	/* "the firm X" */
#define G_PLACEOF	(1ULL << 37)	/* "the town of X", "X police" */

#define G_PLACE	(G_COUNTRY | G_CAPITAL | G_CITY | G_ADMIN1 | G_STATE | G_REGION)
#define G_ENTITY (G_PLACE | G_DEMONYM | G_NORP | G_ORG | G_COMPANY | G_LIST)

/* Entity types, in the order of their OntoNotes names (see ent_type_name). */
enum etype {
	T_NONE, T_PERSON, T_ORG, T_GPE, T_LOC, T_NORP, T_FAC, T_EVENT,
	T_DATE, T_TIME, T_MONEY, T_PERCENT, T_QUANTITY, T_ORDINAL, T_CARDINAL,
	T_PRODUCT, T_WORK_OF_ART, T_LAW, T_LANGUAGE, T_NTYPES
};
const char *ent_type_name(enum etype);
enum etype ent_type_parse(const char *, size_t);

struct gent {
	const char	*key;
	uint32_t	 klen;
	uint32_t	 hash;
	uint64_t	 cats;
	uint64_t	 acro;		/* cats that only hold for an all-caps token */
	uint32_t	 given;
	uint32_t	 surname;
	uint32_t	 pop;
	uint8_t		 maxw;		/* G_MWPREFIX: most words of a key it starts */
	uint8_t		 ltype;		/* G_LIST: an enum etype */
	uint8_t		 regkind;	/* G_REGION: 1 water/continent, 2 political */
	uint8_t		 merged;	/* the big lists were searched */
	const char	*canon;		/* the list's main name, or NULL */
	uint32_t	 canonlen;
};

/* Builds the table from the compiled-in lists (once). */
void	gaz_init(void);
/* Frees the table, the memo and the users' lists (gaz_init may follow). */
void	gaz_free(void);
/* Adds a user gazetteer (NAME<TAB>TYPE[<TAB>CANON] lines); -1 on failure. */
int	gaz_load_user(const char *path);
/* Marks the lists loaded (after -g); what is added later is a memo. */
void	gaz_freeze(void);
/* Between articles: forgets the memo if it grew too large. */
void	gaz_trim(void);
/* Looks key[0..n) up, ignoring ASCII case; NULL if unknown. */
const struct gent *gaz_get(const char *key, size_t n);
/* gaz_get() with the key's gaz_hash() known. */
const struct gent *gaz_get_h(const char *key, size_t n, uint32_t h);
/* Asks the memory for what gaz_get_h() with hash h will read first. */
void	gaz_prefetch(uint32_t h);
/*
 * May some name of several words in the lists start with the word whose
 * gaz_hash() is h?  No means no (a Bloom filter); yes means maybe.
 */
int	gaz_mw_maybe_h(uint32_t h);
/*
 * A word of at most eight bytes as a number: its bytes, zero-padded, the
 * first in the low byte (see tok_key8).  No word holds a NUL, so the key
 * gives the length too; 0 is no key.
 */
/* gaz_get() of the word s[0..n) whose key is k (not 0): kept in a small cache. */
const struct gent *gaz_get_k(const char *s, size_t n, uint64_t k);
/* Asks the memory for what gaz_get_k() with key k will read first. */
void	gaz_prefetch_k(uint64_t k);
/* gaz_cue() of the word of n bytes whose key is k (not 0). */
uint64_t gaz_cue_k(uint64_t k, size_t n);
/* The cue roles of a word (data/ent_cues.tsv) only: cheap. */
uint64_t gaz_cue(const char *key, size_t n);
/* gaz_cue() & roles, quickly when no cue word like it has one of them. */
static inline uint64_t gaz_cue_has(const char *key, size_t n, uint64_t roles);
/* A hash of the ASCII-lowercased bytes. */
uint32_t gaz_hash(const char *s, size_t n);

/*
 * The filter in front of gaz_cue(), by the first two bytes (their low five
 * bits): the union of the roles of the cue words there, and the lengths of
 * those with the roles asked for in bulk (GAZ_CUE_SEL).  gaz_cue_has() is
 * asked about most words and turns nearly all of them away here, inline.
 */
#define GAZ_CUE_SEL (G_SPORT | G_MONTH | G_DAY)
extern uint64_t gaz_cue_roles[32][32];
extern uint32_t gaz_cue_sel_lens[32][32];

static inline size_t
gaz_cue_fi(const char *s, size_t n)
{
	return (size_t)(((unsigned char)s[0] & 31) << 5 | ((unsigned char)s[n > 1] & 31));
}

static inline uint64_t
gaz_cue_has(const char *s, size_t n, uint64_t want)
{
	size_t m = n > 2 && s[n - 1] == '.' ? n - 1 : n;

	if (m == 0 || m > 20 || !((&gaz_cue_roles[0][0])[gaz_cue_fi(s, m)] & want))
		return 0;
	if (!(want & ~GAZ_CUE_SEL) && !((&gaz_cue_sel_lens[0][0])[gaz_cue_fi(s, m)] & (1u << m)))
		return 0;
	return gaz_cue(s, n) & want;
}

#endif
