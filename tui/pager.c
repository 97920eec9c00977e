/* SPDX-License-Identifier: MIT */
/* pager.c: two boxes over the screen: a help text to scroll through, and
 * the searchable list of every definition of the edition (Enter reads one
 * in a pager over the list).  Both are states of the one input loop. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"

static void defs_key(struct app *a, struct overlay *o, int ch, bool fkey);

/* ---- the pager ---- */

static void lines_drop(struct pager *p)
{
	for (int i = 0; i < p->n; i++)
		mem_free(p->lines[i]);
	mem_free(p->lines);
	p->lines = NULL;
	p->n = 0;
}

static void collect(void *ctx, const char *s, size_t n)
{
	struct pager *p = ctx;
	char **nv = mem_realloc_array(p->lines, (size_t)p->n + 1, sizeof *nv);

	if (!nv)
		return;
	p->lines = nv;
	if ((p->lines[p->n] = mem_strndup(s, n)))
		p->n++;
}

static void pager_free(struct overlay *o)
{
	lines_drop(&o->u.pg);
	mem_free(o->u.pg.text);
}

/* The box: all but a column each side and the status line. */
static void box_size(const struct app *a, int *h, int *w)
{
	*h = a->H - 2;
	*w = a->W - 4;
}

static void pager_draw(struct app *a, struct overlay *o)
{
	struct pager *p = &o->u.pg;
	char title[300], foot[200];
	int h, w, body;

	box_size(a, &h, &w);
	body = h - 3;
	if (p->wrap_w != w - 4) {
		/* A new width (a resize): wrap again. */
		lines_drop(p);
		wrap_text(p->text, w - 4, collect, p);
		p->wrap_w = w - 4;
	}
	if (p->top > p->n - body)
		p->top = p->n - body;
	if (p->top < 0)
		p->top = 0;
	snprintf(title, sizeof title, "Help %s %s", a->g->dot, p->title);
	ov_frame(a, 1, 2, h, w, title);
	for (int i = 0; i < body && p->top + i < p->n; i++)
		ui_put(stdscr, 2 + i, 4, w - 4, p->lines[p->top + i],
		       theme(R_NORMAL));
	snprintf(foot, sizeof foot, "%s/ searches the definitions %s Esc "
	         "closes %s %d%%", p->n > body ? "\u2191\u2193 PgUp PgDn scroll "
	         "\u00b7 " : "", a->g->dot, a->g->dot, p->n <= body ? 100 :
	         100 * (p->top + body) / p->n);
	ui_put_cut(stdscr, h - 1, 4, w - 4, foot, theme(R_DIM));
}

static void pager_key(struct app *a, struct overlay *o, int ch, bool fkey)
{
	struct pager *p = &o->u.pg;
	int body = a->H - 5;

	if (fkey) {
		switch (ch) {
		case KEY_DOWN: p->top++; break;
		case KEY_UP: p->top--; break;
		case KEY_NPAGE: p->top += body - 1; break;
		case KEY_PPAGE: p->top -= body - 1; break;
		case KEY_HOME: p->top = 0; break;
		case KEY_END: p->top = p->n - body; break;
		case KEY_F(1): ov_pop(a); break;
		}
		return;
	}
	switch (ch) {
	case 'j': p->top++; break;
	case ' ': p->top += body - 1; break;
	case 'k': p->top--; break;
	case 'g': p->top = 0; break;
	case 'G': p->top = p->n - body; break;
	case '/':
		/* Over the list already (Enter read a term): back to it. */
		ov_pop(a);
		if (a->nov == 0 || a->ov[a->nov - 1].key != defs_key)
			defs_open(a, NULL);
		break;
	case KEY_ESC: case 'q': case '?': case '\r': case '\n':
		ov_pop(a);
		break;
	}
}

void pager_open(struct app *a, const char *title, const char *text)
{
	struct overlay *o = ov_push(a);

	if (!o)
		return;
	o->draw = pager_draw;
	o->key = pager_key;
	o->free = pager_free;
	sanitize_text(title ? title : "", 0, o->u.pg.title,
	              sizeof o->u.pg.title);
	o->u.pg.text = sanitize_dup(text ? text : "", SANITIZE_KEEP_NEWLINES);
	if (!o->u.pg.text)
		ov_pop(a);
}

/* ---- the definitions ---- */

static bool holds(const char *text, const char *s, size_t n)
{
	for (const char *p = text; *p; p++)
		if (strncasecmp(p, s, n) == 0)
			return true;
	return false;
}

/* 2 when the term holds the search, 1 when only its text does. */
static int matches(const struct definition *d, const char *s)
{
	size_t n = strlen(s);

	if (!n || holds(d->term, s, n))
		return 2;
	return holds(d->body, s, n) ? 1 : 0;
}

