#!/bin/sh
# SPDX-License-Identifier: MIT
# man.sh: the built apmwb(1) names the data folder as configured, the
# version the program prints, and leaves no placeholder unfilled.
. "$TOPSRCDIR/tests/cli/lib.sh"
: "${PKGDATADIR:?run through make check, which sets PKGDATADIR}"
page="$TOPBUILDDIR/man/apmwb.1"

check "apmwb.1 is built" test -s "$page"
files=$(sed -n '/^\.SH FILES/,/^\.SH /p' "$page")
check "FILES gives the configured data folder ($PKGDATADIR/)" \
	has "$files" ".I $PKGDATADIR/"
left=$(grep -n '@[A-Za-z_]*@' "$page")
check "no @placeholder@ is left in the page" eval 'test -z "$left"'
run --version
v=$(printf '%s\n' "$out" | sed -n '1s/^apmwb //p')
check "the page's title line carries the version --version prints ($v)" \
	eval 'grep "^\.TH " "$page" | grep -qF "\"apmwb $v\""'
env=$(sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$page")
check "ENVIRONMENT says a non-empty NO_COLOR turns colour off" \
	has "$env" "When set to a non\\-empty value"

done_testing
