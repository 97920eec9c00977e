#!/bin/sh
# SPDX-License-Identifier: MIT
# whole.sh: a respondent types a whole submission through the screens
# (every tab, a cross-check mismatch seen and fixed on screen, a worksheet
# of contracts), quits, reopens and finds everything; `apmwb get` reads it.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/acme.apmwb"

start -- "$f"
expect "a new file opens on General information" "General information"
expect "and says it was created" "created"
[ -f "$f" ] && ok "the file exists from the start" || not_ok "the file exists from the start"

# General information: Enter edits, Enter saves and moves on.
keys Enter; type_text "Jane Doe"; keys Enter
# The title bar says "all saved" from the start: the message line is the one.
expect_line "a saved answer says so" '^ saved *$'
expect_line "...and shows beside its label" '^ +Name +Jane Doe *$'
keys Enter; type_text "jane at example"; keys Enter
expect "a bad e-mail is refused with its reason" "not saved"
expect "...and stays on screen as typed" "jane at example"
keys C-u; type_text "jane.doe@example.org"; keys Enter
wait_for "jane.doe@example.org"
keys Enter; type_text "(555) 010-2030"; keys Enter
keys Enter; type_text "Acme Health Plan"; keys Enter
expect "the organisation appears in the title bar" "apmwb · acme.apmwb · Acme Health Plan"
check "no follow-up while no line is selected" \
	eval '! screen | grep -q "What is the total number of members"'
keys y
expect "Commercial is selected" "Commercial                        Yes"
expect "a follow-up appears for the selected line" "What is the total number of members"
keys Down n Down n
keys Down; type_text 12345; keys Enter
keys Enter; type_text "Line one"; keys Enter; type_text "Line two"; keys Tab
wait_for "Line two"
type_text 12.5; keys Enter
expect "hours are saved" "12.5"

# Payment model selection: a grid of yes/no by line.
keys ']'
expect "the models grid" "Cat 1: Legacy Payments"
keys y Down Down y Down Down Down y
wait_for "3 of 12 answered"
expect "three models in effect for Commercial" "3 of 12 answered"

# Commercial: dollars, with a cross-check mismatch fixed on screen.
keys ']'
expect "the Commercial tab" "Commercial metrics"
type_text 5000000000; keys Enter
type_text 2000000000; keys Enter
type_text 500000000; keys Enter
expect "the Category 2 total is computed" "= \$500,000,000.00"
type_text 2499999990; keys Enter
expect "a mismatch shows on the line's tab" "Cross-check: No, short by \$10.00"
expect "the status line says so too" "Commercial short by \$10.00"
# 2,499,999,990 of 5,000,000,000 is 49.9999998%: one decimal, half up.
expect_line "the share of row 8 is rounded as the workbook does" \
	'^ +8 .*[$]2,499,999,990[.]00 +50[.]0% *$'
type_text 2500000000
expect "the cross-check moves as digits are typed, before saving" "Cross-check: Yes"
keys Escape
# The status line said "short by $10.00" all along; the row, its sum and the
# tab's cross-check are what the typing had changed.
expect_line "Esc puts back the saved value in the field" \
	'^ +8 .*[$]2,499,999,990[.]00 '
expect_line "...and in the sum it goes into" \
	'^ +10 .*= [$]2,499,999,990[.]00 '
expect "...and the tab's cross-check is the saved one again" \
	"Cross-check: No, short by \$10.00"
check_get commercial.m8 2499999990.00
type_text 2500000000; keys Enter
expect "fixed and saved" "Commercial ok"
# Short by $10.00, the legend had a "not reported" part; now nothing is.
expect_line "the bar's legend, with nothing left unreported" \
	'^ ░ Cat 1 40[.]0%  ▒ Cat 2 10[.]0%  ▓ Cat 3 50[.]0%  █ Cat 4 0[.]0% *$'
keys '?'
expect "? shows help for the field under the cursor" "Key: commercial.m8"
expect "...with its definitions from the workbook" "Fee-For Service Based Shared risk"
keys /
expect "/ searches every definition" "Search:"
type_text "net risk"
expect "a term that holds the search is listed" "Net Risk aka Total Risk"
keys Enter
expect "Enter reads it" "Help · Net Risk aka Total Risk"
keys Escape Escape
wait_gone "Search:"
expect "Esc goes back to the tab" "Commercial metrics"

