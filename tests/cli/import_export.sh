#!/bin/sh
# SPDX-License-Identifier: MIT
# import_export.sh: show, every export, -o, the JSON round trip and the
# contracts CSV imported in every malformed way we could think of.
#
# tests/data/example.json is a full submission: three lines, the seed's
# Tab 9 worksheet (twelve contracts), two hidden answers and an
# acknowledgement.  Its copy sheet, csv, qualtrics and contracts exports are
# compared with tests/data/example.*, whose figures were worked out by hand
# (see tests/check_export_json.c for the arithmetic).
. "$TOPSRCDIR/tests/cli/lib.sh"
D="$TOPSRCDIR/tests/data"
cd "$T" || exit 99
"$APMWB" new example.apmwb >/dev/null 2>&1 || exit 99

run import example.apmwb "$D/example.json"
check "the example imports" eval 'is "$status" 0 && has "$err" "imported"'

# ---- the copy sheet ---------------------------------------------------------
run show example.apmwb
printf '%s\n' "$out" >show.out
check "show gives the expected copy sheet" cmp -s show.out "$D/example.show"
check "every line fits 80 columns" eval \
	'[ "$(printf "%s\n" "$out" | wc -L)" -le 80 ]'
check "no line ends in blanks" eval '! grep -q " \$" show.out'
check "no control character but newline" eval \
	'! LC_ALL=C grep -q "[[:cntrl:]]" show.out'
check "the Tab 9 total meets 2,610,000,000 (23.7%)" eval \
	'grep -q "Meets the LAN nominal risk threshold *Total: 2610000000.00   23.7%" show.out'
check "MA's Cat 3B rows sit under the Category 3 heading" eval \
	'grep -B1 "^  8 Total dollars" show.out | grep -q "Category 3\\|Metrics are linked to quality)\$"'

# An unanswered model keeps the grid's columns in line.
"$APMWB" new grid.apmwb >/dev/null 2>&1
"$APMWB" set grid.apmwb gi.lob.commercial yes
"$APMWB" set grid.apmwb gi.lob.medicaid yes
"$APMWB" set grid.apmwb pm.commercial.cat1_legacy no
"$APMWB" set grid.apmwb pm.medicaid.cat1_legacy yes
run show grid.apmwb
check "the model grid has a column per selected line, blanks in line" eval \
	'has "$out" "$(printf "\n%58sCommercial Medicaid\n  Cat 1: Legacy Payments%34sNo         Yes\n  Cat 2A: Foundational spending to improve care%11s(blank)    (blank)" "" "" "")"'

# A file name that carries an escape sequence reaches the terminal clean.
esc=$(printf 'x\033[31m.apmwb')
cp example.apmwb "$esc"
run show "$esc"
check "show passes the file's name through the sanitiser" eval \
	'is "$status" 0 && ! printf "%s" "$out" | LC_ALL=C grep -q "$(printf "\033")"'

# ---- csv, qualtrics, contracts -------------------------------------------
run export --format csv -o example.csv example.apmwb
check "csv export matches the expected file" eval \
	'is "$status" 0 && cmp -s example.csv "$D/example.csv"'
check "the csv keeps the short line's difference a number" eval \
	'grep -q "^xc.commercial.diff,Commercial: sum of numerators minus denominator,-340000000.00" example.csv'
check "and neutralises the assumptions' leading dash" eval \
	'grep -q "\"'"'"'- Dollars are paid claims" example.csv'
check "hidden answers are not in the csv" eval '! grep -q "commercial.m15\|iq.decrease_most" example.csv'

check "shares say they are in percent units" eval \
	'grep -q "^commercial.m2.share,\".* (percent units: 43.2 means 43.2%)\",43.2" example.csv'

# The Qualtrics layout, its dates fixed so the file can be compared: the
# example created 2020-05-28 09:00 and last changed 2020-05-29 10:00 UTC.
cp example.apmwb dated.apmwb
sqlite3 dated.apmwb "UPDATE meta SET value = '2020-05-28T09:00:00Z' WHERE key = 'created'; UPDATE history SET at = '2020-05-29T10:00:00Z';" || exit 99
APMWB_DATADIR="$T/nowhere" "$APMWB" export --format qualtrics dated.apmwb \
	>example.qualtrics.csv 2>qerr
