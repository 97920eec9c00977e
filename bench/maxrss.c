/* SPDX-License-Identifier: MIT */
/* maxrss.c: runs a command and says how much memory and CPU it took.
 *
 *   maxrss COMMAND [ARGS...]
 *
 * Prints "maxrss_kib N" (the child's peak resident set) and "cpu_ms T"
 * (its user and system time), both from wait4, on stderr after the
 * command's own output, and exits with its status, so a bench can
 * measure a whole process without GNU time installed. */
#include <config.h>

#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 2) {
		fputs("usage: maxrss COMMAND [ARGS...]\n", stderr);
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("maxrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("maxrss: wait4");
		return 2;
	}
	fprintf(stderr, "maxrss_kib %ld\ncpu_ms %.3f\n", ru.ru_maxrss,
	        (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	        (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
