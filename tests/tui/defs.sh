#!/bin/sh
# SPDX-License-Identifier: MIT
# defs.sh: a definitions search starts at its first hit wherever the list
# was scrolled to, and shows every hit that fits.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/e.apmwb"
example_file "$f"

start -- "$f"
expect "the workbook opens" "General information"
keys M-9 /
expect "/ opens the definitions" "Definitions (38 of 38)"
keys NPage NPage NPage NPage
expect "...scrolled to the end" "Utilization-based shared savings"
type_text shared
expect "the search counts its hits" "Definitions (7 of 38)"
expect "...shows the first hit at the top" \
	"│ Search: shared"
n=$(screen | grep -c -i "shared")
# The first hit on the box's first line, under the search.
first=$(screen | sed -n 4p)
case $first in
*"Fee-For Service Based Shared risk"*) ok "...the first hit on the first line" ;;
*) not_ok "...the first hit on the first line" "$(screen)" ;;
esac
if [ "$(screen | grep -c "│ [A-Z].*│")" -ge 8 ]; then
	ok "...and every hit is in view ($n lines name it)"
else
	not_ok "...and every hit is in view" "$(screen)"
fi
quit
done_testing
