/* SPDX-License-Identifier: MIT */
/* picker.c: choosing from a list in a box over the screen: one choice, or
 * several with a box to mark each (at most a given number).
 *
 * Drawn here rather than by libmenu, whose multi-valued menus put their
 * mark on the cursor's row whether or not it is marked; here a row reads
 * "[x]" only when it is chosen.  The picker is a state of the one input
 * loop (overlay.c): what was picked goes to the caller's callback. */
#include <config.h>

#include <string.h>

#include "mem.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"

static void pick_free(struct overlay *o)
{
	struct pick *p = &o->u.pk;

	for (int i = 0; p->names && i < p->n; i++)
		mem_free(p->names[i]);
	mem_free(p->names);
	mem_free(p->marks);
}

/* The keys under the list. */
static void foot_text(const struct app *a, const struct pick *p, char *foot,
                      size_t n)
{
	if (p->multi && p->refused)
		snprintf(foot, n, "at most %d: unmark one first", p->max);
	else if (p->multi && p->max > 0)
		snprintf(foot, n, "space marks (at most %d) %s Enter saves %s Esc "
		         "leaves it", p->max, a->g->dot, a->g->dot);
	else if (p->multi)
		snprintf(foot, n, "space marks %s Enter saves %s Esc leaves it as "
		         "it was", a->g->dot, a->g->dot);
	else
		snprintf(foot, n, "Enter picks %s 1-9 a row %s Esc leaves it as "
		         "it was", a->g->dot, a->g->dot);
}

/* The box's size and place for the screen as it is now: as wide as its
 * keys too, so they are never cut where the screen has room. */
static void geometry(const struct app *a, const struct pick *p, int *y,
                     int *x, int *h, int *w)
{
	char foot[200];
	int iw = ui_width(p->title) + 4;

	foot_text(a, p, foot, sizeof foot);
	if (ui_width(foot) > iw)
		iw = ui_width(foot);
	for (int i = 0; i < p->n; i++)
		if (ui_width(p->names[i]) + 6 > iw)
			iw = ui_width(p->names[i]) + 6;
	if (iw < 44)
		iw = 44;
	if (iw > a->W - 6)
		iw = a->W - 6;
	*w = iw + 2;
	*h = a->H - 8;
	*x = (a->W - *w) / 2;
	*y = 0;
}

struct rowlines {
	int n;
};

static void count(void *ctx, const char *s, size_t n)
{
	(void)s;
	(void)n;
	((struct rowlines *)ctx)->n++;
}

/* The lines item k takes: a long one wraps, never cut. */
static int item_lines(const struct pick *p, int k, int w)
{
	struct rowlines c = { 0 };

	wrap_text(p->names[k], w - (p->multi ? 7 : 5), count, &c);
	return c.n > 0 ? c.n : 1;
}

static void pick_draw(struct app *a, struct overlay *o)
{
	struct pick *p = &o->u.pk;
	char foot[200];
	int y, x, h, w, used = 0, need = 0;

	geometry(a, p, &y, &x, &h, &w);
	/* The rows from top to the cursor's fit; the box as tall as needed. */
	if (p->cur < p->top)
		p->top = p->cur;
	for (int k = p->top; k <= p->cur; k++)
		used += item_lines(p, k, w);
	while (used > h && p->top < p->cur)
		used -= item_lines(p, p->top++, w);
	for (int k = 0; k < p->n; k++)
		need += item_lines(p, k, w);
	if (need < h)
		h = need;
	y = (a->H - h - 4) / 2;
	ov_frame(a, y, x, h + 4, w, p->title);
	used = 0;
	for (int k = p->top; k < p->n && used < h; k++) {
		bool cur = k == p->cur;
		int n = item_lines(p, k, w);
		char mark[8];

		if (p->multi)
			snprintf(mark, sizeof mark, "%s", p->marks[k] ? "[x]" : "[ ]");
		else
			snprintf(mark, sizeof mark, "%s", cur ? ">" : " ");
		for (int i = 0; cur && i < n && used + i < h; i++)
			ui_fill(stdscr, y + 1 + used + i, x + 1, w - 2,
			        theme(R_CURSOR));
		ui_put(stdscr, y + 1 + used, x + 1, 3, mark,
		       theme(cur ? R_CURSOR : R_NORMAL));
		ui_put_wrapped(stdscr, y + 1 + used, x + (p->multi ? 5 : 3),
		               w - (p->multi ? 6 : 4), h - used, p->names[k],
		               theme(cur ? R_CURSOR : R_NORMAL));
		used += n;
	}
	foot_text(a, p, foot, sizeof foot);
	ui_put_cut(stdscr, y + h + 2, x + 1, w - 2, foot,
	           theme(p->refused ? R_BAD : R_DIM));
}

