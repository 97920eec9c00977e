#!/bin/sh
# SPDX-License-Identifier: MIT
# diff.sh: identical files, one changed answer and the figures it moves,
# sign-off and acknowledgements, changed, deleted and added contracts,
# and two editions.
. "$TOPSRCDIR/tests/cli/lib.sh"

old=$T/old.apmwb
make_clean "$old" >/dev/null 2>&1 || exit 99
cp "$old" "$T/same.apmwb"

run diff "$old" "$T/same.apmwb"
check "identical files: exit 0 and nothing printed" \
	eval 'is $status 0 && is "$out" "" && is "$err" ""'
run diff "$old" "$old"
check "a file against itself too" eval 'is $status 0 && is "$out" ""'

# One answer: commercial.m2 1000 -> 900 of a row 1 of 1000 moves its
# share (100.0 -> 90.0), row 17 (= row 2) and its share, and the
# cross-check: sum 1000 -> 900, equal yes -> no, difference 0 -> -100.
new=$T/new.apmwb
cp "$old" "$new"
"$APMWB" set "$new" commercial.m2 900 >/dev/null 2>&1 || exit 99
cat >"$T/want" <<'EOF'
commercial.m2: 1000.00 -> 900.00
commercial.m2.share: 100.0 -> 90.0
commercial.m17: 1000.00 -> 900.00
commercial.m17.share: 100.0 -> 90.0
xc.commercial.sum: 1000.00 -> 900.00
xc.commercial.ok: yes -> no
xc.commercial.diff: 0.00 -> -100.00
EOF
run diff "$old" "$new"
check "one changed answer: exit 1" is "$status" 1
check "its line and its figures' lines, in the survey's order" \
	is "$out" "$(cat "$T/want")"
sum=$(cat "$old" "$new" | cksum)
check "both files are left as they were, nothing beside them" \
	eval '[ "$(cat "$old" "$new" | cksum)" = "$sum" ] && ! ls "$T" | grep -q journal'

# Sign-off, an acknowledgement and a blank answer.
"$APMWB" set "$new" commercial.m2 1000 >/dev/null 2>&1 &&
"$APMWB" set "$new" gi.contact_phone "" >/dev/null 2>&1 &&
"$APMWB" set "$new" gi.contact_phone "(555) 010-2030" >/dev/null 2>&1 &&
"$APMWB" set "$new" gi.assumptions "Line one
line two" >/dev/null 2>&1 &&
"$APMWB" set "$new" pm.commercial.cat2c_p4p yes >/dev/null 2>&1 &&
"$APMWB" ack "$new" nodollars.commercial.m4 "P4P began in 2020" >/dev/null 2>&1 &&
"$APMWB" complete "$new" --by "Jane Doe" >/dev/null 2>&1 || exit 99
run diff "$old" "$new"
check "sign-off fields" \
	eval 'is $status 1 && has "$out" "state: draft -> complete" && has "$out" "signed_by: (blank) -> Jane Doe"'
check "a long text's line break shown as backslash-n" \
	has "$out" 'gi.assumptions: (blank) -> Line one\nline two'
check "an answer back where it was is no difference" \
	eval '! has "$out" "gi.contact_phone" && ! has "$out" "commercial.m2:"'
check "a model turned on, its row now shown but blank" \
	eval 'has "$out" "pm.commercial.cat2c_p4p: (blank) -> yes" && has "$out" "commercial.m4.share: (blank) -> n/a"'
check "the acknowledgement, last" \
	eval 'has "$(printf "%s\n" "$out" | tail -3 | head -1)" "ack.nodollars.commercial.m4: (blank) -> P4P began in 2020"'

