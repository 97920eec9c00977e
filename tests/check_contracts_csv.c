/* SPDX-License-Identifier: MIT */
/* check_contracts_csv: the worksheet's CSV, read in every malformed way we
 * could think of, and written back.  Each refusal must name its line, the
 * column where there is one, and the reason; rows before a bad one are
 * reported to the callback (the store's all-or-nothing replace throws them
 * away: tests/cli/import_export.sh checks that end of it). */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contracts_csv.h"
#include "csvout.h"
#include "mem.h"
#include "nominal.h"
#include "testlib.h"

#define HEADER "label,line,type,risk_min,risk_max,shared_risk,dollars\n"

/* What a parse produced: each row as "line:label|line|type|min|max|share|
 * dollars" joined by "\n", or the error. */
struct result {
	bool ok;
	size_t rows;
	char err[512];
	char out[8192];
};

static bool collect(void *ctx, const struct contract *c, size_t line,
                    char *err, size_t errlen)
{
	struct result *r = ctx;
	size_t n = strlen(r->out);
	char buf[NR_LABEL_MAX + 1];

	(void)err;
	(void)errlen;
	n += (size_t)snprintf(r->out + n, sizeof r->out - n, "%s%zu:",
	                      n ? "\n" : "", line);
	for (int f = 0; f < NR_F_COUNT; f++) {
		nominal_format_field(c, (enum nr_field)f, buf, sizeof buf);
		n += (size_t)snprintf(r->out + n, sizeof r->out - n, "%s%s",
		                      f ? "|" : "", buf);
	}
	return true;
}

/* Parses len bytes fed in chunks of `chunk` bytes (0: all at once). */
static struct result parse_n(const char *in, size_t len, size_t chunk)
{
	struct result r;
	struct contracts_csv *p;

	memset(&r, 0, sizeof r);
	p = contracts_csv_new(collect, &r);
	ck_assert_ptr_nonnull(p);
	r.ok = true;
	for (size_t at = 0; r.ok && at < len;) {
		size_t n = chunk && len - at > chunk ? chunk : len - at;

		r.ok = contracts_csv_feed(p, in + at, n, r.err, sizeof r.err);
		at += n;
	}
	if (r.ok)
		r.ok = contracts_csv_finish(p, &r.rows, r.err, sizeof r.err);
	contracts_csv_free(p);
	return r;
}

/* Every input is tried whole, a byte at a time and in chunks of 7, which
 * cut lines, quotes, CRLF pairs and the BOM at every place; all three must
 * agree. */
static struct result parse_len(const char *in, size_t len)
{
	struct result whole = parse_n(in, len, 0);
	static const size_t chunks[] = { 1, 7 };

	for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
		struct result r = parse_n(in, len, chunks[i]);

		ck_assert_msg(r.ok == whole.ok && strcmp(r.err, whole.err) == 0 &&
		              strcmp(r.out, whole.out) == 0,
		              "chunks of %zu differ: '%s' / '%s' vs '%s' / '%s'",
		              chunks[i], r.err, r.out, whole.err, whole.out);
	}
	return whole;
}

static struct result parse(const char *in)
{
	return parse_len(in, strlen(in));
}

static void assert_refused(const char *in, size_t len, const char *want)
{
	struct result r = parse_len(in, len);

	ck_assert_msg(!r.ok, "accepted: %s", r.out);
	ck_assert_msg(strstr(r.err, want) != NULL, "error '%s' lacks '%s'",
	              r.err, want);
}

#define REFUSED(in, want) assert_refused(in, sizeof in - 1, want)

/* ---- accepted ---- */

