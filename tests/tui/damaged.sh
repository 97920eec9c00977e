#!/bin/sh
# SPDX-License-Identifier: MIT
# damaged.sh: the full screen draws its first screen before the checks
# that read the whole file, and reads no key until they pass: a file whose
# kept totals disagree with its contracts, or whose pages are broken,
# closes the screen with why (exit 2) and is left byte for byte as it was;
# keys typed meanwhile wait (Esc alone stops the checks, exit 130); a
# whole file takes answers as usual.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "not ok 1 - sqlite3 is installed for these tests"; echo "1..1"; exit 1; }
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null || exit 99
"$APMWB" set "$f" nr.method worksheet >/dev/null || exit 99
# 600 contracts: enough that the index of their places spans pages.
awk 'BEGIN { print "label,line,type,risk_min,risk_max,shared_risk,dollars";
	for (i = 1; i <= 600; i++) printf "C%d,commercial,tcoc,1,10,60,%d\n", i, i }' \
	>"$T/c.csv"
"$APMWB" import "$f" "$T/c.csv" >/dev/null 2>&1 || exit 99

# exits_with DESC FILE WANT ARGS...: opens FILE full screen with ARGS; the
# pane shows WANT, the exit is 2 and the file is unchanged.
exits_with() {
	desc=$1 file=$2 want=$3
	shift 3
	cp "$file" "$T/before"
	start -- "$@" "$file"
	expect "$desc: says why" "$want"
	expect "$desc: exits 2" "apmwb-exit=2"
	if cmp -s "$file" "$T/before"; then
		ok "$desc: the file is as it was"
	else
		not_ok "$desc: the file is as it was"
	fi
	if [ -e "$file-journal" ]; then
		not_ok "$desc: nothing is left beside it"
	else
		ok "$desc: nothing is left beside it"
	fi
}

cp "$f" "$T/totals.apmwb"
sqlite3 "$T/totals.apmwb" "UPDATE nr_total SET cents = cents + 1" || exit 99
exits_with "kept totals that disagree, for editing" "$T/totals.apmwb" \
	"do not agree"
exits_with "kept totals that disagree, for review" "$T/totals.apmwb" \
	"do not agree" -r

# Broken pages where the open does not look: the end of the index page
# that holds the contracts' places.
cp "$f" "$T/pages.apmwb"
root=$(sqlite3 "$T/pages.apmwb" "SELECT rootpage FROM sqlite_schema WHERE name = 'contract_pos'")
psize=$(sqlite3 "$T/pages.apmwb" "PRAGMA page_size")
head -c 64 /dev/zero | tr '\0' 'Z' |
	dd of="$T/pages.apmwb" bs=1 seek=$((root * psize - 64)) conv=notrunc 2>/dev/null
exits_with "broken pages, for editing" "$T/pages.apmwb" "is damaged"
exits_with "broken pages, for review" "$T/pages.apmwb" "is damaged" -r

# Keys typed before the program starts wait for the checks, which at
# 10,000 contracts tell their progress: Esc alone stops them and closes
# the workbook, Alt-2 (an Esc sent with a digit) is kept for the screen.
awk 'BEGIN { print "label,line,type,risk_min,risk_max,shared_risk,dollars";
	for (i = 1; i <= 10000; i++) printf "C%d,commercial,tcoc,1,10,60,%d\n", i, i }' \
	>"$T/big.csv"
big="$T/big.apmwb"
"$APMWB" new "$big" >/dev/null 2>&1 && "$APMWB" import "$big" "$T/big.csv" \
	>/dev/null 2>&1 || exit 99
cp "$big" "$T/before"
start_late -- "$big"
keys Escape
expect "Esc typed ahead stops the checks" "was interrupted"
expect "...and closes with 130" "apmwb-exit=130"
if cmp -s "$big" "$T/before"; then
	ok "...the file is as it was"
else
	not_ok "...the file is as it was"
fi
start_late -- "$big"
keys M-2
expect "Alt-2 typed ahead is kept for after the checks" "Payment model selection"
quit
expect "...and the workbook quits as usual" "apmwb-exit=0"

# A whole file: the checks pass and the keys go on as usual.
start -- "$f"
expect "a whole file opens" "General information"
wait_gone "checking" 10
keys Enter C-u
type_text "Janet Roe"
keys Enter
expect_line "an answer is saved after the checks" '^ saved *$'
quit
check_get gi.contact_name "Janet Roe"
done_testing