status=$?
check "qualtrics export with the built-in map matches the expected file (no share/ needed)" eval \
	'is "$status" 0 && cmp -s example.qualtrics.csv "$D/example.qualtrics.csv"'
check "it starts with Qualtrics' metadata, filled from the file" eval \
	'head -1 example.qualtrics.csv | grep -q "^StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId," && grep -q "^2020-05-28 09:00:00,2020-05-29 10:00:00,,,100,90000,0,2020-05-29 10:00:00,,,,,,,,,EN,Jane Doe," example.qualtrics.csv'
check "the dates carry their time zone, UTC" eval \
	'grep -q "^\"{\"\"ImportId\"\":\"\"startDate\"\",\"\"timeZone\"\":\"\"Z\"\"}\"," example.qualtrics.csv'
check "a multi-select's boxes have the current ImportId shape" eval \
	'grep -q "\"{\"\"ImportId\"\":\"\"QID17\"\",\"\"choiceId\"\":\"\"7\"\"}\"" example.qualtrics.csv'
check "values go to Qualtrics as typed, the leading dash too" eval \
	'grep -q ",\"- Dollars are paid claims" example.qualtrics.csv && ! grep -q "'"'"'- Dollars" example.qualtrics.csv'
make_clean signed.apmwb >/dev/null 2>&1
"$APMWB" complete signed.apmwb --by "Jane Doe" >/dev/null 2>&1
"$APMWB" export --format qualtrics signed.apmwb >signed.qualtrics.csv
signed_at=$(sqlite3 signed.apmwb "SELECT replace(replace(value, 'T', ' '), 'Z', '') FROM meta WHERE key = 'signed_at'")
check "signed off, the response is finished (100, 1) and ends at the sign-off" eval \
	'grep -q "^[0-9-]* [0-9:]*,$signed_at,,,100,[0-9]*,1,$signed_at,,,,,,,,,EN,Jane Doe," signed.qualtrics.csv'
run export --format qualtrics --map "$TOPSRCDIR/share/qualtrics-map-2020.csv" \
	-o mapped.csv example.apmwb
"$APMWB" export --format qualtrics example.apmwb >builtin.csv
check "--map takes a map file (the template gives what is built in)" eval \
	'is "$status" 0 && cmp -s mapped.csv builtin.csv'
sed -e 's/^\(iq\.[a-z]*,[a-z_]*,Q1[78]_\([0-9]*\)\),QID\(1[78]\),[0-9]*,/\1,QID\3_\2,,/' \
	"$TOPSRCDIR/share/qualtrics-map-2020.csv" >older.map
run export --format qualtrics --map older.map example.apmwb
check "a map in the older ImportId shape is taken too" eval \
	'is "$status" 0 && has "$out" "\"{\"\"ImportId\"\":\"\"QID17_7\"\"}\""'

run export --format contracts -o contracts.out example.apmwb
check "contracts export matches the expected file, each contract's results included" eval \
	'is "$status" 0 && cmp -s contracts.out "$D/example.contracts.csv"'
"$APMWB" new back.apmwb >/dev/null 2>&1
run import back.apmwb contracts.out
"$APMWB" export --format contracts back.apmwb >contracts.again
check "and imports back (results checked) to the same export" eval \
	'is "$status" 0 && cmp -s contracts.again contracts.out'

# ---- a map that is wrong --------------------------------------------------
grep -v '^iq.barriers,other,' "$TOPSRCDIR/share/qualtrics-map-2020.csv" >short.map
run export --format qualtrics --map short.map example.apmwb
check "a map missing a choice names the key and choice" eval \
	'is "$status" 2 && has "$err" "short.map: no column for iq.barriers = other"'
grep -v '^gi.org_name,' "$TOPSRCDIR/share/qualtrics-map-2020.csv" >short.map
run export --format qualtrics --map short.map example.apmwb
check "a map missing an answer names the key, whatever the submission" eval \
	'is "$status" 2 && has "$err" "no column for gi.org_name (the map needs a row for every answer and choice of the 2020 edition)"'
