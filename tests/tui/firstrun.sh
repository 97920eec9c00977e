#!/bin/sh
# SPDX-License-Identifier: MIT
# firstrun.sh: what a first-time user met at 80x24: a text of several
# lines keeps saying that Enter starts a new line while it is typed; a
# key the terminal sends as an escape sequence its description does not
# name (Ctrl-End as ESC [ 1 ; 5 F) is dropped, not read as Esc, [ and
# digits; the pickers' keys and the empty worksheet's hint are whole; a
# off any warning on Checks says so; Esc and an arrow at once are both
# read.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/n.apmwb"
"$APMWB" new "$f" >/dev/null 2>&1 || exit 99

start -- "$f"
expect "the workbook opens" "General information"
# Name, then down to Assumptions (no line of business: nothing between).
for i in 1 2 3 4 5 6 7 8; do keys Down; done
wait_for "type to answer"
type_text "Paid claims"
expect "typing a text of several lines: Enter starts a new line" \
	"Enter starts a new line"
if screen | grep -q "Enter or Tab saves"; then
	not_ok "...never that Enter saves" "$(screen)"
else
	ok "...never that Enter saves"
fi
# Ctrl-End as a terminal without it in its description sends it.
tm send-keys -H 1b 5b 31 3b 35 46
type_text " only"
keys Tab
wait_for "saved"
check_get gi.assumptions "Paid claims only"
expect "...and the tab is still General information" \
	" General information "
quit

# The pickers' keys whole at 80 columns.
"$APMWB" set "$f" gi.lob.commercial yes >/dev/null || exit 99
start -- "$f"
expect "the workbook opens again" "General information"
keys M-8
expect "the Info tab" "Informational questions"
keys Enter
expect "a choice's picker gives its keys whole" \
	"Enter picks · 1-9 a row · Esc leaves it as it was"
keys Escape
wait_gone "Enter picks"
keys Down Enter
expect "a multi-select's too" \
	"space marks (at most 3) · Enter saves · Esc leaves it"
keys Escape
wait_gone "space marks"

# An empty worksheet's hint whole.
quit
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null || exit 99
"$APMWB" set "$f" nr.method worksheet >/dev/null || exit 99
start -- "$f"
expect "the workbook opens a third time" "General information"
keys M-7
expect "the empty worksheet says how to add contracts" "No contracts yet"
expect "...whole" " reads many."

# On Checks, a with the cursor on the sign-off line says what it needs.
keys M-6
expect "the Checks tab" "Errors and warnings"
for i in 1 2 3 4 5 6 7 8 9 10; do keys Down; done
keys a
expect "a off a warning says where to go" \
	"a acknowledges the warning under the cursor: Up goes to one"
quit

# Esc and a Down sent at once (typed fast, or over a slow link): the
# edit is left as it was and the cursor moves down, no key lost (the
# arrow as a terminal in keypad mode sends it, ESC O B).
start -- "$f"
expect "the workbook opens a fourth time" "General information"
type_text "Zed"
wait_for "Zed"
tm send-keys -H 1b 1b 4f 42
type_text "jo@example.org"
keys Enter
wait_for "saved"
check_get gi.contact_email "jo@example.org"
check_get gi.contact_name ""
quit
done_testing
