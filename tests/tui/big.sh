#!/bin/sh
# SPDX-License-Identifier: MIT
# big.sh: a large payer's worksheet of 10,000 contracts pages from the
# file: the last row, the first, a page down, and an edit of one, each
# showing up at once (the waits below are ceilings, not timings).
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/big.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null &&
"$APMWB" set "$f" nr.method worksheet >/dev/null || exit 99
awk 'BEGIN {
	print "label,line,type,risk_min,risk_max,shared_risk,dollars"
	for (i = 1; i <= 10000; i++)
		printf "Contract %d,%s,%s,%d,%d,%d,%d\n", i,
		       (i % 3 == 0 ? "medicaid" : i % 3 == 1 ? "commercial" : "medicare"),
		       (i % 2 ? "tcoc" : "revenue"), i % 6, 5 + i % 10, 20 + i % 50,
		       1000 + i
}' >"$T/contracts.csv"
"$APMWB" import "$f" "$T/contracts.csv" >/dev/null 2>&1
check "10,000 contracts imported" is $? 0

start -- "$f"
expect "the workbook opens on a large file" "General information"
keys M-7
expect "the worksheet counts its contracts" "10000 contracts"
keys Down
# "row 1 of 10000" shows before the cursor is in the table; the row's
# explanation only once it is.
expect "the cursor is on the first row" 'Row 1 "Contract 1":' 5
keys End
expect "End jumps to the last row" "row 10000 of 10000" 5
expect "...and shows it" "Contract 10000" 5
keys Home
expect "Home jumps back to the first" "row 1 of 10000" 5
keys PPage
expect "PgUp at the top stays there" "row 1 of 10000" 5
keys NPage
wait_gone "row 1 of 10000" 5
if screen | grep -Eq "row ([2-9]|[1-9][0-9]) of 10000"; then
	ok "PgDn moves a page down"
else
	not_ok "PgDn moves a page down" "$(screen | tail -2)"
fi
keys End
expect "back at the last row" "row 10000 of 10000" 5
keys Right Right Right Right Right Right
type_text 123
keys Enter
expect "an edit of the last contract is saved" "row 10000 saved" 5
keys Up
expect "the row above is there" "row 9999 of 10000" 5
quit
run export --format contracts "$f"
last=$(printf '%s\n' "$out" | tail -1 | tr -d '\r')
# 5% x 20% is 1.0% net risk, and 20% is below the 30% shared risk needed.
check "the edit is in the file" is "$last" "Contract 10000,commercial,revenue,4.0,5.0,20.0,123.00,1.0,no,shared risk 20.0% is below 30%; net risk 1.0% is below 8% (% revenue)"
check "the other rows are as imported" has "$out" "Contract 9999,medicaid,tcoc,3.0,14.0,69.0,10999.00"
done_testing
