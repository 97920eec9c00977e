/* SPDX-License-Identifier: MIT */
/* checks.h: errors and warnings of a submission.
 *
 * Errors (a required answer missing, a line whose numerators do not meet its
 * denominator) block sign-off only; nothing ever blocks saving an answer.
 * Warnings can be acknowledged with a reason.  Each check has a stable id
 * so an acknowledgement survives reopening the file; an acknowledgement
 * holds only while the warning says exactly what it said when acknowledged
 * (a changed figure asks again). */
#ifndef APMWB_CHECKS_H
#define APMWB_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

struct edition;
struct answers;
struct figures;

enum severity { SEV_ERROR, SEV_WARNING };

struct check_item {
	enum severity sev;
	char *id;          /* stable: "xc.commercial", "required.gi.contact_name" */
	int tab;           /* tab it belongs to */
	int q;             /* question to jump to, or -1 */
	char *keys;        /* keys it names, space-separated */
	char *message;     /* one line, the workbook's language */
	char *hint;        /* the workbook's advice, or NULL */
	char *ack_reason;  /* set by checks_apply_acks, or NULL */
	char *ack_by, *ack_at; /* who acknowledged it, when; NULL unknown */
};

struct check_list {
	struct check_item *items;
	size_t n;
	size_t errors, warnings, acknowledged;
};

/* Fills out from scratch (out must be zeroed or freed before).  False only
 * when memory runs out. */
bool checks_run(const struct figures *f, const struct answers *a,
                struct check_list *out);
void checks_free(struct check_list *l);

struct check_ack {
	const char *id;
	const char *message;   /* the warning's text when acknowledged */
	const char *reason;
	const char *by, *at;   /* may be NULL */
};
/* Marks the warnings these acknowledge (ids and messages equal). */
bool checks_apply_acks(struct check_list *l, const struct check_ack *acks,
                       size_t n);

/* The errors and warnings of one tab, for the tab bar. */
void checks_count_tab(const struct check_list *l, int tab, int *errors,
                      int *warnings);

const char *severity_name(enum severity s);   /* "error" / "warning" */

/* The severity of any check with this id, from its family ("xc.ma" is an
 * error wherever it appears): what decides, before anything is computed,
 * that an acknowledgement names an error. */
enum severity checks_id_severity(const char *id);

#endif
