# SPDX-License-Identifier: MIT
# lib.sh: what the bench scripts share.  Source it after setting $work
# (a scratch folder of the run).

# The median of the numbers given (integers or decimals).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
	if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

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
