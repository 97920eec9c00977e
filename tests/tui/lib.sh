# SPDX-License-Identifier: MIT
# lib.sh: driving the full-screen workbook in a private tmux server.
# Source it after tests/cli/lib.sh (TAP helpers, $T).  The program runs
# in an 80x24 pane of its own server; screens are read with capture-pane
# and polled for the text expected, never waited for by fixed sleeps.
if ! command -v tmux >/dev/null 2>&1; then
	# A missing tmux is a failure, not a skip: CI installs it.
	echo "not ok 1 - tmux is needed for the full-screen tests"
	echo "1..1"
	exit 1
fi
_starts=0
TMUX_SOCK="apmwb-$$-0"
TMUX_TMPDIR=$T
export TMUX_TMPDIR
unset TMUX
tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

# start [ENV=VALUE...] -- ARGS...: runs apmwb ARGS in an 80x24 pane; when
# it ends the pane says "apmwb-exit=STATUS".
start() {
	local envs="LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color"
	while [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	shift
	# Each run gets a server of its own: a server being killed may still
	# hold its socket for a moment.
	tm kill-server >/dev/null 2>&1
	_starts=$((_starts + 1))
	TMUX_SOCK="apmwb-$$-$_starts"
	tm new-session -d -x 80 -y 24 \
		"$_late env $envs $APMWB $*; echo apmwb-exit=\$?; sleep 600"
}
_late=

# start_late ARGS...: as start, but the program begins half a second
# after the pane, so keys sent at once are typed ahead of it.
start_late() {
	_late="sleep 0.5;"
	start "$@"
	_late=
}

screen() { tm capture-pane -p; }
screen_e() { tm capture-pane -p -e; }
keys() { tm send-keys "$@"; }
# type TEXT: literal text, no key names.
type_text() { tm send-keys -l -- "$1"; }

# wait_for TEXT [SECONDS]: polls the pane until it shows TEXT.  Limits are
# multiplied by APMWB_TIMEOUT_SCALE (make check-valgrind sets it).
wait_for() {
	local text=$1 limit=$(( ${2:-10} * ${APMWB_TIMEOUT_SCALE:-1} )) i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		case "$(screen)" in *"$text"*) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer shown.
wait_gone() {
	local text=$1 limit=$(( ${2:-10} * ${APMWB_TIMEOUT_SCALE:-1} )) i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		case "$(screen)" in *"$text"*) ;; *) return 0 ;; esac
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# expect DESC TEXT [SECONDS]: a TAP line for the pane showing TEXT.
expect() {
	if wait_for "$2" "${3:-10}"; then
		ok "$1"
	else
		not_ok "$1" "expected on screen: $2" "screen:"
		screen | sed 's/^/#   | /'
	fi
}

# wait_line ERE [SECONDS]: polls until one line of the pane matches ERE
# (for text that must sit on one row, e.g. a value beside its row number).
wait_line() {
	local re=$1 limit=$(( ${2:-10} * ${APMWB_TIMEOUT_SCALE:-1} )) i=0
	while [ "$i" -lt $((limit * 20)) ]; do
		screen | grep -Eq -- "$re" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# expect_line DESC ERE [SECONDS]: a TAP line for a pane line matching ERE.
expect_line() {
	if wait_line "$2" "${3:-10}"; then
		ok "$1"
	else
		not_ok "$1" "expected a line matching: $2" "screen:"
		screen | sed 's/^/#   | /'
	fi
}

# get KEY: an answer read back from the file.
get() { "$APMWB" get "$f" "$1" 2>&1; }
check_get() {
	local v
	v=$(get "$1")
	if [ "$v" = "$2" ]; then
		ok "$1 is '$2' in the file"
	else
		not_ok "$1 is '$2' in the file" "got: $v"
	fi
}

# quit: F10 (q types on a text answer), and the program ends cleanly.
quit() {
	keys F10
	wait_for "apmwb-exit=" 10
}

# example_file FILE: a new submission at FILE holding the Tab 9 example
# (tests/data/example.json); the test cannot go on without it.
example_file() {
	"$APMWB" new "$1" >/dev/null && "$APMWB" import "$1" \
		"$TOPSRCDIR/tests/data/example.json" >/dev/null 2>&1 || exit 99
}
