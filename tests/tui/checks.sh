#!/bin/sh
# SPDX-License-Identifier: MIT
# checks.sh: the Cross-checking tab in the workbook's own words at
# 80x24: its introduction, its review question, each line named as in
# show, every check's message whole and the advice of the one under the
# cursor, and the sign-off line in sight and true to the mode.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" commercial.m2 2000 >/dev/null          # over by $1,000.00
"$APMWB" set "$f" gi.lob.ma yes >/dev/null
"$APMWB" set "$f" pm.ma.cat1_legacy yes >/dev/null
"$APMWB" set "$f" ma.m1 500 >/dev/null
"$APMWB" set "$f" ma.m2 500 >/dev/null

start -- "$f"
expect "the workbook opens" "General information"
keys M-6
expect "the tab's introduction, as the workbook words it" \
	"Cross-checking · Please take a moment to review your data entry."
expect "the review question as its column" \
	"Review: Is the denominator equal to the sum of the numerators?"
expect "Medicare Advantage named as in show" "  Medicare Advantage  "
expect "by how much a line is over" "Over row 1 by \$1,000.00"
# The error under the cursor: its advice whole, not cut at 80 columns.
expect "the advice of the check under the cursor is whole" \
	"arrangement should be categorized today in the most advanced or"
expect "...to its end" "\"dominant\""
keys End
expect "the sign-off line is in sight with the last item" \
	"Draft: sign-off waits for 1 error to be fixed"
# The cursor off it, the error's message is still whole: a reason is
# never cut.
expect "a check not under the cursor keeps its whole message" \
	"(over by \$1,000.00)"
keys '?'
expect "? on Checks includes its introduction" \
	"Help · Cross-checking"
expect "...the introduction itself" "Please take a moment to review"
keys Escape
wait_gone "Help · Cross-checking"
quit

"$APMWB" set "$f" commercial.m2 1000 >/dev/null
start -- -r "$f"
expect "review mode opens" "READ-ONLY"
keys M-6
keys End
expect "in review mode the sign-off line does not offer to sign off" \
	"Draft, no errors left: not signed off yet"
if screen | grep -q "press Enter (or S) to sign off"; then
	not_ok "...and never says press Enter to sign off" "$(screen)"
else
	ok "...and never says press Enter to sign off"
fi
quit
done_testing
