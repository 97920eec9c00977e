#!/bin/sh
# SPDX-License-Identifier: MIT
# signed.sh: an edit on the screen of a signed-off file says, beside
# "saved", that the sign-off is gone and the file is a draft again, as
# the command line does; the file holds the draft.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99
"$APMWB" complete "$f" --by "Jane Doe" >/dev/null 2>&1 || exit 99

start -- "$f"
expect "the signed-off file opens" "General information"
keys Enter C-u
type_text "Janet Doe"
keys Enter
expect "the edit is saved" "saved"
expect "...and the screen says the sign-off is gone" \
	"this file was signed off; this edit makes it a draft again"
check_get gi.contact_name "Janet Doe"
# The next edit of the draft is only saved.
keys Up Enter C-u
type_text "Jane Doe"
keys Enter
wait_gone "this file was signed off"
expect "a draft's edit is only saved" "saved"
quit
if "$APMWB" check "$f" 2>&1 | grep -qi "draft\|not signed"; then
	ok "the file is a draft"
else
	not_ok "the file is a draft" "$("$APMWB" check "$f" 2>&1)"
fi
done_testing
