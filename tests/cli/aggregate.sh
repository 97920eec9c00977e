#!/bin/sh
# SPDX-License-Identifier: MIT
# aggregate.sh: national figures from three plans worked out on paper,
# drafts left out and let in, files that cannot be counted, a plan sent
# twice, a line failing its cross-check, a sum past apmwb's exact range.
. "$TOPSRCDIR/tests/cli/lib.sh"

# contact FILE ORG: a new submission with its contact answered.
contact() {
	"$APMWB" new "$1" >/dev/null &&
	"$APMWB" set "$1" gi.contact_name "Ann Lee" &&
	"$APMWB" set "$1" gi.contact_email ann@example.org &&
	"$APMWB" set "$1" gi.contact_phone "(555) 010-1000" &&
	"$APMWB" set "$1" gi.org_name "$2"
}

# answers FILE KEY=VALUE...
answers() {
	f=$1
	shift
	for kv in "$@"; do
		"$APMWB" set "$f" "${kv%%=*}" "${kv#*=}" || return 1
	done
}

# The three plans of tests/check_aggregate.c, in dollars:
#   A (Alpha Health), commercial: row 1 1,000,000,000 = row 2 350,000,000
#     + row 4 (P4P) 100,000,000 + row 8 (FFS shared risk) 300,000,000
#     + row 12 (population-based) 250,000,000; nominal risk attested.
#   B (Beta Care), commercial: row 1 3,000,000,000 = row 2 1,500,000,000
#     + row 6 (shared savings) 500,000,000 + row 9 (bundles) 1,000,000,000;
#     medicaid: row 1 2,000,000,000 = row 2 2,000,000,000.
#   C (Gamma Plan), MA: row 1 500,000,000 = row 15 (integrated) 500,000,000;
#     row 2 keeps 999,000,000 under a legacy model marked not in effect:
#     hidden, so counted nowhere.
{
	contact "$T/a.apmwb" "Alpha Health" &&
	answers "$T/a.apmwb" gi.lob.commercial=yes pm.commercial.cat1_legacy=yes \
		pm.commercial.cat2c_p4p=yes pm.commercial.cat3b_shared_risk=yes \
		pm.commercial.cat4b_population=yes commercial.m1=1000000000 \
		commercial.m2=350000000 commercial.m4=100000000 \
		commercial.m8=300000000 commercial.m12=250000000 nr.method=attest &&
	contact "$T/b.apmwb" "Beta Care" &&
	answers "$T/b.apmwb" gi.lob.commercial=yes gi.lob.medicaid=yes \
		pm.commercial.cat1_legacy=yes pm.commercial.cat3a_shared_savings=yes \
		pm.commercial.cat3b_procedure_bundles=yes pm.medicaid.cat1_legacy=yes \
		commercial.m1=3000000000 commercial.m2=1500000000 \
		commercial.m6=500000000 commercial.m9=1000000000 \
		medicaid.m1=2000000000 medicaid.m2=2000000000 &&
	contact "$T/c.apmwb" "Gamma Plan" &&
	answers "$T/c.apmwb" gi.lob.ma=yes pm.ma.cat1_legacy=no \
		pm.ma.cat4c_integrated=yes ma.m1=500000000 ma.m2=999000000 \
		ma.m15=500000000 &&
	for p in a b c; do
		"$APMWB" complete "$T/$p.apmwb" --by "Ann Lee" || exit 99
	done
} >/dev/null 2>&1 || exit 99

