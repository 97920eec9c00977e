/* SPDX-License-Identifier: MIT */
/* layout.c: the rows of a question tab, the cursor's moves and scrolling.
 * Pure arithmetic over the edition and the display logic; tested in
 * tests/check_tui_layout.c. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "edition.h"
#include "layout.h"
#include "lob.h"
#include "mem.h"
#include "sanitize.h"
#include "wrap.h"

#define VALUE_BUF 24000

struct build {
	struct layout *L;
	const struct layout_in *in;
	size_t cap, fcap;
	bool fail;
	const char *prev_prompt;
	char *vbuf;
};

struct lines {
	char **v;
	size_t n, cap;
	bool fail;
};

static void lines_add(void *ctx, const char *s, size_t n)
{
	struct lines *l = ctx;
	char **nv;

	if (l->fail)
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;

		nv = mem_realloc_array(l->v, cap, sizeof *nv);
		if (!nv) {
			l->fail = true;
			return;
		}
		l->v = nv;
		l->cap = cap;
	}
	if (!(l->v[l->n] = mem_strndup(s, n))) {
		l->fail = true;
		return;
	}
	l->n++;
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		mem_free(l->v[i]);
	mem_free(l->v);
	memset(l, 0, sizeof *l);
}

/* Sanitises and wraps text; an empty text gives one empty line. */
static bool wrap_into(const char *text, int flags, int width,
                      struct lines *out)
{
	char *clean = sanitize_dup(text ? text : "", flags);

	memset(out, 0, sizeof *out);
	if (!clean)
		return false;
	wrap_text(clean, width < 1 ? 1 : width, lines_add, out);
	mem_free(clean);
	if (out->fail) {
		lines_free(out);
		return false;
	}
	return true;
}

static void count_line(void *ctx, const char *s, size_t n)
{
	(void)s;
	(void)n;
	(*(int *)ctx)++;
}

int layout_text_lines(const char *text, int width)
{
	int n = 0;

	wrap_text(text ? text : "", width < 1 ? 1 : width, count_line, &n);
	return n;
}

static struct lay_row *add_row(struct build *b, enum lay_kind k)
{
	struct layout *L = b->L;
	struct lay_row *r;

	if (b->fail)
		return NULL;
	if (L->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		struct lay_row *nr = mem_realloc_array(L->rows, cap, sizeof *nr);

		if (!nr) {
			b->fail = true;
			return NULL;
		}
		L->rows = nr;
		b->cap = cap;
	}
	r = &L->rows[L->n++];
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->q = -1;
	r->grid = -1;
	return r;
}

static void add_focus(struct build *b, int q, int row, int grid, int grow,
                      int gcol)
{
	struct layout *L = b->L;

	if (b->fail)
		return;
	if (L->nfocus == b->fcap) {
		size_t cap = b->fcap ? b->fcap * 2 : 32;
		struct lay_focus *nf = mem_realloc_array(L->focus, cap,
		                                         sizeof *nf);

		if (!nf) {
			b->fail = true;
			return;
		}
		L->focus = nf;
		b->fcap = cap;
	}
	L->focus[L->nfocus++] = (struct lay_focus){ q, row, grid, grow, gcol,
	                                            false };
}

static void add_blank(struct build *b)
{
	if (b->L->n > 0 && b->L->rows[b->L->n - 1].kind != LAY_BLANK)
		add_row(b, LAY_BLANK);
}

/* Rows of wrapped prose; takes the lines' strings. */
static void add_prose(struct build *b, enum lay_kind k, const char *text,
                      int flags, int indent, int q)
{
	struct lines l;

	if (b->fail)
		return;
	if (!wrap_into(text, flags, b->L->width - indent - 1, &l)) {
		b->fail = true;
		return;
	}
	for (size_t i = 0; i < l.n; i++) {
		struct lay_row *r = add_row(b, k);

		if (!r)
			break;
		r->left = l.v[i];
		l.v[i] = NULL;
		r->indent = indent;
		r->sub = (int)i;
		r->q = q;
	}
	lines_free(&l);
}

