#!/bin/bash
# SPDX-License-Identifier: MIT
# hostile_files.sh: files that are not good submissions, given to every
# command that opens one and to the full screen (-r and read-write).  Each
# is refused with status 1 or 2 (never a crash, never 0) and one plain line
# naming the file and saying what to do; a refused or read-only open leaves
# the file byte-identical and nothing beside it.  A hot journal is repaired
# by a read-write open and refused by a read-only one.
. "$TOPSRCDIR/tests/cli/lib.sh" || exit 99
. "$TOPSRCDIR/tests/tui/lib.sh" || exit 99
. "$TOPSRCDIR/tests/crash/lib.sh" || exit 99
good="$T/good.apmwb"
make_clean "$good" >/dev/null 2>&1 || exit 99
size=$(stat -c %s "$good")
mkdir "$T/kinds"
k="$T/kinds"

# ---- the hostile files, one per kind -------------------------------------
printf 'name,amount\nx,1\n' >"$k/text"
: >"$k/empty"
for off in 16 100 $((size / 2)) $((size - 1)); do
	head -c "$off" "$good" >"$k/cut-at-$off"
done
# Scrambled pages: random bytes (from the seed) past the 100-byte header,
# and, so that every scramble is damage and not bytes in free space, a page
# every open reads given a page type no b-tree has: the schema (1), the
# answers, the edition's own row (its id, which says whether the program's
# own copy of the edition stands for the file's), or both the first two.
psize=$(sqlite3 "$good" 'PRAGMA page_size') || exit 99
root() { sqlite3 "$good" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'"; }
answer_page=$(( ($(root answer) - 1) * psize ))
edition_page=$(( ($(root edition) - 1) * psize ))
for n in 1 2 3 4; do
	cp "$good" "$k/scrambled-$n"
	for _ in $(seq 1 $((n * 40))); do
		printf "\\x$(printf %02x $((RANDOM % 256)))" |
			dd of="$k/scrambled-$n" bs=1 conv=notrunc status=none \
				seek=$((100 + (RANDOM * 32768 + RANDOM) % (size - 100)))
	done
	case $n in
	1) pages=100 ;;
	2) pages=$answer_page ;;
	3) pages=$edition_page ;;
	4) pages="100 $answer_page" ;;
	esac
	for at in $pages; do
		printf '\001' | dd of="$k/scrambled-$n" bs=1 conv=notrunc \
			status=none seek="$at"
	done
done
# A whole page of zeros where the schema is.
cp "$good" "$k/zeroed-schema"
dd if=/dev/zero of="$k/zeroed-schema" bs=1 seek=100 count=3996 \
	conv=notrunc status=none
sqlite3 "$k/other-program" \
	'CREATE TABLE answer(key, value); INSERT INTO answer VALUES (1, 2);' ||
	exit 99
sqlite3 "$k/other-app-id" 'PRAGMA application_id = 42; CREATE TABLE t(x);'
cp "$good" "$k/newer"
sqlite3 "$k/newer" 'PRAGMA user_version = 1000000;'
cp "$good" "$k/never-finished"
sqlite3 "$k/never-finished" 'PRAGMA user_version = 0;'
cp "$good" "$k/no-answer-table"
sqlite3 "$k/no-answer-table" 'DROP TABLE answer;'
cp "$good" "$k/wal-mode"
sqlite3 "$k/wal-mode" 'PRAGMA journal_mode = WAL;' >/dev/null
# A hot journal: another writer's transaction, copied with its journal
# once pages had spilled into the file, as if the writer had died there.
cp "$good" "$T/hot-src"
interrupt_save "$T/hot-src" "$k/interrupted" || exit 99
mkdir "$k/folder"
mkfifo "$k/fifo"
# Made unreadable in setup: a file of mode 000 cannot be copied there.
if [ "$(id -u)" -ne 0 ]; then
	cp "$good" "$k/unreadable"
fi

# ---- every command on every kind ------------------------------------------
cmds=("get F gi.org_name" "set F gi.org_name Refused" "check F" "show F"
	"export --format json F")
tried=0

# snapshot DIR: what is in DIR, to the byte (no reading of a FIFO).
snapshot() {
	ls -lAR --time-style=full-iso "$1"
	find "$1" -type f -readable -exec md5sum {} +
}

# setup KIND: a fresh copy of KIND (and its journal) alone in its folder,
# unless the one there is still as it was made (kind_there says so).
setup() {
	[ "$kind_there" = "$1" ] && return
	rm -rf "$T/d"
	mkdir "$T/d"
	cp -a "$k/$1" "$T/d/"
	[ -e "$k/$1-journal" ] && cp -a "$k/$1-journal" "$T/d/"
	F="$T/d/$1"
	[ "$1" = unreadable ] && chmod 000 "$F"
	snapshot "$T/d" >"$T/before"
	kind_there=$1
}

# One tmux server for all the full-screen runs, a window each.
n_win=0
tm new-session -d -x 80 -y 24 -s hostile "sleep 3600"
# win_start ARGS...: runs apmwb ARGS in a new 80x24 window; prints its
# name.  When apmwb ends the window says "apmwb-exit=STATUS".
win_start() {
	n_win=$((n_win + 1))
	tm new-window -d -t hostile -n "w$n_win" "env LANG=C.UTF-8 \
LC_ALL=C.UTF-8 TERM=screen-256color $APMWB $*; s=\$?; echo; echo apmwb-exit=\$s; \
sleep 3600"
	echo "hostile:w$n_win"
}
# win_screen W: the window's text, wrapped lines joined.
win_screen() { tm capture-pane -p -J -t "$1"; }
# win_wait W TEXT: waits (10 s at most) for the window to show TEXT.
win_wait() {
	local i=0
	while [ $i -lt 200 ]; do
		case "$(win_screen "$1")" in *"$2"*) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# Files a writer's open puts right: a journal rolled back, WAL left.
