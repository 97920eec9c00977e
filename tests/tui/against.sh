#!/bin/sh
# SPDX-License-Identifier: MIT
# against.sh: apmwb -r FILE --against OLD marks on screen every answer,
# figure and contract that differs from OLD, as apmwb diff lists them, and
# nothing else; the title bar counts them, the tab bar names their tabs.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
old="$T/old.apmwb"
f="$T/new.apmwb"
example_file "$old"
cp "$old" "$f" || exit 99
"$APMWB" set "$f" gi.contact_name "Janet Doe" >/dev/null || exit 99
"$APMWB" set "$f" commercial.m2 2500000000 >/dev/null || exit 99
"$APMWB" set "$f" pm.ma.cat2a_foundational no >/dev/null || exit 99
# Contract 7's dollars change; the others stay.
"$APMWB" export --format contracts "$f" 2>/dev/null |
	sed 's/^Contract 7,commercial,tcoc,1.0,10.0,60.0,500000000.00,/Contract 7,commercial,tcoc,1.0,10.0,60.0,400000000.00,/' \
	>"$T/c.csv" || exit 99
grep -q "^Contract 7,.*,400000000.00," "$T/c.csv" || exit 99
"$APMWB" import "$f" "$T/c.csv" >/dev/null 2>&1 || exit 99
# apmwb diff: 3 answers, a contract's dollars, and the figures that
# follow from them, one line each.
n=$("$APMWB" diff "$old" "$f" | wc -l)

start -- -r "$f" --against "$old"
expect "the file opens for review" "READ-ONLY"
expect "the title bar counts what differs, as diff does ($n)" \
	"Δ $n changed since old.apmwb"
bar=$(screen | sed -n 2p)
case $bar in
*ΔGeneral*ΔModels*ΔCommercial*ΔMA*ΔChecks*ΔRisk*) ok "the tabs holding a change are marked, Checks for its cross-checks" ;;
*) not_ok "the tabs holding a change are marked, Checks for its cross-checks" "$bar" ;;
esac
case $bar in
*ΔMedicaid*|*ΔInfo*) not_ok "...and only they" "$bar" ;;
*) ok "...and only they" ;;
esac
expect "the changed name is marked" " ΔName                              Janet Doe"
if screen | grep -q "ΔEmail\|ΔPhone\|ΔOrganization"; then
	not_ok "...and only it on the tab" "$(screen)"
else
	ok "...and only it on the tab"
fi
keys M-2
expect "the changed model is marked on its grid row" \
	" ΔCat 2A: Foundational spending to improve"
if screen | grep -q "ΔCat 1\|ΔCat 2C"; then
	not_ok "...and no unchanged row" "$(screen)"
else
	ok "...and no unchanged row"
fi
keys M-3
expect "the changed dollars are marked" " Δ 2  legacy payments"
if screen | grep -q "Δ 1 \|Δ 4 \|Δ 6 "; then
	not_ok "...and not the rows that stayed" "$(screen)"
else
	ok "...and not the rows that stayed"
fi
keys M-4
expect "a figure that follows from a change is marked: MA row 5" \
	" Δ 5  Total dollars paid in Category 2"
keys M-6
expect "the Checks lines whose figures changed are marked" \
	" ΔCommercial  "
expect "...Medicare Advantage too" " ΔMedicare Advantage  "
if screen | grep -q "ΔMedicaid"; then
	not_ok "...and not Medicaid, whose figures stayed" "$(screen)"
else
	ok "...and not Medicaid, whose figures stayed"
fi

keys M-7
expect "the changed contract is marked" "Δ  7 Contract 7 "
if screen | grep -q "Δ  [1-68] Contract"; then
	not_ok "...and no contract that stayed" "$(screen)"
else
	ok "...and no contract that stayed"
fi
expect "the summary's changed line is marked" "ΔCommercial  "
quit

# In a locale without UTF-8 the mark is a plain *, apart from the "~"
# that stands for a cut text.
start LANG=C LC_ALL=C -- -r "$f" --against "$old"
expect "the ASCII title bar counts them" "* $n changed since old.apmwb"
expect "...the ASCII mark on the changed name" " *Name "
quit

# The same file against itself: nothing differs, nothing is marked.
start -- -r "$f" --against "$f"
expect "against itself" "Δ 0 changed since new.apmwb"
if screen | grep -q "ΔName" || ! screen | grep -q "General information"; then
	not_ok "...marks nothing, on the workbook's first screen" "$(screen)"
else
	ok "...marks nothing, on the workbook's first screen"
fi
quit
done_testing
