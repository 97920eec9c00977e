#!/bin/sh
# SPDX-License-Identifier: MIT
# progress.sh: an import that runs past half a second shows how far it has
# got on a terminal's stderr, clears the line at the end, and stops on
# Ctrl-C with the file as it was; with stderr not a terminal, nothing is
# drawn.  script(1) gives apmwb a terminal; the source is a pipe that
# waits in the middle, so the import certainly runs past half a second
# (and is certainly stopped before its end) whatever the machine's speed.
. "${TOPSRCDIR:?}/tests/cli/lib.sh"
cd "$T" || exit 99

if ! command -v script >/dev/null 2>&1; then
	echo "1..0 # SKIP script(1) is not installed"
	exit 0
fi

many_contracts

# on_terminal FILE SOURCE PAUSE [STOP]: imports SOURCE into FILE from a pipe
# that pauses PAUSE seconds after 100 KB, apmwb's stderr a terminal; STOP
# (seconds) sends it Ctrl-C's signal then.  Leaves $status and $shown (what
# the terminal showed).
on_terminal() {
	rm -f pid
	cat >feed.sh <<EOF
{ head -c 100000 '$2'; sleep $3; tail -c +100001 '$2'; } |
	'$APMWB' import '$1' - & echo \$! >pid
wait \$!
EOF
	if [ -n "$4" ]; then
		( sleep "$4"; kill -INT "$(cat pid)" ) &
	fi
	script -q -e -c "sh feed.sh" /dev/null >shown.raw 2>&1
	status=$?
	wait
	shown=$(tr '\r\033' '|^' <shown.raw)
}

"$APMWB" new a.apmwb >/dev/null 2>&1
on_terminal a.apmwb many.json 1
check "a JSON import past half a second shows the bytes read on the terminal" \
	eval 'is "$status" 0 && has "$shown" "|apmwb: importing: 0.1 MB"'
check "and clears the line before its last word" \
	has "$shown" "^[K|^[Kapmwb: note: a.apmwb: imported -"
check "having imported it all" eval \
	'"$APMWB" export --format contracts a.apmwb | cmp -s - many.contracts'

"$APMWB" new b.apmwb >/dev/null 2>&1
"$APMWB" import b.apmwb "$TOPSRCDIR/tests/data/example.json" >/dev/null 2>&1
"$APMWB" export --format json b.apmwb >b.before
on_terminal b.apmwb many.json 3 0.8
check "Ctrl-C stops a JSON import that waits on its source (exit 130)" \
	eval 'is "$status" 130 && has "$shown" "the import was interrupted; nothing was imported"'
check "and the file is as it was" eval \
	'"$APMWB" export --format json b.apmwb | cmp -s - b.before'

on_terminal b.apmwb many.csv 3 0.8
check "so does a contracts CSV import" eval \
	'is "$status" 130 && has "$shown" "the import was interrupted; nothing was imported"'
check "with the worksheet as it was" eval \
	'"$APMWB" export --format json b.apmwb | cmp -s - b.before'

"$APMWB" new c.apmwb >/dev/null 2>&1
{ head -c 100000 many.json; sleep 1; tail -c +100001 many.json; } |
	"$APMWB" import c.apmwb - 2>c.err
check "with stderr not a terminal, only the last word" \
	is "$(cat c.err)" "apmwb: note: c.apmwb: imported -"

done_testing