static void maybe_prompt(struct build *b, const struct question *q, int qi)
{
	const char *p = q->prompt;

	if (p && *p && !(b->prev_prompt && strcmp(b->prev_prompt, p) == 0)) {
		add_blank(b);
		add_prose(b, LAY_TEXT, p, 0, 1, qi);
		b->prev_prompt = p;
	}
	/* The workbook's "Please respond to each statement listed." stands
	 * under the prompt, above the answers it starts. */
	if (q->instruction && *q->instruction)
		add_prose(b, LAY_TEXT, q->instruction, 0, 1, qi);
}

static void add_field(struct build *b, int qi)
{
	const struct layout_in *in = b->in;
	const struct question *q = &in->ed->qs[qi];
	struct layout *L = b->L;
	const char *label = q->label && *q->label ? q->label : "";
	char *clean = sanitize_dup(label, 0);
	struct lines val;
	int label_w = L->value_x - 4, nval, first_row;
	size_t lw;

	if (!clean) {
		b->fail = true;
		return;
	}
	in->value(in->ctx, qi, b->vbuf, VALUE_BUF);
	if (!wrap_into(b->vbuf, q->type == Q_LONGTEXT ? SANITIZE_KEEP_NEWLINES : 0,
	               L->value_w, &val)) {
		mem_free(clean);
		b->fail = true;
		return;
	}
	nval = (int)val.n;
	if (in->value_lines_max > 0 && nval > in->value_lines_max)
		nval = in->value_lines_max;
	if (qi == in->edit_q && nval < in->edit_lines)
		nval = in->edit_lines;
	first_row = (int)L->n;
	lw = strlen(clean);
	if (wrap_width(clean, lw) > label_w) {
		/* A long label takes whole lines; the value goes below it. */
		add_prose(b, LAY_FIELD, clean, 0, 2, qi);
		mem_free(clean);
		clean = NULL;
	}
	for (int i = 0; i < nval && !b->fail; i++) {
		struct lay_row *r = add_row(b, LAY_FIELD);

		if (!r)
			break;
		r->q = qi;
		r->indent = 2;
		r->sub = (int)L->n - 1 - first_row;
		r->value_line = i == 0;
		if (i == 0 && clean) {
			r->left = clean;
			clean = NULL;
		}
		if ((size_t)i < val.n) {
			r->value = val.v[i];
			val.v[i] = NULL;
			if (i == nval - 1 && val.n > (size_t)nval) {
				char *more = mem_printf("%s\u2026", r->value);

				if (more) {
					mem_free(r->value);
					r->value = more;
				}
			}
		}
		if (i == 0 && q->type != Q_COMPUTED)
			add_focus(b, qi, (int)L->n - 1, -1, 0, 0);
	}
	mem_free(clean);
	lines_free(&val);
}

static struct lay_grid *new_grid(struct build *b)
{
	struct layout *L = b->L;
	struct lay_grid *g = mem_realloc_array(L->grids, L->ngrids + 1,
	                                       sizeof *g);

	if (!g) {
		b->fail = true;
		return NULL;
	}
	L->grids = g;
	g = &L->grids[L->ngrids++];
	memset(g, 0, sizeof *g);
	return g;
}

