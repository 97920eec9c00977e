/* SPDX-License-Identifier: MIT */
/* codebook.h: every key of an edition, answers and computed figures alike.
 *
 * Each key with its tab, type, wording, choices (value names and labels)
 * and when display logic shows it, built from the edition and
 * figures_each_key(), the same lists get, the exports and the screen read.
 * `apmwb keys` prints it, the build writes the apmwb-keys(7) page from it,
 * and an unknown key anywhere is answered with the nearest one. */
#ifndef APMWB_CODEBOOK_H
#define APMWB_CODEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct edition;
struct choice_set;
struct question;

struct codebook_entry {
	char *key;
	int tab;                 /* index into the edition's tabs */
	const char *type;        /* an answer's type name (qtype_name()), or
	                          * "money", "share", "yesno" for a figure */
	bool computed;
	char *wording;
	int q;                   /* its question (answers, computed rows), else -1 */
	bool yesno;              /* choices are yes and no */
	const struct choice_set *choices;  /* a choice or multi-select's */
	char *shown;             /* "always", or the condition */
};

struct codebook {
	const struct edition *ed;
	struct codebook_entry *e;   /* answers in survey order, then figures */
	size_t n, nanswers;
};

/* An answer's wording that reads alone, in a Qualtrics export's style:
 * the group's question and the answer's label ("Provide contact name,
 * email and phone for the respondent. - Email"), the line for a payment
 * model, the tab and row for a metric.  NULL when memory runs out. */
char *codebook_wording(const struct edition *ed, const struct question *q);

/* NULL when memory runs out. */
struct codebook *codebook_new(const struct edition *ed);
void codebook_free(struct codebook *cb);

const struct codebook_entry *codebook_find(const struct codebook *cb,
                                           const char *key);

/* The key nearest to one mistyped (fewest insertions, deletions,
 * substitutions and swaps of neighbours; on a tie the one made of more of
 * the same letters, then the one as long, then the one sharing more of its
 * start), or NULL when none is near enough (a third of its length, at
 * least two edits) to be what was meant. */
const char *codebook_nearest(const struct codebook *cb, const char *key);

/* For messages about an unknown key: "did you mean commercial.m13? " or
 * "", always followed by the way to list them: "`apmwb keys` lists every
 * key". */
void codebook_hint(const struct edition *ed, const char *key, char *buf,
                   size_t n);

enum codebook_format {
	CODEBOOK_TEXT,   /* for people, 80 columns */
	CODEBOOK_CSV,    /* key first (completion scripts read that column) */
	CODEBOOK_JSON,
	CODEBOOK_MAN     /* the apmwb-keys(7) page, roff */
};

/* Writes the codebook; false with a message when the output fails. */
bool codebook_write(FILE *out, const struct codebook *cb,
                    enum codebook_format fmt, char *err, size_t errlen);

#endif
