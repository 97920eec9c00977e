/* SPDX-License-Identifier: MIT */
/* session_internal.h: what the files of app/ share, and nothing else may
 * use. */
#ifndef APMWB_SESSION_INTERNAL_H
#define APMWB_SESSION_INTERNAL_H

#include <stdbool.h>

#include "session.h"

/* The checks of figures f and answers a, with the acknowledgements in
 * force applied, into out (freed first). */
bool session_checks(struct session *s, const struct figures *f,
                    const struct answers *a, struct check_list *out);

#endif