printf 'key,choice,column,import_id,question_text,recode\ngi.nope,,Q1,QID1,,\n' >bad.map
run export --format qualtrics --map bad.map example.apmwb
check "a malformed map names its file and line" eval \
	'is "$status" 2 && has "$err" "bad.map: line 2: unknown key '"'"'gi.nope'"'"'"'
{ cat "$TOPSRCDIR/share/qualtrics-map-2020.csv"
  printf 'gi.contact_nam,,Q99,QID99,,,\nxc.commercial.diff,,Q98,QID9_8,,,\n'; } >two.map
n=$(wc -l <"$TOPSRCDIR/share/qualtrics-map-2020.csv")
m8=$(grep -n '^commercial.m8,' "$TOPSRCDIR/share/qualtrics-map-2020.csv" | cut -d: -f1)
run export --format qualtrics --map two.map example.apmwb
check "every problem of a map is listed, each with its line" eval \
	'is "$status" 2 && has "$err" "two.map: line $((n + 1)): unknown key '"'"'gi.contact_nam'"'"' (did you mean gi.contact_name?)" && has "$err" "two.map: line $((n + 2)): import_id QID9_8 is already column Q9_8'"'"'s (line $m8)" && has "$err" "nothing was written"'
run export --format csv --map bad.map example.apmwb
check "--map belongs to qualtrics only" is "$status" 2
run export --format xml example.apmwb
check "an unknown format is refused" eval 'is "$status" 2 && has "$err" "json, csv, qualtrics or contracts"'

# ---- -o: whole or nothing, 0600 -----------------------------------------------
umask 022
run export --format json -o out.json example.apmwb
check "-o writes the file" eval 'is "$status" 0 && [ -s out.json ]'
check "-o creates it mode 0600 whatever the umask" is "$(stat -c %a out.json)" 600
cp out.json before.json
run export --format qualtrics --map bad.map -o out.json example.apmwb
check "a failed export leaves the earlier file as it was" eval \
	'is "$status" 2 && cmp -s out.json before.json'
run export --format qualtrics --map short.map -o out.json example.apmwb
check "so does an answer the map misses" eval \
	'is "$status" 2 && cmp -s out.json before.json'
check "and no temporary file is left behind" eval \
	'! ls -a | grep -q apmwb-tmp'
run export --format json -o "$T/no/such/dir/x.json" example.apmwb
check "-o into a missing folder is refused" eval 'is "$status" 2 && has "$err" "no/such/dir"'
run export --format csv -o - example.apmwb
check "-o - is standard output" eval 'is "$status" 0 && has "$out" "key,label,value"'

# ---- --excel: the CSV exports as Excel reads UTF-8 -------------------------
"$APMWB" export --format csv --excel -o excel.csv example.apmwb
check "--excel puts a UTF-8 byte order mark before the csv" eval \
	'is "$(head -c 3 excel.csv | od -An -tx1 | tr -d " ")" efbbbf && tail -c +4 excel.csv | cmp -s - example.csv'
"$APMWB" export --format contracts --excel example.apmwb >excel.contracts.csv
check "and before the contracts, which still import" eval \
	'tail -c +4 excel.contracts.csv | cmp -s - "$D/example.contracts.csv" && "$APMWB" import back.apmwb excel.contracts.csv 2>/dev/null'
run export --format qualtrics --excel example.apmwb
check "--excel is not for the qualtrics export, which is for Qualtrics" eval \
	'is "$status" 2 && has "$err" "not a spreadsheet"'
run export --format json --excel example.apmwb
check "nor for json" is "$status" 2

# ---- the JSON round trip -----------------------------------------------------
"$APMWB" export --format json example.apmwb >one.json
"$APMWB" new two.apmwb >/dev/null 2>&1
run import two.apmwb one.json
check "an export imports into a new file" is "$status" 0
"$APMWB" export --format json two.apmwb >two.json
check "and exports byte for byte the same (answers, hidden answers, contracts, acknowledgements, state, figures, checks)" \
	cmp -s one.json two.json
"$APMWB" show two.apmwb | sed 1,2d >two.show
sed 1,2d "$D/example.show" >one.show
check "its copy sheet is the example's" cmp -s one.show two.show