keys ']'
expect "a line not selected is off and says why" "Medicare Advantage is not selected"
keys ']' ']'
expect "the cross-checking tab" "Review: Is the denominator equal to the sum of the numerators?"
expect "with the line's sums" "\$5,000,000,000.00       \$5,000,000,000.00  Yes"

# Nominal risk: the worksheet, two contracts typed in.
keys ']'
expect "the nominal-risk tab" "Method:"
keys Enter
expect "the method is picked from a list" "Use the worksheet"
keys Down Enter
expect "the worksheet is chosen" "No contracts yet"
keys Down a
type_text "Contract A"; keys Tab Enter
expect "the line is picked from a list" "Line of business"
keys Enter
wait_gone "Line of business"
# A pick from the list goes on to the next cell, as Enter in a typed one.
keys Enter
expect "then the type, the next cell" "Type of contract"
keys Enter
wait_gone "Type of contract"
type_text 1; keys Tab; type_text 10; keys Tab; type_text 60; keys Tab
type_text 2000000000; keys Enter
expect "a whole row typed along" "row 1 saved"
keys a
# A line and a type by their numbers, without the lists.
type_text "Contract B"; keys Tab; type_text 1; keys Tab; type_text 2
keys Tab
type_text 5; keys Tab; type_text 15; keys Tab; type_text 25; keys Tab
type_text 500000000; keys Enter
expect "the second row" "row 2 saved"
expect "a failing row says why" "risk minimum 5.0% is above 4%"
# Of row 1's $5,000,000,000: meets 2,000,000,000 (40.0%), does not meet
# 500,000,000 (10.0%), all 2,500,000,000 (50.0%).
expect_line "the summary per line" \
	'^ Commercial +[$]2,000,000,000 +40[.]0% +[$]500,000,000 +10[.]0% +[$]2,500,000,000 +50[.]0% *$'

# Informational questions: choices, a follow-up, up to three, a scale.
keys ']'
expect "the informational questions" "Informational questions"
keys Enter
wait_for "APM activity will increase"; keys Enter
expect "the follow-up for an increase appears" "Which APM subcategory"
keys Down Enter
wait_for "Enter picks"; keys Enter
keys Down Enter
wait_for "space marks"; keys Space Down Space Enter
keys Down Enter
wait_for "space marks"; keys Space Enter
keys Down 3 Down 4 Down 3 Down 2 Down 5
wait_for "Informational questions"

keys q
expect "the program quits with q" "apmwb-exit="
expect "...and exits 0" "apmwb-exit=0" 1

check_get gi.contact_name "Jane Doe"
check_get gi.contact_email "jane.doe@example.org"
check_get gi.contact_phone "(555) 010-2030"
check_get gi.org_name "Acme Health Plan"
check_get gi.lob.commercial yes
check_get gi.lob.ma no
check_get gi.members.commercial 12345
check_get gi.assumptions "Line one
Line two"
check_get gi.hours.commercial 12.5
check_get pm.commercial.cat1_legacy yes
check_get pm.commercial.cat2c_p4p yes
check_get pm.commercial.cat3b_shared_risk yes
check_get commercial.m1 5000000000.00
check_get commercial.m8 2500000000.00
check_get xc.commercial.ok yes
check_get nr.method worksheet
check_get nr.commercial.meets 2000000000.00
check_get nr.commercial.fails 500000000.00
check_get iq.trend increase
check_get iq.increase_most 3a
check_get iq.barriers "provider_interest
plan_interest"
check_get iq.outcome.quality agree
check_get iq.outcome.affordable strongly_agree
check_get iq.outcome.prices not_sure

# Reopen: everything is there, and sign-off from the checks tab.
start -- "$f"
expect "reopened, the organisation is in the title" "Acme Health Plan"
keys M-6
expect "Alt-6 goes straight to the checks" "Review: Is the denominator equal to the sum of the numerators?"
keys S
if wait_for "Sign off as" 5; then
	type_text "Jane Doe"; keys Enter
	expect "sign-off marks the submission complete" "COMPLETE"
else
	not_ok "sign-off asks for a name" "screen:" "$(screen)"
fi
quit
run log "$f"
check "the history records the sign-off" has "$out" "Jane Doe"
run check "$f"
check "check finds nothing left" is "$status" 0

done_testing