START_TEST(plain)
{
	struct result r = parse(HEADER
		"Contract 7,Commercial,TCOC,1,10,60,500000000\n"
		"Contract 5,medicare,% Revenue,1%,10%,80%,\"$200,000,000\"\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_uint_eq(r.rows, 2);
	ck_assert_str_eq(r.out,
		"2:Contract 7|commercial|tcoc|1.0|10.0|60.0|500000000.00\n"
		"3:Contract 5|medicare|revenue|1.0|10.0|80.0|200000000.00");
}
END_TEST

START_TEST(header_any_order_any_case)
{
	struct result r = parse("DOLLARS,Shared_Risk,RISK_MAX,risk_min,Type,"
	                        "Line,Label\n"
	                        "12.5,30,3.125,4,revenue,medicaid,X\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out, "2:X|medicaid|revenue|4.0|3.125|30.0|12.50");
}
END_TEST

START_TEST(bom_crlf_blank_lines)
{
	/* A BOM before a quoted header field, CRLF, blank lines before the
	 * header, between rows (",,,,,," too) and at the end. */
	struct result r = parse("\xef\xbb\xbf\r\n\r\n\"label\",line,type,risk_min,"
	                        "risk_max,shared_risk,dollars\r\n"
	                        "\r\n"
	                        "A,commercial,tcoc,1,10,60,1\r\n"
	                        ",,,,,,\r\n"
	                        "   \r\n"
	                        "B,medicaid,tcoc,1,10,60,2\r\n\r\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out,
		"5:A|commercial|tcoc|1.0|10.0|60.0|1.00\n"
		"8:B|medicaid|tcoc|1.0|10.0|60.0|2.00");
}
END_TEST

START_TEST(bare_cr_line_numbers)
{
	/* Old Mac line ends (a bare CR) count lines as LF and CRLF do; fed a
	 * byte at a time, a CR at a chunk's end waits to see what follows. */
	struct result r = parse("label,line,type,risk_min,risk_max,"
	                        "shared_risk,dollars\r"
	                        "A,commercial,tcoc,1,10,60,1\r\r"
	                        "B,medicaid,tcoc,1,10,60,2\r\n"
	                        "C,medicaid,tcoc,1,10,60,3\r");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out,
		"2:A|commercial|tcoc|1.0|10.0|60.0|1.00\n"
		"4:B|medicaid|tcoc|1.0|10.0|60.0|2.00\n"
		"5:C|medicaid|tcoc|1.0|10.0|60.0|3.00");
	REFUSED(HEADER "A,commercial,tcoc,1,10,60,1\r\r"
	        "B,commercial,tcoc,x,10,60,1\r",
	        "line 4, column risk_min:");
}
END_TEST

START_TEST(quoted_fields)
{
	/* Commas and doubled quotes inside quotes; the last line has no end. */
	struct result r = parse(HEADER
		"\"Acme, Inc. \"\"North\"\"\",\"commercial\",tcoc,\"1\",10,60,"
		"\"1,000.50\"");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out,
		"2:Acme, Inc. \"North\"|commercial|tcoc|1.0|10.0|60.0|1000.50");
}
END_TEST

START_TEST(quoted_newline_keeps_line_numbers)
{
	/* A quoted field spanning lines: the row keeps its first line, the
	 * next row's line counts the extra one, and the label itself is
	 * refused (a label is one line) naming the line it starts on. */
	struct result r = parse(HEADER
		"A,commercial,tcoc,1,10,\"60\n\",1\n"
		"B,commercial,tcoc,1,10,60,x\n");

	ck_assert(!r.ok);
	ck_assert_str_eq(r.err, "line 4, column dollars: 'x' is not an amount: "
	                 "unexpected 'x'");
	REFUSED(HEADER "ok,commercial,tcoc,1,10,60,1\n"
	        "\"two\nlines\",commercial,tcoc,1,10,60,1\n",
	        "line 3, column label:");
}
END_TEST

START_TEST(header_only_is_empty_worksheet)
{
	/* How an empty worksheet exports; importing it empties the worksheet. */
	struct result r = parse(HEADER);

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_uint_eq(r.rows, 0);
	r = parse("label,line,type,risk_min,risk_max,shared_risk,dollars");
	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_uint_eq(r.rows, 0);
}
END_TEST

