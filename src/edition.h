/* SPDX-License-Identifier: MIT */
/* edition.h: one edition of the workbook, as data.
 *
 * The questions, their wording, types, choices, display conditions and help
 * come from share/edition-<year>.sql, which db/ reads (from a submission
 * file's own copy) and hands to the builder below.  Nothing in the core names
 * a question except through an edition; the rules that are the spec's own
 * (what a cross-check adds, what qualifies as nominal risk) use the roles,
 * lines and keys the edition marks, and every word of the workbook a screen
 * or a message shows (line names, short labels, the bar's categories, the
 * national measures) is the edition's too. */
#ifndef APMWB_EDITION_H
#define APMWB_EDITION_H

#include <stdbool.h>
#include <stddef.h>

#include "lob.h"

enum qtype {
	Q_TEXT,      /* one line of text */
	Q_LONGTEXT,  /* several lines */
	Q_EMAIL,
	Q_PHONE,
	Q_YESNO,
	Q_WHOLE,     /* whole number, e.g. members */
	Q_HOURS,     /* number >= 0 with at most one decimal */
	Q_MONEY,     /* dollars to the cent */
	Q_COMPUTED,  /* dollars, the sum of other rows; never typed */
	Q_CHOICE,    /* one of a choice set */
	Q_MULTI,     /* several of a choice set (up to max_choices) */
	Q_TYPE_COUNT
};

/* What a metric row is to its line's cross-check. */
enum qrole { ROLE_NONE, ROLE_DENOMINATOR, ROLE_NUMERATOR, ROLE_SUBTOTAL };

struct choice {
	char *value;   /* machine name, e.g. "provider_interest" */
	char *label;   /* workbook wording */
};

struct choice_set {
	char *id;
	struct choice *items;
	size_t n;
};

/* One term of a display condition: at least `min_count` of `keys` are shown
 * and have `value` (for a multi-select: include it).  A plain "k=v" is
 * min_count 1 over one key. */
struct cond_term {
	int min_count;
	int *qidx;
	size_t nkeys;
	char *value;
};

/* share/edition_gen.c writes every field of these structs as C data, and
 * tests/check_edition_builtin.c compares each with a loaded edition: a
 * field added here is added in both, or the program's own edition holds
 * it as 0. */
struct question {
	char *key;
	int tab;                 /* index into edition.tabs */
	enum qtype type;
	char *prompt;            /* the workbook's question, shared by a group */
	char *label;             /* this answer's own label or metric wording */
	char *row;               /* metric row number on its tab, else NULL */
	char *section;           /* heading that starts here, else NULL */
	char *instruction;       /* the workbook's direction under the prompt,
	                          * before this and the answers after it */
	char *share_label;       /* metric: the workbook's "Description of Metric" */
	char *help;              /* definition terms, '|'-separated, else NULL */
	char *model;             /* payment model id (pm.* and metric rows) */
	char *show_if_text;      /* the condition as written, for messages */
	enum qrole role;
	int lob;                 /* LOB_* for metric rows and per-line answers */
	int *formula;            /* computed: question indices summed */
	size_t nformula;
	int denominator;         /* metric rows: index of the line's row 1, else -1 */
	const struct choice_set *choices;
	int max_choices;         /* multi: 0 = no limit */
	bool required;
	struct cond_term *cond;  /* all terms must hold; none = always shown */
	size_t ncond;
	char *short_label;       /* metric row: the label without its tab's
	                          * rows_head and period, else NULL */
	char *section_short;     /* metric tab: the section heading short, its
	                          * parts '|'-separated, else NULL */
	int total_of;            /* metric row: the category (edition.cats) whose
	                          * dollars it totals, else -1 */
};

struct tab {
	char *id;                /* "gi", "pm", "commercial", "ma", "medicaid", "xc", "nr", "iq" */
	char *title;             /* "Commercial metrics" */
	char *short_title;       /* "Commercial" for the tab bar */
	char *intro;             /* text shown above the questions */
	char *help;              /* e.g. the Methods text of a metric tab */
	int lob;                 /* LOB_* for a metric tab, else LOB_NONE */
	int first_q, nq;         /* its questions: qs[first_q .. first_q+nq) */
	char *rows_head;         /* a metric tab: the heading over its rows'
	                          * short labels, else NULL */
};

