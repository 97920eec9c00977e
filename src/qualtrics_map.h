/* SPDX-License-Identifier: MIT */
/* qualtrics_map.h: which Qualtrics column each answer goes in.
 *
 * The map is a CSV file (share/qualtrics-map-2020.csv is the documented
 * template, built into the program as the edition is; the LAN owns the
 * real ids and `--map FILE` takes its map), with the header
 * key,choice,column,import_id,question_text,recode and the optional
 * choice_id and decimals (any order, any case), and one row per column, or
 * per choice of a choice question:
 *
 *   key            our key: an answer of the edition, or a computed figure
 *                  (`apmwb keys` lists them all); blank for a column we
 *                  never fill, or for one of Qualtrics' response metadata
 *                  columns (StartDate ...) placed where the map wants it
 *   choice         for a one-answer choice or yes/no: the value this row
 *                  maps (every value the answer can take needs a row, all
 *                  in the question's one column); for a multi-select: the
 *                  value whose own column this row is; else blank
 *   column         the export's column name (row 1), e.g. Q17_3
 *   import_id      the column's ImportId (row 3): QID17_3 is written as
 *                  {"ImportId":"QID17_3"}; with a choice_id, QID17 and 3
 *                  are written as {"ImportId":"QID17","choiceId":"3"}, the
 *                  shape current exports give a multi-select's boxes; text
 *                  starting with '{' is a whole JSON object of strings
 *                  (ImportId and any others) and is written as it is
 *   choice_id      optional, above
 *   question_text  row 2; blank takes the edition's wording, in Qualtrics'
 *                  style ("... - Selected Choice - ...")
 *   recode         what the column holds when this choice is the answer
 *                  (a single choice's recode number, "1" for a ticked box;
 *                  blank writes a blank, as an unticked box); blank for
 *                  columns that take the answer itself
 *   decimals       optional, for dollars: 0, 1 or 2 places as the survey's
 *                  number field takes them (blank: 2, as stored); an amount
 *                  with more is refused at export, never rounded
 *
 * A row whose first field starts with '#' is a comment; blank rows are
 * skipped.  Loading checks every row (unknown keys and choices, a column
 * or ImportId used twice, in either shape, a choice question spread over
 * several columns, recodes that are not whole numbers) and names each
 * problem's line, and then that the map has a column for every answer and
 * every choice the edition can show; a map with any problem is refused
 * whole, every problem listed.  export_qualtrics() still checks that the
 * map covers the submission it writes. */
#ifndef APMWB_QUALTRICS_MAP_H
#define APMWB_QUALTRICS_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

/* Qualtrics' response metadata columns, in a real export's order. */
enum qualtrics_meta {
	QMETA_START_DATE, QMETA_END_DATE, QMETA_STATUS, QMETA_IP_ADDRESS,
	QMETA_PROGRESS, QMETA_DURATION, QMETA_FINISHED, QMETA_RECORDED_DATE,
	QMETA_RESPONSE_ID, QMETA_RECIPIENT_LAST_NAME,
	QMETA_RECIPIENT_FIRST_NAME, QMETA_RECIPIENT_EMAIL,
	QMETA_EXTERNAL_REFERENCE, QMETA_LOCATION_LATITUDE,
	QMETA_LOCATION_LONGITUDE, QMETA_DISTRIBUTION_CHANNEL,
	QMETA_USER_LANGUAGE, QMETA_COUNT
};

struct qualtrics_meta_col {
	const char *name;        /* row 1: "StartDate" */
	const char *label;       /* row 2: "Start Date" */
	const char *import_id;   /* row 3, whole: {"ImportId":"startDate",...} */
	const char *id;          /* its ImportId alone: "startDate" */
};
extern const struct qualtrics_meta_col qualtrics_meta[QMETA_COUNT];

/* A column of the export, in the map's order. */
struct qualtrics_col {
	char *name;
	char *import_id;     /* the whole JSON object of row 3 */
	char *identity;      /* ImportId[_choiceId]: the same box in either shape */
	char *text;          /* row 2, or NULL: the edition's wording */
	int meta;            /* a metadata column (enum qualtrics_meta), or -1 */
	size_t line;         /* where the map first names it */
};

enum qualtrics_kind {
	QM_FILLER,           /* no key: blank, or its metadata */
	QM_VALUE,            /* the answer or figure itself */
	QM_CHOICE,           /* this choice's recode when it is the answer */
	QM_TICK              /* a multi-select's box: recode when chosen */
};

struct qualtrics_entry {
	enum qualtrics_kind kind;
	char *key;           /* NULL for QM_FILLER */
	int q;               /* the question, or -1 for a computed figure */
	char *choice;        /* QM_CHOICE and QM_TICK */
	char *recode;        /* may be "" */
	int decimals;        /* dollars: places to write, or -1 for as stored */
	size_t col;          /* index into cols */
	size_t line;
};

struct qualtrics_map {
	const struct edition *ed;
	struct qualtrics_col *cols;
	size_t ncols;
	struct qualtrics_entry *e;
	size_t n;
	/* No metadata column in the map: all of them go first, as in a
	 * real export. */
	bool meta_first;
};

/* A map from its text, every row checked; NULL with the problems, one per
 * line of err ("line 7: unknown key 'gi.nme' (did you mean gi.org_name?)"),
 * as many as fit and then how many more.  It may cover only part of the
 * edition (export_qualtrics() refuses a submission it does not cover). */
struct qualtrics_map *qualtrics_map_parse(const struct edition *ed,
                                          const char *buf, size_t len,
                                          char *err, size_t errlen);
/* The same, and the map must cover the edition: a column for every answer
 * and every choice it can show.  Maps given to the program are read so. */
struct qualtrics_map *qualtrics_map_parse_whole(const struct edition *ed,
                                                const char *buf, size_t len,
                                                char *err, size_t errlen);
/* A map file, read in chunks and checked whole; NULL with each problem's
 * line prefixed by the file's name. */
struct qualtrics_map *qualtrics_map_load(const struct edition *ed,
                                         const char *path,
                                         char *err, size_t errlen);
/* The map built into the program for ed's edition (the template in
 * share/); NULL with the reason when there is none for that edition. */
struct qualtrics_map *qualtrics_map_builtin(const struct edition *ed,
                                            char *err, size_t errlen);

void qualtrics_map_free(struct qualtrics_map *m);

#endif