# A JSON export saved by an editor that puts a byte order mark first, under a
# name that does not say JSON.
{ printf '\357\273\277'; cat one.json; } >bom.txt
"$APMWB" new three.apmwb >/dev/null 2>&1
run import three.apmwb bom.txt
check "a JSON export with a byte order mark imports too" eval \
	'is "$status" 0 && "$APMWB" export --format json three.apmwb | cmp -s - one.json'
{ printf '\357\273\277'; printf '{"figures": {},}'; } >bom-bad.json
run import three.apmwb bom-bad.json
check "and a mistake after the mark is said at the file's own byte" eval \
	'is "$status" 1 && has "$err" "at line 1 (byte 19), a member'"'"'s name in quotes"'

# A worksheet larger than a read (3,000 contracts, some 600 KB of JSON),
# which is read as it comes, a contract at a time.
many_contracts
"$APMWB" new four.apmwb >/dev/null 2>&1
"$APMWB" import four.apmwb one.json >/dev/null 2>&1
"$APMWB" export --format json four.apmwb >four.before
cat many.json | "$APMWB" import four.apmwb - >/dev/null 2>&1
check "a JSON export of 3,000 contracts imports from a pipe, a read at a time" \
	eval '[ "$(wc -c <many.json)" -gt 200000 ] && "$APMWB" export --format contracts four.apmwb | cmp -s - many.contracts'
"$APMWB" import four.apmwb one.json >/dev/null 2>&1
sed '/"C3000"/s/"risk_max": "10.0"/"risk_max": "101"/' many.json >last-bad.json
run import four.apmwb last-bad.json
check "its last contract refused refuses the whole import, naming it" eval \
	'is "$status" 1 && has "$err" "contracts[2999] (contract 3000) risk_max" && ! cmp -s last-bad.json many.json'
check "and the file is as it was, the 2,999 before it gone too" eval \
	'"$APMWB" export --format json four.apmwb | cmp -s - four.before'
head -c 300000 many.json >cut.json
run import four.apmwb cut.json
check "a JSON export cut short is refused with where it ends" eval \
	'is "$status" 1 && has "$err" "not valid JSON: at line" && has "$err" "it ends before the object'"'"'s closing }"'
check "and changes nothing" eval \
	'"$APMWB" export --format json four.apmwb | cmp -s - four.before'
sed '/"C1000"/s/},$/} x,/' many.json >mid-bad.json
run import four.apmwb mid-bad.json
check "a mistake between two contracts is refused with its line" eval \
	'is "$status" 1 && has "$err" "not valid JSON: at line $((1000 + $(grep -n "\"contracts\"" many.json | cut -d: -f1)))" && has "$err" "'"','"' or '"']'"' was expected after an element" && ! cmp -s mid-bad.json many.json'

# JSON5, which SQLite reads in its json functions from 3.42 on, is not JSON:
# each piece the import hands SQLite is held to RFC 8259 on every SQLite.
sed '/"C1000"/s/"label": "C1000"/"label": '"'"'C1000'"'"'/' many.json >json5.json
run import four.apmwb json5.json
check "a single-quoted string in a contract is refused, naming the contract" eval \
	'is "$status" 1 && has "$err" "not valid JSON: contracts[999] (contract 1000) is not a JSON object" && ! cmp -s json5.json many.json'
sed '/"C1000"/s/"why_not": null}/"why_not": null,}/' many.json >json5.json
run import four.apmwb json5.json
check "a trailing comma in a contract is refused, naming the contract" eval \
	'is "$status" 1 && has "$err" "not valid JSON: contracts[999] (contract 1000) is not a JSON object" && ! cmp -s json5.json many.json'
sed 's/^  "answers": {$/  "answers": { \/* JSON5 *\//' many.json >json5.json
run import four.apmwb json5.json
check "a comment in the answers is refused" eval \
	'is "$status" 1 && has "$err" "not valid JSON: the value of \"answers\" is not JSON" && ! cmp -s json5.json many.json'
check "and none of them changed the file" eval \
	'"$APMWB" export --format json four.apmwb | cmp -s - four.before'

