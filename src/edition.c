/* SPDX-License-Identifier: MIT */
/* edition.c: building and reading an edition of the workbook. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edition.h"
#include "lob.h"
#include "lexical.h"
#include "mem.h"

static const char *const qtype_names[Q_TYPE_COUNT] = {
	"text", "longtext", "email", "phone", "yesno", "whole", "hours",
	"money", "computed", "choice", "multi",
};

const char *qtype_name(enum qtype t)
{
	return (unsigned)t < Q_TYPE_COUNT ? qtype_names[t] : "";
}

#define NOMEM() lex_fail(err, errlen, "out of memory")

/* The edition's strings, over a thousand read at every open, and the small
 * arrays fixed once parsed (formulas, display conditions) live in a few
 * large blocks freed together rather than one allocation each.  A piece
 * of a quarter block or more gets a block of its own, put behind the
 * current one so that its room is not lost. */
struct edition_text {
	struct edition_text *next;
	size_t used, size;
	char buf[];
};

#define TEXT_BLOCK 16384

/* buf is aligned for what is taken from it: the header's members are of
 * the kinds a cond_term holds. */
_Static_assert(offsetof(struct edition_text, buf) %
               _Alignof(struct cond_term) == 0, "edition_text alignment");

/* size bytes from ed's blocks at a multiple of align (a power of two, at
 * most that of struct cond_term); NULL when memory runs out. */
static void *pool_take(struct edition *ed, size_t size, size_t align)
{
	struct edition_text *b = ed->text;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;

	if (!b || at > b->size || b->size - at < size) {
		bool own = size >= TEXT_BLOCK / 4;
		size_t room = own ? size : TEXT_BLOCK;
		struct edition_text *nb;

		if (size > SIZE_MAX - sizeof *nb)
			return NULL;
		nb = mem_alloc(sizeof *nb + room);
		if (!nb)
			return NULL;
		nb->used = 0;
		nb->size = room;
		if (own && b) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			ed->text = nb;
		}
		b = nb;
		at = 0;
	}
	b->used = at + size;
	return b->buf + at;
}

/* Copies the len bytes at s and a NUL into ed's blocks; NULL when memory
 * runs out. */
static char *text_copy(struct edition *ed, const char *s, size_t len)
{
	struct edition_text *b = ed->text;
	char *d;

	if (b && b->size - b->used > len) {   /* the common case, in line */
		d = b->buf + b->used;
		b->used += len + 1;
	} else if (!(d = len < SIZE_MAX ? pool_take(ed, len + 1, 1) : NULL)) {
		return NULL;
	}
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* n ints from ed's blocks, for a formula or a term's keys. */
static int *pool_ints(struct edition *ed, size_t n)
{
	return n > SIZE_MAX / sizeof(int) ? NULL :
	       pool_take(ed, n * sizeof(int), _Alignof(int));
}

/* How many times c is in s. */
static size_t count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

static char *text_dup(struct edition *ed, const char *s)
{
	return text_copy(ed, s, strlen(s));
}

/* Copies s, or "" for NULL; NULL only when memory runs out. */
static char *dup_or_empty(struct edition *ed, const char *s)
{
	return text_dup(ed, s ? s : "");
}

/* Copies s, keeping NULL (and "") as NULL; *ok false when memory runs out. */
static char *dup_opt(struct edition *ed, const char *s, bool *ok)
{
	char *d;

	if (!s || !*s)
		return NULL;
	d = text_dup(ed, s);
	if (!d)
		*ok = false;
	return d;
}

/* A copy of s to cut up with strtok_r: in buf (n bytes) when it fits, else
 * allocated; NULL when memory runs out.  Give it back with scratch_free(). */
static char *scratch(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s);

	if (len < n) {
		memcpy(buf, s, len + 1);
		return buf;
	}
	return mem_strndup(s, len);
}

static void scratch_free(char *p, const char *buf)
{
	if (p != buf)
		mem_free(p);
}

/* The room an array grown one element at a time has when it holds n > 0:
 * the capacity is not stored, it follows from the count.  Doubling keeps
 * the copying of a realloc linear in the final size. */
static size_t room_for(size_t n)
{
	size_t c = 4;

	while (c < n)
		c *= 2;
	return c;
}

/* Makes room for element n of an array that holds n; false when memory
 * runs out (the array is kept). */
static bool reserve(void *arrp, size_t n, size_t size)
{
	void **arr = arrp;
	void *p;

	if (n && n < room_for(n))
		return true;
	p = mem_realloc_array(*arr, room_for(n + 1), size);
	if (!p)
		return false;
	*arr = p;
	return true;
}

/* Grows an array by one zeroed element; NULL when memory runs out.  The
 * edition's growing arrays change size only through here and reserve(),
 * which is what lets room_for() read their room from their count. */
