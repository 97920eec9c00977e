/* SPDX-License-Identifier: MIT */
/* session_internal.h: what the files of app/ share, and nothing else may
 * use. */
#ifndef APMWB_SESSION_INTERNAL_H
#define APMWB_SESSION_INTERNAL_H

#include <stdbool.h>

#include "diff.h"
#include "session.h"

/* The checks of figures f and answers a, with the acknowledgements in
 * force applied, into out (freed first). */
bool session_checks(struct session *s, const struct figures *f,
                    const struct answers *a, struct check_list *out);

/* A session set beside an older file (session_against.c); kept here so
 * that session_close frees it without calling back into that file. */
struct session_against {
	char *path;                  /* the older file, as named */
	struct diff_snapshot old;
	struct diff_snapshot cur;    /* this session's, at gen cur_gen */
	uint64_t cur_gen;
	bool have_cur;
	size_t ndiff;                /* keys of cur that differ from old */
	/* The contracts changed or added (positions in this worksheet,
	 * ascending, as cdiff reports them) at gen con_gen; deleted ones. */
	int64_t *con, deleted;
	size_t ncon, capcon;
	uint64_t con_gen;
	bool have_con;
};

void session_against_free(struct session_against *g);

#endif
