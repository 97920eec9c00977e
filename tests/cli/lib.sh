# SPDX-License-Identifier: MIT
# lib.sh: TAP helpers for the command-line tests.  Source it; it makes a
# scratch directory $T, removed on exit.  `run apmwb-args...` runs the
# program and leaves $status, $out and $err.
: "${APMWB:?run these through make check, which sets APMWB}"
T=$(mktemp -d "${TMPDIR:-/tmp}/apmwb-cli.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8
_n=0
_failed=0

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }

not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	echo "not ok $_n - $1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

run() {
	"$APMWB" "$@" >"$T/.out" 2>"$T/.err"
	status=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

# check DESC TEST...: ok when the test command succeeds; on failure shows
# what the last run printed.
check() {
	local desc=$1
	shift
	if "$@"; then
		ok "$desc"
	else
		not_ok "$desc" "status: $status" "stdout: $(printf %s "$out" | head -5)" \
			"stderr: $(printf %s "$err" | head -5)"
	fi
}

has() { case "$1" in *"$2"*) return 0 ;; esac; return 1; }
is() { [ "$1" = "$2" ]; }

# A worksheet of 3,000 commercial contracts, C1 to C3000, in the current
# folder: many.csv, many.apmwb, its JSON export many.json (some 600 KB,
# many reads long) and its contracts export many.contracts.
many_contracts() {
	awk 'BEGIN { print "label,line,type,risk_min,risk_max,shared_risk,dollars";
		for (i = 1; i <= 3000; i++)
			printf "C%d,commercial,tcoc,1,10,60,%d.25\n", i, i }' >many.csv
	"$APMWB" new many.apmwb >/dev/null 2>&1
	"$APMWB" import many.apmwb many.csv >/dev/null 2>&1
	"$APMWB" export --format json many.apmwb >many.json
	"$APMWB" export --format contracts many.apmwb >many.contracts
}

# A submission with one line of business answered consistently.
make_clean() {
	"$APMWB" new "$1" &&
	"$APMWB" set "$1" gi.contact_name "Jane Doe" &&
	"$APMWB" set "$1" gi.contact_email jane.doe@example.org &&
	"$APMWB" set "$1" gi.contact_phone "(555) 010-2030" &&
	"$APMWB" set "$1" gi.org_name "Acme Health Plan" &&
	"$APMWB" set "$1" gi.lob.commercial yes &&
	"$APMWB" set "$1" pm.commercial.cat1_legacy yes &&
	"$APMWB" set "$1" commercial.m1 1000 &&
	"$APMWB" set "$1" commercial.m2 1000
}

# interrupt_save SRC DEST: DEST and DEST-journal as a writer killed in the
# middle of a save of SRC leaves them: pages of an unfinished change (a new
# table junk, gi.org_name 'Half Written') spilled into the file, the journal
# hot beside it.  SRC itself is left as it was.
interrupt_save() {
	local src=$1 dest=$2
	sqlite3 "$src" >/dev/null <<EOF || return 1
PRAGMA cache_size = 2;
BEGIN;
CREATE TABLE junk(x);
INSERT INTO junk WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1
	FROM c WHERE i < 400) SELECT randomblob(900) FROM c;
UPDATE answer SET value = 'Half Written' WHERE key = 'gi.org_name';
.system cp '$src-journal' '$dest.tmp-journal'
.system cp '$src' '$dest.tmp'
ROLLBACK;
EOF
	[ -s "$dest.tmp-journal" ] && mv "$dest.tmp" "$dest" &&
		mv "$dest.tmp-journal" "$dest-journal"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
