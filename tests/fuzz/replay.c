/* replay.c -- run a fuzz target over saved inputs, without libFuzzer. */
/* SPDX-License-Identifier: MIT */
/*
 * Linked with any fuzz_*.c, this main() feeds it every file named on the
 * command line (or found in a directory named there), so that `make check`
 * replays the minimised corpora with an ordinary compiler.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Not every target has an initialiser. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long count;

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t len = 0, cap = 0, got;

	if (fp == NULL) {
		perror(path);
		return 1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((data = realloc(data, cap)) == NULL)
				abort();
		}
		if ((got = fread(data + len, 1, cap - len, fp)) == 0)
			break;
		len += got;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	count++;
	return 0;
}

static int
replay(const char *path)
{
	struct stat st;
	struct dirent **names;
	char sub[4096];
	int n, i, bad = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	if ((n = scandir(path, &names, NULL, alphasort)) < 0) {
		perror(path);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			snprintf(sub, sizeof(sub), "%s/%s", path, names[i]->d_name);
			bad |= replay(sub);
		}
		free(names[i]);
	}
	free(names);
	return bad;
}

int
main(int argc, char *argv[])
{
	int i, bad = 0;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		bad |= replay(argv[i]);
	/* Some targets silence stderr; fd 2 itself stays open. */
	dprintf(2, "replayed %lu inputs\n", count);
	return bad;
}
