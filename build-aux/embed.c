/* embed -- turn a data file into a C source defining a struct lede_blob. */
/* SPDX-License-Identifier: MIT */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int
main(int argc, char *argv[])
{
	FILE *fp;
	const char *base, *p;
	char name[256];
	size_t n = 0, len = 0;
	int c, col = 0;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: embed FILE\n");
		return 2;
	}
	base = strrchr(argv[1], '/');
	base = base ? base + 1 : argv[1];
	/* The symbol is the file name without its extension, non-alnum as '_'. */
	for (p = base; *p && *p != '.' && n < sizeof(name) - 1; p++)
		name[n++] = isalnum((unsigned char)*p) ? *p : '_';
	name[n] = '\0';
	printf("/* Generated from %s by build-aux/embed.c; do not edit. */\n", argv[1]);
	printf("#include \"blob.h\"\n");
	printf("const struct lede_blob lede_blob_%s = {\n\"", name);
	while ((c = getc(fp)) != EOF) {
		len++;
		if (c == '\n') {
			fputs("\\n\"\n\"", stdout);
			col = 0;
			continue;
		}
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c >= 0x20 && c < 0x7f && c != '?')
			putchar(c);
		else
			printf("\\%03o", c);
		if (++col > 500) {
			fputs("\"\n\"", stdout);
			col = 0;
		}
	}
	printf("\",\n%zu\n};\n", len);
	return ferror(fp) ? 1 : 0;
}