static void *grow(void *arrp, size_t *n, size_t size)
{
	void **arr = arrp;
	char *p;

	if (!reserve(arrp, *n, size))
		return NULL;
	p = *arr;
	memset(p + *n * size, 0, size);
	return p + (*n)++ * size;
}

struct edition *edition_new(void)
{
	struct edition *ed = mem_calloc(1, sizeof(struct edition));

	if (ed) {
		ed->name_q = -1;
		ed->nr_method_q = -1;
	}
	return ed;
}

void edition_free(struct edition *ed)
{
	if (!ed)
		return;
	/* Strings, formulas and conditions are in ed->text. */
	mem_free(ed->tabs);
	mem_free(ed->qs);
	for (size_t i = 0; i < ed->nsets; i++)
		mem_free(ed->sets[i].items);
	mem_free(ed->sets);
	mem_free(ed->models);
	mem_free(ed->defs);
	mem_free(ed->topics);
	mem_free(ed->cats);
	mem_free(ed->measures);
	mem_free(ed->by_key);
	while (ed->text) {
		struct edition_text *next = ed->text->next;

		mem_free(ed->text);
		ed->text = next;
	}
	mem_free(ed);
}

bool edition_set_info(struct edition *ed, const char *id, const char *title,
                      const char *form, const char *data_year,
                      char *err, size_t errlen)
{
	char *nid, *ntitle, *nform, *nyear;

	if (!id || !*id)
		return lex_fail(err, errlen, "the edition has no id");
	nid = dup_or_empty(ed, id);
	ntitle = dup_or_empty(ed, title);
	nform = dup_or_empty(ed, form);
	nyear = dup_or_empty(ed, data_year);
	if (!nid || !ntitle || !nform || !nyear)
		return NOMEM();
	ed->id = nid;
	ed->title = ntitle;
	ed->form = nform;
	ed->data_year = nyear;
	return true;
}

