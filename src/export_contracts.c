/* SPDX-License-Identifier: MIT */
/* export_contracts.c: the worksheet as the contracts CSV, each contract
 * with its results. */
#include <config.h>

#include <stdio.h>

#include "contracts_csv.h"
#include "export.h"

static bool write_contract(void *ctx, const struct contract *c, int64_t pos)
{
	(void)pos;
	return contracts_csv_write_row(ctx, c);
}

bool export_contracts(FILE *out, const struct export_input *in,
                      char *err, size_t errlen)
{
	if (!contracts_csv_write_header(out) ||
	    (in->contracts && !in->contracts(in->contracts_src, write_contract,
	                                     out))) {
		snprintf(err, errlen, "could not write the contracts");
		return false;
	}
	if (fflush(out) != 0 || ferror(out)) {
		snprintf(err, errlen, "could not write the export");
		return false;
	}
	return true;
}
