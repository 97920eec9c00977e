#!/bin/sh
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

done_testing
