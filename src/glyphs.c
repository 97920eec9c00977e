/* SPDX-License-Identifier: MIT */
/* glyphs.c: UTF-8 symbols and their ASCII stand-ins. */
#include <config.h>

#include "glyphs.h"

static const struct glyphs utf8_set = {
	.ok = "\u2713", .bad = "\u2717", .warn = "!", .ellipsis = "\u2026",
	.dot = "\u00b7", .hline = "\u2500", .vline = "\u2502",
	.cursor = "\u25b8", .computed = "=", .differs = "\u0394",
	/* Lighter for legacy payments, darker as the category advances. */
	.bar = { "\u2591", "\u2592", "\u2593", "\u2588", "\u00b7" },
	.box = { "\u250c", "\u2510", "\u2514", "\u2518", "\u2500", "\u2502" },
};

static const struct glyphs ascii_set = {
	.ok = "ok", .bad = "x", .warn = "!", .ellipsis = "~",
	.dot = "-", .hline = "-", .vline = "|",
	.cursor = ">", .computed = "=", .differs = "*",
	.bar = { "1", "2", "3", "4", "." },
	.box = { "+", "+", "+", "+", "-", "|" },
};

const struct glyphs *glyphs_get(bool utf8)
{
	return utf8 ? &utf8_set : &ascii_set;
}
