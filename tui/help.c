/* SPDX-License-Identifier: MIT */
/* help.c: help over any field (its definitions, the methods text for
 * dollars), a searchable list of every definition, the key reference and
 * the Help tab that lists them all. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"

#define CTRL(c) ((c) & 0x1f)

/* The key reference; man/apmwb.1 (KEYS) says the same for the man page. */
static const char keys_text[] =
	"Moving\n"
	"  Tab, Shift-Tab      next, previous field\n"
	"  arrows, j k         between fields (and grid columns)\n"
	"  PgUp PgDn, g G      a page; first, last\n"
	"  ] [   (also > <)    next, previous tab\n"
	"  Alt-1 ... Alt-9     straight to a tab\n"
	"\n"
	"Answering (every answer is saved the moment it is confirmed)\n"
	"  Enter               edit a value; choose from a list\n"
	"  0-9                 on an amount or number: start typing it afresh\n"
	"  Enter, Tab, arrows  while typing: save and move on\n"
	"  Esc                 while typing: put back the saved value\n"
	"  y n space           yes, no, switch (yes/no answers)\n"
	"  1-9, space          pick a column of a grid of choices\n"
	"  x, Delete           make the answer blank\n"
	"  u                   undo the last change\n"
	"  Ctrl-A Ctrl-E       start, end of the text being typed\n"
	"  Ctrl-K Ctrl-U       delete to the end, the whole line\n"
	"  Tab or Ctrl-S       save long text (Enter starts a new line there)\n"
	"\n"
	"Cross-checking\n"
	"  Enter               go to the answer a check names\n"
	"  a                   acknowledge a warning with a reason\n"
	"  S                   sign off with your name (no errors left)\n"
	"\n"
	"Nominal risk worksheet\n"
	"  a, c, d             add, copy, delete a contract\n"
	"  Enter, 0-9          edit the cell; Tab goes on along the row\n"
	"  left, right, h l    between cells\n"
	"  / n N               find a contract by its label; the next, previous\n"
	"  :                   go to a row by its number\n"
	"  Esc, Ctrl-C         stop a long find or export (nothing changes)\n"
	"\n"
	"Anywhere\n"
	"  F1, ?               help for the field under the cursor\n"
	"  e                   export (JSON, copy sheet, ...)\n"
	"  Ctrl-L              redraw the screen\n"
	"  q, F10              quit (everything is saved already)\n"
	"\n"
	"Review mode (apmwb -r FILE): the same screens; every key that would\n"
	"change something says \"read-only\" and nothing is written.\n";

struct text_lines {
	char **v;
	int n, cap;
};

static void collect(void *ctx, const char *s, size_t n)
{
	struct text_lines *t = ctx;

	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		char **nv = mem_realloc_array(t->v, (size_t)cap, sizeof *nv);

		if (!nv)
			return;
		t->v = nv;
		t->cap = cap;
	}
	if ((t->v[t->n] = mem_strndup(s, n)))
		t->n++;
}

