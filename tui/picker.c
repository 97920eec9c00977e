/* SPDX-License-Identifier: MIT */
/* picker.c: choosing from a list with libmenu: one choice, or several
 * (O_ONEVALUE off, at most a given number). */
#include <config.h>

#include <string.h>

#include "mem.h"
#include "sanitize.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

struct pick {
	ITEM **items;
	char **names;
	int n;
	MENU *menu;
	WINDOW *win, *sub;
	int h, w;
};

static void pick_free(struct pick *p)
{
	if (p->menu) {
		unpost_menu(p->menu);
		free_menu(p->menu);
	}
	for (int i = 0; p->items && i < p->n; i++)
		if (p->items[i])
			free_item(p->items[i]);
	for (int i = 0; p->names && i < p->n; i++)
		mem_free(p->names[i]);
	mem_free(p->items);
	mem_free(p->names);
	if (p->sub)
		delwin(p->sub);
	if (p->win)
		delwin(p->win);
	memset(p, 0, sizeof *p);
}

/* A boxed menu in the middle of the screen. */
static bool pick_make(struct app *a, struct pick *p, const char *title,
                      const char *const *labels, int n, const char *extra,
                      bool multi)
{
	int w = ui_width(title) + 4 > 44 ? ui_width(title) + 4 : 44, h;

	memset(p, 0, sizeof *p);
	p->n = n + (extra ? 1 : 0);
	p->items = mem_calloc((size_t)p->n + 1, sizeof *p->items);
	p->names = mem_calloc((size_t)p->n, sizeof *p->names);
	if (!p->items || !p->names)
		goto fail;
	for (int i = 0; i < p->n; i++) {
		const char *src = i < n ? labels[i] : extra;

		if (!(p->names[i] = sanitize_dup(src, 0)))
			goto fail;
		if (ui_width(p->names[i]) + 6 > w)
			w = ui_width(p->names[i]) + 6;
		if (!(p->items[i] = new_item(p->names[i], "")))
			goto fail;
	}
	if (w > a->W - 4)
		w = a->W - 4;
	h = p->n < a->H - 8 ? p->n : a->H - 8;
	p->h = h;
	p->w = w;
	if (!(p->menu = new_menu(p->items)))
		goto fail;
	if (multi)
		menu_opts_off(p->menu, O_ONEVALUE);
	menu_opts_off(p->menu, O_SHOWDESC);
	set_menu_mark(p->menu, multi ? (a->utf8 ? "\u2713 " : "x ") : "> ");
	set_menu_fore(p->menu, theme(R_CURSOR));
	set_menu_back(p->menu, theme(R_NORMAL));
	set_menu_format(p->menu, h, 1);
	p->win = newwin(h + 4, w + 2, (a->H - h - 4) / 2, (a->W - w - 2) / 2);
	if (!p->win)
		goto fail;
	p->sub = derwin(p->win, h, w, 1, 1);
	if (!p->sub)
		goto fail;
	keypad(p->win, TRUE);
	set_menu_win(p->menu, p->win);
	set_menu_sub(p->menu, p->sub);
	wattrset(p->win, theme(R_BOX));
	box(p->win, 0, 0);
	wattrset(p->win, A_NORMAL);
	{
		char t[300];

		snprintf(t, sizeof t, " %s ", title);
		ui_put_stored(p->win, 0, 2, w - 2, t, theme(R_HEADING));
	}
	post_menu(p->menu);
	return true;
fail:
	pick_free(p);
	return false;
}

static void footer(struct app *a, struct pick *p, const char *text, bool bad)
{
	(void)a;
	ui_fill(p->win, p->h + 2, 1, p->w, theme(R_NORMAL));
	ui_put_cut(p->win, p->h + 2, 1, p->w, text, theme(bad ? R_BAD : R_DIM));
}

