# SPDX-License-Identifier: MIT
# lib.sh: what the bench scripts share.  Source it after setting $work
# (a scratch folder of the run) and, for measure and turns, $MAXRSS
# (bench/maxrss).

# The median of the numbers given (integers or decimals).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
	if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
lowest() { printf '%s\n' "$@" | sort -g | head -1; }
highest() { printf '%s\n' "$@" | sort -g | tail -1; }
# x / y to 3 places ("inf" when y is 0).
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.3f", x / y; else print "inf" }'; }

# Milliseconds one run of a command takes, start to exit; exit 0 or 1 (a
# check that finds problems, a diff that finds differences) both count as
# done.
time_ms() {
	local t0 t1 rc=0
	t0=${EPOCHREALTIME/./}
	"$@" >/dev/null 2>"$work/stderr" || rc=$?
	t1=${EPOCHREALTIME/./}
	if [ "$rc" -gt 1 ]; then
		# the first words only: an aggregate names a thousand files
		echo "bench: failed ($rc): ${*:1:8}$([ $# -gt 8 ] && echo ' ...')" >&2
		cat "$work/stderr" >&2
		exit 2
	fi
	awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1000 }'
}

# measure COMMAND...: one run through bench/maxrss; sets M_WALL (ms),
# M_CPU (user + system ms) and M_RSS (peak KiB).  Standard output goes to
# $M_OUT (default /dev/null); exit 0 or 1 count as done.
measure() {
	local t0 t1 rc=0
	t0=${EPOCHREALTIME/./}
	"$MAXRSS" "$@" >"${M_OUT:-/dev/null}" 2>"$work/measure" || rc=$?
	t1=${EPOCHREALTIME/./}
	if [ "$rc" -gt 1 ]; then
		echo "bench: failed ($rc): ${*:1:8}$([ $# -gt 8 ] && echo ' ...')" >&2
		cat "$work/measure" >&2
		exit 2
	fi
	M_WALL=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1000 }')
	M_CPU=$(awk '$1 == "cpu_ms" { v = $2 } END { print v }' "$work/measure")
	M_RSS=$(awk '$1 == "maxrss_kib" { v = $2 } END { print v }' "$work/measure")
}

# turns NAME RUNS METRIC [SETUP] -- A... -- B...: A and B in turns, RUNS
# pairs after a warm-up of each; METRIC is wall or cpu; SETUP, when not
# "", is run (untimed) before every run of either (a fresh copy to import
# into).  Sets T[NAME,a], T[NAME,b] (medians, ms) and T[NAME,ratio],
# T[NAME,lo], T[NAME,hi]: the median of the pairwise ratios A/B and their
# range.
declare -A T
turns() {
	local name=$1 runs=$2 metric=$3 setup=$4 a=() b=() ra=() rb=() \
	      ratios=() i x y
	shift 5
	while [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	b=("$@")
	for ((i = -1; i < runs; i++)); do
		[ -z "$setup" ] || eval "$setup"
		measure "${a[@]}"
		if [ "$metric" = cpu ]; then x=$M_CPU; else x=$M_WALL; fi
		[ -z "$setup" ] || eval "$setup"
		measure "${b[@]}"
		if [ "$metric" = cpu ]; then y=$M_CPU; else y=$M_WALL; fi
		[ "$i" -ge 0 ] || continue   # the warm-up
		ra+=("$x") rb+=("$y")
		ratios+=("$(ratio "$x" "$y")")
	done
	T[$name,a]=$(median "${ra[@]}")
	T[$name,b]=$(median "${rb[@]}")
	T[$name,ratio]=$(median "${ratios[@]}")
	T[$name,lo]=$(lowest "${ratios[@]}")
	T[$name,hi]=$(highest "${ratios[@]}")
}
