/* util.c -- program name, messages, exit status, allocation, output checks. */
/* SPDX-License-Identifier: MIT */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *lede_progname = "lede";
int lede_status = LEDE_EXIT_OK;

void
lede_init(const char *argv0)
{
	const char *slash;
	static char outbuf[1 << 16];

	if (argv0 != NULL && *argv0 != '\0') {
		/*
		 * argv[0] itself becomes the bare name, so that getopt's own
		 * messages read "lede-split: unrecognized option" whatever path
		 * the program was started by (argv strings are the program's
		 * to change).
		 */
		slash = strrchr(argv0, '/');
		if (slash != NULL && slash[1] != '\0')
			memmove((char *)(uintptr_t)argv0, slash + 1, strlen(slash + 1) + 1);
		lede_progname = argv0;
	}
	/* A reader that goes away (`| head`) ends us quietly, as for cat. */
	signal(SIGPIPE, SIG_DFL);
	setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
}

void
lede_write_failed(void)
{
	if (errno == EPIPE)
		_Exit(LEDE_EXIT_DATA);
	fprintf(stderr, "%s: write error: %s\n", lede_progname,
	    errno ? strerror(errno) : "unknown error");
	_Exit(LEDE_EXIT_DATA);
}

int
lede_finish(void)
{
	int bad;

	errno = 0;
	bad = fflush(stdout) != 0 || ferror(stdout);
	if (fclose(stdout) != 0)
		bad = 1;
	if (bad)
		lede_write_failed();
	return lede_status;
}

static void vmsg(const char *, va_list, int) LEDE_PRINTF(1, 0);

static void
vmsg(const char *fmt, va_list ap, int errnum)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", lede_progname);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
lede_warn(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
}

void
lede_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
}

void
lede_die(int status, const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
	exit(status);
}

void
lede_diex(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
	exit(status);
}

void
lede_warn_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (line > 0)
		fprintf(stderr, "%s: %s:%lu: ", lede_progname, file, line);
	else
		fprintf(stderr, "%s: %s: ", lede_progname, file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
lede_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", lede_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", lede_progname);
	exit(LEDE_EXIT_USAGE);
}

void
lede_bad_option(void)
{
	/* getopt has said what was wrong with the option. */
	fprintf(stderr, "Try '%s --help' for more information.\n", lede_progname);
	exit(LEDE_EXIT_USAGE);
}

void
lede_help(const char *text)
{
	fputs(text, stdout);
	exit(lede_finish());
}

void
lede_version(void)
{
	printf("%s (lede) %s\n", lede_progname, LEDE_VERSION);
	exit(lede_finish());
}

long
lede_parse_count(const char *opt, const char *arg, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < 0 || v > max)
		lede_usage_error("%s: '%s' is not a number from 0 to %ld", opt, arg, max);
	return v;
}

static void
oom(void)
{
	fprintf(stderr, "%s: out of memory\n", lede_progname);
	exit(LEDE_EXIT_DATA);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom();
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xmemdup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
buf_reserve(struct buf *b, size_t extra)
{
	size_t want;

	if (extra > SIZE_MAX - b->len - 1)
		oom();
	want = b->len + extra + 1;
	if (want <= b->cap)
		return;
	if (b->cap < 256)
		b->cap = 256;
	while (b->cap < want)
		b->cap = b->cap > SIZE_MAX / 2 ? want : b->cap * 2;
	b->p = xrealloc(b->p, b->cap);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
buf_addc(struct buf *b, int c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = (char)c;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_terminate(struct buf *b)
{
	buf_reserve(b, 0);
	b->p[b->len] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