static void lines_free(struct text_lines *t)
{
	for (int i = 0; i < t->n; i++)
		mem_free(t->v[i]);
	mem_free(t->v);
	memset(t, 0, sizeof *t);
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

static WINDOW *box_win(struct app *a, const char *title, int *h, int *w)
{
	WINDOW *win;
	char t[300];

	*h = a->H - 2;
	*w = a->W - 4;
	win = newwin(*h, *w, 1, 2);
	if (!win)
		return NULL;
	keypad(win, TRUE);
	werase(win);
	wattrset(win, theme(R_BOX));
	box(win, 0, 0);
	wattrset(win, A_NORMAL);
	snprintf(t, sizeof t, " Help %s %s ", a->g->dot, title);
	ui_put_stored(win, 0, 2, *w - 4, t, theme(R_HEADING));
	return win;
}

void help_pager(struct app *a, const char *title, const char *text)
{
	struct text_lines t = { 0 };
	char *clean = sanitize_dup(text ? text : "", SANITIZE_KEEP_NEWLINES);
	int h, w, top = 0;
	WINDOW *win;
	bool fkey;

	if (!clean)
		return;
	win = box_win(a, title, &h, &w);
	if (!win) {
		mem_free(clean);
		return;
	}
	wrap_text(clean, w - 4, collect, &t);
	mem_free(clean);
	for (;;) {
		int body = h - 3, ch;

		for (int i = 0; i < body; i++) {
			ui_fill(win, 1 + i, 1, w - 2, theme(R_NORMAL));
			if (top + i < t.n)
				ui_put(win, 1 + i, 2, w - 4, t.v[top + i],
				       theme(R_NORMAL));
		}
		ui_fill(win, h - 2, 1, w - 2, theme(R_NORMAL));
		{
			char foot[160];

			snprintf(foot, sizeof foot, "%s/ search definitions %s Esc "
			         "closes %s %d%%", t.n > body ? "\u2191\u2193 PgUp PgDn "
			         "scroll \u00b7 " : "", a->g->dot, a->g->dot,
			         t.n <= body ? 100 :
			         (int)(100 * (top + body) / t.n > 100 ? 100 :
			               100 * (top + body) / t.n));
			ui_put_cut(win, h - 2, 2, w - 4, foot, theme(R_DIM));
		}
		wrefresh(win);
		ch = read_key(win, &fkey);
		if (fkey) {
			if (ch == KEY_DOWN)
				top++;
			else if (ch == KEY_UP)
				top--;
			else if (ch == KEY_NPAGE)
				top += body - 1;
			else if (ch == KEY_PPAGE)
				top -= body - 1;
			else if (ch == KEY_HOME)
				top = 0;
			else if (ch == KEY_END)
				top = t.n - body;
			else if (ch == KEY_F(1) || ch == KEY_F(10) ||
			         ch == KEY_RESIZE)
				break;
		} else if (ch == 'j' || ch == ' ') {
			top += ch == ' ' ? body - 1 : 1;
		} else if (ch == 'k') {
			top--;
		} else if (ch == 'g') {
			top = 0;
		} else if (ch == 'G') {
			top = t.n - body;
		} else if (ch == '/') {
			delwin(win);
			win = NULL;
			help_definitions(a, NULL);
			break;
		} else if (ch == 27 || ch == 'q' || ch == '?' || ch == '\r' ||
		           ch == '\n') {
			break;
		}
		if (top > t.n - body)
			top = t.n - body;
		if (top < 0)
			top = 0;
	}
	if (win)
		delwin(win);
	lines_free(&t);
}

/* Appends to a growing text. */
struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *s)
{
	size_t len = strlen(s);

	if (b->n + len + 1 > b->cap) {
		size_t cap = (b->n + len + 1) * 2;
		char *ns = mem_realloc_array(b->s, cap, 1);

		if (!ns)
			return;
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, len + 1);
	b->n += len;
}

static const char *type_words(enum qtype t)
{
	switch (t) {
	case Q_TEXT: return "Text, one line.";
	case Q_LONGTEXT: return "Text of several lines: Enter starts a new "
	                        "line, Tab or Ctrl-S saves.";
	case Q_EMAIL: return "An e-mail address.";
	case Q_PHONE: return "A phone number: at least 10 digits, with the "
	                     "usual punctuation.";
	case Q_YESNO: return "Yes or no: y, n, or space to switch.";
	case Q_WHOLE: return "A whole number.";
	case Q_HOURS: return "Hours: a number, at most one decimal.";
	case Q_MONEY: return "Dollars to the cent: $1,234.56, 1234 or 1234.5 "
	                     "are all taken. Blank is not zero: type 0 for "
	                     "none.";
	case Q_COMPUTED: return "Computed from the rows it adds; never typed.";
	case Q_CHOICE: return "One choice: Enter shows the list.";
	case Q_MULTI: return "Several choices: Enter shows the list, space "
	                     "marks.";
	default: return "";
	}
}

