#!/bin/sh
# SPDX-License-Identifier: MIT
# typing.sh: entering a field behaves as in a spreadsheet, by any key and
# in every kind of field: a typed character starts the value afresh,
# Enter or F2 edits the old text.  Letters typed on a text answer are
# typing, never commands; a worksheet cell reached by Tab is not opened
# with its old text, so digits typed there replace it.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" gi.contact_name "" >/dev/null
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null
"$APMWB" set "$f" commercial.m1 1000 >/dev/null
"$APMWB" set "$f" commercial.m2 1000 >/dev/null
"$APMWB" set "$f" nr.method worksheet >/dev/null
printf '%s\n' "label,line,type,risk_min,risk_max,shared_risk,dollars" \
	"Contract 1,commercial,tcoc,1.0,10.0,60.0,100" >"$T/c.csv"
"$APMWB" import "$f" "$T/c.csv" >/dev/null 2>&1 || exit 99

start -- "$f"
expect "the workbook opens" "General information"
# The cursor is on Name, blank.  "Jones" typed there is the name: not a
# move down, not No on Commercial, not the export box.
type_text "Jones"
expect "letters on a text answer start typing it" "Jones"
if screen | grep -q "Export"; then
	not_ok "no letter of it opened a box" "screen:" "$(screen)"
else
	ok "no letter of it opened a box"
fi
keys Enter
expect "Enter saves the name" "saved"
check_get gi.contact_name Jones
check_get gi.lob.commercial yes
# e, q and x on a text answer are typed too.
type_text "eqx@example.org"
keys Enter
wait_for "saved"
check_get gi.contact_email "eqx@example.org"
# Enter edits the old text, the cursor at its end.
keys Up Up Enter
type_text "-Smith"; keys Enter
wait_for "Jones-Smith"
check_get gi.contact_name "Jones-Smith"
# ] still goes to the next tab from a text answer.
keys Up ']'
expect "] goes to the next tab from a text answer" "What payment models"
keys '['
wait_for "General information"
keys Down Down Down Down
expect "a yes/no answer says what Enter and space do" "Enter or space switches"

# A dollars row: F2 edits the old amount, a digit replaces it.
keys M-3
expect "the Commercial tab" "Commercial metrics"
keys F2 Home; type_text 1; keys Enter
expect "F2 edits the old amount" "\$11,000.00"
check_get commercial.m1 11000.00
keys Up; type_text 7; keys Enter
expect "a digit replaces it" "\$7.00 "
check_get commercial.m1 7.00

# The worksheet: Tab from a cell goes to the next one without opening it;
# a digit typed there replaces the value.
keys M-7
expect "the worksheet" "Commercial TCOC"
keys Down Right Right Right
keys Enter
wait_for "Enter or Tab saves"
keys Tab
wait_gone "Enter or Tab saves"
type_text 5; keys Enter
wait_for "saved"
"$APMWB" export "$f" --format contracts >"$T/out.csv" 2>&1
case "$(cat "$T/out.csv")" in
*"Contract 1,commercial,tcoc,1.0,5.0,60.0,"*)
	ok "5 typed on Max% of 10.0 after Tab saved 5.0" ;;
*)	not_ok "5 typed on Max% of 10.0 after Tab saved 5.0" "$(cat "$T/out.csv")" ;;
esac
# Enter saved and went on to Share%; F2 there edits its old text.
keys F2; type_text 5; keys Enter
wait_for "saved"
"$APMWB" export "$f" --format contracts >"$T/out.csv" 2>&1
case "$(cat "$T/out.csv")" in
*"Contract 1,commercial,tcoc,1.0,5.0,60.05,"*)
	ok "F2 on Share% edits its old text" ;;
*)	not_ok "F2 on Share% edits its old text" "$(cat "$T/out.csv")" ;;
esac
# Letters on the label cell are its text, not commands.
keys Home Left Left Left Left Left Left
type_text "add"; keys Enter
wait_for "saved"
"$APMWB" export "$f" --format contracts >"$T/out.csv" 2>&1
case "$(cat "$T/out.csv")" in
*"add,commercial"*) ok "letters on the label cell type the label" ;;
*)	not_ok "letters on the label cell type the label" "$(cat "$T/out.csv")" ;;
esac
is "$(grep -c commercial "$T/out.csv")" 1 &&
	ok "...and added no row" || not_ok "...and added no row" "$(cat "$T/out.csv")"
quit
done_testing
