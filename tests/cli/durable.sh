#!/bin/bash
# SPDX-License-Identifier: MIT
# durable.sh: a save is durable when apmwb says so.  In journal_mode=DELETE
# the commit is the journal's unlink, and only a sync of the folder after
# it makes the unlink survive a power cut (synchronous=EXTRA).  The system
# calls of a save, of putting an interrupted save right and of a new file
# are traced, and each unlink of a journal (and the link of a new file)
# must be followed by a sync of its folder before anything else is unlinked
# or the program ends.
. "$(dirname "$0")/lib.sh"

if ! command -v strace >/dev/null; then
	not_ok "strace is installed (CI installs it)"
	done_testing
	exit
fi
if ! strace -f -o /dev/null true 2>/dev/null; then
	echo "ok 1 # SKIP strace cannot trace here (no ptrace)"
	echo "1..1"
	exit 0
fi

d=$T/folder
mkdir "$d"
F=$d/s.apmwb

# trace FILE ARGS...: runs apmwb under strace, the trace in FILE.
trace() {
	local f=$1
	shift
	# LeakSanitizer cannot run under ptrace: a sanitizer build is traced
	# without its leak check (the rest of the suite runs it).
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -f -y -o "$f" -e trace=unlink,unlinkat,link,linkat,rename,renameat,renameat2,fsync,fdatasync \
		"$APMWB" "$@" >"$T/.out" 2>"$T/.err"
	status=$?
	out=$(<"$T/.out")
	err=$(<"$T/.err")
}

# synced_after TRACE PATTERN: every successful call matching PATTERN (an
# unlink of a journal, a link into place) is followed by an fsync or
# fdatasync of the folder $d, before the next unlink or link; prints the
# number of such calls, or why not.
synced_after() {
	awk -v pat="$2" -v dir="$d" '
		function flush() { if (pending) { bad = bad "no folder sync after: " pending "\n"; pending = "" } }
		/ = 0$/ && $0 ~ pat { flush(); pending = $0; n++; next }
		/(unlink|link)(at)?\(/ && / = 0$/ && !/\.apmwb-new-/ { flush(); next }
		/f(data)?sync\(/ && index($0, "<" dir ">") && / = 0$/ { pending = ""; next }
		END { flush(); if (bad != "") { printf "%s", bad; exit 1 } print n + 0 }
	' "$1"
}

# all TEST...: true when every test is (check takes one command).
all() { local t; for t in "$@"; do eval "$t" || return 1; done; }

trace "$T/new.trace" new "$F"
n=$(synced_after "$T/new.trace" '([^n]link(at)?|rename(at2)?)\(.*s\.apmwb"')
check "a new file's name is synced into its folder ($n)" \
	all '[ "$status" -eq 0 ]' '[ "$n" = 1 ]'

trace "$T/set.trace" set "$F" gi.contact_name "Jane Doe"
n=$(synced_after "$T/set.trace" 'unlink(at)?\(.*s\.apmwb-journal"')
check "a save's commit (the journal's unlink) is followed by a sync of the folder ($n)" \
	all '[ "$status" -eq 0 ]' '[ "$n" = 1 ]'

"$APMWB" set "$F" gi.lob.medicaid yes >/dev/null 2>&1
printf 'label,line,type,risk_min,risk_max,shared_risk,dollars\nA,medicaid,tcoc,1,10,50,100\n' >"$T/c.csv"
for args in "set $F gi.org_name Acme" "undo $F" "ack $F m1.medicaid later" \
	"import $F $T/c.csv"; do
	# shellcheck disable=SC2086
	trace "$T/more.trace" $args
	n=$(synced_after "$T/more.trace" 'unlink(at)?\(.*s\.apmwb-journal"')
	check "apmwb ${args%% *}: every commit syncs the folder after the unlink ($n)" \
		all '[ "$status" -eq 0 ]' '[ "$n" -ge 1 ] 2>/dev/null' 
done

# An interrupted save, as a killed writer leaves it: pages spilled into
# the file, the journal beside it.
interrupt_save "$F" "$F" || exit 99
trace "$T/repair.trace" set "$F" gi.contact_name "John Roe"
n=$(synced_after "$T/repair.trace" 'unlink(at)?\(.*s\.apmwb-journal"')
check "putting an interrupted save right syncs the folder too, then the save ($n)" \
	all '[ "$status" -eq 0 ]' '[ "$n" = 2 ]' 'has "$err" "put right"' 
run get "$F" gi.contact_name
check "and the answer is there" is "$out" "John Roe"

done_testing
