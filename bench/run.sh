#!/bin/bash
# SPDX-License-Identifier: MIT
# run.sh: apmwb's speed and memory at 50, 3,000, 10,000 and 1,000,000
# contracts, and the goals of issues 6 and 12, each PASS or FAIL.
# `make bench` runs it; by hand:
#
#   APMWB=./apmwb HARNESS=./bench/harness MAXRSS=./bench/maxrss \
#   TOPSRCDIR=/path/to/src BENCH_DIR=/tmp/bench-data bash bench/run.sh
#
# Optional: BENCH_SIZES (default "50 3000 10000 1000000"; the first is the
# small file every "at N / at 50" goal compares with, the one of 3000 the
# memory goals' base), BENCH_RUNS (default 5: the runs of each figure),
# BENCH_PAIRS (default 11: the pairs of each comparison taken in turns;
# with 5, two runs on this 2-core machine could put the same goal either
# side of its limit), BENCH_IMPORT_N (default 100000: the file of
# the import and export comparisons), BENCH_CACHE_KIB (the page cache the
# store gives a connection, given to every SQL anchor too; default 1024).
#
# How each figure is taken (bench/README.md says why):
# - comparisons run the two sides in turns, A B A B ..., and give the
#   median of the pairwise ratios with their range [lowest-highest];
# - where the disk dominates (every save syncs it three or four times) a
#   comparison is of CPU time (user + system, from wait4 or
#   CLOCK_PROCESS_CPUTIME_ID), or of instruction counts (callgrind);
# - memory is each process's peak RSS (wait4).
set -euo pipefail

