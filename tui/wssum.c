/* SPDX-License-Identifier: MIT */
/* wssum.c: the nominal-risk summary under the worksheet, as the workbook
 * heads it: per line the dollars that MEET the LAN nominal risk
 * threshold, that DO NOT MEET it, and their Total, each with its "% Total
 * Spend", and the total spend each share is taken of.  Columns are as
 * wide as their figures, so no figure turns into ###; when they cannot
 * all fit on a line, the shares go on a line of their own. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "money.h"
#include "texts.h"
#include "ui.h"
#include "wrap.h"

#define GROUPS 3

static const char *const heads[GROUPS] = {
	"MEETS LAN Nominal Risk Threshold",
	"DOES NOT MEET LAN Nominal Risk Threshold",
	"Total",
};

struct sumlay {
	bool two_rows;             /* shares under the dollars */
	int label_w, x[GROUPS], w[GROUPS], dw[GROUPS], pw[GROUPS];
	int head_lines;
};

static bool shown(const struct figures *f, int l)
{
	return l == NR_ALL || f->xc[l].selected;
}

static void cell(const struct nr_line *n, int k, char *d, size_t dn, char *p,
                 size_t pn)
{
	const struct money_fig *m = k == 0 ? &n->meets : k == 1 ? &n->fails :
	                            &n->total;
	const struct share_fig *s = k == 0 ? &n->meets_share :
	                            k == 1 ? &n->fails_share : &n->total_share;

	d[0] = p[0] = '\0';
	if (!m->has)
		return;
	ws_dollars_text(m->cents, d, dn);
	texts_share(s, p, pn);
}

/* The lines a header takes wrapped to width w. */
static void count_line(void *ctx, const char *s, size_t n)
{
	(void)s;
	(void)n;
	(*(int *)ctx)++;
}

static int head_lines(const char *h, int w)
{
	int n = 0;

	wrap_text(h, w, count_line, &n);
	return n;
}

static struct sumlay lay_out(const struct app *a)
{
	const struct figures *f = app_figures(a);
	struct sumlay L = { .label_w = 10 };
	int used, spare;

	for (int k = 0; k < GROUPS; k++) {
		L.dw[k] = 7;   /* "Dollars" */
		L.pw[k] = 5;
		for (int l = 0; l <= NR_ALL; l++) {
			char d[MONEY_BUFSZ], p[PCT_BUFSZ + 2];

			if (!shown(f, l))
				continue;
			cell(&f->nr[l], k, d, sizeof d, p, sizeof p);
			if (ui_width(d) > L.dw[k])
				L.dw[k] = ui_width(d);
			if (ui_width(p) > L.pw[k])
				L.pw[k] = ui_width(p);
		}
		L.w[k] = L.dw[k] + 1 + L.pw[k];
	}
	used = 1 + L.label_w + L.w[0] + L.w[1] + L.w[2] + 2;
	if (used > a->W - 1) {
		L.two_rows = true;
		for (int k = 0; k < GROUPS; k++)
			L.w[k] = L.dw[k] > L.pw[k] ? L.dw[k] : L.pw[k];
		used = 1 + L.label_w + L.w[0] + L.w[1] + L.w[2] + 2;
	}
	/* What is left widens the groups, first so no header needs more than
 	 * two lines, then up to a header on one line each. */
	spare = a->W - 1 - used;
	for (int k = 0; k < GROUPS; k++)
		while (spare > 0 && head_lines(heads[k], L.w[k]) > 2) {
			L.w[k]++;
			spare--;
		}
	for (bool more = true; more && spare > 0;) {
		more = false;
		for (int k = 0; k < GROUPS && spare > 0; k++)
			if (L.w[k] < ui_width(heads[k])) {
				L.w[k]++;
				spare--;
				more = true;
			}
	}
	L.x[0] = 1 + L.label_w + 1;
	L.x[1] = L.x[0] + L.w[0] + 1;
	L.x[2] = L.x[1] + L.w[1] + 1;
	L.head_lines = 1;
	for (int k = 0; k < GROUPS; k++)
		if (head_lines(heads[k], L.w[k]) > L.head_lines)
			L.head_lines = head_lines(heads[k], L.w[k]);
	return L;
}

