#!/bin/bash
# SPDX-License-Identifier: MIT
# many.sh: the speed and memory of `apmwb aggregate` and `apmwb diff`
# against sqlite3 doing the least that the same reading takes.
# `make bench-many` runs it; by hand:
#
#   APMWB=./apmwb MAXRSS=./bench/maxrss TOPSRCDIR=/path/to/src \
#   BENCH_DIR=/tmp/bench-data bash bench/many.sh
#
# Optional: BENCH_MANY_FILES (default 1000), BENCH_MANY_RUNS (pairs of
# turns, default 11; the diff gets at most 5), BENCH_DIFF_N (contracts in
# each file diffed, default 1000000).
#
# Each comparison runs the two in turns, A B A B ..., so a change in the
# machine's load falls on both; the figure is the median of the pairwise
# ratios A/B, with their range.  Wall times from bash's $EPOCHREALTIME
# around whole processes; memory is each process's peak RSS (bench/maxrss).
set -euo pipefail

: "${APMWB:?APMWB is the apmwb to measure}"
: "${MAXRSS:?MAXRSS is bench/maxrss}"
: "${TOPSRCDIR:?TOPSRCDIR is the source tree}"
: "${BENCH_DIR:?BENCH_DIR is where the data goes}"
FILES=${BENCH_MANY_FILES:-1000}
RUNS=${BENCH_MANY_RUNS:-11}
DIFF_N=${BENCH_DIFF_N:-1000000}
DRUNS=$((RUNS < 5 ? RUNS : 5))

if [ -z "${EPOCHREALTIME:-}" ]; then
	echo "bench: bash 5 is needed (for \$EPOCHREALTIME)" >&2
	exit 2
fi
command -v sqlite3 >/dev/null || {
	echo "bench: sqlite3 is needed (Debian: apt-get install sqlite3)" >&2
	exit 2
}
mkdir -p "$BENCH_DIR"
work=$BENCH_DIR/many-work
rm -rf "$work"
mkdir -p "$work"
started=${EPOCHREALTIME/./}

. "$TOPSRCDIR/bench/lib.sh"
lowest() { printf '%s\n' "$@" | sort -g | head -1; }
highest() { printf '%s\n' "$@" | sort -g | tail -1; }

# Peak RSS (KiB) of a command.
rss_kib() {
	local rc=0
	"$MAXRSS" "$@" >/dev/null 2>"$work/rss" || rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "bench: failed ($rc): ${*:1:6} ..." >&2
		cat "$work/rss" >&2
		exit 2
	fi
	awk '$1 == "maxrss_kib" { print $2 }' "$work/rss"
}