repaired_by_writer() { [ "$1" = interrupted ] || [ "$1" = wal-mode ]; }
# check_repaired: the file at $F is whole, its journal or WAL gone, every
# confirmed answer there, and the interrupted change undone.
check_repaired() {
	local e
	for e in -journal -wal -shm; do
		[ -e "$F$e" ] && problems+=("$F$e is still there")
	done
	[ "$("$APMWB" get "$F" gi.contact_name 2>&1)" = "Jane Doe" ] ||
		problems+=("a confirmed answer is lost")
	[ "$(integrity "$F")" = ok ] || problems+=("not whole")
	[ "$(sqlite3 -readonly "$F" "SELECT count(*) FROM sqlite_schema
		WHERE name = 'junk'")" = 0 ] ||
		problems+=("the interrupted change is still there")
}

# reads_confirmed DESC: a reader of a file with an interrupted save read
# its last confirmed state (never the half-written change), said so in one
# line, and wrote nothing: not the file, its journal, nor beside them.
reads_confirmed() {
	[ "$status" -eq 0 ] || [ "$status" -eq 1 ] || problems+=("status $status: $err")
	has "$err" "interrupted save" || problems+=("does not say what happened")
	has "$err" "last confirmed" || problems+=("does not say what it shows")
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || problems+=("more than one line: $err")
	has "$out" "Half Written" && problems+=("shows the change that was never confirmed")
	case $c in get*|export*) has "$out" "Acme Health Plan" ||
		problems+=("does not show the confirmed answer: $(printf %s "$out" | head -3)") ;;
	esac
	snapshot "$T/d" | cmp -s "$T/before" - || problems+=("the file or its folder changed")
	report "$1 reads the last confirmed answers, untouched"
}

# refused DESC: the last run was refused as a hostile file should be.
refused() {
	[ "$status" -eq 1 ] || [ "$status" -eq 2 ] ||
		problems+=("status $status")
	plain_message "$F" "$err" || problems+=("stderr is not one plain line naming the file: $err")
	[ -z "$out" ] || problems+=("printed on stdout: $(printf %s "$out" | head -3)")
	if ! snapshot "$T/d" | cmp -s "$T/before" -; then
		problems+=("the file or its folder changed")
		kind_there=
	fi
	report "$1 is refused untouched: ${err#apmwb: }"
}

for kind in $(ls "$k"); do
	case $kind in *-journal) continue ;; esac
	for c in "${cmds[@]}"; do
		setup "$kind"
		# A FIFO nobody writes must not make a reader wait forever.
		timeout -s KILL 20 "$APMWB" ${c/F/$F} >"$T/.out" 2>"$T/.err" \
			</dev/null
		status=$?
		out=$(<"$T/.out")
		err=$(<"$T/.err")
		tried=$((tried + 1))
		if [ "${c%% *}" = set ] && repaired_by_writer "$kind"; then
			[ "$status" -eq 0 ] || problems+=("status $status: $err")
			check_repaired
			kind_there=
			report "$kind: $c repairs it and saves"
		elif [ "$kind" = interrupted ]; then
			reads_confirmed "$kind: $c"
		else
			refused "$kind: $c"
		fi
	done

	# The full screen, review and editing: refused before it starts.
	for mode in -r ""; do
		setup "$kind"
		w=$(win_start $mode "$F")
		tried=$((tried + 1))
		desc="$kind: the full screen${mode:+ ($mode)}"
		if [ -z "$mode" ] && repaired_by_writer "$kind"; then
			if win_wait "$w" "General information"; then
				ok "$desc repairs it and opens"
			else
				not_ok "$desc repairs it and opens" "$(win_screen "$w")"
			fi
			tm send-keys -t "$w" F10
			win_wait "$w" "apmwb-exit=0" ||
				problems+=("it did not end cleanly: $(win_screen "$w" | tail -2)")
			check_repaired
			kind_there=
			report "$desc leaves it whole, its journal gone"
		elif [ "$kind" = interrupted ]; then
			# Review mode reads the last confirmed state, writing nothing.
			win_wait "$w" "General information" ||
				problems+=("it did not open: $(win_screen "$w" | tail -3)")
			win_screen "$w" | grep -q "interrupted save" ||
				problems+=("it does not say the file has an interrupted save")
			tm send-keys -t "$w" F10
			win_wait "$w" "apmwb-exit=0" ||
				problems+=("it did not end cleanly: $(win_screen "$w" | tail -2)")
			snapshot "$T/d" | cmp -s "$T/before" - ||
				problems+=("the file or its folder changed")
			report "$desc reads the last confirmed answers, untouched"
		elif ! win_wait "$w" "apmwb-exit="; then
			not_ok "$desc is refused" "$(win_screen "$w")"
		else
			status=$(win_screen "$w" | sed -n 's/^apmwb-exit=\([0-9]*\)$/\1/p')
			out=
			err=$(win_screen "$w" | grep "^apmwb: " | head -1)
			tm capture-pane -p -e -t "$w" | grep -q "$(printf '\033')\\]" &&
				problems+=("a terminal title or other OSC sequence reached it")
			refused "$desc"
		fi
		tm kill-window -t "$w"
	done
done
echo "# $tried hostile file opens tried ($(ls "$k" | grep -vc -- -journal) kinds)"
if [ "$(id -u)" -eq 0 ]; then
	echo "ok $((_n + 1)) # SKIP a file without read permission (root reads every file)"
	_n=$((_n + 1))
fi

# The good file was never harmed by any of this.
run get "$good" gi.org_name
check "the good file still reads" is "$out" "Acme Health Plan"
done_testing
