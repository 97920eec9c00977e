/* SPDX-License-Identifier: MIT */
/* nominal.c: the LAN nominal-risk test and the worksheet's sums. */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lexical.h"
#include "mem.h"
#include "money.h"
#include "nominal.h"
#include "sanitize.h"

static const char *const field_names[NR_F_COUNT] = {
	"label", "line", "type", "risk_min", "risk_max", "shared_risk", "dollars",
};

/* The NR_HAS_* bit a field sets; the label has none (it is optional). */
static const unsigned field_bits[NR_F_COUNT] = {
	0, NR_HAS_LINE, NR_HAS_TYPE, NR_HAS_MIN, NR_HAS_MAX, NR_HAS_SHARE,
	NR_HAS_DOLLARS,
};

static const char *const result_names[NR_R_COUNT] = {
	"net_risk", "meets", "why_not",
};

const char *nominal_result_name(enum nr_result r)
{
	return (unsigned)r < NR_R_COUNT ? result_names[r] : "";
}

const char *nominal_field_name(enum nr_field f)
{
	return (unsigned)f < NR_F_COUNT ? field_names[f] : "";
}

const char *nominal_type_id(enum nr_type t)
{
	return t == NR_TCOC ? "tcoc" : t == NR_REVENUE ? "revenue" : "";
}

void contract_init(struct contract *c)
{
	memset(c, 0, sizeof *c);
	c->line = LOB_NONE;
}

void contract_clear(struct contract *c)
{
	mem_free(c->label);
	contract_init(c);
}

bool contract_copy(struct contract *dst, const struct contract *src)
{
	char *label = NULL;

	if (src->label && !(label = mem_strdup(src->label)))
		return false;
	mem_free(dst->label);
	*dst = *src;
	dst->label = label;
	return true;
}

void nominal_evaluate(const struct contract *c, struct nr_eval *e)
{
	unsigned missing = NR_HAS_ALL & ~c->has;

	memset(e, 0, sizeof *e);
	e->has_net = (c->has & NR_HAS_MAX) && (c->has & NR_HAS_SHARE);
	if (e->has_net)
		e->net = pct_net_risk(c->risk_max, c->shared_risk);
	/* Each test that can be made is made, so "?" can say all that is
	 * wrong even with a term missing. */
	if ((c->has & NR_HAS_MIN) && c->risk_min > NR_RISK_MIN_MAX)
		e->why |= NR_WHY_MIN;
	if ((c->has & NR_HAS_SHARE) && c->shared_risk < NR_SHARE_MIN)
		e->why |= NR_WHY_SHARE;
	if (e->has_net && (c->has & NR_HAS_TYPE) &&
	    e->net < (c->type == NR_TCOC ? NR_NET_TCOC : NR_NET_REVENUE))
		e->why |= NR_WHY_NET;
	if (missing) {
		e->status = NR_INCOMPLETE;
		e->missing = missing;
	} else {
		e->status = e->why ? NR_FAILS : NR_MEETS;
	}
}

/* Appends to buf, keeping it NUL-terminated. */
static void append(char *buf, size_t n, const char *s)
{
	size_t len = strlen(buf);

	if (len + 1 < n)
		lex_copy(buf + len, n - len, s);
}

void nominal_explain(const struct nr_eval *e, const struct contract *c,
                     char *buf, size_t n)
{
	static const char *const missing_names[] = {
		"line", "contract type", "risk minimum", "risk maximum",
		"shared risk", "total dollars",
	};
	char term[PCT_BUFSZ];
	bool first = true;

	if (!n)
		return;
	buf[0] = '\0';
	if (e->status == NR_MEETS) {
		append(buf, n, "meets the LAN nominal risk threshold");
		return;
	}
	if (e->status == NR_INCOMPLETE) {
		append(buf, n, "incomplete: no ");
		for (unsigned i = 0; i < 6; i++) {
			if (!(e->missing & (1u << i)))
				continue;
			if (!first)
				append(buf, n, ", no ");
			append(buf, n, missing_names[i]);
			first = false;
		}
		if (!e->why)
			return;
		append(buf, n, "; ");
		first = true;
	}
	/* Appended piece by piece: the contracts export writes this for
	 * every contract that fails, and printf would be most of its cost. */
	if (e->why & NR_WHY_MIN) {
		pct_format_term(c->risk_min, term);
		append(buf, n, "risk minimum ");
		append(buf, n, term);
		append(buf, n, "% is above 4%");
		first = false;
	}
	if (e->why & NR_WHY_SHARE) {
		pct_format_term(c->shared_risk, term);
		append(buf, n, first ? "shared risk " : "; shared risk ");
		append(buf, n, term);
		append(buf, n, "% is below 30%");
		first = false;
	}
	if (e->why & NR_WHY_NET) {
		pct_format_netrisk(e->net, term);
		append(buf, n, first ? "net risk " : "; net risk ");
		append(buf, n, term);
		append(buf, n, "% is below ");
		append(buf, n, c->type == NR_TCOC ? "3% (TCOC)" : "8% (% revenue)");
	}
}