# ---- contracts ---------------------------------------------------------------
c_old=$T/c-old.apmwb
cp "$old" "$c_old"
"$APMWB" set "$c_old" pm.commercial.cat3b_shared_risk yes >/dev/null 2>&1 &&
"$APMWB" set "$c_old" nr.method worksheet >/dev/null 2>&1 || exit 99
cat >"$T/old.csv" <<'EOF'
label,line,type,risk_min,risk_max,shared_risk,dollars
North ACO,commercial,tcoc,2,10,60,100
River IPA,commercial,tcoc,2,10,25,200
,commercial,revenue,1,20,50,300
Lake Group,commercial,tcoc,2,10,60,400
EOF
"$APMWB" import "$c_old" "$T/old.csv" >/dev/null 2>&1 || exit 99
c_new=$T/c-new.apmwb
cp "$c_old" "$c_new"
# River IPA's shared risk 25% -> 35%: net risk 10% x 35% = 3.5%, past
# the 3% a TCOC contract needs, and at least 30%: it now meets.  The
# unlabelled third contract's dollars 300 -> 350.  Lake Group deleted,
# Bay Clinic added.
cat >"$T/new.csv" <<'EOF'
label,line,type,risk_min,risk_max,shared_risk,dollars
North ACO,commercial,tcoc,2,10,60,100
River IPA,commercial,tcoc,2,10,35,200
,commercial,revenue,1,20,50,350
Bay Clinic,commercial,tcoc,2,10,60,5
EOF
"$APMWB" import "$c_new" "$T/new.csv" >/dev/null 2>&1 || exit 99
# Meets: old North 100 + unlabelled (20% x 50% = 10% >= 8%) 300 + Lake 400
# = 800, fails River 200; new North 100 + River 200 + 350 + Bay 5 = 655,
# fails 0.  Total 1000 -> 655.  Shares of row 1, 1000: 80.0 -> 65.5,
# 20.0 -> 0.0, 100.0 -> 65.5.
cat >"$T/want" <<'EOF'
nr.commercial.meets: 800.00 -> 655.00
nr.commercial.meets.share: 80.0 -> 65.5
nr.commercial.fails: 200.00 -> 0.00
nr.commercial.fails.share: 20.0 -> 0.0
nr.commercial.total: 1000.00 -> 655.00
nr.commercial.total.share: 100.0 -> 65.5
nr.all.meets: 800.00 -> 655.00
nr.all.meets.share: 80.0 -> 65.5
nr.all.fails: 200.00 -> 0.00
nr.all.fails.share: 20.0 -> 0.0
nr.all.total: 1000.00 -> 655.00
nr.all.total.share: 100.0 -> 65.5
contract[River IPA].shared_risk: 25.0 -> 35.0
contract[River IPA].status: fails -> meets
contract[#3].dollars: 300.00 -> 350.00
contract[Lake Group]: line=commercial type=tcoc risk_min=2.0 risk_max=10.0 shared_risk=60.0 dollars=400.00 -> (no contract)
contract[Bay Clinic]: (no contract) -> line=commercial type=tcoc risk_min=2.0 risk_max=10.0 shared_risk=60.0 dollars=5.00
EOF
run diff "$c_old" "$c_new"
check "changed, deleted and added contracts, after the summary they move" \
	eval 'is $status 1 && is "$out" "$(cat "$T/want")"'
run diff --format json "$c_old" "$c_new"
check "json: a contract's change with its positions and field" \
	eval 'is $status 1 && has "$out" "{\"key\": \"contract[River IPA].shared_risk\", \"contract\": \"River IPA\", \"old_position\": 2, \"new_position\": 2, \"field\": \"shared_risk\", \"old\": \"25.0\", \"new\": \"35.0\"}"'
check "json: a deleted contract whole, and the count" \
	eval 'has "$out" "\"old_position\": 4, \"new_position\": null, \"old\": {\"label\": \"Lake Group\"" && has "$out" "\"count\": 17"'
run diff --format json "$old" "$T/same.apmwb"
check "json of identical files: no changes, exit 0" \
	eval 'is $status 0 && has "$out" "\"changes\": []," && has "$out" "\"count\": 0"'

# ---- editions ------------------------------------------------------------------
# A copy of the next edition: id 2021, gi.assumptions dropped, a new
# question gi.website in its place, answered.
e_new=$T/e2021.apmwb
cp "$old" "$e_new"
sqlite3 "$e_new" >/dev/null <<'EOF' || exit 99
UPDATE edition SET id = '2021';
DELETE FROM edition_question WHERE key = 'gi.assumptions';
INSERT INTO edition_question (key, pos, tab, type, label)
  VALUES ('gi.website', 11, 'gi', 'text', 'Web site');
INSERT INTO answer (key, value, updated)
  VALUES ('gi.website', 'https://example.org', '2021-01-01T00:00:00Z');
EOF
"$APMWB" set "$old" gi.assumptions "Paid claims" >/dev/null 2>&1 || exit 99
cat >"$T/want" <<'EOF'
edition: 2020 -> 2021
gi.website: (not in edition 2020) -> https://example.org
gi.assumptions: Paid claims -> (not in edition 2021)
EOF
run diff "$old" "$e_new"
check "across editions: the edition, and each key one edition lacks" \
	eval 'is $status 1 && is "$out" "$(cat "$T/want")"'
run diff --format json "$old" "$e_new"
check "json says which side lacks a key" \
	eval 'has "$out" "{\"key\": \"gi.website\", \"old\": null, \"new\": \"https://example.org\", \"old_lacks\": true}"'

# ---- could not run ---------------------------------------------------------------
printf 'junk\n' >"$T/junk.apmwb"
run diff "$old" "$T/junk.apmwb"
check "a file that cannot be read: exit 2, saying why" \
	eval 'is $status 2 && has "$err" "junk.apmwb is not an apmwb submission" && is "$out" ""'
run diff "$T/missing.apmwb" "$old"
check "a missing OLD: exit 2" eval 'is $status 2 && has "$err" "missing.apmwb: no such file"'
run diff "$old"
check "one file only: a usage error" is "$status" 2
run diff --format csv "$old" "$new"
check "an unknown format" eval 'is $status 2 && has "$err" "unknown format"'

# The full screen's --against: an older file that cannot be read is said
# before any screen, and nothing is made in its name or in the file's.
run -r "$new" --against "$T/missing.apmwb" </dev/null
check "--against a missing file: exit 2, naming it, no screen" \
	eval 'is $status 2 && has "$err" "missing.apmwb: no such file" && ! has "$err" "terminal"'
run -r "$new" --against "$T/junk.apmwb" </dev/null
check "--against a damaged file: exit 2, saying why" \
	eval 'is $status 2 && has "$err" "junk.apmwb is not an apmwb submission"'
run -r "$new" --against
check "--against without a file: a usage error" \
	eval 'is $status 2 && has "$err" "--against needs the older file"'
run "$T/absent.apmwb" --against "$old" </dev/null
check "--against never creates the file it is given" \
	eval 'is $status 2 && has "$err" "absent.apmwb: no such file" && [ ! -e "$T/absent.apmwb" ]'

done_testing