/* Column headings, each wrapped to the column; lines stored row-major. */
static void grid_heads(struct build *b, struct lay_grid *g,
                       const char *const *labels, int max_lines)
{
	struct lines *l = mem_calloc((size_t)g->ncols, sizeof *l);
	int lines = 1;

	if (!l) {
		b->fail = true;
		return;
	}
	for (int c = 0; c < g->ncols && !b->fail; c++) {
		if (!wrap_into(labels[c], 0, g->colw - 1, &l[c]))
			b->fail = true;
		else if ((int)l[c].n > lines)
			lines = (int)l[c].n;
	}
	if (lines > max_lines)
		lines = max_lines;
	g->head_lines = lines;
	if (!b->fail &&
	    !(g->head = mem_calloc((size_t)(lines * g->ncols), sizeof *g->head)))
		b->fail = true;
	for (int k = 0; k < lines && !b->fail; k++)
		for (int c = 0; c < g->ncols; c++) {
			char **slot = &g->head[k * g->ncols + c];

			if ((size_t)k < l[c].n) {
				*slot = l[c].v[k];
				l[c].v[k] = NULL;
			} else if (!(*slot = mem_strdup(""))) {
				b->fail = true;
			}
		}
	for (int c = 0; c < g->ncols; c++)
		lines_free(&l[c]);
	mem_free(l);
	for (int k = 0; k < lines && !b->fail; k++) {
		struct lay_row *r = add_row(b, LAY_GRID_HEAD);

		if (r) {
			r->grid = (int)b->L->ngrids - 1;
			r->sub = k;
		}
	}
}

/* One grid row: its label wrapped beside the cells. */
static int grid_row(struct build *b, int gi, int grow, const char *label,
                    int q)
{
	struct lay_grid *g = &b->L->grids[gi];
	struct lines l;
	int first = (int)b->L->n;

	if (!wrap_into(label, 0, g->x0 - 3, &l)) {
		b->fail = true;
		return -1;
	}
	for (size_t i = 0; i < l.n && !b->fail; i++) {
		struct lay_row *r = add_row(b, LAY_GRID_ROW);

		if (!r)
			break;
		r->grid = gi;
		r->grow = grow;
		r->sub = (int)i;
		r->q = q;
		r->indent = 2;
		r->left = l.v[i];
		l.v[i] = NULL;
	}
	lines_free(&l);
	return first;
}

static bool is_model_cell(const struct question *q)
{
	return q->type == Q_YESNO && q->model && q->lob != LOB_NONE;
}

/* Payment models by line: a row per model, a column per line, a cell per
 * question; cells of lines not selected are not asked. */
static void add_model_grid(struct build *b, const struct tab *t)
{
	const struct edition *ed = b->in->ed;
	const bool *shown = b->in->shown;
	struct lay_grid *g;
	int models[64], nm = 0, any = -1, gi;

	for (int i = t->first_q; i < t->first_q + t->nq; i++) {
		const struct question *q = &ed->qs[i];
		int m;

		if (!is_model_cell(q))
			continue;
		if (shown[i] && any < 0)
			any = i;
		for (m = 0; m < nm; m++)
			if (strcmp(ed->qs[models[m]].model, q->model) == 0)
				break;
		if (m == nm && nm < 64)
			models[nm++] = i;
	}
	if (any < 0) {
		add_blank(b);
		add_prose(b, LAY_NOTE, "Payment models are asked for each line "
		          "of business selected on General information.", 0, 1,
		          -1);
		return;
	}
	maybe_prompt(b, &ed->qs[any], any);
	if (!(g = new_grid(b)))
		return;
	gi = (int)b->L->ngrids - 1;
	g->ncols = LOB_COUNT;
	g->nrows = nm;
	g->colw = 6;
	for (int l = 0; l < LOB_COUNT; l++) {
		const char *h = edition_line_short(ed, l);

		if (wrap_width(h, strlen(h)) + 2 > g->colw)
			g->colw = wrap_width(h, strlen(h)) + 2;
	}
	g->x0 = b->L->width - g->ncols * g->colw;
	if (g->x0 < 20)
		g->x0 = 20;
	if (!(g->cell = mem_calloc((size_t)(nm * g->ncols), sizeof *g->cell))) {
		b->fail = true;
		return;
	}
	for (int k = 0; k < nm * g->ncols; k++)
		g->cell[k] = -1;
	for (int i = t->first_q; i < t->first_q + t->nq; i++) {
		const struct question *q = &ed->qs[i];

		if (!is_model_cell(q) || !shown[i] || q->lob < 0 ||
		    q->lob >= LOB_COUNT)
			continue;
		for (int m = 0; m < nm; m++)
			if (strcmp(ed->qs[models[m]].model, q->model) == 0)
				g->cell[m * g->ncols + q->lob] = i;
	}
	{
		const char *heads[LOB_COUNT];

		for (int l = 0; l < LOB_COUNT; l++)
			heads[l] = edition_line_short(ed, l);
		add_blank(b);
		grid_heads(b, g, heads, 1);
	}
	for (int m = 0; m < nm && !b->fail; m++) {
		const struct question *q = &ed->qs[models[m]];
		const struct model *mo = edition_find_model(ed, q->model);
		int row = grid_row(b, gi, m, mo ? mo->label : q->label, -1);

		g = &b->L->grids[gi];
		for (int c = 0; c < g->ncols && row >= 0; c++)
			if (g->cell[m * g->ncols + c] >= 0)
				add_focus(b, g->cell[m * g->ncols + c], row, gi, m,
				          c);
	}
}