int edition_find_tab(const struct edition *ed, const char *id)
{
	for (size_t i = 0; i < ed->ntabs; i++)
		if (strcmp(ed->tabs[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool edition_add_tab(struct edition *ed, const char *id, const char *title,
                     const char *short_title, const char *intro,
                     const char *help, char *err, size_t errlen)
{
	struct tab *t;

	if (!id || !*id)
		return lex_fail(err, errlen, "a tab has no id");
	if (edition_find_tab(ed, id) >= 0)
		return lex_fail(err, errlen, "tab '%s' is defined twice", id);
	if (ed->nq)
		return lex_fail(err, errlen, "tab '%s' comes after the questions", id);
	t = grow(&ed->tabs, &ed->ntabs, sizeof *t);
	if (!t)
		return NOMEM();
	t->id = dup_or_empty(ed, id);
	t->title = dup_or_empty(ed, title);
	t->short_title = dup_or_empty(ed, short_title && *short_title ? short_title
	                                                           : title);
	t->intro = dup_or_empty(ed, intro);
	t->help = dup_or_empty(ed, help);
	t->lob = lob_from_id(id);
	t->first_q = 0;
	t->nq = 0;
	if (!t->id || !t->title || !t->short_title || !t->intro || !t->help)
		return NOMEM();   /* edition_free() frees the partial tab */
	return true;
}

static struct choice_set *find_set(const struct edition *ed, const char *id)
{
	for (size_t i = 0; i < ed->nsets; i++)
		if (strcmp(ed->sets[i].id, id) == 0)
			return &ed->sets[i];
	return NULL;
}

bool edition_add_choice(struct edition *ed, const char *set_id,
                        const char *value, const char *label,
                        char *err, size_t errlen)
{
	struct choice_set *set;
	struct choice *c;

	if (!set_id || !*set_id || !value || !*value)
		return lex_fail(err, errlen, "a choice has no set or value");
	if (ed->nq)
		return lex_fail(err, errlen, "choice '%s' comes after the questions", value);
	set = find_set(ed, set_id);
	if (!set) {
		set = grow(&ed->sets, &ed->nsets, sizeof *set);
		if (!set)
			return NOMEM();
		set->id = text_dup(ed, set_id);
		if (!set->id)
			return NOMEM();
	}
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->items[i].value, value) == 0)
			return lex_fail(err, errlen, "choice '%s' is twice in set '%s'",
			                value, set_id);
	c = grow(&set->items, &set->n, sizeof *c);
	if (!c)
		return NOMEM();
	c->value = text_dup(ed, value);
	c->label = dup_or_empty(ed, label && *label ? label : value);
	if (!c->value || !c->label)
		return NOMEM();
	return true;
}

bool edition_add_model(struct edition *ed, const char *id, const char *label,
                       const char *category, char *err, size_t errlen)
{
	struct model *m;

	if (!id || !*id)
		return lex_fail(err, errlen, "a payment model has no id");
	if (edition_find_model(ed, id))
		return lex_fail(err, errlen, "payment model '%s' is defined twice", id);
	m = grow(&ed->models, &ed->nmodels, sizeof *m);
	if (!m)
		return NOMEM();
	m->id = text_dup(ed, id);
	m->label = dup_or_empty(ed, label);
	m->category = dup_or_empty(ed, category);
	if (!m->id || !m->label || !m->category)
		return NOMEM();
	return true;
}

bool edition_add_definition(struct edition *ed, const char *term,
                            const char *body, char *err, size_t errlen)
{
	struct definition *d;

	if (!term || !*term)
		return lex_fail(err, errlen, "a definition has no term");
	if (edition_find_definition(ed, term))
		return lex_fail(err, errlen, "'%s' is defined twice", term);
	d = grow(&ed->defs, &ed->ndefs, sizeof *d);
	if (!d)
		return NOMEM();
	d->term = text_dup(ed, term);
	d->body = dup_or_empty(ed, body);
	if (!d->term || !d->body)
		return NOMEM();
	return true;
}

bool edition_add_help(struct edition *ed, const char *id, const char *title,
                      const char *body, char *err, size_t errlen)
{
	struct help_topic *h;

	if (!id || !*id)
		return lex_fail(err, errlen, "a help topic has no id");
	if (edition_find_help(ed, id))
		return lex_fail(err, errlen, "help topic '%s' is defined twice", id);
	h = grow(&ed->topics, &ed->ntopics, sizeof *h);
	if (!h)
		return NOMEM();
	h->id = text_dup(ed, id);
	h->title = dup_or_empty(ed, title);
	h->body = dup_or_empty(ed, body);
	if (!h->id || !h->title || !h->body)
		return NOMEM();
	return true;
}

bool edition_set_keys(struct edition *ed, const struct edition_keys *k,
                      char *err, size_t errlen)
{
	const char *in[5] = { k->name, k->nr_method, k->nr_attest,
	                      k->nr_worksheet, k->nr_model };
	char **out[5] = { &ed->name_key, &ed->nr_method_key, &ed->nr_attest,
	                  &ed->nr_worksheet, &ed->nr_model };
	bool ok = true;

	for (int i = 0; i < 5; i++)
		*out[i] = dup_opt(ed, in[i], &ok);
	return ok ? true : NOMEM();
}

bool edition_set_rows_head(struct edition *ed, const char *tab,
                           const char *head, char *err, size_t errlen)
{
	int t = tab ? edition_find_tab(ed, tab) : -1;
	bool ok = true;

	if (t < 0)
		return lex_fail(err, errlen, "a rows heading is for unknown tab "
		                "'%s'", tab ? tab : "");
	ed->tabs[t].rows_head = dup_opt(ed, head, &ok);
	return ok ? true : NOMEM();
}

bool edition_add_line(struct edition *ed, const char *id, const char *name,
                      const char *short_name, const char *nr_name,
                      char *err, size_t errlen)
{
	int l = lob_from_id(id);
	struct line_words *w;
	bool ok = true;

	if (l == LOB_NONE)
		return lex_fail(err, errlen, "'%s' is not a line of business",
		                id ? id : "");
	w = &ed->lines[l];
	if (w->name)
		return lex_fail(err, errlen, "line '%s' is defined twice", id);
	if (!name || !*name)
		return lex_fail(err, errlen, "line '%s' has no name", id);
	w->name = dup_opt(ed, name, &ok);
	w->short_name = dup_opt(ed, short_name, &ok);
	w->nr_name = dup_opt(ed, nr_name, &ok);
	return ok ? true : NOMEM();
}

static int find_category(const struct edition *ed, const char *id)
{
	for (size_t i = 0; id && i < ed->ncats; i++)
		if (strcmp(ed->cats[i].id, id) == 0)
			return (int)i;
	return -1;
}

bool edition_add_category(struct edition *ed, const char *id,
                          const char *label, char *err, size_t errlen)
{
	struct category *c;

	if (!id || !*id)
		return lex_fail(err, errlen, "a category has no id");
	if (find_category(ed, id) >= 0)
		return lex_fail(err, errlen, "category '%s' is defined twice", id);
	if (ed->nq)
		return lex_fail(err, errlen, "category '%s' comes after the "
		                "questions", id);
	c = grow(&ed->cats, &ed->ncats, sizeof *c);
	if (!c)
		return NOMEM();
	c->id = text_dup(ed, id);
	c->label = dup_or_empty(ed, label && *label ? label : id);
	if (!c->id || !c->label)
		return NOMEM();
	return true;
}

bool edition_add_measure(struct edition *ed, const char *id,
                         const char *label, const char *rows,
                         char *err, size_t errlen)
{
	struct measure *m;
	char buf[256], *text, *save = NULL, *tok;

	if (!id || !*id)
		return lex_fail(err, errlen, "a measure has no id");
	if (edition_find_measure(ed, id))
		return lex_fail(err, errlen, "measure '%s' is defined twice", id);
	m = grow(&ed->measures, &ed->nmeasures, sizeof *m);
	if (!m)
		return NOMEM();
	m->id = text_dup(ed, id);
	m->label = dup_or_empty(ed, label && *label ? label : id);
	if (!m->id || !m->label)
		return NOMEM();
	if (!rows || !*rows)
		return true;
	text = scratch(rows, buf, sizeof buf);
	if (!text)
		return NOMEM();
	for (tok = strtok_r(text, "+", &save); tok;
	     tok = strtok_r(NULL, "+", &save)) {
		if (m->nrows == EDITION_MEASURE_ROWS) {
			scratch_free(text, buf);
			return lex_fail(err, errlen, "measure '%s' adds more than "
			                "%d rows", id, EDITION_MEASURE_ROWS);
		}
		tok = lex_trim(tok);
		if (!*tok) {
			scratch_free(text, buf);
			return lex_fail(err, errlen, "measure '%s' has an empty "
			                "term: '%s'", id, rows);
		}
		m->rows[m->nrows] = text_dup(ed, tok);
		if (!m->rows[m->nrows]) {
			scratch_free(text, buf);
			return NOMEM();
		}
		m->nrows++;
	}
	scratch_free(text, buf);
	return true;
}

static int parse_qtype(const char *s)
{
	for (int i = 0; s && i < Q_TYPE_COUNT; i++)
		if (strcmp(s, qtype_names[i]) == 0)
			return i;
	return -1;
}

static int parse_role(const char *s)
{
	if (!s || !*s)
		return ROLE_NONE;
	if (strcmp(s, "denominator") == 0)
		return ROLE_DENOMINATOR;
	if (strcmp(s, "numerator") == 0)
		return ROLE_NUMERATOR;
	if (strcmp(s, "subtotal") == 0)
		return ROLE_SUBTOTAL;
	return -1;
}

/* The line an answer is about: its tab's line, else a dot-separated part
 * of its key that names one (gi.lob.ma, pm.ma.cat1_legacy). */
static int key_lob(const char *key, int tab_lob)
{
	const char *p = key;

	if (tab_lob != LOB_NONE)
		return tab_lob;
	while (p && *p) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);

		for (int l = 0; l < LOB_COUNT; l++)
			if (strlen(lob_id(l)) == len && strncmp(p, lob_id(l), len) == 0)
				return l;
		p = dot ? dot + 1 : NULL;
	}
	return LOB_NONE;
}

