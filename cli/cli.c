/* SPDX-License-Identifier: MIT */
/* cli.c: what the command line's commands share. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
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
	cli_progress_clear();
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

int cli_exit_for(enum store_status rc)
{
	switch (rc) {
	case STORE_OK:
	case STORE_UNCHANGED:
		return EXIT_DONE;
	case STORE_INVALID:
		return EXIT_PROBLEMS;
	case STORE_INTERRUPTED:
		return EXIT_INTERRUPTED;
	default:
		return EXIT_TROUBLE;
	}
}

/* A writer's open may check a small file's pages through a memory map,
 * where a read error (or another program cutting the file short) is a
 * SIGBUS instead of an error code.  A SIGBUS can come only from the map,
 * which exists only during the page check, before anything is written:
 * the message a read error gets anyway, and the exit. */
static char map_fault_msg[2048 * 3 + 256];
static size_t map_fault_len;

static void on_map_fault(int sig)
{
	(void)sig;
	if (write(STDERR_FILENO, map_fault_msg, map_fault_len) < 0) {
		/* nothing more to say */
	}
	_exit(EXIT_TROUBLE);
}

/* Around a writer's open only: later, nothing maps. */
static bool catch_map_faults(const char *path, struct sigaction *was,
                             sigset_t *mask_was)
{
	char clean[2048 * 3];
	struct sigaction sa;
	sigset_t bus;
	int n;

	sanitize_text(path, 0, clean, sizeof clean);
	/* A progress line on the terminal is cleared first, as vmessage
	 * does. */
	n = snprintf(map_fault_msg, sizeof map_fault_msg, "%sapmwb: %s: could "
	             "not read it while checking its pages (a read error, or "
	             "another program cut the file short); nothing was "
	             "changed; try again, and check the disk if it happens "
	             "again\n", isatty(STDERR_FILENO) == 1 ? "\r\033[K" : "",
	             clean);
	map_fault_len = n < 0 ? 0 : (size_t)n < sizeof map_fault_msg ?
	                (size_t)n : sizeof map_fault_msg - 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_map_fault;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, was) != 0)
		return false;
	/* Blocked (inherited so), a fault's SIGBUS would kill unheard. */
	sigemptyset(&bus);
	sigaddset(&bus, SIGBUS);
	if (sigprocmask(SIG_UNBLOCK, &bus, mask_was) != 0) {
		sigaction(SIGBUS, was, NULL);
		return false;
	}
	store_allow_mapped_checks(true);
	return true;
}

static void uncatch_map_faults(const struct sigaction *was,
                               const sigset_t *mask_was)
{
	store_allow_mapped_checks(false);
	sigprocmask(SIG_SETMASK, mask_was, NULL);
	sigaction(SIGBUS, was, NULL);
}

int cli_open(const char *path, enum store_mode mode, struct session **s)
{
	char err[1024];
	struct sigaction was;
	sigset_t mask_was;
	bool caught = mode != STORE_MODE_READ_ONLY &&
	              catch_map_faults(path, &was, &mask_was);
	enum store_status rc = session_open(path, mode, false, s, err,
	                                    sizeof err);

	if (caught)
		uncatch_map_faults(&was, &mask_was);
	if (rc != STORE_OK) {
		cli_error("%s", err);
		return EXIT_TROUBLE;
	}
	if (store_recovery((*s)->st) != STORE_RECOVERY_NONE)
		cli_note("%s: %s", path, store_recovery_text((*s)->st));
	return EXIT_DONE;
}

/* ---- running a command ---- */

