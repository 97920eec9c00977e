#!/bin/bash
# SPDX-License-Identifier: MIT
# run.sh: apmwb's speed at 50, 10,000 and 1,000,000 contracts, and the
# targets of issue 6.  `make bench` runs it; by hand:
#
#   APMWB=./apmwb HARNESS=./bench/harness TOPSRCDIR=/path/to/src \
#   BENCH_DIR=/tmp/bench-data bash bench/run.sh
#
# Optional: BENCH_SIZES (default "50 10000 1000000"), BENCH_RUNS (default 5;
# the 1,000,000-contract file gets 3), BENCH_IMPORT_N (default 100000).
#
# Every figure is a median of BENCH_RUNS runs.  Wall times come from bash's
# own clock ($EPOCHREALTIME) around a whole process, or from the harness's
# clock inside one (see bench/harness.c); instruction counts come from
# valgrind's callgrind, which does not depend on the machine's load.
set -euo pipefail

: "${APMWB:?APMWB is the apmwb to measure}"
: "${HARNESS:?HARNESS is bench/harness}"
: "${TOPSRCDIR:?TOPSRCDIR is the source tree}"
: "${BENCH_DIR:?BENCH_DIR is where the data goes}"
SIZES=${BENCH_SIZES:-50 10000 1000000}
RUNS=${BENCH_RUNS:-5}
IMPORT_N=${BENCH_IMPORT_N:-100000}
read -r -a sizes <<<"$SIZES"
small=${sizes[0]}
large=${sizes[${#sizes[@]}-1]}

if [ -z "${EPOCHREALTIME:-}" ]; then
	echo "bench: bash 5 is needed (for \$EPOCHREALTIME)" >&2
	exit 2
fi
for tool in sqlite3 valgrind; do
	command -v "$tool" >/dev/null || {
		echo "bench: $tool is needed (Debian: apt-get install $tool)" >&2
		exit 2
	}
done

mkdir -p "$BENCH_DIR"
work=$BENCH_DIR/work
rm -rf "$work"
mkdir -p "$work"
started=${EPOCHREALTIME/./}

runs_for() { if [ "$1" -ge 1000000 ]; then echo $((RUNS < 3 ? RUNS : 3)); else echo "$RUNS"; fi; }

. "$TOPSRCDIR/bench/lib.sh"

# A value from the harness's "name value" lines.
field() { awk -v k="$1" '$1 == k { print $2 }'; }

declare -A R

# ---- data ------------------------------------------------------------------
echo "bench: making the submissions in $BENCH_DIR (kept between runs)"
for n in "${sizes[@]}" "$IMPORT_N"; do
	sh "$TOPSRCDIR/bench/gen.sh" "$APMWB" "$TOPSRCDIR" "$BENCH_DIR" "$n"
done
# Every tab answered, no contracts: what each import starts from.
base=$BENCH_DIR/base.apmwb
if [ ! -s "$base" ]; then
	"$APMWB" new "$base.tmp" >/dev/null 2>&1
	"$APMWB" import "$base.tmp" "$TOPSRCDIR/bench/answers.json" >/dev/null 2>&1
	mv "$base.tmp" "$base"
fi

# ---- per size ----------------------------------------------------------------
for n in "${sizes[@]}"; do
	sub=$BENCH_DIR/sub-$n.apmwb csv=$BENCH_DIR/contracts-$n.csv
	k=$(runs_for "$n")
	echo "bench: $n contracts ($k runs each)"

	o=() f=() e=() m=() key=()
	"$HARNESS" open "$sub" >/dev/null   # a warm-up, not counted
	for ((i = 0; i < k; i++)); do
		out=$("$HARNESS" open "$sub")
		o+=("$(field open_ms <<<"$out")")
		f+=("$(field ws_first_ms <<<"$out")")
		e+=("$(field ws_end_ms <<<"$out")")
		m+=("$(field maxrss_kib <<<"$out")")
		key+=("$("$HARNESS" key "$sub" 21 | field key_us)")
	done
	R[open,$n]=$(median "${o[@]}")
	R[wsfirst,$n]=$(median "${f[@]}")
	R[wsend,$n]=$(median "${e[@]}")
	R[rss,$n]=$(median "${m[@]}")
	R[key,$n]=$(median "${key[@]}")

	# Instructions of one keystroke: callgrind counts bench_keystroke
	# (the live recompute and the whole redraw) and nothing else.
	valgrind --tool=callgrind --collect-atstart=no \
		--toggle-collect=bench_keystroke \
		--callgrind-out-file="$work/callgrind.out" \
		"$HARNESS" key "$sub" 1 >/dev/null 2>"$work/valgrind.log"
	R[ir,$n]=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/valgrind.log")

	cp "$sub" "$work/save.apmwb"
	R[save,$n]=$("$HARNESS" save "$work/save.apmwb" "$work" 31 | field save_ms)
	out=$("$HARNESS" edit "$work/save.apmwb" 11)
	R[edit,$n]=$(field edit_ms <<<"$out")
	R[add,$n]=$(field add_ms <<<"$out")

	t=()
	for ((i = 0; i < k; i++)); do
		cp "$base" "$work/import.apmwb"
		t+=("$(time_ms "$APMWB" import "$work/import.apmwb" "$csv")")
	done
	R[import,$n]=$(median "${t[@]}")

	for cmd in check show json csv qualtrics contracts; do
		case $cmd in
		check|show) argv=("$cmd" "$sub") ;;
		# not installed: the map the build would install
		qualtrics) argv=(export --format qualtrics --map \
			"$TOPSRCDIR/share/qualtrics-map-2020.csv" "$sub") ;;
		*) argv=(export --format "$cmd" "$sub") ;;
		esac
		t=()
		for ((i = 0; i < k; i++)); do
			t+=("$(time_ms "$APMWB" "${argv[@]}")")
		done
		R[$cmd,$n]=$(median "${t[@]}")
	done
	rm -f "$work"/*.apmwb
done

# ---- the baselines -----------------------------------------------------------
echo "bench: baselines ($IMPORT_N-contract import, bare saves)"
icsv=$BENCH_DIR/contracts-$IMPORT_N.csv
a=() b=()
for ((i = 0; i < RUNS; i++)); do
	cp "$base" "$work/import.apmwb"
	a+=("$(time_ms "$APMWB" import "$work/import.apmwb" "$icsv")")
	rm -f "$work/bare.db"
	b+=("$(time_ms sqlite3 "$work/bare.db" ".import --csv $icsv contract")")
done
imp_apmwb=$(median "${a[@]}") imp_bare=$(median "${b[@]}")

# Saving: both in one process on an open file in the same directory (so the
# same disk and file system pay the same fsyncs), 31 one-answer transactions
# each, taken in turns (the disk's speed changes with the machine's load).
cp "$BENCH_DIR/sub-$small.apmwb" "$work/save.apmwb"
s=() sb=()
for ((i = 0; i < RUNS; i++)); do
	out=$("$HARNESS" save "$work/save.apmwb" "$work" 31)
	s+=("$(field save_ms <<<"$out")")
	sb+=("$(field bare_ms <<<"$out")")
done
save_apmwb=$(median "${s[@]}") save_bare=$(median "${sb[@]}")
# And as whole processes, for the record: `apmwb set` against the sqlite3
# shell opening a file and committing one row (each process-start included).
sqlite3 "$work/bare.db" "PRAGMA journal_mode=DELETE;
	CREATE TABLE IF NOT EXISTS answer (key TEXT PRIMARY KEY, value TEXT)" >/dev/null
c=() cb=()
for ((i = 0; i < RUNS; i++)); do
	c+=("$(time_ms "$APMWB" set "$work/save.apmwb" commercial.m8 "91000000$i.00")")
	cb+=("$(time_ms sqlite3 "$work/bare.db" "PRAGMA synchronous=FULL;
		BEGIN IMMEDIATE; INSERT OR REPLACE INTO answer VALUES
		('commercial.m8', '91000000$i.00'); COMMIT;")")
done
set_cli=$(median "${c[@]}") set_bare=$(median "${cb[@]}")
rm -f "$work"/*.apmwb "$work/bare.db"

# ---- the table ---------------------------------------------------------------
row() {
	local what=$1 key=$2 unit=$3
	printf '%-44s' "$what ($unit)"
	for n in "${sizes[@]}"; do printf ' %12s' "${R[$key,$n]}"; done
	printf '\n'
}
echo
printf '%-44s' "contracts in the file"
for n in "${sizes[@]}"; do printf ' %12s' "$n"; done
printf '\n'
row "open to the first full screen" open ms
row "worksheet: its first page" wsfirst ms
row "worksheet: End, PgUp, Home" wsend ms
row "peak memory (max RSS)" rss KiB
row "keystroke in a money field" key us
row "keystroke in a money field" ir Ir
row "save one answer (+ recompute)" save ms
row "change the last contract's dollars" edit ms
row "add a contract after the last" add ms
row "import the contracts CSV (new file)" import ms
row "check" check ms
row "show" show ms
row "export --format json" json ms
row "export --format csv" csv ms
row "export --format qualtrics" qualtrics ms
row "export --format contracts" contracts ms
echo
printf '%-44s %12s\n' "import $IMPORT_N contracts: apmwb import (ms)" "$imp_apmwb"
printf '%-44s %12s\n' "  sqlite3 shell .import, bare table (ms)" "$imp_bare"
printf '%-44s %12s\n' "save one answer, in-process: apmwb (ms)" "$save_apmwb"
printf '%-44s %12s\n' "  bare one-row transaction (ms)" "$save_bare"
printf '%-44s %12s\n' "apmwb set, whole process (ms)" "$set_cli"
printf '%-44s %12s\n' "  sqlite3 shell one-row commit (ms)" "$set_bare"

# ---- the targets -------------------------------------------------------------
fails=0
target() {
	local what=$1 x=$2 y=$3 max=$4 r verdict
	r=$(awk -v x="$x" -v y="$y" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "inf" }')
	verdict=$(awk -v r="$r" -v m="$max" 'BEGIN { print (r != "inf" && r <= m) ? "PASS" : "FAIL" }')
	[ "$verdict" = PASS ] || fails=$((fails + 1))
	printf '%-58s %6sx (target <= %sx)  %s\n' "$what" "$r" "$max" "$verdict"
}
echo
target "import $IMPORT_N: apmwb / sqlite3 .import" "$imp_apmwb" "$imp_bare" 2
target "save one answer: apmwb / bare transaction" "$save_apmwb" "$save_bare" 1.5
target "keystroke Ir: $large / $small contracts" "${R[ir,$large]}" "${R[ir,$small]}" 1.2
target "open to first screen: $large / $small contracts" "${R[open,$large]}" "${R[open,$small]}" 2
target "peak memory: $large / $small contracts" "${R[rss,$large]}" "${R[rss,$small]}" 1.2
ended=${EPOCHREALTIME/./}
echo
echo "bench: $((${#sizes[@]})) sizes, $RUNS runs, $(( (ended - started) / 1000000 )) s;" \
	"$fails target(s) missed.  Wall times on a shared machine are noisy: the" \
	"medians help, the instruction counts do not depend on it."
rm -rf "$work"
