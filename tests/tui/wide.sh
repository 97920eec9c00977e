#!/bin/sh
# SPDX-License-Identifier: MIT
# wide.sh: answers with double-width characters (CJK, emoji) and
# combining marks: the cursor moves by character as a reader sees it and
# by display column, so a character typed lands where it shows.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
"$APMWB" new "$f" >/dev/null || exit 99
"$APMWB" set "$f" gi.contact_name "山田太郎" >/dev/null
acute=$(printf 'Cafe\314\201')                 # e and U+0301
worker=$(printf 'A\360\237\221\251\342\200\215\342\232\225\357\270\217')
"$APMWB" set "$f" gi.org_name "$worker" >/dev/null
"$APMWB" set "$f" gi.assumptions "$acute" >/dev/null

start -- "$f"
expect "the workbook opens" "山田太郎"
# Enter edits the name; End and a typed Y go after the last character.
keys Enter End; type_text Y; keys Enter
expect "the name is saved" "山田太郎Y"
check_get gi.contact_name "山田太郎Y"
# Home, then Right twice: past two wide characters.
keys Up Enter Home Right Right; type_text "-"; keys Enter
wait_for "山田-太郎Y"
check_get gi.contact_name "山田-太郎Y"
# An emoji made of four code points is one character for Left.
keys Down Down Enter Left; type_text B; keys Enter
wait_for "saved"
check_get gi.org_name "$(printf 'AB\360\237\221\251\342\200\215\342\232\225\357\270\217')"
# The long-text editor: Left over e and its accent moves past both.
keys End
wait_for "Assumptions"
keys Enter Left; type_text x; keys Tab
wait_for "saved"
check_get gi.assumptions "$(printf 'Cafxe\314\201')"
keys End
keys Enter BSpace; keys Tab
wait_for "Cafx"
check_get gi.assumptions "Cafx"
quit
done_testing