static int menu_key(MENU *m, int ch, bool fkey)
{
	if (fkey) {
		switch (ch) {
		case KEY_UP: return menu_driver(m, REQ_UP_ITEM);
		case KEY_DOWN: return menu_driver(m, REQ_DOWN_ITEM);
		case KEY_NPAGE: return menu_driver(m, REQ_SCR_DPAGE);
		case KEY_PPAGE: return menu_driver(m, REQ_SCR_UPAGE);
		case KEY_HOME: return menu_driver(m, REQ_FIRST_ITEM);
		case KEY_END: return menu_driver(m, REQ_LAST_ITEM);
		}
		return E_UNKNOWN_COMMAND;
	}
	switch (ch) {
	case 'k': return menu_driver(m, REQ_UP_ITEM);
	case 'j': return menu_driver(m, REQ_DOWN_ITEM);
	case 'g': return menu_driver(m, REQ_FIRST_ITEM);
	case 'G': return menu_driver(m, REQ_LAST_ITEM);
	}
	return E_UNKNOWN_COMMAND;
}

static int read_key(WINDOW *w, bool *fkey)
{
	wint_t wch;
	int rc;

	do
		rc = wget_wch(w, &wch);
	while (rc == ERR);
	*fkey = rc == KEY_CODE_YES;
	return (int)wch;
}

int picker_choice(struct app *a, const char *title, const char *const *items,
                  int n, int current, bool allow_blank)
{
	struct pick p;
	int result = -2;
	bool fkey;

	if (!pick_make(a, &p, title, items, n, allow_blank ? "(no answer)" :
	               NULL, false))
		return -2;
	if (current >= 0 && current < p.n)
		set_current_item(p.menu, p.items[current]);
	footer(a, &p, "Enter picks \u00b7 Esc leaves it as it was", false);
	for (;;) {
		int ch;

		wrefresh(p.win);
		ch = read_key(p.win, &fkey);
		if ((!fkey && (ch == '\r' || ch == '\n')) ||
		    (fkey && ch == KEY_ENTER)) {
			result = item_index(current_item(p.menu));
			if (allow_blank && result == n)
				result = -1;
			break;
		}
		if ((!fkey && (ch == 27 || ch == 'q')) ||
		    (fkey && (ch == KEY_RESIZE || ch == KEY_F(10))))
			break;
		if (!fkey && ch >= '1' && ch <= '9' && ch - '1' < p.n) {
			set_current_item(p.menu, p.items[ch - '1']);
			continue;
		}
		menu_key(p.menu, ch, fkey);
	}
	pick_free(&p);
	return result;
}

bool picker_multi(struct app *a, const char *title, const char *const *items,
                  int n, bool *sel, int max)
{
	struct pick p;
	bool fkey, done = false;
	char help[160];

	if (!pick_make(a, &p, title, items, n, NULL, true))
		return false;
	for (int i = 0; i < n; i++)
		set_item_value(p.items[i], sel[i]);
	if (max > 0)
		snprintf(help, sizeof help, "space marks (at most %d) \u00b7 Enter "
		         "saves \u00b7 Esc leaves it as it was", max);
	else
		snprintf(help, sizeof help, "space marks \u00b7 Enter saves \u00b7 "
		         "Esc leaves it as it was");
	footer(a, &p, help, false);
	for (;;) {
		int ch, count = 0;

		wrefresh(p.win);
		ch = read_key(p.win, &fkey);
		if ((!fkey && (ch == '\r' || ch == '\n')) ||
		    (fkey && ch == KEY_ENTER)) {
			done = true;
			break;
		}
		if ((!fkey && (ch == 27 || ch == 'q')) ||
		    (fkey && (ch == KEY_RESIZE || ch == KEY_F(10))))
			break;
		if (!fkey && (ch == ' ' || ch == 'x')) {
			ITEM *it = current_item(p.menu);

			for (int i = 0; i < n; i++)
				count += item_value(p.items[i]);
			if (!item_value(it) && max > 0 && count >= max) {
				char why[120];

				snprintf(why, sizeof why, "at most %d: unmark one "
				         "first", max);
				footer(a, &p, why, true);
				beep();
				continue;
			}
			set_item_value(it, !item_value(it));
			footer(a, &p, help, false);
			continue;
		}
		menu_key(p.menu, ch, fkey);
	}
	if (done)
		for (int i = 0; i < n; i++)
			sel[i] = item_value(p.items[i]);
	pick_free(&p);
	return done;
}
