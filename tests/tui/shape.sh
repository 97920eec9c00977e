#!/bin/sh
# SPDX-License-Identifier: MIT
# shape.sh: the shape of tui/, from the built objects and the sources:
# which files each tui file calls into (nm: its undefined symbols that
# another tui file defines), that those calls form no cycle, and that no
# function is over 80 lines without a one-line reason on the line above
# it ("/* Long: why. */").  Anyone can run it after a build:
#   sh tests/tui/shape.sh            (from the top of a built tree)
#   sh tests/tui/shape.sh graph      (the calls only, one file a line)
#   sh tests/tui/shape.sh lengths    (every tui function over 40 lines)
src=${TOPSRCDIR:-.}
bld=${TOPBUILDDIR:-.}
what=${1:-test}
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
	for l in "$@"; do printf '#   %s\n' "$l"; done
}

objs=$(ls "$bld"/tui/libtui_a-*.o 2>/dev/null)
if [ -z "$objs" ]; then
	echo "not ok 1 - tui/ is built (no tui/libtui_a-*.o in $bld)"
	echo "1..1"
	exit 1
fi

# "file: callee callee ...", one line per tui file.
graph() {
	for o in $objs; do
		f=$(basename "$o" .o)
		f=${f#libtui_a-}
		nm "$o" | awk -v f="$f" '
			$2 ~ /^[TDBR]$/ { print "D", f, $3 }
			$1 == "U" { print "U", f, $2 }'
	done | awk '
		$1 == "D" { def[$3] = $2; next }
		{ use[NR] = $2 " " $3 }
		END {
			for (i in use) {
				split(use[i], p, " ")
				if ((p[2] in def) && def[p[2]] != p[1])
					edge[p[1] " " def[p[2]]] = 1
			}
			for (e in edge) {
				split(e, p, " ")
				to[p[1]] = to[p[1]] " " p[2]
			}
			for (f in to)
				print f ":" to[f]
		}' | while read -r f rest; do
		# Callees sorted, for a stable picture.
		echo "$f $(echo $rest | tr ' ' '\n' | sort | tr '\n' ' ')"
	done | sort
}

# Prints each cycle's files once ("a b c"), nothing when there is none.
cycles() {
	graph | awk '
		{ f = $1; sub(/:$/, "", f); nodes[f] = 1
		  for (i = 2; i <= NF; i++) { reach[f, $i] = 1; nodes[$i] = 1 } }
		END {
			for (k in nodes) for (i in nodes) if (reach[i, k])
				for (j in nodes) if (reach[k, j]) reach[i, j] = 1
			for (i in nodes) if (reach[i, i]) {
				s = ""
				for (j in nodes) if (reach[i, j] && reach[j, i]) s = s " " j
				print s
			}
		}' | while read -r line; do
		echo $line | tr ' ' '\n' | sort | tr '\n' ' '; echo
	done | sort -u
}

# "file:line name length reason" for each function of tui/*.c.
lengths() {
	for c in "$src"/tui/*.c; do
		awk -v file="$(basename "$c")" '
			/^[A-Za-z_].*\(/ && !/;[ \t]*$/ && start == 0 {
				sig = $0; sigline = NR; why = prev ~ /^\/\* Long: / }
			/^\{/ && sig != "" { start = NR }
			/^\}/ && start {
				name = sig
				sub(/\(.*/, "", name)
				sub(/.*[ *]/, "", name)
				print file ":" sigline, name, NR - start + 1, why
				start = 0; sig = ""
			}
			{ prev = $0 }' "$c"
	done
}

case $what in
graph)
	graph
	exit 0
	;;
lengths)
	lengths | awk '$3 > 40' | sort -k3 -n -r
	exit 0
	;;
esac

c=$(cycles)
if [ -z "$c" ]; then
	ok "no call cycle between the files of tui/"
else
	not_ok "no call cycle between the files of tui/" "cycles: $(echo $c)" \
		"calls:" "$(graph)"
fi
graph | sed 's/^/# /'

long=$(lengths | awk '$3 > 80 && $4 == 0 { print $1 " " $2 " " $3 " lines" }')
if [ -z "$long" ]; then
	ok "no function of tui/ over 80 lines without a reason above it"
else
	not_ok "no function of tui/ over 80 lines without a reason above it" \
		"$long"
fi
lengths | awk '$3 > 80 { print "# " $0 }'
echo "1..$n"
[ "$failed" -eq 0 ]
