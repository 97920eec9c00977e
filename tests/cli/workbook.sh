#!/bin/sh
# SPDX-License-Identifier: MIT
# workbook.sh: bare `apmwb NAME` without a terminal: nothing is created,
# whatever the name, and the message names the command that creates it.
. "$TOPSRCDIR/tests/cli/lib.sh"
cd "$T" || exit 99

run keyz </dev/null
check "a mistyped command without a terminal exits 2" is "$status" 2
check "...and creates no file named after it" test ! -e keyz
check "...and says which command would create it" has "$err" "apmwb new keyz"
check "...and that nothing was created" has "$err" "nothing was created"

run acme.apmwb </dev/null
check "a new .apmwb name without a terminal exits 2" is "$status" 2
check "...and is not created either" test ! -e acme.apmwb
check "...the workbook needs a terminal" has "$err" "needs a terminal"

run </dev/null
check "no name at all creates no submission.apmwb" test ! -e submission.apmwb

"$APMWB" new there.apmwb >/dev/null 2>&1 || exit 99
cp there.apmwb there.orig
run there.apmwb </dev/null
check "an existing file without a terminal exits 2" is "$status" 2
cmp -s there.apmwb there.orig
check "...and is left as it was" is $? 0
check "...and nothing else appears" is "$(ls | sort | tr '\n' ' ')" \
	"there.apmwb there.orig "
done_testing