/* A line of business in the edition's words; NULL where it gives none. */
struct line_words {
	char *name;              /* "Medicare Advantage" */
	char *short_name;        /* "MA" */
	char *nr_name;           /* "Medicare": the nominal-risk worksheet's */
};

/* A category of the APM framework, as struct model's category names it. */
struct category {
	char *id;                /* "1" */
	char *label;             /* "Cat 1": the bar's legend */
};

/* A national measure `apmwb aggregate` sums. */
#define EDITION_MEASURE_ROWS 8
struct measure {
	char *id;                /* "cat3b_4" */
	char *label;             /* "Categories 3B-4 (rows 8+9+16)" */
	char *rows[EDITION_MEASURE_ROWS]; /* each line's <line>.<row> added */
	size_t nrows;            /* 0: a figure of the nominal-risk summary */
};

struct model {
	char *id;                /* "cat3b_shared_risk" */
	char *label;             /* "Cat 3B: FFS-based Shared Risk" */
	char *category;          /* "1", "2", "3" or "4" */
};

struct definition {
	char *term;
	char *body;
};

struct help_topic {
	char *id;                /* "introduction", "methods", "nominal_intro", ... */
	char *title;
	char *body;
};

struct edition {
	char *id;                /* "2020" */
	char *title;
	char *form;              /* "CMS-10620" */
	char *data_year;         /* "CY 2019" */
	struct tab *tabs;            size_t ntabs;
	struct question *qs;         size_t nq;    /* in survey page order */
	struct choice_set *sets;     size_t nsets;
	struct model *models;        size_t nmodels;
	struct definition *defs;     size_t ndefs;
	struct help_topic *topics;   size_t ntopics;
	struct category *cats;       size_t ncats;
	struct measure *measures;    size_t nmeasures;
	struct line_words lines[LOB_COUNT];
	int name_q;              /* the answer naming the plan, else -1 */
	/* Nominal risk: the question choosing how it is reported (else -1),
	 * its answers for attesting and for the worksheet, and the payment
	 * model whose dollars the threshold is for (NULL: none). */
	int nr_method_q;
	char *nr_attest, *nr_worksheet, *nr_model;
	char *name_key, *nr_method_key;   /* as given, until edition_finish */
	int *by_key;             /* question indices sorted by key, kept
	                          * sorted as questions are added */
	struct edition_text *text; /* the blocks every string above is in,
	                            * freed with the edition (edition.c) */
};

/* ---- building (db/ calls these while reading the edition tables) ---- */

struct edition *edition_new(void);
void edition_free(struct edition *ed);

/* Each returns false with a message on a malformed row (unknown type, tab or
 * choice set, duplicate key).  Strings are copied into the edition, which
 * owns them: nobody frees one on its own. */
bool edition_set_info(struct edition *ed, const char *id, const char *title,
                      const char *form, const char *data_year,
                      char *err, size_t errlen);
bool edition_add_tab(struct edition *ed, const char *id, const char *title,
                     const char *short_title, const char *intro,
                     const char *help, char *err, size_t errlen);
bool edition_add_choice(struct edition *ed, const char *set_id,
                        const char *value, const char *label,
                        char *err, size_t errlen);
bool edition_add_model(struct edition *ed, const char *id, const char *label,
                       const char *category, char *err, size_t errlen);
bool edition_add_definition(struct edition *ed, const char *term,
                            const char *body, char *err, size_t errlen);
bool edition_add_help(struct edition *ed, const char *id, const char *title,
                      const char *body, char *err, size_t errlen);
/* The keys the program's own rules work with; each may be NULL (none).
 * Checked by edition_finish(). */
