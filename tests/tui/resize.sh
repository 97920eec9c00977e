#!/bin/sh
# SPDX-License-Identifier: MIT
# resize.sh: a window made too small says so and recovers; the field
# under the cursor survives the resize, even in the middle of typing.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" pm.commercial.cat2c_p4p yes >/dev/null

start -- "$f"
expect "the workbook opens" "General information"
keys ']' ']'
expect "the Commercial tab" "Commercial metrics"
# The cursor to row 4 (rows 1, 2 and 4 are typed; 5 is computed).
keys Down Down
# The row under the cursor has its full wording below the table.
expect "the cursor is on row 4" "Total dollars paid to providers through fee-for-Service"
tm resize-window -x 20 -y 5
expect "a 20x5 window asks to be made larger" "larger"
tm resize-window -x 80 -y 24
expect "back at 80x24 the tab is there again" "Commercial metrics"
wait_gone "larger"
# Typing goes to the field the cursor was on before the resize.
type_text 777
wait_for 777
tm resize-window -x 20 -y 5
expect "a resize while typing asks again" "larger"
tm resize-window -x 100 -y 30
expect "and recovers at another size" "Commercial metrics"
keys Enter
expect "the typed value is saved" "saved"
check_get commercial.m4 777.00
check_get commercial.m2 1000.00
keys C-l
expect "Ctrl-L redraws the screen" "Commercial metrics"
quit
ok "quits after the resizes"
done_testing
