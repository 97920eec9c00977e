/* SPDX-License-Identifier: MIT */
/* figures.h: every computed figure of a submission, from its answers.
 *
 * figures_compute() decides what is shown (display logic), sums the computed
 * rows, takes every share, makes each line's cross-check and the nominal-risk
 * summary.  The screen, check, show, get and every export read these same
 * figures; nothing else computes them.  It costs a few microseconds: the
 * screen recomputes on every keystroke. */
#ifndef APMWB_FIGURES_H
#define APMWB_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lob.h"
#include "nominal.h"
#include "percent.h"

struct edition;
struct answers;

/* A dollar figure that may be blank (blank is not zero), or not
 * computable because a sum went past the exact range: then it is n/a
 * everywhere, and so is every sum it goes into (never a partial sum). */
struct money_fig {
	bool has;
	int64_t cents;
	bool overflow;      /* has is false: n/a, not blank */
};

/* A share that may be not computable (the workbook's #DIV/0!). */
struct share_fig {
	bool ok;
	pct_t pct;
};

struct xcheck {
	bool selected;               /* the line is reported on */
	struct money_fig sum;        /* shown numerators; blank when none answered */
	struct money_fig denominator;/* the line's row 1 */
	bool computable;             /* row 1 answered */
	bool ok;                     /* sum (blank = 0) equals row 1 to the cent */
	int64_t diff;                /* sum - row 1 */
	bool overflow;
};

enum nr_method { NR_METHOD_NONE, NR_METHOD_ATTEST, NR_METHOD_WORKSHEET };

/* One line (or, at index LOB_COUNT, all lines) of the nominal-risk summary. */
struct nr_line {
	struct money_fig meets, fails, total;      /* total = meets + fails */
	struct share_fig meets_share, fails_share, total_share;
	struct money_fig spend;                    /* the line's row 1 (sum for all) */
};
#define NR_ALL LOB_COUNT

struct tab_progress {
	int asked;      /* shown questions that take an answer */
	int answered;   /* of those, answered */
};

struct figures {
	const struct edition *ed;
	bool *shown;                /* [nq] display logic */
	struct money_fig *money;    /* [nq] money and computed rows, if shown */
	struct share_fig *share;    /* [nq] metric rows' share of their row 1 */
	struct xcheck xc[LOB_COUNT];
	int lines_selected;
	enum nr_method nr_method;   /* NONE while nominal risk is not asked */
	bool nr_asked;              /* some line has FFS-based shared risk in effect */
	struct nr_line nr[LOB_COUNT + 1];
	struct nr_totals nr_totals; /* as handed in */
	struct tab_progress *progress; /* [ntabs] */
	bool overflow;              /* some sum did not fit; shown as such */
};

struct figures *figures_new(const struct edition *ed);
void figures_free(struct figures *f);

/* t may be NULL (no contracts). */
void figures_compute(struct figures *f, const struct answers *a,
                     const struct nr_totals *t);

/* An answer kept in the file that display logic hides. */
bool figures_hidden_answer(const struct figures *f, const struct answers *a,
                           int q);

/* ---- computed keys, by name ---- */

/* Result of looking a key up. */
enum key_kind {
	KEY_UNKNOWN,
	KEY_ANSWER,      /* a question of the edition */
	KEY_COMPUTED     /* <lob>.mN, <lob>.mN.share, xc.*, nr.<line>.* */
};

/* The machine text of any key, answer or computed: "" for blank, "n/a" for a
 * share that cannot be computed.  Answers come back as stored (hidden ones
 * too: `get` reads what the file keeps); computed figures count only what is
 * shown.  Returns KEY_UNKNOWN (buf "") for a key that is neither. */
enum key_kind figures_key_text(const struct figures *f,
                               const struct answers *a, const char *key,
                               char *buf, size_t n);

/* Every computed key an edition has, whatever the answers: what the
 * codebook lists and what figures_each_computed() shows a selection of. */
enum figure_kind {
	FIG_DOLLARS,     /* money: computed rows, sums, differences, nr dollars */
	FIG_SHARE,       /* percent units with one decimal, or n/a */
	FIG_YESNO        /* xc.<lob>.ok */
};

struct figure_def {
	const char *key;         /* "commercial.m19.share" */
	const char *label;       /* the workbook's wording, or ours */
	enum figure_kind kind;
	int tab;                 /* the tab it belongs to */
	int q;                   /* its metric row (the row, or the share's), else -1 */
	int lob;                 /* xc.*: the line; nr.*: the line or NR_ALL; else LOB_NONE */
	const char *shown;       /* when it is shown, in the edition's words */
};

/* Calls fn for each computed key in export order: each line's computed
 * rows and shares in row order, then the cross-checks, then nominal risk
 * (the three lines and all).  The strings are valid during fn only. */
typedef void (*figures_def_fn)(void *ctx, const struct figure_def *d);
void figures_each_key(const struct edition *ed, figures_def_fn fn,
                      void *ctx);

/* Calls fn for every computed key in export order (each line's rows 5, 10,
 * 16-19 and every share, then the cross-checks, then nominal risk), for
 * shown lines only, with its label and machine text: the keys of
 * figures_each_key() that these answers show. */
typedef void (*figures_key_fn)(void *ctx, const char *key, const char *label,
                               const char *value);
void figures_each_computed(const struct figures *f, const struct answers *a,
                           figures_key_fn fn, void *ctx);

#endif