/* Where key is in ed->by_key, or where it would go; *found is its question
 * index, else -1.  by_key is kept sorted as questions are added, so a row's
 * checks and its formula find keys without a scan of the questions. */
static size_t key_search(const struct edition *ed, const char *key, int *found)
{
	size_t lo = 0, hi = ed->by_key ? ed->nq : 0;

	*found = -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, ed->qs[ed->by_key[mid]].key);

		if (c == 0) {
			*found = ed->by_key[mid];
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The index of key among the first `before` questions, or -1. */
static int find_earlier(const struct edition *ed, const char *key,
                        size_t before)
{
	int i = edition_find(ed, key);

	return i >= 0 && (size_t)i < before ? i : -1;
}

static char *trim(char *s)
{
	return lex_trim(s);
}

/* A row that names what the edition has, in an order it can take. */
static bool row_checks(struct edition *ed, const struct question_row *row,
                       int *tab, int *type, int *role, char *err,
                       size_t errlen)
{
	if (!row->key || !*row->key)
		return lex_fail(err, errlen, "a question has no key");
	for (const char *p = row->key; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		      *p == '.' || *p == '_'))
			return lex_fail(err, errlen, "question key '%s' has a character "
			                "other than a-z, 0-9, '.' and '_'", row->key);
	/* Questions come grouped by tab: most are on the previous one's. */
	if (row->tab && ed->nq &&
	    strcmp(ed->tabs[ed->qs[ed->nq - 1].tab].id, row->tab) == 0)
		*tab = ed->qs[ed->nq - 1].tab;
	else
		*tab = row->tab ? edition_find_tab(ed, row->tab) : -1;
	if (*tab < 0)
		return lex_fail(err, errlen, "question '%s' is on unknown tab '%s'",
		                row->key, row->tab ? row->tab : "");
	if (ed->nq && ed->qs[ed->nq - 1].tab > *tab)
		return lex_fail(err, errlen, "question '%s' is out of tab order",
		                row->key);
	if (ed->nq && ed->qs[ed->nq - 1].tab != *tab && ed->tabs[*tab].nq)
		return lex_fail(err, errlen, "the questions of tab '%s' are not "
		                "together", row->tab);
	if ((*type = parse_qtype(row->type)) < 0)
		return lex_fail(err, errlen, "question '%s' has unknown type '%s'",
		                row->key, row->type ? row->type : "");
	if ((*role = parse_role(row->role)) < 0)
		return lex_fail(err, errlen, "question '%s' has unknown role '%s'",
		                row->key, row->role);
	if (edition_find(ed, row->key) >= 0)
		return lex_fail(err, errlen, "question '%s' is defined twice",
		                row->key);
	if ((*type == Q_CHOICE || *type == Q_MULTI) &&
	    (!row->choices || !find_set(ed, row->choices)))
		return lex_fail(err, errlen, "question '%s' has unknown choice set "
		                "'%s'", row->key, row->choices ? row->choices : "");
	if (row->model && *row->model && !edition_find_model(ed, row->model))
		return lex_fail(err, errlen, "question '%s' has unknown payment "
		                "model '%s'", row->key, row->model);
	if (row->total_of && *row->total_of && find_category(ed, row->total_of) < 0)
		return lex_fail(err, errlen, "question '%s' totals unknown category "
		                "'%s'", row->key, row->total_of);
	if ((*type == Q_COMPUTED) != (row->formula && *row->formula))
		return lex_fail(err, errlen, "question '%s': only computed rows have "
		                "a formula, and every computed row has one",
		                row->key);
	return true;
}

