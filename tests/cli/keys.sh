#!/bin/sh
# SPDX-License-Identifier: MIT
# keys.sh: the codebook (apmwb keys), the page the build writes from it,
# and unknown keys answered with the nearest one.
#
# The count of keys is worked out from the edition's own SQL, not from the
# program: every question, one share per metric row below row 1, three
# cross-check figures per line and six nominal-risk figures for each of
# the three lines and all of them.
. "$TOPSRCDIR/tests/cli/lib.sh"
D="$TOPSRCDIR/tests/data"
SQL="$TOPSRCDIR/share/edition-2020.sql"
cd "$T" || exit 99

# The keys of edition_question, one per row: the line after each INSERT.
awk '/^INSERT INTO edition_question/ { getline; sub(/^ *\(./, ""); sub(/'"'"'.*/, ""); print }' \
	"$SQL" >sql.keys
questions=$(wc -l <sql.keys)
computed_rows=$(grep -c "^  ('[a-z.0-9_]*', [0-9]*, '[a-z]*', 'computed'" "$SQL")
metric_rows=$(grep -c '^\(commercial\|ma\|medicaid\)\.m[0-9]*$' sql.keys)
answers=$((questions - computed_rows))
figures=$((computed_rows + (metric_rows - 3) + 3 * 3 + 4 * 6))
check "the edition has 122 questions, 18 computed rows and 57 metric rows" \
	is "$questions $computed_rows $metric_rows" "122 18 57"

# The key of every record of a CSV: its first field, records told apart
# from a quoted field's line breaks by counting quotes.
first_column() {
	awk 'BEGIN { inq = 0 } { line = $0; sub(/\r$/, "", line)
		if (!inq) { split(line, f, ","); print f[1] }
		if (gsub(/"/, "\"", line) % 2 == 1) inq = !inq }' "$@"
}

run keys --format csv
printf '%s\n' "$out" >keys.csv
first_column keys.csv >keys.list
check "the csv's header starts with key (completion reads column 1)" \
	is "$(head -1 keys.list)" key
sed 1d keys.list >keys.only
check "the codebook has every key of the edition: $answers answers and $figures figures" \
	is "$(wc -l <keys.only)" "$((answers + figures))"
check "no key twice" is "$(sort keys.only | uniq -d)" ""
check "every question of the SQL is in it" eval \
	'[ -z "$(grep -v -x -F -f keys.only sql.keys)" ]'
check "the figures the issue names are there" eval \
	'grep -qx commercial.m19.share keys.only && grep -qx xc.ma.diff keys.only && grep -qx nr.all.meets.share keys.only'
check "a choice's row gives its value names and labels" eval \
	'grep -q "^iq.trend,iq,choice,no,.*,\"increase: APM activity will increase" keys.csv'
check "and when it is shown" eval \
	'grep -q "^4c: Integrated finance and delivery system payments(4C)\",iq.trend=increase" keys.csv'
check "a figure is typed as such" eval \
	'grep -q "^commercial.m19.share,commercial,share,yes," keys.csv && grep -q "^xc.ma.ok,xc,yesno,yes," keys.csv'

run keys --format json
check "json counts the same keys" eval \
	'has "$out" "\"count\": $((answers + figures)),"'
check "json lists them all" is \
	"$(printf '%s\n' "$out" | grep -c '{"key": ')" "$((answers + figures))"
run keys
check "text says how many" eval \
	'has "$out" "$((answers + figures)) keys, $answers answers and $figures computed figures"'

# Every key answers get, and every key an export writes is in the book.
"$APMWB" new example.apmwb >/dev/null 2>&1
"$APMWB" import example.apmwb "$D/example.json" >/dev/null 2>&1
bad=
while read -r k; do
	"$APMWB" get example.apmwb "$k" >/dev/null 2>&1 || bad="$bad $k"
done <keys.only
check "get knows every key of the codebook" is "$bad" ""
"$APMWB" export --format csv example.apmwb >example.csv
first_column example.csv | sed 1d | grep -v '^submission\.' >export.keys
check "every key of the csv export is in the codebook" eval \
	'[ -z "$(grep -v -x -F -f keys.only export.keys)" ]'

# A submission's own edition, read-only.
cp example.apmwb before.apmwb
run keys --format csv example.apmwb
check "keys FILE lists that file's edition" eval \
	'is "$status" 0 && is "$out" "$(cat keys.csv)"'
check "and writes nothing" eval \
	'cmp -s example.apmwb before.apmwb && [ "$(ls | grep -c journal)" = 0 ]'
run keys "$T/missing.apmwb"
check "keys of a missing file exits 2" eval 'is "$status" 2 && has "$err" "missing.apmwb"'
run keys --format xml
check "an unknown format exits 2" eval 'is "$status" 2 && has "$err" "text, csv or json"'

# The page the build writes lists the same keys.
page="$TOPBUILDDIR/man/apmwb-keys.7"
run keys --format man
check "the built apmwb-keys(7) is what apmwb keys writes" eval \
	'printf "%s\n" "$out" | cmp -s - "$page"'
check "with one entry per key" is "$(grep -c '^\.TP$' "$page")" "$((answers + figures))"
check "in plain ASCII" eval '! LC_ALL=C grep -q "[^ -~]" "$page"'

# Unknown keys: the nearest one, and where the list is.
run get example.apmwb comercial.m13
check "get names the nearest key" eval \
	'is "$status" 2 && has "$err" "did you mean commercial.m13?" && has "$err" "\`apmwb keys\` lists every key"'
check "and no longer points to show" eval '! has "$err" "apmwb show"'
run set example.apmwb commercial.m31 5
check "set takes a swap of neighbours for the slip it is" eval \
	'is "$status" 2 && has "$err" "did you mean commercial.m13?"'
run set example.apmwb commercial.m19.share 5
check "set of a computed figure says it is never typed" eval \
	'is "$status" 1 && has "$err" "commercial.m19.share is computed"'
run get example.apmwb zzz
check "with nothing near, only the list" eval \
	'is "$status" 2 && has "$err" "(\`apmwb keys\` lists every key)" && ! has "$err" "did you mean"'
printf '{"format": "apmwb-submission", "version": 1, "edition": "2020", "answers": {"gi.org_nme": "X"}}' >typo.json
run import example.apmwb typo.json
check "import names the nearest key too" eval \
	'is "$status" 1 && has "$err" "\"gi.org_nme\" is not a question of the 2020 edition (did you mean gi.org_name?"'

done_testing