START_TEST(incomplete_contract_is_kept)
{
	/* Blank numbers make an incomplete contract, which the worksheet keeps
	 * and flags; it is not a malformed row. */
	struct result r = parse(HEADER ",medicaid,,,,,5\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out, "2:|medicaid|||||5.00");
}
END_TEST

START_TEST(boundaries_exact)
{
	struct result r = parse(HEADER
		"a,commercial,tcoc,100,100.000,0,99999999999999.99\n"
		"b,MA,benchmark,0.001,0,0.0,0\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out,
		"2:a|commercial|tcoc|100.0|100.0|0.0|99999999999999.99\n"
		"3:b|medicare|tcoc|0.001|0.0|0.0|0.00");
}
END_TEST

/* ---- refused: the header ---- */

START_TEST(empty_file)
{
	REFUSED("", "no header line");
	REFUSED("\n\r\n  \n", "no header line");
	REFUSED("\xef\xbb\xbf", "no header line");
}
END_TEST

START_TEST(unknown_column)
{
	REFUSED("label,line,type,risk_min,risk_max,shared_risk,dollars,notes\n",
	        "line 1: unknown column 'notes'");
	REFUSED("\n\nlabel,lob,type,risk_min,risk_max,shared_risk,dollars\n",
	        "line 3: unknown column 'lob'");
}
END_TEST

START_TEST(duplicate_column)
{
	REFUSED("label,line,type,risk_min,risk_max,Line,dollars\n",
	        "line 1: column 'line' is there twice");
}
END_TEST

START_TEST(missing_column)
{
	REFUSED("label,line,type,risk_min,risk_max,dollars\n",
	        "line 1: the header has no 'shared_risk' column");
	REFUSED("label,line,type,risk_min,risk_max,,dollars\n",
	        "line 1: a column of the header has no name");
}
END_TEST

START_TEST(header_not_csv)
{
	/* A spreadsheet's binary file, or prose: the first field is named. */
	REFUSED("PK\x03\x04 whatever\n", "line 1: unknown column");
	REFUSED("label,line,type,\"risk_min\"x,risk_max,shared_risk,dollars\n",
	        "line 1: a quote is misplaced");
}
END_TEST

/* ---- refused: the shape of a row ---- */

START_TEST(too_many_fields)
{
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,1\n"
	        "b,commercial,tcoc,1,10,60,1,extra\n",
	        "line 3: more fields than the header's 7 columns");
	/* Even an empty extra field: "a,...,1," is eight fields. */
	REFUSED(HEADER "b,commercial,tcoc,1,10,60,1,\n",
	        "line 2: more fields than the header's 7 columns");
}
END_TEST

START_TEST(too_few_fields)
{
	REFUSED(HEADER "a,commercial,tcoc,1,10,60\n",
	        "line 2: 6 fields, but the header has 7 columns");
	REFUSED(HEADER "\n\na\n", "line 4: 1 fields, but the header has 7");
}
END_TEST

START_TEST(unclosed_quote_at_eof)
{
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,1\n"
	        "\"b,commercial,tcoc,1,10,60,1\n\n",
	        "line 3: a quoted field is not closed before the end of the "
	        "file");
}
END_TEST

START_TEST(quote_inside_unquoted_field)
{
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,1\n"
	        "Acme \"North\",commercial,tcoc,1,10,60,1\n",
	        "line 3, column label: a quote is misplaced");
	REFUSED(HEADER "a,commercial,tcoc,1,1\"0,60,1\n",
	        "line 2, column risk_max: a quote is misplaced");
	/* Text after a closing quote. */
	REFUSED(HEADER "\"a\"b,commercial,tcoc,1,10,60,1\n",
	        "line 2, column label: a quote is misplaced");
}
END_TEST

START_TEST(nul_byte)
{
	static const char in[] = HEADER "a,comm\0ercial,tcoc,1,10,60,1\n";
	static const char hdr[] = "lab\0el,line,type,risk_min,risk_max,"
	                          "shared_risk,dollars\n";

	assert_refused(in, sizeof in - 1, "line 2, column line: contains a "
	               "NUL byte");
	assert_refused(hdr, sizeof hdr - 1, "line 1: contains a NUL byte");
}
END_TEST

