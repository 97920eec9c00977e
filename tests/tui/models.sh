#!/bin/sh
# SPDX-License-Identifier: MIT
# models.sh: the Payment model selection grid scrolled to its last rows
# at 80x24 keeps its column headings (the lines) in view above them.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/e.apmwb"
example_file "$f"

start -- "$f"
expect "the workbook opens" "General information"
keys M-2
expect "the Models tab" "Payment model selection"
i=0
while [ $i -lt 25 ]; do keys Down; i=$((i + 1)); done
expect "the last rows are in view" "Cat 4C: Integrated Finance and Delivery"
expect "...under the grid's headings" \
	"Commercial      MA       Medicaid"
# The headings sit on the first line of the view, over no cursor.
line=$(screen | sed -n 5p)
case $line in
*"Commercial      MA       Medicaid"*) ok "...on the view's first line" ;;
*) not_ok "...on the view's first line" "$(screen)" ;;
esac
keys Space
expect "the cursor's row still takes a key" "saved"
quit
done_testing
