#!/bin/bash
# SPDX-License-Identifier: MIT
# mapped.sh: a writer's open checks the pages of a file that fits its page
# cache through a memory map (one fault a run of pages instead of a read
# a page), a bigger file and every read-only open with reads, and a
# SIGBUS, which is how a read error arrives through a map, ends apmwb
# with the message a read error gets, the file untouched.
. "$(dirname "$0")/lib.sh"

F=$T/s.apmwb
make_clean "$F" >/dev/null 2>&1

if ! command -v strace >/dev/null; then
	not_ok "strace is installed (CI installs it)"
elif ! strace -f -o /dev/null true 2>/dev/null; then
	ok "the map is not traced # SKIP strace cannot trace here (no ptrace)"
else
	# trace FILE ARGS...: apmwb's maps and page reads, in FILE.
	trace() {
		local f=$1
		shift
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -y -o "$f" -e trace=mmap,pread64 \
			"$APMWB" "$@" >"$T/.out" 2>"$T/.err"
		status=$?
		err=$(<"$T/.err")
	}
	# maps FILE TRACE: the maps of FILE in the trace.
	maps() { grep -c "^[0-9 ]*mmap(.*<$1>" "$2"; }
	# page_reads FILE TRACE: its reads of a whole page.
	page_reads() { grep -c "^[0-9 ]*pread64(.*<$1>.*, 4096, [0-9]*) = 4096" "$2"; }

	pages=$(( $(stat -c %s "$F") / 4096 ))
	trace "$T/set.trace" set "$F" gi.org_name "Acme Health"
	m=$(maps "$F" "$T/set.trace") r=$(page_reads "$F" "$T/set.trace")
	check "set maps a small file for its page check ($m maps, $r of $pages pages read)" \
		eval '[ "$status" -eq 0 ] && [ "$m" -ge 1 ] && [ "$r" -lt $((pages / 2)) ]'

	trace "$T/get.trace" get "$F" gi.org_name
	m=$(maps "$F" "$T/get.trace")
	check "a read-only get maps nothing ($m)" \
		eval '[ "$status" -eq 0 ] && [ "$m" -eq 0 ]'

	# Over the page cache's 1 MiB: the page check reads, as it always did.
	B=$T/big.apmwb
	awk 'BEGIN { print "label,line,type,risk_min,risk_max,shared_risk,dollars";
		for (i = 1; i <= 12000; i++)
			printf "Contract number %d,commercial,tcoc,1,10,60,%d.25\n", i, i }' \
		>"$T/big.csv"
	make_clean "$B" >/dev/null 2>&1
	"$APMWB" import "$B" "$T/big.csv" >/dev/null 2>&1
	size=$(stat -c %s "$B")
	trace "$T/big.trace" set "$B" gi.org_name "Acme Health"
	m=$(maps "$B" "$T/big.trace")
	check "a file of $size bytes, over the cache, is read, not mapped ($m)" \
		eval '[ "$status" -eq 0 ] && [ "$size" -gt 1048576 ] && [ "$m" -eq 0 ]'
fi

# A SIGBUS while a writer opens: the file is held by a program that locked
# it whole, so apmwb waits for it, and the signal arrives then.
before=$("$APMWB" get "$F" gi.org_name 2>&1)
mkfifo "$T/hold"
sqlite3 "$F" <"$T/hold" >/dev/null 2>&1 &
holder=$!
exec 3>"$T/hold"
echo 'BEGIN EXCLUSIVE; SELECT count(*) FROM answer;' >&3
# waits: until the lock is held, and until apmwb has the file open (its
# handler is set before it opens anything)
wait_for() {
	local i
	for ((i = 0; i < 100 * ${APMWB_TIMEOUT_SCALE:-1}; i++)); do
		eval "$1" && return 0
		sleep 0.05
	done
	return 1
}
wait_for '! sqlite3 "$F" "SELECT 1" >/dev/null 2>&1'
"$APMWB" set "$F" gi.org_name "Changed Name" >"$T/.out" 2>"$T/.err" &
writer=$!
wait_for 'ls -l /proc/$writer/fd 2>/dev/null | grep -q "s.apmwb$"'
kill -BUS "$writer"
wait "$writer"
status=$?
err=$(<"$T/.err")
exec 3>&-
wait "$holder"
after=$("$APMWB" get "$F" gi.org_name 2>&1)
check "a SIGBUS at a writer's open ends it with status 2 and a read error's message" \
	eval 'is $status 2 && has "$err" "s.apmwb: could not read it while checking its pages" &&
	has "$err" "nothing was changed; try again"'
check "with one line, and the answer as it was ($after)" \
	eval '[ "$(printf "%s\n" "$err" | wc -l)" -eq 1 ] && is "$after" "$before" &&
	! test -e "$F-journal"'

done_testing