void help_field(struct app *a, int q)
{
	struct buf b = { 0 };
	const struct tab *t = a->tab < (int)a->ed->ntabs ?
	                      &a->ed->tabs[a->tab] : NULL;
	char title[200];

	if (q < 0) {
		if (t && t->help && *t->help) {
			help_pager(a, t->title, t->help);
			return;
		}
		if (a->tab == a->help_tab || !t) {
			help_keys(a);
			return;
		}
		help_pager(a, t->title, t->intro && *t->intro ? t->intro :
		           "Nothing more to say about this tab: F1 on a field "
		           "tells about that field.");
		return;
	}
	{
		const struct question *qu = &a->ed->qs[q];

		snprintf(title, sizeof title, "%s", qu->label && *qu->label ?
		         qu->label : qu->key);
		if (qu->prompt && *qu->prompt) {
			put(&b, qu->prompt);
			put(&b, "\n");
		}
		if (qu->label && *qu->label && qu->type == Q_MONEY) {
			put(&b, qu->label);
			put(&b, "\n");
		}
		put(&b, "\n");
		put(&b, type_words(qu->type));
		put(&b, "  Key: ");
		put(&b, qu->key);
		put(&b, "\n");
		if (qu->help) {
			char *terms = mem_strdup(qu->help), *save = NULL, *tok;

			for (tok = terms ? strtok_r(terms, "|", &save) : NULL; tok;
			     tok = strtok_r(NULL, "|", &save)) {
				const struct definition *d =
					edition_find_definition(a->ed, tok);

				if (!d)
					continue;
				put(&b, "\n");
				put(&b, d->term);
				put(&b, "\n");
				put(&b, d->body);
				put(&b, "\n");
			}
			mem_free(terms);
		}
		if ((qu->type == Q_MONEY || qu->type == Q_COMPUTED) && t &&
		    t->help && *t->help) {
			put(&b, "\nMethods\n");
			put(&b, t->help);
			put(&b, "\n");
		}
	}
	help_pager(a, title, b.s ? b.s : "");
	mem_free(b.s);
}

void help_keys(struct app *a)
{
	help_pager(a, "Keys", keys_text);
}

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

void help_definitions(struct app *a, const char *start)
{
	char search[64] = "";
	int cur = 0, top = 0, h, w;
	int *hits = mem_calloc(a->ed->ndefs + 1, sizeof *hits);
	WINDOW *win;
	bool fkey;

	if (!hits)
		return;
	if (start)
		snprintf(search, sizeof search, "%s", start);
	win = box_win(a, "Definitions", &h, &w);
	if (!win) {
		mem_free(hits);
		return;
	}
	for (;;) {
		int n = 0, body = h - 4, ch;
		char line[200];

		/* Terms that hold the search first, then texts that do. */
		for (int pass = 2; pass >= 1; pass--)
			for (size_t i = 0; i < a->ed->ndefs; i++)
				if (matches(&a->ed->defs[i], search) == pass)
					hits[n++] = (int)i;
		if (cur >= n)
			cur = n - 1;
		if (cur < 0)
			cur = 0;
		if (cur < top)
			top = cur;
		if (cur >= top + body)
			top = cur - body + 1;
		werase(win);
		wattrset(win, theme(R_BOX));
		box(win, 0, 0);
		wattrset(win, A_NORMAL);
		snprintf(line, sizeof line, " Help %s Definitions (%d of %zu) ",
		         a->g->dot, n, a->ed->ndefs);
		ui_put(win, 0, 2, w - 4, line, theme(R_HEADING));
		snprintf(line, sizeof line, "Search: %s", search);
		ui_put_stored(win, 1, 2, w - 4, line, theme(R_KEY));
		for (int i = 0; i < body && top + i < n; i++) {
			const struct definition *d = &a->ed->defs[hits[top + i]];
			bool c = top + i == cur;

			if (c)
				ui_fill(win, 2 + i, 1, w - 2, theme(R_CURSOR));
			ui_put_stored(win, 2 + i, 2, w - 4, d->term,
			              theme(c ? R_CURSOR : R_NORMAL));
		}
		if (n == 0)
			ui_put(win, 2, 2, w - 4, "No definition holds that.",
			       theme(R_DIM));
		ui_put_cut(win, h - 2, 2, w - 4, "type to search \u00b7 "
		           "\u2191\u2193 choose \u00b7 Enter reads \u00b7 Esc "
		           "closes", theme(R_DIM));
		wmove(win, 1, 10 + ui_width(search));
		curs_set(1);
		wrefresh(win);
		ch = read_key(win, &fkey);
		curs_set(0);
		if (fkey) {
			if (ch == KEY_DOWN)
				cur++;
			else if (ch == KEY_UP)
				cur--;
			else if (ch == KEY_NPAGE)
				cur += body - 1;
			else if (ch == KEY_PPAGE)
				cur -= body - 1;
			else if (ch == KEY_BACKSPACE) {
				size_t l = strlen(search);

				while (l > 0 && ((unsigned char)search[l - 1] & 0xc0) ==
				       0x80)
					l--;
				if (l > 0)
					search[l - 1] = '\0';
			} else if (ch == KEY_ENTER) {
				goto enter;
			} else if (ch == KEY_F(10) || ch == KEY_RESIZE ||
			           ch == KEY_F(1)) {
				break;
			}
			continue;
		}
		if (ch == 27)
			break;
		if (ch == 127 || ch == CTRL('h')) {
			size_t l = strlen(search);

			while (l > 0 && ((unsigned char)search[l - 1] & 0xc0) == 0x80)
				l--;
			if (l > 0)
				search[l - 1] = '\0';
			continue;
		}
		if (ch == CTRL('u')) {
			search[0] = '\0';
			continue;
		}
		if (ch == '\r' || ch == '\n')
			goto enter;
		if (ch >= 0x20) {
			char u[8];
			int len = wctomb(u, (wchar_t)ch);
			size_t l = strlen(search);

			if (len > 0 && l + (size_t)len < sizeof search) {
				memcpy(search + l, u, (size_t)len);
				search[l + (size_t)len] = '\0';
			}
		}
		continue;
enter:
		if (n > 0) {
			const struct definition *d = &a->ed->defs[hits[cur]];

			help_pager(a, d->term, d->body);
			touchwin(win);
		}
	}
	delwin(win);
	mem_free(hits);
}