/* The total spend each share is taken of, as words. */
static char *spend_text(const struct app *a)
{
	const struct figures *f = app_figures(a);
	char *text = mem_printf("%s", "% Total Spend: of each line's row 1,");

	for (int l = 0; text && l <= NR_ALL; l++) {
		char d[MONEY_BUFSZ] = "blank", *more;

		if (!shown(f, l))
			continue;
		if (f->nr[l].spend.has)
			ws_dollars_text(f->nr[l].spend.cents, d, sizeof d);
		more = mem_printf("%s %s %s%s", text, l == NR_ALL ? "all lines" :
		                  edition_line_nr_name(a->ed, l), d, l == NR_ALL ? "." : ",");
		mem_free(text);
		text = more;
	}
	return text;
}

int ws_summary_height(const struct app *a)
{
	const struct figures *f = app_figures(a);
	struct sumlay L = lay_out(a);
	char *spend = spend_text(a);
	int rows = 0, spend_lines = 1;

	for (int l = 0; l <= NR_ALL; l++)
		rows += shown(f, l) ? (L.two_rows ? 2 : 1) : 0;
	if (spend) {
		spend_lines = 0;
		wrap_text(spend, a->W - 3, count_line, &spend_lines);
	}
	mem_free(spend);
	return L.head_lines + rows + spend_lines;
}

static void draw_heads(const struct sumlay *L, int y)
{
	for (int k = 0; k < GROUPS; k++)
		ui_put_wrapped(stdscr, y, L->x[k], L->w[k] + 1, L->head_lines,
		               heads[k], theme(R_HEADING));
	ui_put(stdscr, y + L->head_lines - 1, 1, L->label_w, "Line",
	       theme(R_DIM));
}

void ws_summary_draw(struct app *a, int y)
{
	const struct figures *f = app_figures(a);
	struct sumlay L = lay_out(a);
	char *spend;

	draw_heads(&L, y);
	y += L.head_lines;
	for (int l = 0; l <= NR_ALL; l++) {
		if (!shown(f, l))
			continue;
		ui_put_stored(stdscr, y, 1, L.label_w, l == NR_ALL ? "Total" :
		              edition_line_nr_name(a->ed, l),
		              theme(l == NR_ALL ? R_HEADING : R_LABEL));
		{
			static const char *const parts[] = {
				"meets", "fails", "total", "meets.share",
				"fails.share", "total.share"
			};
			char prefix[64];

			snprintf(prefix, sizeof prefix, "nr.%s",
			         l == NR_ALL ? "all" : lob_nr_id(l));
			app_mark_figures(a, y, 0, prefix, parts, 6);
		}
		for (int k = 0; k < GROUPS; k++) {
			char d[MONEY_BUFSZ], p[PCT_BUFSZ + 2];

			cell(&f->nr[l], k, d, sizeof d, p, sizeof p);
			if (L.two_rows) {
				ui_put_num(stdscr, y, L.x[k], L.w[k], d, theme(R_VALUE));
				ui_put_num(stdscr, y + 1, L.x[k], L.w[k], p,
				           theme(R_NORMAL));
			} else {
				ui_put_num(stdscr, y, L.x[k], L.w[k] - L.pw[k] - 1, d,
				           theme(R_VALUE));
				ui_put_num(stdscr, y, L.x[k] + L.w[k] - L.pw[k], L.pw[k],
				           p, theme(R_NORMAL));
			}
		}
		y += L.two_rows ? 2 : 1;
	}
	if ((spend = spend_text(a)))
		ui_put_wrapped(stdscr, y, 1, a->W - 2, 3, spend, theme(R_DIM));
	mem_free(spend);
}
