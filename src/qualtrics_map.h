/* qualtrics_map.h: which Qualtrics column each answer goes in.
 *
 * The map is a CSV file (share/qualtrics-map-2020.csv is the documented
 * template; the LAN owns the real ids and `--map FILE` takes its map), with
 * the header key,choice,column,import_id,question_text,recode (any order,
 * any case) and one row per column, or per choice of a choice question:
 *
 *   key            our key: an answer of the edition, or a computed figure
 *                  (`apmwb get` knows them all); blank for a column we
 *                  never fill (a Qualtrics metadata column kept in place)
 *   choice         for a one-answer choice or yes/no: the value this row
 *                  maps (every value the answer can take needs a row, all
 *                  in the question's one column); for a multi-select: the
 *                  value whose own column this row is; else blank
 *   column         the export's column name (row 1), e.g. Q17_3
 *   import_id      the column's ImportId (row 3): QID17_3, written as
 *                  {"ImportId":"QID17_3"}; text starting with '{' is a
 *                  whole JSON object and is written as it is
 *   question_text  row 2; blank takes the edition's wording
 *   recode         what the column holds when this choice is the answer
 *                  (a single choice's recode number, "1" for a ticked box;
 *                  blank writes a blank, as an unticked box); blank for
 *                  columns that take the answer itself
 *
 * A row whose first field starts with '#' is a comment; blank rows are
 * skipped.  Loading checks everything it can without answers (unknown
 * keys, choices and columns, a column used twice, a choice question spread
 * over several columns, recodes that are not whole numbers) and names the
 * line; whether the map covers every answer a submission gives is checked
 * by export_qualtrics(), which names the key. */
#ifndef APMWB_QUALTRICS_MAP_H
#define APMWB_QUALTRICS_MAP_H

#include <stdbool.h>
#include <stddef.h>

struct edition;

/* A column of the export, in the map's order. */
struct qualtrics_col {
	char *name;
	char *import_id;     /* the whole JSON object of row 3 */
	char *text;          /* row 2, or NULL: the edition's wording */
	size_t line;         /* where the map first names it */
};

enum qualtrics_kind {
	QM_FILLER,           /* no key: always blank */
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
	size_t col;          /* index into cols */
	size_t line;
};

struct qualtrics_map {
	const struct edition *ed;
	struct qualtrics_col *cols;
	size_t ncols;
	struct qualtrics_entry *e;
	size_t n;
};

/* A map from its text; NULL with a message naming the line ("line 7:
 * unknown key 'gi.nme'"). */
struct qualtrics_map *qualtrics_map_parse(const struct edition *ed,
                                          const char *buf, size_t len,
                                          char *err, size_t errlen);
/* A map file, read in chunks; NULL with a message naming the file and
 * the line. */
struct qualtrics_map *qualtrics_map_load(const struct edition *ed,
                                         const char *path,
                                         char *err, size_t errlen);

void qualtrics_map_free(struct qualtrics_map *m);

/* Where the template of ed's edition is installed:
 * $APMWB_DATADIR/qualtrics-map-<id>.csv when that variable is set (the
 * tests point it at share/), else the package's data directory.  NULL
 * when memory runs out. */
char *qualtrics_map_default_path(const struct edition *ed);

#endif
