#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# completion.sh: the bash completion offers apmwb's commands, options,
# submission files, import sources and, for set and get, the file's keys.
# The function is driven as bash drives it: COMP_WORDS, COMP_CWORD,
# COMP_LINE and COMP_POINT set, _apmwb called, COMPREPLY read.  Once with
# bash-completion loaded (as it is where the script is installed) and once
# without it.
. "$TOPSRCDIR/tests/cli/lib.sh"
script="$TOPSRCDIR/completion/apmwb"
bc=/usr/share/bash-completion/bash_completion

# comp MODE WORD...: what completing the last WORD offers, one per line,
# sorted; anything the completion printed on stderr goes to $T/comp.err.
# The program is $APMWB (or $prog when set); the folder is $T/files.
comp() {
	local mode=$1
	shift
	(
		cd "$T/files" || exit 1
		if [ "$mode" = full ]; then . "$bc" || exit 1; fi
		. "$script" || exit 1
		COMP_WORDS=("${prog:-$APMWB}" "$@")
		COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_apmwb apmwb "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf '%s\n' "${COMPREPLY[@]}" | sed 's|/$||' | sort
	) 2>"$T/comp.err"
}
lines() { printf '%s\n' "$@" | sort; }

mkdir -p "$T/files/sub" || exit 99
(cd "$T/files" && touch notes.txt answers.json contracts.csv sub/inner.apmwb &&
	"$APMWB" new acme.apmwb) || exit 99

modes=bare
if [ -r "$bc" ]; then
	modes="full bare"
else
	echo "ok 1 - with bash-completion loaded # SKIP $bc is not installed"
	_n=1
fi

for m in $modes; do
	got=$(comp $m "")
	want_cmds="new set get import check show export complete ack log undo"
	missing=
	for c in $want_cmds; do
		printf '%s\n' "$got" | grep -qx "$c" || missing="$missing $c"
	done
	check "$m: the first word offers every command" eval 'test -z "$missing"'
	check "$m: ... and the submissions and folders here, not other files" \
		eval 'printf "%s\n" "$got" | grep -qx acme.apmwb &&
		      printf "%s\n" "$got" | grep -qx sub &&
		      ! printf "%s\n" "$got" | grep -q -e notes.txt -e answers.json'
	got=$(comp $m ex)
	check "$m: 'ex' completes to export alone" is "$got" "export"

	got=$(comp $m --v)
	check "$m: '--v' completes to --version" is "$got" "--version"
	got=$(comp $m -)
	check "$m: '-' offers the program's options" \
		is "$got" "$(lines -V -h -r --help --read-only --version)"
	got=$(comp $m export --)
	check "$m: export's options" is "$got" "$(lines --excel --format --help --map)"
	got=$(comp $m complete acme.apmwb --)
	check "$m: complete's --by" is "$got" "$(lines --by --help)"
	got=$(comp $m export --format "")
	check "$m: --format offers export's formats" \
		is "$got" "$(lines json csv qualtrics contracts)"
	if [ $m = full ]; then
		got=$(comp $m export --format=q)
		check "$m: --format=q completes to qualtrics" is "$got" "qualtrics"
	fi

	got=$(comp $m set "")
	check "$m: set's FILE offers submissions and folders only" \
		is "$got" "$(lines acme.apmwb sub)"
	got=$(comp $m -r "")
	check "$m: -r FILE offers submissions and folders only" \
		is "$got" "$(lines acme.apmwb sub)"
	got=$(comp $m export --format csv "")
	check "$m: export's FILE after an option and its value" \
		is "$got" "$(lines acme.apmwb sub)"
	got=$(comp $m new sub/)
	check "$m: a folder's submissions" is "$got" "sub/inner.apmwb"
	got=$(comp $m import acme.apmwb "")
	check "$m: import's SOURCE offers JSON, CSV and folders" \
		is "$got" "$(lines answers.json contracts.csv sub)"
	got=$(comp $m export --map "")
	check "$m: --map offers CSV and folders" is "$got" "$(lines contracts.csv sub)"
	got=$(comp $m undo acme.apmwb "")
	check "$m: nothing past the last argument" is "$got" ""

	# Keys as `apmwb keys --format csv FILE` gives them: a header row,
	# then the key first on each row.
	cat > "$T/fake-keys" <<-EOF
	#!/bin/sh
	if [ "\$1" = keys ]; then
		printf 'key,tab,type\ngi.contact_name,General information,text\n'
		printf 'gi.lob.ma,General information,yes/no\ncommercial.m8.share,Commercial,percent\n'
		exit 0
	fi
	exec "$APMWB" "\$@"
	EOF
	chmod +x "$T/fake-keys"
	got=$(prog="$T/fake-keys" comp $m set acme.apmwb "")
	check "$m: set's KEY offers the keys column, not the header" \
		is "$got" "$(lines gi.contact_name gi.lob.ma commercial.m8.share)"
	got=$(prog="$T/fake-keys" comp $m set acme.apmwb gi.)
	check "$m: set's KEY completes what is typed" \
		is "$got" "$(lines gi.contact_name gi.lob.ma)"
	got=$(prog="$T/fake-keys" comp $m get -- acme.apmwb com)
	check "$m: get's KEY after --" is "$got" "commercial.m8.share"

	# A program without `keys` (or a file it cannot read): no keys and
	# not a word on the terminal.
	cat > "$T/no-keys" <<-EOF
	#!/bin/sh
	if [ "\$1" = keys ]; then
		echo "apmwb: 'keys' is not a command; see apmwb --help" >&2
		exit 2
	fi
	exec "$APMWB" "\$@"
	EOF
	chmod +x "$T/no-keys"
	got=$(prog="$T/no-keys" comp $m set acme.apmwb "")
	check "$m: without apmwb keys, KEY offers nothing" is "$got" ""
	check "$m: ... and says nothing" eval '! test -s "$T/comp.err"'
	got=$(prog="$T/fake-keys" comp $m get missing.apmwb "")
	check "$m: a missing file gives no keys" is "$got" ""
	check "$m: ... and no error" eval '! test -s "$T/comp.err"'
