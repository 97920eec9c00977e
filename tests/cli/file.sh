#!/bin/sh
# SPDX-License-Identifier: MIT
# file.sh: the submission file seen from the command line: read-only
# commands write nothing, and foreign or damaged files are refused untouched.
. "$TOPSRCDIR/tests/cli/lib.sh"
f="$T/f.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
mkdir "$T/ro" && cp "$f" "$T/ro/f.apmwb"
before=$(stat -c %Y "$T/ro/f.apmwb")
sleep 1
for c in "get F gi.org_name" "check F" "show F" "export --format json F" "log F"; do
	run $(echo "$c" | sed "s|F|$T/ro/f.apmwb|")
	check "$c reads" eval 'test $status -le 1'
done
cmp -s "$f" "$T/ro/f.apmwb"
check "reading commands leave the file byte-identical" is $? 0
check "and its modification time" is "$(stat -c %Y "$T/ro/f.apmwb")" "$before"
check "and create nothing beside it" is "$(ls -A "$T/ro")" "f.apmwb"

printf 'name,amount\nx,1\n' > "$T/text.apmwb"
run get "$T/text.apmwb" gi.org_name
check "a text file is not a submission" eval 'is $status 2 && has "$err" "not an apmwb submission"'
: > "$T/empty.apmwb"
run check "$T/empty.apmwb"
check "an empty file is not a submission" is "$status" 2
check "and stays empty" test ! -s "$T/empty.apmwb"

if command -v sqlite3 >/dev/null; then
	sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	cp "$T/other.db" "$T/other.orig"
	run set "$T/other.db" gi.org_name x
	check "another program's SQLite file is refused" eval 'is $status 2 && has "$err" "other.db"'
	cmp -s "$T/other.db" "$T/other.orig"
	check "untouched" is $? 0
	cp "$f" "$T/newer.apmwb"
	sqlite3 "$T/newer.apmwb" 'PRAGMA user_version = 999;'
	cp "$T/newer.apmwb" "$T/newer.orig"
	run set "$T/newer.apmwb" gi.org_name x
	check "a file from a newer apmwb is refused" eval 'is $status 2 && has "$err" "newer"'
	cmp -s "$T/newer.apmwb" "$T/newer.orig"
	check "untouched" is $? 0
else
	not_ok "sqlite3 is installed for these tests"
fi

size=$(stat -c %s "$f")
head -c $((size / 2)) "$f" > "$T/half.apmwb"
cp "$T/half.apmwb" "$T/half.orig"
run set "$T/half.apmwb" gi.org_name x
check "a truncated file is refused as damaged" eval 'is $status 2 && has "$err" "damaged"'
cmp -s "$T/half.apmwb" "$T/half.orig"
check "untouched" is $? 0

run get "$f" gi.org_name
check "the good file still reads" is "$out" "Acme Health Plan"

# ---- messages that say what happened, once ----------------------------------
# A write that fails (here: past the file size limit, as a full disk would)
# is said once, naming the file, not "f: not saved: f: not saved: ...".
cp "$f" "$T/limit.apmwb"
( trap '' XFSZ; ulimit -f 1; "$APMWB" set "$T/limit.apmwb" gi.org_name "Too Big Plan" ) \
	>"$T/.out" 2>"$T/.err"
status=$?
err=$(cat "$T/.err")
check "a failed save is said once, naming the file" eval \
	'is $status 2 && has "$err" "not saved" && [ "$(grep -o "not saved" "$T/.err" | wc -l)" -eq 1 ] && [ "$(grep -o "limit.apmwb" "$T/.err" | wc -l)" -eq 1 ]'
run get "$T/limit.apmwb" gi.org_name
check "and nothing changed" is "$out" "Acme Health Plan"
( trap '' XFSZ; ulimit -f 1; "$APMWB" export --format json -o "$T/big.json" "$f" ) \
	>"$T/.out" 2>"$T/.err"
status=$?
err=$(cat "$T/.err")
check "an export that cannot be written names the file and the reason" eval \
	'is $status 2 && has "$err" "big.json: could not write the export: File too large"'
check "and leaves nothing" eval '! ls "$T" | grep -q "big.json"'

run set "$f" commercial.m1 5 6
check "two values for a one-value answer: said so, not a line break never typed" eval \
	'is $status 1 && has "$err" "commercial.m1 takes one value, and 2 were given" && ! has "$err" "U+000A"'
run set "$f" commercial.m1 -- 1000
check "set FILE KEY -- VALUE takes the value after --" is "$status" 0
run get "$f" commercial.m1
check "so it is saved" is "$out" "1000.00"
run get -dash.apmwb gi.org_name
check "a file named like options is named back, with the way to name it" eval \
	'is $status 2 && has "$err" "'"'"'-dash.apmwb'"'"'" && has "$err" "./-dash.apmwb"'
run set "$f" medicaid.m1 5
check "a hidden answer's note says what the condition needs" eval \
	'is $status 0 && has "$err" "kept but counts nowhere: it is asked only when gi.lob.medicaid is yes"'

ln -s "$T/nowhere.apmwb" "$T/dangling.apmwb"
run get "$T/dangling.apmwb" gi.org_name
check "a dangling link is said to be one" eval \
	'is $status 2 && has "$err" "is a symbolic link to $T/nowhere.apmwb, which does not exist"'
run new "$T/dangling.apmwb"
check "and new does not say it exists" eval \
	'is $status 2 && has "$err" "which does not exist; nothing was created" && ! has "$err" "already exists"'
check "nor creates its target" eval '! test -e "$T/nowhere.apmwb"'
long=$(printf 'n%.0s' $(seq 1 245))
run new "$T/$long.apmwb"
check "a name too long for its journal is refused at new, with the reason" eval \
	'is $status 2 && has "$err" "this folder takes names of up to 255" && ! test -e "$T/$long.apmwb"'
check "and no temporary file is left" eval '! ls -A "$T" | grep -q apmwb-new'

# A file name with a line break (and an escape) is one line of show and
# check, shown escaped: it cannot start a line of its own.
nl="$T/two
lines$(printf '\033')[2J.apmwb"
cp "$f" "$nl"
"$APMWB" show "$nl" >"$T/show.out" 2>&1
"$APMWB" check "$nl" >"$T/check.out" 2>&1
check "show names a file with a line break on its one line" eval \
	'head -2 "$T/show.out" | tail -1 | grep -q "two\\\\nlines" && ! grep -q "^lines" "$T/show.out"'
check "and so does check" eval \
	'head -1 "$T/check.out" | grep -q "two\\\\nlines" && ! grep -q "^lines" "$T/check.out"'
check "with no escape reaching the terminal" eval \
	'! grep -q "$(printf '"'"'\033'"'"')" "$T/show.out" "$T/check.out"'
rm -f "$nl"

# A sum past the range is a refused value (1), from a CSV as from JSON.
{
	echo 'label,line,type,risk_min,risk_max,shared_risk,dollars'
	for i in $(seq 1 1000); do echo "c$i,commercial,tcoc,1,10,60,99999999999999.99"; done
} >"$T/huge.csv"
"$APMWB" set "$f" gi.lob.commercial yes >/dev/null 2>&1
run import "$f" "$T/huge.csv"
check "a worksheet whose dollars add up past the range is refused with status 1" eval \
	'is $status 1 && has "$err" "more than apmwb can count"'

done_testing