static void toggle(struct pick *p)
{
	int count = 0;

	if (p->cur >= p->nchoices)
		return;
	for (int i = 0; i < p->nchoices; i++)
		count += p->marks[i];
	p->refused = !p->marks[p->cur] && p->max > 0 && count >= p->max;
	if (p->refused) {
		beep();
		return;
	}
	p->marks[p->cur] = !p->marks[p->cur];
}

/* Closes the box, then hands the pick to the caller (which may open
 * another box or a prompt). */
static void picked(struct app *a, struct pick *p)
{
	pick_fn done = p->done;
	struct pick_arg arg = p->arg;
	int choice = p->cur >= p->nchoices ? -1 : p->cur;
	bool *marks = p->marks;

	p->marks = NULL;
	ov_pop(a);
	if (done)
		done(a, choice, marks, &arg);
	mem_free(marks);
}

static void pick_key(struct app *a, struct overlay *o, int ch, bool fkey)
{
	struct pick *p = &o->u.pk;
	int page = a->H - 10 > 1 ? a->H - 10 : 1;

	p->refused = p->refused && !fkey && (ch == ' ' || ch == 'x');
	if (key_enter(ch, fkey)) {
		picked(a, p);
		return;
	}
	if (!fkey && (ch == KEY_ESC || ch == 'q')) {
		ov_pop(a);
		return;
	}
	if (!fkey && ch >= '1' && ch <= '9' && ch - '1' < p->n) {
		p->cur = ch - '1';
		if (p->multi)
			toggle(p);
		return;
	}
	if (p->multi && !fkey && (ch == ' ' || ch == 'x')) {
		toggle(p);
		return;
	}
	if ((fkey && ch == KEY_UP) || (!fkey && ch == 'k'))
		p->cur--;
	else if ((fkey && ch == KEY_DOWN) || (!fkey && (ch == 'j' || ch == '\t')))
		p->cur++;
	else if (fkey && ch == KEY_PPAGE)
		p->cur -= page;
	else if (fkey && ch == KEY_NPAGE)
		p->cur += page;
	else if ((fkey && ch == KEY_HOME) || (!fkey && ch == 'g'))
		p->cur = 0;
	else if ((fkey && ch == KEY_END) || (!fkey && ch == 'G'))
		p->cur = p->n - 1;
	if (p->cur >= p->n)
		p->cur = p->n - 1;
	if (p->cur < 0)
		p->cur = 0;
}

static struct pick *pick_open(struct app *a, const char *title,
                              const char *const *items, int n,
                              const char *extra, pick_fn done,
                              const struct pick_arg *arg)
{
	struct overlay *o = n > 0 ? ov_push(a) : NULL;
	struct pick *p;

	if (!o)
		return NULL;
	o->draw = pick_draw;
	o->key = pick_key;
	o->free = pick_free;
	p = &o->u.pk;
	sanitize_text(title ? title : "", 0, p->title, sizeof p->title);
	p->nchoices = n;
	p->n = n + (extra ? 1 : 0);
	p->done = done;
	if (arg)
		p->arg = *arg;
	p->names = mem_calloc((size_t)p->n, sizeof *p->names);
	p->marks = mem_calloc((size_t)p->n, sizeof *p->marks);
	for (int i = 0; p->names && p->marks && i < p->n; i++)
		if (!(p->names[i] = sanitize_dup(i < n ? items[i] : extra, 0)))
			break;
	if (!p->names || !p->marks || !p->names[p->n - 1]) {
		ov_pop(a);
		app_msg(a, R_MSG_ERR, "out of memory: the list cannot be shown");
		return NULL;
	}
	return p;
}

void picker_choice(struct app *a, const char *title, const char *const *items,
                   int n, int current, bool allow_blank, pick_fn done,
                   const struct pick_arg *arg)
{
	struct pick *p = pick_open(a, title, items, n,
	                           allow_blank ? "(no answer)" : NULL, done, arg);

	if (p && current >= 0 && current < p->n)
		p->cur = current;
}

void picker_multi(struct app *a, const char *title, const char *const *items,
                  int n, const bool *sel, int max, pick_fn done,
                  const struct pick_arg *arg)
{
	struct pick *p = pick_open(a, title, items, n, NULL, done, arg);

	if (!p)
		return;
	p->multi = true;
	p->max = max;
	for (int i = 0; i < n; i++)
		p->marks[i] = sel[i];
}
