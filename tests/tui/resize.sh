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
# "saved" is in the title bar all along: the message line and row 4 tell.
expect_line "the typed value is saved" '^ saved *$'
expect_line "...and row 4 shows it" '^ +4 .*[$]777[.]00 '
check_get commercial.m4 777.00
check_get commercial.m2 1000.00

# Ctrl-L: the pane is wiped behind the program's back (written straight to
# its terminal, which curses knows nothing of); Ctrl-L must paint the whole
# screen again, cell for cell and colour for colour, as it was.  A first
# Ctrl-L puts the key hint on the message line, as any key does.
keys C-l
wait_for "Enter or a digit edits"
i=0
screen_e >"$T/before"
while [ $i -lt 100 ]; do
	sleep 0.05
	screen_e >"$T/again"
	cmp -s "$T/before" "$T/again" && break
	cp "$T/again" "$T/before"
	i=$((i + 1))
done
printf '\033[H\033[2Jgarbled by another program\n' >"$(tm display -p '#{pane_tty}')"
if wait_for "garbled by another program" 5 &&
   ! screen | grep -q "Commercial metrics"; then
	ok "the screen is wiped behind the program's back"
else
	not_ok "the screen is wiped behind the program's back" "$(screen | head -3)"
fi
keys C-l
i=0
while [ $i -lt $((200 * ${APMWB_TIMEOUT_SCALE:-1})) ] && ! screen_e | cmp -s - "$T/before"; do
	sleep 0.05
	i=$((i + 1))
done
if screen_e | cmp -s - "$T/before"; then
	ok "Ctrl-L paints the whole screen again as it was"
else
	not_ok "Ctrl-L paints the whole screen again as it was" \
		"$(screen_e | diff "$T/before" - | cat -v | head -8)"
fi
keys q
expect "quits after the resizes, exiting 0" "apmwb-exit=0"
done_testing