done

# The real program's keys, once it has the command.
if "$APMWB" keys --format csv "$T/files/acme.apmwb" >/dev/null 2>&1; then
	m=${modes%% *}
	got=$(comp $m set acme.apmwb gi.contact_)
	check "apmwb's own keys: gi.contact_ completes to the contact keys" \
		eval 'printf "%s\n" "$got" | grep -qx gi.contact_name &&
		      ! printf "%s\n" "$got" | grep -qv "^gi\.contact_"'
	got=$(comp $m get acme.apmwb commercial.m8.sh)
	check "apmwb's own keys: get offers computed figures" \
		is "$got" "commercial.m8.share"
	# Keys after a row whose choices span lines, as Medicare Advantage's
	# model questions do: every row 1x of Commercial, none swallowed.
	got=$(comp $m get acme.apmwb commercial.m1)
	check "apmwb's own keys: none lost after a field with line breaks" \
		is "$got" "$(lines commercial.m1 commercial.m10 commercial.m11 \
			commercial.m12 commercial.m13 commercial.m14 commercial.m15 \
			commercial.m16 commercial.m17 commercial.m18 commercial.m19 \
			commercial.m10.share commercial.m11.share commercial.m12.share \
			commercial.m13.share commercial.m14.share commercial.m15.share \
			commercial.m16.share commercial.m17.share commercial.m18.share \
			commercial.m19.share)"
	got=$(comp $m get acme.apmwb "" | wc -l)
	want=$("$APMWB" keys --format csv "$T/files/acme.apmwb" | tail -n +2 | grep -c "^[a-z][a-z0-9_.]*,")
	check "apmwb's own keys: as many as apmwb keys lists ($want)" is "$got" "$want"
else
	_n=$((_n + 1))
	echo "ok $_n - apmwb's own keys # SKIP this apmwb has no 'keys' command yet"
fi

done_testing