# turns NAME RUNS -- A... -- B...: A and B in turns; sets R[NAME,a],
# R[NAME,b] (median ms) and R[NAME,ratio], R[NAME,lo], R[NAME,hi].
declare -A R
turns() {
	local name=$1 runs=$2 a=() b=() ra=() rb=() ratios=() i x y
	shift 3
	while [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	b=("$@")
	time_ms "${a[@]}" >/dev/null   # warm-ups: the files in the page cache
	time_ms "${b[@]}" >/dev/null
	for ((i = 0; i < runs; i++)); do
		x=$(time_ms "${a[@]}")
		y=$(time_ms "${b[@]}")
		ra+=("$x") rb+=("$y")
		ratios+=("$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.3f", x / y }')")
	done
	R[$name,a]=$(median "${ra[@]}")
	R[$name,b]=$(median "${rb[@]}")
	R[$name,ratio]=$(median "${ratios[@]}")
	R[$name,lo]=$(lowest "${ratios[@]}")
	R[$name,hi]=$(highest "${ratios[@]}")
}

# ---- data ------------------------------------------------------------------
# One signed-off submission of 50 contracts: every tab answered from
# answers.json (its commercial row 2 raised by the 340,000,000 its
# cross-check was short, so it can be signed off), then gen.sh's CSV of 50.
sh "$TOPSRCDIR/bench/gen.sh" "$APMWB" "$TOPSRCDIR" "$BENCH_DIR" 50
one=$BENCH_DIR/many-one.apmwb
if [ ! -s "$one" ]; then
	rm -f "$one.tmp"
	"$APMWB" new "$one.tmp" >/dev/null 2>&1
	"$APMWB" import "$one.tmp" "$TOPSRCDIR/bench/answers.json" >/dev/null 2>&1
	"$APMWB" set "$one.tmp" commercial.m2 2500000000 >/dev/null 2>&1
	"$APMWB" import "$one.tmp" "$BENCH_DIR/contracts-50.csv" >/dev/null 2>&1
	"$APMWB" complete "$one.tmp" --by "Bench Mark" >/dev/null
	mv "$one.tmp" "$one"
fi
# FILES copies, each its own organisation (named in the file by sqlite3,
# all in one process), so none is flagged as a plan sent twice.
many=$BENCH_DIR/many-$FILES
if [ ! -e "$many/done" ]; then
	echo "bench: making $FILES submissions in $many (kept between runs)"
	rm -rf "$many"
	mkdir -p "$many"
	for ((i = 1; i <= FILES; i++)); do
		cp "$one" "$many/p$(printf %04d "$i").apmwb"
	done
	for ((i = 1; i <= FILES; i++)); do
		f=$many/p$(printf %04d "$i").apmwb
		echo "ATTACH '$f' AS s; UPDATE s.answer SET value = 'Plan $i'" \
		     "WHERE key = 'gi.org_name'; DETACH s;"
	done | sqlite3 :memory:
	touch "$many/done"
fi
files=("$many"/p*.apmwb)
ten=("${files[@]:0:10}")

# What the anchor reads of each file: every answer, the meta (state and
# sign-off), the acknowledgements, the worksheet's totals and the
# edition's id, each file attached, read and detached in one process.
for f in "${files[@]}"; do
	echo "ATTACH '$f' AS s; SELECT id FROM s.edition;" \
	     "SELECT key, value FROM s.answer; SELECT key, value FROM s.meta;" \
	     "SELECT id, message, reason, by, at FROM s.ack;" \
	     "SELECT line, status, cents, n FROM s.nr_total; DETACH s;"
done >"$work/anchor.sql"
for f in "${files[@]}"; do echo "$f"; done >"$work/files"

# Two worksheets of DIFF_N contracts: gen.sh's, and a resubmission of it
# with every 1000th contract's dollars changed, every 4999th deleted and
# a new contract after every 7919th.
sh "$TOPSRCDIR/bench/gen.sh" "$APMWB" "$TOPSRCDIR" "$BENCH_DIR" "$DIFF_N"
d_old=$BENCH_DIR/sub-$DIFF_N.apmwb
d_new=$BENCH_DIR/many-diff-$DIFF_N.apmwb
if [ ! -s "$d_new" ]; then
	echo "bench: making the resubmission of $DIFF_N contracts"
	awk -F, 'NR == 1 { print; next }
		{ i = NR - 1 }
		i % 4999 == 0 { next }
		i % 1000 == 0 { sub(/\.[0-9][0-9]$/, ".99") }
		{ print }
		i % 7919 == 0 { printf "Added contract %d,commercial,tcoc,1.0,10.0,50.0,1000.00\n", i }' \
		"$BENCH_DIR/contracts-$DIFF_N.csv" >"$work/resub.csv"
	rm -f "$d_new.tmp"
	"$APMWB" new "$d_new.tmp" >/dev/null 2>&1
	"$APMWB" import "$d_new.tmp" "$TOPSRCDIR/bench/answers.json" >/dev/null 2>&1
	"$APMWB" import "$d_new.tmp" "$work/resub.csv" >/dev/null 2>&1
	mv "$d_new.tmp" "$d_new"
fi
cols="label, line, type, risk_min, risk_max, shared_risk, dollars"
except="ATTACH '$d_new' AS n;
SELECT $cols FROM main.contract EXCEPT SELECT $cols FROM n.contract;
SELECT $cols FROM n.contract EXCEPT SELECT $cols FROM main.contract;"
# For diff's memory at 50, 10,000 and 100,000 contracts: a file against
# itself reads both worksheets whole, as any diff does.
for n in 10000 100000; do
	sh "$TOPSRCDIR/bench/gen.sh" "$APMWB" "$TOPSRCDIR" "$BENCH_DIR" "$n"
done

# ---- aggregate -----------------------------------------------------------------
echo "bench: aggregate of $FILES files against the sqlite3 loop ($RUNS pairs)"
"$APMWB" aggregate "${files[@]}" >"$work/agg.out" 2>&1 || true
grep -q "^$FILES of $FILES files counted" "$work/agg.out" || {
	echo "bench: not every file was counted" >&2
	exit 2
}
turns agg "$RUNS" -- "$APMWB" aggregate "${files[@]}" -- \
	sqlite3 -readonly :memory: ".read $work/anchor.sql"
rss10=$(rss_kib "$APMWB" aggregate "${ten[@]}")
rss1000=$(rss_kib "$APMWB" aggregate "${files[@]}")
# For the record: one sqlite3 process a file, as a shell loop would.
shell_loop() {
	while read -r f; do
		sqlite3 -readonly "$f" "SELECT id FROM edition;
			SELECT key, value FROM answer; SELECT key, value FROM meta;
			SELECT id, message, reason, by, at FROM ack;
			SELECT line, status, cents, n FROM nr_total;"
	done <"$work/files"
}
t0=${EPOCHREALTIME/./}
shell_loop >/dev/null
t1=${EPOCHREALTIME/./}
shell_ms=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1000 }')

