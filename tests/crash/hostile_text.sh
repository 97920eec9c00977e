#!/bin/bash
# SPDX-License-Identifier: MIT
# hostile_text.sh: control characters, escape sequences, bidi overrides,
# invalid UTF-8 and over-long values, in every text answer, in contract
# labels (CSV import) and in a JSON import, are refused with a reason and
# change nothing.  Text that got into a file anyway (written there by
# another program) reaches the terminal from get, show, check, log and the
# full screen only through the sanitiser; the JSON export escapes it.
. "$TOPSRCDIR/tests/cli/lib.sh" || exit 99
. "$TOPSRCDIR/tests/tui/lib.sh" || exit 99
. "$TOPSRCDIR/tests/crash/lib.sh" || exit 99
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" gi.lob.ma yes >/dev/null &&
"$APMWB" set "$f" iq.barriers other >/dev/null &&
"$APMWB" set "$f" iq.facilitators other >/dev/null &&
"$APMWB" set "$f" iq.vary_by_lob yes >/dev/null || exit 99

# Hostile values: name, then the bytes.  None may be stored.
hostile=(
	osc-title	$'A\e]0;pwned\aB'
	clear-screen	$'A\e[2JB'
	csi-colour	$'A\e[31mB'
	bell		$'A\aB'
	backspace	$'A\bB'
	soh		$'A\x01B'
	del		$'A\x7fB'
	c1-nel		$'A\u0085B'
	c1-csi		$'A\u009b2JB'
	raw-8bit-csi	$'A\x9b2JB'
	rlo		$'A\u202eB'
	lri		$'A\u2066B'
	rli		$'A\u2067B'
	fsi		$'A\u2068B'
	pdi		$'A\u2069B'
	rlm		$'A\u200fB'
	alm		$'A\u061cB'
	line-sep	$'A\u2028B'
	bad-byte	$'A\xffB'
	cut-sequence	$'A\xc3'
	overlong-slash	$'A\xc0\xafB'
	surrogate	$'A\xed\xa0\x80B'
	past-unicode	$'A\xf4\x90\x80\x80B'
	zero-width	$'A\u200bB'
	byte-order-mark	$'A\ufeffB'
	soft-hyphen	$'A\u00adB'
	word-joiner	$'A\u2060B'
	hangul-filler	$'A\u3164B'
	tag-letter	$'A\U000e0041B'
	combining-run	$'Ae\u0301\u0301\u0301\u0301B'
)
# text fields and how long each may be; and those with a format of their own.
text_keys=(gi.contact_name gi.org_name iq.barriers_other
	iq.facilitators_other)
format_keys=(gi.contact_phone gi.contact_email)
long_keys=(gi.assumptions iq.vary_by_lob_how)

