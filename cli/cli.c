/* SPDX-License-Identifier: MIT */
/* cli.c: what the command line's commands share. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "mem.h"
#include "sanitize.h"

static void vmessage(const char *prefix, const char *fmt, va_list ap)
{
	char msg[2048], clean[2048 * 3];

	vsnprintf(msg, sizeof msg, fmt, ap);
	/* Messages quote file names, keys and values: all sanitised. */
	sanitize_text(msg, 0, clean, sizeof clean);
	fprintf(stderr, "apmwb: %s%s\n", prefix, clean);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void cli_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("note: ", fmt, ap);
	va_end(ap);
}

static void print_sanitized(FILE *out, const char *text, int flags)
{
	char buf[1024];
	size_t need = sanitize_text(text, flags, buf, sizeof buf);
	char *big;

	if (need < sizeof buf) {
		fputs(buf, out);
		return;
	}
	big = sanitize_dup(text, flags);
	if (big)
		fputs(big, out);
	else
		fputs("(out of memory)", out);
	mem_free(big);
}

void cli_print(FILE *out, const char *text)
{
	print_sanitized(out, text, SANITIZE_KEEP_NEWLINES);
}

void cli_print_line(FILE *out, const char *text)
{
	print_sanitized(out, text, SANITIZE_ONE_LINE);
}

bool cli_print_sanitised(FILE *out, char *text, size_t len)
{
	char *line = text, *end = text + len;

	while (line < end) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		char *stop = nl ? nl : end, *clean;

		if (stop > line && stop[-1] == '\r')
			stop[-1] = '\0';
		*stop = '\0';
		if (!(clean = sanitize_dup(line, 0)))
			return false;
		fprintf(out, "%s%s", clean, nl ? "\n" : "");
		mem_free(clean);
		line = stop + 1;
	}
	return true;
}

int cli_exit_for(enum store_status rc)
{
	switch (rc) {
	case STORE_OK:
		return EXIT_DONE;
	case STORE_INVALID:
		return EXIT_PROBLEMS;
	default:
		return EXIT_TROUBLE;
	}
}

int cli_open(const char *path, enum store_mode mode, struct session **s)
{
	char err[1024];
	enum store_status rc = session_open(path, mode, false, s, err, sizeof err);

	if (rc != STORE_OK) {
		cli_error("%s", err);
		return EXIT_TROUBLE;
	}
	if (store_recovery((*s)->st) != STORE_RECOVERY_NONE)
		cli_note("%s: %s", path, store_recovery_text((*s)->st));
	return EXIT_DONE;
}

int cli_getopt(int argc, char **argv, const char *shortopts,
               const struct option *longopts, const char *usage,
               void (*on_opt)(int opt, const char *arg, void *ctx), void *ctx)
{
	int c;

	optind = 0;     /* glibc: start afresh for this command's argv */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == '?' || c == ':') {
			/* Inside a cluster of short options ("-dash.apmwb"), optind
			 * still points at it; once past it, at the next. */
			const char *bad = optind < argc && argv[optind][0] == '-' &&
			                  (optind == 0 || argv[optind - 1][0] != '-' ||
			                   strchr(argv[optind], optopt)) ?
			                  argv[optind] : argv[optind - 1];

			if (c == ':' || (optopt && strchr(shortopts, optopt)))
				cli_error("%s: option '%s' needs a value", argv[0], bad);
			else if (bad[0] == '-' && bad[1] >= '0' && bad[1] <= '9')
				cli_error("%s: '%s' looks like a negative number; dollars "
				          "are never negative (to pass a value starting "
				          "with '-', put -- before the file)", argv[0], bad);
			else if (bad[0] == '-' && bad[1] != '-' && strchr(bad, '.'))
				cli_error("%s: '%s' reads as options; to name a file that "
				          "starts with '-', write ./%s", argv[0], bad, bad);
			else
				cli_error("%s: unknown option '%s'; see apmwb %s --help",
				          argv[0], bad, argv[0]);
			return -2;
		}
		on_opt(c, optarg, ctx);
	}
	return optind;
}

bool cli_out_open(struct cli_out *o, const char *path)
{
	char err[1024];

	memset(o, 0, sizeof *o);
	if (!outfile_open(&o->o, path, err, sizeof err)) {
		cli_error("%s", err);
		return false;
	}
	o->f = o->o.f;
	return true;
}

bool cli_out_close(struct cli_out *o, bool ok)
{
	char err[1024];
	bool done = outfile_close(&o->o, ok, err, sizeof err);

	if (!done && *err)
		cli_error("%s", err);
	o->f = NULL;
	return done;
}

char *cli_read_all(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;

	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			nb = mem_realloc_array(buf, cap + 1, 1);
			if (!nb) {
				cli_error("%s: too large to read into memory", path);
				mem_free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (buf && ferror(f)) {
		cli_error("%s: %s", path, strerror(errno));
		mem_free(buf);
		buf = NULL;
	}
	if (f != stdin)
		fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}
