/* SPDX-License-Identifier: MIT */
/* jsonsplit.h: a JSON object read in chunks, cut into its members' texts.
 *
 * The JSON export of a worksheet of a million contracts is some hundreds of
 * megabytes; parsed whole it takes gigabytes.  This finds where each
 * top-level member's value ends and hands it over as text, and a member
 * that is a list can come element by element, so only one element is ever
 * held.  It parses no value: whoever takes a text parses it (SQLite's JSON
 * functions, which refuse any text that is not JSON).  What lies between
 * the texts (the braces, names, colons, commas, the list's brackets) is
 * checked here, so the whole input is JSON when every text is. */
#ifndef APMWB_JSONSPLIT_H
#define APMWB_JSONSPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No one text (a member's value, or an element of a list) may be longer:
 * it is held whole. */
#define JSONSPLIT_PIECE_MAX ((size_t)64 * 1024 * 1024)

/* Each returns false to stop (having kept its own reason); texts are
 * NUL-terminated and live until the call returns. */
struct jsonsplit_calls {
	/* A member's name as JSON (quotes and escapes as written): true when
	 * its value, if a list, is to come element by element. */
	bool (*name)(void *ctx, const char *json, size_t len, bool *stream);
	/* The value of the member just named, whole. */
	bool (*value)(void *ctx, const char *json, size_t len);
	/* Element i of a list that streams, then the list's end. */
	bool (*element)(void *ctx, uint64_t i, const char *json, size_t len);
	bool (*end)(void *ctx, uint64_t count);
};

enum jsonsplit_status {
	JSONSPLIT_OK,
	JSONSPLIT_STOPPED,    /* a call said stop */
	JSONSPLIT_NOT_JSON,   /* err says where and why */
	JSONSPLIT_NOT_OBJECT, /* JSON, but not an object */
	JSONSPLIT_NOMEM
};

struct jsonsplit;

struct jsonsplit *jsonsplit_new(const struct jsonsplit_calls *calls,
                                void *ctx);
void jsonsplit_free(struct jsonsplit *p);
/* After anything but JSONSPLIT_OK, stop feeding.  A UTF-8 byte order
 * mark first is skipped (and counted in the bytes that messages say). */
enum jsonsplit_status jsonsplit_feed(struct jsonsplit *p, const char *buf,
                                     size_t len, char *err, size_t errlen);
/* End of input: the object must have closed. */
enum jsonsplit_status jsonsplit_finish(struct jsonsplit *p, char *err,
                                       size_t errlen);

#endif
