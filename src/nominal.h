/* SPDX-License-Identifier: MIT */
/* nominal.h: the LAN nominal-risk test for FFS-based shared-risk contracts.
 *
 * A contract qualifies when its risk minimum is at most 4%, the provider's
 * shared risk is at least 30% and its net risk (risk maximum x shared risk)
 * is at least 3% for a total-cost-of-care contract or 8% for a
 * percent-of-revenue one.  All comparisons are exact integer ones.  A
 * contract missing any term is incomplete: flagged, and never qualifying.
 *
 * This is the only place the rule lives: the screen, check, show, every
 * export and the file's kept totals (db/totals.c) all call
 * nominal_evaluate(). */
#ifndef APMWB_NOMINAL_H
#define APMWB_NOMINAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lob.h"
#include "percent.h"

#define NR_RISK_MIN_MAX   (4 * PCT_UNIT)   /* risk minimum <= 4% */
#define NR_SHARE_MIN      (30 * PCT_UNIT)  /* shared risk >= 30% */
#define NR_NET_TCOC       (3 * NETRISK_UNIT)
#define NR_NET_REVENUE    (8 * NETRISK_UNIT)

#define NR_LABEL_MAX 200   /* bytes of UTF-8 in a contract's label */

enum nr_type { NR_TYPE_NONE, NR_TCOC, NR_REVENUE };

/* Which fields a contract has; a missing one makes it incomplete. */
enum {
	NR_HAS_LINE = 1 << 0,
	NR_HAS_TYPE = 1 << 1,
	NR_HAS_MIN = 1 << 2,
	NR_HAS_MAX = 1 << 3,
	NR_HAS_SHARE = 1 << 4,
	NR_HAS_DOLLARS = 1 << 5,
	NR_HAS_ALL = (1 << 6) - 1
};

/* The columns of a contract, in the contracts CSV's order. */
enum nr_field {
	NR_F_LABEL, NR_F_LINE, NR_F_TYPE, NR_F_RISK_MIN, NR_F_RISK_MAX,
	NR_F_SHARED_RISK, NR_F_DOLLARS, NR_F_COUNT
};

struct contract {
	int64_t id;          /* row id in the file; 0 when not stored */
	char *label;         /* may be NULL */
	unsigned has;        /* NR_HAS_* */
	int line;            /* LOB_* (medicare = LOB_MA) */
	enum nr_type type;
	pct_t risk_min, risk_max, shared_risk;
	int64_t dollars;     /* cents */
};

enum nr_status { NR_MEETS, NR_FAILS, NR_INCOMPLETE };

/* Why a contract fails (several may hold). */
enum {
	NR_WHY_MIN = 1 << 0,     /* risk minimum above 4% */
	NR_WHY_SHARE = 1 << 1,   /* shared risk below 30% */
	NR_WHY_NET = 1 << 2      /* net risk below 3% (TCOC) or 8% (revenue) */
};

struct nr_eval {
	enum nr_status status;
	bool has_net;        /* risk maximum and shared risk both present */
	netrisk_t net;
	unsigned why;        /* NR_WHY_* when status is NR_FAILS */
	unsigned missing;    /* NR_HAS_* bits absent when NR_INCOMPLETE */
};

void nominal_evaluate(const struct contract *c, struct nr_eval *out);

/* A short phrase for the "?" column: "meets", "risk minimum above 4%; net
 * risk below 3% (TCOC)", "incomplete: no risk maximum, no dollars". */
void nominal_explain(const struct nr_eval *e, const struct contract *c,
                     char *buf, size_t n);

/* The computed columns that follow a contract's fields in the contracts
 * CSV and the JSON export: its net risk, whether it meets the threshold,
 * and why not.  They are results, never input: an import checks that
 * those given agree with what the fields give and keeps nothing of them. */
enum nr_result { NR_R_NET_RISK, NR_R_MEETS, NR_R_WHY_NOT, NR_R_COUNT };

const char *nominal_result_name(enum nr_result r);  /* "net_risk" */

/* The machine text of a result: net risk in percent units ("6.0"; "" when
 * the risk maximum or shared risk is missing), meets "yes" or "no" (an
 * incomplete contract does not meet), why_not "" when it meets, else
 * nominal_explain()'s phrase ("incomplete: no dollars", "shared risk
 * 25.0% is below 30%"). */
void nominal_format_result(const struct contract *c, enum nr_result r,
                           char *buf, size_t n);

/* Checks a result read back from a file against the contract's own: a
 * blank one is not given and passes; a net risk must be the same number
 * (any exact spelling: "6", "6.0", "6%"); meets yes or no in any case;
 * why_not any words, but none when the contract meets.  False with the
 * reason, saying what the fields give. */
bool nominal_check_result(const struct contract *c, enum nr_result r,
                          const char *text, char *err, size_t errlen);

/* Parses one field of a contract from typed or CSV text into c (setting or,
 * for empty text, clearing its NR_HAS_* bit; a label is copied).  Lines take
 * "commercial", "medicare" (or "MA"), "medicaid" in any case; types "tcoc"
 * (or "benchmark") and "revenue" (or "% revenue", "percent revenue"). */
bool nominal_parse_field(struct contract *c, enum nr_field f,
                         const char *text, char *err, size_t errlen);

/* The same, but a risk term (risk_min, risk_max, shared_risk) is read as a
 * fraction of 1, as spreadsheet percent cells hold them: "0.04" is 4%. */
bool nominal_parse_field_fraction(struct contract *c, enum nr_field f,
                                  const char *text, char *err,
                                  size_t errlen);

/* The machine text of one field ("" when missing): the contracts CSV and
 * `get` use it; the label is returned as stored. */
void nominal_format_field(const struct contract *c, enum nr_field f,
                          char *buf, size_t n);

const char *nominal_field_name(enum nr_field f);   /* "risk_min" */
const char *nominal_type_id(enum nr_type t);       /* "tcoc" / "revenue" / "" */

void contract_init(struct contract *c);
void contract_clear(struct contract *c);          /* frees the label */
bool contract_copy(struct contract *dst, const struct contract *src);

/* The sums a worksheet needs, kept up to date one contract at a time so a
 * worksheet of a million contracts never has to be read whole: a contract
 * with a line and dollars counts for its line as meeting or not (an
 * incomplete one as not); one without counts in no line. */
struct nr_totals {
	int64_t meets[LOB_COUNT];    /* cents */
	int64_t fails[LOB_COUNT];
	int64_t contracts;           /* every contract */
	int64_t incomplete;          /* contracts missing a field */
	int64_t unplaced;            /* with dollars but no line */
	bool overflow;               /* a sum went past int64 */
};

void nominal_totals_init(struct nr_totals *t);
/* sign +1 adds the contract, -1 takes it away again. */
void nominal_totals_apply(struct nr_totals *t, const struct contract *c,
                          int sign);

#endif
