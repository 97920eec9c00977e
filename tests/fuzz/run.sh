#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh: runs each libFuzzer target for a bounded time and prints how many
# inputs it tried.  `make check-fuzz` calls it; by hand:
#   FUZZ_BIN=build/tests/fuzz FUZZ_SRC=tests/fuzz FUZZ_TIME=20 \
#     sh tests/fuzz/run.sh [TARGET...]
# Seeds come from corpus/TARGET and regress/TARGET (read, never written),
# tokens from TARGET.dict when there is one;
# inputs the fuzzer finds go to $FUZZ_WORK/TARGET, crashes to
# $FUZZ_WORK/crashes/TARGET-*.  A crash fails the run: fix the bug and copy
# the input to regress/TARGET, where `make check` replays it for good.
: "${FUZZ_BIN:?FUZZ_BIN: the folder with the fuzz_* programs}"
: "${FUZZ_SRC:?FUZZ_SRC: tests/fuzz in the sources}"
FUZZ_TIME=${FUZZ_TIME:-10}
FUZZ_WORK=${FUZZ_WORK:-$FUZZ_BIN/work}
if [ $# -eq 0 ]; then
	set -- fuzz_money fuzz_percent fuzz_set fuzz_contracts_csv \
		fuzz_json_import fuzz_open
fi
# Scratch files of the targets (temporary submissions) on a RAM disk when
# there is one: fsync there is cheap.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	TMPDIR=/dev/shm
	export TMPDIR
fi
mkdir -p "$FUZZ_WORK/crashes" || exit 99
failed=0
total=0
printf '%-20s %12s %8s  %s\n' target executions exec/s result
for t in "$@"; do
	mkdir -p "$FUZZ_WORK/$t" || exit 99
	regress=
	[ -d "$FUZZ_SRC/regress/$t" ] && regress="$FUZZ_SRC/regress/$t"
	dict=
	[ -f "$FUZZ_SRC/$t.dict" ] && dict="-dict=$FUZZ_SRC/$t.dict"
	log="$FUZZ_WORK/$t.log"
	"$FUZZ_BIN/$t" -max_total_time="$FUZZ_TIME" -timeout=20 $dict \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$FUZZ_WORK/crashes/$t-" \
		"$FUZZ_WORK/$t" "$FUZZ_SRC/corpus/$t" $regress >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
		tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		result=ok
	else
		result="CRASH (exit $rc; see $log)"
		failed=$((failed + 1))
		tail -n 40 "$log" | sed 's/^/#   /' >&2
	fi
	printf '%-20s %12s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$result"
	total=$((total + ${execs:-0}))
done
echo "total executions: $total; $failed target(s) crashed"
[ "$failed" -eq 0 ]
