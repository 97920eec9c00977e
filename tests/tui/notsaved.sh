#!/bin/sh
# SPDX-License-Identifier: MIT
# notsaved.sh: a save that fails (the file kept busy by another program)
# says NOT SAVED plainly, keeps the typed text on screen and loses
# nothing saved before; the same Enter saves it once the file is free.
. "$TOPSRCDIR/tests/cli/lib.sh"
. "$TOPSRCDIR/tests/tui/lib.sh"
f="$T/s.apmwb"
make_clean "$f" >/dev/null 2>&1 || exit 99

start -- "$f"
expect "the workbook opens" "General information"
# Another program holds the file's write lock until $T/release appears.
if command -v sqlite3 >/dev/null 2>&1; then
	{
		echo "BEGIN EXCLUSIVE; SELECT 'held';"
		while [ ! -f "$T/release" ]; do sleep 0.05; done
		echo "ROLLBACK;"
	} | sqlite3 "$f" >"$T/held-out" &
	i=0
	while ! grep -q held "$T/held-out" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	touch "$T/held"
elif command -v python3 >/dev/null 2>&1; then
	python3 - "$f" "$T/release" "$T/held" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0.1)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[3], "w").close()
for _ in range(600):
    if os.path.exists(sys.argv[2]):
        break
    time.sleep(0.05)
c.execute("ROLLBACK")
PY
else
	not_ok "sqlite3 or python3 is needed to hold the file's lock"
	done_testing
	exit 1
fi
i=0
while [ ! -f "$T/held" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
keys Enter C-u
type_text "Janet Roe"
keys Enter
expect "a failed save says NOT SAVED" "NOT SAVED" 20
expect "...and keeps the typed text on screen" "Janet Roe"
touch "$T/release"
wait
check_get gi.contact_name "Jane Doe"
check_get gi.org_name "Acme Health Plan"
keys Enter
# "not saved" holds "saved": the message line must say it alone.
expect_line "Enter again saves once the file is free" '^ saved *$' 20
wait_gone "NOT SAVED" 5
check_get gi.contact_name "Janet Roe"
quit
done_testing