# Commercial (A + B): total 4,000,000,000.
#   cat1 350 + 1500 = 1850 (millions): 46.25% -> 46.3 (half away from zero)
#   cat2 100 (B has no Category 2): 2.5
#   cat3 300 + (500 + 1000) = 1800: 45.0
#   cat4 250: 6.25% -> 6.3
#   cat2_4 (100 + 300 + 250) + 1500 = 2150: 53.75% -> 53.8
#   cat3_4 (300 + 250) + 1500 = 2050: 51.25% -> 51.3
#   cat3b_4 rows 8 + 9 + 16: (300 + 250) + 1000 = 1550: 38.75% -> 38.8
#   nr_meets A's attested row 8, 300: 7.5; nr_fails 0: 0.0
# MA (C): total 500; cat1 0 (row 2 hidden): 0.0; row 16 = 500 counts in
#   cat4, 2-4, 3-4 and 3B-4: 100.0; no nominal risk: 0.
# Medicaid (B): total 2000 = cat1: 100.0; the rest 0.
# All lines: total 4000 + 500 + 2000 = 6500.
#   cat1 1850 + 2000 = 3850: 59.23% -> 59.2; cat2 100: 1.54% -> 1.5
#   cat3 1800: 27.69% -> 27.7; cat4 250 + 500 = 750: 11.54% -> 11.5
#   cat2_4 2150 + 500 = 2650: 40.77% -> 40.8
#   cat3_4 2050 + 500 = 2550: 39.23% -> 39.2
#   cat3b_4 1550 + 500 = 2050: 31.54% -> 31.5; nr_meets 300: 4.62% -> 4.6
cat >"$T/want.csv" <<'EOF'
line,measure,dollars,share
commercial,total,4000000000.00,100.0
commercial,cat1,1850000000.00,46.3
commercial,cat2,100000000.00,2.5
commercial,cat3,1800000000.00,45.0
commercial,cat4,250000000.00,6.3
commercial,cat2_4,2150000000.00,53.8
commercial,cat3_4,2050000000.00,51.3
commercial,cat3b_4,1550000000.00,38.8
commercial,nr_meets,300000000.00,7.5
commercial,nr_fails,0.00,0.0
ma,total,500000000.00,100.0
ma,cat1,0.00,0.0
ma,cat2,0.00,0.0
ma,cat3,0.00,0.0
ma,cat4,500000000.00,100.0
ma,cat2_4,500000000.00,100.0
ma,cat3_4,500000000.00,100.0
ma,cat3b_4,500000000.00,100.0
ma,nr_meets,0.00,0.0
ma,nr_fails,0.00,0.0
medicaid,total,2000000000.00,100.0
medicaid,cat1,2000000000.00,100.0
medicaid,cat2,0.00,0.0
medicaid,cat3,0.00,0.0
medicaid,cat4,0.00,0.0
medicaid,cat2_4,0.00,0.0
medicaid,cat3_4,0.00,0.0
medicaid,cat3b_4,0.00,0.0
medicaid,nr_meets,0.00,0.0
medicaid,nr_fails,0.00,0.0
all,total,6500000000.00,100.0
all,cat1,3850000000.00,59.2
all,cat2,100000000.00,1.5
all,cat3,1800000000.00,27.7
all,cat4,750000000.00,11.5
all,cat2_4,2650000000.00,40.8
all,cat3_4,2550000000.00,39.2
all,cat3b_4,2050000000.00,31.5
all,nr_meets,300000000.00,4.6
all,nr_fails,0.00,0.0
EOF
run aggregate --format csv "$T/a.apmwb" "$T/b.apmwb" "$T/c.apmwb"
printf '%s\n' "$out" | tr -d '\r' >"$T/got.csv"
check "three signed-off plans are counted (exit 0), nothing noted" \
	eval 'is $status 0 && is "$err" ""'
check "the national figures are those worked out on paper" \
	cmp -s "$T/want.csv" "$T/got.csv"
check "csv rows end in CRLF, as the other CSV exports" \
	eval 'has "$(head -c 28 "$T/.out" | od -c)" "\\r  \\n"'

run aggregate "$T/a.apmwb" "$T/b.apmwb" "$T/c.apmwb"
check "text: each file with its organisation, state and checks" \
	eval 'is $status 0 && has "$out" "a.apmwb: Alpha Health, complete, 0 errors, 0 warnings: counted" &&
	has "$out" "c.apmwb: Gamma Plan, complete, 0 errors, 1 warning: counted"'
check "text: the table with the measure, dollars and share" \
	eval 'has "$out" "cat3b_4  Categories 3B-4 (rows 8+9+16)        \$1,550,000,000.00   38.8%" &&
	has "$out" "3 of 3 files counted; edition 2020 (CY 2019), signed-off submissions only"'
check "text: each line with how many plans report it" \
	eval 'has "$out" "Commercial: 2 submissions" && has "$out" "Medicare Advantage: 1 submission"'
check "text: a bar per line, in the workbook's glyphs" has "$out" "░░░"

run aggregate --format json "$T/a.apmwb" "$T/b.apmwb" "$T/c.apmwb"
check "json: the figures and the file list" \
	eval 'is $status 0 && has "$out" "\"line\": \"all\", \"measure\": \"cat3b_4\", \"dollars\": \"2050000000.00\", \"share\": \"31.5\"" &&
	has "$out" "\"organisation\": \"Beta Care\", \"state\": \"complete\"" &&
	has "$out" "\"files_counted\": 3"'