# ---- contracts CSV: accepted -------------------------------------------------
H='label,line,type,risk_min,risk_max,shared_risk,dollars'
totals() { "$APMWB" get "$1" nr.all.total; }
count() { "$APMWB" export --format contracts "$1" | grep -c .; }
"$APMWB" new w.apmwb >/dev/null 2>&1
"$APMWB" import w.apmwb "$D/example.json" >/dev/null 2>&1

printf '\357\273\277Shared_Risk,DOLLARS,label,Line,type,risk_min,risk_max\r\n\r\n25,"1,000",A,commercial,tcoc,1,10\r\n,,,,,,\r\n80,"2,000.50","B, ""the best""",medicaid,revenue,1,10\r\n' >ok.csv
run import w.apmwb ok.csv
check "a BOM, CRLF, blank rows, any column order and case, quoted commas" \
	eval 'is "$status" 0 && has "$err" "2 contracts"'
check "replace the worksheet" is "$(count w.apmwb)" 3
check "with the right sums (1,000 fails: shared risk 25% < 30%; 2,000.50 meets: 10% x 80% = 8.0% of revenue)" \
	eval 'is "$("$APMWB" get w.apmwb nr.all.fails)" 1000.00 && is "$("$APMWB" get w.apmwb nr.all.meets)" 2000.50'

printf '%s\r\n"=HYPERLINK(""http://x"",""y"")",commercial,tcoc,1,10,60,1\r\n"@SUM(1)",medicaid,tcoc,1,10,60,2\r\n' "$H" >formula.csv
"$APMWB" import w.apmwb formula.csv >/dev/null 2>&1
"$APMWB" export --format contracts w.apmwb >formula.out
check "formula-like labels export behind an apostrophe" eval \
	'grep -q "^\"'"'"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",commercial" formula.out && grep -q "^\"'"'"'@SUM(1)\",medicaid" formula.out'
"$APMWB" import w.apmwb formula.out >/dev/null 2>&1
"$APMWB" export --format contracts w.apmwb >formula.again
check "and import back as they were" cmp -s formula.out formula.again

# ---- contracts CSV: refused, and nothing changed --------------------------
"$APMWB" import w.apmwb "$D/example.json" >/dev/null 2>&1
before_count=$(count w.apmwb)
before_total=$(totals w.apmwb)
"$APMWB" export --format contracts w.apmwb >before.csv
refused() {
	# refused DESC FILE MESSAGE: exit 1, the message, nothing changed.
	run import w.apmwb "$2"
	check "$1: refused (exit 1) with '$3'" eval \
		'is "$status" 1 && has "$err" "$3" && has "$err" "nothing was imported"'
	"$APMWB" export --format contracts w.apmwb >after.csv
	check "$1: the worksheet is unchanged ($before_count lines, total $before_total)" eval \
		'cmp -s before.csv after.csv && is "$(totals w.apmwb)" "$before_total"'
}

