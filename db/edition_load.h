/* SPDX-License-Identifier: MIT */
/* edition_load.h: the edition between SQL and the core's structs. */
#ifndef APMWB_EDITION_LOAD_H
#define APMWB_EDITION_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

struct edition;

/* The built-in edition (share/edition-schema.sql and edition-2020.sql). */
extern const unsigned char apmwb_edition_sql[];
extern const size_t apmwb_edition_sql_len;

/* Creates the edition tables in db and fills them with the built-in
 * edition.  The caller holds the transaction. */
bool edition_install(sqlite3 *db, char *err, size_t errlen);

/* Reads the edition tables of db into a new, finished edition; NULL with a
 * message if they are missing or malformed. */
struct edition *edition_load(sqlite3 *db, char *err, size_t errlen);

/* The built-in edition, read through a private in-memory database (tests,
 * and opening files that carry no edition of their own). */
struct edition *edition_load_builtin(char *err, size_t errlen);

#endif
