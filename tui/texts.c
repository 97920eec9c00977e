/* SPDX-License-Identifier: MIT */
/* texts.c: lines of words made from figures, for every screen. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "edition.h"
#include "money.h"
#include "texts.h"

void texts_xc_state(const struct xcheck *x, char *buf, size_t n)
{
	char m[MONEY_BUFSZ];

	if (x->overflow) {
		snprintf(buf, n, "too large to add");
	} else if (!x->computable) {
		snprintf(buf, n, "row 1 blank");
	} else if (x->ok) {
		snprintf(buf, n, "ok");
	} else {
		money_format_display(x->diff < 0 ? -x->diff : x->diff, m);
		snprintf(buf, n, "%s by %s", x->diff < 0 ? "short" : "over", m);
	}
}

void texts_xc_summary(const struct edition *ed,
                      const struct xcheck xc[LOB_COUNT], const char *sep,
                      char *buf, size_t n)
{
	size_t len = 0;
	bool any = false;

	if (n)
		buf[0] = '\0';
	for (int l = 0; l < LOB_COUNT; l++) {
		char st[80];
		int w;

		if (!xc[l].selected)
			continue;
		texts_xc_state(&xc[l], st, sizeof st);
		w = snprintf(buf + len, len < n ? n - len : 0, "%s%s%s%s",
		             any ? sep : "", edition_line_short(ed, l),
		             xc[l].computable || xc[l].overflow ? " " : ": ", st);
		if (w < 0 || (size_t)w >= (len < n ? n - len : 0))
			return;
		len += (size_t)w;
		any = true;
	}
	if (!any)
		snprintf(buf, n, "no line of business selected");
}

void texts_tab_badge(const struct tab_progress *p, int errors, int warnings,
                     bool off, const struct glyphs *g, char *badge,
                     size_t nb, char *glyph, size_t ng)
{
	const char *mark = "";

	if (off) {
		snprintf(badge, nb, "off");
		snprintf(glyph, ng, "off");
		return;
	}
	if (errors > 0 && (!p || p->answered == p->asked))
		mark = g->bad;
	else if (errors == 0 && warnings > 0)
		mark = g->warn;
	else if (errors == 0 && p && p->asked > 0 && p->answered == p->asked)
		mark = g->ok;
	snprintf(glyph, ng, "%s", mark);
	if (!p || p->asked == 0)
		snprintf(badge, nb, "%s", mark);
	else
		snprintf(badge, nb, "%d/%d%s%s", p->answered, p->asked,
		         *mark ? " " : "", mark);
}

void texts_share(const struct share_fig *s, char *buf, size_t n)
{
	char t[PCT_BUFSZ];

	if (!s->ok) {
		snprintf(buf, n, "n/a");
		return;
	}
	pct_format_share(s->pct, t);
	snprintf(buf, n, "%s%%", t);
}

void texts_money(const struct money_fig *m, char *buf, size_t n)
{
	char t[MONEY_BUFSZ];

	if (!m->has) {
		snprintf(buf, n, "%s", m->overflow ? "n/a" : "");
		return;
	}
	money_format_display(m->cents, t);
	snprintf(buf, n, "%s", t);
}

void texts_count(size_t n, const char *one, const char *many, char *buf,
                 size_t len)
{
	if (n == 0)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%zu %s", n, n == 1 ? one : many);
}

void texts_parts(const char *text, const char *sep, char *buf, size_t n)
{
	size_t len = 0;

	if (n)
		buf[0] = '\0';
	for (const char *p = text ? text : ""; *p && len + 1 < n; p++) {
		const char *add = *p == '|' ? sep : NULL;
		size_t k = add ? strlen(add) : 1;

		if (len + k >= n)
			break;
		memcpy(buf + len, add ? add : p, k);
		len += k;
		buf[len] = '\0';
	}
}
