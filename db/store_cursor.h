/* SPDX-License-Identifier: MIT */
/* store_cursor.h: a worksheet read once through, in worksheet order.
 *
 * For reading two files' worksheets side by side (`apmwb diff`), where
 * store_contract_each, which calls back, cannot serve both at once.  A
 * cursor holds its own statement, and so one read of the file: it sees
 * the worksheet as it was when the cursor opened, whatever is saved
 * meanwhile, until it is closed.  Several cursors may be open on a store. */
#ifndef APMWB_STORE_CURSOR_H
#define APMWB_STORE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

struct store_cursor;

enum store_status store_cursor_open(struct store *st,
                                    struct store_cursor **out,
                                    char *err, size_t errlen);
/* The next contract into c (contract_init'ed by the caller, who clears
 * it); *got false past the last. */
enum store_status store_cursor_next(struct store_cursor *cur,
                                    struct contract *c, bool *got,
                                    char *err, size_t errlen);
void store_cursor_close(struct store_cursor *cur);

#endif
