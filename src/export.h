/* SPDX-License-Identifier: MIT */
/* export.h: a submission written out for machines and people.
 *
 * Every exporter reads the same figures and checks that the screen shows,
 * from one export_input, and writes to a FILE *.  Contracts are fetched
 * through a callback so a worksheet of any size streams out. */
#ifndef APMWB_EXPORT_H
#define APMWB_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct edition;
struct answers;
struct figures;
struct check_list;
struct contract;

typedef bool (*export_contract_fn)(void *ctx, const struct contract *c,
                                   int64_t pos);
/* Calls fn for each contract in worksheet order; false on failure. */
typedef bool (*export_contracts_src)(void *src, export_contract_fn fn,
                                     void *ctx);

struct export_ack {
	const char *id, *message, *reason, *by, *at;
};

struct export_input {
	const struct edition *ed;
	const struct answers *a;
	const struct figures *f;
	const struct check_list *checks;   /* with acknowledgements applied */
	const char *file;                  /* the submission's path */
	bool complete;
	const char *signed_by, *signed_at; /* NULL while draft */
	const char *created, *changed;     /* ISO 8601 UTC, or NULL */
	const struct export_ack *acks;
	size_t nacks;
	export_contracts_src contracts;    /* may be NULL: no contracts */
	void *contracts_src;
};

/* The JSON export: everything needed to rebuild the submission (answers,
 * hidden answers kept in the file, contracts, acknowledgements) plus the
 * computed figures, each contract's results (net_risk, meets, why_not) and
 * the checks.  `apmwb import` of it gives back the same answers and
 * contracts. */
bool export_json(FILE *out, const struct export_input *in,
                 char *err, size_t errlen);

/* The CSV export for reviewers: header key,label,value; the submission's
 * edition and state, then one row per answer display logic shows (blank
 * when unanswered) in the survey's order, then one per computed figure in
 * figures_each_computed()'s order.  RFC 4180 with CRLF, UTF-8 without a BOM,
 * formula-like text neutralised (csvout.h).  A multi-select's values are
 * one per line in their field, as `apmwb get` prints them. */
bool export_csv(FILE *out, const struct export_input *in,
                char *err, size_t errlen);

/* The worksheet as the contracts CSV (contracts_csv.h): its fields, then
 * each contract's net_risk, meets and why_not. */
bool export_contracts(FILE *out, const struct export_input *in,
                      char *err, size_t errlen);

/* The layout of a Qualtrics response export (qualtrics_map.h): its
 * response metadata from the file (StartDate: created; EndDate and
 * RecordedDate: signed off, or last changed; Duration, Progress,
 * Finished; UserLanguage EN), blank where only Qualtrics can give it, then
 * the map's columns, every value as typed (no spreadsheet guard). */
struct qualtrics_map;
bool export_qualtrics(FILE *out, const struct export_input *in,
                      const struct qualtrics_map *map,
                      char *err, size_t errlen);

/* The copy sheet: every shown question in the online survey's page order
 * with its wording and the value to type, then the computed figures, the
 * cross-checks, nominal risk and every check.  For terminals and pagers:
 * everything stored passes the sanitiser; lines fit `width` columns. */
bool export_show(FILE *out, const struct export_input *in, int width,
                 char *err, size_t errlen);

#endif
