#!/bin/bash
# SPDX-License-Identifier: MIT
# kill_cli.sh: `apmwb set` and `apmwb import` killed with SIGKILL at random
# moments never lose a confirmed answer (one whose command exited 0) nor
# damage the file.  After each kill: a hot journal left behind is read
# past by a read-only open (the last confirmed answers, from a private
# copy, saying so), file and journal untouched, and rolled back by the next
# read-write open; the killed change is there whole or not at all; every
# confirmed answer and the worksheet read back; integrity_check says ok.
# APMWB_CRASH_ROUNDS sets the number of kills (make check-crash runs more).
. "$TOPSRCDIR/tests/cli/lib.sh" || exit 99
. "$TOPSRCDIR/tests/crash/lib.sh" || exit 99
rounds=${APMWB_CRASH_ROUNDS:-20}
d="$T/sub"
mkdir "$d"
f="$d/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99

want[gi.contact_name]="Jane Doe"
want[gi.org_name]="Acme Health Plan"
want[gi.contact_phone]="(555) 010-2030"
want[commercial.m1]="1000.00"
want[commercial.m2]="1000.00"
keys=(gi.contact_name gi.org_name gi.assumptions gi.members.commercial
	commercial.m1 commercial.m2 iq.barriers_other)

# Two worksheets of different sizes, and what exporting each gives.
header='label,line,type,risk_min,risk_max,shared_risk,dollars'
for ws in a:1500 b:900; do
	{
		echo "$header"
		for i in $(seq 1 "${ws#*:}"); do
			echo "${ws%:*}-$i,commercial,tcoc,1,10,60,$i"
		done
	} >"$T/${ws%:*}.csv"
	"$APMWB" new "$T/${ws%:*}.apmwb" >/dev/null 2>&1 &&
	"$APMWB" import "$T/${ws%:*}.apmwb" "$T/${ws%:*}.csv" >/dev/null 2>&1 &&
	"$APMWB" export --format contracts "$T/${ws%:*}.apmwb" \
		>"$T/${ws%:*}.expected" || exit 99
done
"$APMWB" export --format contracts "$f" >"$T/none.expected" || exit 99
sheet=none

# A value for KEY in its canonical form (what get prints back).
value_for() {
	case "$1" in
	commercial.*) printf '%d.%02d' $((RANDOM * 7)) $((RANDOM % 100)) ;;
	gi.members.*) printf '%d' $((RANDOM * 3 + 1)) ;;
	gi.assumptions) printf 'Round %d, first line\nsecond line %d' "$2" "$RANDOM" ;;
	*) printf 'Value %d of round %d' "$RANDOM" "$2" ;;
	esac
}

# The worksheet now in the file is whole: the export is one we know.
sheet_is() {
	"$APMWB" export --format contracts "$f" >"$T/sheet.now" 2>&1 &&
		cmp -s "$T/sheet.now" "$T/$1.expected"
}

kills=0 hot=0 landed=0
for r in $(seq 1 "$rounds"); do
	if [ $((RANDOM % 4)) -eq 0 ]; then
		what=import
		new=$([ "$sheet" = a ] && echo b || echo a)
		"$APMWB" import "$f" "$T/$new.csv" >/dev/null 2>"$T/err" &
	else
		what=set
		key=${keys[RANDOM % ${#keys[@]}]}
		new=$(value_for "$key" "$r")
		"$APMWB" set "$f" "$key" "$new" >/dev/null 2>"$T/err" &
	fi
	pid=$!
	# Spread evenly over the scales from 100us to 200ms, so kills land
	# in every phase however fast this machine is today; and every
	# eighth while it starts.
	b=$((RANDOM % 11))
	delay=$(( (100 << b) + RANDOM * (100 << b) / 32768 ))
	[ $((r % 8)) -eq 1 ] && delay=0
	pause_us "$delay"
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	st=$?
	desc="round $r: $what killed after ${delay}us"
	case $st in
	0)
		# It finished first: now confirmed.
		if [ "$what" = import ]; then sheet=$new; else want[$key]=$new; fi
		desc="round $r: $what finished before its kill"
		;;
	137) kills=$((kills + 1)) ;;
	*)
		not_ok "$desc: exits 0 or dies by the kill" "status $st" \
			"stderr: $(cat "$T/err")"
		continue
		;;
	esac

	if [ -s "$f-journal" ]; then
		cp "$f" "$T/f.copy"
		cp "$f-journal" "$T/j.copy"
		listing "$d" >"$T/ls.before"
		run get "$f" gi.org_name
		if [ "$(od -An -tu1 -N1 "$f-journal" | tr -d ' ')" = 0 ]; then
			# Killed before its header was written: not hot, and
			# the file itself was not yet touched.
			[ "$status" -eq 0 ] && [ "$out" = "${want[gi.org_name]}" ] ||
				problems+=("read-only get beside a journal never begun: status $status, '$out': $err")
		else
			hot=$((hot + 1))
			# A reader reads the last confirmed state, and says so.
			[ "$status" -eq 0 ] && [ "$out" = "${want[gi.org_name]}" ] ||
				problems+=("read-only get of a hot journal: status $status, '$out'")
			plain_message "$f" "$err" && has "$err" "interrupted save" &&
				has "$err" "last confirmed" ||
				problems+=("read-only get of a hot journal says: $err")
		fi
		cmp -s "$f" "$T/f.copy" && cmp -s "$f-journal" "$T/j.copy" ||
			problems+=("read-only open changed the file or its journal")
		listing "$d" | diff "$T/ls.before" - >/dev/null ||
			problems+=("read-only open left something beside the file")
		# The next read-write open rolls it back.
		phone=$(printf '(555) 010-%04d' "$r")
		run set "$f" gi.contact_phone "$phone"
		if [ "$status" -eq 0 ]; then
			want[gi.contact_phone]=$phone
		else
			problems+=("set after a kill: status $status: $err")
		fi
		[ -e "$f-journal" ] && problems+=("the journal is still there after a read-write open")
	fi

	# The killed change is there whole or not at all.
	if [ "$st" -ne 0 ]; then
		if [ "$what" = import ]; then
			if sheet_is "$new"; then
				sheet=$new
				landed=$((landed + 1))
			elif ! sheet_is "$sheet"; then
				problems+=("the worksheet is neither the old nor the new one ($(wc -l <"$T/sheet.now") lines)")
			fi
		else
			got=$("$APMWB" get "$f" "$key" 2>&1)
			if [ "$got" = "$new" ]; then
				want[$key]=$new
				landed=$((landed + 1))
			elif [ "$got" != "${want[$key]}" ]; then
				problems+=("$key is '$got', neither '${want[$key]}' nor '$new'")
			fi
		fi
	fi
	confirmed_read_back "$f"
	sheet_is "$sheet" || {
		problems+=("the confirmed worksheet ($sheet) does not read back")
		lost=$((lost + 1))
	}
	run check "$f"
	[ "$status" -le 1 ] || problems+=("check: status $status: $err")
	report "$desc: whole, ${#want[@]} confirmed answers and the worksheet read back"
done
echo "# $kills kills survived ($landed killed changes had landed), $hot hot journals seen, $lost confirmed answers lost"
check "some kills landed inside a command" test "$kills" -gt 0
check "no confirmed answer was lost" test "$lost" -eq 0
done_testing
