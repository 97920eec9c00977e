/* SPDX-License-Identifier: MIT */
/* store_edit.c: answers, acknowledgements and sign-off: each change its
 * own synchronous transaction with its history row, memory updated only
 * after COMMIT (with everything it needs allocated before), so a failure
 * changes nothing, in the file or in memory. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "ack.h"
#include "answers.h"
#include "edition.h"
#include "mem.h"
#include "store_internal.h"

static enum store_status nomem(const char *path, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: out of memory", path);
	return STORE_NOMEM;
}

/* ---- answers ---- */

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

enum store_status store_set_answer(struct store *st, int q,
                                   const char *canonical,
                                   char *err, size_t errlen)
{
	static const char again[] = "confirm the answer again";
	const char *key, *value;
	char now[STORE_TIME_LEN], *copy = NULL, *old = NULL;
	enum store_status status;
	sqlite3_stmt *s;
	bool ok = true;
	int rc;

	if (q < 0 || (size_t)q >= st->ed->nq) {
		snprintf(err, errlen, "%s: no question number %d in this edition",
		         st->path, q);
		return STORE_INVALID;
	}
	key = st->ed->qs[q].key;
	if (st->ed->qs[q].type == Q_COMPUTED) {
		snprintf(err, errlen, "%s: %s is computed from other rows, not "
		         "typed", st->path, key);
		return STORE_INVALID;
	}
	status = store_writable(st, err, errlen);
	if (status != STORE_OK)
		return status;
	value = canonical && *canonical ? canonical : NULL;
	/* Allocated before COMMIT, so nothing can fail after it. */
	if (value && !(copy = mem_strdup(value)))
		return nomem(st->path, err, errlen);
	status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		goto out;
	s = store_stmt(st, S_ANSWER_GET, &rc);
	if (s && (rc = stmt_bind(s, "t", key)) == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			old = col_dup(s, 0, &ok);
			rc = ok ? SQLITE_OK : SQLITE_NOMEM;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	if (rc == SQLITE_OK && same(old, value)) {
		store_rollback(st);   /* nothing was written */
		status = STORE_UNCHANGED;
		goto out;
	}
	store_now(now);
	if (rc == SQLITE_OK)
		rc = value ? store_run(st, S_ANSWER_PUT, "ttt", key, value, now) :
		             store_run(st, S_ANSWER_DEL, "t", key);
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "answer", key, old, value);
	if (rc == SQLITE_OK)
		rc = store_draft(st);
	if (rc != SQLITE_OK) {
		status = store_fail(st, rc, "not saved", again, err, errlen);
		goto out;
	}
	status = store_commit(st, again, err, errlen);
	if (status != STORE_OK)
		goto out;
	mem_free(st->a->val[q]);
	st->a->val[q] = copy;
	copy = NULL;
	store_draft_done(st);
out:
	mem_free(copy);
	mem_free(old);
	return status;
}

/* ---- acknowledgements ---- */

void store_acks_free(struct store_ack *acks, size_t n)
{
	for (size_t i = 0; acks && i < n; i++) {
		mem_free(acks[i].id);
		mem_free(acks[i].message);
		mem_free(acks[i].reason);
		mem_free(acks[i].by);
		mem_free(acks[i].at);
	}
	mem_free(acks);
}

int store_acks_read(struct store *st, struct store_ack **out, size_t *n)
{
	struct store_ack *acks = NULL, *grown;
	size_t count = 0;
	sqlite3_stmt *s;
	bool ok = true;
	int rc;

	*out = NULL;
	*n = 0;
	s = store_stmt(st, S_ACK_LIST, &rc);
	if (!s)
		return rc;
	while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		grown = mem_realloc_array(acks, count + 1, sizeof *acks);
		if (!grown) {
			ok = false;
			break;
		}
		acks = grown;
		if (sqlite3_column_type(s, 0) == SQLITE_NULL)
			continue;   /* not ours: a check always has an id */
		acks[count].id = col_dup(s, 0, &ok);
		acks[count].message = col_dup(s, 1, &ok);
		acks[count].reason = col_dup(s, 2, &ok);
		acks[count].by = col_dup(s, 3, &ok);
		acks[count].at = col_dup(s, 4, &ok);
		count++;
	}
	stmt_done(s);
	if (!ok)
		rc = SQLITE_NOMEM;
	else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (rc != SQLITE_OK) {
		store_acks_free(acks, count);
		return rc;
	}
	*out = acks;
	*n = count;
	return SQLITE_OK;
}

void store_acks_swap(struct store *st, struct store_ack *acks, size_t n)
{
	store_acks_free(st->acks, st->nacks);
	st->acks = acks;
	st->nacks = n;
}

const struct store_ack *store_acks(const struct store *st, size_t *n)
{
	*n = st->nacks;
	return st->acks;
}

