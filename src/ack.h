/* SPDX-License-Identifier: MIT */
/* ack.h: what an acknowledgement of a warning, and a sign-off, may hold.
 *
 * An acknowledgement reaches the file from `apmwb ack`, from the screen and
 * from a JSON import, and comes back from the history by undo; a sign-off
 * from `apmwb complete` and the screen.  Every way in checks it here, so a
 * file never holds an acknowledgement that `apmwb ack` would refuse: a name
 * or a reason with a line break, an escape or an invisible character in
 * it, a time that is not a time, a reason of five megabytes. */
#ifndef APMWB_ACK_H
#define APMWB_ACK_H

#include <stdbool.h>
#include <stddef.h>

#define ACK_REASON_MAX 500      /* bytes */
#define ACK_NAME_MAX 200        /* bytes: a person signing or acknowledging */
#define ACK_MESSAGE_MAX 1000    /* bytes: the warning as it read */
#define ACK_ID_MAX 100          /* bytes: a check's id */

/* Each returns false with a reason that reads after the field's name
 * ("is longer than 500 bytes", "contains a line break (U+000A) at
 * character 3"). */
/* A reason: one line of 1 to ACK_REASON_MAX bytes. */
bool ack_reason_valid(const char *reason, char *why, size_t n);
/* A person's name: one line of 1 to ACK_NAME_MAX bytes, not only blanks. */
bool ack_name_valid(const char *name, char *why, size_t n);
/* A moment in ISO 8601 UTC to the second: "2026-11-23T14:02:11Z", a real
 * date and time. */
bool ack_time_valid(const char *at, char *why, size_t n);
/* A check's id: lower-case letters, digits, '.', '_' and '-'. */
bool ack_id_valid(const char *id, char *why, size_t n);

/* A whole acknowledgement: the id, and each field given (NULL: not
 * given, as when the store fills in who and when); the reason NULL or ""
 * withdraws it.  why names the field: "by: contains a line break ...". */
bool ack_valid(const char *id, const char *message, const char *reason,
               const char *by, const char *at, char *why, size_t n);

#endif
