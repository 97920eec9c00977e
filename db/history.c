/* SPDX-License-Identifier: MIT */
/* history.c: the history of changes, and undo.
 *
 * Every change writes a row (when, who, what, key, old, new) in the same
 * transaction as the change.  Undo takes the newest row not yet undone
 * among answers, contract edits and acknowledgements, puts its old value
 * back, marks it undone and writes an 'undo' row; undoing again goes
 * further back.  Rows written by undo are never themselves undone, so undo
 * cannot loop.  An import of the whole worksheet ('contracts') is a wall:
 * the worksheet it replaced is not kept, so undo stops there and says so. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ack.h"
#include "answers.h"
#include "edition.h"
#include "mem.h"
#include "nominal.h"
#include "store_internal.h"
#include "validate.h"

/* ---- the list ---- */

enum store_status store_history(struct store *st, size_t limit,
                                bool (*fn)(void *ctx,
                                           const struct store_change *c),
                                void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc;

	/* A statement of its own, so fn may read the store meanwhile. */
	rc = sqlite3_prepare_v2(st->db, "SELECT id, at, who, what, key, old, new "
	                        "FROM history ORDER BY id DESC LIMIT ?1", -1, &s,
	                        NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(s, 1, limit == 0 || limit > INT64_MAX ?
		                        -1 : (int64_t)limit);
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_change c = {
			.id = sqlite3_column_int64(s, 0),
			.at = (const char *)sqlite3_column_text(s, 1),
			.who = (const char *)sqlite3_column_text(s, 2),
			.what = (const char *)sqlite3_column_text(s, 3),
			.key = (const char *)sqlite3_column_text(s, 4),
			.old_value = (const char *)sqlite3_column_text(s, 5),
			.new_value = (const char *)sqlite3_column_text(s, 6),
		};

		if (!fn(ctx, &c)) {
			sqlite3_finalize(s);
			snprintf(err, errlen, "%s: stopped while listing the history",
			         st->path);
			return STORE_INVALID;
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, "could not read the history", "try again",
		                  err, errlen);
	return STORE_OK;
}

/* ---- undo ---- */

static const char again[] = "undo again";

/* A value for a sentence: blank, or a multi-select's lines joined. */
static void describe_value(char *buf, size_t n, const char *v)
{
	size_t len = 0;

	if (!v) {
		snprintf(buf, n, "blank");
		return;
	}
	for (; *v && len + 3 < n; v++) {
		if (*v == '\n') {
			buf[len++] = ',';
			buf[len++] = ' ';
		} else {
			buf[len++] = *v;
		}
	}
	buf[len] = '\0';
}

struct undo {
	int64_t id;
	char *what, *key, *old, *new;
	/* What to do to memory once committed. */
	int q;
	char *answer;             /* the answer put back */
	struct store_ack *acks;   /* acknowledgements after the undo */
	size_t nacks;
	bool acks_changed;
};

static void undo_free(struct undo *u)
{
	mem_free(u->what);
	mem_free(u->key);
	mem_free(u->old);
	mem_free(u->new);
	mem_free(u->answer);
	store_acks_free(u->acks, u->nacks);
}

/* The newest change not yet undone; *found false when there is none. */
static int undo_find(struct store *st, struct undo *u, bool *found)
{
	sqlite3_stmt *s;
	bool ok = true;
	int rc;

	*found = false;
	s = store_stmt(st, S_HISTORY_LAST, &rc);
	if (!s)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = true;
		u->id = sqlite3_column_int64(s, 0);
		u->what = col_dup(s, 1, &ok);
		u->key = col_dup(s, 2, &ok);
		u->old = col_dup(s, 3, &ok);
		u->new = col_dup(s, 4, &ok);
		rc = ok && u->what ? SQLITE_OK : SQLITE_NOMEM;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	stmt_done(s);
	return rc;
}

static int undo_answer(struct store *st, struct undo *u, char *what,
                       size_t whatlen)
{
	char now[STORE_TIME_LEN], value[200];
	int rc;

	u->q = u->key ? edition_find(st->ed, u->key) : -1;
	if (u->q < 0 || st->ed->qs[u->q].type == Q_COMPUTED)
		return STORE_RC_BAD_HISTORY;
	/* The history is the file's, and a file can be crafted: the earlier
	 * value goes back only if `apmwb set` would save it as it is. */
	if (u->old) {
		char *canonical = NULL, why[300];
		bool same;

		if (!validate_answer(st->ed, u->q, u->old, &canonical, why,
		                     sizeof why))
			return strcmp(why, "out of memory") == 0 ? SQLITE_NOMEM :
			       STORE_RC_BAD_OLD_VALUE;
		same = canonical && strcmp(canonical, u->old) == 0;
		mem_free(canonical);
		if (!same)
			return STORE_RC_BAD_OLD_VALUE;
	}
	if (u->old && !(u->answer = mem_strdup(u->old)))
		return SQLITE_NOMEM;
	store_now(now);
	rc = u->old ? store_run(st, S_ANSWER_PUT, "ttt", u->key, u->old, now) :
	              store_run(st, S_ANSWER_DEL, "t", u->key);
	describe_value(value, sizeof value, u->old);
	snprintf(what, whatlen, "%s: back to %s", u->key, value);
	return rc;
}

static int undo_contract(struct store *st, struct undo *u, char *what,
                         size_t whatlen)
{
	struct contract c, cur;
	int64_t pred = 0, ignored;
	const char *name = u->key ? u->key : "a contract";
	int rc;

	contract_init(&c);
	contract_init(&cur);
	if (!u->old) {
		/* It was added: it goes again. */
		rc = u->new ? contract_unjson(st, u->new, &c, &pred) :
		              STORE_RC_BAD_HISTORY;
		if (rc == SQLITE_OK)
			rc = contract_remove(st, c.id, &cur, NULL, &ignored);
		snprintf(what, whatlen, "contract %s: added, now removed again",
		         name);
	} else if (!u->new) {
		/* It was deleted: back in its place, after the contract that
		 * was before it (positions may have been renumbered since). */
		rc = contract_unjson(st, u->old, &c, &pred);
		if (rc == SQLITE_OK)
			rc = contract_put_after_id(st, &c, pred);
		snprintf(what, whatlen, "contract %s: deleted, now back", name);
	} else {
		rc = contract_unjson(st, u->old, &c, &pred);
		if (rc == SQLITE_OK)
			rc = contract_change(st, &c, &cur, NULL);
		snprintf(what, whatlen, "contract %s: back to its earlier terms",
		         name);
	}
	contract_clear(&c);
	contract_clear(&cur);
	return rc;
}

static int undo_ack(struct store *st, struct undo *u, char *what,
                    size_t whatlen)
{
	char *by = NULL, *at = NULL, value[200];
	sqlite3_stmt *s;
	bool ok = true, changed;
	int rc;

	if (!u->key)
		return STORE_RC_BAD_HISTORY;
	/* The acknowledgement put back keeps who gave it, and when. */
	s = store_stmt(st, S_HISTORY_ACK_BEFORE, &rc);
	if (!s)
		return rc;
	rc = stmt_bind(s, "ti", u->key, u->id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			by = col_dup(s, 0, &ok);
			at = col_dup(s, 1, &ok);
			rc = ok ? SQLITE_OK : SQLITE_NOMEM;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	/* An acknowledgement comes back only as `apmwb ack` would take it. */
	if (rc == SQLITE_OK && u->old &&
	    !ack_valid(u->key, NULL, u->old, by, at, NULL, 0))
		rc = STORE_RC_BAD_OLD_VALUE;
	if (rc == SQLITE_OK)
		rc = store_ack_write(st, u->key, NULL, u->old, by, at, NULL,
		                     &changed);
	if (rc == SQLITE_OK)
		rc = store_acks_read(st, &u->acks, &u->nacks);
	u->acks_changed = rc == SQLITE_OK;
	mem_free(by);
	mem_free(at);
	if (u->old) {
		describe_value(value, sizeof value, u->old);
		snprintf(what, whatlen, "acknowledgement of %s: back to \"%s\"",
		         u->key, value);
	} else {
		snprintf(what, whatlen, "acknowledgement of %s: withdrawn", u->key);
	}
	return rc;
}

enum store_status store_undo(struct store *st, char *what, size_t whatlen,
                             char *err, size_t errlen)
{
	struct undo u = { .q = -1 };
	enum store_status status;
	bool found;
	int rc;

	if (whatlen)
		*what = '\0';
	status = store_writable(st, err, errlen);
	if (status == STORE_OK)
		status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		return status;
	rc = undo_find(st, &u, &found);
	if (rc != SQLITE_OK) {
		status = store_fail(st, rc, "not undone", again, err, errlen);
		goto out;
	}
	if (!found) {
		store_rollback(st);
		snprintf(err, errlen, "%s: nothing to undo", st->path);
		status = STORE_INVALID;
		goto out;
	}
	if (strcmp(u.what, "contracts") == 0) {
		store_rollback(st);
		snprintf(err, errlen, "%s: the last change is an import of the whole "
		         "worksheet (%s before, %s after), which cannot be undone; "
		         "import the earlier worksheet again to go back", st->path,
		         u.old ? u.old : "none", u.new ? u.new : "none");
		status = STORE_INVALID;
		goto out;
	}
	if (strcmp(u.what, "answer") == 0)
		rc = undo_answer(st, &u, what, whatlen);
	else if (strcmp(u.what, "contract") == 0)
		rc = undo_contract(st, &u, what, whatlen);
	else
		rc = undo_ack(st, &u, what, whatlen);
	if (rc == SQLITE_OK)
		rc = store_run(st, S_HISTORY_MARK, "i", u.id);
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "undo", u.key, u.new, u.old);
	if (rc == SQLITE_OK)
		rc = store_draft(st);
	if (rc != SQLITE_OK) {
		if (whatlen)
			*what = '\0';
		status = store_fail(st, rc, "not undone", again, err, errlen);
		goto out;
	}
	status = store_commit(st, again, err, errlen);
	if (status != STORE_OK) {
		if (whatlen)
			*what = '\0';
		goto out;
	}
	if (u.q >= 0) {
		mem_free(st->a->val[u.q]);
		st->a->val[u.q] = u.answer;
		u.answer = NULL;
	}
	if (u.acks_changed) {
		store_acks_swap(st, u.acks, u.nacks);
		u.acks = NULL;
		u.nacks = 0;
	}
	store_draft_done(st);
out:
	undo_free(&u);
	return status;
}