/* The Help tab: the edition's help topics, the definitions, the keys. */
void helptab_draw(struct app *a)
{
	struct helpview *v = &a->hv;
	int n = (int)a->ed->ntopics + 2, y0 = UI_TOP + 2;

	ui_put(stdscr, UI_TOP, 1, a->W - 2, "Help", theme(R_HEADING));
	if (v->cur >= n)
		v->cur = n - 1;
	if (v->cur < 0)
		v->cur = 0;
	for (int i = 0; i < n && y0 + i < a->H - UI_BOTTOM; i++) {
		const char *title = i < (int)a->ed->ntopics ?
		                    a->ed->topics[i].title :
		                    i == n - 2 ? "Definitions (search them all)" :
		                    "Keys";
		bool c = i == v->cur;

		if (c)
			ui_fill(stdscr, y0 + i, 1, a->W - 2, theme(R_CURSOR));
		ui_put_stored(stdscr, y0 + i, 3, a->W - 5, title,
		              theme(c ? R_CURSOR : R_NORMAL));
	}
	if (a->msg[0] == '\0')
		ui_put(stdscr, a->H - 2, 1, a->W - 2, "Enter reads \u00b7 / searches "
		       "the definitions \u00b7 F1 or ? on any field tells about it",
		       theme(R_DIM));
}

bool helptab_key(struct app *a, int ch, bool fkey)
{
	struct helpview *v = &a->hv;
	int n = (int)a->ed->ntopics + 2;

	if ((fkey && ch == KEY_UP) || (!fkey && ch == 'k'))
		v->cur = v->cur > 0 ? v->cur - 1 : 0;
	else if ((fkey && ch == KEY_DOWN) || (!fkey && (ch == 'j' || ch == '\t')))
		v->cur = v->cur < n - 1 ? v->cur + 1 : n - 1;
	else if (!fkey && ch == '/')
		help_definitions(a, NULL);
	else if ((!fkey && (ch == '\r' || ch == '\n')) ||
	         (fkey && ch == KEY_ENTER)) {
		if (v->cur < (int)a->ed->ntopics)
			help_pager(a, a->ed->topics[v->cur].title,
			           a->ed->topics[v->cur].body);
		else if (v->cur == n - 2)
			help_definitions(a, NULL);
		else
			help_keys(a);
	} else
		return false;
	return true;
}