/* A computed row's formula: earlier rows of dollars, added.  Formulas may
 * only add earlier rows, so they resolve right here. */
static bool add_formula(struct edition *ed, struct question *q,
                        const char *formula, char *err, size_t errlen)
{
	char buf[256], *text = scratch(formula, buf, sizeof buf), *save = NULL;
	char *tok;
	bool ok = true;

	if (!text)
		return NOMEM();
	/* A term per '+' and one more, at most. */
	q->formula = pool_ints(ed, count_char(text, '+') + 1);
	if (!q->formula)
		ok = NOMEM();
	for (tok = ok ? strtok_r(text, "+", &save) : NULL; ok && tok;
	     tok = strtok_r(NULL, "+", &save)) {
		int idx = find_earlier(ed, trim(tok), ed->nq - 1);

		if (idx < 0)
			ok = lex_fail(err, errlen, "the formula of '%s' names '%s', which "
			              "is not an earlier question", q->key, tok);
		else if (ed->qs[idx].type != Q_MONEY &&
		         ed->qs[idx].type != Q_COMPUTED)
			ok = lex_fail(err, errlen, "the formula of '%s' adds '%s', which "
			              "is not dollars", q->key, tok);
		else
			q->formula[q->nformula++] = idx;
	}
	scratch_free(text, buf);
	return ok;
}

bool edition_add_question(struct edition *ed, const struct question_row *row,
                          char *err, size_t errlen)
{
	struct question *q;
	int tab = -1, type = -1, role = -1, found;
	bool ok = true;
	char *key;
	size_t at;

	if (!row_checks(ed, row, &tab, &type, &role, err, errlen))
		return false;
	/* The key first, so that by_key only ever names questions with one. */
	key = text_dup(ed, row->key);
	if (!key)
		return NOMEM();
	at = key_search(ed, key, &found);
	if (!reserve(&ed->by_key, ed->nq, sizeof *ed->by_key) ||
	    !(q = grow(&ed->qs, &ed->nq, sizeof *q)))
		return NOMEM();
	q->key = key;
	memmove(ed->by_key + at + 1, ed->by_key + at,
	        (ed->nq - 1 - at) * sizeof *ed->by_key);
	ed->by_key[at] = (int)(ed->nq - 1);
	if (!ed->tabs[tab].nq)
		ed->tabs[tab].first_q = (int)(ed->nq - 1);
	ed->tabs[tab].nq++;
	q->tab = tab;
	q->type = (enum qtype)type;
	q->role = (enum qrole)role;
	q->lob = key_lob(row->key, ed->tabs[tab].lob);
	q->denominator = -1;
	q->total_of = row->total_of && *row->total_of ?
	              find_category(ed, row->total_of) : -1;
	q->max_choices = type == Q_MULTI ? row->max_choices : 0;
	q->required = row->required;
	q->choices = row->choices ? find_set(ed, row->choices) : NULL;
	q->prompt = dup_or_empty(ed, row->prompt);
	q->label = dup_or_empty(ed, row->label);
	if (!q->prompt || !q->label)
		ok = false;
	q->row = dup_opt(ed, row->row, &ok);
	q->section = dup_opt(ed, row->section, &ok);
	q->share_label = dup_opt(ed, row->share_label, &ok);
	q->help = dup_opt(ed, row->help, &ok);
	q->model = dup_opt(ed, row->model, &ok);
	q->show_if_text = dup_opt(ed, row->show_if, &ok);
	q->short_label = dup_opt(ed, row->short_label, &ok);
	q->section_short = dup_opt(ed, row->section_short, &ok);
	q->instruction = dup_opt(ed, row->instruction, &ok);
	if (!ok)
		return NOMEM();
	if (row->formula && *row->formula)
		return add_formula(ed, q, row->formula, err, errlen);
	return true;
}