# ---- diff ------------------------------------------------------------------------
echo "bench: diff of two $DIFF_N-contract files against sqlite3's EXCEPT ($DRUNS pairs)"
turns diff "$DRUNS" -- "$APMWB" diff "$d_old" "$d_new" -- \
	sqlite3 -readonly "$d_old" "$except"
"$APMWB" diff "$d_old" "$d_new" >"$work/diff.out" || true
d_lines=$(grep -c '^contract\[' "$work/diff.out" || true)
rss_50=$(rss_kib "$APMWB" diff "$BENCH_DIR/sub-50.apmwb" "$BENCH_DIR/sub-50.apmwb")
rss_10k=$(rss_kib "$APMWB" diff "$BENCH_DIR/sub-10000.apmwb" "$BENCH_DIR/sub-10000.apmwb")
rss_100k=$(rss_kib "$APMWB" diff "$BENCH_DIR/sub-100000.apmwb" "$BENCH_DIR/sub-100000.apmwb")
rss_big=$(rss_kib "$APMWB" diff "$d_old" "$d_new")
rss_except=$(rss_kib sqlite3 -readonly "$d_old" "$except")

# ---- the table -------------------------------------------------------------------
echo
printf '%-58s %12s\n' "aggregate $FILES files (ms)" "${R[agg,a]}"
printf '%-58s %12s\n' "  sqlite3, one process attaching each file (ms)" "${R[agg,b]}"
printf '%-58s %12s\n' "  sqlite3, one process a file (ms, once)" "$shell_ms"
printf '%-58s %12s\n' "aggregate: peak memory, 10 files (KiB)" "$rss10"
printf '%-58s %12s\n' "aggregate: peak memory, $FILES files (KiB)" "$rss1000"
printf '%-58s %12s\n' "diff of two $DIFF_N-contract files (ms)" "${R[diff,a]}"
printf '%-58s %12s\n' "  sqlite3 EXCEPT both ways (ms)" "${R[diff,b]}"
printf '%-58s %12s\n' "  contract lines it printed" "$d_lines"
printf '%-58s %12s\n' "diff: peak memory, 50 contracts (KiB)" "$rss_50"
printf '%-58s %12s\n' "diff: peak memory, 10000 contracts (KiB)" "$rss_10k"
printf '%-58s %12s\n' "diff: peak memory, 100000 contracts (KiB)" "$rss_100k"
printf '%-58s %12s\n' "diff: peak memory, $DIFF_N contracts (KiB)" "$rss_big"
printf '%-58s %12s\n' "  sqlite3 EXCEPT: peak memory (KiB)" "$rss_except"

fails=0
target() {
	local what=$1 r=$2 max=$3 spread=$4 verdict
	verdict=$(awk -v r="$r" -v m="$max" 'BEGIN { print (r <= m) ? "PASS" : "FAIL" }')
	[ "$verdict" = PASS ] || fails=$((fails + 1))
	printf '%-50s %6sx %-16s (target <= %sx)  %s\n' "$what" \
		"$(awk -v r="$r" 'BEGIN { printf "%.2f", r }')" "$spread" "$max" "$verdict"
}
echo
target "aggregate / sqlite3 loop, $FILES files" "${R[agg,ratio]}" 1.5 \
	"[${R[agg,lo]}-${R[agg,hi]}]"
target "aggregate memory: $FILES / 10 files" \
	"$(awk -v x="$rss1000" -v y="$rss10" 'BEGIN { print x / y }')" 1.1 ""
target "diff / sqlite3 EXCEPT, $DIFF_N contracts" "${R[diff,ratio]}" 2 \
	"[${R[diff,lo]}-${R[diff,hi]}]"
# SQLite's page cache (2 MiB a connection) is full by 100,000 contracts
# (a worksheet of 10 MB); past that nothing may grow.
target "diff memory: $DIFF_N / 100000 contracts" \
	"$(awk -v x="$rss_big" -v y="$rss_100k" 'BEGIN { print x / y }')" 1.1 ""
ended=${EPOCHREALTIME/./}
echo
echo "bench-many: $FILES files, $RUNS pairs (diff $DRUNS), $(( (ended - started) / 1000000 )) s;" \
	"$fails target(s) missed; ratios are medians of pairs [lowest-highest]."
rm -rf "$work"
