/* SPDX-License-Identifier: MIT */
/* help.c: what help says: over any field (its definitions, the methods
 * text for dollars), the key reference, and the Help tab that lists the
 * edition's topics; pager.c shows them. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "ui.h"

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

/* A metric row as the workbook words it: the heading of its section,
 * the row's own wording, its "Description of Metric". */
static void row_detail(const struct app *a, int q, struct buf *b,
                       char *title, size_t n)
{
	const struct question *qu = &a->ed->qs[q];
	const char *section = NULL;

	for (int i = q; i >= 0 && a->ed->qs[i].tab == qu->tab; i--)
		if (a->ed->qs[i].section) {
			section = a->ed->qs[i].section;
			break;
		}
	snprintf(title, n, "Row %s", qu->row);
	if (section) {
		put(b, section);
		put(b, "\n\n");
	}
	put(b, "Row ");
	put(b, qu->row);
	put(b, ": ");
	put(b, qu->label ? qu->label : qu->key);
	put(b, "\n");
	if (qu->share_label && *qu->share_label) {
		put(b, "\nDescription of Metric\n");
		put(b, qu->share_label);
		put(b, "\n");
	}
	put(b, "\n");
}

void help_field(struct app *a, int q)
{
	struct buf b = { 0 };
	const struct tab *t = a->tab < (int)a->ed->ntabs ?
	                      &a->ed->tabs[a->tab] : NULL;
	char title[200];

	if (q < 0) {
		if (t && t->help && *t->help) {
			pager_open(a, t->title, t->help);
			return;
		}
		if (a->tab == a->help_tab || !t) {
			help_keys(a);
			return;
		}
		pager_open(a, t->title, t->intro && *t->intro ? t->intro :
		           "Nothing more to say about this tab: F1 on a field "
		           "tells about that field.");
		return;
	}
	{
		const struct question *qu = &a->ed->qs[q];

		snprintf(title, sizeof title, "%s", qu->label && *qu->label ?
		         qu->label : qu->key);
		if (qu->row)
			row_detail(a, q, &b, title, sizeof title);
		if (qu->prompt && *qu->prompt) {
			put(&b, qu->prompt);
			put(&b, "\n");
		}
		if (qu->label && *qu->label && qu->type == Q_MONEY && !qu->row) {
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
		/* The tab's purpose, then its methods under the one heading
		 * the workbook gives them. */
		if ((qu->type == Q_MONEY || qu->type == Q_COMPUTED) && t &&
		    t->intro && *t->intro) {
			put(&b, "\n");
			put(&b, t->intro);
			put(&b, "\n");
		}
		if ((qu->type == Q_MONEY || qu->type == Q_COMPUTED) && t &&
		    t->help && *t->help) {
			if (strncmp(t->help, "Methods", 7) != 0)
				put(&b, "\nMethods\n");
			put(&b, "\n");
			put(&b, t->help);
			put(&b, "\n");
		}
	}
	pager_open(a, title, b.s ? b.s : "");
	mem_free(b.s);
}

void help_keys(struct app *a)
{
	pager_open(a, "Keys", keys_text);
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
		defs_open(a, NULL);
	else if ((!fkey && (ch == '\r' || ch == '\n')) ||
	         (fkey && ch == KEY_ENTER)) {
		if (v->cur < (int)a->ed->ntopics)
			pager_open(a, a->ed->topics[v->cur].title,
			           a->ed->topics[v->cur].body);
		else if (v->cur == n - 2)
			defs_open(a, NULL);
		else
			help_keys(a);
	} else
		return false;
	return true;
}