/* ---- display conditions ---- */

/* Parses one term ("k=v" or "N of k1,k2=v") of question qi's condition. */
static bool parse_term(struct edition *ed, size_t qi, char *text,
                       struct cond_term *t, char *err, size_t errlen)
{
	const char *qkey = ed->qs[qi].key;
	char *eq = strrchr(text, '='), *keys = text, *save = NULL, *tok;

	t->min_count = 1;
	if (!eq)
		return lex_fail(err, errlen, "the condition of '%s' has a term without "
		                "'=': '%s'", qkey, text);
	*eq = '\0';
	t->value = text_dup(ed, trim(eq + 1));
	if (!t->value)
		return NOMEM();
	if (!*t->value)
		return lex_fail(err, errlen, "the condition of '%s' has a term without "
		                "a value", qkey);
	keys = trim(keys);
	if (isdigit((unsigned char)*keys)) {
		char *end;
		long n = strtol(keys, &end, 10);

		if (n < 1 || n > 100 || strncmp(end, " of ", 4) != 0)
			return lex_fail(err, errlen, "the condition of '%s' does not read "
			                "'N of KEY,KEY=VALUE'", qkey);
		t->min_count = (int)n;
		keys = end + 4;
	}
	/* A key per ',' and one more, at most. */
	t->qidx = pool_ints(ed, count_char(keys, ',') + 1);
	if (!t->qidx)
		return NOMEM();
	for (tok = strtok_r(keys, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int idx = find_earlier(ed, trim(tok), qi);

		if (idx < 0)
			return lex_fail(err, errlen, "the condition of '%s' names '%s', "
			                "which is not an earlier question", qkey, trim(tok));
		t->qidx[t->nkeys++] = idx;
	}
	if ((size_t)t->min_count > t->nkeys)
		return lex_fail(err, errlen, "the condition of '%s' asks for more keys "
		                "than it names", qkey);
	return true;
}

static bool parse_condition(struct edition *ed, size_t qi, char *err,
                            size_t errlen)
{
	struct question *q = &ed->qs[qi];
	char buf[256], *text, *p;
	bool ok = true;
	size_t n;

	if (!q->show_if_text)
		return true;
	text = scratch(q->show_if_text, buf, sizeof buf);
	if (!text)
		return NOMEM();
	/* A term per " & " and one more. */
	n = 1;
	for (p = strstr(text, " & "); p; p = strstr(p + 3, " & "))
		n++;
	q->cond = pool_take(ed, n * sizeof *q->cond, _Alignof(struct cond_term));
	if (!q->cond)
		ok = NOMEM();
	else
		memset(q->cond, 0, n * sizeof *q->cond);
	p = text;
	while (ok && p) {
		char *amp = strstr(p, " & ");

		if (amp)
			*amp = '\0';
		ok = parse_term(ed, qi, p, &q->cond[q->ncond++], err, errlen);
		p = amp ? amp + 3 : NULL;
	}
	scratch_free(text, buf);
	return ok;
}

/* A category's total is a metric row, one per line and category. */
static bool finish_totals(struct edition *ed, char *err, size_t errlen)
{
	for (size_t i = 0; i < ed->nq; i++) {
		const struct question *q = &ed->qs[i];

		if (q->total_of < 0)
			continue;
		if (q->lob == LOB_NONE || ed->tabs[q->tab].lob == LOB_NONE ||
		    (q->type != Q_MONEY && q->type != Q_COMPUTED))
			return lex_fail(err, errlen, "question '%s' totals a category "
			                "but is not dollars of a metric tab", q->key);
		for (size_t k = 0; k < i; k++)
			if (ed->qs[k].lob == q->lob && ed->qs[k].total_of == q->total_of)
				return lex_fail(err, errlen, "'%s' and '%s' both total "
				                "category '%s'", ed->qs[k].key, q->key,
				                ed->cats[q->total_of].id);
	}
	for (size_t i = 0; ed->ncats && i < ed->nmodels; i++)
		if (find_category(ed, ed->models[i].category) < 0)
			return lex_fail(err, errlen, "payment model '%s' is of unknown "
			                "category '%s'", ed->models[i].id,
			                ed->models[i].category);
	return true;
}

/* The keys the program's rules use name what they must. */
static bool finish_keys(struct edition *ed, char *err, size_t errlen)
{
	int mq;

	ed->name_q = -1;
	ed->nr_method_q = -1;
	if (ed->name_key) {
		ed->name_q = edition_find(ed, ed->name_key);
		if (ed->name_q < 0)
			return lex_fail(err, errlen, "the edition names the plan by "
			                "'%s', which is not a question", ed->name_key);
	}
	if (ed->nr_model && !edition_find_model(ed, ed->nr_model))
		return lex_fail(err, errlen, "nominal risk is for unknown payment "
		                "model '%s'", ed->nr_model);
	if (!ed->nr_method_key)
		return true;
	mq = edition_find(ed, ed->nr_method_key);
	if (mq < 0 || ed->qs[mq].type != Q_CHOICE)
		return lex_fail(err, errlen, "the nominal-risk method '%s' is not a "
		                "choice question", ed->nr_method_key);
	if (!ed->nr_attest || !ed->nr_worksheet ||
	    !edition_find_choice(&ed->qs[mq], ed->nr_attest) ||
	    !edition_find_choice(&ed->qs[mq], ed->nr_worksheet))
		return lex_fail(err, errlen, "the nominal-risk method '%s' does not "
		                "offer both its answers '%s' and '%s'",
		                ed->nr_method_key,
		                ed->nr_attest ? ed->nr_attest : "",
		                ed->nr_worksheet ? ed->nr_worksheet : "");
	ed->nr_method_q = mq;
	return true;
}

/* "<line>.<row>" into key (n bytes), cut short like snprintf's; copied by
 * hand where it fits, as this runs for each row of each measure and line
 * at every open. */
static void line_key(char *key, size_t n, const char *line, const char *row)
{
	size_t a = strlen(line), b = strlen(row);

	if (a + 1 + b < n) {
		memcpy(key, line, a);
		key[a] = '.';
		memcpy(key + a + 1, row, b + 1);
	} else {
		snprintf(key, n, "%s.%s", line, row);
	}
}

/* A measure's rows are dollars on every line that has a metric tab. */
static bool finish_measures(struct edition *ed, char *err, size_t errlen)
{
	for (size_t m = 0; m < ed->nmeasures; m++) {
		const struct measure *ms = &ed->measures[m];

		for (int l = 0; l < LOB_COUNT; l++) {
			if (edition_denominator(ed, l) < 0)
				continue;
			for (size_t k = 0; k < ms->nrows; k++) {
				char key[128];
				int q;

				line_key(key, sizeof key, lob_id(l), ms->rows[k]);
				q = edition_find(ed, key);
				if (q < 0 || (ed->qs[q].type != Q_MONEY &&
				              ed->qs[q].type != Q_COMPUTED))
					return lex_fail(err, errlen, "measure '%s' adds '%s', "
					                "which is not a row of dollars",
					                ms->id, key);
			}
		}
	}
	return true;
}

bool edition_finish(struct edition *ed, char *err, size_t errlen)
{
	if (!ed->id)
		return lex_fail(err, errlen, "the edition has no id");
	if (!ed->nq)
		return lex_fail(err, errlen, "the edition has no questions");
	for (size_t i = 0; i < ed->nq; i++)
		if (!parse_condition(ed, i, err, errlen))
			return false;
	/* Each metric tab has exactly one denominator; rows share it. */
	for (size_t t = 0; t < ed->ntabs; t++) {
		const struct tab *tab = &ed->tabs[t];
		int denom = -1;

		for (int i = tab->first_q; i < tab->first_q + tab->nq; i++) {
			if (ed->qs[i].role != ROLE_DENOMINATOR)
				continue;
			if (denom >= 0)
				return lex_fail(err, errlen, "tab '%s' has two denominators",
				                tab->id);
			denom = i;
		}
		if (tab->lob != LOB_NONE && denom < 0 && tab->nq)
			return lex_fail(err, errlen, "metric tab '%s' has no denominator",
			                tab->id);
		for (int i = tab->first_q; denom >= 0 && i < tab->first_q + tab->nq; i++)
			if (ed->qs[i].role != ROLE_NONE)
				ed->qs[i].denominator = denom;
	}
	return finish_totals(ed, err, errlen) && finish_keys(ed, err, errlen) &&
	       finish_measures(ed, err, errlen);
}

/* ---- reading ---- */

int edition_find(const struct edition *ed, const char *key)
{
	int found = -1;

	if (key)
		key_search(ed, key, &found);
	return found;
}

const struct choice *edition_find_choice(const struct question *q,
                                         const char *value)
{
	if (!q->choices || !value)
		return NULL;
	for (size_t i = 0; i < q->choices->n; i++)
		if (strcmp(q->choices->items[i].value, value) == 0)
			return &q->choices->items[i];
	return NULL;
}

const struct model *edition_find_model(const struct edition *ed, const char *id)
{
	for (size_t i = 0; id && i < ed->nmodels; i++)
		if (strcmp(ed->models[i].id, id) == 0)
			return &ed->models[i];
	return NULL;
}

const struct definition *edition_find_definition(const struct edition *ed,
                                                 const char *term)
{
	for (size_t i = 0; term && i < ed->ndefs; i++)
		if (strcmp(ed->defs[i].term, term) == 0)
			return &ed->defs[i];
	return NULL;
}

const struct help_topic *edition_find_help(const struct edition *ed,
                                           const char *id)
{
	for (size_t i = 0; id && i < ed->ntopics; i++)
		if (strcmp(ed->topics[i].id, id) == 0)
			return &ed->topics[i];
	return NULL;
}

int edition_denominator(const struct edition *ed, int lob)
{
	for (size_t i = 0; i < ed->nq; i++)
		if (ed->qs[i].lob == lob && ed->qs[i].role == ROLE_DENOMINATOR)
			return (int)i;
	return -1;
}

int edition_model_row(const struct edition *ed, int lob, const char *model)
{
	for (size_t i = 0; model && i < ed->nq; i++)
		if (ed->qs[i].lob == lob && ed->qs[i].role == ROLE_NUMERATOR &&
		    ed->qs[i].model && strcmp(ed->qs[i].model, model) == 0)
			return (int)i;
	return -1;
}

size_t edition_condition_words(const struct edition *ed, int q, char *buf,
                               size_t n)
{
	const struct question *qq = &ed->qs[q];
	size_t used = 0;

	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < qq->ncond; i++) {
		const struct cond_term *t = &qq->cond[i];
		bool multi = t->nkeys == 1 && ed->qs[t->qidx[0]].type == Q_MULTI;
		int w;

		w = snprintf(buf + used, used < n ? n - used : 0, "%s",
		             i ? " and " : "");
		used += w > 0 ? (size_t)w : 0;
		if (t->nkeys > 1) {
			w = snprintf(buf + used, used < n ? n - used : 0, "%s%d of ",
			             t->min_count == (int)t->nkeys ? "all " : "at least ",
			             t->min_count);
			used += w > 0 ? (size_t)w : 0;
		}
		for (size_t k = 0; k < t->nkeys; k++) {
			w = snprintf(buf + used, used < n ? n - used : 0, "%s%s",
			             k ? ", " : "", ed->qs[t->qidx[k]].key);
			used += w > 0 ? (size_t)w : 0;
		}
		w = snprintf(buf + used, used < n ? n - used : 0, " %s %s",
		             multi ? "includes" : t->nkeys > 1 ? "are" : "is",
		             t->value);
		used += w > 0 ? (size_t)w : 0;
	}
	return used;
}