START_TEST(row_past_64k)
{
	size_t n = strlen(HEADER) + 70000 + 64;
	char *in = malloc(n);
	int len;

	ck_assert_ptr_nonnull(in);
	len = snprintf(in, n, HEADER "a,commercial,tcoc,1,10,60,1\n\"");
	memset(in + len, 'x', 70000);
	strcpy(in + len + 70000, "\",commercial,tcoc,1,10,60,1\n");
	assert_refused(in, strlen(in), "line 3: a row longer than 65536 bytes");
	/* The same bytes as blank lines between rows are no row at all. */
	len = snprintf(in, n, HEADER);
	memset(in + len, '\n', 70000);
	strcpy(in + len + 70000, "a,commercial,tcoc,1,10,60,1\n");
	{
		struct result r = parse_n(in, strlen(in), 4096);

		ck_assert_msg(r.ok, "%s", r.err);
		ck_assert_str_eq(r.out, "70002:a|commercial|tcoc|1.0|10.0|60.0|1.00");
	}
	free(in);
}
END_TEST

/* ---- refused: a value ---- */

START_TEST(bad_values)
{
	REFUSED(HEADER "a,commercial,tcoc,1,101,60,1\n",
	        "line 2, column risk_max: '101' is more than 100%");
	REFUSED(HEADER "a,commercial,tcoc,1,10,60.0001,1\n",
	        "line 2, column shared_risk: '60.0001' has more than three "
	        "decimals");
	REFUSED(HEADER "a,commercial,tcoc,-1,10,60,1\n",
	        "line 2, column risk_min: '-1' is negative");
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,-5\n",
	        "line 2, column dollars: '-5'");
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,1.001\n",
	        "line 2, column dollars: '1.001'");
	REFUSED(HEADER "a,dental,tcoc,1,10,60,1\n",
	        "line 2, column line: 'dental' is not a line of business");
	REFUSED(HEADER "a,commercial,capitation,1,10,60,1\n",
	        "line 2, column type: 'capitation' is not a contract type");
	REFUSED(HEADER "a,commercial,tcoc,1e1,10,60,1\n",
	        "line 2, column risk_min: '1e1' is not a percentage");
	REFUSED(HEADER "a,commercial,tcoc,1,10,60,100000000000000.00\n",
	        "line 2, column dollars:");
}
END_TEST

START_TEST(bad_labels)
{
	char in[600];

	REFUSED(HEADER "Acme \xff North,commercial,tcoc,1,10,60,1\n",
	        "line 2, column label:");
	REFUSED(HEADER "\xc3\x28,commercial,tcoc,1,10,60,1\n",
	        "line 2, column label:");
	REFUSED(HEADER "Acme\x1b[31mNorth,commercial,tcoc,1,10,60,1\n",
	        "line 2, column label:");
	REFUSED(HEADER "Acme\xe2\x80\xaeNorth,commercial,tcoc,1,10,60,1\n",
	        "line 2, column label:");
	snprintf(in, sizeof in, HEADER "%0201d,commercial,tcoc,1,10,60,1\n", 7);
	assert_refused(in, strlen(in), "line 2, column label: '000");
	assert_refused(in, strlen(in), "' is too long: a contract's label "
	               "holds at most 200 bytes");
}
END_TEST

START_TEST(first_bad_row_stops)
{
	/* Rows before the bad one reach the callback (the store's replace is
	 * what throws them away); nothing after it is read. */
	struct result r = parse(HEADER "a,commercial,tcoc,1,10,60,1\n"
	                        "b,commercial,tcoc,1,10,600,1\n"
	                        "c,commercial,tcoc,1,10,60,\"1\n");

	ck_assert(!r.ok);
	ck_assert_str_eq(r.out, "2:a|commercial|tcoc|1.0|10.0|60.0|1.00");
	ck_assert(strstr(r.err, "line 3, column shared_risk") != NULL);
}
END_TEST

static bool refuse_second(void *ctx, const struct contract *c, size_t line,
                          char *err, size_t errlen)
{
	int *n = ctx;

	(void)c;
	(void)line;
	if (++*n == 2) {
		snprintf(err, errlen, "the disk is full");
		return false;
	}
	return true;
}

