#!/bin/sh
# SPDX-License-Identifier: MIT
# licence.sh: every tracked source file opens with the line
# "SPDX-License-Identifier: MIT" (after a #! line, if it has one), in its
# own kind of comment.  Lists the files that lack it and fails then; a file
# of a kind this script does not know fails too, until it is named below.
#
#   tests/cli/licence.sh          the test (TAP), as make check runs it
#   tests/cli/licence.sh --fix    adds the line to every file that lacks it
#
# Only files git tracks are judged, so without a git checkout (a tarball)
# there is nothing to judge and the test is skipped.
top=${TOPSRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tag='SPDX-License-Identifier: MIT'

# kind FILE: the comment the line takes in FILE (c, hash, sql, roff), or
# "-" for a file that is data or prose, not source; nothing when unknown.
kind() {
	case $1 in
	*.c | *.h) echo c ;;
	*.sql) echo sql ;;
	man/*.[1-9] | man/*.[1-9].in) echo roff ;;
	*.md | COPYING | */README | README | */.keep | .gitignore | .git*) echo - ;;
	tests/data/* | tests/fuzz/corpus/* | tests/fuzz/regress/*/*) echo - ;;
	*.csv | *.json) echo - ;;
	debian/changelog | debian/control | debian/copyright | debian/docs | \
	debian/source/*) echo - ;;
	*.sh | *.am | configure.ac | *.supp | *.dict | *.m4 | completion/* | \
	debian/rules | .ci/*) echo hash ;;
	*)
		case $(head -c 2 "$top/$1") in '#!') echo hash ;; esac ;;
	esac
}

line_for() {
	case $1 in
	c) printf '/* %s */\n' "$tag" ;;
	sql) printf -- '-- %s\n' "$tag" ;;
	roff) printf '.\\" %s\n' "$tag" ;;
	hash) printf '# %s\n' "$tag" ;;
	esac
}

# has_tag FILE: the tag on the first line, or the second after #! (or a
# man page's '\" preprocessor line).
has_tag() {
	head -n 2 "$top/$1" | {
		read -r first
		case $first in
		*"$tag"*) exit 0 ;;
		'#!'* | "'\\\""*) read -r second; case $second in *"$tag"*) exit 0 ;; esac ;;
		esac
		exit 1
	}
}

# add_tag FILE KIND: puts the line at the top, below a #! line.
add_tag() {
	f=$top/$1
	l=$(line_for "$2")
	case $(head -n 1 "$f") in
	'#!'* | "'\\\""*) { head -n 1 "$f"; echo "$l"; tail -n +2 "$f"; } > "$f.spdx" ;;
	*) { echo "$l"; cat "$f"; } > "$f.spdx" ;;
	esac
	# Keep the mode (scripts stay executable).
	cat "$f.spdx" > "$f" && rm -f "$f.spdx"
}

if ! root=$(git -C "$top" rev-parse --show-toplevel 2>/dev/null) ||
   [ "$(cd "$root" && pwd -P)" != "$(cd "$top" && pwd -P)" ]; then
	echo "1..0 # SKIP $top is not a git checkout: no tracked files to judge"
	exit 0
fi

lacking=
unknown=
n=0
files=$(git -C "$top" ls-files)
while IFS= read -r f; do
	n=$((n + 1))
	[ -f "$top/$f" ] || continue
	k=$(kind "$f")
	case $k in
	-) ;;
	'') unknown="$unknown $f" ;;
	*)
		if ! has_tag "$f"; then
			if [ "${1-}" = --fix ]; then
				add_tag "$f" "$k" && echo "added: $f"
			else
				lacking="$lacking $f"
			fi
		fi ;;
	esac
done <<EOF
$files
EOF

if [ "${1-}" = --fix ]; then
	for f in $unknown; do echo "not a kind licence.sh knows: $f" >&2; done
	[ -z "$unknown" ]
	exit
fi

if [ -z "$lacking" ]; then
	echo "ok 1 - every tracked source file carries $tag ($n files looked at)"
else
	echo "not ok 1 - every tracked source file carries $tag"
	echo "#   these lack it (tests/cli/licence.sh --fix adds it):"
	for f in $lacking; do echo "#   $f"; done
fi
if [ -z "$unknown" ]; then
	echo "ok 2 - every tracked file is of a kind the licence check knows"
else
	echo "not ok 2 - every tracked file is of a kind the licence check knows"
	echo "#   name these in tests/cli/licence.sh, as source or not:"
	for f in $unknown; do echo "#   $f"; done
fi
echo "1..2"
[ -z "$lacking" ] && [ -z "$unknown" ]
