/* runstat -- run a command with stdin/stdout files; print wall seconds and peak RSS. */
/* SPDX-License-Identifier: MIT */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * usage: runstat IN OUT CMD [ARG...]
 * prints "WALL_SECONDS MAXRSS_KB STATUS CPU_SECONDS" on stderr; CPU time
 * (user + system, children included) is what a busy machine distorts least.
 */
int
main(int argc, char *argv[])
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int st, in, out;

	if (argc < 4) {
		fprintf(stderr, "usage: runstat IN OUT CMD [ARG...]\n");
		return 2;
	}
	if ((in = open(argv[1], O_RDONLY)) < 0 ||
	    (out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0) {
		perror("runstat");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == 0) {
		dup2(in, 0);
		dup2(out, 1);
		execvp(argv[3], argv + 3);
		perror(argv[3]);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0) {
		perror("runstat");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &ru);
	fprintf(stderr, "%.3f %ld %d %.3f\n", (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss,
	    WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st),
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
	return 0;
}
