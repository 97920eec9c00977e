/* nominal.h: the LAN nominal-risk test for FFS-based shared-risk contracts.
 *
 * A contract qualifies when its risk minimum is at most 4%, the provider's
 * shared risk is at least 30% and its net risk (risk maximum x shared risk)
 * is at least 3% for a total-cost-of-care contract or 8% for a
 * percent-of-revenue one.  All comparisons are exact integer ones.  A
 * contract missing any term is incomplete: flagged, and never qualifying.
 *
 * This is the only place the rule lives: the screen, check, show, every
 * export and the SQL function db/ registers all call nominal_evaluate(). */
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

/* Parses one field of a contract from typed or CSV text into c (setting or,
 * for empty text, clearing its NR_HAS_* bit; a label is copied).  Lines take
 * "commercial", "medicare" (or "MA"), "medicaid" in any case; types "tcoc"
 * (or "benchmark") and "revenue" (or "% revenue", "percent revenue"). */
bool nominal_parse_field(struct contract *c, enum nr_field f,
                         const char *text, char *err, size_t errlen);

/* The machine text of one field ("" when missing): the contracts CSV and
 * `get` use it; the label is returned as stored. */
void nominal_format_field(const struct contract *c, enum nr_field f,
                          char *buf, size_t n);

const char *nominal_field_name(enum nr_field f);   /* "risk_min" */
const char *nominal_type_id(enum nr_type t);       /* "tcoc" / "revenue" / "" */
const char *nominal_type_name(enum nr_type t);     /* "TCOC" / "% Revenue" */

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
