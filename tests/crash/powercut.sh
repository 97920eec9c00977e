#!/bin/bash
# SPDX-License-Identifier: MIT
# powercut.sh: a confirmed answer survives a power cut.  The submission
# lives on an ext4 file system in a loop-mounted image; right after each
# change apmwb confirms (exit 0), before any sync, the image is copied: the
# copy is what the disk would hold had the power gone then.  The copy is
# mounted (ext4 replays its own journal, as after a real cut) and every
# confirmed answer must be there, with no journal beside the file that
# would roll it back.  Needs loop devices and root, or sudo without a
# password (as on CI) for mount and umount only; skipped without them.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib.sh"

skip() { echo "ok 1 # SKIP $1"; echo "1..1"; exit 0; }
if [ "$(id -u)" -eq 0 ]; then
	su=
elif sudo -n true 2>/dev/null; then
	su="sudo -n"
else
	skip "needs root (or sudo without a password) to mount a loop device"
fi
for c in losetup mkfs.ext4 mount umount sqlite3; do
	command -v "$c" >/dev/null || skip "needs $c"
done
img=$T/disk.img
mnt=$T/mnt
cutmnt=$T/cut
mkdir "$mnt" "$cutmnt"
truncate -s 16M "$img" && mkfs.ext4 -q -F "$img" >/dev/null 2>&1 ||
	skip "cannot make an ext4 image"
$su mount -o loop "$img" "$mnt" 2>/dev/null || skip "cannot mount a loop device here"
trap '$su umount "$cutmnt" 2>/dev/null; $su umount "$mnt" 2>/dev/null; rm -rf "$T"' EXIT
# The file system's root is root's; the program runs as whoever runs this.
[ -z "$su" ] || $su chown "$(id -u):$(id -g)" "$mnt" || exit 99

F=$mnt/s.apmwb
cuts=0

# power_cut DESC: copies the image as the disk holds it now, mounts the
# copy, and checks every confirmed answer in want[] and that no journal
# came back beside the file.
power_cut() {
	cp --sparse=always "$img" "$T/cut.img"
	cuts=$((cuts + 1))
	if ! $su mount -o loop "$T/cut.img" "$cutmnt" 2>/dev/null; then
		problems+=("the copy does not mount")
		report "$1"
		return
	fi
	[ -e "$cutmnt/s.apmwb-journal" ] &&
		[ -s "$cutmnt/s.apmwb-journal" ] &&
		problems+=("the journal came back: the commit would be rolled back")
	confirmed_read_back "$cutmnt/s.apmwb"
	$su umount "$cutmnt"
	report "$1"
}

"$APMWB" new "$F" || exit 99
want[gi.contact_name]=""
power_cut "a new file is there after a power cut"

for name in "Jane Doe" "John Roe" "Ann Example" "Bo Sample" "Cy Test"; do
	"$APMWB" set "$F" gi.contact_name "$name" || exit 99
	want[gi.contact_name]=$name
	power_cut "a saved answer ($name) survives a power cut"
done

"$APMWB" set "$F" gi.lob.medicaid yes >/dev/null || exit 99
want[gi.lob.medicaid]=yes
printf 'label,line,type,risk_min,risk_max,shared_risk,dollars\nA,medicaid,tcoc,1,10,50,100\n' >"$T/c.csv"
"$APMWB" import "$F" "$T/c.csv" >/dev/null 2>&1 || exit 99
power_cut "an import of contracts survives a power cut"
[ "$("$APMWB" export --format contracts "$F" | wc -l)" -eq 2 ] ||
	echo "# the import did not take"

"$APMWB" ack "$F" m1.medicaid "sent later" >/dev/null || exit 99
power_cut "an acknowledgement survives a power cut"

"$APMWB" set "$F" gi.org_name "Acme Health Plan" >/dev/null || exit 99
"$APMWB" undo "$F" >/dev/null || exit 99
want[gi.org_name]=""
power_cut "an undo survives a power cut"

# An interrupted save, put right by the next writer: the repair and the
# save after it are both durable.
interrupt_save "$F" "$F" && sync || exit 99
"$APMWB" set "$F" gi.org_name "Acme" >/dev/null 2>&1 || exit 99
want[gi.org_name]=Acme
power_cut "putting an interrupted save right, then a save, survives a power cut"

echo "# $cuts power cuts simulated"
done_testing