int store_ack_write(struct store *st, const char *id, const char *message,
                    const char *reason, const char *by, const char *at,
                    const char *what, bool *changed)
{
	char now[STORE_TIME_LEN], *old_message = NULL, *old_reason = NULL;
	sqlite3_stmt *s;
	bool ok = true, found = false;
	int rc;

	*changed = false;
	if (reason && !*reason)
		reason = NULL;
	s = store_stmt(st, S_ACK_GET, &rc);
	if (s && (rc = stmt_bind(s, "t", id)) == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			found = true;
			old_message = col_dup(s, 0, &ok);
			old_reason = col_dup(s, 1, &ok);
			rc = ok ? SQLITE_OK : SQLITE_NOMEM;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	stmt_done(s);
	if (rc != SQLITE_OK)
		goto out;
	if (!message)
		message = old_message;
	if (same(old_reason, reason) && (!reason || same(old_message, message)))
		goto out;
	if (!found && !reason)
		goto out;
	store_now(now);
	/* A withdrawn acknowledgement keeps its row (and message), so undo
	 * can bring it back. */
	rc = store_run(st, S_ACK_PUT, "ttttt", id, message, reason,
	               reason ? (by ? by : st->actor) : NULL,
	               reason ? (at ? at : now) : NULL);
	if (rc == SQLITE_OK && what)
		rc = store_history_add(st, what, id, old_reason, reason);
	if (rc == SQLITE_OK)
		*changed = true;
out:
	mem_free(old_message);
	mem_free(old_reason);
	return rc;
}

enum store_status store_ack(struct store *st, const char *id,
                            const char *message, const char *reason,
                            char *err, size_t errlen)
{
	static const char again[] = "acknowledge it again";
	struct store_ack *acks = NULL;
	char why[300];
	enum store_status status;
	size_t n = 0;
	bool changed;
	int rc;

	if (!id || !*id) {
		snprintf(err, errlen, "%s: which check? (no check id given)",
		         st->path);
		return STORE_INVALID;
	}
	if (!ack_valid(id, message, reason, NULL, NULL, why, sizeof why)) {
		snprintf(err, errlen, "%s: not acknowledged: the %s", st->path, why);
		return STORE_INVALID;
	}
	status = store_writable(st, err, errlen);
	if (status != STORE_OK)
		return status;
	status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		return status;
	rc = store_ack_write(st, id, message, reason, NULL, NULL, "ack",
	                     &changed);
	if (rc == SQLITE_OK && !changed) {
		store_rollback(st);
		return STORE_UNCHANGED;
	}
	if (rc == SQLITE_OK)
		rc = store_draft(st);
	if (rc == SQLITE_OK)
		rc = store_acks_read(st, &acks, &n);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, "not saved", again, err, errlen);
	status = store_commit(st, again, err, errlen);
	if (status != STORE_OK) {
		store_acks_free(acks, n);
		return status;
	}
	store_acks_swap(st, acks, n);
	store_draft_done(st);
	return STORE_OK;
}

/* ---- sign-off ---- */

void store_signoff(const struct store *st, struct store_signoff *out)
{
	out->complete = st->complete;
	out->by = st->complete ? st->signed_by : NULL;
	out->at = st->complete ? st->signed_at : NULL;
}

enum store_status store_complete(struct store *st, const char *name,
                                 char *err, size_t errlen)
{
	static const char again[] = "sign off again";
	char now[STORE_TIME_LEN], *by, *at, why[300];
	enum store_status status;
	int rc;

	if (!name || !*name) {
		snprintf(err, errlen, "%s: not signed off: give the name of the "
		         "person signing off", st->path);
		return STORE_INVALID;
	}
	if (!ack_name_valid(name, why, sizeof why)) {
		snprintf(err, errlen, "%s: not signed off: the name %s", st->path,
		         why);
		return STORE_INVALID;
	}
	status = store_writable(st, err, errlen);
	if (status != STORE_OK)
		return status;
	store_now(now);
	by = mem_strdup(name);
	at = mem_strdup(now);
	if (!by || !at) {
		mem_free(by);
		mem_free(at);
		return nomem(st->path, err, errlen);
	}
	status = store_begin(st, again, err, errlen);
	if (status != STORE_OK)
		goto fail;
	rc = store_run(st, S_META_PUT, "tt", "state", "complete");
	if (rc == SQLITE_OK)
		rc = store_run(st, S_META_PUT, "tt", "signed_by", name);
	if (rc == SQLITE_OK)
		rc = store_run(st, S_META_PUT, "tt", "signed_at", now);
	if (rc == SQLITE_OK)
		rc = store_history_add(st, "complete", "signed_by",
		                       st->complete ? st->signed_by : NULL, name);
	if (rc != SQLITE_OK) {
		status = store_fail(st, rc, "not signed off", again, err, errlen);
		goto fail;
	}
	status = store_commit(st, again, err, errlen);
	if (status != STORE_OK)
		goto fail;
	mem_free(st->signed_by);
	mem_free(st->signed_at);
	st->signed_by = by;
	st->signed_at = at;
	st->complete = true;
	return STORE_OK;
fail:
	mem_free(by);
	mem_free(at);
	return status;
}