START_TEST(callback_refusal_names_line)
{
	static const char in[] = HEADER "a,commercial,tcoc,1,10,60,1\n\n"
	                         "b,commercial,tcoc,1,10,60,1\n";
	int n = 0;
	char err[256];
	struct contracts_csv *p = contracts_csv_new(refuse_second, &n);

	ck_assert(!contracts_csv_feed(p, in, sizeof in - 1, err, sizeof err));
	ck_assert_str_eq(err, "line 4: the disk is full");
	contracts_csv_free(p);
}
END_TEST

/* ---- the results an export adds ---- */

#define RESULTS_HEADER "label,line,type,risk_min,risk_max,shared_risk," \
	"dollars,net_risk,meets,why_not\n"

START_TEST(results_checked_not_kept)
{
	/* Contract 7 of Tab 9: 10% x 60% = 6% net risk, meets; given in any
	 * exact spelling, or blank, the results pass and only the fields
	 * are kept. */
	struct result r = parse(RESULTS_HEADER
		"C7,commercial,tcoc,1,10,60,500,6.0,yes,\n"
		"C7b,commercial,tcoc,1,10,60,500,6%,YES,\n"
		"C3,commercial,tcoc,2,15,25,100,,,whatever the words\n"
		"C4,commercial,revenue,1,10,25,10,2.5,no,\n");

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_uint_eq(r.rows, 4);
	ck_assert_str_eq(r.out,
		"2:C7|commercial|tcoc|1.0|10.0|60.0|500.00\n"
		"3:C7b|commercial|tcoc|1.0|10.0|60.0|500.00\n"
		"4:C3|commercial|tcoc|2.0|15.0|25.0|100.00\n"
		"5:C4|commercial|revenue|1.0|10.0|25.0|10.00");
	/* The results may come in any order, alone. */
	r = parse("meets,label,line,type,risk_min,risk_max,shared_risk,dollars\n"
	          "no,C1,medicare,tcoc,1,5,30,100\n");
	ck_assert_msg(r.ok, "%s", r.err);
}
END_TEST

START_TEST(results_that_disagree_are_refused)
{
	REFUSED(RESULTS_HEADER "C7,commercial,tcoc,1,10,60,500,6.5,yes,\n",
	        "line 2, column net_risk: '6.5' is not the contract's net risk: "
	        "risk_max 10.0% x shared_risk 60.0% is 6.0% (the results are "
	        "checked, never imported)");
	REFUSED(RESULTS_HEADER "C1,medicare,tcoc,1,5,30,100,1.5,yes,\n",
	        "line 2, column meets: 'yes' says yes, but the contract does not "
	        "meet the threshold: net risk 1.5% is below 3% (TCOC)");
	REFUSED(RESULTS_HEADER "C7,commercial,tcoc,1,10,60,500,6,yes,too low\n",
	        "line 2, column why_not: 'too low' gives a reason, but the "
	        "contract meets the threshold");
	REFUSED(RESULTS_HEADER "C7,commercial,tcoc,1,10,,500,6,no,\n",
	        "line 2, column net_risk: '6' is given, but the contract has no "
	        "net risk");
	REFUSED("label,line,type,risk_min,risk_max,shared_risk,dollars,meets,"
	        "MEETS\n", "line 1: column 'meets' is there twice");
}
END_TEST

/* ---- fractions from spreadsheet percent cells ---- */

static struct result parse_fractions(const char *in, bool on)
{
	struct result r;
	struct contracts_csv *p;

	memset(&r, 0, sizeof r);
	p = contracts_csv_new(collect, &r);
	ck_assert_ptr_nonnull(p);
	contracts_csv_set_fractions(p, on);
	r.ok = contracts_csv_feed(p, in, strlen(in), r.err, sizeof r.err) &&
	       contracts_csv_finish(p, &r.rows, r.err, sizeof r.err);
	contracts_csv_free(p);
	return r;
}

