#!/bin/sh
# SPDX-License-Identifier: MIT
# review.sh: review mode (-r) shows the same screens, answers every
# editing key with "read-only" and leaves the file byte-identical, with
# nothing written beside it.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
d="$T/sub"
mkdir "$d"
f="$d/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" set "$f" pm.commercial.cat3b_shared_risk yes >/dev/null
"$APMWB" set "$f" commercial.m8 0 >/dev/null
"$APMWB" set "$f" nr.method worksheet >/dev/null
printf 'label,line,type,risk_min,risk_max,shared_risk,dollars\nC1,commercial,tcoc,1,10,60,100\n' >"$T/c.csv"
"$APMWB" import "$f" "$T/c.csv" >/dev/null 2>&1 || exit 99
cp "$f" "$T/before"
ls -la --time-style=full-iso "$d" | grep -v ' \.\.$' >"$T/ls-before"

mkdir "$T/reviewer"
cd "$T/reviewer" || exit 99
start -- -r "$f"
expect "review mode opens the same screens" "General information"
expect "the title bar says READ-ONLY" "READ-ONLY"
# refused DESC KEYS...: KEYS are answered with the refusal.  The hint line
# says "read-only" the whole time, and a refusal stays until the next key,
# so the message line is first put back to the hint (Ctrl-L, as any key).
refusal="read-only: this submission is open for review"
refused() {
	local desc=$1
	shift
	keys C-l
	if ! wait_gone "$refusal" 5; then
		not_ok "$desc" "the last refusal stays after Ctrl-L"
		return
	fi
	keys "$@"
	expect "$desc" "$refusal"
}
refused "Enter on a field answers read-only" Enter
refused "clearing is refused" x
keys ']' ']'
expect "the metric tab reads as usual" "Commercial metrics"
refused "typing a digit is refused" 5
refused "undo is refused" u
keys M-6
expect "the checks are there to read" "Review: Is the denominator equal to the sum of the numerators?"
refused "sign-off is refused" S
keys ']'
expect "the worksheet is there to read" "C1"
keys Down
refused "adding a contract is refused" a
refused "deleting a contract is refused" d
refused "editing a cell is refused" Enter
# An export writes only where the reviewer is, and asks before replacing.
keys Escape e
expect "the export key offers the formats" "Copy sheet"
keys Enter
expect "the copy sheet is offered in the reviewer's own folder" "Write to: s-copy-sheet.txt"
keys Enter
expect "and written there" "exported to s-copy-sheet.txt"
check "the export is in the folder apmwb started in" test -s "$T/reviewer/s-copy-sheet.txt"
echo "the reviewer's notes" >"$T/reviewer/s-copy-sheet.txt"
keys e Enter
expect "the same name is offered again" "Write to: s-copy-sheet.txt"
keys Enter
expect "an existing file is never replaced without asking" "s-copy-sheet.txt exists: y replaces it"
keys n
expect "any key but y keeps it" "not exported: s-copy-sheet.txt is kept"
check "and it is kept as it was" is "$(cat "$T/reviewer/s-copy-sheet.txt")" "the reviewer's notes"
keys e Enter Enter
expect "asked again" "exists: y replaces it"
keys y
expect "y replaces it" "exported to s-copy-sheet.txt"
check "with the copy sheet" grep -q "APM National Data Collection Metrics" "$T/reviewer/s-copy-sheet.txt"
quit
cmp -s "$f" "$T/before"
check "the file is byte-identical after review" is $? 0
ls -la --time-style=full-iso "$d" | grep -v ' \.\.$' >"$T/ls-after"
diff "$T/ls-before" "$T/ls-after" >"$T/ls-diff"
check "nothing was written beside it (no journal, no lock file)" is "$(cat "$T/ls-diff")" ""

# A reviewer can read a file while its respondent has it open.
start -- "$f"
expect "the respondent has it open" "General information"
tm new-window -d "env LANG=C.UTF-8 TERM=screen-256color $APMWB -r $f; echo review-exit=\$?; sleep 600"
i=0
while [ $i -lt 100 ] && ! tm capture-pane -p -t :1 | grep -q "READ-ONLY"; do
	sleep 0.05
	i=$((i + 1))
done
if tm capture-pane -p -t :1 | grep -q "READ-ONLY"; then
	ok "review mode opens a file another apmwb is editing"
else
	not_ok "review mode opens a file another apmwb is editing" \
		"$(tm capture-pane -p -t :1 | head -5)"
fi
tm send-keys -t :1 F10
tm send-keys -t :0 F10
done_testing
