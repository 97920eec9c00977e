/* SPDX-License-Identifier: MIT */
/* lob.c: the ids of the lines of business. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "lob.h"

static const struct {
	const char *id, *nr_id;
} lobs[LOB_COUNT] = {
	{ "commercial", "commercial" },
	{ "ma", "medicare" },
	{ "medicaid", "medicaid" },
};

static int valid(int lob)
{
	return lob >= 0 && lob < LOB_COUNT;
}

const char *lob_id(int lob) { return valid(lob) ? lobs[lob].id : ""; }
const char *lob_nr_id(int lob) { return valid(lob) ? lobs[lob].nr_id : ""; }

int lob_from_id(const char *id)
{
	for (int i = 0; i < LOB_COUNT; i++)
		if (id && strcmp(id, lobs[i].id) == 0)
			return i;
	return LOB_NONE;
}

int lob_from_nr_id(const char *id)
{
	if (!id)
		return LOB_NONE;
	for (int i = 0; i < LOB_COUNT; i++)
		if (strcasecmp(id, lobs[i].nr_id) == 0)
			return i;
	if (strcasecmp(id, "ma") == 0 || strcasecmp(id, "medicare advantage") == 0)
		return LOB_MA;
	return LOB_NONE;
}
