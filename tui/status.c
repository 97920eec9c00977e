/* SPDX-License-Identifier: MIT */
/* status.c: the title bar, the tab bar, the message line and the status
 * line: the submission's state always in sight. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "sanitize.h"
#include "tabfit.h"
#include "texts.h"
#include "ui.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* " apmwb · acme.apmwb · Acme Health Plan      READ-ONLY · DRAFT · saved 14:02:11" */
static void title_draw(struct app *a)
{
	struct store_signoff so;
	char state[120], left[400], org[200], file[300], when[360] = "";
	int oq = a->ed->name_q, sw, ww;
	const char *on = oq >= 0 ? answers_get(a->s->a, oq) : NULL;
	const char *dot = a->g->dot;

	store_signoff(a->s->st, &so);
	if (a->save_failed) {
		snprintf(when, sizeof when, "NOT SAVED");
	} else if (a->saved_at) {
		struct tm tm;

		localtime_r(&a->saved_at, &tm);
		strftime(when, sizeof when, "saved %H:%M:%S", &tm);
	} else if (!a->ro) {
		snprintf(when, sizeof when, "all saved");
	}
	if (session_against_path(a->s)) {
		/* What the reviewer walks: the answers and figures that differ. */
		long long n = (long long)session_differences(a->s);

		char old[300];

		sanitize_text(base_name(session_against_path(a->s)), 0, old,
		              sizeof old);
		n += (long long)session_contracts_changed(a->s) +
		     session_contracts_deleted(a->s);
		snprintf(when, sizeof when, "%s %lld changed since %s",
		         a->g->differs, n, old);
	}
	snprintf(state, sizeof state, "%s%s%s%s%s%s ", a->ro ? "READ-ONLY " : "",
	         a->ro ? dot : "", a->ro ? " " : "",
	         so.complete ? "COMPLETE" : "DRAFT", *when ? " " : "",
	         *when ? dot : "");
	sanitize_text(on ? on : "", 0, org, sizeof org);
	sanitize_text(base_name(store_path(a->s->st)), 0, file, sizeof file);
	snprintf(left, sizeof left, " apmwb %s %s%s%s%s", dot, file,
	         *org ? " " : "", *org ? dot : "", "");
	if (*org) {
		size_t n = strlen(left);

		snprintf(left + n, sizeof left - n, " %s", org);
	}
	ui_fill(stdscr, 0, 0, a->W, theme(R_TITLE));
	ww = *when ? ui_width(when) + 1 : 0;
	sw = ui_width(state);
	ui_put_cut(stdscr, 0, 0, a->W - sw - ww - 1, left, theme(R_TITLE));
	ui_put(stdscr, 0, a->W - sw - ww, sw, state, theme(R_TITLE));
	if (*when)
		ui_put(stdscr, 0, a->W - ww, ww, when,
		       theme(a->save_failed ? R_MSG_ERR : R_TITLE));
}

bool app_tab_off(const struct app *a, int tab, char *why, size_t n)
{
	const struct figures *f = app_figures(a);
	const struct tab *t;

	if (tab >= (int)a->ed->ntabs)
		return false;
	t = &a->ed->tabs[tab];
	if (t->lob != LOB_NONE && t->lob < LOB_COUNT && !f->xc[t->lob].selected) {
		int sq = edition_line_selector(a->ed, t->lob);

		if (why)
			snprintf(why, n, "%s is not selected under the lines of "
			         "business on %s, so its dollars are not asked.",
			         edition_line_name(a->ed, t->lob),
			         a->ed->tabs[sq >= 0 ? a->ed->qs[sq].tab : 0].title);
		return true;
	}
	return false;
}

/* Against an older file: does an answer or row of tab t differ? */
static bool tab_differs(struct app *a, int t)
{
	const struct tab *tb = &a->ed->tabs[t];

	if (!session_against_path(a->s))
		return false;
	if (t == a->nr_tab && (session_contracts_changed(a->s) ||
	                       session_contracts_deleted(a->s)))
		return true;
	if (t == a->xc_tab) {
		/* The cross-checks are figures of their own, not answers. */
		static const char *const parts[] = { "sum", "ok", "diff" };
		char prefix[64];

		for (int l = 0; l < LOB_COUNT; l++) {
			snprintf(prefix, sizeof prefix, "xc.%s", lob_id(l));
			if (app_figures_differ(a, prefix, parts, 3))
				return true;
		}
	}
	for (int q = tb->first_q; q < tb->first_q + tb->nq; q++)
		if (app_differs(a, q))
			return true;
	return false;
}

/* The tab's short title, marked when it holds a change. */
static void tab_title(struct app *a, int t, char *buf, size_t n)
{
	char clean[56];   /* room left for the mark */

	sanitize_text(a->ed->tabs[t].short_title, 0, clean, sizeof clean);
	snprintf(buf, n, "%s%s", tab_differs(a, t) ? a->g->differs :
	         "", clean);
}

