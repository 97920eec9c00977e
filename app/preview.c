/* SPDX-License-Identifier: MIT */
/* preview.c: the live preview: the figures and checks as they would be if
 * the value being typed were saved, so the tab, the tab bar and the status
 * line show the same figures while it is typed (session.h). */
#include <config.h>

#include <string.h>

#include "answers.h"
#include "edition.h"
#include "mem.h"
#include "session.h"
#include "session_internal.h"
#include "validate.h"

void session_view_saved(struct session *s, struct session_view *v)
{
	v->f = s->f;
	v->checks = &s->checks;
	v->preview = false;
	v->why_not[0] = '\0';
}

/* The scratch answers and figures, made the first time they are needed. */
static bool scratch_ready(struct session *s)
{
	if (!s->scratch)
		s->scratch = answers_new(s->ed);
	if (!s->pf)
		s->pf = figures_new(s->ed);
	return s->scratch && s->pf;
}

void session_preview(struct session *s, int q, const char *text,
                     struct session_view *v)
{
	char *canonical = NULL;
	bool ok;

	session_view_saved(s, v);
	if (q < 0 || (size_t)q >= s->ed->nq)
		return;
	if (!validate_answer(s->ed, q, text, &canonical, v->why_not,
	                     sizeof v->why_not))
		return;   /* never shown as some other value */
	ok = scratch_ready(s);
	for (size_t i = 0; ok && i < s->ed->nq; i++)
		ok = answers_set(s->scratch, (int)i, (int)i == q ? canonical :
		                 answers_get(s->a, (int)i));
	mem_free(canonical);
	if (!ok)
		return;   /* out of memory: the confirmed figures, honestly */
	figures_compute(s->pf, s->scratch, &s->totals);
	if (!session_checks(s, s->pf, s->scratch, &s->pchecks))
		return;
	v->f = s->pf;
	v->checks = &s->pchecks;
	v->preview = true;
}