int edition_category_row(const struct edition *ed, int lob, int cat)
{
	for (size_t i = 0; cat >= 0 && i < ed->nq; i++)
		if (ed->qs[i].lob == lob && ed->qs[i].total_of == cat)
			return (int)i;
	return -1;
}

int edition_line_selector(const struct edition *ed, int lob)
{
	int d = edition_denominator(ed, lob);
	const struct question *q = d >= 0 ? &ed->qs[d] : NULL;

	if (!q || q->ncond != 1 || q->cond[0].nkeys != 1 ||
	    ed->qs[q->cond[0].qidx[0]].type != Q_YESNO)
		return -1;
	return q->cond[0].qidx[0];
}

int edition_models_tab(const struct edition *ed)
{
	for (size_t i = 0; i < ed->nq; i++)
		if (ed->qs[i].model && ed->tabs[ed->qs[i].tab].lob == LOB_NONE)
			return ed->qs[i].tab;
	return -1;
}

const struct measure *edition_find_measure(const struct edition *ed,
                                           const char *id)
{
	for (size_t i = 0; id && i < ed->nmeasures; i++)
		if (strcmp(ed->measures[i].id, id) == 0)
			return &ed->measures[i];
	return NULL;
}

/* The edition's word, else the line's id: never wording of our own. */
static const struct line_words *line_of(const struct edition *ed, int lob)
{
	return lob >= 0 && lob < LOB_COUNT ? &ed->lines[lob] : NULL;
}

const char *edition_line_name(const struct edition *ed, int lob)
{
	const struct line_words *w = line_of(ed, lob);

	return w && w->name ? w->name : lob_id(lob);
}

const char *edition_line_short(const struct edition *ed, int lob)
{
	const struct line_words *w = line_of(ed, lob);

	return w && w->short_name ? w->short_name : lob_id(lob);
}

const char *edition_line_nr_name(const struct edition *ed, int lob)
{
	const struct line_words *w = line_of(ed, lob);

	return w && w->nr_name ? w->nr_name : lob_id(lob);
}