void tabbar_draw(struct app *a)
{
	struct tabfit_in in[32] = { { 0 } };
	struct tabfit_out out[32];
	char titles[32][64], badges[32][40], glyphs[32][16];
	int n = a->ntabs < 32 ? a->ntabs : 32;

	for (int t = 0; t < n; t++) {
		int errors = 0, warnings = 0;
		bool off = app_tab_off(a, t, NULL, 0);
		const struct tab_progress *p = NULL;

		if (t == a->help_tab) {
			snprintf(titles[t], sizeof titles[t], "Help");
			badges[t][0] = glyphs[t][0] = '\0';
		} else {
			tab_title(a, t, titles[t], sizeof titles[t]);
			if (t == a->xc_tab) {
				/* The whole submission's checks. */
				errors = (int)app_checks(a)->errors;
				warnings = (int)(app_checks(a)->warnings -
				                 app_checks(a)->acknowledged);
			} else {
				checks_count_tab(app_checks(a), t, &errors,
				                 &warnings);
				p = &app_figures(a)->progress[t];
			}
			texts_tab_badge(p, errors, warnings, off, a->g, badges[t],
			                sizeof badges[t], glyphs[t],
			                sizeof glyphs[t]);
			if (t == a->xc_tab && (errors || warnings)) {
				if (errors && warnings)
					snprintf(badges[t], sizeof badges[t], "%s%d %s%d",
					         a->g->bad, errors, a->g->warn, warnings);
				else
					snprintf(badges[t], sizeof badges[t], "%s%d",
					         errors ? a->g->bad : a->g->warn,
					         errors ? errors : warnings);
				snprintf(glyphs[t], sizeof glyphs[t], "%s%d",
				         errors ? a->g->bad : a->g->warn,
				         errors ? errors : warnings);
			}
		}
		in[t] = (struct tabfit_in){ titles[t], badges[t], glyphs[t] };
	}
	tabfit(in, n, a->tab, a->W, out);
	ui_fill(stdscr, 1, 0, a->W, theme(R_TAB));
	ui_fill(stdscr, 2, 0, a->W, theme(R_TAB));
	for (int t = 0; t < n; t++) {
		bool off = app_tab_off(a, t, NULL, 0);
		const char *b = out[t].full_badge ? badges[t] : glyphs[t];
		enum role br = R_DIM;
		char title[64];

		if (out[t].x < 0)
			continue;
		snprintf(title, sizeof title, "%.*s", (int)out[t].title_len,
		         titles[t]);
		if (t == a->tab) {
			ui_fill(stdscr, 1, out[t].x - 1, out[t].w + 2,
			        theme(R_TAB_CUR));
			ui_put(stdscr, 1, out[t].x, out[t].w, title,
			       theme(R_TAB_CUR));
		} else {
			ui_put(stdscr, 1, out[t].x, out[t].w, title,
			       theme(off ? R_TAB_OFF : R_TAB));
		}
		if (strstr(b, a->g->bad))
			br = R_BAD;
		else if (strstr(b, a->g->ok))
			br = R_GOOD;
		else if (*b == '!' || strstr(b, a->g->warn) == b)
			br = R_WARN;
		ui_put(stdscr, 2, out[t].x, out[t].w, b, theme(br));
	}
}

void status_draw(struct app *a)
{
	char xc[400], counts[120], e[40], w[40], right[80];
	const struct check_list *cl = app_checks(a);
	int y = a->H - 1, rw;

	texts_xc_summary(a->ed, app_figures(a)->xc, " \u00b7 ", xc, sizeof xc);
	if (!a->utf8)
		texts_xc_summary(a->ed, app_figures(a)->xc, " - ", xc, sizeof xc);
	texts_count(cl->errors, "error", "errors", e, sizeof e);
	texts_count(cl->warnings - cl->acknowledged, "warning", "warnings", w,
	            sizeof w);
	snprintf(counts, sizeof counts, "%s%s%s", e, *e && *w ? ", " : "", w);
	snprintf(right, sizeof right, "F1 help  F10 quit ");
	title_draw(a);
	ui_fill(stdscr, y, 0, a->W, theme(R_NORMAL));
	rw = ui_width(right);
	{
		int x = 1;

		/* The counts first: they are what sign-off waits for. */
		if (*counts)
			x += ui_put(stdscr, y, x, a->W - rw - 2, counts,
			            theme(cl->errors ? R_BAD : R_WARN)) + 2;
		ui_put_stored(stdscr, y, x, a->W - rw - x - 1, xc, theme(R_NORMAL));
	}
	ui_put(stdscr, y, a->W - rw, rw, right, theme(R_DIM));
	ui_fill(stdscr, a->H - 2, 0, a->W, theme(R_NORMAL));
}

void message_draw(struct app *a)
{
	int lines;

	if (a->edit.kind == EDIT_PROMPT) {
		ui_fill(stdscr, a->H - 2, 0, a->W, theme(R_NORMAL));
		ui_put_cut(stdscr, a->H - 2, 1, a->edit.x - 2, a->edit.label,
		           theme(R_KEY));
		return;
	}
	if (!a->msg[0])
		return;
	/* A message too long for its line takes the one above as well, so
	 * a reason is never cut. */
	lines = ui_width(a->msg) > a->W - 2 ? 2 : 1;
	for (int i = 0; i < lines; i++)
		ui_fill(stdscr, a->H - 1 - lines + i, 0, a->W, theme(R_NORMAL));
	if (lines == 1)
		ui_put(stdscr, a->H - 2, 1, a->W - 2, a->msg, theme(a->msg_role));
	else
		ui_put_wrapped(stdscr, a->H - 3, 1, a->W - 1, 2, a->msg,
		               theme(a->msg_role));
}
