#!/bin/sh
# SPDX-License-Identifier: MIT
# valgrind-run.sh: make check-valgrind's LOG_COMPILER.  Runs one test of
# the suite with the program under valgrind:
#  - a shell test (*.sh) runs as usual, with $APMWB pointing at
#    valgrind-wrap.sh, which runs the real program under valgrind;
#  - a test program (check units, fuzz replays) runs under valgrind itself,
#    with CK_FORK=no so check's tests run in the process valgrind watches.
# valgrind writes to a log per process, never to the test's stdout/stderr
# (tests compare those, and the full-screen tests read the terminal).  Any
# error or leak in any log fails the test, and the log is shown.
# The full-screen tests wait for screens; valgrind makes the program ~30
# times slower, so their waits are scaled (APMWB_TIMEOUT_SCALE).
here=$(cd "$(dirname "$0")" && pwd)
VALGRIND_LOGS=$(mktemp -d "${TMPDIR:-/tmp}/apmwb-vg.XXXXXX") || exit 99
export VALGRIND_LOGS
# Without --track-origins, which doubles the time: to find where an
# uninitialised value came from, run with VALGRIND_OPTS=--track-origins=yes
# (valgrind reads that variable itself).
VALGRIND_OPTS_APMWB="--error-exitcode=97 --leak-check=full \
--errors-for-leak-kinds=definite,indirect,possible --num-callers=30 \
--suppressions=$here/valgrind.supp"
export VALGRIND_OPTS_APMWB
case $1 in
*.sh)
	APMWB_REAL=$APMWB
	APMWB=$here/valgrind-wrap.sh
	APMWB_TIMEOUT_SCALE=${APMWB_TIMEOUT_SCALE:-30}
	export APMWB APMWB_REAL APMWB_TIMEOUT_SCALE
	"$@"
	status=$?
	;;
*)
	# Children a test forks stand in for another process or a writer
	# killed mid-save: they _exit() holding what the parent had open,
	# on purpose, so their heaps are not judged.
	# shellcheck disable=SC2086
	CK_FORK=no valgrind $VALGRIND_OPTS_APMWB --child-silent-after-fork=yes \
		--log-file="$VALGRIND_LOGS/vg.%p.log" "$@"
	status=$?
	;;
esac
bad=0
for log in "$VALGRIND_LOGS"/vg.*.log; do
	[ -f "$log" ] || continue
	# A process killed outright (the crash tests' SIGKILL) leaves no
	# summary: nothing to judge.  Leaks count as errors (see the options).
	if grep -q 'ERROR SUMMARY: [1-9]' "$log"; then
		bad=$((bad + 1))
		echo "valgrind found errors:" >&2
		cat "$log" >&2
	fi
done
rm -rf "$VALGRIND_LOGS"
if [ "$bad" -gt 0 ]; then
	echo "valgrind: errors in $bad process(es) of $*" >&2
	[ "$status" -eq 0 ] && status=1
fi
exit "$status"