# ---- drafts ----------------------------------------------------------------
# D (Delta Health), a draft: commercial row 1 1,000,000,000 = row 2.
{
	contact "$T/d.apmwb" "Delta Health" &&
	answers "$T/d.apmwb" gi.lob.commercial=yes pm.commercial.cat1_legacy=yes \
		commercial.m1=1000000000 commercial.m2=1000000000
} >/dev/null 2>&1 || exit 99
run aggregate --format csv "$T/a.apmwb" "$T/d.apmwb"
check "a draft is left out, and noted" \
	eval 'is $status 0 && has "$err" "d.apmwb left out: a draft, not signed off" &&
	has "$out" "commercial,total,1000000000.00,100.0"'
# With D: commercial 1000 + 1000 = 2000; cat1 350 + 1000 = 1350: 67.5.
run aggregate --format csv --include-drafts "$T/a.apmwb" "$T/d.apmwb"
check "--include-drafts counts it" \
	eval 'is $status 0 && has "$out" "commercial,total,2000000000.00,100.0" &&
	has "$out" "commercial,cat1,1350000000.00,67.5"'
run aggregate "$T/d.apmwb" "$T/d.apmwb"
check "no signed-off file: exit 1, saying why" \
	eval 'is $status 1 && has "$err" "no signed-off submission among 2 files; --include-drafts counts drafts too" &&
	has "$out" "d.apmwb: Delta Health, draft, 0 errors, 0 warnings: left out: a draft"'

# ---- files that cannot be counted --------------------------------------------
printf 'not a database\n' >"$T/junk.apmwb"
sqlite3 "$T/other.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1);' || exit 99
chmod 0644 "$T/a.apmwb"
cp "$T/a.apmwb" "$T/locked.apmwb"
chmod 0000 "$T/locked.apmwb"
# The folder's names, sizes and times to the nanosecond, and the bytes.
listing() { ls -l --time-style=full-iso "$T" | grep -v -e '^total' -e locked | sort; }
before=$(listing)
sum_before=$(cat "$T"/a.apmwb "$T"/b.apmwb | cksum)
run aggregate "$T/a.apmwb" "$T/junk.apmwb" "$T/other.db" "$T/missing.apmwb" \
	"$T/locked.apmwb"
# root reads a file whatever its mode: then it is counted too.
if [ "$(id -u)" -ne 0 ]; then n=1; else n=2; fi
check "files that cannot be read are listed, the rest counted (exit 0)" \
	eval 'is $status 0 && has "$out" "$n of 5 files counted"'
check "a file that is not a database, with its reason" \
	eval 'has "$out" "junk.apmwb: left out: cannot be read" && has "$out" "junk.apmwb is not an apmwb submission (not a database)"'
check "another program's database" \
	has "$out" "other.db is another program's SQLite database, not an apmwb submission"
check "a file that is not there" has "$out" "missing.apmwb: no such file"
if [ "$(id -u)" -ne 0 ]; then
	check "a file that may not be read" has "$out" "locked.apmwb cannot be opened"
else
	ok "a file that may not be read (skipped: root reads everything) # SKIP"
fi
chmod 0600 "$T/locked.apmwb"
rm -f "$T/locked.apmwb"
check "nothing is written: the folder and the files as they were" \
	eval '[ "$(listing)" = "$before" ] &&
	[ "$(cat "$T"/a.apmwb "$T"/b.apmwb | cksum)" = "$sum_before" ]'
run aggregate "$T/junk.apmwb"
check "none readable: exit 1" \
	eval 'is $status 1 && has "$err" "no submission could be counted among 1 file"'
run aggregate
check "no file at all: a usage error (exit 2)" is "$status" 2
run aggregate --format xml "$T/a.apmwb"
check "an unknown format: exit 2" eval 'is $status 2 && has "$err" "unknown format"'

# ---- another edition ------------------------------------------------------
cp "$T/b.apmwb" "$T/e2021.apmwb"
sqlite3 "$T/e2021.apmwb" "UPDATE edition SET id = '2021';" || exit 99
run aggregate "$T/a.apmwb" "$T/e2021.apmwb"
check "a file of another edition is left out, with its reason" \
	eval 'is $status 0 && has "$out" "e2021.apmwb: Beta Care, complete, 0 errors, 0 warnings: left out: of edition 2021; these figures are of edition 2020"'

# ---- a plan sent twice, a line failing its cross-check ----------------------
cp "$T/a.apmwb" "$T/a-again.apmwb"
run aggregate "$T/a.apmwb" "$T/b.apmwb" "$T/a-again.apmwb"
check "two files of one organisation: flagged, naming the first" \
	eval 'is $status 0 && has "$out" "same organisation as $T/a.apmwb: a plan sent twice?"'
