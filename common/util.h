/* util.h -- program name, messages, exit status, allocation, output checks. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define LEDE_EXIT_OK	0
#define LEDE_EXIT_DATA	1	/* bad data or I/O failure */
#define LEDE_EXIT_USAGE	2

#if defined(__GNUC__)
#define LEDE_NORETURN	__attribute__((noreturn))
#define LEDE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LEDE_NORETURN
#define LEDE_PRINTF(a, b)
#endif

extern const char *lede_progname;
/* The worst status seen so far; lede_finish() returns it. */
extern int lede_status;

/*
 * Sets the program name (argv[0] is cut to its last component in place,
 * for getopt's messages), default SIGPIPE and a large stdout buffer.
 */
void	lede_init(const char *argv0);
/* Flushes and closes stdout; a write error becomes status 1. */
int	lede_finish(void);
/* Writes failed: quiet exit on EPIPE, otherwise a message and status 1. */
void	lede_write_failed(void) LEDE_NORETURN;

/* "lede-TOOL: message" (+ ": strerror(errno)" for lede_warn/lede_die). */
void	lede_warn(const char *, ...) LEDE_PRINTF(1, 2);
void	lede_warnx(const char *, ...) LEDE_PRINTF(1, 2);
void	lede_die(int status, const char *, ...) LEDE_PRINTF(2, 3) LEDE_NORETURN;
void	lede_diex(int status, const char *, ...) LEDE_PRINTF(2, 3) LEDE_NORETURN;
/* "lede-TOOL: FILE:LINE: message"; line 0 leaves the line out. */
void	lede_warn_at(const char *file, unsigned long line, const char *, ...)
	    LEDE_PRINTF(3, 4);

/* Usage errors: message, a pointer to --help, exit 2. */
void	lede_usage_error(const char *, ...) LEDE_PRINTF(1, 2) LEDE_NORETURN;
/* After getopt has reported a bad option: a pointer to --help, exit 2. */
void	lede_bad_option(void) LEDE_NORETURN;
/* --help: the text to stdout, exit 0.  --version likewise. */
void	lede_help(const char *text) LEDE_NORETURN;
void	lede_version(void) LEDE_NORETURN;
/* Parses a non-negative decimal option argument or dies with status 2. */
long	lede_parse_count(const char *opt, const char *arg, long max);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xmemdup(const char *, size_t);

/* A growable byte buffer; reused across records, never shrunk. */
struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void	buf_reserve(struct buf *, size_t extra);
void	buf_add(struct buf *, const void *, size_t);
void	buf_addc(struct buf *, int);
void	buf_adds(struct buf *, const char *);
/* Keeps a NUL after the content without counting it in len. */
void	buf_terminate(struct buf *);
void	buf_free(struct buf *);

/* Long option codes shared by every tool (beyond the single letters). */
enum {
	LEDE_OPT_VERSION = 0x100,
	LEDE_OPT_JSON,
	LEDE_OPT_LENIENT,
	LEDE_OPT_FIRST_TOOL = 0x200
};

#endif