START_TEST(fractions_refused_with_the_way_out)
{
	/* 4%, 10%, 60% as a spreadsheet's percent cells save them. */
	static const char in[] = HEADER
		"C7,commercial,tcoc,0.01,0.1,0.6,500\n"
		"C2,medicaid,revenue,0.05,0.15,0.6,10\n";
	struct result r = parse(in);

	ck_assert(!r.ok);
	ck_assert_str_eq(r.err, "every risk percentage in the file is at most "
	                 "1 (the largest is 0.6), as spreadsheet percent cells "
	                 "are saved (0.04 for 4%); read as percent units they "
	                 "would all be 1% or less and no contract could meet "
	                 "the threshold.  Write percent units (4 or 4% for four "
	                 "percent), or import with --fractions to read 0.04 as "
	                 "4%");
	/* With --fractions they are read as meant: 1%, 10%, 60%. */
	r = parse_fractions(in, true);
	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out,
		"2:C7|commercial|tcoc|1.0|10.0|60.0|500.00\n"
		"3:C2|medicaid|revenue|5.0|15.0|60.0|10.00");
	/* --fractions refuses what is not a fraction, naming it. */
	r = parse_fractions(HEADER "C7,commercial,tcoc,1,10,60,500\n", true);
	ck_assert(!r.ok);
	ck_assert_str_eq(r.err, "line 2, column risk_max: '10' is more than 1, "
	                 "which as a fraction is more than 100%");
	r = parse_fractions(HEADER "C7,commercial,tcoc,0.01,10%,0.6,500\n",
	                    true);
	ck_assert(!r.ok);
	ck_assert(strstr(r.err, "line 2, column risk_max: '10%' carries a "
	                 "percent sign"));
}
END_TEST

START_TEST(small_percentages_exported_read_back)
{
	/* An export's rows (its header has the result columns) whose every
	 * term is 1% or less read back as percent units: the fuzzer's find,
	 * 1%, 0%, 0% written by the export as 1.0, 0.0, 0.0. */
	static const char in[] = "label,line,type,risk_min,risk_max,"
		"shared_risk,dollars,net_risk,meets,why_not\n"
		"C,medicaid,revenue,1.0,0.0,0.0,9.99,0.0,no,\n";
	struct result r = parse(in);

	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out, "2:C|medicaid|revenue|1.0|0.0|0.0|9.99");
}
END_TEST

START_TEST(small_percentages_said_as_such_pass)
{
	/* A '%' says percent; one term over 1 says percent units; all zero
	 * reads the same either way. */
	struct result r = parse(HEADER "C,commercial,tcoc,0.5%,1,0.8,5\n");

	ck_assert_msg(r.ok, "%s", r.err);
	r = parse(HEADER "C,commercial,tcoc,0.5,1,0.8,5\n"
	          "D,commercial,tcoc,1,10,60,5\n");
	ck_assert_msg(r.ok, "%s", r.err);
	r = parse(HEADER "C,commercial,tcoc,0,0,0,5\n");
	ck_assert_msg(r.ok, "%s", r.err);
	r = parse(HEADER "C,commercial,tcoc,,,,5\n");
	ck_assert_msg(r.ok, "%s", r.err);
}
END_TEST

/* ---- writing, and reading back ---- */

static char *write_rows(const struct contract *cs, size_t n, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	ck_assert_ptr_nonnull(f);
	ck_assert(contracts_csv_write_header(f));
	for (size_t i = 0; i < n; i++)
		ck_assert(contracts_csv_write_row(f, &cs[i]));
	fclose(f);
	return buf;
}

static void set(struct contract *c, const char *label, const char *line,
                const char *type, const char *min, const char *max,
                const char *share, const char *dollars)
{
	const char *v[NR_F_COUNT] = { label, line, type, min, max, share, dollars };
	char err[200];

	contract_init(c);
	for (int f = 0; f < NR_F_COUNT; f++)
		ck_assert_msg(nominal_parse_field(c, (enum nr_field)f, v[f], err,
		                                  sizeof err), "%s", err);
}

