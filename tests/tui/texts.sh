#!/bin/sh
# SPDX-License-Identifier: MIT
# texts.sh: at 80x24 no text is cut where its meaning is: a choice keeps
# its code, the bar's legend its last share, an unselected line's tab its
# whole reason, the Checks tab the advice of a check; members read with
# thousands separators; a refused e-mail address its whole reason.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/e.apmwb"
example_file "$f"
# Cat 1 at 20.0% leaves 30.0% not reported: five shares on the legend.
"$APMWB" set "$f" commercial.m2 1000000000 >/dev/null || exit 99

start -- "$f"
expect "the workbook opens" "General information"
# Members read as the dollars do, with thousands separators.
expect "members with thousands separators" "  Commercial                        1,250,000"
expect "...every line's" "  Medicaid                          402,500"

# A refused e-mail address: the reason whole, however long the address.
keys Down
type_text "jane.doe.of.the.acme.health.plan.claims.office@@example.org"
keys Enter
expect "the refusal names the address" "is not an e-mail address:"
expect "...its reason whole, then that nothing was saved" \
	"more than one '@' · not"
keys Escape
wait_gone "more than one '@'"
keys Up

# A choice's code is part of its meaning: the list wraps, never cuts it.
keys M-8 Down Enter
expect "the increase list opens" "Subcategory that will increase the most ─"
expect "...the 3B choice keeps its code" "  payments (3B)  "
expect "...the 4A choice keeps its code" "  bundled/episode payments (4A)  "
expect "...the 4B choice keeps its code" "  payments that are not condition-specific (4B)  "
keys Escape
wait_gone "Subcategory that will increase the most ─"

# A multi-select marks what is marked, not where the cursor is.
keys Down Enter
expect "the barriers list opens" "Top barriers (up to 3) ─"
expect "...the cursor's row unmarked shows so" "[ ] Provider interest/readiness"
expect "...a marked row shows its mark" "[x] Interoperability"
if screen | grep '\[[ x]\]' | grep -q '✓'; then
	not_ok "...and no row is ticked for the cursor" "$(screen)"
else
	ok "...and no row is ticked for the cursor"
fi
keys Escape
wait_gone "Top barriers (up to 3) ─"

# The legend of the bar shows every share to the last.
keys M-3
expect "the Commercial tab" "Commercial metrics"
expect "the legend's last share is whole" "not reported 30.0%"
quit

# A line not selected: its tab says why whole, and where to select it.
"$APMWB" set "$f" gi.lob.commercial no >/dev/null || exit 99
start -- "$f"
expect "the workbook opens again" "General information"
keys M-3
expect "the reason starts" "Commercial is not selected under the lines of"
expect "...and ends whole" "so its dollars are not asked."
expect "...with what to do" "nothing on this tab counts while it"
expect "...to its end" "  is off."
quit

# The Checks tab: a line whose numerators exceed row 1 gives the
# workbook's advice whole, to its "dominant" APM.
"$APMWB" set "$f" gi.lob.commercial yes >/dev/null || exit 99
"$APMWB" set "$f" commercial.m2 4000000000 >/dev/null || exit 99
start -- "$f"
expect "the workbook opens a third time" "General information"
keys M-6
expect "the over-reported line is an error" "Commercial: the numerators add up"
expect "...with the advice" 'the most advanced or "dominant"'
expect "...to its end" "   APM."
quit
done_testing
