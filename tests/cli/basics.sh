#!/bin/sh
# SPDX-License-Identifier: MIT
# basics.sh: help, version, usage errors, and `apmwb new`.
. "$TOPSRCDIR/tests/cli/lib.sh"

run --help
check "--help exits 0 and lists the commands" eval 'is $status 0 && has "$out" "complete FILE --by NAME"'
help_tail=$(printf '%s\n' "$out" | tail -n 2)
check "--help ends with where to report bugs" \
	has "$help_tail" "Report bugs to: <https://github.com/apmwb/apmwb/issues>"
check "--help ends with the home page" \
	has "$help_tail" "apmwb home page: <https://github.com/apmwb/apmwb>"
run --version
check "--version names the program" eval 'is $status 0 && has "$out" "apmwb "'
check "--version says whose it is" has "$out" "Copyright (C) 2026 the apmwb authors."
check "--version names the licence" has "$out" "License MIT (Expat)"
check "--version says there is no warranty" has "$out" "There is NO WARRANTY"
check "--version prints the version on its first line, as GNU programs do" \
	eval 'printf "%s\n" "$out" | head -n 1 | grep -Eqx "apmwb [0-9]+\.[0-9]+\.[0-9]+"'
run frobnicate x y
check "an unknown command is a usage error" eval 'is $status 2 && has "$err" "not a command"'
run --bogus
check "an unknown option is a usage error" eval 'is $status 2 && has "$err" "unknown option"'
for c in new set get import check show export complete ack log undo keys; do
	run $c --help
	check "$c --help exits 0 with its usage" eval 'is $status 0 && has "$out" "Usage: apmwb $c"'
done

run new
check "new without a file is a usage error" eval 'is $status 2'
(umask 022; "$APMWB" new "$T/a.apmwb")
check "new creates a file" test -f "$T/a.apmwb"
mode=$(stat -c %a "$T/a.apmwb")
check "the new file is mode 600 even with umask 022" is "$mode" 600
printf 'keep me' > "$T/exists.apmwb"
run new "$T/exists.apmwb"
check "new refuses an existing file" eval 'is $status 2 && has "$err" "exists.apmwb"'
check "and leaves it untouched" is "$(cat "$T/exists.apmwb")" "keep me"
run new "$T/no/such/dir/x.apmwb"
check "new in a missing folder says why" eval 'is $status 2 && has "$err" "x.apmwb"'
check "nothing is left beside a refused new" eval 'test -z "$(ls -A "$T" | grep -v -e "^a.apmwb$" -e "^exists.apmwb$" -e "^\.out$" -e "^\.err$")"'

run get "$T/missing.apmwb" gi.org_name
check "get on a missing file exits 2 naming it" eval 'is $status 2 && has "$err" "missing.apmwb"'
check "and does not create it" test ! -e "$T/missing.apmwb"

done_testing