struct edition_keys {
	const char *name;          /* the answer naming the plan */
	const char *nr_method;     /* the choice of how nominal risk is told */
	const char *nr_attest;     /* ... its answer for attesting */
	const char *nr_worksheet;  /* ... its answer for the worksheet */
	const char *nr_model;      /* the model the threshold is for */
};
bool edition_set_keys(struct edition *ed, const struct edition_keys *k,
                      char *err, size_t errlen);
bool edition_set_rows_head(struct edition *ed, const char *tab,
                           const char *head, char *err, size_t errlen);
/* id is one of the program's lines (lob_id()). */
bool edition_add_line(struct edition *ed, const char *id, const char *name,
                      const char *short_name, const char *nr_name,
                      char *err, size_t errlen);
/* Categories before the questions that total them. */
bool edition_add_category(struct edition *ed, const char *id,
                          const char *label, char *err, size_t errlen);
/* rows: "m8 + m9 + m16", or NULL for a figure of the nominal-risk summary;
 * checked against the questions by edition_finish(). */
bool edition_add_measure(struct edition *ed, const char *id,
                         const char *label, const char *rows,
                         char *err, size_t errlen);

/* The columns of one edition_question row; NULL for SQL NULL. */
struct question_row {
	const char *key, *tab, *type, *prompt, *label, *row, *section, *role,
	           *formula, *share_label, *choices, *show_if, *help, *model,
	           *short_label, *section_short, *total_of, *instruction;
	int max_choices;
	bool required;
};
/* Questions must be added in survey order, grouped by tab in tab order;
 * choices, tabs and models first. */
bool edition_add_question(struct edition *ed, const struct question_row *row,
                          char *err, size_t errlen);

/* Resolves formulas and display conditions to question indices and checks
 * the whole edition (every key named exists and comes earlier, every metric
 * tab has one denominator).  Call once after the last add. */
bool edition_finish(struct edition *ed, char *err, size_t errlen);

/* ---- reading ---- */

/* Question index by key, or -1. */
int edition_find(const struct edition *ed, const char *key);
/* Tab index by id, or -1. */
int edition_find_tab(const struct edition *ed, const char *id);
const struct choice *edition_find_choice(const struct question *q,
                                         const char *value);
const struct model *edition_find_model(const struct edition *ed,
                                       const char *id);
const struct definition *edition_find_definition(const struct edition *ed,
                                                 const char *term);
const struct help_topic *edition_find_help(const struct edition *ed,
                                           const char *id);
/* The index of a line's row 1 (its denominator), or -1. */
int edition_denominator(const struct edition *ed, int lob);
/* The index of a line's metric row for a payment model, or -1. */
int edition_model_row(const struct edition *ed, int lob, const char *model);
/* The index of a line's row that totals category cat (edition.cats), or -1. */
int edition_category_row(const struct edition *ed, int lob, int cat);
/* The yes/no a line's row 1 is asked on (whether the plan reports on the
 * line at all), or -1. */
int edition_line_selector(const struct edition *ed, int lob);
/* The tab the payment models are marked in effect on, or -1. */
int edition_models_tab(const struct edition *ed);
const struct measure *edition_find_measure(const struct edition *ed,
                                           const char *id);
/* A line's words; its id (lob_id()) where the edition gives none. */
const char *edition_line_name(const struct edition *ed, int lob);
const char *edition_line_short(const struct edition *ed, int lob);
const char *edition_line_nr_name(const struct edition *ed, int lob);

const char *qtype_name(enum qtype t);

/* The program's own edition, made at build time from the embedded one
 * (share/edition_gen.c).  Only the apmwb program has it: the tests and
 * tools that do not link share/edition_builtin.c build every edition
 * from the file's copy. */
const struct edition *edition_builtin(void);

/* When question q is asked, in words: "gi.lob.medicaid is yes", "at least
 * 2 of gi.lob.commercial, gi.lob.ma, gi.lob.medicaid are yes",
 * "iq.barriers includes other", terms joined by " and "; "" when it is
 * always asked.  Returns the length the whole text needs, like snprintf. */
size_t edition_condition_words(const struct edition *ed, int q, char *buf,
                               size_t n);

#endif
