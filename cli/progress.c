/* SPDX-License-Identifier: MIT */
/* progress.c: long work's progress on a terminal's stderr, and Ctrl-C.
 *
 * Work that can run past half a second (an import of a large worksheet,
 * its export, find, the checks that read every page and contract) tells
 * the store's progress function how far it has got (store.h).  On a
 * terminal this one draws one line on stderr once the work has run half a
 * second, at most five times a second, "importing: 31.2 of 69.7 MB (44%),
 * about 6 s left", and clears it when the work ends.  Ctrl-C asks the work
 * to stop at its next report, so it rolls back and the file is as it was;
 * a second Ctrl-C ends apmwb at once (the journal still keeps the file
 * whole).  When stderr is not a terminal nothing is drawn and Ctrl-C is
 * left as it always was, so scripts and pipes see what they see today. */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static volatile sig_atomic_t interrupted;

static struct {
	bool on;               /* stderr is a terminal */
	bool shown;            /* a line is on it now */
	bool started;          /* the current work's first report is in */
	int64_t start_ms, drawn_ms;
} pr;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void draw(const struct store_progress *p, int64_t elapsed)
{
	char line[256];

	session_progress_text(line, sizeof line, p, elapsed);
	fprintf(stderr, "\rapmwb: %s\033[K", line);
	fflush(stderr);
	pr.shown = true;
}

void cli_progress_clear(void)
{
	if (pr.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pr.shown = false;
}

static bool told(void *ctx, const struct store_progress *p)
{
	int64_t now = session_clock_ms();

	(void)ctx;
	if (p->finished) {
		cli_progress_clear();
		pr.started = false;
		return !interrupted;
	}
	if (!pr.started) {
		pr.started = true;
		pr.start_ms = now;
		pr.drawn_ms = 0;
	}
	if (now - pr.start_ms >= 500 && now - pr.drawn_ms >= 200) {
		draw(p, now - pr.start_ms);
		pr.drawn_ms = now;
	}
	return !interrupted;
}

void cli_progress_start(void)
{
	struct sigaction sa;

	pr.on = isatty(STDERR_FILENO) == 1;
	if (!pr.on)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESETHAND;   /* the second Ctrl-C ends apmwb */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	store_set_default_progress(told, NULL);
}

bool cli_interrupted(void)
{
	return interrupted != 0;
}
