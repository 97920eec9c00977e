/* SPDX-License-Identifier: MIT */
/* wsrows.c: the worksheet's contracts as the screen reads them: a page
 * at a time from the file (so 10,000 or a million contracts cost what a
 * screenful does), and each cell as text.  Finding a label is the
 * session's (wsfind.c). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "money.h"
#include "sanitize.h"
#include "ui.h"

void worksheet_invalidate(struct app *a)
{
	struct wsview *w = &a->ws;

	for (size_t i = 0; i < w->cache_n; i++)
		contract_clear(&w->cache[i]);
	w->cache_n = 0;
	w->cache_ok = false;
}

void ws_page(struct app *a, int64_t from, int64_t n)
{
	struct wsview *w = &a->ws;
	char err[512];
	int64_t start;
	size_t got = 0;

	/* A page read before the last change is never shown or edited. */
	if (w->cache_ok && w->cache_gen == a->s->gen && from >= w->cache_from &&
	    (from + n <= w->cache_from + (int64_t)w->cache_n ||
	     w->cache_from + (int64_t)w->cache_n >= w->count))
		return;
	worksheet_invalidate(a);
	start = from - (WS_CACHE - n) / 2;
	if (start + WS_CACHE > w->count)
		start = w->count - WS_CACHE;
	if (start < 0)
		start = 0;
	for (size_t i = 0; i < WS_CACHE; i++)
		contract_init(&w->cache[i]);
	if (session_contract_page(a->s, start, WS_CACHE, w->cache, &got, err,
	                          sizeof err) != STORE_OK) {
		app_msg(a, R_MSG_ERR, "%s", err);
		return;
	}
	w->cache_from = start;
	w->cache_n = got;
	w->cache_ok = true;
	w->cache_gen = a->s->gen;
}

const struct contract *ws_row(struct app *a, int64_t i)
{
	struct wsview *w = &a->ws;

	if (i < 0 || i >= w->count)
		return NULL;
	ws_page(a, i, 1);
	if (!w->cache_ok || i < w->cache_from ||
	    i >= w->cache_from + (int64_t)w->cache_n)
		return NULL;
	return &w->cache[i - w->cache_from];
}

void ws_dollars_text(int64_t cents, char *buf, size_t n)
{
	char m[MONEY_BUFSZ];
	size_t len;

	/* Without ".00": the table is narrow, and cents show when any. */
	money_format_display(cents, m);
	len = strlen(m);
	if (len > 3 && strcmp(m + len - 3, ".00") == 0)
		m[len - 3] = '\0';
	snprintf(buf, n, "%s", m);
}

int ws_pct_decimals(const char *text)
{
	const char *dot = strchr(text, '.');

	return dot ? (int)strlen(dot + 1) : 0;
}

void ws_pct_align(char *buf, size_t n, int dec)
{
	size_t len = strlen(buf);

	if (!strchr(buf, '.'))
		return;
	/* Spaces, not zeros: a zero would claim a digit the term lacks. */
	for (int d = ws_pct_decimals(buf); d < dec && len + 1 < n; d++)
		buf[len++] = ' ';
	buf[len] = '\0';
}

static void term_text(const struct contract *c, int f, char *buf, size_t n)
{
	unsigned bit = f == NR_F_RISK_MIN ? NR_HAS_MIN :
	               f == NR_F_RISK_MAX ? NR_HAS_MAX : NR_HAS_SHARE;
	pct_t v = f == NR_F_RISK_MIN ? c->risk_min :
	          f == NR_F_RISK_MAX ? c->risk_max : c->shared_risk;
	char t[PCT_BUFSZ];

	if (c->has & bit) {
		pct_format_term(v, t);
		snprintf(buf, n, "%s", t);
	}
}

void ws_cell_text(const struct edition *ed, const struct contract *c, int f,
                  char *buf, size_t n)
{
	buf[0] = '\0';
	switch (f) {
	case NR_F_LABEL:
		sanitize_text(c->label ? c->label : "", 0, buf, n);
		break;
	case NR_F_LINE:
		if (c->has & NR_HAS_LINE)
			sanitize_text(edition_line_nr_name(ed, c->line), 0, buf, n);
		break;
	case NR_F_TYPE:
		if (c->has & NR_HAS_TYPE)
			snprintf(buf, n, "%s", c->type == NR_TCOC ? "TCOC" : "Revenue");
		break;
	case NR_F_RISK_MIN:
	case NR_F_RISK_MAX:
	case NR_F_SHARED_RISK:
		term_text(c, f, buf, n);
		break;
	case NR_F_DOLLARS:
		if (c->has & NR_HAS_DOLLARS)
			ws_dollars_text(c->dollars, buf, n);
		break;
	}
}
