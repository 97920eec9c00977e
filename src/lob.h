/* SPDX-License-Identifier: MIT */
/* lob.h: the three lines of business the workbook reports on. */
#ifndef APMWB_LOB_H
#define APMWB_LOB_H

enum lob { LOB_COMMERCIAL, LOB_MA, LOB_MEDICAID, LOB_COUNT };
#define LOB_NONE (-1)

/* Key word used in answer keys: "commercial", "ma", "medicaid". */
const char *lob_id(int lob);
/* Words for people: "Commercial", "Medicare Advantage", "Medicaid". */
const char *lob_name(int lob);
/* Short words for tab bars and status lines: "Commercial", "MA", "Medicaid". */
const char *lob_short(int lob);
/* The nominal-risk worksheet's word for a line: the MA tab is "medicare". */
const char *lob_nr_id(int lob);
/* ... and for people: "Commercial", "Medicare", "Medicaid". */
const char *lob_nr_name(int lob);

/* LOB_NONE when the word is not a line. */
int lob_from_id(const char *id);
/* Accepts the worksheet words case-insensitively ("Medicare", "MA" too). */
int lob_from_nr_id(const char *id);

#endif