static bool trimmed(const char *text, char *buf, size_t n);

void nominal_format_result(const struct contract *c, enum nr_result r,
                           char *buf, size_t n)
{
	struct nr_eval e;
	char net[PCT_BUFSZ];

	if (!n)
		return;
	buf[0] = '\0';
	nominal_evaluate(c, &e);
	switch (r) {
	case NR_R_NET_RISK:
		if (e.has_net) {
			pct_format_netrisk(e.net, net);
			lex_copy(buf, n, net);
		}
		break;
	case NR_R_MEETS:
		lex_copy(buf, n, e.status == NR_MEETS ? "yes" : "no");
		break;
	case NR_R_WHY_NOT:
		if (e.status != NR_MEETS)
			nominal_explain(&e, c, buf, n);
		break;
	default:
		break;
	}
}

bool nominal_check_result(const struct contract *c, enum nr_result r,
                          const char *text, char *err, size_t errlen)
{
	struct nr_eval e;
	char buf[NR_LABEL_MAX + 1], why[256], a[PCT_BUFSZ], b[PCT_BUFSZ],
	     net[PCT_BUFSZ];
	netrisk_t given;
	bool yes;

	if (!trimmed(text ? text : "", buf, sizeof buf))
		return lex_fail(err, errlen, "is too long");
	if (!*buf)
		return true;     /* not given: nothing to check */
	nominal_evaluate(c, &e);
	switch (r) {
	case NR_R_NET_RISK:
		if (!e.has_net) {
			snprintf(err, errlen, "is given, but the contract has no net "
			         "risk: it needs both risk_max and shared_risk");
			return false;
		}
		if (!pct_parse_netrisk(buf, &given, err, errlen))
			return false;
		if (given == e.net)
			return true;
		pct_format_term(c->risk_max, a);
		pct_format_term(c->shared_risk, b);
		pct_format_netrisk(e.net, net);
		snprintf(err, errlen, "is not the contract's net risk: risk_max "
		         "%s%% x shared_risk %s%% is %s%%", a, b, net);
		return false;
	case NR_R_MEETS:
		if (strcasecmp(buf, "yes") != 0 && strcasecmp(buf, "no") != 0)
			return lex_fail(err, errlen, "is not yes or no");
		yes = strcasecmp(buf, "yes") == 0;
		if (yes == (e.status == NR_MEETS))
			return true;
		if (yes) {
			nominal_explain(&e, c, why, sizeof why);
			snprintf(err, errlen, "says yes, but the contract does not "
			         "meet the threshold: %s", why);
		} else {
			snprintf(err, errlen, "says no, but the contract meets the "
			         "threshold");
		}
		return false;
	case NR_R_WHY_NOT:
		if (e.status != NR_MEETS)
			return true;     /* the words are for people */
		return lex_fail(err, errlen, "gives a reason, but the contract meets "
		                "the threshold");
	default:
		return lex_fail(err, errlen, "is not a result of the worksheet");
	}
}

/* Copies text without its leading and trailing blanks into buf. */
static bool trimmed(const char *text, char *buf, size_t n)
{
	size_t len = strlen(text);

	lex_trim_span(&text, &len);
	if (len >= n)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return true;
}

static int parse_type(const char *s)
{
	static const char *const tcoc[] = {
		"tcoc", "benchmark", "benchmark-based", "total cost of care",
	};
	static const char *const revenue[] = {
		"revenue", "% revenue", "%revenue", "percent revenue",
		"percent of revenue", "% of revenue",
	};

	for (size_t i = 0; i < sizeof tcoc / sizeof *tcoc; i++)
		if (strcasecmp(s, tcoc[i]) == 0)
			return NR_TCOC;
	for (size_t i = 0; i < sizeof revenue / sizeof *revenue; i++)
		if (strcasecmp(s, revenue[i]) == 0)
			return NR_REVENUE;
	return NR_TYPE_NONE;
}

