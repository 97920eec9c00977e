#!/bin/sh
# SPDX-License-Identifier: MIT
# nocolor.sh: NO_COLOR is honoured (ncurses ignores it): attributes only,
# no colour, and every role still told apart; with colour allowed, colour
# is used, so this test can tell the two apart.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99

ESC=$(printf '\033')
# SGR colour codes: 30-38 (and 39 default), 40-48, 90-97, 100-107.
has_colour() {
	screen_e | grep -Eq "$ESC\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m"
}

start TERM=xterm-256color -- "$f"
expect "with colour allowed the workbook opens" "General information"
if has_colour; then ok "colour is used when allowed"; else not_ok "colour is used when allowed"; fi
quit

start TERM=xterm-256color NO_COLOR=1 -- "$f"
expect "with NO_COLOR the workbook opens" "General information"
if has_colour; then
	not_ok "NO_COLOR: no colour at all" "$(screen_e | cat -v | head -5)"
else
	ok "NO_COLOR: no colour at all"
fi
if screen_e | grep -q "$ESC\\[7m"; then
	ok "NO_COLOR: the cursor still shows, in reverse video"
else
	not_ok "NO_COLOR: the cursor still shows, in reverse video"
fi
keys Enter C-u
type_text "Ann"
keys Enter
expect_line "NO_COLOR: editing works the same" '^ saved *$'
quit
check_get gi.contact_name Ann

# no-color.org: only a non-empty value counts, so an empty one keeps colour.
start TERM=xterm-256color NO_COLOR= -- "$f"
expect "with NO_COLOR empty the workbook opens" "General information"
if has_colour; then
	ok "NO_COLOR empty: colour is still used"
else
	not_ok "NO_COLOR empty: colour is still used"
fi
quit

# A terminal without colour at all (vt100) works in monochrome too.
start TERM=vt100 -- "$f"
expect "a monochrome terminal shows the workbook" "General information"
if has_colour; then not_ok "vt100: no colour"; else ok "vt100: no colour"; fi
quit
done_testing
