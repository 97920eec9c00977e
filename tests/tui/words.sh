#!/bin/sh
# SPDX-License-Identifier: MIT
# words.sh: the workbook's own words one key away at 80x24: F1 on a
# metric row gives its section heading as worded, the row's wording, its
# "Description of Metric", the tab's Goal/Purpose and its Methods under
# one heading; ? on Checks gives the tab's introduction; the outcome
# statements stand under "Please respond to each statement listed.".
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/e.apmwb"
example_file "$f"

start -- "$f"
expect "the workbook opens" "General information"
# Rows 1, 2 and 4 are the first three shown on Commercial.
keys M-3
expect "the Commercial tab" "Commercial metrics"
keys Down Down F1
expect "F1 on row 4 opens its detail" "Help · Row 4 "
expect "...with its section's heading as worded" \
	"Alternative Payment Model Framework - Category 2 (Metrics below apply to"
expect "...the row's own wording" \
	"Row 4: Total dollars paid to providers through fee-for-Service plus"
expect "...its Description of Metric" "Description of Metric"
expect "...to its last line" "* CPR historic metric - trend."

# Page through the whole help: the purpose is there, and the methods
# come under one heading, not two.
: >"$T/pages"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	screen >>"$T/pages"
	keys NPage
	sleep 0.1
done
if grep -q "Goal/Purpose = Track total dollars paid" "$T/pages" &&
   grep -q "The goal is NOT to gather information" "$T/pages"; then
	ok "...the tab's Goal/Purpose and what it is NOT"
else
	not_ok "...the tab's Goal/Purpose and what it is NOT" "$(cat "$T/pages")"
fi
if ! grep -q "│ Methods  " "$T/pages"; then
	not_ok "...the Methods are there" "$(cat "$T/pages")"
elif grep -A1 "│ Methods  " "$T/pages" | sed 1d | grep -q "│ Methods  "; then
	not_ok "...under one Methods heading" "$(grep -n -A1 Methods "$T/pages")"
else
	ok "...under one Methods heading"
fi
keys Escape
wait_gone "Help · Row 4 "

# The aggregated metrics keep their heading as worded too.
keys End F1
expect "F1 on the last row" "Help · Row 19 "
expect "...under the aggregated metrics' heading" \
	"Aggregated Metrics (Comparison between Category 1 and Categories 2-4)"
keys Escape
wait_gone "Help · Row 19 "

# Rows the workbook words otherwise than "Total dollars paid to providers
# ..." are shown in their own words, not under that heading.
quit
"$APMWB" set "$f" pm.commercial.cat2a_foundational yes >/dev/null || exit 99
"$APMWB" set "$f" commercial.m3 1000 >/dev/null || exit 99
start -- "$f"
expect "the workbook opens again" "General information"
keys M-3
expect "row 3 in its own words" "   3  Dollars paid for foundational spend"
expect "row 5 as the workbook words it" "   5  Total dollars paid in Category 2"
expect "row 10 too" " 10  Total dollars paid in Category 3"
expect "row 2 still under the heading" "   2  legacy payments (including"

# ? on Checks: the tab's introduction first.
keys M-6
expect "the Checks tab" "Cross-checking"
keys '?'
expect "? on Checks opens its help" "Help · Cross-checking"
expect "...with its introduction" \
	"Please take a moment to review your data entry."
keys Escape
wait_gone "Help · Cross-checking"

# Info: the workbook's direction under the prompt, above the statements.
keys M-8
expect "the Info tab" "Informational questions"
for i in 1 2 3 4 5 6 7 8 9 10; do
	wait_line "^. Better quality care" 1 && break
	keys Down
done
expect "the instruction is shown" "Please respond to each statement listed."
order=$(screen | awk '/the following outcomes:$/ { p = NR }
	/^ Please respond to each statement listed\.$/ { i = NR }
	/Better quality care/ { b = NR }
	END { print (p && i == p + 1 && b > i) ? "ok" : p " " i " " b }')
if [ "$order" = ok ]; then
	ok "...under the prompt and above the statements"
else
	not_ok "...under the prompt and above the statements" "rows: $order" \
		"screen:"
	screen | sed 's/^/#   | /'
fi
quit
done_testing