/* Statements answered on one scale (the Likert grid): consecutive shown
 * single choices sharing prompt and choices.  Returns how many rows, or 0
 * when qi does not start such a run. */
static int choice_run(const struct build *b, int qi, int end)
{
	const struct edition *ed = b->in->ed;
	const struct question *q0 = &ed->qs[qi];
	int n = 1;

	if (q0->type != Q_CHOICE || !q0->choices || !q0->prompt || !*q0->prompt)
		return 0;
	for (int i = qi + 1; i < end; i++) {
		const struct question *q = &ed->qs[i];

		if (!b->in->shown[i] || q->type != Q_CHOICE ||
		    q->choices != q0->choices || !q->prompt ||
		    strcmp(q->prompt, q0->prompt) != 0 || q->section)
			break;
		n++;
	}
	return n >= 2 ? n : 0;
}

static void add_choice_grid(struct build *b, int qi, int n)
{
	const struct edition *ed = b->in->ed;
	const struct choice_set *cs = ed->qs[qi].choices;
	const char **heads;
	struct lay_grid *g;
	int gi, w = b->L->width;

	maybe_prompt(b, &ed->qs[qi], qi);
	if (!(g = new_grid(b)))
		return;
	gi = (int)b->L->ngrids - 1;
	g->choices = true;
	g->ncols = (int)cs->n;
	g->nrows = n;
	g->colw = g->ncols ? (w - 3 - 24) / g->ncols : 1;
	if (g->colw > 13)
		g->colw = 13;
	if (g->colw < 4)
		g->colw = 4;
	g->x0 = w - 1 - g->ncols * g->colw;
	if (g->x0 < 12)
		g->x0 = 12;
	g->cell = mem_calloc((size_t)(n * (g->ncols ? g->ncols : 1)),
	                     sizeof *g->cell);
	heads = mem_calloc(cs->n ? cs->n : 1, sizeof *heads);
	if (!g->cell || !heads) {
		mem_free(heads);
		b->fail = true;
		return;
	}
	for (int r = 0; r < n; r++)
		for (int c = 0; c < g->ncols; c++)
			g->cell[r * g->ncols + c] = qi + r;
	for (size_t c = 0; c < cs->n; c++)
		heads[c] = cs->items[c].label;
	add_blank(b);
	grid_heads(b, g, heads, 3);
	mem_free(heads);
	for (int r = 0; r < n && !b->fail; r++) {
		const struct question *q = &ed->qs[qi + r];
		int row = grid_row(b, gi, r, q->label ? q->label : "", qi + r);

		if (row >= 0)
			add_focus(b, qi + r, row, gi, r, 0);
	}
}

/* Does a question from qi up to the next section show? */
static bool section_has_shown(const struct build *b, int qi, int end)
{
	for (int i = qi; i < end; i++) {
		if (i > qi && b->in->ed->qs[i].section)
			return false;
		if (b->in->shown[i])
			return true;
	}
	return false;
}