static bool parse_field(struct contract *c, enum nr_field f,
                        const char *text, bool fraction, char *err,
                        size_t errlen)
{
	char buf[NR_LABEL_MAX + 1];
	pct_t pct;
	int64_t cents;
	int v;

	if ((unsigned)f >= NR_F_COUNT)
		return lex_fail(err, errlen, "is not a column of the worksheet");
	if (!text)
		text = "";
	if (!trimmed(text, buf, sizeof buf))
		return lex_fail(err, errlen, "%s", f == NR_F_LABEL ?
		                "is too long: a contract's label holds at most 200 bytes" :
		                "is too long");
	if (!*buf) {
		if (f == NR_F_LABEL) {
			mem_free(c->label);
			c->label = NULL;
		}
		c->has &= ~field_bits[f];
		return true;
	}
	switch (f) {
	case NR_F_LABEL: {
		char *label;

		if (!sanitize_check(buf, 0, err, errlen))
			return false;
		label = mem_strdup(buf);
		if (!label)
			return lex_fail(err, errlen, "out of memory");
		mem_free(c->label);
		c->label = label;
		return true;
	}
	case NR_F_LINE:
		v = lob_from_nr_id(buf);
		if (v == LOB_NONE)
			return lex_fail(err, errlen, "is not a line of business: use "
			                "commercial, medicare or medicaid");
		c->line = v;
		break;
	case NR_F_TYPE:
		v = parse_type(buf);
		if (v == NR_TYPE_NONE)
			return lex_fail(err, errlen, "%s", "is not a contract type: use "
			                "tcoc (total cost of care) or revenue (% of "
			                "revenue)");
		c->type = (enum nr_type)v;
		break;
	case NR_F_RISK_MIN:
	case NR_F_RISK_MAX:
	case NR_F_SHARED_RISK:
		if (!(fraction ? pct_parse_fraction(buf, &pct, err, errlen) :
		      pct_parse(buf, &pct, err, errlen)))
			return false;
		if (f == NR_F_RISK_MIN)
			c->risk_min = pct;
		else if (f == NR_F_RISK_MAX)
			c->risk_max = pct;
		else
			c->shared_risk = pct;
		break;
	case NR_F_DOLLARS:
		if (!money_parse(buf, &cents, err, errlen))
			return false;
		c->dollars = cents;
		break;
	default:
		break;
	}
	c->has |= field_bits[f];
	return true;
}

bool nominal_parse_field(struct contract *c, enum nr_field f,
                         const char *text, char *err, size_t errlen)
{
	return parse_field(c, f, text, false, err, errlen);
}

bool nominal_parse_field_fraction(struct contract *c, enum nr_field f,
                                  const char *text, char *err,
                                  size_t errlen)
{
	return parse_field(c, f, text, true, err, errlen);
}

void nominal_format_field(const struct contract *c, enum nr_field f,
                          char *buf, size_t n)
{
	char tmp[MONEY_BUFSZ];

	if (!n)
		return;
	buf[0] = '\0';
	if ((unsigned)f >= NR_F_COUNT || (field_bits[f] && !(c->has & field_bits[f])))
		return;
	switch (f) {
	case NR_F_LABEL:
		lex_copy(buf, n, c->label ? c->label : "");
		return;
	case NR_F_LINE:
		lex_copy(buf, n, lob_nr_id(c->line));
		return;
	case NR_F_TYPE:
		lex_copy(buf, n, nominal_type_id(c->type));
		return;
	case NR_F_RISK_MIN:
		pct_format_term(c->risk_min, tmp);
		break;
	case NR_F_RISK_MAX:
		pct_format_term(c->risk_max, tmp);
		break;
	case NR_F_SHARED_RISK:
		pct_format_term(c->shared_risk, tmp);
		break;
	case NR_F_DOLLARS:
		money_format(c->dollars, tmp);
		break;
	default:
		return;
	}
	lex_copy(buf, n, tmp);
}

void nominal_totals_init(struct nr_totals *t)
{
	memset(t, 0, sizeof *t);
}

static void add_checked(struct nr_totals *t, int64_t *sum, int64_t v, int sign)
{
	bool ok = sign > 0 ? money_add(*sum, v, sum) : money_sub(*sum, v, sum);

	if (!ok)
		t->overflow = true;
}

void nominal_totals_apply(struct nr_totals *t, const struct contract *c,
                          int sign)
{
	struct nr_eval e;

	sign = sign < 0 ? -1 : 1;
	nominal_evaluate(c, &e);
	t->contracts += sign;
	if (e.status == NR_INCOMPLETE)
		t->incomplete += sign;
	if (!(c->has & NR_HAS_DOLLARS))
		return;
	if (!(c->has & NR_HAS_LINE) || c->line < 0 || c->line >= LOB_COUNT) {
		add_checked(t, &t->unplaced, c->dollars, sign);
		return;
	}
	add_checked(t, e.status == NR_MEETS ? &t->meets[c->line] :
	            &t->fails[c->line], c->dollars, sign);
}
