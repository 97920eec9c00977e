#!/bin/sh
# SPDX-License-Identifier: MIT
# set_get.sh: answers in and out, validation, computed figures.
. "$TOPSRCDIR/tests/cli/lib.sh"
f="$T/s.apmwb"
"$APMWB" new "$f" || exit 99

run set "$f" gi.org_name "  Acme Health Plan  "
check "set saves a text answer" is "$status" 0
run get "$f" gi.org_name
check "get prints it trimmed" is "$out" "Acme Health Plan"

run set "$f" gi.lob.commercial Yes
run get "$f" gi.lob.commercial
check "yes/no answers are stored as yes" is "$out" yes
"$APMWB" set "$f" pm.commercial.cat1_legacy y
"$APMWB" set "$f" pm.commercial.cat2c_p4p yes

run set "$f" commercial.m1 '$5,000,000,000'
run get "$f" commercial.m1
check "money is stored to the cent" is "$out" 5000000000.00
run set "$f" commercial.m2 4500000000.5
run get "$f" commercial.m2
check "one decimal becomes cents" is "$out" 4500000000.50

cp "$f" "$T/before"
run set "$f" commercial.m4 12.345
check "three decimals are refused with exit 1" eval 'is $status 1 && has "$err" "commercial.m4" && has "$err" "not saved"'
run set -- "$f" commercial.m4 -5
check "a negative amount is refused" eval 'is $status 1 && has "$err" "negative"'
run set "$f" commercial.m4 1e6
check "an exponent is refused" is "$status" 1
run set "$f" commercial.m4 12abc
check "junk is refused" is "$status" 1
run set "$f" commercial.m4 100000000000000000
check "an amount past the range is refused" is "$status" 1
run set "$f" gi.contact_email "jane at example"
check "a bad e-mail is refused" eval 'is $status 1 && has "$err" "gi.contact_email"'
run set "$f" gi.contact_phone "555-0100"
check "a short phone number is refused" is "$status" 1
run set "$f" commercial.m5 100
check "a computed row cannot be typed" eval 'is $status 1 && has "$err" "computed"'
cmp -s "$f" "$T/before"
check "refused values leave the file byte-identical" is $? 0

run set "$f" gi.lob.comercial yes
check "an unknown key exits 2 and suggests one" eval 'is $status 2 && has "$err" "gi.lob.commercial"'
run get "$f" no.such.key
check "get of an unknown key exits 2" is "$status" 2

run get "$f" commercial.m4
check "a blank answer prints nothing" eval 'is $status 0 && is "$out" ""'
run get "$f" commercial.m2.share
check "shares are computed" is "$out" 90.0
run get "$f" commercial.m4.share
check "a blank row's share is n/a" is "$out" n/a
run get "$f" xc.commercial.ok
check "the cross-check says no while short" is "$out" no
run get "$f" xc.commercial.diff
check "with the signed difference" is "$out" -499999999.50
run set "$f" commercial.m4 499,999,999.50
run get "$f" xc.commercial.ok
check "and yes when the numerators meet the denominator" is "$out" yes
run get "$f" commercial.m18
check "category totals add the rows" is "$out" 499999999.50
run get "$f" commercial.m17.share
check "row 17 is row 2's share" is "$out" 90.0

run set "$f" commercial.m4 ""
run get "$f" commercial.m4
check "an empty value makes the answer blank" eval 'is $status 0 && is "$out" ""'

run set "$f" commercial.m9 250
check "an answer hidden by display logic is kept, with a note of what would ask it" eval 'is $status 0 && has "$err" "counts nowhere: it is asked only when pm.commercial.cat3b_procedure_bundles is yes"'
run get "$f" commercial.m9
check "get reads it back" is "$out" 250.00
run get "$f" commercial.m10
check "but it counts nowhere" is "$out" ""

run set "$f" iq.barriers provider_interest "Market factors" other
run get "$f" iq.barriers
check "a multi-select takes several values, in the form's order" is "$out" "provider_interest
market
other"
run set "$f" iq.barriers provider_interest plan_interest market other
check "a fourth choice is refused" eval 'is $status 1 && has "$err" "at most 3"'
run set "$f" iq.trend sideways
check "an unknown choice lists the choices" eval 'is $status 1 && has "$err" "increase"'

run set "$f" gi.assumptions "$(printf 'first line\nsecond line')"
run get "$f" gi.assumptions
check "long text keeps its lines" is "$out" "$(printf 'first line\nsecond line')"
run set "$f" gi.org_name "$(printf 'Evil\033[2JCorp')"
check "an escape sequence in text is refused" eval 'is $status 1 && has "$err" "control character"'

done_testing
