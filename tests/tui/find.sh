#!/bin/sh
# SPDX-License-Identifier: MIT
# find.sh: getting about a worksheet of 50,000 contracts: go to a row by
# its number (:), find a label and its next and previous match (/ n N),
# going round the ends; and long work (a find, an export) stopped with
# Esc, typed before its first report, the file left as it was and
# nothing written.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/big.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null &&
"$APMWB" set "$f" nr.method worksheet >/dev/null || exit 99
# Rows 5000 and 15000 hold "Acme"; every other row "Contract N".
awk 'BEGIN {
	print "label,line,type,risk_min,risk_max,shared_risk,dollars"
	for (i = 1; i <= 50000; i++)
		printf "%s %d,commercial,tcoc,1,10,%d,%d\n",
		       (i == 5000 || i == 15000 ? "Acme" : "Contract"), i,
		       20 + i % 50, 1000 + i
}' >"$T/contracts.csv"
"$APMWB" import "$f" "$T/contracts.csv" >/dev/null 2>&1
check "50,000 contracts imported" is $? 0
"$APMWB" export --format json -o "$T/before.json" "$f" || exit 99

# From its folder, so the messages that name the file fit the line.
cd "$T" || exit 99
start -- big.apmwb
expect "the workbook opens" "General information"
keys M-7
expect "the worksheet counts its contracts" "50000 contracts"
keys Down
expect "the cursor is on the first row" "row 1 of 50000" 5
# To the Min% column: on a label, a letter or ':' would type into it (as
# in a spreadsheet); on a figure they are the worksheet's keys.
keys Right Right Right

keys :
expect "':' asks for a row" "Go to row (1-50000):" 5
type_text 12345
keys Enter
expect "it goes to that row" "row 12345 of 50000" 5
expect "...and shows it" "Contract 12345" 5
keys :
type_text 60000
keys Enter
expect "a row past the end is refused" 'no row "60000": the rows are 1 to 50000' 5
expect "...and the cursor stays" "row 12345 of 50000" 5

keys /
expect "'/' asks for a label" "Find a contract (label):" 5
type_text acme
keys Enter
expect "find goes to the next match after the cursor" "row 15000 of 50000" 5
expect "...whatever the case of its letters" "Acme 15000" 5
keys n
expect "n goes round the end to the first match" "row 5000 (from the top)" 5
expect "...and the cursor is there" "row 5000 of 50000" 5
keys N
expect "N goes round the top to the last match" "row 15000 (from the bottom)" 5
keys N
expect "N again goes to the previous match" "row 5000 of 50000" 5

# Esc typed right after Enter reaches the find at its first report.
keys /
expect "'/' asks again" "Find a contract (label):" 5
keys C-u
type_text zzz
keys Enter Escape
expect "Esc stops the find" "find stopped; the cursor stays on row 5000" 5
expect "...and the cursor stays" "row 5000 of 50000" 5
keys /
keys C-u
type_text zzz
keys Enter C-c
expect "Ctrl-C stops it too" "find stopped; the cursor stays on row 5000" 5

keys e
expect "e offers the exports" "Contracts CSV" 5
keys Down Down Down Down Enter
expect "it asks where to write" "Write to:" 5
keys C-u
type_text out.csv
keys Enter Escape
expect "Esc stops the export" "not exported: big.apmwb: the export was interrupted" 5
if [ -e "$T/out.csv" ]; then
	not_ok "a stopped export writes nothing" "$(ls -l "$T")"
else
	ok "a stopped export writes nothing"
fi
# The same export, not stopped, writes the file there.
keys e
expect "e offers the exports again" "Contracts CSV" 5
keys Down Down Down Down Enter
expect "it asks where to write again" "Write to:" 5
keys C-u
type_text out.csv
keys Enter
expect "the export not stopped is written" "exported to" 10
check "...every contract in it" is "$(grep -c '^[AC][a-z]* [0-9]*,' "$T/out.csv" 2>&1)" 50000
quit
"$APMWB" export --format json -o "$T/after.json" "$f" || exit 99
if cmp -s "$T/before.json" "$T/after.json"; then
	ok "the file is as it was"
else
	not_ok "the file is as it was" "$(diff "$T/before.json" "$T/after.json" | head -5)"
fi
done_testing
