/* SPDX-License-Identifier: MIT */
/* session.h: an open submission with its figures and checks.
 *
 * The command line and the full-screen workbook both work through a
 * session, so they read the same figures: after every change the session
 * recomputes the figures and the checks (with acknowledgements applied)
 * from the store's confirmed answers and the worksheet's kept totals. */
#ifndef APMWB_SESSION_H
#define APMWB_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "checks.h"
#include "export.h"
#include "figures.h"
#include "nominal.h"
#include "store.h"

struct session {
	struct store *st;
	const struct edition *ed;
	const struct answers *a;     /* the store's confirmed answers */
	struct figures *f;
	struct check_list checks;
	struct nr_totals totals;
	bool created;                /* session_open made the file */
	struct export_ack *export_acks; /* session_export_input's */
	char read_err[512];          /* why the export's contracts stopped */
	char made_at[32], changed_at[32]; /* session_export_input's dates */
};

/* Opens (or, with create, makes when missing) a submission and computes
 * its figures. */
enum store_status session_open(const char *path, enum store_mode mode,
                               bool create, struct session **out,
                               char *err, size_t errlen);
/* Read-only, with the edition `known` when the file is of that edition
 * (store_open_known). */
enum store_status session_open_known(const char *path,
                                     const struct edition *known,
                                     struct session **out,
                                     char *err, size_t errlen);
void session_close(struct session *s);

/* Recomputes figures and checks after a change made through s->st. */
enum store_status session_refresh(struct session *s, char *err, size_t errlen);

/* Validates typed text for question q and saves it (blank text makes the
 * answer blank).  A refused value returns STORE_INVALID with the reason,
 * prefixed by the key, and nothing is saved.  STORE_OK means saved, even
 * when the figures could not be recomputed after it: they may then be
 * stale until a session_refresh succeeds (which says why it did not). */
enum store_status session_set_text(struct session *s, int q, const char *text,
                                   char *err, size_t errlen);

/* Fills an export_input from the session; valid until the next change.
 * The acknowledgement array and the dates are the session's own (the
 * dates blank when they cannot be read: they are the export's metadata,
 * never a figure).  When reading the contracts fails, read_err says why
 * ("" when the exporter stopped). */
void session_export_input(struct session *s, struct export_input *in);

#endif