/* A short label reads under the tab's heading of rows ("Total dollars
 * paid to providers ..."); a row the workbook words otherwise (row 3's
 * "Dollars paid for foundational spending", row 5's "Total dollars paid
 * in Category 2") is shown in its own words. */
static const char *row_words(const struct tab *t, const struct question *q)
{
	size_t n;

	if (!q->short_label)
		return q->label ? q->label : "";
	if (!t->rows_head || !q->label)
		return q->short_label;
	n = strlen(t->rows_head);
	/* The heading without its closing ellipsis, of either spelling. */
	if (n >= 3 && (strcmp(t->rows_head + n - 3, "\u2026") == 0 ||
	               strcmp(t->rows_head + n - 3, "...") == 0))
		n -= 3;
	while (n > 0 && t->rows_head[n - 1] == ' ')
		n--;
	return strncmp(q->label, t->rows_head, n) == 0 ? q->short_label :
	       q->label;
}

static void build_compact(struct build *b, const struct tab *t)
{
	const struct edition *ed = b->in->ed;
	int end = t->first_q + t->nq;

	for (int i = t->first_q; i < end && !b->fail; i++) {
		const struct question *q = &ed->qs[i];
		struct lay_row *r;

		/* One row each: the edition's short heading and labels. */
		if (q->section && section_has_shown(b, i, end) &&
		    (r = add_row(b, LAY_SECTION)) &&
		    !(r->left = sanitize_dup(q->section_short ? q->section_short :
		                             q->section, 0)))
			b->fail = true;
		if (!b->in->shown[i]) {
			b->L->hidden += q->type != Q_COMPUTED;
			continue;
		}
		if (!(r = add_row(b, LAY_FIELD)))
			break;
		r->q = i;
		r->value_line = true;
		if (!(r->left = sanitize_dup(row_words(t, q), 0)))
			b->fail = true;
		/* Every row can be reached and read, computed ones too. */
		add_focus(b, i, (int)b->L->n - 1, -1, 0, 0);
		if (q->type == Q_COMPUTED && !b->fail)
			b->L->focus[b->L->nfocus - 1].read_only = true;
	}
}

static void build_full(struct build *b, const struct tab *t)
{
	const struct edition *ed = b->in->ed;
	int end = t->first_q + t->nq;
	bool grid_done = false;

	if (t->intro && *t->intro) {
		add_prose(b, LAY_TEXT, t->intro, SANITIZE_KEEP_NEWLINES, 1, -1);
		add_row(b, LAY_BLANK);
	}
	for (int i = t->first_q; i < end && !b->fail; i++) {
		const struct question *q = &ed->qs[i];
		int run;

		if (is_model_cell(q)) {
			if (!grid_done)
				add_model_grid(b, t);
			grid_done = true;
			continue;
		}
		if (!b->in->shown[i])
			continue;
		if (q->section) {
			add_blank(b);
			add_prose(b, LAY_SECTION, q->section, 0, 1, -1);
			b->prev_prompt = NULL;
		}
		if ((run = choice_run(b, i, end)) > 0) {
			add_choice_grid(b, i, run);
			i += run - 1;
			continue;
		}
		maybe_prompt(b, q, i);
		add_field(b, i);
	}
}

bool layout_build(struct layout *L, const struct layout_in *in)
{
	struct build b = { .L = L, .in = in };
	const struct tab *t = &in->ed->tabs[in->tab];
	int lw;

	memset(L, 0, sizeof *L);
	L->width = in->width < 20 ? 20 : in->width;
	lw = L->width * 2 / 5;
	lw = lw < 16 ? 16 : lw > 36 ? 36 : lw;
	L->value_x = 2 + lw + 2;
	L->value_w = L->width - L->value_x - 2;
	if (L->value_w < 8)
		L->value_w = 8;
	if (!(b.vbuf = mem_alloc(VALUE_BUF)))
		return false;
	if (in->compact)
		build_compact(&b, t);
	else
		build_full(&b, t);
	mem_free(b.vbuf);
	if (b.fail) {
		layout_free(L);
		return false;
	}
	return true;
}

