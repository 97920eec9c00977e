#!/bin/bash
# SPDX-License-Identifier: MIT
# kill_tui.sh: the full-screen workbook killed with SIGKILL at random
# points of typing answers loses none that the screen called saved, and
# leaves the file whole: the next open repairs an interrupted save, and
# `apmwb get` reads every confirmed answer back.
# APMWB_CRASH_ROUNDS / 6 kills (at least 4; make check-crash runs more).
. "$TOPSRCDIR/tests/cli/lib.sh" || exit 99
. "$TOPSRCDIR/tests/tui/lib.sh" || exit 99
. "$TOPSRCDIR/tests/crash/lib.sh" || exit 99
rounds=$(( ${APMWB_CRASH_ROUNDS:-20} / 6 ))
[ "$rounds" -ge 4 ] || rounds=4
d="$T/sub"
mkdir "$d"
f="$d/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99

# The answers typed and their rows on General information (the cursor
# starts on row 0 and moves on a row when Enter saves).
fields=(gi.contact_name gi.org_name)
rows=(0 3)
want[gi.contact_name]="Jane Doe"
want[gi.org_name]="Acme Health Plan"

# start_exec ARGS...: like start, but apmwb is the pane's own process
# (its pid is the pane's), so killing it kills nothing else.
start_exec() {
	tm kill-server >/dev/null 2>&1
	_starts=$((_starts + 1))
	TMUX_SOCK="apmwb-$$-$_starts"
	tm new-session -d -x 80 -y 24 "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
TERM=screen-256color $APMWB $*"
}

# msg_is TEXT [SECONDS]: waits for the message line to read TEXT.
msg_is() {
	local i=0
	while [ "$i" -lt $(( ${2:-10} * 20 )) ]; do
		[ "$(screen | sed -n 23p | sed 's/^ *//; s/ *$//')" = "$1" ] &&
			return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

kills=0 hot=0
for r in $(seq 1 "$rounds"); do
	start_exec "$f"
	if ! wait_for "General information" 20; then
		not_ok "round $r: the workbook opens after the last kill" \
			"$(screen)"
		break
	fi
	pid=$(tm display-message -p '#{pane_pid}')
	# Reopened for editing: any interrupted save was rolled back.
	[ -e "$f-journal" ] && problems+=("a journal is still there once the workbook is open")
	confirmed_read_back "$f"

	# Type up to three answers, then kill: after one is saved, while
	# typing, or just after Enter (then either value may be in the file).
	saves=$((RANDOM % 3))
	at=$((RANDOM % 3))
	pending= pend_val=
	pos=0 nsaved=0
	for i in $(seq 0 "$saves"); do
		j=$((RANDOM % 2))
		k=${fields[j]}
		while [ "$pos" -lt "${rows[j]}" ]; do keys Down; pos=$((pos + 1)); done
		while [ "$pos" -gt "${rows[j]}" ]; do keys Up; pos=$((pos - 1)); done
		keys Enter
		msg_is "Enter or Tab saves · Esc puts back the saved value" ||
			problems+=("editing $k did not begin")
		keys C-u
		v="Round $r answer $i $RANDOM"
		type_text "$v"
		if [ "$i" -eq "$saves" ] && [ "$at" -eq 1 ]; then
			wait_for "$v"
			break   # killed while typing: not confirmed
		fi
		keys Enter
		pos=$((pos + 1))
		if [ "$i" -eq "$saves" ] && [ "$at" -eq 2 ]; then
			pending=$k pend_val=$v
			pause_us $(( (RANDOM * 32768 + RANDOM) % 30000 ))
			break
		fi
		if msg_is saved; then
			want[$k]=$v
			nsaved=$((nsaved + 1))
		else
			problems+=("$k was not saved: $(screen | sed -n 23p)")
		fi
	done
	kill -9 "$pid"
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	kills=$((kills + 1))

	if [ -s "$f-journal" ] &&
	   [ "$(od -An -tu1 -N1 "$f-journal" | tr -d ' ')" != 0 ]; then
		hot=$((hot + 1))
		cp "$f" "$T/f.copy"
		run get "$f" gi.org_name
		[ "$status" -eq 2 ] && has "$err" "interrupted save" ||
			problems+=("read-only get of a hot journal: status $status: $err")
		cmp -s "$f" "$T/f.copy" ||
			problems+=("the read-only get changed the file")
	elif [ -n "$pending" ]; then
		got=$("$APMWB" get "$f" "$pending" 2>&1)
		if [ "$got" = "$pend_val" ]; then
			want[$pending]=$pend_val
		elif [ "$got" != "${want[$pending]}" ]; then
			problems+=("$pending is '$got', neither '${want[$pending]}' nor '$pend_val'")
		fi
	fi
	[ -e "$f-journal" ] || confirmed_read_back "$f"
	case $at in
	0) desc="round $r: killed after $nsaved saves" ;;
	1) desc="round $r: killed while typing, after $nsaved saves" ;;
	2) desc="round $r: killed just after Enter, after $nsaved saves" ;;
	esac
	report "$desc: ${#want[@]} confirmed answers read back"
done

# The last reopen finds everything too, on screen as in the file.
start_exec "$f"
expect "the workbook opens after the last kill" "General information" 20
[ -e "$f-journal" ] && problems+=("a journal is still there once the workbook is open")
confirmed_read_back "$f"
report "after the last kill: whole, every confirmed answer there"
expect "the last confirmed name is on screen" "${want[gi.contact_name]}"
keys q
echo "# $kills kills of the full screen survived, $hot hot journals seen, $lost confirmed answers lost"
check "no confirmed answer was lost" test "$lost" -eq 0
done_testing
