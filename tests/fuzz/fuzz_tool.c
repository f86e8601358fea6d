/* fuzz_tool.c -- libFuzzer target: a whole lede tool, main() and all, on any input. */
/* SPDX-License-Identifier: MIT */
/*
 * Built once per tool with TOOL_NAME set and the tool's main() renamed
 * lede_tool_main (see the Makefile).  The first byte of the input picks
 * one of the tool's option sets; the rest is its standard input.  Each
 * run reaches the tool's per-article code through the same path a user's
 * pipeline does.  A crash, a sanitizer report or an exit status other
 * than 0 or 1 is a failure (2 would mean the options below are wrong).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede.h"

#ifndef TOOL_NAME
#error TOOL_NAME must name the tool
#endif

int lede_tool_main(int, char **);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXOPTS 4

struct optset {
	const char *tool;
	const char *opts[MAXOPTS];
};

static const struct optset optsets[] = {
	{ "lede-split", { NULL } },
	{ "lede-split", { "-b", NULL } },
	{ "lede-split", { "-l", "--json", NULL } },
	{ "lede-split", { "-J", NULL } },
	{ "lede-split", { "-d", "^=+$", NULL } },
	{ "lede-sentences", { NULL } },
	{ "lede-sentences", { "--json", NULL } },
	{ "lede-sentences", { "--lenient", NULL } },
	{ "lede-strip", { NULL } },
	{ "lede-strip", { "-a", "--explain", NULL } },
	{ "lede-strip", { "-v", NULL } },
	{ "lede-strip", { "-a", "--datelines", "--json", NULL } },
	{ "lede-strip", { "--lenient", "-a", NULL } },
	{ "lede-quotes", { NULL } },
	{ "lede-quotes", { "-p", NULL } },
	{ "lede-quotes", { "-a", "--json", NULL } },
	{ "lede-quotes", { "--lenient", "-p", NULL } },
	{ "lede-entities", { NULL } },
	{ "lede-entities", { "-p", NULL } },
	{ "lede-entities", { "--numbers", "--json", NULL } },
	{ "lede-entities", { "--lenient", "-p", NULL } },
	{ "lede-text", { NULL } },
	{ "lede-text", { "--lenient", NULL } },
};

static const struct optset *mine[sizeof(optsets) / sizeof(optsets[0])];
static size_t nmine;
static char input_path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;
	int fd;

	for (i = 0; i < sizeof(optsets) / sizeof(optsets[0]); i++)
		if (strcmp(optsets[i].tool, TOOL_NAME) == 0)
			mine[nmine++] = &optsets[i];
	if (nmine == 0) {
		fprintf(stderr, "fuzz_tool: no option sets for %s\n", TOOL_NAME);
		abort();
	}
	snprintf(input_path, sizeof(input_path), "/tmp/lede-fuzz-input.XXXXXX");
	if ((fd = mkstemp(input_path)) < 0)
		abort();
	close(fd);
	/* Messages about bad input would flood the terminal and slow the fuzzer. */
	if (getenv("LEDE_FUZZ_VERBOSE") == NULL) {
		FILE *null = fopen("/dev/null", "w");

		if (null != NULL)
			stderr = null;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct optset *os;
	char *argv[MAXOPTS + 2];
	FILE *fp;
	int argc = 0, i, status;

	if (size == 0)
		return 0;
	if (nmine == 0)
		LLVMFuzzerInitialize(NULL, NULL);
	os = mine[data[0] % nmine];
	if ((fp = fopen(input_path, "w")) == NULL)
		abort();
	if (size > 1 && fwrite(data + 1, 1, size - 1, fp) != size - 1)
		abort();
	fclose(fp);
	if (freopen(input_path, "r", stdin) == NULL)
		abort();
	/* The tool closes stdout when it finishes; each run gets a fresh one. */
	if ((stdout = fopen("/dev/null", "w")) == NULL)
		abort();
	argv[argc++] = (char *)(uintptr_t)TOOL_NAME;
	for (i = 0; i < MAXOPTS && os->opts[i] != NULL; i++)
		argv[argc++] = (char *)(uintptr_t)os->opts[i];
	argv[argc] = NULL;
	optind = 0;	/* glibc: start getopt afresh */
	rec_json = rec_lenient = 0;
	lede_status = 0;
	status = lede_tool_main(argc, argv);
	if (status != 0 && status != 1)
		abort();
	return 0;
}