START_TEST(write_exact_bytes)
{
	struct contract cs[4];
	size_t len;
	char *out;

	set(&cs[0], "Contract 1", "medicare", "tcoc", "1", "5", "30",
	    "100000000");
	set(&cs[1], "=HYPERLINK(\"http://x\",\"y\")", "commercial", "revenue",
	    "1", "10", "25", "10000000");
	set(&cs[2], "Acme, Inc.", "medicaid", "", "", "12.125", "", "");
	set(&cs[3], "", "", "", "", "", "", "0.1");
	out = write_rows(cs, 4, &len);
	/* Each row ends with its results: 5% x 30% = 1.5% net risk, below
	 * the 3% a TCOC contract needs; 10% x 25% = 2.5%, and 25% shared
	 * risk is below 30%; the incomplete ones have no net risk (the
	 * third's maximum alone, the fourth's nothing) and say what is
	 * missing. */
	ck_assert_str_eq(out,
		"label,line,type,risk_min,risk_max,shared_risk,dollars,"
		"net_risk,meets,why_not\r\n"
		"Contract 1,medicare,tcoc,1.0,5.0,30.0,100000000.00,"
		"1.5,no,net risk 1.5% is below 3% (TCOC)\r\n"
		"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",commercial,revenue,"
		"1.0,10.0,25.0,10000000.00,2.5,no,shared risk 25.0% is below 30%; "
		"net risk 2.5% is below 8% (% revenue)\r\n"
		"\"Acme, Inc.\",medicaid,,,12.125,,,,no,\"incomplete: no contract "
		"type, no risk minimum, no shared risk, no total dollars\"\r\n"
		",,,,,,0.10,,no,\"incomplete: no line, no contract type, no risk "
		"minimum, no risk maximum, no shared risk\"\r\n");
	/* ...and it reads back, its results checked. */
	{
		struct result r = parse_len(out, len);

		ck_assert_msg(r.ok, "%s", r.err);
		ck_assert_uint_eq(r.rows, 4);
	}
	free(out);
	for (int i = 0; i < 4; i++)
		contract_clear(&cs[i]);
}
END_TEST

START_TEST(formula_labels_round_trip)
{
	/* Every label a spreadsheet would run, and the apostrophe-led ones
	 * that must not lose their apostrophe, come back exactly. */
	static const char *const labels[] = {
		"=1+1", "+1", "-1 shared", "@SUM(A1)", "'=1+1", "''=x", "'plain",
		"'", "-5", "'-5", "-", "a=b", "O'Brien", "-1.5",
	};
	enum { N = sizeof labels / sizeof *labels };
	struct contract cs[N];
	struct result r;
	char want[4096] = "";
	size_t len;
	char *out;

	for (size_t i = 0; i < N; i++) {
		set(&cs[i], labels[i], "commercial", "tcoc", "1", "10", "60", "1");
		snprintf(want + strlen(want), sizeof want - strlen(want),
		         "%s%zu:%s|commercial|tcoc|1.0|10.0|60.0|1.00",
		         i ? "\n" : "", i + 2, labels[i]);
	}
	out = write_rows(cs, N, &len);
	/* A guarded label is quoted and starts with the apostrophe. */
	ck_assert(strstr(out, "\r\n\"'=1+1\",") != NULL);
	ck_assert(strstr(out, "\r\n\"''=1+1\",") != NULL);
	ck_assert(strstr(out, "\r\n'plain,") != NULL);
	ck_assert(strstr(out, "\r\n-5,") != NULL);
	r = parse_len(out, len);
	ck_assert_msg(r.ok, "%s", r.err);
	ck_assert_str_eq(r.out, want);
	free(out);
	for (size_t i = 0; i < N; i++)
		contract_clear(&cs[i]);
}
END_TEST

/* ---- the field rule itself ---- */

START_TEST(csvout_rule)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "cr\rhere", "\"cr\rhere\"" },
		{ "=1+2", "\"'=1+2\"" },
		{ "+1", "\"'+1\"" },
		{ "@x", "\"'@x\"" },
		{ "\tx", "\"'\tx\"" },
		{ "\rx", "\"'\rx\"" },
		{ "\nx", "\"'\nx\"" },
		{ "-x", "\"'-x\"" },
		{ "-", "\"'-\"" },
		{ "-1+2", "\"'-1+2\"" },
		{ "-1.", "\"'-1.\"" },
		{ "-.5", "\"'-.5\"" },
		{ "-1.2.3", "\"'-1.2.3\"" },
		{ "-1e5", "\"'-1e5\"" },
		/* A plain negative number stays a number. */
		{ "-340000000.00", "-340000000.00" },
		{ "-5", "-5" },
		{ "'=x", "\"''=x\"" },
		{ "'-5", "'-5" },
		{ "'x", "'x" },
		{ " padded ", "\" padded \"" },
		{ "caf\xc3\xa9", "caf\xc3\xa9" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *buf = NULL;
		size_t len;
		FILE *f = open_memstream(&buf, &len);

		csvout_field(f, cases[i].in);
		fclose(f);
		ck_assert_msg(strcmp(buf, cases[i].out) == 0, "'%s' -> '%s', want "
		              "'%s'", cases[i].in, buf, cases[i].out);
		free(buf);
	}
	ck_assert_str_eq(csvout_unguard("'=x"), "=x");
	ck_assert_str_eq(csvout_unguard("''=x"), "'=x");
	ck_assert_str_eq(csvout_unguard("'x"), "'x");
	ck_assert_str_eq(csvout_unguard("'-5"), "'-5");
	ck_assert_str_eq(csvout_unguard("'-5x"), "-5x");
}
END_TEST