/* The getopt_long tables of an entry's options, --help among them. */
static void option_tables(const struct cmd_entry *e, char *shortopts,
                          size_t n, struct option *longopts)
{
	size_t k = 0, used = 0;

	shortopts[used++] = e->options_first ? '+' : ':';
	if (e->options_first)
		shortopts[used++] = ':';
	for (const struct cmd_opt *o = e->opts; o->name; o++, k++) {
		longopts[k] = (struct option){ o->name, o->arg ? required_argument :
		                               no_argument, NULL, o->val };
		if (o->val > ' ' && o->val < 0x7f && used + 3 < n) {
			shortopts[used++] = (char)o->val;
			if (o->arg)
				shortopts[used++] = ':';
		}
	}
	longopts[k++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[k] = (struct option){ NULL, 0, NULL, 0 };
	shortopts[used++] = 'h';
	shortopts[used] = '\0';
}

/* What an unknown or incomplete option was: inside a cluster of short
 * options ("-dash.apmwb") optind still points at it; once past, at the
 * next. */
static const char *bad_option(int argc, char **argv)
{
	return optind < argc && argv[optind][0] == '-' &&
	       (optind == 0 || argv[optind - 1][0] != '-' ||
	        strchr(argv[optind], optopt)) ? argv[optind] : argv[optind - 1];
}

static int usage_error(const struct cmd_entry *e, int c, int argc,
                       char **argv)
{
	const char *bad = bad_option(argc, argv);

	if (c == ':')
		cli_error("%s: option '%s' needs a value", e->name, bad);
	else if (bad[0] == '-' && bad[1] >= '0' && bad[1] <= '9')
		cli_error("%s: '%s' looks like a negative number; dollars are "
		          "never negative (to pass a value starting with '-', put "
		          "-- before it)", e->name, bad);
	else if (bad[0] == '-' && bad[1] != '-' && strchr(bad, '.'))
		cli_error("%s: '%s' reads as options; to name a file that starts "
		          "with '-', write ./%s", e->name, bad, bad);
	else
		cli_error("%s: unknown option '%s'; see apmwb %s --help", e->name,
		          bad, e->name);
	return EXIT_TROUBLE;
}

static int operands_error(const struct cmd_entry *e)
{
	cli_error("%s: give %s (apmwb %s %s)", e->name,
	          e->max_args == 0 ? "no operands" : e->min_args == 0 ?
	          "at most one FILE" : "what its usage names", e->name,
	          e->synopsis);
	return EXIT_TROUBLE;
}

int cli_run(int argc, char **argv)
{
	const struct cmd_entry *e = cli_find(argv[0]);
	struct option longopts[16];
	struct cmd_ctx c = { .e = e };
	char shortopts[64];
	int ch, rc;

	option_tables(e, shortopts, sizeof shortopts, longopts);
	optind = 0;     /* glibc: start afresh for this command's argv */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (ch == 'h') {
			printf("Usage: apmwb %s %s\n%s", e->name, e->synopsis, e->help);
			return fflush(stdout) == 0 ? EXIT_DONE : EXIT_TROUBLE;
		}
		if (ch == '?' || ch == ':')
			return usage_error(e, ch, argc, argv);
		if (ch > 0 && ch < 128)
			c.opt[ch] = optarg ? optarg : "";
	}
	c.argc = argc - optind;
	c.argv = argv + optind;
	if (c.argc < e->min_args || (e->max_args >= 0 && c.argc > e->max_args))
		return operands_error(e);
	if (e->precheck && (rc = e->precheck(&c)) >= 0)
		return rc;
	cli_progress_start();
	if (e->open == CMD_OPEN_READ || e->open == CMD_OPEN_WRITE ||
	    (e->open == CMD_OPEN_READ_IF && c.argc > 0)) {
		rc = cli_open(c.argv[0], e->open == CMD_OPEN_WRITE ?
		              STORE_MODE_READ_WRITE : STORE_MODE_READ_ONLY, &c.s);
		if (rc != EXIT_DONE)
			return rc;
	}
	rc = e->run(&c);
	session_close(c.s);
	cli_progress_clear();
	/* Stopped by Ctrl-C (work that finished anyway keeps its code). */
	return rc != EXIT_DONE && cli_interrupted() ? EXIT_INTERRUPTED : rc;
}

/* ---- output ---- */

/* A stream that sanitises each line written through it to the terminal,
 * holding one line at a time; a CSV's CRLF ends a line like LF. */
struct term_stream {
	FILE *to;
	char *line;
	size_t len, cap;
	bool failed;
};

static void term_line(struct term_stream *t, bool newline)
{
	char buf[1024], *clean = buf;

	if (t->len && t->line[t->len - 1] == '\r' && newline)
		t->len--;
	t->line[t->len] = '\0';
	/* A line of the usual length is sanitised on the stack. */
	if (sanitize_text(t->line, 0, buf, sizeof buf) >= sizeof buf)
		clean = sanitize_dup(t->line, 0);
	if (!clean || fputs(clean, t->to) == EOF ||
	    (newline && fputc('\n', t->to) == EOF))
		t->failed = true;
	if (clean != buf)
		mem_free(clean);
	t->len = 0;
}

static ssize_t term_write(void *cookie, const char *buf, size_t n)
{
	struct term_stream *t = cookie;

	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			term_line(t, true);
			continue;
		}
		if (t->len + 1 >= t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 4096;
			char *grown = mem_realloc_array(t->line, cap, 1);

			if (!grown) {
				errno = ENOMEM;
				return -1;
			}
			t->line = grown;
			t->cap = cap;
		}
		t->line[t->len++] = buf[i];
	}
	return t->failed ? -1 : (ssize_t)n;
}

static int term_close(void *cookie)
{
	struct term_stream *t = cookie;
	int rc;

	if (t->len)
		term_line(t, false);
	rc = t->failed ? EOF : 0;
	mem_free(t->line);
	mem_free(t);
	return rc;
}

static FILE *term_open(FILE *to)
{
	static const cookie_io_functions_t io = {
		.write = term_write, .close = term_close,
	};
	struct term_stream *t = mem_calloc(1, sizeof *t);
	FILE *f;

	if (!t)
		return NULL;
	t->to = to;
	f = fopencookie(t, "w", io);
	if (!f)
		mem_free(t);
	return f;
}

bool cli_out_open(struct cli_out *o, const char *path, bool sanitise)
{
	char err[1024];

	memset(o, 0, sizeof *o);
	if (!outfile_open(&o->o, path, err, sizeof err)) {
		cli_error("%s", err);
		return false;
	}
	o->f = o->o.f;
	if (sanitise && !o->o.path && isatty(fileno(stdout))) {
		/* In blocks, not a write a line (a terminal's stdout is line
		 * buffered): nothing has been written to it yet. */
		setvbuf(stdout, NULL, _IOFBF, 65536);
		o->term = term_open(stdout);
		if (!o->term) {
			cli_error("out of memory");
			outfile_close(&o->o, false, err, sizeof err);
			return false;
		}
		o->f = o->term;
	}
	return true;
}

bool cli_out_close(struct cli_out *o, bool ok)
{
	char err[1024];
	bool done;

	if (o->term && fclose(o->term) != 0 && ok) {
		cli_error("could not write to the terminal");
		ok = false;
	}
	done = outfile_close(&o->o, ok, err, sizeof err);
	if (!done && *err)
		cli_error("%s", err);
	o->f = o->term = NULL;
	return done;
}
