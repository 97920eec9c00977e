#!/bin/sh
# SPDX-License-Identifier: MIT
# newfile.sh: `apmwb NAME` for a file not there yet.  A name that looks
# like a mistyped command, or lacks the .apmwb ending, is asked about on
# screen and created only on y; a new .apmwb name opens at once.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
cd "$T" || exit 99

start -- keyz
expect "a name without .apmwb is asked about" \
	"Create a new submission named \"keyz\"?"
expect "...saying why" "looks like a command"
keys n
expect "any other key than y leaves" "apmwb-exit=0"
check "...and creates nothing" test ! -e keyz

start -- ./check
expect "a command's own name is asked about too" \
	"Create a new submission named \"./check\"?"
keys Escape
wait_for "apmwb-exit="
check "...and Esc creates nothing" test ! -e check

start -- notes.txt
expect "a name with another ending is asked about" "does not end in .apmwb"
keys y
expect "y creates it and opens the workbook" "General information"
expect "...saying it was created" "created"
check "...the file is there" test -f notes.txt
quit
run get notes.txt gi.org_name
check "...and is a submission" is "$status" 0

start -- acme.apmwb
expect "a new .apmwb name opens at once" "General information"
check "...created" test -f acme.apmwb
quit
done_testing