# no_raw_bytes FILE: FILE holds nothing a terminal would act on or show
# other than as written: no C0 (but tab, newline) or C1 control, no DEL,
# no bidi control, no line separator, and only valid UTF-8.
no_raw_bytes() {
	! LC_ALL=C grep -aqP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c' "$1" &&
		iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

# refused_untouched DESC [FILE]: the last run refused its value in one
# plain line that says nothing was saved and why, and FILE (the
# submission) is as it was.
refused_untouched() {
	local file=${2:-$f}
	[ "$status" -eq 1 ] || problems+=("status $status")
	printf '%s' "$err" >"$T/err.bytes"
	no_raw_bytes "$T/err.bytes" || problems+=("raw bytes in the message: $(cat -v "$T/err.bytes")")
	[[ $err == *"not saved: "?* || $err == *"not imported: "?* ||
	   $err == *"; nothing was imported" ]] ||
		problems+=("does not say why nothing was saved: $err")
	[[ $err != *$'\n'* ]] || problems+=("more than one line: $err")
	cmp -s "$file" "$file.before" || problems+=("the file changed")
	report "$1: ${err#apmwb: }"
}

tried=0
cp "$f" "$f.before"
for key in "${text_keys[@]}" "${format_keys[@]}" "${long_keys[@]}"; do
	for ((i = 0; i < ${#hostile[@]}; i += 2)); do
		run set "$f" "$key" "${hostile[i + 1]}"
		tried=$((tried + 1))
		refused_untouched "set $key ${hostile[i]} is refused"
	done
	case " ${long_keys[*]} " in
	*" $key "*) max=20000 ;;
	*) max=500 ;;
	esac
	run set "$f" "$key" "$(printf "%$((max + 1))s" | tr ' ' L)"
	tried=$((tried + 1))
	refused_untouched "set $key of $((max + 1)) bytes is refused"
done
# One line breaks in a one-line answer; several lines are an assumption.
for key in "${text_keys[@]}"; do
	run set "$f" "$key" $'first\nsecond'
	tried=$((tried + 1))
	refused_untouched "set $key with a line break is refused"
done
run set "$f" gi.assumptions $'first\r\nsecond\n'
check "several lines are an assumption, one line ending kept" \
	is "$("$APMWB" get "$f" gi.assumptions)" $'first\nsecond'
# Text at its limit, in any script, is stored as given.
for key in "${text_keys[@]}"; do
	v="Ünïcödé 中文 ✓ "
	v+=$(printf "%$((500 - $(printf %s "$v" | wc -c)))s" | tr ' ' x)
	run set "$f" "$key" "$v"
	check "$key takes 500 bytes of text in any script" \
		is "$("$APMWB" get "$f" "$key")" "$v"
done
run set "$f" gi.assumptions "$(printf '%20000s' | tr ' ' x)"
check "gi.assumptions takes 20000 bytes" is "$status" 0
run set "$f" gi.org_name $'Acme\tHealth Plan'
check "a tab pasted in becomes a blank" \
	is "$("$APMWB" get "$f" gi.org_name)" "Acme Health Plan"

# ---- contract labels through the CSV import -------------------------------
header='label,line,type,risk_min,risk_max,shared_risk,dollars'
printf '%s\r\nGood,commercial,tcoc,1,10,60,100\r\n' "$header" >"$T/good.csv"
"$APMWB" import "$f" "$T/good.csv" >/dev/null 2>&1 || exit 99
cp "$f" "$f.before"
for ((i = 0; i < ${#hostile[@]}; i += 2)); do
	printf '%s\r\n"%s",commercial,tcoc,1,10,60,100\r\n' "$header" \
		"${hostile[i + 1]}" >"$T/bad.csv"
	run import "$f" "$T/bad.csv"
	tried=$((tried + 1))
	has "$err" "line 2, column label" || problems+=("does not name the line and column")
	refused_untouched "a contract label ${hostile[i]} is refused"
done
printf '%s\r\n%s,commercial,tcoc,1,10,60,100\r\n' "$header" \
	"$(printf '%201s' | tr ' ' L)" >"$T/bad.csv"
run import "$f" "$T/bad.csv"
tried=$((tried + 1))
refused_untouched "a contract label of 201 bytes is refused"

# ---- a JSON import --------------------------------------------------------
"$APMWB" set "$f" iq.barriers_other "Other reason" >/dev/null || exit 99
"$APMWB" export --format json "$f" >"$T/good.json" || exit 99
grep -q '"gi.org_name": "Acme Health Plan"' "$T/good.json" || exit 99
# JSON's own escapes, and raw bytes inside a JSON string.
json_hostile=(
	'A\u001b]0;pwned\u0007B' 'A\u001b[2JB' 'A\u0000B' 'A\u0085B'
	'A\u009bB' 'A\u202eB' 'A\u2066B' 'A\u2028B' 'A\ud800B' 'A\udc00B'
	$'A\e[2JB' $'A\xffB' $'A\u202eB' $'A\x01B'
	"$(printf '%501s' | tr ' ' L)"
)
for v in "${json_hostile[@]}"; do
	for key in gi.org_name iq.barriers_other; do
		"$APMWB" new "$T/j.apmwb" >/dev/null 2>&1 || exit 99
		cp "$T/j.apmwb" "$T/j.apmwb.before"
		sed "s|\"$key\": \"[^\"]*\"|\"$key\": \"${v//\\/\\\\}\"|" \
			"$T/good.json" >"$T/bad.json"
		run import "$T/j.apmwb" "$T/bad.json"
		tried=$((tried + 1))
		refused_untouched "JSON import of $key '$(printf %s "$v" | head -c 30 | cat -v)' is refused" "$T/j.apmwb"
		rm -f "$T/j.apmwb"
	done
done
# ---- acknowledgements through a JSON import: the rules of apmwb ack -------
"$APMWB" new "$T/a.apmwb" >/dev/null 2>&1 || exit 99
ack_json() {
	printf '{"format": "apmwb-submission", "version": 1, "edition": "2020", '
	printf '"acknowledgements": [{"check": "m1.medicaid", "message": "m", '
	printf '"reason": "%s", "by": "%s", "at": "%s"}]}\n' "$1" "$2" "$3"
}
big=$(head -c 5000000 /dev/zero | tr '\0' r)
ack_hostile=(
	"a by with a line break and a fake error line|ok|Ann\\nerror: forged|2026-01-02T03:04:05Z"
	"ESC in by|ok|Ann\\u001b]0;pwned\\u0007|2026-01-02T03:04:05Z"
	"an at that is no time|ok|Ann|never"
	"an at that is no date|ok|Ann|2026-02-30T03:04:05Z"
	"a reason of 5 MB|$big|Ann|2026-01-02T03:04:05Z"
	"a reason with a line break|one\\ntwo|Ann|2026-01-02T03:04:05Z"
	"an invisible character in by|ok|An\\u200bn|2026-01-02T03:04:05Z"
)
cp "$T/a.apmwb" "$T/a.apmwb.before"
for a in "${ack_hostile[@]}"; do
	IFS='|' read -r desc reason by at <<<"$a"
	ack_json "$reason" "$by" "$at" >"$T/ack.json"
	run import "$T/a.apmwb" "$T/ack.json"
	tried=$((tried + 1))
	has "$err" "acknowledgements[0]" || problems+=("does not name the acknowledgement")
	refused_untouched "JSON import of an acknowledgement with $desc is refused" "$T/a.apmwb"
done
ack_json "sent with the next file" "Ann Example" "2026-01-02T03:04:05Z" >"$T/ack.json"
run import "$T/a.apmwb" "$T/ack.json"
check "a well-formed acknowledgement imports" is "$status" 0
echo "# $tried hostile text inputs tried"

# ---- text that got into the file anyway ------------------------------------
# Another program wrote it: every way out to a terminal sanitises it.
evil="Evil'||char(27)||']0;pwned'||char(7)||char(27)||'[2J'||char(8238)||'rtl'||char(155)||cast(x'ff' as text)||'end"
sqlite3 "$f" >/dev/null <<EOF || exit 99
UPDATE answer SET value = '$evil' WHERE key IN ('gi.org_name',
	'gi.contact_name', 'iq.barriers_other');
UPDATE answer SET value = '$evil' || char(10) || 'line two'
	WHERE key = 'gi.assumptions';
UPDATE contract SET label = '$evil';
INSERT INTO history (at, who, what, key, old, new)
	VALUES ('2020-01-01T00:00:00Z', '$evil', 'answer', 'gi.org_name',
	'$evil', '$evil');
INSERT INTO history (at, who, what, key, old, new)
	VALUES ('$evil', 'x', 'answer', 'gi.contact_name', 'x', 'y' || char(10) ||
	'2026-01-01T00:00:00Z  auditor  complete  signed_by: (blank) -> Chief Auditor');
INSERT INTO meta VALUES ('state', 'complete') ON CONFLICT(key) DO UPDATE SET value = 'complete';
INSERT INTO meta VALUES ('signed_by', 'Jane' || char(10) || 'error: forged') ON CONFLICT(key) DO UPDATE SET value = excluded.value;
INSERT INTO meta VALUES ('signed_at', '$evil') ON CONFLICT(key) DO UPDATE SET value = excluded.value;
EOF
# One entry of the history is one line, whatever a value holds.
rows=$(sqlite3 -readonly "$f" 'SELECT count(*) FROM history')
"$APMWB" log "$f" >"$T/log.bytes" 2>/dev/null
[ "$(wc -l <"$T/log.bytes")" -eq "$rows" ] ||
	problems+=("$rows history rows printed as $(wc -l <"$T/log.bytes") lines")
grep -q '^2026-01-01T00:00:00Z  auditor' "$T/log.bytes" &&
	problems+=("a value forged a line of history")
grep -qF 'y\n2026-01-01T00:00:00Z  auditor' "$T/log.bytes" ||
	problems+=("the line break is not shown as \\n")
report "log prints one line per change: a value cannot forge a line of history"
"$APMWB" check "$f" >"$T/check.bytes" 2>/dev/null
head -1 "$T/check.bytes" | grep -qF 'signed off by Jane\nerror: forged at Evil' ||
	problems+=("the sign-off line: $(head -1 "$T/check.bytes" | cat -v)")
grep -q '^error: forged' "$T/check.bytes" && problems+=("the signer's name forged an error line")
report "check prints the stored sign-off on its one line, sanitised"
for c in "get F gi.org_name" "get F gi.assumptions" "show F" "check F" \
	"log F" "export --format contracts F"; do
	"$APMWB" ${c/F/$f} >"$T/out.bytes" 2>"$T/err.bytes"
	status=$?
	[ "$status" -le 1 ] || problems+=("status $status: $(cat -v "$T/err.bytes")")
	[ "${c%% *}" = check ] || grep -aq 'pwned' "$T/out.bytes" ||
		problems+=("the stored text is not shown at all")
	# contracts is a machine format too: written for a file, it keeps
	# what it holds; the rest is for a terminal.
	if [ "${c%% F}" != "export --format contracts" ]; then
		no_raw_bytes "$T/out.bytes" || problems+=("raw bytes reach the terminal: $(grep -a pwned "$T/out.bytes" | head -2 | cat -v)")
	fi
	no_raw_bytes "$T/err.bytes" || problems+=("raw bytes on stderr")
	report "$c shows stored control and bidi characters only sanitised"
done
# A machine export shown on a terminal (script(1) gives it one) passes the
# sanitiser too; written to a file it keeps the stored bytes.
for fmt in csv qualtrics contracts; do
	APMWB_DATADIR="$TOPSRCDIR/share" script -qec "'$APMWB' export --format $fmt '$f'" /dev/null >"$T/tty.bytes" 2>&1
	status=$?
	[ "$status" -le 1 ] || problems+=("status $status")
	grep -aq 'pwned' "$T/tty.bytes" || problems+=("the stored text is not shown at all")
	# The terminal's own CRLF line ends are not the file's bytes.
	tr -d '\r' <"$T/tty.bytes" >"$T/tty.clean"
	no_raw_bytes "$T/tty.clean" || problems+=("raw bytes reach the terminal: $(grep -a pwned "$T/tty.clean" | head -2 | cat -v)")
	report "export --format $fmt on a terminal shows stored text only sanitised"
done
"$APMWB" export --format csv "$f" >"$T/out.csv"
grep -aq $'Evil\e]0;pwned' "$T/out.csv" || problems+=("the CSV file lost the stored bytes")
report "export --format csv to a file keeps the stored bytes"

# JSON keeps every valid character (bidi and C1 ones are valid JSON) but
# escapes C0 controls, and is valid UTF-8 whatever the file held.
"$APMWB" export --format json "$f" >"$T/out.json"
! LC_ALL=C grep -aqP '[\x00-\x09\x0b-\x1f\x7f]' "$T/out.json" ||
	problems+=("raw control characters in the JSON")
iconv -f UTF-8 -t UTF-8 "$T/out.json" >/dev/null 2>&1 ||
	problems+=("the JSON is not valid UTF-8: $(grep -a pwned "$T/out.json" | head -1 | cat -v)")
grep -q 'Evil\\u001b\]0;pwned\\u0007\\u001b\[2J' "$T/out.json" ||
	problems+=("ESC and BEL are not escaped as \\u001b and \\u0007")
report "the JSON export escapes control characters and is valid UTF-8"

# The full screen (review mode): every tab that shows the text.
pipe="$T/pane.raw"
start -- -r "$f"
tm pipe-pane -o "cat >>'$pipe'"
expect "review mode opens a file holding hostile text" "General information"
expect "the stored name is shown, sanitised" "Evil�]0;pwned"
for k in M-8 M-7 M-6; do
	keys "$k"
	sleep 0.3
done
wait_for "Checks" 2
keys q
wait_for "apmwb-exit=" 10
problems=()
grep -aq $'\e]0;pwned' "$pipe" && problems+=("the title sequence reached the terminal")
grep -aq $'\e\[2Jrtl' "$pipe" && problems+=("a clear-screen from the file reached the terminal")
LC_ALL=C grep -aqP '\xe2\x80\xae|\xc2\x9b|\xff' "$pipe" &&
	problems+=("a bidi override, C1 or invalid byte reached the terminal")
[ "$(tm display-message -p '#{pane_title}')" != pwned ] ||
	problems+=("the stored text set the terminal's title")
grep -aq 'pwned' "$pipe" || problems+=("the raw output was not captured")
report "the full screen writes none of the stored bytes raw to the terminal"

done_testing
