/* SPDX-License-Identifier: MIT */
/* lob.h: the three lines of business the workbook reports on, by the
 * program's own ids: the key words of answers, metric tabs, computed keys
 * and the worksheet's stored rows.  Their names for people are the
 * edition's (edition_line_name() and the like). */
#ifndef APMWB_LOB_H
#define APMWB_LOB_H

enum lob { LOB_COMMERCIAL, LOB_MA, LOB_MEDICAID, LOB_COUNT };
#define LOB_NONE (-1)

/* Key word used in answer keys: "commercial", "ma", "medicaid". */
const char *lob_id(int lob);
/* The nominal-risk worksheet's word for a line: the MA tab is "medicare". */
const char *lob_nr_id(int lob);

/* LOB_NONE when the word is not a line. */
int lob_from_id(const char *id);
/* Accepts the worksheet words case-insensitively ("Medicare", "MA" too). */
int lob_from_nr_id(const char *id);

#endif