/* Terms that hold the search first, then texts that do. */
static void defs_search(struct app *a, struct defs *d)
{
	d->nhits = 0;
	for (int pass = 2; pass >= 1; pass--)
		for (size_t i = 0; i < a->ed->ndefs; i++)
			if (matches(&a->ed->defs[i], d->search) == pass)
				d->hits[d->nhits++] = (int)i;
	if (d->cur >= d->nhits)
		d->cur = d->nhits - 1;
	if (d->cur < 0)
		d->cur = 0;
}

static void defs_free(struct overlay *o)
{
	mem_free(o->u.df.hits);
}

static void defs_draw(struct app *a, struct overlay *o)
{
	struct defs *d = &o->u.df;
	char line[200];
	int h, w, body;

	box_size(a, &h, &w);
	body = h - 4;
	d->shown = body;
	/* The view never starts past what is left to show. */
	if (d->top > d->nhits - body)
		d->top = d->nhits - body;
	if (d->top < 0)
		d->top = 0;
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + body)
		d->top = d->cur - body + 1;
	snprintf(line, sizeof line, "Help %s Definitions (%d of %zu)",
	         a->g->dot, d->nhits, a->ed->ndefs);
	ov_frame(a, 1, 2, h, w, line);
	snprintf(line, sizeof line, "Search: %s", d->search);
	ui_put_stored(stdscr, 2, 4, w - 4, line, theme(R_KEY));
	for (int i = 0; i < body && d->top + i < d->nhits; i++) {
		const struct definition *df = &a->ed->defs[d->hits[d->top + i]];
		bool c = d->top + i == d->cur;

		if (c)
			ui_fill(stdscr, 3 + i, 3, w - 2, theme(R_CURSOR));
		ui_put_stored(stdscr, 3 + i, 4, w - 4, df->term,
		              theme(c ? R_CURSOR : R_NORMAL));
	}
	if (d->nhits == 0)
		ui_put(stdscr, 3, 4, w - 4, "No definition holds that.",
		       theme(R_DIM));
	ui_put_cut(stdscr, h - 1, 4, w - 4, "type to search \u00b7 \u2191\u2193 "
	           "choose \u00b7 Enter reads \u00b7 Esc closes", theme(R_DIM));
	if (a->nov > 0 && &a->ov[a->nov - 1] == o) {
		/* The cursor where the search is typed. */
		curs_set(1);
		wmove(stdscr, 2, 12 + ui_width(d->search));
	}
}

static void search_back(struct defs *d)
{
	size_t l = strlen(d->search);

	while (l > 0 && ((unsigned char)d->search[l - 1] & 0xc0) == 0x80)
		l--;
	if (l > 0)
		d->search[l - 1] = '\0';
}

static void search_add(struct defs *d, int ch)
{
	char u[8];
	int len = wctomb(u, (wchar_t)ch);
	size_t l = strlen(d->search);

	if (len > 0 && l + (size_t)len < sizeof d->search) {
		memcpy(d->search + l, u, (size_t)len);
		d->search[l + (size_t)len] = '\0';
	}
}

static void defs_key(struct app *a, struct overlay *o, int ch, bool fkey)
{
	struct defs *d = &o->u.df;
	int page = d->shown > 1 ? d->shown - 1 : 1;
	char before[sizeof d->search];

	snprintf(before, sizeof before, "%s", d->search);
	if (key_enter(ch, fkey)) {
		if (d->nhits > 0) {
			const struct definition *df = &a->ed->defs[d->hits[d->cur]];

			pager_open(a, df->term, df->body);
		}
		return;
	}
	if (fkey) {
		switch (ch) {
		case KEY_DOWN: d->cur++; break;
		case KEY_UP: d->cur--; break;
		case KEY_NPAGE: d->cur += page; break;
		case KEY_PPAGE: d->cur -= page; break;
		case KEY_BACKSPACE: search_back(d); break;
		case KEY_F(1): ov_pop(a); return;
		}
	} else if (ch == KEY_ESC) {
		ov_pop(a);
		return;
	} else if (ch == 127 || ch == CTRL('h')) {
		search_back(d);
	} else if (ch == CTRL('u')) {
		d->search[0] = '\0';
	} else if (key_printable(ch, fkey)) {
		search_add(d, ch);
	}
	if (strcmp(before, d->search) != 0) {
		/* A new search starts at its first hit. */
		d->cur = d->top = 0;
		defs_search(a, d);
	}
	if (d->cur >= d->nhits)
		d->cur = d->nhits - 1;
	if (d->cur < 0)
		d->cur = 0;
}

void defs_open(struct app *a, const char *start)
{
	struct overlay *o = ov_push(a);
	struct defs *d;

	if (!o)
		return;
	o->draw = defs_draw;
	o->key = defs_key;
	o->free = defs_free;
	d = &o->u.df;
	d->hits = mem_calloc(a->ed->ndefs + 1, sizeof *d->hits);
	if (!d->hits) {
		ov_pop(a);
		return;
	}
	if (start)
		snprintf(d->search, sizeof d->search, "%s", start);
	defs_search(a, d);
}