check "and both counted (commercial 1000 + 3000 + 1000)" \
	has "$out" "total    Total dollars paid (row 1)           \$5,000,000,000.00  100.0%"
# F (Foxtrot Care), a draft whose commercial numerators are 900,000,000
# against a row 1 of 1,000,000,000: an error, so it cannot be signed off.
{
	contact "$T/f.apmwb" "Foxtrot Care" &&
	answers "$T/f.apmwb" gi.lob.commercial=yes pm.commercial.cat1_legacy=yes \
		commercial.m1=1000000000 commercial.m2=900000000
} >/dev/null 2>&1 || exit 99
run aggregate --include-drafts "$T/a.apmwb" "$T/f.apmwb"
check "a line failing its cross-check is counted, and listed" \
	eval 'is $status 0 && has "$out" "f.apmwb: Foxtrot Care, draft, 1 error, 0 warnings: counted" &&
	has "$out" "    Commercial: the numerators add up to \$900,000,000.00, not the denominator \$1,000,000,000.00 (short by \$100,000,000.00)"'
check "its dollars count as they are (cat1 350 + 900 = 1250 of 2000: 62.5)" \
	has "$out" "\$1,250,000,000.00   62.5%"
run aggregate --format csv --include-drafts "$T/f.apmwb"
check "in csv, the failing cross-check is noted on stderr" \
	has "$err" "f.apmwb: Commercial: the numerators add up to"

# ---- past the exact range ---------------------------------------------------
# O: every numerator row of all three lines at the largest amount a field
# takes, $99,999,999,999,999.99 (9,999,999,999,999,999 cents).  A line's
# cat2_4 (rows 3, 4, 6-9, 11-15: eleven rows) is 11 x that, about 1.1e17
# cents (109,999,999,999,999,989), and the three lines 329,999,999,999,999,967
# a file; 27 files make 8,909,999,999,999,999,109 cents for all lines, which
# fits int64 (9,223,372,036,854,775,807), 28 make 9,239,999,999,999,999,076,
# which does not.  One line of 28 files: 3,079,999,999,999,999,692 cents.
max=99999999999999.99
{
	printf '{"format": "apmwb-submission", "version": 1, "edition": "2020", "answers": {'
	printf '"gi.org_name": "Omega", "gi.lob.commercial": "yes", "gi.lob.ma": "yes", "gi.lob.medicaid": "yes"'
	for l in commercial ma medicaid; do
		for m in cat1_legacy cat2a_foundational cat2c_p4p cat3a_shared_savings \
			cat3a_utilization_savings cat3b_shared_risk cat3b_procedure_bundles \
			cat4a_condition_population cat4a_condition_bundles \
			cat4b_population cat4b_premium cat4c_integrated; do
			printf ', "pm.%s.%s": "yes"' "$l" "$m"
		done
		for r in 1 2 3 4 6 7 8 9 11 12 13 14 15; do
			printf ', "%s.m%s": "%s"' "$l" "$r" "$max"
		done
	done
	printf '}}\n'
} >"$T/omega.json"
"$APMWB" new "$T/o1.apmwb" >/dev/null 2>&1 &&
"$APMWB" import "$T/o1.apmwb" "$T/omega.json" >/dev/null 2>&1 || exit 99
i=2
while [ $i -le 28 ]; do cp "$T/o1.apmwb" "$T/o$i.apmwb"; i=$((i + 1)); done
run aggregate --format csv --include-drafts $(i=1; while [ $i -le 27 ]; do printf '%s ' "$T/o$i.apmwb"; i=$((i + 1)); done)
check "27 files at the largest amounts still add up exactly" \
	eval 'is $status 0 && has "$out" "all,cat2_4,89099999999999991.09,"'
run aggregate --format csv --include-drafts $(i=1; while [ $i -le 28 ]; do printf '%s ' "$T/o$i.apmwb"; i=$((i + 1)); done)
check "the 28th makes a sum overflow: it is not given, and exit 2" \
	eval 'is $status 2 && has "$err" "the sum of cat2_4 over all lines passes the largest amount apmwb can count exactly" &&
	has "$out" "all,cat2_4,overflow,n/a"'
check "the lines themselves still add up (28 x 11 x the largest amount)" \
	has "$out" "commercial,cat2_4,30799999999999996.92,"

done_testing
