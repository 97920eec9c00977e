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
# strace names a file by its resolved path; a pattern takes it literally.
real=$(realpath "$F")
quote() { printf '%s' "$1" | sed 's/[][\\.*^$/]/\\&/g'; }

if ! command -v strace >/dev/null; then
	not_ok "strace is installed (CI installs it)"
elif ! strace -f -o /dev/null true 2>/dev/null; then
	ok "the map is not traced # SKIP strace cannot trace here (no ptrace)"
else
	# trace FILE ARGS...: apmwb's maps, unmaps, page reads and writes.
	trace() {
		local f=$1
		shift
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -y -o "$f" -e trace=mmap,munmap,pread64,pwrite64 \
			"$APMWB" "$@" >"$T/.out" 2>"$T/.err"
		status=$?
		err=$(<"$T/.err")
	}
	# maps PATH TRACE: the maps of the file at PATH in the trace.
	maps() { grep -c "^[0-9 ]*mmap(.*<$(quote "$1")>" "$2"; }
	# page_reads PATH TRACE: its reads of a whole page.
	page_reads() { grep -c "^[0-9 ]*pread64([0-9]*<$(quote "$1")>.*, 4096, [0-9]*) = 4096" "$2"; }
	# unmapped_before_write PATH TRACE: the map's address is unmapped
	# before the first write of the save (its journal's first).
	unmapped_before_write() {
		awk -v pat="mmap\\(.*<$(quote "$1")>" '
			$0 ~ pat && !addr { addr = $NF; next }
			addr && /munmap\(/ && index($0, "munmap(" addr ",") { gone = 1 }
			/pwrite64\(/ { w = 1; exit !(addr && gone) }
			END { if (!w) exit 1 }' "$2"
	}

	pages=$(( $(stat -c %s "$F") / 4096 ))
	trace "$T/set.trace" set "$F" gi.org_name "Acme Health"
	m=$(maps "$real" "$T/set.trace") r=$(page_reads "$real" "$T/set.trace")
	check "set maps a small file for its page check ($m maps, $r of $pages pages read)" \
		eval '[ "$status" -eq 0 ] && [ "$m" -ge 1 ] && [ "$r" -lt $((pages / 2)) ]'
	check "and unmaps it before it writes anything" \
		unmapped_before_write "$real" "$T/set.trace"

	# check reads every page too, read-only: with read(), never a map.
	trace "$T/check.trace" check "$F"
	m=$(maps "$real" "$T/check.trace") r=$(page_reads "$real" "$T/check.trace")
	check "a read-only check reads its pages and maps nothing ($m maps, $r reads)" \
		eval '[ "$status" -le 1 ] && [ "$m" -eq 0 ] && [ "$r" -ge $((pages / 2)) ]'

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
	m=$(maps "$(realpath "$B")" "$T/big.trace")
	check "a file of $size bytes, over the cache, is read, not mapped ($m)" \
		eval '[ "$status" -eq 0 ] && [ "$size" -gt 1048576 ] && [ "$m" -eq 0 ]'
fi

# A SIGBUS while apmwb opens: the file is held by a program that locked
# it whole, so apmwb waits for it, and the signal arrives then.  valgrind
# does not pass a signal sent from outside to the program's handler.
if [ -n "${APMWB_REAL:-}" ]; then
	ok "a SIGBUS at a writer's open # SKIP under valgrind"
	ok "a SIGBUS at a reader's open # SKIP under valgrind"
	done_testing
	exit
fi
mkfifo "$T/hold"
sqlite3 "$F" <"$T/hold" >/dev/null 2>&1 &
holder=$!
exec 3>"$T/hold"
echo 'BEGIN EXCLUSIVE; SELECT count(*) FROM answer;' >&3
# wait_for TEST: until TEST holds (some seconds at most).
wait_for() {
	local i
	for ((i = 0; i < 100; i++)); do
		eval "$1" && return 0
		sleep 0.05
	done
	return 1
}
# bus ARGS...: apmwb started, sent SIGBUS once it has the file open (its
# handler, if any, is set before it opens anything); $status and $err.
bus() {
	"$APMWB" "$@" >"$T/.out" 2>"$T/.err" &
	local pid=$!
	wait_for 'ls -l /proc/$pid/fd 2>/dev/null | grep -q "/s\.apmwb$"' ||
		echo "apmwb never opened the file" >>"$T/.err"
	kill -BUS "$pid" 2>/dev/null
	# (bash's own "Bus error" notice is not the program's)
	{ wait "$pid"; } 2>/dev/null
	status=$?
	err=$(<"$T/.err")
}
if wait_for '! sqlite3 "$F" "PRAGMA schema_version" >/dev/null 2>&1'; then
	bus set "$F" gi.org_name "Changed Name"
	check "a SIGBUS at a writer's open ends it with status 2 and a read error's one-line message" \
		eval 'is $status 2 && has "$err" "s.apmwb: could not read it while checking its pages" &&
		has "$err" "nothing was changed; try again" &&
		[ "$(printf "%s\n" "$err" | wc -l)" -eq 1 ]'
	# A reader maps nothing, so its SIGBUS is no read error of ours: the
	# signal kills it (135), or a sanitizer's handler reports it (1).
	bus get "$F" gi.org_name
	check "a reader's open does not catch it ($status)" \
		eval '[ "$status" -ne 0 ] && [ "$status" -ne 2 ] && ! has "$err" "could not read it"'
else
	not_ok "the file is locked by another program for the SIGBUS tests"
fi
exec 3>&-
wait "$holder"

done_testing