: "${APMWB:?APMWB is the apmwb to measure}"
: "${HARNESS:?HARNESS is bench/harness}"
: "${MAXRSS:?MAXRSS is bench/maxrss}"
: "${TOPSRCDIR:?TOPSRCDIR is the source tree}"
: "${BENCH_DIR:?BENCH_DIR is where the data goes}"
SIZES=${BENCH_SIZES:-50 3000 10000 1000000}
RUNS=${BENCH_RUNS:-5}
PAIRS=${BENCH_PAIRS:-11}
IMPORT_N=${BENCH_IMPORT_N:-100000}
CACHE_KIB=${BENCH_CACHE_KIB:-1024}
export BENCH_CACHE_KIB=$CACHE_KIB   # the harness's anchors too
read -r -a sizes <<<"$SIZES"
small=${sizes[0]}
large=${sizes[${#sizes[@]}-1]}
mid=${sizes[1]:-$small}   # the memory goals' base (3,000)

if [ -z "${EPOCHREALTIME:-}" ]; then
	echo "bench: bash 5 is needed (for \$EPOCHREALTIME)" >&2
	exit 2
fi
for tool in sqlite3 valgrind script; do
	command -v "$tool" >/dev/null || {
		echo "bench: $tool is needed (Debian: apt-get install" \
		     "$([ $tool = script ] && echo bsdutils || echo $tool))" >&2
		exit 2
	}
done

mkdir -p "$BENCH_DIR"
work=$BENCH_DIR/work
rm -rf "$work"
mkdir -p "$work"
started=${EPOCHREALTIME/./}

. "$TOPSRCDIR/bench/lib.sh"

# The single-contract operations (bench/harness.c's bench_op_*), at
# these places; instructions are counted over OPS_IR_RUNS of each.
ops="update update_page update_undo delete delete_page delete_undo
     delete_undo_page insert insert_page insert_undo"
places="mid_labeled end_labeled mid_unlabeled end_unlabeled"
OPS_IR_RUNS=3

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
	echo "bench: $n contracts"

	o=() oc=() ok=() ro=() f=() e=() m=() key=()
	"$HARNESS" open "$sub" >/dev/null   # a warm-up, not counted
	for ((i = 0; i < RUNS; i++)); do
		out=$("$HARNESS" open "$sub")
		o+=("$(field open_ms <<<"$out")")
		oc+=("$(field open_cpu_ms <<<"$out")")
		ok+=("$(field first_key_ms <<<"$out")")
		f+=("$(field ws_first_ms <<<"$out")")
		e+=("$(field ws_end_ms <<<"$out")")
		m+=("$(field maxrss_kib <<<"$out")")
		ro+=("$("$HARNESS" open "$sub" ro | field open_ms)")
		key+=("$("$HARNESS" key "$sub" 21 | field key_us)")
	done
	R[open,$n]=$(median "${o[@]}")
	R[opencpu,$n]=$(median "${oc[@]}")
	R[firstkey,$n]=$(median "${ok[@]}")
	R[openro,$n]=$(median "${ro[@]}")
	R[wsfirst,$n]=$(median "${f[@]}")
	R[wsend,$n]=$(median "${e[@]}")
	R[rss_screen,$n]=$(median "${m[@]}")
	R[key,$n]=$(median "${key[@]}")

	# Instructions of one keystroke: callgrind counts bench_keystroke
	# (the live recompute and the whole redraw) and nothing else.
	valgrind --tool=callgrind --collect-atstart=no \
		--toggle-collect=bench_keystroke \
		--callgrind-out-file="$work/callgrind.out" \
		"$HARNESS" key "$sub" 1 >/dev/null 2>"$work/valgrind.log"
	R[ir,$n]=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/valgrind.log")

	# Single-contract operations, on a copy (they change it): CPU time,
	# then instructions, each place in a process of its own under
	# callgrind, which counts each bench_op_* function apart.
	cp "$sub" "$work/ops.apmwb"
	"$HARNESS" ops "$work/ops.apmwb" "$RUNS" >"$work/ops.out"
	while read -r k v; do R[op:$k,$n]=$v; done <"$work/ops.out"
	toggles=()
	for op in $ops run40; do toggles+=("--toggle-collect=bench_op_$op"); done
	for where in $places run40; do
		valgrind --tool=callgrind --collect-atstart=no "${toggles[@]}" \
			--callgrind-out-file="$work/ops.cg" \
			"$HARNESS" ops "$work/ops.apmwb" "$OPS_IR_RUNS" "$where" \
			>/dev/null 2>"$work/valgrind.log"
		calls=$([ "$where" = run40 ] && echo 40 || echo "$OPS_IR_RUNS")
		while read -r op ir; do
			k=$([ "$op" = run40 ] && echo run40 || echo "${where}_$op")
			R[ir:$k,$n]=$((ir / calls))
		done < <(callgrind_annotate --inclusive=yes --threshold=100 \
			"$work/ops.cg" |
			sed -n 's/^ *\([0-9,]*\) .*:bench_op_\([a-z_0-9]*\) .*/\2 \1/p' |
			tr -d ,)
	done
	rm -f "$work/ops.apmwb" "$work/ops.cg"

	out=$("$HARNESS" find "$sub" "$RUNS")
	for k in find_none find_last; do
		R[$k,$n]=$(field "${k}_ms" <<<"$out")
		R[${k}_sql,$n]=$(field "${k}_sql_ms" <<<"$out")
		R[${k}_ratio,$n]=$(field "${k}_ratio" <<<"$out")
		R[${k}_spread,$n]="[$(field "${k}_lo" <<<"$out")-$(field "${k}_hi" <<<"$out")]"
	done
	R[find_rss,$n]=$(field find_rss_growth_kib <<<"$out")

	out=$("$HARNESS" verify "$sub")
	R[vpages,$n]=$(field verify_pages_ms <<<"$out")
	R[vtotals,$n]=$(field verify_totals_ms <<<"$out")

	# Every command: its time and its peak memory.
	cp "$sub" "$work/cmd.apmwb"
	reset='sqlite3 "$work/cmd.apmwb" "UPDATE answer SET value = '"'1.00'"'
		WHERE key = '"'commercial.m8'"'"'
	"$APMWB" export --format json -o "$work/sub.json" "$sub"
	for cmd in get set show check log undo json csv qualtrics contracts \
	           contracts-tty json-tty import import-json; do
		prep=
		case $cmd in
		get) argv=(get "$sub" commercial.m8) ;;
		# each run a change: the answer set back first, behind apmwb's back
		set) argv=(set "$work/cmd.apmwb" commercial.m8 910000001.00)
			prep=$reset ;;
		undo) argv=(undo "$work/cmd.apmwb")
			prep='"$APMWB" set "$work/cmd.apmwb" commercial.m8 9100000$i.00' ;;
		check|show|log) argv=("$cmd" "$sub") ;;
		# not installed: the map the build would install
		qualtrics) argv=(export --format qualtrics --map \
			"$TOPSRCDIR/share/qualtrics-map-2020.csv" -o "$work/out" "$sub") ;;
		*-tty) argv=(script -qfec "$APMWB export --format ${cmd%-tty} $sub" \
			/dev/null) ;;
		import) argv=(import "$work/import.apmwb" "$csv")
			prep='cp "$base" "$work/import.apmwb"' ;;
		import-json) argv=(import "$work/import.apmwb" "$work/sub.json")
			prep='cp "$base" "$work/import.apmwb"' ;;
		*) argv=(export --format "$cmd" -o "$work/out" "$sub") ;;
		esac
		t=() c=() r=()
		for ((i = 0; i < RUNS; i++)); do
			eval "$prep"
			if [ "${argv[0]}" = script ]; then
				measure "${argv[@]}"
			else
				measure "$APMWB" "${argv[@]}"
			fi
			t+=("$M_WALL") c+=("$M_CPU") r+=("$M_RSS")
		done
		R[t:$cmd,$n]=$(median "${t[@]}")
		R[c:$cmd,$n]=$(median "${c[@]}")
		R[rss:$cmd,$n]=$(median "${r[@]}")
	done

	# A file of the schema before (version 1: without the history's key
	# index, and its edition without what versions 3 and 4 added), read as a
	# reviewer reads it.
	cp "$sub" "$work/v1.apmwb"
	sqlite3 "$work/v1.apmwb" "DROP INDEX history_key;
		ALTER TABLE edition DROP COLUMN name_key;
		ALTER TABLE edition DROP COLUMN nr_method;
		ALTER TABLE edition DROP COLUMN nr_attest;
		ALTER TABLE edition DROP COLUMN nr_worksheet;
		ALTER TABLE edition DROP COLUMN nr_model;
		ALTER TABLE edition_tab DROP COLUMN rows_head;
		ALTER TABLE edition_question DROP COLUMN short_label;
		ALTER TABLE edition_question DROP COLUMN section_short;
		ALTER TABLE edition_question DROP COLUMN total_of;
		ALTER TABLE edition_question DROP COLUMN instruction;
		DROP TABLE edition_line; DROP TABLE edition_category;
		DROP TABLE edition_measure; PRAGMA user_version = 1"
	t=() r=()
	for ((i = 0; i < RUNS; i++)); do
		measure "$APMWB" get "$work/v1.apmwb" commercial.m8
		t+=("$M_WALL") r+=("$M_RSS")
	done
	R[t:getv1,$n]=$(median "${t[@]}")
	R[rss:getv1,$n]=$(median "${r[@]}")
	# The goal's figure in turns with the same read of the latest file.
	if [ "$n" = "$large" ]; then
		cp "$sub" "$work/latest.apmwb"
		turns getv1 "$PAIRS" wall "" -- \
			"$APMWB" get "$work/v1.apmwb" commercial.m8 -- \
			"$APMWB" get "$work/latest.apmwb" commercial.m8
	fi
	rm -f "$work"/*.apmwb "$work/sub.json" "$work/out"
done

# ---- the comparisons ---------------------------------------------------------
echo "bench: comparisons ($PAIRS pairs each, in turns)"
icsv=$BENCH_DIR/contracts-$IMPORT_N.csv
isub=$BENCH_DIR/sub-$IMPORT_N.apmwb
anchor="PRAGMA journal_mode=DELETE; PRAGMA synchronous=EXTRA;
PRAGMA cache_size=-$CACHE_KIB;"

# Import: apmwb into a copy of a file with every tab answered, against the
# sqlite3 shell's .import into a table of the same columns and index
# (contract_pos) with the same journal, sync and cache.  Where they
# differ: the shell's CSV carries the positions apmwb works out (one more
# column), the shell keeps the figures as SQLite parses them (apmwb parses
# money and percents exactly into integers, and checks each), and the
# shell writes no totals and no history row.
awk -F'\n' 'NR == 1 { print $0 ",pos"; next } { print $0 "," (NR - 1) * 1024 }' \
	"$icsv" >"$work/anchor.csv"
cat >"$work/anchor-schema.sql" <<EOF
CREATE TABLE contract (label TEXT, line TEXT, type TEXT, risk_min INTEGER,
  risk_max INTEGER, shared_risk INTEGER, dollars INTEGER, pos INTEGER NOT NULL);
CREATE INDEX contract_pos ON contract (pos);
EOF
setup='rm -f "$work/import.apmwb" "$work/bare.db"; cp "$base" "$work/import.apmwb"
	sqlite3 "$work/bare.db" <"$work/anchor-schema.sql"'
turns import "$PAIRS" wall "$setup" -- "$APMWB" import "$work/import.apmwb" "$icsv" -- \
	sqlite3 "$work/bare.db" "$anchor" ".import --csv --skip 1 $work/anchor.csv contract"
turns importcpu "$PAIRS" cpu "$setup" -- "$APMWB" import "$work/import.apmwb" "$icsv" -- \
	sqlite3 "$work/bare.db" "$anchor" ".import --csv --skip 1 $work/anchor.csv contract"

# Exports: CPU time against sqlite3 -csv writing the contract table (to a
# file each, so no terminal is timed).
for fmt in contracts json; do
	turns "export_$fmt" "$PAIRS" cpu "" -- \
		"$APMWB" export --format "$fmt" -o "$work/out.$fmt" "$isub" -- \
		sqlite3 -csv "$isub" "PRAGMA cache_size=-$CACHE_KIB;" \
		".output $work/out.csv" "SELECT * FROM contract"
done

# `apmwb set` against the sqlite3 shell opening a file and committing one
# row with the same durability (journal_mode=DELETE, synchronous=EXTRA),
# whole processes, wall time (what a script waits for) and CPU.
cp "$BENCH_DIR/sub-$small.apmwb" "$work/set.apmwb"
sqlite3 "$work/set.db" "PRAGMA journal_mode=DELETE;
	CREATE TABLE answer (key TEXT PRIMARY KEY, value TEXT)" >/dev/null
bare_set="PRAGMA synchronous=EXTRA; BEGIN IMMEDIATE; INSERT OR REPLACE INTO
	answer VALUES ('commercial.m8', '910000001.00'); COMMIT;"
# Each run of apmwb a change: the answer is set back first, untimed.
reset='sqlite3 "$work/set.apmwb" "UPDATE answer SET value = '"'1.00'"'
	WHERE key = '"'commercial.m8'"'"'
turns set "$PAIRS" wall "$reset" -- "$APMWB" set "$work/set.apmwb" commercial.m8 \
	910000001.00 -- sqlite3 "$work/set.db" "$bare_set"
turns setcpu "$PAIRS" cpu "$reset" -- "$APMWB" set "$work/set.apmwb" \
	commercial.m8 910000001.00 -- sqlite3 "$work/set.db" "$bare_set"
# The same against the shell making apmwb's own writes (the answer's upsert
# and its history row) in a copy of the same file: the same tables, indexes
# and page layout, so what is left between the two is the process's own work
# (the edition's load, the page check, the validation).
cp "$BENCH_DIR/sub-$small.apmwb" "$work/same.apmwb"
same_set="PRAGMA cache_size=-$CACHE_KIB; PRAGMA synchronous=EXTRA;
	BEGIN IMMEDIATE; SELECT value FROM answer WHERE key = 'commercial.m8';
	INSERT INTO answer(key, value, updated) VALUES ('commercial.m8',
	'910000001.00', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT(key)
	DO UPDATE SET value = excluded.value, updated = excluded.updated;
	INSERT INTO history(at, who, what, key, old, new) VALUES
	(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench', 'answer',
	'commercial.m8', '1.00', '910000001.00'); COMMIT;"
reset_both=$reset'; sqlite3 "$work/same.apmwb" "UPDATE answer SET value = '"'1.00'"'
	WHERE key = '"'commercial.m8'"'"'
turns setsame "$PAIRS" wall "$reset_both" -- "$APMWB" set "$work/set.apmwb" \
	commercial.m8 910000001.00 -- sqlite3 "$work/same.apmwb" "$same_set"

# Saving in one process on an open file: apmwb's session_set_text against
# a bare one-row transaction with the same durability, and EXTRA against
# FULL (one folder sync more a save).
cp "$BENCH_DIR/sub-$small.apmwb" "$work/save.apmwb"
out=$("$HARNESS" save "$work/save.apmwb" "$work" 31)
save_ms=$(field save_ms <<<"$out") save_bare=$(field bare_ms <<<"$out")
save_full=$(field full_ms <<<"$out") save_cpu=$(field save_cpu_ms <<<"$out")
save_ratio=$(field save_vs_extra_ratio <<<"$out")
save_spread="[$(field save_vs_extra_lo <<<"$out")-$(field save_vs_extra_hi <<<"$out")]"
xf_ratio=$(field extra_vs_full_ratio <<<"$out")
xf_spread="[$(field extra_vs_full_lo <<<"$out")-$(field extra_vs_full_hi <<<"$out")]"
xf_ms=$(field extra_minus_full_ms <<<"$out")

# What progress costs an import (a callback that counts, in turns with
# none).
cp "$base" "$work/progress.apmwb"
out=$("$HARNESS" progress "$work/progress.apmwb" "$icsv" "$PAIRS")
prog_ratio=$(field progress_ratio <<<"$out")
prog_spread="[$(field progress_lo <<<"$out")-$(field progress_hi <<<"$out")]"
prog_calls=$(field progress_calls <<<"$out")
rm -f "$work"/*.apmwb "$work"/*.db "$work"/out.*

# ---- the tables --------------------------------------------------------------
row() {
	local what=$1 key=$2 unit=$3
	printf '%-46s' "$what ($unit)"
	for n in "${sizes[@]}"; do printf ' %10s' "${R[$key,$n]:-n/a}"; done
	printf '\n'
}
head_row() {
	printf '%-46s' "$1"
	for n in "${sizes[@]}"; do printf ' %10s' "$n"; done
	printf '\n'
}
echo
head_row "contracts in the file"
row "open to the first full screen" open ms
row "  its CPU" opencpu ms
row "  then the checks, to the first key read" firstkey ms
row "open read-only to the first screen" openro ms
row "worksheet: its first page" wsfirst ms
row "worksheet: End, PgUp, Home" wsend ms
row "keystroke in a money field" key us
row "keystroke in a money field" ir Ir
row "find, no label holds it" find_none ms
row "  SQL scan of the labels (LIKE)" find_none_sql ms
row "find, only the last label holds it" find_last ms
row "  SQL scan of the labels (LIKE)" find_last_sql ms
row "memory find adds (max RSS)" find_rss KiB
row "check the pages (quick_check)" vpages ms
row "check the totals against the contracts" vtotals ms
for cmd in get set show check log undo json csv qualtrics contracts \
           contracts-tty json-tty import import-json getv1; do
	case $cmd in
	json|csv|qualtrics|contracts) w="export --format $cmd" ;;
	*-tty) w="export --format ${cmd%-tty} to a terminal" ;;
	import) w="import the contracts CSV" ;;
	import-json) w="import the JSON export" ;;
	getv1) w="get, a file of schema version 1" ;;
	*) w=$cmd ;;
	esac
	row "$w" "t:$cmd" ms
done
echo
head_row "single-contract operations"
for where in $places; do
	for op in $ops; do
		row "${where/_/, } $op" "ir:${where}_${op}" Ir
		row "  its CPU" "op:${where}_${op}_us" us
	done
done
row "40 inserts in a row at one place, mean" ir:run40 Ir
row "  its CPU" op:run40_mean_us us
row "  the worst one's CPU" op:run40_max_us us
echo
head_row "peak memory (max RSS)"
row "the full screen (open, worksheet pages)" rss_screen KiB
for cmd in get set show check log undo json csv qualtrics contracts \
           contracts-tty json-tty import import-json getv1; do
	row "$cmd" "rss:$cmd" KiB
done
echo
line() { printf '%-50s %12s\n' "$1" "$2"; }
line "import $IMPORT_N contracts: apmwb (ms)" "${T[import,a]}"
line "  sqlite3 shell .import, same index (ms)" "${T[import,b]}"
line "export $IMPORT_N --format contracts (CPU ms)" "${T[export_contracts,a]}"
line "export $IMPORT_N --format json (CPU ms)" "${T[export_json,a]}"
line "  sqlite3 -csv select * from contract (CPU ms)" "${T[export_json,b]}"
line "apmwb set, whole process (ms)" "${T[set,a]}"
line "  sqlite3 shell one-row commit, EXTRA (ms)" "${T[set,b]}"
line "apmwb set, whole process (CPU ms)" "${T[setcpu,a]}"
line "  sqlite3 shell one-row commit (CPU ms)" "${T[setcpu,b]}"
line "  sqlite3 shell, apmwb's writes, same file (ms)" "${T[setsame,b]}"
line "save one answer, in-process: apmwb (ms)" "$save_ms"
line "  its CPU (ms)" "$save_cpu"
line "  bare one-row transaction, EXTRA (ms)" "$save_bare"
line "  bare one-row transaction, FULL (ms)" "$save_full"
line "  EXTRA - FULL, median of pairs (ms)" "$xf_ms"
line "progress callbacks in one import of $IMPORT_N" "$prog_calls"

# ---- the goals ----------------------------------------------------------------
fails=0
goal() {
	local what=$1 r=$2 max=$3 spread=${4:-} verdict
	# A figure not taken (n/a) is no pass.
	verdict=$(awk -v r="$r" -v m="$max" 'BEGIN { print (r != "inf" && r != "" && r + 0 > 0 && r + 0 <= m + 0) ? "PASS" : "FAIL" }')
	[ "$verdict" = PASS ] || fails=$((fails + 1))
	printf '%-56s %7sx %-15s (<= %sx)  %s\n' "$what" \
		"$(awk -v r="$r" 'BEGIN { if (r !~ /^[0-9.]+$/) print r; else printf "%.2f", r }')" \
		"$spread" "$max" "$verdict"
}
at() {
	if [ -z "${R[$1,$large]:-}" ] || [ -z "${R[$1,$small]:-}" ]; then
		echo n/a
	else
		ratio "${R[$1,$large]}" "${R[$1,$small]}"
	fi
}
echo
echo "goals (ratios of medians; [lowest-highest] of the pairs where taken in turns):"
for where in $places; do
	for op in $ops; do
		goal "${where/_/, } $op (Ir): $large / $small" \
			"$(at "ir:${where}_${op}")" 1.5
	done
done
goal "40 inserts at one place, mean (Ir): $large / $small" "$(at ir:run40)" 1.5
goal "find, no match / SQL scan, $large" "${R[find_none_ratio,$large]}" 1.5 \
	"${R[find_none_spread,$large]}"
goal "find, match in the last row / SQL scan, $large" \
	"${R[find_last_ratio,$large]}" 1.5 "${R[find_last_spread,$large]}"
# "Memory unchanged by it": what find adds, against the screen's peak.
goal "memory find adds / the full screen's, $large" \
	"$(ratio "$(( ${R[rss_screen,$large]} + ${R[find_rss,$large]} ))" \
	         "${R[rss_screen,$large]}")" 1.05
goal "peak memory, the full screen: $large / $mid" \
	"$(ratio "${R[rss_screen,$large]}" "${R[rss_screen,$mid]}")" 1.25
for cmd in get set show check log undo json csv qualtrics contracts \
           contracts-tty json-tty import import-json getv1; do
	goal "peak memory, $cmd: $large / $mid" \
		"$(ratio "${R[rss:$cmd,$large]}" "${R[rss:$cmd,$mid]}")" 1.25
done
goal "a file of version 1 / of the latest: get, $large" \
	"${T[getv1,ratio]}" 1.25 "[${T[getv1,lo]}-${T[getv1,hi]}]"
goal "import $IMPORT_N: apmwb / sqlite3 .import (wall)" "${T[import,ratio]}" 1.2 \
	"[${T[import,lo]}-${T[import,hi]}]"
goal "import $IMPORT_N: apmwb / sqlite3 .import (CPU)" "${T[importcpu,ratio]}" 1.2 \
	"[${T[importcpu,lo]}-${T[importcpu,hi]}]"
for fmt in contracts json; do
	goal "export $fmt $IMPORT_N: apmwb / sqlite3 -csv (CPU)" \
		"${T[export_$fmt,ratio]}" 1.2 \
		"[${T[export_$fmt,lo]}-${T[export_$fmt,hi]}]"
done
goal "apmwb set / sqlite3 one-row commit (wall)" "${T[set,ratio]}" 1.2 \
	"[${T[set,lo]}-${T[set,hi]}]"
goal "apmwb set / sqlite3, its writes, same file (wall)" \
	"${T[setsame,ratio]}" 1.2 "[${T[setsame,lo]}-${T[setsame,hi]}]"
goal "save one answer: apmwb / bare transaction" "$save_ratio" 1.5 "$save_spread"
goal "progress: an import told / not told (CPU)" "$prog_ratio" 1.01 "$prog_spread"
goal "keystroke Ir: $large / $small contracts" "$(at ir)" 1.2
goal "open to first screen: $large / $small contracts" "$(at open)" 2
echo
echo "for the record (no goal): the worst of 40 inserts at one place (CPU):" \
	"$(at op:run40_max_us)x $large / $small;"
echo "synchronous=EXTRA / FULL, one save:" \
	"$(awk -v r="$xf_ratio" 'BEGIN { printf "%.2fx", r }') $xf_spread," \
	"$xf_ms ms more; set CPU: $(awk -v r="${T[setcpu,ratio]}" 'BEGIN { printf "%.2fx", r }')" \
	"[${T[setcpu,lo]}-${T[setcpu,hi]}]"
ended=${EPOCHREALTIME/./}
echo
echo "bench: ${#sizes[@]} sizes, $RUNS runs, $PAIRS pairs," \
	"$(( (ended - started) / 1000000 )) s;" \
	"$fails goal(s) missed."
rm -rf "$work"
