#!/bin/sh
# SPDX-License-Identifier: MIT
# show.sh: the copy sheet as a respondent types from it: every value to
# type in the machine format, the nominal-risk figures too; the method's
# prompt not left hanging; 80 columns whatever the locale.
. "$TOPSRCDIR/tests/cli/lib.sh"
f="$T/e.apmwb"
"$APMWB" new "$f" >/dev/null && "$APMWB" import "$f" \
	"$TOPSRCDIR/tests/data/example.json" >/dev/null 2>&1 || exit 99

run show "$f"
check "the nominal-risk dollars are plain numbers to type" has "$out" \
	"Meets the LAN nominal risk threshold         Type: 800000000.00   16.0%"
check "...the total spend too" has "$out" \
	"Commercial (total spend 5000000000.00)"
check "...and none is in the screen's dollar format" eval \
	'! printf "%s\n" "$out" | grep -q "threshold *\\\$[0-9]"'
after=$(printf '%s\n' "$out" | grep -A1 "Plans have the option to:$" | tail -1)
check "\"Plans have the option to:\" is followed by the options" \
	has "$after" "i.   Attest that all FFS-based shared-risk dollars"
check "...both of them" has "$out" \
	"ii.  Use the worksheet to find the dollars that meet the threshold."

# A CJK name wraps at 80 columns in the C locale as in a UTF-8 one.
"$APMWB" set "$f" gi.contact_name \
	"山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎" \
	>/dev/null || exit 99
LC_ALL=C.UTF-8 "$APMWB" show "$f" >"$T/utf8.show"
LC_ALL=C "$APMWB" show "$f" >"$T/c.show"
check "the C locale wraps double-width text as a UTF-8 one does" \
	cmp -s "$T/utf8.show" "$T/c.show"
check "...the name on a line of its own, wrapped" eval \
	'grep -q "^      山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎 山田太郎\$" "$T/c.show"'
done_testing