printf 'label,line,kind,risk_min,risk_max,shared_risk,dollars\n' >bad.csv
refused "unknown column" bad.csv "line 1: unknown column 'kind'"
printf 'label,line,type,risk_min,risk_max,shared_risk,dollars,LINE\n' >bad.csv
refused "duplicate column" bad.csv "line 1: column 'line' is there twice"
printf 'label,line,type,risk_min,risk_max,dollars\nA,commercial,tcoc,1,10,1\n' >bad.csv
refused "missing column" bad.csv "line 1: the header has no 'shared_risk' column"
printf '%s\nA,commercial,tcoc,1,10,60,1\nB,commercial,tcoc,1,10,60,1,x\n' "$H" >bad.csv
refused "too many fields" bad.csv "line 3: more fields than the header's 7 columns"
printf '%s\nA,commercial,tcoc,1,10,60\n' "$H" >bad.csv
refused "too few fields" bad.csv "line 2: 6 fields, but the header has 7 columns"
printf '%s\nA,commercial,tcoc,1,10,60,1\n"B,commercial,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "unclosed quote at the end" bad.csv "line 3: a quoted field is not closed before the end of the file"
printf '%s\nA,commercial,tcoc,1,10,60,1\nAcme "North",commercial,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "quote inside an unquoted field" bad.csv "line 3, column label: a quote is misplaced"
printf '%s\nA,comm\000ercial,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "NUL byte" bad.csv "line 2, column line: contains a NUL byte"
printf '%s\nAcme \377 North,commercial,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "invalid UTF-8 in a label" bad.csv "line 2, column label:"
printf '%s\nAcme\033[2J North,commercial,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "a control character in a label" bad.csv "line 2, column label:"
printf '%s\nA,commercial,tcoc,1,100.5,60,1\n' "$H" >bad.csv
refused "a percentage over 100" bad.csv "line 2, column risk_max: '100.5' is more than 100%"
printf '%s\nA,commercial,tcoc,1,10,60.1234,1\n' "$H" >bad.csv
refused "a percentage with 4 decimals" bad.csv "line 2, column shared_risk: '60.1234' has more than three decimals"
printf '%s\nA,commercial,tcoc,1,10,60,-100\n' "$H" >bad.csv
refused "negative dollars" bad.csv "line 2, column dollars: '-100'"
printf '%s\nA,commercial,tcoc,1,10,60,1\n' "$H" >bad.csv
awk 'BEGIN { printf "\"B"; for (i = 0; i < 70000; i++) printf "x"; printf "\",commercial,tcoc,1,10,60,1\n" }' >>bad.csv
refused "a row past 64 KiB" bad.csv "line 3: a row longer than 65536 bytes"
: >bad.csv
refused "an empty file" bad.csv "the file has no header line"
printf '%s\nA,dental,tcoc,1,10,60,1\n' "$H" >bad.csv
refused "an unknown line of business" bad.csv "line 2, column line: 'dental' is not a line of business"

# A spreadsheet's percent cells saved as numbers: 4% is 0.04.
printf '%s\nC7,commercial,tcoc,0.01,0.1,0.6,500000000\nC2,medicaid,revenue,0.05,0.15,0.6,10000000\n' "$H" >fractions.csv
refused "fractions from spreadsheet percent cells" fractions.csv \
	"every risk percentage in the file is at most 1 (the largest is 0.6)"
check "and the refusal says how to write them" eval \
	'has "$err" "Write percent units (4 or 4% for four percent), or import with --fractions to read 0.04 as 4%"'
"$APMWB" new f.apmwb >/dev/null 2>&1
"$APMWB" import f.apmwb "$D/example.json" >/dev/null 2>&1
run import --fractions f.apmwb fractions.csv
check "--fractions reads them as meant (1%, 10%, 60%: 6.0% net risk, meets)" eval \
	'is "$status" 0 && "$APMWB" export --format contracts f.apmwb | grep -q "^C7,commercial,tcoc,1.0,10.0,60.0,500000000.00,6.0,yes,"'
check "so Contract C7 counts as meeting: 500,000,000" \
	is "$("$APMWB" get f.apmwb nr.commercial.meets)" 500000000.00
run import --fractions f.apmwb "$D/example.json"
check "--fractions is for a contracts CSV only" eval \
	'is "$status" 2 && has "$err" "--fractions is for a contracts CSV"'

# An export's results columns are checked on the way back in.
"$APMWB" export --format contracts w.apmwb >results.csv
sed 's/^Contract 7,\(.*\),6\.0,yes,/Contract 7,\1,6.5,yes,/' results.csv >bad.csv
refused "a net risk that does not follow from the contract" bad.csv \
	"line 8, column net_risk: '6.5' is not the contract's net risk: risk_max 10.0% x shared_risk 60.0% is 6.0%"
sed 's/^Contract 1,\(.*\),1\.5,no,/Contract 1,\1,1.5,yes,/' results.csv >bad.csv
refused "a verdict that does not follow from the contract" bad.csv \
	"line 2, column meets: 'yes' says yes, but the contract does not meet the threshold: net risk 1.5% is below 3% (TCOC)"

run import w.apmwb "$T/missing.csv"
check "a missing file is exit 2" eval 'is "$status" 2 && has "$err" "missing.csv"'

printf '%s\r\n' "$H" >header.csv
run import w.apmwb header.csv
check "a header alone empties the worksheet (how an empty one exports)" eval \
	'is "$status" 0 && is "$(count w.apmwb)" 1 && is "$(totals w.apmwb)" 0.00'

done_testing