START_TEST(out_of_memory)
{
	/* Every allocation failing in turn gives a message, never a crash. */
	for (unsigned long n = 1; n < 200; n++) {
		struct result r;
		struct contracts_csv *p;
		bool ok;

		memset(&r, 0, sizeof r);
		mem_fail_at(n, 1);
		p = contracts_csv_new(collect, &r);
		if (!p) {
			mem_fail_at(0, 0);
			continue;
		}
		ok = contracts_csv_feed(p, HEADER "a b c,commercial,tcoc,1,10,60,1\n",
		                        strlen(HEADER) + 33, r.err, sizeof r.err) &&
		     contracts_csv_finish(p, &r.rows, r.err, sizeof r.err);
		mem_fail_at(0, 0);
		if (!ok)
			ck_assert_msg(*r.err, "failure %lu without a message", n);
		contracts_csv_free(p);
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("contracts_csv");
	TCase *ok = tcase_create("accepted");
	TCase *hdr = tcase_create("header");
	TCase *row = tcase_create("row");
	TCase *val = tcase_create("value");
	TCase *out = tcase_create("write");

	tcase_add_test(ok, plain);
	tcase_add_test(ok, header_any_order_any_case);
	tcase_add_test(ok, bom_crlf_blank_lines);
	tcase_add_test(ok, bare_cr_line_numbers);
	tcase_add_test(ok, quoted_fields);
	tcase_add_test(ok, quoted_newline_keeps_line_numbers);
	tcase_add_test(ok, header_only_is_empty_worksheet);
	tcase_add_test(ok, incomplete_contract_is_kept);
	tcase_add_test(ok, boundaries_exact);
	tcase_add_test(hdr, empty_file);
	tcase_add_test(hdr, unknown_column);
	tcase_add_test(hdr, duplicate_column);
	tcase_add_test(hdr, missing_column);
	tcase_add_test(hdr, header_not_csv);
	tcase_add_test(row, too_many_fields);
	tcase_add_test(row, too_few_fields);
	tcase_add_test(row, unclosed_quote_at_eof);
	tcase_add_test(row, quote_inside_unquoted_field);
	tcase_add_test(row, nul_byte);
	tcase_add_test(row, row_past_64k);
	tcase_add_test(val, bad_values);
	tcase_add_test(val, bad_labels);
	tcase_add_test(val, first_bad_row_stops);
	tcase_add_test(val, callback_refusal_names_line);
	tcase_add_test(val, results_checked_not_kept);
	tcase_add_test(val, results_that_disagree_are_refused);
	tcase_add_test(val, fractions_refused_with_the_way_out);
	tcase_add_test(val, small_percentages_exported_read_back);
	tcase_add_test(val, small_percentages_said_as_such_pass);
	tcase_add_test(out, write_exact_bytes);
	tcase_add_test(out, formula_labels_round_trip);
	tcase_add_test(out, csvout_rule);
	tcase_add_test(out, out_of_memory);
	suite_add_tcase(s, ok);
	suite_add_tcase(s, hdr);
	suite_add_tcase(s, row);
	suite_add_tcase(s, val);
	suite_add_tcase(s, out);
	return s;
}

int main(void)
{
	return test_main(suite());
}
