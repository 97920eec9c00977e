/* SPDX-License-Identifier: MIT */
/* tabfit.c: fitting the tab bar to the terminal's width. */
#include <config.h>

#include <string.h>

#include "tabfit.h"
#include "wrap.h"

static int swidth(const char *s)
{
	return s ? wrap_width(s, strlen(s)) : 0;
}

static int col_width(const struct tabfit_in *t, const struct tabfit_out *o)
{
	int tw = wrap_width(t->title, o->title_len);
	int bw = swidth(o->full_badge ? t->badge : t->glyph);

	return tw > bw ? tw : bw;
}

static int total_width(const struct tabfit_in *in, struct tabfit_out *out,
                       int n)
{
	int sum = 0, shown = 0;

	for (int i = 0; i < n; i++) {
		if (out[i].x < 0)
			continue;
		out[i].w = col_width(&in[i], &out[i]);
		sum += out[i].w;
		shown++;
	}
	return sum + (shown > 1 ? (shown - 1) * TABFIT_GAP : 0);
}

/* Cuts title i by one character, keeping TABFIT_MIN_TITLE columns. */
static bool cut_title(const struct tabfit_in *t, struct tabfit_out *o)
{
	int w = wrap_width(t->title, o->title_len);

	if (w <= TABFIT_MIN_TITLE)
		return false;
	o->title_len = wrap_fit(t->title, o->title_len, w - 1);
	return true;
}

int tabfit(const struct tabfit_in *in, int n, int cur, int width,
           struct tabfit_out *out)
{
	int avail = width - 1, shown = n;

	for (int i = 0; i < n; i++) {
		out[i].x = 0;
		out[i].title_len = strlen(in[i].title);
		out[i].full_badge = true;
	}
	if (total_width(in, out, n) > avail)
		for (int i = 0; i < n; i++)
			if (i != cur)
				out[i].full_badge = false;
	/* Cut the longest other title a character at a time, so the tabs
	 * end up about equally short. */
	while (total_width(in, out, n) > avail) {
		int longest = -1, lw = 0;

		for (int i = 0; i < n; i++) {
			int w = wrap_width(in[i].title, out[i].title_len);

			if (i != cur && w > lw && w > TABFIT_MIN_TITLE) {
				longest = i;
				lw = w;
			}
		}
		if (longest < 0 || !cut_title(&in[longest], &out[longest]))
			break;
	}
	/* Leave out the tabs farthest from the current one. */
	while (total_width(in, out, n) > avail && shown > 1) {
		int far = -1, fd = -1;

		for (int i = 0; i < n; i++) {
			int d = i > cur ? i - cur : cur - i;

			if (out[i].x >= 0 && i != cur && d >= fd) {
				far = i;
				fd = d;
			}
		}
		if (far < 0)
			break;
		out[far].x = -1;
		shown--;
	}
	{
		int x = 1;

		total_width(in, out, n);
		for (int i = 0; i < n; i++) {
			if (out[i].x < 0)
				continue;
			out[i].x = x;
			x += out[i].w + TABFIT_GAP;
		}
	}
	return shown;
}