void layout_free(struct layout *L)
{
	for (size_t i = 0; i < L->n; i++) {
		mem_free(L->rows[i].left);
		mem_free(L->rows[i].value);
	}
	mem_free(L->rows);
	for (size_t g = 0; g < L->ngrids; g++) {
		struct lay_grid *gr = &L->grids[g];

		for (int k = 0; gr->head && k < gr->head_lines * gr->ncols; k++)
			mem_free(gr->head[k]);
		mem_free(gr->head);
		mem_free(gr->cell);
	}
	mem_free(L->grids);
	mem_free(L->focus);
	memset(L, 0, sizeof *L);
}

static int focus_index(const struct layout *L, int q)
{
	for (size_t i = 0; i < L->nfocus; i++)
		if (L->focus[i].q == q)
			return (int)i;
	return -1;
}

int layout_row_of(const struct layout *L, struct lay_pos pos)
{
	int i = focus_index(L, pos.q);

	return i < 0 ? -1 : L->focus[i].row;
}

void layout_span(const struct layout *L, struct lay_pos pos, int *first,
                 int *last)
{
	int r = layout_row_of(L, pos), f, l;

	if (r < 0) {
		*first = *last = 0;
		return;
	}
	f = l = r;
	/* The item's own lines. */
	while ((size_t)(l + 1) < L->n &&
	       ((L->rows[l + 1].kind == LAY_FIELD &&
	         L->rows[l + 1].q == L->rows[r].q && !L->rows[l + 1].value_line &&
	         L->rows[r].kind == LAY_FIELD) ||
	        (L->rows[l + 1].kind == LAY_GRID_ROW &&
	         L->rows[r].kind == LAY_GRID_ROW &&
	         L->rows[l + 1].grid == L->rows[r].grid &&
	         L->rows[l + 1].grow == L->rows[r].grow)))
		l++;
	/* A long label above its value. */
	while (f > 0 && L->rows[f - 1].kind == L->rows[r].kind &&
	       L->rows[f - 1].kind == LAY_FIELD && L->rows[f - 1].q == L->rows[r].q)
		f--;
	/* The heading or prompt leading into it. */
	while (f > 0 && (L->rows[f - 1].kind == LAY_TEXT ||
	                 L->rows[f - 1].kind == LAY_SECTION ||
	                 L->rows[f - 1].kind == LAY_GRID_HEAD ||
	                 L->rows[f - 1].kind == LAY_BLANK))
		f--;
	while (f < r && L->rows[f].kind == LAY_BLANK)
		f++;
	*first = f;
	*last = l;
}

static struct lay_pos at(const struct layout *L, int i, int col)
{
	return (struct lay_pos){ L->focus[i].q, col };
}

/* Vertical move inside a model grid: the same column, another row. */
static int grid_vertical(const struct layout *L, int i, int dir)
{
	const struct lay_focus *f = &L->focus[i];
	const struct lay_grid *g = &L->grids[f->grid];

	for (int r = f->grow + dir; r >= 0 && r < g->nrows; r += dir) {
		int q = g->cell[r * g->ncols + f->gcol];

		if (q >= 0)
			return focus_index(L, q);
	}
	/* Out of the grid: the place before its first or after its last. */
	if (dir < 0) {
		while (i > 0 && L->focus[i - 1].grid == f->grid)
			i--;
		return i > 0 ? i - 1 : -1;
	}
	while ((size_t)(i + 1) < L->nfocus && L->focus[i + 1].grid == f->grid)
		i++;
	return (size_t)(i + 1) < L->nfocus ? i + 1 : -1;
}

struct lay_pos layout_move(const struct layout *L, struct lay_pos pos,
                           enum lay_move m)
{
	int i = focus_index(L, pos.q), j = -1;
	const struct lay_focus *f;
	bool in_choices;

