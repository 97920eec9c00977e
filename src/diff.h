/* SPDX-License-Identifier: MIT */
/* diff.h: what differs between two submissions, key by key.
 *
 * A snapshot is every key of one submission with its machine text (the
 * text `apmwb get` prints), in the online survey's page order: the
 * edition and the sign-off first, then each tab's answers with the figures
 * computed from them (a metric row's share right after the row), the
 * cross-checks after the cross-checking tab, the nominal-risk summary and
 * the place of the contracts after the nominal-risk tab, and last the
 * acknowledgements of warnings.  Every key of the edition is in it, blank
 * or not, so a key that one edition lacks can be told from a blank one.
 *
 * The snapshot owns its text: the submission may be closed once it is
 * made.  A screen marking what differs from an older file makes the older
 * file's snapshot once and asks diff_snapshot_differs() per key, a binary
 * search (no file is read again).  Contracts are compared by cdiff.h. */
#ifndef APMWB_DIFF_H
#define APMWB_DIFF_H

#include <stdbool.h>
#include <stddef.h>

struct edition;
struct answers;
struct figures;

struct diff_ack {
	const char *id, *reason, *by, *at;
};

/* What a snapshot takes besides the edition, answers and figures. */
struct diff_state {
	bool complete;
	const char *signed_by, *signed_at;   /* NULL while draft */
	const struct diff_ack *acks;
	size_t nacks;
};

enum {
	DIFF_ITEM_OPTIONAL = 1,   /* absent means blank (acknowledgements) */
	DIFF_ITEM_CONTRACTS = 2   /* no key: where the contracts go */
};

struct diff_item {
	char *key;
	char *value;       /* NULL: blank */
	unsigned flags;
};

struct diff_snapshot {
	char *edition;     /* the edition's id */
	struct diff_item *items;
	size_t n, cap;
	struct diff_key { const char *key; size_t i; } *sorted; /* by key */
	size_t nsorted;
};

/* Fills s (zeroed or freed before); false when memory runs out. */
bool diff_snapshot_build(struct diff_snapshot *s, const struct edition *ed,
                         const struct answers *a, const struct figures *f,
                         const struct diff_state *st);
void diff_snapshot_free(struct diff_snapshot *s);

/* The steps of diff_snapshot_build, for snapshots of other shapes (tests,
 * editions to come): items are added in order (key NULL with
 * DIFF_ITEM_CONTRACTS for the contracts' place; value NULL or "" blank),
 * then indexed once.  False when memory runs out. */
bool diff_snapshot_add(struct diff_snapshot *s, const char *key,
                       const char *value, unsigned flags);
bool diff_snapshot_index(struct diff_snapshot *s);

/* The item of key, or NULL when s (its edition) has no such key. */
const struct diff_item *diff_snapshot_find(const struct diff_snapshot *s,
                                           const char *key);

/* Does `value` (NULL or "" for blank) of key differ from what old holds?
 * A key old's edition lacks differs when value is not blank. */
bool diff_snapshot_differs(const struct diff_snapshot *old, const char *key,
                           const char *value);

struct diff_change {
	const char *key;                 /* NULL: the contracts go here */
	const char *old_value, *new_value;   /* NULL: blank */
	bool old_lacks, new_lacks;       /* that side's edition has no such key */
};

/* Calls fn for every key whose text differs (and once, with key NULL,
 * where the contracts are compared), in new's order with the keys only
 * old has where old had them.  Stops when fn returns false.  Returns the
 * number of differing keys. */
typedef bool (*diff_fn)(void *ctx, const struct diff_change *c);
size_t diff_snapshots(const struct diff_snapshot *old,
                      const struct diff_snapshot *new, diff_fn fn,
                      void *ctx);

#endif
