#!/bin/sh
# SPDX-License-Identifier: MIT
# check.sh: check, ack, complete, log and undo.
. "$TOPSRCDIR/tests/cli/lib.sh"
f="$T/c.apmwb"
"$APMWB" new "$f" || exit 99

run check "$f"
check "an empty submission has problems (exit 1)" is "$status" 1
check "it names the missing contact" has "$out" "[required.gi.contact_name]"
check "and asks for a line of business" has "$out" "[lines.none]"

make_clean "$T/clean.apmwb" >/dev/null 2>&1
run check "$T/clean.apmwb"
check "a consistent submission is clean (exit 0)" eval 'is $status 0 && has "$out" "0 errors, 0 warnings"'

g="$T/clean.apmwb"
run set "$g" commercial.m2 900
run check "$g"
check "a short line is an error with its difference" eval 'is $status 1 && has "$out" "short by \$100.00" && has "$out" "[xc.commercial]"'
check "with the workbook's hint" has "$out" "fee-for-service"
run complete "$g" --by "Jane Doe"
check "sign-off is refused while errors remain" eval 'is $status 1 && has "$err" "1 error remains"'
run ack "$g" xc.commercial "we know"
check "errors cannot be acknowledged" eval 'is $status 1 && has "$err" "fix it"'

run set "$g" commercial.m2 1000
run set "$g" pm.commercial.cat2c_p4p yes
run check "$g"
check "a model in effect with no dollars is a warning" eval 'is $status 1 && has "$out" "[nodollars.commercial.m4]"'
run ack "$g" nodollars.commercial.m4 "P4P began in 2020"
check "a warning can be acknowledged" is "$status" 0
run check "$g"
check "then check is clean, showing the reason" eval 'is $status 0 && has "$out" "P4P began in 2020" && has "$out" "1 acknowledged"'
# Who acknowledged it and when, as the file holds them.
by=$(sqlite3 -readonly "$g" "SELECT by FROM ack WHERE id = 'nodollars.commercial.m4'" 2>/dev/null)
at=$(sqlite3 -readonly "$g" "SELECT at FROM ack WHERE id = 'nodollars.commercial.m4'" 2>/dev/null)
check "...and who acknowledged it, when" \
	eval '[ -n "$by" ] && [ -n "$at" ] && has "$out" "acknowledged by $by on $at: P4P began in 2020"'
run ack "$g" no.such.check "x"
check "acknowledging an unknown check is refused" is "$status" 1

run complete "$g"
check "complete needs --by" is "$status" 2
run complete "$g" --by "Jane Doe"
check "sign-off works once no error is left" is "$status" 0
run check "$g"
check "check shows who signed off" eval 'has "$out" "complete, signed off by Jane Doe"'
run set "$g" gi.members.commercial 125,000
check "a later edit says the submission is a draft again" eval 'is $status 0 && has "$err" "draft again"'
run check "$g"
check "and check shows the draft" has "$out" ": draft;"

run log "$g"
check "the log lists changes newest first" eval 'is $status 0 && has "$(printf %s "$out" | head -3)" "gi.members.commercial"'
check "with old and new values" has "$out" "(blank) -> 125000"
run undo "$g"
check "undo says what it undid" eval 'is $status 0 && has "$out" "gi.members.commercial"'
run get "$g" gi.members.commercial
check "and the answer is back to blank" is "$out" ""

done_testing
