#!/bin/sh
# SPDX-License-Identifier: MIT
# rows.sh: at 80x24 every row of a dollars tab can be reached and read,
# the computed ones below the last typed row too; a refused value says
# why first and whole, and is never previewed as another value.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
for m in cat2a_foundational cat2c_p4p cat3a_shared_savings \
	cat3b_shared_risk cat4b_population; do
	"$APMWB" set "$f" pm.commercial.$m yes >/dev/null || exit 99
done
"$APMWB" set "$f" commercial.m1 5000 >/dev/null

start -- "$f"
expect "the workbook opens" "General information"
keys M-3
expect "the Commercial tab" "Commercial metrics"
keys End
expect "End reaches row 19, below the last typed row" \
	"  19  payment reforms in Categories 3 and 4"
expect "...with its whole wording under the table" \
	"Total dollars paid to providers through payment reforms in Categories 3 and"
keys Home
wait_gone "  19  payment reforms"
keys NPage NPage NPage
expect "PgDn reaches it too" "  19  payment reforms in Categories 3 and 4"
keys Up Up Up
expect "row 16, the Category 4 total, is read on the way" \
	"Total dollars paid in Category 4"
keys Enter
expect "a computed row says it is never typed" "is never typed"

# Row 3 (foundational spending) refuses 12.345: while it is typed the
# figures stay the confirmed ones, never those of 12.34.
keys Home Down Down
expect "the cursor on row 3" "Dollars paid for foundational spending"
type_text 12.345
expect "the reason shows while it is typed" \
	"\"12.345\" has more than two decimals; dollars are entered to the cent"
if screen | grep -q '12\.34[^5]'; then
	not_ok "12.345 is never previewed as 12.34" "$(screen)"
else
	ok "12.345 is never previewed as 12.34"
fi
expect "the numerators are the confirmed ones" "numerators \$1,000.00"
keys Enter
expect "Enter refuses it, the reason first and whole" \
	"\"12.345\" has more than two decimals; dollars are entered to the cent"
expect "...and says it is not saved" "not"
check_get commercial.m3 ""
keys Escape

# The e-mail's longest reason, whole at 80 columns.
keys M-1
wait_for "General information"
keys Down Enter C-u
type_text "jane..doe@example.org"; keys Enter
expect "the e-mail refusal starts with its reason" \
	"\"jane..doe@example.org\" is not an e-mail address: a dot before"
expect "...and is not cut" "start, end or follow another dot"
keys Escape
quit
done_testing
