# SPDX-License-Identifier: MIT
# lib.sh: helpers shared by the crash, hostile-file and hostile-text tests.
# Source it from bash after tests/cli/lib.sh (TAP helpers, $T, run/check).
#
# Random choices come from bash's RANDOM seeded from APMWB_CRASH_SEED (or
# the clock), and the seed is printed first so a failure can be rerun.
seed=${APMWB_CRASH_SEED:-$(( $(date +%s%N) % 1000000 ))}
RANDOM=$seed
echo "# seed $seed (rerun with APMWB_CRASH_SEED=$seed)"

# pause_us N: sleeps N microseconds (none at all for 0).  A timed read
# from a FIFO nobody writes is a sleep that forks nothing, so it stays
# short when the machine is busy.
mkfifo "$T/.pause" && exec 9<>"$T/.pause" || exit 99
pause_us() {
	[ "$1" -gt 0 ] && read -r -t "$(printf '%d.%06d' $(($1 / 1000000)) \
		$(($1 % 1000000)))" -u 9
	return 0
}

# now_us: the clock in microseconds.
now_us() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }

# integrity FILE: "ok" when SQLite finds the file whole.  -readonly and
# no journal beside it (callers see to that), so it writes nothing.
integrity() { sqlite3 -readonly "$1" 'PRAGMA integrity_check' 2>&1; }

# listing DIR: names, sizes and times of everything in DIR, to show that
# nothing was written or left beside a file.
listing() { ls -lA --time-style=full-iso "$1" | grep -v '^total'; }

# plain_message FILE-NAME TEXT: TEXT is one line that names the file and
# says nothing of SQL or SQLite's own words (the user cannot act on them),
# and holds no control character (ESC, BEL...) at all.
plain_message() {
	local name=$1 text=$2 jargon
	jargon='sqlite_|syntax error|malformed|disk image|no such (table|column)'
	jargon+='|unrecognized token|near "|\(code [0-9]|errno'
	[ -n "$text" ] && [[ $text != *$'\n'* ]] && [[ $text == *"$name"* ]] &&
		[[ $text != *[[:cntrl:]]* ]] && ! [[ ${text,,} =~ $jargon ]]
}

# The answers confirmed so far (key -> value), what went wrong in this
# round, and how many confirmed answers failed to read back.
declare -A want
problems=()
lost=0

# confirmed_read_back FILE: every answer in want reads back through get,
# and the file is whole.
confirmed_read_back() {
	local k got i
	for k in "${!want[@]}"; do
		got=$("$APMWB" get "$1" "$k" 2>&1)
		if [ "$got" != "${want[$k]}" ]; then
			problems+=("confirmed $k='${want[$k]}' reads '$got'")
			lost=$((lost + 1))
		fi
	done
	i=$(integrity "$1")
	[ "$i" = ok ] || problems+=("integrity_check: $i")
}

# report DESC: one TAP line, ok when nothing went wrong; starts afresh.
report() {
	if [ ${#problems[@]} -eq 0 ]; then
		ok "$1"
	else
		not_ok "$1" "${problems[@]}"
	fi
	problems=()
}
