#!/bin/sh
# SPDX-License-Identifier: MIT
# risk.sh: the Nominal risk tab at 80x24 with the Tab 9 example: labels
# in full, the summary as the workbook heads it, the methods as its i. and
# ii., a cell's own definition on F1, a picked line shown at once, a row
# found by its label or its number, figures never shown as ###, and one
# rule for every risk percentage: exact, at least one decimal, no trailing
# zero past it, the points of each column lined up.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/e.apmwb"
example_file "$f"

start -- "$f"
expect "the workbook opens" "General information"
keys M-7
expect "the worksheet's method, whole and numbered as the workbook does" \
	"Method:  ii. Use the worksheet to find the dollars that meet the threshold"
expect "a contract's label is not cut to Contrac…" " 1 Contract 1    Medicare"
expect "the key line keeps the tab keys at 80 columns" \
	"^K delete · ^F find · [ ] Alt-1…9 tabs"
expect "the summary heads its columns as the workbook" "MEETS LAN Nominal Risk"
expect "...DOES NOT MEET" "DOES NOT MEET LAN"
expect "...with % Total Spend and what it is of" \
	"% Total Spend: of each line's row 1, Commercial \$5,000,000,000"
keys Enter
expect "the picker offers option i. whole" \
	"i. Attest that all FFS-based shared-risk dollars meet the nominal risk"
expect "...to its last word" "  threshold  "
keys Escape
wait_gone "plans have the option to"

# F1 on a cell: that term's definition, not the tab's introduction.
keys Down Right Right Right F1
expect "F1 on Min% shows the Risk Minimum's definition" \
	"Risk Minimum aka Minimum Loss Rate, or Risk Corridor"
expect "...under the workbook's column heading" "Help · % Risk Min"
keys Escape
wait_gone "Help · % Risk Min"

# Find by label, the next and the one before; go to a row by number.
keys C-f
expect "^F asks for a label" "Find a contract (label):"
type_text "Contract 1"; keys Enter
expect "the next row whose label holds it" "row 10 of 12 contracts"
keys F3
expect "F3 the next one" "row 11 of 12 contracts"
keys N
expect "N the one before" "row 10 of 12 contracts"
keys C-g
expect "^G asks for a row" "Go to row (1-12):"
type_text 5; keys Enter
expect "...and goes there" "row 5 of 12 contracts"

# A new contract: the line picked shows at once, and no other list opens.
keys Home Up
wait_for "12 contracts "
keys a
expect "a on the Method line adds a contract" "13 contracts"
keys Escape Tab Enter
expect "Enter on Line opens its list" "Line of business"
keys 3 Enter
wait_gone "Line of business"
expect "the picked line shows on the row at once" \
	" 2               Medicaid   "
if screen | grep -q "Type of contract"; then
	not_ok "...and the type's list does not open over it" "$(screen)"
else
	ok "...and the type's list does not open over it"
fi
quit

# Every risk percentage column lines up its decimal points; none rounded.
# dots: for each contract row, the columns of its percentages' points
# (Min%, Max%, Share%, Net%), one row a line.
dots() {
	screen | awk '/^ +[0-9]+ [A-Z]/ && / \$/ {
		line = $0; out = ""; off = 0
		while (match(line, /[0-9]+\.[0-9]+/)) {
			out = out " " (off + RSTART + index(substr(line, RSTART,
			    RLENGTH), ".") - 1)
			off += RSTART + RLENGTH - 1
			line = substr(line, RSTART + RLENGTH)
		}
		print out }'
}
# aligned DESC N: at least N rows of four percentages, points alike.
aligned() {
	local d
	d=$(dots)
	if [ "$(printf '%s\n' "$d" | sort -u | wc -l)" -eq 1 ] &&
	   [ "$(printf '%s\n' "$d" | wc -l)" -ge "$2" ] &&
	   [ "$(printf '%s\n' "$d" | head -1 | wc -w)" -eq 4 ]; then
		ok "$1"
	else
		not_ok "$1" "points at: $(printf '%s;' "$d")" "screen:"
		screen | sed 's/^/#   | /'
	fi
}
start -- "$f"
expect "the example opens" "General information"
keys M-7
expect "the worksheet" " 1 Contract 1    Medicare"
aligned "Net% 1.5 and 3.75 line up on the point, as every column's do" 5
expect_line "...and 3.75 is not rounded" " 15\.0 +25\.0 +3\.75 "
keys Down Right Right Right F1
expect "F1 on a percentage says the rule" \
	"Every risk percentage (Min%, Max%, Share% and Net%) is shown exactly"
keys Escape
quit
p="$T/p.apmwb"
make_clean "$p" >/dev/null 2>&1 || exit 99
"$APMWB" set "$p" pm.commercial.cat3b_shared_risk yes >/dev/null
"$APMWB" set "$p" nr.method worksheet >/dev/null
printf '%s\n' "label,line,type,risk_min,risk_max,shared_risk,dollars" \
	"A,commercial,tcoc,1.25,10,33.5,100" \
	"B,commercial,tcoc,2,15.125,40,200" \
	"C,commercial,revenue,0.5,10,33.333,300" \
	"D,commercial,tcoc,4,100,100,400" >"$T/p.csv"
"$APMWB" import "$p" "$T/p.csv" >/dev/null 2>&1 || exit 99
start -- "$p"
expect "the workbook opens with four contracts" "General information"
keys M-7
expect "the worksheet of four" " 4 D "
aligned "one, two and three decimals line up in every column" 4
expect_line "...each exact: 15.125 x 40 is 6.05" " 2\.0 +15\.125 +40\.0 +6\.05 "
expect_line "...10 x 33.333 is 3.3333" " 0\.5 +10\.0 +33\.333 +3\.3333 "
expect_line "...100 x 100 is 100.0, the widest" " 100\.0 +100\.0 +100\.0 "
quit

# Figures as wide as a million contracts make them: never ###.
g="$T/w.apmwb"
make_clean "$g" >/dev/null 2>&1 || exit 99
"$APMWB" set "$g" pm.commercial.cat3b_shared_risk yes >/dev/null
"$APMWB" set "$g" commercial.m1 100 >/dev/null
"$APMWB" set "$g" nr.method worksheet >/dev/null
printf '%s\n' "label,line,type,risk_min,risk_max,shared_risk,dollars" \
	"Big,commercial,tcoc,1,10,60,45000000000000" \
	"Bigger,commercial,tcoc,5,10,60,99000000000000" >"$T/big.csv"
"$APMWB" import "$g" "$T/big.csv" >/dev/null 2>&1 || exit 99
start -- "$g"
keys M-7
expect "the wide figures are shown" "\$45,000,000,000,000"
expect "...their shares too" "45000000000000.0%"
if screen | grep -q '###'; then
	not_ok "...and none as ###" "$(screen)"
else
	ok "...and none as ###"
fi
quit

# At 200 columns the label takes what it needs, not 130 columns.
start -- "$f"
expect "the workbook opens again" "General information"
tm resize-window -x 200 -y 30
wait_gone "General information"
keys M-7 Down
expect "at 200 columns" "row 1 of 13 contracts"
col=$(screen | awk '/ Contract 1 /{ print index($0, "Medicare"); exit }')
if [ -n "$col" ] && [ "$col" -gt 0 ] && [ "$col" -lt 30 ]; then
	ok "...the line's column comes soon after the label ($col)"
else
	not_ok "...the line's column comes soon after the label" "at: $col"
fi
quit
done_testing