	if (L->nfocus == 0)
		return (struct lay_pos){ -1, 0 };
	if (i < 0)
		return at(L, 0, 0);
	f = &L->focus[i];
	in_choices = f->grid >= 0 && L->grids[f->grid].choices;
	switch (m) {
	case LAY_FIRST:
		return at(L, 0, 0);
	case LAY_LAST:
		return at(L, (int)L->nfocus - 1, 0);
	case LAY_NEXT:
		j = i + 1;
		while ((size_t)j < L->nfocus && L->focus[j].read_only)
			j++;
		if ((size_t)j >= L->nfocus)
			j = -1;
		break;
	case LAY_PREV:
		j = i - 1;
		while (j >= 0 && L->focus[j].read_only)
			j--;
		break;
	case LAY_DOWN:
	case LAY_UP:
		if (f->grid >= 0 && !in_choices)
			j = grid_vertical(L, i, m == LAY_DOWN ? 1 : -1);
		else
			j = m == LAY_DOWN ? ((size_t)(i + 1) < L->nfocus ? i + 1 : -1)
			                  : i - 1;
		break;
	case LAY_LEFT:
	case LAY_RIGHT: {
		int d = m == LAY_RIGHT ? 1 : -1;

		if (in_choices) {
			int c = pos.col + d;

			if (c >= 0 && c < L->grids[f->grid].ncols)
				return (struct lay_pos){ pos.q, c };
			return pos;
		}
		if (f->grid >= 0) {
			const struct lay_grid *g = &L->grids[f->grid];

			for (int c = f->gcol + d; c >= 0 && c < g->ncols; c += d) {
				int q = g->cell[f->grow * g->ncols + c];

				if (q >= 0)
					return (struct lay_pos){ q, 0 };
			}
		}
		return pos;
	}
	}
	if (j < 0)
		return pos;
	/* Moving between statements of one scale keeps the column. */
	if (in_choices && L->focus[j].grid == f->grid)
		return at(L, j, pos.col);
	return at(L, j, 0);
}

struct lay_pos layout_fix(const struct layout *L, const struct edition *ed,
                          struct lay_pos pos)
{
	int i = focus_index(L, pos.q), after = -1, before = -1;

	(void)ed;
	if (i >= 0) {
		const struct lay_focus *f = &L->focus[i];

		if (f->grid >= 0 && L->grids[f->grid].choices) {
			int n = L->grids[f->grid].ncols;

			if (pos.col >= n)
				pos.col = n - 1;
			if (pos.col < 0)
				pos.col = 0;
		} else {
			pos.col = 0;
		}
		return pos;
	}
	for (size_t k = 0; k < L->nfocus; k++) {
		int q = L->focus[k].q;

		if (q > pos.q && (after < 0 || q < L->focus[after].q))
			after = (int)k;
		if (q < pos.q && (before < 0 || q > L->focus[before].q))
			before = (int)k;
	}
	if (after >= 0)
		return at(L, after, 0);
	if (before >= 0)
		return at(L, before, 0);
	return (struct lay_pos){ -1, 0 };
}

struct lay_pos layout_pos_at_row(const struct layout *L, int r)
{
	if (L->nfocus == 0)
		return (struct lay_pos){ -1, 0 };
	for (size_t k = 0; k < L->nfocus; k++)
		if (L->focus[k].row >= r)
			return at(L, (int)k, 0);
	return at(L, (int)L->nfocus - 1, 0);
}

int layout_scroll(int top, int first, int cur, int last, int height, int n)
{
	if (height < 1)
		return cur > 0 ? cur : 0;
	if (cur < first)
		first = cur;
	if (cur > last)
		last = cur;
	if (last - first + 1 > height) {
		if (cur - first + 1 <= height)
			last = first + height - 1;
		else {
			first = cur;
			last = cur + height - 1;
		}
	}
	if (first < top)
		top = first;
	else if (last >= top + height)
		top = last - height + 1;
	if (top > n - height)
		top = n - height;
	if (top < 0)
		top = 0;
	return top;
}
